/* cw-schedule-items.c: blackouts and planned work in a workspace.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-schedule"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cw-runbook-store.h"
#include "cw-schedule-private.h"
#include "cw-store-private.h"

static gboolean
is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text++)
    {
      if (!g_ascii_isspace (*text))
        return FALSE;
    }

  return TRUE;
}

static gboolean
set_invalid (GError     **error,
             const char  *message)
{
  g_set_error_literal (error, CW_SCHEDULE_ERROR, CW_SCHEDULE_ERROR_INVALID_INPUT, message);
  return FALSE;
}

/* Blackouts ---------------------------------------------------------------------- */

GPtrArray *
_cw_schedule_load_blackouts (CwStore     *store,
                             const char  *where,
                             gint64       a,
                             gint64       b,
                             GError     **error)
{
  g_autoptr(GPtrArray) blackouts = g_ptr_array_new_with_free_func ((GDestroyNotify) cw_blackout_free);
  g_autoptr(GHashTable) scopes = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  sql = g_strdup_printf ("SELECT id, uid, name, reason, mode, starts_at, ends_at, tzid, all_day, scope_all "
                         "FROM blackouts WHERE %s ORDER BY starts_at, id", where);
  stmt = _cw_schedule_prepare_where (store, sql, a, b, error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CwBlackoutMode mode = CW_BLACKOUT_BLOCK;
      CwBlackout *blackout;

      cw_blackout_mode_from_string ((const char *) sqlite3_column_text (stmt, 4), &mode);
      blackout = cw_blackout_new ((const char *) sqlite3_column_text (stmt, 2), mode,
                                  sqlite3_column_int64 (stmt, 5), sqlite3_column_int64 (stmt, 6));
      blackout->id = sqlite3_column_int64 (stmt, 0);
      blackout->uid = _cw_schedule_column_dup (stmt, 1);
      blackout->reason = _cw_schedule_column_dup (stmt, 3);
      blackout->tzid = _cw_schedule_column_dup (stmt, 7);
      blackout->all_day = sqlite3_column_int (stmt, 8) != 0;
      blackout->scope->everything = sqlite3_column_int (stmt, 9) != 0;
      g_ptr_array_add (blackouts, blackout);
      g_hash_table_insert (scopes, &blackout->id, blackout->scope);
    }
  sqlite3_finalize (stmt);
  if (!_cw_schedule_read_done (store, rc, error))
    return NULL;

  if (blackouts->len > 0
      && !_cw_scope_load_all (store, "blackout_scope", "blackout_id", "blackouts",
                              where, a, b, scopes, error))
    return NULL;

  return g_steal_pointer (&blackouts);
}

static gboolean
check_blackout (const CwBlackout  *blackout,
                GError           **error)
{
  if (is_blank (blackout->name))
    return set_invalid (error, _("A blackout needs a name"));
  if (blackout->end <= blackout->start)
    {
      g_set_error (error, CW_SCHEDULE_ERROR, CW_SCHEDULE_ERROR_INVALID_INPUT,
                   _("The blackout “%s” ends before it starts"), blackout->name);
      return FALSE;
    }
  if (blackout->scope == NULL || cw_scope_is_empty (blackout->scope))
    {
      g_set_error (error, CW_SCHEDULE_ERROR, CW_SCHEDULE_ERROR_INVALID_INPUT,
                   _("The blackout “%s” covers nothing; give it sites, CI classes or CIs"),
                   blackout->name);
      return FALSE;
    }
  if (blackout->tzid != NULL && !cw_schedule_time_zone_is_valid (blackout->tzid))
    {
      g_set_error (error, CW_SCHEDULE_ERROR, CW_SCHEDULE_ERROR_BAD_TIME_ZONE,
                   _("“%s” is not a known time zone; use an IANA name like Europe/Berlin"),
                   blackout->tzid);
      return FALSE;
    }

  return TRUE;
}

