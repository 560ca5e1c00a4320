/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "as-projected-view"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "as-cache-bin.h"
#include "as-participation-panel.h"
#include "as-projected-view.h"
#include "as-step-strip.h"
#include "as-timer-panel.h"
#include "as-ui-util.h"

/* From this size on the view uses its large type (the "large" class). */
#define LARGE_WIDTH  1600
#define LARGE_HEIGHT 900
/* From this size on (a 4K screen at scale 1), larger still ("huge"). */
#define HUGE_WIDTH   2500
#define HUGE_HEIGHT  1400
/* The share of the width for the participation figures. */
#define PARTICIPATION_SHARE 0.42

struct _AsProjectedView
{
  GtkWidget             parent_instance;

  AsLiveMeeting        *live;
  AsMeetingSession     *session;

  /* The layout wanted for the last allocation, applied in an idle. */
  gboolean              want_large;
  gboolean              want_huge;
  int                   want_participation_width;
  guint                 layout_idle_id;

  GtkWidget            *content;
  GtkWidget            *status_bar;
  GtkImage             *status_icon;
  GtkLabel             *status_label;
  GtkWidget            *revealed_card;
  GtkLabel             *revealed_heading;
  GtkLabel             *revealed_text;
  AsTimerPanel         *timer_panel;
  AsStepStrip          *step_strip;
  GtkLabel             *speaker_label;
  GtkLabel             *questions_label;
  GtkLabel             *actions_label;
  AsParticipationPanel *participation_panel;
  GtkWidget            *participation_scroller;
};

G_DEFINE_FINAL_TYPE (AsProjectedView, as_projected_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static void
refresh_status (AsProjectedView *self)
{
  as_ui_show_timer_state (self->status_bar, self->status_icon, self->status_label,
                          as_meeting_session_get_state (self->session));
}

static void
refresh_speaker (AsProjectedView *self)
{
  AsSet *set = as_meeting_session_get_set (self->session);
  const char *speaker = as_meeting_session_get_speaker (self->session);
  g_autofree char *text = NULL;

  if (speaker != NULL)
    /* Translators: who is speaking now, on the projected screen. */
    text = g_strdup_printf (_("Speaking: %s"), as_set_member_name (set, speaker));
  else if (as_meeting_session_get_state (self->session) == AS_TIMER_RUNNING)
    text = g_strdup (_("Nobody is marked as speaking"));
  as_ui_set_text (self->speaker_label, text ? text : "");
  as_ui_set_visible (GTK_WIDGET (self->speaker_label), text != NULL);
}

/* Counts, never text: how many questions of each kind, how many actions. */
static void
refresh_counts (AsProjectedView *self)
{
  AsSet *set = as_meeting_session_get_set (self->session);
  AsMeeting *meeting = as_meeting_session_get_meeting (self->session);
  GListModel *questions = as_meeting_get_questions (meeting);
  GListModel *actions = as_set_get_actions (set);
  const char *meeting_id = as_entity_get_id (AS_ENTITY (meeting));
  guint open = 0, closed = 0, advice = 0, total, agreed = 0;
  g_autofree char *questions_text = NULL;
  g_autofree char *actions_text = NULL;

  total = g_list_model_get_n_items (questions);
  for (guint i = 0; i < total; i++)
    {
      g_autoptr(AsQuestion) question = g_list_model_get_item (questions, i);

      switch (as_question_get_tag (question))
        {
        case AS_QUESTION_OPEN:
          open++;
          break;
        case AS_QUESTION_CLOSED:
          closed++;
          break;
        case AS_QUESTION_ADVICE:
          advice++;
          break;
        case AS_QUESTION_UNTAGGED:
        default:
          break;
        }
    }
  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(AsAction) action = g_list_model_get_item (actions, i);

      if (g_strcmp0 (as_action_get_meeting (action), meeting_id) == 0)
        agreed++;
    }

  /* Translators: the questions asked in this meeting by kind, on the
   * projected screen: "12 questions: 8 open, 3 closed, 1 advice". */
  questions_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "%u question: %u open, %u closed, %u advice",
                                                 "%u questions: %u open, %u closed, %u advice",
                                                 total),
                                    total, open, closed, advice);
  actions_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u action agreed",
                                               "%u actions agreed", agreed), agreed);
  as_ui_set_text (self->questions_label, questions_text);
  as_ui_set_text (self->actions_label, actions_text);
}

