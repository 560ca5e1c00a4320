/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "as-meeting-session"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "as-meeting-session.h"

#define MAX_ELAPSED_MS 86400000

/* Where an interval that is running now began on the monotonic clock. The
 * document records the wall time; the anchor is valid while it matches. */
typedef struct
{
  gpointer   entity;   /* AsStep or AsTurn, weak */
  GDateTime *since;    /* the wall time recorded in the document */
  gint64     mono;     /* the same instant on the monotonic clock */
} Anchor;

struct _AsMeetingSession
{
  GObject    parent_instance;

  AsSet     *set;
  AsMeeting *meeting;
  AsClock   *clock;

  Anchor     step_anchor;
  Anchor     turn_anchor;

  /* Within a transition: the instant it happens, taken once. */
  gint64     now_mono;
  GDateTime *now_wall;
  guint      in_transition;
  gboolean   changed_pending;

  gint64     last_check_mono;
  GDateTime *last_check_wall;

  /* The budgets of the steps after to_come_step, kept until an edit: every
   * view asks for the projected end every second. */
  AsStep    *to_come_step;   /* compared, never dereferenced */
  gint64     to_come_ms;
  gboolean   to_come_valid;
  gint64     planned_ms;     /* the meeting's budgets, likewise */
  gboolean   planned_valid;

  /* The state as last announced through the properties, compared after
   * each change so that each is notified only when it really changed. */
  AsTimerState shown_state;
  AsRound   *shown_round;    /* compared, never dereferenced */
  AsStep    *shown_step;     /* likewise */
  char      *shown_speaker;
};

