/* test-ics.c: importing iCalendar files written by Outlook, Google Calendar
 * and Evolution, and broken ones.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-ics"

#include "config.h"

#include "test-ics.h"

/* Every instant asserted here is worked out by GLib from an ISO 8601 text
 * with its offset, as the zone's rules give it on that day. */

static void
assert_first_start (const CwMaintWindow *window,
                    const char     *expected)
{
  g_autoptr(GArray) occurrences = expand (window, "2025-01-01T00:00:00Z", "2028-01-01T00:00:00Z");

  g_assert_cmpuint (occurrences->len, >, 0);
  g_assert_cmpint (g_array_index (occurrences, CwOccurrence, 0).start, ==, at (expected));
}

static gboolean
has_start (GArray     *occurrences,
           const char *iso)
{
  for (guint i = 0; i < occurrences->len; i++)
    if (g_array_index (occurrences, CwOccurrence, i).start == at (iso))
      return TRUE;

  return FALSE;
}

/* ---- the three programs --------------------------------------------------- */

static void
test_outlook (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *text = read_sample ("outlook.ics");
  g_autoptr(CwMaintWindow) sunday = NULL;
  g_autoptr(CwMaintWindow) storage = NULL;
  g_autoptr(CwMaintWindow) sydney = NULL;
  g_autoptr(CwMaintWindow) christmas = NULL;
  g_autoptr(CwMaintWindow) firewall = NULL;
  g_autoptr(GArray) april = NULL;
  g_autoptr(GArray) march = NULL;
  CwIcsImportResult result;
  const char * const exdates[] = { "2026-04-05T01:00:00", "2026-12-27T01:00:00", NULL };

  result = import_text (fixture->store, text, NULL);
  g_assert_cmpuint (result.n_windows_added, ==, 5);
  g_assert_cmpuint (result.n_windows_updated, ==, 0);

  /* "W. Europe Standard Time" is Europe/Berlin; the folded UID and
   * DESCRIPTION are read whole. */
  sunday = window_named (fixture->store, "Sunday network window");
  g_assert_cmpstr (sunday->tzid, ==, "Europe/Berlin");
  g_assert_cmpstr (sunday->start_local, ==, "2026-01-04T01:00:00");
  g_assert_cmpuint (sunday->duration_min, ==, 240);
  g_assert_cmpstr (sunday->rrule, ==, "FREQ=WEEKLY;BYDAY=SU");
  g_assert_true (strv_equal (sunday->exdates, (GStrv) exdates));
  g_assert_true (g_str_has_prefix (sunday->uid, "040000008200E00074C5B7101A82E008"));
  g_assert_true (g_str_has_suffix (sunday->uid, "2F6C1E5B41E2A84B8E5F4C4B7F2D1A0E"));
  g_assert_nonnull (strstr (sunday->description, "need an emergency CAB.\n\nContact: "
                                                 "network-oncall@example.com"));
  g_assert_true (sunday->scope->everything);
  assert_first_start (sunday, "2026-01-04T01:00:00+01:00");
  april = expand (sunday, "2026-04-01T00:00:00Z", "2026-04-20T00:00:00Z");
  g_assert_false (has_start (april, "2026-04-05T01:00:00+02:00"));
  g_assert_true (has_start (april, "2026-04-12T01:00:00+02:00"));

  /* New York, second Saturday, across midnight and the change to EDT. */
  storage = window_named (fixture->store, "Storage window (second Saturday)");
  g_assert_cmpstr (storage->tzid, ==, "America/New_York");
  g_assert_cmpuint (storage->duration_min, ==, 240);
  assert_first_start (storage, "2026-01-10T22:00:00-05:00");
  march = expand (storage, "2026-03-01T00:00:00Z", "2026-04-01T00:00:00Z");
  g_assert_cmpuint (march->len, ==, 1);
  g_assert_cmpint (g_array_index (march, CwOccurrence, 0).start, ==,
                   at ("2026-03-14T22:00:00-04:00"));

  /* 02:00 on 5 April 2026 happens twice in Sydney: the first one. The
   * window runs to 04:00 of standard time: three hours. */
  sydney = window_named (fixture->store, "Sydney patch night");
  g_assert_cmpstr (sydney->tzid, ==, "Australia/Sydney");
  assert_first_start (sydney, "2026-04-05T02:00:00+11:00");
  g_assert_cmpuint (sydney->duration_min, ==, 180);

  /* All day, floating: UTC by default, three whole days. */
  christmas = window_named (fixture->store, "Christmas closure");
  g_assert_cmpstr (christmas->tzid, ==, "UTC");
  g_assert_cmpstr (christmas->start_local, ==, "2026-12-24T00:00:00");
  g_assert_cmpuint (christmas->duration_min, ==, 3 * 24 * 60);

  /* A display name Outlook wrote as the TZID: the zone whose offsets its
   * VTIMEZONE has. */
  firewall = window_named (fixture->store, "Firewall rule review");
  g_assert_cmpstr (firewall->tzid, ==, "Europe/Berlin");
  assert_first_start (firewall, "2026-07-01T00:00:00+02:00");
  g_assert_cmpuint (firewall->duration_min, ==, 180);
}

