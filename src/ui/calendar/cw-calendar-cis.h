/* cw-calendar-cis.h: CIs typed by name in the calendar's dialogs.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cw-store.h"

G_BEGIN_DECLS

/* Comma-separated CI names (case-insensitive, exact), or "#id", to ids,
 * through the inventory's search. An unknown name is an error naming it.
 * (element-type gint64) */
GArray *cw_calendar_resolve_cis   (CwStore      *store,
                                   const char   *text,
                                   GError      **error);
/* The names of @ids, comma-separated. */
char   *cw_calendar_dup_ci_names  (CwStore      *store,
                                   const GArray *ids);

G_END_DECLS
