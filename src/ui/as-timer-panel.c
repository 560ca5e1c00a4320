/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "as-timer-panel"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "as-cache-bin.h"
#include "as-colour-dot.h"
#include "as-tick-label.h"
#include "as-timer-display.h"
#include "as-timer-panel.h"
#include "as-ui-util.h"
#include "as-words.h"

/* Lateness beyond this is not shown: the meeting is not on its planned day. */
#define LATENESS_SHOWN_MS (12 * 3600 * G_GINT64_CONSTANT (1000))

struct _AsTimerPanel
{
  GtkWidget         parent_instance;

  AsTicker         *ticker;
  AsMeetingSession *session;

  gint64            projected_key;  /* the projected end's minute, as shown */
  gint64            projected_lateness_min;
  gpointer          flashed_step;   /* compared, never dereferenced */

  GtkWidget        *box;
  GtkWidget        *presenter_row;
  AsColourDot      *presenter_dot;
  GtkLabel         *presenter_label;
  GtkLabel         *round_number_label;
  GtkLabel         *step_label;
  GtkWidget        *timer_card;
  AsTimerDisplay   *countdown;
  GtkWidget        *phase_box;
  GtkImage         *phase_icon;
  GtkLabel         *phase_label;
  GtkWidget        *round_row;
  GtkImage         *round_icon;
  AsTickLabel      *round_label;
  AsTickLabel      *meeting_label;
  AsTickLabel      *projected_label;
};

