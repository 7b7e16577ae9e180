/* cw-ics-import.c: the VEVENTs of a calendar file as maintenance windows and
 * blackouts, every one checked before anything is written.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-ics"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cw-ics-import-private.h"

/* Each event without a RECURRENCE-ID is a master: it is read into the shape
 * of a window (zone, local start, duration, rule, exdates), its moved and
 * cancelled occurrences are attached, and only then does it become what it
 * is imported as: a window, or one blackout, or one blackout per occurrence
 * (a blackout does not repeat). Which of these is described in cw-ics.h. */

#define MAX_BLACKOUT_OCCURRENCES 1000

typedef struct
{
  CwIcsComponent  *event;
  CwIcsImportKind  kind;
  gboolean         from_changeward;  /* X-CHANGEWARD-KIND: its DESCRIPTION is ours */
  gboolean         stored;           /* a window of the workspace, for overrides only */
  CwMaintWindow   *shape;
  CwIcsWhen        start;
  CwIcsWhen        end;
} Master;

static void
master_free (Master *master)
{
  g_clear_pointer (&master->shape, cw_maint_window_free);
  g_free (master);
}

static char *
text_of (CwIcsComponent *event,
         const char     *name)
{
  CwIcsProperty *property = _cw_ics_component_get (event, name);
  char *text;

  if (property == NULL)
    return NULL;
  text = g_strstrip (_cw_ics_unescape_text (property->value));
  if (text[0] == '\0')
    g_clear_pointer (&text, g_free);

  return text;
}

static gboolean
is_cancelled (CwIcsComponent *event)
{
  g_autofree char *status = text_of (event, "STATUS");

  return status != NULL && g_ascii_strcasecmp (status, "CANCELLED") == 0;
}

/* A file without UIDs still imports the same items twice: the UID is made
 * from what the event says. */
static char *
uid_of (CwIcsComponent *event)
{
  g_autofree char *uid = text_of (event, "UID");
  g_autoptr(GString) seed = NULL;
  g_autofree char *digest = NULL;
  const char * const names[] = { "SUMMARY", "DTSTART", "DTEND", "DURATION", "RRULE" };

  if (uid != NULL)
    return g_steal_pointer (&uid);

  seed = g_string_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      CwIcsProperty *property = _cw_ics_component_get (event, names[i]);

      g_string_append_printf (seed, "%s\n", property != NULL ? property->value : "");
    }
  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA1, seed->str, -1);

  return g_strdup_printf ("ics-%.20s@changeward", digest);
}

static void
set_override (CwMaintWindow    *window,
              CwWindowOverride *override)
{
  for (guint i = 0; i < window->overrides->len; i++)
    {
      CwWindowOverride *old = g_ptr_array_index (window->overrides, i);

      if (g_str_equal (old->recurrence_id, override->recurrence_id))
        {
          g_ptr_array_remove_index (window->overrides, i);
          break;
        }
    }

  g_ptr_array_add (window->overrides, override);
}

/* ---- masters ------------------------------------------------------------- */

static void
read_rule (CwIcsImport    *import,
           Master         *master)
{
  CwIcsComponent *event = master->event;
  gboolean seen = FALSE;

  for (guint i = 0; i < event->properties->len; i++)
    {
      CwIcsProperty *property = g_ptr_array_index (event->properties, i);
      struct icalrecurrencetype rule;
      g_autofree char *value = NULL;

      if (!g_str_equal (property->name, "RRULE"))
        continue;
      if (seen)
        {
          _cw_ics_problems_add (import->problems, property->line, event,
                                _("a second RRULE: only one rule per event is supported"));
          continue;
        }
      seen = TRUE;

      value = g_strstrip (g_strdup (property->value));
      rule = icalrecurrencetype_from_string (value);
      if (rule.freq == ICAL_NO_RECURRENCE)
        {
          _cw_ics_problems_add (import->problems, property->line, event,
                                _("RRULE “%s” is not a recurrence rule like "
                                  "FREQ=WEEKLY;BYDAY=SU"), property->value);
          continue;
        }
      master->shape->rrule = g_steal_pointer (&value);
    }
}

