/* cw-calendar-month-view.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-calendar-month-view"

#include "config.h"

#include <glib/gi18n.h>

#include "cw-calendar-month-view.h"
#include "cw-calendar-view-private.h"

/* Six weeks of seven days, Monday first, as GNOME Calendar's month view:
 * each day lists its items as chips (blackouts, then planned work, then
 * windows), as many as fit, then "+3 more". The days' lists are made when
 * the items or the month change, and the text of a chip is shaped once and
 * kept: a frame only draws what the cells show, whatever the number of
 * items (a year of 2,000 windows holds thousands in a month). */

#define N_DAYS     42
#define HEADER_H   28
#define NUMBER_H   28
#define CHIP_H     20
#define CHIP_GAP   2
#define CHIP_PAD   4

typedef struct
{
  CwCalendarItem *item;     /* borrowed from ->items */
  PangoLayout    *layout;   /* borrowed from ->layouts, found when first drawn */
  PangoLayout    *badge;    /* borrowed from ->badges */
} Chip;

typedef struct
{
  GArray      *chips;       /* (element-type Chip) */
  PangoLayout *number;      /* borrowed from ->numbers */
  PangoLayout *more;
  guint        more_count;
  gboolean     has_block;
  gboolean     has_warn;
} Day;

struct _CwCalendarMonthView
{
  GtkWidget        parent_instance;

  GTimeZone       *zone;
  guint32          date;          /* the selected day */
  guint32          first;         /* the grid's first day, a Monday */
  gint64           now;
  GPtrArray       *items;
  gint64           bounds[N_DAYS + 1];
  Day              days[N_DAYS];
  PangoLayout     *weekdays[7];
  /* Shaped labels by kind and title, and badges by count, kept across
   * months: a recurring window's name is shaped once. */
  GHashTable      *layouts;
  GHashTable      *badges;
  PangoLayout     *numbers[32];

  /* Dragging planned work across days */
  CwCalendarItem  *drag_item;
  int              drag_from;
  int              drag_to;
  guint            drag_errors;
  guint            drag_warnings;
};

static void cw_calendar_month_view_iface_init (CwCalendarViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CwCalendarMonthView, cw_calendar_month_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (CW_TYPE_CALENDAR_VIEW,
                                                      cw_calendar_month_view_iface_init))

/* Helpers */

#define MAX_CACHED_LAYOUTS 4096

static PangoLayout *
lookup_layout (CwCalendarMonthView  *self,
               const CwCalendarItem *item)
{
  g_autofree char *key = g_strdup_printf ("%d%d:%s", item->kind, item->warn_only, item->title);
  PangoLayout *layout = g_hash_table_lookup (self->layouts, key);

  if (layout != NULL)
    return layout;

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

static guint32
grid_first_day (guint32 julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  g_date_set_day (&date, 1);
  /* GDate weekdays: Monday is 1. */
  return g_date_get_julian (&date) - (g_date_get_weekday (&date) - 1);
}

static int
day_index_of (CwCalendarMonthView *self,
              gint64               instant)
{
  int lo = 0, hi = N_DAYS;

  if (instant < self->bounds[0])
    return -1;
  if (instant >= self->bounds[N_DAYS])
    return N_DAYS;

  /* The last bound <= instant. */
  while (hi - lo > 1)
    {
      int mid = (lo + hi) / 2;

      if (self->bounds[mid] <= instant)
        lo = mid;
      else
        hi = mid;
    }

  return lo;
}

static void
clear_days (CwCalendarMonthView *self)
{
  for (guint i = 0; i < N_DAYS; i++)
    {
      Day *day = &self->days[i];

      if (day->chips != NULL)
        g_array_set_size (day->chips, 0);
      day->number = NULL;
      g_clear_object (&day->more);
      day->more_count = 0;
      day->has_block = FALSE;
      day->has_warn = FALSE;
    }
}

static void
add_kind (CwCalendarMonthView *self,
          CwCalendarItemKind   kind)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      CwCalendarItem *item = g_ptr_array_index (self->items, i);
      int first, last;

      if (item->kind != kind)
        continue;

      first = day_index_of (self, item->start);
      last = item->end > item->start ? day_index_of (self, item->end - 1) : first;
      first = MAX (first, 0);
      last = MIN (last, N_DAYS - 1);

      for (int d = first; d <= last; d++)
        {
          Chip chip = { item, NULL, NULL };

          g_array_append_val (self->days[d].chips, chip);
          if (kind == CW_CALENDAR_ITEM_BLACKOUT)
            {
              if (item->warn_only)
                self->days[d].has_warn = TRUE;
              else
                self->days[d].has_block = TRUE;
            }
        }
    }
}

