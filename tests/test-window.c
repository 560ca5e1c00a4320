/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <linux/capability.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "as-banner.h"
#include "as-file.h"
#include "as-journal.h"
#include "as-meeting-editor.h"
#include "as-meeting-plan.h"
#include "as-meetings-page.h"
#include "as-member-editor.h"
#include "as-member-row.h"
#include "as-member.h"
#include "as-members-page.h"
#include "as-set-details-page.h"
#include "as-test-util.h"
#include "as-undo-stack.h"
#include "as-welcome-page.h"
#include "as-window.h"

#define EXAMPLE "examples/northbridge-leaders.actionset"
/* How long a test waits for a condition at most; longer in a slow build. */
#define WAIT_MS as_test_timeout_ms (5000)

typedef struct
{
  char     *dir;
  AsWindow *window;
} Fixture;

/* Whether file permissions bind this process: not so for root with
 * CAP_DAC_OVERRIDE, which the read-only test needs to drop. */
static gboolean permissions_apply;

/* Helpers: the widget tree */

typedef gboolean (*WidgetPredicate) (GtkWidget *widget, gconstpointer data);

static GtkWidget *
find_widget (GtkWidget       *root,
             WidgetPredicate  predicate,
             gconstpointer    data)
{
  if (predicate (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, predicate, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
collect_widgets (GtkWidget       *root,
                 WidgetPredicate  predicate,
                 gconstpointer    data,
                 GPtrArray       *found)
{
  if (predicate (root, data))
    g_ptr_array_add (found, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_widgets (child, predicate, data, found);
}

static gboolean
is_type (GtkWidget     *widget,
         gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

static GtkWidget *
find_by_type (GtkWidget *root,
              GType      type)
{
  return find_widget (root, is_type, GSIZE_TO_POINTER (type));
}

static gboolean
is_entry_row_titled (GtkWidget     *widget,
                     gconstpointer  title)
{
  return ADW_IS_ENTRY_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static GtkEditable *
find_entry_row (GtkWidget  *root,
                const char *title)
{
  GtkWidget *row = find_widget (root, is_entry_row_titled, title);

  g_assert_nonnull (row);
  return GTK_EDITABLE (row);
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_visible (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static gboolean
is_toggle_with_tooltip (GtkWidget     *widget,
                        gconstpointer  tooltip)
{
  return GTK_IS_TOGGLE_BUTTON (widget) &&
         g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

static gboolean
is_label_with_text (GtkWidget     *widget,
                    gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static gboolean
is_main_stack (GtkWidget     *widget,
               gconstpointer  data)
{
  return GTK_IS_STACK (widget) && gtk_stack_get_child_by_name (GTK_STACK (widget), "welcome");
}

static gboolean
is_banner_with_class (GtkWidget     *widget,
                      gconstpointer  css_class)
{
  return AS_IS_BANNER (widget) && gtk_widget_has_css_class (widget, css_class);
}

/* The first toplevel of type, optionally transient for parent. */
static GtkWindow *
find_toplevel (GType      type,
               GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) &&
          (parent == NULL || gtk_window_get_transient_for (window) == parent) &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static AdwWindowTitle *
window_title (AsWindow *window)
{
  GtkWidget *header = find_by_type (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR);

  g_assert_nonnull (header);
  return ADW_WINDOW_TITLE (find_by_type (header, ADW_TYPE_WINDOW_TITLE));
}

/* Helpers: waiting */

typedef gboolean (*Condition) (gpointer data);

static gboolean
wake_up (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Spins the main loop until the condition holds or timeout_ms passes. A
 * short periodic source wakes the loop to look again: the condition may
 * change in a thread (a load, a save) that signals through an idle. */
static gboolean
wait_until (Condition condition,
            gpointer  data,
            guint     timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;
  guint waker = g_timeout_add (10, wake_up, NULL);
  gboolean met;

  while (!(met = condition (data)) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (waker);
  return met;
}

static gboolean
window_has_set (gpointer data)
{
  return as_window_get_set_file (data) != NULL;
}

static gboolean
window_is_saved (gpointer data)
{
  AsSetFile *doc = as_window_get_set_file (data);

  return !as_set_file_get_modified (doc) &&
         g_action_group_get_action_enabled (G_ACTION_GROUP (data), "save");
}

static gboolean
member_editor_shown (gpointer data)
{
  return find_toplevel (AS_TYPE_MEMBER_EDITOR, data) != NULL;
}

static gboolean
member_editor_gone (gpointer data)
{
  return find_toplevel (AS_TYPE_MEMBER_EDITOR, data) == NULL;
}

static gboolean
message_dialog_shown (gpointer data)
{
  return find_toplevel (ADW_TYPE_MESSAGE_DIALOG, data) != NULL;
}

static gboolean
message_dialog_gone (gpointer data)
{
  return find_toplevel (ADW_TYPE_MESSAGE_DIALOG, data) == NULL;
}

/* Answers a dialog by clicking the button of a response, as a user does:
 * the dialog emits the response and closes. */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  const char *label = adw_message_dialog_get_response_label (dialog, response);
  GtkWidget *button;

  g_assert_nonnull (label);
  button = find_widget (GTK_WIDGET (dialog), is_button_labelled, label);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
}

typedef struct
{
  GtkWidget  *root;
  const char *title;
} RecentQuery;

static gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  title)
{
  return ADW_IS_ACTION_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
recent_row_shown (gpointer data)
{
  RecentQuery *query = data;
  GtkWidget *welcome = find_by_type (query->root, AS_TYPE_WELCOME_PAGE);

  return welcome != NULL && find_widget (welcome, is_row_titled, query->title) != NULL;
}

/* Helpers: files */

static char *
copy_example (Fixture *fx)
{
  g_autofree char *source = as_test_data_path (EXAMPLE);
  g_autoptr(GBytes) bytes = as_test_read_bytes (source);
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fx->dir, "northbridge.actionset", NULL);

  /* A copy, so that saving never touches the source tree. */
  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  return path;
}

static AsSetFile *
open_in_window (Fixture    *fx,
                const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  as_window_open_file (fx->window, file);
  g_assert_true (wait_until (window_has_set, fx->window, WAIT_MS));
  return as_window_get_set_file (fx->window);
}

static AsMembersPage *
members_page (Fixture *fx)
{
  GtkWidget *page;

  /* The page is built when first shown: show it, as a user would. */
  gtk_widget_activate_action (GTK_WIDGET (fx->window), "win.show-page", "s", "members");
  page = find_by_type (GTK_WIDGET (fx->window), AS_TYPE_MEMBERS_PAGE);

  g_assert_nonnull (page);
  return AS_MEMBERS_PAGE (page);
}

static GPtrArray *
member_rows (Fixture *fx)
{
  GPtrArray *rows = g_ptr_array_new ();

  collect_widgets (GTK_WIDGET (as_members_page_get_list_box (members_page (fx))),
                   is_type, GSIZE_TO_POINTER (AS_TYPE_MEMBER_ROW), rows);
  return rows;
}

/* Root passes every permission check; without CAP_DAC_OVERRIDE it meets a
 * read-only file as any user does. */
static void
drop_file_capabilities (void)
{
  struct __user_cap_header_struct header = { _LINUX_CAPABILITY_VERSION_3, 0 };
  struct __user_cap_data_struct caps[2];
  const int dropped[] = { CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH };

  memset (caps, 0, sizeof caps);
  if (syscall (SYS_capget, &header, caps) != 0)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (dropped); i++)
    {
      guint32 bit = 1u << (dropped[i] % 32);

      caps[dropped[i] / 32].effective &= ~bit;
      caps[dropped[i] / 32].permitted &= ~bit;
      caps[dropped[i] / 32].inheritable &= ~bit;
    }
  if (syscall (SYS_capset, &header, caps) != 0)
    g_printerr ("# cannot drop file capabilities: %s\n", g_strerror (errno));
}

static gboolean
probe_permissions (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "probe", NULL);
  gboolean writable;

  g_file_set_contents (path, "", 0, NULL);
  g_chmod (path, 0444);
  writable = access (path, W_OK) == 0;
  g_chmod (path, 0644);
  g_unlink (path);
  return !writable;
}

/* Fixture */

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  fx->dir = as_test_make_tmpdir ();
  fx->window = as_window_new (NULL);
  g_object_ref_sink (fx->window);
  gtk_window_present (GTK_WINDOW (fx->window));
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  AsSetFile *doc = as_window_get_set_file (fx->window);
  GtkWindow *dialog;

  while ((dialog = find_toplevel (GTK_TYPE_WINDOW, GTK_WINDOW (fx->window))) != NULL)
    gtk_window_destroy (dialog);
  /* Nothing of a test should be offered for restoring. */
  if (doc != NULL)
    as_journal_discard (as_set_file_get_journal (doc));
  /* A test may have closed the window already. */
  if (g_list_store_find (G_LIST_STORE (gtk_window_get_toplevels ()), fx->window, NULL))
    gtk_window_destroy (GTK_WINDOW (fx->window));
  /* The window and the set it showed go away with it: nothing else keeps
   * them (a binding, a handler, a pending load). */
  if (doc != NULL)
    g_object_add_weak_pointer (G_OBJECT (doc), (gpointer *) &doc);
  g_assert_finalize_object (fx->window);
  g_assert_null (doc);
  as_test_remove_tree (fx->dir);
  g_free (fx->dir);
}

/* Tests */

static gboolean
spin_buttons_shown (gpointer data)
{
  GtkWidget *spin = find_by_type (data, GTK_TYPE_SPIN_BUTTON);

  return spin != NULL && gtk_widget_is_visible (spin) && gtk_widget_get_mapped (spin);
}

static void
test_open_example (Fixture       *fx,
                   gconstpointer  data)
{
  g_autofree char *path = copy_example (fx);
  g_autoptr(GPtrArray) rows = NULL;
  GtkWidget *details;
  GtkSpinButton *spin;
  AsSetFile *doc = open_in_window (fx, path);
  AsSet *set = as_set_file_get_set (doc);
  GListModel *members = as_set_get_members (set);
  AdwWindowTitle *title = window_title (fx->window);

  /* The title is the set's name; the subtitle its file, not modified. */
  g_assert_cmpstr (as_set_get_name (set), !=, "");
  g_assert_cmpstr (adw_window_title_get_title (title), ==, as_set_get_name (set));
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "northbridge.actionset");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fx->window)), ==, as_set_get_name (set));
  g_assert_false (as_set_file_get_modified (doc));

  /* The set opens on its details, whose timing groups (below the fold)
   * are built, bound to the set, after the first frame; the other pages
   * are built when first shown, one at a time. */
  details = find_by_type (GTK_WIDGET (fx->window), AS_TYPE_SET_DETAILS_PAGE);
  g_assert_nonnull (details);
  g_assert_true (wait_until (spin_buttons_shown, details, WAIT_MS));
  spin = GTK_SPIN_BUTTON (find_by_type (details, GTK_TYPE_SPIN_BUTTON));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, as_set_get_warning_seconds (set));
  g_assert_null (find_by_type (GTK_WIDGET (fx->window), AS_TYPE_MEMBERS_PAGE));
  g_assert_null (find_by_type (GTK_WIDGET (fx->window), AS_TYPE_MEETINGS_PAGE));

  /* Every member is listed, in order, by name. */
  rows = member_rows (fx);
  g_assert_null (find_by_type (GTK_WIDGET (fx->window), AS_TYPE_MEETINGS_PAGE));
  gtk_widget_activate_action (GTK_WIDGET (fx->window), "win.show-page", "s", "meetings");
  g_assert_nonnull (find_by_type (GTK_WIDGET (fx->window), AS_TYPE_MEETINGS_PAGE));
  g_assert_cmpuint (g_list_model_get_n_items (members), >, 0);
  g_assert_cmpuint (rows->len, ==, g_list_model_get_n_items (members));
  for (guint i = 0; i < rows->len; i++)
    {
      g_autoptr(AsMember) member = g_list_model_get_item (members, i);
      GtkWidget *row = g_ptr_array_index (rows, i);

      g_assert_true (as_member_row_get_member (AS_MEMBER_ROW (row)) == member);
      g_assert_nonnull (find_widget (row, is_label_with_text, as_member_get_name (member)));
    }

  /* The set is in the recent list that a new window's welcome page shows. */
  {
    g_autoptr(AsWindow) other = g_object_ref_sink (as_window_new (NULL));
    RecentQuery query = { GTK_WIDGET (other), as_set_get_name (set) };

    gtk_window_present (GTK_WINDOW (other));
    g_assert_true (wait_until (recent_row_shown, &query, WAIT_MS));
    gtk_window_destroy (GTK_WINDOW (other));
  }

  /* The actions that need a set are there, those it cannot do are not. */
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (fx->window), "save"));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (fx->window), "save-as"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (fx->window), "undo"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (fx->window), "redo"));
}