static void
read_dates (CwIcsImport *import,
            Master      *master)
{
  CwIcsComponent *event = master->event;

  for (guint i = 0; i < event->properties->len; i++)
    {
      CwIcsProperty *property = g_ptr_array_index (event->properties, i);
      gboolean exdate = g_str_equal (property->name, "EXDATE");
      gboolean rdate = g_str_equal (property->name, "RDATE");
      const char *cancelled = _cw_ics_property_get_param (property, "X-CHANGEWARD-CANCELLED");
      g_auto(GStrv) values = NULL;

      if (!exdate && !rdate)
        continue;

      values = g_strsplit (property->value, ",", -1);
      for (guint j = 0; values[j] != NULL; j++)
        {
          CwIcsWhen when;
          gint64 local;

          if (!_cw_ics_read_when (import, event, property, values[j], &when))
            break;
          local = _cw_ics_occurrence_local (master->shape, &master->start, &when);

          if (rdate)
            {
              g_autofree char *text = _cw_ics_format_local (local);

              /* An added occurrence: an override the rule does not make. */
              set_override (master->shape, cw_window_override_new (text, text, 0));
            }
          else if (cancelled != NULL && g_ascii_strcasecmp (cancelled, "TRUE") == 0)
            {
              g_autofree char *text = _cw_ics_format_local (local);

              set_override (master->shape, cw_window_override_new (text, NULL, 0));
            }
          else
            {
              g_autofree char *text = _cw_ics_format_local (local);

              _cw_strv_append (&master->shape->exdates, text);
            }
        }
    }
}

static void
read_kind (CwIcsImport *import,
           Master      *master,
           gboolean    *is_work)
{
  CwIcsProperty *kind = _cw_ics_component_get (master->event, "X-CHANGEWARD-KIND");

  *is_work = FALSE;
  master->kind = import->options->kind;
  if (kind == NULL)
    return;

  master->from_changeward = TRUE;
  if (g_ascii_strcasecmp (kind->value, "window") == 0)
    master->kind = CW_ICS_IMPORT_WINDOWS;
  else if (g_ascii_strcasecmp (kind->value, "blackout") == 0)
    master->kind = CW_ICS_IMPORT_BLACKOUTS;
  else if (g_ascii_strcasecmp (kind->value, "work") == 0)
    *is_work = TRUE;
  else
    _cw_ics_problems_add (import->problems, kind->line, master->event,
                          _("X-CHANGEWARD-KIND “%s” is not window, blackout or work"),
                          kind->value);
}

static Master *
read_master (CwIcsImport    *import,
             CwIcsComponent *event,
             gboolean       *is_work)
{
  g_autoptr(CwMaintWindow) shape = NULL;
  CwIcsProperty *dtstart = _cw_ics_component_get (event, "DTSTART");
  g_autofree char *name = text_of (event, "SUMMARY");
  g_autofree char *start_text = NULL;
  Master *master = g_new0 (Master, 1);
  gboolean has_end;
  guint before = import->problems->len;

  master->event = event;
  read_kind (import, master, is_work);
  if (*is_work)
    return master;

  if (dtstart == NULL)
    {
      _cw_ics_problems_add (import->problems, event->line, event,
                            _("the event has no start (DTSTART)"));
      return master;
    }
  if (!_cw_ics_read_when (import, event, dtstart, dtstart->value, &master->start) ||
      !_cw_ics_read_end (import, event, &master->start, &master->end, &has_end))
    return master;
  if (!has_end)
    {
      _cw_ics_problems_add (import->problems, dtstart->line, event,
                            _("the event has no end: DTEND or DURATION is missing"));
      return master;
    }

  start_text = _cw_ics_format_local (master->start.local);
  shape = cw_maint_window_new (name != NULL ? name : _("Untitled event"), master->start.zone,
                               start_text,
                               _cw_ics_minutes_between (master->start.instant,
                                                        master->end.instant));
  shape->uid = uid_of (event);
  /* Until the scope is known; cw_maint_window_check() wants one. */
  shape->scope->everything = TRUE;
  master->shape = g_steal_pointer (&shape);

  read_rule (import, master);
  read_dates (import, master);

  if (import->problems->len > before)
    g_clear_pointer (&master->shape, cw_maint_window_free);

  return master;
}

/* ---- moved and cancelled occurrences ------------------------------------- */

static Master *
stored_master (CwIcsImport    *import,
               CwIcsComponent *event,
               const char     *uid)
{
  g_autoptr(GError) error = NULL;
  CwMaintWindow *window;
  Master *master;

  window = cw_schedule_find_window (import->store, uid, &error);
  if (window == NULL)
    {
      if (error != NULL)
        _cw_ics_problems_add_text (import->problems, event->line, event, error->message);
      else
        _cw_ics_problems_add (import->problems, event->line, event,
                              _("an occurrence (RECURRENCE-ID) of the event “%s”, which is "
                                "neither in the file nor a window of the workspace"), uid);
      return NULL;
    }

  master = g_new0 (Master, 1);
  master->event = event;
  master->kind = CW_ICS_IMPORT_WINDOWS;
  master->stored = TRUE;
  master->shape = window;
  _cw_local_parse (window->start_local, &master->start.local, NULL);
  master->start.zone = g_intern_string (window->tzid);
  cw_schedule_local_to_utc (window->start_local, window->tzid, &master->start.instant, NULL);

  return master;
}

