/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "as-live-meeting"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "as-live-meeting-private.h"
#include "as-undo-stack.h"

/*
 * The "meeting" actions of a live meeting and the keys that activate them:
 * what the facilitator does, from whichever window of the meeting has the
 * keyboard. The rest of the live meeting is in as-live-meeting.c.
 */

/* The keys of a meeting, the same in every window that shows it. */
static const struct {
  guint            keyval;
  GdkModifierType  mods;
  const char      *action;
} keys[] = {
  { GDK_KEY_space, 0, "meeting.toggle" },
  { GDK_KEY_KP_Space, 0, "meeting.toggle" },
  { GDK_KEY_Right, 0, "meeting.next-step" },
  { GDK_KEY_KP_Right, 0, "meeting.next-step" },
  { GDK_KEY_n, 0, "meeting.next-step" },
  { GDK_KEY_Right, GDK_SHIFT_MASK, "meeting.next-round" },
  { GDK_KEY_KP_Right, GDK_SHIFT_MASK, "meeting.next-round" },
  { GDK_KEY_z, GDK_CONTROL_MASK, "meeting.undo" },
  { GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "meeting.redo" },
  { GDK_KEY_F11, 0, "meeting.fullscreen" },
  { GDK_KEY_Escape, 0, "meeting.escape" },
  { GDK_KEY_p, 0, "meeting.project" },
  { GDK_KEY_F5, 0, "meeting.present" },
  { GDK_KEY_r, 0, "meeting.reveal-action" },
};

/* Helpers */

static GAction *
lookup (AsLiveMeeting *self,
        const char    *name)
{
  return g_action_map_lookup_action (G_ACTION_MAP (self->actions), name);
}

/* Actions change only when they differ: each change goes through the action
 * muxer of every window to every button that shows the action. */
static void
set_enabled (AsLiveMeeting *self,
             const char    *name,
             gboolean       enabled)
{
  GAction *action = lookup (self, name);

  if (!g_action_get_enabled (action) != !enabled)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

static void
set_state (AsLiveMeeting *self,
           const char    *name,
           GVariant      *state)
{
  GAction *action = lookup (self, name);
  g_autoptr(GVariant) old = g_action_get_state (action);

  g_variant_ref_sink (state);
  if (old == NULL || !g_variant_equal (old, state))
    g_simple_action_set_state (G_SIMPLE_ACTION (action), state);
  g_variant_unref (state);
}

static void
bell (AsLiveMeeting *self)
{
  if (self->window != NULL)
    gtk_widget_error_bell (GTK_WIDGET (self->window));
}

/* The newest action agreed in this meeting, or NULL. */
static AsAction *
latest_action (AsLiveMeeting *self)
{
  GListModel *actions = as_set_get_actions (self->set);
  const char *id = as_entity_get_id (AS_ENTITY (self->meeting));

  for (guint i = g_list_model_get_n_items (actions); i > 0; i--)
    {
      g_autoptr(AsAction) action = g_list_model_get_item (actions, i - 1);

      if (g_strcmp0 (as_action_get_meeting (action), id) == 0)
        return action;   /* the set holds it */
    }
  return NULL;
}

void
as_live_meeting_update_actions (AsLiveMeeting *self)
{
  AsTimerState state = as_meeting_session_get_state (self->session);
  AsUndoStack *undo = as_set_get_undo_stack (self->set);
  AsStep *step = as_meeting_session_get_current_step (self->session);
  gboolean live = state == AS_TIMER_RUNNING || state == AS_TIMER_PAUSED;
  gboolean fullscreen = self->window != NULL && gtk_window_is_fullscreen (self->window);

  set_enabled (self, "toggle", state != AS_TIMER_FINISHED);
  set_enabled (self, "next-step", live);
  set_enabled (self, "next-round",
               live && step != NULL &&
               !as_meeting_session_is_last_round (self->session,
                                                  as_meeting_session_get_current_round (self->session)));
  set_enabled (self, "finish", live);
  set_enabled (self, "speaker", state == AS_TIMER_RUNNING);
  set_enabled (self, "undo", undo != NULL && as_undo_stack_get_can_undo (undo));
  set_enabled (self, "redo", undo != NULL && as_undo_stack_get_can_redo (undo));
  set_enabled (self, "leave-fullscreen", fullscreen);
  set_enabled (self, "reveal-action", latest_action (self) != NULL);
  set_enabled (self, "hide-revealed", self->revealed_text != NULL);
  set_state (self, "fullscreen", g_variant_new_boolean (fullscreen));
  set_state (self, "project", g_variant_new_boolean (self->projector != NULL));
  set_state (self, "present", g_variant_new_boolean (self->presenting));
  set_state (self, "projector-screen",
             g_variant_new_string (as_settings_get_projector_monitor (self->settings)));
}

/* Actions */

static void
toggle_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       data)
{
  as_meeting_session_toggle (AS_LIVE_MEETING (data)->session);
}

