/* test-conflicts.c: every conflict kind of the maintenance calendar, each
 * with a near miss, and free slots.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-conflicts"

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "cw-runbook-store.h"
#include "cw-schedule.h"
#include "cw-store-private.h"
#include "cw-test-fixture.h"

/* CIs of the scene. app-01 and app-02 run on esx-01, db-01 runs on app-01,
 * blade-01 is part of chassis-01; core-sw-01 is only connected to esx-01. */
enum
{
  CORE_SW = 1,
  ESX,
  APP,
  BLADE,
  CHASSIS,
  SYD_RTR,
  DB,
  APP2,
  LICENCE,
};

typedef struct
{
  char    *dir;
  char    *path;
  CwStore *store;
  gint64   nights;     /* BER, daily 22:00-02:00 UTC, at most 2 at once */
  gint64   routers;    /* routers, daily 10:00-12:00 UTC */
  gint64   freeze;     /* everything, block, 2026-12-20 .. 2027-01-05 */
  gint64   audit;      /* switches, warn, 2026-06-10 */
} Fixture;

static gint64
at (const char *iso)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (dt);

  return g_date_time_to_unix (dt);
}

static void
exec_sql (Fixture    *fixture,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (cw_store_get_handle (fixture->store), sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static void
add_runbook (Fixture *fixture)
{
  g_autoptr(CwRunbook) runbook = cw_runbook_new ("esx-patch");
  g_autoptr(GError) error = NULL;
  static const struct {
    const char *id;
    CwPhase     phase;
    guint       minutes;
    const char *after;
  } steps[] = {
    { "prepare",  CW_PHASE_PREPARATION, 10, NULL },
    { "patch",    CW_PHASE_EXECUTION,   60, "prepare" },
    { "check",    CW_PHASE_VALIDATION,  20, NULL },
    { "rollback", CW_PHASE_ROLLBACK,    30, NULL },
  };
  guint minutes = 0;

  runbook->buffer_min = 10;
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      CwRunbookStep *step = cw_runbook_step_new (steps[i].id, steps[i].phase, CW_STEP_MANUAL, steps[i].id);

      step->duration_min = steps[i].minutes;
      if (steps[i].after != NULL)
        step->predecessors = g_strsplit (steps[i].after, ";", -1);
      g_ptr_array_add (runbook->steps, step);
    }
  g_assert_true (cw_runbooks_import (fixture->store, runbook, &error));
  g_assert_no_error (error);

  /* 10 + 60 on the critical path, 20 validation, 30 rollback, 10 buffer. */
  g_assert_true (cw_schedule_get_window_needed (fixture->store, "esx-patch", 0, &minutes, &error));
  g_assert_cmpuint (minutes, ==, 130);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwMaintWindow) nights = cw_maint_window_new ("Berlin nights", "UTC", "2026-01-01T22:00:00", 240);
  g_autoptr(CwMaintWindow) routers = cw_maint_window_new ("Router mornings", "UTC", "2026-01-01T10:00:00", 120);
  g_autoptr(CwBlackout) freeze = cw_blackout_new ("Year-end freeze", CW_BLACKOUT_BLOCK,
                                                  at ("2026-12-20T00:00:00Z"), at ("2027-01-05T00:00:00Z"));
  g_autoptr(CwBlackout) audit = cw_blackout_new ("Network audit", CW_BLACKOUT_WARN,
                                                 at ("2026-06-10T00:00:00Z"), at ("2026-06-11T00:00:00Z"));

  fixture->dir = cw_test_make_tmpdir ();
  fixture->path = g_build_filename (fixture->dir, "calendar.db", NULL);
  fixture->store = cw_store_open (fixture->path, CW_STORE_OPEN_CREATE_NEW, &error);
  g_assert_no_error (error);

  exec_sql (fixture,
            "INSERT INTO sites (id, code, name, time_zone) VALUES "
            "  (1, 'BER', 'Berlin', 'Europe/Berlin'), (2, 'SYD', 'Sydney', 'Australia/Sydney');"
            "INSERT INTO cis (id, class, name, site_id, updated_at) VALUES "
            "  (1, 'switch', 'core-sw-01', 1, '2026-01-01T00:00:00Z'),"
            "  (2, 'hypervisor', 'esx-01', 1, '2026-01-01T00:00:00Z'),"
            "  (3, 'application', 'app-01', 1, '2026-01-01T00:00:00Z'),"
            "  (4, 'server', 'blade-01', 1, '2026-01-01T00:00:00Z'),"
            "  (5, 'server', 'chassis-01', 1, '2026-01-01T00:00:00Z'),"
            "  (6, 'router', 'syd-rtr-01', 2, '2026-01-01T00:00:00Z'),"
            "  (7, 'database', 'db-01', 1, '2026-01-01T00:00:00Z'),"
            "  (8, 'application', 'app-02', 1, '2026-01-01T00:00:00Z'),"
            "  (9, 'licence', 'lic-01', NULL, '2026-01-01T00:00:00Z');"
            "INSERT INTO ci_relations (source_id, target_id, kind) VALUES "
            "  (3, 2, 'runs_on'), (8, 2, 'runs_on'), (7, 3, 'runs_on'), (4, 5, 'part_of'),"
            "  (1, 2, 'connected_to'), (2, 1, 'depends_on');");
  add_runbook (fixture);

  nights->rrule = g_strdup ("FREQ=DAILY");
  nights->max_concurrent = 2;
  nights->scope->sites = g_strsplit ("Berlin", ",", -1);
  routers->rrule = g_strdup ("FREQ=DAILY");
  routers->scope->classes = g_strsplit ("router", ",", -1);
  freeze->scope->everything = TRUE;
  audit->scope->classes = g_strsplit ("switch", ",", -1);

  g_assert_true (cw_schedule_add_window (fixture->store, nights, &error));
  g_assert_true (cw_schedule_add_window (fixture->store, routers, &error));
  g_assert_true (cw_schedule_add_blackout (fixture->store, freeze, &error));
  g_assert_true (cw_schedule_add_blackout (fixture->store, audit, &error));
  g_assert_no_error (error);
  fixture->nights = nights->id;
  fixture->routers = routers->id;
  fixture->freeze = freeze->id;
  fixture->audit = audit->id;
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

/* Adds planned work on the CIs (0-terminated). */
static gint64
add_work (Fixture    *fixture,
          const char *title,
          const char *start,
          const char *end,
          const char *assignee,
          const char *runbook,
          ...)
{
  g_autoptr(CwPlannedWork) work = cw_planned_work_new (title, at (start), at (end));
  g_autoptr(GError) error = NULL;
  va_list args;
  int ci;

  va_start (args, runbook);
  while ((ci = va_arg (args, int)) != 0)
    cw_planned_work_add_ci (work, ci);
  va_end (args);
  work->assignee = g_strdup (assignee);
  work->runbook_name = g_strdup (runbook);

  g_assert_true (cw_schedule_add_work (fixture->store, work, &error));
  g_assert_no_error (error);
  g_assert_cmpint (work->id, >, 0);

  return work->id;
}

static GPtrArray *
conflicts (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *all = cw_schedule_conflicts (fixture->store, at ("2026-01-01T00:00:00Z"),
                                          at ("2027-02-01T00:00:00Z"), &error);

  g_assert_no_error (error);
  g_assert_nonnull (all);
  for (guint i = 0; i < all->len; i++)
    {
      CwConflict *conflict = g_ptr_array_index (all, i);

      g_assert_nonnull (conflict->message);
      g_test_message ("%s %s: %s", cw_conflict_severity_to_string (conflict->severity),
                      cw_conflict_kind_to_string (conflict->kind), conflict->message);
    }

  return all;
}

static guint
count_kind (GPtrArray      *all,
            CwConflictKind  kind)
{
  guint n = 0;

  for (guint i = 0; i < all->len; i++)
    n += ((CwConflict *) g_ptr_array_index (all, i))->kind == kind;

  return n;
}

static CwConflict *
find_kind (GPtrArray      *all,
           CwConflictKind  kind,
           gint64          work_id)
{
  for (guint i = 0; i < all->len; i++)
    {
      CwConflict *conflict = g_ptr_array_index (all, i);

      if (conflict->kind != kind)
        continue;
      for (guint j = 0; j < conflict->work_ids->len; j++)
        {
          if (g_array_index (conflict->work_ids, gint64, j) == work_id)
            return conflict;
        }
    }

  return NULL;
}

static gboolean
has_id (GArray *ids,
        gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    {
      if (g_array_index (ids, gint64, i) == id)
        return TRUE;
    }

  return FALSE;
}

static void
test_ci_overlap (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) all = NULL;
  gint64 same_a, same_b, adjacent_a, adjacent_b, host, guest, chassis, blade, deep_a, deep_b;
  gint64 connected_a, connected_b, sibling_a, sibling_b;
  CwConflict *conflict;

  same_a = add_work (fixture, "Upgrade core", "2026-06-01T22:00:00Z", "2026-06-01T23:00:00Z", NULL, NULL, CORE_SW, 0);
  same_b = add_work (fixture, "Reboot core", "2026-06-01T22:30:00Z", "2026-06-01T23:30:00Z", NULL, NULL, CORE_SW, 0);
  /* Adjacent: one ends when the other starts. */
  adjacent_a = add_work (fixture, "Adjacent A", "2026-06-02T22:00:00Z", "2026-06-02T23:00:00Z", NULL, NULL, CORE_SW, 0);
  adjacent_b = add_work (fixture, "Adjacent B", "2026-06-02T23:00:00Z", "2026-06-03T00:00:00Z", NULL, NULL, CORE_SW, 0);
  host = add_work (fixture, "Patch host", "2026-06-03T22:00:00Z", "2026-06-03T23:00:00Z", NULL, NULL, ESX, 0);
  guest = add_work (fixture, "Deploy app", "2026-06-03T22:30:00Z", "2026-06-03T23:00:00Z", NULL, NULL, APP, 0);
  chassis = add_work (fixture, "Chassis firmware", "2026-06-04T22:00:00Z", "2026-06-04T23:00:00Z", NULL, NULL, CHASSIS, 0);
  blade = add_work (fixture, "Blade BIOS", "2026-06-04T22:10:00Z", "2026-06-04T22:20:00Z", NULL, NULL, BLADE, 0);
  deep_a = add_work (fixture, "Host again", "2026-06-05T22:00:00Z", "2026-06-05T23:00:00Z", NULL, NULL, ESX, 0);
  deep_b = add_work (fixture, "Database", "2026-06-05T22:00:00Z", "2026-06-05T23:00:00Z", NULL, NULL, DB, 0);
  /* Near misses: connected_to and depends_on are not runs-on or part-of;
   * two guests of one host do not touch each other. */
  connected_a = add_work (fixture, "Switch", "2026-06-06T22:00:00Z", "2026-06-06T23:00:00Z", NULL, NULL, CORE_SW, 0);
  connected_b = add_work (fixture, "Host", "2026-06-06T22:00:00Z", "2026-06-06T23:00:00Z", NULL, NULL, ESX, 0);
  sibling_a = add_work (fixture, "App one", "2026-06-07T22:00:00Z", "2026-06-07T23:00:00Z", NULL, NULL, APP, 0);
  sibling_b = add_work (fixture, "App two", "2026-06-07T22:00:00Z", "2026-06-07T23:00:00Z", NULL, NULL, APP2, 0);

  all = conflicts (fixture);
  g_assert_cmpuint (count_kind (all, CW_CONFLICT_CI_OVERLAP), ==, 4);

  conflict = find_kind (all, CW_CONFLICT_CI_OVERLAP, same_a);
  g_assert_nonnull (conflict);
  g_assert_cmpint (conflict->severity, ==, CW_CONFLICT_ERROR);
  g_assert_true (has_id (conflict->work_ids, same_b));
  g_assert_cmpuint (conflict->ci_ids->len, ==, 1);
  g_assert_cmpint (g_array_index (conflict->ci_ids, gint64, 0), ==, CORE_SW);
  g_assert_cmpint (conflict->start, ==, at ("2026-06-01T22:30:00Z"));
  g_assert_cmpint (conflict->end, ==, at ("2026-06-01T23:00:00Z"));
  g_assert_nonnull (strstr (conflict->message, "core-sw-01"));
  g_assert_nonnull (strstr (conflict->message, "Upgrade core"));
  g_assert_nonnull (strstr (conflict->message, "Reboot core"));

  g_assert_null (find_kind (all, CW_CONFLICT_CI_OVERLAP, adjacent_a));
  g_assert_null (find_kind (all, CW_CONFLICT_CI_OVERLAP, adjacent_b));

  conflict = find_kind (all, CW_CONFLICT_CI_OVERLAP, guest);
  g_assert_nonnull (conflict);
  g_assert_true (has_id (conflict->work_ids, host));
  g_assert_true (has_id (conflict->ci_ids, APP));
  g_assert_true (has_id (conflict->ci_ids, ESX));
  g_assert_nonnull (strstr (conflict->message, "app-01 runs on esx-01"));

  conflict = find_kind (all, CW_CONFLICT_CI_OVERLAP, blade);
  g_assert_nonnull (conflict);
  g_assert_true (has_id (conflict->work_ids, chassis));
  g_assert_nonnull (strstr (conflict->message, "blade-01 is part of chassis-01"));

  conflict = find_kind (all, CW_CONFLICT_CI_OVERLAP, deep_b);
  g_assert_nonnull (conflict);
  g_assert_true (has_id (conflict->work_ids, deep_a));
  g_assert_nonnull (strstr (conflict->message, "db-01"));
  g_assert_nonnull (strstr (conflict->message, "esx-01"));

  g_assert_null (find_kind (all, CW_CONFLICT_CI_OVERLAP, connected_a));
  g_assert_null (find_kind (all, CW_CONFLICT_CI_OVERLAP, connected_b));
  g_assert_null (find_kind (all, CW_CONFLICT_CI_OVERLAP, sibling_a));
  g_assert_null (find_kind (all, CW_CONFLICT_CI_OVERLAP, sibling_b));
}

