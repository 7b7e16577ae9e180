/* cw-bench-calendar-windows.c: the maintenance windows of
 * `build-aux/bench.sh calendar` (see cw-bench-calendar-data.c).
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-bench-calendar"

#include "config.h"

#include <string.h>

#include "cw-bench-calendar-gen.h"

static const char * const rrule_days[] = { NULL, "MO", "TU", "WE", "TH", "FR", "SA", "SU" };

/* ---- helpers ------------------------------------------------------------------ */

/* The @n-th @weekday of a month (@n -1: the last). */
static void
nth_weekday (GDate        *date,
             int           year,
             int           month,
             int           n,
             GDateWeekday  weekday)
{
  g_date_clear (date, 1);
  if (n > 0)
    {
      g_date_set_dmy (date, 1, month, year);
      while (g_date_get_weekday (date) != weekday)
        g_date_add_days (date, 1);
      g_date_add_days (date, 7 * (n - 1));
    }
  else
    {
      g_date_set_dmy (date, g_date_get_days_in_month (month, year), month, year);
      while (g_date_get_weekday (date) != weekday)
        g_date_subtract_days (date, 1);
    }
}

static void
next_weekday (GDate        *date,
              GDateWeekday  weekday)
{
  while (g_date_get_weekday (date) != weekday)
    g_date_add_days (date, 1);
}

static char *
local_text (const GDate *date,
            int          hour,
            int          minute)
{
  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:00", g_date_get_year (date),
                          g_date_get_month (date), g_date_get_day (date), hour, minute);
}

/* ---- windows ------------------------------------------------------------------ */

void
gen_win_free (gpointer data)
{
  Win *win = data;

  cw_maint_window_free (win->window);
  g_clear_pointer (&win->occurrences, g_array_unref);
  g_free (win);
}

static Win *
win_new (const char  *name,
         const char  *tzid,
         const GDate *day,
         int          hour,
         int          minute,
         guint        duration_min,
         const char  *rrule)
{
  g_autofree char *start = local_text (day, hour, minute);
  Win *win = g_new0 (Win, 1);

  /* What cw_maint_window_new() does: that name is also the main window's
   * constructor (src/ui/cw-window.c), and calling it links that one. */
  win->window = g_new0 (CwMaintWindow, 1);
  win->window->name = g_strdup (name);
  win->window->tzid = g_strdup (tzid);
  win->window->start_local = g_steal_pointer (&start);
  win->window->duration_min = duration_min;
  win->window->scope = cw_scope_new ();
  win->window->overrides = g_ptr_array_new_with_free_func ((GDestroyNotify) cw_window_override_free);
  win->window->rrule = g_strdup (rrule);
  win->cover.site = -1;
  win->cover.klass[0] = win->cover.klass[1] = -1;

  return win;
}

