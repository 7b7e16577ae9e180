/* cw-compat-matrix.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-compat"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cw-compat-private.h"
#include "cw-compat.h"
#include "cw-store-private.h"
#include "cw-version.h"

/* ---- rule matching ------------------------------------------------------- */

/* The rest of @value after @prefix (compared ignoring case), or NULL. */
static const char *
skip_prefix (const char *value,
             const char *prefix)
{
  while (*prefix != '\0')
    {
      gunichar p = g_utf8_get_char (prefix);
      gunichar v = g_utf8_get_char (value);

      if (*value == '\0' || g_unichar_tolower (p) != g_unichar_tolower (v))
        return NULL;
      prefix = g_utf8_next_char (prefix);
      value = g_utf8_next_char (value);
    }

  return value;
}

gboolean
cw_compat_rule_matches (const CwCompatRule  *rule,
                        CwCi                *ci,
                        char               **version)
{
  const char *value;
  const char *rest;

  g_return_val_if_fail (rule != NULL, FALSE);
  g_return_val_if_fail (CW_IS_CI (ci), FALSE);

  if (version != NULL)
    *version = NULL;

  if (rule->field != CW_CI_FIELD_FIRMWARE_VERSION && rule->field != CW_CI_FIELD_OS_VERSION)
    return FALSE;

  if (rule->ci_class != NULL
      && g_strcmp0 (rule->ci_class, cw_ci_get_value (ci, CW_CI_FIELD_CLASS)) != 0)
    return FALSE;

  if (rule->manufacturer != NULL)
    {
      const char *manufacturer = cw_ci_get_value (ci, CW_CI_FIELD_MANUFACTURER);
      g_autofree char *want = g_utf8_casefold (rule->manufacturer, -1);
      g_autofree char *have = NULL;

      if (manufacturer == NULL)
        return FALSE;
      have = g_utf8_casefold (manufacturer, -1);
      if (strcmp (want, have) != 0)
        return FALSE;
    }

  if (rule->model_pattern != NULL)
    {
      const char *model = cw_ci_get_value (ci, CW_CI_FIELD_MODEL);
      g_autofree char *pattern = g_utf8_casefold (rule->model_pattern, -1);
      g_autofree char *have = g_utf8_casefold (model != NULL ? model : "", -1);

      if (!g_pattern_match_simple (pattern, have))
        return FALSE;
    }

  value = cw_ci_get_value (ci, rule->field);
  if (value == NULL || *value == '\0')
    {
      if (version != NULL)
        *version = g_strdup ("");
      return TRUE;
    }

  rest = skip_prefix (value, rule->version_prefix != NULL ? rule->version_prefix : "");
  if (rest == NULL)
    return FALSE;

  if (version != NULL)
    *version = g_strstrip (g_strdup (rest));

  return TRUE;
}

/* ---- rules --------------------------------------------------------------- */

static GPtrArray *
read_rules (CwStore       *store,
            sqlite3_stmt  *stmt,
            GError       **error)
{
  g_autoptr(GPtrArray) rules = g_ptr_array_new_with_free_func ((GDestroyNotify) cw_compat_rule_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rules, _cw_compat_rule_from_row (stmt));

  if (!_cw_compat_finish_read (store, stmt, rc, error))
    return NULL;

  return g_steal_pointer (&rules);
}

GPtrArray *
cw_compat_list_rules (CwStore  *store,
                      gint64    product_id,
                      GError  **error)
{
  g_autoptr(CwCompatProduct) product = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CW_IS_STORE (store), NULL);

  product = cw_compat_get_product (store, product_id, error);
  if (product == NULL)
    return NULL;

  stmt = _cw_compat_prepare (store, CW_COMPAT_SELECT_RULE "WHERE r.product_id = ? ORDER BY r.id", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, product_id);
  return read_rules (store, stmt, error);
}

GPtrArray *
cw_compat_list_all_rules (CwStore  *store,
                          GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CW_IS_STORE (store), NULL);

  stmt = _cw_compat_prepare (store, CW_COMPAT_SELECT_RULE "ORDER BY p.name, r.id", error);
  if (stmt == NULL)
    return NULL;

  return read_rules (store, stmt, error);
}

