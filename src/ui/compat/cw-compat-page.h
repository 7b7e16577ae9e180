/* cw-compat-page.h
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cw-page.h"

G_BEGIN_DECLS

#define CW_TYPE_COMPAT_PAGE (cw_compat_page_get_type ())

G_DECLARE_FINAL_TYPE (CwCompatPage, cw_compat_page, CW, COMPAT_PAGE, CwPage)

/* Opens the Check view on these CIs. */
void       cw_compat_page_check_cis (CwCompatPage *self,
                                     const gint64 *ids,
                                     guint         n_ids);

/* For tests: the view named "products", "matrix" or "check". */
GtkWidget *cw_compat_page_get_view  (CwCompatPage *self,
                                     const char   *name);

G_END_DECLS
