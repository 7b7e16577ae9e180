/* cw-schedule-index.c: what conflicts and free slots work from, loaded in a
 * few queries: planned works of a range, their CIs and what those run on or
 * are part of, the windows and blackouts that can reach them, indexed by
 * scope.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-schedule"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cw-schedule-private.h"
#include "cw-store-private.h"

static void
ci_info_free (CwCiInfo *ci)
{
  g_free (ci->name);
  g_clear_pointer (&ci->ancestors, g_array_unref);
  g_free (ci);
}

static void
scope_rule_clear (CwScopeRule *rule)
{
  g_clear_pointer (&rule->sites, g_ptr_array_unref);
  g_clear_pointer (&rule->classes, g_ptr_array_unref);
  g_clear_pointer (&rule->ci_ids, g_array_unref);
}

void
_cw_scope_rule_init (CwScopeRule   *rule,
                     const CwScope *scope)
{
  rule->everything = scope->everything;
  rule->sites = g_ptr_array_new ();
  rule->classes = g_ptr_array_new ();
  rule->ci_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; scope->sites != NULL && scope->sites[i] != NULL; i++)
    g_ptr_array_add (rule->sites, (gpointer) g_intern_string (scope->sites[i]));
  for (guint i = 0; scope->classes != NULL && scope->classes[i] != NULL; i++)
    g_ptr_array_add (rule->classes, (gpointer) g_intern_string (scope->classes[i]));
  g_array_append_vals (rule->ci_ids, scope->ci_ids->data, scope->ci_ids->len);
}

gboolean
_cw_scope_rule_covers (const CwScopeRule *rule,
                       const CwCiInfo    *ci)
{
  if (rule->everything)
    return TRUE;
  for (guint i = 0; ci->site != NULL && i < rule->sites->len; i++)
    {
      if (g_ptr_array_index (rule->sites, i) == ci->site)
        return TRUE;
    }
  for (guint i = 0; i < rule->classes->len; i++)
    {
      if (g_ptr_array_index (rule->classes, i) == ci->klass)
        return TRUE;
    }
  for (guint i = 0; i < rule->ci_ids->len; i++)
    {
      if (g_array_index (rule->ci_ids, gint64, i) == ci->id)
        return TRUE;
    }

  return FALSE;
}

static void
index_window_free (CwIndexWindow *window)
{
  cw_maint_window_free (window->window);
  scope_rule_clear (&window->scope);
  g_clear_pointer (&window->occurrences, g_array_unref);
  g_free (window);
}

static void
index_blackout_free (CwIndexBlackout *blackout)
{
  g_free (blackout->name);
  scope_rule_clear (&blackout->scope);
  g_free (blackout);
}

void
_cw_index_work_free (CwIndexWork *work)
{
  g_free (work->title);
  g_free (work->assignee);
  g_free (work->assignee_key);
  g_free (work->runbook_name);
  g_clear_pointer (&work->ci_ids, g_array_unref);
  g_clear_pointer (&work->reach, g_array_unref);
  g_free (work);
}

/* Scope indexes ------------------------------------------------------------------ */

static void
scope_index_init (CwScopeIndex *scope_index)
{
  scope_index->everything = g_array_new (FALSE, FALSE, sizeof (guint));
  scope_index->by_site = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                                (GDestroyNotify) g_array_unref);
  scope_index->by_class = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                                 (GDestroyNotify) g_array_unref);
  scope_index->by_ci = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                              (GDestroyNotify) g_array_unref);
}

static void
scope_index_clear (CwScopeIndex *scope_index)
{
  g_clear_pointer (&scope_index->everything, g_array_unref);
  g_clear_pointer (&scope_index->by_site, g_hash_table_unref);
  g_clear_pointer (&scope_index->by_class, g_hash_table_unref);
  g_clear_pointer (&scope_index->by_ci, g_hash_table_unref);
}

static void
bucket_add (GHashTable *table,
            gpointer    key,
            gboolean    key_is_int64,
            guint       item)
{
  GArray *bucket = g_hash_table_lookup (table, key);

  if (bucket == NULL)
    {
      bucket = g_array_new (FALSE, FALSE, sizeof (guint));
      g_hash_table_insert (table, key_is_int64 ? g_memdup2 (key, sizeof (gint64)) : key, bucket);
    }
  g_array_append_val (bucket, item);
}

