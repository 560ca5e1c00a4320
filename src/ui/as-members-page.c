/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "as-members-page"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "as-colour-dot.h"
#include "as-member-editor.h"
#include "as-member-row.h"
#include "as-members-page.h"

struct _AsMembersPage
{
  AdwBin      parent_instance;

  AsSet      *set;

  GtkStack   *stack;
  GtkLabel   *count_label;
  GtkListBox *list_box;
};

G_DEFINE_FINAL_TYPE (AsMembersPage, as_members_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static gboolean
find_member (AsMembersPage *self,
             AsMember      *member,
             guint         *position)
{
  return g_list_store_find (as_entity_get_list (AS_ENTITY (self->set), as_set_list_members ()),
                            member, position);
}

static AsMember *
lookup (AsMembersPage *self,
        GVariant      *parameter)
{
  return as_set_lookup_member (self->set, g_variant_get_string (parameter, NULL));
}

static void
add_toast (AsMembersPage *self,
           AdwToast      *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (toast);
}

static void
focus_row (AsMembersPage *self,
           guint          position)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list_box, position);

  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

static void
move_member (AsMembersPage *self,
             AsMember      *member,
             int            delta)
{
  guint n = g_list_model_get_n_items (as_set_get_members (self->set));
  guint from;
  int to;

  if (!find_member (self, member, &from))
    return;
  to = (int) from + delta;
  if (to < 0 || to >= (int) n)
    return;

  as_set_begin_edit (self->set, _("Move member"));
  as_entity_move_child (AS_ENTITY (self->set), as_set_list_members (), from, to);
  as_set_end_edit (self->set);

  /* The list made a new row for the member: keep the keyboard on it, so that
   * pressing Alt+Down again moves it on. */
  focus_row (self, to);
}

static void
open_editor (AsMembersPage *self,
             AsMember      *member)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AsMemberEditor *editor;

  editor = as_member_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                 self->set, member);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
on_keep_response (AdwMessageDialog *dialog,
                  const char       *response,
                  AsMember         *member)
{
  if (g_strcmp0 (response, "inactive") == 0)
    as_member_set_active (member, FALSE);
}

static void
remove_member (AsMembersPage *self,
               AsMember      *member)
{
  g_autofree char *title = NULL;
  g_autofree char *escaped = NULL;
  AdwToast *toast;
  guint position;

  if (!find_member (self, member, &position))
    return;

  /* Meetings and actions refer to members by id: removing one who has a
   * history would leave those records pointing at nobody. */
  if (as_set_count_references (self->set, as_entity_get_id (AS_ENTITY (member))) > 0)
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *dialog;

      dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                       _("Member Has a History"), NULL);
      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                      _("“%s” appears in meetings or actions of this set, so "
                                        "removing them would break that record. Mark them "
                                        "inactive instead to leave them out of new meetings."),
                                      as_member_get_name (member));
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "inactive", _("_Mark Inactive"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "inactive",
                                                  ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "inactive");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      g_signal_connect_data (dialog, "response", G_CALLBACK (on_keep_response),
                             g_object_ref (member), (GClosureNotify) g_object_unref, 0);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  as_set_begin_edit (self->set, _("Remove member"));
  as_entity_remove_child (AS_ENTITY (self->set), as_set_list_members (), position);
  as_set_end_edit (self->set);

  /* Toast titles are markup: the name must not be. */
  escaped = g_markup_escape_text (as_member_get_name (member), -1);
  title = g_strdup_printf (_("“%s” removed"), escaped);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  add_toast (self, toast);

  /* Keep the keyboard in the list, on the row that took its place. */
  {
    guint n = g_list_model_get_n_items (as_set_get_members (self->set));

    if (n > 0)
      focus_row (self, MIN (position, n - 1));
  }
}

static AsMemberRow *
focused_row (AsMembersPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list_box)))
    return NULL;
  row = AS_IS_MEMBER_ROW (focus) ? focus : gtk_widget_get_ancestor (focus, AS_TYPE_MEMBER_ROW);
  return row != NULL ? AS_MEMBER_ROW (row) : NULL;
}

static void
update_count (AsMembersPage *self)
{
  guint n = g_list_model_get_n_items (as_set_get_members (self->set));
  g_autofree char *text = NULL;

  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Member", "%u Members", n), n);
  gtk_label_set_text (self->count_label, text);
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
}

