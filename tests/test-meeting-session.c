/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "as-format.h"
#include "as-meeting-session.h"
#include "as-participation.h"
#include "as-test-util.h"

#define SEC (G_USEC_PER_SEC)
#define MS  (1000)

typedef struct
{
  AsSet            *set;
  AsMeeting        *meeting;
  AsClock          *clock;
  AsMeetingSession *session;
  GPtrArray        *ids;       /* member ids, in order */
} Fixture;

static GDateTime *
meeting_start (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("+00:00");

  return g_date_time_new (tz, 2026, 11, 21, 14, 0, 0);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  guint n_members = data ? GPOINTER_TO_UINT (data) : 4;
  g_autoptr(GDateTime) start = meeting_start ();

  f->set = as_set_new_document ();
  as_set_set_name (f->set, "Test set");
  f->ids = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < n_members; i++)
    {
      g_autoptr(AsMember) m = as_member_new ();
      g_autofree char *name = g_strdup_printf ("Member %u", i + 1);

      as_member_set_name (m, name);
      as_entity_append_child (AS_ENTITY (f->set), as_set_list_members (), AS_ENTITY (m));
      g_ptr_array_add (f->ids, g_strdup (as_entity_get_id (AS_ENTITY (m))));
    }
  f->meeting = g_object_ref (as_set_add_meeting (f->set, start));
  f->clock = as_fake_clock_new (start);
  f->session = as_meeting_session_new (f->set, f->meeting, f->clock);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->session);
  g_clear_object (&f->meeting);
  g_assert_finalize_object (f->set);
  g_clear_object (&f->clock);
  g_ptr_array_unref (f->ids);
}

static void
advance (Fixture *f,
         gint64   usec)
{
  as_fake_clock_advance (AS_FAKE_CLOCK (f->clock), usec);
}

static AsRound *
round_at (AsMeeting *meeting,
          guint      i)
{
  g_autoptr(AsRound) round = g_list_model_get_item (as_meeting_get_rounds (meeting), i);
  return round;   /* the meeting holds it */
}

static AsStep *
step_at (AsRound *round,
         guint    i)
{
  g_autoptr(AsStep) step = g_list_model_get_item (as_round_get_steps (round), i);
  return step;
}

static void
test_start_pause_resume (Fixture       *f,
                         gconstpointer  data)
{
  AsStep *first = step_at (round_at (f->meeting, 0), 0);
  GListModel *events = as_meeting_get_timer_events (f->meeting);

  g_assert_cmpint (as_meeting_session_get_state (f->session), ==, AS_TIMER_NOT_STARTED);
  g_assert_false (as_meeting_session_pause (f->session));
  g_assert_true (as_meeting_session_start (f->session));
  g_assert_false (as_meeting_session_start (f->session));
  g_assert_cmpint (as_meeting_session_get_state (f->session), ==, AS_TIMER_RUNNING);
  g_assert_true (as_meeting_session_get_current_step (f->session) == first);
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, 2);   /* round and step start */

  advance (f, 90 * SEC);
  g_assert_cmpint (as_meeting_session_step_elapsed (f->session, first), ==, 90000);
  g_assert_true (as_meeting_session_toggle (f->session));           /* pause */
  g_assert_cmpint (as_meeting_session_get_state (f->session), ==, AS_TIMER_PAUSED);
  advance (f, 60 * SEC);
  g_assert_cmpint (as_meeting_session_step_elapsed (f->session, first), ==, 90000);
  g_assert_cmpint (as_meeting_session_ms_to_next_second (f->session), ==, -1);
  g_assert_true (as_meeting_session_toggle (f->session));           /* resume */
  advance (f, 10 * SEC + 500 * MS);
  g_assert_cmpint (as_meeting_session_step_elapsed (f->session, first), ==, 100500);
  g_assert_cmpint (as_meeting_session_ms_to_next_second (f->session), ==, 500);
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, 4);

  {
    g_autoptr(AsTimerEvent) pause = g_list_model_get_item (events, 2);
    g_autoptr(GDateTime) expected = g_date_time_add_seconds (as_meeting_get_start (f->meeting), 90);

    g_assert_cmpint (as_timer_event_get_kind (pause), ==, AS_TIMER_PAUSE);
    g_assert_true (g_date_time_equal (as_timer_event_get_at (pause), expected));
    g_assert_cmpstr (as_timer_event_get_step (pause), ==, as_entity_get_id (AS_ENTITY (first)));
  }
}

