/* cw-inventory-searcher.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-inventory-searcher"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cw-inventory-index.h"
#include "cw-inventory-private.h"
#include "cw-inventory-query.h"
#include "cw-inventory.h"
#include "cw-store-private.h"

/* A query is answered in three steps, all on one read-only connection:
 *
 *  1. the order of every CI for the sort field, computed once and kept
 *     until the workspace changes (PRAGMA data_version);
 *  2. the set of CIs that pass the search and filters, as a bitmap over ids
 *     (FTS5 for the text, SQL for the filters);
 *  3. a walk along the order, keeping the ids in the set.
 *
 * Step 3 costs the same for any number of hits (a few ms at 1,000,000 CIs),
 * so neither a broad search nor a sort ever sorts the hits themselves. */

struct _CwInventorySearcher
{
  GObject   parent_instance;

  char     *path;

  GMutex    lock;
  CwStore  *store;
  gint64    data_version;
  guint32   max_id;
  GArray   *orders[CW_CI_N_FIELDS];
};

G_DEFINE_FINAL_TYPE (CwInventorySearcher, cw_inventory_searcher, G_TYPE_OBJECT)

static void
cw_inventory_searcher_finalize (GObject *object)
{
  CwInventorySearcher *self = (CwInventorySearcher *) object;

  for (guint i = 0; i < CW_CI_N_FIELDS; i++)
    g_clear_pointer (&self->orders[i], g_array_unref);
  g_clear_object (&self->store);
  g_mutex_clear (&self->lock);
  g_free (self->path);

  G_OBJECT_CLASS (cw_inventory_searcher_parent_class)->finalize (object);
}

static void
cw_inventory_searcher_class_init (CwInventorySearcherClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cw_inventory_searcher_finalize;
}

static void
cw_inventory_searcher_init (CwInventorySearcher *self)
{
  g_mutex_init (&self->lock);
  self->data_version = -1;
}

CwInventorySearcher *
cw_inventory_searcher_new (const char *workspace_path)
{
  CwInventorySearcher *self;

  g_return_val_if_fail (workspace_path != NULL, NULL);

  self = g_object_new (CW_TYPE_INVENTORY_SEARCHER, NULL);
  self->path = g_strdup (workspace_path);

  return self;
}

/* ---- cancellation -------------------------------------------------------- */

static int
progress_handler (void *data)
{
  return g_cancellable_is_cancelled (G_CANCELLABLE (data)) ? 1 : 0;
}

static gboolean
set_error (GError       **error,
           sqlite3       *db,
           int            rc,
           GCancellable  *cancellable)
{
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  return cw_store_set_sql_error (error, db, rc, "inventory search");
}

/* ---- step 1: orders ------------------------------------------------------ */

static GArray *
ids_from_statement (sqlite3_stmt  *stmt,
                    GArray        *ids,
                    guint32        max_id,
                    int           *rc)
{
  while ((*rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      guint32 id32;

      if (id <= 0 || id > max_id)
        continue;

      id32 = (guint32) id;
      g_array_append_val (ids, id32);
    }

  return ids;
}

static GArray *
order_by_sql (sqlite3       *db,
              const char    *sql,
              guint32        max_id,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GArray) ids = g_array_sized_new (FALSE, FALSE, sizeof (guint32), 1024);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    ids_from_statement (stmt, ids, max_id, &rc);
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      set_error (error, db, rc, cancellable);
      return NULL;
    }

  return g_steal_pointer (&ids);
}

/* Site order: by site code, then name, through the (site_id, name) index;
 * CIs without a site come first. */
