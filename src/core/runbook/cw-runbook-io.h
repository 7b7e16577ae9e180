/* cw-runbook-io.h: runbooks as JSON (full fidelity), as a CSV task list and
 * as Markdown for reading and printing.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cw-runbook.h"

G_BEGIN_DECLS

/* The "format" member of the JSON files this version writes. */
#define CW_RUNBOOK_JSON_FORMAT "changeward-runbook/1"

#define CW_RUNBOOK_CSV_HEADER \
  "id,phase,stream,title,type,duration_min,predecessors,command,expected_exit,instructions"

typedef enum
{
  CW_RUNBOOK_FORMAT_JSON,
  CW_RUNBOOK_FORMAT_CSV,
  CW_RUNBOOK_FORMAT_MARKDOWN,
} CwRunbookFormat;

gboolean   cw_runbook_format_from_string  (const char      *text,
                                           CwRunbookFormat *format);
/* From a file name's extension; FALSE when it says nothing. */
gboolean   cw_runbook_format_guess        (const char      *filename,
                                           CwRunbookFormat *format);

/* Writing never fails. Import then export gives the same JSON file. */
char      *cw_runbook_to_json             (const CwRunbook *runbook);
char      *cw_runbook_to_csv              (const CwRunbook *runbook);
char      *cw_runbook_to_markdown         (const CwRunbook *runbook);

/* Reading reports every error at once (CW_RUNBOOK_ERROR_PARSE, one per line,
 * each with "line N" or a JSON path such as "$.steps[3].duration_min"), the
 * runbook's validation problems included, each tied to its step's line or
 * path. @name (or NULL) overrides the JSON file's name; a CSV file has none,
 * so cw_runbook_from_csv() needs @name, and cw_runbook_read_file() takes the
 * file's base name without its extension when @name is NULL. */
CwRunbook *cw_runbook_from_json           (const char      *data,
                                           gssize           length,
                                           const char      *name,
                                           GError         **error);
CwRunbook *cw_runbook_from_csv            (const char      *data,
                                           gssize           length,
                                           const char      *name,
                                           GError         **error);
/* Reads @path in @format (guessed from the extension when @format is NULL). */
CwRunbook *cw_runbook_read_file           (const char      *path,
                                           const CwRunbookFormat *format,
                                           const char      *name,
                                           GError         **error);

G_END_DECLS
