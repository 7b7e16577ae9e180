/* cw-inventory-warm.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-inventory-warm"

#include "config.h"

#ifdef __linux__
# include <sys/resource.h>
# include <sys/syscall.h>
# include <unistd.h>
#endif

#include "cw-inventory-searcher-private.h"
#include "cw-store-private.h"

/* Warming: the searcher's sort orders, and the sets of every one-character
 * word, computed in the background on a thread and connection of their
 * own, at a lower priority, so that queries go on meanwhile. What a query
 * computed first is kept; what the warming computed from a workspace that
 * changed since is not. */

/* The niceness of the warming thread: it yields to queries and drawing. */
#define WARM_NICENESS 10
/* How long warming sleeps at a time while a query runs. */
#define WARM_PAUSE_US 500

/* The fields with a value per CI, the address first: it has a column of
 * its own by default. */
static const CwCiField pair_fields[] = {
  CW_CI_FIELD_IP_ADDRESS,
  CW_CI_FIELD_SERIAL,
  CW_CI_FIELD_ASSET_TAG,
  CW_CI_FIELD_SYS_ID,
  CW_CI_FIELD_NOTES,
};

typedef struct
{
  CwInventorySearcher *self;
  guint                generation;
  guint32              max_id;
  CwStore             *store;
  GCancellable        *cancellable;
} Warm;

/* Keeps @order unless the workspace changed meanwhile, or a query computed
 * it already. Takes @order. */
static void
warm_keep (Warm      *warm,
           CwCiField  field,
           GArray    *order)
{
  CwInventorySearcher *self = warm->self;

  g_debug ("Warmed the order by %s", cw_ci_field_get_key (field));

  g_mutex_lock (&self->lock);
  if (self->generation == warm->generation && self->orders[field] == NULL)
    self->orders[field] = g_steal_pointer (&order);
  g_mutex_unlock (&self->lock);

  g_clear_pointer (&order, g_array_unref);
}

/* Borrows the searcher's order of @field, if it has one. */
static GArray *
warm_lookup (Warm      *warm,
             CwCiField  field)
{
  CwInventorySearcher *self = warm->self;
  GArray *order = NULL;

  g_mutex_lock (&self->lock);
  if (self->generation == warm->generation && self->orders[field] != NULL)
    order = g_array_ref (self->orders[field]);
  g_mutex_unlock (&self->lock);

  return order;
}

static gboolean
warm_char_hits (Warm          *warm,
                GCancellable  *cancellable,
                GError       **error)
{
  CwInventorySearcher *self = warm->self;

  for (guint slot = 0; slot < N_CHARS; slot++)
    {
      /* Letters, then digits. */
      guint at = (slot + 10) % N_CHARS;
      char word[2] = { at < 10 ? '0' + at : 'a' + at - 10, '\0' };
      gboolean have;
      guint8 *bits;

      g_mutex_lock (&self->lock);
      have = self->generation != warm->generation || self->char_hits[at] != NULL;
      g_mutex_unlock (&self->lock);
      if (have)
        continue;

      bits = _cw_inventory_hits_for_word (cw_store_get_handle (warm->store), word, warm->max_id,
                                          cancellable, error);
      if (bits == NULL)
        return FALSE;

      g_mutex_lock (&self->lock);
      if (self->generation == warm->generation && self->char_hits[at] == NULL)
        self->char_hits[at] = g_steal_pointer (&bits);
      g_mutex_unlock (&self->lock);
      g_free (bits);
    }

  g_debug ("Warmed the searches of one character");
  return TRUE;
}

static gboolean
warm_all (Warm          *warm,
          GCancellable  *cancellable,
          GError       **error)
{
  sqlite3 *db = cw_store_get_handle (warm->store);
  g_autoptr(GArray) name_order = NULL;
  CwCiField missing[CW_CI_N_FIELDS];
  GArray *orders[CW_CI_N_FIELDS];
  guint n_missing = 0;
  GArray *order;

  /* First the first keystroke of every search, then the orders. */
  if (!warm_char_hits (warm, cancellable, error))
    return FALSE;

  name_order = warm_lookup (warm, CW_CI_FIELD_NAME);
  if (name_order == NULL)
    {
      name_order = _cw_inventory_order_by_name (db, warm->max_id, cancellable, error);
      if (name_order == NULL)
        return FALSE;
      warm_keep (warm, CW_CI_FIELD_NAME, g_array_ref (name_order));
    }

  /* Every field with few values in one pass. */
  for (CwCiField field = 0; field < CW_CI_N_FIELDS; field++)
    {
      if (!_cw_inventory_field_has_few_values (field))
        continue;

      order = warm_lookup (warm, field);
      if (order == NULL)
        missing[n_missing++] = field;
      g_clear_pointer (&order, g_array_unref);
    }
  if (n_missing > 0)
    {
      if (!_cw_inventory_orders_by_values (db, missing, n_missing, name_order, warm->max_id,
                                           orders, cancellable, error))
        return FALSE;
      for (guint i = 0; i < n_missing; i++)
        warm_keep (warm, missing[i], orders[i]);
    }

  order = warm_lookup (warm, CW_CI_FIELD_SITE);
  if (order == NULL)
    {
      order = _cw_inventory_order_by_site (db, warm->max_id, cancellable, error);
      if (order == NULL)
        return FALSE;
      warm_keep (warm, CW_CI_FIELD_SITE, g_steal_pointer (&order));
    }
  g_clear_pointer (&order, g_array_unref);

  for (guint i = 0; i < G_N_ELEMENTS (pair_fields); i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;


      order = warm_lookup (warm, pair_fields[i]);
      if (order == NULL)
        {
          order = _cw_inventory_order_by_pairs (db, pair_fields[i], name_order, warm->max_id,
                                                cancellable, error);
          if (order == NULL)
            return FALSE;
          warm_keep (warm, pair_fields[i], g_steal_pointer (&order));
        }
      g_clear_pointer (&order, g_array_unref);
    }

  return TRUE;
}

