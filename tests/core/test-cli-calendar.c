/* test-cli-calendar.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-cli-calendar"

#include "config.h"

#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>

#include "cw-runbook-store.h"
#include "cw-schedule.h"
#include "cw-store-private.h"
#include "cw-test-fixture.h"

/* `changeward-cli calendar import|export|occurrences|conflicts|slots`
 * through the real binary, on temporary workspaces, with the sample files
 * of test-ics.c. Instants are worked out by GLib from ISO 8601 texts. */

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static char *tmpdir;

#define run_cli(run, ...) run_cli_v (run, (const char * const[]) { __VA_ARGS__, NULL })

static void
run_cli_v (Run                *run,
           const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (argv, (gpointer) g_getenv ("CHANGEWARD_CLI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_unsetenv (launcher, "CHANGEWARD_WORKSPACE");
  g_subprocess_launcher_unsetenv (launcher, "G_MESSAGES_DEBUG");
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);

  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
  g_test_message ("exit %d\nstdout: %s\nstderr: %s", run->status, run->out, run->err);
}

static gint64
at (const char *iso)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (dt);
  return g_date_time_to_unix (dt);
}

static char *
sample (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "core", "samples", "ics", name, NULL);
}

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmpdir, name, NULL);
}

/* A new workspace with two sites and their CIs. */
static char *
make_workspace (const char *name)
{
  g_autoptr(CwStore) store = NULL;
  g_autoptr(GError) error = NULL;
  char *path = tmp_path (name);

  store = cw_store_open (path, CW_STORE_OPEN_CREATE_NEW, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (cw_store_get_handle (store),
                                 "INSERT INTO sites (code, name, time_zone) VALUES "
                                 "  ('FRA1', 'Frankfurt Data Centre', 'Europe/Berlin'),"
                                 "  ('SYD1', 'Sydney Alexandria', 'Australia/Sydney');"
                                 "INSERT INTO cis (class, name, site_id, updated_at) VALUES "
                                 "  ('switch', 'sw-fra1-0001', 1, '2026-01-01T00:00:00Z'),"
                                 "  ('switch', 'sw-fra1-0002', 1, '2026-01-01T00:00:00Z'),"
                                 "  ('router', 'rtr-syd1-0001', 2, '2026-01-01T00:00:00Z');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  return path;
}

/* ... with the Google sample's windows, for FRA1. */
static char *
workspace_with_windows (const char *name)
{
  g_autofree char *google = sample ("google.ics");
  g_auto(Run) run = { 0 };
  char *workspace = make_workspace (name);

  run_cli (&run, "calendar", "import", "--workspace", workspace, google, "--as", "maintenance",
           "--site", "FRA1");
  g_assert_cmpint (run.status, ==, 0);
  return workspace;
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

/* ---- import ------------------------------------------------------------------ */

static void
test_import (void)
{
  g_autofree char *workspace = make_workspace ("import.db");
  g_autofree char *google = sample ("google.ics");
  g_autofree char *expected = NULL;
  g_auto(Run) first = { 0 };
  g_auto(Run) again = { 0 };

  run_cli (&first, "calendar", "import", "--workspace", workspace, google, "--as", "maintenance",
           "--site", "FRA1");
  g_assert_cmpint (first.status, ==, 0);
  expected = g_strdup_printf ("Imported %s: 3 windows added, 0 updated; 0 blackouts added, "
                              "0 updated.\n1 cancelled event was skipped.\n", google);
  g_assert_cmpstr (first.out, ==, expected);
  g_assert_cmpint (cw_test_sql_int (workspace, "SELECT count(*) FROM maintenance_windows"), ==, 3);
  g_assert_cmpint (cw_test_sql_int (workspace, "SELECT count(*) FROM window_scope s JOIN sites t "
                                               "ON t.id = s.site_id WHERE t.code = 'FRA1'"), ==, 3);

  /* Again: updated by UID, not added twice. */
  run_cli (&again, "calendar", "import", "--workspace", workspace, google, "--as", "maintenance");
  g_assert_cmpint (again.status, ==, 0);
  g_assert_nonnull (strstr (again.out, ": 0 windows added, 3 updated;"));
  g_assert_cmpint (cw_test_sql_int (workspace, "SELECT count(*) FROM maintenance_windows"), ==, 3);
}

static void
test_import_blackouts (void)
{
  g_autofree char *workspace = make_workspace ("blackouts.db");
  g_autofree char *file = tmp_path ("freeze.ics");
  g_autofree char *sql = NULL;
  g_auto(Run) run = { 0 };
  const char *text =
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Example//Freezes//EN\r\n"
    "BEGIN:VEVENT\r\nUID:freeze@example.com\r\nSUMMARY:Year-end freeze\r\n"
    "DTSTART;VALUE=DATE:20261218\r\nDTEND;VALUE=DATE:20270105\r\nEND:VEVENT\r\n"
    "END:VCALENDAR\r\n";

  cw_test_write_bytes (file, text, strlen (text));
  run_cli (&run, "calendar", "import", "--workspace", workspace, file, "--as", "blackout",
           "--site", "FRA1", "--mode", "warn");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "0 windows added, 0 updated; 1 blackout added, 0 updated."));

  /* All day in the site's zone: Frankfurt's midnights. */
  sql = g_strdup_printf ("SELECT count(*) FROM blackouts WHERE mode = 'warn' AND all_day = 1 "
                         "AND tzid = 'Europe/Berlin' AND starts_at = %" G_GINT64_FORMAT
                         " AND ends_at = %" G_GINT64_FORMAT,
                         at ("2026-12-18T00:00:00+01:00"), at ("2027-01-05T00:00:00+01:00"));
  g_assert_cmpint (cw_test_sql_int (workspace, sql), ==, 1);
}

static void
test_import_errors (void)
{
  g_autofree char *workspace = make_workspace ("errors.db");
  g_autofree char *bad = sample ("malformed/bad-date.ics");
  g_autofree char *google = sample ("google.ics");
  g_autofree char *missing = tmp_path ("missing.db");
  g_autofree char *line = NULL;
  g_auto(Run) run = { 0 };
  g_auto(Run) no_as = { 0 };
  g_auto(Run) wrong_as = { 0 };
  g_auto(Run) mode = { 0 };
  g_auto(Run) site = { 0 };
  g_auto(Run) nowhere = { 0 };

  run_cli (&run, "calendar", "import", "--workspace", workspace, bad, "--as", "maintenance");
  g_assert_cmpint (run.status, ==, 1);
  line = g_strdup_printf ("%s: line 16 (VEVENT “Sunday window”): DTSTART “2026-13-01” is not "
                          "a valid date\n", bad);
  g_assert_nonnull (strstr (run.err, line));
  g_assert_true (g_str_has_suffix (run.err, "2 problems. Nothing was imported.\n"));
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpint (cw_test_sql_int (workspace, "SELECT count(*) FROM maintenance_windows"), ==, 0);

  run_cli (&no_as, "calendar", "import", "--workspace", workspace, google);
  g_assert_cmpint (no_as.status, ==, 2);
  g_assert_nonnull (strstr (no_as.err, "--as maintenance or --as blackout"));
  run_cli (&wrong_as, "calendar", "import", "--workspace", workspace, google, "--as", "freeze");
  g_assert_cmpint (wrong_as.status, ==, 2);
  run_cli (&mode, "calendar", "import", "--workspace", workspace, google, "--as", "maintenance",
           "--mode", "warn");
  g_assert_cmpint (mode.status, ==, 2);
  g_assert_nonnull (strstr (mode.err, "--mode is for blackouts"));

  run_cli (&site, "calendar", "import", "--workspace", workspace, google, "--as", "maintenance",
           "--site", "MUC9");
  g_assert_cmpint (site.status, ==, 1);
  g_assert_nonnull (strstr (site.err, "The workspace has no site “MUC9”."));
  g_assert_cmpint (cw_test_sql_int (workspace, "SELECT count(*) FROM maintenance_windows"), ==, 0);

  run_cli (&nowhere, "calendar", "import", "--workspace", missing, google, "--as", "maintenance");
  g_assert_cmpint (nowhere.status, ==, 1);
  g_assert_nonnull (strstr (nowhere.err, "There is no workspace at"));
}

/* ---- export -------------------------------------------------------------------- */

static void
test_export (void)
{
  g_autofree char *workspace = workspace_with_windows ("export.db");
  g_autofree char *output = tmp_path ("out.ics");
  g_autofree char *february = tmp_path ("february.ics");
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  g_auto(Run) all = { 0 };
  g_auto(Run) range = { 0 };
  g_auto(Run) half = { 0 };
  g_auto(Run) bad_date = { 0 };
  g_auto(Run) no_output = { 0 };

  run_cli (&all, "calendar", "export", "--workspace", workspace, "--output", output);
  g_assert_cmpint (all.status, ==, 0);
  expected = g_strdup_printf ("Exported 3 windows, 0 blackouts and 0 planned works to %s.\n",
                              output);
  g_assert_cmpstr (all.out, ==, expected);
  g_file_get_contents (output, &text, NULL, NULL);
  g_assert_true (g_str_has_prefix (text, "BEGIN:VCALENDAR\r\n"));
  g_assert_nonnull (strstr (text, "BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\n"));
  g_assert_nonnull (strstr (text, "UID:5q1t0b6h2v9k3m8n4p7r0s2u4w@google.com\r\n"));
  g_assert_nonnull (strstr (text, "X-CHANGEWARD-SITE:FRA1\r\n"));

  /* February: the two repeating windows, not the freeze in March. */
  run_cli (&range, "calendar", "export", "--workspace", workspace, "--from", "2026-02-01",
           "--to", "2026-02-28", "--output", february);
  g_assert_cmpint (range.status, ==, 0);
  g_assert_true (g_str_has_prefix (range.out, "Exported 2 windows, 0 blackouts"));

  run_cli (&half, "calendar", "export", "--workspace", workspace, "--from", "2026-02-01",
           "--output", february);
  g_assert_cmpint (half.status, ==, 2);
  run_cli (&bad_date, "calendar", "export", "--workspace", workspace, "--from", "2026-02-30",
           "--to", "2026-03-01", "--output", february);
  g_assert_cmpint (bad_date.status, ==, 2);
  g_assert_nonnull (strstr (bad_date.err, "--from takes a date like 2026-01-31"));
  run_cli (&no_output, "calendar", "export", "--workspace", workspace);
  g_assert_cmpint (no_output.status, ==, 2);
}

/* ---- occurrences ----------------------------------------------------------------- */

static void
test_occurrences (void)
{
  g_autofree char *workspace = workspace_with_windows ("occurrences.db");
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) moved_root = NULL;
  g_auto(Run) json = { 0 };
  g_auto(Run) text = { 0 };
  g_auto(Run) moved = { 0 };
  g_auto(Run) missing = { 0 };
  JsonArray *occurrences;
  JsonObject *first;
  const struct {
    const char *start;
    const char *window;
    const char *local;
  } expected[] = {
    { "2026-01-10T05:00:00Z", "Storage array window", "2026-01-10T06:00:00" },
    { "2026-01-10T22:00:00Z", "Saturday platform window", "2026-01-10T23:00:00" },
    { "2026-01-17T22:00:00Z", "Saturday platform window", "2026-01-17T23:00:00" },
  };

  run_cli (&json, "calendar", "occurrences", "--workspace", workspace, "--from", "2026-01-10",
           "--to", "2026-01-17", "--json");
  g_assert_cmpint (json.status, ==, 0);
  root = parse_json (json.out);
  occurrences = json_object_get_array_member (json_node_get_object (root), "occurrences");
  g_assert_cmpuint (json_array_get_length (occurrences), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      JsonObject *occurrence = json_array_get_object_element (occurrences, i);

      g_assert_cmpstr (json_object_get_string_member (occurrence, "start"), ==, expected[i].start);
      g_assert_cmpstr (json_object_get_string_member (occurrence, "window"), ==, expected[i].window);
      g_assert_cmpstr (json_object_get_string_member (occurrence, "local_start"), ==,
                       expected[i].local);
      g_assert_cmpstr (json_object_get_string_member (occurrence, "tzid"), ==, "Europe/Berlin");
      g_assert_false (json_object_get_boolean_member (occurrence, "moved"));
    }

  run_cli (&text, "calendar", "occurrences", "--workspace", workspace, "--from", "2026-01-10",
           "--to", "2026-01-10");
  g_assert_cmpint (text.status, ==, 0);
  g_assert_true (g_str_has_prefix (text.out, "Start (UTC)"));
  g_assert_nonnull (strstr (text.out, "\n2026-01-10 22:00  2026-01-11 02:00  "
                                      "2026-01-10 23:00 CET  Saturday platform window\n"));

  /* The moved one, an hour later. */
  run_cli (&moved, "calendar", "occurrences", "--workspace", workspace, "--from", "2026-01-31",
           "--to", "2026-02-01", "--json");
  g_assert_cmpint (moved.status, ==, 0);
  moved_root = parse_json (moved.out);
  occurrences = json_object_get_array_member (json_node_get_object (moved_root), "occurrences");
  g_assert_cmpuint (json_array_get_length (occurrences), ==, 1);
  first = json_array_get_object_element (occurrences, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "start"), ==, "2026-01-31T23:00:00Z");
  g_assert_cmpstr (json_object_get_string_member (first, "recurrence_id"), ==,
                   "2026-01-31T23:00:00");
  g_assert_true (json_object_get_boolean_member (first, "moved"));

  run_cli (&missing, "calendar", "occurrences", "--workspace", workspace, "--from", "2026-01-10");
  g_assert_cmpint (missing.status, ==, 2);
}

