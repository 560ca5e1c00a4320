/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "as-clock.h"
#include "as-model.h"

G_BEGIN_DECLS

/*
 * AsMeetingSession runs a meeting live: it starts, pauses and resumes the
 * timers, moves through the steps and rounds, and records who is speaking.
 * It keeps no state of its own that matters: every transition is an edit of
 * the document (the meeting's current step, paused flag and speaker, each
 * step's accumulated time and the wall time since when it runs, timer events
 * and turns), made as one undo step, so that undo, the journal, the file and
 * any number of views (the facilitator's screen, the projector) see the same
 * meeting. Intervals are measured on the clock's monotonic time; when the
 * session meets a running step it did not start (after undo, or after a
 * crash and restore), it derives the interval from the wall time recorded,
 * so that time while the app was down counts, as it does in the room.
 *
 * Its state is readable as properties that notify when they change (state,
 * running, paused, current-round, current-step, speaker), and "changed"
 * tells views that anything about the meeting changed. Neither is emitted
 * as time passes: an AsTicker says when a second went by.
 */

typedef enum {
  AS_TIMER_NOT_STARTED,
  AS_TIMER_RUNNING,
  AS_TIMER_PAUSED,
  AS_TIMER_FINISHED,
} AsTimerState;

typedef enum {
  AS_TIME_NORMAL,
  AS_TIME_WARNING,   /* less than the set's warning threshold left */
  AS_TIME_OVERTIME,  /* past the budget */
} AsTimePhase;

/* The gap between the monotonic and the wall clock beyond which the session
 * reports that the computer probably slept. */
#define AS_CLOCK_GAP_MS 5000

#define AS_TYPE_MEETING_SESSION (as_meeting_session_get_type ())
G_DECLARE_FINAL_TYPE (AsMeetingSession, as_meeting_session, AS, MEETING_SESSION, GObject)

AsMeetingSession *as_meeting_session_new             (AsSet            *set,
                                                      AsMeeting        *meeting,
                                                      AsClock          *clock);
AsSet            *as_meeting_session_get_set         (AsMeetingSession *self);
AsMeeting        *as_meeting_session_get_meeting     (AsMeetingSession *self);
AsClock          *as_meeting_session_get_clock       (AsMeetingSession *self);

/* Transitions. Each is one undo step; each returns FALSE and changes
 * nothing when it does not apply (pausing a meeting that is not running). */
gboolean          as_meeting_session_start           (AsMeetingSession *self);
gboolean          as_meeting_session_pause           (AsMeetingSession *self);
gboolean          as_meeting_session_resume          (AsMeetingSession *self);
/* Space: start, pause or resume, whichever applies. */
gboolean          as_meeting_session_toggle          (AsMeetingSession *self);
/* Right: finish the step and start the next one, in the next round after a
 * round's last step; after the meeting's last step, finish the meeting. */
gboolean          as_meeting_session_next_step       (AsMeetingSession *self);
/* Shift+Right: finish the round and start the first step of the next. */
gboolean          as_meeting_session_next_round      (AsMeetingSession *self);
gboolean          as_meeting_session_finish          (AsMeetingSession *self);
/* Marks who speaks now (a member id, or NULL for nobody), ending the turn of
 * the previous speaker. Only while the meeting runs and is not paused. */
gboolean          as_meeting_session_set_speaker     (AsMeetingSession *self,
                                                      const char       *member_id);
/* The keys 1–9: the nth attendee (from 1); 0: nobody. */
gboolean          as_meeting_session_set_speaker_number (AsMeetingSession *self,
                                                         guint             number);

/* State */
AsTimerState      as_meeting_session_get_state       (AsMeetingSession *self);
AsRound          *as_meeting_session_get_current_round (AsMeetingSession *self);
AsStep           *as_meeting_session_get_current_step  (AsMeetingSession *self);
const char       *as_meeting_session_get_speaker     (AsMeetingSession *self);
/* The member ids of the attendees, in order: the numbers of the keys 1–9. */
const char * const *as_meeting_session_get_attendees (AsMeetingSession *self);
AsTimerState      as_meeting_session_get_step_state  (AsMeetingSession *self,
                                                      AsStep           *step);
