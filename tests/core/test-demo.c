/* test-demo.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-demo"

#include "config.h"

#include <sqlite3.h>

#include "cw-demo.h"
#include "cw-runbook-store.h"
#include "cw-test-fixture.h"
#include "test-demo-runbooks.h"
#include "test-demo-schedule.h"

static char *
create_demo (const char *dir,
             const char *name,
             guint64     seed,
             guint       n_cis)
{
  g_autoptr(CwClock) clock = cw_test_fake_clock ();
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);
  CwDemoOptions options = { .seed = seed, .n_cis = n_cis };

  g_assert_true (cw_demo_create (path, &options, clock, NULL, &error));
  g_assert_no_error (error);

  return path;
}

static const char * const inventory_tables[] = {
  "ci_relations", "ci_version_history", "ci_backups",
};

static void
append_rows (GString    *out,
             sqlite3    *db,
             const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int c = 0; c < sqlite3_column_count (stmt); c++)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, c);

          /* The version is not content. */
          if (text != NULL && g_str_has_prefix (text, "Changeward "))
            text = "Changeward";
          g_string_append_printf (out, "%s|", text ? text : "∅");
        }
      g_string_append_c (out, '\n');
    }
  sqlite3_finalize (stmt);
}

/* The rows of one query, as text. */
static char *
dump_query (const char *path,
            const char *sql)
{
  GString *out = g_string_new (NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  append_rows (out, db, sql);
  sqlite3_close (db);

  return g_string_free (out, FALSE);
}

/* Every row of every table, in order: two equal dumps are equal workspaces. */
static char *
dump (const char *path)
{
  static const char * const tables[] = {
    "sites", "users", "user_groups", "group_members", "cis", "ci_relations",
    "ci_version_history", "ci_backups", "workspace_meta",
  };
  GString *out = g_string_new (NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY 1, 2", tables[t]);

      append_rows (out, db, sql);
    }
  /* The runbooks, but for the times the runbook store takes from the
   * system clock. */
  append_rows (out, db, "SELECT * FROM runbooks ORDER BY name");
  append_rows (out, db, "SELECT r.name, v.number, v.state, v.author, v.approver, v.buffer_min "
                        "FROM runbook_versions v JOIN runbooks r ON r.id = v.runbook_id "
                        "ORDER BY r.name, v.number");
  append_rows (out, db, "SELECT * FROM runbook_steps ORDER BY version_id, position");
  sqlite3_close (db);

  return g_string_free (out, FALSE);
}

static void
test_deterministic (void)
{
  g_autofree char *dir = cw_test_make_tmpdir ();
  g_autofree char *a = create_demo (dir, "a.db", 7, 300);
  g_autofree char *b = create_demo (dir, "b.db", 7, 300);
  g_autofree char *c = create_demo (dir, "c.db", 8, 300);
  g_autofree char *dump_a = dump (a);
  g_autofree char *dump_b = dump (b);
  g_autofree char *dump_c = dump (c);

  g_assert_cmpuint (strlen (dump_a), >, 1000);
  g_assert_cmpstr (dump_a, ==, dump_b);
  g_assert_cmpstr (dump_a, !=, dump_c);

  /* The inventory around the CIs too: same counts, same rows. */
  for (guint t = 0; t < G_N_ELEMENTS (inventory_tables); t++)
    {
      g_autofree char *count = g_strdup_printf ("SELECT count(*) FROM %s", inventory_tables[t]);
      g_autofree char *first = g_strdup_printf ("SELECT * FROM %s ORDER BY id LIMIT 5",
                                                inventory_tables[t]);
      g_autofree char *rows_a = NULL;
      g_autofree char *rows_b = NULL;

      g_assert_cmpint (cw_test_sql_int (a, count), >, 0);
      g_assert_cmpint (cw_test_sql_int (a, count), ==, cw_test_sql_int (b, count));
      rows_a = dump_query (a, first);
      rows_b = dump_query (b, first);
      g_assert_cmpstr (rows_a, ==, rows_b);
    }

  cw_test_remove_tree (dir);
}

static void
test_contents (void)
{
  g_autofree char *dir = cw_test_make_tmpdir ();
  g_autofree char *path = create_demo (dir, "demo.db", CW_DEMO_DEFAULT_SEED, 2500);
  g_autoptr(CwStore) store = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(DISTINCT time_zone) FROM sites"), >=, 4);
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM sites"), ==, 8);

  for (const char *const *role = (const char *[]) { "lead", "technician", "coordinator", NULL };
       *role != NULL; role++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM users WHERE role = '%s'", *role);
      g_assert_cmpint (cw_test_sql_int (path, sql), >=, 1);
    }

  /* Every group has people; every technician is in a team. */
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM user_groups g WHERE NOT EXISTS "
                                          "(SELECT 1 FROM group_members m WHERE m.group_id = g.id)"),
                   ==, 0);
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM users u WHERE NOT EXISTS "
                                          "(SELECT 1 FROM group_members m WHERE m.user_id = u.id)"),
                   ==, 0);
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM users"), ==,
                   cw_test_sql_int (path, "SELECT count(DISTINCT username) FROM users"));

  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM cis"), ==, 2500);
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(DISTINCT name) FROM cis"), ==, 2500);
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(DISTINCT class) FROM cis"), >=, 10);
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM cis WHERE site_id IS NULL"), ==, 0);
  /* Drift: some model runs more than one version. */
  g_assert_cmpint (cw_test_sql_int (path, "SELECT max(n) FROM (SELECT count(DISTINCT os_version) n "
                                          "FROM cis GROUP BY model)"), >=, 2);
  g_assert_cmpint (cw_test_sql_int (path, "SELECT value FROM workspace_meta "
                                          "WHERE key = 'demo-seed'"), ==, CW_DEMO_DEFAULT_SEED);

  store = cw_store_open (path, CW_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (cw_store_check (store, &problems, &error));
  g_clear_object (&store);

  cw_test_remove_tree (dir);
}