static void
test_google (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *text = read_sample ("google.ics");
  g_autoptr(CwMaintWindow) saturday = NULL;
  g_autoptr(CwMaintWindow) storage = NULL;
  g_autoptr(CwMaintWindow) freeze = NULL;
  g_autoptr(GArray) winter = NULL;
  g_autoptr(GArray) year = NULL;
  g_autoptr(GArray) next_year = NULL;
  CwIcsImportResult result;
  const char * const exdates[] = {
    "2026-01-24T23:00:00", "2026-02-07T23:00:00", "2026-04-04T23:00:00", NULL
  };
  const char * const expected[] = {
    "2026-01-10T23:00:00+01:00", "2026-01-17T23:00:00+01:00",
    /* 24 January: EXDATE */
    "2026-02-01T00:00:00+01:00",   /* 31 January, moved an hour later */
    /* 7 February: EXDATE in UTC */
    "2026-02-14T23:00:00+01:00", "2026-02-21T23:00:00+01:00", "2026-02-28T23:00:00+01:00",
    /* 7 March: cancelled */
    "2026-03-14T23:00:00+01:00", "2026-03-21T23:00:00+01:00", "2026-03-28T23:00:00+01:00",
    NULL
  };
  const CwWindowOverride *moved = NULL, *cancelled = NULL;

  result = import_text (fixture->store, text, NULL);
  g_assert_cmpuint (result.n_windows_added, ==, 3);
  g_assert_cmpuint (result.n_cancelled, ==, 1);

  saturday = window_named (fixture->store, "Saturday platform window");
  g_assert_cmpstr (saturday->uid, ==, "5q1t0b6h2v9k3m8n4p7r0s2u4w@google.com");
  g_assert_cmpstr (saturday->tzid, ==, "Europe/Berlin");
  g_assert_cmpstr (saturday->rrule, ==, "FREQ=WEEKLY;WKST=MO;BYDAY=SA");
  g_assert_true (strv_equal (saturday->exdates, (GStrv) exdates));
  g_assert_cmpuint (saturday->overrides->len, ==, 2);
  for (guint i = 0; i < saturday->overrides->len; i++)
    {
      const CwWindowOverride *override = g_ptr_array_index (saturday->overrides, i);

      if (override->cancelled)
        cancelled = override;
      else
        moved = override;
    }
  g_assert_nonnull (moved);
  g_assert_nonnull (cancelled);
  g_assert_cmpstr (moved->recurrence_id, ==, "2026-01-31T23:00:00");
  g_assert_cmpstr (moved->start_local, ==, "2026-02-01T00:00:00");
  g_assert_cmpuint (moved->duration_min, ==, 0);
  g_assert_cmpstr (cancelled->recurrence_id, ==, "2026-03-07T23:00:00");

  winter = expand (saturday, "2026-01-01T00:00:00Z", "2026-03-29T00:00:00Z");
  g_assert_cmpuint (winter->len, ==, g_strv_length ((char **) expected));
  for (guint i = 0; expected[i] != NULL; i++)
    {
      const CwOccurrence *occurrence = &g_array_index (winter, CwOccurrence, i);

      g_assert_cmpint (occurrence->start, ==, at (expected[i]));
      g_assert_cmpint (occurrence->end - occurrence->start, ==, 4 * 3600);
    }

  /* Monthly on the second Saturday until the end of 2026. */
  storage = window_named (fixture->store, "Storage array window");
  g_assert_null (storage->description);
  year = expand (storage, "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z");
  next_year = expand (storage, "2027-01-01T00:00:00Z", "2028-01-01T00:00:00Z");
  g_assert_cmpuint (year->len, ==, 12);
  g_assert_cmpuint (next_year->len, ==, 0);
  g_assert_cmpint (g_array_index (year, CwOccurrence, 11).start, ==,
                   at ("2026-12-12T06:00:00+01:00"));

  /* UTC times: the zone UTC. */
  freeze = window_named (fixture->store, "Quarter-end freeze");
  g_assert_cmpstr (freeze->tzid, ==, "UTC");
  g_assert_cmpstr (freeze->start_local, ==, "2026-03-25T00:00:00");
  g_assert_cmpuint (freeze->duration_min, ==, 8 * 24 * 60);
}

