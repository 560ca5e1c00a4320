/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "as-step"

#include "config.h"

#include "as-step.h"

struct _AsStep
{
  AsEntity parent_instance;

  int kind;
  int budget_minutes;
  int elapsed_ms;
  GDateTime *running_since;
};

G_DEFINE_FINAL_TYPE (AsStep, as_step, AS_TYPE_ENTITY)

enum {
  FIELD_KIND,
  FIELD_BUDGET_MINUTES,
  FIELD_ELAPSED_MS,
  FIELD_RUNNING_SINCE,
  N_FIELDS
};

static const AsField fields[] = {
  [FIELD_KIND] = AS_FIELD_ENUMV ("kind", "kind", AsStep, kind, AS_FIELD_REQUIRED, as_step_kind_get_type, AS_STEP_REPORT_BACK),
  [FIELD_BUDGET_MINUTES] = AS_FIELD_NUM ("budget-minutes", "budget_minutes", AsStep, budget_minutes, 0, 0, 1440, 5),
  [FIELD_ELAPSED_MS] = AS_FIELD_NUM ("elapsed-ms", "elapsed_ms", AsStep, elapsed_ms, 0, 0, 86400000, 0),
  [FIELD_RUNNING_SINCE] = AS_FIELD_TIME ("running-since", "running_since", AsStep, running_since, 0),
};
G_STATIC_ASSERT (G_N_ELEMENTS (fields) == N_FIELDS);

static void
as_step_class_init (AsStepClass *klass)
{
  as_entity_class_set_fields (AS_ENTITY_CLASS (klass), "step",
                              fields, N_FIELDS,
                              NULL, 0);
}

static void
as_step_init (AsStep *self)
{
}

AsStep *
as_step_new (void)
{
  return g_object_new (AS_TYPE_STEP, NULL);
}

AsStepKind
as_step_get_kind (AsStep *self)
{
  g_return_val_if_fail (AS_IS_STEP (self), 0);
  return (AsStepKind) self->kind;
}

void
as_step_set_kind (AsStep *self,
                  AsStepKind kind)
{
  g_return_if_fail (AS_IS_STEP (self));
  g_object_set (self, fields[FIELD_KIND].name, kind, NULL);
}

int
as_step_get_budget_minutes (AsStep *self)
{
  g_return_val_if_fail (AS_IS_STEP (self), 0);
  return self->budget_minutes;
}

void
as_step_set_budget_minutes (AsStep *self,
                            int budget_minutes)
{
  g_return_if_fail (AS_IS_STEP (self));
  g_object_set (self, fields[FIELD_BUDGET_MINUTES].name, budget_minutes, NULL);
}

int
as_step_get_elapsed_ms (AsStep *self)
{
  g_return_val_if_fail (AS_IS_STEP (self), 0);
  return self->elapsed_ms;
}

void
as_step_set_elapsed_ms (AsStep *self,
                        int elapsed_ms)
{
  g_return_if_fail (AS_IS_STEP (self));
  g_object_set (self, fields[FIELD_ELAPSED_MS].name, elapsed_ms, NULL);
}

GDateTime *
as_step_get_running_since (AsStep *self)
{
  g_return_val_if_fail (AS_IS_STEP (self), NULL);
  return self->running_since;
}

void
as_step_set_running_since (AsStep *self,
                           GDateTime *running_since)
{
  g_return_if_fail (AS_IS_STEP (self));
  g_object_set (self, fields[FIELD_RUNNING_SINCE].name, running_since, NULL);
}