static void
test_blackouts (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) all = NULL;
  gint64 audited, not_switch, frozen, before_freeze;
  CwConflict *conflict;

  audited = add_work (fixture, "Switch during audit", "2026-06-10T22:00:00Z", "2026-06-10T23:00:00Z", NULL, NULL, CORE_SW, 0);
  not_switch = add_work (fixture, "Host during audit", "2026-06-10T22:00:00Z", "2026-06-10T23:00:00Z", NULL, NULL, ESX, 0);
  frozen = add_work (fixture, "Host in the freeze", "2026-12-21T22:00:00Z", "2026-12-21T23:00:00Z", NULL, NULL, ESX, 0);
  /* Ends exactly when the freeze begins. */
  before_freeze = add_work (fixture, "Just before", "2026-12-19T22:00:00Z", "2026-12-20T00:00:00Z", NULL, NULL, ESX, 0);

  all = conflicts (fixture);
  g_assert_cmpuint (count_kind (all, CW_CONFLICT_BLACKOUT), ==, 2);

  conflict = find_kind (all, CW_CONFLICT_BLACKOUT, audited);
  g_assert_nonnull (conflict);
  g_assert_cmpint (conflict->severity, ==, CW_CONFLICT_WARNING);
  g_assert_cmpint (conflict->blackout_id, ==, fixture->audit);
  g_assert_true (has_id (conflict->ci_ids, CORE_SW));
  g_assert_nonnull (strstr (conflict->message, "Network audit"));
  g_assert_null (find_kind (all, CW_CONFLICT_BLACKOUT, not_switch));

  conflict = find_kind (all, CW_CONFLICT_BLACKOUT, frozen);
  g_assert_nonnull (conflict);
  g_assert_cmpint (conflict->severity, ==, CW_CONFLICT_ERROR);
  g_assert_cmpint (conflict->blackout_id, ==, fixture->freeze);
  g_assert_nonnull (strstr (conflict->message, "Year-end freeze"));
  g_assert_nonnull (strstr (conflict->message, "esx-01"));
  g_assert_null (find_kind (all, CW_CONFLICT_BLACKOUT, before_freeze));
}

