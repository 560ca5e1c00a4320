/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "as-set.h"

G_BEGIN_DECLS

/*
 * AsJournal keeps a private record (mode 0600, in the user's state folder) of
 * every edit of a set since it was last saved, so that after a crash or a
 * kill the next start can offer to restore it. The journal starts with a
 * snapshot of the set and the path and content hash of its file, then gets one
 * line per edit (the "edited" signal of the document), flushed and synced
 * within AS_JOURNAL_SYNC_MS. Saving the set ends the journal; closing the set
 * without saving discards it only when asked.
 *
 * The file is line-oriented JSON, written by the file format's writer: a
 * header
 *   {"journal":1,"file":path-or-null,"hash":sha256-or-null,"pid":…,"started":…,"title":…}
 * then the whole set (as a file holds it, on one line), taken at the first
 * edit with that edit in place, then one line per later edit:
 *   {"op":"set","id":…,"field":json_name,"value":…}
 *   {"op":"insert","parent":id,"list":name,"pos":n,"item":{entity}}
 *   {"op":"remove","parent":id,"list":name,"pos":n}
 *   {"op":"move","parent":id,"list":name,"from":n,"to":m}
 * A running instance holds an exclusive flock() on each journal it writes;
 * a journal that can be locked is an orphan.
 *
 * The journal is also deleted when the set returns to its saved state (undo
 * back to where it was saved): the file on disk then holds everything.
 */

#define AS_JOURNAL_SYNC_MS 500

#define AS_TYPE_JOURNAL (as_journal_get_type ())
G_DECLARE_FINAL_TYPE (AsJournal, as_journal, AS, JOURNAL, GObject)

/* The folder journals live in: $XDG_STATE_HOME/action-set/journal. Tests set
 * XDG_STATE_HOME. */
char       *as_journal_dup_folder       (void);

/* Starts journaling the edits of set, which belongs to file (NULL for a set
 * not yet saved). Nothing is written until the first edit. */
AsJournal  *as_journal_new              (AsSet        *set,
                                         GFile        *file);
/* The file changed its name (Save As): later journals name the new one. A
 * journal already written is started afresh with the new header. */
void        as_journal_set_file         (AsJournal    *self,
                                         GFile        *file);
/* The content hash of the file as read or saved, for the header, so that a
 * restored set can be checked against the file on disk. */
void        as_journal_set_hash         (AsJournal    *self,
                                         const char   *hash);
/* Writes out pending lines now and syncs. A set that is modified but has no
 * journal yet (a restored set, before its first edit) is written out whole. */
gboolean    as_journal_flush            (AsJournal    *self,
                                         GError      **error);
/* Lines have been written that are not yet synced to disk ("dirty"
 * property, notified). A sync follows within AS_JOURNAL_SYNC_MS. */
gboolean    as_journal_get_dirty        (AsJournal    *self);
/* The set was saved: the journal is deleted and starts afresh. */
void        as_journal_reset            (AsJournal    *self);
/* The user closed the set and discarded its changes. */
void        as_journal_discard          (AsJournal    *self);
/* The journal file, or NULL while there is none: before the first edit,
 * and after a save, a reset or a discard. */
const char *as_journal_get_path         (AsJournal    *self);

/* A journal left behind by a run that did not close cleanly. */
typedef struct {
  char      *path;        /* of the journal */
  char      *file_path;   /* of the set file it belongs to, or NULL */
  char      *title;       /* the set's name */
  GDateTime *modified;    /* time of the last edit */
  guint      n_edits;     /* the snapshot counts as the first */
  char      *hash;        /* content hash of the set file as read, or NULL */
} AsJournalEntry;

void        as_journal_entry_free       (AsJournalEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AsJournalEntry, as_journal_entry_free)

/* Journals in the folder not held by a running instance (GPtrArray of
 * AsJournalEntry). */
GPtrArray  *as_journal_find_orphans     (void);
/* Reads the header of one journal, whether held or not, and counts its
 * edits without reading them. */
AsJournalEntry *as_journal_read_entry   (const char   *path,
                                         GError      **error);
/* Rebuilds the set: the snapshot with every edit replayed. A damaged last
 * line (cut off by the crash) is ignored; any other bad line stops with an
 * error (G_IO_ERROR_INVALID_DATA) naming the journal and the line. The set is
 * a document, marked modified, with nothing to undo. */
AsSet      *as_journal_restore          (const char   *path,
                                         GError      **error);
/* The same from the bytes of a journal; name stands for the journal in
 * messages. */
AsSet      *as_journal_restore_bytes    (GBytes       *bytes,
                                         const char   *name,
                                         GError      **error);
/* Deletes a journal; refuses one held by a running instance. */
gboolean    as_journal_delete           (const char   *path,
                                         GError      **error);

G_END_DECLS
