/* cw-bench-inventory.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The in-process half of `build-aux/bench.sh inventory`. It runs the real
 * application (CwApplication from the changeward-ui library, started with
 * `--workspace PATH` like `changeward`), which opens the main window on the
 * Inventory pane when GSettings' last-pane is 'inventory' (bench.sh sees to
 * that), and then:
 *
 *   --first-rows   exits with status 0 at the first frame (GdkFrameClock
 *                  after-paint) that follows the first results shown in the
 *                  pane; bench.sh times the process from start to there.
 *   (default)      after that frame, types a scripted sequence of keystrokes
 *                  into the pane's search entry, clears it, then sorts by
 *                  every visible column, ascending then descending, and times
 *                  each step from the change to the first after-paint that
 *                  follows the pane's "results shown" moment.
 *
 * "Results shown" is the pane's test hook (cw-inventory-page-private.h): its
 * "busy" property is TRUE from a change of the search, filters or sort until
 * the result is in the list, and turns FALSE then. A keystroke is the text
 * change itself (gtk_editable_insert_text() or _delete_text() at the end of
 * the entry); GTK 4 cannot inject a key event, and X11's XTest would only add
 * the X server's round trip.
 *
 * Either way it writes its figures as JSON to --output FILE. Nothing here is
 * a test: it only measures.
 */

#define G_LOG_DOMAIN "cw-bench-inventory"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cw-application.h"
#include "cw-bench-support.h"
#include "cw-inventory-columns.h"
#include "cw-inventory-page-private.h"
#include "cw-window.h"

/* The longest any one step may take before the run is given up. */
#define STEP_TIMEOUT_MS 20000
/* A typist's pause between two keystrokes, after the rows of the first one
 * are shown. */
#define KEY_PAUSE_MS 100

/* The scripted typing: each entry is one keystroke; "\b" is Backspace.
 * A host name prefix typed, then taken back one key at a time down to
 * nothing (the whole inventory again), then a model and a version: one-
 * character prefixes ("f", "c"), a separator, a space between two words. */
static const char * const keystrokes[] = {
  "f", "r", "a", "1", "-", "s", "w",           /* fra1-sw */
  "\b", "\b", "\b", "\b", "\b", "\b", "\b",    /* ... back to nothing */
  "c", "a", "t", " ", "1", "7",                /* cat 17 */
};
G_STATIC_ASSERT (G_N_ELEMENTS (keystrokes) == 20);

typedef enum
{
  MODE_INTERACTIVE,
  MODE_FIRST_ROWS,
} Mode;

typedef struct
{
  Mode            mode;
  char           *output;
  char           *workspace;

  CwWindow        *window;
  CwInventoryPage *page;
  GtkColumnView   *view;
  GtkEditable     *entry;
  GdkFrameClock   *frame_clock;

  gint64          t_main;
  gint64          t_first_frame;
  gint64          t_first_rows;
  guint           n_first_rows;
  gint64          rss_first_frame_kb;
  gint64          hwm_first_frame_kb;
  gint64          rss_first_rows_kb;
  gint64          hwm_first_rows_kb;

  /* The step being timed (started): the pane went busy with the change
   * (busy, at t_busy), its list model got the new ids (t_items), it showed
   * them (shown, at t_shown), then a frame was painted (painted, at
   * t_painted). */
  gboolean        started;
  gboolean        busy;
  gboolean        shown;
  gboolean        painted;
  gint64          t_busy;
  gint64          t_items;
  gint64          t_shown;
  gint64          t_painted;
} Bench;

static Bench bench;

/* VmRSS and VmHWM of this process, in kB. */
static void
read_rss (gint64 *rss_kb,
          gint64 *hwm_kb)
{
  g_autofree char *status = NULL;

  *rss_kb = *hwm_kb = -1;
  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return;

  for (char *line = status; line != NULL && *line != '\0';)
    {
      char *next = strchr (line, '\n');

      if (g_str_has_prefix (line, "VmRSS:"))
        *rss_kb = g_ascii_strtoll (line + 6, NULL, 10);
      else if (g_str_has_prefix (line, "VmHWM:"))
        *hwm_kb = g_ascii_strtoll (line + 6, NULL, 10);
      line = next != NULL ? next + 1 : NULL;
    }
}

