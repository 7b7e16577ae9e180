/* cw-compat-products-private.h
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cw-compat.h"
#include "cw-compat-products.h"

G_BEGIN_DECLS

struct _CwCompatProducts
{
  AdwBin               parent_instance;

  /* Template widgets */
  GtkButton           *add_path_button;
  GtkStack            *content_stack;
  GtkStack            *main_stack;
  AdwEntryRow         *name_row;
  AdwPreferencesGroup *paths_group;
  AdwPreferencesPage  *product_page;
  GtkListBox          *product_list;
  GtkButton           *reset_order_button;
  AdwPreferencesGroup *rules_group;
  GtkSearchEntry      *search_entry;
  AdwToastOverlay     *toast_overlay;
  AdwEntryRow         *vendor_row;
  AdwPreferencesGroup *versions_group;

  /* Owned */
  CwContext           *context;
  CwCompatProduct     *product;        /* the product shown, or NULL */
  GPtrArray           *versions;       /* CwCompatVersion of the product shown, in its order */
  GPtrArray           *paths;          /* CwCompatPath */
  GPtrArray           *rules;          /* CwCompatRule */

  /* Borrowed: rows the groups own, to remove them again */
  GPtrArray           *version_rows;
  GPtrArray           *path_rows;
  GPtrArray           *rule_rows;

  /* Borrowed: the dialog open (a weak pointer) */
  GtkWindow           *dialog;

  gint64               product_id;     /* the product selected, or 0 */
  guint                n_products;
  gboolean             filling;        /* the sidebar is being rebuilt */
};

void                   _cw_compat_products_class_actions_init (CwCompatProductsClass *klass);
void                   _cw_compat_products_actions_update     (CwCompatProducts      *self);
/* After an edit: reads everything again, shows @product_id (0 keeps the one
 * shown), focuses the row of @version_id (0 for none) and emits "changed". */
void                   _cw_compat_products_edited             (CwCompatProducts      *self,
                                                               gint64                 product_id,
                                                               gint64                 version_id);
void                   _cw_compat_products_show_error         (CwCompatProducts      *self,
                                                               const GError          *error);
void                   _cw_compat_products_add_toast          (CwCompatProducts      *self,
                                                               AdwToast              *toast);
void                   _cw_compat_products_set_dialog         (CwCompatProducts      *self,
                                                               GtkWindow             *dialog);
CwStore               *_cw_compat_products_get_store          (CwCompatProducts      *self);
/* The version shown with @id and its place in the order, or NULL. */
const CwCompatVersion *_cw_compat_products_find_version       (CwCompatProducts      *self,
                                                               gint64                 id,
                                                               guint                 *position);
void                   _cw_compat_products_focus_version      (CwCompatProducts      *self,
                                                               gint64                 version_id);

/* cw-compat-products-rows.c: the rows of the groups, from the lists read. */
gint64                 _cw_compat_products_get_row_id         (GtkWidget             *row);
void                   _cw_compat_products_set_row_id         (GtkWidget             *row,
                                                               gint64                 id);
void                   _cw_compat_products_fill_versions      (CwCompatProducts      *self);
void                   _cw_compat_products_fill_paths         (CwCompatProducts      *self);
void                   _cw_compat_products_fill_rules         (CwCompatProducts      *self);

G_END_DECLS
