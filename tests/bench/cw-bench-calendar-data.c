/* cw-bench-calendar-data.c: the calendar of `build-aux/bench.sh calendar`,
 * generated on the demo's inventory, the same for the same seed:
 *
 *   - windows in each site's time zone: per site a Saturday night, a
 *     "second Sunday" patch window and a weeknight window (holidays left out
 *     with EXDATEs); per CI class one; the rest each for a list of 5 to 40
 *     CIs of one site and class (a service), with hosts added now and then,
 *     weekly, monthly by weekday ("second Sunday", "last Saturday"), by
 *     date, daily, fortnightly, with COUNT or UNTIL, a few that only
 *     libical's iterator expands (BYSETPOS, YEARLY), a few once; some with
 *     EXDATEs, a moved or cancelled occurrence, or a limit on concurrent
 *     changes; most recurring from the autumn before the year, some from
 *     within it;
 *   - blackouts: the year-end freezes on both sides of the year (block,
 *     everything), quarter-end closes and peak trading (warn, by class), a
 *     power outage per site (block), audits and customer events on lists of
 *     CIs (block or warn);
 *   - planned works in the year: most in an occurrence of a window covering
 *     their CIs (some running past its end), some at any time on any CIs,
 *     some at about the time of another on the same CI or what it runs on or
 *     is part of (sometimes with the same assignee), some inside a blackout;
 *     a third with one of the demo's runbooks (some booked for less than it
 *     needs), assignees from a pool of 50 of the demo's users.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-bench-calendar"

#include "config.h"

#include <string.h>

#include "cw-bench-calendar-gen.h"
#include "cw-runbook-store.h"
#include "cw-store-private.h"

#define N_ASSIGNEES 50

static const char * const verbs[] = {
  "Patch", "Firmware update", "Configuration change", "OS upgrade", "Replace power supply",
  "Certificate renewal", "Capacity expansion", "Reboot", "Database failover test", "Licence renewal",
};

/* ---- helpers ------------------------------------------------------------------ */

guint
gen_below (Gen   *gen,
       guint  n)
{
  return n > 1 ? (guint) g_rand_int_range (gen->rand, 0, (gint32) n) : 0;
}

gboolean
gen_chance (Gen   *gen,
        guint  percent)
{
  return gen_below (gen, 100) < percent;
}

