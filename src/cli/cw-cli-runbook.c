/* cw-cli-runbook.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-cli-runbook"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "cw-cli.h"
#include "cw-cli-runbook-private.h"
#include "cw-runbook-io.h"
#include "cw-runbook-store.h"

/* `changeward-cli runbook import|export|approve|list`, and what the
 * sub-commands share; `show` is in cw-cli-runbook-show.c. */

/* ---- shared ---------------------------------------------------------------- */

int
cw_cli_runbook_parse_version (const char *command,
                              const char *text,
                              guint      *version)
{
  guint64 value;

  if (!cw_cli_parse_count (text, G_MAXUINT, &value) || value == 0)
    return cw_cli_usage_error (command, _("--version takes a version number from 1, not “%s”"),
                               text);

  *version = (guint) value;
  return CW_CLI_OK;
}

const char *
cw_cli_runbook_state_label (CwRunbookState state)
{
  switch (state)
    {
    case CW_RUNBOOK_DRAFT:
      return _("draft");
    case CW_RUNBOOK_APPROVED:
      return _("approved");
    default:
      g_return_val_if_reached ("");
    }
}

/* "Product (class)", either alone, or a dash. */
char *
cw_cli_runbook_format_applies_to (const char *product,
                                  const char *ci_class)
{
  gboolean has_product = product != NULL && product[0] != '\0';
  gboolean has_class = ci_class != NULL && ci_class[0] != '\0';

  if (has_product && has_class)
    return g_strdup_printf ("%s (%s)", product, ci_class);
  if (has_product)
    return g_strdup (product);
  if (has_class)
    return g_strdup (ci_class);

  return g_strdup ("—");
}

/* ---- import ---------------------------------------------------------------- */

static int
pick_import_format (const char      *command,
                    const char      *format_text,
                    const char      *file_name,
                    CwRunbookFormat *format)
{
  if (format_text != NULL)
    {
      if (!cw_runbook_format_from_string (format_text, format))
        return cw_cli_usage_error (command, _("--format takes json or csv, not “%s”"),
                                   format_text);
    }
  else if (!cw_runbook_format_guess (file_name, format))
    {
      return cw_cli_usage_error (command, _("cannot tell the format of “%s” from its name; "
                                            "choose it with --format json or --format csv"),
                                 file_name);
    }

  if (*format == CW_RUNBOOK_FORMAT_MARKDOWN)
    return cw_cli_usage_error (command, _("Markdown is written for reading, not imported; "
                                          "import a JSON or CSV file"));

  return CW_CLI_OK;
}

/* Every error of a bad file, one per line, with the file's name. */
static int
fail_import (const char   *command,
             const char   *file_name,
             const GError *error)
{
  if (g_error_matches (error, CW_RUNBOOK_ERROR, CW_RUNBOOK_ERROR_PARSE) ||
      g_error_matches (error, CW_RUNBOOK_ERROR, CW_RUNBOOK_ERROR_INVALID))
    {
      guint n_errors = cw_cli_print_file_problems (file_name, error->message);

      fprintf (stderr, ngettext ("%u error. Nothing was imported.\n",
                                 "%u errors. Nothing was imported.\n", n_errors), n_errors);
      return CW_CLI_FAILURE;
    }

  return cw_cli_fail_import (command, error);
}

