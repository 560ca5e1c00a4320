/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "as-bench-generate"

#include "config.h"

#include <glib.h>

#include "as-format.h"
#include "as-model.h"

/*
 * Writes a large, realistic set file for the benchmarks: a set of eight
 * members that has met monthly for ten years, every meeting run in full with
 * the timer, the speaking-turn tracker and the question log, and thousands of
 * actions followed up over the years. The same seed always gives the same
 * file, so that figures from different runs compare the same work.
 */

#define N_MEMBERS          8
#define DEFAULT_MEETINGS   120
#define QUESTIONS_PER_SET  50000   /* for DEFAULT_MEETINGS; scaled with the meeting count */
#define ACTIONS_PER_SET    5000

typedef struct
{
  GRand      *rand;
  AsSet      *set;
  char       *member_ids[N_MEMBERS + 1];   /* NULL-terminated */
  double      talkativeness[N_MEMBERS];
  GTimeZone  *winter;
  GTimeZone  *summer;
  guint       n_meetings;
  guint       rounds_left;
  guint       questions_left;
  guint       actions_left;

  /* What was generated, for the summary line. */
  guint       n_rounds;
  guint       n_steps;
  guint       n_timer_events;
  guint       n_turns;
  guint       n_questions;
  guint       n_actions;
  guint       n_status_changes;
  guint       n_reflections;
} Generator;

typedef struct
{
  const char *name;
  const char *role;
  const char *organisation;
  const char *sponsor;
  const char *contact;
  const char *challenge;
  const char *colour;
  const char *topics[4];
} MemberSeed;

static const MemberSeed member_seeds[N_MEMBERS] = {
  { "Amara Okafor", "Head of Operations", "Northbridge Housing", "Grace Whitfield",
    "grace.whitfield@northbridge.example",
    "Merging two repair teams that have worked against each other for years, without losing "
    "the people who know the estates best.",
    "#3584e4", { "the merged repair team", "the estate managers", "the new rota", "the union" } },
  { "Tomasz Nowak", "Finance Director", "Riverside Care Trust", "Helen Marsh",
    "h.marsh@riverside.example",
    "Closing a budget gap of 8% while keeping the night service open.",
    "#2ec27e", { "the night service", "the budget gap", "the trustees", "the agency spend" } },
  { "Priya Raman", "Deputy Head Teacher", "St Anne's Academy", "David Cole",
    "dcole@stannes.example",
    "Getting a tired staff room to own a new behaviour policy rather than comply with it.",
    "#e5a50a", { "the behaviour policy", "the staff room", "the governors", "the parents' forum" } },
  { "Liam Gallagher", "Service Manager", "Citywide Youth Services", "Fiona Burke",
    "fiona.burke@citywide.example",
    "Rebuilding trust with a community group after a funding decision went badly.",
    "#c061cb", { "the community group", "the funding decision", "the outreach workers",
                 "the council" } },
  { "Sofia Martins", "Clinical Lead", "Eastgate Health Centre", "Robert Ansah",
    "r.ansah@eastgate.example",
    "Cutting waiting times without burning out a small team of nurses.",
    "#ff7800", { "the waiting list", "the nursing team", "the triage pilot", "the practice board" } },
  { "Daniel Eze", "IT Programme Manager", "Northbridge Council", "Margaret Lowe",
    "margaret.lowe@northbridge.example",
    "Moving forty services onto one case system when every service thinks it is the exception.",
    "#1c71d8", { "the case system", "the service leads", "the supplier", "the go-live date" } },
  { "Hannah Schultz", "Head of HR", "Meridian Logistics", "Paul Fenwick",
    "pfenwick@meridian.example",
    "Introducing flexible working in depots where shifts have never changed.",
    "#26a269", { "flexible working", "the depot managers", "the shift pattern", "the drivers" } },
  { "Kwame Mensah", "Partnership Manager", "Open Doors Charity", "Ruth Adeyemi",
    "ruth@opendoors.example",
    "Turning five competing charities into one partnership bid.",
    "#a51d2d", { "the partnership bid", "the other charities", "the lead funder", "my own board" } },
};

