/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "as-meeting-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <math.h>

#include "as-cache-bin.h"
#include "as-chime.h"
#include "as-colour-dot.h"
#include "as-meeting-view.h"
#include "as-member-tile.h"
#include "as-participation.h"
#include "as-share-bar.h"
#include "as-tick-label.h"
#include "as-timer-display.h"
#include "as-ui-util.h"
#include "as-undo-stack.h"

/* Balance readings of the Gini coefficient; docs/participation.md explains
 * them. */
#define GINI_EVEN        0.20
#define GINI_UNEVEN      0.40
/* Above GINI_UNEVEN, one voice dominates when the largest share is at least
 * this many times the next. */
#define DOMINANCE_FACTOR 2.0

/* From this size on the view uses its large type (the "large" class). */
#define LARGE_WIDTH      1600
#define LARGE_HEIGHT     900

/* Lateness beyond this is not shown: the meeting is not on its planned day. */
#define LATENESS_SHOWN_MS (12 * 3600 * G_GINT64_CONSTANT (1000))

/* The share of the width for the participation figures, and its limit. */
#define PARTICIPATION_SHARE 0.42
#define PARTICIPATION_MAX   760

typedef struct
{
  GtkWidget *box;
  GtkImage  *icon;
  GtkLabel  *name;
  AsTickLabel *times;
  char      *accessible;
  AsTimerState shown_state;
} StepCell;

struct _AsMeetingView
{
  GtkWidget         parent_instance;

  AsSet            *set;
  AsMeeting        *meeting;
  AsClock          *clock;
  AsMeetingSession *session;
  AsTicker         *ticker;
  GSettings        *settings;
  /* Read once a second: kept from the settings, read again when they change. */
  gboolean          exclude_presenter;
  gboolean          monologue_cue;

  gboolean          show_cycle;

  /* What the last refresh saw, to notice the end of a step's budget. */
  char             *cue_step_id;
  AsTimePhase       cue_phase;

  /* The step strip shows this round (compared, never dereferenced). */
  gpointer          strip_round;
  GPtrArray        *strip_cells;    /* of StepCell */
  GPtrArray        *tiles;          /* of AsMemberTile, borrowed */
  GStrv             tile_ids;

  /* Time the computer slept, not yet answered. */
  gint64            pending_gap;
  AdwMessageDialog *gap_dialog;

  GHashTable       *action_states;  /* action name → enabled + 1 */
  gint64            projected_key;  /* the projected end's minute, as shown */
  gint64            projected_lateness_min;

  GtkWindow        *window;         /* the root, while rooted */
  GtkApplication   *inhibit_app;
  guint             inhibit_cookie;

  /* Template children */
  GtkWidget        *content;
  GtkWidget        *header_bar;
  GtkToggleButton  *participation_button;
  GtkWidget        *timer_column;
  GtkWidget        *column_separator;
  GtkWidget        *participation_scroller;
  GtkWidget        *participation_column;

  /* The layout wanted for the last allocation, applied in an idle. */
  gboolean          want_large;
  gboolean          want_narrow;
  int               want_participation_width;
  gboolean          layout_applied;
  guint             layout_idle_id;
  int               timer_min;
  int               participation_min;
  GtkLabel         *title_label;
  GtkLabel         *subtitle_label;
  GtkWidget        *fullscreen_button;
  GtkWidget        *status_bar;
  GtkImage         *status_icon;
  GtkLabel         *status_label;
  GtkLabel         *status_hint;
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
  GtkBox           *step_strip;
  GtkWidget        *toggle_button;
  AdwButtonContent *toggle_content;
  GtkWidget        *next_step_button;
  AdwButtonContent *next_step_content;
  GtkToggleButton  *meeting_scope_button;
  GtkToggleButton  *cycle_scope_button;
  AsTickLabel      *balance_label;
  GtkLabel         *silent_label;
  GtkFlowBox       *tiles_box;
};

G_DEFINE_FINAL_TYPE (AsMeetingView, as_meeting_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SET,
  PROP_MEETING,
  PROP_CLOCK,
  PROP_SHOW_CYCLE,
  N_PROPS
};

enum {
  LEAVE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void refresh (AsMeetingView *self);

/* Helpers */

/* Labels change only when their text does: the same text again would still
 * cost a relayout every second. */
static void
set_text (GtkLabel   *label,
          const char *text)
{
  if (g_strcmp0 (gtk_label_get_text (label), text) != 0)
    gtk_label_set_text (label, text);
}

static void
set_class (GtkWidget  *widget,
           const char *css_class,
           gboolean    on)
{
  if (on != gtk_widget_has_css_class (widget, css_class))
    {
      if (on)
        gtk_widget_add_css_class (widget, css_class);
      else
        gtk_widget_remove_css_class (widget, css_class);
    }
}

/* One of a few exclusive state classes on a widget. */
static void
set_state_class (GtkWidget          *widget,
                 const char * const *classes,
                 const char         *on)
{
  for (guint i = 0; classes[i] != NULL; i++)
    set_class (widget, classes[i], g_strcmp0 (classes[i], on) == 0);
}

static void
set_icon (GtkImage   *image,
          const char *icon_name)
{
  if (icon_name != NULL && g_strcmp0 (gtk_image_get_icon_name (image), icon_name) != 0)
    gtk_image_set_from_icon_name (image, icon_name);
  if (gtk_widget_get_visible (GTK_WIDGET (image)) != (icon_name != NULL))
    gtk_widget_set_visible (GTK_WIDGET (image), icon_name != NULL);
}

static void
set_visible (GtkWidget *widget,
             gboolean   visible)
{
  if (gtk_widget_get_visible (widget) != visible)
    gtk_widget_set_visible (widget, visible);
}

static void
set_tooltip (GtkWidget  *widget,
             const char *text)
{
  if (g_strcmp0 (gtk_widget_get_tooltip_text (widget), text) != 0)
    gtk_widget_set_tooltip_text (widget, text);
}

/* Actions change state only when it differs: each change goes through the
 * action muxer to every button that shows the action. */
static void
set_action_enabled (AsMeetingView *self,
                    const char    *action,
                    gboolean       enabled)
{
  gpointer known = g_hash_table_lookup (self->action_states, action);

  enabled = !!enabled;
  if (known != NULL && GPOINTER_TO_INT (known) - 1 == enabled)
    return;
  g_hash_table_insert (self->action_states, (gpointer) action, GINT_TO_POINTER (enabled + 1));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), action, enabled);
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

static AsRound *
round_of (AsStep *step)
{
  AsEntity *parent = step ? as_entity_get_parent (AS_ENTITY (step)) : NULL;

  return AS_IS_ROUND (parent) ? AS_ROUND (parent) : NULL;
}

static AsStep *
first_step (AsMeeting *meeting)
{
  GListModel *rounds = as_meeting_get_rounds (meeting);

  for (guint r = 0; r < n_items (rounds); r++)
    {
      GListModel *steps = as_round_get_steps (item (rounds, r));

      if (n_items (steps) > 0)
        return item (steps, 0);
    }
  return NULL;
}

/* The step the screen is about: the current one, or before the start the
 * first; none once the meeting is over. */
static AsStep *
shown_step (AsMeetingView *self,
            AsTimerState   state)
{
  switch (state)
    {
    case AS_TIMER_NOT_STARTED:
      return first_step (self->meeting);
    case AS_TIMER_FINISHED:
      return NULL;
    default:
      return as_meeting_session_get_current_step (self->session);
    }
}

