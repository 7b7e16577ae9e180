/* cw-calendar-week-view.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-calendar-week-view"

#include "config.h"

#include <glib/gi18n.h>

#include "cw-calendar-view-private.h"
#include "cw-calendar-week-view.h"

/* Days as columns of 24 hours, as GNOME Calendar's week view; with one
 * column it is the day view. Blackouts are hatched across the hours they
 * hold (and listed in the all-day row when they last a day or more),
 * windows are soft bands, planned work solid blocks side by side when they
 * overlap. Blocks are laid out in minutes when the items or the days
 * change; a frame only scales them. Planned work drags in 15 minute steps
 * and across days. */

#define GUTTER_W    56
#define HEADER_H    44
#define ALLDAY_H    22
#define MIN_HOUR_H  18
#define SNAP_MIN    15

typedef struct
{
  CwCalendarItem *item;          /* borrowed from ->items */
  int             col;
  int             col_end;       /* all-day bars: the last column */
  int             start_min;     /* in the column's day */
  int             end_min;
  guint           lane;
  guint           n_lanes;
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

static void cw_calendar_week_view_iface_init (CwCalendarViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CwCalendarWeekView, cw_calendar_week_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (CW_TYPE_CALENDAR_VIEW,
                                                      cw_calendar_week_view_iface_init))

enum {
  PROP_0,
  PROP_N_DAYS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static void
block_clear (gpointer data)
{
  Block *block = data;

  g_clear_object (&block->layout);
  g_clear_object (&block->badge);
}

static guint32
first_day_for (CwCalendarWeekView *self,
               guint32             julian)
{
  GDate date;

  if (self->n_days == 1)
    return julian;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  return julian - (g_date_get_weekday (&date) - 1);
}

static char *
format_time (GTimeZone *zone,
             gint64     instant)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (instant);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, zone);

  return g_date_time_format (local, "%H:%M");
}

static double
top_of_grid (CwCalendarWeekView *self)
{
  return HEADER_H + MAX (self->n_allday_lanes, 1) * ALLDAY_H + 6;
}

static double
hour_height (CwCalendarWeekView *self)
{
  double room = gtk_widget_get_height (GTK_WIDGET (self)) - top_of_grid (self);

  return MAX (room / 24.0, 1.0);
}

static double
column_x (CwCalendarWeekView *self,
          int                 col)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self)) - GUTTER_W;

  return GUTTER_W + (int) (width * col / self->n_days);
}

static int
column_at (CwCalendarWeekView *self,
           double              x)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self)) - GUTTER_W;

  if (x < GUTTER_W || width <= 0)
    return -1;

  return CLAMP ((int) ((x - GUTTER_W) * self->n_days / width), 0, (int) self->n_days - 1);
}

static int
column_of (CwCalendarWeekView *self,
           gint64              instant)
{
  for (int col = (int) self->n_days - 1; col >= 0; col--)
    if (self->bounds[col] <= instant)
      return col;

  return -1;
}

static void
block_rect (CwCalendarWeekView *self,
            const Block        *block,
            graphene_rect_t    *rect)
{
  double x0 = column_x (self, block->col);
  double x1 = column_x (self, (block->all_day ? block->col_end : block->col) + 1);
  double hour_h = hour_height (self);
  double top = top_of_grid (self);
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
      graphene_rect_init (rect, x0 + 3, y0 + 1, x1 - x0 - 6, y1 - y0 - 2);
      break;

    case CW_CALENDAR_ITEM_WORK:
    default:
      {
        double left = x0 + (self->n_days == 1 ? 40 : 14);
        double lane_w = (x1 - 4 - left) / MAX (block->n_lanes, 1);

        graphene_rect_init (rect, left + block->lane * lane_w, y0 + 1, lane_w - 2, y1 - y0 - 2);
      }
      break;
    }
}

