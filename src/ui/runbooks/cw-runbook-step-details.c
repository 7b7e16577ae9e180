/* cw-runbook-step-details.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-runbook-step-details"

#include "config.h"

#include <glib/gi18n.h>
#include <gtksourceview/gtksource.h>

#include "cw-markdown.h"
#include "cw-runbook-command.h"
#include "cw-runbook-predecessor-picker.h"
#include "cw-runbook-step-details-private.h"

/* The step's fields, filled from the step shown: only when another step is
 * shown (or after undo), never while the user types in them. Their own undo
 * is off, since the editor's covers every field at once. The edits
 * themselves are in cw-runbook-step-details-edits.c. The Markdown preview
 * follows the typing after a short pause, in the source view's colours for
 * the style shown. */

#define PREVIEW_DELAY_MS 150

G_DEFINE_FINAL_TYPE (CwRunbookStepDetails, cw_runbook_step_details, ADW_TYPE_BIN)

/* Helpers */

static void
set_text (GtkEditable *editable,
          const char  *text)
{
  if (g_strcmp0 (gtk_editable_get_text (editable), text != NULL ? text : "") != 0)
    gtk_editable_set_text (editable, text != NULL ? text : "");
}

char *
_cw_runbook_step_details_get_buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start;
  GtkTextIter end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
update_preview (CwRunbookStepDetails *self)
{
  g_autofree char *markup = NULL;

  g_clear_handle_id (&self->preview_id, g_source_remove);

  if (self->step == NULL || self->step->instructions == NULL || self->step->instructions[0] == '\0')
    {
      g_autofree char *empty = g_markup_printf_escaped ("<i>%s</i>", _("No instructions yet"));

      gtk_label_set_markup (self->preview_label, empty);
      gtk_widget_add_css_class (GTK_WIDGET (self->preview_label), "dim-label");
      return;
    }

  markup = cw_markdown_to_pango (self->step->instructions);
  gtk_label_set_markup (self->preview_label, markup);
  gtk_widget_remove_css_class (GTK_WIDGET (self->preview_label), "dim-label");
}

static gboolean
preview_timeout_cb (gpointer user_data)
{
  CwRunbookStepDetails *self = user_data;

  self->preview_id = 0;
  update_preview (self);

  return G_SOURCE_REMOVE;
}

void
_cw_runbook_step_details_schedule_preview (CwRunbookStepDetails *self)
{
  g_clear_handle_id (&self->preview_id, g_source_remove);
  self->preview_id = g_timeout_add (PREVIEW_DELAY_MS, preview_timeout_cb, self);
}

static void
update_style_scheme (CwRunbookStepDetails *self)
{
  GtkSourceStyleSchemeManager *manager = gtk_source_style_scheme_manager_get_default ();
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->instructions_view));
  GtkSourceStyleScheme *scheme;

  scheme = gtk_source_style_scheme_manager_get_scheme (manager, dark ? "Adwaita-dark" : "Adwaita");
  if (scheme == NULL)
    scheme = gtk_source_style_scheme_manager_get_scheme (manager, dark ? "oblivion" : "classic");
  gtk_source_buffer_set_style_scheme (GTK_SOURCE_BUFFER (buffer), scheme);
}

void
_cw_runbook_step_details_set_command_error (CwRunbookStepDetails *self,
                                            const char           *message)
{
  gtk_label_set_label (self->command_error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->command_error_label), message != NULL);

  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->command_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->command_row), "error");

  gtk_accessible_update_state (GTK_ACCESSIBLE (self->command_row), GTK_ACCESSIBLE_STATE_INVALID,
                               message != NULL ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
}

static void
update_sensitivity (CwRunbookStepDetails *self)
{
  gboolean editable = self->editable;

  gtk_widget_set_sensitive (GTK_WIDGET (self->step_group), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->command_group), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->acceptance_group), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->instructions_view), editable);
  gtk_text_view_set_editable (GTK_TEXT_VIEW (self->instructions_view), editable);
}