static gint64
budget_ms (AsStep *step)
{
  return (gint64) as_step_get_budget_minutes (step) * 60 * 1000;
}

static gboolean
is_last_step (AsMeetingView *self,
              AsStep        *step)
{
  GListModel *rounds = as_meeting_get_rounds (self->meeting);
  AsRound *round = round_of (step);
  GListModel *steps = as_round_get_steps (round);
  guint r = 0, s = 0;

  g_list_store_find (G_LIST_STORE (rounds), round, &r);
  g_list_store_find (G_LIST_STORE (steps), step, &s);
  if (s + 1 < n_items (steps))
    return FALSE;
  for (guint i = r + 1; i < n_items (rounds); i++)
    if (n_items (as_round_get_steps (item (rounds, i))) > 0)
      return FALSE;
  return TRUE;
}

static gboolean
is_last_round (AsMeetingView *self,
               AsRound       *round)
{
  GListModel *rounds = as_meeting_get_rounds (self->meeting);
  guint r = 0;

  g_list_store_find (G_LIST_STORE (rounds), round, &r);
  for (guint i = r + 1; i < n_items (rounds); i++)
    if (n_items (as_round_get_steps (item (rounds, i))) > 0)
      return FALSE;
  return TRUE;
}

/* "7 min", "1 h 05 min". */
static char *
format_minutes (gint64 minutes)
{
  if (minutes < 60)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d min", "%d min", (gulong) minutes),
                            (int) minutes);
  /* Translators: hours and minutes, "1 h 05 min". */
  return g_strdup_printf (_("%d h %02d min"), (int) (minutes / 60), (int) (minutes % 60));
}

/* "7 min late", "3 min early", "on time": lateness rounded to the minute. */
static char *
format_lateness (gint64 lateness_ms)
{
  gint64 minutes = llround (lateness_ms / 60000.0);
  g_autofree char *amount = format_minutes (ABS (minutes));

  if (minutes > 0)
    /* Translators: how late the meeting will end, "7 min late". */
    return g_strdup_printf (_("%s late"), amount);
  if (minutes < 0)
    /* Translators: how early the meeting will end, "3 min early". */
    return g_strdup_printf (_("%s early"), amount);
  return g_strdup (_("on time"));
}

/* "Under 2 minutes left": the phase in words, changing once a minute. */
static char *
format_time_left (gint64 remaining_ms)
{
  gint64 minutes = (remaining_ms + 59999) / 60000;

  if (minutes <= 1)
    return g_strdup (_("Under a minute left"));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Under %d minute left",
                                       "Under %d minutes left", (gulong) minutes),
                          (int) minutes);
}

static const char *
balance_reading (AsParticipation *p)
{
  double first = 0, second = 0;

  if (p->total_ms <= 0)
    return NULL;
  if (p->gini < GINI_EVEN)
    return _("even");
  if (p->gini < GINI_UNEVEN)
    return _("uneven");

  for (guint i = 0; i < p->members->len; i++)
    {
      double share = g_array_index (p->members, AsAirtime, i).share;

      if (share > first)
        {
          second = first;
          first = share;
        }
      else if (share > second)
        second = share;
    }
  if (first >= DOMINANCE_FACTOR * second)
    return _("one voice dominates");
  return _("a few voices dominate");
}

/* Inhibition */

static void
update_inhibit (AsMeetingView *self)
{
  AsTimerState state = as_meeting_session_get_state (self->session);
  gboolean want = self->window != NULL &&
                  (state == AS_TIMER_RUNNING || state == AS_TIMER_PAUSED);
  GtkApplication *app = want ? gtk_window_get_application (self->window) : NULL;

  if (app == self->inhibit_app && (app == NULL || self->inhibit_cookie != 0))
    return;

  if (self->inhibit_app != NULL)
    {
      if (self->inhibit_cookie != 0)
        gtk_application_uninhibit (self->inhibit_app, self->inhibit_cookie);
      self->inhibit_cookie = 0;
      g_clear_object (&self->inhibit_app);
    }
  if (app != NULL)
    {
      self->inhibit_app = g_object_ref (app);
      self->inhibit_cookie =
        gtk_application_inhibit (app, self->window,
                                 GTK_APPLICATION_INHIBIT_IDLE | GTK_APPLICATION_INHIBIT_SUSPEND,
                                 _("A meeting is running"));
    }
}

/* Refresh: everything on screen is derived from the session here, on each
 * tick and on each change. */

static void
refresh_titles (AsMeetingView *self)
{
  g_autofree char *date = as_ui_format_date (as_meeting_get_start (self->meeting));
  const char *place = as_meeting_get_place (self->meeting);
  g_autofree char *subtitle = NULL;

  set_text (self->title_label, as_ui_set_display_name (self->set));
  if (place != NULL && *place != '\0')
    /* Translators: a meeting's date and place, under the set's name. */
    subtitle = g_strdup_printf (_("%s · %s"), date, place);
  else
    subtitle = g_steal_pointer (&date);
  set_text (self->subtitle_label, subtitle);
}

static void
refresh_status (AsMeetingView *self,
                AsTimerState   state)
{
  static const char * const classes[] = { "not-started", "paused", "finished", NULL };

  switch (state)
    {
    case AS_TIMER_NOT_STARTED:
      set_icon (self->status_icon, "media-playback-start-symbolic");
      set_text (self->status_label, _("Not started"));
      set_text (self->status_hint, _("Press Space to start the meeting"));
      set_state_class (self->status_bar, classes, "not-started");
      break;
    case AS_TIMER_PAUSED:
      set_icon (self->status_icon, "media-playback-pause-symbolic");
      set_text (self->status_label, _("Paused"));
      set_text (self->status_hint, _("Press Space to resume"));
      set_state_class (self->status_bar, classes, "paused");
      break;
    case AS_TIMER_FINISHED:
      set_icon (self->status_icon, "object-select-symbolic");
      set_text (self->status_label, _("Meeting finished"));
      set_text (self->status_hint, _("Ctrl+Z takes the last step back"));
      set_state_class (self->status_bar, classes, "finished");
      break;
    case AS_TIMER_RUNNING:
    default:
      break;
    }
  set_visible (self->status_bar, state != AS_TIMER_RUNNING);
}

static void
refresh_presenter (AsMeetingView *self,
                   AsTimerState   state,
                   AsRound       *round)
{
  GListModel *rounds = as_meeting_get_rounds (self->meeting);
  AsMember *presenter;
  g_autofree char *number = NULL;
  guint r = 0;

  set_visible (self->presenter_row, round != NULL);
  if (round == NULL)
    return;

  presenter = as_set_lookup_member (self->set, as_round_get_presenter (round));
  /* Names come from the file: plain text, never markup. */
  set_text (self->presenter_label, as_set_member_name (self->set, as_round_get_presenter (round)));
  as_colour_dot_set_colour (self->presenter_dot,
                            presenter ? as_member_get_colour (presenter) : NULL);

  g_list_store_find (G_LIST_STORE (rounds), round, &r);
  /* Translators: the presenter's round, "Round 2 of 6". */
  number = g_strdup_printf (_("Round %u of %u"), r + 1, n_items (rounds));
  set_text (self->round_number_label, number);
}

