/* cw-compat-products-actions.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-compat-products-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "cw-compat-edit-dialog.h"
#include "cw-compat-products-private.h"

/* The actions of the Products view ("products.*"). Those on one version,
 * hop or rule take its id ("x"); the version menus, the rows' buttons and
 * tests use them alike. Moving a version up or down makes the product's
 * order manual; "Restore Natural Order" goes back to the comparator.
 *
 * Keys: a version row is focusable, and Enter on it edits it. Alt+Up and
 * Alt+Down move the focused version (or the one whose menu button has the
 * focus) one place, and the focus follows it ("products.move-focused" with
 * -1 or 1). Deleting a product or a version asks first, since verdicts go
 * with them; deleting a hop or a rule happens at once and offers Undo. */

/* Helpers */

static GtkWindow *
get_parent_window (CwCompatProducts *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
on_dialog_saved_cb (CwCompatProducts   *self,
                    gint64              id,
                    CwCompatEditDialog *dialog)
{
  switch (cw_compat_edit_dialog_get_kind (dialog))
    {
    case CW_COMPAT_EDIT_PRODUCT:
      _cw_compat_products_edited (self, id, 0);
      break;

    case CW_COMPAT_EDIT_VERSION:
      _cw_compat_products_edited (self, 0, id);
      break;

    case CW_COMPAT_EDIT_PATH:
    case CW_COMPAT_EDIT_RULE:
    default:
      _cw_compat_products_edited (self, 0, 0);
      break;
    }
}

static CwCompatEditDialog *
open_dialog (CwCompatProducts *self,
             CwCompatEditKind  kind)
{
  CwStore *store = _cw_compat_products_get_store (self);
  CwCompatEditDialog *dialog;

  if (store == NULL)
    return NULL;

  dialog = cw_compat_edit_dialog_new (get_parent_window (self), store, kind,
                                      self->product != NULL ? self->product->id : 0);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_dialog_saved_cb), self, G_CONNECT_SWAPPED);
  _cw_compat_products_set_dialog (self, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));

  return dialog;
}

/* Asks before a deletion; @on_delete runs with @id when the user agrees. */
static void
confirm_delete (CwCompatProducts *self,
                const char       *heading,
                const char       *body,
                GCallback         on_response,
                gint64            id)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (get_parent_window (self), heading, body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "cw-id", g_memdup2 (&id, sizeof id), g_free);
  g_signal_connect_object (dialog, "response", on_response, self, G_CONNECT_SWAPPED);
  _cw_compat_products_set_dialog (self, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static gint64
get_dialog_id (AdwMessageDialog *dialog)
{
  const gint64 *id = g_object_get_data (G_OBJECT (dialog), "cw-id");

  return id != NULL ? *id : 0;
}

static void
move_version (CwCompatProducts *self,
              gint64            version_id,
              int               delta)
{
  g_autoptr(GError) error = NULL;
  CwStore *store = _cw_compat_products_get_store (self);
  guint position;

  if (store == NULL || _cw_compat_products_find_version (self, version_id, &position) == NULL)
    return;

  /* Already first or last: nothing to do, and the order stays as it is. */
  if ((delta < 0 && position == 0) || (delta > 0 && position + 1 >= self->versions->len))
    return;

  if (!cw_compat_move_version (store, version_id, (guint) ((int) position + delta), &error))
    {
      _cw_compat_products_show_error (self, error);
      return;
    }

  _cw_compat_products_edited (self, 0, version_id);
}

static void
set_approved (CwCompatProducts *self,
              gint64            version_id)
{
  g_autoptr(GError) error = NULL;
  CwStore *store = _cw_compat_products_get_store (self);

  if (store == NULL || self->product == NULL)
    return;

  if (!cw_compat_set_approved (store, self->product->id, version_id, &error))
    {
      _cw_compat_products_show_error (self, error);
      return;
    }

  _cw_compat_products_edited (self, 0, version_id);
}

/* Undo for a removed hop or rule: adds a copy back. */
typedef struct
{
  CwCompatProducts *self;   /* weak */
  CwCompatPath     *path;
  CwCompatRule     *rule;
} Undo;

static void
undo_free (gpointer data)
{
  Undo *undo = data;

  g_clear_weak_pointer (&undo->self);
  g_clear_pointer (&undo->path, cw_compat_path_free);
  g_clear_pointer (&undo->rule, cw_compat_rule_free);
  g_free (undo);
}

static void
on_undo_clicked_cb (AdwToast *toast,
                    Undo     *undo)
{
  g_autoptr(GError) error = NULL;
  CwStore *store;
  gint64 id;

  if (undo->self == NULL || (store = _cw_compat_products_get_store (undo->self)) == NULL)
    return;

  if (undo->path != NULL)
    id = cw_compat_add_path (store, undo->path->product_id, undo->path->from_min,
                             undo->path->from_max, undo->path->to, undo->path->note, &error);
  else
    id = cw_compat_add_rule (store, undo->rule, &error);

  if (id == 0)
    {
      _cw_compat_products_show_error (undo->self, error);
      return;
    }

  _cw_compat_products_edited (undo->self, 0, 0);
}

static void
offer_undo (CwCompatProducts *self,
            const char       *title,
            Undo             *undo)
{
  AdwToast *toast = adw_toast_new (title);

  g_set_weak_pointer (&undo->self, self);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_clicked_cb), undo,
                         (GClosureNotify) (void (*) (void)) undo_free, 0);
  _cw_compat_products_add_toast (self, toast);
}

