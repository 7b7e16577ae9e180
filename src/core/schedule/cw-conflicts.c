/* cw-conflicts.c: every conflict of the planned works of a range: the same
 * CI (or what it runs on or is part of) twice at once, blackouts, work
 * outside the maintenance windows, windows too short for the runbook, an
 * assignee booked twice; too many changes at once in a window is in
 * cw-conflicts-concurrency.c.
 *
 * Planned works are swept in start order, so only works that overlap are
 * compared; each window is expanded once; nothing is queried per pair.
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

typedef struct
{
  CwScheduleIndex *index;
  GPtrArray       *conflicts;
} Run;

CwConflict *
_cw_conflict_add (GPtrArray          *conflicts,
                  CwConflictKind      kind,
                  CwConflictSeverity  severity,
                  gint64              start,
                  gint64              end)
{
  CwConflict *conflict = g_new0 (CwConflict, 1);

  conflict->kind = kind;
  conflict->severity = severity;
  conflict->start = start;
  conflict->end = end;
  conflict->work_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  conflict->ci_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_ptr_array_add (conflicts, conflict);

  return conflict;
}

void
_cw_ids_add (GArray *ids,
             gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    {
      if (g_array_index (ids, gint64, i) == id)
        return;
    }
  g_array_append_val (ids, id);
}

static CwConflict *
conflict_add (Run                *run,
              CwConflictKind      kind,
              CwConflictSeverity  severity,
              gint64              start,
              gint64              end)
{
  return _cw_conflict_add (run->conflicts, kind, severity, start, end);
}

static const char *
ci_name (Run    *run,
         gint64  id)
{
  CwCiInfo *ci = _cw_schedule_index_get_ci (run->index, id);

  return ci != NULL ? ci->name : "?";
}

/* "2 h 30 min", "45 min" */
static char *
format_minutes (gint64 minutes)
{
  if (minutes >= 60 && minutes % 60 != 0)
    /* Translators: a duration, "2 h 30 min" */
    return g_strdup_printf (_("%d h %d min"), (int) (minutes / 60), (int) (minutes % 60));
  if (minutes >= 60)
    /* Translators: a duration, "2 h" */
    return g_strdup_printf (_("%d h"), (int) (minutes / 60));

  /* Translators: a duration, "45 min" */
  return g_strdup_printf (_("%d min"), (int) minutes);
}

/* 1. The same CI, or a CI and what it runs on or is part of ----------------------- */

static void
check_pair (Run         *run,
            CwIndexWork *a,
            CwIndexWork *b)
{
  GArray *reach_a = _cw_schedule_index_reach (run->index, a);
  GArray *reach_b = _cw_schedule_index_reach (run->index, b);
  g_autoptr(GArray) shared = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 child = 0, parent = 0;
  CwConflict *conflict;
  g_autofree char *names = NULL;
  gint64 via;

  for (guint i = 0; i < b->ci_ids->len; i++)
    {
      gint64 ci = g_array_index (b->ci_ids, gint64, i);

      if (!_cw_schedule_reach_lookup (reach_a, ci, &via))
        continue;
      if (via == ci)
        _cw_ids_add (shared, ci);
      else if (child == 0)
        {
          child = via;
          parent = ci;
        }
    }
  for (guint i = 0; i < a->ci_ids->len && child == 0; i++)
    {
      gint64 ci = g_array_index (a->ci_ids, gint64, i);

      if (_cw_schedule_reach_lookup (reach_b, ci, &via) && via != ci)
        {
          child = via;
          parent = ci;
        }
    }
  if (shared->len == 0 && child == 0)
    return;

  conflict = conflict_add (run, CW_CONFLICT_CI_OVERLAP, CW_CONFLICT_ERROR,
                           MAX (a->start, b->start), MIN (a->end, b->end));
  g_array_append_val (conflict->work_ids, a->id);
  g_array_append_val (conflict->work_ids, b->id);
  g_array_append_vals (conflict->ci_ids, shared->data, shared->len);

  if (shared->len > 0)
    {
      names = _cw_schedule_index_ci_names (run->index, shared);
      conflict->message = g_strdup_printf (_("“%s” and “%s” both work on %s at the same time"),
                                           a->title, b->title, names);
    }
  else
    {
      const char *kind = _cw_schedule_index_edge (run->index, child, parent);

      _cw_ids_add (conflict->ci_ids, child);
      _cw_ids_add (conflict->ci_ids, parent);
      if (g_strcmp0 (kind, "runs_on") == 0)
        conflict->message = g_strdup_printf (_("“%s” and “%s” overlap: %s runs on %s"),
                                             a->title, b->title, ci_name (run, child), ci_name (run, parent));
      else if (g_strcmp0 (kind, "part_of") == 0)
        conflict->message = g_strdup_printf (_("“%s” and “%s” overlap: %s is part of %s"),
                                             a->title, b->title, ci_name (run, child), ci_name (run, parent));
      else
        conflict->message = g_strdup_printf (_("“%s” and “%s” overlap: %s depends on %s through "
                                               "what it runs on or is part of"),
                                             a->title, b->title, ci_name (run, child), ci_name (run, parent));
    }
}

