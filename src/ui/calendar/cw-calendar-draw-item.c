/* cw-calendar-draw-item.c: an item as a block, with its icon, label and
 * conflict badge, as every calendar view draws it.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-calendar-draw"

#include "config.h"

#include <glib/gi18n.h>

#include "cw-calendar-view-private.h"

/* A block's background is drawn once into textures kept by kind, size,
 * outline and colours (cw-calendar-draw.c); a frame then holds texture,
 * colour and text nodes only. */

#define RADIUS 4
#define CAP    6     /* a block's rounded end (and bar) */

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

/* Blocks */

typedef enum
{
  OUTLINE_NONE,
  OUTLINE_ERROR,
  OUTLINE_WARNING,
  OUTLINE_PLAIN,   /* a dragged work without conflicts */
} Outline;

/* A block's background in @rect, as nodes: by kind a soft band (window),
 * stripes (blackout) or a solid block (work), rounded, and its outline. */
static void
append_background (GtkSnapshot            *snapshot,
                   const CwCalendarItem   *item,
                   const graphene_rect_t  *rect,
                   const CwCalendarColors *colors,
                   Outline                 outline)
{
  GskRoundedRect rounded;
  graphene_rect_t bar;
  GdkRGBA fill;

  gsk_rounded_rect_init_from_rect (&rounded, rect, MIN (RADIUS, MIN (rect->size.width, rect->size.height) / 2));
  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  switch (item->kind)
    {
    case CW_CALENDAR_ITEM_WINDOW:
      fill = _cw_rgba_alpha (&colors->accent, colors->dark ? 0.28 : 0.16);
      gtk_snapshot_append_color (snapshot, &fill, rect);
      graphene_rect_init (&bar, rect->origin.x, rect->origin.y, 3, rect->size.height);
      gtk_snapshot_append_color (snapshot, &colors->accent, &bar);
      break;

    case CW_CALENDAR_ITEM_BLACKOUT:
      {
        const GdkRGBA *tone = item->warn_only ? &colors->warning_bg : &colors->error_bg;

        fill = _cw_rgba_alpha (tone, item->warn_only ? 0.10 : 0.16);
        gtk_snapshot_append_color (snapshot, &fill, rect);
        _cw_calendar_append_stripes (snapshot, rect, tone, item->warn_only ? 0.22 : 0.38);
        graphene_rect_init (&bar, rect->origin.x, rect->origin.y, 3, rect->size.height);
        gtk_snapshot_append_color (snapshot, tone, &bar);
      }
      break;

    case CW_CALENDAR_ITEM_WORK:
    default:
      gtk_snapshot_append_color (snapshot, &colors->accent, rect);
      break;
    }
  gtk_snapshot_pop (snapshot);

  if (outline != OUTLINE_NONE)
    {
      const GdkRGBA *tone = outline == OUTLINE_ERROR ? &colors->error
                          : outline == OUTLINE_WARNING ? &colors->warning : &colors->fg;
      GdkRGBA border[4] = { *tone, *tone, *tone, *tone };
      float widths[4] = { 2, 2, 2, 2 };

      gtk_snapshot_append_border (snapshot, &rounded, widths, border);
    }
}

static char *
background_key (const CwCalendarItem   *item,
                const CwCalendarColors *colors,
                Outline                 outline,
                int                     scale)
{
  return g_strdup_printf ("block:%d:%d:%d@%d:%08x:%08x:%08x:%08x:%08x:%08x:%d", item->kind, item->warn_only,
                          outline, scale, _cw_rgba_key (&colors->accent), _cw_rgba_key (&colors->error_bg),
                          _cw_rgba_key (&colors->warning_bg), _cw_rgba_key (&colors->error),
                          _cw_rgba_key (&colors->warning), _cw_rgba_key (&colors->fg), colors->dark);
}

/* The background of a block of @width x @height, or of its left or right
 * @cap columns (@cap 0: all of it), as a texture. */
static GdkTexture *
background_texture (GtkWidget              *widget,
                    const CwCalendarItem   *item,
                    int                     width,
                    int                     height,
                    int                     cap,
                    gboolean                right,
                    const CwCalendarColors *colors,
                    Outline                 outline)
{
  int scale = gtk_widget_get_scale_factor (widget);
  g_autofree char *base = background_key (item, colors, outline, scale);
  g_autofree char *key = g_strdup_printf ("%s:%dx%d:%d:%d", base, width, height, cap, right);
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  GdkTexture *texture = _cw_calendar_texture_lookup (widget, key);

  if (texture != NULL)
    return texture;

  snapshot = gtk_snapshot_new ();
  if (cap > 0)
    {
      gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, cap, height));
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (right ? cap - width : 0, 0));
    }
  append_background (snapshot, item, &GRAPHENE_RECT_INIT (0, 0, width, height), colors, outline);
  if (cap > 0)
    gtk_snapshot_pop (snapshot);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));

  return _cw_calendar_texture_add (widget, g_steal_pointer (&key), node, cap > 0 ? cap : width, height, scale);
}

