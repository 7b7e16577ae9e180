/* cw-runbook-diff-view.h: what changed between two versions of a runbook,
 * step by step and field by field.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cw-runbook.h"

G_BEGIN_DECLS

#define CW_TYPE_RUNBOOK_DIFF_VIEW (cw_runbook_diff_view_get_type ())

G_DECLARE_FINAL_TYPE (CwRunbookDiffView, cw_runbook_diff_view, CW, RUNBOOK_DIFF_VIEW, AdwBin)

GtkWidget *cw_runbook_diff_view_new           (void);
/* Shows the changes from @old_version to @new_version (both may be NULL to
 * clear); copies what it needs. Emits "step-activated" (const char *step_id). */
void       cw_runbook_diff_view_set_versions  (CwRunbookDiffView *self,
                                               const CwRunbook   *old_version,
                                               const CwRunbook   *new_version);
/* For tests: the list of changes, a row per step. */
GtkListBox *cw_runbook_diff_view_get_list     (CwRunbookDiffView *self);

G_END_DECLS
