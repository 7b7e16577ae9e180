/* cw-demo-schedule-work.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-demo-schedule"

#include "config.h"

#include "cw-demo-private.h"
#include "cw-demo-schedule-private.h"
#include "cw-schedule-private.h"

/* The planned work of the demo's calendar (cw-demo-schedule.c): each kind
 * of conflict staged at least once (the same CI twice, and a CI and the
 * host it runs on), around the demo's "now", and clean work at every site
 * in the weeks where nothing is staged. */

#define CLEAN_WEEKS 6      /* weeks of clean work ... */
#define CLEAN_PER_SITE 4   /* ... and the most per site */

typedef struct
{
  const char *slug;
  char       *title;
  gint64      ci;
  const char *runbook;     /* or NULL */
  gint64      start;
  guint       minutes;
  const char *assignee;
  const char *description;
} Work;

static gboolean
save_work (Plan        *plan,
           const Work  *spec,
           GError     **error)
{
  g_autoptr(CwPlannedWork) work = NULL;

  if (spec->start == 0)
    return TRUE;

  work = cw_planned_work_new (spec->title, spec->start,
                              spec->start + (gint64) spec->minutes * MINUTE);
  work->uid = g_strdup_printf ("demo-work-%s@changeward", spec->slug);
  work->description = g_strdup (spec->description);
  work->runbook_name = g_strdup (spec->runbook);
  work->assignee = g_strdup (spec->assignee);
  cw_planned_work_add_ci (work, spec->ci);

  return cw_schedule_add_work (plan->store, work, error);
}

/* A work on the @nth CI of @klass at the site, with the runbook of the CI's
 * class (none when there is none, or it does not fit @max_minutes), for the
 * window it needs (or @minutes). FALSE when the site has no CI. */
static gboolean
make_work (Plan       *plan,
           DemoSite   *site,
           const char *klass,
           guint       nth,
           guint       minutes,
           guint       max_minutes,
           Work       *work,
           char      **runbook)
{
  g_autofree char *name = NULL;
  g_autofree char *ci_class = NULL;
  guint needed = 0;

  if (site == NULL || !cw_demo_plan_pick_ci (plan, site, klass, nth, &work->ci, &name, &ci_class))
    return FALSE;

  *runbook = cw_demo_plan_runbook_for (plan, ci_class, &needed);
  if (*runbook != NULL && needed > max_minutes)
    g_clear_pointer (runbook, g_free);

  work->runbook = *runbook;
  work->minutes = *runbook != NULL && minutes == 0 ? needed : (minutes > 0 ? minutes : 90);
  work->title = *runbook != NULL ? g_strdup_printf ("%s on %s", *runbook, name)
                                 : g_strdup_printf ("Maintenance of %s", name);
  return TRUE;
}

static void
mark_busy (Plan       *plan,
           DemoSite   *site,
           guint       week)
{
  if (site != NULL)
    g_hash_table_add (plan->busy, g_strdup_printf ("%s:%u", site->code, week));
}

#define WORK_CLEAR(w) G_STMT_START { g_clear_pointer (&(w).title, g_free); } G_STMT_END

