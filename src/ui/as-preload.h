/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "as-file.h"

G_BEGIN_DECLS

/*
 * Loads of the files named on the command line, started before the
 * window that shows them exists: the set loads in a thread while GTK and
 * libadwaita start up, rather than after. as_preload_load_async() is
 * as_set_file_load_async() that takes over such a load of the same file
 * (once) instead of starting another. Main thread only.
 */

/* Starts loading file now, unless it is being loaded already. */
void       as_preload_start       (GFile                *file);
/* Forgets the loads started and not taken over: call it once whatever
 * could take them over has asked. */
void       as_preload_clear       (void);
void       as_preload_load_async  (GFile                *file,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data);
AsSetFile *as_preload_load_finish (GAsyncResult         *result,
                                   GError              **error);

G_END_DECLS
