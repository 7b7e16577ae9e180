/* cw-store-check.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-store-check"

#include "config.h"

#include <glib/gi18n.h>

#include "cw-store-private.h"

static void
table_count_clear (gpointer data)
{
  CwStoreTableCount *count = data;

  g_clear_pointer (&count->table, g_free);
}

/**
 * cw_store_count_table:
 * @table: a table name from the workspace's schema
 *
 * Returns: the number of rows, or -1 with @error set
 */
gint64
cw_store_count_table (CwStore     *self,
                      const char  *table,
                      GError     **error)
{
  sqlite3 *db = cw_store_get_handle (self);
  g_autofree char *sql = NULL;
  char *quoted;
  sqlite3_stmt *stmt = NULL;
  gint64 rows = -1;
  int rc;

  g_return_val_if_fail (CW_IS_STORE (self), -1);
  g_return_val_if_fail (table != NULL, -1);

  quoted = sqlite3_mprintf ("SELECT count(*) FROM \"%w\"", table);
  sql = g_strdup (quoted);
  sqlite3_free (quoted);

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      rows = sqlite3_column_int64 (stmt, 0);
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_OK)
    cw_store_set_sql_error (error, db, rc, sql);

  return rows;
}

/**
 * cw_store_count_rows:
 *
 * Returns: (transfer full) (element-type CwStoreTableCount): every table of
 *   the workspace with its row count, by name
 */
GArray *
cw_store_count_rows (CwStore  *self,
                     GError  **error)
{
  sqlite3 *db = cw_store_get_handle (self);
  g_autoptr(GArray) counts = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (CW_IS_STORE (self), NULL);

  counts = g_array_new (FALSE, TRUE, sizeof (CwStoreTableCount));
  g_array_set_clear_func (counts, table_count_clear);

  rc = sqlite3_prepare_v2 (db,
                           /* Ordinary tables only: not the search index
                            * (virtual) or the tables behind it (shadow). */
                           "SELECT name FROM pragma_table_list "
                           "WHERE schema = 'main' AND type = 'table' "
                           "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
                           "ORDER BY name",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      cw_store_set_sql_error (error, db, rc, _("Could not list the workspace's tables"));
      return NULL;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CwStoreTableCount count;

      count.table = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      g_array_append_val (counts, count);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      cw_store_set_sql_error (error, db, rc, _("Could not list the workspace's tables"));
      return NULL;
    }

  for (guint i = 0; i < counts->len; i++)
    {
      CwStoreTableCount *count = &g_array_index (counts, CwStoreTableCount, i);

      count->rows = cw_store_count_table (self, count->table, error);
      if (count->rows < 0)
        return NULL;
    }

  return g_steal_pointer (&counts);
}

static gboolean
collect_integrity (sqlite3    *db,
                   GPtrArray  *problems,
                   GError    **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return cw_store_set_sql_error (error, db, rc, _("Could not check the workspace"));

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 0);

      if (g_strcmp0 (line, "ok") != 0)
        g_ptr_array_add (problems, g_strdup_printf (_("integrity: %s"), line));
    }
  sqlite3_finalize (stmt);

  /* A damaged file can fail the check itself: that is a finding, not an
   * error of the check. */
  if (rc != SQLITE_DONE)
    g_ptr_array_add (problems, g_strdup_printf (_("integrity: %s"), sqlite3_errmsg (db)));

  return TRUE;
}

static gboolean
collect_foreign_keys (sqlite3    *db,
                      GPtrArray  *problems,
                      GError    **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "PRAGMA foreign_key_check", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      g_ptr_array_add (problems, g_strdup_printf (_("foreign keys: %s"), sqlite3_errmsg (db)));
      return TRUE;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (stmt, 0);
      gint64 rowid = sqlite3_column_int64 (stmt, 1);
      const char *parent = (const char *) sqlite3_column_text (stmt, 2);

      g_ptr_array_add (problems,
                       g_strdup_printf (_("foreign keys: %s row %lld refers to a missing row of %s"),
                                        table, (long long) rowid, parent));
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    g_ptr_array_add (problems, g_strdup_printf (_("foreign keys: %s"), sqlite3_errmsg (db)));

  return TRUE;
}

/**
 * cw_store_check:
 * @problems: (out) (transfer full) (element-type utf8): what is wrong, one
 *   line each
 *
 * Runs SQLite's integrity check and foreign key check.
 *
 * Returns: %TRUE when the workspace is sound; %FALSE with @problems filled, or
 *   with @error set when the check could not run
 */
gboolean
cw_store_check (CwStore    *self,
                GPtrArray **problems,
                GError    **error)
{
  sqlite3 *db = cw_store_get_handle (self);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (CW_IS_STORE (self), FALSE);
  g_return_val_if_fail (problems != NULL, FALSE);

  *problems = NULL;

  if (!collect_integrity (db, found, error) || !collect_foreign_keys (db, found, error))
    return FALSE;

  *problems = g_steal_pointer (&found);
  return (*problems)->len == 0;
}
