/* cw-compat-matrix.h
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cw-compat.h"
#include "cw-context.h"

G_BEGIN_DECLS

#define CW_TYPE_COMPAT_MATRIX (cw_compat_matrix_get_type ())

G_DECLARE_FINAL_TYPE (CwCompatMatrix, cw_compat_matrix, CW, COMPAT_MATRIX, AdwBin)

void cw_compat_matrix_set_context (CwCompatMatrix *self,
                                 CwContext  *context);
/* Reads the matrix again (after an import, or an edit in another view). */
void cw_compat_matrix_reload      (CwCompatMatrix *self);

/* Shows the products of the two versions and selects their cell. */
void cw_compat_matrix_show_cell (CwCompatMatrix *self,
                                 gint64          version_a,
                                 gint64          version_b);

/* For tests. */
GtkWidget *cw_compat_matrix_get_cell        (CwCompatMatrix  *self,
                                             guint            row,
                                             guint            column);
void       cw_compat_matrix_click_cell      (CwCompatMatrix  *self,
                                             guint            row,
                                             guint            column,
                                             GdkModifierType  state);
void       cw_compat_matrix_apply           (CwCompatMatrix  *self,
                                             CwCompatVerdict  verdict,
                                             const char      *note,
                                             const char      *source);
guint      cw_compat_matrix_get_n_selected  (CwCompatMatrix  *self);

/* Signals:
 *   "changed" (void): the user set or cleared verdicts.
 */

G_END_DECLS
