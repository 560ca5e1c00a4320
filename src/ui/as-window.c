/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "as-window"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "as-banner.h"
#include "as-first-frame.h"
#include "as-journal.h"
#include "as-lazy-page.h"
#include "as-meeting-editor.h"
#include "as-meeting-view.h"
#include "as-member-editor.h"
#include "as-set-view.h"
#include "as-settings.h"
#include "as-ui-util.h"
#include "as-undo-stack.h"
#include "as-welcome-page.h"
#include "as-window.h"

#define AS_EXTENSION ".actionset"
/* How long a window waits for its set before it shows without it. */
#define PRESENT_WAIT_MS 400

struct _AsWindow
{
  AdwApplicationWindow  parent_instance;

  AsSetFile            *doc;
  AsSetView            *set_view;
  GCancellable         *cancellable;
  GSettings            *settings;          /* NULL when the schema is missing */
  GtkFileChooserNative *chooser;           /* Save As being asked */
  GTask                *close_task;        /* a close waiting for an answer */
  GPtrArray            *loads;             /* of LoadData, being loaded */
  gboolean              saving;
  gboolean              close_confirmed;
  gboolean              close_after_save;

  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkWidget            *undo_box;
  GtkWidget            *save_button;
  GtkWidget            *header_bar;
  GtkWidget            *switcher_strip;
  GtkMenuButton        *menu_button;
  GMenuModel           *primary_menu;
  AdwViewSwitcher      *view_switcher;
  AsBanner             *read_only_banner;
  AsBanner             *changed_banner;
  GtkStack             *main_stack;
  AdwBin               *set_bin;
  AdwBin               *live_bin;
  AsLiveMeeting        *live;              /* the last meeting run, or NULL */
  AsMeetingView        *live_view;         /* its facilitator's screen */
  char                 *pending_meeting;   /* to show once the set is loaded */
  gboolean              pending_projector; /* and to project it then */
  gboolean              present_waiting;   /* to present once the set is loaded */
  guint                 present_source;    /* presents it if the set is slow */
};

