/* cw-bench-calendar.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The in-process half of `build-aux/bench.sh calendar`. Untimed, it makes a
 * workspace in --dir: the demo's (cw_demo_create(), --cis CIs, default
 * 100,000, with their relations, users and runbooks, on a fake clock in the
 * autumn before --year), then a calendar on it (cw-bench-calendar-data.c):
 * --windows maintenance windows (default 2,000) in the sites' time zones,
 * the year-end freezes and other blackouts, and --works planned works
 * (default 5,000) in the year, the same every time. Then, each as a median
 * with min and max over --runs timed runs (default 9) after a warm-up, timed
 * in-process with a monotonic clock:
 *
 *   1. conflicts: cw_schedule_conflicts() over the whole year, on a
 *      read-only connection; target median <= 200 ms. The conflicts found
 *      are printed by kind and severity.
 *   2. load: cw_calendar_items_load() of the six weeks the month view shows
 *      for the busiest month (the most planned works starting in it): window
 *      occurrences, blackouts, planned work and the conflicts of that range,
 *      made into the view's items; for information;
 *   3. draw: a CwCalendarMonthView in a 1280 x 800 window, in the zone of the
 *      head office (Europe/Berlin); from cw_calendar_view_set_date() and
 *      cw_calendar_view_set_items() with those items to the end of the next
 *      frame (GdkFrameClock::after-paint), each run after showing another
 *      month without items (untimed), so that every run lays out and shapes
 *      the month afresh; target median <= 16 ms. Split into the view's own
 *      work in those two calls, the wait for the frame clock and the frame;
 *   4. redraw: gtk_widget_queue_draw() on that month, laid out, to the end
 *      of the next frame; for information.
 *
 * Before each frame timed, the main loop idles for 50 ms, so the frame clock
 * (which paces frames at the refresh rate) starts the frame at once. The
 * CPU time of the thread over the same spans is printed beside the figures:
 * on a busy machine it tells the work done from the waiting for a CPU.
 *
 * Exit status: 0 when both targets are met, 1 otherwise or on an error.
 */

#define G_LOG_DOMAIN "cw-bench-calendar"

#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "cw-bench-support.h"
#include "cw-bench-calendar-data.h"
#include "cw-calendar-month-view.h"
#include "cw-demo.h"
#include "cw-ui-resources.h"

/* The width of the figure names, so that the figures line up. */
#define FIGURE_WIDTH 11

#define CONFLICTS_TARGET_MS 200.0
#define DRAW_TARGET_MS      16.0
#define FRAME_TIMEOUT_MS    60000
#define SETTLE_MS           50
#define VIEW_ZONE           "Europe/Berlin"
#define SEED                20270101

static struct
{
  gint64 t0;
  gint64 t_before_paint;
  gint64 t_painted;
  gint64 cpu_painted;
  gboolean painted;
} frame;

/* The CPU time of this thread, in microseconds: what the figures took
 * whatever else the machine runs (the X server's part of a frame aside). */
static gint64
thread_cpu_time (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);

  return (gint64) now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000;
}

/* "median 1.0 ms (min 0.9, max 1.2)"; sorts @times. */
static char *
spread (GArray *times)
{
  double med = cw_bench_median (times);

  return g_strdup_printf ("median %.1f ms (min %.1f, max %.1f)", med, g_array_index (times, double, 0),
                          g_array_index (times, double, times->len - 1));
}

/* ---- 1. conflicts --------------------------------------------------------- */

