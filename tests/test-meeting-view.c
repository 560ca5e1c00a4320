/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <dlfcn.h>
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

#include "as-file.h"
#include "as-format.h"
#include "as-meeting-view.h"
#include "as-set-view.h"
#include "as-step-strip.h"
#include "as-member-tile.h"
#include "as-test-util.h"
#include "as-widget-test-util.h"
#include "as-tick-label.h"
#include "as-timer-display.h"
#include "as-undo-stack.h"
#include "as-window.h"

#define SEC (G_USEC_PER_SEC)

typedef struct
{
  AsSet            *set;
  AsMeeting        *meeting;
  AsClock          *clock;
  GtkWidget        *window;
  AsLiveMeeting    *live;
  AsMeetingView    *view;       /* owned by the window */
  AsMeetingSession *session;
  guint             changes;
} Fixture;

static GDateTime *
meeting_start (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_utc ();

  return g_date_time_new (tz, 2026, 11, 21, 14, 0, 0);
}

static void
on_changed (Fixture *f)
{
  f->changes++;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  static const char * const names[] = {
    "Ada", "Ben", "R&D <b>Chloe</b>", "Dev", "Eli", "Fay",
  };
  g_autoptr(GDateTime) start = meeting_start ();
  gboolean mapped = FALSE;

  f->set = as_set_new_document ();
  as_set_set_name (f->set, "View test set");
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(AsMember) m = as_member_new ();

      as_member_set_name (m, names[i]);
      as_entity_append_child (AS_ENTITY (f->set), as_set_list_members (), AS_ENTITY (m));
    }
  f->meeting = g_object_ref (as_set_add_meeting (f->set, start));
  f->clock = as_fake_clock_new (start);

  f->window = adw_window_new ();
  /* A laptop's screen, or with data a narrow window (width in data). */
  if (data != NULL)
    gtk_window_set_default_size (GTK_WINDOW (f->window), GPOINTER_TO_INT (data), 560);
  else
    gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 720);
  f->live = as_live_meeting_new (f->set, f->meeting, f->clock);
  f->view = AS_MEETING_VIEW (as_meeting_view_new (f->live));
  adw_window_set_content (ADW_WINDOW (f->window), GTK_WIDGET (f->view));
  f->session = as_meeting_view_get_session (f->view);
  g_signal_connect_swapped (f->session, "changed", G_CALLBACK (on_changed), f);

  gtk_window_present (GTK_WINDOW (f->window));
  for (guint i = 0; i < 500 && !mapped; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      mapped = gtk_widget_get_mapped (GTK_WIDGET (f->view));
      if (!mapped)
        g_usleep (2000);
    }
  g_assert_true (mapped);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gpointer view = f->view;

  g_object_add_weak_pointer (G_OBJECT (view), &view);
  g_signal_handlers_disconnect_by_data (f->session, f);
  gtk_window_destroy (GTK_WINDOW (f->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  /* The view goes with the window; the session and the ticker with the
   * live meeting. */
  g_assert_null (view);
  as_live_meeting_close (f->live);
  g_assert_finalize_object (f->live);
  g_clear_object (&f->meeting);
  g_assert_finalize_object (f->set);
  g_clear_object (&f->clock);
}

/* Helpers */

static void
advance (Fixture *f,
         gint64   usec)
{
  as_fake_clock_advance (AS_FAKE_CLOCK (f->clock), usec);
  /* The tick the timeout would make on the next second. */
  as_ticker_tick_now (as_meeting_view_get_ticker (f->view));
}

static gpointer
child (Fixture    *f,
       const char *name)
{
  GObject *object = G_OBJECT (as_test_find_widget (GTK_WIDGET (f->view), name));

  g_assert_nonnull (object);
  return object;
}

static const char *
label_text (Fixture    *f,
            const char *name)
{
  gpointer label = child (f, name);

  /* The labels that change every second are tick labels. */
  if (AS_IS_TICK_LABEL (label))
    return as_tick_label_get_text (label);
  return gtk_label_get_text (GTK_LABEL (label));
}

static const char *
countdown (Fixture *f)
{
  return as_timer_display_get_text (AS_TIMER_DISPLAY (child (f, "countdown")));
}

/* The text of a cell of the round's steps. */
static const char *
step_cell_times (Fixture *f,
                 guint    index)
{
  const char *times = as_step_strip_get_cell_times (AS_STEP_STRIP (child (f, "step_strip")), index);

  g_assert_nonnull (times);
  return times;
}

/* The text nodes the countdown draws, as it draws them now. */
static GPtrArray *
countdown_text_nodes (Fixture *f)
{
  GtkWidget *widget = child (f, "countdown");
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;

  /* Laid out by a frame of the window. */
  for (guint i = 0; i < 500 && gtk_widget_get_width (widget) == 0; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  g_assert_cmpint (gtk_widget_get_width (widget), >, 0);
  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  return as_test_collect_text_nodes (node);
}

static AsMemberTile *
tile (Fixture *f,
      guint    index)
{
  GtkFlowBoxChild *box_child = gtk_flow_box_get_child_at_index (GTK_FLOW_BOX (child (f, "tiles_box")),
                                                                index);

  g_assert_nonnull (box_child);
  return AS_MEMBER_TILE (gtk_flow_box_child_get_child (box_child));
}

static void
activate (Fixture    *f,
          const char *action,
          GVariant   *parameter)
{
  guint before = f->changes;

  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (f->view), action, parameter));
  g_assert_cmpuint (f->changes, >, before);
}