G_DEFINE_FINAL_TYPE (AsWindow, as_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SET_FILE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void save_to (AsWindow *self, GFile *target, gboolean force);
static void save_as (AsWindow *self);
static void load_file (AsWindow *self, GFile *file, gboolean reload);

/* Helpers */

static AsSet *
current_set (AsWindow *self)
{
  return self->doc != NULL ? as_set_file_get_set (self->doc) : NULL;
}

static AsUndoStack *
current_undo (AsWindow *self)
{
  AsSet *set = current_set (self);

  return set != NULL ? as_set_get_undo_stack (set) : NULL;
}

static char *
file_display_name (GFile *file)
{
  g_autoptr(GFileInfo) info = NULL;

  /* The display name is valid UTF-8 whatever the bytes of the name. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info != NULL)
    return g_strdup (g_file_info_get_display_name (info));
  return g_file_get_basename (file);
}

static void
set_action_enabled (AsWindow   *self,
                    const char *name,
                    gboolean    enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  if (action != NULL)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

static void
update_actions (AsWindow *self)
{
  AsUndoStack *undo = current_undo (self);
  gboolean has_doc = self->doc != NULL;
  gboolean read_only = has_doc && as_set_file_get_read_only (self->doc);
  gboolean has_file = has_doc && as_set_file_get_file (self->doc) != NULL;

  set_action_enabled (self, "save", has_doc && !read_only && !self->saving);
  set_action_enabled (self, "save-as", has_doc && !self->saving);
  set_action_enabled (self, "reload", has_file && !self->saving);
  set_action_enabled (self, "undo", undo != NULL && as_undo_stack_get_can_undo (undo));
  set_action_enabled (self, "redo", undo != NULL && as_undo_stack_get_can_redo (undo));
  set_action_enabled (self, "show-page", has_doc);

  /* The welcome page has nothing to undo or save. */
  gtk_widget_set_visible (self->undo_box, has_doc);
  gtk_widget_set_visible (self->save_button, has_doc);
}

static void
update_title (AsWindow *self)
{
  g_autofree char *subtitle = NULL;
  const char *name;
  gboolean modified;

  if (self->doc == NULL)
    {
      adw_window_title_set_title (self->window_title, _("Action Set"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Action Set"));
      return;
    }

  name = as_ui_set_display_name (current_set (self));
  modified = as_set_file_get_modified (self->doc);

  if (as_set_file_get_file (self->doc) == NULL)
    subtitle = g_strdup (_("Not saved"));
  else
    {
      /* From the file's name alone: this runs on every keystroke in the
       * set's name, and a query of the file would block on a slow share. */
      g_autofree char *base = as_set_file_dup_title (self->doc);

      if (as_set_file_get_read_only (self->doc))
        /* Translators: the file name of a set that cannot be saved. */
        subtitle = g_strdup_printf (_("%s (read-only)"), base);
      else if (modified)
        /* Translators: the file name of a set with unsaved changes. */
        subtitle = g_strdup_printf (_("• %s"), base);
      else
        subtitle = g_steal_pointer (&base);
    }

  /* Both are plain text: a set called "R&D <b>" shows as typed. */
  adw_window_title_set_title (self->window_title, name);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  if (modified)
    {
      g_autofree char *title = g_strdup_printf (_("• %s"), name);
      gtk_window_set_title (GTK_WINDOW (self), title);
    }
  else
    gtk_window_set_title (GTK_WINDOW (self), name);
}

static void
update_banners (AsWindow *self)
{
  gboolean read_only = self->doc != NULL && as_set_file_get_read_only (self->doc);
  gboolean changed = self->doc != NULL && as_set_file_get_changed_on_disk (self->doc);

  as_banner_set_revealed (self->read_only_banner, read_only);
  as_banner_set_revealed (self->changed_banner, changed);
}

static void
update_all (AsWindow *self)
{
  update_actions (self);
  update_title (self);
  update_banners (self);
}

static void
add_recent (AsWindow *self)
{
  GFile *file = self->doc != NULL ? as_set_file_get_file (self->doc) : NULL;

  if (file != NULL)
    as_welcome_page_add_recent (file, as_set_get_name (current_set (self)));
}

typedef struct
{
  GFile *file;
  char  *name;
} RecentData;

static void
recent_data_free (RecentData *data)
{
  g_object_unref (data->file);
  g_free (data->name);
  g_free (data);
}

static gboolean
add_recent_idle (gpointer user_data)
{
  RecentData *data = user_data;

  as_welcome_page_add_recent (data->file, data->name);
  return G_SOURCE_REMOVE;
}

/* add_recent (), after the first frame: the recent files manager reads
 * the whole list of every application's recent files. */
static void
add_recent_later (AsWindow *self)
{
  GFile *file = self->doc != NULL ? as_set_file_get_file (self->doc) : NULL;
  RecentData *data;

  if (file == NULL)
    return;
  data = g_new0 (RecentData, 1);
  data->file = g_object_ref (file);
  data->name = g_strdup (as_set_get_name (current_set (self)));
  g_idle_add_full (G_PRIORITY_LOW, add_recent_idle, data, (GDestroyNotify) recent_data_free);
}

static void
remember_folder (AsWindow *self,
                 GFile    *file)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);

  if (self->settings != NULL && parent != NULL)
    {
      g_autofree char *uri = g_file_get_uri (parent);
      g_settings_set_string (self->settings, "last-folder", uri);
    }
}

static void
close_editors (AsWindow *self)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  g_autoptr(GPtrArray) editors = g_ptr_array_new_with_free_func (g_object_unref);

  /* Dialogs editing a member or a meeting of the set being replaced. */
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if ((AS_IS_MEMBER_EDITOR (window) || AS_IS_MEETING_EDITOR (window)) &&
          gtk_window_get_transient_for (window) == GTK_WINDOW (self))
        g_ptr_array_add (editors, g_object_ref (window));
    }
  for (guint i = 0; i < editors->len; i++)
    gtk_window_destroy (g_ptr_array_index (editors, i));
}

static void
disconnect_doc (AsWindow *self)
{
  AsSet *set = as_set_file_get_set (self->doc);

  g_signal_handlers_disconnect_by_data (self->doc, self);
  g_signal_handlers_disconnect_by_data (set, self);
  g_signal_handlers_disconnect_by_data (as_set_get_undo_stack (set), self);
}

static void
complete_close (AsWindow *self,
                gboolean  closed)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->close_task);

  self->close_after_save = FALSE;
  if (task != NULL)
    g_task_return_boolean (task, closed);
}

static AdwMessageDialog *
message_dialog (AsWindow   *self,
                const char *heading,
                const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  /* Headings and bodies quote file names and messages: plain text. */
  adw_message_dialog_set_heading_use_markup (ADW_MESSAGE_DIALOG (dialog), FALSE);
  adw_message_dialog_set_body_use_markup (ADW_MESSAGE_DIALOG (dialog), FALSE);
  return ADW_MESSAGE_DIALOG (dialog);
}

static void
show_error (AsWindow   *self,
            const char *heading,
            const char *body)
{
  AdwMessageDialog *dialog = message_dialog (self, heading, body);

  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_file_filters (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) sets = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) json = gtk_file_filter_new ();

  gtk_file_filter_set_name (sets, _("Action Learning Sets"));
  gtk_file_filter_add_mime_type (sets, "application/x-actionset");
  gtk_file_filter_add_suffix (sets, "actionset");
  gtk_file_chooser_add_filter (chooser, sets);

  gtk_file_filter_set_name (json, _("JSON Files"));
  gtk_file_filter_add_mime_type (json, "application/json");
  gtk_file_filter_add_suffix (json, "json");
  gtk_file_chooser_add_filter (chooser, json);

  gtk_file_chooser_set_filter (chooser, sets);
}