static void
refresh_countdown (AsMeetingView *self,
                   AsTimerState   state,
                   AsStep        *step,
                   AsTimePhase    phase)
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

      set_text (self->step_label, state == AS_TIMER_FINISHED ? _("Total time")
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

      set_text (self->step_label, as_step_kind_to_label (as_step_get_kind (step)));
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
          phase_text = format_time_left (remaining);
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
  set_text (self->phase_label, phase_text);
  set_icon (self->phase_icon, icon);
  set_state_class (GTK_WIDGET (self->countdown), classes, css);
  set_state_class (self->phase_box, classes, css);
  set_state_class (self->timer_card, classes, css);
}

static void
refresh_clocks (AsMeetingView *self,
                AsTimerState   state,
                AsRound       *round)
{
  static const char * const classes[] = { "warning", "overtime", NULL };
  g_autofree char *elapsed = NULL;
  g_autofree char *planned = NULL;
  g_autofree char *meeting = NULL;
  g_autofree char *end = NULL;
  g_autofree char *projected = NULL;
  g_autoptr(GDateTime) projected_end = NULL;
  gint64 lateness_ms, projected_key;

  /* The round */
  set_visible (self->round_row, round != NULL);
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
      set_icon (self->round_icon, icon);
      set_state_class (self->round_row, classes, css);
    }

  /* The meeting */
  elapsed = as_format_timer (as_meeting_session_meeting_elapsed (self->session), FALSE);
  planned = as_format_timer (as_meeting_session_meeting_planned (self->session), FALSE);
  /* Translators: the meeting's time so far against its plan. */
  meeting = g_strdup_printf (_("Meeting: %s of %s"), elapsed, planned);
  as_tick_label_set_text (self->meeting_label, meeting);

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

  end = as_ui_format_time (projected_end);
  /* Lateness against the plan, unless the meeting runs on another day than
   * planned (a plan moved, or a rehearsal): hours early or late say
   * nothing then. */
  if (as_meeting_get_start (self->meeting) != NULL && ABS (lateness_ms) < LATENESS_SHOWN_MS)
    {
      g_autofree char *lateness = format_lateness (lateness_ms);

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

static void
step_cell_free (gpointer data)
{
  StepCell *cell = data;

  g_free (cell->accessible);
  g_free (cell);
}

static void
rebuild_strip (AsMeetingView *self,
               AsRound       *round)
{
  GtkWidget *child;
  GListModel *steps = round ? as_round_get_steps (round) : NULL;
  guint n = steps ? n_items (steps) : 0;

  if (round == self->strip_round && self->strip_cells->len == n)
    return;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->step_strip))) != NULL)
    gtk_box_remove (self->step_strip, child);
  g_ptr_array_set_size (self->strip_cells, 0);
  self->strip_round = round;

  for (guint i = 0; i < n; i++)
    {
      StepCell *cell = g_new0 (StepCell, 1);
      GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);

      cell->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      gtk_widget_add_css_class (cell->box, "step-cell");
      gtk_accessible_update_property (GTK_ACCESSIBLE (cell->box),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
      cell->icon = GTK_IMAGE (gtk_image_new ());
      gtk_accessible_update_property (GTK_ACCESSIBLE (cell->icon),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
      cell->name = GTK_LABEL (gtk_label_new (NULL));
      /* Ellipsized, not wrapped: next to the icon, a wrapping label makes
       * the row's height depend on its width, which GTK 4.8 measures
       * inconsistently. The full name is in the cell's tooltip. */
      gtk_label_set_ellipsize (cell->name, PANGO_ELLIPSIZE_END);
      gtk_label_set_xalign (cell->name, 0);
      gtk_widget_set_hexpand (GTK_WIDGET (cell->name), TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (cell->name), "step-cell-name");
      cell->times = AS_TICK_LABEL (as_tick_label_new (NULL));
      as_tick_label_set_ellipsize (cell->times, TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (cell->times), "numeric");
      gtk_widget_add_css_class (GTK_WIDGET (cell->times), "step-cell-times");

      gtk_box_append (GTK_BOX (top), GTK_WIDGET (cell->icon));
      gtk_box_append (GTK_BOX (top), GTK_WIDGET (cell->name));
      gtk_box_append (GTK_BOX (cell->box), top);
      gtk_box_append (GTK_BOX (cell->box), GTK_WIDGET (cell->times));
      gtk_box_append (self->step_strip, cell->box);
      g_ptr_array_add (self->strip_cells, cell);
    }
}

static void
refresh_strip (AsMeetingView *self,
               AsTimerState   state,
               AsRound       *round,
               gboolean       only_times)
{
  static const char * const classes[] = { "done", "current", "upcoming", NULL };
  GListModel *steps;

  rebuild_strip (self, round);
  set_visible (GTK_WIDGET (self->step_strip), round != NULL);
  if (round == NULL)
    return;

  steps = as_round_get_steps (round);
  for (guint i = 0; i < self->strip_cells->len && i < n_items (steps); i++)
    {
      StepCell *cell = g_ptr_array_index (self->strip_cells, i);
      AsStep *step = item (steps, i);
      AsTimerState step_state = as_meeting_session_get_step_state (self->session, step);
      gint64 elapsed = as_meeting_session_step_elapsed (self->session, step);
      g_autofree char *budget = as_format_timer (budget_ms (step), FALSE);
      g_autofree char *times = NULL;
      g_autofree char *accessible = NULL;
      const char *name = as_step_kind_to_label (as_step_get_kind (step));
      const char *css, *icon, *state_word;

      switch (step_state)
        {
        case AS_TIMER_FINISHED:
          css = "done";
          icon = "object-select-symbolic";
          state_word = _("done");
          break;
        case AS_TIMER_RUNNING:
          css = "current";
          icon = "media-playback-start-symbolic";
          state_word = _("now");
          break;
        case AS_TIMER_PAUSED:
          css = "current";
          icon = "media-playback-pause-symbolic";
          state_word = _("paused");
          break;
        case AS_TIMER_NOT_STARTED:
        default:
          css = "upcoming";
          icon = NULL;
          state_word = _("to come");
          break;
        }

      /* The current step's time is the countdown's: its cell shows its
       * budget and stays still while the countdown runs. */
      if ((step_state == AS_TIMER_NOT_STARTED && elapsed == 0) ||
          step_state == AS_TIMER_RUNNING || step_state == AS_TIMER_PAUSED)
        times = g_strdup (budget);
      else
        {
          g_autofree char *used = as_format_timer (elapsed, FALSE);

          /* Translators: a step's time used of its budget, "04:12 of 05:00". */
          times = g_strdup_printf (_("%s of %s"), used, budget);
        }

      /* On a tick, most cells show what they showed. */
      if (only_times && step_state == cell->shown_state &&
          g_strcmp0 (times, as_tick_label_get_text (cell->times)) == 0)
        continue;
      cell->shown_state = step_state;

      set_text (cell->name, name);
      set_tooltip (cell->box, name);
      as_tick_label_set_text (cell->times, times);
      set_icon (cell->icon, icon);
      set_state_class (cell->box, classes, css);
      set_class (cell->box, "over", elapsed > budget_ms (step));

      /* Translators: a step of the round for a screen reader, "Questions, now, 04:12 of 20:00". */
      accessible = g_strdup_printf (_("%s, %s, %s"), name, state_word, times);
      if (g_strcmp0 (accessible, cell->accessible) != 0)
        {
          g_free (cell->accessible);
          cell->accessible = g_steal_pointer (&accessible);
          gtk_accessible_update_property (GTK_ACCESSIBLE (cell->box),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, cell->accessible,
                                          -1);
        }
    }
}

