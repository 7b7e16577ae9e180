/* cw-inventory.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-inventory"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cw-inventory-index.h"
#include "cw-inventory-private.h"
#include "cw-inventory.h"
#include "cw-store-private.h"

G_DEFINE_QUARK (cw-inventory-error-quark, cw_inventory_error)

static const struct {
  const char *key;
  const char *label;
  const char *incoming_label;
} relation_kinds[] = {
  [CW_CI_RELATION_RUNS_ON]      = { "runs_on",      N_("Runs on"),      N_("Hosts") },
  [CW_CI_RELATION_DEPENDS_ON]   = { "depends_on",   N_("Depends on"),   N_("Needed by") },
  [CW_CI_RELATION_CONNECTED_TO] = { "connected_to", N_("Connected to"), N_("Connected from") },
  [CW_CI_RELATION_PART_OF]      = { "part_of",      N_("Part of"),      N_("Contains") },
};

const char *
cw_ci_relation_kind_get_key (CwCiRelationKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (relation_kinds), NULL);

  return relation_kinds[kind].key;
}

gboolean
cw_ci_relation_kind_from_key (const char       *key,
                              CwCiRelationKind *kind)
{
  for (guint i = 0; key != NULL && i < G_N_ELEMENTS (relation_kinds); i++)
    {
      if (strcmp (relation_kinds[i].key, key) == 0)
        {
          if (kind != NULL)
            *kind = (CwCiRelationKind) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
cw_ci_relation_kind_get_label (CwCiRelationKind kind,
                               gboolean         incoming)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (relation_kinds), NULL);

  return incoming ? _(relation_kinds[kind].incoming_label) : _(relation_kinds[kind].label);
}

void
cw_ci_relation_free (CwCiRelation *relation)
{
  if (relation == NULL)
    return;

  g_free (relation->other_name);
  g_free (relation->other_class);
  g_free (relation);
}

void
cw_ci_version_change_free (CwCiVersionChange *change)
{
  if (change == NULL)
    return;

  g_free (change->field);
  g_free (change->old_value);
  g_free (change->new_value);
  g_free (change->changed_at);
  g_free (change->source);
  g_free (change->detail);
  g_free (change);
}

void
cw_ci_backup_free (CwCiBackup *backup)
{
  if (backup == NULL)
    return;

  g_free (backup->taken_at);
  g_free (backup->location);
  g_free (backup->checksum);
  g_free (backup);
}

void
cw_site_free (CwSite *site)
{
  if (site == NULL)
    return;

  g_free (site->code);
  g_free (site->name);
  g_free (site->time_zone);
  g_free (site);
}

/* ---- helpers shared by the room (cw-inventory-private.h) ----------------- */

static const char * const field_columns[CW_CI_N_FIELDS] = {
  [CW_CI_FIELD_CLASS]              = "class",
  [CW_CI_FIELD_NAME]               = "name",
  [CW_CI_FIELD_MANUFACTURER]       = "manufacturer",
  [CW_CI_FIELD_MODEL]              = "model",
  [CW_CI_FIELD_SERIAL]             = "serial",
  [CW_CI_FIELD_ASSET_TAG]          = "asset_tag",
  [CW_CI_FIELD_SITE]               = NULL,
  [CW_CI_FIELD_IP_ADDRESS]         = "ip_address",
  [CW_CI_FIELD_FIRMWARE_VERSION]   = "firmware_version",
  [CW_CI_FIELD_OS_VERSION]         = "os_version",
  [CW_CI_FIELD_LIFECYCLE_STATUS]   = "lifecycle_status",
  [CW_CI_FIELD_OPERATIONAL_STATUS] = "operational_status",
  [CW_CI_FIELD_SYS_ID]             = "sys_id",
  [CW_CI_FIELD_NOTES]              = "notes",
};

const char *
cw_inventory_field_column (CwCiField field)
{
  g_return_val_if_fail (field < CW_CI_N_FIELDS, NULL);

  return field_columns[field];
}

