/* test-inventory.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-inventory"

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "cw-ci-list-model.h"
#include "cw-demo.h"
#include "cw-inventory-index.h"
#include "cw-inventory-private.h"
#include "cw-inventory-query.h"
#include "cw-inventory.h"
#include "cw-test-fixture.h"

#define N_CIS 3000
#define FIXTURE_SEED 3

#include "test-inventory-fixture.h"

static GArray *
run (Fixture                *fixture,
     const CwInventoryQuery *query)
{
  g_autoptr(GError) error = NULL;
  GArray *ids = cw_inventory_searcher_run (fixture->searcher, query, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ids);

  return ids;
}

/* The oracle for a search: every word of the query starts a word of one of
 * the searched fields, computed here without SQLite's index. */
static gboolean
word_starts (const char *haystack,
             const char *word)
{
  g_autofree char *lower = g_utf8_strdown (haystack != NULL ? haystack : "", -1);
  gsize len = strlen (word);
  const char *p = lower;

  while (*p != '\0')
    {
      const char *start;

      while (*p != '\0' && !g_ascii_isalnum (*p) && *p != '.')
        p++;
      start = p;
      while (*p != '\0' && (g_ascii_isalnum (*p) || *p == '.'))
        p++;
      if ((gsize) (p - start) >= len && strncmp (start, word, len) == 0)
        return TRUE;
    }

  return FALSE;
}

static gboolean
ci_matches (CwCi       *ci,
            const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " -/", -1);
  g_autofree char *site = g_strdup_printf ("%s %s", cw_ci_get_value (ci, CW_CI_FIELD_SITE),
                                           cw_ci_get_site_name (ci));

  for (guint w = 0; words[w] != NULL; w++)
    {
      g_autofree char *word = g_utf8_strdown (words[w], -1);
      const CwCiField fields[] = {
        CW_CI_FIELD_NAME, CW_CI_FIELD_MODEL, CW_CI_FIELD_SERIAL, CW_CI_FIELD_IP_ADDRESS,
        CW_CI_FIELD_FIRMWARE_VERSION, CW_CI_FIELD_OS_VERSION,
      };
      gboolean found = word_starts (site, word);

      if (word[0] == '\0')
        continue;
      for (guint f = 0; !found && f < G_N_ELEMENTS (fields); f++)
        found = word_starts (cw_ci_get_value (ci, fields[f]), word);
      if (!found)
        return FALSE;
    }

  return TRUE;
}

static GHashTable *
expected_matches (Fixture    *fixture,
                  const char *text)
{
  GHashTable *ids = g_hash_table_new (g_int64_hash, g_int64_equal);
  gint64 max_id = cw_test_sql_int (fixture->path, "SELECT max (id) FROM cis");

  for (gint64 id = 1; id <= max_id; id++)
    {
      g_autoptr(CwCi) ci = cw_inventory_get_ci (fixture->store, id, NULL);

      if (ci != NULL && ci_matches (ci, text))
        g_hash_table_add (ids, g_memdup2 (&id, sizeof id));
    }

  return ids;
}

static void
assert_same_set (GArray     *ids,
                 GHashTable *expected)
{
  g_assert_cmpuint (ids->len, ==, g_hash_table_size (expected));
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, guint32, i);
      g_assert_true (g_hash_table_contains (expected, &id));
    }
}

static void
test_all_by_name (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(CwInventoryQuery) query = cw_inventory_query_new ();
  g_autoptr(GArray) ids = run (fixture, query);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint i = 0;

  g_assert_cmpuint (ids->len, ==, N_CIS);

  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT id FROM cis ORDER BY name, id", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_assert_cmpint (g_array_index (ids, guint32, i++), ==, sqlite3_column_int64 (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_cmpuint (i, ==, N_CIS);
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  const char *texts[] = {
    "f", "fra", "FRA1", "fra1-sw", "cisco", "catalyst 9300", "17.9", "10.1", "10.17.0.",
    "ubuntu 22", "nothing-like-this", "poweredge r650 fra1",
  };

  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    {
      g_autoptr(CwInventoryQuery) query = cw_inventory_query_new ();
      g_autoptr(GArray) ids = NULL;
      g_autoptr(GHashTable) expected = expected_matches (fixture, texts[t]);

      cw_inventory_query_set_text (query, texts[t]);
      ids = run (fixture, query);
      g_test_message ("“%s”: %u hits", texts[t], ids->len);
      assert_same_set (ids, expected);
    }

  /* Punctuation alone matches nothing, and does not fail. */
  {
    g_autoptr(CwInventoryQuery) query = cw_inventory_query_new ();
    g_autoptr(GArray) ids = NULL;

    cw_inventory_query_set_text (query, " -/ ");
    ids = run (fixture, query);
    g_assert_cmpuint (ids->len, ==, 0);
  }
}

