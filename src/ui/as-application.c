/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "as-application"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n-lib.h>

#include "as-application.h"
#include "as-check.h"
#include "as-journal.h"
#include "as-settings.h"
#include "as-ui-util.h"
#include "as-words.h"
#include "as-window.h"

#define EXAMPLE_NAME "northbridge-leaders.actionset"

struct _AsApplication
{
  AdwApplication        parent_instance;

  GSettings            *settings;        /* NULL when the schema is missing */
  GtkFileChooserNative *open_chooser;
  GQueue                quit_queue;      /* of AsWindow (owned), closing in turn */
  GQueue                restore_queue;   /* of AsJournalEntry, asked in turn */
  gboolean              restore_checked;
  char                 *run_meeting;     /* --run-meeting, for the first file */
  gboolean              projector;       /* --projector: project it too */
};

G_DEFINE_FINAL_TYPE (AsApplication, as_application, ADW_TYPE_APPLICATION)

static void ask_next_restore (AsApplication *self);

/* Helpers */

static GtkWindow *
active_window (AsApplication *self)
{
  return gtk_application_get_active_window (GTK_APPLICATION (self));
}

static AsWindow *
new_window (AsApplication *self)
{
  return as_window_new (GTK_APPLICATION (self));
}

/* A window that shows only the welcome page, to be reused. */
static AsWindow *
find_empty_window (AsApplication *self)
{
  GtkWindow *active = active_window (self);

  if (AS_IS_WINDOW (active) && as_window_is_empty (AS_WINDOW (active)))
    return AS_WINDOW (active);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (AS_IS_WINDOW (l->data) && as_window_is_empty (l->data))
      return l->data;
  return NULL;
}

static AsWindow *
window_for_new_set (AsApplication *self)
{
  AsWindow *window = find_empty_window (self);

  return window != NULL ? window : new_window (self);
}

static void
apply_color_scheme (AsApplication *self,
                    const char    *scheme)
{
  AdwColorScheme value = ADW_COLOR_SCHEME_DEFAULT;

  /* "default" follows the system's light or dark preference. */
  if (g_strcmp0 (scheme, "light") == 0)
    value = ADW_COLOR_SCHEME_FORCE_LIGHT;
  else if (g_strcmp0 (scheme, "dark") == 0)
    value = ADW_COLOR_SCHEME_FORCE_DARK;
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), value);
}

static void
on_color_scheme_changed (GSettings     *settings,
                         const char    *key,
                         AsApplication *self)
{
  g_autofree char *scheme = g_settings_get_string (settings, key);

  apply_color_scheme (self, scheme);
}

static GFile *
find_example (void)
{
  const char * const folders[] = { PKGDATADIR, SOURCE_DATADIR };

  /* Installed, or in the source tree for a build run in place. */
  for (guint i = 0; i < G_N_ELEMENTS (folders); i++)
    {
      g_autofree char *path = g_build_filename (folders[i], "examples", EXAMPLE_NAME, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return g_file_new_for_path (path);
    }
  return NULL;
}

/* Restoring after a crash */

static void
restore (AsApplication  *self,
         AsJournalEntry *entry)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AsSetFile) doc = NULL;
  AsWindow *window;

  doc = as_set_file_new_from_journal (entry->path, &error);

  /* The file may be open already, or opening (named on the command line):
   * the restored set, newer, takes its place there. */
  window = NULL;
  if (entry->file_path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (entry->file_path);

      for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
        {
          AsSetFile *shown;

          if (!AS_IS_WINDOW (l->data) || !as_window_shows_file (l->data, file))
            continue;
          shown = as_window_get_set_file (l->data);
          if (shown == NULL || !as_set_file_get_modified (shown))
            window = l->data;
        }
    }
  if (window == NULL)
    window = window_for_new_set (self);
  gtk_window_present (GTK_WINDOW (window));

  if (doc == NULL)
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (window),
                                                  _("Could Not Restore the Set"),
                                                  error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  as_window_set_set_file (window, doc);
}

