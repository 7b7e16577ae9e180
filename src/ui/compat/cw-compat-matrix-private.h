/* cw-compat-matrix-private.h
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cw-compat-matrix.h"

G_BEGIN_DECLS

struct _CwCompatMatrix
{
  AdwBin            parent_instance;

  GtkStack         *stack;
  GtkDropDown      *rows_dropdown;
  GtkDropDown      *columns_dropdown;
  GtkGrid          *grid;
  GtkBox           *editor;
  GtkLabel         *selection_label;
  GtkLabel         *current_label;
  GtkBox           *verdict_box;
  GtkEntry         *note_entry;
  GtkEntry         *source_entry;
  GtkButton        *apply_button;
  GtkButton        *clear_button;
  GtkToggleButton  *verdict_buttons[4];

  CwContext        *context;
  GPtrArray        *products;        /* CwCompatProduct */
  GPtrArray        *row_versions;    /* CwCompatVersion */
  GPtrArray        *column_versions; /* CwCompatVersion */
  GHashTable       *cells;           /* pair key -> CwCompatCell */
  GPtrArray        *buttons;         /* GtkButton, row-major */
  GArray           *selected;        /* gboolean, row-major */
  guint             anchor;
  gboolean          filling;
};

const CwCompatCell *_cw_compat_matrix_lookup_cell        (CwCompatMatrix          *self,
                                                         gint64                   a,
                                                         gint64                   b);
gboolean            _cw_compat_matrix_is_selected        (CwCompatMatrix          *self,
                                                         guint                    index);
void                _cw_compat_matrix_index_to_versions  (CwCompatMatrix          *self,
                                                         guint                    index,
                                                         const CwCompatVersion  **row,
                                                         const CwCompatVersion  **column);
CwCompatVerdict     _cw_compat_matrix_get_verdict_choice (CwCompatMatrix          *self);
void                _cw_compat_matrix_set_verdict_choice (CwCompatMatrix          *self,
                                                         CwCompatVerdict          verdict);
const CwCompatProduct *_cw_compat_matrix_selected_product (CwCompatMatrix       *self,
                                                         GtkDropDown             *dropdown);
guint               _cw_compat_matrix_count_selected     (CwCompatMatrix          *self);
/* The side panel follows the selection. */
void                _cw_compat_matrix_update_editor      (CwCompatMatrix          *self);
void                _cw_compat_matrix_restyle_all        (CwCompatMatrix          *self);
/* Sets (or with @clear forgets) the verdict of every selected cell; a toast
 * offers to undo. */
void                _cw_compat_matrix_edit_selection     (CwCompatMatrix          *self,
                                                         gboolean                 clear);

G_END_DECLS
