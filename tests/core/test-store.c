/* test-store.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-store"

#include "config.h"

#include <glib/gstdio.h>
#include <unistd.h>

#include "cw-store-private.h"
#include "cw-test-fixture.h"
#include "cw-test-resources.h"

#define MIGRATIONS "/io/github/changeward/Changeward/tests/migrations/"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = cw_test_make_tmpdir ();
  f->path = g_build_filename (f->dir, "workspace.db", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  cw_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static char *
pragma_text (CwStore    *store,
             const char *pragma)
{
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_prepare_v2 (cw_store_get_handle (store), pragma, -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  return value;
}

static void
make_workspace (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwStore) store = cw_store_open (path, CW_STORE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
}

/* Opening @path must fail with @code and leave the file as it was, with no
 * journal files created beside it. */
static void
assert_refused (const char *path,
                int         code,
                const char *message_part)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwStore) store = NULL;
  g_autofree char *before = cw_test_file_checksum (path);
  g_autofree char *after = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  store = cw_store_open (path, CW_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, CW_STORE_ERROR, code);
  g_assert_nonnull (strstr (error->message, message_part));

  after = cw_test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
}

static void
test_create (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwStore) store = NULL;
  g_autofree char *journal = NULL;
  g_autofree char *foreign_keys = NULL;
  g_autofree char *busy = NULL;

  store = cw_store_open (f->path, CW_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (f->path, G_FILE_TEST_IS_REGULAR));

  g_assert_cmpuint (cw_store_get_schema_version (store), ==, cw_store_get_latest_schema_version ());
  g_assert_cmpuint (cw_store_get_latest_schema_version (), >=, 1);
  g_assert_null (cw_store_get_backup_path (store));
  g_assert_false (cw_store_is_read_only (store));

  journal = pragma_text (store, "PRAGMA journal_mode");
  foreign_keys = pragma_text (store, "PRAGMA foreign_keys");
  busy = pragma_text (store, "PRAGMA busy_timeout");
  g_assert_cmpstr (journal, ==, "wal");
  g_assert_cmpstr (foreign_keys, ==, "1");
  g_assert_cmpint (atoi (busy), >=, 1000);

  g_assert_cmpint (cw_store_count_table (store, "sites", &error), ==, 0);
  g_assert_no_error (error);
  g_clear_object (&store);

  g_assert_cmpint (cw_test_sql_int (f->path, "PRAGMA application_id"), ==, CW_STORE_APPLICATION_ID);
  g_assert_cmpint (cw_test_sql_int (f->path, "PRAGMA user_version"), ==,
                   cw_store_get_latest_schema_version ());
}

static void
test_reopen (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwStore) store = NULL;
  g_autofree char *value = NULL;

  store = cw_store_open (f->path, CW_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (cw_store_set_meta (store, "purpose", "test", &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  store = cw_store_open (f->path, CW_STORE_OPEN_NO_CREATE, &error);
  g_assert_no_error (error);
  value = cw_store_get_meta (store, "purpose");
  g_assert_cmpstr (value, ==, "test");
  g_assert_null (cw_store_get_meta (store, "missing"));
  g_assert_null (cw_store_get_backup_path (store));
}

static void
test_open_flags (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwStore) store = NULL;

  store = cw_store_open (f->path, CW_STORE_OPEN_NO_CREATE, &error);
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_NOT_FOUND);
  g_assert_null (store);
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  store = cw_store_open (f->path, CW_STORE_OPEN_READ_ONLY, &error);
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  make_workspace (f->path);
  store = cw_store_open (f->path, CW_STORE_OPEN_CREATE_NEW, &error);
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_EXISTS);
  g_assert_null (store);
}

static void
test_refuse_newer (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *sql = NULL;

  make_workspace (f->path);
  sql = g_strdup_printf ("PRAGMA user_version = %u", cw_store_get_latest_schema_version () + 5);
  cw_test_sql (f->path, sql);

  assert_refused (f->path, CW_STORE_ERROR_NEWER_VERSION, "newer version of Changeward");
}

