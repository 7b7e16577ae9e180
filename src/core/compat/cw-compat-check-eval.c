/* cw-compat-check-eval.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The findings of a check: what one planned CI's upgrade meets, and the
 * reasons given for it. cw-compat-check.c reads what is evaluated here. */

#define G_LOG_DOMAIN "cw-compat-check"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cw-compat-check-private.h"
#include "cw-version.h"

/* Versions named in a reason; the finding's upgrade_to has them all. */
#define MAX_NAMED_VERSIONS 3

static const char * const finding_keys[] = {
  [CW_COMPAT_FINDING_NOT_RUNNING]     = "not_running",
  [CW_COMPAT_FINDING_UNKNOWN_VERSION] = "unknown_version",
  [CW_COMPAT_FINDING_DOWNGRADE]       = "downgrade",
  [CW_COMPAT_FINDING_NO_PATH]         = "no_path",
  [CW_COMPAT_FINDING_END_OF_SUPPORT]  = "end_of_support",
  [CW_COMPAT_FINDING_INCOMPATIBLE]    = "incompatible",
  [CW_COMPAT_FINDING_CAVEAT]          = "caveat",
  [CW_COMPAT_FINDING_UNTESTED]        = "untested",
};

const char *
cw_compat_finding_kind_get_key (CwCompatFindingKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (finding_keys), NULL);

  return finding_keys[kind];
}

void
cw_compat_finding_free (CwCompatFinding *finding)
{
  if (finding == NULL)
    return;

  g_free (finding->other_ci_name);
  g_free (finding->other_product_name);
  g_free (finding->other_version);
  g_free (finding->note);
  g_free (finding->source);
  g_strfreev (finding->upgrade_to);
  g_free (finding->reason);
  g_free (finding);
}

void
cw_compat_ci_result_free (CwCompatCiResult *result)
{
  if (result == NULL)
    return;

  g_free (result->ci_name);
  g_free (result->site_code);
  g_free (result->current_version);
  g_strfreev (result->path);
  g_clear_pointer (&result->findings, g_ptr_array_unref);
  g_free (result);
}

void
cw_compat_report_free (CwCompatReport *report)
{
  if (report == NULL)
    return;

  g_free (report->product_name);
  g_free (report->target);
  g_clear_pointer (&report->results, g_ptr_array_unref);
  g_free (report);
}
/* ---- verdicts ------------------------------------------------------------- */

/* The version id of @version of a product, 0 when it is not listed. */
static gboolean
check_version_id (CwCompatChecker  *check,
                  gint64            product_id,
                  const char       *version,
                  gint64           *version_id,
                  GError          **error)
{
  CwCompatVersionOrder *order = cw_compat_checker_get_order (check, product_id, error);
  int index;

  if (order == NULL)
    return FALSE;

  index = cw_compat_version_order_lookup (order, version);
  *version_id = index >= 0 ? cw_compat_version_order_get (order, (guint) index)->id : 0;

  return TRUE;
}

/* The verdict between the target and @version_id: untested when nothing is
 * recorded or the version is not listed. */
static CwCompatVerdict
check_verdict (CwCompatChecker     *check,
               gint64               version_id,
               const CwCompatCell **cell)
{
  const CwCompatCell *found = NULL;

  if (version_id != 0)
    found = g_hash_table_lookup (check->cells, &version_id);
  if (cell != NULL)
    *cell = found;

  return found != NULL ? found->verdict : CW_COMPAT_VERDICT_UNTESTED;
}

/* The versions of a product after @version that work with the target
 * (compatible or with a caveat), oldest first; NULL when there is none.
 * @skip_target leaves the target out: for a peer of a rolling upgrade, only
 * an intermediate version lets the two be upgraded one at a time. */
