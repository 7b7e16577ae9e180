/* cw-calendar-week-view.h
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cw-calendar-view.h"

G_BEGIN_DECLS

#define CW_TYPE_CALENDAR_WEEK_VIEW (cw_calendar_week_view_get_type ())

G_DECLARE_FINAL_TYPE (CwCalendarWeekView, cw_calendar_week_view, CW, CALENDAR_WEEK_VIEW, GtkWidget)

/* @n_days: 7 for the week view, 1 for the day view. */
GtkWidget *cw_calendar_week_view_new           (guint               n_days);
guint      cw_calendar_week_view_get_n_days    (CwCalendarWeekView *self);
/* For tests: where an item (of @kind and @id, the first one when a window
 * occurs twice) is drawn; FALSE when it is not in the grid or the all-day
 * row. */
gboolean   cw_calendar_week_view_get_item_rect (CwCalendarWeekView *self,
                                                CwCalendarItemKind  kind,
                                                gint64              id,
                                                graphene_rect_t    *rect);
/* The y of a time of day, in minutes since midnight. */
double     cw_calendar_week_view_get_minute_y  (CwCalendarWeekView *self,
                                                int                 minute);
/* What dropping planned work at @new_start does, as the end of a drag:
 * emits "item-moved". */
void       cw_calendar_week_view_move_item     (CwCalendarWeekView *self,
                                                CwCalendarItem     *item,
                                                gint64              new_start);
/* For tests: the middle of a drag of @item to @new_start ("item-dragged"),
 * then the conflicts the dragged block shows. */
void       cw_calendar_week_view_drag_item_to  (CwCalendarWeekView *self,
                                                CwCalendarItem     *item,
                                                gint64              new_start,
                                                guint              *n_errors,
                                                guint              *n_warnings);

G_END_DECLS