static void
read_override (CwIcsImport    *import,
               Master         *master,
               CwIcsComponent *event)
{
  CwIcsProperty *recurrence_id = _cw_ics_component_get (event, "RECURRENCE-ID");
  CwIcsProperty *dtstart = _cw_ics_component_get (event, "DTSTART");
  g_autofree char *id_text = NULL;
  g_autofree char *start_text = NULL;
  CwIcsWhen id, start, end;
  guint duration = 0;
  gboolean has_end;

  if (!_cw_ics_read_when (import, event, recurrence_id, recurrence_id->value, &id))
    return;
  id_text = _cw_ics_format_local (_cw_ics_occurrence_local (master->shape, &master->start,
                                                            &id));

  if (is_cancelled (event))
    {
      set_override (master->shape, cw_window_override_new (id_text, NULL, 0));
      return;
    }

  if (dtstart == NULL)
    {
      _cw_ics_problems_add (import->problems, event->line, event,
                            _("the event has no start (DTSTART)"));
      return;
    }
  if (!_cw_ics_read_when (import, event, dtstart, dtstart->value, &start) ||
      !_cw_ics_read_end (import, event, &start, &end, &has_end))
    return;

  if (has_end)
    {
      duration = _cw_ics_minutes_between (start.instant, end.instant);
      if (duration == master->shape->duration_min)
        duration = 0;
    }
  start_text = _cw_ics_format_local (_cw_ics_occurrence_local (master->shape, &master->start,
                                                               &start));
  set_override (master->shape, cw_window_override_new (id_text, start_text, duration));
}

/* ---- items ------------------------------------------------------------------ */

static CwScope *
scope_for (CwIcsImport *import,
           Master      *master,
           gboolean    *has_scope)
{
  CwScope *scope;

  *has_scope = TRUE;
  if (import->options->site != NULL)
    {
      scope = cw_scope_new ();
      _cw_strv_append (&scope->sites, import->options->site);
      return scope;
    }

  scope = _cw_ics_read_scope (import, master->event);
  if (scope != NULL)
    return scope;

  *has_scope = FALSE;
  return cw_scope_new_everything ();
}

static CwIcsItem *
add_item (CwIcsImport *import,
          Master      *master,
          CwMaintWindow    *window,
          CwBlackout  *blackout)
{
  CwIcsItem *item = g_new0 (CwIcsItem, 1);

  item->event = master->event;
  item->window = window;
  item->blackout = blackout;
  g_ptr_array_add (import->items, item);

  return item;
}

static void
finish_window (CwIcsImport *import,
               Master      *master)
{
  CwIcsComponent *event = master->event;
  CwIcsProperty *limit = _cw_ics_component_get (event, "X-CHANGEWARD-MAX-CONCURRENT");
  CwMaintWindow *window = g_steal_pointer (&master->shape);
  g_autoptr(GError) error = NULL;
  CwIcsItem *item;
  gboolean has_scope = FALSE;
  gboolean scope_failed = FALSE;
  guint64 value = 0;

  if (limit != NULL)
    {
      if (!g_ascii_string_to_unsigned (g_strstrip (limit->value), 10, 1, G_MAXUINT, &value, NULL))
        _cw_ics_problems_add (import->problems, limit->line, event,
                              _("X-CHANGEWARD-MAX-CONCURRENT “%s” is not a number from 1"),
                              limit->value);
      window->max_concurrent = (guint) value;
    }

  if (!master->stored)
    {
      CwIcsProperty *own = _cw_ics_component_get (event, "X-CHANGEWARD-DESCRIPTION");
      guint before = import->problems->len;

      cw_scope_free (window->scope);
      window->scope = scope_for (import, master, &has_scope);
      scope_failed = import->problems->len > before;
      g_free (window->description);
      window->description = text_of (event, master->from_changeward ? "X-CHANGEWARD-DESCRIPTION"
                                                                    : "DESCRIPTION");
      item = add_item (import, master, window, NULL);
      item->has_scope = has_scope;
      item->has_max_concurrent = limit != NULL;
      item->has_text = master->from_changeward || own != NULL ||
                       _cw_ics_component_get (event, "DESCRIPTION") != NULL;
    }
  else
    {
      item = add_item (import, master, window, NULL);
      item->has_scope = item->has_max_concurrent = item->has_text = TRUE;
    }

  /* Sites or CIs the workspace lacks are problems already: the scope they
   * leave empty is not one more. */
  if (scope_failed && cw_scope_is_empty (window->scope))
    {
      g_autoptr(CwMaintWindow) checked = cw_maint_window_copy (window);

      checked->scope->everything = TRUE;
      cw_maint_window_check (checked, &error);
    }
  else
    cw_maint_window_check (window, &error);
  if (error != NULL)
    _cw_ics_problems_add_text (import->problems, event->line, event, error->message);
}

