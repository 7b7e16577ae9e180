/* cw-runbook-timeline-draw.c: the timeline's canvas drawn with cairo.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-runbook-timeline"

#include "config.h"

#include <glib/gi18n.h>

#include "cw-runbook-timeline-private.h"

/* Only what is in view is drawn: the lanes and bars the scroll shows, then
 * the time axis over the top and the lane names over the left, which stay
 * in place. Colours come from the style (text, background, accent), so the
 * timeline follows light and dark; the critical path is also a heavier
 * outline and a line under its bars, and rollback is hatched. */

typedef struct
{
  GdkRGBA fg;
  GdkRGBA bg;
  GdkRGBA accent;
  GdkRGBA accent_fg;
} Colors;

/* Lines on pixel boundaries (libm is not linked in). */
static inline double
snap (double x)
{
  return (double) (gint64) (x >= 0 ? x + 0.5 : x - 0.5);
}

static void
set_source (cairo_t       *cr,
            const GdkRGBA *color,
            double         alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

static void
rounded_rect (cairo_t *cr,
              double   x,
              double   y,
              double   width,
              double   height,
              double   radius)
{
  radius = MIN (radius, MIN (width, height) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
get_colors (CwRunbookTimeline *self,
            Colors            *colors)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self->canvas));
  gboolean dark;

  gtk_style_context_get_color (context, &colors->fg);
  dark = colors->fg.red + colors->fg.green + colors->fg.blue > 1.5;
  if (!gtk_style_context_lookup_color (context, "view_bg_color", &colors->bg))
    gdk_rgba_parse (&colors->bg, dark ? "#1e1e1e" : "#ffffff");
  if (!gtk_style_context_lookup_color (context, "accent_bg_color", &colors->accent))
    gdk_rgba_parse (&colors->accent, "#3584e4");
  if (!gtk_style_context_lookup_color (context, "accent_fg_color", &colors->accent_fg))
    gdk_rgba_parse (&colors->accent_fg, "#ffffff");
}

/* Ticks at least 72 pixels apart, at round times. */
static guint
tick_interval (double zoom)
{
  static const guint steps[] = { 1, 2, 5, 10, 15, 30, 60, 120, 180, 240, 360, 720, 1440, 2880, 10080 };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (steps[i] * zoom >= 72)
      return steps[i];

  return steps[G_N_ELEMENTS (steps) - 1];
}

static void
draw_text (cairo_t     *cr,
           PangoLayout *layout,
           const char  *text,
           double       x,
           double       y,
           double       width,
           double       height)
{
  int text_h;

  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, width > 0 ? (int) (width * PANGO_SCALE) : -1);
  pango_layout_get_pixel_size (layout, NULL, &text_h);
  cairo_move_to (cr, x, y + (height - text_h) / 2);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_bar (CwRunbookTimeline *self,
          cairo_t           *cr,
          PangoLayout       *layout,
          const Colors      *colors,
          int                index,
          double             width)
{
  const CwTimelineBar *bar = bar_at (self, index);
  const CwRunbookStep *step = bar_step (self, bar);
  const CwStepSlot *slot = bar_slot (self, bar);
  gboolean mark = slot->end_min == slot->start_min;
  double dim = bar->rollback ? 0.6 : 1.0;
  g_autofree char *label = NULL;
  graphene_rect_t r;
  double x, y, w, h;

  _cw_runbook_timeline_bar_rect (self, bar, &r);
  x = r.origin.x, y = r.origin.y, w = r.size.width, h = r.size.height;
  if (x > width || x + w < LABEL_W - 200)
    return;

  label = g_strdup_printf ("%s · %s", step->id != NULL ? step->id : "", step->title != NULL ? step->title : "");

  if (mark)
    {
      cairo_move_to (cr, x + w / 2, y);
      cairo_line_to (cr, x + w, y + h / 2);
      cairo_line_to (cr, x + w / 2, y + h);
      cairo_line_to (cr, x, y + h / 2);
      cairo_close_path (cr);
    }
  else
    rounded_rect (cr, x, y, w, h, 4);

  if (slot->critical)
    set_source (cr, &colors->accent, dim);
  else
    set_source (cr, &colors->fg, index == self->hover ? 0.22 : 0.12);
  cairo_fill_preserve (cr);

  if (bar->rollback)
    {
      /* Hatched: it only runs on a rollback decision. */
      cairo_save (cr);
      cairo_clip_preserve (cr);
      cairo_new_path (cr);
      set_source (cr, &colors->fg, 0.22);
      cairo_set_line_width (cr, 1);
      for (double hx = x - h; hx < x + w; hx += 6)
        {
          cairo_move_to (cr, hx, y + h);
          cairo_line_to (cr, hx + h, y);
        }
      cairo_stroke (cr);
      cairo_restore (cr);
      cairo_set_dash (cr, (double[]) { 3, 2 }, 2, 0);
    }

  set_source (cr, &colors->fg, slot->critical ? 0.85 : 0.4);
  cairo_set_line_width (cr, slot->critical ? 2 : 1);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  if (slot->critical)
    {
      /* The path reads as a line under its bars, not by colour alone. */
      set_source (cr, &colors->fg, 0.85 * dim);
      cairo_rectangle (cr, x, y + h + 2, w, 3);
      cairo_fill (cr);
    }

  if (index == self->focus && gtk_widget_has_focus (GTK_WIDGET (self->canvas)))
    {
      /* In the text colour on a halo of the background, so that it shows
       * around a bar of any colour, below the critical line. */
      rounded_rect (cr, x - 4, y - 4, w + 8, h + 12, 6);
      set_source (cr, &colors->bg, 1);
      cairo_set_line_width (cr, 4);
      cairo_stroke_preserve (cr);
      set_source (cr, &colors->fg, 1);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
    }

  if (mark)
    {
      double room = bar->next_start == G_MAXUINT ? 240 : time_x (self, bar->next_start) - x - w - 8;

      if (room >= 32)
        {
          set_source (cr, &colors->fg, 0.8 * dim);
          draw_text (cr, layout, label, x + w + 4, y, MIN (room, 240), h);
        }
    }
  else if (w >= 24)
    {
      cairo_save (cr);
      cairo_rectangle (cr, x, y, w, h);
      cairo_clip (cr);
      if (slot->critical)
        set_source (cr, &colors->accent_fg, 1);
      else
        set_source (cr, &colors->fg, bar->rollback ? 0.75 : 1);
      draw_text (cr, layout, label, x + 6, y, w - 10, h);
      cairo_restore (cr);
    }
}

