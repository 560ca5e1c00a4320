/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "as-meeting-session.h"

G_BEGIN_DECLS

#define AS_TYPE_MEETING_CONTROLS (as_meeting_controls_get_type ())
G_DECLARE_FINAL_TYPE (AsMeetingControls, as_meeting_controls, AS, MEETING_CONTROLS, GtkWidget)

/*
 * The facilitator's buttons for a live meeting: start, pause or resume;
 * next step (or finish, on the last one); next round. They activate the
 * "meeting" actions of the facilitator's controller and say, in their
 * labels and tooltips, what they will do now and which key does the same.
 */

GtkWidget        *as_meeting_controls_new         (AsMeetingSession  *session);
AsMeetingSession *as_meeting_controls_get_session (AsMeetingControls *self);
void              as_meeting_controls_set_session (AsMeetingControls *self,
                                                   AsMeetingSession  *session);

G_END_DECLS
