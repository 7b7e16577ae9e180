/* cw-schedule-store.c: what storing windows, blackouts and planned work
 * shares: scope rows, uids, not-found errors, loading by id or uid, the
 * savepoint around a save, deletion.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-schedule"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cw-ci-field.h"
#include "cw-schedule-private.h"
#include "cw-store-private.h"

gboolean
_cw_schedule_step (CwStore       *store,
                   sqlite3_stmt  *stmt,
                   const char    *what,
                   GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return cw_store_set_sql_error (error, cw_store_get_handle (store), rc, what);

  return TRUE;
}

void
_cw_strv_append (GStrv      *strv,
                 const char *value)
{
  guint n = *strv != NULL ? g_strv_length (*strv) : 0;

  *strv = g_renew (char *, *strv, n + 2);
  (*strv)[n] = g_strdup (value);
  (*strv)[n + 1] = NULL;
}

gboolean
_cw_schedule_set_not_found (GError         **error,
                            CwScheduleItem   item,
                            gint64           id)
{
  switch (item)
    {
    case CW_SCHEDULE_ITEM_WINDOW:
      g_set_error (error, CW_SCHEDULE_ERROR, CW_SCHEDULE_ERROR_NOT_FOUND,
                   _("There is no maintenance window with the id %lld"), (long long) id);
      break;
    case CW_SCHEDULE_ITEM_BLACKOUT:
      g_set_error (error, CW_SCHEDULE_ERROR, CW_SCHEDULE_ERROR_NOT_FOUND,
                   _("There is no blackout with the id %lld"), (long long) id);
      break;
    case CW_SCHEDULE_ITEM_WORK:
      g_set_error (error, CW_SCHEDULE_ERROR, CW_SCHEDULE_ERROR_NOT_FOUND,
                   _("There is no planned work with the id %lld"), (long long) id);
      break;
    default:
      g_assert_not_reached ();
    }

  return FALSE;
}

static const char *
item_table (CwScheduleItem item)
{
  switch (item)
    {
    case CW_SCHEDULE_ITEM_WINDOW:
      return "maintenance_windows";
    case CW_SCHEDULE_ITEM_BLACKOUT:
      return "blackouts";
    case CW_SCHEDULE_ITEM_WORK:
      return "planned_work";
    default:
      g_assert_not_reached ();
    }
}

gint64
_cw_schedule_find_uid (CwStore         *store,
                       CwScheduleItem   item,
                       const char      *uid,
                       GError         **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s WHERE uid = ?1", item_table (item));
  sqlite3_stmt *stmt = _cw_schedule_prepare (store, sql, error);
  gint64 id = 0;
  int rc;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      cw_store_set_sql_error (error, cw_store_get_handle (store), rc, _("Could not read the calendar"));
      return -1;
    }

  return id;
}

char *
_cw_schedule_choose_uid (CwStore         *store,
                         CwScheduleItem   item,
                         const char      *uid,
                         gint64           id,
                         GError         **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  char *stored = NULL;
  int rc;

  if (uid != NULL)
    return g_strdup (uid);
  if (id == 0)
    return _cw_schedule_make_uid ();

  sql = g_strdup_printf ("SELECT uid FROM %s WHERE id = ?1", item_table (item));
  stmt = _cw_schedule_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    stored = _cw_schedule_column_dup (stmt, 0);
  sqlite3_finalize (stmt);
  if (rc == SQLITE_DONE)
    _cw_schedule_set_not_found (error, item, id);
  else if (rc != SQLITE_ROW)
    cw_store_set_sql_error (error, cw_store_get_handle (store), rc, _("Could not read the calendar"));

  return stored;
}

gboolean
_cw_schedule_check_uid_free (CwStore         *store,
                             CwScheduleItem   item,
                             const char      *uid,
                             gint64           own_id,
                             GError         **error)
{
  gint64 id = _cw_schedule_find_uid (store, item, uid, error);

  if (id < 0)
    return FALSE;
  if (id != 0 && id != own_id)
    {
      g_set_error (error, CW_SCHEDULE_ERROR, CW_SCHEDULE_ERROR_EXISTS,
                   _("Another item of the calendar already has the uid “%s”"), uid);
      return FALSE;
    }

  return TRUE;
}

gboolean
_cw_schedule_delete_row (CwStore         *store,
                         CwScheduleItem   item,
                         gint64           id,
                         GError         **error)
{
  g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?1", item_table (item));
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (CW_IS_STORE (store), FALSE);

  stmt = _cw_schedule_prepare (store, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  ok = _cw_schedule_step (store, stmt, _("Could not delete from the calendar"), error);
  sqlite3_finalize (stmt);
  if (ok && sqlite3_changes (cw_store_get_handle (store)) == 0)
    return _cw_schedule_set_not_found (error, item, id);

  return ok;
}

sqlite3_stmt *
_cw_schedule_prepare_where (CwStore     *store,
                            const char  *sql,
                            gint64       a,
                            gint64       b,
                            GError     **error)
{
  sqlite3_stmt *stmt = _cw_schedule_prepare (store, sql, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, a);
  sqlite3_bind_int64 (stmt, 2, b);

  return stmt;
}

gboolean
_cw_schedule_read_done (CwStore  *store,
                        int       rc,
                        GError  **error)
{
  if (rc != SQLITE_DONE)
    return cw_store_set_sql_error (error, cw_store_get_handle (store), rc, _("Could not read the calendar"));

  return TRUE;
}

/* Items by id and uid ------------------------------------------------------------ */