/* The kinds of relation and the classes each may link, as in
 * cw-demo-links.c: anything else is a relation that makes no sense. */
#define SENSIBLE_RELATION \
  "((r.kind = 'runs_on' AND s.class IN ('application', 'database', 'hypervisor') " \
  "  AND t.class IN ('server', 'hypervisor')) OR " \
  " (r.kind = 'connected_to' AND s.class IN ('server', 'storage', 'iot') " \
  "  AND t.class = 'switch') OR " \
  " (r.kind = 'connected_to' AND s.class = 'switch' AND t.class IN ('router', 'firewall')) OR " \
  " (r.kind = 'part_of' AND s.class = 'controller' AND t.class IN ('server', 'switch')) OR " \
  " (r.kind = 'depends_on' AND s.class = 'server' AND t.class = 'storage') OR " \
  " (r.kind = 'depends_on' AND s.class = 'application' " \
  "  AND t.class IN ('certificate', 'database')) OR " \
  " (r.kind = 'depends_on' AND s.class = 'hypervisor' AND t.class = 'licence'))"

#define BACKUP_CLASSES "('switch', 'router', 'firewall', 'storage', 'controller')"

static void
test_relations (void)
{
  g_autofree char *dir = cw_test_make_tmpdir ();
  g_autofree char *path = create_demo (dir, "demo.db", CW_DEMO_DEFAULT_SEED, CW_DEMO_DEFAULT_CIS);
  gint64 n_relations = cw_test_sql_int (path, "SELECT count(*) FROM ci_relations");

  /* About one or two per CI, 0–3 from each. */
  g_assert_cmpint (n_relations, >, CW_DEMO_DEFAULT_CIS / 2);
  g_assert_cmpint (n_relations, <, CW_DEMO_DEFAULT_CIS * 2);
  g_assert_cmpint (cw_test_sql_int (path, "SELECT max(n) FROM (SELECT count(*) n "
                                          "FROM ci_relations GROUP BY source_id)"), <=, 3);
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM ci_relations "
                                          "WHERE source_id = target_id"), ==, 0);
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM (SELECT 1 FROM ci_relations "
                                          "GROUP BY source_id, kind, target_id "
                                          "HAVING count(*) > 1)"), ==, 0);
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(DISTINCT kind) FROM ci_relations"), ==, 4);

  /* Everything is linked within its site, and only in ways that make sense. */
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM ci_relations r "
                                          "JOIN cis s ON s.id = r.source_id "
                                          "JOIN cis t ON t.id = r.target_id "
                                          "WHERE s.site_id IS NOT t.site_id"), ==, 0);
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM ci_relations r "
                                          "JOIN cis s ON s.id = r.source_id "
                                          "JOIN cis t ON t.id = r.target_id "
                                          "WHERE NOT " SENSIBLE_RELATION), ==, 0);
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM ci_relations r "
                                          "JOIN cis s ON s.id = r.source_id "
                                          "JOIN cis t ON t.id = r.target_id "
                                          "WHERE r.kind = 'runs_on' AND s.class = 'application'"),
                   >, 0);
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM ci_relations r "
                                          "JOIN cis s ON s.id = r.source_id "
                                          "JOIN cis t ON t.id = r.target_id "
                                          "WHERE r.kind = 'connected_to' AND s.class = 'switch'"),
                   >, 0);
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM ci_relations r "
                                          "JOIN cis t ON t.id = r.target_id "
                                          "WHERE r.kind = 'depends_on' "
                                          "AND t.class = 'certificate'"), >, 0);
  /* Most servers hang off a switch. */
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(DISTINCT source_id) FROM ci_relations r "
                                          "JOIN cis s ON s.id = r.source_id "
                                          "JOIN cis t ON t.id = r.target_id "
                                          "WHERE r.kind = 'connected_to' AND s.class = 'server' "
                                          "AND t.class = 'switch'") * 2,
                   >, cw_test_sql_int (path, "SELECT count(*) FROM cis WHERE class = 'server'"));

  /* The demo writes with foreign keys unchecked, for speed: they all hold. */
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);

  cw_test_remove_tree (dir);
}

