/* cw-recurrence.c: occurrences of maintenance windows: RRULE expansion with
 * libical over wall-clock time in the window's zone, exdates, overrides.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-schedule"

#include "config.h"

#include <glib/gi18n.h>
#include <libical/ical.h>
#include <stdlib.h>
#include <string.h>

#include "cw-schedule-private.h"

/* A rule that runs this long without reaching the range's end is refused
 * (an hourly rule over a century). */
#define MAX_ITERATIONS 1000000

typedef enum
{
  UNTIL_NONE,
  UNTIL_UTC,    /* an instant */
  UNTIL_LOCAL,  /* a floating date-time, or the last second of a date */
} UntilKind;

typedef struct
{
  gint64  recurrence_id;  /* local */
  gboolean cancelled;
  gint64  start;          /* local */
  guint   duration_min;
} Override;

typedef struct
{
  gint64   start_local;
  gint64   duration;      /* seconds */
  gboolean has_rule;
  struct icalrecurrencetype rule;
  UntilKind until_kind;
  gint64   until;         /* an instant or a local value */
  GArray  *excluded;      /* gint64 local starts: exdates and overridden ids, sorted */
  GArray  *overrides;     /* Override */
} Prepared;

static const char *
skip_rrule_prefix (const char *rrule)
{
  while (g_ascii_isspace (*rrule))
    rrule++;
  if (g_ascii_strncasecmp (rrule, "RRULE:", 6) == 0)
    rrule += 6;

  return rrule;
}

static gboolean
parse_rule (const char                 *text,
            struct icalrecurrencetype  *rule,
            GError                    **error)
{
  const char *value = skip_rrule_prefix (text);

  icalerror_clear_errno ();
  *rule = icalrecurrencetype_from_string (value);
  if (rule->rscale != NULL)
    {
      gboolean gregorian = g_ascii_strcasecmp (rule->rscale, "GREGORIAN") == 0;

      icalmemory_free_buffer (rule->rscale);
      rule->rscale = NULL;
      if (!gregorian)
        {
          g_set_error (error, CW_SCHEDULE_ERROR, CW_SCHEDULE_ERROR_BAD_RRULE,
                       _("The recurrence rule “%s” uses a calendar other than the Gregorian one"),
                       value);
          return FALSE;
        }
    }

  if (rule->freq == ICAL_NO_RECURRENCE || icalerrno != ICAL_NO_ERROR)
    {
      const char *reason = icalerrno != ICAL_NO_ERROR
                           ? icalerror_strerror (icalerrno)
                           : _("no frequency");

      g_set_error (error, CW_SCHEDULE_ERROR, CW_SCHEDULE_ERROR_BAD_RRULE,
                   _("The recurrence rule “%s” is not valid: %s"), value, reason);
      icalerror_clear_errno ();
      return FALSE;
    }

  if (rule->freq == ICAL_SECONDLY_RECURRENCE || rule->freq == ICAL_MINUTELY_RECURRENCE)
    {
      g_set_error (error, CW_SCHEDULE_ERROR, CW_SCHEDULE_ERROR_BAD_RRULE,
                   _("The recurrence rule “%s” repeats too often for a maintenance window; "
                     "the shortest period is an hour"),
                   value);
      return FALSE;
    }

  return TRUE;
}

gboolean
_cw_rrule_check (const char  *rrule,
                 GError     **error)
{
  struct icalrecurrencetype rule;
  icalrecur_iterator *iterator;

  if (!parse_rule (rrule, &rule, error))
    return FALSE;

  rule.until = icaltime_null_time ();
  iterator = icalrecur_iterator_new (rule, icaltime_from_string ("20260101T000000"));
  if (iterator == NULL)
    {
      g_set_error (error, CW_SCHEDULE_ERROR, CW_SCHEDULE_ERROR_BAD_RRULE,
                   _("The recurrence rule “%s” is not valid: %s"),
                   skip_rrule_prefix (rrule), icalerror_strerror (icalerrno));
      icalerror_clear_errno ();
      return FALSE;
    }
  icalrecur_iterator_free (iterator);

  return TRUE;
}

