/* cw-calendar-month-view-private.h: what the month view's files share.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cw-calendar-month-view.h"
#include "cw-calendar-view-private.h"

G_BEGIN_DECLS

#define N_DAYS     42
#define HEADER_H   28
#define NUMBER_H   28
#define CHIP_H     20
#define CHIP_GAP   2
#define CHIP_PAD   4
/* The chips a day keeps (its first items): more than a cell of any height
 * shows. The rest are only counted for "+3 more". */
#define MAX_CHIPS  32

typedef struct
{
  CwCalendarItem *item;     /* borrowed from ->items */
  GskRenderNode  *node;     /* borrowed from ->chip_nodes, found when first drawn */
} Chip;

typedef struct
{
  Chip         chips[MAX_CHIPS];
  guint        n_chips;     /* kept, <= MAX_CHIPS */
  guint        n_items;     /* every item on the day */
  gboolean     has_block;
  gboolean     has_warn;
} Day;

struct _CwCalendarMonthView
{
  GtkWidget         parent_instance;

  GTimeZone        *zone;
  guint32           date;          /* the selected day */
  guint32           first;         /* the grid's first day, a Monday */
  gint64            now;
  GPtrArray        *items;
  gint64            bounds[N_DAYS + 1];
  Day               days[N_DAYS];
  gboolean          days_dirty;    /* the items are not on the days yet */

  /* Kept across months, so that a recurring window's chip is shaped and
   * built once: labels by kind and title, badges by count, "+3 more" by
   * count, chips (their render nodes, drawn at 0, 0) by all they show. The
   * chips are dropped when the colours, the scale or the direction
   * change. */
  PangoLayout      *weekdays[7];
  PangoLayout      *numbers[32];
  GHashTable       *layouts;
  GHashTable       *badges;
  GHashTable       *more_layouts;
  GHashTable       *chip_nodes;
  CwCalendarColors  chip_colors;
  int               chip_scale;
  GtkTextDirection  chip_direction;

  /* Dragging planned work across days */
  CwCalendarItem   *drag_item;
  int               drag_from;
  int               drag_to;
  guint             drag_errors;
  guint             drag_warnings;
};

/* cw-calendar-month-view-days.c */
/* The Monday before the first of the month of @julian. */
guint32  _cw_calendar_month_view_grid_first_day (guint32                julian);
/* The day of the grid holding @instant: -1 before it, N_DAYS after it. */
int      _cw_calendar_month_view_day_index_of   (CwCalendarMonthView   *self,
                                                 gint64                 instant);
/* The days of the grid @item is on, clamped to it; FALSE when none. */
gboolean _cw_calendar_month_view_item_days      (CwCalendarMonthView   *self,
                                                 const CwCalendarItem  *item,
                                                 int                   *first,
                                                 int                   *last);
/* The grid's days when the month or the zone change; the items go on them
 * later, once, by _ensure_days(). */
void     _cw_calendar_month_view_relayout       (CwCalendarMonthView   *self);
/* Puts the items on the days if the month, the zone or the items changed. */
void     _cw_calendar_month_view_ensure_days    (CwCalendarMonthView   *self);
void     _cw_calendar_month_view_cell_rect      (CwCalendarMonthView   *self,
                                                 int                    index,
                                                 graphene_rect_t       *rect);
int      _cw_calendar_month_view_cell_at        (CwCalendarMonthView   *self,
                                                 double                 x,
                                                 double                 y);
void     _cw_calendar_month_view_chip_rect      (const graphene_rect_t *cell,
                                                 guint                  slot,
                                                 graphene_rect_t       *rect);
guint    _cw_calendar_month_view_n_visible      (int                    cell_height);
/* The chips shown of a day with @n_visible slots ("+3 more" takes one). */
guint    _cw_calendar_month_view_n_shown        (const Day             *day,
                                                 guint                  n_visible);

/* cw-calendar-month-view-draw.c */
void     _cw_calendar_month_view_snapshot       (GtkWidget             *widget,
                                                 GtkSnapshot           *snapshot);
/* Drops what was shaped and built for the chips (fonts or colours changed). */
void     _cw_calendar_month_view_drop_chips     (CwCalendarMonthView   *self,
                                                 gboolean               layouts_too);

G_END_DECLS