static void
write_output (const char *json)
{
  g_autoptr(GError) error = NULL;

  if (!g_file_set_contents (bench.output, json, -1, &error))
    cw_bench_fail ("cannot write %s: %s", bench.output, error->message);
}

/* ---- waiting ------------------------------------------------------------- */

static gboolean
on_timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Iterates the main loop until *flag is set; FALSE after @timeout_ms. */
static gboolean
wait_for (const gboolean *flag,
          guint           timeout_ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (timeout_ms, on_timeout_cb, &timed_out);

  while (!*flag && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);
  return *flag;
}

static void
pause_ms (guint ms)
{
  gboolean done = FALSE;

  wait_for (&done, ms);
}

/* ---- the pane ------------------------------------------------------------ */

/* The moment the pane has put new results into its list: its "busy"
 * property, TRUE from a change of the search, filters or sort until the
 * result shows, turns FALSE. */
static void
results_shown (void)
{
  if (!bench.started || bench.shown)
    return;

  bench.shown = TRUE;
  bench.t_shown = g_get_monotonic_time ();
  /* The change has queued a frame already; asking for the paint phase makes
   * sure one comes even if nothing visible changed, and costs nothing when
   * the frame is coming anyway. */
  gdk_frame_clock_request_phase (bench.frame_clock, GDK_FRAME_CLOCK_PHASE_PAINT);
}

/* The pane's list model announces the new ids. An emission hook runs before
 * any handler (GTK's included), so this is when the result reached the main
 * thread, before GTK and the pane have done anything with it. */
static gboolean
items_changed_hook (GSignalInvocationHint *hint,
                    guint                  n_params,
                    const GValue          *params,
                    gpointer               user_data)
{
  if (bench.page != NULL && bench.started && bench.t_items == 0 &&
      g_value_get_object (&params[0]) == (gpointer) bench.page->model)
    bench.t_items = g_get_monotonic_time ();

  return TRUE;
}

static void
on_busy_notify_cb (GObject    *object,
                   GParamSpec *pspec,
                   gpointer    user_data)
{
  if (cw_inventory_page_get_busy (bench.page))
    {
      if (bench.started && !bench.busy)
        bench.t_busy = g_get_monotonic_time ();
      bench.busy = TRUE;
    }
  else if (bench.busy)
    results_shown ();
}

static guint
n_rows (void)
{
  return cw_inventory_page_get_n_results (bench.page);
}

/* ---- timing steps -------------------------------------------------------- */

static void
on_after_paint_cb (GdkFrameClock *frame_clock,
                   gpointer       user_data)
{
  gint64 now = g_get_monotonic_time ();

  if (bench.t_first_frame == 0)
    {
      bench.t_first_frame = now;
      read_rss (&bench.rss_first_frame_kb, &bench.hwm_first_frame_kb);
    }

  if (bench.shown && !bench.painted)
    {
      bench.painted = TRUE;
      bench.t_painted = now;
    }
}

static void
step_begin (void)
{
  bench.busy = FALSE;
  bench.t_busy = 0;
  bench.t_items = 0;
  bench.shown = FALSE;
  bench.painted = FALSE;
  bench.started = TRUE;
}

/* Milliseconds from @t0 to the frame after the results, or -1 on a time-out. */
static double
step_end (gint64 t0)
{
  gboolean ok = wait_for (&bench.painted, STEP_TIMEOUT_MS);

  bench.started = FALSE;
  return ok ? cw_bench_ms_since (t0, bench.t_painted) : -1.0;
}

/* Where the time of the last step went: from the change to the pane's going
 * busy (a search entry's delay would be here); from there to the new ids
 * reaching the list model on the main thread (the query on the worker
 * thread); from there to the pane's showing them (GTK's handling of the
 * model change, the selection, scrolling, the count); then to the frame. */
