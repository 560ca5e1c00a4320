/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <stdint.h>
#include <stdlib.h>

#include <glib.h>

G_BEGIN_DECLS

/* What every target does once, from LLVMFuzzerInitialize: a warning or a
 * critical is a bug that the input found, so it ends the run like a crash. */
static inline void
as_fuzz_init (void)
{
  /* GLib's slice allocator would hide leaks and uses after free from the
   * sanitizer; tests/fuzz/run sets it, and it has to be set before the
   * program starts. */
  if (g_strcmp0 (g_getenv ("G_SLICE"), "always-malloc") != 0)
    g_printerr ("G_SLICE=always-malloc is not set: leaks may go unseen\n");
  g_log_set_always_fatal (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
}

int LLVMFuzzerInitialize   (int            *argc,
                            char         ***argv);
int LLVMFuzzerTestOneInput (const uint8_t  *data,
                            size_t          size);

G_END_DECLS
