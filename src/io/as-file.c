/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "as-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <gio/gunixoutputstream.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "as-file.h"
#include "as-format.h"
#include "as-journal.h"
#include "as-undo-stack.h"

/* Monitor events come in bursts (a rename, then attribute changes); the
 * file is compared once a burst is over. */
#define CHECK_DELAY_MS 100

/* Below this size, hashing on another core costs more than it saves. */
#define HASH_THREAD_MIN_SIZE (1024 * 1024)

/*
 * What identifies the file as it was read or saved, so that comparing it
 * with the file on disk needs no reading when nothing changed: the device,
 * the inode (a file replaced by a rename, as most programs save, is a new
 * one), the size, and the modification and status change times to the
 * nanosecond. A writer that keeps the size and sets the old modification
 * time back still changes the status change time (ctime), which no program
 * can set. When any of them differs, the file is read and its hash decides:
 * a new time alone is no change.
 *
 * A ctime is a clock tick of the kernel (a few milliseconds), or a second or
 * two on some file systems: a change made within the same tick as the one
 * recorded could leave it as it was. An identity taken that soon after its
 * ctime is not trusted ("racy", as git calls it): the next comparison reads
 * the file, and takes the identity again once that tick is over.
 */
typedef struct
{
  gboolean        known;
  dev_t           dev;
  ino_t           ino;
  off_t           size;
  struct timespec mtime;
  struct timespec ctime;
} FileIdentity;

struct _AsSetFile
{
  GObject       parent_instance;

  AsSet        *set;
  GFile        *file;
  AsJournal    *journal;
  GFileMonitor *monitor;

  /* What the file held when it was read or last saved: its content hash,
   * its size (-1 when not known) and its identity on disk. */
  char         *hash;
  gint64        size;
  FileIdentity  identity;

  guint64       n_edits;          /* to tell whether a save covered every edit */
  guint         saving;
  gboolean      check_after_save; /* the monitor spoke during a save */
  guint         check_source;
  guint         check_serial;     /* a check result older than this is dropped */
  GCancellable *check_cancellable;

  gboolean      read_only;
  gboolean      changed_on_disk;
  gboolean      migrated;
};

G_DEFINE_FINAL_TYPE (AsSetFile, as_set_file, G_TYPE_OBJECT)

G_DEFINE_QUARK (as-file-error-quark, as_file_error)

enum {
  PROP_0,
  PROP_SET,
  PROP_FILE,
  PROP_TITLE,
  PROP_READ_ONLY,
  PROP_MODIFIED,
  PROP_CHANGED_ON_DISK,
  PROP_MIGRATED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef enum {
  DISK_SAME,
  DISK_CHANGED,
  DISK_MISSING,
} DiskState;

typedef struct
{
  char         *path;
  GFile        *file;
  AsSet        *set;
  char         *hash;
  gint64        size;
  FileIdentity  identity;
  gboolean      read_only;
  gboolean      migrated;
} LoadData;

typedef struct
{
  GFile        *file;               /* where to save */
  char         *path;
  GBytes       *bytes;
  char         *expected_hash;      /* what the file must still hold, or NULL */
  gint64        expected_size;
  FileIdentity  expected_identity;
  gboolean      same_file;
  guint64       n_edits;            /* when the bytes were made */
  char         *hash;               /* of what was written */
  FileIdentity  identity;           /* of the file written */
} SaveData;

typedef struct
{
  char         *path;
  char         *hash;
  gint64        size;
  FileIdentity  identity;           /* in: as known; out: as found */
  guint         serial;
  DiskState     state;
  gboolean      read_only;
} CheckData;

static void start_monitor (AsSetFile *self);
static void schedule_check (AsSetFile *self);

/* Helpers that run in any thread: they touch no object. */

static char *
display_name (const char *path)
{
  return g_filename_display_name (path);
}

static void
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *path,
                 const char  *what)
{
  g_autofree char *name = display_name (path);

  if (what != NULL)
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                 "%s: %s: %s", name, what, g_strerror (saved_errno));
  else
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                 "%s: %s", name, g_strerror (saved_errno));
}

static gboolean
check_regular (const struct stat  *st,
               const char         *path,
               GError            **error)
{
  g_autofree char *name = NULL;
  const char *what;

  if (S_ISREG (st->st_mode))
    return TRUE;

  if (S_ISDIR (st->st_mode))
    what = _("this is a folder, not a set file");
  else if (S_ISFIFO (st->st_mode))
    what = _("this is a named pipe, not a set file");
  else if (S_ISCHR (st->st_mode) || S_ISBLK (st->st_mode))
    what = _("this is a device, not a set file");
  else
    what = _("this is not a regular file");

  name = display_name (path);
  g_set_error (error, AS_FILE_ERROR, AS_FILE_ERROR_NOT_REGULAR, "%s: %s", name, what);
  return FALSE;
}

