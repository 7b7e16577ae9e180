/* test-schedule-range.c: cw_schedule_load_range() gives what the separate
 * functions give, for ranges whose planned work reaches past them, with
 * windows the conflicts expand and windows they do not.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-schedule-range"

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "cw-schedule.h"
#include "cw-store-private.h"
#include "cw-test-fixture.h"

typedef struct
{
  char    *dir;
  CwStore *store;
} Fixture;

static gint64
at (const char *iso)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (dt);

  return g_date_time_to_unix (dt);
}

static void
add_window (Fixture    *fixture,
            const char *name,
            const char *tzid,
            const char *start,
            guint       minutes,
            const char *rrule,
            const char *site,
            const char *klass)
{
  g_autoptr(CwMaintWindow) window = cw_maint_window_new (name, tzid, start, minutes);
  g_autoptr(GError) error = NULL;

  window->rrule = g_strdup (rrule);
  if (site != NULL)
    window->scope->sites = g_strsplit (site, ",", -1);
  if (klass != NULL)
    window->scope->classes = g_strsplit (klass, ",", -1);
  if (site == NULL && klass == NULL)
    window->scope->everything = TRUE;
  if (g_strcmp0 (name, "Moved nights") == 0)
    {
      /* An occurrence moved a day later, one cancelled: sorted apart. */
      g_ptr_array_add (window->overrides, cw_window_override_new ("2026-06-03T23:00:00", "2026-06-04T01:30:00", 60));
      g_ptr_array_add (window->overrides, cw_window_override_new ("2026-06-05T23:00:00", NULL, 0));
    }
  g_assert_true (cw_schedule_add_window (fixture->store, window, &error));
  g_assert_no_error (error);
}

