/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define AS_TYPE_SETTINGS (as_settings_get_type ())
G_DECLARE_FINAL_TYPE (AsSettings, as_settings, AS, SETTINGS, GObject)

/*
 * The app's preferences as typed properties that widgets bind to and read,
 * one object for the whole app. They are kept in GSettings when the app's
 * schema is installed; without it (a build run in place without
 * GSETTINGS_SCHEMA_DIR) they work for the session, from the schema's
 * defaults, and nothing aborts.
 *
 * Properties: "sound-enabled", "monologue-cue",
 * "exclude-presenter-in-questions" (booleans), "projector-monitor" (a
 * string), named as the GSettings keys.
 */

AsSettings *as_settings_get_default               (void);
/* The GSettings behind it, for what is kept only there (the window's size,
 * the last folder); NULL without the schema. */
GSettings  *as_settings_get_gsettings             (AsSettings *self);

gboolean    as_settings_get_sound_enabled         (AsSettings *self);
gboolean    as_settings_get_monologue_cue         (AsSettings *self);
gboolean    as_settings_get_exclude_presenter     (AsSettings *self);
const char *as_settings_get_projector_monitor     (AsSettings *self);
void        as_settings_set_projector_monitor     (AsSettings *self,
                                                   const char *monitor);

/* A stateful action that shows and changes a boolean property, for menus
 * and switches. */
GAction    *as_settings_create_action             (AsSettings *self,
                                                   const char *key);

G_END_DECLS
