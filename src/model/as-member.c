/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "as-member"

#include "config.h"

#include "as-member.h"

struct _AsMember
{
  AsEntity parent_instance;

  char *name;
  char *role;
  char *organisation;
  char *sponsor_name;
  char *sponsor_contact;
  char *challenge;
  char *colour;
  gboolean active;
};

G_DEFINE_FINAL_TYPE (AsMember, as_member, AS_TYPE_ENTITY)

enum {
  FIELD_NAME,
  FIELD_ROLE,
  FIELD_ORGANISATION,
  FIELD_SPONSOR_NAME,
  FIELD_SPONSOR_CONTACT,
  FIELD_CHALLENGE,
  FIELD_COLOUR,
  FIELD_ACTIVE,
  N_FIELDS
};

static const AsField fields[] = {
  [FIELD_NAME] = AS_FIELD_STR ("name", "name", AsMember, name, AS_FIELD_REQUIRED),
  [FIELD_ROLE] = AS_FIELD_STR ("role", "role", AsMember, role, 0),
  [FIELD_ORGANISATION] = AS_FIELD_STR ("organisation", "organisation", AsMember, organisation, 0),
  [FIELD_SPONSOR_NAME] = AS_FIELD_STR ("sponsor-name", "sponsor_name", AsMember, sponsor_name, 0),
  [FIELD_SPONSOR_CONTACT] = AS_FIELD_STR ("sponsor-contact", "sponsor_contact", AsMember, sponsor_contact, 0),
  [FIELD_CHALLENGE] = AS_FIELD_TXT ("challenge", "challenge", AsMember, challenge, 0),
  [FIELD_COLOUR] = AS_FIELD_COLOUR ("colour", "colour", AsMember, colour, 0),
  [FIELD_ACTIVE] = AS_FIELD_BOOL ("active", "active", AsMember, active, 0, TRUE),
};
G_STATIC_ASSERT (G_N_ELEMENTS (fields) == N_FIELDS);

static void
as_member_class_init (AsMemberClass *klass)
{
  as_entity_class_set_fields (AS_ENTITY_CLASS (klass), "member",
                              fields, N_FIELDS,
                              NULL, 0);
}

static void
as_member_init (AsMember *self)
{
}

AsMember *
as_member_new (void)
{
  return g_object_new (AS_TYPE_MEMBER, NULL);
}

const char *
as_member_get_name (AsMember *self)
{
  g_return_val_if_fail (AS_IS_MEMBER (self), NULL);
  return self->name;
}

void
as_member_set_name (AsMember *self,
                    const char *name)
{
  g_return_if_fail (AS_IS_MEMBER (self));
  g_object_set (self, fields[FIELD_NAME].name, name, NULL);
}

const char *
as_member_get_role (AsMember *self)
{
  g_return_val_if_fail (AS_IS_MEMBER (self), NULL);
  return self->role;
}

void
as_member_set_role (AsMember *self,
                    const char *role)
{
  g_return_if_fail (AS_IS_MEMBER (self));
  g_object_set (self, fields[FIELD_ROLE].name, role, NULL);
}

const char *
as_member_get_organisation (AsMember *self)
{
  g_return_val_if_fail (AS_IS_MEMBER (self), NULL);
  return self->organisation;
}

void
as_member_set_organisation (AsMember *self,
                            const char *organisation)
{
  g_return_if_fail (AS_IS_MEMBER (self));
  g_object_set (self, fields[FIELD_ORGANISATION].name, organisation, NULL);
}

const char *
as_member_get_sponsor_name (AsMember *self)
{
  g_return_val_if_fail (AS_IS_MEMBER (self), NULL);
  return self->sponsor_name;
}

void
as_member_set_sponsor_name (AsMember *self,
                            const char *sponsor_name)
{
  g_return_if_fail (AS_IS_MEMBER (self));
  g_object_set (self, fields[FIELD_SPONSOR_NAME].name, sponsor_name, NULL);
}

const char *
as_member_get_sponsor_contact (AsMember *self)
{
  g_return_val_if_fail (AS_IS_MEMBER (self), NULL);
  return self->sponsor_contact;
}

void
as_member_set_sponsor_contact (AsMember *self,
                               const char *sponsor_contact)
{
  g_return_if_fail (AS_IS_MEMBER (self));
  g_object_set (self, fields[FIELD_SPONSOR_CONTACT].name, sponsor_contact, NULL);
}

const char *
as_member_get_challenge (AsMember *self)
{
  g_return_val_if_fail (AS_IS_MEMBER (self), NULL);
  return self->challenge;
}

void
as_member_set_challenge (AsMember *self,
                         const char *challenge)
{
  g_return_if_fail (AS_IS_MEMBER (self));
  g_object_set (self, fields[FIELD_CHALLENGE].name, challenge, NULL);
}

const char *
as_member_get_colour (AsMember *self)
{
  g_return_val_if_fail (AS_IS_MEMBER (self), NULL);
  return self->colour;
}

void
as_member_set_colour (AsMember *self,
                      const char *colour)
{
  g_return_if_fail (AS_IS_MEMBER (self));
  g_object_set (self, fields[FIELD_COLOUR].name, colour, NULL);
}

gboolean
as_member_get_active (AsMember *self)
{
  g_return_val_if_fail (AS_IS_MEMBER (self), 0);
  return self->active;
}

void
as_member_set_active (AsMember *self,
                      gboolean active)
{
  g_return_if_fail (AS_IS_MEMBER (self));
  g_object_set (self, fields[FIELD_ACTIVE].name, active, NULL);
}
