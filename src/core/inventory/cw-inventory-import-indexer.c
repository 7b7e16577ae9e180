/* cw-inventory-import-indexer.c
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

/* Builds the search index of an import into a workspace that had no CIs, on
 * its own thread, in a private in-memory database whose cis_fts table is
 * made with the workspace's own definition; cw_inventory_index_add() and
 * _remove() write the text, so it is the text the workspace would hold.
 * Merging is left for one 'optimize' at the end: one segment, built once.
 * The writer then copies the index tables into the (empty) index of the
 * workspace: the same SQLite made them from the same definition, so their
 * pages are valid there. */

#define PROGRESS_OPS 10000

/* The writer copies what is to be indexed into chunks, which the indexer
 * works through in order. It may fall behind by MAX_CHUNKS chunks, so that
 * the writer can go on to make the indexes while the search index is being
 * completed; past that, the writer waits. */
#define CHUNK_OPS   8192
#define MAX_CHUNKS  16

typedef struct
{
  GArray       *ops;    /* CwImportIndexOp */
  GStringChunk *text;
} Chunk;

struct _CwImportIndexer
{
  sqlite3           *db;
  CwInventoryIndex  *index;
  GCancellable      *cancellable;
  GAsyncQueue       *queue;
  GAsyncQueue       *free_chunks;
  Chunk             *current;
  guint              n_chunks;
  GThread           *thread;
  GError            *error;
  gint               stop;
  gboolean           ended;
};

/* Stands for the end in the queue. */
static Chunk end_of_input;

static Chunk *
chunk_new (void)
{
  Chunk *chunk = g_new0 (Chunk, 1);

  chunk->ops = g_array_sized_new (FALSE, FALSE, sizeof (CwImportIndexOp), CHUNK_OPS);
  chunk->text = g_string_chunk_new (64 * 1024);
  return chunk;
}

static void
chunk_free (Chunk *chunk)
{
  g_array_unref (chunk->ops);
  g_string_chunk_free (chunk->text);
  g_free (chunk);
}

static int
on_progress_cb (void *data)
{
  return g_cancellable_is_cancelled (data) ? 1 : 0;
}

static gboolean
exec (CwImportIndexer  *self,
      sqlite3          *db,
      const char       *sql,
      GError          **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc == SQLITE_OK)
    return TRUE;

  if (!g_cancellable_set_error_if_cancelled (self->cancellable, error))
    cw_store_set_sql_error (error, db, rc, _("Search index"));
  return FALSE;
}

static void
index_chunk (CwImportIndexer *self,
             Chunk           *chunk)
{
  for (guint i = 0; i < chunk->ops->len; i++)
    {
      CwImportIndexOp *op = &g_array_index (chunk->ops, CwImportIndexOp, i);
      gboolean ok;

      if (op->remove)
        ok = cw_inventory_index_remove (self->index, op->id, &op->text, &self->error);
      else
        ok = cw_inventory_index_add (self->index, op->id, &op->text, &self->error);
      if (!ok)
        return;
    }
}

static gpointer
indexer_thread (gpointer data)
{
  CwImportIndexer *self = data;

  for (;;)
    {
      Chunk *chunk = g_async_queue_pop (self->queue);

      if (chunk == &end_of_input)
        break;

      if (self->error == NULL && !g_atomic_int_get (&self->stop))
        index_chunk (self, chunk);
      g_array_set_size (chunk->ops, 0);
      g_string_chunk_clear (chunk->text);
      g_async_queue_push (self->free_chunks, chunk);
    }

  /* One segment for the searches; FTS5 writes what it holds in memory when
   * the transaction ends. */
  if (self->error == NULL && !g_atomic_int_get (&self->stop))
    {
      g_clear_pointer (&self->index, cw_inventory_index_free);
      if (exec (self, self->db, "INSERT INTO cis_fts (cis_fts) VALUES ('optimize')", &self->error))
        exec (self, self->db, "COMMIT", &self->error);
    }

  return NULL;
}