static void
draw_plot (CwRunbookTimeline *self,
           cairo_t           *cr,
           PangoLayout       *layout,
           const Colors      *colors,
           int                width,
           int                height)
{
  const CwRunbookTiming *t = self->timing;
  double scroll_y = gtk_adjustment_get_value (self->vadj);
  double bottom = MIN (height, AXIS_H + self->content_height - scroll_y);
  guint rollback_min = t->critical_min + t->validation_min;
  guint step = tick_interval (self->zoom);
  double first = MAX (0, (LABEL_W - time_x (self, 0)) / self->zoom);

  cairo_save (cr);
  cairo_rectangle (cr, LABEL_W, AXIS_H, width - LABEL_W, height - AXIS_H);
  cairo_clip (cr);

  /* Lanes striped, the rollback section and the buffer shaded. */
  for (guint l = 1; l < self->lanes->len; l += 2)
    {
      const CwTimelineLane *lane = &g_array_index (self->lanes, CwTimelineLane, l);

      set_source (cr, &colors->fg, 0.03);
      cairo_rectangle (cr, LABEL_W, AXIS_H + lane->y - scroll_y, width - LABEL_W, lane->height);
      cairo_fill (cr);
    }
  set_source (cr, &colors->fg, 0.04);
  cairo_rectangle (cr, time_x (self, rollback_min), AXIS_H,
                   (t->window_min - rollback_min) * self->zoom, bottom - AXIS_H);
  cairo_fill (cr);

  set_source (cr, &colors->fg, 0.08);
  cairo_set_line_width (cr, 1);
  for (guint m = (guint) first / step * step; time_x (self, m) < width; m += step)
    {
      cairo_move_to (cr, snap (time_x (self, m)) + 0.5, AXIS_H);
      cairo_line_to (cr, snap (time_x (self, m)) + 0.5, bottom);
    }
  cairo_stroke (cr);

  /* The sections' boundaries, and the window's end. */
  set_source (cr, &colors->fg, 0.5);
  cairo_set_dash (cr, (double[]) { 4, 3 }, 2, 0);
  if (self->has_validation)
    {
      cairo_move_to (cr, snap (time_x (self, t->critical_min)) + 0.5, AXIS_H);
      cairo_line_to (cr, snap (time_x (self, t->critical_min)) + 0.5, bottom);
    }
  if (self->has_rollback)
    {
      cairo_move_to (cr, snap (time_x (self, rollback_min)) + 0.5, AXIS_H);
      cairo_line_to (cr, snap (time_x (self, rollback_min)) + 0.5, bottom);
    }
  cairo_move_to (cr, snap (time_x (self, t->window_min)) + 0.5, AXIS_H);
  cairo_line_to (cr, snap (time_x (self, t->window_min)) + 0.5, bottom);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  /* Only the bars in view. */
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  for (guint l = 0; l < self->lanes->len; l++)
    {
      const CwTimelineLane *lane = &g_array_index (self->lanes, CwTimelineLane, l);
      double y = AXIS_H + lane->y - scroll_y;

      if (y > height || y + lane->height < AXIS_H)
        continue;
      for (guint i = 0; i < lane->bars->len; i++)
        draw_bar (self, cr, layout, colors, g_array_index (lane->bars, guint, i), width);
    }

  cairo_restore (cr);
}

