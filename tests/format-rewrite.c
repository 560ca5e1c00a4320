/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * format-rewrite FILE
 *
 * Reads a set file (or standard input when FILE is "-") and writes it to
 * standard output through as_format_write, the way the app saves it. It makes
 * generated files such as the example set canonical, so that loading and
 * saving them again gives the same bytes. Problems go to standard error, one
 * per line, and the exit status is 1.
 */
#include "config.h"

#include <stdio.h>

#include <gio/gunixinputstream.h>

#include "as-format.h"

static GBytes *
read_all (const char  *path,
          GError     **error)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GOutputStream) memory = NULL;

  if (g_strcmp0 (path, "-") == 0)
    stream = g_unix_input_stream_new (0, FALSE);
  else
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

      stream = G_INPUT_STREAM (g_file_read (file, NULL, error));
      if (stream == NULL)
        return NULL;
    }

  memory = g_memory_output_stream_new_resizable ();
  if (g_output_stream_splice (memory, stream,
                              G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE |
                              G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                              NULL, error) < 0)
    return NULL;
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(AsSet) set = NULL;
  gsize length;
  const char *data;

  if (argc != 2)
    {
      fprintf (stderr, "usage: %s FILE|-\n", argv[0]);
      return 2;
    }

  bytes = read_all (argv[1], &error);
  if (bytes == NULL)
    {
      fprintf (stderr, "%s: %s\n", argv[1], error->message);
      return 1;
    }

  problems = g_ptr_array_new_with_free_func ((GDestroyNotify) as_problem_free);
  set = as_format_read (bytes, problems, &error);
  if (set == NULL)
    {
      for (guint i = 0; i < problems->len; i++)
        {
          AsProblem *problem = g_ptr_array_index (problems, i);
          fprintf (stderr, "%s: %s: %s\n", argv[1], problem->path, problem->message);
        }
      return 1;
    }

  out = as_format_write (set);
  data = g_bytes_get_data (out, &length);
  if (fwrite (data, 1, length, stdout) != length || fflush (stdout) != 0)
    {
      perror ("format-rewrite");
      return 1;
    }
  return 0;
}
