/* test-cli-calendar.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-cli-calendar"

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "cw-runbook-store.h"
#include "cw-schedule.h"
#include "cw-test-fixture.h"

/* `changeward-cli calendar import|export|occurrences|conflicts|slots`
 * through the real binary, on temporary workspaces, with the sample files
 * of test-ics.c. Instants are worked out by GLib from ISO 8601 texts. */

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

/* A new workspace with two sites and their CIs. */
static char *
make_workspace (const char *name)
{
  return cw_test_make_workspace (name,
                                 "INSERT INTO sites (code, name, time_zone) VALUES "
                                 "  ('FRA1', 'Frankfurt Data Centre', 'Europe/Berlin'),"
                                 "  ('SYD1', 'Sydney Alexandria', 'Australia/Sydney');"
                                 "INSERT INTO cis (class, name, site_id, updated_at) VALUES "
                                 "  ('switch', 'sw-fra1-0001', 1, '2026-01-01T00:00:00Z'),"
                                 "  ('switch', 'sw-fra1-0002', 1, '2026-01-01T00:00:00Z'),"
                                 "  ('router', 'rtr-syd1-0001', 2, '2026-01-01T00:00:00Z');");
}

/* ... with the Google sample's windows, for FRA1. */
static char *
workspace_with_windows (const char *name)
{
  g_autofree char *google = sample ("google.ics");
  g_auto(CwTestRun) run = { 0 };
  char *workspace = make_workspace (name);

  cw_test_cli_run (&run, "calendar", "import", "--workspace", workspace, google, "--as",
                   "maintenance", "--site", "FRA1");
  g_assert_cmpint (run.status, ==, 0);
  return workspace;
}

/* ---- import ------------------------------------------------------------------ */

static void
test_import (void)
{
  g_autofree char *workspace = make_workspace ("import.db");
  g_autofree char *google = sample ("google.ics");
  g_autofree char *expected = NULL;
  g_auto(CwTestRun) first = { 0 };
  g_auto(CwTestRun) again = { 0 };

  cw_test_cli_run (&first, "calendar", "import", "--workspace", workspace, google, "--as",
                   "maintenance", "--site", "FRA1");
  g_assert_cmpint (first.status, ==, 0);
  expected = g_strdup_printf ("Imported %s: 3 windows added, 0 updated; 0 blackouts added, "
                              "0 updated.\n1 cancelled event was skipped.\n", google);
  g_assert_cmpstr (first.out, ==, expected);
  g_assert_cmpint (cw_test_sql_int (workspace, "SELECT count(*) FROM maintenance_windows"), ==, 3);
  g_assert_cmpint (cw_test_sql_int (workspace, "SELECT count(*) FROM window_scope s JOIN sites t "
                                               "ON t.id = s.site_id WHERE t.code = 'FRA1'"), ==, 3);

  /* Again: updated by UID, not added twice. */
  cw_test_cli_run (&again, "calendar", "import", "--workspace", workspace, google, "--as",
                   "maintenance");
  g_assert_cmpint (again.status, ==, 0);
  g_assert_nonnull (strstr (again.out, ": 0 windows added, 3 updated;"));
  g_assert_cmpint (cw_test_sql_int (workspace, "SELECT count(*) FROM maintenance_windows"), ==, 3);
}

/* The blackout of @uid spans [@start, @end) (ISO 8601) in @tzid (NULL: UTC). */
static void
assert_blackout (const char *workspace,
                 const char *uid,
                 const char *start,
                 const char *end,
                 const char *tzid)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM blackouts WHERE uid = '%s' AND "
                                          "starts_at = %" G_GINT64_FORMAT " AND ends_at = %"
                                          G_GINT64_FORMAT " AND tzid IS %s%s%s", uid, at (start),
                                          at (end), tzid != NULL ? "'" : "",
                                          tzid != NULL ? tzid : "NULL", tzid != NULL ? "'" : "");

  g_assert_cmpint (cw_test_sql_int (workspace, sql), ==, 1);
}

/* --mode and --site for every blackout; a repeating one is replaced as a
 * whole on the next import: an occurrence the file no longer has goes, and
 * the same file again changes nothing. */
