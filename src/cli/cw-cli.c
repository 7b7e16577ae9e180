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
#include "cw-cli-calendar-private.h"
#include "cw-cli-runbook-private.h"
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
