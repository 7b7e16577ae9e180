/* test-cli.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-cli"

#include "config.h"

#include <json-glib/json-glib.h>

#include "cw-test-fixture.h"

/* Runs the real changeward-cli binary and checks exit codes and output. */

static void
test_version (void)
{
  g_auto(CwTestRun) run = { 0 };

  cw_test_cli_run (&run, "--version");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "changeward-cli " PACKAGE_VERSION "\n"));
}

static void
test_usage_errors (void)
{
  static const char *cases[][4] = {
    { NULL },
    { "frobnicate", NULL },
    { "demo", "--no-such-option", NULL },
    { "demo", "--seed", "abc", NULL },
    { "demo", "--cis", "-3", NULL },
    { "demo", "--cis", "99999999", NULL },
    { "info", "extra-argument", NULL },
    { "check", "--workspace", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(CwTestRun) run = { 0 };

      cw_test_cli_run_v (&run, NULL, cases[i]);
      g_test_message ("case %u: %s", i, run.err);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.err, !=, "");
    }
}

static void
test_help (void)
{
  static const char *commands[] = { "demo", "info", "check" };
  g_auto(CwTestRun) top = { 0 };

  cw_test_cli_run (&top, "--help");
  g_assert_cmpint (top.status, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(CwTestRun) run = { 0 };
      g_autofree char *usage = g_strdup_printf ("changeward-cli %s", commands[i]);

      g_assert_nonnull (strstr (top.out, commands[i]));
      cw_test_cli_run (&run, commands[i], "--help");
      g_assert_cmpint (run.status, ==, 0);
      g_assert_nonnull (strstr (run.out, usage));
      g_assert_nonnull (strstr (run.out, "--workspace"));
    }
}

static void
test_demo_info_check (void)
{
  g_autofree char *path = cw_test_tmp_path ("demo.db");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(CwTestRun) demo = { 0 };
  g_auto(CwTestRun) again = { 0 };
  g_auto(CwTestRun) info = { 0 };
  g_auto(CwTestRun) text = { 0 };
  g_auto(CwTestRun) check = { 0 };
  g_auto(CwTestRun) from_env = { 0 };
  JsonObject *root, *tables;

  cw_test_cli_run (&demo, "demo", "--workspace", path, "--seed", "11", "--cis", "1234");
  g_assert_cmpint (demo.status, ==, 0);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  /* An existing file is never replaced. */
  cw_test_cli_run (&again, "demo", "--workspace", path);
  g_assert_cmpint (again.status, ==, 1);
  g_assert_nonnull (strstr (again.err, "already exists"));

  cw_test_cli_run (&info, "info", "--workspace", path, "--json");
  g_assert_cmpint (info.status, ==, 0);
  json_parser_load_from_data (parser, info.out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  tables = json_object_get_object_member (root, "tables");
  g_assert_cmpint (json_object_get_int_member (root, "schema_version"), >=, 1);
  g_assert_cmpint (json_object_get_int_member (root, "schema_version"), ==,
                   json_object_get_int_member (root, "latest_schema_version"));
  g_assert_cmpstr (json_object_get_string_member (root, "workspace"), ==, path);
  g_assert_cmpint (json_object_get_int_member (tables, "cis"), ==, 1234);
  g_assert_cmpint (json_object_get_int_member (tables, "sites"), ==, 8);
  g_assert_cmpint (json_object_get_int_member (tables, "users"), >, 0);

  cw_test_cli_run (&text, "info", "--workspace", path);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "Schema version"));
  g_assert_nonnull (strstr (text.out, "1234"));

  cw_test_cli_run (&check, "check", "--workspace", path);
  g_assert_cmpint (check.status, ==, 0);
  g_assert_nonnull (strstr (check.out, "integrity ok"));

  /* CHANGEWARD_WORKSPACE stands in for --workspace. */
  cw_test_cli_run_env (&from_env, path, "info");
  g_assert_cmpint (from_env.status, ==, 0);
  g_assert_nonnull (strstr (from_env.out, path));
}

static void
test_check_finds_problems (void)
{
  g_autofree char *path = cw_test_tmp_path ("broken.db");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(CwTestRun) demo = { 0 };
  g_auto(CwTestRun) check = { 0 };

  cw_test_cli_run (&demo, "demo", "--workspace", path, "--cis", "50");
  g_assert_cmpint (demo.status, ==, 0);
  cw_test_sql (path, "PRAGMA foreign_keys = OFF; UPDATE cis SET site_id = 4242 WHERE id <= 3;");
  before = cw_test_file_checksum (path);

  cw_test_cli_run (&check, "check", "--workspace", path);
  g_assert_cmpint (check.status, ==, 1);
  g_assert_nonnull (strstr (check.err, "foreign keys: cis row 1"));
  g_assert_nonnull (strstr (check.err, "3 problems found"));

  /* check is read-only. */
  after = cw_test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_refusals (void)
{
  g_autofree char *random = cw_test_tmp_path ("random.bin");
  g_autofree char *empty = cw_test_tmp_path ("empty.db");
  g_autofree char *newer = cw_test_tmp_path ("newer.db");
  g_autofree char *missing = cw_test_tmp_path ("missing.db");
  g_auto(CwTestRun) demo = { 0 };
  struct {
    const char *path;
    const char *message;
  } cases[] = {
    { random, "not an SQLite database" },
    { empty, "empty file" },
    { newer, "newer version" },
    { missing, "no workspace" },
  };

  cw_test_write_random (random, 3000);
  cw_test_write_bytes (empty, "", 0);
  cw_test_cli_run (&demo, "demo", "--workspace", newer, "--cis", "1");
  g_assert_cmpint (demo.status, ==, 0);
  cw_test_sql (newer, "PRAGMA user_version = 999");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    for (const char *const *command = (const char *[]) { "info", "check", NULL }; *command; command++)
      {
        g_auto(CwTestRun) run = { 0 };

        cw_test_cli_run (&run, *command, "--workspace", cases[i].path);
        g_test_message ("%s %s: %s", *command, cases[i].path, run.err);
        g_assert_cmpint (run.status, ==, 1);
        g_assert_cmpstr (run.out, ==, "");
        g_assert_nonnull (strstr (run.err, cases[i].message));
      }

  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/cli/version", test_version);
  g_test_add_func ("/core/cli/usage-errors", test_usage_errors);
  g_test_add_func ("/core/cli/help", test_help);
  g_test_add_func ("/core/cli/demo-info-check", test_demo_info_check);
  g_test_add_func ("/core/cli/check-finds-problems", test_check_finds_problems);
  g_test_add_func ("/core/cli/refusals", test_refusals);

  return cw_test_run_and_clean ();
}
