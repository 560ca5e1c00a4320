/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "as-entity.h"
#include "as-enums.h"

G_BEGIN_DECLS

#define AS_TYPE_STATUS_CHANGE (as_status_change_get_type ())
G_DECLARE_FINAL_TYPE (AsStatusChange, as_status_change, AS, STATUS_CHANGE, AsEntity)

AsStatusChange *as_status_change_new        (void);
GDateTime      *as_status_change_get_at     (AsStatusChange *self);
void            as_status_change_set_at     (AsStatusChange *self, GDateTime *at);
AsActionStatus  as_status_change_get_status (AsStatusChange *self);
void            as_status_change_set_status (AsStatusChange *self, AsActionStatus status);
const char     *as_status_change_get_note   (AsStatusChange *self);
void            as_status_change_set_note   (AsStatusChange *self, const char *note);

G_END_DECLS
