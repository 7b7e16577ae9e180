/* cw-runbook-command.h: a command step's argument vector as the one line
 * the user edits, quoted as in a shell.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The line that cw_runbook_command_parse() gives @argv back from: plain
 * words as they are, others single-quoted. "" for none. */
char     *cw_runbook_command_format  (char       **argv);
/* Splits @text with g_shell_parse_argv(), never through a shell; blank text
 * is no command (TRUE, *@argv NULL). */
gboolean  cw_runbook_command_parse   (const char  *text,
                                      char      ***argv,
                                      GError     **error);

G_END_DECLS