static void
refresh_controls (AsMeetingView *self,
                  AsTimerState   state,
                  AsStep        *step)
{
  AsUndoStack *undo = as_set_get_undo_stack (self->set);
  gboolean live = state == AS_TIMER_RUNNING || state == AS_TIMER_PAUSED;
  const char *label, *icon, *tooltip;

  switch (state)
    {
    case AS_TIMER_NOT_STARTED:
      label = _("_Start");
      icon = "media-playback-start-symbolic";
      tooltip = _("Start the meeting (Space)");
      break;
    case AS_TIMER_RUNNING:
      label = _("_Pause");
      icon = "media-playback-pause-symbolic";
      tooltip = _("Pause the timers (Space)");
      break;
    case AS_TIMER_PAUSED:
      label = _("_Resume");
      icon = "media-playback-start-symbolic";
      tooltip = _("Resume the timers (Space)");
      break;
    case AS_TIMER_FINISHED:
    default:
      label = _("Finished");
      icon = "object-select-symbolic";
      tooltip = _("The meeting is finished");
      break;
    }
  if (g_strcmp0 (adw_button_content_get_label (self->toggle_content), label) != 0)
    adw_button_content_set_label (self->toggle_content, label);
  if (g_strcmp0 (adw_button_content_get_icon_name (self->toggle_content), icon) != 0)
    adw_button_content_set_icon_name (self->toggle_content, icon);
  set_tooltip (self->toggle_button, tooltip);

  if (live && step != NULL && is_last_step (self, step))
    {
      label = _("_Finish Meeting");
      icon = "object-select-symbolic";
      tooltip = _("Finish the last step and the meeting (Right)");
    }
  else
    {
      label = _("_Next Step");
      icon = "go-next-symbolic";
      tooltip = _("Finish this step and start the next (Right or N)");
    }
  if (g_strcmp0 (adw_button_content_get_label (self->next_step_content), label) != 0)
    adw_button_content_set_label (self->next_step_content, label);
  if (g_strcmp0 (adw_button_content_get_icon_name (self->next_step_content), icon) != 0)
    adw_button_content_set_icon_name (self->next_step_content, icon);
  set_tooltip (self->next_step_button, tooltip);

  set_action_enabled (self, "meeting.toggle", state != AS_TIMER_FINISHED);
  set_action_enabled (self, "meeting.next-step", live);
  set_action_enabled (self, "meeting.next-round",
                                 live && step != NULL && !is_last_round (self, round_of (step)));
  set_action_enabled (self, "meeting.finish", live);
  set_action_enabled (self, "meeting.speaker", state == AS_TIMER_RUNNING);
  set_action_enabled (self, "meeting.undo",
                                 undo != NULL && as_undo_stack_get_can_undo (undo));
  set_action_enabled (self, "meeting.redo",
                                 undo != NULL && as_undo_stack_get_can_redo (undo));
}

/* The members the tiles show: the attendees in key order, then for the
 * cycle everyone else who attended a meeting. */
static GStrv
tile_ids_for (AsMeetingView   *self,
              AsParticipation *p)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char * const *attendees = as_meeting_session_get_attendees (self->session);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; attendees != NULL && attendees[i] != NULL; i++)
    if (as_set_lookup_member (self->set, attendees[i]) != NULL &&
        g_hash_table_add (seen, (gpointer) attendees[i]))
      g_strv_builder_add (builder, attendees[i]);

  if (self->show_cycle)
    for (guint i = 0; i < p->members->len; i++)
      {
        const char *id = g_array_index (p->members, AsAirtime, i).member_id;

        if (as_set_lookup_member (self->set, id) != NULL && g_hash_table_add (seen, (gpointer) id))
          g_strv_builder_add (builder, id);
      }
  return g_strv_builder_end (builder);
}

static void
rebuild_tiles (AsMeetingView *self,
               GStrv          ids)
{
  const char * const *attendees = as_meeting_session_get_attendees (self->session);
  guint n_attendees = attendees ? g_strv_length ((GStrv) attendees) : 0;
  GtkWidget *child;

  if (self->tile_ids != NULL && g_strv_equal ((const char * const *) self->tile_ids,
                                              (const char * const *) ids))
    {
      g_strfreev (ids);
      return;
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tiles_box))) != NULL)
    gtk_flow_box_remove (self->tiles_box, child);
  g_ptr_array_set_size (self->tiles, 0);
  g_strfreev (self->tile_ids);
  self->tile_ids = ids;

  for (guint i = 0; ids[i] != NULL; i++)
    {
      GtkWidget *tile = as_member_tile_new ();
      guint number = 0;

      /* Keys 1–9 are for the first nine attendees, in order. */
      for (guint a = 0; a < n_attendees && a < 9; a++)
        if (g_strcmp0 (attendees[a], ids[i]) == 0)
          number = a + 1;

      as_member_tile_set_member (AS_MEMBER_TILE (tile), as_set_lookup_member (self->set, ids[i]),
                                 number);
      gtk_flow_box_append (self->tiles_box, tile);
      g_ptr_array_add (self->tiles, tile);
    }
}

static void
refresh_participation (AsMeetingView *self,
                       AsTimerState   state,
                       AsStep        *step)
{
  gboolean exclude = self->exclude_presenter;
  gboolean cue = self->monologue_cue;
  g_autoptr(AsParticipation) p = NULL;
  const char *speaker = as_meeting_session_get_speaker (self->session);
  const char *presenter_out = NULL;
  const char *reading;
  g_autofree char *balance = NULL;
  g_autofree char *silent = NULL;
  double scale;

  p = as_participation_compute (self->set, self->show_cycle ? NULL : self->meeting, self->session,
                                exclude ? AS_PARTICIPATION_EXCLUDE_PRESENTER_IN_QUESTIONS
                                        : AS_PARTICIPATION_DEFAULT);

  rebuild_tiles (self, tile_ids_for (self, p));

  /* While the presenter is questioned, what they say does not count. */
  if (exclude && step != NULL && state != AS_TIMER_NOT_STARTED &&
      as_step_get_kind (step) == AS_STEP_QUESTIONS)
    presenter_out = as_round_get_presenter (round_of (step));

  scale = 2 * p->equal_share;
  for (guint i = 0; i < p->members->len; i++)
    scale = MAX (scale, g_array_index (p->members, AsAirtime, i).share);

  for (guint i = 0; i < self->tiles->len; i++)
    {
      AsMemberTile *tile = g_ptr_array_index (self->tiles, i);
      const char *id = as_member_tile_get_member_id (tile);
      const AsAirtime *a = as_participation_lookup (p, id);
      gboolean speaking = speaker != NULL && g_strcmp0 (speaker, id) == 0;
      AsMemberTileFigures f = {
        .airtime_ms = a ? a->airtime_ms : 0,
        .turns = a ? a->turns : 0,
        .share = a ? a->share : 0,
        .equal_share = p->equal_share,
        .scale = scale,
        .speaking = speaking,
        .monologue = speaking && cue && as_meeting_session_is_monologue (self->session),
        .turn_ms = speaking ? as_meeting_session_turn_elapsed (self->session) : 0,
        .counted = g_strcmp0 (presenter_out, id) != 0,
      };

      as_member_tile_update (tile, &f);
    }

  reading = balance_reading (p);
  if (reading != NULL)
    /* Translators: the balance of airtime in words and its Gini coefficient. */
    balance = g_strdup_printf (_("Balance: %s (%.2f)"), reading, p->gini);
  else
    balance = g_strdup (_("Balance: no one has spoken yet"));
  as_tick_label_set_text (self->balance_label, balance);

  if (p->n_silent > 0)
    silent = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u not spoken yet",
                                           "%u not spoken yet", p->n_silent), p->n_silent);
  else
    silent = g_strdup (_("Everyone has spoken"));
  set_text (self->silent_label, silent);
}

