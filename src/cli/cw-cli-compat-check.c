/* cw-cli-compat-check.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-cli-compat"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "cw-cli.h"
#include "cw-cli-compat-private.h"
#include "cw-clock.h"
#include "cw-compat.h"
#include "cw-compat-check.h"
#include "cw-inventory-query.h"
#include "cw-store-private.h"

/* `changeward-cli compat check`: a planned upgrade against the matrix and the
 * inventory. */

static char *
join_names (GPtrArray *items,
            gsize      name_offset)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    {
      const char *name = G_STRUCT_MEMBER (const char *, g_ptr_array_index (items, i), name_offset);

      if (i > 0)
        g_string_append (text, ", ");
      g_string_append (text, name);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* A product by name, with the known ones in the message when there is none. */
static CwCompatProduct *
find_product (CwStore     *store,
              const char  *name,
              GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) products = NULL;
  g_autofree char *known = NULL;
  CwCompatProduct *product;

  product = cw_compat_find_product (store, name, &local_error);
  if (product != NULL)
    return product;
  if (!g_error_matches (local_error, CW_COMPAT_ERROR, CW_COMPAT_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  products = cw_compat_list_products (store, error);
  if (products == NULL)
    return NULL;
  if (products->len == 0)
    {
      g_set_error (error, CW_COMPAT_ERROR, CW_COMPAT_ERROR_NOT_FOUND,
                   _("There is no product “%s”: the compatibility matrix is empty. Import "
                     "products with “changeward-cli compat import --products”."), name);
      return NULL;
    }

  known = join_names (products, G_STRUCT_OFFSET (CwCompatProduct, name));
  g_set_error (error, CW_COMPAT_ERROR, CW_COMPAT_ERROR_NOT_FOUND,
               _("There is no product “%s” in the compatibility matrix. The products are: %s."),
               name, known);
  return NULL;
}

static gboolean
check_target (CwStore          *store,
              CwCompatProduct  *product,
              const char       *target,
              GError          **error)
{
  g_autoptr(CwCompatVersion) version = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autofree char *known = NULL;

  version = cw_compat_find_version (store, product->id, target, &local_error);
  if (version != NULL)
    return TRUE;
  if (!g_error_matches (local_error, CW_COMPAT_ERROR, CW_COMPAT_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  versions = cw_compat_list_versions (store, product->id, error);
  if (versions == NULL)
    return FALSE;

  known = join_names (versions, G_STRUCT_OFFSET (CwCompatVersion, version));
  g_set_error (error, CW_COMPAT_ERROR, CW_COMPAT_ERROR_NOT_FOUND,
               _("“%s” is not a version of %s. Its versions are: %s."),
               target, product->name, versions->len > 0 ? known : _("none yet"));
  return FALSE;
}

static void
append_unique (GArray *ids,
               gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return;

  g_array_append_val (ids, id);
}

/* The CIs named exactly @name; when there are none, those named so in any
 * case. */
static GArray *
lookup_ci_name (CwStore     *store,
                const char  *name,
                GError     **error)
{
  static const char * const queries[] = {
    "SELECT id FROM cis WHERE name = ? ORDER BY id",
    "SELECT id FROM cis WHERE name = ? COLLATE NOCASE ORDER BY id",
  };
  sqlite3 *db = cw_store_get_handle (store);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint q = 0; q < G_N_ELEMENTS (queries) && ids->len == 0; q++)
    {
      sqlite3_stmt *stmt = NULL;
      int rc = sqlite3_prepare_v2 (db, queries[q], -1, &stmt, NULL);

      if (rc == SQLITE_OK)
        {
          sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
          while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
            {
              gint64 id = sqlite3_column_int64 (stmt, 0);

              g_array_append_val (ids, id);
            }
        }
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        {
          cw_store_set_sql_error (error, db, rc, _("Could not read the configuration items"));
          return NULL;
        }
    }

  return g_steal_pointer (&ids);
}

/* The plan from --ci: each name must name exactly one CI. Every problem is
 * reported before failing. */
static gboolean
resolve_names (const char *command,
               CwStore    *store,
               char      **names,
               GArray     *ids)
{
  gboolean ok = TRUE;

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) found = lookup_ci_name (store, names[i], &error);

      if (found == NULL)
        {
          cw_cli_fail (command, error);
          return FALSE;
        }

      if (found->len == 1)
        {
          append_unique (ids, g_array_index (found, gint64, 0));
          continue;
        }

      ok = FALSE;
      if (found->len == 0)
        cw_cli_fail_with (command, _("There is no configuration item named “%s”."),
                                 names[i]);
      else
        cw_cli_fail_with (command, _("“%s” names %u configuration items; choose them "
                                            "with --search instead."), names[i], found->len);
    }

  return ok;
}

static gboolean
resolve_search (const char  *path,
                const char  *text,
                GArray      *ids,
                GError     **error)
{
  g_autoptr(CwInventoryQuery) query = cw_inventory_query_new ();
  g_autoptr(CwInventorySearcher) searcher = cw_inventory_searcher_new (path);
  g_autoptr(GArray) found = NULL;

  cw_inventory_query_set_text (query, text);
  found = cw_inventory_searcher_run (searcher, query, NULL, error);
  if (found == NULL)
    return FALSE;

  for (guint i = 0; i < found->len; i++)
    {
      gint64 id = g_array_index (found, guint32, i);

      g_array_append_val (ids, id);
    }

  return TRUE;
}

/* The clock's date where the user is. */
static char *
dup_today (void)
{
  g_autoptr(CwClock) clock = cw_clock_new ();
  g_autoptr(GDateTime) now = cw_clock_get_now (clock);
  g_autoptr(GDateTime) local = g_date_time_to_local (now);

  return g_date_time_format (local, "%Y-%m-%d");
}

static const char *
severity_label (const CwCompatFinding *finding)
{
  if (finding->severity == CW_COMPAT_SEVERITY_BLOCKER)
    return finding->state == CW_COMPAT_STATE_MIXED ? _("Blocker (rolling upgrade)") : _("Blocker");

  return finding->state == CW_COMPAT_STATE_MIXED ? _("Warning (rolling upgrade)") : _("Warning");
}

static void
print_finding (const CwCompatFinding *finding)
{
  printf ("  %s: %s\n", severity_label (finding), finding->reason);

  /* A caveat's reason quotes its note; an incompatibility's does not. */
  if (finding->note != NULL && finding->note[0] != '\0' &&
      strstr (finding->reason, finding->note) == NULL)
    printf (_("    Note: %s\n"), finding->note);
  if (finding->source != NULL && finding->source[0] != '\0')
    printf (_("    Source: %s\n"), finding->source);
}

static void
print_result (const CwCompatCiResult *result)
{
  if (result->site_code != NULL)
    printf ("%s (%s)\n", result->ci_name, result->site_code);
  else
    printf ("%s\n", result->ci_name);

  if (result->current_version == NULL)
    printf ("  %s\n", _("Current version: none (it does not run the product)"));
  else
    printf (_("  Current version: %s\n"), result->current_version[0] != '\0'
            ? result->current_version : _("unknown"));

  if (result->at_target)
    {
      printf ("  %s\n", _("Path: already at the target"));
    }
  else if (result->path != NULL && result->current_version != NULL)
    {
      g_autofree char *hops = g_strjoinv (" → ", result->path);

      printf (_("  Path: %s → %s\n"), result->current_version, hops);
    }
  else
    {
      printf ("  %s\n", _("Path: none"));
    }

  for (guint i = 0; i < result->findings->len; i++)
    print_finding (g_ptr_array_index (result->findings, i));
}

static void
print_report (const CwCompatReport *report)
{
  guint n_cis = report->results->len;

  for (guint i = 0; i < n_cis; i++)
    {
      if (i > 0)
        printf ("\n");
      print_result (g_ptr_array_index (report->results, i));
    }

  printf ("\n");
  printf (ngettext ("%u configuration item to %s %s: ", "%u configuration items to %s %s: ",
                    n_cis),
          n_cis, report->product_name, report->target);
  printf (ngettext ("%u blocker, ", "%u blockers, ", report->n_blockers), report->n_blockers);
  printf (ngettext ("%u warning. ", "%u warnings. ", report->n_warnings), report->n_warnings);
  printf ("%s\n", report->n_blockers > 0 ? _("The upgrade is blocked.")
                                         : _("Nothing blocks the upgrade."));
}

static void
add_strv_or_null (JsonBuilder        *builder,
                  const char         *name,
                  const char * const *values)
{
  json_builder_set_member_name (builder, name);
  if (values == NULL)
    {
      json_builder_add_null_value (builder);
      return;
    }

  json_builder_begin_array (builder);
  for (guint i = 0; values[i] != NULL; i++)
    json_builder_add_string_value (builder, values[i]);
  json_builder_end_array (builder);
}

static void
add_finding_json (JsonBuilder           *builder,
                  const CwCompatFinding *finding)
{
  json_builder_begin_object (builder);
  cw_cli_json_add_string (builder, "kind", cw_compat_finding_kind_get_key (finding->kind));
  cw_cli_json_add_string (builder, "severity",
                      finding->severity == CW_COMPAT_SEVERITY_BLOCKER ? "blocker" : "warning");
  cw_cli_json_add_string (builder, "state", finding->state == CW_COMPAT_STATE_MIXED ? "mixed" : "end");
  json_builder_set_member_name (builder, "other_ci_id");
  if (finding->other_ci_id > 0)
    json_builder_add_int_value (builder, finding->other_ci_id);
  else
    json_builder_add_null_value (builder);
  cw_cli_json_add_string (builder, "other_ci", finding->other_ci_name);
  cw_cli_json_add_string (builder, "other_product", finding->other_product_name);
  cw_cli_json_add_string (builder, "other_version", finding->other_version);
  cw_cli_json_add_string (builder, "note", finding->note);
  cw_cli_json_add_string (builder, "source", finding->source);
  add_strv_or_null (builder, "upgrade_to", (const char * const *) finding->upgrade_to);
  cw_cli_json_add_string (builder, "reason", finding->reason);
  json_builder_end_object (builder);
}

static void
add_result_json (JsonBuilder            *builder,
                 const CwCompatCiResult *result)
{
  json_builder_begin_object (builder);
  cw_cli_json_add_int (builder, "ci_id", result->ci_id);
  cw_cli_json_add_string (builder, "ci", result->ci_name);
  cw_cli_json_add_string (builder, "site", result->site_code);
  cw_cli_json_add_string (builder, "current_version", result->current_version);
  add_strv_or_null (builder, "path", (const char * const *) result->path);
  json_builder_set_member_name (builder, "at_target");
  json_builder_add_boolean_value (builder, result->at_target);
  cw_cli_json_add_int (builder, "blockers", result->n_blockers);
  cw_cli_json_add_int (builder, "warnings", result->n_warnings);
  json_builder_set_member_name (builder, "findings");
  json_builder_begin_array (builder);
  for (guint i = 0; i < result->findings->len; i++)
    add_finding_json (builder, g_ptr_array_index (result->findings, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
print_report_json (const CwCompatReport *report,
                   const char           *today)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  cw_cli_json_add_string (builder, "product", report->product_name);
  cw_cli_json_add_string (builder, "target", report->target);
  cw_cli_json_add_string (builder, "today", today);
  cw_cli_json_add_int (builder, "cis", report->results->len);
  cw_cli_json_add_int (builder, "blockers", report->n_blockers);
  cw_cli_json_add_int (builder, "warnings", report->n_warnings);
  json_builder_set_member_name (builder, "blocked");
  json_builder_add_boolean_value (builder, report->n_blockers > 0);
  json_builder_set_member_name (builder, "results");
  json_builder_begin_array (builder);
  for (guint i = 0; i < report->results->len; i++)
    add_result_json (builder, g_ptr_array_index (report->results, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  cw_cli_print_json (builder);
}

int
cw_cli_compat_check (int    argc,
                     char **argv)
{
  static const char *command = "compat check";
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *workspace = NULL;
  g_autofree char *product_name = NULL;
  g_autofree char *target = NULL;
  g_autofree char *search = NULL;
  g_auto(GStrv) ci_names = NULL;
  g_autofree char *path = NULL;
  g_autofree char *today = NULL;
  g_autoptr(CwStore) store = NULL;
  g_autoptr(CwCompatProduct) product = NULL;
  g_autoptr(CwCompatReport) report = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  g_auto(CwCliAsync) run = { 0 };
  gboolean json = FALSE;
  int status;
  const GOptionEntry entries[] = {
    { "workspace", 'w', 0, G_OPTION_ARG_FILENAME, &workspace,
      N_("The workspace file"), N_("PATH") },
    { "product", 'p', 0, G_OPTION_ARG_STRING, &product_name,
      N_("The product to upgrade, by name"), N_("NAME") },
    { "target", 't', 0, G_OPTION_ARG_STRING, &target,
      N_("The version to upgrade to"), N_("VERSION") },
    { "ci", 0, 0, G_OPTION_ARG_STRING_ARRAY, &ci_names,
      N_("A configuration item of the plan, by name (repeat it for more)"), N_("NAME") },
    { "search", 's', 0, G_OPTION_ARG_STRING, &search,
      N_("Plan every configuration item that matches TEXT, as the search in the app does"),
      N_("TEXT") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print the report as a JSON document"), NULL },
    { NULL }
  };

  context = cw_cli_option_context (command, NULL,
                                   _("Checks a planned upgrade against the compatibility matrix "
                                     "and the inventory: for every configuration item, the "
                                     "path of supported upgrades to the target, and every "
                                     "blocker and warning, both at the end of the upgrade and "
                                     "while it is rolled out. The workspace is opened "
                                     "read-only."));
  g_option_context_set_description (context,
                                    _("Exit status: 0 when nothing blocks the upgrade, 3 when "
                                      "a blocker exists, 1 on failure, 2 on a usage error."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((status = cw_cli_parse (context, command, &argc, &argv)) != CW_CLI_OK)
    return status;

  if (product_name == NULL)
    return cw_cli_usage_error (command, _("--product NAME is required"));
  if (target == NULL)
    return cw_cli_usage_error (command, _("--target VERSION is required"));
  if ((ci_names == NULL) == (search == NULL))
    return cw_cli_usage_error (command, _("choose the configuration items with --ci NAME or "
                                          "--search TEXT (one of them)"));

  store = cw_cli_open_workspace (command, workspace, CW_STORE_OPEN_READ_ONLY, &status);
  if (store == NULL)
    return status;
  path = g_strdup (cw_store_get_path (store));

  product = find_product (store, product_name, &error);
  if (product == NULL || !check_target (store, product, target, &error))
    return cw_cli_fail (command, error);

  if (ci_names != NULL)
    {
      if (!resolve_names (command, store, ci_names, ids))
        return CW_CLI_FAILURE;
    }
  else
    {
      if (!resolve_search (path, search, ids, &error))
        return cw_cli_fail (command, error);
      if (ids->len == 0)
        return cw_cli_fail_with (command, _("No configuration item matches “%s”."), search);
    }

  g_clear_object (&store);
  today = dup_today ();

  /* Ctrl+C cancels the check. */
  cw_cli_async_init (&run);
  cw_compat_check_async (path, (const gint64 *) (gpointer) ids->data, ids->len, product->name,
                         target, today, run.cancellable, cw_cli_async_done, &run);
  cw_cli_async_wait (&run);
  report = cw_compat_check_finish (run.result, &error);
  if (report == NULL)
    return cw_cli_fail (command, error);

  if (json)
    print_report_json (report, today);
  else
    print_report (report);

  return report->n_blockers > 0 ? CW_CLI_BLOCKED : CW_CLI_OK;
}