static void
test_version_history (void)
{
  g_autofree char *dir = cw_test_make_tmpdir ();
  g_autofree char *path = create_demo (dir, "demo.db", CW_DEMO_DEFAULT_SEED, CW_DEMO_DEFAULT_CIS);
  gint64 with_versions = cw_test_sql_int (path, "SELECT count(*) FROM cis WHERE "
                                                "firmware_version IS NOT NULL OR "
                                                "os_version IS NOT NULL");
  gint64 with_history = cw_test_sql_int (path, "SELECT count(DISTINCT ci_id) "
                                               "FROM ci_version_history");
  gint64 n_rows = cw_test_sql_int (path, "SELECT count(*) FROM ci_version_history");
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;
  guint n_checked = 0;

  /* About 30 % of the CIs that have a version, 1–3 rows per field. */
  g_assert_cmpint (with_history * 100, >, with_versions * 20);
  g_assert_cmpint (with_history * 100, <, with_versions * 40);
  g_assert_cmpint (cw_test_sql_int (path, "SELECT max(n) FROM (SELECT count(*) n FROM "
                                          "ci_version_history GROUP BY ci_id, field)"), <=, 3);
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM ci_version_history h "
                                          "JOIN cis c ON c.id = h.ci_id WHERE "
                                          "c.firmware_version IS NULL AND c.os_version IS NULL"),
                   ==, 0);

  /* Times: ISO 8601 in UTC, in the two years before the (fake) now and
   * before the CI was last updated. */
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM ci_version_history WHERE "
                                          "changed_at NOT GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-"
                                          "[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]Z'"), ==, 0);
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM ci_version_history h "
                                          "JOIN cis c ON c.id = h.ci_id WHERE "
                                          "h.changed_at > c.updated_at OR "
                                          "h.changed_at < '2024-03-29T00:59:30Z'"), ==, 0);

  /* Each field's changes form one chain: every change starts from where the
   * previous one ended. */
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM (SELECT old_value, lag (new_value) "
                                          "OVER (PARTITION BY ci_id, field ORDER BY changed_at) "
                                          "AS previous, row_number () OVER (PARTITION BY ci_id, "
                                          "field ORDER BY changed_at) AS n "
                                          "FROM ci_version_history) "
                                          "WHERE n > 1 AND old_value IS NOT previous"), ==, 0);
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM ci_version_history "
                                          "WHERE old_value = new_value OR new_value IS NULL"),
                   ==, 0);

  /* Sources: mostly imports and executions, with a few of the others. */
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(DISTINCT source) FROM ci_version_history"),
                   ==, 4);
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM ci_version_history WHERE "
                                          "source IN ('import', 'execution')") * 100,
                   >, n_rows * 70);
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM ci_version_history WHERE "
                                          "source = 'execution' AND detail NOT GLOB "
                                          "'CHG[0-9][0-9][0-9][0-9][0-9][0-9][0-9]'"), ==, 0);
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM ci_version_history WHERE "
                                          "source = 'import' AND detail IS NOT "
                                          "'inventory-' || substr (changed_at, 1, 7) || '.csv'"),
                   ==, 0);

  /* For a sample of CIs, the newest change ends at the current version. */
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT h.field, h.new_value, c.firmware_version, "
                                       "c.os_version FROM ci_version_history h "
                                       "JOIN cis c ON c.id = h.ci_id "
                                       "WHERE h.ci_id % 7 = 0 AND h.changed_at = "
                                       "(SELECT max (changed_at) FROM ci_version_history l "
                                       " WHERE l.ci_id = h.ci_id AND l.field = h.field)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *field = (const char *) sqlite3_column_text (stmt, 0);
      const char *newest = (const char *) sqlite3_column_text (stmt, 1);
      int column = g_str_equal (field, "os_version") ? 3 : 2;
      const char *current = (const char *) sqlite3_column_text (stmt, column);

      g_assert_cmpstr (newest, ==, current);
      n_checked++;
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_cmpuint (n_checked, >, 50);

  /* Drift in the history too: some model went through several versions. */
  g_assert_cmpint (cw_test_sql_int (path, "SELECT max (n) FROM (SELECT count (DISTINCT "
                                          "h.new_value) n FROM ci_version_history h "
                                          "JOIN cis c ON c.id = h.ci_id GROUP BY c.model)"), >=, 3);

  cw_test_remove_tree (dir);
}

