/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "as-member.h"
#include "as-set.h"

G_BEGIN_DECLS

#define AS_TYPE_MEMBER_EDITOR (as_member_editor_get_type ())
G_DECLARE_FINAL_TYPE (AsMemberEditor, as_member_editor, AS, MEMBER_EDITOR, AdwWindow)

/* A dialog for one member of set. With member NULL it adds a new member: the
 * fields fill a member that is not in the set yet, and "Add" appends it as
 * one undoable step; "Cancel" leaves the set untouched. With a member of the
 * set, every change goes straight into the model, undoable like any edit. */
AsMemberEditor *as_member_editor_new         (GtkWindow      *parent,
                                              AsSet          *set,
                                              AsMember       *member);
AsMember       *as_member_editor_get_member  (AsMemberEditor *self);
gboolean        as_member_editor_get_adding  (AsMemberEditor *self);

G_END_DECLS