static CwBlackout *
make_blackout (CwIcsImport *import,
               Master      *master,
               const char  *uid,
               gint64       start,
               gint64       end)
{
  CwIcsComponent *event = master->event;
  CwBlackout *blackout = cw_blackout_new (master->shape->name, CW_BLACKOUT_BLOCK, start, end);
  const char *zone = master->start.zone;

  blackout->uid = g_strdup (uid);
  blackout->all_day = master->start.is_date;
  blackout->tzid = g_strcmp0 (zone, "UTC") != 0 ? g_strdup (zone) : NULL;
  blackout->reason = text_of (event, master->from_changeward ? "X-CHANGEWARD-REASON"
                                                             : "DESCRIPTION");
  return blackout;
}

static void
add_blackout (CwIcsImport *import,
              Master      *master,
              CwBlackout  *blackout)
{
  CwIcsComponent *event = master->event;
  CwIcsProperty *mode = _cw_ics_component_get (event, "X-CHANGEWARD-MODE");
  CwIcsItem *item;
  gboolean has_scope;

  if (import->options->has_mode)
    blackout->mode = import->options->mode;
  else if (mode != NULL && !cw_blackout_mode_from_string (g_strstrip (mode->value),
                                                          &blackout->mode))
    _cw_ics_problems_add (import->problems, mode->line, event,
                          _("X-CHANGEWARD-MODE “%s” is not block or warn"), mode->value);

  cw_scope_free (blackout->scope);
  blackout->scope = scope_for (import, master, &has_scope);
  item = add_item (import, master, NULL, blackout);
  item->series = g_strdup (master->shape->uid);
  item->has_scope = has_scope;
  item->has_mode = import->options->has_mode || mode != NULL;
  item->has_text = master->from_changeward ||
                   _cw_ics_component_get (event, "DESCRIPTION") != NULL;
}

static void
finish_blackouts (CwIcsImport *import,
                  Master      *master)
{
  CwMaintWindow *shape = master->shape;
  g_autoptr(GArray) occurrences = NULL;
  g_autoptr(GError) error = NULL;
  struct icalrecurrencetype rule;
  gint64 first_start, last_end;
  int days = (int) ((master->end.local - master->start.local) / CW_SCHEDULE_DAY);

  if (shape->rrule == NULL && shape->overrides->len == 0)
    {
      add_blackout (import, master, make_blackout (import, master, shape->uid,
                                                   master->start.instant, master->end.instant));
      return;
    }

  if (shape->rrule != NULL)
    {
      rule = icalrecurrencetype_from_string (shape->rrule);
      if (rule.count == 0 && icaltime_is_null_time (rule.until))
        {
          CwIcsProperty *property = _cw_ics_component_get (master->event, "RRULE");

          _cw_ics_problems_add (import->problems, property->line, master->event,
                                _("a blackout cannot repeat for ever: give the rule an end "
                                  "(COUNT or UNTIL), or import the file as maintenance "
                                  "windows"));
          return;
        }
    }

  if (!cw_maint_window_check (shape, &error) ||
      !_cw_window_span (shape, &first_start, &last_end, &error) ||
      (occurrences = cw_maint_window_expand (shape, first_start, last_end, &error)) == NULL)
    {
      _cw_ics_problems_add_text (import->problems, master->event->line, master->event,
                                 error->message);
      return;
    }
  if (occurrences->len > MAX_BLACKOUT_OCCURRENCES)
    {
      _cw_ics_problems_add (import->problems, master->event->line, master->event,
                            _("the rule makes %u blackouts; at most %u are imported from one "
                              "event"), occurrences->len, MAX_BLACKOUT_OCCURRENCES);
      return;
    }

  /* One blackout per occurrence, named by the occurrence it was. */
  for (guint i = 0; i < occurrences->len; i++)
    {
      const CwOccurrence *occurrence = &g_array_index (occurrences, CwOccurrence, i);
      g_autofree char *uid = NULL;
      g_autoptr(GString) id = g_string_new (occurrence->recurrence_id);
      gint64 end = occurrence->end;

      g_string_replace (id, "-", "", 0);
      g_string_replace (id, ":", "", 0);
      uid = g_strdup_printf ("%s/%s", shape->uid, id->str);
      if (master->start.is_date && days > 0)
        {
          gint64 local = _cw_ics_when_in_zone (&(CwIcsWhen) { .instant = occurrence->start },
                                               shape->tzid);

          end = _cw_ics_days_later (local, days, shape->tzid);
        }
      add_blackout (import, master, make_blackout (import, master, uid, occurrence->start, end));
    }
}

