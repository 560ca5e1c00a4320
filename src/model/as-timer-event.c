/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "as-timer-event"

#include "config.h"

#include "as-timer-event.h"

struct _AsTimerEvent
{
  AsEntity parent_instance;

  int kind;
  GDateTime *at;
  char *round;
  char *step;
};

G_DEFINE_FINAL_TYPE (AsTimerEvent, as_timer_event, AS_TYPE_ENTITY)

enum {
  FIELD_KIND,
  FIELD_AT,
  FIELD_ROUND,
  FIELD_STEP,
  N_FIELDS
};

static const AsField fields[] = {
  [FIELD_KIND] = AS_FIELD_ENUMV ("kind", "kind", AsTimerEvent, kind, AS_FIELD_REQUIRED, as_timer_event_kind_get_type, AS_TIMER_START),
  [FIELD_AT] = AS_FIELD_TIME ("at", "at", AsTimerEvent, at, AS_FIELD_REQUIRED),
  [FIELD_ROUND] = AS_FIELD_REFERENCE ("round", "round", AsTimerEvent, round, 0, "round"),
  [FIELD_STEP] = AS_FIELD_REFERENCE ("step", "step", AsTimerEvent, step, 0, "step"),
};
G_STATIC_ASSERT (G_N_ELEMENTS (fields) == N_FIELDS);

static void
as_timer_event_class_init (AsTimerEventClass *klass)
{
  as_entity_class_set_fields (AS_ENTITY_CLASS (klass), "timer_event",
                              fields, N_FIELDS,
                              NULL, 0);
}

static void
as_timer_event_init (AsTimerEvent *self)
{
}

AsTimerEvent *
as_timer_event_new (void)
{
  return g_object_new (AS_TYPE_TIMER_EVENT, NULL);
}

AsTimerEventKind
as_timer_event_get_kind (AsTimerEvent *self)
{
  g_return_val_if_fail (AS_IS_TIMER_EVENT (self), 0);
  return (AsTimerEventKind) self->kind;
}

void
as_timer_event_set_kind (AsTimerEvent *self,
                         AsTimerEventKind kind)
{
  g_return_if_fail (AS_IS_TIMER_EVENT (self));
  g_object_set (self, fields[FIELD_KIND].name, kind, NULL);
}

GDateTime *
as_timer_event_get_at (AsTimerEvent *self)
{
  g_return_val_if_fail (AS_IS_TIMER_EVENT (self), NULL);
  return self->at;
}

void
as_timer_event_set_at (AsTimerEvent *self,
                       GDateTime *at)
{
  g_return_if_fail (AS_IS_TIMER_EVENT (self));
  g_object_set (self, fields[FIELD_AT].name, at, NULL);
}

const char *
as_timer_event_get_round (AsTimerEvent *self)
{
  g_return_val_if_fail (AS_IS_TIMER_EVENT (self), NULL);
  return self->round;
}

void
as_timer_event_set_round (AsTimerEvent *self,
                          const char *round)
{
  g_return_if_fail (AS_IS_TIMER_EVENT (self));
  g_object_set (self, fields[FIELD_ROUND].name, round, NULL);
}

const char *
as_timer_event_get_step (AsTimerEvent *self)
{
  g_return_val_if_fail (AS_IS_TIMER_EVENT (self), NULL);
  return self->step;
}

void
as_timer_event_set_step (AsTimerEvent *self,
                         const char *step)
{
  g_return_if_fail (AS_IS_TIMER_EVENT (self));
  g_object_set (self, fields[FIELD_STEP].name, step, NULL);
}
