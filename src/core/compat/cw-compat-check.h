/* cw-compat-check.h
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cw-compat.h"

G_BEGIN_DECLS

typedef enum
{
  CW_COMPAT_SEVERITY_WARNING,
  CW_COMPAT_SEVERITY_BLOCKER,
} CwCompatSeverity;

/* END: every CI of the plan at the target (and what holds either way).
 * MIXED: during a rolling upgrade, this CI upgraded while a planned peer is
 * still on its current version. */
typedef enum
{
  CW_COMPAT_STATE_END,
  CW_COMPAT_STATE_MIXED,
} CwCompatState;

typedef enum
{
  CW_COMPAT_FINDING_NOT_RUNNING,     /* blocker: the CI does not run the product */
  CW_COMPAT_FINDING_UNKNOWN_VERSION, /* blocker: its current version is not recorded */
  CW_COMPAT_FINDING_DOWNGRADE,       /* blocker: the target is older than the current version */
  CW_COMPAT_FINDING_NO_PATH,         /* blocker: no chain of supported hops */
  CW_COMPAT_FINDING_END_OF_SUPPORT,  /* blocker: the target is past its end of support */
  CW_COMPAT_FINDING_INCOMPATIBLE,    /* blocker: with a product of a related CI */
  CW_COMPAT_FINDING_CAVEAT,          /* warning */
  CW_COMPAT_FINDING_UNTESTED,        /* warning */
} CwCompatFindingKind;

typedef struct
{
  CwCompatFindingKind  kind;
  CwCompatSeverity     severity;
  CwCompatState        state;
  gint64               ci_id;             /* the planned CI it concerns */
  /* For verdict findings: the related CI (the planned CI itself for its own
   * other products), its product and version, and the matrix cell. */
  gint64               other_ci_id;
  char                *other_ci_name;
  gint64               other_product_id;
  char                *other_product_name;
  char                *other_version;
  gint64               cell_version_a;    /* version ids; 0 when a version is not in the list */
  gint64               cell_version_b;
  char                *note;              /* the cell's note and source */
  char                *source;
  /* INCOMPATIBLE: versions of the other product that are compatible (or
   * compatible with a caveat) with the target, oldest first. NULL if none. */
  GStrv                upgrade_to;
  char                *reason;            /* translated, one or two sentences */
} CwCompatFinding;

typedef struct
{
  gint64      ci_id;
  char       *ci_name;
  char       *site_code;        /* or NULL */
  char       *current_version;  /* NULL when the CI does not run the product */
  GStrv       path;             /* the hops after current, ending at the target; NULL when none */
  gboolean    at_target;        /* nothing to do */
  GPtrArray  *findings;         /* CwCompatFinding: blockers first */
  guint       n_blockers;
  guint       n_warnings;
} CwCompatCiResult;

typedef struct
{
  gint64      product_id;
  char       *product_name;
  char       *target;
  GPtrArray  *results;          /* CwCompatCiResult, in the plan's order */
  guint       n_blockers;
  guint       n_warnings;
} CwCompatReport;

/* CIs not on their product's approved version, per product, site and version. */
typedef struct
{
  gint64  product_id;
  char   *product_name;
  char   *approved;
  char   *site_code;            /* "" for CIs without a site */
  char   *version;              /* "" when unknown */
  guint   n_cis;
} CwCompatDriftRow;

const char       *cw_compat_finding_kind_get_key   (CwCompatFindingKind kind);
void              cw_compat_finding_free           (CwCompatFinding   *finding);
void              cw_compat_ci_result_free         (CwCompatCiResult  *result);
void              cw_compat_report_free            (CwCompatReport    *report);
void              cw_compat_drift_row_free         (CwCompatDriftRow  *row);

/* The shortest chain of supported hops from @from to @to: the versions
 * after @from, ending with @to. NULL with no error when there is none; an
 * empty vector when @from is @to. */
GStrv             cw_compat_find_path              (CwStore           *store,
                                                    gint64             product_id,
                                                    const char        *from,
                                                    const char        *to,
                                                    GError           **error);

/* Evaluates upgrading @ci_ids to @target of @product. @today (YYYY-MM-DD)
 * decides end of support. Fails with CW_COMPAT_ERROR_NOT_FOUND when the
 * product or the target version is not known. Run it on a worker thread for
 * large plans (or use the async variant). */
CwCompatReport   *cw_compat_check                  (CwStore           *store,
                                                    const gint64      *ci_ids,
                                                    guint              n_ci_ids,
                                                    const char        *product,
                                                    const char        *target,
                                                    const char        *today,
                                                    GCancellable      *cancellable,
                                                    GError           **error);
/* Opens its own read-only connection to @workspace_path on a worker thread. */
void              cw_compat_check_async            (const char        *workspace_path,
                                                    const gint64      *ci_ids,
                                                    guint              n_ci_ids,
                                                    const char        *product,
                                                    const char        *target,
                                                    const char        *today,
                                                    GCancellable      *cancellable,
                                                    GAsyncReadyCallback callback,
                                                    gpointer           user_data);
CwCompatReport   *cw_compat_check_finish           (GAsyncResult      *result,
                                                    GError           **error);

/* Scans every CI: call it from a worker thread. */
GPtrArray        *cw_compat_drift                  (CwStore           *store,
                                                    GCancellable      *cancellable,
                                                    GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwCompatReport, cw_compat_report_free)

G_END_DECLS
