/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "as-model.h"
#include "as-test-util.h"

/* The number of steps the stack keeps (MAX_STEPS in as-undo-stack.c). */
#define KEPT_STEPS 1000

/* Counts of the notifications of the stack's three properties. */
typedef struct
{
  guint can_undo;
  guint can_redo;
  guint modified;
} Notes;

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    data)
{
  (*(guint *) data)++;
}

static void
watch_stack (AsUndoStack *undo,
             Notes       *notes)
{
  memset (notes, 0, sizeof *notes);
  g_signal_connect (undo, "notify::can-undo", G_CALLBACK (count_notify), &notes->can_undo);
  g_signal_connect (undo, "notify::can-redo", G_CALLBACK (count_notify), &notes->can_redo);
  g_signal_connect (undo, "notify::modified", G_CALLBACK (count_notify), &notes->modified);
}

static void
assert_notes (const Notes *notes,
              guint        can_undo,
              guint        can_redo,
              guint        modified)
{
  g_assert_cmpuint (notes->can_undo, ==, can_undo);
  g_assert_cmpuint (notes->can_redo, ==, can_redo);
  g_assert_cmpuint (notes->modified, ==, modified);
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

static const char *
member_name_at (AsSet *set,
                guint  position)
{
  g_autoptr(AsMember) member = g_list_model_get_item (as_set_get_members (set), position);

  g_assert_nonnull (member);
  return as_member_get_name (member);
}

/* A meeting with two rounds of two steps, not yet in a document. */
static AsMeeting *
make_meeting (void)
{
  AsMeeting *meeting = as_meeting_new ();

  for (guint r = 0; r < 2; r++)
    {
      g_autoptr(AsRound) round = as_round_new ();

      for (guint s = 0; s < 2; s++)
        {
          g_autoptr(AsStep) step = as_step_new ();

          as_step_set_budget_minutes (step, 10 * (r + 1) + s);
          as_entity_append_child (AS_ENTITY (round), as_round_list_steps (), AS_ENTITY (step));
        }
      as_entity_append_child (AS_ENTITY (meeting), as_meeting_list_rounds (), AS_ENTITY (round));
    }
  return meeting;
}

static void
test_new_stack (void)
{
  g_autoptr(AsUndoStack) undo = as_undo_stack_new ();

  g_assert_false (as_undo_stack_get_can_undo (undo));
  g_assert_false (as_undo_stack_get_can_redo (undo));
  g_assert_false (as_undo_stack_get_modified (undo));
  g_assert_cmpuint (as_undo_stack_get_depth (undo), ==, 0);
  g_assert_null (as_undo_stack_get_undo_label (undo));
  g_assert_null (as_undo_stack_get_redo_label (undo));
  g_assert_false (as_undo_stack_undo (undo));
  g_assert_false (as_undo_stack_redo (undo));
}

static void
test_undo_set_field (void)
{
  g_autoptr(AsSet) set = as_set_new_document ();
  AsUndoStack *undo = as_set_get_undo_stack (set);
  Notes notes;

  g_assert_nonnull (undo);
  watch_stack (undo, &notes);

  as_set_set_name (set, "Tuesday set");
  g_assert_cmpuint (as_undo_stack_get_depth (undo), ==, 1);
  g_assert_true (as_undo_stack_get_can_undo (undo));
  g_assert_false (as_undo_stack_get_can_redo (undo));
  g_assert_true (as_undo_stack_get_modified (undo));
  assert_notes (&notes, 1, 0, 1);

  /* Setting the same value again is no edit. */
  as_set_set_name (set, "Tuesday set");
  g_assert_cmpuint (as_undo_stack_get_depth (undo), ==, 1);
  assert_notes (&notes, 1, 0, 1);

  g_assert_true (as_undo_stack_undo (undo));
  g_assert_cmpstr (as_set_get_name (set), ==, "");
  g_assert_false (as_undo_stack_get_can_undo (undo));
  g_assert_true (as_undo_stack_get_can_redo (undo));
  g_assert_false (as_undo_stack_get_modified (undo));
  assert_notes (&notes, 2, 1, 2);

  g_assert_true (as_undo_stack_redo (undo));
  g_assert_cmpstr (as_set_get_name (set), ==, "Tuesday set");
  g_assert_true (as_undo_stack_get_can_undo (undo));
  g_assert_false (as_undo_stack_get_can_redo (undo));
  g_assert_true (as_undo_stack_get_modified (undo));
  assert_notes (&notes, 3, 2, 3);

  /* Nothing more to redo. */
  g_assert_false (as_undo_stack_redo (undo));
  assert_notes (&notes, 3, 2, 3);
}

static void
test_undo_field_types (void)
{
  g_autoptr(AsSet) set = as_set_new_document ();
  AsUndoStack *undo = as_set_get_undo_stack (set);
  g_autoptr(AsMeeting) meeting = as_meeting_new ();
  g_autoptr(GTimeZone) tz = g_time_zone_new_offset (3600);
  g_autoptr(GDateTime) start = g_date_time_new (tz, 2026, 3, 4, 14, 0, 0);
  const char *attendees[] = { "00000000-0000-4000-8000-00000000000a", "00000000-0000-4000-8000-00000000000b", NULL };

  as_entity_append_child (AS_ENTITY (set), as_set_list_meetings (), AS_ENTITY (meeting));
  as_undo_stack_clear (undo);

  as_meeting_set_start (meeting, start);
  as_undo_stack_seal (undo);
  as_meeting_set_attendees (meeting, attendees);
  as_undo_stack_seal (undo);
  as_meeting_set_state (meeting, AS_MEETING_FINISHED);
  as_undo_stack_seal (undo);
  as_set_set_present_minutes (set, 12);
  g_assert_cmpuint (as_undo_stack_get_depth (undo), ==, 4);

  while (as_undo_stack_undo (undo))
    ;
  g_assert_null (as_meeting_get_start (meeting));
  g_assert_cmpuint (g_strv_length ((char **) as_meeting_get_attendees (meeting)), ==, 0);
  g_assert_cmpint (as_meeting_get_state (meeting), ==, AS_MEETING_PLANNED);
  g_assert_cmpint (as_set_get_present_minutes (set), ==, 10);

  while (as_undo_stack_redo (undo))
    ;
  g_assert_nonnull (as_meeting_get_start (meeting));
  g_assert_true (g_date_time_equal (as_meeting_get_start (meeting), start));
  g_assert_cmpstrv (as_meeting_get_attendees (meeting), attendees);
  g_assert_cmpint (as_meeting_get_state (meeting), ==, AS_MEETING_FINISHED);
  g_assert_cmpint (as_set_get_present_minutes (set), ==, 12);
}

static void
test_undo_insert (void)
{
  g_autoptr(AsSet) set = as_set_new_document ();
  AsUndoStack *undo = as_set_get_undo_stack (set);
  AsMember *member;
  g_autofree char *id = NULL;

  member = add_member (set, "Ada");
  g_object_ref (member);
  id = g_strdup (as_entity_get_id (AS_ENTITY (member)));
  /* Adding with a name set before insertion is one step. */
  g_assert_cmpuint (as_undo_stack_get_depth (undo), ==, 1);

  g_assert_true (as_undo_stack_undo (undo));
  g_assert_cmpuint (g_list_model_get_n_items (as_set_get_members (set)), ==, 0);
  g_assert_null (as_entity_get_parent (AS_ENTITY (member)));
  g_assert_null (as_entity_lookup (AS_ENTITY (set), id));

  g_assert_true (as_undo_stack_redo (undo));
  g_assert_cmpuint (g_list_model_get_n_items (as_set_get_members (set)), ==, 1);
  {
    g_autoptr(AsMember) again = g_list_model_get_item (as_set_get_members (set), 0);
    g_assert_true (again == member);
  }
  g_assert_true (as_entity_get_parent (AS_ENTITY (member)) == AS_ENTITY (set));
  g_assert_true (as_entity_lookup (AS_ENTITY (set), id) == AS_ENTITY (member));
  g_object_unref (member);
}

static void
test_undo_remove (void)
{
  g_autoptr(AsSet) set = as_set_new_document ();
  AsUndoStack *undo = as_set_get_undo_stack (set);
  g_autoptr(AsMember) second = NULL;
  g_autofree char *id = NULL;

  add_member (set, "Ada");
  second = g_object_ref (add_member (set, "Brook"));
  add_member (set, "Cy");
  id = g_strdup (as_entity_get_id (AS_ENTITY (second)));

  as_entity_remove_child (AS_ENTITY (set), as_set_list_members (), 1);
  g_assert_cmpuint (g_list_model_get_n_items (as_set_get_members (set)), ==, 2);
  g_assert_null (as_entity_lookup (AS_ENTITY (set), id));
  g_assert_null (as_entity_get_parent (AS_ENTITY (second)));

  g_assert_true (as_undo_stack_undo (undo));
  g_assert_cmpuint (g_list_model_get_n_items (as_set_get_members (set)), ==, 3);
  g_assert_cmpstr (member_name_at (set, 0), ==, "Ada");
  g_assert_cmpstr (member_name_at (set, 1), ==, "Brook");
  g_assert_cmpstr (member_name_at (set, 2), ==, "Cy");
  {
    g_autoptr(AsMember) back = g_list_model_get_item (as_set_get_members (set), 1);
    g_assert_true (back == second);
    g_assert_cmpstr (as_entity_get_id (AS_ENTITY (back)), ==, id);
  }
  g_assert_true (as_entity_lookup (AS_ENTITY (set), id) == AS_ENTITY (second));
  g_assert_true (as_entity_get_parent (AS_ENTITY (second)) == AS_ENTITY (set));

  g_assert_true (as_undo_stack_redo (undo));
  g_assert_cmpuint (g_list_model_get_n_items (as_set_get_members (set)), ==, 2);
  g_assert_cmpstr (member_name_at (set, 1), ==, "Cy");
  g_assert_null (as_entity_lookup (AS_ENTITY (set), id));
}

static void
test_undo_remove_subtree (void)
{
  g_autoptr(AsSet) set = as_set_new_document ();
  AsUndoStack *undo = as_set_get_undo_stack (set);
  g_autoptr(AsMeeting) meeting = make_meeting ();
  g_autoptr(AsRound) round = g_list_model_get_item (as_meeting_get_rounds (meeting), 1);
  g_autoptr(AsStep) step = g_list_model_get_item (as_round_get_steps (round), 1);
  g_autofree char *meeting_id = g_strdup (as_entity_get_id (AS_ENTITY (meeting)));
  g_autofree char *round_id = g_strdup (as_entity_get_id (AS_ENTITY (round)));
  g_autofree char *step_id = g_strdup (as_entity_get_id (AS_ENTITY (step)));

  as_entity_append_child (AS_ENTITY (set), as_set_list_meetings (), AS_ENTITY (meeting));
  g_assert_true (as_entity_lookup (AS_ENTITY (set), step_id) == AS_ENTITY (step));

  g_assert_true (as_entity_remove_child_item (AS_ENTITY (set), as_set_list_meetings (),
                                              AS_ENTITY (meeting)));
  g_assert_null (as_entity_lookup (AS_ENTITY (set), meeting_id));
  g_assert_null (as_entity_lookup (AS_ENTITY (set), round_id));
  g_assert_null (as_entity_lookup (AS_ENTITY (set), step_id));
  /* The meeting keeps its own children while it is out of the document. */
  g_assert_cmpuint (g_list_model_get_n_items (as_meeting_get_rounds (meeting)), ==, 2);
  g_assert_true (as_entity_get_parent (AS_ENTITY (step)) == AS_ENTITY (round));

  g_assert_true (as_undo_stack_undo (undo));
  g_assert_true (as_entity_lookup (AS_ENTITY (set), meeting_id) == AS_ENTITY (meeting));
  g_assert_true (as_entity_lookup (AS_ENTITY (set), round_id) == AS_ENTITY (round));
  g_assert_true (as_entity_lookup (AS_ENTITY (set), step_id) == AS_ENTITY (step));
  g_assert_true (as_entity_get_root (AS_ENTITY (step)) == AS_ENTITY (set));
  g_assert_cmpint (as_step_get_budget_minutes (step), ==, 21);
  g_assert_cmpuint (g_list_model_get_n_items (as_round_get_steps (round)), ==, 2);

  /* Edits inside the restored subtree are recorded again. */
  as_step_set_budget_minutes (step, 30);
  g_assert_true (as_undo_stack_undo (undo));
  g_assert_cmpint (as_step_get_budget_minutes (step), ==, 21);
}

static void
test_undo_move (void)
{
  g_autoptr(AsSet) set = as_set_new_document ();
  AsUndoStack *undo = as_set_get_undo_stack (set);

  add_member (set, "Ada");
  add_member (set, "Brook");
  add_member (set, "Cy");
  as_undo_stack_clear (undo);

  as_entity_move_child (AS_ENTITY (set), as_set_list_members (), 0, 2);
  g_assert_cmpstr (member_name_at (set, 0), ==, "Brook");
  g_assert_cmpstr (member_name_at (set, 2), ==, "Ada");
  g_assert_cmpuint (as_undo_stack_get_depth (undo), ==, 1);

  /* A move to where the child already is records nothing. */
  as_entity_move_child (AS_ENTITY (set), as_set_list_members (), 1, 1);
  g_assert_cmpuint (as_undo_stack_get_depth (undo), ==, 1);

  g_assert_true (as_undo_stack_undo (undo));
  g_assert_cmpstr (member_name_at (set, 0), ==, "Ada");
  g_assert_cmpstr (member_name_at (set, 1), ==, "Brook");
  g_assert_cmpstr (member_name_at (set, 2), ==, "Cy");

  g_assert_true (as_undo_stack_redo (undo));
  g_assert_cmpstr (member_name_at (set, 0), ==, "Brook");
  g_assert_cmpstr (member_name_at (set, 1), ==, "Cy");
  g_assert_cmpstr (member_name_at (set, 2), ==, "Ada");

  /* A target past the end is clamped, and undone from where it landed. */
  as_entity_move_child (AS_ENTITY (set), as_set_list_members (), 0, 99);
  g_assert_cmpstr (member_name_at (set, 2), ==, "Brook");
  g_assert_true (as_undo_stack_undo (undo));
  g_assert_cmpstr (member_name_at (set, 0), ==, "Brook");
  g_assert_cmpstr (member_name_at (set, 2), ==, "Ada");
}

static void
test_groups (void)
{
  g_autoptr(AsSet) set = as_set_new_document ();
  AsUndoStack *undo = as_set_get_undo_stack (set);
  Notes notes;

  watch_stack (undo, &notes);

  as_set_begin_edit (set, "Outer");
  as_set_set_name (set, "One");
  as_set_begin_edit (set, "Inner");
  add_member (set, "Ada");
  as_set_set_purpose (set, "Learn");
  as_set_end_edit (set);
  /* Nothing is on the stack until the outermost group ends. */
  g_assert_cmpuint (as_undo_stack_get_depth (undo), ==, 0);
  assert_notes (&notes, 0, 0, 0);
  add_member (set, "Brook");
  as_set_end_edit (set);

  g_assert_cmpuint (as_undo_stack_get_depth (undo), ==, 1);
  g_assert_cmpstr (as_undo_stack_get_undo_label (undo), ==, "Outer");
  assert_notes (&notes, 1, 0, 1);

  g_assert_true (as_undo_stack_undo (undo));
  g_assert_cmpstr (as_set_get_name (set), ==, "");
  g_assert_cmpstr (as_set_get_purpose (set), ==, "");
  g_assert_cmpuint (g_list_model_get_n_items (as_set_get_members (set)), ==, 0);
  g_assert_cmpstr (as_undo_stack_get_redo_label (undo), ==, "Outer");
  g_assert_false (as_undo_stack_get_can_undo (undo));

  g_assert_true (as_undo_stack_redo (undo));
  g_assert_cmpstr (as_set_get_name (set), ==, "One");
  g_assert_cmpstr (as_set_get_purpose (set), ==, "Learn");
  g_assert_cmpstr (member_name_at (set, 0), ==, "Ada");
  g_assert_cmpstr (member_name_at (set, 1), ==, "Brook");

  /* A group with no edits leaves no step. */
  as_set_begin_edit (set, "Nothing");
  as_set_set_name (set, "One");
  as_set_end_edit (set);
  g_assert_cmpuint (as_undo_stack_get_depth (undo), ==, 1);
  g_assert_cmpstr (as_undo_stack_get_undo_label (undo), ==, "Outer");

  /* A group is never merged with the edit after it. */
  as_set_set_name (set, "Two");
  g_assert_cmpuint (as_undo_stack_get_depth (undo), ==, 2);
  g_assert_null (as_undo_stack_get_undo_label (undo));
}

static void
test_merge (void)
{
  g_autoptr(AsSet) set = as_set_new_document ();
  AsUndoStack *undo = as_set_get_undo_stack (set);

  /* Typing into an entry: one step. */
  as_set_set_name (set, "T");
  as_set_set_name (set, "Tu");
  as_set_set_name (set, "Tue");
  g_assert_cmpuint (as_undo_stack_get_depth (undo), ==, 1);
  g_assert_true (as_undo_stack_undo (undo));
  g_assert_cmpstr (as_set_get_name (set), ==, "");
  g_assert_true (as_undo_stack_redo (undo));
  g_assert_cmpstr (as_set_get_name (set), ==, "Tue");
}

static void
test_merge_int (void)
{
  g_autoptr(AsSet) set = as_set_new_document ();
  AsUndoStack *undo = as_set_get_undo_stack (set);

  /* A spin button stepping up. */
  for (int minutes = 11; minutes <= 15; minutes++)
    as_set_set_present_minutes (set, minutes);
  g_assert_cmpuint (as_undo_stack_get_depth (undo), ==, 1);
  g_assert_true (as_undo_stack_undo (undo));
  g_assert_cmpint (as_set_get_present_minutes (set), ==, 10);
  g_assert_true (as_undo_stack_redo (undo));
  g_assert_cmpint (as_set_get_present_minutes (set), ==, 15);
}

static void
test_no_merge_after_seal (void)
{
  g_autoptr(AsSet) set = as_set_new_document ();
  AsUndoStack *undo = as_set_get_undo_stack (set);

  as_set_set_name (set, "Tue");
  as_undo_stack_seal (undo);
  as_set_set_name (set, "Tuesday");
  g_assert_cmpuint (as_undo_stack_get_depth (undo), ==, 2);
  g_assert_true (as_undo_stack_undo (undo));
  g_assert_cmpstr (as_set_get_name (set), ==, "Tue");
}

static void
test_no_merge_across_save (void)
{
  g_autoptr(AsSet) set = as_set_new_document ();
  AsUndoStack *undo = as_set_get_undo_stack (set);

  as_set_set_name (set, "Tue");
  as_undo_stack_mark_clean (undo);
  as_set_set_name (set, "Tuesday");
  g_assert_cmpuint (as_undo_stack_get_depth (undo), ==, 2);
  g_assert_true (as_undo_stack_get_modified (undo));
  /* Undo returns to the saved text, which is the saved state. */
  g_assert_true (as_undo_stack_undo (undo));
  g_assert_cmpstr (as_set_get_name (set), ==, "Tue");
  g_assert_false (as_undo_stack_get_modified (undo));
}

static void
test_no_merge_other_field (void)
{
  g_autoptr(AsSet) set = as_set_new_document ();
  AsUndoStack *undo = as_set_get_undo_stack (set);

  as_set_set_name (set, "Tue");
  as_set_set_purpose (set, "Learn");
  as_set_set_name (set, "Tuesday");
  g_assert_cmpuint (as_undo_stack_get_depth (undo), ==, 3);
  g_assert_true (as_undo_stack_undo (undo));
  g_assert_cmpstr (as_set_get_name (set), ==, "Tue");
  g_assert_cmpstr (as_set_get_purpose (set), ==, "Learn");
}

static void
test_no_merge_other_entity (void)
{
  g_autoptr(AsSet) set = as_set_new_document ();
  AsUndoStack *undo = as_set_get_undo_stack (set);
  AsMember *ada = add_member (set, "Ada");
  AsMember *brook = add_member (set, "Brook");

  as_undo_stack_clear (undo);
  as_member_set_role (ada, "Nurse");
  as_member_set_role (brook, "Nurse");
  g_assert_cmpuint (as_undo_stack_get_depth (undo), ==, 2);
  g_assert_true (as_undo_stack_undo (undo));
  g_assert_cmpstr (as_member_get_role (ada), ==, "Nurse");
  g_assert_cmpstr (as_member_get_role (brook), ==, "");
}

static void
test_no_merge_after_undo (void)
{
  g_autoptr(AsSet) set = as_set_new_document ();
  AsUndoStack *undo = as_set_get_undo_stack (set);

  as_set_set_name (set, "Tue");
  as_undo_stack_seal (undo);
  as_set_set_name (set, "Tuesday");
  g_assert_true (as_undo_stack_undo (undo));
  g_assert_true (as_undo_stack_redo (undo));
  /* The redone step is closed: a new change is a new step. */
  as_set_set_name (set, "Tuesday set");
  g_assert_cmpuint (as_undo_stack_get_depth (undo), ==, 3);
  g_assert_true (as_undo_stack_undo (undo));
  g_assert_cmpstr (as_set_get_name (set), ==, "Tuesday");
}

static void
test_redo_cleared_by_edit (void)
{
  g_autoptr(AsSet) set = as_set_new_document ();
  AsUndoStack *undo = as_set_get_undo_stack (set);
  Notes notes;

  as_set_set_name (set, "Tue");
  as_undo_stack_seal (undo);
  as_set_set_purpose (set, "Learn");
  g_assert_true (as_undo_stack_undo (undo));
  g_assert_true (as_undo_stack_get_can_redo (undo));

  watch_stack (undo, &notes);
  as_set_set_facilitator (set, "Kim");
  g_assert_false (as_undo_stack_get_can_redo (undo));
  g_assert_null (as_undo_stack_get_redo_label (undo));
  g_assert_false (as_undo_stack_redo (undo));
  g_assert_cmpuint (as_undo_stack_get_depth (undo), ==, 2);
  assert_notes (&notes, 0, 1, 0);
  g_assert_cmpstr (as_set_get_purpose (set), ==, "");
}

static void
test_modified (void)
{
  g_autoptr(AsSet) set = as_set_new_document ();
  AsUndoStack *undo = as_set_get_undo_stack (set);
  Notes notes;

  watch_stack (undo, &notes);

  as_set_set_name (set, "Tue");
  as_undo_stack_seal (undo);
  g_assert_true (as_undo_stack_get_modified (undo));
  assert_notes (&notes, 1, 0, 1);

  as_undo_stack_mark_clean (undo);
  g_assert_false (as_undo_stack_get_modified (undo));
  assert_notes (&notes, 1, 0, 2);

  /* Marking clean again changes nothing. */
  as_undo_stack_mark_clean (undo);
  assert_notes (&notes, 1, 0, 2);

  as_set_set_purpose (set, "Learn");
  g_assert_true (as_undo_stack_get_modified (undo));
  assert_notes (&notes, 1, 0, 3);

  /* A second edit keeps it modified without a notification. */
  as_set_set_facilitator (set, "Kim");
  assert_notes (&notes, 1, 0, 3);

  /* Undo back to the saved state, then past it. */
  g_assert_true (as_undo_stack_undo (undo));
  g_assert_true (as_undo_stack_get_modified (undo));
  assert_notes (&notes, 1, 1, 3);
  g_assert_true (as_undo_stack_undo (undo));
  g_assert_false (as_undo_stack_get_modified (undo));
  assert_notes (&notes, 1, 1, 4);
  g_assert_true (as_undo_stack_undo (undo));
  g_assert_true (as_undo_stack_get_modified (undo));
  g_assert_false (as_undo_stack_get_can_undo (undo));
  assert_notes (&notes, 2, 1, 5);

  /* Redo to it again. */
  g_assert_true (as_undo_stack_redo (undo));
  g_assert_false (as_undo_stack_get_modified (undo));
  assert_notes (&notes, 3, 1, 6);

  /* A new edit after undoing past the saved state: it cannot be reached
   * again, so every state is modified from now on. */
  g_assert_true (as_undo_stack_undo (undo));
  as_set_set_ground_rules (set, "Listen");
  g_assert_true (as_undo_stack_get_modified (undo));
  g_assert_false (as_undo_stack_get_can_redo (undo));
  g_assert_true (as_undo_stack_undo (undo));
  g_assert_true (as_undo_stack_get_modified (undo));
  g_assert_true (as_undo_stack_redo (undo));
  g_assert_true (as_undo_stack_get_modified (undo));
}

static void
test_mark_modified (void)
{
  g_autoptr(AsSet) set = as_set_new_document ();
  AsUndoStack *undo = as_set_get_undo_stack (set);
  Notes notes;

  watch_stack (undo, &notes);
  as_undo_stack_mark_modified (undo);
  g_assert_true (as_undo_stack_get_modified (undo));
  assert_notes (&notes, 0, 0, 1);
  as_undo_stack_mark_modified (undo);
  assert_notes (&notes, 0, 0, 1);

  as_set_set_name (set, "Tue");
  g_assert_true (as_undo_stack_undo (undo));
  g_assert_true (as_undo_stack_get_modified (undo));

  as_undo_stack_mark_clean (undo);
  g_assert_false (as_undo_stack_get_modified (undo));
}

static void
test_save_inside_redo (void)
{
  g_autoptr(AsSet) set = as_set_new_document ();
  AsUndoStack *undo = as_set_get_undo_stack (set);

  as_set_set_name (set, "Tue");
  as_undo_stack_seal (undo);
  as_set_set_purpose (set, "Learn");
  as_undo_stack_mark_clean (undo);
  g_assert_true (as_undo_stack_undo (undo));
  g_assert_true (as_undo_stack_undo (undo));
  g_assert_true (as_undo_stack_get_modified (undo));
  /* The saved state is two redos away; a new edit discards it. */
  as_set_set_facilitator (set, "Kim");
  g_assert_true (as_undo_stack_get_modified (undo));
  g_assert_true (as_undo_stack_undo (undo));
  g_assert_true (as_undo_stack_get_modified (undo));
}

static void
test_max_steps (void)
{
  g_autoptr(AsSet) set = as_set_new_document ();
  AsUndoStack *undo = as_set_get_undo_stack (set);
  guint undone = 0;

  /* The fresh document is the saved state. */
  as_undo_stack_mark_clean (undo);

  for (int i = 1; i <= KEPT_STEPS + 5; i++)
    {
      as_set_set_warning_seconds (set, i);
      as_undo_stack_seal (undo);
    }
  g_assert_cmpuint (as_undo_stack_get_depth (undo), ==, KEPT_STEPS);
  g_assert_true (as_undo_stack_get_modified (undo));

  while (as_undo_stack_undo (undo))
    undone++;
  g_assert_cmpuint (undone, ==, KEPT_STEPS);
  /* The five oldest steps were dropped: their effect stays. */
  g_assert_cmpint (as_set_get_warning_seconds (set), ==, 5);
  /* The saved state was dropped with them. */
  g_assert_true (as_undo_stack_get_modified (undo));

  while (as_undo_stack_redo (undo))
    ;
  g_assert_cmpint (as_set_get_warning_seconds (set), ==, KEPT_STEPS + 5);
  g_assert_true (as_undo_stack_get_modified (undo));
}

static void
test_max_steps_keeps_clean (void)
{
  g_autoptr(AsSet) set = as_set_new_document ();
  AsUndoStack *undo = as_set_get_undo_stack (set);

  for (int i = 1; i <= KEPT_STEPS; i++)
    {
      as_set_set_warning_seconds (set, i);
      as_undo_stack_seal (undo);
    }
  /* Saved at the top of a full stack. */
  as_undo_stack_mark_clean (undo);
  for (int i = 1; i <= 10; i++)
    {
      as_set_set_monologue_seconds (set, 100 + i);
      as_undo_stack_seal (undo);
    }
  g_assert_cmpuint (as_undo_stack_get_depth (undo), ==, KEPT_STEPS);
  g_assert_true (as_undo_stack_get_modified (undo));

  for (int i = 0; i < 10; i++)
    g_assert_true (as_undo_stack_undo (undo));
  g_assert_cmpint (as_set_get_monologue_seconds (set), ==, 120);
  g_assert_cmpint (as_set_get_warning_seconds (set), ==, KEPT_STEPS);
  g_assert_false (as_undo_stack_get_modified (undo));

  g_assert_true (as_undo_stack_undo (undo));
  g_assert_true (as_undo_stack_get_modified (undo));
  g_assert_true (as_undo_stack_redo (undo));
  g_assert_false (as_undo_stack_get_modified (undo));
}

static void
test_dropped_steps_free_entities (void)
{
  g_autoptr(AsSet) set = as_set_new_document ();
  AsUndoStack *undo = as_set_get_undo_stack (set);
  AsMember *removed = add_member (set, "Ada");
  AsMember *undone = NULL;

  /* Only the history holds a removed member. */
  g_object_add_weak_pointer (G_OBJECT (removed), (gpointer *) &removed);
  as_entity_remove_child (AS_ENTITY (set), as_set_list_members (), 0);
  g_assert_nonnull (removed);

  /* Only the redo side holds an undone insertion; a new edit drops it. */
  undone = add_member (set, "Brook");
  g_object_add_weak_pointer (G_OBJECT (undone), (gpointer *) &undone);
  g_assert_true (as_undo_stack_undo (undo));
  g_assert_nonnull (undone);
  as_set_set_name (set, "Tue");
  g_assert_null (undone);

  /* The removal falls off the bottom of the stack, and the member with it. */
  for (int i = 1; i <= KEPT_STEPS; i++)
    {
      as_set_set_warning_seconds (set, i);
      as_undo_stack_seal (undo);
    }
  g_assert_null (removed);
  g_assert_cmpuint (as_undo_stack_get_depth (undo), ==, KEPT_STEPS);
}

static void
test_suspend (void)
{
  g_autoptr(AsSet) set = as_set_new_document ();
  AsUndoStack *undo = as_set_get_undo_stack (set);
  Notes notes;

  watch_stack (undo, &notes);

  as_undo_stack_suspend (undo);
  as_undo_stack_suspend (undo);
  as_set_set_name (set, "Loaded");
  add_member (set, "Ada");
  as_undo_stack_resume (undo);
  /* Still suspended: suspensions nest. */
  as_set_set_purpose (set, "Loaded too");
  as_undo_stack_resume (undo);

  g_assert_cmpuint (as_undo_stack_get_depth (undo), ==, 0);
  g_assert_false (as_undo_stack_get_can_undo (undo));
  g_assert_false (as_undo_stack_get_modified (undo));
  assert_notes (&notes, 0, 0, 0);
  g_assert_cmpstr (as_set_get_name (set), ==, "Loaded");

  as_set_set_name (set, "Edited");
  g_assert_cmpuint (as_undo_stack_get_depth (undo), ==, 1);
  g_assert_true (as_undo_stack_undo (undo));
  g_assert_cmpstr (as_set_get_name (set), ==, "Loaded");
}

static void
test_clear (void)
{
  g_autoptr(AsSet) set = as_set_new_document ();
  AsUndoStack *undo = as_set_get_undo_stack (set);
  Notes notes;

  as_set_set_name (set, "Tue");
  as_undo_stack_seal (undo);
  as_set_set_purpose (set, "Learn");
  g_assert_true (as_undo_stack_undo (undo));

  watch_stack (undo, &notes);
  as_undo_stack_clear (undo);
  g_assert_cmpuint (as_undo_stack_get_depth (undo), ==, 0);
  g_assert_false (as_undo_stack_get_can_undo (undo));
  g_assert_false (as_undo_stack_get_can_redo (undo));
  /* The document is still unsaved. */
  g_assert_true (as_undo_stack_get_modified (undo));
  assert_notes (&notes, 1, 1, 0);
  g_assert_cmpstr (as_set_get_name (set), ==, "Tue");

  /* A clean document stays clean. */
  as_undo_stack_mark_clean (undo);
  as_set_set_name (set, "Tuesday");
  as_undo_stack_undo (undo);
  g_assert_false (as_undo_stack_get_modified (undo));
  as_undo_stack_clear (undo);
  g_assert_false (as_undo_stack_get_modified (undo));
  as_set_set_name (set, "Wed");
  g_assert_true (as_undo_stack_undo (undo));
  g_assert_false (as_undo_stack_get_modified (undo));
}

typedef struct
{
  GArray *edits;  /* of AsEdit */
} EditLog;

static void
on_edited (AsEntity *root,
           AsEdit   *edit,
           gpointer  data)
{
  g_array_append_val (((EditLog *) data)->edits, *edit);
}

static void
test_undo_announces (void)
{
  g_autoptr(AsSet) set = as_set_new_document ();
  AsUndoStack *undo = as_set_get_undo_stack (set);
  g_autoptr(GArray) edits = g_array_new (FALSE, TRUE, sizeof (AsEdit));
  EditLog log = { edits };
  AsMember *member;
  AsEdit *e;

  member = add_member (set, "Ada");
  as_entity_move_child (AS_ENTITY (set), as_set_list_members (), 0, 0);
  as_set_set_name (set, "Tue");
  g_signal_connect (set, "edited", G_CALLBACK (on_edited), &log);

  /* The journal hears undo and redo as ordinary edits. */
  g_assert_true (as_undo_stack_undo (undo));
  g_assert_cmpuint (edits->len, ==, 1);
  e = &g_array_index (edits, AsEdit, 0);
  g_assert_cmpint (e->kind, ==, AS_EDIT_SET);
  g_assert_true (e->target == AS_ENTITY (set));
  g_assert_cmpstr (e->field->name, ==, "name");

  g_assert_true (as_undo_stack_undo (undo));
  g_assert_cmpuint (edits->len, ==, 2);
  e = &g_array_index (edits, AsEdit, 1);
  g_assert_cmpint (e->kind, ==, AS_EDIT_REMOVE);
  g_assert_true (e->target == AS_ENTITY (set));
  g_assert_true (e->list == as_set_list_members ());
  g_assert_cmpuint (e->position, ==, 0);
  g_assert_true (e->child == AS_ENTITY (member));

  g_assert_true (as_undo_stack_redo (undo));
  g_assert_cmpuint (edits->len, ==, 3);
  e = &g_array_index (edits, AsEdit, 2);
  g_assert_cmpint (e->kind, ==, AS_EDIT_INSERT);
  g_assert_true (e->child == AS_ENTITY (member));

  /* Undoing and redoing record nothing new. */
  g_assert_cmpuint (as_undo_stack_get_depth (undo), ==, 1);
  g_assert_true (as_undo_stack_get_can_redo (undo));
}

static void
test_document_finalizes_with_history (void)
{
  AsSet *set = as_set_new_document ();
  AsUndoStack *undo = g_object_ref (as_set_get_undo_stack (set));
  AsMember *kept = NULL;
  AsMember *removed = NULL;

  /* Edits of the root itself, of a child, and a removed child that only the
   * history holds. */
  as_set_set_name (set, "Tue");
  kept = add_member (set, "Ada");
  as_member_set_role (kept, "Nurse");
  removed = add_member (set, "Brook");
  as_entity_remove_child_item (AS_ENTITY (set), as_set_list_members (), AS_ENTITY (removed));
  g_assert_true (as_undo_stack_undo (undo));
  g_assert_true (as_undo_stack_undo (undo));
  g_object_add_weak_pointer (G_OBJECT (kept), (gpointer *) &kept);
  g_object_add_weak_pointer (G_OBJECT (removed), (gpointer *) &removed);

  g_assert_finalize_object (set);
  g_assert_null (kept);
  g_assert_null (removed);

  /* A stack that outlives its document has forgotten it. */
  g_assert_false (as_undo_stack_get_can_undo (undo));
  g_assert_false (as_undo_stack_get_can_redo (undo));
  g_assert_finalize_object (undo);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/undo-stack/new", test_new_stack);
  g_test_add_func ("/undo-stack/set-field", test_undo_set_field);
  g_test_add_func ("/undo-stack/field-types", test_undo_field_types);
  g_test_add_func ("/undo-stack/insert", test_undo_insert);
  g_test_add_func ("/undo-stack/remove", test_undo_remove);
  g_test_add_func ("/undo-stack/remove-subtree", test_undo_remove_subtree);
  g_test_add_func ("/undo-stack/move", test_undo_move);
  g_test_add_func ("/undo-stack/groups", test_groups);
  g_test_add_func ("/undo-stack/merge/text", test_merge);
  g_test_add_func ("/undo-stack/merge/int", test_merge_int);
  g_test_add_func ("/undo-stack/merge/not-after-seal", test_no_merge_after_seal);
  g_test_add_func ("/undo-stack/merge/not-across-save", test_no_merge_across_save);
  g_test_add_func ("/undo-stack/merge/not-other-field", test_no_merge_other_field);
  g_test_add_func ("/undo-stack/merge/not-other-entity", test_no_merge_other_entity);
  g_test_add_func ("/undo-stack/merge/not-after-undo", test_no_merge_after_undo);
  g_test_add_func ("/undo-stack/redo-cleared", test_redo_cleared_by_edit);
  g_test_add_func ("/undo-stack/modified", test_modified);
  g_test_add_func ("/undo-stack/mark-modified", test_mark_modified);
  g_test_add_func ("/undo-stack/save-inside-redo", test_save_inside_redo);
  g_test_add_func ("/undo-stack/max-steps", test_max_steps);
  g_test_add_func ("/undo-stack/max-steps-keeps-clean", test_max_steps_keeps_clean);
  g_test_add_func ("/undo-stack/dropped-steps-free-entities", test_dropped_steps_free_entities);
  g_test_add_func ("/undo-stack/suspend", test_suspend);
  g_test_add_func ("/undo-stack/clear", test_clear);
  g_test_add_func ("/undo-stack/announces", test_undo_announces);
  g_test_add_func ("/undo-stack/finalize", test_document_finalizes_with_history);

  return g_test_run ();
}
