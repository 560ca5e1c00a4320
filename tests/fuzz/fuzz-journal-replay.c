/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fuzz-journal-replay"

#include "config.h"

#include "as-format.h"
#include "as-journal.h"
#include "as-undo-stack.h"
#include "fuzz-common.h"

/*
 * Replaying a crash journal: the header, the snapshot of the set and each
 * edit line, applied to the set. Whatever the bytes, the replay ends with a
 * set or an error (never a crash, a leak, a warning or a hang). The set it
 * gives is a document, marked modified, with nothing to undo; and a journal
 * that holds it as its snapshot, as the app would write one, restores the
 * same set again.
 */

/* A journal of the set with no edits after the snapshot: a header, and the
 * set as as_format_write writes it on one line (as as-journal.c does). */
static GBytes *
journal_of (AsSet *set)
{
  g_autoptr(GBytes) written = as_format_write (set);
  GString *text = g_string_new ("{\"journal\":1,\"file\":null,\"hash\":null}\n");
  gsize length;
  const char *data = g_bytes_get_data (written, &length);

  for (gsize i = 0; i < length; i++)
    {
      if (data[i] == '\n')
        {
          while (i + 1 < length && data[i + 1] == ' ')
            i++;
          continue;
        }
      g_string_append_c (text, data[i]);
    }
  g_string_append_c (text, '\n');
  return g_string_free_to_bytes (text);
}

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
  g_autoptr(GError) error = NULL;
  g_autoptr(AsSet) set = NULL;
  g_autoptr(AsSet) again = NULL;
  g_autoptr(GBytes) journal = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GBytes) rewritten = NULL;
  AsUndoStack *undo;

  set = as_journal_restore_bytes (bytes, "fuzz.journal", &error);
  if (set == NULL)
    {
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      return 0;
    }
  g_assert_no_error (error);

  g_assert_true (as_entity_is_document (AS_ENTITY (set)));
  undo = as_set_get_undo_stack (set);
  g_assert_true (as_undo_stack_get_modified (undo));
  g_assert_false (as_undo_stack_get_can_undo (undo));

  journal = journal_of (set);
  again = as_journal_restore_bytes (journal, "again.journal", &error);
  g_assert_no_error (error);
  written = as_format_write (set);
  rewritten = as_format_write (again);
  g_assert_true (g_bytes_equal (written, rewritten));
  return 0;
}
