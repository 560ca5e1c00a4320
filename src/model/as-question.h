/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "as-entity.h"
#include "as-enums.h"

G_BEGIN_DECLS

#define AS_TYPE_QUESTION (as_question_get_type ())
G_DECLARE_FINAL_TYPE (AsQuestion, as_question, AS, QUESTION, AsEntity)

AsQuestion   *as_question_new           (void);
const char   *as_question_get_text      (AsQuestion *self);
void          as_question_set_text      (AsQuestion *self, const char *text);
const char   *as_question_get_asker     (AsQuestion *self);
void          as_question_set_asker     (AsQuestion *self, const char *asker);
const char   *as_question_get_addressee (AsQuestion *self);
void          as_question_set_addressee (AsQuestion *self, const char *addressee);
GDateTime    *as_question_get_at        (AsQuestion *self);
void          as_question_set_at        (AsQuestion *self, GDateTime *at);
const char   *as_question_get_round     (AsQuestion *self);
void          as_question_set_round     (AsQuestion *self, const char *round);
AsQuestionTag as_question_get_tag       (AsQuestion *self);
void          as_question_set_tag       (AsQuestion *self, AsQuestionTag tag);
gboolean      as_question_get_starred   (AsQuestion *self);
void          as_question_set_starred   (AsQuestion *self, gboolean starred);

G_END_DECLS