/* ---- the file ---------------------------------------------------------------- */

static void
collect (CwIcsImport *import)
{
  for (guint i = 0; i < import->calendars->len; i++)
    {
      CwIcsComponent *calendar = g_ptr_array_index (import->calendars, i);

      for (guint j = 0; j < calendar->children->len; j++)
        {
          CwIcsComponent *child = g_ptr_array_index (calendar->children, j);

          if (g_str_equal (child->name, "VEVENT"))
            g_ptr_array_add (import->events, child);
          else if (g_str_equal (child->name, "VTIMEZONE"))
            {
              g_autofree char *tzid = text_of (child, "TZID");

              if (tzid != NULL)
                g_hash_table_replace (import->vtimezones, g_steal_pointer (&tzid), child);
            }
        }
    }
}

gboolean
_cw_ics_read_events (CwIcsImport  *import,
                     GError      **error)
{
  g_autoptr(GHashTable) masters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                         (GDestroyNotify) master_free);
  g_autoptr(GHashTable) skipped = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();

  collect (import);
  if (import->events->len == 0)
    {
      g_set_error_literal (error, CW_ICS_ERROR, CW_ICS_ERROR_NO_EVENTS,
                           _("The calendar has no events (VEVENT): there is nothing to "
                             "import."));
      return FALSE;
    }

  /* The masters, then their occurrences, which may come before them. */
  for (guint i = 0; i < import->events->len; i++)
    {
      CwIcsComponent *event = g_ptr_array_index (import->events, i);
      g_autofree char *uid = NULL;
      Master *master, *earlier;
      gboolean is_work;

      if (_cw_ics_component_get (event, "RECURRENCE-ID") != NULL)
        continue;

      uid = uid_of (event);
      earlier = g_hash_table_lookup (masters, uid);
      if (earlier != NULL)
        {
          _cw_ics_problems_add (import->problems, event->line, event,
                                _("the VEVENT on line %u has the same UID “%s”"),
                                earlier->event->line, uid);
          continue;
        }
      if (is_cancelled (event))
        {
          import->result.n_cancelled++;
          g_hash_table_add (skipped, g_steal_pointer (&uid));
          continue;
        }

      master = read_master (import, event, &is_work);
      if (is_work)
        {
          import->result.n_work_skipped++;
          master_free (master);
          g_hash_table_add (skipped, g_steal_pointer (&uid));
          continue;
        }
      g_hash_table_insert (masters, g_strdup (uid), master);
      g_ptr_array_add (order, master);
    }

  for (guint i = 0; i < import->events->len; i++)
    {
      CwIcsComponent *event = g_ptr_array_index (import->events, i);
      g_autofree char *uid = NULL;
      Master *master;

      if (_cw_ics_component_get (event, "RECURRENCE-ID") == NULL)
        continue;

      uid = uid_of (event);
      if (g_hash_table_contains (skipped, uid))
        continue;
      master = g_hash_table_lookup (masters, uid);
      if (master == NULL)
        {
          master = stored_master (import, event, uid);
          if (master == NULL)
            continue;
          g_hash_table_insert (masters, g_strdup (uid), master);
          g_ptr_array_add (order, master);
        }
      if (master->shape != NULL)
        read_override (import, master, event);
    }

  for (guint i = 0; i < order->len; i++)
    {
      Master *master = g_ptr_array_index (order, i);

      if (master->shape == NULL)
        continue;
      if (master->kind == CW_ICS_IMPORT_WINDOWS)
        finish_window (import, master);
      else
        finish_blackouts (import, master);
    }

  _cw_ics_check_with_libical (import);

  return _cw_ics_problems_check (import->problems, error);
}
