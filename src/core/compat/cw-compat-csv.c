/* cw-compat-csv.c
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

/* Export of the matrix, the upgrade paths and the products (import is in
 * cw-compat-csv-import.c).
 *
 * Export writes the same formats in an order that depends only on names and
 * version order, never on row ids, so two workspaces with the same content
 * export the same bytes: products by name, versions in each product's
 * order; a matrix row with its lower side (product, then version order)
 * first, rows by product_a, version_a, product_b, version_b; paths by
 * product, then to, from_min and from_max in the product's order (versions
 * a product does not list after those it does, by cw_version_compare()).
 * NULL is an empty field. */

#define FLUSH_SIZE  (64 * 1024)
#define CHECK_EVERY 1024

static const char * const matrix_columns[] = {
  "product_a", "version_a", "product_b", "version_b", "verdict", "note", "source", NULL
};
static const char * const paths_columns[] = {
  "product", "from_min", "from_max", "to", "note", NULL
};
static const char * const products_columns[] = {
  "product", "version", "released", "end_of_support", "approved", NULL
};

static const CwCompatTableSpec tables[] = {
  [CW_COMPAT_TABLE_MATRIX]   = { "matrix", matrix_columns, 7, 5 },
  [CW_COMPAT_TABLE_PATHS]    = { "paths", paths_columns, 5, 4 },
  [CW_COMPAT_TABLE_PRODUCTS] = { "products", products_columns, 5, 2 },
};

const CwCompatTableSpec *
_cw_compat_table_get_spec (CwCompatTable table)
{
  g_return_val_if_fail (table < G_N_ELEMENTS (tables), NULL);

  return &tables[table];
}

const char *
cw_compat_table_get_key (CwCompatTable table)
{
  g_return_val_if_fail (table < G_N_ELEMENTS (tables), NULL);

  return tables[table].key;
}

gboolean
cw_compat_table_from_key (const char    *key,
                          CwCompatTable *table)
{
  for (guint i = 0; key != NULL && i < G_N_ELEMENTS (tables); i++)
    {
      if (strcmp (tables[i].key, key) == 0)
        {
          if (table != NULL)
            *table = (CwCompatTable) i;
          return TRUE;
        }
    }

  return FALSE;
}

void
cw_compat_problem_free (CwCompatProblem *problem)
{
  if (problem == NULL)
    return;

  g_free (problem->reason);
  g_free (problem);
}

void
cw_compat_import_result_free (CwCompatImportResult *result)
{
  if (result == NULL)
    return;

  g_clear_pointer (&result->problems, g_ptr_array_unref);
  g_free (result);
}


/****************************************************************************
 * Export
 ****************************************************************************/

/* Where a version stands: its product's place by name, its own place in the
 * product's order. */
typedef struct
{
  guint                  product;
  guint                  version;
  const CwCompatProduct *p;
  const CwCompatVersion *v;
} Place;

typedef struct
{
  GPtrArray  *products;   /* CwCompatProduct, by name */
  GPtrArray  *versions;   /* per product: its CwCompatVersion in its order */
  GPtrArray  *ranks;      /* per product: version text -> place + 1 */
  GHashTable *places;     /* version id -> Place */
  GHashTable *indexes;    /* product id -> place + 1 */
} Catalog;

typedef struct
{
  GOutputStream *output;
  GCancellable  *cancellable;
  GString       *buffer;
  guint          n_rows;
} Out;

static void
catalog_clear (Catalog *catalog)
{
  g_clear_pointer (&catalog->places, g_hash_table_unref);
  g_clear_pointer (&catalog->indexes, g_hash_table_unref);
  g_clear_pointer (&catalog->ranks, g_ptr_array_unref);
  g_clear_pointer (&catalog->versions, g_ptr_array_unref);
  g_clear_pointer (&catalog->products, g_ptr_array_unref);
}

