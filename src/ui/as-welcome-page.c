/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "as-welcome-page"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "as-welcome-page.h"

/* The MIME type registered in data/, and the extension that goes with it. */
#define AS_MIME_TYPE "application/x-actionset"
#define AS_EXTENSION ".actionset"
#define MAX_RECENT   8

struct _AsWelcomePage
{
  AdwBin            parent_instance;

  GtkRecentManager *recent;

  AdwStatusPage    *status_page;
  GtkWidget        *new_button;
  GtkWidget        *recent_group;
  GtkListBox       *recent_list;
};

G_DEFINE_FINAL_TYPE (AsWelcomePage, as_welcome_page, ADW_TYPE_BIN)

enum {
  OPEN_FILE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static gboolean
is_our_set (GtkRecentInfo *info)
{
  const char *mime = gtk_recent_info_get_mime_type (info);
  const char *uri = gtk_recent_info_get_uri (info);

  if (g_strcmp0 (mime, AS_MIME_TYPE) != 0 && !g_str_has_suffix (uri, AS_EXTENSION))
    return FALSE;
  /* Only local files that are still there: a set moved away or deleted
   * would just fail to open. */
  return gtk_recent_info_exists (info);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  GDateTime *ma = gtk_recent_info_get_modified (*(GtkRecentInfo **) a);
  GDateTime *mb = gtk_recent_info_get_modified (*(GtkRecentInfo **) b);

  if (ma == NULL || mb == NULL)
    return (ma == NULL) - (mb == NULL);
  return g_date_time_compare (mb, ma);
}

static char *
path_for_display (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  const char *home = g_get_home_dir ();

  if (path == NULL)
    return g_file_get_parse_name (file);
  if (g_str_has_prefix (path, home) && (path[strlen (home)] == '/' || path[strlen (home)] == '\0'))
    return g_strconcat ("~", path + strlen (home), NULL);
  return g_steal_pointer (&path);
}

static void
on_forget_clicked (GtkButton *button,
                   const char *uri)
{
  g_autoptr(GError) error = NULL;

  if (!gtk_recent_manager_remove_item (gtk_recent_manager_get_default (), uri, &error))
    g_debug ("Could not remove %s from the recent list: %s", uri, error->message);
}

static GtkWidget *
make_row (GtkRecentInfo *info)
{
  g_autoptr(GFile) file = g_file_new_for_uri (gtk_recent_info_get_uri (info));
  g_autofree char *where = path_for_display (file);
  g_autofree char *forget_label = NULL;
  const char *name = gtk_recent_info_get_display_name (info);
  GtkWidget *row, *forget, *arrow;

  row = adw_action_row_new ();
  /* The name is the set's, from its file: plain text. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), where);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
  gtk_widget_set_tooltip_text (row, g_file_peek_path (file));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "file", g_object_ref (file), g_object_unref);

  forget = gtk_button_new_from_icon_name ("window-close-symbolic");
  gtk_widget_set_valign (forget, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (forget, "flat");
  gtk_widget_add_css_class (forget, "circular");
  gtk_widget_set_tooltip_text (forget, _("Remove From the List"));
  forget_label = g_strdup_printf (_("Remove %s from the list"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (forget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, forget_label,
                                  -1);
  g_signal_connect_data (forget, "clicked", G_CALLBACK (on_forget_clicked),
                         g_strdup (gtk_recent_info_get_uri (info)),
                         (GClosureNotify) g_free, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), forget);

  arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);

  return row;
}

static void
update_recent (AsWelcomePage *self)
{
  g_autoptr(GPtrArray) sets = g_ptr_array_new_with_free_func ((GDestroyNotify) gtk_recent_info_unref);
  GList *items = gtk_recent_manager_get_items (self->recent);
  GtkWidget *child;

  for (GList *l = items; l != NULL; l = l->next)
    {
      if (is_our_set (l->data))
        g_ptr_array_add (sets, gtk_recent_info_ref (l->data));
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
  g_ptr_array_sort (sets, compare_newest_first);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);
  for (guint i = 0; i < sets->len && i < MAX_RECENT; i++)
    gtk_list_box_append (self->recent_list, make_row (g_ptr_array_index (sets, i)));

  gtk_widget_set_visible (self->recent_group, sets->len > 0);
}

/* Callbacks */

static void
on_row_activated (AsWelcomePage *self,
                  GtkListBoxRow *row)
{
  GFile *file = g_object_get_data (G_OBJECT (row), "file");

  if (file != NULL)
    g_signal_emit (self, signals[OPEN_FILE], 0, file);
}

/* GObject overrides */

static void
as_welcome_page_dispose (GObject *object)
{
  AsWelcomePage *self = AS_WELCOME_PAGE (object);

  if (self->recent != NULL)
    g_signal_handlers_disconnect_by_data (self->recent, self);
  g_clear_object (&self->recent);

  G_OBJECT_CLASS (as_welcome_page_parent_class)->dispose (object);
}

static gboolean
as_welcome_page_grab_focus (GtkWidget *widget)
{
  AsWelcomePage *self = AS_WELCOME_PAGE (widget);

  return gtk_widget_grab_focus (self->new_button);
}

static void
as_welcome_page_class_init (AsWelcomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = as_welcome_page_dispose;
  widget_class->grab_focus = as_welcome_page_grab_focus;

  /**
   * AsWelcomePage::open-file:
   * @file: the set chosen in the recent list
   */
  signals[OPEN_FILE] =
    g_signal_new ("open-file", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_FILE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/ActionSet/as-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AsWelcomePage, status_page);
  gtk_widget_class_bind_template_child (widget_class, AsWelcomePage, new_button);
  gtk_widget_class_bind_template_child (widget_class, AsWelcomePage, recent_group);
  gtk_widget_class_bind_template_child (widget_class, AsWelcomePage, recent_list);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
}

static void
as_welcome_page_init (AsWelcomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  adw_status_page_set_icon_name (self->status_page, APP_ID);

  self->recent = g_object_ref (gtk_recent_manager_get_default ());
  g_signal_connect_swapped (self->recent, "changed", G_CALLBACK (update_recent), self);
  update_recent (self);
}

GtkWidget *
as_welcome_page_new (void)
{
  return g_object_new (AS_TYPE_WELCOME_PAGE, NULL);
}

void
as_welcome_page_add_recent (GFile      *file,
                            const char *set_name)
{
  g_autofree char *uri = NULL;
  g_autofree char *basename = NULL;
  GtkRecentData data = { 0 };
  const char *groups[] = { "Action Set", NULL };

  g_return_if_fail (G_IS_FILE (file));

  uri = g_file_get_uri (file);
  basename = g_file_get_basename (file);
  data.display_name = (char *) (set_name != NULL && *set_name != '\0' ? set_name : basename);
  data.mime_type = (char *) AS_MIME_TYPE;
  data.app_name = (char *) (g_get_application_name () ? g_get_application_name () : "Action Set");
  data.app_exec = (char *) "action-set %u";
  data.groups = (char **) groups;
  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}
