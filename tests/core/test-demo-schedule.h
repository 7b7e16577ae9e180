/* test-demo-schedule.h
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The demo's maintenance calendar: windows in each site's own zone, the
 * freezes, and planned work that shows every kind of conflict next to
 * plenty of clean work. Included by test-demo.c only. */

#pragma once

#include "cw-demo.h"
#include "cw-schedule.h"
#include "cw-test-fixture.h"

static gboolean
work_in_conflicts (GPtrArray *conflicts,
                   gint64     work_id)
{
  for (guint i = 0; i < conflicts->len; i++)
    {
      const CwConflict *conflict = g_ptr_array_index (conflicts, i);

      for (guint j = 0; j < conflict->work_ids->len; j++)
        if (g_array_index (conflict->work_ids, gint64, j) == work_id)
          return TRUE;
    }

  return FALSE;
}

static char *
create_schedule_demo (const char *dir)
{
  g_autoptr(CwClock) clock = cw_test_fake_clock ();
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, "schedule.db", NULL);
  CwDemoOptions options = { .seed = CW_DEMO_DEFAULT_SEED, .n_cis = 300 };

  g_assert_true (cw_demo_create (path, &options, clock, NULL, &error));
  g_assert_no_error (error);

  return path;
}

static void
test_schedule (void)
{
  g_autofree char *dir = cw_test_make_tmpdir ();
  g_autofree char *path = create_schedule_demo (dir);
  g_autoptr(CwStore) store = NULL;
  g_autoptr(GPtrArray) works = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = cw_test_fixed_time ();
  gboolean seen[CW_N_CONFLICT_KINDS] = { FALSE };
  gint64 from = G_MAXINT64, to = G_MININT64;
  guint n_clean = 0;
  gint64 n_sites = cw_test_sql_int (path, "SELECT count(*) FROM sites");

  /* A weekly window at every site, on Sunday at 01:00 in its own zone. */
  g_assert_cmpint (n_sites, ==, 8);
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM maintenance_windows w "
                                          "JOIN window_scope s ON s.window_id = w.id "
                                          "JOIN sites t ON t.id = s.site_id "
                                          "WHERE w.tzid = t.time_zone "
                                          "AND w.rrule = 'FREQ=WEEKLY;BYDAY=SU' "
                                          "AND w.start_local LIKE '%T01:00:00'"), ==, n_sites);
  /* The storage windows on the second Saturday, on the storage CIs. */
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM maintenance_windows "
                                          "WHERE rrule = 'FREQ=MONTHLY;BYDAY=2SA'"), >, 0);
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM window_scope s "
                                          "JOIN maintenance_windows w ON w.id = s.window_id "
                                          "JOIN cis c ON c.id = s.ci_id "
                                          "WHERE w.rrule = 'FREQ=MONTHLY;BYDAY=2SA' "
                                          "AND c.class <> 'storage'"), ==, 0);
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM window_exdates"), >, 0);
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM window_overrides"), >, 0);

  /* The year-end freeze blocks everything from mid-December to early
   * January; a few blackouts only warn. */
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM blackouts WHERE mode = 'block' "
                                          "AND scope_all = 1 AND all_day = 1 "
                                          "AND strftime ('%m-%d', starts_at, 'unixepoch') = '12-15' "
                                          "AND strftime ('%m-%d', ends_at, 'unixepoch') = '01-05'"),
                   ==, 1);
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM blackouts WHERE mode = 'warn'"),
                   >=, 2);

  /* Planned work around now, by the demo's technicians, on its runbooks. */
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM planned_work w "
                                          "LEFT JOIN users u ON u.username = w.assignee "
                                          "WHERE u.id IS NULL"), ==, 0);
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM planned_work w "
                                          "JOIN runbooks r ON r.name = w.runbook_name"), >, 20);

  store = cw_store_open (path, CW_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  works = cw_schedule_list_work (store, G_MININT64, G_MAXINT64, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (works->len, >, 30);
  for (guint i = 0; i < works->len; i++)
    {
      const CwPlannedWork *work = g_ptr_array_index (works, i);

      from = MIN (from, work->start);
      to = MAX (to, work->end);
    }
  g_assert_cmpint (from, >, g_date_time_to_unix (now));
  g_assert_cmpint (from, <, g_date_time_to_unix (now) + 14 * 24 * 3600);

  conflicts = cw_schedule_conflicts (store, from, to, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < conflicts->len; i++)
    {
      const CwConflict *conflict = g_ptr_array_index (conflicts, i);

      g_test_message ("%s: %s", cw_conflict_kind_to_string (conflict->kind), conflict->message);
      seen[conflict->kind] = TRUE;
    }

  /* Every kind of conflict, both severities of blackout ... */
  for (guint k = 0; k < CW_N_CONFLICT_KINDS; k++)
    if (!seen[k])
      g_error ("the demo has no “%s” conflict", cw_conflict_kind_to_string (k));
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM planned_work"), ==, works->len);

  {
    gboolean block = FALSE, warn = FALSE;

    for (guint i = 0; i < conflicts->len; i++)
      {
        const CwConflict *conflict = g_ptr_array_index (conflicts, i);

        if (conflict->kind == CW_CONFLICT_BLACKOUT)
          {
            block |= conflict->severity == CW_CONFLICT_ERROR;
            warn |= conflict->severity == CW_CONFLICT_WARNING;
          }
      }
    g_assert_true (block);
    g_assert_true (warn);
  }

  /* ... and plenty of work with none. */
  for (guint i = 0; i < works->len; i++)
    if (!work_in_conflicts (conflicts, ((CwPlannedWork *) g_ptr_array_index (works, i))->id))
      n_clean++;
  g_assert_cmpuint (n_clean, >=, 20);

  g_clear_object (&store);
  cw_test_remove_tree (dir);
}
