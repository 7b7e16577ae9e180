/* cw-calendar-week-view-draw.c: drawing the week view: the grid of days
 * and hours, the blocks, the line of now and the ghost of a dragged work.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-calendar-week-view"

#include "config.h"

#include <glib/gi18n.h>

#include "cw-calendar-week-view-private.h"

static void
draw_grid (CwCalendarWeekView     *self,
           GtkSnapshot            *snapshot,
           const CwCalendarColors *colors,
           guint32                 today)
{
  GtkWidget *widget = GTK_WIDGET (self);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  double top = _cw_calendar_week_view_top_of_grid (self);
  double hour_h = _cw_calendar_week_view_hour_height (self);
  GdkRGBA line = _cw_rgba_alpha (&colors->fg, 0.12);
  GdkRGBA faint = _cw_rgba_alpha (&colors->fg, 0.06);
  GdkRGBA dim = _cw_rgba_alpha (&colors->fg, 0.6);

  for (guint col = 0; col < self->n_days; col++)
    {
      double x0 = _cw_calendar_week_view_column_x (self, col);
      double x1 = _cw_calendar_week_view_column_x (self, col + 1);
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
      g_autofree char *from = _cw_calendar_week_view_format_time (self->zone, block->item->start);
      g_autofree char *to = _cw_calendar_week_view_format_time (self->zone, block->item->end);

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
  int col = _cw_calendar_week_view_column_of (self, self->now);
  double x0, x1, y;
  GskRoundedRect dot;
  graphene_rect_t r;

  if (col < 0 || self->now >= self->bounds[self->n_days])
    return;

  x0 = _cw_calendar_week_view_column_x (self, col);
  x1 = _cw_calendar_week_view_column_x (self, col + 1);
  y = _cw_calendar_week_view_top_of_grid (self) +
      (self->now - self->bounds[col]) / 60.0 * _cw_calendar_week_view_hour_height (self) / 60.0;
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
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *times = NULL;
  Block block = { 0 };
  graphene_rect_t rect;
  int col;

  if (!self->dragging || self->drag_item == NULL)
    return;

  ghost = cw_calendar_item_new (CW_CALENDAR_ITEM_WORK, self->drag_item->id, self->drag_start,
                                self->drag_start + (self->drag_item->end - self->drag_item->start),
                                self->drag_item->title);
  col = _cw_calendar_week_view_column_of (self, ghost->start);
  if (col < 0)
    return;

  block.item = ghost;
  block.col = col;
  block.start_min = (int) ((ghost->start - self->bounds[col]) / 60);
  block.end_min = MIN ((int) ((ghost->end - self->bounds[col]) / 60), 24 * 60);
  block.n_lanes = 1;
  _cw_calendar_week_view_block_rect (self, &block, &rect);

  from = _cw_calendar_week_view_format_time (self->zone, ghost->start);
  to = _cw_calendar_week_view_format_time (self->zone, ghost->end);
  times = g_strdup_printf (_("%s – %s"), from, to);
  _cw_calendar_view_draw_ghost (GTK_WIDGET (self), snapshot, ghost, &rect, colors, times,
                                self->drag_errors, self->drag_warnings, CW_CALENDAR_DRAW_TALL);
}

void
_cw_calendar_week_view_snapshot (GtkWidget   *widget,
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

      _cw_calendar_week_view_block_rect (self, block, &rect);
      if (rect.origin.y > height || rect.origin.y + rect.size.height < 0)
        continue;

      if (!block->label)
        {
          const GdkRGBA *tone = block->item->warn_only ? &colors.warning_bg : &colors.error_bg;

          _cw_calendar_view_hatch (widget, snapshot, &rect, tone, block->item->warn_only ? 0.10 : 0.16);
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
