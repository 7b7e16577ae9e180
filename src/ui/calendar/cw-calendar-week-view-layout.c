/* cw-calendar-week-view-layout.c: the week view's geometry: columns and
 * hours, the blocks the items make (planned work side by side in lanes,
 * long blackouts as bars in the all-day row), and what is under a point.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-calendar-week-view"

#include "config.h"

#include "cw-calendar-week-view-private.h"

guint32
_cw_calendar_week_view_first_day_for (CwCalendarWeekView *self,
                                      guint32             julian)
{
  GDate date;

  if (self->n_days == 1)
    return julian;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  return julian - (g_date_get_weekday (&date) - 1);
}

char *
_cw_calendar_week_view_format_time (GTimeZone *zone,
                                    gint64     instant)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (instant);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, zone);

  return g_date_time_format (local, "%H:%M");
}

double
_cw_calendar_week_view_top_of_grid (CwCalendarWeekView *self)
{
  return HEADER_H + MAX (self->n_allday_lanes, 1) * ALLDAY_H + 6;
}

double
_cw_calendar_week_view_hour_height (CwCalendarWeekView *self)
{
  double room = gtk_widget_get_height (GTK_WIDGET (self)) - _cw_calendar_week_view_top_of_grid (self);

  return MAX (room / 24.0, 1.0);
}

double
_cw_calendar_week_view_column_x (CwCalendarWeekView *self,
                                 int                 col)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self)) - GUTTER_W;

  return GUTTER_W + (int) (width * col / self->n_days);
}

int
_cw_calendar_week_view_column_at (CwCalendarWeekView *self,
                                  double              x)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self)) - GUTTER_W;

  if (x < GUTTER_W || width <= 0)
    return -1;

  return CLAMP ((int) ((x - GUTTER_W) * self->n_days / width), 0, (int) self->n_days - 1);
}

int
_cw_calendar_week_view_column_of (CwCalendarWeekView *self,
                                  gint64              instant)
{
  for (int col = (int) self->n_days - 1; col >= 0; col--)
    if (self->bounds[col] <= instant)
      return col;

  return -1;
}

void
_cw_calendar_week_view_block_rect (CwCalendarWeekView *self,
                                   const Block        *block,
                                   graphene_rect_t    *rect)
{
  double x0 = _cw_calendar_week_view_column_x (self, block->col);
  double x1 = _cw_calendar_week_view_column_x (self, (block->all_day ? block->col_end : block->col) + 1);
  double hour_h = _cw_calendar_week_view_hour_height (self);
  double top = _cw_calendar_week_view_top_of_grid (self);
  double y0, y1;

  if (block->all_day)
    {
      graphene_rect_init (rect, x0 + 2, HEADER_H + 2 + block->lane * ALLDAY_H, x1 - x0 - 4, ALLDAY_H - 3);
      return;
    }

  y0 = top + block->start_min * hour_h / 60.0;
  y1 = top + block->end_min * hour_h / 60.0;
  y1 = MAX (y1, y0 + MIN (hour_h / 2, 16));

  switch (block->item->kind)
    {
    case CW_CALENDAR_ITEM_BLACKOUT:
      graphene_rect_init (rect, x0 + 1, y0, x1 - x0 - 1, y1 - y0);
      break;

    case CW_CALENDAR_ITEM_WINDOW:
    case CW_CALENDAR_ITEM_WORK:
    default:
      {
        double width = x1 - x0 - 6;
        double windows = width;
        double left, lane_w;

        /* Beside planned work, windows take a part of the column: in a
         * narrow one, only strips (a click shows them). */
        if (block->n_window_lanes > 0 && block->with_works)
          windows = width >= WIDE_COLUMN ? width * WINDOW_SHARE
                                         : MIN (width * WINDOW_SHARE, block->n_window_lanes * WINDOW_STRIP);
        if (block->item->kind == CW_CALENDAR_ITEM_WINDOW)
          {
            left = x0 + 3;
            lane_w = windows / MAX (block->n_lanes, 1);
          }
        else
          {
            left = x0 + 3 + (block->n_window_lanes > 0 ? windows : 0);
            lane_w = (width - (left - x0 - 3)) / MAX (block->n_lanes, 1);
          }
        left += block->lane * lane_w;
        /* A gap between blocks side by side. */
        graphene_rect_init (rect, left, y0 + 1, MAX (lane_w - (lane_w > 6 ? 2 : 1), 1), y1 - y0 - 2);
      }
      break;
    }
}

