/* cw-calendar-editor-save.c: the editor's form written to the store: a
 * window with its rule, a blackout, planned work.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-calendar-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#include <stdlib.h>

#include "cw-calendar-cis.h"
#include "cw-calendar-editor-private.h"
#include "cw-inventory.h"
#include "cw-runbook-store.h"

static const char * const weekdays[] = { "MO", "TU", "WE", "TH", "FR", "SA", "SU" };

static char *
build_rrule (CwCalendarEditor  *self,
             const char        *tzid,
             const char        *start_local,
             GError           **error)
{
  g_autofree char *repeat = _cw_calendar_editor_get_field (self, "repeat");
  g_autofree char *until = _cw_calendar_editor_get_field (self, "until");
  g_autoptr(GString) rule = g_string_new (NULL);
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (tzid);
  guint count = 0;

  if (g_str_equal (repeat, "none") || repeat[0] == '\0')
    return NULL;

  if (zone == NULL)
    zone = g_time_zone_new_utc ();
  start = g_date_time_new (zone, g_ascii_strtoll (start_local, NULL, 10), atoi (start_local + 5),
                           atoi (start_local + 8), 12, 0, 0);

  if (g_str_equal (repeat, "custom"))
    {
      g_autofree char *text = _cw_calendar_editor_get_field (self, "rrule");

      if (g_str_has_prefix (text, "RRULE:"))
        memmove (text, text + 6, strlen (text + 6) + 1);
      g_string_append (rule, text);
    }
  else if (start != NULL && g_str_equal (repeat, "weekly"))
    g_string_append_printf (rule, "FREQ=WEEKLY;BYDAY=%s", weekdays[g_date_time_get_day_of_week (start) - 1]);
  else if (start != NULL)
    g_string_append_printf (rule, "FREQ=MONTHLY;BYDAY=%d%s", (g_date_time_get_day_of_month (start) - 1) / 7 + 1,
                            weekdays[g_date_time_get_day_of_week (start) - 1]);

  if (until[0] != '\0')
    {
      g_autofree char *end_local = g_strdup_printf ("%s 23:59:59", until);
      g_autoptr(GDateTime) utc = NULL;
      g_autofree char *stamp = NULL;
      gint64 instant;

      if (!cw_schedule_local_to_utc (end_local, tzid, &instant, error))
        return NULL;
      utc = g_date_time_new_from_unix_utc (instant);
      stamp = g_date_time_format (utc, "%Y%m%dT%H%M%SZ");
      g_string_append_printf (rule, ";UNTIL=%s", stamp);
    }
  if (!_cw_calendar_editor_parse_count (self, "count", _("Occurrences"), &count, error))
    return NULL;
  if (count > 0)
    g_string_append_printf (rule, ";COUNT=%u", count);

  return g_string_free (g_steal_pointer (&rule), FALSE);
}

gboolean
_cw_calendar_editor_save_window (CwCalendarEditor  *self,
                                 GError           **error)
{
  g_autofree char *name = _cw_calendar_editor_get_field (self, "name");
  g_autofree char *tzid = _cw_calendar_editor_get_zone (self);
  g_autofree char *start_text = _cw_calendar_editor_get_field (self, "start");
  g_autofree char *start_local = NULL;
  g_autoptr(CwMaintWindow) window = NULL;
  g_autoptr(CwScope) scope = NULL;
  guint duration = 0, max_concurrent = 0;

  if (!cw_schedule_time_zone_is_valid (tzid))
    {
      /* Translators: %s is what the user typed as a time zone */
      g_set_error (error, CW_SCHEDULE_ERROR, CW_SCHEDULE_ERROR_BAD_TIME_ZONE,
                   _("“%s” is not a time zone; use an IANA name such as Europe/Berlin."), tzid);
      return FALSE;
    }
  start_local = cw_schedule_normalize_local (start_text, error);
  if (start_local == NULL)
    return FALSE;
  if (!_cw_calendar_editor_parse_count (self, "duration", _("Duration"), &duration, error) ||
      !_cw_calendar_editor_parse_count (self, "max-concurrent", _("Changes at Once"), &max_concurrent, error))
    return FALSE;
  scope = _cw_calendar_editor_get_scope (self, error);
  if (scope == NULL)
    return FALSE;

  if (self->id != 0)
    {
      window = cw_schedule_get_window (self->store, self->id, error);
      if (window == NULL)
        return FALSE;
    }
  else
    window = cw_maint_window_new (name, tzid, NULL, 0);

  g_free (window->name);
  window->name = g_strdup (name);
  g_free (window->tzid);
  window->tzid = g_strdup (tzid);
  g_free (window->start_local);
  window->start_local = g_strdup (start_local);
  window->duration_min = duration;
  window->max_concurrent = max_concurrent;
  cw_scope_free (window->scope);
  window->scope = g_steal_pointer (&scope);
  g_free (window->rrule);
  window->rrule = NULL;
  {
    g_autoptr(GError) rule_error = NULL;

    window->rrule = build_rrule (self, tzid, start_local, &rule_error);
    if (rule_error != NULL)
      {
        g_propagate_error (error, g_steal_pointer (&rule_error));
        return FALSE;
      }
  }

  if (!cw_maint_window_check (window, error))
    return FALSE;
  if (self->id != 0 ? !cw_schedule_update_window (self->store, window, error)
                    : !cw_schedule_add_window (self->store, window, error))
    return FALSE;

  self->id = window->id;
  return TRUE;
}

