/* test-compat-check.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-compat-check"

#include "config.h"

#include "test-compat-check.h"

/* ---- path finding ----------------------------------------------------------- */

static void
test_path_direct (Fixture       *fixture,
                  gconstpointer  data)
{
  gint64 nxos = add_product (fixture, "NX-OS", "9.3(5)", "9.3(9)", "10.2(3)", "10.2(5)", NULL);
  g_auto(GStrv) direct = NULL;
  g_auto(GStrv) same = NULL;
  g_autoptr(GError) error = NULL;
  GStrv none;

  add_path (fixture, nxos, "9.3(5)", "9.3(9)", "10.2(5)");

  direct = find_path (fixture, nxos, "9.3(5)", "10.2(5)");
  assert_strv (direct, "10.2(5)", NULL);

  same = find_path (fixture, nxos, "10.2(5)", "10.2(5)");
  g_assert_nonnull (same);
  g_assert_cmpuint (g_strv_length (same), ==, 0);

  /* The hop is one way: nothing leads back, and 10.2(3) is not in the range. */
  g_assert_null (find_path (fixture, nxos, "10.2(5)", "9.3(9)"));
  g_assert_null (find_path (fixture, nxos, "10.2(3)", "10.2(5)"));

  none = cw_compat_find_path (fixture->store, nxos + 100, "9.3(5)", "10.2(5)", &error);
  g_assert_error (error, CW_COMPAT_ERROR, CW_COMPAT_ERROR_NOT_FOUND);
  g_assert_null (none);
}

static void
test_path_multi_hop (Fixture       *fixture,
                     gconstpointer  data)
{
  gint64 esxi = add_product (fixture, "ESXi", "6.5", "6.7", "7.0", "7.0U3", "8.0", "8.0U2", NULL);
  g_auto(GStrv) shortest = NULL;
  g_auto(GStrv) tie = NULL;
  g_auto(GStrv) from_middle = NULL;

  /* 6.5 -> 6.7 -> 7.0 -> 8.0 is three hops; 6.5 -> 7.0 -> 8.0 two. */
  add_path (fixture, esxi, "6.5", "6.5", "6.7");
  add_path (fixture, esxi, "6.7", "6.7", "7.0");
  add_path (fixture, esxi, "6.5", "6.7", "7.0");
  add_path (fixture, esxi, "7.0", "7.0", "8.0");
  add_path (fixture, esxi, "8.0", "8.0", "8.0U2");
  shortest = find_path (fixture, esxi, "6.5", "8.0");
  assert_strv (shortest, "7.0", "8.0", NULL);

  /* Two chains of two hops: the one through the later release wins. */
  add_path (fixture, esxi, "6.5", "6.7", "7.0U3");
  add_path (fixture, esxi, "7.0U3", "7.0U3", "8.0");
  tie = find_path (fixture, esxi, "6.5", "8.0");
  assert_strv (tie, "7.0U3", "8.0", NULL);

  from_middle = find_path (fixture, esxi, "6.7", "8.0U2");
  assert_strv (from_middle, "7.0U3", "8.0", "8.0U2", NULL);

  /* Nothing leads to 6.7 from 7.0, and no hop goes down. */
  g_assert_null (find_path (fixture, esxi, "7.0", "6.7"));
}

static void
test_path_range_bounds (Fixture       *fixture,
                        gconstpointer  data)
{
  gint64 ontap = add_product (fixture, "ONTAP", "9.8", "9.9.1", "9.10.1", "9.11.1", "9.12.1P3", NULL);
  g_auto(GStrv) low = NULL;
  g_auto(GStrv) high = NULL;
  g_auto(GStrv) unlisted = NULL;

  add_path (fixture, ontap, "9.9.1", "9.10.1", "9.12.1P3");

  low = find_path (fixture, ontap, "9.9.1", "9.12.1P3");
  assert_strv (low, "9.12.1P3", NULL);
  high = find_path (fixture, ontap, "9.10.1", "9.12.1P3");
  assert_strv (high, "9.12.1P3", NULL);
  /* A version nobody listed, inside the range by the comparator. */
  unlisted = find_path (fixture, ontap, "9.10.0", "9.12.1P3");
  assert_strv (unlisted, "9.12.1P3", NULL);

  g_assert_null (find_path (fixture, ontap, "9.8", "9.12.1P3"));
  g_assert_null (find_path (fixture, ontap, "9.11.1", "9.12.1P3"));
}

