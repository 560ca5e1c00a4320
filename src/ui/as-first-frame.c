/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "as-first-frame"

#include "config.h"

#include <stdio.h>

#include "as-first-frame.h"

#define HOLDS_KEY "as-first-frame-holds"

static void
on_after_paint (GdkFrameClock *clock,
                GtkWindow     *window)
{
  GtkApplication *application = gtk_window_get_application (window);

  if (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (window), HOLDS_KEY)) > 0)
    return;

  /* The time is taken here, so that what the benchmark measures does not
   * include the time it takes to quit. */
  printf ("first-frame monotonic_us=%" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  fflush (stdout);

  g_signal_handlers_disconnect_by_func (clock, on_after_paint, window);
  if (application != NULL)
    g_application_quit (G_APPLICATION (application));
  else
    gtk_window_destroy (window);
}

static void
on_map (GtkWidget *widget)
{
  /* The frame clock exists once the window is realized; the first frame is
   * painted after it is mapped. */
  g_signal_handlers_disconnect_by_func (widget, on_map, NULL);
  g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                           G_CALLBACK (on_after_paint), widget, 0);
}

void
as_first_frame_watch (GtkWindow *window)
{
  g_return_if_fail (GTK_IS_WINDOW (window));

  if (g_strcmp0 (g_getenv ("ACTION_SET_EXIT_AFTER_FIRST_FRAME"), "1") != 0)
    return;

  if (gtk_widget_get_mapped (GTK_WIDGET (window)))
    {
      /* Too late for the first frame: measure the next one. */
      on_map (GTK_WIDGET (window));
      gtk_widget_queue_draw (GTK_WIDGET (window));
    }
  else
    g_signal_connect (window, "map", G_CALLBACK (on_map), NULL);
}

void
as_first_frame_hold (GtkWindow *window)
{
  guint holds;

  g_return_if_fail (GTK_IS_WINDOW (window));

  holds = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (window), HOLDS_KEY));
  g_object_set_data (G_OBJECT (window), HOLDS_KEY, GUINT_TO_POINTER (holds + 1));
}

void
as_first_frame_release (GtkWindow *window)
{
  guint holds;

  g_return_if_fail (GTK_IS_WINDOW (window));

  holds = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (window), HOLDS_KEY));
  g_return_if_fail (holds > 0);
  g_object_set_data (G_OBJECT (window), HOLDS_KEY, GUINT_TO_POINTER (holds - 1));
  /* The frame that counts is the next one. */
  if (holds == 1 && gtk_widget_get_mapped (GTK_WIDGET (window)))
    gtk_widget_queue_draw (GTK_WIDGET (window));
}
