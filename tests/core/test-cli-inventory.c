/* test-cli-inventory.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-cli-inventory"

#include "config.h"

#include <json-glib/json-glib.h>
#include <signal.h>
#include <string.h>

#include "cw-test-fixture.h"

/* `changeward-cli inventory import|export|search` through the real binary. */

#define HEADER "class,name,manufacturer,model,serial,asset_tag,site,ip_address,firmware_version," \
               "os_version,lifecycle_status,operational_status,sys_id,notes\r\n"

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static char *tmpdir;

static GSubprocess *
spawn (const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GError) error = NULL;
  GSubprocess *process;

  g_ptr_array_add (argv, (gpointer) g_getenv ("CHANGEWARD_CLI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_unsetenv (launcher, "CHANGEWARD_WORKSPACE");
  g_subprocess_launcher_unsetenv (launcher, "G_MESSAGES_DEBUG");
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  return process;
}

static void
finish (GSubprocess *process,
        Run         *run)
{
  g_autoptr(GError) error = NULL;

  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
  g_test_message ("exit %d\nstdout: %s\nstderr: %s", run->status, run->out, run->err);
}

#define run_cli(run, ...) run_cli_v (run, (const char * const[]) { __VA_ARGS__, NULL })

static void
run_cli_v (Run                *run,
           const char * const *args)
{
  g_autoptr(GSubprocess) process = spawn (args);

  finish (process, run);
}

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmpdir, name, NULL);
}

static char *
write_file (const char *name,
            const char *text)
{
  char *path = tmp_path (name);

  cw_test_write_bytes (path, text, strlen (text));
  return path;
}

static char *
make_workspace (const char *name,
                const char *n_cis)
{
  g_auto(Run) run = { 0 };
  char *path = tmp_path (name);

  run_cli (&run, "demo", "--workspace", path, "--cis", n_cis);
  g_assert_cmpint (run.status, ==, 0);
  return path;
}

static void
test_export_import_search (void)
{
  g_autofree char *source = make_workspace ("source.db", "300");
  g_autofree char *target = make_workspace ("target.db", "0");
  g_autofree char *csv = tmp_path ("export.csv");
  g_autofree char *from_file = NULL;
  g_autofree char *summary = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(Run) export = { 0 };
  g_auto(Run) to_stdout = { 0 };
  g_auto(Run) import = { 0 };
  g_auto(Run) again = { 0 };
  g_auto(Run) search = { 0 };
  g_auto(Run) json = { 0 };
  g_auto(Run) none = { 0 };
  g_auto(Run) filtered = { 0 };
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) records = NULL;
  JsonArray *array;
  JsonObject *first;
  guint n_fra1;

  run_cli (&export, "inventory", "export", "--workspace", source, "--output", csv);
  g_assert_cmpint (export.status, ==, 0);
  g_assert_nonnull (strstr (export.out, "Exported 300 configuration items"));
  g_file_get_contents (csv, &from_file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (from_file, HEADER));

  /* The same bytes on the standard output. */
  run_cli (&to_stdout, "inventory", "export", "--workspace", source);
  g_assert_cmpint (to_stdout.status, ==, 0);
  g_assert_cmpstr (to_stdout.out, ==, from_file);

  run_cli (&import, "inventory", "import", "--workspace", target, csv);
  g_assert_cmpint (import.status, ==, 0);
  summary = g_strdup_printf ("Imported 300 lines from %s (native layout): 300 new, 0 updated, "
                             "0 unchanged, 0 version changes.\n", csv);
  g_assert_cmpstr (import.out, ==, summary);
  g_assert_cmpint (cw_test_sql_int (target, "SELECT count(*) FROM cis"), ==, 300);

  /* Again: nothing new. */
  run_cli (&again, "inventory", "import", "--workspace", target, "--layout", "native",
           "--encoding", "utf-8", csv);
  g_assert_cmpint (again.status, ==, 0);
  g_assert_nonnull (strstr (again.out, "0 new, 0 updated, 300 unchanged"));
  g_assert_cmpint (cw_test_sql_int (target, "SELECT count(*) FROM cis"), ==, 300);

  /* Search: one line per CI, at most --limit. */
  run_cli (&search, "inventory", "search", "--workspace", target, "--limit", "3", "fra1");
  g_assert_cmpint (search.status, ==, 0);
  lines = g_strsplit (search.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines) - 1, ==, 3);
  g_assert_true (g_str_has_prefix (search.out, "fra1-"));
  g_assert_nonnull (strstr (search.out, "FRA1"));

  run_cli (&json, "inventory", "search", "--workspace", target, "--json", "--limit", "1000", "fra1");
  g_assert_cmpint (json.status, ==, 0);
  json_parser_load_from_data (parser, json.out, -1, &error);
  g_assert_no_error (error);
  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpint (json_array_get_length (array), ==,
                   cw_test_sql_int (target, "SELECT count(*) FROM cis c JOIN sites s "
                                            "ON s.id = c.site_id WHERE s.code = 'FRA1'"));
  first = json_array_get_object_element (array, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "site"), ==, "FRA1");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (first, "name"), "fra1-"));
  g_assert_true (json_object_has_member (first, "firmware_version"));
  g_assert_true (json_object_has_member (first, "operational_status"));
  g_assert_true (json_object_get_null_member (first, "sys_id"));
  n_fra1 = json_array_get_length (array);

  run_cli (&none, "inventory", "search", "--workspace", target, "--json", "zzzznothing");
  g_assert_cmpint (none.status, ==, 0);
  json_parser_load_from_data (parser, none.out, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (json_array_get_length (json_node_get_array (json_parser_get_root (parser))),
                   ==, 0);

  /* Export follows the search. */
  run_cli (&filtered, "inventory", "export", "--workspace", target, "--search", "fra1");
  g_assert_cmpint (filtered.status, ==, 0);
  g_assert_true (g_str_has_prefix (filtered.out, HEADER));
  records = g_strsplit (filtered.out, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (records) - 2, ==, n_fra1);
}

