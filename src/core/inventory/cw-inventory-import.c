/* cw-inventory-import.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-inventory-import"

#include "config.h"

#include <glib/gi18n.h>

#include "cw-inventory-import.h"
#include "cw-inventory-import-private.h"

/* Reads a CSV file on one thread and writes it on another (see
 * cw-inventory-import-private.h), in one transaction that only a complete,
 * clean run commits. */

#define N_BATCHES           6
#define MAX_PROBLEMS_KEPT   1000
#define NOTIFY_INTERVAL_US  (G_USEC_PER_SEC / 20)
#define READ_SHARE          0.9   /* of the progress; the rest is index and commit */

struct _CwInventoryImport
{
  GObject        parent_instance;

  char          *workspace_path;
  GFile         *file;
  CwCsvLayout    layout;
  CwCsvMapping  *mapping;
  CwCsvEncoding  encoding;
  GFile         *rejects;

  double         fraction;
  gboolean       running;
};

G_DEFINE_FINAL_TYPE (CwInventoryImport, cw_inventory_import, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_FRACTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- results -------------------------------------------------------------- */

static void
problem_free (CwInventoryProblem *problem)
{
  g_free (problem->message);
  g_free (problem->reason);
  g_free (problem);
}

void
cw_inventory_import_result_free (CwInventoryImportResult *result)
{
  if (result == NULL)
    return;

  g_clear_pointer (&result->problems, g_ptr_array_unref);
  g_free (result);
}

static CwInventoryImportResult *
result_new (void)
{
  CwInventoryImportResult *result = g_new0 (CwInventoryImportResult, 1);

  result->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);
  return result;
}

/* ---- progress ------------------------------------------------------------- */

/* Everything one run needs, taken from the object when it starts. */
typedef struct
{
  CwInventoryImport *self;
  char              *workspace_path;
  GFile             *file;
  CwCsvLayout        layout;
  CwCsvMapping      *mapping;
  CwCsvEncoding      encoding;
  GFile             *rejects;
  GMainContext      *context;      /* NULL: notify on the running thread */
  gint64             last_notify;
} RunState;

static void
run_state_free (RunState *state)
{
  g_clear_object (&state->self);
  g_free (state->workspace_path);
  g_clear_object (&state->file);
  g_clear_pointer (&state->mapping, cw_csv_mapping_unref);
  g_clear_object (&state->rejects);
  g_clear_pointer (&state->context, g_main_context_unref);
  g_free (state);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RunState, run_state_free)

static RunState *
run_state_new (CwInventoryImport *self)
{
  RunState *state = g_new0 (RunState, 1);

  state->self = g_object_ref (self);
  state->workspace_path = g_strdup (self->workspace_path);
  state->file = g_object_ref (self->file);
  state->layout = self->layout;
  state->mapping = self->mapping != NULL ? cw_csv_mapping_ref (self->mapping) : NULL;
  state->encoding = self->encoding;
  state->rejects = self->rejects != NULL ? g_object_ref (self->rejects) : NULL;
  self->running = TRUE;

  return state;
}

static void
set_fraction (CwInventoryImport *self,
              double             fraction)
{
  if (self->fraction == fraction)
    return;

  self->fraction = fraction;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
}

typedef struct
{
  CwInventoryImport *self;
  double             fraction;
} FractionUpdate;

static gboolean
on_fraction_cb (gpointer data)
{
  FractionUpdate *update = data;

  set_fraction (update->self, update->fraction);
  return G_SOURCE_REMOVE;
}

static void
fraction_update_free (FractionUpdate *update)
{
  g_object_unref (update->self);
  g_free (update);
}

/* At most 20 times a second, and always for the end. */
static void
report_progress (RunState *state,
                 double    fraction,
                 gboolean  force)
{
  gint64 now = g_get_monotonic_time ();
  FractionUpdate *update;
  g_autoptr(GSource) source = NULL;

  if (!force && state->last_notify != 0 && now - state->last_notify < NOTIFY_INTERVAL_US)
    return;
  state->last_notify = now;

  if (state->context == NULL)
    {
      set_fraction (state->self, fraction);
      return;
    }

  update = g_new0 (FractionUpdate, 1);
  update->self = g_object_ref (state->self);
  update->fraction = fraction;
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, on_fraction_cb, update, (GDestroyNotify) fraction_update_free);
  g_source_set_static_name (source, "[cw] import progress");
  g_source_attach (source, state->context);
}

