/* cw-inventory-drift.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-inventory-drift"

#include "config.h"

#include <string.h>

#include "cw-inventory-private.h"
#include "cw-inventory.h"
#include "cw-store-private.h"

/* Version drift: which versions of each model (or class) run where. */

static void
drift_row_free (CwDriftRow *row)
{
  g_free (row->group);
  g_free (row->version);
  g_free (row->counts);
  g_free (row);
}

void
cw_drift_report_free (CwDriftReport *report)
{
  if (report == NULL)
    return;

  g_clear_pointer (&report->sites, g_ptr_array_unref);
  g_clear_pointer (&report->rows, g_ptr_array_unref);
  g_free (report);
}

static int
compare_drift_rows (gconstpointer a,
                    gconstpointer b)
{
  const CwDriftRow *ra = *(const CwDriftRow * const *) a;
  const CwDriftRow *rb = *(const CwDriftRow * const *) b;
  int cmp = cw_inventory_natural_compare (ra->group, rb->group);

  if (cmp != 0)
    return cmp;
  if (ra->field != rb->field)
    return ra->field < rb->field ? -1 : 1;

  return cw_inventory_natural_compare (ra->version, rb->version);
}

CwDriftReport *
cw_inventory_drift (CwStore       *store,
                    gboolean       by_class,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(CwDriftReport) report = g_new0 (CwDriftReport, 1);
  g_autoptr(GHashTable) rows = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) site_index = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GStringChunk) keys = g_string_chunk_new (4096);
  g_autoptr(GString) key = g_string_new (NULL);
  sqlite3_stmt *stmt;
  guint n_sites;
  int rc;

  g_return_val_if_fail (CW_IS_STORE (store), NULL);

  report->sites = cw_inventory_list_sites (store, error);
  if (report->sites == NULL)
    return NULL;
  report->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) drift_row_free);
  n_sites = report->sites->len;
  for (guint i = 0; i < n_sites; i++)
    {
      CwSite *site = g_ptr_array_index (report->sites, i);
      g_hash_table_insert (site_index, &site->id, GUINT_TO_POINTER (i + 1));
    }

  stmt = cw_inventory_prepare (store,
                  "SELECT class, manufacturer, model, firmware_version, os_version, site_id "
                  "FROM cis",
                  error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *klass = (const char *) sqlite3_column_text (stmt, 0);
      const char *manufacturer = (const char *) sqlite3_column_text (stmt, 1);
      const char *model = (const char *) sqlite3_column_text (stmt, 2);
      gint64 site_id = sqlite3_column_int64 (stmt, 5);
      guint site = GPOINTER_TO_UINT (g_hash_table_lookup (site_index, &site_id));

      if (site == 0)
        continue;

      for (guint f = 0; f < 2; f++)
        {
          const char *version = (const char *) sqlite3_column_text (stmt, 3 + (int) f);
          CwDriftRow *row;

          if (version == NULL || version[0] == '\0')
            continue;

          g_string_truncate (key, 0);
          if (by_class)
            g_string_append (key, klass != NULL ? klass : "");
          else
            g_string_append_printf (key, "%s %s", manufacturer != NULL ? manufacturer : "",
                                    model != NULL ? model : "");
          g_string_append_printf (key, "\x1f%u\x1f%s", f, version);

          row = g_hash_table_lookup (rows, key->str);
          if (row == NULL)
            {
              row = g_new0 (CwDriftRow, 1);
              row->group = by_class ? g_strdup (cw_ci_class_get_label (klass))
                                    : g_strstrip (g_strdup_printf ("%s %s",
                                                                   manufacturer != NULL ? manufacturer : "",
                                                                   model != NULL ? model : ""));
              row->field = f == 0 ? CW_CI_FIELD_FIRMWARE_VERSION : CW_CI_FIELD_OS_VERSION;
              row->version = g_strdup (version);
              row->counts = g_new0 (guint, n_sites);
              g_hash_table_insert (rows, g_string_chunk_insert (keys, key->str), row);
              g_ptr_array_add (report->rows, row);
              g_hash_table_add (groups, g_strdup (row->group));
            }
          row->counts[site - 1]++;
          row->total++;
        }
    }

  if (!cw_inventory_finish (store, stmt, rc, error))
    return NULL;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  g_ptr_array_sort (report->rows, compare_drift_rows);
  report->n_groups = g_hash_table_size (groups);

  return g_steal_pointer (&report);
}

typedef struct
{
  char     *path;
  gboolean  by_class;
} DriftData;

static void
drift_data_free (DriftData *data)
{
  g_free (data->path);
  g_free (data);
}

static void
drift_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  DriftData *data = task_data;
  g_autoptr(CwStore) store = NULL;
  GError *error = NULL;
  CwDriftReport *report;

  store = cw_store_open (data->path, CW_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  report = cw_inventory_drift (store, data->by_class, cancellable, &error);
  if (report == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, report, (GDestroyNotify) cw_drift_report_free);
}

void
cw_inventory_drift_async (const char          *workspace_path,
                          gboolean             by_class,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  DriftData *data;

  g_return_if_fail (workspace_path != NULL);

  data = g_new0 (DriftData, 1);
  data->path = g_strdup (workspace_path);
  data->by_class = !!by_class;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, cw_inventory_drift_async);
  g_task_set_task_data (task, data, (GDestroyNotify) drift_data_free);
  g_task_run_in_thread (task, drift_thread);
}

CwDriftReport *
cw_inventory_drift_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