static void
save_window_state (AsWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (self->settings);
  if (width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_apply (self->settings);
}

/* Saving */

static void
on_conflict_response (AdwMessageDialog *dialog,
                      const char       *response,
                      AsWindow         *self)
{
  if (g_strcmp0 (response, "overwrite") == 0)
    save_to (self, NULL, TRUE);
  else if (g_strcmp0 (response, "save-as") == 0)
    save_as (self);
  else if (g_strcmp0 (response, "reload") == 0)
    {
      complete_close (self, FALSE);
      if (self->doc != NULL)
        {
          as_journal_discard (as_set_file_get_journal (self->doc));
          load_file (self, as_set_file_get_file (self->doc), TRUE);
        }
    }
  else
    complete_close (self, FALSE);
}

static void
ask_about_conflict (AsWindow *self)
{
  g_autofree char *base = file_display_name (as_set_file_get_file (self->doc));
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  body = g_strdup_printf (_("“%s” was changed by someone else since you opened it. Reload it "
                            "to see their changes and lose yours, save yours as a copy, or "
                            "overwrite theirs with yours."), base);
  dialog = message_dialog (self, _("File Changed on Disk"), body);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "reload", _("_Reload"),
                                    "save-as", _("Save _As…"),
                                    "overwrite", _("_Overwrite"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "overwrite", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save-as", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save-as");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_conflict_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_save_failed_response (AdwMessageDialog *dialog,
                         const char       *response,
                         AsWindow         *self)
{
  if (g_strcmp0 (response, "save-as") == 0)
    save_as (self);
  else
    complete_close (self, FALSE);
}

static void
report_save_error (AsWindow     *self,
                   const GError *error)
{
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  heading = g_strdup_printf (_("Could Not Save “%s”"), as_ui_set_display_name (current_set (self)));
  dialog = message_dialog (self, heading, NULL);
  /* Nothing is lost: the set stays open and modified, and the file on disk
   * is as it was. Say so, after the reason. */
  adw_message_dialog_format_body (dialog, "%s\n\n%s", error->message,
                                  _("Your changes are still here. Save them as a copy "
                                    "somewhere else, or try again."));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "save-as", _("Save _As…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "save-as", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save-as");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_save_failed_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(AsWindow) self = user_data;
  AsSetFile *doc = AS_SET_FILE (source);
  g_autoptr(GError) error = NULL;

  self->saving = FALSE;

  if (!as_set_file_save_finish (doc, result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || doc != self->doc)
        return;
      update_actions (self);

      if (g_error_matches (error, AS_FILE_ERROR, AS_FILE_ERROR_CHANGED))
        ask_about_conflict (self);
      else if (g_error_matches (error, AS_FILE_ERROR, AS_FILE_ERROR_NO_FILE))
        save_as (self);
      else
        report_save_error (self, error);
      return;
    }

  if (doc != self->doc)
    return;

  update_all (self);
  add_recent (self);
  remember_folder (self, as_set_file_get_file (doc));

  if (self->close_after_save)
    {
      /* Edits made while the save ran are not in the file: closing asks
       * about them again rather than lose them. */
      self->close_after_save = FALSE;
      self->close_confirmed = !as_set_file_get_modified (doc);
      gtk_window_close (GTK_WINDOW (self));
      return;
    }

  {
    AdwToast *toast = adw_toast_new (_("Set saved"));

    adw_toast_set_timeout (toast, 2);
    as_window_add_toast (self, toast);
  }
}

static void
save_to (AsWindow *self,
         GFile    *target,
         gboolean  force)
{
  AsUndoStack *undo = current_undo (self);

  g_return_if_fail (self->doc != NULL);

  if (self->saving)
    return;

  /* What is being typed belongs to the step being saved. */
  if (undo != NULL)
    as_undo_stack_seal (undo);

  self->saving = TRUE;
  update_actions (self);
  as_set_file_save_async (self->doc, target, force, self->cancellable,
                          on_saved, g_object_ref (self));
}

static char *
suggested_name (AsWindow *self)
{
  GFile *file = as_set_file_get_file (self->doc);
  const char *name = as_set_get_name (current_set (self));
  g_autofree char *safe = NULL;

  /* The set's name says what the copy holds; without one, the file's. */
  if ((name == NULL || *name == '\0') && file != NULL)
    return file_display_name (file);
  if (name == NULL || *name == '\0')
    name = _("Action Learning Set");

  /* A name may hold characters a file name cannot. */
  safe = g_strdelimit (g_strstrip (g_strdup (name)), "/\\:", '-');
  return g_strconcat (safe, AS_EXTENSION, NULL);
}

static void
on_save_as_response (GtkNativeDialog *native,
                     int              response,
                     AsWindow        *self)
{
  g_autoptr(GtkFileChooserNative) chooser = g_steal_pointer (&self->chooser);
  g_autoptr(GFile) file = NULL;

  if (response != GTK_RESPONSE_ACCEPT || self->doc == NULL)
    {
      complete_close (self, FALSE);
      return;
    }

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  if (file == NULL)
    {
      complete_close (self, FALSE);
      return;
    }

  /* A name typed without an extension gets ours, so that the file manager
   * knows what it is; but never in place of a file the chooser did not
   * ask about. */
  {
    g_autofree char *base = g_file_get_basename (file);

    if (base != NULL && strchr (base, '.') == NULL)
      {
        g_autofree char *with_ext = g_strconcat (base, AS_EXTENSION, NULL);
        g_autoptr(GFile) parent = g_file_get_parent (file);
        g_autoptr(GFile) renamed = NULL;

        if (parent != NULL)
          renamed = g_file_get_child (parent, with_ext);
        if (renamed != NULL && !g_file_query_exists (renamed, NULL))
          g_set_object (&file, renamed);
      }
  }

  /* The chooser asked before replacing an existing file. */
  save_to (self, file, TRUE);
}

static void
save_as (AsWindow *self)
{
  g_autofree char *name = NULL;
  GFile *file;

  if (self->doc == NULL || self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Save Set As"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  add_file_filters (GTK_FILE_CHOOSER (self->chooser));

  name = suggested_name (self);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);

  file = as_set_file_get_file (self->doc);
  if (file != NULL)
    {
      g_autoptr(GFile) parent = g_file_get_parent (file);

      if (parent != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), parent, NULL);
    }
  else if (self->settings != NULL)
    {
      g_autofree char *uri = g_settings_get_string (self->settings, "last-folder");

      if (uri != NULL && *uri != '\0')
        {
          g_autoptr(GFile) folder = g_file_new_for_uri (uri);
          gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
        }
    }

  g_signal_connect (self->chooser, "response", G_CALLBACK (on_save_as_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
save (AsWindow *self)
{
  if (self->doc == NULL)
    return;
  if (as_set_file_get_file (self->doc) == NULL || as_set_file_get_read_only (self->doc))
    save_as (self);
  else
    save_to (self, NULL, FALSE);
}

/* Loading */

/* A window that waited for its set to present itself: it shows now, with
 * the set or the reason it could not load (present), or not at all
 * (closed while it waited). */
static void
stop_waiting (AsWindow *self,
              gboolean  present)
{
  if (!self->present_waiting)
    return;
  self->present_waiting = FALSE;
  g_clear_handle_id (&self->present_source, g_source_remove);
  if (present)
    gtk_window_present (GTK_WINDOW (self));
  as_first_frame_release (GTK_WINDOW (self));
}

static gboolean
on_present_timeout (gpointer user_data)
{
  AsWindow *self = user_data;

  /* A slow load: the window shows while the set loads. */
  self->present_source = 0;
  gtk_window_present (GTK_WINDOW (self));
  return G_SOURCE_REMOVE;
}

typedef struct
{
  AsWindow     *self;
  GFile        *file;
  GCancellable *cancellable;
  gboolean      reload;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_object_unref (data->self);
  g_object_unref (data->file);
  g_object_unref (data->cancellable);
  g_free (data);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  LoadData *data = user_data;
  AsWindow *self = data->self;
  g_autoptr(AsSetFile) doc = NULL;
  g_autoptr(GError) error = NULL;
  AsWindow *target = self;

  doc = as_set_file_load_finish (result, &error);
  g_ptr_array_remove (self->loads, data);

  /* Cancelled: the window closed, or it shows this file already (a set
   * restored after a crash). */
  if (g_cancellable_is_cancelled (data->cancellable))
    {
      stop_waiting (self, FALSE);
      load_data_free (data);
      return;
    }

  if (doc == NULL)
    {
      g_autofree char *base = file_display_name (data->file);
      g_autofree char *heading = g_strdup_printf (_("Could Not Open “%s”"), base);

      /* The message names the file and the place in it; whatever this
       * window showed stays as it was. */
      stop_waiting (self, TRUE);
      show_error (self, heading, error->message);
      load_data_free (data);
      return;
    }

  /* A set opened while another shows here gets its own window. */
  if (!data->reload && self->doc != NULL)
    {
      target = as_window_new (gtk_window_get_application (GTK_WINDOW (self)));
      gtk_window_present (GTK_WINDOW (target));
    }

  as_window_set_set_file (target, doc);
  stop_waiting (self, TRUE);
  add_recent_later (target);
  remember_folder (target, data->file);
  gtk_window_present (GTK_WINDOW (target));

  if (data->reload)
    {
      AdwToast *toast = adw_toast_new (_("Reloaded from the file"));

      adw_toast_set_timeout (toast, 2);
      as_window_add_toast (target, toast);
    }
  else if (as_set_file_get_migrated (doc))
    as_window_add_toast (target,
                         adw_toast_new (_("This set was written by an older version. "
                                          "Saving it will use the current format.")));

  load_data_free (data);
}

static void
on_window_cancelled (GCancellable *window_cancellable,
                     GCancellable *load_cancellable)
{
  g_cancellable_cancel (load_cancellable);
}

static void
load_file (AsWindow *self,
           GFile    *file,
           gboolean  reload)
{
  LoadData *data = g_new0 (LoadData, 1);

  data->self = g_object_ref (self);
  data->file = g_object_ref (file);
  data->reload = reload;
  data->cancellable = g_cancellable_new ();
  /* Closing the window cancels every load for it. */
  g_cancellable_connect (self->cancellable, G_CALLBACK (on_window_cancelled),
                         g_object_ref (data->cancellable), g_object_unref);
  g_ptr_array_add (self->loads, data);
  as_set_file_load_async (file, data->cancellable, on_loaded, data);
}

static void
on_reload_response (AdwMessageDialog *dialog,
                    const char       *response,
                    AsWindow         *self)
{
  if (g_strcmp0 (response, "reload") != 0 || self->doc == NULL)
    return;

  as_journal_discard (as_set_file_get_journal (self->doc));
  load_file (self, as_set_file_get_file (self->doc), TRUE);
}

/* Closing */

static void
on_save_changes_response (AdwMessageDialog *dialog,
                          const char       *response,
                          AsWindow         *self)
{
  if (g_strcmp0 (response, "discard") == 0)
    {
      if (self->doc != NULL)
        as_journal_discard (as_set_file_get_journal (self->doc));
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
  else if (g_strcmp0 (response, "save") == 0)
    {
      self->close_after_save = TRUE;
      save (self);
    }
  else
    complete_close (self, FALSE);
}

static void
ask_save_changes (AsWindow *self)
{
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  heading = g_strdup_printf (_("Save Changes to “%s”?"),
                             as_ui_set_display_name (current_set (self)));
  dialog = message_dialog (self, heading,
                           _("If you close without saving, your changes will be lost."));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_save_changes_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Callbacks */

static void
on_welcome_open_file (AsWindow *self,
                      GFile    *file)
{
  as_window_open_file (self, file);
}

static GtkWidget *
new_welcome_page (gpointer user_data)
{
  GtkWidget *page = as_welcome_page_new ();

  g_signal_connect_object (page, "open-file", G_CALLBACK (on_welcome_open_file), user_data,
                           G_CONNECT_SWAPPED);
  return page;
}

static void
on_create_primary_popup (GtkMenuButton *button,
                         gpointer       user_data)
{
  AsWindow *self = AS_WINDOW (user_data);

  if (gtk_menu_button_get_popover (button) == NULL)
    gtk_menu_button_set_menu_model (button, self->primary_menu);
}

static void
on_doc_notify (AsWindow *self)
{
  update_all (self);
}

/* Actions */

static void
action_save (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  save (AS_WINDOW (user_data));
}

static void
action_save_as (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  save_as (AS_WINDOW (user_data));
}

static void
action_close (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));
}

static void
action_undo (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  AsUndoStack *undo = current_undo (AS_WINDOW (user_data));

  if (undo != NULL)
    as_undo_stack_undo (undo);
}

static void
action_redo (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  AsUndoStack *undo = current_undo (AS_WINDOW (user_data));

  if (undo != NULL)
    as_undo_stack_redo (undo);
}

static void
action_reload (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  AsWindow *self = AS_WINDOW (user_data);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (self->doc == NULL || as_set_file_get_file (self->doc) == NULL)
    return;

  if (!as_set_file_get_modified (self->doc))
    {
      load_file (self, as_set_file_get_file (self->doc), TRUE);
      return;
    }

  body = g_strdup_printf (_("Your unsaved changes to “%s” will be lost."),
                          as_ui_set_display_name (current_set (self)));
  dialog = message_dialog (self, _("Discard Changes and Reload?"), body);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "reload", _("_Reload"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "reload", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_reload_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The live meeting screen has its own header bar, with a way back: the
 * window's bars make way for it. */
static void
show_live_page (AsWindow *self,
                gboolean  live)
{
  gtk_widget_set_visible (self->header_bar, !live);
  gtk_widget_set_visible (self->switcher_strip, !live && self->set_view != NULL);
  gtk_stack_set_visible_child_name (self->main_stack,
                                    live ? "live" : self->set_view != NULL ? "set" : "welcome");
}

/* Back to the pages; the meeting goes on, and its view stays (holding the
 * screen awake while it runs) for the next "Resume Meeting". */
static void
on_live_leave (AsWindow *self)
{
  show_live_page (self, FALSE);
  /* Back where meetings are run from, also when the app opened straight
   * into the meeting. */
  if (self->set_view != NULL)
    adw_view_stack_set_visible_child_name (as_set_view_get_stack (self->set_view), "meetings");
}

static void
drop_live_view (AsWindow *self)
{
  if (self->live != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->live, self);
      as_live_meeting_close (self->live);
    }
  self->live_view = NULL;
  if (self->live_bin != NULL)
    adw_bin_set_child (self->live_bin, NULL);
  g_clear_object (&self->live);
  if (self->main_stack != NULL)
    show_live_page (self, FALSE);
}

static void
action_run_meeting (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  as_window_show_meeting (AS_WINDOW (user_data), g_variant_get_string (parameter, NULL));
}

static void
action_show_page (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  AsWindow *self = AS_WINDOW (user_data);

  show_live_page (self, FALSE);
  if (self->set_view != NULL)
    adw_view_stack_set_visible_child_name (as_set_view_get_stack (self->set_view),
                                           g_variant_get_string (parameter, NULL));
}

static const GActionEntry win_entries[] = {
  { "save", action_save },
  { "save-as", action_save_as },
  { "close", action_close },
  { "undo", action_undo },
  { "redo", action_redo },
  { "reload", action_reload },
  { "show-page", action_show_page, "s" },
  { "run-meeting", action_run_meeting, "s" },
};

/* GtkWindow overrides */

static gboolean
as_window_close_request (GtkWindow *window)
{
  AsWindow *self = AS_WINDOW (window);

  if (self->doc != NULL && as_set_file_get_modified (self->doc) && !self->close_confirmed)
    {
      ask_save_changes (self);
      return TRUE;
    }

  save_window_state (self);
  /* Nothing unsaved is left (or the user discarded it): no journal either. */
  if (self->doc != NULL)
    as_journal_discard (as_set_file_get_journal (self->doc));
  g_cancellable_cancel (self->cancellable);
  close_editors (self);
  complete_close (self, TRUE);

  if (GTK_WINDOW_CLASS (as_window_parent_class)->close_request != NULL)
    return GTK_WINDOW_CLASS (as_window_parent_class)->close_request (window);
  return FALSE;
}

/* GObject overrides */

static void
as_window_dispose (GObject *object)
{
  AsWindow *self = AS_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->present_source, g_source_remove);
  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  complete_close (self, TRUE);
  /* The set may outlive the window's widgets (a test holds it): it must not
   * call back into them. */
  if (self->doc != NULL)
    disconnect_doc (self);
  g_clear_object (&self->doc);
  /* The projected window goes with the facilitator's. */
  if (self->live != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->live, self);
      as_live_meeting_close (self->live);
      g_clear_object (&self->live);
    }
  self->live_view = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), AS_TYPE_WINDOW);

  G_OBJECT_CLASS (as_window_parent_class)->dispose (object);
}

static void
as_window_finalize (GObject *object)
{
  AsWindow *self = AS_WINDOW (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  /* Each load holds a reference on the window: none is left by now. */
  g_ptr_array_unref (self->loads);
  g_free (self->pending_meeting);

  G_OBJECT_CLASS (as_window_parent_class)->finalize (object);
}

static void
as_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  AsWindow *self = AS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SET_FILE:
      g_value_set_object (value, self->doc);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
as_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  AsWindow *self = AS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SET_FILE:
      as_window_set_set_file (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
as_window_class_init (AsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = as_window_dispose;
  object_class->finalize = as_window_finalize;
  object_class->get_property = as_window_get_property;
  object_class->set_property = as_window_set_property;

  window_class->close_request = as_window_close_request;

  properties[PROP_SET_FILE] =
    g_param_spec_object ("set-file", NULL, NULL, AS_TYPE_SET_FILE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (AS_TYPE_BANNER);
  g_type_ensure (AS_TYPE_WELCOME_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/ActionSet/as-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AsWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, AsWindow, undo_box);
  gtk_widget_class_bind_template_child (widget_class, AsWindow, save_button);
  gtk_widget_class_bind_template_child (widget_class, AsWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, AsWindow, switcher_strip);
  gtk_widget_class_bind_template_child (widget_class, AsWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, AsWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, AsWindow, view_switcher);
  gtk_widget_class_bind_template_child (widget_class, AsWindow, read_only_banner);
  gtk_widget_class_bind_template_child (widget_class, AsWindow, changed_banner);
  gtk_widget_class_bind_template_child (widget_class, AsWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, AsWindow, set_bin);
  gtk_widget_class_bind_template_child (widget_class, AsWindow, live_bin);
}

static void
as_window_init (AsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* What a window opened on a set does not show is built when first
   * shown: the welcome page (with the recent files manager) and the main
   * menu. */
  gtk_stack_add_named (self->main_stack, as_lazy_page_new (new_welcome_page, self, NULL),
                       "welcome");
  gtk_stack_set_visible_child_name (self->main_stack, "welcome");
  gtk_menu_button_set_create_popup_func (self->menu_button, on_create_primary_popup, self, NULL);

  self->cancellable = g_cancellable_new ();
  self->loads = g_ptr_array_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self), win_entries,
                                   G_N_ELEMENTS (win_entries), self);

  self->settings = as_settings_get_gsettings (as_settings_get_default ());
  if (self->settings != NULL)
    g_object_ref (self->settings);
  if (self->settings != NULL)
    {
      int width = g_settings_get_int (self->settings, "window-width");
      int height = g_settings_get_int (self->settings, "window-height");

      gtk_window_set_default_size (GTK_WINDOW (self), MAX (width, 480), MAX (height, 320));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }
  else
    gtk_window_set_default_size (GTK_WINDOW (self), 1024, 720);

  update_all (self);
  as_first_frame_watch (GTK_WINDOW (self));
}

AsWindow *
as_window_new (GtkApplication *application)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);

  return g_object_new (AS_TYPE_WINDOW, "application", application, NULL);
}

