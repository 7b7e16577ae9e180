/* cw-cli.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-cli"

#include "config.h"

#include <glib-unix.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "cw-cli.h"
#include "cw-paths.h"
#include "cw-store.h"

static const CwCliCommand commands[] = {
  { "demo",  N_("Create a demo workspace"), cw_cli_demo },
  { "info",  N_("Show a workspace’s schema version and row counts"), cw_cli_info },
  { "check", N_("Check a workspace’s integrity and foreign keys"), cw_cli_check },
  { "inventory", N_("Import, export and search configuration items"), cw_cli_inventory },
  { "compat", N_("Import, export and check the compatibility matrix"), cw_cli_compat },
  { "runbook", N_("Import, export, show and approve runbooks"), cw_cli_runbook },
  { "calendar", N_("Import, export and check the maintenance calendar"), cw_cli_calendar },
};

/* "Commands:" and one line per command, the summaries aligned. */
static void
print_commands (FILE               *out,
                const CwCliCommand *list,
                guint               n_commands)
{
  int width = 8;

  fprintf (out, "\n%s\n", _("Commands:"));
  for (guint i = 0; i < n_commands; i++)
    width = MAX (width, (int) strlen (list[i].name));
  for (guint i = 0; i < n_commands; i++)
    fprintf (out, "  %-*s %s\n", width, list[i].name, _(list[i].summary));
}

static void
print_usage (FILE *out)
{
  fprintf (out, "%s\n", _("Usage:\n  changeward-cli COMMAND [OPTION…]\n  changeward-cli --version"));
  print_commands (out, commands, G_N_ELEMENTS (commands));
  fprintf (out, "\n%s\n", _("Run “changeward-cli COMMAND --help” for the options of a command."));
}

GOptionContext *
cw_cli_option_context (const char *command,
                       const char *parameters,
                       const char *summary)
{
  g_autofree char *prgname = g_strdup_printf ("changeward-cli %s", command);
  GOptionContext *context;

  /* Makes --help read "Usage: changeward-cli COMMAND [OPTION…]". */
  g_set_prgname (prgname);
  context = g_option_context_new (parameters);

  g_option_context_set_summary (context, summary);
  g_option_context_set_description (context,
                                    _("Exit status: 0 on success, 1 on failure, 2 on a usage error."));
  return context;
}

int
cw_cli_usage_error (const char *command,
                    const char *format,
                    ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  fprintf (stderr, "changeward-cli %s: %s\n", command, message);
  fprintf (stderr, _("Try “changeward-cli %s --help”.\n"), command);
  return CW_CLI_USAGE;
}

int
cw_cli_fail (const char   *command,
             const GError *error)
{
  fprintf (stderr, "changeward-cli %s: %s\n", command, error->message);
  return CW_CLI_FAILURE;
}

int
cw_cli_fail_with (const char *command,
                  const char *format,
                  ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  fprintf (stderr, "changeward-cli %s: %s\n", command, message);
  return CW_CLI_FAILURE;
}

static void
print_group_usage (FILE               *out,
                   const char         *group,
                   const CwCliCommand *sub_commands,
                   guint               n_commands)
{
  /* Translators: %s is a command group, such as "inventory" */
  fprintf (out, _("Usage:\n  changeward-cli %s COMMAND [OPTION…]\n"), group);
  print_commands (out, sub_commands, n_commands);
  fputc ('\n', out);
  fprintf (out, _("Run “changeward-cli %s COMMAND --help” for the options of a command. "
                  "Each takes --workspace PATH.\n"), group);
}

/* Runs the sub-command of a group ("inventory import ..."): argv[0] is the
 * group, argv[1] the sub-command. */
int
cw_cli_run_group (const char         *group,
                  const CwCliCommand *sub_commands,
                  guint               n_commands,
                  int                 argc,
                  char              **argv)
{
  const char *name;

  if (argc < 2)
    {
      print_group_usage (stderr, group, sub_commands, n_commands);
      return CW_CLI_USAGE;
    }

  name = argv[1];
  if (g_str_equal (name, "--help") || g_str_equal (name, "-h") || g_str_equal (name, "help"))
    {
      print_group_usage (stdout, group, sub_commands, n_commands);
      return CW_CLI_OK;
    }

  for (guint i = 0; i < n_commands; i++)
    if (g_str_equal (name, sub_commands[i].name))
      return sub_commands[i].run (argc - 1, argv + 1);

  /* Translators: the first %s is a command group, the second what was typed */
  fprintf (stderr, _("changeward-cli %s: unknown command “%s”\n\n"), group, name);
  print_group_usage (stderr, group, sub_commands, n_commands);
  return CW_CLI_USAGE;
}

