/* cw-test-fixture.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-test-fixture"

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "cw-store-private.h"
#include "cw-test-fixture.h"

/* Helpers shared by the tests: temporary folders and workspaces, raw SQLite
 * access that goes around CwStore (to build broken files), checksums that
 * prove a refused file was not touched, and runs of the real
 * changeward-cli. */

static char *tmpdir;

char *
cw_test_make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("changeward-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
cw_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (path == NULL)
    return;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR) || g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_unlink (path);
      return;
    }

  g_chmod (path, 0700);
  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      cw_test_remove_tree (child);
    }
  g_rmdir (path);
}

char *
cw_test_file_checksum (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

void
cw_test_write_bytes (const char *path,
                     const void *data,
                     gsize       length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, (gssize) length, &error);
  g_assert_no_error (error);
}

void
cw_test_write_random (const char *path,
                      gsize       length)
{
  g_autofree guint8 *bytes = g_malloc (length);
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);

  for (gsize i = 0; i < length; i++)
    bytes[i] = (guint8) g_rand_int_range (rand, 0, 256);
  cw_test_write_bytes (path, bytes, length);
}

void
cw_test_sql (const char *path,
             const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

gint64
cw_test_sql_int (const char *path,
                 const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  return value;
}

/* 2026-03-29 00:59:30 UTC: an hour before Europe's clocks spring forward. */
GDateTime *
cw_test_fixed_time (void)
{
  return g_date_time_new_utc (2026, 3, 29, 0, 59, 30);
}

/* A fake clock stopped at cw_test_fixed_time(). */
CwClock *
cw_test_fake_clock (void)
{
  g_autoptr(GDateTime) start = cw_test_fixed_time ();

  return cw_clock_new_fake (start);
}

JsonNode *
cw_test_parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static void
exec_sql (CwStore    *store,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (cw_store_get_handle (store), sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* ---- the program's temporary folder ------------------------------------------ */

const char *
cw_test_tmpdir (void)
{
  if (tmpdir == NULL)
    tmpdir = cw_test_make_tmpdir ();

  return tmpdir;
}

char *
cw_test_tmp_path (const char *name)
{
  return g_build_filename (cw_test_tmpdir (), name, NULL);
}

int
cw_test_run_and_clean (void)
{
  int status = g_test_run ();

  cw_test_remove_tree (tmpdir);
  g_clear_pointer (&tmpdir, g_free);
  return status;
}

char *
cw_test_write_tmp_file (const char *name,
                        const char *text)
{
  char *path = cw_test_tmp_path (name);

  cw_test_write_bytes (path, text, strlen (text));
  return path;
}

char *
cw_test_read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

char *
cw_test_make_workspace (const char *name,
                        const char *sql)
{
  g_autoptr(CwStore) store = NULL;
  g_autoptr(GError) error = NULL;
  char *path = cw_test_tmp_path (name);

  store = cw_store_open (path, CW_STORE_OPEN_CREATE_NEW, &error);
  g_assert_no_error (error);
  if (sql != NULL)
    exec_sql (store, sql);

  return path;
}

/* ---- a workspace per test ---------------------------------------------------- */

void
cw_test_store_set_up (CwTestStore   *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = cw_test_make_tmpdir ();
  fixture->path = g_build_filename (fixture->dir, "workspace.db", NULL);
  fixture->store = cw_store_open (fixture->path, CW_STORE_OPEN_CREATE_NEW, &error);
  g_assert_no_error (error);
}

void
cw_test_store_tear_down (CwTestStore   *fixture,
                         gconstpointer  data)
{
  g_clear_object (&fixture->store);
  cw_test_remove_tree (fixture->dir);
  g_clear_pointer (&fixture->path, g_free);
  g_clear_pointer (&fixture->dir, g_free);
}

gint64
cw_test_store_int (CwTestStore *fixture,
                   const char  *sql)
{
  sqlite3 *db = cw_store_get_handle (fixture->store);
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

void
cw_test_store_exec (CwTestStore *fixture,
                    const char  *sql)
{
  exec_sql (fixture->store, sql);
}

/* ---- the real changeward-cli ------------------------------------------------- */

void
cw_test_run_clear (CwTestRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

GSubprocess *
cw_test_cli_spawn (const char         *env_workspace,
                   const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("CHANGEWARD_CLI");
  GSubprocess *process;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (gpointer) cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_unsetenv (launcher, "CHANGEWARD_WORKSPACE");
  g_subprocess_launcher_unsetenv (launcher, "G_MESSAGES_DEBUG");
  if (env_workspace != NULL)
    g_subprocess_launcher_setenv (launcher, "CHANGEWARD_WORKSPACE", env_workspace, TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);

  return process;
}

void
cw_test_cli_finish (GSubprocess *process,
                    CwTestRun   *run)
{
  g_autoptr(GError) error = NULL;

  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
  g_test_message ("exit %d\nstdout: %s\nstderr: %s", run->status, run->out, run->err);
}

void
cw_test_cli_run_v (CwTestRun          *run,
                   const char         *env_workspace,
                   const char * const *args)
{
  g_autoptr(GSubprocess) process = cw_test_cli_spawn (env_workspace, args);

  cw_test_cli_finish (process, run);
}

char *
cw_test_cli_demo (const char *name,
                  const char *n_cis)
{
  g_auto(CwTestRun) run = { 0 };
  char *path = cw_test_tmp_path (name);

  cw_test_cli_run (&run, "demo", "--workspace", path, "--cis", n_cis);
  g_assert_cmpint (run.status, ==, 0);
  return path;
}

void
cw_test_cli_assert_help (const char         *group,
                         const char * const *commands)
{
  g_autofree char *listed = g_strdup_printf ("\n  %s ", group);
  g_auto(CwTestRun) top = { 0 };
  g_auto(CwTestRun) help = { 0 };

  cw_test_cli_run (&top, "--help");
  g_assert_cmpint (top.status, ==, 0);
  g_assert_nonnull (strstr (top.out, listed));

  cw_test_cli_run (&help, group, "--help");
  g_assert_cmpint (help.status, ==, 0);
  for (guint i = 0; commands[i] != NULL; i++)
    {
      g_autofree char *line = g_strdup_printf ("\n  %s ", commands[i]);
      g_autofree char *usage = g_strdup_printf ("changeward-cli %s %s", group, commands[i]);
      g_auto(CwTestRun) run = { 0 };

      g_assert_nonnull (strstr (help.out, line));
      cw_test_cli_run (&run, group, commands[i], "--help");
      g_assert_cmpint (run.status, ==, 0);
      g_assert_nonnull (strstr (run.out, usage));
      g_assert_nonnull (strstr (run.out, "--workspace"));
    }
}