void
_cw_scope_index_add (CwScopeIndex      *scope_index,
                     const CwScopeRule *rule,
                     guint              item)
{
  if (rule->everything)
    {
      g_array_append_val (scope_index->everything, item);
      return;
    }
  for (guint i = 0; i < rule->sites->len; i++)
    bucket_add (scope_index->by_site, g_ptr_array_index (rule->sites, i), FALSE, item);
  for (guint i = 0; i < rule->classes->len; i++)
    bucket_add (scope_index->by_class, g_ptr_array_index (rule->classes, i), FALSE, item);
  for (guint i = 0; i < rule->ci_ids->len; i++)
    bucket_add (scope_index->by_ci, &g_array_index (rule->ci_ids, gint64, i), TRUE, item);
}

void
_cw_schedule_index_next_stamp (CwScheduleIndex *index)
{
  index->stamp++;
}

static void
collect_bucket (CwScheduleIndex *index,
                GArray          *bucket,
                GArray          *out)
{
  for (guint i = 0; bucket != NULL && i < bucket->len; i++)
    {
      guint item = g_array_index (bucket, guint, i);

      if (index->stamps[item] != index->stamp)
        {
          index->stamps[item] = index->stamp;
          g_array_append_val (out, item);
        }
    }
}

void
_cw_schedule_index_collect (CwScheduleIndex *index,
                            CwScopeIndex    *scope_index,
                            const CwCiInfo  *ci,
                            GArray          *out)
{
  collect_bucket (index, scope_index->everything, out);
  if (ci->site != NULL)
    collect_bucket (index, g_hash_table_lookup (scope_index->by_site, ci->site), out);
  if (ci->klass != NULL)
    collect_bucket (index, g_hash_table_lookup (scope_index->by_class, ci->klass), out);
  collect_bucket (index, g_hash_table_lookup (scope_index->by_ci, &ci->id), out);
}

/* CIs and relations ------------------------------------------------------------- */

CwCiInfo *
_cw_schedule_index_get_ci (CwScheduleIndex *index,
                           gint64           ci_id)
{
  return g_hash_table_lookup (index->cis, &ci_id);
}

static GArray *
ancestors_of (CwScheduleIndex *index,
              gint64           ci_id)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (gint64));
  GArray *ancestors = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_array_append_val (stack, ci_id);
  while (stack->len > 0)
    {
      gint64 current = g_array_index (stack, gint64, stack->len - 1);
      GArray *parents;

      g_array_set_size (stack, stack->len - 1);
      parents = g_hash_table_lookup (index->parents, &current);
      for (guint i = 0; parents != NULL && i < parents->len; i++)
        {
          gint64 *parent = &g_array_index (parents, gint64, i);

          if (*parent == ci_id || g_hash_table_contains (seen, parent))
            continue;
          g_hash_table_add (seen, parent);
          g_array_append_val (ancestors, *parent);
          g_array_append_val (stack, *parent);
        }
    }

  return ancestors;
}

const char *
_cw_schedule_index_edge (CwScheduleIndex *index,
                         gint64           source,
                         gint64           target)
{
  g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, source, target);

  return g_hash_table_lookup (index->edges, key);
}

static int
compare_reach (gconstpointer a,
               gconstpointer b)
{
  const CwReach *x = a;
  const CwReach *y = b;

  return (x->ci > y->ci) - (x->ci < y->ci);
}

/* The work's reach: a sorted array of CwReach, kept in work->reach. */
GArray *
_cw_schedule_index_reach (CwScheduleIndex *index,
                          CwIndexWork     *work)
{
  GArray *reach;

  if (work->reach != NULL)
    return work->reach;

  reach = g_array_new (FALSE, FALSE, sizeof (CwReach));
  for (guint i = 0; i < work->ci_ids->len; i++)
    {
      CwReach own = { g_array_index (work->ci_ids, gint64, i), g_array_index (work->ci_ids, gint64, i) };

      g_array_append_val (reach, own);
    }
  for (guint i = 0; i < work->ci_ids->len; i++)
    {
      gint64 ci_id = g_array_index (work->ci_ids, gint64, i);
      CwCiInfo *ci = _cw_schedule_index_get_ci (index, ci_id);

      if (ci == NULL)
        continue;
      if (ci->ancestors == NULL)
        ci->ancestors = ancestors_of (index, ci_id);
      for (guint j = 0; j < ci->ancestors->len; j++)
        {
          CwReach up = { g_array_index (ci->ancestors, gint64, j), ci_id };

          g_array_append_val (reach, up);
        }
    }
  /* Own CIs first, so that a CI that is both the work's and an ancestor of
   * another of its CIs keeps itself as its via. */
  g_array_sort (reach, compare_reach);
  work->reach = reach;

  return reach;
}

