/* test-runbooks-page.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-runbooks-page"

#include "config.h"

#include "cw-demo.h"
#include "test-runbooks.h"

/* The Runbooks pane on real workspaces: each test makes its own, with
 * runbooks saved through core, drives the pane as the user would (its
 * actions, its fields, its dialogs) and checks what core then loads back.
 * Screenshots are of the demo workspace's runbooks. The editor's own tests
 * are in test-runbook-editor.c. */

static char *demo_path;

/* Tests */

static void
test_list (void)
{
  g_autofree char *path = make_workspace ();
  CwWindow *window = new_window_for (path);
  CwRunbooksPage *page = show_runbooks (window, NULL);
  GtkListBox *list = cw_runbooks_page_get_list (page);
  GtkEditable *search = GTK_EDITABLE (cw_runbooks_page_get_search (page));

  g_assert_cmpstr (cw_runbooks_page_get_state (page), ==, "none");
  g_assert_cmpuint (count_rows (list), ==, 3);

  /* The search filters as the user types, through core. */
  gtk_editable_set_text (search, "upgrade");
  cw_test_iterate_until (NULL, NULL, 300);
  g_assert_cmpuint (count_rows (list), ==, 1);
  gtk_editable_set_text (search, "acme");   /* the product Small applies to */
  cw_test_iterate_until (NULL, NULL, 300);
  g_assert_cmpuint (count_rows (list), ==, 1);
  g_assert_true (cw_runbooks_page_select (page, "Small"));
  gtk_editable_set_text (search, "nothing like it");
  cw_test_iterate_until (NULL, NULL, 300);
  g_assert_cmpuint (count_rows (list), ==, 0);
  g_assert_cmpstr (cw_runbooks_page_get_shown (page), ==, "Small");
  gtk_editable_set_text (search, "");
  cw_test_iterate_until (NULL, NULL, 300);
  g_assert_cmpuint (count_rows (list), ==, 3);

  /* Ctrl+F's action focuses the search. */
  activate (page, "runbooks.focus-search");
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

    g_assert_nonnull (focus);
    g_assert_true (focus == GTK_WIDGET (search) || gtk_widget_is_ancestor (focus, GTK_WIDGET (search)));
  }

  /* Enter in the search shows the first runbook found; Down goes to it. */
  gtk_editable_set_text (search, "certificate");
  cw_test_iterate_until (NULL, NULL, 300);
  g_signal_emit_by_name (search, "activate");
  g_assert_cmpstr (cw_runbooks_page_get_shown (page), ==, "Certificate renewal");
  {
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (search));
    gboolean handled = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

        if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
          g_signal_emit_by_name (controller, "key-pressed", GDK_KEY_Down, 0, 0, &handled);
        if (handled)
          break;
      }
    g_assert_true (handled);
    g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) ==
                   GTK_WIDGET (gtk_list_box_get_selected_row (list)));
  }

  close_window (window);
}

static guint
count_versions (const char *path,
                const char *name)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM runbook_versions v JOIN runbooks r "
                                          "ON r.id = v.runbook_id WHERE r.name = '%s'", name);

  return (guint) cw_test_sql_int (path, sql);
}

static CwRunbook *
load (const char *path,
      const char *name,
      guint       version)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwStore) store = cw_store_open (path, CW_STORE_OPEN_NO_CREATE, &error);
  CwRunbook *runbook;

  g_assert_no_error (error);
  runbook = cw_runbooks_load (store, name, version, &error);
  g_assert_no_error (error);

  return runbook;
}