/* Each kind of conflict at least once. */
static gboolean
add_conflicting_work (Plan    *plan,
                      GError **error)
{
  DemoSite *fra = cw_demo_plan_site (plan, "FRA1");
  DemoSite *lon = cw_demo_plan_site (plan, "LON2");
  DemoSite *nyc = cw_demo_plan_site (plan, "NYC1");
  DemoSite *dfw = cw_demo_plan_site (plan, "DFW1");
  DemoSite *sin = cw_demo_plan_site (plan, "SIN1");
  DemoSite *tyo = cw_demo_plan_site (plan, "TYO1");
  Work work = { 0 };
  g_autofree char *runbook = NULL;
  gboolean ok = TRUE;

  /* The same switch twice at once. */
  if (make_work (plan, fra, "switch", 0, 0, 230, &work, &runbook))
    {
      gint64 start = cw_demo_plan_occurrence (plan, fra->weekly, 2);

      work.slug = "fra1-switch-upgrade";
      work.start = start != 0 ? start + 10 * MINUTE : 0;
      work.assignee = cw_demo_plan_technician (fra, 0);
      ok = save_work (plan, &work, error);
      g_free (work.title);
      work.title = g_strdup ("Replace the uplink optics");
      work.slug = "fra1-optics";
      work.runbook = NULL;
      work.start = start != 0 ? start + 70 * MINUTE : 0;
      work.minutes = 45;
      work.assignee = cw_demo_plan_technician (fra, 1);
      work.description = "Booked by the cabling contractor, who did not see the upgrade.";
      ok = ok && save_work (plan, &work, error);
      mark_busy (plan, fra, 2);
    }
  WORK_CLEAR (work);
  work = (Work) { 0 };
  g_clear_pointer (&runbook, g_free);

  /* In the UPS replacement (block), and in the year-end freeze. */
  if (ok && make_work (plan, fra, "server", 0, 0, 230, &work, &runbook))
    {
      gint64 start = cw_demo_plan_occurrence (plan, fra->weekly, 3);
      g_autoptr(GArray) december = NULL;

      work.slug = "fra1-server-firmware";
      work.start = start != 0 ? start + 15 * MINUTE : 0;
      work.assignee = cw_demo_plan_technician (fra, 2);
      ok = save_work (plan, &work, error);
      mark_busy (plan, fra, 3);

      december = cw_maint_window_expand (fra->weekly, plan->freeze_start, plan->freeze_end, NULL);
      if (ok && december != NULL && december->len > 0)
        {
          work.slug = "fra1-freeze";
          work.start = g_array_index (december, CwOccurrence, 0).start + 15 * MINUTE;
          work.description = "The vendor's fix is due in December; it waits for January.";
          ok = save_work (plan, &work, error);
        }
    }
  WORK_CLEAR (work);
  work = (Work) { 0 };
  g_clear_pointer (&runbook, g_free);

  /* In the trade show (warn). */
  if (ok && make_work (plan, sin, "server", 0, 0, 230, &work, &runbook))
    {
      gint64 start = cw_demo_plan_occurrence (plan, sin->weekly, 2);

      work.slug = "sin1-trade-show";
      work.start = start != 0 ? start + 15 * MINUTE : 0;
      work.assignee = cw_demo_plan_technician (sin, 0);
      ok = save_work (plan, &work, error);
      mark_busy (plan, sin, 2);
    }
  WORK_CLEAR (work);
  work = (Work) { 0 };
  g_clear_pointer (&runbook, g_free);

  /* On a Tuesday afternoon, outside every window. */
  if (ok && make_work (plan, nyc, "server", 1, 60, 0, &work, &runbook))
    {
      gint64 start = cw_demo_plan_occurrence (plan, nyc->weekly, 1);

      work.slug = "nyc1-outside";
      g_free (work.title);
      work.title = g_strdup ("Swap a failed power supply");
      work.start = start != 0 ? start + 2 * CW_SCHEDULE_DAY + 13 * 3600 : 0;
      work.assignee = cw_demo_plan_technician (nyc, 1);
      work.description = "The site manager wants it done in office hours.";
      ok = save_work (plan, &work, error);
    }
  WORK_CLEAR (work);
  work = (Work) { 0 };
  g_clear_pointer (&runbook, g_free);

  /* A runbook longer than the window left: it starts three hours in. */
  if (ok && make_work (plan, lon, "switch", 1, 0, 230, &work, &runbook) && work.runbook != NULL)
    {
      gint64 start = cw_demo_plan_occurrence (plan, lon->weekly, 2);

      work.slug = "lon2-late-start";
      work.start = start != 0 ? start + 180 * MINUTE : 0;
      work.assignee = cw_demo_plan_technician (lon, 0);
      ok = save_work (plan, &work, error);
    }
  WORK_CLEAR (work);
  work = (Work) { 0 };
  g_clear_pointer (&runbook, g_free);

  /* Booked for less than the runbook needs. */
  if (ok && make_work (plan, lon, "hypervisor", 0, 0, 230, &work, &runbook) &&
      work.runbook != NULL)
    {
      gint64 start = cw_demo_plan_occurrence (plan, lon->weekly, 2);

      work.slug = "lon2-short-booking";
      work.start = start != 0 ? start + 10 * MINUTE : 0;
      work.minutes = 90;
      work.assignee = cw_demo_plan_technician (lon, 1);
      ok = save_work (plan, &work, error);
      mark_busy (plan, lon, 2);
    }
  WORK_CLEAR (work);
  work = (Work) { 0 };
  g_clear_pointer (&runbook, g_free);

  /* One technician in New York and, at the same time, in Dallas. */
  if (ok && nyc != NULL && make_work (plan, dfw, "switch", 0, 0, 230, &work, &runbook))
    {
      gint64 start = cw_demo_plan_occurrence (plan, dfw->weekly, 3);

      work.slug = "dfw1-remote-hands";
      work.start = start != 0 ? start + 10 * MINUTE : 0;
      work.assignee = cw_demo_plan_technician (nyc, 2);
      work.description = "Done remotely from New York.";
      ok = save_work (plan, &work, error);
      mark_busy (plan, dfw, 3);
      WORK_CLEAR (work);
      work = (Work) { 0 };
      g_clear_pointer (&runbook, g_free);

      if (ok && make_work (plan, nyc, "switch", 0, 0, 230, &work, &runbook))
        {
          start = cw_demo_plan_occurrence (plan, nyc->weekly, 3);
          work.slug = "nyc1-switch-upgrade";
          work.start = start != 0 ? start + 10 * MINUTE : 0;
          work.assignee = cw_demo_plan_technician (nyc, 2);
          ok = save_work (plan, &work, error);
          mark_busy (plan, nyc, 3);
        }
    }
  WORK_CLEAR (work);
  work = (Work) { 0 };
  g_clear_pointer (&runbook, g_free);

  /* Three at once where the window allows two. */
  for (guint i = 0; ok && i < 3 && tyo != NULL; i++)
    {
      g_autofree char *slug = g_strdup_printf ("tyo1-busy-night-%u", i + 1);
      gint64 start = cw_demo_plan_occurrence (plan, tyo->weekly, 2);

      if (make_work (plan, tyo, "server", i, 0, 200, &work, &runbook))
        {
          work.slug = slug;
          work.start = start != 0 ? start + (gint64) (10 + 5 * i) * MINUTE : 0;
          work.assignee = cw_demo_plan_technician (tyo, i);
          ok = save_work (plan, &work, error);
        }
      WORK_CLEAR (work);
      work = (Work) { 0 };
      g_clear_pointer (&runbook, g_free);
    }
  mark_busy (plan, tyo, 2);

  return ok;
}

