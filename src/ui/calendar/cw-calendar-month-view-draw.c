/* cw-calendar-month-view-draw.c: drawing the month: the days' cells, their
 * numbers and chips, the weekday names and the grid.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-calendar-month-view"

#include "config.h"

#include <glib/gi18n.h>

#include "cw-calendar-month-view-private.h"

/* A chip is built once into a render node (its background, icon, label and
 * badge, at 0, 0) kept by what it shows: a frame translates and appends the
 * nodes of the chips the cells show, whatever the number of items (a year
 * of 2,000 windows holds thousands in a month). A recurring window's chip
 * is the same node on every day it is on. */

#define MAX_CACHED_LAYOUTS 4096
#define MAX_CACHED_CHIPS   4096

static void
forget_chip_nodes (CwCalendarMonthView *self)
{
  for (guint i = 0; i < N_DAYS; i++)
    for (guint j = 0; j < self->days[i].n_chips; j++)
      self->days[i].chips[j].node = NULL;
  g_hash_table_remove_all (self->chip_nodes);
}

void
_cw_calendar_month_view_drop_chips (CwCalendarMonthView *self,
                                    gboolean             layouts_too)
{
  forget_chip_nodes (self);
  if (!layouts_too)
    return;

  g_hash_table_remove_all (self->more_layouts);
  g_hash_table_remove_all (self->layouts);
  g_hash_table_remove_all (self->badges);
  for (guint i = 0; i < G_N_ELEMENTS (self->numbers); i++)
    g_clear_object (&self->numbers[i]);
  for (guint i = 0; i < G_N_ELEMENTS (self->weekdays); i++)
    g_clear_object (&self->weekdays[i]);
}

static PangoLayout *
lookup_layout (CwCalendarMonthView  *self,
               const CwCalendarItem *item)
{
  g_autofree char *key = g_strdup_printf ("%d%d:%s", item->kind, item->warn_only, item->title);
  PangoLayout *layout = g_hash_table_lookup (self->layouts, key);

  if (layout != NULL)
    return layout;

  /* The chips hold none of them: only the building of a chip uses them. */
  if (g_hash_table_size (self->layouts) > MAX_CACHED_LAYOUTS)
    g_hash_table_remove_all (self->layouts);
  layout = _cw_calendar_view_new_item_layout (GTK_WIDGET (self), item, NULL);
  g_hash_table_insert (self->layouts, g_steal_pointer (&key), layout);

  return layout;
}

static PangoLayout *
lookup_badge (CwCalendarMonthView  *self,
              const CwCalendarItem *item)
{
  guint count = item->n_errors + item->n_warnings;
  PangoLayout *layout;

  if (count == 0)
    return NULL;

  layout = g_hash_table_lookup (self->badges, GUINT_TO_POINTER (count));
  if (layout == NULL)
    {
      layout = _cw_calendar_view_new_badge_layout (GTK_WIDGET (self), item);
      g_hash_table_insert (self->badges, GUINT_TO_POINTER (count), layout);
    }

  return layout;
}

/* The node of a chip of @width showing @item, drawn at (0, 0). */
static GskRenderNode *
lookup_chip_node (CwCalendarMonthView    *self,
                  const CwCalendarItem   *item,
                  int                     width,
                  const CwCalendarColors *colors)
{
  g_autofree char *key = g_strdup_printf ("%d%d:%u:%u:%d:%s", item->kind, item->warn_only, item->n_errors,
                                          item->n_warnings, width, item->title);
  GskRenderNode *node = g_hash_table_lookup (self->chip_nodes, key);
  GtkSnapshot *snapshot;

  if (node != NULL)
    return node;

  if (g_hash_table_size (self->chip_nodes) > MAX_CACHED_CHIPS)
    forget_chip_nodes (self);

  snapshot = gtk_snapshot_new ();
  _cw_calendar_view_draw_item (GTK_WIDGET (self), snapshot, item, &GRAPHENE_RECT_INIT (0, 0, width, CHIP_H),
                               colors, lookup_layout (self, item), lookup_badge (self, item),
                               CW_CALENDAR_DRAW_NONE);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    node = gsk_container_node_new (NULL, 0);
  g_hash_table_insert (self->chip_nodes, g_steal_pointer (&key), node);

  return node;
}

