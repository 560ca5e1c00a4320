/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "as-figure-layout"

#include "config.h"

#include <string.h>

#include "as-figure-layout.h"

/* One run of the shape's layout: its glyphs, where it is drawn, and for
 * each glyph the byte of the text whose digit it shows (or -1). */
typedef struct
{
  PangoFont        *font;
  PangoGlyphString *glyphs;
  int              *digit_at;
  PangoGlyph        digits[10];
  int               x;         /* Pango units */
  int               baseline;  /* Pango units */
} FigureRun;

struct _AsFigureLayout
{
  PangoLayout    *shape_layout;
  char           *shape;
  PangoRectangle  shape_logical;
  GPtrArray      *runs;        /* of FigureRun; NULL if glyphs are not swapped */

  /* The slow way: a copy of the shape's layout, holding the last text. */
  PangoLayout    *text_layout;
};

static void
figure_run_free (gpointer data)
{
  FigureRun *run = data;

  g_object_unref (run->font);
  pango_glyph_string_free (run->glyphs);
  g_free (run->digit_at);
  g_free (run);
}

/* The glyphs the run's font and features give the ten digits, if each is
 * one glyph of its own as wide as the others. */
static gboolean
learn_digits (PangoLayoutRun *run,
              PangoShapeFlags flags,
              PangoGlyph      digits[10],
              int            *width)
{
  static const char text[] = "0123456789";
  PangoGlyphString *glyphs = pango_glyph_string_new ();
  gboolean ok;

  pango_shape_with_flags (text, 10, text, 10, &run->item->analysis, glyphs, flags);
  ok = glyphs->num_glyphs == 10;
  for (int i = 0; ok && i < 10; i++)
    {
      PangoGlyphInfo *info = &glyphs->glyphs[i];

      ok = glyphs->log_clusters[i] == i &&
           (info->glyph & PANGO_GLYPH_UNKNOWN_FLAG) == 0 &&
           info->geometry.width == glyphs->glyphs[0].geometry.width &&
           info->geometry.x_offset == 0 && info->geometry.y_offset == 0;
      digits[i] = info->glyph;
    }
  *width = glyphs->glyphs[0].geometry.width;
  pango_glyph_string_free (glyphs);
  return ok;
}

/* Whether glyph i of the run is the only glyph of a cluster of one
 * character, at byte offset (within the run's item). */
static gboolean
one_to_one (PangoGlyphString *glyphs,
            int               i,
            int               offset,
            int               item_length)
{
  gboolean next_starts = offset + 1 == item_length;

  for (int j = 0; j < glyphs->num_glyphs; j++)
    {
      if (j != i && glyphs->log_clusters[j] == offset)
        return FALSE;
      if (glyphs->log_clusters[j] == offset + 1)
        next_starts = TRUE;
    }
  return next_starts;
}

static GPtrArray *
learn_runs (PangoLayout *layout,
            const char  *shape)
{
  g_autoptr(GPtrArray) runs = g_ptr_array_new_with_free_func (figure_run_free);
  /* Shaped as the layout shapes, with its positions rounded or not. */
  PangoShapeFlags flags =
    pango_context_get_round_glyph_positions (pango_layout_get_context (layout))
    ? PANGO_SHAPE_ROUND_POSITIONS : PANGO_SHAPE_NONE;
  PangoLayoutIter *iter;
  int zeros = 0, swapped = 0;
  gboolean ok = TRUE;

  if (pango_layout_is_ellipsized (layout))
    return NULL;
  for (const char *p = shape; *p; p++)
    zeros += *p == '0';

  iter = pango_layout_get_iter (layout);
  do
    {
      PangoLayoutRun *run = pango_layout_iter_get_run_readonly (iter);
      PangoRectangle logical;
      FigureRun *figures;
      int digit_width = 0;

      if (run == NULL)
        continue;
      pango_layout_iter_get_run_extents (iter, NULL, &logical);

      figures = g_new0 (FigureRun, 1);
      figures->font = g_object_ref (run->item->analysis.font);
      figures->glyphs = pango_glyph_string_copy (run->glyphs);
      figures->digit_at = g_new (int, MAX (run->glyphs->num_glyphs, 1));
      figures->x = logical.x;
      figures->baseline = pango_layout_iter_get_baseline (iter);
      g_ptr_array_add (runs, figures);

      for (int i = 0; i < run->glyphs->num_glyphs && ok; i++)
        {
          PangoGlyphInfo *info = &run->glyphs->glyphs[i];
          int offset = run->glyphs->log_clusters[i];
          int byte = run->item->offset + offset;

          figures->digit_at[i] = -1;
          if (info->glyph & PANGO_GLYPH_UNKNOWN_FLAG)
            ok = FALSE;
          else if (shape[byte] == '0')
            {
              /* Learnt once a run shows a figure. */
              if (digit_width == 0)
                ok = learn_digits (run, flags, figures->digits, &digit_width);
              ok = ok && (run->item->analysis.level % 2) == 0 &&
                   info->glyph == figures->digits[0] &&
                   info->geometry.width == digit_width &&
                   one_to_one (run->glyphs, i, offset, run->item->length);
              if (ok)
                {
                  figures->digit_at[i] = byte;
                  swapped++;
                }
            }
        }
    }
  while (ok && pango_layout_iter_next_run (iter));
  pango_layout_iter_free (iter);

  /* Every figure of the shape is drawn by one glyph that can be swapped. */
  if (!ok || swapped != zeros)
    return NULL;
  return g_steal_pointer (&runs);
}

