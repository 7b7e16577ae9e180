/* cw-calendar-view.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-calendar-view"

#include "config.h"

#include "cw-calendar-view-private.h"

/* The one interface the page talks to, after GNOME Calendar's GcalView: the
 * page owns the date, the zone and the items of the range; a view lays them
 * out and says what the user did with signals. */

G_DEFINE_INTERFACE (CwCalendarView, cw_calendar_view, GTK_TYPE_WIDGET)

static void
cw_calendar_view_default_init (CwCalendarViewInterface *iface)
{
  g_signal_new ("item-activated", G_TYPE_FROM_INTERFACE (iface), G_SIGNAL_RUN_LAST,
                0, NULL, NULL, NULL, G_TYPE_NONE, 5,
                CW_TYPE_CALENDAR_ITEM, G_TYPE_DOUBLE, G_TYPE_DOUBLE, G_TYPE_DOUBLE, G_TYPE_DOUBLE);
  g_signal_new ("item-dragged", G_TYPE_FROM_INTERFACE (iface), G_SIGNAL_RUN_LAST,
                0, NULL, NULL, NULL, G_TYPE_NONE, 2, CW_TYPE_CALENDAR_ITEM, G_TYPE_INT64);
  g_signal_new ("item-moved", G_TYPE_FROM_INTERFACE (iface), G_SIGNAL_RUN_LAST,
                0, NULL, NULL, NULL, G_TYPE_NONE, 2, CW_TYPE_CALENDAR_ITEM, G_TYPE_INT64);
  g_signal_new ("date-selected", G_TYPE_FROM_INTERFACE (iface), G_SIGNAL_RUN_LAST,
                0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  g_signal_new ("date-activated", G_TYPE_FROM_INTERFACE (iface), G_SIGNAL_RUN_LAST,
                0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
}

/* Wrappers */

void
cw_calendar_view_set_date (CwCalendarView *self,
                           guint32         julian)
{
  g_return_if_fail (CW_IS_CALENDAR_VIEW (self));
  g_return_if_fail (g_date_valid_julian (julian));

  CW_CALENDAR_VIEW_GET_IFACE (self)->set_date (self, julian);
}

guint32
cw_calendar_view_get_date (CwCalendarView *self)
{
  g_return_val_if_fail (CW_IS_CALENDAR_VIEW (self), 0);

  return CW_CALENDAR_VIEW_GET_IFACE (self)->get_date (self);
}

void
cw_calendar_view_get_days (CwCalendarView *self,
                           guint32        *first,
                           guint          *n_days)
{
  g_return_if_fail (CW_IS_CALENDAR_VIEW (self));

  CW_CALENDAR_VIEW_GET_IFACE (self)->get_days (self, first, n_days);
}

char *
cw_calendar_view_dup_title (CwCalendarView *self)
{
  g_return_val_if_fail (CW_IS_CALENDAR_VIEW (self), NULL);

  return CW_CALENDAR_VIEW_GET_IFACE (self)->dup_title (self);
}

guint32
cw_calendar_view_step (CwCalendarView *self,
                       guint32         julian,
                       int             direction)
{
  g_return_val_if_fail (CW_IS_CALENDAR_VIEW (self), julian);

  return CW_CALENDAR_VIEW_GET_IFACE (self)->step (self, julian, direction);
}

void
cw_calendar_view_set_items (CwCalendarView *self,
                            GPtrArray      *items)
{
  g_return_if_fail (CW_IS_CALENDAR_VIEW (self));

  CW_CALENDAR_VIEW_GET_IFACE (self)->set_items (self, items);
}

void
cw_calendar_view_set_time_zone (CwCalendarView *self,
                                GTimeZone      *zone)
{
  g_return_if_fail (CW_IS_CALENDAR_VIEW (self));
  g_return_if_fail (zone != NULL);

  CW_CALENDAR_VIEW_GET_IFACE (self)->set_time_zone (self, zone);
}

void
cw_calendar_view_set_now (CwCalendarView *self,
                          gint64          now)
{
  g_return_if_fail (CW_IS_CALENDAR_VIEW (self));

  CW_CALENDAR_VIEW_GET_IFACE (self)->set_now (self, now);
}

void
cw_calendar_view_set_drag_conflicts (CwCalendarView *self,
                                     guint           n_errors,
                                     guint           n_warnings)
{
  g_return_if_fail (CW_IS_CALENDAR_VIEW (self));

  CW_CALENDAR_VIEW_GET_IFACE (self)->set_drag_conflicts (self, n_errors, n_warnings);
}

/* Time helpers */

gint64
cw_calendar_day_start (GTimeZone *zone,
                       guint32    julian)
{
  GDate date;
  g_autoptr(GDateTime) dt = NULL;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  dt = g_date_time_new (zone, g_date_get_year (&date), g_date_get_month (&date),
                        g_date_get_day (&date), 0, 0, 0);
  /* A zone whose midnight is skipped (clocks change at 00:00) starts the
   * day at its first instant: one hour later. */
  if (dt == NULL)
    dt = g_date_time_new (zone, g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date), 1, 0, 0);

  return dt != NULL ? g_date_time_to_unix (dt) : 0;
}

guint32
cw_calendar_day_of (GTimeZone *zone,
                    gint64     instant)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (instant);
  g_autoptr(GDateTime) local = NULL;
  GDate date;

  if (utc == NULL)
    return 1;
  local = g_date_time_to_timezone (utc, zone);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (local),
                  g_date_time_get_month (local), g_date_time_get_year (local));

  return g_date_get_julian (&date);
}

