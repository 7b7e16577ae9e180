/* cw-recurrence-fast.c: a direct generator for the rule shapes maintenance
 * windows use (daily, weekly, monthly by day of month or by weekday, with
 * INTERVAL, WKST and BYMONTH), parsed by libical.
 *
 * libical 3.0 iterates through ICU calendars, a few microseconds per
 * occurrence: a year of 2,000 weekly windows would take the whole conflict
 * budget. Any other shape (YEARLY, HOURLY, BYSETPOS, BYHOUR, BYWEEKNO, ...)
 * goes to libical's iterator. test-recurrence checks this generator against
 * libical's over many rules.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-schedule"

#include "config.h"

#include <libical/ical.h>

#include "cw-schedule-private.h"

/* A rule that keeps producing nothing for this many periods (BYMONTHDAY=30
 * with BYMONTH=2) has ended. */
#define MAX_EMPTY_PERIODS 2000

struct _CwFastRule
{
  icalrecurrencetype_frequency freq;
  guint    interval;
  int      week_start;         /* 0 = Sunday ... 6 = Saturday */
  guint8   weekdays;           /* bit per weekday (0 = Sunday); 0: none given */
  GArray  *month_weekdays;     /* MONTHLY BYDAY: (position << 3 | weekday) as int */
  GArray  *month_days;         /* MONTHLY BYMONTHDAY: int, may be negative */
  guint16  months;             /* bit per month 1..12; 0: every month */
  gint64   start_day;          /* DTSTART's day */
  gint64   time_of_day;        /* DTSTART's seconds into its day */
  int      start_year;
  int      start_month;
  int      start_mday;
  gint64   period;             /* the current period, from DTSTART's */
  GArray  *days;               /* the current period's days, sorted */
  guint    position;
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

/* 0 = Sunday; 1970-01-01 was a Thursday. */
static int
weekday_of (gint64 day)
{
  return (int) ((day % 7 + 7 + 4) % 7);
}

static gboolean
is_empty (const short *array)
{
  return array[0] == ICAL_RECURRENCE_ARRAY_MAX;
}

static int
days_in_month (int year,
               int month)
{
  return g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year);
}

static gint64
day_of (int year,
        int month,
        int mday)
{
  return _cw_local_from_fields (year, month, mday, 0, 0, 0) / CW_SCHEDULE_DAY;
}

void
_cw_fast_rule_free (CwFastRule *fast)
{
  if (fast == NULL)
    return;

  g_clear_pointer (&fast->month_weekdays, g_array_unref);
  g_clear_pointer (&fast->month_days, g_array_unref);
  g_clear_pointer (&fast->days, g_array_unref);
  g_free (fast);
}

