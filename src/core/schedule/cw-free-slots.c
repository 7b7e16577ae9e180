/* cw-free-slots.c: where a change on some CIs fits: the first slots inside
 * maintenance windows that would give it no error-level conflict.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-schedule"

#include "config.h"

#include <glib/gi18n.h>

#include "cw-schedule-private.h"

#define DEFAULT_SLOTS 5
#define HORIZON (366 * CW_SCHEDULE_DAY)

typedef struct
{
  guint window;
  guint occurrence;
} Candidate;

typedef struct
{
  CwScheduleIndex *index;
  CwIndexWork      probe;          /* the work being placed, not in index->works */
  GPtrArray       *ci_windows;     /* per probe CI: GArray of window indices; empty: not held */
  GArray          *windows;        /* window indices covering any probe CI */
  GArray          *blackouts;      /* blackout indices covering any probe CI */
  gint64           length;
} Search;

static void
search_clear (Search *search)
{
  g_clear_pointer (&search->probe.ci_ids, g_array_unref);
  g_clear_pointer (&search->probe.reach, g_array_unref);
  g_clear_pointer (&search->ci_windows, g_ptr_array_unref);
  g_clear_pointer (&search->windows, g_array_unref);
  g_clear_pointer (&search->blackouts, g_array_unref);
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* Each CI held to windows lies in an occurrence of one of its windows. */
static gboolean
covered (Search *search,
         gint64  start,
         gint64  end)
{
  for (guint i = 0; i < search->ci_windows->len; i++)
    {
      GArray *windows = g_ptr_array_index (search->ci_windows, i);
      gboolean inside = windows->len == 0;

      for (guint j = 0; j < windows->len && !inside; j++)
        {
          CwIndexWindow *window = g_ptr_array_index (search->index->windows, g_array_index (windows, guint, j));
          guint found;

          inside = _cw_occurrences_find_containing (window->occurrences, window->max_length, start, end, &found);
        }
      if (!inside)
        return FALSE;
    }

  return TRUE;
}

/* The planned works overlapping [start, end), in start order. */
static void
works_overlapping (CwScheduleIndex *index,
                   gint64           start,
                   gint64           end,
                   GPtrArray       *out)
{
  guint lo = 0, hi = index->works->len;

  g_ptr_array_set_size (out, 0);
  while (lo < hi)
    {
      guint middle = lo + (hi - lo) / 2;

      if (((CwIndexWork *) g_ptr_array_index (index->works, middle))->start < end)
        lo = middle + 1;
      else
        hi = middle;
    }
  for (gint i = (gint) lo - 1; i >= 0; i--)
    {
      CwIndexWork *work = g_ptr_array_index (index->works, i);

      if (work->start < start - index->max_work_length)
        break;
      if (work->end > start)
        g_ptr_array_insert (out, 0, work);
    }
}

static gboolean
touches_probe (Search      *search,
               CwIndexWork *work)
{
  GArray *reach = _cw_schedule_index_reach (search->index, work);
  GArray *probe_reach = _cw_schedule_index_reach (search->index, &search->probe);
  gint64 via;

  for (guint i = 0; i < search->probe.ci_ids->len; i++)
    {
      if (_cw_schedule_reach_lookup (reach, g_array_index (search->probe.ci_ids, gint64, i), &via))
        return TRUE;
    }
  for (guint i = 0; i < work->ci_ids->len; i++)
    {
      if (_cw_schedule_reach_lookup (probe_reach, g_array_index (work->ci_ids, gint64, i), &via))
        return TRUE;
    }

  return FALSE;
}

static gboolean
in_scope (CwScheduleIndex   *index,
          const CwScopeRule *rule,
          CwIndexWork       *work)
{
  for (guint i = 0; i < work->ci_ids->len; i++)
    {
      CwCiInfo *ci = _cw_schedule_index_get_ci (index, g_array_index (work->ci_ids, gint64, i));

      if (ci != NULL && _cw_scope_rule_covers (rule, ci))
        return TRUE;
    }

  return FALSE;
}

/* The most of @works at once within [start, end). */
static guint
most_at_once (GPtrArray *works,
              gint64     start,
              gint64     end)
{
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) ends = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint most = 0, count = 0, e = 0;

  for (guint i = 0; i < works->len; i++)
    {
      CwIndexWork *work = g_ptr_array_index (works, i);
      gint64 s = MAX (work->start, start);
      gint64 f = MIN (work->end, end);

      g_array_append_val (starts, s);
      g_array_append_val (ends, f);
    }
  g_array_sort (starts, compare_gint64);
  g_array_sort (ends, compare_gint64);
  for (guint i = 0; i < starts->len; i++)
    {
      gint64 s = g_array_index (starts, gint64, i);

      while (e < ends->len && g_array_index (ends, gint64, e) <= s)
        {
          e++;
          count--;
        }
      count++;
      most = MAX (most, count);
    }

  return most;
}

