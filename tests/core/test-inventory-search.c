/* test-inventory-search.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-inventory-search"

#include "config.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "cw-ci-list-model.h"
#include "cw-demo.h"
#include "cw-inventory-index.h"
#include "cw-inventory-private.h"
#include "cw-inventory-query.h"
#include "cw-inventory.h"
#include "cw-test-fixture.h"

/* How the searcher gets its answers, against answers computed here the
 * plain way: each sort order against SQL rows sorted in the test, each
 * search against one FTS5 query; and the changes the list model announces
 * against a copy kept from them alone. */

#define N_CIS 3000
#define FIXTURE_SEED 5

#include "test-inventory-fixture.h"

static GArray *
run (CwInventorySearcher    *searcher,
     const CwInventoryQuery *query)
{
  g_autoptr(GError) error = NULL;
  GArray *ids = cw_inventory_searcher_run (searcher, query, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ids);

  return ids;
}

static void
exec_sql (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* ---- sort orders --------------------------------------------------------- */

typedef struct
{
  gint64  id;
  char   *value;   /* NULL: no value */
  char   *name;
} Row;

static void
row_clear (Row *row)
{
  g_free (row->value);
  g_free (row->name);
}

/* The order the pane promises: no value first, then values in natural
 * order (the site by its code, as text), ties by name and id as SQLite
 * compares them (BINARY). */
static gboolean by_site_code;

static int
compare_rows (const void *a,
              const void *b)
{
  const Row *ra = a;
  const Row *rb = b;
  const char *va = ra->value != NULL ? ra->value : "";
  const char *vb = rb->value != NULL ? rb->value : "";
  int cmp;

  if (by_site_code)
    cmp = (ra->value != NULL) - (rb->value != NULL);
  else
    cmp = 0;
  if (cmp == 0)
    cmp = by_site_code ? strcmp (va, vb) : cw_inventory_natural_compare (va, vb);
  if (cmp == 0)
    cmp = strcmp (ra->name, rb->name);
  if (cmp == 0)
    cmp = (ra->id > rb->id) - (ra->id < rb->id);

  return cmp;
}

static GArray *
expected_order (const char *path,
                CwCiField   field)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (Row));
  g_autofree char *sql = NULL;
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (guint32));
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;

  g_array_set_clear_func (rows, (GDestroyNotify) row_clear);
  if (field == CW_CI_FIELD_SITE)
    sql = g_strdup ("SELECT c.id, s.code, c.name FROM cis c LEFT JOIN sites s ON s.id = c.site_id");
  else
    sql = g_strdup_printf ("SELECT id, %s, name FROM cis", cw_inventory_field_column (field));

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *value = (const char *) sqlite3_column_text (stmt, 1);
      Row row = {
        sqlite3_column_int64 (stmt, 0),
        value != NULL && (value[0] != '\0' || field == CW_CI_FIELD_SITE) ? g_strdup (value) : NULL,
        g_strdup ((const char *) sqlite3_column_text (stmt, 2)),
      };

      g_array_append_val (rows, row);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  by_site_code = field == CW_CI_FIELD_SITE;
  qsort (rows->data, rows->len, sizeof (Row), compare_rows);
  for (guint i = 0; i < rows->len; i++)
    {
      guint32 id = (guint32) g_array_index (rows, Row, i).id;
      g_array_append_val (ids, id);
    }

  return ids;
}

static void
assert_same_ids (GArray *got,
                 GArray *expected)
{
  g_assert_cmpuint (got->len, ==, expected->len);
  for (guint i = 0; i < got->len; i++)
    {
      if (g_array_index (got, guint32, i) != g_array_index (expected, guint32, i))
        g_error ("position %u: CI %u, expected %u", i, g_array_index (got, guint32, i),
                 g_array_index (expected, guint32, i));
    }
}