static void
test_add_member (Fixture       *fx,
                 gconstpointer  data)
{
  g_autofree char *path = copy_example (fx);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(AsSetFile) reloaded = NULL;
  g_autoptr(AsMember) added = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  AsSetFile *doc = open_in_window (fx, path);
  AsSet *set = as_set_file_get_set (doc);
  guint n = g_list_model_get_n_items (as_set_get_members (set));
  GtkWindow *editor;
  GtkWidget *add_button, *challenge, *swatch;
  GListModel *members;

  /* The "Add Member" button opens the editor, modal over the window. */
  gtk_widget_activate_action (GTK_WIDGET (members_page (fx)), "members.add", NULL);
  g_assert_true (wait_until (member_editor_shown, fx->window, WAIT_MS));
  editor = find_toplevel (AS_TYPE_MEMBER_EDITOR, GTK_WINDOW (fx->window));
  g_assert_true (gtk_window_get_modal (editor));

  /* "Add" waits for a name. */
  add_button = find_widget (GTK_WIDGET (editor), is_button_labelled, "_Add");
  g_assert_nonnull (add_button);
  g_assert_false (gtk_widget_get_sensitive (add_button));

  gtk_editable_set_text (find_entry_row (GTK_WIDGET (editor), "Name"), "Noor Haddad");
  gtk_editable_set_text (find_entry_row (GTK_WIDGET (editor), "Role"), "Head of Estates");
  gtk_editable_set_text (find_entry_row (GTK_WIDGET (editor), "Organisation"),
                         "Northbridge University");
  gtk_editable_set_text (find_entry_row (GTK_WIDGET (editor), "Sponsor’s Name"), "Dr Ella Marsh");
  gtk_editable_set_text (find_entry_row (GTK_WIDGET (editor), "Sponsor’s Contact"),
                         "ella.marsh@example.org");
  challenge = find_by_type (GTK_WIDGET (editor), GTK_TYPE_TEXT_VIEW);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (challenge)),
                            "Two campuses,\none estates team.", -1);
  /* The teal swatch: its tooltip names the colour. */
  swatch = find_widget (GTK_WIDGET (editor), is_toggle_with_tooltip, "Teal");
  g_assert_nonnull (swatch);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (swatch), TRUE);

  /* Nothing is in the set before "Add". */
  g_assert_cmpuint (g_list_model_get_n_items (as_set_get_members (set)), ==, n);
  g_assert_true (gtk_widget_get_sensitive (add_button));
  g_assert_true (gtk_widget_activate (add_button));
  g_assert_true (wait_until (member_editor_gone, fx->window, WAIT_MS));

  members = as_set_get_members (set);
  g_assert_cmpuint (g_list_model_get_n_items (members), ==, n + 1);
  rows = member_rows (fx);
  g_assert_cmpuint (rows->len, ==, n + 1);
  g_assert_nonnull (find_widget (g_ptr_array_index (rows, n), is_label_with_text, "Noor Haddad"));
  g_assert_true (as_set_file_get_modified (doc));
  g_assert_cmpstr (adw_window_title_get_subtitle (window_title (fx->window)), ==,
                   "• northbridge.actionset");

  /* Save, then read the file as a new document. */
  g_action_group_activate_action (G_ACTION_GROUP (fx->window), "save", NULL);
  g_assert_true (wait_until (window_is_saved, fx->window, WAIT_MS));
  g_assert_cmpstr (adw_window_title_get_subtitle (window_title (fx->window)), ==,
                   "northbridge.actionset");

  reloaded = as_set_file_load (file, NULL, &error);
  g_assert_no_error (error);
  members = as_set_get_members (as_set_file_get_set (reloaded));
  g_assert_cmpuint (g_list_model_get_n_items (members), ==, n + 1);
  added = g_list_model_get_item (members, n);
  g_assert_cmpstr (as_member_get_name (added), ==, "Noor Haddad");
  g_assert_cmpstr (as_member_get_role (added), ==, "Head of Estates");
  g_assert_cmpstr (as_member_get_organisation (added), ==, "Northbridge University");
  g_assert_cmpstr (as_member_get_sponsor_name (added), ==, "Dr Ella Marsh");
  g_assert_cmpstr (as_member_get_sponsor_contact (added), ==, "ella.marsh@example.org");
  g_assert_cmpstr (as_member_get_challenge (added), ==, "Two campuses,\none estates team.");
  g_assert_cmpstr (as_member_get_colour (added), ==, "#2190a4");
  g_assert_true (as_member_get_active (added));
}