/* Some occurrences of the year left out, or moved, or cancelled. */
static gboolean
add_exceptions (Gen     *gen,
                Win     *win,
                guint    exdate_percent,
                GError **error)
{
  g_autoptr(GArray) occurrences = NULL;
  CwMaintWindow *window = win->window;

  if (window->rrule == NULL)
    return TRUE;

  occurrences = cw_maint_window_expand (window, gen->from, gen->to, error);
  if (occurrences == NULL)
    return FALSE;
  if (occurrences->len < 4)
    return TRUE;

  if (gen_chance (gen, exdate_percent))
    {
      g_autoptr(GPtrArray) exdates = g_ptr_array_new ();
      guint n = 1 + gen_below (gen, 3);

      for (guint k = 0; k < n; k++)
        {
          const CwOccurrence *occurrence = &g_array_index (occurrences, CwOccurrence,
                                                           gen_below (gen, occurrences->len));
          gboolean seen = FALSE;

          for (guint j = 0; j < exdates->len; j++)
            seen |= g_str_equal (g_ptr_array_index (exdates, j), occurrence->recurrence_id);
          if (!seen)
            g_ptr_array_add (exdates, g_strdup (occurrence->recurrence_id));
        }
      gen->data->n_exdates += exdates->len;
      gen->data->n_with_exdates++;
      g_ptr_array_add (exdates, NULL);
      window->exdates = (GStrv) g_ptr_array_free (g_steal_pointer (&exdates), FALSE);
    }

  if (gen_chance (gen, 5))
    {
      const CwOccurrence *occurrence = &g_array_index (occurrences, CwOccurrence,
                                                       gen_below (gen, occurrences->len));
      g_autofree char *moved = NULL;

      if (window->exdates == NULL || !g_strv_contains ((const char * const *) window->exdates,
                                                       occurrence->recurrence_id))
        {
          /* The same time on the next day, or cancelled. */
          if (gen_chance (gen, 50))
            {
              GDate day;

              g_date_clear (&day, 1);
              g_date_set_parse (&day, occurrence->recurrence_id);
              moved = g_strdup (occurrence->recurrence_id);
              if (g_date_valid (&day))
                {
                  g_autofree char *date = NULL;

                  g_date_add_days (&day, 1);
                  date = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&day),
                                          g_date_get_month (&day), g_date_get_day (&day));
                  memcpy (moved, date, 10);
                }
            }
          g_ptr_array_add (window->overrides,
                           cw_window_override_new (occurrence->recurrence_id, moved, 0));
          gen->data->n_with_overrides++;
        }
    }

  return TRUE;
}

static gboolean
save_window (Gen     *gen,
             Win     *win,
             GError **error)
{
  CwMaintWindow *window = win->window;

  if (!cw_schedule_add_window (gen->store, window, error))
    return FALSE;
  /* The set of the year as stored, to place planned works in. */
  win->occurrences = cw_maint_window_expand (window, gen->from, gen->to, error);
  if (win->occurrences == NULL)
    return FALSE;

  gen->data->n_occurrences += win->occurrences->len;
  gen->data->n_windows++;
  gen->data->n_limited += window->max_concurrent > 0;
  gen->data->n_once += window->rrule == NULL;
  if (window->rrule != NULL && (strstr (window->rrule, "COUNT=") != NULL ||
                                strstr (window->rrule, "UNTIL=") != NULL))
    gen->data->n_bounded++;
  if (window->scope->sites != NULL)
    gen->data->n_site_windows++;
  else if (window->scope->classes != NULL)
    gen->data->n_class_windows++;
  else
    {
      gen->data->n_list_windows++;
      gen->data->n_listed_cis += window->scope->ci_ids->len;
    }
  g_ptr_array_add (gen->windows, win);

  return TRUE;
}

static void
count_shape (Gen        *gen,
             const char *rrule)
{
  if (rrule == NULL)
    return;
  if (strstr (rrule, "BYSETPOS") != NULL || g_str_has_prefix (rrule, "FREQ=YEARLY"))
    gen->data->n_iterated++;
  else if (g_str_has_prefix (rrule, "FREQ=DAILY"))
    gen->data->n_daily++;
  else if (g_str_has_prefix (rrule, "FREQ=WEEKLY"))
    gen->data->n_weekly++;
  else if (strstr (rrule, "BYMONTHDAY") != NULL)
    gen->data->n_monthly_by_date++;
  else
    gen->data->n_monthly_by_day++;
}

/* Per site: a Saturday night, a "second Sunday" patch window and a
 * weeknight window without the holidays. */