static void
test_steps_and_rounds (Fixture       *f,
                       gconstpointer  data)
{
  AsRound *r0 = round_at (f->meeting, 0);
  AsRound *r1 = round_at (f->meeting, 1);
  guint n_rounds = g_list_model_get_n_items (as_meeting_get_rounds (f->meeting));

  as_meeting_session_start (f->session);
  advance (f, 10 * SEC);
  g_assert_true (as_meeting_session_next_step (f->session));
  g_assert_true (as_meeting_session_get_current_step (f->session) == step_at (r0, 1));
  g_assert_cmpint (as_step_get_elapsed_ms (step_at (r0, 0)), ==, 10000);
  g_assert_null (as_step_get_running_since (step_at (r0, 0)));
  g_assert_cmpint (as_meeting_session_get_step_state (f->session, step_at (r0, 0)), ==, AS_TIMER_FINISHED);
  g_assert_cmpint (as_meeting_session_get_step_state (f->session, step_at (r0, 2)), ==, AS_TIMER_NOT_STARTED);
  g_assert_cmpint (as_meeting_session_get_round_state (f->session, r1), ==, AS_TIMER_NOT_STARTED);

  /* Through the rest of the first round: into the second. */
  for (guint i = 1; i < 5; i++)
    {
      advance (f, 1 * SEC);
      g_assert_true (as_meeting_session_next_step (f->session));
    }
  g_assert_true (as_meeting_session_get_current_step (f->session) == step_at (r1, 0));
  g_assert_cmpint (as_meeting_session_get_round_state (f->session, r0), ==, AS_TIMER_FINISHED);
  g_assert_cmpint (as_meeting_session_round_elapsed (f->session, r0), ==, 14000);

  /* Shift+Right skips what is left of the round. */
  advance (f, 3 * SEC);
  g_assert_true (as_meeting_session_next_round (f->session));
  g_assert_true (as_meeting_session_get_current_round (f->session) == round_at (f->meeting, 2));
  g_assert_cmpint (as_meeting_session_round_elapsed (f->session, r1), ==, 3000);

  for (guint r = 2; r < n_rounds; r++)
    g_assert_true (as_meeting_session_next_round (f->session));
  g_assert_cmpint (as_meeting_session_get_state (f->session), ==, AS_TIMER_FINISHED);
  g_assert_cmpint (as_meeting_get_state (f->meeting), ==, AS_MEETING_FINISHED);
  g_assert_false (as_meeting_session_next_step (f->session));
  g_assert_cmpint (as_meeting_session_meeting_elapsed (f->session), ==, 17000);
}

static void
test_warning_and_overtime (Fixture       *f,
                           gconstpointer  data)
{
  AsStep *step = step_at (round_at (f->meeting, 0), 0);
  g_autofree char *text = NULL;

  as_set_set_warning_seconds (f->set, 120);
  as_step_set_budget_minutes (step, 5);
  as_meeting_session_start (f->session);

  advance (f, 179999 * MS);
  g_assert_cmpint (as_meeting_session_step_phase (f->session, step), ==, AS_TIME_NORMAL);
  text = as_format_timer (as_meeting_session_step_remaining (f->session, step), TRUE);
  g_assert_cmpstr (text, ==, "02:01");
  g_clear_pointer (&text, g_free);

  advance (f, 1 * MS);   /* 3:00 used, 2:00 left: the warning starts now */
  g_assert_cmpint (as_meeting_session_step_phase (f->session, step), ==, AS_TIME_WARNING);
  text = as_format_timer (as_meeting_session_step_remaining (f->session, step), TRUE);
  g_assert_cmpstr (text, ==, "02:00");
  g_clear_pointer (&text, g_free);

  advance (f, 120 * SEC);   /* exactly the budget: still not over */
  g_assert_cmpint (as_meeting_session_step_phase (f->session, step), ==, AS_TIME_WARNING);
  text = as_format_timer (as_meeting_session_step_remaining (f->session, step), TRUE);
  g_assert_cmpstr (text, ==, "00:00");
  g_clear_pointer (&text, g_free);

  advance (f, 1 * MS);
  g_assert_cmpint (as_meeting_session_step_phase (f->session, step), ==, AS_TIME_OVERTIME);
  advance (f, 82999 * MS);
  text = as_format_timer (as_meeting_session_step_remaining (f->session, step), TRUE);
  g_assert_cmpstr (text, ==, "+01:23");
  g_clear_pointer (&text, g_free);

  text = as_format_timer (3723 * 1000, FALSE);
  g_assert_cmpstr (text, ==, "1:02:03");
}

