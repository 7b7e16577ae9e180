/* cw-runbook-editor-private.h
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cw-runbook-editor.h"
#include "cw-runbook-history.h"
#include "cw-runbook-step-details.h"

G_BEGIN_DECLS

/* The editor is split in three files around this struct:
 * cw-runbook-editor.c (the runbook, the selection, edits of a step),
 * cw-runbook-editor-list.c (the list of items, its rows, validation and
 * totals) and cw-runbook-editor-actions.c (the edits that change the list:
 * add, remove, move, undo, redo, edit as a new draft, and their keys). The
 * step details edit through _cw_runbook_editor_begin_edit() and _end_edit(). */
struct _CwRunbookEditor
{
  AdwBin                parent_instance;

  /* Template widgets */
  GtkRevealer          *banner_revealer;
  GtkLabel             *banner_label;
  GtkLabel             *critical_label;
  GtkLabel             *rollback_label;
  GtkLabel             *buffer_label;
  GtkLabel             *window_label;
  GtkStack             *steps_stack;
  GtkListView          *list_view;
  GtkButton            *problems_button;
  GtkImage             *problems_icon;
  GtkLabel             *problems_label;
  GtkImage             *problems_arrow;
  GtkRevealer          *problems_revealer;
  GtkListBox           *problem_list;
  GtkStack             *details_stack;
  CwRunbookStepDetails *details;

  /* Owned */
  CwRunbook            *runbook;
  GListStore           *items;       /* CwRunbookStepItem: headings and steps */
  GtkSingleSelection   *selection;
  CwRunbookHistory     *history;
  GPtrArray            *problems;    /* CwRunbookProblem */

  gboolean              modified;
  gboolean              read_only;
  gboolean              selecting;   /* the selection is being set by code */
};

/* cw-runbook-editor.c */
/* The step selected, or NULL; and the step being edited, or NULL when the
 * editor is read-only. begin_edit records the runbook for undo (coalescing
 * consecutive edits of one field of one step when @coalesce); end_edit
 * validates, updates the rows, the totals, and notifies. */
CwRunbookStep *_cw_runbook_editor_get_selected_step (CwRunbookEditor *self);
CwRunbookStep *_cw_runbook_editor_begin_edit        (CwRunbookEditor *self,
                                                     const char      *field,
                                                     gboolean         coalesce);
void           _cw_runbook_editor_end_edit          (CwRunbookEditor *self,
                                                     const char      *field);
/* Records the runbook for undo before an edit of the list itself. */
void           _cw_runbook_editor_record            (CwRunbookEditor *self);
/* After the list changed shape: the items again from the runbook (keeping
 * the selection on @select_id, or none), then validation and totals. */
void           _cw_runbook_editor_rebuild           (CwRunbookEditor *self,
                                                     const char      *select_id);
/* Replaces the runbook (transfer full), for undo and redo: keeps the
 * version's identity (number, state, people) from the one replaced. */
void           _cw_runbook_editor_replace           (CwRunbookEditor *self,
                                                     CwRunbook       *runbook,
                                                     const char      *select_id);
void           _cw_runbook_editor_set_modified      (CwRunbookEditor *self,
                                                     gboolean         modified);
void           _cw_runbook_editor_set_read_only     (CwRunbookEditor *self,
                                                     gboolean         read_only);
void           _cw_runbook_editor_emit_changed      (CwRunbookEditor *self);
/* The item of @step, or GTK_INVALID_LIST_POSITION. */
guint          _cw_runbook_editor_find_position     (CwRunbookEditor *self,
                                                     const CwRunbookStep *step);
/* The position after the last item of @phase's group. */
guint          _cw_runbook_editor_group_end         (CwRunbookEditor *self,
                                                     CwPhase          phase);
/* Where a step added at the end of @phase goes in runbook->steps. */
guint          _cw_runbook_editor_insertion_index   (CwRunbookEditor *self,
                                                     CwPhase          phase);
/* Selects the item at @position (or none) and shows it. */
void           _cw_runbook_editor_select_position   (CwRunbookEditor *self,
                                                     guint            position);
/* Validation, totals, which page shows, actions. */
void           _cw_runbook_editor_refresh           (CwRunbookEditor *self);

/* cw-runbook-editor-list.c */
void           _cw_runbook_editor_list_init          (CwRunbookEditor *self);
/* Validation: the problems list and the rows' warnings; timing: the
 * totals and the phase headings. */
void           _cw_runbook_editor_update_problems    (CwRunbookEditor *self);
void           _cw_runbook_editor_update_totals      (CwRunbookEditor *self);

/* cw-runbook-editor-actions.c */
void           _cw_runbook_editor_class_actions_init (CwRunbookEditorClass *klass);
void           _cw_runbook_editor_actions_init       (CwRunbookEditor      *self);
void           _cw_runbook_editor_actions_update     (CwRunbookEditor      *self);

G_END_DECLS