static void
append_breakdown (GString *json,
                  gint64   t0)
{
  gint64 t_busy = bench.t_busy != 0 ? bench.t_busy : t0;
  gint64 t_items = bench.t_items != 0 ? bench.t_items : bench.t_shown;

  g_string_append_printf (json, ", \"to_busy_ms\": %.3f, \"query_ms\": %.3f, "
                          "\"apply_ms\": %.3f, \"frame_ms\": %.3f",
                          cw_bench_ms_since (t0, t_busy), cw_bench_ms_since (t_busy, t_items),
                          cw_bench_ms_since (t_items, bench.t_shown),
                          cw_bench_ms_since (bench.t_shown, bench.t_painted));
}

static char *
json_string (const char *text)
{
  GString *out = g_string_new ("\"");

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_printf (out, "\\%c", *p);
      else if ((guchar) *p < 0x20)
        g_string_append_printf (out, "\\u%04x", *p);
      else
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
  return g_string_free (out, FALSE);
}

static void
type_key (const char *key)
{
  int end = g_utf8_strlen (gtk_editable_get_text (bench.entry), -1);

  if (g_str_equal (key, "\b"))
    gtk_editable_delete_text (bench.entry, end - 1, end);
  else
    {
      int position = end;

      gtk_editable_insert_text (bench.entry, key, -1, &position);
      gtk_editable_set_position (bench.entry, position);
    }
}

/* FALSE when a keystroke got no results within STEP_TIMEOUT_MS. */
static gboolean
run_keystrokes (GString *json)
{
  g_string_append (json, "  \"keystrokes\": [\n");

  for (guint i = 0; i < G_N_ELEMENTS (keystrokes); i++)
    {
      g_autofree char *text = NULL;
      g_autofree char *key = NULL;
      gint64 t0;
      double ms;

      pause_ms (KEY_PAUSE_MS);
      step_begin ();
      t0 = g_get_monotonic_time ();
      type_key (keystrokes[i]);
      ms = step_end (t0);

      text = json_string (gtk_editable_get_text (bench.entry));
      key = json_string (g_str_equal (keystrokes[i], "\b") ? "Backspace" : keystrokes[i]);
      g_string_append_printf (json, "    {\"key\": %s, \"text\": %s, \"ms\": %.3f, \"rows\": %u",
                              key, text, ms, n_rows ());
      if (ms < 0)
        {
          g_string_append (json, "}\n  ],\n");
          return FALSE;
        }
      append_breakdown (json, t0);
      g_string_append_printf (json, "}%s\n", i + 1 < G_N_ELEMENTS (keystrokes) ? "," : "");
    }

  g_string_append (json, "  ],\n");
  return TRUE;
}

static void
run_sorts (GString *json)
{
  GListModel *columns = gtk_column_view_get_columns (bench.view);
  guint n = g_list_model_get_n_items (columns);
  g_autoptr(GPtrArray) sortable = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean first = TRUE;
  CwCiField sorted_by;
  gboolean descending;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (gtk_column_view_column_get_visible (column) &&
          gtk_column_view_column_get_sorter (column) != NULL)
        g_ptr_array_add (sortable, g_steal_pointer (&column));
    }

  /* Sorting by the column the list is sorted by already, in the same order,
   * would change nothing: that column comes last. */
  if (cw_inventory_columns_get_sort (bench.view, &sorted_by, &descending))
    {
      for (guint i = 0; i + 1 < sortable->len; i++)
        if (cw_inventory_columns_get_field (g_ptr_array_index (sortable, i)) == sorted_by)
          {
            gpointer column = g_ptr_array_steal_index (sortable, i);
            g_ptr_array_add (sortable, column);
            break;
          }
    }

  g_string_append (json, "  \"sorts\": [\n");
  for (guint i = 0; i < sortable->len; i++)
    {
      GtkColumnViewColumn *column = g_ptr_array_index (sortable, i);
      g_autofree char *title = json_string (gtk_column_view_column_get_title (column));

      for (int d = 0; d < 2; d++)
        {
          GtkSortType order = d == 0 ? GTK_SORT_ASCENDING : GTK_SORT_DESCENDING;
          gint64 t0;
          double ms;

          pause_ms (KEY_PAUSE_MS);
          step_begin ();
          t0 = g_get_monotonic_time ();
          gtk_column_view_sort_by_column (bench.view, column, order);
          ms = step_end (t0);

          g_string_append_printf (json, "%s    {\"column\": %s, \"order\": \"%s\", \"ms\": %.3f, \"rows\": %u",
                                  first ? "" : ",\n", title,
                                  d == 0 ? "ascending" : "descending", ms, n_rows ());
          first = FALSE;
          if (ms < 0)
            {
              g_string_append (json, "}\n  ],\n");
              return;
            }
          append_breakdown (json, t0);
          g_string_append_c (json, '}');
        }
    }
  g_string_append (json, "\n  ],\n");
}

