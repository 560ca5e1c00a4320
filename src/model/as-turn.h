/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "as-entity.h"
#include "as-enums.h"

G_BEGIN_DECLS

#define AS_TYPE_TURN (as_turn_get_type ())
G_DECLARE_FINAL_TYPE (AsTurn, as_turn, AS, TURN, AsEntity)

AsTurn     *as_turn_new             (void);
const char *as_turn_get_member      (AsTurn *self);
void        as_turn_set_member      (AsTurn *self, const char *member);
GDateTime  *as_turn_get_start       (AsTurn *self);
void        as_turn_set_start       (AsTurn *self, GDateTime *start);
int         as_turn_get_duration_ms (AsTurn *self);
void        as_turn_set_duration_ms (AsTurn *self, int duration_ms);
const char *as_turn_get_round       (AsTurn *self);
void        as_turn_set_round       (AsTurn *self, const char *round);
const char *as_turn_get_step        (AsTurn *self);
void        as_turn_set_step        (AsTurn *self, const char *step);

G_END_DECLS
