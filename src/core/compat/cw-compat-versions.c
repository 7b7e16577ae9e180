/* cw-compat-versions.c
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

static CwCompatVersion *
get_version (CwStore  *store,
             gint64    id,
             GError  **error)
{
  return _cw_compat_get_one (store, CW_COMPAT_SELECT_VERSION "WHERE v.id = ?", id,
                             (gpointer (*) (sqlite3_stmt *)) _cw_compat_version_from_row,
                             CW_COMPAT_OBJECT_VERSION, error);
}


static gboolean
check_dates (const char  *released,
             const char  *end_of_support,
             GError     **error)
{
  const char *dates[] = { released, end_of_support };

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      if (!_cw_compat_date_is_valid (dates[i]))
        {
          g_set_error (error, CW_COMPAT_ERROR, CW_COMPAT_ERROR_INVALID_INPUT,
                       _("“%s” is not a valid date. Write dates as YYYY-MM-DD, such as 2026-03-31."),
                       dates[i]);
          return FALSE;
        }
    }

  if (released != NULL && end_of_support != NULL && strcmp (end_of_support, released) < 0)
    {
      g_set_error (error, CW_COMPAT_ERROR, CW_COMPAT_ERROR_INVALID_INPUT,
                   _("The end of support (%s) is before the release (%s). Correct one of the dates."),
                   end_of_support, released);
      return FALSE;
    }

  return TRUE;
}

/* ---- versions ------------------------------------------------------------ */

GPtrArray *
cw_compat_list_versions (CwStore  *store,
                         gint64    product_id,
                         GError  **error)
{
  g_autoptr(GPtrArray) versions = g_ptr_array_new_with_free_func ((GDestroyNotify) cw_compat_version_free);
  g_autoptr(CwCompatProduct) product = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CW_IS_STORE (store), NULL);

  product = cw_compat_get_product (store, product_id, error);
  if (product == NULL)
    return NULL;

  stmt = _cw_compat_prepare (store,
                             CW_COMPAT_SELECT_VERSION
                             "WHERE v.product_id = ? ORDER BY v.position, v.id",
                             error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, product_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (versions, _cw_compat_version_from_row (stmt));

  if (!_cw_compat_finish_read (store, stmt, rc, error))
    return NULL;

  _cw_compat_sort_versions (versions, product->manual_order);

  return g_steal_pointer (&versions);
}

CwCompatVersion *
cw_compat_find_version (CwStore     *store,
                        gint64       product_id,
                        const char  *version,
                        GError     **error)
{
  g_autofree char *trimmed = _cw_compat_dup_trimmed (version);
  CwCompatVersion *found;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CW_IS_STORE (store), NULL);

  stmt = _cw_compat_prepare (store,
                             CW_COMPAT_SELECT_VERSION "WHERE v.product_id = ? AND v.version = ?",
                             error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, product_id);
  _cw_compat_bind_text (stmt, 2, trimmed != NULL ? trimmed : "");
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      found = _cw_compat_version_from_row (stmt);
      sqlite3_finalize (stmt);
      return found;
    }

  if (_cw_compat_finish_read (store, stmt, rc, error))
    g_set_error (error, CW_COMPAT_ERROR, CW_COMPAT_ERROR_NOT_FOUND,
                 _("There is no version “%s” of this product. Add it to the product’s versions first."),
                 trimmed != NULL ? trimmed : "");
  return NULL;
}

/* Writes positions 0..n-1 in the order of @versions. */
static gboolean
write_positions (CwStore    *store,
                 GPtrArray  *versions,
                 GError    **error)
{
  sqlite3_stmt *stmt = _cw_compat_prepare_write (store, "UPDATE compat_versions SET position = ? WHERE id = ?", error);
  sqlite3 *db = cw_store_get_handle (store);

  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < versions->len; i++)
    {
      const CwCompatVersion *version = g_ptr_array_index (versions, i);
      int rc;

      sqlite3_bind_int (stmt, 1, (int) i);
      sqlite3_bind_int64 (stmt, 2, version->id);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          sqlite3_finalize (stmt);
          return cw_store_set_sql_error (error, db, rc, _("Could not save the order of the versions"));
        }
    }

  sqlite3_finalize (stmt);
  return TRUE;
}

