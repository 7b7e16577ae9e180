/* cw-inventory-import-dialog.h
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CW_TYPE_INVENTORY_IMPORT_DIALOG (cw_inventory_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CwInventoryImportDialog, cw_inventory_import_dialog, CW, INVENTORY_IMPORT_DIALOG, AdwWindow)

CwInventoryImportDialog *cw_inventory_import_dialog_new         (GtkWindow               *parent,
                                                                 const char              *workspace_path);
void                     cw_inventory_import_dialog_choose_file (CwInventoryImportDialog *self);
void                     cw_inventory_import_dialog_set_file    (CwInventoryImportDialog *self,
                                                                 GFile                   *file);

/* For tests: "choose", "loading", "preview", "mapping", "progress" or "result". */
const char              *cw_inventory_import_dialog_get_step    (CwInventoryImportDialog *self);
GtkListBox              *cw_inventory_import_dialog_get_problems (CwInventoryImportDialog *self);

G_END_DECLS
