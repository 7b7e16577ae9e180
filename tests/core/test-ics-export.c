/* test-ics-export.c: exporting the maintenance calendar as iCalendar, its
 * time zones and their names, and the round trip back into an empty workspace.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-ics-export"

#include "config.h"

#include <libical/ical.h>

#include "cw-ics-private.h"
#include "test-ics.h"

#define DTSTAMP "2026-01-01T12:00:00Z"

static gint64
ci_named (CwStore    *store,
          const char *name)
{
  sqlite3_stmt *stmt = NULL;
  gint64 id;

  g_assert_cmpint (sqlite3_prepare_v2 (cw_store_get_handle (store),
                                       "SELECT id FROM cis WHERE name = ?", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return id;
}

static void
add_window (CwStore  *store,
            CwMaintWindow *window)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cw_schedule_add_window (store, window, &error));
  g_assert_no_error (error);
}

static void
add_blackout (CwStore    *store,
              CwBlackout *blackout)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cw_schedule_add_blackout (store, blackout, &error));
  g_assert_no_error (error);
}

/* Every feature of each kind: rules, exdates, moved and cancelled
 * occurrences (one on the night the clocks go forward), every kind of
 * scope, a limit, zones in both hemispheres and UTC, all-day and timed
 * blackouts, and planned work. */
static void
populate (CwStore *store)
{
  g_autoptr(CwMaintWindow) sunday = cw_maint_window_new ("Frankfurt Sunday", "Europe/Berlin",
                                              "2026-01-04T01:00:00", 240);
  g_autoptr(CwMaintWindow) storage = cw_maint_window_new ("Sydney storage", "Australia/Sydney",
                                               "2026-01-10T22:00:00", 300);
  g_autoptr(CwMaintWindow) patch = cw_maint_window_new ("UTC patch", "UTC", "2026-02-01T02:00:00", 60);
  g_autoptr(CwMaintWindow) london = cw_maint_window_new ("One-off in London", "Europe/London",
                                              "2026-10-25T01:30:00", 90);
  g_autoptr(CwBlackout) freeze = cw_blackout_new ("Year-end freeze", CW_BLACKOUT_BLOCK,
                                                  at ("2026-12-18T00:00:00+01:00"),
                                                  at ("2027-01-05T00:00:00+01:00"));
  g_autoptr(CwBlackout) quarter = cw_blackout_new ("Quarter end", CW_BLACKOUT_WARN,
                                                   at ("2026-06-25T00:00:00Z"),
                                                   at ("2026-07-02T00:00:00Z"));
  g_autoptr(CwBlackout) fair = cw_blackout_new ("Trade fair", CW_BLACKOUT_WARN,
                                                at ("2026-05-10T08:00:00+10:00"),
                                                at ("2026-05-10T18:00:00+10:00"));
  g_autoptr(CwPlannedWork) work = cw_planned_work_new ("Upgrade sw-fra1-0001",
                                                       at ("2026-03-08T00:30:00Z"),
                                                       at ("2026-03-08T02:30:00Z"));
  g_autoptr(CwRunbook) runbook = cw_runbook_new ("Switch upgrade");
  g_autoptr(GError) error = NULL;
  CwRunbookStep *step;
  gint64 sw = ci_named (store, "sw-fra1-0001");
  gint64 rtr = ci_named (store, "rtr-syd1-0001");

  sunday->rrule = g_strdup ("FREQ=WEEKLY;BYDAY=SU");
  _cw_strv_append (&sunday->exdates, "2026-04-05T01:00:00");
  g_ptr_array_add (sunday->overrides, cw_window_override_new ("2026-03-29T01:00:00",
                                                              "2026-03-29T03:00:00", 120));
  g_ptr_array_add (sunday->overrides, cw_window_override_new ("2026-10-25T01:00:00", NULL, 0));
  _cw_strv_append (&sunday->scope->sites, "FRA1");
  _cw_strv_append (&sunday->scope->classes, "switch");
  g_array_append_val (sunday->scope->ci_ids, sw);
  sunday->max_concurrent = 2;
  sunday->description = g_strdup ("Core network; call the NOC first, then start.\nSecond line.");
  add_window (store, sunday);

  storage->rrule = g_strdup ("FREQ=MONTHLY;BYDAY=2SA;COUNT=10");
  g_array_append_val (storage->scope->ci_ids, rtr);
  add_window (store, storage);

  patch->rrule = g_strdup ("FREQ=DAILY;INTERVAL=3");
  patch->scope->everything = TRUE;
  add_window (store, patch);

  _cw_strv_append (&london->scope->sites, "LON2");
  add_window (store, london);

  freeze->all_day = TRUE;
  freeze->tzid = g_strdup ("Europe/Berlin");
  freeze->scope->everything = TRUE;
  freeze->reason = g_strdup ("Year-end close, by order of the CAB");
  add_blackout (store, freeze);

  _cw_strv_append (&quarter->scope->classes, "router");
  add_blackout (store, quarter);

  fair->tzid = g_strdup ("Australia/Sydney");
  _cw_strv_append (&fair->scope->sites, "SYD1");
  add_blackout (store, fair);

  step = cw_runbook_step_new ("upgrade", CW_PHASE_EXECUTION, CW_STEP_MANUAL, "Upgrade");
  step->duration_min = 45;
  g_ptr_array_add (runbook->steps, step);
  step = cw_runbook_step_new ("downgrade", CW_PHASE_ROLLBACK, CW_STEP_MANUAL, "Downgrade");
  step->duration_min = 30;
  g_ptr_array_add (runbook->steps, step);
  cw_runbooks_import (store, runbook, &error);
  g_assert_no_error (error);

  cw_planned_work_add_ci (work, sw);
  work->runbook_name = g_strdup ("Switch upgrade");
  work->runbook_version = 1;
  work->assignee = g_strdup ("amara.adeyemi");
  g_assert_true (cw_schedule_add_work (store, work, &error));
  g_assert_no_error (error);
}

