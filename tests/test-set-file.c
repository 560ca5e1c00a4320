/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/capability.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "as-file.h"
#include "as-format.h"
#include "as-journal.h"
#include "as-model.h"
#include "as-test-util.h"

#define KILL_RUNS 200
#define NAME_A    "Leaders 2026"
#define NAME_B    "Leaders 2027"

typedef struct
{
  char   *dir;
  char   *path;
  GFile  *file;
  GBytes *original;
} Fixture;

/* Whether file permissions bind this process (not so for root with
 * CAP_DAC_OVERRIDE): the read-only tests need them. */
static gboolean permissions_apply;

/* Helpers */

static AsSet *
make_set (void)
{
  AsSet *set = as_set_new_document ();
  g_autoptr(GTimeZone) tz = g_time_zone_new_offset (3600);
  g_autoptr(GDateTime) start = g_date_time_new (tz, 2026, 11, 21, 14, 0, 0);
  const char *names[] = { "Ada", "Grace", "Edsger", "Barbara" };

  as_set_set_name (set, NAME_A);
  as_set_set_purpose (set, "Learning by doing.");
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(AsMember) member = as_member_new ();

      as_member_set_name (member, names[i]);
      as_member_set_challenge (member, "A long challenge, to make the file a few pages long. "
                                       "Saving must never leave half of it on disk.");
      as_entity_append_child (AS_ENTITY (set), as_set_list_members (), AS_ENTITY (member));
    }
  for (int i = 0; i < 4; i++)
    {
      g_autoptr(GDateTime) when = g_date_time_add_days (start, 28 * i);
      as_set_add_meeting (set, when);
    }
  as_undo_stack_mark_clean (as_set_get_undo_stack (set));
  return set;
}

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(AsSet) set = make_set ();

  fx->dir = as_test_make_tmpdir ();
  fx->path = g_build_filename (fx->dir, "leaders.actionset", NULL);
  fx->file = g_file_new_for_path (fx->path);
  fx->original = as_format_write (set);
  g_assert_true (as_write_file_atomically (fx->path, fx->original, NULL));
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  as_test_remove_tree (fx->dir);
  g_free (fx->dir);
  g_free (fx->path);
  g_clear_object (&fx->file);
  g_clear_pointer (&fx->original, g_bytes_unref);
}

static void
assert_file_is (const char *path,
                GBytes     *expected)
{
  g_autoptr(GBytes) bytes = as_test_read_bytes (path);

  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                   g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
}

/* Only the set file: no temporary file left behind. */
static void
assert_folder_clean (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      if (strcmp (name, "leaders.actionset") != 0)
        g_error ("Unexpected file %s in %s", name, dir);
      n++;
    }
  g_assert_cmpuint (n, ==, 1);
}

static void
assert_error_names (const GError *error,
                    const char   *path)
{
  g_autofree char *prefix = g_strconcat (path, ": ", NULL);

  g_assert_nonnull (error);
  if (!g_str_has_prefix (error->message, prefix))
    g_error ("“%s” does not start with “%s”", error->message, prefix);
}

static gboolean
need_permissions (void)
{
  if (!permissions_apply)
    g_test_skip ("File permissions do not bind this process (root with CAP_DAC_OVERRIDE)");
  return permissions_apply;
}

