/* cw-compat.c
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

G_DEFINE_QUARK (cw-compat-error-quark, cw_compat_error)

static const struct {
  const char *key;
  const char *label;
  const char *icon;
} verdicts[] = {
  [CW_COMPAT_VERDICT_UNTESTED]     = { "untested",     N_("Untested"),                 "dialog-question-symbolic" },
  [CW_COMPAT_VERDICT_COMPATIBLE]   = { "compatible",   N_("Compatible"),               "emblem-ok-symbolic" },
  [CW_COMPAT_VERDICT_CAVEAT]       = { "caveat",       N_("Compatible with a caveat"), "dialog-warning-symbolic" },
  [CW_COMPAT_VERDICT_INCOMPATIBLE] = { "incompatible", N_("Incompatible"),             "action-unavailable-symbolic" },
};

const char *
cw_compat_verdict_get_key (CwCompatVerdict verdict)
{
  g_return_val_if_fail (verdict < G_N_ELEMENTS (verdicts), NULL);

  return verdicts[verdict].key;
}

gboolean
cw_compat_verdict_from_key (const char      *key,
                            CwCompatVerdict *verdict)
{
  for (guint i = 0; key != NULL && i < G_N_ELEMENTS (verdicts); i++)
    {
      if (strcmp (verdicts[i].key, key) == 0)
        {
          if (verdict != NULL)
            *verdict = (CwCompatVerdict) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
cw_compat_verdict_get_label (CwCompatVerdict verdict)
{
  g_return_val_if_fail (verdict < G_N_ELEMENTS (verdicts), NULL);

  return _(verdicts[verdict].label);
}

const char *
cw_compat_verdict_get_icon (CwCompatVerdict verdict)
{
  g_return_val_if_fail (verdict < G_N_ELEMENTS (verdicts), NULL);

  return verdicts[verdict].icon;
}

void
cw_compat_product_free (CwCompatProduct *product)
{
  if (product == NULL)
    return;

  g_free (product->name);
  g_free (product->vendor);
  g_free (product);
}

void
cw_compat_version_free (CwCompatVersion *version)
{
  if (version == NULL)
    return;

  g_free (version->version);
  g_free (version->released);
  g_free (version->end_of_support);
  g_free (version);
}

void
cw_compat_rule_free (CwCompatRule *rule)
{
  if (rule == NULL)
    return;

  g_free (rule->manufacturer);
  g_free (rule->ci_class);
  g_free (rule->model_pattern);
  g_free (rule->version_prefix);
  g_free (rule);
}

void
cw_compat_path_free (CwCompatPath *path)
{
  if (path == NULL)
    return;

  g_free (path->from_min);
  g_free (path->from_max);
  g_free (path->to);
  g_free (path->note);
  g_free (path);
}

void
cw_compat_cell_free (CwCompatCell *cell)
{
  if (cell == NULL)
    return;

  g_free (cell->note);
  g_free (cell->source);
  g_free (cell);
}

void
cw_compat_component_free (CwCompatComponent *component)
{
  if (component == NULL)
    return;

  g_free (component->product_name);
  g_free (component->version);
  g_free (component);
}

/* ---- shared helpers (cw-compat-private.h) -------------------------------- */

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

CwCompatProduct *
_cw_compat_product_from_row (sqlite3_stmt *stmt)
{
  CwCompatProduct *product = g_new0 (CwCompatProduct, 1);

  product->id = sqlite3_column_int64 (stmt, 0);
  product->name = column_dup (stmt, 1);
  product->vendor = column_dup (stmt, 2);
  product->manual_order = sqlite3_column_int (stmt, 3) != 0;

  return product;
}

CwCompatVersion *
_cw_compat_version_from_row (sqlite3_stmt *stmt)
{
  CwCompatVersion *version = g_new0 (CwCompatVersion, 1);

  version->id = sqlite3_column_int64 (stmt, 0);
  version->product_id = sqlite3_column_int64 (stmt, 1);
  version->version = column_dup (stmt, 2);
  version->released = column_dup (stmt, 3);
  version->end_of_support = column_dup (stmt, 4);
  version->approved = sqlite3_column_int (stmt, 5) != 0;

  return version;
}