static char *
export_all (CwStore           *store,
            gint64             from,
            gint64             to,
            CwIcsExportResult *result)
{
  g_autoptr(GError) error = NULL;
  CwIcsExportOptions options;
  char *text;

  cw_ics_export_options_init (&options);
  options.from = from;
  options.to = to;
  options.dtstamp = at (DTSTAMP);
  text = cw_ics_export (store, &options, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (text);

  return text;
}

/* The text with folded lines joined again. */
static char *
unfold (const char *text)
{
  g_autoptr(GString) out = g_string_new (text);

  g_string_replace (out, "\r\n ", "", 0);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* ---- the file ------------------------------------------------------------------- */

static void
test_format (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  g_auto(GStrv) lines = NULL;
  icalcomponent *parsed;
  CwIcsExportResult result;
  guint n_lines;
  const char * const expected[] = {
    "BEGIN:VTIMEZONE\r\nTZID:Australia/Sydney\r\n",
    "BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\n",
    "BEGIN:VTIMEZONE\r\nTZID:Europe/London\r\n",
    "DTSTAMP:20260101T120000Z\r\n",
    "SUMMARY:Frankfurt Sunday\r\n",
    "CATEGORIES:Maintenance window\r\n",
    "X-CHANGEWARD-KIND:window\r\n",
    "DTSTART;TZID=Europe/Berlin:20260104T010000\r\n",
    "DTEND;TZID=Europe/Berlin:20260104T050000\r\n",
    "RRULE:FREQ=WEEKLY;BYDAY=SU\r\n",
    "EXDATE;TZID=Europe/Berlin:20260405T010000\r\n",
    "EXDATE;TZID=Europe/Berlin;X-CHANGEWARD-CANCELLED=TRUE:20261025T010000\r\n",
    "RECURRENCE-ID;TZID=Europe/Berlin:20260329T010000\r\n",
    "DTSTART;TZID=Europe/Berlin:20260329T030000\r\n",
    "DTEND;TZID=Europe/Berlin:20260329T050000\r\n",
    "X-CHANGEWARD-SITE:FRA1\r\n",
    "X-CHANGEWARD-CLASS:switch\r\n",
    "X-CHANGEWARD-CI:sw-fra1-0001\r\n",
    "X-CHANGEWARD-MAX-CONCURRENT:2\r\n",
    /* A UTC window is written in UTC, with no zone. */
    "DTSTART:20260201T020000Z\r\n",
    "X-CHANGEWARD-SCOPE:everything\r\n",
    /* 01:30 happens twice that night; 90 minutes later it is 02:00 GMT. */
    "DTSTART;TZID=Europe/London:20261025T013000\r\n",
    "DTEND;TZID=Europe/London:20261025T020000\r\n",
    "CATEGORIES:Freeze\r\n",
    "DTSTART;VALUE=DATE:20261218\r\n",
    "DTEND;VALUE=DATE:20270105\r\n",
    "X-CHANGEWARD-TZID:Europe/Berlin\r\n",
    "X-CHANGEWARD-MODE:block\r\n",
    "CATEGORIES:Blackout\r\n",
    "DTSTART:20260625T000000Z\r\n",
    "DTSTART;TZID=Australia/Sydney:20260510T080000\r\n",
    "CATEGORIES:Planned work\r\n",
    "X-CHANGEWARD-KIND:work\r\n",
    "DTSTART:20260308T003000Z\r\n",
    "TRANSP:OPAQUE\r\n",
    "END:VCALENDAR\r\n",
  };

  populate (fixture->store);
  text = export_all (fixture->store, G_MININT64, G_MAXINT64, &result);
  g_assert_cmpuint (result.n_windows, ==, 4);
  g_assert_cmpuint (result.n_blackouts, ==, 3);
  g_assert_cmpuint (result.n_works, ==, 1);
  g_assert_cmpuint (result.n_time_zones, ==, 3);

  g_assert_true (g_str_has_prefix (text, "BEGIN:VCALENDAR\r\nPRODID:-//Changeward//"));
  g_assert_true (g_str_has_suffix (text, "END:VCALENDAR\r\n"));

  /* CRLF everywhere; no line longer than 75 octets, each valid UTF-8. */
  lines = g_strsplit (text, "\r\n", -1);
  n_lines = g_strv_length (lines);
  g_assert_cmpuint (n_lines, >, 100);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_assert_null (strchr (lines[i], '\n'));
      g_assert_null (strchr (lines[i], '\r'));
      g_assert_cmpuint (strlen (lines[i]), <=, 75);
      g_assert_true (g_utf8_validate (lines[i], -1, NULL));
    }

  flat = unfold (text);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    if (strstr (flat, expected[i]) == NULL)
      g_error ("“%s” is not in the export:\n%s", expected[i], flat);

  /* The zones by name, before the events. */
  g_assert_true (strstr (flat, "\nTZID:Australia/Sydney\r\n") < strstr (flat, "\nTZID:Europe/Berlin\r\n"));
  g_assert_true (strstr (flat, "\nTZID:Europe/Berlin\r\n") < strstr (flat, "\nTZID:Europe/London\r\n"));
  g_assert_true (strstr (flat, "\nTZID:Europe/London\r\n") < strstr (flat, "BEGIN:VEVENT"));

  /* No zone for UTC, none twice. */
  g_assert_null (strstr (flat, "TZID:UTC"));
  g_assert_null (strstr (flat, "TZID=UTC"));
  g_assert_null (strstr (strstr (flat, "\nTZID:Europe/Berlin\r\n") + 1, "\nTZID:Europe/Berlin\r\n"));

  /* The descriptions name CIs, runbook, assignee, scope, mode and reason,
   * escaped as TEXT. */
  g_assert_nonnull (strstr (flat, "DESCRIPTION:CIs: sw-fra1-0001\\nRunbook: Switch upgrade\\, "
                                  "version 1\\nAssignee: amara.adeyemi"));
  g_assert_nonnull (strstr (flat, "Scope: Sites: FRA1 · Classes: switch · CIs: sw-fra1-0001\\n"));
  g_assert_nonnull (strstr (flat, "Mode: block (planned work inside it is an error)\\nScope: "
                                  "everything\\nReason: Year-end close\\, by order of the CAB"));
  g_assert_nonnull (strstr (flat, "X-CHANGEWARD-DESCRIPTION:Core network; call the NOC first, "
                                  "then start.\\nSecond line."));

  /* libical reads all of it without an error. */
  parsed = icalparser_parse_string (text);
  g_assert_nonnull (parsed);
  g_assert_cmpint (icalcomponent_count_errors (parsed), ==, 0);
  g_assert_cmpint (icalcomponent_count_components (parsed, ICAL_VEVENT_COMPONENT), ==,
                   4 + 1 + 3 + 1);
  icalcomponent_free (parsed);
}

static void
test_range (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *text = NULL;
  CwIcsExportResult result;

  populate (fixture->store);
  text = export_all (fixture->store, at ("2026-06-01T00:00:00Z"), at ("2026-07-01T00:00:00Z"),
                     &result);

  /* Windows with an occurrence in June; blackouts and work overlapping it. */
  g_assert_cmpuint (result.n_windows, ==, 3);
  g_assert_cmpuint (result.n_blackouts, ==, 1);
  g_assert_cmpuint (result.n_works, ==, 0);
  g_assert_nonnull (strstr (text, "SUMMARY:Frankfurt Sunday\r\n"));
  g_assert_nonnull (strstr (text, "SUMMARY:Sydney storage\r\n"));
  g_assert_nonnull (strstr (text, "SUMMARY:UTC patch\r\n"));
  g_assert_null (strstr (text, "SUMMARY:One-off in London\r\n"));
  g_assert_null (strstr (text, "TZID:Europe/London\r\n"));
  g_assert_nonnull (strstr (text, "SUMMARY:Quarter end\r\n"));
  g_assert_null (strstr (text, "SUMMARY:Trade fair\r\n"));
  g_assert_null (strstr (text, "SUMMARY:Upgrade sw-fra1-0001\r\n"));

  /* Nothing at all in it: a calendar with no events. */
  g_clear_pointer (&text, g_free);
  text = export_all (fixture->store, at ("2030-01-01T00:00:00Z"), at ("2030-01-04T00:00:00Z"),
                     &result);
  g_assert_cmpuint (result.n_windows, ==, 1);   /* every third day, for ever */
  g_assert_cmpuint (result.n_blackouts + result.n_works, ==, 0);
}

/* ---- time zones ---------------------------------------------------------------- */

/* libical's reading of a VTIMEZONE made for @tzid gives GLib's offset at
 * every week (and just before and after every change) of the years. */
static void
assert_vtimezone_matches (const char *tzid,
                          int         first_year,
                          int         last_year)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (tzid);
  icalcomponent *component = _cw_ics_build_vtimezone (tzid, first_year, last_year);
  icaltimezone *zone = icaltimezone_new ();
  icaltimezone *utc = icaltimezone_get_utc_timezone ();
  g_autoptr(GDateTime) first = g_date_time_new_utc (first_year, 1, 1, 0, 0, 0);
  g_autoptr(GDateTime) last = g_date_time_new_utc (last_year + 1, 1, 1, 0, 0, 0);
  gint64 previous = 0;

  g_assert_nonnull (tz);
  g_assert_nonnull (component);
  g_assert_true (icaltimezone_set_component (zone, component));

  for (gint64 t = g_date_time_to_unix (first); t < g_date_time_to_unix (last); t += 3600 * 13)
    {
      struct icaltimetype time = icaltime_from_timet_with_zone ((time_t) t, 0, utc);
      int daylight = 0;
      int expected = g_time_zone_get_offset (tz, g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, t));
      int offset = icaltimezone_get_utc_offset_of_utc_time (zone, &time, &daylight);

      if (offset != expected)
        g_error ("%s at %" G_GINT64_FORMAT ": VTIMEZONE gives %d, the zone %d (after %"
                 G_GINT64_FORMAT ")", tzid, t, offset, expected, previous);
      previous = t;
    }

  icaltimezone_free (zone, 1);
}

