/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

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

AsSet      *as_set_file_get_set           (AsSetFile            *self);
GFile      *as_set_file_get_file          (AsSetFile            *self);
/* The file's base name, or "Untitled set" when it has no file. */
char       *as_set_file_dup_title         (AsSetFile            *self);
gboolean    as_set_file_get_read_only     (AsSetFile            *self);
/* The set has changes not yet saved (bound to the undo stack's "modified"). */
gboolean    as_set_file_get_modified      (AsSetFile            *self);
/* The file on disk no longer matches what was read or saved. */
gboolean    as_set_file_get_changed_on_disk (AsSetFile          *self);
/* The version the file was written in, when it was migrated on load. */
gboolean    as_set_file_get_migrated      (AsSetFile            *self);

/* Saves to the file it was read from (file NULL), or to a new file (Save As,
 * which then becomes the file). Refuses with AS_FILE_ERROR_CHANGED when the
 * file on disk changed since it was read, unless force is TRUE. */
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

/* Writes bytes to path atomically (temp file in the same folder, fsync,
 * rename, fsync of the folder), keeping the mode of an existing file. */
gboolean    as_write_file_atomically      (const char           *path,
                                           GBytes               *bytes,
                                           GError              **error);

/* A SHA-256 hex digest of bytes. */
char       *as_content_hash               (GBytes               *bytes);

G_END_DECLS
