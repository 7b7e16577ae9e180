/* test-inventory-import.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-inventory-import"

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "cw-demo.h"
#include "cw-inventory-export.h"
#include "cw-inventory-import.h"
#include "cw-inventory-index.h"
#include "cw-store.h"
#include "cw-test-fixture.h"

/* CSV import and export against real workspaces: round trip, re-import,
 * matching, bad lines, rejects, cancellation, encodings, the search index. */

#define HEADER "class,name,manufacturer,model,serial,asset_tag,site,ip_address,firmware_version," \
               "os_version,lifecycle_status,operational_status,sys_id,notes\r\n"

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = cw_test_make_tmpdir ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  cw_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static char *
path_in (Fixture    *fixture,
         const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

/* An empty workspace: no sites, no CIs. */
static char *
new_workspace (Fixture    *fixture,
               const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwStore) store = NULL;
  char *path = path_in (fixture, name);

  store = cw_store_open (path, CW_STORE_OPEN_CREATE_NEW, &error);
  g_assert_no_error (error);
  return path;
}

static char *
demo_workspace (Fixture    *fixture,
                const char *name,
                guint       n_cis)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwClock) clock = cw_test_fake_clock ();
  CwDemoOptions options;
  char *path = path_in (fixture, name);

  cw_demo_options_init (&options);
  options.n_cis = n_cis;
  g_assert_true (cw_demo_create (path, &options, clock, NULL, &error));
  g_assert_no_error (error);
  return path;
}

static char *
write_csv (Fixture    *fixture,
           const char *name,
           const char *text)
{
  char *path = path_in (fixture, name);

  cw_test_write_bytes (path, text, strlen (text));
  return path;
}

/* Every CI, field by field as the native layout has them, by name. */
static char *
dump_cis (const char *workspace)
{
  g_autoptr(GString) dump = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (workspace, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT c.class, c.name, c.manufacturer, c.model, c.serial, "
                                       "c.asset_tag, s.code, c.ip_address, c.firmware_version, "
                                       "c.os_version, c.lifecycle_status, c.operational_status, "
                                       "c.sys_id, c.notes FROM cis c "
                                       "LEFT JOIN sites s ON s.id = c.site_id ORDER BY c.name, c.id",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const char *value = (const char *) sqlite3_column_text (stmt, i);

          g_string_append_printf (dump, "%s|", value != NULL ? value : "<null>");
        }
      g_string_append_c (dump, '\n');
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return g_string_free (g_steal_pointer (&dump), FALSE);
}

/* Everything an import could touch, rows and values, with ids. */
static char *
workspace_checksum (const char *workspace)
{
  static const char *queries[] = {
    "SELECT * FROM cis ORDER BY id",
    "SELECT * FROM sites ORDER BY id",
    "SELECT * FROM ci_version_history ORDER BY id",
    "SELECT * FROM cis_fts_data ORDER BY id",
    "SELECT * FROM sqlite_schema ORDER BY name",
  };
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (workspace, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, queries[q], -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int i = 0; i < sqlite3_column_count (stmt); i++)
            {
              const void *blob = sqlite3_column_blob (stmt, i);
              int len = sqlite3_column_bytes (stmt, i);

              if (blob != NULL)
                g_checksum_update (checksum, blob, len);
              g_checksum_update (checksum, (const guchar *) "|", 1);
            }
        }
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);

  return g_strdup (g_checksum_get_string (checksum));
}

static gint64
count_cis (const char *workspace)
{
  return cw_test_sql_int (workspace, "SELECT count(*) FROM cis");
}

static gint64
count_matches (const char *workspace,
               const char *term)
{
  g_autofree char *match = cw_inventory_index_build_match (term);
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM cis_fts WHERE cis_fts MATCH '%s'",
                                          match);

  return cw_test_sql_int (workspace, sql);
}

static void
assert_index_sound (const char *workspace)
{
  cw_test_sql (workspace, "INSERT INTO cis_fts (cis_fts) VALUES ('integrity-check')");
}

static CwInventoryImport *
new_import (const char *workspace,
            const char *csv)
{
  g_autoptr(GFile) file = g_file_new_for_path (csv);

  return cw_inventory_import_new (workspace, file);
}

