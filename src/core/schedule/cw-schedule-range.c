/* cw-schedule-range.c: what a calendar shows of a range, read at once: the
 * conflicts' index loads the windows (with their scope rows, exdates and
 * overrides) once, and the occurrences of the range are taken from the
 * same windows, from the expansions the conflicts made where there are.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-schedule"

#include "config.h"

#include "cw-schedule-private.h"

/* The occurrences of every window of @index overlapping [@from, @to): those
 * of an expansion over the index range when the conflicts made one (the
 * same occurrences, over a range holding this one), else expanded here over
 * the range alone. */
static GArray *
collect_occurrences (CwScheduleIndex  *index,
                     gint64            from,
                     gint64            to,
                     GError          **error)
{
  g_autoptr(GArray) out = g_array_new (FALSE, FALSE, sizeof (CwOccurrence));

  for (guint i = 0; i < index->windows->len; i++)
    {
      CwIndexWindow *window = g_ptr_array_index (index->windows, i);
      CwZone *zone;

      if (window->occurrences == NULL)
        {
          zone = _cw_schedule_index_zone (index, window->window->tzid, error);
          if (zone == NULL || !_cw_window_expand_into (window->window, zone, from, to, out, error))
            return NULL;
          continue;
        }

      for (guint j = 0; j < window->occurrences->len; j++)
        {
          const CwOccurrence *occurrence = &g_array_index (window->occurrences, CwOccurrence, j);

          if (occurrence->start >= to)
            break;
          if (occurrence->end > from)
            g_array_append_vals (out, occurrence, 1);
        }
    }
  g_array_sort (out, _cw_occurrence_compare);

  return g_steal_pointer (&out);
}

/**
 * cw_schedule_load_range:
 *
 * Everything a calendar shows of [@from, @to): the windows, their
 * occurrences, the blackouts, the planned work and its conflicts, each as
 * its own function returns it, read in one read transaction.
 */
CwScheduleRange *
cw_schedule_load_range (CwStore  *store,
                        gint64    from,
                        gint64    to,
                        GError  **error)
{
  g_autoptr(CwScheduleRange) range = NULL;
  CwScheduleIndex *index = NULL;
  gboolean ok;

  g_return_val_if_fail (CW_IS_STORE (store), NULL);

  /* One snapshot of the store for every query. */
  if (!cw_store_exec (store, "SAVEPOINT cw_schedule_range", error))
    return NULL;

  range = g_new0 (CwScheduleRange, 1);
  ok = (index = _cw_schedule_index_load (store, from, to, NULL, 0, NULL, 0, error)) != NULL
       && (range->blackouts = cw_schedule_list_blackouts (store, from, to, error)) != NULL
       && (range->works = cw_schedule_list_work (store, from, to, error)) != NULL
       /* The conflicts (which read runbooks) first: the windows they
        * expand are not expanded again. */
       && (range->conflicts = _cw_conflicts_run (index, error)) != NULL
       && (range->occurrences = collect_occurrences (index, from, to, error)) != NULL;
  cw_store_exec (store, "RELEASE cw_schedule_range", NULL);

  if (ok)
    {
      range->windows = g_ptr_array_new_full (index->windows->len, (GDestroyNotify) cw_maint_window_free);
      for (guint i = 0; i < index->windows->len; i++)
        {
          CwIndexWindow *window = g_ptr_array_index (index->windows, i);

          /* The index's name is the window's; the index is freed next. */
          window->name = NULL;
          g_ptr_array_add (range->windows, g_steal_pointer (&window->window));
        }
    }
  _cw_schedule_index_free (index);

  return ok ? g_steal_pointer (&range) : NULL;
}

void
cw_schedule_range_free (CwScheduleRange *range)
{
  if (range == NULL)
    return;

  g_clear_pointer (&range->windows, g_ptr_array_unref);
  g_clear_pointer (&range->occurrences, g_array_unref);
  g_clear_pointer (&range->blackouts, g_ptr_array_unref);
  g_clear_pointer (&range->works, g_ptr_array_unref);
  g_clear_pointer (&range->conflicts, g_ptr_array_unref);
  g_free (range);
}
