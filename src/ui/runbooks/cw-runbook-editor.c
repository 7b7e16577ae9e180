/* cw-runbook-editor.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-runbook-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "cw-runbook-editor-private.h"
#include "cw-runbook-step-details.h"
#include "cw-runbook-step-item.h"
#include "cw-runbook-step-row.h"
#include "cw-runbook-store.h"

/* The editor of one runbook version. The steps are one flat list of items,
 * a heading per phase followed by that phase's steps in the runbook's order,
 * drawn by a GtkListView: only the rows on screen exist, so a runbook of
 * thousands of steps opens as fast as a short one. Items point into the
 * runbook the editor owns; an edit of a field changes the step in place and
 * tells its item, an edit of the list splices the items, and undo or redo
 * (whole snapshots, cw-runbook-history.c) replaces the runbook and every
 * item. After each edit the runbook is validated and timed again: problems
 * show on their steps' rows and in the list at the bottom, totals above. */

#define HISTORY_LIMIT 100

G_DEFINE_FINAL_TYPE (CwRunbookEditor, cw_runbook_editor, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_MODIFIED,
  PROP_READ_ONLY,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Helpers */

static void
update_banner (CwRunbookEditor *self)
{
  g_autofree char *text = NULL;

  if (self->read_only && self->runbook != NULL)
    {
      /* Translators: the banner over an approved runbook version */
      text = g_strdup_printf (_("Version %u is approved and cannot change."), self->runbook->version);
      gtk_label_set_label (self->banner_label, text);
    }

  gtk_revealer_set_reveal_child (self->banner_revealer, self->read_only && self->runbook != NULL);
}

static void
show_selected (CwRunbookEditor *self)
{
  CwRunbookStep *step = _cw_runbook_editor_get_selected_step (self);

  /* The details go: the focus goes to the list rather than nowhere. */
  if (step == NULL)
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

      if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->details)))
        gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
    }

  cw_runbook_step_details_set_step (self->details, self->runbook, step, !self->read_only);
  gtk_stack_set_visible_child_name (self->details_stack, step != NULL ? "step" : "none");
  _cw_runbook_editor_actions_update (self);
}

void
_cw_runbook_editor_select_position (CwRunbookEditor *self,
                                    guint            position)
{
  self->selecting = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->selecting = FALSE;

  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);

  show_selected (self);
}

void
_cw_runbook_editor_refresh (CwRunbookEditor *self)
{
  _cw_runbook_editor_update_problems (self);
  _cw_runbook_editor_update_totals (self);
  gtk_stack_set_visible_child_name (self->steps_stack,
                                    self->runbook != NULL && self->runbook->steps->len > 0
                                    ? "list" : "empty");
  _cw_runbook_editor_actions_update (self);
}

/* Callbacks */

static void
on_selection_changed_cb (CwRunbookEditor *self)
{
  if (self->selecting)
    return;

  /* A new step means a new entry in the history, even for the same field. */
  cw_runbook_history_seal (self->history);
  show_selected (self);
}

static void
on_list_activate_cb (CwRunbookEditor *self,
                     guint            position)
{
  g_autoptr(CwRunbookStepItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), position);

  if (item == NULL || cw_runbook_step_item_is_heading (item))
    return;

  if (gtk_single_selection_get_selected (self->selection) != position)
    _cw_runbook_editor_select_position (self, position);

  cw_runbook_step_details_focus (self->details);
}

static void
on_problems_clicked_cb (CwRunbookEditor *self)
{
  gboolean reveal = !gtk_revealer_get_reveal_child (self->problems_revealer);

  gtk_revealer_set_reveal_child (self->problems_revealer, reveal);
  gtk_image_set_from_icon_name (self->problems_arrow, reveal ? "pan-down-symbolic" : "pan-up-symbolic");
}

static void
on_problem_activated_cb (CwRunbookEditor *self,
                         GtkListBoxRow   *row)
{
  const char *step_id = g_object_get_data (G_OBJECT (row), "cw-step-id");

  if (step_id != NULL)
    cw_runbook_editor_select_step (self, step_id);
}

/* Internal API */

CwRunbookStep *
_cw_runbook_editor_get_selected_step (CwRunbookEditor *self)
{
  CwRunbookStepItem *item;

  g_assert (CW_IS_RUNBOOK_EDITOR (self));

  item = gtk_single_selection_get_selected_item (self->selection);
  if (item == NULL)
    return NULL;

  return cw_runbook_step_item_get_step (item);
}

void
_cw_runbook_editor_record (CwRunbookEditor *self)
{
  CwRunbookStep *selected = _cw_runbook_editor_get_selected_step (self);

  g_assert (CW_IS_RUNBOOK_EDITOR (self));

  if (self->runbook == NULL)
    return;

  cw_runbook_history_record (self->history, self->runbook,
                             selected != NULL ? selected->id : NULL, NULL);
}

