/* cw-compat-csv-import.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-compat-csv"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cw-compat-csv-private.h"
#include "cw-compat.h"
#include "cw-csv.h"
#include "cw-store-private.h"
#include "cw-version.h"

/* Import of the matrix, the upgrade paths and the products.
 *
 * The whole file is read and checked first (cw-compat-csv-read.c). Only when
 * no line is bad is anything written, in one transaction, with prepared
 * statements: products and versions that do not exist yet are created, and
 * lines merge with what is there (the same pair: verdict, note and source
 * replaced; the same hop: note replaced; the same version: dates and
 * approval replaced, and approved=yes makes it the product's approved
 * version). A matrix pair is stored with version_a <= version_b (ids).
 *
 * The order of versions: when a products file lists the versions of a
 * product in an order that differs from cw_version_compare(), the product
 * gets a manual order with the file's positions (versions of the product
 * that the file does not list go before the first listed version greater
 * than them). That is what export writes for a product with a manual
 * order, so export then import gives the same order back. A file in the
 * comparator's order changes nothing; new versions of a product with a
 * manual order take their place by the comparator, as
 * cw_compat_add_version() does.
 *
 * Upgrade paths name versions by text: a paths file creates missing
 * products but no versions. */

#define CHECK_EVERY 1024

enum { ST_PRODUCT, ST_VERSION, ST_ROW, ST_CLEAR, ST_APPROVE, ST_POSITION, ST_MANUAL, N_STATEMENTS };

typedef struct
{
  CwCompatCsvImport *import;
  sqlite3           *db;
  sqlite3_stmt      *st[N_STATEMENTS];
} Writer;

static const char * const row_sql[] = {
  [CW_COMPAT_TABLE_MATRIX] =
    "INSERT INTO compat_verdicts (version_a, version_b, verdict, note, source) "
    "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (version_a, version_b) DO UPDATE SET "
    "verdict = excluded.verdict, note = excluded.note, source = excluded.source",
  [CW_COMPAT_TABLE_PATHS] =
    "INSERT INTO compat_paths (product_id, from_min, from_max, to_version, note) "
    "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (product_id, from_min, from_max, to_version) "
    "DO UPDATE SET note = excluded.note",
  [CW_COMPAT_TABLE_PRODUCTS] =
    "UPDATE compat_versions SET released = ?2, end_of_support = ?3, approved = 0 WHERE id = ?1",
};

/* Binds @n values (gint64 ids, or text; NULL text binds NULL) and runs @stmt. */
static gboolean
run (Writer       *w,
     sqlite3_stmt *stmt,
     const char   *types,
     ...)
{
  va_list args;
  int rc;

  va_start (args, types);
  for (int i = 0; types[i] != '\0'; i++)
    {
      if (types[i] == 'i')
        sqlite3_bind_int64 (stmt, i + 1, va_arg (args, gint64));
      else
        {
          const char *text = va_arg (args, const char *);

          if (text == NULL)
            sqlite3_bind_null (stmt, i + 1);
          else
            sqlite3_bind_text (stmt, i + 1, text, -1, SQLITE_TRANSIENT);
        }
    }
  va_end (args);

  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  return rc == SQLITE_DONE || rc == SQLITE_ROW;
}

static gboolean
ensure_product (Writer  *w,
                CwCompatCsvProduct *product)
{
  if (product->id != 0)
    return TRUE;

  if (!run (w, w->st[ST_PRODUCT], "s", product->name))
    return FALSE;

  product->id = sqlite3_last_insert_rowid (w->db);
  w->import->result->n_new_products++;
  return TRUE;
}

static gboolean
ensure_version (Writer     *w,
                CwCompatCsvProduct    *product,
                const char *version,
                gint64     *id)
{
  gint64 *known = g_hash_table_lookup (product->ids, version);
  char *copy;

  if (known != NULL)
    {
      *id = *known;
      return TRUE;
    }

  if (!ensure_product (w, product) ||
      !run (w, w->st[ST_VERSION], "is", product->id, version))
    return FALSE;

  *id = sqlite3_last_insert_rowid (w->db);
  copy = g_strdup (version);
  g_hash_table_insert (product->ids, copy, g_memdup2 (id, sizeof *id));
  g_ptr_array_add (product->added, copy);
  w->import->result->n_new_versions++;
  return TRUE;
}

