/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "as-projector-window"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "as-projected-view.h"
#include "as-projector-window.h"
#include "as-ui-util.h"

struct _AsProjectorWindow
{
  AdwWindow      parent_instance;

  AsLiveMeeting *live;
};

G_DEFINE_FINAL_TYPE (AsProjectorWindow, as_projector_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_LIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static void
update_title (AsProjectorWindow *self)
{
  g_autofree char *title = NULL;

  /* Translators: the title of the window shown on the room's screen. */
  title = g_strdup_printf (_("%s — Projected"),
                           as_ui_set_display_name (as_live_meeting_get_set (self->live)));
  gtk_window_set_title (GTK_WINDOW (self), title);
}

/* GObject overrides */

static void
as_projector_window_constructed (GObject *object)
{
  AsProjectorWindow *self = AS_PROJECTOR_WINDOW (object);
  GtkWindow *facilitator;

  G_OBJECT_CLASS (as_projector_window_parent_class)->constructed (object);

  g_return_if_fail (AS_IS_LIVE_MEETING (self->live));

  adw_window_set_content (ADW_WINDOW (self), as_projected_view_new (self->live));
  as_live_meeting_attach (self->live, GTK_WIDGET (self));
  update_title (self);
  g_signal_connect_object (as_live_meeting_get_set (self->live), "notify::name",
                           G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);

  /* The same application, so that it closes with the app, but not modal
   * nor transient: it lives on another screen. */
  if ((facilitator = as_live_meeting_get_window (self->live)) != NULL)
    gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (facilitator));
}

static void
as_projector_window_dispose (GObject *object)
{
  AsProjectorWindow *self = AS_PROJECTOR_WINDOW (object);

  g_clear_object (&self->live);

  G_OBJECT_CLASS (as_projector_window_parent_class)->dispose (object);
}

static void
as_projector_window_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AsProjectorWindow *self = AS_PROJECTOR_WINDOW (object);

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
as_projector_window_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  AsProjectorWindow *self = AS_PROJECTOR_WINDOW (object);

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
as_projector_window_class_init (AsProjectorWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = as_projector_window_constructed;
  object_class->dispose = as_projector_window_dispose;
  object_class->get_property = as_projector_window_get_property;
  object_class->set_property = as_projector_window_set_property;

  properties[PROP_LIVE] =
    g_param_spec_object ("live", NULL, NULL, AS_TYPE_LIVE_MEETING,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
as_projector_window_init (AsProjectorWindow *self)
{
  gtk_window_set_default_size (GTK_WINDOW (self), 1280, 720);
  gtk_widget_add_css_class (GTK_WIDGET (self), "projector");
}

/* Public API */

GtkWidget *
as_projector_window_new (AsLiveMeeting *live)
{
  g_return_val_if_fail (AS_IS_LIVE_MEETING (live), NULL);

  return g_object_new (AS_TYPE_PROJECTOR_WINDOW, "live", live, NULL);
}

AsLiveMeeting *
as_projector_window_get_live (AsProjectorWindow *self)
{
  g_return_val_if_fail (AS_IS_PROJECTOR_WINDOW (self), NULL);
  return self->live;
}
