/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "as-entity.h"
#include "as-enums.h"
#include "as-meeting.h"
#include "as-member.h"

G_BEGIN_DECLS

#define AS_TYPE_SET (as_set_get_type ())
G_DECLARE_FINAL_TYPE (AsSet, as_set, AS, SET, AsEntity)

AsSet             *as_set_new                     (void);
const char        *as_set_get_name                (AsSet *self);
void               as_set_set_name                (AsSet *self, const char *name);
const char        *as_set_get_purpose             (AsSet *self);
void               as_set_set_purpose             (AsSet *self, const char *purpose);
const char        *as_set_get_ground_rules        (AsSet *self);
void               as_set_set_ground_rules        (AsSet *self, const char *ground_rules);
const char        *as_set_get_facilitator         (AsSet *self);
void               as_set_set_facilitator         (AsSet *self, const char *facilitator);
int                as_set_get_warning_seconds     (AsSet *self);
void               as_set_set_warning_seconds     (AsSet *self, int warning_seconds);
int                as_set_get_monologue_seconds   (AsSet *self);
void               as_set_set_monologue_seconds   (AsSet *self, int monologue_seconds);
int                as_set_get_report_back_minutes (AsSet *self);
void               as_set_set_report_back_minutes (AsSet *self, int report_back_minutes);
int                as_set_get_present_minutes     (AsSet *self);
void               as_set_set_present_minutes     (AsSet *self, int present_minutes);
int                as_set_get_questions_minutes   (AsSet *self);
void               as_set_set_questions_minutes   (AsSet *self, int questions_minutes);
int                as_set_get_reflect_minutes     (AsSet *self);
void               as_set_set_reflect_minutes     (AsSet *self, int reflect_minutes);
int                as_set_get_commit_minutes      (AsSet *self);
void               as_set_set_commit_minutes      (AsSet *self, int commit_minutes);
GListModel        *as_set_get_members             (AsSet *self);
const AsChildList *as_set_list_members            (void);
GListModel        *as_set_get_meetings            (AsSet *self);
const AsChildList *as_set_list_meetings           (void);
GListModel        *as_set_get_actions             (AsSet *self);
const AsChildList *as_set_list_actions            (void);

/* A new, empty set that is a document: it has an undo stack and an index. */
AsSet             *as_set_new_document          (void);
AsUndoStack       *as_set_get_undo_stack        (AsSet *self);
AsMember          *as_set_lookup_member         (AsSet *self, const char *id);
AsMeeting         *as_set_lookup_meeting        (AsSet *self, const char *id);
/* The display name of a member id, or a translated "Unknown member". */
const char        *as_set_member_name           (AsSet *self, const char *id);
/* How many references to id there are in the set (an action's owner, a
 * round's presenter, an attendee, a turn's member…). An entity that is
 * referenced cannot be removed without leaving the file inconsistent. */
guint              as_set_count_references      (AsSet *self, const char *id);
/* How many references from outside entity's subtree point into it (to the
 * entity or any of its children): what removing it would leave dangling. */
guint              as_set_count_references_into (AsSet *self, AsEntity *entity);
int                as_set_get_step_default      (AsSet *self, AsStepKind kind);

/* Edits between begin and end undo as one step called label. */
void               as_set_begin_edit            (AsSet *self, const char *label);
void               as_set_end_edit              (AsSet *self);

/* Adds a planned meeting starting at start: the active members attend, each
 * presents one round with the set's default step budgets, those who
 * presented least recently first (as_set_plan_meeting with no end). */
AsMeeting         *as_set_add_meeting           (AsSet *self, GDateTime *start);

G_END_DECLS
