/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fuzz-set-reader"

#include "config.h"

#include "as-format.h"
#include "fuzz-common.h"

/*
 * The set reader, from the bytes of a file to a set, with the limits of
 * as-format.h on. Whatever the bytes, reading ends with a set or with a
 * problem (never a crash, a leak, a warning or a hang), and a set read
 * writes bytes that read back as the same set.
 */

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  as_fuzz_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) as_problem_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(AsSet) set = NULL;
  g_autoptr(AsSet) again = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GBytes) rewritten = NULL;
  gboolean migrated = FALSE;
  guint major, minor;

  /* The version peek never reads past the bytes either. */
  (void) as_format_peek_version (bytes, &major, &minor);

  set = as_format_read_full (bytes, problems, &migrated, &error);
  if (set == NULL)
    {
      g_assert_nonnull (error);
      g_assert_cmpuint (problems->len, >, 0);
      return 0;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);

  written = as_format_write (set);
  again = as_format_read (written, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);
  rewritten = as_format_write (again);
  g_assert_true (g_bytes_equal (written, rewritten));
  return 0;
}
