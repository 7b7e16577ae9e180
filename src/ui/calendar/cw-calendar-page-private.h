/* cw-calendar-page-private.h: shared by the page and its actions.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cw-calendar-month-view.h"
#include "cw-calendar-page.h"
#include "cw-calendar-week-view.h"

G_BEGIN_DECLS

struct _CwCalendarPage
{
  CwPage                parent_instance;

  /* Template widgets */
  GtkStack             *content_stack;
  GtkLabel             *title_label;
  GtkToggleButton      *month_button;
  GtkToggleButton      *week_button;
  GtkToggleButton      *day_button;
  GtkDropDown          *zone_dropdown;
  GtkStack             *view_stack;
  CwCalendarMonthView  *month_view;
  CwCalendarWeekView   *week_view;
  CwCalendarWeekView   *day_view;

  /* Owned */
  GTimeZone            *zone;
  GPtrArray            *zone_ids;      /* (element-type utf8), "" for the local zone */
  GPtrArray            *items;         /* the range shown */
  gint64                loaded_from;
  gint64                loaded_to;
  guint32               date;
  GtkFileChooserNative *chooser;
  gboolean              import_as_blackouts;
  char                 *import_site;
  gboolean              import_warn;

  /* Borrowed, weak */
  GtkPopover           *details;
  GtkWindow            *dialog;
};

CwStore   *_cw_calendar_page_get_store           (CwCalendarPage *self);
char      *_cw_calendar_page_dup_zone_id         (CwCalendarPage *self);   /* IANA name, "" local */
void       _cw_calendar_page_toast               (CwCalendarPage *self,
                                                  const char     *message);
void       _cw_calendar_page_present_toast       (CwCalendarPage *self,
                                                  AdwToast       *toast);  /* taken */
void       _cw_calendar_page_show_error          (CwCalendarPage *self,
                                                  const GError   *error);
void       _cw_calendar_page_set_dialog          (CwCalendarPage *self,
                                                  GtkWindow      *dialog);
void       _cw_calendar_page_load_range          (CwCalendarPage *self,
                                                  gboolean        force);

/* cw-calendar-page-actions.c */
void       _cw_calendar_page_install_actions     (GtkWidgetClass *widget_class);
/* cw-calendar-page-moves.c: the views' "item-dragged" and "item-moved" */
void       _cw_calendar_page_bind_move_callbacks (GtkWidgetClass *widget_class);

G_END_DECLS