static const char *
member_id (Fixture *f,
           guint    index)
{
  g_autoptr(AsMember) m = g_list_model_get_item (as_set_get_members (f->set), index);

  return as_entity_get_id (AS_ENTITY (m));   /* the set holds it */
}

/* A key pressed on the X server, as a keyboard would: it goes through GDK's
 * event translation, the window, the focus chain and the view's shortcut
 * controller to the action. XTest is loaded at run time so that the test
 * needs no X development files; returns FALSE where it cannot be done. */
static gboolean
press_real_key (Fixture *f,
                guint    keyval)
{
#ifdef GDK_WINDOWING_X11
  typedef int (*FakeKey) (Display *, unsigned int, Bool, unsigned long);
  typedef KeyCode (*ToKeycode) (Display *, KeySym);
  typedef int (*SetFocus) (Display *, Window, int, Time);
  typedef int (*Flush) (Display *);
  GdkDisplay *display = gtk_widget_get_display (f->window);
  static void *xtst;
  FakeKey fake_key;
  ToKeycode to_keycode = (ToKeycode) dlsym (RTLD_DEFAULT, "XKeysymToKeycode");
  SetFocus set_focus = (SetFocus) dlsym (RTLD_DEFAULT, "XSetInputFocus");
  Flush flush = (Flush) dlsym (RTLD_DEFAULT, "XFlush");
  Display *xdisplay;
  Window xid;
  KeyCode code;
  guint before = f->changes;
  gboolean changed = FALSE;

  if (!GDK_IS_X11_DISPLAY (display))
    return FALSE;
  if (xtst == NULL)
    xtst = dlopen ("libXtst.so.6", RTLD_NOW | RTLD_LOCAL);
  if (xtst == NULL || to_keycode == NULL || set_focus == NULL || flush == NULL)
    return FALSE;
  fake_key = (FakeKey) dlsym (xtst, "XTestFakeKeyEvent");
  if (fake_key == NULL)
    return FALSE;

  xdisplay = gdk_x11_display_get_xdisplay (display);
  xid = gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (f->window)));
  if ((code = to_keycode (xdisplay, keyval)) == 0)
    return FALSE;

  /* No window manager gives the window the keyboard here: take it. */
  gdk_x11_display_error_trap_push (display);
  set_focus (xdisplay, xid, RevertToParent, CurrentTime);
  fake_key (xdisplay, code, True, CurrentTime);
  fake_key (xdisplay, code, False, CurrentTime);
  flush (xdisplay);
  gdk_x11_display_error_trap_pop_ignored (display);

  for (gint64 end = g_get_monotonic_time () + 3 * SEC;
       !changed && g_get_monotonic_time () < end;)
    {
      g_main_context_iteration (NULL, FALSE);
      changed = f->changes > before;
      if (!changed)
        g_usleep (1000);
    }
  g_assert_true (changed);
  return TRUE;
#else
  return FALSE;
#endif
}

/* Tests */

