/* cw-ics-zones.c: time zone names in calendar files, and VTIMEZONE
 * components made from the system's zone database.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-ics"

#include "config.h"

#include <string.h>

#include "cw-ics-private.h"

/* Outlook names zones as Windows does. The zone of each name is the one
 * Unicode CLDR lists for its main territory ("001"); these are the names
 * of the places Outlook calendars most often come from. */
static const struct {
  const char *windows;
  const char *iana;
} windows_zones[] = {
  { "W. Europe Standard Time",        "Europe/Berlin" },
  { "Romance Standard Time",          "Europe/Paris" },
  { "Central Europe Standard Time",   "Europe/Budapest" },
  { "Central European Standard Time", "Europe/Warsaw" },
  { "GMT Standard Time",              "Europe/London" },
  { "Greenwich Standard Time",        "Atlantic/Reykjavik" },
  { "GTB Standard Time",              "Europe/Bucharest" },
  { "FLE Standard Time",              "Europe/Helsinki" },
  { "E. Europe Standard Time",        "Europe/Chisinau" },
  { "Turkey Standard Time",           "Europe/Istanbul" },
  { "Russian Standard Time",          "Europe/Moscow" },
  { "Israel Standard Time",           "Asia/Jerusalem" },
  { "Egypt Standard Time",            "Africa/Cairo" },
  { "South Africa Standard Time",     "Africa/Johannesburg" },
  { "Arabian Standard Time",          "Asia/Dubai" },
  { "India Standard Time",            "Asia/Kolkata" },
  { "SE Asia Standard Time",          "Asia/Bangkok" },
  { "China Standard Time",            "Asia/Shanghai" },
  { "Singapore Standard Time",        "Asia/Singapore" },
  { "Taipei Standard Time",           "Asia/Taipei" },
  { "Korea Standard Time",            "Asia/Seoul" },
  { "Tokyo Standard Time",            "Asia/Tokyo" },
  { "W. Australia Standard Time",     "Australia/Perth" },
  { "Cen. Australia Standard Time",   "Australia/Adelaide" },
  { "E. Australia Standard Time",     "Australia/Brisbane" },
  { "AUS Eastern Standard Time",      "Australia/Sydney" },
  { "New Zealand Standard Time",      "Pacific/Auckland" },
  { "Hawaiian Standard Time",         "Pacific/Honolulu" },
  { "Alaskan Standard Time",          "America/Anchorage" },
  { "Pacific Standard Time",          "America/Los_Angeles" },
  { "US Mountain Standard Time",      "America/Phoenix" },
  { "Mountain Standard Time",         "America/Denver" },
  { "Central Standard Time",          "America/Chicago" },
  { "Central Standard Time (Mexico)", "America/Mexico_City" },
  { "Canada Central Standard Time",   "America/Regina" },
  { "Eastern Standard Time",          "America/New_York" },
  { "SA Pacific Standard Time",       "America/Bogota" },
  { "Atlantic Standard Time",         "America/Halifax" },
  { "E. South America Standard Time", "America/Sao_Paulo" },
  { "Argentina Standard Time",        "America/Argentina/Buenos_Aires" },
  { "UTC",                            "UTC" },
  { "Coordinated Universal Time",     "UTC" },
};

const char *
cw_ics_windows_zone_to_iana (const char *windows_name)
{
  g_return_val_if_fail (windows_name != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (windows_zones); i++)
    if (g_ascii_strcasecmp (windows_name, windows_zones[i].windows) == 0)
      return windows_zones[i].iana;

  return NULL;
}

