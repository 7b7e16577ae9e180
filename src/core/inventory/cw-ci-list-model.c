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

/* Items are read one by one on get_item(); a view asks for the few dozen
 * rows it shows, so only a small ring of recent items is kept. */
#define CACHE_SIZE 512

struct _CwCiListModel
{
  GObject       parent_instance;

  CwStore      *store;
  sqlite3_stmt *select;
  GArray       *ids;

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
cw_ci_list_model_get_n_items (GListModel *model)
{
  CwCiListModel *self = CW_CI_LIST_MODEL (model);

  return self->ids != NULL ? self->ids->len : 0;
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

  if (self->ids == NULL || position >= self->ids->len)
    return NULL;

  id = g_array_index (self->ids, guint32, position);
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

void
cw_ci_list_model_set_ids (CwCiListModel *self,
                          GArray        *ids)
{
  guint removed;
  guint added;

  g_return_if_fail (CW_IS_CI_LIST_MODEL (self));
  g_return_if_fail (ids == NULL || g_array_get_element_size (ids) == sizeof (guint32));

  removed = self->ids != NULL ? self->ids->len : 0;
  added = ids != NULL ? ids->len : 0;

  if (ids != NULL)
    g_array_ref (ids);

  /* Two changes, not one: a view that sees items removed and added in one
   * change looks up every added item to reuse the rows of removed ones,
   * which would read every CI of the new list. Emptied first, the view
   * only asks for the rows it shows. */
  g_clear_pointer (&self->ids, g_array_unref);
  if (removed > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, 0);

  self->ids = ids;
  if (added > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, added);
}

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

  if (self->ids == NULL || position >= self->ids->len)
    return 0;

  return g_array_index (self->ids, guint32, position);
}

guint
cw_ci_list_model_find (CwCiListModel *self,
                       gint64         id)
{
  g_return_val_if_fail (CW_IS_CI_LIST_MODEL (self), G_MAXUINT);

  if (self->ids == NULL)
    return G_MAXUINT;

  for (guint i = 0; i < self->ids->len; i++)
    {
      if (g_array_index (self->ids, guint32, i) == id)
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