static void
test_keyboard_and_timers (Fixture       *f,
                          gconstpointer  data)
{
  AsTicker *ticker = as_meeting_view_get_ticker (f->view);
  AsUndoStack *undo = as_set_get_undo_stack (f->set);
  gboolean real_keys;

  /* Before the start: the first step's budget, nothing ticking. */
  g_assert_cmpstr (countdown (f), ==, "05:00");
  g_assert_cmpstr (label_text (f, "status_label"), ==, "Not started");
  g_assert_true (gtk_widget_get_visible (child (f, "status_bar")));
  g_assert_cmpstr (label_text (f, "presenter_label"), ==, "Ada");
  g_assert_cmpstr (label_text (f, "step_label"), ==, "Report back");
  g_assert_cmpstr (label_text (f, "projected_label"), ==, "Ends 18:30, on time");
  g_assert_false (as_ticker_is_pending (ticker));
  /* Names are text, never markup. */
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_widget_get_template_child (
                     GTK_WIDGET (tile (f, 2)), AS_TYPE_MEMBER_TILE, "name_label"))),
                   ==, "R&D <b>Chloe</b>");

  /* Space starts, through the keyboard when the display lets us. */
  real_keys = press_real_key (f, GDK_KEY_space);
  if (!real_keys)
    {
      g_test_message ("No XTest here: keys go through the actions only");
      activate (f, "meeting.toggle", NULL);
    }
  g_assert_cmpint (as_meeting_session_get_state (f->session), ==, AS_TIMER_RUNNING);
  g_assert_false (gtk_widget_get_visible (child (f, "status_bar")));
  g_assert_true (as_ticker_is_pending (ticker));
  g_assert_cmpint (as_ticker_get_delay (ticker), >, 1000);
  g_assert_cmpint (as_ticker_get_delay (ticker), <=, 1010);

  advance (f, 61 * SEC);
  g_assert_cmpstr (countdown (f), ==, "03:59");
  g_assert_cmpstr (label_text (f, "phase_label"), ==, "of 05:00");
  g_assert_cmpstr (label_text (f, "round_label"), ==, "Round: 43:59 left of 45:00");
  g_assert_cmpstr (label_text (f, "meeting_label"), ==, "Meeting: 01:01 of 4:30:00");
  /* The running step's cell shows its budget and stays still: the
   * countdown says how much is left. */
  g_assert_cmpstr (step_cell_times (f, 0), ==, "05:00");
  g_assert_cmpstr (step_cell_times (f, 1), ==, "10:00");


  /* Key 2: Ben speaks (the real key when possible). */
  if (!(real_keys && press_real_key (f, GDK_KEY_2)))
    activate (f, "meeting.speaker", g_variant_new_uint32 (2));
  g_assert_cmpstr (as_meeting_session_get_speaker (f->session), ==, member_id (f, 1));
  advance (f, 30 * SEC);
  g_assert_true (as_member_tile_get_speaking (tile (f, 1)));
  g_assert_cmpstr (as_member_tile_get_badge_text (tile (f, 1)), ==, "Speaking");
  g_assert_cmpstr (as_member_tile_get_airtime_text (tile (f, 1)), ==, "00:30");
  g_assert_cmpstr (as_member_tile_get_cue_text (tile (f, 1)), ==, "00:30");
  g_assert_cmpstr (as_member_tile_get_badge_text (tile (f, 0)), ==, "");
  g_assert_cmpstr (as_member_tile_get_cue_text (tile (f, 0)), ==, "Not spoken yet");
  g_assert_cmpstr (label_text (f, "silent_label"), ==, "5 not spoken yet");

  /* Warning, then overtime, counting up, in words as well as in colour. */
  advance (f, 90 * SEC);
  g_assert_cmpstr (countdown (f), ==, "01:59");
  g_assert_cmpstr (label_text (f, "phase_label"), ==, "Under 2 minutes left");
  g_assert_true (gtk_widget_has_css_class (child (f, "countdown"), "warning"));
  advance (f, 124 * SEC);
  g_assert_cmpstr (countdown (f), ==, "+00:05");
  g_assert_cmpstr (label_text (f, "phase_label"), ==, "Overtime · budget 05:00");
  g_assert_true (gtk_widget_has_css_class (child (f, "countdown"), "overtime"));
  g_assert_true (gtk_widget_has_css_class (child (f, "timer_card"), "flash"));
  g_assert_cmpstr (as_member_tile_get_airtime_text (tile (f, 1)), ==, "04:04");

  /* Seven minutes over: every step to come still takes its budget. */
  advance (f, 415 * SEC);
  g_assert_cmpstr (countdown (f), ==, "+07:00");
  g_assert_cmpstr (label_text (f, "projected_label"), ==, "Ends 18:37, 7 min late");

  /* Ben's long turn shows on his tile. */
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (tile (f, 1)), "monologue"));
  g_assert_cmpstr (as_member_tile_get_cue_text (tile (f, 1)), ==, "Long turn 10:59");

  /* Space pauses: the banner says so and nothing ticks any more. */
  if (!(real_keys && press_real_key (f, GDK_KEY_space)))
    activate (f, "meeting.toggle", NULL);
  g_assert_cmpint (as_meeting_session_get_state (f->session), ==, AS_TIMER_PAUSED);
  g_assert_cmpstr (label_text (f, "status_label"), ==, "Paused");
  g_assert_true (gtk_widget_get_visible (child (f, "status_bar")));
  g_assert_false (as_ticker_is_pending (ticker));
  as_fake_clock_advance (AS_FAKE_CLOCK (f->clock), 120 * SEC);
  as_ticker_tick_now (ticker);
  g_assert_false (as_ticker_is_pending (ticker));
  g_assert_cmpstr (countdown (f), ==, "+07:00");
  g_assert_cmpstr (as_member_tile_get_badge_text (tile (f, 1)), ==, "");

  /* Space resumes; Right goes to the next step. */
  activate (f, "meeting.toggle", NULL);
  g_assert_true (as_ticker_is_pending (ticker));
  advance (f, 10 * SEC);
  activate (f, "meeting.next-step", NULL);
  g_assert_cmpstr (label_text (f, "step_label"), ==, "Present");
  g_assert_cmpstr (countdown (f), ==, "10:00");
  /* A step done shows the time it took (12:00 to the pause, 10 s after)
   * against its budget. */
  g_assert_cmpstr (step_cell_times (f, 0), ==, "12:10 of 05:00");
  g_assert_cmpstr (step_cell_times (f, 1), ==, "10:00");

  /* A mis-click on a tile mid-sentence, undone with Ctrl+Z. */
  activate (f, "meeting.speaker", g_variant_new_uint32 (4));
  advance (f, 20 * SEC);
  g_signal_emit_by_name (child (f, "tiles_box"), "child-activated",
                         gtk_widget_get_parent (GTK_WIDGET (tile (f, 2))));
  g_assert_cmpstr (as_meeting_session_get_speaker (f->session), ==, member_id (f, 2));
  g_assert_cmpstr (as_undo_stack_get_undo_label (undo), ==, "Change speaker");
  activate (f, "meeting.undo", NULL);
  g_assert_cmpstr (as_meeting_session_get_speaker (f->session), ==, member_id (f, 3));
  advance (f, 5 * SEC);
  g_assert_true (as_member_tile_get_speaking (tile (f, 3)));
  g_assert_false (as_member_tile_get_speaking (tile (f, 2)));
  g_assert_cmpstr (as_member_tile_get_airtime_text (tile (f, 3)), ==, "00:25");
  /* A click on the speaker: nobody speaks. */
  g_signal_emit_by_name (child (f, "tiles_box"), "child-activated",
                         gtk_widget_get_parent (GTK_WIDGET (tile (f, 3))));
  g_assert_null (as_meeting_session_get_speaker (f->session));

  /* Shift+Right: the next round, Ben presents. */
  activate (f, "meeting.next-round", NULL);
  g_assert_cmpstr (label_text (f, "presenter_label"), ==, "Ben");
  g_assert_cmpstr (label_text (f, "round_number_label"), ==, "Round 2 of 6");
  g_assert_cmpstr (label_text (f, "step_label"), ==, "Report back");
  activate (f, "meeting.speaker", g_variant_new_uint32 (1));
  advance (f, 45 * SEC);
  activate (f, "meeting.speaker", g_variant_new_uint32 (0));
  g_assert_null (as_meeting_session_get_speaker (f->session));
}

