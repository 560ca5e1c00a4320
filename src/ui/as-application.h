/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define AS_TYPE_APPLICATION (as_application_get_type ())
G_DECLARE_FINAL_TYPE (AsApplication, as_application, AS, APPLICATION, AdwApplication)

/*
 * The application: `action-set [FILE…]` opens each file in its own window
 * (reusing a window that shows only the welcome page), `action-set --check
 * FILE…` validates files without a display, and `--version` prints the
 * version. Its actions, in the "app" group: new, open, open-example, about,
 * shortcuts, quit and color-scheme. At start-up it offers to restore the
 * sets left behind by a run that did not close cleanly.
 */
AsApplication *as_application_new         (void);

/* Opens each file in its own window, as the command line does. */
void           as_application_open_files  (AsApplication  *self,
                                           GFile         **files,
                                           guint           n_files);

G_END_DECLS