/* Planned works that overlap in a column sit side by side. */
static void
assign_lanes (Block *blocks,
              guint  n_blocks)
{
  guint cluster_start = 0;
  int cluster_end = -1;
  int lane_ends[16];
  guint n_lanes = 0;

  for (guint i = 0; i <= n_blocks; i++)
    {
      Block *block = i < n_blocks ? &blocks[i] : NULL;

      if (block == NULL || block->start_min >= cluster_end)
        {
          for (guint j = cluster_start; j < i; j++)
            blocks[j].n_lanes = n_lanes;
          if (block == NULL)
            break;
          cluster_start = i;
          n_lanes = 0;
          cluster_end = -1;
        }

      block->lane = G_N_ELEMENTS (lane_ends) - 1;
      for (guint lane = 0; lane < G_N_ELEMENTS (lane_ends); lane++)
        if (lane >= n_lanes || lane_ends[lane] <= block->start_min)
          {
            block->lane = lane;
            break;
          }
      if (block->lane >= n_lanes)
        n_lanes = block->lane + 1;
      lane_ends[block->lane] = block->end_min;
      cluster_end = MAX (cluster_end, block->end_min);
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

static void
relayout (CwCalendarWeekView *self)
{
  guint lane_end[32] = { 0 };
  guint start, i;

  g_array_set_size (self->blocks, 0);
  self->n_allday_lanes = 0;
  self->first = first_day_for (self, self->date);
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
          bar.col = MAX (column_of (self, item->start), 0);
          bar.col_end = column_of (self, item->end - 1);
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

  /* Lanes of planned work, per column. */
  for (i = 0, start = 0; i <= self->blocks->len; i++)
    {
      Block *block = i < self->blocks->len ? &g_array_index (self->blocks, Block, i) : NULL;
      Block *first_block = start < self->blocks->len ? &g_array_index (self->blocks, Block, start) : NULL;
      gboolean same = block != NULL && first_block != NULL &&
                      block->item->kind == CW_CALENDAR_ITEM_WORK && !block->all_day &&
                      first_block->item->kind == CW_CALENDAR_ITEM_WORK && !first_block->all_day &&
                      block->col == first_block->col;

      if (same)
        continue;
      if (first_block != NULL && first_block->item->kind == CW_CALENDAR_ITEM_WORK && !first_block->all_day)
        assign_lanes (first_block, i - start);
      start = i;
    }

out:
  gtk_widget_queue_resize (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static Block *
block_at (CwCalendarWeekView *self,
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
      block_rect (self, block, rect);
      if (graphene_rect_contains_point (rect, &GRAPHENE_POINT_INIT (x, y)))
        return block;
    }

  return NULL;
}

static gint64
drag_target (CwCalendarWeekView *self,
             CwCalendarItem     *item,
             double              x,
             double              dy)
{
  int from = column_of (self, item->start);
  int to = column_at (self, x);
  int minutes = (int) (dy * 60.0 / hour_height (self));

  minutes = (minutes >= 0 ? minutes + SNAP_MIN / 2 : minutes - SNAP_MIN / 2) / SNAP_MIN * SNAP_MIN;
  if (from < 0 || to < 0)
    to = from = 0;

  return item->start + (self->bounds[to] - self->bounds[from]) + (gint64) minutes * 60;
}

/* Drawing */

static void
draw_grid (CwCalendarWeekView     *self,
           GtkSnapshot            *snapshot,
           const CwCalendarColors *colors,
           guint32                 today)
{
  GtkWidget *widget = GTK_WIDGET (self);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  double top = top_of_grid (self);
  double hour_h = hour_height (self);
  GdkRGBA line = _cw_rgba_alpha (&colors->fg, 0.12);
  GdkRGBA faint = _cw_rgba_alpha (&colors->fg, 0.06);
  GdkRGBA dim = _cw_rgba_alpha (&colors->fg, 0.6);

  for (guint col = 0; col < self->n_days; col++)
    {
      double x0 = column_x (self, col), x1 = column_x (self, col + 1);
      guint32 julian = self->first + col;
      int text_w = 0, text_h = 0;

      if (julian == self->date && self->n_days > 1)
        {
          GdkRGBA tint = _cw_rgba_alpha (&colors->accent, 0.06);

          gtk_snapshot_append_color (snapshot, &tint, &GRAPHENE_RECT_INIT (x0, 0, x1 - x0, height));
        }

      if (self->headers[col] == NULL)
        {
          /* Translators: a week view column: the weekday and the day, "Mon 16" */
          g_autofree char *text = cw_calendar_format_day (julian, self->n_days == 1 ? _("%A %-e") : _("%a %-e"));
          g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

          self->headers[col] = gtk_widget_create_pango_layout (widget, text);
          pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
          pango_layout_set_attributes (self->headers[col], attrs);
        }
      pango_layout_get_pixel_size (self->headers[col], &text_w, &text_h);
      if (julian == today)
        {
          GskRoundedRect pill;
          graphene_rect_t r = GRAPHENE_RECT_INIT (x0 + 6, (HEADER_H - text_h) / 2.0 - 3, text_w + 12, text_h + 6);

          gsk_rounded_rect_init_from_rect (&pill, &r, (text_h + 6) / 2.0);
          gtk_snapshot_push_rounded_clip (snapshot, &pill);
          gtk_snapshot_append_color (snapshot, &colors->accent, &r);
          gtk_snapshot_pop (snapshot);
        }
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x0 + 12, (HEADER_H - text_h) / 2.0));
      gtk_snapshot_append_layout (snapshot, self->headers[col], julian == today ? &colors->accent_fg : &colors->fg);
      gtk_snapshot_restore (snapshot);

      if (col > 0)
        gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (x0, 0, 1, height));
    }

  gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (0, HEADER_H, width, 1));
  gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (0, top - 1, width, 1));
  gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (GUTTER_W, 0, 1, height));

  for (int hour = 1; hour < 24; hour++)
    {
      double y = (int) (top + hour * hour_h);
      int text_w = 0, text_h = 0;

      gtk_snapshot_append_color (snapshot, hour % 6 == 0 ? &line : &faint,
                                 &GRAPHENE_RECT_INIT (GUTTER_W, y, width - GUTTER_W, 1));
      if (hour_h < 14 && hour % 3 != 0)
        continue;
      if (self->hours[hour] == NULL)
        {
          g_autofree char *text = g_strdup_printf ("%02d:00", hour);
          g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

          self->hours[hour] = gtk_widget_create_pango_layout (widget, text);
          pango_attr_list_insert (attrs, pango_attr_scale_new (0.8));
          pango_layout_set_attributes (self->hours[hour], attrs);
        }
      pango_layout_get_pixel_size (self->hours[hour], &text_w, &text_h);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (GUTTER_W - 6 - text_w, y - text_h / 2.0));
      gtk_snapshot_append_layout (snapshot, self->hours[hour], &dim);
      gtk_snapshot_restore (snapshot);
    }
}

