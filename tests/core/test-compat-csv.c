/* test-compat-csv.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-compat-csv"

#include "config.h"

#include <string.h>

#include "test-compat-csv.h"

#define PRODUCTS_HEADER "product,version,released,end_of_support,approved\n"
#define PATHS_HEADER    "product,from_min,from_max,to,note\n"
#define MATRIX_HEADER   "product_a,version_a,product_b,version_b,verdict,note,source\n"

static const char * const compat_tables[] = {
  "compat_products", "compat_versions", "compat_verdicts", "compat_paths",
};

static char *
table_counts (CwStore *store)
{
  GString *counts = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (compat_tables); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 n = cw_store_count_table (store, compat_tables[i], &error);

      g_assert_no_error (error);
      g_string_append_printf (counts, "%s=%" G_GINT64_FORMAT " ", compat_tables[i], n);
    }

  return g_string_free (counts, FALSE);
}

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

static CwCompatVersion *
find_version (CwStore    *store,
              const char *product_name,
              const char *version)
{
  g_autoptr(CwCompatProduct) product = find_product (store, product_name);
  g_autoptr(GError) error = NULL;
  CwCompatVersion *found = cw_compat_find_version (store, product->id, version, &error);

  g_assert_no_error (error);
  g_assert_nonnull (found);
  return found;
}

/* The recorded cell between two versions, as "verdict|note|source". */
static char *
cell_text (CwStore    *store,
           const char *product_a,
           const char *version_a,
           const char *product_b,
           const char *version_b)
{
  g_autoptr(CwCompatVersion) a = find_version (store, product_a, version_a);
  g_autoptr(CwCompatVersion) b = find_version (store, product_b, version_b);
  g_autoptr(GError) error = NULL;
  CwCompatCell cell = { 0 };
  char *text;

  if (!cw_compat_get_cell (store, MIN (a->id, b->id), MAX (a->id, b->id), &cell, &error))
    {
      g_assert_no_error (error);
      return g_strdup ("none");
    }

  text = g_strdup_printf ("%s|%s|%s", cw_compat_verdict_get_key (cell.verdict),
                          cell.note ? cell.note : "(null)", cell.source ? cell.source : "(null)");
  g_free (cell.note);
  g_free (cell.source);
  return text;
}

/****************************************************************************/

static void
test_table_keys (void)
{
  CwCompatTable table = CW_COMPAT_TABLE_MATRIX;

  for (guint i = CW_COMPAT_TABLE_MATRIX; i <= CW_COMPAT_TABLE_PRODUCTS; i++)
    {
      g_assert_true (cw_compat_table_from_key (cw_compat_table_get_key (i), &table));
      g_assert_cmpuint (table, ==, i);
    }
  g_assert_cmpstr (cw_compat_table_get_key (CW_COMPAT_TABLE_PATHS), ==, "paths");
  g_assert_false (cw_compat_table_from_key ("verdicts", &table));
  g_assert_false (cw_compat_table_from_key (NULL, &table));
}

