/* test-compat.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-compat"

#include "config.h"

#include "cw-compat.h"
#include "cw-test-fixture.h"

typedef CwTestStore Fixture;

static gint64
add_product (Fixture    *fixture,
             const char *name)
{
  g_autoptr(GError) error = NULL;
  gint64 id = cw_compat_add_product (fixture->store, name, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
}

static gint64
add_version (Fixture    *fixture,
             gint64      product_id,
             const char *version)
{
  g_autoptr(GError) error = NULL;
  gint64 id = cw_compat_add_version (fixture->store, product_id, version, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
}

/* The product's versions in its order, joined by spaces. */
static char *
version_order (Fixture *fixture,
               gint64   product_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) versions = cw_compat_list_versions (fixture->store, product_id, &error);
  g_autoptr(GString) order = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < versions->len; i++)
    {
      const CwCompatVersion *version = g_ptr_array_index (versions, i);

      g_assert_cmpint (version->product_id, ==, product_id);
      g_string_append_printf (order, "%s%s", i > 0 ? " " : "", version->version);
    }

  return g_string_free (g_steal_pointer (&order), FALSE);
}

/* ---- verdicts ------------------------------------------------------------ */

static void
test_verdicts (void)
{
  const char *keys[] = { "untested", "compatible", "caveat", "incompatible" };
  g_autoptr(GHashTable) icons = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      CwCompatVerdict verdict = 99;
      const char *icon;

      g_assert_true (cw_compat_verdict_from_key (keys[i], &verdict));
      g_assert_cmpint (verdict, ==, i);
      g_assert_cmpstr (cw_compat_verdict_get_key (verdict), ==, keys[i]);
      g_assert_nonnull (cw_compat_verdict_get_label (verdict));
      icon = cw_compat_verdict_get_icon (verdict);
      g_assert_true (g_str_has_suffix (icon, "-symbolic"));
      g_assert_true (g_hash_table_add (icons, (gpointer) icon));
    }

  g_assert_cmpstr (cw_compat_verdict_get_label (CW_COMPAT_VERDICT_CAVEAT), ==, "Compatible with a caveat");
  g_assert_false (cw_compat_verdict_from_key ("Compatible", NULL));
  g_assert_false (cw_compat_verdict_from_key (NULL, NULL));
}

/* ---- products ------------------------------------------------------------ */

