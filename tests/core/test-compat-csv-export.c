/* test-compat-csv-export.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-compat-csv-export"

#include "config.h"

#include <string.h>

#include "cw-compat-csv.h"
#include "test-compat-csv.h"

#define MATRIX_HEADER "product_a,version_a,product_b,version_b,verdict,note,source\n"

static CwCompatProduct *
find_product (CwStore    *store,
              const char *name)
{
  g_autoptr(GError) error = NULL;
  CwCompatProduct *product = cw_compat_find_product (store, name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (product);
  return product;
}

/* The versions of @name in its order, joined by spaces. */
static char *
version_order (CwStore    *store,
               const char *name)
{
  g_autoptr(CwCompatProduct) product = find_product (store, name);
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GError) error = NULL;
  GString *order = g_string_new (NULL);

  versions = cw_compat_list_versions (store, product->id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < versions->len; i++)
    {
      const CwCompatVersion *version = g_ptr_array_index (versions, i);

      g_string_append_printf (order, "%s%s", i > 0 ? " " : "", version->version);
    }

  return g_string_free (order, FALSE);
}

/* A workspace built with the CRUD functions, not by an import. */
static void
fill_workspace (CwStore *store)
{
  g_autoptr(GError) error = NULL;
  gint64 xe = cw_compat_add_product (store, "Cisco IOS XE", "Cisco", &error);
  gint64 esxi = cw_compat_add_product (store, "VMware ESXi", NULL, &error);
  gint64 odd = cw_compat_add_product (store, "Zeta, \"the\" DB", NULL, &error);
  gint64 v[10];
  gint64 pairs[8];

  g_assert_no_error (error);
  v[0] = cw_compat_add_version (store, xe, "17.9.4a", "2023-11-02", "2026-06-30", &error);
  v[1] = cw_compat_add_version (store, xe, "17.3.8", NULL, "2025-11-30", &error);
  v[2] = cw_compat_add_version (store, xe, "17.12.1", "2023-12-01", NULL, &error);
  v[3] = cw_compat_add_version (store, esxi, "8.0U2", NULL, NULL, &error);
  v[4] = cw_compat_add_version (store, esxi, "7.0U3", NULL, NULL, &error);
  v[5] = cw_compat_add_version (store, esxi, "8.0", NULL, NULL, &error);
  v[6] = cw_compat_add_version (store, odd, "2024 LTS", NULL, NULL, &error);
  v[7] = cw_compat_add_version (store, odd, "2023 LTS", NULL, NULL, &error);
  v[8] = cw_compat_add_version (store, odd, "2024 FPS01", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (cw_compat_set_approved (store, xe, v[0], &error));
  g_assert_true (cw_compat_set_approved (store, esxi, v[5], &error));
  /* A user's order for ESXi: 8.0U2 first. */
  g_assert_true (cw_compat_move_version (store, v[3], 0, &error));
  g_assert_no_error (error);

  pairs[0] = v[4]; pairs[1] = v[0];
  pairs[2] = v[1]; pairs[3] = v[5];
  g_assert_true (cw_compat_set_cells (store, pairs, 2, CW_COMPAT_VERDICT_COMPATIBLE,
                                      NULL, "https://example.com/hcl?a=1,b=2", &error));
  pairs[0] = v[3]; pairs[1] = v[2];
  pairs[2] = v[6]; pairs[3] = v[3];
  g_assert_true (cw_compat_set_cells (store, pairs, 2, CW_COMPAT_VERDICT_CAVEAT,
                                      "Disable \"fast boot\";\nthen upgrade", NULL, &error));
  pairs[0] = v[8]; pairs[1] = v[7];
  pairs[2] = v[5]; pairs[3] = v[5];
  g_assert_true (cw_compat_set_cells (store, pairs, 2, CW_COMPAT_VERDICT_INCOMPATIBLE,
                                      "Änderung nötig", "KB 42", &error));
  g_assert_no_error (error);

  /* Created last, first by name: its ids are higher than those it sorts before. */
  v[9] = cw_compat_add_version (store, cw_compat_add_product (store, "Aardvark OS", NULL, &error),
                                "1.0", NULL, NULL, &error);
  pairs[0] = v[1]; pairs[1] = v[9];
  g_assert_true (cw_compat_set_cells (store, pairs, 1, CW_COMPAT_VERDICT_COMPATIBLE, NULL, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpint (cw_compat_add_path (store, xe, "17.3.8", "17.9.4a", "17.12.1", "Two hops", &error), >, 0);
  g_assert_cmpint (cw_compat_add_path (store, xe, "16.12.1", "17.3.8", "17.9.4a", NULL, &error), >, 0);
  g_assert_cmpint (cw_compat_add_path (store, esxi, "7.0U3", "7.0U3", "8.0", NULL, &error), >, 0);
  g_assert_cmpint (cw_compat_add_path (store, esxi, "8.0U2", "8.0U2", "8.0", "Back, by the user's order", &error), >, 0);
  g_assert_cmpint (cw_compat_add_path (store, esxi, "6.7", "7.0U3", "8.0", NULL, &error), >, 0);
  g_assert_no_error (error);
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  static const CwCompatTable order[] = {
    CW_COMPAT_TABLE_PRODUCTS, CW_COMPAT_TABLE_PATHS, CW_COMPAT_TABLE_MATRIX,
  };
  g_autoptr(CwStore) copy = open_workspace (fixture->dir, "b.db");
  g_autofree char *order_a = NULL;
  g_autofree char *order_b = NULL;
  char *first[3];
  guint n_rows[3];

  fill_workspace (fixture->store);

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      g_autoptr(CwCompatImportResult) result = NULL;

      first[i] = export_text (fixture->store, order[i], &n_rows[i]);
      result = import_good (copy, order[i], first[i]);
      g_assert_cmpuint (result->n_rows, ==, n_rows[i]);
    }
  g_assert_cmpuint (n_rows[0], ==, 10);
  g_assert_cmpuint (n_rows[1], ==, 5);
  g_assert_cmpuint (n_rows[2], ==, 7);

  g_test_message ("%s%s%s", first[0], first[1], first[2]);

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      g_autofree char *again = export_text (copy, order[i], NULL);

      g_assert_cmpstr (again, ==, first[i]);
    }

  order_a = version_order (fixture->store, "VMware ESXi");
  order_b = version_order (copy, "VMware ESXi");
  g_assert_cmpstr (order_a, ==, "8.0U2 7.0U3 8.0");
  g_assert_cmpstr (order_b, ==, order_a);

  /* The files in the other order: rows and versions get other ids. */
  {
    g_autoptr(CwStore) third = open_workspace (fixture->dir, "c.db");
    g_autofree char *order_c = NULL;

    for (guint i = G_N_ELEMENTS (order); i > 0; i--)
      {
        import_ok (third, order[i - 1], first[i - 1]);
      }
    for (guint i = 0; i < G_N_ELEMENTS (order); i++)
      {
        g_autofree char *again = export_text (third, order[i], NULL);

        g_assert_cmpstr (again, ==, first[i]);
      }
    order_c = version_order (third, "VMware ESXi");
    g_assert_cmpstr (order_c, ==, order_a);
  }

  /* Importing a workspace's own files into it changes nothing. */
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      g_autoptr(CwCompatImportResult) result = import_good (fixture->store, order[i], first[i]);
      g_autofree char *again = export_text (fixture->store, order[i], NULL);

      g_assert_cmpuint (result->n_new_products, ==, 0);
      g_assert_cmpuint (result->n_new_versions, ==, 0);
      g_assert_cmpstr (again, ==, first[i]);
      g_free (first[i]);
    }
}

