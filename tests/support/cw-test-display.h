/* cw-test-display.h
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean cw_test_display_init    (int          *argc,
                                  char       ***argv);
void     cw_test_iterate_until   (gboolean    (*done) (gpointer data),
                                  gpointer      data,
                                  guint         timeout_ms);
void     cw_test_wait_for_draw   (GtkWidget    *widget);
char    *cw_test_save_screenshot (GtkWidget    *widget,
                                  const char   *name);
/* For cw_test_iterate_until(): the style manager's current style. */
gboolean cw_test_style_is_dark   (gpointer      unused);
gboolean cw_test_style_is_light  (gpointer      unused);

G_END_DECLS
