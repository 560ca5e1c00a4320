/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "as-member.h"

G_BEGIN_DECLS

#define AS_TYPE_MEMBER_ROW (as_member_row_get_type ())
G_DECLARE_FINAL_TYPE (AsMemberRow, as_member_row, AS, MEMBER_ROW, AdwActionRow)

/* One member in the members list: colour, name, role and organisation, and a
 * menu of what can be done with them (actions of AsMembersPage). */
GtkWidget *as_member_row_new         (AsMember    *member);
AsMember  *as_member_row_get_member  (AsMemberRow *self);

G_END_DECLS
