/* cw-cli-calendar-report.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-cli-calendar"

#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "cw-cli.h"
#include "cw-cli-calendar-private.h"
#include "cw-store-private.h"

/* `changeward-cli calendar occurrences|conflicts|slots`: what the calendar
 * says, as a table or as JSON. Times are printed in UTC, with the local
 * time of the window's zone beside them. */

static void
add_time (JsonBuilder *builder,
          const char  *name,
          gint64       instant)
{
  g_autofree char *text = cw_cli_calendar_format_iso (instant);

  cw_cli_json_add_string (builder, name, text);
}

/* "2026-01-10 22:00 – 2026-01-11 02:00 UTC", or "... – 02:00 UTC" on one day. */
static char *
format_span (gint64 start,
             gint64 end)
{
  g_autofree char *a = cw_cli_calendar_format (start, NULL, FALSE);
  g_autofree char *b = cw_cli_calendar_format (end, NULL, FALSE);

  if (strncmp (a, b, 10) == 0)
    return g_strdup_printf ("%s – %s UTC", a, b + 11);

  return g_strdup_printf ("%s – %s UTC", a, b);
}

/* ---- occurrences ------------------------------------------------------------- */

static void
print_occurrences (GArray     *occurrences,
                   GHashTable *windows)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  const char *headers[] = { _("Start (UTC)"), _("End (UTC)"), _("Local start"), _("Window"),
                            _("Note") };

  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    g_ptr_array_add (cells, g_strdup (headers[c]));

  for (guint i = 0; i < occurrences->len; i++)
    {
      const CwOccurrence *occurrence = &g_array_index (occurrences, CwOccurrence, i);
      const CwMaintWindow *window = g_hash_table_lookup (windows, &occurrence->window_id);

      g_ptr_array_add (cells, cw_cli_calendar_format (occurrence->start, NULL, FALSE));
      g_ptr_array_add (cells, cw_cli_calendar_format (occurrence->end, NULL, FALSE));
      g_ptr_array_add (cells, cw_cli_calendar_format (occurrence->start,
                                                      window != NULL ? window->tzid : NULL,
                                                      TRUE));
      g_ptr_array_add (cells, g_strdup (window != NULL ? window->name : "?"));
      g_ptr_array_add (cells, g_strdup (occurrence->moved ? _("moved") : ""));
    }

  cw_cli_print_table (cells, G_N_ELEMENTS (headers), 0);
}

static void
print_occurrences_json (GArray     *occurrences,
                        GHashTable *windows,
                        gint64      from,
                        gint64      to)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_time (builder, "from", from);
  add_time (builder, "to", to);
  json_builder_set_member_name (builder, "occurrences");
  json_builder_begin_array (builder);
  for (guint i = 0; i < occurrences->len; i++)
    {
      const CwOccurrence *occurrence = &g_array_index (occurrences, CwOccurrence, i);
      const CwMaintWindow *window = g_hash_table_lookup (windows, &occurrence->window_id);
      g_autofree char *local = NULL;

      if (window != NULL)
        local = cw_schedule_utc_to_local (occurrence->start, window->tzid);

      json_builder_begin_object (builder);
      cw_cli_json_add_int (builder, "window_id", occurrence->window_id);
      cw_cli_json_add_string (builder, "window", window != NULL ? window->name : NULL);
      cw_cli_json_add_string (builder, "uid", window != NULL ? window->uid : NULL);
      cw_cli_json_add_string (builder, "tzid", window != NULL ? window->tzid : NULL);
      add_time (builder, "start", occurrence->start);
      add_time (builder, "end", occurrence->end);
      cw_cli_json_add_string (builder, "local_start", local);
      cw_cli_json_add_string (builder, "recurrence_id", occurrence->recurrence_id);
      json_builder_set_member_name (builder, "moved");
      json_builder_add_boolean_value (builder, occurrence->moved);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  cw_cli_print_json (builder);
}