static gboolean
within_limits (Search    *search,
               gint64     start,
               gint64     end,
               GPtrArray *overlapping)
{
  CwScheduleIndex *index = search->index;
  g_autoptr(GPtrArray) counted = g_ptr_array_new ();

  for (guint i = 0; i < search->windows->len; i++)
    {
      CwIndexWindow *window = g_ptr_array_index (index->windows, g_array_index (search->windows, guint, i));
      GArray *occurrences = window->occurrences;

      if (window->max_concurrent == 0)
        continue;
      for (guint j = 0; j < occurrences->len; j++)
        {
          const CwOccurrence *occurrence = &g_array_index (occurrences, CwOccurrence, j);
          gint64 from = MAX (start, occurrence->start);
          gint64 to = MIN (end, occurrence->end);

          if (occurrence->start >= end)
            break;
          if (from >= to)
            continue;

          g_ptr_array_set_size (counted, 0);
          for (guint k = 0; k < overlapping->len; k++)
            {
              CwIndexWork *work = g_ptr_array_index (overlapping, k);

              if (work->start < to && work->end > from && in_scope (index, &window->scope, work))
                g_ptr_array_add (counted, work);
            }
          if (most_at_once (counted, from, to) + 1 > window->max_concurrent)
            return FALSE;
        }
    }

  return TRUE;
}

/* No error-level conflict for the probe at [start, end); *warned when a
 * warn-mode blackout covers it. */
static gboolean
slot_is_free (Search   *search,
              gint64    start,
              gint64    end,
              gboolean *warned)
{
  CwScheduleIndex *index = search->index;
  g_autoptr(GPtrArray) overlapping = g_ptr_array_new ();

  *warned = FALSE;
  if (!covered (search, start, end))
    return FALSE;

  for (guint i = 0; i < search->blackouts->len; i++)
    {
      CwIndexBlackout *blackout = g_ptr_array_index (index->blackouts, g_array_index (search->blackouts, guint, i));

      if (!(blackout->start < end && start < blackout->end))
        continue;
      if (blackout->mode == CW_BLACKOUT_BLOCK)
        return FALSE;
      *warned = TRUE;
    }

  works_overlapping (index, start, end, overlapping);
  for (guint i = 0; i < overlapping->len; i++)
    {
      if (touches_probe (search, g_ptr_array_index (overlapping, i)))
        return FALSE;
    }

  return within_limits (search, start, end, overlapping);
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  CwScheduleIndex *index = user_data;
  const Candidate *x = a;
  const Candidate *y = b;
  CwIndexWindow *wx = g_ptr_array_index (index->windows, x->window);
  CwIndexWindow *wy = g_ptr_array_index (index->windows, y->window);
  gint64 sx = g_array_index (wx->occurrences, CwOccurrence, x->occurrence).start;
  gint64 sy = g_array_index (wy->occurrences, CwOccurrence, y->occurrence).start;

  if (sx != sy)
    return (sx > sy) - (sx < sy);

  return (wx->id > wy->id) - (wx->id < wy->id);
}

static gboolean
prepare (Search            *search,
         const CwSlotQuery *query,
         GError           **error)
{
  CwScheduleIndex *index = search->index;

  search->probe.id = -2;
  search->probe.ci_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_vals (search->probe.ci_ids, query->ci_ids, query->n_ci_ids);
  search->ci_windows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  search->windows = g_array_new (FALSE, FALSE, sizeof (guint));
  search->blackouts = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < query->n_ci_ids; i++)
    {
      CwCiInfo *ci = _cw_schedule_index_get_ci (index, query->ci_ids[i]);
      GArray *windows = g_array_new (FALSE, FALSE, sizeof (guint));

      g_ptr_array_add (search->ci_windows, windows);
      if (ci == NULL)
        {
          g_set_error (error, CW_SCHEDULE_ERROR, CW_SCHEDULE_ERROR_UNKNOWN_CI,
                       _("There is no CI with the id %lld"), (long long) query->ci_ids[i]);
          return FALSE;
        }
      _cw_schedule_index_next_stamp (index);
      _cw_schedule_index_collect (index, &index->window_index, ci, windows);
    }

  _cw_schedule_index_next_stamp (index);
  for (guint i = 0; i < query->n_ci_ids; i++)
    _cw_schedule_index_collect (index, &index->window_index,
                                _cw_schedule_index_get_ci (index, query->ci_ids[i]), search->windows);
  _cw_schedule_index_next_stamp (index);
  for (guint i = 0; i < query->n_ci_ids; i++)
    _cw_schedule_index_collect (index, &index->blackout_index,
                                _cw_schedule_index_get_ci (index, query->ci_ids[i]), search->blackouts);

  for (guint i = 0; i < search->windows->len; i++)
    {
      CwIndexWindow *window = g_ptr_array_index (index->windows, g_array_index (search->windows, guint, i));

      if (_cw_schedule_index_occurrences (index, window, error) == NULL)
        return FALSE;
    }

  return TRUE;
}

static void
add_candidate_time (GArray *times,
                    gint64  time,
                    gint64  lower,
                    gint64  upper)
{
  if (time >= lower && time <= upper)
    g_array_append_val (times, time);
}

