/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "as-model.h"

G_BEGIN_DECLS

/*
 * Planning a meeting: who attends, in what order they present, and how the
 * time available is shared. Each function is one undo step.
 */

/* Adds a planned meeting from start to end (end NULL: each round gets the
 * set's default step budgets). The active members attend; each presents one
 * round, those who presented least recently first (never before all others);
 * the time available is split equally between the rounds, and each round's
 * steps share it in the proportions of the set's defaults. */
AsMeeting  *as_set_plan_meeting         (AsSet      *set,
                                         GDateTime  *start,
                                         GDateTime  *end);

/* Plans the next meeting from start, as long as the latest meeting that has
 * an end was planned to last (AS_DEFAULT_MEETING_MINUTES without one), with
 * that time split equally between the rounds. */
#define AS_DEFAULT_MEETING_MINUTES 180
AsMeeting  *as_set_plan_next_meeting    (AsSet      *set,
                                         GDateTime  *start);

/* Sets a round's minutes and shares them between its steps in the
 * proportions they had (the set's defaults when they had none). */
void        as_round_set_minutes_scaled (AsRound    *round,
                                         AsSet      *set,
                                         int         minutes);

/* Marks a member absent (no longer attending, their round removed) or
 * present again (attending, a round with default budgets at the end). */
void        as_meeting_set_absent       (AsMeeting  *meeting,
                                         AsSet      *set,
                                         const char *member_id,
                                         gboolean    absent);
gboolean    as_meeting_is_attending     (AsMeeting  *meeting,
                                         const char *member_id);

/* Planned minutes of all rounds, and the end they give from the start. */
int         as_meeting_get_planned_minutes (AsMeeting *meeting);
GDateTime  *as_meeting_dup_planned_end  (AsMeeting  *meeting);

/* Splits total into n parts in proportion to weights (all zero: equally),
 * rounding so that the parts add up to total exactly. */
void        as_split_proportionally     (int         total,
                                         const int  *weights,
                                         int        *parts,
                                         guint       n);

G_END_DECLS