static void
test_save_and_approve (void)
{
  g_autofree char *path = make_workspace ();
  CwWindow *window = new_window_for (path);
  CwRunbooksPage *page = show_runbooks (window, "Small");
  CwRunbookEditor *editor = cw_runbooks_page_get_editor (page);
  g_autoptr(CwRunbook) saved = NULL;
  g_autoptr(GError) error = NULL;
  const char *user = _cw_runbooks_page_get_user ();
  AdwMessageDialog *dialog;
  GtkEditable *entry;
  g_autofree char *label = NULL;

  /* Save writes the draft in place; core loads it back the same. */
  cw_runbook_editor_select_step (editor, "v");
  gtk_editable_set_text (GTK_EDITABLE (details_part (editor, "title_row")), "Verify the service");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "runbooks.save", NULL));
  g_assert_false (cw_runbook_editor_get_modified (editor));
  g_assert_cmpuint (count_versions (path, "Small"), ==, 1);
  saved = load (path, "Small", 0);
  g_assert_true (cw_runbook_content_equal (saved, cw_runbook_editor_get_runbook (editor)));
  g_assert_cmpstr (saved->author, ==, "Alice Author");   /* the draft's, kept */

  /* The author may not approve, whatever the case: the dialog says so, and
   * core refuses. */
  activate (page, "runbooks.approve");
  dialog = ADW_MESSAGE_DIALOG (cw_runbooks_page_get_dialog (page));
  g_assert_nonnull (dialog);
  entry = GTK_EDITABLE (find_child_of_type (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW));
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, user);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "approve"));
  gtk_editable_set_text (entry, "alice author");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "approve"));
  respond (dialog, "approve");
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM runbook_versions WHERE state = 'approved'"), ==, 0);
  g_assert_false (cw_runbook_editor_get_read_only (editor));

  /* Someone else may. */
  activate (page, "runbooks.approve");
  dialog = ADW_MESSAGE_DIALOG (cw_runbooks_page_get_dialog (page));
  entry = GTK_EDITABLE (find_child_of_type (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW));
  gtk_editable_set_text (entry, "Bob Reviewer");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "approve"));
  respond (dialog, "approve");
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM runbook_versions WHERE state = 'approved' "
                                          "AND approver = 'Bob Reviewer' AND number = 1"), ==, 1);

  /* An approved version is read-only. */
  g_assert_true (cw_runbook_editor_get_read_only (editor));
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (cw_runbook_editor_get_part (editor, "banner"))));
  cw_runbook_editor_select_step (editor, "b");
  g_assert_false (gtk_widget_is_sensitive (details_part (editor, "title_row")));
  g_assert_false (gtk_widget_is_sensitive (details_part (editor, "command_row")));
  g_assert_false (gtk_widget_is_sensitive (details_part (editor, "instructions_view")));
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add-step", NULL);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.remove-step", NULL);
  g_assert_cmpuint (cw_runbook_editor_get_runbook (editor)->steps->len, ==, 6);
  g_assert_false (cw_runbook_editor_get_modified (editor));

  /* Edit as New Draft, then Save: version 2, a draft, shown in the picker. */
  activate (editor, "editor.edit-as-draft");
  g_assert_false (cw_runbook_editor_get_read_only (editor));
  g_assert_true (gtk_widget_is_sensitive (details_part (editor, "title_row")));
  gtk_editable_set_text (GTK_EDITABLE (details_part (editor, "title_row")), "Upgrade, second try");
  activate (page, "runbooks.save");
  g_assert_cmpuint (count_versions (path, "Small"), ==, 2);
  g_assert_cmpuint (cw_runbook_editor_get_runbook (editor)->version, ==, 2);
  g_clear_pointer (&saved, cw_runbook_free);
  saved = load (path, "Small", 2);
  g_assert_cmpint (saved->state, ==, CW_RUNBOOK_DRAFT);
  g_assert_cmpstr (cw_runbook_find_step (saved, "b")->title, ==, "Upgrade, second try");
  g_assert_cmpstr (saved->author, ==, user);   /* who made the new version */
  g_clear_pointer (&saved, cw_runbook_free);
  saved = load (path, "Small", 1);
  g_assert_cmpstr (cw_runbook_find_step (saved, "b")->title, ==, "Upgrade");
  label = g_strdup (gtk_string_object_get_string (gtk_drop_down_get_selected_item (cw_runbooks_page_get_versions (page))));
  g_assert_true (g_str_has_prefix (label, "Version 2"));

  /* Its author is the user now, who may not approve it. */
  activate (page, "runbooks.approve");
  dialog = ADW_MESSAGE_DIALOG (cw_runbooks_page_get_dialog (page));
  entry = GTK_EDITABLE (find_child_of_type (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW));
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, user);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "approve"));
  respond (dialog, "cancel");

  /* Picking version 1 again shows it read-only. */
  gtk_drop_down_set_selected (cw_runbooks_page_get_versions (page), 1);
  cw_test_iterate_until (NULL, NULL, 20);
  g_assert_cmpuint (cw_runbook_editor_get_runbook (editor)->version, ==, 1);
  g_assert_true (cw_runbook_editor_get_read_only (editor));

  close_window (window);
}

