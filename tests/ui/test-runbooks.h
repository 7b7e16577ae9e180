/* test-runbooks.h: what the Runbooks pane's display tests share: runbooks
 * and workspaces built through core, windows, ways into the editor, and keys
 * pressed as the user would.
 * Included by test-runbooks-page.c and test-runbook-editor.c; each has its
 * own copy of the state below.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <string.h>

#include "cw-application.h"
#include "cw-runbook-editor.h"
#include "cw-runbook-io.h"
#include "cw-runbook-predecessor-picker.h"
#include "cw-runbook-step-details.h"
#include "cw-runbook-step-item.h"
#include "cw-runbook-step-row.h"
#include "cw-runbook-store.h"
#include "cw-runbooks-page-private.h"
#include "cw-test-display.h"
#include "cw-test-fixture.h"
#include "cw-window.h"

static CwApplication *app;
static char *tmpdir;
static guint n_workspaces;

/* Builders */

G_GNUC_UNUSED static CwRunbookStep *
add_step (CwRunbook  *runbook,
          const char *id,
          CwPhase     phase,
          CwStepType  type,
          const char *stream,
          guint       duration,
          const char *predecessors,   /* "a,b", or NULL */
          const char *title)
{
  CwRunbookStep *step = cw_runbook_step_new (id, phase, type, title);

  step->stream = g_strdup (stream);
  step->duration_min = duration;
  if (predecessors != NULL)
    step->predecessors = g_strsplit (predecessors, ",", -1);
  g_ptr_array_add (runbook->steps, step);

  return step;
}

/* Two streams: a (30) -> b (60, a command) and c (20) in parallel -> gate
 * d; validation v after d; a rollback section r. Critical path a-b-d: 90. */
G_GNUC_UNUSED static CwRunbook *
small_runbook (const char *name)
{
  CwRunbook *runbook = cw_runbook_new (name);
  CwRunbookStep *step;

  runbook->description = g_strdup ("A small procedure for tests.");
  runbook->product = g_strdup ("Acme OS");
  runbook->author = g_strdup ("Alice Author");
  add_step (runbook, "a", CW_PHASE_PREPARATION, CW_STEP_MANUAL, "Network", 30, NULL, "Prepare");
  step = add_step (runbook, "b", CW_PHASE_EXECUTION, CW_STEP_COMMAND, "Network", 60, "a", "Upgrade");
  step->argv = g_strsplit ("systemctl restart network", " ", -1);
  step->timeout_s = 600;
  add_step (runbook, "c", CW_PHASE_EXECUTION, CW_STEP_MANUAL, "Servers", 20, "a", "Drain");
  add_step (runbook, "d", CW_PHASE_EXECUTION, CW_STEP_GATE, NULL, 0, "b,c", "Go or no go");
  add_step (runbook, "v", CW_PHASE_VALIDATION, CW_STEP_MANUAL, "Network", 15, "d", "Verify");
  step = add_step (runbook, "r", CW_PHASE_ROLLBACK, CW_STEP_COMMAND, "Network", 45, NULL, "Roll back");
  step->argv = g_strsplit ("restore --last", " ", -1);

  return runbook;
}

/* A workspace with "Small" and two one-step runbooks to search among. */
G_GNUC_UNUSED static char *
make_workspace (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("ws-%u.db", ++n_workspaces);
  char *path = g_build_filename (tmpdir, name, NULL);
  g_autoptr(CwStore) store = cw_store_open (path, CW_STORE_OPEN_DEFAULT, &error);
  const char *others[] = { "Certificate renewal", "Database minor upgrade" };

  g_assert_no_error (error);
  {
    g_autoptr(CwRunbook) small = small_runbook ("Small");

    g_assert_true (cw_runbooks_save_draft (store, small, &error));
    g_assert_no_error (error);
  }

  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      g_autoptr(CwRunbook) runbook = cw_runbook_new (others[i]);

      runbook->author = g_strdup ("Carol");
      add_step (runbook, "only", CW_PHASE_PREPARATION, CW_STEP_MANUAL, NULL, 5, NULL, "Only step");
      g_assert_true (cw_runbooks_save_draft (store, runbook, &error));
      g_assert_no_error (error);
    }

  return path;
}

/* Window helpers */

G_GNUC_UNUSED static CwWindow *
new_window_for (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwStore) store = cw_store_open (path, CW_STORE_OPEN_NO_CREATE, &error);
  g_autoptr(CwContext) context = NULL;
  CwWindow *window;

  g_assert_no_error (error);
  context = cw_context_new (store, NULL);
  window = cw_window_new (GTK_APPLICATION (app), context);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 820);
  gtk_window_present (GTK_WINDOW (window));
  cw_test_wait_for_draw (GTK_WIDGET (window));

  return window;
}

G_GNUC_UNUSED static void
close_window (CwWindow *window)
{
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_close (GTK_WINDOW (window));
  cw_test_iterate_until (NULL, NULL, 50);
  g_assert_null (window);
}

