/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "as-tick-label.h"
#include "as-timer-display.h"
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

GtkWidget *
as_test_find_widget (GtkWidget  *root,
                     const char *id)
{
  const char *own;

  g_return_val_if_fail (GTK_IS_WIDGET (root), NULL);

  own = gtk_buildable_get_buildable_id (GTK_BUILDABLE (root));
  if (g_strcmp0 (own, id) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = as_test_find_widget (child, id);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
collect_texts (GtkWidget *widget,
               GString   *out)
{
  const char *tooltip = gtk_widget_get_tooltip_text (widget);

  if (GTK_IS_LABEL (widget))
    g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  if (AS_IS_TICK_LABEL (widget))
    g_string_append_printf (out, "%s\n", as_tick_label_get_text (AS_TICK_LABEL (widget)));
  if (AS_IS_TIMER_DISPLAY (widget))
    g_string_append_printf (out, "%s\n", as_timer_display_get_text (AS_TIMER_DISPLAY (widget)));
  if (GTK_IS_WINDOW (widget) && gtk_window_get_title (GTK_WINDOW (widget)) != NULL)
    g_string_append_printf (out, "%s\n", gtk_window_get_title (GTK_WINDOW (widget)));
  if (tooltip != NULL)
    g_string_append_printf (out, "%s\n", tooltip);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_texts (child, out);
}

char *
as_test_collect_widget_texts (GtkWidget *root)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (GTK_IS_WIDGET (root), NULL);

  collect_texts (root, out);
  return g_string_free (out, FALSE);
}
