/* cw-inventory-details.h
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cw-store.h"

G_BEGIN_DECLS

#define CW_TYPE_INVENTORY_DETAILS (cw_inventory_details_get_type ())

G_DECLARE_FINAL_TYPE (CwInventoryDetails, cw_inventory_details, CW, INVENTORY_DETAILS, GtkWidget)

void        cw_inventory_details_set_store      (CwInventoryDetails *self,
                                                 CwStore            *store);
gboolean    cw_inventory_details_show_ci        (CwInventoryDetails *self,
                                                 gint64              id);
gint64      cw_inventory_details_get_ci_id      (CwInventoryDetails *self);
const char *cw_inventory_class_get_icon_name    (const char         *klass);

/* For tests. */
GtkListBox *cw_inventory_details_get_relations  (CwInventoryDetails *self);
GtkListBox *cw_inventory_details_get_components (CwInventoryDetails *self);
GtkMenuButton *cw_inventory_details_get_add_component_button (CwInventoryDetails *self);

G_END_DECLS