/* The end of a step's budget, seen as it happens (not when the view opens
 * on a step already over): the countdown flashes and turns to the overtime
 * style, and the chime plays if wanted. */
static void
check_budget_end (AsMeetingView *self,
                  AsTimerState   state,
                  AsStep        *step,
                  AsTimePhase    phase)
{
  const char *id = step ? as_entity_get_id (AS_ENTITY (step)) : NULL;
  gboolean same_step = id != NULL && g_strcmp0 (id, self->cue_step_id) == 0;

  if (state == AS_TIMER_RUNNING && same_step &&
      self->cue_phase != AS_TIME_OVERTIME && phase == AS_TIME_OVERTIME)
    {
      set_class (self->timer_card, "flash", TRUE);
      if (g_settings_get_boolean (self->settings, "sound-enabled"))
        as_chime_play (GTK_WIDGET (self));
    }
  if (!same_step || phase != AS_TIME_OVERTIME)
    set_class (self->timer_card, "flash", FALSE);

  g_free (self->cue_step_id);
  self->cue_step_id = g_strdup (id);
  self->cue_phase = phase;
}

/* Everything, after a change; with only_times, what time changes: a tick
 * updates the timers and figures, and leaves alone what only a transition
 * or an edit changes (titles, banner, presenter, buttons and actions). */
static void
refresh_full (AsMeetingView *self,
              gboolean       only_times)
{
  AsTimerState state = as_meeting_session_get_state (self->session);
  AsStep *step = shown_step (self, state);
  AsRound *round = round_of (step);
  AsTimePhase phase = AS_TIME_NORMAL;

  if (step != NULL && (state == AS_TIMER_RUNNING || state == AS_TIMER_PAUSED))
    phase = as_meeting_session_step_phase (self->session, step);

  if (!only_times)
    {
      /* An edit may change what the projected end says in the same minute. */
      self->projected_key = G_MININT64;
      refresh_titles (self);
      refresh_status (self, state);
      refresh_presenter (self, state, round);
      refresh_controls (self, state, step);
    }
  refresh_countdown (self, state, step, phase);
  refresh_clocks (self, state, round);
  refresh_strip (self, state, round, only_times);
  refresh_participation (self, state, step);
  check_budget_end (self, state, step, phase);
}

static void
refresh (AsMeetingView *self)
{
  refresh_full (self, FALSE);
}

/* Callbacks */

static void
on_gap_response (AsMeetingView *self,
                 const char    *response)
{
  if (g_strcmp0 (response, "count") == 0 && self->pending_gap > 0)
    as_meeting_session_count_gap (self->session, self->pending_gap);
  self->pending_gap = 0;
  self->gap_dialog = NULL;
  refresh (self);
}

/* The computer slept while the meeting ran: the monotonic clock stopped, so
 * that time does not count unless the facilitator says it does (the room
 * may have gone on talking with the laptop's lid closed). */
static void
ask_about_gap (AsMeetingView *self,
               gint64         gap_ms)
{
  g_autofree char *duration = NULL;
  g_autofree char *body = NULL;

  self->pending_gap += gap_ms;
  if (self->pending_gap < 60000)
    duration = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d second", "%d seconds",
                                             (gulong) (self->pending_gap / 1000)),
                                (int) (self->pending_gap / 1000));
  else
    duration = format_minutes (llround (self->pending_gap / 60000.0));
  body = g_strdup_printf (_("The computer was asleep for %s while the meeting was running. "
                            "Did the meeting go on meanwhile? If it did, that time counts "
                            "for the current step and speaker."), duration);

  if (self->gap_dialog != NULL)
    {
      adw_message_dialog_set_body (self->gap_dialog, body);
      return;
    }
  if (self->window == NULL)
    {
      self->pending_gap = 0;
      return;
    }

  self->gap_dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (self->window,
                                                                 _("Count the Time Asleep?"),
                                                                 body));
  adw_message_dialog_add_responses (self->gap_dialog,
                                    "ignore", _("_Don’t Count"),
                                    "count", _("_Count It"),
                                    NULL);
  adw_message_dialog_set_response_appearance (self->gap_dialog, "count",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (self->gap_dialog, "count");
  adw_message_dialog_set_close_response (self->gap_dialog, "ignore");
  g_signal_connect_object (self->gap_dialog, "response", G_CALLBACK (on_gap_response), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (self->gap_dialog));
}

static void
on_tick (AsMeetingView *self)
{
  gint64 gap = as_meeting_session_check_clock (self->session);

  if (gap > 0)
    ask_about_gap (self, gap);
  refresh_full (self, TRUE);
}

static void
on_session_changed (AsMeetingView *self)
{
  refresh (self);
  update_inhibit (self);
}

static void
read_settings (AsMeetingView *self)
{
  self->exclude_presenter = g_settings_get_boolean (self->settings,
                                                    "exclude-presenter-in-questions");
  self->monologue_cue = g_settings_get_boolean (self->settings, "monologue-cue");
}

static void
on_settings_changed (AsMeetingView *self)
{
  read_settings (self);
  refresh (self);
}

static void
on_tile_activated (AsMeetingView   *self,
                   GtkFlowBoxChild *child)
{
  AsMemberTile *tile = AS_MEMBER_TILE (gtk_flow_box_child_get_child (child));
  const char *id = as_member_tile_get_member_id (tile);

  if (as_meeting_session_get_state (self->session) != AS_TIMER_RUNNING)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  /* A click on the speaker ends their turn: nobody speaks. */
  if (g_strcmp0 (as_meeting_session_get_speaker (self->session), id) == 0)
    as_meeting_session_set_speaker (self->session, NULL);
  else
    as_meeting_session_set_speaker (self->session, id);
}

static void
on_scope_toggled (AsMeetingView *self)
{
  as_meeting_view_set_show_cycle (self, gtk_toggle_button_get_active (self->cycle_scope_button));
}

static void
on_fullscreened (AsMeetingView *self)
{
  gboolean fullscreen = self->window && gtk_window_is_fullscreen (self->window);

  gtk_button_set_icon_name (GTK_BUTTON (self->fullscreen_button),
                            fullscreen ? "view-restore-symbolic" : "view-fullscreen-symbolic");
  set_tooltip (self->fullscreen_button,
               fullscreen ? _("Leave Fullscreen (F11)") : _("Fullscreen (F11)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->fullscreen_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  fullscreen ? _("Leave Fullscreen") : _("Fullscreen"),
                                  -1);
  set_action_enabled (self, "meeting.leave-fullscreen", fullscreen);
}

static void
on_undo_changed (AsMeetingView *self)
{
  AsUndoStack *undo = as_set_get_undo_stack (self->set);

  set_action_enabled (self, "meeting.undo",
                                 as_undo_stack_get_can_undo (undo));
  set_action_enabled (self, "meeting.redo",
                                 as_undo_stack_get_can_redo (undo));
}

/* Actions */

static void
toggle_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  as_meeting_session_toggle (AS_MEETING_VIEW (widget)->session);
}