static void
test_outside_window (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) all = NULL;
  gint64 noon, whole, late, mixed, unheld;
  CwConflict *conflict;

  noon = add_work (fixture, "At noon", "2026-06-15T12:00:00Z", "2026-06-15T13:00:00Z", NULL, NULL, CORE_SW, 0);
  /* Exactly the whole occurrence, 22:00 to 02:00. */
  whole = add_work (fixture, "All night", "2026-06-16T22:00:00Z", "2026-06-17T02:00:00Z", NULL, NULL, CORE_SW, 0);
  late = add_work (fixture, "Too late", "2026-06-18T01:00:00Z", "2026-06-18T02:30:00Z", NULL, NULL, ESX, 0);
  /* The switch is in its window, the Sydney router is not. */
  mixed = add_work (fixture, "Both", "2026-06-19T22:00:00Z", "2026-06-19T23:00:00Z", NULL, NULL, CORE_SW, SYD_RTR, 0);
  /* No window covers the licence: it is not held to windows. */
  unheld = add_work (fixture, "Licence", "2026-06-20T12:00:00Z", "2026-06-20T13:00:00Z", NULL, NULL, LICENCE, 0);

  all = conflicts (fixture);
  g_assert_cmpuint (count_kind (all, CW_CONFLICT_OUTSIDE_WINDOW), ==, 3);

  conflict = find_kind (all, CW_CONFLICT_OUTSIDE_WINDOW, noon);
  g_assert_nonnull (conflict);
  g_assert_cmpint (conflict->severity, ==, CW_CONFLICT_ERROR);
  g_assert_nonnull (strstr (conflict->message, "core-sw-01"));
  g_assert_null (find_kind (all, CW_CONFLICT_OUTSIDE_WINDOW, whole));
  g_assert_nonnull (find_kind (all, CW_CONFLICT_OUTSIDE_WINDOW, late));

  conflict = find_kind (all, CW_CONFLICT_OUTSIDE_WINDOW, mixed);
  g_assert_nonnull (conflict);
  g_assert_cmpuint (conflict->ci_ids->len, ==, 1);
  g_assert_cmpint (g_array_index (conflict->ci_ids, gint64, 0), ==, SYD_RTR);
  g_assert_null (find_kind (all, CW_CONFLICT_OUTSIDE_WINDOW, unheld));
}