/* ---- conflicts and slots ---------------------------------------------------------- */

static void
add_work (const char *workspace,
          const char *title,
          const char *ci_name,
          const char *start,
          const char *end,
          const char *runbook,
          const char *assignee)
{
  g_autoptr(CwStore) store = NULL;
  g_autoptr(CwPlannedWork) work = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM cis WHERE name = '%s'", ci_name);

  store = cw_store_open (workspace, CW_STORE_OPEN_NO_CREATE, &error);
  g_assert_no_error (error);
  work = cw_planned_work_new (title, at (start), at (end));
  cw_planned_work_add_ci (work, cw_test_sql_int (workspace, sql));
  work->runbook_name = g_strdup (runbook);
  work->assignee = g_strdup (assignee);
  cw_schedule_add_work (store, work, &error);
  g_assert_no_error (error);
}

static void
add_runbook (const char *workspace)
{
  g_autoptr(CwStore) store = NULL;
  g_autoptr(CwRunbook) runbook = cw_runbook_new ("Switch upgrade");
  g_autoptr(GError) error = NULL;
  CwRunbookStep *step;

  store = cw_store_open (workspace, CW_STORE_OPEN_NO_CREATE, &error);
  g_assert_no_error (error);
  step = cw_runbook_step_new ("upgrade", CW_PHASE_EXECUTION, CW_STEP_MANUAL, "Upgrade");
  step->duration_min = 60;
  g_ptr_array_add (runbook->steps, step);
  step = cw_runbook_step_new ("downgrade", CW_PHASE_ROLLBACK, CW_STEP_MANUAL, "Downgrade");
  step->duration_min = 30;
  g_ptr_array_add (runbook->steps, step);
  cw_runbooks_import (store, runbook, &error);
  g_assert_no_error (error);
}

