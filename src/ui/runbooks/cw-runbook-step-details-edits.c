/* cw-runbook-step-details-edits.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-runbook-step-details"

#include "config.h"

#include <glib/gi18n.h>

#include "cw-runbook-command.h"
#include "cw-runbook-editor-private.h"
#include "cw-runbook-step-details-private.h"

/* Every field edits the step as the user types: the editor records the
 * runbook first (typing in one field is one undo step), then validates it
 * again and redraws the step's row. Nothing is edited while the fields are
 * filled, nor when the step is read-only.
 *
 * The command is one line, quoted as in a shell and split with
 * g_shell_parse_argv(); it is never run through a shell. A line that does
 * not parse leaves the step's command as it was and says why. A step's new
 * id is followed by the steps that wait for it. */

/* Helpers */

static char *
dup_or_null (const char *text)
{
  return text != NULL && text[0] != '\0' ? g_strdup (text) : NULL;
}

static CwRunbookEditor *
get_editor (CwRunbookStepDetails *self)
{
  GtkWidget *editor = gtk_widget_get_ancestor (GTK_WIDGET (self), CW_TYPE_RUNBOOK_EDITOR);

  return editor != NULL ? CW_RUNBOOK_EDITOR (editor) : NULL;
}

/* The step to change, once the editor recorded it; NULL when no edit is due
 * (filling the fields, nothing shown, or read-only). */
static CwRunbookStep *
begin_edit (CwRunbookStepDetails *self,
            const char           *field,
            gboolean              coalesce)
{
  CwRunbookEditor *editor;
  CwRunbookStep *step;

  if (self->filling || self->step == NULL || !self->editable || (editor = get_editor (self)) == NULL)
    return NULL;

  step = _cw_runbook_editor_begin_edit (editor, field, coalesce);
  g_assert (step == NULL || step == self->step);

  return step;
}

static void
end_edit (CwRunbookStepDetails *self,
          const char           *field)
{
  CwRunbookEditor *editor = get_editor (self);

  if (editor != NULL)
    _cw_runbook_editor_end_edit (editor, field);
}

/* Replaces an optional text field from an entry. */
static void
edit_text (CwRunbookStepDetails  *self,
           const char            *field,
           GtkEditable           *editable,
           gsize                  offset)
{
  CwRunbookStep *step = begin_edit (self, field, TRUE);
  char **slot;

  if (step == NULL)
    return;

  slot = G_STRUCT_MEMBER_P (step, offset);
  g_free (*slot);
  *slot = dup_or_null (gtk_editable_get_text (editable));
  end_edit (self, field);
}

/* Callbacks */

static void
on_title_changed_cb (CwRunbookStepDetails *self)
{
  CwRunbookStep *step = begin_edit (self, "title", TRUE);

  if (step == NULL)
    return;

  g_free (step->title);
  step->title = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
  end_edit (self, "title");
}

static void
on_id_changed_cb (CwRunbookStepDetails *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->id_row));
  CwRunbookStep *step = begin_edit (self, "id", TRUE);
  g_autofree char *old = NULL;
  gboolean rename = TRUE;

  if (step == NULL)
    return;

  old = g_steal_pointer (&step->id);
  step->id = g_strdup (text);

  /* Whoever waited for the step follows it to its new id, unless either id
   * is (or was) another step's too: then a reference would change meaning. */
  for (guint i = 0; i < self->runbook->steps->len && rename; i++)
    {
      const CwRunbookStep *other = g_ptr_array_index (self->runbook->steps, i);

      if (other != step && (g_strcmp0 (other->id, old) == 0 || g_strcmp0 (other->id, text) == 0))
        rename = FALSE;
    }

  for (guint i = 0; rename && old != NULL && old[0] != '\0' && i < self->runbook->steps->len; i++)
    {
      CwRunbookStep *other = g_ptr_array_index (self->runbook->steps, i);

      for (guint j = 0; other->predecessors != NULL && other->predecessors[j] != NULL; j++)
        if (g_str_equal (other->predecessors[j], old))
          {
            g_free (other->predecessors[j]);
            other->predecessors[j] = g_strdup (text);
          }
    }

  end_edit (self, "id");
  cw_runbook_predecessor_picker_update (self->predecessor_picker);
}

static void
on_type_selected_cb (CwRunbookStepDetails *self)
{
  guint selected = adw_combo_row_get_selected (self->type_row);
  CwRunbookStep *step;

  if (selected >= CW_N_STEP_TYPES || (self->step != NULL && self->step->type == (CwStepType) selected))
    return;

  step = begin_edit (self, "type", FALSE);
  if (step == NULL)
    return;

  step->type = (CwStepType) selected;
  if (step->type != CW_STEP_COMMAND)
    {
      /* Command fields belong to command steps only; undo brings them back. */
      g_clear_pointer (&step->argv, g_strfreev);
      g_clear_pointer (&step->workdir, g_free);
      g_clear_pointer (&step->output_regex, g_free);
      step->timeout_s = 0;
      step->expected_exit = 0;
    }
  end_edit (self, "type");

  /* The command fields show, or go, with the type. */
  _cw_runbook_step_details_fill (self);
}

static void
on_phase_selected_cb (CwRunbookStepDetails *self)
{
  guint selected = adw_combo_row_get_selected (self->phase_row);
  CwRunbookStep *step;

  if (selected >= CW_N_PHASES || (self->step != NULL && self->step->phase == (CwPhase) selected))
    return;

  step = begin_edit (self, "phase", FALSE);
  if (step == NULL)
    return;

  step->phase = (CwPhase) selected;
  end_edit (self, "phase");
}