CwRunbookStep *
_cw_runbook_editor_begin_edit (CwRunbookEditor *self,
                               const char      *field,
                               gboolean         coalesce)
{
  CwRunbookStep *step = _cw_runbook_editor_get_selected_step (self);
  g_autofree char *key = NULL;

  g_assert (CW_IS_RUNBOOK_EDITOR (self));

  if (self->read_only || self->runbook == NULL || step == NULL)
    return NULL;

  if (coalesce)
    key = g_strdup_printf ("%p:%s", (gpointer) step, field);
  cw_runbook_history_record (self->history, self->runbook, step->id, key);

  return step;
}

void
_cw_runbook_editor_end_edit (CwRunbookEditor *self,
                             const char      *field)
{
  CwRunbookStep *step = _cw_runbook_editor_get_selected_step (self);
  CwRunbookStepItem *item = gtk_single_selection_get_selected_item (self->selection);

  g_assert (CW_IS_RUNBOOK_EDITOR (self));

  if (step == NULL)
    return;

  if (g_strcmp0 (field, "phase") == 0 && cw_runbook_step_item_get_phase (item) != step->phase)
    {
      g_autoptr(CwRunbookStepItem) moved = NULL;
      guint position = gtk_single_selection_get_selected (self->selection);
      guint index;
      guint target;

      /* The step goes to the end of its new phase, in the list and in the
       * runbook alike, so that both keep the same order. */
      for (index = 0; index < self->runbook->steps->len; index++)
        if (g_ptr_array_index (self->runbook->steps, index) == step)
          break;
      g_assert (index < self->runbook->steps->len);
      g_ptr_array_steal_index (self->runbook->steps, index);
      g_ptr_array_insert (self->runbook->steps,
                          (int) _cw_runbook_editor_insertion_index (self, step->phase), step);

      moved = cw_runbook_step_item_new_step (step);
      self->selecting = TRUE;
      g_list_store_remove (self->items, position);
      target = _cw_runbook_editor_group_end (self, step->phase);
      g_list_store_insert (self->items, target, moved);
      self->selecting = FALSE;
      _cw_runbook_editor_select_position (self, target);
    }
  else if (item != NULL)
    cw_runbook_step_item_changed (item);

  _cw_runbook_editor_refresh (self);
  _cw_runbook_editor_set_modified (self, TRUE);
  _cw_runbook_editor_emit_changed (self);
}

void
_cw_runbook_editor_replace (CwRunbookEditor *self,
                            CwRunbook       *runbook,
                            const char      *select_id)
{
  CwRunbook *old = self->runbook;

  g_assert (CW_IS_RUNBOOK_EDITOR (self));
  g_assert (runbook != NULL);

  /* Undo goes back in content, not in identity: a version saved since the
   * snapshot stays that version. */
  if (old != NULL)
    {
      runbook->version = old->version;
      runbook->state = old->state;
      runbook->created_at = old->created_at;
      runbook->approved_at = old->approved_at;
      g_free (runbook->author);
      runbook->author = g_strdup (old->author);
      g_free (runbook->approver);
      runbook->approver = g_strdup (old->approver);
    }

  /* The details and the rows point into the old runbook until the new items
   * are in: free it only then. */
  self->runbook = runbook;
  _cw_runbook_editor_rebuild (self, select_id);
  g_clear_pointer (&old, cw_runbook_free);

  _cw_runbook_editor_set_modified (self, TRUE);
  _cw_runbook_editor_emit_changed (self);
}

