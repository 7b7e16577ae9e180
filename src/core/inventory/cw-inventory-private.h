/* cw-inventory-private.h
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "cw-ci.h"
#include "cw-store.h"

G_BEGIN_DECLS

/* Columns 0..13 are the CwCiField values in enum order (site = its code),
 * then site_id, the site's name and updated_at. Append "WHERE c.id = ?". */
#define CW_INVENTORY_SELECT_CI \
  "SELECT c.class, c.name, c.manufacturer, c.model, c.serial, c.asset_tag, s.code, " \
  "c.ip_address, c.firmware_version, c.os_version, c.lifecycle_status, " \
  "c.operational_status, c.sys_id, c.notes, c.site_id, s.name, c.updated_at " \
  "FROM cis c LEFT JOIN sites s ON s.id = c.site_id "

CwCi       *cw_inventory_ci_from_row      (sqlite3_stmt *stmt,
                                           gint64        id);
/* The cis column of a field; NULL for CW_CI_FIELD_SITE (it is site_id). */
const char *cw_inventory_field_column     (CwCiField     field);
/* Digit runs compare as numbers, the rest ignoring ASCII case:
 * "srv2" < "srv10", "10.0.0.9" < "10.0.0.10", "9.4" < "9.12". */
int         cw_inventory_natural_compare  (const char   *a,
                                           const char   *b);
/* A statement on @store, or NULL with @error set; and its end: finalizes
 * it, and sets @error unless @rc is SQLITE_DONE. */
sqlite3_stmt *cw_inventory_prepare        (CwStore      *store,
                                           const char   *sql,
                                           GError      **error);
gboolean    cw_inventory_finish           (CwStore      *store,
                                           sqlite3_stmt *stmt,
                                           int           rc,
                                           GError      **error);

G_END_DECLS