G_GNUC_UNUSED static CwRunbooksPage *
show_runbooks (CwWindow   *window,
               const char *name)
{
  CwRunbooksPage *page;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-pane", "s", "runbooks"));
  page = CW_RUNBOOKS_PAGE (cw_window_get_pane (window, "runbooks"));
  g_assert_nonnull (page);
  cw_test_iterate_until (NULL, NULL, 50);

  if (name != NULL)
    {
      g_assert_true (cw_runbooks_page_select (page, name));
      cw_test_iterate_until (NULL, NULL, 50);
    }

  return page;
}

G_GNUC_UNUSED static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) && gtk_widget_get_child_visible (child))
      n++;

  return n;
}

G_GNUC_UNUSED static GtkWidget *
find_child_of_type (GtkWidget *widget,
                    GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_child_of_type (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

G_GNUC_UNUSED static guint
count_children_of_type (GtkWidget *widget,
                        GType      type)
{
  guint n = G_TYPE_CHECK_INSTANCE_TYPE (widget, type) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_children_of_type (child, type);

  return n;
}

/* Editor helpers */

G_GNUC_UNUSED static GListModel *
get_items (CwRunbookEditor *editor)
{
  return G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (cw_runbook_editor_get_part (editor, "list"))));
}

G_GNUC_UNUSED static guint
count_items (CwRunbookEditor *editor,
             guint           *n_headings)
{
  GListModel *items = get_items (editor);
  guint n = g_list_model_get_n_items (items);

  *n_headings = 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CwRunbookStepItem) item = g_list_model_get_item (items, i);

      if (cw_runbook_step_item_is_heading (item))
        (*n_headings)++;
    }

  return n;
}

G_GNUC_UNUSED static CwRunbookStepItem *
find_item (CwRunbookEditor *editor,
           const char      *step_id)
{
  GListModel *items = get_items (editor);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(CwRunbookStepItem) item = g_list_model_get_item (items, i);
      CwRunbookStep *step = cw_runbook_step_item_get_step (item);

      if (step != NULL && g_strcmp0 (step->id, step_id) == 0)
        return item;   /* the model keeps it alive */
    }

  return NULL;
}

G_GNUC_UNUSED static GtkWidget *
details_part (CwRunbookEditor *editor,
              const char      *name)
{
  CwRunbookStepDetails *details = CW_RUNBOOK_STEP_DETAILS (cw_runbook_editor_get_part (editor, "details"));

  return cw_runbook_step_details_get_part (details, name);
}

G_GNUC_UNUSED static const char *
total (CwRunbookEditor *editor,
       const char      *which)
{
  return gtk_label_get_label (GTK_LABEL (cw_runbook_editor_get_part (editor, which)));
}

G_GNUC_UNUSED static char *
expected_critical (CwRunbookEditor *editor)
{
  g_autoptr(CwRunbookTiming) timing = cw_runbook_timing (cw_runbook_editor_get_runbook (editor), NULL);

  g_assert_nonnull (timing);
  return cw_runbook_format_minutes (timing->critical_min);
}

G_GNUC_UNUSED static void
activate (gpointer    widget,
          const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (widget), action, NULL));
  cw_test_iterate_until (NULL, NULL, 20);
}

G_GNUC_UNUSED static gboolean
has_problem (CwRunbookEditor      *editor,
             CwRunbookProblemKind  kind,
             const char           *step_id)
{
  GPtrArray *problems = cw_runbook_editor_get_problems (editor);

  for (guint i = 0; i < problems->len; i++)
    {
      const CwRunbookProblem *problem = g_ptr_array_index (problems, i);

      if (problem->kind == kind &&
          (step_id == NULL || g_strv_contains ((const char * const *) problem->step_ids, step_id)))
        return TRUE;
    }

  return FALSE;
}

/* As a click on the dialog's button: the response, then the dialog goes. */
G_GNUC_UNUSED static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  g_object_ref (dialog);
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
  cw_test_iterate_until (NULL, NULL, 20);
}

/* Keys and focus */

/* As the key would: the first of @widget's shortcuts for @keyval, or
 * FALSE when none takes it. */
G_GNUC_UNUSED static gboolean
press_key (GtkWidget       *widget,
           guint            keyval,
           GdkModifierType  modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers)
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }

  return FALSE;
}

G_GNUC_UNUSED static GtkWidget *
get_focus (CwWindow *window)
{
  return gtk_root_get_focus (GTK_ROOT (window));
}

G_GNUC_UNUSED static gboolean
focus_in (CwWindow  *window,
          GtkWidget *widget)
{
  GtkWidget *focus = get_focus (window);

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* The focus is on the list's row of the selected step. */
G_GNUC_UNUSED static gboolean
focus_on_selected_row (CwWindow        *window,
                       CwRunbookEditor *editor)
{
  GtkWidget *focus = get_focus (window);

  return focus_in (window, cw_runbook_editor_get_part (editor, "list")) &&
         (gtk_widget_get_state_flags (focus) & GTK_STATE_FLAG_SELECTED) != 0;
}
