/* test-compat-matrix.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-compat-matrix"

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "cw-compat.h"
#include "cw-inventory.h"
#include "cw-store-private.h"
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

static CwCi *
make_ci (const char *klass,
         const char *manufacturer,
         const char *model,
         const char *firmware,
         const char *os)
{
  const char *values[CW_CI_N_FIELDS] = { NULL };

  values[CW_CI_FIELD_CLASS] = klass;
  values[CW_CI_FIELD_NAME] = "ci";
  values[CW_CI_FIELD_MANUFACTURER] = manufacturer;
  values[CW_CI_FIELD_MODEL] = model;
  values[CW_CI_FIELD_FIRMWARE_VERSION] = firmware;
  values[CW_CI_FIELD_OS_VERSION] = os;

  return cw_ci_new (1, values, 0, NULL, "2026-01-01T00:00:00Z");
}

/* ---- verdict cells ------------------------------------------------------- */

static void
assert_cell (Fixture         *fixture,
             gint64           a,
             gint64           b,
             CwCompatVerdict  verdict,
             const char      *note)
{
  g_autoptr(GError) error = NULL;
  CwCompatCell cell;

  g_assert_true (cw_compat_get_cell (fixture->store, a, b, &cell, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cell.version_a, ==, MIN (a, b));
  g_assert_cmpint (cell.version_b, ==, MAX (a, b));
  g_assert_cmpint (cell.verdict, ==, verdict);
  g_assert_cmpstr (cell.note, ==, note);
  g_free (cell.note);
  g_free (cell.source);
}

static void
test_cells (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cells = NULL;
  gint64 p = add_product (fixture, "NX-OS");
  gint64 q = add_product (fixture, "UCS");
  gint64 r = add_product (fixture, "Unrelated");
  gint64 p1 = add_version (fixture, p, "9.3(10)");
  gint64 p2 = add_version (fixture, p, "10.2(5)");
  gint64 q1 = add_version (fixture, q, "4.2(3)");
  gint64 q2 = add_version (fixture, q, "4.3(2)");
  gint64 r1 = add_version (fixture, r, "1.0");
  gint64 pairs[] = { q2, p1, p2, q1, q2, p2 };
  gint64 same[] = { p2, p1 };
  gint64 bad[] = { q1, p1, q2, 999 };
  gint64 other[] = { r1, p1 };
  CwCompatCell cell;

  /* Nothing recorded: untested, FALSE without an error. */
  g_assert_false (cw_compat_get_cell (fixture->store, q1, p1, &cell, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cell.verdict, ==, CW_COMPAT_VERDICT_UNTESTED);
  g_assert_null (cell.note);

  g_assert_true (cw_compat_set_cells (fixture->store, pairs, 3, CW_COMPAT_VERDICT_CAVEAT,
                                      "Needs the 4.2 driver", "https://example.com/matrix", &error));
  g_assert_no_error (error);
  g_assert_true (cw_compat_set_cells (fixture->store, same, 1, CW_COMPAT_VERDICT_INCOMPATIBLE,
                                      NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (cw_compat_set_cells (fixture->store, other, 1, CW_COMPAT_VERDICT_COMPATIBLE,
                                      NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cw_test_store_int (fixture, "SELECT COUNT(*) FROM compat_verdicts "
                                               "WHERE version_a > version_b"), ==, 0);
  g_assert_cmpint (cw_test_store_int (fixture, "SELECT COUNT(*) FROM compat_verdicts"), ==, 5);

  assert_cell (fixture, p1, q2, CW_COMPAT_VERDICT_CAVEAT, "Needs the 4.2 driver");
  assert_cell (fixture, q2, p1, CW_COMPAT_VERDICT_CAVEAT, "Needs the 4.2 driver");
  assert_cell (fixture, p1, p2, CW_COMPAT_VERDICT_INCOMPATIBLE, NULL);

  /* Either order of products lists the same cells; the same product twice
   * lists its own pairs only. */
  for (guint order = 0; order < 2; order++)
    {
      cells = order == 0 ? cw_compat_list_cells (fixture->store, p, q, &error)
                         : cw_compat_list_cells (fixture->store, q, p, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (cells->len, ==, 3);
      for (guint i = 0; i < cells->len; i++)
        {
          const CwCompatCell *c = g_ptr_array_index (cells, i);

          g_assert_cmpint (c->version_a, <, c->version_b);
          g_assert_cmpint (c->verdict, ==, CW_COMPAT_VERDICT_CAVEAT);
          g_assert_cmpstr (c->source, ==, "https://example.com/matrix");
        }
      g_clear_pointer (&cells, g_ptr_array_unref);
    }
  cells = cw_compat_list_cells (fixture->store, p, p, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cells->len, ==, 1);
  g_assert_cmpint (((CwCompatCell *) cells->pdata[0])->version_a, ==, MIN (p1, p2));
  g_clear_pointer (&cells, g_ptr_array_unref);
  cells = cw_compat_list_cells (fixture->store, q, q, &error);
  g_assert_cmpuint (cells->len, ==, 0);
  g_clear_pointer (&cells, g_ptr_array_unref);

  /* Setting again replaces the verdict, note and source. */
  g_assert_true (cw_compat_set_cells (fixture->store, pairs, 1, CW_COMPAT_VERDICT_COMPATIBLE,
                                      "Tested in the lab", NULL, &error));
  g_assert_no_error (error);
  assert_cell (fixture, p1, q2, CW_COMPAT_VERDICT_COMPATIBLE, "Tested in the lab");
  assert_cell (fixture, p2, q1, CW_COMPAT_VERDICT_CAVEAT, "Needs the 4.2 driver");

  /* A missing version: nothing is written, not even the good pair. */
  g_assert_false (cw_compat_set_cells (fixture->store, bad, 2, CW_COMPAT_VERDICT_INCOMPATIBLE,
                                       NULL, NULL, &error));
  g_assert_error (error, CW_COMPAT_ERROR, CW_COMPAT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (cw_compat_get_cell (fixture->store, q1, p1, &cell, &error));
  g_assert_no_error (error);

  /* Clearing forgets cells in either order. */
  g_assert_true (cw_compat_clear_cells (fixture->store, pairs, 2, &error));
  g_assert_no_error (error);
  g_assert_false (cw_compat_get_cell (fixture->store, p1, q2, &cell, &error));
  g_assert_false (cw_compat_get_cell (fixture->store, q1, p2, &cell, &error));
  assert_cell (fixture, q2, p2, CW_COMPAT_VERDICT_CAVEAT, "Needs the 4.2 driver");

  /* Deleting a version deletes its cells. */
  g_assert_true (cw_compat_delete_version (fixture->store, p1, &error));
  g_assert_cmpint (cw_test_store_int (fixture, "SELECT COUNT(*) FROM compat_verdicts"), ==, 1);
}

/* ---- rules --------------------------------------------------------------- */

static void
test_rule_matching (void)
{
  const struct {
    const char *manufacturer, *klass, *pattern;
    CwCiField   field;
    const char *prefix;
    const char *ci_class, *ci_manufacturer, *ci_model, *ci_firmware, *ci_os;
    const char *expected;   /* NULL: no match */
  } cases[] = {
    { "Cisco", "switch", "Catalyst 9*", CW_CI_FIELD_OS_VERSION, "",
      "switch", "CISCO", "catalyst 9300-48P", NULL, "17.9.4a", "17.9.4a" },
    { "Cisco", "switch", "Catalyst 9*", CW_CI_FIELD_OS_VERSION, "",
      "switch", "Cisco", "Catalyst 3850", NULL, "16.12.4", NULL },
    { "Cisco", "switch", NULL, CW_CI_FIELD_OS_VERSION, "",
      "router", "Cisco", "ISR 4451", NULL, "17.9.4a", NULL },
    { "Cisco", NULL, NULL, CW_CI_FIELD_OS_VERSION, "",
      "router", "Cisco Systems", "ISR 4451", NULL, "17.9.4a", NULL },
    { NULL, NULL, NULL, CW_CI_FIELD_OS_VERSION, "RHEL ",
      "server", "Dell", "R750", "2.15.1", "rhel 9.2 ", "9.2" },
    { NULL, NULL, NULL, CW_CI_FIELD_OS_VERSION, "RHEL ",
      "server", "Dell", "R750", "2.15.1", "Ubuntu 22.04", NULL },
    { NULL, NULL, NULL, CW_CI_FIELD_OS_VERSION, "RHEL ",
      "server", "Dell", "R750", "2.15.1", NULL, "" },
    { "Dell", "server", "R?50", CW_CI_FIELD_FIRMWARE_VERSION, "",
      "server", "dell", "R650", "  6.10.30.00", "RHEL 9.2", "6.10.30.00" },
    { "Dell", "server", "R?50", CW_CI_FIELD_FIRMWARE_VERSION, "",
      "server", "Dell", "R7500", "6.10.30.00", NULL, NULL },
    { "Dell", NULL, "*", CW_CI_FIELD_FIRMWARE_VERSION, "",
      "server", NULL, "R650", "6.10.30.00", NULL, NULL },
    { NULL, NULL, "*", CW_CI_FIELD_FIRMWARE_VERSION, "",
      "server", NULL, NULL, "", NULL, "" },
    { NULL, NULL, "Catalyst*", CW_CI_FIELD_FIRMWARE_VERSION, "",
      "switch", NULL, NULL, "1.0", NULL, NULL },
    { NULL, "firewall", NULL, CW_CI_FIELD_OS_VERSION, "R",
      "firewall", "Check Point", "6200", NULL, "R81.20", "81.20" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CwCompatRule rule = {
        .manufacturer = (char *) cases[i].manufacturer,
        .ci_class = (char *) cases[i].klass,
        .model_pattern = (char *) cases[i].pattern,
        .field = cases[i].field,
        .version_prefix = (char *) cases[i].prefix,
      };
      g_autoptr(CwCi) ci = make_ci (cases[i].ci_class, cases[i].ci_manufacturer, cases[i].ci_model,
                                    cases[i].ci_firmware, cases[i].ci_os);
      g_autofree char *version = NULL;
      gboolean matches = cw_compat_rule_matches (&rule, ci, &version);

      g_test_message ("case %u", i);
      g_assert_cmpint (matches, ==, cases[i].expected != NULL);
      g_assert_cmpstr (version, ==, cases[i].expected);
      g_assert_cmpint (cw_compat_rule_matches (&rule, ci, NULL), ==, matches);
    }
}

static void
test_rules (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rules = NULL;
  gint64 zeta = add_product (fixture, "zeta");
  gint64 alpha = add_product (fixture, "Alpha");
  CwCompatRule rule = { .product_id = zeta, .manufacturer = "Cisco", .ci_class = "switch",
                        .model_pattern = "Catalyst 9*", .field = CW_CI_FIELD_OS_VERSION };
  gint64 first;
  gint64 second;

  first = cw_compat_add_rule (fixture->store, &rule, &error);
  g_assert_no_error (error);
  rule = (CwCompatRule) { .product_id = alpha, .ci_class = "", .field = CW_CI_FIELD_FIRMWARE_VERSION,
                          .version_prefix = "BIOS " };
  second = cw_compat_add_rule (fixture->store, &rule, &error);
  g_assert_no_error (error);

  rule.field = CW_CI_FIELD_MODEL;
  g_assert_cmpint (cw_compat_add_rule (fixture->store, &rule, &error), ==, 0);
  g_assert_error (error, CW_COMPAT_ERROR, CW_COMPAT_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  rule.field = CW_CI_FIELD_OS_VERSION;
  rule.ci_class = "spaceship";
  g_assert_cmpint (cw_compat_add_rule (fixture->store, &rule, &error), ==, 0);
  g_assert_error (error, CW_COMPAT_ERROR, CW_COMPAT_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  rule.ci_class = NULL;
  rule.product_id = 999;
  g_assert_cmpint (cw_compat_add_rule (fixture->store, &rule, &error), ==, 0);
  g_assert_error (error, CW_COMPAT_ERROR, CW_COMPAT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  rules = cw_compat_list_rules (fixture->store, zeta, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rules->len, ==, 1);
  {
    const CwCompatRule *read = g_ptr_array_index (rules, 0);

    g_assert_cmpint (read->id, ==, first);
    g_assert_cmpstr (read->manufacturer, ==, "Cisco");
    g_assert_cmpstr (read->ci_class, ==, "switch");
    g_assert_cmpstr (read->model_pattern, ==, "Catalyst 9*");
    g_assert_cmpint (read->field, ==, CW_CI_FIELD_OS_VERSION);
    g_assert_cmpstr (read->version_prefix, ==, "");
  }
  g_clear_pointer (&rules, g_ptr_array_unref);

  rules = cw_compat_list_all_rules (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rules->len, ==, 2);
  g_assert_cmpint (((CwCompatRule *) rules->pdata[0])->id, ==, second);
  g_assert_null (((CwCompatRule *) rules->pdata[0])->ci_class);
  g_assert_null (((CwCompatRule *) rules->pdata[0])->manufacturer);
  g_assert_cmpstr (((CwCompatRule *) rules->pdata[0])->version_prefix, ==, "BIOS ");
  g_assert_cmpint (((CwCompatRule *) rules->pdata[1])->id, ==, first);
  g_clear_pointer (&rules, g_ptr_array_unref);

  g_assert_true (cw_compat_delete_rule (fixture->store, first, &error));
  g_assert_no_error (error);
  g_assert_false (cw_compat_delete_rule (fixture->store, first, &error));
  g_assert_error (error, CW_COMPAT_ERROR, CW_COMPAT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  rules = cw_compat_list_rules (fixture->store, zeta, &error);
  g_assert_cmpuint (rules->len, ==, 0);
}

/* ---- components and cascades -------------------------------------------- */

static gint64
insert_ci (Fixture    *fixture,
           const char *name,
           const char *model,
           const char *firmware,
           const char *os)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO cis (class, name, manufacturer, model, "
                                          "firmware_version, os_version, updated_at) VALUES "
                                          "('server', '%s', 'Dell', '%s', '%s', '%s', "
                                          "'2026-01-01T00:00:00Z')",
                                          name, model, firmware, os);

  cw_test_store_exec (fixture, sql);
  return sqlite3_last_insert_rowid (cw_store_get_handle (fixture->store));
}

static GPtrArray *
components_of (Fixture *fixture,
               gint64   ci_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwCi) ci = cw_inventory_get_ci (fixture->store, ci_id, &error);
  GPtrArray *components;

  g_assert_no_error (error);
  components = cw_compat_list_components (fixture->store, ci, &error);
  g_assert_no_error (error);

  return components;
}

static void
assert_component (GPtrArray  *components,
                  guint       index,
                  gint64      product_id,
                  const char *version,
                  gboolean    explicit)
{
  const CwCompatComponent *component;

  g_assert_cmpuint (index, <, components->len);
  component = g_ptr_array_index (components, index);
  g_assert_cmpint (component->product_id, ==, product_id);
  g_assert_cmpstr (component->version, ==, version);
  g_assert_cmpint (component->explicit, ==, explicit);
}

static void
add_simple_rule (Fixture    *fixture,
                 gint64      product_id,
                 const char *pattern,
                 CwCiField   field,
                 const char *prefix)
{
  g_autoptr(GError) error = NULL;
  CwCompatRule rule = { .product_id = product_id, .manufacturer = "dell", .model_pattern = (char *) pattern,
                        .field = field, .version_prefix = (char *) prefix };

  g_assert_cmpint (cw_compat_add_rule (fixture->store, &rule, &error), >, 0);
  g_assert_no_error (error);
}

static void
test_components (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) components = NULL;
  gint64 idrac = add_product (fixture, "iDRAC");
  gint64 rhel = add_product (fixture, "RHEL");
  gint64 postgres = add_product (fixture, "PostgreSQL");
  gint64 bios = add_product (fixture, "bios");
  gint64 r750 = insert_ci (fixture, "db1", "PowerEdge R750", "6.10.30.00", "RHEL 9.2");
  gint64 r650 = insert_ci (fixture, "web1", "PowerEdge R650", "5.10.50.00", "Ubuntu 22.04");

  add_simple_rule (fixture, idrac, "PowerEdge*", CW_CI_FIELD_FIRMWARE_VERSION, "");
  add_simple_rule (fixture, rhel, NULL, CW_CI_FIELD_OS_VERSION, "RHEL ");
  add_simple_rule (fixture, bios, "*R750", CW_CI_FIELD_FIRMWARE_VERSION, "");

  components = components_of (fixture, r750);
  g_assert_cmpuint (components->len, ==, 3);
  assert_component (components, 0, bios, "6.10.30.00", FALSE);
  assert_component (components, 1, idrac, "6.10.30.00", FALSE);
  assert_component (components, 2, rhel, "9.2", FALSE);
  g_clear_pointer (&components, g_ptr_array_unref);

  /* Explicit components add products and replace a rule's match. */
  g_assert_true (cw_compat_set_component (fixture->store, r750, postgres, "15.4", &error));
  g_assert_no_error (error);
  g_assert_true (cw_compat_set_component (fixture->store, r750, rhel, "9.3", &error));
  g_assert_no_error (error);
  g_assert_true (cw_compat_set_component (fixture->store, r750, rhel, " 9.4 ", &error));
  g_assert_no_error (error);
  components = components_of (fixture, r750);
  g_assert_cmpuint (components->len, ==, 4);
  assert_component (components, 0, bios, "6.10.30.00", FALSE);
  assert_component (components, 1, idrac, "6.10.30.00", FALSE);
  assert_component (components, 2, postgres, "15.4", TRUE);
  assert_component (components, 3, rhel, "9.4", TRUE);
  g_clear_pointer (&components, g_ptr_array_unref);

  /* The other CI: no RHEL prefix, no R750. */
  components = components_of (fixture, r650);
  g_assert_cmpuint (components->len, ==, 1);
  assert_component (components, 0, idrac, "5.10.50.00", FALSE);
  g_clear_pointer (&components, g_ptr_array_unref);

  g_assert_false (cw_compat_set_component (fixture->store, r750, postgres, "  ", &error));
  g_assert_error (error, CW_COMPAT_ERROR, CW_COMPAT_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_false (cw_compat_set_component (fixture->store, 999, postgres, "15.4", &error));
  g_assert_error (error, CW_COMPAT_ERROR, CW_COMPAT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (cw_compat_set_component (fixture->store, r750, 999, "15.4", &error));
  g_assert_error (error, CW_COMPAT_ERROR, CW_COMPAT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Removing the explicit one brings the rule's match back. */
  g_assert_true (cw_compat_set_component (fixture->store, r750, rhel, NULL, &error));
  g_assert_no_error (error);
  components = components_of (fixture, r750);
  g_assert_cmpuint (components->len, ==, 4);
  assert_component (components, 3, rhel, "9.2", FALSE);
  g_clear_pointer (&components, g_ptr_array_unref);

  /* Deleting a CI deletes its components. */
  cw_test_store_exec (fixture, "DELETE FROM cis WHERE name = 'db1'");
  g_assert_cmpint (cw_test_store_int (fixture, "SELECT COUNT(*) FROM compat_ci_components"), ==, 0);
}

static void
test_cascade (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 doomed = add_product (fixture, "Doomed");
  gint64 kept = add_product (fixture, "Kept");
  gint64 d1 = add_version (fixture, doomed, "1.0");
  gint64 d2 = add_version (fixture, doomed, "2.0");
  gint64 k1 = add_version (fixture, kept, "1.0");
  gint64 pairs[] = { d1, k1, d1, d2 };
  gint64 ci = insert_ci (fixture, "app1", "R750", "1.0", "1.0");
  CwCompatRule rule = { .product_id = doomed, .field = CW_CI_FIELD_OS_VERSION };

  g_assert_true (cw_compat_set_cells (fixture->store, pairs, 2, CW_COMPAT_VERDICT_COMPATIBLE, NULL, NULL, &error));
  g_assert_cmpint (cw_compat_add_rule (fixture->store, &rule, &error), >, 0);
  g_assert_cmpint (cw_compat_add_path (fixture->store, doomed, "1.0", "1.0", "2.0", NULL, &error), >, 0);
  g_assert_true (cw_compat_set_component (fixture->store, ci, doomed, "2.0", &error));
  g_assert_true (cw_compat_set_component (fixture->store, ci, kept, "1.0", &error));
  g_assert_no_error (error);

  g_assert_true (cw_compat_delete_product (fixture->store, doomed, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cw_test_store_int (fixture, "SELECT COUNT(*) FROM compat_versions"), ==, 1);
  g_assert_cmpint (cw_test_store_int (fixture, "SELECT COUNT(*) FROM compat_verdicts"), ==, 0);
  g_assert_cmpint (cw_test_store_int (fixture, "SELECT COUNT(*) FROM compat_rules"), ==, 0);
  g_assert_cmpint (cw_test_store_int (fixture, "SELECT COUNT(*) FROM compat_paths"), ==, 0);
  g_assert_cmpint (cw_test_store_int (fixture, "SELECT COUNT(*) FROM compat_ci_components"), ==, 1);
  g_assert_cmpint (cw_test_store_int (fixture, "SELECT COUNT(*) FROM cis"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/compat-matrix/rule-matching", test_rule_matching);

#define ADD(name, func) \
  g_test_add ("/core/compat-matrix/" name, Fixture, NULL, cw_test_store_set_up, func, \
              cw_test_store_tear_down)

  ADD ("cells", test_cells);
  ADD ("rules", test_rules);
  ADD ("components", test_components);
  ADD ("cascade", test_cascade);

#undef ADD

  return g_test_run ();
}
