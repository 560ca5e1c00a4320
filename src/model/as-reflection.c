/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "as-reflection"

#include "config.h"

#include "as-reflection.h"

struct _AsReflection
{
  AsEntity parent_instance;

  char *member;
  char *text;
  gboolean shareable;
};

G_DEFINE_FINAL_TYPE (AsReflection, as_reflection, AS_TYPE_ENTITY)

enum {
  FIELD_MEMBER,
  FIELD_TEXT,
  FIELD_SHAREABLE,
  N_FIELDS
};

static const AsField fields[] = {
  [FIELD_MEMBER] = AS_FIELD_REFERENCE ("member", "member", AsReflection, member, AS_FIELD_REQUIRED, "member"),
  [FIELD_TEXT] = AS_FIELD_TXT ("text", "text", AsReflection, text, 0),
  [FIELD_SHAREABLE] = AS_FIELD_BOOL ("shareable", "shareable", AsReflection, shareable, 0, FALSE),
};
G_STATIC_ASSERT (G_N_ELEMENTS (fields) == N_FIELDS);

static void
as_reflection_class_init (AsReflectionClass *klass)
{
  as_entity_class_set_fields (AS_ENTITY_CLASS (klass), "reflection",
                              fields, N_FIELDS,
                              NULL, 0);
}

static void
as_reflection_init (AsReflection *self)
{
}

AsReflection *
as_reflection_new (void)
{
  return g_object_new (AS_TYPE_REFLECTION, NULL);
}

const char *
as_reflection_get_member (AsReflection *self)
{
  g_return_val_if_fail (AS_IS_REFLECTION (self), NULL);
  return self->member;
}

void
as_reflection_set_member (AsReflection *self,
                          const char *member)
{
  g_return_if_fail (AS_IS_REFLECTION (self));
  g_object_set (self, fields[FIELD_MEMBER].name, member, NULL);
}

const char *
as_reflection_get_text (AsReflection *self)
{
  g_return_val_if_fail (AS_IS_REFLECTION (self), NULL);
  return self->text;
}

void
as_reflection_set_text (AsReflection *self,
                        const char *text)
{
  g_return_if_fail (AS_IS_REFLECTION (self));
  g_object_set (self, fields[FIELD_TEXT].name, text, NULL);
}

gboolean
as_reflection_get_shareable (AsReflection *self)
{
  g_return_val_if_fail (AS_IS_REFLECTION (self), 0);
  return self->shareable;
}

void
as_reflection_set_shareable (AsReflection *self,
                             gboolean shareable)
{
  g_return_if_fail (AS_IS_REFLECTION (self));
  g_object_set (self, fields[FIELD_SHAREABLE].name, shareable, NULL);
}
