/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gtk/gtk.h>

#include "as-cache-bin.h"
#include "as-widget-test-util.h"

/* Up to the settling time of as-cache-bin.c and a frame, with room. */
#define SETTLE_TIMEOUT_MS 8000

typedef struct
{
  GtkWidget *window;
  GtkWidget *bin;      /* the AsCacheBin, or a plain box for the reference */
  GtkLabel  *label;
} Shown;

static void
shown_clear (Shown *shown)
{
  if (shown->window != NULL)
    gtk_window_destroy (GTK_WINDOW (shown->window));
  shown->window = NULL;
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Shown, shown_clear)

/* A window showing what a facilitator's screen shows around the timers:
 * labels, a button, a card; in an AsCacheBin or a plain box. */
static void
show (Shown   *shown,
      gboolean cached)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *button = gtk_button_new_with_label ("Next Step");
  GtkWidget *card = gtk_label_new ("Not spoken yet");

  shown->label = GTK_LABEL (gtk_label_new ("Balance: one voice dominates (0.83)"));
  gtk_widget_add_css_class (card, "card");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (shown->label));
  gtk_box_append (GTK_BOX (box), button);
  gtk_box_append (GTK_BOX (box), card);

  if (cached)
    {
      shown->bin = as_cache_bin_new ();
      as_cache_bin_set_child (AS_CACHE_BIN (shown->bin), box);
    }
  else
    {
      shown->bin = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      gtk_box_append (GTK_BOX (shown->bin), box);
    }
  shown->window = gtk_window_new ();
  gtk_window_set_decorated (GTK_WINDOW (shown->window), FALSE);
  gtk_window_set_default_size (GTK_WINDOW (shown->window), 320, 200);
  gtk_window_set_child (GTK_WINDOW (shown->window), shown->bin);
  gtk_window_present (GTK_WINDOW (shown->window));
}

static gboolean
wait_until_recorded (AsCacheBin *bin,
                     gboolean    recorded)
{
  gint64 deadline = g_get_monotonic_time () + SETTLE_TIMEOUT_MS * 1000;

  while (as_cache_bin_get_recorded (bin) != recorded && g_get_monotonic_time () < deadline)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (2000);
  return as_cache_bin_get_recorded (bin) == recorded;
}

/* The widget as the window last drew it, and its pixels. */
static GBytes *
draw (GtkWidget      *widget,
      GskRenderNode **node_out)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  gsize stride = width * 4;
  guchar *data = g_malloc (stride * height);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_texture_download (texture, data, stride);
  if (node_out != NULL)
    *node_out = g_steal_pointer (&node);
  return g_bytes_new_take (data, stride * height);
}

/* Once it has settled, the drawing is recorded, and looks exactly as the
 * same widgets drawn as usual. */
static void
test_recorded_looks_the_same (void)
{
  g_auto(Shown) cached = { 0 };
  g_auto(Shown) plain = { 0 };
  g_autoptr(GBytes) cached_pixels = NULL;
  g_autoptr(GBytes) plain_pixels = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GPtrArray) recordings = NULL;
  const guchar *a, *b;
  gsize size;
  int worst = 0;

  show (&cached, TRUE);
  show (&plain, FALSE);
  g_assert_true (wait_until_recorded (AS_CACHE_BIN (cached.bin), TRUE));
  if (!GSK_IS_CAIRO_RENDERER (gtk_native_get_renderer (GTK_NATIVE (cached.window))))
    {
      g_test_skip ("only the cairo renderer records");
      return;
    }
  g_assert_cmpint (gtk_widget_get_width (cached.bin), ==, gtk_widget_get_width (plain.bin));
  g_assert_cmpint (gtk_widget_get_height (cached.bin), ==, gtk_widget_get_height (plain.bin));

  cached_pixels = draw (cached.bin, &node);
  plain_pixels = draw (plain.bin, NULL);
  recordings = as_test_collect_nodes (node, GSK_CAIRO_NODE);
  g_assert_cmpuint (recordings->len, ==, 1);

  a = g_bytes_get_data (cached_pixels, &size);
  b = g_bytes_get_data (plain_pixels, NULL);
  g_assert_cmpuint (size, ==, g_bytes_get_size (plain_pixels));
  for (gsize i = 0; i < size; i++)
    worst = MAX (worst, ABS ((int) a[i] - (int) b[i]));
  g_test_message ("largest difference of a channel: %d", worst);
  /* Rounding in blending, at most. */
  g_assert_cmpint (worst, <=, 2);
}

/* A change is drawn as usual (so that only what changed is repainted),
 * and recorded again once it has settled. */
static void
test_change_then_settle (void)
{
  g_auto(Shown) cached = { 0 };

  show (&cached, TRUE);
  g_assert_true (wait_until_recorded (AS_CACHE_BIN (cached.bin), TRUE));
  if (!GSK_IS_CAIRO_RENDERER (gtk_native_get_renderer (GTK_NATIVE (cached.window))))
    {
      g_test_skip ("only the cairo renderer records");
      return;
    }

  gtk_label_set_text (cached.label, "Balance: fair (0.21)");
  g_assert_true (wait_until_recorded (AS_CACHE_BIN (cached.bin), FALSE));
  g_assert_true (wait_until_recorded (AS_CACHE_BIN (cached.bin), TRUE));
}

/* Hidden with its child, so that a box gives it no room or spacing. */
static void
test_visibility (void)
{
  GtkWidget *bin = g_object_ref_sink (as_cache_bin_new ());
  GtkWidget *child = gtk_label_new ("Steps of this round");

  as_cache_bin_set_child (AS_CACHE_BIN (bin), child);
  g_assert_true (as_cache_bin_get_child (AS_CACHE_BIN (bin)) == child);
  gtk_widget_set_visible (child, FALSE);
  g_assert_false (gtk_widget_get_visible (bin));
  gtk_widget_set_visible (child, TRUE);
  g_assert_true (gtk_widget_get_visible (bin));
  as_cache_bin_set_child (AS_CACHE_BIN (bin), NULL);
  g_assert_null (as_cache_bin_get_child (AS_CACHE_BIN (bin)));
  g_object_unref (bin);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cache-bin/recorded-looks-the-same", test_recorded_looks_the_same);
  g_test_add_func ("/cache-bin/change-then-settle", test_change_then_settle);
  g_test_add_func ("/cache-bin/visibility", test_visibility);
  return g_test_run ();
}
