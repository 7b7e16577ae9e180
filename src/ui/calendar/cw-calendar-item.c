/* cw-calendar-item.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-calendar-item"

#include "config.h"

#include <glib/gi18n.h>

#include "cw-calendar-item.h"

/* The views never read the store: the page loads the items of the range
 * once and hands the same array to the view shown. */

typedef struct
{
  CwCalendarItem   item;
  gatomicrefcount  ref_count;
} ItemBox;

G_DEFINE_BOXED_TYPE (CwCalendarItem, cw_calendar_item, cw_calendar_item_ref, cw_calendar_item_unref)

static void
conflict_free (gpointer data)
{
  CwCalendarItemConflict *conflict = data;

  g_free (conflict->message);
  g_free (conflict);
}

CwCalendarItem *
cw_calendar_item_new (CwCalendarItemKind  kind,
                      gint64              id,
                      gint64              start,
                      gint64              end,
                      const char         *title)
{
  ItemBox *box = g_new0 (ItemBox, 1);

  g_atomic_ref_count_init (&box->ref_count);
  box->item.kind = kind;
  box->item.id = id;
  box->item.start = start;
  box->item.end = MAX (end, start);
  box->item.title = g_strdup (title != NULL ? title : "");
  box->item.conflicts = g_ptr_array_new_with_free_func (conflict_free);

  return &box->item;
}

CwCalendarItem *
cw_calendar_item_ref (CwCalendarItem *item)
{
  g_return_val_if_fail (item != NULL, NULL);

  g_atomic_ref_count_inc (&((ItemBox *) item)->ref_count);
  return item;
}

void
cw_calendar_item_unref (CwCalendarItem *item)
{
  ItemBox *box = (ItemBox *) item;

  g_return_if_fail (item != NULL);

  if (!g_atomic_ref_count_dec (&box->ref_count))
    return;

  g_free (item->title);
  g_ptr_array_unref (item->conflicts);
  g_free (box);
}

void
cw_calendar_item_add_conflict (CwCalendarItem   *item,
                               const CwConflict *conflict)
{
  CwCalendarItemConflict *copy;

  g_return_if_fail (item != NULL);
  g_return_if_fail (conflict != NULL);

  copy = g_new0 (CwCalendarItemConflict, 1);
  copy->severity = conflict->severity;
  copy->kind = conflict->kind;
  copy->message = g_strdup (conflict->message);
  /* Errors first: the details popover lists them in this order. */
  if (conflict->severity == CW_CONFLICT_ERROR)
    {
      g_ptr_array_insert (item->conflicts, item->n_errors, copy);
      item->n_errors++;
    }
  else
    {
      g_ptr_array_add (item->conflicts, copy);
      item->n_warnings++;
    }
}

gboolean
cw_calendar_item_overlaps (const CwCalendarItem *item,
                           gint64                from,
                           gint64                to)
{
  if (item->start == item->end)
    return item->start >= from && item->start < to;

  return item->start < to && from < item->end;
}

int
cw_calendar_item_compare (gconstpointer a,
                          gconstpointer b)
{
  const CwCalendarItem *ia = *(const CwCalendarItem * const *) a;
  const CwCalendarItem *ib = *(const CwCalendarItem * const *) b;
  static const int order[] = { 1, 0, 2 };

  if (ia->kind != ib->kind)
    return order[ia->kind] - order[ib->kind];
  if (ia->start != ib->start)
    return ia->start < ib->start ? -1 : 1;
  if (ia->end != ib->end)
    return ia->end > ib->end ? -1 : 1;
  if (ia->id != ib->id)
    return ia->id < ib->id ? -1 : 1;
  return 0;
}

const char *
cw_calendar_item_kind_get_label (CwCalendarItemKind kind)
{
  switch (kind)
    {
    case CW_CALENDAR_ITEM_WINDOW:
      return _("Maintenance Window");
    case CW_CALENDAR_ITEM_BLACKOUT:
      return _("Blackout");
    case CW_CALENDAR_ITEM_WORK:
      return _("Planned Work");
    default:
      return "";
    }
}

GPtrArray *
cw_calendar_items_load (CwStore  *store,
                        gint64    from,
                        gint64    to,
                        GError  **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) cw_calendar_item_unref);
  g_autoptr(CwScheduleRange) range = NULL;
  g_autoptr(GHashTable) names = NULL;
  g_autoptr(GHashTable) work_items = NULL;

  g_return_val_if_fail (CW_IS_STORE (store), NULL);

  /* Windows, their occurrences, blackouts, work and conflicts in one read:
   * each window is read once. */
  range = cw_schedule_load_range (store, from, to, error);
  if (range == NULL)
    return NULL;

  names = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < range->windows->len; i++)
    {
      CwMaintWindow *window = g_ptr_array_index (range->windows, i);

      g_hash_table_insert (names, &window->id, window->name);
    }

  for (guint i = 0; i < range->occurrences->len; i++)
    {
      const CwOccurrence *occurrence = &g_array_index (range->occurrences, CwOccurrence, i);
      CwCalendarItem *item;

      item = cw_calendar_item_new (CW_CALENDAR_ITEM_WINDOW, occurrence->window_id,
                                   occurrence->start, occurrence->end,
                                   g_hash_table_lookup (names, &occurrence->window_id));
      g_strlcpy (item->recurrence_id, occurrence->recurrence_id, sizeof item->recurrence_id);
      g_ptr_array_add (items, item);
    }

  for (guint i = 0; i < range->blackouts->len; i++)
    {
      CwBlackout *blackout = g_ptr_array_index (range->blackouts, i);
      CwCalendarItem *item;

      item = cw_calendar_item_new (CW_CALENDAR_ITEM_BLACKOUT, blackout->id,
                                   blackout->start, blackout->end, blackout->name);
      item->warn_only = blackout->mode == CW_BLACKOUT_WARN;
      item->all_day = blackout->all_day;
      g_ptr_array_add (items, item);
    }

  work_items = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < range->works->len; i++)
    {
      CwPlannedWork *work = g_ptr_array_index (range->works, i);
      CwCalendarItem *item;

      item = cw_calendar_item_new (CW_CALENDAR_ITEM_WORK, work->id, work->start, work->end, work->title);
      g_hash_table_insert (work_items, &item->id, item);
      g_ptr_array_add (items, item);
    }

  for (guint i = 0; i < range->conflicts->len; i++)
    {
      const CwConflict *conflict = g_ptr_array_index (range->conflicts, i);

      for (guint j = 0; j < conflict->work_ids->len; j++)
        {
          gint64 work_id = g_array_index (conflict->work_ids, gint64, j);
          CwCalendarItem *item = g_hash_table_lookup (work_items, &work_id);

          if (item != NULL)
            cw_calendar_item_add_conflict (item, conflict);
        }
    }

  g_ptr_array_sort (items, cw_calendar_item_compare);

  return g_steal_pointer (&items);
}
