/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "as-entity.h"
#include "as-enums.h"

G_BEGIN_DECLS

#define AS_TYPE_TIMER_EVENT (as_timer_event_get_type ())
G_DECLARE_FINAL_TYPE (AsTimerEvent, as_timer_event, AS, TIMER_EVENT, AsEntity)

AsTimerEvent    *as_timer_event_new       (void);
AsTimerEventKind as_timer_event_get_kind  (AsTimerEvent *self);
void             as_timer_event_set_kind  (AsTimerEvent *self, AsTimerEventKind kind);
GDateTime       *as_timer_event_get_at    (AsTimerEvent *self);
void             as_timer_event_set_at    (AsTimerEvent *self, GDateTime *at);
const char      *as_timer_event_get_round (AsTimerEvent *self);
void             as_timer_event_set_round (AsTimerEvent *self, const char *round);
const char      *as_timer_event_get_step  (AsTimerEvent *self);
void             as_timer_event_set_step  (AsTimerEvent *self, const char *step);

G_END_DECLS
