/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "as-set"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "as-action.h"
#include "as-meeting-plan.h"
#include "as-meeting.h"
#include "as-member.h"
#include "as-round.h"
#include "as-set.h"
#include "as-step.h"
#include "as-undo-stack.h"

struct _AsSet
{
  AsEntity parent_instance;

  char *name;
  char *purpose;
  char *ground_rules;
  char *facilitator;
  int warning_seconds;
  int monologue_seconds;
  int report_back_minutes;
  int present_minutes;
  int questions_minutes;
  int reflect_minutes;
  int commit_minutes;
  GListStore *members;
  GListStore *meetings;
  GListStore *actions;
};

G_DEFINE_FINAL_TYPE (AsSet, as_set, AS_TYPE_ENTITY)

enum {
  FIELD_NAME,
  FIELD_PURPOSE,
  FIELD_GROUND_RULES,
  FIELD_FACILITATOR,
  FIELD_WARNING_SECONDS,
  FIELD_MONOLOGUE_SECONDS,
  FIELD_REPORT_BACK_MINUTES,
  FIELD_PRESENT_MINUTES,
  FIELD_QUESTIONS_MINUTES,
  FIELD_REFLECT_MINUTES,
  FIELD_COMMIT_MINUTES,
  N_FIELDS
};

enum {
  LIST_MEMBERS,
  LIST_MEETINGS,
  LIST_ACTIONS,
  N_LISTS
};

static const AsField fields[] = {
  [FIELD_NAME] = AS_FIELD_STR ("name", "name", AsSet, name, AS_FIELD_REQUIRED),
  [FIELD_PURPOSE] = AS_FIELD_TXT ("purpose", "purpose", AsSet, purpose, 0),
  [FIELD_GROUND_RULES] = AS_FIELD_TXT ("ground-rules", "ground_rules", AsSet, ground_rules, 0),
  [FIELD_FACILITATOR] = AS_FIELD_STR ("facilitator", "facilitator", AsSet, facilitator, 0),
  [FIELD_WARNING_SECONDS] = AS_FIELD_NUM ("warning-seconds", "warning_seconds", AsSet, warning_seconds, 0, 0, 3600, 120),
  [FIELD_MONOLOGUE_SECONDS] = AS_FIELD_NUM ("monologue-seconds", "monologue_seconds", AsSet, monologue_seconds, 0, 10, 3600, 120),
  [FIELD_REPORT_BACK_MINUTES] = AS_FIELD_NUM ("report-back-minutes", "report_back_minutes", AsSet, report_back_minutes, 0, 0, 240, 5),
  [FIELD_PRESENT_MINUTES] = AS_FIELD_NUM ("present-minutes", "present_minutes", AsSet, present_minutes, 0, 0, 240, 10),
  [FIELD_QUESTIONS_MINUTES] = AS_FIELD_NUM ("questions-minutes", "questions_minutes", AsSet, questions_minutes, 0, 0, 240, 20),
  [FIELD_REFLECT_MINUTES] = AS_FIELD_NUM ("reflect-minutes", "reflect_minutes", AsSet, reflect_minutes, 0, 0, 240, 5),
  [FIELD_COMMIT_MINUTES] = AS_FIELD_NUM ("commit-minutes", "commit_minutes", AsSet, commit_minutes, 0, 0, 240, 5),
};
G_STATIC_ASSERT (G_N_ELEMENTS (fields) == N_FIELDS);

static const AsChildList lists[] = {
  [LIST_MEMBERS] = AS_LIST ("members", as_member_get_type, AsSet, members, 64),
  [LIST_MEETINGS] = AS_LIST ("meetings", as_meeting_get_type, AsSet, meetings, 2000),
  [LIST_ACTIONS] = AS_LIST ("actions", as_action_get_type, AsSet, actions, 100000),
};
G_STATIC_ASSERT (G_N_ELEMENTS (lists) == N_LISTS);

static void
as_set_class_init (AsSetClass *klass)
{
  as_entity_class_set_fields (AS_ENTITY_CLASS (klass), "set",
                              fields, N_FIELDS,
                              lists, N_LISTS);
}

static void
as_set_init (AsSet *self)
{
}

AsSet *
as_set_new (void)
{
  return g_object_new (AS_TYPE_SET, NULL);
}

const char *
as_set_get_name (AsSet *self)
{
  g_return_val_if_fail (AS_IS_SET (self), NULL);
  return self->name;
}

void
as_set_set_name (AsSet *self,
                 const char *name)
{
  g_return_if_fail (AS_IS_SET (self));
  g_object_set (self, fields[FIELD_NAME].name, name, NULL);
}

const char *
as_set_get_purpose (AsSet *self)
{
  g_return_val_if_fail (AS_IS_SET (self), NULL);
  return self->purpose;
}

void
as_set_set_purpose (AsSet *self,
                    const char *purpose)
{
  g_return_if_fail (AS_IS_SET (self));
  g_object_set (self, fields[FIELD_PURPOSE].name, purpose, NULL);
}

