/* cw-compat-drift.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-compat-drift"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cw-compat-check-private.h"
#include "cw-compat-private.h"
#include "cw-inventory-private.h"
#include "cw-store-private.h"
#include "cw-version.h"

/* Bound parameters per statement of cw_compat_check_read_ids(). */
#define CHUNK_SIZE 500

/* How many CIs the drift scan reads between two looks at its cancellable. */
#define CANCEL_EVERY 4096

void
cw_compat_drift_row_free (CwCompatDriftRow *row)
{
  if (row == NULL)
    return;

  g_free (row->product_name);
  g_free (row->approved);
  g_free (row->site_code);
  g_free (row->version);
  g_free (row);
}

/* ---- linking CIs to products in bulk -------------------------------------- */

/* Two caches: which rules a kind of device (class, manufacturer, model)
 * matches, whatever its versions; and what a rule makes of one value of its
 * field. Both ask cw_compat_rule_matches(), so the rules mean what they mean
 * everywhere else. */
struct _CwCompatLinker
{
  GPtrArray    *rules;            /* CwCompatRule */
  GHashTable   *by_manufacturer;  /* case-folded manufacturer -> GArray of rule indices */
  GArray       *any;              /* indices of the rules for any manufacturer */
  GHashTable   *devices;          /* class, manufacturer, model -> GArray of rule indices */
  GPtrArray    *values;           /* per rule: a field's value -> version, or NULL */
  GStringChunk *strings;
  GString      *key;
};

CwCompatLinker *
cw_compat_linker_new (GPtrArray *rules)
{
  CwCompatLinker *linker;

  g_return_val_if_fail (rules != NULL, NULL);

  linker = g_new0 (CwCompatLinker, 1);
  linker->rules = g_ptr_array_ref (rules);
  linker->by_manufacturer = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                   (GDestroyNotify) g_array_unref);
  linker->any = g_array_new (FALSE, FALSE, sizeof (guint));
  linker->devices = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify) g_array_unref);
  linker->values = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  linker->strings = g_string_chunk_new (4096);
  linker->key = g_string_new (NULL);

  for (guint i = 0; i < rules->len; i++)
    {
      const CwCompatRule *rule = g_ptr_array_index (rules, i);
      g_autofree char *folded = NULL;
      GArray *bucket;

      g_ptr_array_add (linker->values, g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL));
      if (rule->manufacturer == NULL || rule->manufacturer[0] == '\0')
        {
          g_array_append_val (linker->any, i);
          continue;
        }

      folded = g_utf8_casefold (rule->manufacturer, -1);
      bucket = g_hash_table_lookup (linker->by_manufacturer, folded);
      if (bucket == NULL)
        {
          bucket = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (linker->by_manufacturer, g_steal_pointer (&folded), bucket);
        }
      g_array_append_val (bucket, i);
    }

  return linker;
}

void
cw_compat_linker_free (CwCompatLinker *linker)
{
  if (linker == NULL)
    return;

  g_ptr_array_unref (linker->rules);
  g_hash_table_unref (linker->by_manufacturer);
  g_array_unref (linker->any);
  g_hash_table_unref (linker->devices);
  g_ptr_array_unref (linker->values);
  g_string_chunk_free (linker->strings);
  g_string_free (linker->key, TRUE);
  g_free (linker);
}

static void
append_key (GString    *key,
            const char *value)
{
  /* \x01 stands for NULL, which a rule may tell from "". */
  g_string_append (key, value != NULL ? value : "\x01");
  g_string_append_c (key, '\x1f');
}

/* The rules that match a device of this class, manufacturer and model, in
 * rule order: a CI without versions matches every one of them. */