gint64
cw_compat_add_rule (CwStore             *store,
                    const CwCompatRule  *rule,
                    GError             **error)
{
  g_autoptr(CwCompatProduct) product = NULL;
  g_autofree char *manufacturer = NULL;
  g_autofree char *ci_class = NULL;
  g_autofree char *pattern = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CW_IS_STORE (store), 0);
  g_return_val_if_fail (rule != NULL, 0);

  if (rule->field != CW_CI_FIELD_FIRMWARE_VERSION && rule->field != CW_CI_FIELD_OS_VERSION)
    {
      _cw_compat_set_invalid (error, _("A rule reads the version from the firmware or the OS field "
                                       "of a CI. Choose one of those two fields."));
      return 0;
    }

  ci_class = _cw_compat_dup_trimmed (rule->ci_class);
  if (ci_class != NULL && !cw_ci_class_is_valid (ci_class))
    {
      g_set_error (error, CW_COMPAT_ERROR, CW_COMPAT_ERROR_INVALID_INPUT,
                   _("“%s” is not a CI class. Choose one of the classes of the inventory, "
                     "or none to match every class."), ci_class);
      return 0;
    }

  product = cw_compat_get_product (store, rule->product_id, error);
  if (product == NULL)
    return 0;

  manufacturer = _cw_compat_dup_trimmed (rule->manufacturer);
  pattern = _cw_compat_dup_trimmed (rule->model_pattern);

  stmt = _cw_compat_prepare_write (store,
                                   "INSERT INTO compat_rules (product_id, manufacturer, class, "
                                   "model_pattern, version_field, version_prefix) "
                                   "VALUES (?, ?, ?, ?, ?, ?)",
                                   error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, rule->product_id);
  _cw_compat_bind_text (stmt, 2, manufacturer);
  _cw_compat_bind_text (stmt, 3, ci_class);
  _cw_compat_bind_text (stmt, 4, pattern);
  _cw_compat_bind_text (stmt, 5, cw_ci_field_get_key (rule->field));
  _cw_compat_bind_text (stmt, 6, rule->version_prefix != NULL ? rule->version_prefix : "");
  if (!_cw_compat_step_write (store, stmt, NULL, error))
    return 0;

  return sqlite3_last_insert_rowid (cw_store_get_handle (store));
}

gboolean
cw_compat_delete_rule (CwStore  *store,
                       gint64    id,
                       GError  **error)
{
  g_return_val_if_fail (CW_IS_STORE (store), FALSE);

  return _cw_compat_write_by_id (store, "DELETE FROM compat_rules WHERE id = ?", id,
                                 CW_COMPAT_OBJECT_RULE,
                                 error);
}

/* ---- verdicts ------------------------------------------------------------ */

static CwCompatCell *
cell_from_row (sqlite3_stmt *stmt)
{
  CwCompatCell *cell = g_new0 (CwCompatCell, 1);

  cell->version_a = sqlite3_column_int64 (stmt, 0);
  cell->version_b = sqlite3_column_int64 (stmt, 1);
  if (!cw_compat_verdict_from_key ((const char *) sqlite3_column_text (stmt, 2), &cell->verdict))
    cell->verdict = CW_COMPAT_VERDICT_UNTESTED;
  cell->note = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  cell->source = g_strdup ((const char *) sqlite3_column_text (stmt, 4));

  return cell;
}

GPtrArray *
cw_compat_list_cells (CwStore  *store,
                      gint64    product_a,
                      gint64    product_b,
                      GError  **error)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func ((GDestroyNotify) cw_compat_cell_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CW_IS_STORE (store), NULL);

  stmt = _cw_compat_prepare (store,
                             "SELECT c.version_a, c.version_b, c.verdict, c.note, c.source "
                             "FROM compat_verdicts c "
                             "JOIN compat_versions x ON x.id = c.version_a "
                             "JOIN compat_versions y ON y.id = c.version_b "
                             "WHERE (x.product_id = ?1 AND y.product_id = ?2) "
                             "OR (x.product_id = ?2 AND y.product_id = ?1) "
                             "ORDER BY c.version_a, c.version_b",
                             error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, product_a);
  sqlite3_bind_int64 (stmt, 2, product_b);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (cells, cell_from_row (stmt));

  if (!_cw_compat_finish_read (store, stmt, rc, error))
    return NULL;

  return g_steal_pointer (&cells);
}

gboolean
cw_compat_get_cell (CwStore       *store,
                    gint64         version_a,
                    gint64         version_b,
                    CwCompatCell  *cell,
                    GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CW_IS_STORE (store), FALSE);
  g_return_val_if_fail (cell != NULL, FALSE);

  memset (cell, 0, sizeof *cell);
  cell->version_a = MIN (version_a, version_b);
  cell->version_b = MAX (version_a, version_b);
  cell->verdict = CW_COMPAT_VERDICT_UNTESTED;

  stmt = _cw_compat_prepare (store,
                             "SELECT version_a, version_b, verdict, note, source FROM compat_verdicts "
                             "WHERE version_a = ? AND version_b = ?",
                             error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, cell->version_a);
  sqlite3_bind_int64 (stmt, 2, cell->version_b);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      CwCompatCell *found = cell_from_row (stmt);

      sqlite3_finalize (stmt);
      *cell = *found;
      g_free (found);
      return TRUE;
    }

  _cw_compat_finish_read (store, stmt, rc, error);
  return FALSE;
}

