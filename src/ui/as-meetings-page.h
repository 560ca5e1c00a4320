/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "as-set.h"

G_BEGIN_DECLS

#define AS_TYPE_MEETINGS_PAGE (as_meetings_page_get_type ())
G_DECLARE_FINAL_TYPE (AsMeetingsPage, as_meetings_page, AS, MEETINGS_PAGE, AdwBin)

/* The meetings of a set, newest first, and their plans. Its actions are in
 * the "meetings" group: new, and edit taking a meeting id. */
GtkWidget   *as_meetings_page_new            (AsSet          *set);
AsSet       *as_meetings_page_get_set        (AsMeetingsPage *self);
GtkListView *as_meetings_page_get_list_view  (AsMeetingsPage *self);

G_END_DECLS
