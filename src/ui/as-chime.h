/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The resource path of the chime played at the end of a step's budget. */
#define AS_CHIME_RESOURCE "/org/example/ActionSet/sounds/step-end.oga"

/* Plays the chime once, through GTK's media backend; where no backend can
 * play it (none installed, no sound device), rings the display's bell from
 * widget instead. The player exists only while it plays, so that no media
 * pipeline stays behind between chimes. */
void as_chime_play (GtkWidget *widget);

G_END_DECLS