static void
assert_every_order (Fixture             *fixture,
                    CwInventorySearcher *searcher)
{
  for (CwCiField field = 0; field < CW_CI_N_FIELDS; field++)
    {
      g_autoptr(CwInventoryQuery) query = cw_inventory_query_new ();
      g_autoptr(GArray) expected = expected_order (fixture->path, field);
      g_autoptr(GArray) ascending = NULL;
      g_autoptr(GArray) descending = NULL;

      g_test_message ("Order by %s", cw_ci_field_get_key (field));

      cw_inventory_query_set_sort (query, field, FALSE);
      ascending = run (searcher, query);
      assert_same_ids (ascending, expected);

      /* Descending is the same order backwards, ties included. */
      cw_inventory_query_set_sort (query, field, TRUE);
      descending = run (searcher, query);
      g_assert_cmpuint (descending->len, ==, ascending->len);
      for (guint i = 0; i < ascending->len; i++)
        g_assert_cmpuint (g_array_index (descending, guint32, i), ==,
                          g_array_index (ascending, guint32, ascending->len - 1 - i));
    }
}

static void
on_warm_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cw_inventory_searcher_warm_finish (CW_INVENTORY_SEARCHER (source), result,
                                                     &error));
  g_assert_no_error (error);
  g_main_loop_quit (user_data);
}

/* Every field, computed by a query and by warming: the order above, with
 * values missing, empty, tied, and addresses that are IPv4 and not. */
static void
test_orders (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(CwInventorySearcher) warmed = NULL;

  exec_sql (fixture->path,
            "UPDATE cis SET ip_address = CASE id % 13 "
            "  WHEN 0 THEN NULL WHEN 1 THEN '' WHEN 2 THEN 'fe80::' || id "
            "  WHEN 3 THEN '010.0.0.' || (id % 7) WHEN 4 THEN '10.0.0.' || (id % 7) "
            "  WHEN 5 THEN '300.1.1.' || (id % 3) WHEN 6 THEN '10.0.0' WHEN 7 THEN '9.9.9.9x' "
            "  WHEN 8 THEN 'A' || (id % 5) ELSE ip_address END;"
            "UPDATE cis SET notes = CASE id % 5 WHEN 0 THEN NULL WHEN 1 THEN '' "
            "  WHEN 2 THEN 'Rack ' || (id % 11) ELSE 'rack ' || (id % 11) END;"
            "UPDATE cis SET model = NULL WHERE id % 17 = 0;"
            "UPDATE cis SET firmware_version = '' WHERE id % 19 = 0;"
            /* Values that differ but compare equal: ties, in name order. */
            "UPDATE cis SET os_version = upper (os_version) WHERE id % 7 = 0;"
            "UPDATE cis SET class = 'Switch' WHERE class = 'switch' AND id % 3 = 0;"
            "UPDATE cis SET site_id = NULL WHERE id % 23 = 0;"
            "UPDATE cis SET name = 'same-name' WHERE id % 29 = 0;");

  assert_every_order (fixture, fixture->searcher);

  warmed = cw_inventory_searcher_new (fixture->path);
  cw_inventory_searcher_warm_async (warmed, NULL, on_warm_done, loop);
  g_main_loop_run (loop);
  assert_every_order (fixture, warmed);
}

/* ---- searches ------------------------------------------------------------ */

/* The CIs FTS5 finds for @text, all words as prefixes. */
static GHashTable *
expected_hits (const char *path,
               const char *text)
{
  g_autofree char *match = cw_inventory_index_build_match (text);
  GHashTable *ids = g_hash_table_new (g_direct_hash, g_direct_equal);
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;

  if (match == NULL)
    return ids;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT rowid FROM cis_fts WHERE cis_fts MATCH ?",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_add (ids, GINT_TO_POINTER (sqlite3_column_int (stmt, 0)));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return ids;
}