static gboolean
run_script_cb (gpointer user_data)
{
  g_autoptr(GString) json = g_string_new ("{\n");
  gint64 t0;
  double ms;

  g_string_append_printf (json, "  \"first_frame_ms\": %.3f,\n",
                          cw_bench_ms_since (bench.t_main, bench.t_first_frame));
  g_string_append_printf (json, "  \"first_rows_ms\": %.3f,\n",
                          cw_bench_ms_since (bench.t_main, bench.t_first_rows));
  g_string_append_printf (json, "  \"first_rows\": %u,\n", bench.n_first_rows);
  g_string_append_printf (json, "  \"rss_first_frame_kb\": %" G_GINT64_FORMAT ",\n",
                          bench.rss_first_frame_kb);
  g_string_append_printf (json, "  \"hwm_first_frame_kb\": %" G_GINT64_FORMAT ",\n",
                          bench.hwm_first_frame_kb);
  g_string_append_printf (json, "  \"rss_first_rows_kb\": %" G_GINT64_FORMAT ",\n",
                          bench.rss_first_rows_kb);
  g_string_append_printf (json, "  \"hwm_first_rows_kb\": %" G_GINT64_FORMAT ",\n",
                          bench.hwm_first_rows_kb);

  if (!run_keystrokes (json))
    goto stuck;

  /* Sorts are timed over the whole inventory, not over the last search. */
  if (gtk_editable_get_text (bench.entry)[0] != '\0')
    {
      step_begin ();
      t0 = g_get_monotonic_time ();
      gtk_editable_set_text (bench.entry, "");
      ms = step_end (t0);
      g_string_append_printf (json, "  \"clear_ms\": %.3f,\n", ms);
      if (ms < 0)
        goto stuck;
    }

  g_string_append_printf (json, "  \"sorts_after_first_rows_ms\": %.3f,\n",
                          cw_bench_ms_since (bench.t_first_rows, g_get_monotonic_time ()));
  run_sorts (json);
  g_string_append (json, "  \"stuck\": false,\n");
  goto done;

stuck:
  /* The pane stopped answering: what follows would time out too. */
  g_string_append (json, "  \"sorts\": [],\n  \"stuck\": true,\n");

done:
  g_string_append_printf (json, "  \"rows\": %u\n}\n", n_rows ());
  write_output (json->str);

  /* No teardown: only the figures matter. */
  _exit (0);
  return G_SOURCE_REMOVE;
}

/* The first frame after the first results: the pane is usable. */
static void
on_first_rows_painted_cb (GdkFrameClock *frame_clock,
                          gpointer       user_data)
{
  g_autofree char *json = NULL;

  if (!bench.painted)
    return;

  g_signal_handlers_disconnect_by_func (frame_clock, on_first_rows_painted_cb, user_data);
  bench.started = FALSE;
  bench.t_first_rows = bench.t_painted;
  bench.n_first_rows = n_rows ();
  read_rss (&bench.rss_first_rows_kb, &bench.hwm_first_rows_kb);

  if (bench.mode == MODE_FIRST_ROWS)
    {
      json = g_strdup_printf ("{\"first_frame_ms\": %.3f, \"first_rows_ms\": %.3f, "
                              "\"first_rows\": %u, \"rss_first_rows_kb\": %" G_GINT64_FORMAT
                              ", \"hwm_first_rows_kb\": %" G_GINT64_FORMAT "}\n",
                              cw_bench_ms_since (bench.t_main, bench.t_first_frame),
                              cw_bench_ms_since (bench.t_main, bench.t_first_rows), bench.n_first_rows,
                              bench.rss_first_rows_kb, bench.hwm_first_rows_kb);
      write_output (json);
      _exit (0);
    }

  g_idle_add (run_script_cb, NULL);
}