CwFastRule *
_cw_fast_rule_new (const struct icalrecurrencetype *rule,
                   gint64                           dtstart_local)
{
  g_autoptr(GArray) month_weekdays = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) month_days = g_array_new (FALSE, FALSE, sizeof (int));
  CwFastRule *fast;
  guint8 weekdays = 0;
  guint16 months = 0;
  int hour, minute, second;

  if (rule->freq != ICAL_DAILY_RECURRENCE && rule->freq != ICAL_WEEKLY_RECURRENCE
      && rule->freq != ICAL_MONTHLY_RECURRENCE)
    return NULL;
  if (!is_empty (rule->by_second) || !is_empty (rule->by_minute) || !is_empty (rule->by_hour)
      || !is_empty (rule->by_year_day) || !is_empty (rule->by_week_no) || !is_empty (rule->by_set_pos))
    return NULL;
  if (rule->interval < 1)
    return NULL;

  for (guint i = 0; i < ICAL_BY_MONTH_SIZE && rule->by_month[i] != ICAL_RECURRENCE_ARRAY_MAX; i++)
    {
      int month = icalrecurrencetype_month_month (rule->by_month[i]);

      if (icalrecurrencetype_month_is_leap (rule->by_month[i]) || month < 1 || month > 12)
        return NULL;
      months |= (guint16) (1u << month);
    }

  for (guint i = 0; i < ICAL_BY_DAY_SIZE && rule->by_day[i] != ICAL_RECURRENCE_ARRAY_MAX; i++)
    {
      int weekday = (int) icalrecurrencetype_day_day_of_week (rule->by_day[i]) - 1;
      int position = icalrecurrencetype_day_position (rule->by_day[i]);

      if (weekday < 0 || weekday > 6)
        return NULL;
      if (rule->freq == ICAL_MONTHLY_RECURRENCE)
        {
          int value;

          if (position < -5 || position > 5)
            return NULL;
          value = position * 8 + weekday;
          g_array_append_val (month_weekdays, value);
        }
      else if (position != 0)
        return NULL;
      weekdays |= (guint8) (1u << weekday);
    }

  for (guint i = 0; i < ICAL_BY_MONTHDAY_SIZE && rule->by_month_day[i] != ICAL_RECURRENCE_ARRAY_MAX; i++)
    {
      int mday = rule->by_month_day[i];

      if (rule->freq != ICAL_MONTHLY_RECURRENCE || mday == 0 || mday < -31 || mday > 31)
        return NULL;
      g_array_append_val (month_days, mday);
    }
  /* Both BYDAY and BYMONTHDAY in a monthly rule: their intersection; rare. */
  if (month_days->len > 0 && month_weekdays->len > 0)
    return NULL;

  fast = g_new0 (CwFastRule, 1);
  fast->freq = rule->freq;
  fast->interval = (guint) rule->interval;
  fast->week_start = rule->week_start >= ICAL_SUNDAY_WEEKDAY && rule->week_start <= ICAL_SATURDAY_WEEKDAY
                     ? (int) rule->week_start - 1 : 1;
  fast->weekdays = weekdays;
  fast->months = months;
  fast->month_weekdays = g_steal_pointer (&month_weekdays);
  fast->month_days = g_steal_pointer (&month_days);
  fast->start_day = floor_div (dtstart_local, CW_SCHEDULE_DAY);
  fast->time_of_day = dtstart_local - fast->start_day * CW_SCHEDULE_DAY;
  _cw_local_to_fields (dtstart_local, &fast->start_year, &fast->start_month, &fast->start_mday,
                       &hour, &minute, &second);
  fast->days = g_array_new (FALSE, FALSE, sizeof (gint64));
  fast->period = -1;

  return fast;
}

static gboolean
month_allowed (const CwFastRule *fast,
               int               month)
{
  return fast->months == 0 || (fast->months & (1u << month)) != 0;
}

static gboolean
day_allowed (const CwFastRule *fast,
             gint64            day)
{
  int year, month, mday, hour, minute, second;

  if (fast->weekdays != 0 && fast->freq != ICAL_MONTHLY_RECURRENCE
      && (fast->weekdays & (1u << weekday_of (day))) == 0)
    return FALSE;
  if (fast->months != 0)
    {
      _cw_local_to_fields (day * CW_SCHEDULE_DAY, &year, &month, &mday, &hour, &minute, &second);
      if (!month_allowed (fast, month))
        return FALSE;
    }

  return TRUE;
}

static gint64
week_start_of (const CwFastRule *fast,
               gint64            day)
{
  return day - (weekday_of (day) - fast->week_start + 7) % 7;
}

