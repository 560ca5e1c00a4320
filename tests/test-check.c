/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "as-check.h"
#include "as-format.h"
#include "as-test-util.h"

#define ID_SET  "00000000-0000-4000-8000-000000000000"
#define ID_ANA  "00000000-0000-4000-8000-000000000001"

static const char valid_set[] =
  "{\n"
  "  \"format\": \"org.example.ActionSet\",\n"
  "  \"format_version\": {\"major\": 1, \"minor\": 0},\n"
  "  \"id\": \"" ID_SET "\",\n"
  "  \"name\": \"North set\",\n"
  "  \"members\": [{\"id\": \"" ID_ANA "\", \"name\": \"Ana\"}]\n"
  "}\n";

typedef struct
{
  char    *dir;
  GString *out;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = as_test_make_tmpdir ();
  f->out = g_string_new (NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  as_test_remove_tree (f->dir);
  g_free (f->dir);
  g_string_free (f->out, TRUE);
}

static char *
write_file (Fixture    *f,
            const char *name,
            const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->dir, name, NULL);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    if (*p == '\n')
      n++;
  return n;
}

static int
check_one (Fixture    *f,
           const char *path)
{
  const char *paths[] = { path, NULL };

  return as_check_files (paths, f->out);
}

static void
test_valid_file (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = write_file (f, "north.actionset", valid_set);

  g_assert_cmpint (check_one (f, path), ==, 0);
  g_assert_cmpstr (f->out->str, ==, "");
  g_assert_true (as_check_file (path, f->out));
}

static void
test_empty_list (Fixture       *f,
                 gconstpointer  data)
{
  const char *paths[] = { NULL };

  g_assert_cmpint (as_check_files (paths, f->out), ==, 0);
  g_assert_cmpint (as_check_files (NULL, f->out), ==, 0);
  g_assert_cmpstr (f->out->str, ==, "");
}

static void
test_several_problems (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *path = write_file (f, "broken.actionset",
    "{\n"
    "  \"format\": \"org.example.ActionSet\",\n"
    "  \"format_version\": {\"major\": 1, \"minor\": 0},\n"
    "  \"id\": \"" ID_SET "\",\n"
    "  \"name\": 7,\n"
    "  \"warning_seconds\": -3,\n"
    "  \"members\": [{\"id\": \"" ID_ANA "\"}]\n"
    "}\n");
  g_autofree char *expected = g_strdup_printf (
    "%s: $.name: expected a string, found a number\n"
    "%s: $.warning_seconds: -3 is out of range (0 to 3600)\n"
    "%s: $.members[0]: the required field “name” is missing\n",
    path, path, path);

  g_assert_cmpint (check_one (f, path), ==, 1);
  g_assert_cmpstr (f->out->str, ==, expected);
}

static void
test_syntax_error (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = write_file (f, "two.json", "{\"a\":1}\n{\"b\":2}\n");
  g_autofree char *expected = g_strdup_printf (
    "%s: $: line 2, column 1: unexpected data after the end of the document\n", path);

  g_assert_cmpint (check_one (f, path), ==, 1);
  g_assert_cmpstr (f->out->str, ==, expected);
}

static void
test_missing_file (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "missing.actionset", NULL);
  g_autofree char *prefix = g_strconcat (path, ": ", NULL);

  g_assert_cmpint (check_one (f, path), ==, 1);
  g_assert_cmpuint (count_lines (f->out->str), ==, 1);
  g_assert_true (g_str_has_prefix (f->out->str, prefix));
  g_assert_nonnull (strstr (f->out->str, g_strerror (ENOENT)));
}

static void
test_directory (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *expected = g_strdup_printf ("%s: is a folder, not a set file\n", f->dir);

  g_assert_cmpint (check_one (f, f->dir), ==, 1);
  g_assert_cmpstr (f->out->str, ==, expected);
}

typedef struct
{
  const char *path;
  GString    *out;
  int         status;
  gboolean    done;
} CheckJob;

static gpointer
check_in_thread (gpointer data)
{
  CheckJob *job = data;
  const char *paths[] = { job->path, NULL };

  job->status = as_check_files (paths, job->out);
  g_atomic_int_set (&job->done, TRUE);
  return NULL;
}

static void
test_fifo (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "pipe.actionset", NULL);
  g_autofree char *expected = g_strdup_printf ("%s: is a pipe (FIFO), not a set file\n", path);
  CheckJob job = { path, f->out, -1, FALSE };
  GThread *thread;
  gint64 deadline;

  g_assert_cmpint (mkfifo (path, 0600), ==, 0);

  /* Opening a FIFO for reading waits for a writer: the check runs in a
   * thread, so that if it blocks the test fails instead of hanging. */
  thread = g_thread_new ("check", check_in_thread, &job);
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (!g_atomic_int_get (&job.done) && g_get_monotonic_time () < deadline)
    g_usleep (1000);
  if (!g_atomic_int_get (&job.done))
    g_error ("checking a FIFO blocked");
  g_thread_join (thread);

  g_assert_cmpint (job.status, ==, 1);
  g_assert_cmpstr (f->out->str, ==, expected);
}

