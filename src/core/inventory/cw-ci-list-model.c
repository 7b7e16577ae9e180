/* cw-ci-list-model.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-ci-list-model"

#include "config.h"

#include <string.h>

#include "cw-ci-list-model.h"
#include "cw-inventory-private.h"
#include "cw-store-private.h"

/* Items are read one by one on get_item(); a view asks for the rows it
 * shows, so only a small ring of recent items is kept.
 *
 * A new list of ids replaces the old one in steps that a GTK 4.8 list view
 * follows without destroying its row widgets (it keeps about 200 of them,
 * each a dozen cells: building them anew costs more than the query):
 *
 *  1. cw_ci_list_model_begin_set_ids() appends the first few new ids (the
 *     "lead") after the old list;
 *  2. the view scrolls to the last of them: its row widgets move there,
 *     bound to the new items;
 *  3. cw_ci_list_model_end_set_ids() removes the old list, from the top,
 *     then appends the rest of the new ids.
 *
 * No change removes items a view shows and adds others at once: GTK 4.8
 * would then look up every added item to find a row to reuse, reading
 * every CI of the new list. Every removal starts at the top: GTK 4.8
 * removes the wrong rows when a removal starts inside a stretch of rows it
 * has no widgets for and ends past one it has, and it moves the keyboard
 * focus of removed rows to where the removal started. */
#define CACHE_SIZE 512

struct _CwCiListModel
{
  GObject       parent_instance;

  CwStore      *store;
  sqlite3_stmt *select;

  /* The list is ids[0, n_lead), after every old id between
   * begin_set_ids() and end_set_ids(). */
  GArray       *ids;
  guint         n_lead;
  GArray       *old_ids;

  GHashTable   *cache;            /* id → CwCi */
  gint64        ring[CACHE_SIZE];
  guint         ring_next;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CwCiListModel, cw_ci_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
cw_ci_list_model_get_item_type (GListModel *model)
{
  return CW_TYPE_CI;
}

static guint
n_items (CwCiListModel *self)
{
  return self->n_lead + (self->old_ids != NULL ? self->old_ids->len : 0);
}

/* The id at @position of the list as it is now; 0 past its end. */
static guint32
id_at (CwCiListModel *self,
       guint          position)
{
  if (self->old_ids != NULL)
    {
      if (position < self->old_ids->len)
        return g_array_index (self->old_ids, guint32, position);
      position -= self->old_ids->len;
    }

  if (position < self->n_lead)
    return g_array_index (self->ids, guint32, position);

  return 0;
}

static guint
cw_ci_list_model_get_n_items (GListModel *model)
{
  return n_items (CW_CI_LIST_MODEL (model));
}

static CwCi *
read_ci (CwCiListModel *self,
         gint64         id)
{
  sqlite3 *db = cw_store_get_handle (self->store);
  CwCi *ci = NULL;
  int rc;

  if (self->select == NULL)
    {
      rc = sqlite3_prepare_v2 (db, CW_INVENTORY_SELECT_CI "WHERE c.id = ?", -1,
                               &self->select, NULL);
      if (rc != SQLITE_OK)
        {
          g_warning ("Could not read configuration items: %s", sqlite3_errmsg (db));
          self->select = NULL;
        }
    }

  if (self->select != NULL)
    {
      sqlite3_bind_int64 (self->select, 1, id);
      if (sqlite3_step (self->select) == SQLITE_ROW)
        ci = cw_inventory_ci_from_row (self->select, id);
      sqlite3_reset (self->select);
    }

  /* Deleted since the ids were taken: an empty item keeps the positions. */
  if (ci == NULL)
    {
      const char *values[CW_CI_N_FIELDS] = { NULL };
      ci = cw_ci_new (id, values, 0, NULL, NULL);
    }

  return ci;
}

static gpointer
cw_ci_list_model_get_item (GListModel *model,
                           guint       position)
{
  CwCiListModel *self = CW_CI_LIST_MODEL (model);
  gint64 id;
  CwCi *ci;

  id = id_at (self, position);
  if (id == 0)
    return NULL;

  ci = g_hash_table_lookup (self->cache, &id);
  if (ci != NULL)
    return g_object_ref (ci);

  ci = read_ci (self, id);

  if (self->ring[self->ring_next] != 0)
    g_hash_table_remove (self->cache, &self->ring[self->ring_next]);
  self->ring[self->ring_next] = id;
  g_hash_table_insert (self->cache, &self->ring[self->ring_next], g_object_ref (ci));
  self->ring_next = (self->ring_next + 1) % CACHE_SIZE;

  return ci;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = cw_ci_list_model_get_item_type;
  iface->get_n_items = cw_ci_list_model_get_n_items;
  iface->get_item = cw_ci_list_model_get_item;
}

static void
cw_ci_list_model_finalize (GObject *object)
{
  CwCiListModel *self = (CwCiListModel *) object;

  g_clear_pointer (&self->select, sqlite3_finalize);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->old_ids, g_array_unref);
  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cw_ci_list_model_parent_class)->finalize (object);
}

static void
cw_ci_list_model_class_init (CwCiListModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cw_ci_list_model_finalize;
}

static void
cw_ci_list_model_init (CwCiListModel *self)
{
  /* Keys point into the ring, which lives as long as the model. */
  self->cache = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_object_unref);
}

CwCiListModel *
cw_ci_list_model_new (CwStore *store)
{
  CwCiListModel *self;

  g_return_val_if_fail (CW_IS_STORE (store), NULL);

  self = g_object_new (CW_TYPE_CI_LIST_MODEL, NULL);
  self->store = g_object_ref (store);

  return self;
}