/* Steps a prepared statement that is used again, then resets it. */
static gboolean
step_again (CwStore       *store,
            sqlite3_stmt  *stmt,
            gboolean      *has_row,
            GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (has_row != NULL)
    *has_row = rc == SQLITE_ROW;
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return cw_store_set_sql_error (error, cw_store_get_handle (store), rc,
                                   _("Could not save the compatibility matrix"));

  return TRUE;
}

/* Checks every version of @pairs and writes each normalised pair with @sql
 * (?1 = smaller id, ?2 = larger id, ?3..?5 = verdict, note, source). */
static gboolean
write_cells (CwStore       *store,
             const char    *sql,
             const gint64  *pairs,
             guint          n_pairs,
             const char    *verdict,
             const char    *note,
             const char    *source,
             GError       **error)
{
  g_autoptr(GHashTable) checked = g_hash_table_new (g_int64_hash, g_int64_equal);
  sqlite3_stmt *exists = NULL;
  sqlite3_stmt *write = NULL;
  gboolean ok = TRUE;

  exists = _cw_compat_prepare (store, "SELECT 1 FROM compat_versions WHERE id = ?", error);
  write = exists != NULL ? _cw_compat_prepare_write (store, sql, error) : NULL;
  ok = write != NULL;

  for (guint i = 0; ok && i < 2 * n_pairs; i++)
    {
      gboolean found = FALSE;

      if (g_hash_table_contains (checked, &pairs[i]))
        continue;

      sqlite3_bind_int64 (exists, 1, pairs[i]);
      ok = step_again (store, exists, &found, error);
      if (ok && !found)
        ok = _cw_compat_set_not_found (error, CW_COMPAT_OBJECT_VERSION, pairs[i]);
      g_hash_table_add (checked, (gpointer) &pairs[i]);
    }

  for (guint i = 0; ok && i < n_pairs; i++)
    {
      sqlite3_bind_int64 (write, 1, MIN (pairs[2 * i], pairs[2 * i + 1]));
      sqlite3_bind_int64 (write, 2, MAX (pairs[2 * i], pairs[2 * i + 1]));
      if (verdict != NULL)
        {
          _cw_compat_bind_text (write, 3, verdict);
          _cw_compat_bind_text (write, 4, note);
          _cw_compat_bind_text (write, 5, source);
        }
      ok = step_again (store, write, NULL, error);
    }

  sqlite3_finalize (exists);
  sqlite3_finalize (write);
  return ok;
}

gboolean
cw_compat_set_cells (CwStore          *store,
                     const gint64     *pairs,
                     guint             n_pairs,
                     CwCompatVerdict   verdict,
                     const char       *note,
                     const char       *source,
                     GError          **error)
{
  g_autofree char *clean_note = _cw_compat_dup_trimmed (note);
  g_autofree char *clean_source = _cw_compat_dup_trimmed (source);
  gboolean ok;

  g_return_val_if_fail (CW_IS_STORE (store), FALSE);
  g_return_val_if_fail (pairs != NULL || n_pairs == 0, FALSE);
  g_return_val_if_fail (verdict <= CW_COMPAT_VERDICT_INCOMPATIBLE, FALSE);

  if (!_cw_compat_savepoint_begin (store, error))
    return FALSE;

  ok = write_cells (store,
                    "INSERT INTO compat_verdicts (version_a, version_b, verdict, note, source) "
                    "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (version_a, version_b) DO UPDATE "
                    "SET verdict = excluded.verdict, note = excluded.note, source = excluded.source",
                    pairs, n_pairs, cw_compat_verdict_get_key (verdict), clean_note, clean_source,
                    error);

  return _cw_compat_savepoint_end (store, ok, error);
}

gboolean
cw_compat_clear_cells (CwStore       *store,
                       const gint64  *pairs,
                       guint          n_pairs,
                       GError       **error)
{
  gboolean ok;

  g_return_val_if_fail (CW_IS_STORE (store), FALSE);
  g_return_val_if_fail (pairs != NULL || n_pairs == 0, FALSE);

  if (!_cw_compat_savepoint_begin (store, error))
    return FALSE;

  ok = write_cells (store, "DELETE FROM compat_verdicts WHERE version_a = ?1 AND version_b = ?2",
                    pairs, n_pairs, NULL, NULL, NULL, error);

  return _cw_compat_savepoint_end (store, ok, error);
}