static void
test_import_products (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(CwCompatImportResult) result = NULL;
  g_autoptr(CwCompatVersion) v1794a = NULL;
  g_autoptr(CwCompatVersion) v1239 = NULL;
  g_autoptr(CwCompatProduct) product = NULL;
  g_autofree char *order = NULL;

  result = import_good (fixture->store, CW_COMPAT_TABLE_PRODUCTS,
                        PRODUCTS_HEADER
                        "Cisco IOS XE,17.3.8,2023-05-10,2025-11-30,\n"
                        "Cisco IOS XE,17.9.4a,2023-11-02,2026-06-30,yes\n"
                        " Cisco IOS XE , 17.12.1 ,2023-12-01,,\n"
                        "cisco ios xe,17.9.4,2023-08-01,,\n"
                        "NetApp ONTAP,9.12.1P3,,,Yes\n");

  g_assert_cmpuint (result->n_rows, ==, 5);
  g_assert_cmpuint (result->n_new_products, ==, 2);
  g_assert_cmpuint (result->n_new_versions, ==, 5);

  v1794a = find_version (fixture->store, "Cisco IOS XE", "17.9.4a");
  g_assert_cmpstr (v1794a->released, ==, "2023-11-02");
  g_assert_cmpstr (v1794a->end_of_support, ==, "2026-06-30");
  g_assert_true (v1794a->approved);
  v1239 = find_version (fixture->store, "Cisco IOS XE", "17.12.1");
  g_assert_cmpstr (v1239->released, ==, "2023-12-01");
  g_assert_null (v1239->end_of_support);
  g_assert_false (v1239->approved);

  /* The file's order differs from the comparator's: a manual order. */
  product = find_product (fixture->store, "Cisco IOS XE");
  g_assert_cmpstr (product->name, ==, "Cisco IOS XE");
  g_assert_true (product->manual_order);
  order = version_order (fixture->store, "Cisco IOS XE");
  g_assert_cmpstr (order, ==, "17.3.8 17.9.4a 17.12.1 17.9.4");
}

static void
test_import_matrix (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(CwCompatImportResult) result = NULL;
  g_autoptr(CwCompatProduct) esxi = NULL;
  g_autofree char *cell = NULL;

  import_ok (fixture->store, CW_COMPAT_TABLE_PRODUCTS,
             PRODUCTS_HEADER "VMware ESXi,7.0U3,,,\n");

  result = import_good (fixture->store, CW_COMPAT_TABLE_MATRIX,
                        MATRIX_HEADER
                        "vmware esxi,7.0U3,Dell iDRAC,6.10.30.00,compatible,,https://example.com/hcl\n"
                        "VMware ESXi,8.0U2,Dell iDRAC,6.10.30.00,Incompatible,\"Needs 7.00, first\",\n"
                        "Dell iDRAC,7.00.00.00,VMware ESXi,8.0U2,caveat,\"Disable \"\"lockdown\"\"\nthen retry\",KB 1234\n"
                        "VMware ESXi,8.0U2,VMware ESXi,8.0U2,untested,,\n"
                        "Dell iDRAC,6.10.30.00,VMware ESXi,7.0U3,compatible,,https://example.com/hcl\n");

  g_assert_cmpuint (result->n_rows, ==, 5);
  g_assert_cmpuint (result->n_new_products, ==, 1);
  g_assert_cmpuint (result->n_new_versions, ==, 3);
  /* The last line repeats the first one, the other way round. */
  g_assert_cmpint (cw_store_count_table (fixture->store, "compat_verdicts", NULL), ==, 4);

  cell = cell_text (fixture->store, "VMware ESXi", "7.0U3", "Dell iDRAC", "6.10.30.00");
  g_assert_cmpstr (cell, ==, "compatible|(null)|https://example.com/hcl");
  g_free (cell);
  cell = cell_text (fixture->store, "VMware ESXi", "8.0U2", "Dell iDRAC", "6.10.30.00");
  g_assert_cmpstr (cell, ==, "incompatible|Needs 7.00, first|(null)");
  g_free (cell);
  cell = cell_text (fixture->store, "VMware ESXi", "8.0U2", "Dell iDRAC", "7.00.00.00");
  g_assert_cmpstr (cell, ==, "caveat|Disable \"lockdown\"\nthen retry|KB 1234");
  g_free (cell);
  cell = cell_text (fixture->store, "VMware ESXi", "8.0U2", "VMware ESXi", "8.0U2");
  g_assert_cmpstr (cell, ==, "untested|(null)|(null)");

  /* Stored once, with version_a <= version_b. */
  g_assert_cmpint (cw_test_sql_int (cw_store_get_path (fixture->store),
                                    "SELECT count(*) FROM compat_verdicts WHERE version_a > version_b"),
                   ==, 0);

  esxi = find_product (fixture->store, "VMware ESXi");
  g_assert_false (esxi->manual_order);
}