static gboolean
check_upgrade_to (CwCompatChecker  *check,
                  gint64            product_id,
                  const char       *version,
                  gboolean          skip_target,
                  GStrv            *upgrade_to,
                  GError          **error)
{
  g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT "\x1f%s\x1f%d", product_id, version,
                                          skip_target);
  g_autoptr(GStrvBuilder) builder = NULL;
  CwCompatVersionOrder *order;
  gpointer cached;
  GStrv found;

  if (g_hash_table_lookup_extended (check->upgrades, key, NULL, &cached))
    {
      *upgrade_to = g_strdupv (cached);
      return TRUE;
    }

  order = cw_compat_checker_get_order (check, product_id, error);
  if (order == NULL)
    return FALSE;

  builder = g_strv_builder_new ();
  for (guint i = 0; i < cw_compat_version_order_get_n (order); i++)
    {
      CwCompatVersion *listed = cw_compat_version_order_get (order, i);
      CwCompatVerdict verdict = check_verdict (check, listed->id, NULL);

      if (verdict != CW_COMPAT_VERDICT_COMPATIBLE && verdict != CW_COMPAT_VERDICT_CAVEAT)
        continue;
      if (version[0] != '\0' &&
          cw_compat_version_order_compare (order, listed->version, version) <= 0)
        continue;
      if (skip_target && listed->id == check->target->id)
        continue;
      g_strv_builder_add (builder, listed->version);
    }
  found = g_strv_builder_end (builder);
  if (found[0] == NULL)
    g_clear_pointer (&found, g_strfreev);

  g_hash_table_insert (check->upgrades, g_steal_pointer (&key), found);
  *upgrade_to = g_strdupv (found);

  return TRUE;
}

/* "15.4, 15.5, 16.1": the first MAX_NAMED_VERSIONS of @versions. */
static char *
name_versions (GStrv  versions,
               guint *n_more)
{
  guint n = g_strv_length (versions);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < MIN (n, MAX_NAMED_VERSIONS); i++)
    {
      if (i > 0)
        g_string_append (text, ", ");
      g_string_append (text, versions[i]);
    }
  *n_more = n > MAX_NAMED_VERSIONS ? n - MAX_NAMED_VERSIONS : 0;

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static const char *
shown_version (const char *version)
{
  return version[0] != '\0' ? version : _("(version not recorded)");
}

/* The reason of an end-state verdict finding: the target of the planned
 * product next to @finding's product on @finding's CI. */
static char *
end_reason (CwCompatChecker       *check,
            const CwCompatFinding *finding)
{
  const char *product = check->product->name;
  const char *target = check->target->version;
  const char *other_version = shown_version (finding->other_version);

  switch (finding->kind)
    {
    case CW_COMPAT_FINDING_INCOMPATIBLE:
      if (finding->upgrade_to != NULL)
        {
          guint n_more;
          g_autofree char *choices = name_versions (finding->upgrade_to, &n_more);
          guint n = g_strv_length (finding->upgrade_to);

          if (n_more > 0)
            return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "Upgrade %1$s (%2$s %3$s) first, to one of %4$s or %7$u more compatible version: %2$s %3$s is incompatible with %5$s %6$s.",
                                                 "Upgrade %1$s (%2$s %3$s) first, to one of %4$s or %7$u more compatible versions: %2$s %3$s is incompatible with %5$s %6$s.",
                                                 n_more),
                                    finding->other_ci_name, finding->other_product_name,
                                    other_version, choices, product, target, n_more);
          return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "Upgrade %1$s (%2$s %3$s) first, to %4$s: %2$s %3$s is incompatible with %5$s %6$s.",
                                               "Upgrade %1$s (%2$s %3$s) first, to one of %4$s: %2$s %3$s is incompatible with %5$s %6$s.",
                                               n),
                                  finding->other_ci_name, finding->other_product_name,
                                  other_version, choices, product, target);
        }
      return g_strdup_printf (_("%1$s %2$s is incompatible with %3$s %4$s on %5$s, and no later version of %3$s is recorded as compatible with it."),
                              product, target, finding->other_product_name, other_version,
                              finding->other_ci_name);

    case CW_COMPAT_FINDING_CAVEAT:
      if (finding->note != NULL && finding->note[0] != '\0')
        return g_strdup_printf (_("%1$s %2$s works with %3$s %4$s on %5$s, with a caveat: %6$s"),
                                product, target, finding->other_product_name, other_version,
                                finding->other_ci_name, finding->note);
      return g_strdup_printf (_("%1$s %2$s works with %3$s %4$s on %5$s, with a caveat."),
                              product, target, finding->other_product_name, other_version,
                              finding->other_ci_name);

    case CW_COMPAT_FINDING_UNTESTED:
      return g_strdup_printf (_("%1$s %2$s has not been tested with %3$s %4$s on %5$s."),
                              product, target, finding->other_product_name, other_version,
                              finding->other_ci_name);

    case CW_COMPAT_FINDING_NOT_RUNNING:
    case CW_COMPAT_FINDING_UNKNOWN_VERSION:
    case CW_COMPAT_FINDING_DOWNGRADE:
    case CW_COMPAT_FINDING_NO_PATH:
    case CW_COMPAT_FINDING_END_OF_SUPPORT:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* The reason of a mixed-state finding: @ci at the target while the planned
 * peer of @finding still runs its current version of the same product. */