static void
test_evolution (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *text = read_sample ("evolution.ics");
  g_autoptr(CwMaintWindow) power = NULL;
  g_autoptr(CwMaintWindow) jurong = NULL;
  g_autoptr(CwMaintWindow) walk = NULL;
  g_autoptr(GArray) year = NULL;
  g_autoptr(CwStore) london = NULL;
  CwIcsImportOptions options;
  CwIcsImportResult result;

  result = import_text (fixture->store, text, NULL);
  g_assert_cmpuint (result.n_windows_added, ==, 3);

  /* The prefix goes; 00:30 to 02:30 on the night the clocks go forward is
   * one hour. */
  power = window_named (fixture->store, "Docklands power work");
  g_assert_cmpstr (power->tzid, ==, "Europe/London");
  assert_first_start (power, "2026-03-29T00:30:00+00:00");
  g_assert_cmpuint (power->duration_min, ==, 60);

  /* "Tzfile/" too; DURATION; three EXDATEs on two lines; COUNT. */
  jurong = window_named (fixture->store, "Jurong monthly window");
  g_assert_cmpstr (jurong->tzid, ==, "Asia/Singapore");
  g_assert_cmpuint (jurong->duration_min, ==, 180);
  g_assert_cmpuint (g_strv_length (jurong->exdates), ==, 3);
  year = expand (jurong, "2026-01-01T00:00:00Z", "2027-06-01T00:00:00Z");
  g_assert_cmpuint (year->len, ==, 12 - 3);
  g_assert_true (has_start (year, "2026-01-03T02:00:00+08:00"));
  g_assert_false (has_start (year, "2026-02-07T02:00:00+08:00"));

  /* Floating: UTC unless the caller says otherwise. */
  walk = window_named (fixture->store, "Data centre walk-through");
  g_assert_cmpstr (walk->tzid, ==, "UTC");
  assert_first_start (walk, "2026-04-15T09:00:00Z");
  g_assert_cmpuint (walk->duration_min, ==, 120);

  london = open_store (fixture, "london.db");
  cw_ics_import_options_init (&options);
  options.floating_tzid = "Europe/London";
  import_text (london, text, &options);
  g_clear_pointer (&walk, cw_maint_window_free);
  walk = window_named (london, "Data centre walk-through");
  g_assert_cmpstr (walk->tzid, ==, "Europe/London");
  assert_first_start (walk, "2026-04-15T09:00:00+01:00");
}

/* Google writes EXDATEs and RECURRENCE-IDs in UTC. On the day the clocks go
 * forward, 02:30 does not exist: the rule's 02:30 starts at the instant
 * 03:30 names, and the UTC time still means that occurrence, in both
 * hemispheres; on the day they go back, the first 02:30. */