static const char * const open_questions[] = {
  "What would success look like for you with %s?",
  "How do you think %s sees this?",
  "What is stopping you from moving on %s?",
  "What have you already tried with %s?",
  "Who else has a stake in %s?",
  "What would happen if you did nothing about %s?",
  "What does your gut tell you about %s?",
  "Where do you feel most stuck with %s?",
  "What assumptions are you making about %s?",
  "How will you know that something has changed with %s?",
  "What would you do about %s if you could not fail?",
  "What part of %s matters most to you personally?",
  "What did you learn last month about %s that surprised you?",
  "What is the conversation about %s that nobody is having?",
};

static const char * const closed_questions[] = {
  "Have you spoken to %s since last time?",
  "Is %s within your authority?",
  "Did anyone agree a deadline for %s?",
  "Is %s on the agenda of the next board?",
  "Has anything changed with %s since we last met?",
};

static const char * const advice_questions[] = {
  "Have you thought about delegating %s?",
  "Why don't you just escalate %s to your sponsor?",
  "Couldn't you bring in a consultant to look at %s?",
  "Wouldn't it be easier to put %s on hold until spring?",
};

static const char * const action_templates[] = {
  "Meet privately with %s before the next team meeting",
  "Draft a one-page proposal about %s and share it with my sponsor",
  "Ask three people for honest feedback on how I handle %s",
  "Spend half a day observing %s without trying to fix anything",
  "Write down what I am assuming about %s and test one assumption",
  "Agree a first small step on %s and report back next time",
  "Book time in the diary every week to think about %s",
  "Find out who decided on %s and why",
};

static const char * const reflection_templates[] = {
  "I noticed that I talk about %s as if it were someone else's problem.",
  "The questions about %s helped me see that I have more choice than I thought.",
  "I came in wanting advice on %s and left with better questions, which is more useful.",
  "I realised I have been avoiding %s because I am afraid of the conversation.",
  "Listening to the others made me see %s from the outside for the first time.",
  "I am less certain about %s than last month, and that feels like progress.",
};

/* Most status changes have no note. */
static const char * const doing_notes[] = {
  "", "", "", "Agreed with my sponsor", "Waiting for HR to reply", "Harder than expected",
};

static const char * const todo_notes[] = {
  "Stalled: waiting for the budget", "Back on the list after the restructure",
};

static const char * const done_notes[] = {
  "", "", "Done in a different way than planned", "Went better than I feared",
};

static const char * const dropped_notes[] = {
  "No longer relevant", "Overtaken by events", "My sponsor asked me to stop",
};

static const char * const places[] = {
  "Room 3.14, Northbridge Centre",
  "The Boardroom, Riverside Care Trust",
  "Library meeting room, St Anne's Academy",
  "Online",
};

/* Helpers */

/* A version 4 UUID from the seeded generator, so that ids repeat with the
 * seed (as_new_id is random on purpose). */
static void
set_seeded_id (Generator *g,
               gpointer   entity)
{
  guint32 a = g_rand_int (g->rand);
  guint32 b = g_rand_int (g->rand);
  guint32 c = g_rand_int (g->rand);
  guint32 d = g_rand_int (g->rand);
  char id[37];

  g_snprintf (id, sizeof id, "%08x-%04x-4%03x-%04x-%04x%08x",
              a, b >> 16, b & 0xfff, 0x8000 | (c >> 18), c & 0xffff, d);
  as_entity_set_id (AS_ENTITY (entity), id);
}

static double
uniform (Generator *g)
{
  return g_rand_double (g->rand);
}

static int
between (Generator *g,
         int        lo,
         int        hi)
{
  return g_rand_int_range (g->rand, lo, hi + 1);
}