CwCi *
cw_inventory_ci_from_row (sqlite3_stmt *stmt,
                          gint64        id)
{
  const char *values[CW_CI_N_FIELDS];

  for (guint i = 0; i < CW_CI_N_FIELDS; i++)
    values[i] = (const char *) sqlite3_column_text (stmt, (int) i);

  return cw_ci_new (id, values,
                    sqlite3_column_int64 (stmt, CW_CI_N_FIELDS),
                    (const char *) sqlite3_column_text (stmt, CW_CI_N_FIELDS + 1),
                    (const char *) sqlite3_column_text (stmt, CW_CI_N_FIELDS + 2));
}

int
cw_inventory_natural_compare (const char *a,
                              const char *b)
{
  if (a == NULL || b == NULL)
    return (a != NULL) - (b != NULL);

  while (*a != '\0' && *b != '\0')
    {
      if (g_ascii_isdigit (*a) && g_ascii_isdigit (*b))
        {
          const char *ea;
          const char *eb;
          gsize la;
          gsize lb;
          int cmp;

          while (*a == '0' && g_ascii_isdigit (a[1]))
            a++;
          while (*b == '0' && g_ascii_isdigit (b[1]))
            b++;
          for (ea = a; g_ascii_isdigit (*ea); ea++)
            ;
          for (eb = b; g_ascii_isdigit (*eb); eb++)
            ;
          la = ea - a;
          lb = eb - b;
          if (la != lb)
            return la < lb ? -1 : 1;
          cmp = memcmp (a, b, la);
          if (cmp != 0)
            return cmp < 0 ? -1 : 1;
          a = ea;
          b = eb;
        }
      else
        {
          int ca = g_ascii_tolower (*a);
          int cb = g_ascii_tolower (*b);

          if (ca != cb)
            return ca < cb ? -1 : 1;
          a++;
          b++;
        }
    }

  return (*a != '\0') - (*b != '\0');
}

/* ---- reads --------------------------------------------------------------- */

sqlite3_stmt *
cw_inventory_prepare (CwStore     *store,
                      const char  *sql,
                      GError     **error)
{
  sqlite3 *db = cw_store_get_handle (store);
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      cw_store_set_sql_error (error, db, rc, _("Could not read the inventory"));
      return NULL;
    }

  return stmt;
}

gboolean
cw_inventory_finish (CwStore       *store,
                     sqlite3_stmt  *stmt,
                     int            rc,
                     GError       **error)
{
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    return cw_store_set_sql_error (error, cw_store_get_handle (store), rc,
                                   _("Could not read the inventory"));

  return TRUE;
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

CwCi *
cw_inventory_get_ci (CwStore  *store,
                     gint64    id,
                     GError  **error)
{
  sqlite3_stmt *stmt;
  CwCi *ci = NULL;
  int rc;

  g_return_val_if_fail (CW_IS_STORE (store), NULL);

  stmt = cw_inventory_prepare (store, CW_INVENTORY_SELECT_CI "WHERE c.id = ?", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      ci = cw_inventory_ci_from_row (stmt, id);
      sqlite3_finalize (stmt);
      return ci;
    }

  if (!cw_inventory_finish (store, stmt, rc, error))
    return NULL;

  g_set_error (error, CW_INVENTORY_ERROR, CW_INVENTORY_ERROR_NOT_FOUND,
               _("There is no configuration item with the id %lld."), (long long) id);
  return NULL;
}

GPtrArray *
cw_inventory_list_relations (CwStore  *store,
                             gint64    id,
                             GError  **error)
{
  g_autoptr(GPtrArray) relations = g_ptr_array_new_with_free_func ((GDestroyNotify) cw_ci_relation_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CW_IS_STORE (store), NULL);

  stmt = cw_inventory_prepare (store,
                  "SELECT r.kind, 0, c.id, c.name, c.class FROM ci_relations r "
                  "JOIN cis c ON c.id = r.target_id WHERE r.source_id = ?1 "
                  "UNION ALL "
                  "SELECT r.kind, 1, c.id, c.name, c.class FROM ci_relations r "
                  "JOIN cis c ON c.id = r.source_id WHERE r.target_id = ?1 "
                  "ORDER BY 2, 1, 4",
                  error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CwCiRelation *relation = g_new0 (CwCiRelation, 1);

      cw_ci_relation_kind_from_key ((const char *) sqlite3_column_text (stmt, 0), &relation->kind);
      relation->incoming = sqlite3_column_int (stmt, 1) != 0;
      relation->other_id = sqlite3_column_int64 (stmt, 2);
      relation->other_name = column_dup (stmt, 3);
      relation->other_class = column_dup (stmt, 4);
      g_ptr_array_add (relations, relation);
    }

  if (!cw_inventory_finish (store, stmt, rc, error))
    return NULL;

  return g_steal_pointer (&relations);
}

GPtrArray *
cw_inventory_list_history (CwStore  *store,
                           gint64    id,
                           GError  **error)
{
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify) cw_ci_version_change_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CW_IS_STORE (store), NULL);

  stmt = cw_inventory_prepare (store,
                  "SELECT field, old_value, new_value, changed_at, source, detail "
                  "FROM ci_version_history WHERE ci_id = ? ORDER BY changed_at DESC, id DESC",
                  error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CwCiVersionChange *change = g_new0 (CwCiVersionChange, 1);

      change->field = column_dup (stmt, 0);
      change->old_value = column_dup (stmt, 1);
      change->new_value = column_dup (stmt, 2);
      change->changed_at = column_dup (stmt, 3);
      change->source = column_dup (stmt, 4);
      change->detail = column_dup (stmt, 5);
      g_ptr_array_add (changes, change);
    }

  if (!cw_inventory_finish (store, stmt, rc, error))
    return NULL;

  return g_steal_pointer (&changes);
}

