/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "as-words.h"

static void
clear_airtime (gpointer data)
{
  g_free (((AsAirtime *) data)->member_id);
}

/* A participation of n members with these airtimes (ms) and turns. */
static AsParticipation *
participation (const gint64 *airtimes,
               const guint  *turns,
               guint         n)
{
  AsParticipation *p = g_new0 (AsParticipation, 1);

  p->members = g_array_new (FALSE, TRUE, sizeof (AsAirtime));
  g_array_set_clear_func (p->members, clear_airtime);
  for (guint i = 0; i < n; i++)
    p->total_ms += airtimes[i];
  for (guint i = 0; i < n; i++)
    {
      AsAirtime a = {
        .member_id = g_strdup_printf ("m%u", i),
        .airtime_ms = airtimes[i],
        .turns = turns[i],
        .share = p->total_ms > 0 ? (double) airtimes[i] / p->total_ms : 0,
      };

      g_array_append_val (p->members, a);
      if (turns[i] == 0)
        p->n_silent++;
    }
  p->equal_share = 1.0 / n;
  p->gini = as_gini (airtimes, n);
  return p;
}

static void
test_balance_waits (void)
{
  const gint64 nobody[] = { 0, 0, 0, 0 };
  const gint64 half_minute[] = { 30000, 0, 0, 0 };
  const gint64 four_minutes[] = { 240000, 0, 0, 0 };
  const gint64 even[] = { 60000, 55000, 62000, 58000 };
  const gint64 two[] = { 150000, 140000, 5000, 5000 };
  const guint none[] = { 0, 0, 0, 0 };
  const guint one[] = { 1, 0, 0, 0 };
  const guint many[] = { 4, 0, 0, 0 };
  const guint each[] = { 2, 2, 2, 2 };
  g_autoptr(AsParticipation) p0 = participation (nobody, none, 4);
  g_autoptr(AsParticipation) p1 = participation (half_minute, one, 4);
  g_autoptr(AsParticipation) p2 = participation (four_minutes, one, 4);
  g_autoptr(AsParticipation) p3 = participation (four_minutes, many, 4);
  g_autoptr(AsParticipation) p4 = participation (even, each, 4);
  g_autoptr(AsParticipation) p5 = participation (two, each, 4);
  g_autofree char *line0 = as_words_balance_line (p0);
  g_autofree char *line1 = as_words_balance_line (p1);
  g_autofree char *line3 = as_words_balance_line (p3);
  g_autofree char *line4 = as_words_balance_line (p4);

  g_assert_cmpint (as_words_balance (p0), ==, AS_BALANCE_NO_TALK);
  g_assert_cmpstr (line0, ==, "Balance: no one has spoken yet");
  /* Half a minute of one voice at the start says nothing yet. */
  g_assert_cmpint (as_words_balance (p1), ==, AS_BALANCE_TOO_EARLY);
  g_assert_cmpstr (line1, ==, "Balance: too early to tell");
  g_assert_null (as_words_balance_label (AS_BALANCE_TOO_EARLY));
  /* Enough time, but one turn: still too early. */
  g_assert_cmpint (as_words_balance (p2), ==, AS_BALANCE_TOO_EARLY);
  /* Four minutes in four turns of one voice among four: it dominates. */
  g_assert_cmpint (as_words_balance (p3), ==, AS_BALANCE_ONE_DOMINATES);
  g_assert_cmpstr (line3, ==, "Balance: one voice dominates (0.75)");
  g_assert_cmpint (as_words_balance (p4), ==, AS_BALANCE_EVEN);
  g_assert_true (g_str_has_prefix (line4, "Balance: even (0.0"));
  g_assert_cmpint (as_words_balance (p5), ==, AS_BALANCE_FEW_DOMINATE);
}

static void
test_times (void)
{
  g_autofree char *seven = as_words_minutes (7);
  g_autofree char *hour = as_words_minutes (65);
  g_autofree char *late = as_words_lateness (7 * 60000 + 20000);
  g_autofree char *early = as_words_lateness (-3 * 60000);
  g_autofree char *on_time = as_words_lateness (20000);
  g_autofree char *left = as_words_time_left (90000);
  g_autofree char *last = as_words_time_left (30000);
  g_autofree char *seconds = as_words_duration (45000);
  g_autofree char *minutes = as_words_duration (600000);
  g_autofree char *none = as_words_date (NULL);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) dt = g_date_time_new (utc, 2026, 11, 21, 14, 5, 0);
  g_autofree char *date = as_words_date (dt);
  g_autofree char *time = as_words_time (dt);

  g_assert_cmpstr (seven, ==, "7 min");
  g_assert_cmpstr (hour, ==, "1 h 05 min");
  g_assert_cmpstr (late, ==, "7 min late");
  g_assert_cmpstr (early, ==, "3 min early");
  g_assert_cmpstr (on_time, ==, "on time");
  g_assert_cmpstr (left, ==, "Under 2 minutes left");
  g_assert_cmpstr (last, ==, "Under a minute left");
  g_assert_cmpstr (seconds, ==, "45 seconds");
  g_assert_cmpstr (minutes, ==, "10 min");
  g_assert_cmpstr (none, ==, "");
  g_assert_cmpstr (date, ==, "Saturday 21 November 2026");
  g_assert_cmpstr (time, ==, "14:05");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/words/balance-waits", test_balance_waits);
  g_test_add_func ("/words/times", test_times);
  return g_test_run ();
}