static CwInventoryImportResult *
import_ok (const char *workspace,
           const char *csv)
{
  g_autoptr(CwInventoryImport) import = new_import (workspace, csv);
  g_autoptr(GError) error = NULL;
  CwInventoryImportResult *result;

  result = cw_inventory_import_run (import, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

static char *
export_all (Fixture    *fixture,
            const char *workspace,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwStore) store = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) output = NULL;
  char *path = path_in (fixture, name);
  guint n_written = 0;

  store = cw_store_open (workspace, CW_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  file = g_file_new_for_path (path);
  output = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (cw_inventory_export_to_stream (store, NULL, G_OUTPUT_STREAM (output), NULL,
                                                &n_written, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (G_OUTPUT_STREAM (output), NULL, &error));
  g_assert_cmpint (n_written, ==, count_cis (workspace));

  return path;
}

/* ---- round trip and re-import ---------------------------------------------- */

#define COUNT_CIS_INDEXES \
  "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'cis' " \
  "AND sql IS NOT NULL"

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *source = demo_workspace (fixture, "source.db", 600);
  g_autofree char *target = new_workspace (fixture, "target.db");
  g_autofree char *csv = export_all (fixture, source, "export.csv");
  g_autofree char *again = NULL;
  g_autofree char *source_dump = dump_cis (source);
  g_autofree char *target_dump = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr(CwInventoryImportResult) result = NULL;

  result = import_ok (target, csv);
  g_assert_true (result->committed);
  g_assert_cmpint (result->layout, ==, CW_CSV_LAYOUT_NATIVE);
  g_assert_cmpuint (result->n_records, ==, 600);
  g_assert_cmpuint (result->n_inserted, ==, 600);
  g_assert_cmpuint (result->n_updated + result->n_unchanged + result->n_rejected, ==, 0);
  g_assert_cmpuint (result->problems->len, ==, 0);

  /* Every field of every CI, and the file an export of the copy gives. */
  target_dump = dump_cis (target);
  g_assert_cmpstr (target_dump, ==, source_dump);
  again = export_all (fixture, target, "again.csv");
  first = cw_test_file_checksum (csv);
  second = cw_test_file_checksum (again);
  g_assert_cmpstr (first, ==, second);

  /* Unknown sites were made, in UTC. */
  g_assert_cmpint (cw_test_sql_int (target, "SELECT count(*) FROM sites"), ==,
                   cw_test_sql_int (source, "SELECT count(DISTINCT site_id) FROM cis"));
  g_assert_cmpint (cw_test_sql_int (target, "SELECT count(*) FROM sites WHERE time_zone <> 'UTC'"),
                   ==, 0);

  /* The indexes dropped for the bulk load are back, the search index is whole. */
  g_assert_cmpint (cw_test_sql_int (target, COUNT_CIS_INDEXES), ==,
                   cw_test_sql_int (source, COUNT_CIS_INDEXES));
  g_assert_cmpint (cw_test_sql_int (target, COUNT_CIS_INDEXES), >=, 3);
  assert_index_sound (target);
  g_assert_cmpint (count_matches (target, "fra1"), ==,
                   cw_test_sql_int (target, "SELECT count(*) FROM cis c JOIN sites s "
                                            "ON s.id = c.site_id WHERE s.code = 'FRA1'"));
  g_assert_cmpint (count_matches (target, "fra1"), >, 0);
  g_assert_cmpint (count_matches (target, "fra1-sw03-0001"), ==,
                   cw_test_sql_int (target, "SELECT count(*) FROM cis "
                                            "WHERE name LIKE 'fra1-sw03-0001%'"));
}

static void
test_reimport_unchanged (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *source = demo_workspace (fixture, "source.db", 300);
  g_autofree char *csv = export_all (fixture, source, "export.csv");
  g_autofree char *before = workspace_checksum (source);
  g_autofree char *after = NULL;
  g_autoptr(CwInventoryImportResult) result = NULL;

  result = import_ok (source, csv);
  g_assert_true (result->committed);
  g_assert_cmpuint (result->n_inserted, ==, 0);
  g_assert_cmpuint (result->n_updated, ==, 0);
  g_assert_cmpuint (result->n_unchanged, ==, 300);
  g_assert_cmpuint (result->n_version_changes, ==, 0);
  g_assert_cmpint (count_cis (source), ==, 300);

  /* Nothing was written at all. */
  after = workspace_checksum (source);
  g_assert_cmpstr (before, ==, after);
}

/* Replaces the firmware of the lines whose name starts with @prefix. */
static char *
change_firmware (const char *csv_text,
                 const char *prefix,
                 const char *firmware,
                 guint      *n_changed)
{
  g_auto(GStrv) lines = g_strsplit (csv_text, "\r\n", -1);
  GString *out = g_string_new (NULL);

  *n_changed = 0;
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      g_autofree char *joined = NULL;

      if (lines[i][0] == '\0')
        continue;
      fields = g_strsplit (lines[i], ",", -1);
      g_assert_cmpuint (g_strv_length (fields), ==, 14);
      if (i > 0 && g_str_has_prefix (fields[1], prefix))
        {
          g_free (fields[8]);
          fields[8] = g_strdup (firmware);
          (*n_changed)++;
        }
      joined = g_strjoinv (",", fields);
      g_string_append (out, joined);
      g_string_append (out, "\r\n");
    }

  return g_string_free (out, FALSE);
}