static void
test_projected_end (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GDateTime) end = NULL;
  g_autoptr(GDateTime) planned_end = NULL;
  gint64 planned = as_meeting_session_meeting_planned (f->session);
  AsStep *step = step_at (round_at (f->meeting, 0), 0);

  planned_end = g_date_time_add (as_meeting_get_start (f->meeting), planned * 1000);
  as_meeting_set_end (f->meeting, planned_end);

  end = as_meeting_session_dup_projected_end (f->session);
  g_assert_true (g_date_time_equal (end, planned_end));
  g_clear_pointer (&end, g_date_time_unref);

  /* Seven minutes over the first step's budget: seven minutes late. */
  as_meeting_session_start (f->session);
  advance (f, ((gint64) as_step_get_budget_minutes (step) * 60 + 7 * 60) * SEC);
  g_assert_cmpint (as_meeting_session_get_lateness (f->session), ==, 7 * 60 * 1000);

  /* Moving on early wins time back. */
  as_meeting_session_next_step (f->session);
  advance (f, 60 * SEC);
  as_meeting_session_next_step (f->session);
  g_assert_cmpint (as_meeting_session_get_lateness (f->session), ==,
                   7 * 60 * 1000 + 60 * 1000 -
                   (gint64) as_step_get_budget_minutes (step_at (round_at (f->meeting, 0), 1)) * 60 * 1000);
}

/* A 3-hour meeting of 8 members: 1,000 speaker changes at random moments,
 * pauses and undone mis-clicks; the recorded airtimes must equal what an
 * independent tally on the same clock says, to the millisecond. */
static void
test_three_hour_meeting (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261121);
  AsUndoStack *undo = as_set_get_undo_stack (f->set);
  gint64 expected[8] = { 0 };
  gint64 running_total = 0, paused_total = 0, elapsed_total = 0;
  int speaker = -1;            /* index into ids, or -1 */
  gint64 speaking_since = 0;   /* ms on the tally's clock */
  gint64 now = 0;
  guint changes = 0, undos = 0, pauses = 0, steps = 0;
  g_autoptr(AsParticipation) p = NULL;
  double share_sum = 0;

  g_assert_cmpuint (f->ids->len, ==, 8);
  as_meeting_session_start (f->session);

  while (changes < 1000)
    {
      gint64 gap = g_rand_int_range (rand, 1, 18000);   /* ms */
      int action = g_rand_int_range (rand, 0, 100);

      advance (f, gap * MS);
      now += gap;
      if (!as_meeting_get_paused (f->meeting))
        running_total += gap;
      else
        paused_total += gap;

      if (as_meeting_get_paused (f->meeting))
        {
          g_assert_true (as_meeting_session_resume (f->session));
          continue;
        }

      if (action < 2)
        {
          /* A break: the speaker stops, the timers stop. */
          if (speaker >= 0)
            expected[speaker] += now - speaking_since;
          speaker = -1;
          g_assert_true (as_meeting_session_pause (f->session));
          pauses++;
        }
      else if (action < 5 && steps < 35)
        {
          /* The next step: the speaker goes on into it, unless the round
           * changes with it. */
          AsRound *before = as_meeting_session_get_current_round (f->session);

          g_assert_true (as_meeting_session_next_step (f->session));
          steps++;
          if (as_meeting_session_get_current_round (f->session) != before && speaker >= 0)
            {
              expected[speaker] += now - speaking_since;
              speaker = -1;
            }
        }
      else if (action < 10 && speaker >= 0)
        {
          /* A mis-click, undone at once: the speaker never changed. */
          int other = (speaker + 1) % 8;

          g_assert_true (as_meeting_session_set_speaker (f->session, f->ids->pdata[other]));
          advance (f, 700 * MS);
          now += 700;
          running_total += 700;
          g_assert_true (as_undo_stack_undo (undo));
          g_assert_cmpstr (as_meeting_session_get_speaker (f->session), ==, f->ids->pdata[speaker]);
          undos++;
        }
      else
        {
          int next = g_rand_int_range (rand, -1, 8);

          if (next == speaker)
            continue;
          if (speaker >= 0)
            expected[speaker] += now - speaking_since;
          g_assert_true (as_meeting_session_set_speaker_number (f->session, next + 1));
          speaker = next;
          speaking_since = now;
          changes++;
        }
    }
  if (speaker >= 0)
    expected[speaker] += now - speaking_since;

  /* About three hours of meeting. */
  g_assert_cmpint (now, >, 150 * 60 * 1000);
  g_assert_cmpint (now, <, 210 * 60 * 1000);
  g_assert_cmpuint (undos, >, 10);
  g_assert_cmpuint (pauses, >, 3);

  /* Live figures, with the turn in progress counted. */
  p = as_participation_compute (f->set, f->meeting, f->session, AS_PARTICIPATION_DEFAULT);
  for (guint i = 0; i < 8; i++)
    {
      const AsAirtime *a = as_participation_lookup (p, f->ids->pdata[i]);

      g_assert_nonnull (a);
      g_assert_cmpint (a->airtime_ms, ==, expected[i]);
      share_sum += a->share;
    }
  g_assert_cmpfloat_with_epsilon (share_sum, 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (p->equal_share, 1.0 / 8, 1e-12);

  /* The timers counted every running millisecond and no paused one. */
  elapsed_total = as_meeting_session_meeting_elapsed (f->session);
  g_assert_cmpint (elapsed_total, ==, running_total);
  g_assert_cmpint (now, ==, running_total + paused_total);

  /* Finishing closes the last turn with the same figures. */
  as_meeting_session_finish (f->session);
  g_clear_pointer (&p, as_participation_free);
  p = as_participation_compute (f->set, f->meeting, NULL, AS_PARTICIPATION_DEFAULT);
  for (guint i = 0; i < 8; i++)
    g_assert_cmpint (as_participation_lookup (p, f->ids->pdata[i])->airtime_ms, ==, expected[i]);
}

