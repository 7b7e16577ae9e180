/* cw-cli-runbook-private.h
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "cw-runbook.h"
#include "cw-store.h"

G_BEGIN_DECLS

/* `changeward-cli runbook`: the group, for the command table. */
int         cw_cli_runbook                    (int                argc,
                                               char             **argv);

/* Shared by the `changeward-cli runbook` sub-commands. */
CwStore    *cw_cli_runbook_open               (const char        *command,
                                               const char        *workspace,
                                               CwStoreOpenFlags   flags,
                                               int               *status);
int         cw_cli_runbook_parse_version      (const char        *command,
                                               const char        *text,
                                               guint             *version);
int         cw_cli_runbook_fail               (const char        *command,
                                               const GError      *error);
const char *cw_cli_runbook_state_label        (CwRunbookState     state);
char       *cw_cli_runbook_format_applies_to  (const char        *product,
                                               const char        *ci_class);
/* Appends @text and pads it to @width characters (not bytes). */
void        cw_cli_runbook_append_cell        (GString           *line,
                                               const char        *text,
                                               guint              width,
                                               gboolean           align_right);
guint       cw_cli_runbook_text_width         (const char        *text);

int         cw_cli_runbook_show               (int                argc,
                                               char             **argv);

G_END_DECLS