static gboolean
check_size (gint64       size,
            const char  *path,
            GError     **error)
{
  g_autofree char *name = NULL;

  if (size <= AS_MAX_FILE_SIZE)
    return TRUE;
  name = display_name (path);
  g_set_error (error, AS_FILE_ERROR, AS_FILE_ERROR_TOO_LARGE,
               _("%s: the file is larger than %d MB, too large for a set file"),
               name, AS_MAX_FILE_SIZE / (1024 * 1024));
  return FALSE;
}

static gboolean
identity_matches (const FileIdentity *identity,
                  const struct stat  *st)
{
  return identity->known &&
         identity->dev == st->st_dev &&
         identity->ino == st->st_ino &&
         identity->size == st->st_size &&
         identity->mtime.tv_sec == st->st_mtim.tv_sec &&
         identity->mtime.tv_nsec == st->st_mtim.tv_nsec &&
         identity->ctime.tv_sec == st->st_ctim.tv_sec &&
         identity->ctime.tv_nsec == st->st_ctim.tv_nsec;
}

/* Takes the identity of the file of st, as it was just looked at, unless it
 * is too recent to be trusted (see FileIdentity). */
static void
identity_take (FileIdentity      *identity,
               const struct stat *st)
{
  struct timespec now, tick;
  gint64 margin_ns, ctime_ns, now_ns;

  identity->dev = st->st_dev;
  identity->ino = st->st_ino;
  identity->size = st->st_size;
  identity->mtime = st->st_mtim;
  identity->ctime = st->st_ctim;

  /* Times in whole seconds come from a file system that keeps no finer
   * ones, and may be two seconds apart (FAT). */
  if (st->st_ctim.tv_nsec == 0)
    margin_ns = 2 * G_GINT64_CONSTANT (1000000000);
  else if (clock_getres (CLOCK_REALTIME_COARSE, &tick) == 0 && tick.tv_sec == 0 && tick.tv_nsec > 0)
    margin_ns = tick.tv_nsec;
  else
    margin_ns = 20 * G_GINT64_CONSTANT (1000000);
  clock_gettime (CLOCK_REALTIME, &now);
  ctime_ns = (gint64) st->st_ctim.tv_sec * 1000000000 + st->st_ctim.tv_nsec;
  now_ns = (gint64) now.tv_sec * 1000000000 + now.tv_nsec;
  identity->known = now_ns >= ctime_ns + margin_ns;
}

typedef struct
{
  GBytes  *bytes;
  char    *hash;
  GThread *thread;
} HashJob;

static gpointer
hash_job_run (gpointer data)
{
  HashJob *job = data;

  job->hash = as_content_hash (job->bytes);
  return NULL;
}

/* Starts hashing bytes on another core, while the caller parses or writes
 * them: hashing a large file takes a good part of loading or saving it. */
static void
hash_job_start (HashJob *job,
                GBytes  *bytes)
{
  job->bytes = bytes;
  job->hash = NULL;
  job->thread = NULL;
  if (g_bytes_get_size (bytes) >= HASH_THREAD_MIN_SIZE)
    job->thread = g_thread_try_new ("as-hash", hash_job_run, job, NULL);
}

static char *
hash_job_finish (HashJob *job)
{
  if (job->thread != NULL)
    g_thread_join (g_steal_pointer (&job->thread));
  else
    hash_job_run (job);
  return g_steal_pointer (&job->hash);
}

/* Reads a whole set file, refusing what is not a regular file or is too
 * large before reading a byte of it. When identity is not NULL, sets it to
 * the file's identity if the file did not change while it was read. */
static GBytes *
read_file_bytes (const char    *path,
                 FileIdentity  *identity,
                 GError       **error)
{
  struct stat st, after;
  guint8 *data;
  gsize allocated, length = 0;
  int fd;

  if (identity != NULL)
    identity->known = FALSE;
  if (stat (path, &st) != 0)
    {
      set_errno_error (error, errno, path, NULL);
      return NULL;
    }
  if (!check_regular (&st, path, error) || !check_size (st.st_size, path, error))
    return NULL;

  /* O_NONBLOCK: should a FIFO have taken the file's place since the stat,
   * opening it must not wait for a writer. It changes nothing for a
   * regular file. */
  fd = open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
  if (fd < 0)
    {
      set_errno_error (error, errno, path, NULL);
      return NULL;
    }
  if (fstat (fd, &st) != 0)
    {
      set_errno_error (error, errno, path, NULL);
      close (fd);
      return NULL;
    }
  if (!check_regular (&st, path, error) || !check_size (st.st_size, path, error))
    {
      close (fd);
      return NULL;
    }

  /* The file may grow while it is read: read to the end, within the limit. */
  allocated = st.st_size + 1;
  data = g_malloc (allocated);
  for (;;)
    {
      gssize n;

      if (length == allocated)
        {
          if (!check_size (length, path, error))
            {
              g_free (data);
              close (fd);
              return NULL;
            }
          allocated = MIN (allocated * 2, (gsize) AS_MAX_FILE_SIZE + 1);
          data = g_realloc (data, allocated);
        }
      n = read (fd, data + length, allocated - length);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          set_errno_error (error, errno, path, NULL);
          g_free (data);
          close (fd);
          return NULL;
        }
      if (n == 0)
        break;
      length += n;
    }
  if (identity != NULL && fstat (fd, &after) == 0 && (gsize) after.st_size == length &&
      after.st_mtim.tv_sec == st.st_mtim.tv_sec && after.st_mtim.tv_nsec == st.st_mtim.tv_nsec &&
      after.st_ctim.tv_sec == st.st_ctim.tv_sec && after.st_ctim.tv_nsec == st.st_ctim.tv_nsec)
    identity_take (identity, &after);
  close (fd);

  if (!check_size (length, path, error))
    {
      g_free (data);
      return NULL;
    }
  return g_bytes_new_take (data, length);
}

