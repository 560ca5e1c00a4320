/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "as-meeting-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "as-banner.h"
#include "as-cache-bin.h"
#include "as-meeting-controls.h"
#include "as-meeting-view.h"
#include "as-participation-panel.h"
#include "as-projected-view.h"
#include "as-step-strip.h"
#include "as-timer-panel.h"
#include "as-ui-util.h"
#include "as-words.h"

/* From this size on the view uses its large type (the "large" class). */
#define LARGE_WIDTH      1600
#define LARGE_HEIGHT     900

/* The share of the width for the participation figures, and its limit. */
#define PARTICIPATION_SHARE 0.42
#define PARTICIPATION_MAX   760

struct _AsMeetingView
{
  GtkWidget             parent_instance;

  AsLiveMeeting        *live;
  AsMeetingSession     *session;
  GtkWidget            *presentation;   /* the projected view, while presenting */
  char                 *accessible_state;

  /* Template children */
  GtkWidget            *content;
  GtkWidget            *header_bar;
  GtkToggleButton      *participation_button;
  GtkWidget            *fullscreen_button;
  GtkLabel             *title_label;
  GtkLabel             *subtitle_label;
  GtkWidget            *status_bar;
  GtkImage             *status_icon;
  GtkLabel             *status_label;
  GtkLabel             *status_hint;
  AsBanner             *screen_banner;
  GtkStack             *stack;
  GtkWidget            *main_box;
  GtkWidget            *timer_column;
  AsTimerPanel         *timer_panel;
  AsStepStrip          *step_strip;
  AsMeetingControls    *controls;
  GtkWidget            *column_separator;
  GtkWidget            *participation_scroller;
  AsParticipationPanel *participation_panel;
  GMenu                *screen_submenu;

  /* The layout wanted for the last allocation, applied in an idle. */
  gboolean              want_large;
  gboolean              want_narrow;
  int                   want_participation_width;
  gboolean              layout_applied;
  guint                 layout_idle_id;
  int                   timer_min;
  int                   participation_min;
};

G_DEFINE_FINAL_TYPE (AsMeetingView, as_meeting_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LIVE,
  PROP_SHOW_CYCLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static void
refresh_titles (AsMeetingView *self)
{
  AsMeeting *meeting = as_meeting_session_get_meeting (self->session);
  g_autofree char *date = as_words_date (as_meeting_get_start (meeting));
  const char *place = as_meeting_get_place (meeting);
  g_autofree char *subtitle = NULL;

  as_ui_set_text (self->title_label, as_ui_set_display_name (as_meeting_session_get_set (self->session)));
  if (place != NULL && *place != '\0')
    /* Translators: a meeting's date and place, under the set's name. */
    subtitle = g_strdup_printf (_("%s · %s"), date, place);
  else
    subtitle = g_steal_pointer (&date);
  as_ui_set_text (self->subtitle_label, subtitle);
}

static void
refresh_status (AsMeetingView *self,
                AsTimerState   state)
{
  as_ui_show_timer_state (self->status_bar, self->status_icon, self->status_label, state);
  switch (state)
    {
    case AS_TIMER_NOT_STARTED:
      as_ui_set_text (self->status_hint, _("Press Space to start the meeting"));
      break;
    case AS_TIMER_PAUSED:
      as_ui_set_text (self->status_hint, _("Press Space to resume"));
      break;
    case AS_TIMER_FINISHED:
      as_ui_set_text (self->status_hint, _("Ctrl+Z takes the last step back"));
      break;
    case AS_TIMER_RUNNING:
    default:
      break;
    }
}

/* The state in words on the view itself, which has the focus while the
 * meeting runs: a screen reader reads the focused widget's description
 * when it changes, at each step, pause, warning and overtime (GTK 4.8 has
 * no way to announce text that has no focus). */
static void
refresh_accessible (AsMeetingView *self,
                    AsTimerState   state)
{
  AsStep *step = as_meeting_session_get_shown_step (self->session);
  AsTimePhase phase = AS_TIME_NORMAL;
  g_autofree char *text = NULL;
  const char *step_name = step ? as_step_kind_to_label (as_step_get_kind (step)) : "";

  if (step != NULL && (state == AS_TIMER_RUNNING || state == AS_TIMER_PAUSED))
    phase = as_meeting_session_step_phase (self->session, step);

  switch (state)
    {
    case AS_TIMER_NOT_STARTED:
      text = g_strdup (_("Not started. Press Space to start the meeting."));
      break;
    case AS_TIMER_FINISHED:
      text = g_strdup (_("Meeting finished."));
      break;
    case AS_TIMER_PAUSED:
      /* Translators: for a screen reader, "Paused: Questions". */
      text = g_strdup_printf (_("Paused: %s"), step_name);
      break;
    case AS_TIMER_RUNNING:
    default:
      if (phase == AS_TIME_OVERTIME)
        /* Translators: for a screen reader, "Questions: overtime". */
        text = g_strdup_printf (_("%s: overtime"), step_name);
      else if (phase == AS_TIME_WARNING)
        /* Translators: for a screen reader, "Questions: nearly over". */
        text = g_strdup_printf (_("%s: nearly over"), step_name);
      else
        /* Translators: for a screen reader, the step that runs, "Questions: now". */
        text = g_strdup_printf (_("%s: now"), step_name);
      break;
    }
  if (g_strcmp0 (text, self->accessible_state) != 0)
    {
      g_free (self->accessible_state);
      self->accessible_state = g_steal_pointer (&text);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      self->accessible_state, -1);
    }
}

