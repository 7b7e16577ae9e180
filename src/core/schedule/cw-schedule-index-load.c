/* cw-schedule-index-load.c: loading what conflicts and free slots work
 * from, in a handful of queries inside one read transaction: the planned
 * works of a range with their CIs, what those run on or are part of (level
 * by level, each level one query), and the windows and blackouts that can
 * reach them.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-schedule"

#include "config.h"

#include <glib/gi18n.h>

#include "cw-schedule-private.h"
#include "cw-store-private.h"

#define RANGE_WORKS \
  "SELECT id, title, starts_at, ends_at, assignee, runbook_name, runbook_version " \
  "FROM planned_work WHERE starts_at < ?2 AND ends_at > ?1 ORDER BY starts_at, id"
/* Joins from the works: SQLite runs them faster than IN lists. */
#define RANGE_CIS \
  "SELECT pc.work_id, pc.ci_id, c.site_id, c.class, c.name FROM planned_work w " \
  "JOIN planned_work_cis pc ON pc.work_id = w.id JOIN cis c ON c.id = pc.ci_id " \
  "WHERE w.starts_at < ?2 AND w.ends_at > ?1 ORDER BY pc.work_id, pc.ci_id"
#define RANGE_EDGES \
  "SELECT r.source_id, r.target_id, r.kind FROM planned_work w " \
  "JOIN planned_work_cis pc ON pc.work_id = w.id " \
  "JOIN ci_relations r ON r.source_id = pc.ci_id AND r.kind IN ('runs_on', 'part_of') " \
  "WHERE w.starts_at < ?2 AND w.ends_at > ?1"
/* Lists of ids as a JSON array in ?1. */
#define LISTED_CIS \
  "SELECT NULL, c.id, c.site_id, c.class, c.name FROM json_each (?1) j JOIN cis c ON c.id = j.value"
#define LISTED_EDGES \
  "SELECT r.source_id, r.target_id, r.kind FROM json_each (?1) j " \
  "JOIN ci_relations r ON r.source_id = j.value AND r.kind IN ('runs_on', 'part_of')"

typedef struct
{
  CwScheduleIndex *index;
  GHashTable      *works_by_id;   /* gint64* -> CwIndexWork, stored works of the range */
  GHashTable      *expanded;      /* gint64* CIs whose relations are loaded */
  GArray          *targets;       /* gint64 targets of the edges just read */
} Loader;

static gboolean
read_failed (CwScheduleIndex  *index,
             int               rc,
             GError          **error)
{
  return cw_store_set_sql_error (error, cw_store_get_handle (index->store), rc,
                                 _("Could not read the calendar"));
}

/* Runs @sql with ?1, ?2 bound to @a, @b (or ?1 to @text) and calls @row for
 * each row. */
