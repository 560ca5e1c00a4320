/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Validation of set files for `action-set --check FILE…`, without a window.
 *
 * Each file is checked as the app would load it, and every problem found
 * is written to out as one line:
 *
 *   FILE: $.json.path: message      a problem inside the document
 *   FILE: message                   the file itself (missing, a folder, a
 *                                   FIFO or device, unreadable, too large)
 *
 * FILE is the path as given (shown in UTF-8 even when the file name is not).
 * Messages are translated. Nothing is written for a valid file. Control
 * characters that a hostile file could smuggle into a message (line breaks,
 * terminal escape sequences) are written as escapes such as "\u001b", so
 * each problem stays one line and the terminal is left alone; a very long
 * line is shortened.
 *
 * Only regular files are read: the type and size are checked with stat()
 * before the file is opened, so a FIFO is never opened and nothing blocks,
 * and again on the opened file, in case it was replaced in between. A file
 * over AS_MAX_FILE_SIZE is refused without reading it.
 */

/* Checks one file, appending its problems to out. Returns TRUE when it is a
 * valid set file. */
gboolean  as_check_file   (const char         *path,
                           GString            *out);

/* Checks each file of a NULL-terminated list, in order, appending all their
 * problems to out. Returns the exit status for the command line: 0 when
 * every file is valid (or the list is empty), 1 otherwise. */
int       as_check_files  (const char * const *paths,
                           GString            *out);

G_END_DECLS
