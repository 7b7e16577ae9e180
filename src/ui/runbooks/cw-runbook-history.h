/* cw-runbook-history.h: the editor's undo and redo, as snapshots of the
 * whole runbook with the step that was selected.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cw-runbook.h"

G_BEGIN_DECLS

typedef struct _CwRunbookHistory CwRunbookHistory;

CwRunbookHistory *cw_runbook_history_new        (guint             limit);
void              cw_runbook_history_free       (CwRunbookHistory *self);
void              cw_runbook_history_clear      (CwRunbookHistory *self);
/* Records @before (the runbook as it was before an edit, copied) and the
 * step selected then. With a @key equal to the last one recorded, nothing is
 * recorded: consecutive typing in one field of one step is one entry. A
 * record empties the redo list. */
void              cw_runbook_history_record     (CwRunbookHistory *self,
                                                 const CwRunbook  *before,
                                                 const char       *selected,
                                                 const char       *key);
/* The next record starts a new entry whatever its key. */
void              cw_runbook_history_seal       (CwRunbookHistory *self);
gboolean          cw_runbook_history_can_undo   (CwRunbookHistory *self);
gboolean          cw_runbook_history_can_redo   (CwRunbookHistory *self);
/* Trades @current (copied, with @current_selected) for the snapshot before
 * it, returned with the step selected then; NULL when there is none. */
CwRunbook        *cw_runbook_history_undo       (CwRunbookHistory *self,
                                                 const CwRunbook  *current,
                                                 const char       *current_selected,
                                                 char            **selected);
CwRunbook        *cw_runbook_history_redo       (CwRunbookHistory *self,
                                                 const CwRunbook  *current,
                                                 const char       *current_selected,
                                                 char            **selected);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwRunbookHistory, cw_runbook_history_free)

G_END_DECLS
