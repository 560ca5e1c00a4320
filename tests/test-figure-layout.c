/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gtk/gtk.h>

#include "as-figure-layout.h"
#include "as-ui-util.h"
#include "as-widget-test-util.h"

/* What a layout draws, glyph by glyph: its glyphs, their advances, and where
 * each run starts (in Pango units). */
typedef struct
{
  GArray *glyphs;    /* PangoGlyph */
  GArray *widths;    /* int */
  GArray *origins;   /* graphene_point_t, one per run */
} Drawn;

static void
drawn_clear (Drawn *d)
{
  g_clear_pointer (&d->glyphs, g_array_unref);
  g_clear_pointer (&d->widths, g_array_unref);
  g_clear_pointer (&d->origins, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Drawn, drawn_clear)

static void
drawn_init (Drawn *d)
{
  d->glyphs = g_array_new (FALSE, FALSE, sizeof (PangoGlyph));
  d->widths = g_array_new (FALSE, FALSE, sizeof (int));
  d->origins = g_array_new (FALSE, FALSE, sizeof (graphene_point_t));
}

static void
drawn_from_layout (Drawn       *d,
                   PangoLayout *layout)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  drawn_init (d);
  do
    {
      PangoLayoutRun *run = pango_layout_iter_get_run_readonly (iter);
      PangoRectangle logical;
      graphene_point_t origin;

      if (run == NULL)
        continue;
      pango_layout_iter_get_run_extents (iter, NULL, &logical);
      origin = GRAPHENE_POINT_INIT ((float) logical.x / PANGO_SCALE,
                                    (float) pango_layout_iter_get_baseline (iter) / PANGO_SCALE);
      g_array_append_val (d->origins, origin);
      for (int i = 0; i < run->glyphs->num_glyphs; i++)
        {
          g_array_append_val (d->glyphs, run->glyphs->glyphs[i].glyph);
          g_array_append_val (d->widths, run->glyphs->glyphs[i].geometry.width);
        }
    }
  while (pango_layout_iter_next_run (iter));
  pango_layout_iter_free (iter);
}

static void
drawn_from_nodes (Drawn     *d,
                  GPtrArray *nodes)
{
  drawn_init (d);
  for (guint n = 0; n < nodes->len; n++)
    {
      GskRenderNode *node = g_ptr_array_index (nodes, n);
      const PangoGlyphInfo *glyphs = gsk_text_node_get_glyphs (node, NULL);

      g_array_append_val (d->origins, *gsk_text_node_get_offset (node));
      for (guint i = 0; i < gsk_text_node_get_num_glyphs (node); i++)
        {
          g_array_append_val (d->glyphs, glyphs[i].glyph);
          g_array_append_val (d->widths, glyphs[i].geometry.width);
        }
    }
}

static GPtrArray *
append (AsFigureLayout *figures,
        const char     *text,
        gboolean        by_glyph)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;

  as_figure_layout_append (figures, snapshot, text, &(GdkRGBA) { 0, 0, 0, 1 }, by_glyph);
  node = gtk_snapshot_free_to_node (snapshot);
  return as_test_collect_text_nodes (node);
}

static void
assert_same_glyphs (Drawn *a,
                    Drawn *b)
{
  g_assert_cmpuint (a->glyphs->len, ==, b->glyphs->len);
  for (guint i = 0; i < a->glyphs->len; i++)
    {
      g_assert_cmpuint (g_array_index (a->glyphs, PangoGlyph, i), ==,
                        g_array_index (b->glyphs, PangoGlyph, i));
      g_assert_cmpint (g_array_index (a->widths, int, i), ==, g_array_index (b->widths, int, i));
    }
}

static GtkWidget *
new_widget (void)
{
  GtkWidget *widget = gtk_label_new (NULL);

  g_object_ref_sink (widget);
  gtk_widget_add_css_class (widget, "numeric");
  return widget;
}

/* A text of the shape drawn by swapping glyphs is drawn as a layout of the
 * text itself would be: the same glyphs, as wide, from the same places. */
