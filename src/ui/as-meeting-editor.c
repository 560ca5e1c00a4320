/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "as-meeting-editor"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "as-colour-dot.h"
#include "as-meeting-editor.h"
#include "as-meeting-plan.h"
#include "as-member.h"
#include "as-ui-util.h"
#include "as-words.h"
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
  AdwPreferencesGroup *agenda_group;
  GtkListBox    *rounds_list;
  GtkLabel      *projected_label;
  GPtrArray     *round_rows;        /* of RoundRow, in agenda order */
  guint          rebuild_source;
};

/* The widgets of one round of the agenda. */
typedef struct
{
  AsRound       *round;             /* borrowed: the meeting holds it */
  GtkWidget     *row;
  AsColourDot   *dot;
  GtkSpinButton *minutes;
  GtkWidget     *up;
  GtkWidget     *down;
} RoundRow;

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
  g_autofree char *date = as_words_date (start);
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

  if (self->updating)
    return;

  /* Whoever attends presents a round: marking someone absent removes
   * theirs, marking them present again gives them one at the end. */
  for (guint i = 0; i < self->attendee_checks->len; i++)
    {
      g_autoptr(AsMember) member = g_list_model_get_item (members, i);
      gboolean active;

      if (member == NULL)
        continue;
      active = gtk_check_button_get_active (g_ptr_array_index (self->attendee_checks, i));
      if (active != as_meeting_is_attending (self->meeting, as_entity_get_id (AS_ENTITY (member))))
        as_meeting_set_absent (self->meeting, self->set, as_entity_get_id (AS_ENTITY (member)),
                               !active);
    }
}

/* The agenda */

static void
round_row_free (RoundRow *rr)
{
  g_free (rr);
}

static char *
format_step_budgets (AsRound *round)
{
  GListModel *steps = as_round_get_steps (round);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (steps); i++)
    {
      g_autoptr(AsStep) step = g_list_model_get_item (steps, i);

      if (i > 0)
        g_string_append (text, " · ");
      /* Translators: a step of a round and its minutes, "Present 10" */
      g_string_append_printf (text, _("%s %d"), as_step_kind_to_label (as_step_get_kind (step)),
                              as_step_get_budget_minutes (step));
    }
  return g_string_free (text, FALSE);
}

static void
update_projected_end (AsMeetingEditor *self)
{
  g_autoptr(GDateTime) planned_end = as_meeting_dup_planned_end (self->meeting);
  GDateTime *end = as_meeting_get_end (self->meeting);
  g_autofree char *time = NULL;
  g_autofree char *text = NULL;
  gint64 over;

  if (planned_end == NULL)
    {
      gtk_label_set_text (self->projected_label, "");
      return;
    }

  {
    g_autoptr(GDateTime) local = g_date_time_to_local (planned_end);
    time = as_words_time (local);
  }
  over = end != NULL ? g_date_time_difference (planned_end, end) / G_TIME_SPAN_MINUTE : 0;

  if (end == NULL || over == 0)
    text = g_strdup_printf (_("Ends at %s, on time"), time);
  else if (over > 0)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Ends at %s, %d minute over the time available",
                                         "Ends at %s, %d minutes over the time available",
                                         (gulong) over),
                            time, (int) over);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Ends at %s, %d minute to spare",
                                         "Ends at %s, %d minutes to spare",
                                         (gulong) -over),
                            time, (int) -over);

  gtk_label_set_text (self->projected_label, text);
  gtk_widget_remove_css_class (GTK_WIDGET (self->projected_label), "warning");
  if (over > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->projected_label), "warning");
}