static void
test_products (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) products = NULL;
  g_autoptr(CwCompatProduct) product = NULL;
  gint64 gamma = add_product (fixture, "gamma");
  gint64 beta = add_product (fixture, "Beta");
  gint64 alpha;

  alpha = cw_compat_add_product (fixture->store, "  alpha  ", "Vendor A", &error);
  g_assert_no_error (error);

  g_assert_cmpint (cw_compat_add_product (fixture->store, "BETA", NULL, &error), ==, 0);
  g_assert_error (error, CW_COMPAT_ERROR, CW_COMPAT_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_cmpint (cw_compat_add_product (fixture->store, "   ", NULL, &error), ==, 0);
  g_assert_error (error, CW_COMPAT_ERROR, CW_COMPAT_ERROR_INVALID_INPUT);
  g_clear_error (&error);

  products = cw_compat_list_products (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (products->len, ==, 3);
  g_assert_cmpint (((CwCompatProduct *) products->pdata[0])->id, ==, alpha);
  g_assert_cmpint (((CwCompatProduct *) products->pdata[1])->id, ==, beta);
  g_assert_cmpint (((CwCompatProduct *) products->pdata[2])->id, ==, gamma);
  g_assert_cmpstr (((CwCompatProduct *) products->pdata[0])->name, ==, "alpha");
  g_assert_cmpstr (((CwCompatProduct *) products->pdata[0])->vendor, ==, "Vendor A");
  g_assert_null (((CwCompatProduct *) products->pdata[1])->vendor);

  product = cw_compat_find_product (fixture->store, "ALPHA", &error);
  g_assert_no_error (error);
  g_assert_cmpint (product->id, ==, alpha);
  g_assert_false (product->manual_order);
  g_clear_pointer (&product, cw_compat_product_free);
  g_assert_null (cw_compat_find_product (fixture->store, "delta", &error));
  g_assert_error (error, CW_COMPAT_ERROR, CW_COMPAT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (cw_compat_update_product (fixture->store, alpha, "Delta", "", &error));
  g_assert_no_error (error);
  product = cw_compat_get_product (fixture->store, alpha, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (product->name, ==, "Delta");
  g_assert_null (product->vendor);
  g_assert_false (cw_compat_update_product (fixture->store, alpha, "gamma", NULL, &error));
  g_assert_error (error, CW_COMPAT_ERROR, CW_COMPAT_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_false (cw_compat_update_product (fixture->store, alpha, "", NULL, &error));
  g_assert_error (error, CW_COMPAT_ERROR, CW_COMPAT_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_false (cw_compat_update_product (fixture->store, 999, "Other", NULL, &error));
  g_assert_error (error, CW_COMPAT_ERROR, CW_COMPAT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (cw_compat_delete_product (fixture->store, beta, &error));
  g_assert_no_error (error);
  g_assert_null (cw_compat_get_product (fixture->store, beta, &error));
  g_assert_error (error, CW_COMPAT_ERROR, CW_COMPAT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (cw_compat_delete_product (fixture->store, beta, &error));
  g_assert_error (error, CW_COMPAT_ERROR, CW_COMPAT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (cw_test_store_int (fixture, "SELECT COUNT(*) FROM compat_products"), ==, 2);
}

/* ---- versions ------------------------------------------------------------ */

static void
test_versions (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwCompatVersion) found = NULL;
  g_autofree char *order = NULL;
  gint64 product = add_product (fixture, "Cisco IOS XE");
  gint64 other = add_product (fixture, "Other");
  const char *bad_dates[][2] = {
    { "2026-02-30", NULL }, { "2026-1-01", NULL }, { "2026/01/01", NULL },
    { NULL, "31.12.2026" }, { "2026-13-01", NULL }, { "2026-01-01", "2025-12-31" },
  };
  gint64 v1794;
  gint64 v173;

  add_version (fixture, product, "17.9.4a");
  v173 = add_version (fixture, product, "17.3.1");
  v1794 = cw_compat_add_version (fixture->store, product, " 17.9.4 ", "2023-07-01", "2026-07-31", &error);
  g_assert_no_error (error);
  add_version (fixture, product, "17.12.1");
  add_version (fixture, other, "17.3.1");

  order = version_order (fixture, product);
  g_assert_cmpstr (order, ==, "17.3.1 17.9.4 17.9.4a 17.12.1");
  g_clear_pointer (&order, g_free);

  found = cw_compat_find_version (fixture->store, product, "17.9.4", &error);
  g_assert_no_error (error);
  g_assert_cmpint (found->id, ==, v1794);
  g_assert_cmpstr (found->released, ==, "2023-07-01");
  g_assert_cmpstr (found->end_of_support, ==, "2026-07-31");
  g_assert_false (found->approved);
  g_clear_pointer (&found, cw_compat_version_free);
  g_assert_null (cw_compat_find_version (fixture->store, product, "17.9.9", &error));
  g_assert_error (error, CW_COMPAT_ERROR, CW_COMPAT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Errors */
  g_assert_cmpint (cw_compat_add_version (fixture->store, product, "17.3.1", NULL, NULL, &error), ==, 0);
  g_assert_error (error, CW_COMPAT_ERROR, CW_COMPAT_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_cmpint (cw_compat_add_version (fixture->store, product, " ", NULL, NULL, &error), ==, 0);
  g_assert_error (error, CW_COMPAT_ERROR, CW_COMPAT_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_cmpint (cw_compat_add_version (fixture->store, 999, "1.0", NULL, NULL, &error), ==, 0);
  g_assert_error (error, CW_COMPAT_ERROR, CW_COMPAT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  for (guint i = 0; i < G_N_ELEMENTS (bad_dates); i++)
    {
      g_assert_cmpint (cw_compat_add_version (fixture->store, product, "18.1.1",
                                              bad_dates[i][0], bad_dates[i][1], &error), ==, 0);
      g_assert_error (error, CW_COMPAT_ERROR, CW_COMPAT_ERROR_INVALID_INPUT);
      g_clear_error (&error);
      g_assert_false (cw_compat_update_version (fixture->store, v173, "17.3.1",
                                                bad_dates[i][0], bad_dates[i][1], &error));
      g_assert_error (error, CW_COMPAT_ERROR, CW_COMPAT_ERROR_INVALID_INPUT);
      g_clear_error (&error);
    }
  g_assert_cmpint (cw_test_store_int (fixture, "SELECT COUNT(*) FROM compat_versions "
                                               "WHERE version = '18.1.1'"), ==, 0);

  /* Update: a rename follows into the upgrade paths, a duplicate is refused. */
  g_assert_cmpint (cw_compat_add_path (fixture->store, product, "17.3.1", "17.3.1", "17.9.4", NULL, &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (cw_compat_update_version (fixture->store, v173, "17.3.2", "2021-01-01", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cw_test_store_int (fixture, "SELECT COUNT(*) FROM compat_paths "
                                               "WHERE from_min = '17.3.2' AND from_max = '17.3.2'"), ==, 1);
  found = cw_compat_find_version (fixture->store, product, "17.3.2", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found->released, ==, "2021-01-01");
  g_assert_null (found->end_of_support);
  g_assert_false (cw_compat_update_version (fixture->store, v173, "17.9.4", NULL, NULL, &error));
  g_assert_error (error, CW_COMPAT_ERROR, CW_COMPAT_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_cmpint (cw_test_store_int (fixture, "SELECT COUNT(*) FROM compat_paths "
                                               "WHERE from_min = '17.3.2'"), ==, 1);
  g_assert_false (cw_compat_update_version (fixture->store, 999, "1.0", NULL, NULL, &error));
  g_assert_error (error, CW_COMPAT_ERROR, CW_COMPAT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (cw_compat_delete_version (fixture->store, v173, &error));
  g_assert_no_error (error);
  g_assert_false (cw_compat_delete_version (fixture->store, v173, &error));
  g_assert_error (error, CW_COMPAT_ERROR, CW_COMPAT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  order = version_order (fixture, product);
  g_assert_cmpstr (order, ==, "17.9.4 17.9.4a 17.12.1");

  g_assert_null (cw_compat_list_versions (fixture->store, 999, &error));
  g_assert_error (error, CW_COMPAT_ERROR, CW_COMPAT_ERROR_NOT_FOUND);
}

static gint64
approved_id (Fixture *fixture,
             gint64   product_id)
{
  g_autoptr(GPtrArray) versions = cw_compat_list_versions (fixture->store, product_id, NULL);
  gint64 id = 0;

  for (guint i = 0; i < versions->len; i++)
    {
      const CwCompatVersion *version = g_ptr_array_index (versions, i);

      if (version->approved)
        {
          g_assert_cmpint (id, ==, 0);
          id = version->id;
        }
    }

  return id;
}

static void
test_approved (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 product = add_product (fixture, "ESXi");
  gint64 other = add_product (fixture, "vCenter");
  gint64 v70 = add_version (fixture, product, "7.0U3");
  gint64 v80 = add_version (fixture, product, "8.0");
  gint64 w80 = add_version (fixture, other, "8.0");

  g_assert_cmpint (approved_id (fixture, product), ==, 0);
  g_assert_true (cw_compat_set_approved (fixture->store, product, v70, &error));
  g_assert_no_error (error);
  g_assert_cmpint (approved_id (fixture, product), ==, v70);
  g_assert_true (cw_compat_set_approved (fixture->store, product, v80, &error));
  g_assert_no_error (error);
  g_assert_cmpint (approved_id (fixture, product), ==, v80);

  /* Another product's version is refused and changes nothing. */
  g_assert_false (cw_compat_set_approved (fixture->store, product, w80, &error));
  g_assert_error (error, CW_COMPAT_ERROR, CW_COMPAT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (approved_id (fixture, product), ==, v80);
  g_assert_cmpint (approved_id (fixture, other), ==, 0);
  g_assert_false (cw_compat_set_approved (fixture->store, 999, 0, &error));
  g_assert_error (error, CW_COMPAT_ERROR, CW_COMPAT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (cw_compat_set_approved (fixture->store, other, w80, &error));
  g_assert_no_error (error);
  g_assert_cmpint (approved_id (fixture, product), ==, v80);

  g_assert_true (cw_compat_set_approved (fixture->store, product, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpint (approved_id (fixture, product), ==, 0);
  g_assert_cmpint (approved_id (fixture, other), ==, w80);
}

static void
test_manual_order (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwCompatProduct) product = NULL;
  g_autofree char *order = NULL;
  gint64 id = add_product (fixture, "Junos");
  gint64 v22;

  add_version (fixture, id, "21.4R3");
  v22 = add_version (fixture, id, "22.1R1");
  add_version (fixture, id, "21.4R3-S5");
  order = version_order (fixture, id);
  g_assert_cmpstr (order, ==, "21.4R3 21.4R3-S5 22.1R1");
  g_clear_pointer (&order, g_free);

  /* 22.1R1 first: the order becomes manual. */
  g_assert_true (cw_compat_move_version (fixture->store, v22, 0, &error));
  g_assert_no_error (error);
  product = cw_compat_get_product (fixture->store, id, &error);
  g_assert_true (product->manual_order);
  g_clear_pointer (&product, cw_compat_product_free);
  order = version_order (fixture, id);
  g_assert_cmpstr (order, ==, "22.1R1 21.4R3 21.4R3-S5");
  g_clear_pointer (&order, g_free);

  /* A position past the end means the end. */
  g_assert_true (cw_compat_move_version (fixture->store, v22, 99, &error));
  g_assert_no_error (error);
  order = version_order (fixture, id);
  g_assert_cmpstr (order, ==, "21.4R3 21.4R3-S5 22.1R1");
  g_clear_pointer (&order, g_free);
  g_assert_true (cw_compat_move_version (fixture->store, v22, 1, &error));
  order = version_order (fixture, id);
  g_assert_cmpstr (order, ==, "21.4R3 22.1R1 21.4R3-S5");
  g_clear_pointer (&order, g_free);

  /* New versions go before the first version greater than them. */
  add_version (fixture, id, "21.4R1");
  add_version (fixture, id, "21.4R3-S6");
  add_version (fixture, id, "23.2R1");
  order = version_order (fixture, id);
  g_assert_cmpstr (order, ==, "21.4R1 21.4R3 21.4R3-S6 22.1R1 21.4R3-S5 23.2R1");
  g_clear_pointer (&order, g_free);

  /* Inside a caller's transaction as well (the CSV import does that). */
  g_assert_true (cw_store_begin (fixture->store, &error));
  add_version (fixture, id, "22.2R1");
  g_assert_cmpint (cw_compat_add_version (fixture->store, id, "22.2R1", NULL, NULL, &error), ==, 0);
  g_assert_error (error, CW_COMPAT_ERROR, CW_COMPAT_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_true (cw_store_commit (fixture->store, &error));
  g_assert_no_error (error);
  order = version_order (fixture, id);
  g_assert_cmpstr (order, ==, "21.4R1 21.4R3 21.4R3-S6 22.1R1 21.4R3-S5 22.2R1 23.2R1");
  g_clear_pointer (&order, g_free);

  g_assert_false (cw_compat_move_version (fixture->store, 999, 0, &error));
  g_assert_error (error, CW_COMPAT_ERROR, CW_COMPAT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (cw_compat_reset_order (fixture->store, id, &error));
  g_assert_no_error (error);
  product = cw_compat_get_product (fixture->store, id, &error);
  g_assert_false (product->manual_order);
  order = version_order (fixture, id);
  g_assert_cmpstr (order, ==, "21.4R1 21.4R3 21.4R3-S5 21.4R3-S6 22.1R1 22.2R1 23.2R1");
  g_assert_false (cw_compat_reset_order (fixture->store, 999, &error));
  g_assert_error (error, CW_COMPAT_ERROR, CW_COMPAT_ERROR_NOT_FOUND);
}

/* ---- upgrade paths ------------------------------------------------------- */

static void
test_paths (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) paths = NULL;
  gint64 id = add_product (fixture, "ONTAP");
  gint64 hop;
  const char *expected[] = { "9.10.1", "9.12.1P3", "9.14.1" };

  add_version (fixture, id, "9.8");
  add_version (fixture, id, "9.10.1");
  add_version (fixture, id, "9.12.1P3");
  add_version (fixture, id, "9.14.1");

  hop = cw_compat_add_path (fixture->store, id, "9.10.1", "9.12.1P3", "9.14.1", "  ", &error);
  g_assert_no_error (error);
  g_assert_cmpint (cw_compat_add_path (fixture->store, id, "9.8", "9.8", "9.10.1", "Via the ARL", &error), >, 0);
  g_assert_cmpint (cw_compat_add_path (fixture->store, id, "9.8", "9.10.1", "9.12.1P3", NULL, &error), >, 0);
  g_assert_no_error (error);

  g_assert_cmpint (cw_compat_add_path (fixture->store, id, "9.8", "9.8", "9.10.1", NULL, &error), ==, 0);
  g_assert_error (error, CW_COMPAT_ERROR, CW_COMPAT_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_cmpint (cw_compat_add_path (fixture->store, id, "9.8", "", "9.10.1", NULL, &error), ==, 0);
  g_assert_error (error, CW_COMPAT_ERROR, CW_COMPAT_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_cmpint (cw_compat_add_path (fixture->store, 999, "1", "1", "2", NULL, &error), ==, 0);
  g_assert_error (error, CW_COMPAT_ERROR, CW_COMPAT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  paths = cw_compat_list_paths (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (paths->len, ==, 3);
  for (guint i = 0; i < paths->len; i++)
    g_assert_cmpstr (((CwCompatPath *) paths->pdata[i])->to, ==, expected[i]);
  g_assert_cmpstr (((CwCompatPath *) paths->pdata[0])->note, ==, "Via the ARL");
  g_assert_null (((CwCompatPath *) paths->pdata[2])->note);
  g_assert_cmpint (((CwCompatPath *) paths->pdata[2])->id, ==, hop);
  g_clear_pointer (&paths, g_ptr_array_unref);

  g_assert_true (cw_compat_delete_path (fixture->store, hop, &error));
  g_assert_no_error (error);
  g_assert_false (cw_compat_delete_path (fixture->store, hop, &error));
  g_assert_error (error, CW_COMPAT_ERROR, CW_COMPAT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  paths = cw_compat_list_paths (fixture->store, id, &error);
  g_assert_cmpuint (paths->len, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/compat/verdicts", test_verdicts);

#define ADD(name, func) \
  g_test_add ("/core/compat/" name, Fixture, NULL, cw_test_store_set_up, func, \
              cw_test_store_tear_down)

  ADD ("products", test_products);
  ADD ("versions", test_versions);
  ADD ("approved", test_approved);
  ADD ("manual-order", test_manual_order);
  ADD ("paths", test_paths);

#undef ADD

  return g_test_run ();
}
