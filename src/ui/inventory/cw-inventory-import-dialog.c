/* cw-inventory-import-dialog.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-inventory-import-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cw-ci-field.h"
#include "cw-csv-layout.h"
#include "cw-inventory-import-dialog.h"
#include "cw-inventory-import-dialog-private.h"
#include "cw-inventory-import.h"

/* Importing a CSV file, step by step: choose the file; see the layout core
 * detected and the first rows (and pick Windows-1252 when the file is not
 * UTF-8); map the columns by hand when the header matches no layout; watch
 * the progress, with Cancel; read the result. The import runs in one
 * transaction on core's own connection, so a cancelled or refused import
 * leaves the workspace as it was. When bad lines refused the whole file,
 * "Import Valid Lines Only" runs it again and writes the bad lines, with
 * their reasons, next to the file. */

G_DEFINE_FINAL_TYPE (CwInventoryImportDialog, cw_inventory_import_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_WORKSPACE_PATH,
  N_PROPS
};

enum {
  IMPORTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

void
cw_inventory_import_dialog_show_step (CwInventoryImportDialog *self,
                                      const char              *step)
{
  gtk_stack_set_visible_child_name (self->stack, step);
}

static gboolean
needs_mapping (CwInventoryImportDialog *self)
{
  return self->preview != NULL && self->preview->mapping == NULL;
}

void
cw_inventory_import_dialog_update_actions (CwInventoryImportDialog *self)
{
  const char *step = gtk_stack_get_visible_child_name (self->stack);
  gboolean preview = g_strcmp0 (step, "preview") == 0;
  gboolean mapping = g_strcmp0 (step, "mapping") == 0;
  gboolean result = g_strcmp0 (step, "result") == 0;
  gboolean progress = g_strcmp0 (step, "progress") == 0;
  gboolean can_import = (preview && !needs_mapping (self)) ||
                        (mapping && cw_inventory_import_dialog_mapping_is_complete (self));

  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), !result && !progress && !mapping);
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), mapping);
  gtk_widget_set_visible (GTK_WIDGET (self->import_button), (preview && !needs_mapping (self)) ||
                                                            mapping);
  gtk_widget_set_visible (GTK_WIDGET (self->next_button), preview && needs_mapping (self));
  gtk_widget_set_visible (GTK_WIDGET (self->done_button), result);
  gtk_widget_set_visible (GTK_WIDGET (self->mapping_hint), mapping && !cw_inventory_import_dialog_mapping_is_complete (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.start", can_import);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.next", preview && needs_mapping (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.back", mapping);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.cancel", progress);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.choose-file", !progress);

  if (can_import)
    gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->import_button));
  else if (result)
    gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->done_button));
  else
    gtk_window_set_default_widget (GTK_WINDOW (self), NULL);
}

static void
on_step_changed_cb (CwInventoryImportDialog *self,
                    GParamSpec              *pspec,
                    GtkStack                *stack)
{
  gtk_spinner_set_spinning (self->loading_spinner,
                            g_strcmp0 (gtk_stack_get_visible_child_name (stack), "loading") == 0);
  cw_inventory_import_dialog_update_actions (self);
}

static void
on_encoding_selected_cb (CwInventoryImportDialog *self,
                         GParamSpec              *pspec,
                         AdwComboRow             *row)
{
  CwCsvEncoding encoding;

  if (self->updating || self->file == NULL)
    return;

  encoding = adw_combo_row_get_selected (row) == 1 ? CW_CSV_ENCODING_WINDOWS_1252
                                                   : CW_CSV_ENCODING_UTF8;
  if (encoding == self->encoding)
    return;

  self->encoding = encoding;
  cw_inventory_import_dialog_read_preview (self);
}

static void
on_fraction_cb (CwInventoryImportDialog *self,
                GParamSpec              *pspec,
                CwInventoryImport       *import)
{
  if (!self->closed)
    gtk_progress_bar_set_fraction (self->progress_bar, cw_inventory_import_get_fraction (import));
}