static void
test_import_paths (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(CwCompatImportResult) result = NULL;
  g_autoptr(CwCompatProduct) product = NULL;
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(GError) error = NULL;
  const CwCompatPath *path;

  result = import_good (fixture->store, CW_COMPAT_TABLE_PATHS,
                        PATHS_HEADER
                        "Juniper Junos,21.4R1,21.4R3-S5,22.1R1,Via the S releases\n"
                        "Juniper Junos,20.4R3-S9,21.4R3,21.4R3-S5,\n"
                        "Juniper Junos,20.4R3-S9,21.4R3,21.4R3-S5,\n");

  g_assert_cmpuint (result->n_rows, ==, 3);
  g_assert_cmpuint (result->n_new_products, ==, 1);
  g_assert_cmpuint (result->n_new_versions, ==, 0);
  g_assert_cmpint (cw_store_count_table (fixture->store, "compat_paths", NULL), ==, 2);
  g_assert_cmpint (cw_store_count_table (fixture->store, "compat_versions", NULL), ==, 0);

  product = find_product (fixture->store, "Juniper Junos");
  paths = cw_compat_list_paths (fixture->store, product->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (paths->len, ==, 2);
  path = g_ptr_array_index (paths, 1);
  g_assert_cmpstr (path->from_min, ==, "21.4R1");
  g_assert_cmpstr (path->from_max, ==, "21.4R3-S5");
  g_assert_cmpstr (path->to, ==, "22.1R1");
  g_assert_cmpstr (path->note, ==, "Via the S releases");
}

/****************************************************************************/

typedef struct
{
  guint       line;
  const char *hint;   /* a word the reason must contain */
} Expected;

/* Imports a bad file and checks every problem and that nothing changed. */
static void
assert_bad_file (CwStore             *store,
                 CwCompatTable        table,
                 const char          *text,
                 const Expected      *expected,
                 guint                n_expected)
{
  g_autoptr(CwCompatImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = table_counts (store);
  g_autofree char *after = NULL;

  result = import_text (store, table, text, &error);
  g_assert_error (error, CW_COMPAT_ERROR, CW_COMPAT_ERROR_INVALID_INPUT);
  g_assert_nonnull (result);

  for (guint i = 0; i < result->problems->len; i++)
    {
      const CwCompatProblem *problem = g_ptr_array_index (result->problems, i);

      g_test_message ("line %u: %s", problem->line, problem->reason);
    }

  g_assert_cmpuint (result->problems->len, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    {
      const CwCompatProblem *problem = g_ptr_array_index (result->problems, i);

      g_assert_cmpuint (problem->line, ==, expected[i].line);
      g_assert_nonnull (strstr (problem->reason, expected[i].hint));
    }

  after = table_counts (store);
  g_assert_cmpstr (after, ==, before);
}

static void
test_bad_products (Fixture       *fixture,
                   gconstpointer  data)
{
  static const Expected expected[] = {
    { 3, "product" },
    { 4, "version" },
    { 5, "2024-13-01" },
    { 6, "2024/01/31" },
    { 7, "before" },
    { 8, "“no”" },
    { 10, "9" },            /* a second approved version, naming line 9 */
    { 12, "11" },           /* the same version as line 11, other dates */
    { 13, "fields" },
    { 15, "0000-01-01" },
  };
  /* Something already there, which must not change. */
  import_ok (fixture->store, CW_COMPAT_TABLE_PRODUCTS,
             PRODUCTS_HEADER "Arista EOS,4.28.3M,,,yes\nArista EOS,4.30.1F,,,\n");

  assert_bad_file (fixture->store, CW_COMPAT_TABLE_PRODUCTS,
                   PRODUCTS_HEADER
                   "Arista EOS,4.31.0F,2024-01-01,,\n"           /* 2: good */
                   ",4.31.1F,,,\n"
                   "Arista EOS,  ,,,\n"
                   "Arista EOS,4.31.2F,2024-13-01,,\n"
                   "Arista EOS,4.31.3F,,2024/01/31,\n"
                   "Arista EOS,4.31.4F,2024-06-01,2024-05-31,\n"
                   "Arista EOS,4.31.5F,,,no\n"
                   "Arista EOS,4.32.0F,,,yes\n"                   /* 9: good */
                   "arista eos,4.32.1F,,,yes\n"
                   "Arista EOS,4.33.0F,2025-01-01,,\n"            /* 11: good */
                   "Arista EOS,4.33.0F,2025-01-02,,\n"
                   "Arista EOS,4.33.1F,,\n"
                   "Arista EOS,4.32.0F,,,YES\n"                   /* 14: the same as 9 */
                   "Arista EOS,4.33.2F,0000-01-01,,\n",
                   expected, G_N_ELEMENTS (expected));
}

static void
test_bad_matrix (Fixture       *fixture,
                 gconstpointer  data)
{
  static const Expected expected[] = {
    { 3, "product_a" },
    { 3, "version_b" },
    { 4, "maybe" },
    { 5, "verdict" },
    { 9, "2" },             /* the pair of line 2, the other way round */
    { 10, "fields" },
    { 11, "UTF-8" },
    { 12, "fields" },       /* a record over two lines */
    { 14, "closed" },       /* after it */
  };

  assert_bad_file (fixture->store, CW_COMPAT_TABLE_MATRIX,
                   MATRIX_HEADER
                   "A,1.0,B,2.0,compatible,,\n"                   /* 2: good */
                   ",1.0,B,,compatible,,\n"
                   "A,1.0,B,2.1,maybe,,\n"
                   "A,1.0,B,2.2,,,\n"
                   "A,1.0,B,2.0,compatible,,\n"                   /* 6: the same as 2 */
                   "A,1.1,B,2.0,caveat,\"a note\nover two lines\",\n" /* 7-8: good */
                   "B,2.0,A,1.0,incompatible,,\n"
                   "A,1.2,B,2.0,compatible,,,extra\n"
                   "A,1.\xff,B,2.0,compatible,,\n"
                   "A,1.3,B,2.0,\"caveat\",\"x\n\",y,z\n"
                   "A,1.4,B,2.0,compatible,\"never closed,\n",
                   expected, G_N_ELEMENTS (expected));
}

static void
test_bad_paths (Fixture       *fixture,
                gconstpointer  data)
{
  static const Expected expected[] = {
    { 3, "9.12.1P3" },      /* from_min after from_max */
    { 4, "to" },
    { 6, "5" },             /* the same hop as line 5, another note */
    { 7, "fields" },
  };

  assert_bad_file (fixture->store, CW_COMPAT_TABLE_PATHS,
                   PATHS_HEADER
                   "NetApp ONTAP,9.11.1,9.12.1P1,9.13.1,\n"       /* 2: good */
                   "NetApp ONTAP,9.12.1P3,9.12.1,9.13.1,\n"
                   "NetApp ONTAP,9.12.1,9.12.1P3,,\n"
                   "NetApp ONTAP,9.13.1,9.13.1,9.14.1,Reboot twice\n"
                   "NetApp ONTAP,9.13.1,9.13.1,9.14.1,Reboot once\n"
                   "NetApp ONTAP,9.13.1\n",
                   expected, G_N_ELEMENTS (expected));
}

static void
test_header (Fixture       *fixture,
             gconstpointer  data)
{
  static const char * const bad[] = {
    "",
    "\n\n",
    "product,version,released,end_of_support\nA,1,,\n",
    "version,product,released,end_of_support,approved\n1,A,,,\n",
    "product,version,released,end_of_support,approved,extra\nA,1,,,,\n",
    "A,1,,,\n",
  };
  g_autoptr(CwCompatImportResult) result = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CwCompatImportResult) none = NULL;

      none = import_text (fixture->store, CW_COMPAT_TABLE_PRODUCTS, bad[i], &error);
      g_assert_null (none);
      g_assert_error (error, CW_COMPAT_ERROR, CW_COMPAT_ERROR_INVALID_INPUT);
    }
  g_assert_cmpint (cw_store_count_table (fixture->store, "compat_products", NULL), ==, 0);

  /* Lenient on case, spaces and a BOM; a matrix file is not a paths file. */
  result = import_good (fixture->store, CW_COMPAT_TABLE_PRODUCTS,
                        "\xef\xbb\xbf Product ,VERSION, Released,End_Of_Support ,approved\r\n"
                        "A,1,,,\r\n");
  g_assert_cmpuint (result->n_new_versions, ==, 1);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(CwCompatImportResult) none =
      import_text (fixture->store, CW_COMPAT_TABLE_PATHS, MATRIX_HEADER, &error);

    g_assert_null (none);
    g_assert_error (error, CW_COMPAT_ERROR, CW_COMPAT_ERROR_INVALID_INPUT);
  }
}

