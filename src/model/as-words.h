/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "as-participation.h"

G_BEGIN_DECLS

/*
 * The words that the live screens and the printed summaries both use for
 * times and figures, so that screen and paper say the same thing. No GTK:
 * the report renderer and the command line use them without a display.
 */

/* The Gini coefficient below which the airtime reads as even, and below
 * which as uneven; docs/participation.md explains them. */
#define AS_GINI_EVEN        0.20
#define AS_GINI_UNEVEN      0.40
/* Above AS_GINI_UNEVEN, one voice dominates when the largest share is at
 * least this many times the next. */
#define AS_DOMINANCE_FACTOR 2.0
/* The balance is not read out before this much talk, in this many turns:
 * half a minute of one voice says nothing yet about a meeting. */
#define AS_BALANCE_MIN_MS    (3 * 60 * 1000)
#define AS_BALANCE_MIN_TURNS 4

/* "7 min", "1 h 05 min". */
char       *as_words_minutes       (gint64                 minutes);
/* "7 min late", "3 min early", "on time": lateness rounded to the minute. */
char       *as_words_lateness      (gint64                 lateness_ms);
/* "Under 2 minutes left": a step's warning phase, changing once a minute. */
char       *as_words_time_left     (gint64                 remaining_ms);
/* "45 seconds", "12 min": how long the computer slept. */
char       *as_words_duration      (gint64                 ms);
/* "Saturday 21 November 2026" and "14:00", in the user's locale; "" for
 * NULL. */
char       *as_words_date          (GDateTime             *dt);
char       *as_words_time          (GDateTime             *dt);

typedef enum {
  AS_BALANCE_NO_TALK,      /* nobody has spoken yet */
  AS_BALANCE_TOO_EARLY,    /* too little talk to judge */
  AS_BALANCE_EVEN,
  AS_BALANCE_UNEVEN,
  AS_BALANCE_ONE_DOMINATES,
  AS_BALANCE_FEW_DOMINATE,
} AsBalance;

/* How evenly the airtime is shared, in one of a few readings. */
AsBalance   as_words_balance       (const AsParticipation *p);
/* "even", "one voice dominates"…; NULL for no talk or too early. */
const char *as_words_balance_label (AsBalance              balance);
/* "Balance: even (0.12)", "Balance: too early to tell",
 * "Balance: no one has spoken yet". */
char       *as_words_balance_line  (const AsParticipation *p);

G_END_DECLS