static void
on_import_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(CwInventoryImportDialog) self = user_data;
  g_autoptr(CwInventoryImportResult) import_result = NULL;
  g_autoptr(GError) error = NULL;

  import_result = cw_inventory_import_run_finish (CW_INVENTORY_IMPORT (object), result, &error);

  /* Tell the pane even when the dialog was closed meanwhile. */
  if (import_result != NULL && import_result->committed)
    g_signal_emit (self, signals[IMPORTED], 0);

  if (self->closed)
    return;

  if (import_result == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          cw_inventory_import_dialog_show_failure (self, _("Import Cancelled"),
                        _("Nothing was imported: the workspace is as it was."));
          adw_status_page_set_icon_name (self->result_page, "dialog-information-symbolic");
        }
      else
        cw_inventory_import_dialog_show_failure (self, _("Could Not Import"), error->message);
      return;
    }

  cw_inventory_import_dialog_show_result (self, import_result);
}

static void
run_import (CwInventoryImportDialog *self)
{
  g_autofree char *name = g_file_get_basename (self->file);

  g_return_if_fail (self->preview != NULL);

  if (self->import != NULL)
    g_signal_handlers_disconnect_by_func (self->import, on_fraction_cb, self);
  g_clear_object (&self->import);

  self->import = cw_inventory_import_new (self->workspace_path, self->file);
  cw_inventory_import_set_encoding (self->import, self->encoding);
  if (self->preview->mapping != NULL)
    cw_inventory_import_set_layout (self->import,
                                    cw_csv_mapping_get_layout (self->preview->mapping));
  else
    {
      g_autoptr(CwCsvMapping) mapping = cw_inventory_import_dialog_create_mapping (self);

      cw_inventory_import_set_mapping (self->import, mapping);
    }
  if (self->rejects != NULL)
    cw_inventory_import_set_rejects_file (self->import, self->rejects);

  g_signal_connect_object (self->import, "notify::fraction", G_CALLBACK (on_fraction_cb), self,
                           G_CONNECT_SWAPPED);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  adw_status_page_set_description (self->progress_page, name);
  cw_inventory_import_dialog_show_step (self, "progress");

  cw_inventory_import_run_async (self->import, self->cancellable, on_import_cb,
                                 g_object_ref (self));
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  CwInventoryImportDialog *self = CW_INVENTORY_IMPORT_DIALOG (widget);

  g_clear_object (&self->rejects);
  run_import (self);
}

/* Next to "inventory.csv": "inventory.rejects.csv". */
static GFile *
create_rejects_file (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *rejects = NULL;
  g_autoptr(GFile) parent = g_file_get_parent (file);

  if (g_str_has_suffix (name, ".csv") || g_str_has_suffix (name, ".CSV"))
    name[strlen (name) - 4] = '\0';
  rejects = g_strconcat (name, ".rejects.csv", NULL);

  return parent != NULL ? g_file_get_child (parent, rejects) : g_file_new_for_path (rejects);
}

static void
valid_only_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  CwInventoryImportDialog *self = CW_INVENTORY_IMPORT_DIALOG (widget);

  g_clear_object (&self->rejects);
  self->rejects = create_rejects_file (self->file);
  run_import (self);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  CwInventoryImportDialog *self = CW_INVENTORY_IMPORT_DIALOG (widget);

  g_cancellable_cancel (self->cancellable);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  cw_inventory_import_dialog_show_step (CW_INVENTORY_IMPORT_DIALOG (widget), "mapping");
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  cw_inventory_import_dialog_show_step (CW_INVENTORY_IMPORT_DIALOG (widget), "preview");
}

static void
on_chooser_response_cb (CwInventoryImportDialog *self,
                        int                      response,
                        GtkNativeDialog         *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  g_clear_object (&self->chooser);

  if (file != NULL)
    cw_inventory_import_dialog_set_file (self, file);
}

static void
choose_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  cw_inventory_import_dialog_choose_file (CW_INVENTORY_IMPORT_DIALOG (widget));
}

