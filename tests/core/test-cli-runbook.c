/* test-cli-runbook.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-cli-runbook"

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "cw-runbook-store.h"
#include "test-cli-runbook.h"
#include "test-runbook-demo.h"

/* `changeward-cli runbook import|export|show|approve|list` through the real
 * binary, on temporary workspaces. The timing the CLI prints is checked
 * against a longest path worked out in test-cli-runbook.h from the same
 * table of steps the imported file is written from. */

/* ---- tests ----------------------------------------------------------------- */

static void
test_import_json (void)
{
  g_autofree char *workspace = cw_test_make_workspace ("import-json.db", NULL);
  g_autofree char *json = small_json (NAME);
  g_autofree char *file = cw_test_write_tmp_file ("small.json", json);
  g_autofree char *expected = g_strdup_printf ("Imported “%s” as version 1 (draft), %u steps.\n",
                                               NAME, (guint) G_N_ELEMENTS (small));
  g_auto(CwTestRun) run = { 0 };
  g_auto(CwTestRun) renamed = { 0 };

  cw_test_cli_run (&run, "runbook", "import", "--workspace", workspace, file);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, expected);
  g_assert_cmpint (cw_test_sql_int (workspace, "SELECT count(*) FROM runbook_steps"), ==,
                   G_N_ELEMENTS (small));
  g_assert_cmpint (cw_test_sql_int (workspace, "SELECT count(*) FROM runbook_versions "
                                               "WHERE state = 'draft' AND author = '" AUTHOR "'"),
                   ==, 1);

  /* --name overrides the file's name: a second runbook. */
  cw_test_cli_run (&renamed, "runbook", "import", "--workspace", workspace, "--name", "Other",
                   file);
  g_assert_cmpint (renamed.status, ==, 0);
  g_assert_true (g_str_has_prefix (renamed.out, "Imported “Other” as version 1 (draft)"));
  g_assert_cmpint (cw_test_sql_int (workspace, "SELECT count(*) FROM runbooks"), ==, 2);
}

static void
test_import_csv (void)
{
  g_autofree char *workspace = cw_test_make_workspace ("import-csv.db", NULL);
  g_autofree char *csv = NULL;
  g_autofree char *named = NULL;
  g_auto(CwTestRun) run = { 0 };
  g_auto(CwTestRun) exported = { 0 };
  g_auto(CwTestRun) forced = { 0 };
  g_auto(CwTestRun) show = { 0 };
  const char *text =
    "id,phase,stream,title,type,duration_min,predecessors,command,expected_exit,instructions\r\n"
    "tell,preparation,,Tell the site,comms,5,,,,\r\n"
    "version,pre-checks,net,Record the version,command,2,tell,"
      "\"ssh -o BatchMode=yes sw-1 'show version'\",0,Look for **17.6**\r\n"
    "upgrade,execution,net,Upgrade,manual,30,version,,,\"Install, then reload\"\r\n"
    "undo,rollback,net,Go back,manual,20,,,,\r\n";

  csv = cw_test_write_tmp_file ("switch-tasks.csv", text);
  cw_test_cli_run (&run, "runbook", "import", "--workspace", workspace, csv);
  g_assert_cmpint (run.status, ==, 0);
  /* No --name: the file's base name. */
  g_assert_cmpstr (run.out, ==, "Imported “switch-tasks” as version 1 (draft), 4 steps.\n");
  /* The command is split as a shell would, and never run through one. */
  cw_test_cli_run (&exported, "runbook", "export", "--workspace", workspace, "switch-tasks",
                   "--format", "json");
  g_assert_cmpint (exported.status, ==, 0);
  g_assert_nonnull (strstr (exported.out, "\"argv\": [\"ssh\", \"-o\", \"BatchMode=yes\", "
                                          "\"sw-1\", \"show version\"]"));
  g_assert_nonnull (strstr (exported.out, "\"instructions\": \"Install, then reload\""));

  /* An extension that says nothing: --format decides. */
  named = cw_test_write_tmp_file ("tasks.txt", text);
  cw_test_cli_run (&forced, "runbook", "import", "--workspace", workspace, "--format", "csv",
                   "--name", "Switch tasks", named);
  g_assert_cmpint (forced.status, ==, 0);
  g_assert_true (g_str_has_prefix (forced.out, "Imported “Switch tasks” as version 1"));

  cw_test_cli_run (&show, "runbook", "show", "--workspace", workspace, "switch-tasks");
  g_assert_cmpint (show.status, ==, 0);
  g_assert_nonnull (strstr (show.out, "Critical path: tell → version → upgrade (37 min)\n"));
  g_assert_nonnull (strstr (show.out, "Rollback: 20 min\n"));
}

