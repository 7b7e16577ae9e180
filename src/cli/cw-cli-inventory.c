/* cw-cli-inventory.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-cli-inventory"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <sqlite3.h>
#include <stdio.h>
#include <unistd.h>

#include "cw-cli.h"
#include "cw-inventory.h"
#include "cw-inventory-export.h"
#include "cw-inventory-import.h"
#include "cw-inventory-query.h"

#define MAX_PROBLEMS_SHOWN 20
#define DEFAULT_LIMIT      50

/* ---- standard output as a GOutputStream ----------------------------------- */

#define CW_TYPE_CLI_STDOUT_STREAM (cw_cli_stdout_stream_get_type ())
G_DECLARE_FINAL_TYPE (CwCliStdoutStream, cw_cli_stdout_stream, CW, CLI_STDOUT_STREAM, GOutputStream)

struct _CwCliStdoutStream
{
  GOutputStream parent_instance;
};

G_DEFINE_FINAL_TYPE (CwCliStdoutStream, cw_cli_stdout_stream, G_TYPE_OUTPUT_STREAM)

static gssize
cw_cli_stdout_stream_write (GOutputStream  *stream,
                            const void     *buffer,
                            gsize           count,
                            GCancellable   *cancellable,
                            GError        **error)
{
  for (;;)
    {
      gssize n = write (STDOUT_FILENO, buffer, count);

      if (n >= 0)
        return n;
      if (errno == EINTR)
        continue;

      {
        int saved = errno;
        g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                     _("Could not write to the standard output: %s"), g_strerror (saved));
      }
      return -1;
    }
}

static void
cw_cli_stdout_stream_class_init (CwCliStdoutStreamClass *klass)
{
  G_OUTPUT_STREAM_CLASS (klass)->write_fn = cw_cli_stdout_stream_write;
}

static void
cw_cli_stdout_stream_init (CwCliStdoutStream *self)
{
}

/* ---- shared ---------------------------------------------------------------- */

/* 1234567 as "1,234,567" (the locale's separator when it has one). */
static char *
format_count (guint64 value)
{
  const char *separator = localeconv ()->thousands_sep;
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, value);
  GString *text = g_string_new (NULL);
  gsize len = strlen (digits);

  if (separator == NULL || separator[0] == '\0')
    separator = ",";

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append (text, separator);
      g_string_append_c (text, digits[i]);
    }

  return g_string_free (text, FALSE);
}

/* ---- import ---------------------------------------------------------------- */

static void
on_fraction_cb (GObject    *object,
                GParamSpec *pspec,
                gpointer    data)
{
  double fraction = cw_inventory_import_get_fraction (CW_INVENTORY_IMPORT (object));

  fprintf (stderr, "\r%s %3d %%", _("Importing…"), (int) (fraction * 100));
  fflush (stderr);
}

static void
print_problems (const char                    *file_name,
                const CwInventoryImportResult *result)
{
  guint shown = MIN (result->problems->len, MAX_PROBLEMS_SHOWN);

  for (guint i = 0; i < shown; i++)
    {
      const CwInventoryProblem *problem = g_ptr_array_index (result->problems, i);

      fprintf (stderr, "%s:%u: %s\n", file_name, problem->line, problem->reason);
    }

  if (result->n_problems > shown)
    {
      g_autofree char *more = format_count (result->n_problems - shown);

      /* Translators: after the first bad lines of a file. */
      fprintf (stderr, _("… and %s more\n"), more);
    }
}

static void
print_summary (const char                    *file_name,
               const CwInventoryImportResult *result)
{
  g_autofree char *lines = format_count (result->n_records);
  g_autofree char *inserted = format_count (result->n_inserted);
  g_autofree char *updated = format_count (result->n_updated);
  g_autofree char *unchanged = format_count (result->n_unchanged);
  g_autofree char *versions = format_count (result->n_version_changes);

  printf (ngettext ("Imported %s line from %s (%s layout): ",
                    "Imported %s lines from %s (%s layout): ", result->n_records),
          lines, file_name, cw_csv_layout_to_string (result->layout));
  printf (_("%s new, %s updated, %s unchanged, "), inserted, updated, unchanged);
  printf (ngettext ("%s version change.\n", "%s version changes.\n", result->n_version_changes),
          versions);
}

