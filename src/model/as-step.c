/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "as-step"

#include "config.h"

#include "as-step.h"

struct _AsStep
{
  AsEntity parent_instance;

  int kind;
  int budget_minutes;
};

G_DEFINE_FINAL_TYPE (AsStep, as_step, AS_TYPE_ENTITY)

static const AsField fields[] = {
  AS_FIELD_ENUMV ("kind", "kind", AsStep, kind, AS_FIELD_REQUIRED, as_step_kind_get_type, AS_STEP_REPORT_BACK),
  AS_FIELD_NUM ("budget-minutes", "budget_minutes", AsStep, budget_minutes, 0, 0, 1440, 5),
};

enum {
  FIELD_KIND,
  FIELD_BUDGET_MINUTES,
};

static void
as_step_class_init (AsStepClass *klass)
{
  as_entity_class_set_fields (AS_ENTITY_CLASS (klass), "step",
                              fields, G_N_ELEMENTS (fields),
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
