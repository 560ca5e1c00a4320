/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * Keeps what its child draws while it stays the same, for GTK's cairo
 * renderer, which draws the whole window in every frame (clipped to what
 * changed): the child's drawing, once it has not changed for a few
 * seconds, is recorded into one cairo node, which cairo replays only where
 * it meets the region being repainted. A child that changes more often is
 * drawn as usual, so that GTK still repaints only the part that changed.
 * With any other renderer it draws its child as usual.
 *
 * AsCacheBin holds one child; as_snapshot_cache_children () gives the same
 * to a widget's own children from its snapshot function.
 */

#define AS_TYPE_CACHE_BIN (as_cache_bin_get_type ())
G_DECLARE_FINAL_TYPE (AsCacheBin, as_cache_bin, AS, CACHE_BIN, GtkWidget)

GtkWidget *as_cache_bin_new       (void);
GtkWidget *as_cache_bin_get_child (AsCacheBin *self);
void       as_cache_bin_set_child (AsCacheBin *self,
                                   GtkWidget  *child);
/* Whether the child's drawing was recorded in the last snapshot. */
gboolean   as_cache_bin_get_recorded (AsCacheBin *self);

typedef struct _AsSnapshotCache AsSnapshotCache;

AsSnapshotCache *as_snapshot_cache_new      (GtkWidget       *widget);
void             as_snapshot_cache_free     (AsSnapshotCache *cache);
/* Snapshots the children of the cache's widget, recorded or not. */
void             as_snapshot_cache_children (AsSnapshotCache *cache,
                                             GtkSnapshot     *snapshot);
/* Forgets to record the drawing later: for unmap. */
void             as_snapshot_cache_stop     (AsSnapshotCache *cache);
/* Whether the last snapshot was recorded. */
gboolean         as_snapshot_cache_is_recorded (AsSnapshotCache *cache);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AsSnapshotCache, as_snapshot_cache_free)

G_END_DECLS
