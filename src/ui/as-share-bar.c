/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "as-share-bar"

#include "config.h"

#include <math.h>

#include "as-share-bar.h"

#define BAR_HEIGHT 10
#define MARK_WIDTH 3

struct _AsShareBar
{
  GtkWidget parent_instance;

  double    share;
  double    equal_share;
  double    scale;
  GdkRGBA   rgba;
};

G_DEFINE_FINAL_TYPE (AsShareBar, as_share_bar, GTK_TYPE_WIDGET)

/* Helpers */

/* Where a value falls on the bar, in whole pixels. */
static int
pixels (AsShareBar *self,
        double      value,
        double      scale)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));

  if (scale <= 0)
    return -1;
  return (int) floor (width * CLAMP (value / scale, 0, 1));
}

/* GtkWidget overrides */

static void
as_share_bar_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = 60;
  else
    *minimum = *natural = BAR_HEIGHT + 6;
}

static void
as_share_bar_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  AsShareBar *self = AS_SHARE_BAR (widget);
  float width = gtk_widget_get_width (widget);
  float height = gtk_widget_get_height (widget);
  float top = (height - BAR_HEIGHT) / 2.0f;
  GdkRGBA fg, trough;
  GskRoundedRect rounded;
  graphene_rect_t bounds;
  float fill, mark;

  if (width <= 0 || self->scale <= 0)
    return;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  trough = fg;
  trough.alpha *= 0.12f;

  graphene_rect_init (&bounds, 0, top, width, BAR_HEIGHT);
  gsk_rounded_rect_init_from_rect (&rounded, &bounds, BAR_HEIGHT / 2.0f);
  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  gtk_snapshot_append_color (snapshot, &trough, &bounds);
  fill = width * CLAMP (self->share / self->scale, 0, 1);
  if (fill > 0)
    gtk_snapshot_append_color (snapshot, &self->rgba,
                               &GRAPHENE_RECT_INIT (0, top, fill, BAR_HEIGHT));
  gtk_snapshot_pop (snapshot);

  /* The equal share: a mark in the text colour, taller than the bar, so it
   * reads whatever the member's colour. */
  if (self->equal_share > 0)
    {
      mark = width * CLAMP (self->equal_share / self->scale, 0, 1);
      mark = CLAMP (mark - MARK_WIDTH / 2.0f, 0, width - MARK_WIDTH);
      gtk_snapshot_append_color (snapshot, &fg,
                                 &GRAPHENE_RECT_INIT (mark, 0, MARK_WIDTH, height));
    }
}

static void
as_share_bar_class_init (AsShareBarClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->measure = as_share_bar_measure;
  widget_class->snapshot = as_share_bar_snapshot;

  gtk_widget_class_set_css_name (widget_class, "sharebar");
  /* The tile says the share in words; the bar only illustrates it. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
as_share_bar_init (AsShareBar *self)
{
  gdk_rgba_parse (&self->rgba, "#3584e4");
}

/* Public API */

GtkWidget *
as_share_bar_new (void)
{
  return g_object_new (AS_TYPE_SHARE_BAR, NULL);
}

void
as_share_bar_set_values (AsShareBar *self,
                         double      share,
                         double      equal_share,
                         double      scale)
{
  gboolean redraw;

  g_return_if_fail (AS_IS_SHARE_BAR (self));

  if (self->share == share && self->equal_share == equal_share && self->scale == scale)
    return;

  /* The shares move a little every second while someone speaks: redraw
   * only when the bar or the mark moves by a pixel. */
  redraw = pixels (self, self->share, self->scale) != pixels (self, share, scale) ||
           pixels (self, self->equal_share, self->scale) != pixels (self, equal_share, scale);
  self->share = share;
  self->equal_share = equal_share;
  self->scale = scale;
  if (redraw)
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

double
as_share_bar_get_share (AsShareBar *self)
{
  g_return_val_if_fail (AS_IS_SHARE_BAR (self), 0);
  return self->share;
}

void
as_share_bar_set_colour (AsShareBar *self,
                         const char *colour)
{
  GdkRGBA rgba;

  g_return_if_fail (AS_IS_SHARE_BAR (self));

  /* A colour that does not parse (a damaged file) shows as a neutral grey. */
  if (colour == NULL || !gdk_rgba_parse (&rgba, colour))
    gdk_rgba_parse (&rgba, "#77767b");
  if (gdk_rgba_equal (&rgba, &self->rgba))
    return;
  self->rgba = rgba;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
