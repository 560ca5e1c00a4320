/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The text nodes of a render node's tree, in drawing order, each with a
 * reference. */
GPtrArray *as_test_collect_text_nodes (GskRenderNode *node);

/* The glyph of a text node of one glyph. */
PangoGlyph as_test_text_node_glyph    (GskRenderNode *node);

G_END_DECLS
