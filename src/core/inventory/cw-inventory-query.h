/* cw-inventory-query.h
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cw-ci-field.h"

G_BEGIN_DECLS

/* What the inventory shows: search text, filters and a sort. */
typedef struct _CwInventoryQuery CwInventoryQuery;

#define CW_TYPE_INVENTORY_QUERY (cw_inventory_query_get_type ())

GType               cw_inventory_query_get_type     (void) G_GNUC_CONST;
CwInventoryQuery   *cw_inventory_query_new          (void);
CwInventoryQuery   *cw_inventory_query_copy         (const CwInventoryQuery *query);
void                cw_inventory_query_free         (CwInventoryQuery       *query);
gboolean            cw_inventory_query_equal        (const CwInventoryQuery *a,
                                                     const CwInventoryQuery *b);

/* Every word is matched as a prefix of a word of the name, model, serial,
 * site, IP address or versions; all words must match. */
void                cw_inventory_query_set_text     (CwInventoryQuery       *query,
                                                     const char             *text);
const char         *cw_inventory_query_get_text     (const CwInventoryQuery *query);

/* A CI passes a filter when its value is one of @values (NULL or empty:
 * no filter). Fields: SITE (site codes), CLASS, MANUFACTURER, MODEL,
 * LIFECYCLE_STATUS, OPERATIONAL_STATUS, FIRMWARE_VERSION, OS_VERSION. */
void                cw_inventory_query_set_filter   (CwInventoryQuery       *query,
                                                     CwCiField               field,
                                                     const char * const     *values);
const char * const *cw_inventory_query_get_filter   (const CwInventoryQuery *query,
                                                     CwCiField               field);
/* Firmware or OS/software version equal to @version (NULL: no filter). */
void                cw_inventory_query_set_version  (CwInventoryQuery       *query,
                                                     const char             *version);
const char         *cw_inventory_query_get_version  (const CwInventoryQuery *query);

/* Sorts by @field (ties by name); the default is the name, ascending. */
void                cw_inventory_query_set_sort     (CwInventoryQuery       *query,
                                                     CwCiField               field,
                                                     gboolean                descending);
CwCiField           cw_inventory_query_get_sort     (const CwInventoryQuery *query,
                                                     gboolean               *descending);

gboolean            cw_inventory_query_has_filters  (const CwInventoryQuery *query);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwInventoryQuery, cw_inventory_query_free)

#define CW_TYPE_INVENTORY_SEARCHER (cw_inventory_searcher_get_type ())

G_DECLARE_FINAL_TYPE (CwInventorySearcher, cw_inventory_searcher, CW, INVENTORY_SEARCHER, GObject)

/* Runs queries against @workspace_path on its own read-only connection,
 * one at a time, and keeps the sort orders it computed, and its last
 * answers, until the workspace changes. The result is a GArray of guint32
 * CI ids, in order; the same array may be handed out again for the same
 * query: read it, never change it. */
CwInventorySearcher *cw_inventory_searcher_new        (const char             *workspace_path);
GArray              *cw_inventory_searcher_run        (CwInventorySearcher    *self,
                                                       const CwInventoryQuery *query,
                                                       GCancellable           *cancellable,
                                                       GError                **error);
/* On a worker thread. Cancel the older call when a newer one starts: a
 * cancelled query stops within milliseconds and fails with
 * G_IO_ERROR_CANCELLED. */
void                 cw_inventory_searcher_run_async  (CwInventorySearcher    *self,
                                                       const CwInventoryQuery *query,
                                                       GCancellable           *cancellable,
                                                       GAsyncReadyCallback     callback,
                                                       gpointer                user_data);
GArray              *cw_inventory_searcher_run_finish (CwInventorySearcher    *self,
                                                       GAsyncResult           *result,
                                                       GError                **error);

/* Computes, in the background, the sort orders of every field and what
 * every one-character search finds, so that a first sort by any column and
 * a first keystroke are as quick as the next ones. It runs on a thread and
 * connection of its own, at a lower priority, and waits while a query
 * runs. Call it once the first results are shown; cancel it when the
 * workspace closes. */
void                 cw_inventory_searcher_warm_async  (CwInventorySearcher    *self,
                                                       GCancellable           *cancellable,
                                                       GAsyncReadyCallback     callback,
                                                       gpointer                user_data);
gboolean             cw_inventory_searcher_warm_finish (CwInventorySearcher    *self,
                                                       GAsyncResult           *result,
                                                       GError                **error);

G_END_DECLS
