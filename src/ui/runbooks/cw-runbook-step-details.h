/* cw-runbook-step-details.h: the fields of the step selected in the editor,
 * with its instructions in a Markdown source view and a live preview.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cw-runbook.h"

G_BEGIN_DECLS

#define CW_TYPE_RUNBOOK_STEP_DETAILS (cw_runbook_step_details_get_type ())

G_DECLARE_FINAL_TYPE (CwRunbookStepDetails, cw_runbook_step_details, CW, RUNBOOK_STEP_DETAILS, AdwBin)

/* Shows @step of @runbook (both borrowed until the next call; NULL to let
 * go). Edits go through the CwRunbookEditor the details are in. */
void       cw_runbook_step_details_set_step  (CwRunbookStepDetails *self,
                                              CwRunbook            *runbook,
                                              CwRunbookStep        *step,
                                              gboolean              editable);
/* Focuses the title, its text selected. */
void       cw_runbook_step_details_focus     (CwRunbookStepDetails *self);

/* For tests: a field by its id in cw-runbook-step-details.ui: "title_row",
 * "id_row", "type_row", "phase_row", "stream_row", "duration_spin",
 * "predecessor_picker", "instructions_view", "preview_label",
 * "command_box" (shown for command steps), "command_row",
 * "command_error_label", "workdir_row", "timeout_spin", "exit_spin",
 * "regex_row", "acceptance_row", "note_check", "output_check",
 * "file_check". */
GtkWidget *cw_runbook_step_details_get_part  (CwRunbookStepDetails *self,
                                              const char           *name);
/* Makes the preview now rather than after the typing pause. */
void       cw_runbook_step_details_flush     (CwRunbookStepDetails *self);

G_END_DECLS