/* The set saved as the app saves it, and read back: what the keys did is in
 * the file. */
/* One text node per figure of the countdown, so that a second repaints
 * only the figures that changed: from 03:59 to 03:58, the last one. */
static void
test_countdown_glyphs (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;

  activate (f, "meeting.toggle", NULL);
  advance (f, 61 * SEC);
  g_assert_cmpstr (countdown (f), ==, "03:59");
  before = countdown_text_nodes (f);
  g_assert_cmpuint (before->len, ==, 5);

  advance (f, SEC);
  g_assert_cmpstr (countdown (f), ==, "03:58");
  after = countdown_text_nodes (f);
  g_assert_cmpuint (after->len, ==, 5);
  for (guint i = 0; i < 4; i++)
    g_assert_cmpuint (as_test_text_node_glyph (before->pdata[i]), ==, as_test_text_node_glyph (after->pdata[i]));
  g_assert_cmpuint (as_test_text_node_glyph (before->pdata[4]), !=, as_test_text_node_glyph (after->pdata[4]));
}

static void
test_saved_file (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *dir = as_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "saved.actionset", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AsSetFile) loaded = NULL;
  AsMeeting *meeting;
  GListModel *turns, *events, *rounds;
  g_autoptr(AsRound) round = NULL;
  g_autoptr(AsStep) first = NULL;
  g_autoptr(AsStep) second = NULL;
  g_autoptr(AsTurn) turn = NULL;
  static const AsTimerEventKind expected[] = {
    AS_TIMER_START, AS_TIMER_START,   /* round, step */
    AS_TIMER_PAUSE, AS_TIMER_RESUME,
    AS_TIMER_STOP, AS_TIMER_START,    /* step 1 to step 2 */
  };

  activate (f, "meeting.toggle", NULL);
  advance (f, 60 * SEC);
  activate (f, "meeting.speaker", g_variant_new_uint32 (3));
  advance (f, 90 * SEC);
  activate (f, "meeting.toggle", NULL);              /* pause */
  as_fake_clock_advance (AS_FAKE_CLOCK (f->clock), 300 * SEC);
  activate (f, "meeting.toggle", NULL);              /* resume */
  advance (f, 100 * SEC);
  activate (f, "meeting.next-step", NULL);
  advance (f, 42 * SEC);
  activate (f, "meeting.speaker", g_variant_new_uint32 (5));
  advance (f, 8 * SEC);

  bytes = as_format_write (f->set);
  g_assert_true (as_write_file_atomically (path, bytes, &error));
  g_assert_no_error (error);

  loaded = as_set_file_load (file, NULL, &error);
  g_assert_no_error (error);
  meeting = as_set_lookup_meeting (as_set_file_get_set (loaded),
                                   as_entity_get_id (AS_ENTITY (f->meeting)));
  g_assert_nonnull (meeting);
  g_assert_cmpint (as_meeting_get_state (meeting), ==, AS_MEETING_RUNNING);

  /* Timer events: start, pause, resume, next step. */
  events = as_meeting_get_timer_events (meeting);
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(AsTimerEvent) event = g_list_model_get_item (events, i);

      g_assert_cmpint (as_timer_event_get_kind (event), ==, expected[i]);
    }

  /* Step times: the first ran 60 + 90 + 100 s (not the pause); the second
   * runs since it started 50 s ago, recorded as its start time. */
  rounds = as_meeting_get_rounds (meeting);
  round = g_list_model_get_item (rounds, 0);
  first = g_list_model_get_item (as_round_get_steps (round), 0);
  second = g_list_model_get_item (as_round_get_steps (round), 1);
  g_assert_cmpint (as_step_get_elapsed_ms (first), ==, 250000);
  g_assert_null (as_step_get_running_since (first));
  g_assert_cmpint (as_step_get_elapsed_ms (second), ==, 0);
  g_assert_nonnull (as_step_get_running_since (second));
  g_assert_cmpstr (as_meeting_get_current_step (meeting), ==,
                   as_entity_get_id (AS_ENTITY (second)));

  /* Turns: Chloe's, ended by the pause after 90 s (a pause ends the turn),
   * then Eli's in the second step, still open. */
  turns = as_meeting_get_turns (meeting);
  g_assert_cmpuint (g_list_model_get_n_items (turns), ==, 2);
  turn = g_list_model_get_item (turns, 0);
  g_assert_cmpstr (as_turn_get_member (turn), ==, member_id (f, 2));
  g_assert_cmpint (as_turn_get_duration_ms (turn), ==, 90000);
  g_clear_object (&turn);
  turn = g_list_model_get_item (turns, 1);
  g_assert_cmpstr (as_turn_get_member (turn), ==, member_id (f, 4));
  g_assert_cmpstr (as_turn_get_step (turn), ==, as_entity_get_id (AS_ENTITY (second)));
  g_assert_cmpstr (as_meeting_get_speaker (meeting), ==, member_id (f, 4));

  g_clear_object (&loaded);
  as_test_remove_tree (dir);
}