/* The lane of each block of @blocks (indices into @all, by start): the first
 * one free when it starts. Returns the number of lanes. */
static guint
assign_lanes (const Block *all,
              const guint *blocks,
              guint        n_blocks,
              guint       *lanes)
{
  int lane_ends[16];
  guint n_lanes = 0;

  for (guint i = 0; i < n_blocks; i++)
    {
      const Block *block = &all[blocks[i]];

      lanes[i] = G_N_ELEMENTS (lane_ends) - 1;
      for (guint lane = 0; lane < G_N_ELEMENTS (lane_ends); lane++)
        if (lane >= n_lanes || lane_ends[lane] <= block->start_min)
          {
            lanes[i] = lane;
            break;
          }
      n_lanes = MAX (n_lanes, lanes[i] + 1);
      lane_ends[lanes[i]] = block->end_min;
    }

  return n_lanes;
}

/* The part of its column each block of a cluster (windows and planned work
 * that overlap, one way or another) takes: windows side by side on the
 * left, planned work side by side on the right, so that no block hides
 * another's label; each kind the whole width when alone. */
static void
place_cluster (Block       *all,
               const guint *blocks,
               guint        n_blocks)
{
  g_autofree guint *windows = g_new (guint, n_blocks);
  g_autofree guint *works = g_new (guint, n_blocks);
  g_autofree guint *lanes = g_new (guint, n_blocks);
  guint n_windows = 0, n_works = 0, n_window_lanes, n_work_lanes;

  for (guint i = 0; i < n_blocks; i++)
    {
      if (all[blocks[i]].item->kind == CW_CALENDAR_ITEM_WINDOW)
        windows[n_windows++] = blocks[i];
      else
        works[n_works++] = blocks[i];
    }

  n_window_lanes = assign_lanes (all, windows, n_windows, lanes);
  for (guint i = 0; i < n_windows; i++)
    {
      all[windows[i]].lane = lanes[i];
      all[windows[i]].n_lanes = n_window_lanes;
      all[windows[i]].n_window_lanes = n_window_lanes;
      all[windows[i]].with_works = n_works > 0;
    }
  n_work_lanes = assign_lanes (all, works, n_works, lanes);
  for (guint i = 0; i < n_works; i++)
    {
      all[works[i]].lane = lanes[i];
      all[works[i]].n_lanes = n_work_lanes;
      all[works[i]].n_window_lanes = n_window_lanes;
      all[works[i]].with_works = TRUE;
    }
}

static int
compare_by_start (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  const Block *all = user_data;
  const Block *ba = &all[*(const guint *) a], *bb = &all[*(const guint *) b];

  if (ba->start_min != bb->start_min)
    return ba->start_min - bb->start_min;
  return bb->end_min - ba->end_min;
}

/* Windows and planned work of each column, by clusters of blocks that
 * overlap. */
static void
place_blocks (CwCalendarWeekView *self)
{
  Block *all = (Block *) (gpointer) self->blocks->data;
  g_autofree guint *column = g_new (guint, self->blocks->len + 1);

  for (guint col = 0; col < self->n_days; col++)
    {
      guint n = 0, cluster_start = 0;
      int cluster_end = -1;

      for (guint i = 0; i < self->blocks->len; i++)
        if (!all[i].all_day && all[i].col == (int) col && all[i].item->kind != CW_CALENDAR_ITEM_BLACKOUT)
          column[n++] = i;
      g_qsort_with_data (column, (int) n, sizeof (guint), compare_by_start, all);

      for (guint i = 0; i <= n; i++)
        {
          if (i == n || all[column[i]].start_min >= cluster_end)
            {
              if (i > cluster_start)
                place_cluster (all, column + cluster_start, i - cluster_start);
              cluster_start = i;
              cluster_end = -1;
            }
          if (i < n)
            cluster_end = MAX (cluster_end, all[column[i]].end_min);
        }
    }
}

static int
compare_blocks (gconstpointer a,
                gconstpointer b)
{
  const Block *ba = a, *bb = b;
  static const int order[] = { 1, 0, 2 };

  if (ba->all_day != bb->all_day)
    return ba->all_day ? -1 : 1;
  if (ba->item->kind != bb->item->kind)
    return order[ba->item->kind] - order[bb->item->kind];
  if (ba->col != bb->col)
    return ba->col - bb->col;
  if (ba->start_min != bb->start_min)
    return ba->start_min - bb->start_min;
  return bb->end_min - ba->end_min;
}

