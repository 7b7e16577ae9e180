/* cw-cli-compat.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-cli-compat"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "cw-cli.h"
#include "cw-cli-compat-private.h"
#include "cw-compat.h"
#include "cw-compat-csv.h"

/* ---- shared ---------------------------------------------------------------- */

/* --matrix, --paths or --products: exactly one. */
typedef struct
{
  gboolean matrix;
  gboolean paths;
  gboolean products;
} TableFlags;

static void
add_table_entries (GOptionContext *context,
                   TableFlags     *flags)
{
  const GOptionEntry entries[] = {
    { "matrix", 0, 0, G_OPTION_ARG_NONE, &flags->matrix,
      N_("The verdicts: product_a,version_a,product_b,version_b,verdict,note,source"), NULL },
    { "paths", 0, 0, G_OPTION_ARG_NONE, &flags->paths,
      N_("The upgrade paths: product,from_min,from_max,to,note"), NULL },
    { "products", 0, 0, G_OPTION_ARG_NONE, &flags->products,
      N_("The products and versions: product,version,released,end_of_support,approved"), NULL },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
}

static int
pick_table (const char       *command,
            const TableFlags *flags,
            CwCompatTable    *table)
{
  guint n = (flags->matrix ? 1 : 0) + (flags->paths ? 1 : 0) + (flags->products ? 1 : 0);

  if (n != 1)
    return cw_cli_usage_error (command, _("choose one of --matrix, --paths or --products"));

  if (flags->matrix)
    *table = CW_COMPAT_TABLE_MATRIX;
  else if (flags->paths)
    *table = CW_COMPAT_TABLE_PATHS;
  else
    *table = CW_COMPAT_TABLE_PRODUCTS;

  return CW_CLI_OK;
}

/* ---- import ---------------------------------------------------------------- */

static int
compat_import (int    argc,
               char **argv)
{
  static const char *command = "compat import";
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *workspace = NULL;
  g_autofree char *path = NULL;
  g_autoptr(CwStore) store = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) input = NULL;
  g_autoptr(CwCompatImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  const char *file_name;
  TableFlags flags = { 0 };
  CwCompatTable table;
  int status;
  const GOptionEntry entries[] = {
    { "workspace", 'w', 0, G_OPTION_ARG_FILENAME, &workspace,
      N_("The workspace to import into (it must exist)"), N_("PATH") },
    { NULL }
  };

  context = cw_cli_option_context (command, _("FILE"),
                                   _("Imports one table of the compatibility matrix from a CSV "
                                     "file with a header row. Every line is checked first: "
                                     "nothing is imported when any line is bad. Rows merge "
                                     "with what is there; products and versions that do not "
                                     "exist yet are created."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  add_table_entries (context, &flags);
  if ((status = cw_cli_parse_one_argument (context, command, &argc, &argv,
                                           _("no FILE to import"))) != CW_CLI_OK)
    return status;
  if ((status = pick_table (command, &flags, &table)) != CW_CLI_OK)
    return status;

  path = cw_cli_find_workspace (command, workspace, &status);
  if (path == NULL)
    return status;

  file_name = argv[1];
  file = g_file_new_for_commandline_arg (file_name);
  input = g_file_read (file, NULL, &error);
  if (input == NULL)
    return cw_cli_fail (command, error);

  store = cw_store_open (path, CW_STORE_OPEN_NO_CREATE, &error);
  if (store == NULL)
    return cw_cli_fail (command, error);

  result = cw_compat_import (store, table, G_INPUT_STREAM (input), NULL, &error);
  if (result != NULL && result->problems->len > 0)
    {
      for (guint i = 0; i < result->problems->len; i++)
        {
          const CwCompatProblem *problem = g_ptr_array_index (result->problems, i);

          fprintf (stderr, "%s:%u: %s\n", file_name, problem->line, problem->reason);
        }
      fprintf (stderr, ngettext ("%u bad line. Nothing was imported.\n",
                                 "%u bad lines. Nothing was imported.\n",
                                 result->problems->len),
               result->problems->len);
      return CW_CLI_FAILURE;
    }

  if (result == NULL || error != NULL)
    return cw_cli_fail_import (command, error);

  printf (ngettext ("Imported %u row from %s: ", "Imported %u rows from %s: ", result->n_rows),
          result->n_rows, file_name);
  printf (ngettext ("%u new product, ", "%u new products, ", result->n_new_products),
          result->n_new_products);
  printf (ngettext ("%u new version.\n", "%u new versions.\n", result->n_new_versions),
          result->n_new_versions);
  return CW_CLI_OK;
}

/* ---- export ---------------------------------------------------------------- */

/* Over an existing file GIO writes a temporary one and renames it only on a
 * successful close: a failure never leaves half a file. */
static gboolean
export_to_file (CwStore        *store,
                CwCompatTable   table,
                GFile          *file,
                guint          *n_rows,
                GError        **error)
{
  g_autoptr(GFileOutputStream) output = NULL;
  g_autoptr(GCancellable) cancelled = NULL;
  gboolean existed;

  existed = g_file_query_exists (file, NULL);
  output = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, error);
  if (output == NULL)
    return FALSE;

  if (cw_compat_export (store, table, G_OUTPUT_STREAM (output), n_rows, NULL, error) &&
      g_output_stream_close (G_OUTPUT_STREAM (output), NULL, error))
    return TRUE;

  /* A cancelled close drops the temporary file and keeps the old one. */
  cancelled = g_cancellable_new ();
  g_cancellable_cancel (cancelled);
  g_output_stream_close (G_OUTPUT_STREAM (output), cancelled, NULL);
  if (!existed)
    g_file_delete (file, NULL, NULL);

  return FALSE;
}

/* Whole, or not at all: the table is small. */
static gboolean
export_to_stdout (CwStore        *store,
                  CwCompatTable   table,
                  guint          *n_rows,
                  GError        **error)
{
  g_autoptr(GOutputStream) output = g_memory_output_stream_new_resizable ();
  GMemoryOutputStream *memory = G_MEMORY_OUTPUT_STREAM (output);

  if (!cw_compat_export (store, table, output, n_rows, NULL, error) ||
      !g_output_stream_close (output, NULL, error))
    return FALSE;

  return cw_cli_write_stdout (g_memory_output_stream_get_data (memory),
                              g_memory_output_stream_get_data_size (memory), error);
}

static int
compat_export (int    argc,
               char **argv)
{
  static const char *command = "compat export";
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *workspace = NULL;
  g_autofree char *output_path = NULL;
  g_autoptr(CwStore) store = NULL;
  g_autoptr(GError) error = NULL;
  TableFlags flags = { 0 };
  CwCompatTable table;
  guint n_rows = 0;
  int status;
  const GOptionEntry entries[] = {
    { "workspace", 'w', 0, G_OPTION_ARG_FILENAME, &workspace,
      N_("The workspace file"), N_("PATH") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output_path,
      N_("Write to FILE (replaced only once everything is written) instead of the standard "
         "output"), N_("FILE") },
    { NULL }
  };

  context = cw_cli_option_context (command, NULL,
                                   _("Exports one table of the compatibility matrix as CSV, "
                                     "in the format “compat import” reads: products by name, "
                                     "versions in each product’s order. The workspace is "
                                     "opened read-only."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  add_table_entries (context, &flags);
  if ((status = cw_cli_parse (context, command, &argc, &argv)) != CW_CLI_OK)
    return status;
  if ((status = pick_table (command, &flags, &table)) != CW_CLI_OK)
    return status;

  store = cw_cli_open_workspace (command, workspace, CW_STORE_OPEN_READ_ONLY, &status);
  if (store == NULL)
    return status;

  if (output_path == NULL)
    {
      if (!export_to_stdout (store, table, &n_rows, &error))
        return cw_cli_fail (command, error);
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (output_path);

      if (!export_to_file (store, table, file, &n_rows, &error))
        return cw_cli_fail (command, error);

      printf (ngettext ("Exported %u row to %s.\n", "Exported %u rows to %s.\n", n_rows),
              n_rows, output_path);
    }

  return CW_CLI_OK;
}

/* ---- the command ----------------------------------------------------------- */

static const CwCliCommand sub_commands[] = {
  { "import", N_("Import verdicts, upgrade paths or products from a CSV file"), compat_import },
  { "export", N_("Export verdicts, upgrade paths or products as CSV"), compat_export },
  { "check",  N_("Check a planned upgrade against the matrix and the inventory"),
    cw_cli_compat_check },
};

int
cw_cli_compat (int    argc,
               char **argv)
{
  return cw_cli_run_group ("compat", sub_commands, G_N_ELEMENTS (sub_commands), argc, argv);
}