static const char *
pick (Generator          *g,
      const char * const *items,
      guint               n)
{
  return items[g_rand_int_range (g->rand, 0, n)];
}

#define PICK(g, array) pick (g, array, G_N_ELEMENTS (array))

static const char *
topic (Generator *g,
       guint      member)
{
  return member_seeds[member].topics[between (g, 0, 3)];
}

/* A member other than the presenter, the talkative ones more often. */
static guint
pick_other (Generator *g,
            guint      presenter)
{
  double total = 0, x;

  for (guint i = 0; i < N_MEMBERS; i++)
    if (i != presenter)
      total += g->talkativeness[i];
  x = uniform (g) * total;
  for (guint i = 0; i < N_MEMBERS; i++)
    {
      if (i == presenter)
        continue;
      if (x < g->talkativeness[i])
        return i;
      x -= g->talkativeness[i];
    }
  return presenter == 0 ? 1 : 0;
}

/* Shares a remaining total out over the remaining rounds with some jitter,
 * so that the totals come out exactly while rounds differ. */
static guint
take_share (Generator *g,
            guint     *left,
            int        jitter)
{
  int share;

  if (g->rounds_left <= 1)
    share = *left;
  else
    {
      share = (int) ((*left + g->rounds_left / 2) / g->rounds_left) + between (g, -jitter, jitter);
      share = CLAMP (share, 0, (int) *left);
    }
  *left -= share;
  return share;
}

static GDateTime *
add_ms (GDateTime *base,
        gint64     ms)
{
  return g_date_time_add (base, ms * 1000);
}

/* Meetings are on the second Tuesday of each month at half past nine, in
 * British summer or winter time. */
static GDateTime *
meeting_start (Generator *g,
               guint      index)
{
  int year = 2016 + index / 12;
  int month = index % 12 + 1;
  GTimeZone *tz = month >= 4 && month <= 10 ? g->summer : g->winter;
  g_autoptr(GDateTime) first = g_date_time_new (tz, year, month, 1, 9, 30, 0);
  int weekday = g_date_time_get_day_of_week (first);   /* 1 = Monday */
  int day = 1 + (2 - weekday + 7) % 7 + 7;

  return g_date_time_new (tz, year, month, day, 9, 30, 0);
}

/* Entities */

static void
add_members (Generator *g)
{
  for (guint i = 0; i < N_MEMBERS; i++)
    {
      const MemberSeed *seed = &member_seeds[i];
      g_autoptr(AsMember) member = as_member_new ();

      set_seeded_id (g, member);
      as_member_set_name (member, seed->name);
      as_member_set_role (member, seed->role);
      as_member_set_organisation (member, seed->organisation);
      as_member_set_sponsor_name (member, seed->sponsor);
      as_member_set_sponsor_contact (member, seed->contact);
      as_member_set_challenge (member, seed->challenge);
      as_member_set_colour (member, seed->colour);
      as_entity_append_child (AS_ENTITY (g->set), as_set_list_members (), AS_ENTITY (member));

      g->member_ids[i] = g_strdup (as_entity_get_id (AS_ENTITY (member)));
      /* Some members talk much more than others, as in real sets. */
      g->talkativeness[i] = 0.4 + 1.6 * uniform (g);
    }
}

static void
add_timer_event (Generator        *g,
                 AsMeeting        *meeting,
                 AsTimerEventKind  kind,
                 GDateTime        *start,
                 gint64            at_ms,
                 AsRound          *round,
                 AsStep           *step)
{
  g_autoptr(AsTimerEvent) event = as_timer_event_new ();
  g_autoptr(GDateTime) at = add_ms (start, at_ms);

  set_seeded_id (g, event);
  as_timer_event_set_kind (event, kind);
  as_timer_event_set_at (event, at);
  as_timer_event_set_round (event, as_entity_get_id (AS_ENTITY (round)));
  as_timer_event_set_step (event, as_entity_get_id (AS_ENTITY (step)));
  as_entity_append_child (AS_ENTITY (meeting), as_meeting_list_timer_events (), AS_ENTITY (event));
  g->n_timer_events++;
}