/* The file a path names, following symbolic links, so that saving replaces
 * the file a link points to rather than the link. */
static char *
resolve_path (const char *path)
{
  char *real = realpath (path, NULL);
  char *copy;

  if (real == NULL)
    return g_strdup (path);
  copy = g_strdup (real);
  free (real);
  return copy;
}

/* Whether a save to path can work: the file (when it exists) and its folder
 * can be written by this process. Effective ids, as the save will use. */
static gboolean
check_writable (const char  *path,
                char       **reason)
{
  g_autofree char *real = resolve_path (path);
  g_autofree char *folder = g_path_get_dirname (real);

  if (faccessat (AT_FDCWD, real, W_OK, AT_EACCESS) != 0 && errno != ENOENT)
    {
      if (reason != NULL)
        *reason = g_strdup (errno == EROFS ? _("the disk is read-only")
                                           : _("you do not have permission to change this file"));
      return FALSE;
    }
  if (faccessat (AT_FDCWD, folder, W_OK | X_OK, AT_EACCESS) != 0)
    {
      if (reason != NULL)
        {
          g_autofree char *name = display_name (folder);

          *reason = errno == EROFS
            ? g_strdup (_("the disk is read-only"))
            : g_strdup_printf (_("you do not have permission to change files in the folder %s"), name);
        }
      return FALSE;
    }
  return TRUE;
}

/* Compares the file with what was read or saved. A different size settles
 * it without reading, and so does an identity that has not changed (see
 * FileIdentity); otherwise the bytes are hashed, and when they are the same,
 * identity becomes that of the file now. */
static DiskState
compare_disk (const char    *path,
              const char    *hash,
              gint64         size,
              FileIdentity  *identity,
              GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *now = NULL;
  FileIdentity found = { FALSE, };
  struct stat st;

  if (stat (path, &st) != 0)
    {
      if (errno == ENOENT)
        return DISK_MISSING;
      set_errno_error (error, errno, path, NULL);
      return DISK_CHANGED;
    }
  if (!S_ISREG (st.st_mode) || (size >= 0 && st.st_size != size))
    return DISK_CHANGED;
  if (identity_matches (identity, &st))
    return DISK_SAME;
  if (hash == NULL)
    return DISK_SAME;

  bytes = read_file_bytes (path, &found, &local);
  if (bytes == NULL)
    {
      if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return DISK_MISSING;
      g_propagate_error (error, g_steal_pointer (&local));
      return DISK_CHANGED;
    }
  now = as_content_hash (bytes);
  if (strcmp (now, hash) != 0)
    return DISK_CHANGED;
  *identity = found;
  return DISK_SAME;
}

static void
sync_folder (const char *folder)
{
  int fd = open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd < 0)
    return;
  /* Some file systems cannot sync a folder (EINVAL); the rename is then as
   * durable as they make it. The new file is in place either way. */
  if (fsync (fd) != 0)
    g_debug ("Could not sync the folder %s: %s", folder, g_strerror (errno));
  close (fd);
}

static gboolean
load_run (LoadData      *data,
          GCancellable  *cancellable,
          GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local = NULL;
  HashJob hash;

  if (data->path == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (data->file);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("%s: only files on this computer or a mounted share can be opened"), name);
      return FALSE;
    }

  if ((bytes = read_file_bytes (data->path, &data->identity, error)) == NULL)
    return FALSE;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  /* The set is built here, in the worker, but no other thread sees it until
   * it is complete and handed to the main thread. The bytes are hashed
   * meanwhile. */
  hash_job_start (&hash, bytes);
  data->set = as_format_read_full (bytes, NULL, &data->migrated, &local);
  data->hash = hash_job_finish (&hash);
  if (data->set == NULL)
    {
      g_autofree char *name = display_name (data->path);

      g_propagate_prefixed_error (error, g_steal_pointer (&local), "%s: ", name);
      return FALSE;
    }
  data->size = g_bytes_get_size (bytes);
  data->read_only = !check_writable (data->path, NULL);
  return TRUE;
}

