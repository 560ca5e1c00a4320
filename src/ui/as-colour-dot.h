/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define AS_TYPE_COLOUR_DOT (as_colour_dot_get_type ())
G_DECLARE_FINAL_TYPE (AsColourDot, as_colour_dot, AS, COLOUR_DOT, GtkWidget)

/* A small filled circle in a member's colour, next to their name. It only
 * decorates: the name beside it says who it is. */
GtkWidget  *as_colour_dot_new         (void);
const char *as_colour_dot_get_colour  (AsColourDot *self);
void        as_colour_dot_set_colour  (AsColourDot *self,
                                       const char  *colour);

G_END_DECLS
