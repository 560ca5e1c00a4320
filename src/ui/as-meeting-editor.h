/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "as-meeting.h"
#include "as-set.h"

G_BEGIN_DECLS

#define AS_TYPE_MEETING_EDITOR (as_meeting_editor_get_type ())
G_DECLARE_FINAL_TYPE (AsMeetingEditor, as_meeting_editor, AS, MEETING_EDITOR, AdwWindow)

/* A dialog for the plan of one meeting of set: date, start and end time,
 * place, who attends and its state. Changes go straight into the model. */
AsMeetingEditor *as_meeting_editor_new          (GtkWindow       *parent,
                                                 AsSet           *set,
                                                 AsMeeting       *meeting);
AsMeeting       *as_meeting_editor_get_meeting  (AsMeetingEditor *self);

G_END_DECLS