static gboolean
time_conflicts (CwStore *store,
                gint64   from,
                gint64   to,
                guint    runs)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GHashTable) works = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GString) kinds = g_string_new (NULL);
  guint per_kind[CW_N_CONFLICT_KINDS] = { 0 };
  guint n_errors = 0, n_warnings = 0;
  g_autofree char *detail = NULL;
  g_autofree char *cpu = NULL;
  gboolean ok;

  for (guint i = 0; i <= runs; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) found = NULL;
      gint64 cpu0 = thread_cpu_time ();
      gint64 t0 = g_get_monotonic_time ();
      double ms, cpu_ms;

      found = cw_schedule_conflicts (store, from, to, &error);
      ms = cw_bench_ms_since (t0, g_get_monotonic_time ());
      cpu_ms = cw_bench_ms_since (cpu0, thread_cpu_time ());
      if (found == NULL)
        cw_bench_fail ("cw_schedule_conflicts() failed: %s", error->message);
      if (conflicts != NULL && found->len != conflicts->len)
        cw_bench_fail ("cw_schedule_conflicts() found %u conflicts, then %u", conflicts->len, found->len);
      if (i > 0)
        {
          g_array_append_val (times, ms);
          g_array_append_val (cpu_times, cpu_ms);
        }
      g_clear_pointer (&conflicts, g_ptr_array_unref);
      conflicts = g_steal_pointer (&found);
    }

  for (guint i = 0; i < conflicts->len; i++)
    {
      CwConflict *conflict = g_ptr_array_index (conflicts, i);

      per_kind[conflict->kind]++;
      if (conflict->severity == CW_CONFLICT_ERROR)
        n_errors++;
      else
        n_warnings++;
      for (guint j = 0; j < conflict->work_ids->len; j++)
        g_hash_table_add (works, &g_array_index (conflict->work_ids, gint64, j));
    }
  for (guint k = 0; k < CW_N_CONFLICT_KINDS; k++)
    g_string_append_printf (kinds, "%s%s %u", k > 0 ? ", " : "",
                            cw_conflict_kind_to_string ((CwConflictKind) k), per_kind[k]);

  detail = g_strdup_printf ("cw_schedule_conflicts() over the year, read-only connection: %u conflicts"
                            " (%u errors, %u warnings) involving %u planned works",
                            conflicts->len, n_errors, n_warnings, g_hash_table_size (works));
  ok = cw_bench_report ("conflicts", FIGURE_WIDTH, times, CONFLICTS_TARGET_MS, detail);
  cpu = spread (cpu_times);
  printf ("    by kind: %s\n", kinds->str);
  printf ("    CPU time of the thread: %s\n", cpu);

  return ok;
}

/* For information: every window's occurrences over the year. */
static void
time_occurrences (CwStore *store,
                  gint64   from,
                  gint64   to,
                  guint    runs)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *detail = NULL;
  guint n = 0;

  for (guint i = 0; i <= runs; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) occurrences = NULL;
      gint64 t0 = g_get_monotonic_time ();
      double ms;

      occurrences = cw_schedule_list_occurrences (store, from, to, &error);
      ms = cw_bench_ms_since (t0, g_get_monotonic_time ());
      if (occurrences == NULL)
        cw_bench_fail ("cw_schedule_list_occurrences() failed: %s", error->message);
      n = occurrences->len;
      if (i > 0)
        g_array_append_val (times, ms);
    }

  detail = g_strdup_printf ("cw_schedule_list_occurrences() over the year: %u occurrences", n);
  cw_bench_report ("occurrences", FIGURE_WIDTH, times, 0, detail);
}

/* ---- frames --------------------------------------------------------------- */

static void
on_before_paint_cb (GdkFrameClock *frame_clock,
                    gpointer       user_data)
{
  if (!frame.painted && frame.t0 != 0 && frame.t_before_paint == 0)
    frame.t_before_paint = g_get_monotonic_time ();
}

static void
on_after_paint_cb (GdkFrameClock *frame_clock,
                   gpointer       user_data)
{
  if (!frame.painted && frame.t0 != 0)
    {
      frame.painted = TRUE;
      frame.t_painted = g_get_monotonic_time ();
      frame.cpu_painted = thread_cpu_time ();
    }
}

static gboolean
on_frame_timeout_cb (gpointer user_data)
{
  cw_bench_fail ("no frame within %d ms", FRAME_TIMEOUT_MS);
}

static gboolean
on_settled_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;

  return G_SOURCE_REMOVE;
}

/* Lets the main loop idle, so that the next frame is not held back by the
 * frame clock's pacing. */
static void
settle (void)
{
  gboolean settled = FALSE;

  g_timeout_add (SETTLE_MS, on_settled_cb, &settled);
  while (!settled)
    g_main_context_iteration (NULL, TRUE);
}

typedef struct
{
  double total;   /* from before @change to the after-paint */
  double sync;    /* @change itself */
  double wait;    /* from its return to the frame's before-paint */
  double paint;   /* before-paint to after-paint */
  double cpu;     /* this thread's CPU time over @total */
} FrameTime;