static void
refresh (AsMeetingView *self)
{
  AsTimerState state = as_meeting_session_get_state (self->session);

  refresh_titles (self);
  refresh_status (self, state);
  refresh_accessible (self, state);
}

/* Callbacks */

static void
on_tick (AsMeetingView *self)
{
  /* Only the phase in words can change with time here. */
  refresh_accessible (self, as_meeting_session_get_state (self->session));
}

static void
on_fullscreened (AsMeetingView *self)
{
  GtkWindow *window = as_live_meeting_get_window (self->live);
  gboolean fullscreen = window != NULL && gtk_window_is_fullscreen (window);

  gtk_button_set_icon_name (GTK_BUTTON (self->fullscreen_button),
                            fullscreen ? "view-restore-symbolic" : "view-fullscreen-symbolic");
  as_ui_set_tooltip (self->fullscreen_button,
                     fullscreen ? _("Leave Fullscreen (F11)") : _("Fullscreen (F11)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->fullscreen_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  fullscreen ? _("Leave Fullscreen") : _("Fullscreen"),
                                  -1);
}

/* Presentation mode: the projected view in this window, for a room with
 * one screen; the facilitator's controls come back with Escape or F5. */
static void
on_presenting (AsMeetingView *self)
{
  gboolean presenting = as_live_meeting_get_presenting (self->live);

  if (presenting && self->presentation == NULL)
    {
      self->presentation = as_projected_view_new (self->live);
      gtk_stack_add_named (self->stack, self->presentation, "presentation");
    }
  gtk_stack_set_visible_child_name (self->stack, presenting ? "presentation" : "meeting");
  as_ui_set_visible (self->header_bar, !presenting);
  if (!presenting && self->presentation != NULL)
    {
      gtk_stack_remove (self->stack, self->presentation);
      self->presentation = NULL;
    }
  if (!presenting)
    refresh (self);
  else
    as_ui_set_visible (self->status_bar, FALSE);
  /* The keys stay with the view. */
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
on_show_cycle (AsMeetingView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_CYCLE]);
}

static void
on_screen_offered (AsMeetingView *self)
{
  as_banner_set_revealed (self->screen_banner, as_live_meeting_get_screen_offered (self->live));
}

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

  as_ui_set_class (GTK_WIDGET (self), "large", self->want_large);
  as_ui_set_visible (GTK_WIDGET (self->participation_button), narrow);
  as_ui_set_visible (self->column_separator, !narrow);
  as_ui_set_visible (self->timer_column, !narrow || !show_participation);
  as_ui_set_visible (self->participation_scroller, show_participation);
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