void
_cw_runbook_editor_set_modified (CwRunbookEditor *self,
                                 gboolean         modified)
{
  g_assert (CW_IS_RUNBOOK_EDITOR (self));

  modified = !!modified;
  if (self->modified == modified)
    return;

  self->modified = modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

void
_cw_runbook_editor_set_read_only (CwRunbookEditor *self,
                                  gboolean         read_only)
{
  g_assert (CW_IS_RUNBOOK_EDITOR (self));

  read_only = !!read_only;
  if (self->read_only != read_only)
    {
      self->read_only = read_only;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
    }

  update_banner (self);
}

void
_cw_runbook_editor_emit_changed (CwRunbookEditor *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

/* GObject */

static void
cw_runbook_editor_dispose (GObject *object)
{
  CwRunbookEditor *self = (CwRunbookEditor *)object;

  /* The rows point into the runbook: let go of them first. */
  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  if (self->details != NULL)
    cw_runbook_step_details_set_step (self->details, NULL, NULL, FALSE);

  gtk_widget_dispose_template (GTK_WIDGET (object), CW_TYPE_RUNBOOK_EDITOR);

  g_clear_object (&self->selection);
  g_clear_object (&self->items);

  G_OBJECT_CLASS (cw_runbook_editor_parent_class)->dispose (object);
}

static void
cw_runbook_editor_finalize (GObject *object)
{
  CwRunbookEditor *self = (CwRunbookEditor *)object;

  g_clear_pointer (&self->runbook, cw_runbook_free);
  g_clear_pointer (&self->history, cw_runbook_history_free);
  g_clear_pointer (&self->problems, g_ptr_array_unref);

  G_OBJECT_CLASS (cw_runbook_editor_parent_class)->finalize (object);
}

static void
cw_runbook_editor_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CwRunbookEditor *self = CW_RUNBOOK_EDITOR (object);

  switch (prop_id)
    {
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;

    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cw_runbook_editor_class_init (CwRunbookEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cw_runbook_editor_dispose;
  object_class->finalize = cw_runbook_editor_finalize;
  object_class->get_property = cw_runbook_editor_get_property;

  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CwRunbookEditor::changed:
   *
   * The runbook changed: an edit, undo or redo, or a new runbook.
   */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/changeward/Changeward/ui/runbooks/cw-runbook-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CwRunbookEditor, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, CwRunbookEditor, banner_label);
  gtk_widget_class_bind_template_child (widget_class, CwRunbookEditor, critical_label);
  gtk_widget_class_bind_template_child (widget_class, CwRunbookEditor, rollback_label);
  gtk_widget_class_bind_template_child (widget_class, CwRunbookEditor, buffer_label);
  gtk_widget_class_bind_template_child (widget_class, CwRunbookEditor, window_label);
  gtk_widget_class_bind_template_child (widget_class, CwRunbookEditor, steps_stack);
  gtk_widget_class_bind_template_child (widget_class, CwRunbookEditor, list_view);
  gtk_widget_class_bind_template_child (widget_class, CwRunbookEditor, problems_button);
  gtk_widget_class_bind_template_child (widget_class, CwRunbookEditor, problems_icon);
  gtk_widget_class_bind_template_child (widget_class, CwRunbookEditor, problems_label);
  gtk_widget_class_bind_template_child (widget_class, CwRunbookEditor, problems_arrow);
  gtk_widget_class_bind_template_child (widget_class, CwRunbookEditor, problems_revealer);
  gtk_widget_class_bind_template_child (widget_class, CwRunbookEditor, problem_list);
  gtk_widget_class_bind_template_child (widget_class, CwRunbookEditor, details_stack);
  gtk_widget_class_bind_template_child (widget_class, CwRunbookEditor, details);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_problems_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_problem_activated_cb);

  _cw_runbook_editor_class_actions_init (klass);

  g_type_ensure (CW_TYPE_RUNBOOK_STEP_DETAILS);
}

static void
cw_runbook_editor_init (CwRunbookEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->history = cw_runbook_history_new (HISTORY_LIMIT);
  self->items = g_list_store_new (CW_TYPE_RUNBOOK_STEP_ITEM);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->items)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (on_selection_changed_cb), self, G_CONNECT_SWAPPED);

  _cw_runbook_editor_list_init (self);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  _cw_runbook_editor_actions_init (self);
  _cw_runbook_editor_refresh (self);
  show_selected (self);
}

/* Public API */

GtkWidget *
cw_runbook_editor_new (void)
{
  return g_object_new (CW_TYPE_RUNBOOK_EDITOR, NULL);
}

void
cw_runbook_editor_set_runbook (CwRunbookEditor *self,
                               CwRunbook       *runbook)
{
  CwRunbook *old;

  g_return_if_fail (CW_IS_RUNBOOK_EDITOR (self));

  old = g_steal_pointer (&self->runbook);
  self->runbook = runbook;
  cw_runbook_history_clear (self->history);
  _cw_runbook_editor_set_read_only (self, runbook != NULL && runbook->state == CW_RUNBOOK_APPROVED);
  gtk_revealer_set_reveal_child (self->problems_revealer, FALSE);
  _cw_runbook_editor_rebuild (self, NULL);
  g_clear_pointer (&old, cw_runbook_free);

  _cw_runbook_editor_set_modified (self, FALSE);
  _cw_runbook_editor_emit_changed (self);
}

const CwRunbook *
cw_runbook_editor_get_runbook (CwRunbookEditor *self)
{
  g_return_val_if_fail (CW_IS_RUNBOOK_EDITOR (self), NULL);

  return self->runbook;
}

gboolean
cw_runbook_editor_get_modified (CwRunbookEditor *self)
{
  g_return_val_if_fail (CW_IS_RUNBOOK_EDITOR (self), FALSE);

  return self->modified;
}

