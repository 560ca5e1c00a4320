/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "as-lazy-page"

#include "config.h"

#include "as-lazy-page.h"

struct _AsLazyPage
{
  AdwBin          parent_instance;

  AsLazyPageFunc  func;            /* NULL once the content is built */
  gpointer        user_data;
  GDestroyNotify  destroy;
};

G_DEFINE_FINAL_TYPE (AsLazyPage, as_lazy_page, ADW_TYPE_BIN)

/* Helpers */

static void
drop_func (AsLazyPage *self)
{
  GDestroyNotify destroy = self->destroy;
  gpointer user_data = self->user_data;

  self->func = NULL;
  self->user_data = NULL;
  self->destroy = NULL;
  if (destroy != NULL)
    destroy (user_data);
}

/* GtkWidget overrides */

static void
as_lazy_page_map (GtkWidget *widget)
{
  /* Before the children are mapped, so that the content is mapped with
   * them and laid out in the same frame. */
  as_lazy_page_ensure_child (AS_LAZY_PAGE (widget));

  GTK_WIDGET_CLASS (as_lazy_page_parent_class)->map (widget);
}

/* GObject overrides */

static void
as_lazy_page_dispose (GObject *object)
{
  drop_func (AS_LAZY_PAGE (object));

  G_OBJECT_CLASS (as_lazy_page_parent_class)->dispose (object);
}

static void
as_lazy_page_class_init (AsLazyPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = as_lazy_page_dispose;

  widget_class->map = as_lazy_page_map;
}

static void
as_lazy_page_init (AsLazyPage *self)
{
}

/* Public API */

GtkWidget *
as_lazy_page_new (AsLazyPageFunc func,
                  gpointer       user_data,
                  GDestroyNotify destroy)
{
  AsLazyPage *self;

  g_return_val_if_fail (func != NULL, NULL);

  self = g_object_new (AS_TYPE_LAZY_PAGE, NULL);
  self->func = func;
  self->user_data = user_data;
  self->destroy = destroy;
  return GTK_WIDGET (self);
}

GtkWidget *
as_lazy_page_ensure_child (AsLazyPage *self)
{
  g_return_val_if_fail (AS_IS_LAZY_PAGE (self), NULL);

  if (self->func != NULL)
    {
      GtkWidget *child = self->func (self->user_data);

      drop_func (self);
      adw_bin_set_child (ADW_BIN (self), child);
    }
  return adw_bin_get_child (ADW_BIN (self));
}
