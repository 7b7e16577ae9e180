/* cw-application.h
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cw-store.h"

G_BEGIN_DECLS

#define CW_TYPE_APPLICATION (cw_application_get_type ())

G_DECLARE_FINAL_TYPE (CwApplication, cw_application, CW, APPLICATION, AdwApplication)

CwApplication *cw_application_new             (GApplicationFlags  flags);
GSettings     *cw_application_get_settings    (CwApplication     *self);
void           cw_application_open_workspace  (CwApplication     *self,
                                               const char        *path,
                                               CwStoreOpenFlags   flags);

G_END_DECLS
