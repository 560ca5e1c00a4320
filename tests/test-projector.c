/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "as-banner.h"
#include "as-format.h"
#include "as-live-meeting.h"
#include "as-meeting-view.h"
#include "as-member-tile.h"
#include "as-participation-panel.h"
#include "as-projected-view.h"
#include "as-test-util.h"
#include "as-tick-label.h"
#include "as-timer-display.h"
#include "as-widget-test-util.h"

#define SEC (G_USEC_PER_SEC)

/* The facilitator's window and the projected window on one live meeting of
 * the example set. */
typedef struct
{
  AsSet         *set;
  AsMeeting     *meeting;
  AsClock       *clock;
  AsLiveMeeting *live;
  GtkWidget     *window;
  AsMeetingView *view;
  GtkWindow     *projector;
} Fixture;

static void
wait_mapped (GtkWidget *widget)
{
  for (guint i = 0; i < 1000 && !gtk_widget_get_mapped (widget); i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  g_assert_true (gtk_widget_get_mapped (widget));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = as_test_data_path ("examples/northbridge-leaders.actionset");
  g_autoptr(GBytes) bytes = as_test_read_bytes (path);
  g_autoptr(GError) error = NULL;
  GDateTime *start;

  f->set = as_format_read (bytes, NULL, &error);
  g_assert_no_error (error);
  f->meeting = g_object_ref (as_meeting_session_find_meeting (f->set, "next"));
  g_assert_nonnull (f->meeting);
  start = as_meeting_get_start (f->meeting);
  f->clock = as_fake_clock_new (start);
  f->live = as_live_meeting_new (f->set, f->meeting, f->clock);

  f->window = adw_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 720);
  f->view = AS_MEETING_VIEW (as_meeting_view_new (f->live));
  adw_window_set_content (ADW_WINDOW (f->window), GTK_WIDGET (f->view));
  gtk_window_present (GTK_WINDOW (f->window));
  wait_mapped (GTK_WIDGET (f->view));

  as_live_meeting_set_projecting (f->live, TRUE);
  f->projector = as_live_meeting_get_projector (f->live);
  g_assert_nonnull (f->projector);
  wait_mapped (GTK_WIDGET (f->projector));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  as_live_meeting_close (f->live);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (f->live);
  g_clear_object (&f->meeting);
  g_assert_finalize_object (f->set);
  g_clear_object (&f->clock);
}

/* Helpers */

static gpointer
find (GtkWidget  *root,
      const char *id)
{
  GtkWidget *widget = as_test_find_widget (root, id);

  g_assert_nonnull (widget);
  return widget;
}

static const char *
text_of (GtkWidget  *root,
         const char *id)
{
  gpointer widget = find (root, id);

  if (AS_IS_TICK_LABEL (widget))
    return as_tick_label_get_text (widget);
  if (AS_IS_TIMER_DISPLAY (widget))
    return as_timer_display_get_text (widget);
  return gtk_label_get_text (GTK_LABEL (widget));
}

static void
advance (Fixture *f,
         gint64   usec)
{
  as_fake_clock_advance (AS_FAKE_CLOCK (f->clock), usec);
  as_ticker_tick_now (as_live_meeting_get_ticker (f->live));
}

static void
press (Fixture    *f,
       GtkWidget  *where,
       const char *action,
       GVariant   *parameter)
{
  /* The action only reads the parameter: the reference is ours to drop. */
  g_autoptr(GVariant) owned = parameter ? g_variant_ref_sink (parameter) : NULL;

  g_assert_true (gtk_widget_activate_action_variant (where, action, owned));
}

/* The speaker and the turns as each member tile of a window shows them (the
 * wall shows airtime to the minute only). */
static char *
speaking_tiles (GtkWidget *root)
{
  GtkFlowBox *tiles = find (root, "tiles_box");
  GString *out = g_string_new (NULL);

  for (guint i = 0; gtk_flow_box_get_child_at_index (tiles, i) != NULL; i++)
    {
      GtkWidget *tile = gtk_flow_box_child_get_child (gtk_flow_box_get_child_at_index (tiles, i));

      g_string_append_printf (out, "%s=%s:%s ", as_member_tile_get_member_id (AS_MEMBER_TILE (tile)),
                              as_member_tile_get_speaking (AS_MEMBER_TILE (tile)) ? "speaking" : "-",
                              as_member_tile_get_turns_text (AS_MEMBER_TILE (tile)));
    }
  return g_string_free (out, FALSE);
}