/* An application or database at the site and the host it runs on; FALSE
 * when the site has none. */
static gboolean
pick_guest_and_host (Plan      *plan,
                     DemoSite  *site,
                     gint64    *guest,
                     char     **guest_name,
                     char     **guest_class,
                     gint64    *host,
                     char     **host_name)
{
  sqlite3_stmt *stmt = NULL;
  gboolean found = FALSE;

  if (sqlite3_prepare_v2 (plan->run->db,
                          "SELECT a.id, a.name, a.class, b.id, b.name FROM ci_relations r "
                          "JOIN cis a ON a.id = r.source_id JOIN cis b ON b.id = r.target_id "
                          "WHERE r.kind = 'runs_on' AND a.site_id = ? AND b.class = 'hypervisor' "
                          "AND a.class IN ('database', 'application') ORDER BY r.id LIMIT 1",
                          -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, site->id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      *guest = sqlite3_column_int64 (stmt, 0);
      *guest_name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      *guest_class = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      *host = sqlite3_column_int64 (stmt, 3);
      *host_name = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      found = TRUE;
    }
  sqlite3_finalize (stmt);

  return found;
}

/* An application or database and the host it runs on, patched at once by
 * two people who did not look at each other's plans: the same kind of
 * conflict as one CI twice, found through the CI's relations. In São Paulo,
 * else at the first site with such a pair and a free second week. */
static gboolean
add_runs_on_work (Plan    *plan,
                  GError **error)
{
  DemoSite *site = NULL;
  g_autofree char *guest_name = NULL;
  g_autofree char *guest_class = NULL;
  g_autofree char *host_name = NULL;
  g_autofree char *host_runbook = NULL;
  g_autofree char *guest_runbook = NULL;
  gint64 guest = 0, host = 0, start = 0;
  guint host_minutes = 0, guest_minutes = 0;
  Work work = { 0 };
  gboolean ok;

  for (guint i = 0; i <= plan->sites->len && site == NULL; i++)
    {
      DemoSite *candidate = i == 0 ? cw_demo_plan_site (plan, "SAO1")
                                   : g_ptr_array_index (plan->sites, i - 1);
      g_autofree char *key = NULL;

      if (candidate == NULL)
        continue;
      key = g_strdup_printf ("%s:2", candidate->code);
      start = cw_demo_plan_occurrence (plan, candidate->weekly, 2);
      if (start != 0 && !g_hash_table_contains (plan->busy, key) &&
          !cw_demo_plan_in_freeze (plan, start, start + 240 * MINUTE) &&
          pick_guest_and_host (plan, candidate, &guest, &guest_name, &guest_class, &host,
                               &host_name))
        site = candidate;
    }

  host_runbook = cw_demo_plan_runbook_for (plan, "hypervisor", &host_minutes);
  if (site == NULL || host_runbook == NULL || host_minutes > 220)
    return TRUE;
  guest_runbook = cw_demo_plan_runbook_for (plan, guest_class, &guest_minutes);
  if (guest_runbook != NULL && guest_minutes > 190)
    g_clear_pointer (&guest_runbook, g_free);

  work.slug = "host-patch";
  work.title = g_strdup_printf ("%s on %s", host_runbook, host_name);
  work.ci = host;
  work.runbook = host_runbook;
  work.start = start + 10 * MINUTE;
  work.minutes = host_minutes;
  work.assignee = cw_demo_plan_technician (site, 0);
  ok = save_work (plan, &work, error);
  WORK_CLEAR (work);

  work = (Work) { 0 };
  work.slug = "guest-upgrade";
  work.title = guest_runbook != NULL ? g_strdup_printf ("%s on %s", guest_runbook, guest_name)
                                     : g_strdup_printf ("Maintenance of %s", guest_name);
  work.ci = guest;
  work.runbook = guest_runbook;
  work.start = start + 40 * MINUTE;
  work.minutes = guest_runbook != NULL ? guest_minutes : 60;
  work.assignee = cw_demo_plan_technician (site, 1);
  work.description = "The application team booked it; the host patch was booked the same night.";
  ok = ok && save_work (plan, &work, error);
  WORK_CLEAR (work);
  mark_busy (plan, site, 2);

  return ok;
}

/* A work whose runbook was never brought over from the old change tool:
 * the store refuses such a work, so it is written as that tool left it. */
static gboolean
add_orphan_work (Plan    *plan,
                 GError **error)
{
  DemoSite *syd = cw_demo_plan_site (plan, "SYD1");
  g_autofree char *name = NULL;
  g_autofree char *ci_class = NULL;
  g_autofree char *title = NULL;
  sqlite3_stmt *stmt;
  gint64 ci, start;
  int rc;

  if (syd == NULL || !cw_demo_plan_pick_ci (plan, syd, "firewall", 0, &ci, &name, &ci_class))
    return TRUE;
  start = cw_demo_plan_occurrence (plan, syd->weekly, 2);
  if (start == 0)
    return TRUE;
  start += 10 * MINUTE;
  title = g_strdup_printf ("Firmware upgrade on %s", name);

  stmt = cw_demo_prepare (plan->run,
                          "INSERT INTO planned_work (uid, title, description, runbook_name, "
                          "runbook_version, starts_at, ends_at, assignee) "
                          "VALUES ('demo-work-syd1-old-runbook@changeward', ?, "
                          "'Migrated from the old change tool.', 'F5 BIG-IP TMOS upgrade', 0, "
                          "?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, title, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, start);
  sqlite3_bind_int64 (stmt, 3, start + 120 * MINUTE);
  sqlite3_bind_text (stmt, 4, cw_demo_plan_technician (syd, 0), -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return cw_demo_plan_sql_failed (plan, rc, error);

  stmt = cw_demo_prepare (plan->run, "INSERT INTO planned_work_cis (work_id, ci_id) "
                                     "VALUES (last_insert_rowid (), ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ci);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  mark_busy (plan, syd, 2);

  return rc == SQLITE_DONE || cw_demo_plan_sql_failed (plan, rc, error);
}

/* The clean work: one a week at each site where no conflict is staged,
 * on CIs of a class in turn, booked for the window its runbook needs. */
static gboolean
add_clean_work (Plan    *plan,
                GError **error)
{
  static const char * const classes[] = { "switch", "server", "hypervisor", "certificate" };

  for (guint i = 0; i < plan->sites->len; i++)
    {
      DemoSite *site = g_ptr_array_index (plan->sites, i);
      guint n = 0;

      for (guint week = 1; week <= CLEAN_WEEKS && n < CLEAN_PER_SITE; week++)
        {
          g_autofree char *key = g_strdup_printf ("%s:%u", site->code, week);
          g_autofree char *runbook = NULL;
          g_autofree char *slug = NULL;
          g_autofree char *lower = NULL;
          Work work = { 0 };
          gint64 start = cw_demo_plan_occurrence (plan, site->weekly, week);
          gboolean ok;

          if (start == 0 || g_hash_table_contains (plan->busy, key) ||
              cw_demo_plan_in_freeze (plan, start, start + 240 * MINUTE) ||
              !make_work (plan, site, classes[(i + week) % G_N_ELEMENTS (classes)], 2 + week,
                          0, 220, &work, &runbook))
            continue;

          lower = g_ascii_strdown (site->code, -1);
          slug = g_strdup_printf ("%s-week-%u", lower, week);
          work.slug = slug;
          work.start = start + 15 * MINUTE;
          work.assignee = cw_demo_plan_technician (site, week);
          ok = save_work (plan, &work, error);
          WORK_CLEAR (work);
          if (!ok)
            return FALSE;
          n++;
        }

      /* The storage upgrade in the next storage window, by the site's lead. */
      {
        g_autofree char *lower = g_ascii_strdown (site->code, -1);
        g_autofree char *uid = g_strdup_printf ("demo-storage-%s@changeward", lower);
        g_autoptr(CwMaintWindow) storage = cw_schedule_find_window (plan->store, uid, NULL);
        g_autofree char *runbook = NULL;
        g_autofree char *slug = NULL;
        Work work = { 0 };
        gint64 start = cw_demo_plan_occurrence (plan, storage, 1);
        gboolean ok;

        if (start == 0 || cw_demo_plan_in_freeze (plan, start, start + 480 * MINUTE) ||
            !make_work (plan, site, "storage", 0, 0, 470, &work, &runbook) ||
            work.runbook == NULL)
          {
            WORK_CLEAR (work);
            continue;
          }

        slug = g_strdup_printf ("%s-storage", lower);
        work.slug = slug;
        work.start = start + 5 * MINUTE;
        work.assignee = site->lead;
        ok = save_work (plan, &work, error);
        WORK_CLEAR (work);
        if (!ok)
          return FALSE;
      }
    }

  return TRUE;
}

gboolean
cw_demo_plan_add_work (Plan    *plan,
                       GError **error)
{
  return add_conflicting_work (plan, error) &&
         add_runs_on_work (plan, error) &&
         add_orphan_work (plan, error) &&
         add_clean_work (plan, error);
}
