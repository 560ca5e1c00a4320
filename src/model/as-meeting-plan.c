/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "as-meeting-plan"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "as-meeting-plan.h"

void
as_split_proportionally (int        total,
                         const int *weights,
                         int       *parts,
                         guint      n)
{
  gint64 sum = 0;
  int given = 0;
  g_autofree double *remainders = NULL;

  if (n == 0)
    return;
  for (guint i = 0; i < n; i++)
    sum += MAX (weights[i], 0);

  /* Largest remainder: floor every share, then give the minutes left over
   * to the parts that lost most in the rounding, earliest first. */
  remainders = g_new0 (double, n);
  for (guint i = 0; i < n; i++)
    {
      double exact = sum > 0 ? (double) total * MAX (weights[i], 0) / sum : (double) total / n;

      parts[i] = (int) exact;
      remainders[i] = exact - parts[i];
      given += parts[i];
    }
  while (given < total)
    {
      guint best = 0;

      for (guint i = 1; i < n; i++)
        if (remainders[i] > remainders[best] + 1e-9)
          best = i;
      parts[best]++;
      remainders[best] = -1;
      given++;
    }
}

static void
fill_steps (AsRound *round,
            AsSet   *set,
            int      minutes)
{
  int defaults[AS_N_STEP_KINDS], parts[AS_N_STEP_KINDS];

  for (int k = 0; k < AS_N_STEP_KINDS; k++)
    defaults[k] = as_set_get_step_default (set, k);
  if (minutes < 0)
    {
      minutes = 0;
      for (int k = 0; k < AS_N_STEP_KINDS; k++)
        minutes += defaults[k];
    }
  as_split_proportionally (minutes, defaults, parts, AS_N_STEP_KINDS);

  for (int k = 0; k < AS_N_STEP_KINDS; k++)
    {
      g_autoptr(AsStep) step = as_step_new ();

      as_step_set_kind (step, k);
      as_step_set_budget_minutes (step, parts[k]);
      as_entity_append_child (AS_ENTITY (round), as_round_list_steps (), AS_ENTITY (step));
    }
  as_round_set_planned_minutes (round, minutes);
}

static AsRound *
new_round (AsSet      *set,
           const char *presenter,
           int         minutes)
{
  AsRound *round = as_round_new ();

  as_round_set_presenter (round, presenter);
  fill_steps (round, set, minutes);
  return round;
}

typedef struct
{
  AsMember  *member;
  guint      position;
  GDateTime *last;   /* when they last presented, NULL: never */
} Candidate;

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *x = a, *y = b;

  if (x->last == NULL && y->last != NULL)
    return -1;
  if (x->last != NULL && y->last == NULL)
    return 1;
  if (x->last != NULL && y->last != NULL)
    {
      int c = g_date_time_compare (x->last, y->last);
      if (c != 0)
        return c;
    }
  return x->position < y->position ? -1 : x->position > y->position;
}

/* When each member last presented, from the rounds of meetings that took
 * place (not planned ones). */
static GHashTable *
last_presented (AsSet *set)
{
  GHashTable *last = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *meetings = as_set_get_meetings (set);

  for (guint i = 0; i < g_list_model_get_n_items (meetings); i++)
    {
      g_autoptr(AsMeeting) meeting = g_list_model_get_item (meetings, i);
      GListModel *rounds = as_meeting_get_rounds (meeting);
      GDateTime *start = as_meeting_get_start (meeting);

      if (as_meeting_get_state (meeting) == AS_MEETING_PLANNED || start == NULL)
        continue;
      for (guint r = 0; r < g_list_model_get_n_items (rounds); r++)
        {
          g_autoptr(AsRound) round = g_list_model_get_item (rounds, r);
          const char *presenter = as_round_get_presenter (round);
          GDateTime *known;

          if (presenter == NULL)
            continue;
          known = g_hash_table_lookup (last, presenter);
          if (known == NULL || g_date_time_compare (start, known) > 0)
            g_hash_table_insert (last, (gpointer) presenter, start);
        }
    }
  return last;
}