static void
test_undo_redo (Fixture       *fx,
                gconstpointer  data)
{
  g_autofree char *path = copy_example (fx);
  AsSetFile *doc = open_in_window (fx, path);
  AsSet *set = as_set_file_get_set (doc);
  g_autofree char *original = g_strdup (as_set_get_name (set));
  GActionGroup *actions = G_ACTION_GROUP (fx->window);
  AdwWindowTitle *title = window_title (fx->window);
  GtkWidget *details = find_by_type (GTK_WIDGET (fx->window), AS_TYPE_SET_DETAILS_PAGE);
  GtkEditable *name_row;
  g_autoptr(AsMember) first = NULL;
  g_autoptr(AsMember) second = NULL;
  g_autoptr(AsMember) moved = NULL;

  /* Typing in the name field edits the set, and the title follows. */
  g_assert_nonnull (details);
  name_row = find_entry_row (details, "Name of the Set");
  g_assert_cmpstr (gtk_editable_get_text (name_row), ==, original);
  gtk_editable_set_text (name_row, "Renamed Set");
  g_assert_cmpstr (as_set_get_name (set), ==, "Renamed Set");
  g_assert_cmpstr (adw_window_title_get_title (title), ==, "Renamed Set");
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "• northbridge.actionset");
  g_assert_true (g_action_group_get_action_enabled (actions, "undo"));
  g_assert_false (g_action_group_get_action_enabled (actions, "redo"));

  /* Undo through the window's action: back to the saved state. */
  g_action_group_activate_action (actions, "undo", NULL);
  g_assert_cmpstr (as_set_get_name (set), ==, original);
  g_assert_cmpstr (gtk_editable_get_text (name_row), ==, original);
  g_assert_cmpstr (adw_window_title_get_title (title), ==, original);
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "northbridge.actionset");
  g_assert_false (as_set_file_get_modified (doc));
  g_assert_false (g_action_group_get_action_enabled (actions, "undo"));
  g_assert_true (g_action_group_get_action_enabled (actions, "redo"));

  g_action_group_activate_action (actions, "redo", NULL);
  g_assert_cmpstr (as_set_get_name (set), ==, "Renamed Set");
  g_assert_cmpstr (gtk_editable_get_text (name_row), ==, "Renamed Set");
  g_assert_cmpstr (adw_window_title_get_title (title), ==, "Renamed Set");
  g_assert_true (as_set_file_get_modified (doc));

  /* Moving a member down is one undoable step too. */
  first = g_list_model_get_item (as_set_get_members (set), 0);
  second = g_list_model_get_item (as_set_get_members (set), 1);
  gtk_widget_activate_action (GTK_WIDGET (members_page (fx)), "members.move-down", "s",
                              as_entity_get_id (AS_ENTITY (first)));
  moved = g_list_model_get_item (as_set_get_members (set), 1);
  g_assert_true (moved == first);
  g_action_group_activate_action (actions, "undo", NULL);
  g_clear_object (&moved);
  moved = g_list_model_get_item (as_set_get_members (set), 0);
  g_assert_true (moved == first);
  g_assert_cmpstr (as_set_get_name (set), ==, "Renamed Set");
}

