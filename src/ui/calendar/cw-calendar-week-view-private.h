/* cw-calendar-week-view-private.h: what the week view's files share.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cw-calendar-view-private.h"
#include "cw-calendar-week-view.h"

G_BEGIN_DECLS

#define GUTTER_W    56
#define HEADER_H    44
#define ALLDAY_H    22
#define MIN_HOUR_H  18
#define SNAP_MIN    15
/* Windows beside planned work take this part of a wide column, strips of
 * this width in a narrower one. */
#define WINDOW_SHARE 0.4
#define WIDE_COLUMN  200
#define WINDOW_STRIP 10

typedef struct
{
  CwCalendarItem *item;          /* borrowed from ->items */
  int             col;
  int             col_end;       /* all-day bars: the last column */
  int             start_min;     /* in the column's day */
  int             end_min;
  guint           lane;          /* all-day bars: the row; other blocks: side by side */
  guint           n_lanes;       /* ... of its kind in its cluster */
  guint           n_window_lanes;/* windows in its cluster, side by side */
  gboolean        with_works;    /* planned work in its cluster */
  gboolean        all_day;       /* a bar in the all-day row */
  gboolean        label;         /* blackout segments under an all-day bar have none */
  PangoLayout    *layout;
  PangoLayout    *badge;
} Block;

struct _CwCalendarWeekView
{
  GtkWidget        parent_instance;

  guint            n_days;
  GTimeZone       *zone;
  guint32          date;
  guint32          first;
  gint64           now;
  GPtrArray       *items;
  gint64           bounds[8];
  GArray          *blocks;       /* (element-type Block), drawing order */
  guint            n_allday_lanes;
  PangoLayout     *headers[7];
  PangoLayout     *hours[24];

  CwCalendarItem  *drag_item;
  gint64           drag_start;   /* where the ghost is */
  gboolean         dragging;
  guint            drag_errors;
  guint            drag_warnings;
};

/* cw-calendar-week-view-layout.c: where the days, hours and blocks are */
guint32  _cw_calendar_week_view_first_day_for (CwCalendarWeekView *self,
                                               guint32             julian);
char    *_cw_calendar_week_view_format_time   (GTimeZone          *zone,
                                               gint64              instant);
double   _cw_calendar_week_view_top_of_grid   (CwCalendarWeekView *self);
double   _cw_calendar_week_view_hour_height   (CwCalendarWeekView *self);
double   _cw_calendar_week_view_column_x      (CwCalendarWeekView *self,
                                               int                 col);
int      _cw_calendar_week_view_column_at     (CwCalendarWeekView *self,
                                               double              x);
int      _cw_calendar_week_view_column_of     (CwCalendarWeekView *self,
                                               gint64              instant);
void     _cw_calendar_week_view_block_rect    (CwCalendarWeekView *self,
                                               const Block        *block,
                                               graphene_rect_t    *rect);
/* Lays the items out in blocks, when the days, the zone or the items change. */
void     _cw_calendar_week_view_relayout      (CwCalendarWeekView *self);
/* The topmost labelled block under a point, or NULL. */
Block   *_cw_calendar_week_view_block_at      (CwCalendarWeekView *self,
                                               double              x,
                                               double              y,
                                               graphene_rect_t    *rect);
/* Where a drag of @item to @x, @dy below where it began puts its start. */
gint64   _cw_calendar_week_view_drag_target   (CwCalendarWeekView *self,
                                               CwCalendarItem     *item,
                                               double              x,
                                               double              dy);

/* cw-calendar-week-view-draw.c */
void     _cw_calendar_week_view_snapshot      (GtkWidget          *widget,
                                               GtkSnapshot        *snapshot);

G_END_DECLS
