/* cw-clock.h
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CW_TYPE_CLOCK (cw_clock_get_type ())

G_DECLARE_FINAL_TYPE (CwClock, cw_clock, CW, CLOCK, GObject)

CwClock   *cw_clock_new         (void);
CwClock   *cw_clock_new_fake    (GDateTime *now);
gboolean   cw_clock_is_fake     (CwClock   *self);
GDateTime *cw_clock_get_now     (CwClock   *self);
gint64     cw_clock_get_unix    (CwClock   *self);
char      *cw_clock_format_iso  (CwClock   *self);
void       cw_clock_set_now     (CwClock   *self,
                                 GDateTime *now);
void       cw_clock_advance     (CwClock   *self,
                                 GTimeSpan  span);

G_END_DECLS