static void
test_path_manual_order (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 fw = add_product (fixture, "iDRAC", "3.1", "3.2", "3.10", NULL);
  g_auto(GStrv) manual = NULL;

  /* The vendor's 3.10 came between 3.1 and 3.2. */
  add_path (fixture, fw, "3.1", "3.10", "3.2");
  g_assert_null (find_path (fixture, fw, "3.10", "3.2"));

  g_assert_true (cw_compat_move_version (fixture->store, version_id (fixture, fw, "3.10"), 1, &error));
  g_assert_no_error (error);
  manual = find_path (fixture, fw, "3.10", "3.2");
  assert_strv (manual, "3.2", NULL);

  g_assert_true (cw_compat_reset_order (fixture->store, fw, &error));
  g_assert_no_error (error);
  g_assert_null (find_path (fixture, fw, "3.10", "3.2"));
}

/* ---- the check: one workspace with every kind of finding --------------------- */

typedef struct
{
  gint64 nxos, bmc, pg, esxi;
  gint64 sw1, sw_new, sw_old, sw_unknown, sw_at, rtr;
  gint64 db1, srv1, srv2;
} Scene;

static void
scene_set_up (Fixture *fixture,
              Scene   *s)
{
  gint64 target;

  s->nxos = add_product (fixture, "NX-OS", "9.3(5)", "9.3(9)", "10.2(3)", "10.2(5)", "10.3(1)", NULL);
  s->bmc = add_product (fixture, "Nexus BMC", "4.1", "4.2", NULL);
  s->pg = add_product (fixture, "PostgreSQL", "14.10", "15.4", "15.5", "16.1", NULL);
  s->esxi = add_product (fixture, "ESXi", "7.0U3", "8.0", NULL);
  add_rule (fixture, s->nxos, "Cisco", "switch", "Nexus 9*", CW_CI_FIELD_OS_VERSION, NULL);
  add_rule (fixture, s->bmc, "cisco", NULL, "nexus 9*", CW_CI_FIELD_FIRMWARE_VERSION, NULL);
  add_rule (fixture, s->pg, NULL, "database", NULL, CW_CI_FIELD_OS_VERSION, "PostgreSQL ");
  add_rule (fixture, s->esxi, "VMware", NULL, NULL, CW_CI_FIELD_OS_VERSION, "ESXi ");

  add_path (fixture, s->nxos, "9.3(5)", "9.3(9)", "10.2(3)");
  add_path (fixture, s->nxos, "10.2(3)", "10.2(3)", "10.2(5)");

  target = version_id (fixture, s->nxos, "10.2(5)");
  set_cell (fixture, target, version_id (fixture, s->bmc, "4.1"), CW_COMPAT_VERDICT_CAVEAT,
            "Reload the BMC after the upgrade", "https://example.com/kb/123");
  set_cell (fixture, target, version_id (fixture, s->pg, "14.10"), CW_COMPAT_VERDICT_INCOMPATIBLE,
            "Replication breaks", "Release notes 10.2(5)");
  set_cell (fixture, version_id (fixture, s->pg, "15.4"), target, CW_COMPAT_VERDICT_COMPATIBLE, NULL, NULL);
  set_cell (fixture, target, version_id (fixture, s->pg, "15.5"), CW_COMPAT_VERDICT_CAVEAT, NULL, NULL);
  set_cell (fixture, target, version_id (fixture, s->pg, "16.1"), CW_COMPAT_VERDICT_INCOMPATIBLE, NULL, NULL);
  set_cell (fixture, target, target, CW_COMPAT_VERDICT_COMPATIBLE, NULL, NULL);

  s->sw1 = add_switch (fixture, "sw-fra-01", "9.3(9)");
  s->sw_new = add_switch (fixture, "sw-fra-02", "10.3(1)");
  s->sw_old = add_switch (fixture, "sw-fra-03", "9.2(1)");
  s->sw_unknown = add_switch (fixture, "sw-fra-04", NULL);
  s->sw_at = add_switch (fixture, "sw-fra-05", "10.2(5)");
  s->rtr = add_ci (fixture, "rtr-fra-01", "router", "Juniper", "MX204", NULL, "21.4R3-S5", 1);
  s->db1 = add_ci (fixture, "db-fra-01", "database", NULL, NULL, NULL, "PostgreSQL 14.10", 1);
  s->srv1 = add_ci (fixture, "esx-fra-01", "hypervisor", "VMware", "ESXi", NULL, "ESXi 8.0", 2);
  s->srv2 = add_ci (fixture, "esx-fra-02", "hypervisor", "VMware", "ESXi", NULL, "ESXi 6.0", 2);

  /* sw1 depends on the database (outgoing), a host is connected to sw1
   * (incoming), and sw1 runs on... nothing: part_of a second host. */
  relate (fixture, s->sw1, "depends_on", s->db1);
  relate (fixture, s->srv1, "connected_to", s->sw1);
  relate (fixture, s->sw1, "part_of", s->srv2);
}

