/* cw-calendar-view.h: what the month, week and day views have in common.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cw-calendar-item.h"

G_BEGIN_DECLS

#define CW_TYPE_CALENDAR_VIEW (cw_calendar_view_get_type ())

G_DECLARE_INTERFACE (CwCalendarView, cw_calendar_view, CW, CALENDAR_VIEW, GtkWidget)

/* Days are Julian day numbers (GDate) in the view's time zone. */
struct _CwCalendarViewInterface
{
  GTypeInterface parent_iface;

  void     (*set_date)           (CwCalendarView *self,
                                  guint32         julian);
  guint32  (*get_date)           (CwCalendarView *self);
  /* The days shown: @n_days from @first. */
  void     (*get_days)           (CwCalendarView *self,
                                  guint32        *first,
                                  guint          *n_days);
  /* The range title: "November 2026", "16 – 22 November 2026". */
  char    *(*dup_title)          (CwCalendarView *self);
  /* The next or previous range's date (@direction -1 or 1). */
  guint32  (*step)               (CwCalendarView *self,
                                  guint32         julian,
                                  int             direction);
  void     (*set_items)          (CwCalendarView *self,
                                  GPtrArray      *items);
  void     (*set_time_zone)      (CwCalendarView *self,
                                  GTimeZone      *zone);
  void     (*set_now)            (CwCalendarView *self,
                                  gint64          now);
  /* What the work being dragged would conflict with (from "item-dragged"). */
  void     (*set_drag_conflicts) (CwCalendarView *self,
                                  guint           n_errors,
                                  guint           n_warnings);
};

void       cw_calendar_view_set_date           (CwCalendarView *self,
                                                guint32         julian);
guint32    cw_calendar_view_get_date           (CwCalendarView *self);
void       cw_calendar_view_get_days           (CwCalendarView *self,
                                                guint32        *first,
                                                guint          *n_days);
char      *cw_calendar_view_dup_title          (CwCalendarView *self);
guint32    cw_calendar_view_step               (CwCalendarView *self,
                                                guint32         julian,
                                                int             direction);
void       cw_calendar_view_set_items          (CwCalendarView *self,
                                                GPtrArray      *items);
void       cw_calendar_view_set_time_zone      (CwCalendarView *self,
                                                GTimeZone      *zone);
void       cw_calendar_view_set_now            (CwCalendarView *self,
                                                gint64          now);
void       cw_calendar_view_set_drag_conflicts (CwCalendarView *self,
                                                guint           n_errors,
                                                guint           n_warnings);

/* Time helpers for the views and the page. */
gint64     cw_calendar_day_start               (GTimeZone      *zone,
                                                guint32         julian);
guint32    cw_calendar_day_of                  (GTimeZone      *zone,
                                                gint64          instant);
guint32    cw_calendar_julian_today            (GTimeZone      *zone,
                                                gint64          now);
/* Minutes since the local midnight of its day. */
int        cw_calendar_minute_of_day           (GTimeZone      *zone,
                                                gint64          instant);
/* A GDate-style format ("%B %Y") of a day. */
char      *cw_calendar_format_day              (guint32         julian,
                                                const char     *format);

/* Signals:
 *   "item-activated" (CwCalendarItem *item, double x, double y, double width,
 *                     double height): a click or Enter on an item; its
 *                     rectangle in the view.
 *   "item-dragged"   (CwCalendarItem *item, gint64 new_start): planned work
 *                     being dragged; answer with set_drag_conflicts().
 *   "item-moved"     (CwCalendarItem *item, gint64 new_start): dropped.
 *   "date-selected"  (guint julian): the selected day changed.
 *   "date-activated" (guint julian): a day was opened (Enter, double-click).
 */

G_END_DECLS
