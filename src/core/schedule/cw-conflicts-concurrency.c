/* cw-conflicts-concurrency.c: more planned works at once in a window
 * occurrence than the window allows.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-schedule"

#include "config.h"

#include <glib/gi18n.h>

#include "cw-schedule-private.h"

/* One planned work in one window occurrence with a limit. */
typedef struct
{
  guint window;
  guint occurrence;
  guint work;
} Booking;

static int
compare_bookings (gconstpointer a,
                  gconstpointer b)
{
  const Booking *x = a;
  const Booking *y = b;

  if (x->window != y->window)
    return (x->window > y->window) - (x->window < y->window);
  if (x->occurrence != y->occurrence)
    return (x->occurrence > y->occurrence) - (x->occurrence < y->occurrence);

  return (x->work > y->work) - (x->work < y->work);
}

/* Appends the bookings of @work in occurrences of limited windows covering
 * one of its CIs. */
static gboolean
book_work (CwScheduleIndex  *index,
           guint             work_index,
           GArray       *candidates,
           GArray       *bookings,
           GError      **error)
{
  CwIndexWork *work = g_ptr_array_index (index->works, work_index);

  g_array_set_size (candidates, 0);
  _cw_schedule_index_next_stamp (index);
  for (guint i = 0; i < work->ci_ids->len; i++)
    {
      CwCiInfo *ci = _cw_schedule_index_get_ci (index, g_array_index (work->ci_ids, gint64, i));

      if (ci != NULL)
        _cw_schedule_index_collect (index, &index->window_index, ci, candidates);
    }

  for (guint i = 0; i < candidates->len; i++)
    {
      guint window_index = g_array_index (candidates, guint, i);
      CwIndexWindow *window = g_ptr_array_index (index->windows, window_index);
      GArray *occurrences;
      guint lo = 0, hi;

      if (window->max_concurrent == 0)
        continue;
      occurrences = _cw_schedule_index_occurrences (index, window, error);
      if (occurrences == NULL)
        return FALSE;

      /* Occurrences starting before the work ends, back as far as one can reach it. */
      hi = occurrences->len;
      while (lo < hi)
        {
          guint middle = lo + (hi - lo) / 2;

          if (g_array_index (occurrences, CwOccurrence, middle).start < work->end)
            lo = middle + 1;
          else
            hi = middle;
        }
      for (gint j = (gint) lo - 1; j >= 0; j--)
        {
          const CwOccurrence *occurrence = &g_array_index (occurrences, CwOccurrence, j);
          Booking booking = { window_index, (guint) j, work_index };

          if (occurrence->start < work->start - window->max_length)
            break;
          if (occurrence->end > work->start)
            g_array_append_val (bookings, booking);
        }
    }

  return TRUE;
}

typedef struct
{
  gint64 time;
  int    delta;   /* -1 end, +1 start: ends first at the same time */
  guint  work;
} Event;

static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  const Event *x = a;
  const Event *y = b;

  if (x->time != y->time)
    return (x->time > y->time) - (x->time < y->time);

  return x->delta - y->delta;
}

static void
check_occurrence (CwScheduleIndex *index,
                  GPtrArray       *conflicts,
                  const Booking   *bookings,
                  guint            n)
{
  CwIndexWindow *window = g_ptr_array_index (index->windows, bookings[0].window);
  const CwOccurrence *occurrence = &g_array_index (window->occurrences, CwOccurrence, bookings[0].occurrence);
  g_autoptr(GArray) events = g_array_new (FALSE, FALSE, sizeof (Event));
  g_autoptr(GArray) active = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) involved = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint peak = 0;
  CwConflict *conflict;

  if (n <= window->max_concurrent)
    return;

  for (guint i = 0; i < n; i++)
    {
      CwIndexWork *work = g_ptr_array_index (index->works, bookings[i].work);
      Event start = { MAX (work->start, occurrence->start), +1, bookings[i].work };
      Event end = { MIN (work->end, occurrence->end), -1, bookings[i].work };

      g_array_append_val (events, start);
      g_array_append_val (events, end);
    }
  g_array_sort (events, compare_events);

  for (guint i = 0; i < events->len; i++)
    {
      const Event *event = &g_array_index (events, Event, i);

      if (event->delta < 0)
        {
          for (guint j = 0; j < active->len; j++)
            {
              if (g_array_index (active, guint, j) == event->work)
                {
                  g_array_remove_index_fast (active, j);
                  break;
                }
            }
          continue;
        }

      g_array_append_val (active, event->work);
      if (active->len > window->max_concurrent)
        {
          peak = MAX (peak, active->len);
          for (guint j = 0; j < active->len; j++)
            _cw_ids_add (involved, ((CwIndexWork *) g_ptr_array_index (index->works,
                                                                  g_array_index (active, guint, j)))->id);
        }
    }
  if (peak == 0)
    return;

  conflict = _cw_conflict_add (conflicts, CW_CONFLICT_CONCURRENCY, CW_CONFLICT_ERROR, occurrence->start, occurrence->end);
  g_array_append_vals (conflict->work_ids, involved->data, involved->len);
  conflict->window_id = window->id;
  conflict->message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                    "%u planned works run at once in “%s”, which allows %u",
                                                    "%u planned works run at once in “%s”, which allows %u",
                                                    peak),
                                       peak, window->name, window->max_concurrent);
}

gboolean
_cw_conflicts_check_concurrency (CwScheduleIndex  *index,
                                 GPtrArray        *conflicts,
                                 GArray           *candidates,
                                 GError          **error)
{
  g_autoptr(GArray) bookings = g_array_new (FALSE, FALSE, sizeof (Booking));
  guint first = 0;

  for (guint i = 0; i < index->works->len; i++)
    {
      if (!book_work (index, i, candidates, bookings, error))
        return FALSE;
    }
  g_array_sort (bookings, compare_bookings);

  for (guint i = 1; i <= bookings->len; i++)
    {
      const Booking *a = &g_array_index (bookings, Booking, first);

      if (i < bookings->len
          && g_array_index (bookings, Booking, i).window == a->window
          && g_array_index (bookings, Booking, i).occurrence == a->occurrence)
        continue;
      check_occurrence (index, conflicts, a, i - first);
      first = i;
    }

  return TRUE;
}
