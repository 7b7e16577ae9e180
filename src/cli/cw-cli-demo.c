/* cw-cli-demo.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-cli-demo"

#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <signal.h>
#include <stdio.h>

#include "cw-cli.h"
#include "cw-demo.h"
#include "cw-paths.h"

typedef struct
{
  GMainLoop    *loop;
  GCancellable *cancellable;
  GError       *error;
} DemoRun;

static gboolean
on_interrupt_cb (gpointer data)
{
  DemoRun *run = data;

  g_cancellable_cancel (run->cancellable);
  return G_SOURCE_CONTINUE;
}

static void
on_created_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      data)
{
  DemoRun *run = data;

  cw_demo_create_finish (result, &run->error);
  g_main_loop_quit (run->loop);
}

int
cw_cli_demo (int    argc,
             char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *workspace = NULL;
  g_autofree char *seed_text = NULL;
  g_autofree char *cis_text = NULL;
  g_autofree char *path = NULL;
  g_autoptr(CwClock) clock = NULL;
  g_autoptr(GError) error = NULL;
  CwDemoOptions options;
  DemoRun run = { 0 };
  guint64 value;
  guint sigint_id;
  gint64 started;
  int status;
  const GOptionEntry entries[] = {
    { "workspace", 'w', 0, G_OPTION_ARG_FILENAME, &workspace,
      N_("The new workspace file (must not exist)"), N_("PATH") },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &seed_text,
      N_("The seed: the same seed gives the same workspace (default 1)"), "N" },
    { "cis", 0, 0, G_OPTION_ARG_STRING, &cis_text,
      N_("How many configuration items to create (default 5000)"), "N" },
    { NULL }
  };

  context = cw_cli_option_context ("demo", NULL,
                                   _("Creates a demo workspace: sites in eight time zones, "
                                     "leads, technicians and coordinators, their groups, "
                                     "and configuration items."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((status = cw_cli_parse (context, "demo", &argc, &argv)) != CW_CLI_OK)
    return status;

  cw_demo_options_init (&options);

  if (seed_text != NULL)
    {
      if (!cw_cli_parse_count (seed_text, G_MAXUINT64, &value))
        return cw_cli_usage_error ("demo", _("--seed takes a whole number, not “%s”"), seed_text);
      options.seed = value;
    }

  if (cis_text != NULL)
    {
      if (!cw_cli_parse_count (cis_text, CW_DEMO_MAX_CIS, &value))
        return cw_cli_usage_error ("demo", _("--cis takes a whole number from 0 to %u, not “%s”"),
                                   CW_DEMO_MAX_CIS, cis_text);
      options.n_cis = (guint) value;
    }

  path = cw_paths_resolve_workspace (workspace);
  if (!cw_paths_ensure_parent (path, &error))
    return cw_cli_fail ("demo", error);

  /* Ctrl+C cancels cleanly: the half-made file is removed. */
  clock = cw_clock_new ();
  run.loop = g_main_loop_new (NULL, FALSE);
  run.cancellable = g_cancellable_new ();
  sigint_id = g_unix_signal_add (SIGINT, on_interrupt_cb, &run);

  started = g_get_monotonic_time ();
  cw_demo_create_async (path, &options, clock, run.cancellable, on_created_cb, &run);
  g_main_loop_run (run.loop);

  g_source_remove (sigint_id);
  g_main_loop_unref (run.loop);
  g_object_unref (run.cancellable);

  if (run.error != NULL)
    {
      status = cw_cli_fail ("demo", run.error);
      g_error_free (run.error);
      return status;
    }

  printf (_("Created the demo workspace %s (seed %llu, %u configuration items) in %.1f s\n"),
          path, (unsigned long long) options.seed, options.n_cis,
          (double) (g_get_monotonic_time () - started) / G_USEC_PER_SEC);
  return CW_CLI_OK;
}
