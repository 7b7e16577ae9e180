/* cw-compat-products.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-compat-products"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cw-compat-products-private.h"
#include "cw-window.h"

/* The Products view of the Compatibility pane: a sidebar of products and,
 * for the one selected, its name and vendor, its versions in the product's
 * order (dates, the approved version, those past end of support), its
 * upgrade hops and the rules that link CIs to it. The rows are built in
 * cw-compat-products-rows.c, and the actions that change what they show
 * live in cw-compat-products-actions.c. The matrix is small, so the
 * view reads it on the main thread; every edit reads it again and emits
 * "changed" so that the other views follow. */

G_DEFINE_FINAL_TYPE (CwCompatProducts, cw_compat_products, ADW_TYPE_BIN)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static void
clear_product_list (CwCompatProducts *self)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->product_list));

  /* The placeholder is a child too: only rows go. */
  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      if (GTK_IS_LIST_BOX_ROW (child))
        gtk_list_box_remove (self->product_list, child);
      child = next;
    }
}

static GtkWidget *
create_product_row (const CwCompatProduct *product)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (product->name);
  g_autofree char *filter = NULL;

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), name);

  if (product->vendor != NULL && product->vendor[0] != '\0')
    {
      GtkWidget *vendor = gtk_label_new (product->vendor);

      gtk_label_set_xalign (GTK_LABEL (vendor), 0);
      gtk_label_set_ellipsize (GTK_LABEL (vendor), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (vendor, "caption");
      gtk_widget_add_css_class (vendor, "dim-label");
      gtk_box_append (GTK_BOX (box), vendor);
    }

  gtk_widget_set_tooltip_text (row, product->name);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  _cw_compat_products_set_row_id (row, product->id);

  filter = g_strdup_printf ("%s %s", product->name, product->vendor != NULL ? product->vendor : "");
  g_object_set_data_full (G_OBJECT (row), "cw-filter", g_utf8_casefold (filter, -1), g_free);

  return row;
}

static gboolean
filter_product_row (GtkListBoxRow *row,
                    gpointer       user_data)
{
  CwCompatProducts *self = user_data;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  const char *haystack = g_object_get_data (G_OBJECT (row), "cw-filter");
  g_autofree char *needle = NULL;

  if (text == NULL || text[0] == '\0')
    return TRUE;

  needle = g_utf8_casefold (text, -1);
  return haystack != NULL && strstr (haystack, needle) != NULL;
}

static void
set_entry_text (AdwEntryRow *row,
                const char  *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text != NULL ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static void
forget_product (CwCompatProducts *self)
{
  g_clear_pointer (&self->product, cw_compat_product_free);
  g_ptr_array_set_size (self->versions, 0);
  g_ptr_array_set_size (self->paths, 0);
  g_ptr_array_set_size (self->rules, 0);
}

static void
show_product (CwCompatProducts *self)
{
  g_autoptr(GError) error = NULL;
  CwStore *store = _cw_compat_products_get_store (self);
  g_autoptr(CwCompatProduct) product = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(GPtrArray) rules = NULL;

  forget_product (self);

  if (store != NULL && self->product_id != 0 &&
      (product = cw_compat_get_product (store, self->product_id, &error)) != NULL &&
      (versions = cw_compat_list_versions (store, self->product_id, &error)) != NULL &&
      (paths = cw_compat_list_paths (store, self->product_id, &error)) != NULL)
    rules = cw_compat_list_rules (store, self->product_id, &error);

  if (rules == NULL)
    {
      if (error != NULL)
        _cw_compat_products_show_error (self, error);
      gtk_stack_set_visible_child_name (self->content_stack, "none");
      _cw_compat_products_actions_update (self);
      return;
    }

  self->product = g_steal_pointer (&product);
  g_ptr_array_extend_and_steal (self->versions, g_steal_pointer (&versions));
  g_ptr_array_extend_and_steal (self->paths, g_steal_pointer (&paths));
  g_ptr_array_extend_and_steal (self->rules, g_steal_pointer (&rules));

  set_entry_text (self->name_row, self->product->name);
  set_entry_text (self->vendor_row, self->product->vendor);
  _cw_compat_products_fill_versions (self);
  _cw_compat_products_fill_paths (self);
  _cw_compat_products_fill_rules (self);

  gtk_stack_set_visible_child_name (self->content_stack, "product");
  _cw_compat_products_actions_update (self);
}

static GtkListBoxRow *
find_product_row (CwCompatProducts *self,
                  gint64            id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->product_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) && _cw_compat_products_get_row_id (child) == id)
      return GTK_LIST_BOX_ROW (child);

  return NULL;
}