static void
test_import_blackouts (void)
{
  g_autofree char *workspace = make_workspace ("blackouts.db");
  g_autofree char *file = cw_test_tmp_path ("freeze.ics");
  g_autoptr(GString) text = g_string_new (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Example//Freezes//EN\r\n"
    "BEGIN:VEVENT\r\nUID:freeze@example.com\r\nSUMMARY:Year-end freeze\r\n"
    "DTSTART;VALUE=DATE:20261218\r\nDTEND;VALUE=DATE:20270105\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:close@example.com\r\nSUMMARY:Month-end close\r\n"
    "DTSTART;VALUE=DATE:20261030\r\nDTEND;VALUE=DATE:20261031\r\n"
    "RRULE:FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;COUNT=3\r\n"
    "END:VEVENT\r\nEND:VCALENDAR\r\n");
  g_auto(CwTestRun) run = { 0 };
  g_auto(CwTestRun) fewer = { 0 };
  g_auto(CwTestRun) again = { 0 };

  cw_test_write_bytes (file, text->str, text->len);
  cw_test_cli_run (&run, "calendar", "import", "--workspace", workspace, file, "--as", "blackout",
                   "--site", "FRA1", "--mode", "warn");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "0 windows added, 0 updated; 4 blackouts added, 0 updated."));

  /* All day in the site's zone: Frankfurt's midnights; the last weekday of
   * each month. */
  assert_blackout (workspace, "freeze@example.com", "2026-12-18T00:00:00+01:00",
                   "2027-01-05T00:00:00+01:00", "Europe/Berlin");
  assert_blackout (workspace, "close@example.com/20261130T000000", "2026-11-30T00:00:00+01:00",
                   "2026-12-01T00:00:00+01:00", "Europe/Berlin");
  assert_blackout (workspace, "close@example.com/20261231T000000", "2026-12-31T00:00:00+01:00",
                   "2027-01-01T00:00:00+01:00", "Europe/Berlin");
  g_assert_cmpint (cw_test_sql_int (workspace, "SELECT count(*) FROM blackouts WHERE mode = 'warn' "
                                               "AND all_day = 1"), ==, 4);

  g_string_replace (text, "COUNT=3", "COUNT=3\r\nEXDATE;VALUE=DATE:20261130", 0);
  cw_test_write_bytes (file, text->str, text->len);
  cw_test_cli_run (&fewer, "calendar", "import", "--workspace", workspace, file, "--as",
                   "blackout");
  g_assert_cmpint (fewer.status, ==, 0);
  g_assert_nonnull (strstr (fewer.out, "0 blackouts added, 3 updated.\n1 blackout was removed"));
  g_assert_cmpint (cw_test_sql_int (workspace, "SELECT count(*) FROM blackouts WHERE uid = "
                                               "'close@example.com/20261130T000000'"), ==, 0);
  /* What the file does not say stays: the mode and the site. */
  g_assert_cmpint (cw_test_sql_int (workspace, "SELECT count(*) FROM blackouts b JOIN "
                                               "blackout_scope s ON s.blackout_id = b.id "
                                               "WHERE b.mode = 'warn' AND s.site_id = 1"), ==, 3);

  cw_test_cli_run (&again, "calendar", "import", "--workspace", workspace, file, "--as",
                   "blackout");
  g_assert_cmpint (again.status, ==, 0);
  g_assert_nonnull (strstr (again.out, "0 blackouts added, 3 updated.\n"));
  g_assert_null (strstr (again.out, "removed"));
  g_assert_cmpint (cw_test_sql_int (workspace, "SELECT count(*) FROM blackouts"), ==, 3);
}

