/* cw-store.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "cw-core-resources.h"
#include "cw-store-private.h"

#define SQLITE_MAGIC "SQLite format 3"
#define BUSY_TIMEOUT_MS 5000

struct _CwStore
{
  GObject   parent_instance;

  sqlite3  *db;
  char     *path;
  char     *backup_path;
  guint     schema_version;
  guint     read_only : 1;
};

G_DEFINE_FINAL_TYPE (CwStore, cw_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (cw-store-error-quark, cw_store_error)

/* What the 100-byte SQLite header says, read without opening the database so
 * that a file we refuse is never touched. */
typedef struct
{
  guint32 user_version;
  guint32 application_id;
} HeaderFacts;

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static GPtrArray *
load_migrations (const char  *migrations_path,
                 GError     **error)
{
  /* Referencing the resource keeps it linked in from the static library;
   * its constructor registers it. */
  (void) cw_core_get_resource ();
  return _cw_migrations_load (migrations_path, error);
}

gboolean
cw_store_set_sql_error (GError     **error,
                        sqlite3     *db,
                        int          rc,
                        const char  *what)
{
  const char *message = db ? sqlite3_errmsg (db) : sqlite3_errstr (rc);
  int code = CW_STORE_ERROR_SQL;

  if (rc == SQLITE_READONLY || rc == SQLITE_CANTOPEN || rc == SQLITE_PERM
      || rc == SQLITE_FULL || rc == SQLITE_IOERR)
    code = CW_STORE_ERROR_NOT_WRITABLE;

  g_set_error (error, CW_STORE_ERROR, code, "%s: %s", what, message);
  return FALSE;
}

static gboolean
read_header (const char   *path,
             const char   *display,
             goffset       size,
             HeaderFacts  *facts,
             GError      **error)
{
  guint8 header[100];
  ssize_t n;
  int fd;

  if (size == 0)
    {
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_EMPTY_FILE,
                   _("“%s” is an empty file, not a Changeward workspace. "
                     "Choose another file, or create a new workspace."), display);
      return FALSE;
    }

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_NOT_WRITABLE,
                   _("Could not read “%s”: %s"), display, g_strerror (saved));
      return FALSE;
    }
  n = read (fd, header, sizeof header);
  close (fd);

  if (n < (ssize_t) sizeof header || memcmp (header, SQLITE_MAGIC, sizeof SQLITE_MAGIC) != 0)
    {
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_NOT_SQLITE,
                   _("“%s” is not a Changeward workspace: it is not an SQLite database. "
                     "Choose another file, or create a new workspace."), display);
      return FALSE;
    }

  facts->user_version = read_be32 (header + 60);
  facts->application_id = read_be32 (header + 68);
  return TRUE;
}

static gboolean
has_wal (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  GStatBuf st;

  return g_stat (wal, &st) == 0 && st.st_size > 0;
}

static gboolean
check_known (const char         *display,
             guint32             application_id,
             guint32             user_version,
             guint               latest,
             GError            **error)
{
  if (application_id != CW_STORE_APPLICATION_ID)
    {
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_NOT_WORKSPACE,
                   _("“%s” is an SQLite database, but not a Changeward workspace. "
                     "It was left unchanged."), display);
      return FALSE;
    }

  if (user_version > latest)
    {
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_NEWER_VERSION,
                   _("“%s” was written by a newer version of Changeward "
                     "(workspace schema %u; this version knows up to %u). "
                     "Update Changeward to open it; the file was left unchanged."),
                   display, user_version, latest);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_writable (const char  *path,
                const char  *display,
                gboolean     exists,
                GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_NOT_WRITABLE,
                   _("Cannot create a workspace at “%s”: the folder “%s” does not exist."),
                   display, dir);
      return FALSE;
    }

  /* SQLite writes its -wal and -shm files next to the workspace. */
  if (g_access (dir, W_OK) != 0)
    {
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_NOT_WRITABLE,
                   _("The folder “%s” cannot be written, so the workspace “%s” cannot be "
                     "opened for changes. Choose a writable folder."), dir, display);
      return FALSE;
    }

  if (!exists)
    return TRUE;

  fd = g_open (path, O_RDWR | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_NOT_WRITABLE,
                   _("The workspace “%s” cannot be written: %s. "
                     "Check its permissions, or open a copy."), display, g_strerror (saved));
      return FALSE;
    }
  close (fd);

  return TRUE;
}

static gboolean
query_uint (sqlite3     *db,
            const char  *sql,
            guint32     *value,
            GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *value = (guint32) sqlite3_column_int64 (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_OK)
    return cw_store_set_sql_error (error, db, rc, sql);

  return TRUE;
}