static gboolean
is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text++)
    {
      if (!g_ascii_isspace (*text))
        return FALSE;
    }

  return TRUE;
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static void
prepared_clear (Prepared *prepared)
{
  g_clear_pointer (&prepared->excluded, g_array_unref);
  g_clear_pointer (&prepared->overrides, g_array_unref);
}

static gboolean
prepare (const CwMaintWindow  *window,
         Prepared        *prepared,
         GError         **error)
{
  memset (prepared, 0, sizeof *prepared);
  prepared->excluded = g_array_new (FALSE, FALSE, sizeof (gint64));
  prepared->overrides = g_array_new (FALSE, FALSE, sizeof (Override));

  if (!_cw_local_parse (window->start_local, &prepared->start_local, error))
    return FALSE;
  if (window->duration_min == 0)
    {
      g_set_error (error, CW_SCHEDULE_ERROR, CW_SCHEDULE_ERROR_INVALID_INPUT,
                   _("The window “%s” has no duration"), window->name);
      return FALSE;
    }
  prepared->duration = (gint64) window->duration_min * 60;

  if (window->rrule != NULL && *skip_rrule_prefix (window->rrule) != '\0')
    {
      if (!parse_rule (window->rrule, &prepared->rule, error))
        return FALSE;
      prepared->has_rule = TRUE;

      /* libical compares UNTIL with the floating occurrences as if they were
       * UTC; the window's zone decides instead, below. */
      if (!icaltime_is_null_time (prepared->rule.until))
        {
          struct icaltimetype until = prepared->rule.until;
          gint64 local = _cw_local_from_fields (until.year, until.month, until.day,
                                                until.hour, until.minute, until.second);

          if (until.is_date)
            {
              prepared->until_kind = UNTIL_LOCAL;
              prepared->until = local + CW_SCHEDULE_DAY - 1;
            }
          else if (icaltime_is_utc (until))
            {
              prepared->until_kind = UNTIL_UTC;
              prepared->until = local;
            }
          else
            {
              prepared->until_kind = UNTIL_LOCAL;
              prepared->until = local;
            }
          prepared->rule.until = icaltime_null_time ();
        }
    }

  for (guint i = 0; window->exdates != NULL && window->exdates[i] != NULL; i++)
    {
      gint64 local;

      if (!_cw_local_parse (window->exdates[i], &local, error))
        return FALSE;
      g_array_append_val (prepared->excluded, local);
    }

  for (guint i = 0; window->overrides != NULL && i < window->overrides->len; i++)
    {
      const CwWindowOverride *source = g_ptr_array_index (window->overrides, i);
      Override override = { 0, };

      if (!_cw_local_parse (source->recurrence_id, &override.recurrence_id, error))
        return FALSE;
      override.cancelled = source->cancelled || source->start_local == NULL;
      if (!override.cancelled && !_cw_local_parse (source->start_local, &override.start, error))
        return FALSE;
      override.duration_min = source->duration_min != 0 ? source->duration_min : window->duration_min;
      g_array_append_val (prepared->overrides, override);
      g_array_append_val (prepared->excluded, override.recurrence_id);
    }

  g_array_sort (prepared->excluded, compare_gint64);

  return TRUE;
}

static gboolean
is_excluded (const Prepared *prepared,
             gint64          local)
{
  guint lo = 0, hi = prepared->excluded->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      gint64 value = g_array_index (prepared->excluded, gint64, mid);

      if (value == local)
        return TRUE;
      if (value < local)
        lo = mid + 1;
      else
        hi = mid;
    }

  return FALSE;
}

static void
append_occurrence (GArray         *out,
                   const CwMaintWindow *window,
                   gint64          start,
                   gint64          end,
                   gint64          recurrence_id,
                   gboolean        moved)
{
  CwOccurrence occurrence = { 0, };

  occurrence.window_id = window->id;
  occurrence.start = start;
  occurrence.end = end;
  occurrence.moved = moved;
  _cw_local_format (recurrence_id, occurrence.recurrence_id);
  g_array_append_val (out, occurrence);
}

