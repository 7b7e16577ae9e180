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
CwCiListModel *cw_ci_list_model_new        (CwStore       *store);
/* @ids: a GArray of guint32, as cw_inventory_searcher_run() returns; the
 * model keeps a reference. Emits one items-changed for the whole list. */
void           cw_ci_list_model_set_ids    (CwCiListModel *self,
                                            GArray        *ids);
GArray        *cw_ci_list_model_get_ids    (CwCiListModel *self);
gint64         cw_ci_list_model_get_id     (CwCiListModel *self,
                                            guint          position);
/* G_MAXUINT when @id is not in the list. */
guint          cw_ci_list_model_find       (CwCiListModel *self,
                                            gint64         id);
/* Forgets the items it built, after the CIs were written. */
void           cw_ci_list_model_invalidate (CwCiListModel *self);

G_END_DECLS
