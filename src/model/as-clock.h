/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/*
 * AsClock is where timers take time from: a monotonic clock for intervals
 * (it does not jump when the wall clock is set, and stops while the computer
 * sleeps) and the wall clock for what is recorded. The system clock is the
 * real one; AsFakeClock lets tests run hours of a meeting in milliseconds.
 */

#define AS_TYPE_CLOCK (as_clock_get_type ())
G_DECLARE_DERIVABLE_TYPE (AsClock, as_clock, AS, CLOCK, GObject)

struct _AsClockClass
{
  GObjectClass parent_class;

  gint64     (*get_monotonic) (AsClock *self);   /* microseconds */
  GDateTime *(*get_wall)      (AsClock *self);   /* new reference, local time */

  /*< private >*/
  gpointer padding[6];
};

/* The system's clocks; a shared instance, not a new reference. */
AsClock    *as_clock_get_system    (void);
gint64      as_clock_get_monotonic (AsClock *self);
/* The wall clock now, to the millisecond. */
GDateTime  *as_clock_get_wall      (AsClock *self);

#define AS_TYPE_FAKE_CLOCK (as_fake_clock_get_type ())
G_DECLARE_FINAL_TYPE (AsFakeClock, as_fake_clock, AS, FAKE_CLOCK, AsClock)

/* A clock that stands still until advanced, starting at wall time start. */
AsClock    *as_fake_clock_new      (GDateTime   *start);
/* Both clocks move on by usec. */
void        as_fake_clock_advance  (AsFakeClock *self,
                                    gint64       usec);
/* Only the wall clock moves on, as when the computer sleeps. */
void        as_fake_clock_sleep    (AsFakeClock *self,
                                    gint64       usec);

G_END_DECLS
