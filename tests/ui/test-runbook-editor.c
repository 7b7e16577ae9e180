/* test-runbook-editor.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-runbook-editor"

#include "config.h"

#include "cw-compat.h"
#include "cw-runbook-properties-dialog.h"
#include "test-runbooks.h"

/* The runbook editor in the Runbooks pane, on real workspaces: the steps
 * under their phases, edits of a step and the totals, adding, removing and
 * moving steps, undo and redo, validation as the user edits, the runbook's
 * properties, and a runbook of 2,000 steps. */

static void
test_editor (void)
{
  g_autofree char *path = make_workspace ();
  CwWindow *window = new_window_for (path);
  CwRunbooksPage *page = show_runbooks (window, "Small");
  CwRunbookEditor *editor = cw_runbooks_page_get_editor (page);
  g_autofree char *critical = NULL;
  const CwRunbookStep *step;
  guint n_headings;

  g_assert_cmpstr (cw_runbooks_page_get_state (page), ==, "runbook");
  g_assert_false (cw_runbook_editor_get_read_only (editor));

  /* Six phase headings and six steps, and rows drawn for them. */
  g_assert_cmpuint (count_items (editor, &n_headings), ==, 12);
  g_assert_cmpuint (n_headings, ==, CW_N_PHASES);
  g_assert_cmpuint (count_children_of_type (cw_runbook_editor_get_part (editor, "list"),
                                            CW_TYPE_RUNBOOK_STEP_ROW), ==, 12);
  g_assert_cmpstr (total (editor, "critical"), ==, "1 h 30 min");
  g_assert_cmpstr (total (editor, "rollback"), ==, "45 min");

  /* Editing the title of b changes the step and its row. */
  cw_runbook_editor_select_step (editor, "b");
  g_assert_cmpstr (cw_runbook_editor_get_selected (editor), ==, "b");
  g_assert_true (gtk_widget_get_visible (details_part (editor, "command_box")));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (details_part (editor, "command_row"))), ==,
                   "systemctl restart network");
  gtk_editable_set_text (GTK_EDITABLE (details_part (editor, "title_row")), "Upgrade the core");
  step = cw_runbook_find_step (cw_runbook_editor_get_runbook (editor), "b");
  g_assert_cmpstr (step->title, ==, "Upgrade the core");
  g_assert_true (cw_runbook_editor_get_modified (editor));

  /* ... and its duration, the totals. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (details_part (editor, "duration_spin")), 90);
  g_assert_cmpuint (step->duration_min, ==, 90);
  critical = expected_critical (editor);
  g_assert_cmpstr (critical, ==, "2 h");
  g_assert_cmpstr (total (editor, "critical"), ==, critical);

  /* A command is one shell-quoted line; one that does not parse is shown as
   * an error and leaves the command as it was. */
  gtk_editable_set_text (GTK_EDITABLE (details_part (editor, "command_row")), "echo 'two words' x");
  g_assert_cmpstr (step->argv[1], ==, "two words");
  g_assert_cmpuint (g_strv_length (step->argv), ==, 3);
  {
    int position = -1;

    /* As typed: one more character at the end, an opening quote. */
    gtk_editable_insert_text (GTK_EDITABLE (details_part (editor, "command_row")), " '", -1, &position);
  }
  g_assert_true (gtk_widget_has_css_class (details_part (editor, "command_row"), "error"));
  g_assert_true (gtk_widget_get_visible (details_part (editor, "command_error_label")));
  g_assert_cmpstr (step->argv[1], ==, "two words");
  gtk_editable_set_text (GTK_EDITABLE (details_part (editor, "command_row")), "echo done");
  g_assert_false (gtk_widget_has_css_class (details_part (editor, "command_row"), "error"));

  /* The Markdown preview follows the instructions. */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (details_part (editor, "instructions_view"))),
                            "Run **carefully**", -1);
  g_assert_cmpstr (step->instructions, ==, "Run **carefully**");
  cw_runbook_step_details_flush (CW_RUNBOOK_STEP_DETAILS (cw_runbook_editor_get_part (editor, "details")));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (details_part (editor, "preview_label"))), "carefully"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (details_part (editor, "preview_label"))), "Run carefully"));

  /* A phase change moves the step to its new section. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (details_part (editor, "phase_row")), CW_PHASE_VALIDATION);
  g_assert_cmpint (step->phase, ==, CW_PHASE_VALIDATION);
  g_assert_cmpint (cw_runbook_step_item_get_phase (find_item (editor, "b")), ==, CW_PHASE_VALIDATION);
  g_assert_cmpstr (cw_runbook_editor_get_selected (editor), ==, "b");

  close_window (window);
}

static void
test_undo (void)
{
  g_autofree char *path = make_workspace ();
  CwWindow *window = new_window_for (path);
  CwRunbooksPage *page = show_runbooks (window, "Small");
  CwRunbookEditor *editor = cw_runbooks_page_get_editor (page);
  g_autoptr(CwRunbook) original = cw_runbook_copy (cw_runbook_editor_get_runbook (editor));
  g_autoptr(CwRunbook) added = NULL;
  g_autoptr(CwRunbook) typed = NULL;
  const CwRunbook *runbook;
  const CwRunbookStep *step;
  g_autofree char *new_id = NULL;
  guint n_headings;

  /* Add after c: same phase and stream, waits for c. */
  cw_runbook_editor_select_step (editor, "c");
  activate (editor, "editor.add-step");
  runbook = cw_runbook_editor_get_runbook (editor);
  g_assert_cmpuint (runbook->steps->len, ==, 7);
  g_assert_cmpuint (count_items (editor, &n_headings), ==, 13);
  new_id = g_strdup (cw_runbook_editor_get_selected (editor));
  step = cw_runbook_find_step (runbook, new_id);
  g_assert_cmpint (step->phase, ==, CW_PHASE_EXECUTION);
  g_assert_cmpstr (step->stream, ==, "Servers");
  g_assert_cmpstr (step->predecessors[0], ==, "c");
  g_assert_cmpint (cw_runbook_find_step_index (runbook, new_id), ==, cw_runbook_find_step_index (runbook, "c") + 1);
  added = cw_runbook_copy (runbook);

  /* Typing in one field is one undo step. */
  gtk_editable_set_text (GTK_EDITABLE (details_part (editor, "title_row")), "C");
  gtk_editable_set_text (GTK_EDITABLE (details_part (editor, "title_row")), "Ch");
  gtk_editable_set_text (GTK_EDITABLE (details_part (editor, "title_row")), "Check");
  typed = cw_runbook_copy (cw_runbook_editor_get_runbook (editor));
  activate (editor, "editor.undo");
  g_assert_true (cw_runbook_content_equal (cw_runbook_editor_get_runbook (editor), added));
  activate (editor, "editor.undo");
  g_assert_true (cw_runbook_content_equal (cw_runbook_editor_get_runbook (editor), original));
  g_assert_cmpuint (count_items (editor, &n_headings), ==, 12);
  g_assert_cmpstr (cw_runbook_editor_get_selected (editor), ==, "c");
  activate (editor, "editor.redo");
  g_assert_true (cw_runbook_content_equal (cw_runbook_editor_get_runbook (editor), added));
  g_assert_cmpstr (cw_runbook_editor_get_selected (editor), ==, new_id);
  activate (editor, "editor.redo");
  g_assert_true (cw_runbook_content_equal (cw_runbook_editor_get_runbook (editor), typed));
  activate (editor, "editor.undo");
  activate (editor, "editor.undo");
  g_assert_true (cw_runbook_content_equal (cw_runbook_editor_get_runbook (editor), original));

  /* Removing c: d, which waited for c, now waits for what c waited for. */
  cw_runbook_editor_select_step (editor, "c");
  activate (editor, "editor.remove-step");
  runbook = cw_runbook_editor_get_runbook (editor);
  g_assert_null (cw_runbook_find_step (runbook, "c"));
  step = cw_runbook_find_step (runbook, "d");
  g_assert_true (g_strv_contains ((const char * const *) step->predecessors, "b"));
  g_assert_true (g_strv_contains ((const char * const *) step->predecessors, "a"));
  g_assert_false (g_strv_contains ((const char * const *) step->predecessors, "c"));
  g_assert_cmpuint (count_items (editor, &n_headings), ==, 11);
  activate (editor, "editor.undo");
  g_assert_true (cw_runbook_content_equal (cw_runbook_editor_get_runbook (editor), original));
  g_assert_cmpstr (cw_runbook_editor_get_selected (editor), ==, "c");

  /* Moving c up swaps it with b; at the top of its phase it stays. */
  activate (editor, "editor.move-up");
  runbook = cw_runbook_editor_get_runbook (editor);
  g_assert_cmpint (cw_runbook_find_step_index (runbook, "c"), <, cw_runbook_find_step_index (runbook, "b"));
  g_assert_cmpstr (cw_runbook_editor_get_selected (editor), ==, "c");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.move-up", NULL);
  g_assert_cmpint (cw_runbook_find_step_index (cw_runbook_editor_get_runbook (editor), "c"), ==,
                   cw_runbook_find_step_index (original, "b"));
  activate (editor, "editor.move-down");
  g_assert_true (cw_runbook_content_equal (cw_runbook_editor_get_runbook (editor), original));
  activate (editor, "editor.undo");
  activate (editor, "editor.undo");
  g_assert_true (cw_runbook_content_equal (cw_runbook_editor_get_runbook (editor), original));

  close_window (window);
}

