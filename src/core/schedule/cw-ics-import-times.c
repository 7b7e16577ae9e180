/* cw-ics-import-times.c: the times of an imported file, each in the zone it
 * names.
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

/* How each kind of time is read is described in cw-ics.h. */

void
_cw_ics_zone_name_free (CwIcsZoneName *name)
{
  g_free (name->iana);
  if (name->vtimezone != NULL)
    icaltimezone_free (name->vtimezone, 1);
  g_free (name);
}

static gint64
local_to_utc (const char *tzid,
              gint64      local)
{
  CwZone *zone = _cw_zone_new (tzid);
  gint64 instant;

  if (zone == NULL)
    return local;
  instant = _cw_zone_local_to_utc (zone, local);
  _cw_zone_free (zone);

  return instant;
}

static gint64
utc_to_local (const char *tzid,
              gint64      instant)
{
  CwZone *zone = _cw_zone_new (tzid);
  gint64 local;

  if (zone == NULL)
    return instant;
  local = _cw_zone_utc_to_local (zone, instant);
  _cw_zone_free (zone);

  return local;
}

gint64
_cw_ics_when_in_zone (const CwIcsWhen *when,
                      const char      *tzid)
{
  if (g_strcmp0 (when->zone, tzid) == 0)
    return when->local;

  return utc_to_local (tzid, when->instant);
}

char *
_cw_ics_format_local (gint64 local)
{
  char buffer[20];

  _cw_local_format (local, buffer);
  return g_strdup (buffer);
}

guint
_cw_ics_minutes_between (gint64 start,
                         gint64 end)
{
  return (guint) MIN ((end - start + 59) / 60, G_MAXUINT);
}

gint64
_cw_ics_occurrence_local (const CwMaintWindow *window,
                          const CwIcsWhen     *start,
                          const CwIcsWhen     *when)
{
  gint64 local = _cw_ics_when_in_zone (when, window->tzid);
  g_autoptr(CwMaintWindow) rule = NULL;
  g_autoptr(GArray) occurrences = NULL;

  if (when->is_date && !start->is_date)
    {
      gint64 time_of_day = ((start->local % CW_SCHEDULE_DAY) + CW_SCHEDULE_DAY) % CW_SCHEDULE_DAY;

      return when->local + time_of_day;
    }
  if (when->is_date || window->rrule == NULL || g_strcmp0 (when->zone, window->tzid) == 0)
    return local;

  /* The rule alone, without the exdates and moves read so far: the
   * occurrence is found by the instant it starts at. */
  rule = cw_maint_window_new (window->name, window->tzid, window->start_local,
                              MAX (window->duration_min, 1));
  rule->rrule = g_strdup (window->rrule);
  occurrences = cw_maint_window_expand (rule, when->instant - CW_SCHEDULE_DAY,
                                        when->instant + CW_SCHEDULE_DAY, NULL);
  for (guint i = 0; occurrences != NULL && i < occurrences->len; i++)
    {
      const CwOccurrence *occurrence = &g_array_index (occurrences, CwOccurrence, i);
      gint64 nominal;

      if (occurrence->start == when->instant &&
          _cw_local_parse (occurrence->recurrence_id, &nominal, NULL))
        return nominal;
    }

  return local;
}

gint64
_cw_ics_days_later (gint64      local,
                    int         days,
                    const char *tzid)
{
  gint64 midnight = local - (((local % CW_SCHEDULE_DAY) + CW_SCHEDULE_DAY) % CW_SCHEDULE_DAY);

  return local_to_utc (tzid, midnight + days * CW_SCHEDULE_DAY);
}

const char *
_cw_ics_floating_zone (CwIcsImport    *import,
                       CwIcsComponent *event)
{
  CwIcsProperty *own = _cw_ics_component_get (event, "X-CHANGEWARD-TZID");

  /* An all-day blackout Changeward wrote keeps the zone of its days. */
  if (own != NULL)
    {
      g_autofree char *tzid = cw_ics_tzid_to_iana (own->value);

      if (tzid != NULL)
        return g_intern_string (tzid);
    }

  if (import->options->floating_tzid != NULL)
    return g_intern_string (import->options->floating_tzid);

  /* Apple Calendar and Google Calendar name the zone of the calendar. */
  for (CwIcsComponent *calendar = event->parent; calendar != NULL; calendar = calendar->parent)
    {
      CwIcsProperty *default_zone = _cw_ics_component_get (calendar, "X-WR-TIMEZONE");
      g_autofree char *tzid = NULL;

      if (default_zone == NULL)
        continue;
      tzid = cw_ics_tzid_to_iana (default_zone->value);
      if (tzid != NULL)
        return g_intern_string (tzid);
    }

  return g_intern_static_string ("UTC");
}