static void
bind_blackout (sqlite3_stmt  *stmt,
               gconstpointer  data)
{
  const CwBlackout *blackout = data;

  sqlite3_bind_text (stmt, 3, blackout->name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, blackout->reason, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, cw_blackout_mode_to_string (blackout->mode), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 6, blackout->start);
  sqlite3_bind_int64 (stmt, 7, blackout->end);
  sqlite3_bind_text (stmt, 8, blackout->tzid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 9, blackout->all_day ? 1 : 0);
  sqlite3_bind_int (stmt, 10, blackout->scope->everything ? 1 : 0);
}

static gboolean
write_blackout_scope (CwStore        *store,
                      gconstpointer   data,
                      GError        **error)
{
  const CwBlackout *blackout = data;

  return _cw_scope_write (store, "blackout_scope", "blackout_id", blackout->id, blackout->scope, error);
}

static gboolean
save_blackout (CwStore     *store,
               CwBlackout  *blackout,
               gboolean     update,
               GError     **error)
{
  const CwScheduleSave save = {
    .item = CW_SCHEDULE_ITEM_BLACKOUT,
    .insert_sql = "INSERT INTO blackouts (uid, name, reason, mode, starts_at, ends_at, tzid, all_day, scope_all) "
                  "VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    .update_sql = "UPDATE blackouts SET uid = ?2, name = ?3, reason = ?4, mode = ?5, starts_at = ?6, "
                  "ends_at = ?7, tzid = ?8, all_day = ?9, scope_all = ?10 WHERE id = ?1",
    .save_error = _("Could not save the blackout"),
    .bind = bind_blackout,
    .write_children = write_blackout_scope,
  };

  g_return_val_if_fail (CW_IS_STORE (store), FALSE);
  g_return_val_if_fail (blackout != NULL, FALSE);

  if (!check_blackout (blackout, error))
    return FALSE;

  return _cw_schedule_save_item (store, &save, blackout, &blackout->id, &blackout->uid, update, error);
}

gboolean
cw_schedule_add_blackout (CwStore     *store,
                          CwBlackout  *blackout,
                          GError     **error)
{
  return save_blackout (store, blackout, FALSE, error);
}

gboolean
cw_schedule_update_blackout (CwStore     *store,
                             CwBlackout  *blackout,
                             GError     **error)
{
  return save_blackout (store, blackout, TRUE, error);
}

gboolean
cw_schedule_delete_blackout (CwStore  *store,
                             gint64    id,
                             GError  **error)
{
  return _cw_schedule_delete_row (store, CW_SCHEDULE_ITEM_BLACKOUT, id, error);
}

CwBlackout *
cw_schedule_get_blackout (CwStore  *store,
                          gint64    id,
                          GError  **error)
{
  return _cw_schedule_get_item (store, CW_SCHEDULE_ITEM_BLACKOUT, _cw_schedule_load_blackouts, id, error);
}

CwBlackout *
cw_schedule_find_blackout (CwStore     *store,
                           const char  *uid,
                           GError     **error)
{
  return _cw_schedule_find_item (store, CW_SCHEDULE_ITEM_BLACKOUT, _cw_schedule_load_blackouts, uid, error);
}

GPtrArray *
cw_schedule_list_blackouts (CwStore  *store,
                            gint64    from,
                            gint64    to,
                            GError  **error)
{
  g_return_val_if_fail (CW_IS_STORE (store), NULL);

  return _cw_schedule_load_blackouts (store, "starts_at < ?2 AND ends_at > ?1", from, to, error);
}

/* Planned work --------------------------------------------------------------------- */

