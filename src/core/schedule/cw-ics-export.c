/* cw-ics-export.c: the maintenance calendar as one iCalendar file.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-ics"

#include "config.h"

#include <glib/gi18n.h>

#include "cw-ics-private.h"

/* What the file holds is described in cw-ics.h. Every VEVENT is built with
 * libical, which escapes values, folds lines at 75 octets and ends them in
 * CRLF. */

/* Zones are used in years [first, last]; last is at least first. */
typedef struct
{
  int first;
  int last;
} YearSpan;

typedef struct
{
  CwStore                  *store;
  const CwIcsExportOptions *options;
  icalcomponent            *calendar;
  struct icaltimetype       dtstamp;
  GHashTable               *zones;     /* tzid -> YearSpan */
} Export;

void
cw_ics_export_options_init (CwIcsExportOptions *options)
{
  g_return_if_fail (options != NULL);

  options->from = G_MININT64;
  options->to = G_MAXINT64;
  options->dtstamp = 0;
}

static gboolean
is_utc_zone (const char *tzid)
{
  return tzid == NULL || g_str_equal (tzid, "UTC") || g_str_equal (tzid, "Etc/UTC");
}

static int
year_of_local (gint64 local)
{
  int year, month, day, hour, minute, second;

  _cw_local_to_fields (local, &year, &month, &day, &hour, &minute, &second);
  return year;
}

static void
use_zone (Export     *export,
          const char *tzid,
          int         first,
          int         last)
{
  YearSpan *span;

  if (is_utc_zone (tzid))
    return;

  first = CLAMP (first, 1900, 2200);
  last = CLAMP (MAX (first, last), 1900, 2200);
  span = g_hash_table_lookup (export->zones, tzid);
  if (span == NULL)
    {
      span = g_new (YearSpan, 1);
      span->first = first;
      span->last = last;
      g_hash_table_insert (export->zones, g_strdup (tzid), span);
      return;
    }

  span->first = MIN (span->first, first);
  span->last = MAX (span->last, last);
}

static struct icaltimetype
time_from_local (gint64   local,
                 gboolean utc,
                 gboolean is_date)
{
  struct icaltimetype time = icaltime_null_time ();

  _cw_local_to_fields (local, &time.year, &time.month, &time.day,
                       &time.hour, &time.minute, &time.second);
  if (is_date)
    {
      time.is_date = 1;
      time.hour = time.minute = time.second = 0;
    }
  if (utc)
    time.zone = icaltimezone_get_utc_timezone ();

  return time;
}

static struct icaltimetype
time_from_utc (gint64 instant)
{
  return time_from_local (instant, TRUE, FALSE);
}

/* DTSTART, DTEND, EXDATE or RECURRENCE-ID at a local time in @tzid: with
 * its TZID, or in UTC ("Z") when the zone is UTC. */
static icalproperty *
local_property (icalproperty *(*make) (struct icaltimetype),
                const char     *tzid,
                gint64          local)
{
  icalproperty *property = make (time_from_local (local, is_utc_zone (tzid), FALSE));

  if (!is_utc_zone (tzid))
    icalproperty_add_parameter (property, icalparameter_new_tzid (tzid));

  return property;
}

static icalproperty *
instant_property (icalproperty *(*make) (struct icaltimetype),
                  const char     *tzid,
                  gint64          instant)
{
  CwZone *zone;
  gint64 local;

  if (is_utc_zone (tzid))
    return make (time_from_utc (instant));

  zone = _cw_zone_new (tzid);
  if (zone == NULL)
    return make (time_from_utc (instant));
  local = _cw_zone_utc_to_local (zone, instant);
  _cw_zone_free (zone);

  return local_property (make, tzid, local);
}

static void
add_x (icalcomponent *event,
       const char    *name,
       const char    *value)
{
  icalproperty *property = icalproperty_new_x (value);

  icalproperty_set_x_name (property, name);
  icalcomponent_add_property (event, property);
}