static gboolean
catalog_load (Catalog  *catalog,
              CwStore  *store,
              GError  **error)
{
  catalog->products = cw_compat_list_products (store, error);
  if (catalog->products == NULL)
    return FALSE;

  catalog->versions = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  catalog->ranks = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  catalog->places = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
  catalog->indexes = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < catalog->products->len; i++)
    {
      CwCompatProduct *product = g_ptr_array_index (catalog->products, i);
      GPtrArray *versions = cw_compat_list_versions (store, product->id, error);
      GHashTable *ranks;

      if (versions == NULL)
        return FALSE;

      ranks = g_hash_table_new (g_str_hash, g_str_equal);
      g_ptr_array_add (catalog->versions, versions);
      g_ptr_array_add (catalog->ranks, ranks);
      g_hash_table_insert (catalog->indexes, &product->id, GUINT_TO_POINTER (i + 1));

      for (guint j = 0; j < versions->len; j++)
        {
          CwCompatVersion *version = g_ptr_array_index (versions, j);
          Place *place = g_new0 (Place, 1);

          *place = (Place) { i, j, product, version };
          g_hash_table_insert (catalog->places, &version->id, place);
          g_hash_table_insert (ranks, version->version, GUINT_TO_POINTER (j + 1));
        }
    }

  return TRUE;
}

static gboolean
out_flush (Out     *out,
           GError **error)
{
  gboolean ok = g_output_stream_write_all (out->output, out->buffer->str, out->buffer->len,
                                           NULL, out->cancellable, error);

  g_string_truncate (out->buffer, 0);
  return ok;
}

/* Appends a data row (or the header when @header). */
static gboolean
out_record (Out                *out,
            const char * const *fields,
            guint               n_fields,
            gboolean            header,
            GError            **error)
{
  cw_csv_append_record (out->buffer, fields, n_fields);
  if (!header && out->n_rows++ % CHECK_EVERY == 0 &&
      g_cancellable_set_error_if_cancelled (out->cancellable, error))
    return FALSE;

  return out->buffer->len < FLUSH_SIZE || out_flush (out, error);
}

static gboolean
export_products (Catalog  *catalog,
                 Out      *out,
                 GError  **error)
{
  for (guint i = 0; i < catalog->products->len; i++)
    {
      const CwCompatProduct *product = g_ptr_array_index (catalog->products, i);
      GPtrArray *versions = g_ptr_array_index (catalog->versions, i);

      for (guint j = 0; j < versions->len; j++)
        {
          const CwCompatVersion *v = g_ptr_array_index (versions, j);
          const char *fields[] = {
            product->name, v->version, v->released, v->end_of_support, v->approved ? "yes" : NULL
          };

          if (!out_record (out, fields, G_N_ELEMENTS (fields), FALSE, error))
            return FALSE;
        }
    }

  return TRUE;
}

typedef struct
{
  const Place *a;
  const Place *b;
  guint        product;     /* paths */
  GHashTable  *ranks;       /* paths: the product's version places */
  char        *text[5];     /* matrix: verdict, note, source; paths: from_min, from_max, to, note */
} Line;

static void
line_free (Line *line)
{
  for (guint i = 0; i < G_N_ELEMENTS (line->text); i++)
    g_free (line->text[i]);
  g_free (line);
}

static int
compare_places (const Place *a,
                const Place *b)
{
  if (a->product != b->product)
    return a->product < b->product ? -1 : 1;
  if (a->version != b->version)
    return a->version < b->version ? -1 : 1;
  return 0;
}

static int
compare_cells (gconstpointer a,
               gconstpointer b)
{
  const Line *la = *(const Line * const *) a;
  const Line *lb = *(const Line * const *) b;
  int cmp = compare_places (la->a, lb->a);

  return cmp != 0 ? cmp : compare_places (la->b, lb->b);
}

/* In the product's order; versions it does not list after, by the comparator. */
static int
compare_ranked (GHashTable *ranks,
                const char *a,
                const char *b)
{
  guint ra = GPOINTER_TO_UINT (g_hash_table_lookup (ranks, a));
  guint rb = GPOINTER_TO_UINT (g_hash_table_lookup (ranks, b));

  if (ra != 0 && rb != 0)
    return ra < rb ? -1 : ra > rb ? 1 : 0;
  if (ra != 0 || rb != 0)
    return ra != 0 ? -1 : 1;
  return cw_version_compare (a, b);
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  const Line *la = *(const Line * const *) a;
  const Line *lb = *(const Line * const *) b;
  static const guint keys[] = { 2, 0, 1 };   /* to, from_min, from_max */

  if (la->product != lb->product)
    return la->product < lb->product ? -1 : 1;

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      int cmp = compare_ranked (la->ranks, la->text[keys[i]], lb->text[keys[i]]);

      if (cmp != 0)
        return cmp;
    }

  return 0;
}

