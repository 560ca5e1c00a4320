/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "as-clock"

#include "config.h"

#include "as-clock.h"

G_DEFINE_TYPE (AsClock, as_clock, G_TYPE_OBJECT)

static gint64
as_clock_real_get_monotonic (AsClock *self)
{
  return g_get_monotonic_time ();
}

/* How long the system's time zone is kept before it is looked up again. */
#define ZONE_KEPT_US (60 * G_USEC_PER_SEC)

static GDateTime *
as_clock_real_get_wall (AsClock *self)
{
  static GMutex lock;
  static GTimeZone *zone;
  static gint64 zone_looked_up;
  gint64 now = g_get_monotonic_time ();
  g_autoptr(GTimeZone) kept = NULL;

  /* g_date_time_new_now_local () looks the zone up each time (a stat and a
   * readlink of /etc/localtime), and a running meeting reads the clock
   * several times a second. Summer time is in the zone's own rules; a new
   * zone chosen for the system shows within a minute. */
  g_mutex_lock (&lock);
  if (zone == NULL || now - zone_looked_up > ZONE_KEPT_US)
    {
      g_clear_pointer (&zone, g_time_zone_unref);
      zone = g_time_zone_new_local ();
      zone_looked_up = now;
    }
  kept = g_time_zone_ref (zone);
  g_mutex_unlock (&lock);

  return g_date_time_new_now (kept);
}

static void
as_clock_class_init (AsClockClass *klass)
{
  klass->get_monotonic = as_clock_real_get_monotonic;
  klass->get_wall = as_clock_real_get_wall;
}

static void
as_clock_init (AsClock *self)
{
}

AsClock *
as_clock_get_system (void)
{
  static AsClock *system_clock;

  if (g_once_init_enter (&system_clock))
    g_once_init_leave (&system_clock, g_object_new (AS_TYPE_CLOCK, NULL));
  return system_clock;
}

gint64
as_clock_get_monotonic (AsClock *self)
{
  g_return_val_if_fail (AS_IS_CLOCK (self), 0);
  return AS_CLOCK_GET_CLASS (self)->get_monotonic (self);
}

GDateTime *
as_clock_get_wall (AsClock *self)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (AS_IS_CLOCK (self), NULL);

  /* Files keep milliseconds: drop the rest so that what is kept in memory
   * equals what a reload gives. */
  now = AS_CLOCK_GET_CLASS (self)->get_wall (self);
  return g_date_time_add (now, -(g_date_time_get_microsecond (now) % 1000));
}

/* AsFakeClock */

struct _AsFakeClock
{
  AsClock    parent_instance;

  gint64     monotonic;
  GDateTime *wall;
};

G_DEFINE_FINAL_TYPE (AsFakeClock, as_fake_clock, AS_TYPE_CLOCK)

static gint64
as_fake_clock_get_monotonic (AsClock *clock)
{
  return AS_FAKE_CLOCK (clock)->monotonic;
}

static GDateTime *
as_fake_clock_get_wall (AsClock *clock)
{
  return g_date_time_ref (AS_FAKE_CLOCK (clock)->wall);
}

static void
as_fake_clock_finalize (GObject *object)
{
  AsFakeClock *self = AS_FAKE_CLOCK (object);

  g_clear_pointer (&self->wall, g_date_time_unref);

  G_OBJECT_CLASS (as_fake_clock_parent_class)->finalize (object);
}

static void
as_fake_clock_class_init (AsFakeClockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  AsClockClass *clock_class = AS_CLOCK_CLASS (klass);

  object_class->finalize = as_fake_clock_finalize;
  clock_class->get_monotonic = as_fake_clock_get_monotonic;
  clock_class->get_wall = as_fake_clock_get_wall;
}

static void
as_fake_clock_init (AsFakeClock *self)
{
  /* An arbitrary origin, far from zero, as a real monotonic clock is. */
  self->monotonic = 1000 * G_USEC_PER_SEC;
}

AsClock *
as_fake_clock_new (GDateTime *start)
{
  AsFakeClock *self;

  g_return_val_if_fail (start != NULL, NULL);

  self = g_object_new (AS_TYPE_FAKE_CLOCK, NULL);
  self->wall = g_date_time_ref (start);
  return AS_CLOCK (self);
}

void
as_fake_clock_advance (AsFakeClock *self,
                       gint64       usec)
{
  GDateTime *wall;

  g_return_if_fail (AS_IS_FAKE_CLOCK (self));
  g_return_if_fail (usec >= 0);

  self->monotonic += usec;
  wall = g_date_time_add (self->wall, usec);
  g_date_time_unref (self->wall);
  self->wall = wall;
}

void
as_fake_clock_sleep (AsFakeClock *self,
                     gint64       usec)
{
  GDateTime *wall;

  g_return_if_fail (AS_IS_FAKE_CLOCK (self));
  g_return_if_fail (usec >= 0);

  wall = g_date_time_add (self->wall, usec);
  g_date_time_unref (self->wall);
  self->wall = wall;
}