static void
test_cycle (void)
{
  g_autofree char *path = make_workspace ();
  CwWindow *window = new_window_for (path);
  CwRunbooksPage *page = show_runbooks (window, "Small");
  CwRunbookEditor *editor = cw_runbooks_page_get_editor (page);
  CwRunbookPredecessorPicker *picker;
  GtkListBox *problems = GTK_LIST_BOX (cw_runbook_editor_get_part (editor, "problems"));
  GtkListBoxRow *row = NULL;
  const char *label;

  g_assert_cmpuint (cw_runbook_editor_get_problems (editor)->len, ==, 0);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (cw_runbook_editor_get_part (editor, "problems-label"))),
                   ==, "No Problems");

  /* a waits for d, which waits for b, which waits for a. */
  cw_runbook_editor_select_step (editor, "a");
  picker = CW_RUNBOOK_PREDECESSOR_PICKER (details_part (editor, "predecessor_picker"));
  cw_runbook_predecessor_picker_set_search (picker, "go or");
  g_assert_cmpuint (g_list_model_get_n_items (cw_runbook_predecessor_picker_get_model (picker)), ==, 1);
  cw_runbook_predecessor_picker_set_search (picker, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (cw_runbook_predecessor_picker_get_model (picker)), ==, 5);
  cw_runbook_predecessor_picker_toggle (picker, "d", TRUE);
  g_assert_cmpstr (cw_runbook_find_step (cw_runbook_editor_get_runbook (editor), "a")->predecessors[0], ==, "d");

  g_assert_true (has_problem (editor, CW_PROBLEM_CYCLE, "a"));
  g_assert_true (has_problem (editor, CW_PROBLEM_CYCLE, "b"));
  g_assert_true (has_problem (editor, CW_PROBLEM_CYCLE, "d"));
  g_assert_false (has_problem (editor, CW_PROBLEM_CYCLE, "v"));
  label = gtk_label_get_label (GTK_LABEL (cw_runbook_editor_get_part (editor, "problems-label")));
  g_assert_true (g_str_has_suffix (label, "Problem") || g_str_has_suffix (label, "Problems"));
  g_assert_nonnull (cw_runbook_step_item_get_problem (find_item (editor, "a")));
  g_assert_nonnull (cw_runbook_step_item_get_problem (find_item (editor, "d")));
  g_assert_null (cw_runbook_step_item_get_problem (find_item (editor, "v")));
  g_assert_cmpuint (count_rows (problems), >=, 1);
  g_assert_cmpstr (total (editor, "critical"), ==, "—");

  /* A problem leads to the first step it names. */
  cw_runbook_editor_select_step (editor, "v");
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (problems)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) && g_object_get_data (G_OBJECT (child), "cw-step-id") != NULL)
      {
        row = GTK_LIST_BOX_ROW (child);
        break;
      }
  g_assert_nonnull (row);
  g_signal_emit_by_name (problems, "row-activated", row);
  g_assert_cmpstr (cw_runbook_editor_get_selected (editor), ==, g_object_get_data (G_OBJECT (row), "cw-step-id"));

  /* Taking the edge back clears it. */
  cw_runbook_editor_select_step (editor, "a");
  picker = CW_RUNBOOK_PREDECESSOR_PICKER (details_part (editor, "predecessor_picker"));
  cw_runbook_predecessor_picker_toggle (picker, "d", FALSE);
  g_assert_null (cw_runbook_find_step (cw_runbook_editor_get_runbook (editor), "a")->predecessors);
  g_assert_false (has_problem (editor, CW_PROBLEM_CYCLE, NULL));
  g_assert_cmpuint (cw_runbook_editor_get_problems (editor)->len, ==, 0);
  g_assert_null (cw_runbook_step_item_get_problem (find_item (editor, "a")));
  g_assert_cmpstr (total (editor, "critical"), ==, "1 h 30 min");

  close_window (window);
}

