/* cw-calendar-month-view-days.c: the month view's days: the grid of six
 * weeks, where each cell and chip is, and the items put on the days.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-calendar-month-view"

#include "config.h"

#include "cw-calendar-month-view-private.h"

guint32
_cw_calendar_month_view_grid_first_day (guint32 julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  g_date_set_day (&date, 1);
  /* GDate weekdays: Monday is 1. */
  return g_date_get_julian (&date) - (g_date_get_weekday (&date) - 1);
}

int
_cw_calendar_month_view_day_index_of (CwCalendarMonthView *self,
                                      gint64               instant)
{
  int index;

  if (instant < self->bounds[0])
    return -1;
  if (instant >= self->bounds[N_DAYS])
    return N_DAYS;

  /* Days are 24 hours but on the days clocks change: a guess, corrected. */
  index = (int) CLAMP ((instant - self->bounds[0]) / (24 * 3600), 0, N_DAYS - 1);
  while (index > 0 && self->bounds[index] > instant)
    index--;
  while (index < N_DAYS - 1 && self->bounds[index + 1] <= instant)
    index++;

  return index;
}

static void
clear_days (CwCalendarMonthView *self)
{
  for (guint i = 0; i < N_DAYS; i++)
    {
      Day *day = &self->days[i];

      day->n_chips = 0;
      day->n_items = 0;
      day->has_block = FALSE;
      day->has_warn = FALSE;
    }
}

gboolean
_cw_calendar_month_view_item_days (CwCalendarMonthView  *self,
                                   const CwCalendarItem *item,
                                   int                  *first,
                                   int                  *last)
{
  *first = _cw_calendar_month_view_day_index_of (self, item->start);
  *last = item->end > item->start ? _cw_calendar_month_view_day_index_of (self, item->end - 1) : *first;
  if (*last < 0 || *first >= N_DAYS)
    return FALSE;
  *first = MAX (*first, 0);
  *last = MIN (*last, N_DAYS - 1);

  return TRUE;
}

typedef struct
{
  CwCalendarItem *item;
  gint8           first;
  gint8           last;
  gint8           kind;
} Placed;

static void
add_placed (CwCalendarMonthView *self,
            const Placed        *placed)
{
  CwCalendarItem *item = placed->item;

  for (int d = placed->first; d <= placed->last; d++)
    {
      Day *day = &self->days[d];

      if (day->n_chips < MAX_CHIPS)
        day->chips[day->n_chips++] = (Chip) { item, NULL };
      day->n_items++;
      if (item->kind == CW_CALENDAR_ITEM_BLACKOUT)
        {
          if (item->warn_only)
            day->has_warn = TRUE;
          else
            day->has_block = TRUE;
        }
    }
}

/* The grid's days, when the month or the zone change; the items are put
 * on them when they are next needed (set_date() and set_items() one after
 * the other put them once). */
void
_cw_calendar_month_view_relayout (CwCalendarMonthView *self)
{
  self->first = _cw_calendar_month_view_grid_first_day (self->date);
  for (guint i = 0; i <= N_DAYS; i++)
    self->bounds[i] = cw_calendar_day_start (self->zone, self->first + i);
  self->days_dirty = TRUE;

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
_cw_calendar_month_view_ensure_days (CwCalendarMonthView *self)
{
  static const CwCalendarItemKind order[] = {
    CW_CALENDAR_ITEM_BLACKOUT, CW_CALENDAR_ITEM_WORK, CW_CALENDAR_ITEM_WINDOW,
  };
  g_autofree Placed *placed = NULL;
  guint n_placed = 0;

  if (!self->days_dirty)
    return;

  self->days_dirty = FALSE;
  clear_days (self);
  if (self->items == NULL)
    return;

  /* Each item read once (thousands of them, apart in memory), then the
   * days filled kind by kind from what was kept of them. */
  placed = g_new (Placed, self->items->len);
  for (guint i = 0; i < self->items->len; i++)
    {
      CwCalendarItem *item = g_ptr_array_index (self->items, i);
      int first, last;

#ifdef __GNUC__
      /* Sorted, the items are no longer in the order they were allocated:
       * ask for the ones ahead while this one is placed. */
      if (i + 8 < self->items->len)
        __builtin_prefetch (g_ptr_array_index (self->items, i + 8));
#endif

      if (_cw_calendar_month_view_item_days (self, item, &first, &last))
        placed[n_placed++] = (Placed) { item, (gint8) first, (gint8) last, (gint8) item->kind };
    }
  for (guint k = 0; k < G_N_ELEMENTS (order); k++)
    for (guint i = 0; i < n_placed; i++)
      if (placed[i].kind == (gint8) order[k])
        add_placed (self, &placed[i]);
}

guint
_cw_calendar_month_view_n_visible (int cell_height)
{
  int room = cell_height - NUMBER_H - CHIP_PAD;

  return room > CHIP_H ? (guint) ((room + CHIP_GAP) / (CHIP_H + CHIP_GAP)) : 0;
}

guint
_cw_calendar_month_view_n_shown (const Day *day,
                                 guint      n_visible)
{
  if (day->n_items <= n_visible)
    return MIN (day->n_items, day->n_chips);

  return MIN (n_visible > 0 ? n_visible - 1 : 0, day->n_chips);
}

void
_cw_calendar_month_view_cell_rect (CwCalendarMonthView *self,
                                   int                  index,
                                   graphene_rect_t     *rect)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self)) - HEADER_H;
  int row = index / 7, col = index % 7;
  double x0 = (int) (width * col / 7), x1 = (int) (width * (col + 1) / 7);
  double y0 = HEADER_H + (int) (height * row / 6), y1 = HEADER_H + (int) (height * (row + 1) / 6);

  if (gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL)
    {
      double w = x1 - x0;

      x0 = width - x1;
      x1 = x0 + w;
    }

  graphene_rect_init (rect, x0, y0, x1 - x0, y1 - y0);
}

void
_cw_calendar_month_view_chip_rect (const graphene_rect_t *cell,
                                   guint                  slot,
                                   graphene_rect_t       *rect)
{
  graphene_rect_init (rect, cell->origin.x + 3,
                      cell->origin.y + NUMBER_H + slot * (CHIP_H + CHIP_GAP),
                      cell->size.width - 6, CHIP_H);
}

int
_cw_calendar_month_view_cell_at (CwCalendarMonthView *self,
                                 double               x,
                                 double               y)
{
  for (int i = 0; i < N_DAYS; i++)
    {
      graphene_rect_t cell;

      _cw_calendar_month_view_cell_rect (self, i, &cell);
      if (graphene_rect_contains_point (&cell, &GRAPHENE_POINT_INIT (x, y)))
        return i;
    }

  return -1;
}