AsSetFile *
as_window_get_set_file (AsWindow *self)
{
  g_return_val_if_fail (AS_IS_WINDOW (self), NULL);
  return self->doc;
}

void
as_window_set_set_file (AsWindow  *self,
                        AsSetFile *doc)
{
  g_return_if_fail (AS_IS_WINDOW (self));
  g_return_if_fail (doc == NULL || AS_IS_SET_FILE (doc));

  if (self->doc == doc)
    return;

  if (self->doc != NULL)
    {
      close_editors (self);
      disconnect_doc (self);
    }
  /* A reload shows the same meeting again, from the set as it is now. */
  if (self->live_view != NULL &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "live") == 0 &&
      self->pending_meeting == NULL)
    self->pending_meeting =
      g_strdup (as_entity_get_id (AS_ENTITY (as_meeting_view_get_meeting (self->live_view))));
  drop_live_view (self);
  g_set_object (&self->doc, doc);
  self->close_confirmed = FALSE;

  /* What is shown now wins over a load of the same file still running. */
  if (doc != NULL && as_set_file_get_file (doc) != NULL)
    {
      for (guint i = 0; i < self->loads->len; i++)
        {
          LoadData *data = g_ptr_array_index (self->loads, i);

          if (g_file_equal (data->file, as_set_file_get_file (doc)))
            g_cancellable_cancel (data->cancellable);
        }
    }

  if (doc != NULL)
    {
      AsSet *set = as_set_file_get_set (doc);
      AsUndoStack *undo = as_set_get_undo_stack (set);
      GtkWidget *view = as_set_view_new (set);
      const char *page = NULL;

      /* Keep the page the user was on across a reload. */
      if (self->set_view != NULL)
        page = adw_view_stack_get_visible_child_name (as_set_view_get_stack (self->set_view));
      if (page != NULL)
        adw_view_stack_set_visible_child_name (as_set_view_get_stack (AS_SET_VIEW (view)), page);

      g_signal_connect_object (doc, "notify", G_CALLBACK (on_doc_notify), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (set, "notify::name", G_CALLBACK (update_title), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (undo, "notify", G_CALLBACK (update_all), self,
                               G_CONNECT_SWAPPED);

      self->set_view = AS_SET_VIEW (view);
      adw_bin_set_child (self->set_bin, view);
      adw_view_switcher_set_stack (self->view_switcher, as_set_view_get_stack (self->set_view));
      gtk_widget_set_visible (self->switcher_strip, TRUE);
      gtk_stack_set_visible_child_name (self->main_stack, "set");
    }
  else
    {
      self->set_view = NULL;
      adw_view_switcher_set_stack (self->view_switcher, NULL);
      adw_bin_set_child (self->set_bin, NULL);
      gtk_widget_set_visible (self->switcher_strip, FALSE);
      gtk_stack_set_visible_child_name (self->main_stack, "welcome");
    }

  update_all (self);
  if (doc != NULL && self->pending_meeting != NULL)
    {
      g_autofree char *which = g_steal_pointer (&self->pending_meeting);
      gboolean project = self->pending_projector;

      self->pending_projector = FALSE;
      if (project)
        as_window_project_meeting (self, which);
      else
        as_window_show_meeting (self, which);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SET_FILE]);
}