/* GtkWidget overrides */

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
                                   min_width (GTK_WIDGET (self->participation_panel),
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
  int participation = min_width (GTK_WIDGET (self->participation_panel),
                                 &self->participation_min);
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
  as_ticker_hold (as_live_meeting_get_ticker (self->live));
}

static void
as_meeting_view_unmap (GtkWidget *widget)
{
  AsMeetingView *self = AS_MEETING_VIEW (widget);

  /* Nothing to update off screen: no timer runs for this view. */
  as_ticker_release (as_live_meeting_get_ticker (self->live));

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
      as_live_meeting_set_window (self->live, GTK_WINDOW (root));
      g_signal_connect_object (root, "notify::fullscreened", G_CALLBACK (on_fullscreened), self,
                               G_CONNECT_SWAPPED);
    }
  on_fullscreened (self);
}

static void
as_meeting_view_unroot (GtkWidget *widget)
{
  AsMeetingView *self = AS_MEETING_VIEW (widget);
  GtkWindow *window = as_live_meeting_get_window (self->live);

  if (window != NULL && GTK_WIDGET (window) == GTK_WIDGET (gtk_widget_get_root (widget)))
    {
      g_signal_handlers_disconnect_by_data (window, self);
      as_live_meeting_set_window (self->live, NULL);
    }

  GTK_WIDGET_CLASS (as_meeting_view_parent_class)->unroot (widget);
}

/* GObject overrides */

static void
as_meeting_view_constructed (GObject *object)
{
  AsMeetingView *self = AS_MEETING_VIEW (object);
  AsTicker *ticker;

  G_OBJECT_CLASS (as_meeting_view_parent_class)->constructed (object);

  g_return_if_fail (AS_IS_LIVE_MEETING (self->live));

  ticker = as_live_meeting_get_ticker (self->live);
  self->session = g_object_ref (as_live_meeting_get_session (self->live));
  as_live_meeting_attach (self->live, GTK_WIDGET (self));
  as_timer_panel_set_ticker (self->timer_panel, ticker);
  as_step_strip_set_ticker (self->step_strip, ticker);
  as_meeting_controls_set_session (self->controls, self->session);
  as_participation_panel_set_ticker (self->participation_panel, ticker);
  g_menu_append_section (self->screen_submenu, NULL,
                         as_live_meeting_get_screen_menu (self->live));

  g_signal_connect_object (self->session, "changed", G_CALLBACK (refresh), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (ticker, "tick", G_CALLBACK (on_tick), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->live, "notify::presenting", G_CALLBACK (on_presenting), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->live, "notify::screen-offered",
                           G_CALLBACK (on_screen_offered), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->participation_panel, "notify::show-cycle",
                           G_CALLBACK (on_show_cycle), self, G_CONNECT_SWAPPED);

  as_banner_add_button (self->screen_banner, _("_Not Now"), "meeting.dismiss-screen");
  as_banner_add_button (self->screen_banner, _("_Show Projected View"), "meeting.project");
  refresh (self);
  on_screen_offered (self);
}

static void
as_meeting_view_dispose (GObject *object)
{
  AsMeetingView *self = AS_MEETING_VIEW (object);

  g_clear_handle_id (&self->layout_idle_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), AS_TYPE_MEETING_VIEW);
  self->presentation = NULL;
  g_clear_object (&self->session);
  g_clear_object (&self->live);

  G_OBJECT_CLASS (as_meeting_view_parent_class)->dispose (object);
}

