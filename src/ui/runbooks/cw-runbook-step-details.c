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
#include "cw-runbook-editor-private.h"
#include "cw-runbook-predecessor-picker.h"
#include "cw-runbook-step-details.h"

/* Every field edits the step as the user types: the editor records the
 * runbook first (typing in one field is one undo step), then validates it
 * again and redraws the step's row. Fields are filled only when another step
 * is shown (or after undo), never while the user types in them; their own
 * undo is off, since the editor's covers every field at once.
 *
 * The command is one line, quoted as in a shell and split with
 * g_shell_parse_argv(); it is never run through a shell. A line that does
 * not parse leaves the step's command as it was and says why. The Markdown
 * preview follows the typing after a short pause. */

#define PREVIEW_DELAY_MS 150

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

G_DEFINE_FINAL_TYPE (CwRunbookStepDetails, cw_runbook_step_details, ADW_TYPE_BIN)

/* Helpers */

static char *
dup_or_null (const char *text)
{
  return text != NULL && text[0] != '\0' ? g_strdup (text) : NULL;
}

static void
set_text (GtkEditable *editable,
          const char  *text)
{
  if (g_strcmp0 (gtk_editable_get_text (editable), text != NULL ? text : "") != 0)
    gtk_editable_set_text (editable, text != NULL ? text : "");
}

static char *
get_buffer_text (GtkTextBuffer *buffer)
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

static void
set_command_error (CwRunbookStepDetails *self,
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

static void
fill (CwRunbookStepDetails *self)
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

  instructions = get_buffer_text (buffer);
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
  set_command_error (self, NULL);
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
  fill (self);
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

  text = get_buffer_text (buffer);
  g_free (step->instructions);
  step->instructions = dup_or_null (text);
  end_edit (self, "instructions");

  g_clear_handle_id (&self->preview_id, g_source_remove);
  self->preview_id = g_timeout_add (PREVIEW_DELAY_MS, preview_timeout_cb, self);
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

      set_command_error (self, message);
      return;
    }

  set_command_error (self, NULL);
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
  g_signal_connect_object (buffer, "changed", G_CALLBACK (on_instructions_changed_cb), self,
                           G_CONNECT_SWAPPED);

  update_style_scheme (self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed_cb), self, G_CONNECT_SWAPPED);

  fill (self);
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
  fill (self);
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