/* The background of a block in @rect (whole pixels), from textures drawn
 * once per kind, size, outline and colours. A band or a work block is its
 * two rounded ends as textures and plain colour between them (a texture
 * costs its pixels in every frame); stripes are one texture of the block's
 * size. Nodes for a block too large to keep. */
static void
draw_background (GtkWidget              *widget,
                 GtkSnapshot            *snapshot,
                 const CwCalendarItem   *item,
                 const graphene_rect_t  *rect,
                 const CwCalendarColors *colors,
                 Outline                 outline)
{
  int scale = gtk_widget_get_scale_factor (widget);
  int width = (int) rect->size.width, height = (int) rect->size.height;
  const GdkRGBA *tone = NULL;
  graphene_rect_t middle;
  GdkRGBA fill;

  if (item->kind == CW_CALENDAR_ITEM_BLACKOUT || width < 2 * CAP + 1 || height * scale > CW_CALENDAR_MAX_TEXTURE_SIDE)
    {
      if (width * scale > CW_CALENDAR_MAX_TEXTURE_SIDE || height * scale > CW_CALENDAR_MAX_TEXTURE_SIDE)
        append_background (snapshot, item, rect, colors, outline);
      else
        gtk_snapshot_append_texture (snapshot, background_texture (widget, item, width, height, 0, FALSE,
                                                                   colors, outline), rect);
      return;
    }

  /* The ends, cut from a block just wider than both. */
  gtk_snapshot_append_texture (snapshot,
                               background_texture (widget, item, 2 * CAP + 1, height, CAP, FALSE, colors, outline),
                               &GRAPHENE_RECT_INIT (rect->origin.x, rect->origin.y, CAP, height));
  gtk_snapshot_append_texture (snapshot,
                               background_texture (widget, item, 2 * CAP + 1, height, CAP, TRUE, colors, outline),
                               &GRAPHENE_RECT_INIT (rect->origin.x + width - CAP, rect->origin.y, CAP, height));

  /* The middle, as append_background() fills it. */
  graphene_rect_init (&middle, rect->origin.x + CAP, rect->origin.y, width - 2 * CAP, height);
  fill = item->kind == CW_CALENDAR_ITEM_WORK ? colors->accent
       : _cw_rgba_alpha (&colors->accent, colors->dark ? 0.28 : 0.16);
  gtk_snapshot_append_color (snapshot, &fill, &middle);
  switch (outline)
    {
    case OUTLINE_ERROR:
      tone = &colors->error;
      break;
    case OUTLINE_WARNING:
      tone = &colors->warning;
      break;
    case OUTLINE_PLAIN:
      tone = &colors->fg;
      break;
    case OUTLINE_NONE:
    default:
      break;
    }
  if (tone != NULL)
    {
      gtk_snapshot_append_color (snapshot, tone, &GRAPHENE_RECT_INIT (middle.origin.x, middle.origin.y,
                                                                      middle.size.width, 2));
      gtk_snapshot_append_color (snapshot, tone, &GRAPHENE_RECT_INIT (middle.origin.x,
                                                                      middle.origin.y + height - 2,
                                                                      middle.size.width, 2));
    }
}

/* A conflict badge's pill with its icon, at (0, 0) in @width x @height. */
static GskRenderNode *
badge_node (GtkWidget              *widget,
            int                     width,
            int                     height,
            gboolean                errors,
            gboolean                with_count,
            const CwCalendarColors *colors)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  const GdkRGBA *bg = errors ? &colors->error_bg : &colors->warning_bg;
  GdkRGBA white = { 1, 1, 1, 1 };
  GdkRGBA dark_text = { 0, 0, 0, 0.8 };
  graphene_rect_t pill;
  GskRoundedRect rounded;

  graphene_rect_init (&pill, 0, 0, width, height);
  gsk_rounded_rect_init_from_rect (&rounded, &pill, height / 2.0);
  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  gtk_snapshot_append_color (snapshot, bg, &pill);
  gtk_snapshot_pop (snapshot);
  _cw_calendar_view_icon (widget, snapshot, errors ? "dialog-error-symbolic" : "dialog-warning-symbolic",
                          with_count ? 3 : (height - 12) / 2.0, (height - 12) / 2.0, 12,
                          errors ? &white : &dark_text);

  return gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
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
  GdkRGBA white = { 1, 1, 1, 1 };
  GdkRGBA dark_text = { 0, 0, 0, 0.8 };
  int scale = gtk_widget_get_scale_factor (widget);
  g_autofree char *key = NULL;
  graphene_rect_t pill;
  GdkTexture *texture;
  int text_w = 0, text_h = 0;
  int h = (int) MIN (16, rect->size.height - 2);
  int w;

  if (n_errors + n_warnings == 0 || h < 8)
    return;

  if (badge_layout != NULL)
    pango_layout_get_pixel_size (badge_layout, &text_w, &text_h);
  w = badge_layout != NULL ? 4 + 12 + 2 + text_w + 5 : h;
  graphene_rect_init (&pill, rect->origin.x + rect->size.width - w - 2,
                      rect->origin.y + (int) ((MIN (rect->size.height, 20) - h) / 2), w, h);

  key = g_strdup_printf ("badge:%d:%d:%dx%d@%d:%08x:%08x", n_errors > 0, badge_layout != NULL, w, h, scale,
                         _cw_rgba_key (&colors->error_bg), _cw_rgba_key (&colors->warning_bg));
  texture = _cw_calendar_texture_lookup (widget, key);
  if (texture == NULL)
    {
      g_autoptr(GskRenderNode) node = badge_node (widget, w, h, n_errors > 0, badge_layout != NULL, colors);

      texture = _cw_calendar_texture_add (widget, g_steal_pointer (&key), node, w, h, scale);
    }
  gtk_snapshot_append_texture (snapshot, texture, &pill);

  if (badge_layout == NULL)
    return;
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (pill.origin.x + 17, pill.origin.y + (h - text_h) / 2));
  gtk_snapshot_append_layout (snapshot, badge_layout, n_errors > 0 ? &white : &dark_text);
  gtk_snapshot_restore (snapshot);
}

