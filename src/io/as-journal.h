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
/* The file changed its name (Save As): later journals name the new one. */
void        as_journal_set_file         (AsJournal    *self,
                                         GFile        *file);
/* Writes out pending lines now and syncs. */
gboolean    as_journal_flush            (AsJournal    *self,
                                         GError      **error);
/* The set was saved: the journal is deleted and starts afresh. */
void        as_journal_reset            (AsJournal    *self);
/* The user closed the set and discarded its changes. */
void        as_journal_discard          (AsJournal    *self);
const char *as_journal_get_path         (AsJournal    *self);

/* A journal left behind by a run that did not close cleanly. */
typedef struct {
  char      *path;        /* of the journal */
  char      *file_path;   /* of the set file it belongs to, or NULL */
  char      *title;       /* the set's name */
  GDateTime *modified;    /* time of the last edit */
  guint      n_edits;
} AsJournalEntry;

void        as_journal_entry_free       (AsJournalEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AsJournalEntry, as_journal_entry_free)

/* Journals in the folder not held by a running instance (GPtrArray of
 * AsJournalEntry). */
GPtrArray  *as_journal_find_orphans     (void);
/* Rebuilds the set: the snapshot with every edit replayed. A damaged last
 * line (cut off by the crash) is ignored. The set is marked modified. */
AsSet      *as_journal_restore          (const char   *path,
                                         GError      **error);
gboolean    as_journal_delete           (const char   *path,
                                         GError      **error);

G_END_DECLS
