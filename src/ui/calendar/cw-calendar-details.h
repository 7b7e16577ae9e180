/* cw-calendar-details.h: the popover a click on a calendar item opens.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cw-calendar-item.h"

G_BEGIN_DECLS

/* @zone_id: the IANA name of @zone, "" for the local zone. Its Edit and
 * Delete buttons activate "calendar.edit-item" and "calendar.delete-item"
 * with the item's (kind, id). */
GtkPopover *cw_calendar_details_new          (CwStore              *store,
                                              const CwCalendarItem *item,
                                              GTimeZone            *zone,
                                              const char           *zone_id);
/* For tests: every text the popover shows, one per line. */
char       *cw_calendar_details_dup_text     (GtkPopover           *popover);

G_END_DECLS
