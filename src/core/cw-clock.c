/* cw-clock.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-clock"

#include "config.h"

#include "cw-clock.h"

/* The single source of "now". The real clock follows the system time and
 * emits ::minute-changed at each minute boundary (re-armed from the wall time,
 * so a suspend or a clock change is caught at the next tick). The fake clock
 * only moves when a test tells it to, and emits the same signals. */
struct _CwClock
{
  GObject    parent_instance;

  GDateTime *fake_now;     /* UTC; NULL for the real clock */
  guint      timeout_id;
  gint64     last_minute;  /* Unix minutes at the last tick */
  gint       last_day;     /* Julian day (local time) at the last tick */
};

G_DEFINE_FINAL_TYPE (CwClock, cw_clock, G_TYPE_OBJECT)

enum {
  MINUTE_CHANGED,
  DAY_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gint
local_julian_day (GDateTime *utc)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (utc);
  g_autoptr(GDate) date = g_date_new_dmy (g_date_time_get_day_of_month (local),
                                          g_date_time_get_month (local),
                                          g_date_time_get_year (local));

  return (gint) g_date_get_julian (date);
}

static void
emit_ticks (CwClock *self)
{
  g_autoptr(GDateTime) now = cw_clock_get_now (self);
  gint64 minute = g_date_time_to_unix (now) / 60;
  gint day = local_julian_day (now);

  if (minute != self->last_minute)
    {
      self->last_minute = minute;
      g_signal_emit (self, signals[MINUTE_CHANGED], 0);
    }

  if (day != self->last_day)
    {
      self->last_day = day;
      g_signal_emit (self, signals[DAY_CHANGED], 0);
    }
}

static gboolean on_timeout_cb (gpointer data);

static void
schedule_tick (CwClock *self)
{
  gint64 now_us = g_get_real_time ();
  guint delay_ms = (guint) (60000 - (now_us / 1000) % 60000) + 20;

  self->timeout_id = g_timeout_add (delay_ms, on_timeout_cb, self);
}

static gboolean
on_timeout_cb (gpointer data)
{
  CwClock *self = data;

  self->timeout_id = 0;
  emit_ticks (self);
  schedule_tick (self);

  return G_SOURCE_REMOVE;
}

static void
cw_clock_dispose (GObject *object)
{
  CwClock *self = (CwClock *)object;

  g_clear_handle_id (&self->timeout_id, g_source_remove);

  G_OBJECT_CLASS (cw_clock_parent_class)->dispose (object);
}

static void
cw_clock_finalize (GObject *object)
{
  CwClock *self = (CwClock *)object;

  g_clear_pointer (&self->fake_now, g_date_time_unref);

  G_OBJECT_CLASS (cw_clock_parent_class)->finalize (object);
}

static void
cw_clock_class_init (CwClockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cw_clock_dispose;
  object_class->finalize = cw_clock_finalize;

  /**
   * CwClock::minute-changed:
   *
   * Emitted once each time the clock passes a minute boundary.
   */
  signals[MINUTE_CHANGED] =
    g_signal_new ("minute-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * CwClock::day-changed:
   *
   * Emitted when the local date changes.
   */
  signals[DAY_CHANGED] =
    g_signal_new ("day-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
cw_clock_init (CwClock *self)
{
}

static void
remember_now (CwClock *self)
{
  g_autoptr(GDateTime) now = cw_clock_get_now (self);

  self->last_minute = g_date_time_to_unix (now) / 60;
  self->last_day = local_julian_day (now);
}

/**
 * cw_clock_new:
 *
 * Returns: (transfer full): a clock that follows the system time
 */
CwClock *
cw_clock_new (void)
{
  CwClock *self = g_object_new (CW_TYPE_CLOCK, NULL);

  remember_now (self);
  schedule_tick (self);

  return self;
}

/**
 * cw_clock_new_fake:
 * @now: the time the clock starts at
 *
 * Returns: (transfer full): a clock that moves only with cw_clock_advance()
 *   and cw_clock_set_now()
 */
CwClock *
cw_clock_new_fake (GDateTime *now)
{
  CwClock *self;

  g_return_val_if_fail (now != NULL, NULL);

  self = g_object_new (CW_TYPE_CLOCK, NULL);
  self->fake_now = g_date_time_to_utc (now);
  remember_now (self);

  return self;
}

gboolean
cw_clock_is_fake (CwClock *self)
{
  g_return_val_if_fail (CW_IS_CLOCK (self), FALSE);

  return self->fake_now != NULL;
}

/**
 * cw_clock_get_now:
 *
 * Returns: (transfer full): the current time, in UTC
 */
GDateTime *
cw_clock_get_now (CwClock *self)
{
  g_return_val_if_fail (CW_IS_CLOCK (self), NULL);

  if (self->fake_now != NULL)
    return g_date_time_ref (self->fake_now);

  return g_date_time_new_now_utc ();
}

gint64
cw_clock_get_unix (CwClock *self)
{
  g_autoptr(GDateTime) now = cw_clock_get_now (self);

  return g_date_time_to_unix (now);
}

/**
 * cw_clock_format_iso:
 *
 * Returns: (transfer full): now as ISO 8601 in UTC, to the second
 */
char *
cw_clock_format_iso (CwClock *self)
{
  g_autoptr(GDateTime) now = cw_clock_get_now (self);

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

void
cw_clock_set_now (CwClock   *self,
                  GDateTime *now)
{
  g_return_if_fail (CW_IS_CLOCK (self));
  g_return_if_fail (self->fake_now != NULL);
  g_return_if_fail (now != NULL);

  g_clear_pointer (&self->fake_now, g_date_time_unref);
  self->fake_now = g_date_time_to_utc (now);
  emit_ticks (self);
}

/**
 * cw_clock_advance:
 * @span: how far to move a fake clock, in microseconds
 *
 * Moves a fake clock forward, emitting ::minute-changed once for each minute
 * boundary crossed, as the real clock would.
 */
void
cw_clock_advance (CwClock   *self,
                  GTimeSpan  span)
{
  gint64 target;

  g_return_if_fail (CW_IS_CLOCK (self));
  g_return_if_fail (self->fake_now != NULL);
  g_return_if_fail (span >= 0);

  target = g_date_time_to_unix (self->fake_now) * G_USEC_PER_SEC
           + g_date_time_get_microsecond (self->fake_now) + span;

  while (TRUE)
    {
      gint64 current = g_date_time_to_unix (self->fake_now) * G_USEC_PER_SEC
                       + g_date_time_get_microsecond (self->fake_now);
      gint64 next_minute = (current / (60 * G_USEC_PER_SEC) + 1) * 60 * G_USEC_PER_SEC;
      gint64 step = MIN (next_minute, target) - current;
      GDateTime *moved;

      if (step <= 0)
        break;

      moved = g_date_time_add (self->fake_now, step);
      g_date_time_unref (self->fake_now);
      self->fake_now = moved;
      emit_ticks (self);
    }
}
