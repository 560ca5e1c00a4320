/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "as-meeting-editor"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "as-meeting-editor.h"
#include "as-member.h"
#include "as-ui-util.h"
#include "as-undo-stack.h"
#include "as-window.h"

struct _AsMeetingEditor
{
  AdwWindow      parent_instance;

  AsSet         *set;
  AsMeeting     *meeting;
  gboolean       updating;
  GPtrArray     *attendee_checks;   /* of GtkCheckButton, in member order */

  AdwActionRow  *date_row;
  GtkMenuButton *date_button;
  GtkCalendar   *calendar;
  GtkSpinButton *start_hour;
  GtkSpinButton *start_minute;
  AdwActionRow  *end_row;
  GtkSpinButton *end_hour;
  GtkSpinButton *end_minute;
  AdwEntryRow   *place_row;
  AdwComboRow   *state_row;
  GtkListBox    *attendees_list;
};

G_DEFINE_FINAL_TYPE (AsMeetingEditor, as_meeting_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_SET,
  PROP_MEETING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static GDateTime *
local_start (AsMeetingEditor *self)
{
  GDateTime *start = as_meeting_get_start (self->meeting);

  if (start == NULL)
    return g_date_time_new_now_local ();
  return g_date_time_to_local (start);
}

static void
update_times (AsMeetingEditor *self)
{
  g_autoptr(GDateTime) start = local_start (self);
  GDateTime *end_utc = as_meeting_get_end (self->meeting);
  g_autoptr(GDateTime) end = end_utc != NULL ? g_date_time_to_local (end_utc) : NULL;
  g_autofree char *date = as_ui_format_date (start);
  gboolean next_day = FALSE;

  self->updating = TRUE;

  adw_action_row_set_subtitle (self->date_row, date);
  gtk_calendar_select_day (self->calendar, start);
  gtk_spin_button_set_value (self->start_hour, g_date_time_get_hour (start));
  gtk_spin_button_set_value (self->start_minute, g_date_time_get_minute (start));
  if (end != NULL)
    {
      gtk_spin_button_set_value (self->end_hour, g_date_time_get_hour (end));
      gtk_spin_button_set_value (self->end_minute, g_date_time_get_minute (end));
      next_day = g_date_time_get_day_of_year (end) != g_date_time_get_day_of_year (start) ||
                 g_date_time_get_year (end) != g_date_time_get_year (start);
    }
  adw_action_row_set_subtitle (self->end_row, next_day ? _("The next day") : NULL);

  self->updating = FALSE;
}

/* Writes the date, start and end shown into the model as one step. */
static void
apply_times (AsMeetingEditor *self,
             GDateTime       *day)
{
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;

  start = g_date_time_new_local (g_date_time_get_year (day),
                                 g_date_time_get_month (day),
                                 g_date_time_get_day_of_month (day),
                                 gtk_spin_button_get_value_as_int (self->start_hour),
                                 gtk_spin_button_get_value_as_int (self->start_minute),
                                 0);
  end = g_date_time_new_local (g_date_time_get_year (day),
                               g_date_time_get_month (day),
                               g_date_time_get_day_of_month (day),
                               gtk_spin_button_get_value_as_int (self->end_hour),
                               gtk_spin_button_get_value_as_int (self->end_minute),
                               0);
  if (start == NULL || end == NULL)
    return;

  /* An end before the start means the meeting runs past midnight. */
  if (g_date_time_compare (end, start) <= 0)
    {
      GDateTime *next = g_date_time_add_days (end, 1);

      g_date_time_unref (end);
      end = next;
    }

  as_set_begin_edit (self->set, _("Change meeting time"));
  as_meeting_set_start (self->meeting, start);
  as_meeting_set_end (self->meeting, end);
  as_set_end_edit (self->set);
}

static void
update_state (AsMeetingEditor *self)
{
  self->updating = TRUE;
  adw_combo_row_set_selected (self->state_row, as_meeting_get_state (self->meeting));
  self->updating = FALSE;
}

static void
update_attendees (AsMeetingEditor *self)
{
  const char * const *attendees = as_meeting_get_attendees (self->meeting);
  GListModel *members = as_set_get_members (self->set);

  self->updating = TRUE;
  for (guint i = 0; i < self->attendee_checks->len; i++)
    {
      g_autoptr(AsMember) member = g_list_model_get_item (members, i);
      const char *id = member != NULL ? as_entity_get_id (AS_ENTITY (member)) : NULL;

      gtk_check_button_set_active (g_ptr_array_index (self->attendee_checks, i),
                                   id != NULL && attendees != NULL &&
                                   g_strv_contains (attendees, id));
    }
  self->updating = FALSE;
}

static void on_attendee_toggled (AsMeetingEditor *self);

static void
rebuild_attendees (AsMeetingEditor *self)
{
  GListModel *members = as_set_get_members (self->set);
  guint n = g_list_model_get_n_items (members);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->attendees_list))) != NULL)
    gtk_list_box_remove (self->attendees_list, child);
  g_ptr_array_set_size (self->attendee_checks, 0);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AsMember) member = g_list_model_get_item (members, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), as_member_get_name (member));
      if (!as_member_get_active (member))
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Inactive"));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (on_attendee_toggled), self);
      gtk_list_box_append (self->attendees_list, row);
      g_ptr_array_add (self->attendee_checks, check);
    }

  update_attendees (self);
}

