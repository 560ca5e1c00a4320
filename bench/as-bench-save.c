/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "as-bench-save"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "as-bench-util.h"
#include "as-file.h"

/*
 * save: saving a loaded set document to its file, against the floor of
 * generating the same JSON text with json-glib from a JsonNode tree that is
 * already built, writing it to a file and syncing it to disk. The app also
 * builds the text from the model, checks that the file on disk is still the
 * one it read, and saves safely (a temporary file, synced, renamed over the
 * original, the folder synced); the floor does none of that.
 */

typedef struct
{
  AsSetFile *set_file;
  char     *app_path;
  JsonNode *root;
  char     *floor_path;
} Save;

static void
app_run (gpointer data)
{
  Save *save = data;
  g_autoptr(GError) error = NULL;

  if (!as_set_file_save (save->set_file, NULL, FALSE, NULL, &error))
    g_error ("%s", error->message);
}

static void
floor_run (gpointer data)
{
  Save *save = data;
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;
  gsize length, done = 0;
  int fd;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, save->root);
  text = json_generator_to_data (generator, &length);

  fd = g_open (save->floor_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0)
    g_error ("%s: %s", save->floor_path, g_strerror (errno));
  while (done < length)
    {
      gssize n = write (fd, text + done, length - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        g_error ("%s: %s", save->floor_path, g_strerror (errno));
      done += n;
    }
  if (fsync (fd) != 0 || close (fd) != 0)
    g_error ("%s: %s", save->floor_path, g_strerror (errno));
}

int
main (int   argc,
      char *argv[])
{
  static const AsBenchCase app = { app_run, NULL };
  static const AsBenchCase floor = { floor_run, NULL };
  guint runs = as_bench_parse_runs (&argc, &argv, "FILE");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(GFile) file = NULL;
  Save save = { 0 };
  double app_ms, floor_ms;
  gsize length;
  GStatBuf app_st = { 0 }, floor_st = { 0 };

  if (argc != 2)
    {
      g_printerr ("Usage: %s [--runs=N] FILE\n", g_get_prgname ());
      return 2;
    }

  /* Both write next to the file they came from, on the same file system:
   * the app to a copy of it that it opened, as a person would. */
  dir = g_path_get_dirname (argv[1]);
  save.app_path = g_build_filename (dir, "save-app.actionset", NULL);
  save.floor_path = g_build_filename (dir, "save-floor.json", NULL);

  /* Neither the loading of the set nor the parsing of the tree is timed. */
  if (!g_file_get_contents (argv[1], &contents, &length, &error) ||
      !g_file_set_contents (save.app_path, contents, length, &error))
    g_error ("%s", error->message);
  file = g_file_new_for_path (save.app_path);
  save.set_file = as_set_file_load (file, NULL, &error);
  if (save.set_file == NULL)
    g_error ("%s", error->message);
  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, contents, length, &error))
    g_error ("%s", error->message);
  save.root = json_parser_get_root (parser);

  /* The app saves again and again what it holds. */
  as_bench_compare (AS_BENCH_SAME_PROCESS, &app, &save, &floor, &save, runs, &app_ms, &floor_ms);
  /* With --only, one of them was not written: its size reads 0. */
  g_stat (save.app_path, &app_st);
  g_stat (save.floor_path, &floor_st);
  as_bench_print ("save", app_ms, floor_ms,
                  "bytes=%lld floor_bytes=%lld runs=%u via=as_set_file_save",
                  (long long) app_st.st_size, (long long) floor_st.st_size, runs);

  g_unlink (save.app_path);
  g_unlink (save.floor_path);
  g_free (save.app_path);
  g_free (save.floor_path);
  g_object_unref (save.set_file);
  return 0;
}