static CwRunbookPropertiesDialog *
open_properties (CwRunbooksPage *page)
{
  GtkWindow *dialog;

  activate (page, "runbooks.properties");
  dialog = cw_runbooks_page_get_dialog (page);
  g_assert_true (CW_IS_RUNBOOK_PROPERTIES_DIALOG (dialog));

  return CW_RUNBOOK_PROPERTIES_DIALOG (dialog);
}

static char *
window_with_buffer (const CwRunbook *runbook,
                    guint            buffer_min)
{
  g_autoptr(CwRunbook) copy = cw_runbook_copy (runbook);
  g_autoptr(CwRunbookTiming) timing = NULL;

  copy->buffer_min = buffer_min;
  timing = cw_runbook_timing (copy, NULL);
  g_assert_nonnull (timing);
  g_assert_cmpuint (timing->buffer_min, ==, buffer_min);

  return cw_runbook_format_minutes (timing->window_min);
}

static void
test_properties (void)
{
  g_autofree char *path = make_workspace ();
  g_autoptr(GError) error = NULL;
  CwWindow *window;
  CwRunbooksPage *page;
  CwRunbookEditor *editor;
  CwRunbookPropertiesDialog *dialog;
  GtkTextBuffer *description;
  g_autoptr(CwRunbook) original = NULL;
  g_autoptr(CwRunbook) saved = NULL;
  g_autofree char *window_before = NULL;
  g_autofree char *window_after = NULL;
  const CwRunbook *runbook;

  {
    g_autoptr(CwStore) store = cw_store_open (path, CW_STORE_OPEN_NO_CREATE, &error);

    g_assert_no_error (error);
    g_assert_cmpint (cw_compat_add_product (store, "Acme OS", "Acme", &error), >, 0);
    g_assert_cmpint (cw_compat_add_product (store, "Cisco IOS XE", "Cisco", &error), >, 0);
    g_assert_no_error (error);
  }

  window = new_window_for (path);
  page = show_runbooks (window, "Small");
  editor = cw_runbooks_page_get_editor (page);
  original = cw_runbook_copy (cw_runbook_editor_get_runbook (editor));
  window_before = g_strdup (total (editor, "window"));
  g_assert_cmpstr (total (editor, "buffer"), ==, "0 min");

  /* The dialog shows the runbook's fields. */
  dialog = open_properties (page);
  description = gtk_text_view_get_buffer (GTK_TEXT_VIEW (cw_runbook_properties_dialog_get_part (dialog, "description_view")));
  {
    g_autofree char *text = cw_runbook_properties_dialog_dup_description (dialog);
    g_autofree char *product = cw_runbook_properties_dialog_dup_product (dialog);

    g_assert_cmpstr (text, ==, "A small procedure for tests.");
    g_assert_cmpstr (product, ==, "Acme OS");
  }
  g_assert_null (cw_runbook_properties_dialog_get_ci_class (dialog));
  g_assert_cmpuint (cw_runbook_properties_dialog_get_buffer_min (dialog), ==, 0);
  g_assert_true (gtk_widget_get_visible (cw_runbook_properties_dialog_get_part (dialog, "product_button")));
  g_assert_true (gtk_widget_get_visible (cw_runbook_properties_dialog_get_part (dialog, "apply_button")));

  /* A product from the menu, a class, a buffer that the dialog adds up. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "properties.product", "s", "Cisco IOS XE"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cw_runbook_properties_dialog_get_part (dialog, "product_row"))),
                   ==, "Cisco IOS XE");
  g_assert_false (cw_runbook_properties_dialog_set_ci_class (dialog, "no-such-class"));
  g_assert_true (cw_runbook_properties_dialog_set_ci_class (dialog, "switch"));
  gtk_text_buffer_set_text (description, "  Upgrade the core stack.\n", -1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (cw_runbook_properties_dialog_get_part (dialog, "buffer_spin")), 30);
  window_after = window_with_buffer (original, 30);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (cw_runbook_properties_dialog_get_part (dialog, "buffer_row"))),
                            window_after));

  /* Apply: one edit, the totals and the header follow. */
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  activate (dialog, "properties.apply");
  g_assert_null (dialog);
  runbook = cw_runbook_editor_get_runbook (editor);
  g_assert_cmpstr (runbook->description, ==, "Upgrade the core stack.");
  g_assert_cmpstr (runbook->product, ==, "Cisco IOS XE");
  g_assert_cmpstr (runbook->ci_class, ==, "switch");
  g_assert_cmpuint (runbook->buffer_min, ==, 30);
  g_assert_true (cw_runbook_editor_get_modified (editor));
  g_assert_cmpstr (total (editor, "buffer"), ==, "30 min");
  g_assert_cmpstr (total (editor, "window"), ==, window_after);
  g_assert_cmpstr (total (editor, "window"), !=, window_before);
  g_assert_cmpstr (gtk_label_get_label (page->description_label), ==, "Upgrade the core stack.");

  /* Undo takes all of it back at once; redo brings it again. */
  activate (editor, "editor.undo");
  g_assert_true (cw_runbook_content_equal (cw_runbook_editor_get_runbook (editor), original));
  g_assert_cmpstr (total (editor, "window"), ==, window_before);
  g_assert_cmpstr (gtk_label_get_label (page->description_label), ==, "A small procedure for tests.");
  activate (editor, "editor.redo");
  runbook = cw_runbook_editor_get_runbook (editor);
  g_assert_cmpstr (runbook->ci_class, ==, "switch");
  g_assert_cmpuint (runbook->buffer_min, ==, 30);
  g_assert_cmpstr (total (editor, "window"), ==, window_after);

  /* Saved with the draft: core loads the same back. */
  activate (page, "runbooks.save");
  g_assert_false (cw_runbook_editor_get_modified (editor));
  {
    g_autoptr(CwStore) store = cw_store_open (path, CW_STORE_OPEN_NO_CREATE, &error);

    g_assert_no_error (error);
    saved = cw_runbooks_load (store, "Small", 0, &error);
    g_assert_no_error (error);
  }
  g_assert_true (cw_runbook_content_equal (saved, cw_runbook_editor_get_runbook (editor)));
  g_assert_cmpstr (saved->description, ==, "Upgrade the core stack.");
  g_assert_cmpstr (saved->product, ==, "Cisco IOS XE");
  g_assert_cmpstr (saved->ci_class, ==, "switch");
  g_assert_cmpuint (saved->buffer_min, ==, 30);
  g_assert_false (cw_runbook_content_equal (saved, original));

  /* Cancel changes nothing. */
  dialog = open_properties (page);
  g_assert_cmpuint (cw_runbook_properties_dialog_get_buffer_min (dialog), ==, 30);
  g_assert_cmpstr (cw_runbook_properties_dialog_get_ci_class (dialog), ==, "switch");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (cw_runbook_properties_dialog_get_part (dialog, "buffer_spin")), 45);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  activate (dialog, "window.close");
  g_assert_null (dialog);
  g_assert_cmpuint (cw_runbook_editor_get_runbook (editor)->buffer_min, ==, 30);
  g_assert_false (cw_runbook_editor_get_modified (editor));

  /* An approved version: the fields show, and cannot change. */
  {
    g_autoptr(CwStore) store = cw_store_open (path, CW_STORE_OPEN_NO_CREATE, &error);

    g_assert_no_error (error);
    g_assert_true (cw_runbooks_approve (store, "Small", 1, "Bob Reviewer", &error));
    g_assert_no_error (error);
  }
  _cw_runbooks_page_reload (page, "Small", 1);
  g_assert_true (cw_runbook_editor_get_read_only (editor));
  dialog = open_properties (page);
  g_assert_false (gtk_widget_get_visible (cw_runbook_properties_dialog_get_part (dialog, "apply_button")));
  g_assert_false (gtk_widget_is_sensitive (cw_runbook_properties_dialog_get_part (dialog, "buffer_spin")));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "properties.apply", NULL);
  cw_runbook_properties_dialog_apply (dialog);
  g_assert_nonnull (dialog);
  g_assert_false (cw_runbook_editor_set_properties (editor, "Changed", NULL, NULL, 5));
  g_assert_cmpuint (cw_runbook_editor_get_runbook (editor)->buffer_min, ==, 30);
  g_assert_false (cw_runbook_editor_get_modified (editor));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_null (dialog);

  close_window (window);
}

