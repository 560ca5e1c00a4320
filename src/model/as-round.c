/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "as-round"

#include "config.h"

#include "as-round.h"
#include "as-step.h"

struct _AsRound
{
  AsEntity parent_instance;

  char *presenter;
  int planned_minutes;
  GListStore *steps;
};

G_DEFINE_FINAL_TYPE (AsRound, as_round, AS_TYPE_ENTITY)

enum {
  FIELD_PRESENTER,
  FIELD_PLANNED_MINUTES,
  N_FIELDS
};

enum {
  LIST_STEPS,
  N_LISTS
};

static const AsField fields[] = {
  [FIELD_PRESENTER] = AS_FIELD_REFERENCE ("presenter", "presenter", AsRound, presenter, AS_FIELD_REQUIRED, "member"),
  [FIELD_PLANNED_MINUTES] = AS_FIELD_NUM ("planned-minutes", "planned_minutes", AsRound, planned_minutes, 0, 0, 1440, 45),
};
G_STATIC_ASSERT (G_N_ELEMENTS (fields) == N_FIELDS);

static const AsChildList lists[] = {
  [LIST_STEPS] = AS_LIST ("steps", as_step_get_type, AsRound, steps, 16),
};
G_STATIC_ASSERT (G_N_ELEMENTS (lists) == N_LISTS);

static void
as_round_class_init (AsRoundClass *klass)
{
  as_entity_class_set_fields (AS_ENTITY_CLASS (klass), "round",
                              fields, N_FIELDS,
                              lists, N_LISTS);
}

static void
as_round_init (AsRound *self)
{
}

AsRound *
as_round_new (void)
{
  return g_object_new (AS_TYPE_ROUND, NULL);
}

const char *
as_round_get_presenter (AsRound *self)
{
  g_return_val_if_fail (AS_IS_ROUND (self), NULL);
  return self->presenter;
}

void
as_round_set_presenter (AsRound *self,
                        const char *presenter)
{
  g_return_if_fail (AS_IS_ROUND (self));
  g_object_set (self, fields[FIELD_PRESENTER].name, presenter, NULL);
}

int
as_round_get_planned_minutes (AsRound *self)
{
  g_return_val_if_fail (AS_IS_ROUND (self), 0);
  return self->planned_minutes;
}

void
as_round_set_planned_minutes (AsRound *self,
                              int planned_minutes)
{
  g_return_if_fail (AS_IS_ROUND (self));
  g_object_set (self, fields[FIELD_PLANNED_MINUTES].name, planned_minutes, NULL);
}

GListModel *
as_round_get_steps (AsRound *self)
{
  g_return_val_if_fail (AS_IS_ROUND (self), NULL);
  return G_LIST_MODEL (self->steps);
}

const AsChildList *
as_round_list_steps (void)
{
  return &lists[LIST_STEPS];
}
