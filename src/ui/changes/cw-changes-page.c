/* cw-changes-page.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-changes-page"

#include "config.h"

#include "cw-changes-page.h"

/* An honest empty state until the Changes pane is built. */
struct _CwChangesPage
{
  CwPage parent_instance;
};

G_DEFINE_FINAL_TYPE (CwChangesPage, cw_changes_page, CW_TYPE_PAGE)

static void
cw_changes_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CW_TYPE_CHANGES_PAGE);

  G_OBJECT_CLASS (cw_changes_page_parent_class)->dispose (object);
}

static void
cw_changes_page_class_init (CwChangesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cw_changes_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/changeward/Changeward/ui/changes/cw-changes-page.ui");
}

static void
cw_changes_page_init (CwChangesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