static void
test_check_findings (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(CwCompatReport) report = NULL;
  CwCompatCiResult *result;
  CwCompatFinding *finding;
  Scene s;

  scene_set_up (fixture, &s);
  {
    const gint64 plan[] = { s.rtr, s.sw1, s.sw_new, s.sw_old, s.sw_unknown, s.sw_at, s.sw1 };

    report = check (fixture, plan, G_N_ELEMENTS (plan), "nx-os", "10.2(5)");
  }
  g_assert_cmpstr (report->product_name, ==, "NX-OS");
  g_assert_cmpstr (report->target, ==, "10.2(5)");
  g_assert_cmpint (report->product_id, ==, s.nxos);
  /* The plan's order, each CI once. */
  g_assert_cmpuint (report->results->len, ==, 6);
  g_assert_cmpint (((CwCompatCiResult *) g_ptr_array_index (report->results, 0))->ci_id, ==, s.rtr);
  g_assert_cmpint (((CwCompatCiResult *) g_ptr_array_index (report->results, 1))->ci_id, ==, s.sw1);

  /* Not running the product at all. */
  result = result_of (report, s.rtr);
  g_assert_null (result->current_version);
  g_assert_null (result->path);
  g_assert_cmpuint (result->findings->len, ==, 1);
  finding = g_ptr_array_index (result->findings, 0);
  g_assert_cmpint (finding->kind, ==, CW_COMPAT_FINDING_NOT_RUNNING);
  g_assert_cmpint (finding->severity, ==, CW_COMPAT_SEVERITY_BLOCKER);
  g_assert_nonnull (strstr (finding->reason, "rtr-fra-01"));

  /* Two hops, an incompatible database, a caveat on its own BMC, an
   * untested host in each direction of a relation. */
  result = result_of (report, s.sw1);
  g_assert_cmpstr (result->ci_name, ==, "sw-fra-01");
  g_assert_cmpstr (result->site_code, ==, "FRA");
  g_assert_cmpstr (result->current_version, ==, "9.3(9)");
  g_assert_false (result->at_target);
  assert_strv (result->path, "10.2(3)", "10.2(5)", NULL);

  finding = find_finding (result, CW_COMPAT_FINDING_INCOMPATIBLE, CW_COMPAT_STATE_END, s.db1, s.pg);
  g_assert_nonnull (finding);
  g_assert_cmpint (finding->severity, ==, CW_COMPAT_SEVERITY_BLOCKER);
  g_assert_cmpstr (finding->other_ci_name, ==, "db-fra-01");
  g_assert_cmpstr (finding->other_product_name, ==, "PostgreSQL");
  g_assert_cmpstr (finding->other_version, ==, "14.10");
  g_assert_cmpint (finding->cell_version_a, ==, version_id (fixture, s.nxos, "10.2(5)"));
  g_assert_cmpint (finding->cell_version_b, ==, version_id (fixture, s.pg, "14.10"));
  g_assert_cmpstr (finding->note, ==, "Replication breaks");
  g_assert_cmpstr (finding->source, ==, "Release notes 10.2(5)");
  /* Compatible or with a caveat, oldest first; 16.1 is incompatible. */
  assert_strv (finding->upgrade_to, "15.4", "15.5", NULL);
  g_assert_nonnull (strstr (finding->reason, "db-fra-01"));
  g_assert_nonnull (strstr (finding->reason, "15.4"));
  g_assert_nonnull (strstr (finding->reason, "15.5"));

  finding = find_finding (result, CW_COMPAT_FINDING_CAVEAT, CW_COMPAT_STATE_END, s.sw1, s.bmc);
  g_assert_nonnull (finding);
  g_assert_cmpint (finding->severity, ==, CW_COMPAT_SEVERITY_WARNING);
  g_assert_cmpstr (finding->other_version, ==, "4.1");
  g_assert_cmpstr (finding->note, ==, "Reload the BMC after the upgrade");
  g_assert_cmpstr (finding->source, ==, "https://example.com/kb/123");
  g_assert_nonnull (strstr (finding->reason, "Reload the BMC after the upgrade"));

  /* Incoming relation, a listed version without a verdict. */
  finding = find_finding (result, CW_COMPAT_FINDING_UNTESTED, CW_COMPAT_STATE_END, s.srv1, s.esxi);
  g_assert_nonnull (finding);
  g_assert_cmpstr (finding->other_version, ==, "8.0");
  g_assert_cmpint (finding->cell_version_b, ==, version_id (fixture, s.esxi, "8.0"));
  g_assert_null (finding->note);
  /* Outgoing part_of, a version nobody listed: cell id 0. */
  finding = find_finding (result, CW_COMPAT_FINDING_UNTESTED, CW_COMPAT_STATE_END, s.srv2, s.esxi);
  g_assert_nonnull (finding);
  g_assert_cmpstr (finding->other_version, ==, "6.0");
  g_assert_cmpint (finding->cell_version_b, ==, 0);
  g_assert_cmpuint (result->n_blockers, ==, 1);
  g_assert_cmpuint (result->n_warnings, ==, 3);

  /* A downgrade; no path; an unknown version; at the target. */
  result = result_of (report, s.sw_new);
  g_assert_nonnull (find_finding (result, CW_COMPAT_FINDING_DOWNGRADE, CW_COMPAT_STATE_END, 0, 0));
  g_assert_null (result->path);
  result = result_of (report, s.sw_old);
  g_assert_cmpstr (result->current_version, ==, "9.2(1)");
  g_assert_nonnull (find_finding (result, CW_COMPAT_FINDING_NO_PATH, CW_COMPAT_STATE_END, 0, 0));
  g_assert_null (find_finding (result, CW_COMPAT_FINDING_DOWNGRADE, CW_COMPAT_STATE_END, 0, 0));
  result = result_of (report, s.sw_unknown);
  g_assert_cmpstr (result->current_version, ==, "");
  g_assert_nonnull (find_finding (result, CW_COMPAT_FINDING_UNKNOWN_VERSION, CW_COMPAT_STATE_END, 0, 0));
  g_assert_null (find_finding (result, CW_COMPAT_FINDING_NO_PATH, CW_COMPAT_STATE_END, 0, 0));
  result = result_of (report, s.sw_at);
  g_assert_true (result->at_target);
  g_assert_nonnull (result->path);
  g_assert_cmpuint (g_strv_length (result->path), ==, 0);
  g_assert_cmpuint (result->findings->len, ==, 0);

  /* Nothing is past its end of support yet. */
  for (guint i = 0; i < report->results->len; i++)
    g_assert_null (find_finding (g_ptr_array_index (report->results, i),
                                 CW_COMPAT_FINDING_END_OF_SUPPORT, CW_COMPAT_STATE_END, 0, 0));
}