static void
next_step_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       data)
{
  as_meeting_session_next_step (AS_LIVE_MEETING (data)->session);
}

static void
next_round_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       data)
{
  as_meeting_session_next_round (AS_LIVE_MEETING (data)->session);
}

static void
finish_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       data)
{
  as_meeting_session_finish (AS_LIVE_MEETING (data)->session);
}

static void
speaker_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       data)
{
  AsLiveMeeting *self = data;
  guint number = g_variant_get_uint32 (parameter);
  const char * const *attendees = as_meeting_session_get_attendees (self->session);

  if (!as_meeting_session_set_speaker_number (self->session, number) &&
      number > 0 && number > (attendees ? g_strv_length ((GStrv) attendees) : 0))
    bell (self);
}

static void
speaker_member_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       data)
{
  AsLiveMeeting *self = data;
  const char *id = g_variant_get_string (parameter, NULL);

  if (as_meeting_session_get_state (self->session) != AS_TIMER_RUNNING)
    {
      bell (self);
      return;
    }
  /* A click on the speaker ends their turn: nobody speaks. */
  if (g_strcmp0 (as_meeting_session_get_speaker (self->session), id) == 0)
    as_meeting_session_set_speaker (self->session, NULL);
  else
    as_meeting_session_set_speaker (self->session, id);
}

static void
undo_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       data)
{
  AsUndoStack *undo = as_set_get_undo_stack (AS_LIVE_MEETING (data)->set);

  if (undo != NULL)
    as_undo_stack_undo (undo);
}

static void
redo_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       data)
{
  AsUndoStack *undo = as_set_get_undo_stack (AS_LIVE_MEETING (data)->set);

  if (undo != NULL)
    as_undo_stack_redo (undo);
}

static void
fullscreen_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       data)
{
  AsLiveMeeting *self = data;

  if (self->window == NULL)
    return;
  if (gtk_window_is_fullscreen (self->window))
    gtk_window_unfullscreen (self->window);
  else
    gtk_window_fullscreen (self->window);
}

static void
leave_fullscreen_action (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       data)
{
  AsLiveMeeting *self = data;

  if (self->window != NULL)
    gtk_window_unfullscreen (self->window);
}

/* Escape undoes the last thing shown: what was revealed on the wall, then
 * presentation mode, then fullscreen. */
static void
escape_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       data)
{
  AsLiveMeeting *self = data;

  if (self->revealed_text != NULL)
    as_live_meeting_hide_revealed (self);
  else if (self->presenting)
    as_live_meeting_set_presenting (self, FALSE);
  else if (self->window != NULL && gtk_window_is_fullscreen (self->window))
    gtk_window_unfullscreen (self->window);
}

static void
project_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       data)
{
  AsLiveMeeting *self = data;

  as_live_meeting_set_projecting (self, self->projector == NULL);
}

static void
present_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       data)
{
  AsLiveMeeting *self = data;

  as_live_meeting_set_presenting (self, !self->presenting);
}

