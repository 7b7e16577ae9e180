/* cw-calendar-week-view.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-calendar-week-view"

#include "config.h"

#include <glib/gi18n.h>

#include "cw-calendar-week-view-private.h"

/* Days as columns of 24 hours, as GNOME Calendar's week view; with one
 * column it is the day view. Blackouts are hatched across the hours they
 * hold (and listed in the all-day row when they last a day or more),
 * windows are soft bands, planned work solid blocks side by side when they
 * overlap. Blocks are laid out in minutes when the items or the days
 * change; a frame only scales them. Planned work drags in 15 minute steps
 * and across days. */

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
  col = _cw_calendar_week_view_column_at (self, x);
  if (col >= 0)
    _cw_calendar_view_select_day (CW_CALENDAR_VIEW (self), self->first + col);

  block = _cw_calendar_week_view_block_at (self, x, y, &rect);
  if (block != NULL)
    _cw_calendar_view_emit_activated (CW_CALENDAR_VIEW (self), block->item, &rect);
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
  Block *block = _cw_calendar_week_view_block_at (self, x, y, &rect);

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

  if (self->drag_item == NULL
      || !_cw_calendar_view_drag_moved (gesture, self->dragging, dx, dy, &x, &y))
    return;

  target = _cw_calendar_week_view_drag_target (self, self->drag_item, x, dy);
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
  if (_cw_calendar_week_view_first_day_for (self, julian) != self->first)
    _cw_calendar_week_view_relayout (self);
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

  *first = _cw_calendar_week_view_first_day_for (self, self->date);
  *n_days = self->n_days;
}

static char *
week_dup_title (CwCalendarView *view)
{
  CwCalendarWeekView *self = CW_CALENDAR_WEEK_VIEW (view);
  guint32 first = _cw_calendar_week_view_first_day_for (self, self->date);
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

  _cw_calendar_view_replace_items (&self->items, items);
  _cw_calendar_week_view_relayout (self);
}

static void
week_set_time_zone (CwCalendarView *view,
                    GTimeZone      *zone)
{
  CwCalendarWeekView *self = CW_CALENDAR_WEEK_VIEW (view);

  _cw_calendar_view_replace_zone (&self->zone, zone);
  _cw_calendar_week_view_relayout (self);
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
    *minimum = *natural = (int) _cw_calendar_week_view_top_of_grid (self) + 24 * MIN_HOUR_H;
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
      _cw_calendar_week_view_relayout (self);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cw_calendar_week_view_dispose (GObject *object)
{
  CwCalendarWeekView *self = (CwCalendarWeekView *)object;

  _cw_calendar_view_unparent_children (GTK_WIDGET (self));

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
  widget_class->size_allocate = _cw_calendar_view_size_allocate;
  widget_class->snapshot = _cw_calendar_week_view_snapshot;

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
  self->n_days = 7;
  self->zone = g_time_zone_new_utc ();
  self->now = g_get_real_time () / G_USEC_PER_SEC;
  self->date = cw_calendar_julian_today (self->zone, self->now);
  self->blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  g_array_set_clear_func (self->blocks, block_clear);

  _cw_calendar_view_add_controllers (GTK_WIDGET (self),
                                     G_CALLBACK (on_click_pressed_cb),
                                     G_CALLBACK (on_drag_begin_cb),
                                     G_CALLBACK (on_drag_update_cb),
                                     G_CALLBACK (on_drag_end_cb));
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
          _cw_calendar_week_view_block_rect (self, block, rect);
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

  return _cw_calendar_week_view_top_of_grid (self) + minute * _cw_calendar_week_view_hour_height (self) / 60.0;
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
