/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "as-enums"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "as-enums.h"

#define DEFINE_ENUM(func, Name, ...)                                         \
  GType                                                                      \
  func (void)                                                                \
  {                                                                          \
    static gsize type_id;                                                    \
    static const GEnumValue values[] = { __VA_ARGS__, { 0, NULL, NULL } };   \
    if (g_once_init_enter (&type_id))                                        \
      g_once_init_leave (&type_id, g_enum_register_static (Name, values));   \
    return type_id;                                                          \
  }

DEFINE_ENUM (as_meeting_state_get_type, "AsMeetingState",
             { AS_MEETING_PLANNED, "AS_MEETING_PLANNED", "planned" },
             { AS_MEETING_RUNNING, "AS_MEETING_RUNNING", "running" },
             { AS_MEETING_FINISHED, "AS_MEETING_FINISHED", "finished" })

DEFINE_ENUM (as_step_kind_get_type, "AsStepKind",
             { AS_STEP_REPORT_BACK, "AS_STEP_REPORT_BACK", "report_back" },
             { AS_STEP_PRESENT, "AS_STEP_PRESENT", "present" },
             { AS_STEP_QUESTIONS, "AS_STEP_QUESTIONS", "questions" },
             { AS_STEP_REFLECT, "AS_STEP_REFLECT", "reflect" },
             { AS_STEP_COMMIT, "AS_STEP_COMMIT", "commit" })

DEFINE_ENUM (as_timer_event_kind_get_type, "AsTimerEventKind",
             { AS_TIMER_START, "AS_TIMER_START", "start" },
             { AS_TIMER_PAUSE, "AS_TIMER_PAUSE", "pause" },
             { AS_TIMER_RESUME, "AS_TIMER_RESUME", "resume" },
             { AS_TIMER_STOP, "AS_TIMER_STOP", "stop" })

DEFINE_ENUM (as_question_tag_get_type, "AsQuestionTag",
             { AS_QUESTION_UNTAGGED, "AS_QUESTION_UNTAGGED", "untagged" },
             { AS_QUESTION_OPEN, "AS_QUESTION_OPEN", "open" },
             { AS_QUESTION_CLOSED, "AS_QUESTION_CLOSED", "closed" },
             { AS_QUESTION_ADVICE, "AS_QUESTION_ADVICE", "advice" })

DEFINE_ENUM (as_action_status_get_type, "AsActionStatus",
             { AS_ACTION_TODO, "AS_ACTION_TODO", "todo" },
             { AS_ACTION_DOING, "AS_ACTION_DOING", "doing" },
             { AS_ACTION_DONE, "AS_ACTION_DONE", "done" },
             { AS_ACTION_DROPPED, "AS_ACTION_DROPPED", "dropped" })

const char *
as_meeting_state_to_label (AsMeetingState state)
{
  switch (state)
    {
    case AS_MEETING_PLANNED: return _("Planned");
    case AS_MEETING_RUNNING: return C_("meeting state", "In progress");
    case AS_MEETING_FINISHED: return _("Finished");
    default: return "";
    }
}

const char *
as_step_kind_to_label (AsStepKind kind)
{
  switch (kind)
    {
    case AS_STEP_REPORT_BACK: return _("Report back");
    case AS_STEP_PRESENT: return _("Present");
    case AS_STEP_QUESTIONS: return _("Questions");
    case AS_STEP_REFLECT: return _("Reflect");
    case AS_STEP_COMMIT: return _("Commit to action");
    default: return "";
    }
}

const char *
as_question_tag_to_label (AsQuestionTag tag)
{
  switch (tag)
    {
    case AS_QUESTION_UNTAGGED: return _("Untagged");
    case AS_QUESTION_OPEN: return _("Open");
    case AS_QUESTION_CLOSED: return _("Closed");
    case AS_QUESTION_ADVICE: return _("Advice");
    default: return "";
    }
}

const char *
as_action_status_to_label (AsActionStatus status)
{
  switch (status)
    {
    case AS_ACTION_TODO: return _("To do");
    case AS_ACTION_DOING: return C_("action status", "In progress");
    case AS_ACTION_DONE: return _("Done");
    case AS_ACTION_DROPPED: return _("Dropped");
    default: return "";
    }
}

const char *
as_enum_to_nick (GType enum_type,
                 gint  value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *v = g_enum_get_value (klass, value);

  return v ? v->value_nick : NULL;
}

gboolean
as_enum_from_nick (GType       enum_type,
                   const char *nick,
                   gint       *value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *v = g_enum_get_value_by_nick (klass, nick);

  if (v == NULL)
    return FALSE;
  *value = v->value;
  return TRUE;
}
