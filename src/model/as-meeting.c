/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "as-meeting"

#include "config.h"

#include "as-meeting.h"
#include "as-question.h"
#include "as-reflection.h"
#include "as-round.h"
#include "as-timer-event.h"
#include "as-turn.h"

struct _AsMeeting
{
  AsEntity parent_instance;

  GDateTime *start;
  GDateTime *end;
  char *place;
  char **attendees;
  int state;
  char *current_step;
  char *speaker;
  gboolean paused;
  GListStore *rounds;
  GListStore *timer_events;
  GListStore *turns;
  GListStore *questions;
  GListStore *reflections;
};

G_DEFINE_FINAL_TYPE (AsMeeting, as_meeting, AS_TYPE_ENTITY)

enum {
  FIELD_START,
  FIELD_END,
  FIELD_PLACE,
  FIELD_ATTENDEES,
  FIELD_STATE,
  FIELD_CURRENT_STEP,
  FIELD_SPEAKER,
  FIELD_PAUSED,
  N_FIELDS
};

enum {
  LIST_ROUNDS,
  LIST_TIMER_EVENTS,
  LIST_TURNS,
  LIST_QUESTIONS,
  LIST_REFLECTIONS,
  N_LISTS
};

static const AsField fields[] = {
  [FIELD_START] = AS_FIELD_TIME ("start", "start", AsMeeting, start, AS_FIELD_REQUIRED),
  [FIELD_END] = AS_FIELD_TIME ("end", "end", AsMeeting, end, 0),
  [FIELD_PLACE] = AS_FIELD_STR ("place", "place", AsMeeting, place, 0),
  [FIELD_ATTENDEES] = AS_FIELD_REFS ("attendees", "attendees", AsMeeting, attendees, 0, "member"),
  [FIELD_STATE] = AS_FIELD_ENUMV ("state", "state", AsMeeting, state, 0, as_meeting_state_get_type, AS_MEETING_PLANNED),
  [FIELD_CURRENT_STEP] = AS_FIELD_REFERENCE ("current-step", "current_step", AsMeeting, current_step, 0, "step"),
  [FIELD_SPEAKER] = AS_FIELD_REFERENCE ("speaker", "speaker", AsMeeting, speaker, 0, "member"),
  [FIELD_PAUSED] = AS_FIELD_BOOL ("paused", "paused", AsMeeting, paused, 0, FALSE),
};
G_STATIC_ASSERT (G_N_ELEMENTS (fields) == N_FIELDS);

static const AsChildList lists[] = {
  [LIST_ROUNDS] = AS_LIST ("rounds", as_round_get_type, AsMeeting, rounds, 64),
  [LIST_TIMER_EVENTS] = AS_LIST ("timer_events", as_timer_event_get_type, AsMeeting, timer_events, 100000),
  [LIST_TURNS] = AS_LIST ("turns", as_turn_get_type, AsMeeting, turns, 100000),
  [LIST_QUESTIONS] = AS_LIST ("questions", as_question_get_type, AsMeeting, questions, 100000),
  [LIST_REFLECTIONS] = AS_LIST ("reflections", as_reflection_get_type, AsMeeting, reflections, 1000),
};
G_STATIC_ASSERT (G_N_ELEMENTS (lists) == N_LISTS);

static void
as_meeting_class_init (AsMeetingClass *klass)
{
  as_entity_class_set_fields (AS_ENTITY_CLASS (klass), "meeting",
                              fields, N_FIELDS,
                              lists, N_LISTS);
}

static void
as_meeting_init (AsMeeting *self)
{
}

AsMeeting *
as_meeting_new (void)
{
  return g_object_new (AS_TYPE_MEETING, NULL);
}

GDateTime *
as_meeting_get_start (AsMeeting *self)
{
  g_return_val_if_fail (AS_IS_MEETING (self), NULL);
  return self->start;
}

void
as_meeting_set_start (AsMeeting *self,
                      GDateTime *start)
{
  g_return_if_fail (AS_IS_MEETING (self));
  g_object_set (self, fields[FIELD_START].name, start, NULL);
}

GDateTime *
as_meeting_get_end (AsMeeting *self)
{
  g_return_val_if_fail (AS_IS_MEETING (self), NULL);
  return self->end;
}

void
as_meeting_set_end (AsMeeting *self,
                    GDateTime *end_)
{
  g_return_if_fail (AS_IS_MEETING (self));
  g_object_set (self, fields[FIELD_END].name, end_, NULL);
}