static void
test_check_end_of_support (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwCompatReport) before = NULL;
  g_autoptr(CwCompatReport) after = NULL;
  CwCompatFinding *finding;
  Scene s;

  scene_set_up (fixture, &s);
  g_assert_true (cw_compat_update_version (fixture->store, version_id (fixture, s.nxos, "10.2(5)"),
                                           "10.2(5)", NULL, "2026-05-31", &error));
  g_assert_no_error (error);

  before = cw_compat_check (fixture->store, &s.sw_old, 1, "NX-OS", "10.2(5)", "2026-05-31", NULL, &error);
  g_assert_no_error (error);
  g_assert_null (find_finding (g_ptr_array_index (before->results, 0),
                               CW_COMPAT_FINDING_END_OF_SUPPORT, CW_COMPAT_STATE_END, 0, 0));

  after = check (fixture, &s.sw_old, 1, "NX-OS", "10.2(5)");
  finding = find_finding (g_ptr_array_index (after->results, 0),
                          CW_COMPAT_FINDING_END_OF_SUPPORT, CW_COMPAT_STATE_END, 0, 0);
  g_assert_nonnull (finding);
  g_assert_cmpint (finding->severity, ==, CW_COMPAT_SEVERITY_BLOCKER);
  g_assert_nonnull (strstr (finding->reason, "2026-05-31"));
}

