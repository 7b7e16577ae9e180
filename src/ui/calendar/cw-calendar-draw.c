/* cw-calendar-draw.c: drawing shared by the calendar views: colours, the
 * textures kept per widget, hatching and icons.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-calendar-draw"

#include "config.h"

#include "cw-calendar-view-private.h"

/* What is the same in every frame is drawn once into a texture and kept
 * per widget: a block's background (its fill, bar, stripes and outline,
 * with its rounded corners) by kind, size and colours, a symbolic icon in
 * a colour, a conflict badge's pill. A frame then holds texture, colour
 * and text nodes only: the cairo renderer draws a texture as one blit (a
 * rounded clip, a repeating gradient or a recoloured icon each cost a
 * layer), and the trees of two frames compare equal, so that a redraw
 * with nothing changed draws nothing. */

#define HATCH_PERIOD     12    /* px along a row: 45° stripes every 6√2 px */
#define HATCH_ON         0.45  /* the share of a period a stripe covers */
#define CACHE_MAX_BYTES  (16 * 1024 * 1024)

/* Colours */

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

gboolean
_cw_calendar_colors_equal (const CwCalendarColors *a,
                           const CwCalendarColors *b)
{
  return gdk_rgba_equal (&a->fg, &b->fg) && gdk_rgba_equal (&a->bg, &b->bg) &&
         gdk_rgba_equal (&a->accent, &b->accent) && gdk_rgba_equal (&a->accent_fg, &b->accent_fg) &&
         gdk_rgba_equal (&a->accent_text, &b->accent_text) && gdk_rgba_equal (&a->warning, &b->warning) &&
         gdk_rgba_equal (&a->warning_bg, &b->warning_bg) && gdk_rgba_equal (&a->error, &b->error) &&
         gdk_rgba_equal (&a->error_bg, &b->error_bg) && gdk_rgba_equal (&a->success, &b->success) &&
         a->dark == b->dark;
}

GdkRGBA
_cw_rgba_alpha (const GdkRGBA *color,
                double         alpha)
{
  GdkRGBA c = *color;

  c.alpha *= alpha;
  return c;
}

guint32
_cw_rgba_key (const GdkRGBA *color)
{
  return (guint32) (CLAMP (color->red, 0, 1) * 255 + 0.5) << 24 |
         (guint32) (CLAMP (color->green, 0, 1) * 255 + 0.5) << 16 |
         (guint32) (CLAMP (color->blue, 0, 1) * 255 + 0.5) << 8 |
         (guint32) (CLAMP (color->alpha, 0, 1) * 255 + 0.5);
}

/* Textures kept per widget */

typedef struct
{
  GHashTable *textures;   /* key -> GdkTexture */
  gsize       bytes;
} TextureCache;

static void
texture_cache_free (gpointer data)
{
  TextureCache *cache = data;

  g_hash_table_unref (cache->textures);
  g_free (cache);
}

static TextureCache *
texture_cache_get (GtkWidget *widget)
{
  static GQuark quark;
  TextureCache *cache;

  if (quark == 0)
    quark = g_quark_from_static_string ("cw-calendar-texture-cache");

  cache = g_object_get_qdata (G_OBJECT (widget), quark);
  if (cache == NULL)
    {
      cache = g_new0 (TextureCache, 1);
      cache->textures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
      g_object_set_qdata_full (G_OBJECT (widget), quark, cache, texture_cache_free);
    }

  return cache;
}

/* Cairo's ARGB32 pixels with their colours divided by alpha. GTK 4.8 draws
 * a texture by converting it to cairo's premultiplied format: from this
 * format in integers, from that very format through floats (four times
 * slower, the larger part of a month's frame). */
#if G_BYTE_ORDER == G_LITTLE_ENDIAN
#define STRAIGHT_ARGB32 GDK_MEMORY_B8G8R8A8
#define ALPHA_BYTE      3
#else
#define STRAIGHT_ARGB32 GDK_MEMORY_A8R8G8B8
#define ALPHA_BYTE      0
#endif

static void
unpremultiply (guchar *data,
               int     stride,
               int     width,
               int     height)
{
  for (int y = 0; y < height; y++)
    {
      guchar *pixel = data + (gsize) y * stride;

      for (int x = 0; x < width; x++, pixel += 4)
        {
          guint alpha = pixel[ALPHA_BYTE];

          if (alpha == 0 || alpha == 255)
            continue;
          for (int c = 0; c < 4; c++)
            if (c != ALPHA_BYTE)
              pixel[c] = (guchar) MIN (255, (pixel[c] * 255 + alpha / 2) / alpha);
        }
    }
}

/* Renders @node, drawn at (0, 0) in a @width x @height box, at @scale into
 * a texture; the cache of @widget keeps it under @key (taken). Returns it,
 * owned by the cache. */
GdkTexture *
_cw_calendar_texture_add (GtkWidget     *widget,
                          char          *key,
                          GskRenderNode *node,
                          int            width,
                          int            height,
                          int            scale)
{
  TextureCache *cache = texture_cache_get (widget);
  cairo_surface_t *surface;
  g_autoptr(GBytes) bytes = NULL;
  GdkTexture *texture;
  cairo_t *cr;
  int stride;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  if (node != NULL)
    gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  stride = cairo_image_surface_get_stride (surface);
  unpremultiply (cairo_image_surface_get_data (surface), stride, width * scale, height * scale);
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) stride * height * scale,
                                      (GDestroyNotify) cairo_surface_destroy, surface);
  texture = gdk_memory_texture_new (width * scale, height * scale, STRAIGHT_ARGB32, bytes, stride);

  if (cache->bytes > CACHE_MAX_BYTES)
    {
      g_hash_table_remove_all (cache->textures);
      cache->bytes = 0;
    }
  cache->bytes += g_bytes_get_size (bytes);
  g_hash_table_insert (cache->textures, key, texture);

  return texture;
}

