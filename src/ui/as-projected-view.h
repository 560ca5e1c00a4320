/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "as-live-meeting.h"

G_BEGIN_DECLS

#define AS_TYPE_PROJECTED_VIEW (as_projected_view_get_type ())
G_DECLARE_FINAL_TYPE (AsProjectedView, as_projected_view, AS, PROJECTED_VIEW, GtkWidget)

/*
 * What the room sees of a live meeting: the presenter, the step and its
 * countdown, the round's and the meeting's progress with the projected end,
 * who is speaking, the participation bars with the balance in words, how
 * many questions of each kind were asked and how many actions agreed. No
 * question, challenge, reflection, note, sponsor or action text, ever:
 * only the one item the facilitator reveals on purpose. It observes the
 * live meeting and changes nothing; the projected window and presentation
 * mode each show one.
 */

GtkWidget     *as_projected_view_new      (AsLiveMeeting   *live);
AsLiveMeeting *as_projected_view_get_live (AsProjectedView *self);

G_END_DECLS
