/* cw-runbook-properties-dialog.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-runbook-properties-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cw-ci-field.h"
#include "cw-runbook-properties-dialog.h"
#include "cw-runbook-step-row.h"

/* The runbook's own fields and the version's buffer, as a form with Cancel
 * and Apply, like GNOME Calendar's event editor: the editor takes the fields
 * on Apply as one edit, which its undo takes back. The product is free text
 * with a menu of the Compatibility pane's products beside it, since a
 * runbook may be written before its product is there; the CI class is one
 * of the inventory's classes (a class the list does not know, from an
 * imported file, is kept as it is). The buffer row says what the window
 * needed becomes. */

struct _CwRunbookPropertiesDialog
{
  AdwWindow             parent_instance;

  /* Template widgets */
  AdwWindowTitle       *window_title;
  GtkButton            *cancel_button;
  GtkButton            *apply_button;
  GtkBox               *form_box;
  GtkTextView          *description_view;
  AdwEntryRow          *product_row;
  GtkMenuButton        *product_button;
  AdwComboRow          *class_row;
  GtkStringList        *class_model;
  AdwPreferencesGroup  *version_group;
  AdwActionRow         *buffer_row;
  GtkSpinButton        *buffer_spin;

  /* Owned */
  GPtrArray            *class_keys;    /* the key of each class item; NULL for any */

  guint                 window_min;    /* the window needed without the buffer */
  gboolean              timed;         /* FALSE: the steps have a cycle */
  gboolean              editable;
};

G_DEFINE_FINAL_TYPE (CwRunbookPropertiesDialog, cw_runbook_properties_dialog, ADW_TYPE_WINDOW)

enum {
  APPLIED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static char *
dup_stripped (const char *text)
{
  char *copy;

  if (text == NULL)
    return NULL;

  copy = g_strstrip (g_strdup (text));
  if (copy[0] == '\0')
    g_clear_pointer (&copy, g_free);

  return copy;
}

/* Underscores in a menu label are mnemonics: a product's own are doubled. */
static char *
escape_menu_label (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, "_", -1);

  return g_strjoinv ("__", parts);
}

static void
fill_classes (CwRunbookPropertiesDialog *self,
              const char                *ci_class)
{
  const char * const *keys = cw_ci_classes ();
  guint selected = 0;

  /* Translators: the CI class of a runbook that applies to any */
  gtk_string_list_append (self->class_model, _("Any Class"));
  g_ptr_array_add (self->class_keys, NULL);

  for (guint i = 0; keys[i] != NULL; i++)
    {
      gtk_string_list_append (self->class_model, cw_ci_class_get_label (keys[i]));
      g_ptr_array_add (self->class_keys, g_strdup (keys[i]));
      if (g_strcmp0 (ci_class, keys[i]) == 0)
        selected = self->class_keys->len - 1;
    }

  /* A class from elsewhere stays what it is until the user picks another. */
  if (ci_class != NULL && ci_class[0] != '\0' && selected == 0)
    {
      gtk_string_list_append (self->class_model, ci_class);
      g_ptr_array_add (self->class_keys, g_strdup (ci_class));
      selected = self->class_keys->len - 1;
    }

  adw_combo_row_set_selected (self->class_row, selected);
}

static void
fill_products (CwRunbookPropertiesDialog *self,
               const char * const        *products)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) names = g_menu_new ();
  g_autoptr(GMenu) none = g_menu_new ();
  g_autoptr(GMenuItem) item = NULL;

  for (guint i = 0; products != NULL && products[i] != NULL; i++)
    {
      g_autofree char *label = escape_menu_label (products[i]);
      g_autoptr(GMenuItem) product = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target (product, "properties.product", "s", products[i]);
      g_menu_append_item (names, product);
    }

  item = g_menu_item_new (_("_Any Product"), NULL);
  g_menu_item_set_action_and_target (item, "properties.product", "s", "");
  g_menu_append_item (none, item);

  g_menu_append_section (menu, NULL, G_MENU_MODEL (names));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (none));
  gtk_menu_button_set_menu_model (self->product_button, G_MENU_MODEL (menu));

  /* With no product to choose, the menu would only clear the field. */
  gtk_widget_set_visible (GTK_WIDGET (self->product_button), products != NULL && products[0] != NULL);
}

