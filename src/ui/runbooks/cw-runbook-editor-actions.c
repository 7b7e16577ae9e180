/* cw-runbook-editor-actions.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-runbook-editor-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "cw-runbook-editor-private.h"
#include "cw-runbook-step-item.h"

/* The editor's actions ("editor.*") and their keys. Every edit records the
 * runbook first, so undo can take it back; undo and redo restore the step
 * that was selected then. Ctrl+Z and Ctrl+Shift+Z are caught before the
 * entries and the instructions' view see them (their own undo is off), so
 * one history covers every field. Delete removes a step only from the list;
 * in a field it deletes text as usual. Enter on a step goes to its details,
 * Escape there comes back to it.
 *
 * Added steps follow the selected step in its phase and stream, and wait
 * for it, which is how a procedure is usually written; a removed step's
 * successors wait for its own predecessors instead, so the order stays. */

#define DEFAULT_DURATION_MIN 5

static guint
index_of (CwRunbook           *runbook,
          const CwRunbookStep *step)
{
  for (guint i = 0; i < runbook->steps->len; i++)
    if (g_ptr_array_index (runbook->steps, i) == step)
      return i;

  return G_MAXUINT;
}

/* The last step of @phase in the list, or NULL. */
static CwRunbookStep *
last_step_of (CwRunbookEditor *self,
              CwPhase          phase)
{
  guint end = _cw_runbook_editor_group_end (self, phase);
  g_autoptr(CwRunbookStepItem) item = NULL;

  if (end == 0)
    return NULL;

  item = g_list_model_get_item (G_LIST_MODEL (self->items), end - 1);
  return item != NULL ? cw_runbook_step_item_get_step (item) : NULL;
}

static void
add_step (CwRunbookEditor *self,
          CwPhase          phase,
          CwRunbookStep   *after)
{
  g_autofree char *id = NULL;
  g_autoptr(CwRunbookStepItem) item = NULL;
  CwRunbookStep *step;
  guint index;
  guint position;

  if (self->runbook == NULL || self->read_only)
    return;

  _cw_runbook_editor_record (self);

  id = cw_runbook_make_step_id (self->runbook);
  step = cw_runbook_step_new (id, phase, CW_STEP_MANUAL, _("New step"));
  step->duration_min = DEFAULT_DURATION_MIN;
  if (after != NULL)
    {
      const char *predecessors[] = { after->id, NULL };

      step->stream = g_strdup (after->stream);
      if (after->id != NULL && after->id[0] != '\0')
        step->predecessors = g_strdupv ((char **) predecessors);
      index = index_of (self->runbook, after) + 1;
      position = _cw_runbook_editor_find_position (self, after) + 1;
    }
  else
    {
      index = _cw_runbook_editor_insertion_index (self, phase);
      position = _cw_runbook_editor_group_end (self, phase);
    }

  g_ptr_array_insert (self->runbook->steps, (int) index, step);

  if (self->runbook->steps->len == 1)
    /* The first step: the list gets its headings. */
    _cw_runbook_editor_rebuild (self, step->id);
  else
    {
      item = cw_runbook_step_item_new_step (step);
      self->selecting = TRUE;
      g_list_store_insert (self->items, position, item);
      self->selecting = FALSE;
      _cw_runbook_editor_refresh (self);
      _cw_runbook_editor_select_position (self, position);
    }

  _cw_runbook_editor_set_modified (self, TRUE);
  _cw_runbook_editor_emit_changed (self);

  /* The user names it next. */
  cw_runbook_step_details_focus (self->details);
}

/* Actions */

static void
add_step_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  CwRunbookEditor *self = CW_RUNBOOK_EDITOR (widget);
  CwRunbookStep *selected = _cw_runbook_editor_get_selected_step (self);
  CwPhase phase = CW_PHASE_PREPARATION;

  if (self->runbook == NULL)
    return;

  if (selected != NULL)
    {
      add_step (self, selected->phase, selected);
      return;
    }

  /* Nothing selected: carry on the forward plan where it ends. */
  for (guint i = 0; i < self->runbook->steps->len; i++)
    {
      const CwRunbookStep *step = g_ptr_array_index (self->runbook->steps, i);

      if (step->phase != CW_PHASE_ROLLBACK && step->phase > phase)
        phase = step->phase;
    }

  add_step (self, phase, last_step_of (self, phase));
}

static void
add_step_to_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  CwRunbookEditor *self = CW_RUNBOOK_EDITOR (widget);
  CwPhase phase;

  if (!cw_phase_from_string (g_variant_get_string (param, NULL), &phase))
    return;

  add_step (self, phase, last_step_of (self, phase));
}