AsFigureLayout *
as_figure_layout_new (PangoLayout *shape_layout)
{
  AsFigureLayout *self = g_new0 (AsFigureLayout, 1);

  g_return_val_if_fail (PANGO_IS_LAYOUT (shape_layout), NULL);

  self->shape_layout = g_object_ref (shape_layout);
  self->shape = g_strdup (pango_layout_get_text (shape_layout));
  pango_layout_get_pixel_extents (shape_layout, NULL, &self->shape_logical);
  self->runs = learn_runs (shape_layout, self->shape);
  return self;
}

void
as_figure_layout_free (AsFigureLayout *self)
{
  if (self == NULL)
    return;
  g_object_unref (self->shape_layout);
  g_free (self->shape);
  g_clear_pointer (&self->runs, g_ptr_array_unref);
  g_clear_object (&self->text_layout);
  g_free (self);
}

PangoLayout *
as_figure_layout_get_shape_layout (AsFigureLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->shape_layout;
}

gboolean
as_figure_layout_is_swapping (AsFigureLayout *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->runs != NULL;
}

static gboolean
can_swap (AsFigureLayout *self,
          const char     *text)
{
  size_t n = strlen (self->shape);

  if (self->runs == NULL || strlen (text) != n)
    return FALSE;
  for (size_t i = 0; i < n; i++)
    if (g_ascii_isdigit (text[i]) ? self->shape[i] != '0' : self->shape[i] != text[i])
      return FALSE;
  return TRUE;
}

static PangoLayout *
text_layout (AsFigureLayout *self,
             const char     *text)
{
  if (self->text_layout == NULL)
    self->text_layout = pango_layout_copy (self->shape_layout);
  if (g_strcmp0 (pango_layout_get_text (self->text_layout), text) != 0)
    pango_layout_set_text (self->text_layout, text, -1);
  return self->text_layout;
}

void
as_figure_layout_get_extents (AsFigureLayout *self,
                              const char     *text,
                              PangoRectangle *logical)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (text != NULL);
  g_return_if_fail (logical != NULL);

  if (can_swap (self, text))
    *logical = self->shape_logical;
  else
    pango_layout_get_pixel_extents (text_layout (self, text), NULL, logical);
}

static void
append_glyphs (GtkSnapshot      *snapshot,
               PangoFont        *font,
               PangoGlyphString *glyphs,
               int               x,
               int               baseline,
               const GdkRGBA    *colour,
               gboolean          by_glyph)
{
  GskRenderNode *node;

  if (!by_glyph)
    {
      node = gsk_text_node_new (font, glyphs, colour,
                                &GRAPHENE_POINT_INIT ((float) x / PANGO_SCALE,
                                                      (float) baseline / PANGO_SCALE));
      /* NULL for a run with nothing to draw, such as spaces. */
      if (node != NULL)
        {
          gtk_snapshot_append_node (snapshot, node);
          gsk_render_node_unref (node);
        }
      return;
    }

  for (int i = 0; i < glyphs->num_glyphs; i++)
    {
      int cluster = 0;
      PangoGlyphString one = { .num_glyphs = 1, .glyphs = &glyphs->glyphs[i],
                               .log_clusters = &cluster };

      append_glyphs (snapshot, font, &one, x, baseline, colour, FALSE);
      x += glyphs->glyphs[i].geometry.width;
    }
}

/* The slow way, for by_glyph: the glyphs of the text's own layout, unless
 * one is missing from its font (its box is drawn by the layout). */
static void
append_layout_by_glyph (GtkSnapshot   *snapshot,
                        PangoLayout   *layout,
                        const GdkRGBA *colour)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  gboolean plain = TRUE;

  do
    {
      PangoLayoutRun *run = pango_layout_iter_get_run_readonly (iter);

      if (run == NULL)
        continue;
      for (int i = 0; i < run->glyphs->num_glyphs; i++)
        plain = plain && (run->glyphs->glyphs[i].glyph & PANGO_GLYPH_UNKNOWN_FLAG) == 0;
    }
  while (plain && pango_layout_iter_next_run (iter));
  pango_layout_iter_free (iter);

  if (!plain)
    {
      gtk_snapshot_append_layout (snapshot, layout, colour);
      return;
    }

  iter = pango_layout_get_iter (layout);
  do
    {
      PangoLayoutRun *run = pango_layout_iter_get_run_readonly (iter);
      PangoRectangle logical;

      if (run == NULL)
        continue;
      pango_layout_iter_get_run_extents (iter, NULL, &logical);
      append_glyphs (snapshot, run->item->analysis.font, run->glyphs, logical.x,
                     pango_layout_iter_get_baseline (iter), colour, TRUE);
    }
  while (pango_layout_iter_next_run (iter));
  pango_layout_iter_free (iter);
}

void
as_figure_layout_append (AsFigureLayout *self,
                         GtkSnapshot    *snapshot,
                         const char     *text,
                         const GdkRGBA  *colour,
                         gboolean        by_glyph)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (GTK_IS_SNAPSHOT (snapshot));
  g_return_if_fail (text != NULL);
  g_return_if_fail (colour != NULL);

  if (!can_swap (self, text))
    {
      PangoLayout *layout = text_layout (self, text);

      if (by_glyph)
        append_layout_by_glyph (snapshot, layout, colour);
      else
        gtk_snapshot_append_layout (snapshot, layout, colour);
      return;
    }

  for (guint r = 0; r < self->runs->len; r++)
    {
      FigureRun *run = g_ptr_array_index (self->runs, r);
      PangoGlyphString *glyphs = pango_glyph_string_copy (run->glyphs);

      for (int i = 0; i < glyphs->num_glyphs; i++)
        if (run->digit_at[i] >= 0)
          glyphs->glyphs[i].glyph = run->digits[text[run->digit_at[i]] - '0'];
      append_glyphs (snapshot, run->font, glyphs, run->x, run->baseline, colour, by_glyph);
      pango_glyph_string_free (glyphs);
    }
}