/* AdwPreferencesPage has no way to scroll before libadwaita 1.3: its
 * scrolled window is its child. */
static void
scroll_to_top (CwCompatProducts *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->product_page));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_SCROLLED_WINDOW (child))
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (child)), 0);
}

/* Callbacks */

static void
on_product_selected_cb (CwCompatProducts *self,
                        GtkListBoxRow    *row,
                        GtkListBox       *list)
{
  gint64 id = _cw_compat_products_get_row_id (GTK_WIDGET (row));

  if (self->filling || id == self->product_id)
    return;

  self->product_id = id;
  show_product (self);
  scroll_to_top (self);
}

static void
on_search_changed_cb (CwCompatProducts *self,
                      GtkSearchEntry   *entry)
{
  gtk_list_box_invalidate_filter (self->product_list);
}

static void
on_product_apply_cb (CwCompatProducts *self,
                     AdwEntryRow      *row)
{
  g_autoptr(GError) error = NULL;
  CwStore *store = _cw_compat_products_get_store (self);
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  const char *vendor = gtk_editable_get_text (GTK_EDITABLE (self->vendor_row));

  if (store == NULL || self->product == NULL)
    return;

  /* Each row applies its own text; the other keeps what is stored. */
  if (row == self->name_row)
    vendor = self->product->vendor;
  else
    name = self->product->name;

  if (!cw_compat_update_product (store, self->product->id, name,
                                 vendor != NULL && vendor[0] != '\0' ? vendor : NULL, &error))
    {
      _cw_compat_products_show_error (self, error);
      /* The apply button is gone: show what is stored, not what was refused. */
      set_entry_text (row, row == self->name_row ? self->product->name : self->product->vendor);
      return;
    }

  _cw_compat_products_edited (self, 0, 0);
}

/* Internal API */

CwStore *
_cw_compat_products_get_store (CwCompatProducts *self)
{
  return self->context != NULL ? cw_context_get_store (self->context) : NULL;
}

void
_cw_compat_products_add_toast (CwCompatProducts *self,
                               AdwToast         *toast)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  /* The window's overlay for plain messages; ours for those with a button. */
  if (CW_IS_WINDOW (root) && adw_toast_get_button_label (toast) == NULL)
    {
      cw_window_add_toast (CW_WINDOW (root), adw_toast_get_title (toast));
      g_object_unref (toast);
      return;
    }

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
_cw_compat_products_show_error (CwCompatProducts *self,
                                const GError     *error)
{
  g_debug ("%s", error->message);
  _cw_compat_products_add_toast (self, adw_toast_new (error->message));
}

void
_cw_compat_products_edited (CwCompatProducts *self,
                            gint64            product_id,
                            gint64            version_id)
{
  if (product_id != 0)
    self->product_id = product_id;

  cw_compat_products_reload (self);
  if (version_id != 0)
    _cw_compat_products_focus_version (self, version_id);

  g_signal_emit (self, signals[CHANGED], 0);
}

void
_cw_compat_products_set_dialog (CwCompatProducts *self,
                                GtkWindow        *dialog)
{
  if (self->dialog != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->dialog), (gpointer *) &self->dialog);

  self->dialog = dialog;
  if (dialog != NULL)
    g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->dialog);
}

const CwCompatVersion *
_cw_compat_products_find_version (CwCompatProducts *self,
                                  gint64            id,
                                  guint            *position)
{
  for (guint i = 0; i < self->versions->len; i++)
    {
      const CwCompatVersion *version = g_ptr_array_index (self->versions, i);

      if (version->id == id)
        {
          if (position != NULL)
            *position = i;
          return version;
        }
    }

  return NULL;
}