static void
draw_axis (CwRunbookTimeline *self,
           cairo_t           *cr,
           PangoLayout       *layout,
           const Colors      *colors,
           int                width)
{
  const CwRunbookTiming *t = self->timing;
  struct { guint minute; const char *label; gboolean shown; } sections[] = {
    { t->critical_min, _("Validation"), self->has_validation },
    { t->critical_min + t->validation_min, _("Rollback (if needed)"), self->has_rollback },
    { t->window_min - t->buffer_min, _("Buffer"), t->buffer_min > 0 },
    { t->window_min, NULL, TRUE },
  };
  guint step = tick_interval (self->zoom);
  double first = MAX (0, (LABEL_W - time_x (self, 0)) / self->zoom);

  cairo_save (cr);
  cairo_rectangle (cr, LABEL_W, 0, width - LABEL_W, AXIS_H);
  cairo_clip (cr);
  set_source (cr, &colors->bg, 1);
  cairo_paint (cr);

  /* Section names, each cut short at the next boundary. */
  set_source (cr, &colors->fg, 1);
  for (guint i = 0; i + 1 < G_N_ELEMENTS (sections); i++)
    {
      double x = time_x (self, sections[i].minute) + 4;
      double room = time_x (self, sections[i + 1].minute) - x - 4;

      if (!sections[i].shown)
        continue;
      for (guint j = i + 1; j + 1 < G_N_ELEMENTS (sections); j++)
        if (sections[j].shown && sections[j].minute > sections[i].minute)
          {
            room = time_x (self, sections[j].minute) - x - 4;
            break;
          }
      if (i + 2 == G_N_ELEMENTS (sections) || room < 0)
        room = MAX (room, 0) + END_PAD - 8;
      if (room >= 24)
        draw_text (cr, layout, sections[i].label, x, 4, room, 18);
    }

  set_source (cr, &colors->fg, 0.7);
  cairo_set_line_width (cr, 1);
  for (guint m = (guint) first / step * step; time_x (self, m) < width; m += step)
    {
      g_autofree char *clock = format_clock (m);
      double x = snap (time_x (self, m)) + 0.5;

      cairo_move_to (cr, x, AXIS_H - 8);
      cairo_line_to (cr, x, AXIS_H);
      cairo_stroke (cr);
      draw_text (cr, layout, clock, x + 3, 24, -1, 16);
    }

  set_source (cr, &colors->fg, 0.15);
  cairo_rectangle (cr, LABEL_W, AXIS_H - 1, width - LABEL_W, 1);
  cairo_fill (cr);
  cairo_restore (cr);
}

static void
draw_lane_names (CwRunbookTimeline *self,
                 cairo_t           *cr,
                 PangoLayout       *layout,
                 const Colors      *colors,
                 int                height)
{
  double scroll_y = gtk_adjustment_get_value (self->vadj);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, LABEL_W, height);
  cairo_clip (cr);
  set_source (cr, &colors->bg, 1);
  cairo_paint (cr);

  set_source (cr, &colors->fg, 0.6);
  draw_text (cr, layout, _("Streams"), 12, 24, LABEL_W - 24, 16);

  cairo_rectangle (cr, 0, AXIS_H, LABEL_W, height - AXIS_H);
  cairo_clip (cr);
  for (guint l = 0; l < self->lanes->len; l++)
    {
      const CwTimelineLane *lane = &g_array_index (self->lanes, CwTimelineLane, l);
      const char *name = self->timing->streams[l];
      double y = AXIS_H + lane->y - scroll_y;

      if (y > height || y + lane->height < AXIS_H)
        continue;
      if (l % 2 == 1)
        {
          set_source (cr, &colors->fg, 0.03);
          cairo_rectangle (cr, 0, y, LABEL_W, lane->height);
          cairo_fill (cr);
        }
      set_source (cr, &colors->fg, *name != '\0' ? 1 : 0.6);
      draw_text (cr, layout, *name != '\0' ? name : _("No stream"), 12, y + LANE_PAD, LABEL_W - 24, ROW_H);
    }
  cairo_restore (cr);

  set_source (cr, &colors->fg, 0.15);
  cairo_rectangle (cr, LABEL_W - 1, 0, 1, height);
  cairo_fill (cr);
}

void
_cw_runbook_timeline_draw (GtkDrawingArea *area,
                           cairo_t        *cr,
                           int             width,
                           int             height,
                           gpointer        user_data)
{
  CwRunbookTimeline *self = user_data;
  g_autoptr(PangoLayout) layout = NULL;
  Colors colors;

  if (self->timing == NULL || self->bars == NULL)
    return;

  get_colors (self, &colors);
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (area), NULL);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);

  draw_plot (self, cr, layout, &colors, width, height);
  draw_axis (self, cr, layout, &colors, width);
  draw_lane_names (self, cr, layout, &colors, height);
}
