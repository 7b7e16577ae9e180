/* cw-schedule.c: the calendar's types: scopes, windows, blackouts, planned
 * work and conflicts; the error domain; SQL helpers.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-schedule"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cw-ci-field.h"
#include "cw-schedule-private.h"
#include "cw-store-private.h"

G_DEFINE_QUARK (cw-schedule-error-quark, cw_schedule_error)

static const struct {
  const char *key;
  const char *label;
} modes[] = {
  [CW_BLACKOUT_BLOCK] = { "block", N_("Block changes") },
  [CW_BLACKOUT_WARN]  = { "warn",  N_("Warn only") },
};

static const struct {
  const char *key;
  const char *label;
} kinds[] = {
  [CW_CONFLICT_CI_OVERLAP]       = { "ci-overlap",       N_("Same CI at the same time") },
  [CW_CONFLICT_BLACKOUT]         = { "blackout",         N_("During a blackout") },
  [CW_CONFLICT_OUTSIDE_WINDOW]   = { "outside-window",   N_("Outside the maintenance windows") },
  [CW_CONFLICT_WINDOW_TOO_SHORT] = { "window-too-short", N_("Window too short for the runbook") },
  [CW_CONFLICT_WORK_TOO_SHORT]   = { "work-too-short",   N_("Booked shorter than the runbook needs") },
  [CW_CONFLICT_ASSIGNEE]         = { "assignee",         N_("Assignee booked twice") },
  [CW_CONFLICT_CONCURRENCY]      = { "concurrency",      N_("Too many changes at once") },
  [CW_CONFLICT_UNKNOWN_RUNBOOK]  = { "unknown-runbook",  N_("Runbook not found") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (kinds) == CW_N_CONFLICT_KINDS);

const char *
cw_blackout_mode_to_string (CwBlackoutMode mode)
{
  g_return_val_if_fail ((guint) mode < G_N_ELEMENTS (modes), NULL);

  return modes[mode].key;
}

gboolean
cw_blackout_mode_from_string (const char     *text,
                              CwBlackoutMode *mode)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (modes); i++)
    {
      if (g_ascii_strcasecmp (modes[i].key, text) == 0)
        {
          if (mode != NULL)
            *mode = (CwBlackoutMode) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
cw_blackout_mode_get_label (CwBlackoutMode mode)
{
  g_return_val_if_fail ((guint) mode < G_N_ELEMENTS (modes), NULL);

  return _(modes[mode].label);
}

const char *
cw_conflict_kind_to_string (CwConflictKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kinds), NULL);

  return kinds[kind].key;
}

const char *
cw_conflict_kind_get_label (CwConflictKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kinds), NULL);

  return _(kinds[kind].label);
}

const char *
cw_conflict_severity_to_string (CwConflictSeverity severity)
{
  switch (severity)
    {
    case CW_CONFLICT_WARNING:
      return "warning";
    case CW_CONFLICT_ERROR:
      return "error";
    default:
      g_return_val_if_reached (NULL);
    }
}

void
cw_conflict_free (CwConflict *conflict)
{
  if (conflict == NULL)
    return;

  g_clear_pointer (&conflict->work_ids, g_array_unref);
  g_clear_pointer (&conflict->ci_ids, g_array_unref);
  g_free (conflict->assignee);
  g_free (conflict->message);
  g_free (conflict);
}

/* Scopes ---------------------------------------------------------------------- */

CwScope *
cw_scope_new (void)
{
  CwScope *scope = g_new0 (CwScope, 1);

  scope->ci_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  return scope;
}

CwScope *
cw_scope_new_everything (void)
{
  CwScope *scope = cw_scope_new ();

  scope->everything = TRUE;

  return scope;
}

CwScope *
cw_scope_copy (const CwScope *scope)
{
  CwScope *copy;

  if (scope == NULL)
    return NULL;

  copy = cw_scope_new ();
  copy->everything = scope->everything;
  copy->sites = g_strdupv (scope->sites);
  copy->classes = g_strdupv (scope->classes);
  if (scope->ci_ids != NULL)
    g_array_append_vals (copy->ci_ids, scope->ci_ids->data, scope->ci_ids->len);

  return copy;
}

void
cw_scope_free (CwScope *scope)
{
  if (scope == NULL)
    return;

  g_strfreev (scope->sites);
  g_strfreev (scope->classes);
  g_clear_pointer (&scope->ci_ids, g_array_unref);
  g_free (scope);
}

gboolean
cw_scope_is_empty (const CwScope *scope)
{
  g_return_val_if_fail (scope != NULL, TRUE);

  return !scope->everything
         && (scope->sites == NULL || scope->sites[0] == NULL)
         && (scope->classes == NULL || scope->classes[0] == NULL)
         && (scope->ci_ids == NULL || scope->ci_ids->len == 0);
}

