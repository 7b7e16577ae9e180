/* cw-demo-private.h
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cw-demo.h"
#include "cw-store-private.h"

G_BEGIN_DECLS

/* splitmix64: tiny, fast, and the same sequence on every platform, so a seed
 * always gives the same workspace. */
typedef struct
{
  guint64 state;
} CwDemoRng;

typedef enum
{
  CW_DEMO_CLASS_SERVER,
  CW_DEMO_CLASS_SWITCH,
  CW_DEMO_CLASS_ROUTER,
  CW_DEMO_CLASS_FIREWALL,
  CW_DEMO_CLASS_STORAGE,
  CW_DEMO_CLASS_CONTROLLER,
  CW_DEMO_CLASS_IOT,
  CW_DEMO_CLASS_HYPERVISOR,
  CW_DEMO_CLASS_DATABASE,
  CW_DEMO_CLASS_APPLICATION,
  CW_DEMO_CLASS_CERTIFICATE,
  CW_DEMO_CLASS_LICENCE,
  CW_DEMO_N_CLASSES
} CwDemoClass;

#define CW_DEMO_MAX_VERSIONS 4

typedef struct
{
  CwDemoClass  klass;
  const char  *prefix;
  guint        weight;
  const char  *manufacturer;
  const char  *model;
  const char  *firmware[CW_DEMO_MAX_VERSIONS];
  const char  *os[CW_DEMO_MAX_VERSIONS];
  gboolean     has_ip;
} CwDemoModel;

/* What the steps after the CIs need to know of each CI, kept small: a
 * million of them take 12 MB. The CI's id is first_ci_id + its index. */
typedef struct
{
  guint32 number;       /* in its name */
  guint32 age_minutes;  /* updated_at is this long before now */
  guint8  site;
  guint8  model;
  gint8   firmware;     /* index in the model's list, or -1 */
  gint8   os;
} CwDemoCi;

/* "YYYY-MM-DDTHH:MM:SSZ" and its NUL */
#define CW_DEMO_TIME_SIZE 21

typedef struct
{
  sqlite3      *db;
  CwDemoRng     rng;
  GDateTime    *now;
  gint64        now_unix;
  GCancellable *cancellable;
  GArray       *site_ids;   /* gint64 */
  GPtrArray    *site_codes; /* lower-case codes, for names */

  /* Kept by cw_demo_add_cis() for the steps after it */
  gint64        first_ci_id;
  GArray       *cis;        /* CwDemoCi, in the order of their ids */
  GArray      **by_site_class; /* guint32 indexes into cis, per
                                * [site * CW_DEMO_N_CLASSES + class] */
} CwDemoRun;

void               cw_demo_rng_init       (CwDemoRng       *rng,
                                           guint64          seed);
guint64            cw_demo_rng_next       (CwDemoRng       *rng);
guint              cw_demo_rng_below      (CwDemoRng       *rng,
                                           guint            n);
gboolean           cw_demo_rng_chance     (CwDemoRng       *rng,
                                           guint            percent);

void               cw_demo_format_time    (gint64           unix_time,
                                           char             out[CW_DEMO_TIME_SIZE]);

gboolean           cw_demo_step           (CwDemoRun       *run,
                                           sqlite3_stmt    *stmt,
                                           GError         **error);
sqlite3_stmt      *cw_demo_prepare        (CwDemoRun       *run,
                                           const char      *sql,
                                           GError         **error);

gboolean           cw_demo_add_people     (CwDemoRun       *run,
                                           GError         **error);

gboolean           cw_demo_add_cis        (CwDemoRun       *run,
                                           guint            n_cis,
                                           GError         **error);
void               cw_demo_clear_cis      (CwDemoRun       *run);
const CwDemoModel *cw_demo_get_model      (guint            index);
void               cw_demo_format_ci_name (CwDemoRun       *run,
                                           const CwDemoCi  *ci,
                                           char            *out,
                                           gsize            size);

/* cw-demo-links.c: after the CIs, from what cw_demo_add_cis() kept. */
gboolean           cw_demo_add_relations  (CwDemoRun       *run,
                                           GError         **error);
gboolean           cw_demo_add_history    (CwDemoRun       *run,
                                           GError         **error);
gboolean           cw_demo_add_backups    (CwDemoRun       *run,
                                           GError         **error);

/* cw-demo-compat.c: the compatibility matrix, after everything else. */
gboolean           cw_demo_add_compat     (CwDemoRun       *run,
                                           CwStore         *store,
                                           GError         **error);

/* cw-demo-runbooks.c: the runbooks, after the demo's transaction (the
 * runbook store makes its own). */
gboolean           cw_demo_add_runbooks   (CwDemoRun       *run,
                                           CwStore         *store,
                                           GError         **error);

/* cw-demo-schedule.c: the maintenance calendar, after the runbooks its
 * planned work names (in a transaction of its own). */
gboolean           cw_demo_add_schedule   (CwDemoRun       *run,
                                           CwStore         *store,
                                           GError         **error);

G_END_DECLS