static void
test_vtimezone (void)
{
  icalcomponent *berlin = _cw_ics_build_vtimezone ("Europe/Berlin", 2026, 2026);
  g_autofree char *text = icalcomponent_as_ical_string_r (berlin);
  icalcomponent *tokyo = _cw_ics_build_vtimezone ("Asia/Tokyo", 2026, 2027);
  g_autofree char *tokyo_text = icalcomponent_as_ical_string_r (tokyo);

  /* The rule in force: one DAYLIGHT, one STANDARD, each with an open
   * yearly rule. */
  g_test_message ("%s", text);
  g_assert_cmpint (icalcomponent_count_components (berlin, ICAL_XDAYLIGHT_COMPONENT), ==, 1);
  g_assert_cmpint (icalcomponent_count_components (berlin, ICAL_XSTANDARD_COMPONENT), ==, 1);
  g_assert_nonnull (strstr (text, "BEGIN:DAYLIGHT\r\nDTSTART:20250330T020000\r\n"
                                  "TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST\r\n"
                                  "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\nEND:DAYLIGHT"));
  g_assert_nonnull (strstr (text, "BEGIN:STANDARD\r\nDTSTART:20251026T030000\r\n"
                                  "TZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET\r\n"
                                  "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\nEND:STANDARD"));
  g_assert_null (strstr (text, "UNTIL"));

  /* No changes: one offset. */
  g_assert_nonnull (strstr (tokyo_text, "TZOFFSETFROM:+0900\r\nTZOFFSETTO:+0900\r\n"));
  g_assert_cmpint (icalcomponent_count_components (tokyo, ICAL_XDAYLIGHT_COMPONENT), ==, 0);

  icalcomponent_free (berlin);
  icalcomponent_free (tokyo);
  g_assert_null (_cw_ics_build_vtimezone ("Mars/Olympus_Mons", 2026, 2026));

  /* Both hemispheres, rules that changed (the United States in 2007),
   * daylight saving that ended (Brazil in 2019), none at all. */
  assert_vtimezone_matches ("Europe/Berlin", 2025, 2028);
  assert_vtimezone_matches ("Australia/Sydney", 2025, 2027);
  assert_vtimezone_matches ("America/New_York", 2005, 2009);
  assert_vtimezone_matches ("America/Sao_Paulo", 2016, 2021);
  assert_vtimezone_matches ("Asia/Tokyo", 2026, 2026);
  assert_vtimezone_matches ("Europe/London", 2026, 2026);
}

