/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "as-bench"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "as-bench-util.h"

/* For profiling: run only one side ("app" or "floor"). */
static char *only_side;

guint
as_bench_parse_runs (int          *argc,
                     char       ***argv,
                     const char   *usage)
{
  gint runs = AS_BENCH_DEFAULT_RUNS;
  GOptionEntry entries[] = {
    { "runs", 'n', 0, G_OPTION_ARG_INT, &runs, "Timed runs of each side (at least 5)", "N" },
    { "only", 0, 0, G_OPTION_ARG_STRING, &only_side,
      "Run only one side, app or floor (to profile it)", "SIDE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (usage);
  g_autoptr(GError) error = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_printerr ("%s\n", error->message);
      exit (2);
    }
  if (runs < 5)
    {
      g_printerr ("--runs must be at least 5: a median of fewer runs is noise\n");
      exit (2);
    }
  if (only_side != NULL && g_strcmp0 (only_side, "app") != 0 && g_strcmp0 (only_side, "floor") != 0)
    {
      g_printerr ("--only must be app or floor\n");
      exit (2);
    }
  return runs;
}

static double
time_here (const AsBenchCase *c,
           gpointer           data)
{
  gint64 start, end;

  start = g_get_monotonic_time ();
  c->run (data);
  end = g_get_monotonic_time ();
  if (c->reset != NULL)
    c->reset (data);
  return (end - start) / 1000.0;
}

static double
time_in_child (const AsBenchCase *c,
               gpointer           data)
{
  int fds[2];
  pid_t pid;
  double ms = -1;
  int status;

  if (pipe (fds) != 0)
    g_error ("pipe: %s", g_strerror (errno));

  fflush (stdout);
  pid = fork ();
  if (pid < 0)
    g_error ("fork: %s", g_strerror (errno));
  if (pid == 0)
    {
      gint64 start, end;

      close (fds[0]);
      start = g_get_monotonic_time ();
      c->run (data);
      end = g_get_monotonic_time ();
      ms = (end - start) / 1000.0;
      if (write (fds[1], &ms, sizeof ms) != sizeof ms)
        _exit (1);
      /* What run made is left to the end of the process, as in the app. */
      _exit (0);
    }

  close (fds[1]);
  if (read (fds[0], &ms, sizeof ms) != sizeof ms)
    ms = -1;
  close (fds[0]);
  while (waitpid (pid, &status, 0) < 0 && errno == EINTR)
    ;
  if (ms < 0 || !WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_error ("a benchmark run failed");
  return ms;
}

static AsBenchMode current_mode;

static double
time_one (const AsBenchCase *c,
          gpointer           data)
{
  if (current_mode == AS_BENCH_FRESH_PROCESS)
    return time_in_child (c, data);
  return time_here (c, data);
}

void
as_bench_compare (AsBenchMode        mode,
                  const AsBenchCase *app,
                  gpointer           app_data,
                  const AsBenchCase *floor,
                  gpointer           floor_data,
                  guint              runs,
                  double            *app_ms,
                  double            *floor_ms)
{
  g_autofree double *a = g_new (double, runs);
  g_autofree double *f = g_new (double, runs);

  *app_ms = *floor_ms = 0;
  current_mode = mode;

  /* Warm up caches, the allocator and lazily created types. */
  if (g_strcmp0 (only_side, "floor") != 0)
    time_one (app, app_data);
  if (g_strcmp0 (only_side, "app") != 0)
    time_one (floor, floor_data);

  if (only_side != NULL)
    {
      gboolean is_app = g_strcmp0 (only_side, "app") == 0;

      for (guint i = 0; i < runs; i++)
        a[i] = is_app ? time_one (app, app_data) : time_one (floor, floor_data);
      *(is_app ? app_ms : floor_ms) = as_bench_median (a, runs);
      return;
    }

  for (guint i = 0; i < runs; i++)
    {
      if (i % 2 == 0)
        {
          a[i] = time_one (app, app_data);
          f[i] = time_one (floor, floor_data);
        }
      else
        {
          f[i] = time_one (floor, floor_data);
          a[i] = time_one (app, app_data);
        }
    }

  *app_ms = as_bench_median (a, runs);
  *floor_ms = as_bench_median (f, runs);
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

double
as_bench_median (double *values,
                 guint   n)
{
  g_return_val_if_fail (n > 0, 0);

  qsort (values, n, sizeof (double), compare_doubles);
  if (n % 2 == 1)
    return values[n / 2];
  return (values[n / 2 - 1] + values[n / 2]) / 2;
}

void
as_bench_print (const char *name,
                double      app_ms,
                double      floor_ms,
                const char *format,
                ...)
{
  g_autofree char *extra = NULL;
  va_list args;

  va_start (args, format);
  extra = g_strdup_vprintf (format, args);
  va_end (args);

  /* The programs never call setlocale (), so numbers print with a dot. */
  printf ("%s ratio=%.2f app_ms=%.1f floor_ms=%.1f%s%s\n",
          name, floor_ms > 0 ? app_ms / floor_ms : 0, app_ms, floor_ms,
          *extra ? " " : "", extra);
  fflush (stdout);
}
