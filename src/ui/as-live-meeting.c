/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "as-live-meeting"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "as-chime.h"
#include "as-live-meeting-private.h"
#include "as-projector-window.h"
#include "as-undo-stack.h"
#include "as-words.h"

G_DEFINE_FINAL_TYPE (AsLiveMeeting, as_live_meeting, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SET,
  PROP_MEETING,
  PROP_CLOCK,
  PROP_PROJECTING,
  PROP_PRESENTING,
  PROP_SCREEN_OFFERED,
  PROP_REVEALED_TEXT,
  N_PROPS
};

enum {
  LEAVE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];



/* Helpers */

static gboolean
is_builtin_connector (const char *connector)
{
  return connector != NULL &&
         (g_str_has_prefix (connector, "eDP") || g_str_has_prefix (connector, "LVDS") ||
          g_str_has_prefix (connector, "DSI"));
}

static GdkMonitor *
monitor_at (AsLiveMeeting *self,
            guint          i)
{
  g_autoptr(GdkMonitor) monitor = g_list_model_get_item (self->monitors, i);

  return monitor;   /* the display holds it */
}

static GdkMonitor *
facilitator_monitor (AsLiveMeeting *self)
{
  GdkSurface *surface;

  if (self->window == NULL || !gtk_widget_get_realized (GTK_WIDGET (self->window)))
    return NULL;
  surface = gtk_native_get_surface (GTK_NATIVE (self->window));
  return gdk_display_get_monitor_at_surface (gtk_widget_get_display (GTK_WIDGET (self->window)),
                                             surface);
}

/* The screen for the projected window now, or NULL for an ordinary one. */
static GdkMonitor *
choose_monitor (AsLiveMeeting *self)
{
  guint n = self->monitors ? g_list_model_get_n_items (self->monitors) : 0;
  g_autofree const char **connectors = g_new0 (const char *, n + 1);
  g_autofree const char **models = g_new0 (const char *, n + 1);
  GdkMonitor *facilitator = facilitator_monitor (self);
  int facilitator_index = -1;
  int chosen;

  for (guint i = 0; i < n; i++)
    {
      GdkMonitor *monitor = monitor_at (self, i);

      connectors[i] = gdk_monitor_get_connector (monitor);
      models[i] = gdk_monitor_get_model (monitor);
      if (monitor == facilitator)
        facilitator_index = i;
    }
  chosen = as_live_meeting_choose_screen (connectors, models, n,
                                          as_settings_get_projector_monitor (self->settings),
                                          facilitator_index);
  return chosen >= 0 ? monitor_at (self, chosen) : NULL;
}

static void
rebuild_screen_menu (AsLiveMeeting *self)
{
  guint n = self->monitors ? g_list_model_get_n_items (self->monitors) : 0;

  g_menu_remove_all (self->screen_menu);
  for (guint i = 0; i < n; i++)
    {
      GdkMonitor *monitor = monitor_at (self, i);
      g_autofree char *key = as_live_meeting_screen_key (monitor);
      g_autofree char *label = NULL;
      g_autoptr(GMenuItem) item = NULL;
      const char *model = gdk_monitor_get_model (monitor);
      const char *connector = gdk_monitor_get_connector (monitor);

      if (is_builtin_connector (connector))
        /* Translators: a screen in the list of screens for the projected view. */
        label = g_strdup_printf (_("Built-in Screen (%s)"), connector);
      else if (model != NULL && *model != '\0')
        /* Translators: a screen by its model and its connector, "DELL U2720Q (HDMI-1)". */
        label = g_strdup_printf (_("%s (%s)"), model, connector ? connector : "?");
      else
        /* Translators: a screen known only by its number. */
        label = g_strdup_printf (_("Screen %u"), i + 1);
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target_value (item, "meeting.projector-screen",
                                               g_variant_new_string (key));
      g_menu_append_item (self->screen_menu, item);
    }
}

/* Inhibition */

static void
update_inhibit (AsLiveMeeting *self)
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

/* The sleep gap */

static void
on_gap_response (AsLiveMeeting *self,
                 const char    *response)
{
  if (g_strcmp0 (response, "count") == 0 && self->pending_gap > 0)
    as_meeting_session_count_gap (self->session, self->pending_gap);
  self->pending_gap = 0;
  if (self->gap_dialog != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->gap_dialog), (gpointer *) &self->gap_dialog);
  self->gap_dialog = NULL;
}

