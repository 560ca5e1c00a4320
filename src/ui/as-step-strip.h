/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "as-ticker.h"

G_BEGIN_DECLS

#define AS_TYPE_STEP_STRIP (as_step_strip_get_type ())
G_DECLARE_FINAL_TYPE (AsStepStrip, as_step_strip, AS, STEP_STRIP, GtkWidget)

/*
 * The steps of the round that runs (before the start, the first round), one
 * cell each, bound to the round's list of steps: done, now, paused or to
 * come in an icon and in words, with the time used of each budget. It
 * observes the ticker's session and changes nothing.
 */

GtkWidget  *as_step_strip_new           (AsTicker    *ticker);
AsTicker   *as_step_strip_get_ticker    (AsStepStrip *self);
void        as_step_strip_set_ticker    (AsStepStrip *self,
                                         AsTicker    *ticker);
/* The cells, for tests: how many, and what the nth one says. */
guint       as_step_strip_get_n_cells   (AsStepStrip *self);
const char *as_step_strip_get_cell_times (AsStepStrip *self,
                                          guint        index);
const char *as_step_strip_get_cell_accessible (AsStepStrip *self,
                                               guint        index);

G_END_DECLS
