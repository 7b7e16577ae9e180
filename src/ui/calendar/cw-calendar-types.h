/* cw-calendar-types.h: calendar names that need no core header.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The kinds of item the views draw; cw-calendar-page.h names them without
 * pulling in cw-schedule.h. */
typedef enum
{
  CW_CALENDAR_ITEM_WINDOW,     /* one occurrence of a maintenance window */
  CW_CALENDAR_ITEM_BLACKOUT,   /* a blackout or freeze */
  CW_CALENDAR_ITEM_WORK,       /* planned work */
} CwCalendarItemKind;

typedef struct _CwCalendarItem CwCalendarItem;

G_END_DECLS