gpointer
_cw_schedule_get_item (CwStore             *store,
                       CwScheduleItem       item,
                       CwScheduleLoadFunc   load,
                       gint64               id,
                       GError             **error)
{
  g_autoptr(GPtrArray) items = NULL;

  g_return_val_if_fail (CW_IS_STORE (store), NULL);

  items = load (store, "id = ?1", id, 0, error);
  if (items == NULL)
    return NULL;
  if (items->len == 0)
    {
      _cw_schedule_set_not_found (error, item, id);
      return NULL;
    }

  return g_ptr_array_steal_index (items, 0);
}

gpointer
_cw_schedule_find_item (CwStore             *store,
                        CwScheduleItem       item,
                        CwScheduleLoadFunc   load,
                        const char          *uid,
                        GError             **error)
{
  gint64 id;

  g_return_val_if_fail (CW_IS_STORE (store), NULL);
  g_return_val_if_fail (uid != NULL, NULL);

  id = _cw_schedule_find_uid (store, item, uid, error);
  if (id <= 0)
    return NULL;

  return _cw_schedule_get_item (store, item, load, id, error);
}

gboolean
_cw_schedule_save_item (CwStore               *store,
                        const CwScheduleSave  *save,
                        gconstpointer          data,
                        gint64                *id,
                        char                 **uid,
                        gboolean               update,
                        GError               **error)
{
  g_autofree char *new_uid = NULL;
  sqlite3 *db = cw_store_get_handle (store);
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  new_uid = _cw_schedule_choose_uid (store, save->item, *uid, update ? *id : 0, error);
  if (new_uid == NULL)
    return FALSE;

  if (!_cw_schedule_savepoint (store, error))
    return FALSE;

  ok = _cw_schedule_check_uid_free (store, save->item, new_uid, update ? *id : 0, error);
  if (ok)
    stmt = _cw_schedule_prepare (store, update ? save->update_sql : save->insert_sql, error);
  ok = stmt != NULL;
  if (ok)
    {
      if (update)
        sqlite3_bind_int64 (stmt, 1, *id);
      sqlite3_bind_text (stmt, 2, new_uid, -1, SQLITE_TRANSIENT);
      save->bind (stmt, data);
      ok = _cw_schedule_step (store, stmt, save->save_error, error);
      sqlite3_finalize (stmt);
      if (ok && update && sqlite3_changes (db) == 0)
        ok = _cw_schedule_set_not_found (error, save->item, *id);
    }

  if (ok && !update)
    *id = sqlite3_last_insert_rowid (db);
  if (ok)
    ok = save->write_children (store, data, error);
  if (ok)
    ok = _cw_schedule_release (store, error);
  if (!ok)
    {
      _cw_schedule_rollback_to (store);
      if (!update)
        *id = 0;
      return FALSE;
    }

  if (*uid == NULL)
    *uid = g_steal_pointer (&new_uid);

  return TRUE;
}

/* Scopes ------------------------------------------------------------------------ */

