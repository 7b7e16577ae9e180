/* cw-calendar-slot-dialog.h: "find a slot" for planned work.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cw-schedule.h"

G_BEGIN_DECLS

#define CW_TYPE_CALENDAR_SLOT_DIALOG (cw_calendar_slot_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CwCalendarSlotDialog, cw_calendar_slot_dialog, CW, CALENDAR_SLOT_DIALOG, AdwWindow)

CwCalendarSlotDialog *cw_calendar_slot_dialog_new        (GtkWindow            *parent,
                                                          CwStore              *store,
                                                          GTimeZone            *zone);
/* @cis: names, comma-separated; @runbook: a name or ""; @after:
 * "YYYY-MM-DD HH:MM" in the dialog's zone. */
void                  cw_calendar_slot_dialog_set_query  (CwCalendarSlotDialog *self,
                                                          const char           *cis,
                                                          const char           *runbook,
                                                          const char           *after);
/* Runs the search, as Find does; the slots found, or -1 and the reason
 * shown in the dialog. */
int                   cw_calendar_slot_dialog_search     (CwCalendarSlotDialog *self);
const CwFreeSlot     *cw_calendar_slot_dialog_get_slot   (CwCalendarSlotDialog *self,
                                                          guint                 index);
const char           *cw_calendar_slot_dialog_get_error  (CwCalendarSlotDialog *self);
/* As activating its row: emits "slot-chosen". */
void                  cw_calendar_slot_dialog_choose     (CwCalendarSlotDialog *self,
                                                          guint                 index);

/* Signals:
 *   "slot-chosen" (const char *cis, const char *runbook, gint64 start, gint64 end)
 */

G_END_DECLS
