/* cw-calendar-month-view.h
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cw-calendar-view.h"

G_BEGIN_DECLS

#define CW_TYPE_CALENDAR_MONTH_VIEW (cw_calendar_month_view_get_type ())

G_DECLARE_FINAL_TYPE (CwCalendarMonthView, cw_calendar_month_view, CW, CALENDAR_MONTH_VIEW, GtkWidget)

GtkWidget *cw_calendar_month_view_new                (void);
/* For tests: the items drawn on a day of the grid, in order (the first
 * cw_calendar_month_view_get_n_visible() of them as chips), or NULL when
 * the day is not in the grid. (element-type CwCalendarItem) (transfer container) */
GPtrArray *cw_calendar_month_view_get_items_for_day  (CwCalendarMonthView *self,
                                                      guint32              julian);
guint      cw_calendar_month_view_get_n_visible      (CwCalendarMonthView *self);
/* For tests: what a drag of @item dropped on @julian does. */
void       cw_calendar_month_view_move_item          (CwCalendarMonthView *self,
                                                      CwCalendarItem      *item,
                                                      guint32              julian);

G_END_DECLS
