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

static void
run_cli (Run        *run,
         const char *env_workspace,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (gpointer) g_getenv ("CHANGEWARD_CLI"));
  va_start (args, env_workspace);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_unsetenv (launcher, "CHANGEWARD_WORKSPACE");
  if (env_workspace != NULL)
    g_subprocess_launcher_setenv (launcher, "CHANGEWARD_WORKSPACE", env_workspace, TRUE);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
}

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmpdir, name, NULL);
}

static void
test_version (void)
{
  g_auto(Run) run = { 0 };

  run_cli (&run, NULL, "--version", NULL);
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
      g_auto(Run) run = { 0 };

      run_cli (&run, NULL, cases[i][0], cases[i][1], cases[i][2], cases[i][3], NULL);
      g_test_message ("case %u: %s", i, run.err);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.err, !=, "");
    }
}

static void
test_help (void)
{
  static const char *commands[] = { "demo", "info", "check" };
  g_auto(Run) top = { 0 };

  run_cli (&top, NULL, "--help", NULL);
  g_assert_cmpint (top.status, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(Run) run = { 0 };
      g_autofree char *usage = g_strdup_printf ("changeward-cli %s", commands[i]);

      g_assert_nonnull (strstr (top.out, commands[i]));
      run_cli (&run, NULL, commands[i], "--help", NULL);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_nonnull (strstr (run.out, usage));
      g_assert_nonnull (strstr (run.out, "--workspace"));
    }
}

static void
test_demo_info_check (void)
{
  g_autofree char *path = tmp_path ("demo.db");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(Run) demo = { 0 };
  g_auto(Run) again = { 0 };
  g_auto(Run) info = { 0 };
  g_auto(Run) text = { 0 };
  g_auto(Run) check = { 0 };
  g_auto(Run) from_env = { 0 };
  JsonObject *root, *tables;

  run_cli (&demo, NULL, "demo", "--workspace", path, "--seed", "11", "--cis", "1234", NULL);
  g_assert_cmpint (demo.status, ==, 0);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  /* An existing file is never replaced. */
  run_cli (&again, NULL, "demo", "--workspace", path, NULL);
  g_assert_cmpint (again.status, ==, 1);
  g_assert_nonnull (strstr (again.err, "already exists"));

  run_cli (&info, NULL, "info", "--workspace", path, "--json", NULL);
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

  run_cli (&text, NULL, "info", "--workspace", path, NULL);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "Schema version"));
  g_assert_nonnull (strstr (text.out, "1234"));

  run_cli (&check, NULL, "check", "--workspace", path, NULL);
  g_assert_cmpint (check.status, ==, 0);
  g_assert_nonnull (strstr (check.out, "integrity ok"));

  /* CHANGEWARD_WORKSPACE stands in for --workspace. */
  run_cli (&from_env, path, "info", NULL);
  g_assert_cmpint (from_env.status, ==, 0);
  g_assert_nonnull (strstr (from_env.out, path));
}

static void
test_check_finds_problems (void)
{
  g_autofree char *path = tmp_path ("broken.db");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(Run) demo = { 0 };
  g_auto(Run) check = { 0 };

  run_cli (&demo, NULL, "demo", "--workspace", path, "--cis", "50", NULL);
  g_assert_cmpint (demo.status, ==, 0);
  cw_test_sql (path, "PRAGMA foreign_keys = OFF; UPDATE cis SET site_id = 4242 WHERE id <= 3;");
  before = cw_test_file_checksum (path);

  run_cli (&check, NULL, "check", "--workspace", path, NULL);
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
  g_autofree char *random = tmp_path ("random.bin");
  g_autofree char *empty = tmp_path ("empty.db");
  g_autofree char *newer = tmp_path ("newer.db");
  g_autofree char *missing = tmp_path ("missing.db");
  g_auto(Run) demo = { 0 };
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
  run_cli (&demo, NULL, "demo", "--workspace", newer, "--cis", "1", NULL);
  g_assert_cmpint (demo.status, ==, 0);
  cw_test_sql (newer, "PRAGMA user_version = 999");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    for (const char *const *command = (const char *[]) { "info", "check", NULL }; *command; command++)
      {
        g_auto(Run) run = { 0 };

        run_cli (&run, NULL, *command, "--workspace", cases[i].path, NULL);
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
  int status;

  g_test_init (&argc, &argv, NULL);
  g_assert_nonnull (g_getenv ("CHANGEWARD_CLI"));
  tmpdir = cw_test_make_tmpdir ();

  g_test_add_func ("/core/cli/version", test_version);
  g_test_add_func ("/core/cli/usage-errors", test_usage_errors);
  g_test_add_func ("/core/cli/help", test_help);
  g_test_add_func ("/core/cli/demo-info-check", test_demo_info_check);
  g_test_add_func ("/core/cli/check-finds-problems", test_check_finds_problems);
  g_test_add_func ("/core/cli/refusals", test_refusals);

  status = g_test_run ();
  cw_test_remove_tree (tmpdir);
  g_free (tmpdir);
  return status;
}
