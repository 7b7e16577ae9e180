/* cw-inventory-page.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-inventory-page"

#include "config.h"

#include <glib/gi18n.h>

#include "cw-inventory-page.h"

/* An honest empty state until the Inventory pane is built: it says what the
 * workspace holds, counted off the main thread. */
struct _CwInventoryPage
{
  CwPage          parent_instance;

  /* Borrowed: the template's child. It is not bound, because
   * gtk_widget_dispose_template() would unparent it before AdwBin does. */
  AdwStatusPage  *status_page;

  /* Owned */
  GCancellable   *cancellable;
};

G_DEFINE_FINAL_TYPE (CwInventoryPage, cw_inventory_page, CW_TYPE_PAGE)

typedef struct
{
  gint64 cis;
  gint64 sites;
} Counts;

static void
count_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  CwStore *store = task_data;
  GError *error = NULL;
  Counts *counts = g_new0 (Counts, 1);

  counts->cis = cw_store_count_table (store, "cis", &error);
  if (counts->cis >= 0)
    counts->sites = cw_store_count_table (store, "sites", &error);

  if (error != NULL)
    {
      g_free (counts);
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, counts, g_free);
}

static void
on_counted_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(CwInventoryPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree Counts *counts = NULL;
  g_autofree char *text = NULL;

  counts = g_task_propagate_pointer (G_TASK (result), &error);
  if (counts == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Could not count the inventory: %s", error->message);
      return;
    }

  if (counts->cis == 0)
    text = g_strdup (_("This workspace holds no configuration items yet. "
                       "Importing them is not available in this version yet."));
  else
    {
      g_autofree char *held = NULL;

      held = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "This workspace holds %'lld configuration item "
                                           "at %lld sites.",
                                           "This workspace holds %'lld configuration items "
                                           "at %lld sites.",
                                           (gulong) counts->cis),
                              (long long) counts->cis, (long long) counts->sites);
      text = g_strconcat (held, " ",
                          _("Browsing, searching and importing them are not available "
                            "in this version yet."), NULL);
    }

  adw_status_page_set_description (self->status_page, text);
}

static void
cw_inventory_page_constructed (GObject *object)
{
  CwInventoryPage *self = (CwInventoryPage *)object;
  CwContext *context;
  g_autoptr(GTask) task = NULL;

  G_OBJECT_CLASS (cw_inventory_page_parent_class)->constructed (object);

  context = cw_page_get_context (CW_PAGE (self));
  if (context == NULL)
    return;

  task = g_task_new (NULL, self->cancellable, on_counted_cb, g_object_ref (self));
  g_task_set_source_tag (task, cw_inventory_page_constructed);
  g_task_set_task_data (task, g_object_ref (cw_context_get_store (context)), g_object_unref);
  g_task_run_in_thread (task, count_thread);
}

static void
cw_inventory_page_dispose (GObject *object)
{
  CwInventoryPage *self = (CwInventoryPage *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), CW_TYPE_INVENTORY_PAGE);

  G_OBJECT_CLASS (cw_inventory_page_parent_class)->dispose (object);
}

static void
cw_inventory_page_class_init (CwInventoryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cw_inventory_page_constructed;
  object_class->dispose = cw_inventory_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/changeward/Changeward/ui/inventory/cw-inventory-page.ui");
}

static void
cw_inventory_page_init (CwInventoryPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->status_page = ADW_STATUS_PAGE (adw_bin_get_child (ADW_BIN (self)));
  self->cancellable = g_cancellable_new ();
}
