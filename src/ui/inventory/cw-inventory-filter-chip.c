/* cw-inventory-filter-chip.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-inventory-filter-chip"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cw-inventory-filter-chip.h"

/* A pill-shaped menu button that filters on one field. Its popover lists the
 * values to choose from: check boxes when several may be chosen, a list with
 * a search entry when only one may (versions: there can be hundreds). The
 * button says what is chosen; "values" holds the chosen keys. */

typedef struct
{
  char           *key;
  char           *label;
  char           *short_label;
  char           *folded;       /* label, case-folded, for the search */
  gboolean        heading;
  GtkWidget      *row;          /* Borrowed: owned by the list */
  GtkCheckButton *check;        /* multiple mode */
  GtkWidget      *mark;         /* single mode */
} Option;

struct _CwInventoryFilterChip
{
  GtkWidget       parent_instance;

  /* Template widgets */
  GtkMenuButton  *button;
  GtkButton      *clear_button;
  GtkListBox     *list;
  GtkPopover     *popover;
  GtkSearchEntry *search_entry;
  GtkSpinner     *spinner;
  GtkStack       *stack;

  /* Owned */
  char           *title;
  GPtrArray      *options;      /* Option */
  GStrv           values;
  char           *search_folded;

  gboolean        multiple;
  gboolean        loading;
  gboolean        updating;
};

G_DEFINE_FINAL_TYPE (CwInventoryFilterChip, cw_inventory_filter_chip, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_MULTIPLE,
  PROP_VALUES,
  N_PROPS
};

enum {
  PREPARE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
option_free (gpointer data)
{
  Option *option = data;

  g_free (option->key);
  g_free (option->label);
  g_free (option->short_label);
  g_free (option->folded);
  g_free (option);
}

static gboolean
has_value (CwInventoryFilterChip *self,
           const char            *key)
{
  return self->values != NULL && g_strv_contains ((const char * const *) self->values, key);
}

static const Option *
find_option (CwInventoryFilterChip *self,
             const char            *key)
{
  for (guint i = 0; i < self->options->len; i++)
    {
      const Option *option = g_ptr_array_index (self->options, i);

      if (!option->heading && g_strcmp0 (option->key, key) == 0)
        return option;
    }

  return NULL;
}

static void
update_button (CwInventoryFilterChip *self)
{
  guint n = self->values != NULL ? g_strv_length (self->values) : 0;
  g_autofree char *text = NULL;

  if (n == 0)
    text = g_strdup (self->title);
  else if (n == 1)
    {
      const Option *option = find_option (self, self->values[0]);
      const char *value = self->values[0];

      if (option != NULL)
        value = option->short_label != NULL ? option->short_label : option->label;

      /* Translators: a filter button: the field, then the value chosen ("Site: FRA1") */
      text = g_strdup_printf (_("%s: %s"), self->title, value);
    }
  else
    /* Translators: a filter button: the field, then how many values are chosen */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u selected", "%s: %u selected", n),
                            self->title, n);

  gtk_menu_button_set_label (self->button, text);
  gtk_widget_set_sensitive (GTK_WIDGET (self->clear_button), n > 0);

  if (n > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "active");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "active");
}

static void
sync_rows (CwInventoryFilterChip *self)
{
  self->updating = TRUE;

  for (guint i = 0; i < self->options->len; i++)
    {
      Option *option = g_ptr_array_index (self->options, i);

      if (option->check != NULL)
        gtk_check_button_set_active (option->check, has_value (self, option->key));
      if (option->mark != NULL)
        gtk_widget_set_visible (option->mark, has_value (self, option->key));
    }

  self->updating = FALSE;
}

static void
update_stack (CwInventoryFilterChip *self)
{
  const char *page = "options";

  if (self->loading)
    page = "loading";
  else if (self->options->len == 0)
    page = "empty";

  gtk_spinner_set_spinning (self->spinner, self->loading);
  gtk_stack_set_visible_child_name (self->stack, page);
}