static gboolean
insert_version (CwStore     *store,
                gint64       product_id,
                const char  *version,
                const char  *released,
                const char  *end_of_support,
                gint64      *id,
                GError     **error)
{
  g_autoptr(CwCompatProduct) product = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autofree char *exists = NULL;
  sqlite3_stmt *stmt;
  guint place;

  product = cw_compat_get_product (store, product_id, error);
  if (product == NULL)
    return FALSE;

  if (product->manual_order)
    {
      versions = cw_compat_list_versions (store, product_id, error);
      if (versions == NULL)
        return FALSE;
    }

  stmt = _cw_compat_prepare_write (store,
                                   "INSERT INTO compat_versions (product_id, version, released, end_of_support) "
                                   "VALUES (?, ?, ?, ?)",
                                   error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, product_id);
  _cw_compat_bind_text (stmt, 2, version);
  _cw_compat_bind_text (stmt, 3, released);
  _cw_compat_bind_text (stmt, 4, end_of_support);
  exists = g_strdup_printf (_("%s already has a version “%s”. Edit that version instead."),
                            product->name, version);
  if (!_cw_compat_step_write (store, stmt, exists, error))
    return FALSE;

  *id = sqlite3_last_insert_rowid (cw_store_get_handle (store));
  if (versions == NULL)
    return TRUE;

  /* Before the first version greater than it. */
  for (place = 0; place < versions->len; place++)
    {
      const CwCompatVersion *other = g_ptr_array_index (versions, place);

      if (cw_version_compare (other->version, version) > 0)
        break;
    }

  {
    CwCompatVersion *added = g_new0 (CwCompatVersion, 1);

    added->id = *id;
    added->version = g_strdup (version);
    g_ptr_array_insert (versions, (int) place, added);
  }

  return write_positions (store, versions, error);
}

gint64
cw_compat_add_version (CwStore     *store,
                       gint64       product_id,
                       const char  *version,
                       const char  *released,
                       const char  *end_of_support,
                       GError     **error)
{
  g_autofree char *clean = _cw_compat_dup_trimmed (version);
  g_autofree char *clean_released = _cw_compat_dup_trimmed (released);
  g_autofree char *clean_end = _cw_compat_dup_trimmed (end_of_support);
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (CW_IS_STORE (store), 0);

  if (clean == NULL)
    {
      _cw_compat_set_invalid (error, _("Enter a version, such as “17.9.4”."));
      return 0;
    }
  if (!check_dates (clean_released, clean_end, error))
    return 0;

  if (!_cw_compat_savepoint_begin (store, error))
    return 0;
  ok = insert_version (store, product_id, clean, clean_released, clean_end, &id, error);
  if (!_cw_compat_savepoint_end (store, ok, error))
    return 0;

  return id;
}

gboolean
cw_compat_update_version (CwStore     *store,
                          gint64       id,
                          const char  *version,
                          const char  *released,
                          const char  *end_of_support,
                          GError     **error)
{
  g_autofree char *clean = _cw_compat_dup_trimmed (version);
  g_autofree char *clean_released = _cw_compat_dup_trimmed (released);
  g_autofree char *clean_end = _cw_compat_dup_trimmed (end_of_support);
  g_autofree char *exists = NULL;
  g_autoptr(CwCompatVersion) old = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (CW_IS_STORE (store), FALSE);

  if (clean == NULL)
    return _cw_compat_set_invalid (error, _("Enter a version, such as “17.9.4”."));
  if (!check_dates (clean_released, clean_end, error))
    return FALSE;

  old = get_version (store, id, error);
  if (old == NULL)
    return FALSE;

  stmt = _cw_compat_prepare_write (store,
                                   "UPDATE compat_versions SET version = ?, released = ?, end_of_support = ? "
                                   "WHERE id = ?",
                                   error);
  if (stmt == NULL)
    return FALSE;

  _cw_compat_bind_text (stmt, 1, clean);
  _cw_compat_bind_text (stmt, 2, clean_released);
  _cw_compat_bind_text (stmt, 3, clean_end);
  sqlite3_bind_int64 (stmt, 4, id);
  exists = g_strdup_printf (_("This product already has a version “%s”. Choose another name."), clean);

  if (!_cw_compat_savepoint_begin (store, error))
    {
      sqlite3_finalize (stmt);
      return FALSE;
    }
  ok = _cw_compat_step_write (store, stmt, exists, error);

  /* Upgrade paths name versions by text: follow the rename. */
  for (guint i = 0; ok && i < 3 && strcmp (old->version, clean) != 0; i++)
    {
      static const char * const updates[] = {
        "UPDATE compat_paths SET from_min = ?1 WHERE product_id = ?3 AND from_min = ?2",
        "UPDATE compat_paths SET from_max = ?1 WHERE product_id = ?3 AND from_max = ?2",
        "UPDATE compat_paths SET to_version = ?1 WHERE product_id = ?3 AND to_version = ?2",
      };

      stmt = _cw_compat_prepare_write (store, updates[i], error);
      ok = stmt != NULL;
      if (ok)
        {
          _cw_compat_bind_text (stmt, 1, clean);
          _cw_compat_bind_text (stmt, 2, old->version);
          sqlite3_bind_int64 (stmt, 3, old->product_id);
          ok = _cw_compat_step_write (store, stmt,
                                      _("An upgrade path with the new version name already exists. "
                                        "Delete one of the two paths first."),
                                      error);
        }
    }

  return _cw_compat_savepoint_end (store, ok, error);
}

