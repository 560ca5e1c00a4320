/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "as-meeting-plan.h"

static GDateTime *
utc (int year, int month, int day, int hour, int minute)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_utc ();
  return g_date_time_new (tz, year, month, day, hour, minute, 0);
}

static AsSet *
make_set (guint n)
{
  AsSet *set = as_set_new_document ();

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AsMember) m = as_member_new ();
      g_autofree char *name = g_strdup_printf ("M%u", i);

      as_member_set_name (m, name);
      as_entity_append_child (AS_ENTITY (set), as_set_list_members (), AS_ENTITY (m));
    }
  return set;
}

static const char *
member_id (AsSet *set,
           guint  i)
{
  g_autoptr(AsMember) m = g_list_model_get_item (as_set_get_members (set), i);
  return as_entity_get_id (AS_ENTITY (m));   /* the set holds it */
}

static AsRound *
round_at (AsMeeting *meeting,
          guint      i)
{
  g_autoptr(AsRound) round = g_list_model_get_item (as_meeting_get_rounds (meeting), i);
  return round;
}

static int
sum_budgets (AsRound *round)
{
  GListModel *steps = as_round_get_steps (round);
  int total = 0;

  for (guint i = 0; i < g_list_model_get_n_items (steps); i++)
    {
      g_autoptr(AsStep) step = g_list_model_get_item (steps, i);
      total += as_step_get_budget_minutes (step);
    }
  return total;
}

static void
test_split (void)
{
  const int weights[] = { 5, 10, 20, 5, 5 };
  const int zeros[] = { 0, 0, 0 };
  int parts[5];

  as_split_proportionally (45, weights, parts, 5);
  g_assert_cmpint (parts[0], ==, 5);
  g_assert_cmpint (parts[2], ==, 20);

  as_split_proportionally (36, weights, parts, 5);
  g_assert_cmpint (parts[0] + parts[1] + parts[2] + parts[3] + parts[4], ==, 36);
  g_assert_cmpint (parts[0], ==, 4);
  g_assert_cmpint (parts[1], ==, 8);
  g_assert_cmpint (parts[2], ==, 16);

  /* Exact shares 4.89, 9.78, 19.56, 4.89, 4.89 floor to 40 minutes; the
   * four left go to the largest remainders (.89, .89, .89, .78). */
  as_split_proportionally (44, weights, parts, 5);
  g_assert_cmpint (parts[0], ==, 5);
  g_assert_cmpint (parts[1], ==, 10);
  g_assert_cmpint (parts[2], ==, 19);
  g_assert_cmpint (parts[3], ==, 5);
  g_assert_cmpint (parts[4], ==, 5);

  as_split_proportionally (10, zeros, parts, 3);
  g_assert_cmpint (parts[0], ==, 4);
  g_assert_cmpint (parts[1], ==, 3);
  g_assert_cmpint (parts[2], ==, 3);
}

