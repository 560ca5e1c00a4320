/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "as-chime"

#include "config.h"

#include "as-chime.h"

/* The chime that plays now, if any, and the widget it plays for (weak: the
 * view may go away while the chime plays). One chime at a time. */
static GtkMediaStream *playing;
static GWeakRef playing_for;

static void
release (void)
{
  if (playing != NULL)
    g_signal_handlers_disconnect_by_data (playing, &playing);
  g_clear_object (&playing);
  g_weak_ref_set (&playing_for, NULL);
}

static void
on_stream_notify (GtkMediaStream *stream,
                  GParamSpec     *pspec,
                  gpointer        data)
{
  if (gtk_media_stream_get_error (stream) != NULL)
    {
      g_autoptr(GtkWidget) widget = g_weak_ref_get (&playing_for);

      /* No sound device or no decoder: the bell still says it. */
      g_debug ("No chime: %s", gtk_media_stream_get_error (stream)->message);
      if (widget != NULL)
        gtk_widget_error_bell (widget);
      release ();
    }
  else if (gtk_media_stream_get_ended (stream))
    release ();
}

void
as_chime_play (GtkWidget *widget)
{
  GtkMediaStream *stream;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (playing != NULL)
    return;

  stream = gtk_media_file_new_for_resource (AS_CHIME_RESOURCE);
  if (gtk_media_stream_get_error (stream) != NULL)
    {
      /* No media backend: GTK made a stream that can only fail. */
      gtk_widget_error_bell (widget);
      g_object_unref (stream);
      return;
    }

  playing = stream;
  g_weak_ref_set (&playing_for, widget);
  g_signal_connect (stream, "notify::error", G_CALLBACK (on_stream_notify), &playing);
  g_signal_connect (stream, "notify::ended", G_CALLBACK (on_stream_notify), &playing);
  gtk_media_stream_play (stream);
}