static void
test_bad_lines (void)
{
  g_autofree char *workspace = make_workspace ("bad.db", "0");
  g_autofree char *csv = write_file ("bad.csv",
                                     HEADER
                                     "server,web-01,Dell,R650,S1,,FRA1,,,,,,,\r\n"
                                     "toaster,web-02,Dell,R650,S2,,FRA1,,,,,,,\r\n"
                                     "server,web-03,Dell,R650,S3,,FRA1,,,,,,,\r\n");
  g_autofree char *rejects = tmp_path ("rejects.csv");
  g_autofree char *expected = NULL;
  g_autofree char *rejects_text = NULL;
  g_auto(Run) strict = { 0 };
  g_auto(Run) skipping = { 0 };

  run_cli (&strict, "inventory", "import", "--workspace", workspace, csv);
  g_assert_cmpint (strict.status, ==, 1);
  expected = g_strdup_printf ("%s:3: Unknown class “toaster”.\n", csv);
  g_assert_true (g_str_has_prefix (strict.err, expected));
  g_assert_nonnull (strstr (strict.err, "Nothing was imported"));
  g_assert_cmpstr (strict.out, ==, "");
  g_assert_cmpint (cw_test_sql_int (workspace, "SELECT count(*) FROM cis"), ==, 0);

  run_cli (&skipping, "inventory", "import", "--workspace", workspace, "--skip-invalid", rejects,
           csv);
  g_assert_cmpint (skipping.status, ==, 0);
  g_assert_nonnull (strstr (skipping.out, "2 new"));
  g_assert_nonnull (strstr (skipping.out, "1 bad line was skipped"));
  g_assert_cmpint (cw_test_sql_int (workspace, "SELECT count(*) FROM cis"), ==, 2);
  g_file_get_contents (rejects, &rejects_text, NULL, NULL);
  g_assert_cmpstr (rejects_text, ==,
                   "line,reason," HEADER
                   "3,Unknown class “toaster”.,toaster,web-02,Dell,R650,S2,,FRA1,,,,,,,\r\n");
}

static void
test_many_bad_lines (void)
{
  g_autofree char *workspace = make_workspace ("many.db", "0");
  g_autoptr(GString) text = g_string_new (HEADER);
  g_autofree char *csv = NULL;
  g_auto(Run) run = { 0 };

  for (guint i = 0; i < 25; i++)
    g_string_append_printf (text, "kettle,k-%02u,,,,,,,,,,,,\r\n", i);
  csv = write_file ("many.csv", text->str);

  run_cli (&run, "inventory", "import", "--workspace", workspace, csv);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, ":21: Unknown class “kettle”."));
  g_assert_null (strstr (run.err, ":22: "));
  g_assert_nonnull (strstr (run.err, "… and 5 more"));
  g_assert_nonnull (strstr (run.err, "25 bad lines"));
}

