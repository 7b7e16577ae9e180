/* cw-inventory-page-private.h
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cw-ci-field.h"
#include "cw-ci-list-model.h"
#include "cw-inventory-details.h"
#include "cw-inventory-filter-chip.h"
#include "cw-inventory-page.h"
#include "cw-inventory-query.h"
#include "cw-inventory-versions.h"

G_BEGIN_DECLS

/* The pane is split in four files around this struct: cw-inventory-page.c
 * (life cycle, list, columns and details), cw-inventory-page-query.c (the
 * queries and their results), cw-inventory-page-filters.c (the chips) and
 * cw-inventory-page-actions.c (keyboard, import and export). */
struct _CwInventoryPage
{
  CwPage                 parent_instance;

  /* Template widgets */
  CwInventoryFilterChip *class_chip;
  GtkButton             *clear_filters_button;
  GtkColumnView         *column_view;
  GtkMenuButton         *columns_button;
  GtkLabel              *count_label;
  CwInventoryDetails    *details;
  GtkToggleButton       *details_button;
  GtkBox                *filter_bar;
  GtkToggleButton       *items_button;
  GtkStack              *items_stack;
  GtkScrolledWindow     *list_scroller;
  AdwStatusPage         *no_results_page;
  GtkPaned              *paned;
  GtkSearchEntry        *search_entry;
  CwInventoryFilterChip *site_chip;
  GtkSpinner            *spinner;
  CwInventoryFilterChip *status_chip;
  CwInventoryFilterChip *version_chip;
  CwInventoryVersions   *versions;
  GtkToggleButton       *versions_button;
  GtkStack              *view_stack;

  /* Owned */
  CwInventorySearcher   *searcher;
  CwInventoryQuery      *query;
  CwCiListModel         *model;
  GtkSingleSelection    *selection;
  GCancellable          *cancellable;        /* the page's lifetime */
  GCancellable          *query_cancellable;  /* the query running */
  GCancellable          *versions_cancellable;
  GCancellable          *warm_cancellable;   /* computing sort orders */
  GtkFileChooserNative  *export_chooser;
  GSettings             *settings;
  char                  *workspace_path;

  /* Borrowed */
  GtkWindow             *import_dialog;

  gint64                 n_total;            /* -1: not counted yet */
  guint                  n_results;
  guint                  query_idle_id;
  guint                  spinner_timeout_id;
  guint                  warm_timeout_id;
  guint                  save_columns_id;
  gboolean               busy;
  gboolean               counting;           /* counting every CI, on a thread */
  gboolean               results_filtered;   /* the results shown are a search */
  gboolean               sites_loaded;
  gboolean               versions_loaded;
};

/* cw-inventory-page.c */
void     _cw_inventory_page_reload              (CwInventoryPage *self);
void     _cw_inventory_page_show_details        (CwInventoryPage *self,
                                                 gint64           id);
gint64   _cw_inventory_page_get_selected_id     (CwInventoryPage *self);
void     _cw_inventory_page_set_busy            (CwInventoryPage *self,
                                                 gboolean         busy);
void     _cw_inventory_page_set_n_results       (CwInventoryPage *self,
                                                 guint            n_results);
void     _cw_inventory_page_set_n_total         (CwInventoryPage *self,
                                                 gint64           n_total);
void     _cw_inventory_page_update_count_label  (CwInventoryPage *self);
void     _cw_inventory_page_update_state        (CwInventoryPage *self);

/* cw-inventory-page-query.c */
void     _cw_inventory_page_schedule_query      (CwInventoryPage *self);
void     _cw_inventory_page_count_total         (CwInventoryPage *self);
void     _cw_inventory_page_stop_warm           (CwInventoryPage *self);
void     _cw_inventory_page_scroll_to           (CwInventoryPage *self,
                                                 guint            position);
void     _cw_inventory_page_hide_other_pages    (GtkStack        *stack);
void     _cw_inventory_page_show_page           (GtkStack        *stack,
                                                 const char      *name);

/* cw-inventory-page-filters.c */
void     _cw_inventory_page_filters_class_init  (GtkWidgetClass  *widget_class);
void     _cw_inventory_page_filters_init        (CwInventoryPage *self);
void     _cw_inventory_page_filters_invalidate  (CwInventoryPage *self);
void     _cw_inventory_page_filters_dispose     (CwInventoryPage *self);

/* cw-inventory-page-actions.c */
void     _cw_inventory_page_actions_class_init  (GtkWidgetClass  *widget_class);
void     _cw_inventory_page_actions_init        (CwInventoryPage *self);
void     _cw_inventory_page_actions_update      (CwInventoryPage *self);
void     _cw_inventory_page_actions_dispose     (CwInventoryPage *self);
void     _cw_inventory_page_export              (CwInventoryPage *self,
                                                 GFile           *file);

/* What the tests look at and drive. */
GtkSearchEntry        *cw_inventory_page_get_search_entry (CwInventoryPage *self);
GtkColumnView         *cw_inventory_page_get_column_view  (CwInventoryPage *self);
GtkLabel              *cw_inventory_page_get_count_label  (CwInventoryPage *self);
CwInventoryDetails    *cw_inventory_page_get_details      (CwInventoryPage *self);
CwInventoryVersions   *cw_inventory_page_get_versions     (CwInventoryPage *self);
/* The chips: CW_CI_FIELD_SITE, _CLASS, _LIFECYCLE_STATUS (the status chip,
 * keys "lifecycle:…" and "operational:…") and _FIRMWARE_VERSION (versions). */
CwInventoryFilterChip *cw_inventory_page_get_filter_chip  (CwInventoryPage *self,
                                                           CwCiField        field);
/* "list", "empty" or "no-results". */
const char            *cw_inventory_page_get_state        (CwInventoryPage *self);
void                   cw_inventory_page_show_versions    (CwInventoryPage *self,
                                                           gboolean         versions);

G_END_DECLS
