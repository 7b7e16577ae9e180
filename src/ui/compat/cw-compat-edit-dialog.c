/* cw-compat-edit-dialog.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-compat-edit-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cw-compat-edit-dialog.h"

/* A small form for the Products view: a new product, a new or changed
 * version, a new upgrade hop or a new matching rule. The form is checked
 * as the user types (dates are YYYY-MM-DD, a hop's range is in the
 * product's order); Save stays off until it is complete. The dialog writes
 * the store itself, so that what core refuses is said here, next to the
 * fields, and the dialog stays open to fix it. */

struct _CwCompatEditDialog
{
  AdwWindow         parent_instance;

  /* Template widgets */
  GtkLabel         *error_label;
  GtkListBox       *form_list;
  GtkLabel         *intro_label;
  GtkButton        *save_button;
  AdwWindowTitle   *window_title;

  /* Owned */
  CwStore          *store;
  GHashTable       *rows;          /* key → AdwEntryRow or AdwComboRow, borrowed */
  char             *error;

  CwCompatEditKind  kind;
  gint64            product_id;
  gint64            version_id;    /* the version edited, 0 to add one */
};

G_DEFINE_FINAL_TYPE (CwCompatEditDialog, cw_compat_edit_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static void
set_error (CwCompatEditDialog *self,
           const char         *message)
{
  if (g_strcmp0 (self->error, message) == 0)
    return;

  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void on_form_changed_cb (CwCompatEditDialog *self);

static GtkWidget *
add_entry (CwCompatEditDialog *self,
           const char         *key,
           const char         *title,
           const char         *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  g_signal_connect_object (row, "changed", G_CALLBACK (on_form_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_list_box_append (self->form_list, row);
  g_hash_table_insert (self->rows, g_strdup (key), row);

  return row;
}

/* @labels and @keys have the same length; @keys are what the field holds. */
static GtkWidget *
add_choice (CwCompatEditDialog *self,
            const char         *key,
            const char         *title,
            const char * const *labels,
            const char * const *keys)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (labels);
  GtkWidget *row = adw_combo_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  g_object_set_data_full (G_OBJECT (row), "cw-keys", g_strdupv ((char **) keys), (GDestroyNotify) g_strfreev);
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_form_changed_cb), self,
                           G_CONNECT_SWAPPED);

  gtk_list_box_append (self->form_list, row);
  g_hash_table_insert (self->rows, g_strdup (key), row);

  return row;
}

/* The text of an entry, trimmed, or the key of a choice; "" when empty. */
static char *
dup_field (CwCompatEditDialog *self,
           const char         *key)
{
  GtkWidget *row = g_hash_table_lookup (self->rows, key);

  if (row == NULL)
    return g_strdup ("");

  if (ADW_IS_COMBO_ROW (row))
    {
      const char * const *keys = g_object_get_data (G_OBJECT (row), "cw-keys");
      guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (row));

      if (keys == NULL || selected == GTK_INVALID_LIST_POSITION || selected >= g_strv_length ((char **) keys))
        return g_strdup ("");
      return g_strdup (keys[selected]);
    }

  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static guint
get_choice (CwCompatEditDialog *self,
            const char         *key)
{
  GtkWidget *row = g_hash_table_lookup (self->rows, key);

  return row != NULL ? adw_combo_row_get_selected (ADW_COMBO_ROW (row)) : GTK_INVALID_LIST_POSITION;
}

static void
mark_row (CwCompatEditDialog *self,
          const char         *key,
          gboolean            bad)
{
  GtkWidget *row = g_hash_table_lookup (self->rows, key);

  if (row == NULL)
    return;

  if (bad)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
}

static gboolean
is_valid_date (const char *text)
{
  guint64 year, month, day;

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;

  year = g_ascii_strtoull (text, NULL, 10);
  month = g_ascii_strtoull (text + 5, NULL, 10);
  day = g_ascii_strtoull (text + 8, NULL, 10);

  return year >= 1 && month >= 1 && month <= 12 && day >= 1 &&
         g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

/* What is wrong with the form, or NULL; *complete is FALSE while a field
 * that is needed is empty (which is not worth an error). */
static const char *
check_form (CwCompatEditDialog *self,
            gboolean           *complete)
{
  *complete = TRUE;

  switch (self->kind)
    {
    case CW_COMPAT_EDIT_PRODUCT:
      {
        g_autofree char *name = dup_field (self, "name");

        *complete = name[0] != '\0';
        return NULL;
      }

    case CW_COMPAT_EDIT_VERSION:
      {
        g_autofree char *version = dup_field (self, "version");
        g_autofree char *released = dup_field (self, "released");
        g_autofree char *end = dup_field (self, "end-of-support");
        gboolean bad_released = released[0] != '\0' && !is_valid_date (released);
        gboolean bad_end = end[0] != '\0' && !is_valid_date (end);
        gboolean reversed = !bad_released && !bad_end && released[0] != '\0' && end[0] != '\0' &&
                            strcmp (end, released) < 0;

        *complete = version[0] != '\0';
        mark_row (self, "released", bad_released);
        mark_row (self, "end-of-support", bad_end || reversed);

        if (bad_released)
          return _("Enter the release date as YYYY-MM-DD, such as 2023-05-02, or leave it empty.");
        if (bad_end)
          return _("Enter the end of support as YYYY-MM-DD, such as 2026-05-02, or leave it empty.");
        if (reversed)
          return _("Support cannot end before the version was released. Check the two dates.");
        return NULL;
      }

    case CW_COMPAT_EDIT_PATH:
      {
        guint from_min = get_choice (self, "from-min");
        guint from_max = get_choice (self, "from-max");
        guint to = get_choice (self, "to");
        gboolean reversed = from_min > from_max;
        gboolean backwards = !reversed && to <= from_max;

        *complete = from_min != GTK_INVALID_LIST_POSITION && from_max != GTK_INVALID_LIST_POSITION &&
                    to != GTK_INVALID_LIST_POSITION;
        if (!*complete)
          return NULL;

        mark_row (self, "from-max", reversed);
        mark_row (self, "to", backwards);

        if (reversed)
          return _("The range starts after it ends. Choose a lowest version that comes before "
                   "the highest one.");
        if (backwards)
          return _("An upgrade goes to a later version. Choose a target after the highest "
                   "version of the range.");
        return NULL;
      }

    case CW_COMPAT_EDIT_RULE:
      return NULL;

    default:
      g_assert_not_reached ();
    }
}

static void
update_state (CwCompatEditDialog *self)
{
  gboolean complete;
  const char *problem = check_form (self, &complete);

  set_error (self, problem);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), complete && problem == NULL);
}

