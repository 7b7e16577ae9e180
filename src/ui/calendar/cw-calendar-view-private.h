/* cw-calendar-view-private.h: drawing shared by the calendar views.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cw-calendar-view.h"

G_BEGIN_DECLS

typedef struct
{
  GdkRGBA   fg;
  GdkRGBA   bg;
  GdkRGBA   accent;
  GdkRGBA   accent_fg;
  GdkRGBA   accent_text;
  GdkRGBA   warning;
  GdkRGBA   warning_bg;
  GdkRGBA   error;
  GdkRGBA   error_bg;
  GdkRGBA   success;
  gboolean  dark;
} CwCalendarColors;

typedef enum
{
  CW_CALENDAR_DRAW_NONE           = 0,
  CW_CALENDAR_DRAW_TALL           = 1 << 0,  /* a block in the week grid: text may wrap */
  CW_CALENDAR_DRAW_DRAGGING       = 1 << 1,  /* the ghost of a dragged work */
  CW_CALENDAR_DRAW_DRAG_ERRORS    = 1 << 2,
  CW_CALENDAR_DRAW_DRAG_WARNINGS  = 1 << 3,
  CW_CALENDAR_DRAW_COMPACT_BADGE  = 1 << 4,  /* set by the drawing itself */
} CwCalendarDrawFlags;

/* Textures larger than this are not kept: their blocks are drawn with nodes. */
#define CW_CALENDAR_MAX_TEXTURE_SIDE 1024

/* Whole pixels, without libm. */
static inline double
_cw_px_floor (double value)
{
  gint64 whole = (gint64) value;

  return (double) (whole > value ? whole - 1 : whole);
}

static inline double
_cw_px_round (double value)
{
  return _cw_px_floor (value + 0.5);
}

/* Drawing: cw-calendar-draw.c */
void         _cw_calendar_view_get_colors       (GtkWidget              *widget,
                                                 CwCalendarColors       *colors);
gboolean     _cw_calendar_colors_equal          (const CwCalendarColors *a,
                                                 const CwCalendarColors *b);
GdkRGBA      _cw_rgba_alpha                     (const GdkRGBA          *color,
                                                 double                  alpha);
guint32      _cw_rgba_key                       (const GdkRGBA          *color);
/* Textures kept per widget, by a key (taken by _add()). _add() renders
 * @node, drawn at (0, 0) in @width x @height, at @scale, and returns the
 * texture it keeps. */
GdkTexture  *_cw_calendar_texture_lookup        (GtkWidget              *widget,
                                                 const char             *key);
GdkTexture  *_cw_calendar_texture_add           (GtkWidget              *widget,
                                                 char                   *key,
                                                 GskRenderNode          *node,
                                                 int                     width,
                                                 int                     height,
                                                 int                     scale);
/* Diagonal stripes as a repeating gradient node. */
void         _cw_calendar_append_stripes        (GtkSnapshot            *snapshot,
                                                 const graphene_rect_t  *rect,
                                                 const GdkRGBA          *color,
                                                 double                  alpha);
void         _cw_calendar_view_hatch            (GtkWidget              *widget,
                                                 GtkSnapshot            *snapshot,
                                                 const graphene_rect_t  *rect,
                                                 const GdkRGBA          *color,
                                                 double                  alpha);
void         _cw_calendar_view_icon             (GtkWidget              *widget,
                                                 GtkSnapshot            *snapshot,
                                                 const char             *icon_name,
                                                 double                  x,
                                                 double                  y,
                                                 int                     size,
                                                 const GdkRGBA          *color);

/* Blocks: cw-calendar-draw-item.c */
const char  *_cw_calendar_item_icon_name        (const CwCalendarItem   *item);
char        *_cw_calendar_item_dup_label        (const CwCalendarItem   *item);
void         _cw_calendar_view_draw_item        (GtkWidget              *widget,
                                                 GtkSnapshot            *snapshot,
                                                 const CwCalendarItem   *item,
                                                 const graphene_rect_t  *rect,
                                                 const CwCalendarColors *colors,
                                                 PangoLayout            *layout,
                                                 PangoLayout            *badge_layout,
                                                 CwCalendarDrawFlags     flags);
PangoLayout *_cw_calendar_view_new_item_layout  (GtkWidget              *widget,
                                                 const CwCalendarItem   *item,
                                                 const char             *second_line);
PangoLayout *_cw_calendar_view_new_badge_layout (GtkWidget              *widget,
                                                 const CwCalendarItem   *item);
void         _cw_calendar_view_draw_ghost       (GtkWidget              *widget,
                                                 GtkSnapshot            *snapshot,
                                                 const CwCalendarItem   *item,
                                                 const graphene_rect_t  *rect,
                                                 const CwCalendarColors *colors,
                                                 const char             *second_line,
                                                 guint                   n_errors,
                                                 guint                   n_warnings,
                                                 CwCalendarDrawFlags     flags);

/* What the views share: cw-calendar-view.c */
/* Selects @julian, emitting "date-selected", unless it is selected. */
void         _cw_calendar_view_select_day       (CwCalendarView         *self,
                                                 guint32                 julian);
/* "item-activated" for @item drawn at @rect. */
void         _cw_calendar_view_emit_activated   (CwCalendarView         *self,
                                                 CwCalendarItem         *item,
                                                 const graphene_rect_t  *rect);
/* Makes @widget focusable and clipped, with a click gesture calling
 * @pressed and a drag gesture calling the drag callbacks (all swapped). */
void         _cw_calendar_view_add_controllers  (GtkWidget              *widget,
                                                 GCallback               pressed,
                                                 GCallback               drag_begin,
                                                 GCallback               drag_update,
                                                 GCallback               drag_end);
/* In "drag-update": FALSE while a drag not @started has moved too little
 * to be one; else claims the drag and gives where the pointer is. */
gboolean     _cw_calendar_view_drag_moved       (GtkGestureDrag         *gesture,
                                                 gboolean                started,
                                                 double                  dx,
                                                 double                  dy,
                                                 double                 *x,
                                                 double                 *y);
/* Replace a view's items or zone, keeping a reference to the new one. */
void         _cw_calendar_view_replace_items    (GPtrArray             **slot,
                                                 GPtrArray              *items);
void         _cw_calendar_view_replace_zone     (GTimeZone             **slot,
                                                 GTimeZone              *zone);
/* GtkWidget.size_allocate of the views: presents their popovers. */
void         _cw_calendar_view_size_allocate    (GtkWidget              *widget,
                                                 int                     width,
                                                 int                     height,
                                                 int                     baseline);
void         _cw_calendar_view_unparent_children (GtkWidget             *widget);

/* Key bindings: cw-calendar-view.c */
void         _cw_calendar_view_add_bindings     (GtkWidgetClass         *widget_class);

G_END_DECLS
