/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define AS_TYPE_TIMER_DISPLAY (as_timer_display_get_type ())
G_DECLARE_FINAL_TYPE (AsTimerDisplay, as_timer_display, AS, TIMER_DISPLAY, GtkWidget)

/*
 * The huge countdown of the live meeting screen: a short text ("04:12",
 * "+01:23") drawn as large as the space it is given allows, in tabular
 * figures, so that it reads from the back of a meeting room on a projector
 * and on a laptop alike. Changing the text only redraws the widget: the
 * layout around it does not move or get measured again each second. Its
 * colour comes from CSS (the "warning", "overtime" and "paused" classes).
 */

GtkWidget  *as_timer_display_new             (void);
const char *as_timer_display_get_text        (AsTimerDisplay *self);
void        as_timer_display_set_text        (AsTimerDisplay *self,
                                              const char     *text);
/* What a screen reader says before the time: "Time left in this step". */
void        as_timer_display_set_description (AsTimerDisplay *self,
                                              const char     *description);
/* The font size the text is drawn at now, in pixels (for tests). */
double      as_timer_display_get_font_px     (AsTimerDisplay *self);

G_END_DECLS