static void
test_check_errors (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  CwCompatReport *report;
  Scene s;

  scene_set_up (fixture, &s);

  report = cw_compat_check (fixture->store, &s.sw1, 1, "IOS-XE", "17.9.4a", TODAY, NULL, &error);
  g_assert_error (error, CW_COMPAT_ERROR, CW_COMPAT_ERROR_NOT_FOUND);
  g_assert_null (report);
  g_clear_error (&error);

  report = cw_compat_check (fixture->store, &s.sw1, 1, "NX-OS", "10.4(1)", TODAY, NULL, &error);
  g_assert_error (error, CW_COMPAT_ERROR, CW_COMPAT_ERROR_NOT_FOUND);
  g_assert_null (report);
  g_clear_error (&error);

  g_cancellable_cancel (cancellable);
  report = cw_compat_check (fixture->store, &s.sw1, 1, "NX-OS", "10.2(5)", TODAY, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (report);
}

/* An explicit component replaces the rule's match, and adds products. */
static void
test_check_explicit_components (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwCompatReport) report = NULL;
  CwCompatCiResult *result;
  Scene s;

  scene_set_up (fixture, &s);
  g_assert_true (cw_compat_set_component (fixture->store, s.sw_old, s.nxos, "10.2(3)", &error));
  g_assert_no_error (error);
  g_assert_true (cw_compat_set_component (fixture->store, s.sw_old, s.pg, "16.1", &error));
  g_assert_no_error (error);

  report = check (fixture, &s.sw_old, 1, "NX-OS", "10.2(5)");
  result = g_ptr_array_index (report->results, 0);
  g_assert_cmpstr (result->current_version, ==, "10.2(3)");
  assert_strv (result->path, "10.2(5)", NULL);
  /* Its own PostgreSQL 16.1 is incompatible, and nothing later is known. */
  {
    CwCompatFinding *finding = find_finding (result, CW_COMPAT_FINDING_INCOMPATIBLE,
                                             CW_COMPAT_STATE_END, s.sw_old, s.pg);

    g_assert_nonnull (finding);
    g_assert_null (finding->upgrade_to);
    g_assert_cmpstr (finding->other_version, ==, "16.1");
  }
}

/* ---- end state and mixed state --------------------------------------------- */

typedef struct
{
  gint64 nxos;
  gint64 target;
  gint64 current;
  gint64 sw_a;
  gint64 sw_b;
} Cluster;

/* Two switches of a vPC pair on 10.2(3), connected to each other. */
static void
cluster_set_up (Fixture *fixture,
                Cluster *c)
{
  c->nxos = add_product (fixture, "NX-OS", "10.2(3)", "10.2(5)", NULL);
  add_rule (fixture, c->nxos, "Cisco", "switch", "Nexus 9*", CW_CI_FIELD_OS_VERSION, NULL);
  add_path (fixture, c->nxos, "10.2(3)", "10.2(3)", "10.2(5)");
  c->target = version_id (fixture, c->nxos, "10.2(5)");
  c->current = version_id (fixture, c->nxos, "10.2(3)");
  c->sw_a = add_ci (fixture, "sw-a", "switch", "Cisco", "Nexus 9336C", NULL, "10.2(3)", 1);
  c->sw_b = add_ci (fixture, "sw-b", "switch", "Cisco", "Nexus 9336C", NULL, "10.2(3)", 1);
  relate (fixture, c->sw_a, "connected_to", c->sw_b);
}

