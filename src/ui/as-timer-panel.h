/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "as-ticker.h"

G_BEGIN_DECLS

#define AS_TYPE_TIMER_PANEL (as_timer_panel_get_type ())
G_DECLARE_FINAL_TYPE (AsTimerPanel, as_timer_panel, AS, TIMER_PANEL, GtkWidget)

/*
 * The timers of a live meeting: the presenter and their round, the step
 * and its countdown (readable from the back of the room), the round's and
 * the meeting's clocks and the projected end. It observes the ticker's
 * session and changes nothing: the facilitator's screen and the projected
 * view each show one.
 */

GtkWidget *as_timer_panel_new        (AsTicker     *ticker);
AsTicker  *as_timer_panel_get_ticker (AsTimerPanel *self);
void       as_timer_panel_set_ticker (AsTimerPanel *self,
                                      AsTicker     *ticker);

G_END_DECLS