/* Sweeps @works (sorted by start) and calls @check for each overlapping pair. */
static void
sweep_pairs (Run        *run,
             GPtrArray  *works,
             void      (*check) (Run *, CwIndexWork *, CwIndexWork *))
{
  g_autoptr(GPtrArray) active = g_ptr_array_new ();

  for (guint i = 0; i < works->len; i++)
    {
      CwIndexWork *work = g_ptr_array_index (works, i);
      guint kept = 0;

      for (guint j = 0; j < active->len; j++)
        {
          CwIndexWork *other = g_ptr_array_index (active, j);

          if (other->end > work->start)
            active->pdata[kept++] = other;
        }
      g_ptr_array_set_size (active, kept);

      for (guint j = 0; j < active->len; j++)
        check (run, g_ptr_array_index (active, j), work);
      g_ptr_array_add (active, work);
    }
}

/* 2. Blackouts -------------------------------------------------------------------- */

static void
check_blackouts (Run         *run,
                 CwIndexWork *work,
                 GArray      *candidates)
{
  CwScheduleIndex *index = run->index;

  g_array_set_size (candidates, 0);
  _cw_schedule_index_next_stamp (index);
  for (guint i = 0; i < work->ci_ids->len; i++)
    {
      CwCiInfo *ci = _cw_schedule_index_get_ci (index, g_array_index (work->ci_ids, gint64, i));

      if (ci != NULL)
        _cw_schedule_index_collect (index, &index->blackout_index, ci, candidates);
    }

  for (guint i = 0; i < candidates->len; i++)
    {
      CwIndexBlackout *blackout = g_ptr_array_index (index->blackouts, g_array_index (candidates, guint, i));
      g_autofree char *names = NULL;
      CwConflict *conflict;

      if (!(blackout->start < work->end && work->start < blackout->end))
        continue;

      conflict = conflict_add (run, CW_CONFLICT_BLACKOUT,
                               blackout->mode == CW_BLACKOUT_BLOCK ? CW_CONFLICT_ERROR : CW_CONFLICT_WARNING,
                               MAX (work->start, blackout->start), MIN (work->end, blackout->end));
      g_array_append_val (conflict->work_ids, work->id);
      conflict->blackout_id = blackout->id;
      for (guint j = 0; j < work->ci_ids->len; j++)
        {
          CwCiInfo *ci = _cw_schedule_index_get_ci (index, g_array_index (work->ci_ids, gint64, j));

          if (ci != NULL && _cw_scope_rule_covers (&blackout->scope, ci))
            g_array_append_val (conflict->ci_ids, ci->id);
        }
      names = _cw_schedule_index_ci_names (index, conflict->ci_ids);
      if (blackout->mode == CW_BLACKOUT_BLOCK)
        conflict->message = g_strdup_printf (_("“%s” is planned during the blackout “%s”, "
                                               "which blocks changes to %s"),
                                             work->title, blackout->name, names);
      else
        conflict->message = g_strdup_printf (_("“%s” is planned during “%s”, which warns "
                                               "against changes to %s"),
                                             work->title, blackout->name, names);
    }
}

/* 3 and 4. Maintenance windows --------------------------------------------------------- */

