/* cw-cli-demo.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-cli-demo"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "cw-cli.h"
#include "cw-demo.h"
#include "cw-paths.h"

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
  g_auto(CwCliAsync) run = { 0 };
  guint64 value;
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
  cw_cli_async_init (&run);

  started = g_get_monotonic_time ();
  cw_demo_create_async (path, &options, clock, run.cancellable, cw_cli_async_done, &run);
  cw_cli_async_wait (&run);

  if (!cw_demo_create_finish (run.result, &error))
    return cw_cli_fail ("demo", error);

  printf (_("Created the demo workspace %s (seed %llu, %u configuration items) in %.1f s\n"),
          path, (unsigned long long) options.seed, options.n_cis,
          (double) (g_get_monotonic_time () - started) / G_USEC_PER_SEC);
  return CW_CLI_OK;
}