static void
test_mixed_incompatible (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(CwCompatReport) report = NULL;
  CwCompatCiResult *a;
  CwCompatCiResult *b;
  CwCompatFinding *finding;
  Cluster c;

  cluster_set_up (fixture, &c);
  /* Both at the target works; one upgraded next to the other does not. */
  set_cell (fixture, c.target, c.target, CW_COMPAT_VERDICT_COMPATIBLE, NULL, NULL);
  set_cell (fixture, c.current, c.target, CW_COMPAT_VERDICT_INCOMPATIBLE, "vPC peer-link down", NULL);
  {
    const gint64 plan[] = { c.sw_a, c.sw_b };

    report = check (fixture, plan, 2, "NX-OS", "10.2(5)");
  }

  a = result_of (report, c.sw_a);
  b = result_of (report, c.sw_b);
  g_assert_null (find_finding (a, CW_COMPAT_FINDING_INCOMPATIBLE, CW_COMPAT_STATE_END, 0, 0));
  finding = find_finding (a, CW_COMPAT_FINDING_INCOMPATIBLE, CW_COMPAT_STATE_MIXED, c.sw_b, c.nxos);
  g_assert_nonnull (finding);
  g_assert_cmpint (finding->severity, ==, CW_COMPAT_SEVERITY_BLOCKER);
  g_assert_cmpstr (finding->other_version, ==, "10.2(3)");
  g_assert_cmpint (finding->cell_version_a, ==, c.target);
  g_assert_cmpint (finding->cell_version_b, ==, c.current);
  g_assert_cmpstr (finding->note, ==, "vPC peer-link down");
  g_assert_nonnull (strstr (finding->reason, "sw-b"));
  /* Upgrading sw-b first to the target only moves the problem. */
  g_assert_null (finding->upgrade_to);
  /* The relation counts in both directions. */
  finding = find_finding (b, CW_COMPAT_FINDING_INCOMPATIBLE, CW_COMPAT_STATE_MIXED, c.sw_a, c.nxos);
  g_assert_nonnull (finding);
  g_assert_cmpuint (a->findings->len, ==, 1);
  g_assert_cmpuint (b->findings->len, ==, 1);
  g_assert_cmpuint (report->n_blockers, ==, 2);
  g_assert_cmpuint (report->n_warnings, ==, 0);

  /* An intermediate release that works next to the target is the way. */
  g_clear_pointer (&report, cw_compat_report_free);
  {
    g_autoptr(GError) error = NULL;
    gint64 middle = cw_compat_add_version (fixture->store, c.nxos, "10.2(4)", NULL, NULL, &error);
    const gint64 plan[] = { c.sw_a, c.sw_b };

    g_assert_no_error (error);
    set_cell (fixture, middle, c.target, CW_COMPAT_VERDICT_COMPATIBLE, NULL, NULL);
    report = check (fixture, plan, 2, "NX-OS", "10.2(5)");
  }
  finding = find_finding (result_of (report, c.sw_a), CW_COMPAT_FINDING_INCOMPATIBLE,
                          CW_COMPAT_STATE_MIXED, c.sw_b, c.nxos);
  g_assert_nonnull (finding);
  assert_strv (finding->upgrade_to, "10.2(4)", NULL);
  g_assert_nonnull (strstr (finding->reason, "10.2(4)"));
}

static void
test_mixed_same_as_end (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(CwCompatReport) report = NULL;
  CwCompatCiResult *a;
  Cluster c;

  /* Nothing recorded: the end state is untested and so is the mixed one,
   * which adds nothing. */
  cluster_set_up (fixture, &c);
  {
    const gint64 plan[] = { c.sw_a, c.sw_b };

    report = check (fixture, plan, 2, "NX-OS", "10.2(5)");
  }
  a = result_of (report, c.sw_a);
  g_assert_nonnull (find_finding (a, CW_COMPAT_FINDING_UNTESTED, CW_COMPAT_STATE_END, c.sw_b, c.nxos));
  g_assert_null (find_finding (a, CW_COMPAT_FINDING_UNTESTED, CW_COMPAT_STATE_MIXED, 0, 0));
  g_assert_cmpuint (a->findings->len, ==, 1);
  g_assert_cmpstr (((CwCompatFinding *) g_ptr_array_index (a->findings, 0))->other_version, ==, "10.2(5)");

  /* A tested end state leaves the mixed state's gap as a warning. */
  g_clear_pointer (&report, cw_compat_report_free);
  set_cell (fixture, c.target, c.target, CW_COMPAT_VERDICT_COMPATIBLE, NULL, NULL);
  {
    const gint64 plan[] = { c.sw_a, c.sw_b };

    report = check (fixture, plan, 2, "NX-OS", "10.2(5)");
  }
  a = result_of (report, c.sw_a);
  g_assert_cmpuint (a->findings->len, ==, 1);
  g_assert_nonnull (find_finding (a, CW_COMPAT_FINDING_UNTESTED, CW_COMPAT_STATE_MIXED, c.sw_b, c.nxos));
}