/* ---- the run ------------------------------------------------------------- */

static CwCsvMapping *
choose_mapping (RunState            *state,
                const char * const  *header,
                guint                n_columns,
                GError             **error)
{
  if (state->mapping == NULL)
    return cw_csv_mapping_detect (header, n_columns, state->layout, error);

  if (cw_csv_mapping_get_n_columns (state->mapping) != n_columns)
    {
      g_set_error (error, CW_CSV_ERROR, CW_CSV_ERROR_UNKNOWN_HEADER,
                   _("The column mapping is for %u columns, but the file has %u."),
                   cw_csv_mapping_get_n_columns (state->mapping), n_columns);
      return NULL;
    }

  return cw_csv_mapping_ref (state->mapping);
}

static void
keep_problems (CwInventoryImportResult *result,
               CwImportBatch           *batch)
{
  for (guint i = 0; i < batch->problems->len; i++)
    {
      const CwImportProblem *from = g_ptr_array_index (batch->problems, i);
      CwInventoryProblem *problem;

      result->n_problems++;
      if (result->problems->len >= MAX_PROBLEMS_KEPT)
        continue;

      problem = g_new0 (CwInventoryProblem, 1);
      problem->line = from->line;
      problem->message = g_strdup (from->message);
      problem->reason = g_strdup (from->reason);
      g_ptr_array_add (result->problems, problem);
    }
}

/* Runs the reader thread and writes what it reads. Returns FALSE with @error
 * for a fatal error or a cancel; the reader thread has ended either way. */
static gboolean
pump (RunState                 *state,
      CwCsvReader              *reader,
      CwCsvMapping             *mapping,
      CwImportWriter           *writer,
      CwImportRejects          *rejects,
      GAsyncQueue              *free_batches,
      goffset                   size,
      CwInventoryImportResult  *result,
      GCancellable             *cancellable,
      GError                  **error)
{
  g_autoptr(GAsyncQueue) read_batches = g_async_queue_new ();
  g_autoptr(GError) failure = NULL;
  CwImportReading read_state = { 0 };
  gboolean writing = TRUE;
  GThread *thread;

  read_state.reader = reader;
  read_state.mapping = mapping;
  read_state.cancellable = cancellable;
  read_state.free_batches = free_batches;
  read_state.read_batches = read_batches;
  thread = g_thread_new ("cw-import-read", cw_import_read_thread, &read_state);

  for (;;)
    {
      CwImportBatch *batch = g_async_queue_pop (read_batches);
      gboolean last = batch->last;

      if (failure == NULL && batch->error != NULL)
        failure = g_steal_pointer (&batch->error);

      if (failure == NULL)
        {
          result->n_records += batch->n_lines;
          keep_problems (result, batch);

          /* Without a rejects file one bad line means nothing is imported:
           * only read on, to report every bad line. */
          if (batch->problems->len > 0 && rejects == NULL)
            writing = FALSE;

          for (guint i = 0; rejects != NULL && i < batch->problems->len && failure == NULL; i++)
            cw_import_rejects_add (rejects, g_ptr_array_index (batch->problems, i), cancellable,
                                   &failure);

          if (failure == NULL && writing)
            cw_import_writer_write (writer, batch, &failure);

          if (failure == NULL)
            g_cancellable_set_error_if_cancelled (cancellable, &failure);

          if (failure == NULL && size > 0)
            report_progress (state, READ_SHARE * MIN (1.0, (double) batch->bytes_read / size),
                             FALSE);

          if (failure != NULL)
            g_atomic_int_set (&read_state.stop, TRUE);
        }

      g_async_queue_push (free_batches, batch);

      if (last)
        break;
    }

  g_thread_join (thread);

  if (failure != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&failure));
      return FALSE;
    }

  result->committed = writing;
  return TRUE;
}