static int
compare_days (gconstpointer a,
              gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static void
add_day (GArray *days,
         gint64  day)
{
  for (guint i = 0; i < days->len; i++)
    {
      if (g_array_index (days, gint64, i) == day)
        return;
    }
  g_array_append_val (days, day);
}

static void
fill_month (CwFastRule *fast,
            int         year,
            int         month)
{
  int length = days_in_month (year, month);
  gint64 first = day_of (year, month, 1);

  if (!month_allowed (fast, month))
    return;

  if (fast->month_days->len > 0)
    {
      for (guint i = 0; i < fast->month_days->len; i++)
        {
          int mday = g_array_index (fast->month_days, int, i);

          if (mday < 0)
            mday = length + mday + 1;
          if (mday >= 1 && mday <= length)
            add_day (fast->days, first + mday - 1);
        }
    }
  else if (fast->month_weekdays->len > 0)
    {
      for (guint i = 0; i < fast->month_weekdays->len; i++)
        {
          int value = g_array_index (fast->month_weekdays, int, i);
          int weekday = ((value % 8) + 8) % 8;
          int position = (value - weekday) / 8;
          int first_match = 1 + (weekday - weekday_of (first) + 7) % 7;

          if (position == 0)
            {
              for (int mday = first_match; mday <= length; mday += 7)
                add_day (fast->days, first + mday - 1);
            }
          else if (position > 0)
            {
              int mday = first_match + 7 * (position - 1);

              if (mday <= length)
                add_day (fast->days, first + mday - 1);
            }
          else
            {
              int last_match = first_match + 7 * ((length - first_match) / 7);
              int mday = last_match + 7 * (position + 1);

              if (mday >= 1)
                add_day (fast->days, first + mday - 1);
            }
        }
    }
  else if (fast->start_mday <= length)
    add_day (fast->days, first + fast->start_mday - 1);

  g_array_sort (fast->days, compare_days);
}

static void
fill_period (CwFastRule *fast)
{
  g_array_set_size (fast->days, 0);
  fast->position = 0;

  switch (fast->freq)
    {
    case ICAL_DAILY_RECURRENCE:
      {
        gint64 day = fast->start_day + fast->period * fast->interval;

        if (day_allowed (fast, day))
          g_array_append_val (fast->days, day);
      }
      break;

    case ICAL_WEEKLY_RECURRENCE:
      {
        gint64 first = week_start_of (fast, fast->start_day) + 7 * fast->period * fast->interval;

        for (int i = 0; i < 7; i++)
          {
            gint64 day = first + i;

            if (fast->weekdays == 0 && weekday_of (day) != weekday_of (fast->start_day))
              continue;
            if (day_allowed (fast, day))
              g_array_append_val (fast->days, day);
          }
      }
      break;

    case ICAL_MONTHLY_RECURRENCE:
      {
        gint64 index = (gint64) fast->start_year * 12 + (fast->start_month - 1)
                       + fast->period * fast->interval;

        fill_month (fast, (int) floor_div (index, 12), (int) (index - floor_div (index, 12) * 12) + 1);
      }
      break;

    case ICAL_SECONDLY_RECURRENCE:
    case ICAL_MINUTELY_RECURRENCE:
    case ICAL_HOURLY_RECURRENCE:
    case ICAL_YEARLY_RECURRENCE:
    case ICAL_NO_RECURRENCE:
    default:
      g_assert_not_reached ();
    }
}

void
_cw_fast_rule_skip_to (CwFastRule *fast,
                       gint64      local)
{
  gint64 day = floor_div (local, CW_SCHEDULE_DAY);
  gint64 period = 0;

  switch (fast->freq)
    {
    case ICAL_DAILY_RECURRENCE:
      period = floor_div (day - fast->start_day, fast->interval);
      break;

    case ICAL_WEEKLY_RECURRENCE:
      period = floor_div (day - week_start_of (fast, fast->start_day), 7 * (gint64) fast->interval);
      break;

    case ICAL_MONTHLY_RECURRENCE:
      {
        int year, month, mday, hour, minute, second;

        _cw_local_to_fields (local, &year, &month, &mday, &hour, &minute, &second);
        period = floor_div ((gint64) (year - fast->start_year) * 12 + (month - fast->start_month),
                            fast->interval);
      }
      break;

    case ICAL_SECONDLY_RECURRENCE:
    case ICAL_MINUTELY_RECURRENCE:
    case ICAL_HOURLY_RECURRENCE:
    case ICAL_YEARLY_RECURRENCE:
    case ICAL_NO_RECURRENCE:
    default:
      g_assert_not_reached ();
    }

  if (period > fast->period)
    {
      fast->period = period;
      fill_period (fast);
    }
}

gboolean
_cw_fast_rule_next (CwFastRule *fast,
                    gint64     *local)
{
  guint empty = 0;

  for (;;)
    {
      while (fast->period >= 0 && fast->position < fast->days->len)
        {
          gint64 day = g_array_index (fast->days, gint64, fast->position++);

          if (day < fast->start_day)
            continue;
          *local = day * CW_SCHEDULE_DAY + fast->time_of_day;
          return TRUE;
        }

      if (fast->period >= 0 && fast->days->len == 0 && ++empty > MAX_EMPTY_PERIODS)
        return FALSE;
      fast->period++;
      fill_period (fast);
    }
}