static gboolean
configure_connection (sqlite3     *db,
                      gboolean     read_only,
                      GError     **error)
{
  int rc;

  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
  sqlite3_extended_result_codes (db, 1);

  rc = sqlite3_exec (db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return cw_store_set_sql_error (error, db, rc, _("Could not turn on foreign keys"));

  if (read_only)
    return TRUE;

  rc = sqlite3_exec (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL",
                     NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return cw_store_set_sql_error (error, db, rc, _("Could not switch the workspace to WAL"));

  return TRUE;
}

/* Deletes a workspace file this process made, with its -wal and -shm. */
void
cw_store_delete_files (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (wal);
  g_unlink (shm);
  g_unlink (path);
}

CwStore *
_cw_store_open_with_migrations (const char        *path,
                                CwStoreOpenFlags   flags,
                                const char        *migrations_path,
                                GError           **error)
{
  g_autoptr(CwStore) self = NULL;
  g_autoptr(GPtrArray) migrations = NULL;
  g_autofree char *display = NULL;
  gboolean read_only = (flags & CW_STORE_OPEN_READ_ONLY) != 0;
  gboolean exists;
  gboolean created = FALSE;
  GStatBuf st;
  HeaderFacts facts = { 0 };
  guint32 application_id = 0;
  guint32 user_version = 0;
  guint latest;
  int open_flags;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  display = g_filename_display_name (path);

  migrations = load_migrations (migrations_path, error);
  if (migrations == NULL)
    return NULL;
  latest = migrations->len;

  exists = g_stat (path, &st) == 0;

  if (exists)
    {
      if (flags & CW_STORE_OPEN_CREATE_NEW)
        {
          g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_EXISTS,
                       _("“%s” already exists. Choose another name; "
                         "existing files are never overwritten."), display);
          return NULL;
        }
      if (!S_ISREG (st.st_mode))
        {
          g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_NOT_WORKSPACE,
                       _("“%s” is not a file, so it cannot be a Changeward workspace."), display);
          return NULL;
        }
      if (!read_header (path, display, st.st_size, &facts, error))
        return NULL;
      /* A new workspace may have its header still in the write-ahead log:
       * then SQLite's own answer, after opening, decides. */
      if (!has_wal (path) &&
          !check_known (display, facts.application_id, facts.user_version, latest, error))
        return NULL;
      if (!read_only && !check_writable (path, display, TRUE, error))
        return NULL;
    }
  else
    {
      if (read_only || (flags & CW_STORE_OPEN_NO_CREATE))
        {
          g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_NOT_FOUND,
                       _("There is no workspace at “%s”."), display);
          return NULL;
        }
      if (!check_writable (path, display, FALSE, error))
        return NULL;
    }

  self = g_object_new (CW_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->read_only = read_only;

  open_flags = SQLITE_OPEN_FULLMUTEX | SQLITE_OPEN_EXRESCODE;
  if (read_only)
    open_flags |= SQLITE_OPEN_READONLY;
  else if (exists)
    open_flags |= SQLITE_OPEN_READWRITE;
  else
    open_flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;

  rc = sqlite3_open_v2 (path, &self->db, open_flags, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_NOT_WRITABLE,
                   _("Could not open “%s”: %s"), display,
                   self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return NULL;
    }
  created = !exists;

  /* The header may lag behind a write-ahead log left by a crash, so ask
   * SQLite again before anything is written. */
  if (!query_uint (self->db, "PRAGMA application_id", &application_id, error) ||
      !query_uint (self->db, "PRAGMA user_version", &user_version, error))
    goto failed;

  if (!created && !check_known (display, application_id, user_version, latest, error))
    goto failed;

  if (!configure_connection (self->db, read_only, error))
    goto failed;

  if (!read_only && user_version < latest)
    {
      if (!created)
        {
          self->backup_path = _cw_store_backup (self->db, path, user_version, error);
          if (self->backup_path == NULL)
            goto failed;
        }

      if (!_cw_migrations_run (self->db, migrations, user_version, created, error))
        {
          if (self->backup_path != NULL)
            g_prefix_error (error, _("The workspace was left as it was (a backup is at “%s”). "),
                            self->backup_path);
          goto failed;
        }

      g_debug ("Workspace %s upgraded from schema %u to %u", path, user_version, latest);
      user_version = latest;
    }

  self->schema_version = user_version;
  return g_steal_pointer (&self);

failed:
  sqlite3_close_v2 (self->db);
  self->db = NULL;
  if (created)
    cw_store_delete_files (path);
  return NULL;
}

static void
cw_store_finalize (GObject *object)
{
  CwStore *self = (CwStore *)object;

  if (self->db != NULL)
    {
      int rc = sqlite3_close (self->db);
      if (rc != SQLITE_OK)
        g_warning ("Closing %s left statements open: %s", self->path, sqlite3_errstr (rc));
      self->db = NULL;
    }
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->backup_path, g_free);

  G_OBJECT_CLASS (cw_store_parent_class)->finalize (object);
}

static void
cw_store_class_init (CwStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cw_store_finalize;
}

static void
cw_store_init (CwStore *self)
{
}

