/* cw-test-display.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-test-display"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#include "cw-test-display.h"

/**
 * cw_test_display_init:
 *
 * Starts GLib's test framework and GTK. Without a display the suite is
 * skipped, except under CI, where that is a failure of the test set-up.
 *
 * Returns: %TRUE when the tests can run
 */
gboolean
cw_test_display_init (int    *argc,
                      char ***argv)
{
  g_test_init (argc, argv, NULL);

  if (!gtk_init_check ())
    {
      if (g_getenv ("CI") != NULL)
        {
          fprintf (stderr, "%s: cannot open a display (DISPLAY=%s); run it through "
                   "build-aux/test.sh\n", g_get_prgname (), g_getenv ("DISPLAY"));
          exit (1);
        }
      printf ("1..0 # SKIP no display\n");
      return FALSE;
    }

  return TRUE;
}

static gboolean
on_timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/**
 * cw_test_iterate_until:
 * @done: (nullable): checked after each iteration; %NULL waits @timeout_ms
 *
 * Runs the main loop until @done says so; fails the test after @timeout_ms.
 */
void
cw_test_iterate_until (gboolean (*done) (gpointer data),
                       gpointer   data,
                       guint      timeout_ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (timeout_ms, on_timeout_cb, &timed_out);

  while (!timed_out && (done == NULL || !done (data)))
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);
  else if (done != NULL)
    g_error ("Timed out after %u ms waiting for a condition", timeout_ms);
}

void
cw_test_wait_for_draw (GtkWidget *widget)
{
  gtk_test_widget_wait_for_draw (widget);
  /* Let idle layout and transitions (a stack crossfades in 200 ms) settle. */
  cw_test_iterate_until (NULL, NULL, 350);
}

/**
 * cw_test_save_screenshot:
 * @name: the file name, without folder
 *
 * Renders @widget as the screen shows it into a PNG in SCREENSHOT_DIR (the
 * build folder), for people to look at.
 *
 * Returns: (transfer full): the PNG's path
 */
char *
cw_test_save_screenshot (GtkWidget  *widget,
                         const char *name)
{
  const char *dir = g_getenv ("SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot;
  GskRenderer *renderer;
  char *path;
  int width, height;

  cw_test_wait_for_draw (widget);

  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));

  if (dir == NULL || dir[0] == '\0')
    dir = g_get_tmp_dir ();
  g_mkdir_with_parents (dir, 0755);
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);

  return path;
}

gboolean
cw_test_style_is_dark (gpointer unused)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

gboolean
cw_test_style_is_light (gpointer unused)
{
  return !cw_test_style_is_dark (unused);
}