static void
next_step_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  as_meeting_session_next_step (AS_MEETING_VIEW (widget)->session);
}

static void
next_round_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  as_meeting_session_next_round (AS_MEETING_VIEW (widget)->session);
}

static void
finish_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  as_meeting_session_finish (AS_MEETING_VIEW (widget)->session);
}

static void
speaker_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AsMeetingView *self = AS_MEETING_VIEW (widget);
  guint number = g_variant_get_uint32 (parameter);

  if (!as_meeting_session_set_speaker_number (self->session, number) &&
      number > 0 && number > g_strv_length ((GStrv) as_meeting_session_get_attendees (self->session)))
    gtk_widget_error_bell (widget);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AsUndoStack *undo = as_set_get_undo_stack (AS_MEETING_VIEW (widget)->set);

  if (undo != NULL)
    as_undo_stack_undo (undo);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AsUndoStack *undo = as_set_get_undo_stack (AS_MEETING_VIEW (widget)->set);

  if (undo != NULL)
    as_undo_stack_redo (undo);
}

static void
fullscreen_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AsMeetingView *self = AS_MEETING_VIEW (widget);

  if (self->window == NULL)
    return;
  if (gtk_window_is_fullscreen (self->window))
    gtk_window_unfullscreen (self->window);
  else
    gtk_window_fullscreen (self->window);
}

static void
leave_fullscreen_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  AsMeetingView *self = AS_MEETING_VIEW (widget);

  if (self->window != NULL)
    gtk_window_unfullscreen (self->window);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  g_signal_emit (widget, signals[LEAVE], 0);
}

/* GtkWidget overrides */

/* The layout: the countdown's column and the participation column side by
 * side when the width allows, one at a time (the header bar's toggle picks
 * which) when it does not. Decided from the width given, and changed after
 * the allocation (in an idle), never during it. */

static int
min_width (GtkWidget *widget,
           int       *cache)
{
  int minimum = 0;

  /* A hidden widget measures 0: keep what it needed when it was shown. */
  if (gtk_widget_get_visible (widget))
    {
      gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
      *cache = minimum;
    }
  return *cache;
}

static gboolean
apply_layout (gpointer data)
{
  AsMeetingView *self = data;
  gboolean narrow = self->want_narrow;
  gboolean show_participation = !narrow ||
                                gtk_toggle_button_get_active (self->participation_button);

  self->layout_idle_id = 0;

  set_class (GTK_WIDGET (self), "large", self->want_large);
  set_visible (GTK_WIDGET (self->participation_button), narrow);
  set_visible (self->column_separator, !narrow);
  set_visible (self->timer_column, !narrow || !show_participation);
  set_visible (self->participation_scroller, show_participation);
  /* Side by side, the participation column has its share of the width;
   * alone, all of it. */
  gtk_widget_set_hexpand (self->participation_scroller, narrow);
  gtk_widget_set_size_request (self->participation_scroller,
                               narrow ? -1 : self->want_participation_width, -1);
  if (!narrow && gtk_toggle_button_get_active (self->participation_button))
    gtk_toggle_button_set_active (self->participation_button, FALSE);
  return G_SOURCE_REMOVE;
}

static void
on_participation_toggled (AsMeetingView *self)
{
  if (self->layout_idle_id == 0)
    apply_layout (self);
}

static void
as_meeting_view_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  AsMeetingView *self = AS_MEETING_VIEW (widget);

  gtk_widget_measure (self->content, orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);

  /* The view can be as narrow as one column: it then shows one at a time. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int header = 0;

      gtk_widget_measure (self->header_bar, GTK_ORIENTATION_HORIZONTAL, -1,
                          &header, NULL, NULL, NULL);
      *minimum = MAX (header, MAX (min_width (self->timer_column, &self->timer_min),
                                   min_width (self->participation_column,
                                              &self->participation_min)));
      *natural = MAX (*natural, *minimum);
    }
}

static void
as_meeting_view_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  AsMeetingView *self = AS_MEETING_VIEW (widget);
  int timer = min_width (self->timer_column, &self->timer_min);
  int participation = min_width (self->participation_column, &self->participation_min);
  int content_min = 0;
  int share;
  gboolean large, narrow;

  /* On a projector or a large screen everything but the countdown (which
   * fits itself to its space) gets larger type too. */
  large = width >= LARGE_WIDTH && height >= LARGE_HEIGHT;

  /* The participation column takes a share of the width (in steps, so that
   * resizing the window relays out seldom), the countdown the rest; when
   * both do not fit, one at a time. */
  share = (int) MIN (width * PARTICIPATION_SHARE, PARTICIPATION_MAX) / 16 * 16;
  narrow = width < timer + MAX (share, participation) + 1;

  if (large != self->want_large || narrow != self->want_narrow ||
      share != self->want_participation_width || !self->layout_applied)
    {
      self->want_large = large;
      self->want_narrow = narrow;
      self->want_participation_width = share;
      self->layout_applied = TRUE;
      if (self->layout_idle_id == 0)
        self->layout_idle_id = g_idle_add (apply_layout, self);
    }

  /* Until the new layout applies, the old one may need more room than
   * there is: it overflows for a frame rather than be squeezed. */
  gtk_widget_measure (self->content, GTK_ORIENTATION_HORIZONTAL, -1,
                      &content_min, NULL, NULL, NULL);
  gtk_widget_allocate (self->content, MAX (width, content_min), height, baseline, NULL);
}

static void
as_meeting_view_map (GtkWidget *widget)
{
  AsMeetingView *self = AS_MEETING_VIEW (widget);

  GTK_WIDGET_CLASS (as_meeting_view_parent_class)->map (widget);

  /* The keys work at once, without a click into the view first. */
  gtk_widget_grab_focus (widget);
  as_ticker_set_active (self->ticker, TRUE);
}

static void
as_meeting_view_unmap (GtkWidget *widget)
{
  AsMeetingView *self = AS_MEETING_VIEW (widget);

  /* Nothing to update off screen: no timer runs. */
  as_ticker_set_active (self->ticker, FALSE);

  GTK_WIDGET_CLASS (as_meeting_view_parent_class)->unmap (widget);
}

static void
as_meeting_view_root (GtkWidget *widget)
{
  AsMeetingView *self = AS_MEETING_VIEW (widget);
  GtkRoot *root;

  GTK_WIDGET_CLASS (as_meeting_view_parent_class)->root (widget);

  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root))
    {
      self->window = GTK_WINDOW (root);
      g_signal_connect_object (root, "notify::fullscreened", G_CALLBACK (on_fullscreened), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (root, "notify::application", G_CALLBACK (update_inhibit), self,
                               G_CONNECT_SWAPPED);
    }
  on_fullscreened (self);
  update_inhibit (self);
}

