/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "as-preload.h"
#include "as-test-util.h"

#define EXAMPLE "examples/northbridge-leaders.actionset"
#define WAIT_MS 5000

typedef struct
{
  char  *dir;
  char  *path;   /* a copy of the example set */
  GFile *file;
} Fixture;

typedef struct
{
  gboolean   done;
  AsSetFile *doc;
  GError    *error;
} Result;

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  g_autofree char *example = as_test_data_path (EXAMPLE);
  g_autoptr(GBytes) bytes = as_test_read_bytes (example);
  g_autoptr(GError) error = NULL;

  fx->dir = as_test_make_tmpdir ();
  fx->path = g_build_filename (fx->dir, "set.actionset", NULL);
  g_file_set_contents (fx->path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  fx->file = g_file_new_for_path (fx->path);
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  as_preload_clear ();
  g_clear_object (&fx->file);
  g_free (fx->path);
  as_test_remove_tree (fx->dir);
  g_free (fx->dir);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Result *r = user_data;

  r->doc = as_preload_load_finish (result, &r->error);
  r->done = TRUE;
}

/* Loads a file as the window does, through as_preload_load_async(). */
static AsSetFile *
load (const char  *path,
      GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  Result r = { FALSE, NULL, NULL };

  as_preload_load_async (file, NULL, on_loaded, &r);
  g_assert_true (as_test_wait_for (&r.done, WAIT_MS));
  g_assert_true ((r.doc == NULL) != (r.error == NULL));
  if (r.error != NULL)
    g_propagate_error (error, r.error);
  return r.doc;
}

static void
break_file (Fixture *fx)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (fx->path, "{ \"format\": ", -1, &error);
  g_assert_no_error (error);
}

static void
test_taken_over_once (Fixture       *fx,
                      gconstpointer  data)
{
  g_autoptr(AsSetFile) doc = NULL;
  g_autoptr(AsSetFile) again = NULL;
  g_autoptr(GFile) other_name = g_file_new_for_path (fx->path);
  g_autoptr(GError) error = NULL;

  /* Asked for by another GFile of the same path, as the window does. */
  as_preload_start (fx->file);
  as_preload_start (other_name);
  doc = load (fx->path, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_equal (as_set_file_get_file (doc), fx->file));
  g_assert_cmpstr (as_set_get_name (as_set_file_get_set (doc)), ==, "Northbridge Leaders’ Set");
  g_assert_false (as_set_file_get_modified (doc));

  /* Only once: a later load (a reload) reads the file as it is now. */
  break_file (fx);
  again = load (fx->path, &error);
  g_assert_null (again);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "set.actionset"));

  g_assert_finalize_object (g_steal_pointer (&doc));
}

static void
test_other_files_load (Fixture       *fx,
                       gconstpointer  data)
{
  g_autofree char *other = g_build_filename (fx->dir, "other.actionset", NULL);
  g_autoptr(GFile) other_file = g_file_new_for_path (other);
  g_autoptr(AsSetFile) doc = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_rename (fx->path, other), ==, 0);

  /* A file that was not preloaded loads as usual. */
  as_preload_start (fx->file);
  doc = load (other, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_equal (as_set_file_get_file (doc), other_file));
  g_assert_finalize_object (g_steal_pointer (&doc));

  /* The preload of a file that is not there fails, and says so when it is
   * taken over. */
  doc = load (fx->path, &error);
  g_assert_null (doc);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

static void
test_cleared (Fixture       *fx,
              gconstpointer  data)
{
  g_autoptr(AsSetFile) doc = NULL;
  g_autoptr(GError) error = NULL;

  /* Cleared, whether still loading or not, a preload is not taken over:
   * the next load reads the file again. */
  as_preload_start (fx->file);
  as_preload_clear ();
  break_file (fx);
  doc = load (fx->path, &error);
  g_assert_null (doc);
  g_assert_nonnull (error);

  /* A preload cleared while it loads goes quietly when it is done. */
  g_clear_error (&error);
  as_preload_start (fx->file);
  as_preload_clear ();
  as_preload_clear ();
  doc = load (fx->path, &error);
  g_assert_null (doc);
  g_assert_nonnull (error);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = NULL;
  g_autofree char *state = NULL;
  int status;

  /* Crash journals go to a folder of the test's own. */
  home = g_dir_make_tmp ("as-test-preload-XXXXXX", NULL);
  g_assert_nonnull (home);
  state = g_build_filename (home, "state", NULL);
  g_setenv ("XDG_STATE_HOME", state, TRUE);

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/preload/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("taken-over-once", test_taken_over_once);
  ADD ("other-files-load", test_other_files_load);
  ADD ("cleared", test_cleared);

  status = g_test_run ();
  as_test_remove_tree (home);
  return status;
}