/* Callbacks */

static gboolean
on_spin_output (GtkSpinButton *spin)
{
  g_autofree char *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static void
on_times_changed (AsMeetingEditor *self)
{
  g_autoptr(GDateTime) day = NULL;

  if (self->updating)
    return;
  day = local_start (self);
  apply_times (self, day);
}

static void
on_day_selected (AsMeetingEditor *self)
{
  g_autoptr(GDateTime) day = NULL;

  if (self->updating)
    return;
  day = gtk_calendar_get_date (self->calendar);
  apply_times (self, day);
  gtk_menu_button_popdown (self->date_button);
}

static void
on_state_selected (AsMeetingEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->state_row);

  if (self->updating || selected > AS_MEETING_FINISHED)
    return;
  as_meeting_set_state (self->meeting, (AsMeetingState) selected);
}

static void
on_attendee_toggled (AsMeetingEditor *self)
{
  GListModel *members = as_set_get_members (self->set);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) attendees = NULL;

  if (self->updating)
    return;

  /* Attendees are kept in the order of the members. */
  for (guint i = 0; i < self->attendee_checks->len; i++)
    {
      g_autoptr(AsMember) member = g_list_model_get_item (members, i);

      if (member != NULL &&
          gtk_check_button_get_active (g_ptr_array_index (self->attendee_checks, i)))
        g_strv_builder_add (builder, as_entity_get_id (AS_ENTITY (member)));
    }
  attendees = g_strv_builder_end (builder);

  as_set_begin_edit (self->set, _("Change attendees"));
  as_meeting_set_attendees (self->meeting, (const char * const *) attendees);
  as_set_end_edit (self->set);
}

static void
on_meetings_changed (AsMeetingEditor *self)
{
  /* The meeting left the set (removed, or its creation undone). */
  if (as_entity_get_parent (AS_ENTITY (self->meeting)) != AS_ENTITY (self->set))
    gtk_window_close (GTK_WINDOW (self));
}

