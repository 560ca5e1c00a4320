/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "as-entity.h"
#include "as-set.h"

G_BEGIN_DECLS

/* Keeps a text view and a TEXT field of an entity in step both ways: typing
 * edits the model (so it is undoable and journaled), and an undo or a reload
 * updates the view. The binding lives as long as the view. */
void        as_ui_bind_text_view        (GtkTextView *view,
                                         AsEntity    *entity,
                                         const char  *property);

/* Keeps an entry (an AdwEntryRow, a GtkEntry) and a STRING field in step
 * both ways, like as_ui_bind_text_view, and seals the undo stack when the
 * entry loses the focus. */
void        as_ui_bind_entry            (GtkEditable *editable,
                                         AsEntity    *entity,
                                         const char  *property);

/* Seals the undo stack of entity's document when the widget (or anything
 * inside it) loses the keyboard focus, so that what was typed in one field
 * undoes as one step and the next field starts a new one. */
void        as_ui_seal_on_focus_leave   (GtkWidget   *widget,
                                         AsEntity    *entity);


/* A name to show for a set: its name, or "Untitled Set". */
const char *as_ui_set_display_name      (AsSet       *set);

/* The colours offered for members, and their translated names. */
guint       as_ui_palette_size          (void);
const char *as_ui_palette_colour        (guint        i);
const char *as_ui_palette_name          (guint        i);

/* The next colour from the palette that no member of set uses yet. */
const char *as_ui_next_member_colour    (AsSet       *set);

/* Timers and figures that change every second: text with every digit made
 * 0, whose size stays the same from one second to the next in tabular
 * figures, and a layout for a widget that draws them in tabular figures
 * whatever its style says, so that the digits do not shift. */
char        *as_ui_figure_shape         (const char  *text);
PangoLayout *as_ui_create_figure_layout (GtkWidget   *widget,
                                         const char  *text);

/* Setters for what a live screen updates every second or on every change:
 * each changes the widget only when the value differs, since the same text
 * or class again would still cost a relayout or a restyle. */
void         as_ui_set_text             (GtkLabel           *label,
                                         const char         *text);
void         as_ui_set_class            (GtkWidget          *widget,
                                         const char         *css_class,
                                         gboolean            on);
/* One of a few exclusive state classes (NULL: none of them). */
void         as_ui_set_state_class      (GtkWidget          *widget,
                                         const char * const *classes,
                                         const char         *on);
/* Shows the icon, or hides the image for NULL. */
void         as_ui_set_icon             (GtkImage           *image,
                                         const char         *icon_name);
void         as_ui_set_visible          (GtkWidget          *widget,
                                         gboolean            visible);
void         as_ui_set_tooltip          (GtkWidget          *widget,
                                         const char         *text);
/* Sets the accessible label when it differs from *shown, which keeps it. */
void         as_ui_set_accessible_label (GtkWidget          *widget,
                                         char              **shown,
                                         const char         *label);

/* The style of the live screens (live.css), loaded once for the display. */
void         as_ui_load_live_css        (void);

G_END_DECLS
