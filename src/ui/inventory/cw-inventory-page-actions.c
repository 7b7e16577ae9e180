/* cw-inventory-page-actions.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-inventory-page-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "cw-inventory-export.h"
#include "cw-inventory-import-dialog.h"
#include "cw-inventory-page-private.h"
#include "cw-window.h"

/* The actions of the Inventory pane ("inventory.*") and its keys: Ctrl+F
 * focuses the search from anywhere in the window while the pane is shown,
 * Enter in the list opens the details (the column view's "activate"), F9
 * shows and Escape hides them. Import opens the import dialog; Export
 * writes what the search and filters select, in their order. */

static gboolean
focus_search_shortcut_cb (GtkWidget *widget,
                          GVariant  *args,
                          gpointer   user_data)
{
  /* The shortcut is the window's while the pane is shown, and no one's when
   * another pane is. */
  if (!gtk_widget_get_mapped (widget))
    return FALSE;

  return gtk_widget_activate_action (widget, "inventory.focus-search", NULL);
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  CwInventoryPage *self = CW_INVENTORY_PAGE (widget);

  gtk_toggle_button_set_active (self->items_button, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

static void
clear_all_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  CwInventoryPage *self = CW_INVENTORY_PAGE (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_activate_action (widget, "inventory.clear-filters", NULL);
}

static void
show_details_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  CwInventoryPage *self = CW_INVENTORY_PAGE (widget);

  _cw_inventory_page_show_details (self, _cw_inventory_page_get_selected_id (self));
}

static void
hide_details_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  gtk_toggle_button_set_active (CW_INVENTORY_PAGE (widget)->details_button, FALSE);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  CwInventoryPage *self = CW_INVENTORY_PAGE (widget);
  CwInventoryImportDialog *dialog;

  if (self->workspace_path == NULL)
    return;

  if (self->import_dialog != NULL)
    {
      gtk_window_present (self->import_dialog);
      return;
    }

  dialog = cw_inventory_import_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                           self->workspace_path);
  g_signal_connect_object (dialog, "imported", G_CALLBACK (_cw_inventory_page_reload), self,
                           G_CONNECT_SWAPPED);

  self->import_dialog = GTK_WINDOW (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->import_dialog);

  gtk_window_present (GTK_WINDOW (dialog));
  cw_inventory_import_dialog_choose_file (dialog);
}

static void
add_toast (CwInventoryPage *self,
           const char      *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (CW_IS_WINDOW (root))
    cw_window_add_toast (CW_WINDOW (root), message);
}

static void
on_exported_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(CwInventoryPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint n_written = 0;

  if (!cw_inventory_export_finish (result, &n_written, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      /* Translators: a toast; the reason follows */
      message = g_strdup_printf (_("Could not export: %s"), error->message);
    }
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Exported %'u configuration item",
                                            "Exported %'u configuration items",
                                            n_written),
                               n_written);

  add_toast (self, message);
}

static void
on_export_response_cb (CwInventoryPage *self,
                       int              response,
                       GtkNativeDialog *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  g_clear_object (&self->export_chooser);

  if (file != NULL)
    _cw_inventory_page_export (self, file);
}

/* Writes what the search and filters select, in the list's order; a toast
 * says how many. */
void
_cw_inventory_page_export (CwInventoryPage *self,
                           GFile           *file)
{
  g_return_if_fail (CW_IS_INVENTORY_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->workspace_path == NULL)
    return;

  cw_inventory_export_async (self->workspace_path, self->query, file, self->cancellable,
                             on_exported_cb, g_object_ref (self));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  CwInventoryPage *self = CW_INVENTORY_PAGE (widget);
  g_autoptr(GtkFileFilter) filter = NULL;

  if (self->export_chooser != NULL)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->export_chooser));
      return;
    }

  self->export_chooser = gtk_file_chooser_native_new (_("Export Configuration Items"),
                                                      GTK_WINDOW (gtk_widget_get_root (widget)),
                                                      GTK_FILE_CHOOSER_ACTION_SAVE,
                                                      _("_Export"),
                                                      _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->export_chooser), TRUE);
  /* Translators: the file name an export suggests */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->export_chooser), _("inventory.csv"));

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("CSV Files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->export_chooser), filter);

  g_signal_connect_object (self->export_chooser, "response",
                           G_CALLBACK (on_export_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->export_chooser));
}

/* Hands what the search and filters select to the Compatibility check. */
static void
check_compat_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  CwInventoryPage *self = CW_INVENTORY_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GArray) ids = NULL;
  GArray *found;

  if (!CW_IS_WINDOW (root) || self->model == NULL)
    return;

  found = cw_ci_list_model_get_ids (self->model);
  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), found != NULL ? found->len : 0);
  for (guint i = 0; found != NULL && i < found->len; i++)
    {
      gint64 id = g_array_index (found, guint32, i);

      g_array_append_val (ids, id);
    }

  cw_window_check_compat (CW_WINDOW (root), (const gint64 *) ids->data, ids->len);
}

void
_cw_inventory_page_actions_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "inventory.focus-search", NULL, focus_search_action);
  gtk_widget_class_install_action (widget_class, "inventory.clear-all", NULL, clear_all_action);
  gtk_widget_class_install_action (widget_class, "inventory.show-details", NULL, show_details_action);
  gtk_widget_class_install_action (widget_class, "inventory.hide-details", NULL, hide_details_action);
  gtk_widget_class_install_action (widget_class, "inventory.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "inventory.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "inventory.check-compat", NULL, check_compat_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0,
                                       "inventory.hide-details", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0,
                                       "inventory.show-details", NULL);
}

void
_cw_inventory_page_actions_init (CwInventoryPage *self)
{
  GtkEventController *controller;
  GtkShortcut *shortcut;

  /* Ctrl+F is managed by the window, so it works wherever the focus is. */
  controller = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller),
                                     GTK_SHORTCUT_SCOPE_MANAGED);
  shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_f, GDK_CONTROL_MASK),
                               gtk_callback_action_new (focus_search_shortcut_cb, NULL, NULL));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  _cw_inventory_page_actions_update (self);
}

void
_cw_inventory_page_actions_update (CwInventoryPage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "inventory.export", self->n_results > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "inventory.import",
                                 self->workspace_path != NULL);
}

void
_cw_inventory_page_actions_dispose (CwInventoryPage *self)
{
  if (self->export_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->export_chooser));
  g_clear_object (&self->export_chooser);

  if (self->import_dialog != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->import_dialog),
                                    (gpointer *) &self->import_dialog);
      self->import_dialog = NULL;
    }
}
