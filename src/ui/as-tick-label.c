/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "as-tick-label"

#include "config.h"

#include "as-figure-layout.h"
#include "as-tick-label.h"
#include "as-ui-util.h"

struct _AsTickLabel
{
  GtkWidget parent_instance;

  char     *text;
  char     *shape;
  float     xalign;
  gboolean  ellipsize;

  /* The shape laid out, kept from one second to the next; dropped when
   * the shape, the style or (ellipsized) the width changes. */
  AsFigureLayout *figures;
  int             figures_width;
};

G_DEFINE_FINAL_TYPE (AsTickLabel, as_tick_label, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TEXT,
  PROP_XALIGN,
  PROP_ELLIPSIZE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static void
drop_layout (AsTickLabel *self)
{
  g_clear_pointer (&self->figures, as_figure_layout_free);
}

/* GtkWidget overrides */

static void
as_tick_label_css_changed (GtkWidget         *widget,
                           GtkCssStyleChange *change)
{
  drop_layout (AS_TICK_LABEL (widget));
  GTK_WIDGET_CLASS (as_tick_label_parent_class)->css_changed (widget, change);
}

static void
as_tick_label_system_setting_changed (GtkWidget        *widget,
                                      GtkSystemSetting  setting)
{
  drop_layout (AS_TICK_LABEL (widget));
  GTK_WIDGET_CLASS (as_tick_label_parent_class)->system_setting_changed (widget, setting);
}

static void
as_tick_label_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  AsTickLabel *self = AS_TICK_LABEL (widget);
  g_autoptr(PangoLayout) layout =
    as_ui_create_figure_layout (GTK_WIDGET (self), self->shape ? self->shape : "");
  PangoRectangle logical;

  pango_layout_get_pixel_extents (layout, NULL, &logical);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *natural = logical.width;
      if (self->ellipsize)
        {
          g_autoptr(PangoLayout) dots = as_ui_create_figure_layout (GTK_WIDGET (self), "…");

          pango_layout_get_pixel_extents (dots, NULL, &logical);
          *minimum = MIN (*natural, logical.width);
        }
      else
        *minimum = *natural;
    }
  else
    {
      *minimum = *natural = logical.height;
      *minimum_baseline = *natural_baseline = pango_layout_get_baseline (layout) / PANGO_SCALE;
    }
}

static void
as_tick_label_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  AsTickLabel *self = AS_TICK_LABEL (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  PangoRectangle logical;
  GdkRGBA colour;
  float x;

  if (self->text == NULL || *self->text == '\0' || width <= 0)
    return;

  if (self->figures != NULL && self->ellipsize && self->figures_width != width)
    drop_layout (self);
  if (self->figures == NULL)
    {
      g_autoptr(PangoLayout) shape = as_ui_create_figure_layout (GTK_WIDGET (self), self->shape);

      if (self->ellipsize)
        {
          pango_layout_set_width (shape, width * PANGO_SCALE);
          pango_layout_set_ellipsize (shape, PANGO_ELLIPSIZE_END);
        }
      self->figures = as_figure_layout_new (shape);
      self->figures_width = width;
    }
  as_figure_layout_get_extents (self->figures, self->text, &logical);

  x = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL ? 1.0f - self->xalign : self->xalign;
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &colour);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot,
                          &GRAPHENE_POINT_INIT (MAX (0, (width - logical.width) * x) - logical.x,
                                                (height - logical.height) / 2.0f));
  as_figure_layout_append (self->figures, snapshot, self->text, &colour, FALSE);
  gtk_snapshot_restore (snapshot);
}

/* GObject overrides */

static void
as_tick_label_finalize (GObject *object)
{
  AsTickLabel *self = AS_TICK_LABEL (object);

  g_free (self->text);
  g_free (self->shape);
  drop_layout (self);

  G_OBJECT_CLASS (as_tick_label_parent_class)->finalize (object);
}

static void
as_tick_label_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AsTickLabel *self = AS_TICK_LABEL (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_XALIGN:
      g_value_set_float (value, self->xalign);
      break;
    case PROP_ELLIPSIZE:
      g_value_set_boolean (value, self->ellipsize);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
as_tick_label_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  AsTickLabel *self = AS_TICK_LABEL (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      as_tick_label_set_text (self, g_value_get_string (value));
      break;
    case PROP_XALIGN:
      as_tick_label_set_xalign (self, g_value_get_float (value));
      break;
    case PROP_ELLIPSIZE:
      as_tick_label_set_ellipsize (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
as_tick_label_class_init (AsTickLabelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = as_tick_label_finalize;
  object_class->get_property = as_tick_label_get_property;
  object_class->set_property = as_tick_label_set_property;

  widget_class->measure = as_tick_label_measure;
  widget_class->snapshot = as_tick_label_snapshot;
  widget_class->css_changed = as_tick_label_css_changed;
  widget_class->system_setting_changed = as_tick_label_system_setting_changed;

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_XALIGN] =
    g_param_spec_float ("xalign", NULL, NULL, 0, 1, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ELLIPSIZE] =
    g_param_spec_boolean ("ellipsize", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* "label", so that the theme's label rules apply. */
  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
as_tick_label_init (AsTickLabel *self)
{
}

/* Public API */

GtkWidget *
as_tick_label_new (const char *text)
{
  return g_object_new (AS_TYPE_TICK_LABEL, "text", text, NULL);
}

const char *
as_tick_label_get_text (AsTickLabel *self)
{
  g_return_val_if_fail (AS_IS_TICK_LABEL (self), NULL);
  return self->text ? self->text : "";
}

void
as_tick_label_set_text (AsTickLabel *self,
                        const char  *text)
{
  g_autofree char *shape = NULL;

  g_return_if_fail (AS_IS_TICK_LABEL (self));

  if (g_strcmp0 (self->text, text) == 0)
    return;

  g_free (self->text);
  self->text = g_strdup (text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->text ? self->text : "",
                                  -1);

  /* Same shape, same size: a redraw, and the window is not laid out again. */
  shape = as_ui_figure_shape (text);
  if (g_strcmp0 (shape, self->shape) != 0)
    {
      g_free (self->shape);
      self->shape = g_steal_pointer (&shape);
      drop_layout (self);
      gtk_widget_queue_resize (GTK_WIDGET (self));
    }
  else
    gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

float
as_tick_label_get_xalign (AsTickLabel *self)
{
  g_return_val_if_fail (AS_IS_TICK_LABEL (self), 0);
  return self->xalign;
}

void
as_tick_label_set_xalign (AsTickLabel *self,
                          float        xalign)
{
  g_return_if_fail (AS_IS_TICK_LABEL (self));

  xalign = CLAMP (xalign, 0, 1);
  if (self->xalign == xalign)
    return;
  self->xalign = xalign;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_XALIGN]);
}

gboolean
as_tick_label_get_ellipsize (AsTickLabel *self)
{
  g_return_val_if_fail (AS_IS_TICK_LABEL (self), FALSE);
  return self->ellipsize;
}

void
as_tick_label_set_ellipsize (AsTickLabel *self,
                             gboolean     ellipsize)
{
  g_return_if_fail (AS_IS_TICK_LABEL (self));

  ellipsize = !!ellipsize;
  if (self->ellipsize == ellipsize)
    return;
  self->ellipsize = ellipsize;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ELLIPSIZE]);
}