char *
cw_ics_tzid_to_iana (const char *tzid)
{
  g_autofree char *name = NULL;
  const char *windows;

  g_return_val_if_fail (tzid != NULL, NULL);

  name = g_strstrip (g_strdup (tzid));
  if (g_ascii_strcasecmp (name, "UTC") == 0 || g_ascii_strcasecmp (name, "Etc/UTC") == 0 ||
      g_ascii_strcasecmp (name, "GMT") == 0 || g_ascii_strcasecmp (name, "Z") == 0)
    return g_strdup ("UTC");

  if (cw_schedule_time_zone_is_valid (name))
    return g_steal_pointer (&name);

  /* Evolution's "/freeassociation.sourceforge.net/Tzfile/Europe/London",
   * Thunderbird's "/mozilla.org/20070129_1/Europe/Berlin": the first tail
   * after a slash that names a zone. */
  for (const char *p = strchr (name, '/'); p != NULL; p = strchr (p + 1, '/'))
    if (p[1] != '\0' && cw_schedule_time_zone_is_valid (p + 1))
      return g_strdup (p + 1);

  windows = cw_ics_windows_zone_to_iana (name);
  if (windows != NULL && cw_schedule_time_zone_is_valid (windows))
    return g_strdup (windows);

  return NULL;
}

/* ---- matching a file's VTIMEZONE -------------------------------------------- */

static gint64
year_start (int year)
{
  return _cw_local_from_fields (year, 1, 1, 0, 0, 0);
}

static gboolean
offsets_match (icaltimezone *vtimezone,
               const char   *tzid,
               int           first_year,
               int           last_year)
{
  icaltimezone *utc = icaltimezone_get_utc_timezone ();
  CwZone *zone = _cw_zone_new (tzid);
  gboolean match = zone != NULL;

  /* Weekly, so that changes weeks apart (Europe and North America) tell
   * the zones apart. */
  for (gint64 t = year_start (first_year); match && t < year_start (last_year + 1);
       t += 7 * CW_SCHEDULE_DAY + 3600)
    {
      struct icaltimetype time = icaltime_from_timet_with_zone ((time_t) t, 0, utc);
      int is_daylight = 0;
      int offset = icaltimezone_get_utc_offset_of_utc_time (vtimezone, &time, &is_daylight);

      match = offset == _cw_zone_offset_at (zone, t);
    }

  if (zone != NULL)
    _cw_zone_free (zone);

  return match;
}

const char *
_cw_ics_match_vtimezone (icaltimezone *vtimezone,
                         int           first_year,
                         int           last_year)
{
  for (guint i = 0; i < G_N_ELEMENTS (windows_zones); i++)
    {
      const char *tzid = windows_zones[i].iana;

      if (offsets_match (vtimezone, tzid, first_year, last_year))
        return tzid;
    }

  return NULL;
}

/* ---- building a VTIMEZONE ---------------------------------------------------- */

typedef struct
{
  gint64   instant;
  int      from;
  int      to;
  gboolean dst;
  char    *name;
  /* the onset in local time before it */
  int      year, month, day, hour, minute, second;
  int      weekday;     /* 0 Sunday */
  int      nth;         /* week of the month, 1..5 */
  gboolean is_last;     /* the last such weekday of the month */
} Transition;

typedef struct
{
  const Transition *first;
  const Transition *last;
  guint             n;
  gboolean          can_nth;
  gboolean          can_last;
} Observance;

static void
transition_clear (Transition *transition)
{
  g_free (transition->name);
}

static int
offset_at (CwZone *zone,
           gint64  instant)
{
  return _cw_zone_offset_at (zone, instant);
}

static void
find_changes (CwZone *zone,
              gint64  a,
              int     offset_a,
              gint64  b,
              int     offset_b,
              GArray *instants)
{
  gint64 middle;
  int offset_middle;

  if (offset_a == offset_b)
    return;
  if (b - a == 1)
    {
      g_array_append_val (instants, b);
      return;
    }

  middle = a + (b - a) / 2;
  offset_middle = offset_at (zone, middle);
  find_changes (zone, a, offset_a, middle, offset_middle, instants);
  find_changes (zone, middle, offset_middle, b, offset_b, instants);
}

/* Changes of offset in [@from, @to), found every week and bisected to the
 * second. (Changes of name alone do not matter to calendars.) */
