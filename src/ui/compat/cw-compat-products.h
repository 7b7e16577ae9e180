/* cw-compat-products.h
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cw-context.h"

G_BEGIN_DECLS

#define CW_TYPE_COMPAT_PRODUCTS (cw_compat_products_get_type ())

G_DECLARE_FINAL_TYPE (CwCompatProducts, cw_compat_products, CW, COMPAT_PRODUCTS, AdwBin)

void        cw_compat_products_set_context      (CwCompatProducts *self,
                                                 CwContext        *context);
/* Reads the matrix again (after an import, or an edit in another view). */
void        cw_compat_products_reload           (CwCompatProducts *self);

/* For tests. */
/* "empty" (no products), "none" (none selected) or "product" */
const char *cw_compat_products_get_state        (CwCompatProducts *self);
GtkListBox *cw_compat_products_get_product_list (CwCompatProducts *self);
gint64      cw_compat_products_get_product_id   (CwCompatProducts *self);
void        cw_compat_products_select_product   (CwCompatProducts *self,
                                                 gint64            product_id);
/* A row of @group ("versions", "paths" or "rules") in its order, or NULL. */
GtkWidget  *cw_compat_products_get_row          (CwCompatProducts *self,
                                                 const char       *group,
                                                 guint             position);
/* The dialog the view opened and that is still open, or NULL. */
GtkWindow  *cw_compat_products_get_dialog       (CwCompatProducts *self);

/* Signals:
 *   "changed" (void): the user changed products, versions, rules or paths.
 */

G_END_DECLS
