/* cw-cli-calendar.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-cli-calendar"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "cw-cli.h"
#include "cw-cli-calendar-private.h"
#include "cw-ics.h"

/* `changeward-cli calendar import|export`, and what the sub-commands share;
 * `occurrences`, `conflicts` and `slots` are in cw-cli-calendar-report.c. */

/* ---- shared ---------------------------------------------------------------- */

static gboolean
parse_date (const char *text,
            gint64     *instant)
{
  g_autoptr(GDateTime) midnight = NULL;
  int year, month, day;
  char end;

  if (text == NULL || strlen (text) != 10 ||
      sscanf (text, "%4d-%2d-%2d%c", &year, &month, &day, &end) != 3 ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;

  midnight = g_date_time_new_utc (year, month, day, 0, 0, 0);
  if (midnight == NULL)
    return FALSE;
  *instant = g_date_time_to_unix (midnight);

  return TRUE;
}

int
cw_cli_calendar_parse_range (const char *command,
                             const char *from_text,
                             const char *to_text,
                             gboolean    required,
                             gint64     *from,
                             gint64     *to)
{
  gint64 a, b;

  if (from_text == NULL && to_text == NULL && !required)
    return CW_CLI_OK;
  if (from_text == NULL || to_text == NULL)
    return cw_cli_usage_error (command, _("give both --from DATE and --to DATE"));
  if (!parse_date (from_text, &a))
    return cw_cli_usage_error (command, _("--from takes a date like 2026-01-31, not “%s”"),
                               from_text);
  if (!parse_date (to_text, &b))
    return cw_cli_usage_error (command, _("--to takes a date like 2026-01-31, not “%s”"),
                               to_text);
  if (b < a)
    return cw_cli_usage_error (command, _("--to %s is before --from %s"), to_text, from_text);

  *from = a;
  *to = b + 24 * 3600;
  return CW_CLI_OK;
}

gboolean
cw_cli_calendar_parse_datetime (const char *text,
                                gint64     *instant)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) parsed = NULL;
  g_autofree char *iso = NULL;

  if (text == NULL)
    return FALSE;
  if (parse_date (text, instant))
    return TRUE;

  /* "2026-01-10 22:00" reads as "2026-01-10T22:00:00": GLib wants the
   * seconds. */
  iso = g_strdup (text);
  if (strlen (iso) > 10 && iso[10] == ' ')
    iso[10] = 'T';
  if (strlen (iso) >= 16 && iso[10] == 'T' && iso[13] == ':' &&
      (iso[16] == '\0' || iso[16] == 'Z' || iso[16] == '+' || iso[16] == '-'))
    {
      g_autofree char *head = g_strndup (iso, 16);
      g_autofree char *with_seconds = g_strconcat (head, ":00", iso + 16, NULL);

      g_free (iso);
      iso = g_steal_pointer (&with_seconds);
    }
  parsed = g_date_time_new_from_iso8601 (iso, utc);
  if (parsed == NULL)
    return FALSE;
  *instant = g_date_time_to_unix (parsed);

  return TRUE;
}

char *
cw_cli_calendar_format (gint64      instant,
                        const char *tzid,
                        gboolean    with_zone)
{
  char *text = cw_schedule_format_instant (instant, tzid,
                                           with_zone ? "%Y-%m-%d %H:%M %Z" : "%Y-%m-%d %H:%M");

  return text != NULL ? text : g_strdup ("?");
}

char *
cw_cli_calendar_format_iso (gint64 instant)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (instant);

  if (time == NULL)
    return g_strdup ("");

  return g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ");
}

GHashTable *
cw_cli_calendar_windows_by_id (CwStore  *store,
                               GError  **error)
{
  g_autoptr(GPtrArray) windows = cw_schedule_list_windows (store, error);
  GHashTable *by_id;

  if (windows == NULL)
    return NULL;

  by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                 (GDestroyNotify) cw_maint_window_free);
  g_ptr_array_set_free_func (windows, NULL);
  for (guint i = 0; i < windows->len; i++)
    {
      CwMaintWindow *window = g_ptr_array_index (windows, i);

      g_hash_table_insert (by_id, &window->id, window);
    }

  return by_id;
}

/* ---- import ---------------------------------------------------------------- */

/* Every problem of a bad file, one per line, with the file's name. */
static int
fail_import (const char   *command,
             const char   *file_name,
             const GError *error)
{
  if (g_error_matches (error, CW_ICS_ERROR, CW_ICS_ERROR_INVALID))
    {
      guint n = cw_cli_print_file_problems (file_name, error->message);

      fprintf (stderr, ngettext ("%u problem. Nothing was imported.\n",
                                 "%u problems. Nothing was imported.\n", n), n);
      return CW_CLI_FAILURE;
    }

  {
    g_autofree char *where = g_strdup_printf ("%s: %s", command, file_name);

    return cw_cli_fail_import (where, error);
  }
}

