/* cw-schedule-windows.c: maintenance windows in a workspace, with their
 * exdates, overrides and scope.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-schedule"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cw-schedule-private.h"
#include "cw-store-private.h"

/* Windows: reading ------------------------------------------------------------ */

GPtrArray *
_cw_schedule_load_windows (CwStore     *store,
                           const char  *where,
                           gint64       a,
                           gint64       b,
                           GError     **error)
{
  g_autoptr(GPtrArray) windows = g_ptr_array_new_with_free_func ((GDestroyNotify) cw_maint_window_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) scopes = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  sql = g_strdup_printf ("SELECT id, uid, name, description, tzid, start_local, duration_min, "
                         "rrule, max_concurrent, scope_all FROM maintenance_windows WHERE %s "
                         "ORDER BY name COLLATE NOCASE, id", where);
  stmt = _cw_schedule_prepare_where (store, sql, a, b, error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CwMaintWindow *window = cw_maint_window_new ((const char *) sqlite3_column_text (stmt, 2),
                                        (const char *) sqlite3_column_text (stmt, 4),
                                        (const char *) sqlite3_column_text (stmt, 5),
                                        (guint) sqlite3_column_int64 (stmt, 6));

      window->id = sqlite3_column_int64 (stmt, 0);
      window->uid = _cw_schedule_column_dup (stmt, 1);
      window->description = _cw_schedule_column_dup (stmt, 3);
      window->rrule = _cw_schedule_column_dup (stmt, 7);
      window->max_concurrent = (guint) sqlite3_column_int64 (stmt, 8);
      window->scope->everything = sqlite3_column_int (stmt, 9) != 0;
      g_ptr_array_add (windows, window);
      g_hash_table_insert (by_id, &window->id, window);
      g_hash_table_insert (scopes, &window->id, window->scope);
    }
  sqlite3_finalize (stmt);
  if (!_cw_schedule_read_done (store, rc, error))
    return NULL;
  if (windows->len == 0)
    return g_steal_pointer (&windows);

  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT window_id, start_local FROM window_exdates WHERE window_id IN "
                         "(SELECT id FROM maintenance_windows WHERE %s) ORDER BY window_id, start_local",
                         where);
  stmt = _cw_schedule_prepare_where (store, sql, a, b, error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      CwMaintWindow *window = g_hash_table_lookup (by_id, &id);

      if (window != NULL)
        _cw_strv_append (&window->exdates, (const char *) sqlite3_column_text (stmt, 1));
    }
  sqlite3_finalize (stmt);
  if (!_cw_schedule_read_done (store, rc, error))
    return NULL;

  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT window_id, recurrence_id, cancelled, start_local, duration_min "
                         "FROM window_overrides WHERE window_id IN "
                         "(SELECT id FROM maintenance_windows WHERE %s) ORDER BY window_id, recurrence_id",
                         where);
  stmt = _cw_schedule_prepare_where (store, sql, a, b, error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      CwMaintWindow *window = g_hash_table_lookup (by_id, &id);
      CwWindowOverride *override;

      if (window == NULL)
        continue;
      override = cw_window_override_new ((const char *) sqlite3_column_text (stmt, 1),
                                         (const char *) sqlite3_column_text (stmt, 3),
                                         (guint) sqlite3_column_int64 (stmt, 4));
      override->cancelled = sqlite3_column_int (stmt, 2) != 0;
      g_ptr_array_add (window->overrides, override);
    }
  sqlite3_finalize (stmt);
  if (!_cw_schedule_read_done (store, rc, error))
    return NULL;

  if (!_cw_scope_load_all (store, "window_scope", "window_id", "maintenance_windows",
                           where, a, b, scopes, error))
    return NULL;

  return g_steal_pointer (&windows);
}

CwMaintWindow *
cw_schedule_get_window (CwStore  *store,
                        gint64    id,
                        GError  **error)
{
  return _cw_schedule_get_item (store, CW_SCHEDULE_ITEM_WINDOW, _cw_schedule_load_windows, id, error);
}

CwMaintWindow *
cw_schedule_find_window (CwStore     *store,
                         const char  *uid,
                         GError     **error)
{
  return _cw_schedule_find_item (store, CW_SCHEDULE_ITEM_WINDOW, _cw_schedule_load_windows, uid, error);
}

GPtrArray *
cw_schedule_list_windows (CwStore  *store,
                          GError  **error)
{
  g_return_val_if_fail (CW_IS_STORE (store), NULL);

  return _cw_schedule_load_windows (store, "1", 0, 0, error);
}

/* Windows: writing -------------------------------------------------------------- */

/* What a window's row is saved with. */
typedef struct
{
  const CwMaintWindow *window;
  const char          *start_local;
  gint64               first_start;
  gint64               last_end;
} WindowRow;

