/* cw-runbook-predecessor-picker.h: a button that shows the steps a step
 * waits for and opens a searchable list of the other steps to choose them.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cw-runbook.h"

G_BEGIN_DECLS

#define CW_TYPE_RUNBOOK_PREDECESSOR_PICKER (cw_runbook_predecessor_picker_get_type ())

G_DECLARE_FINAL_TYPE (CwRunbookPredecessorPicker, cw_runbook_predecessor_picker,
                      CW, RUNBOOK_PREDECESSOR_PICKER, AdwBin)

GtkWidget *cw_runbook_predecessor_picker_new       (void);
/* Shows @step's predecessors among @runbook's other steps. Both are
 * borrowed until the next call (NULL, NULL to let go). */
void       cw_runbook_predecessor_picker_set_step  (CwRunbookPredecessorPicker *self,
                                                    const CwRunbook            *runbook,
                                                    const CwRunbookStep        *step);
/* After the step's predecessors changed: the label and the checks again. */
void       cw_runbook_predecessor_picker_update    (CwRunbookPredecessorPicker *self);
/* What a check button does: emits "toggled" (const char *step_id,
 * gboolean active) unless the step already is, or is not, a predecessor. */
void       cw_runbook_predecessor_picker_toggle    (CwRunbookPredecessorPicker *self,
                                                    const char                 *step_id,
                                                    gboolean                    active);
/* For tests: the popover's list, filtered by its search. */
GListModel *cw_runbook_predecessor_picker_get_model (CwRunbookPredecessorPicker *self);
void        cw_runbook_predecessor_picker_set_search (CwRunbookPredecessorPicker *self,
                                                      const char                 *text);

G_END_DECLS