/* The runbook needs 130 minutes, rollback included. */
static void
test_window_too_short (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) all = NULL;
  gint64 squeezed, exact, short_booking, fine;
  CwConflict *conflict;

  /* 90 minutes left in the window, and booked for 90. */
  squeezed = add_work (fixture, "Squeezed", "2026-07-01T00:30:00Z", "2026-07-01T02:00:00Z", NULL, "esx-patch", ESX, 0);
  /* Exactly 130 minutes left and booked. */
  exact = add_work (fixture, "Exact", "2026-07-02T23:50:00Z", "2026-07-03T02:00:00Z", NULL, "ESX-PATCH", ESX, 0);
  /* Room in the window, but booked for an hour only. */
  short_booking = add_work (fixture, "Short booking", "2026-07-04T22:00:00Z", "2026-07-04T23:00:00Z", NULL, "esx-patch", ESX, 0);
  fine = add_work (fixture, "Fine", "2026-07-05T22:00:00Z", "2026-07-06T00:10:00Z", NULL, "esx-patch", ESX, 0);

  all = conflicts (fixture);
  g_assert_cmpuint (count_kind (all, CW_CONFLICT_WINDOW_TOO_SHORT), ==, 1);
  g_assert_cmpuint (count_kind (all, CW_CONFLICT_WORK_TOO_SHORT), ==, 2);

  conflict = find_kind (all, CW_CONFLICT_WINDOW_TOO_SHORT, squeezed);
  g_assert_nonnull (conflict);
  g_assert_cmpint (conflict->severity, ==, CW_CONFLICT_ERROR);
  g_assert_cmpint (conflict->window_id, ==, fixture->nights);
  g_assert_nonnull (strstr (conflict->message, "2 h 10 min"));
  g_assert_nonnull (strstr (conflict->message, "1 h 30 min"));
  g_assert_nonnull (strstr (conflict->message, "Berlin nights"));

  conflict = find_kind (all, CW_CONFLICT_WORK_TOO_SHORT, squeezed);
  g_assert_nonnull (conflict);
  g_assert_cmpint (conflict->severity, ==, CW_CONFLICT_WARNING);
  conflict = find_kind (all, CW_CONFLICT_WORK_TOO_SHORT, short_booking);
  g_assert_nonnull (conflict);
  g_assert_null (find_kind (all, CW_CONFLICT_WINDOW_TOO_SHORT, short_booking));

  g_assert_null (find_kind (all, CW_CONFLICT_WINDOW_TOO_SHORT, exact));
  g_assert_null (find_kind (all, CW_CONFLICT_WORK_TOO_SHORT, exact));
  g_assert_null (find_kind (all, CW_CONFLICT_WINDOW_TOO_SHORT, fine));
  g_assert_null (find_kind (all, CW_CONFLICT_WORK_TOO_SHORT, fine));
  g_assert_cmpuint (count_kind (all, CW_CONFLICT_OUTSIDE_WINDOW), ==, 0);
}