static void
as_meeting_view_unroot (GtkWidget *widget)
{
  AsMeetingView *self = AS_MEETING_VIEW (widget);

  if (self->window != NULL)
    g_signal_handlers_disconnect_by_data (self->window, self);
  self->window = NULL;
  update_inhibit (self);

  GTK_WIDGET_CLASS (as_meeting_view_parent_class)->unroot (widget);
}

/* GObject overrides */

static void
as_meeting_view_constructed (GObject *object)
{
  AsMeetingView *self = AS_MEETING_VIEW (object);
  AsUndoStack *undo;

  G_OBJECT_CLASS (as_meeting_view_parent_class)->constructed (object);

  g_return_if_fail (AS_IS_SET (self->set));
  g_return_if_fail (AS_IS_MEETING (self->meeting));

  self->session = as_meeting_session_new (self->set, self->meeting, self->clock);
  self->ticker = as_ticker_new (self->session);
  g_signal_connect_object (self->session, "changed", G_CALLBACK (on_session_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->ticker, "tick", G_CALLBACK (on_tick), self, G_CONNECT_SWAPPED);

  if ((undo = as_set_get_undo_stack (self->set)) != NULL)
    {
      g_signal_connect_object (undo, "notify::can-undo", G_CALLBACK (on_undo_changed), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (undo, "notify::can-redo", G_CALLBACK (on_undo_changed), self,
                               G_CONNECT_SWAPPED);
    }

  refresh (self);
}

static void
as_meeting_view_dispose (GObject *object)
{
  AsMeetingView *self = AS_MEETING_VIEW (object);

  if (self->gap_dialog != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->gap_dialog, self);
      gtk_window_destroy (GTK_WINDOW (self->gap_dialog));
      self->gap_dialog = NULL;
    }
  if (self->inhibit_app != NULL && self->inhibit_cookie != 0)
    gtk_application_uninhibit (self->inhibit_app, self->inhibit_cookie);
  self->inhibit_cookie = 0;
  g_clear_object (&self->inhibit_app);

  g_clear_handle_id (&self->layout_idle_id, g_source_remove);
  if (self->ticker != NULL)
    g_signal_handlers_disconnect_by_data (self->ticker, self);
  g_clear_object (&self->ticker);

  gtk_widget_dispose_template (GTK_WIDGET (self), AS_TYPE_MEETING_VIEW);

  g_clear_object (&self->session);
  g_clear_object (&self->settings);
  g_clear_object (&self->meeting);
  g_clear_object (&self->set);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (as_meeting_view_parent_class)->dispose (object);
}

static void
as_meeting_view_finalize (GObject *object)
{
  AsMeetingView *self = AS_MEETING_VIEW (object);

  g_free (self->cue_step_id);
  g_ptr_array_unref (self->strip_cells);
  g_hash_table_unref (self->action_states);
  g_ptr_array_unref (self->tiles);
  g_strfreev (self->tile_ids);

  G_OBJECT_CLASS (as_meeting_view_parent_class)->finalize (object);
}

static void
as_meeting_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AsMeetingView *self = AS_MEETING_VIEW (object);

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
    case PROP_SHOW_CYCLE:
      g_value_set_boolean (value, self->show_cycle);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
as_meeting_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  AsMeetingView *self = AS_MEETING_VIEW (object);

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
    case PROP_SHOW_CYCLE:
      as_meeting_view_set_show_cycle (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
load_css (void)
{
  static gsize loaded;
  GdkDisplay *display = gdk_display_get_default ();

  if (display == NULL || !g_once_init_enter (&loaded))
    return;
  {
    g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (provider, "/org/example/ActionSet/live.css");
    gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }
  g_once_init_leave (&loaded, 1);
}

static void
add_key (GtkWidgetClass  *widget_class,
         guint            keyval,
         GdkModifierType  mods,
         const char      *action)
{
  gtk_widget_class_add_binding_action (widget_class, keyval, mods, action, NULL);
}

static void
as_meeting_view_class_init (AsMeetingViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = as_meeting_view_constructed;
  object_class->dispose = as_meeting_view_dispose;
  object_class->finalize = as_meeting_view_finalize;
  object_class->get_property = as_meeting_view_get_property;
  object_class->set_property = as_meeting_view_set_property;

  widget_class->measure = as_meeting_view_measure;
  widget_class->size_allocate = as_meeting_view_size_allocate;
  widget_class->map = as_meeting_view_map;
  widget_class->unmap = as_meeting_view_unmap;
  widget_class->root = as_meeting_view_root;
  widget_class->unroot = as_meeting_view_unroot;

  properties[PROP_SET] =
    g_param_spec_object ("set", NULL, NULL, AS_TYPE_SET,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MEETING] =
    g_param_spec_object ("meeting", NULL, NULL, AS_TYPE_MEETING,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL, AS_TYPE_CLOCK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_CYCLE] =
    g_param_spec_boolean ("show-cycle", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AsMeetingView::leave:
   *
   * The facilitator asked to go back to where they came from. The meeting
   * goes on; the window decides what to show.
   */
  signals[LEAVE] =
    g_signal_new ("leave",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  g_type_ensure (AS_TYPE_CACHE_BIN);
  g_type_ensure (AS_TYPE_COLOUR_DOT);
  g_type_ensure (AS_TYPE_TIMER_DISPLAY);
  g_type_ensure (AS_TYPE_MEMBER_TILE);
  g_type_ensure (AS_TYPE_TICK_LABEL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/ActionSet/as-meeting-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AsMeetingView, content);
  gtk_widget_class_bind_template_child (widget_class, AsMeetingView, header_bar);
  gtk_widget_class_bind_template_child (widget_class, AsMeetingView, participation_button);
  gtk_widget_class_bind_template_child (widget_class, AsMeetingView, timer_column);
  gtk_widget_class_bind_template_child (widget_class, AsMeetingView, column_separator);
  gtk_widget_class_bind_template_child (widget_class, AsMeetingView, participation_scroller);
  gtk_widget_class_bind_template_child (widget_class, AsMeetingView, participation_column);
  gtk_widget_class_bind_template_child (widget_class, AsMeetingView, title_label);
  gtk_widget_class_bind_template_child (widget_class, AsMeetingView, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, AsMeetingView, fullscreen_button);
  gtk_widget_class_bind_template_child (widget_class, AsMeetingView, status_bar);
  gtk_widget_class_bind_template_child (widget_class, AsMeetingView, status_icon);
  gtk_widget_class_bind_template_child (widget_class, AsMeetingView, status_label);
  gtk_widget_class_bind_template_child (widget_class, AsMeetingView, status_hint);
  gtk_widget_class_bind_template_child (widget_class, AsMeetingView, presenter_row);
  gtk_widget_class_bind_template_child (widget_class, AsMeetingView, presenter_dot);
  gtk_widget_class_bind_template_child (widget_class, AsMeetingView, presenter_label);
  gtk_widget_class_bind_template_child (widget_class, AsMeetingView, round_number_label);
  gtk_widget_class_bind_template_child (widget_class, AsMeetingView, step_label);
  gtk_widget_class_bind_template_child (widget_class, AsMeetingView, timer_card);
  gtk_widget_class_bind_template_child (widget_class, AsMeetingView, countdown);
  gtk_widget_class_bind_template_child (widget_class, AsMeetingView, phase_box);
  gtk_widget_class_bind_template_child (widget_class, AsMeetingView, phase_icon);
  gtk_widget_class_bind_template_child (widget_class, AsMeetingView, phase_label);
  gtk_widget_class_bind_template_child (widget_class, AsMeetingView, round_row);
  gtk_widget_class_bind_template_child (widget_class, AsMeetingView, round_icon);
  gtk_widget_class_bind_template_child (widget_class, AsMeetingView, round_label);
  gtk_widget_class_bind_template_child (widget_class, AsMeetingView, meeting_label);
  gtk_widget_class_bind_template_child (widget_class, AsMeetingView, projected_label);
  gtk_widget_class_bind_template_child (widget_class, AsMeetingView, step_strip);
  gtk_widget_class_bind_template_child (widget_class, AsMeetingView, toggle_button);
  gtk_widget_class_bind_template_child (widget_class, AsMeetingView, toggle_content);
  gtk_widget_class_bind_template_child (widget_class, AsMeetingView, next_step_button);
  gtk_widget_class_bind_template_child (widget_class, AsMeetingView, next_step_content);
  gtk_widget_class_bind_template_child (widget_class, AsMeetingView, meeting_scope_button);
  gtk_widget_class_bind_template_child (widget_class, AsMeetingView, cycle_scope_button);
  gtk_widget_class_bind_template_child (widget_class, AsMeetingView, balance_label);
  gtk_widget_class_bind_template_child (widget_class, AsMeetingView, silent_label);
  gtk_widget_class_bind_template_child (widget_class, AsMeetingView, tiles_box);
  gtk_widget_class_bind_template_callback (widget_class, on_tile_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_scope_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_participation_toggled);

  gtk_widget_class_install_action (widget_class, "meeting.toggle", NULL, toggle_action);
  gtk_widget_class_install_action (widget_class, "meeting.next-step", NULL, next_step_action);
  gtk_widget_class_install_action (widget_class, "meeting.next-round", NULL, next_round_action);
  gtk_widget_class_install_action (widget_class, "meeting.finish", NULL, finish_action);
  gtk_widget_class_install_action (widget_class, "meeting.speaker", "u", speaker_action);
  gtk_widget_class_install_action (widget_class, "meeting.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "meeting.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "meeting.fullscreen", NULL, fullscreen_action);
  gtk_widget_class_install_action (widget_class, "meeting.leave-fullscreen", NULL,
                                   leave_fullscreen_action);
  gtk_widget_class_install_action (widget_class, "meeting.back", NULL, back_action);

  add_key (widget_class, GDK_KEY_space, 0, "meeting.toggle");
  add_key (widget_class, GDK_KEY_KP_Space, 0, "meeting.toggle");
  add_key (widget_class, GDK_KEY_Right, 0, "meeting.next-step");
  add_key (widget_class, GDK_KEY_KP_Right, 0, "meeting.next-step");
  add_key (widget_class, GDK_KEY_n, 0, "meeting.next-step");
  add_key (widget_class, GDK_KEY_Right, GDK_SHIFT_MASK, "meeting.next-round");
  add_key (widget_class, GDK_KEY_KP_Right, GDK_SHIFT_MASK, "meeting.next-round");
  add_key (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "meeting.undo");
  add_key (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "meeting.redo");
  add_key (widget_class, GDK_KEY_F11, 0, "meeting.fullscreen");
  add_key (widget_class, GDK_KEY_Escape, 0, "meeting.leave-fullscreen");
  for (guint n = 0; n <= 9; n++)
    {
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0 + n, 0,
                                           "meeting.speaker", "u", n);
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0 + n, 0,
                                           "meeting.speaker", "u", n);
    }

  gtk_widget_class_set_css_name (widget_class, "meetingview");
}

/* The class's key bindings run before the focused child sees the key
 * (capture rather than bubble), so that Space starts or pauses whichever
 * button or tile has the focus: one key, while talking, always does the
 * same thing. Enter still activates the focused control. */
static void
capture_class_shortcuts (AsMeetingView *self)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (self));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_SHORTCUT_CONTROLLER (controller))
        gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
    }
}

