/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "as-timer-display"

#include "config.h"

#include <math.h>

#include "as-figure-layout.h"
#include "as-timer-display.h"
#include "as-ui-util.h"

/* The font size the layout is measured at before it is scaled to fit. */
#define REFERENCE_PX 100.0
#define MIN_PX       24.0
#define MIN_WIDTH    160
#define MIN_HEIGHT   64

struct _AsTimerDisplay
{
  GtkWidget  parent_instance;

  char      *text;
  char      *shape;
  char      *description;
  double     font_px;

  /* The fit for the last size and shape, and the layout drawn, kept from
   * one second to the next; dropped when the style changes. */
  int            fit_width;
  int            fit_height;
  char          *fit_shape;
  PangoRectangle  fit_ink;
  AsFigureLayout *figures;
};

G_DEFINE_FINAL_TYPE (AsTimerDisplay, as_timer_display, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TEXT,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static PangoLayout *
create_layout (AsTimerDisplay *self,
               const char     *text,
               double          px)
{
  /* Tabular figures: with all digits as wide, the size fitted to the
   * shape (every digit a 0) stays the same from one second to the next. */
  PangoLayout *layout = as_ui_create_figure_layout (GTK_WIDGET (self), text);
  PangoContext *context = pango_layout_get_context (layout);
  g_autoptr(PangoFontDescription) desc =
    pango_font_description_copy (pango_context_get_font_description (context));

  pango_font_description_set_absolute_size (desc, px * PANGO_SCALE);
  pango_layout_set_font_description (layout, desc);
  return layout;
}

/* The largest size at which the text's shape fits the widget: its width
 * within the width, the ink of its figures within the height. */
static double
fit_px (AsTimerDisplay *self,
        const char     *shape,
        int             width,
        int             height,
        PangoRectangle *ink_out)
{
  g_autoptr(PangoLayout) layout = create_layout (self, shape, REFERENCE_PX);
  PangoRectangle ink, logical;
  double scale;

  pango_layout_get_pixel_extents (layout, &ink, &logical);
  if (ink_out != NULL)
    *ink_out = ink;
  if (logical.width <= 0 || ink.height <= 0)
    return MIN_PX;
  scale = MIN ((double) width / logical.width, (double) height / ink.height);
  return MAX (REFERENCE_PX * scale, MIN_PX);
}

static void
drop_caches (AsTimerDisplay *self)
{
  g_clear_pointer (&self->fit_shape, g_free);
  g_clear_pointer (&self->figures, as_figure_layout_free);
}

/* GtkWidget overrides */

static void
as_timer_display_css_changed (GtkWidget         *widget,
                              GtkCssStyleChange *change)
{
  drop_caches (AS_TIMER_DISPLAY (widget));
  GTK_WIDGET_CLASS (as_timer_display_parent_class)->css_changed (widget, change);
}

static void
as_timer_display_system_setting_changed (GtkWidget        *widget,
                                         GtkSystemSetting  setting)
{
  drop_caches (AS_TIMER_DISPLAY (widget));
  GTK_WIDGET_CLASS (as_timer_display_parent_class)->system_setting_changed (widget, setting);
}

static GtkSizeRequestMode
as_timer_display_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
as_timer_display_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  AsTimerDisplay *self = AS_TIMER_DISPLAY (widget);

  /* Small when space is short. Given a width, it would like the height at
   * which its figures fill that width, so that the labels under it follow
   * the figures closely instead of sitting below empty space. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = MIN_WIDTH;
  else
    {
      *minimum = *natural = MIN_HEIGHT;
      if (for_size > 0 && self->shape != NULL && *self->shape != '\0')
        {
          PangoRectangle ink;
          double px = fit_px (self, self->shape, for_size, G_MAXINT / 2, &ink);

          *natural = MAX (*minimum, (int) ceil (ink.height * px / REFERENCE_PX * 1.12));
        }
    }
}

static void
as_timer_display_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  AsTimerDisplay *self = AS_TIMER_DISPLAY (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  PangoRectangle ink, logical;
  GdkRGBA colour;
  double scale;

  if (self->text == NULL || *self->text == '\0' || width <= 0 || height <= 0)
    return;

  /* Fitting measures the text at a reference size: only when the size or
   * the shape changed, not every second. */
  if (self->fit_shape == NULL || g_strcmp0 (self->fit_shape, self->shape) != 0 ||
      self->fit_width != width || self->fit_height != height)
    {
      g_clear_pointer (&self->figures, as_figure_layout_free);
      self->font_px = fit_px (self, self->shape, width, height, &self->fit_ink);
      g_free (self->fit_shape);
      self->fit_shape = g_strdup (self->shape);
      self->fit_width = width;
      self->fit_height = height;
    }
  if (self->figures == NULL)
    {
      g_autoptr(PangoLayout) shape = create_layout (self, self->shape, self->font_px);

      self->figures = as_figure_layout_new (shape);
    }
  ink = self->fit_ink;
  scale = self->font_px / REFERENCE_PX;
  as_figure_layout_get_extents (self->figures, self->text, &logical);

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &colour);

  /* Centred: across by the text's own width, down by the ink of its shape,
   * so that the figures sit still when a "+" appears in overtime. */
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot,
                          &GRAPHENE_POINT_INIT ((width - logical.width) / 2.0f,
                                                (height - ink.height * scale) / 2.0f -
                                                ink.y * scale));
  /* One node per glyph, so that from one second to the next only the
   * figures that changed are drawn again: GTK compares the nodes of two
   * frames and repaints what differs, and a text node differs as a whole. */
  as_figure_layout_append (self->figures, snapshot, self->text, &colour, TRUE);
  gtk_snapshot_restore (snapshot);
}

