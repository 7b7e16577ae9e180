/* cw-calendar-view.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-calendar-view"

#include "config.h"

#include <glib/gi18n.h>

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

/* Shared by the views */

void
_cw_calendar_view_get_colors (GtkWidget        *widget,
                              CwCalendarColors *colors)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  gboolean dark;

  gtk_style_context_get_color (context, &colors->fg);
  dark = colors->fg.red + colors->fg.green + colors->fg.blue > 1.5;
  colors->dark = dark;
  if (!gtk_style_context_lookup_color (context, "view_bg_color", &colors->bg))
    gdk_rgba_parse (&colors->bg, dark ? "#1e1e1e" : "#ffffff");
  if (!gtk_style_context_lookup_color (context, "accent_bg_color", &colors->accent))
    gdk_rgba_parse (&colors->accent, "#3584e4");
  if (!gtk_style_context_lookup_color (context, "accent_fg_color", &colors->accent_fg))
    gdk_rgba_parse (&colors->accent_fg, "#ffffff");
  if (!gtk_style_context_lookup_color (context, "accent_color", &colors->accent_text))
    colors->accent_text = colors->accent;
  if (!gtk_style_context_lookup_color (context, "warning_color", &colors->warning))
    gdk_rgba_parse (&colors->warning, dark ? "#f8e45c" : "#9c6e03");
  if (!gtk_style_context_lookup_color (context, "error_color", &colors->error))
    gdk_rgba_parse (&colors->error, dark ? "#ff7b63" : "#c01c28");
  if (!gtk_style_context_lookup_color (context, "error_bg_color", &colors->error_bg))
    gdk_rgba_parse (&colors->error_bg, "#c01c28");
  if (!gtk_style_context_lookup_color (context, "warning_bg_color", &colors->warning_bg))
    gdk_rgba_parse (&colors->warning_bg, "#cd9309");
  if (!gtk_style_context_lookup_color (context, "success_color", &colors->success))
    gdk_rgba_parse (&colors->success, dark ? "#8ff0a4" : "#1b8553");
}

GdkRGBA
_cw_rgba_alpha (const GdkRGBA *color,
                double         alpha)
{
  GdkRGBA c = *color;

  c.alpha *= alpha;
  return c;
}

/* Diagonal stripes: a repeating gradient, one render node whatever the size. */
void
_cw_calendar_view_hatch (GtkSnapshot           *snapshot,
                         const graphene_rect_t *rect,
                         const GdkRGBA         *color,
                         double                 alpha)
{
  GdkRGBA on = _cw_rgba_alpha (color, alpha);
  GdkRGBA off = _cw_rgba_alpha (color, 0);
  GskColorStop stops[4] = {
    { 0.0, on }, { 0.45, on }, { 0.45, off }, { 1.0, off },
  };
  graphene_point_t start, end;

  graphene_point_init (&start, rect->origin.x, rect->origin.y);
  graphene_point_init (&end, rect->origin.x + 6, rect->origin.y + 6);
  gtk_snapshot_append_repeating_linear_gradient (snapshot, rect, &start, &end, stops, 4);
}

void
_cw_calendar_view_icon (GtkWidget     *widget,
                        GtkSnapshot   *snapshot,
                        const char    *icon_name,
                        double         x,
                        double         y,
                        int            size,
                        const GdkRGBA *color)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (widget));
  g_autoptr(GtkIconPaintable) icon = NULL;

  icon = gtk_icon_theme_lookup_icon (theme, icon_name, NULL, size,
                                     gtk_widget_get_scale_factor (widget),
                                     gtk_widget_get_direction (widget), 0);
  if (icon == NULL)
    return;

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_symbolic_paintable_snapshot_symbolic (GTK_SYMBOLIC_PAINTABLE (icon), snapshot,
                                            size, size, color, 1);
  gtk_snapshot_restore (snapshot);
}

const char *
_cw_calendar_item_icon_name (const CwCalendarItem *item)
{
  switch (item->kind)
    {
    case CW_CALENDAR_ITEM_WINDOW:
      return "document-open-recent-symbolic";
    case CW_CALENDAR_ITEM_BLACKOUT:
      return item->warn_only ? "alarm-symbolic" : "changes-prevent-symbolic";
    case CW_CALENDAR_ITEM_WORK:
    default:
      return "applications-engineering-symbolic";
    }
}

/* What a block shows: "Blackout: Year-end freeze", the window's name, the
 * work's title. */
char *
_cw_calendar_item_dup_label (const CwCalendarItem *item)
{
  switch (item->kind)
    {
    case CW_CALENDAR_ITEM_BLACKOUT:
      /* Translators: a blackout on the calendar; %s is its name */
      return g_strdup_printf (item->warn_only ? _("Caution: %s") : _("Freeze: %s"), item->title);
    case CW_CALENDAR_ITEM_WINDOW:
    case CW_CALENDAR_ITEM_WORK:
    default:
      return g_strdup (item->title);
    }
}