static void
test_autosave (void)
{
  g_autofree char *path = make_workspace ();
  CwWindow *window = new_window_for (path);
  CwRunbooksPage *page = show_runbooks (window, "Small");
  CwRunbookEditor *editor = cw_runbooks_page_get_editor (page);
  g_autoptr(CwRunbook) saved = NULL;

  /* Switching runbooks saves the edited draft, problems and all. */
  cw_runbook_editor_select_step (editor, "b");
  gtk_editable_set_text (GTK_EDITABLE (details_part (editor, "command_row")), "");
  g_assert_true (has_problem (editor, CW_PROBLEM_NO_COMMAND, "b"));
  g_assert_true (cw_runbooks_page_select (page, "Certificate renewal"));
  g_assert_cmpstr (cw_runbooks_page_get_shown (page), ==, "Certificate renewal");
  saved = load (path, "Small", 0);
  g_assert_null (cw_runbook_find_step (saved, "b")->argv);
  g_assert_cmpuint (count_versions (path, "Small"), ==, 1);

  close_window (window);
}

static void
test_new_runbook (void)
{
  g_autofree char *path = make_workspace ();
  CwWindow *window = new_window_for (path);
  CwRunbooksPage *page = show_runbooks (window, NULL);
  CwRunbookEditor *editor = cw_runbooks_page_get_editor (page);
  AdwMessageDialog *dialog;
  GtkEditable *entry;
  guint n_headings;

  activate (page, "runbooks.new");
  dialog = ADW_MESSAGE_DIALOG (cw_runbooks_page_get_dialog (page));
  entry = GTK_EDITABLE (find_child_of_type (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "create"));
  gtk_editable_set_text (entry, "small");   /* names are unique whatever the case */
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "create"));
  gtk_editable_set_text (entry, "Brand new procedure");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "create"));
  respond (dialog, "create");
  cw_test_iterate_until (NULL, NULL, 20);

  g_assert_cmpstr (cw_runbooks_page_get_shown (page), ==, "Brand new procedure");
  g_assert_cmpuint (count_rows (cw_runbooks_page_get_list (page)), ==, 4);
  g_assert_cmpuint (count_versions (path, "Brand new procedure"), ==, 1);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (cw_runbook_editor_get_part (editor, "steps"))),
                   ==, "empty");

  activate (editor, "editor.add-step");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (cw_runbook_editor_get_part (editor, "steps"))),
                   ==, "list");
  g_assert_cmpuint (count_items (editor, &n_headings), ==, CW_N_PHASES + 1);
  g_assert_cmpint (((CwRunbookStep *) g_ptr_array_index (cw_runbook_editor_get_runbook (editor)->steps, 0))->phase,
                   ==, CW_PHASE_PREPARATION);

  close_window (window);
}

static gboolean
not_importing (gpointer data)
{
  return !cw_runbooks_page_get_importing (data);
}