static void
update_buffer_subtitle (CwRunbookPropertiesDialog *self)
{
  guint buffer = cw_runbook_properties_dialog_get_buffer_min (self);
  g_autofree char *window = NULL;
  g_autofree char *subtitle = NULL;

  if (!self->timed)
    {
      adw_action_row_set_subtitle (self->buffer_row, _("Minutes in reserve for the unexpected"));
      return;
    }

  window = cw_runbook_format_minutes (self->window_min + buffer);
  /* Translators: under the buffer; %s is the window a change needs with it */
  subtitle = g_strdup_printf (_("Minutes in reserve for the unexpected · window needed %s"), window);
  adw_action_row_set_subtitle (self->buffer_row, subtitle);
}

/* Callbacks */

static void
on_buffer_changed_cb (CwRunbookPropertiesDialog *self)
{
  update_buffer_subtitle (self);
}

static void
product_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  CwRunbookPropertiesDialog *self = CW_RUNBOOK_PROPERTIES_DIALOG (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->product_row), g_variant_get_string (param, NULL));
  gtk_widget_grab_focus (GTK_WIDGET (self->product_row));
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  cw_runbook_properties_dialog_apply (CW_RUNBOOK_PROPERTIES_DIALOG (widget));
}

/* GObject */

static void
cw_runbook_properties_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CW_TYPE_RUNBOOK_PROPERTIES_DIALOG);

  G_OBJECT_CLASS (cw_runbook_properties_dialog_parent_class)->dispose (object);
}

static void
cw_runbook_properties_dialog_finalize (GObject *object)
{
  CwRunbookPropertiesDialog *self = (CwRunbookPropertiesDialog *)object;

  g_clear_pointer (&self->class_keys, g_ptr_array_unref);

  G_OBJECT_CLASS (cw_runbook_properties_dialog_parent_class)->finalize (object);
}

