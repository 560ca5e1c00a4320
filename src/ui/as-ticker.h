/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "as-meeting-session.h"

G_BEGIN_DECLS

#define AS_TYPE_TICKER (as_ticker_get_type ())
G_DECLARE_FINAL_TYPE (AsTicker, as_ticker, AS, TICKER, GObject)

/*
 * AsTicker is the one source that updates every timer of a live meeting
 * view. It holds a single g_timeout, armed for exactly the time until the
 * running step's display changes second (as_meeting_session_ms_to_next_second)
 * and re-armed after each tick, so that the screen changes once a second,
 * in step with the clock, and not in between. It holds no source at all
 * while nothing runs (not started, paused, finished) or while it is not
 * active (no view is on screen), so an idle meeting screen costs no
 * wake-ups. It re-arms itself when the session changes. One ticker serves
 * every view of a meeting, so that they all show the same second at the
 * same instant; it also says when a step's budget ends ("budget-ended").
 */

AsTicker *as_ticker_new          (AsMeetingSession *session);
AsMeetingSession *as_ticker_get_session (AsTicker *self);

/* Active while the view that shows the timers is mapped. */
gboolean  as_ticker_get_active   (AsTicker         *self);
void      as_ticker_set_active   (AsTicker         *self,
                                  gboolean          active);

/* Each view on screen holds the ticker: it is active while one does. */
void      as_ticker_hold         (AsTicker         *self);
void      as_ticker_release      (AsTicker         *self);

/* Whether a timeout is pending: FALSE whenever nothing needs updating. */
gboolean  as_ticker_is_pending   (AsTicker         *self);
/* The delay of the pending timeout in ms, or -1 without one. */
gint64    as_ticker_get_delay    (AsTicker         *self);

/* Ticks now, as the timeout would (and re-arms it): for a view that must
 * show the time right away, and for tests that move a fake clock. */
void      as_ticker_tick_now     (AsTicker         *self);
/* Re-reads when the next tick is due; called on every session change. */
void      as_ticker_reschedule   (AsTicker         *self);

G_END_DECLS
