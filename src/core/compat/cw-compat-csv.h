/* cw-compat-csv.h
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cw-store.h"

G_BEGIN_DECLS

/* The three interchange files (RFC 4180, header row required):
 *   matrix:   product_a,version_a,product_b,version_b,verdict,note,source
 *   paths:    product,from_min,from_max,to,note
 *   products: product,version,released,end_of_support,approved
 */
typedef enum
{
  CW_COMPAT_TABLE_MATRIX,
  CW_COMPAT_TABLE_PATHS,
  CW_COMPAT_TABLE_PRODUCTS,
} CwCompatTable;

typedef struct
{
  guint  line;      /* 1-based line number in the file */
  char  *reason;    /* translated, one sentence */
} CwCompatProblem;

typedef struct
{
  guint      n_rows;          /* data rows read (or written) */
  guint      n_new_products;
  guint      n_new_versions;
  GPtrArray *problems;        /* CwCompatProblem, in line order; empty on success */
} CwCompatImportResult;

const char           *cw_compat_table_get_key        (CwCompatTable      table);
gboolean              cw_compat_table_from_key       (const char        *key,
                                                      CwCompatTable     *table);

void                  cw_compat_problem_free         (CwCompatProblem   *problem);
void                  cw_compat_import_result_free   (CwCompatImportResult *result);

/* Reads the whole file and checks every line first. When any line is bad,
 * nothing is imported: the result lists the problems and @error is set to
 * CW_COMPAT_ERROR_INVALID_INPUT. Otherwise everything is written in one
 * transaction; rows merge with what is there (same pair, same hop or same
 * version: updated). Products and versions that do not exist yet are
 * created. Returns NULL only for an I/O error or an unusable header. */
CwCompatImportResult *cw_compat_import               (CwStore           *store,
                                                      CwCompatTable      table,
                                                      GInputStream      *input,
                                                      GCancellable      *cancellable,
                                                      GError           **error);
/* Writes the same format, products in name order and versions in each
 * product's order, so that export then import is lossless. */
gboolean              cw_compat_export               (CwStore           *store,
                                                      CwCompatTable      table,
                                                      GOutputStream     *output,
                                                      guint             *n_rows,
                                                      GCancellable      *cancellable,
                                                      GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwCompatImportResult, cw_compat_import_result_free)

G_END_DECLS