static void
test_import_errors (void)
{
  g_autofree char *workspace = make_workspace ("errors.db");
  g_autofree char *bad = sample ("malformed/bad-date.ics");
  g_autofree char *google = sample ("google.ics");
  g_autofree char *missing = cw_test_tmp_path ("missing.db");
  g_autofree char *line = NULL;
  g_auto(CwTestRun) run = { 0 };
  g_auto(CwTestRun) no_as = { 0 };
  g_auto(CwTestRun) wrong_as = { 0 };
  g_auto(CwTestRun) mode = { 0 };
  g_auto(CwTestRun) site = { 0 };
  g_auto(CwTestRun) nowhere = { 0 };

  cw_test_cli_run (&run, "calendar", "import", "--workspace", workspace, bad, "--as",
                   "maintenance");
  g_assert_cmpint (run.status, ==, 1);
  line = g_strdup_printf ("%s: line 16 (VEVENT “Sunday window”): DTSTART “2026-13-01” is not "
                          "a valid date\n", bad);
  g_assert_nonnull (strstr (run.err, line));
  g_assert_true (g_str_has_suffix (run.err, "2 problems. Nothing was imported.\n"));
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpint (cw_test_sql_int (workspace, "SELECT count(*) FROM maintenance_windows"), ==, 0);

  cw_test_cli_run (&no_as, "calendar", "import", "--workspace", workspace, google);
  g_assert_cmpint (no_as.status, ==, 2);
  g_assert_nonnull (strstr (no_as.err, "--as maintenance or --as blackout"));
  cw_test_cli_run (&wrong_as, "calendar", "import", "--workspace", workspace, google, "--as",
                   "freeze");
  g_assert_cmpint (wrong_as.status, ==, 2);
  cw_test_cli_run (&mode, "calendar", "import", "--workspace", workspace, google, "--as",
                   "maintenance", "--mode", "warn");
  g_assert_cmpint (mode.status, ==, 2);
  g_assert_nonnull (strstr (mode.err, "--mode is for blackouts"));

  cw_test_cli_run (&site, "calendar", "import", "--workspace", workspace, google, "--as",
                   "maintenance", "--site", "MUC9");
  g_assert_cmpint (site.status, ==, 1);
  g_assert_nonnull (strstr (site.err, "The workspace has no site “MUC9”."));
  g_assert_cmpint (cw_test_sql_int (workspace, "SELECT count(*) FROM maintenance_windows"), ==, 0);

  cw_test_cli_run (&nowhere, "calendar", "import", "--workspace", missing, google, "--as",
                   "maintenance");
  g_assert_cmpint (nowhere.status, ==, 1);
  g_assert_nonnull (strstr (nowhere.err, "There is no workspace at"));
}

/* Apple Calendar: all-day and floating times in the calendar's
 * X-WR-TIMEZONE, unless a site is given, whose zone they then take. */
static void
test_import_apple (void)
{
  g_autofree char *workspace = make_workspace ("apple.db");
  g_autofree char *frankfurt = make_workspace ("apple-fra1.db");
  g_autofree char *apple = sample ("apple.ics");
  g_auto(CwTestRun) run = { 0 };
  g_auto(CwTestRun) site = { 0 };

  cw_test_cli_run (&run, "calendar", "import", "--workspace", workspace, apple, "--as", "blackout",
                   "--mode", "warn");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "4 blackouts added"));
  assert_blackout (workspace, "5E1A07F2-3C4B-4D8E-9F10-2A3B4C5D6E01", "2026-12-28T00:00:00+09:00",
                   "2026-12-31T00:00:00+09:00", "Asia/Tokyo");
  assert_blackout (workspace, "5E1A07F2-3C4B-4D8E-9F10-2A3B4C5D6E02", "2026-11-03T00:00:00+09:00",
                   "2026-11-04T00:00:00+09:00", "Asia/Tokyo");
  assert_blackout (workspace, "5E1A07F2-3C4B-4D8E-9F10-2A3B4C5D6E03", "2026-11-05T10:00:00+09:00",
                   "2026-11-05T12:00:00+09:00", "Asia/Tokyo");
  assert_blackout (workspace, "5E1A07F2-3C4B-4D8E-9F10-2A3B4C5D6E04", "2026-11-06T01:00:00+01:00",
                   "2026-11-06T04:00:00+01:00", "Europe/Berlin");
  g_assert_cmpint (cw_test_sql_int (workspace, "SELECT count(*) FROM blackouts WHERE mode = 'warn' "
                                               "AND scope_all = 1"), ==, 4);

  cw_test_cli_run (&site, "calendar", "import", "--workspace", frankfurt, apple, "--as", "blackout",
                   "--site", "FRA1");
  g_assert_cmpint (site.status, ==, 0);
  assert_blackout (frankfurt, "5E1A07F2-3C4B-4D8E-9F10-2A3B4C5D6E01",
                   "2026-12-28T00:00:00+01:00", "2026-12-31T00:00:00+01:00", "Europe/Berlin");
}

/* On a demo workspace, refused files change nothing the calendar shows:
 * its occurrences and conflicts (one of them through a CI's host) are the
 * same before and after. */