static void
test_import_export (void)
{
  g_autofree char *path = make_workspace ();
  g_autofree char *bad_path = g_build_filename (tmpdir, "bad-runbook.csv", NULL);
  g_autofree char *good_path = g_build_filename (tmpdir, "imported-runbook.csv", NULL);
  g_autofree char *json_path = g_build_filename (tmpdir, "exported.json", NULL);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr(GFile) good = g_file_new_for_path (good_path);
  g_autoptr(GFile) json = g_file_new_for_path (json_path);
  g_autofree char *written = NULL;
  g_autofree char *expected = NULL;
  const char *bad_csv =
    CW_RUNBOOK_CSV_HEADER "\n"
    "p1,preparation,,Prepare,manual,ten,,,,\n"
    "e1,exekution,,Do it,command,20,p9,,0,\n";
  const char *good_csv =
    CW_RUNBOOK_CSV_HEADER "\n"
    "p1,preparation,,Prepare,manual,10,,,,\n"
    "e1,execution,,Do it,command,20,p1,echo 'it works',0,Run it\n"
    "r1,rollback,,Undo it,manual,5,,,,\n";
  CwWindow *window = new_window_for (path);
  CwRunbooksPage *page = show_runbooks (window, NULL);
  AdwMessageDialog *dialog;
  GtkWidget *label;

  cw_test_write_bytes (bad_path, bad_csv, strlen (bad_csv));
  cw_test_write_bytes (good_path, good_csv, strlen (good_csv));

  /* A bad file: every error listed, nothing saved. */
  cw_runbooks_page_import (page, bad);
  cw_test_iterate_until (not_importing, page, 10000);
  dialog = ADW_MESSAGE_DIALOG (cw_runbooks_page_get_dialog (page));
  g_assert_nonnull (dialog);
  label = find_child_of_type (adw_message_dialog_get_extra_child (dialog), GTK_TYPE_LABEL);
  g_assert_nonnull (label);
  g_assert_true (gtk_label_get_selectable (GTK_LABEL (label)));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), "2"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), "3"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM runbooks"), ==, 3);

  /* A good one is saved and shown. */
  cw_runbooks_page_import (page, good);
  cw_test_iterate_until (not_importing, page, 10000);
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM runbooks"), ==, 4);
  g_assert_cmpstr (cw_runbooks_page_get_shown (page), ==, "imported-runbook");
  g_assert_cmpuint (cw_runbook_editor_get_runbook (cw_runbooks_page_get_editor (page))->steps->len, ==, 3);

  /* Export writes the version shown. */
  g_assert_true (cw_runbooks_page_export (page, CW_RUNBOOK_FORMAT_JSON, json));
  g_assert_true (g_file_get_contents (json_path, &written, NULL, NULL));
  expected = cw_runbook_to_json (cw_runbook_editor_get_runbook (cw_runbooks_page_get_editor (page)));
  g_assert_cmpstr (written, ==, expected);

  close_window (window);
}

static const char *
first_command_step (const CwRunbook *runbook)
{
  for (guint i = 0; i < runbook->steps->len; i++)
    {
      const CwRunbookStep *step = g_ptr_array_index (runbook->steps, i);

      if (step->type == CW_STEP_COMMAND)
        return step->id;
    }

  return NULL;
}

static void
scroll_to_end (GtkWidget *widget)
{
  GtkAdjustment *adjustment;

  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (find_child_of_type (widget, GTK_TYPE_SCROLLED_WINDOW)));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
}

static void
screenshot (CwWindow   *window,
            const char *what,
            const char *suffix)
{
  g_autofree char *name = g_strdup_printf ("runbooks-%s-%s.png", what, suffix);

  cw_test_iterate_until (NULL, NULL, 100);
  g_free (cw_test_save_screenshot (GTK_WIDGET (window), name));
}

