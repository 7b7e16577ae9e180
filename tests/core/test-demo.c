/* test-demo.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-demo"

#include "config.h"

#include <sqlite3.h>

#include "cw-demo.h"
#include "cw-test-fixture.h"

static char *
create_demo (const char *dir,
             const char *name,
             guint64     seed,
             guint       n_cis)
{
  g_autoptr(CwClock) clock = cw_test_fake_clock ();
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);
  CwDemoOptions options = { .seed = seed, .n_cis = n_cis };

  g_assert_true (cw_demo_create (path, &options, clock, NULL, &error));
  g_assert_no_error (error);

  return path;
}

/* Every row of every table, in order: two equal dumps are equal workspaces. */
static char *
dump (const char *path)
{
  static const char * const tables[] = {
    "sites", "users", "user_groups", "group_members", "cis", "workspace_meta",
  };
  GString *out = g_string_new (NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY 1, 2", tables[t]);
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              const char *text = (const char *) sqlite3_column_text (stmt, c);

              /* The version is not content. */
              if (text != NULL && g_str_has_prefix (text, "Changeward "))
                text = "Changeward";
              g_string_append_printf (out, "%s|", text ? text : "∅");
            }
          g_string_append_c (out, '\n');
        }
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);

  return g_string_free (out, FALSE);
}

static void
test_deterministic (void)
{
  g_autofree char *dir = cw_test_make_tmpdir ();
  g_autofree char *a = create_demo (dir, "a.db", 7, 300);
  g_autofree char *b = create_demo (dir, "b.db", 7, 300);
  g_autofree char *c = create_demo (dir, "c.db", 8, 300);
  g_autofree char *dump_a = dump (a);
  g_autofree char *dump_b = dump (b);
  g_autofree char *dump_c = dump (c);

  g_assert_cmpuint (strlen (dump_a), >, 1000);
  g_assert_cmpstr (dump_a, ==, dump_b);
  g_assert_cmpstr (dump_a, !=, dump_c);

  cw_test_remove_tree (dir);
}

static void
test_contents (void)
{
  g_autofree char *dir = cw_test_make_tmpdir ();
  g_autofree char *path = create_demo (dir, "demo.db", CW_DEMO_DEFAULT_SEED, 2500);
  g_autoptr(CwStore) store = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(DISTINCT time_zone) FROM sites"), >=, 4);
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM sites"), ==, 8);

  for (const char *const *role = (const char *[]) { "lead", "technician", "coordinator", NULL };
       *role != NULL; role++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM users WHERE role = '%s'", *role);
      g_assert_cmpint (cw_test_sql_int (path, sql), >=, 1);
    }

  /* Every group has people; every technician is in a team. */
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM user_groups g WHERE NOT EXISTS "
                                          "(SELECT 1 FROM group_members m WHERE m.group_id = g.id)"),
                   ==, 0);
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM users u WHERE NOT EXISTS "
                                          "(SELECT 1 FROM group_members m WHERE m.user_id = u.id)"),
                   ==, 0);
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM users"), ==,
                   cw_test_sql_int (path, "SELECT count(DISTINCT username) FROM users"));

  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM cis"), ==, 2500);
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(DISTINCT name) FROM cis"), ==, 2500);
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(DISTINCT class) FROM cis"), >=, 10);
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM cis WHERE site_id IS NULL"), ==, 0);
  /* Drift: some model runs more than one version. */
  g_assert_cmpint (cw_test_sql_int (path, "SELECT max(n) FROM (SELECT count(DISTINCT os_version) n "
                                          "FROM cis GROUP BY model)"), >=, 2);
  g_assert_cmpint (cw_test_sql_int (path, "SELECT value FROM workspace_meta "
                                          "WHERE key = 'demo-seed'"), ==, CW_DEMO_DEFAULT_SEED);

  store = cw_store_open (path, CW_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (cw_store_check (store, &problems, &error));
  g_clear_object (&store);

  cw_test_remove_tree (dir);
}

static void
test_no_cis (void)
{
  g_autofree char *dir = cw_test_make_tmpdir ();
  g_autofree char *path = create_demo (dir, "small.db", 3, 0);

  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM cis"), ==, 0);
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM users"), >, 0);

  cw_test_remove_tree (dir);
}

static void
test_refuses_existing (void)
{
  g_autofree char *dir = cw_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "mine.db", NULL);
  g_autoptr(CwClock) clock = cw_test_fake_clock ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  CwDemoOptions options;

  cw_demo_options_init (&options);
  cw_test_write_bytes (path, "my notes", 8);
  before = cw_test_file_checksum (path);

  g_assert_false (cw_demo_create (path, &options, clock, NULL, &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_EXISTS);
  after = cw_test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);

  cw_test_remove_tree (dir);
}

static void
test_cancelled (void)
{
  g_autofree char *dir = cw_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "big.db", NULL);
  g_autoptr(CwClock) clock = cw_test_fake_clock ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  CwDemoOptions options = { .seed = 1, .n_cis = 100000 };

  g_cancellable_cancel (cancellable);
  g_assert_false (cw_demo_create (path, &options, clock, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  /* Nothing is left behind: no workspace, no partial file. */
  listing = g_dir_open (dir, 0, NULL);
  g_assert_null (g_dir_read_name (listing));

  cw_test_remove_tree (dir);
}

static void
test_populate_refuses_data (void)
{
  g_autofree char *dir = cw_test_make_tmpdir ();
  g_autofree char *path = create_demo (dir, "twice.db", 1, 10);
  g_autoptr(CwClock) clock = cw_test_fake_clock ();
  g_autoptr(CwStore) store = NULL;
  g_autoptr(GError) error = NULL;
  CwDemoOptions options = { .seed = 1, .n_cis = 10 };

  store = cw_store_open (path, CW_STORE_OPEN_NO_CREATE, &error);
  g_assert_no_error (error);
  g_assert_false (cw_demo_populate (store, clock, &options, NULL, &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_EXISTS);
  g_assert_cmpint (cw_store_count_table (store, "cis", NULL), ==, 10);
  g_clear_object (&store);

  cw_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/demo/deterministic", test_deterministic);
  g_test_add_func ("/core/demo/contents", test_contents);
  g_test_add_func ("/core/demo/no-cis", test_no_cis);
  g_test_add_func ("/core/demo/refuses-existing", test_refuses_existing);
  g_test_add_func ("/core/demo/cancelled", test_cancelled);
  g_test_add_func ("/core/demo/populate-refuses-data", test_populate_refuses_data);

  return g_test_run ();
}