/* ---- components ---------------------------------------------------------- */

static int
compare_components (gconstpointer a,
                    gconstpointer b)
{
  const CwCompatComponent *ca = *(const CwCompatComponent * const *) a;
  const CwCompatComponent *cb = *(const CwCompatComponent * const *) b;

  return _cw_compat_name_compare (ca->product_name, cb->product_name);
}

GPtrArray *
cw_compat_list_components (CwStore  *store,
                           CwCi     *ci,
                           GError  **error)
{
  g_autoptr(GPtrArray) components = g_ptr_array_new_with_free_func ((GDestroyNotify) cw_compat_component_free);
  g_autoptr(GHashTable) by_product = g_hash_table_new (g_int64_hash, g_int64_equal);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CW_IS_STORE (store), NULL);
  g_return_val_if_fail (CW_IS_CI (ci), NULL);

  /* Every rule, once: the first rule of a product that matches links it. */
  stmt = _cw_compat_prepare (store, CW_COMPAT_SELECT_RULE "ORDER BY p.name, r.id", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CwCompatComponent *component;
      CwCompatRule *rule;
      char *version = NULL;
      gboolean matches;

      if (g_hash_table_contains (by_product, &(gint64) { sqlite3_column_int64 (stmt, 1) }))
        continue;

      rule = _cw_compat_rule_from_row (stmt);
      matches = cw_compat_rule_matches (rule, ci, &version);
      cw_compat_rule_free (rule);
      if (!matches)
        continue;

      component = g_new0 (CwCompatComponent, 1);
      component->product_id = sqlite3_column_int64 (stmt, 1);
      component->product_name = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
      component->version = version;
      g_ptr_array_add (components, component);
      g_hash_table_insert (by_product, &component->product_id, component);
    }

  if (!_cw_compat_finish_read (store, stmt, rc, error))
    return NULL;

  /* Explicit components replace a rule's match. */
  stmt = _cw_compat_prepare (store,
                             "SELECT cc.product_id, p.name, cc.version FROM compat_ci_components cc "
                             "JOIN compat_products p ON p.id = cc.product_id WHERE cc.ci_id = ?",
                             error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, cw_ci_get_id (ci));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 product_id = sqlite3_column_int64 (stmt, 0);
      CwCompatComponent *component = g_hash_table_lookup (by_product, &product_id);

      if (component == NULL)
        {
          component = g_new0 (CwCompatComponent, 1);
          component->product_id = product_id;
          component->product_name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
          g_ptr_array_add (components, component);
          g_hash_table_insert (by_product, &component->product_id, component);
        }

      g_free (component->version);
      component->version = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      component->explicit = TRUE;
    }

  if (!_cw_compat_finish_read (store, stmt, rc, error))
    return NULL;

  g_ptr_array_sort (components, compare_components);

  return g_steal_pointer (&components);
}

gboolean
cw_compat_set_component (CwStore     *store,
                         gint64       ci_id,
                         gint64       product_id,
                         const char  *version,
                         GError     **error)
{
  g_autoptr(CwCompatProduct) product = NULL;
  g_autofree char *clean = _cw_compat_dup_trimmed (version);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CW_IS_STORE (store), FALSE);

  if (version == NULL)
    {
      stmt = _cw_compat_prepare_write (store,
                                       "DELETE FROM compat_ci_components WHERE ci_id = ? AND product_id = ?",
                                       error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, ci_id);
      sqlite3_bind_int64 (stmt, 2, product_id);
      return _cw_compat_step_write (store, stmt, NULL, error);
    }

  product = cw_compat_get_product (store, product_id, error);
  if (product == NULL)
    return FALSE;

  if (clean == NULL)
    {
      g_set_error (error, CW_COMPAT_ERROR, CW_COMPAT_ERROR_INVALID_INPUT,
                   _("Enter the version of %s that this configuration item runs."), product->name);
      return FALSE;
    }

  stmt = _cw_compat_prepare_write (store,
                                   "INSERT INTO compat_ci_components (ci_id, product_id, version) "
                                   "SELECT id, ?2, ?3 FROM cis WHERE id = ?1 "
                                   "ON CONFLICT (ci_id, product_id) DO UPDATE SET version = excluded.version",
                                   error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, ci_id);
  sqlite3_bind_int64 (stmt, 2, product_id);
  _cw_compat_bind_text (stmt, 3, clean);
  if (!_cw_compat_step_write (store, stmt, NULL, error))
    return FALSE;

  if (sqlite3_changes (cw_store_get_handle (store)) == 0)
    return _cw_compat_set_not_found (error, CW_COMPAT_OBJECT_CI, ci_id);

  return TRUE;
}
