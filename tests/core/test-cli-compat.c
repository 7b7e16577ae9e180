/* test-cli-compat.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-cli-compat"

#include "config.h"

#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>

#include "cw-store.h"
#include "cw-test-fixture.h"

/* `changeward-cli compat import|export|check` through the real binary, on
 * the demo workspace and its matrix. The CIs the checks plan are read from
 * the workspace, never named here: the tests hold for any seed that makes
 * such CIs. */

#define MATRIX_HEADER "product_a,version_a,product_b,version_b,verdict,note,source"

static char *demo;

/* The first column of the first row, or NULL when there is no row. */
static char *
sql_text (const char *path,
          const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  return value;
}

/* The CI that @name has a relation of @kind to. */
static char *
related_name (const char *name,
              const char *kind)
{
  g_autofree char *sql = g_strdup_printf ("SELECT t.name FROM cis s "
                                          "JOIN ci_relations r ON r.source_id = s.id "
                                          "JOIN cis t ON t.id = r.target_id "
                                          "WHERE s.name = '%s' AND r.kind = '%s'", name, kind);

  return sql_text (demo, sql);
}

static JsonObject *
parse_object (JsonParser *parser,
              const char *text)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_node_get_object (json_parser_get_root (parser));
}

static gboolean
strv_array_contains (JsonArray  *array,
                     const char *value)
{
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    if (g_strcmp0 (json_array_get_string_element (array, i), value) == 0)
      return TRUE;

  return FALSE;
}

/* The first finding of @kind in the first result, or NULL. */
static JsonObject *
find_finding (JsonObject *report,
              const char *kind,
              const char *other_ci)
{
  JsonArray *results = json_object_get_array_member (report, "results");
  JsonArray *findings;

  g_assert_cmpuint (json_array_get_length (results), >, 0);
  findings = json_object_get_array_member (json_array_get_object_element (results, 0), "findings");

  for (guint i = 0; i < json_array_get_length (findings); i++)
    {
      JsonObject *finding = json_array_get_object_element (findings, i);

      if (g_strcmp0 (json_object_get_string_member (finding, "kind"), kind) == 0 &&
          (other_ci == NULL ||
           g_strcmp0 (json_object_get_string_member_with_default (finding, "other_ci", NULL),
                      other_ci) == 0))
        return finding;
    }

  return NULL;
}