CwCompatRule *
_cw_compat_rule_from_row (sqlite3_stmt *stmt)
{
  CwCompatRule *rule = g_new0 (CwCompatRule, 1);
  const char *field = (const char *) sqlite3_column_text (stmt, 5);

  rule->id = sqlite3_column_int64 (stmt, 0);
  rule->product_id = sqlite3_column_int64 (stmt, 1);
  rule->manufacturer = column_dup (stmt, 2);
  rule->ci_class = column_dup (stmt, 3);
  rule->model_pattern = column_dup (stmt, 4);
  if (!cw_ci_field_from_key (field, &rule->field))
    rule->field = CW_CI_FIELD_FIRMWARE_VERSION;
  rule->version_prefix = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
  if (rule->version_prefix == NULL)
    rule->version_prefix = g_strdup ("");

  return rule;
}

static sqlite3_stmt *
prepare (CwStore     *store,
         const char  *sql,
         const char  *message,
         GError     **error)
{
  sqlite3 *db = cw_store_get_handle (store);
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      cw_store_set_sql_error (error, db, rc, message);
      return NULL;
    }

  return stmt;
}

sqlite3_stmt *
_cw_compat_prepare (CwStore     *store,
                    const char  *sql,
                    GError     **error)
{
  return prepare (store, sql, _("Could not read the compatibility matrix"), error);
}

static int
compare_versions (gconstpointer a,
                  gconstpointer b)
{
  const CwCompatVersion *va = *(const CwCompatVersion * const *) a;
  const CwCompatVersion *vb = *(const CwCompatVersion * const *) b;

  return cw_version_compare (va->version, vb->version);
}

void
_cw_compat_sort_versions (GPtrArray *versions,
                          gboolean   manual_order)
{
  if (!manual_order)
    g_ptr_array_sort (versions, compare_versions);
}

gboolean
_cw_compat_date_is_valid (const char *date)
{
  guint year = 0, month = 0, day = 0;

  if (date == NULL || *date == '\0')
    return TRUE;

  if (strlen (date) != 10 || date[4] != '-' || date[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (date[i]))
      return FALSE;

  year = (guint) g_ascii_strtoull (date, NULL, 10);
  month = (guint) g_ascii_strtoull (date + 5, NULL, 10);
  day = (guint) g_ascii_strtoull (date + 8, NULL, 10);

  return month >= 1 && month <= 12 && year >= 1 &&
         g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

int
_cw_compat_name_compare (const char *a,
                         const char *b)
{
  int cmp;

  if (a == NULL || b == NULL)
    return (a != NULL) - (b != NULL);

  cmp = g_ascii_strcasecmp (a, b);
  return cmp != 0 ? cmp : strcmp (a, b);
}

gboolean
_cw_compat_finish_read (CwStore       *store,
                        sqlite3_stmt  *stmt,
                        int            rc,
                        GError       **error)
{
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    return cw_store_set_sql_error (error, cw_store_get_handle (store), rc,
                                   _("Could not read the compatibility matrix"));

  return TRUE;
}

/* Steps a write statement and finalizes it. A UNIQUE violation becomes
 * CW_COMPAT_ERROR_EXISTS with @exists_message when given. */
gboolean
_cw_compat_step_write (CwStore       *store,
                       sqlite3_stmt  *stmt,
                       const char    *exists_message,
                       GError       **error)
{
  sqlite3 *db = cw_store_get_handle (store);
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_DONE || rc == SQLITE_ROW)
    {
      sqlite3_finalize (stmt);
      return TRUE;
    }

  if (exists_message != NULL && sqlite3_extended_errcode (db) == SQLITE_CONSTRAINT_UNIQUE)
    g_set_error_literal (error, CW_COMPAT_ERROR, CW_COMPAT_ERROR_EXISTS, exists_message);
  else
    cw_store_set_sql_error (error, db, rc, _("Could not save the compatibility matrix"));

  sqlite3_finalize (stmt);
  return FALSE;
}

sqlite3_stmt *
_cw_compat_prepare_write (CwStore     *store,
                          const char  *sql,
                          GError     **error)
{
  return prepare (store, sql, _("Could not save the compatibility matrix"), error);
}

/* Savepoints nest inside a caller's transaction (the CSV import runs these
 * functions inside its own) and act as a transaction otherwise. */
gboolean
_cw_compat_savepoint_begin (CwStore  *store,
                            GError  **error)
{
  return cw_store_exec (store, "SAVEPOINT cw_compat", error);
}

gboolean
_cw_compat_savepoint_end (CwStore   *store,
                          gboolean   ok,
                          GError   **error)
{
  if (ok && cw_store_exec (store, "RELEASE cw_compat", error))
    return TRUE;

  /* Also when the release (a commit when it is outermost) failed. */
  sqlite3_exec (cw_store_get_handle (store),
                "ROLLBACK TO cw_compat; RELEASE cw_compat", NULL, NULL, NULL);
  return FALSE;
}

void
_cw_compat_bind_text (sqlite3_stmt *stmt,
                      int           column,
                      const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, column);
  else
    sqlite3_bind_text (stmt, column, text, -1, SQLITE_TRANSIENT);
}

