/* cw-bench-support.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-bench"

#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <unistd.h>

#include "cw-bench-support.h"

void
cw_bench_fail (const char *format,
               ...)
{
  const char *name = g_get_prgname ();
  va_list args;

  fprintf (stderr, "%s: ", name != NULL ? name : "cw-bench");
  va_start (args, format);
  vfprintf (stderr, format, args);
  va_end (args);
  fprintf (stderr, "\n");
  _exit (1);
}

double
cw_bench_ms_since (gint64 t0,
                   gint64 t1)
{
  return (t1 - t0) / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

double
cw_bench_median (GArray *times)
{
  guint n = times->len;

  g_return_val_if_fail (n > 0, 0);

  g_array_sort (times, compare_doubles);
  if (n % 2 == 1)
    return g_array_index (times, double, n / 2);
  return (g_array_index (times, double, n / 2 - 1) + g_array_index (times, double, n / 2)) / 2;
}

gboolean
cw_bench_report (const char *what,
                 int         width,
                 GArray     *times,
                 double      target_ms,
                 const char *detail)
{
  double med = cw_bench_median (times);
  gboolean ok = target_ms <= 0 || med <= target_ms;
  g_autofree char *target = target_ms > 0 ? g_strdup_printf ("target median <= %.0f ms: %s",
                                                             target_ms, ok ? "PASS" : "FAIL")
                                          : g_strdup ("for information");

  printf ("  %-*s: median %7.1f ms (min %.1f, max %.1f), %u runs  %s\n", width, what, med,
          g_array_index (times, double, 0), g_array_index (times, double, times->len - 1),
          times->len, target);
  if (detail != NULL)
    printf ("    %s\n", detail);
  fflush (stdout);

  return ok;
}