/* The computer slept while the meeting ran: the monotonic clock stopped, so
 * that time does not count unless the facilitator says it does (the room
 * may have gone on talking with the laptop's lid closed). Asked once, in
 * the facilitator's window, whichever windows show the meeting. */
static void
ask_about_gap (AsLiveMeeting *self,
               gint64         gap_ms)
{
  g_autofree char *duration = NULL;
  g_autofree char *body = NULL;

  self->pending_gap += gap_ms;
  duration = as_words_duration (self->pending_gap);
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
  /* It goes with the facilitator's window, should that close first. */
  g_object_add_weak_pointer (G_OBJECT (self->gap_dialog), (gpointer *) &self->gap_dialog);
  gtk_window_present (GTK_WINDOW (self->gap_dialog));
}

/* Callbacks */

static void
on_tick (AsLiveMeeting *self)
{
  gint64 gap = as_meeting_session_check_clock (self->session);

  if (gap > 0)
    ask_about_gap (self, gap);
}

static void
on_budget_ended (AsLiveMeeting *self)
{
  if (self->window != NULL && as_settings_get_sound_enabled (self->settings))
    as_chime_play (GTK_WIDGET (self->window));
}

static void
on_session_changed (AsLiveMeeting *self)
{
  as_live_meeting_update_actions (self);
  update_inhibit (self);
}

static void
on_fullscreened (AsLiveMeeting *self)
{
  as_live_meeting_update_actions (self);
}

static void
on_projector_destroyed (AsLiveMeeting *self)
{
  /* Closed by the window manager or by its own close button: the meeting
   * goes on. */
  self->projector = NULL;
  self->projector_monitor = NULL;
  as_live_meeting_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECTING]);
}

static void
on_monitors_changed (AsLiveMeeting *self,
                     guint          position,
                     guint          removed,
                     guint          added)
{
  guint n = g_list_model_get_n_items (self->monitors);
  gboolean gone = FALSE;

  rebuild_screen_menu (self);

  if (self->projector_monitor != NULL)
    {
      gone = TRUE;
      for (guint i = 0; i < n && gone; i++)
        gone = monitor_at (self, i) != self->projector_monitor;
    }
  if (gone)
    {
      /* The projector was unplugged: the window stays, as an ordinary one,
       * and the meeting goes on as if nothing happened. */
      self->projector_monitor = NULL;
      if (self->projector != NULL)
        gtk_window_unfullscreen (self->projector);
    }
  else if (self->projector != NULL && self->projector_monitor == NULL && n >= 2)
    as_live_meeting_place_projector (self);

  if (n > self->n_monitors && n >= 2 && self->projector == NULL && !self->screen_offered)
    {
      self->screen_offered = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCREEN_OFFERED]);
    }
  else if (n < 2 && self->screen_offered)
    as_live_meeting_dismiss_screen_offer (self);
  self->n_monitors = n;
}

/* Projector window */

/* Fullscreen on the chosen screen, or an ordinary window when there is only
 * one; then the keyboard goes back to the facilitator's window. */
void
as_live_meeting_place_projector (AsLiveMeeting *self)
{
  GdkMonitor *monitor = choose_monitor (self);

  self->projector_monitor = monitor;
  if (monitor != NULL)
    gtk_window_fullscreen_on_monitor (self->projector, monitor);
  else if (gtk_window_is_fullscreen (self->projector))
    gtk_window_unfullscreen (self->projector);
  gtk_window_present (self->projector);
  if (self->window != NULL)
    gtk_window_present (self->window);
}

/* GObject overrides */

