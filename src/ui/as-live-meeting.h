/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "as-meeting-session.h"
#include "as-settings.h"
#include "as-ticker.h"

G_BEGIN_DECLS

#define AS_TYPE_LIVE_MEETING (as_live_meeting_get_type ())
G_DECLARE_FINAL_TYPE (AsLiveMeeting, as_live_meeting, AS, LIVE_MEETING, GObject)

/*
 * A meeting that runs, and the facilitator's control of it: the one
 * AsMeetingSession and the one AsTicker of the meeting, owned here, that
 * every view of it observes (the facilitator's screen, the projected
 * window, a presentation mode), so that they all show the same second and
 * nothing is timed twice. It exists once per running meeting, with the
 * facilitator's window, and does what must happen once:
 *
 * - the "meeting" actions (start or pause, next step, speakers, undo, the
 *   projected view…) and the keys that activate them, attached to each
 *   window of the meeting so that the keys work whichever has the focus;
 * - keeping the computer awake while the meeting runs;
 * - asking, once, whether time the computer slept counts;
 * - the chime at the end of a step's budget;
 * - the projected window: on which screen, opened and closed, and what to
 *   do when a screen is plugged in or out;
 * - what the facilitator chose to reveal on the wall, hidden again with
 *   Escape.
 */

AsLiveMeeting    *as_live_meeting_new              (AsSet         *set,
                                                    AsMeeting     *meeting,
                                                    AsClock       *clock);
AsSet            *as_live_meeting_get_set          (AsLiveMeeting *self);
AsMeeting        *as_live_meeting_get_meeting      (AsLiveMeeting *self);
AsMeetingSession *as_live_meeting_get_session      (AsLiveMeeting *self);
AsTicker         *as_live_meeting_get_ticker       (AsLiveMeeting *self);

/* Ends what the live meeting shows outside the facilitator's window (the
 * projected window, a question about the computer's sleep), before it goes:
 * the projected window holds the live meeting it shows. The meeting itself
 * stops nothing: it goes on in the file. */
void              as_live_meeting_close            (AsLiveMeeting *self);

/* The facilitator's window: where questions are asked, what is kept awake
 * and made fullscreen. Set by the facilitator's view while it is in one. */
GtkWindow        *as_live_meeting_get_window       (AsLiveMeeting *self);
void              as_live_meeting_set_window       (AsLiveMeeting *self,
                                                    GtkWindow     *window);

/* Inserts the "meeting" and "settings" action groups into widget and adds
 * the meeting's keys to it, run before the focused child sees them. */
void              as_live_meeting_attach           (AsLiveMeeting *self,
                                                    GtkWidget     *widget);
GActionGroup     *as_live_meeting_get_actions      (AsLiveMeeting *self);

/* The projected window, fullscreen on the screen chosen (the one last
 * chosen, else one that is not the laptop's own panel), or an ordinary
 * window when there is one screen. It never takes the facilitator's keys. */
gboolean          as_live_meeting_get_projecting   (AsLiveMeeting *self);
void              as_live_meeting_set_projecting   (AsLiveMeeting *self,
                                                    gboolean       projecting);
GtkWindow        *as_live_meeting_get_projector    (AsLiveMeeting *self);
/* The screens to choose from, as a menu of "meeting.projector-screen". */
GMenuModel       *as_live_meeting_get_screen_menu  (AsLiveMeeting *self);
/* The screens watched: the display's (gdk_display_get_monitors ()) unless
 * set otherwise, as tests do. */
void              as_live_meeting_set_monitors     (AsLiveMeeting *self,
                                                    GListModel    *monitors);
/* A screen was plugged in while the projected view is not shown: the
 * facilitator's screen offers to show it there. */
gboolean          as_live_meeting_get_screen_offered (AsLiveMeeting *self);
void              as_live_meeting_dismiss_screen_offer (AsLiveMeeting *self);

/* Presentation mode: the facilitator's own window shows the projected
 * view, for a room with one screen. */
gboolean          as_live_meeting_get_presenting   (AsLiveMeeting *self);
void              as_live_meeting_set_presenting   (AsLiveMeeting *self,
                                                    gboolean       presenting);

/* One item the facilitator shows the room on purpose (the action being
 * agreed, for the presenter to confirm its wording): every projected view
 * shows it until it is hidden. */
void              as_live_meeting_reveal           (AsLiveMeeting *self,
                                                    const char    *heading,
                                                    const char    *text);
void              as_live_meeting_hide_revealed    (AsLiveMeeting *self);
const char       *as_live_meeting_get_revealed_heading (AsLiveMeeting *self);
const char       *as_live_meeting_get_revealed_text    (AsLiveMeeting *self);

/* Whether an idle and suspend inhibition is held now. */
gboolean          as_live_meeting_get_inhibiting   (AsLiveMeeting *self);

/* The screen for the projected view among n screens described by their
 * connector and model: the remembered one ("CONNECTOR MODEL") when it is
 * there, else the first that is not a laptop's built-in panel (eDP, LVDS,
 * DSI) nor the facilitator's (-1 for none), else the first that is not the
 * facilitator's; -1 with fewer than two screens. */
int               as_live_meeting_choose_screen    (const char * const *connectors,
                                                    const char * const *models,
                                                    guint               n,
                                                    const char         *remembered,
                                                    int                 facilitator);
/* "HDMI-1 DELL U2720Q": how a screen is remembered. */
char             *as_live_meeting_screen_key       (GdkMonitor    *monitor);

G_END_DECLS