static void
on_window_realize_cb (GtkWidget *widget,
                      gpointer   user_data)
{
  const char *pane;

  bench.frame_clock = gtk_widget_get_frame_clock (widget);
  g_signal_connect (bench.frame_clock, "after-paint", G_CALLBACK (on_after_paint_cb), NULL);
  /* Connected after on_after_paint_cb, so it sees this frame's "painted". */
  g_signal_connect (bench.frame_clock, "after-paint", G_CALLBACK (on_first_rows_painted_cb), NULL);

  if (cw_window_get_context (bench.window) == NULL)
    cw_bench_fail ("the window shows an error instead of the workspace %s", bench.workspace);

  pane = cw_window_get_visible_pane (bench.window);
  if (g_strcmp0 (pane, "inventory") != 0)
    cw_bench_fail ("the window opened on the '%s' pane, not on 'inventory' "
          "(GSettings last-pane must be 'inventory')", pane);

  bench.page = CW_INVENTORY_PAGE (cw_window_get_pane (bench.window, "inventory"));
  bench.view = cw_inventory_page_get_column_view (bench.page);
  bench.entry = GTK_EDITABLE (cw_inventory_page_get_search_entry (bench.page));

  /* Times the first results like any other step; the pane has started its
   * first query when it was built. */
  g_signal_connect (bench.page, "notify::busy", G_CALLBACK (on_busy_notify_cb), NULL);
  step_begin ();
  bench.busy = cw_inventory_page_get_busy (bench.page);
  if (!bench.busy)
    results_shown ();
}

static void
on_window_added_cb (GtkApplication *app,
                    GtkWindow      *window,
                    gpointer        user_data)
{
  if (!CW_IS_WINDOW (window) || bench.window != NULL)
    return;

  bench.window = CW_WINDOW (window);
  /* The window is built, but not yet shown on a pane: wait for realize. */
  g_signal_connect (window, "realize", G_CALLBACK (on_window_realize_cb), NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CwApplication) app = NULL;
  gboolean first_rows = FALSE;
  const GOptionEntry entries[] = {
    { "workspace", 0, 0, G_OPTION_ARG_FILENAME, &bench.workspace, "The workspace", "PATH" },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &bench.output, "Where to write the JSON figures", "FILE" },
    { "first-rows", 0, 0, G_OPTION_ARG_NONE, &first_rows,
      "Exit at the first frame after the first rows are shown", NULL },
    { NULL }
  };
  char *app_argv[4];

  bench.t_main = g_get_monotonic_time ();

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  context = g_option_context_new ("- time the Inventory pane");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    cw_bench_fail ("%s", error->message);
  if (bench.workspace == NULL || bench.output == NULL)
    cw_bench_fail ("--workspace and --output are required");
  bench.mode = first_rows ? MODE_FIRST_ROWS : MODE_INTERACTIVE;

  /* The same application as `changeward --workspace PATH`. */
  app = cw_application_new (G_APPLICATION_DEFAULT_FLAGS);
  /* The interface's signals exist once its default vtable does. */
  g_type_default_interface_ref (G_TYPE_LIST_MODEL);
  g_signal_add_emission_hook (g_signal_lookup ("items-changed", G_TYPE_LIST_MODEL), 0,
                              items_changed_hook, NULL, NULL);
  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added_cb), NULL);

  app_argv[0] = argv[0];
  app_argv[1] = (char *) "--workspace";
  app_argv[2] = bench.workspace;
  app_argv[3] = NULL;

  g_application_run (G_APPLICATION (app), 3, app_argv);
  cw_bench_fail ("the application quit before the benchmark was done");
}
