/* cw-cli-calendar-private.h
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "cw-schedule.h"
#include "cw-store.h"

G_BEGIN_DECLS

/* Shared by the `changeward-cli calendar` sub-commands
 * (cw-cli-calendar.c); the group, cw_cli_calendar(), is in cw-cli.h. */

/* --from DATE and --to DATE: both or neither. The range runs from midnight
 * UTC of @from to the midnight after @to; without them *from and *to are
 * left alone. */
int         cw_cli_calendar_parse_range       (const char        *command,
                                               const char        *from_text,
                                               const char        *to_text,
                                               gboolean           required,
                                               gint64            *from,
                                               gint64            *to);
/* ISO 8601, "2026-01-10T22:00", with an optional "Z" or ±hh:mm (none: UTC);
 * a date alone is its midnight in UTC. */
gboolean    cw_cli_calendar_parse_datetime    (const char        *text,
                                               gint64            *instant);
/* "2026-01-10 22:00" in @tzid (NULL: UTC), with the zone's abbreviation
 * when @with_zone. */
char       *cw_cli_calendar_format            (gint64             instant,
                                               const char        *tzid,
                                               gboolean           with_zone);
/* "2026-01-10T22:00:00Z" */
char       *cw_cli_calendar_format_iso        (gint64             instant);
/* Windows by id. (gint64* -> CwMaintWindow) */
GHashTable *cw_cli_calendar_windows_by_id     (CwStore           *store,
                                               GError           **error);

/* cw-cli-calendar-report.c */
int         cw_cli_calendar_occurrences       (int                argc,
                                               char             **argv);
int         cw_cli_calendar_conflicts         (int                argc,
                                               char             **argv);
int         cw_cli_calendar_slots             (int                argc,
                                               char             **argv);

G_END_DECLS