static void
test_export_order (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *matrix = NULL;

  /* Created in an order the export must not follow. */
  import_ok (fixture->store, CW_COMPAT_TABLE_MATRIX,
             MATRIX_HEADER
             "b,2.0,a,1.10,compatible,,\n"
             "b,1.0,a,1.9,incompatible,,\n"
             "a,1.9,a,1.10,caveat,x,\n");
  matrix = export_text (fixture->store, CW_COMPAT_TABLE_MATRIX, NULL);
  g_assert_cmpstr (matrix, ==,
                   "product_a,version_a,product_b,version_b,verdict,note,source\r\n"
                   "a,1.9,a,1.10,caveat,x,\r\n"
                   "a,1.9,b,1.0,incompatible,,\r\n"
                   "a,1.10,b,2.0,compatible,,\r\n");
}

static void
test_export_empty (Fixture       *fixture,
                   gconstpointer  data)
{
  static const char * const headers[] = {
    [CW_COMPAT_TABLE_MATRIX] = "product_a,version_a,product_b,version_b,verdict,note,source\r\n",
    [CW_COMPAT_TABLE_PATHS] = "product,from_min,from_max,to,note\r\n",
    [CW_COMPAT_TABLE_PRODUCTS] = "product,version,released,end_of_support,approved\r\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    {
      guint n_rows = 99;
      g_autofree char *text = export_text (fixture->store, i, &n_rows);

      g_assert_cmpstr (text, ==, headers[i]);
      g_assert_cmpuint (n_rows, ==, 0);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/compat-csv-export/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("round-trip", test_round_trip);
  ADD ("order", test_export_order);
  ADD ("empty", test_export_empty);

#undef ADD

  return g_test_run ();
}