static PangoLayout *
lookup_more (CwCalendarMonthView *self,
             guint                more)
{
  PangoLayout *layout = g_hash_table_lookup (self->more_layouts, GUINT_TO_POINTER (more));
  g_autofree char *text = NULL;
  g_autoptr(PangoAttrList) attrs = NULL;

  if (layout != NULL)
    return layout;

  /* Translators: in a day of the month view, the items that do not fit */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "+%u more", "+%u more", more), more);
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  attrs = pango_attr_list_new ();
  pango_attr_list_insert (attrs, pango_attr_scale_new (0.82));
  pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (layout, attrs);
  g_hash_table_insert (self->more_layouts, GUINT_TO_POINTER (more), layout);

  return layout;
}

static PangoLayout *
lookup_number (CwCalendarMonthView *self,
               guint                day)
{
  if (self->numbers[day] == NULL)
    {
      g_autofree char *text = g_strdup_printf ("%u", day);

      self->numbers[day] = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
    }

  return self->numbers[day];
}

static void
draw_cell (CwCalendarMonthView    *self,
           GtkSnapshot            *snapshot,
           const CwCalendarColors *colors,
           int                     index,
           guint32                 today,
           guint                   month)
{
  GtkWidget *widget = GTK_WIDGET (self);
  Day *day = &self->days[index];
  guint32 julian = self->first + index;
  graphene_rect_t cell, rect;
  PangoLayout *number;
  GDate date;
  guint n_visible, shown;
  int text_w = 0, text_h = 0;
  GdkRGBA tint;

  _cw_calendar_month_view_cell_rect (self, index, &cell);
  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);

  if (g_date_get_month (&date) != month)
    {
      tint = _cw_rgba_alpha (&colors->fg, 0.035);
      gtk_snapshot_append_color (snapshot, &tint, &cell);
    }
  if (day->has_block || day->has_warn)
    {
      const GdkRGBA *tone = day->has_block ? &colors->error_bg : &colors->warning_bg;

      /* A faint tint over the day, stripes behind its number: a pattern
       * as well as a colour, in few pixels. */
      tint = _cw_rgba_alpha (tone, 0.05);
      gtk_snapshot_append_color (snapshot, &tint, &cell);
      _cw_calendar_view_hatch (widget, snapshot,
                               &GRAPHENE_RECT_INIT (cell.origin.x, cell.origin.y, cell.size.width, NUMBER_H - 1),
                               tone, 0.16);
    }
  if (julian == self->date)
    {
      tint = _cw_rgba_alpha (&colors->accent, 0.10);
      gtk_snapshot_append_color (snapshot, &tint, &cell);
    }

  /* The day's number; today's in an accent circle. */
  number = lookup_number (self, g_date_get_day (&date));
  pango_layout_get_pixel_size (number, &text_w, &text_h);
  if (julian == today)
    {
      GskRoundedRect circle;
      graphene_rect_t dot;

      graphene_rect_init (&dot, cell.origin.x + 4, cell.origin.y + 2, 24, 24);
      gsk_rounded_rect_init_from_rect (&circle, &dot, 12);
      gtk_snapshot_push_rounded_clip (snapshot, &circle);
      gtk_snapshot_append_color (snapshot, &colors->accent, &dot);
      gtk_snapshot_pop (snapshot);
    }
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (cell.origin.x + 16 - text_w / 2,
                                                          cell.origin.y + 14 - text_h / 2));
  tint = julian == today ? colors->accent_fg
       : g_date_get_month (&date) != month ? _cw_rgba_alpha (&colors->fg, 0.45)
       : colors->fg;
  gtk_snapshot_append_layout (snapshot, number, &tint);
  gtk_snapshot_restore (snapshot);

  n_visible = _cw_calendar_month_view_n_visible (cell.size.height);
  shown = _cw_calendar_month_view_n_shown (day, n_visible);

  for (guint slot = 0; slot < shown; slot++)
    {
      Chip *chip = &day->chips[slot];

      _cw_calendar_month_view_chip_rect (&cell, slot, &rect);
      if (chip->node == NULL)
        chip->node = lookup_chip_node (self, chip->item, (int) rect.size.width, colors);

      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &rect.origin);
      if (chip->item == self->drag_item)
        gtk_snapshot_push_opacity (snapshot, 0.4);
      gtk_snapshot_append_node (snapshot, chip->node);
      if (chip->item == self->drag_item)
        gtk_snapshot_pop (snapshot);
      gtk_snapshot_restore (snapshot);
    }

  if (day->n_items > shown && n_visible > 0)
    {
      guint more = day->n_items - shown;

      _cw_calendar_month_view_chip_rect (&cell, shown, &rect);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (rect.origin.x + 6, rect.origin.y + 2));
      tint = _cw_rgba_alpha (&colors->fg, 0.7);
      gtk_snapshot_append_layout (snapshot, lookup_more (self, more), &tint);
      gtk_snapshot_restore (snapshot);
    }
}

