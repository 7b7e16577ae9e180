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

G_END_DECLS