static void
test_keyboard (void)
{
  g_autofree char *path = make_workspace ();
  CwWindow *window = new_window_for (path);
  CwRunbooksPage *page = show_runbooks (window, "Small");
  CwRunbookEditor *editor = cw_runbooks_page_get_editor (page);
  GtkWidget *list = cw_runbook_editor_get_part (editor, "list");
  GtkWidget *views = gtk_widget_get_ancestor (GTK_WIDGET (editor), ADW_TYPE_VIEW_STACK);
  const char *wanted[] = { "title_row", "id_row", "type_row", "phase_row", "stream_row", "duration_spin",
                           "predecessor_picker", "instructions_view", "command_row", "workdir_row",
                           "timeout_spin", "exit_spin", "regex_row", "acceptance_row", "note_check",
                           "output_check", "file_check" };
  gboolean reached[G_N_ELEMENTS (wanted)] = { FALSE };
  gboolean reached_list = FALSE;
  gboolean reached_properties = FALSE;
  gboolean reached_versions = FALSE;
  CwRunbookPredecessorPicker *picker;
  GtkWidget *search;
  guint position;

  /* Tab from the search reaches every control of the pane, the list and
   * each field of the selected step's details, then leaves the pane. */
  cw_runbook_editor_select_step (editor, "b");
  gtk_widget_grab_focus (GTK_WIDGET (cw_runbooks_page_get_search (page)));
  for (guint i = 0; i < 120 && focus_in (window, GTK_WIDGET (page)); i++)
    {
      gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD);
      reached_list |= focus_in (window, list);
      reached_versions |= focus_in (window, GTK_WIDGET (cw_runbooks_page_get_versions (page)));
      if (GTK_IS_BUTTON (get_focus (window)))
        reached_properties |= g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (get_focus (window))),
                                         "runbooks.properties") == 0;
      for (guint j = 0; j < G_N_ELEMENTS (wanted); j++)
        reached[j] |= focus_in (window, details_part (editor, wanted[j]));
    }
  g_assert_false (focus_in (window, GTK_WIDGET (page)));
  g_assert_true (reached_list);
  g_assert_true (reached_versions);
  g_assert_true (reached_properties);
  for (guint j = 0; j < G_N_ELEMENTS (wanted); j++)
    {
      if (!reached[j])
        g_test_message ("Tab does not reach %s", wanted[j]);
      g_assert_true (reached[j]);
    }

  /* Enter on a step goes to its details; Escape there comes back to it. */
  cw_runbook_editor_select_step (editor, "c");
  cw_runbook_editor_focus_list (editor);
  g_assert_true (focus_on_selected_row (window, editor));
  position = gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (list))));
  g_signal_emit_by_name (list, "activate", position);
  g_assert_true (focus_in (window, details_part (editor, "title_row")));
  g_assert_true (press_key (GTK_WIDGET (editor), GDK_KEY_Escape, 0));
  g_assert_true (focus_on_selected_row (window, editor));
  g_assert_cmpstr (cw_runbook_editor_get_selected (editor), ==, "c");
  /* In the list, Escape is not the editor's. */
  g_assert_false (press_key (GTK_WIDGET (editor), GDK_KEY_Escape, 0));

  /* A bar activated in the timeline shows its step in the editor, with
   * the focus on it. */
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (views), "timeline");
  cw_test_iterate_until (NULL, NULL, 50);
  g_signal_emit_by_name (find_child_of_type (views, CW_TYPE_RUNBOOK_TIMELINE), "step-activated", "v");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (views)), ==, "editor");
  g_assert_cmpstr (cw_runbook_editor_get_selected (editor), ==, "v");
  cw_test_iterate_until (NULL, NULL, 50);
  g_assert_true (focus_on_selected_row (window, editor));

  /* The predecessor picker: Enter in its search picks the first step found. */
  picker = CW_RUNBOOK_PREDECESSOR_PICKER (details_part (editor, "predecessor_picker"));
  search = find_child_of_type (GTK_WIDGET (picker), GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (search);
  cw_runbook_predecessor_picker_set_search (picker, "drain");
  g_assert_cmpuint (g_list_model_get_n_items (cw_runbook_predecessor_picker_get_model (picker)), ==, 1);
  g_signal_emit_by_name (search, "activate");
  g_assert_true (g_strv_contains ((const char * const *) cw_runbook_find_step (cw_runbook_editor_get_runbook (editor),
                                                                             "v")->predecessors, "c"));
  activate (editor, "editor.undo");
  g_assert_false (g_strv_contains ((const char * const *) cw_runbook_find_step (cw_runbook_editor_get_runbook (editor),
                                                                              "v")->predecessors, "c"));

  /* Alt+Enter, anywhere in the pane, opens the properties. */
  g_assert_null (cw_runbooks_page_get_dialog (page));
  g_assert_true (press_key (GTK_WIDGET (page), GDK_KEY_Return, GDK_ALT_MASK));
  g_assert_true (CW_IS_RUNBOOK_PROPERTIES_DIALOG (cw_runbooks_page_get_dialog (page)));
  gtk_window_destroy (cw_runbooks_page_get_dialog (page));

  close_window (window);
}