static void
action_remove (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AsMeetingEditor *self = AS_MEETING_EDITOR (widget);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  AdwToast *toast;
  gboolean removed;

  /* Actions agreed at the meeting name it and its rounds: removing it would
   * leave them pointing at nothing, and the file unreadable. */
  if (as_set_count_references_into (self->set, AS_ENTITY (self->meeting)) > 0)
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                                  _("Meeting Has Actions"), NULL);

      adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                                   _("Actions agreed at this meeting refer to it. Remove "
                                     "those actions first to remove the meeting."));
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  as_set_begin_edit (self->set, _("Remove meeting"));
  removed = as_entity_remove_child_item (AS_ENTITY (self->set), as_set_list_meetings (),
                                         AS_ENTITY (self->meeting));
  as_set_end_edit (self->set);
  if (!removed)
    return;

  toast = adw_toast_new (_("Meeting removed"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  if (AS_IS_WINDOW (parent))
    as_window_add_toast (AS_WINDOW (parent), toast);
  else
    g_object_unref (toast);

  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
shortcut_undo (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  AsMeetingEditor *self = AS_MEETING_EDITOR (widget);
  AsUndoStack *undo = as_set_get_undo_stack (self->set);

  /* Changes here are edits of the set: Ctrl+Z walks its history, as in
   * the main window. */
  if (undo == NULL)
    return FALSE;
  if (g_variant_get_boolean (args))
    as_undo_stack_redo (undo);
  else
    as_undo_stack_undo (undo);
  return TRUE;
}

/* GObject overrides */

static void
as_meeting_editor_constructed (GObject *object)
{
  AsMeetingEditor *self = AS_MEETING_EDITOR (object);
  g_autoptr(GtkStringList) states = gtk_string_list_new (NULL);

  G_OBJECT_CLASS (as_meeting_editor_parent_class)->constructed (object);

  g_assert (self->set != NULL && self->meeting != NULL);

  for (AsMeetingState s = AS_MEETING_PLANNED; s <= AS_MEETING_FINISHED; s++)
    gtk_string_list_append (states, as_meeting_state_to_label (s));
  adw_combo_row_set_model (self->state_row, G_LIST_MODEL (states));
  g_signal_connect_swapped (self->state_row, "notify::selected",
                            G_CALLBACK (on_state_selected), self);

  as_ui_bind_entry (GTK_EDITABLE (self->place_row), AS_ENTITY (self->meeting), "place");

  g_signal_connect_object (self->meeting, "notify::start", G_CALLBACK (update_times), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->meeting, "notify::end", G_CALLBACK (update_times), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->meeting, "notify::state", G_CALLBACK (update_state), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->meeting, "notify::attendees", G_CALLBACK (update_attendees),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (as_set_get_members (self->set), "items-changed",
                           G_CALLBACK (rebuild_attendees), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (as_set_get_meetings (self->set), "items-changed",
                           G_CALLBACK (on_meetings_changed), self, G_CONNECT_SWAPPED);

  update_times (self);
  update_state (self);
  rebuild_attendees (self);
}

static void
as_meeting_editor_dispose (GObject *object)
{
  AsMeetingEditor *self = AS_MEETING_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), AS_TYPE_MEETING_EDITOR);
  g_clear_object (&self->meeting);
  g_clear_object (&self->set);

  G_OBJECT_CLASS (as_meeting_editor_parent_class)->dispose (object);
}

static void
as_meeting_editor_finalize (GObject *object)
{
  AsMeetingEditor *self = AS_MEETING_EDITOR (object);

  g_ptr_array_unref (self->attendee_checks);

  G_OBJECT_CLASS (as_meeting_editor_parent_class)->finalize (object);
}

static void
as_meeting_editor_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AsMeetingEditor *self = AS_MEETING_EDITOR (object);

  switch (prop_id)
    {
    case PROP_SET:
      g_value_set_object (value, self->set);
      break;
    case PROP_MEETING:
      g_value_set_object (value, self->meeting);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
as_meeting_editor_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  AsMeetingEditor *self = AS_MEETING_EDITOR (object);

  switch (prop_id)
    {
    case PROP_SET:
      self->set = g_value_dup_object (value);
      break;
    case PROP_MEETING:
      self->meeting = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
as_meeting_editor_class_init (AsMeetingEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = as_meeting_editor_constructed;
  object_class->dispose = as_meeting_editor_dispose;
  object_class->finalize = as_meeting_editor_finalize;
  object_class->get_property = as_meeting_editor_get_property;
  object_class->set_property = as_meeting_editor_set_property;

  properties[PROP_SET] =
    g_param_spec_object ("set", NULL, NULL, AS_TYPE_SET,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MEETING] =
    g_param_spec_object ("meeting", NULL, NULL, AS_TYPE_MEETING,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/ActionSet/as-meeting-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, AsMeetingEditor, date_row);
  gtk_widget_class_bind_template_child (widget_class, AsMeetingEditor, date_button);
  gtk_widget_class_bind_template_child (widget_class, AsMeetingEditor, calendar);
  gtk_widget_class_bind_template_child (widget_class, AsMeetingEditor, start_hour);
  gtk_widget_class_bind_template_child (widget_class, AsMeetingEditor, start_minute);
  gtk_widget_class_bind_template_child (widget_class, AsMeetingEditor, end_row);
  gtk_widget_class_bind_template_child (widget_class, AsMeetingEditor, end_hour);
  gtk_widget_class_bind_template_child (widget_class, AsMeetingEditor, end_minute);
  gtk_widget_class_bind_template_child (widget_class, AsMeetingEditor, place_row);
  gtk_widget_class_bind_template_child (widget_class, AsMeetingEditor, state_row);
  gtk_widget_class_bind_template_child (widget_class, AsMeetingEditor, attendees_list);
  gtk_widget_class_bind_template_callback (widget_class, on_spin_output);
  gtk_widget_class_bind_template_callback (widget_class, on_times_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected);

  gtk_widget_class_install_action (widget_class, "meeting.remove", NULL, action_remove);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                shortcut_undo, "b", FALSE);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                shortcut_undo, "b", TRUE);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_y, GDK_CONTROL_MASK,
                                shortcut_undo, "b", TRUE);
}

static void
as_meeting_editor_init (AsMeetingEditor *self)
{
  self->attendee_checks = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

AsMeetingEditor *
as_meeting_editor_new (GtkWindow *parent,
                       AsSet     *set,
                       AsMeeting *meeting)
{
  g_return_val_if_fail (AS_IS_SET (set), NULL);
  g_return_val_if_fail (AS_IS_MEETING (meeting), NULL);

  return g_object_new (AS_TYPE_MEETING_EDITOR,
                       "transient-for", parent,
                       "set", set,
                       "meeting", meeting,
                       NULL);
}

AsMeeting *
as_meeting_editor_get_meeting (AsMeetingEditor *self)
{
  g_return_val_if_fail (AS_IS_MEETING_EDITOR (self), NULL);
  return self->meeting;
}