G_DEFINE_FINAL_TYPE (AsTimerPanel, as_timer_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TICKER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static gint64
budget_ms (AsStep *step)
{
  return (gint64) as_step_get_budget_minutes (step) * 60 * 1000;
}

static AsRound *
round_of (AsStep *step)
{
  AsEntity *parent = step ? as_entity_get_parent (AS_ENTITY (step)) : NULL;

  return AS_IS_ROUND (parent) ? AS_ROUND (parent) : NULL;
}

static void
refresh_presenter (AsTimerPanel *self,
                   AsRound      *round)
{
  AsSet *set = as_meeting_session_get_set (self->session);
  AsMeeting *meeting = as_meeting_session_get_meeting (self->session);
  AsMember *presenter;
  g_autofree char *number = NULL;

  as_ui_set_visible (self->presenter_row, round != NULL);
  if (round == NULL)
    return;

  presenter = as_set_lookup_member (set, as_round_get_presenter (round));
  /* Names come from the file: plain text, never markup. */
  as_ui_set_text (self->presenter_label, as_set_member_name (set, as_round_get_presenter (round)));
  as_colour_dot_set_colour (self->presenter_dot,
                            presenter ? as_member_get_colour (presenter) : NULL);

  /* Translators: the presenter's round, "Round 2 of 6". */
  number = g_strdup_printf (_("Round %u of %u"),
                            as_meeting_session_get_round_number (self->session, round),
                            g_list_model_get_n_items (as_meeting_get_rounds (meeting)));
  as_ui_set_text (self->round_number_label, number);
}

static void
refresh_countdown (AsTimerPanel *self,
                   AsTimerState  state,
                   AsStep       *step,
                   AsTimePhase   phase)
{
  static const char * const classes[] = { "warning", "overtime", "paused", "finished", NULL };
  g_autofree char *time = NULL;
  g_autofree char *budget = NULL;
  g_autofree char *phase_text = NULL;
  const char *icon = NULL;
  const char *css = NULL;

  if (state == AS_TIMER_FINISHED || step == NULL)
    {
      g_autofree char *planned = as_format_timer (as_meeting_session_meeting_planned (self->session),
                                                  FALSE);

      as_ui_set_text (self->step_label, state == AS_TIMER_FINISHED ? _("Total time")
                                                                   : _("No steps planned"));
      time = as_format_timer (as_meeting_session_meeting_elapsed (self->session), FALSE);
      as_timer_display_set_description (self->countdown, _("Total time of the meeting"));
      /* Translators: under the total time of a finished meeting. */
      phase_text = g_strdup_printf (_("%s planned"), planned);
      icon = "object-select-symbolic";
      css = "finished";
    }
  else
    {
      gint64 remaining = state == AS_TIMER_NOT_STARTED
                         ? budget_ms (step)
                         : as_meeting_session_step_remaining (self->session, step);

      as_ui_set_text (self->step_label, as_step_kind_to_label (as_step_get_kind (step)));
      time = as_format_timer (remaining, TRUE);
      budget = as_format_timer (budget_ms (step), FALSE);
      as_timer_display_set_description (self->countdown, _("Time left in this step"));

      if (state == AS_TIMER_NOT_STARTED)
        /* Translators: the budget of the first step, before the start. */
        phase_text = g_strdup_printf (_("First step · %s"), budget);
      else if (phase == AS_TIME_OVERTIME)
        {
          /* Translators: a step past its budget; the budget follows. */
          phase_text = g_strdup_printf (_("Overtime · budget %s"), budget);
          icon = "dialog-warning-symbolic";
          css = "overtime";
        }
      else if (phase == AS_TIME_WARNING)
        {
          phase_text = as_words_time_left (remaining);
          icon = "alarm-symbolic";
          css = "warning";
        }
      else
        /* Translators: under the countdown, "of 10:00", the step's budget. */
        phase_text = g_strdup_printf (_("of %s"), budget);

      if (state == AS_TIMER_PAUSED)
        {
          g_free (phase_text);
          /* Translators: under the countdown of a paused step, with its budget. */
          phase_text = g_strdup_printf (_("Paused · budget %s"), budget);
          icon = "media-playback-pause-symbolic";
          css = "paused";
        }
    }

  as_timer_display_set_text (self->countdown, time);
  as_ui_set_text (self->phase_label, phase_text);
  as_ui_set_icon (self->phase_icon, icon);
  as_ui_set_state_class (GTK_WIDGET (self->countdown), classes, css);
  as_ui_set_state_class (self->phase_box, classes, css);
  as_ui_set_state_class (self->timer_card, classes, css);
  /* The flash of a budget's end lasts while that step is in overtime. */
  if (step == NULL || step != self->flashed_step || phase != AS_TIME_OVERTIME)
    {
      self->flashed_step = NULL;
      as_ui_set_class (self->timer_card, "flash", FALSE);
    }
}

static void
refresh_clocks (AsTimerPanel *self,
                AsTimerState  state,
                AsRound      *round)
{
  static const char * const classes[] = { "warning", "overtime", NULL };
  AsMeeting *meeting = as_meeting_session_get_meeting (self->session);
  g_autofree char *elapsed = NULL;
  g_autofree char *planned = NULL;
  g_autofree char *meeting_text = NULL;
  g_autofree char *end = NULL;
  g_autofree char *projected = NULL;
  g_autoptr(GDateTime) projected_end = NULL;
  gint64 lateness_ms, projected_key;

  /* The round */
  as_ui_set_visible (self->round_row, round != NULL);
  if (round != NULL)
    {
      gint64 plan = (gint64) as_round_get_planned_minutes (round) * 60 * 1000;
      g_autofree char *plan_text = as_format_timer (plan, FALSE);
      g_autofree char *text = NULL;
      const char *icon = NULL;
      const char *css = NULL;

      if (state == AS_TIMER_NOT_STARTED)
        /* Translators: the planned length of the first round. */
        text = g_strdup_printf (_("Round: %s planned"), plan_text);
      else
        {
          gint64 remaining = as_meeting_session_round_remaining (self->session, round);
          g_autofree char *left = as_format_timer (remaining, TRUE);

          switch (as_meeting_session_round_phase (self->session, round))
            {
            case AS_TIME_OVERTIME:
              /* Translators: a round past its plan, "+02:10 over 30:00". */
              text = g_strdup_printf (_("Round overtime: %s over %s"), left, plan_text);
              icon = "dialog-warning-symbolic";
              css = "overtime";
              break;
            case AS_TIME_WARNING:
              /* Translators: "01:30 left of 30:00". */
              text = g_strdup_printf (_("Round nearly over: %s left of %s"), left, plan_text);
              icon = "alarm-symbolic";
              css = "warning";
              break;
            case AS_TIME_NORMAL:
            default:
              /* Translators: "12:30 left of 30:00". */
              text = g_strdup_printf (_("Round: %s left of %s"), left, plan_text);
              break;
            }
        }
      as_tick_label_set_text (self->round_label, text);
      as_ui_set_icon (self->round_icon, icon);
      as_ui_set_state_class (self->round_row, classes, css);
    }

  /* The meeting */
  elapsed = as_format_timer (as_meeting_session_meeting_elapsed (self->session), FALSE);
  planned = as_format_timer (as_meeting_session_meeting_planned (self->session), FALSE);
  /* Translators: the meeting's time so far against its plan. */
  meeting_text = g_strdup_printf (_("Meeting: %s of %s"), elapsed, planned);
  as_tick_label_set_text (self->meeting_label, meeting_text);

  /* The projected end, shown to the minute: formatted only when the
   * minute or the lateness changes, not every second. */
  projected_end = as_meeting_session_dup_projected_end (self->session);
  lateness_ms = as_meeting_session_get_lateness (self->session);
  projected_key = g_date_time_to_unix (projected_end) / 60 * 4 +
                  (state == AS_TIMER_FINISHED ? 2 : 0) +
                  (ABS (lateness_ms) < LATENESS_SHOWN_MS ? 1 : 0);
  if (projected_key == self->projected_key &&
      llround (lateness_ms / 60000.0) == self->projected_lateness_min)
    return;
  self->projected_key = projected_key;
  self->projected_lateness_min = llround (lateness_ms / 60000.0);

  end = as_words_time (projected_end);
  /* Lateness against the plan, unless the meeting runs on another day than
   * planned (a plan moved, or a rehearsal): hours early or late say
   * nothing then. */
  if (as_meeting_get_start (meeting) != NULL && ABS (lateness_ms) < LATENESS_SHOWN_MS)
    {
      g_autofree char *lateness = as_words_lateness (lateness_ms);

      if (state == AS_TIMER_FINISHED)
        /* Translators: "Ended 16:42, 7 min late". */
        projected = g_strdup_printf (_("Ended %s, %s"), end, lateness);
      else
        /* Translators: the projected end, "Ends 16:42, 7 min late". */
        projected = g_strdup_printf (_("Ends %s, %s"), end, lateness);
    }
  else
    projected = g_strdup_printf (state == AS_TIMER_FINISHED ? _("Ended %s") : _("Ends %s"), end);
  as_tick_label_set_text (self->projected_label, projected);
}

/* Everything; with only_times, what time changes (not the presenter). */
static void
refresh_full (AsTimerPanel *self,
              gboolean      only_times)
{
  AsTimerState state;
  AsStep *step;
  AsRound *round;
  AsTimePhase phase = AS_TIME_NORMAL;

  if (self->session == NULL)
    return;

  state = as_meeting_session_get_state (self->session);
  step = as_meeting_session_get_shown_step (self->session);
  round = round_of (step);
  if (step != NULL && (state == AS_TIMER_RUNNING || state == AS_TIMER_PAUSED))
    phase = as_meeting_session_step_phase (self->session, step);

  if (!only_times)
    {
      /* An edit may change what the projected end says in the same minute. */
      self->projected_key = G_MININT64;
      refresh_presenter (self, round);
    }
  refresh_countdown (self, state, step, phase);
  refresh_clocks (self, state, round);
}

/* Callbacks */

static void
on_changed (AsTimerPanel *self)
{
  refresh_full (self, FALSE);
}

static void
on_tick (AsTimerPanel *self)
{
  refresh_full (self, TRUE);
}

/* The countdown flashes when a step's budget ends as it happens. */
static void
on_budget_ended (AsTimerPanel *self)
{
  self->flashed_step = as_meeting_session_get_current_step (self->session);
  as_ui_set_class (self->timer_card, "flash", TRUE);
}

/* GObject overrides */

static void
as_timer_panel_dispose (GObject *object)
{
  AsTimerPanel *self = AS_TIMER_PANEL (object);

  as_timer_panel_set_ticker (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), AS_TYPE_TIMER_PANEL);

  G_OBJECT_CLASS (as_timer_panel_parent_class)->dispose (object);
}