static int
runbook_import (int    argc,
                char **argv)
{
  static const char *command = "runbook import";
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *workspace = NULL;
  g_autofree char *format_text = NULL;
  g_autofree char *name = NULL;
  g_autoptr(CwStore) store = NULL;
  g_autoptr(CwRunbook) runbook = NULL;
  g_autoptr(CwRunbook) saved = NULL;
  g_autoptr(GError) error = NULL;
  CwRunbookFormat format = CW_RUNBOOK_FORMAT_JSON;
  const char *file_name;
  guint kept_from = 0;
  int status;
  const GOptionEntry entries[] = {
    { "workspace", 'w', 0, G_OPTION_ARG_FILENAME, &workspace,
      N_("The workspace to import into (it must exist)"), N_("PATH") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_text,
      N_("The file’s format: json or csv (default: from the file’s extension)"), N_("FORMAT") },
    { "name", 'n', 0, G_OPTION_ARG_STRING, &name,
      N_("The runbook’s name (default: the JSON file’s name member, or the CSV file’s name "
         "without its extension)"), N_("NAME") },
    { NULL }
  };

  context = cw_cli_option_context (command, _("FILE"),
                                   _("Imports a runbook from a JSON file or a CSV task list as "
                                     "a new draft version; the runbook is created when it does "
                                     "not exist yet. The file is checked first: every error is "
                                     "reported, and nothing is imported when any exists. A "
                                     "task list imported into an existing runbook keeps, from "
                                     "its latest version, what the list’s columns do not hold."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((status = cw_cli_parse_one_argument (context, command, &argc, &argv,
                                           _("no FILE to import"))) != CW_CLI_OK)
    return status;
  if (name != NULL && g_strstrip (name)[0] == '\0')
    return cw_cli_usage_error (command, _("--name cannot be empty"));

  file_name = argv[1];
  if ((status = pick_import_format (command, format_text, file_name, &format)) != CW_CLI_OK)
    return status;

  store = cw_cli_open_workspace (command, workspace, CW_STORE_OPEN_NO_CREATE, &status);
  if (store == NULL)
    return status;

  runbook = cw_runbook_read_file (file_name, &format, name, &error);
  if (runbook == NULL)
    return fail_import (command, file_name, error);

  /* A task list says nothing of what its columns do not hold: that is kept
   * from the latest version, rather than lost. */
  if (format == CW_RUNBOOK_FORMAT_CSV &&
      !cw_runbooks_complete_task_list (store, runbook, &kept_from, &error))
    return fail_import (command, file_name, error);

  if (!cw_runbooks_import (store, runbook, &error))
    return fail_import (command, file_name, error);

  /* The name as the workspace has it: names match whatever their case. */
  saved = cw_runbooks_load (store, runbook->name, runbook->version, NULL);

  printf (ngettext ("Imported “%s” as version %u (%s), %u step.\n",
                    "Imported “%s” as version %u (%s), %u steps.\n", runbook->steps->len),
          saved != NULL ? saved->name : runbook->name, runbook->version,
          cw_cli_runbook_state_label (runbook->state), runbook->steps->len);
  if (kept_from > 0)
    printf (_("What a task list does not hold (description, applies-to, buffer, acceptance "
              "criteria, evidence, working directories, timeouts and output expressions) was "
              "kept from version %u.\n"), kept_from);
  return CW_CLI_OK;
}

/* ---- export ---------------------------------------------------------------- */

static int
pick_export_format (const char      *command,
                    const char      *format_text,
                    const char      *output_path,
                    CwRunbookFormat *format)
{
  if (format_text != NULL)
    {
      if (!cw_runbook_format_from_string (format_text, format))
        return cw_cli_usage_error (command, _("--format takes json, csv or markdown, not “%s”"),
                                   format_text);
      return CW_CLI_OK;
    }

  if (output_path != NULL && cw_runbook_format_guess (output_path, format))
    return CW_CLI_OK;

  return cw_cli_usage_error (command, _("choose the format with --format json, csv or markdown"));
}

static int
runbook_export (int    argc,
                char **argv)
{
  static const char *command = "runbook export";
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *workspace = NULL;
  g_autofree char *version_text = NULL;
  g_autofree char *format_text = NULL;
  g_autofree char *output_path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(CwStore) store = NULL;
  g_autoptr(CwRunbook) runbook = NULL;
  g_autoptr(GError) error = NULL;
  CwRunbookFormat format = CW_RUNBOOK_FORMAT_JSON;
  guint version = 0;
  int status;
  const GOptionEntry entries[] = {
    { "workspace", 'w', 0, G_OPTION_ARG_FILENAME, &workspace,
      N_("The workspace file"), N_("PATH") },
    { "version", 'v', 0, G_OPTION_ARG_STRING, &version_text,
      N_("The version to export (default: the latest)"), "N" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_text,
      N_("json (every field, for import), csv (the task list) or markdown (for reading and "
         "printing)"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output_path,
      N_("Write to FILE (replaced only once everything is written) instead of the standard "
         "output"), N_("FILE") },
    { NULL }
  };

  context = cw_cli_option_context (command, _("NAME"),
                                   _("Exports one version of a runbook. A JSON file exported "
                                     "and imported again gives the same runbook. The workspace "
                                     "is opened read-only."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((status = cw_cli_parse_one_argument (context, command, &argc, &argv,
                                           _("no runbook NAME to export"))) != CW_CLI_OK)
    return status;
  if (version_text != NULL &&
      (status = cw_cli_runbook_parse_version (command, version_text, &version)) != CW_CLI_OK)
    return status;
  if ((status = pick_export_format (command, format_text, output_path, &format)) != CW_CLI_OK)
    return status;

  store = cw_cli_open_workspace (command, workspace, CW_STORE_OPEN_READ_ONLY, &status);
  if (store == NULL)
    return status;

  runbook = cw_runbooks_load (store, argv[1], version, &error);
  if (runbook == NULL)
    return cw_cli_fail_lines (command, error);

  switch (format)
    {
    case CW_RUNBOOK_FORMAT_JSON:
      text = cw_runbook_to_json (runbook);
      break;
    case CW_RUNBOOK_FORMAT_CSV:
      text = cw_runbook_to_csv (runbook);
      break;
    case CW_RUNBOOK_FORMAT_MARKDOWN:
      text = cw_runbook_to_markdown (runbook);
      break;
    default:
      g_assert_not_reached ();
    }

  if (!cw_cli_write_output (output_path, text, &error))
    return cw_cli_fail (command, error);
  if (output_path == NULL)
    return CW_CLI_OK;

  printf (_("Exported “%s” version %u to %s.\n"), runbook->name, runbook->version, output_path);
  return CW_CLI_OK;
}

/* ---- approve --------------------------------------------------------------- */

static int
runbook_approve (int    argc,
                 char **argv)
{
  static const char *command = "runbook approve";
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *workspace = NULL;
  g_autofree char *version_text = NULL;
  g_autofree char *approver = NULL;
  g_autoptr(CwStore) store = NULL;
  g_autoptr(CwRunbook) approved = NULL;
  g_autoptr(GError) error = NULL;
  guint version = 0;
  int status;
  const GOptionEntry entries[] = {
    { "workspace", 'w', 0, G_OPTION_ARG_FILENAME, &workspace,
      N_("The workspace file (it must exist)"), N_("PATH") },
    { "version", 'v', 0, G_OPTION_ARG_STRING, &version_text,
      N_("The draft version to approve"), "N" },
    { "as", 0, 0, G_OPTION_ARG_STRING, &approver,
      N_("Who approves it: not the version’s author"), N_("USER") },
    { NULL }
  };

  context = cw_cli_option_context (command, _("NAME"),
                                   _("Approves a draft version of a runbook. An approved "
                                     "version never changes: editing it makes a new draft. "
                                     "The approver must not be the version’s author, and a "
                                     "version with problems is not approved."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((status = cw_cli_parse_one_argument (context, command, &argc, &argv,
                                           _("no runbook NAME to approve"))) != CW_CLI_OK)
    return status;
  if (version_text == NULL)
    return cw_cli_usage_error (command, _("--version N is required"));
  if ((status = cw_cli_runbook_parse_version (command, version_text, &version)) != CW_CLI_OK)
    return status;
  if (approver == NULL || g_strstrip (approver)[0] == '\0')
    return cw_cli_usage_error (command, _("--as USER is required"));

  store = cw_cli_open_workspace (command, workspace, CW_STORE_OPEN_NO_CREATE, &status);
  if (store == NULL)
    return status;

  if (!cw_runbooks_approve (store, argv[1], version, approver, &error))
    return cw_cli_fail_lines (command, error);

  /* The name and the approver as stored. */
  approved = cw_runbooks_load (store, argv[1], version, NULL);
  printf (_("Approved “%s” version %u as %s.\n"),
          approved != NULL ? approved->name : argv[1], version,
          approved != NULL && approved->approver != NULL ? approved->approver : approver);
  return CW_CLI_OK;
}

/* ---- list ------------------------------------------------------------------ */

static void
print_list (GPtrArray *infos)
{
  const char *headers[] = { _("Name"), _("Latest"), _("Approved"), _("Steps"), _("Applies to") };
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  guint n_columns = G_N_ELEMENTS (headers);

  for (guint c = 0; c < n_columns; c++)
    g_ptr_array_add (cells, g_strdup (headers[c]));

  for (guint i = 0; i < infos->len; i++)
    {
      const CwRunbookInfo *info = g_ptr_array_index (infos, i);

      g_ptr_array_add (cells, g_strdup (info->name));
      g_ptr_array_add (cells, g_strdup_printf ("%u", info->latest_version));
      g_ptr_array_add (cells, info->approved_version > 0
                              ? g_strdup_printf ("%u", info->approved_version)
                              : g_strdup ("—"));
      g_ptr_array_add (cells, g_strdup_printf ("%u", info->n_steps));
      g_ptr_array_add (cells, cw_cli_runbook_format_applies_to (info->product, info->ci_class));
    }

  /* Numbers to the right. */
  cw_cli_print_table (cells, n_columns, (1u << 1) | (1u << 2) | (1u << 3));
}

static int
runbook_list (int    argc,
              char **argv)
{
  static const char *command = "runbook list";
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *workspace = NULL;
  g_autofree char *search = NULL;
  g_autoptr(CwStore) store = NULL;
  g_autoptr(GPtrArray) infos = NULL;
  g_autoptr(GError) error = NULL;
  int status;
  const GOptionEntry entries[] = {
    { "workspace", 'w', 0, G_OPTION_ARG_FILENAME, &workspace,
      N_("The workspace file"), N_("PATH") },
    { "search", 's', 0, G_OPTION_ARG_STRING, &search,
      N_("List only the runbooks whose name, description, product or class contains TEXT"),
      N_("TEXT") },
    { NULL }
  };

  context = cw_cli_option_context (command, NULL,
                                   _("Lists the runbooks by name: the latest version, the "
                                     "latest approved one and the number of steps. The "
                                     "workspace is opened read-only."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((status = cw_cli_parse (context, command, &argc, &argv)) != CW_CLI_OK)
    return status;

  store = cw_cli_open_workspace (command, workspace, CW_STORE_OPEN_READ_ONLY, &status);
  if (store == NULL)
    return status;

  infos = cw_runbooks_list (store, search, &error);
  if (infos == NULL)
    return cw_cli_fail (command, error);

  if (infos->len == 0)
    {
      if (search != NULL)
        printf (_("No runbook matches “%s”.\n"), search);
      else
        printf ("%s\n", _("There are no runbooks yet. Import one with “changeward-cli runbook "
                          "import”."));
      return CW_CLI_OK;
    }

  print_list (infos);
  return CW_CLI_OK;
}

/* ---- the command ----------------------------------------------------------- */

static const CwCliCommand sub_commands[] = {
  { "list",    N_("List the runbooks, their latest and approved versions"), runbook_list },
  { "show",    N_("Show a version’s steps, critical path and the window it needs"),
    cw_cli_runbook_show },
  { "import",  N_("Import a runbook from a JSON or CSV file as a new draft version"),
    runbook_import },
  { "export",  N_("Export a version as JSON, CSV or Markdown"), runbook_export },
  { "approve", N_("Approve a draft version (not as its author)"), runbook_approve },
};

int
cw_cli_runbook (int    argc,
                char **argv)
{
  return cw_cli_run_group ("runbook", sub_commands, G_N_ELEMENTS (sub_commands), argc, argv);
}
