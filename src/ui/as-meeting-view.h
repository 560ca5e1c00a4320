/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "as-live-meeting.h"

G_BEGIN_DECLS

#define AS_TYPE_MEETING_VIEW (as_meeting_view_get_type ())
G_DECLARE_FINAL_TYPE (AsMeetingView, as_meeting_view, AS, MEETING_VIEW, GtkWidget)

/*
 * The facilitator's live meeting screen: the set and the meeting in the
 * header bar, the meeting's state, the timers (AsTimerPanel), the steps of
 * the round (AsStepStrip), the buttons (AsMeetingControls) and the
 * participation figures (AsParticipationPanel), side by side or one at a
 * time on a narrow screen; and, in presentation mode, the projected view
 * instead. It shows an AsLiveMeeting, which owns the session, the ticker,
 * the keys and the projected window: the view only observes it, and a
 * second view of the same meeting shows the same.
 *
 * Keys (the "meeting" actions of the live meeting): Space start, pause or
 * resume; Right or N next step; Shift+Right next round; 1–9 the speaker, 0
 * nobody (also on the keypad); Ctrl+Z and Ctrl+Shift+Z undo and redo; P
 * the projected view; F5 presentation mode; R shows the latest action on
 * the wall; Escape hides it, leaves presentation mode or fullscreen; F11
 * fullscreen.
 */

GtkWidget        *as_meeting_view_new            (AsLiveMeeting *live);
AsLiveMeeting    *as_meeting_view_get_live       (AsMeetingView *self);
AsSet            *as_meeting_view_get_set        (AsMeetingView *self);
AsMeeting        *as_meeting_view_get_meeting    (AsMeetingView *self);
AsMeetingSession *as_meeting_view_get_session    (AsMeetingView *self);
AsTicker         *as_meeting_view_get_ticker     (AsMeetingView *self);

/* Participation figures for the whole cycle of meetings instead of this one. */
gboolean          as_meeting_view_get_show_cycle (AsMeetingView *self);
void              as_meeting_view_set_show_cycle (AsMeetingView *self,
                                                  gboolean       show_cycle);

G_END_DECLS