/* ---- round trip ------------------------------------------------------------------ */

static void
assert_scopes_equal (CwStore       *store_a,
                     const CwScope *a,
                     CwStore       *store_b,
                     const CwScope *b)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names_a = _cw_ics_ci_names (store_a, a->ci_ids, &error);
  g_auto(GStrv) names_b = _cw_ics_ci_names (store_b, b->ci_ids, &error);

  g_assert_no_error (error);
  g_assert_cmpint (a->everything, ==, b->everything);
  g_assert_true (strv_equal (a->sites, b->sites));
  g_assert_true (strv_equal (a->classes, b->classes));
  g_assert_true (strv_equal (names_a, names_b));
}

static void
assert_occurrences_equal (const CwMaintWindow *a,
                          const CwMaintWindow *b)
{
  g_autoptr(GArray) year_a = expand (a, "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z");
  g_autoptr(GArray) year_b = expand (b, "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z");

  g_assert_cmpuint (year_a->len, >, 0);
  g_assert_cmpuint (year_a->len, ==, year_b->len);
  for (guint i = 0; i < year_a->len; i++)
    {
      const CwOccurrence *oa = &g_array_index (year_a, CwOccurrence, i);
      const CwOccurrence *ob = &g_array_index (year_b, CwOccurrence, i);

      g_assert_cmpint (oa->start, ==, ob->start);
      g_assert_cmpint (oa->end, ==, ob->end);
      g_assert_cmpstr (oa->recurrence_id, ==, ob->recurrence_id);
      g_assert_cmpint (oa->moved, ==, ob->moved);
    }
}