GPtrArray *
cw_inventory_list_backups (CwStore  *store,
                           gint64    id,
                           GError  **error)
{
  g_autoptr(GPtrArray) backups = g_ptr_array_new_with_free_func ((GDestroyNotify) cw_ci_backup_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CW_IS_STORE (store), NULL);

  stmt = cw_inventory_prepare (store,
                  "SELECT taken_at, location, checksum, size_bytes, verified "
                  "FROM ci_backups WHERE ci_id = ? ORDER BY taken_at DESC, id DESC",
                  error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CwCiBackup *backup = g_new0 (CwCiBackup, 1);

      backup->taken_at = column_dup (stmt, 0);
      backup->location = column_dup (stmt, 1);
      backup->checksum = column_dup (stmt, 2);
      backup->size_bytes = sqlite3_column_int64 (stmt, 3);
      backup->verified = sqlite3_column_int (stmt, 4) != 0;
      g_ptr_array_add (backups, backup);
    }

  if (!cw_inventory_finish (store, stmt, rc, error))
    return NULL;

  return g_steal_pointer (&backups);
}

GPtrArray *
cw_inventory_list_sites (CwStore  *store,
                         GError  **error)
{
  g_autoptr(GPtrArray) sites = g_ptr_array_new_with_free_func ((GDestroyNotify) cw_site_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CW_IS_STORE (store), NULL);

  stmt = cw_inventory_prepare (store, "SELECT id, code, name, time_zone FROM sites ORDER BY code, id", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CwSite *site = g_new0 (CwSite, 1);

      site->id = sqlite3_column_int64 (stmt, 0);
      site->code = column_dup (stmt, 1);
      site->name = column_dup (stmt, 2);
      site->time_zone = column_dup (stmt, 3);
      g_ptr_array_add (sites, site);
    }

  if (!cw_inventory_finish (store, stmt, rc, error))
    return NULL;

  return g_steal_pointer (&sites);
}

static int
compare_natural_ptr (gconstpointer a,
                     gconstpointer b)
{
  return cw_inventory_natural_compare (*(const char * const *) a, *(const char * const *) b);
}

GPtrArray *
cw_inventory_list_values (CwStore       *store,
                          CwCiField      field,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CW_IS_STORE (store), NULL);
  g_return_val_if_fail (field < CW_CI_N_FIELDS, NULL);

  if (field == CW_CI_FIELD_SITE)
    sql = g_strdup ("SELECT code FROM sites");
  else
    sql = g_strdup_printf ("SELECT DISTINCT %s FROM cis WHERE %s IS NOT NULL AND %s <> ''",
                           field_columns[field], field_columns[field], field_columns[field]);

  stmt = cw_inventory_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (values, column_dup (stmt, 0));

  if (!cw_inventory_finish (store, stmt, rc, error))
    return NULL;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  g_ptr_array_sort (values, compare_natural_ptr);

  return g_steal_pointer (&values);
}