static void
add_work (Fixture    *fixture,
          const char *title,
          const char *start,
          const char *end,
          gint64      ci)
{
  g_autoptr(CwPlannedWork) work = cw_planned_work_new (title, at (start), at (end));
  g_autoptr(GError) error = NULL;

  cw_planned_work_add_ci (work, ci);
  g_assert_true (cw_schedule_add_work (fixture->store, work, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwBlackout) freeze = cw_blackout_new ("Freeze", CW_BLACKOUT_BLOCK,
                                                  at ("2026-06-10T00:00:00Z"), at ("2026-06-12T00:00:00Z"));
  g_autoptr(CwBlackout) later = cw_blackout_new ("Later", CW_BLACKOUT_WARN,
                                                 at ("2026-08-01T00:00:00Z"), at ("2026-08-02T00:00:00Z"));
  char *message = NULL;

  fixture->dir = cw_test_make_tmpdir ();
  {
    g_autofree char *path = g_build_filename (fixture->dir, "range.db", NULL);

    fixture->store = cw_store_open (path, CW_STORE_OPEN_CREATE_NEW, &error);
    g_assert_no_error (error);
  }
  if (sqlite3_exec (cw_store_get_handle (fixture->store),
                    "INSERT INTO sites (id, code, name, time_zone) VALUES "
                    "  (1, 'BER', 'Berlin', 'Europe/Berlin'), (2, 'SYD', 'Sydney', 'Australia/Sydney');"
                    "INSERT INTO cis (id, class, name, site_id, updated_at) VALUES "
                    "  (1, 'switch', 'sw-01', 1, '2026-01-01T00:00:00Z'),"
                    "  (2, 'server', 'srv-01', 1, '2026-01-01T00:00:00Z'),"
                    "  (3, 'router', 'rtr-01', 2, '2026-01-01T00:00:00Z');",
                    NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s", message);

  /* Windows the conflicts expand (they cover the works' CIs), and windows
   * they do not (routers, Sydney: no work there). */
  add_window (fixture, "Berlin nights", "Europe/Berlin", "2026-01-05T22:00:00", 240, "FREQ=DAILY", "BER", NULL);
  add_window (fixture, "Moved nights", "Europe/Berlin", "2026-06-01T23:00:00", 120,
              "FREQ=DAILY;COUNT=10", "BER", NULL);
  add_window (fixture, "Router Sundays", "Australia/Sydney", "2026-01-04T02:00:00", 180,
              "FREQ=MONTHLY;BYDAY=2SU", NULL, "router");
  add_window (fixture, "Sydney mornings", "Australia/Sydney", "2026-03-01T06:00:00", 90,
              "FREQ=WEEKLY;BYDAY=MO,TH", "SYD", NULL);
  add_window (fixture, "Once", "UTC", "2026-06-20T10:00:00", 60, NULL, NULL, NULL);

  freeze->scope->everything = TRUE;
  later->scope->sites = g_strsplit ("BER", ",", -1);
  g_assert_true (cw_schedule_add_blackout (fixture->store, freeze, &error));
  g_assert_true (cw_schedule_add_blackout (fixture->store, later, &error));
  g_assert_no_error (error);

  /* Inside windows, overlapping one another, in the freeze, outside every
   * window, and a long one that runs from May into July. */
  add_work (fixture, "Switch A", "2026-06-02T20:30:00Z", "2026-06-02T21:30:00Z", 1);
  add_work (fixture, "Switch B", "2026-06-02T21:00:00Z", "2026-06-02T22:00:00Z", 1);
  add_work (fixture, "In the freeze", "2026-06-10T21:00:00Z", "2026-06-10T22:00:00Z", 2);
  add_work (fixture, "Midday", "2026-06-15T11:00:00Z", "2026-06-15T12:00:00Z", 2);
  add_work (fixture, "Long", "2026-05-20T00:00:00Z", "2026-07-10T00:00:00Z", 2);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  cw_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static void
assert_same_range (Fixture *fixture,
                   gint64   from,
                   gint64   to)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwScheduleRange) range = cw_schedule_load_range (fixture->store, from, to, &error);
  g_autoptr(GArray) occurrences = cw_schedule_list_occurrences (fixture->store, from, to, &error);
  g_autoptr(GPtrArray) blackouts = cw_schedule_list_blackouts (fixture->store, from, to, &error);
  g_autoptr(GPtrArray) works = cw_schedule_list_work (fixture->store, from, to, &error);
  g_autoptr(GPtrArray) conflicts = cw_schedule_conflicts (fixture->store, from, to, &error);
  g_autoptr(GHashTable) window_ids = g_hash_table_new (g_int64_hash, g_int64_equal);

  g_assert_no_error (error);
  g_assert_nonnull (range);

  g_assert_cmpuint (range->occurrences->len, ==, occurrences->len);
  for (guint i = 0; i < occurrences->len; i++)
    {
      const CwOccurrence *a = &g_array_index (occurrences, CwOccurrence, i);
      const CwOccurrence *b = &g_array_index (range->occurrences, CwOccurrence, i);

      g_assert_cmpint (a->window_id, ==, b->window_id);
      g_assert_cmpint (a->start, ==, b->start);
      g_assert_cmpint (a->end, ==, b->end);
      g_assert_cmpstr (a->recurrence_id, ==, b->recurrence_id);
      g_assert_cmpint (a->moved, ==, b->moved);
      if (i > 0)
        g_assert_cmpint (a->start, >=, g_array_index (occurrences, CwOccurrence, i - 1).start);
    }

  /* Every window with an occurrence is among the windows, by name. */
  for (guint i = 0; i < range->windows->len; i++)
    {
      CwMaintWindow *window = g_ptr_array_index (range->windows, i);

      g_assert_nonnull (window->name);
      g_assert_nonnull (window->scope);
      g_hash_table_add (window_ids, &window->id);
      if (i > 0)
        g_assert_cmpint (g_ascii_strcasecmp (((CwMaintWindow *) g_ptr_array_index (range->windows, i - 1))->name,
                                             window->name), <=, 0);
    }
  for (guint i = 0; i < occurrences->len; i++)
    g_assert_true (g_hash_table_contains (window_ids, &g_array_index (occurrences, CwOccurrence, i).window_id));

  g_assert_cmpuint (range->blackouts->len, ==, blackouts->len);
  for (guint i = 0; i < blackouts->len; i++)
    g_assert_cmpint (((CwBlackout *) g_ptr_array_index (range->blackouts, i))->id, ==,
                     ((CwBlackout *) g_ptr_array_index (blackouts, i))->id);

  g_assert_cmpuint (range->works->len, ==, works->len);
  for (guint i = 0; i < works->len; i++)
    g_assert_cmpint (((CwPlannedWork *) g_ptr_array_index (range->works, i))->id, ==,
                     ((CwPlannedWork *) g_ptr_array_index (works, i))->id);

  g_assert_cmpuint (range->conflicts->len, ==, conflicts->len);
  for (guint i = 0; i < conflicts->len; i++)
    {
      const CwConflict *a = g_ptr_array_index (conflicts, i);
      const CwConflict *b = g_ptr_array_index (range->conflicts, i);

      g_assert_cmpint (a->kind, ==, b->kind);
      g_assert_cmpint (a->severity, ==, b->severity);
      g_assert_cmpint (a->start, ==, b->start);
      g_assert_cmpint (a->end, ==, b->end);
      g_assert_cmpint (a->window_id, ==, b->window_id);
      g_assert_cmpint (a->blackout_id, ==, b->blackout_id);
      g_assert_cmpuint (a->work_ids->len, ==, b->work_ids->len);
      g_assert_cmpint (memcmp (a->work_ids->data, b->work_ids->data, a->work_ids->len * sizeof (gint64)), ==, 0);
      g_assert_cmpstr (a->message, ==, b->message);
    }
}

static void
test_same_as_separate (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwScheduleRange) june = NULL;

  /* Six weeks of June: the long work reaches before and after it. */
  assert_same_range (fixture, at ("2026-06-01T00:00:00Z"), at ("2026-07-13T00:00:00Z"));
  /* One day, one week, a range without work, a range before every window. */
  assert_same_range (fixture, at ("2026-06-02T00:00:00Z"), at ("2026-06-03T00:00:00Z"));
  assert_same_range (fixture, at ("2026-06-08T00:00:00Z"), at ("2026-06-15T00:00:00Z"));
  assert_same_range (fixture, at ("2026-08-01T00:00:00Z"), at ("2026-09-01T00:00:00Z"));
  assert_same_range (fixture, at ("2025-01-01T00:00:00Z"), at ("2025-02-01T00:00:00Z"));

  /* What the month holds, so that the comparison means something. */
  june = cw_schedule_load_range (fixture->store, at ("2026-06-01T00:00:00Z"), at ("2026-07-01T00:00:00Z"), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (june->occurrences->len, >, 40);
  g_assert_cmpuint (june->blackouts->len, ==, 1);
  g_assert_cmpuint (june->works->len, ==, 5);
  g_assert_cmpuint (june->conflicts->len, >=, 3);
  g_assert_cmpuint (june->windows->len, ==, 5);
}

static void
test_bad_zone (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  char *message = NULL;

  /* A zone the system no longer knows: an error, as from the others. */
  if (sqlite3_exec (cw_store_get_handle (fixture->store),
                    "UPDATE maintenance_windows SET tzid = 'Mars/Olympus' WHERE name = 'Once'",
                    NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s", message);

  g_assert_null (cw_schedule_load_range (fixture->store, at ("2026-06-01T00:00:00Z"),
                                         at ("2026-07-01T00:00:00Z"), &error));
  g_assert_error (error, CW_SCHEDULE_ERROR, CW_SCHEDULE_ERROR_BAD_TIME_ZONE);
  g_clear_error (&error);
  g_assert_null (cw_schedule_list_occurrences (fixture->store, at ("2026-06-01T00:00:00Z"),
                                               at ("2026-07-01T00:00:00Z"), &error));
  g_assert_error (error, CW_SCHEDULE_ERROR, CW_SCHEDULE_ERROR_BAD_TIME_ZONE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/schedule-range/same-as-separate", Fixture, NULL, fixture_set_up, test_same_as_separate,
              fixture_tear_down);
  g_test_add ("/schedule-range/bad-zone", Fixture, NULL, fixture_set_up, test_bad_zone, fixture_tear_down);

  return g_test_run ();
}
