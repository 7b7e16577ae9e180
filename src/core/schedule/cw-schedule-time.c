/* cw-schedule-time.c: wall-clock date-times, time zones and the
 * daylight-saving rules of the maintenance calendar.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-schedule"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cw-schedule-private.h"

/* A zone's offsets as a table of the instants its UTC offset changes, built
 * once per zone and shared (immutable) by every CwZone of it. */
typedef struct
{
  char      *tzid;
  GTimeZone *tz;
  gint64    *starts;    /* starts[0] = G_MININT64 */
  int       *offsets;   /* the offset from starts[i] on */
  guint      n;
} ZoneTable;

struct _CwZone
{
  const ZoneTable *table;
};

static gint64
floor_div (gint64 a,
           gint64 b)
{
  gint64 q = a / b;

  if ((a % b != 0) && ((a < 0) != (b < 0)))
    q--;

  return q;
}

/* Days from 1970-01-01 of a proleptic Gregorian date. Years are counted
 * from March, so that the leap day is the last day of its year. */
static gint64
days_from_date (int year,
                int month,
                int day)
{
  gint64 y = month <= 2 ? year - 1 : year;
  gint64 era = floor_div (y, 400);
  gint64 year_of_era = y - era * 400;
  gint64 shifted_month = month > 2 ? month - 3 : month + 9;
  gint64 day_of_year = (153 * shifted_month + 2) / 5 + day - 1;
  gint64 day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;

  return era * 146097 + day_of_era - 719468;
}

static void
date_from_days (gint64  days,
                int    *year,
                int    *month,
                int    *day)
{
  gint64 shifted = days + 719468;
  gint64 era = floor_div (shifted, 146097);
  gint64 day_of_era = shifted - era * 146097;
  gint64 year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  gint64 day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  gint64 shifted_month = (5 * day_of_year + 2) / 153;
  int m = (int) (shifted_month < 10 ? shifted_month + 3 : shifted_month - 9);

  *day = (int) (day_of_year - (153 * shifted_month + 2) / 5 + 1);
  *month = m;
  *year = (int) (year_of_era + era * 400 + (m <= 2 ? 1 : 0));
}

gint64
_cw_local_from_fields (int year,
                       int month,
                       int day,
                       int hour,
                       int minute,
                       int second)
{
  return days_from_date (year, month, day) * CW_SCHEDULE_DAY
         + hour * 3600 + minute * 60 + second;
}

void
_cw_local_to_fields (gint64  local,
                     int    *year,
                     int    *month,
                     int    *day,
                     int    *hour,
                     int    *minute,
                     int    *second)
{
  gint64 days = floor_div (local, CW_SCHEDULE_DAY);
  gint64 rest = local - days * CW_SCHEDULE_DAY;

  date_from_days (days, year, month, day);
  *hour = (int) (rest / 3600);
  *minute = (int) (rest % 3600 / 60);
  *second = (int) (rest % 60);
}

static void
put_digits (char *buffer,
            int   value,
            guint n)
{
  for (guint i = n; i > 0; i--)
    {
      buffer[i - 1] = (char) ('0' + value % 10);
      value /= 10;
    }
}

void
_cw_local_format (gint64  local,
                  char   *buffer)
{
  int year, month, day, hour, minute, second;

  _cw_local_to_fields (local, &year, &month, &day, &hour, &minute, &second);
  if (year < 0 || year > 9999)
    {
      g_snprintf (buffer, 20, "%04d-%02d-%02dT%02d:%02d:%02d",
                  year, month, day, hour, minute, second);
      return;
    }

  put_digits (buffer, year, 4);
  buffer[4] = '-';
  put_digits (buffer + 5, month, 2);
  buffer[7] = '-';
  put_digits (buffer + 8, day, 2);
  buffer[10] = 'T';
  put_digits (buffer + 11, hour, 2);
  buffer[13] = ':';
  put_digits (buffer + 14, minute, 2);
  buffer[16] = ':';
  put_digits (buffer + 17, second, 2);
  buffer[19] = '\0';
}

static gboolean
read_digits (const char **p,
             guint        n,
             int         *value)
{
  int v = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit ((*p)[i]))
        return FALSE;
      v = v * 10 + ((*p)[i] - '0');
    }
  *p += n;
  *value = v;

  return TRUE;
}

static gboolean
expect (const char **p,
        char         c)
{
  if (**p != c)
    return FALSE;
  (*p)++;

  return TRUE;
}

static gboolean
parse_fields (const char *text,
              int        *year,
              int        *month,
              int        *day,
              int        *hour,
              int        *minute,
              int        *second)
{
  const char *p = text;
  gboolean basic;

  *second = 0;
  if (!read_digits (&p, 4, year))
    return FALSE;
  basic = *p != '-';
  if ((!basic && !expect (&p, '-')) || !read_digits (&p, 2, month)
      || (!basic && !expect (&p, '-')) || !read_digits (&p, 2, day))
    return FALSE;
  if (*p != 'T' && (basic || *p != ' '))
    return FALSE;
  p++;
  if (!read_digits (&p, 2, hour) || (!basic && !expect (&p, ':')) || !read_digits (&p, 2, minute))
    return FALSE;
  if (basic)
    {
      if (!read_digits (&p, 2, second))
        return FALSE;
    }
  else if (*p == ':')
    {
      p++;
      if (!read_digits (&p, 2, second))
        return FALSE;
    }

  return *p == '\0';
}

