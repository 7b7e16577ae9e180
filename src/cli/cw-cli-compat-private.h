/* cw-cli-compat-private.h
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Shared by the `changeward-cli compat` sub-commands. */
int cw_cli_compat_no_workspace (const char  *command,
                                const char  *path);

int cw_cli_compat_check        (int          argc,
                                char       **argv);

G_END_DECLS