int
_cw_occurrence_compare (gconstpointer a,
                        gconstpointer b)
{
  const CwOccurrence *x = a;
  const CwOccurrence *y = b;

  if (x->start != y->start)
    return (x->start > y->start) - (x->start < y->start);
  if (x->window_id != y->window_id)
    return (x->window_id > y->window_id) - (x->window_id < y->window_id);

  return strcmp (x->recurrence_id, y->recurrence_id);
}

static int
compare_occurrences_with_data (gconstpointer a,
                               gconstpointer b,
                               gpointer      user_data)
{
  return _cw_occurrence_compare (a, b);
}

static gboolean libical_only;

void
_cw_recurrence_set_libical_only (gboolean only)
{
  libical_only = only;
}

/* Yields the rule's local starts in order, from the fast generator or from
 * libical's iterator. */
typedef struct
{
  CwFastRule          *fast;
  icalrecur_iterator  *iterator;
} Source;

static gboolean
source_next (Source *source,
             gint64 *local)
{
  struct icaltimetype next;

  if (source->fast != NULL)
    return _cw_fast_rule_next (source->fast, local);

  next = icalrecur_iterator_next (source->iterator);
  if (icaltime_is_null_time (next))
    return FALSE;
  *local = _cw_local_from_fields (next.year, next.month, next.day, next.hour, next.minute, next.second);

  return TRUE;
}

/* The base occurrences (before overrides) in [from, to). */
static gboolean
expand_rule (const CwMaintWindow  *window,
             const Prepared  *prepared,
             CwZone          *zone,
             gint64           from,
             gint64           to,
             GArray          *out,
             GError         **error)
{
  Source source = { NULL, NULL };
  guint iterations = 0;
  gint64 local;
  gboolean ok = TRUE;

  if (!libical_only)
    source.fast = _cw_fast_rule_new (&prepared->rule, prepared->start_local);

  if (source.fast != NULL)
    {
      /* Without COUNT, nothing before the range matters: start a period
       * before it (local times are within a day of UTC ones). */
      if (prepared->rule.count == 0 && from > G_MININT64 / 4)
        _cw_fast_rule_skip_to (source.fast, from - prepared->duration - 2 * CW_SCHEDULE_DAY);
    }
  else
    {
      struct icaltimetype dtstart = icaltime_null_time ();
      int year, month, day, hour, minute, second;

      _cw_local_to_fields (prepared->start_local, &year, &month, &day, &hour, &minute, &second);
      dtstart.year = year;
      dtstart.month = month;
      dtstart.day = day;
      dtstart.hour = hour;
      dtstart.minute = minute;
      dtstart.second = second;
      dtstart.is_date = 0;
      dtstart.zone = NULL;

      source.iterator = icalrecur_iterator_new (prepared->rule, dtstart);
      if (source.iterator == NULL)
        {
          g_set_error (error, CW_SCHEDULE_ERROR, CW_SCHEDULE_ERROR_BAD_RRULE,
                       _("The recurrence rule “%s” is not valid: %s"),
                       skip_rrule_prefix (window->rrule), icalerror_strerror (icalerrno));
          icalerror_clear_errno ();
          return FALSE;
        }
    }

  while (source_next (&source, &local))
    {
      gint64 start;

      if (++iterations > MAX_ITERATIONS)
        {
          g_set_error (error, CW_SCHEDULE_ERROR, CW_SCHEDULE_ERROR_BAD_RRULE,
                       _("The recurrence rule of “%s” gives too many occurrences"), window->name);
          ok = FALSE;
          break;
        }
      /* libical counts for itself; the generator's starts are counted here. */
      if (source.fast != NULL && prepared->rule.count > 0 && iterations > (guint) prepared->rule.count)
        break;

      if (prepared->until_kind == UNTIL_LOCAL && local > prepared->until)
        break;
      start = _cw_zone_local_to_utc (zone, local);
      if (prepared->until_kind == UNTIL_UTC && start > prepared->until)
        break;
      if (start >= to)
        break;
      if (start + prepared->duration <= from || is_excluded (prepared, local))
        continue;

      append_occurrence (out, window, start, start + prepared->duration, local, FALSE);
    }

  _cw_fast_rule_free (source.fast);
  if (source.iterator != NULL)
    icalrecur_iterator_free (source.iterator);

  return ok;
}

