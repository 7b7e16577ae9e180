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

static sqlite3_stmt *
prepare (CwStore     *store,
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

static gboolean
finish (CwStore       *store,
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

  stmt = prepare (store, CW_INVENTORY_SELECT_CI "WHERE c.id = ?", error);
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

  if (!finish (store, stmt, rc, error))
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

  stmt = prepare (store,
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

  if (!finish (store, stmt, rc, error))
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

  stmt = prepare (store,
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

  if (!finish (store, stmt, rc, error))
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

  stmt = prepare (store,
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

  if (!finish (store, stmt, rc, error))
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

  stmt = prepare (store, "SELECT id, code, name, time_zone FROM sites ORDER BY code, id", error);
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

  if (!finish (store, stmt, rc, error))
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

  stmt = prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (values, column_dup (stmt, 0));

  if (!finish (store, stmt, rc, error))
    return NULL;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  g_ptr_array_sort (values, compare_natural_ptr);

  return g_steal_pointer (&values);
}

/* ---- drift --------------------------------------------------------------- */

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

  stmt = prepare (store,
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

  if (!finish (store, stmt, rc, error))
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