/* Everything that depends on the month, the zone and the items. */
static void
relayout (CwCalendarMonthView *self)
{
  clear_days (self);

  self->first = grid_first_day (self->date);
  for (guint i = 0; i <= N_DAYS; i++)
    self->bounds[i] = cw_calendar_day_start (self->zone, self->first + i);

  if (self->items != NULL)
    {
      add_kind (self, CW_CALENDAR_ITEM_BLACKOUT);
      add_kind (self, CW_CALENDAR_ITEM_WORK);
      add_kind (self, CW_CALENDAR_ITEM_WINDOW);
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static guint
n_visible_for (int cell_h)
{
  int room = cell_h - NUMBER_H - CHIP_PAD;

  return room > CHIP_H ? (guint) ((room + CHIP_GAP) / (CHIP_H + CHIP_GAP)) : 0;
}

static void
cell_rect (CwCalendarMonthView *self,
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

static void
chip_rect (const graphene_rect_t *cell,
           guint                  slot,
           graphene_rect_t       *rect)
{
  graphene_rect_init (rect, cell->origin.x + 3,
                      cell->origin.y + NUMBER_H + slot * (CHIP_H + CHIP_GAP),
                      cell->size.width - 6, CHIP_H);
}

static int
cell_at (CwCalendarMonthView *self,
         double               x,
         double               y)
{
  for (int i = 0; i < N_DAYS; i++)
    {
      graphene_rect_t cell;

      cell_rect (self, i, &cell);
      if (graphene_rect_contains_point (&cell, &GRAPHENE_POINT_INIT (x, y)))
        return i;
    }

  return -1;
}

/* The chip under a point, or NULL; @is_more when it is "+3 more". */
static Chip *
chip_at (CwCalendarMonthView *self,
         double               x,
         double               y,
         int                 *day_index,
         gboolean            *is_more,
         graphene_rect_t     *rect)
{
  int index = cell_at (self, x, y);
  graphene_rect_t cell;
  guint n_visible, shown;
  Day *day;

  *is_more = FALSE;
  *day_index = index;
  if (index < 0)
    return NULL;

  day = &self->days[index];
  cell_rect (self, index, &cell);
  n_visible = n_visible_for (cell.size.height);
  shown = day->chips->len > n_visible ? (n_visible > 0 ? n_visible - 1 : 0) : day->chips->len;

  for (guint slot = 0; slot < n_visible; slot++)
    {
      chip_rect (&cell, slot, rect);
      if (!graphene_rect_contains_point (rect, &GRAPHENE_POINT_INIT (x, y)))
        continue;
      if (slot < shown)
        return &g_array_index (day->chips, Chip, slot);
      if (slot == shown && day->chips->len > shown)
        *is_more = TRUE;
      return NULL;
    }

  return NULL;
}

static void
select_day (CwCalendarMonthView *self,
            guint32              julian)
{
  if (self->date == julian)
    return;

  cw_calendar_view_set_date (CW_CALENDAR_VIEW (self), julian);
  g_signal_emit_by_name (self, "date-selected", (guint) julian);
}

static gint64
moved_start (CwCalendarMonthView  *self,
             const CwCalendarItem *item,
             int                   from,
             int                   to)
{
  /* The same local time on another day. */
  return cw_calendar_day_start (self->zone, self->first + to) +
         (item->start - cw_calendar_day_start (self->zone, self->first + from));
}

/* Drawing */

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
  GDate date;
  guint n_visible, shown;
  int text_w = 0, text_h = 0;
  GdkRGBA tint;

  cell_rect (self, index, &cell);
  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);

  if (g_date_get_month (&date) != month)
    {
      tint = _cw_rgba_alpha (&colors->fg, 0.035);
      gtk_snapshot_append_color (snapshot, &tint, &cell);
    }
  if (day->has_block || day->has_warn)
    _cw_calendar_view_hatch (snapshot, &cell, day->has_block ? &colors->error_bg : &colors->warning_bg, 0.07);
  if (julian == self->date)
    {
      tint = _cw_rgba_alpha (&colors->accent, 0.10);
      gtk_snapshot_append_color (snapshot, &tint, &cell);
    }

  /* The day's number; today's in an accent circle. */
  if (self->numbers[g_date_get_day (&date)] == NULL)
    {
      g_autofree char *text = g_strdup_printf ("%u", g_date_get_day (&date));

      self->numbers[g_date_get_day (&date)] = gtk_widget_create_pango_layout (widget, text);
    }
  day->number = self->numbers[g_date_get_day (&date)];
  pango_layout_get_pixel_size (day->number, &text_w, &text_h);
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
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (cell.origin.x + 16 - text_w / 2.0,
                                                          cell.origin.y + 14 - text_h / 2.0));
  tint = julian == today ? colors->accent_fg
       : g_date_get_month (&date) != month ? _cw_rgba_alpha (&colors->fg, 0.45)
       : colors->fg;
  gtk_snapshot_append_layout (snapshot, day->number, &tint);
  gtk_snapshot_restore (snapshot);

  n_visible = n_visible_for (cell.size.height);
  shown = day->chips->len > n_visible ? (n_visible > 0 ? n_visible - 1 : 0) : day->chips->len;

  for (guint slot = 0; slot < shown; slot++)
    {
      Chip *chip = &g_array_index (day->chips, Chip, slot);
      CwCalendarDrawFlags flags = CW_CALENDAR_DRAW_NONE;

      if (chip->layout == NULL)
        {
          chip->layout = lookup_layout (self, chip->item);
          chip->badge = lookup_badge (self, chip->item);
        }
      chip_rect (&cell, slot, &rect);
      if (chip->item == self->drag_item)
        {
          gtk_snapshot_push_opacity (snapshot, 0.4);
          _cw_calendar_view_draw_item (widget, snapshot, chip->item, &rect, colors,
                                       chip->layout, chip->badge, flags);
          gtk_snapshot_pop (snapshot);
          continue;
        }
      _cw_calendar_view_draw_item (widget, snapshot, chip->item, &rect, colors,
                                   chip->layout, chip->badge, flags);
    }

  if (day->chips->len > shown && n_visible > 0)
    {
      guint more = day->chips->len - shown;

      if (day->more == NULL || day->more_count != more)
        {
          g_autofree char *text = NULL;
          g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

          /* Translators: in a day of the month view, the items that do not fit */
          text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "+%u more", "+%u more", more), more);
          g_clear_object (&day->more);
          day->more = gtk_widget_create_pango_layout (widget, text);
          pango_attr_list_insert (attrs, pango_attr_scale_new (0.82));
          pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
          pango_layout_set_attributes (day->more, attrs);
          day->more_count = more;
        }
      chip_rect (&cell, shown, &rect);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (rect.origin.x + 6, rect.origin.y + 2));
      tint = _cw_rgba_alpha (&colors->fg, 0.7);
      gtk_snapshot_append_layout (snapshot, day->more, &tint);
      gtk_snapshot_restore (snapshot);
    }
}