static void
test_too_large (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "huge.actionset", NULL);
  g_autofree char *expected = g_strdup_printf ("%s: the file is larger than 128 MB\n", path);
  int fd;

  /* A sparse file: large, but costing no disk space, and never read. */
  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) AS_MAX_FILE_SIZE + 1), ==, 0);
  close (fd);

  g_assert_cmpint (check_one (f, path), ==, 1);
  g_assert_cmpstr (f->out->str, ==, expected);
}

static void
test_symlink_to_valid (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *target = write_file (f, "north.actionset", valid_set);
  g_autofree char *link = g_build_filename (f->dir, "link.actionset", NULL);

  g_assert_cmpint (symlink (target, link), ==, 0);
  g_assert_cmpint (check_one (f, link), ==, 0);
  g_assert_cmpstr (f->out->str, ==, "");
}

static void
test_several_files (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *valid = write_file (f, "a.actionset", valid_set);
  g_autofree char *empty = write_file (f, "b.actionset", "");
  g_autofree char *missing = g_build_filename (f->dir, "c.actionset", NULL);
  g_autofree char *valid2 = write_file (f, "d.actionset", valid_set);
  const char *paths[] = { valid, empty, missing, valid2, NULL };
  g_auto(GStrv) lines = NULL;
  g_autofree char *empty_line = NULL;

  g_assert_cmpint (as_check_files (paths, f->out), ==, 1);
  lines = g_strsplit (f->out->str, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  empty_line = g_strdup_printf ("%s: $: the document is empty", empty);
  g_assert_cmpstr (lines[0], ==, empty_line);
  g_assert_true (g_str_has_prefix (lines[1], missing));
  g_assert_cmpstr (lines[2], ==, "");
}

static void
test_control_characters_escaped (Fixture       *f,
                                 gconstpointer  data)
{
  /* A value that would clear the terminal and start a new line, quoted by
   * the message about it. */
  g_autofree char *path = write_file (f, "escape.actionset",
    "{\n"
    "  \"format\": \"org.example.ActionSet\",\n"
    "  \"format_version\": {\"major\": 1, \"minor\": 0},\n"
    "  \"id\": \"" ID_SET "\",\n"
    "  \"name\": \"North set\",\n"
    "  \"members\": [{\"id\": \"" ID_ANA "\", \"name\": \"Ana\", \"colour\": \"\\u001b[2J\\nfake\"}]\n"
    "}\n");
  g_autofree char *expected = g_strdup_printf (
    "%s: $.members[0].colour: “\\u001b[2J\\u000afake” is not a colour like “#3584e4”\n", path);

  g_assert_cmpint (check_one (f, path), ==, 1);
  g_assert_cmpstr (f->out->str, ==, expected);
  g_assert_null (strchr (f->out->str, '\x1b'));
}

static void
test_long_line_shortened (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *long_value = g_strnfill (100000, 'x');
  g_autofree char *json = g_strdup_printf (
    "{\"format\": \"org.example.ActionSet\", \"format_version\": {\"major\": 1, \"minor\": 0},"
    " \"id\": \"" ID_SET "\", \"name\": \"North set\","
    " \"members\": [{\"id\": \"" ID_ANA "\", \"name\": \"Ana\", \"colour\": \"%s\"}]}",
    long_value);
  g_autofree char *path = write_file (f, "long.actionset", json);

  g_assert_cmpint (check_one (f, path), ==, 1);
  g_assert_cmpuint (count_lines (f->out->str), ==, 1);
  g_assert_cmpuint (f->out->len, <, 2100);
  /* The value is quoted as a short excerpt, marked as cut. */
  g_assert_nonnull (strstr (f->out->str, "…"));
}

static void
test_invalid_utf8_file_name (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "caf\xe9.actionset", NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, "[]", -1, &error);
  g_assert_no_error (error);

  g_assert_cmpint (check_one (f, path), ==, 1);
  g_assert_true (g_utf8_validate (f->out->str, -1, NULL));
  g_assert_nonnull (strstr (f->out->str, ": $: not an Action Set file"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/check/valid-file", test_valid_file);
  ADD ("/check/empty-list", test_empty_list);
  ADD ("/check/several-problems", test_several_problems);
  ADD ("/check/syntax-error", test_syntax_error);
  ADD ("/check/missing-file", test_missing_file);
  ADD ("/check/directory", test_directory);
  ADD ("/check/fifo", test_fifo);
  ADD ("/check/too-large", test_too_large);
  ADD ("/check/symlink", test_symlink_to_valid);
  ADD ("/check/several-files", test_several_files);
  ADD ("/check/control-characters", test_control_characters_escaped);
  ADD ("/check/long-line", test_long_line_shortened);
  ADD ("/check/non-utf8-file-name", test_invalid_utf8_file_name);

#undef ADD

  return g_test_run ();
}