static char *
mixed_reason (CwCompatChecker       *check,
              const CwCompatCheckCi *ci,
              const CwCompatFinding *finding)
{
  const char *product = check->product->name;
  const char *target = check->target->version;
  const char *current = shown_version (finding->other_version);

  switch (finding->kind)
    {
    case CW_COMPAT_FINDING_INCOMPATIBLE:
      if (finding->upgrade_to != NULL)
        {
          guint n_more;
          g_autofree char *choices = name_versions (finding->upgrade_to, &n_more);
          guint n = g_strv_length (finding->upgrade_to);

          if (n_more > 0)
            return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "While the upgrade rolls, %1$s on %2$s %3$s would run next to %4$s still on %2$s %5$s, which is incompatible: upgrade %4$s first, to one of %6$s or %7$u more compatible version.",
                                                 "While the upgrade rolls, %1$s on %2$s %3$s would run next to %4$s still on %2$s %5$s, which is incompatible: upgrade %4$s first, to one of %6$s or %7$u more compatible versions.",
                                                 n_more),
                                    ci->name, product, target, finding->other_ci_name, current,
                                    choices, n_more);
          return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "While the upgrade rolls, %1$s on %2$s %3$s would run next to %4$s still on %2$s %5$s, which is incompatible: upgrade %4$s first, to %6$s.",
                                               "While the upgrade rolls, %1$s on %2$s %3$s would run next to %4$s still on %2$s %5$s, which is incompatible: upgrade %4$s first, to one of %6$s.",
                                               n),
                                  ci->name, product, target, finding->other_ci_name, current,
                                  choices);
        }
      return g_strdup_printf (_("While the upgrade rolls, %1$s on %2$s %3$s would run next to %4$s still on %2$s %5$s, which is incompatible: the two cannot be upgraded one at a time."),
                              ci->name, product, target, finding->other_ci_name, current);

    case CW_COMPAT_FINDING_CAVEAT:
      if (finding->note != NULL && finding->note[0] != '\0')
        return g_strdup_printf (_("While the upgrade rolls, %1$s on %2$s %3$s works next to %4$s still on %2$s %5$s, with a caveat: %6$s"),
                                ci->name, product, target, finding->other_ci_name, current,
                                finding->note);
      return g_strdup_printf (_("While the upgrade rolls, %1$s on %2$s %3$s works next to %4$s still on %2$s %5$s, with a caveat."),
                              ci->name, product, target, finding->other_ci_name, current);

    case CW_COMPAT_FINDING_UNTESTED:
      return g_strdup_printf (_("While the upgrade rolls, %1$s on %2$s %3$s would run next to %4$s still on %2$s %5$s, which has not been tested."),
                              ci->name, product, target, finding->other_ci_name, current);

    case CW_COMPAT_FINDING_NOT_RUNNING:
    case CW_COMPAT_FINDING_UNKNOWN_VERSION:
    case CW_COMPAT_FINDING_DOWNGRADE:
    case CW_COMPAT_FINDING_NO_PATH:
    case CW_COMPAT_FINDING_END_OF_SUPPORT:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* ---- evaluation ------------------------------------------------------------ */

typedef struct
{
  CwCompatCheckCi  *ci;
  CwCompatCiResult *result;
  GPtrArray        *blockers;
  GPtrArray        *warnings;
} Eval;

static CwCompatFinding *
eval_add (Eval                *eval,
          CwCompatFindingKind  kind,
          CwCompatState        state)
{
  CwCompatFinding *finding = g_new0 (CwCompatFinding, 1);

  finding->kind = kind;
  finding->state = state;
  finding->ci_id = eval->ci->id;
  if (kind == CW_COMPAT_FINDING_CAVEAT || kind == CW_COMPAT_FINDING_UNTESTED)
    {
      finding->severity = CW_COMPAT_SEVERITY_WARNING;
      g_ptr_array_add (eval->warnings, finding);
    }
  else
    {
      finding->severity = CW_COMPAT_SEVERITY_BLOCKER;
      g_ptr_array_add (eval->blockers, finding);
    }

  return finding;
}

/* Records what @verdict between the target and @version of @product_id on
 * @other means, unless it is compatible. */
