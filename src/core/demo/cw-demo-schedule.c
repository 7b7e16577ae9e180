/* cw-demo-schedule.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-demo-schedule"

#include "config.h"

#include <glib/gi18n.h>

#include "cw-demo-private.h"
#include "cw-demo-schedule-private.h"
#include "cw-schedule-private.h"

/* The maintenance calendar of the demo, after its runbooks: a weekly window
 * at every site (Sunday 01:00 to 05:00 in the site's own zone), a storage
 * window on the second Saturday of the month where a site has storage, a
 * database window in Frankfurt with an exception and a moved occurrence;
 * a year-end freeze, a quarter-end close and a trade show in Singapore;
 * and planned work in the weeks after the demo's "now": plenty of it clean,
 * and some made to show every kind of conflict. Everything is placed from
 * the clock and the rows the demo made, in a fixed order, so the same seed
 * and clock give the same calendar; UIDs are fixed too. */

static void
demo_site_free (DemoSite *site)
{
  g_free (site->code);
  g_free (site->tzid);
  g_ptr_array_unref (site->technicians);
  g_free (site->lead);
  g_clear_pointer (&site->weekly, cw_maint_window_free);
  g_free (site);
}

gboolean
cw_demo_plan_sql_failed (Plan    *plan,
                         int      rc,
                         GError **error)
{
  return cw_store_set_sql_error (error, plan->run->db, rc, _("Could not write the demo workspace"));
}

/* ---- reading what the demo made ------------------------------------------------ */

static gboolean
load_sites (Plan    *plan,
            GError **error)
{
  sqlite3_stmt *stmt;
  sqlite3_stmt *people;
  int rc;

  stmt = cw_demo_prepare (plan->run, "SELECT id, code, time_zone FROM sites ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  people = cw_demo_prepare (plan->run, "SELECT username, role FROM users WHERE site_id = ? "
                                       "AND role IN ('technician', 'lead') ORDER BY id", error);
  if (people == NULL)
    {
      sqlite3_finalize (stmt);
      return FALSE;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DemoSite *site = g_new0 (DemoSite, 1);

      site->id = sqlite3_column_int64 (stmt, 0);
      site->code = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      site->tzid = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      site->technicians = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (plan->sites, site);

      sqlite3_bind_int64 (people, 1, site->id);
      while (sqlite3_step (people) == SQLITE_ROW)
        {
          const char *name = (const char *) sqlite3_column_text (people, 0);

          if (g_str_equal ((const char *) sqlite3_column_text (people, 1), "lead"))
            {
              g_free (site->lead);
              site->lead = g_strdup (name);
            }
          else
            g_ptr_array_add (site->technicians, g_strdup (name));
        }
      sqlite3_reset (people);
    }
  sqlite3_finalize (people);
  sqlite3_finalize (stmt);

  return rc == SQLITE_DONE || cw_demo_plan_sql_failed (plan, rc, error);
}

DemoSite *
cw_demo_plan_site (Plan       *plan,
                   const char *code)
{
  for (guint i = 0; i < plan->sites->len; i++)
    {
      DemoSite *site = g_ptr_array_index (plan->sites, i);

      if (g_str_equal (site->code, code))
        return site;
    }

  return NULL;
}

const char *
cw_demo_plan_technician (DemoSite *site,
                         guint     index)
{
  if (site->technicians->len == 0)
    return site->lead;

  return g_ptr_array_index (site->technicians, index % site->technicians->len);
}

/* A CI of the site, the @nth of those of @klass first (then the others,
 * databases and applications last). FALSE when the site has none. */
gboolean
cw_demo_plan_pick_ci (Plan        *plan,
                      DemoSite    *site,
                      const char  *klass,
                      guint        nth,
                      gint64      *id,
                      char       **name,
                      char       **ci_class)
{
  sqlite3_stmt *stmt = NULL;
  gboolean found = FALSE;

  if (sqlite3_prepare_v2 (plan->run->db,
                          "SELECT id, name, class FROM cis WHERE site_id = ?1 "
                          "ORDER BY class = ?2 DESC, class IN ('database', 'application'), id "
                          "LIMIT 1 OFFSET ?3", -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, site->id);
  sqlite3_bind_text (stmt, 2, klass, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, (int) nth);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      *id = sqlite3_column_int64 (stmt, 0);
      *name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      *ci_class = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      found = TRUE;
    }
  sqlite3_finalize (stmt);

  return found;
}

/* The ids of the CIs of @klass at the site. */
static GArray *
cis_of_class (Plan       *plan,
              DemoSite   *site,
              const char *klass)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (plan->run->db, "SELECT id FROM cis WHERE site_id = ? AND class = ? "
                                         "ORDER BY id", -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, site->id);
      sqlite3_bind_text (stmt, 2, klass, -1, SQLITE_STATIC);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);

          g_array_append_val (ids, id);
        }
    }
  sqlite3_finalize (stmt);

  return ids;
}