static void
projector_screen_action (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       data)
{
  AsLiveMeeting *self = data;

  as_settings_set_projector_monitor (self->settings, g_variant_get_string (parameter, NULL));
  as_live_meeting_update_actions (self);
  if (self->projector != NULL)
    as_live_meeting_place_projector (self);
  else
    as_live_meeting_set_projecting (self, TRUE);
}

static void
reveal_action_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       data)
{
  AsLiveMeeting *self = data;
  AsAction *latest = latest_action (self);
  g_autofree char *heading = NULL;

  if (latest == NULL)
    {
      bell (self);
      return;
    }
  /* Translators: above an action shown on the projected screen, with its owner. */
  heading = g_strdup_printf (_("Action for %s"), as_set_member_name (self->set,
                                                                     as_action_get_owner (latest)));
  as_live_meeting_reveal (self, heading, as_action_get_text (latest));
}

static void
hide_revealed_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       data)
{
  as_live_meeting_hide_revealed (AS_LIVE_MEETING (data));
}

static void
dismiss_screen_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       data)
{
  as_live_meeting_dismiss_screen_offer (AS_LIVE_MEETING (data));
}

static void
back_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       data)
{
  as_live_meeting_emit_leave (AS_LIVE_MEETING (data));
}

static const GActionEntry entries[] = {
  { "toggle", toggle_action },
  { "next-step", next_step_action },
  { "next-round", next_round_action },
  { "finish", finish_action },
  { "speaker", speaker_action, "u" },
  { "speaker-member", speaker_member_action, "s" },
  { "undo", undo_action },
  { "redo", redo_action },
  { "fullscreen", fullscreen_action, NULL, "false" },
  { "leave-fullscreen", leave_fullscreen_action },
  { "escape", escape_action },
  { "project", project_action, NULL, "false" },
  { "present", present_action, NULL, "false" },
  { "projector-screen", projector_screen_action, "s", "''" },
  { "reveal-action", reveal_action_action },
  { "hide-revealed", hide_revealed_action },
  { "dismiss-screen", dismiss_screen_action },
  { "back", back_action },
};


/* Internal API */

GSimpleActionGroup *
as_live_meeting_create_actions (AsLiveMeeting *self)
{
  GSimpleActionGroup *group = g_simple_action_group_new ();

  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), self);
  return group;
}

/* Public API */

void
as_live_meeting_attach (AsLiveMeeting *self,
                        GtkWidget     *widget)
{
  GtkEventController *controller;

  g_return_if_fail (AS_IS_LIVE_MEETING (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_widget_insert_action_group (widget, "meeting", G_ACTION_GROUP (self->actions));
  gtk_widget_insert_action_group (widget, "settings", G_ACTION_GROUP (self->settings_actions));

  /* Run before the focused child sees the key (capture rather than
   * bubble), so that Space starts or pauses whichever button or tile has
   * the focus: one key, while talking, always does the same thing. Enter
   * still activates the focused control. */
  controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_name (controller, "meeting-keys");
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].keyval,
                                                                                    keys[i].mods),
                                                            gtk_named_action_new (keys[i].action)));
  for (guint n = 0; n <= 9; n++)
    {
      static const guint bases[] = { GDK_KEY_0, GDK_KEY_KP_0 };

      for (guint b = 0; b < G_N_ELEMENTS (bases); b++)
        {
          GtkShortcut *shortcut =
            gtk_shortcut_new (gtk_keyval_trigger_new (bases[b] + n, 0),
                              gtk_named_action_new ("meeting.speaker"));

          gtk_shortcut_set_arguments (shortcut, g_variant_new_uint32 (n));
          gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
        }
    }
  gtk_widget_add_controller (widget, controller);
}

GActionGroup *
as_live_meeting_get_actions (AsLiveMeeting *self)
{
  g_return_val_if_fail (AS_IS_LIVE_MEETING (self), NULL);
  return G_ACTION_GROUP (self->actions);
}
