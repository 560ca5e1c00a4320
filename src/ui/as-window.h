/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "as-file.h"
#include "as-live-meeting.h"

G_BEGIN_DECLS

#define AS_TYPE_WINDOW (as_window_get_type ())
G_DECLARE_FINAL_TYPE (AsWindow, as_window, AS, WINDOW, AdwApplicationWindow)

/*
 * A window shows one set (an AsSetFile) or, before one is open, the welcome
 * page. Its actions, in the "win" group: save, save-as, close, undo, redo,
 * reload and show-page (the name of a page: "set", "members", "meetings").
 * Closing a window with unsaved changes asks first.
 */
AsWindow  *as_window_new                 (GtkApplication       *application);

/* The set shown, or NULL on the welcome page. */
AsSetFile *as_window_get_set_file        (AsWindow             *self);
/* Shows doc in this window, in place of what it showed. */
void       as_window_set_set_file        (AsWindow             *self,
                                          AsSetFile            *doc);
/* Showing the welcome page, with nothing being opened: such a window is
 * reused for the next set opened or created. */
gboolean   as_window_is_empty            (AsWindow             *self);
/* Shows a file, or is the window that does. */
gboolean   as_window_shows_file          (AsWindow             *self,
                                          GFile                *file);

/* Loads file in the background. It is shown here when this window is empty,
 * else in a new window (or in the window that shows it already). A load
 * error is shown in a dialog and leaves this window as it was. */
void       as_window_open_file           (AsWindow             *self,
                                          GFile                *file);
/* Presents the window; one not shown yet that is loading a set waits
 * until the set is shown, or fails to load (for a short while at most),
 * so that it opens on the set rather than on a moment of the welcome
 * page, laid out once. */
void       as_window_present_when_loaded (AsWindow             *self);
/* Shows a new, empty set, with the keyboard in its name field. */
void       as_window_new_set             (AsWindow             *self);

void       as_window_add_toast           (AsWindow             *self,
                                          AdwToast             *toast);

/* Shows the live screen of a meeting of the set (see
 * as_meeting_session_find_meeting: an id, or "next"), also as the action
 * win.run-meeting. Before a set is shown, remembers it for that set.
 * Returns FALSE when the set has no such meeting. */
gboolean   as_window_show_meeting        (AsWindow             *self,
                                          const char           *which);
/* The same, with the projected view open too. */
gboolean   as_window_project_meeting     (AsWindow             *self,
                                          const char           *which);
/* The meeting the live screen shows (or last showed), or NULL. */
AsLiveMeeting *as_window_get_live_meeting (AsWindow            *self);

/* Closes the window, first asking about unsaved changes; the result is TRUE
 * when it closed, FALSE when the user chose to keep it (or saving failed). */
void       as_window_request_close_async (AsWindow             *self,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
gboolean   as_window_request_close_finish (AsWindow            *self,
                                           GAsyncResult        *result);

G_END_DECLS