static void
refresh_rounds (AsMeetingEditor *self)
{
  guint n = self->round_rows->len;

  self->updating = TRUE;
  for (guint i = 0; i < n; i++)
    {
      RoundRow *rr = g_ptr_array_index (self->round_rows, i);
      AsMember *presenter = as_set_lookup_member (self->set, as_round_get_presenter (rr->round));
      g_autofree char *budgets = format_step_budgets (rr->round);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rr->row),
                                     as_set_member_name (self->set,
                                                         as_round_get_presenter (rr->round)));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (rr->row), budgets);
      gtk_widget_set_tooltip_text (rr->row, budgets);
      as_colour_dot_set_colour (rr->dot, presenter ? as_member_get_colour (presenter) : NULL);
      gtk_spin_button_set_value (rr->minutes, as_round_get_planned_minutes (rr->round));
      gtk_widget_set_sensitive (rr->up, i > 0);
      gtk_widget_set_sensitive (rr->down, i + 1 < n);
    }
  self->updating = FALSE;

  update_projected_end (self);
}

static void
move_round (AsMeetingEditor *self,
            AsRound         *round,
            int              delta)
{
  GListStore *rounds = G_LIST_STORE (as_meeting_get_rounds (self->meeting));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (rounds));
  guint position;

  if (!g_list_store_find (rounds, round, &position))
    return;
  if ((delta < 0 && position == 0) || (delta > 0 && position + 1 >= n))
    return;

  as_set_begin_edit (self->set, _("Move round"));
  as_entity_move_child (AS_ENTITY (self->meeting), as_meeting_list_rounds (),
                        position, position + delta);
  as_set_end_edit (self->set);
}

static RoundRow *
find_round_row (AsMeetingEditor *self,
                GtkWidget       *widget)
{
  for (guint i = 0; i < self->round_rows->len; i++)
    {
      RoundRow *rr = g_ptr_array_index (self->round_rows, i);

      if (widget == rr->row || widget == rr->up || widget == rr->down ||
          widget == GTK_WIDGET (rr->minutes) || gtk_widget_is_ancestor (widget, rr->row))
        return rr;
    }
  return NULL;
}

static void
on_round_up (GtkWidget       *button,
             AsMeetingEditor *self)
{
  RoundRow *rr = find_round_row (self, button);

  if (rr != NULL)
    move_round (self, rr->round, -1);
}

static void
on_round_down (GtkWidget       *button,
               AsMeetingEditor *self)
{
  RoundRow *rr = find_round_row (self, button);

  if (rr != NULL)
    move_round (self, rr->round, +1);
}

static gboolean
on_round_key (GtkWidget *row,
              GVariant  *args,
              gpointer   user_data)
{
  AsMeetingEditor *self = user_data;
  RoundRow *rr = find_round_row (self, row);

  if (rr == NULL)
    return FALSE;
  move_round (self, rr->round, g_variant_get_int32 (args));
  return TRUE;
}

static void
on_minutes_changed (GtkSpinButton   *spin,
                    AsMeetingEditor *self)
{
  RoundRow *rr = find_round_row (self, GTK_WIDGET (spin));

  if (self->updating || rr == NULL)
    return;
  as_round_set_minutes_scaled (rr->round, self->set, gtk_spin_button_get_value_as_int (spin));
}

static GdkContentProvider *
on_round_drag_prepare (GtkDragSource   *source,
                       double           x,
                       double           y,
                       AsMeetingEditor *self)
{
  RoundRow *rr = find_round_row (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source)));

  if (rr == NULL)
    return NULL;
  return gdk_content_provider_new_typed (G_TYPE_STRING, as_entity_get_id (AS_ENTITY (rr->round)));
}

static gboolean
on_round_drop (GtkDropTarget   *target,
               const GValue    *value,
               double           x,
               double           y,
               AsMeetingEditor *self)
{
  RoundRow *onto = find_round_row (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target)));
  AsEntity *dragged = as_entity_lookup (AS_ENTITY (self->set), g_value_get_string (value));
  GListStore *rounds = G_LIST_STORE (as_meeting_get_rounds (self->meeting));
  guint from, to;

  if (onto == NULL || !AS_IS_ROUND (dragged) ||
      !g_list_store_find (rounds, dragged, &from) ||
      !g_list_store_find (rounds, onto->round, &to) || from == to)
    return FALSE;

  as_set_begin_edit (self->set, _("Move round"));
  as_entity_move_child (AS_ENTITY (self->meeting), as_meeting_list_rounds (), from, to);
  as_set_end_edit (self->set);
  return TRUE;
}

