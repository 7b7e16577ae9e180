/* cw-bench-calendar-data.h: the calendar of `build-aux/bench.sh calendar`.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cw-schedule.h"

G_BEGIN_DECLS

/* What the generator made, for the report. */
typedef struct
{
  guint n_sites;
  guint n_cis;
  guint n_relations;            /* runs on and part of */

  guint n_windows;
  guint n_site_windows;         /* scoped by site */
  guint n_class_windows;        /* ... by CI class */
  guint n_list_windows;         /* ... by a list of CIs */
  guint n_listed_cis;           /* CIs in those lists */
  guint n_weekly;               /* rules by shape */
  guint n_monthly_by_day;       /* "second Sunday", "last Saturday", "third Wednesday" */
  guint n_monthly_by_date;
  guint n_daily;
  guint n_iterated;             /* shapes libical's iterator expands (BYSETPOS, YEARLY) */
  guint n_once;
  guint n_bounded;              /* COUNT or UNTIL */
  guint n_with_exdates;
  guint n_exdates;
  guint n_with_overrides;
  guint n_limited;              /* max_concurrent */
  guint n_occurrences;          /* in the year */

  guint n_blackouts;
  guint n_block;
  guint n_warn;

  guint n_works;
  guint n_in_window;            /* placed in an occurrence of a window covering its CIs */
  guint n_overrunning;          /* ... but running past its end */
  guint n_anywhere;             /* at a random time on random CIs */
  guint n_overlapping;          /* on a CI (or what it runs on or is part of) of another work at about its time */
  guint n_in_blackout;          /* inside a blackout covering its CI */
  guint n_with_runbook;
  guint n_runbooks;             /* distinct runbooks used */
  guint n_assignees;            /* in the pool */
  guint n_work_cis;

  int   busiest_month;          /* 1..12: most planned works starting in it (UTC) */
  guint busiest_month_works;
} CwBenchCalendarData;

/* Fills @store, a workspace holding the demo's sites, CIs, relations, users
 * and runbooks, with @n_windows maintenance windows (recurring from the
 * autumn before @year on), the year-end freezes around @year and other
 * blackouts, and @n_works planned works in @year. The same @seed gives the
 * same calendar. Removes what the store held of the calendar before. */
gboolean cw_bench_calendar_generate (CwStore              *store,
                                     int                   year,
                                     guint                 n_windows,
                                     guint                 n_works,
                                     guint32               seed,
                                     CwBenchCalendarData  *data,
                                     GError              **error);

G_END_DECLS