static Win *
site_window (Gen   *gen,
             guint  site,
             guint  kind)
{
  const Site *s = &g_array_index (gen->sites, Site, site);
  g_autofree char *name = NULL;
  GDate day;
  Win *win;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 1, G_DATE_SEPTEMBER, gen->year - 1);
  switch (kind)
    {
    case 0:
      next_weekday (&day, G_DATE_SATURDAY);
      name = g_strdup_printf ("%s Saturday night", s->code);
      win = win_new (name, s->tzid, &day, 22, 0, 300, "FREQ=WEEKLY;BYDAY=SA");
      break;
    case 1:
      nth_weekday (&day, gen->year - 1, G_DATE_SEPTEMBER, 2, G_DATE_SUNDAY);
      name = g_strdup_printf ("%s patch Sunday", s->code);
      win = win_new (name, s->tzid, &day, 1, 0, 360, "FREQ=MONTHLY;BYDAY=2SU");
      win->window->max_concurrent = 8;
      break;
    default:
      next_weekday (&day, G_DATE_TUESDAY);
      name = g_strdup_printf ("%s weeknights", s->code);
      win = win_new (name, s->tzid, &day, 23, 0, 120, "FREQ=WEEKLY;BYDAY=TU,TH");
      win->window->max_concurrent = 4;
      break;
    }
  win->window->scope->sites = g_strsplit (s->code, "\n", -1);
  win->cover.site = (int) site;

  return win;
}

/* The holidays between Christmas and the new year, left out. */
static gboolean
add_holiday_exdates (Gen     *gen,
                     Win     *win,
                     GError **error)
{
  g_autoptr(GArray) occurrences = NULL;
  g_autoptr(GPtrArray) exdates = g_ptr_array_new ();
  gint64 from = gen_local_instant (gen->year, 12, 22, 0, win->window->tzid, error);
  gint64 to = gen_local_instant (gen->year + 1, 1, 2, 0, win->window->tzid, error);

  if (from == G_MININT64 || to == G_MININT64)
    return FALSE;
  occurrences = cw_maint_window_expand (win->window, from, to, error);
  if (occurrences == NULL)
    return FALSE;
  for (guint i = 0; i < occurrences->len; i++)
    g_ptr_array_add (exdates, g_strdup (g_array_index (occurrences, CwOccurrence, i).recurrence_id));
  if (exdates->len == 0)
    return TRUE;

  gen->data->n_exdates += exdates->len;
  gen->data->n_with_exdates++;
  g_ptr_array_add (exdates, NULL);
  win->window->exdates = (GStrv) g_ptr_array_free (g_steal_pointer (&exdates), FALSE);

  return TRUE;
}

/* Per CI class, in the zone of one of the sites. */
static Win *
class_window (Gen   *gen,
              guint  klass)
{
  const char *key = g_ptr_array_index (gen->classes, klass);
  const Site *s = &g_array_index (gen->sites, Site, klass % gen->sites->len);
  g_autofree char *name = NULL;
  GDate day;
  Win *win;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 1, G_DATE_OCTOBER, gen->year - 1);
  switch (klass % 3)
    {
    case 0:
      next_weekday (&day, G_DATE_SUNDAY);
      name = g_strdup_printf ("All %s: Sunday morning", key);
      win = win_new (name, s->tzid, &day, 3, 0, 180, "FREQ=WEEKLY;BYDAY=SU");
      break;
    case 1:
      g_date_set_day (&day, 15);
      name = g_strdup_printf ("All %s: mid-month", key);
      win = win_new (name, s->tzid, &day, 2, 0, 240, "FREQ=MONTHLY;BYMONTHDAY=15");
      break;
    default:
      next_weekday (&day, G_DATE_WEDNESDAY);
      name = g_strdup_printf ("All %s: every other Wednesday", key);
      win = win_new (name, s->tzid, &day, 21, 0, 180, "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE");
      win->window->max_concurrent = 10;
      break;
    }
  win->window->scope->classes = g_strsplit (key, "\n", -1);
  win->cover.klass[0] = (int) klass;

  return win;
}