static GtkWidget *
icon_button (const char *icon,
             const char *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return button;
}

static void
rebuild_rounds (AsMeetingEditor *self)
{
  GListModel *rounds = as_meeting_get_rounds (self->meeting);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->rounds_list))) != NULL)
    gtk_list_box_remove (self->rounds_list, child);
  g_ptr_array_set_size (self->round_rows, 0);

  for (guint i = 0; i < g_list_model_get_n_items (rounds); i++)
    {
      g_autoptr(AsRound) round = g_list_model_get_item (rounds, i);
      RoundRow *rr = g_new0 (RoundRow, 1);
      GtkAdjustment *adjustment = gtk_adjustment_new (0, 0, 240, 1, 5, 0);
      GtkEventController *controller;
      GtkShortcutController *shortcuts;
      GtkWidget *handle;

      rr->round = round;
      rr->row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (rr->row), FALSE);
      /* In a narrow window the step budgets would take five lines: two,
       * and the whole list in the tooltip. */
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (rr->row), 2);
      gtk_widget_set_focusable (rr->row, TRUE);

      /* Prefixes go in front of each other: the dot, then the handle before it. */
      rr->dot = AS_COLOUR_DOT (as_colour_dot_new ());
      gtk_widget_set_valign (GTK_WIDGET (rr->dot), GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (rr->row), GTK_WIDGET (rr->dot));
      handle = gtk_image_new_from_icon_name ("list-drag-handle-symbolic");
      gtk_widget_add_css_class (handle, "dim-label");
      adw_action_row_add_prefix (ADW_ACTION_ROW (rr->row), handle);

      rr->minutes = GTK_SPIN_BUTTON (gtk_spin_button_new (adjustment, 1, 0));
      gtk_spin_button_set_numeric (rr->minutes, TRUE);
      gtk_widget_set_valign (GTK_WIDGET (rr->minutes), GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (GTK_WIDGET (rr->minutes), _("Minutes for this round"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (rr->minutes),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Minutes for this round"), -1);
      g_signal_connect (rr->minutes, "value-changed", G_CALLBACK (on_minutes_changed), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (rr->row), GTK_WIDGET (rr->minutes));

      rr->up = icon_button ("go-up-symbolic", _("Move Up"));
      rr->down = icon_button ("go-down-symbolic", _("Move Down"));
      g_signal_connect (rr->up, "clicked", G_CALLBACK (on_round_up), self);
      g_signal_connect (rr->down, "clicked", G_CALLBACK (on_round_down), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (rr->row), rr->up);
      adw_action_row_add_suffix (ADW_ACTION_ROW (rr->row), rr->down);

      /* Reorder by dragging a row onto another, or with Alt+Up/Down. */
      controller = GTK_EVENT_CONTROLLER (gtk_drag_source_new ());
      gtk_drag_source_set_actions (GTK_DRAG_SOURCE (controller), GDK_ACTION_MOVE);
      g_signal_connect (controller, "prepare", G_CALLBACK (on_round_drag_prepare), self);
      gtk_widget_add_controller (rr->row, controller);
      controller = GTK_EVENT_CONTROLLER (gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_MOVE));
      g_signal_connect (controller, "drop", G_CALLBACK (on_round_drop), self);
      gtk_widget_add_controller (rr->row, controller);

      shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
      for (int delta = -1; delta <= 1; delta += 2)
        {
          GtkShortcut *shortcut =
            gtk_shortcut_new (gtk_keyval_trigger_new (delta < 0 ? GDK_KEY_Up : GDK_KEY_Down,
                                                      GDK_ALT_MASK),
                              gtk_callback_action_new (on_round_key, self, NULL));

          gtk_shortcut_set_arguments (shortcut, g_variant_new_int32 (delta));
          gtk_shortcut_controller_add_shortcut (shortcuts, shortcut);
        }
      gtk_widget_add_controller (rr->row, GTK_EVENT_CONTROLLER (shortcuts));

      gtk_list_box_append (self->rounds_list, rr->row);
      g_ptr_array_add (self->round_rows, rr);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->agenda_group), self->round_rows->len > 0 ||
                          as_meeting_get_state (self->meeting) == AS_MEETING_PLANNED);
  refresh_rounds (self);
}

