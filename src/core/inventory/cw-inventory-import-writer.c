/* cw-inventory-import-writer.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-inventory-import"

#include "config.h"

#include <glib/gi18n.h>

#include "cw-inventory-import-private.h"
#include "cw-store-private.h"

/* The database side of an import: inserts, updates, history and the search
 * index, on one connection in one transaction. Matching needs no index
 * (cw-inventory-import-match.c).
 *
 * Into a workspace that had no CIs the import is a bulk load: the indexes on
 * cis are dropped and made again at the end (sorting once costs less than
 * inserting a million rows in random order), and the search index is built
 * on another thread (cw-inventory-import-indexer.c). */

#define CACHE_SIZE_KIB      131072
#define BULK_CACHE_SIZE_KIB 65536
#define PROGRESS_OPS        10000

#define field_columns cw_import_field_columns

struct _CwImportWriter
{
  CwStore           *store;
  sqlite3           *db;
  GCancellable      *cancellable;
  char              *detail;
  char              *now;
  gboolean           has_field[CW_CI_N_FIELDS];
  gboolean           committed;

  gint64             max_id_before;
  GPtrArray         *dropped_indexes;  /* their CREATE statements */

  CwImportSites     *sites;
  CwImportMatcher   *matcher;

  sqlite3_stmt      *insert;
  sqlite3_stmt      *update;
  sqlite3_stmt      *history;
  CwInventoryIndex  *index;            /* updates of CIs that were there before */
  CwImportIndexer   *indexer;          /* into a workspace without CIs */

  CwImportCounts     counts;
};

static int
on_progress_cb (void *data)
{
  return g_cancellable_is_cancelled (data) ? 1 : 0;
}

static gboolean
set_sql_error (CwImportWriter  *self,
               int              rc,
               GError         **error)
{
  if (rc == SQLITE_INTERRUPT && g_cancellable_set_error_if_cancelled (self->cancellable, error))
    return FALSE;

  return cw_store_set_sql_error (error, self->db, rc, _("Import"));
}

static gboolean
exec (CwImportWriter  *self,
      const char      *sql,
      GError         **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return set_sql_error (self, rc, error);

  return TRUE;
}

static gboolean
prepare (CwImportWriter  *self,
         const char      *sql,
         sqlite3_stmt   **stmt,
         GError         **error)
{
  int rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, stmt, NULL);

  if (rc != SQLITE_OK)
    return set_sql_error (self, rc, error);

  return TRUE;
}

static gboolean
step_done (CwImportWriter  *self,
           sqlite3_stmt    *stmt,
           GError         **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return set_sql_error (self, rc, error);

  return TRUE;
}

static gboolean
query_int64 (CwImportWriter  *self,
             const char      *sql,
             gint64          *value,
             GError         **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      *value = sqlite3_column_int64 (stmt, 0);
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_OK)
    return set_sql_error (self, rc, error);

  return TRUE;
}

static void
bind_text (sqlite3_stmt *stmt,
           int           param,
           const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, param, text, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, param);
}

/* Binds the fields in CwCiField order to ?1..?14 and the time to ?15. */
static void
bind_ci (CwImportWriter     *self,
         sqlite3_stmt       *stmt,
         const char * const *values,
         gint64              site_id)
{
  for (guint f = 0; f < CW_CI_N_FIELDS; f++)
    {
      if (f != CW_CI_FIELD_SITE)
        bind_text (stmt, f + 1, values[f]);
      else if (site_id != 0)
        sqlite3_bind_int64 (stmt, f + 1, site_id);
      else
        sqlite3_bind_null (stmt, f + 1);
    }
  sqlite3_bind_text (stmt, CW_CI_N_FIELDS + 1, self->now, -1, SQLITE_STATIC);
}