void
_cw_runbook_step_details_fill (CwRunbookStepDetails *self)
{
  CwRunbookStep *step = self->step;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->instructions_view));
  g_autofree char *command = NULL;
  g_autofree char *instructions = NULL;
  const char *wanted;

  self->filling = TRUE;

  set_text (GTK_EDITABLE (self->title_row), step != NULL ? step->title : NULL);
  set_text (GTK_EDITABLE (self->id_row), step != NULL ? step->id : NULL);
  adw_combo_row_set_selected (self->type_row, step != NULL ? (guint) step->type : 0);
  adw_combo_row_set_selected (self->phase_row, step != NULL ? (guint) step->phase : 0);
  set_text (GTK_EDITABLE (self->stream_row), step != NULL ? step->stream : NULL);
  gtk_spin_button_set_value (self->duration_spin, step != NULL ? step->duration_min : 0);
  cw_runbook_predecessor_picker_set_step (self->predecessor_picker, self->runbook, step);

  instructions = _cw_runbook_step_details_get_buffer_text (buffer);
  wanted = step != NULL && step->instructions != NULL ? step->instructions : "";
  if (g_strcmp0 (instructions, wanted) != 0)
    {
      GtkTextIter start;

      gtk_text_buffer_set_text (buffer, wanted, -1);
      gtk_text_buffer_get_start_iter (buffer, &start);
      gtk_text_buffer_place_cursor (buffer, &start);
    }
  update_preview (self);

  gtk_widget_set_visible (GTK_WIDGET (self->command_box), step != NULL && step->type == CW_STEP_COMMAND);
  command = cw_runbook_command_format (step != NULL ? step->argv : NULL);
  set_text (GTK_EDITABLE (self->command_row), command);
  _cw_runbook_step_details_set_command_error (self, NULL);
  set_text (GTK_EDITABLE (self->workdir_row), step != NULL ? step->workdir : NULL);
  gtk_spin_button_set_value (self->timeout_spin, step != NULL ? step->timeout_s : 0);
  gtk_spin_button_set_value (self->exit_spin, step != NULL ? step->expected_exit : 0);
  set_text (GTK_EDITABLE (self->regex_row), step != NULL ? step->output_regex : NULL);

  set_text (GTK_EDITABLE (self->acceptance_row), step != NULL ? step->acceptance : NULL);
  gtk_check_button_set_active (self->note_check, step != NULL && (step->evidence & CW_EVIDENCE_NOTE));
  gtk_check_button_set_active (self->output_check, step != NULL && (step->evidence & CW_EVIDENCE_OUTPUT));
  gtk_check_button_set_active (self->file_check, step != NULL && (step->evidence & CW_EVIDENCE_FILE));

  /* With no step the details are hidden: leave the fields as they are
   * rather than take the focus from under the user (GTK then warns about a
   * missing focus-out). */
  if (step != NULL)
    update_sensitivity (self);

  self->filling = FALSE;
}

/* Callbacks */

static void
on_dark_changed_cb (CwRunbookStepDetails *self)
{
  update_style_scheme (self);
}

/* GObject */

static void
cw_runbook_step_details_dispose (GObject *object)
{
  CwRunbookStepDetails *self = (CwRunbookStepDetails *)object;

  g_clear_handle_id (&self->preview_id, g_source_remove);
  self->runbook = NULL;
  self->step = NULL;
  if (self->predecessor_picker != NULL)
    cw_runbook_predecessor_picker_set_step (self->predecessor_picker, NULL, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (object), CW_TYPE_RUNBOOK_STEP_DETAILS);

  G_OBJECT_CLASS (cw_runbook_step_details_parent_class)->dispose (object);
}