const char *
as_set_get_ground_rules (AsSet *self)
{
  g_return_val_if_fail (AS_IS_SET (self), NULL);
  return self->ground_rules;
}

void
as_set_set_ground_rules (AsSet *self,
                         const char *ground_rules)
{
  g_return_if_fail (AS_IS_SET (self));
  g_object_set (self, fields[FIELD_GROUND_RULES].name, ground_rules, NULL);
}

const char *
as_set_get_facilitator (AsSet *self)
{
  g_return_val_if_fail (AS_IS_SET (self), NULL);
  return self->facilitator;
}

void
as_set_set_facilitator (AsSet *self,
                        const char *facilitator)
{
  g_return_if_fail (AS_IS_SET (self));
  g_object_set (self, fields[FIELD_FACILITATOR].name, facilitator, NULL);
}

int
as_set_get_warning_seconds (AsSet *self)
{
  g_return_val_if_fail (AS_IS_SET (self), 0);
  return self->warning_seconds;
}

void
as_set_set_warning_seconds (AsSet *self,
                            int warning_seconds)
{
  g_return_if_fail (AS_IS_SET (self));
  g_object_set (self, fields[FIELD_WARNING_SECONDS].name, warning_seconds, NULL);
}

int
as_set_get_monologue_seconds (AsSet *self)
{
  g_return_val_if_fail (AS_IS_SET (self), 0);
  return self->monologue_seconds;
}

void
as_set_set_monologue_seconds (AsSet *self,
                              int monologue_seconds)
{
  g_return_if_fail (AS_IS_SET (self));
  g_object_set (self, fields[FIELD_MONOLOGUE_SECONDS].name, monologue_seconds, NULL);
}

int
as_set_get_report_back_minutes (AsSet *self)
{
  g_return_val_if_fail (AS_IS_SET (self), 0);
  return self->report_back_minutes;
}

void
as_set_set_report_back_minutes (AsSet *self,
                                int report_back_minutes)
{
  g_return_if_fail (AS_IS_SET (self));
  g_object_set (self, fields[FIELD_REPORT_BACK_MINUTES].name, report_back_minutes, NULL);
}

int
as_set_get_present_minutes (AsSet *self)
{
  g_return_val_if_fail (AS_IS_SET (self), 0);
  return self->present_minutes;
}

void
as_set_set_present_minutes (AsSet *self,
                            int present_minutes)
{
  g_return_if_fail (AS_IS_SET (self));
  g_object_set (self, fields[FIELD_PRESENT_MINUTES].name, present_minutes, NULL);
}

int
as_set_get_questions_minutes (AsSet *self)
{
  g_return_val_if_fail (AS_IS_SET (self), 0);
  return self->questions_minutes;
}

void
as_set_set_questions_minutes (AsSet *self,
                              int questions_minutes)
{
  g_return_if_fail (AS_IS_SET (self));
  g_object_set (self, fields[FIELD_QUESTIONS_MINUTES].name, questions_minutes, NULL);
}

int
as_set_get_reflect_minutes (AsSet *self)
{
  g_return_val_if_fail (AS_IS_SET (self), 0);
  return self->reflect_minutes;
}

void
as_set_set_reflect_minutes (AsSet *self,
                            int reflect_minutes)
{
  g_return_if_fail (AS_IS_SET (self));
  g_object_set (self, fields[FIELD_REFLECT_MINUTES].name, reflect_minutes, NULL);
}

int
as_set_get_commit_minutes (AsSet *self)
{
  g_return_val_if_fail (AS_IS_SET (self), 0);
  return self->commit_minutes;
}

void
as_set_set_commit_minutes (AsSet *self,
                           int commit_minutes)
{
  g_return_if_fail (AS_IS_SET (self));
  g_object_set (self, fields[FIELD_COMMIT_MINUTES].name, commit_minutes, NULL);
}

GListModel *
as_set_get_members (AsSet *self)
{
  g_return_val_if_fail (AS_IS_SET (self), NULL);
  return G_LIST_MODEL (self->members);
}

const AsChildList *
as_set_list_members (void)
{
  return &lists[LIST_MEMBERS];
}

GListModel *
as_set_get_meetings (AsSet *self)
{
  g_return_val_if_fail (AS_IS_SET (self), NULL);
  return G_LIST_MODEL (self->meetings);
}

const AsChildList *
as_set_list_meetings (void)
{
  return &lists[LIST_MEETINGS];
}

GListModel *
as_set_get_actions (AsSet *self)
{
  g_return_val_if_fail (AS_IS_SET (self), NULL);
  return G_LIST_MODEL (self->actions);
}

const AsChildList *
as_set_list_actions (void)
{
  return &lists[LIST_ACTIONS];
}

AsSet *
as_set_new_document (void)
{
  g_autoptr(AsUndoStack) undo = as_undo_stack_new ();
  AsSet *self = as_set_new ();

  as_entity_make_document (AS_ENTITY (self), undo);
  return self;
}