void
_cw_compat_products_focus_version (CwCompatProducts *self,
                                   gint64            version_id)
{
  for (guint i = 0; i < self->version_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->version_rows, i);

      if (_cw_compat_products_get_row_id (row) == version_id)
        {
          gtk_widget_grab_focus (row);
          return;
        }
    }
}

/* GObject */

static void
cw_compat_products_dispose (GObject *object)
{
  CwCompatProducts *self = (CwCompatProducts *)object;

  if (self->dialog != NULL)
    {
      GtkWindow *dialog = self->dialog;

      _cw_compat_products_set_dialog (self, NULL);
      gtk_window_destroy (dialog);
    }

  /* The list box unselects its rows as it goes: not a user's choice. */
  self->filling = TRUE;
  /* AdwBin would unparent its child after the template let it go. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CW_TYPE_COMPAT_PRODUCTS);

  g_clear_object (&self->context);

  G_OBJECT_CLASS (cw_compat_products_parent_class)->dispose (object);
}

static void
cw_compat_products_finalize (GObject *object)
{
  CwCompatProducts *self = (CwCompatProducts *)object;

  g_clear_pointer (&self->product, cw_compat_product_free);
  g_clear_pointer (&self->versions, g_ptr_array_unref);
  g_clear_pointer (&self->paths, g_ptr_array_unref);
  g_clear_pointer (&self->rules, g_ptr_array_unref);
  g_clear_pointer (&self->version_rows, g_ptr_array_unref);
  g_clear_pointer (&self->path_rows, g_ptr_array_unref);
  g_clear_pointer (&self->rule_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (cw_compat_products_parent_class)->finalize (object);
}

static void
cw_compat_products_class_init (CwCompatProductsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cw_compat_products_dispose;
  object_class->finalize = cw_compat_products_finalize;

  /**
   * CwCompatProducts::changed:
   *
   * The user changed products, versions, rules or paths.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/changeward/Changeward/ui/compat/cw-compat-products.ui");
  gtk_widget_class_bind_template_child (widget_class, CwCompatProducts, add_path_button);
  gtk_widget_class_bind_template_child (widget_class, CwCompatProducts, content_stack);
  gtk_widget_class_bind_template_child (widget_class, CwCompatProducts, main_stack);
  gtk_widget_class_bind_template_child (widget_class, CwCompatProducts, name_row);
  gtk_widget_class_bind_template_child (widget_class, CwCompatProducts, paths_group);
  gtk_widget_class_bind_template_child (widget_class, CwCompatProducts, product_list);
  gtk_widget_class_bind_template_child (widget_class, CwCompatProducts, product_page);
  gtk_widget_class_bind_template_child (widget_class, CwCompatProducts, reset_order_button);
  gtk_widget_class_bind_template_child (widget_class, CwCompatProducts, rules_group);
  gtk_widget_class_bind_template_child (widget_class, CwCompatProducts, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CwCompatProducts, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CwCompatProducts, vendor_row);
  gtk_widget_class_bind_template_child (widget_class, CwCompatProducts, versions_group);
  gtk_widget_class_bind_template_callback (widget_class, on_product_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_product_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);

  _cw_compat_products_class_actions_init (klass);
}

static void
cw_compat_products_init (CwCompatProducts *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->versions = g_ptr_array_new_with_free_func ((GDestroyNotify) cw_compat_version_free);
  self->paths = g_ptr_array_new_with_free_func ((GDestroyNotify) cw_compat_path_free);
  self->rules = g_ptr_array_new_with_free_func ((GDestroyNotify) cw_compat_rule_free);
  self->version_rows = g_ptr_array_new ();
  self->path_rows = g_ptr_array_new ();
  self->rule_rows = g_ptr_array_new ();

  gtk_list_box_set_filter_func (self->product_list, filter_product_row, self, NULL);
  placeholder = gtk_label_new (_("No matching products"));
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_list_box_set_placeholder (self->product_list, placeholder);
  gtk_stack_set_visible_child_name (self->main_stack, "empty");
  gtk_stack_set_visible_child_name (self->content_stack, "none");
  _cw_compat_products_actions_update (self);
}

/* Public API */

void
cw_compat_products_set_context (CwCompatProducts *self,
                                CwContext        *context)
{
  g_return_if_fail (CW_IS_COMPAT_PRODUCTS (self));
  g_return_if_fail (context == NULL || CW_IS_CONTEXT (context));

  if (!g_set_object (&self->context, context))
    return;

  self->product_id = 0;
  cw_compat_products_reload (self);

  /* Open on the first product rather than on an empty side. */
  if (self->product_id == 0)
    {
      GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->product_list, 0);

      if (first != NULL)
        gtk_list_box_select_row (self->product_list, first);
    }
}