static gboolean
rebuild_rounds_idle (gpointer data)
{
  AsMeetingEditor *self = data;

  self->rebuild_source = 0;
  rebuild_rounds (self);
  return G_SOURCE_REMOVE;
}

static gboolean
belongs_to_meeting (AsMeetingEditor *self,
                    AsEntity        *entity)
{
  for (AsEntity *e = entity; e != NULL; e = as_entity_get_parent (e))
    if (e == AS_ENTITY (self->meeting))
      return TRUE;
  return FALSE;
}

static void
on_set_edited (AsMeetingEditor *self,
               const AsEdit    *edit)
{
  if (edit->kind != AS_EDIT_SET && edit->target == AS_ENTITY (self->meeting) &&
      edit->list == as_meeting_list_rounds ())
    {
      /* Rows are rebuilt after the signal, not under a button that is
       * still handling its click. */
      if (self->rebuild_source == 0)
        self->rebuild_source = g_idle_add (rebuild_rounds_idle, self);
      return;
    }
  if (edit->kind == AS_EDIT_SET && belongs_to_meeting (self, edit->target))
    refresh_rounds (self);
  else if (edit->kind == AS_EDIT_SET && AS_IS_MEMBER (edit->target))
    refresh_rounds (self);
}

static void
action_share_time (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AsMeetingEditor *self = AS_MEETING_EDITOR (widget);
  GListModel *rounds = as_meeting_get_rounds (self->meeting);
  GDateTime *start = as_meeting_get_start (self->meeting);
  GDateTime *end = as_meeting_get_end (self->meeting);
  guint n = g_list_model_get_n_items (rounds);
  gint64 available;
  g_autofree int *weights = NULL;
  g_autofree int *parts = NULL;

  if (n == 0 || start == NULL || end == NULL)
    return;
  available = g_date_time_difference (end, start) / G_TIME_SPAN_MINUTE;
  if (available <= 0)
    return;

  /* Equal shares, the minutes that do not divide going to the first rounds. */
  weights = g_new (int, n);
  parts = g_new (int, n);
  for (guint i = 0; i < n; i++)
    weights[i] = 1;
  as_split_proportionally ((int) MIN (available, 240 * n), weights, parts, n);

  as_set_begin_edit (self->set, _("Share the time equally"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AsRound) round = g_list_model_get_item (rounds, i);
      as_round_set_minutes_scaled (round, self->set, parts[i]);
    }
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

  g_signal_connect_object (self->set, "edited", G_CALLBACK (on_set_edited), self,
                           G_CONNECT_SWAPPED);

  update_times (self);
  update_state (self);
  rebuild_attendees (self);
  rebuild_rounds (self);
}

static void
as_meeting_editor_dispose (GObject *object)
{
  AsMeetingEditor *self = AS_MEETING_EDITOR (object);

  g_clear_handle_id (&self->rebuild_source, g_source_remove);
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
  g_ptr_array_unref (self->round_rows);

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
  gtk_widget_class_bind_template_child (widget_class, AsMeetingEditor, agenda_group);
  gtk_widget_class_bind_template_child (widget_class, AsMeetingEditor, rounds_list);
  gtk_widget_class_bind_template_child (widget_class, AsMeetingEditor, projected_label);
  gtk_widget_class_bind_template_callback (widget_class, on_spin_output);
  gtk_widget_class_bind_template_callback (widget_class, on_times_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected);

  gtk_widget_class_install_action (widget_class, "meeting.remove", NULL, action_remove);
  gtk_widget_class_install_action (widget_class, "meeting.share-time", NULL, action_share_time);
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
  self->round_rows = g_ptr_array_new_with_free_func ((GDestroyNotify) round_row_free);
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
