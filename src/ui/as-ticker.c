/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "as-ticker"

#include "config.h"

#include "as-ticker.h"

/* A tick lands this much after the second changes, so that the time read
 * then is past the boundary even when the timeout fires a little early. */
#define TICK_SLACK_MS 5

struct _AsTicker
{
  GObject           parent_instance;

  AsMeetingSession *session;
  guint             source_id;
  gint64            delay;
  gboolean          active;
  guint             holds;

  /* What the last look saw, to notice the end of a step's budget. */
  char             *cue_step_id;
  AsTimePhase       cue_phase;
};

G_DEFINE_FINAL_TYPE (AsTicker, as_ticker, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_ACTIVE,
  N_PROPS
};

enum {
  TICK,
  BUDGET_ENDED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Helpers */

static void
disarm (AsTicker *self)
{
  g_clear_handle_id (&self->source_id, g_source_remove);
  self->delay = -1;
}

static gboolean on_timeout (gpointer data);

static void
arm (AsTicker *self)
{
  gint64 ms;

  disarm (self);
  if (!self->active || self->session == NULL)
    return;
  if ((ms = as_meeting_session_ms_to_next_second (self->session)) < 0)
    return;

  self->delay = ms + TICK_SLACK_MS;
  self->source_id = g_timeout_add_full (G_PRIORITY_DEFAULT, (guint) self->delay,
                                        on_timeout, self, NULL);
  g_source_set_static_name (g_main_context_find_source_by_id (NULL, self->source_id),
                            "[action-set] meeting ticker");
}

/* The end of a step's budget, seen as it happens (not when a view opens on
 * a step already over): announced once, for every view and the chime. */
static void
watch_budget (AsTicker *self)
{
  AsTimerState state = as_meeting_session_get_state (self->session);
  AsStep *step = as_meeting_session_get_current_step (self->session);
  const char *id = step ? as_entity_get_id (AS_ENTITY (step)) : NULL;
  AsTimePhase phase = AS_TIME_NORMAL;
  gboolean ended;

  if (step != NULL && (state == AS_TIMER_RUNNING || state == AS_TIMER_PAUSED))
    phase = as_meeting_session_step_phase (self->session, step);
  ended = state == AS_TIMER_RUNNING && id != NULL && g_strcmp0 (id, self->cue_step_id) == 0 &&
          self->cue_phase != AS_TIME_OVERTIME && phase == AS_TIME_OVERTIME;

  if (g_strcmp0 (id, self->cue_step_id) != 0)
    {
      g_free (self->cue_step_id);
      self->cue_step_id = g_strdup (id);
    }
  self->cue_phase = phase;
  if (ended)
    g_signal_emit (self, signals[BUDGET_ENDED], 0);
}

/* Callbacks */

static gboolean
on_timeout (gpointer data)
{
  AsTicker *self = data;

  /* The source ends here; arm () makes the next one, for the new delay. */
  self->source_id = 0;
  as_ticker_tick_now (self);
  return G_SOURCE_REMOVE;
}

static void
on_session_changed (AsTicker *self)
{
  watch_budget (self);
  as_ticker_reschedule (self);
}

/* GObject overrides */

static void
as_ticker_dispose (GObject *object)
{
  AsTicker *self = AS_TICKER (object);

  disarm (self);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (as_ticker_parent_class)->dispose (object);
}

static void
as_ticker_finalize (GObject *object)
{
  AsTicker *self = AS_TICKER (object);

  g_free (self->cue_step_id);

  G_OBJECT_CLASS (as_ticker_parent_class)->finalize (object);
}

static void
as_ticker_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  AsTicker *self = AS_TICKER (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_ACTIVE:
      g_value_set_boolean (value, self->active);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
as_ticker_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  AsTicker *self = AS_TICKER (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      if (self->session != NULL)
        {
          g_signal_connect_swapped (self->session, "changed",
                                    G_CALLBACK (on_session_changed), self);
          watch_budget (self);
        }
      break;
    case PROP_ACTIVE:
      as_ticker_set_active (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
as_ticker_class_init (AsTickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = as_ticker_dispose;
  object_class->finalize = as_ticker_finalize;
  object_class->get_property = as_ticker_get_property;
  object_class->set_property = as_ticker_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, AS_TYPE_MEETING_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Active while a view that shows the timers is on screen. */
  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AsTicker::tick:
   *
   * The running step's display changed second: update every timer now.
   */
  signals[TICK] =
    g_signal_new ("tick",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * AsTicker::budget-ended:
   *
   * The running step went past its budget just now (emitted after the
   * tick that shows it): views flash, the facilitator's controller chimes.
   */
  signals[BUDGET_ENDED] =
    g_signal_new ("budget-ended",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
as_ticker_init (AsTicker *self)
{
  self->delay = -1;
}

/* Public API */

AsTicker *
as_ticker_new (AsMeetingSession *session)
{
  g_return_val_if_fail (AS_IS_MEETING_SESSION (session), NULL);

  return g_object_new (AS_TYPE_TICKER, "session", session, NULL);
}

AsMeetingSession *
as_ticker_get_session (AsTicker *self)
{
  g_return_val_if_fail (AS_IS_TICKER (self), NULL);
  return self->session;
}

gboolean
as_ticker_get_active (AsTicker *self)
{
  g_return_val_if_fail (AS_IS_TICKER (self), FALSE);
  return self->active;
}

void
as_ticker_set_active (AsTicker *self,
                      gboolean  active)
{
  g_return_if_fail (AS_IS_TICKER (self));

  active = !!active;
  if (self->active == active)
    return;
  self->active = active;
  /* Coming back on screen, the timers must show the time at once, not at
   * the next second. */
  if (active)
    as_ticker_tick_now (self);
  else
    disarm (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
}

gboolean
as_ticker_is_pending (AsTicker *self)
{
  g_return_val_if_fail (AS_IS_TICKER (self), FALSE);
  return self->source_id != 0;
}

gint64
as_ticker_get_delay (AsTicker *self)
{
  g_return_val_if_fail (AS_IS_TICKER (self), -1);
  return self->delay;
}

void
as_ticker_tick_now (AsTicker *self)
{
  g_return_if_fail (AS_IS_TICKER (self));

  g_object_ref (self);
  g_signal_emit (self, signals[TICK], 0);
  if (self->session != NULL)
    watch_budget (self);
  arm (self);
  g_object_unref (self);
}

void
as_ticker_hold (AsTicker *self)
{
  g_return_if_fail (AS_IS_TICKER (self));

  if (self->holds++ == 0)
    as_ticker_set_active (self, TRUE);
}

void
as_ticker_release (AsTicker *self)
{
  g_return_if_fail (AS_IS_TICKER (self));
  g_return_if_fail (self->holds > 0);

  if (--self->holds == 0)
    as_ticker_set_active (self, FALSE);
}

void
as_ticker_reschedule (AsTicker *self)
{
  g_return_if_fail (AS_IS_TICKER (self));
  arm (self);
}