static const char *
first_airtime (GtkWidget *root)
{
  GtkFlowBox *tiles = find (root, "tiles_box");

  return as_member_tile_get_airtime_text (AS_MEMBER_TILE (gtk_flow_box_child_get_child (
                                            gtk_flow_box_get_child_at_index (tiles, 0))));
}

/* Both windows show the same state, to the second. */
static void
assert_same (Fixture *f)
{
  static const char * const ids[] = {
    "countdown", "step_label", "phase_label", "presenter_label", "round_number_label",
    "round_label", "meeting_label", "projected_label", "balance_label", "silent_label",
  };
  GtkWidget *facilitator = GTK_WIDGET (f->view);
  GtkWidget *wall = GTK_WIDGET (f->projector);
  g_autofree char *tiles_here = speaking_tiles (facilitator);
  g_autofree char *tiles_there = speaking_tiles (wall);

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_assert_cmpstr (text_of (facilitator, ids[i]), ==, text_of (wall, ids[i]));
  g_assert_cmpstr (tiles_here, ==, tiles_there);
}

/* Tests */

static void
test_same_state (Fixture       *f,
                 gconstpointer  data)
{
  GtkWidget *view = GTK_WIDGET (f->view);
  AsMeetingSession *session = as_live_meeting_get_session (f->live);

  assert_same (f);
  press (f, view, "meeting.toggle", NULL);
  assert_same (f);
  g_assert_cmpint (as_meeting_session_get_state (session), ==, AS_TIMER_RUNNING);
  press (f, view, "meeting.speaker", g_variant_new_uint32 (1));
  advance (f, 65 * SEC);
  assert_same (f);
  /* The facilitator sees each second of airtime; the wall, the minute. */
  g_assert_cmpstr (first_airtime (view), ==, "01:05");
  g_assert_cmpstr (first_airtime (GTK_WIDGET (f->projector)), ==, "1 min");
  press (f, view, "meeting.next-step", NULL);
  press (f, view, "meeting.speaker", g_variant_new_uint32 (2));
  advance (f, 12 * SEC);
  assert_same (f);
  press (f, view, "meeting.toggle", NULL);
  assert_same (f);
  g_assert_cmpint (as_meeting_session_get_state (session), ==, AS_TIMER_PAUSED);
  press (f, view, "meeting.toggle", NULL);
  press (f, view, "meeting.speaker", g_variant_new_uint32 (0));
  advance (f, 400 * SEC);   /* past the budget: overtime on both */
  assert_same (f);
  press (f, view, "meeting.next-round", NULL);
  assert_same (f);
  press (f, view, "meeting.undo", NULL);
  assert_same (f);
  g_assert_cmpstr (text_of (GTK_WIDGET (f->projector), "step_label"), ==, "Present");
}

/* The same actions answer in the projected window, should it have the
 * focus: the keys are the meeting's, not one window's. */
static void
test_keys_in_projector (Fixture       *f,
                        gconstpointer  data)
{
  AsMeetingSession *session = as_live_meeting_get_session (f->live);

  press (f, GTK_WIDGET (f->projector), "meeting.toggle", NULL);
  g_assert_cmpint (as_meeting_session_get_state (session), ==, AS_TIMER_RUNNING);
  press (f, GTK_WIDGET (f->projector), "meeting.speaker", g_variant_new_uint32 (3));
  g_assert_nonnull (as_meeting_session_get_speaker (session));
  assert_same (f);
}