static GArray *
order_by_site (sqlite3       *db,
               guint32        max_id,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GArray) ids = g_array_sized_new (FALSE, FALSE, sizeof (guint32), 1024);
  g_autoptr(GArray) sites = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "SELECT id FROM sites ORDER BY code, id", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 site_id = sqlite3_column_int64 (stmt, 0);
          g_array_append_val (sites, site_id);
        }
    }
  sqlite3_finalize (stmt);
  stmt = NULL;
  if (rc != SQLITE_DONE)
    goto failed;

  rc = sqlite3_prepare_v2 (db, "SELECT id FROM cis WHERE site_id IS NULL ORDER BY name, id",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    ids_from_statement (stmt, ids, max_id, &rc);
  sqlite3_finalize (stmt);
  stmt = NULL;
  if (rc != SQLITE_DONE)
    goto failed;

  rc = sqlite3_prepare_v2 (db, "SELECT id FROM cis WHERE site_id = ? ORDER BY name, id",
                           -1, &stmt, NULL);
  for (guint i = 0; rc == SQLITE_OK && i < sites->len; i++)
    {
      sqlite3_bind_int64 (stmt, 1, g_array_index (sites, gint64, i));
      ids_from_statement (stmt, ids, max_id, &rc);
      sqlite3_reset (stmt);
      if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    goto failed;

  return g_steal_pointer (&ids);

failed:
  set_error (error, db, rc, cancellable);
  return NULL;
}

typedef struct
{
  const char *value;
  guint32     name_rank;
  guint32     id;
} Pair;

static int
compare_pairs (const void *a,
               const void *b)
{
  const Pair *pa = a;
  const Pair *pb = b;
  int cmp = cw_inventory_natural_compare (pa->value, pb->value);

  if (cmp != 0)
    return cmp;

  return (pa->name_rank > pb->name_rank) - (pa->name_rank < pb->name_rank);
}

static int
compare_strings (const void *a,
                 const void *b)
{
  return cw_inventory_natural_compare (*(const char * const *) a, *(const char * const *) b);
}

/* Fields with few distinct values (classes, models, versions, statuses):
 * number the distinct values in order, then place the ids bucket by bucket
 * walking the name order, so ties stay in name order. */
static GArray *
order_by_buckets (sqlite3       *db,
                  const char    *column,
                  GArray        *name_order,
                  guint32        max_id,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GHashTable) distinct = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GStringChunk) chunk = g_string_chunk_new (4096);
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  g_autoptr(GArray) ids = NULL;
  g_autofree guint32 *value_of = g_new0 (guint32, (gsize) max_id + 1);
  g_autofree guint32 *rank_of = NULL;
  g_autofree guint32 *starts = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  /* Value 0 is "no value": it sorts first. */
  g_ptr_array_add (values, (gpointer) "");

  sql = g_strdup_printf ("SELECT id, %s FROM cis", column);
  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);
          const char *text = (const char *) sqlite3_column_text (stmt, 1);
          gpointer found;

          if (id <= 0 || id > max_id || text == NULL || text[0] == '\0')
            continue;

          found = g_hash_table_lookup (distinct, text);
          if (found == NULL)
            {
              char *copy = g_string_chunk_insert (chunk, text);

              found = GUINT_TO_POINTER (values->len);
              g_ptr_array_add (values, copy);
              g_hash_table_insert (distinct, copy, found);
            }
          value_of[id] = GPOINTER_TO_UINT (found);
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      set_error (error, db, rc, cancellable);
      return NULL;
    }

  /* Rank the distinct values, then count how many CIs fall in each rank. */
  {
    g_autofree const char **sorted = g_new (const char *, values->len);
    g_autoptr(GHashTable) rank_by_text = g_hash_table_new (g_direct_hash, g_direct_equal);

    memcpy (sorted, values->pdata, values->len * sizeof (char *));
    qsort (sorted + 1, values->len - 1, sizeof (char *), compare_strings);
    for (guint r = 0; r < values->len; r++)
      g_hash_table_insert (rank_by_text, (gpointer) sorted[r], GUINT_TO_POINTER (r));

    rank_of = g_new (guint32, values->len);
    for (guint v = 0; v < values->len; v++)
      rank_of[v] = GPOINTER_TO_UINT (g_hash_table_lookup (rank_by_text, values->pdata[v]));
  }

  starts = g_new0 (guint32, values->len + 1);
  for (guint i = 0; i < name_order->len; i++)
    starts[rank_of[value_of[g_array_index (name_order, guint32, i)]] + 1]++;
  for (guint r = 0; r < values->len; r++)
    starts[r + 1] += starts[r];

  ids = g_array_sized_new (FALSE, FALSE, sizeof (guint32), name_order->len);
  g_array_set_size (ids, name_order->len);
  for (guint i = 0; i < name_order->len; i++)
    {
      guint32 id = g_array_index (name_order, guint32, i);
      guint32 rank = rank_of[value_of[id]];

      g_array_index (ids, guint32, starts[rank]++) = id;
    }

  return g_steal_pointer (&ids);
}

/* Fields with a value per CI (serials, asset tags, addresses): sort the
 * pairs (value, name rank) outright. */
