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

typedef struct
{
  sqlite3      *db;
  CwDemoRng     rng;
  GDateTime    *now;
  GCancellable *cancellable;
  GArray       *site_ids;   /* gint64 */
  GPtrArray    *site_codes; /* lower-case codes, for names */
} CwDemoRun;

void         cw_demo_rng_init   (CwDemoRng          *rng,
                                 guint64             seed);
guint64      cw_demo_rng_next   (CwDemoRng          *rng);
guint        cw_demo_rng_below  (CwDemoRng          *rng,
                                 guint               n);
gboolean     cw_demo_rng_chance (CwDemoRng          *rng,
                                 guint               percent);

gboolean     cw_demo_step       (CwDemoRun          *run,
                                 sqlite3_stmt       *stmt,
                                 GError            **error);
sqlite3_stmt *cw_demo_prepare   (CwDemoRun          *run,
                                 const char         *sql,
                                 GError            **error);

gboolean     cw_demo_add_people (CwDemoRun          *run,
                                 GError            **error);
gboolean     cw_demo_add_cis    (CwDemoRun          *run,
                                 guint               n_cis,
                                 GError            **error);

G_END_DECLS
