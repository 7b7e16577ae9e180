/* cw-compat-edit-dialog.h
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cw-compat.h"

G_BEGIN_DECLS

typedef enum
{
  CW_COMPAT_EDIT_PRODUCT,   /* add a product: name, vendor */
  CW_COMPAT_EDIT_VERSION,   /* add or edit a version: version, released, end-of-support */
  CW_COMPAT_EDIT_PATH,      /* add an upgrade hop: from-min, from-max, to, note */
  CW_COMPAT_EDIT_RULE,      /* add a matching rule: manufacturer, class, model-pattern,
                             * field, version-prefix */
} CwCompatEditKind;

#define CW_TYPE_COMPAT_EDIT_DIALOG (cw_compat_edit_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CwCompatEditDialog, cw_compat_edit_dialog, CW, COMPAT_EDIT_DIALOG, AdwWindow)

CwCompatEditDialog *cw_compat_edit_dialog_new         (GtkWindow             *parent,
                                                       CwStore               *store,
                                                       CwCompatEditKind       kind,
                                                       gint64                 product_id);
void                cw_compat_edit_dialog_set_version (CwCompatEditDialog    *self,
                                                       const CwCompatVersion *version);
CwCompatEditKind    cw_compat_edit_dialog_get_kind    (CwCompatEditDialog    *self);
/* Sets a field by its key (see CwCompatEditKind); for a choice, the item
 * whose key or text is @value. Returns FALSE when there is no such field or
 * item. */
gboolean            cw_compat_edit_dialog_set_field   (CwCompatEditDialog    *self,
                                                       const char            *key,
                                                       const char            *value);
/* Writes the store, as the Save button does: on success emits "saved" and
 * closes; otherwise shows why and stays open. */
gboolean            cw_compat_edit_dialog_save        (CwCompatEditDialog    *self);
/* What the dialog says is wrong, or NULL. */
const char         *cw_compat_edit_dialog_get_error   (CwCompatEditDialog    *self);

/* Signals:
 *   "saved" (gint64 id): the product, version, path or rule written.
 */

G_END_DECLS
