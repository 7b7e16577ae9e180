/* cw-inventory-searcher.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-inventory-searcher"

#include "config.h"

#include <string.h>

#include "cw-inventory-index.h"
#include "cw-inventory-private.h"
#include "cw-inventory-query.h"
#include "cw-inventory-searcher-private.h"
#include "cw-inventory.h"
#include "cw-store-private.h"

/* A query is answered in three steps, all on one read-only connection:
 *
 *  1. the order of every CI for the sort field, computed once and kept
 *     until the workspace changes (PRAGMA data_version), see
 *     cw-inventory-orders.c;
 *  2. the set of CIs that pass the search and filters, as a bitmap over ids
 *     (cw-inventory-hits.c); the set of each word of a search is kept for
 *     the next keystrokes ("fra1" stays while "fra1 s", "fra1 sw" are
 *     typed);
 *  3. a walk along the order, keeping the ids in the set.
 *
 * Step 3 costs the same for any number of hits (a few ms at 1,000,000 CIs),
 * so neither a broad search nor a sort ever sorts the hits themselves. The
 * last results are kept too: Backspace, or a keystroke that changes no word
 * ("fra1" to "fra1-"), finds its answer without a query.
 *
 * Warming computes the orders, and the sets of every one-character word, in
 * the background on a thread and connection of its own, at a lower
 * priority, so that queries go on meanwhile. */

G_DEFINE_FINAL_TYPE (CwInventorySearcher, cw_inventory_searcher, G_TYPE_OBJECT)

static void
kept_result_free (KeptResult *kept)
{
  g_free (kept->key);
  g_array_unref (kept->ids);
  g_free (kept);
}

static void
kept_word_free (KeptWord *kept)
{
  g_free (kept->word);
  g_free (kept->bits);
  g_free (kept);
}

/* The workspace changed: what was computed from it goes. */
static void
forget_all (CwInventorySearcher *self)
{
  for (guint i = 0; i < CW_CI_N_FIELDS; i++)
    g_clear_pointer (&self->orders[i], g_array_unref);
  g_queue_clear_full (&self->results, (GDestroyNotify) kept_result_free);
  g_queue_clear_full (&self->words, (GDestroyNotify) kept_word_free);
  self->n_kept_ids = 0;
  for (guint i = 0; i < N_CHARS; i++)
    g_clear_pointer (&self->char_hits[i], g_free);
}

int
_cw_inventory_searcher_char_slot (const char *word)
{
  if (word[0] == '\0' || word[1] != '\0')
    return -1;
  if (g_ascii_isdigit (word[0]))
    return word[0] - '0';
  if (g_ascii_isalpha (word[0]))
    return 10 + g_ascii_tolower (word[0]) - 'a';

  return -1;
}

