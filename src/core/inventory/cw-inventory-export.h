/* cw-inventory-export.h
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cw-inventory-query.h"
#include "cw-store.h"

G_BEGIN_DECLS

/* Writes the CIs that @query selects (NULL: all, by name), in its order, to
 * @output in the native CSV layout. */
gboolean cw_inventory_export_to_stream (CwStore                *store,
                                        const CwInventoryQuery *query,
                                        GOutputStream          *output,
                                        GCancellable           *cancellable,
                                        guint                  *n_written,
                                        GError                **error);

/* Opens its own read-only connection on a worker thread and replaces @file
 * only once everything is written. */
void     cw_inventory_export_async     (const char             *workspace_path,
                                        const CwInventoryQuery *query,
                                        GFile                  *file,
                                        GCancellable           *cancellable,
                                        GAsyncReadyCallback     callback,
                                        gpointer                user_data);
gboolean cw_inventory_export_finish    (GAsyncResult           *result,
                                        guint                  *n_written,
                                        GError                **error);

G_END_DECLS