static void
test_gini (void)
{
  const gint64 equal[] = { 5, 5, 5, 5 };
  const gint64 one_speaker[] = { 0, 0, 0, 10 };
  const gint64 ramp[] = { 4, 1, 3, 2 };
  const gint64 zeros[] = { 0, 0, 0 };

  g_assert_cmpfloat (as_gini (equal, 4), ==, 0.0);
  g_assert_cmpfloat (as_gini (zeros, 3), ==, 0.0);
  g_assert_cmpfloat (as_gini (NULL, 0), ==, 0.0);
  /* Σ|xi - xj| over ordered pairs = 60, n = 4, mean = 2.5: 60 / (2 · 16 · 2.5) */
  g_assert_cmpfloat_with_epsilon (as_gini (one_speaker, 4), 0.75, 1e-12);
  /* Σ|xi - xj| = 20: 20 / (2 · 16 · 2.5) */
  g_assert_cmpfloat_with_epsilon (as_gini (ramp, 4), 0.25, 1e-12);
}

static void
test_participation_figures (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(AsParticipation) p = NULL;
  g_autoptr(AsParticipation) q = NULL;
  AsRound *r0 = round_at (f->meeting, 0);
  const char *presenter = as_round_get_presenter (r0);

  g_assert_cmpstr (presenter, ==, f->ids->pdata[0]);
  as_meeting_session_start (f->session);

  /* Report back and present: the presenter speaks. */
  as_meeting_session_set_speaker (f->session, presenter);
  advance (f, 60 * SEC);
  as_meeting_session_next_step (f->session);
  as_meeting_session_next_step (f->session);   /* questions */
  g_assert_cmpint (as_step_get_kind (as_meeting_session_get_current_step (f->session)), ==,
                   AS_STEP_QUESTIONS);
  advance (f, 30 * SEC);                        /* the presenter answers */
  as_meeting_session_set_speaker_number (f->session, 2);
  advance (f, 10 * SEC);
  as_meeting_session_set_speaker_number (f->session, 3);
  advance (f, 10 * SEC);
  as_meeting_session_set_speaker_number (f->session, 0);

  p = as_participation_compute (f->set, f->meeting, f->session, AS_PARTICIPATION_DEFAULT);
  g_assert_cmpint (p->total_ms, ==, 110000);
  g_assert_cmpint (as_participation_lookup (p, presenter)->airtime_ms, ==, 90000);
  /* Speaking on from report back into the questions is one turn. */
  g_assert_cmpuint (as_participation_lookup (p, presenter)->turns, ==, 1);
  g_assert_cmpuint (as_participation_lookup (p, f->ids->pdata[1])->turns, ==, 1);
  g_assert_cmpuint (p->n_silent, ==, 1);   /* the fourth member */
  g_assert_cmpfloat_with_epsilon (as_participation_lookup (p, f->ids->pdata[1])->share, 10.0 / 110, 1e-12);

  q = as_participation_compute (f->set, f->meeting, f->session,
                                AS_PARTICIPATION_EXCLUDE_PRESENTER_IN_QUESTIONS);
  g_assert_cmpint (q->total_ms, ==, 80000);
  g_assert_cmpint (as_participation_lookup (q, presenter)->airtime_ms, ==, 60000);
  g_assert_cmpuint (as_participation_lookup (q, presenter)->turns, ==, 1);
}