/* One item as a block: by kind a soft band (window), stripes (blackout) or
 * a solid block (work); an icon, the label, and a badge with the number of
 * conflicts. @layout holds the label, @badge_layout the count (or NULL).
 * The block is drawn on whole pixels. */
void
_cw_calendar_view_draw_item (GtkWidget              *widget,
                             GtkSnapshot            *snapshot,
                             const CwCalendarItem   *item,
                             const graphene_rect_t  *area,
                             const CwCalendarColors *colors,
                             PangoLayout            *layout,
                             PangoLayout            *badge_layout,
                             CwCalendarDrawFlags     flags)
{
  const GdkRGBA *text_color = item->kind == CW_CALENDAR_ITEM_WORK ? &colors->accent_fg : &colors->fg;
  gboolean tall = (flags & CW_CALENDAR_DRAW_TALL) != 0;
  guint n_errors = item->n_errors;
  guint n_warnings = item->n_warnings;
  Outline outline = OUTLINE_NONE;
  graphene_rect_t rect_storage, *rect = &rect_storage;
  float text_x, line_h;
  gboolean narrow;

  graphene_rect_init (rect, _cw_px_floor (area->origin.x), _cw_px_floor (area->origin.y),
                      _cw_px_round (area->origin.x + area->size.width) - _cw_px_floor (area->origin.x),
                      _cw_px_round (area->origin.y + area->size.height) - _cw_px_floor (area->origin.y));
  if (rect->size.width < 2 || rect->size.height < 2)
    return;

  text_x = rect->origin.x + 6;
  line_h = MIN (rect->size.height, 20);
  narrow = rect->size.width < 110;
  if (item->kind != CW_CALENDAR_ITEM_WORK)
    text_x += 2;

  if (flags & CW_CALENDAR_DRAW_DRAGGING)
    {
      n_errors = (flags & CW_CALENDAR_DRAW_DRAG_ERRORS) ? 1 : 0;
      n_warnings = (flags & CW_CALENDAR_DRAW_DRAG_WARNINGS) ? 1 : 0;
    }
  if (n_errors > 0)
    outline = OUTLINE_ERROR;
  else if (flags & CW_CALENDAR_DRAW_DRAGGING)
    outline = n_warnings > 0 ? OUTLINE_WARNING : OUTLINE_PLAIN;

  draw_background (widget, snapshot, item, rect, colors, outline);

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
                                                        (tall ? 3 : (int) ((line_h - MIN (text_h, line_h)) / 2))));
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

/* The ghost of dragged planned work at @rect, with a badge counting the
 * conflicts where it is. */
void
_cw_calendar_view_draw_ghost (GtkWidget              *widget,
                              GtkSnapshot            *snapshot,
                              const CwCalendarItem   *item,
                              const graphene_rect_t  *rect,
                              const CwCalendarColors *colors,
                              const char             *second_line,
                              guint                   n_errors,
                              guint                   n_warnings,
                              CwCalendarDrawFlags     flags)
{
  g_autoptr(PangoLayout) layout = NULL;
  g_autoptr(PangoLayout) badge = NULL;
  g_autofree char *count = NULL;

  flags |= CW_CALENDAR_DRAW_DRAGGING;
  if (n_errors > 0)
    flags |= CW_CALENDAR_DRAW_DRAG_ERRORS;
  if (n_warnings > 0)
    flags |= CW_CALENDAR_DRAW_DRAG_WARNINGS;

  layout = _cw_calendar_view_new_item_layout (widget, item, second_line);
  count = g_strdup_printf ("%u", n_errors + n_warnings);
  badge = gtk_widget_create_pango_layout (widget, count);
  _cw_calendar_view_draw_item (widget, snapshot, item, rect, colors, layout, badge, flags);
}