gboolean
_cw_local_parse (const char  *text,
                 gint64      *local,
                 GError     **error)
{
  int year, month, day, hour, minute, second;

  if (text == NULL
      || !parse_fields (text, &year, &month, &day, &hour, &minute, &second)
      || year < 1 || month < 1 || month > 12 || day < 1
      || day > g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year)
      || hour > 23 || minute > 59 || second > 59)
    {
      g_set_error (error, CW_SCHEDULE_ERROR, CW_SCHEDULE_ERROR_INVALID_INPUT,
                   _("“%s” is not a local date and time like 2026-03-29T02:30:00"),
                   text != NULL ? text : "");
      return FALSE;
    }

  *local = _cw_local_from_fields (year, month, day, hour, minute, second);

  return TRUE;
}

char *
cw_schedule_normalize_local (const char  *text,
                             GError     **error)
{
  char buffer[20];
  gint64 local;

  if (!_cw_local_parse (text, &local, error))
    return NULL;
  _cw_local_format (local, buffer);

  return g_strdup (buffer);
}

/* Zones ------------------------------------------------------------------- */

gboolean
cw_schedule_time_zone_is_valid (const char *tzid)
{
  g_autoptr(GTimeZone) tz = NULL;
  g_autofree char *file = NULL;
  const char *dir;

  if (tzid == NULL || !g_ascii_isalpha (tzid[0]))
    return FALSE;
  for (const char *p = tzid; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p) && strchr ("/_-+", *p) == NULL)
        return FALSE;
    }
  if (strstr (tzid, "..") != NULL)
    return FALSE;

  /* Only names of the zone database: GLib would also take POSIX rules such
   * as "CET-1CEST", which no calendar program understands. */
  if (strcmp (tzid, "UTC") != 0)
    {
      dir = g_getenv ("TZDIR");
      if (dir == NULL || dir[0] == '\0')
        dir = "/usr/share/zoneinfo";
      file = g_build_filename (dir, tzid, NULL);
      if (!g_file_test (file, G_FILE_TEST_IS_REGULAR))
        return FALSE;
    }

  tz = g_time_zone_new_identifier (tzid);

  return tz != NULL;
}

/* The table spans these years; outside it GLib is asked directly. Interval
 * indexes only grow, so any step finds every change (bisection between two
 * probes with different intervals); the step only trades probes for
 * bisections. */
#define TABLE_FIRST G_GINT64_CONSTANT (0)             /* 1970-01-01 */
#define TABLE_LAST  G_GINT64_CONSTANT (4102444800)    /* 2100-01-01 */
#define TABLE_STEP  (14 * CW_SCHEDULE_DAY)

G_LOCK_DEFINE_STATIC (tables);
static GHashTable *tables;

static int
interval_at (GTimeZone *tz,
             gint64     instant)
{
  return g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, instant);
}

/* Appends the first instant of each interval after the one at @a, up to @b,
 * by bisection: the same interval at both ends means no change between. */
static void
find_changes (GTimeZone *tz,
              gint64     a,
              int        interval_a,
              gint64     b,
              int        interval_b,
              GArray    *starts)
{
  gint64 middle;
  int interval_middle;

  if (interval_a == interval_b)
    return;
  if (b - a == 1)
    {
      g_array_append_val (starts, b);
      return;
    }

  middle = a + (b - a) / 2;
  interval_middle = interval_at (tz, middle);
  find_changes (tz, a, interval_a, middle, interval_middle, starts);
  find_changes (tz, middle, interval_middle, b, interval_b, starts);
}

static ZoneTable *
zone_table_new (const char *tzid,
                GTimeZone  *tz)
{
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (gint64));
  ZoneTable *table = g_new0 (ZoneTable, 1);
  gint64 first = G_MININT64;
  int previous = interval_at (tz, TABLE_FIRST);

  g_array_append_val (starts, first);
  for (gint64 t = TABLE_FIRST; t < TABLE_LAST; t += TABLE_STEP)
    {
      gint64 next = MIN (t + TABLE_STEP, TABLE_LAST);
      int interval = interval_at (tz, next);

      find_changes (tz, t, previous, next, interval, starts);
      previous = interval;
    }

  table->tzid = g_strdup (tzid);
  table->tz = tz;
  table->n = starts->len;
  table->starts = (gint64 *) (gpointer) g_array_free (g_steal_pointer (&starts), FALSE);
  table->offsets = g_new (int, table->n);
  table->offsets[0] = g_time_zone_get_offset (tz, interval_at (tz, TABLE_FIRST));
  for (guint i = 1; i < table->n; i++)
    table->offsets[i] = g_time_zone_get_offset (tz, interval_at (tz, table->starts[i]));

  return table;
}

