/* cw-inventory-components.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-inventory-details"

#include "config.h"

#include <glib/gi18n.h>

#include "cw-compat.h"
#include "cw-inventory-components.h"
#include "cw-window.h"

typedef void (*ChangedFunc) (gpointer user_data);

/* What a remove button or the popover needs. */
typedef struct
{
  CwStore     *store;
  gint64       ci_id;
  gint64       product_id;
  ChangedFunc  changed;
  gpointer     user_data;
  GPtrArray   *products;     /* CwCompatProduct, for the popover */
  GtkDropDown *dropdown;
  GtkEntry    *entry;
  GtkLabel    *error_label;
} Edit;

static void
edit_free (gpointer data)
{
  Edit *edit = data;

  g_clear_object (&edit->store);
  g_clear_pointer (&edit->products, g_ptr_array_unref);
  g_free (edit);
}

static void
report_error (GtkWidget    *widget,
              const GError *error)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (CW_IS_WINDOW (root))
    cw_window_show_error (CW_WINDOW (root), error);
}

static void
on_remove_clicked_cb (GtkButton *button,
                      Edit      *edit)
{
  g_autoptr(GError) error = NULL;

  if (!cw_compat_set_component (edit->store, edit->ci_id, edit->product_id, NULL, &error))
    {
      report_error (GTK_WIDGET (button), error);
      return;
    }

  edit->changed (edit->user_data);
}

void
_cw_inventory_components_fill (GtkListBox *list,
                               CwStore    *store,
                               CwCi       *ci,
                               GCallback   changed,
                               gpointer    user_data)
{
  g_autoptr(GPtrArray) components = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);

  components = cw_compat_list_components (store, ci, &error);
  if (components == NULL)
    {
      g_debug ("Cannot read the products of CI %" G_GINT64_FORMAT ": %s",
               cw_ci_get_id (ci), error->message);
      return;
    }

  for (guint i = 0; i < components->len; i++)
    {
      const CwCompatComponent *component = g_ptr_array_index (components, i);
      const char *version = component->version[0] != '\0' ? component->version : _("Version unknown");
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), component->product_name);

      if (component->explicit)
        {
          Edit *edit = g_new0 (Edit, 1);
          GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");
          /* Translators: a product a CI runs, listed by hand; %s is its version */
          g_autofree char *subtitle = g_strdup_printf (_("%s · listed by hand"), version);
          /* Translators: %s is a product name */
          g_autofree char *tooltip = g_strdup_printf (_("Remove %s"), component->product_name);

          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
          edit->store = g_object_ref (store);
          edit->ci_id = cw_ci_get_id (ci);
          edit->product_id = component->product_id;
          edit->changed = (ChangedFunc) changed;
          edit->user_data = user_data;
          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_widget_set_tooltip_text (button, tooltip);
          gtk_widget_add_css_class (button, "flat");
          g_signal_connect_data (button, "clicked", G_CALLBACK (on_remove_clicked_cb), edit,
                                 (GClosureNotify) (void (*) (void)) edit_free, 0);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        }
      else
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), version);

      gtk_list_box_append (list, row);
    }
}

static void
on_add_clicked_cb (GtkWidget *widget,
                   Edit      *edit)
{
  g_autoptr(GError) error = NULL;
  guint position = gtk_drop_down_get_selected (edit->dropdown);
  const CwCompatProduct *product;

  if (edit->products == NULL || position >= edit->products->len)
    return;

  product = g_ptr_array_index (edit->products, position);
  if (!cw_compat_set_component (edit->store, edit->ci_id, product->id,
                                gtk_editable_get_text (GTK_EDITABLE (edit->entry)), &error))
    {
      gtk_label_set_label (edit->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (edit->error_label), TRUE);
      return;
    }

  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (widget, GTK_TYPE_POPOVER)));
  edit->changed (edit->user_data);
}

GtkWidget *
_cw_inventory_components_add_popover (CwStore   *store,
                                      gint64     ci_id,
                                      GCallback  changed,
                                      gpointer   user_data)
{
  Edit *edit = g_new0 (Edit, 1);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label;
  GtkWidget *button;

  edit->store = g_object_ref (store);
  edit->ci_id = ci_id;
  edit->changed = (ChangedFunc) changed;
  edit->user_data = user_data;
  edit->products = cw_compat_list_products (store, NULL);
  for (guint i = 0; edit->products != NULL && i < edit->products->len; i++)
    gtk_string_list_append (names, ((CwCompatProduct *) g_ptr_array_index (edit->products, i))->name);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);

  label = gtk_label_new (_("Product"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);
  edit->dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&names)), NULL));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (edit->dropdown),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (edit->dropdown));

  label = gtk_label_new (_("Version"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);
  edit->entry = GTK_ENTRY (gtk_entry_new ());
  gtk_accessible_update_relation (GTK_ACCESSIBLE (edit->entry),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  g_signal_connect (edit->entry, "activate", G_CALLBACK (on_add_clicked_cb), edit);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (edit->entry));

  edit->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (edit->error_label, TRUE);
  gtk_label_set_max_width_chars (edit->error_label, 30);
  gtk_label_set_xalign (edit->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (edit->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (edit->error_label), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (edit->error_label));

  button = gtk_button_new_with_mnemonic (_("_Add"));
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_widget_set_sensitive (button, edit->products != NULL && edit->products->len > 0);
  g_signal_connect (button, "clicked", G_CALLBACK (on_add_clicked_cb), edit);
  gtk_box_append (GTK_BOX (box), button);

  gtk_popover_set_child (GTK_POPOVER (popover), box);
  g_object_set_data_full (G_OBJECT (popover), "cw-edit", edit, edit_free);

  return popover;
}