static void
test_google_dst (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *text = read_sample ("google-dst.ics");
  g_autoptr(CwMaintWindow) berlin = NULL;
  g_autoptr(CwMaintWindow) sydney = NULL;
  g_autoptr(GArray) spring = NULL;
  g_autoptr(GArray) autumn = NULL;
  g_autoptr(GArray) october = NULL;
  g_autoptr(GArray) april = NULL;
  const CwWindowOverride *override;
  const char * const berlin_exdates[] = { "2026-03-29T02:30:00", NULL };
  const char * const sydney_exdates[] = { "2027-04-04T02:30:00", NULL };

  import_text (fixture->store, text, NULL);

  berlin = window_named (fixture->store, "Frankfurt half-past-two window");
  g_assert_true (strv_equal (berlin->exdates, (GStrv) berlin_exdates));
  g_assert_cmpuint (berlin->overrides->len, ==, 1);
  override = g_ptr_array_index (berlin->overrides, 0);
  g_assert_cmpstr (override->recurrence_id, ==, "2026-10-25T02:30:00");
  spring = expand (berlin, "2026-03-28T12:00:00Z", "2026-03-30T00:00:00Z");
  g_assert_cmpuint (spring->len, ==, 0);
  autumn = expand (berlin, "2026-10-24T12:00:00Z", "2026-10-26T00:00:00Z");
  g_assert_cmpuint (autumn->len, ==, 1);
  g_assert_cmpint (g_array_index (autumn, CwOccurrence, 0).start, ==,
                   at ("2026-10-25T05:00:00+01:00"));

  sydney = window_named (fixture->store, "Sydney half-past-two window");
  g_assert_true (strv_equal (sydney->exdates, (GStrv) sydney_exdates));
  override = g_ptr_array_index (sydney->overrides, 0);
  g_assert_cmpstr (override->recurrence_id, ==, "2026-10-04T02:30:00");
  /* Moved, not moved and kept as well. */
  october = expand (sydney, "2026-10-03T00:00:00Z", "2026-10-05T00:00:00Z");
  g_assert_cmpuint (october->len, ==, 1);
  g_assert_cmpint (g_array_index (october, CwOccurrence, 0).start, ==,
                   at ("2026-10-04T06:00:00+11:00"));
  g_assert_true (g_array_index (october, CwOccurrence, 0).moved);
  april = expand (sydney, "2027-04-03T00:00:00Z", "2027-04-05T00:00:00Z");
  g_assert_cmpuint (april->len, ==, 0);
}

/* ---- blackouts ------------------------------------------------------------- */

static const char *blackouts_file =
  "BEGIN:VCALENDAR\r\n"
  "VERSION:2.0\r\n"
  "PRODID:-//Example//Freeze list//EN\r\n"
  "BEGIN:VEVENT\r\n"
  "UID:year-end@example.com\r\n"
  "SUMMARY:Year-end freeze\r\n"
  "DESCRIPTION:No changes over the holidays.\r\n"
  "DTSTART;VALUE=DATE:20261218\r\n"
  "DTEND;VALUE=DATE:20270105\r\n"
  "END:VEVENT\r\n"
  "BEGIN:VEVENT\r\n"
  "UID:fair@example.com\r\n"
  "SUMMARY:Trade fair\r\n"
  "DTSTART;VALUE=DATE:20261005\r\n"
  "END:VEVENT\r\n"
  "BEGIN:VEVENT\r\n"
  "UID:patching@example.com\r\n"
  "SUMMARY:Payroll run\r\n"
  "DTSTART;TZID=Europe/Berlin:20260126T180000\r\n"
  "DURATION:PT6H\r\n"
  "RRULE:FREQ=MONTHLY;BYMONTHDAY=26;COUNT=3\r\n"
  "END:VEVENT\r\n"
  "END:VCALENDAR\r\n";

static CwBlackout *
blackout_with_uid (CwStore    *store,
                   const char *uid)
{
  g_autoptr(GError) error = NULL;
  CwBlackout *blackout = cw_schedule_find_blackout (store, uid, &error);

  g_assert_no_error (error);
  g_assert_nonnull (blackout);
  return blackout;
}