/* A service's window: a list of CIs of one site. */
static Win *
list_window (Gen   *gen,
             guint  n)
{
  static const int hours[][2] = {
    { 20, 0 }, { 21, 0 }, { 22, 0 }, { 23, 0 }, { 0, 0 }, { 1, 0 }, { 2, 0 }, { 2, 30 }, { 3, 0 }, { 4, 0 },
  };
  guint site = n % gen->sites->len;
  const Site *s = &g_array_index (gen->sites, Site, site);
  guint n_classes = gen->classes->len;
  g_autofree char *name = NULL;
  g_autofree char *rrule = NULL;
  GArray *members = NULL;
  guint klass = 0;
  guint shape = gen_below (gen, 100);
  guint duration = 120 + 30 * gen_below (gen, 13);
  int which = (int) gen_below (gen, G_N_ELEMENTS (hours));
  GDateWeekday weekday = (GDateWeekday) (gen_chance (gen, 60) ? G_DATE_SATURDAY + gen_below (gen, 2)
                                                            : G_DATE_MONDAY + gen_below (gen, 5));
  GDate day;
  Win *win;
  guint size;

  /* A class the site has CIs of. */
  for (guint tries = 0; tries < 4 * n_classes; tries++)
    {
      klass = gen_below (gen, n_classes);
      members = g_ptr_array_index (gen->by_site_class, site * n_classes + klass);
      if (members->len > 0)
        break;
    }
  if (members == NULL || members->len == 0)
    {
      members = g_ptr_array_index (gen->by_site, site);
      if (members->len == 0)
        members = g_ptr_array_index (gen->by_class, klass);
    }

  /* Most from the autumn before the year; some new within it. */
  g_date_clear (&day, 1);
  if (gen_chance (gen, 85))
    {
      g_date_set_dmy (&day, 1, G_DATE_SEPTEMBER, gen->year - 1);
      g_date_add_days (&day, gen_below (gen, 100));
    }
  else
    {
      g_date_set_dmy (&day, 1, G_DATE_JANUARY, gen->year);
      g_date_add_days (&day, gen_below (gen, 180));
    }

  if (shape < 30)
    {
      next_weekday (&day, weekday);
      rrule = g_strdup_printf ("FREQ=WEEKLY;BYDAY=%s", rrule_days[weekday]);
    }
  else if (shape < 50)
    {
      static const struct { int n; GDateWeekday weekday; const char *by_day; } nths[] = {
        { 2, G_DATE_SUNDAY, "2SU" }, { 2, G_DATE_SUNDAY, "2SU" }, { 1, G_DATE_SATURDAY, "1SA" },
        { 3, G_DATE_WEDNESDAY, "3WE" }, { 4, G_DATE_FRIDAY, "4FR" },
      };
      guint k = gen_below (gen, G_N_ELEMENTS (nths));

      nth_weekday (&day, g_date_get_year (&day), g_date_get_month (&day), nths[k].n, nths[k].weekday);
      rrule = g_strdup_printf ("FREQ=MONTHLY;BYDAY=%s", nths[k].by_day);
    }
  else if (shape < 60)
    {
      nth_weekday (&day, g_date_get_year (&day), g_date_get_month (&day), -1, G_DATE_SATURDAY);
      rrule = g_strdup ("FREQ=MONTHLY;BYDAY=-1SA");
    }
  else if (shape < 68)
    {
      next_weekday (&day, G_DATE_SATURDAY);
      rrule = g_strdup ("FREQ=WEEKLY;INTERVAL=2;BYDAY=SA,SU");
    }
  else if (shape < 73)
    {
      rrule = g_strdup ("FREQ=DAILY");
      duration = 60 + 30 * gen_below (gen, 3);
      which = 8;
    }
  else if (shape < 78)
    {
      g_date_set_day (&day, 1);
      rrule = g_strdup ("FREQ=MONTHLY;BYMONTHDAY=1,15");
    }
  else if (shape < 83)
    {
      next_weekday (&day, weekday);
      rrule = g_strdup_printf ("FREQ=WEEKLY;BYDAY=%s;COUNT=%u", rrule_days[weekday], 20 + gen_below (gen, 40));
    }
  else if (shape < 88)
    {
      next_weekday (&day, weekday);
      rrule = g_strdup_printf ("FREQ=WEEKLY;BYDAY=%s;UNTIL=%04d%02u30T215959Z",
                               rrule_days[weekday], gen->year, 4 + gen_below (gen, 6));
    }
  else if (shape < 92)
    {
      nth_weekday (&day, g_date_get_year (&day), g_date_get_month (&day), 3, G_DATE_WEDNESDAY);
      rrule = g_strdup_printf ("FREQ=MONTHLY;BYDAY=3WE;UNTIL=%04d1031", gen->year);
    }
  else if (shape < 93)
    {
      /* Shapes only libical's iterator expands: the last weekday of the
       * month, or the first Sundays of March and September. */
      if (gen_chance (gen, 50))
        {
          nth_weekday (&day, g_date_get_year (&day), g_date_get_month (&day), -1, G_DATE_FRIDAY);
          rrule = g_strdup ("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1");
          /* The month's last weekday is a Friday only when it ends on a weekend or a Friday. */
          g_date_set_day (&day, g_date_get_days_in_month (g_date_get_month (&day), g_date_get_year (&day)));
          while (g_date_get_weekday (&day) > G_DATE_FRIDAY)
            g_date_subtract_days (&day, 1);
        }
      else
        {
          nth_weekday (&day, gen->year - 1, G_DATE_SEPTEMBER, 1, G_DATE_SUNDAY);
          rrule = g_strdup ("FREQ=YEARLY;BYMONTH=3,9;BYDAY=1SU");
        }
    }
  else
    {
      /* Once, within the year. */
      g_date_set_dmy (&day, 1, G_DATE_JANUARY, gen->year);
      g_date_add_days (&day, gen_below (gen, 360));
    }

  name = g_strdup_printf ("%s %s service %u", s->code, (const char *) g_ptr_array_index (gen->classes, klass), n + 1);
  win = win_new (name, s->tzid, &day, hours[which][0], hours[which][1], duration, rrule);
  count_shape (gen, rrule);

  /* 5 to 40 CIs, now and then with what they run on or are part of. */
  size = MIN (5 + gen_below (gen, 36), members->len);
  for (guint tries = 0; win->window->scope->ci_ids->len < size && tries < 4 * size; tries++)
    {
      gint64 id = gen_pick_from (gen, members);
      Relation *relation = g_hash_table_lookup (gen->parent_of, &id);

      if (gen_ids_contain (win->window->scope->ci_ids, id))
        continue;
      g_array_append_val (win->window->scope->ci_ids, id);
      if (relation != NULL && gen_chance (gen, 30) && !gen_ids_contain (win->window->scope->ci_ids, relation->parent))
        g_array_append_val (win->window->scope->ci_ids, relation->parent);
    }
  win->cover.ci_ids = win->window->scope->ci_ids;

  if (gen_chance (gen, 20))
    win->window->max_concurrent = 1 + gen_below (gen, 3);

  return win;
}

gboolean
gen_add_windows (Gen     *gen,
             guint    n_windows,
             GError **error)
{
  guint n_site = 3 * gen->sites->len;
  guint n_class = gen->classes->len;

  for (guint i = 0; i < n_windows; i++)
    {
      Win *win;

      if (i < n_site)
        {
          win = site_window (gen, i / 3, i % 3);
          count_shape (gen, win->window->rrule);
          if (i % 3 == 2 && !add_holiday_exdates (gen, win, error))
            return FALSE;
        }
      else if (i < n_site + n_class)
        {
          win = class_window (gen, i - n_site);
          count_shape (gen, win->window->rrule);
        }
      else
        {
          win = list_window (gen, i - n_site - n_class);
          if (!add_exceptions (gen, win, 15, error))
            {
              gen_win_free (win);
              return FALSE;
            }
        }

      if (!save_window (gen, win, error))
        {
          gen_win_free (win);
          return FALSE;
        }
    }

  return TRUE;
}
