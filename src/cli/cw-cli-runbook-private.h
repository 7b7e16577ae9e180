/* cw-cli-runbook-private.h
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "cw-runbook.h"

G_BEGIN_DECLS

/* Shared by the `changeward-cli runbook` sub-commands; the group,
 * cw_cli_runbook(), is in cw-cli.h. */
int         cw_cli_runbook_parse_version      (const char        *command,
                                               const char        *text,
                                               guint             *version);
const char *cw_cli_runbook_state_label        (CwRunbookState     state);
char       *cw_cli_runbook_format_applies_to  (const char        *product,
                                               const char        *ci_class);

int         cw_cli_runbook_show               (int                argc,
                                               char             **argv);

G_END_DECLS