/* One ticker, one set of timer events, one question about the sleep. */
static void
test_one_ticker (Fixture       *f,
                 gconstpointer  data)
{
  AsTicker *ticker = as_live_meeting_get_ticker (f->live);
  GListModel *events = as_meeting_get_timer_events (f->meeting);
  guint before = g_list_model_get_n_items (events);
  GList *toplevels;
  guint dialogs = 0;

  press (f, GTK_WIDGET (f->view), "meeting.toggle", NULL);
  /* The round and its first step start: two events, not four. */
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, before + 2);
  g_assert_true (as_ticker_is_pending (ticker));

  as_fake_clock_sleep (AS_FAKE_CLOCK (f->clock), 600 * SEC);
  advance (f, 1 * SEC);
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data))
      dialogs++;
  g_list_free (toplevels);
  g_assert_cmpuint (dialogs, ==, 1);
}

/* Closing the projected window stops nothing. */
static void
test_close_projector (Fixture       *f,
                      gconstpointer  data)
{
  AsMeetingSession *session = as_live_meeting_get_session (f->live);
  g_autofree char *before = NULL;

  press (f, GTK_WIDGET (f->view), "meeting.toggle", NULL);
  advance (f, 5 * SEC);
  gtk_window_close (f->projector);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_false (as_live_meeting_get_projecting (f->live));
  g_assert_null (as_live_meeting_get_projector (f->live));
  g_assert_cmpint (as_meeting_session_get_state (session), ==, AS_TIMER_RUNNING);
  g_assert_true (as_ticker_is_pending (as_live_meeting_get_ticker (f->live)));
  before = g_strdup (text_of (GTK_WIDGET (f->view), "countdown"));
  advance (f, 1 * SEC);
  g_assert_cmpstr (text_of (GTK_WIDGET (f->view), "countdown"), !=, before);

  /* And it opens again, with the meeting where it is. */
  press (f, GTK_WIDGET (f->view), "meeting.project", NULL);
  f->projector = as_live_meeting_get_projector (f->live);
  g_assert_nonnull (f->projector);
  wait_mapped (GTK_WIDGET (f->projector));
  assert_same (f);
  g_assert_nonnull (strstr (gtk_window_get_title (f->projector), "Projected"));
}

static void
add_if (GPtrArray  *texts,
        const char *text)
{
  if (text != NULL && *text != '\0')
    g_ptr_array_add (texts, (gpointer) text);
}

/* What the set keeps to itself: every question, challenge, reflection,
 * sponsor, action text, purpose and ground rule of the example set. */
static GPtrArray *
confidential_texts (AsSet *set)
{
  GPtrArray *texts = g_ptr_array_new ();
  GListModel *members = as_set_get_members (set);
  GListModel *meetings = as_set_get_meetings (set);
  GListModel *actions = as_set_get_actions (set);

  add_if (texts, as_set_get_purpose (set));
  add_if (texts, as_set_get_ground_rules (set));
  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(AsMember) member = g_list_model_get_item (members, i);

      add_if (texts, as_member_get_challenge (member));
      add_if (texts, as_member_get_sponsor_name (member));
      add_if (texts, as_member_get_sponsor_contact (member));
    }
  for (guint i = 0; i < g_list_model_get_n_items (meetings); i++)
    {
      g_autoptr(AsMeeting) meeting = g_list_model_get_item (meetings, i);
      GListModel *questions = as_meeting_get_questions (meeting);
      GListModel *reflections = as_meeting_get_reflections (meeting);

      for (guint q = 0; q < g_list_model_get_n_items (questions); q++)
        {
          g_autoptr(AsQuestion) question = g_list_model_get_item (questions, q);

          add_if (texts, as_question_get_text (question));
        }
      for (guint r = 0; r < g_list_model_get_n_items (reflections); r++)
        {
          g_autoptr(AsReflection) reflection = g_list_model_get_item (reflections, r);

          add_if (texts, as_reflection_get_text (reflection));
        }
    }
  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(AsAction) action = g_list_model_get_item (actions, i);

      add_if (texts, as_action_get_text (action));
    }
  return texts;
}

static guint
count_leaks (const char *shown,
             GPtrArray  *texts)
{
  guint leaks = 0;

  for (guint i = 0; i < texts->len; i++)
    if (strstr (shown, g_ptr_array_index (texts, i)) != NULL)
      {
        g_test_message ("shown on the wall: %s", (const char *) g_ptr_array_index (texts, i));
        leaks++;
      }
  return leaks;
}

