/* cw-runbook-step-details-private.h
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtksourceview/gtksource.h>

#include "cw-runbook-predecessor-picker.h"
#include "cw-runbook-step-details.h"

G_BEGIN_DECLS

/* The details are split in two files around this struct:
 * cw-runbook-step-details.c (the fields filled from the step, the preview,
 * the widget) and cw-runbook-step-details-edits.c (what each field changes
 * in the step, through the editor). */
struct _CwRunbookStepDetails
{
  AdwBin                      parent_instance;

  /* Template widgets */
  AdwPreferencesGroup        *step_group;
  AdwEntryRow                *title_row;
  AdwEntryRow                *id_row;
  AdwComboRow                *type_row;
  GtkStringList              *type_model;
  AdwComboRow                *phase_row;
  GtkStringList              *phase_model;
  AdwEntryRow                *stream_row;
  GtkSpinButton              *duration_spin;
  CwRunbookPredecessorPicker *predecessor_picker;
  GtkBox                     *instructions_box;
  GtkSourceView              *instructions_view;
  GtkLabel                   *preview_label;
  GtkBox                     *command_box;
  AdwPreferencesGroup        *command_group;
  AdwEntryRow                *command_row;
  GtkLabel                   *command_error_label;
  AdwEntryRow                *workdir_row;
  GtkSpinButton              *timeout_spin;
  GtkSpinButton              *exit_spin;
  AdwEntryRow                *regex_row;
  AdwPreferencesGroup        *acceptance_group;
  AdwEntryRow                *acceptance_row;
  GtkCheckButton             *note_check;
  GtkCheckButton             *output_check;
  GtkCheckButton             *file_check;

  /* Borrowed */
  CwRunbook                  *runbook;
  CwRunbookStep              *step;

  guint                       preview_id;
  gboolean                    editable;
  gboolean                    filling;
};

/* cw-runbook-step-details.c */
/* The fields from self->step (all empty for none). */
void  _cw_runbook_step_details_fill               (CwRunbookStepDetails *self);
/* The preview of the instructions after the typing pause. */
void  _cw_runbook_step_details_schedule_preview   (CwRunbookStepDetails *self);
/* Says under the command why it cannot be split, or nothing for NULL. */
void  _cw_runbook_step_details_set_command_error  (CwRunbookStepDetails *self,
                                                   const char           *message);
char *_cw_runbook_step_details_get_buffer_text    (GtkTextBuffer        *buffer);

/* cw-runbook-step-details-edits.c */
void  _cw_runbook_step_details_class_edits_init   (GtkWidgetClass       *widget_class);
/* Follows @instructions, the instructions' buffer, as the user types. */
void  _cw_runbook_step_details_edits_init         (CwRunbookStepDetails *self,
                                                   GtkTextBuffer        *instructions);

G_END_DECLS