static void
draw_drag_ghost (CwCalendarMonthView    *self,
                 GtkSnapshot            *snapshot,
                 const CwCalendarColors *colors)
{
  graphene_rect_t cell, rect;
  CwCalendarDrawFlags flags = CW_CALENDAR_DRAW_DRAGGING;

  if (self->drag_item == NULL || self->drag_to < 0)
    return;

  cell_rect (self, self->drag_to, &cell);
  chip_rect (&cell, 0, &rect);
  if (self->drag_errors > 0)
    flags |= CW_CALENDAR_DRAW_DRAG_ERRORS;
  if (self->drag_warnings > 0)
    flags |= CW_CALENDAR_DRAW_DRAG_WARNINGS;

  {
    g_autoptr(PangoLayout) layout = _cw_calendar_view_new_item_layout (GTK_WIDGET (self), self->drag_item, NULL);
    g_autoptr(PangoLayout) badge = NULL;
    g_autofree char *count = g_strdup_printf ("%u", self->drag_errors + self->drag_warnings);

    badge = gtk_widget_create_pango_layout (GTK_WIDGET (self), count);
    _cw_calendar_view_draw_item (GTK_WIDGET (self), snapshot, self->drag_item, &rect, colors,
                                 layout, badge, flags);
  }
}

static void
cw_calendar_month_view_snapshot (GtkWidget   *widget,
                                 GtkSnapshot *snapshot)
{
  CwCalendarMonthView *self = CW_CALENDAR_MONTH_VIEW (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  CwCalendarColors colors;
  GdkRGBA line;
  guint32 today = cw_calendar_julian_today (self->zone, self->now);
  GDate date;
  guint month;

  _cw_calendar_view_get_colors (widget, &colors);
  gtk_snapshot_append_color (snapshot, &colors.bg, &GRAPHENE_RECT_INIT (0, 0, width, height));

  g_date_clear (&date, 1);
  g_date_set_julian (&date, self->date);
  month = g_date_get_month (&date);

  for (int i = 0; i < N_DAYS; i++)
    draw_cell (self, snapshot, &colors, i, today, month);

  /* Weekday names over the columns. */
  for (int col = 0; col < 7; col++)
    {
      graphene_rect_t cell;
      int text_w = 0, text_h = 0;
      GdkRGBA dim = _cw_rgba_alpha (&colors.fg, 0.6);

      if (self->weekdays[col] == NULL)
        {
          g_autofree char *name = cw_calendar_format_day (self->first + col, "%a");
          g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

          self->weekdays[col] = gtk_widget_create_pango_layout (widget, name);
          pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
          pango_attr_list_insert (attrs, pango_attr_scale_new (0.86));
          pango_layout_set_attributes (self->weekdays[col], attrs);
        }
      cell_rect (self, col, &cell);
      pango_layout_get_pixel_size (self->weekdays[col], &text_w, &text_h);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (cell.origin.x + 8, (HEADER_H - text_h) / 2.0));
      gtk_snapshot_append_layout (snapshot, self->weekdays[col], &dim);
      gtk_snapshot_restore (snapshot);
    }

  /* Grid lines. */
  line = _cw_rgba_alpha (&colors.fg, 0.12);
  for (int row = 0; row < 6; row++)
    {
      graphene_rect_t cell;

      cell_rect (self, row * 7, &cell);
      gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (0, cell.origin.y, width, 1));
    }
  for (int col = 1; col < 7; col++)
    {
      graphene_rect_t cell;

      cell_rect (self, col, &cell);
      gtk_snapshot_append_color (snapshot, &line,
                                 &GRAPHENE_RECT_INIT (gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL
                                                      ? cell.origin.x + cell.size.width : cell.origin.x,
                                                      HEADER_H, 1, height - HEADER_H));
    }

  draw_drag_ghost (self, snapshot, &colors);
}