static void
print_import_result (const char              *file_name,
                     const CwIcsImportResult *result)
{
  g_autofree char *windows_added = g_strdup_printf (ngettext ("%u window added",
                                                              "%u windows added",
                                                              result->n_windows_added),
                                                    result->n_windows_added);
  g_autofree char *windows_updated = g_strdup_printf (ngettext ("%u updated", "%u updated",
                                                                result->n_windows_updated),
                                                      result->n_windows_updated);
  g_autofree char *blackouts_added = g_strdup_printf (ngettext ("%u blackout added",
                                                                "%u blackouts added",
                                                                result->n_blackouts_added),
                                                      result->n_blackouts_added);
  g_autofree char *blackouts_updated = g_strdup_printf (ngettext ("%u updated", "%u updated",
                                                                  result->n_blackouts_updated),
                                                        result->n_blackouts_updated);

  /* Translators: "Imported FILE: 3 windows added, 1 updated; 0 blackouts added, 0 updated." */
  printf (_("Imported %s: %s, %s; %s, %s.\n"), file_name, windows_added, windows_updated,
          blackouts_added, blackouts_updated);

  if (result->n_cancelled > 0)
    printf (ngettext ("%u cancelled event was skipped.\n",
                      "%u cancelled events were skipped.\n", result->n_cancelled),
            result->n_cancelled);
  if (result->n_blackouts_removed > 0)
    printf (ngettext ("%u blackout was removed: its repeating event no longer has that "
                      "occurrence.\n",
                      "%u blackouts were removed: their repeating events no longer have those "
                      "occurrences.\n", result->n_blackouts_removed),
            result->n_blackouts_removed);
  if (result->n_work_skipped > 0)
    printf (ngettext ("%u planned work was skipped: planned work is not imported.\n",
                      "%u planned works were skipped: planned work is not imported.\n",
                      result->n_work_skipped),
            result->n_work_skipped);
}