void
cw_runbook_editor_mark_saved (CwRunbookEditor *self)
{
  g_return_if_fail (CW_IS_RUNBOOK_EDITOR (self));

  _cw_runbook_editor_set_modified (self, FALSE);
}

void
cw_runbook_editor_select_step (CwRunbookEditor *self,
                               const char      *step_id)
{
  CwRunbookStep *step;

  g_return_if_fail (CW_IS_RUNBOOK_EDITOR (self));

  step = self->runbook != NULL && step_id != NULL ? cw_runbook_find_step (self->runbook, step_id) : NULL;
  cw_runbook_history_seal (self->history);
  _cw_runbook_editor_select_position (self, _cw_runbook_editor_find_position (self, step));
}

void
cw_runbook_editor_focus_list (CwRunbookEditor *self)
{
  guint position;

  g_return_if_fail (CW_IS_RUNBOOK_EDITOR (self));

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->steps_stack), "list") != 0)
    return;

  /* The selected item's row exists once the list scrolled to it; the list
   * itself would focus the row it focused last. */
  position = gtk_single_selection_get_selected (self->selection);
  if (position != GTK_INVALID_LIST_POSITION)
    {
      CwRunbookStepItem *item = gtk_single_selection_get_selected_item (self->selection);

      gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
      for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_view));
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          GtkWidget *row = gtk_widget_get_first_child (child);

          if (CW_IS_RUNBOOK_STEP_ROW (row) && cw_runbook_step_row_get_item (CW_RUNBOOK_STEP_ROW (row)) == item &&
              gtk_widget_grab_focus (child))
            return;
        }
    }

  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

const char *
cw_runbook_editor_get_selected (CwRunbookEditor *self)
{
  CwRunbookStep *step;

  g_return_val_if_fail (CW_IS_RUNBOOK_EDITOR (self), NULL);

  step = _cw_runbook_editor_get_selected_step (self);

  return step != NULL ? step->id : NULL;
}

gboolean
cw_runbook_editor_get_read_only (CwRunbookEditor *self)
{
  g_return_val_if_fail (CW_IS_RUNBOOK_EDITOR (self), FALSE);

  return self->read_only;
}

GPtrArray *
cw_runbook_editor_get_problems (CwRunbookEditor *self)
{
  g_return_val_if_fail (CW_IS_RUNBOOK_EDITOR (self), NULL);

  return self->problems;
}

gboolean
cw_runbook_editor_save (CwRunbookEditor  *self,
                        CwStore          *store,
                        const char       *author,
                        GError          **error)
{
  g_return_val_if_fail (CW_IS_RUNBOOK_EDITOR (self), FALSE);
  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (self->runbook != NULL, FALSE);

  if (self->read_only)
    {
      g_set_error (error, CW_RUNBOOK_ERROR, CW_RUNBOOK_ERROR_IMMUTABLE,
                   _("Version %u is approved and cannot change."), self->runbook->version);
      return FALSE;
    }

  /* Whoever makes a new version is its author (the approver must be someone
   * else); a draft saved again keeps the author it has. */
  if (author != NULL && self->runbook->version == 0)
    {
      g_free (self->runbook->author);
      self->runbook->author = g_strdup (author);
    }

  if (!cw_runbooks_save_draft (store, self->runbook, error))
    return FALSE;

  _cw_runbook_editor_set_modified (self, FALSE);

  return TRUE;
}

GtkWidget *
cw_runbook_editor_get_part (CwRunbookEditor *self,
                            const char      *name)
{
  g_return_val_if_fail (CW_IS_RUNBOOK_EDITOR (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (g_str_equal (name, "list"))
    return GTK_WIDGET (self->list_view);
  if (g_str_equal (name, "details"))
    return GTK_WIDGET (self->details);
  if (g_str_equal (name, "critical"))
    return GTK_WIDGET (self->critical_label);
  if (g_str_equal (name, "rollback"))
    return GTK_WIDGET (self->rollback_label);
  if (g_str_equal (name, "buffer"))
    return GTK_WIDGET (self->buffer_label);
  if (g_str_equal (name, "window"))
    return GTK_WIDGET (self->window_label);
  if (g_str_equal (name, "problems"))
    return GTK_WIDGET (self->problem_list);
  if (g_str_equal (name, "problems-label"))
    return GTK_WIDGET (self->problems_label);
  if (g_str_equal (name, "problems-button"))
    return GTK_WIDGET (self->problems_button);
  if (g_str_equal (name, "banner"))
    return GTK_WIDGET (self->banner_revealer);
  if (g_str_equal (name, "steps"))
    return GTK_WIDGET (self->steps_stack);

  return NULL;
}