static void
add_segments (CwCalendarWeekView *self,
              CwCalendarItem     *item,
              gboolean            label)
{
  for (guint col = 0; col < self->n_days; col++)
    {
      gint64 day_start = self->bounds[col], day_end = self->bounds[col + 1];
      gint64 start = MAX (item->start, day_start);
      gint64 end = MIN (item->end, day_end);
      Block block = { 0 };

      if (!(start < end || (item->start == item->end && item->start >= day_start && item->start < day_end)))
        continue;

      block.item = item;
      block.col = col;
      block.col_end = col;
      block.start_min = (int) ((start - day_start) / 60);
      block.end_min = (int) ((end - day_start) / 60);
      block.label = label;
      g_array_append_val (self->blocks, block);
    }
}

void
_cw_calendar_week_view_relayout (CwCalendarWeekView *self)
{
  guint lane_end[32] = { 0 };
  guint i;

  g_array_set_size (self->blocks, 0);
  self->n_allday_lanes = 0;
  self->first = _cw_calendar_week_view_first_day_for (self, self->date);
  for (guint col = 0; col <= self->n_days; col++)
    self->bounds[col] = cw_calendar_day_start (self->zone, self->first + col);

  for (guint c = 0; c < G_N_ELEMENTS (self->headers); c++)
    g_clear_object (&self->headers[c]);

  if (self->items == NULL)
    goto out;

  for (i = 0; i < self->items->len; i++)
    {
      CwCalendarItem *item = g_ptr_array_index (self->items, i);
      gboolean long_blackout;

      if (!cw_calendar_item_overlaps (item, self->bounds[0], self->bounds[self->n_days]))
        continue;

      long_blackout = item->kind == CW_CALENDAR_ITEM_BLACKOUT &&
                      (item->all_day || item->end - item->start >= 24 * 3600);
      if (long_blackout)
        {
          Block bar = { 0 };

          bar.item = item;
          bar.all_day = TRUE;
          bar.label = TRUE;
          bar.col = MAX (_cw_calendar_week_view_column_of (self, item->start), 0);
          bar.col_end = _cw_calendar_week_view_column_of (self, item->end - 1);
          if (bar.col_end < 0)
            bar.col_end = 0;
          bar.lane = G_N_ELEMENTS (lane_end) - 1;
          for (guint lane = 0; lane < G_N_ELEMENTS (lane_end); lane++)
            if (lane_end[lane] <= (guint) bar.col)
              {
                bar.lane = lane;
                break;
              }
          lane_end[bar.lane] = bar.col_end + 1;
          self->n_allday_lanes = MAX (self->n_allday_lanes, bar.lane + 1);
          g_array_append_val (self->blocks, bar);
        }

      add_segments (self, item, !long_blackout);
    }

  g_array_sort (self->blocks, compare_blocks);

  place_blocks (self);

out:
  gtk_widget_queue_resize (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

Block *
_cw_calendar_week_view_block_at (CwCalendarWeekView *self,
                                 double              x,
                                 double              y,
                                 graphene_rect_t    *rect)
{
  /* Topmost first: drawing order is back to front. */
  for (guint i = self->blocks->len; i > 0; i--)
    {
      Block *block = &g_array_index (self->blocks, Block, i - 1);

      if (!block->label)
        continue;
      _cw_calendar_week_view_block_rect (self, block, rect);
      if (graphene_rect_contains_point (rect, &GRAPHENE_POINT_INIT (x, y)))
        return block;
    }

  return NULL;
}

gint64
_cw_calendar_week_view_drag_target (CwCalendarWeekView *self,
                                    CwCalendarItem     *item,
                                    double              x,
                                    double              dy)
{
  int from = _cw_calendar_week_view_column_of (self, item->start);
  int to = _cw_calendar_week_view_column_at (self, x);
  int minutes = (int) (dy * 60.0 / _cw_calendar_week_view_hour_height (self));

  minutes = (minutes >= 0 ? minutes + SNAP_MIN / 2 : minutes - SNAP_MIN / 2) / SNAP_MIN * SNAP_MIN;
  if (from < 0 || to < 0)
    to = from = 0;

  return item->start + (self->bounds[to] - self->bounds[from]) + (gint64) minutes * 60;
}