static gboolean
add_scope (Export         *export,
           icalcomponent  *event,
           const CwScope  *scope,
           GError        **error)
{
  if (scope->everything)
    add_x (event, "X-CHANGEWARD-SCOPE", "everything");
  for (guint i = 0; scope->sites != NULL && scope->sites[i] != NULL; i++)
    add_x (event, "X-CHANGEWARD-SITE", scope->sites[i]);
  for (guint i = 0; scope->classes != NULL && scope->classes[i] != NULL; i++)
    add_x (event, "X-CHANGEWARD-CLASS", scope->classes[i]);
  if (scope->ci_ids->len > 0)
    {
      g_auto(GStrv) names = _cw_ics_ci_names (export->store, scope->ci_ids, error);

      if (names == NULL)
        return FALSE;
      for (guint i = 0; names[i] != NULL; i++)
        add_x (event, "X-CHANGEWARD-CI", names[i]);
    }

  return TRUE;
}

static icalcomponent *
new_event (Export     *export,
           const char *uid,
           const char *summary,
           const char *category,
           const char *kind)
{
  icalcomponent *event = icalcomponent_new_vevent ();

  icalcomponent_add_property (event, icalproperty_new_uid (uid));
  icalcomponent_add_property (event, icalproperty_new_dtstamp (export->dtstamp));
  icalcomponent_add_property (event, icalproperty_new_summary (summary));
  icalcomponent_add_property (event, icalproperty_new_categories (category));
  add_x (event, "X-CHANGEWARD-KIND", kind);

  return event;
}

/* ---- windows ------------------------------------------------------------------ */

static gboolean
parse_local (const char *text,
             gint64     *local)
{
  return _cw_local_parse (text, local, NULL);
}

static gint64
window_end_local (const CwMaintWindow *window,
                  CwZone         *zone,
                  gint64          start_local,
                  guint           duration_min)
{
  gint64 start = _cw_zone_local_to_utc (zone, start_local);

  return _cw_zone_utc_to_local (zone, start + (gint64) duration_min * 60);
}

static void
add_moved_occurrence (Export                 *export,
                      const CwMaintWindow    *window,
                      CwZone                 *zone,
                      const CwWindowOverride *override)
{
  icalcomponent *event;
  gint64 recurrence_id, start;
  guint duration = override->duration_min > 0 ? override->duration_min : window->duration_min;

  if (!parse_local (override->recurrence_id, &recurrence_id) ||
      !parse_local (override->start_local, &start))
    return;

  event = new_event (export, window->uid, window->name, _("Maintenance window"), "window");
  icalcomponent_add_property (event, local_property (icalproperty_new_recurrenceid,
                                                    window->tzid, recurrence_id));
  icalcomponent_add_property (event, local_property (icalproperty_new_dtstart,
                                                    window->tzid, start));
  icalcomponent_add_property (event, local_property (icalproperty_new_dtend, window->tzid,
                                                    window_end_local (window, zone, start,
                                                                      duration)));
  icalcomponent_add_property (event, icalproperty_new_transp (ICAL_TRANSP_TRANSPARENT));
  icalcomponent_add_component (export->calendar, event);
  use_zone (export, window->tzid, year_of_local (start), year_of_local (start));
}