static gboolean
eval_verdict (CwCompatChecker        *check,
              Eval                   *eval,
              const CwCompatCheckCi  *other,
              gint64                  product_id,
              const char             *version,
              gint64                  version_id,
              CwCompatVerdict         verdict,
              const CwCompatCell     *cell,
              CwCompatState           state,
              GError                **error)
{
  CwCompatFindingKind kind;
  CwCompatFinding *finding;

  switch (verdict)
    {
    case CW_COMPAT_VERDICT_COMPATIBLE:
      return TRUE;
    case CW_COMPAT_VERDICT_CAVEAT:
      kind = CW_COMPAT_FINDING_CAVEAT;
      break;
    case CW_COMPAT_VERDICT_INCOMPATIBLE:
      kind = CW_COMPAT_FINDING_INCOMPATIBLE;
      break;
    case CW_COMPAT_VERDICT_UNTESTED:
    default:
      kind = CW_COMPAT_FINDING_UNTESTED;
      break;
    }

  finding = eval_add (eval, kind, state);
  finding->other_ci_id = other->id;
  finding->other_ci_name = g_strdup (other->name);
  finding->other_product_id = product_id;
  finding->other_product_name = g_strdup (cw_compat_checker_product_name (check, product_id));
  finding->other_version = g_strdup (version);
  finding->cell_version_a = check->target->id;
  finding->cell_version_b = version_id;
  if (cell != NULL)
    {
      finding->note = g_strdup (cell->note);
      finding->source = g_strdup (cell->source);
    }
  if (kind == CW_COMPAT_FINDING_INCOMPATIBLE &&
      !check_upgrade_to (check, product_id, version, state == CW_COMPAT_STATE_MIXED,
                         &finding->upgrade_to, error))
    return FALSE;

  if (state == CW_COMPAT_STATE_MIXED)
    finding->reason = mixed_reason (check, eval->ci, finding);
  else
    finding->reason = end_reason (check, finding);

  return TRUE;
}

/* The products around @eval's CI: its own other products, and every product
 * of every related CI, at the end state and, for planned peers of the same
 * product, at the mixed state too. */
static gboolean
eval_neighbours (CwCompatChecker  *check,
                 Eval             *eval,
                 GError          **error)
{
  const CwCompatCheckCi *ci = eval->ci;
  gint64 product_id = check->product->id;

  for (guint i = 0; i < ci->runs->len; i++)
    {
      const CwCompatRun *run = &g_array_index (ci->runs, CwCompatRun, i);
      const CwCompatCell *cell;
      CwCompatVerdict verdict;
      gint64 version_id;

      if (run->product_id == product_id)
        continue;
      if (!check_version_id (check, run->product_id, run->version, &version_id, error))
        return FALSE;
      verdict = check_verdict (check, version_id, &cell);
      if (!eval_verdict (check, eval, ci, run->product_id, run->version, version_id, verdict,
                         cell, CW_COMPAT_STATE_END, error))
        return FALSE;
    }

  for (guint r = 0; ci->related != NULL && r < ci->related->len; r++)
    {
      gint64 other_id = g_array_index (ci->related, gint64, r);
      const CwCompatCheckCi *other = g_hash_table_lookup (check->cis, &other_id);

      if (other == NULL)
        continue;

      for (guint i = 0; i < other->runs->len; i++)
        {
          const CwCompatRun *run = &g_array_index (other->runs, CwCompatRun, i);
          gboolean upgraded = other->planned && run->product_id == product_id;
          const char *version = upgraded ? check->target->version : run->version;
          const CwCompatCell *cell;
          CwCompatVerdict verdict;
          gint64 version_id;

          /* End state: a planned peer of the same product is at the target. */
          if (!check_version_id (check, run->product_id, version, &version_id, error))
            return FALSE;
          verdict = check_verdict (check, version_id, &cell);
          if (!eval_verdict (check, eval, other, run->product_id, version, version_id, verdict,
                             cell, CW_COMPAT_STATE_END, error))
            return FALSE;

          /* Mixed state: this CI upgraded, that peer not yet. */
          if (upgraded && !cw_version_equivalent (run->version, check->target->version))
            {
              const CwCompatCell *mixed_cell;
              CwCompatVerdict mixed;
              gint64 mixed_id;

              if (!check_version_id (check, product_id, run->version, &mixed_id, error))
                return FALSE;
              mixed = check_verdict (check, mixed_id, &mixed_cell);
              if (mixed != verdict &&
                  !eval_verdict (check, eval, other, product_id, run->version, mixed_id, mixed,
                                 mixed_cell, CW_COMPAT_STATE_MIXED, error))
                return FALSE;
            }
        }
    }

  return TRUE;
}

