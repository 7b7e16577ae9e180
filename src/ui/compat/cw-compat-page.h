/* cw-compat-page.h
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cw-page.h"

G_BEGIN_DECLS

#define CW_TYPE_COMPAT_PAGE (cw_compat_page_get_type ())

G_DECLARE_FINAL_TYPE (CwCompatPage, cw_compat_page, CW, COMPAT_PAGE, CwPage)

G_END_DECLS
