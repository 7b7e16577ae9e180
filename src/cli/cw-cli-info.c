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
#include "cw-paths.h"
#include "cw-store.h"

static void
print_json (CwStore *store,
            GArray  *counts)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "workspace");
  json_builder_add_string_value (builder, cw_store_get_path (store));
  json_builder_set_member_name (builder, "schema_version");
  json_builder_add_int_value (builder, cw_store_get_schema_version (store));
  json_builder_set_member_name (builder, "latest_schema_version");
  json_builder_add_int_value (builder, cw_store_get_latest_schema_version ());
  json_builder_set_member_name (builder, "tables");
  json_builder_begin_object (builder);
  for (guint i = 0; i < counts->len; i++)
    {
      const CwStoreTableCount *count = &g_array_index (counts, CwStoreTableCount, i);

      json_builder_set_member_name (builder, count->table);
      json_builder_add_int_value (builder, count->rows);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  printf ("%s\n", text);
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
  g_autofree char *path = NULL;
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

  path = cw_paths_resolve_workspace (workspace);
  store = cw_store_open (path, CW_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL)
    return cw_cli_fail ("info", error);

  counts = cw_store_count_rows (store, &error);
  if (counts == NULL)
    return cw_cli_fail ("info", error);

  if (json)
    print_json (store, counts);
  else
    print_text (store, counts);

  return CW_CLI_OK;
}