/* A copy without surrounding white space; NULL when nothing is left. */
char *
_cw_compat_dup_trimmed (const char *text)
{
  char *copy;

  if (text == NULL)
    return NULL;

  copy = g_strstrip (g_strdup (text));
  if (*copy == '\0')
    g_clear_pointer (&copy, g_free);

  return copy;
}

gboolean
_cw_compat_set_not_found (GError         **error,
                          CwCompatObject   what,
                          gint64           id)
{
  long long n = (long long) id;

  switch (what)
    {
    case CW_COMPAT_OBJECT_PRODUCT:
      g_set_error (error, CW_COMPAT_ERROR, CW_COMPAT_ERROR_NOT_FOUND,
                   _("There is no product with the id %lld. "
                     "It may have been deleted; reload the list."), n);
      break;
    case CW_COMPAT_OBJECT_VERSION:
      g_set_error (error, CW_COMPAT_ERROR, CW_COMPAT_ERROR_NOT_FOUND,
                   _("There is no version with the id %lld. "
                     "It may have been deleted; reload the list."), n);
      break;
    case CW_COMPAT_OBJECT_RULE:
      g_set_error (error, CW_COMPAT_ERROR, CW_COMPAT_ERROR_NOT_FOUND,
                   _("There is no matching rule with the id %lld. "
                     "It may have been deleted; reload the list."), n);
      break;
    case CW_COMPAT_OBJECT_PATH:
      g_set_error (error, CW_COMPAT_ERROR, CW_COMPAT_ERROR_NOT_FOUND,
                   _("There is no upgrade path with the id %lld. "
                     "It may have been deleted; reload the list."), n);
      break;
    case CW_COMPAT_OBJECT_CI:
      g_set_error (error, CW_COMPAT_ERROR, CW_COMPAT_ERROR_NOT_FOUND,
                   _("There is no configuration item with the id %lld. "
                     "It may have been deleted; reload the inventory."), n);
      break;
    case CW_COMPAT_OBJECT_NONE:
    default:
      g_assert_not_reached ();
    }

  return FALSE;
}

gboolean
_cw_compat_set_invalid (GError     **error,
                        const char  *message)
{
  g_set_error_literal (error, CW_COMPAT_ERROR, CW_COMPAT_ERROR_INVALID_INPUT, message);
  return FALSE;
}

/* Reads one row of a "SELECT ... WHERE id = ?" through @from_row. */
gpointer
_cw_compat_get_one (CwStore        *store,
                    const char     *sql,
                    gint64          id,
                    gpointer      (*from_row) (sqlite3_stmt *),
                    CwCompatObject  not_found,
                    GError        **error)
{
  sqlite3_stmt *stmt = _cw_compat_prepare (store, sql, error);
  gpointer item;
  int rc;

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      item = from_row (stmt);
      sqlite3_finalize (stmt);
      return item;
    }

  if (_cw_compat_finish_read (store, stmt, rc, error))
    _cw_compat_set_not_found (error, not_found, id);
  return NULL;
}

