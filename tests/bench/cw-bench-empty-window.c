/* cw-bench-empty-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The floor for `build-aux/bench.sh startup`: an empty AdwApplicationWindow at the app's
 * default size (1100x720). The process exits with status 0 right after the first frame of the
 * window has been painted (the first GdkFrameClock::after-paint), the same end point as
 * `changeward --exit-after-startup`. Nothing else belongs here.
 */

#define G_LOG_DOMAIN "cw-bench-empty-window"

#include "config.h"

#include <unistd.h>

#include <adwaita.h>

static void
on_after_paint (GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  /* No teardown: the benchmark times process start to first frame, nothing after it. */
  _exit (0);
}

static void
on_activate (GApplication *app,
             gpointer      user_data)
{
  GtkWidget *window;
  GdkFrameClock *frame_clock;

  window = adw_application_window_new (GTK_APPLICATION (app));
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gtk_window_present (GTK_WINDOW (window));

  /* Presenting realizes the window, so it has its frame clock now; no frame has been painted
   * yet, since painting only happens from the main loop. */
  frame_clock = gtk_widget_get_frame_clock (window);
  g_assert (frame_clock != NULL);
  g_signal_connect (frame_clock, "after-paint", G_CALLBACK (on_after_paint), NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (AdwApplication) app = NULL;

  app = adw_application_new ("io.github.changeward.Changeward.BenchEmpty",
                             G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (on_activate), NULL);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
