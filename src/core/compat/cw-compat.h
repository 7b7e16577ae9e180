/* cw-compat.h
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cw-ci.h"
#include "cw-store.h"

G_BEGIN_DECLS

#define CW_COMPAT_ERROR (cw_compat_error_quark ())

/**
 * CwCompatError:
 * @CW_COMPAT_ERROR_NOT_FOUND: no such product, version, rule or path
 * @CW_COMPAT_ERROR_INVALID_INPUT: a name, version, date or rule is not valid,
 *   or a CSV file has bad lines (nothing was imported)
 * @CW_COMPAT_ERROR_EXISTS: a product or version of that name already exists
 */
typedef enum
{
  CW_COMPAT_ERROR_NOT_FOUND,
  CW_COMPAT_ERROR_INVALID_INPUT,
  CW_COMPAT_ERROR_EXISTS,
} CwCompatError;

/* In order of severity; untested is what no recorded verdict means. */
typedef enum
{
  CW_COMPAT_VERDICT_UNTESTED,
  CW_COMPAT_VERDICT_COMPATIBLE,
  CW_COMPAT_VERDICT_CAVEAT,
  CW_COMPAT_VERDICT_INCOMPATIBLE,
} CwCompatVerdict;

typedef struct
{
  gint64    id;
  char     *name;           /* unique, case-insensitive */
  char     *vendor;         /* or NULL */
  gboolean  manual_order;   /* the versions are in a user's order */
} CwCompatProduct;

typedef struct
{
  gint64    id;
  gint64    product_id;
  char     *version;
  char     *released;       /* YYYY-MM-DD, or NULL */
  char     *end_of_support; /* YYYY-MM-DD, or NULL */
  gboolean  approved;       /* the organisation's golden version */
} CwCompatVersion;

/* Links CIs to a product. NULL matches anything. */
typedef struct
{
  gint64     id;
  gint64     product_id;
  char      *manufacturer;   /* exact, case-insensitive */
  char      *ci_class;       /* a CI class key, "switch" */
  char      *model_pattern;  /* a case-insensitive glob, "Catalyst 9*" */
  CwCiField  field;          /* CW_CI_FIELD_FIRMWARE_VERSION or CW_CI_FIELD_OS_VERSION */
  char      *version_prefix; /* stripped from the value ("RHEL "); never NULL */
} CwCompatRule;

/* A supported direct upgrade: from any version in [from_min, from_max], in
 * the product's order, straight to @to. */
typedef struct
{
  gint64  id;
  gint64  product_id;
  char   *from_min;
  char   *from_max;
  char   *to;
  char   *note;
} CwCompatPath;

/* A recorded verdict. version_a <= version_b (ids). */
typedef struct
{
  gint64           version_a;
  gint64           version_b;
  CwCompatVerdict  verdict;
  char            *note;
  char            *source;     /* a URL or a document, or NULL */
} CwCompatCell;

/* A product a CI runs. */
typedef struct
{
  gint64    product_id;
  char     *product_name;
  char     *version;          /* never NULL; "" when the CI's field is empty */
  gboolean  explicit;         /* listed by hand, not found by a rule */
} CwCompatComponent;

GQuark            cw_compat_error_quark        (void);

const char       *cw_compat_verdict_get_key    (CwCompatVerdict    verdict);
gboolean          cw_compat_verdict_from_key   (const char        *key,
                                                CwCompatVerdict   *verdict);
/* "Compatible", "Compatible with a caveat", "Incompatible", "Untested" */
const char       *cw_compat_verdict_get_label  (CwCompatVerdict    verdict);
/* A symbolic icon name for the verdict (never colour alone). */
const char       *cw_compat_verdict_get_icon   (CwCompatVerdict    verdict);

void              cw_compat_product_free       (CwCompatProduct   *product);
void              cw_compat_version_free       (CwCompatVersion   *version);
void              cw_compat_rule_free          (CwCompatRule      *rule);
void              cw_compat_path_free          (CwCompatPath      *path);
void              cw_compat_cell_free          (CwCompatCell      *cell);
void              cw_compat_component_free     (CwCompatComponent *component);

/* TRUE when @rule links @ci; *version (if not NULL) gets the CI's version of
 * the product with the prefix stripped, "" when the field is empty. Pure. */
gboolean          cw_compat_rule_matches       (const CwCompatRule *rule,
                                                CwCi               *ci,
                                                char              **version);

/* Products, by name. */
GPtrArray        *cw_compat_list_products      (CwStore           *store,
                                                GError           **error);
CwCompatProduct  *cw_compat_get_product        (CwStore           *store,
                                                gint64             id,
                                                GError           **error);
CwCompatProduct  *cw_compat_find_product       (CwStore           *store,
                                                const char        *name,
                                                GError           **error);
