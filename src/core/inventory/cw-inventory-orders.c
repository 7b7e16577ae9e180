/* cw-inventory-orders.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-inventory-orders"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cw-inventory-private.h"
#include "cw-inventory-searcher-private.h"

/* The order of every CI for a sort field, computed once by the searcher
 * and kept: a query then walks it and keeps its hits, so no query ever
 * sorts. Ties are in name order. */

static void
ids_from_statement (sqlite3_stmt *stmt,
                    GArray       *ids,
                    guint32       max_id,
                    int          *rc)
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
}

gboolean
_cw_inventory_field_has_few_values (CwCiField field)
{
  switch (field)
    {
    case CW_CI_FIELD_CLASS:
    case CW_CI_FIELD_MANUFACTURER:
    case CW_CI_FIELD_MODEL:
    case CW_CI_FIELD_FIRMWARE_VERSION:
    case CW_CI_FIELD_OS_VERSION:
    case CW_CI_FIELD_LIFECYCLE_STATUS:
    case CW_CI_FIELD_OPERATIONAL_STATUS:
      return TRUE;

    case CW_CI_FIELD_NAME:
    case CW_CI_FIELD_SITE:
    case CW_CI_FIELD_SERIAL:
    case CW_CI_FIELD_ASSET_TAG:
    case CW_CI_FIELD_IP_ADDRESS:
    case CW_CI_FIELD_SYS_ID:
    case CW_CI_FIELD_NOTES:
    case CW_CI_N_FIELDS:
    default:
      return FALSE;
    }
}

/* Through the name index. */
GArray *
_cw_inventory_order_by_name (sqlite3       *db,
                             guint32        max_id,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_autoptr(GArray) ids = g_array_sized_new (FALSE, FALSE, sizeof (guint32), (guint) max_id);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "SELECT id FROM cis ORDER BY name, id", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    ids_from_statement (stmt, ids, max_id, &rc);
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      _cw_inventory_searcher_set_error (error, db, rc, cancellable);
      return NULL;
    }

  return g_steal_pointer (&ids);
}

/* By site code, then name, through the (site_id, name) index; CIs without
 * a site come first. */
GArray *
_cw_inventory_order_by_site (sqlite3       *db,
                             guint32        max_id,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_autoptr(GArray) ids = g_array_sized_new (FALSE, FALSE, sizeof (guint32), (guint) max_id);
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
  _cw_inventory_searcher_set_error (error, db, rc, cancellable);
  return NULL;
}

/* ---- fields with few values ---------------------------------------------- */

/* The distinct values of one field, numbered as they come; 0 is "no
 * value", which sorts first. */
typedef struct
{
  GHashTable *numbers;     /* text → number */
  GPtrArray  *texts;       /* number → text */
  guint32    *number_of;   /* id → number */
} Values;

static void
values_clear (Values *values)
{
  g_clear_pointer (&values->numbers, g_hash_table_unref);
  g_clear_pointer (&values->texts, g_ptr_array_unref);
  g_clear_pointer (&values->number_of, g_free);
}

static int
compare_texts (const void *a,
               const void *b)
{
  return cw_inventory_natural_compare (*(const char * const *) a, *(const char * const *) b);
}

/* Ranks the distinct values in order, then places the ids rank by rank
 * walking the name order, so ties stay in name order. */
static GArray *
order_of_values (Values *values,
                 GArray *name_order)
{
  g_autofree const char **sorted = g_new (const char *, values->texts->len);
  g_autoptr(GHashTable) rank_by_text = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autofree guint32 *rank_of = g_new (guint32, values->texts->len);
  g_autofree guint32 *starts = g_new0 (guint32, values->texts->len + 1);
  GArray *ids;

  /* Values that compare equal ("17.9.1r" and "17.9.1R") share a rank: their
   * CIs stay in name order together. */
  memcpy (sorted, values->texts->pdata, values->texts->len * sizeof (char *));
  qsort (sorted + 1, values->texts->len - 1, sizeof (char *), compare_texts);
  for (guint r = 0, rank = 0; r < values->texts->len; r++)
    {
      if (r > 1 && cw_inventory_natural_compare (sorted[r - 1], sorted[r]) != 0)
        rank++;
      else if (r == 1)
        rank = 1;
      g_hash_table_insert (rank_by_text, (gpointer) sorted[r], GUINT_TO_POINTER (rank));
    }
  for (guint v = 0; v < values->texts->len; v++)
    rank_of[v] = GPOINTER_TO_UINT (g_hash_table_lookup (rank_by_text, values->texts->pdata[v]));

  /* How many CIs fall in each rank, then where each rank starts. */
  for (guint i = 0; i < name_order->len; i++)
    starts[rank_of[values->number_of[g_array_index (name_order, guint32, i)]] + 1]++;
  for (guint r = 0; r < values->texts->len; r++)
    starts[r + 1] += starts[r];

  ids = g_array_sized_new (FALSE, FALSE, sizeof (guint32), name_order->len);
  g_array_set_size (ids, name_order->len);
  for (guint i = 0; i < name_order->len; i++)
    {
      guint32 id = g_array_index (name_order, guint32, i);
      guint32 rank = rank_of[values->number_of[id]];

      g_array_index (ids, guint32, starts[rank]++) = id;
    }

  return ids;
}