static void
rounded_clip (GtkSnapshot           *snapshot,
              const graphene_rect_t *rect,
              float                  radius)
{
  GskRoundedRect rounded;

  gsk_rounded_rect_init_from_rect (&rounded, rect, MIN (radius, MIN (rect->size.width, rect->size.height) / 2));
  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
}

static void
draw_badge (GtkWidget              *widget,
            GtkSnapshot            *snapshot,
            const graphene_rect_t  *rect,
            guint                   n_errors,
            guint                   n_warnings,
            const CwCalendarColors *colors,
            PangoLayout            *badge_layout)
{
  const GdkRGBA *bg = n_errors > 0 ? &colors->error_bg : &colors->warning_bg;
  GdkRGBA white = { 1, 1, 1, 1 };
  GdkRGBA dark_text = { 0, 0, 0, 0.8 };
  graphene_rect_t pill;
  GskRoundedRect rounded;
  int text_w = 0, text_h = 0;
  float h = MIN (16, rect->size.height - 2);
  float w;

  if (n_errors + n_warnings == 0 || h < 8)
    return;

  if (badge_layout != NULL)
    pango_layout_get_pixel_size (badge_layout, &text_w, &text_h);
  w = badge_layout != NULL ? 4 + 12 + 2 + text_w + 5 : h;
  graphene_rect_init (&pill, rect->origin.x + rect->size.width - w - 2,
                      rect->origin.y + (MIN (rect->size.height, 20) - h) / 2, w, h);
  gsk_rounded_rect_init_from_rect (&rounded, &pill, h / 2);
  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  gtk_snapshot_append_color (snapshot, bg, &pill);
  gtk_snapshot_pop (snapshot);

  _cw_calendar_view_icon (widget, snapshot, n_errors > 0 ? "dialog-error-symbolic" : "dialog-warning-symbolic",
                          pill.origin.x + (badge_layout != NULL ? 3 : (h - 12) / 2), pill.origin.y + (h - 12) / 2, 12,
                          n_errors > 0 ? &white : &dark_text);
  if (badge_layout == NULL)
    return;
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (pill.origin.x + 17, pill.origin.y + (h - text_h) / 2));
  gtk_snapshot_append_layout (snapshot, badge_layout, n_errors > 0 ? &white : &dark_text);
  gtk_snapshot_restore (snapshot);
}

/* One item as a block: by kind a soft band (window), stripes (blackout) or
 * a solid block (work); an icon, the label, and a badge with the number of
 * conflicts. @layout holds the label, @badge_layout the count (or NULL). */