/* Splits a step's time into speaking turns: the presenter speaks at length,
 * the others in shorter turns, with short silences between. */
static void
add_turns (Generator *g,
           AsMeeting *meeting,
           GDateTime *start,
           gint64     from_ms,
           gint64     length_ms,
           guint      n_turns,
           guint      presenter,
           gboolean   questions,
           AsRound   *round,
           AsStep    *step)
{
  g_autofree double *weights = g_new (double, n_turns);
  g_autofree guint *speakers = g_new (guint, n_turns);
  double total = 0;
  gint64 t = from_ms;

  for (guint i = 0; i < n_turns; i++)
    {
      /* In the questions step askers and the presenter alternate; in the
       * others the presenter holds the floor with a few interjections. */
      gboolean presenter_speaks = questions ? (i % 2 == 1) : (i % 2 == 0);

      speakers[i] = presenter_speaks ? presenter : pick_other (g, presenter);
      weights[i] = (0.3 + 1.4 * uniform (g)) * (presenter_speaks ? 2.0 : 1.0);
      total += weights[i];
    }

  for (guint i = 0; i < n_turns; i++)
    {
      g_autoptr(AsTurn) turn = as_turn_new ();
      g_autoptr(GDateTime) turn_start = add_ms (start, t);
      gint64 piece = (gint64) (length_ms * weights[i] / total);
      gint64 silence = MIN (piece / 4, between (g, 200, 2500));

      set_seeded_id (g, turn);
      as_turn_set_member (turn, g->member_ids[speakers[i]]);
      as_turn_set_start (turn, turn_start);
      as_turn_set_duration_ms (turn, (int) (piece - silence));
      as_turn_set_round (turn, as_entity_get_id (AS_ENTITY (round)));
      as_turn_set_step (turn, as_entity_get_id (AS_ENTITY (step)));
      as_entity_append_child (AS_ENTITY (meeting), as_meeting_list_turns (), AS_ENTITY (turn));
      g->n_turns++;
      t += piece;
    }
}

static int
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static void
add_questions (Generator *g,
               AsMeeting *meeting,
               GDateTime *start,
               gint64     from_ms,
               gint64     length_ms,
               guint      n_questions,
               guint      presenter,
               AsRound   *round)
{
  g_autofree gint64 *times = g_new (gint64, n_questions);

  for (guint i = 0; i < n_questions; i++)
    times[i] = from_ms + (gint64) (uniform (g) * length_ms);
  qsort (times, n_questions, sizeof (gint64), compare_int64);

  for (guint i = 0; i < n_questions; i++)
    {
      g_autoptr(AsQuestion) question = as_question_new ();
      g_autoptr(GDateTime) at = add_ms (start, times[i]);
      g_autofree char *text = NULL;
      double kind = uniform (g);
      AsQuestionTag tag;

      if (kind < 0.7)
        {
          text = g_strdup_printf (PICK (g, open_questions), topic (g, presenter));
          tag = uniform (g) < 0.85 ? AS_QUESTION_OPEN : AS_QUESTION_UNTAGGED;
        }
      else if (kind < 0.88)
        {
          text = g_strdup_printf (PICK (g, closed_questions), topic (g, presenter));
          tag = uniform (g) < 0.8 ? AS_QUESTION_CLOSED : AS_QUESTION_OPEN;
        }
      else
        {
          text = g_strdup_printf (PICK (g, advice_questions), topic (g, presenter));
          tag = uniform (g) < 0.75 ? AS_QUESTION_ADVICE : AS_QUESTION_UNTAGGED;
        }

      set_seeded_id (g, question);
      as_question_set_text (question, text);
      as_question_set_asker (question, g->member_ids[pick_other (g, presenter)]);
      as_question_set_addressee (question, g->member_ids[presenter]);
      as_question_set_at (question, at);
      as_question_set_round (question, as_entity_get_id (AS_ENTITY (round)));
      as_question_set_tag (question, tag);
      as_question_set_starred (question, tag == AS_QUESTION_OPEN && uniform (g) < 0.15);
      as_entity_append_child (AS_ENTITY (meeting), as_meeting_list_questions (), AS_ENTITY (question));
      g->n_questions++;
    }
}

