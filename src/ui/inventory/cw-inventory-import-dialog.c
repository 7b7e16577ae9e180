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
#include "cw-inventory-import.h"

/* Importing a CSV file, step by step: choose the file; see the layout core
 * detected and the first rows (and pick Windows-1252 when the file is not
 * UTF-8); map the columns by hand when the header matches no layout; watch
 * the progress, with Cancel; read the result. The import runs in one
 * transaction on core's own connection, so a cancelled or refused import
 * leaves the workspace as it was. When bad lines refused the whole file,
 * "Import Valid Lines Only" runs it again and writes the bad lines, with
 * their reasons, next to the file. */

#define N_PREVIEW_ROWS 5
#define MAX_PREVIEW_COLUMNS 40

struct _CwInventoryImportDialog
{
  AdwWindow             parent_instance;

  /* Template widgets */
  GtkButton            *back_button;
  GtkButton            *cancel_button;
  GtkListBox           *counts_list;
  GtkButton            *done_button;
  AdwComboRow          *encoding_row;
  AdwActionRow         *file_row;
  GtkBox               *header_error_box;
  GtkLabel             *header_error_label;
  GtkButton            *import_button;
  GtkLabel             *layout_label;
  GtkSpinner           *loading_spinner;
  AdwPreferencesGroup  *mapping_group;
  GtkLabel             *mapping_hint;
  GtkButton            *next_button;
  GtkButton            *other_file_button;
  GtkGrid              *preview_grid;
  GtkLabel             *preview_heading;
  GtkBox               *problems_box;
  GtkLabel             *problems_heading;
  GtkListBox           *problems_list;
  GtkProgressBar       *progress_bar;
  AdwStatusPage        *progress_page;
  GtkLabel             *rejects_label;
  AdwStatusPage        *result_page;
  GtkStack             *stack;
  GtkButton            *valid_only_button;
  AdwWindowTitle       *window_title;

  /* Owned */
  char                 *workspace_path;
  GFile                *file;
  GFile                *rejects;
  CwInventoryPreview   *preview;
  CwInventoryImport    *import;
  GCancellable         *cancellable;
  GtkFileChooserNative *chooser;
  GPtrArray            *mapping_rows;    /* AdwComboRow, one per column */
  GtkStringList        *field_names;

  CwCsvEncoding         encoding;
  gboolean              not_utf8;
  gboolean              updating;
  gboolean              closed;
};

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

static void read_preview (CwInventoryImportDialog *self);

static void
show_step (CwInventoryImportDialog *self,
           const char              *step)
{
  gtk_stack_set_visible_child_name (self->stack, step);
}

static gboolean
mapping_is_complete (CwInventoryImportDialog *self)
{
  gboolean has_name = FALSE;
  gboolean has_class = FALSE;

  for (guint i = 0; i < self->mapping_rows->len; i++)
    {
      guint selected = adw_combo_row_get_selected (g_ptr_array_index (self->mapping_rows, i));

      /* Entry 0 is "Ignore"; entry n is field n - 1. */
      if (selected == CW_CI_FIELD_NAME + 1)
        has_name = TRUE;
      else if (selected == CW_CI_FIELD_CLASS + 1)
        has_class = TRUE;
    }

  return has_name && has_class;
}

static gboolean
needs_mapping (CwInventoryImportDialog *self)
{
  return self->preview != NULL && self->preview->mapping == NULL;
}

static void
update_actions (CwInventoryImportDialog *self)
{
  const char *step = gtk_stack_get_visible_child_name (self->stack);
  gboolean preview = g_strcmp0 (step, "preview") == 0;
  gboolean mapping = g_strcmp0 (step, "mapping") == 0;
  gboolean result = g_strcmp0 (step, "result") == 0;
  gboolean progress = g_strcmp0 (step, "progress") == 0;
  gboolean can_import = (preview && !needs_mapping (self)) ||
                        (mapping && mapping_is_complete (self));

  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), !result && !progress && !mapping);
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), mapping);
  gtk_widget_set_visible (GTK_WIDGET (self->import_button), (preview && !needs_mapping (self)) ||
                                                            mapping);
  gtk_widget_set_visible (GTK_WIDGET (self->next_button), preview && needs_mapping (self));
  gtk_widget_set_visible (GTK_WIDGET (self->done_button), result);
  gtk_widget_set_visible (GTK_WIDGET (self->mapping_hint), mapping && !mapping_is_complete (self));

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
  update_actions (self);
}

