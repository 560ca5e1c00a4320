/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "as-set-view"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "as-lazy-page.h"
#include "as-meetings-page.h"
#include "as-members-page.h"
#include "as-set-details-page.h"
#include "as-set-view.h"

struct _AsSetView
{
  AdwBin        parent_instance;

  AsSet        *set;
  AdwViewStack *stack;
  GtkWidget    *details_page;
};

G_DEFINE_FINAL_TYPE (AsSetView, as_set_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static GtkWidget *
new_members_page (gpointer set)
{
  return as_members_page_new (set);
}

static GtkWidget *
new_meetings_page (gpointer set)
{
  return as_meetings_page_new (set);
}

/* GObject overrides */

static void
as_set_view_constructed (GObject *object)
{
  AsSetView *self = AS_SET_VIEW (object);
  AdwViewStackPage *page;

  G_OBJECT_CLASS (as_set_view_parent_class)->constructed (object);

  g_assert (self->set != NULL);

  self->stack = ADW_VIEW_STACK (adw_view_stack_new ());
  /* Sized by the page shown only: a homogeneous stack would measure, and
   * so build, the hidden pages too. */
  adw_view_stack_set_hhomogeneous (self->stack, FALSE);
  adw_view_stack_set_vhomogeneous (self->stack, FALSE);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->stack));

  self->details_page = as_set_details_page_new (self->set);
  page = adw_view_stack_add_titled (self->stack, self->details_page, "set", _("Set"));
  adw_view_stack_page_set_icon_name (page, "document-properties-symbolic");

  /* The pages not shown first are built when first shown: a set opens
   * without building a row for each member and meeting. */
  page = adw_view_stack_add_titled (self->stack,
                                    as_lazy_page_new (new_members_page, g_object_ref (self->set),
                                                      g_object_unref),
                                    "members", _("Members"));
  adw_view_stack_page_set_icon_name (page, "system-users-symbolic");

  page = adw_view_stack_add_titled (self->stack,
                                    as_lazy_page_new (new_meetings_page, g_object_ref (self->set),
                                                      g_object_unref),
                                    "meetings", _("Meetings"));
  adw_view_stack_page_set_icon_name (page, "x-office-calendar-symbolic");
}

static void
as_set_view_dispose (GObject *object)
{
  AsSetView *self = AS_SET_VIEW (object);

  g_clear_object (&self->set);

  G_OBJECT_CLASS (as_set_view_parent_class)->dispose (object);
}

static void
as_set_view_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  AsSetView *self = AS_SET_VIEW (object);

  switch (prop_id)
    {
    case PROP_SET:
      g_value_set_object (value, self->set);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
as_set_view_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  AsSetView *self = AS_SET_VIEW (object);

  switch (prop_id)
    {
    case PROP_SET:
      self->set = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
as_set_view_class_init (AsSetViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = as_set_view_constructed;
  object_class->dispose = as_set_view_dispose;
  object_class->get_property = as_set_view_get_property;
  object_class->set_property = as_set_view_set_property;

  properties[PROP_SET] =
    g_param_spec_object ("set", NULL, NULL, AS_TYPE_SET,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
as_set_view_init (AsSetView *self)
{
}

GtkWidget *
as_set_view_new (AsSet *set)
{
  g_return_val_if_fail (AS_IS_SET (set), NULL);

  return g_object_new (AS_TYPE_SET_VIEW, "set", set, NULL);
}

AsSet *
as_set_view_get_set (AsSetView *self)
{
  g_return_val_if_fail (AS_IS_SET_VIEW (self), NULL);
  return self->set;
}

AdwViewStack *
as_set_view_get_stack (AsSetView *self)
{
  g_return_val_if_fail (AS_IS_SET_VIEW (self), NULL);
  return self->stack;
}

void
as_set_view_focus_name (AsSetView *self)
{
  g_return_if_fail (AS_IS_SET_VIEW (self));

  adw_view_stack_set_visible_child_name (self->stack, "set");
  as_set_details_page_focus_name (AS_SET_DETAILS_PAGE (self->details_page));
}