/* Runs @change, then the main loop to the end of the next frame. */
static FrameTime
time_to_frame (GtkWidget *widget,
               void     (*change) (GtkWidget *widget, gpointer data),
               gpointer   data)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  guint timeout = g_timeout_add (FRAME_TIMEOUT_MS, on_frame_timeout_cb, NULL);
  FrameTime result;
  gint64 t_sync;
  gint64 cpu0;

  frame.painted = FALSE;
  frame.t_before_paint = 0;
  cpu0 = thread_cpu_time ();
  frame.t0 = g_get_monotonic_time ();
  change (widget, data);
  t_sync = g_get_monotonic_time ();
  /* A frame even if nothing was queued: the measure ends at a paint. */
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
  while (!frame.painted)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout);

  result.total = cw_bench_ms_since (frame.t0, frame.t_painted);
  result.cpu = cw_bench_ms_since (cpu0, frame.cpu_painted);
  result.sync = cw_bench_ms_since (frame.t0, t_sync);
  result.wait = frame.t_before_paint != 0 ? cw_bench_ms_since (t_sync, frame.t_before_paint) : 0;
  result.paint = frame.t_before_paint != 0 ? cw_bench_ms_since (frame.t_before_paint, frame.t_painted) : 0;
  frame.t0 = 0;

  return result;
}

typedef struct
{
  guint32    julian;
  GPtrArray *items;
} Month;

static void
show_month (GtkWidget *widget,
            gpointer   data)
{
  const Month *month = data;

  cw_calendar_view_set_date (CW_CALENDAR_VIEW (widget), month->julian);
  cw_calendar_view_set_items (CW_CALENDAR_VIEW (widget), month->items);
}

static void
redraw (GtkWidget *widget,
        gpointer   data)
{
  gtk_widget_queue_draw (widget);
}

/* ---- 2. to 4. the month view ---------------------------------------------- */

static void
count_items (GPtrArray *items,
             guint     *n_windows,
             guint     *n_blackouts,
             guint     *n_works,
             guint     *n_conflicted)
{
  *n_windows = *n_blackouts = *n_works = *n_conflicted = 0;
  for (guint i = 0; i < items->len; i++)
    {
      CwCalendarItem *item = g_ptr_array_index (items, i);

      switch (item->kind)
        {
        case CW_CALENDAR_ITEM_WINDOW:
          (*n_windows)++;
          break;
        case CW_CALENDAR_ITEM_BLACKOUT:
          (*n_blackouts)++;
          break;
        case CW_CALENDAR_ITEM_WORK:
          (*n_works)++;
          *n_conflicted += item->n_errors + item->n_warnings > 0;
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

static gboolean
time_month_view (CwStore *store,
                 int      year,
                 int      month_number,
                 guint    runs)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (VIEW_ZONE);
  g_autoptr(GArray) load_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) draw_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) sync_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) wait_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) paint_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) redraw_cpu_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) redraw_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) no_items = g_ptr_array_new ();
  g_autoptr(GDateTime) noon = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *title = NULL;
  GtkWidget *view = cw_calendar_month_view_new ();
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  guint n_windows, n_blackouts, n_works, n_conflicted;
  Month busy, other;
  guint32 first;
  guint n_days;
  gint64 from, to;
  GDate date;
  gboolean ok;

  if (zone == NULL)
    cw_bench_fail ("no time zone %s on this system", VIEW_ZONE);

  /* The 15th of the busiest month, "today" in it; another four months away. */
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 15, (GDateMonth) month_number, (GDateYear) year);
  busy.julian = g_date_get_julian (&date);
  if (month_number <= 6)
    g_date_add_months (&date, 4);
  else
    g_date_subtract_months (&date, 4);
  other.julian = g_date_get_julian (&date);
  other.items = no_items;
  noon = g_date_time_new (zone, year, month_number, 15, 12, 0, 0);

  cw_calendar_view_set_time_zone (CW_CALENDAR_VIEW (view), zone);
  cw_calendar_view_set_now (CW_CALENDAR_VIEW (view), g_date_time_to_unix (noon));
  cw_calendar_view_set_date (CW_CALENDAR_VIEW (view), busy.julian);
  cw_calendar_view_get_days (CW_CALENDAR_VIEW (view), &first, &n_days);
  from = cw_calendar_day_start (zone, first);
  to = cw_calendar_day_start (zone, first + n_days);
  title = cw_calendar_view_dup_title (CW_CALENDAR_VIEW (view));

  /* 2. load */
  for (guint i = 0; i <= runs; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) loaded = NULL;
      gint64 t0 = g_get_monotonic_time ();
      double ms;

      loaded = cw_calendar_items_load (store, from, to, &error);
      ms = cw_bench_ms_since (t0, g_get_monotonic_time ());
      if (loaded == NULL)
        cw_bench_fail ("cw_calendar_items_load() failed: %s", error->message);
      if (i > 0)
        g_array_append_val (load_times, ms);
      g_clear_pointer (&items, g_ptr_array_unref);
      items = g_steal_pointer (&loaded);
    }
  busy.items = items;
  count_items (items, &n_windows, &n_blackouts, &n_works, &n_conflicted);
  printf ("  month view: %s (%s), the %u days shown: %u window occurrences, %u blackouts,"
          " %u planned works (%u with conflicts)\n",
          title, VIEW_ZONE, n_days, n_windows, n_blackouts, n_works, n_conflicted);
  cw_bench_report ("load", FIGURE_WIDTH, load_times, 0,
          "cw_calendar_items_load() of those days: occurrences, blackouts, planned work and"
          " their conflicts, as items");

  /* 3. draw */
  gtk_window_set_default_size (window, 1280, 800);
  gtk_window_set_child (window, view);
  gtk_window_present (window);
  while (!gtk_widget_get_mapped (view))
    g_main_context_iteration (NULL, TRUE);
  g_signal_connect (gtk_widget_get_frame_clock (view), "before-paint", G_CALLBACK (on_before_paint_cb), NULL);
  g_signal_connect (gtk_widget_get_frame_clock (view), "after-paint", G_CALLBACK (on_after_paint_cb), NULL);

  for (guint i = 0; i <= runs; i++)
    {
      FrameTime t;

      settle ();
      time_to_frame (view, show_month, &other);
      settle ();
      t = time_to_frame (view, show_month, &busy);
      if (i == 0)
        continue;
      g_array_append_val (draw_times, t.total);
      g_array_append_val (sync_times, t.sync);
      g_array_append_val (wait_times, t.wait);
      g_array_append_val (paint_times, t.paint);
      g_array_append_val (cpu_times, t.cpu);
    }
  detail = g_strdup_printf ("set_date() + set_items() to the end of the next frame (after-paint),"
                            " 1280 x 800, each run after another month; of which, medians:"
                            " the two calls %.1f ms, to the frame %.1f ms, the frame %.1f ms",
                            cw_bench_median (sync_times), cw_bench_median (wait_times), cw_bench_median (paint_times));
  ok = cw_bench_report ("draw", FIGURE_WIDTH, draw_times, DRAW_TARGET_MS, detail);
  g_free (detail);
  detail = spread (cpu_times);
  printf ("    CPU time of the thread: %s (the X server's share of the frame not counted)\n", detail);

  /* 4. redraw */
  for (guint i = 0; i <= runs; i++)
    {
      FrameTime t;

      settle ();
      t = time_to_frame (view, redraw, NULL);
      if (i > 0)
        {
          g_array_append_val (redraw_times, t.total);
          g_array_append_val (redraw_cpu_times, t.cpu);
        }
    }
  cw_bench_report ("redraw", FIGURE_WIDTH, redraw_times, 0, "gtk_widget_queue_draw() on the month laid out, to the end of the next frame");
  g_free (detail);
  detail = spread (redraw_cpu_times);
  printf ("    CPU time of the thread: %s\n", detail);
  printf ("  load + draw: %.1f ms (the sum of the medians: moving to that month in the page)\n",
          cw_bench_median (load_times) + cw_bench_median (draw_times));

  g_signal_handlers_disconnect_by_func (gtk_widget_get_frame_clock (view), on_before_paint_cb, NULL);
  g_signal_handlers_disconnect_by_func (gtk_widget_get_frame_clock (view), on_after_paint_cb, NULL);
  gtk_window_destroy (window);

  return ok;
}