static void
clear_grid (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
create_cell (const char *text,
             gboolean    header)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_widget_set_tooltip_text (label, text);
  gtk_widget_add_css_class (label, header ? "import-preview-header" : "import-preview-cell");

  return label;
}

static void
fill_preview_grid (CwInventoryImportDialog *self)
{
  const CwInventoryPreview *preview = self->preview;
  guint n_columns = MIN (preview->n_columns, MAX_PREVIEW_COLUMNS);
  g_autofree char *heading = NULL;

  clear_grid (self->preview_grid);

  for (guint c = 0; c < n_columns && preview->header[c] != NULL; c++)
    gtk_grid_attach (self->preview_grid, create_cell (preview->header[c], TRUE), c, 0, 1, 1);

  for (guint r = 0; r < preview->rows->len; r++)
    {
      char **row = g_ptr_array_index (preview->rows, r);

      for (guint c = 0; c < n_columns && row[c] != NULL; c++)
        gtk_grid_attach (self->preview_grid, create_cell (row[c], FALSE), c, r + 1, 1, 1);
    }

  /* Translators: the heading of the preview of the file's first rows */
  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "First Row", "First %u Rows",
                                          preview->rows->len),
                             preview->rows->len);
  gtk_label_set_label (self->preview_heading, heading);
}

static void
on_mapping_selected_cb (CwInventoryImportDialog *self,
                        GParamSpec              *pspec,
                        AdwComboRow             *row)
{
  update_actions (self);
}

static void
fill_mapping (CwInventoryImportDialog *self)
{
  const CwInventoryPreview *preview = self->preview;
  char **first_row = preview->rows->len > 0 ? g_ptr_array_index (preview->rows, 0) : NULL;

  for (guint i = 0; i < self->mapping_rows->len; i++)
    adw_preferences_group_remove (self->mapping_group, g_ptr_array_index (self->mapping_rows, i));
  g_ptr_array_set_size (self->mapping_rows, 0);

  for (guint c = 0; c < preview->n_columns; c++)
    {
      const char *header = preview->header[c];
      GtkWidget *row = adw_combo_row_new ();
      g_autofree char *title = NULL;
      int guess;

      if (header == NULL || header[0] == '\0')
        /* Translators: a CSV column without a header */
        title = g_strdup_printf (_("Column %u"), c + 1);
      else
        title = g_strdup (header);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      if (first_row != NULL && g_strv_length (first_row) > c && first_row[c][0] != '\0')
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), first_row[c]);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (self->field_names));

      guess = header != NULL ? cw_csv_mapping_guess_column (header) : -1;
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), guess >= 0 ? (guint) guess + 1 : 0);
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_mapping_selected_cb), self,
                               G_CONNECT_SWAPPED);

      adw_preferences_group_add (self->mapping_group, row);
      g_ptr_array_add (self->mapping_rows, row);
    }
}

static void
fill_preview (CwInventoryImportDialog *self)
{
  const CwInventoryPreview *preview = self->preview;
  g_autofree char *name = g_file_get_basename (self->file);
  g_autoptr(GFile) parent = g_file_get_parent (self->file);
  g_autofree char *folder = parent != NULL ? g_file_get_parse_name (parent) : NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->file_row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->file_row), folder != NULL ? folder : "");
  adw_window_title_set_subtitle (self->window_title, name);

  if (preview->mapping != NULL)
    gtk_label_set_label (self->layout_label,
                         cw_csv_layout_get_label (cw_csv_mapping_get_layout (preview->mapping)));
  else
    gtk_label_set_label (self->layout_label, _("Not recognized"));

  gtk_widget_set_visible (GTK_WIDGET (self->header_error_box), preview->mapping == NULL);
  gtk_label_set_label (self->header_error_label,
                       preview->header_error != NULL ? preview->header_error->message : "");

  self->updating = TRUE;
  gtk_widget_set_visible (GTK_WIDGET (self->encoding_row), self->not_utf8);
  adw_combo_row_set_selected (self->encoding_row,
                              self->encoding == CW_CSV_ENCODING_WINDOWS_1252 ? 1 : 0);
  self->updating = FALSE;

  fill_preview_grid (self);
  if (preview->mapping == NULL)
    fill_mapping (self);

  show_step (self, "preview");
  update_actions (self);
}