static gboolean
add_window (Export          *export,
            const CwMaintWindow  *window,
            GError         **error)
{
  g_autofree char *description = NULL;
  icalcomponent *event;
  CwZone *zone;
  gint64 start, first_start, last_end;
  int last_year;

  zone = _cw_zone_new (window->tzid);
  if (zone == NULL || !parse_local (window->start_local, &start))
    {
      g_clear_pointer (&zone, _cw_zone_free);
      g_set_error (error, CW_SCHEDULE_ERROR, CW_SCHEDULE_ERROR_INVALID_INPUT,
                   _("The window “%s” has a start or a time zone that cannot be exported"),
                   window->name);
      return FALSE;
    }

  description = _cw_ics_describe_window (export->store, window, error);
  if (description == NULL)
    {
      _cw_zone_free (zone);
      return FALSE;
    }

  event = new_event (export, window->uid, window->name, _("Maintenance window"), "window");
  icalcomponent_add_property (event, local_property (icalproperty_new_dtstart,
                                                    window->tzid, start));
  icalcomponent_add_property (event, local_property (icalproperty_new_dtend, window->tzid,
                                                    window_end_local (window, zone, start,
                                                                      window->duration_min)));
  if (window->rrule != NULL)
    {
      g_autofree char *line = g_strconcat ("RRULE:", window->rrule, NULL);

      icalcomponent_add_property (event, icalproperty_new_from_string (line));
    }
  for (guint i = 0; window->exdates != NULL && window->exdates[i] != NULL; i++)
    {
      gint64 exdate;

      if (parse_local (window->exdates[i], &exdate))
        icalcomponent_add_property (event, local_property (icalproperty_new_exdate,
                                                          window->tzid, exdate));
    }
  for (guint i = 0; i < window->overrides->len; i++)
    {
      const CwWindowOverride *override = g_ptr_array_index (window->overrides, i);
      icalparameter *cancelled;
      icalproperty *exdate;
      gint64 recurrence_id;

      if (!override->cancelled || !parse_local (override->recurrence_id, &recurrence_id))
        continue;

      /* Other programs leave it out as any EXDATE; Changeward reads it back
       * as a cancelled occurrence. */
      exdate = local_property (icalproperty_new_exdate, window->tzid, recurrence_id);
      cancelled = icalparameter_new_x ("TRUE");
      icalparameter_set_xname (cancelled, "X-CHANGEWARD-CANCELLED");
      icalproperty_add_parameter (exdate, cancelled);
      icalcomponent_add_property (event, exdate);
    }

  icalcomponent_add_property (event, icalproperty_new_description (description));
  icalcomponent_add_property (event, icalproperty_new_transp (ICAL_TRANSP_TRANSPARENT));
  if (!add_scope (export, event, window->scope, error))
    {
      icalcomponent_free (event);
      _cw_zone_free (zone);
      return FALSE;
    }
  if (window->max_concurrent > 0)
    {
      g_autofree char *limit = g_strdup_printf ("%u", window->max_concurrent);

      add_x (event, "X-CHANGEWARD-MAX-CONCURRENT", limit);
    }
  if (window->description != NULL)
    add_x (event, "X-CHANGEWARD-DESCRIPTION", window->description);
  icalcomponent_add_component (export->calendar, event);

  /* The zone must cover the first occurrence, the last one when the rule
   * ends, and the range asked for when it does not. */
  last_year = year_of_local (start);
  if (_cw_window_span (window, &first_start, &last_end, NULL) && last_end != G_MAXINT64)
    last_year = MAX (last_year, year_of_local (_cw_zone_utc_to_local (zone, last_end)));
  else if (export->options->to != G_MAXINT64)
    last_year = MAX (last_year, year_of_local (_cw_zone_utc_to_local (zone, export->options->to)));
  use_zone (export, window->tzid, year_of_local (start), last_year);

  for (guint i = 0; i < window->overrides->len; i++)
    {
      const CwWindowOverride *override = g_ptr_array_index (window->overrides, i);

      if (!override->cancelled)
        add_moved_occurrence (export, window, zone, override);
    }

  _cw_zone_free (zone);
  return TRUE;
}

static gboolean
window_in_range (const CwMaintWindow       *window,
                 const CwIcsExportOptions  *options,
                 gboolean                  *in_range,
                 GError                   **error)
{
  g_autoptr(GArray) occurrences = NULL;

  if (options->from == G_MININT64 && options->to == G_MAXINT64)
    {
      *in_range = TRUE;
      return TRUE;
    }

  occurrences = cw_maint_window_expand (window, options->from, options->to, error);
  if (occurrences == NULL)
    return FALSE;
  *in_range = occurrences->len > 0;

  return TRUE;
}

/* ---- blackouts and planned work -------------------------------------------- */