static void
test_demo_matrix (void)
{
  g_autofree char *today = NULL;
  g_autofree char *switch_name = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(CwTestRun) run = { 0 };
  JsonObject *report;
  JsonObject *result;
  JsonArray *path;
  g_autofree char *past_sql = NULL;
  g_autofree char *future_sql = NULL;

  g_assert_cmpint (cw_test_sql_int (demo, "SELECT count(*) FROM compat_products"), >=, 8);
  /* More versions than the CIs run, and one approved version each. */
  g_assert_cmpint (cw_test_sql_int (demo, "SELECT count(*) FROM compat_versions"), >=, 40);
  g_assert_cmpint (cw_test_sql_int (demo,
                                    "SELECT count(*) FROM compat_products p WHERE "
                                    "(SELECT count(*) FROM compat_versions v WHERE "
                                    "v.product_id = p.id AND v.approved = 1) != 1"), ==, 0);
  g_assert_cmpint (cw_test_sql_int (demo, "SELECT count(*) FROM compat_rules"), >=, 8);
  g_assert_cmpint (cw_test_sql_int (demo, "SELECT count(*) FROM compat_paths"), >=, 10);
  g_assert_cmpint (cw_test_sql_int (demo, "SELECT count(*) FROM compat_ci_components"), >, 0);
  g_assert_cmpint (cw_test_sql_int (demo, "SELECT count(*) FROM compat_verdicts "
                                          "WHERE verdict = 'incompatible' AND note <> '' "
                                          "AND source <> ''"), >, 0);
  g_assert_cmpint (cw_test_sql_int (demo, "SELECT count(*) FROM compat_verdicts "
                                          "WHERE verdict = 'caveat' AND note <> ''"), >, 0);

  /* Dates around the demo's clock: some versions are past their end of
   * support, most are not; none is released in the future. */
  today = g_date_time_format (now, "%Y-%m-%d");
  past_sql = g_strdup_printf ("SELECT count(*) FROM compat_versions WHERE end_of_support < '%s'",
                              today);
  future_sql = g_strdup_printf ("SELECT count(*) FROM compat_versions WHERE released > '%s'",
                                today);
  g_assert_cmpint (cw_test_sql_int (demo, past_sql), >, 0);
  g_assert_cmpint (cw_test_sql_int (demo, future_sql), ==, 0);

  /* The demo's switches are linked by a rule, and 17.3 reaches 17.9 only
   * through 17.6. */
  switch_name = sql_text (demo, "SELECT name FROM cis WHERE model LIKE 'Catalyst 9300%' "
                                "AND os_version = '17.3.4c' ORDER BY id LIMIT 1");
  g_assert_nonnull (switch_name);
  cw_test_cli_run (&run, "compat", "check", "--workspace", demo, "--product", "cisco ios xe",
                   "--target", "17.9.4a", "--ci", switch_name, "--json");
  g_assert_cmpint (run.status, !=, 1);
  g_assert_cmpint (run.status, !=, 2);
  report = parse_object (parser, run.out);
  g_assert_cmpstr (json_object_get_string_member (report, "product"), ==, "Cisco IOS XE");
  result = json_array_get_object_element (json_object_get_array_member (report, "results"), 0);
  g_assert_cmpstr (json_object_get_string_member (result, "ci"), ==, switch_name);
  g_assert_cmpstr (json_object_get_string_member (result, "current_version"), ==, "17.3.4c");
  path = json_object_get_array_member (result, "path");
  g_assert_cmpuint (json_array_get_length (path), ==, 2);
  g_assert_true (g_str_has_prefix (json_array_get_string_element (path, 0), "17.6."));
  g_assert_cmpstr (json_array_get_string_element (path, 1), ==, "17.9.4a");
}

/* A database on a RHEL 8.8 host cannot go to PostgreSQL 17: the host has to
 * be upgraded first. */
static void
test_check_blocked (void)
{
  g_autofree char *database = NULL;
  g_autofree char *host = NULL;
  g_auto(GStrv) lines = NULL;
  gboolean named = FALSE;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(CwTestRun) human = { 0 };
  g_auto(CwTestRun) json = { 0 };
  JsonObject *report;
  JsonObject *finding;

  database = sql_text (demo,
                       "SELECT d.name FROM cis d JOIN ci_relations r ON r.source_id = d.id "
                       "AND r.kind = 'runs_on' JOIN cis h ON h.id = r.target_id "
                       "WHERE d.model = 'PostgreSQL' AND d.os_version LIKE '15.%' "
                       "AND h.os_version = 'RHEL 8.8' ORDER BY d.id LIMIT 1");
  g_assert_nonnull (database);
  host = related_name (database, "runs_on");

  cw_test_cli_run (&human, "compat", "check", "--workspace", demo, "--product", "PostgreSQL",
                   "--target", "17.2", "--ci", database);
  g_assert_cmpint (human.status, ==, 3);
  g_assert_true (g_str_has_prefix (human.out, database));
  /* A blocker that names the host to upgrade first, and to what. */
  lines = g_strsplit (human.out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "  Blocker: ") && strstr (lines[i], host) != NULL &&
        strstr (lines[i], "Red Hat Enterprise Linux 8.8") != NULL &&
        strstr (lines[i], "8.10") != NULL)
      named = TRUE;
  g_assert_true (named);
  g_assert_nonnull (strstr (human.out, "    Source: https://"));
  g_assert_nonnull (strstr (human.out, "The upgrade is blocked."));

  cw_test_cli_run (&json, "compat", "check", "--workspace", demo, "--product", "PostgreSQL",
                   "--target", "17.2", "--ci", database, "--json");
  g_assert_cmpint (json.status, ==, 3);
  report = parse_object (parser, json.out);
  g_assert_cmpstr (json_object_get_string_member (report, "target"), ==, "17.2");
  g_assert_cmpint (json_object_get_int_member (report, "cis"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (report, "blockers"), >, 0);
  g_assert_true (json_object_get_boolean_member (report, "blocked"));

  finding = find_finding (report, "incompatible", host);
  g_assert_nonnull (finding);
  g_assert_cmpstr (json_object_get_string_member (finding, "severity"), ==, "blocker");
  g_assert_cmpstr (json_object_get_string_member (finding, "other_product"), ==,
                   "Red Hat Enterprise Linux");
  g_assert_cmpstr (json_object_get_string_member (finding, "other_version"), ==, "8.8");
  g_assert_true (strv_array_contains (json_object_get_array_member (finding, "upgrade_to"),
                                      "8.10"));
  g_assert_false (strv_array_contains (json_object_get_array_member (finding, "upgrade_to"),
                                       "8.8"));
  g_assert_nonnull (json_object_get_string_member (finding, "note"));
  g_assert_nonnull (json_object_get_string_member (finding, "source"));
  g_assert_cmpstr (json_object_get_string_member (finding, "reason"), !=, "");
}