static void
test_filters (Fixture       *fixture,
              gconstpointer  data)
{
  const char *classes[] = { "switch", "router", NULL };
  const char *sites[] = { "FRA1", NULL };
  g_autoptr(CwInventoryQuery) query = cw_inventory_query_new ();
  g_autoptr(GArray) by_class = NULL;
  g_autoptr(GArray) by_both = NULL;
  g_autoptr(GArray) with_text = NULL;
  g_autoptr(GArray) by_version = NULL;
  gint64 site_id = cw_test_sql_int (fixture->path, "SELECT id FROM sites WHERE code = 'FRA1'");

  g_assert_cmpint (site_id, >, 0);

  cw_inventory_query_set_filter (query, CW_CI_FIELD_CLASS, classes);
  by_class = run (fixture, query);
  g_assert_cmpuint (by_class->len, ==,
                    cw_test_sql_int (fixture->path,
                                     "SELECT count(*) FROM cis WHERE class IN ('switch', 'router')"));

  cw_inventory_query_set_filter (query, CW_CI_FIELD_SITE, sites);
  by_both = run (fixture, query);
  g_assert_cmpuint (by_both->len, >, 0);
  g_assert_cmpuint (by_both->len, ==,
                    cw_test_sql_int (fixture->path,
                                     "SELECT count(*) FROM cis c JOIN sites s ON s.id = c.site_id "
                                     "WHERE class IN ('switch', 'router') AND s.code = 'FRA1'"));

  cw_inventory_query_set_text (query, "catalyst");
  with_text = run (fixture, query);
  g_assert_cmpuint (with_text->len, ==,
                    cw_test_sql_int (fixture->path,
                                     "SELECT count(*) FROM cis c JOIN sites s ON s.id = c.site_id "
                                     "WHERE class IN ('switch', 'router') AND s.code = 'FRA1' "
                                     "AND model LIKE 'Catalyst%'"));
  for (guint i = 0; i < with_text->len; i++)
    {
      g_autoptr(CwCi) ci = cw_inventory_get_ci (fixture->store, g_array_index (with_text, guint32, i), NULL);
      g_assert_cmpstr (cw_ci_get_value (ci, CW_CI_FIELD_SITE), ==, "FRA1");
    }

  cw_inventory_query_set_text (query, NULL);
  cw_inventory_query_set_filter (query, CW_CI_FIELD_CLASS, NULL);
  cw_inventory_query_set_filter (query, CW_CI_FIELD_SITE, NULL);
  cw_inventory_query_set_version (query, "17.9.4a");
  by_version = run (fixture, query);
  g_assert_cmpuint (by_version->len, >, 0);
  g_assert_cmpuint (by_version->len, ==,
                    cw_test_sql_int (fixture->path,
                                     "SELECT count(*) FROM cis WHERE firmware_version = '17.9.4a' "
                                     "OR os_version = '17.9.4a'"));
}

static void
test_sort (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(CwCiListModel) model = cw_ci_list_model_new (fixture->store);

  for (CwCiField field = 0; field < CW_CI_N_FIELDS; field++)
    {
      for (guint d = 0; d < 2; d++)
        {
          g_autoptr(CwInventoryQuery) query = cw_inventory_query_new ();
          g_autoptr(GArray) ids = NULL;
          g_autofree char *previous = NULL;
          g_autofree char *previous_name = NULL;

          cw_inventory_query_set_sort (query, field, d == 1);
          ids = run (fixture, query);
          g_assert_cmpuint (ids->len, ==, N_CIS);
          cw_ci_list_model_set_ids (model, ids);

          for (guint i = 0; i < ids->len; i++)
            {
              g_autoptr(CwCi) ci = g_list_model_get_item (G_LIST_MODEL (model), i);
              const char *value = cw_ci_get_value (ci, field);
              const char *name = cw_ci_get_value (ci, CW_CI_FIELD_NAME);

              if (value == NULL)
                value = "";
              if (i > 0 && field != CW_CI_FIELD_NAME)
                {
                  int cmp = cw_inventory_natural_compare (previous, value);

                  if (field == CW_CI_FIELD_SITE)
                    cmp = strcmp (previous, value);
                  if (d == 1)
                    cmp = -cmp;
                  g_assert_cmpint (cmp, <=, 0);
                  /* Ties are in name order. */
                  if (cmp == 0)
                    g_assert_cmpint (d == 1 ? -strcmp (previous_name, name) : strcmp (previous_name, name), <=, 0);
                }
              g_free (previous);
              previous = g_strdup (value);
              g_free (previous_name);
              previous_name = g_strdup (name);
            }
        }
    }
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(CwInventoryQuery) query = cw_inventory_query_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  GArray *ids;

  cw_inventory_query_set_sort (query, CW_CI_FIELD_SERIAL, FALSE);
  g_cancellable_cancel (cancellable);
  ids = cw_inventory_searcher_run (fixture->searcher, query, cancellable, &error);
  g_assert_null (ids);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

typedef struct
{
  GMainLoop *loop;
  GArray    *ids;
  GError    *error;
  guint      pending;
} AsyncRun;

static void
on_run_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  AsyncRun *state = user_data;
  GError *error = NULL;
  GArray *ids = cw_inventory_searcher_run_finish (CW_INVENTORY_SEARCHER (source), result, &error);

  if (ids != NULL)
    {
      g_clear_pointer (&state->ids, g_array_unref);
      state->ids = ids;
    }
  else
    {
      g_clear_error (&state->error);
      state->error = error;
    }

  if (--state->pending == 0)
    g_main_loop_quit (state->loop);
}