static void
test_backups (void)
{
  g_autofree char *dir = cw_test_make_tmpdir ();
  g_autofree char *path = create_demo (dir, "demo.db", CW_DEMO_DEFAULT_SEED, CW_DEMO_DEFAULT_CIS);
  gint64 n_backups = cw_test_sql_int (path, "SELECT count(*) FROM ci_backups");
  gint64 n_servers;

  g_assert_cmpint (n_backups, >, 0);

  /* Network gear, storage and controllers all have 1–4, some servers too,
   * nothing else. */
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM ci_backups b "
                                          "JOIN cis c ON c.id = b.ci_id WHERE c.class NOT IN "
                                          BACKUP_CLASSES " AND c.class <> 'server'"), ==, 0);
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM cis c WHERE c.class IN "
                                          BACKUP_CLASSES " AND NOT EXISTS "
                                          "(SELECT 1 FROM ci_backups b WHERE b.ci_id = c.id)"),
                   ==, 0);
  n_servers = cw_test_sql_int (path, "SELECT count(DISTINCT b.ci_id) FROM ci_backups b "
                                     "JOIN cis c ON c.id = b.ci_id WHERE c.class = 'server'");
  g_assert_cmpint (n_servers, >, 0);
  g_assert_cmpint (n_servers * 2, <, cw_test_sql_int (path, "SELECT count(*) FROM cis "
                                                            "WHERE class = 'server'"));
  g_assert_cmpint (cw_test_sql_int (path, "SELECT max(n) FROM (SELECT count(*) n "
                                          "FROM ci_backups GROUP BY ci_id)"), ==, 4);

  /* "sha256:" and 64 lower-case hex digits, all different. */
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM ci_backups WHERE "
                                          "length (checksum) <> 71 OR "
                                          "substr (checksum, 1, 7) <> 'sha256:' OR "
                                          "substr (checksum, 8) GLOB '*[^0-9a-f]*'"), ==, 0);
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(DISTINCT checksum) FROM ci_backups"),
                   ==, n_backups);

  /* In the last 90 days, 8–400 KiB, mostly verified, stored by site and CI. */
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM ci_backups WHERE "
                                          "taken_at < '2025-12-29' OR "
                                          "taken_at > '2026-03-29T00:59:30Z'"), ==, 0);
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM ci_backups WHERE "
                                          "size_bytes NOT BETWEEN 8192 AND 409600"), ==, 0);
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM ci_backups WHERE verified"), >,
                   n_backups * 75 / 100);
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM ci_backups WHERE NOT verified"),
                   >, n_backups * 5 / 100);
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM ci_backups b "
                                          "JOIN cis c ON c.id = b.ci_id "
                                          "JOIN sites s ON s.id = c.site_id "
                                          "WHERE b.location IS NOT "
                                          "'sftp://backup.' || lower (s.code) || "
                                          "'.example.net/configs/' || c.name || '/' || "
                                          "substr (b.taken_at, 1, 10) || '.cfg'"), ==, 0);
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(DISTINCT location) FROM ci_backups"),
                   ==, n_backups);

  cw_test_remove_tree (dir);
}

