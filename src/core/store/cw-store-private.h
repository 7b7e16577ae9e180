/* cw-store-private.h
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "cw-store.h"

G_BEGIN_DECLS

/* "CwWS" in the SQLite header's application_id field marks a workspace. */
#define CW_STORE_APPLICATION_ID 0x43775753

#define CW_STORE_MIGRATIONS_PATH "/io/github/changeward/Changeward/core/sql"

typedef struct
{
  guint  version;
  char  *name;
  char  *sql;
} CwMigration;

sqlite3   *cw_store_get_handle          (CwStore           *self);
void       cw_store_delete_files        (const char        *path);
gboolean   cw_store_set_sql_error       (GError           **error,
                                         sqlite3           *db,
                                         int                rc,
                                         const char        *what);

/* Tests pass their own migrations (a resource folder of NNNN-name.sql). */
CwStore   *_cw_store_open_with_migrations (const char        *path,
                                           CwStoreOpenFlags   flags,
                                           const char        *migrations_path,
                                           GError           **error);

GPtrArray *_cw_migrations_load          (const char        *resource_path,
                                         GError           **error);
void       _cw_migration_free           (CwMigration       *migration);
gboolean   _cw_migrations_run           (sqlite3           *db,
                                         GPtrArray         *migrations,
                                         guint              from_version,
                                         gboolean           mark_workspace,
                                         GError           **error);
char      *_cw_store_backup             (sqlite3           *db,
                                         const char        *path,
                                         guint              version,
                                         GError           **error);

G_END_DECLS
