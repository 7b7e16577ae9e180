/* cw-runbooks-page-files.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-runbooks-page-files"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cw-runbooks-page-private.h"

/* Import and export ("runbooks.import", "runbooks.export"). Import reads
 * the file (JSON or CSV, by its extension) on a worker, then saves it
 * through core; when the file has problems nothing is saved, and a dialog
 * lists every one, with its line or JSON path. Export writes the version
 * shown, as edited, as JSON, CSV or Markdown. */

static GtkWindow *
get_parent_window (CwRunbooksPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* Import */

static gboolean
is_task_list (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  CwRunbookFormat format;

  return path != NULL && cw_runbook_format_guess (path, &format) && format == CW_RUNBOOK_FORMAT_CSV;
}

static void
read_file_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  GError *error = NULL;
  CwRunbook *runbook = cw_runbook_read_file (task_data, NULL, NULL, &error);

  if (runbook == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, runbook, (GDestroyNotify) cw_runbook_free);
}

static void
on_file_read_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  CwRunbooksPage *self = CW_RUNBOOKS_PAGE (object);
  g_autoptr(GFile) file = user_data;
  g_autoptr(CwRunbook) runbook = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *heading = NULL;
  g_autofree char *message = NULL;
  CwStore *store = _cw_runbooks_page_get_store (self);

  self->importing = FALSE;
  _cw_runbooks_page_actions_update (self);

  runbook = g_task_propagate_pointer (G_TASK (result), &error);
  /* A task list keeps, from the latest version, what its columns lack. */
  if (runbook != NULL && store != NULL &&
      (!is_task_list (file) || cw_runbooks_complete_task_list (store, runbook, NULL, &error)))
    cw_runbooks_import (store, runbook, &error);

  if (error != NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      /* Translators: %s is a file name */
      heading = g_strdup_printf (_("Nothing Imported From “%s”"), basename);
      if (g_error_matches (error, CW_RUNBOOK_ERROR, CW_RUNBOOK_ERROR_PARSE) ||
          g_error_matches (error, CW_RUNBOOK_ERROR, CW_RUNBOOK_ERROR_INVALID))
        _cw_runbooks_page_show_error (self, heading, _("Fix these problems in the file and import it again."),
                           error->message);
      else
        _cw_runbooks_page_show_error (self, heading, error->message, NULL);
      return;
    }

  if (runbook == NULL || store == NULL)
    return;

  /* Translators: a toast; a runbook's name */
  message = g_strdup_printf (_("Imported “%s”"), runbook->name);
  _cw_runbooks_page_add_toast (self, message);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  _cw_runbooks_page_reload (self, runbook->name, 0);
}

void
cw_runbooks_page_import (CwRunbooksPage *self,
                         GFile          *file)
{
  g_autoptr(GTask) task = NULL;
  char *path;

  g_return_if_fail (CW_IS_RUNBOOKS_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->importing || !_cw_runbooks_page_save_if_modified (self, TRUE))
    return;

  path = g_file_get_path (file);
  if (path == NULL)
    {
      _cw_runbooks_page_show_error (self, _("Nothing Imported"), _("Only files on this computer can be imported."), NULL);
      return;
    }

  self->importing = TRUE;
  _cw_runbooks_page_actions_update (self);

  task = g_task_new (self, self->cancellable, on_file_read_cb, g_object_ref (file));
  g_task_set_source_tag (task, cw_runbooks_page_import);
  g_task_set_task_data (task, path, g_free);
  g_task_run_in_thread (task, read_file_thread);
}

gboolean
cw_runbooks_page_get_importing (CwRunbooksPage *self)
{
  g_return_val_if_fail (CW_IS_RUNBOOKS_PAGE (self), FALSE);

  return self->importing;
}

/* Export */