static gboolean
cw_inventory_import_dialog_close_request (GtkWindow *window)
{
  CwInventoryImportDialog *self = CW_INVENTORY_IMPORT_DIALOG (window);

  /* A running import is rolled back. */
  self->closed = TRUE;
  g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (cw_inventory_import_dialog_parent_class)->close_request (window);
}

static void
cw_inventory_import_dialog_dispose (GObject *object)
{
  CwInventoryImportDialog *self = (CwInventoryImportDialog *)object;

  self->closed = TRUE;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  if (self->import != NULL)
    g_signal_handlers_disconnect_by_func (self->import, on_fraction_cb, self);
  g_clear_object (&self->import);
  g_clear_pointer (&self->mapping_rows, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), CW_TYPE_INVENTORY_IMPORT_DIALOG);

  g_clear_object (&self->field_names);

  G_OBJECT_CLASS (cw_inventory_import_dialog_parent_class)->dispose (object);
}

static void
cw_inventory_import_dialog_finalize (GObject *object)
{
  CwInventoryImportDialog *self = (CwInventoryImportDialog *)object;

  g_clear_pointer (&self->workspace_path, g_free);
  g_clear_object (&self->file);
  g_clear_object (&self->rejects);
  g_clear_pointer (&self->preview, cw_inventory_preview_free);

  G_OBJECT_CLASS (cw_inventory_import_dialog_parent_class)->finalize (object);
}

