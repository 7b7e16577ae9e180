/* cw-inventory-import-dialog-private.h
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cw-ci-field.h"
#include "cw-csv-layout.h"
#include "cw-inventory-import-dialog.h"
#include "cw-inventory-import.h"

G_BEGIN_DECLS

#define N_PREVIEW_ROWS 5
#define MAX_PREVIEW_COLUMNS 40

struct _CwInventoryImportDialog
{
  AdwWindow             parent_instance;

  /* Template widgets */
  GtkButton            *back_button;
  GtkButton            *cancel_button;
  GtkListBox           *counts_list;
  GtkButton            *done_button;
  AdwComboRow          *encoding_row;
  AdwActionRow         *file_row;
  GtkBox               *header_error_box;
  GtkLabel             *header_error_label;
  GtkButton            *import_button;
  GtkLabel             *layout_label;
  GtkSpinner           *loading_spinner;
  AdwPreferencesGroup  *mapping_group;
  GtkLabel             *mapping_hint;
  GtkButton            *next_button;
  GtkButton            *other_file_button;
  GtkGrid              *preview_grid;
  GtkLabel             *preview_heading;
  GtkBox               *problems_box;
  GtkLabel             *problems_heading;
  GtkListBox           *problems_list;
  GtkProgressBar       *progress_bar;
  AdwStatusPage        *progress_page;
  GtkLabel             *rejects_label;
  AdwStatusPage        *result_page;
  GtkStack             *stack;
  GtkButton            *valid_only_button;
  AdwWindowTitle       *window_title;

  /* Owned */
  char                 *workspace_path;
  GFile                *file;
  GFile                *rejects;
  CwInventoryPreview   *preview;
  CwInventoryImport    *import;
  GCancellable         *cancellable;
  GtkFileChooserNative *chooser;
  GPtrArray            *mapping_rows;    /* AdwComboRow, one per column */
  GtkStringList        *field_names;

  CwCsvEncoding         encoding;
  gboolean              not_utf8;
  gboolean              updating;
  gboolean              closed;
};

/* cw-inventory-import-dialog.c: the steps and their actions. */
void          cw_inventory_import_dialog_show_step             (CwInventoryImportDialog       *self,
                                                                const char                    *step);
void          cw_inventory_import_dialog_update_actions        (CwInventoryImportDialog       *self);

/* cw-inventory-import-dialog-preview.c: the file's preview and the column mapping. */
void          cw_inventory_import_dialog_read_preview          (CwInventoryImportDialog       *self);
gboolean      cw_inventory_import_dialog_mapping_is_complete   (CwInventoryImportDialog       *self);
CwCsvMapping *cw_inventory_import_dialog_create_mapping        (CwInventoryImportDialog       *self);

/* cw-inventory-import-dialog-result.c: how the import ended. */
void          cw_inventory_import_dialog_show_failure          (CwInventoryImportDialog       *self,
                                                                const char                    *title,
                                                                const char                    *description);
void          cw_inventory_import_dialog_show_result           (CwInventoryImportDialog       *self,
                                                                const CwInventoryImportResult *result);

G_END_DECLS