gboolean
_cw_inventory_orders_by_values (sqlite3       *db,
                                const CwCiField *fields,
                                guint          n_fields,
                                GArray        *name_order,
                                guint32        max_id,
                                GArray       **orders,
                                GCancellable  *cancellable,
                                GError       **error)
{
  g_autoptr(GStringChunk) chunk = g_string_chunk_new (4096);
  g_autoptr(GString) sql = g_string_new ("SELECT id");
  g_autofree Values *values = g_new0 (Values, n_fields);
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;
  int rc;

  for (guint f = 0; f < n_fields; f++)
    {
      g_return_val_if_fail (_cw_inventory_field_has_few_values (fields[f]), FALSE);

      g_string_append_printf (sql, ", %s", cw_inventory_field_column (fields[f]));
      values[f].numbers = g_hash_table_new (g_str_hash, g_str_equal);
      values[f].texts = g_ptr_array_new ();
      values[f].number_of = g_new0 (guint32, (gsize) max_id + 1);
      g_ptr_array_add (values[f].texts, (gpointer) "");
    }
  g_string_append (sql, " FROM cis");

  rc = sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);

          if (id <= 0 || id > max_id)
            continue;

          for (guint f = 0; f < n_fields; f++)
            {
              const char *text = (const char *) sqlite3_column_text (stmt, (int) f + 1);
              gpointer number;

              if (text == NULL || text[0] == '\0')
                continue;

              number = g_hash_table_lookup (values[f].numbers, text);
              if (number == NULL)
                {
                  char *copy = g_string_chunk_insert (chunk, text);

                  number = GUINT_TO_POINTER (values[f].texts->len);
                  g_ptr_array_add (values[f].texts, copy);
                  g_hash_table_insert (values[f].numbers, copy, number);
                }
              values[f].number_of[id] = GPOINTER_TO_UINT (number);
            }
        }
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    _cw_inventory_searcher_set_error (error, db, rc, cancellable);
  else
    {
      for (guint f = 0; f < n_fields; f++)
        orders[f] = order_of_values (&values[f], name_order);
      ok = TRUE;
    }

  for (guint f = 0; f < n_fields; f++)
    values_clear (&values[f]);

  return ok;
}

/* ---- fields with a value per CI ------------------------------------------ */

typedef struct
{
  const char *value;
  guint32     name_rank;
  guint32     id;
  guint32     ipv4;
  gboolean    is_ipv4;
} Pair;

/* Four dot-separated numbers up to 255: their order as a number is the
 * natural order of the text (digit runs compare as numbers). */
static gboolean
parse_ipv4 (const char *text,
            guint32    *address)
{
  guint32 value = 0;

  for (guint part = 0; part < 4; part++)
    {
      guint octet = 0;
      guint digits = 0;

      for (; g_ascii_isdigit (*text); text++, digits++)
        {
          octet = octet * 10 + (guint) (*text - '0');
          if (octet > 255)
            return FALSE;
        }
      if (digits == 0 || *text != (part < 3 ? '.' : '\0'))
        return FALSE;
      if (part < 3)
        text++;

      value = (value << 8) | octet;
    }

  *address = value;
  return TRUE;
}

static int
compare_pairs (const void *a,
               const void *b)
{
  const Pair *pa = a;
  const Pair *pb = b;
  int cmp;

  if (pa->is_ipv4 && pb->is_ipv4)
    cmp = (pa->ipv4 > pb->ipv4) - (pa->ipv4 < pb->ipv4);
  else
    cmp = cw_inventory_natural_compare (pa->value, pb->value);

  if (cmp != 0)
    return cmp;

  return (pa->name_rank > pb->name_rank) - (pa->name_rank < pb->name_rank);
}

GArray *
_cw_inventory_order_by_pairs (sqlite3       *db,
                              CwCiField      field,
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
  gboolean numbers = field == CW_CI_FIELD_IP_ADDRESS;
  sqlite3_stmt *stmt = NULL;
  int rc;

  for (guint i = 0; i < name_order->len; i++)
    name_rank[g_array_index (name_order, guint32, i)] = i;

  sql = g_strdup_printf ("SELECT id, %s FROM cis", cw_inventory_field_column (field));
  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);
          const char *text = (const char *) sqlite3_column_text (stmt, 1);
          Pair pair = { "", 0, 0, 0, FALSE };

          if (id <= 0 || id > max_id)
            continue;

          pair.id = (guint32) id;
          pair.name_rank = name_rank[id];
          if (text != NULL && text[0] != '\0')
            {
              pair.value = g_string_chunk_insert (chunk, text);
              pair.is_ipv4 = numbers && parse_ipv4 (text, &pair.ipv4);
            }
          g_array_append_val (pairs, pair);
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _cw_inventory_searcher_set_error (error, db, rc, cancellable);
      return NULL;
    }

  /* Sorting a million values takes a while: not for a query that is
   * already cancelled. */
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  qsort (pairs->data, pairs->len, sizeof (Pair), compare_pairs);

  ids = g_array_sized_new (FALSE, FALSE, sizeof (guint32), pairs->len);
  for (guint i = 0; i < pairs->len; i++)
    g_array_append_val (ids, g_array_index (pairs, Pair, i).id);

  return g_steal_pointer (&ids);
}