static void
refresh_revealed (AsProjectedView *self)
{
  const char *text = as_live_meeting_get_revealed_text (self->live);
  const char *heading = as_live_meeting_get_revealed_heading (self->live);

  as_ui_set_visible (self->revealed_card, text != NULL);
  as_ui_set_text (self->revealed_heading, heading ? heading : "");
  as_ui_set_visible (GTK_WIDGET (self->revealed_heading), heading != NULL && *heading != '\0');
  as_ui_set_text (self->revealed_text, text ? text : "");
}

static void
refresh (AsProjectedView *self)
{
  refresh_status (self);
  refresh_speaker (self);
  refresh_counts (self);
}

static gboolean
apply_layout (gpointer data)
{
  AsProjectedView *self = data;

  self->layout_idle_id = 0;
  as_ui_set_class (GTK_WIDGET (self), "large", self->want_large);
  as_ui_set_class (GTK_WIDGET (self), "huge", self->want_huge);
  gtk_widget_set_size_request (self->participation_scroller,
                               self->want_participation_width, -1);
  return G_SOURCE_REMOVE;
}

/* GtkWidget overrides */

static void
as_projected_view_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  AsProjectedView *self = AS_PROJECTED_VIEW (widget);
  gboolean large = width >= LARGE_WIDTH && height >= LARGE_HEIGHT;
  gboolean huge = width >= HUGE_WIDTH && height >= HUGE_HEIGHT;
  /* In steps, so that resizing the window relays out seldom. */
  int share = (int) (width * PARTICIPATION_SHARE) / 16 * 16;

  if (large != self->want_large || huge != self->want_huge ||
      share != self->want_participation_width)
    {
      self->want_large = large;
      self->want_huge = huge;
      self->want_participation_width = share;
      if (self->layout_idle_id == 0)
        self->layout_idle_id = g_idle_add (apply_layout, self);
    }
  gtk_widget_allocate (self->content, width, height, baseline, NULL);
}

static void
as_projected_view_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  AsProjectedView *self = AS_PROJECTED_VIEW (widget);

  gtk_widget_measure (self->content, orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
as_projected_view_map (GtkWidget *widget)
{
  AsProjectedView *self = AS_PROJECTED_VIEW (widget);

  GTK_WIDGET_CLASS (as_projected_view_parent_class)->map (widget);
  as_ticker_hold (as_live_meeting_get_ticker (self->live));
}

static void
as_projected_view_unmap (GtkWidget *widget)
{
  AsProjectedView *self = AS_PROJECTED_VIEW (widget);

  as_ticker_release (as_live_meeting_get_ticker (self->live));
  GTK_WIDGET_CLASS (as_projected_view_parent_class)->unmap (widget);
}

/* GObject overrides */

static void
as_projected_view_constructed (GObject *object)
{
  AsProjectedView *self = AS_PROJECTED_VIEW (object);
  AsTicker *ticker;

  G_OBJECT_CLASS (as_projected_view_parent_class)->constructed (object);

  g_return_if_fail (AS_IS_LIVE_MEETING (self->live));

  ticker = as_live_meeting_get_ticker (self->live);
  self->session = g_object_ref (as_live_meeting_get_session (self->live));
  as_timer_panel_set_ticker (self->timer_panel, ticker);
  as_step_strip_set_ticker (self->step_strip, ticker);
  as_participation_panel_set_ticker (self->participation_panel, ticker);

  g_signal_connect_object (self->session, "changed", G_CALLBACK (refresh), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->live, "notify::revealed-text", G_CALLBACK (refresh_revealed),
                           self, G_CONNECT_SWAPPED);
  refresh (self);
  refresh_revealed (self);
}

static void
as_projected_view_dispose (GObject *object)
{
  AsProjectedView *self = AS_PROJECTED_VIEW (object);

  g_clear_handle_id (&self->layout_idle_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), AS_TYPE_PROJECTED_VIEW);
  g_clear_object (&self->session);
  g_clear_object (&self->live);

  G_OBJECT_CLASS (as_projected_view_parent_class)->dispose (object);
}