static void
test_markup_shows_literally (Fixture       *fx,
                             gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fx->dir, "markup.actionset", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(AsSetFile) source = as_set_file_new ();
  g_autoptr(AsMember) member = as_member_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  AsSet *set = as_set_file_get_set (source);
  AdwWindowTitle *title;
  GtkWidget *header;

  /* A set written by someone else, with names that look like markup. */
  as_set_set_name (set, "<i>Set</i> & Co");
  as_member_set_name (member, "R&D <b>");
  as_member_set_role (member, "Lead <span>");
  as_member_set_organisation (member, "A & B");
  as_entity_append_child (AS_ENTITY (set), as_set_list_members (), AS_ENTITY (member));
  g_assert_true (as_set_file_save (source, file, FALSE, NULL, &error));
  g_assert_no_error (error);

  open_in_window (fx, path);

  /* The labels that show the text hold it exactly as typed. */
  rows = member_rows (fx);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_nonnull (find_widget (g_ptr_array_index (rows, 0), is_label_with_text, "R&D <b>"));
  g_assert_nonnull (find_widget (g_ptr_array_index (rows, 0), is_label_with_text,
                                 "Lead <span> · A & B"));
  title = window_title (fx->window);
  g_assert_cmpstr (adw_window_title_get_title (title), ==, "<i>Set</i> & Co");
  header = find_by_type (GTK_WIDGET (fx->window), ADW_TYPE_HEADER_BAR);
  g_assert_nonnull (find_widget (header, is_label_with_text, "<i>Set</i> & Co"));
  /* What markup would have made of them is nowhere. */
  g_assert_null (find_widget (GTK_WIDGET (fx->window), is_label_with_text, "Set & Co"));
  g_assert_null (find_widget (GTK_WIDGET (fx->window), is_label_with_text, "R&D "));
}

typedef struct
{
  gboolean shown;
  gboolean set_when_shown;
} Shown;

static void
on_window_mapped (GtkWidget *window,
                  Shown     *shown)
{
  shown->shown = TRUE;
  shown->set_when_shown = as_window_get_set_file (AS_WINDOW (window)) != NULL;
}

static void
test_shows_when_loaded (Fixture       *fx,
                        gconstpointer  data)
{
  g_autofree char *fixture = as_test_fixture_path ("format-1.7.actionset");
  g_autofree char *path = g_build_filename (fx->dir, "small.actionset", NULL);
  g_autofree char *broken = g_build_filename (fx->dir, "broken.actionset", NULL);
  g_autoptr(GBytes) bytes = as_test_read_bytes (fixture);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) broken_file = g_file_new_for_path (broken);
  g_autoptr(GError) error = NULL;
  Shown shown = { FALSE, FALSE };
  AsWindow *window;

  /* A window not shown yet waits for its set, and shows with it. The wait
   * has a limit, so that a large file still gets a window soon: a small set
   * here, which even a slow build (with sanitizers) loads well within it. */
  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  window = g_object_ref_sink (as_window_new (NULL));
  g_signal_connect (window, "map", G_CALLBACK (on_window_mapped), &shown);
  as_window_open_file (window, file);
  as_window_present_when_loaded (window);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (as_test_wait_for (&shown.shown, WAIT_MS));
  g_assert_true (shown.set_when_shown);
  g_signal_handlers_disconnect_by_func (window, on_window_mapped, &shown);
  as_journal_discard (as_set_file_get_journal (as_window_get_set_file (window)));
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);

  /* One whose set cannot load shows too, to say why. */
  g_file_set_contents (broken, "{ \"format\": ", -1, &error);
  g_assert_no_error (error);
  window = g_object_ref_sink (as_window_new (NULL));
  as_window_open_file (window, broken_file);
  as_window_present_when_loaded (window);
  g_assert_true (wait_until (message_dialog_shown, window, WAIT_MS));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_null (as_window_get_set_file (window));
  respond (ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (window))),
           "close");
  g_assert_true (wait_until (message_dialog_gone, window, WAIT_MS));
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);

  /* One already shown just comes to the front. */
  as_window_present_when_loaded (fx->window);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fx->window)));
}

