/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "as-undo-stack"

#include "config.h"

#include "as-undo-stack.h"

/* Changes of one field closer together than this merge into one undo step. */
#define MERGE_WINDOW_USEC (2 * G_USEC_PER_SEC)
/* Steps kept; the oldest are dropped beyond this. */
#define MAX_STEPS 1000

typedef struct
{
  AsEditKind         kind;
  AsEntity          *target;     /* owned, unless it is the document root */
  gboolean           owns_target;
  const AsField     *field;
  const AsChildList *list;
  guint              position;
  guint              position2;
  AsEntity          *child;      /* owned */
  GValue             old_value;
  GValue             new_value;
} Record;

typedef struct
{
  char      *label;
  GPtrArray *records;           /* of Record */
  gint64     time;
  gboolean   sealed;
} Step;

struct _AsUndoStack
{
  GObject    parent_instance;

  GPtrArray *undo;              /* of Step, oldest first */
  GPtrArray *redo;              /* of Step, next to redo last */
  Step      *group;             /* being built, not yet on undo */
  guint      group_depth;
  guint      suspended;
  gboolean   applying;

  /* The clean state is the undo depth at the last save, counted from an
   * origin that moves when old steps are dropped; -1 when unreachable. */
  gint64     clean_depth;
  gint64     dropped;
  gboolean   modified;
};

