/* cw-demo-schedule-private.h: what cw-demo-schedule.c (windows and
 * blackouts) and cw-demo-schedule-work.c (planned work) share.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cw-demo-private.h"
#include "cw-schedule.h"

G_BEGIN_DECLS

#define WEEK (7 * CW_SCHEDULE_DAY)
#define MINUTE G_GINT64_CONSTANT (60)

typedef struct
{
  gint64     id;
  char      *code;
  char      *tzid;
  GPtrArray *technicians;   /* usernames */
  char      *lead;
  CwMaintWindow  *weekly;        /* as added */
} DemoSite;

typedef struct
{
  CwDemoRun  *run;
  CwStore    *store;
  GPtrArray  *sites;        /* DemoSite, by id */
  GHashTable *busy;         /* "CODE:week": a staged conflict's */
  gint64      freeze_start; /* the year-end freeze */
  gint64      freeze_end;
} Plan;

gboolean    cw_demo_plan_sql_failed   (Plan         *plan,
                                       int           rc,
                                       GError      **error);
/* NULL when the demo has no site of that code. */
DemoSite   *cw_demo_plan_site         (Plan         *plan,
                                       const char   *code);
const char *cw_demo_plan_technician   (DemoSite     *site,
                                       guint         index);
/* A CI of the site, the @nth of those of @klass first (then the others,
 * databases and applications last). FALSE when the site has none. */
gboolean    cw_demo_plan_pick_ci      (Plan         *plan,
                                       DemoSite     *site,
                                       const char   *klass,
                                       guint         nth,
                                       gint64       *id,
                                       char        **name,
                                       char        **ci_class);
/* The runbook for a class of CI and the window it needs; NULL when none. */
char       *cw_demo_plan_runbook_for  (Plan         *plan,
                                       const char   *klass,
                                       guint        *minutes);
/* The start of the @k-th (from 1) occurrence of @window starting after
 * now, or 0. */
gint64      cw_demo_plan_occurrence   (Plan         *plan,
                                       const CwMaintWindow *window,
                                       guint         k);
gboolean    cw_demo_plan_in_freeze    (Plan         *plan,
                                       gint64        start,
                                       gint64        end);

/* cw-demo-schedule-work.c */
gboolean    cw_demo_plan_add_work     (Plan         *plan,
                                       GError      **error);

G_END_DECLS