static void
show_failure (CwInventoryImportDialog *self,
              const char              *title,
              const char              *description)
{
  adw_status_page_set_icon_name (self->result_page, "dialog-warning-symbolic");
  adw_status_page_set_title (self->result_page, title);
  adw_status_page_set_description (self->result_page, description);
  clear_list (self->counts_list);
  clear_list (self->problems_list);
  gtk_widget_set_visible (GTK_WIDGET (self->counts_list), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->problems_box), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->rejects_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->valid_only_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->other_file_button), TRUE);
  show_step (self, "result");
}

static void
preview_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GFile *file = task_data;
  CwCsvEncoding encoding = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (task), "cw-encoding"));
  g_autoptr(GError) error = NULL;
  CwInventoryPreview *preview;

  preview = cw_inventory_preview_read (file, encoding, N_PREVIEW_ROWS, cancellable, &error);
  if (preview == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, preview, (GDestroyNotify) cw_inventory_preview_free);
}

static void
on_preview_read_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(CwInventoryImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  CwInventoryPreview *preview;

  preview = g_task_propagate_pointer (G_TASK (result), &error);
  if (self->closed)
    {
      g_clear_pointer (&preview, cw_inventory_preview_free);
      return;
    }

  if (preview == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_failure (self, _("Could Not Read the File"), error->message);
      return;
    }

  g_clear_pointer (&self->preview, cw_inventory_preview_free);
  self->preview = preview;

  /* Not UTF-8: most likely a ServiceNow export in Windows-1252. Read it as
   * that, and let the user say otherwise. */
  if (!preview->is_utf8 && !self->not_utf8)
    {
      self->not_utf8 = TRUE;
      if (self->encoding == CW_CSV_ENCODING_UTF8)
        {
          self->encoding = CW_CSV_ENCODING_WINDOWS_1252;
          read_preview (self);
          return;
        }
    }

  fill_preview (self);
}

static void
read_preview (CwInventoryImportDialog *self)
{
  g_autoptr(GTask) task = NULL;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  show_step (self, "loading");

  task = g_task_new (NULL, self->cancellable, on_preview_read_cb, g_object_ref (self));
  g_task_set_source_tag (task, read_preview);
  g_task_set_task_data (task, g_object_ref (self->file), g_object_unref);
  g_object_set_data (G_OBJECT (task), "cw-encoding", GINT_TO_POINTER (self->encoding));
  g_task_run_in_thread (task, preview_thread);
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
  read_preview (self);
}

static void
add_count_row (CwInventoryImportDialog *self,
               const char              *title,
               guint                    count)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *text = g_strdup_printf ("%'u", count);
  GtkWidget *label = gtk_label_new (text);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_add_css_class (label, "numeric");
  if (count == 0)
    gtk_widget_add_css_class (label, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  gtk_list_box_append (self->counts_list, row);
}

static void
fill_problems (CwInventoryImportDialog       *self,
               const CwInventoryImportResult *result)
{
  g_autofree char *heading = NULL;

  clear_list (self->problems_list);

  for (guint i = 0; result->problems != NULL && i < result->problems->len; i++)
    {
      const CwInventoryProblem *problem = g_ptr_array_index (result->problems, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = NULL;

      /* Translators: where a problem of a CSV file is */
      title = g_strdup_printf (_("Line %u"), problem->line);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   problem->reason != NULL ? problem->reason : problem->message);
      gtk_list_box_append (self->problems_list, row);
    }

  if (result->problems != NULL && result->n_problems > result->problems->len)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = NULL;
      guint more = result->n_problems - result->problems->len;

      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "And %'u more problem",
                                            "And %'u more problems", more), more);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->problems_list, row);
    }

  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u Problem", "%'u Problems",
                                          result->n_problems),
                             result->n_problems);
  gtk_label_set_label (self->problems_heading, heading);
  gtk_widget_set_visible (GTK_WIDGET (self->problems_box), result->n_problems > 0);
}