/* Callbacks */

static void
on_delete_product_response_cb (CwCompatProducts *self,
                               const char       *response,
                               AdwMessageDialog *dialog)
{
  g_autoptr(GError) error = NULL;
  CwStore *store = _cw_compat_products_get_store (self);
  g_autofree char *message = NULL;
  gint64 id = get_dialog_id (dialog);

  if (!g_str_equal (response, "delete") || store == NULL)
    return;

  if (!cw_compat_delete_product (store, id, &error))
    {
      _cw_compat_products_show_error (self, error);
      return;
    }

  if (self->product != NULL && self->product->id == id)
    /* Translators: a toast; %s is a product */
    message = g_strdup_printf (_("Deleted “%s”"), self->product->name);
  if (self->product_id == id)
    self->product_id = 0;
  _cw_compat_products_edited (self, 0, 0);
  if (message != NULL)
    _cw_compat_products_add_toast (self, adw_toast_new (message));
}

static void
on_delete_version_response_cb (CwCompatProducts *self,
                               const char       *response,
                               AdwMessageDialog *dialog)
{
  g_autoptr(GError) error = NULL;
  CwStore *store = _cw_compat_products_get_store (self);

  if (!g_str_equal (response, "delete") || store == NULL)
    return;

  if (!cw_compat_delete_version (store, get_dialog_id (dialog), &error))
    {
      _cw_compat_products_show_error (self, error);
      return;
    }

  _cw_compat_products_edited (self, 0, 0);
}

/* Actions */

static void
add_product_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  open_dialog (CW_COMPAT_PRODUCTS (widget), CW_COMPAT_EDIT_PRODUCT);
}

static void
delete_product_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  CwCompatProducts *self = CW_COMPAT_PRODUCTS (widget);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;

  if (self->product == NULL)
    return;

  /* Translators: %s is a product */
  heading = g_strdup_printf (_("Delete “%s”?"), self->product->name);
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Its %u version, the verdicts recorded for it, its upgrade "
                                       "hops and its matching rules are deleted too.",
                                       "Its %u versions, the verdicts recorded for them, its upgrade "
                                       "hops and its matching rules are deleted too.",
                                       self->versions->len),
                          self->versions->len);
  confirm_delete (self, heading, body, G_CALLBACK (on_delete_product_response_cb), self->product->id);
}

static void
add_version_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  open_dialog (CW_COMPAT_PRODUCTS (widget), CW_COMPAT_EDIT_VERSION);
}