static GArray *
list_transitions (CwZone    *zone,
                  GTimeZone *tz,
                  gint64     from,
                  gint64     to)
{
  g_autoptr(GArray) instants = g_array_new (FALSE, FALSE, sizeof (gint64));
  GArray *transitions = g_array_new (FALSE, TRUE, sizeof (Transition));
  int previous = offset_at (zone, from);

  g_array_set_clear_func (transitions, (GDestroyNotify) transition_clear);

  for (gint64 t = from; t < to; t += 7 * CW_SCHEDULE_DAY)
    {
      gint64 next = MIN (t + 7 * CW_SCHEDULE_DAY, to);
      int offset = offset_at (zone, next);

      find_changes (zone, t, previous, next, offset, instants);
      previous = offset;
    }

  for (guint i = 0; i < instants->len; i++)
    {
      gint64 instant = g_array_index (instants, gint64, i);
      int interval = g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, instant);
      Transition transition = { 0 };
      gint64 local;
      gint64 days;
      int days_in_month;

      transition.instant = instant;
      transition.from = offset_at (zone, instant - 1);
      transition.to = offset_at (zone, instant);
      transition.dst = interval >= 0 && g_time_zone_is_dst (tz, interval);
      transition.name = g_strdup (interval >= 0 ? g_time_zone_get_abbreviation (tz, interval) : "");

      local = instant + transition.from;
      _cw_local_to_fields (local, &transition.year, &transition.month, &transition.day,
                           &transition.hour, &transition.minute, &transition.second);
      /* 1970-01-01 was a Thursday. */
      days = local >= 0 ? local / CW_SCHEDULE_DAY : (local - CW_SCHEDULE_DAY + 1) / CW_SCHEDULE_DAY;
      transition.weekday = (int) (((days + 4) % 7 + 7) % 7);
      days_in_month = g_date_get_days_in_month ((GDateMonth) transition.month,
                                                (GDateYear) transition.year);
      transition.nth = (transition.day - 1) / 7 + 1;
      transition.is_last = transition.day + 7 > days_in_month;
      g_array_append_val (transitions, transition);
    }

  return transitions;
}

static gboolean
same_shape (const Transition *a,
            const Transition *b)
{
  return a->dst == b->dst && a->from == b->from && a->to == b->to &&
         g_strcmp0 (a->name, b->name) == 0 && a->month == b->month &&
         a->weekday == b->weekday && a->hour == b->hour && a->minute == b->minute &&
         a->second == b->second;
}

/* Changes of the same shape in consecutive years, on the same week of the
 * month (or the last), become one observance with a yearly rule. */
static GArray *
group_observances (GArray *transitions)
{
  GArray *observances = g_array_new (FALSE, TRUE, sizeof (Observance));

  for (guint i = 0; i < transitions->len; i++)
    {
      const Transition *t = &g_array_index (transitions, Transition, i);
      gboolean joined = FALSE;

      for (guint j = 0; j < observances->len && !joined; j++)
        {
          Observance *o = &g_array_index (observances, Observance, j);
          gboolean nth = o->can_nth && t->nth == o->first->nth;
          gboolean last = o->can_last && t->is_last;

          if (o->last->year == t->year - 1 && same_shape (o->first, t) && (nth || last))
            {
              o->can_nth = nth;
              o->can_last = last;
              o->last = t;
              o->n++;
              joined = TRUE;
            }
        }

      if (!joined)
        {
          Observance o = { t, t, 1, TRUE, t->is_last };

          g_array_append_val (observances, o);
        }
    }

  return observances;
}

static void
format_offset (GString *out,
               int      offset)
{
  int minutes = ABS (offset) / 60;

  g_string_append_printf (out, "%c%02d%02d", offset < 0 ? '-' : '+', minutes / 60, minutes % 60);
  if (ABS (offset) % 60 != 0)
    g_string_append_printf (out, "%02d", ABS (offset) % 60);
}