static void
on_restore_response (AdwMessageDialog *dialog,
                     const char       *response,
                     AsApplication    *self)
{
  AsJournalEntry *entry = g_object_get_data (G_OBJECT (dialog), "entry");

  if (g_strcmp0 (response, "restore") == 0)
    restore (self, entry);
  else if (g_strcmp0 (response, "discard") == 0)
    {
      g_autoptr(GError) error = NULL;

      if (!as_journal_delete (entry->path, &error))
        g_warning ("Could not delete %s: %s", entry->path, error->message);
    }
  /* "later" keeps the journal, to be offered at the next start. */

  ask_next_restore (self);
}

static void
ask_next_restore (AsApplication *self)
{
  AsJournalEntry *entry = g_queue_pop_head (&self->restore_queue);
  g_autofree char *when = NULL;
  g_autofree char *time = NULL;
  g_autofree char *edits = NULL;
  g_autofree char *body = NULL;
  const char *title;
  GtkWindow *parent;
  GtkWidget *dialog;

  if (entry == NULL)
    return;

  when = as_words_date (entry->modified);
  time = as_words_time (entry->modified);
  edits = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "%u unsaved change", "%u unsaved changes",
                                        entry->n_edits),
                           entry->n_edits);
  title = entry->title != NULL && *entry->title != '\0' ? entry->title : _("Untitled Set");

  if (entry->file_path != NULL)
    {
      g_autofree char *display = g_filename_display_name (entry->file_path);

      /* Translators: "“Northbridge Leaders” had 12 unsaved changes when Action
       * Set stopped on Saturday 21 November 2026 at 14:05. File: …" */
      body = g_strdup_printf (_("“%s” had %s when Action Set stopped on %s at %s.\n"
                                "File: %s"),
                              title, edits, when, time, display);
    }
  else
    body = g_strdup_printf (_("“%s”, a set that was never saved, had %s when Action Set "
                              "stopped on %s at %s."),
                            title, edits, when, time);

  parent = active_window (self);
  if (parent == NULL)
    {
      AsWindow *window = new_window (self);

      gtk_window_present (GTK_WINDOW (window));
      parent = GTK_WINDOW (window);
    }

  dialog = adw_message_dialog_new (parent, _("Restore Unsaved Changes?"), NULL);
  adw_message_dialog_set_body_use_markup (ADW_MESSAGE_DIALOG (dialog), FALSE);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "later", _("_Not Now"),
                                    "discard", _("_Discard"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "later");
  g_object_set_data_full (G_OBJECT (dialog), "entry", entry,
                          (GDestroyNotify) as_journal_entry_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_restore_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean offer_restore_idle (gpointer user_data);

/* Mapped, or destroyed before it was. */
static void
on_first_window_shown (GtkWidget     *window,
                       AsApplication *self)
{
  g_signal_handlers_disconnect_by_func (window, on_first_window_shown, self);
  g_idle_add_full (G_PRIORITY_LOW, offer_restore_idle, self, NULL);
}

static gboolean
offer_restore_idle (gpointer user_data)
{
  AsApplication *self = user_data;
  GtkWindow *window = active_window (self);
  g_autoptr(GPtrArray) orphans = NULL;

  /* A window waiting for its set to load is not shown yet: ask once it
   * is, over it rather than alone. */
  if (window != NULL && !gtk_widget_get_mapped (GTK_WIDGET (window)))
    {
      g_signal_connect_object (window, "map", G_CALLBACK (on_first_window_shown), self, 0);
      g_signal_connect_object (window, "destroy", G_CALLBACK (on_first_window_shown), self, 0);
      return G_SOURCE_REMOVE;
    }

  orphans = as_journal_find_orphans ();

  while (orphans != NULL && orphans->len > 0)
    g_queue_push_tail (&self->restore_queue, g_ptr_array_steal_index (orphans, 0));
  ask_next_restore (self);

  g_application_release (G_APPLICATION (self));
  return G_SOURCE_REMOVE;
}

static void
offer_restore (AsApplication *self)
{
  if (self->restore_checked)
    return;
  self->restore_checked = TRUE;

  /* Once the first window is up, so the question has a window to belong to. */
  g_application_hold (G_APPLICATION (self));
  g_idle_add_full (G_PRIORITY_LOW, offer_restore_idle, self, NULL);
}

/* Quitting */

static void quit_next (AsApplication *self);

static void
on_window_closed (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  AsApplication *self = user_data;

  if (as_window_request_close_finish (AS_WINDOW (source), result))
    quit_next (self);
  else
    /* The user kept a window: stop quitting, keep the others too. */
    g_queue_clear_full (&self->quit_queue, g_object_unref);
  g_application_release (G_APPLICATION (self));
}

static void
quit_next (AsApplication *self)
{
  g_autoptr(AsWindow) window = g_queue_pop_head (&self->quit_queue);

  if (window == NULL)
    {
      g_application_quit (G_APPLICATION (self));
      return;
    }
  g_application_hold (G_APPLICATION (self));
  as_window_request_close_async (window, on_window_closed, self);
}

/* Actions */

static void
action_new (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  AsApplication *self = user_data;
  AsWindow *window = window_for_new_set (self);

  as_window_new_set (window);
  gtk_window_present (GTK_WINDOW (window));
}

static void
on_open_response (GtkNativeDialog *native,
                  int              response,
                  AsApplication   *self)
{
  g_autoptr(GtkFileChooserNative) chooser = g_steal_pointer (&self->open_chooser);
  g_autoptr(GListModel) files = NULL;
  g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);

  if (response != GTK_RESPONSE_ACCEPT)
    return;

  files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (native));
  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    g_ptr_array_add (array, g_list_model_get_item (files, i));
  as_application_open_files (self, (GFile **) array->pdata, array->len);
}