static gboolean
run_query (Loader       *loader,
           const char   *sql,
           gint64        a,
           gint64        b,
           const char   *text,
           void        (*row) (Loader *, sqlite3_stmt *),
           GError      **error)
{
  sqlite3_stmt *stmt = _cw_schedule_prepare (loader->index->store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  if (text != NULL)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  else
    {
      sqlite3_bind_int64 (stmt, 1, a);
      sqlite3_bind_int64 (stmt, 2, b);
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    row (loader, stmt);
  sqlite3_finalize (stmt);

  return rc == SQLITE_DONE || read_failed (loader->index, rc, error);
}

static void
site_row (Loader       *loader,
          sqlite3_stmt *stmt)
{
  gint64 id = sqlite3_column_int64 (stmt, 0);

  g_hash_table_insert (loader->index->sites, g_memdup2 (&id, sizeof id),
                       (gpointer) g_intern_string ((const char *) sqlite3_column_text (stmt, 1)));
}

static void
work_row (Loader       *loader,
          sqlite3_stmt *stmt)
{
  CwPlannedWork source = { 0, };
  CwIndexWork *work;

  source.id = sqlite3_column_int64 (stmt, 0);
  source.title = (char *) sqlite3_column_text (stmt, 1);
  source.start = sqlite3_column_int64 (stmt, 2);
  source.end = sqlite3_column_int64 (stmt, 3);
  source.assignee = (char *) sqlite3_column_text (stmt, 4);
  source.runbook_name = (char *) sqlite3_column_text (stmt, 5);
  source.runbook_version = (guint) sqlite3_column_int64 (stmt, 6);

  work = _cw_index_work_new (loader->index, &source, source.id);
  g_ptr_array_add (loader->index->works, work);
  g_hash_table_insert (loader->works_by_id, &work->id, work);
}

/* (work id or NULL, CI id, site id, class, name) */
static void
ci_row (Loader       *loader,
        sqlite3_stmt *stmt)
{
  CwScheduleIndex *index = loader->index;
  gint64 id = sqlite3_column_int64 (stmt, 1);
  CwCiInfo *ci;

  if (sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    {
      gint64 work_id = sqlite3_column_int64 (stmt, 0);
      CwIndexWork *work = g_hash_table_lookup (loader->works_by_id, &work_id);

      if (work != NULL)
        g_array_append_val (work->ci_ids, id);
    }
  if (g_hash_table_contains (index->cis, &id))
    return;

  ci = g_new0 (CwCiInfo, 1);
  ci->id = id;
  if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
    {
      gint64 site_id = sqlite3_column_int64 (stmt, 2);

      ci->site = g_hash_table_lookup (index->sites, &site_id);
    }
  ci->klass = g_intern_string ((const char *) sqlite3_column_text (stmt, 3));
  ci->name = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  g_hash_table_insert (index->cis, &ci->id, ci);
}

/* (source, target, kind) */
static void
edge_row (Loader       *loader,
          sqlite3_stmt *stmt)
{
  CwScheduleIndex *index = loader->index;
  gint64 source = sqlite3_column_int64 (stmt, 0);
  gint64 target = sqlite3_column_int64 (stmt, 1);
  char *key = g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, source, target);
  GArray *parents;

  if (g_hash_table_contains (index->edges, key))
    {
      g_free (key);
      return;
    }
  g_hash_table_insert (index->edges, key,
                       (gpointer) g_intern_string ((const char *) sqlite3_column_text (stmt, 2)));
  parents = g_hash_table_lookup (index->parents, &source);
  if (parents == NULL)
    {
      parents = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_hash_table_insert (index->parents, g_memdup2 (&source, sizeof source), parents);
    }
  g_array_append_val (parents, target);
  g_array_append_val (loader->targets, target);
}

static char *
json_ids (GArray *ids)
{
  GString *text = g_string_new ("[");

  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (text, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", g_array_index (ids, gint64, i));
  g_string_append_c (text, ']');

  return g_string_free (text, FALSE);
}

/* Loads the relations of the CIs in @frontier not expanded yet, then of
 * their targets, level by level. */
static gboolean
load_ancestors (Loader  *loader,
                GArray  *frontier,
                GError **error)
{
  g_autoptr(GArray) level = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_array_append_vals (level, frontier->data, frontier->len);
  while (level->len > 0)
    {
      g_autoptr(GArray) next = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autofree char *json = NULL;
      guint kept = 0;

      for (guint i = 0; i < level->len; i++)
        {
          gint64 *id = &g_array_index (level, gint64, i);

          if (g_hash_table_contains (loader->expanded, id))
            continue;
          g_hash_table_add (loader->expanded, g_memdup2 (id, sizeof *id));
          g_array_index (level, gint64, kept++) = *id;
        }
      g_array_set_size (level, kept);
      if (level->len == 0)
        break;

      json = json_ids (level);
      g_array_set_size (loader->targets, 0);
      if (!run_query (loader, LISTED_EDGES, 0, 0, json, edge_row, error))
        return FALSE;
      g_array_append_vals (next, loader->targets->data, loader->targets->len);
      g_array_set_size (level, 0);
      g_array_append_vals (level, next->data, next->len);
    }

  return TRUE;
}

static gboolean
load_works_and_cis (Loader               *loader,
                    gint64                from,
                    gint64                to,
                    const CwPlannedWork  *extra,
                    gint64                ignore_work_id,
                    const gint64         *extra_ci_ids,
                    guint                 n_extra_ci_ids,
                    GError              **error)
{
  CwScheduleIndex *index = loader->index;
  g_autoptr(GArray) loose = g_array_new (FALSE, FALSE, sizeof (gint64));
  GHashTableIter iter;
  gpointer key;

  if (!run_query (loader, "SELECT id, code FROM sites", 0, 0, NULL, site_row, error)
      || !run_query (loader, RANGE_WORKS, from, to, NULL, work_row, error)
      || !run_query (loader, RANGE_CIS, from, to, NULL, ci_row, error))
    return FALSE;

  /* The stored CIs' first level of relations in bulk. */
  g_hash_table_iter_init (&iter, index->cis);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (loader->expanded, g_memdup2 (key, sizeof (gint64)));
  g_array_set_size (loader->targets, 0);
  if (!run_query (loader, RANGE_EDGES, from, to, NULL, edge_row, error))
    return FALSE;
  g_array_append_vals (loose, loader->targets->data, loader->targets->len);

  /* The work being checked replaces the stored one; one being moved goes. */
  for (guint i = index->works->len; i > 0; i--)
    {
      CwIndexWork *work = g_ptr_array_index (index->works, i - 1);

      if (work->id == ignore_work_id || (extra != NULL && extra->id != 0 && work->id == extra->id))
        g_ptr_array_remove_index (index->works, i - 1);
    }
  if (extra != NULL)
    {
      g_ptr_array_add (index->works, _cw_index_work_new (index, extra, extra->id != 0 ? extra->id : -1));
      g_ptr_array_sort (index->works, _cw_index_work_compare);
    }

  /* CIs outside the stored works of the range. */
  {
    g_autoptr(GArray) missing = g_array_new (FALSE, FALSE, sizeof (gint64));
    g_autofree char *json = NULL;

    for (guint i = 0; extra != NULL && extra->ci_ids != NULL && i < extra->ci_ids->len; i++)
      g_array_append_val (missing, g_array_index (extra->ci_ids, gint64, i));
    g_array_append_vals (missing, extra_ci_ids, n_extra_ci_ids);
    g_array_append_vals (loose, missing->data, missing->len);
    json = json_ids (missing);
    if (missing->len > 0 && !run_query (loader, LISTED_CIS, 0, 0, json, ci_row, error))
      return FALSE;
  }

  return load_ancestors (loader, loose, error);
}

static void
add_windows (CwScheduleIndex *index,
             GPtrArray       *windows)
{
  guint n = windows->len;
  g_autofree CwMaintWindow **list = (CwMaintWindow **) g_ptr_array_steal (windows, NULL);

  for (guint i = 0; i < n; i++)
    {
      CwIndexWindow *window = g_new0 (CwIndexWindow, 1);

      window->window = list[i];
      window->id = window->window->id;
      window->name = window->window->name;
      window->max_concurrent = window->window->max_concurrent;
      _cw_scope_rule_init (&window->scope, window->window->scope);
      _cw_scope_index_add (&index->window_index, &window->scope, index->windows->len);
      g_ptr_array_add (index->windows, window);
    }
}

static void
add_blackouts (CwScheduleIndex *index,
               GPtrArray       *blackouts)
{
  for (guint i = 0; i < blackouts->len; i++)
    {
      const CwBlackout *source = g_ptr_array_index (blackouts, i);
      CwIndexBlackout *blackout = g_new0 (CwIndexBlackout, 1);

      blackout->id = source->id;
      blackout->name = g_strdup (source->name);
      blackout->mode = source->mode;
      blackout->start = source->start;
      blackout->end = source->end;
      _cw_scope_rule_init (&blackout->scope, source->scope);
      _cw_scope_index_add (&index->blackout_index, &blackout->scope, index->blackouts->len);
      g_ptr_array_add (index->blackouts, blackout);
    }
}

CwScheduleIndex *
_cw_schedule_index_load (CwStore              *store,
                         gint64                from,
                         gint64                to,
                         const CwPlannedWork  *extra,
                         gint64                ignore_work_id,
                         const gint64         *extra_ci_ids,
                         guint                 n_extra_ci_ids,
                         GError              **error)
{
  g_autoptr(GPtrArray) windows = NULL;
  g_autoptr(GPtrArray) blackouts = NULL;
  g_autoptr(GHashTable) works_by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) expanded = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GArray) targets = g_array_new (FALSE, FALSE, sizeof (gint64));
  CwScheduleIndex *index = _cw_schedule_index_new (store);
  Loader loader = { index, works_by_id, expanded, targets };
  gint64 lo = from, hi = to;
  gboolean ok;

  /* One read transaction for every query: no lock and cache check each. */
  if (!cw_store_exec (store, "SAVEPOINT cw_schedule_read", error))
    {
      _cw_schedule_index_free (index);
      return NULL;
    }

  ok = load_works_and_cis (&loader, from, to, extra, ignore_work_id, extra_ci_ids, n_extra_ci_ids, error);

  for (guint i = 0; ok && i < index->works->len; i++)
    {
      const CwIndexWork *work = g_ptr_array_index (index->works, i);

      lo = MIN (lo, work->start);
      hi = MAX (hi, work->end);
      index->max_work_length = MAX (index->max_work_length, work->end - work->start);
    }
  index->from = lo;
  index->to = hi;

  if (ok)
    windows = _cw_schedule_load_windows (store, "first_start < ?2 AND (last_end IS NULL OR last_end > ?1)",
                                         lo, hi, error);
  if (windows != NULL)
    blackouts = _cw_schedule_load_blackouts (store, "starts_at < ?2 AND ends_at > ?1", lo, hi, error);
  cw_store_exec (store, "RELEASE cw_schedule_read", NULL);
  if (blackouts == NULL)
    {
      _cw_schedule_index_free (index);
      return NULL;
    }

  add_windows (index, windows);
  add_blackouts (index, blackouts);
  index->n_stamps = MAX (index->windows->len, index->blackouts->len) + 1;
  index->stamps = g_new0 (guint, index->n_stamps);

  return index;
}