static void
add_actions (Generator *g,
             AsMeeting *meeting,
             guint      meeting_index,
             AsRound   *round,
             guint      presenter,
             guint      n_actions)
{
  g_autoptr(GDateTime) next = meeting_start (g, meeting_index + 1);
  g_autofree char *due = g_date_time_format (next, "%Y-%m-%d");

  for (guint i = 0; i < n_actions; i++)
    {
      g_autoptr(AsAction) action = as_action_new ();
      g_autofree char *text = g_strdup_printf (PICK (g, action_templates), topic (g, presenter));
      g_autoptr(GDateTime) at = g_date_time_ref (as_meeting_get_start (meeting));
      guint n_changes = between (g, 1, 3);

      set_seeded_id (g, action);
      as_action_set_owner (action, g->member_ids[presenter]);
      as_action_set_text (action, text);
      as_action_set_meeting (action, as_entity_get_id (AS_ENTITY (meeting)));
      as_action_set_round (action, as_entity_get_id (AS_ENTITY (round)));
      as_action_set_due (action, due);

      /* Started, then usually finished, sometimes dropped, now and then
       * picked up again after a stall. */
      for (guint c = 0; c < n_changes; c++)
        {
          g_autoptr(AsStatusChange) change = as_status_change_new ();
          g_autoptr(GDateTime) later = g_date_time_add_hours (at, between (g, 20, 24 * 30));
          AsActionStatus status;

          if (c == 0)
            status = n_changes == 1 && uniform (g) < 0.5 ? AS_ACTION_DONE : AS_ACTION_DOING;
          else if (c == n_changes - 1)
            status = uniform (g) < 0.85 ? AS_ACTION_DONE : AS_ACTION_DROPPED;
          else
            status = AS_ACTION_TODO;

          set_seeded_id (g, change);
          as_status_change_set_at (change, later);
          as_status_change_set_status (change, status);
          switch (status)
            {
            case AS_ACTION_TODO:
              as_status_change_set_note (change, PICK (g, todo_notes));
              break;
            case AS_ACTION_DOING:
              as_status_change_set_note (change, PICK (g, doing_notes));
              break;
            case AS_ACTION_DONE:
              as_status_change_set_note (change, PICK (g, done_notes));
              break;
            case AS_ACTION_DROPPED:
              as_status_change_set_note (change, PICK (g, dropped_notes));
              break;
            default:
              g_assert_not_reached ();
            }
          as_entity_append_child (AS_ENTITY (action), as_action_list_history (), AS_ENTITY (change));
          as_action_set_status (action, status);
          g->n_status_changes++;

          g_date_time_unref (at);
          at = g_steal_pointer (&later);
        }

      as_entity_append_child (AS_ENTITY (g->set), as_set_list_actions (), AS_ENTITY (action));
      g->n_actions++;
    }
}

static void
add_reflections (Generator *g,
                 AsMeeting *meeting)
{
  for (guint i = 0; i < N_MEMBERS; i++)
    {
      g_autoptr(AsReflection) reflection = as_reflection_new ();
      guint a = g_rand_int_range (g->rand, 0, G_N_ELEMENTS (reflection_templates));
      /* A second sentence unlike the first. */
      guint b = (a + g_rand_int_range (g->rand, 1, G_N_ELEMENTS (reflection_templates)))
        % G_N_ELEMENTS (reflection_templates);
      g_autofree char *first = g_strdup_printf (reflection_templates[a], topic (g, i));
      g_autofree char *second = g_strdup_printf (reflection_templates[b], topic (g, i));
      g_autofree char *text = g_strconcat (first, uniform (g) < 0.5 ? "\n\n" : " ", second, NULL);

      set_seeded_id (g, reflection);
      as_reflection_set_member (reflection, g->member_ids[i]);
      as_reflection_set_text (reflection, text);
      as_reflection_set_shareable (reflection, uniform (g) < 0.4);
      as_entity_append_child (AS_ENTITY (meeting), as_meeting_list_reflections (),
                              AS_ENTITY (reflection));
      g->n_reflections++;
    }
}