static gboolean
check_windows (Run          *run,
               CwIndexWork  *work,
               GArray       *candidates,
               GError      **error)
{
  CwScheduleIndex *index = run->index;
  g_autoptr(GArray) outside = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 time_left = G_MAXINT64;
  CwIndexWindow *tightest = NULL;

  for (guint i = 0; i < work->ci_ids->len; i++)
    {
      CwCiInfo *ci = _cw_schedule_index_get_ci (index, g_array_index (work->ci_ids, gint64, i));
      gboolean contained = FALSE;
      gint64 best_end = G_MININT64;
      CwIndexWindow *best = NULL;

      if (ci == NULL)
        continue;
      g_array_set_size (candidates, 0);
      _cw_schedule_index_next_stamp (index);
      _cw_schedule_index_collect (index, &index->window_index, ci, candidates);
      /* A CI no window covers is not held to windows. */
      if (candidates->len == 0)
        continue;

      for (guint j = 0; j < candidates->len; j++)
        {
          CwIndexWindow *window = g_ptr_array_index (index->windows, g_array_index (candidates, guint, j));
          GArray *occurrences = _cw_schedule_index_occurrences (index, window, error);
          guint found;

          if (occurrences == NULL)
            return FALSE;
          if (!contained)
            contained = _cw_occurrences_find_containing (occurrences, window->max_length,
                                                         work->start, work->end, &found);
          if (work->window_needed > 0
              && _cw_occurrences_find_containing (occurrences, window->max_length,
                                                  work->start, work->start + 1, &found)
              && g_array_index (occurrences, CwOccurrence, found).end > best_end)
            {
              best_end = g_array_index (occurrences, CwOccurrence, found).end;
              best = window;
            }
        }

      if (!contained)
        g_array_append_val (outside, ci->id);
      if (best != NULL && best_end - work->start < time_left)
        {
          time_left = best_end - work->start;
          tightest = best;
        }
    }

  if (outside->len > 0)
    {
      g_autofree char *names = _cw_schedule_index_ci_names (index, outside);
      CwConflict *conflict = conflict_add (run, CW_CONFLICT_OUTSIDE_WINDOW, CW_CONFLICT_ERROR,
                                           work->start, work->end);

      g_array_append_val (conflict->work_ids, work->id);
      g_array_append_vals (conflict->ci_ids, outside->data, outside->len);
      conflict->message = g_strdup_printf (_("“%s” is outside every maintenance window of %s"),
                                           work->title, names);
    }

  if (tightest != NULL && time_left < (gint64) work->window_needed * 60)
    {
      g_autofree char *needed = format_minutes (work->window_needed);
      g_autofree char *left = format_minutes (time_left / 60);
      CwConflict *conflict = conflict_add (run, CW_CONFLICT_WINDOW_TOO_SHORT, CW_CONFLICT_ERROR,
                                           work->start, work->start + time_left);

      g_array_append_val (conflict->work_ids, work->id);
      g_array_append_vals (conflict->ci_ids, work->ci_ids->data, work->ci_ids->len);
      conflict->window_id = tightest->id;
      conflict->message = g_strdup_printf (_("“%s” needs %s with its runbook “%s”, rollback included, "
                                             "but only %s of the window “%s” is left when it starts"),
                                           work->title, needed, work->runbook_name,
                                           left, tightest->name);
    }

  return TRUE;
}

/* The runbook itself: unknown, or longer than the work is booked for. */
static void
check_runbook (Run         *run,
               CwIndexWork *work)
{
  CwConflict *conflict;

  if (work->window_needed < 0)
    {
      conflict = conflict_add (run, CW_CONFLICT_UNKNOWN_RUNBOOK, CW_CONFLICT_WARNING, work->start, work->end);
      g_array_append_val (conflict->work_ids, work->id);
      conflict->message = g_strdup_printf (_("The runbook “%s” of “%s” cannot be found or timed"),
                                           work->runbook_name, work->title);
    }
  else if (work->window_needed > 0 && work->end - work->start < (gint64) work->window_needed * 60)
    {
      g_autofree char *booked = format_minutes ((work->end - work->start) / 60);
      g_autofree char *needed = format_minutes (work->window_needed);

      conflict = conflict_add (run, CW_CONFLICT_WORK_TOO_SHORT, CW_CONFLICT_WARNING, work->start, work->end);
      g_array_append_val (conflict->work_ids, work->id);
      conflict->message = g_strdup_printf (_("“%s” is booked for %s, but its runbook “%s” needs %s, "
                                             "rollback included"),
                                           work->title, booked, work->runbook_name, needed);
    }
}

/* 5. Assignees -------------------------------------------------------------------------- */

static void
check_assignee_pair (Run         *run,
                     CwIndexWork *a,
                     CwIndexWork *b)
{
  CwConflict *conflict = conflict_add (run, CW_CONFLICT_ASSIGNEE, CW_CONFLICT_ERROR,
                                       MAX (a->start, b->start), MIN (a->end, b->end));

  g_array_append_val (conflict->work_ids, a->id);
  g_array_append_val (conflict->work_ids, b->id);
  conflict->assignee = g_strdup (a->assignee);
  conflict->message = g_strdup_printf (_("%s is assigned to both “%s” and “%s” at the same time"),
                                       a->assignee, a->title, b->title);
}