static GArray *
order_by_pairs (sqlite3       *db,
                const char    *column,
                GArray        *name_order,
                guint32        max_id,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GStringChunk) chunk = g_string_chunk_new (1 << 16);
  g_autofree guint32 *name_rank = g_new0 (guint32, (gsize) max_id + 1);
  g_autoptr(GArray) pairs = g_array_sized_new (FALSE, FALSE, sizeof (Pair), name_order->len);
  g_autoptr(GArray) ids = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  for (guint i = 0; i < name_order->len; i++)
    name_rank[g_array_index (name_order, guint32, i)] = i;

  sql = g_strdup_printf ("SELECT id, %s FROM cis", column);
  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);
          const char *text = (const char *) sqlite3_column_text (stmt, 1);
          Pair pair;

          if (id <= 0 || id > max_id)
            continue;

          pair.id = (guint32) id;
          pair.name_rank = name_rank[id];
          pair.value = (text != NULL && text[0] != '\0') ? g_string_chunk_insert (chunk, text) : "";
          g_array_append_val (pairs, pair);
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      set_error (error, db, rc, cancellable);
      return NULL;
    }

  /* Sorting a million values takes a second: not for a query that is
   * already cancelled. */
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  qsort (pairs->data, pairs->len, sizeof (Pair), compare_pairs);

  ids = g_array_sized_new (FALSE, FALSE, sizeof (guint32), pairs->len);
  for (guint i = 0; i < pairs->len; i++)
    g_array_append_val (ids, g_array_index (pairs, Pair, i).id);

  return g_steal_pointer (&ids);
}

static GArray *get_order (CwInventorySearcher  *self,
                          CwCiField             field,
                          GCancellable         *cancellable,
                          GError              **error);

static GArray *
compute_order (CwInventorySearcher  *self,
               CwCiField             field,
               GCancellable         *cancellable,
               GError              **error)
{
  sqlite3 *db = cw_store_get_handle (self->store);
  const char *column;
  GArray *name_order;

  switch (field)
    {
    case CW_CI_FIELD_NAME:
      return order_by_sql (db, "SELECT id FROM cis ORDER BY name, id", self->max_id,
                           cancellable, error);

    case CW_CI_FIELD_SITE:
      return order_by_site (db, self->max_id, cancellable, error);

    case CW_CI_FIELD_CLASS:
    case CW_CI_FIELD_MANUFACTURER:
    case CW_CI_FIELD_MODEL:
    case CW_CI_FIELD_FIRMWARE_VERSION:
    case CW_CI_FIELD_OS_VERSION:
    case CW_CI_FIELD_LIFECYCLE_STATUS:
    case CW_CI_FIELD_OPERATIONAL_STATUS:
      name_order = get_order (self, CW_CI_FIELD_NAME, cancellable, error);
      if (name_order == NULL)
        return NULL;
      column = cw_inventory_field_column (field);
      return order_by_buckets (db, column, name_order, self->max_id, cancellable, error);

    case CW_CI_FIELD_SERIAL:
    case CW_CI_FIELD_ASSET_TAG:
    case CW_CI_FIELD_IP_ADDRESS:
    case CW_CI_FIELD_SYS_ID:
    case CW_CI_FIELD_NOTES:
    case CW_CI_N_FIELDS:
    default:
      name_order = get_order (self, CW_CI_FIELD_NAME, cancellable, error);
      if (name_order == NULL)
        return NULL;
      column = cw_inventory_field_column (field);
      return order_by_pairs (db, column, name_order, self->max_id, cancellable, error);
    }
}

/* Borrowed: the cache keeps it. */
static GArray *
get_order (CwInventorySearcher  *self,
           CwCiField             field,
           GCancellable         *cancellable,
           GError              **error)
{
  if (self->orders[field] == NULL)
    {
      gint64 start = g_get_monotonic_time ();

      self->orders[field] = compute_order (self, field, cancellable, error);
      if (self->orders[field] != NULL)
        g_debug ("Order by %s: %u CIs in %.1f ms", cw_ci_field_get_key (field),
                 self->orders[field]->len, (g_get_monotonic_time () - start) / 1000.0);
    }

  return self->orders[field];
}

/* ---- step 2: the set of hits --------------------------------------------- */

static void
append_placeholders (GString *sql,
                     guint    n)
{
  for (guint i = 0; i < n; i++)
    g_string_append (sql, i == 0 ? "?" : ", ?");
}