static void
test_load_error_keeps_set (Fixture       *fx,
                           gconstpointer  data)
{
  g_autofree char *path = copy_example (fx);
  g_autofree char *broken = g_build_filename (fx->dir, "broken.actionset", NULL);
  g_autoptr(GFile) broken_file = g_file_new_for_path (broken);
  g_autoptr(GError) error = NULL;
  AsSetFile *doc = open_in_window (fx, path);
  g_autofree char *name = g_strdup (as_set_get_name (as_set_file_get_set (doc)));
  AdwMessageDialog *dialog;
  GtkStack *stack;

  g_file_set_contents (broken, "{ \"format\": \"org.example.ActionSet\", ", -1, &error);
  g_assert_no_error (error);

  as_window_open_file (fx->window, broken_file);
  g_assert_true (wait_until (message_dialog_shown, fx->window, WAIT_MS));
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (fx->window)));

  /* The dialog names the file, and says what is wrong with it. */
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Open “broken.actionset”");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "broken.actionset"));
  g_assert_false (adw_message_dialog_get_body_use_markup (dialog));

  /* What was open stays open, as it was. */
  g_assert_true (as_window_get_set_file (fx->window) == doc);
  g_assert_cmpstr (adw_window_title_get_title (window_title (fx->window)), ==, name);
  stack = GTK_STACK (find_widget (GTK_WIDGET (fx->window), is_main_stack, NULL));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "set");
  g_assert_false (as_set_file_get_modified (doc));

  respond (dialog, "close");
}

static void
test_read_only_banner (Fixture       *fx,
                       gconstpointer  data)
{
  g_autofree char *path = NULL;
  AsSetFile *doc;
  GtkWidget *read_only, *changed;

  if (!permissions_apply)
    {
      g_test_skip ("file permissions do not apply to this process");
      return;
    }

  path = copy_example (fx);
  g_chmod (path, 0444);
  g_chmod (fx->dir, 0555);

  doc = open_in_window (fx, path);
  g_assert_true (as_set_file_get_read_only (doc));

  read_only = find_widget (GTK_WIDGET (fx->window), is_banner_with_class, "read-only");
  changed = find_widget (GTK_WIDGET (fx->window), is_banner_with_class, "changed");
  g_assert_nonnull (read_only);
  g_assert_nonnull (changed);
  g_assert_true (as_banner_get_revealed (AS_BANNER (read_only)));
  g_assert_false (as_banner_get_revealed (AS_BANNER (changed)));
  g_assert_cmpstr (as_banner_get_title (AS_BANNER (read_only)), ==,
                   "This set is read-only. Save a copy to edit it.");
  g_assert_nonnull (find_widget (read_only, is_button_labelled, "Save _As…"));

  /* Save is off, Save As is the way out; the title says why. */
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (fx->window), "save"));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (fx->window), "save-as"));
  g_assert_cmpstr (adw_window_title_get_subtitle (window_title (fx->window)), ==,
                   "northbridge.actionset (read-only)");

  g_chmod (fx->dir, 0755);
}

static void
test_remove_member (Fixture       *fx,
                    gconstpointer  data)
{
  g_autofree char *path = copy_example (fx);
  AsSetFile *doc = open_in_window (fx, path);
  AsSet *set = as_set_file_get_set (doc);
  GListModel *members = as_set_get_members (set);
  guint n = g_list_model_get_n_items (members);
  g_autoptr(AsMember) first = g_list_model_get_item (members, 0);
  g_autoptr(AsMember) guest = as_member_new ();
  AdwMessageDialog *dialog;

  /* A member with a history is kept: the page offers to mark them inactive. */
  g_assert_cmpuint (as_set_count_references (set, as_entity_get_id (AS_ENTITY (first))), >, 0);
  gtk_widget_activate_action (GTK_WIDGET (members_page (fx)), "members.remove", "s",
                              as_entity_get_id (AS_ENTITY (first)));
  g_assert_true (wait_until (message_dialog_shown, fx->window, WAIT_MS));
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (fx->window)));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Member Has a History");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), as_member_get_name (first)));
  g_assert_cmpuint (g_list_model_get_n_items (members), ==, n);
  respond (dialog, "inactive");
  g_assert_true (wait_until (message_dialog_gone, fx->window, WAIT_MS));
  g_assert_false (as_member_get_active (first));
  g_assert_cmpuint (g_list_model_get_n_items (members), ==, n);
  g_action_group_activate_action (G_ACTION_GROUP (fx->window), "undo", NULL);
  g_assert_true (as_member_get_active (first));

  /* A member without one goes, and comes back with Undo (the toast's
   * button runs win.undo). */
  as_member_set_name (guest, "Guest");
  as_set_begin_edit (set, "Add member");
  as_entity_append_child (AS_ENTITY (set), as_set_list_members (), AS_ENTITY (guest));
  as_set_end_edit (set);
  g_assert_cmpuint (g_list_model_get_n_items (members), ==, n + 1);
  gtk_widget_activate_action (GTK_WIDGET (members_page (fx)), "members.remove", "s",
                              as_entity_get_id (AS_ENTITY (guest)));
  g_assert_cmpuint (g_list_model_get_n_items (members), ==, n);
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (fx->window)));
  g_action_group_activate_action (G_ACTION_GROUP (fx->window), "undo", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (members), ==, n + 1);
  g_assert_true (as_entity_get_parent (AS_ENTITY (guest)) == AS_ENTITY (set));
}

