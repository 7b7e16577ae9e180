/* cw-runbook-editor.h: edits one runbook version: phases as sections, steps
 * as rows, a step's details, validation as the user edits, undo and redo.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cw-runbook.h"

G_BEGIN_DECLS

#define CW_TYPE_RUNBOOK_EDITOR (cw_runbook_editor_get_type ())

G_DECLARE_FINAL_TYPE (CwRunbookEditor, cw_runbook_editor, CW, RUNBOOK_EDITOR, AdwBin)

GtkWidget       *cw_runbook_editor_new            (void);
/* Takes @runbook (transfer full) and clears the undo history. An approved
 * version is shown read-only. */
void             cw_runbook_editor_set_runbook    (CwRunbookEditor *self,
                                                   CwRunbook       *runbook);
/* The runbook as edited so far (owned by the editor), or NULL. */
const CwRunbook *cw_runbook_editor_get_runbook    (CwRunbookEditor *self);
/* TRUE when edited since set_runbook or mark_saved; notifies "modified". */
gboolean         cw_runbook_editor_get_modified   (CwRunbookEditor *self);
void             cw_runbook_editor_mark_saved     (CwRunbookEditor *self);
void             cw_runbook_editor_select_step    (CwRunbookEditor *self,
                                                   const char      *step_id);
/* The id of the selected step, or NULL. */
const char      *cw_runbook_editor_get_selected   (CwRunbookEditor *self);

G_END_DECLS