static void
test_export (void)
{
  g_autofree char *workspace = workspace_with_small ("export");
  g_autofree char *second = cw_test_make_workspace ("export-second.db", NULL);
  g_autofree char *first_file = cw_test_tmp_path ("exported.json");
  g_autofree char *again_file = cw_test_tmp_path ("again.json");
  g_autofree char *first = NULL;
  g_autofree char *again = NULL;
  g_auto(CwTestRun) to_file = { 0 };
  g_auto(CwTestRun) to_stdout = { 0 };
  g_auto(CwTestRun) import = { 0 };
  g_auto(CwTestRun) export_again = { 0 };
  g_auto(CwTestRun) csv = { 0 };
  g_auto(CwTestRun) markdown = { 0 };

  cw_test_cli_run (&to_file, "runbook", "export", "--workspace", workspace, NAME, "--format",
                   "json", "--output", first_file);
  g_assert_cmpint (to_file.status, ==, 0);
  first = cw_test_read_file (first_file);
  g_assert_nonnull (strstr (first, "\"format\": \"changeward-runbook/1\""));
  g_assert_nonnull (strstr (first, "\"author\": \"" AUTHOR "\""));

  /* The standard output gets the same bytes. */
  cw_test_cli_run (&to_stdout, "runbook", "export", "--workspace", workspace, NAME, "--version",
                   "1", "--format", "json");
  g_assert_cmpint (to_stdout.status, ==, 0);
  g_assert_cmpstr (to_stdout.out, ==, first);

  /* A file written by export, imported and exported again, is the same
   * file byte for byte. */
  cw_test_cli_run (&import, "runbook", "import", "--workspace", second, first_file);
  g_assert_cmpint (import.status, ==, 0);
  cw_test_cli_run (&export_again, "runbook", "export", "--workspace", second, NAME, "--output",
                   again_file);
  g_assert_cmpint (export_again.status, ==, 0);
  again = cw_test_read_file (again_file);
  g_assert_cmpstr (again, ==, first);

  cw_test_cli_run (&csv, "runbook", "export", "--workspace", workspace, NAME, "--format", "csv");
  g_assert_cmpint (csv.status, ==, 0);
  g_assert_true (g_str_has_prefix (csv.out, "id,phase,stream,title,type,duration_min,"
                                            "predecessors,command,expected_exit,instructions"));
  g_assert_nonnull (strstr (csv.out, "\njoin,execution,,Step join,gate,5,"));
  g_assert_nonnull (strstr (csv.out, "a2;b2"));

  cw_test_cli_run (&markdown, "runbook", "export", "--workspace", workspace, NAME, "--format",
                   "markdown");
  g_assert_cmpint (markdown.status, ==, 0);
  g_assert_true (g_str_has_prefix (markdown.out, "# " NAME));
  g_assert_nonnull (strstr (markdown.out, "Step b2"));
}