/* One source, and none while nothing runs. */
static void
test_ticker_idle (Fixture       *f,
                  gconstpointer  data)
{
  AsTicker *ticker = as_meeting_view_get_ticker (f->view);

  g_assert_false (as_ticker_is_pending (ticker));
  activate (f, "meeting.toggle", NULL);
  g_assert_true (as_ticker_is_pending (ticker));

  /* Aligned to the next second of the step: 400 ms in, 600 ms to go. */
  advance (f, 400 * 1000);
  g_assert_cmpint (as_ticker_get_delay (ticker), >=, 600);
  g_assert_cmpint (as_ticker_get_delay (ticker), <=, 610);

  /* Off screen, nothing ticks; back on screen, it does again. */
  gtk_widget_set_visible (GTK_WIDGET (f->view), FALSE);
  g_assert_false (as_ticker_is_pending (ticker));
  gtk_widget_set_visible (GTK_WIDGET (f->view), TRUE);
  g_assert_true (as_ticker_is_pending (ticker));

  activate (f, "meeting.toggle", NULL);
  g_assert_false (as_ticker_is_pending (ticker));
  activate (f, "meeting.toggle", NULL);
  g_assert_true (as_ticker_is_pending (ticker));
  activate (f, "meeting.finish", NULL);
  g_assert_false (as_ticker_is_pending (ticker));
  g_assert_cmpstr (label_text (f, "status_label"), ==, "Meeting finished");
  g_assert_false (gtk_widget_is_sensitive (child (f, "toggle_button")));

  /* Undo brings the running meeting back, and its ticker. */
  activate (f, "meeting.undo", NULL);
  g_assert_cmpint (as_meeting_session_get_state (f->session), ==, AS_TIMER_RUNNING);
  g_assert_true (as_ticker_is_pending (ticker));
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* not ours */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

/* The computer slept for ten minutes during a step: the view asks whether
 * that time counts. */
static void
test_sleep_gap (Fixture       *f,
                gconstpointer  data)
{
  AsStep *step;
  AdwMessageDialog *dialog;

  activate (f, "meeting.toggle", NULL);
  advance (f, 30 * SEC);
  step = as_meeting_session_get_current_step (f->session);

  as_fake_clock_sleep (AS_FAKE_CLOCK (f->clock), 600 * SEC);
  advance (f, 1 * SEC);
  g_assert_cmpint (as_meeting_session_step_elapsed (f->session, step), ==, 31000);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (dialog),
                                   "The computer was asleep for 10 min "));

  g_object_ref (dialog);
  adw_message_dialog_response (dialog, "count");
  g_assert_cmpint (as_meeting_session_step_elapsed (f->session, step), ==, 631000);
  g_assert_cmpstr (countdown (f), ==, "+05:31");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
}