gboolean
cw_runbooks_page_export (CwRunbooksPage  *self,
                         CwRunbookFormat  format,
                         GFile           *file)
{
  const CwRunbook *runbook;
  g_autofree char *text = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (CW_IS_RUNBOOKS_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  runbook = cw_runbook_editor_get_runbook (self->editor);
  if (runbook == NULL)
    return FALSE;

  switch (format)
    {
    case CW_RUNBOOK_FORMAT_CSV:
      text = cw_runbook_to_csv (runbook);
      break;

    case CW_RUNBOOK_FORMAT_MARKDOWN:
      text = cw_runbook_to_markdown (runbook);
      break;

    case CW_RUNBOOK_FORMAT_JSON:
    default:
      text = cw_runbook_to_json (runbook);
      break;
    }

  basename = g_file_get_basename (file);
  if (!g_file_replace_contents (file, text, strlen (text), NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                NULL, NULL, &error))
    {
      /* Translators: %s is a file name */
      message = g_strdup_printf (_("“%s” could not be written."), basename);
      _cw_runbooks_page_show_error (self, _("Could Not Export"), message, error->message);
      return FALSE;
    }

  /* Translators: a toast; %s is a file name */
  message = g_strdup_printf (_("Exported to “%s”"), basename);
  _cw_runbooks_page_add_toast (self, message);

  return TRUE;
}

/* File chooser */

static const char *
format_extension (CwRunbookFormat format)
{
  switch (format)
    {
    case CW_RUNBOOK_FORMAT_CSV:
      return "csv";
    case CW_RUNBOOK_FORMAT_MARKDOWN:
      return "md";
    case CW_RUNBOOK_FORMAT_JSON:
    default:
      return "json";
    }
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char     *mime_type,
            const char     *suffix)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_filter_add_suffix (filter, suffix);
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
on_chooser_response_cb (CwRunbooksPage  *self,
                        int              response,
                        GtkNativeDialog *chooser)
{
  g_autoptr(GFile) file = NULL;
  const int *format = g_object_get_data (G_OBJECT (chooser), "cw-format");
  gboolean import = gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)) == GTK_FILE_CHOOSER_ACTION_OPEN;
  CwRunbookFormat chosen = format != NULL ? (CwRunbookFormat) *format : CW_RUNBOOK_FORMAT_JSON;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  g_clear_object (&self->chooser);

  if (file == NULL)
    return;

  if (import)
    cw_runbooks_page_import (self, file);
  else
    cw_runbooks_page_export (self, chosen, file);
}

static void
choose_file (CwRunbooksPage  *self,
             gboolean         import,
             CwRunbookFormat  format)
{
  const CwRunbook *runbook = cw_runbook_editor_get_runbook (self->editor);
  GtkFileChooser *chooser;
  int stored = format;

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  self->chooser = gtk_file_chooser_native_new (import ? _("Import a Runbook") : _("Export the Runbook"),
                                               get_parent_window (self),
                                               import ? GTK_FILE_CHOOSER_ACTION_OPEN
                                                      : GTK_FILE_CHOOSER_ACTION_SAVE,
                                               import ? _("_Import") : _("_Export"),
                                               _("_Cancel"));
  chooser = GTK_FILE_CHOOSER (self->chooser);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_object_set_data_full (G_OBJECT (self->chooser), "cw-format", g_memdup2 (&stored, sizeof stored), g_free);

  if (import)
    {
      g_autoptr(GtkFileFilter) both = gtk_file_filter_new ();

      gtk_file_filter_set_name (both, _("Runbooks (JSON or CSV)"));
      gtk_file_filter_add_suffix (both, "json");
      gtk_file_filter_add_suffix (both, "csv");
      gtk_file_chooser_add_filter (chooser, both);
      add_filter (chooser, _("JSON Files"), "application/json", "json");
      add_filter (chooser, _("CSV Files"), "text/csv", "csv");
    }
  else
    {
      g_autofree char *name = NULL;

      switch (format)
        {
        case CW_RUNBOOK_FORMAT_CSV:
          add_filter (chooser, _("CSV Files"), "text/csv", "csv");
          break;

        case CW_RUNBOOK_FORMAT_MARKDOWN:
          add_filter (chooser, _("Markdown Files"), "text/markdown", "md");
          break;

        case CW_RUNBOOK_FORMAT_JSON:
        default:
          add_filter (chooser, _("JSON Files"), "application/json", "json");
          break;
        }

      name = g_strdup_printf ("%s.%s", runbook != NULL ? runbook->name : "runbook", format_extension (format));
      g_strdelimit (name, "/\\", '-');
      gtk_file_chooser_set_current_name (chooser, name);
    }

  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  choose_file (CW_RUNBOOKS_PAGE (widget), TRUE, CW_RUNBOOK_FORMAT_JSON);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  CwRunbookFormat format;

  if (!cw_runbook_format_from_string (g_variant_get_string (param, NULL), &format))
    return;

  choose_file (CW_RUNBOOKS_PAGE (widget), FALSE, format);
}

/* Internal API */

void
_cw_runbooks_page_class_files_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "runbooks.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "runbooks.export", "s", export_action);
}

void
_cw_runbooks_page_files_dispose (CwRunbooksPage *self)
{
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
}
