/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "as-question"

#include "config.h"

#include "as-question.h"

struct _AsQuestion
{
  AsEntity parent_instance;

  char *text;
  char *asker;
  char *addressee;
  GDateTime *at;
  char *round;
  int tag;
  gboolean starred;
};

G_DEFINE_FINAL_TYPE (AsQuestion, as_question, AS_TYPE_ENTITY)

enum {
  FIELD_TEXT,
  FIELD_ASKER,
  FIELD_ADDRESSEE,
  FIELD_AT,
  FIELD_ROUND,
  FIELD_TAG,
  FIELD_STARRED,
  N_FIELDS
};

static const AsField fields[] = {
  [FIELD_TEXT] = AS_FIELD_TXT ("text", "text", AsQuestion, text, AS_FIELD_REQUIRED),
  [FIELD_ASKER] = AS_FIELD_REFERENCE ("asker", "asker", AsQuestion, asker, 0, "member"),
  [FIELD_ADDRESSEE] = AS_FIELD_REFERENCE ("addressee", "addressee", AsQuestion, addressee, 0, "member"),
  [FIELD_AT] = AS_FIELD_TIME ("at", "at", AsQuestion, at, 0),
  [FIELD_ROUND] = AS_FIELD_REFERENCE ("round", "round", AsQuestion, round, 0, "round"),
  [FIELD_TAG] = AS_FIELD_ENUMV ("tag", "tag", AsQuestion, tag, 0, as_question_tag_get_type, AS_QUESTION_UNTAGGED),
  [FIELD_STARRED] = AS_FIELD_BOOL ("starred", "starred", AsQuestion, starred, 0, FALSE),
};
G_STATIC_ASSERT (G_N_ELEMENTS (fields) == N_FIELDS);

static void
as_question_class_init (AsQuestionClass *klass)
{
  as_entity_class_set_fields (AS_ENTITY_CLASS (klass), "question",
                              fields, N_FIELDS,
                              NULL, 0);
}

static void
as_question_init (AsQuestion *self)
{
}

AsQuestion *
as_question_new (void)
{
  return g_object_new (AS_TYPE_QUESTION, NULL);
}

const char *
as_question_get_text (AsQuestion *self)
{
  g_return_val_if_fail (AS_IS_QUESTION (self), NULL);
  return self->text;
}

void
as_question_set_text (AsQuestion *self,
                      const char *text)
{
  g_return_if_fail (AS_IS_QUESTION (self));
  g_object_set (self, fields[FIELD_TEXT].name, text, NULL);
}

const char *
as_question_get_asker (AsQuestion *self)
{
  g_return_val_if_fail (AS_IS_QUESTION (self), NULL);
  return self->asker;
}

void
as_question_set_asker (AsQuestion *self,
                       const char *asker)
{
  g_return_if_fail (AS_IS_QUESTION (self));
  g_object_set (self, fields[FIELD_ASKER].name, asker, NULL);
}

const char *
as_question_get_addressee (AsQuestion *self)
{
  g_return_val_if_fail (AS_IS_QUESTION (self), NULL);
  return self->addressee;
}

void
as_question_set_addressee (AsQuestion *self,
                           const char *addressee)
{
  g_return_if_fail (AS_IS_QUESTION (self));
  g_object_set (self, fields[FIELD_ADDRESSEE].name, addressee, NULL);
}

GDateTime *
as_question_get_at (AsQuestion *self)
{
  g_return_val_if_fail (AS_IS_QUESTION (self), NULL);
  return self->at;
}

void
as_question_set_at (AsQuestion *self,
                    GDateTime *at)
{
  g_return_if_fail (AS_IS_QUESTION (self));
  g_object_set (self, fields[FIELD_AT].name, at, NULL);
}

const char *
as_question_get_round (AsQuestion *self)
{
  g_return_val_if_fail (AS_IS_QUESTION (self), NULL);
  return self->round;
}

void
as_question_set_round (AsQuestion *self,
                       const char *round)
{
  g_return_if_fail (AS_IS_QUESTION (self));
  g_object_set (self, fields[FIELD_ROUND].name, round, NULL);
}

AsQuestionTag
as_question_get_tag (AsQuestion *self)
{
  g_return_val_if_fail (AS_IS_QUESTION (self), 0);
  return (AsQuestionTag) self->tag;
}

void
as_question_set_tag (AsQuestion *self,
                     AsQuestionTag tag)
{
  g_return_if_fail (AS_IS_QUESTION (self));
  g_object_set (self, fields[FIELD_TAG].name, tag, NULL);
}

gboolean
as_question_get_starred (AsQuestion *self)
{
  g_return_val_if_fail (AS_IS_QUESTION (self), 0);
  return self->starred;
}

void
as_question_set_starred (AsQuestion *self,
                         gboolean starred)
{
  g_return_if_fail (AS_IS_QUESTION (self));
  g_object_set (self, fields[FIELD_STARRED].name, starred, NULL);
}