const char *
as_meeting_get_place (AsMeeting *self)
{
  g_return_val_if_fail (AS_IS_MEETING (self), NULL);
  return self->place;
}

void
as_meeting_set_place (AsMeeting *self,
                      const char *place)
{
  g_return_if_fail (AS_IS_MEETING (self));
  g_object_set (self, fields[FIELD_PLACE].name, place, NULL);
}

const char * const *
as_meeting_get_attendees (AsMeeting *self)
{
  g_return_val_if_fail (AS_IS_MEETING (self), NULL);
  return (const char * const *) self->attendees;
}

GStrv
as_meeting_dup_attendees (AsMeeting *self)
{
  g_return_val_if_fail (AS_IS_MEETING (self), NULL);
  return g_strdupv (self->attendees);
}

void
as_meeting_set_attendees (AsMeeting *self,
                          const char * const *attendees)
{
  g_return_if_fail (AS_IS_MEETING (self));
  g_object_set (self, fields[FIELD_ATTENDEES].name, attendees, NULL);
}

AsMeetingState
as_meeting_get_state (AsMeeting *self)
{
  g_return_val_if_fail (AS_IS_MEETING (self), 0);
  return (AsMeetingState) self->state;
}

void
as_meeting_set_state (AsMeeting *self,
                      AsMeetingState state)
{
  g_return_if_fail (AS_IS_MEETING (self));
  g_object_set (self, fields[FIELD_STATE].name, state, NULL);
}

GListModel *
as_meeting_get_rounds (AsMeeting *self)
{
  g_return_val_if_fail (AS_IS_MEETING (self), NULL);
  return G_LIST_MODEL (self->rounds);
}

const AsChildList *
as_meeting_list_rounds (void)
{
  return &lists[LIST_ROUNDS];
}

GListModel *
as_meeting_get_timer_events (AsMeeting *self)
{
  g_return_val_if_fail (AS_IS_MEETING (self), NULL);
  return G_LIST_MODEL (self->timer_events);
}

const AsChildList *
as_meeting_list_timer_events (void)
{
  return &lists[LIST_TIMER_EVENTS];
}

GListModel *
as_meeting_get_turns (AsMeeting *self)
{
  g_return_val_if_fail (AS_IS_MEETING (self), NULL);
  return G_LIST_MODEL (self->turns);
}

const AsChildList *
as_meeting_list_turns (void)
{
  return &lists[LIST_TURNS];
}

GListModel *
as_meeting_get_questions (AsMeeting *self)
{
  g_return_val_if_fail (AS_IS_MEETING (self), NULL);
  return G_LIST_MODEL (self->questions);
}

const AsChildList *
as_meeting_list_questions (void)
{
  return &lists[LIST_QUESTIONS];
}

GListModel *
as_meeting_get_reflections (AsMeeting *self)
{
  g_return_val_if_fail (AS_IS_MEETING (self), NULL);
  return G_LIST_MODEL (self->reflections);
}

const AsChildList *
as_meeting_list_reflections (void)
{
  return &lists[LIST_REFLECTIONS];
}

const char *
as_meeting_get_current_step (AsMeeting *self)
{
  g_return_val_if_fail (AS_IS_MEETING (self), NULL);
  return self->current_step;
}

void
as_meeting_set_current_step (AsMeeting *self,
                             const char *current_step)
{
  g_return_if_fail (AS_IS_MEETING (self));
  g_object_set (self, fields[FIELD_CURRENT_STEP].name, current_step, NULL);
}

const char *
as_meeting_get_speaker (AsMeeting *self)
{
  g_return_val_if_fail (AS_IS_MEETING (self), NULL);
  return self->speaker;
}

void
as_meeting_set_speaker (AsMeeting *self,
                        const char *speaker)
{
  g_return_if_fail (AS_IS_MEETING (self));
  g_object_set (self, fields[FIELD_SPEAKER].name, speaker, NULL);
}

gboolean
as_meeting_get_paused (AsMeeting *self)
{
  g_return_val_if_fail (AS_IS_MEETING (self), 0);
  return self->paused;
}

void
as_meeting_set_paused (AsMeeting *self,
                       gboolean paused)
{
  g_return_if_fail (AS_IS_MEETING (self));
  g_object_set (self, fields[FIELD_PAUSED].name, paused, NULL);
}
