/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "as-status-change"

#include "config.h"

#include "as-status-change.h"

struct _AsStatusChange
{
  AsEntity parent_instance;

  GDateTime *at;
  int status;
  char *note;
};

G_DEFINE_FINAL_TYPE (AsStatusChange, as_status_change, AS_TYPE_ENTITY)

enum {
  FIELD_AT,
  FIELD_STATUS,
  FIELD_NOTE,
  N_FIELDS
};

static const AsField fields[] = {
  [FIELD_AT] = AS_FIELD_TIME ("at", "at", AsStatusChange, at, AS_FIELD_REQUIRED),
  [FIELD_STATUS] = AS_FIELD_ENUMV ("status", "status", AsStatusChange, status, AS_FIELD_REQUIRED, as_action_status_get_type, AS_ACTION_TODO),
  [FIELD_NOTE] = AS_FIELD_TXT ("note", "note", AsStatusChange, note, 0),
};
G_STATIC_ASSERT (G_N_ELEMENTS (fields) == N_FIELDS);

static void
as_status_change_class_init (AsStatusChangeClass *klass)
{
  as_entity_class_set_fields (AS_ENTITY_CLASS (klass), "status_change",
                              fields, N_FIELDS,
                              NULL, 0);
}

static void
as_status_change_init (AsStatusChange *self)
{
}

AsStatusChange *
as_status_change_new (void)
{
  return g_object_new (AS_TYPE_STATUS_CHANGE, NULL);
}

GDateTime *
as_status_change_get_at (AsStatusChange *self)
{
  g_return_val_if_fail (AS_IS_STATUS_CHANGE (self), NULL);
  return self->at;
}

void
as_status_change_set_at (AsStatusChange *self,
                         GDateTime *at)
{
  g_return_if_fail (AS_IS_STATUS_CHANGE (self));
  g_object_set (self, fields[FIELD_AT].name, at, NULL);
}

AsActionStatus
as_status_change_get_status (AsStatusChange *self)
{
  g_return_val_if_fail (AS_IS_STATUS_CHANGE (self), 0);
  return (AsActionStatus) self->status;
}

void
as_status_change_set_status (AsStatusChange *self,
                             AsActionStatus status)
{
  g_return_if_fail (AS_IS_STATUS_CHANGE (self));
  g_object_set (self, fields[FIELD_STATUS].name, status, NULL);
}

const char *
as_status_change_get_note (AsStatusChange *self)
{
  g_return_val_if_fail (AS_IS_STATUS_CHANGE (self), NULL);
  return self->note;
}

void
as_status_change_set_note (AsStatusChange *self,
                           const char *note)
{
  g_return_if_fail (AS_IS_STATUS_CHANGE (self));
  g_object_set (self, fields[FIELD_NOTE].name, note, NULL);
}
