/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * Text whose figures change every second, drawn without being laid out
 * again. It is given a layout of the text's shape (every digit a 0, in
 * tabular figures: as_ui_figure_shape () and as_ui_create_figure_layout ()),
 * learns which glyph each of its fonts gives the ten digits, and draws a
 * text of that shape by putting each digit's glyph in the place of the 0's.
 *
 * Where that would not draw what laying out the text draws (a font whose
 * digits are not all as wide, figures joined or kerned, an ellipsis, a
 * right-to-left run), the text is laid out as usual, on a copy of the
 * shape's layout.
 */

typedef struct _AsFigureLayout AsFigureLayout;

/* Takes a reference to shape_layout, whose text is the shape. */
AsFigureLayout *as_figure_layout_new          (PangoLayout    *shape_layout);
void            as_figure_layout_free         (AsFigureLayout *self);

PangoLayout    *as_figure_layout_get_shape_layout (AsFigureLayout *self);
/* Whether a text of the shape is drawn by swapping glyphs. */
gboolean        as_figure_layout_is_swapping  (AsFigureLayout *self);

/* The logical extents of text, in pixels; text has the layout's shape. */
void            as_figure_layout_get_extents  (AsFigureLayout *self,
                                               const char     *text,
                                               PangoRectangle *logical);
/* Appends text nodes drawing text at the origin, as its layout would. With
 * by_glyph, each glyph is a node of its own, so that GTK repaints only the
 * figures that changed from one frame to the next. */
void            as_figure_layout_append       (AsFigureLayout *self,
                                               GtkSnapshot    *snapshot,
                                               const char     *text,
                                               const GdkRGBA  *colour,
                                               gboolean        by_glyph);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AsFigureLayout, as_figure_layout_free)

G_END_DECLS
