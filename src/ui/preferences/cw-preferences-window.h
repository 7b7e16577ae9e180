/* cw-preferences-window.h
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CW_TYPE_PREFERENCES_WINDOW (cw_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (CwPreferencesWindow, cw_preferences_window, CW, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

CwPreferencesWindow *cw_preferences_window_new (GSettings *settings);

G_END_DECLS