static void
as_live_meeting_constructed (GObject *object)
{
  AsLiveMeeting *self = AS_LIVE_MEETING (object);
  AsUndoStack *undo;
  GdkDisplay *display = gdk_display_get_default ();
  static const char * const setting_keys[] = {
    "sound-enabled", "monologue-cue", "exclude-presenter-in-questions",
  };

  G_OBJECT_CLASS (as_live_meeting_parent_class)->constructed (object);

  self->session = as_meeting_session_new (self->set, self->meeting, self->clock);
  self->ticker = as_ticker_new (self->session);
  self->settings = g_object_ref (as_settings_get_default ());

  /* Connected before any view: the sleep gap is checked before they show
   * the second, and the actions are right before they read them. */
  g_signal_connect_object (self->session, "changed", G_CALLBACK (on_session_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->ticker, "tick", G_CALLBACK (on_tick), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->ticker, "budget-ended", G_CALLBACK (on_budget_ended), self,
                           G_CONNECT_SWAPPED);
  if ((undo = as_set_get_undo_stack (self->set)) != NULL)
    {
      g_signal_connect_object (undo, "notify::can-undo", G_CALLBACK (as_live_meeting_update_actions), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (undo, "notify::can-redo", G_CALLBACK (as_live_meeting_update_actions), self,
                               G_CONNECT_SWAPPED);
    }
  g_signal_connect_object (as_set_get_actions (self->set), "items-changed",
                           G_CALLBACK (as_live_meeting_update_actions), self, G_CONNECT_SWAPPED);

  self->actions = as_live_meeting_create_actions (self);
  self->settings_actions = g_simple_action_group_new ();
  for (guint i = 0; i < G_N_ELEMENTS (setting_keys); i++)
    {
      g_autoptr(GAction) action = as_settings_create_action (self->settings, setting_keys[i]);

      g_action_map_add_action (G_ACTION_MAP (self->settings_actions), action);
    }

  self->screen_menu = g_menu_new ();
  if (display != NULL)
    as_live_meeting_set_monitors (self, gdk_display_get_monitors (display));

  as_live_meeting_update_actions (self);
}

static void
as_live_meeting_dispose (GObject *object)
{
  AsLiveMeeting *self = AS_LIVE_MEETING (object);

  as_live_meeting_close (self);
  as_live_meeting_set_window (self, NULL);
  if (self->ticker != NULL)
    g_signal_handlers_disconnect_by_data (self->ticker, self);
  g_clear_object (&self->ticker);
  g_clear_object (&self->session);
  g_clear_object (&self->actions);
  g_clear_object (&self->settings_actions);
  g_clear_object (&self->settings);
  g_clear_object (&self->monitors);
  g_clear_object (&self->screen_menu);
  g_clear_object (&self->meeting);
  g_clear_object (&self->set);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (as_live_meeting_parent_class)->dispose (object);
}

static void
as_live_meeting_finalize (GObject *object)
{
  AsLiveMeeting *self = AS_LIVE_MEETING (object);

  g_free (self->revealed_heading);
  g_free (self->revealed_text);

  G_OBJECT_CLASS (as_live_meeting_parent_class)->finalize (object);
}

static void
as_live_meeting_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AsLiveMeeting *self = AS_LIVE_MEETING (object);

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
    case PROP_PROJECTING:
      g_value_set_boolean (value, self->projector != NULL);
      break;
    case PROP_PRESENTING:
      g_value_set_boolean (value, self->presenting);
      break;
    case PROP_SCREEN_OFFERED:
      g_value_set_boolean (value, self->screen_offered);
      break;
    case PROP_REVEALED_TEXT:
      g_value_set_string (value, self->revealed_text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
as_live_meeting_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  AsLiveMeeting *self = AS_LIVE_MEETING (object);

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
    case PROP_PROJECTING:
      as_live_meeting_set_projecting (self, g_value_get_boolean (value));
      break;
    case PROP_PRESENTING:
      as_live_meeting_set_presenting (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
as_live_meeting_class_init (AsLiveMeetingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = as_live_meeting_constructed;
  object_class->dispose = as_live_meeting_dispose;
  object_class->finalize = as_live_meeting_finalize;
  object_class->get_property = as_live_meeting_get_property;
  object_class->set_property = as_live_meeting_set_property;

  properties[PROP_SET] =
    g_param_spec_object ("set", NULL, NULL, AS_TYPE_SET,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MEETING] =
    g_param_spec_object ("meeting", NULL, NULL, AS_TYPE_MEETING,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL, AS_TYPE_CLOCK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROJECTING] =
    g_param_spec_boolean ("projecting", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PRESENTING] =
    g_param_spec_boolean ("presenting", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCREEN_OFFERED] =
    g_param_spec_boolean ("screen-offered", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REVEALED_TEXT] =
    g_param_spec_string ("revealed-text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AsLiveMeeting::leave:
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
}

static void
as_live_meeting_init (AsLiveMeeting *self)
{
}

/* Public API */

AsLiveMeeting *
as_live_meeting_new (AsSet     *set,
                     AsMeeting *meeting,
                     AsClock   *clock)
{
  g_return_val_if_fail (AS_IS_SET (set), NULL);
  g_return_val_if_fail (AS_IS_MEETING (meeting), NULL);
  g_return_val_if_fail (clock == NULL || AS_IS_CLOCK (clock), NULL);

  return g_object_new (AS_TYPE_LIVE_MEETING,
                       "set", set,
                       "meeting", meeting,
                       "clock", clock,
                       NULL);
}

AsSet *
as_live_meeting_get_set (AsLiveMeeting *self)
{
  g_return_val_if_fail (AS_IS_LIVE_MEETING (self), NULL);
  return self->set;
}

AsMeeting *
as_live_meeting_get_meeting (AsLiveMeeting *self)
{
  g_return_val_if_fail (AS_IS_LIVE_MEETING (self), NULL);
  return self->meeting;
}

AsMeetingSession *
as_live_meeting_get_session (AsLiveMeeting *self)
{
  g_return_val_if_fail (AS_IS_LIVE_MEETING (self), NULL);
  return self->session;
}

AsTicker *
as_live_meeting_get_ticker (AsLiveMeeting *self)
{
  g_return_val_if_fail (AS_IS_LIVE_MEETING (self), NULL);
  return self->ticker;
}

void
as_live_meeting_emit_leave (AsLiveMeeting *self)
{
  g_signal_emit (self, signals[LEAVE], 0);
}

void
as_live_meeting_close (AsLiveMeeting *self)
{
  g_return_if_fail (AS_IS_LIVE_MEETING (self));

  if (self->gap_dialog != NULL)
    {
      AdwMessageDialog *dialog = self->gap_dialog;

      g_signal_handlers_disconnect_by_data (dialog, self);
      g_object_remove_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->gap_dialog);
      self->gap_dialog = NULL;
      self->pending_gap = 0;
      gtk_window_destroy (GTK_WINDOW (dialog));
    }
  if (self->projector != NULL)
    gtk_window_destroy (self->projector);
  as_live_meeting_set_presenting (self, FALSE);
  as_live_meeting_hide_revealed (self);
}

GtkWindow *
as_live_meeting_get_window (AsLiveMeeting *self)
{
  g_return_val_if_fail (AS_IS_LIVE_MEETING (self), NULL);
  return self->window;
}

void
as_live_meeting_set_window (AsLiveMeeting *self,
                            GtkWindow     *window)
{
  g_return_if_fail (AS_IS_LIVE_MEETING (self));
  g_return_if_fail (window == NULL || GTK_IS_WINDOW (window));

  if (self->window == window)
    return;
  if (self->window != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->window, self);
      g_object_remove_weak_pointer (G_OBJECT (self->window), (gpointer *) &self->window);
    }
  self->window = window;
  if (window != NULL)
    {
      g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &self->window);
      g_signal_connect_object (window, "notify::fullscreened", G_CALLBACK (on_fullscreened),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (window, "notify::application", G_CALLBACK (update_inhibit),
                               self, G_CONNECT_SWAPPED);
    }
  if (self->session != NULL)
    {
      update_inhibit (self);
      as_live_meeting_update_actions (self);
    }
}

gboolean
as_live_meeting_get_projecting (AsLiveMeeting *self)
{
  g_return_val_if_fail (AS_IS_LIVE_MEETING (self), FALSE);
  return self->projector != NULL;
}

void
as_live_meeting_set_projecting (AsLiveMeeting *self,
                                gboolean       projecting)
{
  g_return_if_fail (AS_IS_LIVE_MEETING (self));

  if (!projecting == (self->projector == NULL))
    return;

  if (projecting)
    {
      /* GTK holds toplevels: the window lives until it is destroyed. */
      self->projector = GTK_WINDOW (as_projector_window_new (self));
      g_signal_connect_object (self->projector, "destroy", G_CALLBACK (on_projector_destroyed),
                               self, G_CONNECT_SWAPPED);
      as_live_meeting_place_projector (self);
      as_live_meeting_dismiss_screen_offer (self);
      /* Presentation mode is for when there is no second window. */
      as_live_meeting_set_presenting (self, FALSE);
      as_live_meeting_update_actions (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECTING]);
    }
  else
    /* The destroy handler forgets it and notifies. */
    gtk_window_destroy (self->projector);
}

GtkWindow *
as_live_meeting_get_projector (AsLiveMeeting *self)
{
  g_return_val_if_fail (AS_IS_LIVE_MEETING (self), NULL);
  return self->projector;
}

GMenuModel *
as_live_meeting_get_screen_menu (AsLiveMeeting *self)
{
  g_return_val_if_fail (AS_IS_LIVE_MEETING (self), NULL);
  return G_MENU_MODEL (self->screen_menu);
}

void
as_live_meeting_set_monitors (AsLiveMeeting *self,
                              GListModel    *monitors)
{
  g_return_if_fail (AS_IS_LIVE_MEETING (self));
  g_return_if_fail (monitors == NULL || G_IS_LIST_MODEL (monitors));

  if (self->monitors != NULL)
    g_signal_handlers_disconnect_by_data (self->monitors, self);
  g_set_object (&self->monitors, monitors);
  self->n_monitors = monitors ? g_list_model_get_n_items (monitors) : 0;
  if (monitors != NULL)
    g_signal_connect_object (monitors, "items-changed", G_CALLBACK (on_monitors_changed), self,
                             G_CONNECT_SWAPPED);
  rebuild_screen_menu (self);
}

gboolean
as_live_meeting_get_screen_offered (AsLiveMeeting *self)
{
  g_return_val_if_fail (AS_IS_LIVE_MEETING (self), FALSE);
  return self->screen_offered;
}

void
as_live_meeting_dismiss_screen_offer (AsLiveMeeting *self)
{
  g_return_if_fail (AS_IS_LIVE_MEETING (self));

  if (!self->screen_offered)
    return;
  self->screen_offered = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCREEN_OFFERED]);
}

