/* cw-inventory-import-reader.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-inventory-import"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cw-inventory-import.h"
#include "cw-inventory-import-private.h"

/* The reading side of an import: batches, the reader thread, the rejects
 * file, and the preview of the first rows for the import dialog. */

#define REJECTS_FLUSH (64 * 1024)

/* ---- batches ------------------------------------------------------------- */

void
cw_import_problem_free (CwImportProblem *problem)
{
  if (problem == NULL)
    return;

  g_free (problem->message);
  g_free (problem->reason);
  g_strfreev (problem->fields);
  g_free (problem);
}

CwImportBatch *
cw_import_batch_new (void)
{
  CwImportBatch *batch = g_new0 (CwImportBatch, 1);

  batch->text = g_string_sized_new (CW_IMPORT_BATCH_TEXT);
  batch->records = g_array_sized_new (FALSE, FALSE, sizeof (CwImportRecord),
                                      CW_IMPORT_BATCH_RECORDS);
  batch->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) cw_import_problem_free);

  return batch;
}

void
cw_import_batch_reset (CwImportBatch *batch)
{
  g_string_truncate (batch->text, 0);
  g_array_set_size (batch->records, 0);
  g_ptr_array_set_size (batch->problems, 0);
  batch->n_lines = 0;
  batch->bytes_read = 0;
  batch->last = FALSE;
  g_clear_error (&batch->error);
}

void
cw_import_batch_free (CwImportBatch *batch)
{
  if (batch == NULL)
    return;

  g_string_free (batch->text, TRUE);
  g_array_unref (batch->records);
  g_ptr_array_unref (batch->problems);
  g_clear_error (&batch->error);
  g_free (batch);
}

/* ---- the reader thread ---------------------------------------------------- */

static void
add_problem (CwImportBatch      *batch,
             guint               line,
             char               *message,
             const char         *reason,
             const char * const *fields)
{
  CwImportProblem *problem = g_new0 (CwImportProblem, 1);

  problem->line = line;
  problem->message = message;
  problem->reason = g_strdup (reason != NULL ? reason : message);
  problem->fields = fields != NULL ? g_strdupv ((char **) fields) : NULL;
  g_ptr_array_add (batch->problems, problem);
}

static void
fill_batch (CwImportReading     *state,
            CwImportBatch *batch)
{
  g_auto(CwCiRecord) record = { { 0 } };

  while (batch->records->len + batch->problems->len < CW_IMPORT_BATCH_RECORDS
         && batch->text->len < CW_IMPORT_BATCH_TEXT)
    {
      g_autoptr(GError) error = NULL;
      const char * const *fields = NULL;
      CwImportRecord *item;
      guint n_fields = 0;
      guint line = 0;

      if (!cw_csv_reader_next (state->reader, &fields, &n_fields, &line, state->cancellable,
                               &error))
        {
          if (error == NULL)
            {
              batch->last = TRUE;
              break;
            }
          if (cw_csv_error_is_fatal (error))
            {
              batch->error = g_steal_pointer (&error);
              batch->last = TRUE;
              break;
            }
          batch->n_lines++;
          add_problem (batch, line, g_strdup (error->message), NULL, NULL);
          continue;
        }

      batch->n_lines++;
      if (!cw_csv_mapping_apply (state->mapping, fields, n_fields, &record, &error))
        {
          /* Translators: a line number, then what is wrong with it. */
          add_problem (batch, line, g_strdup_printf (_("Line %u: %s"), line, error->message),
                       error->message, fields);
          continue;
        }

      g_array_set_size (batch->records, batch->records->len + 1);
      item = &g_array_index (batch->records, CwImportRecord, batch->records->len - 1);
      item->line = line;
      for (guint f = 0; f < CW_CI_N_FIELDS; f++)
        {
          const char *value = record.values[f];

          if (value == NULL)
            {
              item->values[f] = 0;
              continue;
            }
          item->values[f] = batch->text->len + 1;
          g_string_append_len (batch->text, value, strlen (value) + 1);
        }
    }

  batch->bytes_read = cw_csv_reader_get_bytes_read (state->reader);
}

gpointer
cw_import_read_thread (gpointer data)
{
  CwImportReading *state = data;
  gboolean last = FALSE;

  while (!last)
    {
      CwImportBatch *batch = g_async_queue_pop (state->free_batches);

      cw_import_batch_reset (batch);
      if (g_atomic_int_get (&state->stop))
        batch->last = TRUE;
      else
        fill_batch (state, batch);

      last = batch->last;
      g_async_queue_push (state->read_batches, batch);
    }

  return NULL;
}

/* ---- the rejects file ------------------------------------------------------ */

struct _CwImportRejects
{
  GFile         *file;
  GOutputStream *output;
  GString       *buffer;
  guint          n_columns;
  gboolean       existed;
};

void
cw_import_rejects_free (CwImportRejects *rejects)
{
  if (rejects == NULL)
    return;

  /* Not closed: nothing was imported, so no rejects either. A cancelled
   * close drops what was written and leaves any old file. */
  if (rejects->output != NULL)
    {
      g_autoptr(GCancellable) cancelled = g_cancellable_new ();

      g_cancellable_cancel (cancelled);
      g_output_stream_close (rejects->output, cancelled, NULL);
      g_clear_object (&rejects->output);
      if (!rejects->existed)
        g_file_delete (rejects->file, NULL, NULL);
    }
  g_clear_object (&rejects->file);
  g_string_free (rejects->buffer, TRUE);
  g_free (rejects);
}