static gboolean
expand_prepared (const CwMaintWindow  *window,
                 const Prepared  *prepared,
                 CwZone          *zone,
                 gint64           from,
                 gint64           to,
                 GArray          *out,
                 GError         **error)
{
  guint first = out->len;

  if (prepared->has_rule)
    {
      if (!expand_rule (window, prepared, zone, from, to, out, error))
        return FALSE;
    }
  else if (!is_excluded (prepared, prepared->start_local))
    {
      gint64 start = _cw_zone_local_to_utc (zone, prepared->start_local);

      if (start < to && start + prepared->duration > from)
        append_occurrence (out, window, start, start + prepared->duration,
                           prepared->start_local, FALSE);
    }

  for (guint i = 0; i < prepared->overrides->len; i++)
    {
      const Override *override = &g_array_index (prepared->overrides, Override, i);
      gint64 start;

      if (override->cancelled)
        continue;
      start = _cw_zone_local_to_utc (zone, override->start);
      if (start < to && start + (gint64) override->duration_min * 60 > from)
        append_occurrence (out, window, start, start + (gint64) override->duration_min * 60,
                           override->recurrence_id, TRUE);
    }

  /* Only this window's part: @out may hold other windows' before it. */
  if (prepared->overrides->len > 0 && out->len - first > 1)
    g_qsort_with_data (&g_array_index (out, CwOccurrence, first), (int) (out->len - first),
                       sizeof (CwOccurrence), compare_occurrences_with_data, NULL);

  return TRUE;
}

static gboolean
check_zone (const CwMaintWindow  *window,
            CwZone         **zone,
            GError         **error)
{
  *zone = _cw_zone_new (window->tzid);
  if (*zone == NULL)
    {
      g_set_error (error, CW_SCHEDULE_ERROR, CW_SCHEDULE_ERROR_BAD_TIME_ZONE,
                   _("“%s” is not a known time zone; use an IANA name like Europe/Berlin"),
                   window->tzid != NULL ? window->tzid : "");
      return FALSE;
    }

  return TRUE;
}

gboolean
_cw_window_expand_into (const CwMaintWindow  *window,
                        CwZone          *zone,
                        gint64           from,
                        gint64           to,
                        GArray          *out,
                        GError         **error)
{
  Prepared prepared;
  gboolean ok;

  ok = prepare (window, &prepared, error)
       && expand_prepared (window, &prepared, zone, from, to, out, error);
  prepared_clear (&prepared);

  return ok;
}

GArray *
cw_maint_window_expand (const CwMaintWindow  *window,
                  gint64           from,
                  gint64           to,
                  GError         **error)
{
  g_autoptr(GArray) out = g_array_new (FALSE, FALSE, sizeof (CwOccurrence));
  CwZone *zone;
  gboolean ok;

  g_return_val_if_fail (window != NULL, NULL);

  if (!check_zone (window, &zone, error))
    return NULL;
  ok = _cw_window_expand_into (window, zone, from, to, out, error);
  _cw_zone_free (zone);

  return ok ? g_steal_pointer (&out) : NULL;
}

