/* cw-runbook-editor-list.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-runbook-editor-list"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cw-runbook-editor-private.h"
#include "cw-runbook-step-item.h"
#include "cw-runbook-step-row.h"

/* The editor's list of items: made from the runbook (a heading per phase,
 * then that phase's steps in the runbook's order), places in it, the rows
 * that draw it, and what the rows show of validation and timing: a step's
 * problems, a phase's number of steps and span. The list of problems under
 * the steps is filled here too. */

#define MAX_PROBLEMS_SHOWN 200

static CwRunbookStepItem *
get_item (CwRunbookEditor *self,
          guint            position)
{
  CwRunbookStepItem *item = g_list_model_get_item (G_LIST_MODEL (self->items), position);

  /* The store keeps a reference: hand back a borrowed pointer. */
  if (item != NULL)
    g_object_unref (item);

  return item;
}

void
_cw_runbook_editor_update_totals (CwRunbookEditor *self)
{
  g_autoptr(CwRunbookTiming) timing = NULL;
  g_autoptr(GError) error = NULL;
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  guint span_start[CW_N_PHASES];
  guint span_end[CW_N_PHASES];
  guint counts[CW_N_PHASES] = { 0 };

  if (self->runbook != NULL)
    timing = cw_runbook_timing (self->runbook, &error);

  if (timing != NULL)
    {
      g_autofree char *critical = cw_runbook_format_minutes (timing->critical_min);
      g_autofree char *rollback = cw_runbook_format_minutes (timing->rollback_min);
      g_autofree char *window = cw_runbook_format_minutes (timing->window_min);
      g_autofree char *validation = cw_runbook_format_minutes (timing->validation_min);
      g_autofree char *buffer = cw_runbook_format_minutes (timing->buffer_min);
      g_autofree char *sum = NULL;

      gtk_label_set_label (self->critical_label, critical);
      gtk_label_set_label (self->rollback_label, rollback);
      gtk_label_set_label (self->window_label, window);
      gtk_label_set_label (self->buffer_label, buffer);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->critical_label), NULL);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->rollback_label), NULL);

      /* Translators: how the window needed adds up: critical path, validation,
       * rollback and buffer */
      sum = g_strdup_printf (_("%s critical path + %s validation + %s rollback + %s buffer"),
                             critical, validation, rollback, buffer);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->window_label), sum);
    }
  else
    {
      const char *why = error != NULL ? error->message : NULL;
      g_autofree char *buffer = self->runbook != NULL ? cw_runbook_format_minutes (self->runbook->buffer_min) : NULL;

      /* A cycle has no duration: say so rather than show a wrong figure. */
      gtk_label_set_label (self->critical_label, "—");
      gtk_label_set_label (self->rollback_label, "—");
      gtk_label_set_label (self->window_label, "—");
      gtk_label_set_label (self->buffer_label, buffer != NULL ? buffer : "—");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->critical_label), why);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->rollback_label), why);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->window_label), why);
    }

  /* Each heading: its number of steps and, when timed, how long the phase
   * lasts from its first start to its last end. */
  for (guint p = 0; p < CW_N_PHASES; p++)
    {
      span_start[p] = G_MAXUINT;
      span_end[p] = 0;
    }

  for (guint i = 0; self->runbook != NULL && i < self->runbook->steps->len; i++)
    {
      const CwRunbookStep *step = g_ptr_array_index (self->runbook->steps, i);

      if ((guint) step->phase >= CW_N_PHASES)
        continue;

      counts[step->phase]++;
      if (timing != NULL && i < timing->n_slots)
        {
          span_start[step->phase] = MIN (span_start[step->phase], timing->slots[i].start_min);
          span_end[step->phase] = MAX (span_end[step->phase], timing->slots[i].end_min);
        }
    }

  for (guint i = 0; i < n_items; i++)
    {
      CwRunbookStepItem *item = get_item (self, i);
      CwPhase phase;
      g_autofree char *summary = NULL;
      g_autofree char *steps = NULL;

      if (!cw_runbook_step_item_is_heading (item))
        continue;

      phase = cw_runbook_step_item_get_phase (item);
      if (counts[phase] == 0)
        summary = g_strdup (_("No steps"));
      else
        {
          steps = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u step", "%u steps", counts[phase]),
                                   counts[phase]);
          if (timing != NULL && span_start[phase] != G_MAXUINT)
            {
              g_autofree char *span = cw_runbook_format_minutes (span_end[phase] - span_start[phase]);

              /* Translators: a phase heading's summary: "3 steps · 45 min" */
              summary = g_strdup_printf (_("%s · %s"), steps, span);
            }
          else
            summary = g_steal_pointer (&steps);
        }

      cw_runbook_step_item_set_summary (item, summary);
    }
}