static void
test_plan_order_and_time (void)
{
  g_autoptr(AsSet) set = make_set (6);
  g_autoptr(GDateTime) jan = utc (2026, 1, 10, 14, 0);
  g_autoptr(GDateTime) feb = utc (2026, 2, 10, 14, 0);
  g_autoptr(GDateTime) start = utc (2026, 3, 10, 14, 0);
  g_autoptr(GDateTime) end = utc (2026, 3, 10, 17, 0);
  g_autoptr(GDateTime) planned_end = NULL;
  AsMeeting *m1, *m2, *plan;
  AsMember *inactive;
  AsUndoStack *undo = as_set_get_undo_stack (set);

  /* In January M0 and M1 presented, in February M1 and M2; M3 and M4 never
   * did, and M5 has left the set. */
  m1 = as_set_plan_meeting (set, jan, NULL);
  m2 = as_set_plan_meeting (set, feb, NULL);
  for (guint i = 5; i > 0; i--)
    if (i - 1 > 1)
      as_entity_remove_child (AS_ENTITY (m1), as_meeting_list_rounds (), i - 1);
  as_entity_remove_child (AS_ENTITY (m2), as_meeting_list_rounds (), 5);
  as_entity_remove_child (AS_ENTITY (m2), as_meeting_list_rounds (), 4);
  as_entity_remove_child (AS_ENTITY (m2), as_meeting_list_rounds (), 3);
  as_entity_remove_child (AS_ENTITY (m2), as_meeting_list_rounds (), 0);
  as_meeting_set_state (m1, AS_MEETING_FINISHED);
  as_meeting_set_state (m2, AS_MEETING_FINISHED);
  {
    g_autoptr(AsMember) m = g_list_model_get_item (as_set_get_members (set), 5);
    inactive = m;
    as_member_set_active (inactive, FALSE);
  }

  plan = as_set_plan_meeting (set, start, end);
  g_assert_cmpuint (g_strv_length ((char **) as_meeting_get_attendees (plan)), ==, 5);
  g_assert_false (as_meeting_is_attending (plan, member_id (set, 5)));
  g_assert_cmpuint (g_list_model_get_n_items (as_meeting_get_rounds (plan)), ==, 5);

  /* Never presented first (in member order), then longest ago. */
  g_assert_cmpstr (as_round_get_presenter (round_at (plan, 0)), ==, member_id (set, 3));
  g_assert_cmpstr (as_round_get_presenter (round_at (plan, 1)), ==, member_id (set, 4));
  g_assert_cmpstr (as_round_get_presenter (round_at (plan, 2)), ==, member_id (set, 0));
  g_assert_cmpstr (as_round_get_presenter (round_at (plan, 3)), ==, member_id (set, 1));
  g_assert_cmpstr (as_round_get_presenter (round_at (plan, 4)), ==, member_id (set, 2));

  /* 180 minutes for 5 rounds: 36 each, steps in the default proportions. */
  for (guint i = 0; i < 5; i++)
    {
      g_assert_cmpint (as_round_get_planned_minutes (round_at (plan, i)), ==, 36);
      g_assert_cmpint (sum_budgets (round_at (plan, i)), ==, 36);
    }
  g_assert_cmpint (as_meeting_get_planned_minutes (plan), ==, 180);
  planned_end = as_meeting_dup_planned_end (plan);
  g_assert_true (g_date_time_equal (planned_end, end));
  g_assert_true (g_date_time_equal (as_meeting_get_end (plan), end));

  /* Planning is one undo step. */
  g_assert_cmpstr (as_undo_stack_get_undo_label (undo), ==, "New meeting");
  as_undo_stack_undo (undo);
  g_assert_cmpuint (g_list_model_get_n_items (as_set_get_meetings (set)), ==, 2);
}

static void
test_absent_and_minutes (void)
{
  g_autoptr(AsSet) set = make_set (4);
  g_autoptr(GDateTime) start = utc (2026, 3, 10, 14, 0);
  AsUndoStack *undo = as_set_get_undo_stack (set);
  AsMeeting *plan = as_set_plan_meeting (set, start, NULL);
  const char *m1 = member_id (set, 1);

  g_assert_cmpint (as_round_get_planned_minutes (round_at (plan, 0)), ==, 45);
  g_assert_cmpint (as_meeting_get_planned_minutes (plan), ==, 180);

  as_meeting_set_absent (plan, set, m1, TRUE);
  g_assert_false (as_meeting_is_attending (plan, m1));
  g_assert_cmpuint (g_list_model_get_n_items (as_meeting_get_rounds (plan)), ==, 3);
  g_assert_cmpint (as_meeting_get_planned_minutes (plan), ==, 135);
  /* Marking absent twice changes nothing more. */
  as_meeting_set_absent (plan, set, m1, TRUE);
  g_assert_cmpstr (as_undo_stack_get_undo_label (undo), ==, "Mark absent");

  as_undo_stack_undo (undo);
  g_assert_true (as_meeting_is_attending (plan, m1));
  g_assert_cmpuint (g_list_model_get_n_items (as_meeting_get_rounds (plan)), ==, 4);
  g_assert_cmpstr (as_round_get_presenter (round_at (plan, 1)), ==, m1);
  as_undo_stack_redo (undo);

  as_meeting_set_absent (plan, set, m1, FALSE);
  g_assert_true (as_meeting_is_attending (plan, m1));
  g_assert_cmpstr (as_round_get_presenter (round_at (plan, 3)), ==, m1);
  g_assert_cmpint (sum_budgets (round_at (plan, 3)), ==, 45);

  as_round_set_minutes_scaled (round_at (plan, 0), set, 30);
  g_assert_cmpint (as_round_get_planned_minutes (round_at (plan, 0)), ==, 30);
  g_assert_cmpint (sum_budgets (round_at (plan, 0)), ==, 30);
  g_assert_cmpint (as_meeting_get_planned_minutes (plan), ==, 165);
  g_assert_cmpstr (as_undo_stack_get_undo_label (undo), ==, "Change round time");
  as_undo_stack_undo (undo);
  g_assert_cmpint (sum_budgets (round_at (plan, 0)), ==, 45);
}