gboolean
_cw_window_span (const CwMaintWindow  *window,
                 gint64          *first_start,
                 gint64          *last_end,
                 GError         **error)
{
  Prepared prepared;
  CwZone *zone;
  gint64 first, last;
  gboolean ok = FALSE;

  if (!check_zone (window, &zone, error))
    return FALSE;
  if (!prepare (window, &prepared, error))
    goto out;

  first = _cw_zone_local_to_utc (zone, prepared.start_local);
  last = first + prepared.duration;

  if (prepared.has_rule && prepared.rule.count > 0)
    {
      g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (CwOccurrence));

      if (!expand_rule (window, &prepared, zone, G_MININT64 / 2, G_MAXINT64 / 2, all, error))
        goto out;
      for (guint i = 0; i < all->len; i++)
        last = MAX (last, g_array_index (all, CwOccurrence, i).end);
    }
  else if (prepared.has_rule && prepared.until_kind == UNTIL_UTC)
    last = MAX (last, prepared.until + prepared.duration);
  else if (prepared.has_rule && prepared.until_kind == UNTIL_LOCAL)
    last = MAX (last, _cw_zone_local_to_utc (zone, prepared.until) + prepared.duration);
  else if (prepared.has_rule)
    last = G_MAXINT64;

  for (guint i = 0; i < prepared.overrides->len; i++)
    {
      const Override *override = &g_array_index (prepared.overrides, Override, i);
      gint64 start;

      if (override->cancelled)
        continue;
      start = _cw_zone_local_to_utc (zone, override->start);
      first = MIN (first, start);
      if (last != G_MAXINT64)
        last = MAX (last, start + (gint64) override->duration_min * 60);
    }

  *first_start = first;
  *last_end = last;
  ok = TRUE;

out:
  prepared_clear (&prepared);
  _cw_zone_free (zone);

  return ok;
}

gboolean
cw_maint_window_check (const CwMaintWindow  *window,
                 GError         **error)
{
  Prepared prepared;
  CwZone *zone;
  gboolean ok;

  g_return_val_if_fail (window != NULL, FALSE);

  if (is_blank (window->name))
    {
      g_set_error_literal (error, CW_SCHEDULE_ERROR, CW_SCHEDULE_ERROR_INVALID_INPUT,
                           _("A maintenance window needs a name"));
      return FALSE;
    }
  if (window->scope == NULL || cw_scope_is_empty (window->scope))
    {
      g_set_error (error, CW_SCHEDULE_ERROR, CW_SCHEDULE_ERROR_INVALID_INPUT,
                   _("The window “%s” covers nothing; give it sites, CI classes or CIs"),
                   window->name);
      return FALSE;
    }
  if (window->duration_min > 366 * 24 * 60)
    {
      g_set_error (error, CW_SCHEDULE_ERROR, CW_SCHEDULE_ERROR_INVALID_INPUT,
                   _("The window “%s” is longer than a year"), window->name);
      return FALSE;
    }
  if (!check_zone (window, &zone, error))
    return FALSE;
  _cw_zone_free (zone);

  ok = prepare (window, &prepared, error);
  if (ok && prepared.has_rule)
    ok = _cw_rrule_check (window->rrule, error);
  prepared_clear (&prepared);

  return ok;
}

GArray *
cw_schedule_list_occurrences (CwStore  *store,
                              gint64    from,
                              gint64    to,
                              GError  **error)
{
  g_autoptr(GPtrArray) windows = NULL;
  g_autoptr(GHashTable) zones = NULL;
  g_autoptr(GArray) out = NULL;

  g_return_val_if_fail (CW_IS_STORE (store), NULL);

  windows = _cw_schedule_load_windows (store, "first_start < ?2 AND (last_end IS NULL OR last_end > ?1)",
                                       from, to, error);
  if (windows == NULL)
    return NULL;

  zones = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) _cw_zone_free);
  out = g_array_new (FALSE, FALSE, sizeof (CwOccurrence));
  for (guint i = 0; i < windows->len; i++)
    {
      const CwMaintWindow *window = g_ptr_array_index (windows, i);
      CwZone *zone = g_hash_table_lookup (zones, window->tzid);

      if (zone == NULL)
        {
          if (!check_zone (window, &zone, error))
            return NULL;
          g_hash_table_insert (zones, (gpointer) _cw_zone_get_tzid (zone), zone);
        }
      if (!_cw_window_expand_into (window, zone, from, to, out, error))
        return NULL;
    }
  g_array_sort (out, _cw_occurrence_compare);

  return g_steal_pointer (&out);
}
