/* cw-ics-import-save.c: an imported calendar written to the workspace, all
 * or nothing.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-ics"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cw-ci-field.h"
#include "cw-ics-import-private.h"
#include "cw-store-private.h"

void
cw_ics_import_options_init (CwIcsImportOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->kind = CW_ICS_IMPORT_WINDOWS;
  options->mode = CW_BLACKOUT_BLOCK;
}

void
_cw_ics_item_free (CwIcsItem *item)
{
  g_clear_pointer (&item->window, cw_maint_window_free);
  g_clear_pointer (&item->blackout, cw_blackout_free);
  g_free (item->series);
  g_free (item);
}

/* ---- scopes -------------------------------------------------------------------- */

/* The number of sites of that code or name; -1 on error. */
static gint64
count_sites (CwStore     *store,
             const char  *site,
             GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 count = -1;
  int rc;

  stmt = _cw_schedule_prepare (store, "SELECT count(*) FROM sites WHERE code = ?1 COLLATE NOCASE "
                                      "OR name = ?1 COLLATE NOCASE", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, site, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  else
    cw_store_set_sql_error (error, cw_store_get_handle (store), rc, _("Could not read the sites"));
  sqlite3_finalize (stmt);

  return count;
}

/* The ids of the CIs named @name (at most two); FALSE on error. */
static gboolean
find_cis (CwStore     *store,
          const char  *name,
          GArray      *ids,
          GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _cw_schedule_prepare (store, "SELECT id FROM cis WHERE name = ?1 ORDER BY id LIMIT 2",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return cw_store_set_sql_error (error, cw_store_get_handle (store), rc,
                                   _("Could not read the CIs"));

  return TRUE;
}

static void
read_site (CwIcsImport    *import,
           CwIcsComponent *event,
           CwIcsProperty  *property,
           CwScope        *scope)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *site = g_strstrip (_cw_ics_unescape_text (property->value));
  gint64 count = count_sites (import->store, site, &error);

  if (count < 0)
    _cw_ics_problems_add_text (import->problems, property->line, event, error->message);
  else if (count == 0)
    _cw_ics_problems_add (import->problems, property->line, event,
                          _("the workspace has no site “%s”; import the file for one of its "
                            "sites instead"), site);
  else
    _cw_strv_append (&scope->sites, site);
}

static void
read_ci (CwIcsImport    *import,
         CwIcsComponent *event,
         CwIcsProperty  *property,
         CwScope        *scope)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *name = g_strstrip (_cw_ics_unescape_text (property->value));

  if (!find_cis (import->store, name, ids, &error))
    _cw_ics_problems_add_text (import->problems, property->line, event, error->message);
  else if (ids->len == 0)
    _cw_ics_problems_add (import->problems, property->line, event,
                          _("the workspace has no CI named “%s”"), name);
  else if (ids->len > 1)
    _cw_ics_problems_add (import->problems, property->line, event,
                          _("more than one CI is named “%s”"), name);
  else
    g_array_append_val (scope->ci_ids, g_array_index (ids, gint64, 0));
}

CwScope *
_cw_ics_read_scope (CwIcsImport    *import,
                    CwIcsComponent *event)
{
  g_autoptr(CwScope) scope = cw_scope_new ();
  gboolean found = FALSE;

  for (guint i = 0; i < event->properties->len; i++)
    {
      CwIcsProperty *property = g_ptr_array_index (event->properties, i);

      if (g_str_equal (property->name, "X-CHANGEWARD-SCOPE"))
        {
          found = TRUE;
          if (g_ascii_strcasecmp (g_strstrip (property->value), "everything") == 0)
            scope->everything = TRUE;
          else
            _cw_ics_problems_add (import->problems, property->line, event,
                                  _("X-CHANGEWARD-SCOPE “%s” is not everything"),
                                  property->value);
        }
      else if (g_str_equal (property->name, "X-CHANGEWARD-SITE"))
        {
          found = TRUE;
          read_site (import, event, property, scope);
        }
      else if (g_str_equal (property->name, "X-CHANGEWARD-CLASS"))
        {
          g_autofree char *klass = g_strstrip (_cw_ics_unescape_text (property->value));

          found = TRUE;
          if (cw_ci_class_is_valid (klass))
            _cw_strv_append (&scope->classes, klass);
          else
            _cw_ics_problems_add (import->problems, property->line, event,
                                  _("X-CHANGEWARD-CLASS “%s” is not a CI class"), klass);
        }
      else if (g_str_equal (property->name, "X-CHANGEWARD-CI"))
        {
          found = TRUE;
          read_ci (import, event, property, scope);
        }
    }

  if (!found)
    return NULL;

  return g_steal_pointer (&scope);
}

