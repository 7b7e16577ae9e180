/* cw-window.h
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cw-context.h"

G_BEGIN_DECLS

#define CW_TYPE_WINDOW (cw_window_get_type ())

G_DECLARE_FINAL_TYPE (CwWindow, cw_window, CW, WINDOW, AdwApplicationWindow)

CwWindow   *cw_window_new               (GtkApplication *application,
                                         CwContext      *context);
CwContext  *cw_window_get_context       (CwWindow       *self);
void        cw_window_show_error        (CwWindow       *self,
                                         const GError   *error);
gboolean    cw_window_show_pane         (CwWindow       *self,
                                         const char     *pane_id);
const char *cw_window_get_visible_pane  (CwWindow       *self);
GtkWidget  *cw_window_get_pane          (CwWindow       *self,
                                         const char     *pane_id);
const char * const *cw_window_list_panes (void);
void        cw_window_add_toast         (CwWindow       *self,
                                         const char     *message);
void        cw_window_present_toast     (CwWindow       *self,
                                         AdwToast       *toast);
void        cw_window_check_compat      (CwWindow       *self,
                                         const gint64   *ids,
                                         guint           n_ids);

G_END_DECLS