/* Equal as rules: libical writes the parts in its own order. */
static void
assert_rules_equal (const char *a,
                    const char *b)
{
  struct icalrecurrencetype ra, rb;
  g_autofree char *text_a = NULL;
  g_autofree char *text_b = NULL;

  if (a == NULL || b == NULL)
    {
      g_assert_cmpstr (a, ==, b);
      return;
    }

  ra = icalrecurrencetype_from_string (a);
  rb = icalrecurrencetype_from_string (b);
  text_a = icalrecurrencetype_as_string_r (&ra);
  text_b = icalrecurrencetype_as_string_r (&rb);
  g_assert_cmpstr (text_a, ==, text_b);
}

static void
assert_windows_equal (CwStore *store_a,
                      CwStore *store_b)
{
  g_autoptr(GPtrArray) a = cw_schedule_list_windows (store_a, NULL);
  g_autoptr(GPtrArray) b = cw_schedule_list_windows (store_b, NULL);

  g_assert_cmpuint (a->len, ==, 4);
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      const CwMaintWindow *wa = g_ptr_array_index (a, i);
      const CwMaintWindow *wb = g_ptr_array_index (b, i);

      g_assert_cmpstr (wa->uid, ==, wb->uid);
      g_assert_cmpstr (wa->name, ==, wb->name);
      g_assert_cmpstr (wa->description, ==, wb->description);
      g_assert_cmpstr (wa->tzid, ==, wb->tzid);
      g_assert_cmpstr (wa->start_local, ==, wb->start_local);
      g_assert_cmpuint (wa->duration_min, ==, wb->duration_min);
      assert_rules_equal (wa->rrule, wb->rrule);
      g_assert_true (strv_equal (wa->exdates, wb->exdates));
      g_assert_cmpuint (wa->max_concurrent, ==, wb->max_concurrent);
      g_assert_cmpuint (wa->overrides->len, ==, wb->overrides->len);
      for (guint j = 0; j < wa->overrides->len; j++)
        {
          const CwWindowOverride *oa = g_ptr_array_index (wa->overrides, j);
          const CwWindowOverride *ob = g_ptr_array_index (wb->overrides, j);

          g_assert_cmpstr (oa->recurrence_id, ==, ob->recurrence_id);
          g_assert_cmpint (oa->cancelled, ==, ob->cancelled);
          g_assert_cmpstr (oa->start_local, ==, ob->start_local);
          g_assert_cmpuint (oa->duration_min, ==, ob->duration_min);
        }
      assert_scopes_equal (store_a, wa->scope, store_b, wb->scope);
      assert_occurrences_equal (wa, wb);
    }
}

