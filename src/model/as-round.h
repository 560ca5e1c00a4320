/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "as-entity.h"
#include "as-enums.h"

G_BEGIN_DECLS

#define AS_TYPE_ROUND (as_round_get_type ())
G_DECLARE_FINAL_TYPE (AsRound, as_round, AS, ROUND, AsEntity)

AsRound           *as_round_new                 (void);
const char        *as_round_get_presenter       (AsRound *self);
void               as_round_set_presenter       (AsRound *self, const char *presenter);
int                as_round_get_planned_minutes (AsRound *self);
void               as_round_set_planned_minutes (AsRound *self, int planned_minutes);
GListModel        *as_round_get_steps           (AsRound *self);
const AsChildList *as_round_list_steps          (void);

G_END_DECLS
