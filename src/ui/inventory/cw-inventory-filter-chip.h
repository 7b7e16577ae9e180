/* cw-inventory-filter-chip.h
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CW_TYPE_INVENTORY_FILTER_CHIP (cw_inventory_filter_chip_get_type ())

G_DECLARE_FINAL_TYPE (CwInventoryFilterChip, cw_inventory_filter_chip, CW, INVENTORY_FILTER_CHIP, GtkWidget)

void                cw_inventory_filter_chip_remove_options (CwInventoryFilterChip *self);
void                cw_inventory_filter_chip_add_heading    (CwInventoryFilterChip *self,
                                                             const char            *heading);
void                cw_inventory_filter_chip_add_option     (CwInventoryFilterChip *self,
                                                             const char            *key,
                                                             const char            *label,
                                                             const char            *short_label);
void                cw_inventory_filter_chip_set_loading    (CwInventoryFilterChip *self,
                                                             gboolean               loading);
const char * const *cw_inventory_filter_chip_get_values     (CwInventoryFilterChip *self);
void                cw_inventory_filter_chip_set_values     (CwInventoryFilterChip *self,
                                                             const char * const    *values);
gboolean            cw_inventory_filter_chip_is_active      (CwInventoryFilterChip *self);

G_END_DECLS