AsMeeting *
as_set_plan_meeting (AsSet     *set,
                     GDateTime *start,
                     GDateTime *end)
{
  g_autoptr(AsMeeting) meeting = NULL;
  g_autoptr(GHashTable) last = NULL;
  g_autoptr(GArray) candidates = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) attendees = NULL;
  GListModel *members;
  int minutes_each = -1;

  g_return_val_if_fail (AS_IS_SET (set), NULL);
  g_return_val_if_fail (start != NULL, NULL);

  members = as_set_get_members (set);
  last = last_presented (set);
  candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(AsMember) member = g_list_model_get_item (members, i);
      Candidate c = { member, i, NULL };

      if (!as_member_get_active (member))
        continue;
      c.last = g_hash_table_lookup (last, as_entity_get_id (AS_ENTITY (member)));
      g_array_append_val (candidates, c);
      g_strv_builder_add (builder, as_entity_get_id (AS_ENTITY (member)));
    }
  g_array_sort (candidates, compare_candidates);

  if (end != NULL && candidates->len > 0)
    {
      gint64 available = g_date_time_difference (end, start) / G_TIME_SPAN_MINUTE;

      minutes_each = (int) CLAMP (available / (gint64) candidates->len, 0, 1440);
    }

  meeting = as_meeting_new ();
  as_meeting_set_start (meeting, start);
  attendees = g_strv_builder_end (builder);
  as_meeting_set_attendees (meeting, (const char * const *) attendees);

  for (guint i = 0; i < candidates->len; i++)
    {
      Candidate *c = &g_array_index (candidates, Candidate, i);
      g_autoptr(AsRound) round = new_round (set, as_entity_get_id (AS_ENTITY (c->member)), minutes_each);

      as_entity_append_child (AS_ENTITY (meeting), as_meeting_list_rounds (), AS_ENTITY (round));
    }

  if (end != NULL)
    as_meeting_set_end (meeting, end);
  else
    {
      g_autoptr(GDateTime) planned_end = as_meeting_dup_planned_end (meeting);
      as_meeting_set_end (meeting, planned_end);
    }

  as_set_begin_edit (set, _("New meeting"));
  as_entity_append_child (AS_ENTITY (set), as_set_list_meetings (), AS_ENTITY (meeting));
  as_set_end_edit (set);

  return meeting;
}

AsMeeting *
as_set_plan_next_meeting (AsSet     *set,
                          GDateTime *start)
{
  GListModel *meetings;
  g_autoptr(GDateTime) end = NULL;
  GDateTime *latest = NULL;
  gint64 minutes = AS_DEFAULT_MEETING_MINUTES;

  g_return_val_if_fail (AS_IS_SET (set), NULL);
  g_return_val_if_fail (start != NULL, NULL);

  meetings = as_set_get_meetings (set);
  for (guint i = 0; i < g_list_model_get_n_items (meetings); i++)
    {
      g_autoptr(AsMeeting) meeting = g_list_model_get_item (meetings, i);
      GDateTime *s = as_meeting_get_start (meeting);
      GDateTime *e = as_meeting_get_end (meeting);

      if (s == NULL || e == NULL || g_date_time_compare (e, s) <= 0)
        continue;
      if (latest == NULL || g_date_time_compare (s, latest) > 0)
        {
          latest = s;
          minutes = g_date_time_difference (e, s) / G_TIME_SPAN_MINUTE;
        }
    }

  end = g_date_time_add_minutes (start, (int) CLAMP (minutes, 1, 24 * 60));
  return as_set_plan_meeting (set, start, end);
}

