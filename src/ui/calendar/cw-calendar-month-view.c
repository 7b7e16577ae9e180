/* cw-calendar-month-view.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-calendar-month-view"

#include "config.h"

#include <glib/gi18n.h>

#include "cw-calendar-month-view-private.h"

/* Six weeks of seven days, Monday first, as GNOME Calendar's month view:
 * each day lists its items as chips (blackouts, then planned work, then
 * windows), as many as fit, then "+3 more". The days' chips are found when
 * the items or the month change; drawing is cw-calendar-month-view-draw.c. */

static void cw_calendar_month_view_iface_init (CwCalendarViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CwCalendarMonthView, cw_calendar_month_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (CW_TYPE_CALENDAR_VIEW,
                                                      cw_calendar_month_view_iface_init))

/* Helpers */

/* The chip under a point, or NULL; @is_more when it is "+3 more". */
static Chip *
chip_at (CwCalendarMonthView *self,
         double               x,
         double               y,
         int                 *day_index,
         gboolean            *is_more,
         graphene_rect_t     *rect)
{
  int index = _cw_calendar_month_view_cell_at (self, x, y);
  graphene_rect_t cell;
  guint n_visible, shown;
  Day *day;

  *is_more = FALSE;
  *day_index = index;
  if (index < 0)
    return NULL;

  _cw_calendar_month_view_ensure_days (self);

  day = &self->days[index];
  _cw_calendar_month_view_cell_rect (self, index, &cell);
  n_visible = _cw_calendar_month_view_n_visible (cell.size.height);
  shown = _cw_calendar_month_view_n_shown (day, n_visible);

  for (guint slot = 0; slot < n_visible; slot++)
    {
      _cw_calendar_month_view_chip_rect (&cell, slot, rect);
      if (!graphene_rect_contains_point (rect, &GRAPHENE_POINT_INIT (x, y)))
        continue;
      if (slot < shown)
        return &day->chips[slot];
      if (slot == shown && day->n_items > shown)
        *is_more = TRUE;
      return NULL;
    }

  return NULL;
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

  _cw_calendar_view_select_day (CW_CALENDAR_VIEW (self), self->first + index);

  if (chip != NULL)
    _cw_calendar_view_emit_activated (CW_CALENDAR_VIEW (self), chip->item, &rect);
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
  self->drag_from = _cw_calendar_month_view_day_index_of (self, chip->item->start);
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

  if (self->drag_item == NULL
      || !_cw_calendar_view_drag_moved (gesture, self->drag_to >= 0, dx, dy, &x, &y))
    return;

  to = _cw_calendar_month_view_cell_at (self, x, y);
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
  guint32 first = _cw_calendar_month_view_grid_first_day (julian);

  self->date = julian;
  if (first != self->first)
    {
      for (guint i = 0; i < 7; i++)
        g_clear_object (&self->weekdays[i]);
      _cw_calendar_month_view_relayout (self);
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

  *first = _cw_calendar_month_view_grid_first_day (self->date);
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

  _cw_calendar_view_replace_items (&self->items, items);
  _cw_calendar_month_view_relayout (self);
}

static void
month_set_time_zone (CwCalendarView *view,
                     GTimeZone      *zone)
{
  CwCalendarMonthView *self = CW_CALENDAR_MONTH_VIEW (view);

  _cw_calendar_view_replace_zone (&self->zone, zone);
  _cw_calendar_month_view_relayout (self);
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
cw_calendar_month_view_system_setting_changed (GtkWidget        *widget,
                                               GtkSystemSetting  setting)
{
  CwCalendarMonthView *self = CW_CALENDAR_MONTH_VIEW (widget);

  GTK_WIDGET_CLASS (cw_calendar_month_view_parent_class)->system_setting_changed (widget, setting);

  /* Fonts and their rendering: every label is shaped again. */
  _cw_calendar_month_view_drop_chips (self, TRUE);
  gtk_widget_queue_draw (widget);
}

/* GObject */

static void
cw_calendar_month_view_dispose (GObject *object)
{
  CwCalendarMonthView *self = (CwCalendarMonthView *)object;

  _cw_calendar_view_unparent_children (GTK_WIDGET (self));

  if (self->chip_nodes != NULL)
    _cw_calendar_month_view_drop_chips (self, TRUE);
  g_clear_pointer (&self->layouts, g_hash_table_unref);
  g_clear_pointer (&self->badges, g_hash_table_unref);
  g_clear_pointer (&self->more_layouts, g_hash_table_unref);
  g_clear_pointer (&self->chip_nodes, g_hash_table_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->drag_item, cw_calendar_item_unref);

  G_OBJECT_CLASS (cw_calendar_month_view_parent_class)->dispose (object);
}

static void
cw_calendar_month_view_finalize (GObject *object)
{
  CwCalendarMonthView *self = (CwCalendarMonthView *)object;

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
  widget_class->size_allocate = _cw_calendar_view_size_allocate;
  widget_class->snapshot = _cw_calendar_month_view_snapshot;
  widget_class->system_setting_changed = cw_calendar_month_view_system_setting_changed;

  _cw_calendar_view_add_bindings (widget_class);

  gtk_widget_class_set_css_name (widget_class, "calendar-month-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);
}

static void
cw_calendar_month_view_init (CwCalendarMonthView *self)
{
  self->zone = g_time_zone_new_utc ();
  self->date = cw_calendar_julian_today (self->zone, g_get_real_time () / G_USEC_PER_SEC);
  self->now = g_get_real_time () / G_USEC_PER_SEC;
  self->drag_to = -1;
  self->layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->badges = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  self->more_layouts = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  self->chip_nodes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) gsk_render_node_unref);

  _cw_calendar_view_add_controllers (GTK_WIDGET (self),
                                     G_CALLBACK (on_click_pressed_cb),
                                     G_CALLBACK (on_drag_begin_cb),
                                     G_CALLBACK (on_drag_update_cb),
                                     G_CALLBACK (on_drag_end_cb));

  _cw_calendar_month_view_relayout (self);
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
  static const CwCalendarItemKind order[] = {
    CW_CALENDAR_ITEM_BLACKOUT, CW_CALENDAR_ITEM_WORK, CW_CALENDAR_ITEM_WINDOW,
  };
  GPtrArray *items;
  int index;

  g_return_val_if_fail (CW_IS_CALENDAR_MONTH_VIEW (self), NULL);

  if (julian < self->first || julian >= self->first + N_DAYS)
    return NULL;

  /* The day keeps its first chips only: every item, in the chips' order. */
  index = (int) (julian - self->first);
  items = g_ptr_array_new ();
  for (guint k = 0; self->items != NULL && k < G_N_ELEMENTS (order); k++)
    for (guint i = 0; i < self->items->len; i++)
      {
        CwCalendarItem *item = g_ptr_array_index (self->items, i);
        int first, last;

        if (item->kind == order[k] && _cw_calendar_month_view_item_days (self, item, &first, &last) && first <= index && index <= last)
          g_ptr_array_add (items, item);
      }

  return items;
}

guint
cw_calendar_month_view_get_n_visible (CwCalendarMonthView *self)
{
  graphene_rect_t cell;

  g_return_val_if_fail (CW_IS_CALENDAR_MONTH_VIEW (self), 0);

  _cw_calendar_month_view_cell_rect (self, 0, &cell);
  return _cw_calendar_month_view_n_visible (cell.size.height);
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

  from = _cw_calendar_month_view_day_index_of (self, item->start);
  g_signal_emit_by_name (self, "item-moved", item,
                         moved_start (self, item, from, (int) julian - (int) self->first));
}