/* ---- writes -------------------------------------------------------------- */

static gboolean
exec_bound (sqlite3             *db,
            const char          *sql,
            const char * const  *texts,
            guint                n_texts,
            gint64               id,
            GError             **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      for (guint i = 0; i < n_texts; i++)
        sqlite3_bind_text (stmt, (int) i + 1, texts[i], -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, (int) n_texts + 1, id);
      rc = sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    return cw_store_set_sql_error (error, db, rc, _("Could not save the versions"));

  return TRUE;
}

static CwCiSearchText
search_text_of (CwCi *ci)
{
  CwCiSearchText text = {
    .name = cw_ci_get_value (ci, CW_CI_FIELD_NAME),
    .model = cw_ci_get_value (ci, CW_CI_FIELD_MODEL),
    .serial = cw_ci_get_value (ci, CW_CI_FIELD_SERIAL),
    .site = NULL,
    .ip_address = cw_ci_get_value (ci, CW_CI_FIELD_IP_ADDRESS),
    .firmware_version = cw_ci_get_value (ci, CW_CI_FIELD_FIRMWARE_VERSION),
    .os_version = cw_ci_get_value (ci, CW_CI_FIELD_OS_VERSION),
  };

  return text;
}

gboolean
cw_inventory_set_versions (CwStore     *store,
                           gint64       id,
                           const char  *firmware_version,
                           const char  *os_version,
                           const char  *source,
                           const char  *detail,
                           GError     **error)
{
  sqlite3 *db;
  g_autoptr(CwCi) before = NULL;
  g_autoptr(CwInventoryIndex) index = NULL;
  g_autofree char *site_text = NULL;
  g_autofree char *now = NULL;
  g_autoptr(GDateTime) utc = NULL;
  const char *fields[] = { "firmware_version", "os_version" };
  const char *new_values[] = { firmware_version, os_version };
  CwCiSearchText text;

  g_return_val_if_fail (CW_IS_STORE (store), FALSE);
  g_return_val_if_fail (source != NULL, FALSE);

  db = cw_store_get_handle (store);
  before = cw_inventory_get_ci (store, id, error);
  if (before == NULL)
    return FALSE;

  utc = g_date_time_new_now_utc ();
  now = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");

  if (!cw_store_begin (store, error))
    return FALSE;

  index = cw_inventory_index_new (db, error);
  if (index == NULL)
    goto failed;

  text = search_text_of (before);
  if (cw_ci_get_value (before, CW_CI_FIELD_SITE) != NULL)
    site_text = g_strdup_printf ("%s %s", cw_ci_get_value (before, CW_CI_FIELD_SITE),
                                 cw_ci_get_site_name (before));
  text.site = site_text;
  if (!cw_inventory_index_remove (index, id, &text, error))
    goto failed;

  for (guint f = 0; f < 2; f++)
    {
      const char *old_value = cw_ci_get_value (before, f == 0 ? CW_CI_FIELD_FIRMWARE_VERSION
                                                              : CW_CI_FIELD_OS_VERSION);
      const char *row[] = { fields[f], old_value, new_values[f], now, source, detail };

      if (g_strcmp0 (old_value, new_values[f]) == 0)
        continue;

      if (!exec_bound (db,
                       "INSERT INTO ci_version_history "
                       "(field, old_value, new_value, changed_at, source, detail, ci_id) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?)",
                       row, G_N_ELEMENTS (row), id, error))
        goto failed;
    }

  {
    const char *row[] = { firmware_version, os_version, now };

    if (!exec_bound (db,
                     "UPDATE cis SET firmware_version = ?, os_version = ?, updated_at = ? "
                     "WHERE id = ?",
                     row, G_N_ELEMENTS (row), id, error))
      goto failed;
  }

  text.firmware_version = firmware_version;
  text.os_version = os_version;
  if (!cw_inventory_index_add (index, id, &text, error))
    goto failed;

  return cw_store_commit (store, error);

failed:
  cw_store_rollback (store);
  return FALSE;
}