/* The NFS plug-in listed by hand on an ESXi 7 host blocks ESXi 8 on that
 * very host. */
static void
test_check_component (void)
{
  g_autofree char *host = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(CwTestRun) run = { 0 };
  JsonObject *report;
  JsonObject *finding;

  host = sql_text (demo, "SELECT c.name FROM cis c "
                         "JOIN compat_ci_components k ON k.ci_id = c.id "
                         "WHERE c.os_version = '7.0U3' AND k.version = '2.0' "
                         "ORDER BY c.id LIMIT 1");
  g_assert_nonnull (host);

  cw_test_cli_run (&run, "compat", "check", "--workspace", demo, "--product", "VMware ESXi",
                   "--target", "8.0U2", "--ci", host, "--json");
  g_assert_cmpint (run.status, ==, 3);
  report = parse_object (parser, run.out);
  finding = find_finding (report, "incompatible", host);
  g_assert_nonnull (finding);
  g_assert_cmpstr (json_object_get_string_member (finding, "other_product"), ==,
                   "NetApp NFS Plug-in for VMware VAAI");
  g_assert_cmpstr (json_object_get_string_member (finding, "other_version"), ==, "2.0");
  g_assert_true (strv_array_contains (json_object_get_array_member (finding, "upgrade_to"),
                                      "2.0.1"));
}

/* A Junos switch going from one EEOL release to the next: nothing blocks. */
static void
test_check_clean (void)
{
  g_autofree char *switch_name = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(CwTestRun) human = { 0 };
  g_auto(CwTestRun) json = { 0 };
  JsonObject *report;
  JsonObject *result;
  JsonArray *findings;

  switch_name = sql_text (demo, "SELECT name FROM cis WHERE manufacturer = 'Juniper' "
                                "AND class = 'switch' AND os_version = '20.4R3-S7' "
                                "ORDER BY id LIMIT 1");
  g_assert_nonnull (switch_name);

  cw_test_cli_run (&human, "compat", "check", "--workspace", demo, "--product", "Juniper Junos OS",
                   "--target", "21.4R3-S5", "--ci", switch_name);
  g_assert_cmpint (human.status, ==, 0);
  g_assert_nonnull (strstr (human.out, "Path: 20.4R3-S7 → 21.4R3-S5\n"));
  g_assert_null (strstr (human.out, "Blocker"));
  g_assert_nonnull (strstr (human.out, "0 blockers"));
  g_assert_nonnull (strstr (human.out, "Nothing blocks the upgrade."));

  cw_test_cli_run (&json, "compat", "check", "--workspace", demo, "--product", "Juniper Junos OS",
                   "--target", "21.4R3-S5", "--ci", switch_name, "--ci", switch_name, "--json");
  g_assert_cmpint (json.status, ==, 0);
  report = parse_object (parser, json.out);
  g_assert_cmpint (json_object_get_int_member (report, "cis"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (report, "blockers"), ==, 0);
  g_assert_false (json_object_get_boolean_member (report, "blocked"));
  result = json_array_get_object_element (json_object_get_array_member (report, "results"), 0);
  g_assert_cmpint (json_object_get_int_member (result, "blockers"), ==, 0);
  findings = json_object_get_array_member (result, "findings");
  for (guint i = 0; i < json_array_get_length (findings); i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (findings, i),
                                                    "severity"), ==, "warning");
}