static void
ensure_layouts (CwCalendarWeekView *self,
                Block              *block)
{
  g_autofree char *times = NULL;

  if (block->layout != NULL)
    return;

  if (!block->all_day)
    {
      g_autofree char *from = format_time (self->zone, block->item->start);
      g_autofree char *to = format_time (self->zone, block->item->end);

      /* Translators: a block's time span on the calendar, "09:00 – 11:00" */
      times = g_strdup_printf (_("%s – %s"), from, to);
    }
  block->layout = _cw_calendar_view_new_item_layout (GTK_WIDGET (self), block->item, times);
  block->badge = _cw_calendar_view_new_badge_layout (GTK_WIDGET (self), block->item);
}

static void
draw_now_line (CwCalendarWeekView     *self,
               GtkSnapshot            *snapshot,
               const CwCalendarColors *colors)
{
  int col = column_of (self, self->now);
  double x0, x1, y;
  GskRoundedRect dot;
  graphene_rect_t r;

  if (col < 0 || self->now >= self->bounds[self->n_days])
    return;

  x0 = column_x (self, col);
  x1 = column_x (self, col + 1);
  y = top_of_grid (self) + (self->now - self->bounds[col]) / 60.0 * hour_height (self) / 60.0;
  gtk_snapshot_append_color (snapshot, &colors->error_bg, &GRAPHENE_RECT_INIT (x0, y - 1, x1 - x0, 2));
  r = GRAPHENE_RECT_INIT (x0 - 4, y - 5, 10, 10);
  gsk_rounded_rect_init_from_rect (&dot, &r, 5);
  gtk_snapshot_push_rounded_clip (snapshot, &dot);
  gtk_snapshot_append_color (snapshot, &colors->error_bg, &r);
  gtk_snapshot_pop (snapshot);
}

