/* cw-calendar-page.h
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cw-page.h"

G_BEGIN_DECLS

#define CW_TYPE_CALENDAR_PAGE (cw_calendar_page_get_type ())

G_DECLARE_FINAL_TYPE (CwCalendarPage, cw_calendar_page, CW, CALENDAR_PAGE, CwPage)

G_END_DECLS