/* A wireless controller and its switch upgraded together: while one is on
 * 17.9 and the other still on 17.6, the caveat of the mixed state shows. */
static void
test_check_rolling (void)
{
  g_autofree char *controller = NULL;
  g_autofree char *switch_name = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(CwTestRun) run = { 0 };
  JsonObject *report;
  JsonObject *finding;
  JsonArray *results;

  controller = sql_text (demo, "SELECT w.name FROM cis w "
                               "JOIN ci_relations r ON r.source_id = w.id AND r.kind = 'part_of' "
                               "JOIN cis s ON s.id = r.target_id "
                               "WHERE w.model LIKE 'Catalyst 9800%' "
                               "AND w.os_version LIKE '17.6.%' AND s.os_version LIKE '17.6.%' "
                               "ORDER BY w.id LIMIT 1");
  g_assert_nonnull (controller);
  switch_name = related_name (controller, "part_of");

  cw_test_cli_run (&run, "compat", "check", "--workspace", demo, "--product", "Cisco IOS XE",
                   "--target", "17.9.4a", "--ci", controller, "--ci", switch_name, "--json");
  g_assert_cmpint (run.status, ==, 0);
  report = parse_object (parser, run.out);
  g_assert_cmpint (json_object_get_int_member (report, "cis"), ==, 2);
  finding = find_finding (report, "caveat", switch_name);
  g_assert_nonnull (finding);
  g_assert_cmpstr (json_object_get_string_member (finding, "state"), ==, "mixed");
  g_assert_cmpstr (json_object_get_string_member (finding, "severity"), ==, "warning");
  /* The switch still on its current version. */
  results = json_object_get_array_member (report, "results");
  g_assert_cmpstr (json_object_get_string_member (finding, "other_version"), ==,
                   json_object_get_string_member (json_array_get_object_element (results, 1),
                                                  "current_version"));
}

/* --search plans every CI the inventory search finds. */
static void
test_check_search (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonParser) search_parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(CwTestRun) search = { 0 };
  g_auto(CwTestRun) check = { 0 };
  g_auto(CwTestRun) none = { 0 };
  JsonObject *report;
  guint n_found;

  cw_test_cli_run (&search, "inventory", "search", "--workspace", demo, "--json", "--limit",
                   "100000", "esx", "fra1");
  g_assert_cmpint (search.status, ==, 0);
  json_parser_load_from_data (search_parser, search.out, -1, &error);
  g_assert_no_error (error);
  n_found = json_array_get_length (json_node_get_array (json_parser_get_root (search_parser)));
  g_assert_cmpuint (n_found, >, 1);

  cw_test_cli_run (&check, "compat", "check", "--workspace", demo, "--product", "VMware ESXi",
                   "--target", "8.0U3", "--search", "esx fra1", "--json");
  g_assert_true (check.status == 0 || check.status == 3);
  report = parse_object (parser, check.out);
  g_assert_cmpint (json_object_get_int_member (report, "cis"), ==, n_found);
  g_assert_cmpint (check.status == 3, ==, json_object_get_int_member (report, "blockers") > 0);

  cw_test_cli_run (&none, "compat", "check", "--workspace", demo, "--product", "VMware ESXi",
                   "--target", "8.0U3", "--search", "zzzznothing");
  g_assert_cmpint (none.status, ==, 1);
  g_assert_nonnull (strstr (none.err, "No configuration item matches “zzzznothing”"));
}

