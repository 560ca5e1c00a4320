/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "as-turn"

#include "config.h"

#include "as-turn.h"

struct _AsTurn
{
  AsEntity parent_instance;

  char *member;
  GDateTime *start;
  int duration_ms;
  char *round;
  char *step;
};

G_DEFINE_FINAL_TYPE (AsTurn, as_turn, AS_TYPE_ENTITY)

enum {
  FIELD_MEMBER,
  FIELD_START,
  FIELD_DURATION_MS,
  FIELD_ROUND,
  FIELD_STEP,
  N_FIELDS
};

static const AsField fields[] = {
  [FIELD_MEMBER] = AS_FIELD_REFERENCE ("member", "member", AsTurn, member, AS_FIELD_REQUIRED, "member"),
  [FIELD_START] = AS_FIELD_TIME ("start", "start", AsTurn, start, AS_FIELD_REQUIRED),
  [FIELD_DURATION_MS] = AS_FIELD_NUM ("duration-ms", "duration_ms", AsTurn, duration_ms, 0, 0, 86400000, 0),
  [FIELD_ROUND] = AS_FIELD_REFERENCE ("round", "round", AsTurn, round, 0, "round"),
  [FIELD_STEP] = AS_FIELD_REFERENCE ("step", "step", AsTurn, step, 0, "step"),
};
G_STATIC_ASSERT (G_N_ELEMENTS (fields) == N_FIELDS);

static void
as_turn_class_init (AsTurnClass *klass)
{
  as_entity_class_set_fields (AS_ENTITY_CLASS (klass), "turn",
                              fields, N_FIELDS,
                              NULL, 0);
}

static void
as_turn_init (AsTurn *self)
{
}

AsTurn *
as_turn_new (void)
{
  return g_object_new (AS_TYPE_TURN, NULL);
}

const char *
as_turn_get_member (AsTurn *self)
{
  g_return_val_if_fail (AS_IS_TURN (self), NULL);
  return self->member;
}

void
as_turn_set_member (AsTurn *self,
                    const char *member)
{
  g_return_if_fail (AS_IS_TURN (self));
  g_object_set (self, fields[FIELD_MEMBER].name, member, NULL);
}

GDateTime *
as_turn_get_start (AsTurn *self)
{
  g_return_val_if_fail (AS_IS_TURN (self), NULL);
  return self->start;
}

void
as_turn_set_start (AsTurn *self,
                   GDateTime *start)
{
  g_return_if_fail (AS_IS_TURN (self));
  g_object_set (self, fields[FIELD_START].name, start, NULL);
}

int
as_turn_get_duration_ms (AsTurn *self)
{
  g_return_val_if_fail (AS_IS_TURN (self), 0);
  return self->duration_ms;
}

void
as_turn_set_duration_ms (AsTurn *self,
                         int duration_ms)
{
  g_return_if_fail (AS_IS_TURN (self));
  g_object_set (self, fields[FIELD_DURATION_MS].name, duration_ms, NULL);
}

const char *
as_turn_get_round (AsTurn *self)
{
  g_return_val_if_fail (AS_IS_TURN (self), NULL);
  return self->round;
}

void
as_turn_set_round (AsTurn *self,
                   const char *round)
{
  g_return_if_fail (AS_IS_TURN (self));
  g_object_set (self, fields[FIELD_ROUND].name, round, NULL);
}

const char *
as_turn_get_step (AsTurn *self)
{
  g_return_val_if_fail (AS_IS_TURN (self), NULL);
  return self->step;
}

void
as_turn_set_step (AsTurn *self,
                  const char *step)
{
  g_return_if_fail (AS_IS_TURN (self));
  g_object_set (self, fields[FIELD_STEP].name, step, NULL);
}
