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

static void
test_export_import_search (void)
{
  g_autofree char *source = cw_test_cli_demo ("source.db", "300");
  g_autofree char *target = cw_test_cli_demo ("target.db", "0");
  g_autofree char *csv = cw_test_tmp_path ("export.csv");
  g_autofree char *from_file = NULL;
  g_autofree char *summary = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(CwTestRun) export = { 0 };
  g_auto(CwTestRun) to_stdout = { 0 };
  g_auto(CwTestRun) import = { 0 };
  g_auto(CwTestRun) again = { 0 };
  g_auto(CwTestRun) search = { 0 };
  g_auto(CwTestRun) json = { 0 };
  g_auto(CwTestRun) none = { 0 };
  g_auto(CwTestRun) filtered = { 0 };
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) records = NULL;
  JsonArray *array;
  JsonObject *first;
  guint n_fra1;

  cw_test_cli_run (&export, "inventory", "export", "--workspace", source, "--output", csv);
  g_assert_cmpint (export.status, ==, 0);
  g_assert_nonnull (strstr (export.out, "Exported 300 configuration items"));
  g_file_get_contents (csv, &from_file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (from_file, HEADER));

  /* The same bytes on the standard output. */
  cw_test_cli_run (&to_stdout, "inventory", "export", "--workspace", source);
  g_assert_cmpint (to_stdout.status, ==, 0);
  g_assert_cmpstr (to_stdout.out, ==, from_file);

  cw_test_cli_run (&import, "inventory", "import", "--workspace", target, csv);
  g_assert_cmpint (import.status, ==, 0);
  summary = g_strdup_printf ("Imported 300 lines from %s (native layout): 300 new, 0 updated, "
                             "0 unchanged, 0 version changes.\n", csv);
  g_assert_cmpstr (import.out, ==, summary);
  g_assert_cmpint (cw_test_sql_int (target, "SELECT count(*) FROM cis"), ==, 300);

  /* Again: nothing new. */
  cw_test_cli_run (&again, "inventory", "import", "--workspace", target, "--layout", "native",
                   "--encoding", "utf-8", csv);
  g_assert_cmpint (again.status, ==, 0);
  g_assert_nonnull (strstr (again.out, "0 new, 0 updated, 300 unchanged"));
  g_assert_cmpint (cw_test_sql_int (target, "SELECT count(*) FROM cis"), ==, 300);

  /* Search: one line per CI, at most --limit. */
  cw_test_cli_run (&search, "inventory", "search", "--workspace", target, "--limit", "3", "fra1");
  g_assert_cmpint (search.status, ==, 0);
  lines = g_strsplit (search.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines) - 1, ==, 3);
  g_assert_true (g_str_has_prefix (search.out, "fra1-"));
  g_assert_nonnull (strstr (search.out, "FRA1"));

  cw_test_cli_run (&json, "inventory", "search", "--workspace", target, "--json", "--limit", "1000",
                   "fra1");
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

  cw_test_cli_run (&none, "inventory", "search", "--workspace", target, "--json", "zzzznothing");
  g_assert_cmpint (none.status, ==, 0);
  json_parser_load_from_data (parser, none.out, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (json_array_get_length (json_node_get_array (json_parser_get_root (parser))),
                   ==, 0);

  /* Export follows the search. */
  cw_test_cli_run (&filtered, "inventory", "export", "--workspace", target, "--search", "fra1");
  g_assert_cmpint (filtered.status, ==, 0);
  g_assert_true (g_str_has_prefix (filtered.out, HEADER));
  records = g_strsplit (filtered.out, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (records) - 2, ==, n_fra1);
}

static void
test_bad_lines (void)
{
  g_autofree char *workspace = cw_test_cli_demo ("bad.db", "0");
  g_autofree char *csv = cw_test_write_tmp_file ("bad.csv",
                                                 HEADER
                                                 "server,web-01,Dell,R650,S1,,FRA1,,,,,,,\r\n"
                                                 "toaster,web-02,Dell,R650,S2,,FRA1,,,,,,,\r\n"
                                                 "server,web-03,Dell,R650,S3,,FRA1,,,,,,,\r\n");
  g_autofree char *rejects = cw_test_tmp_path ("rejects.csv");
  g_autofree char *expected = NULL;
  g_autofree char *rejects_text = NULL;
  g_auto(CwTestRun) strict = { 0 };
  g_auto(CwTestRun) skipping = { 0 };

  cw_test_cli_run (&strict, "inventory", "import", "--workspace", workspace, csv);
  g_assert_cmpint (strict.status, ==, 1);
  expected = g_strdup_printf ("%s:3: Unknown class “toaster”.\n", csv);
  g_assert_true (g_str_has_prefix (strict.err, expected));
  g_assert_nonnull (strstr (strict.err, "Nothing was imported"));
  g_assert_cmpstr (strict.out, ==, "");
  g_assert_cmpint (cw_test_sql_int (workspace, "SELECT count(*) FROM cis"), ==, 0);

  cw_test_cli_run (&skipping, "inventory", "import", "--workspace", workspace, "--skip-invalid",
                   rejects, csv);
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
  g_autofree char *workspace = cw_test_cli_demo ("many.db", "0");
  g_autoptr(GString) text = g_string_new (HEADER);
  g_autofree char *csv = NULL;
  g_auto(CwTestRun) run = { 0 };

  for (guint i = 0; i < 25; i++)
    g_string_append_printf (text, "kettle,k-%02u,,,,,,,,,,,,\r\n", i);
  csv = cw_test_write_tmp_file ("many.csv", text->str);

  cw_test_cli_run (&run, "inventory", "import", "--workspace", workspace, csv);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, ":21: Unknown class “kettle”."));
  g_assert_null (strstr (run.err, ":22: "));
  g_assert_nonnull (strstr (run.err, "… and 5 more"));
  g_assert_nonnull (strstr (run.err, "25 bad lines"));
}