static void
draw_ghost (CwCalendarWeekView     *self,
            GtkSnapshot            *snapshot,
            const CwCalendarColors *colors)
{
  g_autoptr(CwCalendarItem) ghost = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  g_autoptr(PangoLayout) badge = NULL;
  g_autofree char *count = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *times = NULL;
  CwCalendarDrawFlags flags = CW_CALENDAR_DRAW_TALL | CW_CALENDAR_DRAW_DRAGGING;
  Block block = { 0 };
  graphene_rect_t rect;
  int col;

  if (!self->dragging || self->drag_item == NULL)
    return;

  ghost = cw_calendar_item_new (CW_CALENDAR_ITEM_WORK, self->drag_item->id, self->drag_start,
                                self->drag_start + (self->drag_item->end - self->drag_item->start),
                                self->drag_item->title);
  col = column_of (self, ghost->start);
  if (col < 0)
    return;

  block.item = ghost;
  block.col = col;
  block.start_min = (int) ((ghost->start - self->bounds[col]) / 60);
  block.end_min = MIN ((int) ((ghost->end - self->bounds[col]) / 60), 24 * 60);
  block.n_lanes = 1;
  block_rect (self, &block, &rect);

  if (self->drag_errors > 0)
    flags |= CW_CALENDAR_DRAW_DRAG_ERRORS;
  if (self->drag_warnings > 0)
    flags |= CW_CALENDAR_DRAW_DRAG_WARNINGS;

  from = format_time (self->zone, ghost->start);
  to = format_time (self->zone, ghost->end);
  times = g_strdup_printf (_("%s – %s"), from, to);
  layout = _cw_calendar_view_new_item_layout (GTK_WIDGET (self), ghost, times);
  count = g_strdup_printf ("%u", self->drag_errors + self->drag_warnings);
  badge = gtk_widget_create_pango_layout (GTK_WIDGET (self), count);
  _cw_calendar_view_draw_item (GTK_WIDGET (self), snapshot, ghost, &rect, colors, layout, badge, flags);
}

static void
cw_calendar_week_view_snapshot (GtkWidget   *widget,
                                GtkSnapshot *snapshot)
{
  CwCalendarWeekView *self = CW_CALENDAR_WEEK_VIEW (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  CwCalendarColors colors;
  guint32 today = cw_calendar_julian_today (self->zone, self->now);

  _cw_calendar_view_get_colors (widget, &colors);
  gtk_snapshot_append_color (snapshot, &colors.bg, &GRAPHENE_RECT_INIT (0, 0, width, height));
  draw_grid (self, snapshot, &colors, today);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = &g_array_index (self->blocks, Block, i);
      CwCalendarDrawFlags flags = block->all_day ? CW_CALENDAR_DRAW_NONE : CW_CALENDAR_DRAW_TALL;
      graphene_rect_t rect;

      block_rect (self, block, &rect);
      if (rect.origin.y > height || rect.origin.y + rect.size.height < 0)
        continue;

      if (!block->label)
        {
          const GdkRGBA *tone = block->item->warn_only ? &colors.warning_bg : &colors.error_bg;

          _cw_calendar_view_hatch (snapshot, &rect, tone, block->item->warn_only ? 0.10 : 0.16);
          continue;
        }

      ensure_layouts (self, block);
      if (self->dragging && block->item == self->drag_item)
        {
          gtk_snapshot_push_opacity (snapshot, 0.35);
          _cw_calendar_view_draw_item (widget, snapshot, block->item, &rect, &colors,
                                       block->layout, block->badge, flags);
          gtk_snapshot_pop (snapshot);
          continue;
        }
      _cw_calendar_view_draw_item (widget, snapshot, block->item, &rect, &colors,
                                   block->layout, block->badge, flags);
    }

  draw_now_line (self, snapshot, &colors);
  draw_ghost (self, snapshot, &colors);
}

/* Callbacks */

static void
on_click_pressed_cb (CwCalendarWeekView *self,
                     int                 n_press,
                     double              x,
                     double              y,
                     GtkGestureClick    *gesture)
{
  graphene_rect_t rect;
  Block *block;
  int col;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  col = column_at (self, x);
  if (col >= 0 && self->first + col != self->date)
    {
      cw_calendar_view_set_date (CW_CALENDAR_VIEW (self), self->first + col);
      g_signal_emit_by_name (self, "date-selected", (guint) (self->first + col));
    }

  block = block_at (self, x, y, &rect);
  if (block != NULL)
    g_signal_emit_by_name (self, "item-activated", block->item,
                           (double) rect.origin.x, (double) rect.origin.y,
                           (double) rect.size.width, (double) rect.size.height);
  else if (n_press == 2 && col >= 0 && self->n_days > 1)
    g_signal_emit_by_name (self, "date-activated", (guint) (self->first + col));
}

