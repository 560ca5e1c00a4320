/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Shared by the benchmark programs. A figure times the app's way of doing
 * something against a floor (the least any program would have to do for the
 * same result), in the same process, runs interleaved, and prints the ratio
 * of the medians, so that the speed of the machine cancels out.
 */

typedef struct
{
  /* Timed. */
  void (*run)   (gpointer data);
  /* Not timed, after each run in this process: frees what run made. */
  void (*reset) (gpointer data);
} AsBenchCase;

typedef enum
{
  /* Each run in a child forked from this process: it starts from what
   * main () prepared, as in an app that has just started, and what it makes
   * is never freed or seen by the next run. For what the app does once
   * after it starts, like loading a file: after freeing a large set, the
   * heap's fragments slowed the next loads by up to half. */
  AS_BENCH_FRESH_PROCESS,
  /* Every run in this process, reset between runs. For what the app does
   * again and again on what it holds, like saving: a child would pay for
   * copying each page of the parent's model that it touches. */
  AS_BENCH_SAME_PROCESS,
} AsBenchMode;

/* Default number of runs of each side; at least 5. */
#define AS_BENCH_DEFAULT_RUNS 7

/* Parses "--runs=N" and "--only=app|floor" (to profile one side; the other
 * then reads 0) and leaves the other arguments; exits with a usage message
 * on a bad value. */
guint   as_bench_parse_runs  (int          *argc,
                              char       ***argv,
                              const char   *usage);

/* Runs one untimed warm-up of each side, then runs times each side, in
 * alternating order (app, floor, floor, app, ...) so that drift in the
 * machine's speed falls on both sides alike. Returns the medians in ms. */
void    as_bench_compare     (AsBenchMode        mode,
                              const AsBenchCase *app,
                              gpointer           app_data,
                              const AsBenchCase *floor,
                              gpointer           floor_data,
                              guint              runs,
                              double            *app_ms,
                              double            *floor_ms);

double  as_bench_median      (double            *values,
                              guint              n);

/* Prints one figure: "NAME ratio=R app_ms=A floor_ms=F" followed by the
 * extra "key=value" pairs of format, on one line. */
void    as_bench_print       (const char        *name,
                              double             app_ms,
                              double             floor_ms,
                              const char        *format,
                              ...) G_GNUC_PRINTF (4, 5);

G_END_DECLS