/* GObject overrides */

static void
as_timer_display_finalize (GObject *object)
{
  AsTimerDisplay *self = AS_TIMER_DISPLAY (object);

  g_free (self->text);
  g_free (self->shape);
  g_free (self->description);
  drop_caches (self);

  G_OBJECT_CLASS (as_timer_display_parent_class)->finalize (object);
}

static void
as_timer_display_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AsTimerDisplay *self = AS_TIMER_DISPLAY (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
as_timer_display_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  AsTimerDisplay *self = AS_TIMER_DISPLAY (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      as_timer_display_set_text (self, g_value_get_string (value));
      break;
    case PROP_DESCRIPTION:
      as_timer_display_set_description (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
as_timer_display_class_init (AsTimerDisplayClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = as_timer_display_finalize;
  object_class->get_property = as_timer_display_get_property;
  object_class->set_property = as_timer_display_set_property;

  widget_class->get_request_mode = as_timer_display_get_request_mode;
  widget_class->measure = as_timer_display_measure;
  widget_class->snapshot = as_timer_display_snapshot;
  widget_class->css_changed = as_timer_display_css_changed;
  widget_class->system_setting_changed = as_timer_display_system_setting_changed;

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "timerdisplay");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
as_timer_display_init (AsTimerDisplay *self)
{
  gtk_widget_add_css_class (GTK_WIDGET (self), "numeric");
}

/* Public API */

GtkWidget *
as_timer_display_new (void)
{
  return g_object_new (AS_TYPE_TIMER_DISPLAY, NULL);
}

const char *
as_timer_display_get_text (AsTimerDisplay *self)
{
  g_return_val_if_fail (AS_IS_TIMER_DISPLAY (self), NULL);
  return self->text;
}

static void
update_accessible (AsTimerDisplay *self)
{
  g_autofree char *label = NULL;

  if (self->description != NULL && *self->description != '\0')
    label = g_strdup_printf ("%s: %s", self->description, self->text ? self->text : "");
  else
    label = g_strdup (self->text ? self->text : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

void
as_timer_display_set_text (AsTimerDisplay *self,
                           const char     *text)
{
  g_autofree char *shape = NULL;

  g_return_if_fail (AS_IS_TIMER_DISPLAY (self));

  if (g_strcmp0 (self->text, text) == 0)
    return;

  g_free (self->text);
  self->text = g_strdup (text);
  update_accessible (self);

  /* A redraw, not a resize, as long as the shape stays: nothing around the
   * timer moves or is measured again from one second to the next. */
  shape = as_ui_figure_shape (text);
  if (g_strcmp0 (shape, self->shape) != 0)
    {
      g_free (self->shape);
      self->shape = g_steal_pointer (&shape);
      gtk_widget_queue_resize (GTK_WIDGET (self));
    }
  else
    gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

void
as_timer_display_set_description (AsTimerDisplay *self,
                                  const char     *description)
{
  g_return_if_fail (AS_IS_TIMER_DISPLAY (self));

  if (g_strcmp0 (self->description, description) == 0)
    return;

  g_free (self->description);
  self->description = g_strdup (description);
  update_accessible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

double
as_timer_display_get_font_px (AsTimerDisplay *self)
{
  g_return_val_if_fail (AS_IS_TIMER_DISPLAY (self), 0);
  return self->font_px;
}