static void
check_assignees (Run *run)
{
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                        (GDestroyNotify) g_ptr_array_unref);
  GHashTableIter iter;
  gpointer value;

  for (guint i = 0; i < run->index->works->len; i++)
    {
      CwIndexWork *work = g_ptr_array_index (run->index->works, i);
      GPtrArray *group;

      if (work->assignee_key == NULL)
        continue;
      group = g_hash_table_lookup (groups, work->assignee_key);
      if (group == NULL)
        {
          group = g_ptr_array_new ();
          g_hash_table_insert (groups, work->assignee_key, group);
        }
      g_ptr_array_add (group, work);
    }

  g_hash_table_iter_init (&iter, groups);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    sweep_pairs (run, value, check_assignee_pair);
}

/* Running it ------------------------------------------------------------------------- */

static int
compare_conflicts (gconstpointer a,
                   gconstpointer b)
{
  const CwConflict *x = *(CwConflict * const *) a;
  const CwConflict *y = *(CwConflict * const *) b;
  gint64 wx, wy;

  if (x->start != y->start)
    return (x->start > y->start) - (x->start < y->start);
  if (x->kind != y->kind)
    return (int) x->kind - (int) y->kind;
  wx = x->work_ids->len > 0 ? g_array_index (x->work_ids, gint64, 0) : 0;
  wy = y->work_ids->len > 0 ? g_array_index (y->work_ids, gint64, 0) : 0;

  return (wx > wy) - (wx < wy);
}

GPtrArray *
_cw_conflicts_run (CwScheduleIndex  *index,
                   GError          **error)
{
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (guint));
  Run run = { index, g_ptr_array_new_with_free_func ((GDestroyNotify) cw_conflict_free) };

  sweep_pairs (&run, index->works, check_pair);
  for (guint i = 0; i < index->works->len; i++)
    {
      CwIndexWork *work = g_ptr_array_index (index->works, i);

      check_blackouts (&run, work, candidates);
      if (!check_windows (&run, work, candidates, error))
        goto failed;
      check_runbook (&run, work);
    }
  check_assignees (&run);
  if (!_cw_conflicts_check_concurrency (index, run.conflicts, candidates, error))
    goto failed;

  g_ptr_array_sort (run.conflicts, compare_conflicts);

  return run.conflicts;

failed:
  g_ptr_array_unref (run.conflicts);
  return NULL;
}

GPtrArray *
cw_schedule_conflicts (CwStore  *store,
                       gint64    from,
                       gint64    to,
                       GError  **error)
{
  CwScheduleIndex *index;
  GPtrArray *conflicts;

  g_return_val_if_fail (CW_IS_STORE (store), NULL);

  index = _cw_schedule_index_load (store, from, to, NULL, 0, NULL, 0, error);
  if (index == NULL)
    return NULL;
  conflicts = _cw_conflicts_run (index, error);
  _cw_schedule_index_free (index);

  return conflicts;
}

GPtrArray *
cw_schedule_check_work (CwStore              *store,
                        const CwPlannedWork  *work,
                        GError              **error)
{
  g_autoptr(GPtrArray) all = NULL;
  CwScheduleIndex *index;
  GPtrArray *conflicts;
  gint64 focus;

  g_return_val_if_fail (CW_IS_STORE (store), NULL);
  g_return_val_if_fail (work != NULL, NULL);

  if (work->end <= work->start)
    {
      g_set_error (error, CW_SCHEDULE_ERROR, CW_SCHEDULE_ERROR_INVALID_INPUT,
                   _("The planned work “%s” ends before it starts"), work->title != NULL ? work->title : "");
      return NULL;
    }

  index = _cw_schedule_index_load (store, work->start, work->end, work, 0, NULL, 0, error);
  if (index == NULL)
    return NULL;
  all = _cw_conflicts_run (index, error);
  _cw_schedule_index_free (index);
  if (all == NULL)
    return NULL;

  /* Only the conflicts the work is in; an unsaved work is 0 again. */
  focus = work->id != 0 ? work->id : -1;
  conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) cw_conflict_free);
  for (guint i = 0; i < all->len; i++)
    {
      CwConflict *conflict = g_ptr_array_index (all, i);
      gboolean mine = FALSE;

      for (guint j = 0; j < conflict->work_ids->len; j++)
        {
          if (g_array_index (conflict->work_ids, gint64, j) == focus)
            {
              g_array_index (conflict->work_ids, gint64, j) = work->id;
              mine = TRUE;
            }
        }
      if (mine)
        g_ptr_array_add (conflicts, g_steal_pointer (&all->pdata[i]));
    }

  return conflicts;
}