static gboolean
add_blackout (Export            *export,
              const CwBlackout  *blackout,
              GError           **error)
{
  g_autofree char *description = NULL;
  icalcomponent *event;
  const char *category;

  description = _cw_ics_describe_blackout (export->store, blackout, error);
  if (description == NULL)
    return FALSE;

  category = blackout->mode == CW_BLACKOUT_BLOCK ? C_("calendar category", "Freeze")
                                                 : C_("calendar category", "Blackout");
  event = new_event (export, blackout->uid, blackout->name, category, "blackout");

  if (blackout->all_day)
    {
      CwZone *zone = _cw_zone_new (blackout->tzid != NULL ? blackout->tzid : "UTC");
      gint64 start = blackout->start, end = blackout->end;

      if (zone != NULL)
        {
          start = _cw_zone_utc_to_local (zone, start);
          end = _cw_zone_utc_to_local (zone, end);
          _cw_zone_free (zone);
        }
      icalcomponent_add_property (event, icalproperty_new_dtstart (time_from_local (start, FALSE,
                                                                                    TRUE)));
      icalcomponent_add_property (event, icalproperty_new_dtend (time_from_local (end, FALSE,
                                                                                  TRUE)));
      /* UTC too: the days stay UTC days when the file is imported for a
       * site, whose zone floating dates would otherwise take. */
      add_x (event, "X-CHANGEWARD-TZID", blackout->tzid != NULL ? blackout->tzid : "UTC");
    }
  else
    {
      icalcomponent_add_property (event, instant_property (icalproperty_new_dtstart,
                                                           blackout->tzid, blackout->start));
      icalcomponent_add_property (event, instant_property (icalproperty_new_dtend,
                                                           blackout->tzid, blackout->end));
      if (blackout->tzid != NULL)
        {
          g_autofree char *first = cw_schedule_utc_to_local (blackout->start, blackout->tzid);
          g_autofree char *last = cw_schedule_utc_to_local (blackout->end, blackout->tzid);
          gint64 a = 0, b = 0;

          if (first != NULL && last != NULL && parse_local (first, &a) && parse_local (last, &b))
            use_zone (export, blackout->tzid, year_of_local (a), year_of_local (b));
        }
    }

  icalcomponent_add_property (event, icalproperty_new_description (description));
  icalcomponent_add_property (event, icalproperty_new_transp (ICAL_TRANSP_TRANSPARENT));
  add_x (event, "X-CHANGEWARD-MODE", cw_blackout_mode_to_string (blackout->mode));
  if (!add_scope (export, event, blackout->scope, error))
    {
      icalcomponent_free (event);
      return FALSE;
    }
  if (blackout->reason != NULL)
    add_x (event, "X-CHANGEWARD-REASON", blackout->reason);
  icalcomponent_add_component (export->calendar, event);

  return TRUE;
}

static gboolean
add_work (Export               *export,
          const CwPlannedWork  *work,
          GError              **error)
{
  g_autofree char *description = NULL;
  icalcomponent *event;

  description = _cw_ics_describe_work (export->store, work, error);
  if (description == NULL)
    return FALSE;

  event = new_event (export, work->uid, work->title, _("Planned work"), "work");
  icalcomponent_add_property (event, icalproperty_new_dtstart (time_from_utc (work->start)));
  icalcomponent_add_property (event, icalproperty_new_dtend (time_from_utc (work->end)));
  icalcomponent_add_property (event, icalproperty_new_description (description));
  icalcomponent_add_property (event, icalproperty_new_transp (ICAL_TRANSP_OPAQUE));
  icalcomponent_add_component (export->calendar, event);

  return TRUE;
}

/* ---- the calendar ------------------------------------------------------------ */

static int
compare_names (gconstpointer a,
               gconstpointer b,
               gpointer      data)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* By name: the same workspace always gives the same file. */
