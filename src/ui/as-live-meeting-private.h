/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "as-live-meeting.h"

G_BEGIN_DECLS

/* Shared by as-live-meeting.c (the meeting's owner: session, ticker,
 * inhibition, sleep gap, chime, screens) and as-live-meeting-actions.c
 * (its actions and keys). */

struct _AsLiveMeeting
{
  GObject             parent_instance;

  AsSet              *set;
  AsMeeting          *meeting;
  AsClock            *clock;
  AsMeetingSession   *session;
  AsTicker           *ticker;
  AsSettings         *settings;

  GSimpleActionGroup *actions;           /* "meeting" */
  GSimpleActionGroup *settings_actions;  /* "settings" */

  GtkWindow          *window;            /* the facilitator's, weak */
  GtkApplication     *inhibit_app;
  guint               inhibit_cookie;

  /* Time the computer slept, not yet answered. */
  gint64              pending_gap;
  AdwMessageDialog   *gap_dialog;

  GtkWindow          *projector;         /* while open; GTK owns it */
  GdkMonitor         *projector_monitor; /* where it is fullscreen, or NULL */
  GListModel         *monitors;
  guint               n_monitors;
  GMenu              *screen_menu;
  gboolean            screen_offered;
  gboolean            presenting;

  char               *revealed_heading;
  char               *revealed_text;
};

GSimpleActionGroup *as_live_meeting_create_actions  (AsLiveMeeting *self);
/* Enabled and state of every action, from the meeting as it is now. */
void                as_live_meeting_update_actions  (AsLiveMeeting *self);
/* The projected window on its screen, and the keyboard back to the
 * facilitator's window. */
void                as_live_meeting_place_projector (AsLiveMeeting *self);
void                as_live_meeting_emit_leave      (AsLiveMeeting *self);

G_END_DECLS
