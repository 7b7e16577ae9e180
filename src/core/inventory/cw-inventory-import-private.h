/* cw-inventory-import-private.h
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

#include "cw-ci-field.h"
#include "cw-csv-layout.h"
#include "cw-inventory-index.h"

G_BEGIN_DECLS

/* An import runs on up to three threads:
 *
 *   reader   (cw-inventory-import.c) parses the CSV and applies the mapping,
 *            into batches of records;
 *   writer   (the thread that runs the import) matches each record and writes
 *            it on the import's own connection, in one transaction;
 *   indexer  (cw-inventory-import-writer.c; only when the workspace had no
 *            CIs) builds the search index of the new rows in a private
 *            in-memory database, on the second core, and the writer copies
 *            it into the workspace before the commit.
 *
 * Batches go round: free -> reader -> writer -> (indexer ->) free. */

#define CW_IMPORT_BATCH_RECORDS 4096
#define CW_IMPORT_BATCH_TEXT    (1024 * 1024)

/* One good record: offsets + 1 into the batch's text, 0 for NULL. */
typedef struct
{
  guint   line;
  guint32 values[CW_CI_N_FIELDS];
} CwImportRecord;

/* One bad line. */
typedef struct
{
  guint   line;
  char   *message;   /* names the line */
  char   *reason;    /* without "Line N: " where we added it */
  char  **fields;    /* the record as read, or NULL when the reader gave none */
} CwImportProblem;

/* What the indexer does for one CI. */
typedef struct
{
  gint64          id;
  gboolean        remove;
  CwCiSearchText  text;
} CwImportIndexOp;

typedef struct
{
  GString      *text;       /* the records' values, each NUL-terminated */
  GArray       *records;    /* CwImportRecord */
  GPtrArray    *problems;   /* CwImportProblem */
  guint         n_lines;    /* records read, good and bad */
  goffset       bytes_read; /* by the reader, after this batch */
  gboolean      last;       /* the end of the input, or the reader stopped */
  GError       *error;      /* the fatal error that stopped the reader */
} CwImportBatch;

CwImportBatch *cw_import_batch_new    (void);
void           cw_import_batch_reset  (CwImportBatch        *batch);
void           cw_import_batch_free   (CwImportBatch        *batch);
void           cw_import_problem_free (CwImportProblem      *problem);

static inline const char *
cw_import_record_get (const CwImportBatch  *batch,
                      const CwImportRecord *record,
                      CwCiField             field)
{
  guint32 offset = record->values[field];

  return offset != 0 ? batch->text->str + offset - 1 : NULL;
}

/* The reader thread (cw-inventory-import-reader.c): takes batches from
 * @free_batches, fills them and hands them to @read_batches, the last one
 * with last set; stops early when @stop is set. */
typedef struct
{
  CwCsvReader   *reader;
  CwCsvMapping  *mapping;
  GCancellable  *cancellable;
  GAsyncQueue   *free_batches;
  GAsyncQueue   *read_batches;
  gint           stop;
} CwImportReading;

gpointer         cw_import_read_thread    (gpointer             reading);

/* The rejects file: "line", "reason", then the file's columns. Freed
 * without being closed, it leaves what was there before. */
typedef struct _CwImportRejects CwImportRejects;

CwImportRejects *cw_import_rejects_open   (GFile               *file,
                                           const char * const  *header,
                                           guint                n_columns,
                                           GCancellable        *cancellable,
                                           GError             **error);
gboolean         cw_import_rejects_add    (CwImportRejects     *rejects,
                                           const CwImportProblem *problem,
                                           GCancellable        *cancellable,
                                           GError             **error);
gboolean         cw_import_rejects_close  (CwImportRejects     *rejects,
                                           GCancellable        *cancellable,
                                           GError             **error);
void             cw_import_rejects_free   (CwImportRejects     *rejects);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwImportRejects, cw_import_rejects_free)

/* The keys CIs are matched on, as 32-bit fingerprints next to CI ids
 * (cw-inventory-import-keys.c). */
typedef struct
{
  guint64 *slots;
  gsize    mask;
  gsize    n;
} CwImportKeys;

guint32          cw_import_fingerprint    (guint64              seed,
                                           const char          *text);
void             cw_import_keys_init      (CwImportKeys        *keys);
void             cw_import_keys_clear     (CwImportKeys        *keys);
void             cw_import_keys_add       (CwImportKeys        *keys,
                                           guint32              fp,
                                           guint32              id);
/* The ids filed under @fp, one per call, then 0: start with *@cursor = -1. */
guint32          cw_import_keys_next      (const CwImportKeys  *keys,
                                           guint32              fp,
                                           gssize              *cursor);

/* The cis column of each field ("site_id" for the site). */
extern const char * const cw_import_field_columns[CW_CI_N_FIELDS];