static void
test_refuse_foreign_sqlite (Fixture       *f,
                            gconstpointer  data)
{
  cw_test_sql (f->path, "CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('soup');");

  assert_refused (f->path, CW_STORE_ERROR_NOT_WORKSPACE, "not a Changeward workspace");
}

static void
test_refuse_random (Fixture       *f,
                    gconstpointer  data)
{
  cw_test_write_random (f->path, 8192);

  assert_refused (f->path, CW_STORE_ERROR_NOT_SQLITE, "not an SQLite database");
}

static void
test_refuse_short (Fixture       *f,
                   gconstpointer  data)
{
  /* The magic, but no complete header. */
  cw_test_write_bytes (f->path, "SQLite format 3", 16);

  assert_refused (f->path, CW_STORE_ERROR_NOT_SQLITE, "not an SQLite database");
}

static void
test_refuse_empty (Fixture       *f,
                   gconstpointer  data)
{
  cw_test_write_bytes (f->path, "", 0);

  assert_refused (f->path, CW_STORE_ERROR_EMPTY_FILE, "empty file");
}

static void
test_refuse_directory (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwStore) store = NULL;

  g_assert_cmpint (g_mkdir (f->path, 0700), ==, 0);
  store = cw_store_open (f->path, CW_STORE_OPEN_DEFAULT, &error);
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_NOT_WORKSPACE);
  g_assert_true (g_file_test (f->path, G_FILE_TEST_IS_DIR));
}

