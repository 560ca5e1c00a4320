/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The nodes of a type in a render node's tree (through containers,
 * transforms and clips), in drawing order, each with a reference. */
GPtrArray *as_test_collect_nodes      (GskRenderNode     *node,
                                       GskRenderNodeType  type);
/* The same for text nodes. */
GPtrArray *as_test_collect_text_nodes (GskRenderNode *node);

/* The glyph of a text node of one glyph. */
PangoGlyph as_test_text_node_glyph    (GskRenderNode *node);

/* The widget with this id in the builder file or template that made it,
 * anywhere under root (depth first), or NULL. */
GtkWidget *as_test_find_widget        (GtkWidget     *root,
                                       const char    *id);
/* Every text shown under root, one a line: labels, tick labels, timers,
 * tooltips and window titles. */
char      *as_test_collect_widget_texts (GtkWidget   *root);

G_END_DECLS
