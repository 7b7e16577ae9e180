/* cw-inventory-export.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-inventory-export"

#include "config.h"

#include <glib/gi18n.h>

#include "cw-ci-field.h"
#include "cw-csv.h"
#include "cw-inventory-export.h"
#include "cw-store-private.h"

/* Writes CIs in the native CSV layout: one column per CwCiField, in enum
 * order, headed by its key; the site is its code. */

#define FLUSH_SIZE   (64 * 1024)
#define CHECK_EVERY  4096

/* The columns in CwCiField order. */
#define SELECT_ROW \
  "SELECT c.class, c.name, c.manufacturer, c.model, c.serial, c.asset_tag, s.code, " \
  "c.ip_address, c.firmware_version, c.os_version, c.lifecycle_status, " \
  "c.operational_status, c.sys_id, c.notes FROM cis c LEFT JOIN sites s ON s.id = c.site_id "

static gboolean
flush (GOutputStream  *output,
       GString        *buffer,
       GCancellable   *cancellable,
       GError        **error)
{
  gboolean ok = g_output_stream_write_all (output, buffer->str, buffer->len, NULL,
                                           cancellable, error);

  g_string_truncate (buffer, 0);
  return ok;
}

static void
append_row (GString      *buffer,
            sqlite3_stmt *stmt)
{
  const char *fields[CW_CI_N_FIELDS];

  for (guint f = 0; f < CW_CI_N_FIELDS; f++)
    fields[f] = (const char *) sqlite3_column_text (stmt, f);
  cw_csv_append_record (buffer, fields, CW_CI_N_FIELDS);
}

/* The whole inventory by name: the order cis_name gives, without a search. */
static gboolean
query_is_plain (const CwInventoryQuery *query)
{
  gboolean descending = FALSE;

  if (query == NULL)
    return TRUE;

  return !cw_inventory_query_has_filters (query)
    && cw_inventory_query_get_sort (query, &descending) == CW_CI_FIELD_NAME
    && !descending;
}

static GArray *
run_query (CwStore                 *store,
           const CwInventoryQuery  *query,
           GCancellable            *cancellable,
           GError                 **error)
{
  g_autoptr(CwInventorySearcher) searcher = NULL;

  searcher = cw_inventory_searcher_new (cw_store_get_path (store));
  return cw_inventory_searcher_run (searcher, query, cancellable, error);
}

/**
 * cw_inventory_export_to_stream:
 * @store: the workspace
 * @query: (nullable): what to export; %NULL for every CI by name
 * @output: where to write
 * @cancellable: (nullable): a #GCancellable, checked every few thousand rows
 * @n_written: (out) (optional): the number of CIs written
 * @error: return location for a #GError
 *
 * Writes a header row and one CRLF-terminated record per CI, in the order
 * of @query. @output is not closed.
 *
 * Returns: %TRUE on success
 */