static void
test_conflicts (void)
{
  g_autofree char *clean = workspace_with_windows ("clean.db");
  g_autofree char *busy = workspace_with_windows ("busy.db");
  g_autoptr(JsonNode) root = NULL;
  g_auto(Run) none = { 0 };
  g_auto(Run) text = { 0 };
  g_auto(Run) json = { 0 };
  g_auto(Run) outside = { 0 };
  JsonObject *report;
  JsonObject *conflict;
  JsonArray *works;

  /* Inside the window, alone: nothing. */
  add_work (clean, "Upgrade one", "sw-fra1-0001", "2026-01-10T23:10:00+01:00",
            "2026-01-11T00:40:00+01:00", NULL, "ben.bauer");
  run_cli (&none, "calendar", "conflicts", "--workspace", clean);
  g_assert_cmpint (none.status, ==, 0);
  g_assert_cmpstr (none.out, ==, "No conflicts.\n");

  /* The same switch twice at once: an error, exit status 3. */
  add_work (busy, "Upgrade one", "sw-fra1-0001", "2026-01-10T23:10:00+01:00",
            "2026-01-11T00:40:00+01:00", NULL, "ben.bauer");
  add_work (busy, "Replace optics", "sw-fra1-0001", "2026-01-11T00:00:00+01:00",
            "2026-01-11T00:30:00+01:00", NULL, "carla.novak");
  run_cli (&text, "calendar", "conflicts", "--workspace", busy);
  g_assert_cmpint (text.status, ==, 3);
  g_assert_true (g_str_has_prefix (text.out, "error    ci-overlap  2026-01-10 23:00 – 23:30 UTC\n"));
  g_assert_nonnull (strstr (text.out, "  Planned work: “Upgrade one”, “Replace optics”\n"));
  g_assert_true (g_str_has_suffix (text.out, "1 conflict: 1 error, 0 warnings.\n"));

  run_cli (&json, "calendar", "conflicts", "--workspace", busy, "--from", "2026-01-10", "--to",
           "2026-01-11", "--json");
  g_assert_cmpint (json.status, ==, 3);
  root = parse_json (json.out);
  report = json_node_get_object (root);
  g_assert_cmpint (json_object_get_int_member (report, "errors"), ==, 1);
  g_assert_true (json_object_get_boolean_member (report, "blocked"));
  conflict = json_array_get_object_element (json_object_get_array_member (report, "conflicts"), 0);
  g_assert_cmpstr (json_object_get_string_member (conflict, "kind"), ==, "ci-overlap");
  g_assert_cmpstr (json_object_get_string_member (conflict, "severity"), ==, "error");
  g_assert_cmpstr (json_object_get_string_member (conflict, "start"), ==, "2026-01-10T23:00:00Z");
  works = json_object_get_array_member (conflict, "works");
  g_assert_cmpuint (json_array_get_length (works), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (works, 1),
                                                  "title"), ==, "Replace optics");
  g_assert_cmpstr (json_object_get_string_member (
                     json_array_get_object_element (json_object_get_array_member (conflict, "cis"), 0),
                     "name"), ==, "sw-fra1-0001");

  /* A range without the work: nothing. */
  run_cli (&outside, "calendar", "conflicts", "--workspace", busy, "--from", "2026-02-01", "--to",
           "2026-02-02");
  g_assert_cmpint (outside.status, ==, 0);
  g_assert_cmpstr (outside.out, ==, "No conflicts.\n");
}