static void
test_remove_meeting_with_actions (Fixture       *fx,
                                  gconstpointer  data)
{
  g_autofree char *path = copy_example (fx);
  AsSetFile *doc = open_in_window (fx, path);
  AsSet *set = as_set_file_get_set (doc);
  GListModel *meetings = as_set_get_meetings (set);
  guint n = g_list_model_get_n_items (meetings);
  g_autoptr(AsMeeting) first = g_list_model_get_item (meetings, 0);
  AsMeetingEditor *editor;
  AdwMessageDialog *dialog;

  /* Actions agreed at the first meeting name it: it stays, and the editor
   * says why, so that the file never refers to a meeting that is gone. */
  g_assert_cmpuint (as_set_count_references_into (set, AS_ENTITY (first)), >, 0);
  editor = as_meeting_editor_new (GTK_WINDOW (fx->window), set, first);
  gtk_window_present (GTK_WINDOW (editor));
  gtk_widget_activate_action (GTK_WIDGET (editor), "meeting.remove", NULL);
  g_assert_true (wait_until (message_dialog_shown, editor, WAIT_MS));
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (editor)));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Meeting Has Actions");
  g_assert_cmpuint (g_list_model_get_n_items (meetings), ==, n);
  respond (dialog, "close");
  g_assert_true (wait_until (message_dialog_gone, editor, WAIT_MS));
  gtk_window_destroy (GTK_WINDOW (editor));
}

static gboolean
is_widget_with_tooltip (GtkWidget     *widget,
                        gconstpointer  tooltip)
{
  return g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

static GPtrArray *
widgets_with_tooltip (GtkWidget  *root,
                      const char *tooltip)
{
  GPtrArray *found = g_ptr_array_new ();

  collect_widgets (root, is_widget_with_tooltip, tooltip, found);
  return found;
}

typedef struct
{
  AsMeeting *meeting;
  guint      n_rows;
  GtkWidget *editor;
} AgendaCheck;

static gboolean
agenda_rows_match (gpointer data)
{
  AgendaCheck *check = data;
  g_autoptr(GPtrArray) spins = widgets_with_tooltip (check->editor, "Minutes for this round");
  GListModel *rounds = as_meeting_get_rounds (check->meeting);
  AsSet *set = AS_SET (as_entity_get_root (AS_ENTITY (check->meeting)));

  if (spins->len != check->n_rows || spins->len != g_list_model_get_n_items (rounds))
    return FALSE;

  /* The rows are in the order of the rounds, with their minutes. */
  for (guint i = 0; i < spins->len; i++)
    {
      g_autoptr(AsRound) round = g_list_model_get_item (rounds, i);
      GtkWidget *row = gtk_widget_get_ancestor (g_ptr_array_index (spins, i), ADW_TYPE_ACTION_ROW);

      if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                     as_set_member_name (set, as_round_get_presenter (round))) != 0 ||
          gtk_spin_button_get_value_as_int (g_ptr_array_index (spins, i)) !=
          as_round_get_planned_minutes (round))
        return FALSE;
    }
  return TRUE;
}

static gboolean
is_label_starting (GtkWidget     *widget,
                   gconstpointer  prefix)
{
  return GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), prefix);
}

static void
test_plan_agenda (Fixture       *fx,
                  gconstpointer  data)
{
  g_autofree char *path = copy_example (fx);
  AsSetFile *doc = open_in_window (fx, path);
  AsSet *set = as_set_file_get_set (doc);
  GListModel *meetings = as_set_get_meetings (set);
  g_autoptr(AsMeeting) planned = g_list_model_get_item (meetings, g_list_model_get_n_items (meetings) - 1);
  GListModel *rounds = as_meeting_get_rounds (planned);
  guint n = g_list_model_get_n_items (rounds);
  g_autoptr(AsRound) first = g_list_model_get_item (rounds, 0);
  g_autoptr(GPtrArray) spins = NULL;
  g_autoptr(GPtrArray) downs = NULL;
  GtkLabel *projected;
  AgendaCheck check;
  AsMeetingEditor *editor;

  g_assert_cmpint (as_meeting_get_state (planned), ==, AS_MEETING_PLANNED);
  g_assert_cmpuint (n, >=, 3);
  editor = as_meeting_editor_new (GTK_WINDOW (fx->window), set, planned);
  gtk_window_present (GTK_WINDOW (editor));
  check = (AgendaCheck) { planned, n, GTK_WIDGET (editor) };
  g_assert_true (wait_until (agenda_rows_match, &check, WAIT_MS));

  /* Move Down on the first round: it presents second. */
  downs = widgets_with_tooltip (GTK_WIDGET (editor), "Move Down");
  g_assert_cmpuint (downs->len, ==, n);
  g_signal_emit_by_name (g_ptr_array_index (downs, 0), "clicked");
  {
    g_autoptr(AsRound) second = g_list_model_get_item (rounds, 1);
    g_assert_true (second == first);
  }
  g_assert_true (wait_until (agenda_rows_match, &check, WAIT_MS));

  /* Twelve minutes for a round: its steps share them, the end moves. */
  spins = widgets_with_tooltip (GTK_WIDGET (editor), "Minutes for this round");
  gtk_spin_button_set_value (g_ptr_array_index (spins, 1), 12);
  g_assert_cmpint (as_round_get_planned_minutes (first), ==, 12);
  {
    GListModel *steps = as_round_get_steps (first);
    int total = 0;

    for (guint i = 0; i < g_list_model_get_n_items (steps); i++)
      {
        g_autoptr(AsStep) step = g_list_model_get_item (steps, i);
        total += as_step_get_budget_minutes (step);
      }
    g_assert_cmpint (total, ==, 12);
  }
  projected = GTK_LABEL (find_widget (GTK_WIDGET (editor), is_label_starting, "Ends at "));
  g_assert_nonnull (projected);

  /* Sharing the time equally fills the meeting to its end, on time. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "meeting.share-time", NULL);
  {
    g_autoptr(GDateTime) planned_end = as_meeting_dup_planned_end (planned);
    gint64 available = g_date_time_difference (as_meeting_get_end (planned),
                                               as_meeting_get_start (planned)) / G_TIME_SPAN_MINUTE;

    g_assert_cmpint (as_meeting_get_planned_minutes (planned), ==, available);
    g_assert_true (g_date_time_equal (planned_end, as_meeting_get_end (planned)));
    g_assert_nonnull (strstr (gtk_label_get_text (projected), "on time"));
  }

  /* Marking the first attendee absent takes their round off the agenda. */
  {
    g_autoptr(GPtrArray) checks = g_ptr_array_new ();
    /* A copy: unchecking the box replaces the attendees, and with them the
     * meeting's own strings. */
    g_autofree char *absent = g_strdup (as_meeting_get_attendees (planned)[0]);

    collect_widgets (GTK_WIDGET (editor), is_type, GSIZE_TO_POINTER (GTK_TYPE_CHECK_BUTTON), checks);
    for (guint i = 0; i < checks->len; i++)
      {
        GtkWidget *row = gtk_widget_get_ancestor (g_ptr_array_index (checks, i), ADW_TYPE_ACTION_ROW);

        if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                       as_set_member_name (set, absent)) == 0)
          gtk_check_button_set_active (g_ptr_array_index (checks, i), FALSE);
      }
    g_assert_false (as_meeting_is_attending (planned, absent));
    check.n_rows = n - 1;
    g_assert_true (wait_until (agenda_rows_match, &check, WAIT_MS));
  }

  /* Each change was one step of the set's history. */
  g_action_group_activate_action (G_ACTION_GROUP (fx->window), "undo", NULL);
  check.n_rows = n;
  g_assert_true (wait_until (agenda_rows_match, &check, WAIT_MS));

  /* A presenter's name is shown as typed, never read as markup. */
  {
    AsMember *presenter = as_set_lookup_member (set, as_round_get_presenter (first));

    as_member_set_name (presenter, "R&D <b>");
    g_assert_true (wait_until (agenda_rows_match, &check, WAIT_MS));
    g_assert_nonnull (find_widget (GTK_WIDGET (editor), is_label_with_text, "R&D <b>"));
  }
  gtk_window_destroy (GTK_WINDOW (editor));
}

