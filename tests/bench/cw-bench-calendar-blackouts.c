/* cw-bench-calendar-blackouts.c: the blackouts of `build-aux/bench.sh
 * calendar` (see cw-bench-calendar-data.c).
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-bench-calendar"

#include "config.h"

#include "cw-bench-calendar-gen.h"

static void
strv_add (GStrv      *strv,
          const char *value)
{
  guint n = *strv != NULL ? g_strv_length (*strv) : 0;

  *strv = g_renew (char *, *strv, n + 2);
  (*strv)[n] = g_strdup (value);
  (*strv)[n + 1] = NULL;
}

/* ---- blackouts ---------------------------------------------------------------- */

void
gen_blk_free (gpointer data)
{
  Blk *blk = data;

  cw_blackout_free (blk->blackout);
  g_free (blk);
}

static gboolean
add_blackout (Gen             *gen,
              const char      *name,
              const char      *reason,
              CwBlackoutMode   mode,
              gint64           start,
              gint64           end,
              const char      *tzid,
              gboolean         all_day,
              Blk             *blk,
              GError         **error)
{
  CwBlackout *blackout = blk->blackout = cw_blackout_new (name, mode, start, end);

  blackout->reason = g_strdup (reason);
  blackout->tzid = g_strdup (tzid);
  blackout->all_day = all_day;
  blackout->scope->everything = blk->cover.everything;
  if (blk->cover.site >= 0)
    blackout->scope->sites = g_strsplit (g_array_index (gen->sites, Site, blk->cover.site).code, "\n", -1);
  for (guint k = 0; k < 2; k++)
    {
      if (blk->cover.klass[k] >= 0)
        strv_add (&blackout->scope->classes, g_ptr_array_index (gen->classes, blk->cover.klass[k]));
    }
  if (blk->cover.ci_ids != NULL)
    {
      g_array_append_vals (blackout->scope->ci_ids, blk->cover.ci_ids->data, blk->cover.ci_ids->len);
      g_array_unref (blk->cover.ci_ids);
    }
  blk->cover.ci_ids = blackout->scope->ci_ids;
  g_ptr_array_add (gen->blackouts, blk);

  if (!cw_schedule_add_blackout (gen->store, blackout, error))
    return FALSE;

  gen->data->n_blackouts++;
  if (mode == CW_BLACKOUT_BLOCK)
    gen->data->n_block++;
  else
    gen->data->n_warn++;

  return TRUE;
}

static Blk *
blk_new (gboolean everything,
         int      site,
         int      klass0,
         int      klass1)
{
  Blk *blk = g_new0 (Blk, 1);

  blk->cover.everything = everything;
  blk->cover.site = site;
  blk->cover.klass[0] = klass0;
  blk->cover.klass[1] = klass1;

  return blk;
}

gboolean
gen_add_blackouts (Gen     *gen,
               GError **error)
{
  int database = gen_class_index (gen, "database");
  int application = gen_class_index (gen, "application");
  int firewall = gen_class_index (gen, "firewall");
  gint64 start, end;

  if (database < 0 && application < 0)
    database = 0;
  if (firewall < 0 && application < 0)
    firewall = 0;

  /* The year-end freezes on both sides of the year, whole days in the
   * head office's zone. */
  for (int y = gen->year - 1; y <= gen->year; y++)
    {
      g_autofree char *name = g_strdup_printf ("Year-end freeze %d/%d", y, y + 1);

      start = gen_local_instant (y, 12, y < gen->year ? 14 : 13, 0, FREEZE_ZONE, error);
      end = gen_local_instant (y + 1, 1, 4, 0, FREEZE_ZONE, error);
      if (start == G_MININT64 || end == G_MININT64 ||
          !add_blackout (gen, name, "No changes over the holidays and the year-end close.",
                         CW_BLACKOUT_BLOCK, start, end, FREEZE_ZONE, TRUE,
                         blk_new (TRUE, -1, -1, -1), error))
        return FALSE;
    }

  /* Quarter-end closes: finance systems, a warning. */
  for (int month = 3; month <= 9; month += 3)
    {
      g_autofree char *name = g_strdup_printf ("Q%d close", month / 3);
      int last = g_date_get_days_in_month ((GDateMonth) month, (GDateYear) gen->year);

      start = gen_local_instant (gen->year, month, last - 2, 0, "UTC", error);
      if (start == G_MININT64 ||
          !add_blackout (gen, name, "Quarter-end close: finance needs stable systems.",
                         CW_BLACKOUT_WARN, start, start + 5 * DAY, NULL, TRUE,
                         blk_new (FALSE, -1, database, application), error))
        return FALSE;
    }

  /* A power outage per site, blocking. */
  for (guint site = 0; site < gen->sites->len; site++)
    {
      const Site *s = &g_array_index (gen->sites, Site, site);
      g_autofree char *name = g_strdup_printf ("%s power works", s->code);
      GDate day;

      g_date_clear (&day, 1);
      g_date_set_dmy (&day, 1, G_DATE_JANUARY, gen->year);
      g_date_add_days (&day, 60 + gen_below (gen, 270));
      start = gen_local_instant (gen->year, g_date_get_month (&day), g_date_get_day (&day), 8, s->tzid, error);
      if (start == G_MININT64 ||
          !add_blackout (gen, name, "Utility work on the feeds: no changes while on one feed.",
                         CW_BLACKOUT_BLOCK, start, start + 52 * HOUR, s->tzid, FALSE,
                         blk_new (FALSE, (int) site, -1, -1), error))
        return FALSE;
    }

  /* Peak trading, a warning. */
  start = gen_local_instant (gen->year, 11, 22, 0, "America/New_York", error);
  end = gen_local_instant (gen->year, 12, 2, 0, "America/New_York", error);
  if (start == G_MININT64 || end == G_MININT64 ||
      !add_blackout (gen, "Peak trading", "Black Friday to Cyber Monday.",
                     CW_BLACKOUT_WARN, start, end, "America/New_York", TRUE,
                     blk_new (FALSE, -1, application, firewall), error))
    return FALSE;

  /* Audits and customer events on lists of CIs. */
  for (guint k = 0; k < 10; k++)
    {
      guint site = k % gen->sites->len;
      GArray *members = g_ptr_array_index (gen->by_site, site);
      g_autofree char *name = NULL;
      Blk *blk;

      if (members->len == 0)
        continue;
      blk = blk_new (FALSE, -1, -1, -1);
      blk->cover.ci_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      for (guint n = 10 + gen_below (gen, 21); n > 0; n--)
        {
          gint64 id = gen_pick_from (gen, members);

          if (!gen_ids_contain (blk->cover.ci_ids, id))
            g_array_append_val (blk->cover.ci_ids, id);
        }
      name = g_strdup_printf (k % 2 == 0 ? "%s audit %u" : "%s customer event %u",
                              g_array_index (gen->sites, Site, site).code, k + 1);
      start = gen->from + (gint64) (15 + gen_below (gen, 330)) * DAY;
      if (!add_blackout (gen, name, NULL, gen_chance (gen, 50) ? CW_BLACKOUT_WARN : CW_BLACKOUT_BLOCK,
                         start, start + (gint64) (1 + gen_below (gen, 5)) * DAY, NULL, TRUE, blk, error))
        return FALSE;
    }

  return TRUE;
}