static gint64
write_store (CwCompatEditDialog  *self,
             GError             **error)
{
  switch (self->kind)
    {
    case CW_COMPAT_EDIT_PRODUCT:
      {
        g_autofree char *name = dup_field (self, "name");
        g_autofree char *vendor = dup_field (self, "vendor");

        return cw_compat_add_product (self->store, name, vendor[0] != '\0' ? vendor : NULL, error);
      }

    case CW_COMPAT_EDIT_VERSION:
      {
        g_autofree char *version = dup_field (self, "version");
        g_autofree char *released = dup_field (self, "released");
        g_autofree char *end = dup_field (self, "end-of-support");
        const char *r = released[0] != '\0' ? released : NULL;
        const char *e = end[0] != '\0' ? end : NULL;

        if (self->version_id == 0)
          return cw_compat_add_version (self->store, self->product_id, version, r, e, error);
        if (!cw_compat_update_version (self->store, self->version_id, version, r, e, error))
          return 0;
        return self->version_id;
      }

    case CW_COMPAT_EDIT_PATH:
      {
        g_autofree char *from_min = dup_field (self, "from-min");
        g_autofree char *from_max = dup_field (self, "from-max");
        g_autofree char *to = dup_field (self, "to");
        g_autofree char *note = dup_field (self, "note");

        return cw_compat_add_path (self->store, self->product_id, from_min, from_max, to,
                                   note[0] != '\0' ? note : NULL, error);
      }

    case CW_COMPAT_EDIT_RULE:
      {
        g_autofree char *manufacturer = dup_field (self, "manufacturer");
        g_autofree char *klass = dup_field (self, "class");
        g_autofree char *pattern = dup_field (self, "model-pattern");
        g_autofree char *field = dup_field (self, "field");
        GtkWidget *prefix_row = g_hash_table_lookup (self->rows, "version-prefix");
        CwCompatRule rule = { 0 };

        rule.product_id = self->product_id;
        rule.manufacturer = manufacturer[0] != '\0' ? manufacturer : NULL;
        rule.ci_class = klass[0] != '\0' ? klass : NULL;
        rule.model_pattern = pattern[0] != '\0' ? pattern : NULL;
        if (!cw_ci_field_from_key (field, &rule.field))
          rule.field = CW_CI_FIELD_FIRMWARE_VERSION;
        /* Not trimmed: "RHEL " ends with the space that separates it. */
        rule.version_prefix = (char *) gtk_editable_get_text (GTK_EDITABLE (prefix_row));

        return cw_compat_add_rule (self->store, &rule, error);
      }

    default:
      g_assert_not_reached ();
    }
}