gboolean
as_live_meeting_get_presenting (AsLiveMeeting *self)
{
  g_return_val_if_fail (AS_IS_LIVE_MEETING (self), FALSE);
  return self->presenting;
}

void
as_live_meeting_set_presenting (AsLiveMeeting *self,
                                gboolean       presenting)
{
  g_return_if_fail (AS_IS_LIVE_MEETING (self));

  presenting = !!presenting;
  if (self->presenting == presenting)
    return;
  self->presenting = presenting;
  as_live_meeting_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRESENTING]);
}

void
as_live_meeting_reveal (AsLiveMeeting *self,
                        const char    *heading,
                        const char    *text)
{
  g_return_if_fail (AS_IS_LIVE_MEETING (self));

  if (text == NULL || *text == '\0')
    {
      as_live_meeting_hide_revealed (self);
      return;
    }
  if (g_strcmp0 (self->revealed_text, text) == 0 &&
      g_strcmp0 (self->revealed_heading, heading) == 0)
    return;
  g_free (self->revealed_heading);
  self->revealed_heading = g_strdup (heading);
  g_free (self->revealed_text);
  self->revealed_text = g_strdup (text);
  as_live_meeting_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVEALED_TEXT]);
}

void
as_live_meeting_hide_revealed (AsLiveMeeting *self)
{
  g_return_if_fail (AS_IS_LIVE_MEETING (self));

  if (self->revealed_text == NULL)
    return;
  g_clear_pointer (&self->revealed_heading, g_free);
  g_clear_pointer (&self->revealed_text, g_free);
  as_live_meeting_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVEALED_TEXT]);
}

