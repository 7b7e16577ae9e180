/* cw-runbook-properties-dialog.h: the runbook's own fields (description,
 * the product and CI class it applies to) and the version's buffer.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cw-runbook.h"

G_BEGIN_DECLS

#define CW_TYPE_RUNBOOK_PROPERTIES_DIALOG (cw_runbook_properties_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CwRunbookPropertiesDialog, cw_runbook_properties_dialog, CW, RUNBOOK_PROPERTIES_DIALOG, AdwWindow)

/* Shows @runbook's fields (copied); @products (or NULL) are the names the
 * product menu offers. When not @editable, the fields only show. */
CwRunbookPropertiesDialog *cw_runbook_properties_dialog_new              (GtkWindow                 *parent,
                                                                          const CwRunbook           *runbook,
                                                                          const char * const        *products,
                                                                          gboolean                   editable);
/* The fields as filled in: NULL for an empty text, or any class. */
char                      *cw_runbook_properties_dialog_dup_description  (CwRunbookPropertiesDialog *self);
char                      *cw_runbook_properties_dialog_dup_product      (CwRunbookPropertiesDialog *self);
const char                *cw_runbook_properties_dialog_get_ci_class     (CwRunbookPropertiesDialog *self);
guint                      cw_runbook_properties_dialog_get_buffer_min   (CwRunbookPropertiesDialog *self);
/* Sets the CI class by its key (NULL: any); FALSE when there is no such
 * class. */
gboolean                   cw_runbook_properties_dialog_set_ci_class     (CwRunbookPropertiesDialog *self,
                                                                          const char                *ci_class);
/* As the Apply button: emits "applied" and closes; nothing when not
 * editable. */
void                       cw_runbook_properties_dialog_apply            (CwRunbookPropertiesDialog *self);

/* For tests: "description_view" (GtkTextView), "product_row" (AdwEntryRow),
 * "product_button" (GtkMenuButton), "class_row" (AdwComboRow),
 * "buffer_row", "buffer_spin", "apply_button", "cancel_button". */
GtkWidget                 *cw_runbook_properties_dialog_get_part         (CwRunbookPropertiesDialog *self,
                                                                          const char                *name);

/* Signals:
 *   "applied" (void): Apply was pressed; the getters have the fields.
 * Actions ("properties."): product (s: a product name, "" for none), apply.
 */

G_END_DECLS