/* 2,000 steps in 20 streams: a chain per stream through the phases. */
static CwRunbook *
large_runbook (void)
{
  CwRunbook *runbook = cw_runbook_new ("Large");
  const CwPhase phases[] = { CW_PHASE_PREPARATION, CW_PHASE_PRECHECKS, CW_PHASE_BACKUP,
                             CW_PHASE_EXECUTION, CW_PHASE_EXECUTION, CW_PHASE_EXECUTION,
                             CW_PHASE_EXECUTION, CW_PHASE_VALIDATION, CW_PHASE_ROLLBACK,
                             CW_PHASE_ROLLBACK };

  for (guint i = 0; i < 2000; i++)
    {
      g_autofree char *id = g_strdup_printf ("s%u", i);
      g_autofree char *stream = g_strdup_printf ("stream-%u", i % 20);
      g_autofree char *previous = i >= 20 ? g_strdup_printf ("s%u", i - 20) : NULL;
      CwPhase phase = phases[i / 200];
      CwRunbookStep *step;

      /* The first step of a phase in each stream starts it afresh. */
      step = add_step (runbook, id, phase, CW_STEP_MANUAL, stream, 1 + i % 7,
                       i >= 20 && phases[(i - 20) / 200] == phase ? previous : NULL, id);
      if (i % 50 == 0)
        {
          step->type = CW_STEP_COMMAND;
          step->argv = g_strsplit ("true", " ", -1);
        }
    }

  return runbook;
}