/* The file's VTIMEZONE of @tzid as a libical zone, or NULL. */
static icaltimezone *
parse_vtimezone (CwIcsComponent *component)
{
  g_autoptr(GString) text = g_string_new (NULL);
  icalcomponent *parsed;
  icaltimezone *zone;

  _cw_ics_component_append_text (component, text);
  parsed = icalparser_parse_string (text->str);
  if (parsed == NULL)
    return NULL;
  if (icalcomponent_isa (parsed) != ICAL_VTIMEZONE_COMPONENT)
    {
      icalcomponent_free (parsed);
      return NULL;
    }

  zone = icaltimezone_new ();
  if (!icaltimezone_set_component (zone, parsed))
    {
      icalcomponent_free (parsed);
      icaltimezone_free (zone, 1);
      return NULL;
    }

  return zone;
}

static CwIcsZoneName *
lookup_zone (CwIcsImport *import,
             const char  *tzid,
             int          year)
{
  CwIcsZoneName *name = g_hash_table_lookup (import->zone_names, tzid);
  CwIcsComponent *vtimezone;

  if (name != NULL)
    return name;

  name = g_new0 (CwIcsZoneName, 1);
  g_hash_table_insert (import->zone_names, g_strdup (tzid), name);

  name->iana = cw_ics_tzid_to_iana (tzid);
  if (name->iana != NULL)
    return name;

  vtimezone = g_hash_table_lookup (import->vtimezones, tzid);
  if (vtimezone == NULL)
    return name;

  /* Thunderbird and Evolution name the zone they mean. */
  {
    CwIcsProperty *location = _cw_ics_component_get (vtimezone, "X-LIC-LOCATION");

    if (location != NULL)
      name->iana = cw_ics_tzid_to_iana (location->value);
    if (name->iana != NULL)
      return name;
  }

  /* RFC 5545 §3.6.5: at least one STANDARD or DAYLIGHT; without, libical
   * reads every offset as 0 and any zone of UTC+0 would match. */
  for (guint i = 0; i < vtimezone->children->len; i++)
    {
      CwIcsComponent *part = g_ptr_array_index (vtimezone->children, i);

      if (g_str_equal (part->name, "STANDARD") || g_str_equal (part->name, "DAYLIGHT"))
        {
          name->vtimezone = parse_vtimezone (vtimezone);
          break;
        }
    }
  if (name->vtimezone != NULL)
    {
      const char *match = _cw_ics_match_vtimezone (name->vtimezone, year - 1, year + 1);

      if (match != NULL)
        {
          name->iana = g_strdup (match);
          icaltimezone_free (name->vtimezone, 1);
          name->vtimezone = NULL;
        }
    }

  return name;
}

