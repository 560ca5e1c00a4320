/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "as-ticker.h"

G_BEGIN_DECLS

#define AS_TYPE_PARTICIPATION_PANEL (as_participation_panel_get_type ())
G_DECLARE_FINAL_TYPE (AsParticipationPanel, as_participation_panel, AS, PARTICIPATION_PANEL,
                      GtkWidget)

/*
 * Who spoke how much: a tile per member (bound to a list of the members
 * shown) with their airtime, turns and share against the equal share, the
 * balance in words and who has not spoken yet, for this meeting or the
 * whole cycle. It observes the ticker's session. When interactive (the
 * facilitator's screen), it offers the choice of scope and of leaving the
 * presenter out, and activating a tile marks its member as speaking through
 * the "meeting.speaker-member" action; otherwise (the projected view) it
 * only shows.
 */

GtkWidget *as_participation_panel_new             (AsTicker             *ticker,
                                                   gboolean              interactive);
AsTicker  *as_participation_panel_get_ticker      (AsParticipationPanel *self);
void       as_participation_panel_set_ticker      (AsParticipationPanel *self,
                                                   AsTicker             *ticker);
gboolean   as_participation_panel_get_show_cycle  (AsParticipationPanel *self);
void       as_participation_panel_set_show_cycle  (AsParticipationPanel *self,
                                                   gboolean              show_cycle);
gboolean   as_participation_panel_get_interactive (AsParticipationPanel *self);
void       as_participation_panel_set_interactive (AsParticipationPanel *self,
                                                   gboolean              interactive);
/* The members shown, in order (AsMember), and the balance as it reads. */
GListModel *as_participation_panel_get_members    (AsParticipationPanel *self);
const char *as_participation_panel_get_balance_text (AsParticipationPanel *self);

G_END_DECLS