/* The figures for the whole cycle: a member who missed this meeting but
 * spoke in the last one shows there, without a key. */
static void
test_cycle (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GDateTime) start = meeting_start ();
  g_autoptr(GDateTime) earlier = g_date_time_add_days (start, -28);
  g_autoptr(AsMeetingSession) past = NULL;
  AsMeeting *previous = as_set_add_meeting (f->set, earlier);
  const char * const *attendees = as_meeting_get_attendees (f->meeting);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) fewer = NULL;
  g_autoptr(AsClock) clock = as_fake_clock_new (earlier);

  /* In the earlier meeting Fay spoke for four minutes, in four turns: talk
   * enough to read the balance. */
  past = as_meeting_session_new (f->set, previous, clock);
  as_meeting_session_start (past);
  for (guint i = 0; i < 4; i++)
    {
      as_meeting_session_set_speaker_number (past, 6);
      as_fake_clock_advance (AS_FAKE_CLOCK (clock), 60 * SEC);
      as_meeting_session_set_speaker_number (past, 0);
      as_fake_clock_advance (AS_FAKE_CLOCK (clock), 5 * SEC);
    }
  as_meeting_session_finish (past);

  /* Fay does not attend this one. */
  for (guint i = 0; i < 5; i++)
    g_strv_builder_add (builder, attendees[i]);
  fewer = g_strv_builder_end (builder);
  as_meeting_set_attendees (f->meeting, (const char * const *) fewer);

  activate (f, "meeting.toggle", NULL);
  g_assert_null (gtk_flow_box_get_child_at_index (GTK_FLOW_BOX (child (f, "tiles_box")), 5));

  as_meeting_view_set_show_cycle (f->view, TRUE);
  g_assert_true (gtk_toggle_button_get_active (child (f, "cycle_scope_button")));
  g_assert_cmpstr (as_member_tile_get_member_id (tile (f, 5)), ==, member_id (f, 5));
  g_assert_cmpuint (as_member_tile_get_number (tile (f, 5)), ==, 0);
  g_assert_cmpstr (as_member_tile_get_airtime_text (tile (f, 5)), ==, "04:00");
  g_assert_cmpstr (label_text (f, "balance_label"), ==, "Balance: one voice dominates (0.83)");

  /* This meeting alone has had no talk yet. */
  as_meeting_view_set_show_cycle (f->view, FALSE);
  g_assert_cmpstr (label_text (f, "balance_label"), ==, "Balance: no one has spoken yet");
  /* Half a minute of one voice says nothing yet about the meeting. */
  activate (f, "meeting.speaker", g_variant_new_uint32 (1));
  advance (f, 30 * SEC);
  g_assert_cmpstr (label_text (f, "balance_label"), ==, "Balance: too early to tell");

  as_meeting_view_set_show_cycle (f->view, FALSE);
  g_assert_null (gtk_flow_box_get_child_at_index (GTK_FLOW_BOX (child (f, "tiles_box")), 5));
}