gboolean
_cw_calendar_editor_save_blackout (CwCalendarEditor  *self,
                                   GError           **error)
{
  g_autofree char *name = _cw_calendar_editor_get_field (self, "name");
  g_autofree char *tzid = _cw_calendar_editor_get_zone (self);
  g_autofree char *mode_text = _cw_calendar_editor_get_field (self, "mode");
  g_autofree char *reason = _cw_calendar_editor_get_field (self, "reason");
  g_autoptr(CwBlackout) blackout = NULL;
  g_autoptr(CwScope) scope = NULL;
  CwBlackoutMode mode = CW_BLACKOUT_BLOCK;
  gint64 start, end;

  if (!cw_schedule_time_zone_is_valid (tzid))
    {
      g_set_error (error, CW_SCHEDULE_ERROR, CW_SCHEDULE_ERROR_BAD_TIME_ZONE,
                   _("“%s” is not a time zone; use an IANA name such as Europe/Berlin."), tzid);
      return FALSE;
    }
  if (!_cw_calendar_editor_parse_local (self, "start", _("Start"), tzid, &start, error) ||
      !_cw_calendar_editor_parse_local (self, "end", _("End"), tzid, &end, error))
    return FALSE;
  cw_blackout_mode_from_string (mode_text, &mode);
  scope = _cw_calendar_editor_get_scope (self, error);
  if (scope == NULL)
    return FALSE;

  if (self->id != 0)
    {
      blackout = cw_schedule_get_blackout (self->store, self->id, error);
      if (blackout == NULL)
        return FALSE;
    }
  else
    blackout = cw_blackout_new (name, mode, start, end);

  g_free (blackout->name);
  blackout->name = g_strdup (name);
  blackout->mode = mode;
  blackout->start = start;
  blackout->end = end;
  g_free (blackout->tzid);
  blackout->tzid = g_strdup (tzid);
  blackout->all_day = FALSE;
  g_free (blackout->reason);
  blackout->reason = reason[0] != '\0' ? g_strdup (reason) : NULL;
  cw_scope_free (blackout->scope);
  blackout->scope = g_steal_pointer (&scope);

  if (self->id != 0 ? !cw_schedule_update_blackout (self->store, blackout, error)
                    : !cw_schedule_add_blackout (self->store, blackout, error))
    return FALSE;

  self->id = blackout->id;
  return TRUE;
}

gboolean
_cw_calendar_editor_save_work (CwCalendarEditor  *self,
                               GError           **error)
{
  g_autofree char *title = _cw_calendar_editor_get_field (self, "title");
  g_autofree char *cis = _cw_calendar_editor_get_field (self, "cis");
  g_autofree char *runbook = _cw_calendar_editor_get_field (self, "runbook");
  g_autofree char *end_text = _cw_calendar_editor_get_field (self, "end");
  g_autofree char *assignee = _cw_calendar_editor_get_field (self, "assignee");
  g_autoptr(CwPlannedWork) work = NULL;
  g_autoptr(GArray) ids = NULL;
  gint64 start, end;

  if (!_cw_calendar_editor_parse_local (self, "start", _("Start"), self->tzid, &start, error))
    return FALSE;
  if (end_text[0] == '\0')
    {
      guint minutes = 0;

      if (runbook[0] == '\0')
        {
          g_set_error_literal (error, CW_SCHEDULE_ERROR, CW_SCHEDULE_ERROR_INVALID_INPUT,
                               _("End: give an end, or a runbook whose window needed sets it."));
          return FALSE;
        }
      if (!cw_schedule_get_window_needed (self->store, runbook, 0, &minutes, error))
        return FALSE;
      end = start + (gint64) minutes * 60;
    }
  else if (!_cw_calendar_editor_parse_local (self, "end", _("End"), self->tzid, &end, error))
    return FALSE;

  ids = cw_calendar_resolve_cis (self->store, cis, error);
  if (ids == NULL)
    return FALSE;

  if (self->id != 0)
    {
      work = cw_schedule_get_work (self->store, self->id, error);
      if (work == NULL)
        return FALSE;
    }
  else
    work = cw_planned_work_new (title, start, end);

  g_free (work->title);
  work->title = g_strdup (title);
  work->start = start;
  work->end = end;
  g_array_set_size (work->ci_ids, 0);
  g_array_append_vals (work->ci_ids, ids->data, ids->len);
  if (g_strcmp0 (work->runbook_name, runbook) != 0)
    work->runbook_version = 0;
  g_free (work->runbook_name);
  work->runbook_name = runbook[0] != '\0' ? g_strdup (runbook) : NULL;
  g_free (work->assignee);
  work->assignee = assignee[0] != '\0' ? g_strdup (assignee) : NULL;

  if (self->id != 0 ? !cw_schedule_update_work (self->store, work, error)
                    : !cw_schedule_add_work (self->store, work, error))
    return FALSE;

  self->id = work->id;
  return TRUE;
}