static CwInventoryImportResult *
import_run (RunState      *state,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(CwInventoryImportResult) result = result_new ();
  g_autoptr(GFileInputStream) input = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(CwCsvReader) reader = NULL;
  g_autoptr(CwCsvMapping) mapping = NULL;
  g_autoptr(CwImportWriter) writer = NULL;
  g_autoptr(CwImportRejects) rejects = NULL;
  g_autoptr(GAsyncQueue) free_batches = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *basename = NULL;
  g_auto(GStrv) header = NULL;
  const char * const *fields = NULL;
  CwImportBatch *batch;
  CwImportCounts counts = { 0 };
  guint n_columns = 0;
  goffset size = 0;
  gint64 started;
  gboolean ok;

  input = g_file_read (state->file, cancellable, error);
  if (input == NULL)
    return NULL;

  info = g_file_input_stream_query_info (input, G_FILE_ATTRIBUTE_STANDARD_SIZE, cancellable, NULL);
  if (info != NULL)
    size = g_file_info_get_size (info);

  reader = cw_csv_reader_new (G_INPUT_STREAM (input), state->encoding);
  if (!cw_csv_reader_next (reader, &fields, &n_columns, NULL, cancellable, error))
    return NULL;
  header = g_strdupv ((char **) fields);

  mapping = choose_mapping (state, (const char * const *) header, n_columns, error);
  if (mapping == NULL)
    return NULL;
  result->layout = cw_csv_mapping_get_layout (mapping);

  if (state->rejects != NULL)
    {
      rejects = cw_import_rejects_open (state->rejects, (const char * const *) header, n_columns,
                              cancellable, error);
      if (rejects == NULL)
        return NULL;
    }

  basename = g_file_get_basename (state->file);
  free_batches = g_async_queue_new ();
  writer = cw_import_writer_new (state->workspace_path, mapping, basename, cancellable, error);
  if (writer == NULL)
    return NULL;

  for (guint i = 0; i < N_BATCHES; i++)
    g_async_queue_push (free_batches, cw_import_batch_new ());

  started = g_get_monotonic_time ();
  ok = pump (state, reader, mapping, writer, rejects, free_batches, size, result, cancellable,
             &local_error);
  g_debug ("Import: %u records read and written in %.2f s", result->n_records,
           (double) (g_get_monotonic_time () - started) / G_USEC_PER_SEC);

  if (ok && result->committed)
    {
      cw_import_writer_get_counts (writer, &counts);
      ok = (rejects == NULL || cw_import_rejects_close (rejects, cancellable, &local_error))
        && cw_import_writer_commit (writer, &local_error);
    }

  /* Rolls back unless committed; the indexer hands back its batches. */
  g_clear_pointer (&writer, cw_import_writer_free);
  while ((batch = g_async_queue_try_pop (free_batches)) != NULL)
    cw_import_batch_free (batch);

  if (!ok)
    {
      if (g_cancellable_is_cancelled (cancellable)
          && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_clear_error (&local_error);
          g_cancellable_set_error_if_cancelled (cancellable, &local_error);
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  result->n_rejected = result->n_problems;
  if (result->committed)
    {
      result->n_inserted = counts.n_inserted;
      result->n_updated = counts.n_updated;
      result->n_unchanged = counts.n_unchanged;
      result->n_version_changes = counts.n_version_changes;
      report_progress (state, 1.0, TRUE);
    }

  g_debug ("Imported %u records: %u new, %u updated, %u unchanged, %u rejected%s",
           result->n_records, result->n_inserted, result->n_updated, result->n_unchanged,
           result->n_rejected, result->committed ? "" : " (nothing committed)");

  return g_steal_pointer (&result);
}

/* ---- the object ----------------------------------------------------------- */

static void
cw_inventory_import_finalize (GObject *object)
{
  CwInventoryImport *self = (CwInventoryImport *) object;

  g_clear_pointer (&self->workspace_path, g_free);
  g_clear_object (&self->file);
  g_clear_pointer (&self->mapping, cw_csv_mapping_unref);
  g_clear_object (&self->rejects);

  G_OBJECT_CLASS (cw_inventory_import_parent_class)->finalize (object);
}

static void
cw_inventory_import_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  CwInventoryImport *self = CW_INVENTORY_IMPORT (object);

  switch (prop_id)
    {
    case PROP_FRACTION:
      g_value_set_double (value, self->fraction);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cw_inventory_import_class_init (CwInventoryImportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cw_inventory_import_finalize;
  object_class->get_property = cw_inventory_import_get_property;

  properties[PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL, 0.0, 1.0, 0.0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cw_inventory_import_init (CwInventoryImport *self)
{
  self->layout = CW_CSV_LAYOUT_AUTO;
  self->encoding = CW_CSV_ENCODING_UTF8;
}

CwInventoryImport *
cw_inventory_import_new (const char *workspace_path,
                         GFile      *file)
{
  CwInventoryImport *self;

  g_return_val_if_fail (workspace_path != NULL, NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (CW_TYPE_INVENTORY_IMPORT, NULL);
  self->workspace_path = g_strdup (workspace_path);
  self->file = g_object_ref (file);

  return self;
}

void
cw_inventory_import_set_layout (CwInventoryImport *self,
                                CwCsvLayout        layout)
{
  g_return_if_fail (CW_IS_INVENTORY_IMPORT (self));
  g_return_if_fail (layout != CW_CSV_LAYOUT_CUSTOM);
  g_return_if_fail (!self->running);

  self->layout = layout;
}

void
cw_inventory_import_set_mapping (CwInventoryImport *self,
                                 CwCsvMapping      *mapping)
{
  g_return_if_fail (CW_IS_INVENTORY_IMPORT (self));
  g_return_if_fail (!self->running);

  if (mapping != NULL)
    cw_csv_mapping_ref (mapping);
  g_clear_pointer (&self->mapping, cw_csv_mapping_unref);
  self->mapping = mapping;
}

void
cw_inventory_import_set_encoding (CwInventoryImport *self,
                                  CwCsvEncoding      encoding)
{
  g_return_if_fail (CW_IS_INVENTORY_IMPORT (self));
  g_return_if_fail (!self->running);

  self->encoding = encoding;
}

void
cw_inventory_import_set_rejects_file (CwInventoryImport *self,
                                      GFile             *rejects)
{
  g_return_if_fail (CW_IS_INVENTORY_IMPORT (self));
  g_return_if_fail (rejects == NULL || G_IS_FILE (rejects));
  g_return_if_fail (!self->running);

  g_set_object (&self->rejects, rejects);
}

double
cw_inventory_import_get_fraction (CwInventoryImport *self)
{
  g_return_val_if_fail (CW_IS_INVENTORY_IMPORT (self), 0.0);

  return self->fraction;
}

CwInventoryImportResult *
cw_inventory_import_run (CwInventoryImport  *self,
                         GCancellable       *cancellable,
                         GError            **error)
{
  g_autoptr(RunState) state = NULL;
  CwInventoryImportResult *result;

  g_return_val_if_fail (CW_IS_INVENTORY_IMPORT (self), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  g_return_val_if_fail (!self->running, NULL);

  state = run_state_new (self);
  set_fraction (self, 0.0);
  result = import_run (state, cancellable, error);
  self->running = FALSE;

  return result;
}

static void
run_in_thread_cb (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  RunState *state = task_data;
  GError *error = NULL;
  CwInventoryImportResult *result;

  result = import_run (state, cancellable, &error);
  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, (GDestroyNotify) cw_inventory_import_result_free);
}

typedef struct
{
  GAsyncReadyCallback callback;
  gpointer            user_data;
} RunCallback;

/* The object may run again from the caller's callback. */
static void
on_run_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      data)
{
  RunCallback *call = data;

  CW_INVENTORY_IMPORT (object)->running = FALSE;
  if (call->callback != NULL)
    call->callback (object, result, call->user_data);
  g_free (call);
}

void
cw_inventory_import_run_async (CwInventoryImport   *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  RunCallback *call;
  RunState *state;

  g_return_if_fail (CW_IS_INVENTORY_IMPORT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));
  g_return_if_fail (!self->running);

  set_fraction (self, 0.0);
  state = run_state_new (self);
  state->context = g_main_context_ref_thread_default ();

  call = g_new0 (RunCallback, 1);
  call->callback = callback;
  call->user_data = user_data;

  task = g_task_new (self, cancellable, on_run_done_cb, call);
  g_task_set_source_tag (task, cw_inventory_import_run_async);
  g_task_set_task_data (task, state, (GDestroyNotify) run_state_free);
  g_task_run_in_thread (task, run_in_thread_cb);
}

CwInventoryImportResult *
cw_inventory_import_run_finish (CwInventoryImport  *self,
                                GAsyncResult       *result,
                                GError            **error)
{
  g_return_val_if_fail (CW_IS_INVENTORY_IMPORT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