/* Callbacks */

static void
on_click_pressed_cb (CwCalendarMonthView *self,
                     int                  n_press,
                     double               x,
                     double               y,
                     GtkGestureClick     *gesture)
{
  graphene_rect_t rect;
  gboolean is_more;
  int index;
  Chip *chip;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  chip = chip_at (self, x, y, &index, &is_more, &rect);
  if (index < 0 || index >= N_DAYS)
    return;

  select_day (self, self->first + index);

  if (chip != NULL)
    g_signal_emit_by_name (self, "item-activated", chip->item,
                           (double) rect.origin.x, (double) rect.origin.y,
                           (double) rect.size.width, (double) rect.size.height);
  else if (is_more || n_press == 2)
    g_signal_emit_by_name (self, "date-activated", (guint) (self->first + index));
}

static void
on_drag_begin_cb (CwCalendarMonthView *self,
                  double               x,
                  double               y,
                  GtkGestureDrag      *gesture)
{
  graphene_rect_t rect;
  gboolean is_more;
  int index;
  Chip *chip = chip_at (self, x, y, &index, &is_more, &rect);

  g_clear_pointer (&self->drag_item, cw_calendar_item_unref);
  if (chip == NULL || chip->item->kind != CW_CALENDAR_ITEM_WORK)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  self->drag_item = cw_calendar_item_ref (chip->item);
  self->drag_from = day_index_of (self, chip->item->start);
  self->drag_from = CLAMP (self->drag_from, 0, N_DAYS - 1);
  self->drag_to = -1;
}

