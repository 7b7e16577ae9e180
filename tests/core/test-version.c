/* test-version.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-version"

#include "config.h"

#include <string.h>

#include "cw-version.h"

#define SIGN(x) ((x) < 0 ? -1 : (x) > 0 ? 1 : 0)

/* Every pair of the list, in both directions: strictly ascending. */
static void
assert_ascending (const char * const *versions)
{
  for (guint i = 0; versions[i] != NULL; i++)
    {
      g_assert_cmpint (cw_version_compare (versions[i], versions[i]), ==, 0);

      for (guint j = i + 1; versions[j] != NULL; j++)
        {
          int forward = cw_version_compare (versions[i], versions[j]);
          int backward = cw_version_compare (versions[j], versions[i]);

          if (forward >= 0 || backward <= 0)
            g_error ("expected \"%s\" < \"%s\", got %d and %d",
                     versions[i], versions[j], forward, backward);
        }
    }
}

#define ASSERT_ASCENDING(...) \
  assert_ascending ((const char * const[]) { __VA_ARGS__, NULL })

static void
assert_equivalent (const char *a,
                   const char *b)
{
  if (!cw_version_equivalent (a, b) || !cw_version_equivalent (b, a))
    g_error ("expected \"%s\" and \"%s\" to be equivalent", a, b);

  /* Equivalent but different strings still compare non-zero, consistently. */
  if (g_strcmp0 (a, b) != 0)
    {
      g_assert_cmpint (cw_version_compare (a, b), !=, 0);
      g_assert_cmpint (cw_version_compare (a, b), ==, -cw_version_compare (b, a));
      g_assert_cmpint (SIGN (cw_version_compare (a, b)), ==, SIGN (strcmp (a, b)));
    }
}

static void
assert_not_equivalent (const char *a,
                       const char *b)
{
  if (cw_version_equivalent (a, b) || cw_version_equivalent (b, a))
    g_error ("expected \"%s\" and \"%s\" not to be equivalent", a, b);
}

/****************************************************************************/

static void
test_numeric (void)
{
  ASSERT_ASCENDING ("1", "1.0", "1.0.1", "1.2", "1.9.9", "1.10", "1.10.2", "2", "10");
  ASSERT_ASCENDING ("2.14.9", "2.15.0", "2.15.1", "2.15.10", "2.16");
  /* iDRAC, with leading zeros */
  ASSERT_ASCENDING ("6.9", "6.10.00.00", "6.10.30.00", "6.10.30.01", "6.10.80.00", "7.00.00.00");
  /* Ubuntu */
  ASSERT_ASCENDING ("20.04.6", "22.04", "22.04.1", "22.04.3", "22.10", "24.04");
  /* Exchange / SharePoint builds */
  ASSERT_ASCENDING ("15.0.4345.5", "15.0.4345.10", "15.0.5023.1000", "15.1.1");

  g_assert_cmpint (cw_version_compare ("1.10.2", "1.9.9"), >, 0);
  g_assert_cmpint (cw_version_compare ("6.10.30.00", "6.9"), >, 0);
  assert_equivalent ("01.2", "1.2");
  assert_equivalent ("6.10.30.00", "6.10.30.0");
  assert_equivalent ("22.04.3", "22.4.3");
  assert_not_equivalent ("1.2", "1.2.0");
}

static void
test_long_numbers (void)
{
  /* Longer than any integer type: compared by digits, without overflow. */
  ASSERT_ASCENDING ("1.18446744073709551615",
                    "1.18446744073709551616",
                    "1.99999999999999999999999999999",
                    "1.100000000000000000000000000000",
                    "2");
  assert_equivalent ("1.000000000000000000000000000000000042", "1.42");
  g_assert_cmpint (cw_version_compare ("99999999999999999999999999999999999999",
                                       "100000000000000000000000000000000000000"), <, 0);
  assert_equivalent ("0", "000");
  ASSERT_ASCENDING ("0", "0.0", "0.1", "00.2");
}

static void
test_cisco_ios_xe (void)
{
  ASSERT_ASCENDING ("17.3.8", "17.9.4", "17.9.4a", "17.9.4b", "17.9.4.1", "17.9.5", "17.9.5a",
                    "17.12.1");
  assert_equivalent ("17.9.4a", "17.9.4A");
  g_assert_cmpint (cw_version_compare ("17.9.4A", "17.9.4a"), <, 0);
  assert_not_equivalent ("17.9.4a", "17.9.4b");
  assert_not_equivalent ("17.9.4", "17.9.4a");
}

static void
test_cisco_ios (void)
{
  ASSERT_ASCENDING ("12.2(55)SE12", "15.0(2)SE11", "15.2(4)E10", "15.2(7)E7", "15.2(7)E8",
                    "15.2(8)E1", "15.2(8)E3", "15.2(10)E1", "15.3(1)", "15.3(3)JF15");
  ASSERT_ASCENDING ("15.2(7)", "15.2(7)E1", "15.2(7)E10");
}