static void
action_open (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  AsApplication *self = user_data;
  g_autoptr(GtkFileFilter) sets = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) json = gtk_file_filter_new ();
  GtkFileChooser *chooser;

  if (self->open_chooser != NULL)
    return;

  self->open_chooser = gtk_file_chooser_native_new (_("Open Sets"), active_window (self),
                                                    GTK_FILE_CHOOSER_ACTION_OPEN,
                                                    _("_Open"), _("_Cancel"));
  chooser = GTK_FILE_CHOOSER (self->open_chooser);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->open_chooser), TRUE);
  gtk_file_chooser_set_select_multiple (chooser, TRUE);

  gtk_file_filter_set_name (sets, _("Action Learning Sets"));
  gtk_file_filter_add_mime_type (sets, "application/x-actionset");
  gtk_file_filter_add_suffix (sets, "actionset");
  gtk_file_chooser_add_filter (chooser, sets);
  gtk_file_filter_set_name (json, _("JSON Files"));
  gtk_file_filter_add_mime_type (json, "application/json");
  gtk_file_filter_add_suffix (json, "json");
  gtk_file_chooser_add_filter (chooser, json);
  gtk_file_chooser_set_filter (chooser, sets);

  if (self->settings != NULL)
    {
      g_autofree char *uri = g_settings_get_string (self->settings, "last-folder");

      if (*uri != '\0')
        {
          g_autoptr(GFile) folder = g_file_new_for_uri (uri);
          gtk_file_chooser_set_current_folder (chooser, folder, NULL);
        }
    }

  g_signal_connect (self->open_chooser, "response", G_CALLBACK (on_open_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->open_chooser));
}