/* The runbook for a class of CI, and the window it needs; NULL when none. */
char *
cw_demo_plan_runbook_for (Plan       *plan,
                          const char *klass,
                          guint      *minutes)
{
  sqlite3_stmt *stmt = NULL;
  char *name = NULL;

  if (sqlite3_prepare_v2 (plan->run->db, "SELECT name FROM runbooks WHERE ci_class = ? "
                                         "ORDER BY name LIMIT 1", -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, klass, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    }
  sqlite3_finalize (stmt);

  if (name != NULL && !cw_schedule_get_window_needed (plan->store, name, 0, minutes, NULL))
    g_clear_pointer (&name, g_free);

  return name;
}

/* ---- times ----------------------------------------------------------------------- */

/* "YYYY-MM-DDT01:00:00" of the Sunday @weeks before the one on or before
 * now, in @tzid. */
static char *
sunday_before (Plan       *plan,
               const char *tzid,
               int         weeks,
               const char *time)
{
  g_autofree char *now = cw_schedule_utc_to_local (plan->run->now_unix, tzid);
  gint64 local = 0;
  gint64 days;
  int weekday;
  char date[20];

  _cw_local_parse (now, &local, NULL);
  days = local >= 0 ? local / CW_SCHEDULE_DAY : (local - CW_SCHEDULE_DAY + 1) / CW_SCHEDULE_DAY;
  weekday = (int) (((days + 4) % 7 + 7) % 7);   /* 1970-01-01 was a Thursday */
  _cw_local_format ((days - weekday - 7 * weeks) * CW_SCHEDULE_DAY, date);
  date[10] = '\0';

  return g_strdup_printf ("%sT%s", date, time);
}

/* The start of the @k-th (from 1) occurrence of @window starting after now,
 * or 0. */
gint64
cw_demo_plan_occurrence (Plan           *plan,
                         const CwMaintWindow *window,
                         guint           k)
{
  g_autoptr(GArray) occurrences = NULL;

  if (window == NULL)
    return 0;
  occurrences = cw_maint_window_expand (window, plan->run->now_unix,
                                  plan->run->now_unix + (gint64) (k + 9) * 5 * WEEK, NULL);
  for (guint i = 0; occurrences != NULL && i < occurrences->len; i++)
    {
      gint64 start = g_array_index (occurrences, CwOccurrence, i).start;

      /* Not one already under way. */
      if (start >= plan->run->now_unix && --k == 0)
        return start;
    }

  return 0;
}

gboolean
cw_demo_plan_in_freeze (Plan   *plan,
                        gint64  start,
                        gint64  end)
{
  return start < plan->freeze_end && plan->freeze_start < end;
}

/* ---- windows ----------------------------------------------------------------------- */

static gboolean
add_window (Plan      *plan,
            CwMaintWindow  *window,
            GError   **error)
{
  return cw_schedule_add_window (plan->store, window, error);
}

/* Two months from now: one Sunday left out for a public holiday, and the
 * next moved an hour later and made shorter. */
static void
add_exceptions (Plan     *plan,
                CwMaintWindow *window)
{
  g_autoptr(GArray) occurrences = cw_maint_window_expand (window, plan->run->now_unix,
                                                    plan->run->now_unix + 12 * WEEK, NULL);
  g_autofree char *skipped = NULL;
  g_autofree char *moved = NULL;
  g_autofree char *later = NULL;

  if (occurrences == NULL || occurrences->len < 9)
    return;

  skipped = cw_schedule_utc_to_local (g_array_index (occurrences, CwOccurrence, 7).start,
                                      window->tzid);
  moved = cw_schedule_utc_to_local (g_array_index (occurrences, CwOccurrence, 8).start,
                                    window->tzid);
  later = cw_schedule_utc_to_local (g_array_index (occurrences, CwOccurrence, 8).start + 3600,
                                    window->tzid);
  _cw_strv_append (&window->exdates, skipped);
  g_ptr_array_add (window->overrides, cw_window_override_new (moved, later, 180));
}

static gboolean
add_weekly_windows (Plan    *plan,
                    GError **error)
{
  for (guint i = 0; i < plan->sites->len; i++)
    {
      DemoSite *site = g_ptr_array_index (plan->sites, i);
      g_autofree char *start = sunday_before (plan, site->tzid, 8, "01:00:00");
      g_autofree char *name = g_strdup_printf ("%s weekly window", site->code);
      g_autofree char *lower = g_ascii_strdown (site->code, -1);
      CwMaintWindow *window = cw_maint_window_new (name, site->tzid, start, 240);

      window->uid = g_strdup_printf ("demo-weekly-%s@changeward", lower);
      window->rrule = g_strdup ("FREQ=WEEKLY;BYDAY=SU");
      _cw_strv_append (&window->scope->sites, site->code);
      /* Tokyo has a small night team. */
      window->max_concurrent = g_str_equal (site->code, "TYO1") ? 2 : 3;
      window->description = g_strdup_printf ("Standing window for changes at %s, Sunday 01:00 to "
                                             "05:00 local time. At most %u changes at once.",
                                             site->code, window->max_concurrent);
      if (g_str_equal (site->code, "FRA1"))
        add_exceptions (plan, window);
      site->weekly = window;
      if (!add_window (plan, window, error))
        return FALSE;
    }

  return TRUE;
}

/* The second Saturday of the month two months before now, 22:00 local. */
static char *
second_saturday (Plan       *plan,
                 const char *tzid)
{
  g_autofree char *now = cw_schedule_utc_to_local (plan->run->now_unix, tzid);
  int year, month, day, hour, minute, second;
  gint64 local = 0, first;
  gint64 days;
  int weekday;
  char date[20];

  _cw_local_parse (now, &local, NULL);
  _cw_local_to_fields (local, &year, &month, &day, &hour, &minute, &second);
  month -= 2;
  if (month < 1)
    {
      month += 12;
      year--;
    }
  first = _cw_local_from_fields (year, month, 1, 0, 0, 0);
  days = first >= 0 ? first / CW_SCHEDULE_DAY : (first - CW_SCHEDULE_DAY + 1) / CW_SCHEDULE_DAY;
  weekday = (int) (((days + 4) % 7 + 7) % 7);
  _cw_local_format ((days + (6 - weekday + 7) % 7 + 7) * CW_SCHEDULE_DAY, date);
  date[10] = '\0';

  return g_strdup_printf ("%sT22:00:00", date);
}

static gboolean
add_storage_windows (Plan    *plan,
                     GError **error)
{
  for (guint i = 0; i < plan->sites->len; i++)
    {
      DemoSite *site = g_ptr_array_index (plan->sites, i);
      g_autoptr(GArray) storage = cis_of_class (plan, site, "storage");
      g_autoptr(CwMaintWindow) window = NULL;
      g_autofree char *start = NULL;
      g_autofree char *name = NULL;
      g_autofree char *lower = NULL;

      if (storage->len == 0)
        continue;

      start = second_saturday (plan, site->tzid);
      name = g_strdup_printf ("%s storage window", site->code);
      lower = g_ascii_strdown (site->code, -1);
      window = cw_maint_window_new (name, site->tzid, start, 480);
      window->uid = g_strdup_printf ("demo-storage-%s@changeward", lower);
      window->rrule = g_strdup ("FREQ=MONTHLY;BYDAY=2SA");
      window->description = g_strdup ("Storage arrays and their controllers: the second "
                                      "Saturday of the month, 22:00 to 06:00 local time.");
      g_array_append_vals (window->scope->ci_ids, storage->data, storage->len);
      if (!add_window (plan, window, error))
        return FALSE;
    }

  return TRUE;
}

/* ---- blackouts ---------------------------------------------------------------------- */

static CwBlackout *
new_blackout (const char     *uid,
              const char     *name,
              CwBlackoutMode  mode,
              gint64          start,
              gint64          end)
{
  CwBlackout *blackout = cw_blackout_new (name, mode, start, end);

  blackout->uid = g_strdup (uid);
  return blackout;
}

static gboolean
save_blackout (Plan        *plan,
               CwBlackout  *blackout,
               GError     **error)
{
  gboolean ok = cw_schedule_add_blackout (plan->store, blackout, error);

  cw_blackout_free (blackout);
  return ok;
}

static gboolean
add_blackouts (Plan    *plan,
               GError **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_utc (plan->run->now_unix);
  int year = g_date_time_get_year (now);
  int month = g_date_time_get_month (now);
  g_autoptr(GDateTime) freeze_start = NULL;
  g_autoptr(GDateTime) freeze_end = NULL;
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 21);
  g_autoptr(GDateTime) quarter_end = NULL;
  g_autofree char *uid = NULL;
  DemoSite *singapore = cw_demo_plan_site (plan, "SIN1");
  DemoSite *frankfurt = cw_demo_plan_site (plan, "FRA1");
  CwBlackout *blackout;
  int quarter_month;

  /* The freeze of the year end after now (or the one now is in). */
  if (month == 1 && g_date_time_get_day_of_month (now) < 5)
    year--;
  freeze_start = g_date_time_new_utc (year, 12, 15, 0, 0, 0);
  freeze_end = g_date_time_new_utc (year + 1, 1, 5, 0, 0, 0);
  plan->freeze_start = g_date_time_to_unix (freeze_start);
  plan->freeze_end = g_date_time_to_unix (freeze_end);
  uid = g_strdup_printf ("demo-year-end-freeze-%d@changeward", year);
  blackout = new_blackout (uid, "Year-end change freeze", CW_BLACKOUT_BLOCK,
                           plan->freeze_start, plan->freeze_end);
  blackout->all_day = TRUE;
  blackout->scope->everything = TRUE;
  blackout->reason = g_strdup ("Peak trading and reduced staffing: no changes from 15 December "
                               "to 5 January without an emergency change.");
  if (!save_blackout (plan, blackout, error))
    return FALSE;

  /* The close of the quarter three weeks from now: its last three days and
   * the first two of the next. */
  quarter_month = ((g_date_time_get_month (later) - 1) / 3 + 1) * 3;
  quarter_end = g_date_time_new_utc (g_date_time_get_year (later) + (quarter_month == 12 ? 1 : 0),
                                     quarter_month == 12 ? 1 : quarter_month + 1, 1, 0, 0, 0);
  g_clear_pointer (&uid, g_free);
  uid = g_strdup_printf ("demo-quarter-end-%d-%02d@changeward",
                         g_date_time_get_year (later), quarter_month);
  blackout = new_blackout (uid, "Quarter-end close", CW_BLACKOUT_WARN,
                           g_date_time_to_unix (quarter_end) - 3 * CW_SCHEDULE_DAY,
                           g_date_time_to_unix (quarter_end) + 2 * CW_SCHEDULE_DAY);
  blackout->all_day = TRUE;
  _cw_strv_append (&blackout->scope->classes, "database");
  _cw_strv_append (&blackout->scope->classes, "application");
  blackout->reason = g_strdup ("Finance closes the books: changes to databases and "
                               "applications need the controller's agreement.");
  if (!save_blackout (plan, blackout, error))
    return FALSE;

  /* Around the second window from now at these two sites. */
  if (singapore != NULL && cw_demo_plan_occurrence (plan, singapore->weekly, 2) != 0)
    {
      gint64 around = cw_demo_plan_occurrence (plan, singapore->weekly, 2);

      blackout = new_blackout ("demo-trade-show-sin1@changeward", "Singapore trade show",
                               CW_BLACKOUT_WARN, around - 2 * CW_SCHEDULE_DAY,
                               around + 2 * CW_SCHEDULE_DAY);
      blackout->tzid = g_strdup (singapore->tzid);
      _cw_strv_append (&blackout->scope->sites, singapore->code);
      blackout->reason = g_strdup ("Customers tour the Jurong demo floor: agree any change "
                                   "with the event team first.");
      if (!save_blackout (plan, blackout, error))
        return FALSE;
    }

  if (frankfurt != NULL && cw_demo_plan_occurrence (plan, frankfurt->weekly, 3) != 0)
    {
      gint64 around = cw_demo_plan_occurrence (plan, frankfurt->weekly, 3);

      blackout = new_blackout ("demo-ups-fra1@changeward", "Frankfurt UPS replacement",
                               CW_BLACKOUT_BLOCK, around - CW_SCHEDULE_DAY,
                               around + CW_SCHEDULE_DAY);
      blackout->tzid = g_strdup (frankfurt->tzid);
      _cw_strv_append (&blackout->scope->sites, frankfurt->code);
      blackout->reason = g_strdup ("Both UPS strings are replaced: the site runs on a single "
                                   "feed, nothing else changes.");
      if (!save_blackout (plan, blackout, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * cw_demo_add_schedule:
 * @store: the workspace being filled, with its sites, people, CIs and
 *   runbooks
 *
 * Adds the demo's maintenance calendar, in one transaction of its own,
 * after the runbooks its planned work names.
 */
gboolean
cw_demo_add_schedule (CwDemoRun  *run,
                      CwStore    *store,
                      GError    **error)
{
  Plan plan = { 0 };
  gboolean ok;

  if (g_cancellable_set_error_if_cancelled (run->cancellable, error))
    return FALSE;

  plan.run = run;
  plan.store = store;
  plan.sites = g_ptr_array_new_with_free_func ((GDestroyNotify) demo_site_free);
  plan.busy = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  ok = cw_store_begin (store, error);
  if (ok)
    {
      ok = load_sites (&plan, error) &&
           add_weekly_windows (&plan, error) &&
           add_storage_windows (&plan, error) &&
           add_blackouts (&plan, error) &&
           cw_demo_plan_add_work (&plan, error);
      if (ok)
        ok = cw_store_commit (store, error);
      if (!ok)
        cw_store_rollback (store);
    }

  g_ptr_array_unref (plan.sites);
  g_hash_table_unref (plan.busy);
  return ok;
}