static void
test_slots (void)
{
  g_autofree char *workspace = workspace_with_windows ("slots.db");
  g_autoptr(JsonNode) root = NULL;
  g_auto(Run) json = { 0 };
  g_auto(Run) text = { 0 };
  g_auto(Run) unknown = { 0 };
  g_auto(Run) bad_after = { 0 };
  g_auto(Run) no_runbook = { 0 };
  JsonArray *slots;
  /* Saturdays 23:00 in Berlin; the 24th is an EXDATE, the 31st moved an
   * hour later, the storage window (06:00, second Saturday) also holds the
   * 90 minutes the runbook needs. */
  const char * const expected[] = {
    "2026-01-10T05:00:00Z", "2026-01-10T22:00:00Z", "2026-01-17T22:00:00Z",
    "2026-01-31T23:00:00Z", "2026-02-14T05:00:00Z",
  };

  add_runbook (workspace);
  /* The second Saturday of February is taken on that switch. */
  add_work (workspace, "Busy", "sw-fra1-0001", "2026-02-14T23:00:00+01:00",
            "2026-02-15T03:00:00+01:00", NULL, NULL);

  run_cli (&json, "calendar", "slots", "--workspace", workspace, "--runbook", "Switch upgrade",
           "--ci", "sw-fra1-0001", "--after", "2026-01-10T00:00", "--json");
  g_assert_cmpint (json.status, ==, 0);
  root = parse_json (json.out);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (root), "window_needed_min"),
                   ==, 90);
  slots = json_object_get_array_member (json_node_get_object (root), "slots");
  g_assert_cmpuint (json_array_get_length (slots), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      JsonObject *slot = json_array_get_object_element (slots, i);

      g_assert_cmpstr (json_object_get_string_member (slot, "start"), ==, expected[i]);
      g_assert_cmpint (at (json_object_get_string_member (slot, "end")) -
                       at (json_object_get_string_member (slot, "start")), ==, 90 * 60);
    }

  /* An offset in --after: 23:30 in Berlin is after the Saturday window of
   * the 10th has started. */
  run_cli (&text, "calendar", "slots", "--workspace", workspace, "--runbook", "Switch upgrade",
           "--ci", "sw-fra1-0001", "--after", "2026-01-10T23:30:00+01:00");
  g_assert_cmpint (text.status, ==, 0);
  g_assert_true (g_str_has_prefix (text.out, "“Switch upgrade” needs a window of 90 minutes:\n"
                                             "1. 2026-01-10 22:30 – 2026-01-11 00:00 UTC "
                                             "(2026-01-10 23:30 CET) in “Saturday platform "
                                             "window”\n"));

  run_cli (&unknown, "calendar", "slots", "--workspace", workspace, "--runbook", "Switch upgrade",
           "--ci", "nope");
  g_assert_cmpint (unknown.status, ==, 1);
  g_assert_nonnull (strstr (unknown.err, "There is no configuration item named “nope”."));
  run_cli (&bad_after, "calendar", "slots", "--workspace", workspace, "--runbook",
           "Switch upgrade", "--ci", "sw-fra1-0001", "--after", "soon");
  g_assert_cmpint (bad_after.status, ==, 2);
  run_cli (&no_runbook, "calendar", "slots", "--workspace", workspace, "--ci", "sw-fra1-0001");
  g_assert_cmpint (no_runbook.status, ==, 2);
}

