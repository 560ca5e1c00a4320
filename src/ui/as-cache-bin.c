/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "as-cache-bin"

#include "config.h"

#include "as-cache-bin.h"

/* How long a drawing must stay the same before it is recorded. */
#define SETTLE_MS 2500

struct _AsSnapshotCache
{
  GtkWidget *widget;       /* the owner; not a reference */
  gint64     changed_us;   /* monotonic time of the last snapshot */
  gboolean   settled;      /* the next snapshot comes from settle () */
  gboolean   recorded;
  guint      settle_id;
};

static gboolean
uses_cairo (GtkWidget *widget)
{
  GtkNative *native = gtk_widget_get_native (widget);
  GskRenderer *renderer = native ? gtk_native_get_renderer (native) : NULL;

  return renderer != NULL && GSK_IS_CAIRO_RENDERER (renderer);
}

static gboolean
settle (gpointer data)
{
  AsSnapshotCache *cache = data;

  cache->settle_id = 0;
  cache->settled = TRUE;
  /* Drawn again, now recorded. */
  gtk_widget_queue_draw (cache->widget);
  return G_SOURCE_REMOVE;
}

AsSnapshotCache *
as_snapshot_cache_new (GtkWidget *widget)
{
  AsSnapshotCache *cache = g_new0 (AsSnapshotCache, 1);

  cache->widget = widget;
  return cache;
}

void
as_snapshot_cache_free (AsSnapshotCache *cache)
{
  if (cache == NULL)
    return;
  g_clear_handle_id (&cache->settle_id, g_source_remove);
  g_free (cache);
}

void
as_snapshot_cache_stop (AsSnapshotCache *cache)
{
  g_clear_handle_id (&cache->settle_id, g_source_remove);
}

gboolean
as_snapshot_cache_is_recorded (AsSnapshotCache *cache)
{
  return cache->recorded;
}

static void
snapshot_children (GtkWidget   *widget,
                   GtkSnapshot *snapshot)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_snapshot_child (widget, child, snapshot);
}

void
as_snapshot_cache_children (AsSnapshotCache *cache,
                            GtkSnapshot     *snapshot)
{
  GtkWidget *widget = cache->widget;
  gint64 now = g_get_monotonic_time ();
  gboolean cairo = uses_cairo (widget);
  gboolean record;
  GtkSnapshot *children;
  GskRenderNode *node, *recording;
  graphene_rect_t bounds;
  cairo_t *cr;

  /* GTK snapshots a widget again only when something in it changed (or
   * when settle () asks). */
  record = cairo && (cache->settled || now - cache->changed_us >= SETTLE_MS * (gint64) 1000);
  if (!cache->settled)
    cache->changed_us = now;
  cache->settled = FALSE;
  g_clear_handle_id (&cache->settle_id, g_source_remove);
  cache->recorded = FALSE;

  if (!record)
    {
      snapshot_children (widget, snapshot);
      if (cairo)
        cache->settle_id = g_timeout_add (SETTLE_MS, settle, cache);
      return;
    }

  children = gtk_snapshot_new ();
  snapshot_children (widget, children);
  node = gtk_snapshot_free_to_node (children);
  if (node == NULL)
    return;

  gsk_render_node_get_bounds (node, &bounds);
  recording = gsk_cairo_node_new (&bounds);
  cr = gsk_cairo_node_get_draw_context (recording);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  gtk_snapshot_append_node (snapshot, recording);
  gsk_render_node_unref (recording);
  gsk_render_node_unref (node);
  cache->recorded = TRUE;
}

/* AsCacheBin */

struct _AsCacheBin
{
  GtkWidget        parent_instance;

  GtkWidget       *child;
  AsSnapshotCache *cache;
};

G_DEFINE_FINAL_TYPE (AsCacheBin, as_cache_bin, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CHILD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
as_cache_bin_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  as_snapshot_cache_children (AS_CACHE_BIN (widget)->cache, snapshot);
}

static void
as_cache_bin_compute_expand (GtkWidget *widget,
                             gboolean  *hexpand,
                             gboolean  *vexpand)
{
  GtkWidget *child = AS_CACHE_BIN (widget)->child;

  *hexpand = child != NULL && gtk_widget_compute_expand (child, GTK_ORIENTATION_HORIZONTAL);
  *vexpand = child != NULL && gtk_widget_compute_expand (child, GTK_ORIENTATION_VERTICAL);
}

static void
as_cache_bin_unmap (GtkWidget *widget)
{
  AsCacheBin *self = AS_CACHE_BIN (widget);

  as_snapshot_cache_stop (self->cache);
  GTK_WIDGET_CLASS (as_cache_bin_parent_class)->unmap (widget);
}

static void
as_cache_bin_dispose (GObject *object)
{
  AsCacheBin *self = AS_CACHE_BIN (object);

  g_clear_pointer (&self->child, gtk_widget_unparent);
  g_clear_pointer (&self->cache, as_snapshot_cache_free);
  G_OBJECT_CLASS (as_cache_bin_parent_class)->dispose (object);
}

static void
as_cache_bin_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_CHILD:
      g_value_set_object (value, AS_CACHE_BIN (object)->child);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
as_cache_bin_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_CHILD:
      as_cache_bin_set_child (AS_CACHE_BIN (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
as_cache_bin_class_init (AsCacheBinClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = as_cache_bin_dispose;
  object_class->get_property = as_cache_bin_get_property;
  object_class->set_property = as_cache_bin_set_property;

  widget_class->snapshot = as_cache_bin_snapshot;
  widget_class->unmap = as_cache_bin_unmap;
  widget_class->compute_expand = as_cache_bin_compute_expand;

  properties[PROP_CHILD] =
    g_param_spec_object ("child", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
as_cache_bin_init (AsCacheBin *self)
{
  self->cache = as_snapshot_cache_new (GTK_WIDGET (self));
}

GtkWidget *
as_cache_bin_new (void)
{
  return g_object_new (AS_TYPE_CACHE_BIN, NULL);
}

GtkWidget *
as_cache_bin_get_child (AsCacheBin *self)
{
  g_return_val_if_fail (AS_IS_CACHE_BIN (self), NULL);
  return self->child;
}

void
as_cache_bin_set_child (AsCacheBin *self,
                        GtkWidget  *child)
{
  g_return_if_fail (AS_IS_CACHE_BIN (self));
  g_return_if_fail (child == NULL || GTK_IS_WIDGET (child));

  if (self->child == child)
    return;
  g_clear_pointer (&self->child, gtk_widget_unparent);
  if (child != NULL)
    {
      self->child = child;
      gtk_widget_set_parent (child, GTK_WIDGET (self));
      /* Hidden with its child, so that a box leaves no spacing for it. */
      g_object_bind_property (child, "visible", self, "visible", G_BINDING_SYNC_CREATE);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHILD]);
}

gboolean
as_cache_bin_get_recorded (AsCacheBin *self)
{
  g_return_val_if_fail (AS_IS_CACHE_BIN (self), FALSE);
  return as_snapshot_cache_is_recorded (self->cache);
}