static void
test_search_index (void)
{
  g_autofree char *dir = cw_test_make_tmpdir ();
  g_autofree char *path = create_demo (dir, "demo.db", CW_DEMO_DEFAULT_SEED, 2000);
  g_autofree char *by_serial = NULL;
  g_autofree char *count_serial = NULL;
  gint64 id;

  /* Every CI is in the index, found by its site's code. */
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM cis_fts WHERE cis_fts MATCH "
                                          "'\"fra1\"*'"),
                   ==, cw_test_sql_int (path, "SELECT count(*) FROM cis c JOIN sites s "
                                              "ON s.id = c.site_id WHERE s.code = 'FRA1'"));
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM cis_fts WHERE cis_fts MATCH "
                                          "'\"fra1\"*'"), >, 0);
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM cis_fts WHERE cis_fts MATCH "
                                          "'\"tyo1\"*'"),
                   ==, cw_test_sql_int (path, "SELECT count(*) FROM cis c JOIN sites s "
                                              "ON s.id = c.site_id WHERE s.code = 'TYO1'"));

  /* And by its serial, alone. */
  id = cw_test_sql_int (path, "SELECT max (id) FROM cis");
  by_serial = g_strdup_printf ("SELECT rowid FROM cis_fts WHERE cis_fts MATCH "
                               "(SELECT '\"' || serial || '\"' FROM cis "
                               " WHERE id = %" G_GINT64_FORMAT ")", id);
  g_assert_cmpint (cw_test_sql_int (path, by_serial), ==, id);
  count_serial = g_strdup_printf ("SELECT count(*) FROM cis_fts WHERE cis_fts MATCH "
                                  "(SELECT '\"' || serial || '\"' FROM cis "
                                  " WHERE id = %" G_GINT64_FORMAT ")", id);
  g_assert_cmpint (cw_test_sql_int (path, count_serial), ==, 1);

  cw_test_remove_tree (dir);
}

static void
test_no_cis (void)
{
  g_autofree char *dir = cw_test_make_tmpdir ();
  g_autofree char *path = create_demo (dir, "small.db", 3, 0);

  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM cis"), ==, 0);
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM users"), >, 0);
  for (guint t = 0; t < G_N_ELEMENTS (inventory_tables); t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", inventory_tables[t]);
      g_assert_cmpint (cw_test_sql_int (path, sql), ==, 0);
    }

  cw_test_remove_tree (dir);
}

static void
test_refuses_existing (void)
{
  g_autofree char *dir = cw_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "mine.db", NULL);
  g_autoptr(CwClock) clock = cw_test_fake_clock ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  CwDemoOptions options;

  cw_demo_options_init (&options);
  cw_test_write_bytes (path, "my notes", 8);
  before = cw_test_file_checksum (path);

  g_assert_false (cw_demo_create (path, &options, clock, NULL, &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_EXISTS);
  after = cw_test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);

  cw_test_remove_tree (dir);
}