static void
test_confidential (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) texts = confidential_texts (f->set);
  GtkWidget *view = GTK_WIDGET (f->view);
  g_autofree char *shown = NULL;
  g_autoptr(AsAction) action = as_action_new ();
  const char *first_presenter;

  /* The example set has something to hide. */
  g_assert_cmpuint (texts->len, >, 20);

  /* Through a round: every step, a speaker, overtime. */
  press (f, view, "meeting.toggle", NULL);
  for (guint i = 0; i < 5; i++)
    {
      press (f, view, "meeting.speaker", g_variant_new_uint32 (i + 1));
      advance (f, 400 * SEC);
      shown = as_test_collect_widget_texts (GTK_WIDGET (f->projector));
      g_assert_cmpuint (count_leaks (shown, texts), ==, 0);
      g_clear_pointer (&shown, g_free);
      press (f, view, "meeting.next-step", NULL);
    }

  /* An action agreed now: counted on the wall, its text only when
   * revealed, and hidden again with Escape. */
  first_presenter = as_round_get_presenter (g_list_model_get_item (as_meeting_get_rounds (f->meeting), 0));
  g_object_unref (g_list_model_get_item (as_meeting_get_rounds (f->meeting), 0));
  as_action_set_text (action, "Ask the board for the budget & <b>dates</b>");
  as_action_set_owner (action, first_presenter);
  as_action_set_meeting (action, as_entity_get_id (AS_ENTITY (f->meeting)));
  as_entity_append_child (AS_ENTITY (f->set), as_set_list_actions (), AS_ENTITY (action));
  g_ptr_array_add (texts, (gpointer) as_action_get_text (action));

  shown = as_test_collect_widget_texts (GTK_WIDGET (f->projector));
  g_assert_cmpuint (count_leaks (shown, texts), ==, 0);
  g_assert_nonnull (strstr (shown, "1 action agreed"));
  g_clear_pointer (&shown, g_free);

  press (f, view, "meeting.reveal-action", NULL);
  shown = as_test_collect_widget_texts (GTK_WIDGET (f->projector));
  g_assert_nonnull (strstr (shown, "Ask the board for the budget & <b>dates</b>"));
  g_clear_pointer (&shown, g_free);

  press (f, view, "meeting.escape", NULL);
  shown = as_test_collect_widget_texts (GTK_WIDGET (f->projector));
  g_assert_cmpuint (count_leaks (shown, texts), ==, 0);
}

/* With one screen, presentation mode shows the projected view in the
 * facilitator's window; Escape brings the controls back. */
static void
test_presentation (Fixture       *f,
                   gconstpointer  data)
{
  GtkStack *stack = find (GTK_WIDGET (f->view), "stack");
  g_autofree char *shown = NULL;

  press (f, GTK_WIDGET (f->view), "meeting.present", NULL);
  g_assert_true (as_live_meeting_get_presenting (f->live));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "presentation");
  g_assert_true (AS_IS_PROJECTED_VIEW (gtk_stack_get_visible_child (stack)));
  /* The keys still run the meeting. */
  press (f, GTK_WIDGET (f->view), "meeting.toggle", NULL);
  g_assert_cmpint (as_meeting_session_get_state (as_live_meeting_get_session (f->live)), ==,
                   AS_TIMER_RUNNING);
  /* Time passes while the controls are off screen... */
  advance (f, 7 * SEC);
  shown = g_strdup (text_of (gtk_stack_get_visible_child (stack), "countdown"));
  press (f, GTK_WIDGET (f->view), "meeting.escape", NULL);
  g_assert_false (as_live_meeting_get_presenting (f->live));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "meeting");
  /* ...and they show the same second as soon as they are back. */
  wait_mapped (find (GTK_WIDGET (f->view), "timer_panel"));
  g_assert_cmpstr (text_of (GTK_WIDGET (f->view), "countdown"), ==, shown);
}

/* A screen plugged in while nothing is projected: the facilitator's screen
 * offers to show the projected view there; not now, or unplugged again,
 * the offer goes. */