static void
test_vmware (void)
{
  ASSERT_ASCENDING ("6.7", "6.7U3", "7.0", "7.0U1", "7.0U2", "7.0U3", "7.0.3.1", "8.0",
                    "8.0U1", "8.0U2");
  assert_equivalent ("7.0U3", "7.0.3");
  assert_equivalent ("7.0U3", "7.0u3");
  assert_equivalent ("7.0 U3", "7.0.3");
  assert_not_equivalent ("7.0U3", "7.0.2");
  assert_not_equivalent ("7.0U3", "7.0");
}

static void
test_netapp (void)
{
  ASSERT_ASCENDING ("9.11.1P8", "9.12.1", "9.12.1P1", "9.12.1P3", "9.12.1P10", "9.12.2",
                    "9.13.1", "9.13.1P1");
}

static void
test_check_point (void)
{
  ASSERT_ASCENDING ("R77.30", "R80.10", "R80.40", "R81", "R81.10", "R81.20", "R82");
  assert_equivalent ("R81.20", "r81.20");
  assert_equivalent ("R81.20", "81.20");
}

static void
test_junos (void)
{
  ASSERT_ASCENDING ("20.4R3-S9", "21.4R1", "21.4R1-S2", "21.4R3", "21.4R3-S1", "21.4R3-S5",
                    "21.4R3-S10", "22.1R1", "22.2R3-S1", "23.4R1");
}

static void
test_arista (void)
{
  ASSERT_ASCENDING ("4.27.0F", "4.28.3M", "4.28.10M", "4.30.1F", "4.30.2F");
  /* The same release in two trains: a letter order, never equal. */
  ASSERT_ASCENDING ("4.28.3", "4.28.3F", "4.28.3M");
}

static void
test_pre_releases (void)
{
  ASSERT_ASCENDING ("2.14.9", "2.15.0-dev", "2.15.0-dev3", "2.15.0-alpha", "2.15.0-alpha1",
                    "2.15.0-alpha.2", "2.15.0-beta1", "2.15.0-beta2", "2.15.0-pre1",
                    "2.15.0-rc1", "2.15.0-rc2", "2.15.0-rc10", "2.15.0", "2.15.0a", "2.15.0.1",
                    "2.15.1");
  assert_equivalent ("2.15.0-rc1", "2.15.0rc1");
  assert_equivalent ("2.15.0-RC1", "2.15.0-rc1");
  assert_equivalent ("2.0-pre1", "2.0-preview1");
  /* A pre-release word sorts first wherever it is. */
  ASSERT_ASCENDING ("2.15-rc1", "2.15", "2.15.0");
}

static void
test_dash_releases (void)
{
  /* Proxmox VE, Debian-style package releases */
  ASSERT_ASCENDING ("7.3-6", "7.4-3", "7.4-17", "8.0.3", "8.1.4", "8.2.2");
  assert_equivalent ("7.4-17", "7.4.17");
}

static void
test_word_families (void)
{
  /* HPE ProLiant system ROM: a family and a version */
  ASSERT_ASCENDING ("U30 1.00", "U30 2.90", "U30 3.10", "U32 1.50");
  /* HPE Service Pack for ProLiant */
  ASSERT_ASCENDING ("SP 5.9", "SP 5.11", "SP 6.0");
  /* Year and feature pack */
  ASSERT_ASCENDING ("2021 FPS01", "2021 FPS02", "2022 FPS01", "2022 FPS02", "2023");
  assert_equivalent ("SP 5.11", "SP5.11");
  assert_equivalent ("v1.2", "1.2");
}

static void
test_words (void)
{
  /* Case-insensitive, shorter first, then by letters. */
  ASSERT_ASCENDING ("", "a", "ab", "B", "bf", "c");
  assert_equivalent ("LTS", "lts");
  assert_equivalent ("", "...");
  assert_not_equivalent ("", "a");
  /* A trailing word reads before a further number. */
  ASSERT_ASCENDING ("1.2", "1.2a", "1.2z", "1.2.0");
}

static void
test_null (void)
{
  g_assert_cmpint (cw_version_compare (NULL, NULL), ==, 0);
  g_assert_cmpint (cw_version_compare (NULL, ""), <, 0);
  g_assert_cmpint (cw_version_compare ("", NULL), >, 0);
  g_assert_cmpint (cw_version_compare (NULL, "2.15.0-rc1"), <, 0);
  g_assert_cmpint (cw_version_compare ("2.15.0-rc1", NULL), >, 0);
  g_assert_cmpint (cw_version_compare (NULL, "1"), <, 0);

  g_assert_true (cw_version_equivalent (NULL, NULL));
  g_assert_false (cw_version_equivalent (NULL, ""));
  g_assert_false (cw_version_equivalent ("", NULL));
  g_assert_false (cw_version_equivalent ("1", NULL));
}