static void
assert_search (Fixture             *fixture,
               CwInventorySearcher *searcher,
               const char          *text)
{
  g_autoptr(CwInventoryQuery) query = cw_inventory_query_new ();
  g_autoptr(GHashTable) expected = expected_hits (fixture->path, text);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) by_name = NULL;

  g_test_message ("Search '%s': %u CIs", text, g_hash_table_size (expected));

  cw_inventory_query_set_text (query, text);
  ids = run (searcher, query);
  g_assert_cmpuint (ids->len, ==, g_hash_table_size (expected));
  for (guint i = 0; i < ids->len; i++)
    g_assert_true (g_hash_table_contains (expected, GUINT_TO_POINTER (g_array_index (ids, guint32, i))));

  /* In name order: the whole list's order with the others left out. */
  cw_inventory_query_set_text (query, NULL);
  by_name = run (searcher, query);
  for (guint i = 0, at = 0; i < by_name->len; i++)
    {
      guint32 id = g_array_index (by_name, guint32, i);

      if (g_hash_table_contains (expected, GUINT_TO_POINTER (id)))
        g_assert_cmpuint (g_array_index (ids, guint32, at++), ==, id);
    }
}

/* The words that take each way to the index: one character (its prefix
 * index), a prefix of a few terms (read one by one), of many terms (IP
 * addresses: read from the vocabulary), not plain ASCII, several words,
 * a word found nowhere, only punctuation; each one twice (kept). */
static void
test_searches (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  const char *texts[] = {
    "f", "F", "7", "fr", "fra", "FRA1", "fra1-", "10", "10.", "10.1", "Catalyst", "cat",
    "cat 1", "fra1 sw", "fra1-sw 1", "s 1 0", "zzzq", "-- /", "ğü", "Zürich", "fra1 ü",
  };
  g_autoptr(CwInventorySearcher) warmed = NULL;
  g_autoptr(GError) error = NULL;

  /* A version with an accent: the index folds it, so does the search. */
  g_assert_true (cw_inventory_set_versions (fixture->store, 7, "Zürich-1", NULL, "manual", "test",
                                            &error));
  g_assert_no_error (error);

  for (guint round = 0; round < 2; round++)
    for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
      assert_search (fixture, fixture->searcher, texts[i]);

  /* The sets of one-character words computed by warming. */
  warmed = cw_inventory_searcher_new (fixture->path);
  cw_inventory_searcher_warm_async (warmed, NULL, on_warm_done, loop);
  g_main_loop_run (loop);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    assert_search (fixture, warmed, texts[i]);

  {
    g_autoptr(GHashTable) zurich = expected_hits (fixture->path, "zurich");

    g_assert_true (g_hash_table_contains (zurich, GINT_TO_POINTER (7)));
  }
}

/* What is kept for the next query goes when the workspace changes. */
static void
test_kept_results (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(CwInventoryQuery) query = cw_inventory_query_new ();
  g_autoptr(CwInventoryQuery) typed = cw_inventory_query_new ();
  g_autoptr(GArray) first = NULL;
  g_autoptr(GArray) again = NULL;
  g_autoptr(GArray) same_words = NULL;
  g_autoptr(GArray) after = NULL;
  g_autoptr(GArray) sorted = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = cw_test_sql_int (fixture->path, "SELECT id FROM cis ORDER BY id LIMIT 1 OFFSET 42");

  cw_inventory_query_set_text (query, "fra1");
  first = run (fixture->searcher, query);
  again = run (fixture->searcher, query);
  g_assert_cmpmem (first->data, first->len * 4, again->data, again->len * 4);

  /* "fra1-" has the same words. */
  cw_inventory_query_set_text (typed, "fra1-");
  same_words = run (fixture->searcher, typed);
  g_assert_cmpmem (first->data, first->len * 4, same_words->data, same_words->len * 4);

  /* Another order: not the kept answer. */
  cw_inventory_query_set_sort (query, CW_CI_FIELD_SERIAL, FALSE);
  sorted = run (fixture->searcher, query);
  g_assert_cmpuint (sorted->len, ==, first->len);
  g_assert_false (memcmp (sorted->data, first->data, first->len * 4) == 0);

  /* A write: the CI is found by its new version at once. */
  cw_inventory_query_set_sort (query, CW_CI_FIELD_NAME, FALSE);
  cw_inventory_query_set_text (query, "77.7.7q");
  g_clear_pointer (&after, g_array_unref);
  after = run (fixture->searcher, query);
  g_assert_cmpuint (after->len, ==, 0);
  g_assert_true (cw_inventory_set_versions (fixture->store, id, "77.7.7q", NULL, "manual",
                                            "test", &error));
  g_assert_no_error (error);
  g_clear_pointer (&after, g_array_unref);
  after = run (fixture->searcher, query);
  g_assert_cmpuint (after->len, ==, 1);
  g_assert_cmpint (g_array_index (after, guint32, 0), ==, id);

  /* Its one-character word too. */
  cw_inventory_query_set_text (query, "7");
  g_clear_pointer (&after, g_array_unref);
  after = run (fixture->searcher, query);
  {
    g_autoptr(GHashTable) expected = expected_hits (fixture->path, "7");

    g_assert_cmpuint (after->len, ==, g_hash_table_size (expected));
    g_assert_true (g_hash_table_contains (expected, GINT_TO_POINTER (id)));
  }
}