static void
as_timer_panel_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  AsTimerPanel *self = AS_TIMER_PANEL (object);

  switch (prop_id)
    {
    case PROP_TICKER:
      g_value_set_object (value, self->ticker);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
as_timer_panel_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  AsTimerPanel *self = AS_TIMER_PANEL (object);

  switch (prop_id)
    {
    case PROP_TICKER:
      as_timer_panel_set_ticker (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
as_timer_panel_class_init (AsTimerPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = as_timer_panel_dispose;
  object_class->get_property = as_timer_panel_get_property;
  object_class->set_property = as_timer_panel_set_property;

  properties[PROP_TICKER] =
    g_param_spec_object ("ticker", NULL, NULL, AS_TYPE_TICKER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (AS_TYPE_CACHE_BIN);
  g_type_ensure (AS_TYPE_COLOUR_DOT);
  g_type_ensure (AS_TYPE_TIMER_DISPLAY);
  g_type_ensure (AS_TYPE_TICK_LABEL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/ActionSet/as-timer-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, AsTimerPanel, box);
  gtk_widget_class_bind_template_child (widget_class, AsTimerPanel, presenter_row);
  gtk_widget_class_bind_template_child (widget_class, AsTimerPanel, presenter_dot);
  gtk_widget_class_bind_template_child (widget_class, AsTimerPanel, presenter_label);
  gtk_widget_class_bind_template_child (widget_class, AsTimerPanel, round_number_label);
  gtk_widget_class_bind_template_child (widget_class, AsTimerPanel, step_label);
  gtk_widget_class_bind_template_child (widget_class, AsTimerPanel, timer_card);
  gtk_widget_class_bind_template_child (widget_class, AsTimerPanel, countdown);
  gtk_widget_class_bind_template_child (widget_class, AsTimerPanel, phase_box);
  gtk_widget_class_bind_template_child (widget_class, AsTimerPanel, phase_icon);
  gtk_widget_class_bind_template_child (widget_class, AsTimerPanel, phase_label);
  gtk_widget_class_bind_template_child (widget_class, AsTimerPanel, round_row);
  gtk_widget_class_bind_template_child (widget_class, AsTimerPanel, round_icon);
  gtk_widget_class_bind_template_child (widget_class, AsTimerPanel, round_label);
  gtk_widget_class_bind_template_child (widget_class, AsTimerPanel, meeting_label);
  gtk_widget_class_bind_template_child (widget_class, AsTimerPanel, projected_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "timerpanel");
}

static void
as_timer_panel_init (AsTimerPanel *self)
{
  self->projected_key = G_MININT64;
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

GtkWidget *
as_timer_panel_new (AsTicker *ticker)
{
  g_return_val_if_fail (ticker == NULL || AS_IS_TICKER (ticker), NULL);

  return g_object_new (AS_TYPE_TIMER_PANEL, "ticker", ticker, NULL);
}

AsTicker *
as_timer_panel_get_ticker (AsTimerPanel *self)
{
  g_return_val_if_fail (AS_IS_TIMER_PANEL (self), NULL);
  return self->ticker;
}

void
as_timer_panel_set_ticker (AsTimerPanel *self,
                           AsTicker     *ticker)
{
  g_return_if_fail (AS_IS_TIMER_PANEL (self));
  g_return_if_fail (ticker == NULL || AS_IS_TICKER (ticker));

  if (self->ticker == ticker)
    return;
  if (self->ticker != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->ticker, self);
      g_signal_handlers_disconnect_by_data (self->session, self);
    }
  g_clear_object (&self->session);
  g_set_object (&self->ticker, ticker);
  if (ticker != NULL)
    {
      self->session = g_object_ref (as_ticker_get_session (ticker));
      g_signal_connect_object (self->session, "changed", G_CALLBACK (on_changed), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (ticker, "tick", G_CALLBACK (on_tick), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (ticker, "budget-ended", G_CALLBACK (on_budget_ended), self,
                               G_CONNECT_SWAPPED);
      refresh_full (self, FALSE);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TICKER]);
}
