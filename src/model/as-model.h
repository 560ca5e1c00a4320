/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Every class of the set document, for code that uses several of them. */
#include "as-action.h"
#include "as-entity.h"
#include "as-enums.h"
#include "as-meeting.h"
#include "as-member.h"
#include "as-question.h"
#include "as-reflection.h"
#include "as-round.h"
#include "as-set.h"
#include "as-status-change.h"
#include "as-step.h"
#include "as-timer-event.h"
#include "as-turn.h"
#include "as-undo-stack.h"