/* ---- writing --------------------------------------------------------------------- */

static gboolean
fail_item (CwIcsItem  *item,
           GError    **error)
{
  g_autofree char *what = _cw_ics_describe (item->event);

  g_prefix_error (error, _("line %u (%s): "), item->event->line, what);
  return FALSE;
}

static gboolean
save_window (CwIcsImport  *import,
             CwIcsItem    *item,
             GError      **error)
{
  g_autoptr(CwMaintWindow) existing = NULL;
  CwMaintWindow *window = item->window;

  existing = cw_schedule_find_window (import->store, window->uid, error);
  if (existing == NULL && error != NULL && *error != NULL)
    return FALSE;

  if (existing == NULL)
    {
      if (!cw_schedule_add_window (import->store, window, error))
        return FALSE;
      import->result.n_windows_added++;
      return TRUE;
    }

  /* What the file does not say stays as it was. */
  window->id = existing->id;
  if (!item->has_scope)
    {
      cw_scope_free (window->scope);
      window->scope = cw_scope_copy (existing->scope);
    }
  if (!item->has_max_concurrent)
    window->max_concurrent = existing->max_concurrent;
  if (!item->has_text)
    {
      g_free (window->description);
      window->description = g_strdup (existing->description);
    }

  if (!cw_schedule_update_window (import->store, window, error))
    return FALSE;
  import->result.n_windows_updated++;

  return TRUE;
}

static gboolean
save_blackout (CwIcsImport  *import,
               CwIcsItem    *item,
               GError      **error)
{
  g_autoptr(CwBlackout) existing = NULL;
  CwBlackout *blackout = item->blackout;

  existing = cw_schedule_find_blackout (import->store, blackout->uid, error);
  if (existing == NULL && error != NULL && *error != NULL)
    return FALSE;

  if (existing == NULL)
    {
      if (!cw_schedule_add_blackout (import->store, blackout, error))
        return FALSE;
      import->result.n_blackouts_added++;
      return TRUE;
    }

  blackout->id = existing->id;
  if (!item->has_scope)
    {
      cw_scope_free (blackout->scope);
      blackout->scope = cw_scope_copy (existing->scope);
    }
  if (!item->has_mode)
    blackout->mode = existing->mode;
  if (!item->has_text)
    {
      g_free (blackout->reason);
      blackout->reason = g_strdup (existing->reason);
    }

  if (!cw_schedule_update_blackout (import->store, blackout, error))
    return FALSE;
  import->result.n_blackouts_updated++;

  return TRUE;
}

/* The event a stored blackout came from: its UID, less the "/recurrence-id"
 * a repeating event's blackouts have. */
static gboolean
in_series (const char *uid,
           GHashTable *series)
{
  const char *slash = strrchr (uid, '/');
  g_autofree char *event = NULL;

  if (g_hash_table_contains (series, uid))
    return TRUE;
  /* "UID/20261030T000000" */
  if (slash == NULL || strlen (slash + 1) != 15 || slash[9] != 'T')
    return FALSE;
  event = g_strndup (uid, slash - uid);

  return g_hash_table_contains (series, event);
}