/* Runs a statement with one id parameter; NOT_FOUND when it changed nothing. */
gboolean
_cw_compat_write_by_id (CwStore         *store,
                        const char      *sql,
                        gint64           id,
                        CwCompatObject   not_found,
                        GError         **error)
{
  sqlite3_stmt *stmt = _cw_compat_prepare_write (store, sql, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  if (!_cw_compat_step_write (store, stmt, NULL, error))
    return FALSE;

  if (not_found != CW_COMPAT_OBJECT_NONE && sqlite3_changes (cw_store_get_handle (store)) == 0)
    return _cw_compat_set_not_found (error, not_found, id);

  return TRUE;
}

/* ---- products ------------------------------------------------------------ */

GPtrArray *
cw_compat_list_products (CwStore  *store,
                         GError  **error)
{
  g_autoptr(GPtrArray) products = g_ptr_array_new_with_free_func ((GDestroyNotify) cw_compat_product_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CW_IS_STORE (store), NULL);

  stmt = _cw_compat_prepare (store, CW_COMPAT_SELECT_PRODUCT "ORDER BY p.name, p.id", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (products, _cw_compat_product_from_row (stmt));

  if (!_cw_compat_finish_read (store, stmt, rc, error))
    return NULL;

  return g_steal_pointer (&products);
}

CwCompatProduct *
cw_compat_get_product (CwStore  *store,
                       gint64    id,
                       GError  **error)
{
  g_return_val_if_fail (CW_IS_STORE (store), NULL);

  return _cw_compat_get_one (store, CW_COMPAT_SELECT_PRODUCT "WHERE p.id = ?", id,
                             (gpointer (*) (sqlite3_stmt *)) _cw_compat_product_from_row,
                             CW_COMPAT_OBJECT_PRODUCT, error);
}

CwCompatProduct *
cw_compat_find_product (CwStore     *store,
                        const char  *name,
                        GError     **error)
{
  g_autofree char *trimmed = _cw_compat_dup_trimmed (name);
  CwCompatProduct *product = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CW_IS_STORE (store), NULL);

  stmt = _cw_compat_prepare (store, CW_COMPAT_SELECT_PRODUCT "WHERE p.name = ?", error);
  if (stmt == NULL)
    return NULL;

  _cw_compat_bind_text (stmt, 1, trimmed != NULL ? trimmed : "");
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      product = _cw_compat_product_from_row (stmt);
      sqlite3_finalize (stmt);
      return product;
    }

  if (_cw_compat_finish_read (store, stmt, rc, error))
    g_set_error (error, CW_COMPAT_ERROR, CW_COMPAT_ERROR_NOT_FOUND,
                 _("There is no product named “%s”. Check the name, or add the product first."),
                 trimmed != NULL ? trimmed : "");
  return NULL;
}

static gboolean
write_product (CwStore     *store,
               gint64       id,
               const char  *name,
               const char  *vendor,
               GError     **error)
{
  g_autofree char *clean_name = _cw_compat_dup_trimmed (name);
  g_autofree char *clean_vendor = _cw_compat_dup_trimmed (vendor);
  g_autofree char *exists = NULL;
  sqlite3_stmt *stmt;

  if (clean_name == NULL)
    return _cw_compat_set_invalid (error, _("Enter a name for the product, such as “Cisco IOS XE”."));

  stmt = _cw_compat_prepare_write (store,
                                   id == 0
                                   ? "INSERT INTO compat_products (name, vendor) VALUES (?1, ?2)"
                                   : "UPDATE compat_products SET name = ?1, vendor = ?2 WHERE id = ?3",
                                   error);
  if (stmt == NULL)
    return FALSE;

  _cw_compat_bind_text (stmt, 1, clean_name);
  _cw_compat_bind_text (stmt, 2, clean_vendor);
  if (id != 0)
    sqlite3_bind_int64 (stmt, 3, id);

  exists = g_strdup_printf (_("A product named “%s” already exists. Choose another name."), clean_name);
  return _cw_compat_step_write (store, stmt, exists, error);
}

gint64
cw_compat_add_product (CwStore     *store,
                       const char  *name,
                       const char  *vendor,
                       GError     **error)
{
  g_return_val_if_fail (CW_IS_STORE (store), 0);

  if (!write_product (store, 0, name, vendor, error))
    return 0;

  return sqlite3_last_insert_rowid (cw_store_get_handle (store));
}

gboolean
cw_compat_update_product (CwStore     *store,
                          gint64       id,
                          const char  *name,
                          const char  *vendor,
                          GError     **error)
{
  g_return_val_if_fail (CW_IS_STORE (store), FALSE);

  if (!write_product (store, id, name, vendor, error))
    return FALSE;

  if (sqlite3_changes (cw_store_get_handle (store)) == 0)
    return _cw_compat_set_not_found (error, CW_COMPAT_OBJECT_PRODUCT, id);

  return TRUE;
}

gboolean
cw_compat_delete_product (CwStore  *store,
                          gint64    id,
                          GError  **error)
{
  g_return_val_if_fail (CW_IS_STORE (store), FALSE);

  return _cw_compat_write_by_id (store, "DELETE FROM compat_products WHERE id = ?", id,
                                 CW_COMPAT_OBJECT_PRODUCT, error);
}
