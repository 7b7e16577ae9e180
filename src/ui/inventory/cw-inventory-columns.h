/* cw-inventory-columns.h
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cw-ci-field.h"

G_BEGIN_DECLS

void                 cw_inventory_columns_setup       (GtkColumnView        *view);
CwCiField            cw_inventory_columns_get_field   (GtkColumnViewColumn  *column);
GtkColumnViewColumn *cw_inventory_columns_find        (GtkColumnView        *view,
                                                       CwCiField             field);
gboolean             cw_inventory_columns_get_sort    (GtkColumnView        *view,
                                                       CwCiField            *field,
                                                       gboolean             *descending);
GMenuModel          *cw_inventory_columns_create_menu (GtkColumnView        *view,
                                                       GSimpleActionGroup  **actions);
/* Order, widths, visibility and sort, as a string for GSettings. */
char                *cw_inventory_columns_save_state    (GtkColumnView      *view);
void                 cw_inventory_columns_restore_state (GtkColumnView      *view,
                                                         const char         *state);
void                 cw_inventory_columns_connect_changed (GtkColumnView    *view,
                                                           GCallback         callback,
                                                           gpointer          instance);

G_END_DECLS
