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
#include "cw-inventory-index.h"

/* How often, in SQLite's VM steps, a long statement checks for cancellation. */
#define PROGRESS_OPS 100000

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

/* Formats a time as ISO 8601 in UTC, as g_date_time_format() would with
 * "%Y-%m-%dT%H:%M:%SZ", without making a GDateTime for each of the millions
 * of rows (days to civil date: Howard Hinnant's algorithm). */
void
cw_demo_format_time (gint64 unix_time,
                     char   out[CW_DEMO_TIME_SIZE])
{
  gint64 days = unix_time >= 0 ? unix_time / 86400 : (unix_time - 86399) / 86400;
  gint64 seconds = unix_time - days * 86400;
  gint64 z = days + 719468;
  gint64 era = (z >= 0 ? z : z - 146096) / 146097;
  gint64 doe = z - era * 146097;
  gint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  gint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  gint64 mp = (5 * doy + 2) / 153;
  guint day = (guint) (doy - (153 * mp + 2) / 5 + 1);
  guint month = (guint) (mp < 10 ? mp + 3 : mp - 9);
  gint64 year = yoe + era * 400 + (month <= 2);

  g_snprintf (out, CW_DEMO_TIME_SIZE, "%04d-%02u-%02uT%02u:%02u:%02uZ",
              (int) CLAMP (year, 0, 9999), month, day,
              (guint) (seconds / 3600), (guint) (seconds / 60 % 60), (guint) (seconds % 60));
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

static gint64
query_int (sqlite3    *db,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = 0;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

static void
exec_printf (sqlite3    *db,
             const char *format,
             ...) G_GNUC_PRINTF (2, 3);

static void
exec_printf (sqlite3    *db,
             const char *format,
             ...)
{
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);

  /* Only tuning: the rows are the same either way. */
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    g_debug ("%s: %s", sql, sqlite3_errmsg (db));
}

/* The explicit indexes of the tables filled in bulk are dropped before and
 * made again, from their own SQL, after: sorting each once is much faster
 * than putting millions of keys in at random places. The constraints' own
 * indexes stay. All in the demo's transaction, so a failure puts them back. */
static gboolean
drop_indexes (CwDemoRun  *run,
              GPtrArray  *dropped,
              GError    **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (run->db,
                           "SELECT name, sql FROM sqlite_schema WHERE type = 'index' "
                           "AND sql IS NOT NULL AND tbl_name IN "
                           "('cis', 'ci_relations', 'ci_version_history', 'ci_backups') "
                           "ORDER BY name",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
          g_ptr_array_add (dropped, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return cw_store_set_sql_error (error, run->db, rc, _("Could not write the demo workspace"));

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("DROP INDEX \"%s\"",
                                              (const char *) g_ptr_array_index (names, i));

      rc = sqlite3_exec (run->db, sql, NULL, NULL, NULL);
      if (rc != SQLITE_OK)
        return cw_store_set_sql_error (error, run->db, rc, _("Could not write the demo workspace"));
    }

  return TRUE;
}

static gboolean
recreate_indexes (CwDemoRun  *run,
                  GPtrArray  *dropped,
                  GError    **error)
{
  for (guint i = 0; i < dropped->len; i++)
    {
      int rc = sqlite3_exec (run->db, g_ptr_array_index (dropped, i), NULL, NULL, NULL);

      if (rc != SQLITE_OK)
        return cw_store_set_sql_error (error, run->db, rc, _("Could not write the demo workspace"));
    }

  return TRUE;
}

void
cw_demo_options_init (CwDemoOptions *options)
{
  g_return_if_fail (options != NULL);

  options->seed = CW_DEMO_DEFAULT_SEED;
  options->n_cis = CW_DEMO_DEFAULT_CIS;
}

static int
on_progress (void *data)
{
  return g_cancellable_is_cancelled (data) ? 1 : 0;
}

/* Everything but the workspace's own metadata, in order. */
static gboolean
fill (CwDemoRun  *run,
      guint       n_cis,
      GError    **error)
{
  g_autoptr(GPtrArray) dropped = g_ptr_array_new_with_free_func (g_free);

  if (!cw_demo_add_people (run, error) ||
      !drop_indexes (run, dropped, error) ||
      !cw_demo_add_cis (run, n_cis, error) ||
      !cw_demo_add_relations (run, error) ||
      !cw_demo_add_history (run, error) ||
      !cw_demo_add_backups (run, error))
    return FALSE;

  /* What was kept of the CIs is not needed any more: room for the sorts. */
  cw_demo_clear_cis (run);

  return recreate_indexes (run, dropped, error) &&
         cw_inventory_index_add_from (run->db, 0, error);
}

/**
 * cw_demo_populate:
 * @store: an empty workspace
 * @clock: the clock the demo's times are relative to
 *
 * Fills an empty workspace with the demo data, in one transaction: on error
 * or cancellation nothing is left behind. The runbooks follow, through the
 * runbook store, which makes its own transactions; cw_demo_create() removes
 * a workspace whose runbooks failed.
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
  gint64 foreign_keys;

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
  run.now_unix = g_date_time_to_unix (now);
  run.cancellable = cancellable;
  run.site_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  run.site_codes = g_ptr_array_new_with_free_func (g_free);
  cw_demo_rng_init (&run.rng, options->seed);

  seed_text = g_strdup_printf ("%" G_GUINT64_FORMAT, options->seed);
  created_at = cw_clock_format_iso (clock);

  /* Every id the demo writes was just inserted or picked from those that
   * were: looking up each foreign key of millions of rows would be wasted
   * (the tests check them all). A setting of the connection, put back at the
   * end; it only changes outside a transaction. */
  foreign_keys = query_int (run.db, "PRAGMA foreign_keys");
  exec_printf (run.db, "PRAGMA foreign_keys = OFF");

  if (!cw_store_begin (store, error))
    goto out;

  /* The few statements that each take seconds (sorts, the search index)
   * stop when cancelled too. */
  if (cancellable != NULL)
    sqlite3_progress_handler (run.db, PROGRESS_OPS, on_progress, cancellable);
  ok = fill (&run, options->n_cis, error);
  sqlite3_progress_handler (run.db, 0, NULL, NULL);

  if (!ok ||
      !cw_demo_add_compat (&run, store, error) ||
      !cw_store_set_meta (store, "demo-seed", seed_text, error) ||
      !cw_store_set_meta (store, "created-at", created_at, error) ||
      !cw_store_set_meta (store, "created-by", "Changeward " PACKAGE_VERSION, error) ||
      !cw_store_commit (store, error))
    {
      cw_store_rollback (store);
      /* An interrupted statement only says "interrupted". */
      if (g_cancellable_is_cancelled (cancellable))
        {
          g_clear_error (error);
          g_cancellable_set_error_if_cancelled (cancellable, error);
        }
      ok = FALSE;
      goto out;
    }

  ok = TRUE;

out:
  exec_printf (run.db, "PRAGMA foreign_keys = %s", foreign_keys ? "ON" : "OFF");
  if (ok)
    ok = cw_demo_add_runbooks (&run, store, error);
  if (ok)
    ok = cw_demo_add_schedule (&run, store, error);
  cw_demo_clear_cis (&run);
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

  /* A failure deletes the partial file, so it needs no write-ahead log while
   * it is filled: each page is written once, into the file, instead of into
   * the log and again into the file. A journal in memory still allows the
   * rollback, and costs nothing for pages the file did not have before. */
  exec_printf (cw_store_get_handle (store), "PRAGMA journal_mode = MEMORY");
  ok = cw_demo_populate (store, clock, options, cancellable, error);
  if (ok)
    exec_printf (cw_store_get_handle (store), "PRAGMA journal_mode = WAL");
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