static void
test_blackouts (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(CwBlackout) freeze = NULL;
  g_autoptr(CwBlackout) fair = NULL;
  g_autoptr(CwBlackout) payroll = NULL;
  g_autoptr(CwBlackout) march = NULL;
  CwIcsImportOptions options;
  CwIcsImportResult result;

  cw_ics_import_options_init (&options);
  options.kind = CW_ICS_IMPORT_BLACKOUTS;
  options.site = "FRA1";
  options.has_mode = TRUE;
  options.mode = CW_BLACKOUT_WARN;
  options.floating_tzid = "Europe/Berlin";
  result = import_text (fixture->store, blackouts_file, &options);
  g_assert_cmpuint (result.n_blackouts_added, ==, 2 + 3);
  g_assert_cmpuint (result.n_windows_added, ==, 0);

  /* All day: the day boundaries in the zone the caller gave. */
  freeze = blackout_with_uid (fixture->store, "year-end@example.com");
  g_assert_true (freeze->all_day);
  g_assert_cmpstr (freeze->tzid, ==, "Europe/Berlin");
  g_assert_cmpint (freeze->start, ==, at ("2026-12-18T00:00:00+01:00"));
  g_assert_cmpint (freeze->end, ==, at ("2027-01-05T00:00:00+01:00"));
  g_assert_cmpint (freeze->mode, ==, CW_BLACKOUT_WARN);
  g_assert_cmpstr (freeze->reason, ==, "No changes over the holidays.");
  g_assert_false (freeze->scope->everything);
  g_assert_cmpstr (freeze->scope->sites[0], ==, "FRA1");

  /* A date without an end is that one day. */
  fair = blackout_with_uid (fixture->store, "fair@example.com");
  g_assert_cmpint (fair->start, ==, at ("2026-10-05T00:00:00+02:00"));
  g_assert_cmpint (fair->end, ==, at ("2026-10-06T00:00:00+02:00"));

  /* A rule with an end: one blackout per occurrence, in its zone. */
  payroll = blackout_with_uid (fixture->store, "patching@example.com/20260126T180000");
  march = blackout_with_uid (fixture->store, "patching@example.com/20260326T180000");
  g_assert_cmpint (payroll->start, ==, at ("2026-01-26T18:00:00+01:00"));
  g_assert_cmpint (payroll->end - payroll->start, ==, 6 * 3600);
  g_assert_cmpstr (payroll->tzid, ==, "Europe/Berlin");
  g_assert_false (payroll->all_day);
  g_assert_cmpint (march->start, ==, at ("2026-03-26T18:00:00+01:00"));

  /* Without a zone from the caller, the days are the site's. */
  {
    g_autoptr(CwStore) london = open_store (fixture, "london.db");
    g_autoptr(CwBlackout) days = NULL;

    cw_ics_import_options_init (&options);
    options.kind = CW_ICS_IMPORT_BLACKOUTS;
    options.site = "London Docklands";
    import_text (london, blackouts_file, &options);
    days = blackout_with_uid (london, "year-end@example.com");
    g_assert_cmpstr (days->tzid, ==, "Europe/London");
    g_assert_cmpint (days->start, ==, at ("2026-12-18T00:00:00Z"));
    g_assert_cmpint (days->mode, ==, CW_BLACKOUT_BLOCK);
    g_assert_cmpstr (days->scope->sites[0], ==, "LON2");
  }
}

static void
test_blackout_for_ever (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *text = read_sample ("google.ics");
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  CwIcsImportOptions options;

  cw_ics_import_options_init (&options);
  options.kind = CW_ICS_IMPORT_BLACKOUTS;
  g_assert_false (cw_ics_import (fixture->store, text, -1, &options, NULL, &error));
  g_assert_error (error, CW_ICS_ERROR, CW_ICS_ERROR_INVALID);
  expected = g_strdup_printf ("line %u (VEVENT “Saturday platform window”): a blackout cannot "
                              "repeat for ever", line_of (text, "RRULE:FREQ=WEEKLY"));
  g_assert_nonnull (strstr (error->message, expected));
  g_assert_cmpint (count_rows (fixture->store, "blackouts"), ==, 0);
}

/* ---- updates --------------------------------------------------------------- */