void
as_window_present_when_loaded (AsWindow *self)
{
  g_return_if_fail (AS_IS_WINDOW (self));

  if (self->loads->len == 0 || gtk_widget_get_visible (GTK_WIDGET (self)))
    {
      gtk_window_present (GTK_WINDOW (self));
      return;
    }
  if (self->present_waiting)
    return;

  self->present_waiting = TRUE;
  self->present_source = g_timeout_add (PRESENT_WAIT_MS, on_present_timeout, self);
  /* Should the window show before its set, that frame is not the one the
   * start-up benchmark waits for. */
  as_first_frame_hold (GTK_WINDOW (self));
}

gboolean
as_window_is_empty (AsWindow *self)
{
  g_return_val_if_fail (AS_IS_WINDOW (self), FALSE);
  return self->doc == NULL && self->loads->len == 0;
}

gboolean
as_window_shows_file (AsWindow *self,
                      GFile    *file)
{
  GFile *shown;

  g_return_val_if_fail (AS_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  shown = self->doc != NULL ? as_set_file_get_file (self->doc) : NULL;
  if (shown != NULL && g_file_equal (shown, file))
    return TRUE;
  /* Or is about to. */
  for (guint i = 0; i < self->loads->len; i++)
    {
      LoadData *data = g_ptr_array_index (self->loads, i);

      if (!data->reload && g_file_equal (data->file, file))
        return TRUE;
    }
  return FALSE;
}

void
as_window_open_file (AsWindow *self,
                     GFile    *file)
{
  GtkApplication *application;

  g_return_if_fail (AS_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  /* A set is open in one window only, so that two windows never save
   * different versions of one file. */
  application = gtk_window_get_application (GTK_WINDOW (self));
  if (application != NULL)
    {
      for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
        {
          if (AS_IS_WINDOW (l->data) && as_window_shows_file (l->data, file))
            {
              gtk_window_present (l->data);
              return;
            }
        }
    }
  else if (as_window_shows_file (self, file))
    return;

  load_file (self, file, FALSE);
}

void
as_window_new_set (AsWindow *self)
{
  g_autoptr(AsSetFile) doc = NULL;

  g_return_if_fail (AS_IS_WINDOW (self));

  doc = as_set_file_new ();
  as_window_set_set_file (self, doc);
  as_set_view_focus_name (self->set_view);
}

void
as_window_add_toast (AsWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (AS_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
as_window_request_close_async (AsWindow            *self,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (AS_IS_WINDOW (self));

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, as_window_request_close_async);

  /* Already asking: the answer to that question decides. */
  if (self->close_task != NULL)
    {
      gtk_window_present (GTK_WINDOW (self));
      g_task_return_boolean (task, FALSE);
      return;
    }

  self->close_task = g_steal_pointer (&task);
  gtk_window_present (GTK_WINDOW (self));
  gtk_window_close (GTK_WINDOW (self));
}

gboolean
as_window_request_close_finish (AsWindow     *self,
                                GAsyncResult *result)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), NULL);
}