void
cw_compat_products_reload (CwCompatProducts *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) products = NULL;
  CwStore *store;
  GtkListBoxRow *selected = NULL;

  g_return_if_fail (CW_IS_COMPAT_PRODUCTS (self));

  store = _cw_compat_products_get_store (self);
  if (store != NULL)
    products = cw_compat_list_products (store, &error);
  if (products == NULL)
    {
      if (error != NULL)
        _cw_compat_products_show_error (self, error);
      products = g_ptr_array_new ();
    }

  self->filling = TRUE;
  clear_product_list (self);
  for (guint i = 0; i < products->len; i++)
    gtk_list_box_append (self->product_list, create_product_row (g_ptr_array_index (products, i)));
  self->n_products = products->len;

  if (self->product_id != 0)
    selected = find_product_row (self, self->product_id);
  if (selected == NULL)
    self->product_id = 0;
  gtk_list_box_select_row (self->product_list, selected);
  self->filling = FALSE;

  gtk_stack_set_visible_child_name (self->main_stack, products->len > 0 ? "products" : "empty");
  show_product (self);
}

const char *
cw_compat_products_get_state (CwCompatProducts *self)
{
  g_return_val_if_fail (CW_IS_COMPAT_PRODUCTS (self), NULL);

  if (g_str_equal (gtk_stack_get_visible_child_name (self->main_stack), "empty"))
    return "empty";

  return gtk_stack_get_visible_child_name (self->content_stack);
}

/**
 * cw_compat_products_get_product_list:
 *
 * Returns: (transfer none): the sidebar of products
 */
GtkListBox *
cw_compat_products_get_product_list (CwCompatProducts *self)
{
  g_return_val_if_fail (CW_IS_COMPAT_PRODUCTS (self), NULL);

  return self->product_list;
}

gint64
cw_compat_products_get_product_id (CwCompatProducts *self)
{
  g_return_val_if_fail (CW_IS_COMPAT_PRODUCTS (self), 0);

  return self->product_id;
}

void
cw_compat_products_select_product (CwCompatProducts *self,
                                   gint64            product_id)
{
  g_return_if_fail (CW_IS_COMPAT_PRODUCTS (self));

  gtk_list_box_select_row (self->product_list, find_product_row (self, product_id));
}

/**
 * cw_compat_products_get_row:
 *
 * Returns: (transfer none) (nullable): the row
 */
GtkWidget *
cw_compat_products_get_row (CwCompatProducts *self,
                            const char       *group,
                            guint             position)
{
  GPtrArray *rows;

  g_return_val_if_fail (CW_IS_COMPAT_PRODUCTS (self), NULL);
  g_return_val_if_fail (group != NULL, NULL);

  if (g_str_equal (group, "versions"))
    rows = self->version_rows;
  else if (g_str_equal (group, "paths"))
    rows = self->path_rows;
  else if (g_str_equal (group, "rules"))
    rows = self->rule_rows;
  else
    g_return_val_if_reached (NULL);

  /* A placeholder has no id and is not a row of the group's items. */
  if (position >= rows->len || _cw_compat_products_get_row_id (g_ptr_array_index (rows, position)) == 0)
    return NULL;

  return g_ptr_array_index (rows, position);
}

/**
 * cw_compat_products_get_dialog:
 *
 * Returns: (transfer none) (nullable): the dialog open
 */
GtkWindow *
cw_compat_products_get_dialog (CwCompatProducts *self)
{
  g_return_val_if_fail (CW_IS_COMPAT_PRODUCTS (self), NULL);

  return self->dialog;
}