static void
test_cancelled (void)
{
  g_autofree char *dir = cw_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "big.db", NULL);
  g_autoptr(CwClock) clock = cw_test_fake_clock ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  CwDemoOptions options = { .seed = 1, .n_cis = 100000 };

  g_cancellable_cancel (cancellable);
  g_assert_false (cw_demo_create (path, &options, clock, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  /* Nothing is left behind: no workspace, no partial file. */
  listing = g_dir_open (dir, 0, NULL);
  g_assert_null (g_dir_read_name (listing));

  cw_test_remove_tree (dir);
}

static void
test_populate_refuses_data (void)
{
  g_autofree char *dir = cw_test_make_tmpdir ();
  g_autofree char *path = create_demo (dir, "twice.db", 1, 10);
  g_autoptr(CwClock) clock = cw_test_fake_clock ();
  g_autoptr(CwStore) store = NULL;
  g_autoptr(GError) error = NULL;
  CwDemoOptions options = { .seed = 1, .n_cis = 10 };

  store = cw_store_open (path, CW_STORE_OPEN_NO_CREATE, &error);
  g_assert_no_error (error);
  g_assert_false (cw_demo_populate (store, clock, &options, NULL, &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_EXISTS);
  g_assert_cmpint (cw_store_count_table (store, "cis", NULL), ==, 10);
  g_clear_object (&store);

  cw_test_remove_tree (dir);
}

static void
test_runbooks (void)
{
  g_autofree char *dir = cw_test_make_tmpdir ();
  g_autofree char *path = create_demo (dir, "runbooks.db", CW_DEMO_DEFAULT_SEED, 0);
  g_autoptr(CwStore) store = NULL;
  g_autoptr(GPtrArray) infos = NULL;
  g_autoptr(GError) error = NULL;
  guint n_revised = 0;

  store = cw_store_open (path, CW_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  infos = cw_runbooks_list (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (infos->len, ==, G_N_ELEMENTS (demo_runbooks));

  for (guint r = 0; r < G_N_ELEMENTS (demo_runbooks); r++)
    {
      const CwRunbookInfo *info = NULL;
      g_autoptr(GPtrArray) versions = NULL;

      for (guint i = 0; i < infos->len && info == NULL; i++)
        {
          const CwRunbookInfo *candidate = g_ptr_array_index (infos, i);

          if (g_strcmp0 (candidate->ci_class, demo_runbooks[r].ci_class) == 0 &&
              g_strcmp0 (candidate->product, demo_runbooks[r].product) == 0)
            info = candidate;
        }
      g_assert_nonnull (info);
      g_assert_nonnull (info->description);
      g_assert_cmpuint (info->latest_version, ==, demo_runbooks[r].latest);
      g_assert_cmpuint (info->approved_version, ==, demo_runbooks[r].approved);

      versions = cw_runbooks_list_versions (store, info->name, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (versions->len, ==, demo_runbooks[r].latest);

      for (guint v = 1; v <= demo_runbooks[r].latest; v++)
        {
          g_autoptr(CwRunbook) runbook = cw_runbooks_load (store, info->name, v, &error);

          g_assert_no_error (error);
          assert_complete (runbook);

          g_assert_nonnull (runbook->author);
          if (v <= demo_runbooks[r].approved)
            {
              g_assert_cmpint (runbook->state, ==, CW_RUNBOOK_APPROVED);
              g_assert_nonnull (runbook->approver);
              g_assert_cmpstr (runbook->approver, !=, runbook->author);
              g_assert_cmpint (runbook->approved_at, >, 0);
            }
          else
            {
              g_assert_cmpint (runbook->state, ==, CW_RUNBOOK_DRAFT);
              g_assert_null (runbook->approver);
            }
        }

      /* A second version changes something the diff view can show. */
      if (demo_runbooks[r].latest == 2)
        {
          g_autoptr(CwRunbook) old_version = cw_runbooks_load (store, info->name, 1, NULL);
          g_autoptr(CwRunbook) new_version = cw_runbooks_load (store, info->name, 2, NULL);
          g_autoptr(GPtrArray) changes = cw_runbook_diff (old_version, new_version);
          gboolean duration_changed = FALSE;

          g_assert_cmpuint (changes->len, >=, 2);
          for (guint c = 0; c < changes->len; c++)
            {
              const CwRunbookChange *change = g_ptr_array_index (changes, c);

              if (change->kind == CW_RUNBOOK_CHANGE_CHANGED &&
                  g_strcmp0 (change->field, "duration_min") == 0)
                duration_changed = TRUE;
            }
          g_assert_true (duration_changed);
          n_revised++;
        }
    }
  g_assert_cmpuint (n_revised, ==, 2);

  /* Written by technicians of the demo, approved by leads. */
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM runbook_versions v "
                                          "JOIN users u ON u.username = v.author "
                                          "WHERE u.role = 'technician'"), ==, 8);
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM runbook_versions v "
                                          "JOIN users u ON u.username = v.approver "
                                          "WHERE u.role = 'lead'"), ==, 5);

  g_clear_object (&store);
  cw_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/demo/deterministic", test_deterministic);
  g_test_add_func ("/core/demo/contents", test_contents);
  g_test_add_func ("/core/demo/relations", test_relations);
  g_test_add_func ("/core/demo/version-history", test_version_history);
  g_test_add_func ("/core/demo/backups", test_backups);
  g_test_add_func ("/core/demo/search-index", test_search_index);
  g_test_add_func ("/core/demo/no-cis", test_no_cis);
  g_test_add_func ("/core/demo/refuses-existing", test_refuses_existing);
  g_test_add_func ("/core/demo/cancelled", test_cancelled);
  g_test_add_func ("/core/demo/populate-refuses-data", test_populate_refuses_data);
  g_test_add_func ("/core/demo/runbooks", test_runbooks);
  g_test_add_func ("/core/demo/schedule", test_schedule);

  return g_test_run ();
}