static void
test_large (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "large.db", NULL);
  g_autoptr(GError) error = NULL;
  CwWindow *window;
  CwRunbooksPage *page;
  CwRunbookEditor *editor;
  gint64 start;
  guint n_headings;
  guint n_rows;

  {
    g_autoptr(CwStore) store = cw_store_open (path, CW_STORE_OPEN_DEFAULT, &error);
    g_autoptr(CwRunbook) runbook = large_runbook ();

    g_assert_no_error (error);
    g_assert_true (cw_runbooks_save_draft (store, runbook, &error));
    g_assert_no_error (error);
  }

  window = new_window_for (path);
  page = show_runbooks (window, NULL);
  editor = cw_runbooks_page_get_editor (page);

  /* Opened and drawn: only the rows on screen are made. */
  start = g_get_monotonic_time ();
  g_assert_true (cw_runbooks_page_select (page, "Large"));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_test_message ("2,000 steps opened and drawn in %.1f ms", (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 3 * G_USEC_PER_SEC);
  g_assert_cmpuint (count_items (editor, &n_headings), ==, 2000 + CW_N_PHASES);
  n_rows = count_children_of_type (cw_runbook_editor_get_part (editor, "list"), CW_TYPE_RUNBOOK_STEP_ROW);
  g_assert_cmpuint (n_rows, >, 10);
  g_assert_cmpuint (n_rows, <, 400);
  g_assert_cmpuint (cw_runbook_editor_get_problems (editor)->len, ==, 0);

  /* An edit deep in the list, and its undo. */
  cw_runbook_editor_select_step (editor, "s1500");
  start = g_get_monotonic_time ();
  gtk_editable_set_text (GTK_EDITABLE (details_part (editor, "title_row")), "Renamed");
  g_test_message ("an edit validated and timed in %.1f ms", (g_get_monotonic_time () - start) / 1000.0);
  activate (editor, "editor.undo");
  g_assert_cmpstr (cw_runbook_find_step (cw_runbook_editor_get_runbook (editor), "s1500")->title, ==, "s1500");
  g_assert_cmpstr (cw_runbook_editor_get_selected (editor), ==, "s1500");

  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  if (!cw_test_display_init (&argc, &argv))
    return 0;

  tmpdir = cw_test_make_tmpdir ();

  app = cw_application_new (G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_hold (G_APPLICATION (app));

  g_test_add_func ("/display/runbook-editor/editor", test_editor);
  g_test_add_func ("/display/runbook-editor/undo", test_undo);
  g_test_add_func ("/display/runbook-editor/cycle", test_cycle);
  g_test_add_func ("/display/runbook-editor/properties", test_properties);
  g_test_add_func ("/display/runbook-editor/keyboard", test_keyboard);
  g_test_add_func ("/display/runbook-editor/large", test_large);

  status = g_test_run ();

  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  cw_test_remove_tree (tmpdir);
  g_free (tmpdir);
  return status;
}