GdkTexture *
_cw_calendar_texture_lookup (GtkWidget  *widget,
                             const char *key)
{
  return g_hash_table_lookup (texture_cache_get (widget)->textures, key);
}

/* Hatching */

/* Diagonal stripes over @rect: a repeating gradient, as a node. */
void
_cw_calendar_append_stripes (GtkSnapshot           *snapshot,
                             const graphene_rect_t *rect,
                             const GdkRGBA         *color,
                             double                 alpha)
{
  GdkRGBA on = _cw_rgba_alpha (color, alpha);
  GdkRGBA off = _cw_rgba_alpha (color, 0);
  GskColorStop stops[4] = {
    { 0.0, on }, { HATCH_ON, on }, { HATCH_ON, off }, { 1.0, off },
  };
  graphene_point_t start, end;

  graphene_point_init (&start, rect->origin.x, rect->origin.y);
  graphene_point_init (&end, rect->origin.x + HATCH_PERIOD / 2.0, rect->origin.y + HATCH_PERIOD / 2.0);
  gtk_snapshot_append_repeating_linear_gradient (snapshot, rect, &start, &end, stops, 4);
}

/* Diagonal stripes over @rect, from its corner: drawn once into a texture
 * of its size, or into one tile repeated when it is too large to keep (a
 * repeat node is drawn again in every frame, even an unchanged one). */
void
_cw_calendar_view_hatch (GtkWidget             *widget,
                         GtkSnapshot           *snapshot,
                         const graphene_rect_t *rect,
                         const GdkRGBA         *color,
                         double                 alpha)
{
  GdkRGBA tone = _cw_rgba_alpha (color, alpha);
  int scale = gtk_widget_get_scale_factor (widget);
  int width = (int) _cw_px_round (rect->size.width), height = (int) _cw_px_round (rect->size.height);
  gboolean tiled = width * scale > CW_CALENDAR_MAX_TEXTURE_SIDE || height * scale > CW_CALENDAR_MAX_TEXTURE_SIDE;
  g_autofree char *key = NULL;
  graphene_rect_t box;
  GdkTexture *texture;

  if (width <= 0 || height <= 0)
    return;

  if (tiled)
    width = height = HATCH_PERIOD;
  key = g_strdup_printf ("hatch:%08x:%dx%d@%d", _cw_rgba_key (&tone), width, height, scale);
  texture = _cw_calendar_texture_lookup (widget, key);
  if (texture == NULL)
    {
      g_autoptr(GtkSnapshot) stripes = gtk_snapshot_new ();
      g_autoptr(GskRenderNode) node = NULL;

      _cw_calendar_append_stripes (stripes, &GRAPHENE_RECT_INIT (0, 0, width, height), color, alpha);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&stripes));
      texture = _cw_calendar_texture_add (widget, g_steal_pointer (&key), node, width, height, scale);
    }

  graphene_rect_init (&box, _cw_px_round (rect->origin.x), _cw_px_round (rect->origin.y), width, height);
  if (!tiled)
    {
      gtk_snapshot_append_texture (snapshot, texture, &box);
      return;
    }
  gtk_snapshot_push_repeat (snapshot, rect, &box);
  gtk_snapshot_append_texture (snapshot, texture, &box);
  gtk_snapshot_pop (snapshot);
}

/* Icons */

/* A symbolic icon in @color, at (@x, @y) rounded to whole pixels: the icon
 * recoloured once, kept as a texture. */
void
_cw_calendar_view_icon (GtkWidget     *widget,
                        GtkSnapshot   *snapshot,
                        const char    *icon_name,
                        double         x,
                        double         y,
                        int            size,
                        const GdkRGBA *color)
{
  int scale = gtk_widget_get_scale_factor (widget);
  g_autofree char *key = g_strdup_printf ("icon:%s:%d:%08x:%d:%d", icon_name, size, _cw_rgba_key (color), scale,
                                          gtk_widget_get_direction (widget));
  GdkTexture *texture = _cw_calendar_texture_lookup (widget, key);

  if (texture == NULL)
    {
      GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (widget));
      g_autoptr(GtkIconPaintable) icon = NULL;
      g_autoptr(GtkSnapshot) recolored = gtk_snapshot_new ();
      g_autoptr(GskRenderNode) node = NULL;

      icon = gtk_icon_theme_lookup_icon (theme, icon_name, NULL, size, scale,
                                         gtk_widget_get_direction (widget), 0);
      if (icon == NULL)
        return;
      gtk_symbolic_paintable_snapshot_symbolic (GTK_SYMBOLIC_PAINTABLE (icon), recolored, size, size, color, 1);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&recolored));
      texture = _cw_calendar_texture_add (widget, g_steal_pointer (&key), node, size, size, scale);
    }

  gtk_snapshot_append_texture (snapshot, texture,
                               &GRAPHENE_RECT_INIT (_cw_px_round (x), _cw_px_round (y), size, size));
}