static void
test_swap (void)
{
  static const char * const texts[] = {
    "12:34",
    "+01:59",
    "Round: 12:30 left of 30:00",
    "Meeting: 1:02:47 of 2:30:00",
    "98 %",
    "Balance: fair (0.17)",
    /* A name from a file is plain text, never markup. */
    "<b>Sam & Jo</b> 01:05",
  };
  g_autoptr(GtkWidget) widget = new_widget ();

  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    {
      g_autofree char *shape = as_ui_figure_shape (texts[t]);
      g_autoptr(PangoLayout) shape_layout = as_ui_create_figure_layout (widget, shape);
      g_autoptr(PangoLayout) text_layout = as_ui_create_figure_layout (widget, texts[t]);
      g_autoptr(AsFigureLayout) figures = as_figure_layout_new (shape_layout);
      g_autoptr(GPtrArray) whole = NULL;
      g_autoptr(GPtrArray) by_glyph = NULL;
      g_auto(Drawn) expected = { 0 };
      g_auto(Drawn) drawn = { 0 };
      g_auto(Drawn) drawn_by_glyph = { 0 };
      PangoRectangle logical, expected_logical;

      g_test_message ("%s", texts[t]);
      g_assert_true (as_figure_layout_is_swapping (figures));
      g_assert_true (as_figure_layout_get_shape_layout (figures) == shape_layout);

      as_figure_layout_get_extents (figures, texts[t], &logical);
      pango_layout_get_pixel_extents (text_layout, NULL, &expected_logical);
      g_assert_cmpint (logical.x, ==, expected_logical.x);
      g_assert_cmpint (logical.width, ==, expected_logical.width);
      g_assert_cmpint (logical.height, ==, expected_logical.height);

      drawn_from_layout (&expected, text_layout);
      whole = append (figures, texts[t], FALSE);
      drawn_from_nodes (&drawn, whole);
      assert_same_glyphs (&expected, &drawn);
      /* A run of spaces alone has no node: the origins of the others. */
      g_assert_cmpuint (drawn.origins->len, <=, expected.origins->len);
      for (guint i = 0, j = 0; i < drawn.origins->len; i++, j++)
        {
          graphene_point_t *p = &g_array_index (drawn.origins, graphene_point_t, i);

          while (j < expected.origins->len &&
                 !graphene_point_equal (p, &g_array_index (expected.origins, graphene_point_t, j)))
            j++;
          g_assert_cmpuint (j, <, expected.origins->len);
        }

      /* One node per glyph drawn, the same glyphs. */
      by_glyph = append (figures, texts[t], TRUE);
      drawn_from_nodes (&drawn_by_glyph, by_glyph);
      g_assert_cmpuint (by_glyph->len, ==, drawn_by_glyph.glyphs->len);
      for (guint i = 0; i < by_glyph->len; i++)
        g_assert_cmpuint (gsk_text_node_get_num_glyphs (by_glyph->pdata[i]), ==, 1);
    }
}

/* From one second to the next, only the figures that changed change. */
static void
test_seconds (void)
{
  g_autoptr(GtkWidget) widget = new_widget ();
  g_autoptr(PangoLayout) shape_layout = as_ui_create_figure_layout (widget, "00:00");
  g_autoptr(AsFigureLayout) figures = as_figure_layout_new (shape_layout);
  g_autoptr(GPtrArray) before = append (figures, "12:39", TRUE);
  g_autoptr(GPtrArray) after = append (figures, "12:40", TRUE);

  g_assert_cmpuint (before->len, ==, 5);
  g_assert_cmpuint (after->len, ==, 5);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpuint (as_test_text_node_glyph (before->pdata[i]), ==,
                      as_test_text_node_glyph (after->pdata[i]));
  g_assert_cmpuint (as_test_text_node_glyph (before->pdata[3]), !=,
                    as_test_text_node_glyph (after->pdata[3]));
  g_assert_cmpuint (as_test_text_node_glyph (before->pdata[4]), !=,
                    as_test_text_node_glyph (after->pdata[4]));
}