static void
cw_inventory_searcher_finalize (GObject *object)
{
  CwInventorySearcher *self = (CwInventorySearcher *) object;

  forget_all (self);
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
  g_queue_init (&self->results);
  g_queue_init (&self->words);
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

int
_cw_inventory_searcher_progress (void *data)
{
  return g_cancellable_is_cancelled (G_CANCELLABLE (data)) ? 1 : 0;
}

gboolean
_cw_inventory_searcher_set_error (GError       **error,
                                  sqlite3       *db,
                                  int            rc,
                                  GCancellable  *cancellable)
{
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  return cw_store_set_sql_error (error, db, rc, "inventory search");
}

/* ---- the workspace ------------------------------------------------------- */

gboolean
_cw_inventory_searcher_read_max_id (sqlite3       *db,
                                    guint32       *max_id,
                                    GCancellable  *cancellable,
                                    GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = 0;
  int rc;

  rc = sqlite3_prepare_v2 (db, "SELECT ifnull (max (id), 0) FROM cis", -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      value = sqlite3_column_int64 (stmt, 0);
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    return _cw_inventory_searcher_set_error (error, db, rc, cancellable);

  if (value > G_MAXUINT32 - 1)
    {
      g_set_error (error, CW_INVENTORY_ERROR, CW_INVENTORY_ERROR_TOO_LARGE,
                   "Configuration item ids go beyond %u", G_MAXUINT32 - 1);
      return FALSE;
    }

  *max_id = (guint32) value;
  return TRUE;
}

/* With the lock held: opens the connection, and forgets everything
 * computed when the workspace changed since. The progress handler watches
 * @cancellable until _cw_inventory_searcher_release(). */
gboolean
_cw_inventory_searcher_prepare (CwInventorySearcher  *self,
                                GCancellable         *cancellable,
                                GError              **error)
{
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;
  gint64 data_version = -1;
  guint32 max_id;
  int rc;

  if (self->store == NULL)
    {
      self->store = cw_store_open (self->path, CW_STORE_OPEN_READ_ONLY, error);
      if (self->store == NULL)
        return FALSE;
    }

  db = cw_store_get_handle (self->store);
  sqlite3_progress_handler (db, 4000, _cw_inventory_searcher_progress, cancellable);

  rc = sqlite3_prepare_v2 (db, "PRAGMA data_version", -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    data_version = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  if (data_version < 0)
    return _cw_inventory_searcher_set_error (error, db, rc, cancellable);

  if (data_version == self->data_version)
    return TRUE;

  forget_all (self);
  self->generation++;
  self->data_version = -1;

  if (!_cw_inventory_searcher_read_max_id (db, &max_id, cancellable, error))
    return FALSE;

  self->max_id = max_id;
  self->data_version = data_version;

  return TRUE;
}

void
_cw_inventory_searcher_release (CwInventorySearcher *self)
{
  if (self->store != NULL)
    sqlite3_progress_handler (cw_store_get_handle (self->store), 0, NULL, NULL);
}

/* ---- orders -------------------------------------------------------------- */

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
  GArray *name_order;
  GArray *order = NULL;

  if (field == CW_CI_FIELD_NAME)
    return _cw_inventory_order_by_name (db, self->max_id, cancellable, error);

  if (field == CW_CI_FIELD_SITE)
    return _cw_inventory_order_by_site (db, self->max_id, cancellable, error);

  name_order = get_order (self, CW_CI_FIELD_NAME, cancellable, error);
  if (name_order == NULL)
    return NULL;

  if (!_cw_inventory_field_has_few_values (field))
    return _cw_inventory_order_by_pairs (db, field, name_order, self->max_id, cancellable, error);

  if (!_cw_inventory_orders_by_values (db, &field, 1, name_order, self->max_id, &order,
                                       cancellable, error))
    return NULL;

  return order;
}

/* Borrowed: the searcher keeps it. */
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

/* ---- what is kept -------------------------------------------------------- */

/* What makes two queries give the same ids: the words (not how they were
 * typed), the filters and the sort. */
static char *
query_key (const CwInventoryQuery *query)
{
  g_autofree char *match = cw_inventory_index_build_match (cw_inventory_query_get_text (query));
  const char *version = cw_inventory_query_get_version (query);
  GString *key = g_string_new (NULL);
  gboolean descending;
  CwCiField sort = cw_inventory_query_get_sort (query, &descending);

  g_string_append_printf (key, "%d%c\x1e%s\x1e%s", sort, descending ? 'd' : 'a',
                          cw_inventory_query_get_text (query) != NULL && match == NULL ? "-" : "",
                          match != NULL ? match : "");
  for (guint f = 0; f < CW_CI_N_FIELDS; f++)
    {
      const char * const *values = cw_inventory_query_get_filter (query, f);

      if (values == NULL || values[0] == NULL)
        continue;

      g_string_append_printf (key, "\x1e%u", f);
      for (guint i = 0; values[i] != NULL; i++)
        g_string_append_printf (key, "\x1f%s", values[i]);
    }
  if (version != NULL)
    g_string_append_printf (key, "\x1ev%s", version);

  return g_string_free (key, FALSE);
}

static GArray *
find_result (CwInventorySearcher *self,
             const char          *key)
{
  for (GList *l = self->results.head; l != NULL; l = l->next)
    {
      KeptResult *kept = l->data;

      if (g_str_equal (kept->key, key))
        {
          g_queue_unlink (&self->results, l);
          g_queue_push_head_link (&self->results, l);
          return g_array_ref (kept->ids);
        }
    }

  return NULL;
}

static void
keep_result (CwInventorySearcher *self,
             char                *key,
             GArray              *ids)
{
  KeptResult *kept;

  if (ids->len > MAX_KEPT_IDS)
    {
      g_free (key);
      return;
    }

  while (self->n_kept_ids + ids->len > MAX_KEPT_IDS)
    {
      kept = g_queue_pop_tail (&self->results);
      self->n_kept_ids -= kept->ids->len;
      kept_result_free (kept);
    }

  kept = g_new0 (KeptResult, 1);
  kept->key = key;
  kept->ids = g_array_ref (ids);
  g_queue_push_head (&self->results, kept);
  self->n_kept_ids += ids->len;
}

/* Borrowed: the searcher keeps it. */
static const guint8 *
get_word_hits (CwInventorySearcher  *self,
               const char           *word,
               GCancellable         *cancellable,
               GError              **error)
{
  int slot = _cw_inventory_searcher_char_slot (word);
  KeptWord *kept;
  guint8 *bits;

  if (slot >= 0)
    {
      if (self->char_hits[slot] == NULL)
        self->char_hits[slot] = _cw_inventory_hits_for_word (cw_store_get_handle (self->store),
                                                             word, self->max_id,
                                                             cancellable, error);
      return self->char_hits[slot];
    }

  for (GList *l = self->words.head; l != NULL; l = l->next)
    {
      kept = l->data;
      if (g_str_equal (kept->word, word))
        {
          g_queue_unlink (&self->words, l);
          g_queue_push_head_link (&self->words, l);
          return kept->bits;
        }
    }

  bits = _cw_inventory_hits_for_word (cw_store_get_handle (self->store), word, self->max_id,
                                      cancellable, error);
  if (bits == NULL)
    return NULL;

  if (self->words.length >= MAX_KEPT_WORDS)
    kept_word_free (g_queue_pop_tail (&self->words));

  kept = g_new0 (KeptWord, 1);
  kept->word = g_strdup (word);
  kept->bits = bits;
  g_queue_push_head (&self->words, kept);

  return bits;
}

/* The hits of a search without filters: those of every word. */
static guint8 *
collect_word_hits (CwInventorySearcher  *self,
                   const char           *text,
                   GCancellable         *cancellable,
                   GError              **error)
{
  g_auto(GStrv) words = cw_inventory_index_split_words (text);
  gsize size = CW_HITS_SIZE (self->max_id);
  g_autofree guint8 *bits = g_new0 (guint8, size);

  /* Only punctuation was typed: no hits. */
  for (guint w = 0; words[w] != NULL; w++)
    {
      const guint8 *word_bits = get_word_hits (self, words[w], cancellable, error);

      if (word_bits == NULL)
        return NULL;

      if (w == 0)
        memcpy (bits, word_bits, size);
      else
        {
          for (gsize i = 0; i < size; i++)
            bits[i] &= word_bits[i];
        }
    }

  return g_steal_pointer (&bits);
}

/* ---- the query ----------------------------------------------------------- */

static GArray *
run_locked (CwInventorySearcher     *self,
            const CwInventoryQuery  *query,
            GCancellable            *cancellable,
            GError                 **error)
{
  g_autofree guint8 *bits = NULL;
  g_autofree char *key = NULL;
  GArray *order;
  GArray *result;
  gboolean descending;
  CwCiField sort = cw_inventory_query_get_sort (query, &descending);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  if (!_cw_inventory_searcher_prepare (self, cancellable, error))
    return NULL;

  key = query_key (query);
  result = find_result (self, key);
  if (result != NULL)
    return result;

  order = get_order (self, sort, cancellable, error);
  if (order == NULL)
    return NULL;

  if (cw_inventory_query_get_version (query) != NULL || cw_inventory_query_has_filters (query))
    {
      gboolean filtered = cw_inventory_query_get_version (query) != NULL;

      for (guint f = 0; !filtered && f < CW_CI_N_FIELDS; f++)
        filtered = cw_inventory_query_get_filter (query, f) != NULL;

      if (filtered)
        bits = _cw_inventory_hits_for_query (cw_store_get_handle (self->store), query,
                                             self->max_id, cancellable, error);
      else
        bits = collect_word_hits (self, cw_inventory_query_get_text (query), cancellable, error);
      if (bits == NULL)
        return NULL;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  result = g_array_sized_new (FALSE, FALSE, sizeof (guint32), bits == NULL ? order->len : 1024);
  for (guint i = 0; i < order->len; i++)
    {
      guint32 id = g_array_index (order, guint32, descending ? order->len - 1 - i : i);

      if (bits == NULL || CW_HITS_HAS (bits, id))
        g_array_append_val (result, id);
    }

  keep_result (self, g_steal_pointer (&key), result);

  return result;
}

/**
 * cw_inventory_searcher_run:
 *
 * Returns: (transfer full): a GArray of guint32 ids, in order; the same
 *   array may be handed out again for the same query: do not change it
 */
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

  /* Warming waits while a query runs. */
  g_atomic_int_inc (&self->n_running);
  g_mutex_lock (&self->lock);
  result = run_locked (self, query, cancellable, error);
  _cw_inventory_searcher_release (self);
  g_mutex_unlock (&self->lock);
  g_atomic_int_dec_and_test (&self->n_running);

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

GArray *
cw_inventory_searcher_run_finish (CwInventorySearcher  *self,
                                  GAsyncResult         *result,
                                  GError              **error)
{
  g_return_val_if_fail (CW_IS_INVENTORY_SEARCHER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