static void
test_peer_not_planned (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(CwCompatReport) report = NULL;
  CwCompatFinding *finding;
  Cluster c;

  cluster_set_up (fixture, &c);
  set_cell (fixture, c.target, c.target, CW_COMPAT_VERDICT_COMPATIBLE, NULL, NULL);
  set_cell (fixture, c.current, c.target, CW_COMPAT_VERDICT_INCOMPATIBLE, NULL, NULL);

  /* sw-b stays on 10.2(3): the end state itself is incompatible, and sw-b
   * must go to 10.2(5) first. */
  report = check (fixture, &c.sw_a, 1, "NX-OS", "10.2(5)");
  finding = find_finding (g_ptr_array_index (report->results, 0), CW_COMPAT_FINDING_INCOMPATIBLE,
                          CW_COMPAT_STATE_END, c.sw_b, c.nxos);
  g_assert_nonnull (finding);
  g_assert_cmpstr (finding->other_version, ==, "10.2(3)");
  assert_strv (finding->upgrade_to, "10.2(5)", NULL);
  g_assert_null (find_finding (g_ptr_array_index (report->results, 0), CW_COMPAT_FINDING_INCOMPATIBLE,
                               CW_COMPAT_STATE_MIXED, 0, 0));
}

static void
check_ready_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  CwCompatReport **report = user_data;
  g_autoptr(GError) error = NULL;

  *report = cw_compat_check_finish (result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (*report);
}