static void
test_refuse_unwritable (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwStore) store = NULL;
  g_autofree char *blocker = g_build_filename (f->dir, "plain-file", NULL);
  g_autofree char *under_file = g_build_filename (blocker, "workspace.db", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "no", "such", "folder", "ws.db", NULL);

  /* Paths that nobody, not even root, can create. */
  cw_test_write_bytes (blocker, "x", 1);
  store = cw_store_open (under_file, CW_STORE_OPEN_DEFAULT, &error);
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_NOT_WRITABLE);
  g_assert_null (store);
  g_clear_error (&error);

  store = cw_store_open (missing, CW_STORE_OPEN_DEFAULT, &error);
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_NOT_WRITABLE);
  g_assert_nonnull (strstr (error->message, "does not exist"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  if (geteuid () == 0)
    {
      g_test_message ("running as root: file permissions do not apply, "
                      "read-only file and folder cases not run");
      return;
    }

  make_workspace (f->path);
  g_assert_cmpint (g_chmod (f->path, 0444), ==, 0);
  assert_refused (f->path, CW_STORE_ERROR_NOT_WRITABLE, "cannot be written");
  g_assert_cmpint (g_chmod (f->path, 0644), ==, 0);

  g_assert_cmpint (g_chmod (f->dir, 0555), ==, 0);
  assert_refused (f->path, CW_STORE_ERROR_NOT_WRITABLE, "cannot be written");
  g_assert_cmpint (g_chmod (f->dir, 0755), ==, 0);
}

static void
test_migrate_with_backup (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwStore) store = NULL;
  g_autofree char *backup = NULL;

  store = _cw_store_open_with_migrations (f->path, CW_STORE_OPEN_DEFAULT, MIGRATIONS "v1", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cw_store_get_schema_version (store), ==, 1);
  g_assert_true (cw_store_exec (store, "INSERT INTO notes (text) VALUES ('keep me')", &error));
  g_clear_object (&store);

  store = _cw_store_open_with_migrations (f->path, CW_STORE_OPEN_DEFAULT, MIGRATIONS "v2", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cw_store_get_schema_version (store), ==, 2);
  g_assert_true (cw_store_exec (store, "UPDATE notes SET author = 'lead'", &error));
  g_assert_no_error (error);

  /* The copy made before the upgrade holds the old schema and the data. */
  backup = g_strdup (cw_store_get_backup_path (store));
  g_assert_nonnull (backup);
  g_assert_true (g_str_has_prefix (backup, f->path));
  g_assert_nonnull (strstr (backup, ".schema-1-"));
  g_clear_object (&store);

  g_assert_cmpint (cw_test_sql_int (backup, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (cw_test_sql_int (backup, "PRAGMA application_id"), ==, CW_STORE_APPLICATION_ID);
  g_assert_cmpint (cw_test_sql_int (backup, "SELECT count(*) FROM notes WHERE text = 'keep me'"),
                   ==, 1);
  g_assert_cmpint (cw_test_sql_int (backup, "SELECT count(*) FROM pragma_table_info('notes') "
                                            "WHERE name = 'author'"), ==, 0);
  g_assert_cmpint (cw_test_sql_int (f->path, "PRAGMA user_version"), ==, 2);

  /* Reopening at the current schema makes no further backup. */
  store = _cw_store_open_with_migrations (f->path, CW_STORE_OPEN_DEFAULT, MIGRATIONS "v2", &error);
  g_assert_no_error (error);
  g_assert_null (cw_store_get_backup_path (store));
}

static void
test_migrate_failure_rolls_back (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwStore) store = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  store = _cw_store_open_with_migrations (f->path, CW_STORE_OPEN_DEFAULT, MIGRATIONS "v2", &error);
  g_assert_no_error (error);
  g_assert_true (cw_store_exec (store, "INSERT INTO notes (text, author) VALUES ('a', 'b')", &error));
  g_clear_object (&store);
  before = cw_test_file_checksum (f->path);

  store = _cw_store_open_with_migrations (f->path, CW_STORE_OPEN_DEFAULT, MIGRATIONS "broken",
                                          &error);
  g_assert_null (store);
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_MIGRATION);
  g_assert_nonnull (strstr (error->message, "0003-broken.sql"));
  g_assert_nonnull (strstr (error->message, "left as it was"));

  after = cw_test_file_checksum (f->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (cw_test_sql_int (f->path, "PRAGMA user_version"), ==, 2);
  g_assert_cmpint (cw_test_sql_int (f->path, "SELECT count(*) FROM sqlite_schema "
                                             "WHERE name = 'later'"), ==, 0);
  g_assert_cmpint (cw_test_sql_int (f->path, "SELECT count(*) FROM notes"), ==, 1);
}

static void
test_migrate_failure_on_new_file (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwStore) store = NULL;

  store = _cw_store_open_with_migrations (f->path, CW_STORE_OPEN_DEFAULT, MIGRATIONS "broken",
                                          &error);
  g_assert_null (store);
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_MIGRATION);

  /* A workspace that could not be made is not left half-made. */
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
}

static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwStore) store = NULL;

  store = _cw_store_open_with_migrations (f->path, CW_STORE_OPEN_DEFAULT, MIGRATIONS "v1", &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  /* Read-only never migrates and never writes. */
  store = _cw_store_open_with_migrations (f->path, CW_STORE_OPEN_READ_ONLY, MIGRATIONS "v2", &error);
  g_assert_no_error (error);
  g_assert_true (cw_store_is_read_only (store));
  g_assert_cmpuint (cw_store_get_schema_version (store), ==, 1);
  g_assert_null (cw_store_get_backup_path (store));

  g_assert_false (cw_store_exec (store, "INSERT INTO notes (text) VALUES ('x')", &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_NOT_WRITABLE);
}

/* A reader opened beside a writer that has just created the workspace sees
 * it, although the file's header is still in the write-ahead log. */
static void
test_read_only_beside_new (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwStore) writer = NULL;
  g_autoptr(CwStore) reader = NULL;
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);

  writer = _cw_store_open_with_migrations (f->path, CW_STORE_OPEN_DEFAULT, MIGRATIONS "v1", &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));

  reader = _cw_store_open_with_migrations (f->path, CW_STORE_OPEN_READ_ONLY, MIGRATIONS "v1", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cw_store_get_schema_version (reader), ==, 1);
}