gboolean
_cw_ics_read_when (CwIcsImport    *import,
                   CwIcsComponent *event,
                   CwIcsProperty  *property,
                   const char     *value,
                   CwIcsWhen      *when)
{
  const char *value_type = _cw_ics_property_get_param (property, "VALUE");
  const char *tzid = _cw_ics_property_get_param (property, "TZID");
  g_autofree char *message = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (value));
  CwIcsTime time;
  int want_date = -1;

  memset (when, 0, sizeof *when);
  if (value_type != NULL && g_ascii_strcasecmp (value_type, "DATE") == 0)
    want_date = 1;
  else if (value_type != NULL && g_ascii_strcasecmp (value_type, "DATE-TIME") == 0)
    want_date = 0;
  else if (value_type != NULL)
    {
      /* Translators: RDATE;VALUE=PERIOD is not supported */
      _cw_ics_problems_add (import->problems, property->line, event,
                            _("%s;VALUE=%s is not supported: give a date or a date and time"),
                            property->name, value_type);
      return FALSE;
    }

  if (!_cw_ics_parse_time (property->name, trimmed, want_date, &time, &message))
    {
      _cw_ics_problems_add_text (import->problems, property->line, event, message);
      return FALSE;
    }

  when->is_date = time.is_date;
  when->local = time.local;
  if (time.is_date || (!time.utc && tzid == NULL))
    {
      when->zone = _cw_ics_floating_zone (import, event);
      when->floating = !time.is_date;
    }
  else if (time.utc)
    {
      when->zone = g_intern_static_string ("UTC");
    }
  else
    {
      int year, month, day, hour, minute, second;
      CwIcsZoneName *name;

      _cw_local_to_fields (time.local, &year, &month, &day, &hour, &minute, &second);
      name = lookup_zone (import, tzid, year);
      if (name->iana != NULL)
        when->zone = g_intern_string (name->iana);
      else if (name->vtimezone != NULL)
        {
          struct icaltimetype t = icaltime_null_time ();

          /* A zone only the file knows: its times are kept in UTC. */
          t.year = year;
          t.month = month;
          t.day = day;
          t.hour = hour;
          t.minute = minute;
          t.second = second;
          icaltimezone_convert_time (&t, name->vtimezone, icaltimezone_get_utc_timezone ());
          when->local = _cw_local_from_fields (t.year, t.month, t.day, t.hour, t.minute, t.second);
          when->zone = g_intern_static_string ("UTC");
        }
      else if (g_hash_table_lookup (import->vtimezones, tzid) != NULL)
        {
          CwIcsComponent *vtimezone = g_hash_table_lookup (import->vtimezones, tzid);

          _cw_ics_problems_add (import->problems, property->line, event,
                                _("%s is in the time zone “%s”, which is not known here, and "
                                  "its VTIMEZONE on line %u cannot be read: it needs a STANDARD "
                                  "or DAYLIGHT part with TZOFFSETFROM and TZOFFSETTO"),
                                property->name, tzid, vtimezone->line);
          return FALSE;
        }
      else
        {
          _cw_ics_problems_add (import->problems, property->line, event,
                                _("%s is in the time zone “%s”, which is not known here and "
                                  "has no VTIMEZONE in the file"),
                                property->name, tzid);
          return FALSE;
        }
    }

  when->instant = local_to_utc (when->zone, when->local);
  return TRUE;
}

gboolean
_cw_ics_read_end (CwIcsImport     *import,
                  CwIcsComponent  *event,
                  const CwIcsWhen *start,
                  CwIcsWhen       *end,
                  gboolean        *has_end)
{
  CwIcsProperty *dtend = _cw_ics_component_get (event, "DTEND");
  CwIcsProperty *duration = _cw_ics_component_get (event, "DURATION");

  *has_end = FALSE;
  if (dtend != NULL && duration != NULL)
    {
      _cw_ics_problems_add (import->problems, duration->line, event,
                            _("an event has DTEND or DURATION, not both"));
      return FALSE;
    }

  if (dtend != NULL)
    {
      if (!_cw_ics_read_when (import, event, dtend, dtend->value, end))
        return FALSE;
      if (end->is_date != start->is_date)
        {
          _cw_ics_problems_add (import->problems, dtend->line, event,
                                start->is_date
                                ? _("DTEND must be a date, as DTSTART is")
                                : _("DTEND must be a date and time, as DTSTART is"));
          return FALSE;
        }
      if (end->instant <= start->instant)
        {
          _cw_ics_problems_add (import->problems, dtend->line, event,
                                _("DTEND “%s” is not after DTSTART"), dtend->value);
          return FALSE;
        }
      *has_end = TRUE;
      return TRUE;
    }

  if (duration != NULL)
    {
      struct icaldurationtype length = icaldurationtype_from_string (g_strstrip (duration->value));
      int seconds = icaldurationtype_as_int (length);

      if (icaldurationtype_is_bad_duration (length) || length.is_neg || seconds <= 0)
        {
          _cw_ics_problems_add (import->problems, duration->line, event,
                                _("DURATION “%s” is not a length of time like PT4H or P1D"),
                                duration->value);
          return FALSE;
        }

      *end = *start;
      /* Days of an all-day event are days of the calendar, 23 or 25 hours
       * when the clocks change. */
      if (start->is_date && seconds % CW_SCHEDULE_DAY == 0)
        end->instant = _cw_ics_days_later (start->local, (int) (seconds / CW_SCHEDULE_DAY),
                                           start->zone);
      else
        end->instant = start->instant + seconds;
      end->local = _cw_ics_when_in_zone (&(CwIcsWhen) { .instant = end->instant }, start->zone);
      *has_end = TRUE;
      return TRUE;
    }

  if (start->is_date)
    {
      *end = *start;
      end->instant = _cw_ics_days_later (start->local, 1, start->zone);
      end->local = start->local + CW_SCHEDULE_DAY;
      *has_end = TRUE;
    }

  return TRUE;
}