/* Products, versions and the line itself. */
static gboolean
write_row (Writer          *w,
           CwCompatCsvRow  *row,
           GError         **error)
{
  CwCompatCsvImport *self = w->import;
  sqlite3_stmt *stmt = w->st[ST_ROW];
  char **f = row->f;
  CwCompatCsvProduct *a;
  CwCompatCsvProduct *b;
  gint64 id_a;
  gint64 id_b;

  switch (self->table)
    {
    case CW_COMPAT_TABLE_MATRIX:
      if ((a = _cw_compat_csv_lookup_product (self, f[CW_M_PRODUCT_A], error)) == NULL ||
          (b = _cw_compat_csv_lookup_product (self, f[CW_M_PRODUCT_B], error)) == NULL)
        return FALSE;
      if (!ensure_version (w, a, f[CW_M_VERSION_A], &id_a) ||
          !ensure_version (w, b, f[CW_M_VERSION_B], &id_b))
        break;
      return run (w, stmt, "iisss", MIN (id_a, id_b), MAX (id_a, id_b),
                  f[CW_M_VERDICT], f[CW_M_NOTE], f[CW_M_SOURCE]);

    case CW_COMPAT_TABLE_PATHS:
      if ((a = _cw_compat_csv_lookup_product (self, f[CW_P_PRODUCT], error)) == NULL)
        return FALSE;
      if (!ensure_product (w, a))
        break;
      return run (w, stmt, "issss", a->id, f[CW_P_FROM_MIN], f[CW_P_FROM_MAX], f[CW_P_TO], f[CW_P_NOTE]);

    case CW_COMPAT_TABLE_PRODUCTS:
      if ((a = _cw_compat_csv_lookup_product (self, f[CW_V_PRODUCT], error)) == NULL)
        return FALSE;
      if (!g_hash_table_contains (a->listed_set, f[CW_V_VERSION]))
        {
          g_hash_table_add (a->listed_set, f[CW_V_VERSION]);
          g_ptr_array_add (a->listed, f[CW_V_VERSION]);
        }
      if (!ensure_version (w, a, f[CW_V_VERSION], &id_a))
        break;
      return run (w, stmt, "iss", id_a, f[CW_V_RELEASED], f[CW_V_END]);

    default:
      g_assert_not_reached ();
    }

  return FALSE;
}

/* Inserts @version into @order before the first version greater than it. */
static void
insert_by_comparator (GPtrArray  *order,
                      const char *version)
{
  guint place = 0;

  while (place < order->len && cw_version_compare (order->pdata[place], version) <= 0)
    place++;
  g_ptr_array_insert (order, (int) place, (gpointer) version);
}

static gboolean
is_sorted (GPtrArray *versions)
{
  for (guint i = 1; i < versions->len; i++)
    if (cw_version_compare (versions->pdata[i - 1], versions->pdata[i]) > 0)
      return FALSE;

  return TRUE;
}

/* The manual order a file gives, or new versions in an existing one. */
static gboolean
write_order (Writer  *w,
             CwCompatCsvProduct *product)
{
  g_autoptr(GPtrArray) order = NULL;
  gboolean from_file = w->import->table == CW_COMPAT_TABLE_PRODUCTS && !is_sorted (product->listed);

  if (from_file)
    {
      order = g_ptr_array_copy (product->listed, NULL, NULL);
      for (guint i = 0; i < product->existing->len; i++)
        if (!g_hash_table_contains (product->listed_set, product->existing->pdata[i]))
          insert_by_comparator (order, product->existing->pdata[i]);
    }
  else if (product->manual && product->added->len > 0)
    {
      order = g_ptr_array_copy (product->existing, NULL, NULL);
      g_ptr_array_sort (product->added, cw_version_compare_ptr);
      for (guint i = 0; i < product->added->len; i++)
        insert_by_comparator (order, product->added->pdata[i]);
    }
  else
    {
      return TRUE;
    }

  for (guint i = 0; i < order->len; i++)
    {
      gint64 *id = g_hash_table_lookup (product->ids, order->pdata[i]);

      if (!run (w, w->st[ST_POSITION], "ii", (gint64) i, *id))
        return FALSE;
    }

  return !from_file || run (w, w->st[ST_MANUAL], "i", product->id);
}