static void
remove_step_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  CwRunbookEditor *self = CW_RUNBOOK_EDITOR (widget);
  CwRunbookStep *step = _cw_runbook_editor_get_selected_step (self);
  guint position;
  guint index;
  guint n_items;

  if (step == NULL || self->read_only)
    return;

  _cw_runbook_editor_record (self);

  /* Whoever waited for the step now waits for what it waited for. */
  for (guint i = 0; i < self->runbook->steps->len; i++)
    {
      CwRunbookStep *other = g_ptr_array_index (self->runbook->steps, i);
      g_autoptr(GStrvBuilder) builder = NULL;
      gboolean found = FALSE;

      if (other == step || other->predecessors == NULL || step->id == NULL)
        continue;

      builder = g_strv_builder_new ();
      for (guint j = 0; other->predecessors[j] != NULL; j++)
        {
          if (!g_str_equal (other->predecessors[j], step->id))
            {
              g_strv_builder_add (builder, other->predecessors[j]);
              continue;
            }

          found = TRUE;
          for (guint k = 0; step->predecessors != NULL && step->predecessors[k] != NULL; k++)
            if (!g_strv_contains ((const char * const *) other->predecessors, step->predecessors[k]) &&
                g_strcmp0 (step->predecessors[k], other->id) != 0)
              g_strv_builder_add (builder, step->predecessors[k]);
        }

      if (found)
        {
          g_auto(GStrv) predecessors = g_strv_builder_end (builder);

          g_strfreev (other->predecessors);
          other->predecessors = NULL;
          if (predecessors[0] != NULL)
            other->predecessors = g_steal_pointer (&predecessors);
        }
    }

  position = _cw_runbook_editor_find_position (self, step);
  index = index_of (self->runbook, step);

  /* The details and the list let go of the step before it is freed; the
   * details stay in place for the step selected next. */
  cw_runbook_step_details_set_step (self->details, NULL, NULL, FALSE);
  self->selecting = TRUE;
  g_list_store_remove (self->items, position);
  self->selecting = FALSE;
  g_ptr_array_remove_index (self->runbook->steps, index);

  if (self->runbook->steps->len == 0)
    _cw_runbook_editor_rebuild (self, NULL);
  else
    {
      g_autoptr(CwRunbookStepItem) next = NULL;
      g_autoptr(CwRunbookStepItem) previous = NULL;

      /* The step that took its place, or the one before it. */
      _cw_runbook_editor_refresh (self);
      n_items = g_list_model_get_n_items (G_LIST_MODEL (self->items));
      if (position < n_items)
        next = g_list_model_get_item (G_LIST_MODEL (self->items), position);
      if (position > 0)
        previous = g_list_model_get_item (G_LIST_MODEL (self->items), position - 1);

      if (next != NULL && !cw_runbook_step_item_is_heading (next))
        _cw_runbook_editor_select_position (self, position);
      else if (previous != NULL && !cw_runbook_step_item_is_heading (previous))
        _cw_runbook_editor_select_position (self, position - 1);
      else
        _cw_runbook_editor_select_position (self, GTK_INVALID_LIST_POSITION);
    }

  _cw_runbook_editor_set_modified (self, TRUE);
  _cw_runbook_editor_emit_changed (self);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  CwRunbookEditor *self = CW_RUNBOOK_EDITOR (widget);
  CwRunbookStep *step = _cw_runbook_editor_get_selected_step (self);
  gboolean up = g_str_equal (action_name, "editor.move-up");
  g_autoptr(CwRunbookStepItem) item = NULL;
  g_autoptr(CwRunbookStepItem) neighbour_item = NULL;
  CwRunbookStep *neighbour;
  guint position;
  guint n_items;
  guint a;
  guint b;

  if (step == NULL || self->read_only)
    return;

  position = _cw_runbook_editor_find_position (self, step);
  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  /* Within its phase only: the phase drop-down moves a step to another. */
  if ((up && position == 0) || (!up && position + 1 >= n_items))
    {
      gtk_widget_error_bell (widget);
      return;
    }

  neighbour_item = g_list_model_get_item (G_LIST_MODEL (self->items), up ? position - 1 : position + 1);
  neighbour = cw_runbook_step_item_get_step (neighbour_item);
  if (neighbour == NULL)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  _cw_runbook_editor_record (self);

  /* Swap the two in the runbook and in the list. */
  a = index_of (self->runbook, step);
  b = index_of (self->runbook, neighbour);
  self->runbook->steps->pdata[a] = neighbour;
  self->runbook->steps->pdata[b] = step;

  item = g_list_model_get_item (G_LIST_MODEL (self->items), position);
  self->selecting = TRUE;
  g_list_store_remove (self->items, position);
  g_list_store_insert (self->items, up ? position - 1 : position + 1, item);
  self->selecting = FALSE;
  _cw_runbook_editor_select_position (self, up ? position - 1 : position + 1);
  _cw_runbook_editor_refresh (self);

  _cw_runbook_editor_set_modified (self, TRUE);
  _cw_runbook_editor_emit_changed (self);
}