static void
test_reimport (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *text = read_sample ("google.ics");
  g_autoptr(GString) changed = NULL;
  g_autoptr(CwMaintWindow) saturday = NULL;
  g_autoptr(CwMaintWindow) again = NULL;
  g_autoptr(GError) error = NULL;
  CwIcsImportResult result;
  gint64 ci = 1;
  const char *moved_again =
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\r\n"
    "BEGIN:VEVENT\r\n"
    "UID:5q1t0b6h2v9k3m8n4p7r0s2u4w@google.com\r\n"
    "RECURRENCE-ID;TZID=Europe/Berlin:20260516T230000\r\n"
    "DTSTART;TZID=Europe/Berlin:20260517T010000\r\n"
    "DTEND;TZID=Europe/Berlin:20260517T060000\r\n"
    "SUMMARY:Saturday platform window\r\n"
    "END:VEVENT\r\nEND:VCALENDAR\r\n";

  import_text (fixture->store, text, NULL);
  g_assert_cmpint (count_rows (fixture->store, "maintenance_windows"), ==, 3);

  /* Changed in the workspace: a scope and a limit the file knows nothing of. */
  saturday = window_named (fixture->store, "Saturday platform window");
  saturday->scope->everything = FALSE;
  g_array_append_val (saturday->scope->ci_ids, ci);
  saturday->max_concurrent = 2;
  g_assert_true (cw_schedule_update_window (fixture->store, saturday, &error));
  g_assert_no_error (error);

  /* The same file again: nothing new, and those stay. */
  result = import_text (fixture->store, text, NULL);
  g_assert_cmpuint (result.n_windows_added, ==, 0);
  g_assert_cmpuint (result.n_windows_updated, ==, 3);
  g_assert_cmpint (count_rows (fixture->store, "maintenance_windows"), ==, 3);
  g_assert_cmpint (count_rows (fixture->store, "window_exdates"), ==, 3);
  g_assert_cmpint (count_rows (fixture->store, "window_overrides"), ==, 2);
  again = window_named (fixture->store, "Saturday platform window");
  g_assert_cmpuint (again->max_concurrent, ==, 2);
  g_assert_false (again->scope->everything);
  g_assert_cmpuint (again->scope->ci_ids->len, ==, 1);

  /* A new version of the file: the event is updated, by its UID. */
  changed = g_string_new (text);
  g_string_replace (changed, "SUMMARY:Storage array window", "SUMMARY:Storage window", 0);
  g_string_replace (changed, "DTEND;TZID=Europe/Berlin:20260110T100000",
                    "DTEND;TZID=Europe/Berlin:20260110T110000", 0);
  result = import_text (fixture->store, changed->str, NULL);
  g_assert_cmpuint (result.n_windows_updated, ==, 3);
  g_assert_cmpint (count_rows (fixture->store, "maintenance_windows"), ==, 3);
  g_clear_pointer (&again, cw_maint_window_free);
  again = window_named (fixture->store, "Storage window");
  g_assert_cmpuint (again->duration_min, ==, 300);

  /* One more moved occurrence alone, as Outlook and Google send them:
   * attached to the window of its UID in the workspace. */
  result = import_text (fixture->store, moved_again, NULL);
  g_assert_cmpuint (result.n_windows_updated, ==, 1);
  g_clear_pointer (&again, cw_maint_window_free);
  again = window_named (fixture->store, "Saturday platform window");
  g_assert_cmpuint (again->overrides->len, ==, 3);
  g_assert_cmpuint (again->max_concurrent, ==, 2);
  g_assert_cmpuint (again->scope->ci_ids->len, ==, 1);
  {
    g_autoptr(GArray) may = expand (again, "2026-05-16T00:00:00Z", "2026-05-18T00:00:00Z");

    g_assert_cmpuint (may->len, ==, 1);
    g_assert_cmpint (g_array_index (may, CwOccurrence, 0).start, ==,
                     at ("2026-05-17T01:00:00+02:00"));
    g_assert_cmpint (g_array_index (may, CwOccurrence, 0).end, ==,
                     at ("2026-05-17T06:00:00+02:00"));
  }
}

/* ---- broken files ------------------------------------------------------------ */

static void
assert_fails (Fixture    *fixture,
              const char *name,
              int         code,
              ...) G_GNUC_NULL_TERMINATED;

/* The file fails with @code, its message holding each of the NULL-ended
 * texts (a "%u" in one is the line of the text that follows it), and
 * nothing is saved. */
static void
assert_fails (Fixture    *fixture,
              const char *name,
              int         code,
              ...)
{
  g_autofree char *path = sample_path (name);
  g_autofree char *text = read_sample (name);
  g_autoptr(GError) error = NULL;
  const char *expected;
  va_list args;

  g_assert_false (cw_ics_import_file (fixture->store, path, NULL, NULL, &error));
  g_assert_error (error, CW_ICS_ERROR, code);
  g_test_message ("%s: %s", name, error->message);

  va_start (args, code);
  while ((expected = va_arg (args, const char *)) != NULL)
    {
      g_autofree char *message = NULL;

      if (strstr (expected, "%u") != NULL)
        {
          const char *line_prefix = va_arg (args, const char *);
          g_auto(GStrv) parts = g_strsplit (expected, "%u", 2);

          message = g_strdup_printf ("%s%u%s", parts[0], line_of (text, line_prefix), parts[1]);
        }
      else
        message = g_strdup (expected);

      if (strstr (error->message, message) == NULL)
        g_error ("“%s” is not in “%s”", message, error->message);
    }
  va_end (args);

  g_assert_cmpint (count_rows (fixture->store, "maintenance_windows"), ==, 0);
  g_assert_cmpint (count_rows (fixture->store, "blackouts"), ==, 0);
}

