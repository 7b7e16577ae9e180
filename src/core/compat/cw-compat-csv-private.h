/* cw-compat-csv-private.h
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cw-compat-csv.h"
#include "cw-store.h"

G_BEGIN_DECLS

#define CW_COMPAT_CSV_MAX_COLUMNS 7

typedef struct
{
  const char         *key;
  const char * const *columns;     /* NULL-terminated, the header in order */
  guint               n_columns;
  guint               n_required;  /* the leading columns that must not be empty */
} CwCompatTableSpec;

const CwCompatTableSpec *_cw_compat_table_get_spec (CwCompatTable table);

/* Import: the columns of each table. */
enum { CW_M_PRODUCT_A, CW_M_VERSION_A, CW_M_PRODUCT_B, CW_M_VERSION_B, CW_M_VERDICT, CW_M_NOTE, CW_M_SOURCE };
enum { CW_P_PRODUCT, CW_P_FROM_MIN, CW_P_FROM_MAX, CW_P_TO, CW_P_NOTE };
enum { CW_V_PRODUCT, CW_V_VERSION, CW_V_RELEASED, CW_V_END, CW_V_APPROVED };

/* A good line of an import file. */
typedef struct
{
  guint     line;
  gboolean  repeated;                        /* the same as an earlier line: skipped */
  char     *f[CW_COMPAT_CSV_MAX_COLUMNS];    /* trimmed; NULL when empty */
} CwCompatCsvRow;

/* A product named in an import file, and what the workspace has of it. */
typedef struct
{
  char       *name;        /* the first spelling in the file */
  gint64      id;          /* 0 while it is not in the workspace */
  gboolean    manual;      /* its versions had a manual order before the import */
  GHashTable *ids;         /* version -> gint64 * */
  GPtrArray  *existing;    /* versions (borrowed from ids) in the workspace's order */
  GHashTable *positions;   /* version -> index + 1 in existing, when manual */
  GPtrArray  *listed;      /* products file: versions in file order, first time only */
  GHashTable *listed_set;
  GPtrArray  *added;       /* versions created by the import */
} CwCompatCsvProduct;

typedef struct
{
  CwStore              *store;
  CwCompatTable         table;
  GPtrArray            *rows;       /* CwCompatCsvRow: the good lines */
  GHashTable           *products;   /* ASCII-folded name -> CwCompatCsvProduct */
  GHashTable           *keys;       /* key of a line -> its first row */
  GHashTable           *approved;   /* folded product name -> its approving row */
  CwCompatImportResult *result;
} CwCompatCsvImport;

void                _cw_compat_csv_import_init    (CwCompatCsvImport  *self,
                                                   CwStore            *store,
                                                   CwCompatTable       table);
void                _cw_compat_csv_import_clear   (CwCompatCsvImport  *self);
/* Reads and checks every line; FALSE only for an I/O error, an SQL error or
 * an unusable header. */
gboolean            _cw_compat_csv_import_read    (CwCompatCsvImport  *self,
                                                   GInputStream       *input,
                                                   GCancellable       *cancellable,
                                                   GError            **error);
CwCompatCsvProduct *_cw_compat_csv_lookup_product (CwCompatCsvImport  *self,
                                                   const char         *name,
                                                   GError            **error);

G_END_DECLS