/* Parses options; the positional arguments stay in argv[1..argc-1]. */
int
cw_cli_parse_with_args (GOptionContext   *context,
                        const char       *command,
                        int              *argc,
                        char           ***argv)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    return cw_cli_usage_error (command, "%s", error->message);

  return CW_CLI_OK;
}

int
cw_cli_parse_one_argument (GOptionContext   *context,
                           const char       *command,
                           int              *argc,
                           char           ***argv,
                           const char       *missing)
{
  int status = cw_cli_parse_with_args (context, command, argc, argv);

  if (status != CW_CLI_OK)
    return status;
  if (*argc < 2)
    return cw_cli_usage_error (command, "%s", missing);
  if (*argc > 2)
    return cw_cli_usage_error (command, _("unexpected argument “%s”"), (*argv)[2]);

  return CW_CLI_OK;
}

/* Parses options; anything left but the command name is a usage error. */
int
cw_cli_parse (GOptionContext   *context,
              const char       *command,
              int              *argc,
              char           ***argv)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    return cw_cli_usage_error (command, "%s", error->message);

  if (*argc > 1)
    return cw_cli_usage_error (command, _("unexpected argument “%s”"), (*argv)[1]);

  return CW_CLI_OK;
}

gboolean
cw_cli_parse_count (const char *text,
                    guint64     max,
                    guint64    *out)
{
  return g_ascii_string_to_unsigned (text, 10, 0, max, out, NULL);
}

/* ---- workspaces ------------------------------------------------------------ */

char *
cw_cli_find_workspace (const char *command,
                       const char *workspace,
                       int        *status)
{
  g_autofree char *path = cw_paths_resolve_workspace (workspace);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      *status = cw_cli_fail_with (command,
                                  _("There is no workspace at “%s”. Create one first, for "
                                    "example with “changeward-cli demo --cis 0”."), path);
      return NULL;
    }

  *status = CW_CLI_OK;
  return g_steal_pointer (&path);
}

CwStore *
cw_cli_open_workspace (const char       *command,
                       const char       *workspace,
                       CwStoreOpenFlags  flags,
                       int              *status)
{
  g_autofree char *path = cw_cli_find_workspace (command, workspace, status);
  g_autoptr(GError) error = NULL;
  CwStore *store;

  if (path == NULL)
    return NULL;

  store = cw_store_open (path, flags, &error);
  if (store == NULL)
    *status = cw_cli_fail (command, error);

  return store;
}

/* ---- failures -------------------------------------------------------------- */

int
cw_cli_fail_lines (const char   *command,
                   const GError *error)
{
  g_auto(GStrv) lines = g_strsplit (error->message, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '\0')
      fprintf (stderr, "changeward-cli %s: %s\n", command, lines[i]);

  return CW_CLI_FAILURE;
}

int
cw_cli_fail_import (const char   *command,
                    const GError *error)
{
  if (error != NULL)
    cw_cli_fail_lines (command, error);
  fprintf (stderr, "%s\n", _("Nothing was imported."));

  return CW_CLI_FAILURE;
}

guint
cw_cli_print_file_problems (const char *file_name,
                            const char *message)
{
  g_auto(GStrv) lines = g_strsplit (message, "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (lines[i][0] == '\0')
        continue;
      fprintf (stderr, "%s: %s\n", file_name, lines[i]);
      n++;
    }

  return n;
}

/* ---- output ---------------------------------------------------------------- */

gboolean
cw_cli_write_stdout (const void  *data,
                     gsize        size,
                     GError     **error)
{
  if ((size > 0 && fwrite (data, 1, size, stdout) != size) || fflush (stdout) != 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("Could not write to the standard output."));
      return FALSE;
    }

  return TRUE;
}

gboolean
cw_cli_write_output (const char  *output_path,
                     const char  *text,
                     GError     **error)
{
  if (output_path == NULL)
    return cw_cli_write_stdout (text, strlen (text), error);

  return g_file_set_contents (output_path, text, -1, error);
}