static gboolean
write_window_children (CwStore        *store,
                       gconstpointer   data,
                       GError        **error)
{
  const CwMaintWindow *window = ((const WindowRow *) data)->window;
  sqlite3_stmt *stmt;
  gboolean ok = TRUE;

  stmt = _cw_schedule_prepare (store, "DELETE FROM window_exdates WHERE window_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, window->id);
  ok = _cw_schedule_step (store, stmt, _("Could not save the window"), error);
  sqlite3_finalize (stmt);

  stmt = ok ? _cw_schedule_prepare (store, "DELETE FROM window_overrides WHERE window_id = ?1", error) : NULL;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, window->id);
  ok = _cw_schedule_step (store, stmt, _("Could not save the window"), error);
  sqlite3_finalize (stmt);

  stmt = ok ? _cw_schedule_prepare (store, "INSERT OR IGNORE INTO window_exdates (window_id, start_local) "
                                           "VALUES (?1, ?2)", error) : NULL;
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; ok && window->exdates != NULL && window->exdates[i] != NULL; i++)
    {
      g_autofree char *local = cw_schedule_normalize_local (window->exdates[i], error);

      ok = local != NULL;
      if (ok)
        {
          sqlite3_reset (stmt);
          sqlite3_bind_int64 (stmt, 1, window->id);
          sqlite3_bind_text (stmt, 2, local, -1, SQLITE_TRANSIENT);
          ok = _cw_schedule_step (store, stmt, _("Could not save the window"), error);
        }
    }
  sqlite3_finalize (stmt);

  stmt = ok ? _cw_schedule_prepare (store, "INSERT OR REPLACE INTO window_overrides "
                                           "(window_id, recurrence_id, cancelled, start_local, duration_min) "
                                           "VALUES (?1, ?2, ?3, ?4, ?5)", error) : NULL;
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; ok && i < window->overrides->len; i++)
    {
      const CwWindowOverride *override = g_ptr_array_index (window->overrides, i);
      gboolean cancelled = override->cancelled || override->start_local == NULL;
      g_autofree char *rid = cw_schedule_normalize_local (override->recurrence_id, error);
      g_autofree char *start = NULL;

      ok = rid != NULL;
      if (ok && !cancelled)
        ok = (start = cw_schedule_normalize_local (override->start_local, error)) != NULL;
      if (ok)
        {
          sqlite3_reset (stmt);
          sqlite3_clear_bindings (stmt);
          sqlite3_bind_int64 (stmt, 1, window->id);
          sqlite3_bind_text (stmt, 2, rid, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int (stmt, 3, cancelled ? 1 : 0);
          if (start != NULL)
            sqlite3_bind_text (stmt, 4, start, -1, SQLITE_TRANSIENT);
          if (!cancelled && override->duration_min > 0)
            sqlite3_bind_int64 (stmt, 5, override->duration_min);
          ok = _cw_schedule_step (store, stmt, _("Could not save the window"), error);
        }
    }
  sqlite3_finalize (stmt);

  return ok && _cw_scope_write (store, "window_scope", "window_id", window->id, window->scope, error);
}

static void
bind_window (sqlite3_stmt  *stmt,
             gconstpointer  data)
{
  const WindowRow *row = data;
  const CwMaintWindow *window = row->window;
  const char *rrule = window->rrule;

  if (rrule != NULL && g_ascii_strncasecmp (rrule, "RRULE:", 6) == 0)
    rrule += 6;
  sqlite3_bind_text (stmt, 3, window->name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, window->description, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, window->tzid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, row->start_local, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 7, window->duration_min);
  if (rrule != NULL && *rrule != '\0')
    sqlite3_bind_text (stmt, 8, rrule, -1, SQLITE_TRANSIENT);
  if (window->max_concurrent > 0)
    sqlite3_bind_int64 (stmt, 9, window->max_concurrent);
  sqlite3_bind_int (stmt, 10, window->scope->everything ? 1 : 0);
  sqlite3_bind_int64 (stmt, 11, row->first_start);
  if (row->last_end != G_MAXINT64)
    sqlite3_bind_int64 (stmt, 12, row->last_end);
}

static gboolean
save_window (CwStore        *store,
             CwMaintWindow  *window,
             gboolean        update,
             GError        **error)
{
  const CwScheduleSave save = {
    .item = CW_SCHEDULE_ITEM_WINDOW,
    .insert_sql = "INSERT INTO maintenance_windows (uid, name, description, tzid, start_local, duration_min, "
                  "rrule, max_concurrent, scope_all, first_start, last_end) "
                  "VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    .update_sql = "UPDATE maintenance_windows SET uid = ?2, name = ?3, description = ?4, tzid = ?5, "
                  "start_local = ?6, duration_min = ?7, rrule = ?8, max_concurrent = ?9, scope_all = ?10, "
                  "first_start = ?11, last_end = ?12 WHERE id = ?1",
    .save_error = _("Could not save the window"),
    .bind = bind_window,
    .write_children = write_window_children,
  };
  g_autofree char *start_local = NULL;
  WindowRow row = { window, NULL, 0, 0 };

  g_return_val_if_fail (CW_IS_STORE (store), FALSE);
  g_return_val_if_fail (window != NULL, FALSE);

  if (!cw_maint_window_check (window, error)
      || !_cw_window_span (window, &row.first_start, &row.last_end, error))
    return FALSE;
  start_local = cw_schedule_normalize_local (window->start_local, error);
  if (start_local == NULL)
    return FALSE;
  row.start_local = start_local;

  return _cw_schedule_save_item (store, &save, &row, &window->id, &window->uid, update, error);
}

gboolean
cw_schedule_add_window (CwStore        *store,
                        CwMaintWindow  *window,
                        GError        **error)
{
  return save_window (store, window, FALSE, error);
}

gboolean
cw_schedule_update_window (CwStore        *store,
                           CwMaintWindow  *window,
                           GError        **error)
{
  return save_window (store, window, TRUE, error);
}

gboolean
cw_schedule_delete_window (CwStore  *store,
                           gint64    id,
                           GError  **error)
{
  return _cw_schedule_delete_row (store, CW_SCHEDULE_ITEM_WINDOW, id, error);
}
