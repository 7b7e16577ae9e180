/* cw-calendar-editor.h: the dialog that creates and edits maintenance
 * windows, blackouts and planned work.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cw-calendar-item.h"

G_BEGIN_DECLS

#define CW_TYPE_CALENDAR_EDITOR (cw_calendar_editor_get_type ())

G_DECLARE_FINAL_TYPE (CwCalendarEditor, cw_calendar_editor, CW, CALENDAR_EDITOR, AdwWindow)

/* @id: the item to edit, or 0 for a new one. @tzid: the zone times are
 * typed in when the item has none of its own (IANA; "" or NULL: local).
 *
 * Fields, by key:
 *   window:   name, scope-kind (everything, sites, classes, cis), scope,
 *             start, zone (an IANA name), duration (minutes), repeat (none,
 *             weekly, monthly, custom), rrule, until (a date), count,
 *             max-concurrent
 *   blackout: name, scope-kind, scope, start, end, zone, mode (block,
 *             warn), reason
 *   work:     title, cis (names, comma-separated), runbook (a name, or ""),
 *             start, end (empty: start plus the runbook's window needed),
 *             assignee
 * Times are "YYYY-MM-DD HH:MM"; dates "YYYY-MM-DD". */
CwCalendarEditor *cw_calendar_editor_new        (GtkWindow          *parent,
                                                 CwStore            *store,
                                                 CwCalendarItemKind  kind,
                                                 gint64              id,
                                                 const char         *tzid);
CwCalendarItemKind cw_calendar_editor_get_kind  (CwCalendarEditor   *self);
/* FALSE when there is no such field, or no such choice. */
gboolean          cw_calendar_editor_set_field  (CwCalendarEditor   *self,
                                                 const char         *key,
                                                 const char         *value);
char             *cw_calendar_editor_dup_field  (CwCalendarEditor   *self,
                                                 const char         *key);
/* Writes the store, as Save does: on success emits "saved" and closes;
 * otherwise says why in the dialog and stays open. */
gboolean          cw_calendar_editor_save       (CwCalendarEditor   *self);
const char       *cw_calendar_editor_get_error  (CwCalendarEditor   *self);

/* Signals:
 *   "saved" (gint64 id)
 */

G_END_DECLS