static void
test_refusals (void)
{
  g_autofree char *workspace = make_workspace ("refusals.db", "10");
  g_autofree char *missing = tmp_path ("missing.db");
  g_autofree char *odd = write_file ("odd.csv", "colour,size\r\nred,big\r\n");
  g_autofree char *quote = write_file ("quote.csv", HEADER "server,\"web\r\n");
  g_autofree char *good = write_file ("good.csv", HEADER "server,web-01,,,,,,,,,,,,\r\n");
  g_autofree char *before = cw_test_file_checksum (workspace);
  g_autofree char *after = NULL;
  g_auto(Run) unknown = { 0 };
  g_auto(Run) unterminated = { 0 };
  g_auto(Run) no_workspace = { 0 };
  g_auto(Run) no_file = { 0 };
  g_auto(Run) export_missing = { 0 };

  run_cli (&unknown, "inventory", "import", "--workspace", workspace, odd);
  g_assert_cmpint (unknown.status, ==, 1);
  g_assert_nonnull (strstr (unknown.err, "matches none of the known layouts"));
  g_assert_nonnull (strstr (unknown.err, "class, name"));
  g_assert_nonnull (strstr (unknown.err, "firmware_version"));
  g_assert_nonnull (strstr (unknown.err, "ServiceNow"));

  run_cli (&unterminated, "inventory", "import", "--workspace", workspace, quote);
  g_assert_cmpint (unterminated.status, ==, 1);
  g_assert_nonnull (strstr (unterminated.err, "never closed"));
  g_assert_nonnull (strstr (unterminated.err, "Nothing was imported"));

  run_cli (&no_workspace, "inventory", "import", "--workspace", missing, good);
  g_assert_cmpint (no_workspace.status, ==, 1);
  g_assert_nonnull (strstr (no_workspace.err, "There is no workspace"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  run_cli (&no_file, "inventory", "import", "--workspace", workspace, "/nonexistent/in.csv");
  g_assert_cmpint (no_file.status, ==, 1);

  run_cli (&export_missing, "inventory", "export", "--workspace", missing);
  g_assert_cmpint (export_missing.status, ==, 1);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  after = cw_test_file_checksum (workspace);
  g_assert_cmpstr (before, ==, after);
}

static void
test_usage_errors (void)
{
  static const char *cases[][6] = {
    { "inventory", NULL },
    { "inventory", "frobnicate", NULL },
    { "inventory", "import", NULL },
    { "inventory", "import", "a.csv", "b.csv", NULL },
    { "inventory", "import", "--layout", "xml", "a.csv", NULL },
    { "inventory", "import", "--encoding", "latin9", "a.csv", NULL },
    { "inventory", "import", "--no-such-option", "a.csv", NULL },
    { "inventory", "export", "extra", NULL },
    { "inventory", "search", NULL },
    { "inventory", "search", "--limit", "many", "x", NULL },
    { "inventory", "search", "--limit", "-1", "x", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };

      run_cli_v (&run, cases[i]);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.err, !=, "");
    }
}

static void
test_help (void)
{
  static const char *commands[] = { "import", "export", "search" };
  g_auto(Run) top = { 0 };
  g_auto(Run) inventory = { 0 };

  run_cli (&top, "--help");
  g_assert_nonnull (strstr (top.out, "inventory"));

  run_cli (&inventory, "inventory", "--help");
  g_assert_cmpint (inventory.status, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(Run) run = { 0 };
      g_autofree char *usage = g_strdup_printf ("changeward-cli inventory %s", commands[i]);

      g_assert_nonnull (strstr (inventory.out, commands[i]));
      run_cli (&run, "inventory", commands[i], "--help");
      g_assert_cmpint (run.status, ==, 0);
      g_assert_nonnull (strstr (run.out, usage));
      g_assert_nonnull (strstr (run.out, "--workspace"));
    }
}

static gboolean
on_timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Ctrl+C during an import: cancelled, nothing imported. */
static void
test_interrupt (void)
{
  g_autofree char *workspace = make_workspace ("interrupt.db", "5");
  g_autofree char *csv = tmp_path ("big.csv");
  g_autoptr(GString) text = g_string_new (HEADER);
  g_autoptr(GSubprocess) process = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(Run) run = { 0 };
  gboolean waited = FALSE;

  for (guint i = 0; i < 300000; i++)
    g_string_append_printf (text, "switch,sw-%07u,Aruba,CX 6300,AR%08u,,AMS,,10.13,,,,,\r\n",
                            i, i);
  cw_test_write_bytes (csv, text->str, text->len);
  before = cw_test_file_checksum (workspace);

  process = spawn ((const char * const[]) { "inventory", "import", "--workspace", workspace, csv,
                                            NULL });
  g_timeout_add (400, on_timeout_cb, &waited);
  while (!waited)
    g_main_context_iteration (NULL, TRUE);
  g_subprocess_send_signal (process, SIGINT);
  finish (process, &run);

  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "cancelled"));
  g_assert_nonnull (strstr (run.err, "Nothing was imported"));
  g_assert_cmpint (cw_test_sql_int (workspace, "SELECT count(*) FROM cis"), ==, 5);
  after = cw_test_file_checksum (workspace);
  g_assert_cmpstr (before, ==, after);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  g_assert_nonnull (g_getenv ("CHANGEWARD_CLI"));
  tmpdir = cw_test_make_tmpdir ();

  g_test_add_func ("/core/cli-inventory/export-import-search", test_export_import_search);
  g_test_add_func ("/core/cli-inventory/bad-lines", test_bad_lines);
  g_test_add_func ("/core/cli-inventory/many-bad-lines", test_many_bad_lines);
  g_test_add_func ("/core/cli-inventory/refusals", test_refusals);
  g_test_add_func ("/core/cli-inventory/usage-errors", test_usage_errors);
  g_test_add_func ("/core/cli-inventory/help", test_help);
  g_test_add_func ("/core/cli-inventory/interrupt", test_interrupt);

  status = g_test_run ();
  cw_test_remove_tree (tmpdir);
  g_free (tmpdir);
  return status;
}