static void
on_notify_count (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
on_changed_on_disk (AsSetFile  *set_file,
                    GParamSpec *pspec,
                    gboolean   *flag)
{
  if (as_set_file_get_changed_on_disk (set_file))
    *flag = TRUE;
}

static void
on_result (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

/* Waits for the condition "the callback ran", however long it takes; the
 * suite's timeout bounds it. */
static GAsyncResult *
wait_for_result (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

/* Root passes every permission check. Without CAP_DAC_OVERRIDE and
 * CAP_DAC_READ_SEARCH in its effective and permitted sets it meets the same
 * read-only files and folders as any user. */
static void
drop_file_capabilities (void)
{
  struct __user_cap_header_struct header = { _LINUX_CAPABILITY_VERSION_3, 0 };
  struct __user_cap_data_struct caps[2];
  const int dropped[] = { CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH };

  memset (caps, 0, sizeof caps);
  if (syscall (SYS_capget, &header, caps) != 0)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (dropped); i++)
    {
      guint32 bit = 1u << (dropped[i] % 32);

      caps[dropped[i] / 32].effective &= ~bit;
      caps[dropped[i] / 32].permitted &= ~bit;
      caps[dropped[i] / 32].inheritable &= ~bit;
    }
  if (syscall (SYS_capset, &header, caps) != 0)
    g_test_message ("Cannot drop file capabilities: %s", g_strerror (errno));
}

static gboolean
probe_permissions (void)
{
  g_autofree char *dir = as_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "probe", NULL);
  gboolean apply;
  int fd;

  g_assert_true (g_file_set_contents (path, "x", 1, NULL));
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  fd = open (path, O_WRONLY);
  apply = fd < 0;
  if (fd >= 0)
    close (fd);
  as_test_remove_tree (dir);
  return apply;
}

/* Tests */

static void
test_round_trip (Fixture       *fx,
                 gconstpointer  data)
{
  g_autoptr(AsSetFile) set_file = NULL;
  g_autoptr(AsSetFile) again = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *hash = as_content_hash (fx->original);
  guint n_modified = 0;
  AsSet *set;

  set_file = as_set_file_load (fx->file, NULL, &error);
  g_assert_no_error (error);
  set = as_set_file_get_set (set_file);
  g_assert_true (g_file_equal (as_set_file_get_file (set_file), fx->file));
  title = as_set_file_dup_title (set_file);
  g_assert_cmpstr (title, ==, "leaders.actionset");
  g_assert_cmpstr (as_set_file_get_content_hash (set_file), ==, hash);
  g_assert_cmpuint (strlen (hash), ==, 64);
  g_assert_false (as_set_file_get_modified (set_file));
  g_assert_false (as_set_file_get_read_only (set_file));
  g_assert_false (as_set_file_get_changed_on_disk (set_file));
  g_assert_false (as_set_file_get_migrated (set_file));
  written = as_format_write (set);
  g_assert_true (g_bytes_equal (written, fx->original));
  g_clear_pointer (&written, g_bytes_unref);

  g_signal_connect (set_file, "notify::modified", G_CALLBACK (on_notify_count), &n_modified);
  as_set_set_name (set, "Renamed");
  g_assert_true (as_set_file_get_modified (set_file));
  g_assert_cmpuint (n_modified, ==, 1);

  g_assert_true (as_set_file_save (set_file, NULL, FALSE, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (as_set_file_get_modified (set_file));
  g_assert_cmpuint (n_modified, ==, 2);
  written = as_format_write (set);
  assert_file_is (fx->path, written);
  g_assert_cmpstr (as_set_file_get_content_hash (set_file), !=, hash);
  assert_folder_clean (fx->dir);

  again = as_set_file_load (fx->file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (as_set_get_name (as_set_file_get_set (again)), ==, "Renamed");
  g_assert_cmpstr (as_set_file_get_content_hash (again), ==, as_set_file_get_content_hash (set_file));
}

static void
test_new_and_save_as (Fixture       *fx,
                      gconstpointer  data)
{
  g_autoptr(AsSetFile) set_file = as_set_file_new ();
  g_autofree char *path = g_build_filename (fx->dir, "new.actionset", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = as_set_file_dup_title (set_file);
  g_autofree char *new_title = NULL;
  guint n_file = 0, n_title = 0;
  mode_t mask = umask (0);
  struct stat st;

  umask (mask);
  g_assert_cmpstr (title, ==, "Untitled set");
  g_assert_null (as_set_file_get_file (set_file));

  g_assert_false (as_set_file_save (set_file, NULL, FALSE, NULL, &error));
  g_assert_error (error, AS_FILE_ERROR, AS_FILE_ERROR_NO_FILE);
  g_clear_error (&error);

  g_signal_connect (set_file, "notify::file", G_CALLBACK (on_notify_count), &n_file);
  g_signal_connect (set_file, "notify::title", G_CALLBACK (on_notify_count), &n_title);
  as_set_set_name (as_set_file_get_set (set_file), "Brand new");
  g_assert_true (as_set_file_save (set_file, file, FALSE, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_equal (as_set_file_get_file (set_file), file));
  g_assert_cmpuint (n_file, ==, 1);
  g_assert_cmpuint (n_title, ==, 1);
  new_title = as_set_file_dup_title (set_file);
  g_assert_cmpstr (new_title, ==, "new.actionset");
  g_assert_false (as_set_file_get_modified (set_file));

  /* A new file gets the mode any new file would, not the temp file's 0600. */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0666 & ~mask);
}

static void
test_keeps_mode (Fixture       *fx,
                 gconstpointer  data)
{
  g_autoptr(AsSetFile) set_file = NULL;
  g_autoptr(GError) error = NULL;
  struct stat st;

  g_assert_cmpint (g_chmod (fx->path, 0640), ==, 0);
  set_file = as_set_file_load (fx->file, NULL, &error);
  g_assert_no_error (error);
  as_set_set_name (as_set_file_get_set (set_file), "Mode kept");
  g_assert_true (as_set_file_save (set_file, NULL, FALSE, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpint (g_stat (fx->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0640);
}

static void
test_follows_link (Fixture       *fx,
                   gconstpointer  data)
{
  g_autofree char *link_path = g_build_filename (fx->dir, "link.actionset", NULL);
  g_autoptr(GFile) link = g_file_new_for_path (link_path);
  g_autoptr(AsSetFile) set_file = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GError) error = NULL;
  struct stat st;

  g_assert_cmpint (symlink ("leaders.actionset", link_path), ==, 0);
  set_file = as_set_file_load (link, NULL, &error);
  g_assert_no_error (error);
  as_set_set_name (as_set_file_get_set (set_file), "Through a link");
  g_assert_true (as_set_file_save (set_file, NULL, FALSE, NULL, &error));
  g_assert_no_error (error);

  /* The link is still a link, and the file it points to has the set. */
  g_assert_cmpint (lstat (link_path, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  written = as_format_write (as_set_file_get_set (set_file));
  assert_file_is (fx->path, written);
}

static void
test_refuses_folder (Fixture       *fx,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fx->dir, "folder.actionset", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(AsSetFile) set_file = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (path, 0755), ==, 0);
  set_file = as_set_file_load (file, NULL, &error);
  g_assert_null (set_file);
  g_assert_error (error, AS_FILE_ERROR, AS_FILE_ERROR_NOT_REGULAR);
  assert_error_names (error, path);
  g_assert_nonnull (strstr (error->message, "folder"));
}

static void
test_refuses_fifo (Fixture       *fx,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fx->dir, "pipe.actionset", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(AsSetFile) set_file = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  struct stat st;

  g_assert_cmpint (mkfifo (path, 0644), ==, 0);

  /* Opening a FIFO for reading would wait for a writer for ever: should the
   * loader do it, the alarm ends the test instead of the suite's timeout. */
  alarm (20);
  set_file = as_set_file_load (file, NULL, &error);
  g_assert_null (set_file);
  g_assert_error (error, AS_FILE_ERROR, AS_FILE_ERROR_NOT_REGULAR);
  assert_error_names (error, path);
  g_clear_error (&error);

  as_set_file_load_async (file, NULL, on_result, &result);
  set_file = as_set_file_load_finish (wait_for_result (&result), &error);
  g_assert_null (set_file);
  g_assert_error (error, AS_FILE_ERROR, AS_FILE_ERROR_NOT_REGULAR);
  g_clear_error (&error);

  /* Nor is a FIFO replaced by a save. */
  g_assert_false (as_write_file_atomically (path, fx->original, &error));
  g_assert_error (error, AS_FILE_ERROR, AS_FILE_ERROR_NOT_REGULAR);
  alarm (0);
  g_assert_cmpint (lstat (path, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));
}

static void
test_refuses_oversized (Fixture       *fx,
                        gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fx->dir, "huge.actionset", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(AsSetFile) set_file = NULL;
  g_autoptr(GError) error = NULL;
  int fd;

  /* Sparse: the size is there, the disk blocks are not. */
  fd = open (path, O_WRONLY | O_CREAT | O_EXCL, 0644);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) AS_MAX_FILE_SIZE + 1), ==, 0);
  close (fd);

  set_file = as_set_file_load (file, NULL, &error);
  g_assert_null (set_file);
  g_assert_error (error, AS_FILE_ERROR, AS_FILE_ERROR_TOO_LARGE);
  assert_error_names (error, path);
}

static void
test_errors_name_file (Fixture       *fx,
                       gconstpointer  data)
{
  const char *text =
    "{\"format\":\"org.example.ActionSet\",\"format_version\":{\"major\":1,\"minor\":0},"
    "\"id\":\"0b5e5a3c-7d1e-4f0a-9c61-2f4f0d6a9b12\",\"name\":5}";
  g_autofree char *prefix = g_strconcat (fx->path, ": $.name: ", NULL);
  g_autofree char *missing = g_build_filename (fx->dir, "missing.actionset", NULL);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  g_autoptr(AsSetFile) set_file = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (fx->path, text, -1, NULL));
  set_file = as_set_file_load (fx->file, NULL, &error);
  g_assert_null (set_file);
  g_assert_error (error, AS_FORMAT_ERROR, AS_FORMAT_ERROR_INVALID);
  if (!g_str_has_prefix (error->message, prefix))
    g_error ("“%s” does not start with “%s”", error->message, prefix);
  g_clear_error (&error);

  set_file = as_set_file_load (missing_file, NULL, &error);
  g_assert_null (set_file);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  assert_error_names (error, missing);
}

static void
test_read_only_file (Fixture       *fx,
                     gconstpointer  data)
{
  g_autofree char *other_dir = as_test_make_tmpdir ();
  g_autofree char *other_path = g_build_filename (other_dir, "copy.actionset", NULL);
  g_autoptr(GFile) other = g_file_new_for_path (other_path);
  g_autoptr(AsSetFile) set_file = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GError) error = NULL;
  guint n_read_only = 0;

  if (!need_permissions ())
    return;

  g_assert_cmpint (g_chmod (fx->path, 0444), ==, 0);
  set_file = as_set_file_load (fx->file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (as_set_file_get_read_only (set_file));
  g_signal_connect (set_file, "notify::read-only", G_CALLBACK (on_notify_count), &n_read_only);

  /* Editing is allowed (the journal keeps it); saving over the file is not. */
  as_set_set_name (as_set_file_get_set (set_file), "Not here");
  g_assert_false (as_set_file_save (set_file, NULL, FALSE, NULL, &error));
  g_assert_error (error, AS_FILE_ERROR, AS_FILE_ERROR_READ_ONLY);
  assert_error_names (error, fx->path);
  g_clear_error (&error);
  /* Not even when forced. */
  g_assert_false (as_set_file_save (set_file, NULL, TRUE, NULL, &error));
  g_assert_error (error, AS_FILE_ERROR, AS_FILE_ERROR_READ_ONLY);
  g_clear_error (&error);
  assert_file_is (fx->path, fx->original);
  assert_folder_clean (fx->dir);
  g_assert_true (as_set_file_get_modified (set_file));

  /* Save As elsewhere works, and the copy is not read-only. */
  g_assert_true (as_set_file_save (set_file, other, FALSE, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (as_set_file_get_read_only (set_file));
  g_assert_cmpuint (n_read_only, ==, 1);
  g_assert_true (g_file_equal (as_set_file_get_file (set_file), other));
  g_assert_false (as_set_file_get_modified (set_file));
  written = as_format_write (as_set_file_get_set (set_file));
  assert_file_is (other_path, written);
  assert_file_is (fx->path, fx->original);

  as_test_remove_tree (other_dir);
}

static void
test_read_only_folder (Fixture       *fx,
                       gconstpointer  data)
{
  g_autofree char *other_dir = as_test_make_tmpdir ();
  g_autofree char *other_path = g_build_filename (other_dir, "copy.actionset", NULL);
  g_autoptr(GFile) other = g_file_new_for_path (other_path);
  g_autoptr(AsSetFile) set_file = NULL;
  g_autoptr(GError) error = NULL;

  if (!need_permissions ())
    return;

  g_assert_cmpint (g_chmod (fx->dir, 0555), ==, 0);
  set_file = as_set_file_load (fx->file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (as_set_file_get_read_only (set_file));

  as_set_set_name (as_set_file_get_set (set_file), "Not here either");
  g_assert_false (as_set_file_save (set_file, NULL, FALSE, NULL, &error));
  g_assert_error (error, AS_FILE_ERROR, AS_FILE_ERROR_READ_ONLY);
  assert_error_names (error, fx->path);
  g_assert_nonnull (strstr (error->message, "folder"));
  g_clear_error (&error);
  assert_file_is (fx->path, fx->original);
  assert_folder_clean (fx->dir);

  g_assert_true (as_set_file_save (set_file, other, FALSE, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (as_set_file_get_read_only (set_file));

  g_chmod (fx->dir, 0755);
  as_test_remove_tree (other_dir);
}

static void
change_bytes_keeping_size_and_mtime (const char *path)
{
  g_autoptr(GBytes) bytes = as_test_read_bytes (path);
  gsize length = g_bytes_get_size (bytes);
  g_autofree char *data = g_memdup2 (g_bytes_get_data (bytes, NULL), length);
  char *name = g_strstr_len (data, length, NAME_A);
  struct timespec times[2];
  struct stat before, after;
  int fd;

  g_assert_nonnull (name);
  name[0] = 'R';   /* "Readers 2026": same length */
  g_assert_cmpint (g_stat (path, &before), ==, 0);

  fd = open (path, O_WRONLY);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (pwrite (fd, data, length, 0), ==, (gssize) length);
  close (fd);
  times[0] = before.st_atim;
  times[1] = before.st_mtim;
  g_assert_cmpint (utimensat (AT_FDCWD, path, times, 0), ==, 0);

  g_assert_cmpint (g_stat (path, &after), ==, 0);
  g_assert_cmpint (after.st_size, ==, before.st_size);
  g_assert_cmpint (after.st_mtim.tv_sec, ==, before.st_mtim.tv_sec);
  g_assert_cmpint (after.st_mtim.tv_nsec, ==, before.st_mtim.tv_nsec);
}

static void
test_changed_on_disk (Fixture       *fx,
                      gconstpointer  data)
{
  g_autoptr(AsSetFile) set_file = NULL;
  g_autoptr(GBytes) theirs = NULL;
  g_autoptr(GBytes) ours = NULL;
  g_autoptr(GError) error = NULL;

  set_file = as_set_file_load (fx->file, NULL, &error);
  g_assert_no_error (error);
  as_set_set_purpose (as_set_file_get_set (set_file), "Our change");

  /* Another writer changes the bytes but not the size or the time. */
  change_bytes_keeping_size_and_mtime (fx->path);
  theirs = as_test_read_bytes (fx->path);
  g_assert_true (as_set_file_check_disk (set_file));
  g_assert_true (as_set_file_get_changed_on_disk (set_file));

  g_assert_false (as_set_file_save (set_file, NULL, FALSE, NULL, &error));
  g_assert_error (error, AS_FILE_ERROR, AS_FILE_ERROR_CHANGED);
  assert_error_names (error, fx->path);
  g_clear_error (&error);
  assert_file_is (fx->path, theirs);
  assert_folder_clean (fx->dir);
  g_assert_true (as_set_file_get_modified (set_file));

  /* Forced, it saves. */
  g_assert_true (as_set_file_save (set_file, NULL, TRUE, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (as_set_file_get_changed_on_disk (set_file));
  ours = as_format_write (as_set_file_get_set (set_file));
  assert_file_is (fx->path, ours);
}

/* The file's identity on disk spares reading it when nothing changed; a
 * change made right after a save, within the same tick of the clock that
 * stamps files, must not pass for no change all the same. */
static void
test_changed_right_after_save (Fixture       *fx,
                               gconstpointer  data)
{
  g_autoptr(AsSetFile) set_file = NULL;
  g_autoptr(GError) error = NULL;

  set_file = as_set_file_load (fx->file, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < 20; i++)
    {
      g_autoptr(GBytes) theirs = NULL;

      as_set_set_purpose (as_set_file_get_set (set_file), i % 2 ? "Ours" : "Also ours");
      g_assert_true (as_set_file_save (set_file, NULL, FALSE, NULL, &error));
      g_assert_no_error (error);
      g_assert_false (as_set_file_check_disk (set_file));
      /* Every other time, the change comes once the clock has moved on and
       * the identity is trusted, to be told by its status change time. */
      if (i % 2 == 1)
        {
          g_usleep (30 * 1000);
          g_assert_false (as_set_file_check_disk (set_file));
        }

      change_bytes_keeping_size_and_mtime (fx->path);
      theirs = as_test_read_bytes (fx->path);
      g_assert_true (as_set_file_check_disk (set_file));
      g_assert_false (as_set_file_save (set_file, NULL, FALSE, NULL, &error));
      g_assert_error (error, AS_FILE_ERROR, AS_FILE_ERROR_CHANGED);
      g_clear_error (&error);
      assert_file_is (fx->path, theirs);

      /* Forced, it saves, and the file is ours again. */
      g_assert_true (as_set_file_save (set_file, NULL, TRUE, NULL, &error));
      g_assert_no_error (error);
      g_assert_false (as_set_file_get_changed_on_disk (set_file));
    }
}

/* The same bytes in a new file (as a sync tool writes them) are no change,
 * and neither is the file checked again afterwards. */
static void
test_same_bytes_new_file (Fixture       *fx,
                          gconstpointer  data)
{
  g_autoptr(AsSetFile) set_file = NULL;
  g_autoptr(GError) error = NULL;

  set_file = as_set_file_load (fx->file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (as_write_file_atomically (fx->path, fx->original, NULL));
  g_assert_false (as_set_file_check_disk (set_file));
  g_assert_false (as_set_file_check_disk (set_file));
  as_set_set_purpose (as_set_file_get_set (set_file), "Ours");
  g_assert_true (as_set_file_save (set_file, NULL, FALSE, NULL, &error));
  g_assert_no_error (error);
}

static void
test_touched_or_deleted (Fixture       *fx,
                         gconstpointer  data)
{
  g_autoptr(AsSetFile) set_file = NULL;
  g_autoptr(GError) error = NULL;

  set_file = as_set_file_load (fx->file, NULL, &error);
  g_assert_no_error (error);

  /* A new time alone is no change. */
  g_assert_cmpint (utimensat (AT_FDCWD, fx->path, NULL, 0), ==, 0);
  g_assert_false (as_set_file_check_disk (set_file));

  /* A deleted file is a change to show, but nothing that saving could
   * overwrite. */
  g_assert_cmpint (g_unlink (fx->path), ==, 0);
  g_assert_true (as_set_file_check_disk (set_file));
  g_assert_true (as_set_file_save (set_file, NULL, FALSE, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (as_set_file_get_changed_on_disk (set_file));
  assert_file_is (fx->path, fx->original);
}

static void
list_temp_files (const char *dir,
                 GPtrArray  *names)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (strcmp (name, "leaders.actionset") != 0)
      g_ptr_array_add (names, g_strdup (name));
}

static void
test_write_failure (Fixture       *fx,
                    gconstpointer  data)
{
  g_autoptr(AsSetFile) set_file = NULL;
  g_autoptr(GPtrArray) left = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  struct rlimit old_limit, small;
  gboolean saved;

  set_file = as_set_file_load (fx->file, NULL, &error);
  g_assert_no_error (error);
  as_set_set_name (as_set_file_get_set (set_file), "Never written");

  /* The disk fills up in the middle of the write: a file size limit makes
   * write() fail with EFBIG after the first bytes. */
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &old_limit), ==, 0);
  small = old_limit;
  small.rlim_cur = 1000;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &small), ==, 0);
  saved = as_set_file_save (set_file, NULL, FALSE, NULL, &error);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &old_limit), ==, 0);

  g_assert_false (saved);
  g_assert_nonnull (error);
  g_assert_true (error->domain == G_IO_ERROR);
  assert_error_names (error, fx->path);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  assert_file_is (fx->path, fx->original);
  list_temp_files (fx->dir, left);
  g_assert_cmpuint (left->len, ==, 0);
  g_assert_true (as_set_file_get_modified (set_file));

  /* Once there is room again, it saves. */
  g_assert_true (as_set_file_save (set_file, NULL, FALSE, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (as_set_file_get_modified (set_file));
}

static void
test_folder_made_read_only (Fixture       *fx,
                            gconstpointer  data)
{
  g_autoptr(AsSetFile) set_file = NULL;
  g_autoptr(GBytes) other = NULL;
  g_autoptr(GError) error = NULL;

  if (!need_permissions ())
    return;

  set_file = as_set_file_load (fx->file, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (as_set_file_get_read_only (set_file));
  as_set_set_name (as_set_file_get_set (set_file), "Never written");
  g_assert_cmpint (g_chmod (fx->dir, 0555), ==, 0);

  g_assert_false (as_set_file_save (set_file, NULL, FALSE, NULL, &error));
  g_assert_error (error, AS_FILE_ERROR, AS_FILE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_true (as_set_file_get_read_only (set_file));

  /* Below the check, the write itself fails cleanly too: no temp file can
   * be made in the folder. */
  other = as_format_write (as_set_file_get_set (set_file));
  g_assert_false (as_write_file_atomically (fx->path, other, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  assert_error_names (error, fx->path);

  g_chmod (fx->dir, 0755);
  assert_file_is (fx->path, fx->original);
  assert_folder_clean (fx->dir);
}

static void
test_monitor (Fixture       *fx,
              gconstpointer  data)
{
  g_autoptr(AsSetFile) set_file = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) theirs = NULL;
  gboolean changed = FALSE;
  AsSet *set;

  set_file = as_set_file_load (fx->file, NULL, &error);
  g_assert_no_error (error);
  set = as_set_file_get_set (set_file);
  g_signal_connect (set_file, "notify::changed-on-disk", G_CALLBACK (on_changed_on_disk), &changed);

  /* Our own saves, sync and async, are not changes by someone else. Waiting
   * for something not to happen needs a time: the monitor speaks within a
   * few milliseconds and the check follows 100 ms later. */
  as_set_set_name (set, "Ours, sync");
  g_assert_true (as_set_file_save (set_file, NULL, FALSE, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (as_test_wait_for (&changed, 1000));

  as_set_set_name (set, "Ours, async");
  as_set_file_save_async (set_file, NULL, FALSE, NULL, on_result, &result);
  g_assert_true (as_set_file_save_finish (set_file, wait_for_result (&result), &error));
  g_assert_no_error (error);
  g_assert_false (as_test_wait_for (&changed, 1000));

  /* Another program replaces the file. */
  theirs = g_bytes_ref (fx->original);
  g_assert_true (g_file_set_contents (fx->path, g_bytes_get_data (theirs, NULL),
                                      g_bytes_get_size (theirs), NULL));
  g_assert_true (as_test_wait_for (&changed, 10000));
  g_assert_true (as_set_file_get_changed_on_disk (set_file));

  /* Saved anyway, then changed in place, bytes only. */
  g_assert_true (as_set_file_save (set_file, NULL, TRUE, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (as_set_file_get_changed_on_disk (set_file));
  changed = FALSE;
  {
    g_autoptr(GBytes) bytes = as_test_read_bytes (fx->path);
    gsize length = g_bytes_get_size (bytes);
    g_autofree char *copy = g_memdup2 (g_bytes_get_data (bytes, NULL), length);
    char *name = g_strstr_len (copy, length, "Ours");
    int fd;

    g_assert_nonnull (name);
    name[0] = 'H';
    fd = open (fx->path, O_WRONLY);
    g_assert_cmpint (pwrite (fd, copy, length, 0), ==, (gssize) length);
    close (fd);
  }
  g_assert_true (as_test_wait_for (&changed, 10000));
}

static void
test_async (Fixture       *fx,
            gconstpointer  data)
{
  g_autoptr(AsSetFile) set_file = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) pending = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GError) error = NULL;
  AsSet *set;

  as_set_file_load_async (fx->file, NULL, on_result, &result);
  set_file = as_set_file_load_finish (wait_for_result (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (set_file);
  g_clear_object (&result);
  set = as_set_file_get_set (set_file);
  g_assert_cmpstr (as_set_get_name (set), ==, NAME_A);

  /* An edit made while the save runs is not in the file: the set stays
   * modified. A second save meanwhile is refused. */
  as_set_set_name (set, "Saved");
  saved = as_format_write (set);
  as_set_file_save_async (set_file, NULL, FALSE, NULL, on_result, &result);
  as_set_set_purpose (set, "Edited during the save");
  as_set_file_save_async (set_file, NULL, FALSE, NULL, on_result, &pending);
  g_assert_false (as_set_file_save_finish (set_file, wait_for_result (&pending), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PENDING);
  g_clear_error (&error);

  g_assert_true (as_set_file_save_finish (set_file, wait_for_result (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  assert_file_is (fx->path, saved);
  g_assert_true (as_set_file_get_modified (set_file));

  as_set_file_save_async (set_file, NULL, FALSE, NULL, on_result, &result);
  g_assert_true (as_set_file_save_finish (set_file, wait_for_result (&result), &error));
  g_assert_no_error (error);
  g_assert_false (as_set_file_get_modified (set_file));
}

static void
test_restore_from_journal (Fixture       *fx,
                           gconstpointer  data)
{
  g_autoptr(AsSetFile) set_file = NULL;
  g_autoptr(AsSetFile) restored = NULL;
  g_autoptr(GPtrArray) orphans = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GBytes) actual = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  AsJournalEntry *entry;

  set_file = as_set_file_load (fx->file, NULL, &error);
  g_assert_no_error (error);
  as_set_set_name (as_set_file_get_set (set_file), "Unsaved work");
  expected = as_format_write (as_set_file_get_set (set_file));
  path = g_strdup (as_journal_get_path (as_set_file_get_journal (set_file)));
  g_clear_object (&set_file);   /* the crash */

  orphans = as_journal_find_orphans ();
  g_assert_cmpuint (orphans->len, ==, 1);
  entry = g_ptr_array_index (orphans, 0);
  g_assert_cmpstr (entry->path, ==, path);
  g_assert_cmpstr (entry->file_path, ==, fx->path);

  restored = as_set_file_new_from_journal (path, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_equal (as_set_file_get_file (restored), fx->file));
  g_assert_true (as_set_file_get_modified (restored));
  g_assert_false (as_set_file_get_changed_on_disk (restored));
  actual = as_format_write (as_set_file_get_set (restored));
  g_assert_true (g_bytes_equal (actual, expected));
  /* The restored set has its own journal; the old one is gone. */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_nonnull (as_journal_get_path (as_set_file_get_journal (restored)));
  g_clear_pointer (&orphans, g_ptr_array_unref);
  orphans = as_journal_find_orphans ();
  g_assert_cmpuint (orphans->len, ==, 0);

  /* Crashed again, and meanwhile someone changed the file: the restored set
   * must not overwrite that. */
  g_clear_pointer (&path, g_free);
  path = g_strdup (as_journal_get_path (as_set_file_get_journal (restored)));
  g_clear_object (&restored);
  change_bytes_keeping_size_and_mtime (fx->path);
  restored = as_set_file_new_from_journal (path, &error);
  g_assert_no_error (error);
  g_assert_true (as_set_file_get_changed_on_disk (restored));
  g_assert_false (as_set_file_save (restored, NULL, FALSE, NULL, &error));
  g_assert_error (error, AS_FILE_ERROR, AS_FILE_ERROR_CHANGED);
  g_clear_error (&error);

  g_assert_true (as_set_file_save (restored, NULL, TRUE, NULL, &error));
  g_assert_no_error (error);
  assert_file_is (fx->path, expected);
  g_assert_null (as_journal_get_path (as_set_file_get_journal (restored)));
}

/* Kills a process that saves in a loop at random moments: the file is
 * always one of the two versions, whole, and at most the one temp file of
 * the save that was cut short is left. */
static void
test_kill_loop (Fixture       *fx,
                gconstpointer  data)
{
  g_autofree char *helper = g_test_build_filename (G_TEST_BUILT, "as-save-loop", NULL);
  g_autofree char *temp_prefix = g_strdup (".leaders.actionset.");
  g_autoptr(GBytes) version_a = g_bytes_ref (fx->original);
  g_autoptr(GBytes) version_b = NULL;
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GError) error = NULL;
  guint n_a = 0, n_b = 0, n_temp = 0;
  gint64 start = g_get_monotonic_time ();

  /* The isolated XDG folders are not in the environment children inherit:
   * the helper's journals go to this test's own state folder. */
  g_subprocess_launcher_setenv (launcher, "XDG_STATE_HOME", g_get_user_state_dir (), TRUE);

  {
    g_autoptr(AsSet) set = as_format_read (version_a, NULL, &error);

    g_assert_no_error (error);
    as_set_set_name (set, NAME_B);
    version_b = as_format_write (set);
  }

  for (guint run = 0; run < KILL_RUNS; run++)
    {
      g_autoptr(GSubprocess) child = NULL;
      g_autoptr(GDataInputStream) input = NULL;
      g_autoptr(GPtrArray) left = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *line = NULL;

      child = g_subprocess_launcher_spawn (launcher, &error,
                                           helper, fx->path, NAME_A, NAME_B, NULL);
      g_assert_no_error (error);
      input = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));
      line = g_data_input_stream_read_line (input, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (line, ==, "ready");

      g_usleep (g_test_rand_int_range (0, 20001));
      g_subprocess_send_signal (child, SIGKILL);
      g_assert_true (g_subprocess_wait (child, NULL, &error));
      g_assert_no_error (error);
      /* Killed, not failed on its own. */
      g_assert_true (g_subprocess_get_if_signaled (child));
      g_assert_cmpint (g_subprocess_get_term_sig (child), ==, SIGKILL);

      bytes = as_test_read_bytes (fx->path);
      if (g_bytes_equal (bytes, version_a))
        n_a++;
      else if (g_bytes_equal (bytes, version_b))
        n_b++;
      else
        g_error ("Run %u left a file of %" G_GSIZE_FORMAT " bytes that is neither version",
                 run, g_bytes_get_size (bytes));

      list_temp_files (fx->dir, left);
      g_assert_cmpuint (left->len, <=, 1);
      for (guint i = 0; i < left->len; i++)
        {
          g_autofree char *path = g_build_filename (fx->dir, left->pdata[i], NULL);

          g_assert_true (g_str_has_prefix (left->pdata[i], temp_prefix));
          g_assert_cmpuint (strlen (left->pdata[i]), ==, strlen (temp_prefix) + 6);
          g_assert_cmpint (g_unlink (path), ==, 0);
          n_temp++;
        }
    }

  g_test_message ("%u runs: version A %u times, B %u times, %u temp files left by a kill, %.1f s",
                  KILL_RUNS, n_a, n_b, n_temp,
                  (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
  /* Each run saves at least once before it is killed, so the file went
   * both ways. */
  g_assert_cmpuint (n_a, >, 0);
  g_assert_cmpuint (n_b, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  /* Each test gets its own XDG_STATE_HOME, so journals never meet. */
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  if (geteuid () == 0)
    drop_file_capabilities ();
  permissions_apply = probe_permissions ();

#define ADD(path, func) \
  g_test_add ("/set-file/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("round-trip", test_round_trip);
  ADD ("new-and-save-as", test_new_and_save_as);
  ADD ("keeps-mode", test_keeps_mode);
  ADD ("follows-link", test_follows_link);
  ADD ("refuses-folder", test_refuses_folder);
  ADD ("refuses-fifo", test_refuses_fifo);
  ADD ("refuses-oversized", test_refuses_oversized);
  ADD ("errors-name-file", test_errors_name_file);
  ADD ("read-only-file", test_read_only_file);
  ADD ("read-only-folder", test_read_only_folder);
  ADD ("changed-on-disk", test_changed_on_disk);
  ADD ("touched-or-deleted", test_touched_or_deleted);
  ADD ("changed-right-after-save", test_changed_right_after_save);
  ADD ("same-bytes-new-file", test_same_bytes_new_file);
  ADD ("write-failure", test_write_failure);
  ADD ("folder-made-read-only", test_folder_made_read_only);
  ADD ("monitor", test_monitor);
  ADD ("async", test_async);
  ADD ("restore-from-journal", test_restore_from_journal);
  ADD ("kill-loop", test_kill_loop);

#undef ADD

  return g_test_run ();
}
