/* cw-migrations.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-migrations"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cw-store-private.h"

void
_cw_migration_free (CwMigration *migration)
{
  if (migration == NULL)
    return;

  g_free (migration->name);
  g_free (migration->sql);
  g_free (migration);
}

static int
compare_migrations (gconstpointer a,
                    gconstpointer b)
{
  const CwMigration *ma = *(const CwMigration * const *) a;
  const CwMigration *mb = *(const CwMigration * const *) b;

  return (ma->version > mb->version) - (ma->version < mb->version);
}

/* A migration is named NNNN-name.sql; NNNN is its schema version. */
static gboolean
parse_migration_name (const char *name,
                      guint      *version)
{
  guint64 number = 0;

  if (strlen (name) < 10 || !g_str_has_suffix (name, ".sql") || name[4] != '-')
    return FALSE;

  for (guint i = 0; i < 4; i++)
    {
      if (!g_ascii_isdigit (name[i]))
        return FALSE;
      number = number * 10 + (guint64) (name[i] - '0');
    }

  *version = (guint) number;
  return number > 0;
}

/**
 * _cw_migrations_load:
 * @resource_path: a resource folder holding NNNN-name.sql files
 *
 * Returns: (transfer full) (element-type CwMigration): the migrations in
 *   version order, numbered 1..N without gaps
 */
GPtrArray *
_cw_migrations_load (const char  *resource_path,
                     GError     **error)
{
  g_autoptr(GPtrArray) migrations = NULL;
  g_auto(GStrv) names = NULL;

  names = g_resources_enumerate_children (resource_path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (names == NULL)
    return NULL;

  migrations = g_ptr_array_new_with_free_func ((GDestroyNotify) _cw_migration_free);

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *child = g_build_path ("/", resource_path, names[i], NULL);
      g_autoptr(GBytes) bytes = NULL;
      CwMigration *migration;
      guint version;

      if (!parse_migration_name (names[i], &version))
        {
          g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_MIGRATION,
                       "Migration “%s” is not named NNNN-name.sql", names[i]);
          return NULL;
        }

      bytes = g_resources_lookup_data (child, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
      if (bytes == NULL)
        return NULL;

      migration = g_new0 (CwMigration, 1);
      migration->version = version;
      migration->name = g_strdup (names[i]);
      migration->sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      g_ptr_array_add (migrations, migration);
    }

  g_ptr_array_sort (migrations, compare_migrations);

  for (guint i = 0; i < migrations->len; i++)
    {
      const CwMigration *migration = g_ptr_array_index (migrations, i);

      if (migration->version != i + 1)
        {
          g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_MIGRATION,
                       "Migrations must be numbered 1 to N without gaps; “%s” is out of place",
                       migration->name);
          return NULL;
        }
    }

  return g_steal_pointer (&migrations);
}

/* Runs every migration above @from_version in one transaction, and sets
 * user_version (and the application id of a new workspace) in the same one.
 * On failure the transaction is rolled back: the file is as it was. */
gboolean
_cw_migrations_run (sqlite3    *db,
                    GPtrArray  *migrations,
                    guint       from_version,
                    gboolean    mark_workspace,
                    GError    **error)
{
  const CwMigration *last = NULL;
  g_autoptr(GString) pragmas = g_string_new (NULL);
  int rc;

  rc = sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return cw_store_set_sql_error (error, db, rc, _("Could not start the schema upgrade"));

  for (guint i = 0; i < migrations->len; i++)
    {
      const CwMigration *migration = g_ptr_array_index (migrations, i);
      char *message = NULL;

      if (migration->version <= from_version)
        continue;

      g_debug ("Running migration %s", migration->name);

      rc = sqlite3_exec (db, migration->sql, NULL, NULL, &message);
      if (rc != SQLITE_OK)
        {
          g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_MIGRATION,
                       _("Schema upgrade %s failed: %s"),
                       migration->name, message ? message : sqlite3_errstr (rc));
          sqlite3_free (message);
          sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }

      last = migration;
    }

  if (last != NULL)
    g_string_append_printf (pragmas, "PRAGMA user_version = %u;", last->version);
  if (mark_workspace)
    g_string_append_printf (pragmas, "PRAGMA application_id = %d;", CW_STORE_APPLICATION_ID);

  if (pragmas->len > 0)
    {
      rc = sqlite3_exec (db, pragmas->str, NULL, NULL, NULL);
      if (rc != SQLITE_OK)
        {
          cw_store_set_sql_error (error, db, rc, _("Could not record the schema version"));
          sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
    }

  rc = sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      cw_store_set_sql_error (error, db, rc, _("Could not finish the schema upgrade"));
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  return TRUE;
}

/* Copies the whole database with the sqlite3 backup API into a new file next
 * to @path, named after the schema version it holds and the time. Returns the
 * backup's path. */
char *
_cw_store_backup (sqlite3     *db,
                  const char  *path,
                  guint        version,
                  GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *backup_path = NULL;
  sqlite3_backup *backup;
  sqlite3 *dest = NULL;
  int rc;

  for (guint n = 0; backup_path == NULL || g_file_test (backup_path, G_FILE_TEST_EXISTS); n++)
    {
      g_free (backup_path);
      if (n == 0)
        backup_path = g_strdup_printf ("%s.schema-%u-%s.bak", path, version, stamp);
      else
        backup_path = g_strdup_printf ("%s.schema-%u-%s-%u.bak", path, version, stamp, n);
    }

  rc = sqlite3_open_v2 (backup_path, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dest, "main", db, "main");
      if (backup != NULL)
        {
          rc = sqlite3_backup_step (backup, -1);
          sqlite3_backup_finish (backup);
          if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
        }
      else
        rc = sqlite3_errcode (dest);
    }

  if (rc != SQLITE_OK)
    {
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_BACKUP,
                   _("Could not back up the workspace to “%s” before upgrading it: %s. "
                     "Nothing was changed; free some disk space or make the folder writable."),
                   backup_path, dest ? sqlite3_errmsg (dest) : sqlite3_errstr (rc));
      sqlite3_close (dest);
      g_unlink (backup_path);
      return NULL;
    }

  if ((rc = sqlite3_close (dest)) != SQLITE_OK)
    {
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_BACKUP,
                   _("Could not finish the backup “%s”: %s"), backup_path, sqlite3_errstr (rc));
      g_unlink (backup_path);
      return NULL;
    }

  return g_steal_pointer (&backup_path);
}