static void
as_meeting_view_init (AsMeetingView *self)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  static const char * const keys[] = {
    "sound-enabled", "monologue-cue", "exclude-presenter-in-questions",
  };

  load_css ();
  gtk_widget_init_template (GTK_WIDGET (self));
  capture_class_shortcuts (self);

  self->strip_cells = g_ptr_array_new_with_free_func (step_cell_free);
  self->action_states = g_hash_table_new (g_str_hash, g_str_equal);
  self->tiles = g_ptr_array_new ();

  self->settings = g_settings_new (APP_ID);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autoptr(GAction) action = g_settings_create_action (self->settings, keys[i]);

      g_action_map_add_action (G_ACTION_MAP (group), action);
    }
  gtk_widget_insert_action_group (GTK_WIDGET (self), "settings", G_ACTION_GROUP (group));
  g_signal_connect_object (self->settings, "changed", G_CALLBACK (on_settings_changed), self,
                           G_CONNECT_SWAPPED);
  read_settings (self);
}

/* Public API */

GtkWidget *
as_meeting_view_new (AsSet     *set,
                     AsMeeting *meeting,
                     AsClock   *clock)
{
  g_return_val_if_fail (AS_IS_SET (set), NULL);
  g_return_val_if_fail (AS_IS_MEETING (meeting), NULL);
  g_return_val_if_fail (clock == NULL || AS_IS_CLOCK (clock), NULL);

  return g_object_new (AS_TYPE_MEETING_VIEW,
                       "set", set,
                       "meeting", meeting,
                       "clock", clock,
                       NULL);
}

AsSet *
as_meeting_view_get_set (AsMeetingView *self)
{
  g_return_val_if_fail (AS_IS_MEETING_VIEW (self), NULL);
  return self->set;
}

AsMeeting *
as_meeting_view_get_meeting (AsMeetingView *self)
{
  g_return_val_if_fail (AS_IS_MEETING_VIEW (self), NULL);
  return self->meeting;
}

AsMeetingSession *
as_meeting_view_get_session (AsMeetingView *self)
{
  g_return_val_if_fail (AS_IS_MEETING_VIEW (self), NULL);
  return self->session;
}

AsTicker *
as_meeting_view_get_ticker (AsMeetingView *self)
{
  g_return_val_if_fail (AS_IS_MEETING_VIEW (self), NULL);
  return self->ticker;
}

gboolean
as_meeting_view_get_show_cycle (AsMeetingView *self)
{
  g_return_val_if_fail (AS_IS_MEETING_VIEW (self), FALSE);
  return self->show_cycle;
}

void
as_meeting_view_set_show_cycle (AsMeetingView *self,
                                gboolean       show_cycle)
{
  g_return_if_fail (AS_IS_MEETING_VIEW (self));

  show_cycle = !!show_cycle;
  if (self->show_cycle == show_cycle)
    return;
  self->show_cycle = show_cycle;
  gtk_toggle_button_set_active (show_cycle ? self->cycle_scope_button
                                           : self->meeting_scope_button, TRUE);
  if (self->session != NULL)
    refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_CYCLE]);
}

AsMeeting *
as_meeting_view_find_meeting (AsSet      *set,
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

gboolean
as_meeting_view_get_inhibiting (AsMeetingView *self)
{
  g_return_val_if_fail (AS_IS_MEETING_VIEW (self), FALSE);
  return self->inhibit_cookie != 0;
}
