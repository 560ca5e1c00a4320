/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "as-set.h"

G_BEGIN_DECLS

#define AS_TYPE_SET_DETAILS_PAGE (as_set_details_page_get_type ())
G_DECLARE_FINAL_TYPE (AsSetDetailsPage, as_set_details_page, AS, SET_DETAILS_PAGE, AdwBin)

/* The set itself: name, purpose, facilitator, ground rules, the warning and
 * monologue thresholds, and the default minutes of each step of a round.
 * Every field edits the model as it is typed. */
GtkWidget *as_set_details_page_new      (AsSet            *set);
AsSet     *as_set_details_page_get_set  (AsSetDetailsPage *self);
/* Puts the keyboard in the name field, for a new set. */
void       as_set_details_page_focus_name (AsSetDetailsPage *self);

G_END_DECLS