CwImportIndexer *
cw_import_indexer_new (sqlite3       *workspace_db,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(CwImportIndexer) self = g_new0 (CwImportIndexer, 1);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  self->cancellable = g_object_ref (cancellable);

  rc = sqlite3_prepare_v2 (workspace_db,
                           "SELECT sql FROM sqlite_schema "
                           "WHERE type = 'table' AND name = 'cis_fts'",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    sql = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  if (sql == NULL)
    {
      cw_store_set_sql_error (error, workspace_db, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc,
                              _("Search index"));
      return NULL;
    }

  /* Used by one thread at a time: the indexer, then (once it has been
   * joined) the writer. */
  rc = sqlite3_open_v2 (":memory:", &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      cw_store_set_sql_error (error, self->db, rc, _("Search index"));
      return NULL;
    }
  sqlite3_progress_handler (self->db, PROGRESS_OPS, on_progress_cb, self->cancellable);

  if (!exec (self, self->db, sql, error)
      || !exec (self, self->db, "INSERT INTO cis_fts (cis_fts, rank) VALUES ('automerge', 0)",
                error)
      || !exec (self, self->db, "BEGIN", error))
    return NULL;

  self->index = cw_inventory_index_new (self->db, error);
  if (self->index == NULL)
    return NULL;

  self->queue = g_async_queue_new ();
  self->free_chunks = g_async_queue_new_full ((GDestroyNotify) chunk_free);
  self->current = chunk_new ();
  self->n_chunks = 1;
  self->thread = g_thread_new ("cw-import-index", indexer_thread, self);

  return g_steal_pointer (&self);
}

static const char *
keep (Chunk      *chunk,
      const char *text)
{
  return text != NULL ? g_string_chunk_insert (chunk->text, text) : NULL;
}

/* Queues @text to be added to (or removed from) the index under @id. */
void
cw_import_indexer_add (CwImportIndexer      *self,
                       gint64                id,
                       gboolean              remove,
                       const CwCiSearchText *text)
{
  Chunk *chunk;
  CwImportIndexOp op = { .id = id, .remove = remove };

  g_return_if_fail (self != NULL);
  g_return_if_fail (!self->ended);

  chunk = self->current;
  op.text.name = keep (chunk, text->name);
  op.text.model = keep (chunk, text->model);
  op.text.serial = keep (chunk, text->serial);
  op.text.site = text->site;    /* the writer's, for as long as the import */
  op.text.ip_address = keep (chunk, text->ip_address);
  op.text.firmware_version = keep (chunk, text->firmware_version);
  op.text.os_version = keep (chunk, text->os_version);
  g_array_append_val (chunk->ops, op);

  if (chunk->ops->len < CHUNK_OPS)
    return;

  g_async_queue_push (self->queue, chunk);
  self->current = g_async_queue_try_pop (self->free_chunks);
  if (self->current == NULL && self->n_chunks < MAX_CHUNKS)
    {
      self->current = chunk_new ();
      self->n_chunks++;
    }
  if (self->current == NULL)
    self->current = g_async_queue_pop (self->free_chunks);
}

void
cw_import_indexer_end (CwImportIndexer *self)
{
  g_return_if_fail (self != NULL);

  if (self->ended)
    return;

  self->ended = TRUE;
  if (self->current != NULL && self->current->ops->len > 0)
    {
      g_async_queue_push (self->queue, self->current);
      self->current = NULL;
    }
  g_async_queue_push (self->queue, &end_of_input);
}

static void
join (CwImportIndexer *self)
{
  cw_import_indexer_end (self);
  if (self->thread != NULL)
    g_thread_join (g_steal_pointer (&self->thread));
}

static gboolean
copy_table (CwImportIndexer  *self,
            sqlite3          *to_db,
            const char       *table,
            GError          **error)
{
  g_autofree char *select = g_strdup_printf ("SELECT * FROM \"%s\"", table);
  g_autofree char *clear = g_strdup_printf ("DELETE FROM \"%s\"", table);
  g_autoptr(GString) insert = g_string_new (NULL);
  sqlite3_stmt *from = NULL;
  sqlite3_stmt *to = NULL;
  sqlite3 *failed_db = self->db;
  int n_columns;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, select, -1, &from, NULL);
  if (rc != SQLITE_OK)
    return cw_store_set_sql_error (error, self->db, rc, _("Search index"));

  n_columns = sqlite3_column_count (from);
  g_string_printf (insert, "INSERT INTO \"%s\" VALUES (?", table);
  for (int i = 1; i < n_columns; i++)
    g_string_append (insert, ", ?");
  g_string_append (insert, ")");

  if (!exec (self, to_db, clear, error))
    {
      sqlite3_finalize (from);
      return FALSE;
    }

  rc = sqlite3_prepare_v2 (to_db, insert->str, -1, &to, NULL);
  if (rc != SQLITE_OK)
    failed_db = to_db;
  while (rc == SQLITE_OK && (rc = sqlite3_step (from)) == SQLITE_ROW)
    {
      for (int i = 0; i < n_columns; i++)
        sqlite3_bind_value (to, i + 1, sqlite3_column_value (from, i));
      rc = sqlite3_step (to);
      sqlite3_reset (to);
      if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
      else
        failed_db = to_db;
    }
  sqlite3_finalize (from);
  sqlite3_finalize (to);

  if (rc != SQLITE_DONE)
    {
      if (!g_cancellable_set_error_if_cancelled (self->cancellable, error))
        cw_store_set_sql_error (error, failed_db, rc, _("Search index"));
      return FALSE;
    }

  return TRUE;
}

gboolean
cw_import_indexer_finish (CwImportIndexer  *self,
                          sqlite3          *workspace_db,
                          GError          **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  join (self);

  if (self->error != NULL)
    {
      if (!g_cancellable_set_error_if_cancelled (self->cancellable, error))
        g_propagate_error (error, g_steal_pointer (&self->error));
      return FALSE;
    }

  return copy_table (self, workspace_db, "cis_fts_data", error)
    && copy_table (self, workspace_db, "cis_fts_idx", error);
}

void
cw_import_indexer_free (CwImportIndexer *self)
{
  if (self == NULL)
    return;

  g_atomic_int_set (&self->stop, TRUE);
  if (self->queue != NULL)
    join (self);
  g_clear_pointer (&self->index, cw_inventory_index_free);
  if (self->db != NULL)
    sqlite3_close (self->db);
  g_clear_pointer (&self->queue, g_async_queue_unref);
  g_clear_pointer (&self->free_chunks, g_async_queue_unref);
  g_clear_pointer (&self->current, chunk_free);
  g_clear_object (&self->cancellable);
  g_clear_error (&self->error);
  g_free (self);
}