static GArray *
search_slots (Search            *search,
              const CwSlotQuery *query,
              gint64             after,
              gint64             until,
              guint              wanted)
{
  CwScheduleIndex *index = search->index;
  GArray *slots = g_array_new (FALSE, FALSE, sizeof (CwFreeSlot));
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) overlapping = g_ptr_array_new ();

  for (guint i = 0; i < search->windows->len; i++)
    {
      guint window_index = g_array_index (search->windows, guint, i);
      CwIndexWindow *window = g_ptr_array_index (index->windows, window_index);

      for (guint j = 0; j < window->occurrences->len; j++)
        {
          const CwOccurrence *occurrence = &g_array_index (window->occurrences, CwOccurrence, j);
          Candidate candidate = { window_index, j };

          if (occurrence->end > after && occurrence->start < until)
            g_array_append_val (candidates, candidate);
        }
    }
  g_array_sort_with_data (candidates, compare_candidates, index);

  for (guint i = 0; i < candidates->len && slots->len < wanted; i++)
    {
      const Candidate *candidate = &g_array_index (candidates, Candidate, i);
      CwIndexWindow *window = g_ptr_array_index (index->windows, candidate->window);
      const CwOccurrence *occurrence = &g_array_index (window->occurrences, CwOccurrence, candidate->occurrence);
      gint64 lower = MAX (occurrence->start, after);
      gint64 upper = MIN (occurrence->end, until) - search->length;

      if (lower > upper)
        continue;

      /* Where a slot can start: the occurrence's start, the ends of what is
       * in the way, and where other windows of the CIs begin. */
      g_array_set_size (times, 0);
      g_array_append_val (times, lower);
      works_overlapping (index, lower, occurrence->end, overlapping);
      for (guint j = 0; j < overlapping->len; j++)
        add_candidate_time (times, ((CwIndexWork *) g_ptr_array_index (overlapping, j))->end, lower, upper);
      for (guint j = 0; j < search->blackouts->len; j++)
        add_candidate_time (times, ((CwIndexBlackout *) g_ptr_array_index (index->blackouts,
                                     g_array_index (search->blackouts, guint, j)))->end, lower, upper);
      for (guint j = i + 1; j < candidates->len; j++)
        {
          const Candidate *later = &g_array_index (candidates, Candidate, j);
          CwIndexWindow *other = g_ptr_array_index (index->windows, later->window);
          gint64 start = g_array_index (other->occurrences, CwOccurrence, later->occurrence).start;

          if (start > upper)
            break;
          add_candidate_time (times, start, lower, upper);
        }
      g_array_sort (times, compare_gint64);

      for (guint j = 0; j < times->len; j++)
        {
          gint64 start = g_array_index (times, gint64, j);
          gboolean warned, taken = FALSE;

          if (j > 0 && start == g_array_index (times, gint64, j - 1))
            continue;
          for (guint k = 0; k < slots->len; k++)
            taken |= g_array_index (slots, CwFreeSlot, k).start == start;
          if (taken)
            break;

          if (slot_is_free (search, start, start + search->length, &warned))
            {
              CwFreeSlot slot = { start, start + search->length, window->id,
                                  occurrence->start, occurrence->end, warned };

              g_array_append_val (slots, slot);
              break;
            }
        }
    }

  return slots;
}

GArray *
cw_schedule_free_slots (CwStore            *store,
                        const CwSlotQuery  *query,
                        GError            **error)
{
  Search search = { NULL, };
  guint minutes = 0;
  gint64 after, until;
  GArray *slots = NULL;

  g_return_val_if_fail (CW_IS_STORE (store), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (query->n_ci_ids == 0 || query->ci_ids == NULL)
    {
      g_set_error_literal (error, CW_SCHEDULE_ERROR, CW_SCHEDULE_ERROR_INVALID_INPUT,
                           _("Choose at least one CI to find a slot for"));
      return NULL;
    }
  if (query->runbook_name != NULL && query->runbook_name[0] != '\0')
    {
      if (!cw_schedule_get_window_needed (store, query->runbook_name, query->runbook_version, &minutes, error))
        return NULL;
    }
  else
    minutes = query->duration_min;
  if (minutes == 0)
    {
      g_set_error_literal (error, CW_SCHEDULE_ERROR, CW_SCHEDULE_ERROR_INVALID_INPUT,
                           _("A slot needs a duration, or a runbook that takes time"));
      return NULL;
    }

  after = query->after;
  until = query->until != 0 ? query->until : after + HORIZON;
  if (until <= after)
    {
      g_set_error_literal (error, CW_SCHEDULE_ERROR, CW_SCHEDULE_ERROR_INVALID_INPUT,
                           _("The search for a slot ends before it starts"));
      return NULL;
    }

  search.length = (gint64) minutes * 60;
  search.index = _cw_schedule_index_load (store, after, until, NULL, query->ignore_work_id,
                                          query->ci_ids, query->n_ci_ids, error);
  if (search.index != NULL && prepare (&search, query, error))
    slots = search_slots (&search, query, after, until, query->n_slots != 0 ? query->n_slots : DEFAULT_SLOTS);

  search_clear (&search);
  _cw_schedule_index_free (search.index);

  return slots;
}