static void
test_check_errors (void)
{
  g_autofree char *missing = cw_test_tmp_path ("missing.db");
  g_autofree char *database = sql_text (demo, "SELECT name FROM cis WHERE model = 'PostgreSQL' "
                                              "ORDER BY id LIMIT 1");
  g_auto(CwTestRun) unknown_ci = { 0 };
  g_auto(CwTestRun) unknown_product = { 0 };
  g_auto(CwTestRun) unknown_target = { 0 };
  g_auto(CwTestRun) no_workspace = { 0 };

  cw_test_cli_run (&unknown_ci, "compat", "check", "--workspace", demo, "--product", "PostgreSQL",
                   "--target", "16.6", "--ci", database, "--ci", "nowhere-db99-9999");
  g_assert_cmpint (unknown_ci.status, ==, 1);
  g_assert_nonnull (strstr (unknown_ci.err,
                            "There is no configuration item named “nowhere-db99-9999”."));
  g_assert_cmpstr (unknown_ci.out, ==, "");

  cw_test_cli_run (&unknown_product, "compat", "check", "--workspace", demo, "--product",
                   "Frobnicator OS", "--target", "1.0", "--ci", database);
  g_assert_cmpint (unknown_product.status, ==, 1);
  g_assert_nonnull (strstr (unknown_product.err, "There is no product “Frobnicator OS”"));
  g_assert_nonnull (strstr (unknown_product.err, "PostgreSQL"));

  cw_test_cli_run (&unknown_target, "compat", "check", "--workspace", demo, "--product",
                   "PostgreSQL", "--target", "99.1", "--ci", database);
  g_assert_cmpint (unknown_target.status, ==, 1);
  g_assert_nonnull (strstr (unknown_target.err, "“99.1” is not a version of PostgreSQL"));
  g_assert_nonnull (strstr (unknown_target.err, "16.6"));

  cw_test_cli_run (&no_workspace, "compat", "check", "--workspace", missing, "--product",
                   "PostgreSQL", "--target", "16.6", "--ci", "x");
  g_assert_cmpint (no_workspace.status, ==, 1);
  g_assert_nonnull (strstr (no_workspace.err, "There is no workspace"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

#define BAD_MATRIX \
  MATRIX_HEADER "\r\n" \
  "PostgreSQL,16.6,Red Hat Enterprise Linux,9.4,caveat,X,\r\n" \
  "PostgreSQL,16.6,Red Hat Enterprise Linux,9.4,perhaps,,\r\n" \
  "PostgreSQL,16.6,Brand New OS,1.0,compatible,,\r\n" \
  ",16.6,Red Hat Enterprise Linux,9.4,compatible,,\r\n"

static void
test_import_bad_lines (void)
{
  g_autofree char *csv = cw_test_write_tmp_file ("bad-matrix.csv", BAD_MATRIX);
  g_autofree char *line_2 = g_strdup_printf ("%s:2:", csv);
  g_autofree char *line_3 = g_strdup_printf ("%s:3: ", csv);
  g_autofree char *line_5 = g_strdup_printf ("%s:5: ", csv);
  const char *cell_sql = "SELECT count(*) FROM compat_verdicts c "
                         "JOIN compat_versions a ON a.id = c.version_a "
                         "JOIN compat_versions b ON b.id = c.version_b "
                         "WHERE c.verdict = 'compatible' AND "
                         "a.version IN ('16.6', '9.4') AND b.version IN ('16.6', '9.4')";
  gint64 n_products = cw_test_sql_int (demo, "SELECT count(*) FROM compat_products");
  gint64 n_versions = cw_test_sql_int (demo, "SELECT count(*) FROM compat_versions");
  gint64 n_verdicts = cw_test_sql_int (demo, "SELECT count(*) FROM compat_verdicts");
  gint64 n_cell = cw_test_sql_int (demo, cell_sql);
  g_auto(CwTestRun) run = { 0 };

  g_assert_cmpint (n_cell, ==, 1);

  cw_test_cli_run (&run, "compat", "import", "--workspace", demo, "--matrix", csv);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (g_str_has_prefix (run.err, line_3));
  g_assert_nonnull (strstr (run.err, line_5));
  g_assert_null (strstr (run.err, line_2));
  g_assert_nonnull (strstr (run.err, "Nothing was imported."));
  g_assert_cmpstr (run.out, ==, "");

  g_assert_cmpint (cw_test_sql_int (demo, "SELECT count(*) FROM compat_products"), ==, n_products);
  g_assert_cmpint (cw_test_sql_int (demo, "SELECT count(*) FROM compat_versions"), ==, n_versions);
  g_assert_cmpint (cw_test_sql_int (demo, "SELECT count(*) FROM compat_verdicts"), ==, n_verdicts);
  g_assert_cmpint (cw_test_sql_int (demo, cell_sql), ==, n_cell);
}

static char *
export_table (const char *workspace,
              const char *flag,
              const char *name)
{
  g_autofree char *file = cw_test_tmp_path (name);
  g_autofree char *from_file = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(CwTestRun) to_file = { 0 };
  g_auto(CwTestRun) to_stdout = { 0 };

  cw_test_cli_run (&to_file, "compat", "export", "--workspace", workspace, flag, "--output", file);
  g_assert_cmpint (to_file.status, ==, 0);
  g_assert_true (g_str_has_prefix (to_file.out, "Exported "));
  g_file_get_contents (file, &from_file, NULL, &error);
  g_assert_no_error (error);

  cw_test_cli_run (&to_stdout, "compat", "export", "--workspace", workspace, flag);
  g_assert_cmpint (to_stdout.status, ==, 0);
  g_assert_cmpstr (to_stdout.out, ==, from_file);

  return g_steal_pointer (&file);
}

static void
import_table (const char *workspace,
              const char *flag,
              const char *file,
              const char *expected)
{
  g_auto(CwTestRun) run = { 0 };

  cw_test_cli_run (&run, "compat", "import", "--workspace", workspace, flag, file);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "Imported "));
  if (expected != NULL)
    g_assert_nonnull (strstr (run.out, expected));
}

static void
test_round_trip (void)
{
  static const char *flags[] = { "--products", "--paths", "--matrix" };
  g_autofree char *fresh = cw_test_tmp_path ("fresh.db");
  g_autofree char *new_products = NULL;
  g_autoptr(CwStore) store = NULL;
  g_autoptr(GError) error = NULL;
  char *exported[G_N_ELEMENTS (flags)] = { NULL };

  store = cw_store_open (fresh, CW_STORE_OPEN_CREATE_NEW, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  for (guint i = 0; i < G_N_ELEMENTS (flags); i++)
    {
      g_autofree char *name = g_strdup_printf ("demo%s.csv", flags[i] + 1);

      exported[i] = export_table (demo, flags[i], name);
    }

  new_products = g_strdup_printf (": %d new products, %d new versions.",
                                  (int) cw_test_sql_int (demo, "SELECT count(DISTINCT product_id) "
                                                               "FROM compat_versions"),
                                  (int) cw_test_sql_int (demo, "SELECT count(*) "
                                                               "FROM compat_versions"));
  import_table (fresh, flags[0], exported[0], new_products);
  import_table (fresh, flags[1], exported[1], "0 new products, 0 new versions.");
  import_table (fresh, flags[2], exported[2], "0 new products, 0 new versions.");
  /* Again: merged, nothing new. */
  import_table (fresh, flags[2], exported[2], "0 new products, 0 new versions.");

  g_assert_cmpint (cw_test_sql_int (fresh, "SELECT count(*) FROM compat_verdicts"), ==,
                   cw_test_sql_int (demo, "SELECT count(*) FROM compat_verdicts"));
  g_assert_cmpint (cw_test_sql_int (fresh, "SELECT count(*) FROM compat_paths"), ==,
                   cw_test_sql_int (demo, "SELECT count(*) FROM compat_paths"));
  g_assert_cmpint (cw_test_sql_int (fresh, "SELECT count(*) FROM compat_versions "
                                           "WHERE approved = 1"), ==,
                   cw_test_sql_int (demo, "SELECT count(*) FROM compat_versions "
                                          "WHERE approved = 1"));

  /* Lossless: the fresh workspace exports the same bytes. */
  for (guint i = 0; i < G_N_ELEMENTS (flags); i++)
    {
      g_autofree char *name = g_strdup_printf ("fresh%s.csv", flags[i] + 1);
      g_autofree char *again = export_table (fresh, flags[i], name);
      g_autofree char *a = NULL;
      g_autofree char *b = NULL;

      g_file_get_contents (exported[i], &a, NULL, NULL);
      g_file_get_contents (again, &b, NULL, NULL);
      g_assert_cmpstr (a, ==, b);
      g_free (exported[i]);
    }
}

static void
test_export_failure (void)
{
  g_autofree char *target = cw_test_tmp_path ("kept.csv");
  g_autofree char *text = NULL;
  g_autofree char *missing_dir = cw_test_tmp_path ("no-such-dir/out.csv");
  g_auto(CwTestRun) run = { 0 };
  g_auto(CwTestRun) nowhere = { 0 };

  /* An existing file is replaced, once everything is written. */
  cw_test_write_bytes (target, "old\n", 4);
  cw_test_cli_run (&run, "compat", "export", "--workspace", demo, "--products", "--output", target);
  g_assert_cmpint (run.status, ==, 0);
  g_file_get_contents (target, &text, NULL, NULL);
  g_assert_true (g_str_has_prefix (text, "product,version,released,end_of_support,approved\r\n"));

  cw_test_cli_run (&nowhere, "compat", "export", "--workspace", demo, "--matrix", "--output",
                   missing_dir);
  g_assert_cmpint (nowhere.status, ==, 1);
  g_assert_cmpstr (nowhere.out, ==, "");
  g_assert_false (g_file_test (missing_dir, G_FILE_TEST_EXISTS));
}

static void
test_usage_errors (void)
{
  static const char *cases[][10] = {
    { "compat", NULL },
    { "compat", "frobnicate", NULL },
    { "compat", "import", "--matrix", NULL },
    { "compat", "import", "a.csv", NULL },
    { "compat", "import", "--matrix", "--paths", "a.csv", NULL },
    { "compat", "import", "--matrix", "a.csv", "b.csv", NULL },
    { "compat", "export", NULL },
    { "compat", "export", "--products", "extra", NULL },
    { "compat", "check", "--target", "1", "--ci", "x", NULL },
    { "compat", "check", "--product", "p", "--ci", "x", NULL },
    { "compat", "check", "--product", "p", "--target", "1", NULL },
    { "compat", "check", "--product", "p", "--target", "1", "--ci", "x", "--search", "y" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(CwTestRun) run = { 0 };
      const char *args[G_N_ELEMENTS (cases[0]) + 1] = { NULL };

      memcpy (args, cases[i], sizeof cases[i]);
      cw_test_cli_run_v (&run, NULL, args);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.err, !=, "");
    }
}

static void
test_help (void)
{
  g_auto(CwTestRun) check = { 0 };

  cw_test_cli_assert_help ("compat", (const char * const[]) { "import", "export", "check", NULL });

  cw_test_cli_run (&check, "compat", "check", "--help");
  g_assert_cmpint (check.status, ==, 0);
  g_assert_nonnull (strstr (check.out, "3 when a blocker exists"));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  /* One demo for all: the tests that write to it change nothing. */
  demo = cw_test_cli_demo ("demo.db", "3000");

  g_test_add_func ("/core/cli-compat/demo-matrix", test_demo_matrix);
  g_test_add_func ("/core/cli-compat/check-blocked", test_check_blocked);
  g_test_add_func ("/core/cli-compat/check-component", test_check_component);
  g_test_add_func ("/core/cli-compat/check-clean", test_check_clean);
  g_test_add_func ("/core/cli-compat/check-rolling", test_check_rolling);
  g_test_add_func ("/core/cli-compat/check-search", test_check_search);
  g_test_add_func ("/core/cli-compat/check-errors", test_check_errors);
  g_test_add_func ("/core/cli-compat/import-bad-lines", test_import_bad_lines);
  g_test_add_func ("/core/cli-compat/round-trip", test_round_trip);
  g_test_add_func ("/core/cli-compat/export-failure", test_export_failure);
  g_test_add_func ("/core/cli-compat/usage-errors", test_usage_errors);
  g_test_add_func ("/core/cli-compat/help", test_help);

  status = cw_test_run_and_clean ();
  g_free (demo);
  return status;
}
