/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "as-file.h"
#include "as-format.h"
#include "as-journal.h"
#include "as-model.h"
#include "as-test-util.h"

/* Edits the child makes before the parent kills it. */
#define CHILD_EDITS 150

static char *self_exe;

/* Helpers */

static GDateTime *
make_time (int day,
           int hour)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_offset (3600);

  return g_date_time_new (tz, 2026, 11, day, hour, 0, 0);
}

static AsMember *
add_member (AsSet      *set,
            const char *name)
{
  g_autoptr(AsMember) member = as_member_new ();

  as_member_set_name (member, name);
  as_entity_append_child (AS_ENTITY (set), as_set_list_members (), AS_ENTITY (member));
  return member;
}

/* A set with members, a planned meeting and an action, saved state. */
static AsSet *
make_set (void)
{
  AsSet *set = as_set_new_document ();
  g_autoptr(GDateTime) start = make_time (21, 14);
  g_autoptr(AsAction) action = as_action_new ();
  AsMember *ada;

  as_set_set_name (set, "Leaders 2026");
  as_set_set_purpose (set, "Learning by doing.\nTogether.");
  ada = add_member (set, "Ada");
  add_member (set, "Grace");
  add_member (set, "Edsger");
  as_set_add_meeting (set, start);

  as_action_set_owner (action, as_entity_get_id (AS_ENTITY (ada)));
  as_action_set_text (action, "Talk to the sponsor");
  as_entity_append_child (AS_ENTITY (set), as_set_list_actions (), AS_ENTITY (action));

  as_undo_stack_mark_clean (as_set_get_undo_stack (set));
  return set;
}

static gpointer
nth (GListModel *model,
     guint       i)
{
  gpointer item = g_list_model_get_item (model, i);

  /* The list keeps it alive; tests hold borrowed pointers. */
  g_object_unref (item);
  return item;
}

static guint
count_lines (const char *path)
{
  g_autoptr(GBytes) bytes = as_test_read_bytes (path);
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  guint n = 0;

  for (gsize i = 0; i < length; i++)
    if (data[i] == '\n')
      n++;
  return n;
}

static void
assert_same_set (AsSet *a,
                 AsSet *b)
{
  g_autoptr(GBytes) ba = as_format_write (a);
  g_autoptr(GBytes) bb = as_format_write (b);

  g_assert_cmpmem (g_bytes_get_data (ba, NULL), g_bytes_get_size (ba),
                   g_bytes_get_data (bb, NULL), g_bytes_get_size (bb));
}

static void
append_text (const char *path,
             const char *text)
{
  g_autoptr(GBytes) bytes = as_test_read_bytes (path);
  g_autofree char *joined = g_strconcat (g_bytes_get_data (bytes, NULL), text, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, joined, -1, &error);
  g_assert_no_error (error);
}

static void
on_flag_notify (GObject    *object,
                GParamSpec *pspec,
                gpointer    data)
{
  (*(guint *) data)++;
}

static void
on_dirty_cleared (AsJournal  *journal,
                  GParamSpec *pspec,
                  gboolean   *flag)
{
  if (!as_journal_get_dirty (journal))
    *flag = TRUE;
}

/* Every kind of edit the model makes, through the public API, undo and redo
 * included. */
