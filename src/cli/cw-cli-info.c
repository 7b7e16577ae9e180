/* cw-cli-info.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-cli-info"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>

#include "cw-cli.h"
#include "cw-store.h"

static void
print_json (CwStore *store,
            GArray  *counts)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  cw_cli_json_add_string (builder, "workspace", cw_store_get_path (store));
  cw_cli_json_add_int (builder, "schema_version", cw_store_get_schema_version (store));
  cw_cli_json_add_int (builder, "latest_schema_version", cw_store_get_latest_schema_version ());
  json_builder_set_member_name (builder, "tables");
  json_builder_begin_object (builder);
  for (guint i = 0; i < counts->len; i++)
    {
      const CwStoreTableCount *count = &g_array_index (counts, CwStoreTableCount, i);

      cw_cli_json_add_int (builder, count->table, count->rows);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  cw_cli_print_json (builder);
}

static void
print_text (CwStore *store,
            GArray  *counts)
{
  guint version = cw_store_get_schema_version (store);
  guint latest = cw_store_get_latest_schema_version ();

  printf (_("Workspace: %s\n"), cw_store_get_path (store));
  if (version == latest)
    printf (_("Schema version: %u (current)\n"), version);
  else
    printf (_("Schema version: %u (Changeward upgrades it to %u when it opens it)\n"),
            version, latest);

  printf ("%s\n", _("Rows:"));
  for (guint i = 0; i < counts->len; i++)
    {
      const CwStoreTableCount *count = &g_array_index (counts, CwStoreTableCount, i);

      printf ("  %-24s %12" G_GINT64_FORMAT "\n", count->table, count->rows);
    }
}

int
cw_cli_info (int    argc,
             char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *workspace = NULL;
  g_autoptr(CwStore) store = NULL;
  g_autoptr(GArray) counts = NULL;
  g_autoptr(GError) error = NULL;
  gboolean json = FALSE;
  int status;
  const GOptionEntry entries[] = {
    { "workspace", 'w', 0, G_OPTION_ARG_FILENAME, &workspace,
      N_("The workspace file"), N_("PATH") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print JSON instead of text"), NULL },
    { NULL }
  };

  context = cw_cli_option_context ("info", NULL,
                                   _("Shows a workspace’s schema version and the number of "
                                     "rows in each table. The workspace is opened read-only."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((status = cw_cli_parse (context, "info", &argc, &argv)) != CW_CLI_OK)
    return status;

  store = cw_cli_open_workspace ("info", workspace, CW_STORE_OPEN_READ_ONLY, &status);
  if (store == NULL)
    return status;

  counts = cw_store_count_rows (store, &error);
  if (counts == NULL)
    return cw_cli_fail ("info", error);

  if (json)
    print_json (store, counts);
  else
    print_text (store, counts);

  return CW_CLI_OK;
}