static gboolean
flush (CwImportRejects       *rejects,
               GCancellable  *cancellable,
               GError       **error)
{
  gboolean ok;

  ok = g_output_stream_write_all (rejects->output, rejects->buffer->str, rejects->buffer->len,
                                  NULL, cancellable, error);
  g_string_truncate (rejects->buffer, 0);
  return ok;
}

CwImportRejects *
cw_import_rejects_open (GFile              *file,
              const char * const *header,
              guint               n_columns,
              GCancellable       *cancellable,
              GError            **error)
{
  g_autoptr(CwImportRejects) rejects = g_new0 (CwImportRejects, 1);
  g_autoptr(GPtrArray) columns = g_ptr_array_new ();

  rejects->file = g_object_ref (file);
  rejects->buffer = g_string_new (NULL);
  rejects->n_columns = n_columns;
  rejects->existed = g_file_query_exists (file, cancellable);
  rejects->output = G_OUTPUT_STREAM (g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE,
                                                     cancellable, error));
  if (rejects->output == NULL)
    return NULL;

  g_ptr_array_add (columns, (gpointer) "line");
  g_ptr_array_add (columns, (gpointer) "reason");
  for (guint i = 0; i < n_columns; i++)
    g_ptr_array_add (columns, (gpointer) header[i]);
  cw_csv_append_record (rejects->buffer, (const char * const *) columns->pdata, columns->len);

  return g_steal_pointer (&rejects);
}

gboolean
cw_import_rejects_add (CwImportRejects                *rejects,
             const CwImportProblem  *problem,
             GCancellable           *cancellable,
             GError                **error)
{
  g_autofree const char **columns = g_new0 (const char *, rejects->n_columns + 2);
  char line[16];

  g_snprintf (line, sizeof line, "%u", problem->line);
  columns[0] = line;
  columns[1] = problem->reason;
  for (guint i = 0; problem->fields != NULL && problem->fields[i] != NULL
       && i < rejects->n_columns; i++)
    columns[i + 2] = problem->fields[i];
  cw_csv_append_record (rejects->buffer, columns, rejects->n_columns + 2);

  if (rejects->buffer->len >= REJECTS_FLUSH)
    return flush (rejects, cancellable, error);

  return TRUE;
}

gboolean
cw_import_rejects_close (CwImportRejects       *rejects,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GOutputStream) output = NULL;

  if (!flush (rejects, cancellable, error))
    return FALSE;

  output = g_steal_pointer (&rejects->output);
  return g_output_stream_close (output, cancellable, error);
}

/* ---- preview -------------------------------------------------------------- */

void
cw_inventory_preview_free (CwInventoryPreview *preview)
{
  if (preview == NULL)
    return;

  g_strfreev (preview->header);
  g_clear_pointer (&preview->rows, g_ptr_array_unref);
  g_clear_pointer (&preview->mapping, cw_csv_mapping_unref);
  g_clear_error (&preview->header_error);
  g_free (preview);
}

/**
 * cw_inventory_preview_read:
 * @file: a CSV file
 * @encoding: how to read it
 * @n_rows: how many data rows to return at most
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads the header and the first rows of @file and detects its layout.
 * Rows the reader rejects are left out; when that is because they are not
 * valid UTF-8 (or the header is not), is_utf8 is %FALSE.
 *
 * Returns: (transfer full): the preview, or %NULL when the file cannot be
 *   read or has no header row
 */
CwInventoryPreview *
cw_inventory_preview_read (GFile          *file,
                           CwCsvEncoding   encoding,
                           guint           n_rows,
                           GCancellable   *cancellable,
                           GError        **error)
{
  g_autoptr(CwInventoryPreview) preview = NULL;
  g_autoptr(GFileInputStream) input = NULL;
  g_autoptr(CwCsvReader) reader = NULL;
  g_autoptr(GError) local_error = NULL;
  const char * const *fields = NULL;
  guint n_fields = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  input = g_file_read (file, cancellable, error);
  if (input == NULL)
    return NULL;

  preview = g_new0 (CwInventoryPreview, 1);
  preview->encoding = encoding;
  preview->is_utf8 = TRUE;
  preview->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  reader = cw_csv_reader_new (G_INPUT_STREAM (input), encoding);
  if (!cw_csv_reader_next (reader, &fields, &n_fields, NULL, cancellable, &local_error))
    {
      if (g_error_matches (local_error, CW_CSV_ERROR, CW_CSV_ERROR_ENCODING))
        {
          preview->is_utf8 = encoding != CW_CSV_ENCODING_UTF8;
          preview->header = g_new0 (char *, 1);
          preview->header_error = g_steal_pointer (&local_error);
          return g_steal_pointer (&preview);
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  preview->header = g_strdupv ((char **) fields);
  preview->n_columns = n_fields;
  preview->mapping = cw_csv_mapping_detect (fields, n_fields, CW_CSV_LAYOUT_AUTO,
                                            &preview->header_error);

  while (preview->rows->len < n_rows)
    {
      if (cw_csv_reader_next (reader, &fields, &n_fields, NULL, cancellable, &local_error))
        {
          g_ptr_array_add (preview->rows, g_strdupv ((char **) fields));
          continue;
        }
      if (local_error == NULL)
        break;
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      /* The import reports the rest, with line numbers. */
      if (cw_csv_error_is_fatal (local_error))
        break;
      if (g_error_matches (local_error, CW_CSV_ERROR, CW_CSV_ERROR_ENCODING)
          && encoding == CW_CSV_ENCODING_UTF8)
        preview->is_utf8 = FALSE;
      g_clear_error (&local_error);
    }

  return g_steal_pointer (&preview);
}