GPtrArray *
_cw_schedule_load_works (CwStore     *store,
                         const char  *where,
                         gint64       a,
                         gint64       b,
                         GError     **error)
{
  g_autoptr(GPtrArray) works = g_ptr_array_new_with_free_func ((GDestroyNotify) cw_planned_work_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  sql = g_strdup_printf ("SELECT id, uid, title, description, runbook_name, runbook_version, "
                         "starts_at, ends_at, assignee FROM planned_work WHERE %s "
                         "ORDER BY starts_at, id", where);
  stmt = _cw_schedule_prepare_where (store, sql, a, b, error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CwPlannedWork *work = cw_planned_work_new ((const char *) sqlite3_column_text (stmt, 2),
                                                 sqlite3_column_int64 (stmt, 6),
                                                 sqlite3_column_int64 (stmt, 7));

      work->id = sqlite3_column_int64 (stmt, 0);
      work->uid = _cw_schedule_column_dup (stmt, 1);
      work->description = _cw_schedule_column_dup (stmt, 3);
      work->runbook_name = _cw_schedule_column_dup (stmt, 4);
      work->runbook_version = (guint) sqlite3_column_int64 (stmt, 5);
      work->assignee = _cw_schedule_column_dup (stmt, 8);
      g_ptr_array_add (works, work);
      g_hash_table_insert (by_id, &work->id, work);
    }
  sqlite3_finalize (stmt);
  if (!_cw_schedule_read_done (store, rc, error))
    return NULL;
  if (works->len == 0)
    return g_steal_pointer (&works);

  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT work_id, ci_id FROM planned_work_cis WHERE work_id IN "
                         "(SELECT id FROM planned_work WHERE %s) ORDER BY work_id, ci_id", where);
  stmt = _cw_schedule_prepare_where (store, sql, a, b, error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gint64 ci_id = sqlite3_column_int64 (stmt, 1);
      CwPlannedWork *work = g_hash_table_lookup (by_id, &id);

      if (work != NULL)
        g_array_append_val (work->ci_ids, ci_id);
    }
  sqlite3_finalize (stmt);
  if (!_cw_schedule_read_done (store, rc, error))
    return NULL;

  return g_steal_pointer (&works);
}

gboolean
cw_schedule_get_window_needed (CwStore     *store,
                               const char  *runbook_name,
                               guint        version,
                               guint       *minutes,
                               GError     **error)
{
  g_autoptr(CwRunbook) runbook = NULL;
  g_autoptr(CwRunbookTiming) timing = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (CW_IS_STORE (store), FALSE);
  g_return_val_if_fail (runbook_name != NULL, FALSE);

  runbook = cw_runbooks_load (store, runbook_name, version, &local_error);
  if (runbook != NULL)
    timing = cw_runbook_timing (runbook, &local_error);
  if (timing == NULL)
    {
      if (g_error_matches (local_error, CW_STORE_ERROR, CW_STORE_ERROR_SQL))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (version > 0)
        g_set_error (error, CW_SCHEDULE_ERROR, CW_SCHEDULE_ERROR_UNKNOWN_RUNBOOK,
                     _("The runbook “%s” version %u cannot be used: %s"),
                     runbook_name, version, local_error->message);
      else
        g_set_error (error, CW_SCHEDULE_ERROR, CW_SCHEDULE_ERROR_UNKNOWN_RUNBOOK,
                     _("The runbook “%s” cannot be used: %s"),
                     runbook_name, local_error->message);
      return FALSE;
    }

  if (minutes != NULL)
    *minutes = timing->window_min;

  return TRUE;
}

static gboolean
check_work (CwStore              *store,
            const CwPlannedWork  *work,
            GError              **error)
{
  if (is_blank (work->title))
    return set_invalid (error, _("Planned work needs a title"));
  if (work->end <= work->start)
    {
      g_set_error (error, CW_SCHEDULE_ERROR, CW_SCHEDULE_ERROR_INVALID_INPUT,
                   _("The planned work “%s” ends before it starts"), work->title);
      return FALSE;
    }
  if (work->ci_ids == NULL || work->ci_ids->len == 0)
    {
      g_set_error (error, CW_SCHEDULE_ERROR, CW_SCHEDULE_ERROR_INVALID_INPUT,
                   _("The planned work “%s” has no CIs"), work->title);
      return FALSE;
    }
  for (guint i = 0; i < work->ci_ids->len; i++)
    {
      if (!_cw_schedule_check_ci (store, g_array_index (work->ci_ids, gint64, i), error))
        return FALSE;
    }
  if (!is_blank (work->runbook_name)
      && !cw_schedule_get_window_needed (store, work->runbook_name, work->runbook_version, NULL, error))
    return FALSE;

  return TRUE;
}