G_DEFINE_FINAL_TYPE (AsUndoStack, as_undo_stack, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static void
record_free (Record *r)
{
  if (r->owns_target)
    g_clear_object (&r->target);
  g_clear_object (&r->child);
  if (G_IS_VALUE (&r->old_value))
    g_value_unset (&r->old_value);
  if (G_IS_VALUE (&r->new_value))
    g_value_unset (&r->new_value);
  g_free (r);
}

static Step *
step_new (const char *label)
{
  Step *s = g_new0 (Step, 1);

  s->label = g_strdup (label);
  s->records = g_ptr_array_new_with_free_func ((GDestroyNotify) record_free);
  s->time = g_get_monotonic_time ();
  return s;
}

static void
step_free (Step *s)
{
  g_ptr_array_unref (s->records);
  g_free (s->label);
  g_free (s);
}

static void
update_state (AsUndoStack *self,
              gboolean     was_undo,
              gboolean     was_redo,
              gboolean     was_modified)
{
  gint64 depth = self->dropped + self->undo->len;

  self->modified = depth != self->clean_depth;

  if (was_undo != as_undo_stack_get_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (was_redo != as_undo_stack_get_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  if (was_modified != self->modified)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

#define SAVE_STATE(self) \
  gboolean was_undo = as_undo_stack_get_can_undo (self); \
  gboolean was_redo = as_undo_stack_get_can_redo (self); \
  gboolean was_modified = (self)->modified

#define RESTORE_STATE(self) update_state (self, was_undo, was_redo, was_modified)

static void
push_step (AsUndoStack *self,
           Step        *step)
{
  if (self->redo->len > 0)
    {
      /* The states on the redo side are gone for good; if the clean one was
       * among them it cannot be reached again. */
      if (self->clean_depth > self->dropped + (gint64) self->undo->len)
        self->clean_depth = -1;
      g_ptr_array_set_size (self->redo, 0);
    }
  g_ptr_array_add (self->undo, step);
  if (self->undo->len > MAX_STEPS)
    {
      g_ptr_array_remove_index (self->undo, 0);
      self->dropped++;
    }
}

static gboolean
can_merge (Step         *top,
           const AsEdit *edit)
{
  Record *last;

  if (top == NULL || top->sealed || top->records->len != 1 || edit->kind != AS_EDIT_SET)
    return FALSE;
  last = g_ptr_array_index (top->records, 0);
  return last->kind == AS_EDIT_SET &&
         last->target == edit->target &&
         last->field == edit->field &&
         g_get_monotonic_time () - top->time < MERGE_WINDOW_USEC;
}

static void
apply_record (Record   *r,
              gboolean  undo)
{
  switch (r->kind)
    {
    case AS_EDIT_SET:
      as_entity_set_field_value (r->target, r->field, undo ? &r->old_value : &r->new_value);
      break;
    case AS_EDIT_INSERT:
      if (undo)
        as_entity_remove_child (r->target, r->list, r->position);
      else
        as_entity_insert_child (r->target, r->list, r->position, r->child);
      break;
    case AS_EDIT_REMOVE:
      if (undo)
        as_entity_insert_child (r->target, r->list, r->position, r->child);
      else
        as_entity_remove_child (r->target, r->list, r->position);
      break;
    case AS_EDIT_MOVE:
      if (undo)
        as_entity_move_child (r->target, r->list, r->position2, r->position);
      else
        as_entity_move_child (r->target, r->list, r->position, r->position2);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* GObject overrides */

static void
as_undo_stack_finalize (GObject *object)
{
  AsUndoStack *self = AS_UNDO_STACK (object);

  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);
  g_clear_pointer (&self->group, step_free);

  G_OBJECT_CLASS (as_undo_stack_parent_class)->finalize (object);
}

static void
as_undo_stack_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AsUndoStack *self = AS_UNDO_STACK (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, as_undo_stack_get_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, as_undo_stack_get_can_redo (self));
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
as_undo_stack_class_init (AsUndoStackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = as_undo_stack_finalize;
  object_class->get_property = as_undo_stack_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
as_undo_stack_init (AsUndoStack *self)
{
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  self->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
}

/* Public API */

AsUndoStack *
as_undo_stack_new (void)
{
  return g_object_new (AS_TYPE_UNDO_STACK, NULL);
}

void
as_undo_stack_record (AsUndoStack  *self,
                      const AsEdit *edit,
                      const GValue *old_value)
{
  Step *top;
  Record *r;

  g_return_if_fail (AS_IS_UNDO_STACK (self));

  if (self->applying || self->suspended > 0)
    return;

  SAVE_STATE (self);

  top = self->undo->len > 0 ? g_ptr_array_index (self->undo, self->undo->len - 1) : NULL;
  if (self->group == NULL && self->redo->len == 0 && can_merge (top, edit) &&
      self->clean_depth != self->dropped + (gint64) self->undo->len)
    {
      /* Keep the first old value, take the new one. */
      r = g_ptr_array_index (top->records, 0);
      g_value_unset (&r->new_value);
      as_entity_get_field_value (r->target, r->field, &r->new_value);
      top->time = g_get_monotonic_time ();
      RESTORE_STATE (self);
      return;
    }

  r = g_new0 (Record, 1);
  r->kind = edit->kind;
  /* The root owns this stack, so a reference to it would be a cycle that
   * keeps the whole document alive; the root clears the stack when it goes.
   * Every other target is kept alive by the tree or by the record that took
   * it out of the tree, but a reference keeps that simple to trust. */
  r->owns_target = !as_entity_is_document (edit->target);
  r->target = r->owns_target ? g_object_ref (edit->target) : edit->target;
  r->field = edit->field;
  r->list = edit->list;
  r->position = edit->position;
  r->position2 = edit->position2;
  r->child = edit->child ? g_object_ref (edit->child) : NULL;
  if (edit->kind == AS_EDIT_SET)
    {
      g_value_init (&r->old_value, G_VALUE_TYPE (old_value));
      g_value_copy (old_value, &r->old_value);
      as_entity_get_field_value (edit->target, edit->field, &r->new_value);
    }

  if (self->group != NULL)
    {
      g_ptr_array_add (self->group->records, r);
      return;
    }

  {
    Step *step = step_new (NULL);

    g_ptr_array_add (step->records, r);
    push_step (self, step);
  }

  RESTORE_STATE (self);
}

void
as_undo_stack_begin_group (AsUndoStack *self,
                           const char  *label)
{
  g_return_if_fail (AS_IS_UNDO_STACK (self));

  if (self->group_depth++ == 0)
    self->group = step_new (label);
}

void
as_undo_stack_end_group (AsUndoStack *self)
{
  Step *group;

  g_return_if_fail (AS_IS_UNDO_STACK (self));
  g_return_if_fail (self->group_depth > 0);

  if (--self->group_depth > 0)
    return;

  group = g_steal_pointer (&self->group);
  if (group->records->len == 0)
    {
      step_free (group);
      return;
    }

  {
    SAVE_STATE (self);
    group->sealed = TRUE;
    push_step (self, group);
    RESTORE_STATE (self);
  }
}

void
as_undo_stack_seal (AsUndoStack *self)
{
  g_return_if_fail (AS_IS_UNDO_STACK (self));

  if (self->undo->len > 0)
    ((Step *) g_ptr_array_index (self->undo, self->undo->len - 1))->sealed = TRUE;
}

void
as_undo_stack_suspend (AsUndoStack *self)
{
  g_return_if_fail (AS_IS_UNDO_STACK (self));
  self->suspended++;
}

void
as_undo_stack_resume (AsUndoStack *self)
{
  g_return_if_fail (AS_IS_UNDO_STACK (self));
  g_return_if_fail (self->suspended > 0);
  self->suspended--;
}

gboolean
as_undo_stack_get_can_undo (AsUndoStack *self)
{
  g_return_val_if_fail (AS_IS_UNDO_STACK (self), FALSE);
  return self->undo->len > 0;
}

gboolean
as_undo_stack_get_can_redo (AsUndoStack *self)
{
  g_return_val_if_fail (AS_IS_UNDO_STACK (self), FALSE);
  return self->redo->len > 0;
}

const char *
as_undo_stack_get_undo_label (AsUndoStack *self)
{
  g_return_val_if_fail (AS_IS_UNDO_STACK (self), NULL);
  if (self->undo->len == 0)
    return NULL;
  return ((Step *) g_ptr_array_index (self->undo, self->undo->len - 1))->label;
}

const char *
as_undo_stack_get_redo_label (AsUndoStack *self)
{
  g_return_val_if_fail (AS_IS_UNDO_STACK (self), NULL);
  if (self->redo->len == 0)
    return NULL;
  return ((Step *) g_ptr_array_index (self->redo, self->redo->len - 1))->label;
}

gboolean
as_undo_stack_undo (AsUndoStack *self)
{
  Step *step;

  g_return_val_if_fail (AS_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (self->group == NULL, FALSE);

  if (self->undo->len == 0)
    return FALSE;

  {
    SAVE_STATE (self);

    step = g_ptr_array_steal_index (self->undo, self->undo->len - 1);
    self->applying = TRUE;
    for (guint i = step->records->len; i > 0; i--)
      apply_record (g_ptr_array_index (step->records, i - 1), TRUE);
    self->applying = FALSE;
    step->sealed = TRUE;
    g_ptr_array_add (self->redo, step);

    RESTORE_STATE (self);
  }
  return TRUE;
}

gboolean
as_undo_stack_redo (AsUndoStack *self)
{
  Step *step;

  g_return_val_if_fail (AS_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (self->group == NULL, FALSE);

  if (self->redo->len == 0)
    return FALSE;

  {
    SAVE_STATE (self);

    step = g_ptr_array_steal_index (self->redo, self->redo->len - 1);
    self->applying = TRUE;
    for (guint i = 0; i < step->records->len; i++)
      apply_record (g_ptr_array_index (step->records, i), FALSE);
    self->applying = FALSE;
    g_ptr_array_add (self->undo, step);

    RESTORE_STATE (self);
  }
  return TRUE;
}

void
as_undo_stack_clear (AsUndoStack *self)
{
  g_return_if_fail (AS_IS_UNDO_STACK (self));

  {
    SAVE_STATE (self);

    g_ptr_array_set_size (self->undo, 0);
    g_ptr_array_set_size (self->redo, 0);
    /* The current state stays clean or modified as it was. */
    self->dropped = 0;
    self->clean_depth = self->modified ? -1 : 0;

    RESTORE_STATE (self);
  }
}

guint
as_undo_stack_get_depth (AsUndoStack *self)
{
  g_return_val_if_fail (AS_IS_UNDO_STACK (self), 0);
  return self->undo->len;
}

void
as_undo_stack_mark_clean (AsUndoStack *self)
{
  g_return_if_fail (AS_IS_UNDO_STACK (self));

  {
    SAVE_STATE (self);
    self->clean_depth = self->dropped + self->undo->len;
    as_undo_stack_seal (self);
    RESTORE_STATE (self);
  }
}

void
as_undo_stack_mark_modified (AsUndoStack *self)
{
  g_return_if_fail (AS_IS_UNDO_STACK (self));

  {
    SAVE_STATE (self);
    self->clean_depth = -1;
    RESTORE_STATE (self);
  }
}

gboolean
as_undo_stack_get_modified (AsUndoStack *self)
{
  g_return_val_if_fail (AS_IS_UNDO_STACK (self), FALSE);
  return self->modified;
}