static gboolean
same_ids (GArray *a,
          GArray *b)
{
  guint n_a = a != NULL ? a->len : 0;
  guint n_b = b != NULL ? b->len : 0;

  if (n_a != n_b)
    return FALSE;

  return n_a == 0 || memcmp (a->data, b->data, n_a * sizeof (guint32)) == 0;
}

/**
 * cw_ci_list_model_begin_set_ids:
 * @ids: (nullable): a GArray of guint32, as cw_inventory_searcher_run()
 *   returns; the model keeps a reference
 * @n_lead: how many of the new ids to show before the old ones
 *
 * Starts replacing the list with @ids: the first @n_lead of them are
 * appended after the old list, in one items-changed. A list view scrolled
 * to the last item then binds its row widgets to them: keep @n_lead within
 * the rows the view keeps before the one it scrolls to (200 for GTK 4.8).
 * cw_ci_list_model_end_set_ids() does the rest. The same ids as before
 * change nothing.
 *
 * Returns: %TRUE when the list now holds the old ids and the lead after
 *   them; %FALSE when it changed in one go, or not at all
 */
gboolean
cw_ci_list_model_begin_set_ids (CwCiListModel *self,
                                GArray        *ids,
                                guint          n_lead)
{
  g_autoptr(GArray) old = NULL;
  guint n_old;
  guint n_new;

  g_return_val_if_fail (CW_IS_CI_LIST_MODEL (self), FALSE);
  g_return_val_if_fail (ids == NULL || g_array_get_element_size (ids) == sizeof (guint32), FALSE);

  cw_ci_list_model_end_set_ids (self);

  if (ids != NULL)
    g_array_ref (ids);
  old = g_steal_pointer (&self->ids);
  self->ids = ids;
  n_old = old != NULL ? old->len : 0;
  n_new = ids != NULL ? ids->len : 0;

  /* Nothing changes: no change to announce. */
  if (same_ids (old, ids))
    {
      self->n_lead = n_new;
      return FALSE;
    }

  /* Nothing to replace, or nothing to add: one change says it all. */
  if (n_old == 0 || n_new == 0)
    {
      self->n_lead = n_new;
      g_list_model_items_changed (G_LIST_MODEL (self), 0, n_old, n_new);
      return FALSE;
    }

  self->n_lead = MIN (n_lead, n_new);
  self->old_ids = g_steal_pointer (&old);
  if (self->n_lead > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), n_old, 0, self->n_lead);

  return self->n_lead > 0;
}

/**
 * cw_ci_list_model_end_set_ids:
 *
 * Ends what cw_ci_list_model_begin_set_ids() started: the old ids are
 * removed from the top, then the rest of the new ones appended, each in one
 * items-changed. Does nothing when no change is under way.
 */
void
cw_ci_list_model_end_set_ids (CwCiListModel *self)
{
  g_autoptr(GArray) old = NULL;
  guint n_lead;
  guint n_new;

  g_return_if_fail (CW_IS_CI_LIST_MODEL (self));

  if (self->old_ids == NULL)
    return;

  old = g_steal_pointer (&self->old_ids);
  n_lead = self->n_lead;
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old->len, 0);

  n_new = self->ids->len;
  self->n_lead = n_new;
  if (n_new > n_lead)
    g_list_model_items_changed (G_LIST_MODEL (self), n_lead, 0, n_new - n_lead);
}

/**
 * cw_ci_list_model_set_ids:
 * @ids: (nullable): a GArray of guint32, as cw_inventory_searcher_run()
 *   returns; the model keeps a reference
 *
 * Replaces the list: every old item is removed, then every new one added,
 * in two items-changed (none for the same ids).
 */
void
cw_ci_list_model_set_ids (CwCiListModel *self,
                          GArray        *ids)
{
  g_return_if_fail (CW_IS_CI_LIST_MODEL (self));

  (void) cw_ci_list_model_begin_set_ids (self, ids, 0);
  cw_ci_list_model_end_set_ids (self);
}

/**
 * cw_ci_list_model_get_ids:
 *
 * Returns: (transfer none) (nullable): the ids of the list, or of the list
 *   being set
 */
GArray *
cw_ci_list_model_get_ids (CwCiListModel *self)
{
  g_return_val_if_fail (CW_IS_CI_LIST_MODEL (self), NULL);

  return self->ids;
}

gint64
cw_ci_list_model_get_id (CwCiListModel *self,
                         guint          position)
{
  g_return_val_if_fail (CW_IS_CI_LIST_MODEL (self), 0);

  return id_at (self, position);
}

/**
 * cw_ci_list_model_find:
 *
 * Returns: the position of @id in the list as it is now, or %G_MAXUINT
 */
guint
cw_ci_list_model_find (CwCiListModel *self,
                       gint64         id)
{
  guint n;

  g_return_val_if_fail (CW_IS_CI_LIST_MODEL (self), G_MAXUINT);

  if (id <= 0 || id > G_MAXUINT32)
    return G_MAXUINT;

  n = n_items (self);
  for (guint i = 0; i < n; i++)
    {
      if (id_at (self, i) == id)
        return i;
    }

  return G_MAXUINT;
}

void
cw_ci_list_model_invalidate (CwCiListModel *self)
{
  g_return_if_fail (CW_IS_CI_LIST_MODEL (self));

  g_hash_table_remove_all (self->cache);
  memset (self->ring, 0, sizeof self->ring);
  self->ring_next = 0;
}