static gboolean write_file_atomically (const char    *path,
                                       GBytes        *bytes,
                                       FileIdentity  *identity,
                                       GError       **error);

static gboolean
save_run (SaveData      *data,
          GCancellable  *cancellable,
          GError       **error)
{
  g_autofree char *reason = NULL;
  HashJob hash;
  gboolean ok;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if (!check_writable (data->path, &reason))
    {
      g_autofree char *name = display_name (data->path);

      g_set_error (error, AS_FILE_ERROR, AS_FILE_ERROR_READ_ONLY,
                   _("%s: cannot save here: %s"), name, reason);
      return FALSE;
    }

  if (data->expected_hash != NULL)
    {
      g_autoptr(GError) local = NULL;
      DiskState state = compare_disk (data->path, data->expected_hash, data->expected_size,
                                      &data->expected_identity, &local);

      if (local != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      /* A file deleted since it was read is no one's changes to lose. */
      if (state == DISK_CHANGED)
        {
          g_autofree char *name = display_name (data->path);

          g_set_error (error, AS_FILE_ERROR, AS_FILE_ERROR_CHANGED,
                       _("%s: the file was changed by another program since it was opened; "
                         "saving would overwrite those changes"), name);
          return FALSE;
        }
    }

  /* The bytes are hashed while they are written and synced. */
  hash_job_start (&hash, data->bytes);
  ok = write_file_atomically (data->path, data->bytes, &data->identity, error);
  data->hash = hash_job_finish (&hash);
  return ok;
}

static void
load_data_free (gpointer p)
{
  LoadData *data = p;

  g_free (data->path);
  g_clear_object (&data->file);
  g_clear_object (&data->set);
  g_free (data->hash);
  g_free (data);
}

static void
save_data_free (gpointer p)
{
  SaveData *data = p;

  g_clear_object (&data->file);
  g_free (data->path);
  g_clear_pointer (&data->bytes, g_bytes_unref);
  g_free (data->expected_hash);
  g_free (data->hash);
  g_free (data);
}

static void
check_data_free (gpointer p)
{
  CheckData *data = p;

  g_free (data->path);
  g_free (data->hash);
  g_free (data);
}

/* Helpers on the main thread */

static AsUndoStack *
undo_stack (AsSetFile *self)
{
  return as_set_get_undo_stack (self->set);
}

static void
set_read_only (AsSetFile *self,
               gboolean   read_only)
{
  read_only = !!read_only;
  if (self->read_only == read_only)
    return;
  self->read_only = read_only;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}

static void
set_changed_on_disk (AsSetFile *self,
                     gboolean   changed)
{
  changed = !!changed;
  if (self->changed_on_disk == changed)
    return;
  self->changed_on_disk = changed;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHANGED_ON_DISK]);
}

static void
set_migrated (AsSetFile *self,
              gboolean   migrated)
{
  migrated = !!migrated;
  if (self->migrated == migrated)
    return;
  self->migrated = migrated;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MIGRATED]);
}

static void
set_file (AsSetFile *self,
          GFile     *file)
{
  if (self->file == file || (self->file && file && g_file_equal (self->file, file)))
    return;
  g_set_object (&self->file, file);
  start_monitor (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

static void
stop_check (AsSetFile *self)
{
  g_clear_handle_id (&self->check_source, g_source_remove);
  if (self->check_cancellable != NULL)
    {
      g_cancellable_cancel (self->check_cancellable);
      g_clear_object (&self->check_cancellable);
    }
  /* Results of checks under way are stale now. */
  self->check_serial++;
}

static SaveData *
save_prepare (AsSetFile  *self,
              GFile      *file,
              gboolean    force,
              GError    **error)
{
  GFile *target = file ? file : self->file;
  SaveData *data;
  gboolean same;

  if (target == NULL)
    {
      g_set_error_literal (error, AS_FILE_ERROR, AS_FILE_ERROR_NO_FILE,
                           _("The set has no file yet: choose where to save it"));
      return NULL;
    }
  if (self->saving > 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PENDING,
                           _("The set is being saved already"));
      return NULL;
    }

  data = g_new0 (SaveData, 1);
  data->file = g_object_ref (target);
  data->path = g_file_get_path (target);
  if (data->path == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (target);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("%s: only files on this computer or a mounted share can be saved"), name);
      save_data_free (data);
      return NULL;
    }

  same = self->file != NULL && g_file_equal (target, self->file);
  if (same && self->read_only)
    {
      g_autofree char *reason = NULL;

      /* The file may have been made writable since it was opened. */
      if (!check_writable (data->path, &reason))
        {
          g_autofree char *name = display_name (data->path);

          g_set_error (error, AS_FILE_ERROR, AS_FILE_ERROR_READ_ONLY,
                       _("%s: the file is read-only (%s); save a copy elsewhere"), name, reason);
          save_data_free (data);
          return NULL;
        }
      set_read_only (self, FALSE);
    }

  data->same_file = same;
  data->bytes = as_format_write (self->set);
  data->n_edits = self->n_edits;
  data->expected_size = self->size;
  data->expected_identity = self->identity;
  /* Save As onto another existing file replaces it: the user chose to. */
  if (same && !force)
    data->expected_hash = g_strdup (self->hash);

  self->saving++;
  stop_check (self);
  return data;
}