static gboolean
exec_sql (Gen         *gen,
          const char  *sql,
          GError     **error)
{
  int rc = sqlite3_exec (gen->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return cw_store_set_sql_error (error, gen->db, rc, "cw-bench-calendar");

  return TRUE;
}

static sqlite3_stmt *
prepare (Gen         *gen,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (gen->db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      cw_store_set_sql_error (error, gen->db, rc, "cw-bench-calendar");
      return NULL;
    }

  return stmt;
}

gboolean
gen_ids_contain (GArray *ids,
             gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    {
      if (g_array_index (ids, gint64, i) == id)
        return TRUE;
    }

  return FALSE;
}

static GArray *
index_list (GPtrArray *lists,
            guint      i)
{
  while (lists->len <= i)
    g_ptr_array_add (lists, g_array_new (FALSE, FALSE, sizeof (guint)));

  return g_ptr_array_index (lists, i);
}

gint64
gen_pick_from (Gen    *gen,
           GArray *indices)
{
  guint i = g_array_index (indices, guint, gen_below (gen, indices->len));

  return g_array_index (gen->cis, Ci, i).id;
}

gint64
gen_pick_any_ci (Gen *gen)
{
  return g_array_index (gen->cis, Ci, gen_below (gen, gen->cis->len)).id;
}

gint64
gen_pick_covered (Gen         *gen,
              const Cover *cover)
{
  guint n_ways = 0;
  GArray *ways[4];

  if (cover->everything)
    return gen_pick_any_ci (gen);
  if (cover->site >= 0)
    ways[n_ways++] = g_ptr_array_index (gen->by_site, cover->site);
  for (guint k = 0; k < 2; k++)
    {
      if (cover->klass[k] >= 0)
        ways[n_ways++] = g_ptr_array_index (gen->by_class, cover->klass[k]);
    }
  if (cover->ci_ids != NULL && cover->ci_ids->len > 0 &&
      (n_ways == 0 || gen_chance (gen, 50)))
    return g_array_index (cover->ci_ids, gint64, gen_below (gen, cover->ci_ids->len));

  g_assert (n_ways > 0);
  return gen_pick_from (gen, ways[gen_below (gen, n_ways)]);
}

int
gen_class_index (Gen        *gen,
             const char *key)
{
  for (guint i = 0; i < gen->classes->len; i++)
    {
      if (g_str_equal (g_ptr_array_index (gen->classes, i), key))
        return (int) i;
    }

  return -1;
}

gint64
gen_local_instant (int          year,
               int          month,
               int          day,
               int          hour,
               const char  *tzid,
               GError     **error)
{
  g_autofree char *text = g_strdup_printf ("%04d-%02d-%02dT%02d:00:00", year, month, day, hour);
  gint64 instant = 0;

  if (!cw_schedule_local_to_utc (text, tzid, &instant, error))
    return G_MININT64;

  return instant;
}

/* ---- the inventory ------------------------------------------------------------ */

static gboolean
load_inventory (Gen     *gen,
                GError **error)
{
  g_autoptr(GHashTable) site_index = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) class_of = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) runbooks = NULL;
  sqlite3_stmt *stmt;

  if ((stmt = prepare (gen, "SELECT id, code, time_zone FROM sites ORDER BY id", error)) == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      Site site = { sqlite3_column_int64 (stmt, 0),
                    g_strdup ((const char *) sqlite3_column_text (stmt, 1)),
                    g_strdup (sqlite3_column_text (stmt, 2) != NULL
                              ? (const char *) sqlite3_column_text (stmt, 2) : "UTC") };

      g_array_append_val (gen->sites, site);
    }
  sqlite3_finalize (stmt);
  for (guint i = 0; i < gen->sites->len; i++)
    g_hash_table_insert (site_index, &g_array_index (gen->sites, Site, i).id, GUINT_TO_POINTER (i + 1));

  if ((stmt = prepare (gen, "SELECT DISTINCT class FROM cis ORDER BY class", error)) == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (gen->classes, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  for (guint i = 0; i < gen->classes->len; i++)
    g_hash_table_insert (class_of, g_ptr_array_index (gen->classes, i), GUINT_TO_POINTER (i + 1));

  if (gen->sites->len == 0 || gen->classes->len == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "the workspace has no sites or no CIs");
      return FALSE;
    }

  if ((stmt = prepare (gen, "SELECT id, site_id, class FROM cis ORDER BY id", error)) == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 site_id = sqlite3_column_int64 (stmt, 1);
      guint site = GPOINTER_TO_UINT (g_hash_table_lookup (site_index, &site_id));
      guint klass = GPOINTER_TO_UINT (g_hash_table_lookup (class_of, sqlite3_column_text (stmt, 2)));
      Ci ci = { sqlite3_column_int64 (stmt, 0), 0, (guint16) (klass - 1) };
      guint i = gen->cis->len;

      /* A CI without a site is in no site's lists. */
      ci.site = site > 0 ? (guint16) (site - 1) : G_MAXUINT16;
      g_array_append_val (gen->cis, ci);
      g_array_append_val (index_list (gen->by_class, ci.klass), i);
      if (site > 0)
        {
          g_array_append_val (index_list (gen->by_site, ci.site), i);
          g_array_append_val (index_list (gen->by_site_class, ci.site * gen->classes->len + ci.klass), i);
        }
    }
  sqlite3_finalize (stmt);
  index_list (gen->by_site, gen->sites->len - 1);
  index_list (gen->by_site_class, gen->sites->len * gen->classes->len - 1);
  for (guint i = 0; i < gen->cis->len; i++)
    {
      Ci *ci = &g_array_index (gen->cis, Ci, i);

      g_hash_table_insert (gen->ci_by_id, &ci->id, ci);
    }

  if ((stmt = prepare (gen, "SELECT source_id, target_id FROM ci_relations "
                            "WHERE kind IN ('runs_on', 'part_of') ORDER BY source_id, target_id",
                       error)) == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      Relation relation = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1) };

      g_array_append_val (gen->relations, relation);
    }
  sqlite3_finalize (stmt);
  for (guint i = 0; i < gen->relations->len; i++)
    {
      Relation *relation = &g_array_index (gen->relations, Relation, i);

      if (!g_hash_table_contains (gen->parent_of, &relation->child))
        g_hash_table_insert (gen->parent_of, &relation->child, relation);
      if (!g_hash_table_contains (gen->child_of, &relation->parent))
        g_hash_table_insert (gen->child_of, &relation->parent, relation);
    }

  if ((stmt = prepare (gen, "SELECT username FROM users ORDER BY id LIMIT 50", error)) == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (gen->assignees, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  /* Free text, as the schema allows, when the workspace has too few users. */
  for (guint i = gen->assignees->len; i < N_ASSIGNEES; i++)
    g_ptr_array_add (gen->assignees, g_strdup_printf ("contractor-%02u", i));

  runbooks = cw_runbooks_list (gen->store, NULL, error);
  if (runbooks == NULL)
    return FALSE;
  for (guint i = 0; i < runbooks->len; i++)
    {
      CwRunbookInfo *info = g_ptr_array_index (runbooks, i);
      guint minutes = 0;

      if (cw_schedule_get_window_needed (gen->store, info->name, 0, &minutes, NULL) && minutes > 0)
        {
          g_ptr_array_add (gen->runbooks, g_strdup (info->name));
          g_array_append_val (gen->runbook_minutes, minutes);
        }
    }
  gen->runbook_used = g_new0 (gboolean, MAX (gen->runbooks->len, 1));

  gen->data->n_sites = gen->sites->len;
  gen->data->n_cis = gen->cis->len;
  gen->data->n_relations = gen->relations->len;
  gen->data->n_assignees = gen->assignees->len;

  return TRUE;
}

/* ---- planned work ------------------------------------------------------------- */

/* The work's length, in seconds, and its runbook (or NULL). */
static gint64
choose_runbook (Gen         *gen,
                const char **runbook)
{
  guint minutes;

  *runbook = NULL;
  if (gen->runbooks->len == 0 || !gen_chance (gen, 35))
    return (gint64) (2 + gen_below (gen, 15)) * QUARTER_HOUR;

  {
    guint k = gen_below (gen, gen->runbooks->len);

    *runbook = g_ptr_array_index (gen->runbooks, k);
    gen->runbook_used[k] = TRUE;
    minutes = g_array_index (gen->runbook_minutes, guint, k);
  }
  gen->data->n_with_runbook++;

  /* Some booked for less than the runbook needs. */
  if (gen_chance (gen, 15))
    minutes = minutes * (60 + gen_below (gen, 21)) / 100;

  return MAX ((gint64) (minutes + 14) / 15 * QUARTER_HOUR, QUARTER_HOUR);
}

static void
add_ci (CwPlannedWork *work,
        gint64         ci)
{
  if (!gen_ids_contain (work->ci_ids, ci))
    cw_planned_work_add_ci (work, ci);
}

static gint64
random_start (Gen *gen)
{
  gint64 days = (gen->to - gen->from) / DAY;

  return gen->from + (gint64) gen_below (gen, (guint) days) * DAY + (gint64) gen_below (gen, 96) * QUARTER_HOUR;
}

/* At any time of the year, on any CIs. */
static void
place_anywhere (Gen           *gen,
                CwPlannedWork *work)
{
  add_ci (work, gen_pick_any_ci (gen));
  if (gen_chance (gen, 25))
    add_ci (work, gen_pick_any_ci (gen));
  work->start = random_start (gen);
  gen->data->n_anywhere++;
}

/* In an occurrence of a window covering its CIs; now and then running past
 * its end. FALSE when the window picked has no occurrence in the year. */
static gboolean
place_in_window (Gen           *gen,
                 CwPlannedWork *work,
                 gint64         length)
{
  Win *win = g_ptr_array_index (gen->windows, gen_below (gen, gen->windows->len));
  const CwOccurrence *occurrence;
  guint n_cis = gen_chance (gen, 65) ? 1 : gen_chance (gen, 70) ? 2 : 3;
  gint64 slack;

  if (win->occurrences->len == 0)
    return FALSE;
  occurrence = &g_array_index (win->occurrences, CwOccurrence, gen_below (gen, win->occurrences->len));
  if (occurrence->start < gen->from || occurrence->start >= gen->to)
    return FALSE;

  for (guint k = 0; k < n_cis; k++)
    add_ci (work, gen_pick_covered (gen, &win->cover));

  slack = occurrence->end - occurrence->start - length;
  if (gen_chance (gen, 12))
    {
      work->start = occurrence->end - length + (gint64) (1 + gen_below (gen, 6)) * QUARTER_HOUR;
      gen->data->n_overrunning++;
    }
  else
    work->start = occurrence->start + (slack > 0 ? (gint64) gen_below (gen, (guint) (slack / QUARTER_HOUR) + 1) * QUARTER_HOUR : 0);
  work->start = MAX (work->start, gen->from);
  gen->data->n_in_window++;

  return TRUE;
}

/* At about the time of an earlier work, on its CI or what that runs on or
 * is part of, or what runs on it; sometimes by the same person. */
static void
place_overlapping (Gen           *gen,
                   CwPlannedWork *work,
                   gint64         length)
{
  const Placed *other = &g_array_index (gen->placed, Placed, gen_below (gen, gen->placed->len));
  guint roll = gen_below (gen, 100);
  Relation *relation;
  gint64 ci = other->ci;

  if (roll < 40 && (relation = g_hash_table_lookup (gen->parent_of, &other->ci)) != NULL)
    ci = relation->parent;
  else if (roll < 60 && (relation = g_hash_table_lookup (gen->child_of, &other->ci)) != NULL)
    ci = relation->child;
  add_ci (work, ci);
  if (gen_chance (gen, 30))
    add_ci (work, gen_pick_any_ci (gen));

  work->start = other->start + ((gint64) gen_below (gen, 9) - 4) * QUARTER_HOUR;
  work->start = CLAMP (work->start, gen->from, gen->to - length);
  if (gen_chance (gen, 25) && other->assignee != NULL)
    {
      g_free (work->assignee);
      work->assignee = g_strdup (other->assignee);
    }
  gen->data->n_overlapping++;
}

/* Inside a blackout, on a CI it covers. */
static void
place_in_blackout (Gen           *gen,
                   CwPlannedWork *work,
                   gint64         length)
{
  Blk *blk = g_ptr_array_index (gen->blackouts, gen_below (gen, gen->blackouts->len));
  gint64 start = MAX (blk->blackout->start, gen->from);
  gint64 end = MIN (blk->blackout->end, gen->to);
  gint64 room = end - start - length;

  add_ci (work, gen_pick_covered (gen, &blk->cover));
  work->start = start + (room > 0 ? (gint64) gen_below (gen, (guint) (room / QUARTER_HOUR) + 1) * QUARTER_HOUR : 0);
  gen->data->n_in_blackout++;
}

static gboolean
add_works (Gen     *gen,
           guint    n_works,
           GError **error)
{
  guint per_month[12] = { 0 };

  for (guint i = 0; i < n_works; i++)
    {
      g_autoptr(CwPlannedWork) work = cw_planned_work_new ("", 0, 1);
      g_autoptr(GDateTime) when = NULL;
      const char *runbook = NULL;
      gint64 length = choose_runbook (gen, &runbook);
      guint roll = gen_below (gen, 100);
      const Ci *ci;
      Placed placed;

      work->runbook_name = g_strdup (runbook);
      if (gen_chance (gen, 92))
        work->assignee = g_strdup (g_ptr_array_index (gen->assignees, gen_below (gen, gen->assignees->len)));

      if (roll >= 62 || !place_in_window (gen, work, length))
        {
          if (roll >= 82 && roll < 95 && gen->placed->len > 0)
            place_overlapping (gen, work, length);
          else if (roll >= 95 && gen->blackouts->len > 0)
            place_in_blackout (gen, work, length);
          else
            place_anywhere (gen, work);
        }
      work->end = work->start + length;

      ci = g_hash_table_lookup (gen->ci_by_id, &g_array_index (work->ci_ids, gint64, 0));
      g_free (work->title);
      work->title = g_strdup_printf ("%s %s %s #%u", verbs[gen_below (gen, G_N_ELEMENTS (verbs))],
                                     ci->site < gen->sites->len
                                       ? g_array_index (gen->sites, Site, ci->site).code : "",
                                     (const char *) g_ptr_array_index (gen->classes, ci->klass), i + 1);
      if (!cw_schedule_add_work (gen->store, work, error))
        return FALSE;

      placed.start = work->start;
      placed.end = work->end;
      placed.ci = g_array_index (work->ci_ids, gint64, 0);
      placed.assignee = work->assignee != NULL ? g_intern_string (work->assignee) : NULL;
      g_array_append_val (gen->placed, placed);

      gen->data->n_works++;
      gen->data->n_work_cis += work->ci_ids->len;
      when = g_date_time_new_from_unix_utc (work->start);
      if (g_date_time_get_year (when) == gen->year)
        per_month[g_date_time_get_month (when) - 1]++;
    }

  for (guint k = 0; k < gen->runbooks->len; k++)
    gen->data->n_runbooks += gen->runbook_used[k];
  for (int m = 0; m < 12; m++)
    {
      if (gen->data->busiest_month == 0 || per_month[m] > gen->data->busiest_month_works)
        {
          gen->data->busiest_month = m + 1;
          gen->data->busiest_month_works = per_month[m];
        }
    }

  return TRUE;
}

/* ---- all of it ---------------------------------------------------------------- */

static void
site_clear (gpointer data)
{
  Site *site = data;

  g_free (site->code);
  g_free (site->tzid);
}

gboolean
cw_bench_calendar_generate (CwStore              *store,
                            int                   year,
                            guint                 n_windows,
                            guint                 n_works,
                            guint32               seed,
                            CwBenchCalendarData  *data,
                            GError              **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  Gen gen = { 0 };
  gboolean ok;

  g_return_val_if_fail (CW_IS_STORE (store), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);

  memset (data, 0, sizeof *data);
  gen.store = store;
  gen.db = cw_store_get_handle (store);
  gen.rand = rand;
  gen.year = year;
  gen.from = gen_local_instant (year, 1, 1, 0, "UTC", NULL);
  gen.to = gen_local_instant (year + 1, 1, 1, 0, "UTC", NULL);
  gen.data = data;
  gen.sites = g_array_new (FALSE, FALSE, sizeof (Site));
  g_array_set_clear_func (gen.sites, site_clear);
  gen.classes = g_ptr_array_new_with_free_func (g_free);
  gen.cis = g_array_new (FALSE, FALSE, sizeof (Ci));
  gen.ci_by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  gen.by_site = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  gen.by_class = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  gen.by_site_class = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  gen.relations = g_array_new (FALSE, FALSE, sizeof (Relation));
  gen.parent_of = g_hash_table_new (g_int64_hash, g_int64_equal);
  gen.child_of = g_hash_table_new (g_int64_hash, g_int64_equal);
  gen.assignees = g_ptr_array_new_with_free_func (g_free);
  gen.runbooks = g_ptr_array_new_with_free_func (g_free);
  gen.runbook_minutes = g_array_new (FALSE, FALSE, sizeof (guint));
  gen.windows = g_ptr_array_new_with_free_func (gen_win_free);
  gen.blackouts = g_ptr_array_new_with_free_func (gen_blk_free);
  gen.placed = g_array_new (FALSE, FALSE, sizeof (Placed));

  ok = cw_store_begin (store, error) &&
       /* Whatever calendar the workspace held goes: the figures are of this one. */
       exec_sql (&gen, "DELETE FROM planned_work_cis; DELETE FROM planned_work;"
                       "DELETE FROM window_exdates; DELETE FROM window_overrides;"
                       "DELETE FROM window_scope; DELETE FROM maintenance_windows;"
                       "DELETE FROM blackout_scope; DELETE FROM blackouts;", error) &&
       load_inventory (&gen, error) &&
       gen_add_windows (&gen, n_windows, error) &&
       gen_add_blackouts (&gen, error) &&
       add_works (&gen, n_works, error) &&
       cw_store_commit (store, error);
  if (!ok)
    cw_store_rollback (store);

  g_array_unref (gen.sites);
  g_ptr_array_unref (gen.classes);
  g_array_unref (gen.cis);
  g_hash_table_unref (gen.ci_by_id);
  g_ptr_array_unref (gen.by_site);
  g_ptr_array_unref (gen.by_class);
  g_ptr_array_unref (gen.by_site_class);
  g_array_unref (gen.relations);
  g_hash_table_unref (gen.parent_of);
  g_hash_table_unref (gen.child_of);
  g_ptr_array_unref (gen.assignees);
  g_ptr_array_unref (gen.runbooks);
  g_array_unref (gen.runbook_minutes);
  g_free (gen.runbook_used);
  g_ptr_array_unref (gen.windows);
  g_ptr_array_unref (gen.blackouts);
  g_array_unref (gen.placed);

  return ok;
}
