/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "as-meeting-session.h"
#include "as-ticker.h"

G_BEGIN_DECLS

#define AS_TYPE_MEETING_VIEW (as_meeting_view_get_type ())
G_DECLARE_FINAL_TYPE (AsMeetingView, as_meeting_view, AS, MEETING_VIEW, GtkWidget)

/*
 * The live meeting screen, for the facilitator's laptop and the projector:
 * the current round and step with a countdown readable from the back of the
 * room, the round's and the meeting's clocks with the projected end, the
 * steps of the round, and a tile per member with their airtime and share.
 * Everything it shows is derived from an AsMeetingSession, so it shows the
 * right times after undo, a restore from the crash journal or a second view
 * of the same meeting. One AsTicker updates every timer once a second while
 * the meeting runs and the view is on screen, and not at all otherwise.
 *
 * Keys (actions in the "meeting" group): Space start, pause or resume; Right
 * or N next step; Shift+Right next round; 1–9 the speaker, 0 nobody (also on
 * the keypad); Ctrl+Z and Ctrl+Shift+Z undo and redo; F11 fullscreen. The
 * "leave" signal asks the window to show what was there before; leaving does
 * not stop the meeting. While the meeting runs (started, not finished) the
 * view keeps the computer from blanking the screen or suspending.
 */

GtkWidget        *as_meeting_view_new         (AsSet         *set,
                                               AsMeeting     *meeting,
                                               AsClock       *clock);
AsSet            *as_meeting_view_get_set     (AsMeetingView *self);
AsMeeting        *as_meeting_view_get_meeting (AsMeetingView *self);
AsMeetingSession *as_meeting_view_get_session (AsMeetingView *self);
AsTicker         *as_meeting_view_get_ticker  (AsMeetingView *self);

/* Participation figures for the whole cycle of meetings instead of this one. */
gboolean          as_meeting_view_get_show_cycle (AsMeetingView *self);
void              as_meeting_view_set_show_cycle (AsMeetingView *self,
                                                  gboolean       show_cycle);

/* The meeting of set that which names: a meeting id, or "next" for the
 * meeting that runs (started, not finished), else the first one planned (by
 * start time). NULL when there is none. */
AsMeeting        *as_meeting_view_find_meeting   (AsSet         *set,
                                                  const char    *which);

/* Whether the view holds an idle and suspend inhibition now. */
gboolean          as_meeting_view_get_inhibiting (AsMeetingView *self);

G_END_DECLS