static GtkWidget *
create_problem_row (const CwRunbookProblem *problem)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *label = gtk_label_new (problem->message);

  gtk_widget_add_css_class (icon, "warning");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  if (problem->step_ids != NULL && problem->step_ids[0] != NULL)
    {
      g_object_set_data_full (G_OBJECT (row), "cw-step-id", g_strdup (problem->step_ids[0]), g_free);
      /* Translators: a tooltip on a validation problem */
      gtk_widget_set_tooltip_text (row, _("Select the step it names"));
    }
  else
    gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  return row;
}

static void
string_free (gpointer data)
{
  g_string_free (data, TRUE);
}

void
_cw_runbook_editor_update_problems (CwRunbookEditor *self)
{
  g_autoptr(GHashTable) by_step = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, string_free);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  GtkWidget *child;
  guint n;

  g_clear_pointer (&self->problems, g_ptr_array_unref);
  if (self->runbook != NULL)
    self->problems = cw_runbook_validate (self->runbook);
  else
    self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) cw_runbook_problem_free);
  n = self->problems->len;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->problem_list))) != NULL)
    gtk_list_box_remove (self->problem_list, child);

  for (guint i = 0; i < n; i++)
    {
      const CwRunbookProblem *problem = g_ptr_array_index (self->problems, i);

      if (i < MAX_PROBLEMS_SHOWN)
        gtk_list_box_append (self->problem_list, create_problem_row (problem));

      for (guint j = 0; problem->step_ids != NULL && problem->step_ids[j] != NULL; j++)
        {
          GString *text = g_hash_table_lookup (by_step, problem->step_ids[j]);

          if (text == NULL)
            {
              text = g_string_new (problem->message);
              g_hash_table_insert (by_step, problem->step_ids[j], text);
            }
          else if (strstr (text->str, problem->message) == NULL)
            g_string_append_printf (text, "\n%s", problem->message);
        }
    }

  for (guint i = 0; i < n_items; i++)
    {
      CwRunbookStepItem *item = get_item (self, i);
      CwRunbookStep *step = cw_runbook_step_item_get_step (item);
      GString *text;

      if (step == NULL)
        continue;

      text = step->id != NULL ? g_hash_table_lookup (by_step, step->id) : NULL;
      cw_runbook_step_item_set_problem (item, text != NULL ? text->str : NULL);
    }

  if (n == 0)
    {
      gtk_label_set_label (self->problems_label, _("No Problems"));
      gtk_image_set_from_icon_name (self->problems_icon, "emblem-ok-symbolic");
      gtk_widget_remove_css_class (GTK_WIDGET (self->problems_icon), "warning");
      gtk_widget_add_css_class (GTK_WIDGET (self->problems_icon), "success");
      gtk_revealer_set_reveal_child (self->problems_revealer, FALSE);
    }
  else
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Problem", "%u Problems", n), n);

      gtk_label_set_label (self->problems_label, text);
      gtk_image_set_from_icon_name (self->problems_icon, "dialog-warning-symbolic");
      gtk_widget_remove_css_class (GTK_WIDGET (self->problems_icon), "success");
      gtk_widget_add_css_class (GTK_WIDGET (self->problems_icon), "warning");
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->problems_button), n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->problems_arrow), n > 0);
  gtk_image_set_from_icon_name (self->problems_arrow,
                                gtk_revealer_get_reveal_child (self->problems_revealer)
                                ? "pan-down-symbolic" : "pan-up-symbolic");
}

/* Rows */

static void
on_setup_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             CwRunbookEditor          *self)
{
  gtk_list_item_set_child (list_item, cw_runbook_step_row_new ());
}