gboolean
as_window_show_meeting (AsWindow   *self,
                        const char *which)
{
  AsMeeting *meeting;
  GtkWidget *view;

  g_return_val_if_fail (AS_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (which != NULL, FALSE);

  if (self->doc == NULL)
    {
      g_free (self->pending_meeting);
      self->pending_meeting = g_strdup (which);
      return TRUE;
    }
  if ((meeting = as_meeting_session_find_meeting (current_set (self), which)) == NULL)
    return FALSE;

  if (self->live == NULL || as_live_meeting_get_meeting (self->live) != meeting)
    {
      drop_live_view (self);
      self->live = as_live_meeting_new (current_set (self), meeting, NULL);
      g_signal_connect_object (self->live, "leave", G_CALLBACK (on_live_leave), self,
                               G_CONNECT_SWAPPED);
      view = as_meeting_view_new (self->live);
      self->live_view = AS_MEETING_VIEW (view);
      adw_bin_set_child (self->live_bin, view);
    }
  show_live_page (self, TRUE);
  /* The view, not its first button, takes the keys: Space, Right, 1–9. */
  gtk_widget_grab_focus (GTK_WIDGET (self->live_view));
  return TRUE;
}

gboolean
as_window_project_meeting (AsWindow   *self,
                           const char *which)
{
  g_return_val_if_fail (AS_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (which != NULL, FALSE);

  if (self->doc == NULL)
    {
      g_free (self->pending_meeting);
      self->pending_meeting = g_strdup (which);
      self->pending_projector = TRUE;
      return TRUE;
    }
  if (!as_window_show_meeting (self, which))
    return FALSE;
  as_live_meeting_set_projecting (self->live, TRUE);
  return TRUE;
}

AsLiveMeeting *
as_window_get_live_meeting (AsWindow *self)
{
  g_return_val_if_fail (AS_IS_WINDOW (self), NULL);
  return self->live;
}