static void
as_projected_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AsProjectedView *self = AS_PROJECTED_VIEW (object);

  switch (prop_id)
    {
    case PROP_LIVE:
      g_value_set_object (value, self->live);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
as_projected_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  AsProjectedView *self = AS_PROJECTED_VIEW (object);

  switch (prop_id)
    {
    case PROP_LIVE:
      self->live = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
as_projected_view_class_init (AsProjectedViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = as_projected_view_constructed;
  object_class->dispose = as_projected_view_dispose;
  object_class->get_property = as_projected_view_get_property;
  object_class->set_property = as_projected_view_set_property;

  widget_class->measure = as_projected_view_measure;
  widget_class->size_allocate = as_projected_view_size_allocate;
  widget_class->map = as_projected_view_map;
  widget_class->unmap = as_projected_view_unmap;

  properties[PROP_LIVE] =
    g_param_spec_object ("live", NULL, NULL, AS_TYPE_LIVE_MEETING,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (AS_TYPE_CACHE_BIN);
  g_type_ensure (AS_TYPE_TIMER_PANEL);
  g_type_ensure (AS_TYPE_STEP_STRIP);
  g_type_ensure (AS_TYPE_PARTICIPATION_PANEL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/ActionSet/as-projected-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AsProjectedView, content);
  gtk_widget_class_bind_template_child (widget_class, AsProjectedView, status_bar);
  gtk_widget_class_bind_template_child (widget_class, AsProjectedView, status_icon);
  gtk_widget_class_bind_template_child (widget_class, AsProjectedView, status_label);
  gtk_widget_class_bind_template_child (widget_class, AsProjectedView, revealed_card);
  gtk_widget_class_bind_template_child (widget_class, AsProjectedView, revealed_heading);
  gtk_widget_class_bind_template_child (widget_class, AsProjectedView, revealed_text);
  gtk_widget_class_bind_template_child (widget_class, AsProjectedView, timer_panel);
  gtk_widget_class_bind_template_child (widget_class, AsProjectedView, step_strip);
  gtk_widget_class_bind_template_child (widget_class, AsProjectedView, speaker_label);
  gtk_widget_class_bind_template_child (widget_class, AsProjectedView, questions_label);
  gtk_widget_class_bind_template_child (widget_class, AsProjectedView, actions_label);
  gtk_widget_class_bind_template_child (widget_class, AsProjectedView, participation_panel);
  gtk_widget_class_bind_template_child (widget_class, AsProjectedView, participation_scroller);

  gtk_widget_class_set_css_name (widget_class, "projectedview");
}

static void
as_projected_view_init (AsProjectedView *self)
{
  self->want_participation_width = -1;
  as_ui_load_live_css ();
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_add_css_class (GTK_WIDGET (self), "live");
  gtk_widget_add_css_class (GTK_WIDGET (self), "projected");
}

/* Public API */

GtkWidget *
as_projected_view_new (AsLiveMeeting *live)
{
  g_return_val_if_fail (AS_IS_LIVE_MEETING (live), NULL);

  return g_object_new (AS_TYPE_PROJECTED_VIEW, "live", live, NULL);
}

AsLiveMeeting *
as_projected_view_get_live (AsProjectedView *self)
{
  g_return_val_if_fail (AS_IS_PROJECTED_VIEW (self), NULL);
  return self->live;
}