gboolean
_cw_schedule_reach_lookup (GArray *reach,
                           gint64  ci_id,
                           gint64 *via)
{
  guint lo = 0, hi = reach->len;
  gboolean found = FALSE;

  while (lo < hi)
    {
      guint middle = lo + (hi - lo) / 2;
      const CwReach *entry = &g_array_index (reach, CwReach, middle);

      if (entry->ci < ci_id)
        lo = middle + 1;
      else
        hi = middle;
    }
  /* Among equal entries, one whose via is the CI itself wins. */
  for (guint i = lo; i < reach->len && g_array_index (reach, CwReach, i).ci == ci_id; i++)
    {
      const CwReach *entry = &g_array_index (reach, CwReach, i);

      if (!found || entry->via == ci_id)
        *via = entry->via;
      found = TRUE;
    }

  return found;
}

/* Runbooks ------------------------------------------------------------------------ */

gboolean
_cw_schedule_index_window_needed (CwScheduleIndex  *index,
                                  const char       *name,
                                  guint             version,
                                  guint            *minutes,
                                  GError          **error)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);
  char *key = g_strdup_printf ("%s\n%u", folded, version);
  gpointer value;
  guint found = 0;

  if (g_hash_table_lookup_extended (index->runbooks, key, NULL, &value))
    {
      g_free (key);
      *minutes = GPOINTER_TO_UINT (value) > 0 ? GPOINTER_TO_UINT (value) - 1 : 0;
      return GPOINTER_TO_UINT (value) > 0;
    }

  if (!cw_schedule_get_window_needed (index->store, name, version, &found, error))
    {
      g_hash_table_insert (index->runbooks, key, GUINT_TO_POINTER (0));
      return FALSE;
    }
  g_hash_table_insert (index->runbooks, key, GUINT_TO_POINTER (found + 1));
  *minutes = found;

  return TRUE;
}

/* Occurrences ---------------------------------------------------------------------- */

CwZone *
_cw_schedule_index_zone (CwScheduleIndex  *index,
                         const char       *tzid,
                         GError          **error)
{
  CwZone *zone = g_hash_table_lookup (index->zones, tzid);

  if (zone != NULL)
    return zone;

  zone = _cw_zone_new (tzid);
  if (zone == NULL)
    {
      g_set_error (error, CW_SCHEDULE_ERROR, CW_SCHEDULE_ERROR_BAD_TIME_ZONE,
                   _("“%s” is not a known time zone; use an IANA name like Europe/Berlin"), tzid);
      return NULL;
    }
  g_hash_table_insert (index->zones, (gpointer) _cw_zone_get_tzid (zone), zone);

  return zone;
}

GArray *
_cw_schedule_index_occurrences (CwScheduleIndex  *index,
                                CwIndexWindow    *window,
                                GError          **error)
{
  CwZone *zone;

  if (window->occurrences != NULL)
    return window->occurrences;

  zone = _cw_schedule_index_zone (index, window->window->tzid, error);
  if (zone == NULL)
    return NULL;

  window->occurrences = g_array_new (FALSE, FALSE, sizeof (CwOccurrence));
  if (!_cw_window_expand_into (window->window, zone, index->from, index->to,
                               window->occurrences, error))
    {
      g_clear_pointer (&window->occurrences, g_array_unref);
      return NULL;
    }
  for (guint i = 0; i < window->occurrences->len; i++)
    {
      const CwOccurrence *occurrence = &g_array_index (window->occurrences, CwOccurrence, i);

      window->max_length = MAX (window->max_length, occurrence->end - occurrence->start);
    }

  return window->occurrences;
}

/* The last occurrence starting at or before @start. */
static gint
last_starting_by (GArray *occurrences,
                  gint64  start)
{
  guint lo = 0, hi = occurrences->len;

  while (lo < hi)
    {
      guint middle = lo + (hi - lo) / 2;

      if (g_array_index (occurrences, CwOccurrence, middle).start <= start)
        lo = middle + 1;
      else
        hi = middle;
    }

  return (gint) lo - 1;
}

gboolean
_cw_occurrences_find_containing (GArray *occurrences,
                                 gint64  max_length,
                                 gint64  start,
                                 gint64  end,
                                 guint  *found)
{
  gboolean any = FALSE;
  gint64 best_end = G_MININT64;

  for (gint i = last_starting_by (occurrences, start); i >= 0; i--)
    {
      const CwOccurrence *occurrence = &g_array_index (occurrences, CwOccurrence, i);

      if (occurrence->start < start - max_length)
        break;
      if (occurrence->end >= end && occurrence->end > best_end)
        {
          best_end = occurrence->end;
          *found = (guint) i;
          any = TRUE;
        }
    }

  return any;
}

