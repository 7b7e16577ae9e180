/* cw-bench-calendar-gen.h: what the files of the calendar generator share.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "cw-bench-calendar-data.h"

G_BEGIN_DECLS

#define QUARTER_HOUR    900
#define HOUR            3600
#define DAY             86400
#define FREEZE_ZONE     "Europe/Berlin"

typedef struct
{
  gint64  id;
  char   *code;
  char   *tzid;
} Site;

typedef struct
{
  gint64  id;
  guint16 site;
  guint16 klass;
} Ci;

typedef struct
{
  gint64 child;
  gint64 parent;
} Relation;

/* What a window or blackout covers, as indices, to pick CIs in it. */
typedef struct
{
  gboolean  everything;
  int       site;     /* or -1 */
  int       klass[2]; /* or -1 */
  GArray   *ci_ids;   /* the item's own, borrowed */
} Cover;

typedef struct
{
  CwMaintWindow *window;
  Cover     cover;
  GArray   *occurrences;
} Win;

typedef struct
{
  CwBlackout *blackout;
  Cover       cover;
} Blk;

typedef struct
{
  gint64      start;
  gint64      end;
  gint64      ci;
  const char *assignee;
} Placed;

typedef struct
{
  CwStore              *store;
  sqlite3              *db;
  GRand                *rand;
  int                   year;
  gint64                from;
  gint64                to;
  CwBenchCalendarData  *data;

  GArray               *sites;          /* Site */
  GPtrArray            *classes;        /* char *, class keys */
  GArray               *cis;            /* Ci */
  GHashTable           *ci_by_id;       /* gint64 * -> Ci * */
  GPtrArray            *by_site;        /* GArray of guint, indices into cis */
  GPtrArray            *by_class;
  GPtrArray            *by_site_class;  /* [site * n_classes + class] */
  GArray               *relations;      /* Relation */
  GHashTable           *parent_of;      /* gint64 * -> Relation * */
  GHashTable           *child_of;       /* gint64 * -> Relation * */
  GPtrArray            *assignees;      /* char * */
  GPtrArray            *runbooks;       /* char * */
  GArray               *runbook_minutes;/* guint */
  gboolean             *runbook_used;

  GPtrArray            *windows;        /* Win */
  GPtrArray            *blackouts;      /* Blk */
  GArray               *placed;         /* Placed */
} Gen;

guint    gen_below          (Gen          *gen,
                             guint         n);
gboolean gen_chance         (Gen          *gen,
                             guint         percent);
gboolean gen_ids_contain    (GArray       *ids,
                             gint64        id);
gint64   gen_pick_from      (Gen          *gen,
                             GArray       *indices);
gint64   gen_pick_any_ci    (Gen          *gen);
/* A CI in what @cover covers. */
gint64   gen_pick_covered   (Gen          *gen,
                             const Cover  *cover);
/* The index of a class key, or -1. */
int      gen_class_index    (Gen          *gen,
                             const char   *key);
/* A local hour in @tzid as an instant; G_MININT64 with @error. */
gint64   gen_local_instant  (int           year,
                             int           month,
                             int           day,
                             int           hour,
                             const char   *tzid,
                             GError      **error);

/* cw-bench-calendar-windows.c */
gboolean gen_add_windows    (Gen          *gen,
                             guint         n_windows,
                             GError      **error);
void     gen_win_free       (gpointer      data);   /* Win */

/* cw-bench-calendar-blackouts.c */
gboolean gen_add_blackouts  (Gen          *gen,
                             GError      **error);
void     gen_blk_free       (gpointer      data);   /* Blk */

G_END_DECLS
