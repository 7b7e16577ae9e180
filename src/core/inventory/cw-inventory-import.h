/* cw-inventory-import.h
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cw-csv.h"
#include "cw-csv-layout.h"

G_BEGIN_DECLS

/* The first rows of a file, for the import dialog. */
typedef struct
{
  CwCsvEncoding  encoding;
  char         **header;          /* NULL-terminated */
  guint          n_columns;
  GPtrArray     *rows;            /* char ** (NULL-terminated), at most the rows asked for */
  CwCsvMapping  *mapping;         /* NULL when no layout matches the header */
  GError        *header_error;    /* why no layout matched, when mapping is NULL */
  gboolean       is_utf8;         /* FALSE: the first rows are not valid UTF-8 */
} CwInventoryPreview;

typedef struct
{
  guint  line;
  char  *message;                 /* a sentence that names the line */
  char  *reason;                  /* the same for a list that shows the line apart:
                                   * "Unknown class “toaster”." */
} CwInventoryProblem;

typedef struct
{
  CwCsvLayout  layout;
  guint        n_records;         /* data lines read */
  guint        n_inserted;
  guint        n_updated;
  guint        n_unchanged;
  guint        n_rejected;
  guint        n_version_changes; /* rows added to the version history */
  gboolean     committed;         /* FALSE: bad lines, nothing was imported (and the
                                   * counts of new, updated and unchanged CIs are 0) */
  GPtrArray   *problems;          /* CwInventoryProblem, by line (at most 1,000 kept) */
  guint        n_problems;        /* all of them */
} CwInventoryImportResult;

#define CW_TYPE_INVENTORY_IMPORT (cw_inventory_import_get_type ())

G_DECLARE_FINAL_TYPE (CwInventoryImport, cw_inventory_import, CW, INVENTORY_IMPORT, GObject)

void                     cw_inventory_preview_free            (CwInventoryPreview      *preview);
CwInventoryPreview      *cw_inventory_preview_read            (GFile                   *file,
                                                               CwCsvEncoding            encoding,
                                                               guint                    n_rows,
                                                               GCancellable            *cancellable,
                                                               GError                 **error);

void                     cw_inventory_import_result_free      (CwInventoryImportResult *result);

/* Imports @file into the workspace at @workspace_path, on its own
 * connection, in one transaction: a failure or a cancel leaves the
 * workspace as it was. CIs are matched on sys_id, then serial, then name
 * within a site; version changes are recorded in the history. */
CwInventoryImport       *cw_inventory_import_new              (const char              *workspace_path,
                                                               GFile                   *file);
void                     cw_inventory_import_set_layout       (CwInventoryImport       *self,
                                                               CwCsvLayout              layout);
/* A mapping the user made; it wins over the layout. */
void                     cw_inventory_import_set_mapping      (CwInventoryImport       *self,
                                                               CwCsvMapping            *mapping);
void                     cw_inventory_import_set_encoding     (CwInventoryImport       *self,
                                                               CwCsvEncoding            encoding);
/* Import the valid lines and write the bad ones, with their line and
 * reason, to @rejects (CSV). Without it any bad line means nothing is
 * imported. */
void                     cw_inventory_import_set_rejects_file (CwInventoryImport       *self,
                                                               GFile                   *rejects);
/* 0.0 to 1.0; "notify::fraction" is emitted on the thread-default main
 * context of the caller of cw_inventory_import_run_async(). */
double                   cw_inventory_import_get_fraction     (CwInventoryImport       *self);

/* Returns NULL with @error for what stops the whole file: it cannot be
 * read, the header matches no layout, a quote is never closed, the disk is
 * full, the run was cancelled. Bad lines are not errors: see the result. */
CwInventoryImportResult *cw_inventory_import_run              (CwInventoryImport       *self,
                                                               GCancellable            *cancellable,
                                                               GError                 **error);
void                     cw_inventory_import_run_async        (CwInventoryImport       *self,
                                                               GCancellable            *cancellable,
                                                               GAsyncReadyCallback      callback,
                                                               gpointer                 user_data);
CwInventoryImportResult *cw_inventory_import_run_finish       (CwInventoryImport       *self,
                                                               GAsyncResult            *result,
                                                               GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwInventoryPreview, cw_inventory_preview_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwInventoryImportResult, cw_inventory_import_result_free)

G_END_DECLS