/* ---- the list model ------------------------------------------------------ */

/* A copy of the list kept up to date from items-changed alone, as a view
 * keeps its rows: each change must leave the items outside its range where
 * they were. */
typedef struct
{
  GArray  *mirror;     /* guint32 ids */
  GString *log;
} Mirror;

static void
on_mirror_changed (GListModel *model,
                   guint       position,
                   guint       removed,
                   guint       added,
                   Mirror     *mirror)
{
  CwCiListModel *list = CW_CI_LIST_MODEL (model);
  guint n = g_list_model_get_n_items (model);

  g_assert_cmpuint (position + removed, <=, mirror->mirror->len);
  g_assert_cmpuint (n, ==, mirror->mirror->len - removed + added);

  /* Before and after the range: unchanged. */
  for (guint i = 0; i < position; i++)
    g_assert_cmpint (cw_ci_list_model_get_id (list, i), ==,
                     g_array_index (mirror->mirror, guint32, i));
  for (guint i = position + removed; i < mirror->mirror->len; i++)
    g_assert_cmpint (cw_ci_list_model_get_id (list, i - removed + added), ==,
                     g_array_index (mirror->mirror, guint32, i));

  g_array_remove_range (mirror->mirror, position, removed);
  for (guint i = 0; i < added; i++)
    {
      guint32 id = cw_ci_list_model_get_id (list, position + i);

      g_assert_cmpuint (id, >, 0);
      g_array_insert_val (mirror->mirror, position + i, id);
    }

  g_string_append_printf (mirror->log, "%u-%u+%u;", position, removed, added);
}

static void
assert_list_is (CwCiListModel *model,
                GArray        *ids)
{
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, ids->len);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(CwCi) ci = g_list_model_get_item (G_LIST_MODEL (model), i);

      g_assert_cmpint (cw_ci_get_id (ci), ==, g_array_index (ids, guint32, i));
      g_assert_cmpint (cw_ci_list_model_get_id (model, i), ==, g_array_index (ids, guint32, i));
    }
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), ids->len));
  g_assert_cmpint (cw_ci_list_model_get_id (model, ids->len), ==, 0);
}

static GArray *
make_ids (guint first,
          guint n,
          guint step)
{
  GArray *ids = g_array_sized_new (FALSE, FALSE, sizeof (guint32), n);

  for (guint i = 0; i < n; i++)
    {
      guint32 id = first + i * step;
      g_array_append_val (ids, id);
    }

  return ids;
}

/* begin_set_ids(), a look at the list in between, end_set_ids(): every
 * change is one a view can follow (checked against a mirror), the lead
 * follows the old list, removals start at the top, and the list ends as
 * the new ids. */