static void
test_monologue (Fixture       *f,
                gconstpointer  data)
{
  as_set_set_monologue_seconds (f->set, 90);
  as_meeting_session_start (f->session);
  g_assert_false (as_meeting_session_is_monologue (f->session));
  as_meeting_session_set_speaker_number (f->session, 2);
  advance (f, 90 * SEC);
  g_assert_false (as_meeting_session_is_monologue (f->session));
  advance (f, 1 * MS);
  g_assert_true (as_meeting_session_is_monologue (f->session));
  g_assert_cmpint (as_meeting_session_turn_elapsed (f->session), ==, 90001);
  as_meeting_session_set_speaker_number (f->session, 3);
  g_assert_false (as_meeting_session_is_monologue (f->session));
  /* A number with no attendee, and the speaker again: nothing changes. */
  g_assert_false (as_meeting_session_set_speaker_number (f->session, 9));
  g_assert_false (as_meeting_session_set_speaker_number (f->session, 3));
}

/* A running meeting written to a file and read back after the app was down
 * for 45 s: the timers go on from where a wall clock says they should be. */
static void
test_restore_running (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AsSet) set = NULL;
  g_autoptr(AsClock) clock = NULL;
  g_autoptr(AsMeetingSession) session = NULL;
  g_autoptr(AsMeeting) meeting = NULL;
  g_autoptr(GDateTime) later = NULL;
  AsStep *step;

  as_meeting_session_start (f->session);
  advance (f, 100 * SEC);
  as_meeting_session_set_speaker_number (f->session, 2);
  advance (f, 30 * SEC + 250 * MS);
  bytes = as_format_write (f->set);

  {
    g_autoptr(GDateTime) crash = as_clock_get_wall (f->clock);
    later = g_date_time_add_seconds (crash, 45);
  }
  set = as_format_read (bytes, NULL, &error);
  g_assert_no_error (error);
  meeting = g_list_model_get_item (as_set_get_meetings (set), 0);
  clock = as_fake_clock_new (later);
  session = as_meeting_session_new (set, meeting, clock);

  g_assert_cmpint (as_meeting_session_get_state (session), ==, AS_TIMER_RUNNING);
  step = as_meeting_session_get_current_step (session);
  g_assert_nonnull (step);
  g_assert_cmpint (as_meeting_session_step_elapsed (session, step), ==, 175250);
  g_assert_cmpint (as_meeting_session_turn_elapsed (session), ==, 75250);
  as_fake_clock_advance (AS_FAKE_CLOCK (clock), 5 * SEC);
  g_assert_cmpint (as_meeting_session_step_elapsed (session, step), ==, 180250);
  g_assert_true (as_meeting_session_pause (session));
  g_assert_cmpint (as_step_get_elapsed_ms (step), ==, 180250);
}

static void
test_sleep_gap (Fixture       *f,
                gconstpointer  data)
{
  AsStep *step;

  g_assert_cmpint (as_meeting_session_check_clock (f->session), ==, 0);
  as_meeting_session_start (f->session);
  step = as_meeting_session_get_current_step (f->session);
  advance (f, 10 * SEC);
  g_assert_cmpint (as_meeting_session_check_clock (f->session), ==, 0);

  /* A 4 s difference is clock noise, ten minutes is sleep. */
  as_fake_clock_sleep (AS_FAKE_CLOCK (f->clock), 4 * SEC);
  g_assert_cmpint (as_meeting_session_check_clock (f->session), ==, 0);
  as_fake_clock_sleep (AS_FAKE_CLOCK (f->clock), 600 * SEC);
  g_assert_cmpint (as_meeting_session_check_clock (f->session), ==, 600000);
  g_assert_cmpint (as_meeting_session_step_elapsed (f->session, step), ==, 10000);
  as_meeting_session_count_gap (f->session, 600000);
  g_assert_cmpint (as_meeting_session_step_elapsed (f->session, step), ==, 610000);
  advance (f, 1 * SEC);
  g_assert_cmpint (as_meeting_session_step_elapsed (f->session, step), ==, 611000);
}