static void
action_open_example (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  AsApplication *self = user_data;
  g_autoptr(GFile) example = find_example ();

  if (example == NULL)
    {
      AsWindow *window = window_for_new_set (self);
      GtkWidget *dialog;

      gtk_window_present (GTK_WINDOW (window));
      dialog = adw_message_dialog_new (GTK_WINDOW (window), _("Example Not Found"),
                                       _("The example set is not installed."));
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  as_application_open_files (self, &example, 1);
}

static void
action_about (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  AsApplication *self = user_data;
  const char *developers[] = { "Action Set developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", active_window (self),
                        "application-icon", APP_ID,
                        "application-name", _("Action Set"),
                        "developer-name", _("Action Set developers"),
                        "version", PACKAGE_VERSION,
                        "website", "https://example.org/action-set",
                        "comments", _("Run Action Learning sets: time each member’s round, "
                                      "share the airtime fairly, log the questions and keep "
                                      "the actions in view."),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        "copyright", _("© Action Set developers"),
                        /* Translators: your names, one a line. */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
action_shortcuts (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  AsApplication *self = user_data;
  GtkWindow *window = active_window (self);

  if (!GTK_IS_APPLICATION_WINDOW (window))
    return;

  /* Built on first use: GtkApplication would build one for every window,
   * at start-up, were it where it looks (gtk/help-overlay.ui). */
  if (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)) == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource ("/org/example/ActionSet/as-shortcuts-window.ui");
      GObject *overlay = gtk_builder_get_object (builder, "help_overlay");

      gtk_application_window_set_help_overlay (GTK_APPLICATION_WINDOW (window),
                                               GTK_SHORTCUTS_WINDOW (overlay));
    }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
}

static void
action_quit (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  AsApplication *self = user_data;

  if (!g_queue_is_empty (&self->quit_queue))
    return;

  /* One window at a time, each asking about its unsaved changes; the first
   * one kept stops the quitting. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (AS_IS_WINDOW (l->data))
      g_queue_push_tail (&self->quit_queue, g_object_ref (l->data));
  quit_next (self);
}

static void
action_color_scheme (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  AsApplication *self = user_data;

  g_simple_action_set_state (action, parameter);
  apply_color_scheme (self, g_variant_get_string (parameter, NULL));
}

static const GActionEntry app_entries[] = {
  { "new", action_new },
  { "open", action_open },
  { "open-example", action_open_example },
  { "about", action_about },
  { "shortcuts", action_shortcuts },
  { "quit", action_quit },
};

/* GApplication overrides */

static int
as_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  g_autofree const char **paths = NULL;
  gboolean check = FALSE;
  gboolean version = FALSE;

  g_variant_dict_lookup (options, "version", "b", &version);
  g_variant_dict_lookup (options, "check", "b", &check);
  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &paths);
  g_variant_dict_lookup (options, "run-meeting", "s", &AS_APPLICATION (application)->run_meeting);
  g_variant_dict_lookup (options, "projector", "b", &AS_APPLICATION (application)->projector);

  if (version)
    {
      g_print ("action-set %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (check)
    {
      g_autoptr(GString) out = g_string_new (NULL);
      int status;

      /* No display and no GTK: this runs before the application registers
       * or starts up. */
      if (paths == NULL || paths[0] == NULL)
        {
          g_printerr ("%s\n", _("Usage: action-set --check FILE…"));
          return 2;
        }
      status = as_check_files (paths, out);
      fputs (out->str, stderr);
      return status;
    }

  if (paths != NULL && paths[0] != NULL)
    {
      g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GError) error = NULL;

      if (!g_application_register (application, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      for (guint i = 0; paths[i] != NULL; i++)
        g_ptr_array_add (files, g_file_new_for_commandline_arg (paths[i]));
      /* In a second instance this hands the files to the first one. */
      g_application_open (application, (GFile **) files->pdata, files->len, "");
      if (g_application_get_is_remote (application))
        return 0;
    }

  return -1;
}

static void
as_application_startup (GApplication *application)
{
  AsApplication *self = AS_APPLICATION (application);
  GtkApplication *gtk_app = GTK_APPLICATION (application);
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.new", { "<Control>n", NULL } },
    { "app.open", { "<Control>o", NULL } },
    { "app.quit", { "<Control>q", NULL } },
    { "app.shortcuts", { "<Control>question", NULL } },
    { "win.save", { "<Control>s", NULL } },
    { "win.save-as", { "<Control><Shift>s", NULL } },
    { "win.close", { "<Control>w", NULL } },
    { "win.undo", { "<Control>z", NULL } },
    { "win.redo", { "<Control><Shift>z", "<Control>y", NULL } },
    { "win.show-page::set", { "<Alt>1", NULL } },
    { "win.show-page::members", { "<Alt>2", NULL } },
    { "win.show-page::meetings", { "<Alt>3", NULL } },
    /* Opened through app.shortcuts, which has the key and builds it. */
    { "win.show-help-overlay", { NULL } },
  };
  g_autofree char *scheme = NULL;
  GAction *color_scheme;

  G_APPLICATION_CLASS (as_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_entries,
                                   G_N_ELEMENTS (app_entries), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (gtk_app, accels[i].action, accels[i].accels);

  /* The style follows the system unless the user picked one, for example
   * light for a projector in a bright room. */
  self->settings = as_settings_get_gsettings (as_settings_get_default ());
  if (self->settings != NULL)
    g_object_ref (self->settings);
  if (self->settings != NULL)
    {
      color_scheme = g_settings_create_action (self->settings, "color-scheme");
      g_signal_connect_object (self->settings, "changed::color-scheme",
                               G_CALLBACK (on_color_scheme_changed), self, 0);
      scheme = g_settings_get_string (self->settings, "color-scheme");
    }
  else
    {
      color_scheme = G_ACTION (g_simple_action_new_stateful ("color-scheme",
                                                             G_VARIANT_TYPE_STRING,
                                                             g_variant_new_string ("default")));
      g_signal_connect (color_scheme, "change-state", G_CALLBACK (action_color_scheme), self);
      scheme = g_strdup ("default");
    }
  g_action_map_add_action (G_ACTION_MAP (self), color_scheme);
  g_object_unref (color_scheme);
  apply_color_scheme (self, scheme);
}

static void
as_application_activate (GApplication *application)
{
  AsApplication *self = AS_APPLICATION (application);
  GtkWindow *window = active_window (self);

  if (window == NULL)
    window = GTK_WINDOW (new_window (self));
  /* Also after the files named on the command line were opened: a window
   * still loading one shows with it. */
  if (AS_IS_WINDOW (window))
    as_window_present_when_loaded (AS_WINDOW (window));
  else
    gtk_window_present (window);
  offer_restore (self);
}

static void
as_application_open (GApplication  *application,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  as_application_open_files (AS_APPLICATION (application), files, n_files);
}

/* GObject overrides */

static void
as_application_dispose (GObject *object)
{
  AsApplication *self = AS_APPLICATION (object);

  g_queue_clear_full (&self->quit_queue, g_object_unref);
  g_queue_clear_full (&self->restore_queue, (GDestroyNotify) as_journal_entry_free);
  if (self->open_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->open_chooser));
  g_clear_object (&self->open_chooser);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->run_meeting, g_free);

  G_OBJECT_CLASS (as_application_parent_class)->dispose (object);
}

static void
as_application_class_init (AsApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = as_application_dispose;

  app_class->handle_local_options = as_application_handle_local_options;
  app_class->startup = as_application_startup;
  app_class->activate = as_application_activate;
  app_class->open = as_application_open;
}

static void
as_application_init (AsApplication *self)
{
  const GOptionEntry entries[] = {
    { "check", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Check set files and report their problems, without opening a window"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Show the version and quit"), NULL },
    { "run-meeting", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Open the set on the live screen of a meeting: “next” (the one running, else the next planned) or a meeting’s id"),
      N_("MEETING") },
    { "projector", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("With --run-meeting, open the projected view of the meeting too, on a second screen when there is one"),
      NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL,
      NULL, N_("[FILE…]") },
    { NULL }
  };

  g_queue_init (&self->quit_queue);
  g_queue_init (&self->restore_queue);
  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Run Action Learning sets."));
}

AsApplication *
as_application_new (void)
{
  return g_object_new (AS_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/org/example/ActionSet",
                       NULL);
}

void
as_application_open_files (AsApplication  *self,
                           GFile         **files,
                           guint           n_files)
{
  g_return_if_fail (AS_IS_APPLICATION (self));

  for (guint i = 0; i < n_files; i++)
    {
      AsWindow *window = NULL;

      for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
        if (AS_IS_WINDOW (l->data) && as_window_shows_file (l->data, files[i]))
          window = l->data;

      if (window == NULL)
        {
          window = window_for_new_set (self);
          as_window_open_file (window, files[i]);
        }
      if (i == 0 && self->run_meeting != NULL)
        {
          g_autofree char *which = g_steal_pointer (&self->run_meeting);

          if (self->projector)
            as_window_project_meeting (window, which);
          else
            as_window_show_meeting (window, which);
        }
      as_window_present_when_loaded (window);
    }

  offer_restore (self);
}
