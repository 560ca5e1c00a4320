/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "as-entity.h"
#include "as-enums.h"

G_BEGIN_DECLS

#define AS_TYPE_REFLECTION (as_reflection_get_type ())
G_DECLARE_FINAL_TYPE (AsReflection, as_reflection, AS, REFLECTION, AsEntity)

AsReflection *as_reflection_new           (void);
const char   *as_reflection_get_member    (AsReflection *self);
void          as_reflection_set_member    (AsReflection *self, const char *member);
const char   *as_reflection_get_text      (AsReflection *self);
void          as_reflection_set_text      (AsReflection *self, const char *text);
gboolean      as_reflection_get_shareable (AsReflection *self);
void          as_reflection_set_shareable (AsReflection *self, gboolean shareable);

G_END_DECLS