gboolean
cw_inventory_export_to_stream (CwStore                 *store,
                               const CwInventoryQuery  *query,
                               GOutputStream           *output,
                               GCancellable            *cancellable,
                               guint                   *n_written,
                               GError                 **error)
{
  g_autoptr(GString) buffer = g_string_sized_new (FLUSH_SIZE + 4096);
  g_autoptr(GArray) ids = NULL;
  const char *header[CW_CI_N_FIELDS];
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db;
  guint count = 0;
  int rc;

  g_return_val_if_fail (CW_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (output), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_written != NULL)
    *n_written = 0;

  if (!query_is_plain (query))
    {
      ids = run_query (store, query, cancellable, error);
      if (ids == NULL)
        return FALSE;
    }

  db = cw_store_get_handle (store);
  rc = sqlite3_prepare_v2 (db, ids != NULL ? SELECT_ROW "WHERE c.id = ?1"
                                           : SELECT_ROW "ORDER BY c.name, c.id",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return cw_store_set_sql_error (error, db, rc, _("Export"));

  for (guint f = 0; f < CW_CI_N_FIELDS; f++)
    header[f] = cw_ci_field_get_key (f);
  cw_csv_append_record (buffer, header, CW_CI_N_FIELDS);

  for (;;)
    {
      if (count % CHECK_EVERY == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        goto failed;

      if (ids != NULL)
        {
          if (count == ids->len)
            break;
          sqlite3_bind_int64 (stmt, 1, g_array_index (ids, guint32, count));
        }

      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          append_row (buffer, stmt);
          count++;
        }
      else if (rc != SQLITE_DONE)
        {
          cw_store_set_sql_error (error, db, rc, _("Export"));
          goto failed;
        }
      else if (ids == NULL)
        {
          break;
        }
      else
        {
          /* Deleted since the query ran. */
          g_array_remove_index (ids, count);
        }

      if (ids != NULL)
        sqlite3_reset (stmt);

      if (buffer->len >= FLUSH_SIZE && !flush (output, buffer, cancellable, error))
        goto failed;
    }

  sqlite3_finalize (stmt);
  if (!flush (output, buffer, cancellable, error))
    return FALSE;

  if (n_written != NULL)
    *n_written = count;
  return TRUE;

failed:
  sqlite3_finalize (stmt);
  return FALSE;
}

typedef struct
{
  char             *workspace_path;
  CwInventoryQuery *query;
  GFile            *file;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_free (data->workspace_path);
  g_clear_pointer (&data->query, cw_inventory_query_free);
  g_clear_object (&data->file);
  g_free (data);
}

static gboolean
export_to_file (ExportData    *data,
                GCancellable  *cancellable,
                guint         *n_written,
                GError       **error)
{
  g_autoptr(CwStore) store = NULL;
  g_autoptr(GFileOutputStream) output = NULL;
  g_autoptr(GCancellable) cancelled = NULL;
  gboolean existed;

  store = cw_store_open (data->workspace_path, CW_STORE_OPEN_READ_ONLY, error);
  if (store == NULL)
    return FALSE;

  /* Over an existing file GIO writes a temporary one and renames it on a
   * successful close. */
  existed = g_file_query_exists (data->file, cancellable);
  output = g_file_replace (data->file, NULL, FALSE, G_FILE_CREATE_NONE, cancellable, error);
  if (output == NULL)
    return FALSE;

  if (cw_inventory_export_to_stream (store, data->query, G_OUTPUT_STREAM (output), cancellable,
                                     n_written, error)
      && g_output_stream_close (G_OUTPUT_STREAM (output), cancellable, error))
    return TRUE;

  /* A cancelled close drops the temporary file and keeps the old one. */
  cancelled = g_cancellable_new ();
  g_cancellable_cancel (cancelled);
  g_output_stream_close (G_OUTPUT_STREAM (output), cancelled, NULL);
  if (!existed)
    g_file_delete (data->file, NULL, NULL);

  return FALSE;
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;
  guint n_written = 0;

  if (export_to_file (task_data, cancellable, &n_written, &error))
    g_task_return_int (task, n_written);
  else
    g_task_return_error (task, error);
}

void
cw_inventory_export_async (const char             *workspace_path,
                           const CwInventoryQuery *query,
                           GFile                  *file,
                           GCancellable           *cancellable,
                           GAsyncReadyCallback     callback,
                           gpointer                user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportData *data;

  g_return_if_fail (workspace_path != NULL);
  g_return_if_fail (G_IS_FILE (file));

  data = g_new0 (ExportData, 1);
  data->workspace_path = g_strdup (workspace_path);
  data->query = query != NULL ? cw_inventory_query_copy (query) : NULL;
  data->file = g_object_ref (file);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, cw_inventory_export_async);
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
cw_inventory_export_finish (GAsyncResult  *result,
                            guint         *n_written,
                            GError       **error)
{
  gssize count;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  count = g_task_propagate_int (G_TASK (result), error);
  if (count < 0)
    return FALSE;

  if (n_written != NULL)
    *n_written = (guint) count;
  return TRUE;
}