static GArray *
linker_device_rules (CwCompatLinker     *linker,
                     const char * const *values)
{
  const char *device[CW_CI_N_FIELDS] = { NULL, };
  const char *manufacturer = values[CW_CI_FIELD_MANUFACTURER];
  g_autoptr(CwCi) ci = NULL;
  GArray *bucket = NULL;
  GArray *rules;
  guint a = 0;
  guint b = 0;

  g_string_truncate (linker->key, 0);
  append_key (linker->key, values[CW_CI_FIELD_CLASS]);
  append_key (linker->key, manufacturer);
  append_key (linker->key, values[CW_CI_FIELD_MODEL]);
  rules = g_hash_table_lookup (linker->devices, linker->key->str);
  if (rules != NULL)
    return rules;

  rules = g_array_new (FALSE, FALSE, sizeof (guint));
  g_hash_table_insert (linker->devices, g_strdup (linker->key->str), rules);

  if (manufacturer != NULL && manufacturer[0] != '\0')
    {
      g_autofree char *folded = g_utf8_casefold (manufacturer, -1);

      bucket = g_hash_table_lookup (linker->by_manufacturer, folded);
    }
  if (bucket == NULL && linker->any->len == 0)
    return rules;

  device[CW_CI_FIELD_CLASS] = values[CW_CI_FIELD_CLASS];
  device[CW_CI_FIELD_MANUFACTURER] = manufacturer;
  device[CW_CI_FIELD_MODEL] = values[CW_CI_FIELD_MODEL];
  ci = cw_ci_new (0, device, 0, NULL, NULL);

  /* Both lists are in rule order: merge them to keep it. */
  while ((bucket != NULL && a < bucket->len) || b < linker->any->len)
    {
      guint next;

      if (bucket != NULL && a < bucket->len &&
          (b >= linker->any->len ||
           g_array_index (bucket, guint, a) < g_array_index (linker->any, guint, b)))
        next = g_array_index (bucket, guint, a++);
      else
        next = g_array_index (linker->any, guint, b++);

      if (cw_compat_rule_matches (g_ptr_array_index (linker->rules, next), ci, NULL))
        g_array_append_val (rules, next);
    }

  return rules;
}

/* What rule @index makes of @values: the version, or NULL when the field
 * does not fit it (its prefix is missing). */
static const char *
linker_version (CwCompatLinker     *linker,
                guint               index,
                const char * const *values)
{
  const CwCompatRule *rule = g_ptr_array_index (linker->rules, index);
  const char *value = values[rule->field];
  GHashTable *known = g_ptr_array_index (linker->values, index);
  const char *device[CW_CI_N_FIELDS] = { NULL, };
  g_autoptr(CwCi) ci = NULL;
  g_autofree char *version = NULL;
  const char *found;
  gpointer cached;

  if (value == NULL || value[0] == '\0')
    return "";

  if (g_hash_table_lookup_extended (known, value, NULL, &cached))
    return cached;

  device[CW_CI_FIELD_CLASS] = values[CW_CI_FIELD_CLASS];
  device[CW_CI_FIELD_MANUFACTURER] = values[CW_CI_FIELD_MANUFACTURER];
  device[CW_CI_FIELD_MODEL] = values[CW_CI_FIELD_MODEL];
  device[rule->field] = value;
  ci = cw_ci_new (0, device, 0, NULL, NULL);
  found = cw_compat_rule_matches (rule, ci, &version)
          ? g_string_chunk_insert_const (linker->strings, version != NULL ? version : "")
          : NULL;
  g_hash_table_insert (known, g_strdup (value), (gpointer) found);

  return found;
}

void
cw_compat_linker_match (CwCompatLinker     *linker,
                        const char * const *values,
                        GArray             *runs)
{
  GArray *rules = linker_device_rules (linker, values);
  guint first = runs->len;

  for (guint i = 0; i < rules->len; i++)
    {
      guint index = g_array_index (rules, guint, i);
      const CwCompatRule *rule = g_ptr_array_index (linker->rules, index);
      gboolean linked = FALSE;
      CwCompatRun run;

      /* The first rule of a product that matches decides. */
      for (guint r = first; r < runs->len && !linked; r++)
        linked = g_array_index (runs, CwCompatRun, r).product_id == rule->product_id;
      if (linked)
        continue;

      run.version = linker_version (linker, index, values);
      if (run.version == NULL)
        continue;
      run.product_id = rule->product_id;
      g_array_append_val (runs, run);
    }
}

/* ---- bulk reads ------------------------------------------------------------ */

static sqlite3_stmt *
prepare_chunk (sqlite3     *db,
               const char  *sql,
               guint        n,
               GError     **error)
{
  g_autoptr(GString) list = g_string_new (NULL);
  g_autoptr(GString) text = g_string_new (sql);
  sqlite3_stmt *stmt = NULL;
  int rc;

  for (guint i = 1; i <= n; i++)
    g_string_append_printf (list, i > 1 ? ",?%u" : "?%u", i);
  g_string_replace (text, "%s", list->str, 0);

  rc = sqlite3_prepare_v2 (db, text->str, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      cw_store_set_sql_error (error, db, rc, _("Could not read the compatibility matrix"));
      return NULL;
    }

  return stmt;
}

