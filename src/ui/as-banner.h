/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define AS_TYPE_BANNER (as_banner_get_type ())
G_DECLARE_FINAL_TYPE (AsBanner, as_banner, AS, BANNER, GtkWidget)

/* A strip under the header bar that slides in to say something about the
 * whole window (the file is read-only, it changed on disk), with buttons
 * added as children in a .ui file or with as_banner_add_button(). It does
 * what AdwBanner does from libadwaita 1.3, which the platform floor lacks. */
GtkWidget  *as_banner_new           (const char *title);
const char *as_banner_get_title     (AsBanner   *self);
void        as_banner_set_title     (AsBanner   *self,
                                     const char *title);
gboolean    as_banner_get_revealed  (AsBanner   *self);
void        as_banner_set_revealed  (AsBanner   *self,
                                     gboolean    revealed);
GtkWidget  *as_banner_add_button    (AsBanner   *self,
                                     const char *label,
                                     const char *action_name);

G_END_DECLS
