/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "as-journal.h"
#include "as-set.h"

G_BEGIN_DECLS

/*
 * AsSetFile ties a set document to a file on disk. It reads the file
 * (refusing what is not a regular file, or too large, before reading it),
 * remembers the content hash of what it read, and saves by writing a
 * temporary file in the same folder, syncing it, renaming it over the
 * original and syncing the folder, keeping the original's permissions.
 * Before saving it compares the file on disk with what it read and refuses
 * with AS_FILE_ERROR_CHANGED rather than overwrite someone else's changes.
 * A file or folder that cannot be written makes it read-only.
 *
 * Each AsSetFile keeps its own crash journal (as_set_file_get_journal): it
 * records every edit from the first one after a load or save, is deleted by
 * a successful save, and stays behind when the object is freed without
 * as_journal_discard(), for the next start to offer (as_journal_find_orphans,
 * then as_set_file_new_from_journal). A GFileMonitor watches the file and
 * sets changed-on-disk when another program changes its bytes; our own saves
 * do not. Only local files (with a path) are supported.
 *
 * Loading and saving run their blocking work in a thread; the set is
 * serialized on the calling (main) thread before a save hands the bytes over,
 * and a loaded set is only handed to the main thread once it is complete.
 */

#define AS_FILE_ERROR (as_file_error_quark ())

typedef enum {
  AS_FILE_ERROR_NOT_REGULAR,   /* a folder, a FIFO, a device */
  AS_FILE_ERROR_TOO_LARGE,
  AS_FILE_ERROR_CHANGED,       /* changed on disk since it was read or saved */
  AS_FILE_ERROR_READ_ONLY,
  AS_FILE_ERROR_NO_FILE,       /* saving a set that has no file yet */
} AsFileError;

GQuark      as_file_error_quark (void);

#define AS_TYPE_SET_FILE (as_set_file_get_type ())
G_DECLARE_FINAL_TYPE (AsSetFile, as_set_file, AS, SET_FILE, GObject)

/* A new, empty set without a file. */
AsSetFile  *as_set_file_new               (void);
/* Loads synchronously; errors name the file: "FILE: $.path: message". */
AsSetFile  *as_set_file_load              (GFile                *file,
                                           GCancellable         *cancellable,
                                           GError              **error);
void        as_set_file_load_async        (GFile                *file,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
AsSetFile  *as_set_file_load_finish       (GAsyncResult         *result,
                                           GError              **error);
/* Restores a set from a crash journal (see as_journal_find_orphans): the set
 * is modified, belongs to the file the journal names and is compared with
 * the file as it was when the journal began, so that saving refuses to
 * overwrite changes made on disk since. Once the set's own journal is
 * written, the old journal is deleted. */
AsSetFile  *as_set_file_new_from_journal  (const char           *journal_path,
                                           GError              **error);

AsSet      *as_set_file_get_set           (AsSetFile            *self);
GFile      *as_set_file_get_file          (AsSetFile            *self);
/* The file's base name, or "Untitled set" when it has no file. */
char       *as_set_file_dup_title         (AsSetFile            *self);
gboolean    as_set_file_get_read_only     (AsSetFile            *self);
/* The set has changes not yet saved (bound to the undo stack's "modified"). */
gboolean    as_set_file_get_modified      (AsSetFile            *self);
/* The file on disk no longer matches what was read or saved. */
gboolean    as_set_file_get_changed_on_disk (AsSetFile          *self);
/* The file was written in an older format and migrated on load. */
gboolean    as_set_file_get_migrated      (AsSetFile            *self);
/* The crash journal of this set; owned by the file. */
AsJournal  *as_set_file_get_journal       (AsSetFile            *self);
/* The SHA-256 of the file as read or last saved, or NULL without a file. */
const char *as_set_file_get_content_hash  (AsSetFile            *self);

/* Saves to the file it was read from (file NULL), or to a new file (Save As,
 * which then becomes the file). Refuses with AS_FILE_ERROR_CHANGED when the
 * file on disk changed since it was read, unless force is TRUE, and with
 * AS_FILE_ERROR_READ_ONLY when the file or its folder cannot be written. On
 * any failure the file on disk is left as it was. A set edited while an
 * async save runs stays modified. One save at a time (G_IO_ERROR_PENDING). */
gboolean    as_set_file_save              (AsSetFile            *self,
                                           GFile                *file,
                                           gboolean              force,
                                           GCancellable         *cancellable,
                                           GError              **error);
void        as_set_file_save_async        (AsSetFile            *self,
                                           GFile                *file,
                                           gboolean              force,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
gboolean    as_set_file_save_finish       (AsSetFile            *self,
                                           GAsyncResult         *result,
                                           GError              **error);

/* Compares the file on disk with what was read or saved now, updating
 * changed-on-disk; the object also does this from a file monitor. */
gboolean    as_set_file_check_disk        (AsSetFile            *self);

/* Writes bytes to path atomically (temp file ".NAME.XXXXXX" in the same
 * folder, fsync, rename, fsync of the folder), keeping the mode of an
 * existing file; a symbolic link is followed, not replaced. On failure the
 * file is untouched and the temp file removed. Safe to call from a thread. */
gboolean    as_write_file_atomically      (const char           *path,
                                           GBytes               *bytes,
                                           GError              **error);

/* A SHA-256 hex digest of bytes. */
char       *as_content_hash               (GBytes               *bytes);

G_END_DECLS