/****************************************************************************/

static void
test_merge (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(CwCompatImportResult) r4 = NULL;
  g_autoptr(CwCompatImportResult) r5 = NULL;
  g_autoptr(CwCompatVersion) old = NULL;
  g_autoptr(CwCompatVersion) kept = NULL;
  g_autoptr(CwCompatVersion) now = NULL;
  g_autoptr(CwCompatProduct) product = NULL;
  g_autoptr(GPtrArray) paths = NULL;
  g_autofree char *cell = NULL;

  import_ok (fixture->store, CW_COMPAT_TABLE_PRODUCTS,
             PRODUCTS_HEADER
             "NetApp ONTAP,9.12.1,2023-01-01,2026-01-01,yes\n"
             "NetApp ONTAP,9.13.1,2023-06-01,,\n"
             "NetApp ONTAP,9.14.1,,,\n");
  import_ok (fixture->store, CW_COMPAT_TABLE_MATRIX,
             MATRIX_HEADER
             "NetApp ONTAP,9.12.1,VMware ESXi,8.0,compatible,old note,old source\n");
  import_ok (fixture->store, CW_COMPAT_TABLE_PATHS,
             PATHS_HEADER "NetApp ONTAP,9.12.1,9.12.1,9.13.1,old\n");

  /* Same version: dates and approval replaced; yes moves the approval. */
  r4 = import_good (fixture->store, CW_COMPAT_TABLE_PRODUCTS,
                    PRODUCTS_HEADER
                    "netapp ontap,9.12.1,2023-01-02,,\n"
                    "NetApp ONTAP,9.13.1,2023-06-01,2027-06-30,yes\n");
  g_assert_cmpuint (r4->n_new_products, ==, 0);
  g_assert_cmpuint (r4->n_new_versions, ==, 0);
  old = find_version (fixture->store, "NetApp ONTAP", "9.12.1");
  g_assert_cmpstr (old->released, ==, "2023-01-02");
  g_assert_null (old->end_of_support);
  g_assert_false (old->approved);
  now = find_version (fixture->store, "NetApp ONTAP", "9.13.1");
  g_assert_cmpstr (now->end_of_support, ==, "2027-06-30");
  g_assert_true (now->approved);
  kept = find_version (fixture->store, "NetApp ONTAP", "9.14.1");
  g_assert_false (kept->approved);

  /* Same pair: verdict, note and source replaced. */
  r5 = import_good (fixture->store, CW_COMPAT_TABLE_MATRIX,
                    MATRIX_HEADER
                    "VMware ESXi,8.0,NetApp ONTAP,9.12.1,incompatible,new note,\n"
                    "VMware ESXi,8.0,NetApp ONTAP,9.13.1,compatible,,\n");
  g_assert_cmpuint (r5->n_new_versions, ==, 0);
  cell = cell_text (fixture->store, "NetApp ONTAP", "9.12.1", "VMware ESXi", "8.0");
  g_assert_cmpstr (cell, ==, "incompatible|new note|(null)");
  g_assert_cmpint (cw_store_count_table (fixture->store, "compat_verdicts", NULL), ==, 2);

  /* Same hop: note replaced; another hop added. */
  import_ok (fixture->store, CW_COMPAT_TABLE_PATHS,
             PATHS_HEADER
             "NetApp ONTAP,9.12.1,9.12.1,9.13.1,new\n"
             "NetApp ONTAP,9.13.1,9.13.1,9.14.1,\n");
  product = find_product (fixture->store, "NetApp ONTAP");
  paths = cw_compat_list_paths (fixture->store, product->id, NULL);
  g_assert_cmpuint (paths->len, ==, 2);
  g_assert_cmpstr (((CwCompatPath *) g_ptr_array_index (paths, 0))->note, ==, "new");
  g_assert_null (((CwCompatPath *) g_ptr_array_index (paths, 1))->note);
}