/* Bulk load: drops the indexes on cis (made again by recreate_indexes()). */
static gboolean
drop_indexes (CwImportWriter  *self,
              GError         **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db,
                           "SELECT name, sql FROM sqlite_schema "
                           "WHERE type = 'index' AND tbl_name = 'cis' AND sql IS NOT NULL",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return set_sql_error (self, rc, error);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      g_ptr_array_add (self->dropped_indexes,
                       g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return set_sql_error (self, rc, error);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("DROP INDEX \"%s\"",
                                              (const char *) g_ptr_array_index (names, i));

      if (!exec (self, sql, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
recreate_indexes (CwImportWriter  *self,
                  GError         **error)
{
  for (guint i = 0; i < self->dropped_indexes->len; i++)
    if (!exec (self, g_ptr_array_index (self->dropped_indexes, i), error))
      return FALSE;

  g_ptr_array_set_size (self->dropped_indexes, 0);
  return TRUE;
}

static gboolean
prepare_statements (CwImportWriter  *self,
                    GError         **error)
{
  g_autoptr(GString) insert = g_string_new ("INSERT INTO cis (");
  g_autoptr(GString) update = g_string_new ("UPDATE cis SET ");

  for (guint f = 0; f < CW_CI_N_FIELDS; f++)
    {
      g_string_append_printf (insert, "%s, ", field_columns[f]);
      g_string_append_printf (update, "%s = ?%u, ", field_columns[f], f + 1);
    }
  g_string_append (insert, "updated_at) VALUES (?1");
  for (guint i = 2; i <= CW_CI_N_FIELDS + 1; i++)
    g_string_append_printf (insert, ", ?%u", i);
  g_string_append (insert, ")");
  g_string_append_printf (update, "updated_at = ?%u WHERE id = ?%u",
                          CW_CI_N_FIELDS + 1, CW_CI_N_FIELDS + 2);

  return prepare (self, insert->str, &self->insert, error)
    && prepare (self, update->str, &self->update, error)
    && prepare (self,
                "INSERT INTO ci_version_history (ci_id, field, old_value, new_value, "
                "changed_at, source, detail) VALUES (?1, ?2, ?3, ?4, ?5, 'import', ?6)",
                &self->history, error);
}

/* ---- writing -------------------------------------------------------------- */

static void
fill_search_text (CwImportWriter     *self,
                  CwCiSearchText     *text,
                  const char * const *values,
                  gint64              site_id)
{
  text->name = values[CW_CI_FIELD_NAME];
  text->model = values[CW_CI_FIELD_MODEL];
  text->serial = values[CW_CI_FIELD_SERIAL];
  text->site = cw_import_sites_get_text (self->sites, site_id);
  text->ip_address = values[CW_CI_FIELD_IP_ADDRESS];
  text->firmware_version = values[CW_CI_FIELD_FIRMWARE_VERSION];
  text->os_version = values[CW_CI_FIELD_OS_VERSION];
}

static void
queue_index_op (CwImportWriter     *self,
                gint64              id,
                gboolean            remove,
                const char * const *values,
                gint64              site_id)
{
  CwCiSearchText text;

  fill_search_text (self, &text, values, site_id);
  cw_import_indexer_add (self->indexer, id, remove, &text);
}

static gboolean
record_version_change (CwImportWriter  *self,
                       gint64           id,
                       CwCiField        field,
                       const char      *old_value,
                       const char      *new_value,
                       GError         **error)
{
  if (g_strcmp0 (old_value, new_value) == 0)
    return TRUE;

  sqlite3_bind_int64 (self->history, 1, id);
  sqlite3_bind_text (self->history, 2, field_columns[field], -1, SQLITE_STATIC);
  bind_text (self->history, 3, old_value);
  bind_text (self->history, 4, new_value);
  sqlite3_bind_text (self->history, 5, self->now, -1, SQLITE_STATIC);
  sqlite3_bind_text (self->history, 6, self->detail, -1, SQLITE_STATIC);
  if (!step_done (self, self->history, error))
    return FALSE;

  self->counts.n_version_changes++;
  return TRUE;
}

static gboolean
search_text_changed (const CwImportCi     *ci,
                     const char * const *values,
                     gint64              site_id)
{
  static const CwCiField fields[] = {
    CW_CI_FIELD_NAME, CW_CI_FIELD_MODEL, CW_CI_FIELD_SERIAL, CW_CI_FIELD_IP_ADDRESS,
    CW_CI_FIELD_FIRMWARE_VERSION, CW_CI_FIELD_OS_VERSION,
  };

  if (ci->site_id != site_id)
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_strcmp0 (ci->values[fields[i]], values[fields[i]]) != 0)
      return TRUE;

  return FALSE;
}

/* Updates @ci with what the line says; the columns the file does not have
 * keep their values. */
static gboolean
update_ci (CwImportWriter  *self,
           const CwImportCi  *ci,
           const CwImportLine *line,
           GError         **error)
{
  const char *values[CW_CI_N_FIELDS];
  gint64 site_id;
  gboolean changed;
  CwImportLine keys;

  site_id = self->has_field[CW_CI_FIELD_SITE] ? line->site_id : ci->site_id;
  changed = site_id != ci->site_id;
  for (guint f = 0; f < CW_CI_N_FIELDS; f++)
    {
      values[f] = self->has_field[f] ? line->values[f] : ci->values[f];
      if (f != CW_CI_FIELD_SITE && g_strcmp0 (values[f], ci->values[f]) != 0)
        changed = TRUE;
    }

  if (!changed)
    {
      self->counts.n_unchanged++;
      return TRUE;
    }

  bind_ci (self, self->update, values, site_id);
  sqlite3_bind_int64 (self->update, CW_CI_N_FIELDS + 2, ci->id);
  if (!step_done (self, self->update, error))
    return FALSE;

  if (!record_version_change (self, ci->id, CW_CI_FIELD_FIRMWARE_VERSION,
                              ci->values[CW_CI_FIELD_FIRMWARE_VERSION],
                              values[CW_CI_FIELD_FIRMWARE_VERSION], error)
      || !record_version_change (self, ci->id, CW_CI_FIELD_OS_VERSION,
                                 ci->values[CW_CI_FIELD_OS_VERSION],
                                 values[CW_CI_FIELD_OS_VERSION], error))
    return FALSE;

  /* The index holds the text as it was: remove exactly that. A CI this
   * import inserted is indexed at the end, or by the indexer, in order. */
  if (search_text_changed (ci, values, site_id))
    {
      if (self->indexer != NULL)
        {
          queue_index_op (self, ci->id, TRUE, (const char * const *) ci->values, ci->site_id);
          queue_index_op (self, ci->id, FALSE, values, site_id);
        }
      else if (ci->id <= self->max_id_before)
        {
          CwCiSearchText old_text, new_text;

          fill_search_text (self, &old_text, (const char * const *) ci->values, ci->site_id);
          fill_search_text (self, &new_text, values, site_id);
          if (!cw_inventory_index_remove (self->index, ci->id, &old_text, error)
              || !cw_inventory_index_add (self->index, ci->id, &new_text, error))
            return FALSE;
        }
    }

  cw_import_matcher_line (self->matcher, &keys, values, site_id);
  if (!cw_import_matcher_file (self->matcher, &keys, ci->id, error))
    return FALSE;

  self->counts.n_updated++;
  return TRUE;
}

static gboolean
write_record (CwImportWriter        *self,
              CwImportBatch         *batch,
              const CwImportRecord  *record,
              GError               **error)
{
  const char *values[CW_CI_N_FIELDS];
  g_auto(CwImportCi) ci = { 0 };
  gint64 site_id = 0;
  CwImportLine keys;
  gint64 id;

  for (guint f = 0; f < CW_CI_N_FIELDS; f++)
    values[f] = cw_import_record_get (batch, record, f);

  if (values[CW_CI_FIELD_SITE] != NULL)
    {
      site_id = cw_import_sites_resolve (self->sites, values[CW_CI_FIELD_SITE], error);
      if (site_id == 0)
        return FALSE;
    }

  cw_import_matcher_line (self->matcher, &keys, values, site_id);
  if (!cw_import_matcher_find (self->matcher, &keys, &ci, error))
    return FALSE;

  if (ci.id != 0)
    return update_ci (self, &ci, &keys, error);

  bind_ci (self, self->insert, values, site_id);
  if (!step_done (self, self->insert, error))
    return FALSE;
  id = sqlite3_last_insert_rowid (self->db);

  if (!cw_import_matcher_file (self->matcher, &keys, id, error))
    return FALSE;

  if (self->indexer != NULL)
    queue_index_op (self, id, FALSE, values, site_id);

  self->counts.n_inserted++;
  return TRUE;
}

gboolean
cw_import_writer_write (CwImportWriter  *writer,
                        CwImportBatch   *batch,
                        GError         **error)
{
  g_return_val_if_fail (writer != NULL, FALSE);
  g_return_val_if_fail (batch != NULL, FALSE);

  for (guint i = 0; i < batch->records->len; i++)
    {
      const CwImportRecord *record = &g_array_index (batch->records, CwImportRecord, i);

      if (!write_record (writer, batch, record, error))
        return FALSE;
    }

  return TRUE;
}

CwImportWriter *
cw_import_writer_new (const char    *workspace_path,
                      CwCsvMapping  *mapping,
                      const char    *detail,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(CwImportWriter) self = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  g_return_val_if_fail (workspace_path != NULL, NULL);
  g_return_val_if_fail (mapping != NULL, NULL);

  self = g_new0 (CwImportWriter, 1);
  self->cancellable = cancellable != NULL ? g_object_ref (cancellable) : g_cancellable_new ();
  self->detail = g_strdup (detail);
  self->now = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  self->dropped_indexes = g_ptr_array_new_with_free_func (g_free);
  for (guint f = 0; f < CW_CI_N_FIELDS; f++)
    self->has_field[f] = cw_csv_mapping_has_field (mapping, f);

  self->store = cw_store_open (workspace_path, CW_STORE_OPEN_NO_CREATE, error);
  if (self->store == NULL)
    return NULL;
  self->db = cw_store_get_handle (self->store);

  /* Room for the index pages a million rows touch. */
  if (!exec (self, "PRAGMA cache_size = -" G_STRINGIFY (CACHE_SIZE_KIB) "; "
             "PRAGMA temp_store = MEMORY", error))
    return NULL;
  sqlite3_progress_handler (self->db, PROGRESS_OPS, on_progress_cb, self->cancellable);

  if (!cw_store_begin (self->store, error)
      || !query_int64 (self, "SELECT ifnull (max (id), 0) FROM cis", &self->max_id_before, error)
      || (self->sites = cw_import_sites_new (self->db, error)) == NULL)
    return NULL;

  /* A bulk load appends rows and sorts the indexes once at the end: a
   * smaller cache does, and bounds what the sorts hold in memory (they
   * spill to temporary files past it). */
  self->matcher = cw_import_matcher_new (self->db, self->has_field[CW_CI_FIELD_SITE], error);
  if (self->matcher == NULL)
    return NULL;

  if (self->max_id_before == 0)
    {
      if (!exec (self, "PRAGMA cache_size = -" G_STRINGIFY (BULK_CACHE_SIZE_KIB) "; "
                 "PRAGMA temp_store = FILE", error)
          || !drop_indexes (self, error))
        return NULL;
      self->indexer = cw_import_indexer_new (self->db, self->cancellable, error);
      if (self->indexer == NULL)
        return NULL;
    }
  else
    {
      self->index = cw_inventory_index_new (self->db, error);
      if (self->index == NULL || !cw_import_matcher_load (self->matcher, error))
        return NULL;
    }

  if (!prepare_statements (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

gboolean
cw_import_writer_commit (CwImportWriter  *writer,
                         GError         **error)
{
  CwImportWriter *self = writer;
  gint64 started = g_get_monotonic_time ();

  g_return_val_if_fail (writer != NULL, FALSE);
  g_return_val_if_fail (!writer->committed, FALSE);

  if (self->indexer != NULL)
    {
      /* The indexer completes its index while the indexes are made. */
      cw_import_indexer_end (self->indexer);
      if (!recreate_indexes (self, error))
        return FALSE;
      g_debug ("Import: indexes made in %.2f s",
               (double) (g_get_monotonic_time () - started) / G_USEC_PER_SEC);
      if (!cw_import_indexer_finish (self->indexer, self->db, error))
        return FALSE;
    }
  else if (!cw_inventory_index_add_from (self->db, self->max_id_before, error))
    {
      if (g_cancellable_is_cancelled (self->cancellable))
        {
          g_clear_error (error);
          g_cancellable_set_error_if_cancelled (self->cancellable, error);
        }
      return FALSE;
    }

  g_debug ("Import: indexes and search index done in %.2f s",
           (double) (g_get_monotonic_time () - started) / G_USEC_PER_SEC);
  started = g_get_monotonic_time ();

  if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
    return FALSE;

  if (!cw_store_commit (self->store, error))
    return FALSE;

  g_debug ("Import: committed in %.2f s",
           (double) (g_get_monotonic_time () - started) / G_USEC_PER_SEC);
  self->committed = TRUE;
  return TRUE;
}

void
cw_import_writer_get_counts (CwImportWriter *writer,
                             CwImportCounts *counts)
{
  g_return_if_fail (writer != NULL);
  g_return_if_fail (counts != NULL);

  *counts = writer->counts;
}

void
cw_import_writer_free (CwImportWriter *writer)
{
  CwImportWriter *self = writer;

  if (writer == NULL)
    return;

  g_clear_pointer (&self->indexer, cw_import_indexer_free);
  g_clear_pointer (&self->index, cw_inventory_index_free);
  g_clear_pointer (&self->insert, sqlite3_finalize);
  g_clear_pointer (&self->update, sqlite3_finalize);
  g_clear_pointer (&self->history, sqlite3_finalize);
  g_clear_pointer (&self->matcher, cw_import_matcher_free);
  g_clear_pointer (&self->sites, cw_import_sites_free);
  if (self->store != NULL)
    {
      if (!self->committed)
        cw_store_rollback (self->store);
      sqlite3_progress_handler (self->db, 0, NULL, NULL);
    }
  g_clear_object (&self->store);

  g_clear_pointer (&self->dropped_indexes, g_ptr_array_unref);
  g_clear_object (&self->cancellable);
  g_free (self->detail);
  g_free (self->now);
  g_free (self);
}