static void
test_check (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwStore) store = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  store = cw_store_open (f->path, CW_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (cw_store_exec (store,
                                "INSERT INTO sites (id, code, name, time_zone) "
                                "VALUES (1, 'FRA1', 'Frankfurt', 'Europe/Berlin');"
                                "INSERT INTO users (username, full_name, role, site_id) "
                                "VALUES ('a.b', 'A B', 'lead', 1);", &error));
  g_assert_true (cw_store_check (store, &problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* Foreign keys are on: the store itself refuses a dangling reference. */
  g_assert_false (cw_store_exec (store, "INSERT INTO users (username, full_name, role, site_id) "
                                        "VALUES ('c.d', 'C D', 'lead', 99)", &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_SQL);
  g_clear_error (&error);
  g_clear_object (&store);

  /* Another program that ignores them leaves one behind; the check finds it. */
  cw_test_sql (f->path, "PRAGMA foreign_keys = OFF; "
                        "INSERT INTO users (username, full_name, role, site_id) "
                        "VALUES ('c.d', 'C D', 'lead', 99);");

  store = cw_store_open (f->path, CW_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_false (cw_store_check (store, &problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "users"));
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "sites"));
}

static void
test_count_rows (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwStore) store = NULL;
  g_autoptr(GArray) counts = NULL;
  gboolean saw_sites = FALSE;

  store = cw_store_open (f->path, CW_STORE_OPEN_DEFAULT, &error);
  g_assert_true (cw_store_exec (store,
                                "INSERT INTO sites (code, name, time_zone) VALUES "
                                "('A', 'a', 'UTC'), ('B', 'b', 'UTC')", &error));
  counts = cw_store_count_rows (store, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < counts->len; i++)
    {
      const CwStoreTableCount *count = &g_array_index (counts, CwStoreTableCount, i);

      g_assert_false (g_str_has_prefix (count->table, "sqlite_"));
      if (i > 0)
        g_assert_cmpstr (g_array_index (counts, CwStoreTableCount, i - 1).table, <, count->table);
      if (g_str_equal (count->table, "sites"))
        {
          saw_sites = TRUE;
          g_assert_cmpint (count->rows, ==, 2);
        }
    }
  g_assert_true (saw_sites);
}

static void
on_opened_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  CwStore **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = cw_store_open_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_open_async (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(CwStore) store = NULL;

  cw_store_open_async (f->path, CW_STORE_OPEN_DEFAULT, NULL, on_opened_cb, &store);
  while (store == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpstr (cw_store_get_path (store), ==, f->path);
  g_assert_cmpuint (cw_store_get_schema_version (store), ==, cw_store_get_latest_schema_version ());
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  (void) cw_test_get_resource ();

#define ADD(name, func) \
  g_test_add ("/core/store/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("create", test_create);
  ADD ("reopen", test_reopen);
  ADD ("open-flags", test_open_flags);
  ADD ("open-async", test_open_async);
  ADD ("refuse/newer", test_refuse_newer);
  ADD ("refuse/foreign-sqlite", test_refuse_foreign_sqlite);
  ADD ("refuse/random-bytes", test_refuse_random);
  ADD ("refuse/short-header", test_refuse_short);
  ADD ("refuse/empty", test_refuse_empty);
  ADD ("refuse/directory", test_refuse_directory);
  ADD ("refuse/unwritable", test_refuse_unwritable);
  ADD ("migrate/backup", test_migrate_with_backup);
  ADD ("migrate/failure-rolls-back", test_migrate_failure_rolls_back);
  ADD ("migrate/failure-on-new-file", test_migrate_failure_on_new_file);
  ADD ("read-only", test_read_only);
  ADD ("read-only-beside-new", test_read_only_beside_new);
  ADD ("check", test_check);
  ADD ("count-rows", test_count_rows);

#undef ADD

  return g_test_run ();
}