static void
set_values_internal (CwInventoryFilterChip *self,
                     GStrv                  values)
{
  g_strfreev (self->values);
  self->values = values;

  sync_rows (self);
  update_button (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUES]);
}

static void
on_check_toggled_cb (CwInventoryFilterChip *self,
                     GtkCheckButton        *check)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  const Option *toggled = g_object_get_data (G_OBJECT (check), "cw-option");

  if (self->updating)
    return;

  builder = g_strv_builder_new ();

  /* Keep the order of the options, and chosen keys that have no option. */
  for (guint i = 0; self->values != NULL && self->values[i] != NULL; i++)
    if (find_option (self, self->values[i]) == NULL)
      g_strv_builder_add (builder, self->values[i]);

  for (guint i = 0; i < self->options->len; i++)
    {
      const Option *option = g_ptr_array_index (self->options, i);
      gboolean on;

      if (option->heading)
        continue;

      if (option == toggled)
        on = gtk_check_button_get_active (check);
      else
        on = has_value (self, option->key);

      if (on)
        g_strv_builder_add (builder, option->key);
    }

  set_values_internal (self, g_strv_builder_end (builder));
}

static void
on_row_activated_cb (CwInventoryFilterChip *self,
                     GtkListBoxRow         *row,
                     GtkListBox            *list)
{
  const Option *option = g_object_get_data (G_OBJECT (row), "cw-option");

  if (option == NULL || option->heading)
    return;

  if (self->multiple)
    {
      gtk_check_button_set_active (option->check, !gtk_check_button_get_active (option->check));
      return;
    }

  if (has_value (self, option->key))
    set_values_internal (self, NULL);
  else
    {
      const char *values[] = { option->key, NULL };

      set_values_internal (self, g_strdupv ((char **) values));
    }

  gtk_popover_popdown (self->popover);
}

static gboolean
filter_row (GtkListBoxRow *row,
            gpointer       user_data)
{
  CwInventoryFilterChip *self = user_data;
  const Option *option = g_object_get_data (G_OBJECT (row), "cw-option");

  if (self->search_folded == NULL || option == NULL)
    return TRUE;
  if (option->heading)
    return FALSE;

  return strstr (option->folded, self->search_folded) != NULL;
}

static void
on_search_changed_cb (CwInventoryFilterChip *self,
                      GtkSearchEntry        *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  g_clear_pointer (&self->search_folded, g_free);
  if (text != NULL && text[0] != '\0')
    self->search_folded = g_utf8_casefold (text, -1);

  gtk_list_box_invalidate_filter (self->list);
}

/* Enter in the search takes the first option shown. */
static void
on_search_activate_cb (CwInventoryFilterChip *self,
                       GtkSearchEntry        *entry)
{
  for (guint i = 0; i < self->options->len; i++)
    {
      const Option *option = g_ptr_array_index (self->options, i);

      if (!option->heading && gtk_widget_get_child_visible (option->row) &&
          filter_row (GTK_LIST_BOX_ROW (option->row), self))
        {
          on_row_activated_cb (self, GTK_LIST_BOX_ROW (option->row), self->list);
          return;
        }
    }
}

static void
on_clear_clicked_cb (CwInventoryFilterChip *self,
                     GtkButton             *button)
{
  cw_inventory_filter_chip_set_values (self, NULL);
  gtk_popover_popdown (self->popover);
}

static void
on_popover_show_cb (CwInventoryFilterChip *self,
                    GtkPopover            *popover)
{
  g_signal_emit (self, signals[PREPARE], 0);

  if (!self->multiple)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
    }
}

static void
cw_inventory_filter_chip_constructed (GObject *object)
{
  CwInventoryFilterChip *self = (CwInventoryFilterChip *)object;

  G_OBJECT_CLASS (cw_inventory_filter_chip_parent_class)->constructed (object);

  gtk_widget_set_visible (GTK_WIDGET (self->search_entry), !self->multiple);
  if (!self->multiple)
    gtk_list_box_set_filter_func (self->list, filter_row, self, NULL);

  update_button (self);
  update_stack (self);
}

