/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "as-entity.h"
#include "as-enums.h"

G_BEGIN_DECLS

#define AS_TYPE_STEP (as_step_get_type ())
G_DECLARE_FINAL_TYPE (AsStep, as_step, AS, STEP, AsEntity)

AsStep    *as_step_new                (void);
AsStepKind as_step_get_kind           (AsStep *self);
void       as_step_set_kind           (AsStep *self, AsStepKind kind);
int        as_step_get_budget_minutes (AsStep *self);
void       as_step_set_budget_minutes (AsStep *self, int budget_minutes);

int as_step_get_elapsed_ms (AsStep *self);
void as_step_set_elapsed_ms (AsStep *self, int elapsed_ms);
GDateTime *as_step_get_running_since (AsStep *self);
void as_step_set_running_since (AsStep *self, GDateTime *running_since);

G_END_DECLS