static void
add_meeting (Generator *g,
             guint      index)
{
  g_autoptr(AsMeeting) meeting = as_meeting_new ();
  g_autoptr(GDateTime) start = meeting_start (g, index);
  g_autoptr(GDateTime) end = NULL;
  /* Check-in before the first round. */
  gint64 t = between (g, 10, 20) * 60000;

  set_seeded_id (g, meeting);
  as_meeting_set_start (meeting, start);
  as_meeting_set_place (meeting, PICK (g, places));
  as_meeting_set_attendees (meeting, (const char * const *) g->member_ids);
  as_meeting_set_state (meeting, AS_MEETING_FINISHED);

  for (guint r = 0; r < N_MEMBERS; r++)
    {
      g_autoptr(AsRound) round = as_round_new ();
      /* The order of presenters rotates from one meeting to the next. */
      guint presenter = (r + index) % N_MEMBERS;
      guint n_turns = between (g, 40, 60);
      guint step_turns[AS_N_STEP_KINDS];
      guint n_questions, n_actions;
      int planned = 0;

      set_seeded_id (g, round);
      as_round_set_presenter (round, g->member_ids[presenter]);

      step_turns[AS_STEP_REPORT_BACK] = between (g, 2, 5);
      step_turns[AS_STEP_PRESENT] = between (g, 1, 3);
      step_turns[AS_STEP_REFLECT] = between (g, 2, 5);
      step_turns[AS_STEP_COMMIT] = between (g, 2, 5);
      step_turns[AS_STEP_QUESTIONS] = n_turns - step_turns[AS_STEP_REPORT_BACK]
        - step_turns[AS_STEP_PRESENT] - step_turns[AS_STEP_REFLECT] - step_turns[AS_STEP_COMMIT];

      n_questions = take_share (g, &g->questions_left, 10);
      n_actions = take_share (g, &g->actions_left, 3);
      g->rounds_left--;

      for (AsStepKind k = AS_STEP_REPORT_BACK; k <= AS_STEP_COMMIT; k++)
        {
          g_autoptr(AsStep) step = as_step_new ();
          int budget = as_set_get_step_default (g->set, k);
          /* Steps overrun or finish early by up to a fifth or so. */
          gint64 length = (gint64) (budget * 60000 * (0.8 + 0.45 * uniform (g)));
          gint64 paused = 0;

          set_seeded_id (g, step);
          as_step_set_kind (step, k);
          as_step_set_budget_minutes (step, budget);
          as_entity_append_child (AS_ENTITY (round), as_round_list_steps (), AS_ENTITY (step));
          planned += budget;
          g->n_steps++;

          add_timer_event (g, meeting, AS_TIMER_START, start, t, round, step);
          if (uniform (g) < 0.12)
            {
              gint64 pause_at = t + (gint64) (length * uniform (g));

              paused = between (g, 30, 240) * 1000;
              add_timer_event (g, meeting, AS_TIMER_PAUSE, start, pause_at, round, step);
              add_timer_event (g, meeting, AS_TIMER_RESUME, start, pause_at + paused, round, step);
            }

          add_turns (g, meeting, start, t, length + paused, step_turns[k], presenter,
                     k == AS_STEP_QUESTIONS, round, step);
          if (k == AS_STEP_QUESTIONS)
            add_questions (g, meeting, start, t, length + paused, n_questions, presenter, round);

          t += length + paused;
          add_timer_event (g, meeting, AS_TIMER_STOP, start, t, round, step);
        }

      as_round_set_planned_minutes (round, planned);
      as_entity_append_child (AS_ENTITY (meeting), as_meeting_list_rounds (), AS_ENTITY (round));
      add_actions (g, meeting, index, round, presenter, n_actions);
      g->n_rounds++;

      /* A short break between rounds. */
      t += between (g, 0, 6) * 60000;
    }

  add_reflections (g, meeting);

  /* Check-out after the last round. */
  end = add_ms (start, t + between (g, 5, 15) * 60000);
  as_meeting_set_end (meeting, end);
  as_entity_append_child (AS_ENTITY (g->set), as_set_list_meetings (), AS_ENTITY (meeting));
}

