/* cw-changes-page.h
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cw-page.h"

G_BEGIN_DECLS

#define CW_TYPE_CHANGES_PAGE (cw_changes_page_get_type ())

G_DECLARE_FINAL_TYPE (CwChangesPage, cw_changes_page, CW, CHANGES_PAGE, CwPage)

G_END_DECLS