/**
 * cw_store_get_latest_schema_version:
 *
 * Returns: the schema version this Changeward writes
 */
guint
cw_store_get_latest_schema_version (void)
{
  static gsize latest;

  /* Stored as count + 1, so that 0 means "not loaded yet". */
  if (g_once_init_enter (&latest))
    {
      g_autoptr(GPtrArray) migrations = load_migrations (CW_STORE_MIGRATIONS_PATH, NULL);
      g_assert (migrations != NULL);
      g_once_init_leave (&latest, migrations->len + 1);
    }

  return (guint) latest - 1;
}

/**
 * cw_store_open:
 * @path: the workspace file
 * @flags: how to open it
 * @error: the reason it was refused
 *
 * Opens or creates a workspace. A file that is empty, not SQLite, not a
 * workspace, from a newer Changeward, or not writable is refused before
 * anything is written to it. An older workspace is copied with the SQLite
 * backup API, then migrated in one transaction.
 *
 * Returns: (transfer full) (nullable): the store
 */
CwStore *
cw_store_open (const char        *path,
               CwStoreOpenFlags   flags,
               GError           **error)
{
  return _cw_store_open_with_migrations (path, flags, CW_STORE_MIGRATIONS_PATH, error);
}

typedef struct
{
  char             *path;
  CwStoreOpenFlags  flags;
} OpenData;

static void
open_data_free (OpenData *data)
{
  g_free (data->path);
  g_free (data);
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OpenData *data = task_data;
  GError *error = NULL;
  CwStore *store;

  store = cw_store_open (data->path, data->flags, &error);
  if (store == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, store, g_object_unref);
}

void
cw_store_open_async (const char          *path,
                     CwStoreOpenFlags     flags,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  OpenData *data;

  g_return_if_fail (path != NULL);

  data = g_new0 (OpenData, 1);
  data->path = g_strdup (path);
  data->flags = flags;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, cw_store_open_async);
  g_task_set_task_data (task, data, (GDestroyNotify) open_data_free);
  g_task_run_in_thread (task, open_thread);
}

CwStore *
cw_store_open_finish (GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

const char *
cw_store_get_path (CwStore *self)
{
  g_return_val_if_fail (CW_IS_STORE (self), NULL);

  return self->path;
}

guint
cw_store_get_schema_version (CwStore *self)
{
  g_return_val_if_fail (CW_IS_STORE (self), 0);

  return self->schema_version;
}

gboolean
cw_store_is_read_only (CwStore *self)
{
  g_return_val_if_fail (CW_IS_STORE (self), TRUE);

  return self->read_only;
}

/**
 * cw_store_get_backup_path:
 *
 * Returns: (nullable): the backup made before migrating on open, if any
 */
const char *
cw_store_get_backup_path (CwStore *self)
{
  g_return_val_if_fail (CW_IS_STORE (self), NULL);

  return self->backup_path;
}

sqlite3 *
cw_store_get_handle (CwStore *self)
{
  g_return_val_if_fail (CW_IS_STORE (self), NULL);

  return self->db;
}

gboolean
cw_store_exec (CwStore     *self,
               const char  *sql,
               GError     **error)
{
  char *message = NULL;
  int rc;

  g_return_val_if_fail (CW_IS_STORE (self), FALSE);
  g_return_val_if_fail (sql != NULL, FALSE);

  rc = sqlite3_exec (self->db, sql, NULL, NULL, &message);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, CW_STORE_ERROR,
                   rc == SQLITE_READONLY ? CW_STORE_ERROR_NOT_WRITABLE : CW_STORE_ERROR_SQL,
                   "%s", message ? message : sqlite3_errstr (rc));
      sqlite3_free (message);
      return FALSE;
    }

  return TRUE;
}

gboolean
cw_store_begin (CwStore  *self,
                GError  **error)
{
  return cw_store_exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
cw_store_commit (CwStore  *self,
                 GError  **error)
{
  return cw_store_exec (self, "COMMIT", error);
}

void
cw_store_rollback (CwStore *self)
{
  g_return_if_fail (CW_IS_STORE (self));

  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

/**
 * cw_store_get_meta:
 *
 * Returns: (transfer full) (nullable): the workspace fact stored under @key
 */
char *
cw_store_get_meta (CwStore    *self,
                   const char *key)
{
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_return_val_if_fail (CW_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  if (sqlite3_prepare_v2 (self->db, "SELECT value FROM workspace_meta WHERE key = ?",
                          -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    }
  sqlite3_finalize (stmt);

  return value;
}

gboolean
cw_store_set_meta (CwStore     *self,
                   const char  *key,
                   const char  *value,
                   GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (CW_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL && value != NULL, FALSE);

  rc = sqlite3_prepare_v2 (self->db,
                           "INSERT INTO workspace_meta (key, value) VALUES (?, ?) "
                           "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_OK)
    return cw_store_set_sql_error (error, self->db, rc, _("Could not save a workspace setting"));

  return TRUE;
}