static void
test_assignee (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) all = NULL;
  gint64 first, second, bob_a, bob_b;
  CwConflict *conflict;

  first = add_work (fixture, "Alice on the switch", "2026-08-01T22:00:00Z", "2026-08-01T23:00:00Z", "alice", NULL, CORE_SW, 0);
  second = add_work (fixture, "Alice on the host", "2026-08-01T22:30:00Z", "2026-08-01T23:00:00Z", " Alice ", NULL, ESX, 0);
  bob_a = add_work (fixture, "Bob first", "2026-08-02T22:00:00Z", "2026-08-02T23:00:00Z", "bob", NULL, CORE_SW, 0);
  bob_b = add_work (fixture, "Bob next", "2026-08-02T23:00:00Z", "2026-08-03T00:00:00Z", "bob", NULL, ESX, 0);

  all = conflicts (fixture);
  g_assert_cmpuint (count_kind (all, CW_CONFLICT_ASSIGNEE), ==, 1);
  conflict = find_kind (all, CW_CONFLICT_ASSIGNEE, first);
  g_assert_nonnull (conflict);
  g_assert_true (has_id (conflict->work_ids, second));
  g_assert_cmpint (conflict->severity, ==, CW_CONFLICT_ERROR);
  g_assert_cmpstr (conflict->assignee, ==, "alice");
  g_assert_nonnull (strstr (conflict->message, "alice"));
  g_assert_null (find_kind (all, CW_CONFLICT_ASSIGNEE, bob_a));
  g_assert_null (find_kind (all, CW_CONFLICT_ASSIGNEE, bob_b));
  g_assert_cmpuint (count_kind (all, CW_CONFLICT_CI_OVERLAP), ==, 0);
}