/* ---- main ----------------------------------------------------------------- */

static void
load_style (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  (void) cw_ui_get_resource ();
  gtk_css_provider_load_from_resource (provider, "/io/github/changeward/Changeward/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CwStore) store = NULL;
  g_autoptr(CwClock) clock = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) year_start = NULL;
  g_autoptr(GDateTime) year_end = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  CwBenchCalendarData data;
  CwDemoOptions options;
  int n_cis = 100000, n_windows = 2000, n_works = 5000, year = 2027, runs = 9;
  gint64 t0, t_demo, t_calendar, from, to;
  double load[1];
  gboolean ok = TRUE;
  GOptionEntry entries[] = {
    { "dir", 0, 0, G_OPTION_ARG_FILENAME, &dir, "Where the workspace goes (must exist)", "DIR" },
    { "cis", 0, 0, G_OPTION_ARG_INT, &n_cis, "CIs of the demo workspace (default 100000)", "N" },
    { "windows", 0, 0, G_OPTION_ARG_INT, &n_windows, "Maintenance windows (default 2000)", "N" },
    { "works", 0, 0, G_OPTION_ARG_INT, &n_works, "Planned works in the year (default 5000)", "N" },
    { "year", 0, 0, G_OPTION_ARG_INT, &year, "The year (default 2027)", "YEAR" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Timed runs of each figure (default 9)", "N" },
    { NULL }
  };

  setlocale (LC_ALL, "");
  context = g_option_context_new ("- time the conflicts of a year and the month view");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    cw_bench_fail ("%s", error->message);
  if (dir == NULL || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    cw_bench_fail ("--dir must name an existing folder");
  if (n_cis < 1000 || n_cis > CW_DEMO_MAX_CIS || n_windows < 1 || n_works < 1 || runs < 1 ||
      year < 2000 || year > 2100)
    cw_bench_fail ("need --cis between 1000 and %d, --windows, --works and --runs >= 1, a --year from 2000 to 2100",
          CW_DEMO_MAX_CIS);

  /* The workspace: the demo's inventory, then the calendar. */
  path = g_build_filename (dir, "calendar.cw", NULL);
  now = g_date_time_new_utc (year - 1, 11, 2, 9, 0, 0);
  clock = cw_clock_new_fake (now);
  cw_demo_options_init (&options);
  options.n_cis = (guint) n_cis;
  t0 = g_get_monotonic_time ();
  if (!cw_demo_create (path, &options, clock, NULL, &error))
    cw_bench_fail ("cannot make the demo workspace: %s", error->message);
  t_demo = g_get_monotonic_time ();
  store = cw_store_open (path, CW_STORE_OPEN_DEFAULT, &error);
  if (store == NULL ||
      !cw_bench_calendar_generate (store, year, (guint) n_windows, (guint) n_works, SEED, &data, &error))
    cw_bench_fail ("cannot make the calendar: %s", error->message);
  g_clear_object (&store);
  t_calendar = g_get_monotonic_time ();

  if (getloadavg (load, 1) < 1)
    load[0] = -1;
  printf ("calendar: %d, %d timed runs of each figure after a warm-up; %u CPUs, load average %.2f"
          " (setup, untimed: demo %.1f s, calendar %.1f s)\n", year, runs, g_get_num_processors (), load[0],
          cw_bench_ms_since (t0, t_demo) / 1000, cw_bench_ms_since (t_demo, t_calendar) / 1000);
  printf ("  inventory: %u CIs over %u sites (the demo's), %u runs-on / part-of relations\n",
          data.n_cis, data.n_sites, data.n_relations);
  printf ("  windows: %u (%u by site, %u by class, %u by lists of %u CIs in all), %u occurrences in the year;\n"
          "    %u weekly, %u monthly by weekday, %u monthly by date, %u daily, %u by libical's iterator,"
          " %u once;\n"
          "    %u with COUNT or UNTIL, %u with %u EXDATEs, %u with a moved or cancelled occurrence,"
          " %u with a limit on concurrent changes\n",
          data.n_windows, data.n_site_windows, data.n_class_windows, data.n_list_windows, data.n_listed_cis,
          data.n_occurrences, data.n_weekly, data.n_monthly_by_day, data.n_monthly_by_date, data.n_daily,
          data.n_iterated, data.n_once, data.n_bounded, data.n_with_exdates, data.n_exdates,
          data.n_with_overrides, data.n_limited);
  printf ("  blackouts: %u (%u block, %u warn), the year-end freezes included\n",
          data.n_blackouts, data.n_block, data.n_warn);
  printf ("  planned works: %u on %u CIs in all: %u in a window (%u of them running past its end),"
          " %u anywhere,\n"
          "    %u at the time of another on a related CI, %u in a blackout; %u with one of %u runbooks,"
          " assignees from %u\n",
          data.n_works, data.n_work_cis, data.n_in_window, data.n_overrunning, data.n_anywhere,
          data.n_overlapping, data.n_in_blackout, data.n_with_runbook, data.n_runbooks, data.n_assignees);
  fflush (stdout);

  store = cw_store_open (path, CW_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL)
    cw_bench_fail ("cannot open %s read-only: %s", path, error->message);
  year_start = g_date_time_new_utc (year, 1, 1, 0, 0, 0);
  year_end = g_date_time_new_utc (year + 1, 1, 1, 0, 0, 0);
  from = g_date_time_to_unix (year_start);
  to = g_date_time_to_unix (year_end);

  ok &= time_conflicts (store, from, to, (guint) runs);
  time_occurrences (store, from, to, (guint) runs);

  gtk_init ();
  adw_init ();
  load_style ();
  printf ("  busiest month: %d-%02d, %u planned works starting in it\n",
          year, data.busiest_month, data.busiest_month_works);
  ok &= time_month_view (store, year, data.busiest_month, (guint) runs);

  return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}
