/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "as-words"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "as-words.h"

char *
as_words_minutes (gint64 minutes)
{
  if (minutes < 60)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d min", "%d min", (gulong) minutes),
                            (int) minutes);
  /* Translators: hours and minutes, "1 h 05 min". */
  return g_strdup_printf (_("%d h %02d min"), (int) (minutes / 60), (int) (minutes % 60));
}

char *
as_words_lateness (gint64 lateness_ms)
{
  gint64 minutes = llround (lateness_ms / 60000.0);
  g_autofree char *amount = as_words_minutes (ABS (minutes));

  if (minutes > 0)
    /* Translators: how late the meeting will end, "7 min late". */
    return g_strdup_printf (_("%s late"), amount);
  if (minutes < 0)
    /* Translators: how early the meeting will end, "3 min early". */
    return g_strdup_printf (_("%s early"), amount);
  return g_strdup (_("on time"));
}

char *
as_words_time_left (gint64 remaining_ms)
{
  gint64 minutes = (remaining_ms + 59999) / 60000;

  if (minutes <= 1)
    return g_strdup (_("Under a minute left"));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Under %d minute left",
                                       "Under %d minutes left", (gulong) minutes),
                          (int) minutes);
}

char *
as_words_duration (gint64 ms)
{
  if (ms < 60000)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d second", "%d seconds",
                                         (gulong) (ms / 1000)),
                            (int) (ms / 1000));
  return as_words_minutes (llround (ms / 60000.0));
}

char *
as_words_date (GDateTime *dt)
{
  g_autoptr(GDateTime) local = NULL;

  if (dt == NULL)
    return g_strdup ("");
  local = g_date_time_to_local (dt);
  /* Translators: the date of a meeting, see the strftime manual page. */
  return g_date_time_format (local, C_("meeting date", "%A %-d %B %Y"));
}

char *
as_words_time (GDateTime *dt)
{
  g_autoptr(GDateTime) local = NULL;

  if (dt == NULL)
    return g_strdup ("");
  local = g_date_time_to_local (dt);
  /* Translators: a time of day, see the strftime manual page. */
  return g_date_time_format (local, C_("time of day", "%H:%M"));
}

AsBalance
as_words_balance (const AsParticipation *p)
{
  double first = 0, second = 0;
  guint turns = 0;

  g_return_val_if_fail (p != NULL, AS_BALANCE_NO_TALK);

  if (p->total_ms <= 0)
    return AS_BALANCE_NO_TALK;
  for (guint i = 0; i < p->members->len; i++)
    turns += g_array_index (p->members, AsAirtime, i).turns;
  if (p->total_ms < AS_BALANCE_MIN_MS || turns < AS_BALANCE_MIN_TURNS)
    return AS_BALANCE_TOO_EARLY;

  if (p->gini < AS_GINI_EVEN)
    return AS_BALANCE_EVEN;
  if (p->gini < AS_GINI_UNEVEN)
    return AS_BALANCE_UNEVEN;

  for (guint i = 0; i < p->members->len; i++)
    {
      double share = g_array_index (p->members, AsAirtime, i).share;

      if (share > first)
        {
          second = first;
          first = share;
        }
      else if (share > second)
        second = share;
    }
  if (first >= AS_DOMINANCE_FACTOR * second)
    return AS_BALANCE_ONE_DOMINATES;
  return AS_BALANCE_FEW_DOMINATE;
}

const char *
as_words_balance_label (AsBalance balance)
{
  switch (balance)
    {
    case AS_BALANCE_EVEN:
      return _("even");
    case AS_BALANCE_UNEVEN:
      return _("uneven");
    case AS_BALANCE_ONE_DOMINATES:
      return _("one voice dominates");
    case AS_BALANCE_FEW_DOMINATE:
      return _("a few voices dominate");
    case AS_BALANCE_NO_TALK:
    case AS_BALANCE_TOO_EARLY:
    default:
      return NULL;
    }
}

char *
as_words_balance_line (const AsParticipation *p)
{
  AsBalance balance = as_words_balance (p);

  switch (balance)
    {
    case AS_BALANCE_NO_TALK:
      return g_strdup (_("Balance: no one has spoken yet"));
    case AS_BALANCE_TOO_EARLY:
      /* Translators: the balance of airtime before there is enough talk to judge it. */
      return g_strdup (_("Balance: too early to tell"));
    default:
      /* Translators: the balance of airtime in words and its Gini coefficient. */
      return g_strdup_printf (_("Balance: %s (%.2f)"), as_words_balance_label (balance), p->gini);
    }
}