static void
on_changed (AsMeetingSession *session,
            guint            *count)
{
  (*count)++;
}

static void
test_changed_and_undo (Fixture       *f,
                       gconstpointer  data)
{
  AsUndoStack *undo = as_set_get_undo_stack (f->set);
  guint count = 0;
  AsStep *first, *second;

  g_signal_connect (f->session, "changed", G_CALLBACK (on_changed), &count);
  as_meeting_session_start (f->session);
  g_assert_cmpuint (count, ==, 1);   /* one transition, one signal */
  first = as_meeting_session_get_current_step (f->session);
  advance (f, 20 * SEC);
  as_meeting_session_next_step (f->session);
  g_assert_cmpuint (count, ==, 2);
  second = as_meeting_session_get_current_step (f->session);
  advance (f, 5 * SEC);

  /* Undoing "next step": the first step never stopped. */
  g_assert_cmpstr (as_undo_stack_get_undo_label (undo), ==, "Next step");
  g_assert_true (as_undo_stack_undo (undo));
  g_assert_true (as_meeting_session_get_current_step (f->session) == first);
  g_assert_cmpint (as_meeting_session_step_elapsed (f->session, first), ==, 25000);
  g_assert_cmpint (as_meeting_session_step_elapsed (f->session, second), ==, 0);
  g_assert_true (as_undo_stack_redo (undo));
  g_assert_true (as_meeting_session_get_current_step (f->session) == second);

  /* Undoing the start: back to a planned meeting with no events. */
  g_assert_true (as_undo_stack_undo (undo));
  g_assert_true (as_undo_stack_undo (undo));
  g_assert_cmpint (as_meeting_session_get_state (f->session), ==, AS_TIMER_NOT_STARTED);
  g_assert_cmpuint (g_list_model_get_n_items (as_meeting_get_timer_events (f->meeting)), ==, 0);
}

/* The system clock's wall time is local time, to the millisecond, and
 * follows the system's zone (looked up once a minute, not at each read). */
static void
test_system_clock (void)
{
  AsClock *clock = as_clock_get_system ();
  g_autoptr(GDateTime) before = g_date_time_new_now_local ();
  g_autoptr(GDateTime) wall = as_clock_get_wall (clock);
  g_autoptr(GDateTime) again = as_clock_get_wall (clock);
  g_autoptr(GDateTime) after = g_date_time_new_now_local ();

  g_assert_cmpint (g_date_time_get_utc_offset (wall), ==, g_date_time_get_utc_offset (before));
  g_assert_cmpstr (g_date_time_get_timezone_abbreviation (wall), ==,
                   g_date_time_get_timezone_abbreviation (before));
  g_assert_cmpint (g_date_time_get_microsecond (wall) % 1000, ==, 0);
  g_assert_cmpint (g_date_time_difference (wall, before), >=, -1000);
  g_assert_cmpint (g_date_time_difference (after, wall), >=, 0);
  g_assert_cmpint (g_date_time_compare (wall, again), <=, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, data) \
  g_test_add ("/meeting-session/" path, Fixture, data, fixture_set_up, func, fixture_tear_down)

  ADD ("start-pause-resume", test_start_pause_resume, NULL);
  ADD ("steps-and-rounds", test_steps_and_rounds, NULL);
  ADD ("warning-and-overtime", test_warning_and_overtime, NULL);
  ADD ("projected-end", test_projected_end, NULL);
  ADD ("three-hour-meeting", test_three_hour_meeting, GUINT_TO_POINTER (8));
  ADD ("participation", test_participation_figures, NULL);
  ADD ("monologue", test_monologue, NULL);
  ADD ("restore-running", test_restore_running, NULL);
  ADD ("sleep-gap", test_sleep_gap, NULL);
  ADD ("changed-and-undo", test_changed_and_undo, NULL);
  g_test_add_func ("/meeting-session/gini", test_gini);
  g_test_add_func ("/meeting-session/system-clock", test_system_clock);

  return g_test_run ();
}
