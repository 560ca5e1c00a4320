/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "as-widget-test-util.h"

static void
collect (GskRenderNode     *node,
         GskRenderNodeType  type,
         GPtrArray         *found)
{
  if (gsk_render_node_get_node_type (node) == type)
    {
      g_ptr_array_add (found, gsk_render_node_ref (node));
      return;
    }
  switch (gsk_render_node_get_node_type (node))
    {
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        collect (gsk_container_node_get_child (node, i), type, found);
      break;
    case GSK_TRANSFORM_NODE:
      collect (gsk_transform_node_get_child (node), type, found);
      break;
    case GSK_CLIP_NODE:
      collect (gsk_clip_node_get_child (node), type, found);
      break;
    default:
      break;
    }
}

GPtrArray *
as_test_collect_nodes (GskRenderNode     *node,
                       GskRenderNodeType  type)
{
  GPtrArray *found = g_ptr_array_new_with_free_func ((GDestroyNotify) gsk_render_node_unref);

  if (node != NULL)
    collect (node, type, found);
  return found;
}

GPtrArray *
as_test_collect_text_nodes (GskRenderNode *node)
{
  return as_test_collect_nodes (node, GSK_TEXT_NODE);
}

PangoGlyph
as_test_text_node_glyph (GskRenderNode *node)
{
  /* Not the count that gsk_text_node_get_glyphs () gives back: declared
   * pure, it may be taken to leave it untouched. */
  g_assert_cmpuint (gsk_text_node_get_num_glyphs (node), ==, 1);
  return gsk_text_node_get_glyphs (node, NULL)[0].glyph;
}