guint
cw_cli_text_width (const char *text)
{
  return text != NULL ? (guint) g_utf8_strlen (text, -1) : 0;
}

void
cw_cli_append_cell (GString    *line,
                    const char *text,
                    guint       width,
                    gboolean    align_right)
{
  guint length = cw_cli_text_width (text);
  guint pad = width > length ? width - length : 0;

  if (align_right)
    {
      for (guint i = 0; i < pad; i++)
        g_string_append_c (line, ' ');
      g_string_append (line, text != NULL ? text : "");
    }
  else
    {
      g_string_append (line, text != NULL ? text : "");
      for (guint i = 0; i < pad; i++)
        g_string_append_c (line, ' ');
    }
}

void
cw_cli_print_table (GPtrArray *cells,
                    guint      n_columns,
                    guint      right_aligned)
{
  g_autofree guint *widths = g_new0 (guint, n_columns);

  for (guint i = 0; i < cells->len; i++)
    widths[i % n_columns] = MAX (widths[i % n_columns],
                                 cw_cli_text_width (g_ptr_array_index (cells, i)));

  for (guint row = 0; row * n_columns < cells->len; row++)
    {
      g_autoptr(GString) line = g_string_new (NULL);

      for (guint c = 0; c < n_columns; c++)
        {
          gboolean last = c + 1 == n_columns;

          if (c > 0)
            g_string_append (line, "  ");
          cw_cli_append_cell (line, g_ptr_array_index (cells, row * n_columns + c),
                              last ? 0 : widths[c], (right_aligned & (1u << c)) != 0);
        }
      g_strchomp (line->str);
      printf ("%s\n", line->str);
    }
}

void
cw_cli_print_json (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *out = NULL;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  out = json_generator_to_data (generator, NULL);
  printf ("%s\n", out);
}

void
cw_cli_json_add_string (JsonBuilder *builder,
                        const char  *name,
                        const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

void
cw_cli_json_add_int (JsonBuilder *builder,
                     const char  *name,
                     gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

int
cw_cli_main (int    argc,
             char **argv)
{
  const char *name;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("changeward-cli");

  if (argc < 2)
    {
      print_usage (stderr);
      return CW_CLI_USAGE;
    }

  name = argv[1];

  if (g_str_equal (name, "--version") || g_str_equal (name, "-V"))
    {
      printf ("changeward-cli %s\n", PACKAGE_VERSION);
      printf (_("workspace schema %u, SQLite %s, GLib %u.%u.%u\n"),
              cw_store_get_latest_schema_version (), sqlite3_libversion (),
              glib_major_version, glib_minor_version, glib_micro_version);
      return CW_CLI_OK;
    }

  if (g_str_equal (name, "--help") || g_str_equal (name, "-h") || g_str_equal (name, "help"))
    {
      print_usage (stdout);
      return CW_CLI_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (name, commands[i].name))
      return commands[i].run (argc - 1, argv + 1);

  fprintf (stderr, _("changeward-cli: unknown command “%s”\n\n"), name);
  print_usage (stderr);
  return CW_CLI_USAGE;
}

static gboolean
on_interrupt_cb (gpointer data)
{
  CwCliAsync *run = data;

  g_cancellable_cancel (run->cancellable);
  return G_SOURCE_CONTINUE;
}

void
cw_cli_async_init (CwCliAsync *run)
{
  run->loop = g_main_loop_new (NULL, FALSE);
  run->cancellable = g_cancellable_new ();
  run->sigint_id = g_unix_signal_add (SIGINT, on_interrupt_cb, run);
}

void
cw_cli_async_done (GObject      *object,
                   GAsyncResult *result,
                   gpointer      data)
{
  CwCliAsync *run = data;

  run->result = g_object_ref (result);
  g_main_loop_quit (run->loop);
}

void
cw_cli_async_wait (CwCliAsync *run)
{
  g_main_loop_run (run->loop);
}

void
cw_cli_async_clear (CwCliAsync *run)
{
  g_clear_handle_id (&run->sigint_id, g_source_remove);
  g_clear_pointer (&run->loop, g_main_loop_unref);
  g_clear_object (&run->cancellable);
  g_clear_object (&run->result);
}