gboolean
cw_compat_check_read_ids (sqlite3          *db,
                          const char       *sql,
                          const gint64     *ids,
                          guint             n_ids,
                          CwCompatRowFunc   func,
                          gpointer          user_data,
                          GError          **error)
{
  sqlite3_stmt *stmt = NULL;
  guint prepared_for = 0;

  for (guint start = 0; start < n_ids; start += CHUNK_SIZE)
    {
      guint n = MIN (CHUNK_SIZE, n_ids - start);
      int rc;

      if (n != prepared_for)
        {
          g_clear_pointer (&stmt, sqlite3_finalize);
          stmt = prepare_chunk (db, sql, n, error);
          if (stmt == NULL)
            return FALSE;
          prepared_for = n;
        }
      else
        {
          sqlite3_reset (stmt);
        }

      for (guint i = 0; i < n; i++)
        sqlite3_bind_int64 (stmt, (int) i + 1, ids[start + i]);

      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          if (!func (stmt, user_data))
            {
              sqlite3_finalize (stmt);
              return FALSE;
            }
        }
      if (rc != SQLITE_DONE)
        {
          cw_store_set_sql_error (error, db, rc, _("Could not read the compatibility matrix"));
          sqlite3_finalize (stmt);
          return FALSE;
        }
    }

  g_clear_pointer (&stmt, sqlite3_finalize);
  return TRUE;
}

/* ---- drift ------------------------------------------------------------------ */

typedef struct
{
  gint64       product_id;
  const char  *name;
  const char  *approved;
} DriftProduct;

static int
compare_drift_rows (gconstpointer a,
                    gconstpointer b)
{
  const CwCompatDriftRow *ra = *(const CwCompatDriftRow * const *) a;
  const CwCompatDriftRow *rb = *(const CwCompatDriftRow * const *) b;
  int cmp = _cw_compat_name_compare (ra->product_name, rb->product_name);

  if (cmp != 0)
    return cmp;
  if (ra->product_id != rb->product_id)
    return ra->product_id < rb->product_id ? -1 : 1;
  cmp = cw_inventory_natural_compare (ra->site_code, rb->site_code);
  if (cmp != 0)
    return cmp;

  return cw_version_compare (ra->version, rb->version);
}

static gboolean
read_approved (sqlite3     *db,
               GHashTable  *approved,
               GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db,
                               "SELECT product_id, version FROM compat_versions WHERE approved = 1",
                               -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 *id = g_new (gint64, 1);

          *id = sqlite3_column_int64 (stmt, 0);
          g_hash_table_insert (approved, id,
                               g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
        }
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    return cw_store_set_sql_error (error, db, rc, _("Could not read the compatibility matrix"));

  return TRUE;
}

/* Explicit components of the approved products: ci id -> GArray of CwCompatRun. */
static gboolean
read_explicit (sqlite3       *db,
               GHashTable    *approved,
               GHashTable    *explicit,
               GStringChunk  *strings,
               GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, "SELECT ci_id, product_id, version FROM compat_ci_components",
                               -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 ci_id = sqlite3_column_int64 (stmt, 0);
          CwCompatRun run = { sqlite3_column_int64 (stmt, 1), NULL };
          GArray *runs;

          if (!g_hash_table_contains (approved, &run.product_id))
            continue;
          run.version = g_string_chunk_insert_const (strings,
                                                     (const char *) sqlite3_column_text (stmt, 2));
          runs = g_hash_table_lookup (explicit, &ci_id);
          if (runs == NULL)
            {
              gint64 *key = g_new (gint64, 1);

              *key = ci_id;
              runs = g_array_new (FALSE, FALSE, sizeof (CwCompatRun));
              g_hash_table_insert (explicit, key, runs);
            }
          g_array_append_val (runs, run);
        }
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    return cw_store_set_sql_error (error, db, rc, _("Could not read the compatibility matrix"));

  return TRUE;
}

static void
drift_count (GHashTable         *rows,
             GPtrArray          *result,
             GString            *key,
             const DriftProduct *product,
             const char         *site_code,
             const char         *version)
{
  CwCompatDriftRow *row;

  if (version[0] != '\0' && cw_version_equivalent (version, product->approved))
    return;

  g_string_printf (key, "%" G_GINT64_FORMAT "\x1f%s\x1f%s", product->product_id, site_code, version);
  row = g_hash_table_lookup (rows, key->str);
  if (row == NULL)
    {
      row = g_new0 (CwCompatDriftRow, 1);
      row->product_id = product->product_id;
      row->product_name = g_strdup (product->name);
      row->approved = g_strdup (product->approved);
      row->site_code = g_strdup (site_code);
      row->version = g_strdup (version);
      g_hash_table_insert (rows, g_strdup (key->str), row);
      g_ptr_array_add (result, row);
    }
  row->n_cis++;
}

