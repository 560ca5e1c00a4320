/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "as-entity.h"
#include "as-enums.h"

G_BEGIN_DECLS

#define AS_TYPE_MEMBER (as_member_get_type ())
G_DECLARE_FINAL_TYPE (AsMember, as_member, AS, MEMBER, AsEntity)

AsMember   *as_member_new                 (void);
const char *as_member_get_name            (AsMember *self);
void        as_member_set_name            (AsMember *self, const char *name);
const char *as_member_get_role            (AsMember *self);
void        as_member_set_role            (AsMember *self, const char *role);
const char *as_member_get_organisation    (AsMember *self);
void        as_member_set_organisation    (AsMember *self, const char *organisation);
const char *as_member_get_sponsor_name    (AsMember *self);
void        as_member_set_sponsor_name    (AsMember *self, const char *sponsor_name);
const char *as_member_get_sponsor_contact (AsMember *self);
void        as_member_set_sponsor_contact (AsMember *self, const char *sponsor_contact);
const char *as_member_get_challenge       (AsMember *self);
void        as_member_set_challenge       (AsMember *self, const char *challenge);
const char *as_member_get_colour          (AsMember *self);
void        as_member_set_colour          (AsMember *self, const char *colour);
gboolean    as_member_get_active          (AsMember *self);
void        as_member_set_active          (AsMember *self, gboolean active);

G_END_DECLS