static void
cw_inventory_filter_chip_dispose (GObject *object)
{
  CwInventoryFilterChip *self = (CwInventoryFilterChip *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), CW_TYPE_INVENTORY_FILTER_CHIP);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (cw_inventory_filter_chip_parent_class)->dispose (object);
}

static void
cw_inventory_filter_chip_finalize (GObject *object)
{
  CwInventoryFilterChip *self = (CwInventoryFilterChip *)object;

  g_clear_pointer (&self->options, g_ptr_array_unref);
  g_clear_pointer (&self->values, g_strfreev);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->search_folded, g_free);

  G_OBJECT_CLASS (cw_inventory_filter_chip_parent_class)->finalize (object);
}

static void
cw_inventory_filter_chip_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  CwInventoryFilterChip *self = CW_INVENTORY_FILTER_CHIP (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_MULTIPLE:
      g_value_set_boolean (value, self->multiple);
      break;

    case PROP_VALUES:
      g_value_set_boxed (value, self->values);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cw_inventory_filter_chip_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  CwInventoryFilterChip *self = CW_INVENTORY_FILTER_CHIP (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_free (self->title);
      self->title = g_value_dup_string (value);
      if (self->button != NULL)
        update_button (self);
      break;

    case PROP_MULTIPLE:
      self->multiple = g_value_get_boolean (value);
      break;

    case PROP_VALUES:
      cw_inventory_filter_chip_set_values (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cw_inventory_filter_chip_class_init (CwInventoryFilterChipClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cw_inventory_filter_chip_constructed;
  object_class->dispose = cw_inventory_filter_chip_dispose;
  object_class->finalize = cw_inventory_filter_chip_finalize;
  object_class->get_property = cw_inventory_filter_chip_get_property;
  object_class->set_property = cw_inventory_filter_chip_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));

  properties[PROP_MULTIPLE] =
    g_param_spec_boolean ("multiple", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_VALUES] =
    g_param_spec_boxed ("values", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CwInventoryFilterChip::prepare:
   *
   * The popover is about to show: a chance to load the options.
   */
  signals[PREPARE] =
    g_signal_new ("prepare",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/changeward/Changeward/ui/inventory/cw-inventory-filter-chip.ui");
  gtk_widget_class_bind_template_child (widget_class, CwInventoryFilterChip, button);
  gtk_widget_class_bind_template_child (widget_class, CwInventoryFilterChip, clear_button);
  gtk_widget_class_bind_template_child (widget_class, CwInventoryFilterChip, list);
  gtk_widget_class_bind_template_child (widget_class, CwInventoryFilterChip, popover);
  gtk_widget_class_bind_template_child (widget_class, CwInventoryFilterChip, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CwInventoryFilterChip, spinner);
  gtk_widget_class_bind_template_child (widget_class, CwInventoryFilterChip, stack);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
cw_inventory_filter_chip_init (CwInventoryFilterChip *self)
{
  self->multiple = TRUE;
  self->options = g_ptr_array_new_with_free_func (option_free);

  gtk_widget_init_template (GTK_WIDGET (self));
}

void
cw_inventory_filter_chip_remove_options (CwInventoryFilterChip *self)
{
  g_return_if_fail (CW_IS_INVENTORY_FILTER_CHIP (self));

  for (guint i = 0; i < self->options->len; i++)
    {
      const Option *option = g_ptr_array_index (self->options, i);

      gtk_list_box_remove (self->list, option->row);
    }
  g_ptr_array_set_size (self->options, 0);

  update_stack (self);
}

void
cw_inventory_filter_chip_add_heading (CwInventoryFilterChip *self,
                                      const char            *heading)
{
  Option *option;
  GtkWidget *label;

  g_return_if_fail (CW_IS_INVENTORY_FILTER_CHIP (self));
  g_return_if_fail (heading != NULL);

  option = g_new0 (Option, 1);
  option->heading = TRUE;
  option->label = g_strdup (heading);

  label = gtk_label_new (heading);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_add_css_class (label, "dim-label");

  option->row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (option->row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (option->row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (option->row), FALSE);
  gtk_widget_set_can_focus (option->row, FALSE);
  gtk_widget_add_css_class (option->row, "filter-chip-heading");
  g_object_set_data (G_OBJECT (option->row), "cw-option", option);

  gtk_list_box_append (self->list, option->row);
  g_ptr_array_add (self->options, option);
  update_stack (self);
}

/**
 * cw_inventory_filter_chip_add_option:
 * @key: what "values" holds when the option is chosen
 * @label: what the popover shows
 * @short_label: (nullable): what the button shows when it is chosen; the
 *   label when %NULL
 */
void
cw_inventory_filter_chip_add_option (CwInventoryFilterChip *self,
                                     const char            *key,
                                     const char            *label,
                                     const char            *short_label)
{
  Option *option;

  g_return_if_fail (CW_IS_INVENTORY_FILTER_CHIP (self));
  g_return_if_fail (key != NULL);
  g_return_if_fail (label != NULL);

  option = g_new0 (Option, 1);
  option->key = g_strdup (key);
  option->label = g_strdup (label);
  option->short_label = g_strdup (short_label);
  option->folded = g_utf8_casefold (label, -1);
  option->row = gtk_list_box_row_new ();

  if (self->multiple)
    {
      GtkWidget *check = gtk_check_button_new_with_label (label);

      /* The row takes the focus; the check box only shows the state. */
      gtk_widget_set_can_focus (check, FALSE);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), has_value (self, key));
      g_object_set_data (G_OBJECT (check), "cw-option", option);
      g_signal_connect_object (check, "toggled", G_CALLBACK (on_check_toggled_cb), self,
                               G_CONNECT_SWAPPED);
      option->check = GTK_CHECK_BUTTON (check);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (option->row), check);
    }
  else
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *text = gtk_label_new (label);

      gtk_label_set_xalign (GTK_LABEL (text), 0);
      gtk_label_set_ellipsize (GTK_LABEL (text), PANGO_ELLIPSIZE_END);
      gtk_widget_set_hexpand (text, TRUE);
      gtk_box_append (GTK_BOX (box), text);

      option->mark = gtk_image_new_from_icon_name ("object-select-symbolic");
      gtk_widget_set_visible (option->mark, has_value (self, key));
      gtk_box_append (GTK_BOX (box), option->mark);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (option->row), box);
    }

  g_object_set_data (G_OBJECT (option->row), "cw-option", option);
  gtk_list_box_append (self->list, option->row);
  g_ptr_array_add (self->options, option);

  update_stack (self);
  if (has_value (self, key))
    update_button (self);
}