/* The attendee check buttons of a meeting editor, in the order of the
 * set's members. */
static GPtrArray *
attendee_checks (GtkWidget *editor,
                 AsSet     *set)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  GPtrArray *checks = g_ptr_array_new ();
  GListModel *members = as_set_get_members (set);

  collect_widgets (editor, is_type, GSIZE_TO_POINTER (GTK_TYPE_CHECK_BUTTON), all);
  for (guint m = 0; m < g_list_model_get_n_items (members); m++)
    {
      g_autoptr(AsMember) member = g_list_model_get_item (members, m);

      for (guint i = 0; i < all->len; i++)
        {
          GtkWidget *row = gtk_widget_get_ancestor (g_ptr_array_index (all, i), ADW_TYPE_ACTION_ROW);

          if (row != NULL &&
              g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                         as_member_get_name (member)) == 0)
            {
              g_ptr_array_add (checks, g_ptr_array_index (all, i));
              break;
            }
        }
    }
  g_assert_cmpuint (checks->len, ==, g_list_model_get_n_items (members));
  return checks;
}

typedef struct
{
  AsMeeting *meeting;
  gboolean   fired;
} Reshuffle;

/* Someone else's handler that edits the meeting as a check button changes:
 * the attendees are replaced twice, and end as they were. */
static void
on_check_toggled_reshuffle (GtkCheckButton *check,
                            Reshuffle      *reshuffle)
{
  g_auto(GStrv) attendees = NULL;
  const char * const none[] = { NULL };

  if (reshuffle->fired)
    return;
  reshuffle->fired = TRUE;
  attendees = as_meeting_dup_attendees (reshuffle->meeting);
  as_meeting_set_attendees (reshuffle->meeting, none);
  as_meeting_set_attendees (reshuffle->meeting, (const char * const *) attendees);
}

/* The editor's check buttons follow a change of the attendees made
 * elsewhere, even when a handler of one of them edits the meeting again
 * while they are being updated: the editor reads its own copy of the
 * attendees, never the meeting's array that the edit frees. */
static void
test_attendees_edited_while_updating (Fixture       *fx,
                                      gconstpointer  data)
{
  g_autofree char *path = copy_example (fx);
  AsSetFile *doc = open_in_window (fx, path);
  AsSet *set = as_set_file_get_set (doc);
  GListModel *members = as_set_get_members (set);
  GListModel *meetings = as_set_get_meetings (set);
  g_autoptr(AsMeeting) planned = g_list_model_get_item (meetings, g_list_model_get_n_items (meetings) - 1);
  g_autoptr(GPtrArray) checks = NULL;
  g_autofree char *absent = NULL;
  Reshuffle reshuffle = { planned, FALSE };
  AsMeetingEditor *editor;
  guint first = G_MAXUINT;

  g_assert_cmpint (as_meeting_get_state (planned), ==, AS_MEETING_PLANNED);
  editor = as_meeting_editor_new (GTK_WINDOW (fx->window), set, planned);
  gtk_window_present (GTK_WINDOW (editor));
  checks = attendee_checks (GTK_WIDGET (editor), set);

  /* The first member who attends, with others after them. */
  for (guint m = 0; m < g_list_model_get_n_items (members) && first == G_MAXUINT; m++)
    {
      g_autoptr(AsMember) member = g_list_model_get_item (members, m);

      if (as_meeting_is_attending (planned, as_entity_get_id (AS_ENTITY (member))))
        {
          first = m;
          absent = g_strdup (as_entity_get_id (AS_ENTITY (member)));
        }
    }
  g_assert_cmpuint (first + 1, <, checks->len);
  g_assert_true (gtk_check_button_get_active (g_ptr_array_index (checks, first)));
  g_signal_connect (g_ptr_array_index (checks, first), "toggled",
                    G_CALLBACK (on_check_toggled_reshuffle), &reshuffle);

  as_meeting_set_absent (planned, set, absent, TRUE);
  g_assert_true (reshuffle.fired);
  g_assert_false (as_meeting_is_attending (planned, absent));
  for (guint m = 0; m < checks->len; m++)
    {
      g_autoptr(AsMember) member = g_list_model_get_item (members, m);

      g_assert_cmpint (gtk_check_button_get_active (g_ptr_array_index (checks, m)), ==,
                       as_meeting_is_attending (planned, as_entity_get_id (AS_ENTITY (member))));
    }

  g_signal_handlers_disconnect_by_func (g_ptr_array_index (checks, first),
                                        on_check_toggled_reshuffle, &reshuffle);
  gtk_window_destroy (GTK_WINDOW (editor));
}

