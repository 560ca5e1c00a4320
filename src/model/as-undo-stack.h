/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "as-entity.h"

G_BEGIN_DECLS

#define AS_TYPE_UNDO_STACK (as_undo_stack_get_type ())
G_DECLARE_FINAL_TYPE (AsUndoStack, as_undo_stack, AS, UNDO_STACK, GObject)

AsUndoStack *as_undo_stack_new              (void);

/* Called by AsEntity for every edit of a document; old_value is the value of
 * the field before an AS_EDIT_SET. Edits made while undoing or redoing, or
 * while recording is suspended, are not recorded. */
void         as_undo_stack_record           (AsUndoStack  *self,
                                             const AsEdit *edit,
                                             const GValue *old_value);

/* Edits between begin and end become one step of undo, named by label. Groups
 * nest; the outermost label wins. */
void         as_undo_stack_begin_group      (AsUndoStack  *self,
                                             const char   *label);
void         as_undo_stack_end_group        (AsUndoStack  *self);

/* Consecutive changes of the same field of the same entity within a short time
 * (typing in an entry) are merged into one step; seal() stops the merging, for
 * example when the entry loses focus. */
void         as_undo_stack_seal             (AsUndoStack  *self);

/* While suspended (loading, replaying a journal) nothing is recorded. */
void         as_undo_stack_suspend          (AsUndoStack  *self);
void         as_undo_stack_resume           (AsUndoStack  *self);

gboolean     as_undo_stack_get_can_undo     (AsUndoStack  *self);
gboolean     as_undo_stack_get_can_redo     (AsUndoStack  *self);
const char  *as_undo_stack_get_undo_label   (AsUndoStack  *self);
const char  *as_undo_stack_get_redo_label   (AsUndoStack  *self);
gboolean     as_undo_stack_undo             (AsUndoStack  *self);
gboolean     as_undo_stack_redo             (AsUndoStack  *self);
void         as_undo_stack_clear            (AsUndoStack  *self);
guint        as_undo_stack_get_depth        (AsUndoStack  *self);

/* The saved state: "modified" is TRUE whenever the document differs from the
 * state marked clean, including after undoing past it. */
void         as_undo_stack_mark_clean       (AsUndoStack  *self);
void         as_undo_stack_mark_modified    (AsUndoStack  *self);
gboolean     as_undo_stack_get_modified     (AsUndoStack  *self);

G_END_DECLS
