/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "as-action"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "as-action.h"
#include "as-undo-stack.h"
#include "as-status-change.h"

struct _AsAction
{
  AsEntity parent_instance;

  char *owner;
  char *text;
  char *meeting;
  char *round;
  char *due;
  int status;
  GListStore *history;
};

G_DEFINE_FINAL_TYPE (AsAction, as_action, AS_TYPE_ENTITY)

enum {
  FIELD_OWNER,
  FIELD_TEXT,
  FIELD_MEETING,
  FIELD_ROUND,
  FIELD_DUE,
  FIELD_STATUS,
  N_FIELDS
};

enum {
  LIST_HISTORY,
  N_LISTS
};

static const AsField fields[] = {
  [FIELD_OWNER] = AS_FIELD_REFERENCE ("owner", "owner", AsAction, owner, AS_FIELD_REQUIRED, "member"),
  [FIELD_TEXT] = AS_FIELD_TXT ("text", "text", AsAction, text, AS_FIELD_REQUIRED),
  [FIELD_MEETING] = AS_FIELD_REFERENCE ("meeting", "meeting", AsAction, meeting, 0, "meeting"),
  [FIELD_ROUND] = AS_FIELD_REFERENCE ("round", "round", AsAction, round, 0, "round"),
  [FIELD_DUE] = AS_FIELD_DAY ("due", "due", AsAction, due, 0),
  [FIELD_STATUS] = AS_FIELD_ENUMV ("status", "status", AsAction, status, 0, as_action_status_get_type, AS_ACTION_TODO),
};
G_STATIC_ASSERT (G_N_ELEMENTS (fields) == N_FIELDS);

static const AsChildList lists[] = {
  [LIST_HISTORY] = AS_LIST ("history", as_status_change_get_type, AsAction, history, 1000),
};
G_STATIC_ASSERT (G_N_ELEMENTS (lists) == N_LISTS);

static void
as_action_class_init (AsActionClass *klass)
{
  as_entity_class_set_fields (AS_ENTITY_CLASS (klass), "action",
                              fields, N_FIELDS,
                              lists, N_LISTS);
}

static void
as_action_init (AsAction *self)
{
}

AsAction *
as_action_new (void)
{
  return g_object_new (AS_TYPE_ACTION, NULL);
}

const char *
as_action_get_owner (AsAction *self)
{
  g_return_val_if_fail (AS_IS_ACTION (self), NULL);
  return self->owner;
}

void
as_action_set_owner (AsAction *self,
                     const char *owner)
{
  g_return_if_fail (AS_IS_ACTION (self));
  g_object_set (self, fields[FIELD_OWNER].name, owner, NULL);
}

const char *
as_action_get_text (AsAction *self)
{
  g_return_val_if_fail (AS_IS_ACTION (self), NULL);
  return self->text;
}

void
as_action_set_text (AsAction *self,
                    const char *text)
{
  g_return_if_fail (AS_IS_ACTION (self));
  g_object_set (self, fields[FIELD_TEXT].name, text, NULL);
}

const char *
as_action_get_meeting (AsAction *self)
{
  g_return_val_if_fail (AS_IS_ACTION (self), NULL);
  return self->meeting;
}

void
as_action_set_meeting (AsAction *self,
                       const char *meeting)
{
  g_return_if_fail (AS_IS_ACTION (self));
  g_object_set (self, fields[FIELD_MEETING].name, meeting, NULL);
}

const char *
as_action_get_round (AsAction *self)
{
  g_return_val_if_fail (AS_IS_ACTION (self), NULL);
  return self->round;
}

void
as_action_set_round (AsAction *self,
                     const char *round)
{
  g_return_if_fail (AS_IS_ACTION (self));
  g_object_set (self, fields[FIELD_ROUND].name, round, NULL);
}

const char *
as_action_get_due (AsAction *self)
{
  g_return_val_if_fail (AS_IS_ACTION (self), NULL);
  return self->due;
}

void
as_action_set_due (AsAction *self,
                   const char *due)
{
  g_return_if_fail (AS_IS_ACTION (self));
  g_object_set (self, fields[FIELD_DUE].name, due, NULL);
}

AsActionStatus
as_action_get_status (AsAction *self)
{
  g_return_val_if_fail (AS_IS_ACTION (self), 0);
  return (AsActionStatus) self->status;
}

void
as_action_set_status (AsAction *self,
                      AsActionStatus status)
{
  g_return_if_fail (AS_IS_ACTION (self));
  g_object_set (self, fields[FIELD_STATUS].name, status, NULL);
}

GListModel *
as_action_get_history (AsAction *self)
{
  g_return_val_if_fail (AS_IS_ACTION (self), NULL);
  return G_LIST_MODEL (self->history);
}

const AsChildList *
as_action_list_history (void)
{
  return &lists[LIST_HISTORY];
}

void
as_action_change_status (AsAction       *self,
                         AsActionStatus  status,
                         GDateTime      *at,
                         const char     *note)
{
  g_autoptr(AsStatusChange) change = NULL;
  AsUndoStack *undo;

  g_return_if_fail (AS_IS_ACTION (self));
  g_return_if_fail (at != NULL);

  if ((AsActionStatus) self->status == status && (note == NULL || *note == '\0'))
    return;

  undo = as_entity_get_undo_stack (AS_ENTITY (self));
  if (undo != NULL)
    as_undo_stack_begin_group (undo, _("Change status"));

  change = as_status_change_new ();
  as_status_change_set_at (change, at);
  as_status_change_set_status (change, status);
  as_status_change_set_note (change, note ? note : "");
  as_entity_append_child (AS_ENTITY (self), as_action_list_history (), AS_ENTITY (change));
  as_action_set_status (self, status);

  if (undo != NULL)
    as_undo_stack_end_group (undo);
}