gboolean
cw_scope_covers (const CwScope *scope,
                 gint64         ci_id,
                 const char    *site_code,
                 const char    *ci_class)
{
  g_return_val_if_fail (scope != NULL, FALSE);

  if (scope->everything)
    return TRUE;
  for (guint i = 0; site_code != NULL && scope->sites != NULL && scope->sites[i] != NULL; i++)
    {
      if (g_ascii_strcasecmp (scope->sites[i], site_code) == 0)
        return TRUE;
    }
  if (ci_class != NULL && scope->classes != NULL
      && g_strv_contains ((const char * const *) scope->classes, ci_class))
    return TRUE;
  for (guint i = 0; scope->ci_ids != NULL && i < scope->ci_ids->len; i++)
    {
      if (g_array_index (scope->ci_ids, gint64, i) == ci_id)
        return TRUE;
    }

  return FALSE;
}

char *
cw_scope_to_display (const CwScope *scope)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (scope != NULL, NULL);

  if (scope->everything)
    return g_strdup (_("Everything"));

  if (scope->sites != NULL && scope->sites[0] != NULL)
    {
      g_autofree char *list = g_strjoinv (", ", scope->sites);

      /* Translators: %s is a list of site codes, "BER, MUC" */
      g_ptr_array_add (parts, g_strdup_printf (_("Sites: %s"), list));
    }
  if (scope->classes != NULL && scope->classes[0] != NULL)
    {
      g_autoptr(GString) list = g_string_new (NULL);

      for (guint i = 0; scope->classes[i] != NULL; i++)
        {
          if (i > 0)
            g_string_append (list, ", ");
          g_string_append (list, cw_ci_class_is_valid (scope->classes[i])
                                 ? cw_ci_class_get_label (scope->classes[i])
                                 : scope->classes[i]);
        }
      /* Translators: %s is a list of CI classes, "Switch, Router" */
      g_ptr_array_add (parts, g_strdup_printf (_("Classes: %s"), list->str));
    }
  if (scope->ci_ids != NULL && scope->ci_ids->len > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u CI", "%u CIs",
                                                          scope->ci_ids->len),
                                             scope->ci_ids->len));

  if (parts->len == 0)
    return g_strdup (_("Nothing"));

  for (guint i = 0; i < parts->len; i++)
    {
      if (i > 0)
        g_string_append (text, " · ");
      g_string_append (text, g_ptr_array_index (parts, i));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Windows, blackouts, planned work --------------------------------------------- */

CwWindowOverride *
cw_window_override_new (const char *recurrence_id,
                        const char *start_local,
                        guint       duration_min)
{
  CwWindowOverride *override = g_new0 (CwWindowOverride, 1);

  override->recurrence_id = g_strdup (recurrence_id);
  override->start_local = g_strdup (start_local);
  override->cancelled = start_local == NULL;
  override->duration_min = duration_min;

  return override;
}

CwWindowOverride *
cw_window_override_copy (const CwWindowOverride *override)
{
  CwWindowOverride *copy;

  if (override == NULL)
    return NULL;

  copy = cw_window_override_new (override->recurrence_id, override->start_local,
                                 override->duration_min);
  copy->cancelled = override->cancelled;

  return copy;
}

void
cw_window_override_free (CwWindowOverride *override)
{
  if (override == NULL)
    return;

  g_free (override->recurrence_id);
  g_free (override->start_local);
  g_free (override);
}

CwMaintWindow *
cw_maint_window_new (const char *name,
               const char *tzid,
               const char *start_local,
               guint       duration_min)
{
  CwMaintWindow *window = g_new0 (CwMaintWindow, 1);

  window->name = g_strdup (name);
  window->tzid = g_strdup (tzid);
  window->start_local = g_strdup (start_local);
  window->duration_min = duration_min;
  window->scope = cw_scope_new ();
  window->overrides = g_ptr_array_new_with_free_func ((GDestroyNotify) cw_window_override_free);

  return window;
}

CwMaintWindow *
cw_maint_window_copy (const CwMaintWindow *window)
{
  CwMaintWindow *copy;

  if (window == NULL)
    return NULL;

  copy = cw_maint_window_new (window->name, window->tzid, window->start_local, window->duration_min);
  copy->id = window->id;
  copy->uid = g_strdup (window->uid);
  copy->description = g_strdup (window->description);
  cw_scope_free (copy->scope);
  copy->scope = window->scope != NULL ? cw_scope_copy (window->scope) : cw_scope_new ();
  copy->rrule = g_strdup (window->rrule);
  copy->exdates = g_strdupv (window->exdates);
  for (guint i = 0; window->overrides != NULL && i < window->overrides->len; i++)
    g_ptr_array_add (copy->overrides, cw_window_override_copy (g_ptr_array_index (window->overrides, i)));
  copy->max_concurrent = window->max_concurrent;

  return copy;
}

void
cw_maint_window_free (CwMaintWindow *window)
{
  if (window == NULL)
    return;

  g_free (window->uid);
  g_free (window->name);
  g_free (window->description);
  cw_scope_free (window->scope);
  g_free (window->tzid);
  g_free (window->start_local);
  g_free (window->rrule);
  g_strfreev (window->exdates);
  g_clear_pointer (&window->overrides, g_ptr_array_unref);
  g_free (window);
}

CwBlackout *
cw_blackout_new (const char     *name,
                 CwBlackoutMode  mode,
                 gint64          start,
                 gint64          end)
{
  CwBlackout *blackout = g_new0 (CwBlackout, 1);

  blackout->name = g_strdup (name);
  blackout->mode = mode;
  blackout->start = start;
  blackout->end = end;
  blackout->scope = cw_scope_new ();

  return blackout;
}

CwBlackout *
cw_blackout_copy (const CwBlackout *blackout)
{
  CwBlackout *copy;

  if (blackout == NULL)
    return NULL;

  copy = cw_blackout_new (blackout->name, blackout->mode, blackout->start, blackout->end);
  copy->id = blackout->id;
  copy->uid = g_strdup (blackout->uid);
  copy->reason = g_strdup (blackout->reason);
  cw_scope_free (copy->scope);
  copy->scope = blackout->scope != NULL ? cw_scope_copy (blackout->scope) : cw_scope_new ();
  copy->tzid = g_strdup (blackout->tzid);
  copy->all_day = blackout->all_day;

  return copy;
}

void
cw_blackout_free (CwBlackout *blackout)
{
  if (blackout == NULL)
    return;

  g_free (blackout->uid);
  g_free (blackout->name);
  g_free (blackout->reason);
  cw_scope_free (blackout->scope);
  g_free (blackout->tzid);
  g_free (blackout);
}

CwPlannedWork *
cw_planned_work_new (const char *title,
                     gint64      start,
                     gint64      end)
{
  CwPlannedWork *work = g_new0 (CwPlannedWork, 1);

  work->title = g_strdup (title);
  work->start = start;
  work->end = end;
  work->ci_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  return work;
}

CwPlannedWork *
cw_planned_work_copy (const CwPlannedWork *work)
{
  CwPlannedWork *copy;

  if (work == NULL)
    return NULL;

  copy = cw_planned_work_new (work->title, work->start, work->end);
  copy->id = work->id;
  copy->uid = g_strdup (work->uid);
  copy->description = g_strdup (work->description);
  if (work->ci_ids != NULL)
    g_array_append_vals (copy->ci_ids, work->ci_ids->data, work->ci_ids->len);
  copy->runbook_name = g_strdup (work->runbook_name);
  copy->runbook_version = work->runbook_version;
  copy->assignee = g_strdup (work->assignee);

  return copy;
}

void
cw_planned_work_free (CwPlannedWork *work)
{
  if (work == NULL)
    return;

  g_free (work->uid);
  g_free (work->title);
  g_free (work->description);
  g_clear_pointer (&work->ci_ids, g_array_unref);
  g_free (work->runbook_name);
  g_free (work->assignee);
  g_free (work);
}

void
cw_planned_work_add_ci (CwPlannedWork *work,
                        gint64         ci_id)
{
  g_return_if_fail (work != NULL);

  for (guint i = 0; i < work->ci_ids->len; i++)
    {
      if (g_array_index (work->ci_ids, gint64, i) == ci_id)
        return;
    }
  g_array_append_val (work->ci_ids, ci_id);
}

/* SQL helpers ------------------------------------------------------------------ */

sqlite3_stmt *
_cw_schedule_prepare (CwStore     *store,
                      const char  *sql,
                      GError     **error)
{
  sqlite3 *db = cw_store_get_handle (store);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      cw_store_set_sql_error (error, db, rc, _("Could not read the calendar"));
      return NULL;
    }

  return stmt;
}

gboolean
_cw_schedule_savepoint (CwStore  *store,
                        GError  **error)
{
  return cw_store_exec (store, "SAVEPOINT cw_schedule", error);
}

gboolean
_cw_schedule_release (CwStore  *store,
                      GError  **error)
{
  return cw_store_exec (store, "RELEASE cw_schedule", error);
}

void
_cw_schedule_rollback_to (CwStore *store)
{
  sqlite3 *db = cw_store_get_handle (store);

  sqlite3_exec (db, "ROLLBACK TO cw_schedule; RELEASE cw_schedule", NULL, NULL, NULL);
}

char *
_cw_schedule_make_uid (void)
{
  g_autofree char *uuid = g_uuid_string_random ();

  return g_strdup_printf ("%s@changeward", uuid);
}

char *
_cw_schedule_column_dup (sqlite3_stmt *stmt,
                         int           column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);

  return text != NULL ? g_strdup ((const char *) text) : NULL;
}