static void
take_screenshots (const char *suffix)
{
  g_autofree char *path = make_workspace ();
  CwWindow *window = new_window_for (demo_path);
  CwRunbooksPage *page = show_runbooks (window, "Catalyst 9300 stack IOS XE upgrade");
  CwRunbookEditor *editor = cw_runbooks_page_get_editor (page);
  GtkDropDown *versions = cw_runbooks_page_get_versions (page);
  GtkWidget *views = gtk_widget_get_ancestor (GTK_WIDGET (editor), ADW_TYPE_VIEW_STACK);

  /* The draft, a command step selected; then its details further down. */
  cw_runbook_editor_select_step (editor, first_command_step (cw_runbook_editor_get_runbook (editor)));
  cw_runbook_step_details_flush (CW_RUNBOOK_STEP_DETAILS (cw_runbook_editor_get_part (editor, "details")));
  screenshot (window, "editor", suffix);
  scroll_to_end (cw_runbook_editor_get_part (editor, "details"));
  screenshot (window, "command", suffix);

  /* The timeline, and the changes from the approved version to the draft. */
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (views), "timeline");
  screenshot (window, "timeline", suffix);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (views), "changes");
  screenshot (window, "changes", suffix);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (views), "editor");

  /* The runbook's properties. */
  activate (page, "runbooks.properties");
  {
    g_autofree char *name = g_strdup_printf ("runbooks-properties-%s.png", suffix);
    GtkWindow *dialog = cw_runbooks_page_get_dialog (page);

    g_assert_nonnull (dialog);
    cw_test_iterate_until (NULL, NULL, 100);
    g_free (cw_test_save_screenshot (GTK_WIDGET (dialog), name));
    gtk_window_destroy (dialog);
  }

  /* The approved version, read-only. */
  for (guint i = 0; i < g_list_model_get_n_items (gtk_drop_down_get_model (versions)); i++)
    {
      gtk_drop_down_set_selected (versions, i);
      if (cw_runbook_editor_get_read_only (editor))
        break;
    }
  cw_runbook_editor_select_step (editor, first_command_step (cw_runbook_editor_get_runbook (editor)));
  screenshot (window, "approved", suffix);
  close_window (window);

  /* Problems, listed under the steps. */
  window = new_window_for (path);
  page = show_runbooks (window, "Small");
  editor = cw_runbooks_page_get_editor (page);
  cw_runbook_editor_select_step (editor, "a");
  cw_runbook_predecessor_picker_toggle (CW_RUNBOOK_PREDECESSOR_PICKER (details_part (editor, "predecessor_picker")),
                                        "d", TRUE);
  g_signal_emit_by_name (cw_runbook_editor_get_part (editor, "problems-button"), "clicked");
  screenshot (window, "problems", suffix);

  /* The approval dialog, over the saved draft. */
  activate (editor, "editor.undo");
  activate (page, "runbooks.approve");
  {
    g_autofree char *name = g_strdup_printf ("runbooks-approve-%s.png", suffix);
    GtkWindow *dialog = cw_runbooks_page_get_dialog (page);

    cw_test_iterate_until (NULL, NULL, 100);
    g_free (cw_test_save_screenshot (GTK_WIDGET (dialog), name));
    respond (ADW_MESSAGE_DIALOG (dialog), "cancel");
  }
  close_window (window);
}

static void
test_screenshots (void)
{
  GSettings *settings = cw_application_get_settings (app);

  take_screenshots ("light");

  g_settings_set_string (settings, "color-scheme", "dark");
  cw_test_iterate_until (cw_test_style_is_dark, NULL, 2000);
  take_screenshots ("dark");

  g_settings_set_string (settings, "color-scheme", "light");
  cw_test_iterate_until (cw_test_style_is_light, NULL, 2000);
  g_settings_reset (settings, "color-scheme");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  CwDemoOptions options = { .seed = 1, .n_cis = 200 };
  g_autoptr(CwClock) clock = NULL;
  int status;

  if (!cw_test_display_init (&argc, &argv))
    return 0;

  tmpdir = cw_test_make_tmpdir ();
  demo_path = g_build_filename (tmpdir, "demo.db", NULL);
  clock = cw_test_fake_clock ();
  g_assert_true (cw_demo_create (demo_path, &options, clock, NULL, &error));
  g_assert_no_error (error);

  app = cw_application_new (G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_hold (G_APPLICATION (app));

  g_test_add_func ("/display/runbooks/list", test_list);
  g_test_add_func ("/display/runbooks/save-and-approve", test_save_and_approve);
  g_test_add_func ("/display/runbooks/autosave", test_autosave);
  g_test_add_func ("/display/runbooks/new", test_new_runbook);
  g_test_add_func ("/display/runbooks/import-export", test_import_export);
  g_test_add_func ("/display/runbooks/screenshots", test_screenshots);

  status = g_test_run ();

  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  cw_test_remove_tree (tmpdir);
  g_free (tmpdir);
  g_free (demo_path);
  return status;
}