static void
assert_blackouts_equal (CwStore *store_a,
                        CwStore *store_b)
{
  g_autoptr(GPtrArray) a = cw_schedule_list_blackouts (store_a, G_MININT64, G_MAXINT64, NULL);
  g_autoptr(GPtrArray) b = cw_schedule_list_blackouts (store_b, G_MININT64, G_MAXINT64, NULL);

  g_assert_cmpuint (a->len, ==, 3);
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      const CwBlackout *ba = g_ptr_array_index (a, i);
      const CwBlackout *bb = g_ptr_array_index (b, i);

      g_assert_cmpstr (ba->uid, ==, bb->uid);
      g_assert_cmpstr (ba->name, ==, bb->name);
      g_assert_cmpstr (ba->reason, ==, bb->reason);
      g_assert_cmpint (ba->mode, ==, bb->mode);
      g_assert_cmpint (ba->start, ==, bb->start);
      g_assert_cmpint (ba->end, ==, bb->end);
      g_assert_cmpstr (ba->tzid, ==, bb->tzid);
      g_assert_cmpint (ba->all_day, ==, bb->all_day);
      assert_scopes_equal (store_a, ba->scope, store_b, bb->scope);
    }
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *first = NULL;
  g_autofree char *again = NULL;
  g_autofree char *second = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "empty.db", NULL);
  g_autoptr(CwStore) empty = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) works = NULL;
  CwIcsImportResult result;
  char *message = NULL;

  populate (fixture->store);
  first = export_all (fixture->store, G_MININT64, G_MAXINT64, NULL);

  /* The same sites and CIs, made in another order: other ids. */
  empty = cw_store_open (path, CW_STORE_OPEN_CREATE_NEW, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (cw_store_get_handle (empty),
                                 "INSERT INTO sites (code, name, time_zone) VALUES "
                                 "  ('SYD1', 'Sydney Alexandria', 'Australia/Sydney'),"
                                 "  ('LON2', 'London Docklands', 'Europe/London'),"
                                 "  ('FRA1', 'Frankfurt Data Centre', 'Europe/Berlin');"
                                 "INSERT INTO cis (class, name, site_id, updated_at) VALUES "
                                 "  ('router', 'rtr-syd1-0001', 1, '2026-01-01T00:00:00Z'),"
                                 "  ('switch', 'sw-fra1-0002', 3, '2026-01-01T00:00:00Z'),"
                                 "  ('switch', 'sw-fra1-0001', 3, '2026-01-01T00:00:00Z');",
                                 NULL, NULL, &message), ==, SQLITE_OK);
  g_assert_cmpint (ci_named (empty, "sw-fra1-0001"), !=, ci_named (fixture->store, "sw-fra1-0001"));

  /* Windows and blackouts keep their kind whatever the import is asked
   * for; planned work is left out. */
  result = import_text (empty, first, NULL);
  g_assert_cmpuint (result.n_windows_added, ==, 4);
  g_assert_cmpuint (result.n_blackouts_added, ==, 3);
  g_assert_cmpuint (result.n_work_skipped, ==, 1);
  g_assert_cmpint (count_rows (empty, "planned_work"), ==, 0);

  assert_windows_equal (fixture->store, empty);
  assert_blackouts_equal (fixture->store, empty);

  /* Importing it again changes nothing. */
  result = import_text (empty, first, NULL);
  g_assert_cmpuint (result.n_windows_updated, ==, 4);
  g_assert_cmpuint (result.n_blackouts_updated, ==, 3);
  assert_windows_equal (fixture->store, empty);
  assert_blackouts_equal (fixture->store, empty);

  /* Without the planned work, both workspaces write the same bytes. */
  works = cw_schedule_list_work (fixture->store, G_MININT64, G_MAXINT64, &error);
  g_assert_no_error (error);
  g_assert_true (cw_schedule_delete_work (fixture->store,
                                          ((CwPlannedWork *) g_ptr_array_index (works, 0))->id,
                                          &error));
  g_assert_no_error (error);
  again = export_all (fixture->store, G_MININT64, G_MAXINT64, NULL);
  second = export_all (empty, G_MININT64, G_MAXINT64, NULL);
  g_assert_cmpstr (again, ==, second);
}