static void
test_async_newer_cancels_older (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GCancellable) first = g_cancellable_new ();
  g_autoptr(CwInventoryQuery) older = cw_inventory_query_new ();
  g_autoptr(CwInventoryQuery) newer = cw_inventory_query_new ();
  AsyncRun state = { .loop = loop, .pending = 2 };

  cw_inventory_query_set_text (older, "f");
  cw_inventory_query_set_text (newer, "fra1");
  cw_inventory_searcher_run_async (fixture->searcher, older, first, on_run_done, &state);
  g_cancellable_cancel (first);
  cw_inventory_searcher_run_async (fixture->searcher, newer, NULL, on_run_done, &state);
  g_main_loop_run (loop);

  /* Whichever finished last, the newer answer is the one kept. */
  g_assert_nonnull (state.ids);
  g_assert_cmpuint (state.ids->len, ==,
                    cw_test_sql_int (fixture->path,
                                     "SELECT count(*) FROM cis c JOIN sites s ON s.id = c.site_id "
                                     "WHERE s.code = 'FRA1'"));
  g_assert_error (state.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_pointer (&state.ids, g_array_unref);
  g_clear_error (&state.error);
}

static void
on_warm_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  AsyncRun *state = user_data;

  g_assert_true (cw_inventory_searcher_warm_finish (CW_INVENTORY_SEARCHER (source), result,
                                                     &state->error));
  g_main_loop_quit (state->loop);
}

/* Warming computes the same orders a query would. */
static void
test_warm (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(CwInventorySearcher) cold = cw_inventory_searcher_new (fixture->path);
  AsyncRun state = { .loop = loop };

  cw_inventory_searcher_warm_async (fixture->searcher, NULL, on_warm_done, &state);
  g_main_loop_run (loop);
  g_assert_no_error (state.error);

  for (CwCiField field = 0; field < CW_CI_N_FIELDS; field++)
    {
      g_autoptr(CwInventoryQuery) query = cw_inventory_query_new ();
      g_autoptr(GArray) warm_ids = NULL;
      g_autoptr(GArray) cold_ids = NULL;
      g_autoptr(GError) error = NULL;

      cw_inventory_query_set_sort (query, field, TRUE);
      warm_ids = run (fixture, query);
      cold_ids = cw_inventory_searcher_run (cold, query, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpmem (warm_ids->data, warm_ids->len * 4, cold_ids->data, cold_ids->len * 4);
    }
}

static void
test_set_versions (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(CwInventoryQuery) query = cw_inventory_query_new ();
  g_autoptr(CwInventoryQuery) by_name = cw_inventory_query_new ();
  g_autoptr(GArray) before = NULL;
  g_autoptr(GArray) after = NULL;
  g_autoptr(GArray) named = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CwCi) ci = NULL;
  gint64 id = cw_test_sql_int (fixture->path,
                               "SELECT id FROM cis WHERE model = 'Catalyst 9300-48P' LIMIT 1");
  CwCiVersionChange *change;

  cw_inventory_query_set_text (query, "99.1.2x");
  before = run (fixture, query);
  g_assert_cmpuint (before->len, ==, 0);

  g_assert_true (cw_inventory_set_versions (fixture->store, id, "17.12.1", "99.1.2x",
                                            "manual", "test", &error));
  g_assert_no_error (error);

  /* The searcher notices the write from another connection. */
  after = run (fixture, query);
  g_assert_cmpuint (after->len, ==, 1);
  g_assert_cmpint (g_array_index (after, guint32, 0), ==, id);

  ci = cw_inventory_get_ci (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cw_ci_get_value (ci, CW_CI_FIELD_OS_VERSION), ==, "99.1.2x");

  /* The old text left the index: the CI is found by name once, not twice. */
  cw_inventory_query_set_text (by_name, cw_ci_get_value (ci, CW_CI_FIELD_NAME));
  named = run (fixture, by_name);
  g_assert_cmpuint (named->len, ==, 1);

  history = cw_inventory_list_history (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, >=, 1);
  change = g_ptr_array_index (history, 0);
  g_assert_cmpstr (change->source, ==, "manual");
  g_assert_true (g_str_equal (change->new_value, "99.1.2x") || g_str_equal (change->new_value, "17.12.1"));

  g_assert_cmpint (cw_test_sql_int (fixture->path,
                                    "SELECT count(*) FROM ci_version_history "
                                    "WHERE source = 'manual' AND detail = 'test'"), ==, 2);
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GString    *log)
{
  g_string_append_printf (log, "%u-%u+%u;", position, removed, added);
}