guint32
cw_calendar_julian_today (GTimeZone *zone,
                          gint64     now)
{
  return cw_calendar_day_of (zone, now);
}

int
cw_calendar_minute_of_day (GTimeZone *zone,
                           gint64     instant)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (instant);
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return 0;
  local = g_date_time_to_timezone (utc, zone);

  return g_date_time_get_hour (local) * 60 + g_date_time_get_minute (local);
}

char *
cw_calendar_format_day (guint32     julian,
                        const char *format)
{
  g_autoptr(GDateTime) dt = NULL;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  dt = g_date_time_new_utc (g_date_get_year (&date), g_date_get_month (&date),
                            g_date_get_day (&date), 12, 0, 0);

  return g_date_time_format (dt, format);
}

/* What the views share: selection, controllers, popovers */

void
_cw_calendar_view_select_day (CwCalendarView *self,
                              guint32         julian)
{
  if (cw_calendar_view_get_date (self) == julian)
    return;

  cw_calendar_view_set_date (self, julian);
  g_signal_emit_by_name (self, "date-selected", (guint) julian);
}

void
_cw_calendar_view_emit_activated (CwCalendarView        *self,
                                  CwCalendarItem        *item,
                                  const graphene_rect_t *rect)
{
  g_signal_emit_by_name (self, "item-activated", item,
                         (double) rect->origin.x, (double) rect->origin.y,
                         (double) rect->size.width, (double) rect->size.height);
}

void
_cw_calendar_view_add_controllers (GtkWidget *widget,
                                   GCallback  pressed,
                                   GCallback  drag_begin,
                                   GCallback  drag_update,
                                   GCallback  drag_end)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *drag = gtk_gesture_drag_new ();

  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);

  g_signal_connect_swapped (click, "pressed", pressed, widget);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (click));

  g_signal_connect_swapped (drag, "drag-begin", drag_begin, widget);
  g_signal_connect_swapped (drag, "drag-update", drag_update, widget);
  g_signal_connect_swapped (drag, "drag-end", drag_end, widget);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (drag));
}

gboolean
_cw_calendar_view_drag_moved (GtkGestureDrag *gesture,
                              gboolean        started,
                              double          dx,
                              double          dy,
                              double         *x,
                              double         *y)
{
  double start_x, start_y;

  /* A press that moves less than 8 pixels stays a click. */
  if (!started && dx * dx + dy * dy < 64)
    return FALSE;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_gesture_drag_get_start_point (gesture, &start_x, &start_y);
  *x = start_x + dx;
  *y = start_y + dy;

  return TRUE;
}

void
_cw_calendar_view_replace_items (GPtrArray **slot,
                                 GPtrArray  *items)
{
  if (items != NULL)
    g_ptr_array_ref (items);
  g_clear_pointer (slot, g_ptr_array_unref);
  *slot = items;
}

void
_cw_calendar_view_replace_zone (GTimeZone **slot,
                                GTimeZone  *zone)
{
  g_time_zone_ref (zone);
  g_clear_pointer (slot, g_time_zone_unref);
  *slot = zone;
}

void
_cw_calendar_view_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      gtk_popover_present (GTK_POPOVER (child));
}

void
_cw_calendar_view_unparent_children (GtkWidget *widget)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (widget)) != NULL)
    gtk_widget_unparent (child);
}

/* Key bindings shared by the views */

static gboolean
move_selection_binding (GtkWidget *widget,
                        GVariant  *args,
                        gpointer   user_data)
{
  CwCalendarView *self = CW_CALENDAR_VIEW (widget);
  int days = g_variant_get_int32 (args);
  guint32 julian = cw_calendar_view_get_date (self);

  if ((gint64) julian + days < 1)
    return TRUE;

  _cw_calendar_view_select_day (self, julian + days);
  return TRUE;
}

static gboolean
activate_binding (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  CwCalendarView *self = CW_CALENDAR_VIEW (widget);

  g_signal_emit_by_name (self, "date-activated", (guint) cw_calendar_view_get_date (self));
  return TRUE;
}

/* Arrows move the selected day (a week up and down); Enter opens it. */
void
_cw_calendar_view_add_bindings (GtkWidgetClass *widget_class)
{
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Left, 0, move_selection_binding, "i", -1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Right, 0, move_selection_binding, "i", 1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Up, 0, move_selection_binding, "i", -7);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Down, 0, move_selection_binding, "i", 7);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Return, 0, activate_binding, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Enter, 0, activate_binding, NULL);
}