/* A repeating event is all its blackouts: those of an earlier import that
 * it no longer makes (an EXDATE added, a COUNT lowered, a rule added to a
 * single event or taken away) are removed. */
static gboolean
remove_replaced_blackouts (CwIcsImport  *import,
                           GError      **error)
{
  g_autoptr(GHashTable) saved = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) series = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) stored = NULL;

  for (guint i = 0; i < import->items->len; i++)
    {
      CwIcsItem *item = g_ptr_array_index (import->items, i);

      if (item->blackout == NULL || item->series == NULL)
        continue;
      g_hash_table_add (saved, item->blackout->uid);
      g_hash_table_add (series, item->series);
    }
  if (g_hash_table_size (series) == 0)
    return TRUE;

  stored = cw_schedule_list_blackouts (import->store, G_MININT64, G_MAXINT64, error);
  if (stored == NULL)
    return FALSE;

  for (guint i = 0; i < stored->len; i++)
    {
      const CwBlackout *blackout = g_ptr_array_index (stored, i);

      if (blackout->uid == NULL || g_hash_table_contains (saved, blackout->uid) ||
          !in_series (blackout->uid, series))
        continue;
      if (!cw_schedule_delete_blackout (import->store, blackout->id, error))
        return FALSE;
      import->result.n_blackouts_removed++;
    }

  return TRUE;
}

/* In a transaction of its own, or in a savepoint of the caller's. */
static gboolean
begin (CwIcsImport  *import,
       gboolean     *nested,
       GError      **error)
{
  *nested = !sqlite3_get_autocommit (cw_store_get_handle (import->store));
  if (*nested)
    return cw_store_exec (import->store, "SAVEPOINT cw_ics_import", error);

  return cw_store_begin (import->store, error);
}

static gboolean
commit (CwIcsImport  *import,
        gboolean      nested,
        GError      **error)
{
  if (nested)
    return cw_store_exec (import->store, "RELEASE cw_ics_import", error);

  return cw_store_commit (import->store, error);
}

static void
roll_back (CwIcsImport *import,
           gboolean     nested)
{
  memset (&import->result, 0, sizeof import->result);
  if (nested)
    sqlite3_exec (cw_store_get_handle (import->store),
                  "ROLLBACK TO cw_ics_import; RELEASE cw_ics_import", NULL, NULL, NULL);
  else
    cw_store_rollback (import->store);
}

gboolean
_cw_ics_save (CwIcsImport  *import,
              GError      **error)
{
  gboolean nested;

  if (!begin (import, &nested, error))
    return FALSE;

  for (guint i = 0; i < import->items->len; i++)
    {
      CwIcsItem *item = g_ptr_array_index (import->items, i);
      g_autoptr(GError) local_error = NULL;
      gboolean ok;

      if (item->window != NULL)
        ok = save_window (import, item, &local_error);
      else
        ok = save_blackout (import, item, &local_error);

      if (!ok)
        {
          roll_back (import, nested);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return fail_item (item, error);
        }
    }

  if (!remove_replaced_blackouts (import, error) || !commit (import, nested, error))
    {
      roll_back (import, nested);
      return FALSE;
    }

  return TRUE;
}

/* ---- the entry points ----------------------------------------------------------- */

/* The time zone of a site of that code or name; NULL with an error when
 * there is none. */
