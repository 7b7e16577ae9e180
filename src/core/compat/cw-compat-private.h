/* cw-compat-private.h
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "cw-compat.h"

G_BEGIN_DECLS

/* Row readers. Each SELECT lists the struct's columns in order; append a
 * WHERE / ORDER BY clause. The *_from_row() functions read them starting at
 * column 0 and return a new struct. */
#define CW_COMPAT_SELECT_PRODUCT \
  "SELECT p.id, p.name, p.vendor, p.manual_order FROM compat_products p "
#define CW_COMPAT_SELECT_VERSION \
  "SELECT v.id, v.product_id, v.version, v.released, v.end_of_support, v.approved " \
  "FROM compat_versions v "
/* Column 7 is the product's name. */
#define CW_COMPAT_SELECT_RULE \
  "SELECT r.id, r.product_id, r.manufacturer, r.class, r.model_pattern, " \
  "r.version_field, r.version_prefix, p.name FROM compat_rules r " \
  "JOIN compat_products p ON p.id = r.product_id "

CwCompatProduct *_cw_compat_product_from_row (sqlite3_stmt  *stmt);
CwCompatVersion *_cw_compat_version_from_row (sqlite3_stmt  *stmt);
CwCompatRule    *_cw_compat_rule_from_row    (sqlite3_stmt  *stmt);

/* sqlite3_prepare_v2() on the store's handle; sets a CW_STORE_ERROR and
 * returns NULL on failure. */
sqlite3_stmt    *_cw_compat_prepare          (CwStore       *store,
                                              const char    *sql,
                                              GError       **error);

/* Puts versions of one product into the product's order. They must have been
 * read "ORDER BY v.position, v.id": with @manual_order that order is kept,
 * otherwise they are sorted with cw_version_compare(). */
void             _cw_compat_sort_versions    (GPtrArray     *versions,
                                              gboolean       manual_order);

/* TRUE for NULL, "" or a valid YYYY-MM-DD date. */
gboolean         _cw_compat_date_is_valid    (const char    *date);

/* Case-insensitive comparison of product names (as the name column's
 * NOCASE collation orders them, ties broken by bytes). */
int              _cw_compat_name_compare     (const char    *a,
                                              const char    *b);

/* ---- store helpers, for the cw-compat*.c files ---------------------------- */

/* What a missing id names, for _cw_compat_set_not_found(). NONE: no check. */
typedef enum
{
  CW_COMPAT_OBJECT_NONE,
  CW_COMPAT_OBJECT_PRODUCT,
  CW_COMPAT_OBJECT_VERSION,
  CW_COMPAT_OBJECT_RULE,
  CW_COMPAT_OBJECT_PATH,
  CW_COMPAT_OBJECT_CI,
} CwCompatObject;

/* Like _cw_compat_prepare(), with a "could not save" message. */
sqlite3_stmt    *_cw_compat_prepare_write    (CwStore       *store,
                                              const char    *sql,
                                              GError       **error);
/* Finalizes a read statement; an error unless @rc is SQLITE_DONE. */
gboolean         _cw_compat_finish_read      (CwStore       *store,
                                              sqlite3_stmt  *stmt,
                                              int            rc,
                                              GError       **error);
/* Steps a write statement once and finalizes it. A UNIQUE violation becomes
 * CW_COMPAT_ERROR_EXISTS with @exists_message when it is not NULL. */
gboolean         _cw_compat_step_write       (CwStore       *store,
                                              sqlite3_stmt  *stmt,
                                              const char    *exists_message,
                                              GError       **error);
/* Runs @sql with ?1 = @id; CW_COMPAT_ERROR_NOT_FOUND for @not_found when
 * no row changed (unless it is CW_COMPAT_OBJECT_NONE). */
gboolean         _cw_compat_write_by_id      (CwStore       *store,
                                              const char    *sql,
                                              gint64         id,
                                              CwCompatObject not_found,
                                              GError       **error);
/* Reads the one row of @sql (?1 = @id) with @from_row; NOT_FOUND for
 * @not_found when there is none. */
gpointer         _cw_compat_get_one          (CwStore       *store,
                                              const char    *sql,
                                              gint64         id,
                                              gpointer     (*from_row) (sqlite3_stmt *),
                                              CwCompatObject not_found,
                                              GError       **error);

/* A SAVEPOINT: nests inside a caller's transaction (the CSV import) and is a
 * transaction of its own otherwise. _end() releases it when @ok, else rolls
 * it back; it returns FALSE in that case (the error is already set). */
gboolean         _cw_compat_savepoint_begin  (CwStore       *store,
                                              GError       **error);
gboolean         _cw_compat_savepoint_end    (CwStore       *store,
                                              gboolean       ok,
                                              GError       **error);

/* Binds @text, or NULL. */
void             _cw_compat_bind_text        (sqlite3_stmt  *stmt,
                                              int            column,
                                              const char    *text);
/* A copy of @text without surrounding white space; NULL when none is left. */
char            *_cw_compat_dup_trimmed      (const char    *text);
/* Set a CW_COMPAT_ERROR and return FALSE. */
gboolean         _cw_compat_set_not_found    (GError       **error,
                                              CwCompatObject what,
                                              gint64         id);
gboolean         _cw_compat_set_invalid      (GError       **error,
                                              const char    *message);

G_END_DECLS
