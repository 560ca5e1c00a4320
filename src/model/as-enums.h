/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The value nicks are the strings written in the file: never change them. */

typedef enum {
  AS_MEETING_PLANNED,
  AS_MEETING_RUNNING,
  AS_MEETING_FINISHED,
} AsMeetingState;

typedef enum {
  AS_STEP_REPORT_BACK,
  AS_STEP_PRESENT,
  AS_STEP_QUESTIONS,
  AS_STEP_REFLECT,
  AS_STEP_COMMIT,
} AsStepKind;

#define AS_N_STEP_KINDS 5

typedef enum {
  AS_TIMER_START,
  AS_TIMER_PAUSE,
  AS_TIMER_RESUME,
  AS_TIMER_STOP,
} AsTimerEventKind;

typedef enum {
  AS_QUESTION_UNTAGGED,
  AS_QUESTION_OPEN,
  AS_QUESTION_CLOSED,
  AS_QUESTION_ADVICE,
} AsQuestionTag;

typedef enum {
  AS_ACTION_TODO,
  AS_ACTION_DOING,
  AS_ACTION_DONE,
  AS_ACTION_DROPPED,
} AsActionStatus;

#define AS_TYPE_MEETING_STATE    (as_meeting_state_get_type ())
#define AS_TYPE_STEP_KIND        (as_step_kind_get_type ())
#define AS_TYPE_TIMER_EVENT_KIND (as_timer_event_kind_get_type ())
#define AS_TYPE_QUESTION_TAG     (as_question_tag_get_type ())
#define AS_TYPE_ACTION_STATUS    (as_action_status_get_type ())

GType       as_meeting_state_get_type    (void) G_GNUC_CONST;
GType       as_step_kind_get_type        (void) G_GNUC_CONST;
GType       as_timer_event_kind_get_type (void) G_GNUC_CONST;
GType       as_question_tag_get_type     (void) G_GNUC_CONST;
GType       as_action_status_get_type    (void) G_GNUC_CONST;

/* Translated names for people. */
const char *as_meeting_state_to_label    (AsMeetingState   state);
const char *as_step_kind_to_label        (AsStepKind       kind);
const char *as_question_tag_to_label     (AsQuestionTag    tag);
const char *as_action_status_to_label    (AsActionStatus   status);

/* The nick of a value, as written in a file. */
const char *as_enum_to_nick              (GType            enum_type,
                                          gint             value);
gboolean    as_enum_from_nick            (GType            enum_type,
                                          const char      *nick,
                                          gint            *value);

G_END_DECLS
