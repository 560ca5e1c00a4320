/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A fresh temporary folder for one test, removed with its contents by
 * as_test_remove_tree. */
char   *as_test_make_tmpdir   (void);
void    as_test_remove_tree   (const char *path);

/* The path of a file in tests/fixtures, or in data/. */
char   *as_test_fixture_path  (const char *name);
char   *as_test_data_path     (const char *name);

/* Reads a whole file; aborts the test when it cannot. */
GBytes *as_test_read_bytes    (const char *path);

/* A time limit for waiting on a condition, in ms: timeout_ms, times
 * AS_TEST_TIMEOUT_SCALE when set (tests/meson.build sets it for a build
 * with sanitizers, whose code runs several times slower). */
guint   as_test_timeout_ms    (guint       timeout_ms);

/* Spins the main context until *flag is TRUE or timeout_ms passes; returns
 * the flag. Tests wait for a condition, never for a fixed time. */
gboolean as_test_wait_for     (gboolean   *flag,
                               guint       timeout_ms);

G_END_DECLS