static void
edit_version_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  CwCompatProducts *self = CW_COMPAT_PRODUCTS (widget);
  const CwCompatVersion *version = _cw_compat_products_find_version (self, g_variant_get_int64 (param),
                                                                     NULL);
  CwCompatEditDialog *dialog;

  if (version == NULL)
    return;

  dialog = open_dialog (self, CW_COMPAT_EDIT_VERSION);
  if (dialog != NULL)
    cw_compat_edit_dialog_set_version (dialog, version);
}

static void
delete_version_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  CwCompatProducts *self = CW_COMPAT_PRODUCTS (widget);
  const CwCompatVersion *version = _cw_compat_products_find_version (self, g_variant_get_int64 (param),
                                                                     NULL);
  g_autofree char *heading = NULL;

  if (version == NULL || self->product == NULL)
    return;

  /* Translators: the first %s is a product, the second one of its versions */
  heading = g_strdup_printf (_("Delete %s %s?"), self->product->name, version->version);
  confirm_delete (self, heading,
                  _("The verdicts recorded for this version in the matrix are deleted too. "
                    "Upgrade hops that name it are kept."),
                  G_CALLBACK (on_delete_version_response_cb), version->id);
}

static void
set_approved_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  set_approved (CW_COMPAT_PRODUCTS (widget), g_variant_get_int64 (param));
}

static void
clear_approved_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  set_approved (CW_COMPAT_PRODUCTS (widget), 0);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  move_version (CW_COMPAT_PRODUCTS (widget), g_variant_get_int64 (param),
                g_str_equal (action_name, "products.move-up") ? -1 : 1);
}

static void
move_focused_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  CwCompatProducts *self = CW_COMPAT_PRODUCTS (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  /* From the focus (a row, or a button in it) up to a version row. */
  for (; focus != NULL && focus != widget; focus = gtk_widget_get_parent (focus))
    {
      for (guint i = 0; i < self->version_rows->len; i++)
        {
          GtkWidget *row = g_ptr_array_index (self->version_rows, i);
          const gint64 *id = g_object_get_data (G_OBJECT (row), "cw-id");

          if (row == focus && id != NULL)
            {
              move_version (self, *id, g_variant_get_int32 (param));
              return;
            }
        }
    }

  gtk_widget_error_bell (widget);
}

static void
reset_order_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  CwCompatProducts *self = CW_COMPAT_PRODUCTS (widget);
  g_autoptr(GError) error = NULL;
  CwStore *store = _cw_compat_products_get_store (self);

  if (store == NULL || self->product == NULL)
    return;

  if (!cw_compat_reset_order (store, self->product->id, &error))
    {
      _cw_compat_products_show_error (self, error);
      return;
    }

  _cw_compat_products_edited (self, 0, 0);
}

static void
add_path_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  open_dialog (CW_COMPAT_PRODUCTS (widget), CW_COMPAT_EDIT_PATH);
}

static void
delete_path_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  CwCompatProducts *self = CW_COMPAT_PRODUCTS (widget);
  g_autoptr(GError) error = NULL;
  CwStore *store = _cw_compat_products_get_store (self);
  gint64 id = g_variant_get_int64 (param);
  g_autofree char *title = NULL;
  Undo *undo;

  for (guint i = 0; store != NULL && i < self->paths->len; i++)
    {
      const CwCompatPath *path = g_ptr_array_index (self->paths, i);

      if (path->id != id)
        continue;

      if (!cw_compat_delete_path (store, id, &error))
        {
          _cw_compat_products_show_error (self, error);
          return;
        }

      undo = g_new0 (Undo, 1);
      undo->path = g_new0 (CwCompatPath, 1);
      undo->path->product_id = path->product_id;
      undo->path->from_min = g_strdup (path->from_min);
      undo->path->from_max = g_strdup (path->from_max);
      undo->path->to = g_strdup (path->to);
      undo->path->note = g_strdup (path->note);
      /* Translators: a toast; %s is the version an upgrade hop went to */
      title = g_strdup_printf (_("Removed the hop to %s"), path->to);

      _cw_compat_products_edited (self, 0, 0);
      offer_undo (self, title, undo);
      return;
    }
}

