/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "as-meetings-page"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "as-meeting-editor.h"
#include "as-meeting-plan.h"
#include "as-meeting-row.h"
#include "as-meetings-page.h"

struct _AsMeetingsPage
{
  AdwBin             parent_instance;

  AsSet             *set;
  GtkSorter         *sorter;
  GtkSortListModel  *sorted;

  GtkStack          *stack;
  GtkLabel          *count_label;
  GtkListView       *list_view;
};

G_DEFINE_FINAL_TYPE (AsMeetingsPage, as_meetings_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  GDateTime *sa = as_meeting_get_start ((AsMeeting *) a);
  GDateTime *sb = as_meeting_get_start ((AsMeeting *) b);

  if (sa == NULL || sb == NULL)
    return (sa == NULL) - (sb == NULL);
  return g_date_time_compare (sb, sa);
}

static void
open_editor (AsMeetingsPage *self,
             AsMeeting      *meeting)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AsMeetingEditor *editor;

  editor = as_meeting_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                  self->set, meeting);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
update_count (AsMeetingsPage *self)
{
  guint n = g_list_model_get_n_items (as_set_get_meetings (self->set));
  g_autofree char *text = NULL;

  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Meeting", "%u Meetings", n), n);
  gtk_label_set_text (self->count_label, text);
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
}

/* Callbacks */

static void
on_edited (AsEntity       *root,
           const AsEdit   *edit,
           AsMeetingsPage *self)
{
  /* The sorter cannot see a date change by itself. */
  if (edit->kind == AS_EDIT_SET && AS_IS_MEETING (edit->target) &&
      g_strcmp0 (edit->field->name, "start") == 0)
    gtk_sorter_changed (self->sorter, GTK_SORTER_CHANGE_DIFFERENT);
}

static void
on_activate (AsMeetingsPage *self,
             guint           position)
{
  g_autoptr(AsMeeting) meeting = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);

  if (meeting != NULL)
    open_editor (self, meeting);
}

static void
on_setup (GtkSignalListItemFactory *factory,
          GtkListItem              *item)
{
  gtk_list_item_set_child (item, as_meeting_row_new ());
}

static void
on_bind (GtkSignalListItemFactory *factory,
         GtkListItem              *item)
{
  as_meeting_row_set_meeting (AS_MEETING_ROW (gtk_list_item_get_child (item)),
                              gtk_list_item_get_item (item));
}

static void
on_unbind (GtkSignalListItemFactory *factory,
           GtkListItem              *item)
{
  as_meeting_row_set_meeting (AS_MEETING_ROW (gtk_list_item_get_child (item)), NULL);
}

/* Actions */

static void
action_new (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  AsMeetingsPage *self = AS_MEETINGS_PAGE (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) hour = NULL;
  g_autoptr(GDateTime) start = NULL;
  AsMeeting *meeting;

  /* The next full hour today: a facilitator planning on the spot starts
   * soon, and one planning ahead changes the date in the editor. */
  hour = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                g_date_time_get_day_of_month (now),
                                g_date_time_get_hour (now), 0, 0);
  start = g_date_time_add_hours (hour, 1);

  meeting = as_set_plan_next_meeting (self->set, start);
  if (meeting != NULL)
    open_editor (self, meeting);
}

static void
action_edit (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AsMeetingsPage *self = AS_MEETINGS_PAGE (widget);
  AsMeeting *meeting = as_set_lookup_meeting (self->set, g_variant_get_string (parameter, NULL));

  if (meeting != NULL)
    open_editor (self, meeting);
}

/* GObject overrides */

static void
as_meetings_page_constructed (GObject *object)
{
  AsMeetingsPage *self = AS_MEETINGS_PAGE (object);
  GListModel *meetings;
  GtkListItemFactory *factory;
  GtkNoSelection *selection;

  G_OBJECT_CLASS (as_meetings_page_parent_class)->constructed (object);

  g_assert (self->set != NULL);
  meetings = as_set_get_meetings (self->set);

  self->sorter = GTK_SORTER (gtk_custom_sorter_new (compare_newest_first, NULL, NULL));
  self->sorted = gtk_sort_list_model_new (g_object_ref (meetings), g_object_ref (self->sorter));
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (on_setup), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_unbind), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  g_signal_connect_object (meetings, "items-changed", G_CALLBACK (update_count), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (as_entity_get_root (AS_ENTITY (self->set)), "edited",
                           G_CALLBACK (on_edited), self, 0);
  update_count (self);
}

static void
as_meetings_page_dispose (GObject *object)
{
  AsMeetingsPage *self = AS_MEETINGS_PAGE (object);

  g_clear_object (&self->sorted);
  g_clear_object (&self->sorter);
  g_clear_object (&self->set);

  G_OBJECT_CLASS (as_meetings_page_parent_class)->dispose (object);
}

static void
as_meetings_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AsMeetingsPage *self = AS_MEETINGS_PAGE (object);

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
as_meetings_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  AsMeetingsPage *self = AS_MEETINGS_PAGE (object);

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
as_meetings_page_class_init (AsMeetingsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = as_meetings_page_constructed;
  object_class->dispose = as_meetings_page_dispose;
  object_class->get_property = as_meetings_page_get_property;
  object_class->set_property = as_meetings_page_set_property;

  properties[PROP_SET] =
    g_param_spec_object ("set", NULL, NULL, AS_TYPE_SET,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/ActionSet/as-meetings-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AsMeetingsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, AsMeetingsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, AsMeetingsPage, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_activate);

  gtk_widget_class_install_action (widget_class, "meetings.new", NULL, action_new);
  gtk_widget_class_install_action (widget_class, "meetings.edit", "s", action_edit);
}

static void
as_meetings_page_init (AsMeetingsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
as_meetings_page_new (AsSet *set)
{
  g_return_val_if_fail (AS_IS_SET (set), NULL);

  return g_object_new (AS_TYPE_MEETINGS_PAGE, "set", set, NULL);
}

AsSet *
as_meetings_page_get_set (AsMeetingsPage *self)
{
  g_return_val_if_fail (AS_IS_MEETINGS_PAGE (self), NULL);
  return self->set;
}

GtkListView *
as_meetings_page_get_list_view (AsMeetingsPage *self)
{
  g_return_val_if_fail (AS_IS_MEETINGS_PAGE (self), NULL);
  return self->list_view;
}
