/* cw-cli-compat-private.h
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* `changeward-cli compat check` (cw-cli-compat-check.c). */
int cw_cli_compat_check (int    argc,
                         char **argv);

G_END_DECLS