static int
inventory_import (int    argc,
                  char **argv)
{
  static const char *command = "inventory import";
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *workspace = NULL;
  g_autofree char *layout_text = NULL;
  g_autofree char *encoding_text = NULL;
  g_autofree char *rejects_path = NULL;
  g_autofree char *path = NULL;
  g_autofree char *file_name = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(CwInventoryImport) import = NULL;
  g_autoptr(CwInventoryImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(CwCliAsync) run = { 0 };
  gboolean show_progress;
  CwCsvLayout layout = CW_CSV_LAYOUT_AUTO;
  CwCsvEncoding encoding = CW_CSV_ENCODING_UTF8;
  int status;
  const GOptionEntry entries[] = {
    { "workspace", 'w', 0, G_OPTION_ARG_FILENAME, &workspace,
      N_("The workspace to import into (it must exist)"), N_("PATH") },
    { "layout", 0, 0, G_OPTION_ARG_STRING, &layout_text,
      N_("The file’s layout: auto (default), native, servicenow or netbox"), N_("LAYOUT") },
    { "encoding", 0, 0, G_OPTION_ARG_STRING, &encoding_text,
      N_("The file’s encoding: utf-8 (default) or windows-1252"), N_("ENCODING") },
    { "skip-invalid", 0, 0, G_OPTION_ARG_FILENAME, &rejects_path,
      N_("Import the valid lines and write the bad ones, with the reasons, to REJECTS"),
      N_("REJECTS") },
    { NULL }
  };

  context = cw_cli_option_context (command, _("FILE"),
                                   _("Imports configuration items from a CSV file in one "
                                     "transaction: by default nothing is imported when any "
                                     "line is bad. CIs are matched on sys_id, then serial, then "
                                     "name within a site, so importing a file again creates no "
                                     "duplicates; version changes go to the history."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((status = cw_cli_parse_one_argument (context, command, &argc, &argv,
                                           _("no FILE to import"))) != CW_CLI_OK)
    return status;

  if (layout_text != NULL
      && (!cw_csv_layout_from_string (layout_text, &layout) || layout == CW_CSV_LAYOUT_CUSTOM))
    return cw_cli_usage_error (command,
                               _("--layout takes auto, native, servicenow or netbox, not “%s”"),
                               layout_text);
  if (encoding_text != NULL && !cw_csv_encoding_from_string (encoding_text, &encoding))
    return cw_cli_usage_error (command,
                               _("--encoding takes utf-8 or windows-1252, not “%s”"),
                               encoding_text);

  cw_cli_async_init (&run);

  path = cw_cli_find_workspace (command, workspace, &status);
  if (path == NULL)
    return status;

  file = g_file_new_for_commandline_arg (argv[1]);
  file_name = g_strdup (argv[1]);

  import = cw_inventory_import_new (path, file);
  cw_inventory_import_set_layout (import, layout);
  cw_inventory_import_set_encoding (import, encoding);
  if (rejects_path != NULL)
    {
      g_autoptr(GFile) rejects = g_file_new_for_commandline_arg (rejects_path);

      cw_inventory_import_set_rejects_file (import, rejects);
    }

  show_progress = isatty (STDERR_FILENO);
  if (show_progress)
    g_signal_connect (import, "notify::fraction", G_CALLBACK (on_fraction_cb), NULL);

  cw_inventory_import_run_async (import, run.cancellable, cw_cli_async_done, &run);
  cw_cli_async_wait (&run);
  result = cw_inventory_import_run_finish (import, run.result, &error);

  if (show_progress)
    {
      g_signal_handlers_disconnect_by_func (import, on_fraction_cb, NULL);
      fprintf (stderr, "\r\033[K");
    }

  if (result == NULL)
    return cw_cli_fail_import (command, error);

  print_problems (file_name, result);

  if (!result->committed)
    {
      g_autofree char *bad = format_count (result->n_problems);

      fprintf (stderr, ngettext ("%s bad line. Nothing was imported. Fix it, or import the "
                                 "valid lines with --skip-invalid REJECTS.\n",
                                 "%s bad lines. Nothing was imported. Fix them, or import the "
                                 "valid lines with --skip-invalid REJECTS.\n",
                                 result->n_problems), bad);
      return CW_CLI_FAILURE;
    }

  print_summary (file_name, result);
  if (result->n_rejected > 0)
    {
      g_autofree char *bad = format_count (result->n_rejected);

      printf (ngettext ("%s bad line was skipped and written to %s.\n",
                        "%s bad lines were skipped and written to %s.\n", result->n_rejected),
              bad, rejects_path);
    }

  return CW_CLI_OK;
}

/* ---- export ---------------------------------------------------------------- */

static int
inventory_export (int    argc,
                  char **argv)
{
  static const char *command = "inventory export";
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *workspace = NULL;
  g_autofree char *search = NULL;
  g_autofree char *output_path = NULL;
  g_autofree char *path = NULL;
  g_autoptr(CwStore) store = NULL;
  g_autoptr(CwInventoryQuery) query = NULL;
  g_autoptr(GError) error = NULL;
  guint n_written = 0;
  int status;
  const GOptionEntry entries[] = {
    { "workspace", 'w', 0, G_OPTION_ARG_FILENAME, &workspace,
      N_("The workspace file"), N_("PATH") },
    { "search", 's', 0, G_OPTION_ARG_STRING, &search,
      N_("Export only the CIs that match TEXT, as the search in the app does"), N_("TEXT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output_path,
      N_("Write to FILE (replaced only once everything is written) instead of the standard "
         "output"), N_("FILE") },
    { NULL }
  };

  context = cw_cli_option_context (command, NULL,
                                   _("Exports configuration items as CSV in the native layout "
                                     "(see the README), sorted by name. The workspace is "
                                     "opened read-only."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((status = cw_cli_parse (context, command, &argc, &argv)) != CW_CLI_OK)
    return status;

  store = cw_cli_open_workspace (command, workspace, CW_STORE_OPEN_READ_ONLY, &status);
  if (store == NULL)
    return status;
  path = g_strdup (cw_store_get_path (store));

  if (search != NULL)
    {
      query = cw_inventory_query_new ();
      cw_inventory_query_set_text (query, search);
    }

  if (output_path == NULL)
    {
      g_autoptr(GOutputStream) output = g_object_new (CW_TYPE_CLI_STDOUT_STREAM, NULL);

      fflush (stdout);
      if (!cw_inventory_export_to_stream (store, query, output, NULL, &n_written, &error))
        return cw_cli_fail (command, error);
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (output_path);
      g_auto(CwCliAsync) run = { 0 };
      g_autofree char *count = NULL;

      g_clear_object (&store);
      cw_cli_async_init (&run);
      cw_inventory_export_async (path, query, file, run.cancellable, cw_cli_async_done, &run);
      cw_cli_async_wait (&run);
      if (!cw_inventory_export_finish (run.result, &n_written, &error))
        return cw_cli_fail (command, error);

      count = format_count (n_written);
      printf (ngettext ("Exported %s configuration item to %s.\n",
                        "Exported %s configuration items to %s.\n", n_written),
              count, output_path);
    }

  return CW_CLI_OK;
}

/* ---- search ---------------------------------------------------------------- */

static void
add_ci_json (JsonBuilder *builder,
             CwCi        *ci)
{
  json_builder_begin_object (builder);
  cw_cli_json_add_int (builder, "id", cw_ci_get_id (ci));
  for (guint f = 0; f < CW_CI_N_FIELDS; f++)
    cw_cli_json_add_string (builder, cw_ci_field_get_key (f), cw_ci_get_value (ci, f));
  json_builder_end_object (builder);
}

static void
print_ci (CwCi *ci)
{
  const char *firmware = cw_ci_get_value (ci, CW_CI_FIELD_FIRMWARE_VERSION);
  const char *os = cw_ci_get_value (ci, CW_CI_FIELD_OS_VERSION);
  g_autofree char *versions = NULL;

  if (firmware != NULL && os != NULL)
    versions = g_strdup_printf ("%s / %s", firmware, os);
  else
    versions = g_strdup (firmware != NULL ? firmware : os != NULL ? os : "-");

#define OR_DASH(field) (cw_ci_get_value (ci, field) != NULL ? cw_ci_get_value (ci, field) : "-")
  printf ("%-24s %-18s %-8s %-30s %-28s %s\n",
          cw_ci_get_value (ci, CW_CI_FIELD_NAME),
          OR_DASH (CW_CI_FIELD_CLASS),
          OR_DASH (CW_CI_FIELD_SITE),
          OR_DASH (CW_CI_FIELD_MODEL),
          versions,
          OR_DASH (CW_CI_FIELD_IP_ADDRESS));
#undef OR_DASH
}

static int
inventory_search (int    argc,
                  char **argv)
{
  static const char *command = "inventory search";
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *workspace = NULL;
  g_autofree char *limit_text = NULL;
  g_autofree char *text = NULL;
  g_autoptr(CwStore) store = NULL;
  g_autoptr(CwInventorySearcher) searcher = NULL;
  g_autoptr(CwInventoryQuery) query = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  gboolean json = FALSE;
  guint64 limit = DEFAULT_LIMIT;
  guint shown;
  int status;
  const GOptionEntry entries[] = {
    { "workspace", 'w', 0, G_OPTION_ARG_FILENAME, &workspace,
      N_("The workspace file"), N_("PATH") },
    { "limit", 'n', 0, G_OPTION_ARG_STRING, &limit_text,
      N_("Show at most N CIs (default 50)"), "N" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print a JSON array of objects with the native CSV keys"), NULL },
    { NULL }
  };

  context = cw_cli_option_context (command, _("TEXT"),
                                   _("Searches configuration items: every word of TEXT must "
                                     "start a word of the name, model, serial, site, IP address "
                                     "or versions. The workspace is opened read-only."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((status = cw_cli_parse_with_args (context, command, &argc, &argv)) != CW_CLI_OK)
    return status;

  if (argc < 2)
    return cw_cli_usage_error (command, _("no TEXT to search for"));
  text = g_strjoinv (" ", argv + 1);

  if (limit_text != NULL && !cw_cli_parse_count (limit_text, G_MAXUINT, &limit))
    return cw_cli_usage_error (command, _("--limit takes a whole number, not “%s”"),
                               limit_text);

  store = cw_cli_open_workspace (command, workspace, CW_STORE_OPEN_READ_ONLY, &status);
  if (store == NULL)
    return status;

  query = cw_inventory_query_new ();
  cw_inventory_query_set_text (query, text);
  searcher = cw_inventory_searcher_new (cw_store_get_path (store));
  ids = cw_inventory_searcher_run (searcher, query, NULL, &error);
  if (ids == NULL)
    return cw_cli_fail (command, error);

  shown = (guint) MIN ((guint64) ids->len, limit);
  if (json)
    {
      builder = json_builder_new ();
      json_builder_begin_array (builder);
    }

  for (guint i = 0; i < shown; i++)
    {
      g_autoptr(CwCi) ci = cw_inventory_get_ci (store, g_array_index (ids, guint32, i), &error);

      if (ci == NULL)
        return cw_cli_fail (command, error);

      if (json)
        add_ci_json (builder, ci);
      else
        print_ci (ci);
    }

  if (json)
    {
      json_builder_end_array (builder);
      cw_cli_print_json (builder);
    }
  else if (ids->len == 0)
    {
      fprintf (stderr, _("No configuration item matches “%s”.\n"), text);
    }
  else if (ids->len > shown)
    {
      g_autofree char *total = format_count (ids->len);
      g_autofree char *count = format_count (shown);

      fprintf (stderr, _("%s of %s matching configuration items shown (see --limit).\n"),
               count, total);
    }

  return CW_CLI_OK;
}

/* ---- the command ----------------------------------------------------------- */

static const CwCliCommand sub_commands[] = {
  { "import", N_("Import configuration items from a CSV file"), inventory_import },
  { "export", N_("Export configuration items as CSV"), inventory_export },
  { "search", N_("Search configuration items"), inventory_search },
};

int
cw_cli_inventory (int    argc,
                  char **argv)
{
  /* Before SQLite starts: its memory statistics take one global lock per
   * allocation, which the import's threads would contend for. */
  sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);

  return cw_cli_run_group ("inventory", sub_commands, G_N_ELEMENTS (sub_commands), argc, argv);
}