/* A text of another shape is laid out: drawn as its own layout. */
static void
test_other_shape (void)
{
  g_autoptr(GtkWidget) widget = new_widget ();
  g_autoptr(PangoLayout) shape_layout = as_ui_create_figure_layout (widget, "00:00");
  g_autoptr(PangoLayout) text_layout = as_ui_create_figure_layout (widget, "+1:00:00");
  g_autoptr(AsFigureLayout) figures = as_figure_layout_new (shape_layout);
  g_autoptr(GPtrArray) nodes = append (figures, "+1:00:00", FALSE);
  g_auto(Drawn) expected = { 0 };
  g_auto(Drawn) drawn = { 0 };
  PangoRectangle logical, expected_logical;

  drawn_from_layout (&expected, text_layout);
  drawn_from_nodes (&drawn, nodes);
  assert_same_glyphs (&expected, &drawn);
  as_figure_layout_get_extents (figures, "+1:00:00", &logical);
  pango_layout_get_pixel_extents (text_layout, NULL, &expected_logical);
  g_assert_cmpint (logical.width, ==, expected_logical.width);
  /* The shape's own text is still swapped afterwards. */
  g_clear_pointer (&nodes, g_ptr_array_unref);
  nodes = append (figures, "59:59", FALSE);
  g_assert_cmpuint (nodes->len, >=, 1);
  g_assert_true (as_figure_layout_is_swapping (figures));
}

/* An ellipsized shape is not swapped: the text is laid out, with the same
 * width, and ends with the ellipsis. */
static void
test_ellipsized (void)
{
  g_autoptr(GtkWidget) widget = new_widget ();
  g_autoptr(PangoLayout) shape_layout = as_ui_create_figure_layout (widget, "Round: 00:00 left of 00:00");
  g_autoptr(PangoLayout) text_layout = as_ui_create_figure_layout (widget, "Round: 12:30 left of 30:00");
  g_autoptr(AsFigureLayout) figures = NULL;
  g_autoptr(GPtrArray) nodes = NULL;
  g_auto(Drawn) expected = { 0 };
  g_auto(Drawn) drawn = { 0 };
  PangoRectangle logical;

  pango_layout_get_pixel_extents (shape_layout, NULL, &logical);
  for (PangoLayout **l = (PangoLayout *[]) { shape_layout, text_layout, NULL }; *l; l++)
    {
      pango_layout_set_width (*l, logical.width / 2 * PANGO_SCALE);
      pango_layout_set_ellipsize (*l, PANGO_ELLIPSIZE_END);
    }
  figures = as_figure_layout_new (shape_layout);
  g_assert_false (as_figure_layout_is_swapping (figures));

  nodes = append (figures, "Round: 12:30 left of 30:00", FALSE);
  drawn_from_layout (&expected, text_layout);
  drawn_from_nodes (&drawn, nodes);
  assert_same_glyphs (&expected, &drawn);
}

/* A character no font has is drawn by the layout, as a box. */
static void
test_missing_glyph (void)
{
  g_autoptr(GtkWidget) widget = new_widget ();
  /* A noncharacter: no font gives it a glyph. */
  g_autoptr(PangoLayout) shape_layout = as_ui_create_figure_layout (widget, "\xef\xb7\x90 00:00");
  g_autoptr(AsFigureLayout) figures = as_figure_layout_new (shape_layout);
  g_autoptr(GPtrArray) nodes = NULL;
  PangoRectangle logical;

  g_assert_false (as_figure_layout_is_swapping (figures));
  nodes = append (figures, "\xef\xb7\x90 12:34", TRUE);
  g_assert_cmpuint (nodes->len, >=, 1);
  as_figure_layout_get_extents (figures, "\xef\xb7\x90 12:34", &logical);
  g_assert_cmpint (logical.width, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/figure-layout/swap", test_swap);
  g_test_add_func ("/figure-layout/seconds", test_seconds);
  g_test_add_func ("/figure-layout/other-shape", test_other_shape);
  g_test_add_func ("/figure-layout/ellipsized", test_ellipsized);
  g_test_add_func ("/figure-layout/missing-glyph", test_missing_glyph);
  return g_test_run ();
}