static void
test_import_refused (void)
{
  g_autofree char *workspace = cw_test_tmp_path ("refused.db");
  g_autofree char *binary = cw_test_tmp_path ("binary.ics");
  g_autofree char *unknown = cw_test_tmp_path ("unknown.ics");
  g_autofree char *occurrences = NULL;
  g_autofree char *conflicts = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 60);
  g_autofree char *from = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *to = g_date_time_format (later, "%Y-%m-%d");
  g_auto(CwTestRun) demo = { 0 };
  const char *unknown_text =
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:far@example.com\r\n"
    "SUMMARY:Elsewhere\r\nDTSTART:20260110T220000Z\r\nDURATION:PT2H\r\n"
    "X-CHANGEWARD-CI:sw-muc9-0001\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
  const guchar bytes[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13 };
  const struct {
    const char *file;
    const char *as;
    const char *message;
  } cases[] = {
    { "malformed/latin1.ics", "maintenance",
      ": line 13 (VEVENT “latin1-bad@example.com”): the line is not UTF-8 text" },
    { "malformed/unterminated.ics", "blackout", "END:VCALENDAR is missing" },
    { "malformed/empty.ics", "maintenance", "The file is empty" },
    { binary, "blackout", "it is not text" },
    /* One problem, not also a window that covers nothing. */
    { unknown, "maintenance", ": line 8 (VEVENT “Elsewhere”): the workspace has no CI named "
                              "“sw-muc9-0001”\n1 problem. Nothing was imported.\n" },
  };

  cw_test_cli_run (&demo, "demo", "--workspace", workspace, "--cis", "300");
  g_assert_cmpint (demo.status, ==, 0);
  cw_test_write_bytes (binary, bytes, sizeof bytes);
  cw_test_write_bytes (unknown, unknown_text, strlen (unknown_text));

  for (guint i = 0; i <= G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = NULL;
      g_auto(CwTestRun) import = { 0 };
      g_auto(CwTestRun) listed = { 0 };
      g_auto(CwTestRun) checked = { 0 };

      if (i > 0)
        {
          path = g_path_is_absolute (cases[i - 1].file) ? g_strdup (cases[i - 1].file)
                                                          : sample (cases[i - 1].file);
          cw_test_cli_run (&import, "calendar", "import", "--workspace", workspace, path, "--as",
                           cases[i - 1].as);
          g_assert_cmpint (import.status, ==, 1);
          g_assert_nonnull (strstr (import.err, cases[i - 1].message));
          g_assert_cmpstr (import.out, ==, "");
        }

      cw_test_cli_run (&listed, "calendar", "occurrences", "--workspace", workspace, "--from", from,
                       "--to", to, "--json");
      cw_test_cli_run (&checked, "calendar", "conflicts", "--workspace", workspace, "--json");
      g_assert_cmpint (checked.status, ==, 3);
      if (i == 0)
        {
          occurrences = g_strdup (listed.out);
          conflicts = g_strdup (checked.out);
          g_assert_nonnull (strstr (occurrences, "\"local_start\""));
          g_assert_nonnull (strstr (conflicts, " runs on "));
        }
      g_assert_cmpstr (listed.out, ==, occurrences);
      g_assert_cmpstr (checked.out, ==, conflicts);
    }
}

/* ---- export -------------------------------------------------------------------- */

static void
test_export (void)
{
  g_autofree char *workspace = workspace_with_windows ("export.db");
  g_autofree char *output = cw_test_tmp_path ("out.ics");
  g_autofree char *february = cw_test_tmp_path ("february.ics");
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  g_auto(CwTestRun) all = { 0 };
  g_auto(CwTestRun) range = { 0 };
  g_auto(CwTestRun) half = { 0 };
  g_auto(CwTestRun) bad_date = { 0 };
  g_auto(CwTestRun) no_output = { 0 };

  cw_test_cli_run (&all, "calendar", "export", "--workspace", workspace, "--output", output);
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
  cw_test_cli_run (&range, "calendar", "export", "--workspace", workspace, "--from", "2026-02-01",
                   "--to", "2026-02-28", "--output", february);
  g_assert_cmpint (range.status, ==, 0);
  g_assert_true (g_str_has_prefix (range.out, "Exported 2 windows, 0 blackouts"));

  cw_test_cli_run (&half, "calendar", "export", "--workspace", workspace, "--from", "2026-02-01",
                   "--output", february);
  g_assert_cmpint (half.status, ==, 2);
  cw_test_cli_run (&bad_date, "calendar", "export", "--workspace", workspace, "--from",
                   "2026-02-30", "--to", "2026-03-01", "--output", february);
  g_assert_cmpint (bad_date.status, ==, 2);
  g_assert_nonnull (strstr (bad_date.err, "--from takes a date like 2026-01-31"));
  cw_test_cli_run (&no_output, "calendar", "export", "--workspace", workspace);
  g_assert_cmpint (no_output.status, ==, 2);
}