static void
test_check_async (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(CwCompatReport) sync = NULL;
  g_autoptr(CwCompatReport) async = NULL;
  Scene s;

  scene_set_up (fixture, &s);
  {
    const gint64 plan[] = { s.sw1, s.sw_new, s.sw_old };

    sync = check (fixture, plan, G_N_ELEMENTS (plan), "NX-OS", "10.2(5)");
    /* cw_store_open() reads the file's header before SQLite: a workspace
     * this new still has its header in the write-ahead log. */
    g_assert_true (cw_store_exec (fixture->store, "PRAGMA wal_checkpoint(TRUNCATE)", NULL));
    cw_compat_check_async (fixture->path, plan, G_N_ELEMENTS (plan), "NX-OS", "10.2(5)", TODAY,
                           NULL, check_ready_cb, &async);
  }
  while (async == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (async->results->len, ==, sync->results->len);
  g_assert_cmpuint (async->n_blockers, ==, sync->n_blockers);
  g_assert_cmpuint (async->n_warnings, ==, sync->n_warnings);
  g_assert_cmpuint (async->n_blockers, >, 0);
  for (guint i = 0; i < sync->results->len; i++)
    {
      CwCompatCiResult *a = g_ptr_array_index (sync->results, i);
      CwCompatCiResult *b = g_ptr_array_index (async->results, i);

      g_assert_cmpint (a->ci_id, ==, b->ci_id);
      for (guint f = 0; f < a->findings->len; f++)
        g_assert_cmpstr (((CwCompatFinding *) g_ptr_array_index (a->findings, f))->reason, ==,
                         ((CwCompatFinding *) g_ptr_array_index (b->findings, f))->reason);
    }
}

/* ---- drift ------------------------------------------------------------------ */

static const CwCompatDriftRow *
drift_row (GPtrArray  *rows,
           gint64      product,
           const char *site,
           const char *version)
{
  for (guint i = 0; i < rows->len; i++)
    {
      const CwCompatDriftRow *row = g_ptr_array_index (rows, i);

      if (row->product_id == product && g_strcmp0 (row->site_code, site) == 0 &&
          g_strcmp0 (row->version, version) == 0)
        return row;
    }

  return NULL;
}

static void
test_drift (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  const CwCompatDriftRow *row;
  guint total = 0;
  Scene s;

  scene_set_up (fixture, &s);
  /* No approved version yet: no drift at all. */
  rows = cw_compat_drift (fixture->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 0);
  g_clear_pointer (&rows, g_ptr_array_unref);

  g_assert_true (cw_compat_set_approved (fixture->store, s.nxos, version_id (fixture, s.nxos, "10.2(5)"), &error));
  g_assert_no_error (error);
  g_assert_true (cw_compat_set_approved (fixture->store, s.esxi, version_id (fixture, s.esxi, "7.0U3"), &error));
  g_assert_no_error (error);
  add_switch (fixture, "sw-fra-06", "9.3(9)");
  add_ci (fixture, "sw-lon-01", "switch", "Cisco", "Nexus 9336C", NULL, "9.3(9)", 2);
  add_ci (fixture, "sw-nosite", "switch", "Cisco", "Nexus 9336C", NULL, "9.3(5)", 0);
  /* Another spelling of the approved version is no drift. */
  add_ci (fixture, "esx-lon-03", "hypervisor", "VMware", "ESXi", NULL, "ESXi 7.0.3", 2);
  /* An explicit component is what the CI runs. */
  g_assert_true (cw_compat_set_component (fixture->store, s.sw_new, s.nxos, "10.2(5)", &error));
  g_assert_no_error (error);
  g_assert_true (cw_compat_set_component (fixture->store, s.db1, s.esxi, "8.0", &error));
  g_assert_no_error (error);

  rows = cw_compat_drift (fixture->store, NULL, &error);
  g_assert_no_error (error);

  row = drift_row (rows, s.nxos, "FRA", "9.3(9)");
  g_assert_nonnull (row);
  g_assert_cmpuint (row->n_cis, ==, 2);
  g_assert_cmpstr (row->product_name, ==, "NX-OS");
  g_assert_cmpstr (row->approved, ==, "10.2(5)");
  g_assert_cmpuint (drift_row (rows, s.nxos, "LON", "9.3(9)")->n_cis, ==, 1);
  g_assert_cmpuint (drift_row (rows, s.nxos, "", "9.3(5)")->n_cis, ==, 1);
  g_assert_cmpuint (drift_row (rows, s.nxos, "FRA", "9.2(1)")->n_cis, ==, 1);
  g_assert_cmpuint (drift_row (rows, s.nxos, "FRA", "")->n_cis, ==, 1);
  g_assert_null (drift_row (rows, s.nxos, "FRA", "10.2(5)"));
  g_assert_null (drift_row (rows, s.nxos, "FRA", "10.3(1)"));
  g_assert_cmpuint (drift_row (rows, s.esxi, "LON", "8.0")->n_cis, ==, 1);
  g_assert_cmpuint (drift_row (rows, s.esxi, "LON", "6.0")->n_cis, ==, 1);
  g_assert_cmpuint (drift_row (rows, s.esxi, "FRA", "8.0")->n_cis, ==, 1);
  g_assert_null (drift_row (rows, s.esxi, "LON", "7.0.3"));
  /* Products without an approved version have no drift. */
  for (guint i = 0; i < rows->len; i++)
    {
      row = g_ptr_array_index (rows, i);
      g_assert_true (row->product_id == s.nxos || row->product_id == s.esxi);
      total += row->n_cis;
      /* By product, then site. */
      if (i > 0)
        {
          const CwCompatDriftRow *previous = g_ptr_array_index (rows, i - 1);

          g_assert_cmpint (strcmp (previous->product_name, row->product_name), <=, 0);
          if (previous->product_id == row->product_id)
            g_assert_cmpint (strcmp (previous->site_code, row->site_code), <=, 0);
        }
    }
  g_assert_cmpuint (total, ==, 9);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/compat-check/path/direct", test_path_direct);
  ADD ("/compat-check/path/multi-hop", test_path_multi_hop);
  ADD ("/compat-check/path/range-bounds", test_path_range_bounds);
  ADD ("/compat-check/path/manual-order", test_path_manual_order);
  ADD ("/compat-check/check/findings", test_check_findings);
  ADD ("/compat-check/check/end-of-support", test_check_end_of_support);
  ADD ("/compat-check/check/errors", test_check_errors);
  ADD ("/compat-check/check/explicit-components", test_check_explicit_components);
  ADD ("/compat-check/check/async", test_check_async);
  ADD ("/compat-check/mixed/incompatible", test_mixed_incompatible);
  ADD ("/compat-check/mixed/same-as-end", test_mixed_same_as_end);
  ADD ("/compat-check/mixed/peer-not-planned", test_peer_not_planned);
  ADD ("/compat-check/drift", test_drift);

#undef ADD

  return g_test_run ();
}