static void
test_references (void)
{
  g_autoptr(AsSet) set = make_set (3);
  g_autoptr(GDateTime) start = utc (2026, 3, 10, 14, 0);
  g_autoptr(AsAction) action = as_action_new ();
  const char *m0 = member_id (set, 0);
  const char *m2 = member_id (set, 2);

  g_assert_cmpuint (as_set_count_references (set, m0), ==, 0);
  as_set_plan_meeting (set, start, NULL);
  /* An attendee and a presenter. */
  g_assert_cmpuint (as_set_count_references (set, m0), ==, 2);
  as_action_set_owner (action, m0);
  as_action_set_text (action, "Call the sponsor");
  as_entity_append_child (AS_ENTITY (set), as_set_list_actions (), AS_ENTITY (action));
  g_assert_cmpuint (as_set_count_references (set, m0), ==, 3);
  g_assert_cmpuint (as_set_count_references (set, m2), ==, 2);
  g_assert_cmpuint (as_set_count_references (set, "00000000-0000-4000-8000-000000000000"), ==, 0);
}

static void
test_references_into (void)
{
  g_autoptr(AsSet) set = make_set (2);
  g_autoptr(GDateTime) start = utc (2026, 3, 10, 14, 0);
  g_autoptr(AsAction) action = as_action_new ();
  AsMeeting *meeting = as_set_plan_meeting (set, start, NULL);
  AsRound *round = round_at (meeting, 0);

  /* The meeting's rounds name members: references out of it, not into it. */
  g_assert_cmpuint (as_set_count_references_into (set, AS_ENTITY (meeting)), ==, 0);

  as_action_set_owner (action, member_id (set, 0));
  as_action_set_text (action, "Call the sponsor");
  as_action_set_meeting (action, as_entity_get_id (AS_ENTITY (meeting)));
  as_action_set_round (action, as_entity_get_id (AS_ENTITY (round)));
  as_entity_append_child (AS_ENTITY (set), as_set_list_actions (), AS_ENTITY (action));
  g_assert_cmpuint (as_set_count_references_into (set, AS_ENTITY (meeting)), ==, 2);
  g_assert_cmpuint (as_set_count_references_into (set, AS_ENTITY (round)), ==, 1);

  /* A member is named by the meeting (attendee, presenter) and the action. */
  {
    g_autoptr(AsMember) m = g_list_model_get_item (as_set_get_members (set), 0);
    g_assert_cmpuint (as_set_count_references_into (set, AS_ENTITY (m)), ==, 3);
  }
}

static void
test_next_meeting (void)
{
  g_autoptr(AsSet) set = make_set (4);
  g_autoptr(GDateTime) first = utc (2026, 3, 10, 9, 30);
  g_autoptr(GDateTime) first_end = utc (2026, 3, 10, 13, 30);
  g_autoptr(GDateTime) next = utc (2026, 4, 14, 9, 30);
  AsMeeting *a, *b;

  /* No meeting yet: three hours, 45 minutes a round for four. */
  a = as_set_plan_next_meeting (set, first);
  g_assert_cmpint (as_meeting_get_planned_minutes (a), ==, 180);
  g_assert_cmpint (as_round_get_planned_minutes (round_at (a, 0)), ==, 45);

  /* The next lasts as long as the latest: four hours. */
  as_meeting_set_end (a, first_end);
  b = as_set_plan_next_meeting (set, next);
  g_assert_cmpint (as_meeting_get_planned_minutes (b), ==, 240);
  g_assert_cmpint (as_round_get_planned_minutes (round_at (b, 3)), ==, 60);
  g_assert_cmpint (g_date_time_difference (as_meeting_get_end (b), next) / G_TIME_SPAN_MINUTE, ==, 240);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/meeting-plan/split", test_split);
  g_test_add_func ("/meeting-plan/order-and-time", test_plan_order_and_time);
  g_test_add_func ("/meeting-plan/absent-and-minutes", test_absent_and_minutes);
  g_test_add_func ("/meeting-plan/next-meeting", test_next_meeting);
  g_test_add_func ("/meeting-plan/references", test_references);
  g_test_add_func ("/meeting-plan/references-into", test_references_into);

  return g_test_run ();
}