static void
test_screen_offer (Fixture       *f,
                   gconstpointer  data)
{
  GdkDisplay *display = gtk_widget_get_display (f->window);
  g_autoptr(GListStore) screens = g_list_store_new (GDK_TYPE_MONITOR);
  g_autoptr(GdkMonitor) laptop = g_object_new (GDK_TYPE_MONITOR, "display", display, NULL);
  g_autoptr(GdkMonitor) projector = g_object_new (GDK_TYPE_MONITOR, "display", display, NULL);
  AsBanner *banner = find (GTK_WIDGET (f->view), "screen_banner");

  gtk_window_destroy (f->projector);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_false (as_live_meeting_get_projecting (f->live));
  g_list_store_append (screens, laptop);
  as_live_meeting_set_monitors (f->live, G_LIST_MODEL (screens));
  g_assert_false (as_live_meeting_get_screen_offered (f->live));

  g_list_store_append (screens, projector);
  g_assert_true (as_live_meeting_get_screen_offered (f->live));
  g_assert_true (as_banner_get_revealed (banner));
  /* Two entries in the menu of screens. */
  g_assert_cmpint (g_menu_model_get_n_items (as_live_meeting_get_screen_menu (f->live)), ==, 2);

  press (f, GTK_WIDGET (f->view), "meeting.dismiss-screen", NULL);
  g_assert_false (as_live_meeting_get_screen_offered (f->live));
  g_assert_false (as_banner_get_revealed (banner));

  /* Unplugged and plugged in again: offered again; unplugged: withdrawn. */
  g_list_store_remove (screens, 1);
  g_list_store_append (screens, projector);
  g_assert_true (as_live_meeting_get_screen_offered (f->live));
  g_list_store_remove (screens, 1);
  g_assert_false (as_live_meeting_get_screen_offered (f->live));
  /* The meeting went on through all of it. */
  g_assert_nonnull (as_live_meeting_get_session (f->live));
  f->projector = NULL;
}

static void
test_choose_screen (void)
{
  const char *laptop_and_hdmi[] = { "eDP-1", "HDMI-1" };
  const char *models[] = { "0x06af", "DELL U2720Q" };
  const char *two_external[] = { "DP-1", "HDMI-1" };
  const char *one[] = { "eDP-1" };

  /* One screen: an ordinary window. */
  g_assert_cmpint (as_live_meeting_choose_screen (one, models, 1, "", -1), ==, -1);
  /* Not the laptop's own panel. */
  g_assert_cmpint (as_live_meeting_choose_screen (laptop_and_hdmi, models, 2, "", -1), ==, 1);
  g_assert_cmpint (as_live_meeting_choose_screen (laptop_and_hdmi, models, 2, "", 0), ==, 1);
  /* Not the facilitator's. */
  g_assert_cmpint (as_live_meeting_choose_screen (two_external, models, 2, "", 0), ==, 1);
  g_assert_cmpint (as_live_meeting_choose_screen (two_external, models, 2, "", 1), ==, 0);
  /* The one remembered, when it is there. */
  g_assert_cmpint (as_live_meeting_choose_screen (laptop_and_hdmi, models, 2, "eDP-1 0x06af", 1),
                   ==, 0);
  g_assert_cmpint (as_live_meeting_choose_screen (laptop_and_hdmi, models, 2, "DP-3 Gone", -1),
                   ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = NULL;
  g_autofree char *state = NULL;
  int status;

  g_setenv ("TZ", "UTC", TRUE);
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  home = as_test_make_tmpdir ();
  state = g_build_filename (home, "state", NULL);
  g_setenv ("XDG_STATE_HOME", state, TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);

    g_settings_set_boolean (settings, "sound-enabled", FALSE);
  }

#define ADD(path, func) \
  g_test_add ("/projector/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("same-state", test_same_state);
  ADD ("keys-in-projector", test_keys_in_projector);
  ADD ("one-ticker", test_one_ticker);
  ADD ("close-projector", test_close_projector);
  ADD ("confidential", test_confidential);
  ADD ("presentation", test_presentation);
  ADD ("screen-offer", test_screen_offer);
#undef ADD
  g_test_add_func ("/projector/choose-screen", test_choose_screen);

  status = g_test_run ();
  as_test_remove_tree (home);
  return status;
}