static void
on_close_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  int *closed = user_data;

  *closed = as_window_request_close_finish (AS_WINDOW (source), result) ? 1 : 0;
}

static gboolean
close_answered (gpointer data)
{
  return *(int *) data >= 0;
}

static void
test_close_asks_about_changes (Fixture       *fx,
                               gconstpointer  data)
{
  g_autofree char *path = copy_example (fx);
  AsSetFile *doc = open_in_window (fx, path);
  AsSet *set = as_set_file_get_set (doc);
  AsJournal *journal = as_set_file_get_journal (doc);
  AdwMessageDialog *dialog;
  int closed = -1;

  gtk_window_set_default_size (GTK_WINDOW (fx->window), 900, 600);

  /* Unsaved changes: closing asks, and Cancel keeps the window. */
  as_set_set_facilitator (set, "Someone else");
  g_assert_true (as_set_file_get_modified (doc));
  as_window_request_close_async (fx->window, on_close_done, &closed);
  g_assert_true (wait_until (message_dialog_shown, fx->window, WAIT_MS));
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (fx->window)));
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), as_set_get_name (set)));
  g_assert_true (adw_message_dialog_has_response (dialog, "save"));
  g_assert_true (adw_message_dialog_has_response (dialog, "discard"));
  respond (dialog, "cancel");
  g_assert_true (wait_until (close_answered, &closed, WAIT_MS));
  g_assert_cmpint (closed, ==, 0);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fx->window)));
  g_assert_true (as_window_get_set_file (fx->window) == doc);

  /* Discard closes, and the crash journal goes with the changes. */
  g_assert_true (as_journal_flush (journal, NULL));
  g_assert_nonnull (as_journal_get_path (journal));
  closed = -1;
  as_window_request_close_async (fx->window, on_close_done, &closed);
  g_assert_true (wait_until (message_dialog_shown, fx->window, WAIT_MS));
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (fx->window)));
  respond (dialog, "discard");
  g_assert_true (wait_until (close_answered, &closed, WAIT_MS));
  g_assert_cmpint (closed, ==, 1);
  g_assert_null (as_journal_get_path (journal));

  /* The window's size is remembered for the next one. */
  {
    g_autoptr(GSettings) settings = g_settings_new ("org.example.ActionSet");
    int width, height;

    gtk_window_get_default_size (GTK_WINDOW (fx->window), &width, &height);
    g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, width);
    g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, height);
    g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
  }
}

static void
test_close_saves (Fixture       *fx,
                  gconstpointer  data)
{
  g_autofree char *path = copy_example (fx);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(AsSetFile) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  AsSetFile *doc = open_in_window (fx, path);
  AdwMessageDialog *dialog;
  int closed = -1;

  /* "Save" in the question saves, then closes. */
  as_set_set_facilitator (as_set_file_get_set (doc), "Someone else");
  as_window_request_close_async (fx->window, on_close_done, &closed);
  g_assert_true (wait_until (message_dialog_shown, fx->window, WAIT_MS));
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (fx->window)));
  respond (dialog, "save");
  g_assert_true (wait_until (close_answered, &closed, WAIT_MS));
  g_assert_cmpint (closed, ==, 1);

  reloaded = as_set_file_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (as_set_get_facilitator (as_set_file_get_set (reloaded)), ==, "Someone else");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = NULL;
  g_autofree char *state = NULL;
  g_autofree char *data = NULL;
  int status;

  if (g_getenv ("DISPLAY") == NULL || *g_getenv ("DISPLAY") == '\0')
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }

  /* Journals and the recent files list go to a folder of the test's own,
   * set before anything reads these variables. */
  home = g_dir_make_tmp ("as-test-window-XXXXXX", NULL);
  g_assert_nonnull (home);
  state = g_build_filename (home, "state", NULL);
  data = g_build_filename (home, "data", NULL);
  g_mkdir_with_parents (state, 0700);
  g_mkdir_with_parents (data, 0700);
  g_setenv ("XDG_STATE_HOME", state, TRUE);
  g_setenv ("XDG_DATA_HOME", data, TRUE);

  if (geteuid () == 0)
    drop_file_capabilities ();
  permissions_apply = probe_permissions (home);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/window/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("open-example", test_open_example);
  ADD ("add-member", test_add_member);
  ADD ("undo-redo", test_undo_redo);
  ADD ("markup-shows-literally", test_markup_shows_literally);
  ADD ("load-error-keeps-set", test_load_error_keeps_set);
  ADD ("shows-when-loaded", test_shows_when_loaded);
  ADD ("read-only-banner", test_read_only_banner);
  ADD ("remove-member", test_remove_member);
  ADD ("remove-meeting-with-actions", test_remove_meeting_with_actions);
  ADD ("plan-agenda", test_plan_agenda);
  ADD ("attendees-edited-while-updating", test_attendees_edited_while_updating);
  ADD ("close-asks-about-changes", test_close_asks_about_changes);
  ADD ("close-saves", test_close_saves);

  status = g_test_run ();
  as_test_remove_tree (home);
  return status;
}
