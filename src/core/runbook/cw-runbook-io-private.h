/* cw-runbook-io-private.h: what the JSON, CSV and Markdown files share.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cw-runbook-io.h"

G_BEGIN_DECLS

/* Where step @index stands in the file read, for an error message: a JSON
 * path such as "$.steps[4] (“upgrade”)" or "line 7". Returns a new string. */
typedef char *(*CwRunbookLocateFunc) (const CwRunbook *runbook,
                                      guint            index,
                                      gpointer         user_data);

/* Appends one line to @errors (element-type utf8) for each validation
 * problem of @runbook: "LOCATION: message", LOCATION being where the first
 * step the problem names stands, or @whole for a problem that names no step
 * (just the message when @whole is NULL). */
void      _cw_runbook_io_add_problems  (const CwRunbook     *runbook,
                                        GPtrArray           *errors,
                                        CwRunbookLocateFunc  locate,
                                        gpointer             user_data,
                                        const char          *whole);
/* FALSE, with CW_RUNBOOK_ERROR_PARSE listing @errors one per line. */
gboolean  _cw_runbook_io_fail          (GPtrArray           *errors,
                                        GError             **error);
/* @argv as one line that g_shell_parse_argv() turns back into @argv: an
 * argument is put in single quotes only when it is empty or holds a
 * character a shell would treat specially. */
void      _cw_runbook_io_append_argv   (GString             *out,
                                        const char * const  *argv);
/* "a, b, c": the words of a closed set, for "expected one of: …". */
char     *_cw_runbook_io_phase_list    (void);
char     *_cw_runbook_io_type_list     (void);

G_END_DECLS