/* Returns a bitmap of max_id + 1 bits. */
static guint8 *
collect_hits (CwInventorySearcher     *self,
              const CwInventoryQuery  *query,
              GCancellable            *cancellable,
              GError                 **error)
{
  sqlite3 *db = cw_store_get_handle (self->store);
  g_autofree char *match = cw_inventory_index_build_match (cw_inventory_query_get_text (query));
  g_autoptr(GString) where = g_string_new (NULL);
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GPtrArray) params = g_ptr_array_new ();
  g_autofree guint8 *bits = g_new0 (guint8, self->max_id / 8 + 1);
  const char *version = cw_inventory_query_get_version (query);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (match != NULL)
    g_ptr_array_add (params, match);

  for (guint f = 0; f < CW_CI_N_FIELDS; f++)
    {
      const char * const *values = cw_inventory_query_get_filter (query, f);
      guint n_values = values != NULL ? g_strv_length ((GStrv) values) : 0;

      if (n_values == 0)
        continue;

      if (where->len > 0)
        g_string_append (where, " AND ");

      if (f == CW_CI_FIELD_SITE)
        g_string_append (where, "site_id IN (SELECT id FROM sites WHERE code IN (");
      else
        g_string_append_printf (where, "%s IN (", cw_inventory_field_column (f));
      append_placeholders (where, n_values);
      g_string_append (where, f == CW_CI_FIELD_SITE ? "))" : ")");

      for (guint i = 0; i < n_values; i++)
        g_ptr_array_add (params, (gpointer) values[i]);
    }

  if (version != NULL)
    {
      if (where->len > 0)
        g_string_append (where, " AND ");
      g_string_append (where, "(firmware_version = ? OR os_version = ?)");
      g_ptr_array_add (params, (gpointer) version);
      g_ptr_array_add (params, (gpointer) version);
    }

  if (match != NULL && where->len == 0)
    g_string_append (sql, "SELECT rowid FROM cis_fts WHERE cis_fts MATCH ?");
  else if (match != NULL)
    g_string_append_printf (sql, "SELECT id FROM cis WHERE id IN "
                                 "(SELECT rowid FROM cis_fts WHERE cis_fts MATCH ?) AND %s",
                            where->str);
  else if (where->len > 0)
    g_string_append_printf (sql, "SELECT id FROM cis WHERE %s", where->str);
  else
    return g_steal_pointer (&bits);   /* only punctuation was typed: no hits */

  rc = sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      for (guint i = 0; i < params->len; i++)
        sqlite3_bind_text (stmt, (int) i + 1, params->pdata[i], -1, SQLITE_STATIC);

      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);

          if (id > 0 && id <= self->max_id)
            bits[id >> 3] |= (guint8) (1u << (id & 7));
        }
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      set_error (error, db, rc, cancellable);
      return NULL;
    }

  return g_steal_pointer (&bits);
}

/* ---- the query ----------------------------------------------------------- */

