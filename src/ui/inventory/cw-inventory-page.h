/* cw-inventory-page.h
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cw-page.h"

G_BEGIN_DECLS

#define CW_TYPE_INVENTORY_PAGE (cw_inventory_page_get_type ())

G_DECLARE_FINAL_TYPE (CwInventoryPage, cw_inventory_page, CW, INVENTORY_PAGE, CwPage)

gboolean cw_inventory_page_get_busy      (CwInventoryPage *self);
guint    cw_inventory_page_get_n_results (CwInventoryPage *self);
gint64   cw_inventory_page_get_n_total   (CwInventoryPage *self);
void     cw_inventory_page_show_ci       (CwInventoryPage *self,
                                          gint64           id);

G_END_DECLS