gboolean
_cw_scope_load_all (CwStore     *store,
                    const char  *scope_table,
                    const char  *owner_column,
                    const char  *main_table,
                    const char  *where,
                    gint64       a,
                    gint64       b,
                    GHashTable  *scopes,
                    GError     **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  sql = g_strdup_printf ("SELECT sc.%s, s.code, sc.ci_class, sc.ci_id FROM %s sc "
                         "LEFT JOIN sites s ON s.id = sc.site_id "
                         "WHERE sc.%s IN (SELECT id FROM %s WHERE %s) ORDER BY sc.rowid",
                         owner_column, scope_table, owner_column, main_table, where);
  stmt = _cw_schedule_prepare_where (store, sql, a, b, error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 owner = sqlite3_column_int64 (stmt, 0);
      CwScope *scope = g_hash_table_lookup (scopes, &owner);

      if (scope == NULL)
        continue;
      if (sqlite3_column_type (stmt, 1) != SQLITE_NULL)
        _cw_strv_append (&scope->sites, (const char *) sqlite3_column_text (stmt, 1));
      else if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
        _cw_strv_append (&scope->classes, (const char *) sqlite3_column_text (stmt, 2));
      else if (sqlite3_column_type (stmt, 3) != SQLITE_NULL)
        {
          gint64 ci_id = sqlite3_column_int64 (stmt, 3);

          g_array_append_val (scope->ci_ids, ci_id);
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return cw_store_set_sql_error (error, cw_store_get_handle (store), rc, _("Could not read the calendar"));

  return TRUE;
}

static gboolean
find_site (CwStore     *store,
           const char  *site,
           gint64      *site_id,
           GError     **error)
{
  static const char * const queries[] = {
    "SELECT id FROM sites WHERE code = ?1 COLLATE NOCASE ORDER BY id LIMIT 1",
    "SELECT id FROM sites WHERE name = ?1 COLLATE NOCASE ORDER BY id LIMIT 1",
  };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      sqlite3_stmt *stmt = _cw_schedule_prepare (store, queries[i], error);
      int rc;

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, site, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        *site_id = sqlite3_column_int64 (stmt, 0);
      sqlite3_finalize (stmt);
      if (rc == SQLITE_ROW)
        return TRUE;
    }

  g_set_error (error, CW_SCHEDULE_ERROR, CW_SCHEDULE_ERROR_UNKNOWN_SITE,
               _("There is no site with the code or name “%s”"), site);
  return FALSE;
}

gboolean
_cw_schedule_check_ci (CwStore  *store,
                       gint64    ci_id,
                       GError  **error)
{
  sqlite3_stmt *stmt = _cw_schedule_prepare (store, "SELECT 1 FROM cis WHERE id = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ci_id);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW)
    {
      g_set_error (error, CW_SCHEDULE_ERROR, CW_SCHEDULE_ERROR_UNKNOWN_CI,
                   _("There is no CI with the id %lld"), (long long) ci_id);
      return FALSE;
    }

  return TRUE;
}

gboolean
_cw_scope_write (CwStore       *store,
                 const char    *scope_table,
                 const char    *owner_column,
                 gint64         owner_id,
                 const CwScope *scope,
                 GError       **error)
{
  g_autofree char *delete_sql = NULL;
  g_autofree char *insert_sql = NULL;
  sqlite3_stmt *stmt;
  gboolean ok = TRUE;

  delete_sql = g_strdup_printf ("DELETE FROM %s WHERE %s = ?1", scope_table, owner_column);
  stmt = _cw_schedule_prepare (store, delete_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, owner_id);
  ok = _cw_schedule_step (store, stmt, _("Could not save the scope"), error);
  sqlite3_finalize (stmt);
  if (!ok || scope->everything)
    return ok;

  insert_sql = g_strdup_printf ("INSERT INTO %s (%s, site_id, ci_class, ci_id) VALUES (?1, ?2, ?3, ?4)",
                                scope_table, owner_column);
  stmt = _cw_schedule_prepare (store, insert_sql, error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; ok && scope->sites != NULL && scope->sites[i] != NULL; i++)
    {
      gint64 site_id;

      ok = find_site (store, scope->sites[i], &site_id, error);
      if (ok)
        {
          sqlite3_reset (stmt);
          sqlite3_clear_bindings (stmt);
          sqlite3_bind_int64 (stmt, 1, owner_id);
          sqlite3_bind_int64 (stmt, 2, site_id);
          ok = _cw_schedule_step (store, stmt, _("Could not save the scope"), error);
        }
    }
  for (guint i = 0; ok && scope->classes != NULL && scope->classes[i] != NULL; i++)
    {
      if (!cw_ci_class_is_valid (scope->classes[i]))
        {
          g_set_error (error, CW_SCHEDULE_ERROR, CW_SCHEDULE_ERROR_UNKNOWN_CLASS,
                       _("“%s” is not a CI class"), scope->classes[i]);
          ok = FALSE;
          break;
        }
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      sqlite3_bind_int64 (stmt, 1, owner_id);
      sqlite3_bind_text (stmt, 3, scope->classes[i], -1, SQLITE_TRANSIENT);
      ok = _cw_schedule_step (store, stmt, _("Could not save the scope"), error);
    }
  for (guint i = 0; ok && scope->ci_ids != NULL && i < scope->ci_ids->len; i++)
    {
      gint64 ci_id = g_array_index (scope->ci_ids, gint64, i);

      ok = _cw_schedule_check_ci (store, ci_id, error);
      if (ok)
        {
          sqlite3_reset (stmt);
          sqlite3_clear_bindings (stmt);
          sqlite3_bind_int64 (stmt, 1, owner_id);
          sqlite3_bind_int64 (stmt, 4, ci_id);
          ok = _cw_schedule_step (store, stmt, _("Could not save the scope"), error);
        }
    }
  sqlite3_finalize (stmt);

  return ok;
}
