/* cw-execution-page.h
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cw-page.h"

G_BEGIN_DECLS

#define CW_TYPE_EXECUTION_PAGE (cw_execution_page_get_type ())

G_DECLARE_FINAL_TYPE (CwExecutionPage, cw_execution_page, CW, EXECUTION_PAGE, CwPage)

G_END_DECLS