/* Loading --------------------------------------------------------------------------- */

/* Works ------------------------------------------------------------------------------ */

int
_cw_index_work_compare (gconstpointer a,
                        gconstpointer b)
{
  const CwIndexWork *x = *(CwIndexWork * const *) a;
  const CwIndexWork *y = *(CwIndexWork * const *) b;

  if (x->start != y->start)
    return (x->start > y->start) - (x->start < y->start);

  return (x->id > y->id) - (x->id < y->id);
}

CwIndexWork *
_cw_index_work_new (CwScheduleIndex     *index,
                    const CwPlannedWork *source,
                    gint64               id)
{
  CwIndexWork *work = g_new0 (CwIndexWork, 1);
  g_autofree char *assignee = g_strstrip (g_strdup (source->assignee != NULL ? source->assignee : ""));

  work->id = id;
  work->title = g_strdup (source->title);
  work->start = source->start;
  work->end = source->end;
  if (assignee[0] != '\0')
    {
      work->assignee = g_strdup (assignee);
      work->assignee_key = g_utf8_casefold (assignee, -1);
    }
  work->ci_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (source->ci_ids != NULL)
    g_array_append_vals (work->ci_ids, source->ci_ids->data, source->ci_ids->len);
  if (source->runbook_name != NULL)
    {
      g_autofree char *name = g_strstrip (g_strdup (source->runbook_name));
      guint minutes = 0;

      if (name[0] != '\0')
        {
          work->runbook_name = g_strdup (name);
          work->runbook_version = source->runbook_version;
          work->window_needed = _cw_schedule_index_window_needed (index, name, source->runbook_version,
                                                                  &minutes, NULL)
                                ? (int) minutes : -1;
        }
    }

  return work;
}

CwScheduleIndex *
_cw_schedule_index_new (CwStore *store)
{
  CwScheduleIndex *index = g_new0 (CwScheduleIndex, 1);

  index->store = store;
  index->windows = g_ptr_array_new_with_free_func ((GDestroyNotify) index_window_free);
  index->blackouts = g_ptr_array_new_with_free_func ((GDestroyNotify) index_blackout_free);
  index->works = g_ptr_array_new_with_free_func ((GDestroyNotify) _cw_index_work_free);
  index->cis = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, (GDestroyNotify) ci_info_free);
  index->sites = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  index->parents = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_array_unref);
  index->edges = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  index->zones = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) _cw_zone_free);
  index->runbooks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  scope_index_init (&index->window_index);
  scope_index_init (&index->blackout_index);

  return index;
}

void
_cw_schedule_index_free (CwScheduleIndex *index)
{
  if (index == NULL)
    return;

  g_clear_pointer (&index->windows, g_ptr_array_unref);
  g_clear_pointer (&index->blackouts, g_ptr_array_unref);
  g_clear_pointer (&index->works, g_ptr_array_unref);
  g_clear_pointer (&index->cis, g_hash_table_unref);
  g_clear_pointer (&index->sites, g_hash_table_unref);
  g_clear_pointer (&index->parents, g_hash_table_unref);
  g_clear_pointer (&index->edges, g_hash_table_unref);
  g_clear_pointer (&index->zones, g_hash_table_unref);
  g_clear_pointer (&index->runbooks, g_hash_table_unref);
  scope_index_clear (&index->window_index);
  scope_index_clear (&index->blackout_index);
  g_free (index->stamps);
  g_free (index);
}

char *
_cw_schedule_index_ci_names (CwScheduleIndex *index,
                             GArray          *ci_ids)
{
  g_autoptr(GString) names = g_string_new (NULL);
  guint shown = MIN (ci_ids->len, 3);

  for (guint i = 0; i < shown; i++)
    {
      gint64 id = g_array_index (ci_ids, gint64, i);
      CwCiInfo *ci = _cw_schedule_index_get_ci (index, id);

      if (i > 0)
        g_string_append (names, ", ");
      if (ci != NULL)
        g_string_append (names, ci->name);
      else
        g_string_append_printf (names, "#%" G_GINT64_FORMAT, id);
    }
  if (ci_ids->len > shown)
    {
      /* Translators: "sw-01, sw-02, sw-03 and 4 more" */
      g_string_append_printf (names, g_dngettext (GETTEXT_PACKAGE, " and %u more", " and %u more",
                                                  ci_ids->len - shown),
                              ci_ids->len - shown);
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}