AsUndoStack *
as_set_get_undo_stack (AsSet *self)
{
  g_return_val_if_fail (AS_IS_SET (self), NULL);
  return as_entity_get_undo_stack (AS_ENTITY (self));
}

AsMember *
as_set_lookup_member (AsSet      *self,
                      const char *id)
{
  AsEntity *e;

  g_return_val_if_fail (AS_IS_SET (self), NULL);

  e = as_entity_lookup (AS_ENTITY (self), id);
  return AS_IS_MEMBER (e) ? AS_MEMBER (e) : NULL;
}

AsMeeting *
as_set_lookup_meeting (AsSet      *self,
                       const char *id)
{
  AsEntity *e;

  g_return_val_if_fail (AS_IS_SET (self), NULL);

  e = as_entity_lookup (AS_ENTITY (self), id);
  return AS_IS_MEETING (e) ? AS_MEETING (e) : NULL;
}

const char *
as_set_member_name (AsSet      *self,
                    const char *id)
{
  AsMember *member = as_set_lookup_member (self, id);

  if (member == NULL)
    return _("Unknown member");
  return as_member_get_name (member);
}

/* Counts references to the ids in targets, from entities not in skip. */
static guint
count_references (AsEntity   *entity,
                  GHashTable *targets,
                  AsEntity   *skip)
{
  AsEntityClass *klass = AS_ENTITY_GET_CLASS (entity);
  guint n_fields, n_lists, count = 0;
  const AsField *fields = as_entity_class_get_fields (klass, &n_fields);
  const AsChildList *lists = as_entity_class_get_lists (klass, &n_lists);

  if (entity == skip)
    return 0;

  for (guint i = 0; i < n_fields; i++)
    {
      gpointer p = as_entity_field_storage (entity, &fields[i]);

      if (fields[i].type == AS_FIELD_REF && *(char **) p != NULL)
        count += g_hash_table_contains (targets, *(char **) p) ? 1 : 0;
      else if (fields[i].type == AS_FIELD_REF_LIST && *(char ***) p != NULL)
        for (char **id = *(char ***) p; *id != NULL; id++)
          count += g_hash_table_contains (targets, *id) ? 1 : 0;
    }

  for (guint l = 0; l < n_lists; l++)
    {
      GListModel *model = G_LIST_MODEL (as_entity_get_list (entity, &lists[l]));

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(AsEntity) child = g_list_model_get_item (model, i);
          count += count_references (child, targets, skip);
        }
    }
  return count;
}

static void
collect_ids (AsEntity   *entity,
             GHashTable *ids)
{
  AsEntityClass *klass = AS_ENTITY_GET_CLASS (entity);
  guint n_lists;
  const AsChildList *lists = as_entity_class_get_lists (klass, &n_lists);

  g_hash_table_add (ids, (gpointer) as_entity_get_id (entity));
  for (guint l = 0; l < n_lists; l++)
    {
      GListModel *model = G_LIST_MODEL (as_entity_get_list (entity, &lists[l]));

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(AsEntity) child = g_list_model_get_item (model, i);
          collect_ids (child, ids);
        }
    }
}

guint
as_set_count_references (AsSet      *self,
                         const char *id)
{
  g_autoptr(GHashTable) targets = NULL;

  g_return_val_if_fail (AS_IS_SET (self), 0);
  g_return_val_if_fail (id != NULL, 0);

  targets = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_add (targets, (gpointer) id);
  return count_references (AS_ENTITY (self), targets, NULL);
}

guint
as_set_count_references_into (AsSet    *self,
                              AsEntity *entity)
{
  g_autoptr(GHashTable) targets = NULL;

  g_return_val_if_fail (AS_IS_SET (self), 0);
  g_return_val_if_fail (AS_IS_ENTITY (entity), 0);

  targets = g_hash_table_new (g_str_hash, g_str_equal);
  collect_ids (entity, targets);
  return count_references (AS_ENTITY (self), targets, entity);
}

int
as_set_get_step_default (AsSet      *self,
                         AsStepKind  kind)
{
  g_return_val_if_fail (AS_IS_SET (self), 0);

  switch (kind)
    {
    case AS_STEP_REPORT_BACK: return self->report_back_minutes;
    case AS_STEP_PRESENT: return self->present_minutes;
    case AS_STEP_QUESTIONS: return self->questions_minutes;
    case AS_STEP_REFLECT: return self->reflect_minutes;
    case AS_STEP_COMMIT: return self->commit_minutes;
    default: g_return_val_if_reached (0);
    }
}

void
as_set_begin_edit (AsSet      *self,
                   const char *label)
{
  AsUndoStack *undo = as_set_get_undo_stack (self);

  if (undo != NULL)
    as_undo_stack_begin_group (undo, label);
}

void
as_set_end_edit (AsSet *self)
{
  AsUndoStack *undo = as_set_get_undo_stack (self);

  if (undo != NULL)
    as_undo_stack_end_group (undo);
}

AsMeeting *
as_set_add_meeting (AsSet     *self,
                    GDateTime *start)
{
  return as_set_plan_meeting (self, start, NULL);
}