static void
test_reimport_changed_firmware (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *source = demo_workspace (fixture, "source.db", 400);
  g_autofree char *csv = export_all (fixture, source, "export.csv");
  g_autofree char *text = NULL;
  g_autofree char *changed = NULL;
  g_autofree char *changed_csv = NULL;
  g_autoptr(CwInventoryImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 history_before;
  gint64 n_prefixed;
  guint n_changed = 0;

  g_file_get_contents (csv, &text, NULL, &error);
  g_assert_no_error (error);
  /* Lines without commas or quotes in their fields, so a plain split works. */
  g_assert_null (strchr (text, '"'));
  changed = change_firmware (text, "fra1-", "99.1.7-cwtest", &n_changed);
  changed_csv = write_csv (fixture, "changed.csv", changed);
  n_prefixed = cw_test_sql_int (source, "SELECT count(*) FROM cis WHERE name LIKE 'fra1-%'");
  g_assert_cmpint (n_changed, ==, n_prefixed);
  g_assert_cmpint (n_changed, >, 0);
  history_before = cw_test_sql_int (source, "SELECT count(*) FROM ci_version_history");
  g_assert_cmpint (count_matches (source, "99.1.7"), ==, 0);

  result = import_ok (source, changed_csv);
  g_assert_true (result->committed);
  g_assert_cmpuint (result->n_inserted, ==, 0);
  g_assert_cmpuint (result->n_updated, ==, n_changed);
  g_assert_cmpuint (result->n_unchanged, ==, 400 - n_changed);
  g_assert_cmpuint (result->n_version_changes, ==,
                    cw_test_sql_int (source, "SELECT count(*) FROM cis WHERE name LIKE 'fra1-%' "
                                             "AND firmware_version = '99.1.7-cwtest'"));
  g_assert_cmpint (count_cis (source), ==, 400);

  /* History: one row per CI whose firmware was something else. */
  g_assert_cmpint (cw_test_sql_int (source, "SELECT count(*) FROM ci_version_history"), ==,
                   history_before + result->n_version_changes);
  g_assert_cmpint (cw_test_sql_int (source,
                                    "SELECT count(*) FROM ci_version_history WHERE source = 'import' "
                                    "AND field = 'firmware_version' AND new_value = '99.1.7-cwtest' "
                                    "AND detail = 'changed.csv' "
                                    "AND changed_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T"
                                    "[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'"), ==,
                   result->n_version_changes);
  g_assert_cmpint (cw_test_sql_int (source, "SELECT count(*) FROM cis WHERE name LIKE 'fra1-%' "
                                            "AND updated_at = (SELECT changed_at FROM "
                                            "ci_version_history ORDER BY id DESC LIMIT 1)"), ==,
                   n_changed);

  /* The search index has the new version only. */
  assert_index_sound (source);
  g_assert_cmpint (count_matches (source, "99.1.7-cwtest"), ==, n_changed);
  g_assert_cmpint (count_matches (source, "99.1"), ==, n_changed);
}

static void
test_search_index_after_update (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *workspace = new_workspace (fixture, "ws.db");
  g_autofree char *first = write_csv (fixture, "first.csv",
                                      HEADER
                                      "switch,edge-sw-01,Cisco,C9300,SN1,,LAB,10.9.9.1,17.3.1,,,,,\r\n"
                                      "switch,edge-sw-02,Cisco,C9300,SN2,,LAB,10.9.9.2,17.3.1,,,,,\r\n");
  g_autofree char *second = write_csv (fixture, "second.csv",
                                       HEADER
                                       "switch,edge-sw-01,Cisco,C9300,SN1,,LAB,10.9.9.1,17.6.5,,,,,\r\n");
  g_autoptr(CwInventoryImportResult) result1 = NULL;
  g_autoptr(CwInventoryImportResult) result2 = NULL;

  result1 = import_ok (workspace, first);
  g_assert_cmpuint (result1->n_inserted, ==, 2);
  g_assert_cmpint (count_matches (workspace, "edge-sw"), ==, 2);
  g_assert_cmpint (count_matches (workspace, "17.3.1"), ==, 2);
  g_assert_cmpint (count_matches (workspace, "lab"), ==, 2);
  g_assert_cmpint (count_matches (workspace, "10.9.9"), ==, 2);

  result2 = import_ok (workspace, second);
  g_assert_cmpuint (result2->n_updated, ==, 1);
  g_assert_cmpuint (result2->n_version_changes, ==, 1);
  assert_index_sound (workspace);
  g_assert_cmpint (count_matches (workspace, "17.6.5"), ==, 1);
  g_assert_cmpint (count_matches (workspace, "17.3.1"), ==, 1);
  g_assert_cmpint (count_matches (workspace, "edge-sw-01"), ==, 1);
  g_assert_cmpint (cw_test_sql_int (workspace, "SELECT rowid FROM cis_fts "
                                               "WHERE cis_fts MATCH '\"17.6.5\"'"), ==,
                   cw_test_sql_int (workspace, "SELECT id FROM cis WHERE name = 'edge-sw-01'"));
}

/* The same CI twice in one file, into an empty workspace (bulk load, index
 * built apart) and into one with CIs. */
static void
test_duplicates_in_file (Fixture       *fixture,
                         gconstpointer  data)
{
  static const char *text =
    HEADER
    "router,core-rt-01,Juniper,MX204,JN1,,BER,,21.2R3,,,,,\r\n"
    "router,core-rt-02,Juniper,MX204,JN2,,BER,,21.2R3,,,,,\r\n"
    "router,core-rt-01,Juniper,MX204,JN1,,BER,,21.2R3,,,,,\r\n"
    "router,core-rt-01,Juniper,MX204,JN1,,BER,,22.4R1,,,,,\r\n";

  for (guint populated = 0; populated <= 1; populated++)
    {
      g_autofree char *name = g_strdup_printf ("ws%u.db", populated);
      g_autofree char *workspace = populated ? demo_workspace (fixture, name, 50)
                                             : new_workspace (fixture, name);
      g_autofree char *csv = write_csv (fixture, "dup.csv", text);
      g_autoptr(CwInventoryImportResult) result = NULL;
      gint64 before = count_cis (workspace);

      result = import_ok (workspace, csv);
      g_assert_true (result->committed);
      g_assert_cmpuint (result->n_inserted, ==, 2);
      g_assert_cmpuint (result->n_unchanged, ==, 1);
      g_assert_cmpuint (result->n_updated, ==, 1);
      g_assert_cmpuint (result->n_version_changes, ==, 1);
      g_assert_cmpint (count_cis (workspace), ==, before + 2);
      g_assert_cmpint (cw_test_sql_int (workspace, "SELECT count(*) FROM cis "
                                                   "WHERE name = 'core-rt-01' "
                                                   "AND firmware_version = '22.4R1'"), ==, 1);
      assert_index_sound (workspace);
      g_assert_cmpint (count_matches (workspace, "22.4R1"), ==, 1);
      g_assert_cmpint (count_matches (workspace, "21.2R3"), ==, 1);
      g_assert_cmpint (count_matches (workspace, "core-rt"), ==, 2);
    }
}

/* ---- matching -------------------------------------------------------------- */

static void
test_matching_precedence (Fixture       *fixture,
                          gconstpointer  data)
{
  static const char *setup_text =
    HEADER
    "server,alpha,Dell,R650,SER-A,,FRA,,,,,,SYS-A,\r\n"     /* 1 */
    "server,bravo,Dell,R650,SER-B,,FRA,,,,,,,\r\n"          /* 2 */
    "server,charlie,Dell,R650,,,FRA,,,,,,,\r\n"             /* 3 */
    "server,charlie,Dell,R650,,,LON,,,,,,,\r\n";            /* 4 */
  /* Each line carries keys of several CIs: the first rule that finds one
   * wins. */
  static const struct
  {
    const char *line;
    gint64      expected_id;   /* 5: a new CI */
  } cases[] = {
    /* sys_id beats serial and name */
    { "server,charlie,Dell,R650,SER-B,,FRA,,,,,,SYS-A,hit\r\n", 1 },
    /* serial beats name */
    { "server,charlie,Dell,R650,SER-B,,FRA,,,,,,,hit\r\n", 2 },
    /* name within the site, the site by code ignoring case */
    { "server,charlie,Dell,R650,,,lon,,,,,,,hit\r\n", 4 },
    /* an unknown sys_id still matches by name a CI without sys_id */
    { "server,charlie,Dell,R650,,,FRA,,,,,,SYS-Z,hit\r\n", 3 },
    /* two different sys_ids are two records, whatever the serial says */
    { "server,delta,Dell,R650,SER-A,,FRA,,,,,,SYS-D,hit\r\n", 5 },
    /* the same name in another site is another CI */
    { "server,bravo,Dell,R650,,,LON,,,,,,,hit\r\n", 5 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("ws%u.db", i);
      g_autofree char *workspace = new_workspace (fixture, name);
      g_autofree char *setup = write_csv (fixture, "setup.csv", setup_text);
      g_autofree char *text = g_strconcat (HEADER, cases[i].line, NULL);
      g_autofree char *csv = write_csv (fixture, "line.csv", text);
      g_autoptr(CwInventoryImportResult) result1 = NULL;
      g_autoptr(CwInventoryImportResult) result2 = NULL;

      g_test_message ("case %u: %s", i, cases[i].line);
      result1 = import_ok (workspace, setup);
      g_assert_cmpuint (result1->n_inserted, ==, 4);
      g_assert_cmpint (cw_test_sql_int (workspace, "SELECT count(*) FROM sites"), ==, 2);

      result2 = import_ok (workspace, csv);
      g_assert_true (result2->committed);
      g_assert_cmpuint (result2->n_inserted, ==, cases[i].expected_id == 5 ? 1 : 0);
      g_assert_cmpuint (result2->n_updated, ==, cases[i].expected_id == 5 ? 0 : 1);
      g_assert_cmpint (cw_test_sql_int (workspace, "SELECT count(*) FROM cis WHERE notes = 'hit'"),
                       ==, 1);
      g_assert_cmpint (cw_test_sql_int (workspace, "SELECT id FROM cis WHERE notes = 'hit'"),
                       ==, cases[i].expected_id);
      g_assert_cmpint (count_cis (workspace), ==, cases[i].expected_id == 5 ? 5 : 4);
      assert_index_sound (workspace);
    }
}

/* ---- bad input ------------------------------------------------------------- */

#define GOOD_1 "server,web-01,Dell,R650,S-W1,,FRA,10.1.1.1,2.19.1,RHEL 9.4,,,,\r\n"
#define GOOD_2 "server,web-02,Dell,R650,S-W2,,FRA,10.1.1.2,2.19.1,RHEL 9.4,,,,\r\n"
#define BAD_3  "toaster,web-03,Dell,R650,S-W3,,FRA,10.1.1.3,2.19.1,RHEL 9.4,,,,\r\n"
#define GOOD_4 "server,web-04,Dell,R650,S-W4,,FRA,10.1.1.4,2.19.1,RHEL 9.4,,,,\r\n"
#define SHORT_5 "server,web-05,Dell\r\n"

static void
assert_untouched (const char *workspace,
                  gint64      n_cis,
                  const char *checksum)
{
  g_autofree char *now = workspace_checksum (workspace);

  g_assert_cmpint (count_cis (workspace), ==, n_cis);
  g_assert_cmpstr (now, ==, checksum);
}

static void
test_bad_line_imports_nothing (Fixture       *fixture,
                               gconstpointer  data)
{
  for (guint populated = 0; populated <= 1; populated++)
    {
      g_autofree char *name = g_strdup_printf ("ws%u.db", populated);
      g_autofree char *workspace = populated ? demo_workspace (fixture, name, 40)
                                             : new_workspace (fixture, name);
      g_autofree char *csv = write_csv (fixture, "bad.csv",
                                        HEADER GOOD_1 GOOD_2 BAD_3 GOOD_4 SHORT_5);
      g_autofree char *before = workspace_checksum (workspace);
      gint64 n_before = count_cis (workspace);
      g_autoptr(CwInventoryImportResult) result = NULL;
      const CwInventoryProblem *problem;

      result = import_ok (workspace, csv);
      g_assert_false (result->committed);
      g_assert_cmpuint (result->n_records, ==, 5);
      g_assert_cmpuint (result->n_problems, ==, 2);
      g_assert_cmpuint (result->n_rejected, ==, 2);
      g_assert_cmpuint (result->n_inserted + result->n_updated + result->n_unchanged, ==, 0);
      g_assert_cmpuint (result->problems->len, ==, 2);

      problem = g_ptr_array_index (result->problems, 0);
      g_assert_cmpuint (problem->line, ==, 4);
      g_assert_cmpstr (problem->message, ==, "Line 4: Unknown class “toaster”.");
      g_assert_cmpstr (problem->reason, ==, "Unknown class “toaster”.");
      problem = g_ptr_array_index (result->problems, 1);
      g_assert_cmpuint (problem->line, ==, 6);
      g_assert_nonnull (strstr (problem->message, "Line 6"));
      g_assert_nonnull (strstr (problem->message, "3 fields"));

      assert_untouched (workspace, n_before, before);
    }
}

static void
test_rejects_file (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *workspace = new_workspace (fixture, "ws.db");
  g_autofree char *csv = write_csv (fixture, "bad.csv", HEADER GOOD_1 GOOD_2 BAD_3 GOOD_4 SHORT_5);
  g_autofree char *rejects_path = path_in (fixture, "rejects.csv");
  g_autofree char *rejects_text = NULL;
  g_autoptr(GFile) rejects = g_file_new_for_path (rejects_path);
  g_autoptr(CwInventoryImport) import = new_import (workspace, csv);
  g_autoptr(CwInventoryImportResult) result = NULL;
  g_autoptr(GError) error = NULL;

  cw_inventory_import_set_rejects_file (import, rejects);
  result = cw_inventory_import_run (import, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (result->committed);
  g_assert_cmpuint (result->n_records, ==, 5);
  g_assert_cmpuint (result->n_inserted, ==, 3);
  g_assert_cmpuint (result->n_rejected, ==, 2);
  g_assert_cmpint (count_cis (workspace), ==, 3);
  g_assert_cmpint (cw_test_sql_int (workspace, "SELECT count(*) FROM cis WHERE name = 'web-03'"),
                   ==, 0);
  g_assert_cmpint (count_matches (workspace, "web-04"), ==, 1);

  g_file_get_contents (rejects_path, &rejects_text, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rejects_text, ==,
                   "line,reason," HEADER
                   "4,Unknown class “toaster”.," BAD_3
                   "6,\"Line 6 has 3 fields; the header has 14.\",,,,,,,,,,,,,,\r\n");
}

static void
test_rejects_not_written_on_failure (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autofree char *workspace = new_workspace (fixture, "ws.db");
  g_autofree char *csv = write_csv (fixture, "broken.csv", HEADER GOOD_1 BAD_3 "server,\"web-09\r\n");
  g_autofree char *rejects_path = path_in (fixture, "rejects.csv");
  g_autofree char *old_text = NULL;
  g_autoptr(GFile) rejects = g_file_new_for_path (rejects_path);
  g_autoptr(CwInventoryImport) import = new_import (workspace, csv);
  g_autoptr(CwInventoryImportResult) result = NULL;
  g_autoptr(GError) error = NULL;

  /* A failed import leaves an older rejects file as it was. */
  cw_test_write_bytes (rejects_path, "old", 3);
  cw_inventory_import_set_rejects_file (import, rejects);
  result = cw_inventory_import_run (import, NULL, &error);
  g_assert_error (error, CW_CSV_ERROR, CW_CSV_ERROR_UNTERMINATED_QUOTE);
  g_assert_null (result);
  g_file_get_contents (rejects_path, &old_text, NULL, NULL);
  g_assert_cmpstr (old_text, ==, "old");
  g_assert_cmpint (count_cis (workspace), ==, 0);
}

static void
test_unterminated_quote (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *workspace = demo_workspace (fixture, "ws.db", 30);
  g_autofree char *csv = write_csv (fixture, "quote.csv",
                                    HEADER GOOD_1 GOOD_2 "server,\"web-03,Dell\r\n" GOOD_4);
  g_autofree char *before = workspace_checksum (workspace);
  g_autoptr(CwInventoryImport) import = new_import (workspace, csv);
  g_autoptr(CwInventoryImportResult) result = NULL;
  g_autoptr(GError) error = NULL;

  result = cw_inventory_import_run (import, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, CW_CSV_ERROR, CW_CSV_ERROR_UNTERMINATED_QUOTE);
  g_assert_nonnull (strstr (error->message, "Line 4"));
  assert_untouched (workspace, 30, before);
}

static void
test_unknown_header (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *workspace = new_workspace (fixture, "ws.db");
  g_autofree char *csv = write_csv (fixture, "odd.csv", "colour,size\r\nred,big\r\n");
  g_autoptr(CwInventoryImport) import = new_import (workspace, csv);
  g_autoptr(CwInventoryImportResult) result = NULL;
  g_autoptr(GError) error = NULL;

  result = cw_inventory_import_run (import, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, CW_CSV_ERROR, CW_CSV_ERROR_UNKNOWN_HEADER);
  g_assert_nonnull (strstr (error->message, "firmware_version"));
}

static void
test_missing_workspace (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *workspace = path_in (fixture, "nowhere.db");
  g_autofree char *csv = write_csv (fixture, "good.csv", HEADER GOOD_1);
  g_autoptr(CwInventoryImport) import = new_import (workspace, csv);
  g_autoptr(CwInventoryImportResult) result = NULL;
  g_autoptr(GError) error = NULL;

  result = cw_inventory_import_run (import, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (workspace, G_FILE_TEST_EXISTS));
}

/* ---- cancellation ---------------------------------------------------------- */

static char *
many_lines_csv (Fixture *fixture,
                guint    n_lines)
{
  g_autoptr(GString) text = g_string_new (HEADER);
  g_autofree char *path = path_in (fixture, "many.csv");

  for (guint i = 0; i < n_lines; i++)
    g_string_append_printf (text, "switch,acc-sw-%06u,Aruba,CX 6300,AR%08u,,AMS,10.%u.%u.%u,"
                            "10.13.1010,,,,,\r\n", i, i, i / 65536, (i / 256) % 256, i % 256);
  cw_test_write_bytes (path, text->str, text->len);
  return g_steal_pointer (&path);
}

static void
test_cancel_up_front (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *workspace = demo_workspace (fixture, "ws.db", 20);
  g_autofree char *csv = many_lines_csv (fixture, 100);
  g_autofree char *before = workspace_checksum (workspace);
  g_autoptr(CwInventoryImport) import = new_import (workspace, csv);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(CwInventoryImportResult) result = NULL;
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  result = cw_inventory_import_run (import, cancellable, &error);
  g_assert_null (result);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  assert_untouched (workspace, 20, before);
}

static void
on_fraction_cancel_cb (GObject    *object,
                       GParamSpec *pspec,
                       gpointer    data)
{
  CwInventoryImport *import = CW_INVENTORY_IMPORT (object);

  if (cw_inventory_import_get_fraction (import) > 0.0)
    g_cancellable_cancel (data);
}

static void
test_cancel_from_progress (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *csv = many_lines_csv (fixture, 30000);

  /* Into an empty workspace (bulk load) and into one with CIs. */
  for (guint populated = 0; populated <= 1; populated++)
    {
      g_autofree char *name = g_strdup_printf ("ws%u.db", populated);
      g_autofree char *workspace = populated ? demo_workspace (fixture, name, 20)
                                             : new_workspace (fixture, name);
      g_autofree char *before = workspace_checksum (workspace);
      gint64 n_before = count_cis (workspace);
      g_autoptr(CwInventoryImport) import = new_import (workspace, csv);
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      g_autoptr(CwInventoryImportResult) result = NULL;
      g_autoptr(GError) error = NULL;

      g_signal_connect (import, "notify::fraction", G_CALLBACK (on_fraction_cancel_cb),
                        cancellable);
      result = cw_inventory_import_run (import, cancellable, &error);
      g_assert_null (result);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_assert_cmpfloat (cw_inventory_import_get_fraction (import), <, 1.0);
      assert_untouched (workspace, n_before, before);

      /* The same import runs to the end without the cancel. */
      g_signal_handlers_disconnect_by_func (import, on_fraction_cancel_cb, cancellable);
      g_clear_error (&error);
      result = cw_inventory_import_run (import, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (result->n_inserted, ==, 30000);
      g_assert_cmpfloat (cw_inventory_import_get_fraction (import), ==, 1.0);
      g_assert_cmpint (count_cis (workspace), ==, n_before + 30000);
      g_assert_cmpint (count_matches (workspace, "acc-sw-029999"), ==, 1);
    }
}

typedef struct
{
  GMainLoop               *loop;
  GThread                 *main_thread;
  CwInventoryImportResult *result;
  GError                  *error;
  guint                    n_notifies;
  double                   last_fraction;
} AsyncRun;

static void
on_fraction_count_cb (GObject    *object,
                      GParamSpec *pspec,
                      gpointer    data)
{
  AsyncRun *run = data;
  double fraction = cw_inventory_import_get_fraction (CW_INVENTORY_IMPORT (object));

  g_assert_true (g_thread_self () == run->main_thread);
  g_assert_cmpfloat (fraction, >=, run->last_fraction);
  run->last_fraction = fraction;
  run->n_notifies++;
}

static void
on_imported_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      data)
{
  AsyncRun *run = data;

  run->result = cw_inventory_import_run_finish (CW_INVENTORY_IMPORT (object), result, &run->error);
  g_main_loop_quit (run->loop);
}

static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *workspace = new_workspace (fixture, "ws.db");
  g_autofree char *csv = many_lines_csv (fixture, 20000);
  g_autoptr(CwInventoryImport) import = new_import (workspace, csv);
  g_autoptr(CwInventoryImportResult) result = NULL;
  AsyncRun run = { 0 };

  run.loop = g_main_loop_new (NULL, FALSE);
  run.main_thread = g_thread_self ();
  g_signal_connect (import, "notify::fraction", G_CALLBACK (on_fraction_count_cb), &run);
  cw_inventory_import_run_async (import, NULL, on_imported_cb, &run);
  g_main_loop_run (run.loop);
  g_main_loop_unref (run.loop);

  g_assert_no_error (run.error);
  result = run.result;
  g_assert_cmpuint (result->n_inserted, ==, 20000);
  g_assert_cmpuint (run.n_notifies, >=, 1);
  g_assert_cmpfloat (cw_inventory_import_get_fraction (import), ==, 1.0);
  g_assert_cmpint (count_cis (workspace), ==, 20000);
}

/* ---- encodings and preview ------------------------------------------------- */

static void
test_windows_1252 (Fixture       *fixture,
                   gconstpointer  data)
{
  /* "Zürich Core-Rtr" and notes "Café – 2nd floor" in Windows-1252. */
  static const char text[] = HEADER
    "router,zrh-rt-01,Cisco,ISR 4451-X,FOC1,,ZRH,,,,,,,Z\xfcrich core \x96 caf\xe9\r\n";
  g_autofree char *workspace = new_workspace (fixture, "ws.db");
  g_autofree char *csv = write_csv (fixture, "cp1252.csv", text);
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  g_autoptr(CwInventoryImport) utf8 = new_import (workspace, csv);
  g_autoptr(CwInventoryImport) cp1252 = new_import (workspace, csv);
  g_autoptr(CwInventoryImportResult) result1 = NULL;
  g_autoptr(CwInventoryImportResult) result2 = NULL;
  g_autoptr(CwInventoryPreview) preview = NULL;
  g_autoptr(CwInventoryPreview) preview2 = NULL;
  g_autoptr(GError) error = NULL;
  const CwInventoryProblem *problem;

  /* As UTF-8: a bad line that suggests the option. */
  result1 = cw_inventory_import_run (utf8, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (result1->committed);
  problem = g_ptr_array_index (result1->problems, 0);
  g_assert_cmpuint (problem->line, ==, 2);
  g_assert_nonnull (strstr (problem->message, "windows-1252"));
  g_assert_cmpint (count_cis (workspace), ==, 0);

  preview = cw_inventory_preview_read (file, CW_CSV_ENCODING_UTF8, 10, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (preview->is_utf8);
  g_assert_cmpuint (preview->rows->len, ==, 0);
  g_assert_nonnull (preview->mapping);

  cw_inventory_import_set_encoding (cp1252, CW_CSV_ENCODING_WINDOWS_1252);
  result2 = cw_inventory_import_run (cp1252, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (result2->committed);
  g_assert_cmpuint (result2->n_inserted, ==, 1);
  g_assert_cmpint (cw_test_sql_int (workspace, "SELECT count(*) FROM cis "
                                               "WHERE notes = 'Zürich core – café'"), ==, 1);

  preview2 = cw_inventory_preview_read (file, CW_CSV_ENCODING_WINDOWS_1252, 10, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (preview2->is_utf8);
  g_assert_cmpuint (preview2->rows->len, ==, 1);
}

static void
test_preview (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *csv = many_lines_csv (fixture, 50);
  g_autofree char *odd = write_csv (fixture, "odd.csv", "colour,size\r\nred,big\r\n");
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  g_autoptr(GFile) odd_file = g_file_new_for_path (odd);
  g_autoptr(CwInventoryPreview) preview = NULL;
  g_autoptr(CwInventoryPreview) odd_preview = NULL;
  g_autoptr(GError) error = NULL;
  char **row;

  preview = cw_inventory_preview_read (file, CW_CSV_ENCODING_UTF8, 5, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (preview->is_utf8);
  g_assert_cmpuint (preview->n_columns, ==, 14);
  g_assert_cmpstr (preview->header[1], ==, "name");
  g_assert_null (preview->header[14]);
  g_assert_cmpuint (preview->rows->len, ==, 5);
  row = g_ptr_array_index (preview->rows, 4);
  g_assert_cmpstr (row[1], ==, "acc-sw-000004");
  g_assert_nonnull (preview->mapping);
  g_assert_cmpint (cw_csv_mapping_get_layout (preview->mapping), ==, CW_CSV_LAYOUT_NATIVE);
  g_assert_null (preview->header_error);

  odd_preview = cw_inventory_preview_read (odd_file, CW_CSV_ENCODING_UTF8, 5, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (odd_preview->mapping);
  g_assert_error (odd_preview->header_error, CW_CSV_ERROR, CW_CSV_ERROR_UNKNOWN_HEADER);
  g_assert_cmpuint (odd_preview->rows->len, ==, 1);
}

/* A file that leaves out columns keeps what the workspace knows. */
static void
test_missing_columns_kept (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *workspace = new_workspace (fixture, "ws.db");
  g_autofree char *full = write_csv (fixture, "full.csv", HEADER GOOD_1);
  g_autofree char *partial = write_csv (fixture, "partial.csv",
                                        "class,name,serial,firmware_version\r\n"
                                        "server,web-01,S-W1,2.20.0\r\n");
  g_autoptr(CwInventoryImportResult) result1 = NULL;
  g_autoptr(CwInventoryImportResult) result2 = NULL;

  result1 = import_ok (workspace, full);
  result2 = import_ok (workspace, partial);
  g_assert_cmpuint (result2->n_updated, ==, 1);
  g_assert_cmpint (cw_test_sql_int (workspace, "SELECT count(*) FROM cis WHERE name = 'web-01' "
                                               "AND firmware_version = '2.20.0' "
                                               "AND os_version = 'RHEL 9.4' "
                                               "AND ip_address = '10.1.1.1' AND site_id IS NOT NULL"),
                   ==, 1);
  assert_index_sound (workspace);
  g_assert_cmpint (count_matches (workspace, "2.20.0"), ==, 1);
  g_assert_cmpint (count_matches (workspace, "2.19.1"), ==, 0);
}

/* ---- export ---------------------------------------------------------------- */

static void
on_exported_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      data)
{
  GAsyncResult **out = data;

  *out = g_object_ref (result);
}

static gboolean
export_async_wait (const char  *workspace,
                   const char  *path,
                   guint       *n_written,
                   GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;

  cw_inventory_export_async (workspace, NULL, file, NULL, on_exported_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return cw_inventory_export_finish (result, n_written, error);
}

static void
test_export_async (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *workspace = demo_workspace (fixture, "ws.db", 120);
  g_autofree char *path = path_in (fixture, "out.csv");
  g_autofree char *missing = path_in (fixture, "missing.db");
  g_autofree char *expected = export_all (fixture, workspace, "expected.csv");
  g_autofree char *text = NULL;
  g_autofree char *expected_text = NULL;
  g_autoptr(GError) error = NULL;
  guint n_written = 0;

  /* Replaces what was there. */
  cw_test_write_bytes (path, "old", 3);
  g_assert_true (export_async_wait (workspace, path, &n_written, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_written, ==, 120);
  g_file_get_contents (path, &text, NULL, NULL);
  g_file_get_contents (expected, &expected_text, NULL, NULL);
  g_assert_cmpstr (text, ==, expected_text);
  g_assert_true (g_str_has_prefix (text, HEADER));

  /* A failure leaves the old file. */
  g_assert_false (export_async_wait (missing, path, &n_written, &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_NOT_FOUND);
  g_clear_pointer (&text, g_free);
  g_file_get_contents (path, &text, NULL, NULL);
  g_assert_cmpstr (text, ==, expected_text);
}

static void
test_export_quoting (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *source = new_workspace (fixture, "source.db");
  g_autofree char *target = new_workspace (fixture, "target.db");
  g_autofree char *csv = write_csv (fixture, "in.csv",
                                    HEADER
                                    "firewall,\"fw, \"\"edge\"\"\",Palo Alto,PA-3220,PA1,,BER,,"
                                    "10.2.0h1,,retired,non_operational,abc123,\"line one\r\n"
                                    "line two; ok\"\r\n");
  g_autofree char *exported = NULL;
  g_autofree char *source_dump = NULL;
  g_autofree char *target_dump = NULL;
  g_autoptr(CwInventoryImportResult) result1 = NULL;
  g_autoptr(CwInventoryImportResult) result2 = NULL;

  result1 = import_ok (source, csv);
  g_assert_cmpuint (result1->n_inserted, ==, 1);
  exported = export_all (fixture, source, "out.csv");
  result2 = import_ok (target, exported);
  g_assert_cmpuint (result2->n_inserted, ==, 1);
  source_dump = dump_cis (source);
  target_dump = dump_cis (target);
  g_assert_cmpstr (source_dump, ==, target_dump);
  g_assert_nonnull (strstr (source_dump, "fw, \"edge\"|"));
  g_assert_nonnull (strstr (source_dump, "line one\r\nline two; ok|"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/core/inventory-import/" name, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)

  ADD ("round-trip", test_round_trip);
  ADD ("reimport/unchanged", test_reimport_unchanged);
  ADD ("reimport/changed-firmware", test_reimport_changed_firmware);
  ADD ("search-index/update", test_search_index_after_update);
  ADD ("duplicates-in-file", test_duplicates_in_file);
  ADD ("matching/precedence", test_matching_precedence);
  ADD ("matching/missing-columns", test_missing_columns_kept);
  ADD ("bad-line/nothing-imported", test_bad_line_imports_nothing);
  ADD ("bad-line/rejects-file", test_rejects_file);
  ADD ("bad-line/rejects-on-failure", test_rejects_not_written_on_failure);
  ADD ("unterminated-quote", test_unterminated_quote);
  ADD ("unknown-header", test_unknown_header);
  ADD ("missing-workspace", test_missing_workspace);
  ADD ("cancel/up-front", test_cancel_up_front);
  ADD ("cancel/from-progress", test_cancel_from_progress);
  ADD ("async", test_async);
  ADD ("windows-1252", test_windows_1252);
  ADD ("preview", test_preview);
  ADD ("export/async", test_export_async);
  ADD ("export/quoting", test_export_quoting);

#undef ADD

  return g_test_run ();
}