/* All-day UTC days stay UTC days when the file is imported for a site,
 * whose zone is that of floating dates. */
static void
test_all_day_utc (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(CwBlackout) freeze = cw_blackout_new ("Freeze", CW_BLACKOUT_BLOCK,
                                                  at ("2026-12-15T00:00:00Z"),
                                                  at ("2027-01-05T00:00:00Z"));
  g_autoptr(CwStore) copy = open_store (fixture, "copy.db");
  g_autoptr(CwBlackout) imported = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  CwIcsImportOptions options;

  freeze->all_day = TRUE;
  freeze->uid = g_strdup ("freeze@example.com");
  freeze->scope->everything = TRUE;
  add_blackout (fixture->store, freeze);
  text = export_all (fixture->store, G_MININT64, G_MAXINT64, NULL);
  g_assert_nonnull (strstr (text, "DTSTART;VALUE=DATE:20261215\r\n"));
  g_assert_nonnull (strstr (text, "X-CHANGEWARD-TZID:UTC\r\n"));

  cw_ics_import_options_init (&options);
  options.site = "FRA1";
  import_text (copy, text, &options);
  imported = cw_schedule_find_blackout (copy, "freeze@example.com", &error);
  g_assert_no_error (error);
  g_assert_cmpint (imported->start, ==, freeze->start);
  g_assert_cmpint (imported->end, ==, freeze->end);
  g_assert_null (imported->tzid);
  g_assert_true (imported->all_day);
}

