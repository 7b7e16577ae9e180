/* cw-bench-support.h: what every benchmark program does the same way:
 * failing, milliseconds, medians and the figure lines bench.sh reads.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Prints "PROGRAM: message" to stderr and exits with status 1. */
void     cw_bench_fail      (const char *format,
                             ...) G_GNUC_NORETURN G_GNUC_PRINTF (1, 2);
double   cw_bench_ms_since  (gint64      t0,
                             gint64      t1);
/* Sorts @times (doubles) and returns their median. */
double   cw_bench_median    (GArray     *times);
/* "  WHAT: median 1.0 ms (min 0.9, max 1.2), N runs  target median <= T ms:
 * PASS", WHAT padded to @width; @target_ms <= 0 is "for information". Then
 * @detail (or NULL) on its own line. Sorts @times; TRUE when within target. */
gboolean cw_bench_report    (const char *what,
                             int         width,
                             GArray     *times,
                             double      target_ms,
                             const char *detail);

G_END_DECLS
