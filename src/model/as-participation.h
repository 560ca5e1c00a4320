/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "as-meeting-session.h"

G_BEGIN_DECLS

/*
 * Who spoke how much: each member's airtime and number of turns, their share
 * of all the airtime counted, the equal share they would have if everyone
 * spoke as much, and the Gini coefficient of the airtimes (0 when everyone
 * spoke equally, approaching 1 when one person did all the talking). Computed
 * for one meeting or for every meeting of the set (the cycle).
 */

typedef struct {
  char   *member_id;
  gint64  airtime_ms;
  guint   turns;
  double  share;        /* of all airtime counted, 0 to 1 */
} AsAirtime;

typedef struct {
  GArray *members;      /* of AsAirtime, in the order of the attendees */
  gint64  total_ms;
  double  equal_share;  /* 1 / number of members counted */
  double  gini;
  guint   n_silent;     /* members who have not spoken */
} AsParticipation;

typedef enum {
  AS_PARTICIPATION_DEFAULT = 0,
  /* Leave out what a round's presenter says during the questions step of
   * their own round: questions are the others' part. */
  AS_PARTICIPATION_EXCLUDE_PRESENTER_IN_QUESTIONS = 1 << 0,
} AsParticipationFlags;

/* For one meeting (its attendees), or for the whole set when meeting is NULL
 * (every member who attended a meeting). When session is given, the turn in
 * progress counts with its live duration. */
AsParticipation *as_participation_compute (AsSet                *set,
                                           AsMeeting            *meeting,
                                           AsMeetingSession     *session,
                                           AsParticipationFlags  flags);
void             as_participation_free    (AsParticipation      *self);
const AsAirtime *as_participation_lookup  (AsParticipation      *self,
                                           const char           *member_id);

/* The Gini coefficient of n values ≥ 0: the mean absolute difference of
 * all pairs divided by twice the mean; 0 when all are equal or all zero. */
double           as_gini                  (const gint64         *values,
                                           guint                 n);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AsParticipation, as_participation_free)

G_END_DECLS
