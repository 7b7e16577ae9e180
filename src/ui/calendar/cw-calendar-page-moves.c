/* cw-calendar-page-moves.c: planned work dragged in the Calendar pane: its
 * conflicts checked at each step, the move saved on the drop, with Undo.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-calendar-page"

#include "config.h"

#include <glib/gi18n.h>

#include "cw-calendar-page-private.h"

static void
on_item_dragged_cb (CwCalendarPage *self,
                    CwCalendarItem *item,
                    gint64          new_start,
                    CwCalendarView *view)
{
  CwStore *store = _cw_calendar_page_get_store (self);
  g_autoptr(CwPlannedWork) work = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  guint n_errors = 0, n_warnings = 0;
  gint64 length;

  if (store == NULL || item->kind != CW_CALENDAR_ITEM_WORK)
    return;

  work = cw_schedule_get_work (store, item->id, &error);
  if (work == NULL)
    return;

  length = work->end - work->start;
  work->start = new_start;
  work->end = new_start + length;
  conflicts = cw_schedule_check_work (store, work, &error);
  for (guint i = 0; conflicts != NULL && i < conflicts->len; i++)
    {
      const CwConflict *conflict = g_ptr_array_index (conflicts, i);

      if (conflict->severity == CW_CONFLICT_ERROR)
        n_errors++;
      else
        n_warnings++;
    }

  cw_calendar_view_set_drag_conflicts (view, n_errors, n_warnings);
}

typedef struct
{
  GWeakRef  page;
  gint64    work_id;
  gint64    start;
  gint64    end;
} UndoMove;

static void
undo_move_free (gpointer data)
{
  UndoMove *undo = data;

  g_weak_ref_clear (&undo->page);
  g_free (undo);
}

static gboolean
set_work_times (CwCalendarPage  *self,
                gint64           work_id,
                gint64           start,
                gint64           end,
                GError         **error)
{
  CwStore *store = _cw_calendar_page_get_store (self);
  g_autoptr(CwPlannedWork) work = NULL;

  work = cw_schedule_get_work (store, work_id, error);
  if (work == NULL)
    return FALSE;

  work->start = start;
  work->end = end;
  return cw_schedule_update_work (store, work, error);
}

static void
on_undo_move_cb (AdwToast *toast,
                 gpointer  data)
{
  UndoMove *undo = data;
  g_autoptr(CwCalendarPage) self = g_weak_ref_get (&undo->page);
  g_autoptr(GError) error = NULL;

  if (self == NULL)
    return;

  if (!set_work_times (self, undo->work_id, undo->start, undo->end, &error))
    _cw_calendar_page_show_error (self, error);
  _cw_calendar_page_load_range (self, TRUE);
}

static void
on_item_moved_cb (CwCalendarPage *self,
                  CwCalendarItem *item,
                  gint64          new_start,
                  CwCalendarView *view)
{
  CwStore *store = _cw_calendar_page_get_store (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *escaped = NULL;
  UndoMove *undo;
  AdwToast *toast;
  gint64 length = item->end - item->start;

  if (store == NULL || item->kind != CW_CALENDAR_ITEM_WORK || new_start == item->start)
    return;

  undo = g_new0 (UndoMove, 1);
  g_weak_ref_init (&undo->page, self);
  undo->work_id = item->id;
  undo->start = item->start;
  undo->end = item->end;
  /* Translators: a toast after planned work was dragged; %s is its title */
  message = g_strdup_printf (_("Moved “%s”"), item->title);

  if (!set_work_times (self, item->id, new_start, new_start + length, &error))
    {
      undo_move_free (undo);
      _cw_calendar_page_show_error (self, error);
      _cw_calendar_page_load_range (self, TRUE);
      return;
    }

  _cw_calendar_page_load_range (self, TRUE);

  escaped = g_markup_escape_text (message, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_move_cb), undo,
                         (GClosureNotify) (void (*) (void)) undo_move_free, 0);
  _cw_calendar_page_present_toast (self, toast);
}

void
_cw_calendar_page_bind_move_callbacks (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_item_dragged_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_item_moved_cb);
}
