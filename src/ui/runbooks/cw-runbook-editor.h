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
#include "cw-store.h"

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
/* Gives the keyboard focus to the list, on the selected step if any. */
void             cw_runbook_editor_focus_list     (CwRunbookEditor *self);
/* The id of the selected step, or NULL. */
const char      *cw_runbook_editor_get_selected   (CwRunbookEditor *self);
/* TRUE for an approved version until "Edit as New Draft"; notifies
 * "read-only". */
gboolean         cw_runbook_editor_get_read_only  (CwRunbookEditor *self);
/* The validation problems of the runbook as edited (element-type
 * CwRunbookProblem, owned by the editor). */
GPtrArray       *cw_runbook_editor_get_problems   (CwRunbookEditor *self);
/* Sets the runbook's own fields and the version's buffer as one edit that
 * undo takes back: @description, @product and @ci_class are NULL (or empty)
 * for none. FALSE, and nothing done, when read-only or when nothing
 * changes. */
gboolean         cw_runbook_editor_set_properties (CwRunbookEditor *self,
                                                   const char      *description,
                                                   const char      *product,
                                                   const char      *ci_class,
                                                   guint            buffer_min);
/* Saves the runbook as a draft (cw_runbooks_save_draft(): a new version,
 * by @author, when it has none yet; otherwise in place), then marks it
 * saved; the undo history stays. */
gboolean         cw_runbook_editor_save           (CwRunbookEditor *self,
                                                   CwStore         *store,
                                                   const char      *author,
                                                   GError         **error);

/* For tests: "list" (GtkListView), "details" (CwRunbookStepDetails),
 * "critical", "rollback", "buffer", "window" (GtkLabel: the totals),
 * "problems" (GtkListBox), "problems-label", "problems-button", "banner"
 * (GtkRevealer), "steps" (GtkStack: "empty" or "list"). */
GtkWidget       *cw_runbook_editor_get_part       (CwRunbookEditor *self,
                                                   const char      *name);

/* Signals:
 *   "changed" (void): the runbook changed: an edit, undo, redo, a new one.
 * Actions ("editor."): add-step (Insert; Ctrl+N), add-step-to (s: a phase),
 * remove-step (Delete in the list), move-up and move-down (Alt+Up/Down),
 * undo (Ctrl+Z), redo (Ctrl+Shift+Z), edit-as-draft, focus-list (Escape in
 * the details or the problems).
 * Keys: Enter on a step (its activation) focuses its details.
 */

G_END_DECLS
