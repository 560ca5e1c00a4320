/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* For the start-up benchmark: when the environment variable
 * ACTION_SET_EXIT_AFTER_FIRST_FRAME is "1", prints
 * "first-frame monotonic_us=T" (T from g_get_monotonic_time ()) on standard
 * output right after the window's first frame is painted, then quits the
 * window's application. Otherwise does nothing. */
void as_first_frame_watch   (GtkWindow *window);
/* Frames painted between these do not count: the window shows something
 * other than what it was opened for (the welcome page, shown while a set
 * is slow to load). */
void as_first_frame_hold    (GtkWindow *window);
void as_first_frame_release (GtkWindow *window);

G_END_DECLS
