/* test-clock.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-clock"

#include "config.h"

#include "cw-context.h"
#include "cw-test-fixture.h"

static void
count_cb (CwClock *clock,
          guint   *count)
{
  (*count)++;
}

static void
test_fake_advance (void)
{
  g_autoptr(CwClock) clock = cw_test_fake_clock ();
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *iso = NULL;
  guint minutes = 0;
  guint days = 0;

  g_assert_true (cw_clock_is_fake (clock));
  g_signal_connect (clock, "minute-changed", G_CALLBACK (count_cb), &minutes);
  g_signal_connect (clock, "day-changed", G_CALLBACK (count_cb), &days);

  /* 00:59:30 + 20 s stays within the minute. */
  cw_clock_advance (clock, 20 * G_USEC_PER_SEC);
  g_assert_cmpuint (minutes, ==, 0);

  /* 00:59:50 + 90 s crosses 01:00 and 01:01. */
  cw_clock_advance (clock, 90 * G_USEC_PER_SEC);
  g_assert_cmpuint (minutes, ==, 2);
  now = cw_clock_get_now (clock);
  g_assert_cmpint (g_date_time_get_hour (now), ==, 1);
  g_assert_cmpint (g_date_time_get_minute (now), ==, 1);
  g_assert_cmpint (g_date_time_get_second (now), ==, 20);
  g_assert_cmpuint (days, ==, 0);

  iso = cw_clock_format_iso (clock);
  g_assert_cmpstr (iso, ==, "2026-03-29T01:01:20Z");
  g_assert_cmpint (cw_clock_get_unix (clock), ==, g_date_time_to_unix (now));
}

static void
test_fake_day (void)
{
  g_autoptr(GDateTime) start = g_date_time_new_utc (2026, 12, 31, 23, 58, 0);
  g_autoptr(GDateTime) later = g_date_time_new_utc (2027, 1, 1, 0, 30, 0);
  g_autoptr(CwClock) clock = cw_clock_new_fake (start);
  guint minutes = 0;
  guint days = 0;

  g_signal_connect (clock, "minute-changed", G_CALLBACK (count_cb), &minutes);
  g_signal_connect (clock, "day-changed", G_CALLBACK (count_cb), &days);

  /* TZ=UTC in the test environment: local midnight is UTC midnight. */
  cw_clock_advance (clock, 3 * 60 * G_USEC_PER_SEC);
  g_assert_cmpuint (minutes, ==, 3);
  g_assert_cmpuint (days, ==, 1);

  cw_clock_set_now (clock, later);
  g_assert_cmpuint (minutes, ==, 4);
  g_assert_cmpuint (days, ==, 1);
}

static void
test_real (void)
{
  g_autoptr(CwClock) clock = cw_clock_new ();
  gint64 before = g_get_real_time () / G_USEC_PER_SEC;
  gint64 now = cw_clock_get_unix (clock);
  gint64 after = g_get_real_time () / G_USEC_PER_SEC;

  g_assert_false (cw_clock_is_fake (clock));
  g_assert_cmpint (now, >=, before);
  g_assert_cmpint (now, <=, after);
}

static void
test_context (void)
{
  g_autofree char *dir = cw_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "Site Upgrades.db", NULL);
  g_autoptr(CwClock) fake = cw_test_fake_clock ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CwStore) store = NULL;
  g_autoptr(CwContext) context = NULL;
  g_autoptr(CwContext) real = NULL;
  g_autofree char *title = NULL;

  store = cw_store_open (path, CW_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  context = cw_context_new (store, fake);
  g_assert_true (cw_context_get_store (context) == store);
  g_assert_true (cw_context_get_clock (context) == fake);
  title = cw_context_dup_title (context);
  g_assert_cmpstr (title, ==, "Site Upgrades");

  /* Without a clock, the context uses the real one. */
  real = cw_context_new (store, NULL);
  g_assert_nonnull (cw_context_get_clock (real));
  g_assert_false (cw_clock_is_fake (cw_context_get_clock (real)));

  g_clear_object (&context);
  g_clear_object (&real);
  g_clear_object (&store);
  cw_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/clock/fake/advance", test_fake_advance);
  g_test_add_func ("/core/clock/fake/day", test_fake_day);
  g_test_add_func ("/core/clock/real", test_real);
  g_test_add_func ("/core/context/new", test_context);

  return g_test_run ();
}