static void
undo_redo_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  CwRunbookEditor *self = CW_RUNBOOK_EDITOR (widget);
  const char *current = cw_runbook_editor_get_selected (self);
  g_autofree char *selected = NULL;
  CwRunbook *runbook;

  if (self->runbook == NULL || self->read_only)
    return;

  if (g_str_equal (action_name, "editor.undo"))
    runbook = cw_runbook_history_undo (self->history, self->runbook, current, &selected);
  else
    runbook = cw_runbook_history_redo (self->history, self->runbook, current, &selected);

  if (runbook == NULL)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  _cw_runbook_editor_replace (self, runbook, selected);
}

static void
edit_as_draft_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  CwRunbookEditor *self = CW_RUNBOOK_EDITOR (widget);
  g_autofree char *selected = g_strdup (cw_runbook_editor_get_selected (self));
  CwRunbook *runbook = self->runbook;

  if (runbook == NULL || !self->read_only)
    return;

  /* A copy that no version holds yet: saving makes it the next version. */
  runbook->version = 0;
  runbook->state = CW_RUNBOOK_DRAFT;
  runbook->created_at = 0;
  runbook->approved_at = 0;
  g_clear_pointer (&runbook->author, g_free);
  g_clear_pointer (&runbook->approver, g_free);

  cw_runbook_history_clear (self->history);
  _cw_runbook_editor_set_read_only (self, FALSE);
  _cw_runbook_editor_rebuild (self, selected);
  _cw_runbook_editor_set_modified (self, TRUE);
  _cw_runbook_editor_emit_changed (self);
}

static void
focus_list_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  cw_runbook_editor_focus_list (CW_RUNBOOK_EDITOR (widget));
}

/* Escape in the details or the problems goes back to the step in the list;
 * elsewhere it is someone else's. */
static gboolean
escape_shortcut_cb (GtkWidget *widget,
                    GVariant  *args,
                    gpointer   user_data)
{
  CwRunbookEditor *self = CW_RUNBOOK_EDITOR (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus == NULL ||
      (!gtk_widget_is_ancestor (focus, GTK_WIDGET (self->details_stack)) &&
       !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->problems_revealer))))
    return FALSE;

  cw_runbook_editor_focus_list (self);
  return TRUE;
}

static gboolean
remove_step_shortcut_cb (GtkWidget *widget,
                         GVariant  *args,
                         gpointer   user_data)
{
  CwRunbookEditor *self = user_data;

  if (_cw_runbook_editor_get_selected_step (self) == NULL || self->read_only)
    return FALSE;

  return gtk_widget_activate_action (GTK_WIDGET (self), "editor.remove-step", NULL);
}

static gboolean
history_shortcut_cb (GtkWidget *widget,
                     GVariant  *args,
                     gpointer   user_data)
{
  CwRunbookEditor *self = CW_RUNBOOK_EDITOR (widget);
  const char *action = g_variant_get_string (args, NULL);

  if (self->runbook == NULL || self->read_only)
    return FALSE;

  gtk_widget_activate_action (widget, action, NULL);
  return TRUE;
}

/* Internal API */

void
_cw_runbook_editor_class_actions_init (CwRunbookEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "editor.add-step", NULL, add_step_action);
  gtk_widget_class_install_action (widget_class, "editor.add-step-to", "s", add_step_to_action);
  gtk_widget_class_install_action (widget_class, "editor.remove-step", NULL, remove_step_action);
  gtk_widget_class_install_action (widget_class, "editor.move-up", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "editor.move-down", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "editor.undo", NULL, undo_redo_action);
  gtk_widget_class_install_action (widget_class, "editor.redo", NULL, undo_redo_action);
  gtk_widget_class_install_action (widget_class, "editor.edit-as-draft", NULL, edit_as_draft_action);
  gtk_widget_class_install_action (widget_class, "editor.focus-list", NULL, focus_list_action);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, escape_shortcut_cb, NULL);

  /* Ctrl+N is also the application's New Workspace, whose accelerator the
   * window sees first; Insert always adds a step. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "editor.add-step", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Insert, 0,
                                       "editor.add-step", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Insert, 0,
                                       "editor.add-step", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK,
                                       "editor.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Up, GDK_ALT_MASK,
                                       "editor.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK,
                                       "editor.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Down, GDK_ALT_MASK,
                                       "editor.move-down", NULL);
}

void
_cw_runbook_editor_actions_init (CwRunbookEditor *self)
{
  GtkEventController *controller;
  GtkShortcutController *shortcuts;

  /* Undo and redo before the focused field sees the keys. */
  controller = gtk_shortcut_controller_new ();
  shortcuts = GTK_SHORTCUT_CONTROLLER (controller);
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (shortcuts,
                                        gtk_shortcut_new_with_arguments (
                                          gtk_keyval_trigger_new (GDK_KEY_z, GDK_CONTROL_MASK),
                                          gtk_callback_action_new (history_shortcut_cb, NULL, NULL),
                                          "s", "editor.undo"));
  gtk_shortcut_controller_add_shortcut (shortcuts,
                                        gtk_shortcut_new_with_arguments (
                                          gtk_keyval_trigger_new (GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK),
                                          gtk_callback_action_new (history_shortcut_cb, NULL, NULL),
                                          "s", "editor.redo"));
  gtk_shortcut_controller_add_shortcut (shortcuts,
                                        gtk_shortcut_new_with_arguments (
                                          gtk_keyval_trigger_new (GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK),
                                          gtk_callback_action_new (history_shortcut_cb, NULL, NULL),
                                          "s", "editor.redo"));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  /* Delete in the list removes the selected step. */
  controller = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                                          gtk_callback_action_new (remove_step_shortcut_cb,
                                                                                   self, NULL)));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_KP_Delete, 0),
                                                          gtk_callback_action_new (remove_step_shortcut_cb,
                                                                                   self, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), controller);
}

