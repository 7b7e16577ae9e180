/* cw-compat-check-private.h
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "cw-compat-check.h"

G_BEGIN_DECLS

/* What the check, the path finder and the drift report share: a product's
 * version order, its upgrade graph, and the bulk linking of CIs to products.
 * Nothing here touches the store except cw_compat_check_read_ids(). */

/* ---- a product's version order ------------------------------------------- */

/* The versions of one product in its order (cw_compat_list_versions()). A
 * version string is "listed" when it equals a listed version, or failing
 * that reads as the same version (cw_version_equivalent()). */
typedef struct _CwCompatVersionOrder CwCompatVersionOrder;

/* Takes a reference on @versions (CwCompatVersion, in the product's order). */
CwCompatVersionOrder *cw_compat_version_order_new     (GPtrArray             *versions);
void                  cw_compat_version_order_free    (CwCompatVersionOrder  *order);
guint                 cw_compat_version_order_get_n   (CwCompatVersionOrder  *order);
CwCompatVersion      *cw_compat_version_order_get     (CwCompatVersionOrder  *order,
                                                       guint                  index);
/* The index of @version in the list, or -1 when it is not listed. */
int                   cw_compat_version_order_lookup  (CwCompatVersionOrder  *order,
                                                       const char            *version);
/* The product's order: by index when both are listed, otherwise
 * cw_version_compare(); versions that read the same compare 0. */
int                   cw_compat_version_order_compare (CwCompatVersionOrder  *order,
                                                       const char            *a,
                                                       const char            *b);

/* ---- upgrade paths -------------------------------------------------------- */

/* The supported hops of one product towards one target version. */
typedef struct _CwCompatPathGraph CwCompatPathGraph;

/* Borrows @order (it must outlive the graph); @paths are CwCompatPath. */
CwCompatPathGraph    *cw_compat_path_graph_new        (CwCompatVersionOrder  *order,
                                                       GPtrArray             *paths,
                                                       const char            *target);
void                  cw_compat_path_graph_free       (CwCompatPathGraph     *graph);
/* The shortest chain from @from to the graph's target (see
 * cw_compat_find_path()); NULL when there is none. */
GStrv                 cw_compat_path_graph_find       (CwCompatPathGraph     *graph,
                                                       const char            *from);

/* ---- linking CIs to products in bulk -------------------------------------- */

/* A product a CI runs; @version points into the linker or the caller's data. */
typedef struct
{
  gint64      product_id;
  const char *version;
} CwCompatRun;

/* Matches CIs against many rules: rules are indexed by manufacturer, which
 * rules a device (class, manufacturer, model) matches is worked out once, and
 * so is what a rule makes of each value of its field. */
typedef struct _CwCompatLinker CwCompatLinker;

/* Takes a reference on @rules (CwCompatRule, in cw_compat_list_all_rules()
 * order: the first rule of a product that matches decides its version). */
CwCompatLinker       *cw_compat_linker_new            (GPtrArray             *rules);
void                  cw_compat_linker_free           (CwCompatLinker        *linker);
/* Appends the products the CI of @values runs to @runs (CwCompatRun; the
 * versions belong to the linker). @values holds CW_CI_N_FIELDS strings; only
 * class, manufacturer, model, firmware and OS version are read. */
void                  cw_compat_linker_match          (CwCompatLinker        *linker,
                                                       const char * const    *values,
                                                       GArray                *runs);

/* ---- bulk reads ------------------------------------------------------------ */

typedef gboolean (*CwCompatRowFunc) (sqlite3_stmt *stmt,
                                     gpointer      user_data);

/* Runs @sql for @ids in chunks: every "%s" in @sql becomes the same list of
 * numbered parameters ("?1,?2,..."), bound to one chunk of ids. @func is
 * called for every row; returning FALSE stops with @error unset. */
gboolean              cw_compat_check_read_ids        (sqlite3               *db,
                                                       const char            *sql,
                                                       const gint64          *ids,
                                                       guint                  n_ids,
                                                       CwCompatRowFunc        func,
                                                       gpointer               user_data,
                                                       GError               **error);

/* ---- one check ------------------------------------------------------------ */

/* A CI the check read: a planned one, or one related to a planned one. */
typedef struct
{
  gint64      id;
  const char *name;
  const char *site_code;    /* or NULL */
  const char *values[CW_CI_N_FIELDS];
  GArray     *runs;         /* CwCompatRun, by product name */
  gboolean    listed;       /* has explicit components of products no rule gave */
  GArray     *related;      /* gint64, for planned CIs */
  gboolean    planned;
} CwCompatCheckCi;

/* What one check has read (cw-compat-check.c) for the evaluation of each
 * planned CI (cw-compat-check-eval.c). */
typedef struct
{
  CwStore              *store;
  sqlite3              *db;
  GCancellable         *cancellable;
  const char           *today;

  CwCompatProduct      *product;
  CwCompatVersionOrder *order;       /* of the product: borrowed from orders */
  CwCompatVersion      *target;      /* borrowed from order */
  CwCompatPathGraph    *graph;
  CwCompatLinker       *linker;
  GPtrArray            *products;    /* CwCompatProduct */
  GHashTable           *names;       /* product id -> name, borrowed */
  GHashTable           *ranks;       /* product id -> its place by name, from 1 */
  GHashTable           *orders;      /* product id -> CwCompatVersionOrder */
  GHashTable           *cis;         /* id -> CwCompatCheckCi */
  GHashTable           *cells;       /* version id paired with the target -> CwCompatCell */
  GHashTable           *paths;       /* current version -> GStrv, or NULL for none */
  GHashTable           *upgrades;    /* "product id\x1fversion\x1fskip target" -> GStrv */
  GStringChunk         *strings;
} CwCompatChecker;

/* The versions of a product in its order, read once per check. */
CwCompatVersionOrder *cw_compat_checker_get_order     (CwCompatChecker       *check,
                                                       gint64                 product_id,
                                                       GError               **error);
/* "" for an unknown id. */
const char           *cw_compat_checker_product_name  (CwCompatChecker       *check,
                                                       gint64                 product_id);
/* Evaluates one planned CI: its own blockers, then the verdicts around it. */
CwCompatCiResult     *cw_compat_checker_check_ci      (CwCompatChecker       *check,
                                                       CwCompatCheckCi       *ci,
                                                       GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwCompatVersionOrder, cw_compat_version_order_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwCompatPathGraph, cw_compat_path_graph_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwCompatLinker, cw_compat_linker_free)

G_END_DECLS
