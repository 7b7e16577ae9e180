/* cw-runbook-step-item.h: one row of the editor's step list: a phase heading
 * or a step.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "cw-runbook.h"

G_BEGIN_DECLS

#define CW_TYPE_RUNBOOK_STEP_ITEM (cw_runbook_step_item_get_type ())

G_DECLARE_FINAL_TYPE (CwRunbookStepItem, cw_runbook_step_item, CW, RUNBOOK_STEP_ITEM, GObject)

/* @step is borrowed: the editor owns the runbook, and replaces every item
 * when it replaces the runbook. */
CwRunbookStepItem *cw_runbook_step_item_new_heading  (CwPhase            phase);
CwRunbookStepItem *cw_runbook_step_item_new_step     (CwRunbookStep     *step);
gboolean           cw_runbook_step_item_is_heading   (CwRunbookStepItem *self);
CwPhase            cw_runbook_step_item_get_phase    (CwRunbookStepItem *self);
/* NULL for a heading. */
CwRunbookStep     *cw_runbook_step_item_get_step     (CwRunbookStepItem *self);
/* The validation problems that name the step, one per line, or NULL. A
 * heading's summary: "3 steps · 45 min", or NULL. */
const char        *cw_runbook_step_item_get_problem  (CwRunbookStepItem *self);
const char        *cw_runbook_step_item_get_summary  (CwRunbookStepItem *self);
/* Both notify the row showing the item (the "changed" signal) when the text
 * differs; cw_runbook_step_item_changed() notifies after the step changed. */
void               cw_runbook_step_item_set_problem  (CwRunbookStepItem *self,
                                                      const char        *problem);
void               cw_runbook_step_item_set_summary  (CwRunbookStepItem *self,
                                                      const char        *summary);
void               cw_runbook_step_item_changed      (CwRunbookStepItem *self);

G_END_DECLS
