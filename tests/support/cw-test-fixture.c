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

#include "cw-test-fixture.h"

/* Helpers shared by the tests: temporary folders, raw SQLite access that
 * goes around CwStore (to build broken files), and checksums that prove a
 * refused file was not touched. */

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