/* ---- occurrences ----------------------------------------------------------------- */

static void
test_occurrences (void)
{
  g_autofree char *workspace = workspace_with_windows ("occurrences.db");
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) moved_root = NULL;
  g_auto(CwTestRun) json = { 0 };
  g_auto(CwTestRun) text = { 0 };
  g_auto(CwTestRun) moved = { 0 };
  g_auto(CwTestRun) missing = { 0 };
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

  cw_test_cli_run (&json, "calendar", "occurrences", "--workspace", workspace, "--from",
                   "2026-01-10", "--to", "2026-01-17", "--json");
  g_assert_cmpint (json.status, ==, 0);
  root = cw_test_parse_json (json.out);
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

  cw_test_cli_run (&text, "calendar", "occurrences", "--workspace", workspace, "--from",
                   "2026-01-10", "--to", "2026-01-10");
  g_assert_cmpint (text.status, ==, 0);
  g_assert_true (g_str_has_prefix (text.out, "Start (UTC)"));
  g_assert_nonnull (strstr (text.out, "\n2026-01-10 22:00  2026-01-11 02:00  "
                                      "2026-01-10 23:00 CET  Saturday platform window\n"));

  /* The moved one, an hour later. */
  cw_test_cli_run (&moved, "calendar", "occurrences", "--workspace", workspace, "--from",
                   "2026-01-31", "--to", "2026-02-01", "--json");
  g_assert_cmpint (moved.status, ==, 0);
  moved_root = cw_test_parse_json (moved.out);
  occurrences = json_object_get_array_member (json_node_get_object (moved_root), "occurrences");
  g_assert_cmpuint (json_array_get_length (occurrences), ==, 1);
  first = json_array_get_object_element (occurrences, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "start"), ==, "2026-01-31T23:00:00Z");
  g_assert_cmpstr (json_object_get_string_member (first, "recurrence_id"), ==,
                   "2026-01-31T23:00:00");
  g_assert_true (json_object_get_boolean_member (first, "moved"));

  cw_test_cli_run (&missing, "calendar", "occurrences", "--workspace", workspace, "--from",
                   "2026-01-10");
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
  g_auto(CwTestRun) none = { 0 };
  g_auto(CwTestRun) text = { 0 };
  g_auto(CwTestRun) json = { 0 };
  g_auto(CwTestRun) outside = { 0 };
  JsonObject *report;
  JsonObject *conflict;
  JsonArray *works;

  /* Inside the window, alone: nothing. */
  add_work (clean, "Upgrade one", "sw-fra1-0001", "2026-01-10T23:10:00+01:00",
            "2026-01-11T00:40:00+01:00", NULL, "ben.bauer");
  cw_test_cli_run (&none, "calendar", "conflicts", "--workspace", clean);
  g_assert_cmpint (none.status, ==, 0);
  g_assert_cmpstr (none.out, ==, "No conflicts.\n");

  /* The same switch twice at once: an error, exit status 3. */
  add_work (busy, "Upgrade one", "sw-fra1-0001", "2026-01-10T23:10:00+01:00",
            "2026-01-11T00:40:00+01:00", NULL, "ben.bauer");
  add_work (busy, "Replace optics", "sw-fra1-0001", "2026-01-11T00:00:00+01:00",
            "2026-01-11T00:30:00+01:00", NULL, "carla.novak");
  cw_test_cli_run (&text, "calendar", "conflicts", "--workspace", busy);
  g_assert_cmpint (text.status, ==, 3);
  g_assert_true (g_str_has_prefix (text.out, "error    ci-overlap  2026-01-10 23:00 – 23:30 UTC\n"));
  g_assert_nonnull (strstr (text.out, "  Planned work: “Upgrade one”, “Replace optics”\n"));
  g_assert_true (g_str_has_suffix (text.out, "1 conflict: 1 error, 0 warnings.\n"));

  cw_test_cli_run (&json, "calendar", "conflicts", "--workspace", busy, "--from", "2026-01-10",
                   "--to", "2026-01-11", "--json");
  g_assert_cmpint (json.status, ==, 3);
  root = cw_test_parse_json (json.out);
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
  cw_test_cli_run (&outside, "calendar", "conflicts", "--workspace", busy, "--from", "2026-02-01",
                   "--to", "2026-02-02");
  g_assert_cmpint (outside.status, ==, 0);
  g_assert_cmpstr (outside.out, ==, "No conflicts.\n");
}

