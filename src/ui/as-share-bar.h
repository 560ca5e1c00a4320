/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define AS_TYPE_SHARE_BAR (as_share_bar_get_type ())
G_DECLARE_FINAL_TYPE (AsShareBar, as_share_bar, AS, SHARE_BAR, GtkWidget)

/*
 * A member's share of the airtime as a bar in their colour, with a mark at
 * the equal share. All the bars of one screen share one scale (the larger
 * of twice the equal share and the largest share), so they compare at a
 * glance. Changing a value only redraws the bar.
 */

GtkWidget *as_share_bar_new       (void);
/* share, equal_share and scale from 0 to 1; the bar's full width is scale. */
void       as_share_bar_set_values (AsShareBar *self,
                                    double      share,
                                    double      equal_share,
                                    double      scale);
double     as_share_bar_get_share  (AsShareBar *self);
void       as_share_bar_set_colour (AsShareBar *self,
                                    const char *colour);

G_END_DECLS