static void
save_succeeded (AsSetFile *self,
                SaveData  *data)
{
  gboolean covered = data->n_edits == self->n_edits;

  self->saving--;
  g_free (self->hash);
  self->hash = g_steal_pointer (&data->hash);
  self->size = g_bytes_get_size (data->bytes);
  self->identity = data->identity;

  /* The journal goes first when it holds nothing more than the file now
   * does, so that the new name and hash do not start a fresh one. */
  if (covered)
    as_journal_reset (self->journal);
  as_journal_set_file (self->journal, data->file);
  as_journal_set_hash (self->journal, self->hash);

  set_file (self, data->file);
  set_read_only (self, FALSE);
  set_changed_on_disk (self, FALSE);
  set_migrated (self, FALSE);

  /* Edits made while an async save ran are not in the file. */
  if (covered)
    as_undo_stack_mark_clean (undo_stack (self));

  if (self->check_after_save)
    {
      self->check_after_save = FALSE;
      schedule_check (self);
    }
}

static void
save_failed (AsSetFile    *self,
             SaveData     *data,
             const GError *error)
{
  self->saving--;
  if (data->same_file && g_error_matches (error, AS_FILE_ERROR, AS_FILE_ERROR_CHANGED))
    set_changed_on_disk (self, TRUE);
  if (data->same_file && g_error_matches (error, AS_FILE_ERROR, AS_FILE_ERROR_READ_ONLY))
    set_read_only (self, TRUE);
  if (self->check_after_save)
    {
      self->check_after_save = FALSE;
      schedule_check (self);
    }
}

/* Callbacks */

static void
on_edited (AsSet     *set,
           AsEdit    *edit,
           AsSetFile *self)
{
  self->n_edits++;
}

static void
on_modified_changed (AsUndoStack *undo,
                     GParamSpec  *pspec,
                     AsSetFile   *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  CheckData *data = task_data;

  data->state = compare_disk (data->path, data->hash, data->size, &data->identity, NULL);
  data->read_only = !check_writable (data->path, NULL);
  g_task_return_boolean (task, TRUE);
}

static void
check_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  AsSetFile *self = AS_SET_FILE (source);
  CheckData *data = g_task_get_task_data (G_TASK (result));

  if (g_task_had_error (G_TASK (result)) || data->serial != self->check_serial || self->saving > 0)
    return;
  g_clear_object (&self->check_cancellable);
  if (data->state == DISK_SAME)
    self->identity = data->identity;
  set_changed_on_disk (self, data->state != DISK_SAME);
  set_read_only (self, data->read_only);
}

static gboolean
on_check_timeout (gpointer user_data)
{
  AsSetFile *self = user_data;
  g_autoptr(GTask) task = NULL;
  CheckData *data;

  self->check_source = 0;
  if (self->file == NULL)
    return G_SOURCE_REMOVE;

  if (self->check_cancellable != NULL)
    g_cancellable_cancel (self->check_cancellable);
  g_clear_object (&self->check_cancellable);
  self->check_cancellable = g_cancellable_new ();

  data = g_new0 (CheckData, 1);
  data->path = g_file_get_path (self->file);
  data->hash = g_strdup (self->hash);
  data->size = self->size;
  data->identity = self->identity;
  data->serial = ++self->check_serial;

  /* Hashing a large file would stall the window: it runs in a thread. */
  task = g_task_new (self, self->check_cancellable, check_done, NULL);
  g_task_set_source_tag (task, on_check_timeout);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_set_task_data (task, data, check_data_free);
  g_task_run_in_thread (task, check_thread);
  return G_SOURCE_REMOVE;
}

static void
schedule_check (AsSetFile *self)
{
  /* Our own save makes the monitor speak too; after it the hash is ours,
   * so the check waits for it to end. */
  if (self->saving > 0)
    {
      self->check_after_save = TRUE;
      return;
    }
  if (self->check_source != 0)
    return;
  self->check_source = g_timeout_add (CHECK_DELAY_MS, on_check_timeout, self);
  g_source_set_name_by_id (self->check_source, "[action-set] check file");
}

