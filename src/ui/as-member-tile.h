/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "as-member.h"

G_BEGIN_DECLS

#define AS_TYPE_MEMBER_TILE (as_member_tile_get_type ())
G_DECLARE_FINAL_TYPE (AsMemberTile, as_member_tile, AS, MEMBER_TILE, GtkWidget)

/*
 * One member on the live meeting screen: the number key that makes them
 * the speaker, their name and colour, their airtime, turns and share of the
 * airtime against the equal share, and cues that say in words what the
 * colours show: "Speaking", "Not spoken yet", a long turn.
 */

typedef struct {
  gint64   airtime_ms;
  guint    turns;
  double   share;         /* 0 to 1 */
  double   equal_share;   /* 0 to 1 */
  double   scale;         /* the share at the bars' full width */
  gboolean speaking;
  gboolean monologue;     /* the speaker's turn is past the set's threshold */
  gint64   turn_ms;       /* how long the speaker has been speaking */
  gboolean counted;       /* FALSE: left out of the figures (the presenter
                           * during questions) */
} AsMemberTileFigures;

GtkWidget  *as_member_tile_new              (void);
/* The member shown, and their key (1–9; 0 for none). The name and colour
 * are read again on every update, so that edits elsewhere show. */
void        as_member_tile_set_member       (AsMemberTile              *self,
                                             AsMember                  *member,
                                             guint                      number);
AsMember   *as_member_tile_get_member       (AsMemberTile              *self);
const char *as_member_tile_get_member_id    (AsMemberTile              *self);
guint       as_member_tile_get_number       (AsMemberTile              *self);
void        as_member_tile_update           (AsMemberTile              *self,
                                             const AsMemberTileFigures *figures);

/* Airtime to the minute and no clock of the turn, for the projected view:
 * the tile then changes once a minute rather than every second. */
void        as_member_tile_set_coarse       (AsMemberTile              *self,
                                             gboolean                   coarse);

/* What the tile shows, for tests and for the accessible name. */
const char *as_member_tile_get_airtime_text (AsMemberTile              *self);
const char *as_member_tile_get_turns_text   (AsMemberTile              *self);
const char *as_member_tile_get_cue_text     (AsMemberTile              *self);
gboolean    as_member_tile_get_speaking     (AsMemberTile              *self);
/* "Speaking" on the speaker's tile, "" on the others. */
const char *as_member_tile_get_badge_text   (AsMemberTile              *self);

G_END_DECLS