static void
on_drag_update_cb (CwCalendarMonthView *self,
                   double               dx,
                   double               dy,
                   GtkGestureDrag      *gesture)
{
  double x, y;
  int to;

  if (self->drag_item == NULL)
    return;
  if (self->drag_to < 0 && dx * dx + dy * dy < 64)
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_gesture_drag_get_start_point (gesture, &x, &y);
  to = cell_at (self, x + dx, y + dy);
  if (to < 0 || to == self->drag_to)
    return;

  self->drag_to = to;
  self->drag_errors = self->drag_warnings = 0;
  g_signal_emit_by_name (self, "item-dragged", self->drag_item,
                         moved_start (self, self->drag_item, self->drag_from, to));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_drag_end_cb (CwCalendarMonthView *self,
                double               dx,
                double               dy,
                GtkGestureDrag      *gesture)
{
  g_autoptr(CwCalendarItem) item = g_steal_pointer (&self->drag_item);
  int to = self->drag_to;

  self->drag_to = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));

  if (item == NULL || to < 0 || to == self->drag_from)
    return;

  cw_calendar_month_view_move_item (self, item, self->first + to);
}

/* CwCalendarView */

static void
month_set_date (CwCalendarView *view,
                guint32         julian)
{
  CwCalendarMonthView *self = CW_CALENDAR_MONTH_VIEW (view);
  guint32 first = grid_first_day (julian);

  self->date = julian;
  if (first != self->first)
    {
      for (guint i = 0; i < 7; i++)
        g_clear_object (&self->weekdays[i]);
      relayout (self);
    }
  else
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

static guint32
month_get_date (CwCalendarView *view)
{
  return CW_CALENDAR_MONTH_VIEW (view)->date;
}

static void
month_get_days (CwCalendarView *view,
                guint32        *first,
                guint          *n_days)
{
  CwCalendarMonthView *self = CW_CALENDAR_MONTH_VIEW (view);

  *first = grid_first_day (self->date);
  *n_days = N_DAYS;
}

static char *
month_dup_title (CwCalendarView *view)
{
  /* Translators: the month view's title, a g_date_time_format() format: "November 2026" */
  return cw_calendar_format_day (CW_CALENDAR_MONTH_VIEW (view)->date, _("%B %Y"));
}

static guint32
month_step (CwCalendarView *view,
            guint32         julian,
            int             direction)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  if (direction < 0)
    g_date_subtract_months (&date, 1);
  else
    g_date_add_months (&date, 1);

  return g_date_get_julian (&date);
}

static void
month_set_items (CwCalendarView *view,
                 GPtrArray      *items)
{
  CwCalendarMonthView *self = CW_CALENDAR_MONTH_VIEW (view);

  if (items != NULL)
    g_ptr_array_ref (items);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  self->items = items;
  relayout (self);
}

static void
month_set_time_zone (CwCalendarView *view,
                     GTimeZone      *zone)
{
  CwCalendarMonthView *self = CW_CALENDAR_MONTH_VIEW (view);

  g_time_zone_ref (zone);
  g_clear_pointer (&self->zone, g_time_zone_unref);
  self->zone = zone;
  relayout (self);
}