/* A CI as stored; values[CW_CI_FIELD_SITE] is unused (see site_id). */
typedef struct
{
  gint64  id;
  gint64  site_id;
  char   *values[CW_CI_N_FIELDS];
} CwImportCi;

void             cw_import_ci_clear       (CwImportCi          *ci);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CwImportCi, cw_import_ci_clear)

/* What a line is matched with. */
typedef struct
{
  const char * const *values;
  gint64              site_id;
  guint32             sys_id_fp;
  guint32             serial_fp;
  guint32             name_fp;
} CwImportLine;

/* Finds the CI a line stands for (cw-inventory-import-match.c). */
typedef struct _CwImportMatcher CwImportMatcher;

CwImportMatcher *cw_import_matcher_new    (sqlite3             *db,
                                           gboolean             by_site,
                                           GError             **error);
/* Files the keys of the CIs the workspace has. */
gboolean         cw_import_matcher_load   (CwImportMatcher     *matcher,
                                           GError             **error);
void             cw_import_matcher_line   (CwImportMatcher     *matcher,
                                           CwImportLine        *line,
                                           const char * const  *values,
                                           gint64               site_id);
/* Files the keys of @line under @id, once the CI is written. */
gboolean         cw_import_matcher_file   (CwImportMatcher     *matcher,
                                           const CwImportLine  *line,
                                           gint64               id,
                                           GError             **error);
/* ci->id stays 0 when no CI has the line's keys. */
gboolean         cw_import_matcher_find   (CwImportMatcher     *matcher,
                                           const CwImportLine  *line,
                                           CwImportCi          *ci,
                                           GError             **error);
void             cw_import_matcher_free   (CwImportMatcher     *matcher);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwImportMatcher, cw_import_matcher_free)

/* The workspace's sites by code or name (cw-inventory-import-sites.c). */
typedef struct _CwImportSites CwImportSites;

CwImportSites   *cw_import_sites_new      (sqlite3             *db,
                                           GError             **error);
/* The site @value names, made when there is none; 0 with @error on failure. */
gint64           cw_import_sites_resolve  (CwImportSites       *sites,
                                           const char          *value,
                                           GError             **error);
/* "<code> <name>", as the search index has it, or NULL. */
const char      *cw_import_sites_get_text (CwImportSites       *sites,
                                           gint64               site_id);
void             cw_import_sites_free     (CwImportSites       *sites);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwImportSites, cw_import_sites_free)

/* The search index of an import into a workspace without CIs, built on its
 * own thread (cw-inventory-import-indexer.c). */
typedef struct _CwImportIndexer CwImportIndexer;

CwImportIndexer *cw_import_indexer_new    (sqlite3              *workspace_db,
                                           GCancellable         *cancellable,
                                           GError              **error);
/* Copies @text (but for the site, which must stay valid) to be added to
 * the index under @id, or removed from it. Waits when the indexer is too
 * far behind. */
void             cw_import_indexer_add    (CwImportIndexer      *indexer,
                                           gint64                id,
                                           gboolean              remove,
                                           const CwCiSearchText *text);
/* No more texts: the indexer completes its index while the caller does
 * something else. */
void             cw_import_indexer_end    (CwImportIndexer      *indexer);
/* Waits for the indexer and copies its index into the workspace's. */
gboolean         cw_import_indexer_finish (CwImportIndexer      *indexer,
                                           sqlite3              *workspace_db,
                                           GError              **error);
void             cw_import_indexer_free   (CwImportIndexer      *indexer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwImportIndexer, cw_import_indexer_free)

/* The database side of an import. */
typedef struct _CwImportWriter CwImportWriter;

typedef struct
{
  guint n_inserted;
  guint n_updated;
  guint n_unchanged;
  guint n_version_changes;
} CwImportCounts;

/* Opens the workspace (it must exist) and begins the transaction. */
CwImportWriter *cw_import_writer_new        (const char      *workspace_path,
                                             CwCsvMapping    *mapping,
                                             const char      *detail,
                                             GCancellable    *cancellable,
                                             GError         **error);
/* Matches and writes the good records of @batch. */
gboolean        cw_import_writer_write      (CwImportWriter  *writer,
                                             CwImportBatch   *batch,
                                             GError         **error);
/* Completes the search index and commits. */
gboolean        cw_import_writer_commit     (CwImportWriter  *writer,
                                             GError         **error);
void            cw_import_writer_get_counts (CwImportWriter  *writer,
                                             CwImportCounts  *counts);
/* Rolls back unless committed, stops the indexer, closes the connections. */
void            cw_import_writer_free       (CwImportWriter  *writer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwImportWriter, cw_import_writer_free)

G_END_DECLS
