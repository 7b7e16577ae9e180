/* cw-inventory-versions.h
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CW_TYPE_INVENTORY_VERSIONS (cw_inventory_versions_get_type ())

G_DECLARE_FINAL_TYPE (CwInventoryVersions, cw_inventory_versions, CW, INVENTORY_VERSIONS, GtkWidget)

void           cw_inventory_versions_set_workspace_path (CwInventoryVersions *self,
                                                         const char          *path);
void           cw_inventory_versions_invalidate         (CwInventoryVersions *self);
gboolean       cw_inventory_versions_get_busy           (CwInventoryVersions *self);
gboolean       cw_inventory_versions_get_by_class       (CwInventoryVersions *self);
void           cw_inventory_versions_set_by_class       (CwInventoryVersions *self,
                                                         gboolean             by_class);

/* For tests. */
GtkColumnView *cw_inventory_versions_get_column_view    (CwInventoryVersions *self);

G_END_DECLS