static void
show_result (CwInventoryImportDialog       *self,
             const CwInventoryImportResult *result)
{
  g_autofree char *name = g_file_get_basename (self->file);
  g_autofree char *description = NULL;

  clear_list (self->counts_list);
  fill_problems (self, result);
  gtk_widget_set_visible (GTK_WIDGET (self->other_file_button), FALSE);

  if (result->committed)
    {
      adw_status_page_set_icon_name (self->result_page, "emblem-ok-symbolic");
      adw_status_page_set_title (self->result_page, _("Import Complete"));
      /* Translators: the result of an import: how many lines of which file */
      description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "%'u line read from “%s”.",
                                                  "%'u lines read from “%s”.",
                                                  result->n_records),
                                     result->n_records, name);

      add_count_row (self, _("Added"), result->n_inserted);
      add_count_row (self, _("Updated"), result->n_updated);
      add_count_row (self, _("Unchanged"), result->n_unchanged);
      add_count_row (self, _("Version changes recorded"), result->n_version_changes);
      if (result->n_rejected > 0)
        add_count_row (self, _("Lines rejected"), result->n_rejected);
      gtk_widget_set_visible (GTK_WIDGET (self->counts_list), TRUE);
      gtk_widget_set_visible (GTK_WIDGET (self->valid_only_button), FALSE);

      if (self->rejects != NULL && result->n_rejected > 0)
        {
          g_autofree char *path = g_file_get_parse_name (self->rejects);
          g_autofree char *text = NULL;

          text = g_strdup_printf (_("The rejected lines and their reasons were written to “%s”."),
                                  path);
          gtk_label_set_label (self->rejects_label, text);
          gtk_widget_set_visible (GTK_WIDGET (self->rejects_label), TRUE);
        }
      else
        gtk_widget_set_visible (GTK_WIDGET (self->rejects_label), FALSE);
    }
  else
    {
      adw_status_page_set_icon_name (self->result_page, "dialog-warning-symbolic");
      adw_status_page_set_title (self->result_page, _("Nothing Was Imported"));
      description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "%'u line of “%s” has a problem, so nothing "
                                                  "was imported. Correct the file and import it "
                                                  "again, or import only the valid lines.",
                                                  "%'u lines of “%s” have a problem, so nothing "
                                                  "was imported. Correct the file and import it "
                                                  "again, or import only the valid lines.",
                                                  result->n_problems),
                                     result->n_problems, name);
      gtk_widget_set_visible (GTK_WIDGET (self->counts_list), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->rejects_label), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->valid_only_button), TRUE);
    }

  adw_status_page_set_description (self->result_page, description);
  show_step (self, "result");
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
          show_failure (self, _("Import Cancelled"),
                        _("Nothing was imported: the workspace is as it was."));
          adw_status_page_set_icon_name (self->result_page, "dialog-information-symbolic");
        }
      else
        show_failure (self, _("Could Not Import"), error->message);
      return;
    }

  show_result (self, import_result);
}

static CwCsvMapping *
create_custom_mapping (CwInventoryImportDialog *self)
{
  g_autofree int *columns = g_new (int, self->mapping_rows->len);

  for (guint i = 0; i < self->mapping_rows->len; i++)
    {
      guint selected = adw_combo_row_get_selected (g_ptr_array_index (self->mapping_rows, i));

      columns[i] = selected == 0 || selected == GTK_INVALID_LIST_POSITION ? -1 : (int) selected - 1;
    }

  return cw_csv_mapping_new_custom (self->mapping_rows->len, columns);
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
      g_autoptr(CwCsvMapping) mapping = create_custom_mapping (self);

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
  show_step (self, "progress");

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
  show_step (CW_INVENTORY_IMPORT_DIALOG (widget), "mapping");
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  show_step (CW_INVENTORY_IMPORT_DIALOG (widget), "preview");
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

  update_actions (self);
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

  read_preview (self);
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