static gboolean
write_work_cis (CwStore        *store,
                gconstpointer   data,
                GError        **error)
{
  const CwPlannedWork *work = data;
  sqlite3_stmt *stmt;
  gboolean ok;

  stmt = _cw_schedule_prepare (store, "DELETE FROM planned_work_cis WHERE work_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, work->id);
  ok = _cw_schedule_step (store, stmt, _("Could not save the planned work"), error);
  sqlite3_finalize (stmt);
  if (!ok)
    return FALSE;

  stmt = _cw_schedule_prepare (store, "INSERT OR IGNORE INTO planned_work_cis (work_id, ci_id) "
                                      "VALUES (?1, ?2)", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; ok && i < work->ci_ids->len; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, work->id);
      sqlite3_bind_int64 (stmt, 2, g_array_index (work->ci_ids, gint64, i));
      ok = _cw_schedule_step (store, stmt, _("Could not save the planned work"), error);
    }
  sqlite3_finalize (stmt);

  return ok;
}

static void
bind_work (sqlite3_stmt  *stmt,
           gconstpointer  data)
{
  const CwPlannedWork *work = data;
  gboolean has_runbook = !is_blank (work->runbook_name);

  sqlite3_bind_text (stmt, 3, work->title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, work->description, -1, SQLITE_TRANSIENT);
  if (has_runbook)
    sqlite3_bind_text (stmt, 5, work->runbook_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 6, has_runbook ? work->runbook_version : 0);
  sqlite3_bind_int64 (stmt, 7, work->start);
  sqlite3_bind_int64 (stmt, 8, work->end);
  if (!is_blank (work->assignee))
    sqlite3_bind_text (stmt, 9, work->assignee, -1, SQLITE_TRANSIENT);
}

static gboolean
save_work (CwStore        *store,
           CwPlannedWork  *work,
           gboolean        update,
           GError        **error)
{
  const CwScheduleSave save = {
    .item = CW_SCHEDULE_ITEM_WORK,
    .insert_sql = "INSERT INTO planned_work (uid, title, description, runbook_name, runbook_version, "
                  "starts_at, ends_at, assignee) VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    .update_sql = "UPDATE planned_work SET uid = ?2, title = ?3, description = ?4, runbook_name = ?5, "
                  "runbook_version = ?6, starts_at = ?7, ends_at = ?8, assignee = ?9 WHERE id = ?1",
    .save_error = _("Could not save the planned work"),
    .bind = bind_work,
    .write_children = write_work_cis,
  };

  g_return_val_if_fail (CW_IS_STORE (store), FALSE);
  g_return_val_if_fail (work != NULL, FALSE);

  if (!check_work (store, work, error))
    return FALSE;

  return _cw_schedule_save_item (store, &save, work, &work->id, &work->uid, update, error);
}

gboolean
cw_schedule_add_work (CwStore        *store,
                      CwPlannedWork  *work,
                      GError        **error)
{
  return save_work (store, work, FALSE, error);
}

gboolean
cw_schedule_update_work (CwStore        *store,
                         CwPlannedWork  *work,
                         GError        **error)
{
  return save_work (store, work, TRUE, error);
}

gboolean
cw_schedule_delete_work (CwStore  *store,
                         gint64    id,
                         GError  **error)
{
  return _cw_schedule_delete_row (store, CW_SCHEDULE_ITEM_WORK, id, error);
}

CwPlannedWork *
cw_schedule_get_work (CwStore  *store,
                      gint64    id,
                      GError  **error)
{
  return _cw_schedule_get_item (store, CW_SCHEDULE_ITEM_WORK, _cw_schedule_load_works, id, error);
}

CwPlannedWork *
cw_schedule_find_work (CwStore     *store,
                       const char  *uid,
                       GError     **error)
{
  return _cw_schedule_find_item (store, CW_SCHEDULE_ITEM_WORK, _cw_schedule_load_works, uid, error);
}

GPtrArray *
cw_schedule_list_work (CwStore  *store,
                       gint64    from,
                       gint64    to,
                       GError  **error)
{
  g_return_val_if_fail (CW_IS_STORE (store), NULL);

  return _cw_schedule_load_works (store, "starts_at < ?2 AND ends_at > ?1", from, to, error);
}