static void
test_show (void)
{
  g_autofree char *workspace = workspace_with_small ("show");
  g_autoptr(GPtrArray) expected_ids = g_ptr_array_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *critical_line = NULL;
  g_autofree char *window_line = NULL;
  g_auto(CwTestRun) human = { 0 };
  g_auto(CwTestRun) json = { 0 };
  guint critical;
  guint validation;
  guint rollback;
  guint window;
  JsonObject *root;
  JsonArray *path;
  JsonArray *steps;

  critical = longest_path ("forward", expected_ids);
  validation = longest_path ("validation", NULL);
  rollback = longest_path ("rollback", NULL);
  window = critical + validation + rollback + SMALL_BUFFER;
  g_ptr_array_add (expected_ids, NULL);
  joined = g_strjoinv (" → ", (char **) expected_ids->pdata);
  g_ptr_array_remove_index (expected_ids, expected_ids->len - 1);

  cw_test_cli_run (&human, "runbook", "show", "--workspace", workspace, NAME);
  g_assert_cmpint (human.status, ==, 0);
  g_assert_nonnull (strstr (human.out, "Name: " NAME "\n"));
  g_assert_nonnull (strstr (human.out, "Version: 1 (draft)\n"));
  g_assert_nonnull (strstr (human.out, "Author: " AUTHOR "\n"));
  critical_line = g_strdup_printf ("Critical path: %s (%u min)\n", joined, critical);
  g_assert_nonnull (strstr (human.out, critical_line));
  window_line = g_strdup_printf ("Window needed: %u min (%u:%02u)\n", window, window / 60,
                                 window % 60);
  g_assert_nonnull (strstr (human.out, window_line));
  /* Steps in order, in columns: each row starts with its id. */
  g_assert_nonnull (strstr (human.out, "\nb1     execution"));
  g_assert_cmpuint ((guint) (strstr (human.out, "\nb1 ") - human.out), <,
                    (guint) (strstr (human.out, "\nb2 ") - human.out));

  cw_test_cli_run (&json, "runbook", "show", "--workspace", workspace, NAME, "--json");
  g_assert_cmpint (json.status, ==, 0);
  json_parser_load_from_data (parser, json.out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "name"), ==, NAME);
  g_assert_cmpint (json_object_get_int_member (root, "version"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (root, "state"), ==, "draft");
  g_assert_cmpstr (json_object_get_string_member (root, "author"), ==, AUTHOR);
  g_assert_true (json_object_get_null_member (root, "approver"));
  g_assert_cmpint (json_object_get_int_member (root, "critical_path_min"), ==, critical);
  g_assert_cmpint (json_object_get_int_member (root, "validation_min"), ==, validation);
  g_assert_cmpint (json_object_get_int_member (root, "rollback_min"), ==, rollback);
  g_assert_cmpint (json_object_get_int_member (root, "buffer_min"), ==, SMALL_BUFFER);
  g_assert_cmpint (json_object_get_int_member (root, "window_min"), ==, window);

  path = json_object_get_array_member (root, "critical_path");
  g_assert_cmpuint (json_array_get_length (path), ==, expected_ids->len);
  for (guint i = 0; i < expected_ids->len; i++)
    g_assert_cmpstr (json_array_get_string_element (path, i), ==,
                     g_ptr_array_index (expected_ids, i));

  /* The step objects of the JSON export. */
  steps = json_object_get_array_member (root, "steps");
  g_assert_cmpuint (json_array_get_length (steps), ==, G_N_ELEMENTS (small));
  for (guint i = 0; i < G_N_ELEMENTS (small); i++)
    {
      JsonObject *step = json_array_get_object_element (steps, i);

      g_assert_cmpstr (json_object_get_string_member (step, "id"), ==, small[i].id);
      g_assert_cmpint (json_object_get_int_member (step, "duration_min"), ==, small[i].duration);
    }
}

/* A draft with a cycle, as the editor may save one: show lists the steps and
 * the problems and fails. */