static void
draw_drag_ghost (CwCalendarMonthView    *self,
                 GtkSnapshot            *snapshot,
                 const CwCalendarColors *colors)
{
  graphene_rect_t cell, rect;

  if (self->drag_item == NULL || self->drag_to < 0)
    return;

  _cw_calendar_month_view_cell_rect (self, self->drag_to, &cell);
  _cw_calendar_month_view_chip_rect (&cell, 0, &rect);
  _cw_calendar_view_draw_ghost (GTK_WIDGET (self), snapshot, self->drag_item, &rect, colors, NULL,
                                self->drag_errors, self->drag_warnings, CW_CALENDAR_DRAW_NONE);
}

static void
draw_weekdays (CwCalendarMonthView    *self,
               GtkSnapshot            *snapshot,
               const CwCalendarColors *colors)
{
  GdkRGBA dim = _cw_rgba_alpha (&colors->fg, 0.6);

  for (int col = 0; col < 7; col++)
    {
      graphene_rect_t cell;
      int text_w = 0, text_h = 0;

      if (self->weekdays[col] == NULL)
        {
          g_autofree char *name = cw_calendar_format_day (self->first + col, "%a");
          g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

          self->weekdays[col] = gtk_widget_create_pango_layout (GTK_WIDGET (self), name);
          pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
          pango_attr_list_insert (attrs, pango_attr_scale_new (0.86));
          pango_layout_set_attributes (self->weekdays[col], attrs);
        }
      _cw_calendar_month_view_cell_rect (self, col, &cell);
      pango_layout_get_pixel_size (self->weekdays[col], &text_w, &text_h);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (cell.origin.x + 8, (HEADER_H - text_h) / 2));
      gtk_snapshot_append_layout (snapshot, self->weekdays[col], &dim);
      gtk_snapshot_restore (snapshot);
    }
}

static void
draw_grid_lines (CwCalendarMonthView    *self,
                 GtkSnapshot            *snapshot,
                 const CwCalendarColors *colors)
{
  GtkWidget *widget = GTK_WIDGET (self);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  GdkRGBA line = _cw_rgba_alpha (&colors->fg, 0.12);

  for (int row = 0; row < 6; row++)
    {
      graphene_rect_t cell;

      _cw_calendar_month_view_cell_rect (self, row * 7, &cell);
      gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (0, cell.origin.y, width, 1));
    }
  for (int col = 1; col < 7; col++)
    {
      graphene_rect_t cell;

      _cw_calendar_month_view_cell_rect (self, col, &cell);
      gtk_snapshot_append_color (snapshot, &line,
                                 &GRAPHENE_RECT_INIT (gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL
                                                      ? cell.origin.x + cell.size.width : cell.origin.x,
                                                      HEADER_H, 1, height - HEADER_H));
    }
}

void
_cw_calendar_month_view_snapshot (GtkWidget   *widget,
                                  GtkSnapshot *snapshot)
{
  CwCalendarMonthView *self = CW_CALENDAR_MONTH_VIEW (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  guint32 today = cw_calendar_julian_today (self->zone, self->now);
  CwCalendarColors colors;
  GDate date;

  _cw_calendar_month_view_ensure_days (self);

  /* The chips' nodes hold colours, pixels and a direction. */
  _cw_calendar_view_get_colors (widget, &colors);
  if (!_cw_calendar_colors_equal (&colors, &self->chip_colors) ||
      self->chip_scale != gtk_widget_get_scale_factor (widget) ||
      self->chip_direction != gtk_widget_get_direction (widget))
    {
      forget_chip_nodes (self);
      self->chip_colors = colors;
      self->chip_scale = gtk_widget_get_scale_factor (widget);
      self->chip_direction = gtk_widget_get_direction (widget);
    }

  gtk_snapshot_append_color (snapshot, &colors.bg, &GRAPHENE_RECT_INIT (0, 0, width, height));

  g_date_clear (&date, 1);
  g_date_set_julian (&date, self->date);
  for (int i = 0; i < N_DAYS; i++)
    draw_cell (self, snapshot, &colors, i, today, g_date_get_month (&date));

  draw_weekdays (self, snapshot, &colors);
  draw_grid_lines (self, snapshot, &colors);
  draw_drag_ghost (self, snapshot, &colors);
}
