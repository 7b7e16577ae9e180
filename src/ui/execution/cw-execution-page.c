/* cw-execution-page.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-execution-page"

#include "config.h"

#include "cw-execution-page.h"

/* An honest empty state until the Execution pane is built. */
struct _CwExecutionPage
{
  CwPage parent_instance;
};

G_DEFINE_FINAL_TYPE (CwExecutionPage, cw_execution_page, CW_TYPE_PAGE)

static void
cw_execution_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CW_TYPE_EXECUTION_PAGE);

  G_OBJECT_CLASS (cw_execution_page_parent_class)->dispose (object);
}

static void
cw_execution_page_class_init (CwExecutionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cw_execution_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/changeward/Changeward/ui/execution/cw-execution-page.ui");
}

static void
cw_execution_page_init (CwExecutionPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