static void
cw_inventory_import_dialog_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  CwInventoryImportDialog *self = CW_INVENTORY_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE_PATH:
      g_value_set_string (value, self->workspace_path);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cw_inventory_import_dialog_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  CwInventoryImportDialog *self = CW_INVENTORY_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE_PATH:
      self->workspace_path = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cw_inventory_import_dialog_class_init (CwInventoryImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = cw_inventory_import_dialog_dispose;
  object_class->finalize = cw_inventory_import_dialog_finalize;
  object_class->get_property = cw_inventory_import_dialog_get_property;
  object_class->set_property = cw_inventory_import_dialog_set_property;

  window_class->close_request = cw_inventory_import_dialog_close_request;

  properties[PROP_WORKSPACE_PATH] =
    g_param_spec_string ("workspace-path", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CwInventoryImportDialog::imported:
   *
   * An import changed the workspace.
   */
  signals[IMPORTED] =
    g_signal_new ("imported",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/changeward/Changeward/ui/inventory/cw-inventory-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CwInventoryImportDialog, back_button);
  gtk_widget_class_bind_template_child (widget_class, CwInventoryImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, CwInventoryImportDialog, counts_list);
  gtk_widget_class_bind_template_child (widget_class, CwInventoryImportDialog, done_button);
  gtk_widget_class_bind_template_child (widget_class, CwInventoryImportDialog, encoding_row);
  gtk_widget_class_bind_template_child (widget_class, CwInventoryImportDialog, file_row);
  gtk_widget_class_bind_template_child (widget_class, CwInventoryImportDialog, header_error_box);
  gtk_widget_class_bind_template_child (widget_class, CwInventoryImportDialog, header_error_label);
  gtk_widget_class_bind_template_child (widget_class, CwInventoryImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, CwInventoryImportDialog, layout_label);
  gtk_widget_class_bind_template_child (widget_class, CwInventoryImportDialog, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, CwInventoryImportDialog, mapping_group);
  gtk_widget_class_bind_template_child (widget_class, CwInventoryImportDialog, mapping_hint);
  gtk_widget_class_bind_template_child (widget_class, CwInventoryImportDialog, next_button);
  gtk_widget_class_bind_template_child (widget_class, CwInventoryImportDialog, other_file_button);
  gtk_widget_class_bind_template_child (widget_class, CwInventoryImportDialog, preview_grid);
  gtk_widget_class_bind_template_child (widget_class, CwInventoryImportDialog, preview_heading);
  gtk_widget_class_bind_template_child (widget_class, CwInventoryImportDialog, problems_box);
  gtk_widget_class_bind_template_child (widget_class, CwInventoryImportDialog, problems_heading);
  gtk_widget_class_bind_template_child (widget_class, CwInventoryImportDialog, problems_list);
  gtk_widget_class_bind_template_child (widget_class, CwInventoryImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, CwInventoryImportDialog, progress_page);
  gtk_widget_class_bind_template_child (widget_class, CwInventoryImportDialog, rejects_label);
  gtk_widget_class_bind_template_child (widget_class, CwInventoryImportDialog, result_page);
  gtk_widget_class_bind_template_child (widget_class, CwInventoryImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, CwInventoryImportDialog, valid_only_button);
  gtk_widget_class_bind_template_child (widget_class, CwInventoryImportDialog, window_title);
  gtk_widget_class_bind_template_callback (widget_class, on_encoding_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_step_changed_cb);

  gtk_widget_class_install_action (widget_class, "import.choose-file", NULL, choose_file_action);
  gtk_widget_class_install_action (widget_class, "import.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "import.valid-only", NULL, valid_only_action);
  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "import.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "import.back", NULL, back_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cw_inventory_import_dialog_init (CwInventoryImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->mapping_rows = g_ptr_array_new ();
  self->field_names = gtk_string_list_new (NULL);
  gtk_string_list_append (self->field_names, _("Ignore"));
  for (guint f = 0; f < CW_CI_N_FIELDS; f++)
    gtk_string_list_append (self->field_names, cw_ci_field_get_label (f));

  cw_inventory_import_dialog_update_actions (self);
}

CwInventoryImportDialog *
cw_inventory_import_dialog_new (GtkWindow  *parent,
                                const char *workspace_path)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (workspace_path != NULL, NULL);

  return g_object_new (CW_TYPE_INVENTORY_IMPORT_DIALOG,
                       "transient-for", parent,
                       "workspace-path", workspace_path,
                       NULL);
}

/**
 * cw_inventory_import_dialog_choose_file:
 *
 * Asks for the file to import, in a file chooser on top of the dialog.
 */
void
cw_inventory_import_dialog_choose_file (CwInventoryImportDialog *self)
{
  g_autoptr(GtkFileFilter) csv = NULL;
  g_autoptr(GtkFileFilter) all = NULL;

  g_return_if_fail (CW_IS_INVENTORY_IMPORT_DIALOG (self));

  if (self->chooser != NULL)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
      return;
    }

  self->chooser = gtk_file_chooser_native_new (_("Import Configuration Items"),
                                               GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Open"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);

  csv = gtk_file_filter_new ();
  gtk_file_filter_set_name (csv, _("CSV Files"));
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), csv);

  all = gtk_file_filter_new ();
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (self->chooser), csv);

  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/**
 * cw_inventory_import_dialog_set_file:
 *
 * Reads the first rows of @file and shows them with the layout detected.
 */
void
cw_inventory_import_dialog_set_file (CwInventoryImportDialog *self,
                                     GFile                   *file)
{
  g_return_if_fail (CW_IS_INVENTORY_IMPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  g_set_object (&self->file, file);
  g_clear_object (&self->rejects);
  g_clear_pointer (&self->preview, cw_inventory_preview_free);
  self->encoding = CW_CSV_ENCODING_UTF8;
  self->not_utf8 = FALSE;

  cw_inventory_import_dialog_read_preview (self);
}

const char *
cw_inventory_import_dialog_get_step (CwInventoryImportDialog *self)
{
  g_return_val_if_fail (CW_IS_INVENTORY_IMPORT_DIALOG (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * cw_inventory_import_dialog_get_problems:
 *
 * Returns: (transfer none): the list of problems of the last import
 */
GtkListBox *
cw_inventory_import_dialog_get_problems (CwInventoryImportDialog *self)
{
  g_return_val_if_fail (CW_IS_INVENTORY_IMPORT_DIALOG (self), NULL);

  return self->problems_list;
}
