/* cw-calendar-page.h
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cw-calendar-types.h"
#include "cw-page.h"

G_BEGIN_DECLS

#define CW_TYPE_CALENDAR_PAGE (cw_calendar_page_get_type ())

G_DECLARE_FINAL_TYPE (CwCalendarPage, cw_calendar_page, CW, CALENDAR_PAGE, CwPage)

/* "month", "week" or "day" */
GtkWidget  *cw_calendar_page_get_view           (CwCalendarPage *self,
                                                 const char     *name);
GtkWidget  *cw_calendar_page_get_visible_view   (CwCalendarPage *self);
void        cw_calendar_page_show_view          (CwCalendarPage *self,
                                                 const char     *name);
void        cw_calendar_page_set_date           (CwCalendarPage *self,
                                                 guint32         julian);
guint32     cw_calendar_page_get_date           (CwCalendarPage *self);
const char *cw_calendar_page_get_title          (CwCalendarPage *self);
/* @tzid: an IANA zone among those offered (UTC and the sites' zones), or
 * NULL for the local zone. FALSE when it is not offered. */
gboolean    cw_calendar_page_set_time_zone      (CwCalendarPage *self,
                                                 const char     *tzid);
GTimeZone  *cw_calendar_page_get_time_zone      (CwCalendarPage *self);
/* Reads the range shown again from the store. */
void        cw_calendar_page_reload             (CwCalendarPage *self);
/* The items of the range shown. (element-type CwCalendarItem) (transfer none) */
GPtrArray  *cw_calendar_page_get_items          (CwCalendarPage *self);
CwCalendarItem *cw_calendar_page_find_item      (CwCalendarPage     *self,
                                                 CwCalendarItemKind  kind,
                                                 gint64              id);
/* The details popover open, or NULL. */
GtkPopover *cw_calendar_page_get_details        (CwCalendarPage *self);
/* The editor or slot dialog last opened, or NULL. */
GtkWindow  *cw_calendar_page_get_dialog         (CwCalendarPage *self);

G_END_DECLS