static void
test_malformed (Fixture       *fixture,
                gconstpointer  data)
{
  /* The good first event is not saved either. */
  assert_fails (fixture, "malformed/bad-date.ics", CW_ICS_ERROR_INVALID,
                "line %u (VEVENT “Sunday window”): DTSTART “2026-13-01” is not a valid date",
                "DTSTART:2026-13-01",
                "line %u (VEVENT “Night window”): DTSTART “20261301T010000” is not a valid "
                "date and time", "DTSTART;TZID=Europe/Berlin:20261301",
                NULL);
  assert_fails (fixture, "malformed/missing-dtstart.ics", CW_ICS_ERROR_INVALID,
                "line %u (VEVENT “Window without a start”): the event has no start (DTSTART)",
                "BEGIN:VEVENT", NULL);
  assert_fails (fixture, "malformed/unterminated.ics", CW_ICS_ERROR_INVALID,
                "line %u (VEVENT “Cut short”): the component never ends: END:VEVENT is missing",
                "BEGIN:VEVENT",
                "line 1 (VCALENDAR): the component never ends: END:VCALENDAR is missing",
                NULL);
  assert_fails (fixture, "malformed/mismatched-end.ics", CW_ICS_ERROR_INVALID,
                "line %u (VEVENT “Never closed”): END:VCALENDAR where END:VEVENT",
                "END:VCALENDAR", NULL);
  assert_fails (fixture, "malformed/rrule-garbage.ics", CW_ICS_ERROR_INVALID,
                "line %u (VEVENT “Odd rule”): RRULE “FREQ=SOMETIMES;BYDAY=XX” is not a "
                "recurrence rule", "RRULE:", NULL);
  /* DURATION is read here; GEO is left to libical, whose error is reported
   * with its line too. */
  assert_fails (fixture, "malformed/bad-value.ics", CW_ICS_ERROR_INVALID,
                "line %u (VEVENT “Somewhere”): DURATION “four hours” is not a length of time",
                "DURATION:",
                "line %u (VEVENT “Somewhere”): this line cannot be read", "GEO:",
                NULL);
  /* Latin-1 in one event: its line and event are named (the SUMMARY cannot
   * be read: the UID); the good event before it is not saved either. */
  assert_fails (fixture, "malformed/latin1.ics", CW_ICS_ERROR_INVALID,
                "line %u (VEVENT “latin1-bad@example.com”): the line is not UTF-8 text",
                "SUMMARY:Wartung", NULL);
  /* Not read as UTC+0, which any zone of that offset would match. */
  assert_fails (fixture, "malformed/empty-vtimezone.ics", CW_ICS_ERROR_INVALID,
                "line %u (VEVENT “Company window”): DTSTART is in the time zone “Company Time”, "
                "which is not known here, and its VTIMEZONE on line 4 cannot be read",
                "DTSTART;", NULL);
  assert_fails (fixture, "malformed/not-ics.txt", CW_ICS_ERROR_NOT_CALENDAR,
                "does not begin with BEGIN:VCALENDAR", NULL);
  assert_fails (fixture, "malformed/empty.ics", CW_ICS_ERROR_NOT_CALENDAR,
                "The file is empty", NULL);
  assert_fails (fixture, "malformed/no-events.ics", CW_ICS_ERROR_NO_EVENTS,
                "no events", NULL);
}

