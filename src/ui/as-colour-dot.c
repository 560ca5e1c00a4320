/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "as-colour-dot"

#include "config.h"

#include "as-colour-dot.h"

#define DOT_SIZE 14

struct _AsColourDot
{
  GtkWidget parent_instance;

  char     *colour;
  GdkRGBA   rgba;
};

G_DEFINE_FINAL_TYPE (AsColourDot, as_colour_dot, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_COLOUR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* GtkWidget overrides */

static void
as_colour_dot_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  *minimum = *natural = DOT_SIZE;
}

static void
as_colour_dot_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  AsColourDot *self = AS_COLOUR_DOT (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  float size = MIN (width, height);
  GskRoundedRect circle;
  graphene_rect_t bounds;
  GdkRGBA border = { 0, 0, 0, 0.15f };
  float border_width[4] = { 1, 1, 1, 1 };
  GdkRGBA border_colours[4];

  graphene_rect_init (&bounds, (width - size) / 2.0f, (height - size) / 2.0f, size, size);
  gsk_rounded_rect_init_from_rect (&circle, &bounds, size / 2.0f);

  gtk_snapshot_push_rounded_clip (snapshot, &circle);
  gtk_snapshot_append_color (snapshot, &self->rgba, &bounds);
  gtk_snapshot_pop (snapshot);

  /* A faint ring keeps light colours visible on a light background. */
  for (guint i = 0; i < 4; i++)
    border_colours[i] = border;
  gtk_snapshot_append_border (snapshot, &circle, border_width, border_colours);
}

/* GObject overrides */

static void
as_colour_dot_finalize (GObject *object)
{
  AsColourDot *self = AS_COLOUR_DOT (object);

  g_free (self->colour);

  G_OBJECT_CLASS (as_colour_dot_parent_class)->finalize (object);
}

static void
as_colour_dot_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AsColourDot *self = AS_COLOUR_DOT (object);

  switch (prop_id)
    {
    case PROP_COLOUR:
      g_value_set_string (value, self->colour);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
as_colour_dot_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  AsColourDot *self = AS_COLOUR_DOT (object);

  switch (prop_id)
    {
    case PROP_COLOUR:
      as_colour_dot_set_colour (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
as_colour_dot_class_init (AsColourDotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = as_colour_dot_finalize;
  object_class->get_property = as_colour_dot_get_property;
  object_class->set_property = as_colour_dot_set_property;

  widget_class->measure = as_colour_dot_measure;
  widget_class->snapshot = as_colour_dot_snapshot;

  properties[PROP_COLOUR] =
    g_param_spec_string ("colour", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "colourdot");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
as_colour_dot_init (AsColourDot *self)
{
  gdk_rgba_parse (&self->rgba, "#3584e4");
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
}

GtkWidget *
as_colour_dot_new (void)
{
  return g_object_new (AS_TYPE_COLOUR_DOT, NULL);
}

const char *
as_colour_dot_get_colour (AsColourDot *self)
{
  g_return_val_if_fail (AS_IS_COLOUR_DOT (self), NULL);
  return self->colour;
}

void
as_colour_dot_set_colour (AsColourDot *self,
                          const char  *colour)
{
  g_return_if_fail (AS_IS_COLOUR_DOT (self));

  if (g_strcmp0 (self->colour, colour) == 0)
    return;

  g_free (self->colour);
  self->colour = g_strdup (colour);
  /* A colour that does not parse (a damaged file) shows as a neutral grey. */
  if (colour == NULL || !gdk_rgba_parse (&self->rgba, colour))
    gdk_rgba_parse (&self->rgba, "#77767b");
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOUR]);
}
