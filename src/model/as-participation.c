/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "as-participation"

#include "config.h"

#include <stdlib.h>

#include "as-participation.h"

static int
compare_gint64 (const void *a,
                const void *b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

double
as_gini (const gint64 *values,
         guint         n)
{
  g_autofree gint64 *sorted = NULL;
  double weighted = 0, total = 0;

  if (n == 0)
    return 0;

  /* With the values sorted, the sum of |xi - xj| over all pairs is
   * 2 Σ (2i - n + 1) x(i), which takes n log n instead of n². */
  sorted = g_memdup2 (values, sizeof (gint64) * n);
  qsort (sorted, n, sizeof (gint64), compare_gint64);
  for (guint i = 0; i < n; i++)
    {
      weighted += (2.0 * i - n + 1) * (double) sorted[i];
      total += (double) sorted[i];
    }
  if (total <= 0)
    return 0;
  return weighted / (n * total);
}

static void
airtime_clear (AsAirtime *airtime)
{
  g_free (airtime->member_id);
}

void
as_participation_free (AsParticipation *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->members);
  g_free (self);
}

const AsAirtime *
as_participation_lookup (AsParticipation *self,
                         const char      *member_id)
{
  for (guint i = 0; i < self->members->len; i++)
    {
      const AsAirtime *a = &g_array_index (self->members, AsAirtime, i);

      if (g_strcmp0 (a->member_id, member_id) == 0)
        return a;
    }
  return NULL;
}

static AsAirtime *
find_or_add (AsParticipation *self,
             GHashTable      *index,
             const char      *member_id)
{
  gpointer position;

  if (g_hash_table_lookup_extended (index, member_id, NULL, &position))
    return &g_array_index (self->members, AsAirtime, GPOINTER_TO_UINT (position));

  {
    AsAirtime airtime = { g_strdup (member_id), 0, 0, 0 };

    g_array_append_val (self->members, airtime);
    g_hash_table_insert (index, airtime.member_id, GUINT_TO_POINTER (self->members->len - 1));
    return &g_array_index (self->members, AsAirtime, self->members->len - 1);
  }
}

static void
count_meeting (AsParticipation      *self,
               GHashTable           *index,
               AsSet                *set,
               AsMeeting            *meeting,
               AsMeetingSession     *session,
               AsParticipationFlags  flags)
{
  const char * const *attendees = as_meeting_get_attendees (meeting);
  GListModel *turns = as_meeting_get_turns (meeting);
  guint n = g_list_model_get_n_items (turns);
  gboolean live = session != NULL && as_meeting_session_get_meeting (session) == meeting;
  g_autofree char *previous_member = NULL;
  g_autoptr(GDateTime) previous_end = NULL;

  for (guint i = 0; attendees && attendees[i]; i++)
    find_or_add (self, index, attendees[i]);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AsTurn) turn = g_list_model_get_item (turns, i);
      AsAirtime *airtime;
      gint64 ms;

      if (flags & AS_PARTICIPATION_EXCLUDE_PRESENTER_IN_QUESTIONS)
        {
          AsEntity *step = as_entity_lookup (AS_ENTITY (set), as_turn_get_step (turn));
          AsEntity *round = as_entity_lookup (AS_ENTITY (set), as_turn_get_round (turn));

          if (AS_IS_STEP (step) && as_step_get_kind (AS_STEP (step)) == AS_STEP_QUESTIONS &&
              AS_IS_ROUND (round) &&
              g_strcmp0 (as_round_get_presenter (AS_ROUND (round)), as_turn_get_member (turn)) == 0)
            continue;
        }

      ms = live ? as_meeting_session_turn_duration (session, turn) : as_turn_get_duration_ms (turn);
      airtime = find_or_add (self, index, as_turn_get_member (turn));
      airtime->airtime_ms += ms;

      /* Someone who goes on speaking as the step changes is recorded in two
       * turns (each belongs to one step) but took the floor once. */
      if (previous_end == NULL || as_turn_get_start (turn) == NULL ||
          g_strcmp0 (previous_member, as_turn_get_member (turn)) != 0 ||
          ABS (g_date_time_difference (as_turn_get_start (turn), previous_end)) > 1000)
        airtime->turns++;

      g_free (previous_member);
      previous_member = g_strdup (as_turn_get_member (turn));
      g_clear_pointer (&previous_end, g_date_time_unref);
      if (as_turn_get_start (turn) != NULL)
        previous_end = g_date_time_add (as_turn_get_start (turn), ms * 1000);
    }
}

AsParticipation *
as_participation_compute (AsSet                *set,
                          AsMeeting            *meeting,
                          AsMeetingSession     *session,
                          AsParticipationFlags  flags)
{
  AsParticipation *self;
  g_autoptr(GHashTable) index = NULL;
  g_autofree gint64 *values = NULL;

  g_return_val_if_fail (AS_IS_SET (set), NULL);

  self = g_new0 (AsParticipation, 1);
  self->members = g_array_new (FALSE, TRUE, sizeof (AsAirtime));
  g_array_set_clear_func (self->members, (GDestroyNotify) airtime_clear);
  index = g_hash_table_new (g_str_hash, g_str_equal);

  if (meeting != NULL)
    count_meeting (self, index, set, meeting, session, flags);
  else
    {
      GListModel *meetings = as_set_get_meetings (set);

      for (guint i = 0; i < g_list_model_get_n_items (meetings); i++)
        {
          g_autoptr(AsMeeting) m = g_list_model_get_item (meetings, i);

          if (as_meeting_get_state (m) != AS_MEETING_PLANNED)
            count_meeting (self, index, set, m, session, flags);
        }
    }

  values = g_new0 (gint64, MAX (self->members->len, 1));
  for (guint i = 0; i < self->members->len; i++)
    {
      AsAirtime *a = &g_array_index (self->members, AsAirtime, i);

      self->total_ms += a->airtime_ms;
      values[i] = a->airtime_ms;
      if (a->turns == 0)
        self->n_silent++;
    }
  for (guint i = 0; i < self->members->len; i++)
    {
      AsAirtime *a = &g_array_index (self->members, AsAirtime, i);

      a->share = self->total_ms > 0 ? (double) a->airtime_ms / self->total_ms : 0;
    }
  self->equal_share = self->members->len > 0 ? 1.0 / self->members->len : 0;
  self->gini = as_gini (values, self->members->len);

  return self;
}