static void
test_list_model (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(CwCiListModel) model = cw_ci_list_model_new (fixture->store);
  g_autoptr(CwInventoryQuery) query = cw_inventory_query_new ();
  g_autoptr(GArray) ids = NULL;
  g_autoptr(CwCi) first = NULL;
  g_autoptr(CwCi) again = NULL;

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (model)) == CW_TYPE_CI);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), 0));

  cw_inventory_query_set_text (query, "fra1");
  ids = run (fixture, query);
  cw_ci_list_model_set_ids (model, ids);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, ids->len);

  first = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_cmpint (cw_ci_get_id (first), ==, g_array_index (ids, guint32, 0));

  /* set_ids() announces a new list as "all removed", then "all added": a
   * view then never looks up every new item. The same list again changes
   * nothing. */
  {
    g_autoptr(GString) log = g_string_new (NULL);
    g_autoptr(CwInventoryQuery) all = cw_inventory_query_new ();
    g_autoptr(GArray) all_ids = run (fixture, all);
    g_autoptr(GArray) same = g_array_copy (ids);
    g_autofree char *expected = g_strdup_printf ("0-%u+0;0-0+%u;0-%u+0;0-0+%u;",
                                                 ids->len, all_ids->len, all_ids->len, ids->len);
    gulong handler = g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), log);

    cw_ci_list_model_set_ids (model, all_ids);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, all_ids->len);
    cw_ci_list_model_set_ids (model, ids);
    cw_ci_list_model_set_ids (model, same);
    g_assert_true (cw_ci_list_model_get_ids (model) == same);
    g_signal_handler_disconnect (model, handler);
    g_assert_cmpstr (log->str, ==, expected);
  }
  g_assert_cmpstr (cw_ci_get_value (first, CW_CI_FIELD_SITE), ==, "FRA1");
  again = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_true (first == again);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), ids->len));
  g_assert_cmpuint (cw_ci_list_model_find (model, cw_ci_get_id (first)), ==, 0);

  /* Walking past the cache keeps returning the right rows. */
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(CwCi) ci = g_list_model_get_item (G_LIST_MODEL (model), i);
      g_assert_cmpint (cw_ci_get_id (ci), ==, g_array_index (ids, guint32, i));
    }
}

static void
test_relations_backups (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 source = cw_test_sql_int (fixture->path, "SELECT source_id FROM ci_relations ORDER BY id LIMIT 1");
  gint64 target = cw_test_sql_int (fixture->path, "SELECT target_id FROM ci_relations ORDER BY id LIMIT 1");
  gint64 with_backup = cw_test_sql_int (fixture->path, "SELECT ci_id FROM ci_backups LIMIT 1");
  g_autoptr(GPtrArray) outgoing = cw_inventory_list_relations (fixture->store, source, &error);
  g_autoptr(GPtrArray) incoming = cw_inventory_list_relations (fixture->store, target, &error);
  g_autoptr(GPtrArray) backups = cw_inventory_list_backups (fixture->store, with_backup, &error);
  gboolean found_out = FALSE;
  gboolean found_in = FALSE;

  g_assert_no_error (error);
  for (guint i = 0; i < outgoing->len; i++)
    {
      CwCiRelation *r = g_ptr_array_index (outgoing, i);
      found_out |= (!r->incoming && r->other_id == target);
    }
  for (guint i = 0; i < incoming->len; i++)
    {
      CwCiRelation *r = g_ptr_array_index (incoming, i);
      found_in |= (r->incoming && r->other_id == source);
    }
  g_assert_true (found_out);
  g_assert_true (found_in);
  g_assert_cmpuint (backups->len, >=, 1);
  g_assert_true (g_str_has_prefix (((CwCiBackup *) g_ptr_array_index (backups, 0))->checksum, "sha256:"));
  g_assert_cmpstr (cw_ci_relation_kind_get_label (CW_CI_RELATION_RUNS_ON, TRUE), ==, "Hosts");
}

