/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "as-entity.h"
#include "as-enums.h"

G_BEGIN_DECLS

#define AS_TYPE_MEETING (as_meeting_get_type ())
G_DECLARE_FINAL_TYPE (AsMeeting, as_meeting, AS, MEETING, AsEntity)

AsMeeting          *as_meeting_new               (void);
GDateTime          *as_meeting_get_start         (AsMeeting *self);
void                as_meeting_set_start         (AsMeeting *self, GDateTime *start);
GDateTime          *as_meeting_get_end           (AsMeeting *self);
void                as_meeting_set_end           (AsMeeting *self, GDateTime *end_);
const char         *as_meeting_get_place         (AsMeeting *self);
void                as_meeting_set_place         (AsMeeting *self, const char *place);
/* The ids of those who attend, borrowed: the array and its strings are the
 * meeting's own and go away with the next change of the attendees (an edit,
 * an undo or a redo, also one made by a signal handler). Code that keeps
 * them across anything that may edit the set takes a copy with
 * as_meeting_dup_attendees (). */
const char * const *as_meeting_get_attendees     (AsMeeting *self);
GStrv               as_meeting_dup_attendees     (AsMeeting *self);
void                as_meeting_set_attendees     (AsMeeting *self, const char * const *attendees);
AsMeetingState      as_meeting_get_state         (AsMeeting *self);
void                as_meeting_set_state         (AsMeeting *self, AsMeetingState state);
GListModel         *as_meeting_get_rounds        (AsMeeting *self);
const AsChildList  *as_meeting_list_rounds       (void);
GListModel         *as_meeting_get_timer_events  (AsMeeting *self);
const AsChildList  *as_meeting_list_timer_events (void);
GListModel         *as_meeting_get_turns         (AsMeeting *self);
const AsChildList  *as_meeting_list_turns        (void);
GListModel         *as_meeting_get_questions     (AsMeeting *self);
const AsChildList  *as_meeting_list_questions    (void);
GListModel         *as_meeting_get_reflections   (AsMeeting *self);
const AsChildList  *as_meeting_list_reflections  (void);

const char *as_meeting_get_current_step (AsMeeting *self);
void as_meeting_set_current_step (AsMeeting *self, const char *current_step);
const char *as_meeting_get_speaker (AsMeeting *self);
void as_meeting_set_speaker (AsMeeting *self, const char *speaker);
gboolean as_meeting_get_paused (AsMeeting *self);
void as_meeting_set_paused (AsMeeting *self, gboolean paused);

G_END_DECLS