/* The progress handler of the warming connection: it stops for a
 * cancellation, and pauses while the searcher answers a query, so that a
 * keystroke does not share the processor with warming. */
static int
warm_progress (void *data)
{
  Warm *warm = data;

  while (g_atomic_int_get (&warm->self->n_running) > 0 &&
         !g_cancellable_is_cancelled (warm->cancellable))
    g_usleep (WARM_PAUSE_US);

  return g_cancellable_is_cancelled (warm->cancellable) ? 1 : 0;
}

static gpointer
warm_thread (gpointer data)
{
  g_autoptr(GTask) task = data;
  CwInventorySearcher *self = g_task_get_source_object (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  Warm warm = { self, 0, 0, NULL, cancellable };
  g_autoptr(GError) error = NULL;
  guint32 max_id = 0;
  gboolean ok;
  sqlite3 *db;
  int rc;

#ifdef __linux__
  /* This thread only: it gives way to queries and drawing. */
  if (setpriority (PRIO_PROCESS, (id_t) syscall (SYS_gettid), WARM_NICENESS) != 0)
    g_debug ("Cannot lower the priority of warming the sort orders");
#endif

  /* What the searcher sees now: orders for anything else are not kept. */
  g_mutex_lock (&self->lock);
  ok = _cw_inventory_searcher_prepare (self, cancellable, &error);
  _cw_inventory_searcher_release (self);
  warm.generation = self->generation;
  warm.max_id = self->max_id;
  g_mutex_unlock (&self->lock);
  if (!ok)
    goto done;

  warm.store = cw_store_open (self->path, CW_STORE_OPEN_READ_ONLY, &error);
  if (warm.store == NULL)
    goto done;

  /* One snapshot of the workspace; a change since the searcher looked
   * makes it the searcher's next query's business. */
  db = cw_store_get_handle (warm.store);
  sqlite3_progress_handler (db, 4000, warm_progress, &warm);
  rc = sqlite3_exec (db, "BEGIN", NULL, NULL, NULL);
  ok = (rc == SQLITE_OK || _cw_inventory_searcher_set_error (&error, db, rc, cancellable)) &&
       _cw_inventory_searcher_read_max_id (db, &max_id, cancellable, &error);
  if (ok && max_id == warm.max_id)
    {
      gint64 start = g_get_monotonic_time ();

      ok = warm_all (&warm, cancellable, &error);
      g_debug ("Warmed the sort orders in %.1f ms", (g_get_monotonic_time () - start) / 1000.0);
    }
  cw_store_rollback (warm.store);
  sqlite3_progress_handler (db, 0, NULL, NULL);

done:
  g_clear_object (&warm.store);
  if (!ok)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);

  return NULL;
}

/**
 * cw_inventory_searcher_warm_async:
 *
 * Computes the sort orders of every field a query has not asked for yet,
 * on a thread and connection of its own, at a lower priority: queries go on
 * meanwhile.
 */
void
cw_inventory_searcher_warm_async (CwInventorySearcher *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GCancellable) own = NULL;

  g_return_if_fail (CW_IS_INVENTORY_SEARCHER (self));

  /* The progress handler needs a cancellable to look at. */
  if (cancellable == NULL)
    cancellable = own = g_cancellable_new ();

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cw_inventory_searcher_warm_async);
  g_thread_unref (g_thread_new ("cw-inventory-warm", warm_thread, g_steal_pointer (&task)));
}

gboolean
cw_inventory_searcher_warm_finish (CwInventorySearcher  *self,
                                   GAsyncResult         *result,
                                   GError              **error)
{
  g_return_val_if_fail (CW_IS_INVENTORY_SEARCHER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