static void
test_drift (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwDriftReport) report = cw_inventory_drift (fixture->store, FALSE, NULL, &error);
  guint firmware_total = 0;
  gboolean catalyst_drifts = FALSE;

  g_assert_no_error (error);
  g_assert_cmpuint (report->sites->len, ==, 8);
  for (guint i = 0; i < report->rows->len; i++)
    {
      CwDriftRow *row = g_ptr_array_index (report->rows, i);
      guint sum = 0;

      for (guint s = 0; s < report->sites->len; s++)
        sum += row->counts[s];
      g_assert_cmpuint (sum, ==, row->total);
      if (row->field == CW_CI_FIELD_FIRMWARE_VERSION)
        firmware_total += row->total;
      if (g_str_equal (row->group, "Cisco Catalyst 9300-48P") && row->field == CW_CI_FIELD_OS_VERSION)
        catalyst_drifts = TRUE;
    }
  g_assert_cmpuint (firmware_total, ==,
                    cw_test_sql_int (fixture->path,
                                     "SELECT count(*) FROM cis WHERE firmware_version <> '' "
                                     "AND site_id IS NOT NULL"));
  g_assert_true (catalyst_drifts);
}

static void
test_natural_compare (void)
{
  g_assert_cmpint (cw_inventory_natural_compare ("srv2", "srv10"), <, 0);
  g_assert_cmpint (cw_inventory_natural_compare ("10.0.0.9", "10.0.0.10"), <, 0);
  g_assert_cmpint (cw_inventory_natural_compare ("9.4", "9.12"), <, 0);
  g_assert_cmpint (cw_inventory_natural_compare ("ABC", "abc"), ==, 0);
  g_assert_cmpint (cw_inventory_natural_compare ("a", "ab"), <, 0);
  g_assert_cmpint (cw_inventory_natural_compare ("007", "7"), ==, 0);
  g_assert_cmpint (cw_inventory_natural_compare ("b", "a"), >, 0);
}

static void
test_build_match (void)
{
  g_autofree char *a = cw_inventory_index_build_match ("fra1-sw 10.2");
  g_autofree char *b = cw_inventory_index_build_match ("  \"quoted\" ");
  g_autofree char *c = cw_inventory_index_build_match ("--");

  g_assert_cmpstr (a, ==, "\"fra1\"* \"sw\"* \"10.2\"*");
  g_assert_cmpstr (b, ==, "\"quoted\"*");
  g_assert_null (c);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/inventory/natural-compare", test_natural_compare);
  g_test_add_func ("/inventory/build-match", test_build_match);
  g_test_add ("/inventory/all-by-name", Fixture, NULL, fixture_set_up, test_all_by_name, fixture_tear_down);
  g_test_add ("/inventory/search", Fixture, NULL, fixture_set_up, test_search, fixture_tear_down);
  g_test_add ("/inventory/filters", Fixture, NULL, fixture_set_up, test_filters, fixture_tear_down);
  g_test_add ("/inventory/sort", Fixture, NULL, fixture_set_up, test_sort, fixture_tear_down);
  g_test_add ("/inventory/cancel", Fixture, NULL, fixture_set_up, test_cancel, fixture_tear_down);
  g_test_add ("/inventory/async-newer-cancels-older", Fixture, NULL, fixture_set_up,
              test_async_newer_cancels_older, fixture_tear_down);
  g_test_add ("/inventory/warm", Fixture, NULL, fixture_set_up, test_warm, fixture_tear_down);
  g_test_add ("/inventory/set-versions", Fixture, NULL, fixture_set_up, test_set_versions, fixture_tear_down);
  g_test_add ("/inventory/list-model", Fixture, NULL, fixture_set_up, test_list_model, fixture_tear_down);
  g_test_add ("/inventory/relations-backups", Fixture, NULL, fixture_set_up, test_relations_backups,
              fixture_tear_down);
  g_test_add ("/inventory/drift", Fixture, NULL, fixture_set_up, test_drift, fixture_tear_down);

  return g_test_run ();
}
