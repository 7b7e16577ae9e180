/* cw-cli-check.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-cli-check"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "cw-cli.h"
#include "cw-store.h"

int
cw_cli_check (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *workspace = NULL;
  const char *path;
  g_autoptr(CwStore) store = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  int status;
  const GOptionEntry entries[] = {
    { "workspace", 'w', 0, G_OPTION_ARG_FILENAME, &workspace,
      N_("The workspace file"), N_("PATH") },
    { NULL }
  };

  context = cw_cli_option_context ("check", NULL,
                                   _("Runs SQLite’s integrity check and foreign key check on a "
                                     "workspace, read-only, and lists every problem found."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((status = cw_cli_parse (context, "check", &argc, &argv)) != CW_CLI_OK)
    return status;

  store = cw_cli_open_workspace ("check", workspace, CW_STORE_OPEN_READ_ONLY, &status);
  if (store == NULL)
    return status;
  path = cw_store_get_path (store);

  if (cw_store_check (store, &problems, &error))
    {
      printf (_("%s: integrity ok, foreign keys ok\n"), path);
      return CW_CLI_OK;
    }

  if (problems == NULL)
    return cw_cli_fail ("check", error);

  for (guint i = 0; i < problems->len; i++)
    fprintf (stderr, "changeward-cli check: %s\n", (const char *) g_ptr_array_index (problems, i));
  fprintf (stderr,
           g_dngettext (GETTEXT_PACKAGE,
                        "changeward-cli check: %u problem found in %s; restore a backup or "
                        "open it in Changeward to repair what it can\n",
                        "changeward-cli check: %u problems found in %s; restore a backup or "
                        "open it in Changeward to repair what it can\n",
                        problems->len),
           problems->len, path);
  return CW_CLI_FAILURE;
}