void
_cw_calendar_view_draw_item (GtkWidget              *widget,
                             GtkSnapshot            *snapshot,
                             const CwCalendarItem   *item,
                             const graphene_rect_t  *rect,
                             const CwCalendarColors *colors,
                             PangoLayout            *layout,
                             PangoLayout            *badge_layout,
                             CwCalendarDrawFlags     flags)
{
  const GdkRGBA *text_color = &colors->fg;
  GdkRGBA fill;
  graphene_rect_t bar;
  float radius = 4;
  float text_x = rect->origin.x + 6;
  float line_h = MIN (rect->size.height, 20);
  gboolean tall = (flags & CW_CALENDAR_DRAW_TALL) != 0;
  gboolean narrow = rect->size.width < 110;
  guint n_errors = item->n_errors;
  guint n_warnings = item->n_warnings;

  if (rect->size.width < 2 || rect->size.height < 2)
    return;

  if (flags & CW_CALENDAR_DRAW_DRAGGING)
    {
      n_errors = (flags & CW_CALENDAR_DRAW_DRAG_ERRORS) ? 1 : 0;
      n_warnings = (flags & CW_CALENDAR_DRAW_DRAG_WARNINGS) ? 1 : 0;
    }

  rounded_clip (snapshot, rect, radius);
  switch (item->kind)
    {
    case CW_CALENDAR_ITEM_WINDOW:
      fill = _cw_rgba_alpha (&colors->accent, colors->dark ? 0.28 : 0.16);
      gtk_snapshot_append_color (snapshot, &fill, rect);
      graphene_rect_init (&bar, rect->origin.x, rect->origin.y, 3, rect->size.height);
      gtk_snapshot_append_color (snapshot, &colors->accent, &bar);
      text_x += 2;
      break;

    case CW_CALENDAR_ITEM_BLACKOUT:
      {
        const GdkRGBA *tone = item->warn_only ? &colors->warning_bg : &colors->error_bg;

        fill = _cw_rgba_alpha (tone, item->warn_only ? 0.10 : 0.16);
        gtk_snapshot_append_color (snapshot, &fill, rect);
        _cw_calendar_view_hatch (snapshot, rect, tone, item->warn_only ? 0.22 : 0.38);
        graphene_rect_init (&bar, rect->origin.x, rect->origin.y, 3, rect->size.height);
        gtk_snapshot_append_color (snapshot, tone, &bar);
        text_x += 2;
      }
      break;

    case CW_CALENDAR_ITEM_WORK:
    default:
      gtk_snapshot_append_color (snapshot, &colors->accent, rect);
      text_color = &colors->accent_fg;
      break;
    }
  gtk_snapshot_pop (snapshot);

  if (n_errors > 0 || (flags & CW_CALENDAR_DRAW_DRAGGING))
    {
      GskRoundedRect outline;
      const GdkRGBA *tone = n_errors > 0 ? &colors->error : n_warnings > 0 ? &colors->warning : &colors->fg;
      GdkRGBA border[4] = { *tone, *tone, *tone, *tone };
      float widths[4] = { 2, 2, 2, 2 };

      gsk_rounded_rect_init_from_rect (&outline, rect, radius);
      gtk_snapshot_append_border (snapshot, &outline, widths, border);
    }

  if (rect->size.width < 18)
    return;

  gtk_snapshot_push_clip (snapshot, rect);
  /* A narrow block keeps its room for the title: no kind icon, and a
   * conflict badge without its count. */
  if (narrow && badge_layout != NULL && n_errors + n_warnings > 0)
    {
      badge_layout = NULL;
      flags |= CW_CALENDAR_DRAW_COMPACT_BADGE;
    }
  if (line_h >= 14 && !narrow)
    {
      _cw_calendar_view_icon (widget, snapshot, _cw_calendar_item_icon_name (item),
                              text_x, rect->origin.y + (line_h - 14) / 2, 14, text_color);
      text_x += 18;
    }

  if (layout != NULL)
    {
      int text_h = 0;
      float avail = rect->origin.x + rect->size.width - text_x - 4;

      if (badge_layout != NULL && n_errors + n_warnings > 0)
        {
          int badge_w = 0;

          pango_layout_get_pixel_size (badge_layout, &badge_w, NULL);
          avail -= badge_w + 24;
        }
      else if (flags & CW_CALENDAR_DRAW_COMPACT_BADGE)
        avail -= 18;

      if (avail > 8)
        {
          int width = (int) (avail * PANGO_SCALE);
          int height = tall ? (int) ((rect->size.height - 4) * PANGO_SCALE) : 0;

          /* Setting them again would lay the text out again. */
          if (pango_layout_get_width (layout) != width)
            pango_layout_set_width (layout, width);
          if (pango_layout_get_height (layout) != height)
            pango_layout_set_height (layout, height);
          pango_layout_get_pixel_size (layout, NULL, &text_h);
          gtk_snapshot_save (snapshot);
          gtk_snapshot_translate (snapshot,
                                  &GRAPHENE_POINT_INIT (text_x, rect->origin.y +
                                                        (tall ? 3 : (line_h - MIN (text_h, line_h)) / 2)));
          gtk_snapshot_append_layout (snapshot, layout, text_color);
          gtk_snapshot_restore (snapshot);
        }
    }

  if (badge_layout != NULL || (flags & CW_CALENDAR_DRAW_COMPACT_BADGE))
    draw_badge (widget, snapshot, rect, n_errors, n_warnings, colors, badge_layout);
  gtk_snapshot_pop (snapshot);
}

PangoLayout *
_cw_calendar_view_new_item_layout (GtkWidget            *widget,
                                   const CwCalendarItem *item,
                                   const char           *second_line)
{
  g_autofree char *label = _cw_calendar_item_dup_label (item);
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, NULL);
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_scale_new (0.86));
  if (item->kind == CW_CALENDAR_ITEM_WORK)
    pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_SEMIBOLD));
  pango_layout_set_attributes (layout, attrs);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);

  if (second_line != NULL)
    {
      g_autofree char *text = g_strdup_printf ("%s\n%s", label, second_line);

      pango_layout_set_text (layout, text, -1);
    }
  else
    pango_layout_set_text (layout, label, -1);

  return layout;
}

PangoLayout *
_cw_calendar_view_new_badge_layout (GtkWidget            *widget,
                                    const CwCalendarItem *item)
{
  g_autofree char *text = NULL;
  PangoLayout *layout;
  g_autoptr(PangoAttrList) attrs = NULL;

  if (item->n_errors + item->n_warnings == 0)
    return NULL;

  text = g_strdup_printf ("%u", item->n_errors + item->n_warnings);
  layout = gtk_widget_create_pango_layout (widget, text);
  attrs = pango_attr_list_new ();
  pango_attr_list_insert (attrs, pango_attr_scale_new (0.75));
  pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (layout, attrs);

  return layout;
}

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

  cw_calendar_view_set_date (self, julian + days);
  g_signal_emit_by_name (self, "date-selected", (guint) (julian + days));
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