static void
on_monitor_changed (GFileMonitor      *monitor,
                    GFile             *file,
                    GFile             *other_file,
                    GFileMonitorEvent  event,
                    AsSetFile         *self)
{
  schedule_check (self);
}

static void
start_monitor (AsSetFile *self)
{
  g_autoptr(GError) error = NULL;

  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  if (self->file == NULL)
    return;

  self->monitor = g_file_monitor_file (self->file, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (self->monitor == NULL)
    {
      g_debug ("Cannot watch %s: %s", g_file_peek_path (self->file), error->message);
      return;
    }
  g_signal_connect (self->monitor, "changed", G_CALLBACK (on_monitor_changed), self);
}

/* GObject overrides */

static void
as_set_file_dispose (GObject *object)
{
  AsSetFile *self = AS_SET_FILE (object);

  stop_check (self);
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  if (self->set != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->set, self);
      if (undo_stack (self) != NULL)
        g_signal_handlers_disconnect_by_data (undo_stack (self), self);
    }
  /* Freed, not discarded: the journal stays behind for the next start. */
  g_clear_object (&self->journal);
  g_clear_object (&self->set);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (as_set_file_parent_class)->dispose (object);
}

static void
as_set_file_finalize (GObject *object)
{
  AsSetFile *self = AS_SET_FILE (object);

  g_free (self->hash);

  G_OBJECT_CLASS (as_set_file_parent_class)->finalize (object);
}

static void
as_set_file_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  AsSetFile *self = AS_SET_FILE (object);

  switch (prop_id)
    {
    case PROP_SET:
      g_value_set_object (value, self->set);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_TITLE:
      g_value_take_string (value, as_set_file_dup_title (self));
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, as_set_file_get_modified (self));
      break;
    case PROP_CHANGED_ON_DISK:
      g_value_set_boolean (value, self->changed_on_disk);
      break;
    case PROP_MIGRATED:
      g_value_set_boolean (value, self->migrated);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