static void
make_many_edits (AsSet *set)
{
  AsUndoStack *undo = as_set_get_undo_stack (set);
  GListModel *members = as_set_get_members (set);
  AsMeeting *meeting = nth (as_set_get_meetings (set), 0);
  AsAction *action = nth (as_set_get_actions (set), 0);
  g_autoptr(GDateTime) moved = make_time (28, 9);
  g_autoptr(GDateTime) later = make_time (12, 16);
  const char *attendees[3] = { NULL, NULL, NULL };
  AsMember *newcomer;

  as_set_set_name (set, "Leaders “2026” & co");
  as_set_set_warning_seconds (set, 90);
  as_set_set_ground_rules (set, "Confidential.\nQuestions, not advice.");
  as_member_set_colour (nth (members, 1), "#e01b24");
  as_member_set_active (nth (members, 2), FALSE);
  as_meeting_set_place (meeting, "Room 4");
  as_meeting_set_start (meeting, moved);
  as_meeting_set_state (meeting, AS_MEETING_RUNNING);
  attendees[0] = as_entity_get_id (nth (members, 0));
  attendees[1] = as_entity_get_id (nth (members, 1));
  as_meeting_set_attendees (meeting, attendees);
  as_action_set_due (action, "2026-12-19");
  as_action_change_status (action, AS_ACTION_DOING, later, "Started");

  newcomer = add_member (set, "Barbara");
  as_member_set_role (newcomer, "Engineer");
  {
    g_autoptr(AsMember) first = as_member_new ();

    as_member_set_name (first, "Alan");
    as_entity_insert_child (AS_ENTITY (set), as_set_list_members (), 0, AS_ENTITY (first));
  }
  as_entity_move_child (AS_ENTITY (set), as_set_list_members (), 0, 3);
  as_entity_remove_child (AS_ENTITY (set), as_set_list_members (), 1);

  as_set_begin_edit (set, "Two things");
  as_set_set_facilitator (set, "Reg");
  as_set_set_commit_minutes (set, 7);
  as_set_end_edit (set);

  as_set_add_meeting (set, later);

  g_assert_true (as_undo_stack_undo (undo));   /* the second meeting */
  g_assert_true (as_undo_stack_undo (undo));   /* the group */
  g_assert_true (as_undo_stack_redo (undo));   /* the group again */
  g_assert_true (as_undo_stack_undo (undo));   /* and away */
  as_undo_stack_seal (undo);
  as_set_set_questions_minutes (set, 25);
}

/* Tests */

