/* cw-paths.h
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *cw_paths_default_workspace (void);
char *cw_paths_demo_workspace    (void);
char *cw_paths_resolve_workspace (const char  *option);
gboolean cw_paths_ensure_parent  (const char  *path,
                                  GError     **error);

G_END_DECLS
