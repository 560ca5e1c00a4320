/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "as-entity.h"
#include "as-enums.h"

G_BEGIN_DECLS

#define AS_TYPE_ACTION (as_action_get_type ())
G_DECLARE_FINAL_TYPE (AsAction, as_action, AS, ACTION, AsEntity)

AsAction          *as_action_new          (void);
const char        *as_action_get_owner    (AsAction *self);
void               as_action_set_owner    (AsAction *self, const char *owner);
const char        *as_action_get_text     (AsAction *self);
void               as_action_set_text     (AsAction *self, const char *text);
const char        *as_action_get_meeting  (AsAction *self);
void               as_action_set_meeting  (AsAction *self, const char *meeting);
const char        *as_action_get_round    (AsAction *self);
void               as_action_set_round    (AsAction *self, const char *round);
const char        *as_action_get_due      (AsAction *self);
void               as_action_set_due      (AsAction *self, const char *due);
AsActionStatus     as_action_get_status   (AsAction *self);
void               as_action_set_status   (AsAction *self, AsActionStatus status);
GListModel        *as_action_get_history  (AsAction *self);
const AsChildList *as_action_list_history (void);

/* Sets the status and records the change in the history, as one undo step. */
void               as_action_change_status      (AsAction *self, AsActionStatus status,
                                                 GDateTime *at, const char *note);

G_END_DECLS