const char *
as_live_meeting_get_revealed_heading (AsLiveMeeting *self)
{
  g_return_val_if_fail (AS_IS_LIVE_MEETING (self), NULL);
  return self->revealed_heading;
}

const char *
as_live_meeting_get_revealed_text (AsLiveMeeting *self)
{
  g_return_val_if_fail (AS_IS_LIVE_MEETING (self), NULL);
  return self->revealed_text;
}

gboolean
as_live_meeting_get_inhibiting (AsLiveMeeting *self)
{
  g_return_val_if_fail (AS_IS_LIVE_MEETING (self), FALSE);
  return self->inhibit_cookie != 0;
}

int
as_live_meeting_choose_screen (const char * const *connectors,
                               const char * const *models,
                               guint               n,
                               const char         *remembered,
                               int                 facilitator)
{
  if (n < 2)
    return -1;

  if (remembered != NULL && *remembered != '\0')
    for (guint i = 0; i < n; i++)
      {
        g_autofree char *key = g_strdup_printf ("%s %s", connectors[i] ? connectors[i] : "",
                                                models[i] ? models[i] : "");

        if (g_strcmp0 (g_strstrip (key), remembered) == 0)
          return i;
      }
  for (guint i = 0; i < n; i++)
    if ((int) i != facilitator && !is_builtin_connector (connectors[i]))
      return i;
  for (guint i = 0; i < n; i++)
    if ((int) i != facilitator)
      return i;
  return -1;
}

char *
as_live_meeting_screen_key (GdkMonitor *monitor)
{
  const char *connector, *model;
  char *key;

  g_return_val_if_fail (GDK_IS_MONITOR (monitor), NULL);

  connector = gdk_monitor_get_connector (monitor);
  model = gdk_monitor_get_model (monitor);
  key = g_strdup_printf ("%s %s", connector ? connector : "", model ? model : "");
  return g_strstrip (key);
}