static void
add_rule_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  open_dialog (CW_COMPAT_PRODUCTS (widget), CW_COMPAT_EDIT_RULE);
}

static void
delete_rule_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  CwCompatProducts *self = CW_COMPAT_PRODUCTS (widget);
  g_autoptr(GError) error = NULL;
  CwStore *store = _cw_compat_products_get_store (self);
  gint64 id = g_variant_get_int64 (param);
  Undo *undo;

  for (guint i = 0; store != NULL && i < self->rules->len; i++)
    {
      const CwCompatRule *rule = g_ptr_array_index (self->rules, i);

      if (rule->id != id)
        continue;

      if (!cw_compat_delete_rule (store, id, &error))
        {
          _cw_compat_products_show_error (self, error);
          return;
        }

      undo = g_new0 (Undo, 1);
      undo->rule = g_new0 (CwCompatRule, 1);
      undo->rule->product_id = rule->product_id;
      undo->rule->manufacturer = g_strdup (rule->manufacturer);
      undo->rule->ci_class = g_strdup (rule->ci_class);
      undo->rule->model_pattern = g_strdup (rule->model_pattern);
      undo->rule->field = rule->field;
      undo->rule->version_prefix = g_strdup (rule->version_prefix);

      _cw_compat_products_edited (self, 0, 0);
      offer_undo (self, _("Removed the matching rule"), undo);
      return;
    }
}

/* Internal API */

void
_cw_compat_products_actions_update (CwCompatProducts *self)
{
  gboolean has_product = self->product != NULL;
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "products.add-product", self->context != NULL);
  gtk_widget_action_set_enabled (widget, "products.delete-product", has_product);
  gtk_widget_action_set_enabled (widget, "products.add-version", has_product);
  gtk_widget_action_set_enabled (widget, "products.add-path", has_product && self->versions->len >= 2);
  gtk_widget_action_set_enabled (widget, "products.add-rule", has_product);
  gtk_widget_action_set_enabled (widget, "products.reset-order",
                                 has_product && self->product->manual_order);
  gtk_widget_action_set_enabled (widget, "products.move-focused", self->versions->len > 1);
}

void
_cw_compat_products_class_actions_init (CwCompatProductsClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "products.add-product", NULL, add_product_action);
  gtk_widget_class_install_action (widget_class, "products.delete-product", NULL, delete_product_action);
  gtk_widget_class_install_action (widget_class, "products.add-version", NULL, add_version_action);
  gtk_widget_class_install_action (widget_class, "products.edit-version", "x", edit_version_action);
  gtk_widget_class_install_action (widget_class, "products.delete-version", "x", delete_version_action);
  gtk_widget_class_install_action (widget_class, "products.set-approved", "x", set_approved_action);
  gtk_widget_class_install_action (widget_class, "products.clear-approved", NULL, clear_approved_action);
  gtk_widget_class_install_action (widget_class, "products.move-up", "x", move_action);
  gtk_widget_class_install_action (widget_class, "products.move-down", "x", move_action);
  gtk_widget_class_install_action (widget_class, "products.move-focused", "i", move_focused_action);
  gtk_widget_class_install_action (widget_class, "products.reset-order", NULL, reset_order_action);
  gtk_widget_class_install_action (widget_class, "products.add-path", NULL, add_path_action);
  gtk_widget_class_install_action (widget_class, "products.delete-path", "x", delete_path_action);
  gtk_widget_class_install_action (widget_class, "products.add-rule", NULL, add_rule_action);
  gtk_widget_class_install_action (widget_class, "products.delete-rule", "x", delete_rule_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK,
                                       "products.move-focused", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Up, GDK_ALT_MASK,
                                       "products.move-focused", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK,
                                       "products.move-focused", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Down, GDK_ALT_MASK,
                                       "products.move-focused", "i", 1);
}
