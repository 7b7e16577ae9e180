/* cw-demo.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-demo"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "cw-demo-private.h"

/* The demo workspace: the same seed always gives the same rows (times are
 * taken relative to the clock, so a fake clock makes them equal too). Each
 * domain adds its own rows in its own file; this one runs them in order, in
 * one transaction, into a fresh workspace. */

void
cw_demo_rng_init (CwDemoRng *rng,
                  guint64    seed)
{
  rng->state = seed ^ G_GUINT64_CONSTANT (0x6a09e667f3bcc909);
}

guint64
cw_demo_rng_next (CwDemoRng *rng)
{
  guint64 z = (rng->state += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return z ^ (z >> 31);
}

guint
cw_demo_rng_below (CwDemoRng *rng,
                   guint      n)
{
  g_assert (n > 0);

  return (guint) (cw_demo_rng_next (rng) % n);
}

gboolean
cw_demo_rng_chance (CwDemoRng *rng,
                    guint      percent)
{
  return cw_demo_rng_below (rng, 100) < percent;
}

sqlite3_stmt *
cw_demo_prepare (CwDemoRun   *run,
                 const char  *sql,
                 GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (run->db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      cw_store_set_sql_error (error, run->db, rc, _("Could not write the demo workspace"));
      return NULL;
    }

  return stmt;
}

/* Steps an INSERT and resets it for the next row. */
gboolean
cw_demo_step (CwDemoRun     *run,
              sqlite3_stmt  *stmt,
              GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  if (rc != SQLITE_DONE)
    return cw_store_set_sql_error (error, run->db, rc, _("Could not write the demo workspace"));

  return TRUE;
}

void
cw_demo_options_init (CwDemoOptions *options)
{
  g_return_if_fail (options != NULL);

  options->seed = CW_DEMO_DEFAULT_SEED;
  options->n_cis = CW_DEMO_DEFAULT_CIS;
}

/**
 * cw_demo_populate:
 * @store: an empty workspace
 * @clock: the clock the demo's times are relative to
 *
 * Fills an empty workspace with the demo data, in one transaction: on error
 * or cancellation nothing is left behind.
 */
gboolean
cw_demo_populate (CwStore              *store,
                  CwClock              *clock,
                  const CwDemoOptions  *options,
                  GCancellable         *cancellable,
                  GError              **error)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *seed_text = NULL;
  g_autofree char *created_at = NULL;
  CwDemoRun run = { 0 };
  gboolean ok = FALSE;
  gint64 existing;

  g_return_val_if_fail (CW_IS_STORE (store), FALSE);
  g_return_val_if_fail (CW_IS_CLOCK (clock), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (options->n_cis <= CW_DEMO_MAX_CIS, FALSE);

  existing = cw_store_count_table (store, "sites", error);
  if (existing < 0)
    return FALSE;
  if (existing > 0)
    {
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_EXISTS,
                   _("The workspace already holds data; demo data goes only into a new workspace."));
      return FALSE;
    }

  now = cw_clock_get_now (clock);
  run.db = cw_store_get_handle (store);
  run.now = now;
  run.cancellable = cancellable;
  run.site_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  run.site_codes = g_ptr_array_new_with_free_func (g_free);
  cw_demo_rng_init (&run.rng, options->seed);

  seed_text = g_strdup_printf ("%" G_GUINT64_FORMAT, options->seed);
  created_at = cw_clock_format_iso (clock);

  if (!cw_store_begin (store, error))
    goto out;

  if (!cw_demo_add_people (&run, error) ||
      !cw_demo_add_cis (&run, options->n_cis, error) ||
      !cw_store_set_meta (store, "demo-seed", seed_text, error) ||
      !cw_store_set_meta (store, "created-at", created_at, error) ||
      !cw_store_set_meta (store, "created-by", "Changeward " PACKAGE_VERSION, error) ||
      !cw_store_commit (store, error))
    {
      cw_store_rollback (store);
      goto out;
    }

  ok = TRUE;

out:
  g_array_unref (run.site_ids);
  g_ptr_array_unref (run.site_codes);
  return ok;
}

static gboolean
publish_without_clobbering (const char  *partial,
                            const char  *path,
                            GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);

  /* link() fails if @path appeared meanwhile: an existing file is never
   * replaced. Filesystems without hard links fall back to rename(). */
  if (link (partial, path) == 0)
    {
      g_unlink (partial);
      return TRUE;
    }

  if (errno != EEXIST && !g_file_test (path, G_FILE_TEST_EXISTS) && g_rename (partial, path) == 0)
    return TRUE;

  g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_EXISTS,
               _("Could not create “%s”: %s"), display,
               errno == EEXIST ? _("the file already exists") : g_strerror (errno));
  g_unlink (partial);
  return FALSE;
}

/**
 * cw_demo_create:
 * @path: where the new demo workspace goes; must not exist
 *
 * Creates a complete demo workspace beside @path and moves it into place only
 * when it is finished, so a failure or a cancellation leaves no file.
 */
gboolean
cw_demo_create (const char           *path,
                const CwDemoOptions  *options,
                CwClock              *clock,
                GCancellable         *cancellable,
                GError              **error)
{
  g_autofree char *display = NULL;
  g_autofree char *partial = NULL;
  g_autoptr(CwStore) store = NULL;
  gboolean ok;

  g_return_val_if_fail (path != NULL, FALSE);

  display = g_filename_display_name (path);
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_EXISTS,
                   _("“%s” already exists; the demo workspace is only created as a new file. "
                     "Remove it or choose another path."), display);
      return FALSE;
    }

  partial = g_strdup_printf ("%s.%08x.partial", path, g_random_int ());
  store = cw_store_open (partial, CW_STORE_OPEN_CREATE_NEW, error);
  if (store == NULL)
    return FALSE;

  ok = cw_demo_populate (store, clock, options, cancellable, error);
  g_clear_object (&store);   /* closes the file and folds the WAL back in */

  if (!ok)
    {
      cw_store_delete_files (partial);
      return FALSE;
    }

  return publish_without_clobbering (partial, path, error);
}

typedef struct
{
  char          *path;
  CwDemoOptions  options;
  CwClock       *clock;
} CreateData;

static void
create_data_free (CreateData *data)
{
  g_free (data->path);
  g_clear_object (&data->clock);
  g_free (data);
}

static void
create_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  CreateData *data = task_data;
  GError *error = NULL;

  if (cw_demo_create (data->path, &data->options, data->clock, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
cw_demo_create_async (const char          *path,
                      const CwDemoOptions *options,
                      CwClock             *clock,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  CreateData *data;

  g_return_if_fail (path != NULL);
  g_return_if_fail (options != NULL);
  g_return_if_fail (CW_IS_CLOCK (clock));

  data = g_new0 (CreateData, 1);
  data->path = g_strdup (path);
  data->options = *options;
  data->clock = g_object_ref (clock);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, cw_demo_create_async);
  g_task_set_task_data (task, data, (GDestroyNotify) create_data_free);
  g_task_run_in_thread (task, create_thread);
}

gboolean
cw_demo_create_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