as_set_file_class_init (AsSetFileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = as_set_file_dispose;
  object_class->finalize = as_set_file_finalize;
  object_class->get_property = as_set_file_get_property;

  properties[PROP_SET] = g_param_spec_object ("set", NULL, NULL, AS_TYPE_SET, flags);
  properties[PROP_FILE] = g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_READ_ONLY] = g_param_spec_boolean ("read-only", NULL, NULL, FALSE, flags);
  properties[PROP_MODIFIED] = g_param_spec_boolean ("modified", NULL, NULL, FALSE, flags);
  properties[PROP_CHANGED_ON_DISK] =
    g_param_spec_boolean ("changed-on-disk", NULL, NULL, FALSE, flags);
  properties[PROP_MIGRATED] = g_param_spec_boolean ("migrated", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
as_set_file_init (AsSetFile *self)
{
  self->size = -1;
}

/* Every constructor ends here, on the main thread. */
static AsSetFile *
set_file_new (AsSet              *set,
              GFile              *file,
              const char         *hash,
              gint64              size,
              const FileIdentity *identity,
              gboolean            read_only,
              gboolean            migrated)
{
  AsSetFile *self = g_object_new (AS_TYPE_SET_FILE, NULL);

  if (!as_entity_is_document (AS_ENTITY (set)))
    {
      g_autoptr(AsUndoStack) undo = as_undo_stack_new ();
      as_entity_make_document (AS_ENTITY (set), undo);
    }

  self->set = g_object_ref (set);
  self->file = file ? g_object_ref (file) : NULL;
  self->hash = g_strdup (hash);
  self->size = size;
  if (identity != NULL)
    self->identity = *identity;
  self->read_only = read_only;
  self->migrated = migrated;

  g_signal_connect (set, "edited", G_CALLBACK (on_edited), self);
  g_signal_connect (undo_stack (self), "notify::modified", G_CALLBACK (on_modified_changed), self);

  self->journal = as_journal_new (set, file);
  as_journal_set_hash (self->journal, hash);
  start_monitor (self);
  return self;
}

static AsSetFile *
set_file_new_loaded (LoadData *data)
{
  return set_file_new (data->set, data->file, data->hash, data->size, &data->identity,
                       data->read_only, data->migrated);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;

  if (!load_run (task_data, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;

  if (!save_run (task_data, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
save_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  AsSetFile *self = AS_SET_FILE (source);
  g_autoptr(GTask) outer = user_data;
  SaveData *data = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      save_succeeded (self, data);
      g_task_return_boolean (outer, TRUE);
    }
  else
    {
      save_failed (self, data, error);
      g_task_return_error (outer, error);
    }
}

/* Public API */

char *
as_content_hash (GBytes *bytes)
{
  g_return_val_if_fail (bytes != NULL, NULL);

  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

/* Writes the file as as_write_file_atomically describes, and sets identity
 * (when not NULL) to that of the file written, as it is in place. */
static gboolean
write_file_atomically (const char    *path,
                       GBytes        *bytes,
                       FileIdentity  *identity,
                       GError       **error)
{
  g_autofree char *real = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp = NULL;
  g_autoptr(GOutputStream) stream = NULL;
  g_autoptr(GError) write_error = NULL;
  const guint8 *data;
  gsize length;
  struct stat st, written;
  gboolean exists;
  int fd, saved_errno;

  if (identity != NULL)
    identity->known = FALSE;

  real = resolve_path (path);
  folder = g_path_get_dirname (real);
  base = g_path_get_basename (real);

  exists = stat (real, &st) == 0;
  if (exists && !check_regular (&st, path, error))
    return FALSE;

  /* Created as the file itself would be (0666 less the umask); the mode of
   * an existing file is copied onto it below. */
  tmp = g_strdup_printf ("%s%c.%s.XXXXXX", folder, G_DIR_SEPARATOR, base);
  fd = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      set_errno_error (error, errno, path, _("cannot create a temporary file in its folder"));
      return FALSE;
    }

  if (exists)
    {
      /* The owner first: changing it clears the set-id bits of the mode. */
      if ((st.st_uid != geteuid () || st.st_gid != getegid ()) &&
          fchown (fd, st.st_uid, st.st_gid) != 0 &&
          fchown (fd, (uid_t) -1, st.st_gid) != 0)
        g_debug ("Cannot keep the owner of %s: %s", path, g_strerror (errno));
      if (fchmod (fd, st.st_mode & 07777) != 0)
        goto failed;
    }

  data = g_bytes_get_data (bytes, &length);
  stream = g_unix_output_stream_new (fd, FALSE);
  if (!g_output_stream_write_all (stream, data, length, NULL, NULL, &write_error))
    {
      g_autofree char *name = display_name (path);

      close (fd);
      g_unlink (tmp);
      g_set_error (error, G_IO_ERROR, write_error->code, "%s: %s: %s",
                   name, _("could not save"), write_error->message);
      return FALSE;
    }
  if (fsync (fd) != 0 || fstat (fd, &written) != 0)
    goto failed;
  /* A network file system may report a failed write only now. */
  if (close (fd) != 0)
    {
      fd = -1;
      goto failed;
    }
  fd = -1;
  if (rename (tmp, real) != 0)
    goto failed;
  sync_folder (folder);

  /* The rename may have changed the file's ctime: it is looked at again in
   * its place, and taken only if it is still the file written. */
  if (identity != NULL && stat (real, &st) == 0 &&
      st.st_dev == written.st_dev && st.st_ino == written.st_ino && (gsize) st.st_size == length)
    identity_take (identity, &st);
  return TRUE;

failed:
  saved_errno = errno;
  if (fd >= 0)
    close (fd);
  g_unlink (tmp);
  set_errno_error (error, saved_errno, path, _("could not save"));
  return FALSE;
}

gboolean
as_write_file_atomically (const char  *path,
                          GBytes      *bytes,
                          GError     **error)
{
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  return write_file_atomically (path, bytes, NULL, error);
}

AsSetFile *
as_set_file_new (void)
{
  g_autoptr(AsSet) set = as_set_new_document ();

  return set_file_new (set, NULL, NULL, -1, NULL, FALSE, FALSE);
}

AsSetFile *
as_set_file_load (GFile         *file,
                  GCancellable  *cancellable,
                  GError       **error)
{
  LoadData *data;
  AsSetFile *self = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  data = g_new0 (LoadData, 1);
  data->file = g_object_ref (file);
  data->path = g_file_get_path (file);
  if (load_run (data, cancellable, error))
    self = set_file_new_loaded (data);
  load_data_free (data);
  return self;
}

void
as_set_file_load_async (GFile               *file,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_return_if_fail (G_IS_FILE (file));

  data = g_new0 (LoadData, 1);
  data->file = g_object_ref (file);
  data->path = g_file_get_path (file);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, as_set_file_load_async);
  g_task_set_task_data (task, data, load_data_free);
  g_task_run_in_thread (task, load_thread);
}

AsSetFile *
as_set_file_load_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == as_set_file_load_async, NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  return set_file_new_loaded (g_task_get_task_data (G_TASK (result)));
}

AsSetFile *
as_set_file_new_from_journal (const char  *journal_path,
                              GError     **error)
{
  g_autoptr(AsJournalEntry) entry = NULL;
  g_autoptr(AsSet) set = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) local = NULL;
  AsSetFile *self;
  gboolean read_only = FALSE;

  g_return_val_if_fail (journal_path != NULL, NULL);

  if ((entry = as_journal_read_entry (journal_path, error)) == NULL)
    return NULL;
  if ((set = as_journal_restore (journal_path, error)) == NULL)
    return NULL;

  if (entry->file_path != NULL)
    {
      file = g_file_new_for_path (entry->file_path);
      read_only = !check_writable (entry->file_path, NULL);
    }
  self = set_file_new (set, file, entry->hash, -1, NULL, read_only, FALSE);

  /* The old journal goes only once the new one holds everything; should
   * that fail, the old one stays to be offered again. */
  if (as_journal_flush (self->journal, &local))
    {
      if (!as_journal_delete (journal_path, &local))
        g_debug ("%s", local->message);
    }
  else
    g_debug ("Keeping %s: %s", journal_path, local->message);

  if (file != NULL)
    as_set_file_check_disk (self);
  return self;
}

AsSet *
as_set_file_get_set (AsSetFile *self)
{
  g_return_val_if_fail (AS_IS_SET_FILE (self), NULL);

  return self->set;
}

GFile *
as_set_file_get_file (AsSetFile *self)
{
  g_return_val_if_fail (AS_IS_SET_FILE (self), NULL);

  return self->file;
}

char *
as_set_file_dup_title (AsSetFile *self)
{
  g_autofree char *base = NULL;

  g_return_val_if_fail (AS_IS_SET_FILE (self), NULL);

  if (self->file == NULL || (base = g_file_get_basename (self->file)) == NULL)
    return g_strdup (_("Untitled set"));
  return g_filename_display_name (base);
}

gboolean
as_set_file_get_read_only (AsSetFile *self)
{
  g_return_val_if_fail (AS_IS_SET_FILE (self), FALSE);

  return self->read_only;
}

gboolean
as_set_file_get_modified (AsSetFile *self)
{
  g_return_val_if_fail (AS_IS_SET_FILE (self), FALSE);

  return self->set != NULL && as_undo_stack_get_modified (undo_stack (self));
}

gboolean
as_set_file_get_changed_on_disk (AsSetFile *self)
{
  g_return_val_if_fail (AS_IS_SET_FILE (self), FALSE);

  return self->changed_on_disk;
}

gboolean
as_set_file_get_migrated (AsSetFile *self)
{
  g_return_val_if_fail (AS_IS_SET_FILE (self), FALSE);

  return self->migrated;
}

AsJournal *
as_set_file_get_journal (AsSetFile *self)
{
  g_return_val_if_fail (AS_IS_SET_FILE (self), NULL);

  return self->journal;
}

const char *
as_set_file_get_content_hash (AsSetFile *self)
{
  g_return_val_if_fail (AS_IS_SET_FILE (self), NULL);

  return self->hash;
}

gboolean
as_set_file_save (AsSetFile     *self,
                  GFile         *file,
                  gboolean       force,
                  GCancellable  *cancellable,
                  GError       **error)
{
  SaveData *data;
  GError *local = NULL;
  gboolean ok;

  g_return_val_if_fail (AS_IS_SET_FILE (self), FALSE);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), FALSE);

  if ((data = save_prepare (self, file, force, error)) == NULL)
    return FALSE;

  ok = save_run (data, cancellable, &local);
  if (ok)
    save_succeeded (self, data);
  else
    {
      save_failed (self, data, local);
      g_propagate_error (error, local);
    }
  save_data_free (data);
  return ok;
}