static const ZoneTable *
lookup_table (const char *tzid)
{
  ZoneTable *table;

  G_LOCK (tables);
  if (tables == NULL)
    tables = g_hash_table_new (g_str_hash, g_str_equal);
  table = g_hash_table_lookup (tables, tzid);
  if (table == NULL && cw_schedule_time_zone_is_valid (tzid))
    {
      GTimeZone *tz = g_time_zone_new_identifier (tzid);

      if (tz != NULL)
        {
          table = zone_table_new (tzid, tz);
          g_hash_table_insert (tables, table->tzid, table);
        }
    }
  G_UNLOCK (tables);

  return table;
}

CwZone *
_cw_zone_new (const char *tzid)
{
  const ZoneTable *table;
  CwZone *zone;

  if (tzid == NULL)
    return NULL;
  table = lookup_table (tzid);
  if (table == NULL)
    return NULL;

  zone = g_new0 (CwZone, 1);
  zone->table = table;

  return zone;
}

void
_cw_zone_free (CwZone *zone)
{
  g_free (zone);
}

const char *
_cw_zone_get_tzid (CwZone *zone)
{
  return zone->table->tzid;
}

int
_cw_zone_offset_at (CwZone *zone,
                    gint64  instant)
{
  const ZoneTable *table = zone->table;
  guint lo = 0, hi = table->n;

  if (instant < TABLE_FIRST || instant >= TABLE_LAST)
    return g_time_zone_get_offset (table->tz, interval_at (table->tz, instant));

  /* The last start at or before @instant. */
  while (hi - lo > 1)
    {
      guint middle = lo + (hi - lo) / 2;

      if (table->starts[middle] <= instant)
        lo = middle;
      else
        hi = middle;
    }

  return table->offsets[lo];
}

/* The true instant of a local time L is within a day of L, and zones change
 * offset at most once in two days. With the offsets a day before and a day
 * after, L - before and L - after are the only candidates: each is valid
 * when the zone has that offset then. Both valid: L happens twice, take the
 * earlier. Neither: L is in a gap, use the offset before it (RFC 5545). */
gint64
_cw_zone_local_to_utc (CwZone *zone,
                       gint64  local)
{
  int before = _cw_zone_offset_at (zone, local - CW_SCHEDULE_DAY);
  int after = _cw_zone_offset_at (zone, local + CW_SCHEDULE_DAY);
  gint64 early, late;
  gboolean early_valid, late_valid;

  if (before == after)
    {
      gint64 instant = local - before;

      if (_cw_zone_offset_at (zone, instant) == before)
        return instant;
    }

  early = local - before;
  late = local - after;
  early_valid = _cw_zone_offset_at (zone, early) == before;
  late_valid = _cw_zone_offset_at (zone, late) == after;

  if (early_valid && late_valid)
    return MIN (early, late);
  if (late_valid)
    return late;

  return early;
}

gint64
_cw_zone_utc_to_local (CwZone *zone,
                       gint64  instant)
{
  return instant + _cw_zone_offset_at (zone, instant);
}

static gboolean
set_bad_zone (GError     **error,
              const char  *tzid)
{
  g_set_error (error, CW_SCHEDULE_ERROR, CW_SCHEDULE_ERROR_BAD_TIME_ZONE,
               _("“%s” is not a known time zone; use an IANA name like Europe/Berlin"),
               tzid != NULL ? tzid : "");
  return FALSE;
}

gboolean
cw_schedule_local_to_utc (const char  *local,
                          const char  *tzid,
                          gint64      *instant,
                          GError     **error)
{
  CwZone *zone;
  gint64 value;

  g_return_val_if_fail (instant != NULL, FALSE);

  if (!_cw_local_parse (local, &value, error))
    return FALSE;
  zone = _cw_zone_new (tzid);
  if (zone == NULL)
    return set_bad_zone (error, tzid);

  *instant = _cw_zone_local_to_utc (zone, value);
  _cw_zone_free (zone);

  return TRUE;
}

char *
cw_schedule_utc_to_local (gint64      instant,
                          const char *tzid)
{
  CwZone *zone = _cw_zone_new (tzid != NULL ? tzid : "UTC");
  char buffer[20];

  if (zone == NULL)
    return NULL;

  _cw_local_format (_cw_zone_utc_to_local (zone, instant), buffer);
  _cw_zone_free (zone);

  return g_strdup (buffer);
}

char *
cw_schedule_format_instant (gint64      instant,
                            const char *tzid,
                            const char *format)
{
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (tzid != NULL)
    {
      const ZoneTable *table = lookup_table (tzid);

      if (table != NULL)
        tz = g_time_zone_ref (table->tz);
    }
  else
    tz = g_time_zone_new_utc ();
  if (tz == NULL)
    return NULL;

  utc = g_date_time_new_from_unix_utc (instant);
  if (utc == NULL)
    return NULL;
  local = g_date_time_to_timezone (utc, tz);

  return g_date_time_format (local, format != NULL ? format : "%Y-%m-%d %H:%M %Z");
}