/* A file from elsewhere, imported, exported and imported again. */
static void
test_sample_round_trip (Fixture       *fixture,
                        gconstpointer  data)
{
  const char * const samples[] = { "outlook.ics", "google.ics", "evolution.ics" };

  for (guint s = 0; s < G_N_ELEMENTS (samples); s++)
    {
      g_autofree char *text = read_sample (samples[s]);
      g_autofree char *name = g_strdup_printf ("copy-%u.db", s);
      g_autofree char *source_name = g_strdup_printf ("source-%u.db", s);
      g_autoptr(CwStore) source = open_store (fixture, source_name);
      g_autoptr(CwStore) copy = open_store (fixture, name);
      g_autofree char *exported = NULL;
      g_autoptr(GPtrArray) a = NULL;
      g_autoptr(GPtrArray) b = NULL;

      import_text (source, text, NULL);
      exported = export_all (source, G_MININT64, G_MAXINT64, NULL);
      import_text (copy, exported, NULL);

      a = cw_schedule_list_windows (source, NULL);
      b = cw_schedule_list_windows (copy, NULL);
      g_assert_cmpuint (a->len, >, 0);
      g_assert_cmpuint (a->len, ==, b->len);
      for (guint i = 0; i < a->len; i++)
        {
          const CwMaintWindow *wa = g_ptr_array_index (a, i);
          const CwMaintWindow *wb = g_ptr_array_index (b, i);

          g_assert_cmpstr (wa->uid, ==, wb->uid);
          g_assert_cmpstr (wa->description, ==, wb->description);
          g_assert_true (strv_equal (wa->exdates, wb->exdates));
          assert_occurrences_equal (wa, wb);
        }
    }
}

/* ---- names of zones ------------------------------------------------------------ */

static void
test_zone_names (void)
{
  const struct {
    const char *tzid;
    const char *expected;
  } cases[] = {
    { "Europe/Berlin", "Europe/Berlin" },
    { "W. Europe Standard Time", "Europe/Berlin" },
    { "Eastern Standard Time", "America/New_York" },
    { "GMT Standard Time", "Europe/London" },
    { "AUS Eastern Standard Time", "Australia/Sydney" },
    { "Tokyo Standard Time", "Asia/Tokyo" },
    { "/freeassociation.sourceforge.net/Europe/London", "Europe/London" },
    { "/freeassociation.sourceforge.net/Tzfile/America/Sao_Paulo", "America/Sao_Paulo" },
    { "/mozilla.org/20070129_1/Asia/Singapore", "Asia/Singapore" },
    { "Etc/UTC", "UTC" },
    { "Mars/Olympus_Mons", NULL },
    { "Nowhere Standard Time", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *iana = cw_ics_tzid_to_iana (cases[i].tzid);

      g_assert_cmpstr (iana, ==, cases[i].expected);
    }

  /* Every zone of the Windows table exists here. */
  g_assert_null (cw_ics_windows_zone_to_iana ("Europe/Berlin"));
  g_assert_cmpstr (cw_ics_windows_zone_to_iana ("w. europe standard time"), ==, "Europe/Berlin");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/core/ics/export/format", test_format);
  ADD ("/core/ics/export/range", test_range);
  ADD ("/core/ics/export/round-trip", test_round_trip);
  ADD ("/core/ics/export/sample-round-trip", test_sample_round_trip);
  ADD ("/core/ics/export/all-day-utc", test_all_day_utc);
  g_test_add_func ("/core/ics/export/vtimezone", test_vtimezone);
  g_test_add_func ("/core/ics/zone-names", test_zone_names);

  return g_test_run ();
}
