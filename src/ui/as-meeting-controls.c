/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "as-meeting-controls"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "as-meeting-controls.h"
#include "as-ui-util.h"

struct _AsMeetingControls
{
  GtkWidget         parent_instance;

  AsMeetingSession *session;

  GtkWidget        *controls;
  GtkWidget        *toggle_button;
  AdwButtonContent *toggle_content;
  GtkWidget        *next_step_button;
  AdwButtonContent *next_step_content;
};

G_DEFINE_FINAL_TYPE (AsMeetingControls, as_meeting_controls, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static void
set_content (AdwButtonContent *content,
             GtkWidget        *button,
             const char       *label,
             const char       *icon,
             const char       *tooltip)
{
  if (g_strcmp0 (adw_button_content_get_label (content), label) != 0)
    adw_button_content_set_label (content, label);
  if (g_strcmp0 (adw_button_content_get_icon_name (content), icon) != 0)
    adw_button_content_set_icon_name (content, icon);
  as_ui_set_tooltip (button, tooltip);
}

static void
refresh (AsMeetingControls *self)
{
  AsTimerState state;
  AsStep *step;
  gboolean live;

  if (self->session == NULL)
    return;

  state = as_meeting_session_get_state (self->session);
  step = as_meeting_session_get_current_step (self->session);
  live = state == AS_TIMER_RUNNING || state == AS_TIMER_PAUSED;

  switch (state)
    {
    case AS_TIMER_NOT_STARTED:
      set_content (self->toggle_content, self->toggle_button, _("_Start"),
                   "media-playback-start-symbolic", _("Start the meeting (Space)"));
      break;
    case AS_TIMER_RUNNING:
      set_content (self->toggle_content, self->toggle_button, _("_Pause"),
                   "media-playback-pause-symbolic", _("Pause the timers (Space)"));
      break;
    case AS_TIMER_PAUSED:
      set_content (self->toggle_content, self->toggle_button, _("_Resume"),
                   "media-playback-start-symbolic", _("Resume the timers (Space)"));
      break;
    case AS_TIMER_FINISHED:
    default:
      set_content (self->toggle_content, self->toggle_button, _("Finished"),
                   "object-select-symbolic", _("The meeting is finished"));
      break;
    }

  if (live && step != NULL && as_meeting_session_is_last_step (self->session, step))
    set_content (self->next_step_content, self->next_step_button, _("_Finish Meeting"),
                 "object-select-symbolic", _("Finish the last step and the meeting (Right)"));
  else
    set_content (self->next_step_content, self->next_step_button, _("_Next Step"),
                 "go-next-symbolic", _("Finish this step and start the next (Right or N)"));
}

/* GObject overrides */

static void
as_meeting_controls_dispose (GObject *object)
{
  AsMeetingControls *self = AS_MEETING_CONTROLS (object);

  as_meeting_controls_set_session (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), AS_TYPE_MEETING_CONTROLS);

  G_OBJECT_CLASS (as_meeting_controls_parent_class)->dispose (object);
}

static void
as_meeting_controls_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AsMeetingControls *self = AS_MEETING_CONTROLS (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
as_meeting_controls_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  AsMeetingControls *self = AS_MEETING_CONTROLS (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      as_meeting_controls_set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
as_meeting_controls_class_init (AsMeetingControlsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = as_meeting_controls_dispose;
  object_class->get_property = as_meeting_controls_get_property;
  object_class->set_property = as_meeting_controls_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, AS_TYPE_MEETING_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/ActionSet/as-meeting-controls.ui");
  gtk_widget_class_bind_template_child (widget_class, AsMeetingControls, controls);
  gtk_widget_class_bind_template_child (widget_class, AsMeetingControls, toggle_button);
  gtk_widget_class_bind_template_child (widget_class, AsMeetingControls, toggle_content);
  gtk_widget_class_bind_template_child (widget_class, AsMeetingControls, next_step_button);
  gtk_widget_class_bind_template_child (widget_class, AsMeetingControls, next_step_content);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "meetingcontrols");
}

static void
as_meeting_controls_init (AsMeetingControls *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

GtkWidget *
as_meeting_controls_new (AsMeetingSession *session)
{
  g_return_val_if_fail (session == NULL || AS_IS_MEETING_SESSION (session), NULL);

  return g_object_new (AS_TYPE_MEETING_CONTROLS, "session", session, NULL);
}

AsMeetingSession *
as_meeting_controls_get_session (AsMeetingControls *self)
{
  g_return_val_if_fail (AS_IS_MEETING_CONTROLS (self), NULL);
  return self->session;
}

void
as_meeting_controls_set_session (AsMeetingControls *self,
                                 AsMeetingSession  *session)
{
  g_return_if_fail (AS_IS_MEETING_CONTROLS (self));
  g_return_if_fail (session == NULL || AS_IS_MEETING_SESSION (session));

  if (self->session == session)
    return;
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);
  if (session != NULL)
    {
      g_signal_connect_object (session, "changed", G_CALLBACK (refresh), self,
                               G_CONNECT_SWAPPED);
      refresh (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}