static void
test_refusals (void)
{
  g_autofree char *workspace = cw_test_cli_demo ("refusals.db", "10");
  g_autofree char *missing = cw_test_tmp_path ("missing.db");
  g_autofree char *odd = cw_test_write_tmp_file ("odd.csv", "colour,size\r\nred,big\r\n");
  g_autofree char *quote = cw_test_write_tmp_file ("quote.csv", HEADER "server,\"web\r\n");
  g_autofree char *good = cw_test_write_tmp_file ("good.csv",
                                                  HEADER "server,web-01,,,,,,,,,,,,\r\n");
  g_autofree char *before = cw_test_file_checksum (workspace);
  g_autofree char *after = NULL;
  g_auto(CwTestRun) unknown = { 0 };
  g_auto(CwTestRun) unterminated = { 0 };
  g_auto(CwTestRun) no_workspace = { 0 };
  g_auto(CwTestRun) no_file = { 0 };
  g_auto(CwTestRun) export_missing = { 0 };

  cw_test_cli_run (&unknown, "inventory", "import", "--workspace", workspace, odd);
  g_assert_cmpint (unknown.status, ==, 1);
  g_assert_nonnull (strstr (unknown.err, "matches none of the known layouts"));
  g_assert_nonnull (strstr (unknown.err, "class, name"));
  g_assert_nonnull (strstr (unknown.err, "firmware_version"));
  g_assert_nonnull (strstr (unknown.err, "ServiceNow"));

  cw_test_cli_run (&unterminated, "inventory", "import", "--workspace", workspace, quote);
  g_assert_cmpint (unterminated.status, ==, 1);
  g_assert_nonnull (strstr (unterminated.err, "never closed"));
  g_assert_nonnull (strstr (unterminated.err, "Nothing was imported"));

  cw_test_cli_run (&no_workspace, "inventory", "import", "--workspace", missing, good);
  g_assert_cmpint (no_workspace.status, ==, 1);
  g_assert_nonnull (strstr (no_workspace.err, "There is no workspace"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  cw_test_cli_run (&no_file, "inventory", "import", "--workspace", workspace,
                   "/nonexistent/in.csv");
  g_assert_cmpint (no_file.status, ==, 1);

  cw_test_cli_run (&export_missing, "inventory", "export", "--workspace", missing);
  g_assert_cmpint (export_missing.status, ==, 1);
  g_assert_nonnull (strstr (export_missing.err, "Create one first"));
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
      g_auto(CwTestRun) run = { 0 };

      cw_test_cli_run_v (&run, NULL, cases[i]);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.err, !=, "");
    }
}

static void
test_help (void)
{
  cw_test_cli_assert_help ("inventory", (const char * const[]) { "import", "export", "search",
                                                                 NULL });
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
  g_autofree char *workspace = cw_test_cli_demo ("interrupt.db", "5");
  g_autofree char *csv = cw_test_tmp_path ("big.csv");
  g_autoptr(GString) text = g_string_new (HEADER);
  g_autoptr(GSubprocess) process = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(CwTestRun) run = { 0 };
  gboolean waited = FALSE;

  for (guint i = 0; i < 300000; i++)
    g_string_append_printf (text, "switch,sw-%07u,Aruba,CX 6300,AR%08u,,AMS,,10.13,,,,,\r\n",
                            i, i);
  cw_test_write_bytes (csv, text->str, text->len);
  before = cw_test_file_checksum (workspace);

  process = cw_test_cli_spawn (NULL, (const char * const[]) { "inventory", "import",
                                                              "--workspace", workspace, csv,
                                                              NULL });
  g_timeout_add (400, on_timeout_cb, &waited);
  while (!waited)
    g_main_context_iteration (NULL, TRUE);
  g_subprocess_send_signal (process, SIGINT);
  cw_test_cli_finish (process, &run);

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
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/cli-inventory/export-import-search", test_export_import_search);
  g_test_add_func ("/core/cli-inventory/bad-lines", test_bad_lines);
  g_test_add_func ("/core/cli-inventory/many-bad-lines", test_many_bad_lines);
  g_test_add_func ("/core/cli-inventory/refusals", test_refusals);
  g_test_add_func ("/core/cli-inventory/usage-errors", test_usage_errors);
  g_test_add_func ("/core/cli-inventory/help", test_help);
  g_test_add_func ("/core/cli-inventory/interrupt", test_interrupt);

  return cw_test_run_and_clean ();
}
