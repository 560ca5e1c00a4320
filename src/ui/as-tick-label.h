/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define AS_TYPE_TICK_LABEL (as_tick_label_get_type ())
G_DECLARE_FINAL_TYPE (AsTickLabel, as_tick_label, AS, TICK_LABEL, GtkWidget)

/*
 * A one-line label for text that changes every second ("Round: 12:30 left
 * of 30:00", a member's airtime). A GtkLabel asks the whole window to be
 * laid out again each time its text changes, and on X11 that costs round
 * trips to the server each second. This label is measured on the shape of
 * its text (every digit counted as a 0, in tabular figures, so all digits
 * are as wide): while the shape stays, a new text only redraws it. Plain
 * text, never markup; styled by CSS like a label (the "numeric",
 * "dim-label"… classes).
 */

GtkWidget  *as_tick_label_new           (const char  *text);
const char *as_tick_label_get_text      (AsTickLabel *self);
void        as_tick_label_set_text      (AsTickLabel *self,
                                         const char  *text);
float       as_tick_label_get_xalign    (AsTickLabel *self);
void        as_tick_label_set_xalign    (AsTickLabel *self,
                                         float        xalign);
/* With ellipsize, the label may be narrower than its text, which then ends
 * with "…". */
gboolean    as_tick_label_get_ellipsize (AsTickLabel *self);
void        as_tick_label_set_ellipsize (AsTickLabel *self,
                                         gboolean     ellipsize);

G_END_DECLS