static void
month_set_now (CwCalendarView *view,
               gint64          now)
{
  CwCalendarMonthView *self = CW_CALENDAR_MONTH_VIEW (view);

  self->now = now;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
month_set_drag_conflicts (CwCalendarView *view,
                          guint           n_errors,
                          guint           n_warnings)
{
  CwCalendarMonthView *self = CW_CALENDAR_MONTH_VIEW (view);

  self->drag_errors = n_errors;
  self->drag_warnings = n_warnings;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
cw_calendar_month_view_iface_init (CwCalendarViewInterface *iface)
{
  iface->set_date = month_set_date;
  iface->get_date = month_get_date;
  iface->get_days = month_get_days;
  iface->dup_title = month_dup_title;
  iface->step = month_step;
  iface->set_items = month_set_items;
  iface->set_time_zone = month_set_time_zone;
  iface->set_now = month_set_now;
  iface->set_drag_conflicts = month_set_drag_conflicts;
}

/* GtkWidget */

static void
cw_calendar_month_view_measure (GtkWidget      *widget,
                                GtkOrientation  orientation,
                                int             for_size,
                                int            *minimum,
                                int            *natural,
                                int            *minimum_baseline,
                                int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = 7 * 48;
  else
    *minimum = *natural = HEADER_H + 6 * (NUMBER_H + CHIP_H + 6);
}

static void
cw_calendar_month_view_size_allocate (GtkWidget *widget,
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
cw_calendar_month_view_dispose (GObject *object)
{
  CwCalendarMonthView *self = (CwCalendarMonthView *)object;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  clear_days (self);
  for (guint i = 0; i < 7; i++)
    g_clear_object (&self->weekdays[i]);
  g_clear_pointer (&self->layouts, g_hash_table_unref);
  g_clear_pointer (&self->badges, g_hash_table_unref);
  for (guint i = 0; i < G_N_ELEMENTS (self->numbers); i++)
    g_clear_object (&self->numbers[i]);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->drag_item, cw_calendar_item_unref);

  G_OBJECT_CLASS (cw_calendar_month_view_parent_class)->dispose (object);
}

static void
cw_calendar_month_view_finalize (GObject *object)
{
  CwCalendarMonthView *self = (CwCalendarMonthView *)object;

  for (guint i = 0; i < N_DAYS; i++)
    g_clear_pointer (&self->days[i].chips, g_array_unref);
  g_clear_pointer (&self->zone, g_time_zone_unref);

  G_OBJECT_CLASS (cw_calendar_month_view_parent_class)->finalize (object);
}

static void
cw_calendar_month_view_class_init (CwCalendarMonthViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cw_calendar_month_view_dispose;
  object_class->finalize = cw_calendar_month_view_finalize;

  widget_class->measure = cw_calendar_month_view_measure;
  widget_class->size_allocate = cw_calendar_month_view_size_allocate;
  widget_class->snapshot = cw_calendar_month_view_snapshot;

  _cw_calendar_view_add_bindings (widget_class);

  gtk_widget_class_set_css_name (widget_class, "calendar-month-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);
}

static void
cw_calendar_month_view_init (CwCalendarMonthView *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *drag = gtk_gesture_drag_new ();

  self->zone = g_time_zone_new_utc ();
  self->date = cw_calendar_julian_today (self->zone, g_get_real_time () / G_USEC_PER_SEC);
  self->now = g_get_real_time () / G_USEC_PER_SEC;
  self->drag_to = -1;
  for (guint i = 0; i < N_DAYS; i++)
    self->days[i].chips = g_array_new (FALSE, TRUE, sizeof (Chip));
  self->layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->badges = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  g_signal_connect_swapped (click, "pressed", G_CALLBACK (on_click_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  g_signal_connect_swapped (drag, "drag-begin", G_CALLBACK (on_drag_begin_cb), self);
  g_signal_connect_swapped (drag, "drag-update", G_CALLBACK (on_drag_update_cb), self);
  g_signal_connect_swapped (drag, "drag-end", G_CALLBACK (on_drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  relayout (self);
}

/* Public API */

GtkWidget *
cw_calendar_month_view_new (void)
{
  return g_object_new (CW_TYPE_CALENDAR_MONTH_VIEW, NULL);
}

GPtrArray *
cw_calendar_month_view_get_items_for_day (CwCalendarMonthView *self,
                                          guint32              julian)
{
  GPtrArray *items;
  Day *day;

  g_return_val_if_fail (CW_IS_CALENDAR_MONTH_VIEW (self), NULL);

  if (julian < self->first || julian >= self->first + N_DAYS)
    return NULL;

  day = &self->days[julian - self->first];
  items = g_ptr_array_new ();
  for (guint i = 0; i < day->chips->len; i++)
    g_ptr_array_add (items, g_array_index (day->chips, Chip, i).item);

  return items;
}

guint
cw_calendar_month_view_get_n_visible (CwCalendarMonthView *self)
{
  graphene_rect_t cell;

  g_return_val_if_fail (CW_IS_CALENDAR_MONTH_VIEW (self), 0);

  cell_rect (self, 0, &cell);
  return n_visible_for (cell.size.height);
}

/**
 * cw_calendar_month_view_move_item:
 *
 * Moves planned work to another day at the same local time, as dropping it
 * there does: emits "item-moved".
 */
void
cw_calendar_month_view_move_item (CwCalendarMonthView *self,
                                  CwCalendarItem      *item,
                                  guint32              julian)
{
  int from;

  g_return_if_fail (CW_IS_CALENDAR_MONTH_VIEW (self));
  g_return_if_fail (item != NULL);

  if (item->kind != CW_CALENDAR_ITEM_WORK)
    return;

  from = day_index_of (self, item->start);
  g_signal_emit_by_name (self, "item-moved", item,
                         moved_start (self, item, from, (int) julian - (int) self->first));
}