void
_cw_runbook_editor_actions_update (CwRunbookEditor *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  CwRunbookStep *step = _cw_runbook_editor_get_selected_step (self);
  gboolean editable = self->runbook != NULL && !self->read_only;
  gboolean can_up = FALSE;
  gboolean can_down = FALSE;

  if (editable && step != NULL)
    {
      guint position = _cw_runbook_editor_find_position (self, step);
      guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->items));
      g_autoptr(CwRunbookStepItem) before = NULL;
      g_autoptr(CwRunbookStepItem) after = NULL;

      if (position > 0)
        before = g_list_model_get_item (G_LIST_MODEL (self->items), position - 1);
      if (position + 1 < n_items)
        after = g_list_model_get_item (G_LIST_MODEL (self->items), position + 1);
      can_up = before != NULL && !cw_runbook_step_item_is_heading (before);
      can_down = after != NULL && !cw_runbook_step_item_is_heading (after);
    }

  gtk_widget_action_set_enabled (widget, "editor.add-step", editable);
  gtk_widget_action_set_enabled (widget, "editor.add-step-to", editable);
  gtk_widget_action_set_enabled (widget, "editor.remove-step", editable && step != NULL);
  gtk_widget_action_set_enabled (widget, "editor.move-up", can_up);
  gtk_widget_action_set_enabled (widget, "editor.move-down", can_down);
  gtk_widget_action_set_enabled (widget, "editor.undo",
                                 editable && cw_runbook_history_can_undo (self->history));
  gtk_widget_action_set_enabled (widget, "editor.redo",
                                 editable && cw_runbook_history_can_redo (self->history));
  gtk_widget_action_set_enabled (widget, "editor.edit-as-draft", self->runbook != NULL && self->read_only);
}

/* Public API */

static gboolean
replace_text (char       **slot,
              const char  *text)
{
  const char *value = text != NULL && text[0] != '\0' ? text : NULL;

  if (g_strcmp0 (*slot, value) == 0)
    return FALSE;

  g_free (*slot);
  *slot = g_strdup (value);
  return TRUE;
}

gboolean
cw_runbook_editor_set_properties (CwRunbookEditor *self,
                                  const char      *description,
                                  const char      *product,
                                  const char      *ci_class,
                                  guint            buffer_min)
{
  g_autoptr(CwRunbook) before = NULL;
  CwRunbookStep *selected;
  gboolean changed = FALSE;

  g_return_val_if_fail (CW_IS_RUNBOOK_EDITOR (self), FALSE);

  if (self->runbook == NULL || self->read_only)
    return FALSE;

  before = cw_runbook_copy (self->runbook);
  changed |= replace_text (&self->runbook->description, description);
  changed |= replace_text (&self->runbook->product, product);
  changed |= replace_text (&self->runbook->ci_class, ci_class);
  if (self->runbook->buffer_min != buffer_min)
    {
      self->runbook->buffer_min = buffer_min;
      changed = TRUE;
    }

  if (!changed)
    return FALSE;

  /* One entry of its own, whatever was typed in a step before. */
  selected = _cw_runbook_editor_get_selected_step (self);
  cw_runbook_history_seal (self->history);
  cw_runbook_history_record (self->history, before, selected != NULL ? selected->id : NULL, NULL);

  _cw_runbook_editor_refresh (self);
  _cw_runbook_editor_set_modified (self, TRUE);
  _cw_runbook_editor_emit_changed (self);

  return TRUE;
}
