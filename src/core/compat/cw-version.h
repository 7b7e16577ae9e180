/* cw-version.h
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Orders vendor version strings as their vendors mean them:
 * "15.2(7)E7" < "15.2(7)E8" < "15.2(8)E1", "21.4R3" < "21.4R3-S5" <
 * "22.1R1", "17.9.4" < "17.9.4a" < "17.9.5", "9.12.1" < "9.12.1P3",
 * "7.0U3" < "8.0", "R81.10" < "R81.20", "2.15.0-rc1" < "2.15.0".
 * Numbers compare by value, so "6.10.30.00" > "6.9". It is a total order:
 * strings that read as the same version ("7.0U3" and "7.0.3", "01.2" and
 * "1.2") are told apart by a final byte comparison, so only equal strings
 * compare 0. NULL sorts first. Returns <0, 0 or >0 like strcmp(). */
int       cw_version_compare     (const char *a,
                                  const char *b);

/* TRUE when @a and @b read as the same version ("7.0U3" and "7.0.3"). */
gboolean  cw_version_equivalent  (const char *a,
                                  const char *b);

/* A GCompareDataFunc over (const char **) elements, for g_ptr_array_sort(). */
int       cw_version_compare_ptr (gconstpointer a,
                                  gconstpointer b);

G_END_DECLS