/* On a narrow window the two columns take turns, and the header bar's
 * toggle picks which shows. */
static void
test_narrow (Fixture       *f,
             gconstpointer  data)
{
  GtkWidget *button = child (f, "participation_button");
  GtkWidget *timer = child (f, "timer_column");
  GtkWidget *participation = child (f, "participation_scroller");
  gint64 end;

  /* The layout follows the width once the first allocation is done. */
  for (end = g_get_monotonic_time () + 3 * SEC;
       !gtk_widget_get_visible (button) && g_get_monotonic_time () < end;)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (gtk_widget_get_visible (timer));
  g_assert_false (gtk_widget_get_visible (participation));

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
  g_assert_false (gtk_widget_get_visible (timer));
  g_assert_true (gtk_widget_get_visible (participation));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), FALSE);
  g_assert_true (gtk_widget_get_visible (timer));
  g_assert_false (gtk_widget_get_visible (participation));
}

/* Which meeting "next" is: the one running, else the first one planned. */
static void
test_find_meeting (void)
{
  g_autoptr(AsSet) set = as_set_new_document ();
  g_autoptr(GDateTime) start = meeting_start ();
  g_autoptr(GDateTime) later = g_date_time_add_days (start, 28);
  g_autoptr(GDateTime) earlier = g_date_time_add_days (start, -28);
  g_autoptr(AsMember) member = as_member_new ();
  AsMeeting *planned_later, *planned, *done;

  as_entity_append_child (AS_ENTITY (set), as_set_list_members (), AS_ENTITY (member));
  g_assert_null (as_meeting_session_find_meeting (set, "next"));

  planned_later = as_set_add_meeting (set, later);
  planned = as_set_add_meeting (set, start);
  done = as_set_add_meeting (set, earlier);
  as_meeting_set_state (done, AS_MEETING_FINISHED);
  g_assert_true (as_meeting_session_find_meeting (set, "next") == planned);
  g_assert_true (as_meeting_session_find_meeting (set, as_entity_get_id (AS_ENTITY (planned_later)))
                 == planned_later);
  g_assert_null (as_meeting_session_find_meeting (set, "no-such-meeting"));

  as_meeting_set_state (planned_later, AS_MEETING_RUNNING);
  g_assert_true (as_meeting_session_find_meeting (set, "next") == planned_later);
}