static icalcomponent *
make_observance (gboolean    dst,
                 int         year,
                 int         month,
                 int         day,
                 int         hour,
                 int         minute,
                 int         second,
                 int         from,
                 int         to,
                 const char *name,
                 const char *rrule)
{
  icalcomponent *component = dst ? icalcomponent_new_xdaylight () : icalcomponent_new_xstandard ();
  struct icaltimetype start = icaltime_null_time ();
  g_autoptr(GString) text = g_string_new (NULL);

  start.year = year;
  start.month = month;
  start.day = day;
  start.hour = hour;
  start.minute = minute;
  start.second = second;
  icalcomponent_add_property (component, icalproperty_new_dtstart (start));

  /* Written as text: libical drops the seconds of odd historical offsets. */
  g_string_append (text, "TZOFFSETFROM:");
  format_offset (text, from);
  icalcomponent_add_property (component, icalproperty_new_from_string (text->str));
  g_string_assign (text, "TZOFFSETTO:");
  format_offset (text, to);
  icalcomponent_add_property (component, icalproperty_new_from_string (text->str));

  if (name != NULL && name[0] != '\0')
    icalcomponent_add_property (component, icalproperty_new_tzname (name));
  if (rrule != NULL)
    {
      g_autofree char *line = g_strconcat ("RRULE:", rrule, NULL);

      icalcomponent_add_property (component, icalproperty_new_from_string (line));
    }

  return component;
}

static const char * const weekdays[] = { "SU", "MO", "TU", "WE", "TH", "FR", "SA" };

icalcomponent *
_cw_ics_build_vtimezone (const char *tzid,
                         int         first_year,
                         int         last_year)
{
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GArray) transitions = NULL;
  g_autoptr(GArray) observances = NULL;
  CwZone *zone;
  icalcomponent *vtimezone;
  gint64 from, to;
  int scan_last_year;

  zone = _cw_zone_new (tzid);
  if (zone == NULL)
    return NULL;
  tz = g_time_zone_new_identifier (tzid);
  if (tz == NULL)
    {
      _cw_zone_free (zone);
      return NULL;
    }

  /* From a year before the first, so that the first year's early months
   * follow a change; to a year after the last, so that a rule still in
   * force then is written without an end. */
  scan_last_year = last_year + 1;
  from = year_start (first_year - 1);
  to = year_start (scan_last_year + 1);
  transitions = list_transitions (zone, tz, from, to);
  observances = group_observances (transitions);

  vtimezone = icalcomponent_new_vtimezone ();
  icalcomponent_add_property (vtimezone, icalproperty_new_tzid (tzid));
  {
    icalproperty *location = icalproperty_new_x (tzid);

    icalproperty_set_x_name (location, "X-LIC-LOCATION");
    icalcomponent_add_property (vtimezone, location);
  }

  /* The offset in force from the start, when no change comes early. */
  if (transitions->len == 0 ||
      g_array_index (transitions, Transition, 0).year > first_year - 1)
    {
      int offset = offset_at (zone, from);
      int interval = g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, from);
      gboolean dst = interval >= 0 && g_time_zone_is_dst (tz, interval);
      const char *name = interval >= 0 ? g_time_zone_get_abbreviation (tz, interval) : NULL;

      icalcomponent_add_component (vtimezone,
                                   make_observance (dst, first_year - 1, 1, 1, 0, 0, 0,
                                                    offset, offset, name, NULL));
    }

  for (guint i = 0; i < observances->len; i++)
    {
      const Observance *o = &g_array_index (observances, Observance, i);
      const Transition *t = o->first;
      g_autofree char *rrule = NULL;

      if (o->n > 1)
        {
          g_autoptr(GString) rule = g_string_new ("FREQ=YEARLY");

          g_string_append_printf (rule, ";BYMONTH=%d;BYDAY=%d%s", t->month,
                                  o->can_last ? -1 : t->nth, weekdays[t->weekday]);
          if (o->last->year < scan_last_year)
            {
              g_autoptr(GDateTime) until = g_date_time_new_from_unix_utc (o->last->instant);
              g_autofree char *text = g_date_time_format (until, "%Y%m%dT%H%M%SZ");

              g_string_append_printf (rule, ";UNTIL=%s", text);
            }
          rrule = g_string_free (g_steal_pointer (&rule), FALSE);
        }

      icalcomponent_add_component (vtimezone,
                                   make_observance (t->dst, t->year, t->month, t->day,
                                                    t->hour, t->minute, t->second,
                                                    t->from, t->to, t->name, rrule));
    }

  _cw_zone_free (zone);
  return vtimezone;
}