G_DEFINE_FINAL_TYPE (AsMeetingSession, as_meeting_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SET,
  PROP_MEETING,
  PROP_CLOCK,
  PROP_STATE,
  PROP_RUNNING,
  PROP_PAUSED,
  PROP_CURRENT_ROUND,
  PROP_CURRENT_STEP,
  PROP_SPEAKER,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Helpers */

static void
anchor_clear (Anchor *anchor)
{
  anchor->entity = NULL;
  g_clear_pointer (&anchor->since, g_date_time_unref);
  anchor->mono = 0;
}

static void
anchor_set (Anchor    *anchor,
            gpointer   entity,
            GDateTime *since,
            gint64     mono)
{
  anchor_clear (anchor);
  anchor->entity = entity;
  anchor->since = g_date_time_ref (since);
  anchor->mono = mono;
}

static gint64
now_mono (AsMeetingSession *self)
{
  return self->in_transition ? self->now_mono : as_clock_get_monotonic (self->clock);
}

static GDateTime *
dup_now_wall (AsMeetingSession *self)
{
  return self->in_transition ? g_date_time_ref (self->now_wall) : as_clock_get_wall (self->clock);
}

static gint64
clamp_ms (gint64 ms)
{
  return CLAMP (ms, 0, MAX_ELAPSED_MS);
}

/* How long an interval recorded as running since `since` has run, on the
 * monotonic clock when we saw it begin, else by the wall clock. */
static gint64
anchored_ms (AsMeetingSession *self,
             Anchor           *anchor,
             gpointer          entity,
             GDateTime        *since)
{
  gint64 mono = now_mono (self);

  if (since == NULL)
    return 0;

  if (anchor->entity != entity || anchor->since == NULL ||
      !g_date_time_equal (anchor->since, since))
    {
      g_autoptr(GDateTime) wall = dup_now_wall (self);
      gint64 ms = MAX (0, g_date_time_difference (wall, since) / 1000);

      anchor_set (anchor, entity, since, mono - ms * 1000);
    }
  return MAX (0, (mono - anchor->mono) / 1000);
}

static gboolean
step_is_running (AsStep *step)
{
  return as_step_get_running_since (step) != NULL;
}

static AsRound *
round_of (AsStep *step)
{
  AsEntity *parent = as_entity_get_parent (AS_ENTITY (step));

  return AS_IS_ROUND (parent) ? AS_ROUND (parent) : NULL;
}

static guint
n_items (GListModel *model)
{
  return g_list_model_get_n_items (model);
}

/* Borrowed: the lists hold the references. */
static gpointer
item (GListModel *model,
      guint       i)
{
  gpointer object = g_list_model_get_item (model, i);

  g_object_unref (object);
  return object;
}

static AsStep *
first_step_from_round (AsMeetingSession *self,
                       guint             round_index)
{
  GListModel *rounds = as_meeting_get_rounds (self->meeting);

  for (guint r = round_index; r < n_items (rounds); r++)
    {
      GListModel *steps = as_round_get_steps (item (rounds, r));

      if (n_items (steps) > 0)
        return item (steps, 0);
    }
  return NULL;
}

static guint
round_index (AsMeetingSession *self,
             AsRound          *round)
{
  guint position = G_MAXUINT;

  g_list_store_find (G_LIST_STORE (as_meeting_get_rounds (self->meeting)), round, &position);
  return position;
}

/* The step after this one in the meeting's order, or NULL. */
static AsStep *
step_after (AsMeetingSession *self,
            AsStep           *step)
{
  AsRound *round = round_of (step);
  GListModel *steps = as_round_get_steps (round);
  guint position;

  if (g_list_store_find (G_LIST_STORE (steps), step, &position) && position + 1 < n_items (steps))
    return item (steps, position + 1);
  return first_step_from_round (self, round_index (self, round) + 1);
}

/* -1, 0 or 1 as a comes before, is, or comes after b in the meeting. */
static int
compare_steps (AsMeetingSession *self,
               AsStep           *a,
               AsStep           *b)
{
  AsRound *ra = round_of (a), *rb = round_of (b);
  guint pa = 0, pb = 0;

  if (ra != rb)
    return round_index (self, ra) < round_index (self, rb) ? -1 : 1;
  g_list_store_find (G_LIST_STORE (as_round_get_steps (ra)), a, &pa);
  g_list_store_find (G_LIST_STORE (as_round_get_steps (rb)), b, &pb);
  return pa < pb ? -1 : pa > pb ? 1 : 0;
}

static AsTurn *
open_turn (AsMeetingSession *self)
{
  GListModel *turns = as_meeting_get_turns (self->meeting);
  const char *speaker = as_meeting_get_speaker (self->meeting);
  AsTurn *turn;

  if (speaker == NULL || n_items (turns) == 0)
    return NULL;
  turn = item (turns, n_items (turns) - 1);
  return g_strcmp0 (as_turn_get_member (turn), speaker) == 0 ? turn : NULL;
}

static gint64
open_turn_ms (AsMeetingSession *self,
              AsTurn           *turn)
{
  return anchored_ms (self, &self->turn_anchor, turn, as_turn_get_start (turn));
}

static gint64
running_ms (AsMeetingSession *self,
            AsStep           *step)
{
  return anchored_ms (self, &self->step_anchor, step, as_step_get_running_since (step));
}

static gint64
budget_ms (AsStep *step)
{
  return (gint64) as_step_get_budget_minutes (step) * 60 * 1000;
}

static AsTimePhase
phase_for (AsMeetingSession *self,
           gint64            remaining)
{
  gint64 warning = (gint64) as_set_get_warning_seconds (self->set) * 1000;

  if (remaining < 0)
    return AS_TIME_OVERTIME;
  if (remaining <= warning)
    return AS_TIME_WARNING;
  return AS_TIME_NORMAL;
}

/* Announces what changed: each state property that differs from what was
 * last announced, then "changed" for views that read everything again. */
static void
announce (AsMeetingSession *self)
{
  AsTimerState state = as_meeting_session_get_state (self);
  AsStep *step = as_meeting_session_get_current_step (self);
  AsRound *round = step ? round_of (step) : NULL;
  const char *speaker = as_meeting_get_speaker (self->meeting);
  GObject *object = G_OBJECT (self);

  g_object_freeze_notify (object);
  if (state != self->shown_state)
    {
      gboolean was_running = self->shown_state == AS_TIMER_RUNNING;
      gboolean was_paused = self->shown_state == AS_TIMER_PAUSED;

      self->shown_state = state;
      g_object_notify_by_pspec (object, properties[PROP_STATE]);
      if (was_running != (state == AS_TIMER_RUNNING))
        g_object_notify_by_pspec (object, properties[PROP_RUNNING]);
      if (was_paused != (state == AS_TIMER_PAUSED))
        g_object_notify_by_pspec (object, properties[PROP_PAUSED]);
    }
  if (round != self->shown_round)
    {
      self->shown_round = round;
      g_object_notify_by_pspec (object, properties[PROP_CURRENT_ROUND]);
    }
  if (step != self->shown_step)
    {
      self->shown_step = step;
      g_object_notify_by_pspec (object, properties[PROP_CURRENT_STEP]);
    }
  if (g_strcmp0 (speaker, self->shown_speaker) != 0)
    {
      g_free (self->shown_speaker);
      self->shown_speaker = g_strdup (speaker);
      g_object_notify_by_pspec (object, properties[PROP_SPEAKER]);
    }
  g_object_thaw_notify (object);

  g_signal_emit (self, signals[CHANGED], 0);
}

/* Transitions */

static void
begin (AsMeetingSession *self,
       const char       *label)
{
  if (self->in_transition++ == 0)
    {
      self->now_mono = as_clock_get_monotonic (self->clock);
      self->now_wall = as_clock_get_wall (self->clock);
    }
  as_set_begin_edit (self->set, label);
}

static void
end (AsMeetingSession *self)
{
  as_set_end_edit (self->set);
  if (--self->in_transition == 0)
    {
      g_clear_pointer (&self->now_wall, g_date_time_unref);
      if (self->changed_pending)
        {
          self->changed_pending = FALSE;
          announce (self);
        }
    }
}

static void
add_event (AsMeetingSession *self,
           AsTimerEventKind  kind,
           AsRound          *round,
           AsStep           *step)
{
  g_autoptr(AsTimerEvent) event = as_timer_event_new ();

  as_timer_event_set_kind (event, kind);
  as_timer_event_set_at (event, self->now_wall);
  as_timer_event_set_round (event, round ? as_entity_get_id (AS_ENTITY (round)) : NULL);
  as_timer_event_set_step (event, step ? as_entity_get_id (AS_ENTITY (step)) : NULL);
  as_entity_append_child (AS_ENTITY (self->meeting), as_meeting_list_timer_events (),
                          AS_ENTITY (event));
}

static void
stop_step (AsMeetingSession *self,
           AsStep           *step)
{
  if (!step_is_running (step))
    return;
  as_step_set_elapsed_ms (step, clamp_ms (as_step_get_elapsed_ms (step) + running_ms (self, step)));
  as_step_set_running_since (step, NULL);
  anchor_clear (&self->step_anchor);
}

static void
run_step (AsMeetingSession *self,
          AsStep           *step)
{
  as_step_set_running_since (step, self->now_wall);
  anchor_set (&self->step_anchor, step, self->now_wall, self->now_mono);
}

static void
end_turn (AsMeetingSession *self)
{
  AsTurn *turn = open_turn (self);

  if (turn != NULL)
    {
      as_turn_set_duration_ms (turn, clamp_ms (open_turn_ms (self, turn)));
      anchor_clear (&self->turn_anchor);
    }
  as_meeting_set_speaker (self->meeting, NULL);
}

static void
begin_turn (AsMeetingSession *self,
            const char       *member_id)
{
  g_autoptr(AsTurn) turn = as_turn_new ();
  AsStep *step = as_meeting_session_get_current_step (self);

  as_turn_set_member (turn, member_id);
  as_turn_set_start (turn, self->now_wall);
  as_turn_set_duration_ms (turn, 0);
  if (step != NULL)
    {
      as_turn_set_round (turn, as_entity_get_id (AS_ENTITY (round_of (step))));
      as_turn_set_step (turn, as_entity_get_id (AS_ENTITY (step)));
    }
  as_entity_append_child (AS_ENTITY (self->meeting), as_meeting_list_turns (), AS_ENTITY (turn));
  anchor_set (&self->turn_anchor, turn, self->now_wall, self->now_mono);
  as_meeting_set_speaker (self->meeting, member_id);
}

/* Moves from the current step to next (NULL: the meeting ends). The
 * speaker goes on speaking into the next step, in a new turn, so that each
 * turn belongs to one step. */
static void
move_to (AsMeetingSession *self,
         AsStep           *next)
{
  AsStep *current = as_meeting_session_get_current_step (self);
  AsRound *current_round = current ? round_of (current) : NULL;
  AsRound *next_round = next ? round_of (next) : NULL;
  g_autofree char *speaker = g_strdup (as_meeting_get_speaker (self->meeting));

  end_turn (self);

  if (current != NULL)
    {
      stop_step (self, current);
      add_event (self, AS_TIMER_STOP, current_round, current);
      if (current_round != next_round)
        add_event (self, AS_TIMER_STOP, current_round, NULL);
    }

  if (next == NULL)
    {
      as_meeting_set_current_step (self->meeting, NULL);
      as_meeting_set_paused (self->meeting, FALSE);
      as_meeting_set_state (self->meeting, AS_MEETING_FINISHED);
      return;
    }

  if (current_round != next_round)
    add_event (self, AS_TIMER_START, next_round, NULL);
  add_event (self, AS_TIMER_START, next_round, next);
  as_meeting_set_current_step (self->meeting, as_entity_get_id (AS_ENTITY (next)));
  as_meeting_set_paused (self->meeting, FALSE);
  run_step (self, next);

  if (speaker != NULL && current_round == next_round)
    begin_turn (self, speaker);
}

static void
on_edited (AsMeetingSession *self,
           gpointer          edit)
{
  self->to_come_valid = FALSE;
  self->planned_valid = FALSE;
  if (self->in_transition)
    self->changed_pending = TRUE;
  else
    announce (self);
}

/* GObject overrides */

static void
as_meeting_session_dispose (GObject *object)
{
  AsMeetingSession *self = AS_MEETING_SESSION (object);

  anchor_clear (&self->step_anchor);
  anchor_clear (&self->turn_anchor);
  g_clear_object (&self->meeting);
  g_clear_object (&self->set);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (as_meeting_session_parent_class)->dispose (object);
}

static void
as_meeting_session_finalize (GObject *object)
{
  AsMeetingSession *self = AS_MEETING_SESSION (object);

  g_clear_pointer (&self->now_wall, g_date_time_unref);
  g_clear_pointer (&self->last_check_wall, g_date_time_unref);
  g_free (self->shown_speaker);

  G_OBJECT_CLASS (as_meeting_session_parent_class)->finalize (object);
}

static void
as_meeting_session_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AsMeetingSession *self = AS_MEETING_SESSION (object);

  switch (prop_id)
    {
    case PROP_SET:
      g_value_set_object (value, self->set);
      break;
    case PROP_MEETING:
      g_value_set_object (value, self->meeting);
      break;
    case PROP_CLOCK:
      g_value_set_object (value, self->clock);
      break;
    case PROP_STATE:
      g_value_set_int (value, as_meeting_session_get_state (self));
      break;
    case PROP_RUNNING:
      g_value_set_boolean (value, as_meeting_session_get_state (self) == AS_TIMER_RUNNING);
      break;
    case PROP_PAUSED:
      g_value_set_boolean (value, as_meeting_session_get_state (self) == AS_TIMER_PAUSED);
      break;
    case PROP_CURRENT_ROUND:
      g_value_set_object (value, as_meeting_session_get_current_round (self));
      break;
    case PROP_CURRENT_STEP:
      g_value_set_object (value, as_meeting_session_get_current_step (self));
      break;
    case PROP_SPEAKER:
      g_value_set_string (value, as_meeting_session_get_speaker (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
as_meeting_session_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  AsMeetingSession *self = AS_MEETING_SESSION (object);

  switch (prop_id)
    {
    case PROP_SET:
      self->set = g_value_dup_object (value);
      break;
    case PROP_MEETING:
      self->meeting = g_value_dup_object (value);
      break;
    case PROP_CLOCK:
      self->clock = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
as_meeting_session_constructed (GObject *object)
{
  AsMeetingSession *self = AS_MEETING_SESSION (object);

  G_OBJECT_CLASS (as_meeting_session_parent_class)->constructed (object);

  if (self->clock == NULL)
    self->clock = g_object_ref (as_clock_get_system ());

  g_signal_connect_object (self->set, "edited", G_CALLBACK (on_edited), self, G_CONNECT_SWAPPED);

  self->last_check_mono = as_clock_get_monotonic (self->clock);
  self->last_check_wall = as_clock_get_wall (self->clock);

  self->shown_state = as_meeting_session_get_state (self);
  self->shown_step = as_meeting_session_get_current_step (self);
  self->shown_round = self->shown_step ? round_of (self->shown_step) : NULL;
  self->shown_speaker = g_strdup (as_meeting_get_speaker (self->meeting));
}

static void
as_meeting_session_class_init (AsMeetingSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = as_meeting_session_dispose;
  object_class->finalize = as_meeting_session_finalize;
  object_class->get_property = as_meeting_session_get_property;
  object_class->set_property = as_meeting_session_set_property;
  object_class->constructed = as_meeting_session_constructed;

  properties[PROP_SET] =
    g_param_spec_object ("set", NULL, NULL, AS_TYPE_SET,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MEETING] =
    g_param_spec_object ("meeting", NULL, NULL, AS_TYPE_MEETING,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL, AS_TYPE_CLOCK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* The state as views show it, notified when it changes (not as time
   * passes): an AsTimerState, and the same split in two booleans. */
  properties[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL, AS_TIMER_NOT_STARTED, AS_TIMER_FINISHED,
                      AS_TIMER_NOT_STARTED,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PAUSED] =
    g_param_spec_boolean ("paused", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CURRENT_ROUND] =
    g_param_spec_object ("current-round", NULL, NULL, AS_TYPE_ROUND,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CURRENT_STEP] =
    g_param_spec_object ("current-step", NULL, NULL, AS_TYPE_STEP,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The member id of who speaks now, or NULL. */
  properties[PROP_SPEAKER] =
    g_param_spec_string ("speaker", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AsMeetingSession::changed:
   *
   * Something about the meeting changed (a transition, an undo, an edit):
   * views read the state again. Not emitted as time passes.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
as_meeting_session_init (AsMeetingSession *self)
{
}

/* Public API */

AsMeetingSession *
as_meeting_session_new (AsSet     *set,
                        AsMeeting *meeting,
                        AsClock   *clock)
{
  g_return_val_if_fail (AS_IS_SET (set), NULL);
  g_return_val_if_fail (AS_IS_MEETING (meeting), NULL);
  g_return_val_if_fail (clock == NULL || AS_IS_CLOCK (clock), NULL);

  return g_object_new (AS_TYPE_MEETING_SESSION,
                       "set", set,
                       "meeting", meeting,
                       "clock", clock,
                       NULL);
}

AsSet *
as_meeting_session_get_set (AsMeetingSession *self)
{
  g_return_val_if_fail (AS_IS_MEETING_SESSION (self), NULL);
  return self->set;
}

AsMeeting *
as_meeting_session_get_meeting (AsMeetingSession *self)
{
  g_return_val_if_fail (AS_IS_MEETING_SESSION (self), NULL);
  return self->meeting;
}

AsClock *
as_meeting_session_get_clock (AsMeetingSession *self)
{
  g_return_val_if_fail (AS_IS_MEETING_SESSION (self), NULL);
  return self->clock;
}

gboolean
as_meeting_session_start (AsMeetingSession *self)
{
  AsStep *first;

  g_return_val_if_fail (AS_IS_MEETING_SESSION (self), FALSE);

  if (as_meeting_session_get_state (self) != AS_TIMER_NOT_STARTED)
    return FALSE;
  if ((first = first_step_from_round (self, 0)) == NULL)
    return FALSE;

  begin (self, _("Start meeting"));
  as_meeting_set_state (self->meeting, AS_MEETING_RUNNING);
  move_to (self, first);
  end (self);
  return TRUE;
}

gboolean
as_meeting_session_pause (AsMeetingSession *self)
{
  AsStep *step;

  g_return_val_if_fail (AS_IS_MEETING_SESSION (self), FALSE);

  if (as_meeting_session_get_state (self) != AS_TIMER_RUNNING)
    return FALSE;
  step = as_meeting_session_get_current_step (self);

  begin (self, _("Pause"));
  end_turn (self);
  stop_step (self, step);
  as_meeting_set_paused (self->meeting, TRUE);
  add_event (self, AS_TIMER_PAUSE, round_of (step), step);
  end (self);
  return TRUE;
}

gboolean
as_meeting_session_resume (AsMeetingSession *self)
{
  AsStep *step;

  g_return_val_if_fail (AS_IS_MEETING_SESSION (self), FALSE);

  if (as_meeting_session_get_state (self) != AS_TIMER_PAUSED)
    return FALSE;
  step = as_meeting_session_get_current_step (self);

  begin (self, _("Resume"));
  as_meeting_set_paused (self->meeting, FALSE);
  run_step (self, step);
  add_event (self, AS_TIMER_RESUME, round_of (step), step);
  end (self);
  return TRUE;
}

gboolean
as_meeting_session_toggle (AsMeetingSession *self)
{
  g_return_val_if_fail (AS_IS_MEETING_SESSION (self), FALSE);

  switch (as_meeting_session_get_state (self))
    {
    case AS_TIMER_NOT_STARTED:
      return as_meeting_session_start (self);
    case AS_TIMER_RUNNING:
      return as_meeting_session_pause (self);
    case AS_TIMER_PAUSED:
      return as_meeting_session_resume (self);
    case AS_TIMER_FINISHED:
    default:
      return FALSE;
    }
}

gboolean
as_meeting_session_next_step (AsMeetingSession *self)
{
  AsStep *current;

  g_return_val_if_fail (AS_IS_MEETING_SESSION (self), FALSE);

  if ((current = as_meeting_session_get_current_step (self)) == NULL)
    return FALSE;

  begin (self, _("Next step"));
  move_to (self, step_after (self, current));
  end (self);
  return TRUE;
}

gboolean
as_meeting_session_next_round (AsMeetingSession *self)
{
  AsStep *current;
  AsRound *round;

  g_return_val_if_fail (AS_IS_MEETING_SESSION (self), FALSE);

  if ((current = as_meeting_session_get_current_step (self)) == NULL)
    return FALSE;
  round = round_of (current);

  begin (self, _("Next round"));
  move_to (self, first_step_from_round (self, round_index (self, round) + 1));
  end (self);
  return TRUE;
}

gboolean
as_meeting_session_finish (AsMeetingSession *self)
{
  g_return_val_if_fail (AS_IS_MEETING_SESSION (self), FALSE);

  if (as_meeting_session_get_current_step (self) == NULL)
    return FALSE;

  begin (self, _("Finish meeting"));
  move_to (self, NULL);
  end (self);
  return TRUE;
}

gboolean
as_meeting_session_set_speaker (AsMeetingSession *self,
                                const char       *member_id)
{
  g_return_val_if_fail (AS_IS_MEETING_SESSION (self), FALSE);

  if (as_meeting_session_get_state (self) != AS_TIMER_RUNNING)
    return FALSE;
  if (g_strcmp0 (member_id, as_meeting_get_speaker (self->meeting)) == 0)
    return FALSE;
  if (member_id != NULL && as_set_lookup_member (self->set, member_id) == NULL)
    return FALSE;

  begin (self, _("Change speaker"));
  end_turn (self);
  if (member_id != NULL)
    begin_turn (self, member_id);
  end (self);
  return TRUE;
}

gboolean
as_meeting_session_set_speaker_number (AsMeetingSession *self,
                                       guint             number)
{
  const char * const *attendees;

  g_return_val_if_fail (AS_IS_MEETING_SESSION (self), FALSE);

  if (number == 0)
    return as_meeting_session_set_speaker (self, NULL);

  attendees = as_meeting_session_get_attendees (self);
  for (guint i = 0; attendees[i] != NULL; i++)
    if (i + 1 == number)
      return as_meeting_session_set_speaker (self, attendees[i]);
  return FALSE;
}

AsTimerState
as_meeting_session_get_state (AsMeetingSession *self)
{
  g_return_val_if_fail (AS_IS_MEETING_SESSION (self), AS_TIMER_NOT_STARTED);

  switch (as_meeting_get_state (self->meeting))
    {
    case AS_MEETING_FINISHED:
      return AS_TIMER_FINISHED;
    case AS_MEETING_RUNNING:
      if (as_meeting_session_get_current_step (self) == NULL)
        return AS_TIMER_FINISHED;
      return as_meeting_get_paused (self->meeting) ? AS_TIMER_PAUSED : AS_TIMER_RUNNING;
    case AS_MEETING_PLANNED:
    default:
      return AS_TIMER_NOT_STARTED;
    }
}

AsStep *
as_meeting_session_get_current_step (AsMeetingSession *self)
{
  AsEntity *step;

  g_return_val_if_fail (AS_IS_MEETING_SESSION (self), NULL);

  step = as_entity_lookup (AS_ENTITY (self->set), as_meeting_get_current_step (self->meeting));
  if (!AS_IS_STEP (step) || round_of (AS_STEP (step)) == NULL ||
      as_entity_get_parent (AS_ENTITY (round_of (AS_STEP (step)))) != AS_ENTITY (self->meeting))
    return NULL;
  return AS_STEP (step);
}

AsRound *
as_meeting_session_get_current_round (AsMeetingSession *self)
{
  AsStep *step = as_meeting_session_get_current_step (self);

  return step ? round_of (step) : NULL;
}

const char *
as_meeting_session_get_speaker (AsMeetingSession *self)
{
  g_return_val_if_fail (AS_IS_MEETING_SESSION (self), NULL);
  return as_meeting_get_speaker (self->meeting);
}

const char * const *
as_meeting_session_get_attendees (AsMeetingSession *self)
{
  g_return_val_if_fail (AS_IS_MEETING_SESSION (self), NULL);
  return as_meeting_get_attendees (self->meeting);
}

AsTimerState
as_meeting_session_get_step_state (AsMeetingSession *self,
                                   AsStep           *step)
{
  AsStep *current;

  g_return_val_if_fail (AS_IS_MEETING_SESSION (self), AS_TIMER_NOT_STARTED);
  g_return_val_if_fail (AS_IS_STEP (step), AS_TIMER_NOT_STARTED);

  switch (as_meeting_session_get_state (self))
    {
    case AS_TIMER_NOT_STARTED:
      return AS_TIMER_NOT_STARTED;
    case AS_TIMER_FINISHED:
      return AS_TIMER_FINISHED;
    default:
      break;
    }

  current = as_meeting_session_get_current_step (self);
  if (step == current)
    return step_is_running (step) ? AS_TIMER_RUNNING : AS_TIMER_PAUSED;
  return compare_steps (self, step, current) < 0 ? AS_TIMER_FINISHED : AS_TIMER_NOT_STARTED;
}

AsTimerState
as_meeting_session_get_round_state (AsMeetingSession *self,
                                    AsRound          *round)
{
  AsStep *current;
  guint a, b;

  g_return_val_if_fail (AS_IS_MEETING_SESSION (self), AS_TIMER_NOT_STARTED);
  g_return_val_if_fail (AS_IS_ROUND (round), AS_TIMER_NOT_STARTED);

  switch (as_meeting_session_get_state (self))
    {
    case AS_TIMER_NOT_STARTED:
      return AS_TIMER_NOT_STARTED;
    case AS_TIMER_FINISHED:
      return AS_TIMER_FINISHED;
    default:
      break;
    }

  current = as_meeting_session_get_current_step (self);
  if (round_of (current) == round)
    return step_is_running (current) ? AS_TIMER_RUNNING : AS_TIMER_PAUSED;
  a = round_index (self, round);
  b = round_index (self, round_of (current));
  return a < b ? AS_TIMER_FINISHED : AS_TIMER_NOT_STARTED;
}

gint64
as_meeting_session_step_elapsed (AsMeetingSession *self,
                                 AsStep           *step)
{
  g_return_val_if_fail (AS_IS_MEETING_SESSION (self), 0);
  g_return_val_if_fail (AS_IS_STEP (step), 0);

  return as_step_get_elapsed_ms (step) + running_ms (self, step);
}

gint64
as_meeting_session_step_remaining (AsMeetingSession *self,
                                   AsStep           *step)
{
  return budget_ms (step) - as_meeting_session_step_elapsed (self, step);
}

AsTimePhase
as_meeting_session_step_phase (AsMeetingSession *self,
                               AsStep           *step)
{
  return phase_for (self, as_meeting_session_step_remaining (self, step));
}

gint64
as_meeting_session_round_elapsed (AsMeetingSession *self,
                                  AsRound          *round)
{
  GListModel *steps;
  gint64 total = 0;

  g_return_val_if_fail (AS_IS_MEETING_SESSION (self), 0);
  g_return_val_if_fail (AS_IS_ROUND (round), 0);

  steps = as_round_get_steps (round);
  for (guint i = 0; i < n_items (steps); i++)
    total += as_meeting_session_step_elapsed (self, item (steps, i));
  return total;
}

gint64
as_meeting_session_round_remaining (AsMeetingSession *self,
                                    AsRound          *round)
{
  return (gint64) as_round_get_planned_minutes (round) * 60 * 1000 -
         as_meeting_session_round_elapsed (self, round);
}

AsTimePhase
as_meeting_session_round_phase (AsMeetingSession *self,
                                AsRound          *round)
{
  return phase_for (self, as_meeting_session_round_remaining (self, round));
}

gint64
as_meeting_session_meeting_elapsed (AsMeetingSession *self)
{
  GListModel *rounds;
  gint64 total = 0;

  g_return_val_if_fail (AS_IS_MEETING_SESSION (self), 0);

  rounds = as_meeting_get_rounds (self->meeting);
  for (guint r = 0; r < n_items (rounds); r++)
    total += as_meeting_session_round_elapsed (self, item (rounds, r));
  return total;
}

gint64
as_meeting_session_meeting_planned (AsMeetingSession *self)
{
  GListModel *rounds;
  gint64 total = 0;

  g_return_val_if_fail (AS_IS_MEETING_SESSION (self), 0);

  if (self->planned_valid)
    return self->planned_ms;
  rounds = as_meeting_get_rounds (self->meeting);
  for (guint r = 0; r < n_items (rounds); r++)
    {
      GListModel *steps = as_round_get_steps (item (rounds, r));

      for (guint s = 0; s < n_items (steps); s++)
        total += budget_ms (item (steps, s));
    }
  self->planned_ms = total;
  self->planned_valid = TRUE;
  return total;
}

GDateTime *
as_meeting_session_dup_projected_end (AsMeetingSession *self)
{
  g_autoptr(GDateTime) now = NULL;
  AsStep *current;
  gint64 to_go = 0;

  g_return_val_if_fail (AS_IS_MEETING_SESSION (self), NULL);

  now = dup_now_wall (self);

  switch (as_meeting_session_get_state (self))
    {
    case AS_TIMER_NOT_STARTED:
      {
        GDateTime *start = as_meeting_get_start (self->meeting);
        GDateTime *from = start && g_date_time_compare (start, now) > 0 ? start : now;

        return g_date_time_add (from, as_meeting_session_meeting_planned (self) * 1000);
      }
    case AS_TIMER_FINISHED:
      {
        GListModel *events = as_meeting_get_timer_events (self->meeting);

        if (n_items (events) > 0)
          return g_date_time_ref (as_timer_event_get_at (item (events, n_items (events) - 1)));
        return g_steal_pointer (&now);
      }
    default:
      break;
    }

  current = as_meeting_session_get_current_step (self);
  to_go = MAX (0, as_meeting_session_step_remaining (self, current));
  if (!self->to_come_valid || self->to_come_step != current)
    {
      self->to_come_ms = 0;
      for (AsStep *s = step_after (self, current); s != NULL; s = step_after (self, s))
        self->to_come_ms += budget_ms (s);
      self->to_come_step = current;
      self->to_come_valid = TRUE;
    }
  return g_date_time_add (now, (to_go + self->to_come_ms) * 1000);
}

gint64
as_meeting_session_get_lateness (AsMeetingSession *self)
{
  g_autoptr(GDateTime) projected = as_meeting_session_dup_projected_end (self);
  g_autoptr(GDateTime) planned = NULL;
  GDateTime *end = as_meeting_get_end (self->meeting);
  GDateTime *start = as_meeting_get_start (self->meeting);

  if (end != NULL)
    planned = g_date_time_ref (end);
  else if (start != NULL)
    planned = g_date_time_add (start, as_meeting_session_meeting_planned (self) * 1000);
  else
    return 0;
  return g_date_time_difference (projected, planned) / 1000;
}

gint64
as_meeting_session_turn_elapsed (AsMeetingSession *self)
{
  AsTurn *turn;

  g_return_val_if_fail (AS_IS_MEETING_SESSION (self), 0);

  if ((turn = open_turn (self)) == NULL)
    return 0;
  return open_turn_ms (self, turn);
}

gint64
as_meeting_session_turn_duration (AsMeetingSession *self,
                                  AsTurn           *turn)
{
  g_return_val_if_fail (AS_IS_MEETING_SESSION (self), 0);
  g_return_val_if_fail (AS_IS_TURN (turn), 0);

  if (turn == open_turn (self))
    return open_turn_ms (self, turn);
  return as_turn_get_duration_ms (turn);
}

gboolean
as_meeting_session_is_monologue (AsMeetingSession *self)
{
  g_return_val_if_fail (AS_IS_MEETING_SESSION (self), FALSE);

  return as_meeting_session_turn_elapsed (self) >
         (gint64) as_set_get_monologue_seconds (self->set) * 1000;
}

gint64
as_meeting_session_ms_to_next_second (AsMeetingSession *self)
{
  AsStep *step;

  g_return_val_if_fail (AS_IS_MEETING_SESSION (self), -1);

  if (as_meeting_session_get_state (self) != AS_TIMER_RUNNING)
    return -1;
  step = as_meeting_session_get_current_step (self);
  return 1000 - as_meeting_session_step_elapsed (self, step) % 1000;
}

gint64
as_meeting_session_check_clock (AsMeetingSession *self)
{
  g_autoptr(GDateTime) wall = NULL;
  gint64 mono, gap;

  g_return_val_if_fail (AS_IS_MEETING_SESSION (self), 0);

  mono = as_clock_get_monotonic (self->clock);
  wall = as_clock_get_wall (self->clock);
  gap = g_date_time_difference (wall, self->last_check_wall) / 1000 -
        (mono - self->last_check_mono) / 1000;

  self->last_check_mono = mono;
  g_clear_pointer (&self->last_check_wall, g_date_time_unref);
  self->last_check_wall = g_steal_pointer (&wall);

  if (gap > AS_CLOCK_GAP_MS && as_meeting_session_get_state (self) == AS_TIMER_RUNNING)
    return gap;
  return 0;
}

void
as_meeting_session_count_gap (AsMeetingSession *self,
                              gint64            gap_ms)
{
  AsStep *step;
  AsTurn *turn;

  g_return_if_fail (AS_IS_MEETING_SESSION (self));
  g_return_if_fail (gap_ms >= 0);

  /* Bring the anchors up to date, then move them back by the gap: the
   * running intervals now include the time the computer slept, as the wall
   * times recorded in the document already do. */
  if ((step = as_meeting_session_get_current_step (self)) != NULL && step_is_running (step))
    {
      running_ms (self, step);
      self->step_anchor.mono -= gap_ms * 1000;
    }
  if ((turn = open_turn (self)) != NULL)
    {
      open_turn_ms (self, turn);
      self->turn_anchor.mono -= gap_ms * 1000;
    }
  g_signal_emit (self, signals[CHANGED], 0);
}

AsStep *
as_meeting_session_get_shown_step (AsMeetingSession *self)
{
  g_return_val_if_fail (AS_IS_MEETING_SESSION (self), NULL);

  switch (as_meeting_session_get_state (self))
    {
    case AS_TIMER_NOT_STARTED:
      return first_step_from_round (self, 0);
    case AS_TIMER_FINISHED:
      return NULL;
    default:
      return as_meeting_session_get_current_step (self);
    }
}

gboolean
as_meeting_session_is_last_round (AsMeetingSession *self,
                                  AsRound          *round)
{
  g_return_val_if_fail (AS_IS_MEETING_SESSION (self), TRUE);
  g_return_val_if_fail (AS_IS_ROUND (round), TRUE);

  return first_step_from_round (self, round_index (self, round) + 1) == NULL;
}

gboolean
as_meeting_session_is_last_step (AsMeetingSession *self,
                                 AsStep           *step)
{
  g_return_val_if_fail (AS_IS_MEETING_SESSION (self), TRUE);
  g_return_val_if_fail (AS_IS_STEP (step), TRUE);

  return round_of (step) == NULL || step_after (self, step) == NULL;
}

guint
as_meeting_session_get_round_number (AsMeetingSession *self,
                                     AsRound          *round)
{
  guint index;

  g_return_val_if_fail (AS_IS_MEETING_SESSION (self), 0);

  index = round ? round_index (self, round) : G_MAXUINT;
  return index == G_MAXUINT ? 0 : index + 1;
}

AsMeeting *
as_meeting_session_find_meeting (AsSet      *set,
                                 const char *which)
{
  GListModel *meetings;
  AsMeeting *next = NULL;

  g_return_val_if_fail (AS_IS_SET (set), NULL);
  g_return_val_if_fail (which != NULL, NULL);

  if (g_strcmp0 (which, "next") != 0)
    return as_set_lookup_meeting (set, which);

  meetings = as_set_get_meetings (set);
  for (guint i = 0; i < n_items (meetings); i++)
    {
      AsMeeting *meeting = item (meetings, i);

      switch (as_meeting_get_state (meeting))
        {
        case AS_MEETING_RUNNING:
          return meeting;
        case AS_MEETING_PLANNED:
          /* A meeting without a date comes after those with one. */
          if (next == NULL ||
              (as_meeting_get_start (meeting) != NULL &&
               (as_meeting_get_start (next) == NULL ||
                g_date_time_compare (as_meeting_get_start (meeting),
                                     as_meeting_get_start (next)) < 0)))
            next = meeting;
          break;
        case AS_MEETING_FINISHED:
        default:
          break;
        }
    }
  return next;
}

const char *
as_timer_state_to_label (AsTimerState state)
{
  switch (state)
    {
    case AS_TIMER_NOT_STARTED: return _("Not started");
    case AS_TIMER_RUNNING: return _("Running");
    case AS_TIMER_PAUSED: return _("Paused");
    case AS_TIMER_FINISHED: return _("Finished");
    default: return "";
    }
}

char *
as_format_timer (gint64   ms,
                 gboolean countdown)
{
  gboolean over = FALSE;
  gint64 s;

  if (countdown && ms < 0)
    {
      over = TRUE;
      s = -ms / 1000;
    }
  else if (countdown)
    s = (ms + 999) / 1000;   /* a countdown shows 5:00 until 4:59 is reached */
  else
    s = MAX (ms, 0) / 1000;

  if (s >= 3600)
    return g_strdup_printf ("%s%" G_GINT64_FORMAT ":%02d:%02d", over ? "+" : "",
                            s / 3600, (int) (s / 60 % 60), (int) (s % 60));
  return g_strdup_printf ("%s%02d:%02d", over ? "+" : "", (int) (s / 60), (int) (s % 60));
}