/* The window's Meetings page runs a meeting on a page of its own, and the
 * view's back button returns without stopping it. */
static void
test_window (void)
{
  g_autoptr(AsSetFile) doc = as_set_file_new ();
  AsSet *set = as_set_file_get_set (doc);
  g_autoptr(GDateTime) start = meeting_start ();
  g_autoptr(AsMember) member = as_member_new ();
  AsWindow *window;
  AsMeeting *meeting;
  GtkStack *stack;
  GtkWidget *view;
  GtkWidget *set_view;

  as_member_set_name (member, "Ada");
  as_entity_append_child (AS_ENTITY (set), as_set_list_members (), AS_ENTITY (member));
  meeting = as_set_add_meeting (set, start);

  window = as_window_new (NULL);
  as_window_set_set_file (window, doc);
  gtk_window_present (GTK_WINDOW (window));
  stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), AS_TYPE_WINDOW,
                                                    "main_stack"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "set");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.run-meeting", "s",
                                             as_entity_get_id (AS_ENTITY (meeting))));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "live");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (gtk_widget_get_template_child (
                    GTK_WIDGET (window), AS_TYPE_WINDOW, "header_bar"))));
  view = adw_bin_get_child (ADW_BIN (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                    AS_TYPE_WINDOW, "live_bin")));
  g_assert_true (AS_IS_MEETING_VIEW (view));
  g_assert_true (as_meeting_view_get_meeting (AS_MEETING_VIEW (view)) == meeting);
  g_assert_true (gtk_widget_activate_action (view, "meeting.toggle", NULL));

  g_assert_true (gtk_widget_activate_action (view, "meeting.back", NULL));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "set");
  set_view = adw_bin_get_child (ADW_BIN (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                        AS_TYPE_WINDOW, "set_bin")));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (as_set_view_get_stack (AS_SET_VIEW (set_view))),
                   ==, "meetings");
  g_assert_cmpint (as_meeting_get_state (meeting), ==, AS_MEETING_RUNNING);

  /* "next" is the meeting that runs, in the same view. */
  g_assert_true (as_window_show_meeting (window, "next"));
  g_assert_true (adw_bin_get_child (ADW_BIN (gtk_widget_get_template_child (
                   GTK_WIDGET (window), AS_TYPE_WINDOW, "live_bin"))) == view);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "live");

  as_journal_discard (as_set_file_get_journal (doc));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = NULL;
  g_autofree char *state = NULL;
  g_autofree char *data = NULL;
  int status;

  /* Times are shown in local time: make it UTC, like the fake clock. */
  g_setenv ("TZ", "UTC", TRUE);

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  /* Crash journals (the window test edits a set that has a file object)
   * go to a folder of the test's own. */
  home = as_test_make_tmpdir ();
  state = g_build_filename (home, "state", NULL);
  data = g_build_filename (home, "data", NULL);
  g_setenv ("XDG_STATE_HOME", state, TRUE);
  g_setenv ("XDG_DATA_HOME", data, TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* The end of a step's budget flashes in the tests, without a chime from
   * the speakers of whoever runs them. */
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);

    g_settings_set_boolean (settings, "sound-enabled", FALSE);
  }

#define ADD(path, func) \
  g_test_add ("/meeting-view/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("keyboard-and-timers", test_keyboard_and_timers);
  ADD ("countdown-glyphs", test_countdown_glyphs);
  ADD ("saved-file", test_saved_file);
  ADD ("ticker-idle", test_ticker_idle);
  ADD ("sleep-gap", test_sleep_gap);
  ADD ("cycle", test_cycle);
  g_test_add ("/meeting-view/narrow", Fixture, GINT_TO_POINTER (700), fixture_set_up,
              test_narrow, fixture_tear_down);
  g_test_add_func ("/meeting-view/find-meeting", test_find_meeting);
  g_test_add_func ("/meeting-view/window", test_window);

  status = g_test_run ();
  as_test_remove_tree (home);
  return status;
}
