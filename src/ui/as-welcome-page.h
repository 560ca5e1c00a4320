/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define AS_TYPE_WELCOME_PAGE (as_welcome_page_get_type ())
G_DECLARE_FINAL_TYPE (AsWelcomePage, as_welcome_page, AS, WELCOME_PAGE, AdwBin)

/* What a window shows before a set is open: the app, buttons to start a new
 * set, open one or open the example, and the sets opened recently (from the
 * recent files list, only our type, only files that still exist). Choosing
 * a recent set emits "open-file". */
GtkWidget *as_welcome_page_new          (void);
/* Registers file in the recent files list, named after the set. */
void       as_welcome_page_add_recent   (GFile      *file,
                                         const char *set_name);

G_END_DECLS