static void
test_only_equal_strings_compare_zero (void)
{
  static const char *pairs[][2] = {
    { "7.0U3", "7.0.3" },
    { "01.2", "1.2" },
    { "17.9.4a", "17.9.4A" },
    { "R81.20", "81.20" },
    { "2.15.0-rc1", "2.15.0rc1" },
    { "", "." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      g_autofree char *copy = g_strdup (pairs[i][0]);

      g_assert_true (cw_version_equivalent (pairs[i][0], pairs[i][1]));
      g_assert_cmpint (cw_version_compare (pairs[i][0], pairs[i][1]), !=, 0);
      /* Equal strings at different addresses compare 0. */
      g_assert_cmpint (cw_version_compare (pairs[i][0], copy), ==, 0);
    }
}

/****************************************************************************/

/* Every format above, mixed, with near-duplicates. */
static const char *all_versions[] = {
  "17.9.4a", "17.9.4", "17.9.4b", "17.9.5", "17.9.4A", "17.12.1",
  "15.2(7)E8", "15.2(7)E7", "15.2(8)E1", "15.3(1)", "15.2(7)", "12.2(55)SE12",
  "7.0U3", "7.0U1", "7.0", "8.0", "7.0.3", "7.0 U3", "7.0u3", "6.7U3",
  "9.12.1P3", "9.12.1P1", "9.12.1", "9.12.2", "9.13.1", "9.12.1P10",
  "R81.20", "R80.40", "R81", "R81.10", "r81.20", "81.20",
  "21.4R3-S5", "21.4R1", "21.4R3", "21.4R3-S1", "22.1R1", "21.4.3.5",
  "6.10.30.00", "6.10.30.0", "6.9", "06.10.30.00",
  "2.15.1", "2.15.0", "2.15.0-rc1", "2.15.0-rc2", "2.15.0rc1", "2.15.0-RC1",
  "2.15.0-alpha", "2.15.0-beta1", "2.15.0-pre1", "2.15.0-dev", "2.15.0-preview1",
  "1.10.2", "1.9.9", "1.10", "01.10.2",
  "4.28.3M", "4.30.1F", "4.28.3F", "4.28.3",
  "22.04.3", "22.04", "22.4.3",
  "7.4-17", "8.1.4", "7.4.17",
  "U30 2.90", "U30 3.10", "U32 1.50",
  "SP 5.11", "SP5.11", "SP 5.9",
  "2022 FPS01", "2021 FPS02", "2022FPS01",
  "15.0.4345.5", "15.0.4345.10",
  "", ".", "a", "B", "LTS", "lts", "v1.2", "1.2",
  "1.18446744073709551616", "1.99999999999999999999999999999",
  "\xc3\xa9t\xc3\xa9", "1.2-\xc3\xa9",
};

static void
test_antisymmetry (void)
{
  guint n = G_N_ELEMENTS (all_versions);

  for (guint i = 0; i < n; i++)
    for (guint j = 0; j < n; j++)
      {
        const char *a = all_versions[i];
        const char *b = all_versions[j];
        int ab = cw_version_compare (a, b);
        int ba = cw_version_compare (b, a);

        g_assert_cmpint (SIGN (ab), ==, -SIGN (ba));
        g_assert_cmpint (ab == 0, ==, strcmp (a, b) == 0);
        g_assert_cmpint (cw_version_equivalent (a, b), ==, cw_version_equivalent (b, a));
        /* Equivalence is the first key. */
        if (!cw_version_equivalent (a, b))
          g_assert_cmpint (ab, !=, 0);
      }
}

static void
test_transitivity (void)
{
  guint n = G_N_ELEMENTS (all_versions);

  for (guint i = 0; i < n; i++)
    for (guint j = 0; j < n; j++)
      {
        int ij = cw_version_compare (all_versions[i], all_versions[j]);
        gboolean eq_ij = cw_version_equivalent (all_versions[i], all_versions[j]);

        if (ij > 0)
          continue;

        for (guint k = 0; k < n; k++)
          {
            int jk = cw_version_compare (all_versions[j], all_versions[k]);

            if (jk <= 0)
              g_assert_cmpint (cw_version_compare (all_versions[i], all_versions[k]), <=, 0);
            if (eq_ij && cw_version_equivalent (all_versions[j], all_versions[k]))
              g_assert_true (cw_version_equivalent (all_versions[i], all_versions[k]));
          }
      }
}

static GPtrArray *
sorted_shuffle (guint32 seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  GPtrArray *array = g_ptr_array_new ();
  guint n = G_N_ELEMENTS (all_versions);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (array, (gpointer) all_versions[i]);

  /* Fisher-Yates */
  for (guint i = n - 1; i > 0; i--)
    {
      guint j = g_rand_int_range (rand, 0, i + 1);
      gpointer tmp = array->pdata[i];

      array->pdata[i] = array->pdata[j];
      array->pdata[j] = tmp;
    }

  g_ptr_array_sort (array, cw_version_compare_ptr);
  return array;
}

static guint
index_of (GPtrArray  *array,
          const char *version)
{
  for (guint i = 0; i < array->len; i++)
    if (strcmp (array->pdata[i], version) == 0)
      return i;

  g_assert_not_reached ();
}

static void
test_sort (void)
{
  g_autoptr(GPtrArray) first = sorted_shuffle (1);

  /* Any input order gives the same order. */
  for (guint32 seed = 2; seed < 40; seed++)
    {
      g_autoptr(GPtrArray) other = sorted_shuffle (seed);

      g_assert_cmpuint (other->len, ==, first->len);
      for (guint i = 0; i < first->len; i++)
        g_assert_cmpstr (other->pdata[i], ==, first->pdata[i]);
    }

  /* Reversed input too. */
  {
    g_autoptr(GPtrArray) reversed = g_ptr_array_new ();

    for (guint i = first->len; i > 0; i--)
      g_ptr_array_add (reversed, first->pdata[i - 1]);
    g_ptr_array_sort (reversed, cw_version_compare_ptr);
    for (guint i = 0; i < first->len; i++)
      g_assert_cmpstr (reversed->pdata[i], ==, first->pdata[i]);
  }

  /* The result is ascending over every pair, not just neighbours. */
  for (guint i = 0; i < first->len; i++)
    for (guint j = i + 1; j < first->len; j++)
      g_assert_cmpint (cw_version_compare (first->pdata[i], first->pdata[j]), <, 0);

  /* Some landmarks of the mixed order. */
  g_assert_cmpuint (index_of (first, "2.15.0-rc1"), <, index_of (first, "2.15.0"));
  g_assert_cmpuint (index_of (first, "7.0"), <, index_of (first, "7.0U3"));
  g_assert_cmpuint (index_of (first, "7.0U3"), <, index_of (first, "8.0"));
  g_assert_cmpuint (index_of (first, "R81"), <, index_of (first, "R81.20"));
  g_assert_cmpuint (index_of (first, "1.9.9"), <, index_of (first, "1.10.2"));
  g_assert_cmpuint (index_of (first, "21.4R3-S5"), <, index_of (first, "22.1R1"));

  /* Equivalent strings end up next to each other. */
  {
    guint a = index_of (first, "7.0U3");
    guint b = index_of (first, "7.0.3");

    for (guint i = MIN (a, b); i <= MAX (a, b); i++)
      g_assert_true (cw_version_equivalent (first->pdata[i], "7.0.3"));
  }
}

static void
test_compare_ptr (void)
{
  const char *a = "7.0U3";
  const char *b = "8.0";
  const char *null = NULL;

  g_assert_cmpint (cw_version_compare_ptr (&a, &b), <, 0);
  g_assert_cmpint (cw_version_compare_ptr (&b, &a), >, 0);
  g_assert_cmpint (cw_version_compare_ptr (&a, &a), ==, 0);
  g_assert_cmpint (cw_version_compare_ptr (&null, &a), <, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/version/numeric", test_numeric);
  g_test_add_func ("/version/long-numbers", test_long_numbers);
  g_test_add_func ("/version/cisco-ios-xe", test_cisco_ios_xe);
  g_test_add_func ("/version/cisco-ios", test_cisco_ios);
  g_test_add_func ("/version/vmware", test_vmware);
  g_test_add_func ("/version/netapp", test_netapp);
  g_test_add_func ("/version/check-point", test_check_point);
  g_test_add_func ("/version/junos", test_junos);
  g_test_add_func ("/version/arista", test_arista);
  g_test_add_func ("/version/pre-releases", test_pre_releases);
  g_test_add_func ("/version/dash-releases", test_dash_releases);
  g_test_add_func ("/version/word-families", test_word_families);
  g_test_add_func ("/version/words", test_words);
  g_test_add_func ("/version/null", test_null);
  g_test_add_func ("/version/only-equal-strings-compare-zero", test_only_equal_strings_compare_zero);
  g_test_add_func ("/version/antisymmetry", test_antisymmetry);
  g_test_add_func ("/version/transitivity", test_transitivity);
  g_test_add_func ("/version/sort", test_sort);
  g_test_add_func ("/version/compare-ptr", test_compare_ptr);

  return g_test_run ();
}