gboolean
cw_compat_delete_version (CwStore  *store,
                          gint64    id,
                          GError  **error)
{
  g_return_val_if_fail (CW_IS_STORE (store), FALSE);

  return _cw_compat_write_by_id (store, "DELETE FROM compat_versions WHERE id = ?", id,
                                 CW_COMPAT_OBJECT_VERSION, error);
}

gboolean
cw_compat_set_approved (CwStore  *store,
                        gint64    product_id,
                        gint64    version_id,
                        GError  **error)
{
  g_autoptr(CwCompatProduct) product = NULL;
  gboolean ok;

  g_return_val_if_fail (CW_IS_STORE (store), FALSE);

  product = cw_compat_get_product (store, product_id, error);
  if (product == NULL)
    return FALSE;

  if (version_id != 0)
    {
      g_autoptr(CwCompatVersion) version = get_version (store, version_id, error);

      if (version == NULL)
        return FALSE;
      if (version->product_id != product_id)
        {
          g_set_error (error, CW_COMPAT_ERROR, CW_COMPAT_ERROR_NOT_FOUND,
                       _("Version “%s” is not a version of %s. Choose one of its own versions."),
                       version->version, product->name);
          return FALSE;
        }
    }

  if (!_cw_compat_savepoint_begin (store, error))
    return FALSE;
  ok = _cw_compat_write_by_id (store, "UPDATE compat_versions SET approved = 0 WHERE product_id = ? AND approved = 1",
                               product_id, CW_COMPAT_OBJECT_NONE, error);
  if (ok && version_id != 0)
    ok = _cw_compat_write_by_id (store, "UPDATE compat_versions SET approved = 1 WHERE id = ?",
                                 version_id, CW_COMPAT_OBJECT_NONE, error);

  return _cw_compat_savepoint_end (store, ok, error);
}

gboolean
cw_compat_move_version (CwStore  *store,
                        gint64    version_id,
                        guint     position,
                        GError  **error)
{
  g_autoptr(CwCompatVersion) moved = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  gpointer item = NULL;
  gboolean ok;

  g_return_val_if_fail (CW_IS_STORE (store), FALSE);

  moved = get_version (store, version_id, error);
  if (moved == NULL)
    return FALSE;

  versions = cw_compat_list_versions (store, moved->product_id, error);
  if (versions == NULL)
    return FALSE;

  for (guint i = 0; i < versions->len && item == NULL; i++)
    if (((CwCompatVersion *) g_ptr_array_index (versions, i))->id == version_id)
      item = g_ptr_array_steal_index (versions, i);

  g_assert (item != NULL);
  g_ptr_array_insert (versions, (int) MIN (position, versions->len), item);

  if (!_cw_compat_savepoint_begin (store, error))
    return FALSE;
  ok = write_positions (store, versions, error)
       && _cw_compat_write_by_id (store, "UPDATE compat_products SET manual_order = 1 WHERE id = ?",
                                  moved->product_id, CW_COMPAT_OBJECT_NONE, error);

  return _cw_compat_savepoint_end (store, ok, error);
}

gboolean
cw_compat_reset_order (CwStore  *store,
                       gint64    product_id,
                       GError  **error)
{
  g_return_val_if_fail (CW_IS_STORE (store), FALSE);

  return _cw_compat_write_by_id (store, "UPDATE compat_products SET manual_order = 0 WHERE id = ?",
                                 product_id, CW_COMPAT_OBJECT_PRODUCT, error);
}

/* ---- upgrade paths ------------------------------------------------------- */

/* A version's place in the product's order; unknown versions go last. */
static guint
place_of (GHashTable *places,
          const char *version)
{
  gpointer place;

  if (g_hash_table_lookup_extended (places, version, NULL, &place))
    return GPOINTER_TO_UINT (place);

  return G_MAXUINT;
}