static void
add_time_zones (Export *export)
{
  g_autofree const char **tzids = NULL;
  guint n = 0;

  tzids = (const char **) g_hash_table_get_keys_as_array (export->zones, &n);
  g_qsort_with_data (tzids, (gint) n, sizeof (char *), compare_names, NULL);

  /* Last to first: libical writes the zones of a calendar in the reverse
   * order of their adding. */
  for (guint i = n; i > 0; i--)
    {
      const char *tzid = tzids[i - 1];
      const YearSpan *span = g_hash_table_lookup (export->zones, tzid);
      icalcomponent *vtimezone = _cw_ics_build_vtimezone (tzid, span->first, span->last);

      if (vtimezone != NULL)
        icalcomponent_add_component (export->calendar, vtimezone);
    }
}

char *
cw_ics_export (CwStore                   *store,
               const CwIcsExportOptions  *options,
               CwIcsExportResult         *result,
               GError                   **error)
{
  g_autoptr(GPtrArray) windows = NULL;
  g_autoptr(GPtrArray) blackouts = NULL;
  g_autoptr(GPtrArray) works = NULL;
  g_autoptr(GHashTable) zones = NULL;
  CwIcsExportOptions defaults;
  CwIcsExportResult counts = { 0 };
  Export export = { 0 };
  icalcomponent *events;
  char *text;

  g_return_val_if_fail (CW_IS_STORE (store), NULL);

  if (options == NULL)
    {
      cw_ics_export_options_init (&defaults);
      options = &defaults;
    }

  windows = cw_schedule_list_windows (store, error);
  if (windows == NULL)
    return NULL;
  blackouts = cw_schedule_list_blackouts (store, options->from, options->to, error);
  if (blackouts == NULL)
    return NULL;
  works = cw_schedule_list_work (store, options->from, options->to, error);
  if (works == NULL)
    return NULL;

  zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  export.store = store;
  export.options = options;
  export.zones = zones;
  export.dtstamp = time_from_utc (options->dtstamp != 0 ? options->dtstamp
                                                        : g_get_real_time () / G_USEC_PER_SEC);

  /* The events first, in a calendar of their own: the zones they use are
   * known only then, and go before them. */
  events = icalcomponent_new_vcalendar ();
  export.calendar = events;

  for (guint i = 0; i < windows->len; i++)
    {
      const CwMaintWindow *window = g_ptr_array_index (windows, i);
      gboolean in_range;

      if (!window_in_range (window, options, &in_range, error) ||
          (in_range && !add_window (&export, window, error)))
        {
          icalcomponent_free (events);
          return NULL;
        }
      counts.n_windows += in_range ? 1 : 0;
    }
  for (guint i = 0; i < blackouts->len; i++)
    if (!add_blackout (&export, g_ptr_array_index (blackouts, i), error))
      {
        icalcomponent_free (events);
        return NULL;
      }
  for (guint i = 0; i < works->len; i++)
    if (!add_work (&export, g_ptr_array_index (works, i), error))
      {
        icalcomponent_free (events);
        return NULL;
      }
  counts.n_blackouts = blackouts->len;
  counts.n_works = works->len;
  counts.n_time_zones = g_hash_table_size (zones);

  export.calendar = icalcomponent_new_vcalendar ();
  icalcomponent_add_property (export.calendar,
                              icalproperty_new_prodid ("-//Changeward//Changeward " PACKAGE_VERSION
                                                       "//EN"));
  icalcomponent_add_property (export.calendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (export.calendar, icalproperty_new_calscale ("GREGORIAN"));
  icalcomponent_add_property (export.calendar, icalproperty_new_method (ICAL_METHOD_PUBLISH));
  add_x (export.calendar, "X-WR-CALNAME", _("Maintenance calendar"));
  add_time_zones (&export);

  for (icalcomponent *event = icalcomponent_get_first_component (events, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_first_component (events, ICAL_VEVENT_COMPONENT))
    {
      icalcomponent_remove_component (events, event);
      icalcomponent_add_component (export.calendar, event);
    }
  icalcomponent_free (events);

  text = icalcomponent_as_ical_string_r (export.calendar);
  icalcomponent_free (export.calendar);

  if (result != NULL)
    *result = counts;

  /* libical's allocation, handed over as GLib's. */
  {
    char *copy = g_strdup (text);

    icalmemory_free_buffer (text);
    return copy;
  }
}
