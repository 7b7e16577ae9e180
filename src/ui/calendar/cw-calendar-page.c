/* cw-calendar-page.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-calendar-page"

#include "config.h"

#include "cw-calendar-page.h"

/* An honest empty state until the Calendar pane is built. */
struct _CwCalendarPage
{
  CwPage parent_instance;
};

G_DEFINE_FINAL_TYPE (CwCalendarPage, cw_calendar_page, CW_TYPE_PAGE)

static void
cw_calendar_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CW_TYPE_CALENDAR_PAGE);

  G_OBJECT_CLASS (cw_calendar_page_parent_class)->dispose (object);
}

static void
cw_calendar_page_class_init (CwCalendarPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cw_calendar_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/changeward/Changeward/ui/calendar/cw-calendar-page.ui");
}

static void
cw_calendar_page_init (CwCalendarPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