static void
test_lazy_and_private (void)
{
  g_autoptr(AsSet) set = make_set ();
  g_autoptr(AsJournal) journal = as_journal_new (set, NULL);
  g_autofree char *folder = as_journal_dup_folder ();
  g_autoptr(GPtrArray) orphans = NULL;
  struct stat st;

  g_assert_true (g_str_has_prefix (folder, g_get_user_state_dir ()));
  g_assert_null (as_journal_get_path (journal));
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
  orphans = as_journal_find_orphans ();
  g_assert_cmpuint (orphans->len, ==, 0);

  as_set_set_name (set, "First edit");
  g_assert_nonnull (as_journal_get_path (journal));
  g_assert_true (g_str_has_prefix (as_journal_get_path (journal), folder));
  g_assert_cmpint (g_stat (as_journal_get_path (journal), &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (folder, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
}

static void
test_written_and_synced (void)
{
  g_autoptr(AsSet) set = make_set ();
  g_autoptr(AsJournal) journal = as_journal_new (set, NULL);
  guint n_notify = 0;
  gboolean synced = FALSE;
  gint64 start;
  const char *path;

  g_signal_connect (journal, "notify::dirty", G_CALLBACK (on_flag_notify), &n_notify);
  g_signal_connect (journal, "notify::dirty", G_CALLBACK (on_dirty_cleared), &synced);

  as_set_set_name (set, "Edit 1");
  path = as_journal_get_path (journal);
  /* Header and snapshot, the snapshot with the first edit in place. */
  g_assert_cmpuint (count_lines (path), ==, 2);
  g_assert_true (as_journal_get_dirty (journal));

  /* Each edit is in the file at once, not when the sync comes. */
  start = g_get_monotonic_time ();
  for (int i = 2; i <= 100; i++)
    {
      g_autofree char *name = g_strdup_printf ("Edit %d", i);

      as_set_set_name (set, name);
      g_assert_cmpuint (count_lines (path), ==, i + 1);
    }

  g_assert_true (as_test_wait_for (&synced, 5000));
  /* One timer for the whole burst: synced within the bound, once. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);
  g_assert_cmpuint (n_notify, ==, 2);
  g_assert_false (as_journal_get_dirty (journal));

  /* Flushing syncs at once. */
  as_set_set_name (set, "Edit 101");
  g_assert_true (as_journal_get_dirty (journal));
  g_assert_true (as_journal_flush (journal, NULL));
  g_assert_false (as_journal_get_dirty (journal));
  g_assert_cmpuint (n_notify, ==, 4);
}

static void
test_restore (void)
{
  g_autoptr(AsSet) set = make_set ();
  g_autoptr(AsJournal) journal = as_journal_new (set, NULL);
  g_autoptr(AsSet) restored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  make_many_edits (set);
  path = g_strdup (as_journal_get_path (journal));
  g_assert_nonnull (path);

  /* A crash: the objects go away without a discard. */
  g_clear_object (&journal);
  restored = as_journal_restore (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (restored);
  assert_same_set (set, restored);

  g_assert_true (as_entity_is_document (AS_ENTITY (restored)));
  g_assert_true (as_undo_stack_get_modified (as_set_get_undo_stack (restored)));
  g_assert_false (as_undo_stack_get_can_undo (as_set_get_undo_stack (restored)));
  g_assert_nonnull (as_set_lookup_member (restored, as_entity_get_id (nth (as_set_get_members (set), 2))));
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* A set being edited holds states a set file may not: a set and a member
 * not yet named, an action without an owner, a meeting without a start. The
 * journal restores them as they were. */
/* Every control character in a text, in an edit of a field and in an
 * entity inserted, is written so that the journal reads back. */
static void
test_restore_control_characters (void)
{
  g_autoptr(AsSet) set = make_set ();
  g_autoptr(AsJournal) journal = as_journal_new (set, NULL);
  g_autoptr(AsSet) restored = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new ("controls:");
  g_autoptr(AsAction) action = as_action_new ();
  g_autofree char *path = NULL;

  for (guint c = 1; c < 0x20; c++)
    {
      g_string_append_c (text, (char) c);
      g_string_append_c (text, 'x');
    }
  g_string_append (text, "\x7f\"\\");
  as_set_set_purpose (set, text->str);
  as_action_set_owner (action, as_entity_get_id (nth (as_set_get_members (set), 0)));
  as_action_set_text (action, text->str);
  as_entity_append_child (AS_ENTITY (set), as_set_list_actions (), AS_ENTITY (action));
  path = g_strdup (as_journal_get_path (journal));

  g_clear_object (&journal);
  restored = as_journal_restore (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (as_set_get_purpose (restored), ==, text->str);
  assert_same_set (set, restored);
}

static void
test_restore_unfinished (void)
{
  g_autoptr(AsSet) set = as_set_new_document ();
  g_autoptr(AsJournal) journal = as_journal_new (set, NULL);
  g_autoptr(AsSet) restored = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AsMember) member = as_member_new ();
  g_autoptr(AsAction) action = as_action_new ();
  g_autoptr(AsMeeting) meeting = as_meeting_new ();
  g_autofree char *path = NULL;

  as_entity_append_child (AS_ENTITY (set), as_set_list_members (), AS_ENTITY (member));
  as_entity_append_child (AS_ENTITY (set), as_set_list_actions (), AS_ENTITY (action));
  as_action_set_text (action, "Something");
  as_entity_append_child (AS_ENTITY (set), as_set_list_meetings (), AS_ENTITY (meeting));
  as_meeting_set_place (meeting, "Here");
  g_assert_cmpstr (as_set_get_name (set), ==, "");

  path = g_strdup (as_journal_get_path (journal));
  g_clear_object (&journal);

  restored = as_journal_restore (path, &error);
  g_assert_no_error (error);
  assert_same_set (set, restored);
  g_assert_cmpstr (as_set_get_name (restored), ==, "");
  g_assert_null (as_action_get_owner (nth (as_set_get_actions (restored), 0)));
  g_assert_null (as_meeting_get_start (nth (as_set_get_meetings (restored), 0)));
}

/* Journals as an earlier run left them, kept in tests/fixtures/journal (they
 * are also the seeds of the journal fuzzer): one with the edits of planning
 * a meeting, and one whose snapshot is in the draft format 0, migrated on
 * reading, with edits made to it. */
static AsSet *
restore_fixture (const char *name)
{
  g_autofree char *path = as_test_fixture_path (name);
  g_autoptr(GBytes) bytes = as_test_read_bytes (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(AsSet) from_file = NULL;
  AsSet *set;

  /* From the file and from its bytes alike. */
  from_file = as_journal_restore (path, &error);
  g_assert_no_error (error);
  set = as_journal_restore_bytes (bytes, name, &error);
  g_assert_no_error (error);
  assert_same_set (from_file, set);
  g_assert_true (as_entity_is_document (AS_ENTITY (set)));
  g_assert_true (as_undo_stack_get_modified (as_set_get_undo_stack (set)));
  g_assert_false (as_undo_stack_get_can_undo (as_set_get_undo_stack (set)));
  return set;
}

static void
test_restore_fixtures (void)
{
  g_autoptr(AsSet) planned = restore_fixture ("journal/planned.journal");
  g_autoptr(AsSet) draft = restore_fixture ("journal/format-0.journal");
  AsMeeting *meeting;
  AsAction *action;

  g_assert_cmpstr (as_set_get_name (planned), ==, "Leaders & Co <2026>");
  /* One added, moved to the front and its name cleared; one added and
   * removed again. */
  g_assert_cmpuint (g_list_model_get_n_items (as_set_get_members (planned)), ==, 3);
  g_assert_cmpstr (as_member_get_name (nth (as_set_get_members (planned), 0)), ==, "");
  g_assert_cmpstr (as_member_get_name (nth (as_set_get_members (planned), 1)), ==, "Ada Obi");
  g_assert_cmpstr (as_member_get_name (nth (as_set_get_members (planned), 2)), ==, "Ben Hale");
  g_assert_cmpuint (g_list_model_get_n_items (as_set_get_meetings (planned)), ==, 2);
  meeting = nth (as_set_get_meetings (planned), 1);
  g_assert_cmpuint (g_strv_length ((char **) as_meeting_get_attendees (meeting)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (as_meeting_get_rounds (meeting)), ==, 2);
  action = nth (as_set_get_actions (planned), g_list_model_get_n_items (as_set_get_actions (planned)) - 1);
  g_assert_cmpstr (as_action_get_text (action), ==, "Talk to the sponsor\nbefore March");

  g_assert_cmpstr (as_set_get_name (draft), ==, "Riverside Managers");
  g_assert_cmpstr (as_member_get_name (nth (as_set_get_members (draft), 0)), ==, "Chris Moyo");
  g_assert_cmpstr (as_member_get_role (nth (as_set_get_members (draft), 1)), ==, "Head of Service");
}

static void
test_cut_off_last_line (void)
{
  g_autoptr(AsSet) set = make_set ();
  g_autoptr(AsJournal) journal = as_journal_new (set, NULL);
  g_autoptr(AsSet) restored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  make_many_edits (set);
  path = g_strdup (as_journal_get_path (journal));
  g_clear_object (&journal);

  /* The crash came in the middle of writing a line. */
  append_text (path, "{\"op\":\"set\",\"id\":\"");
  restored = as_journal_restore (path, &error);
  g_assert_no_error (error);
  assert_same_set (set, restored);
}

static char *
journal_with_line (AsSet      *set,
                   const char *line,
                   guint      *line_number)
{
  g_autoptr(AsJournal) journal = as_journal_new (set, NULL);
  char *path;

  as_set_set_name (set, "Snapshot");
  as_set_set_name (set, "After");
  path = g_strdup (as_journal_get_path (journal));
  g_clear_object (&journal);

  append_text (path, line);
  /* And a good line after it, so that the bad one is not the last. */
  append_text (path, "{\"op\":\"set\",\"id\":\"");
  append_text (path, as_entity_get_id (AS_ENTITY (set)));
  append_text (path, "\",\"field\":\"name\",\"value\":\"Later\"}\n");
  *line_number = count_lines (path) - 1;
  return path;
}

static void
test_bad_lines (void)
{
  g_autoptr(AsSet) set = make_set ();
  const char *set_id = as_entity_get_id (AS_ENTITY (set));
  const char *member_id = as_entity_get_id (nth (as_set_get_members (set), 0));
  g_autofree char *out_of_range = g_strdup_printf ("{\"op\":\"set\",\"id\":\"%s\",\"field\":\"warning_seconds\",\"value\":99999}\n", set_id);
  g_autofree char *wrong_type = g_strdup_printf ("{\"op\":\"set\",\"id\":\"%s\",\"field\":\"name\",\"value\":5}\n", set_id);
  g_autofree char *no_field = g_strdup_printf ("{\"op\":\"set\",\"id\":\"%s\",\"field\":\"colour\",\"value\":\"#000000\"}\n", set_id);
  g_autofree char *bad_pos = g_strdup_printf ("{\"op\":\"remove\",\"parent\":\"%s\",\"list\":\"members\",\"pos\":3}\n", set_id);
  g_autofree char *bad_move = g_strdup_printf ("{\"op\":\"move\",\"parent\":\"%s\",\"list\":\"members\",\"from\":0,\"to\":-1}\n", set_id);
  g_autofree char *bad_list = g_strdup_printf ("{\"op\":\"remove\",\"parent\":\"%s\",\"list\":\"turns\",\"pos\":0}\n", set_id);
  g_autofree char *taken_id = g_strdup_printf ("{\"op\":\"insert\",\"parent\":\"%s\",\"list\":\"members\",\"pos\":0,"
                                               "\"item\":{\"id\":\"%s\",\"name\":\"Twin\"}}\n", set_id, member_id);
  const char *lines[] = {
    "garbage\n",
    "[1,2]\n",
    "{\"op\":\"explode\"}\n",
    "{\"op\":\"set\",\"id\":\"0b5e5a3c-7d1e-4f0a-9c61-2f4f0d6a9b12\",\"field\":\"name\",\"value\":\"x\"}\n",
    out_of_range, wrong_type, no_field, bad_pos, bad_move, bad_list, taken_id,
  };

  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AsSet) restored = NULL;
      g_autofree char *path = NULL;
      g_autofree char *expected = NULL;
      guint line = 0;

      path = journal_with_line (set, lines[i], &line);
      restored = as_journal_restore (path, &error);
      g_assert_null (restored);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      expected = g_strdup_printf ("%s: line %u: ", path, line);
      if (!g_str_has_prefix (error->message, expected))
        g_error ("“%s” does not start with “%s”", error->message, expected);
      g_test_message ("%s", error->message);
      g_assert_true (as_journal_delete (path, NULL));
    }
}

static void
test_orphans (void)
{
  g_autoptr(AsSet) set = make_set ();
  g_autoptr(GFile) file = g_file_new_for_path ("/nowhere/leaders.actionset");
  g_autoptr(AsJournal) journal = as_journal_new (set, file);
  g_autoptr(AsJournal) other = NULL;
  g_autoptr(AsSet) other_set = make_set ();
  g_autoptr(GPtrArray) orphans = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  AsJournalEntry *entry;

  as_journal_set_hash (journal, "abc123");
  as_set_set_name (set, "Orphan to be");
  as_set_set_warning_seconds (set, 60);
  as_set_set_monologue_seconds (set, 100);
  path = g_strdup (as_journal_get_path (journal));

  /* A journal this (running) instance holds is no orphan. */
  orphans = as_journal_find_orphans ();
  g_assert_cmpuint (orphans->len, ==, 0);
  g_clear_pointer (&orphans, g_ptr_array_unref);
  g_assert_false (as_journal_delete (path, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_BUSY);
  g_clear_error (&error);

  /* A discarded one is gone. */
  other = as_journal_new (other_set, NULL);
  as_set_set_name (other_set, "Discarded");
  g_assert_nonnull (as_journal_get_path (other));
  {
    g_autofree char *other_path = g_strdup (as_journal_get_path (other));

    as_journal_discard (other);
    g_assert_null (as_journal_get_path (other));
    g_assert_false (g_file_test (other_path, G_FILE_TEST_EXISTS));
    /* Edits after a discard write nothing. */
    as_set_set_name (other_set, "Still discarded");
    g_assert_null (as_journal_get_path (other));
  }

  g_clear_object (&journal);
  orphans = as_journal_find_orphans ();
  g_assert_cmpuint (orphans->len, ==, 1);
  entry = g_ptr_array_index (orphans, 0);
  g_assert_cmpstr (entry->path, ==, path);
  g_assert_cmpstr (entry->file_path, ==, "/nowhere/leaders.actionset");
  g_assert_cmpstr (entry->hash, ==, "abc123");
  g_assert_cmpstr (entry->title, ==, "Orphan to be");
  g_assert_cmpuint (entry->n_edits, ==, 3);
  g_assert_nonnull (entry->modified);

  g_assert_true (as_journal_delete (path, &error));
  g_assert_no_error (error);
  g_clear_pointer (&orphans, g_ptr_array_unref);
  orphans = as_journal_find_orphans ();
  g_assert_cmpuint (orphans->len, ==, 0);
}

static void
test_save_resets (void)
{
  g_autofree char *dir = as_test_make_tmpdir ();
  g_autofree char *file_path = g_build_filename (dir, "leaders.actionset", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (file_path);
  g_autoptr(AsSet) set = make_set ();
  g_autoptr(GBytes) bytes = as_format_write (set);
  g_autoptr(AsSetFile) set_file = NULL;
  g_autoptr(AsJournalEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  AsJournal *journal;
  AsSet *loaded;

  g_assert_true (as_write_file_atomically (file_path, bytes, NULL));
  set_file = as_set_file_load (file, NULL, &error);
  g_assert_no_error (error);
  journal = as_set_file_get_journal (set_file);
  loaded = as_set_file_get_set (set_file);
  g_assert_null (as_journal_get_path (journal));

  as_set_set_name (loaded, "Edited");
  path = g_strdup (as_journal_get_path (journal));
  g_assert_nonnull (path);
  entry = as_journal_read_entry (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (entry->file_path, ==, file_path);
  g_assert_cmpstr (entry->hash, ==, as_set_file_get_content_hash (set_file));

  g_assert_true (as_set_file_save (set_file, NULL, FALSE, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (as_journal_get_path (journal));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (as_journal_get_dirty (journal));

  /* Edits after the save start a new journal, which names the new hash;
   * undoing back to the saved state deletes it again. */
  as_set_set_purpose (loaded, "Changed again");
  g_clear_pointer (&path, g_free);
  path = g_strdup (as_journal_get_path (journal));
  g_assert_nonnull (path);
  g_clear_pointer (&entry, as_journal_entry_free);
  entry = as_journal_read_entry (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (entry->hash, ==, as_set_file_get_content_hash (set_file));

  g_assert_true (as_undo_stack_undo (as_set_get_undo_stack (loaded)));
  g_assert_false (as_set_file_get_modified (set_file));
  g_assert_null (as_journal_get_path (journal));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  g_clear_object (&set_file);
  as_test_remove_tree (dir);
}

/* The child: edits a set for ever, reporting each edit once it is made. */
static int
run_edit_child (void)
{
  g_autoptr(AsSet) set = as_set_new_document ();
  g_autoptr(AsJournal) journal = as_journal_new (set, NULL);

  as_set_set_name (set, "Killed");
  for (int i = 1; ; i++)
    {
      g_autoptr(AsAction) action = as_action_new ();
      g_autofree char *text = g_strdup_printf ("Action %d", i);

      as_action_set_text (action, text);
      as_entity_append_child (AS_ENTITY (set), as_set_list_actions (), AS_ENTITY (action));
      g_print ("%d\n", i);
      fflush (stdout);
      /* Let the sync timer run, as in the app. */
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (i < CHILD_EDITS ? 1000 : 100000);
    }
  return 0;
}

static int
read_count (GDataInputStream *input)
{
  g_autofree char *line = g_data_input_stream_read_line (input, NULL, NULL, NULL);

  return line ? atoi (line) : -1;
}

/* A process killed after its edits loses none of them: each line is in the
 * file (the page cache) as soon as the edit is made, and synced within
 * AS_JOURNAL_SYNC_MS against a crash of the whole machine. */
static void
test_kill (void)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GDataInputStream) input = NULL;
  g_autoptr(GPtrArray) orphans = NULL;
  g_autoptr(AsSet) restored = NULL;
  g_autoptr(GError) error = NULL;
  AsJournalEntry *entry;
  GListModel *actions;
  int reported = 0, n;

  g_subprocess_launcher_setenv (launcher, "XDG_STATE_HOME", g_get_user_state_dir (), TRUE);
  child = g_subprocess_launcher_spawn (launcher, &error, self_exe, "--edit-child", NULL);
  g_assert_no_error (error);
  input = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));

  while (reported < CHILD_EDITS && (n = read_count (input)) > 0)
    reported = n;
  g_assert_cmpint (reported, ==, CHILD_EDITS);

  g_subprocess_send_signal (child, SIGKILL);
  g_assert_true (g_subprocess_wait (child, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_signaled (child));
  g_assert_cmpint (g_subprocess_get_term_sig (child), ==, SIGKILL);
  /* What it reported between our reading and the kill. */
  while ((n = read_count (input)) > 0)
    reported = n;

  orphans = as_journal_find_orphans ();
  g_assert_cmpuint (orphans->len, ==, 1);
  entry = g_ptr_array_index (orphans, 0);
  g_assert_cmpstr (entry->title, ==, "Killed");

  restored = as_journal_restore (entry->path, &error);
  g_assert_no_error (error);
  actions = as_set_get_actions (restored);
  /* Every edit reported, and at most the one it was making when killed. */
  g_assert_cmpint (g_list_model_get_n_items (actions), >=, reported);
  g_assert_cmpint (g_list_model_get_n_items (actions), <=, reported + 1);
  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autofree char *text = g_strdup_printf ("Action %u", i + 1);

      g_assert_cmpstr (as_action_get_text (nth (actions, i)), ==, text);
    }
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 2 && strcmp (argv[1], "--edit-child") == 0)
    return run_edit_child ();

  self_exe = g_file_read_link ("/proc/self/exe", NULL);
  if (self_exe == NULL)
    self_exe = g_canonicalize_filename (argv[0], NULL);

  /* Each test gets its own XDG_STATE_HOME, so journals never meet. */
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/journal/lazy-and-private", test_lazy_and_private);
  g_test_add_func ("/journal/written-and-synced", test_written_and_synced);
  g_test_add_func ("/journal/restore", test_restore);
  g_test_add_func ("/journal/restore-control-characters", test_restore_control_characters);
  g_test_add_func ("/journal/restore-unfinished", test_restore_unfinished);
  g_test_add_func ("/journal/restore-fixtures", test_restore_fixtures);
  g_test_add_func ("/journal/cut-off-last-line", test_cut_off_last_line);
  g_test_add_func ("/journal/bad-lines", test_bad_lines);
  g_test_add_func ("/journal/orphans", test_orphans);
  g_test_add_func ("/journal/save-resets", test_save_resets);
  g_test_add_func ("/journal/kill", test_kill);

  return g_test_run ();
}