int
main (int   argc,
      char *argv[])
{
  gint64 seed = 20260301;
  int n_meetings = DEFAULT_MEETINGS;
  GOptionEntry entries[] = {
    { "seed", 's', 0, G_OPTION_ARG_INT64, &seed, "Seed of the random generator", "N" },
    { "meetings", 'm', 0, G_OPTION_ARG_INT, &n_meetings, "Number of monthly meetings (120)", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("FILE");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  Generator g = { 0 };

  g_option_context_set_summary (context,
                                "Writes a large set file (10 years of monthly meetings) "
                                "for the benchmarks.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (argc != 2 || n_meetings < 1 || n_meetings > 1000)
    {
      g_printerr ("Usage: %s [--seed=N] [--meetings=N] FILE\n", g_get_prgname ());
      return 2;
    }

  g.rand = g_rand_new_with_seed ((guint32) seed);
  g.winter = g_time_zone_new_offset (0);
  g.summer = g_time_zone_new_offset (3600);
  g.n_meetings = n_meetings;
  g.rounds_left = n_meetings * N_MEMBERS;
  g.questions_left = (guint) ((gint64) QUESTIONS_PER_SET * n_meetings / DEFAULT_MEETINGS);
  g.actions_left = (guint) ((gint64) ACTIONS_PER_SET * n_meetings / DEFAULT_MEETINGS);

  /* Not a document: nothing here needs undo, and recording 300,000
   * insertions would only slow the generator down. */
  g.set = as_set_new ();
  set_seeded_id (&g, g.set);
  as_set_set_name (g.set, "Northbridge Leaders, 2016–2025");
  as_set_set_purpose (g.set,
                      "A peer set for senior leaders of public and voluntary services in "
                      "Northbridge, meeting monthly to work on real challenges through "
                      "questions, reflection and action.");
  as_set_set_ground_rules (g.set,
                           "What is said in the set stays in the set.\n"
                           "Questions, not advice.\n"
                           "Everyone is heard; the presenter owns their challenge.\n"
                           "We start and finish on time.");
  as_set_set_facilitator (g.set, "Jo Whitaker");
  add_members (&g);

  for (guint i = 0; i < g.n_meetings; i++)
    add_meeting (&g, i);

  bytes = as_format_write (g.set);
  if (!g_file_set_contents (argv[1], g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                            &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  g_print ("# generated bytes=%" G_GSIZE_FORMAT " seed=%" G_GINT64_FORMAT
           " members=%d meetings=%u rounds=%u steps=%u timer_events=%u turns=%u"
           " questions=%u actions=%u status_changes=%u reflections=%u\n",
           g_bytes_get_size (bytes), seed, N_MEMBERS, g.n_meetings, g.n_rounds, g.n_steps,
           g.n_timer_events, g.n_turns, g.n_questions, g.n_actions, g.n_status_changes,
           g.n_reflections);

  for (guint i = 0; i < N_MEMBERS; i++)
    g_free (g.member_ids[i]);
  g_object_unref (g.set);
  g_time_zone_unref (g.winter);
  g_time_zone_unref (g.summer);
  g_rand_free (g.rand);
  return 0;
}