gint64            cw_compat_add_product        (CwStore           *store,
                                                const char        *name,
                                                const char        *vendor,
                                                GError           **error);
gboolean          cw_compat_update_product     (CwStore           *store,
                                                gint64             id,
                                                const char        *name,
                                                const char        *vendor,
                                                GError           **error);
gboolean          cw_compat_delete_product     (CwStore           *store,
                                                gint64             id,
                                                GError           **error);

/* Versions in the product's order: a user's order when the product has one,
 * otherwise cw_version_compare(). */
GPtrArray        *cw_compat_list_versions      (CwStore           *store,
                                                gint64             product_id,
                                                GError           **error);
CwCompatVersion  *cw_compat_find_version       (CwStore           *store,
                                                gint64             product_id,
                                                const char        *version,
                                                GError           **error);
/* Dates are YYYY-MM-DD or NULL. A new version takes its place in a manual
 * order by the comparator (before the first version greater than it). */
gint64            cw_compat_add_version        (CwStore           *store,
                                                gint64             product_id,
                                                const char        *version,
                                                const char        *released,
                                                const char        *end_of_support,
                                                GError           **error);
gboolean          cw_compat_update_version     (CwStore           *store,
                                                gint64             id,
                                                const char        *version,
                                                const char        *released,
                                                const char        *end_of_support,
                                                GError           **error);
gboolean          cw_compat_delete_version     (CwStore           *store,
                                                gint64             id,
                                                GError           **error);
/* @version_id 0 clears the approved version. */
gboolean          cw_compat_set_approved       (CwStore           *store,
                                                gint64             product_id,
                                                gint64             version_id,
                                                GError           **error);
/* Moves a version to @position (0-based) of the current order and makes the
 * order manual. */
gboolean          cw_compat_move_version       (CwStore           *store,
                                                gint64             version_id,
                                                guint              position,
                                                GError           **error);
/* Back to the comparator's order. */
gboolean          cw_compat_reset_order        (CwStore           *store,
                                                gint64             product_id,
                                                GError           **error);

/* Matching rules. */
GPtrArray        *cw_compat_list_rules         (CwStore           *store,
                                                gint64             product_id,
                                                GError           **error);
/* Every rule of every product, by product name. */
GPtrArray        *cw_compat_list_all_rules     (CwStore           *store,
                                                GError           **error);
gint64            cw_compat_add_rule           (CwStore           *store,
                                                const CwCompatRule *rule,
                                                GError           **error);
gboolean          cw_compat_delete_rule        (CwStore           *store,
                                                gint64             id,
                                                GError           **error);

/* Upgrade paths, by to-version in the product's order. */
GPtrArray        *cw_compat_list_paths         (CwStore           *store,
                                                gint64             product_id,
                                                GError           **error);
gint64            cw_compat_add_path           (CwStore           *store,
                                                gint64             product_id,
                                                const char        *from_min,
                                                const char        *from_max,
                                                const char        *to,
                                                const char        *note,
                                                GError           **error);
gboolean          cw_compat_delete_path        (CwStore           *store,
                                                gint64             id,
                                                GError           **error);

/* Verdicts. Every recorded cell between a version of @product_a and a
 * version of @product_b (either order; the same product twice is allowed). */
GPtrArray        *cw_compat_list_cells         (CwStore           *store,
                                                gint64             product_a,
                                                gint64             product_b,
                                                GError           **error);
/* Returns FALSE without an error when nothing is recorded (untested). */
gboolean          cw_compat_get_cell           (CwStore           *store,
                                                gint64             version_a,
                                                gint64             version_b,
                                                CwCompatCell      *cell,
                                                GError           **error);
/* Sets many cells at once in one transaction. @pairs holds 2n version ids
 * (a, b, a, b, ...) in any order. */
gboolean          cw_compat_set_cells          (CwStore           *store,
                                                const gint64      *pairs,
                                                guint              n_pairs,
                                                CwCompatVerdict    verdict,
                                                const char        *note,
                                                const char        *source,
                                                GError           **error);
/* Forgets cells: they read as untested again. */
gboolean          cw_compat_clear_cells        (CwStore           *store,
                                                const gint64      *pairs,
                                                guint              n_pairs,
                                                GError           **error);

/* What a CI runs: rule matches and explicit components, by product name.
 * An explicit component replaces a rule match of the same product. */
GPtrArray        *cw_compat_list_components    (CwStore           *store,
                                                CwCi              *ci,
                                                GError           **error);
/* @version NULL removes the explicit component. */
gboolean          cw_compat_set_component      (CwStore           *store,
                                                gint64             ci_id,
                                                gint64             product_id,
                                                const char        *version,
                                                GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwCompatProduct, cw_compat_product_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwCompatVersion, cw_compat_version_free)

G_END_DECLS
