/* cw-compat-page.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-compat-page"

#include "config.h"

#include "cw-compat-page.h"

/* An honest empty state until the Compatibility pane is built. */
struct _CwCompatPage
{
  CwPage parent_instance;
};

G_DEFINE_FINAL_TYPE (CwCompatPage, cw_compat_page, CW_TYPE_PAGE)

static void
cw_compat_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CW_TYPE_COMPAT_PAGE);

  G_OBJECT_CLASS (cw_compat_page_parent_class)->dispose (object);
}

static void
cw_compat_page_class_init (CwCompatPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cw_compat_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/changeward/Changeward/ui/compat/cw-compat-page.ui");
}

static void
cw_compat_page_init (CwCompatPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