static void
test_manual_order (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(CwCompatProduct) sorted = NULL;
  g_autoptr(CwCompatProduct) manual = NULL;
  g_autofree char *order = NULL;

  /* In the comparator's order: no manual order. */
  import_ok (fixture->store, CW_COMPAT_TABLE_PRODUCTS,
             PRODUCTS_HEADER "Sorted,1.9,,,\nSorted,1.10,,,\nSorted,2.0-rc1,,,\nSorted,2.0,,,\n");
  sorted = find_product (fixture->store, "Sorted");
  g_assert_false (sorted->manual_order);

  /* A vendor's own order, which the comparator does not give. */
  import_ok (fixture->store, CW_COMPAT_TABLE_PRODUCTS,
             PRODUCTS_HEADER "Odd,beta,,,\nOdd,gamma,,,\nOdd,alpha,,,\nOdd,gamma,,,\n");
  manual = find_product (fixture->store, "Odd");
  g_assert_true (manual->manual_order);
  order = version_order (fixture->store, "Odd");
  g_assert_cmpstr (order, ==, "beta gamma alpha");
  g_clear_pointer (&order, g_free);

  /* A new version from another file goes where the comparator puts it. */
  import_ok (fixture->store, CW_COMPAT_TABLE_MATRIX,
             MATRIX_HEADER "Odd,delta,Sorted,2.0,compatible,,\n");
  order = version_order (fixture->store, "Odd");
  g_assert_cmpstr (order, ==, "beta delta gamma alpha");
  g_clear_pointer (&order, g_free);

  /* A sorted file keeps the manual order and adds by the comparator. */
  import_ok (fixture->store, CW_COMPAT_TABLE_PRODUCTS,
             PRODUCTS_HEADER "Odd,alpha,,,\nOdd,omega,,,\n");
  order = version_order (fixture->store, "Odd");
  g_assert_cmpstr (order, ==, "beta delta gamma alpha omega");
  g_clear_pointer (&order, g_free);

  /* A reordering file: its versions in its order, the others by the
   * comparator among them. */
  import_ok (fixture->store, CW_COMPAT_TABLE_PRODUCTS,
             PRODUCTS_HEADER "Odd,omega,,,\nOdd,beta,,,\nOdd,zeta,,,\n");
  order = version_order (fixture->store, "Odd");
  g_assert_cmpstr (order, ==, "alpha delta gamma omega beta zeta");
  g_clear_pointer (&order, g_free);

  /* A manual order also decides from_min and from_max. */
  import_ok (fixture->store, CW_COMPAT_TABLE_PATHS, PATHS_HEADER "Odd,omega,beta,zeta,\n");
  g_assert_cmpint (cw_store_count_table (fixture->store, "compat_paths", NULL), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/compat-csv/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/compat-csv/table-keys", test_table_keys);
  ADD ("import-products", test_import_products);
  ADD ("import-matrix", test_import_matrix);
  ADD ("import-paths", test_import_paths);
  ADD ("bad-products", test_bad_products);
  ADD ("bad-matrix", test_bad_matrix);
  ADD ("bad-paths", test_bad_paths);
  ADD ("header", test_header);
  ADD ("merge", test_merge);
  ADD ("manual-order", test_manual_order);

#undef ADD

  return g_test_run ();
}
