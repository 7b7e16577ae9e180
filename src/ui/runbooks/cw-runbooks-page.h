/* cw-runbooks-page.h
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cw-page.h"

G_BEGIN_DECLS

#define CW_TYPE_RUNBOOKS_PAGE (cw_runbooks_page_get_type ())

G_DECLARE_FINAL_TYPE (CwRunbooksPage, cw_runbooks_page, CW, RUNBOOKS_PAGE, CwPage)

G_END_DECLS