int
cw_cli_calendar_occurrences (int    argc,
                             char **argv)
{
  static const char *command = "calendar occurrences";
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *workspace = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autoptr(CwStore) store = NULL;
  g_autoptr(GArray) occurrences = NULL;
  g_autoptr(GHashTable) windows = NULL;
  g_autoptr(GError) error = NULL;
  gboolean json = FALSE;
  gint64 from = 0, to = 0;
  int status;
  const GOptionEntry entries[] = {
    { "workspace", 'w', 0, G_OPTION_ARG_FILENAME, &workspace,
      N_("The workspace file"), N_("PATH") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text,
      N_("The first day (UTC, required)"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text,
      N_("The last day (UTC, required)"), N_("DATE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print the occurrences as a JSON document"), NULL },
    { NULL }
  };

  context = cw_cli_option_context (command, NULL,
                                   _("Lists every occurrence of every maintenance window from "
                                     "the start of --from to the end of --to (dates, "
                                     "YYYY-MM-DD, in UTC), by start: in UTC and in the "
                                     "window’s own time zone, moved occurrences marked. The "
                                     "workspace is opened read-only."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((status = cw_cli_parse (context, command, &argc, &argv)) != CW_CLI_OK)
    return status;
  if ((status = cw_cli_calendar_parse_range (command, from_text, to_text, TRUE,
                                             &from, &to)) != CW_CLI_OK)
    return status;

  store = cw_cli_open_workspace (command, workspace, CW_STORE_OPEN_READ_ONLY, &status);
  if (store == NULL)
    return status;

  occurrences = cw_schedule_list_occurrences (store, from, to, &error);
  if (occurrences == NULL)
    return cw_cli_fail (command, error);
  windows = cw_cli_calendar_windows_by_id (store, &error);
  if (windows == NULL)
    return cw_cli_fail (command, error);

  if (json)
    print_occurrences_json (occurrences, windows, from, to);
  else if (occurrences->len == 0)
    printf ("%s\n", _("No maintenance window occurs in those days."));
  else
    print_occurrences (occurrences, windows);

  return CW_CLI_OK;
}

/* ---- conflicts --------------------------------------------------------------- */

static char *
ci_name (CwStore *store,
         gint64   id)
{
  sqlite3_stmt *stmt = NULL;
  char *name = NULL;

  if (sqlite3_prepare_v2 (cw_store_get_handle (store), "SELECT name FROM cis WHERE id = ?", -1,
                          &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    }
  sqlite3_finalize (stmt);

  return name != NULL ? name : g_strdup_printf ("#%" G_GINT64_FORMAT, id);
}

static char *
work_title (CwStore *store,
            gint64   id)
{
  g_autoptr(CwPlannedWork) work = cw_schedule_get_work (store, id, NULL);

  return work != NULL ? g_strdup (work->title) : g_strdup_printf ("#%" G_GINT64_FORMAT, id);
}

static void
add_conflict_json (JsonBuilder      *builder,
                   CwStore          *store,
                   const CwConflict *conflict)
{
  json_builder_begin_object (builder);
  cw_cli_json_add_string (builder, "kind", cw_conflict_kind_to_string (conflict->kind));
  cw_cli_json_add_string (builder, "severity", cw_conflict_severity_to_string (conflict->severity));
  cw_cli_json_add_string (builder, "label", cw_conflict_kind_get_label (conflict->kind));
  cw_cli_json_add_string (builder, "message", conflict->message);
  add_time (builder, "start", conflict->start);
  add_time (builder, "end", conflict->end);

  json_builder_set_member_name (builder, "works");
  json_builder_begin_array (builder);
  for (guint i = 0; i < conflict->work_ids->len; i++)
    {
      gint64 id = g_array_index (conflict->work_ids, gint64, i);
      g_autofree char *title = work_title (store, id);

      json_builder_begin_object (builder);
      cw_cli_json_add_int (builder, "id", id);
      cw_cli_json_add_string (builder, "title", title);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "cis");
  json_builder_begin_array (builder);
  for (guint i = 0; i < conflict->ci_ids->len; i++)
    {
      gint64 id = g_array_index (conflict->ci_ids, gint64, i);
      g_autofree char *name = ci_name (store, id);

      json_builder_begin_object (builder);
      cw_cli_json_add_int (builder, "id", id);
      cw_cli_json_add_string (builder, "name", name);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "window_id");
  if (conflict->window_id != 0)
    json_builder_add_int_value (builder, conflict->window_id);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "blackout_id");
  if (conflict->blackout_id != 0)
    json_builder_add_int_value (builder, conflict->blackout_id);
  else
    json_builder_add_null_value (builder);
  cw_cli_json_add_string (builder, "assignee", conflict->assignee);
  json_builder_end_object (builder);
}

static void
print_conflicts (CwStore   *store,
                 GPtrArray *conflicts)
{
  for (guint i = 0; i < conflicts->len; i++)
    {
      const CwConflict *conflict = g_ptr_array_index (conflicts, i);
      g_autofree char *span = format_span (conflict->start, conflict->end);
      g_autoptr(GString) works = g_string_new (NULL);

      for (guint j = 0; j < conflict->work_ids->len; j++)
        {
          g_autofree char *title = work_title (store, g_array_index (conflict->work_ids, gint64, j));

          g_string_append_printf (works, "%s“%s”", j > 0 ? ", " : "", title);
        }

      printf ("%-7s  %s  %s\n", conflict->severity == CW_CONFLICT_ERROR ? _("error") : _("warning"),
              cw_conflict_kind_to_string (conflict->kind), span);
      printf ("  %s\n", conflict->message);
      if (works->len > 0)
        printf ("  %s %s\n", _("Planned work:"), works->str);
    }
}

/* The span of every planned work, for the default range. FALSE when there
 * is none. */
static gboolean
span_of_work (CwStore  *store,
              gint64   *from,
              gint64   *to,
              GError  **error)
{
  g_autoptr(GPtrArray) works = cw_schedule_list_work (store, G_MININT64, G_MAXINT64, error);

  if (works == NULL || works->len == 0)
    return FALSE;

  *from = G_MAXINT64;
  *to = G_MININT64;
  for (guint i = 0; i < works->len; i++)
    {
      const CwPlannedWork *work = g_ptr_array_index (works, i);

      *from = MIN (*from, work->start);
      *to = MAX (*to, work->end);
    }

  return TRUE;
}

int
cw_cli_calendar_conflicts (int    argc,
                           char **argv)
{
  static const char *command = "calendar conflicts";
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *workspace = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autoptr(CwStore) store = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  gboolean json = FALSE;
  gint64 from = G_MININT64, to = G_MAXINT64;
  guint n_errors = 0, n_warnings = 0;
  int status;
  const GOptionEntry entries[] = {
    { "workspace", 'w', 0, G_OPTION_ARG_FILENAME, &workspace,
      N_("The workspace file"), N_("PATH") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text,
      N_("Only planned work from this day on (UTC), with --to; default: all of it"),
      N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text,
      N_("… up to the end of this day (UTC)"), N_("DATE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print the conflicts as a JSON document"), NULL },
    { NULL }
  };

  context = cw_cli_option_context (command, NULL,
                                   _("Lists every conflict of the planned work, each with its "
                                     "kind, severity, the works involved and a message. The "
                                     "kinds: ci-overlap (the same CI, or a CI and what it runs "
                                     "on or is part of, in two works at once), blackout (work "
                                     "inside a blackout: an error in block mode, a warning in "
                                     "warn mode), outside-window (outside every maintenance "
                                     "window of its CIs), window-too-short (the runbook, "
                                     "rollback included, needs more than the window has left), "
                                     "work-too-short (a warning: booked for less than the "
                                     "runbook needs), assignee (booked twice at once), "
                                     "concurrency (more works at once than the window allows), "
                                     "unknown-runbook (a warning: the runbook cannot be found "
                                     "or timed). The workspace is opened read-only."));
  g_option_context_set_description (context,
                                    _("Exit status: 0 when no conflict is an error (warnings "
                                      "only, or none), 3 when an error-level conflict exists, "
                                      "1 on failure, 2 on a usage error."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((status = cw_cli_parse (context, command, &argc, &argv)) != CW_CLI_OK)
    return status;
  if ((status = cw_cli_calendar_parse_range (command, from_text, to_text, FALSE,
                                             &from, &to)) != CW_CLI_OK)
    return status;

  store = cw_cli_open_workspace (command, workspace, CW_STORE_OPEN_READ_ONLY, &status);
  if (store == NULL)
    return status;

  /* Windows repeat for ever: the range is never unbounded. */
  if (from_text == NULL && !span_of_work (store, &from, &to, &error))
    {
      if (error != NULL)
        return cw_cli_fail (command, error);
      from = to = 0;
    }

  conflicts = from < to ? cw_schedule_conflicts (store, from, to, &error)
                        : g_ptr_array_new_with_free_func ((GDestroyNotify) cw_conflict_free);
  if (conflicts == NULL)
    return cw_cli_fail (command, error);

  for (guint i = 0; i < conflicts->len; i++)
    {
      const CwConflict *conflict = g_ptr_array_index (conflicts, i);

      if (conflict->severity == CW_CONFLICT_ERROR)
        n_errors++;
      else
        n_warnings++;
    }

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      cw_cli_json_add_int (builder, "errors", n_errors);
      cw_cli_json_add_int (builder, "warnings", n_warnings);
      json_builder_set_member_name (builder, "blocked");
      json_builder_add_boolean_value (builder, n_errors > 0);
      json_builder_set_member_name (builder, "conflicts");
      json_builder_begin_array (builder);
      for (guint i = 0; i < conflicts->len; i++)
        add_conflict_json (builder, store, g_ptr_array_index (conflicts, i));
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      cw_cli_print_json (builder);
    }
  else if (conflicts->len == 0)
    printf ("%s\n", _("No conflicts."));
  else
    {
      g_autofree char *errors = g_strdup_printf (ngettext ("%u error", "%u errors", n_errors),
                                                 n_errors);
      g_autofree char *warnings = g_strdup_printf (ngettext ("%u warning", "%u warnings",
                                                             n_warnings), n_warnings);

      print_conflicts (store, conflicts);
      /* Translators: "5 conflicts: 3 errors, 2 warnings." */
      printf (ngettext ("%u conflict: %s, %s.\n", "%u conflicts: %s, %s.\n", conflicts->len),
              conflicts->len, errors, warnings);
    }

  return n_errors > 0 ? CW_CLI_BLOCKED : CW_CLI_OK;
}

/* ---- slots --------------------------------------------------------------------- */

/* The CI named @name exactly, else in any case; 0 (with a message) when
 * none or several are. */
static gint64
resolve_ci (const char *command,
            CwStore    *store,
            const char *name)
{
  static const char * const queries[] = {
    "SELECT id FROM cis WHERE name = ? ORDER BY id LIMIT 2",
    "SELECT id FROM cis WHERE name = ? COLLATE NOCASE ORDER BY id LIMIT 2",
  };
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint q = 0; q < G_N_ELEMENTS (queries) && ids->len == 0; q++)
    {
      sqlite3_stmt *stmt = NULL;

      if (sqlite3_prepare_v2 (cw_store_get_handle (store), queries[q], -1, &stmt, NULL) == SQLITE_OK)
        {
          sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
          while (sqlite3_step (stmt) == SQLITE_ROW)
            {
              gint64 id = sqlite3_column_int64 (stmt, 0);

              g_array_append_val (ids, id);
            }
        }
      sqlite3_finalize (stmt);
    }

  if (ids->len == 1)
    return g_array_index (ids, gint64, 0);

  if (ids->len == 0)
    cw_cli_fail_with (command, _("There is no configuration item named “%s”."), name);
  else
    cw_cli_fail_with (command, _("More than one configuration item is named “%s”."), name);

  return 0;
}

static void
print_slots (GArray     *slots,
             GHashTable *windows)
{
  for (guint i = 0; i < slots->len; i++)
    {
      const CwFreeSlot *slot = &g_array_index (slots, CwFreeSlot, i);
      const CwMaintWindow *window = g_hash_table_lookup (windows, &slot->window_id);
      g_autofree char *span = format_span (slot->start, slot->end);
      g_autofree char *local = cw_cli_calendar_format (slot->start,
                                                       window != NULL ? window->tzid : NULL,
                                                       TRUE);

      /* Translators: "1. 2026-01-11 00:00 – 01:45 UTC (2026-01-11 01:00 CET) in “Sunday”" */
      printf (_("%u. %s (%s) in “%s”"), i + 1, span, local, window != NULL ? window->name : "?");
      if (slot->has_warnings)
        printf (" %s", _("— a warn-mode blackout covers it"));
      printf ("\n");
    }
}

static void
print_slots_json (GArray     *slots,
                  GHashTable *windows,
                  const char *runbook,
                  guint       minutes,
                  gint64      after)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  cw_cli_json_add_string (builder, "runbook", runbook);
  cw_cli_json_add_int (builder, "window_needed_min", minutes);
  add_time (builder, "after", after);
  json_builder_set_member_name (builder, "slots");
  json_builder_begin_array (builder);
  for (guint i = 0; i < slots->len; i++)
    {
      const CwFreeSlot *slot = &g_array_index (slots, CwFreeSlot, i);
      const CwMaintWindow *window = g_hash_table_lookup (windows, &slot->window_id);
      g_autofree char *local = NULL;

      if (window != NULL)
        local = cw_schedule_utc_to_local (slot->start, window->tzid);

      json_builder_begin_object (builder);
      add_time (builder, "start", slot->start);
      add_time (builder, "end", slot->end);
      cw_cli_json_add_int (builder, "window_id", slot->window_id);
      cw_cli_json_add_string (builder, "window", window != NULL ? window->name : NULL);
      cw_cli_json_add_string (builder, "tzid", window != NULL ? window->tzid : NULL);
      cw_cli_json_add_string (builder, "local_start", local);
      add_time (builder, "occurrence_start", slot->occurrence_start);
      add_time (builder, "occurrence_end", slot->occurrence_end);
      json_builder_set_member_name (builder, "warnings");
      json_builder_add_boolean_value (builder, slot->has_warnings);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  cw_cli_print_json (builder);
}

int
cw_cli_calendar_slots (int    argc,
                       char **argv)
{
  static const char *command = "calendar slots";
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *workspace = NULL;
  g_autofree char *runbook = NULL;
  g_autofree char *after_text = NULL;
  g_auto(GStrv) ci_names = NULL;
  g_autoptr(CwStore) store = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) slots = NULL;
  g_autoptr(GHashTable) windows = NULL;
  g_autoptr(GError) error = NULL;
  CwSlotQuery query = { 0 };
  gboolean json = FALSE;
  gboolean ok = TRUE;
  gint64 after;
  guint minutes = 0;
  int status;
  const GOptionEntry entries[] = {
    { "workspace", 'w', 0, G_OPTION_ARG_FILENAME, &workspace,
      N_("The workspace file"), N_("PATH") },
    { "runbook", 0, 0, G_OPTION_ARG_STRING, &runbook,
      N_("The runbook to run (its latest version): its window needed, rollback included, is "
         "the length of a slot (required)"), N_("NAME") },
    { "ci", 0, 0, G_OPTION_ARG_STRING_ARRAY, &ci_names,
      N_("A configuration item to work on, by name (required; repeat it for more)"),
      N_("NAME") },
    { "after", 0, 0, G_OPTION_ARG_STRING, &after_text,
      N_("Slots start at or after this time: ISO 8601 such as 2026-01-10T22:00, with Z or "
         "±hh:mm, or UTC without one (default: now)"), N_("DATETIME") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print the slots as a JSON document"), NULL },
    { NULL }
  };

  context = cw_cli_option_context (command, NULL,
                                   _("Finds the first five slots, in the year after --after, "
                                     "where the runbook fits inside a maintenance window of "
                                     "every CI with no error-level conflict: no block "
                                     "blackout, no other planned work on the CIs or what they "
                                     "run on, concurrency limits kept. At most one slot per "
                                     "window occurrence. The workspace is opened read-only."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((status = cw_cli_parse (context, command, &argc, &argv)) != CW_CLI_OK)
    return status;

  if (runbook == NULL)
    return cw_cli_usage_error (command, _("--runbook NAME is required"));
  if (ci_names == NULL || ci_names[0] == NULL)
    return cw_cli_usage_error (command, _("give the configuration items with --ci NAME"));
  if (after_text != NULL)
    {
      if (!cw_cli_calendar_parse_datetime (after_text, &after))
        return cw_cli_usage_error (command, _("--after takes a date and time like "
                                              "2026-01-10T22:00 or 2026-01-10T22:00+01:00, "
                                              "not “%s”"), after_text);
    }
  else
    after = g_get_real_time () / G_USEC_PER_SEC;

  store = cw_cli_open_workspace (command, workspace, CW_STORE_OPEN_READ_ONLY, &status);
  if (store == NULL)
    return status;

  for (guint i = 0; ci_names[i] != NULL; i++)
    {
      gint64 id = resolve_ci (command, store, ci_names[i]);

      if (id == 0)
        ok = FALSE;
      else
        g_array_append_val (ids, id);
    }
  if (!ok)
    return CW_CLI_FAILURE;

  if (!cw_schedule_get_window_needed (store, runbook, 0, &minutes, &error))
    return cw_cli_fail (command, error);

  query.ci_ids = (const gint64 *) (gpointer) ids->data;
  query.n_ci_ids = ids->len;
  query.runbook_name = runbook;
  query.after = after;
  slots = cw_schedule_free_slots (store, &query, &error);
  if (slots == NULL)
    return cw_cli_fail (command, error);
  windows = cw_cli_calendar_windows_by_id (store, &error);
  if (windows == NULL)
    return cw_cli_fail (command, error);

  if (json)
    print_slots_json (slots, windows, runbook, minutes, after);
  else if (slots->len == 0)
    printf ("%s\n", _("No free slot in the year after that time."));
  else
    {
      printf (ngettext ("“%s” needs a window of %u minute:\n",
                        "“%s” needs a window of %u minutes:\n", minutes), runbook, minutes);
      print_slots (slots, windows);
    }

  return CW_CLI_OK;
}