/* Drag and drop
 *
 * The handlers find their row through the controller, never through a
 * pointer kept at connection time: a drop moves the member, the list makes
 * a new row for it and the old one, whose drag source is still finishing,
 * is gone. */

static AsMemberRow *
controller_row (gpointer controller)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  return AS_IS_MEMBER_ROW (widget) ? AS_MEMBER_ROW (widget) : NULL;
}

static GdkContentProvider *
on_drag_prepare (GtkDragSource *source,
                 double         x,
                 double         y,
                 gpointer       user_data)
{
  AsMemberRow *row = controller_row (source);

  if (row == NULL)
    return NULL;
  return gdk_content_provider_new_typed (AS_TYPE_MEMBER, as_member_row_get_member (row));
}

static void
on_drag_begin (GtkDragSource *source,
               GdkDrag       *drag,
               gpointer       user_data)
{
  AsMemberRow *row = controller_row (source);
  AsMember *member;
  GtkWidget *icon, *dot, *label;

  if (row == NULL)
    return;
  member = as_member_row_get_member (row);

  /* A small card with the member's colour and name follows the pointer. */
  icon = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_widget_add_css_class (icon, "member-drag-icon");
  dot = as_colour_dot_new ();
  as_colour_dot_set_colour (AS_COLOUR_DOT (dot), as_member_get_colour (member));
  gtk_box_append (GTK_BOX (icon), dot);
  label = gtk_label_new (as_member_get_name (member));
  gtk_box_append (GTK_BOX (icon), label);
  gtk_drag_icon_set_child (GTK_DRAG_ICON (gtk_drag_icon_get_for_drag (drag)), icon);

  gtk_widget_add_css_class (GTK_WIDGET (row), "dragged");
}

static void
on_drag_end (GtkDragSource *source,
             GdkDrag       *drag,
             gboolean       delete_data,
             gpointer       user_data)
{
  AsMemberRow *row = controller_row (source);

  if (row != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (row), "dragged");
}

static GdkDragAction
on_drop_enter (GtkDropTarget *target,
               double         x,
               double         y,
               gpointer       user_data)
{
  AsMemberRow *row = controller_row (target);

  if (row != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (row), "drop-target");
  return GDK_ACTION_MOVE;
}

static void
on_drop_leave (GtkDropTarget *target,
               gpointer       user_data)
{
  AsMemberRow *row = controller_row (target);

  if (row != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (row), "drop-target");
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         gpointer       user_data)
{
  AsMemberRow *row = controller_row (target);
  AsMembersPage *self;
  AsMember *member;
  guint from, to;

  if (row == NULL)
    return FALSE;
  gtk_widget_remove_css_class (GTK_WIDGET (row), "drop-target");

  self = AS_MEMBERS_PAGE (gtk_widget_get_ancestor (GTK_WIDGET (row), AS_TYPE_MEMBERS_PAGE));
  member = g_value_get_object (value);
  /* Only members of this set: a row dragged from another window stays there. */
  if (self == NULL || member == NULL || !find_member (self, member, &from))
    return FALSE;
  if (!find_member (self, as_member_row_get_member (row), &to))
    return FALSE;
  move_member (self, member, (int) to - (int) from);
  return TRUE;
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  GtkWidget *row = as_member_row_new (AS_MEMBER (item));
  GtkDragSource *source;
  GtkDropTarget *target;

  source = gtk_drag_source_new ();
  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (on_drag_prepare), NULL);
  g_signal_connect (source, "drag-begin", G_CALLBACK (on_drag_begin), NULL);
  g_signal_connect (source, "drag-end", G_CALLBACK (on_drag_end), NULL);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));

  target = gtk_drop_target_new (AS_TYPE_MEMBER, GDK_ACTION_MOVE);
  g_signal_connect (target, "enter", G_CALLBACK (on_drop_enter), NULL);
  g_signal_connect (target, "leave", G_CALLBACK (on_drop_leave), NULL);
  g_signal_connect (target, "drop", G_CALLBACK (on_drop), NULL);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (target));

  return row;
}

/* Actions and key bindings */

static void
action_add (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  open_editor (AS_MEMBERS_PAGE (widget), NULL);
}