static gboolean
prepare (CwInventorySearcher  *self,
         GCancellable         *cancellable,
         GError              **error)
{
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;
  gint64 data_version = -1;
  gint64 max_id = 0;
  int rc;

  if (self->store == NULL)
    {
      self->store = cw_store_open (self->path, CW_STORE_OPEN_READ_ONLY, error);
      if (self->store == NULL)
        return FALSE;
    }

  db = cw_store_get_handle (self->store);
  sqlite3_progress_handler (db, 4000, progress_handler, cancellable);

  rc = sqlite3_prepare_v2 (db, "PRAGMA data_version", -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    data_version = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  if (data_version < 0)
    return set_error (error, db, rc, cancellable);

  if (data_version == self->data_version)
    return TRUE;

  /* The workspace changed: forget every order. */
  for (guint i = 0; i < CW_CI_N_FIELDS; i++)
    g_clear_pointer (&self->orders[i], g_array_unref);

  rc = sqlite3_prepare_v2 (db, "SELECT ifnull (max (id), 0) FROM cis", -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      max_id = sqlite3_column_int64 (stmt, 0);
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    return set_error (error, db, rc, cancellable);

  if (max_id > G_MAXUINT32 - 1)
    {
      g_set_error (error, CW_INVENTORY_ERROR, CW_INVENTORY_ERROR_TOO_LARGE,
                   "Configuration item ids go beyond %u", G_MAXUINT32 - 1);
      return FALSE;
    }

  self->max_id = (guint32) max_id;
  self->data_version = data_version;

  return TRUE;
}

static GArray *
run_locked (CwInventorySearcher     *self,
            const CwInventoryQuery  *query,
            GCancellable            *cancellable,
            GError                 **error)
{
  g_autofree guint8 *bits = NULL;
  GArray *order;
  GArray *result;
  gboolean descending;
  CwCiField sort = cw_inventory_query_get_sort (query, &descending);

  if (!prepare (self, cancellable, error))
    return NULL;

  order = get_order (self, sort, cancellable, error);
  if (order == NULL)
    return NULL;

  if (cw_inventory_query_has_filters (query))
    {
      bits = collect_hits (self, query, cancellable, error);
      if (bits == NULL)
        return NULL;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  result = g_array_sized_new (FALSE, FALSE, sizeof (guint32), bits == NULL ? order->len : 256);
  for (guint i = 0; i < order->len; i++)
    {
      guint32 id = g_array_index (order, guint32, descending ? order->len - 1 - i : i);

      if (bits == NULL || (bits[id >> 3] & (1u << (id & 7))) != 0)
        g_array_append_val (result, id);
    }

  return result;
}

GArray *
cw_inventory_searcher_run (CwInventorySearcher     *self,
                           const CwInventoryQuery  *query,
                           GCancellable            *cancellable,
                           GError                 **error)
{
  g_autoptr(GCancellable) own = NULL;
  GArray *result;

  g_return_val_if_fail (CW_IS_INVENTORY_SEARCHER (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  /* The progress handler needs a cancellable to look at. */
  if (cancellable == NULL)
    cancellable = own = g_cancellable_new ();

  g_mutex_lock (&self->lock);
  result = run_locked (self, query, cancellable, error);
  if (self->store != NULL)
    sqlite3_progress_handler (cw_store_get_handle (self->store), 0, NULL, NULL);
  g_mutex_unlock (&self->lock);

  return result;
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  GError *error = NULL;
  GArray *ids;

  if (g_task_return_error_if_cancelled (task))
    return;

  ids = cw_inventory_searcher_run (source_object, task_data, cancellable, &error);
  if (ids == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, ids, (GDestroyNotify) g_array_unref);
}

void
cw_inventory_searcher_run_async (CwInventorySearcher    *self,
                                 const CwInventoryQuery *query,
                                 GCancellable           *cancellable,
                                 GAsyncReadyCallback     callback,
                                 gpointer                user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CW_IS_INVENTORY_SEARCHER (self));
  g_return_if_fail (query != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cw_inventory_searcher_run_async);
  g_task_set_task_data (task, cw_inventory_query_copy (query),
                        (GDestroyNotify) cw_inventory_query_free);
  g_task_run_in_thread (task, run_thread);
}

/* Computes the orders no query asked for yet, one field at a time, so that
 * the first click on a column header finds its order ready. A query that
 * comes in meanwhile waits for at most one field. */
static void
warm_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  CwInventorySearcher *self = source_object;

  for (CwCiField field = 0; field < CW_CI_N_FIELDS; field++)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok;

      if (g_task_return_error_if_cancelled (task))
        return;

      g_mutex_lock (&self->lock);
      ok = prepare (self, cancellable, &error) &&
           get_order (self, field, cancellable, &error) != NULL;
      if (self->store != NULL)
        sqlite3_progress_handler (cw_store_get_handle (self->store), 0, NULL, NULL);
      g_mutex_unlock (&self->lock);

      if (!ok)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }

      g_thread_yield ();
    }

  g_task_return_boolean (task, TRUE);
}

void
cw_inventory_searcher_warm_async (CwInventorySearcher *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GCancellable) own = NULL;

  g_return_if_fail (CW_IS_INVENTORY_SEARCHER (self));

  /* The progress handler needs a cancellable to look at. */
  if (cancellable == NULL)
    cancellable = own = g_cancellable_new ();

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cw_inventory_searcher_warm_async);
  g_task_set_priority (task, G_PRIORITY_LOW);
  g_task_run_in_thread (task, warm_thread);
}

gboolean
cw_inventory_searcher_warm_finish (CwInventorySearcher  *self,
                                   GAsyncResult         *result,
                                   GError              **error)
{
  g_return_val_if_fail (CW_IS_INVENTORY_SEARCHER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

GArray *
cw_inventory_searcher_run_finish (CwInventorySearcher  *self,
                                  GAsyncResult         *result,
                                  GError              **error)
{
  g_return_val_if_fail (CW_IS_INVENTORY_SEARCHER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