/* "Berlin nights" allows two planned works at once. */
static void
test_concurrency (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) all = NULL;
  gint64 a, b, c, d, e, f;
  CwConflict *conflict;

  a = add_work (fixture, "One", "2026-09-01T22:00:00Z", "2026-09-01T23:00:00Z", NULL, NULL, CORE_SW, 0);
  b = add_work (fixture, "Two", "2026-09-01T22:00:00Z", "2026-09-01T23:00:00Z", NULL, NULL, BLADE, 0);
  c = add_work (fixture, "Three", "2026-09-01T22:30:00Z", "2026-09-01T23:30:00Z", NULL, NULL, DB, 0);
  /* The next night: the third starts when the others end. */
  d = add_work (fixture, "Four", "2026-09-02T22:00:00Z", "2026-09-02T23:00:00Z", NULL, NULL, CORE_SW, 0);
  e = add_work (fixture, "Five", "2026-09-02T22:00:00Z", "2026-09-02T23:00:00Z", NULL, NULL, BLADE, 0);
  f = add_work (fixture, "Six", "2026-09-02T23:00:00Z", "2026-09-03T00:00:00Z", NULL, NULL, DB, 0);

  all = conflicts (fixture);
  g_assert_cmpuint (count_kind (all, CW_CONFLICT_CONCURRENCY), ==, 1);
  conflict = find_kind (all, CW_CONFLICT_CONCURRENCY, c);
  g_assert_nonnull (conflict);
  g_assert_cmpint (conflict->severity, ==, CW_CONFLICT_ERROR);
  g_assert_cmpint (conflict->window_id, ==, fixture->nights);
  g_assert_cmpuint (conflict->work_ids->len, ==, 3);
  g_assert_true (has_id (conflict->work_ids, a));
  g_assert_true (has_id (conflict->work_ids, b));
  g_assert_cmpint (conflict->start, ==, at ("2026-09-01T22:00:00Z"));
  g_assert_cmpint (conflict->end, ==, at ("2026-09-02T02:00:00Z"));
  g_assert_nonnull (strstr (conflict->message, "Berlin nights"));
  g_assert_null (find_kind (all, CW_CONFLICT_CONCURRENCY, d));
  g_assert_null (find_kind (all, CW_CONFLICT_CONCURRENCY, e));
  g_assert_null (find_kind (all, CW_CONFLICT_CONCURRENCY, f));
}

