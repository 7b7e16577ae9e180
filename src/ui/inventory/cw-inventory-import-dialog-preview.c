/* cw-inventory-import-dialog-preview.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-inventory-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cw-inventory-import-dialog-private.h"

gboolean
cw_inventory_import_dialog_mapping_is_complete (CwInventoryImportDialog *self)
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

static void
clear_grid (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
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
  cw_inventory_import_dialog_update_actions (self);
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

  cw_inventory_import_dialog_show_step (self, "preview");
  cw_inventory_import_dialog_update_actions (self);
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
        cw_inventory_import_dialog_show_failure (self, _("Could Not Read the File"), error->message);
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
          cw_inventory_import_dialog_read_preview (self);
          return;
        }
    }

  fill_preview (self);
}

void
cw_inventory_import_dialog_read_preview (CwInventoryImportDialog *self)
{
  g_autoptr(GTask) task = NULL;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  cw_inventory_import_dialog_show_step (self, "loading");

  task = g_task_new (NULL, self->cancellable, on_preview_read_cb, g_object_ref (self));
  g_task_set_source_tag (task, cw_inventory_import_dialog_read_preview);
  g_task_set_task_data (task, g_object_ref (self->file), g_object_unref);
  g_object_set_data (G_OBJECT (task), "cw-encoding", GINT_TO_POINTER (self->encoding));
  g_task_run_in_thread (task, preview_thread);
}

CwCsvMapping *
cw_inventory_import_dialog_create_mapping (CwInventoryImportDialog *self)
{
  g_autofree int *columns = g_new (int, self->mapping_rows->len);

  for (guint i = 0; i < self->mapping_rows->len; i++)
    {
      guint selected = adw_combo_row_get_selected (g_ptr_array_index (self->mapping_rows, i));

      columns[i] = selected == 0 || selected == GTK_INVALID_LIST_POSITION ? -1 : (int) selected - 1;
    }

  return cw_csv_mapping_new_custom (self->mapping_rows->len, columns);
}
