/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "as-bench-load"

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "as-bench-util.h"
#include "as-file.h"

/*
 * load: opening a set file, from its path to a set document ready to show,
 * against the floor of reading the same file and parsing it with json-glib
 * alone. Both sides read the bytes from the file (from the page cache, after
 * the warm-up), so that the app pays for nothing the floor does not.
 */

typedef struct
{
  const char *path;
  AsSetFile  *set_file;
  JsonParser *parser;
} Load;

static void
app_run (gpointer data)
{
  Load *load = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (load->path);

  load->set_file = as_set_file_load (file, NULL, &error);
  if (load->set_file == NULL)
    g_error ("%s", error->message);
}

static void
floor_run (gpointer data)
{
  Load *load = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_get_contents (load->path, &contents, &length, &error))
    g_error ("%s", error->message);
  load->parser = json_parser_new ();
  if (!json_parser_load_from_data (load->parser, contents, length, &error))
    g_error ("%s", error->message);
}

int
main (int   argc,
      char *argv[])
{
  static const AsBenchCase app = { app_run, NULL };
  static const AsBenchCase floor = { floor_run, NULL };
  guint runs = as_bench_parse_runs (&argc, &argv, "FILE");
  Load load = { 0 };
  double app_ms, floor_ms;
  GStatBuf st;

  if (argc != 2 || g_stat (argv[1], &st) != 0)
    {
      g_printerr ("Usage: %s [--runs=N] FILE\n", g_get_prgname ());
      return 2;
    }
  load.path = argv[1];

  /* The app loads a file once, soon after it starts. */
  as_bench_compare (AS_BENCH_FRESH_PROCESS, &app, &load, &floor, &load, runs, &app_ms, &floor_ms);
  as_bench_print ("load", app_ms, floor_ms, "bytes=%lld runs=%u via=as_set_file_load source=file",
                  (long long) st.st_size, runs);
  return 0;
}