static int
compare_by_place (GHashTable *places,
                  const char *a,
                  const char *b)
{
  guint pa = place_of (places, a);
  guint pb = place_of (places, b);

  if (pa != pb)
    return pa < pb ? -1 : 1;

  return cw_version_compare (a, b);
}

static int
compare_paths (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const CwCompatPath *pa = *(const CwCompatPath * const *) a;
  const CwCompatPath *pb = *(const CwCompatPath * const *) b;
  GHashTable *places = user_data;   /* version → its index in the product's order */
  int cmp;

  if ((cmp = compare_by_place (places, pa->to, pb->to)) != 0)
    return cmp;
  if ((cmp = compare_by_place (places, pa->from_min, pb->from_min)) != 0)
    return cmp;
  if ((cmp = compare_by_place (places, pa->from_max, pb->from_max)) != 0)
    return cmp;

  return (pa->id > pb->id) - (pa->id < pb->id);
}

GPtrArray *
cw_compat_list_paths (CwStore  *store,
                      gint64    product_id,
                      GError  **error)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func ((GDestroyNotify) cw_compat_path_free);
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GHashTable) places = g_hash_table_new (g_str_hash, g_str_equal);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CW_IS_STORE (store), NULL);

  versions = cw_compat_list_versions (store, product_id, error);
  if (versions == NULL)
    return NULL;
  for (guint i = 0; i < versions->len; i++)
    {
      const CwCompatVersion *version = g_ptr_array_index (versions, i);

      g_hash_table_insert (places, version->version, GUINT_TO_POINTER (i));
    }

  stmt = _cw_compat_prepare (store,
                             "SELECT id, product_id, from_min, from_max, to_version, note "
                             "FROM compat_paths WHERE product_id = ?",
                             error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, product_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CwCompatPath *path = g_new0 (CwCompatPath, 1);

      path->id = sqlite3_column_int64 (stmt, 0);
      path->product_id = sqlite3_column_int64 (stmt, 1);
      path->from_min = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      path->from_max = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      path->to = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      path->note = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      g_ptr_array_add (paths, path);
    }

  if (!_cw_compat_finish_read (store, stmt, rc, error))
    return NULL;

  g_ptr_array_sort_with_data (paths, compare_paths, places);

  return g_steal_pointer (&paths);
}

gint64
cw_compat_add_path (CwStore     *store,
                    gint64       product_id,
                    const char  *from_min,
                    const char  *from_max,
                    const char  *to,
                    const char  *note,
                    GError     **error)
{
  g_autoptr(CwCompatProduct) product = NULL;
  g_autofree char *clean_min = _cw_compat_dup_trimmed (from_min);
  g_autofree char *clean_max = _cw_compat_dup_trimmed (from_max);
  g_autofree char *clean_to = _cw_compat_dup_trimmed (to);
  g_autofree char *clean_note = _cw_compat_dup_trimmed (note);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CW_IS_STORE (store), 0);

  if (clean_min == NULL || clean_max == NULL || clean_to == NULL)
    {
      _cw_compat_set_invalid (error, _("Enter the lowest and the highest version an upgrade "
                                       "starts from, and the version it goes to."));
      return 0;
    }

  product = cw_compat_get_product (store, product_id, error);
  if (product == NULL)
    return 0;

  stmt = _cw_compat_prepare_write (store,
                                   "INSERT INTO compat_paths (product_id, from_min, from_max, to_version, note) "
                                   "VALUES (?, ?, ?, ?, ?)",
                                   error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, product_id);
  _cw_compat_bind_text (stmt, 2, clean_min);
  _cw_compat_bind_text (stmt, 3, clean_max);
  _cw_compat_bind_text (stmt, 4, clean_to);
  _cw_compat_bind_text (stmt, 5, clean_note);
  if (!_cw_compat_step_write (store, stmt,
                              _("This upgrade path is already recorded. Edit its note instead."),
                              error))
    return 0;

  return sqlite3_last_insert_rowid (cw_store_get_handle (store));
}

gboolean
cw_compat_delete_path (CwStore  *store,
                       gint64    id,
                       GError  **error)
{
  g_return_val_if_fail (CW_IS_STORE (store), FALSE);

  return _cw_compat_write_by_id (store, "DELETE FROM compat_paths WHERE id = ?", id,
                                 CW_COMPAT_OBJECT_PATH,
                                 error);
}