static void
test_help (void)
{
  g_auto(Run) group = { 0 };
  g_auto(Run) slots = { 0 };
  g_auto(Run) conflicts = { 0 };

  run_cli (&group, "calendar", "--help");
  g_assert_cmpint (group.status, ==, 0);
  for (guint i = 0; i < 5; i++)
    {
      const char *names[] = { "import", "export", "occurrences", "conflicts", "slots" };
      g_autofree char *line = g_strdup_printf ("\n  %s ", names[i]);

      g_assert_nonnull (strstr (group.out, line));
    }

  run_cli (&slots, "calendar", "slots", "--help");
  g_assert_cmpint (slots.status, ==, 0);
  g_assert_nonnull (strstr (slots.out, "UTC without one"));
  run_cli (&conflicts, "calendar", "conflicts", "--help");
  g_assert_nonnull (strstr (conflicts.out, "3 when an error-level conflict exists"));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmpdir = cw_test_make_tmpdir ();

  g_test_add_func ("/core/cli/calendar/import", test_import);
  g_test_add_func ("/core/cli/calendar/import-blackouts", test_import_blackouts);
  g_test_add_func ("/core/cli/calendar/import-errors", test_import_errors);
  g_test_add_func ("/core/cli/calendar/export", test_export);
  g_test_add_func ("/core/cli/calendar/occurrences", test_occurrences);
  g_test_add_func ("/core/cli/calendar/conflicts", test_conflicts);
  g_test_add_func ("/core/cli/calendar/slots", test_slots);
  g_test_add_func ("/core/cli/calendar/help", test_help);

  status = g_test_run ();
  cw_test_remove_tree (tmpdir);
  g_free (tmpdir);
  return status;
}
