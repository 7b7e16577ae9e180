/* cw-calendar-item.h: what a calendar view draws.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "cw-calendar-types.h"
#include "cw-schedule.h"

G_BEGIN_DECLS

typedef struct
{
  CwConflictSeverity  severity;
  CwConflictKind      kind;
  char               *message;
} CwCalendarItemConflict;

/* Reference counted, immutable once loaded (views share one array). */
struct _CwCalendarItem
{
  CwCalendarItemKind  kind;
  gint64              id;               /* the window, blackout or work */
  gint64              start;            /* UTC */
  gint64              end;
  char               *title;
  char                recurrence_id[20];/* a window occurrence's original start */
  gboolean            warn_only;        /* a warn-mode blackout */
  gboolean            all_day;          /* a blackout given in whole days */
  guint               n_errors;
  guint               n_warnings;
  GPtrArray          *conflicts;        /* (element-type CwCalendarItemConflict) */
};

#define CW_TYPE_CALENDAR_ITEM (cw_calendar_item_get_type ())

GType           cw_calendar_item_get_type        (void) G_GNUC_CONST;
CwCalendarItem *cw_calendar_item_new             (CwCalendarItemKind    kind,
                                                  gint64                id,
                                                  gint64                start,
                                                  gint64                end,
                                                  const char           *title);
CwCalendarItem *cw_calendar_item_ref             (CwCalendarItem       *item);
void            cw_calendar_item_unref           (CwCalendarItem       *item);
void            cw_calendar_item_add_conflict    (CwCalendarItem       *item,
                                                  const CwConflict     *conflict);
gboolean        cw_calendar_item_overlaps        (const CwCalendarItem *item,
                                                  gint64                from,
                                                  gint64                to);
/* Blackouts, then windows, then planned work; by start within a kind. */
int             cw_calendar_item_compare         (gconstpointer         a,
                                                  gconstpointer         b);
const char     *cw_calendar_item_kind_get_label  (CwCalendarItemKind    kind);   /* translated */

/* Everything in [@from, @to): window occurrences, blackouts and planned
 * work, sorted by cw_calendar_item_compare(), with the conflicts of each
 * planned work attached. (element-type CwCalendarItem) */
GPtrArray      *cw_calendar_items_load           (CwStore              *store,
                                                  gint64                from,
                                                  gint64                to,
                                                  GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwCalendarItem, cw_calendar_item_unref)

G_END_DECLS
