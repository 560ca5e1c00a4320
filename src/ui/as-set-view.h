/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "as-set.h"

G_BEGIN_DECLS

#define AS_TYPE_SET_VIEW (as_set_view_get_type ())
G_DECLARE_FINAL_TYPE (AsSetView, as_set_view, AS, SET_VIEW, AdwBin)

/* Everything shown for one open set: the "Set", "Members" and "Meetings"
 * pages in a view stack, which the window's view switchers control. A new
 * view is made for each set the window shows, so the pages never need to
 * rebind to another set. The "Members" and "Meetings" pages are built when
 * first shown (see AsLazyPage). */
GtkWidget    *as_set_view_new        (AsSet     *set);
AsSet        *as_set_view_get_set    (AsSetView *self);
AdwViewStack *as_set_view_get_stack  (AsSetView *self);
/* Shows the "Set" page with the keyboard in the name field. */
void          as_set_view_focus_name (AsSetView *self);

G_END_DECLS