/* Reads the verdicts or the paths as Lines, sorted. */
static GPtrArray *
read_lines (Catalog        *catalog,
            CwStore        *store,
            CwCompatTable   table,
            GError        **error)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) line_free);
  sqlite3 *db = cw_store_get_handle (store);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, table == CW_COMPAT_TABLE_MATRIX
                           ? "SELECT version_a, version_b, verdict, note, source FROM compat_verdicts"
                           : "SELECT product_id, from_min, from_max, to_version, note FROM compat_paths",
                           -1, &stmt, NULL);

  while (stmt != NULL && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 first = sqlite3_column_int64 (stmt, 0);
      Line *line = g_new0 (Line, 1);

      for (int i = 1; i < sqlite3_column_count (stmt); i++)
        line->text[i - 1] = g_strdup ((const char *) sqlite3_column_text (stmt, i));

      if (table == CW_COMPAT_TABLE_MATRIX)
        {
          gint64 second = sqlite3_column_int64 (stmt, 1);

          g_free (line->text[0]);
          memmove (line->text, line->text + 1, 3 * sizeof (char *));
          line->text[3] = NULL;
          line->a = g_hash_table_lookup (catalog->places, &first);
          line->b = g_hash_table_lookup (catalog->places, &second);
          if (line->a != NULL && line->b != NULL && compare_places (line->a, line->b) > 0)
            {
              const Place *swap = line->a;

              line->a = line->b;
              line->b = swap;
            }
        }
      else
        {
          line->product = GPOINTER_TO_UINT (g_hash_table_lookup (catalog->indexes, &first));
          if (line->product != 0)
            line->ranks = g_ptr_array_index (catalog->ranks, line->product - 1);
        }

      if ((table == CW_COMPAT_TABLE_MATRIX && (line->a == NULL || line->b == NULL)) ||
          (table == CW_COMPAT_TABLE_PATHS && line->ranks == NULL))
        line_free (line);   /* not in the catalog: deleted since it was read */
      else
        g_ptr_array_add (lines, line);
    }

  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      cw_store_set_sql_error (error, db, rc, _("Could not read the compatibility matrix"));
      return NULL;
    }

  g_ptr_array_sort (lines, table == CW_COMPAT_TABLE_MATRIX ? compare_cells : compare_paths);
  return g_steal_pointer (&lines);
}

gboolean
cw_compat_export (CwStore        *store,
                  CwCompatTable   table,
                  GOutputStream  *output,
                  guint          *n_rows,
                  GCancellable   *cancellable,
                  GError        **error)
{
  g_autoptr(GString) buffer = g_string_sized_new (FLUSH_SIZE + 4096);
  g_autoptr(GPtrArray) lines = NULL;
  Catalog catalog = { 0 };
  Out out = { output, cancellable, buffer, 0 };
  gboolean ok;

  g_return_val_if_fail (CW_IS_STORE (store), FALSE);
  g_return_val_if_fail (table < G_N_ELEMENTS (tables), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (output), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_rows != NULL)
    *n_rows = 0;

  ok = catalog_load (&catalog, store, error) &&
       out_record (&out, tables[table].columns, tables[table].n_columns, TRUE, error);

  if (ok && table == CW_COMPAT_TABLE_PRODUCTS)
    {
      ok = export_products (&catalog, &out, error);
    }
  else if (ok)
    {
      lines = read_lines (&catalog, store, table, error);
      ok = lines != NULL;

      for (guint i = 0; ok && i < lines->len; i++)
        {
          const Line *line = g_ptr_array_index (lines, i);

          if (table == CW_COMPAT_TABLE_MATRIX)
            {
              const char *fields[] = {
                line->a->p->name, line->a->v->version, line->b->p->name, line->b->v->version,
                line->text[0], line->text[1], line->text[2]
              };

              ok = out_record (&out, fields, G_N_ELEMENTS (fields), FALSE, error);
            }
          else
            {
              const CwCompatProduct *product = g_ptr_array_index (catalog.products,
                                                                  line->product - 1);
              const char *fields[] = {
                product->name, line->text[0], line->text[1], line->text[2], line->text[3]
              };

              ok = out_record (&out, fields, G_N_ELEMENTS (fields), FALSE, error);
            }
        }
    }

  ok = ok && out_flush (&out, error);
  catalog_clear (&catalog);

  if (ok && n_rows != NULL)
    *n_rows = out.n_rows;

  return ok;
}