static void
cw_runbook_properties_dialog_class_init (CwRunbookPropertiesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cw_runbook_properties_dialog_dispose;
  object_class->finalize = cw_runbook_properties_dialog_finalize;

  /**
   * CwRunbookPropertiesDialog::applied:
   *
   * Apply was pressed: the getters have the fields as filled in.
   */
  signals[APPLIED] = g_signal_new ("applied",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/changeward/Changeward/ui/runbooks/cw-runbook-properties-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CwRunbookPropertiesDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, CwRunbookPropertiesDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, CwRunbookPropertiesDialog, apply_button);
  gtk_widget_class_bind_template_child (widget_class, CwRunbookPropertiesDialog, form_box);
  gtk_widget_class_bind_template_child (widget_class, CwRunbookPropertiesDialog, description_view);
  gtk_widget_class_bind_template_child (widget_class, CwRunbookPropertiesDialog, product_row);
  gtk_widget_class_bind_template_child (widget_class, CwRunbookPropertiesDialog, product_button);
  gtk_widget_class_bind_template_child (widget_class, CwRunbookPropertiesDialog, class_row);
  gtk_widget_class_bind_template_child (widget_class, CwRunbookPropertiesDialog, class_model);
  gtk_widget_class_bind_template_child (widget_class, CwRunbookPropertiesDialog, version_group);
  gtk_widget_class_bind_template_child (widget_class, CwRunbookPropertiesDialog, buffer_row);
  gtk_widget_class_bind_template_child (widget_class, CwRunbookPropertiesDialog, buffer_spin);
  gtk_widget_class_bind_template_callback (widget_class, on_buffer_changed_cb);

  gtk_widget_class_install_action (widget_class, "properties.product", "s", product_action);
  gtk_widget_class_install_action (widget_class, "properties.apply", NULL, apply_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  /* In the description, Enter is a new line: Ctrl+Enter applies. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "properties.apply", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "properties.apply", NULL);
}

static void
cw_runbook_properties_dialog_init (CwRunbookPropertiesDialog *self)
{
  self->class_keys = g_ptr_array_new_with_free_func (g_free);

  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

CwRunbookPropertiesDialog *
cw_runbook_properties_dialog_new (GtkWindow          *parent,
                                  const CwRunbook    *runbook,
                                  const char * const *products,
                                  gboolean            editable)
{
  CwRunbookPropertiesDialog *self;
  g_autoptr(CwRunbookTiming) timing = NULL;
  g_autofree char *group = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (runbook != NULL, NULL);

  self = g_object_new (CW_TYPE_RUNBOOK_PROPERTIES_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->editable = editable;

  adw_window_title_set_subtitle (self->window_title, runbook->name);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->description_view),
                            runbook->description != NULL ? runbook->description : "", -1);
  gtk_editable_set_text (GTK_EDITABLE (self->product_row), runbook->product != NULL ? runbook->product : "");
  fill_products (self, products);
  fill_classes (self, runbook->ci_class);

  if (runbook->version > 0)
    /* Translators: the heading over a version's own fields; %u is its number */
    group = g_strdup_printf (_("Version %u"), runbook->version);
  else
    group = g_strdup (_("New Version"));
  adw_preferences_group_set_title (self->version_group, group);
  adw_preferences_group_set_description (self->version_group,
                                         _("The version’s own: other versions keep theirs."));

  timing = cw_runbook_timing (runbook, NULL);
  self->timed = timing != NULL;
  if (timing != NULL)
    self->window_min = timing->window_min - timing->buffer_min;
  gtk_spin_button_set_value (self->buffer_spin, runbook->buffer_min);
  update_buffer_subtitle (self);

  /* An approved version: its fields show, and nothing else. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->form_box), editable);
  gtk_widget_set_visible (GTK_WIDGET (self->apply_button), editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "properties.apply", editable);
  if (!editable)
    gtk_button_set_label (self->cancel_button, _("_Close"));

  gtk_widget_grab_focus (GTK_WIDGET (self->description_view));

  return self;
}

char *
cw_runbook_properties_dialog_dup_description (CwRunbookPropertiesDialog *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start;
  GtkTextIter end;
  g_autofree char *text = NULL;

  g_return_val_if_fail (CW_IS_RUNBOOK_PROPERTIES_DIALOG (self), NULL);

  buffer = gtk_text_view_get_buffer (self->description_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  return dup_stripped (text);
}

char *
cw_runbook_properties_dialog_dup_product (CwRunbookPropertiesDialog *self)
{
  g_return_val_if_fail (CW_IS_RUNBOOK_PROPERTIES_DIALOG (self), NULL);

  return dup_stripped (gtk_editable_get_text (GTK_EDITABLE (self->product_row)));
}

const char *
cw_runbook_properties_dialog_get_ci_class (CwRunbookPropertiesDialog *self)
{
  guint selected;

  g_return_val_if_fail (CW_IS_RUNBOOK_PROPERTIES_DIALOG (self), NULL);

  selected = adw_combo_row_get_selected (self->class_row);
  if (selected >= self->class_keys->len)
    return NULL;

  return g_ptr_array_index (self->class_keys, selected);
}

gboolean
cw_runbook_properties_dialog_set_ci_class (CwRunbookPropertiesDialog *self,
                                           const char                *ci_class)
{
  g_return_val_if_fail (CW_IS_RUNBOOK_PROPERTIES_DIALOG (self), FALSE);

  for (guint i = 0; i < self->class_keys->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->class_keys, i), ci_class) == 0)
      {
        adw_combo_row_set_selected (self->class_row, i);
        return TRUE;
      }

  return FALSE;
}

guint
cw_runbook_properties_dialog_get_buffer_min (CwRunbookPropertiesDialog *self)
{
  g_return_val_if_fail (CW_IS_RUNBOOK_PROPERTIES_DIALOG (self), 0);

  return (guint) MAX (0, gtk_spin_button_get_value_as_int (self->buffer_spin));
}

void
cw_runbook_properties_dialog_apply (CwRunbookPropertiesDialog *self)
{
  g_return_if_fail (CW_IS_RUNBOOK_PROPERTIES_DIALOG (self));

  if (!self->editable)
    return;

  /* A value typed in the spin button and not yet taken counts too. */
  gtk_spin_button_update (self->buffer_spin);

  g_object_ref (self);
  g_signal_emit (self, signals[APPLIED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

GtkWidget *
cw_runbook_properties_dialog_get_part (CwRunbookPropertiesDialog *self,
                                       const char                *name)
{
  GObject *part;

  g_return_val_if_fail (CW_IS_RUNBOOK_PROPERTIES_DIALOG (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  part = gtk_widget_get_template_child (GTK_WIDGET (self), CW_TYPE_RUNBOOK_PROPERTIES_DIALOG, name);

  return GTK_IS_WIDGET (part) ? GTK_WIDGET (part) : NULL;
}
