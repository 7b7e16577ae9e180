/* cw-compat-check-view.h
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cw-compat-check.h"
#include "cw-context.h"

G_BEGIN_DECLS

#define CW_TYPE_COMPAT_CHECK_VIEW (cw_compat_check_view_get_type ())

G_DECLARE_FINAL_TYPE (CwCompatCheckView, cw_compat_check_view, CW, COMPAT_CHECK_VIEW, AdwBin)

void                  cw_compat_check_view_set_context      (CwCompatCheckView *self,
                                                             CwContext         *context);
/* Reads the products again (after an import, or an edit in another view). */
void                  cw_compat_check_view_reload           (CwCompatCheckView *self);
/* Plans a check of these CIs (replacing the CI search). */
void                  cw_compat_check_view_set_ci_ids       (CwCompatCheckView *self,
                                                             const gint64      *ids,
                                                             guint              n_ids);

/* For tests. */
void                  cw_compat_check_view_set_search       (CwCompatCheckView *self,
                                                             const char        *text);
void                  cw_compat_check_view_run              (CwCompatCheckView *self,
                                                             const char        *product,
                                                             const char        *target);
const CwCompatReport *cw_compat_check_view_get_report       (CwCompatCheckView *self);
GtkListBox           *cw_compat_check_view_get_results_list (CwCompatCheckView *self);

/* Signals:
 *   "show-cell" (gint64 version_a, gint64 version_b): open the matrix cell.
 *   "show-ci" (gint64 ci_id): open the CI in the inventory.
 */

G_END_DECLS
