/* cw-store.h
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CW_STORE_ERROR (cw_store_error_quark ())

/**
 * CwStoreError:
 * @CW_STORE_ERROR_NOT_FOUND: the workspace file does not exist
 * @CW_STORE_ERROR_EXISTS: a file already exists where a new workspace was to be made
 * @CW_STORE_ERROR_NOT_WRITABLE: the file or its folder cannot be written
 * @CW_STORE_ERROR_EMPTY_FILE: the file is empty
 * @CW_STORE_ERROR_NOT_SQLITE: the file is not an SQLite database
 * @CW_STORE_ERROR_NOT_WORKSPACE: an SQLite database, but not a Changeward workspace
 * @CW_STORE_ERROR_NEWER_VERSION: written by a newer Changeward
 * @CW_STORE_ERROR_BACKUP: the backup before a migration failed
 * @CW_STORE_ERROR_MIGRATION: a schema migration failed; nothing was changed
 * @CW_STORE_ERROR_SQL: any other SQLite error
 */
typedef enum
{
  CW_STORE_ERROR_NOT_FOUND,
  CW_STORE_ERROR_EXISTS,
  CW_STORE_ERROR_NOT_WRITABLE,
  CW_STORE_ERROR_EMPTY_FILE,
  CW_STORE_ERROR_NOT_SQLITE,
  CW_STORE_ERROR_NOT_WORKSPACE,
  CW_STORE_ERROR_NEWER_VERSION,
  CW_STORE_ERROR_BACKUP,
  CW_STORE_ERROR_MIGRATION,
  CW_STORE_ERROR_SQL,
} CwStoreError;

/**
 * CwStoreOpenFlags:
 * @CW_STORE_OPEN_DEFAULT: open, or create when missing, and migrate to the
 *   current schema
 * @CW_STORE_OPEN_NO_CREATE: fail with %CW_STORE_ERROR_NOT_FOUND when missing
 * @CW_STORE_OPEN_CREATE_NEW: fail with %CW_STORE_ERROR_EXISTS when the file exists
 * @CW_STORE_OPEN_READ_ONLY: never write: no creation, no migration
 */
typedef enum
{
  CW_STORE_OPEN_DEFAULT    = 0,
  CW_STORE_OPEN_NO_CREATE  = 1 << 0,
  CW_STORE_OPEN_CREATE_NEW = 1 << 1,
  CW_STORE_OPEN_READ_ONLY  = 1 << 2,
} CwStoreOpenFlags;

typedef struct
{
  char   *table;
  gint64  rows;
} CwStoreTableCount;

#define CW_TYPE_STORE (cw_store_get_type ())

G_DECLARE_FINAL_TYPE (CwStore, cw_store, CW, STORE, GObject)

GQuark      cw_store_error_quark                (void);
guint       cw_store_get_latest_schema_version  (void);

CwStore    *cw_store_open                       (const char           *path,
                                                 CwStoreOpenFlags      flags,
                                                 GError              **error);
void        cw_store_open_async                 (const char           *path,
                                                 CwStoreOpenFlags      flags,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
CwStore    *cw_store_open_finish                (GAsyncResult         *result,
                                                 GError              **error);

const char *cw_store_get_path                   (CwStore              *self);
guint       cw_store_get_schema_version         (CwStore              *self);
gboolean    cw_store_is_read_only               (CwStore              *self);
const char *cw_store_get_backup_path            (CwStore              *self);

gboolean    cw_store_exec                       (CwStore              *self,
                                                 const char           *sql,
                                                 GError              **error);
gboolean    cw_store_begin                      (CwStore              *self,
                                                 GError              **error);
gboolean    cw_store_commit                     (CwStore              *self,
                                                 GError              **error);
void        cw_store_rollback                   (CwStore              *self);

char       *cw_store_get_meta                   (CwStore              *self,
                                                 const char           *key);
gboolean    cw_store_set_meta                   (CwStore              *self,
                                                 const char           *key,
                                                 const char           *value,
                                                 GError              **error);

GArray     *cw_store_count_rows                 (CwStore              *self,
                                                 GError              **error);
gint64      cw_store_count_table                (CwStore              *self,
                                                 const char           *table,
                                                 GError              **error);
gboolean    cw_store_check                      (CwStore              *self,
                                                 GPtrArray           **problems,
                                                 GError              **error);

G_END_DECLS