void
as_set_file_save_async (AsSetFile           *self,
                        GFile               *file,
                        gboolean             force,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) outer = NULL;
  g_autoptr(GTask) inner = NULL;
  GError *error = NULL;
  SaveData *data;

  g_return_if_fail (AS_IS_SET_FILE (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, as_set_file_save_async);

  if ((data = save_prepare (self, file, force, &error)) == NULL)
    {
      g_task_return_error (outer, error);
      return;
    }

  /* The inner task updates this object before the caller hears back. */
  inner = g_task_new (self, cancellable, save_done, g_steal_pointer (&outer));
  g_task_set_source_tag (inner, as_set_file_save_async);
  g_task_set_task_data (inner, data, save_data_free);
  g_task_run_in_thread (inner, save_thread);
}

gboolean
as_set_file_save_finish (AsSetFile     *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (AS_IS_SET_FILE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == as_set_file_save_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
as_set_file_check_disk (AsSetFile *self)
{
  g_autofree char *path = NULL;
  DiskState state;

  g_return_val_if_fail (AS_IS_SET_FILE (self), FALSE);

  if (self->file == NULL || self->saving > 0)
    return self->changed_on_disk;

  stop_check (self);
  path = g_file_get_path (self->file);
  state = compare_disk (path, self->hash, self->size, &self->identity, NULL);
  set_changed_on_disk (self, state != DISK_SAME);
  set_read_only (self, !check_writable (path, NULL));
  return self->changed_on_disk;
}
