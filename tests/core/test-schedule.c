/* test-schedule.c: maintenance windows, blackouts and planned work in a
 * workspace: round trips, ranges, transactions and bad input.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-schedule"

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "cw-runbook-store.h"
#include "cw-schedule.h"
#include "cw-store-private.h"
#include "cw-test-fixture.h"

typedef struct
{
  char    *dir;
  char    *path;
  CwStore *store;
} Fixture;

static gint64
at (const char *iso)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (dt);

  return g_date_time_to_unix (dt);
}

static gint64
count (Fixture    *fixture,
       const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (cw_store_get_handle (fixture->store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwRunbook) runbook = cw_runbook_new ("Switch upgrade");
  CwRunbookStep *step;
  char *message = NULL;

  fixture->dir = cw_test_make_tmpdir ();
  fixture->path = g_build_filename (fixture->dir, "schedule.db", NULL);
  fixture->store = cw_store_open (fixture->path, CW_STORE_OPEN_CREATE_NEW, &error);
  g_assert_no_error (error);

  g_assert_cmpint (sqlite3_exec (cw_store_get_handle (fixture->store),
                                 "INSERT INTO sites (id, code, name, time_zone) VALUES "
                                 "  (1, 'BER', 'Berlin', 'Europe/Berlin'), (2, 'SYD', 'Sydney', 'Australia/Sydney');"
                                 "INSERT INTO cis (id, class, name, site_id, updated_at) VALUES "
                                 "  (1, 'switch', 'core-sw-01', 1, '2026-01-01T00:00:00Z'),"
                                 "  (2, 'router', 'syd-rtr-01', 2, '2026-01-01T00:00:00Z');",
                                 NULL, NULL, &message), ==, SQLITE_OK);

  step = cw_runbook_step_new ("upgrade", CW_PHASE_EXECUTION, CW_STEP_MANUAL, "Upgrade");
  step->duration_min = 45;
  g_ptr_array_add (runbook->steps, step);
  step = cw_runbook_step_new ("downgrade", CW_PHASE_ROLLBACK, CW_STEP_MANUAL, "Downgrade");
  step->duration_min = 30;
  g_ptr_array_add (runbook->steps, step);
  g_assert_true (cw_runbooks_import (fixture->store, runbook, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  cw_test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static CwMaintWindow *
make_window (void)
{
  CwMaintWindow *window = cw_maint_window_new ("Sunday night", "Europe/Berlin", "2026-01-04 22:00", 180);
  gint64 ci = 2;

  window->description = g_strdup ("Core network changes");
  window->rrule = g_strdup ("RRULE:FREQ=WEEKLY;BYDAY=SU");
  window->exdates = g_strsplit ("2026-01-11T22:00:00,20260118T220000", ",", -1);
  g_ptr_array_add (window->overrides, cw_window_override_new ("2026-01-25T22:00:00", "2026-01-26 21:00", 120));
  g_ptr_array_add (window->overrides, cw_window_override_new ("2026-02-01T22:00:00", NULL, 0));
  window->max_concurrent = 3;
  window->scope->sites = g_strsplit ("berlin", ",", -1);
  window->scope->classes = g_strsplit ("router", ",", -1);
  g_array_append_val (window->scope->ci_ids, ci);

  return window;
}

static void
test_window_round_trip (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(CwMaintWindow) window = make_window ();
  g_autoptr(CwMaintWindow) read = NULL;
  g_autoptr(CwMaintWindow) by_uid = NULL;
  g_autoptr(GPtrArray) windows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *scope_text = NULL;
  CwWindowOverride *override;

  g_assert_true (cw_schedule_add_window (fixture->store, window, &error));
  g_assert_no_error (error);
  g_assert_cmpint (window->id, >, 0);
  g_assert_true (g_str_has_suffix (window->uid, "@changeward"));

  read = cw_schedule_get_window (fixture->store, window->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read->uid, ==, window->uid);
  g_assert_cmpstr (read->name, ==, "Sunday night");
  g_assert_cmpstr (read->description, ==, "Core network changes");
  g_assert_cmpstr (read->tzid, ==, "Europe/Berlin");
  g_assert_cmpstr (read->start_local, ==, "2026-01-04T22:00:00");
  g_assert_cmpuint (read->duration_min, ==, 180);
  g_assert_cmpstr (read->rrule, ==, "FREQ=WEEKLY;BYDAY=SU");
  g_assert_cmpuint (read->max_concurrent, ==, 3);
  g_assert_cmpuint (g_strv_length (read->exdates), ==, 2);
  g_assert_cmpstr (read->exdates[1], ==, "2026-01-18T22:00:00");
  g_assert_cmpuint (read->overrides->len, ==, 2);
  override = g_ptr_array_index (read->overrides, 0);
  g_assert_cmpstr (override->recurrence_id, ==, "2026-01-25T22:00:00");
  g_assert_false (override->cancelled);
  g_assert_cmpstr (override->start_local, ==, "2026-01-26T21:00:00");
  g_assert_cmpuint (override->duration_min, ==, 120);
  override = g_ptr_array_index (read->overrides, 1);
  g_assert_true (override->cancelled);
  g_assert_null (override->start_local);

  /* The site was named; it comes back as its code. */
  g_assert_false (read->scope->everything);
  g_assert_cmpstrv (read->scope->sites, ((const char *[]) { "BER", NULL }));
  g_assert_cmpstrv (read->scope->classes, ((const char *[]) { "router", NULL }));
  g_assert_cmpuint (read->scope->ci_ids->len, ==, 1);
  g_assert_cmpint (g_array_index (read->scope->ci_ids, gint64, 0), ==, 2);
  g_assert_true (cw_scope_covers (read->scope, 1, "BER", "switch"));
  g_assert_true (cw_scope_covers (read->scope, 9, NULL, "router"));
  g_assert_false (cw_scope_covers (read->scope, 9, "SYD", "switch"));
  scope_text = cw_scope_to_display (read->scope);
  g_assert_cmpstr (scope_text, ==, "Sites: BER · Classes: Router · 1 CI");

  by_uid = cw_schedule_find_window (fixture->store, window->uid, &error);
  g_assert_no_error (error);
  g_assert_cmpint (by_uid->id, ==, window->id);
  g_assert_null (cw_schedule_find_window (fixture->store, "nobody@example.com", &error));
  g_assert_no_error (error);

  /* Update replaces everything, children included. */
  g_free (read->name);
  read->name = g_strdup ("Sunday early");
  g_clear_pointer (&read->exdates, g_strfreev);
  g_ptr_array_set_size (read->overrides, 0);
  g_clear_pointer (&read->rrule, g_free);
  read->max_concurrent = 0;
  cw_scope_free (read->scope);
  read->scope = cw_scope_new_everything ();
  g_assert_true (cw_schedule_update_window (fixture->store, read, &error));
  g_assert_no_error (error);
  g_clear_pointer (&by_uid, cw_maint_window_free);
  by_uid = cw_schedule_get_window (fixture->store, window->id, &error);
  g_assert_cmpstr (by_uid->name, ==, "Sunday early");
  g_assert_cmpstr (by_uid->uid, ==, window->uid);
  g_assert_null (by_uid->exdates);
  g_assert_cmpuint (by_uid->overrides->len, ==, 0);
  g_assert_null (by_uid->rrule);
  g_assert_cmpuint (by_uid->max_concurrent, ==, 0);
  g_assert_true (by_uid->scope->everything);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM window_scope"), ==, 0);

  windows = cw_schedule_list_windows (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (windows->len, ==, 1);

  g_assert_true (cw_schedule_delete_window (fixture->store, window->id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM maintenance_windows"), ==, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM window_overrides"), ==, 0);

  g_assert_false (cw_schedule_delete_window (fixture->store, window->id, &error));
  g_assert_error (error, CW_SCHEDULE_ERROR, CW_SCHEDULE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (cw_schedule_get_window (fixture->store, window->id, &error));
  g_assert_error (error, CW_SCHEDULE_ERROR, CW_SCHEDULE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (cw_schedule_update_window (fixture->store, read, &error));
  g_assert_error (error, CW_SCHEDULE_ERROR, CW_SCHEDULE_ERROR_NOT_FOUND);
}

static void
assert_window_refused (Fixture     *fixture,
                       CwMaintWindow    *window,
                       gint         code,
                       const char  *in_message)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (cw_schedule_add_window (fixture->store, window, &error));
  g_assert_error (error, CW_SCHEDULE_ERROR, code);
  if (in_message != NULL && strstr (error->message, in_message) == NULL)
    g_error ("“%s” is not in “%s”", in_message, error->message);
  g_assert_cmpint (window->id, ==, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM maintenance_windows"), ==, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM window_scope"), ==, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM window_exdates"), ==, 0);
}

static void
test_window_errors (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(CwMaintWindow) window = make_window ();
  g_autoptr(CwMaintWindow) other = make_window ();
  g_autoptr(GError) error = NULL;
  gint64 missing = 4242;

  g_strfreev (window->scope->sites);
  window->scope->sites = g_strsplit ("BER,Atlantis", ",", -1);
  assert_window_refused (fixture, window, CW_SCHEDULE_ERROR_UNKNOWN_SITE, "Atlantis");
  g_strfreev (window->scope->sites);
  window->scope->sites = NULL;

  g_strfreev (window->scope->classes);
  window->scope->classes = g_strsplit ("toaster", ",", -1);
  assert_window_refused (fixture, window, CW_SCHEDULE_ERROR_UNKNOWN_CLASS, "toaster");
  g_clear_pointer (&window->scope->classes, g_strfreev);

  g_array_append_val (window->scope->ci_ids, missing);
  assert_window_refused (fixture, window, CW_SCHEDULE_ERROR_UNKNOWN_CI, "4242");
  g_array_set_size (window->scope->ci_ids, 0);
  assert_window_refused (fixture, window, CW_SCHEDULE_ERROR_INVALID_INPUT, NULL);
  window->scope->everything = TRUE;

  g_free (window->rrule);
  window->rrule = g_strdup ("FREQ=FORTNIGHTLY");
  assert_window_refused (fixture, window, CW_SCHEDULE_ERROR_BAD_RRULE, "FORTNIGHTLY");
  g_clear_pointer (&window->rrule, g_free);

  g_free (window->tzid);
  window->tzid = g_strdup ("Europe/Atlantis");
  assert_window_refused (fixture, window, CW_SCHEDULE_ERROR_BAD_TIME_ZONE, "Europe/Atlantis");
  g_free (window->tzid);
  window->tzid = g_strdup ("Europe/Berlin");

  g_strfreev (window->exdates);
  window->exdates = g_strsplit ("next week", ",", -1);
  assert_window_refused (fixture, window, CW_SCHEDULE_ERROR_INVALID_INPUT, "next week");
  g_clear_pointer (&window->exdates, g_strfreev);

  g_free (window->name);
  window->name = g_strdup ("  ");
  assert_window_refused (fixture, window, CW_SCHEDULE_ERROR_INVALID_INPUT, NULL);
  g_free (window->name);
  window->name = g_strdup ("Fine now");

  g_assert_true (cw_schedule_add_window (fixture->store, window, &error));
  g_assert_no_error (error);

  /* Another window with its uid. */
  other->uid = g_strdup (window->uid);
  g_assert_false (cw_schedule_add_window (fixture->store, other, &error));
  g_assert_error (error, CW_SCHEDULE_ERROR, CW_SCHEDULE_ERROR_EXISTS);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM maintenance_windows"), ==, 1);
}

/* Saving runs in a savepoint: inside a caller's transaction, a refused item
 * leaves the others, and the caller decides. */
static void
test_transactions (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(CwMaintWindow) good = make_window ();
  g_autoptr(CwMaintWindow) bad = make_window ();
  g_autoptr(CwMaintWindow) kept = make_window ();
  g_autoptr(GError) error = NULL;

  g_free (bad->tzid);
  bad->tzid = g_strdup ("Nowhere/Special");

  g_assert_true (cw_store_begin (fixture->store, &error));
  g_assert_true (cw_schedule_add_window (fixture->store, good, &error));
  g_assert_false (cw_schedule_add_window (fixture->store, bad, &error));
  g_assert_error (error, CW_SCHEDULE_ERROR, CW_SCHEDULE_ERROR_BAD_TIME_ZONE);
  g_clear_error (&error);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM maintenance_windows"), ==, 1);
  cw_store_rollback (fixture->store);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM maintenance_windows"), ==, 0);

  g_assert_true (cw_store_begin (fixture->store, &error));
  g_assert_true (cw_schedule_add_window (fixture->store, kept, &error));
  g_assert_true (cw_store_commit (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM maintenance_windows"), ==, 1);
}

static void
test_blackout_round_trip (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(CwBlackout) freeze = cw_blackout_new ("Year-end freeze", CW_BLACKOUT_BLOCK,
                                                  at ("2026-12-19T23:00:00Z"), at ("2027-01-04T23:00:00Z"));
  g_autoptr(CwBlackout) audit = cw_blackout_new ("Audit", CW_BLACKOUT_WARN,
                                                 at ("2026-06-10T00:00:00Z"), at ("2026-06-11T00:00:00Z"));
  g_autoptr(CwBlackout) read = NULL;
  g_autoptr(CwBlackout) wrong = cw_blackout_new ("Backwards", CW_BLACKOUT_WARN,
                                                 at ("2026-06-11T00:00:00Z"), at ("2026-06-10T00:00:00Z"));
  g_autoptr(GPtrArray) in_june = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  CwBlackoutMode mode;

  freeze->reason = g_strdup ("Peak season");
  freeze->tzid = g_strdup ("Europe/Berlin");
  freeze->all_day = TRUE;
  freeze->scope->everything = TRUE;
  audit->scope->sites = g_strsplit ("SYD", ",", -1);
  audit->uid = g_strdup ("audit-2026@example.com");

  g_assert_true (cw_schedule_add_blackout (fixture->store, freeze, &error));
  g_assert_true (cw_schedule_add_blackout (fixture->store, audit, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (audit->uid, ==, "audit-2026@example.com");

  read = cw_schedule_get_blackout (fixture->store, freeze->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read->name, ==, "Year-end freeze");
  g_assert_cmpstr (read->reason, ==, "Peak season");
  g_assert_cmpint (read->mode, ==, CW_BLACKOUT_BLOCK);
  g_assert_cmpint (read->start, ==, freeze->start);
  g_assert_cmpint (read->end, ==, freeze->end);
  g_assert_cmpstr (read->tzid, ==, "Europe/Berlin");
  g_assert_true (read->all_day);
  g_assert_true (read->scope->everything);

  read->mode = CW_BLACKOUT_WARN;
  g_assert_true (cw_schedule_update_blackout (fixture->store, read, &error));
  g_clear_pointer (&read, cw_blackout_free);
  read = cw_schedule_find_blackout (fixture->store, "audit-2026@example.com", &error);
  g_assert_cmpint (read->id, ==, audit->id);
  g_assert_cmpstrv (read->scope->sites, ((const char *[]) { "SYD", NULL }));
  g_clear_pointer (&read, cw_blackout_free);
  read = cw_schedule_get_blackout (fixture->store, freeze->id, &error);
  g_assert_cmpint (read->mode, ==, CW_BLACKOUT_WARN);

  /* Overlapping the range; touching it is not. */
  in_june = cw_schedule_list_blackouts (fixture->store, at ("2026-06-01T00:00:00Z"), at ("2026-06-10T00:00:00Z"), &error);
  g_assert_cmpuint (in_june->len, ==, 0);
  g_clear_pointer (&in_june, g_ptr_array_unref);
  in_june = cw_schedule_list_blackouts (fixture->store, at ("2026-06-01T00:00:00Z"), at ("2026-06-10T00:00:01Z"), &error);
  g_assert_cmpuint (in_june->len, ==, 1);
  all = cw_schedule_list_blackouts (fixture->store, G_MININT64, G_MAXINT64, &error);
  g_assert_cmpuint (all->len, ==, 2);
  g_assert_cmpint (((CwBlackout *) g_ptr_array_index (all, 0))->id, ==, audit->id);

  g_assert_false (cw_schedule_add_blackout (fixture->store, wrong, &error));
  g_assert_error (error, CW_SCHEDULE_ERROR, CW_SCHEDULE_ERROR_INVALID_INPUT);
  g_clear_error (&error);

  g_assert_true (cw_blackout_mode_from_string ("WARN", &mode));
  g_assert_cmpint (mode, ==, CW_BLACKOUT_WARN);
  g_assert_false (cw_blackout_mode_from_string ("maybe", &mode));
  g_assert_cmpstr (cw_blackout_mode_to_string (CW_BLACKOUT_BLOCK), ==, "block");

  g_assert_true (cw_schedule_delete_blackout (fixture->store, audit->id, &error));
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM blackout_scope"), ==, 0);
}

static void
test_work_round_trip (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(CwPlannedWork) work = cw_planned_work_new ("Upgrade core-sw-01", at ("2026-06-07T20:00:00Z"),
                                                       at ("2026-06-07T22:00:00Z"));
  g_autoptr(CwPlannedWork) read = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;
  guint minutes = 0;

  cw_planned_work_add_ci (work, 1);
  cw_planned_work_add_ci (work, 2);
  cw_planned_work_add_ci (work, 1);
  work->runbook_name = g_strdup ("switch upgrade");
  work->runbook_version = 1;
  work->assignee = g_strdup ("alice");
  work->description = g_strdup ("CHG0001234");
  g_assert_cmpuint (work->ci_ids->len, ==, 2);

  g_assert_true (cw_schedule_get_window_needed (fixture->store, "Switch upgrade", 1, &minutes, &error));
  g_assert_cmpuint (minutes, ==, 75);

  g_assert_true (cw_schedule_add_work (fixture->store, work, &error));
  g_assert_no_error (error);
  read = cw_schedule_get_work (fixture->store, work->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read->title, ==, "Upgrade core-sw-01");
  g_assert_cmpstr (read->description, ==, "CHG0001234");
  g_assert_cmpstr (read->runbook_name, ==, "switch upgrade");
  g_assert_cmpuint (read->runbook_version, ==, 1);
  g_assert_cmpstr (read->assignee, ==, "alice");
  g_assert_cmpint (read->start, ==, work->start);
  g_assert_cmpint (read->end, ==, work->end);
  g_assert_cmpuint (read->ci_ids->len, ==, 2);
  g_assert_cmpstr (read->uid, ==, work->uid);

  g_array_set_size (read->ci_ids, 0);
  cw_planned_work_add_ci (read, 2);
  read->start -= 3600;
  /* No uid given: the stored one stays. */
  g_clear_pointer (&read->uid, g_free);
  g_assert_true (cw_schedule_update_work (fixture->store, read, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (read->uid, ==, work->uid);
  g_clear_pointer (&read, cw_planned_work_free);
  read = cw_schedule_find_work (fixture->store, work->uid, &error);
  g_assert_cmpuint (read->ci_ids->len, ==, 1);
  g_assert_cmpint (g_array_index (read->ci_ids, gint64, 0), ==, 2);
  g_assert_cmpint (read->start, ==, at ("2026-06-07T19:00:00Z"));

  listed = cw_schedule_list_work (fixture->store, at ("2026-06-07T22:00:00Z"), at ("2026-06-08T00:00:00Z"), &error);
  g_assert_cmpuint (listed->len, ==, 0);
  g_clear_pointer (&listed, g_ptr_array_unref);
  listed = cw_schedule_list_work (fixture->store, at ("2026-06-07T21:59:00Z"), at ("2026-06-08T00:00:00Z"), &error);
  g_assert_cmpuint (listed->len, ==, 1);

  /* Bad input: nothing saved. */
  read->runbook_name = (g_free (read->runbook_name), g_strdup ("No such runbook"));
  g_assert_false (cw_schedule_update_work (fixture->store, read, &error));
  g_assert_error (error, CW_SCHEDULE_ERROR, CW_SCHEDULE_ERROR_UNKNOWN_RUNBOOK);
  g_assert_nonnull (strstr (error->message, "No such runbook"));
  g_clear_error (&error);
  read->runbook_name = (g_free (read->runbook_name), g_strdup ("Switch upgrade"));
  read->runbook_version = 7;
  g_assert_false (cw_schedule_update_work (fixture->store, read, &error));
  g_assert_error (error, CW_SCHEDULE_ERROR, CW_SCHEDULE_ERROR_UNKNOWN_RUNBOOK);
  g_clear_error (&error);
  read->runbook_version = 0;

  cw_planned_work_add_ci (read, 99);
  g_assert_false (cw_schedule_update_work (fixture->store, read, &error));
  g_assert_error (error, CW_SCHEDULE_ERROR, CW_SCHEDULE_ERROR_UNKNOWN_CI);
  g_clear_error (&error);
  g_array_set_size (read->ci_ids, 1);

  read->end = read->start;
  g_assert_false (cw_schedule_update_work (fixture->store, read, &error));
  g_assert_error (error, CW_SCHEDULE_ERROR, CW_SCHEDULE_ERROR_INVALID_INPUT);
  g_clear_error (&error);

  g_assert_cmpint (count (fixture, "SELECT count(*) FROM planned_work_cis"), ==, 1);
  g_assert_cmpint (count (fixture, "SELECT starts_at FROM planned_work"), ==, at ("2026-06-07T19:00:00Z"));

  g_assert_true (cw_schedule_delete_work (fixture->store, work->id, &error));
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM planned_work_cis"), ==, 0);
  g_assert_false (cw_schedule_delete_work (fixture->store, work->id, &error));
  g_assert_error (error, CW_SCHEDULE_ERROR, CW_SCHEDULE_ERROR_NOT_FOUND);
}

/* Every window's occurrences of a range, in order; windows that ended or
 * have not begun are not expanded. */
static void
test_list_occurrences (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(CwMaintWindow) berlin = make_window ();
  g_autoptr(CwMaintWindow) sydney = cw_maint_window_new ("Sydney Sunday", "Australia/Sydney", "2026-01-04T02:00:00", 120);
  g_autoptr(CwMaintWindow) once = cw_maint_window_new ("Old one", "UTC", "2025-03-01T10:00:00", 60);
  g_autoptr(GArray) occurrences = NULL;
  g_autoptr(GError) error = NULL;

  sydney->rrule = g_strdup ("FREQ=WEEKLY;COUNT=3");
  sydney->scope->everything = TRUE;
  once->scope->everything = TRUE;
  g_assert_true (cw_schedule_add_window (fixture->store, berlin, &error));
  g_assert_true (cw_schedule_add_window (fixture->store, sydney, &error));
  g_assert_true (cw_schedule_add_window (fixture->store, once, &error));
  g_assert_no_error (error);

  g_assert_cmpint (count (fixture, "SELECT count(*) FROM maintenance_windows WHERE last_end IS NULL"), ==, 1);
  g_assert_cmpint (count (fixture, "SELECT last_end FROM maintenance_windows WHERE name = 'Sydney Sunday'"),
                   ==, at ("2026-01-18T04:00:00+11:00"));

  occurrences = cw_schedule_list_occurrences (fixture->store, at ("2026-01-01T00:00:00Z"),
                                              at ("2026-02-09T00:00:00Z"), &error);
  g_assert_no_error (error);
  /* Berlin: 4, 25 (moved to the 26th) January, 8 February; 11 and 18
   * excluded, 1 February cancelled. Sydney: 4, 11, 18 January. */
  g_assert_cmpuint (occurrences->len, ==, 6);
  g_assert_cmpint (g_array_index (occurrences, CwOccurrence, 0).start, ==, at ("2026-01-04T02:00:00+11:00"));
  g_assert_cmpint (g_array_index (occurrences, CwOccurrence, 0).window_id, ==, sydney->id);
  g_assert_cmpint (g_array_index (occurrences, CwOccurrence, 1).start, ==, at ("2026-01-04T22:00:00+01:00"));
  g_assert_cmpint (g_array_index (occurrences, CwOccurrence, 4).start, ==, at ("2026-01-26T21:00:00+01:00"));
  g_assert_true (g_array_index (occurrences, CwOccurrence, 4).moved);
  g_assert_cmpint (g_array_index (occurrences, CwOccurrence, 5).start, ==, at ("2026-02-08T22:00:00+01:00"));
  for (guint i = 1; i < occurrences->len; i++)
    g_assert_cmpint (g_array_index (occurrences, CwOccurrence, i - 1).start, <=,
                     g_array_index (occurrences, CwOccurrence, i).start);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/schedule/window-round-trip", test_window_round_trip);
  ADD ("/schedule/window-errors", test_window_errors);
  ADD ("/schedule/transactions", test_transactions);
  ADD ("/schedule/blackout-round-trip", test_blackout_round_trip);
  ADD ("/schedule/work-round-trip", test_work_round_trip);
  ADD ("/schedule/list-occurrences", test_list_occurrences);

#undef ADD

  return g_test_run ();
}