static void
on_drag_begin_cb (CwCalendarWeekView *self,
                  double              x,
                  double              y,
                  GtkGestureDrag     *gesture)
{
  graphene_rect_t rect;
  Block *block = block_at (self, x, y, &rect);

  g_clear_pointer (&self->drag_item, cw_calendar_item_unref);
  self->dragging = FALSE;
  if (block == NULL || block->all_day || block->item->kind != CW_CALENDAR_ITEM_WORK)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  self->drag_item = cw_calendar_item_ref (block->item);
  self->drag_start = block->item->start;
}

static void
on_drag_update_cb (CwCalendarWeekView *self,
                   double              dx,
                   double              dy,
                   GtkGestureDrag     *gesture)
{
  double x, y;
  gint64 target;

  if (self->drag_item == NULL)
    return;
  if (!self->dragging && dx * dx + dy * dy < 64)
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_gesture_drag_get_start_point (gesture, &x, &y);
  target = drag_target (self, self->drag_item, x + dx, dy);
  if (self->dragging && target == self->drag_start)
    return;

  self->dragging = TRUE;
  cw_calendar_week_view_drag_item_to (self, self->drag_item, target, NULL, NULL);
}

static void
on_drag_end_cb (CwCalendarWeekView *self,
                double              dx,
                double              dy,
                GtkGestureDrag     *gesture)
{
  g_autoptr(CwCalendarItem) item = g_steal_pointer (&self->drag_item);
  gboolean dragging = self->dragging;

  self->dragging = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));

  if (item == NULL || !dragging || self->drag_start == item->start)
    return;

  cw_calendar_week_view_move_item (self, item, self->drag_start);
}

/* CwCalendarView */