static void
test_slots (void)
{
  g_autofree char *workspace = workspace_with_windows ("slots.db");
  g_autoptr(JsonNode) root = NULL;
  g_auto(CwTestRun) json = { 0 };
  g_auto(CwTestRun) text = { 0 };
  g_auto(CwTestRun) unknown = { 0 };
  g_auto(CwTestRun) bad_after = { 0 };
  g_auto(CwTestRun) no_runbook = { 0 };
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

  cw_test_cli_run (&json, "calendar", "slots", "--workspace", workspace, "--runbook",
                   "Switch upgrade", "--ci", "sw-fra1-0001", "--after", "2026-01-10T00:00",
                   "--json");
  g_assert_cmpint (json.status, ==, 0);
  root = cw_test_parse_json (json.out);
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
  cw_test_cli_run (&text, "calendar", "slots", "--workspace", workspace, "--runbook",
                   "Switch upgrade", "--ci", "sw-fra1-0001", "--after",
                   "2026-01-10T23:30:00+01:00");
  g_assert_cmpint (text.status, ==, 0);
  g_assert_true (g_str_has_prefix (text.out, "“Switch upgrade” needs a window of 90 minutes:\n"
                                             "1. 2026-01-10 22:30 – 2026-01-11 00:00 UTC "
                                             "(2026-01-10 23:30 CET) in “Saturday platform "
                                             "window”\n"));

  cw_test_cli_run (&unknown, "calendar", "slots", "--workspace", workspace, "--runbook",
                   "Switch upgrade", "--ci", "nope");
  g_assert_cmpint (unknown.status, ==, 1);
  g_assert_nonnull (strstr (unknown.err, "There is no configuration item named “nope”."));
  cw_test_cli_run (&bad_after, "calendar", "slots", "--workspace", workspace, "--runbook",
                   "Switch upgrade", "--ci", "sw-fra1-0001", "--after", "soon");
  g_assert_cmpint (bad_after.status, ==, 2);
  cw_test_cli_run (&no_runbook, "calendar", "slots", "--workspace", workspace, "--ci",
                   "sw-fra1-0001");
  g_assert_cmpint (no_runbook.status, ==, 2);
}

static void
test_help (void)
{
  g_auto(CwTestRun) slots = { 0 };
  g_auto(CwTestRun) conflicts = { 0 };

  cw_test_cli_assert_help ("calendar", (const char * const[]) { "import", "export", "occurrences",
                                                                "conflicts", "slots", NULL });

  cw_test_cli_run (&slots, "calendar", "slots", "--help");
  g_assert_cmpint (slots.status, ==, 0);
  g_assert_nonnull (strstr (slots.out, "UTC without one"));
  cw_test_cli_run (&conflicts, "calendar", "conflicts", "--help");
  g_assert_nonnull (strstr (conflicts.out, "3 when an error-level conflict exists"));
  g_assert_nonnull (strstr (conflicts.out, "unknown-runbook (a warning"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/cli/calendar/import", test_import);
  g_test_add_func ("/core/cli/calendar/import-blackouts", test_import_blackouts);
  g_test_add_func ("/core/cli/calendar/import-errors", test_import_errors);
  g_test_add_func ("/core/cli/calendar/import-apple", test_import_apple);
  g_test_add_func ("/core/cli/calendar/import-refused", test_import_refused);
  g_test_add_func ("/core/cli/calendar/export", test_export);
  g_test_add_func ("/core/cli/calendar/occurrences", test_occurrences);
  g_test_add_func ("/core/cli/calendar/conflicts", test_conflicts);
  g_test_add_func ("/core/cli/calendar/slots", test_slots);
  g_test_add_func ("/core/cli/calendar/help", test_help);

  return cw_test_run_and_clean ();
}