void
as_round_set_minutes_scaled (AsRound *round,
                             AsSet   *set,
                             int      minutes)
{
  GListModel *steps;
  guint n;
  g_autofree int *weights = NULL;
  g_autofree int *parts = NULL;
  int sum = 0;

  g_return_if_fail (AS_IS_ROUND (round));
  g_return_if_fail (AS_IS_SET (set));

  minutes = CLAMP (minutes, 0, 1440);
  steps = as_round_get_steps (round);
  n = g_list_model_get_n_items (steps);
  weights = g_new0 (int, MAX (n, 1));
  parts = g_new0 (int, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AsStep) step = g_list_model_get_item (steps, i);

      weights[i] = as_step_get_budget_minutes (step);
      sum += weights[i];
    }
  if (sum == 0)
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(AsStep) step = g_list_model_get_item (steps, i);
        weights[i] = as_set_get_step_default (set, as_step_get_kind (step));
      }
  as_split_proportionally (minutes, weights, parts, n);

  as_set_begin_edit (set, _("Change round time"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AsStep) step = g_list_model_get_item (steps, i);
      as_step_set_budget_minutes (step, parts[i]);
    }
  as_round_set_planned_minutes (round, minutes);
  as_set_end_edit (set);
}

gboolean
as_meeting_is_attending (AsMeeting  *meeting,
                         const char *member_id)
{
  g_return_val_if_fail (AS_IS_MEETING (meeting), FALSE);

  return member_id != NULL &&
         g_strv_contains (as_meeting_get_attendees (meeting), member_id);
}

void
as_meeting_set_absent (AsMeeting  *meeting,
                       AsSet      *set,
                       const char *member_id,
                       gboolean    absent)
{
  const char * const *attendees;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) updated = NULL;
  GListModel *rounds;

  g_return_if_fail (AS_IS_MEETING (meeting));
  g_return_if_fail (AS_IS_SET (set));
  g_return_if_fail (member_id != NULL);

  if (absent != as_meeting_is_attending (meeting, member_id))
    return;

  attendees = as_meeting_get_attendees (meeting);
  rounds = as_meeting_get_rounds (meeting);

  as_set_begin_edit (set, absent ? _("Mark absent") : _("Mark present"));
  for (guint i = 0; attendees[i] != NULL; i++)
    if (!absent || g_strcmp0 (attendees[i], member_id) != 0)
      g_strv_builder_add (builder, attendees[i]);
  if (!absent)
    g_strv_builder_add (builder, member_id);
  updated = g_strv_builder_end (builder);
  as_meeting_set_attendees (meeting, (const char * const *) updated);

  if (absent)
    {
      for (guint i = g_list_model_get_n_items (rounds); i > 0; i--)
        {
          g_autoptr(AsRound) round = g_list_model_get_item (rounds, i - 1);

          if (g_strcmp0 (as_round_get_presenter (round), member_id) == 0)
            as_entity_remove_child (AS_ENTITY (meeting), as_meeting_list_rounds (), i - 1);
        }
    }
  else
    {
      g_autoptr(AsRound) round = new_round (set, member_id, -1);
      as_entity_append_child (AS_ENTITY (meeting), as_meeting_list_rounds (), AS_ENTITY (round));
    }
  as_set_end_edit (set);
}

int
as_meeting_get_planned_minutes (AsMeeting *meeting)
{
  GListModel *rounds;
  int total = 0;

  g_return_val_if_fail (AS_IS_MEETING (meeting), 0);

  rounds = as_meeting_get_rounds (meeting);
  for (guint i = 0; i < g_list_model_get_n_items (rounds); i++)
    {
      g_autoptr(AsRound) round = g_list_model_get_item (rounds, i);
      total += as_round_get_planned_minutes (round);
    }
  return total;
}

GDateTime *
as_meeting_dup_planned_end (AsMeeting *meeting)
{
  GDateTime *start;

  g_return_val_if_fail (AS_IS_MEETING (meeting), NULL);

  if ((start = as_meeting_get_start (meeting)) == NULL)
    return NULL;
  return g_date_time_add_minutes (start, as_meeting_get_planned_minutes (meeting));
}