static void
build_form (CwCompatEditDialog *self)
{
  switch (self->kind)
    {
    case CW_COMPAT_EDIT_PRODUCT:
      adw_window_title_set_title (self->window_title, _("Add Product"));
      gtk_button_set_label (self->save_button, _("_Add"));
      gtk_label_set_label (self->intro_label,
                           _("A product is something CIs run at a version: a switch OS, a BMC "
                             "firmware, a hypervisor, a database."));
      add_entry (self, "name", _("_Name"), NULL);
      add_entry (self, "vendor", _("_Vendor"), NULL);
      break;

    case CW_COMPAT_EDIT_VERSION:
      adw_window_title_set_title (self->window_title, _("Add Version"));
      gtk_button_set_label (self->save_button, _("_Add"));
      gtk_label_set_label (self->intro_label,
                           _("Dates are YYYY-MM-DD and may be left empty."));
      add_entry (self, "version", _("_Version"), NULL);
      add_entry (self, "released", _("_Released"), NULL);
      add_entry (self, "end-of-support", _("_End of Support"), NULL);
      break;

    case CW_COMPAT_EDIT_PATH:
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(GPtrArray) versions = cw_compat_list_versions (self->store, self->product_id, &error);
        g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
        g_auto(GStrv) names = NULL;
        GtkWidget *row;
        guint n;

        if (versions == NULL)
          {
            set_error (self, error->message);
            versions = g_ptr_array_new ();
          }
        for (guint i = 0; i < versions->len; i++)
          g_strv_builder_add (builder, ((CwCompatVersion *) g_ptr_array_index (versions, i))->version);
        names = g_strv_builder_end (builder);
        n = g_strv_length (names);

        adw_window_title_set_title (self->window_title, _("Add Upgrade Hop"));
        gtk_button_set_label (self->save_button, _("_Add"));
        gtk_label_set_label (self->intro_label,
                             _("A supported direct upgrade: from any version of the range, "
                               "in the product's order, straight to the target."));
        add_choice (self, "from-min", _("_Lowest Version"), (const char * const *) names,
                    (const char * const *) names);
        row = add_choice (self, "from-max", _("_Highest Version"), (const char * const *) names,
                          (const char * const *) names);
        adw_combo_row_set_selected (ADW_COMBO_ROW (row), 0);
        row = add_choice (self, "to", _("_Upgrade To"), (const char * const *) names,
                          (const char * const *) names);
        if (n > 0)
          adw_combo_row_set_selected (ADW_COMBO_ROW (row), n - 1);
        add_entry (self, "note", _("_Note"), NULL);
      }
      break;

    case CW_COMPAT_EDIT_RULE:
      {
        const char * const *classes = cw_ci_classes ();
        g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();
        g_autoptr(GStrvBuilder) keys = g_strv_builder_new ();
        g_auto(GStrv) class_labels = NULL;
        g_auto(GStrv) class_keys = NULL;
        const char *field_labels[] = {
          cw_ci_field_get_label (CW_CI_FIELD_FIRMWARE_VERSION),
          cw_ci_field_get_label (CW_CI_FIELD_OS_VERSION),
          NULL
        };
        const char *field_keys[] = {
          cw_ci_field_get_key (CW_CI_FIELD_FIRMWARE_VERSION),
          cw_ci_field_get_key (CW_CI_FIELD_OS_VERSION),
          NULL
        };

        g_strv_builder_add (labels, _("Any Class"));
        g_strv_builder_add (keys, "");
        for (guint i = 0; classes[i] != NULL; i++)
          {
            g_strv_builder_add (labels, cw_ci_class_get_label (classes[i]));
            g_strv_builder_add (keys, classes[i]);
          }
        class_labels = g_strv_builder_end (labels);
        class_keys = g_strv_builder_end (keys);

        adw_window_title_set_title (self->window_title, _("Add Matching Rule"));
        gtk_button_set_label (self->save_button, _("_Add"));
        gtk_label_set_label (self->intro_label,
                             _("Imported CIs that match the rule run this product, at the "
                               "version in the field chosen. Empty criteria match any CI; "
                               "a model pattern may use * and ?."));
        add_entry (self, "manufacturer", _("_Manufacturer"), NULL);
        add_choice (self, "class", _("_Class"), (const char * const *) class_labels,
                    (const char * const *) class_keys);
        add_entry (self, "model-pattern", _("_Model Pattern"), NULL);
        add_choice (self, "field", _("Version _Field"), field_labels, field_keys);
        add_entry (self, "version-prefix", _("Version _Prefix"), NULL);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

/* Callbacks */

static void
on_form_changed_cb (CwCompatEditDialog *self)
{
  update_state (self);
}

static void
on_save_clicked_cb (CwCompatEditDialog *self)
{
  cw_compat_edit_dialog_save (self);
}

/* GObject */

static void
cw_compat_edit_dialog_dispose (GObject *object)
{
  CwCompatEditDialog *self = (CwCompatEditDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), CW_TYPE_COMPAT_EDIT_DIALOG);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cw_compat_edit_dialog_parent_class)->dispose (object);
}