static int
calendar_import (int    argc,
                 char **argv)
{
  static const char *command = "calendar import";
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *workspace = NULL;
  g_autofree char *as = NULL;
  g_autofree char *site = NULL;
  g_autofree char *mode = NULL;
  g_autoptr(CwStore) store = NULL;
  g_autoptr(GError) error = NULL;
  CwIcsImportOptions options;
  CwIcsImportResult result;
  const char *file_name;
  int status;
  const GOptionEntry entries[] = {
    { "workspace", 'w', 0, G_OPTION_ARG_FILENAME, &workspace,
      N_("The workspace to import into (it must exist)"), N_("PATH") },
    { "as", 0, 0, G_OPTION_ARG_STRING, &as,
      N_("Import the events as maintenance windows or as blackouts (required)"),
      N_("maintenance|blackout") },
    { "site", 0, 0, G_OPTION_ARG_STRING, &site,
      N_("What the imported items cover: this site, by code or name (default: everything); "
         "floating times and all-day events are in its time zone (default: the file’s "
         "X-WR-TIMEZONE, else UTC)"),
      N_("NAME") },
    { "mode", 0, 0, G_OPTION_ARG_STRING, &mode,
      N_("Blackouts only: block (planned work inside is an error) or warn (a warning); "
         "default: the file’s own, else block"), N_("block|warn") },
    { NULL }
  };

  context = cw_cli_option_context (command, _("FILE.ics"),
                                   _("Imports the events of an iCalendar file (Outlook, Google "
                                     "Calendar, Evolution, Changeward) as maintenance windows "
                                     "or blackouts, with their time zones, recurrence rules, "
                                     "exceptions and moved occurrences. An event already "
                                     "imported (same UID) is updated. The file is checked "
                                     "first: every problem is reported with its line, and "
                                     "nothing is imported when any exists."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((status = cw_cli_parse_one_argument (context, command, &argc, &argv,
                                           _("no FILE.ics to import"))) != CW_CLI_OK)
    return status;

  cw_ics_import_options_init (&options);
  if (as == NULL)
    return cw_cli_usage_error (command, _("say what to import the events as: --as maintenance "
                                          "or --as blackout"));
  if (g_str_equal (as, "maintenance"))
    options.kind = CW_ICS_IMPORT_WINDOWS;
  else if (g_str_equal (as, "blackout"))
    options.kind = CW_ICS_IMPORT_BLACKOUTS;
  else
    return cw_cli_usage_error (command, _("--as takes maintenance or blackout, not “%s”"), as);

  if (mode != NULL)
    {
      if (options.kind != CW_ICS_IMPORT_BLACKOUTS)
        return cw_cli_usage_error (command, _("--mode is for blackouts (--as blackout)"));
      if (!cw_blackout_mode_from_string (mode, &options.mode))
        return cw_cli_usage_error (command, _("--mode takes block or warn, not “%s”"), mode);
      options.has_mode = TRUE;
    }
  if (site != NULL && g_strstrip (site)[0] == '\0')
    return cw_cli_usage_error (command, _("--site cannot be empty"));
  options.site = site;

  file_name = argv[1];
  store = cw_cli_open_workspace (command, workspace, CW_STORE_OPEN_NO_CREATE, &status);
  if (store == NULL)
    return status;

  if (!cw_ics_import_file (store, file_name, &options, &result, &error))
    return fail_import (command, file_name, error);

  print_import_result (file_name, &result);
  return CW_CLI_OK;
}

/* ---- export ---------------------------------------------------------------- */

static int
calendar_export (int    argc,
                 char **argv)
{
  static const char *command = "calendar export";
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *workspace = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autofree char *output_path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(CwStore) store = NULL;
  g_autoptr(GError) error = NULL;
  CwIcsExportOptions options;
  CwIcsExportResult result;
  int status;
  const GOptionEntry entries[] = {
    { "workspace", 'w', 0, G_OPTION_ARG_FILENAME, &workspace,
      N_("The workspace file"), N_("PATH") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text,
      N_("Only what happens from this day on (UTC), with --to"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text,
      N_("… up to the end of this day (UTC)"), N_("DATE") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output_path,
      N_("The file to write (required; replaced only once it is complete)"), N_("FILE.ics") },
    { NULL }
  };

  context = cw_cli_option_context (command, NULL,
                                   _("Exports the maintenance windows (with their recurrence), "
                                     "blackouts and planned work as an iCalendar file for "
                                     "Outlook, Google Calendar or Evolution, with a VTIMEZONE "
                                     "for every time zone used. With --from and --to (dates, "
                                     "YYYY-MM-DD): windows with an occurrence in those days, "
                                     "and the blackouts and planned work that overlap them. "
                                     "The workspace is opened read-only."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((status = cw_cli_parse (context, command, &argc, &argv)) != CW_CLI_OK)
    return status;

  cw_ics_export_options_init (&options);
  if ((status = cw_cli_calendar_parse_range (command, from_text, to_text, FALSE,
                                             &options.from, &options.to)) != CW_CLI_OK)
    return status;
  if (output_path == NULL)
    return cw_cli_usage_error (command, _("--output FILE.ics is required"));

  store = cw_cli_open_workspace (command, workspace, CW_STORE_OPEN_READ_ONLY, &status);
  if (store == NULL)
    return status;

  text = cw_ics_export (store, &options, &result, &error);
  if (text == NULL)
    return cw_cli_fail (command, error);

  if (!cw_cli_write_output (output_path, text, &error))
    return cw_cli_fail (command, error);

  {
    g_autofree char *windows = g_strdup_printf (ngettext ("%u window", "%u windows",
                                                          result.n_windows), result.n_windows);
    g_autofree char *blackouts = g_strdup_printf (ngettext ("%u blackout", "%u blackouts",
                                                            result.n_blackouts),
                                                  result.n_blackouts);
    g_autofree char *works = g_strdup_printf (ngettext ("%u planned work", "%u planned works",
                                                        result.n_works), result.n_works);

    /* Translators: "Exported 4 windows, 3 blackouts and 1 planned work to FILE." */
    printf (_("Exported %s, %s and %s to %s.\n"), windows, blackouts, works, output_path);
  }
  return CW_CLI_OK;
}

/* ---- the command ----------------------------------------------------------- */

static const CwCliCommand sub_commands[] = {
  { "import",      N_("Import an iCalendar file as maintenance windows or blackouts"),
    calendar_import },
  { "export",      N_("Export windows, blackouts and planned work as an iCalendar file"),
    calendar_export },
  { "occurrences", N_("List the occurrences of the maintenance windows between two dates"),
    cw_cli_calendar_occurrences },
  { "conflicts",   N_("List the conflicts of the planned work"), cw_cli_calendar_conflicts },
  { "slots",       N_("Find the first free slots for a runbook on some CIs"),
    cw_cli_calendar_slots },
};

int
cw_cli_calendar (int    argc,
                 char **argv)
{
  return cw_cli_run_group ("calendar", sub_commands, G_N_ELEMENTS (sub_commands), argc, argv);
}
