/* cw-runbook-private.h: what the runbook store's files share.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "cw-runbook-store.h"

G_BEGIN_DECLS

/* One version's row, with its runbook's id and stored name. */
typedef struct
{
  gint64          runbook_id;
  gint64          version_id;
  char           *name;
  guint           number;
  CwRunbookState  state;
  char           *author;
} CwRunbookVersionRow;

void           _cw_runbook_version_row_clear  (CwRunbookVersionRow  *row);

sqlite3_stmt  *_cw_runbook_prepare            (CwStore              *store,
                                               const char           *sql,
                                               GError              **error);
/* Finalizes @stmt; FALSE with the SQL error unless @rc is SQLITE_DONE. */
gboolean       _cw_runbook_finish             (CwStore              *store,
                                               sqlite3_stmt         *stmt,
                                               int                   rc,
                                               GError              **error);
void           _cw_runbook_bind_text          (sqlite3_stmt         *stmt,
                                               int                   column,
                                               const char           *text);
char          *_cw_runbook_column_dup         (sqlite3_stmt         *stmt,
                                               int                   column);

/* @number 0 finds the latest version. NOT_FOUND for an unknown runbook or
 * version, with a message that says which. */
gboolean       _cw_runbook_find_version       (CwStore              *store,
                                               const char           *name,
                                               guint                 number,
                                               CwRunbookVersionRow  *row,
                                               GError              **error);
/* The runbook's id, 0 when there is none of that name; -1 on an error. */
gint64         _cw_runbook_find_id            (CwStore              *store,
                                               const char           *name,
                                               GError              **error);
CwRunbook     *_cw_runbook_load_row           (CwStore              *store,
                                               const CwRunbookVersionRow *row,
                                               GError              **error);

G_END_DECLS