static void
action_edit (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AsMembersPage *self = AS_MEMBERS_PAGE (widget);
  AsMember *member = lookup (self, parameter);

  if (member != NULL)
    open_editor (self, member);
}

static void
action_remove (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AsMembersPage *self = AS_MEMBERS_PAGE (widget);
  AsMember *member = lookup (self, parameter);

  if (member != NULL)
    remove_member (self, member);
}

static void
action_move (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AsMembersPage *self = AS_MEMBERS_PAGE (widget);
  AsMember *member = lookup (self, parameter);

  if (member != NULL)
    move_member (self, member, g_str_equal (action_name, "members.move-up") ? -1 : 1);
}

static gboolean
shortcut_move (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  AsMembersPage *self = AS_MEMBERS_PAGE (widget);
  AsMemberRow *row = focused_row (self);

  if (row == NULL)
    return FALSE;
  move_member (self, as_member_row_get_member (row), g_variant_get_int32 (args));
  return TRUE;
}

static gboolean
shortcut_remove (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  AsMembersPage *self = AS_MEMBERS_PAGE (widget);
  AsMemberRow *row = focused_row (self);

  if (row == NULL)
    return FALSE;
  remove_member (self, as_member_row_get_member (row));
  return TRUE;
}

/* GObject overrides */

static void
as_members_page_constructed (GObject *object)
{
  AsMembersPage *self = AS_MEMBERS_PAGE (object);
  GListModel *members;

  G_OBJECT_CLASS (as_members_page_parent_class)->constructed (object);

  g_assert (self->set != NULL);
  members = as_set_get_members (self->set);
  gtk_list_box_bind_model (self->list_box, members, create_row, self, NULL);
  g_signal_connect_object (members, "items-changed", G_CALLBACK (update_count), self,
                           G_CONNECT_SWAPPED);
  update_count (self);
}

static void
as_members_page_dispose (GObject *object)
{
  AsMembersPage *self = AS_MEMBERS_PAGE (object);

  if (self->list_box != NULL)
    gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
  g_clear_object (&self->set);

  G_OBJECT_CLASS (as_members_page_parent_class)->dispose (object);
}

static void
as_members_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AsMembersPage *self = AS_MEMBERS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SET:
      g_value_set_object (value, self->set);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
as_members_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  AsMembersPage *self = AS_MEMBERS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SET:
      self->set = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
as_members_page_class_init (AsMembersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = as_members_page_constructed;
  object_class->dispose = as_members_page_dispose;
  object_class->get_property = as_members_page_get_property;
  object_class->set_property = as_members_page_set_property;

  properties[PROP_SET] =
    g_param_spec_object ("set", NULL, NULL, AS_TYPE_SET,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/ActionSet/as-members-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AsMembersPage, stack);
  gtk_widget_class_bind_template_child (widget_class, AsMembersPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, AsMembersPage, list_box);

  gtk_widget_class_install_action (widget_class, "members.add", NULL, action_add);
  gtk_widget_class_install_action (widget_class, "members.edit", "s", action_edit);
  gtk_widget_class_install_action (widget_class, "members.remove", "s", action_remove);
  gtk_widget_class_install_action (widget_class, "members.move-up", "s", action_move);
  gtk_widget_class_install_action (widget_class, "members.move-down", "s", action_move);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Up, GDK_ALT_MASK,
                                shortcut_move, "i", -1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Up, GDK_ALT_MASK,
                                shortcut_move, "i", -1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Down, GDK_ALT_MASK,
                                shortcut_move, "i", 1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Down, GDK_ALT_MASK,
                                shortcut_move, "i", 1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Delete, 0,
                                shortcut_remove, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Delete, 0,
                                shortcut_remove, NULL);
}

static void
as_members_page_init (AsMembersPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
as_members_page_new (AsSet *set)
{
  g_return_val_if_fail (AS_IS_SET (set), NULL);

  return g_object_new (AS_TYPE_MEMBERS_PAGE, "set", set, NULL);
}

AsSet *
as_members_page_get_set (AsMembersPage *self)
{
  g_return_val_if_fail (AS_IS_MEMBERS_PAGE (self), NULL);
  return self->set;
}

GtkListBox *
as_members_page_get_list_box (AsMembersPage *self)
{
  g_return_val_if_fail (AS_IS_MEMBERS_PAGE (self), NULL);
  return self->list_box;
}
