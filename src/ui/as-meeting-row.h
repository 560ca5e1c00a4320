/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "as-meeting.h"

G_BEGIN_DECLS

#define AS_TYPE_MEETING_ROW (as_meeting_row_get_type ())
G_DECLARE_FINAL_TYPE (AsMeetingRow, as_meeting_row, AS, MEETING_ROW, GtkWidget)

/* One meeting in the meetings list: date, times, place, state, and how many
 * rounds and attendees it has. The list view recycles rows, so the meeting
 * can change. */
GtkWidget *as_meeting_row_new          (void);
AsMeeting *as_meeting_row_get_meeting  (AsMeetingRow *self);
void       as_meeting_row_set_meeting  (AsMeetingRow *self,
                                        AsMeeting    *meeting);

G_END_DECLS