void
cw_inventory_filter_chip_set_loading (CwInventoryFilterChip *self,
                                      gboolean               loading)
{
  g_return_if_fail (CW_IS_INVENTORY_FILTER_CHIP (self));

  self->loading = !!loading;
  update_stack (self);
}

/**
 * cw_inventory_filter_chip_get_values:
 *
 * Returns: (transfer none) (nullable): the chosen keys, %NULL when none
 */
const char * const *
cw_inventory_filter_chip_get_values (CwInventoryFilterChip *self)
{
  g_return_val_if_fail (CW_IS_INVENTORY_FILTER_CHIP (self), NULL);

  return (const char * const *) self->values;
}

void
cw_inventory_filter_chip_set_values (CwInventoryFilterChip *self,
                                     const char * const    *values)
{
  g_return_if_fail (CW_IS_INVENTORY_FILTER_CHIP (self));

  if (values != NULL && values[0] == NULL)
    values = NULL;

  if (self->values == NULL && values == NULL)
    return;
  if (self->values != NULL && values != NULL &&
      g_strv_equal ((const char * const *) self->values, values))
    return;

  set_values_internal (self, g_strdupv ((char **) values));
}

gboolean
cw_inventory_filter_chip_is_active (CwInventoryFilterChip *self)
{
  g_return_val_if_fail (CW_IS_INVENTORY_FILTER_CHIP (self), FALSE);

  return self->values != NULL;
}