static const CwCompatRun *
find_run (const CwCompatCheckCi *ci,
          gint64                 product_id)
{
  for (guint i = 0; i < ci->runs->len; i++)
    {
      const CwCompatRun *run = &g_array_index (ci->runs, CwCompatRun, i);

      if (run->product_id == product_id)
        return run;
    }

  return NULL;
}

/* The path from @current to the target, shared by the CIs on @current. */
static GStrv
check_path (CwCompatChecker *check,
            const char      *current)
{
  gpointer cached;
  GStrv path;

  if (!g_hash_table_lookup_extended (check->paths, current, NULL, &cached))
    {
      cached = cw_compat_path_graph_find (check->graph, current);
      g_hash_table_insert (check->paths, g_strdup (current), cached);
    }
  path = cached;

  return g_strdupv (path);
}

CwCompatCiResult *
cw_compat_checker_check_ci (CwCompatChecker  *check,
                            CwCompatCheckCi  *ci,
                            GError          **error)
{
  g_autoptr(GPtrArray) blockers = g_ptr_array_new_with_free_func ((GDestroyNotify) cw_compat_finding_free);
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) cw_compat_finding_free);
  CwCompatCiResult *result = g_new0 (CwCompatCiResult, 1);
  Eval eval = { ci, result, blockers, warnings };
  const char *product = check->product->name;
  const char *target = check->target->version;
  const CwCompatRun *run;
  CwCompatFinding *finding;

  result->ci_id = ci->id;
  result->ci_name = g_strdup (ci->name);
  result->site_code = g_strdup (ci->site_code);
  result->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) cw_compat_finding_free);

  run = find_run (ci, check->product->id);
  if (run == NULL)
    {
      finding = eval_add (&eval, CW_COMPAT_FINDING_NOT_RUNNING, CW_COMPAT_STATE_END);
      finding->reason = g_strdup_printf (_("%1$s does not run %2$s."), ci->name, product);
      goto out;
    }

  result->current_version = g_strdup (run->version);
  if (run->version[0] == '\0')
    {
      finding = eval_add (&eval, CW_COMPAT_FINDING_UNKNOWN_VERSION, CW_COMPAT_STATE_END);
      finding->reason = g_strdup_printf (_("The %1$s version of %2$s is not recorded, so the upgrade cannot be planned."),
                                         product, ci->name);
    }
  else if (cw_version_equivalent (run->version, target))
    {
      result->at_target = TRUE;
      result->path = g_new0 (char *, 1);
      goto out;
    }
  else if (cw_compat_version_order_compare (check->order, target, run->version) < 0)
    {
      finding = eval_add (&eval, CW_COMPAT_FINDING_DOWNGRADE, CW_COMPAT_STATE_END);
      finding->reason = g_strdup_printf (_("%1$s runs %2$s %3$s, which is later than %4$s: this would be a downgrade."),
                                         ci->name, product, run->version, target);
    }
  else
    {
      result->path = check_path (check, run->version);
      if (result->path == NULL)
        {
          finding = eval_add (&eval, CW_COMPAT_FINDING_NO_PATH, CW_COMPAT_STATE_END);
          finding->reason = g_strdup_printf (_("No chain of supported upgrades leads from %1$s %2$s to %3$s."),
                                             product, run->version, target);
        }
    }

  if (check->target->end_of_support != NULL &&
      strcmp (check->target->end_of_support, check->today) < 0)
    {
      finding = eval_add (&eval, CW_COMPAT_FINDING_END_OF_SUPPORT, CW_COMPAT_STATE_END);
      finding->cell_version_a = check->target->id;
      finding->reason = g_strdup_printf (_("%1$s %2$s reached its end of support on %3$s."),
                                         product, target, check->target->end_of_support);
    }

  if (!eval_neighbours (check, &eval, error))
    {
      cw_compat_ci_result_free (result);
      return NULL;
    }

out:
  result->n_blockers = blockers->len;
  result->n_warnings = warnings->len;
  g_ptr_array_extend_and_steal (result->findings, g_steal_pointer (&blockers));
  g_ptr_array_extend_and_steal (result->findings, g_steal_pointer (&warnings));

  return result;
}