static void
cw_runbook_step_details_class_init (CwRunbookStepDetailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cw_runbook_step_details_dispose;

  g_type_ensure (GTK_SOURCE_TYPE_VIEW);
  g_type_ensure (CW_TYPE_RUNBOOK_PREDECESSOR_PICKER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/changeward/Changeward/ui/runbooks/cw-runbook-step-details.ui");
  gtk_widget_class_bind_template_child (widget_class, CwRunbookStepDetails, step_group);
  gtk_widget_class_bind_template_child (widget_class, CwRunbookStepDetails, title_row);
  gtk_widget_class_bind_template_child (widget_class, CwRunbookStepDetails, id_row);
  gtk_widget_class_bind_template_child (widget_class, CwRunbookStepDetails, type_row);
  gtk_widget_class_bind_template_child (widget_class, CwRunbookStepDetails, type_model);
  gtk_widget_class_bind_template_child (widget_class, CwRunbookStepDetails, phase_row);
  gtk_widget_class_bind_template_child (widget_class, CwRunbookStepDetails, phase_model);
  gtk_widget_class_bind_template_child (widget_class, CwRunbookStepDetails, stream_row);
  gtk_widget_class_bind_template_child (widget_class, CwRunbookStepDetails, duration_spin);
  gtk_widget_class_bind_template_child (widget_class, CwRunbookStepDetails, predecessor_picker);
  gtk_widget_class_bind_template_child (widget_class, CwRunbookStepDetails, instructions_box);
  gtk_widget_class_bind_template_child (widget_class, CwRunbookStepDetails, instructions_view);
  gtk_widget_class_bind_template_child (widget_class, CwRunbookStepDetails, preview_label);
  gtk_widget_class_bind_template_child (widget_class, CwRunbookStepDetails, command_box);
  gtk_widget_class_bind_template_child (widget_class, CwRunbookStepDetails, command_group);
  gtk_widget_class_bind_template_child (widget_class, CwRunbookStepDetails, command_row);
  gtk_widget_class_bind_template_child (widget_class, CwRunbookStepDetails, command_error_label);
  gtk_widget_class_bind_template_child (widget_class, CwRunbookStepDetails, workdir_row);
  gtk_widget_class_bind_template_child (widget_class, CwRunbookStepDetails, timeout_spin);
  gtk_widget_class_bind_template_child (widget_class, CwRunbookStepDetails, exit_spin);
  gtk_widget_class_bind_template_child (widget_class, CwRunbookStepDetails, regex_row);
  gtk_widget_class_bind_template_child (widget_class, CwRunbookStepDetails, acceptance_group);
  gtk_widget_class_bind_template_child (widget_class, CwRunbookStepDetails, acceptance_row);
  gtk_widget_class_bind_template_child (widget_class, CwRunbookStepDetails, note_check);
  gtk_widget_class_bind_template_child (widget_class, CwRunbookStepDetails, output_check);
  gtk_widget_class_bind_template_child (widget_class, CwRunbookStepDetails, file_check);

  _cw_runbook_step_details_class_edits_init (widget_class);
}

static void
cw_runbook_step_details_init (CwRunbookStepDetails *self)
{
  GtkSourceLanguageManager *languages = gtk_source_language_manager_get_default ();
  GtkSourceBuffer *buffer;
  AdwEntryRow *rows[7];

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < CW_N_STEP_TYPES; i++)
    gtk_string_list_append (self->type_model, cw_step_type_get_label (i));
  for (guint i = 0; i < CW_N_PHASES; i++)
    gtk_string_list_append (self->phase_model, cw_phase_get_label (i));

  /* One history for every field: the editor's. */
  rows[0] = self->title_row;
  rows[1] = self->id_row;
  rows[2] = self->stream_row;
  rows[3] = self->command_row;
  rows[4] = self->workdir_row;
  rows[5] = self->regex_row;
  rows[6] = self->acceptance_row;
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    gtk_editable_set_enable_undo (GTK_EDITABLE (rows[i]), FALSE);

  buffer = GTK_SOURCE_BUFFER (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->instructions_view)));
  gtk_text_buffer_set_enable_undo (GTK_TEXT_BUFFER (buffer), FALSE);
  gtk_source_buffer_set_language (buffer, gtk_source_language_manager_get_language (languages, "markdown"));
  gtk_source_buffer_set_highlight_syntax (buffer, TRUE);
  _cw_runbook_step_details_edits_init (self, GTK_TEXT_BUFFER (buffer));

  update_style_scheme (self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed_cb), self, G_CONNECT_SWAPPED);

  _cw_runbook_step_details_fill (self);
}

/* Public API */

void
cw_runbook_step_details_set_step (CwRunbookStepDetails *self,
                                  CwRunbook            *runbook,
                                  CwRunbookStep        *step,
                                  gboolean              editable)
{
  g_return_if_fail (CW_IS_RUNBOOK_STEP_DETAILS (self));

  self->runbook = runbook;
  self->step = step;
  self->editable = editable;
  _cw_runbook_step_details_fill (self);
}

void
cw_runbook_step_details_focus (CwRunbookStepDetails *self)
{
  g_return_if_fail (CW_IS_RUNBOOK_STEP_DETAILS (self));

  if (self->step == NULL)
    return;

  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
  gtk_editable_select_region (GTK_EDITABLE (self->title_row), 0, -1);
}

GtkWidget *
cw_runbook_step_details_get_part (CwRunbookStepDetails *self,
                                  const char           *name)
{
  GObject *part;

  g_return_val_if_fail (CW_IS_RUNBOOK_STEP_DETAILS (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  part = gtk_widget_get_template_child (GTK_WIDGET (self), CW_TYPE_RUNBOOK_STEP_DETAILS, name);

  return GTK_IS_WIDGET (part) ? GTK_WIDGET (part) : NULL;
}

void
cw_runbook_step_details_flush (CwRunbookStepDetails *self)
{
  g_return_if_fail (CW_IS_RUNBOOK_STEP_DETAILS (self));

  if (self->preview_id != 0)
    update_preview (self);
}