static void
as_meeting_view_finalize (GObject *object)
{
  AsMeetingView *self = AS_MEETING_VIEW (object);

  g_free (self->accessible_state);

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
    case PROP_LIVE:
      g_value_set_object (value, self->live);
      break;
    case PROP_SHOW_CYCLE:
      g_value_set_boolean (value, as_meeting_view_get_show_cycle (self));
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
    case PROP_LIVE:
      self->live = g_value_dup_object (value);
      break;
    case PROP_SHOW_CYCLE:
      as_meeting_view_set_show_cycle (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
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

  properties[PROP_LIVE] =
    g_param_spec_object ("live", NULL, NULL, AS_TYPE_LIVE_MEETING,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_CYCLE] =
    g_param_spec_boolean ("show-cycle", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (AS_TYPE_BANNER);
  g_type_ensure (AS_TYPE_CACHE_BIN);
  g_type_ensure (AS_TYPE_MEETING_CONTROLS);
  g_type_ensure (AS_TYPE_PARTICIPATION_PANEL);
  g_type_ensure (AS_TYPE_STEP_STRIP);
  g_type_ensure (AS_TYPE_TIMER_PANEL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/ActionSet/as-meeting-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AsMeetingView, content);
  gtk_widget_class_bind_template_child (widget_class, AsMeetingView, header_bar);
  gtk_widget_class_bind_template_child (widget_class, AsMeetingView, participation_button);
  gtk_widget_class_bind_template_child (widget_class, AsMeetingView, fullscreen_button);
  gtk_widget_class_bind_template_child (widget_class, AsMeetingView, title_label);
  gtk_widget_class_bind_template_child (widget_class, AsMeetingView, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, AsMeetingView, status_bar);
  gtk_widget_class_bind_template_child (widget_class, AsMeetingView, status_icon);
  gtk_widget_class_bind_template_child (widget_class, AsMeetingView, status_label);
  gtk_widget_class_bind_template_child (widget_class, AsMeetingView, status_hint);
  gtk_widget_class_bind_template_child (widget_class, AsMeetingView, screen_banner);
  gtk_widget_class_bind_template_child (widget_class, AsMeetingView, stack);
  gtk_widget_class_bind_template_child (widget_class, AsMeetingView, main_box);
  gtk_widget_class_bind_template_child (widget_class, AsMeetingView, timer_column);
  gtk_widget_class_bind_template_child (widget_class, AsMeetingView, timer_panel);
  gtk_widget_class_bind_template_child (widget_class, AsMeetingView, step_strip);
  gtk_widget_class_bind_template_child (widget_class, AsMeetingView, controls);
  gtk_widget_class_bind_template_child (widget_class, AsMeetingView, column_separator);
  gtk_widget_class_bind_template_child (widget_class, AsMeetingView, participation_scroller);
  gtk_widget_class_bind_template_child (widget_class, AsMeetingView, participation_panel);
  gtk_widget_class_bind_template_child (widget_class, AsMeetingView, screen_submenu);
  gtk_widget_class_bind_template_callback (widget_class, on_participation_toggled);

  gtk_widget_class_set_css_name (widget_class, "meetingview");
}

static void
as_meeting_view_init (AsMeetingView *self)
{
  as_ui_load_live_css ();
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_add_css_class (GTK_WIDGET (self), "live");
}

/* Public API */

GtkWidget *
as_meeting_view_new (AsLiveMeeting *live)
{
  g_return_val_if_fail (AS_IS_LIVE_MEETING (live), NULL);

  return g_object_new (AS_TYPE_MEETING_VIEW, "live", live, NULL);
}

AsLiveMeeting *
as_meeting_view_get_live (AsMeetingView *self)
{
  g_return_val_if_fail (AS_IS_MEETING_VIEW (self), NULL);
  return self->live;
}

AsSet *
as_meeting_view_get_set (AsMeetingView *self)
{
  g_return_val_if_fail (AS_IS_MEETING_VIEW (self), NULL);
  return as_live_meeting_get_set (self->live);
}

AsMeeting *
as_meeting_view_get_meeting (AsMeetingView *self)
{
  g_return_val_if_fail (AS_IS_MEETING_VIEW (self), NULL);
  return as_live_meeting_get_meeting (self->live);
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
  return as_live_meeting_get_ticker (self->live);
}

gboolean
as_meeting_view_get_show_cycle (AsMeetingView *self)
{
  g_return_val_if_fail (AS_IS_MEETING_VIEW (self), FALSE);
  return as_participation_panel_get_show_cycle (self->participation_panel);
}

void
as_meeting_view_set_show_cycle (AsMeetingView *self,
                                gboolean       show_cycle)
{
  g_return_if_fail (AS_IS_MEETING_VIEW (self));

  /* The panel notifies, and the view passes it on. */
  as_participation_panel_set_show_cycle (self->participation_panel, show_cycle);
}