static gboolean
write_all (CwCompatCsvImport  *self,
           GCancellable       *cancellable,
           GError            **error)
{
  static const char * const sql[N_STATEMENTS] = {
    [ST_PRODUCT] = "INSERT INTO compat_products (name) VALUES (?1)",
    [ST_VERSION] = "INSERT INTO compat_versions (product_id, version) VALUES (?1, ?2)",
    [ST_CLEAR] = "UPDATE compat_versions SET approved = 0 WHERE product_id = ?1 AND approved = 1",
    [ST_APPROVE] = "UPDATE compat_versions SET approved = 1 WHERE id = ?1",
    [ST_POSITION] = "UPDATE compat_versions SET position = ?1 WHERE id = ?2",
    [ST_MANUAL] = "UPDATE compat_products SET manual_order = 1 WHERE id = ?1",
  };
  Writer w = { .import = self, .db = cw_store_get_handle (self->store) };
  g_autoptr(GError) local_error = NULL;
  gboolean ok = TRUE;
  GHashTableIter iter;
  gpointer value;

  for (guint i = 0; ok && i < N_STATEMENTS; i++)
    ok = sqlite3_prepare_v2 (w.db, i == ST_ROW ? row_sql[self->table] : sql[i], -1,
                             &w.st[i], NULL) == SQLITE_OK;

  for (guint i = 0; ok && i < self->rows->len; i++)
    {
      CwCompatCsvRow *row = g_ptr_array_index (self->rows, i);

      if (i % CHECK_EVERY == 0 && g_cancellable_set_error_if_cancelled (cancellable, &local_error))
        ok = FALSE;
      else if (!row->repeated)
        ok = write_row (&w, row, &local_error);
    }

  /* Approvals after every line has cleared its own. */
  g_hash_table_iter_init (&iter, self->approved);
  while (ok && g_hash_table_iter_next (&iter, NULL, &value))
    {
      CwCompatCsvRow *row = value;
      CwCompatCsvProduct *product = _cw_compat_csv_lookup_product (self, row->f[CW_V_PRODUCT], &local_error);
      gint64 *id;

      ok = product != NULL;
      if (ok)
        {
          id = g_hash_table_lookup (product->ids, row->f[CW_V_VERSION]);
          ok = run (&w, w.st[ST_CLEAR], "i", product->id) && run (&w, w.st[ST_APPROVE], "i", *id);
        }
    }

  g_hash_table_iter_init (&iter, self->products);
  while (ok && g_hash_table_iter_next (&iter, NULL, &value))
    ok = write_order (&w, value);

  if (!ok && local_error == NULL)
    cw_store_set_sql_error (&local_error, w.db, sqlite3_errcode (w.db),
                            _("Could not save the compatibility matrix"));
  for (guint i = 0; i < N_STATEMENTS; i++)
    sqlite3_finalize (w.st[i]);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const CwCompatProblem *pa = *(const CwCompatProblem * const *) a;
  const CwCompatProblem *pb = *(const CwCompatProblem * const *) b;

  return pa->line < pb->line ? -1 : pa->line > pb->line ? 1 : 0;
}

/* The number of lines with a problem. */
static guint
count_bad_lines (GPtrArray *problems)
{
  guint n = 0;

  for (guint i = 0; i < problems->len; i++)
    {
      const CwCompatProblem *problem = g_ptr_array_index (problems, i);

      if (i == 0 || problem->line != ((CwCompatProblem *) g_ptr_array_index (problems, i - 1))->line)
        n++;
    }

  return n;
}

CwCompatImportResult *
cw_compat_import (CwStore        *store,
                  CwCompatTable   table,
                  GInputStream   *input,
                  GCancellable   *cancellable,
                  GError        **error)
{
  CwCompatCsvImport self;
  CwCompatImportResult *result = NULL;
  gboolean ok;

  g_return_val_if_fail (CW_IS_STORE (store), NULL);
  g_return_val_if_fail (_cw_compat_table_get_spec (table) != NULL, NULL);
  g_return_val_if_fail (G_IS_INPUT_STREAM (input), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  _cw_compat_csv_import_init (&self, store, table);

  ok = _cw_compat_csv_import_read (&self, input, cancellable, error);
  if (ok && self.result->problems->len > 0)
    {
      guint n_bad;

      g_ptr_array_sort (self.result->problems, compare_problems);
      n_bad = count_bad_lines (self.result->problems);
      g_set_error (error, CW_COMPAT_ERROR, CW_COMPAT_ERROR_INVALID_INPUT,
                   ngettext ("%u line of the file is not valid; nothing was imported.",
                             "%u lines of the file are not valid; nothing was imported.",
                             n_bad),
                   n_bad);
      result = g_steal_pointer (&self.result);
    }
  else if (ok && cw_store_begin (store, error))
    {
      if (write_all (&self, cancellable, error) && cw_store_commit (store, error))
        result = g_steal_pointer (&self.result);
      else
        cw_store_rollback (store);
    }

  g_clear_pointer (&self.result, cw_compat_import_result_free);
  _cw_compat_csv_import_clear (&self);

  return result;
}
