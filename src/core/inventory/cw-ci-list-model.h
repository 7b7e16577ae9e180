/* cw-ci-list-model.h
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cw-ci.h"
#include "cw-store.h"

G_BEGIN_DECLS

#define CW_TYPE_CI_LIST_MODEL (cw_ci_list_model_get_type ())

G_DECLARE_FINAL_TYPE (CwCiListModel, cw_ci_list_model, CW, CI_LIST_MODEL, GObject)

/* A GListModel of CwCi over an array of ids: items are read from @store
 * when asked for, and only the last few hundred are kept. */
CwCiListModel *cw_ci_list_model_new                  (CwStore       *store);
/* @ids: a GArray of guint32, as cw_inventory_searcher_run() returns; the
 * model keeps a reference. set_ids() removes every old item, then adds
 * every new one. begin_set_ids() appends the first @n_lead new ids after
 * the old list, end_set_ids() removes the old list and appends the other
 * new ids: a list view scrolled to the last item in between reuses its row
 * widgets for the new rows; begin_set_ids() says whether to. The same ids
 * as before change nothing. */
void           cw_ci_list_model_set_ids              (CwCiListModel *self,
                                                      GArray        *ids);
gboolean       cw_ci_list_model_begin_set_ids        (CwCiListModel *self,
                                                      GArray        *ids,
                                                      guint          n_lead);
void           cw_ci_list_model_end_set_ids          (CwCiListModel *self);
/* The new ids, from begin_set_ids() on. */
GArray        *cw_ci_list_model_get_ids              (CwCiListModel *self);
gint64         cw_ci_list_model_get_id               (CwCiListModel *self,
                                                      guint          position);
/* G_MAXUINT when @id is not in the list. */
guint          cw_ci_list_model_find                 (CwCiListModel *self,
                                                      gint64         id);
/* Forgets the items it built, after the CIs were written. */
void           cw_ci_list_model_invalidate           (CwCiListModel *self);

G_END_DECLS