static char *
site_time_zone (CwStore     *store,
                const char  *site,
                GError     **error)
{
  sqlite3_stmt *stmt;
  char *zone = NULL;
  int rc;

  stmt = _cw_schedule_prepare (store, "SELECT time_zone FROM sites WHERE code = ?1 COLLATE NOCASE "
                                      "OR name = ?1 COLLATE NOCASE ORDER BY code = ?1 COLLATE NOCASE "
                                      "DESC, id LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, site, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    zone = _cw_schedule_column_dup (stmt, 0);
  else if (rc == SQLITE_DONE)
    g_set_error (error, CW_SCHEDULE_ERROR, CW_SCHEDULE_ERROR_UNKNOWN_SITE,
                 _("The workspace has no site “%s”."), site);
  else
    cw_store_set_sql_error (error, cw_store_get_handle (store), rc, _("Could not read the sites"));
  sqlite3_finalize (stmt);

  return zone;
}

/* Checks the options, and picks the zone of floating times: the caller's,
 * else the site's, else UTC. */
static gboolean
check_options (CwIcsImport         *import,
               CwIcsImportOptions  *options,
               char               **site_zone,
               GError             **error)
{
  if (options->site != NULL)
    {
      *site_zone = site_time_zone (import->store, options->site, error);
      if (*site_zone == NULL)
        return FALSE;
      if (options->floating_tzid == NULL && cw_schedule_time_zone_is_valid (*site_zone))
        options->floating_tzid = *site_zone;
    }

  if (options->floating_tzid != NULL && !cw_schedule_time_zone_is_valid (options->floating_tzid))
    {
      g_set_error (error, CW_SCHEDULE_ERROR, CW_SCHEDULE_ERROR_BAD_TIME_ZONE,
                   _("“%s” is not a known time zone; use an IANA name like Europe/Berlin"),
                   options->floating_tzid);
      return FALSE;
    }

  return TRUE;
}

gboolean
cw_ics_import (CwStore                   *store,
               const char                *text,
               gssize                     length,
               const CwIcsImportOptions  *options,
               CwIcsImportResult         *result,
               GError                   **error)
{
  g_autofree char *copy = NULL;
  g_autofree char *site_zone = NULL;
  CwIcsImportOptions own;
  CwIcsImport import = { 0 };
  gboolean ok = FALSE;

  g_return_val_if_fail (CW_IS_STORE (store), FALSE);
  g_return_val_if_fail (text != NULL || length == 0, FALSE);

  if (options != NULL)
    own = *options;
  else
    cw_ics_import_options_init (&own);
  if (result != NULL)
    memset (result, 0, sizeof *result);

  /* libical wants the text to end in NUL. */
  if (length < 0)
    length = (gssize) strlen (text);
  if (length > 0 && memchr (text, '\0', (gsize) length) != NULL)
    {
      g_set_error_literal (error, CW_ICS_ERROR, CW_ICS_ERROR_NOT_CALENDAR,
                           _("This is not an iCalendar file: it is not text."));
      return FALSE;
    }
  copy = g_strndup (text != NULL ? text : "", (gsize) length);

  import.store = store;
  import.options = &own;
  import.text = copy;
  import.length = (gsize) length;
  import.events = g_ptr_array_new ();
  import.vtimezones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import.zone_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) _cw_ics_zone_name_free);
  import.problems = _cw_ics_problems_new ();
  import.items = g_ptr_array_new_with_free_func ((GDestroyNotify) _cw_ics_item_free);

  if (check_options (&import, &own, &site_zone, error))
    {
      import.calendars = _cw_ics_scan (copy, (gsize) length, error);
      ok = import.calendars != NULL &&
           _cw_ics_read_events (&import, error) &&
           _cw_ics_save (&import, error);
    }

  if (ok && result != NULL)
    *result = import.result;

  g_clear_pointer (&import.calendars, g_ptr_array_unref);
  g_ptr_array_unref (import.events);
  g_hash_table_unref (import.vtimezones);
  g_hash_table_unref (import.zone_names);
  g_ptr_array_unref (import.problems);
  g_ptr_array_unref (import.items);

  return ok;
}

gboolean
cw_ics_import_file (CwStore                   *store,
                    const char                *path,
                    const CwIcsImportOptions  *options,
                    CwIcsImportResult         *result,
                    GError                   **error)
{
  g_autofree char *text = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, FALSE);

  if (!g_file_get_contents (path, &text, &length, error))
    return FALSE;

  return cw_ics_import (store, text, (gssize) length, options, result, error);
}