static void
cw_compat_edit_dialog_finalize (GObject *object)
{
  CwCompatEditDialog *self = (CwCompatEditDialog *)object;

  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (cw_compat_edit_dialog_parent_class)->finalize (object);
}

static void
cw_compat_edit_dialog_class_init (CwCompatEditDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cw_compat_edit_dialog_dispose;
  object_class->finalize = cw_compat_edit_dialog_finalize;

  /**
   * CwCompatEditDialog::saved:
   * @id: the product, version, path or rule written
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/changeward/Changeward/ui/compat/cw-compat-edit-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CwCompatEditDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, CwCompatEditDialog, form_list);
  gtk_widget_class_bind_template_child (widget_class, CwCompatEditDialog, intro_label);
  gtk_widget_class_bind_template_child (widget_class, CwCompatEditDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, CwCompatEditDialog, window_title);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cw_compat_edit_dialog_init (CwCompatEditDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* Public API */

CwCompatEditDialog *
cw_compat_edit_dialog_new (GtkWindow        *parent,
                           CwStore          *store,
                           CwCompatEditKind  kind,
                           gint64            product_id)
{
  CwCompatEditDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CW_IS_STORE (store), NULL);

  self = g_object_new (CW_TYPE_COMPAT_EDIT_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  self->kind = kind;
  self->product_id = product_id;

  build_form (self);
  update_state (self);

  return self;
}

/**
 * cw_compat_edit_dialog_set_version:
 *
 * Makes a version dialog edit @version instead of adding one.
 */
void
cw_compat_edit_dialog_set_version (CwCompatEditDialog    *self,
                                   const CwCompatVersion *version)
{
  g_return_if_fail (CW_IS_COMPAT_EDIT_DIALOG (self));
  g_return_if_fail (self->kind == CW_COMPAT_EDIT_VERSION);
  g_return_if_fail (version != NULL);

  self->version_id = version->id;
  adw_window_title_set_title (self->window_title, _("Edit Version"));
  adw_window_title_set_subtitle (self->window_title, version->version);
  gtk_button_set_label (self->save_button, _("_Save"));
  gtk_label_set_label (self->intro_label,
                       _("Dates are YYYY-MM-DD and may be left empty. Upgrade hops follow a "
                         "new version name."));

  cw_compat_edit_dialog_set_field (self, "version", version->version);
  cw_compat_edit_dialog_set_field (self, "released", version->released);
  cw_compat_edit_dialog_set_field (self, "end-of-support", version->end_of_support);
}

CwCompatEditKind
cw_compat_edit_dialog_get_kind (CwCompatEditDialog *self)
{
  g_return_val_if_fail (CW_IS_COMPAT_EDIT_DIALOG (self), CW_COMPAT_EDIT_PRODUCT);

  return self->kind;
}

gboolean
cw_compat_edit_dialog_set_field (CwCompatEditDialog *self,
                                 const char         *key,
                                 const char         *value)
{
  GtkWidget *row;

  g_return_val_if_fail (CW_IS_COMPAT_EDIT_DIALOG (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  row = g_hash_table_lookup (self->rows, key);
  if (row == NULL)
    return FALSE;

  if (ADW_IS_COMBO_ROW (row))
    {
      const char * const *keys = g_object_get_data (G_OBJECT (row), "cw-keys");
      GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (row));

      for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
        {
          const char *label = gtk_string_list_get_string (GTK_STRING_LIST (model), i);

          if (g_strcmp0 (keys[i], value) == 0 || g_strcmp0 (label, value) == 0)
            {
              adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
              return TRUE;
            }
        }
      return FALSE;
    }

  gtk_editable_set_text (GTK_EDITABLE (row), value != NULL ? value : "");
  return TRUE;
}

gboolean
cw_compat_edit_dialog_save (CwCompatEditDialog *self)
{
  g_autoptr(GError) error = NULL;
  gboolean complete;
  const char *problem;
  gint64 id;

  g_return_val_if_fail (CW_IS_COMPAT_EDIT_DIALOG (self), FALSE);

  problem = check_form (self, &complete);
  if (problem != NULL || !complete)
    {
      set_error (self, problem != NULL ? problem : _("Fill in the fields that are needed first."));
      return FALSE;
    }

  id = write_store (self, &error);
  if (id == 0)
    {
      g_debug ("Not saved: %s", error != NULL ? error->message : "no reason");
      set_error (self, error != NULL ? error->message : _("Could not save. Try again."));
      return FALSE;
    }

  g_signal_emit (self, signals[SAVED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));

  return TRUE;
}

const char *
cw_compat_edit_dialog_get_error (CwCompatEditDialog *self)
{
  g_return_val_if_fail (CW_IS_COMPAT_EDIT_DIALOG (self), NULL);

  return self->error;
}
