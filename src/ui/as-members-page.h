/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "as-set.h"

G_BEGIN_DECLS

#define AS_TYPE_MEMBERS_PAGE (as_members_page_get_type ())
G_DECLARE_FINAL_TYPE (AsMembersPage, as_members_page, AS, MEMBERS_PAGE, AdwBin)

/* The members of a set, in the order of their rounds: add, edit, remove
 * (with an undo toast), and reorder by drag and drop or with Alt+Up and
 * Alt+Down. Its actions are in the "members" group: add, edit, remove,
 * move-up and move-down, the last four taking a member id. */
GtkWidget  *as_members_page_new          (AsSet         *set);
AsSet      *as_members_page_get_set      (AsMembersPage *self);
GtkListBox *as_members_page_get_list_box (AsMembersPage *self);

G_END_DECLS