/* A work being edited, not saved: its conflicts only, with id 0. */
static void
test_check_work (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(CwPlannedWork) draft = cw_planned_work_new ("Draft", at ("2026-06-01T22:30:00Z"), at ("2026-06-01T23:30:00Z"));
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  gint64 stored, other_a;
  CwConflict *conflict;

  stored = add_work (fixture, "Stored", "2026-06-01T22:00:00Z", "2026-06-01T23:00:00Z", "carol", NULL, CORE_SW, 0);
  other_a = add_work (fixture, "Unrelated pair A", "2026-06-01T22:00:00Z", "2026-06-01T23:00:00Z", NULL, NULL, ESX, 0);
  add_work (fixture, "Unrelated pair B", "2026-06-01T22:00:00Z", "2026-06-01T23:00:00Z", NULL, NULL, APP, 0);
  cw_planned_work_add_ci (draft, CORE_SW);
  draft->assignee = g_strdup ("Carol");

  found = cw_schedule_check_work (fixture->store, draft, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_kind (found, CW_CONFLICT_CI_OVERLAP), ==, 1);
  g_assert_cmpuint (count_kind (found, CW_CONFLICT_ASSIGNEE), ==, 1);
  conflict = find_kind (found, CW_CONFLICT_CI_OVERLAP, 0);
  g_assert_nonnull (conflict);
  g_assert_true (has_id (conflict->work_ids, stored));
  g_assert_null (find_kind (found, CW_CONFLICT_CI_OVERLAP, other_a));
  /* Three works at once in a window for two. */
  g_assert_nonnull (find_kind (found, CW_CONFLICT_CONCURRENCY, 0));
  g_clear_pointer (&found, g_ptr_array_unref);

  /* Dragged to the next night: nothing left. */
  draft->start += 24 * 3600;
  draft->end += 24 * 3600;
  found = cw_schedule_check_work (fixture->store, draft, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_ptr_array_unref);

  /* A stored work moved onto its own old time is not in conflict with itself. */
  {
    g_autoptr(CwPlannedWork) moved = cw_schedule_get_work (fixture->store, stored, &error);

    g_assert_no_error (error);
    moved->start += 10 * 60;
    found = cw_schedule_check_work (fixture->store, moved, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (count_kind (found, CW_CONFLICT_CI_OVERLAP), ==, 0);
  }
}

static void
assert_slots (GArray      *slots,
              const char **starts)
{
  guint n = g_strv_length ((char **) starts);

  g_assert_cmpuint (slots->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      const CwFreeSlot *slot = &g_array_index (slots, CwFreeSlot, i);

      if (slot->start != at (starts[i]))
        g_error ("slot %u starts at %" G_GINT64_FORMAT ", expected %s", i, slot->start, starts[i]);
      g_assert_cmpint (slot->end - slot->start, ==, 130 * 60);
    }
}

static void
test_free_slots (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(CwBlackout) maintenance = cw_blackout_new ("Switch freeze", CW_BLACKOUT_BLOCK,
                                                       at ("2026-06-02T12:00:00Z"), at ("2026-06-03T00:00:00Z"));
  g_autoptr(GArray) slots = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ci = CORE_SW, guest = APP;
  gint64 busy;
  CwSlotQuery query = { 0, };
  const char *expected[] = {
    "2026-06-01T22:00:00Z",
    /* 2 June: blocked by the switch freeze */
    "2026-06-03T23:00:00Z",   /* after the busy hour */
    "2026-06-04T22:00:00Z",
    "2026-06-05T22:00:00Z",
    "2026-06-06T22:00:00Z",
    NULL,
  };
  const char *guest_expected[] = {
    /* 3 June: the host's work ends too late in the window to fit after it */
    "2026-06-01T22:00:00Z", "2026-06-02T22:00:00Z", "2026-06-04T22:00:00Z", NULL,
  };

  maintenance->scope->classes = g_strsplit ("switch", ",", -1);
  g_assert_true (cw_schedule_add_blackout (fixture->store, maintenance, &error));
  busy = add_work (fixture, "Busy", "2026-06-03T22:00:00Z", "2026-06-03T23:00:00Z", NULL, NULL, CORE_SW, 0);
  /* The host is busy until midnight on the 3rd: its guests wait. */
  add_work (fixture, "Host", "2026-06-03T21:00:00Z", "2026-06-04T00:00:00Z", NULL, NULL, ESX, 0);

  query.ci_ids = &ci;
  query.n_ci_ids = 1;
  query.runbook_name = "esx-patch";
  query.after = at ("2026-06-01T00:00:00Z");
  slots = cw_schedule_free_slots (fixture->store, &query, &error);
  g_assert_no_error (error);
  assert_slots (slots, expected);
  g_assert_cmpint (g_array_index (slots, CwFreeSlot, 0).window_id, ==, fixture->nights);
  g_assert_cmpint (g_array_index (slots, CwFreeSlot, 1).occurrence_start, ==, at ("2026-06-03T22:00:00Z"));
  g_assert_false (g_array_index (slots, CwFreeSlot, 0).has_warnings);
  g_clear_pointer (&slots, g_array_unref);

  /* Moving the busy work itself: its hour is free again. */
  query.ignore_work_id = busy;
  query.n_slots = 3;
  slots = cw_schedule_free_slots (fixture->store, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (slots->len, ==, 3);
  g_assert_cmpint (g_array_index (slots, CwFreeSlot, 1).start, ==, at ("2026-06-03T22:00:00Z"));
  g_clear_pointer (&slots, g_array_unref);

  /* The audit (warn) on the 10th: a slot with a warning. */
  query.ignore_work_id = 0;
  query.n_slots = 1;
  query.after = at ("2026-06-10T12:00:00Z");
  slots = cw_schedule_free_slots (fixture->store, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (slots->len, ==, 1);
  g_assert_cmpint (g_array_index (slots, CwFreeSlot, 0).start, ==, at ("2026-06-10T22:00:00Z"));
  g_assert_true (g_array_index (slots, CwFreeSlot, 0).has_warnings);
  g_clear_pointer (&slots, g_array_unref);

  /* The app runs on the host: the host's work is in its way. */
  query.ci_ids = &guest;
  query.n_slots = 3;
  query.after = at ("2026-06-01T00:00:00Z");
  slots = cw_schedule_free_slots (fixture->store, &query, &error);
  g_assert_no_error (error);
  assert_slots (slots, guest_expected);
  g_clear_pointer (&slots, g_array_unref);

  /* Bad questions. */
  query.runbook_name = "no-such-runbook";
  g_assert_null (cw_schedule_free_slots (fixture->store, &query, &error));
  g_assert_error (error, CW_SCHEDULE_ERROR, CW_SCHEDULE_ERROR_UNKNOWN_RUNBOOK);
  g_clear_error (&error);
  query.runbook_name = NULL;
  query.duration_min = 0;
  g_assert_null (cw_schedule_free_slots (fixture->store, &query, &error));
  g_assert_error (error, CW_SCHEDULE_ERROR, CW_SCHEDULE_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  query.duration_min = 30;
  ci = 4242;
  query.ci_ids = &ci;
  g_assert_null (cw_schedule_free_slots (fixture->store, &query, &error));
  g_assert_error (error, CW_SCHEDULE_ERROR, CW_SCHEDULE_ERROR_UNKNOWN_CI);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/conflicts/ci-overlap", test_ci_overlap);
  ADD ("/conflicts/blackouts", test_blackouts);
  ADD ("/conflicts/outside-window", test_outside_window);
  ADD ("/conflicts/window-too-short", test_window_too_short);
  ADD ("/conflicts/assignee", test_assignee);
  ADD ("/conflicts/concurrency", test_concurrency);
  ADD ("/conflicts/check-work", test_check_work);
  ADD ("/conflicts/free-slots", test_free_slots);

#undef ADD

  return g_test_run ();
}