static void
week_set_date (CwCalendarView *view,
               guint32         julian)
{
  CwCalendarWeekView *self = CW_CALENDAR_WEEK_VIEW (view);

  self->date = julian;
  if (first_day_for (self, julian) != self->first)
    relayout (self);
  else
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

static guint32
week_get_date (CwCalendarView *view)
{
  return CW_CALENDAR_WEEK_VIEW (view)->date;
}

static void
week_get_days (CwCalendarView *view,
               guint32        *first,
               guint          *n_days)
{
  CwCalendarWeekView *self = CW_CALENDAR_WEEK_VIEW (view);

  *first = first_day_for (self, self->date);
  *n_days = self->n_days;
}

static char *
week_dup_title (CwCalendarView *view)
{
  CwCalendarWeekView *self = CW_CALENDAR_WEEK_VIEW (view);
  guint32 first = first_day_for (self, self->date);
  guint32 last = first + self->n_days - 1;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  GDate a, b;

  if (self->n_days == 1)
    /* Translators: the day view's title, a g_date_time_format() format */
    return cw_calendar_format_day (self->date, _("%A, %-e %B %Y"));

  g_date_clear (&a, 1);
  g_date_clear (&b, 1);
  g_date_set_julian (&a, first);
  g_date_set_julian (&b, last);

  /* Translators: the first day of the week view's title when the week is in one month, "16" */
  if (g_date_get_month (&a) == g_date_get_month (&b))
    from = cw_calendar_format_day (first, _("%-e"));
  /* Translators: the first day of the week view's title when the week is in two months, "30 November" */
  else if (g_date_get_year (&a) == g_date_get_year (&b))
    from = cw_calendar_format_day (first, _("%-e %B"));
  else
    from = cw_calendar_format_day (first, _("%-e %B %Y"));
  /* Translators: the last day of the week view's title, "22 November 2026" */
  to = cw_calendar_format_day (last, _("%-e %B %Y"));

  /* Translators: the week view's title: the first and the last day */
  return g_strstrip (g_strdup_printf (_("%s – %s"), g_strstrip (from), g_strstrip (to)));
}

static guint32
week_step (CwCalendarView *view,
           guint32         julian,
           int             direction)
{
  CwCalendarWeekView *self = CW_CALENDAR_WEEK_VIEW (view);
  gint64 next = (gint64) julian + (direction < 0 ? -1 : 1) * (gint64) self->n_days;

  return next >= 1 ? (guint32) next : julian;
}

static void
week_set_items (CwCalendarView *view,
                GPtrArray      *items)
{
  CwCalendarWeekView *self = CW_CALENDAR_WEEK_VIEW (view);

  if (items != NULL)
    g_ptr_array_ref (items);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  self->items = items;
  relayout (self);
}

static void
week_set_time_zone (CwCalendarView *view,
                    GTimeZone      *zone)
{
  CwCalendarWeekView *self = CW_CALENDAR_WEEK_VIEW (view);

  g_time_zone_ref (zone);
  g_clear_pointer (&self->zone, g_time_zone_unref);
  self->zone = zone;
  relayout (self);
}

static void
week_set_now (CwCalendarView *view,
              gint64          now)
{
  CwCalendarWeekView *self = CW_CALENDAR_WEEK_VIEW (view);

  self->now = now;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
week_set_drag_conflicts (CwCalendarView *view,
                         guint           n_errors,
                         guint           n_warnings)
{
  CwCalendarWeekView *self = CW_CALENDAR_WEEK_VIEW (view);

  self->drag_errors = n_errors;
  self->drag_warnings = n_warnings;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
cw_calendar_week_view_iface_init (CwCalendarViewInterface *iface)
{
  iface->set_date = week_set_date;
  iface->get_date = week_get_date;
  iface->get_days = week_get_days;
  iface->dup_title = week_dup_title;
  iface->step = week_step;
  iface->set_items = week_set_items;
  iface->set_time_zone = week_set_time_zone;
  iface->set_now = week_set_now;
  iface->set_drag_conflicts = week_set_drag_conflicts;
}

/* GtkWidget */

static void
cw_calendar_week_view_measure (GtkWidget      *widget,
                               GtkOrientation  orientation,
                               int             for_size,
                               int            *minimum,
                               int            *natural,
                               int            *minimum_baseline,
                               int            *natural_baseline)
{
  CwCalendarWeekView *self = CW_CALENDAR_WEEK_VIEW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = GUTTER_W + self->n_days * (self->n_days == 1 ? 240 : 56);
  else
    *minimum = *natural = (int) top_of_grid (self) + 24 * MIN_HOUR_H;
}

static void
cw_calendar_week_view_size_allocate (GtkWidget *widget,
                                     int        width,
                                     int        height,
                                     int        baseline)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      gtk_popover_present (GTK_POPOVER (child));
}

/* GObject */

static void
cw_calendar_week_view_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  CwCalendarWeekView *self = CW_CALENDAR_WEEK_VIEW (object);

  switch (prop_id)
    {
    case PROP_N_DAYS:
      g_value_set_uint (value, self->n_days);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cw_calendar_week_view_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  CwCalendarWeekView *self = CW_CALENDAR_WEEK_VIEW (object);

  switch (prop_id)
    {
    case PROP_N_DAYS:
      self->n_days = g_value_get_uint (value);
      relayout (self);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cw_calendar_week_view_dispose (GObject *object)
{
  CwCalendarWeekView *self = (CwCalendarWeekView *)object;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  if (self->blocks != NULL)
    g_array_set_size (self->blocks, 0);
  for (guint i = 0; i < G_N_ELEMENTS (self->headers); i++)
    g_clear_object (&self->headers[i]);
  for (guint i = 0; i < G_N_ELEMENTS (self->hours); i++)
    g_clear_object (&self->hours[i]);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->drag_item, cw_calendar_item_unref);

  G_OBJECT_CLASS (cw_calendar_week_view_parent_class)->dispose (object);
}

static void
cw_calendar_week_view_finalize (GObject *object)
{
  CwCalendarWeekView *self = (CwCalendarWeekView *)object;

  g_clear_pointer (&self->blocks, g_array_unref);
  g_clear_pointer (&self->zone, g_time_zone_unref);

  G_OBJECT_CLASS (cw_calendar_week_view_parent_class)->finalize (object);
}

static void
cw_calendar_week_view_class_init (CwCalendarWeekViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = cw_calendar_week_view_get_property;
  object_class->set_property = cw_calendar_week_view_set_property;
  object_class->dispose = cw_calendar_week_view_dispose;
  object_class->finalize = cw_calendar_week_view_finalize;

  widget_class->measure = cw_calendar_week_view_measure;
  widget_class->size_allocate = cw_calendar_week_view_size_allocate;
  widget_class->snapshot = cw_calendar_week_view_snapshot;

  properties[PROP_N_DAYS] =
    g_param_spec_uint ("n-days", NULL, NULL, 1, 7, 7,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  _cw_calendar_view_add_bindings (widget_class);

  gtk_widget_class_set_css_name (widget_class, "calendar-week-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);
}

static void
cw_calendar_week_view_init (CwCalendarWeekView *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *drag = gtk_gesture_drag_new ();

  self->n_days = 7;
  self->zone = g_time_zone_new_utc ();
  self->now = g_get_real_time () / G_USEC_PER_SEC;
  self->date = cw_calendar_julian_today (self->zone, self->now);
  self->blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  g_array_set_clear_func (self->blocks, block_clear);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  g_signal_connect_swapped (click, "pressed", G_CALLBACK (on_click_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  g_signal_connect_swapped (drag, "drag-begin", G_CALLBACK (on_drag_begin_cb), self);
  g_signal_connect_swapped (drag, "drag-update", G_CALLBACK (on_drag_update_cb), self);
  g_signal_connect_swapped (drag, "drag-end", G_CALLBACK (on_drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
}

/* Public API */

GtkWidget *
cw_calendar_week_view_new (guint n_days)
{
  return g_object_new (CW_TYPE_CALENDAR_WEEK_VIEW, "n-days", n_days, NULL);
}

guint
cw_calendar_week_view_get_n_days (CwCalendarWeekView *self)
{
  g_return_val_if_fail (CW_IS_CALENDAR_WEEK_VIEW (self), 0);

  return self->n_days;
}

gboolean
cw_calendar_week_view_get_item_rect (CwCalendarWeekView *self,
                                     CwCalendarItemKind  kind,
                                     gint64              id,
                                     graphene_rect_t    *rect)
{
  g_return_val_if_fail (CW_IS_CALENDAR_WEEK_VIEW (self), FALSE);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      const Block *block = &g_array_index (self->blocks, Block, i);

      if (block->label && block->item->kind == kind && block->item->id == id)
        {
          block_rect (self, block, rect);
          return TRUE;
        }
    }

  return FALSE;
}

double
cw_calendar_week_view_get_minute_y (CwCalendarWeekView *self,
                                    int                 minute)
{
  g_return_val_if_fail (CW_IS_CALENDAR_WEEK_VIEW (self), 0);

  return top_of_grid (self) + minute * hour_height (self) / 60.0;
}

void
cw_calendar_week_view_move_item (CwCalendarWeekView *self,
                                 CwCalendarItem     *item,
                                 gint64              new_start)
{
  g_autoptr(CwCalendarItem) hold = NULL;

  g_return_if_fail (CW_IS_CALENDAR_WEEK_VIEW (self));
  g_return_if_fail (item != NULL);

  if (item->kind != CW_CALENDAR_ITEM_WORK)
    return;

  hold = cw_calendar_item_ref (item);
  g_signal_emit_by_name (self, "item-moved", hold, new_start);
  self->dragging = FALSE;
  g_clear_pointer (&self->drag_item, cw_calendar_item_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
cw_calendar_week_view_drag_item_to (CwCalendarWeekView *self,
                                    CwCalendarItem     *item,
                                    gint64              new_start,
                                    guint              *n_errors,
                                    guint              *n_warnings)
{
  g_return_if_fail (CW_IS_CALENDAR_WEEK_VIEW (self));
  g_return_if_fail (item != NULL);

  if (self->drag_item != item)
    {
      cw_calendar_item_ref (item);
      g_clear_pointer (&self->drag_item, cw_calendar_item_unref);
      self->drag_item = item;
    }
  self->dragging = TRUE;
  self->drag_start = new_start;
  self->drag_errors = self->drag_warnings = 0;
  g_signal_emit_by_name (self, "item-dragged", item, new_start);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  if (n_errors != NULL)
    *n_errors = self->drag_errors;
  if (n_warnings != NULL)
    *n_warnings = self->drag_warnings;
}