static void
test_list_model_changes (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(CwCiListModel) model = cw_ci_list_model_new (fixture->store);
  Mirror mirror = { g_array_new (FALSE, FALSE, sizeof (guint32)), g_string_new (NULL) };
  struct {
    guint first, n, step, lead;
    const char *log;
  } steps[] = {
    { 1, 500, 1, 200, "0-0+500;" },                 /* from nothing: one change */
    { 2, 300, 2, 200, "500-0+200;0-500+0;200-0+100;" },
    { 2, 300, 2, 200, "" },                          /* the same ids */
    { 5, 150, 3, 200, "300-0+150;0-300+0;" },        /* fewer than the lead */
    { 1, 900, 1, 0,   "0-150+0;0-0+900;" },          /* no lead: all out, all in */
    { 7, 40, 11, 16,  "900-0+16;0-900+0;16-0+24;" },
    { 1, 0, 1, 200,   "0-40+0;" },                   /* to nothing: one change */
  };

  g_signal_connect (model, "items-changed", G_CALLBACK (on_mirror_changed), &mirror);

  for (guint s = 0; s < G_N_ELEMENTS (steps); s++)
    {
      g_autoptr(GArray) ids = make_ids (steps[s].first, steps[s].n, steps[s].step);
      guint n_old = mirror.mirror->len;
      gboolean staged;

      g_string_truncate (mirror.log, 0);
      staged = cw_ci_list_model_begin_set_ids (model, ids, steps[s].lead);
      g_assert_true (cw_ci_list_model_get_ids (model) == ids);
      /* Under way: the old list and the lead, changed once. */
      g_assert_cmpint (staged, ==, n_old > 0 && ids->len > 0 && steps[s].lead > 0 &&
                                   mirror.log->len > 0);

      /* In between: the old list, then the lead. */
      if (staged)
        {
          guint lead = MIN (steps[s].lead, ids->len);
          guint32 last = g_array_index (ids, guint32, lead - 1);
          guint at = 0;

          g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n_old + lead);
          for (guint i = 0; i < lead; i++)
            g_assert_cmpint (cw_ci_list_model_get_id (model, n_old + i), ==,
                             g_array_index (ids, guint32, i));

          /* Found where it first is. */
          while (g_array_index (mirror.mirror, guint32, at) != last)
            at++;
          g_assert_cmpuint (cw_ci_list_model_find (model, last), ==, at);
        }

      cw_ci_list_model_end_set_ids (model);
      /* Once is enough. */
      cw_ci_list_model_end_set_ids (model);

      g_assert_cmpstr (mirror.log->str, ==, steps[s].log);
      g_assert_cmpuint (mirror.mirror->len, ==, ids->len);
      g_assert_cmpmem (mirror.mirror->data, mirror.mirror->len * sizeof (guint32),
                       ids->data, ids->len * sizeof (guint32));
      assert_list_is (model, ids);
      if (ids->len > 0)
        g_assert_cmpuint (cw_ci_list_model_find (model, g_array_index (ids, guint32, ids->len - 1)),
                          ==, ids->len - 1);
      g_assert_cmpuint (cw_ci_list_model_find (model, 1000000), ==, G_MAXUINT);
    }

  /* A begin without its end: the next begin ends it first. */
  {
    g_autoptr(GArray) a = make_ids (1, 300, 1);
    g_autoptr(GArray) b = make_ids (3, 250, 4);

    cw_ci_list_model_set_ids (model, a);
    g_assert_true (cw_ci_list_model_begin_set_ids (model, b, 100));
    g_assert_true (cw_ci_list_model_begin_set_ids (model, a, 100));
    cw_ci_list_model_end_set_ids (model);
    assert_list_is (model, a);
    g_assert_cmpmem (mirror.mirror->data, mirror.mirror->len * sizeof (guint32),
                     a->data, a->len * sizeof (guint32));
  }

  g_signal_handlers_disconnect_by_data (model, &mirror);
  g_array_unref (mirror.mirror);
  g_string_free (mirror.log, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/inventory/search/orders", Fixture, NULL, fixture_set_up, test_orders,
              fixture_tear_down);
  g_test_add ("/inventory/search/words", Fixture, NULL, fixture_set_up, test_searches,
              fixture_tear_down);
  g_test_add ("/inventory/search/kept-results", Fixture, NULL, fixture_set_up, test_kept_results,
              fixture_tear_down);
  g_test_add ("/inventory/search/list-model-changes", Fixture, NULL, fixture_set_up,
              test_list_model_changes, fixture_tear_down);

  return g_test_run ();
}