static void
test_show_cycle (void)
{
  g_autofree char *workspace = cw_test_make_workspace ("cycle.db", NULL);
  g_autoptr(CwStore) store = NULL;
  g_autoptr(CwRunbook) runbook = cw_runbook_new ("Loop");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char * const to_b[] = { "loop-b", NULL };
  const char * const to_a[] = { "loop-a", NULL };
  CwRunbookStep *step;
  g_auto(CwTestRun) human = { 0 };
  g_auto(CwTestRun) json = { 0 };
  JsonObject *root;

  step = cw_runbook_step_new ("loop-a", CW_PHASE_PREPARATION, CW_STEP_MANUAL, "First");
  step->predecessors = g_strdupv ((char **) to_b);
  g_ptr_array_add (runbook->steps, step);
  step = cw_runbook_step_new ("loop-b", CW_PHASE_PREPARATION, CW_STEP_MANUAL, "Second");
  step->predecessors = g_strdupv ((char **) to_a);
  g_ptr_array_add (runbook->steps, step);

  store = cw_store_open (workspace, CW_STORE_OPEN_NO_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (cw_runbooks_save_draft (store, runbook, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  cw_test_cli_run (&human, "runbook", "show", "--workspace", workspace, "Loop");
  g_assert_cmpint (human.status, ==, 1);
  g_assert_nonnull (strstr (human.out, "\nloop-a "));
  g_assert_nonnull (strstr (human.out, "\nloop-b "));
  g_assert_null (strstr (human.out, "Critical path:"));
  g_assert_nonnull (strstr (human.out, "1 problem:\n  - "));

  cw_test_cli_run (&json, "runbook", "show", "--workspace", workspace, "Loop", "--json");
  g_assert_cmpint (json.status, ==, 1);
  g_assert_true (json_parser_load_from_data (parser, json.out, -1, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_true (json_object_get_null_member (root, "critical_path"));
  g_assert_true (json_object_get_null_member (root, "window_min"));
  g_assert_false (json_object_get_boolean_member (root, "valid"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "problems")), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "steps")), ==, 2);
}

static void
test_approve (void)
{
  g_autofree char *workspace = workspace_with_small ("approve");
  g_autofree char *json = small_json (NAME);
  g_autofree char *file = cw_test_write_tmp_file ("small-again.json", json);
  g_auto(CwTestRun) self = { 0 };
  g_auto(CwTestRun) self_case = { 0 };
  g_auto(CwTestRun) other = { 0 };
  g_auto(CwTestRun) twice = { 0 };
  g_auto(CwTestRun) missing = { 0 };
  g_auto(CwTestRun) import = { 0 };
  g_auto(CwTestRun) show = { 0 };
  g_auto(CwTestRun) list = { 0 };

  cw_test_cli_run (&self, "runbook", "approve", "--workspace", workspace, NAME, "--version", "1",
                   "--as", AUTHOR);
  g_assert_cmpint (self.status, ==, 1);
  g_assert_true (g_str_has_prefix (self.err, "changeward-cli runbook approve: "));
  g_assert_nonnull (strstr (self.err, AUTHOR));
  g_assert_cmpint (cw_test_sql_int (workspace, "SELECT count(*) FROM runbook_versions "
                                               "WHERE state = 'approved'"), ==, 0);

  /* Names compare without case. */
  cw_test_cli_run (&self_case, "runbook", "approve", "--workspace", workspace, NAME, "--version",
                   "1", "--as", "Alice.Adams");
  g_assert_cmpint (self_case.status, ==, 1);

  cw_test_cli_run (&other, "runbook", "approve", "--workspace", workspace, NAME, "--version", "1",
                   "--as", "bob.brown");
  g_assert_cmpint (other.status, ==, 0);
  g_assert_cmpstr (other.out, ==, "Approved “" NAME "” version 1 as bob.brown.\n");
  g_assert_cmpint (cw_test_sql_int (workspace, "SELECT count(*) FROM runbook_versions "
                                               "WHERE state = 'approved' AND approver = 'bob.brown' "
                                               "AND approved_at > 0"), ==, 1);

  cw_test_cli_run (&twice, "runbook", "approve", "--workspace", workspace, NAME, "--version", "1",
                   "--as", "carol.chen");
  g_assert_cmpint (twice.status, ==, 1);
  g_assert_cmpstr (twice.err, !=, "");

  cw_test_cli_run (&missing, "runbook", "approve", "--workspace", workspace, NAME, "--version", "7",
                   "--as", "carol.chen");
  g_assert_cmpint (missing.status, ==, 1);
  /* There is no command to list versions: the message says which exist. */
  g_assert_cmpstr (missing.err, ==, "changeward-cli runbook approve: The runbook “" NAME "” "
                                    "has no version 7; its versions are 1.\n");

  /* A later import makes version 2, a draft; version 1 stays approved. */
  cw_test_cli_run (&import, "runbook", "import", "--workspace", workspace, file);
  g_assert_cmpint (import.status, ==, 0);
  g_assert_true (g_str_has_prefix (import.out, "Imported “" NAME "” as version 2 (draft)"));

  cw_test_cli_run (&show, "runbook", "show", "--workspace", workspace, NAME, "--version", "1");
  g_assert_cmpint (show.status, ==, 0);
  g_assert_nonnull (strstr (show.out, "Version: 1 (approved)\n"));
  g_assert_nonnull (strstr (show.out, "Approver: bob.brown\n"));

  cw_test_cli_run (&list, "runbook", "list", "--workspace", workspace);
  g_assert_cmpint (list.status, ==, 0);
  g_assert_true (g_str_has_prefix (list.out, "Name "));
  g_assert_nonnull (strstr (list.out, "\n" NAME "       2         1     13"));
}

/* A task list exported, edited in a spreadsheet and imported again under
 * the name in another case: the new version is the old one but for the
 * edit, and the messages use the name as the workspace has it. */
static void
test_task_list_again (void)
{
  g_autofree char *workspace = workspace_with_small ("task-list");
  g_autofree char *file = NULL;
  g_autofree char *edited = NULL;
  g_autoptr(GString) csv = NULL;
  g_auto(CwTestRun) exported = { 0 };
  g_auto(CwTestRun) import = { 0 };
  g_auto(CwTestRun) approve = { 0 };
  g_auto(CwTestRun) show = { 0 };
  g_auto(CwTestRun) again = { 0 };
  g_auto(CwTestRun) empty = { 0 };
  g_autofree char *empty_file = NULL;
  char *row;

  cw_test_cli_run (&exported, "runbook", "export", "--workspace", workspace, NAME, "--format",
                   "csv");
  g_assert_cmpint (exported.status, ==, 0);
  csv = g_string_new (exported.out);
  row = strstr (csv->str, "\r\nb1,execution,servers,Step b1,manual,30,");
  g_assert_nonnull (row);
  row[strlen ("\r\nb1,execution,servers,Step b1,manual,")] = '4';
  file = cw_test_write_tmp_file ("edited.csv", csv->str);

  cw_test_cli_run (&import, "runbook", "import", "--workspace", workspace, "--name", "SMALL CHANGE",
                   file);
  g_assert_cmpint (import.status, ==, 0);
  g_assert_true (g_str_has_prefix (import.out, "Imported “" NAME "” as version 2 (draft), 13 steps.\n"));
  g_assert_nonnull (strstr (import.out, "kept from version 1.\n"));

  /* The buffer the task list cannot hold is the one version 1 has. */
  cw_test_cli_run (&show, "runbook", "show", "--workspace", workspace, "small change", "--version",
                   "2");
  g_assert_cmpint (show.status, ==, 0);
  g_assert_nonnull (strstr (show.out, "Buffer: 15 min\n"));

  cw_test_cli_run (&approve, "runbook", "approve", "--workspace", workspace, "small change",
                   "--version", "2", "--as", "  bob.brown ");
  g_assert_cmpint (approve.status, ==, 0);
  g_assert_cmpstr (approve.out, ==, "Approved “" NAME "” version 2 as bob.brown.\n");

  /* Exported again, the same task list. */
  cw_test_cli_run (&again, "runbook", "export", "--workspace", workspace, NAME, "--format", "csv");
  g_assert_cmpint (again.status, ==, 0);
  edited = cw_test_read_file (file);
  g_assert_cmpstr (again.out, ==, edited);

  /* A header alone: nothing imported. */
  empty_file = cw_test_write_tmp_file ("empty.csv", CW_RUNBOOK_CSV_HEADER "\r\n");
  cw_test_cli_run (&empty, "runbook", "import", "--workspace", workspace, "--name", NAME,
                   empty_file);
  g_assert_cmpint (empty.status, ==, 1);
  g_assert_nonnull (strstr (empty.err, "empty.csv: line 1: the task list has no steps"));
  g_assert_cmpint (cw_test_sql_int (workspace, "SELECT count(*) FROM runbook_versions"), ==, 2);
}

/* A cycle and an unknown predecessor: both reported, nothing saved. */
static void
test_import_invalid (void)
{
  g_autofree char *workspace = cw_test_make_workspace ("invalid.db", NULL);
  g_autofree char *file = NULL;
  g_auto(CwTestRun) run = { 0 };
  g_auto(CwTestRun) list = { 0 };
  g_auto(GStrv) lines = NULL;
  guint n_errors = 0;
  gboolean cycle = FALSE;
  gboolean unknown = FALSE;
  const char *text =
    "{\"format\": \"changeward-runbook/1\", \"name\": \"Broken\", \"steps\": [\n"
    "  {\"id\": \"loop-a\", \"phase\": \"preparation\", \"title\": \"A\", "
    "\"type\": \"manual\", \"duration_min\": 5, \"predecessors\": [\"loop-b\"]},\n"
    "  {\"id\": \"loop-b\", \"phase\": \"preparation\", \"title\": \"B\", "
    "\"type\": \"manual\", \"duration_min\": 5, \"predecessors\": [\"loop-a\"]},\n"
    "  {\"id\": \"after\", \"phase\": \"pre-checks\", \"title\": \"C\", "
    "\"type\": \"manual\", \"duration_min\": 5, \"predecessors\": [\"ghost-step\"]}\n"
    "]}\n";

  file = cw_test_write_tmp_file ("broken.json", text);

  cw_test_cli_run (&run, "runbook", "import", "--workspace", workspace, file);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");

  lines = g_strsplit (run.err, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (!g_str_has_prefix (lines[i], file))
        continue;
      n_errors++;
      if (strstr (lines[i], "loop-a") != NULL && strstr (lines[i], "loop-b") != NULL)
        cycle = TRUE;
      if (strstr (lines[i], "ghost-step") != NULL)
        unknown = TRUE;
    }
  g_assert_cmpuint (n_errors, >=, 2);
  g_assert_true (cycle);
  g_assert_true (unknown);
  g_assert_nonnull (strstr (run.err, "Nothing was imported."));

  g_assert_cmpint (cw_test_sql_int (workspace, "SELECT count(*) FROM runbooks"), ==, 0);
  g_assert_cmpint (cw_test_sql_int (workspace, "SELECT count(*) FROM runbook_versions"), ==, 0);
  cw_test_cli_run (&list, "runbook", "list", "--workspace", workspace);
  g_assert_cmpint (list.status, ==, 0);
  g_assert_null (strstr (list.out, "Broken"));
}

static void
test_list (void)
{
  g_autofree char *workspace = workspace_with_small ("list");
  g_autofree char *json = small_json ("Firewall patch");
  g_autofree char *file = cw_test_write_tmp_file ("firewall.json", json);
  g_autofree char *empty = cw_test_make_workspace ("list-empty.db", NULL);
  g_auto(CwTestRun) import = { 0 };
  g_auto(CwTestRun) all = { 0 };
  g_auto(CwTestRun) search = { 0 };
  g_auto(CwTestRun) none = { 0 };
  g_auto(CwTestRun) nothing = { 0 };

  cw_test_cli_run (&import, "runbook", "import", "--workspace", workspace, file);
  g_assert_cmpint (import.status, ==, 0);

  cw_test_cli_run (&all, "runbook", "list", "--workspace", workspace);
  g_assert_cmpint (all.status, ==, 0);
  /* By name, unapproved ones with a dash. */
  g_assert_nonnull (strstr (all.out, "\nFirewall patch  "));
  g_assert_nonnull (strstr (all.out, "\n" NAME "    "));
  g_assert_cmpuint ((guint) (strstr (all.out, "Firewall") - all.out), <,
                    (guint) (strstr (all.out, NAME) - all.out));
  g_assert_nonnull (strstr (all.out, "—"));

  cw_test_cli_run (&search, "runbook", "list", "--workspace", workspace, "--search", "FIREWALL");
  g_assert_cmpint (search.status, ==, 0);
  g_assert_nonnull (strstr (search.out, "Firewall patch"));
  g_assert_null (strstr (search.out, NAME));

  cw_test_cli_run (&none, "runbook", "list", "--workspace", workspace, "--search", "zzz");
  g_assert_cmpint (none.status, ==, 0);
  g_assert_cmpstr (none.out, ==, "No runbook matches “zzz”.\n");

  cw_test_cli_run (&nothing, "runbook", "list", "--workspace", empty);
  g_assert_cmpint (nothing.status, ==, 0);
  g_assert_true (g_str_has_prefix (nothing.out, "There are no runbooks yet."));
}

static void
test_errors (void)
{
  g_autofree char *workspace = workspace_with_small ("errors");
  g_autofree char *missing_ws = cw_test_tmp_path ("nowhere.db");
  g_autofree char *json = small_json (NAME);
  g_autofree char *file = cw_test_write_tmp_file ("plain.json", json);
  g_autofree char *no_ext = cw_test_write_tmp_file ("noextension", json);
  g_autofree char *bad_output = cw_test_tmp_path ("no-such-dir/out.json");
  static const struct {
    int         status;
    const char *args[10];
  } cases[] = {
    { 2, { "runbook", NULL } },
    { 2, { "runbook", "frobnicate", NULL } },
    { 2, { "runbook", "import", "--workspace", "WS", NULL } },
    { 2, { "runbook", "import", "--workspace", "WS", "--format", "markdown", "FILE", NULL } },
    { 2, { "runbook", "import", "--workspace", "WS", "--format", "xml", "FILE", NULL } },
    { 2, { "runbook", "import", "--workspace", "WS", "NOEXT", NULL } },
    { 2, { "runbook", "export", "--workspace", "WS", NAME, NULL } },
    { 2, { "runbook", "export", "--workspace", "WS", NAME, "--format", "json", "--version", "x",
           NULL } },
    { 2, { "runbook", "show", "--workspace", "WS", NULL } },
    { 2, { "runbook", "show", "--workspace", "WS", NAME, "extra", NULL } },
    { 2, { "runbook", "approve", "--workspace", "WS", NAME, "--as", "bob", NULL } },
    { 2, { "runbook", "approve", "--workspace", "WS", NAME, "--version", "1", NULL } },
    { 2, { "runbook", "approve", "--workspace", "WS", NAME, "--version", "0", "--as", "bob",
           NULL } },
    { 1, { "runbook", "show", "--workspace", "WS", "No such runbook", NULL } },
    { 1, { "runbook", "show", "--workspace", "WS", NAME, "--version", "9", NULL } },
    { 1, { "runbook", "export", "--workspace", "WS", NAME, "--format", "json", "--output", "BAD",
           NULL } },
    { 1, { "runbook", "list", "--workspace", "MISSING", NULL } },
    { 1, { "runbook", "import", "--workspace", "MISSING", "FILE", NULL } },
    { 1, { "runbook", "import", "--workspace", "WS", "FILE.gone.json", NULL } },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
      g_auto(CwTestRun) run = { 0 };

      for (guint i = 0; cases[c].args[i] != NULL; i++)
        {
          const char *arg = cases[c].args[i];

          if (g_str_equal (arg, "WS"))
            g_ptr_array_add (args, g_strdup (workspace));
          else if (g_str_equal (arg, "MISSING"))
            g_ptr_array_add (args, g_strdup (missing_ws));
          else if (g_str_equal (arg, "FILE"))
            g_ptr_array_add (args, g_strdup (file));
          else if (g_str_equal (arg, "FILE.gone.json"))
            g_ptr_array_add (args, g_strconcat (file, ".gone.json", NULL));
          else if (g_str_equal (arg, "NOEXT"))
            g_ptr_array_add (args, g_strdup (no_ext));
          else if (g_str_equal (arg, "BAD"))
            g_ptr_array_add (args, g_strdup (bad_output));
          else
            g_ptr_array_add (args, g_strdup (arg));
        }
      g_ptr_array_add (args, NULL);

      cw_test_cli_run_v (&run, NULL, (const char * const *) args->pdata);
      g_assert_cmpint (run.status, ==, cases[c].status);
      g_assert_cmpstr (run.err, !=, "");
    }

  /* Nothing was created or changed by the failures. */
  g_assert_false (g_file_test (missing_ws, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (bad_output, G_FILE_TEST_EXISTS));
  g_assert_cmpint (cw_test_sql_int (workspace, "SELECT count(*) FROM runbook_versions"), ==, 1);
}

static void
test_help (void)
{
  g_auto(CwTestRun) show = { 0 };

  cw_test_cli_assert_help ("runbook", (const char * const[]) { "list", "show", "import",
                                                               "export", "approve", NULL });

  cw_test_cli_run (&show, "runbook", "show", "--help");
  g_assert_cmpint (show.status, ==, 0);
  g_assert_nonnull (strstr (show.out, "--json"));
  g_assert_nonnull (strstr (show.out, "--version"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/cli-runbook/import-json", test_import_json);
  g_test_add_func ("/core/cli-runbook/import-csv", test_import_csv);
  g_test_add_func ("/core/cli-runbook/export", test_export);
  g_test_add_func ("/core/cli-runbook/show", test_show);
  g_test_add_func ("/core/cli-runbook/show-cycle", test_show_cycle);
  g_test_add_func ("/core/cli-runbook/approve", test_approve);
  g_test_add_func ("/core/cli-runbook/import-invalid", test_import_invalid);
  g_test_add_func ("/core/cli-runbook/task-list-again", test_task_list_again);
  g_test_add_func ("/core/cli-runbook/demo/timing", test_demo_timing);
  g_test_add_func ("/core/cli-runbook/demo/critical-paths", test_demo_critical_paths);
  g_test_add_func ("/core/cli-runbook/demo/commands", test_demo_commands);
  g_test_add_func ("/core/cli-runbook/list", test_list);
  g_test_add_func ("/core/cli-runbook/errors", test_errors);
  g_test_add_func ("/core/cli-runbook/help", test_help);

  return cw_test_run_and_clean ();
}