AsTimerState      as_meeting_session_get_round_state (AsMeetingSession *self,
                                                      AsRound          *round);

/* Where the meeting is, for views: the step the screen is about (the
 * current one, or before the start the first; NULL once it is over);
 * whether nothing comes after a step or a round; a round's number (from 1,
 * 0 for none). */
AsStep           *as_meeting_session_get_shown_step  (AsMeetingSession *self);
gboolean          as_meeting_session_is_last_step    (AsMeetingSession *self,
                                                      AsStep           *step);
gboolean          as_meeting_session_is_last_round   (AsMeetingSession *self,
                                                      AsRound          *round);
guint             as_meeting_session_get_round_number (AsMeetingSession *self,
                                                       AsRound          *round);

/* The meeting of set that which names: a meeting id, or "next" for the
 * meeting that runs (started, not finished), else the first one planned (by
 * start time). NULL when there is none. */
AsMeeting        *as_meeting_session_find_meeting    (AsSet            *set,
                                                      const char       *which);

/* Times, in milliseconds, now. Remaining time goes negative in overtime. */
gint64            as_meeting_session_step_elapsed    (AsMeetingSession *self,
                                                      AsStep           *step);
gint64            as_meeting_session_step_remaining  (AsMeetingSession *self,
                                                      AsStep           *step);
AsTimePhase       as_meeting_session_step_phase      (AsMeetingSession *self,
                                                      AsStep           *step);
gint64            as_meeting_session_round_elapsed   (AsMeetingSession *self,
                                                      AsRound          *round);
gint64            as_meeting_session_round_remaining (AsMeetingSession *self,
                                                      AsRound          *round);
AsTimePhase       as_meeting_session_round_phase     (AsMeetingSession *self,
                                                      AsRound          *round);
gint64            as_meeting_session_meeting_elapsed (AsMeetingSession *self);
gint64            as_meeting_session_meeting_planned (AsMeetingSession *self);
/* When the meeting will end if every step still to come takes its budget
 * (and the running one at least what it has used), and how late that is
 * against the planned end (negative: early). */
GDateTime        *as_meeting_session_dup_projected_end (AsMeetingSession *self);
gint64            as_meeting_session_get_lateness    (AsMeetingSession *self);
/* How long the current speaker has been speaking, 0 when nobody is. */
gint64            as_meeting_session_turn_elapsed    (AsMeetingSession *self);
/* The current turn is longer than the set's monologue threshold. */
gboolean          as_meeting_session_is_monologue    (AsMeetingSession *self);
/* The live duration of a turn: its recorded duration, or for the turn in
 * progress the time since it began. */
gint64            as_meeting_session_turn_duration   (AsMeetingSession *self,
                                                      AsTurn           *turn);

/* Milliseconds until the running step's display changes second: a view
 * updates once then, and not at all while nothing runs (returns -1). */
gint64            as_meeting_session_ms_to_next_second (AsMeetingSession *self);

/* Compares how far the monotonic and the wall clock moved since the last
 * call; returns the gap in ms when it is larger than AS_CLOCK_GAP_MS (the
 * computer slept: ask whether that time counts), otherwise 0. */
gint64            as_meeting_session_check_clock     (AsMeetingSession *self);
/* The time the computer slept counts: add it to the running step and turn. */
void              as_meeting_session_count_gap       (AsMeetingSession *self,
                                                      gint64            gap_ms);

const char       *as_timer_state_to_label            (AsTimerState      state);
/* "12:05", "1:02:03", "+01:23" (overtime), for timers. */
char             *as_format_timer                    (gint64            ms,
                                                      gboolean          signed_overtime);

G_END_DECLS
