/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "as-live-meeting.h"

G_BEGIN_DECLS

#define AS_TYPE_PROJECTOR_WINDOW (as_projector_window_get_type ())
G_DECLARE_FINAL_TYPE (AsProjectorWindow, as_projector_window, AS, PROJECTOR_WINDOW,
                      AdwWindow)

/*
 * The window for the room's screen: the projected view of a live meeting,
 * fullscreen on the screen the facilitator chose. The meeting's keys work
 * in it too, should it get the focus; closing it stops nothing.
 */

GtkWidget     *as_projector_window_new      (AsLiveMeeting     *live);
AsLiveMeeting *as_projector_window_get_live (AsProjectorWindow *self);

G_END_DECLS
