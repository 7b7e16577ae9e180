/* cw-inventory-searcher-private.h
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

#include "cw-ci-field.h"
#include "cw-inventory-query.h"
#include "cw-store.h"

G_BEGIN_DECLS

/* The searcher in four files: the object that answers queries and keeps
 * what it computed (cw-inventory-searcher.c), the sort orders
 * (cw-inventory-orders.c), the set of hits of a search
 * (cw-inventory-hits.c), and warming (cw-inventory-warm.c). */

/* The searcher (cw-inventory-searcher.c) and its warming
 * (cw-inventory-warm.c) share these. */
/* How many ids the kept results may hold in all (4 bytes each). */
#define MAX_KEPT_IDS   (6 * 1000 * 1000)
/* How many words' sets are kept (max_id / 8 bytes each), besides those of
 * every one-character word (a letter or a digit), kept until the workspace
 * changes: the first keystroke of every search. */
#define MAX_KEPT_WORDS 24
#define N_CHARS        36

typedef struct
{
  char   *key;
  GArray *ids;
} KeptResult;

typedef struct
{
  char   *word;
  guint8 *bits;
} KeptWord;

struct _CwInventorySearcher
{
  GObject   parent_instance;

  char     *path;

  GMutex    lock;
  CwStore  *store;
  gint64    data_version;
  guint     generation;       /* one more at each change of the workspace */
  guint32   max_id;
  GArray   *orders[CW_CI_N_FIELDS];
  GQueue    results;          /* KeptResult, the last one first */
  guint     n_kept_ids;
  GQueue    words;            /* KeptWord, the last one first */
  guint8   *char_hits[N_CHARS];  /* 0-9, then a-z */
  gint      n_running;        /* queries asked for and not answered yet */
};

gint      _cw_inventory_searcher_progress      (void                 *cancellable);
gboolean  _cw_inventory_searcher_read_max_id   (sqlite3              *db,
                                                guint32              *max_id,
                                                GCancellable         *cancellable,
                                                GError              **error);
gboolean  _cw_inventory_searcher_prepare       (CwInventorySearcher  *self,
                                                GCancellable         *cancellable,
                                                GError              **error);
void      _cw_inventory_searcher_release       (CwInventorySearcher  *self);
/* The slot of a one-character word (a letter or a digit) in char_hits, or
 * -1. */
int       _cw_inventory_searcher_char_slot     (const char           *word);

/* A set of CIs: bit @id of max_id + 1 bits. */
#define CW_HITS_SIZE(max_id)     ((gsize) (max_id) / 8 + 1)
#define CW_HITS_HAS(bits, id)    (((bits)[(id) >> 3] & (1u << ((id) & 7))) != 0)
#define CW_HITS_ADD(bits, id)    ((bits)[(id) >> 3] |= (guint8) (1u << ((id) & 7)))

/* A failed statement, or a cancelled one: the progress handler of the
 * connection stops statements when the query is cancelled. */
gboolean  _cw_inventory_searcher_set_error (GError              **error,
                                            sqlite3              *db,
                                            int                   rc,
                                            GCancellable         *cancellable);

/* cw-inventory-orders.c: the order of every CI for a field, a GArray of
 * guint32 ids with ties in name order (name order: "ORDER BY name, id").
 * The natural order of cw_inventory_natural_compare(), no value first; the
 * site order by site code, CIs without a site first. */
gboolean  _cw_inventory_field_has_few_values (CwCiField             field);
GArray   *_cw_inventory_order_by_name        (sqlite3              *db,
                                              guint32               max_id,
                                              GCancellable         *cancellable,
                                              GError              **error);
GArray   *_cw_inventory_order_by_site        (sqlite3              *db,
                                              guint32               max_id,
                                              GCancellable         *cancellable,
                                              GError              **error);
/* Fields with few distinct values (_cw_inventory_field_has_few_values()),
 * any number of them in one pass over the CIs: @orders[i] is set to the
 * order of @fields[i]. */
gboolean  _cw_inventory_orders_by_values     (sqlite3              *db,
                                              const CwCiField      *fields,
                                              guint                 n_fields,
                                              GArray               *name_order,
                                              guint32               max_id,
                                              GArray              **orders,
                                              GCancellable         *cancellable,
                                              GError              **error);
/* Fields with a value per CI (serials, addresses): the pairs (value, name
 * rank) sorted outright; IPv4 addresses compare as numbers. */
GArray   *_cw_inventory_order_by_pairs       (sqlite3              *db,
                                              CwCiField             field,
                                              GArray               *name_order,
                                              guint32               max_id,
                                              GCancellable         *cancellable,
                                              GError              **error);

/* cw-inventory-hits.c: the CIs that pass a search, as a set of max_id + 1
 * bits. A word matches as the prefix of a word of the name, model, serial,
 * site, IP address or versions. */
guint8   *_cw_inventory_hits_for_word        (sqlite3              *db,
                                              const char           *word,
                                              guint32               max_id,
                                              GCancellable         *cancellable,
                                              GError              **error);
/* The search text and every filter of @query, in one statement. */
guint8   *_cw_inventory_hits_for_query       (sqlite3              *db,
                                              const CwInventoryQuery *query,
                                              guint32               max_id,
                                              GCancellable         *cancellable,
                                              GError              **error);

G_END_DECLS