static void
test_problems_in_text (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  const char *text =
    "BEGIN:VCALENDAR\nVERSION:2.0\n"
    "BEGIN:VEVENT\nUID:a\nSUMMARY:No end\nDTSTART:20260104T010000Z\nEND:VEVENT\n"
    "BEGIN:VEVENT\nUID:b\nSUMMARY:Backwards\nDTSTART:20260104T010000Z\n"
    "DTEND:20260104T000000Z\nEND:VEVENT\n"
    "BEGIN:VEVENT\nUID:c\nSUMMARY:Nowhere\nDTSTART;TZID=Mars/Olympus_Mons:20260104T010000\n"
    "DURATION:PT1H\nEND:VEVENT\n"
    "BEGIN:VEVENT\nUID:a\nSUMMARY:Twin\nDTSTART:20260104T010000Z\nDURATION:PT1H\nEND:VEVENT\n"
    "this is not a property\n"
    "END:VCALENDAR\n";

  g_assert_false (cw_ics_import (fixture->store, text, -1, NULL, NULL, &error));
  g_assert_error (error, CW_ICS_ERROR, CW_ICS_ERROR_INVALID);
  lines = g_strsplit (error->message, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 1);
  /* Structure first: a broken line stops the reading of events. */
  g_assert_cmpstr (lines[0], ==, "line 26 (VCALENDAR): “this is not a property” is not a content "
                                 "line of the form NAME:value");

  g_clear_error (&error);
  {
    g_autoptr(GString) fixed = g_string_new (text);

    g_string_replace (fixed, "this is not a property\n", "", 0);
    g_assert_false (cw_ics_import (fixture->store, fixed->str, -1, NULL, NULL, &error));
  }
  g_strfreev (lines);
  lines = g_strsplit (error->message, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_cmpstr (lines[0], ==, "line 6 (VEVENT “No end”): the event has no end: DTEND or "
                                 "DURATION is missing");
  g_assert_cmpstr (lines[1], ==, "line 12 (VEVENT “Backwards”): DTEND “20260104T000000Z” is not "
                                 "after DTSTART");
  g_assert_cmpstr (lines[2], ==, "line 17 (VEVENT “Nowhere”): DTSTART is in the time zone "
                                 "“Mars/Olympus_Mons”, which is not known here and has no "
                                 "VTIMEZONE in the file");
  g_assert_cmpstr (lines[3], ==, "line 20 (VEVENT “Twin”): the VEVENT on line 3 has the same "
                                 "UID “a”");
  g_assert_cmpint (count_rows (fixture->store, "maintenance_windows"), ==, 0);
}

/* Folded anywhere, even inside a character; LF alone, CR alone; blank
 * lines; a byte order mark. */
static void
test_folding (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(CwMaintWindow) window = NULL;
  g_autoptr(CwMaintWindow) classic = NULL;
  const char *text =
    "\xef\xbb\xbf" "BEGIN:VCALENDAR\nVERSION:2.0\n\n"
    "BEGIN:VEVENT\nUID:fold@example.com\n"
    "SUMMARY:M\xc3\n \xbcnchen \n\tnight\n"
    "DTSTART;TZID=\"Europe/\n Berlin\":20260104T010000\n"
    "DURATION:PT4H\nEND:VEVENT\nEND:VCALENDAR\n";
  const char *mac = "BEGIN:VCALENDAR\rVERSION:2.0\rBEGIN:VEVENT\rUID:mac@example.com\r"
                    "SUMMARY:Classic\r  night\rDTSTART;TZID=Europe/Berlin:20260104T010000\r"
                    "DURATION:PT2H\rEND:VEVENT\rEND:VCALENDAR\r";

  import_text (fixture->store, text, NULL);
  window = window_named (fixture->store, "München night");
  g_assert_cmpstr (window->tzid, ==, "Europe/Berlin");
  g_assert_cmpstr (window->start_local, ==, "2026-01-04T01:00:00");

  /* CR alone ends the lines of a file without LF. */
  import_text (fixture->store, mac, NULL);
  classic = window_named (fixture->store, "Classic night");
  g_assert_cmpuint (classic->duration_min, ==, 120);
}

/* Inside a transaction of the caller's, the import is part of it. */
static void
test_in_transaction (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *text = read_sample ("evolution.ics");
  g_autoptr(GError) error = NULL;

  g_assert_true (cw_store_begin (fixture->store, &error));
  g_assert_no_error (error);
  import_text (fixture->store, text, NULL);
  g_assert_cmpint (count_rows (fixture->store, "maintenance_windows"), ==, 3);
  cw_store_rollback (fixture->store);
  g_assert_cmpint (count_rows (fixture->store, "maintenance_windows"), ==, 0);

  import_text (fixture->store, text, NULL);
  g_assert_cmpint (count_rows (fixture->store, "maintenance_windows"), ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/core/ics/import/outlook", test_outlook);
  ADD ("/core/ics/import/google", test_google);
  ADD ("/core/ics/import/evolution", test_evolution);
  ADD ("/core/ics/import/google-dst", test_google_dst);
  ADD ("/core/ics/import/blackouts", test_blackouts);
  ADD ("/core/ics/import/blackout-for-ever", test_blackout_for_ever);
  ADD ("/core/ics/import/reimport", test_reimport);
  ADD ("/core/ics/import/malformed", test_malformed);
  ADD ("/core/ics/import/problems", test_problems_in_text);
  ADD ("/core/ics/import/folding", test_folding);
  ADD ("/core/ics/import/in-transaction", test_in_transaction);

  return g_test_run ();
}
