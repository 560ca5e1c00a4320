/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "as-bench-ticker"

#include "config.h"

#include <adwaita.h>

/*
 * The floor of the live-meeting-cpu benchmark: the least a libadwaita app
 * does to show a running clock. Its window has a header bar and one large
 * label that shows the seconds since the start, updated by a timeout
 * re-armed for the next second, as the live meeting screen does. It runs
 * until it is killed.
 */

typedef struct {
  GtkLabel *label;
  gint64    start;   /* monotonic, µs */
} Clock;

static gboolean on_tick (gpointer data);

static void
arm (Clock *clock)
{
  gint64 elapsed_ms = (g_get_monotonic_time () - clock->start) / 1000;

  g_timeout_add_full (G_PRIORITY_DEFAULT, (guint) (1000 - elapsed_ms % 1000 + 5),
                      on_tick, clock, NULL);
}

static gboolean
on_tick (gpointer data)
{
  Clock *clock = data;
  gint64 s = (g_get_monotonic_time () - clock->start) / G_USEC_PER_SEC;
  g_autofree char *text = g_strdup_printf ("%02d:%02d", (int) (s / 60), (int) (s % 60));

  gtk_label_set_text (clock->label, text);
  arm (clock);
  return G_SOURCE_REMOVE;
}

static void
on_activate (GtkApplication *application,
             Clock          *clock)
{
  GtkWidget *window = adw_application_window_new (application);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *label = gtk_label_new ("00:00");
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

  gtk_css_provider_load_from_data (css, "label.clock { font-size: 120px; font-weight: 700; }", -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  gtk_widget_add_css_class (label, "clock");
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_set_vexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), label);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  /* The size the app's window has on a first start. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 720);

  clock->label = GTK_LABEL (label);
  clock->start = g_get_monotonic_time ();
  arm (clock);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) application = NULL;
  Clock clock = { 0 };

  application = adw_application_new ("org.example.ActionSet.BenchTicker",
                                     G_APPLICATION_NON_UNIQUE);
  g_signal_connect (application, "activate", G_CALLBACK (on_activate), &clock);
  return g_application_run (G_APPLICATION (application), argc, argv);
}
