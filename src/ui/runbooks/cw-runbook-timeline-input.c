/* cw-runbook-timeline-input.c: the timeline's pointer, scrolling, keys and
 * tooltips.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-runbook-timeline"

#include "config.h"

#include <glib/gi18n.h>

#include "cw-runbook-timeline-private.h"

/* A click on a bar focuses and activates it; the pointer highlights the bar
 * under it. The wheel scrolls (Shift: across), Ctrl+wheel zooms about the
 * pointer. Keys: Left and Right move the focus ring through the bars in
 * start order, Up and Down to the nearest bar of the lane above or below,
 * Home and End to the first and last; Enter or Space activates. */

static void
on_pressed_cb (GtkGestureClick   *gesture,
               int                n_press,
               double             x,
               double             y,
               CwRunbookTimeline *self)
{
  int index = _cw_runbook_timeline_hit_test (self, x, y);

  if (index >= 0)
    self->focus = index;
  gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
  if (index < 0 || n_press != 1)
    return;

  _cw_runbook_timeline_set_focus (self, index);
  _cw_runbook_timeline_activate_bar (self, index);
}

static void
on_motion_cb (GtkEventControllerMotion *controller,
              double                    x,
              double                    y,
              CwRunbookTimeline        *self)
{
  int hover = _cw_runbook_timeline_hit_test (self, x, y);

  self->pointer_x = x;
  if (hover != self->hover)
    {
      self->hover = hover;
      gtk_widget_queue_draw (GTK_WIDGET (self->canvas));
    }
}

static void
on_leave_cb (CwRunbookTimeline *self)
{
  if (self->hover != -1)
    {
      self->hover = -1;
      gtk_widget_queue_draw (GTK_WIDGET (self->canvas));
    }
}

static gboolean
on_scroll_cb (GtkEventControllerScroll *controller,
              double                    dx,
              double                    dy,
              CwRunbookTimeline        *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  gboolean wheel = gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL;

  if (state & GDK_CONTROL_MASK)
    {
      double steps = -dy / (wheel ? 1 : 40);
      double factor = steps >= 0 ? 1 + steps * (ZOOM_STEP - 1) : 1 / (1 - steps * (ZOOM_STEP - 1));

      _cw_runbook_timeline_set_zoom (self, self->zoom * factor, self->pointer_x >= LABEL_W ? self->pointer_x : _cw_runbook_timeline_zoom_anchor (self));
      return GDK_EVENT_STOP;
    }

  if (wheel)
    dx *= WHEEL_STEP, dy *= WHEEL_STEP;
  if ((state & GDK_SHIFT_MASK) && dx == 0)
    dx = dy, dy = 0;

  gtk_adjustment_set_value (self->hadj, gtk_adjustment_get_value (self->hadj) + dx);
  gtk_adjustment_set_value (self->vadj, gtk_adjustment_get_value (self->vadj) + dy);

  return GDK_EVENT_STOP;
}

/* The bar on the lane above or below whose start is nearest. */
static int
bar_in_next_lane (CwRunbookTimeline *self,
                  int                direction)
{
  const CwTimelineBar *from = bar_at (self, self->focus);
  guint start = bar_slot (self, from)->start_min;

  for (int l = (int) from->lane + direction; l >= 0 && l < (int) self->lanes->len; l += direction)
    {
      const CwTimelineLane *lane = &g_array_index (self->lanes, CwTimelineLane, l);
      int best = -1;
      guint best_gap = G_MAXUINT;

      for (guint i = 0; i < lane->bars->len; i++)
        {
          guint index = g_array_index (lane->bars, guint, i);
          guint other = bar_slot (self, bar_at (self, index))->start_min;
          guint gap = other > start ? other - start : start - other;

          if (gap < best_gap)
            best = index, best_gap = gap;
        }
      if (best >= 0)
        return best;
    }

  return self->focus;
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   CwRunbookTimeline     *self)
{
  int last;

  if (self->bars == NULL || self->bars->len == 0 || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)))
    return GDK_EVENT_PROPAGATE;

  last = (int) self->bars->len - 1;
  switch (keyval)
    {
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      _cw_runbook_timeline_set_focus (self, self->focus < 0 ? 0 : MIN (self->focus + 1, last));
      return GDK_EVENT_STOP;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      _cw_runbook_timeline_set_focus (self, self->focus < 0 ? 0 : MAX (self->focus - 1, 0));
      return GDK_EVENT_STOP;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      _cw_runbook_timeline_set_focus (self, 0);
      return GDK_EVENT_STOP;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      _cw_runbook_timeline_set_focus (self, last);
      return GDK_EVENT_STOP;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      if (self->focus < 0)
        _cw_runbook_timeline_set_focus (self, 0);
      else
        _cw_runbook_timeline_set_focus (self, bar_in_next_lane (self, keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up ? -1 : 1));
      return GDK_EVENT_STOP;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
    case GDK_KEY_KP_Space:
      _cw_runbook_timeline_activate_bar (self, self->focus);
      return GDK_EVENT_STOP;
    default:
      return GDK_EVENT_PROPAGATE;
    }
}

static void
on_canvas_focus_cb (CwRunbookTimeline *self)
{
  /* Coming in by keyboard: the ring goes on the first bar in view. */
  if (gtk_widget_has_focus (GTK_WIDGET (self->canvas)) && self->focus < 0 && self->bars != NULL)
    for (guint i = 0; i < self->bars->len; i++)
      {
        graphene_rect_t rect;

        _cw_runbook_timeline_bar_rect (self, bar_at (self, i), &rect);
        if (rect.origin.x + rect.size.width > LABEL_W && rect.origin.y + rect.size.height > AXIS_H &&
            rect.origin.x < gtk_widget_get_width (GTK_WIDGET (self->canvas)) &&
            rect.origin.y < gtk_widget_get_height (GTK_WIDGET (self->canvas)))
          {
            _cw_runbook_timeline_set_focus (self, i);
            break;
          }
      }

  gtk_widget_queue_draw (GTK_WIDGET (self->canvas));
}

static gboolean
on_query_tooltip_cb (CwRunbookTimeline *self,
                     int                x,
                     int                y,
                     gboolean           keyboard,
                     GtkTooltip        *tooltip)
{
  int index = keyboard ? self->focus : _cw_runbook_timeline_hit_test (self, x, y);
  g_autofree char *markup = NULL;
  graphene_rect_t rect;

  if (index < 0 || self->bars == NULL)
    return FALSE;

  markup = _cw_runbook_timeline_describe_bar (self, bar_at (self, index), TRUE);
  _cw_runbook_timeline_bar_rect (self, bar_at (self, index), &rect);
  gtk_tooltip_set_markup (tooltip, markup);
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { rect.origin.x, rect.origin.y, rect.size.width, rect.size.height });

  return TRUE;
}

void
_cw_runbook_timeline_input_init (CwRunbookTimeline *self)
{
  GtkEventController *controller;
  GtkGesture *click;

  g_signal_connect_swapped (self->canvas, "notify::has-focus", G_CALLBACK (on_canvas_focus_cb), self);
  g_signal_connect_swapped (self->canvas, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), self);

  click = gtk_gesture_click_new ();
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->canvas), GTK_EVENT_CONTROLLER (click));

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (on_motion_cb), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (on_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->canvas), controller);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect (controller, "scroll", G_CALLBACK (on_scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->canvas), controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->canvas), controller);
}