static void
on_stream_changed_cb (CwRunbookStepDetails *self)
{
  edit_text (self, "stream", GTK_EDITABLE (self->stream_row), G_STRUCT_OFFSET (CwRunbookStep, stream));
}

static void
on_duration_changed_cb (CwRunbookStepDetails *self)
{
  guint value = (guint) gtk_spin_button_get_value_as_int (self->duration_spin);
  CwRunbookStep *step;

  if (self->step == NULL || self->step->duration_min == value ||
      (step = begin_edit (self, "duration_min", TRUE)) == NULL)
    return;

  step->duration_min = value;
  end_edit (self, "duration_min");
}

static void
on_predecessor_toggled_cb (CwRunbookStepDetails *self,
                           const char           *step_id,
                           gboolean              active)
{
  CwRunbookStep *step = begin_edit (self, "predecessors", FALSE);
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) predecessors = NULL;

  if (step == NULL)
    return;

  builder = g_strv_builder_new ();
  for (guint i = 0; step->predecessors != NULL && step->predecessors[i] != NULL; i++)
    if (!g_str_equal (step->predecessors[i], step_id))
      g_strv_builder_add (builder, step->predecessors[i]);
  if (active)
    g_strv_builder_add (builder, step_id);

  predecessors = g_strv_builder_end (builder);
  g_strfreev (step->predecessors);
  step->predecessors = predecessors[0] != NULL ? g_steal_pointer (&predecessors) : NULL;

  end_edit (self, "predecessors");
}

static void
on_instructions_changed_cb (CwRunbookStepDetails *self,
                            GtkTextBuffer        *buffer)
{
  CwRunbookStep *step = begin_edit (self, "instructions", TRUE);
  g_autofree char *text = NULL;

  if (step == NULL)
    return;

  text = _cw_runbook_step_details_get_buffer_text (buffer);
  g_free (step->instructions);
  step->instructions = dup_or_null (text);
  end_edit (self, "instructions");

  _cw_runbook_step_details_schedule_preview (self);
}

static void
on_command_changed_cb (CwRunbookStepDetails *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->command_row));
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) argv = NULL;
  CwRunbookStep *step;

  if (self->filling || self->step == NULL)
    return;

  if (!cw_runbook_command_parse (text, &argv, &error))
    {
      /* Translators: under the command entry; the reason follows */
      g_autofree char *message = g_strdup_printf (_("Cannot split this command: %s"), error->message);

      _cw_runbook_step_details_set_command_error (self, message);
      return;
    }

  _cw_runbook_step_details_set_command_error (self, NULL);
  if ((step = begin_edit (self, "command", TRUE)) == NULL)
    return;

  g_strfreev (step->argv);
  step->argv = g_steal_pointer (&argv);
  end_edit (self, "command");
}

static void
on_workdir_changed_cb (CwRunbookStepDetails *self)
{
  edit_text (self, "workdir", GTK_EDITABLE (self->workdir_row), G_STRUCT_OFFSET (CwRunbookStep, workdir));
}

static void
on_timeout_changed_cb (CwRunbookStepDetails *self)
{
  guint value = (guint) gtk_spin_button_get_value_as_int (self->timeout_spin);
  CwRunbookStep *step;

  if (self->step == NULL || self->step->timeout_s == value ||
      (step = begin_edit (self, "timeout_s", TRUE)) == NULL)
    return;

  step->timeout_s = value;
  end_edit (self, "timeout_s");
}

static void
on_exit_changed_cb (CwRunbookStepDetails *self)
{
  int value = gtk_spin_button_get_value_as_int (self->exit_spin);
  CwRunbookStep *step;

  if (self->step == NULL || self->step->expected_exit == value ||
      (step = begin_edit (self, "expected_exit", TRUE)) == NULL)
    return;

  step->expected_exit = value;
  end_edit (self, "expected_exit");
}

static void
on_regex_changed_cb (CwRunbookStepDetails *self)
{
  edit_text (self, "output_regex", GTK_EDITABLE (self->regex_row),
             G_STRUCT_OFFSET (CwRunbookStep, output_regex));
}

static void
on_acceptance_changed_cb (CwRunbookStepDetails *self)
{
  edit_text (self, "acceptance", GTK_EDITABLE (self->acceptance_row),
             G_STRUCT_OFFSET (CwRunbookStep, acceptance));
}

static void
on_evidence_toggled_cb (CwRunbookStepDetails *self)
{
  CwEvidence evidence = CW_EVIDENCE_NONE;
  CwRunbookStep *step;

  if (gtk_check_button_get_active (self->note_check))
    evidence |= CW_EVIDENCE_NOTE;
  if (gtk_check_button_get_active (self->output_check))
    evidence |= CW_EVIDENCE_OUTPUT;
  if (gtk_check_button_get_active (self->file_check))
    evidence |= CW_EVIDENCE_FILE;

  if (self->step == NULL || self->step->evidence == evidence ||
      (step = begin_edit (self, "evidence", FALSE)) == NULL)
    return;

  step->evidence = evidence;
  end_edit (self, "evidence");
}

/* Internal API */

void
_cw_runbook_step_details_class_edits_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_title_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_id_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_type_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_phase_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stream_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_duration_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_predecessor_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_command_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_workdir_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_timeout_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_exit_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_regex_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_acceptance_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_evidence_toggled_cb);
}

void
_cw_runbook_step_details_edits_init (CwRunbookStepDetails *self,
                                     GtkTextBuffer        *instructions)
{
  g_signal_connect_object (instructions, "changed", G_CALLBACK (on_instructions_changed_cb), self,
                           G_CONNECT_SWAPPED);
}