static void
on_bind_cb (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            CwRunbookEditor          *self)
{
  CwRunbookStepItem *item = gtk_list_item_get_item (list_item);
  CwRunbookStepRow *row = CW_RUNBOOK_STEP_ROW (gtk_list_item_get_child (list_item));
  gboolean heading = cw_runbook_step_item_is_heading (item);
  GtkWidget *parent;

  gtk_list_item_set_selectable (list_item, !heading);
  gtk_list_item_set_activatable (list_item, !heading);
  cw_runbook_step_row_set_editable (row, !self->read_only);
  cw_runbook_step_row_set_item (row, item);

  /* The row widget's parent is the list's own row: style it by kind. */
  parent = gtk_widget_get_parent (GTK_WIDGET (row));
  if (parent != NULL)
    {
      if (heading)
        gtk_widget_add_css_class (parent, "runbook-heading-row");
      else
        gtk_widget_remove_css_class (parent, "runbook-heading-row");
    }
}

static void
on_unbind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              CwRunbookEditor          *self)
{
  cw_runbook_step_row_set_item (CW_RUNBOOK_STEP_ROW (gtk_list_item_get_child (list_item)), NULL);
}

void
_cw_runbook_editor_list_init (CwRunbookEditor *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect_object (factory, "setup", G_CALLBACK (on_setup_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (on_bind_cb), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (on_unbind_cb), self, 0);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
}

/* Internal API */

guint
_cw_runbook_editor_find_position (CwRunbookEditor     *self,
                                  const CwRunbookStep *step)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  for (guint i = 0; step != NULL && i < n_items; i++)
    if (cw_runbook_step_item_get_step (get_item (self, i)) == step)
      return i;

  return GTK_INVALID_LIST_POSITION;
}

guint
_cw_runbook_editor_group_end (CwRunbookEditor *self,
                              CwPhase          phase)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  for (guint i = 0; i < n_items; i++)
    {
      CwRunbookStepItem *item = get_item (self, i);

      if (cw_runbook_step_item_is_heading (item) && cw_runbook_step_item_get_phase (item) > phase)
        return i;
    }

  return n_items;
}

guint
_cw_runbook_editor_insertion_index (CwRunbookEditor *self,
                                    CwPhase          phase)
{
  GPtrArray *steps = self->runbook->steps;
  guint after_last = G_MAXUINT;

  /* After the phase's last step; or, for an empty phase, before the first
   * step of a later phase; or at the end. */
  for (guint i = 0; i < steps->len; i++)
    {
      const CwRunbookStep *step = g_ptr_array_index (steps, i);

      if (step->phase == phase)
        after_last = i + 1;
    }
  if (after_last != G_MAXUINT)
    return after_last;

  for (guint i = 0; i < steps->len; i++)
    {
      const CwRunbookStep *step = g_ptr_array_index (steps, i);

      if (step->phase > phase)
        return i;
    }

  return steps->len;
}

void
_cw_runbook_editor_rebuild (CwRunbookEditor *self,
                            const char      *select_id)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  guint select = GTK_INVALID_LIST_POSITION;

  g_assert (CW_IS_RUNBOOK_EDITOR (self));

  if (self->runbook != NULL && self->runbook->steps->len > 0)
    {
      g_ptr_array_set_size (items, 0);
      for (guint p = 0; p < CW_N_PHASES; p++)
        {
          g_ptr_array_add (items, cw_runbook_step_item_new_heading (p));
          for (guint i = 0; i < self->runbook->steps->len; i++)
            {
              CwRunbookStep *step = g_ptr_array_index (self->runbook->steps, i);

              if (step->phase != p)
                continue;

              if (select_id != NULL && g_strcmp0 (step->id, select_id) == 0 &&
                  select == GTK_INVALID_LIST_POSITION)
                select = items->len;
              g_ptr_array_add (items, cw_runbook_step_item_new_step (step));
            }
        }
    }

  self->selecting = TRUE;
  g_list_store_splice (self->items, 0, n_old, items->pdata, items->len);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  self->selecting = FALSE;

  _cw_runbook_editor_refresh (self);
  _cw_runbook_editor_select_position (self, select);
}