GPtrArray *
cw_compat_drift (CwStore       *store,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func ((GDestroyNotify) cw_compat_drift_row_free);
  g_autoptr(GHashTable) approved = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GHashTable) explicit = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                          (GDestroyNotify) g_array_unref);
  g_autoptr(GHashTable) rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GStringChunk) strings = g_string_chunk_new (4096);
  g_autoptr(GString) key = g_string_new (NULL);
  g_autoptr(GPtrArray) products = NULL;
  g_autoptr(GPtrArray) all_rules = NULL;
  g_autoptr(GPtrArray) rules = g_ptr_array_new ();
  g_autoptr(CwCompatLinker) linker = NULL;
  g_autoptr(GArray) tracked = g_array_new (FALSE, FALSE, sizeof (DriftProduct));
  g_autoptr(GArray) ruled = g_array_new (FALSE, FALSE, sizeof (CwCompatRun));
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;
  guint n_read = 0;
  int rc;

  g_return_val_if_fail (CW_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  db = cw_store_get_handle (store);
  products = cw_compat_list_products (store, error);
  if (products == NULL || !read_approved (db, approved, error))
    return NULL;
  if (g_hash_table_size (approved) == 0)
    return g_steal_pointer (&result);

  for (guint i = 0; i < products->len; i++)
    {
      CwCompatProduct *product = g_ptr_array_index (products, i);
      const char *version = g_hash_table_lookup (approved, &product->id);
      DriftProduct tracked_product = { product->id, product->name, version };

      if (version != NULL)
        g_array_append_val (tracked, tracked_product);
    }
  for (guint i = 0; i < tracked->len; i++)
    {
      DriftProduct *product = &g_array_index (tracked, DriftProduct, i);

      g_hash_table_insert (by_id, &product->product_id, product);
    }

  all_rules = cw_compat_list_all_rules (store, error);
  if (all_rules == NULL)
    return NULL;
  for (guint i = 0; i < all_rules->len; i++)
    {
      CwCompatRule *rule = g_ptr_array_index (all_rules, i);

      if (g_hash_table_contains (by_id, &rule->product_id))
        g_ptr_array_add (rules, rule);
    }
  linker = cw_compat_linker_new (rules);

  if (!read_explicit (db, approved, explicit, strings, error))
    return NULL;

  rc = sqlite3_prepare_v2 (db,
                           "SELECT c.id, c.class, c.manufacturer, c.model, c.firmware_version, "
                           "c.os_version, s.code FROM cis c LEFT JOIN sites s ON s.id = c.site_id",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          const char *values[CW_CI_N_FIELDS] = { NULL, };
          gint64 id = sqlite3_column_int64 (stmt, 0);
          const char *site_code = (const char *) sqlite3_column_text (stmt, 6);
          GArray *listed;

          if (++n_read % CANCEL_EVERY == 0 && g_cancellable_is_cancelled (cancellable))
            break;

          values[CW_CI_FIELD_CLASS] = (const char *) sqlite3_column_text (stmt, 1);
          values[CW_CI_FIELD_MANUFACTURER] = (const char *) sqlite3_column_text (stmt, 2);
          values[CW_CI_FIELD_MODEL] = (const char *) sqlite3_column_text (stmt, 3);
          values[CW_CI_FIELD_FIRMWARE_VERSION] = (const char *) sqlite3_column_text (stmt, 4);
          values[CW_CI_FIELD_OS_VERSION] = (const char *) sqlite3_column_text (stmt, 5);
          if (site_code == NULL)
            site_code = "";

          g_array_set_size (ruled, 0);
          cw_compat_linker_match (linker, values, ruled);
          listed = g_hash_table_lookup (explicit, &id);

          /* An explicit component replaces the rule's match of its product. */
          for (guint i = 0; i < ruled->len; i++)
            {
              const CwCompatRun *run = &g_array_index (ruled, CwCompatRun, i);
              gboolean replaced = FALSE;

              for (guint j = 0; listed != NULL && j < listed->len; j++)
                replaced |= g_array_index (listed, CwCompatRun, j).product_id == run->product_id;
              if (!replaced)
                drift_count (rows, result, key, g_hash_table_lookup (by_id, &run->product_id),
                             site_code, run->version);
            }
          for (guint j = 0; listed != NULL && j < listed->len; j++)
            {
              const CwCompatRun *run = &g_array_index (listed, CwCompatRun, j);

              drift_count (rows, result, key, g_hash_table_lookup (by_id, &run->product_id),
                           site_code, run->version);
            }
        }
    }
  sqlite3_finalize (stmt);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (rc != SQLITE_DONE)
    {
      cw_store_set_sql_error (error, db, rc, _("Could not read the inventory"));
      return NULL;
    }

  g_ptr_array_sort (result, compare_drift_rows);

  return g_steal_pointer (&result);
}
