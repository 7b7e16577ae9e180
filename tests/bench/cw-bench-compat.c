/* cw-bench-compat.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The in-process half of `build-aux/bench.sh compat`. It makes a workspace of
 * its own (--workspace PATH, which must not exist yet):
 *
 *   - 50 products of 100 versions each, in eight vendor formats ("17.3.4",
 *     "15.2(3)E4", "21.4R3-S2", "7.0U3", "9.12.1P3", "R81.20",
 *     "6.10.30.00", "2.15.1"), with release and end-of-support dates and an
 *     approved version;
 *   - 25 hardware models, each linked by a rule (manufacturer, class, model
 *     pattern) to a firmware product (firmware field) and an OS product (OS
 *     field);
 *   - --cis CIs over ten sites (default 20,000); the --plan first of them
 *     (default a quarter) are the planned product's model and the plan. Their
 *     OS versions are spread over the releases before the target, with some
 *     at the target, some later (downgrades), some too old for any upgrade
 *     path and some unknown;
 *   - relations: each planned CI is connected to its cluster peer (also
 *     planned: the mixed state), depends on one CI and runs on another of
 *     other models; more relations between unplanned CIs;
 *   - upgrade paths of the planned product with required hops (40..69 -> 70,
 *     70..79 -> 80, 70..84 -> 85, 80..89 -> 90);
 *   - verdicts: the target against every version of every product (most of
 *     them compatible, some with a caveat, some incompatible, some left
 *     untested) and a third of all pairs between the planned product's recent
 *     versions and the other products, and between each model's firmware and
 *     OS.
 *
 * Then it evaluates upgrading the plan to the target with cw_compat_check()
 * on a read-only connection, once to warm up and --runs times (default 21)
 * timed, prints the median, min and max and what the report held, and the
 * verdict against --target-ms (median; default 200). For information it also
 * times cw_compat_drift() over the whole inventory.
 *
 * Exit status: 0 when the median is within the target, 1 otherwise or on an
 * error.
 */

#define G_LOG_DOMAIN "cw-bench-compat"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "cw-bench-support.h"
#include "cw-compat-check.h"
#include "cw-store-private.h"
#include "cw-version.h"

#define N_PRODUCTS 50
#define N_VERSIONS 100
#define N_MODELS   (N_PRODUCTS / 2)
#define N_SITES    10
#define N_FORMATS  8

/* The planned product (the OS of model 0), and its versions by index. */
#define PLANNED_PRODUCT 1
#define TARGET_INDEX    90
#define APPROVED_INDEX  80
#define DRIFT_RUNS      5

static const char * const formats[N_FORMATS] = {
  "NX-OS", "IOS", "Junos", "ESXi", "ONTAP", "Gaia", "iDRAC", "Kubernetes",
};
static const char * const manufacturers[] = {
  "Cisco", "Juniper", "Arista", "Dell", "HPE", "NetApp", "VMware", "Palo Alto Networks",
};
static const char * const classes[] = {
  "switch", "router", "firewall", "server", "storage", "hypervisor", "controller",
};
static const char * const site_codes[N_SITES] = {
  "FRA", "LON", "PAR", "AMS", "MAD", "MIL", "WAW", "VIE", "ZRH", "DUB",
};

typedef struct
{
  gint64 id;
  char  *version;
} Version;

typedef struct
{
  gint64      target;
  const char *kind;
} Link;

typedef struct
{
  sqlite3 *db;
  GRand   *rand;
  guint    n_cis;
  guint    n_plan;
  char    *names[N_PRODUCTS];
  Version  versions[N_PRODUCTS][N_VERSIONS];
  guint    n_cells;
  guint    n_relations;
} Generator;

static void
exec_sql (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    cw_bench_fail ("%s: %s", sql, message);
}

static sqlite3_stmt *
prepare (sqlite3    *db,
         const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    cw_bench_fail ("%s: %s", sql, sqlite3_errmsg (db));
  return stmt;
}

static void
step_done (sqlite3      *db,
           sqlite3_stmt *stmt)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    cw_bench_fail ("insert failed: %s", sqlite3_errmsg (db));
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

/* ---- the workspace ---------------------------------------------------------- */

/* Version @i (0..99, in release order) in vendor format @format: ten trains
 * (t) of ten releases (s). */
static char *
make_version (guint format,
              guint i)
{
  guint t = i / 10;
  guint s = i % 10;

  switch (format)
    {
    case 0: return g_strdup_printf ("%u.%u.%u", 17 + t / 5, t % 5 * 2, s);
    case 1: return g_strdup_printf ("15.%u(%u)E%u", 2 + t / 5, t % 5 + 1, s + 1);
    case 2: return g_strdup_printf ("%u.%uR%u-S%u", 19 + t / 4, t % 4 + 1, s / 3 + 1, s % 3 + 1);
    case 3: return s == 0 ? g_strdup_printf ("%u.%u", 6 + t / 3, t % 3)
                          : g_strdup_printf ("%u.%uU%u", 6 + t / 3, t % 3, s);
    case 4: return g_strdup_printf ("9.%u.%uP%u", 8 + t, s / 5 + 1, s % 5 + 1);
    case 5: return g_strdup_printf ("R%u.%u", 77 + t, s * 10);
    case 6: return g_strdup_printf ("%u.%u.%u.00", 4 + t / 3, t % 3 * 10 + 10, s * 10);
    default: return g_strdup_printf ("2.%u.%u", 5 + t, s);
    }
}

static void
make_products (Generator *gen)
{
  sqlite3_stmt *product = prepare (gen->db, "INSERT INTO compat_products (name, vendor) VALUES (?, ?)");
  sqlite3_stmt *version = prepare (gen->db,
                                   "INSERT INTO compat_versions (product_id, version, released, "
                                   "end_of_support, approved) VALUES (?, ?, ?, ?, ?)");

  for (guint p = 0; p < N_PRODUCTS; p++)
    {
      guint format = (p / 2 + p % 2 * 3) % N_FORMATS;
      g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
      gint64 product_id;

      /* "Junos (Series 3 firmware)", "ESXi (Series 1 OS)" */
      gen->names[p] = g_strdup_printf (p % 2 == 0 ? "%s (Series %u firmware)" : "%s (Series %u OS)",
                                       formats[format], p / 2 + 1);
      sqlite3_bind_text (product, 1, gen->names[p], -1, SQLITE_STATIC);
      sqlite3_bind_text (product, 2, manufacturers[(p / 2) % G_N_ELEMENTS (manufacturers)], -1, SQLITE_STATIC);
      step_done (gen->db, product);
      product_id = sqlite3_last_insert_rowid (gen->db);

      for (guint i = 0; i < N_VERSIONS; i++)
        g_ptr_array_add (strings, make_version (format, i));
      /* The list is the comparator's order: index i is the i-th release. */
      g_ptr_array_sort (strings, cw_version_compare_ptr);

      for (guint i = 0; i < N_VERSIONS; i++)
        {
          g_autofree char *released = g_strdup_printf ("%04u-%02u-15", 2016 + i / 12, i % 12 + 1);
          g_autofree char *eos = g_strdup_printf ("%04u-%02u-15", 2021 + i / 12, i % 12 + 1);
          guint approved = p == PLANNED_PRODUCT ? TARGET_INDEX : APPROVED_INDEX;

          gen->versions[p][i].version = g_strdup (g_ptr_array_index (strings, i));
          sqlite3_bind_int64 (version, 1, product_id);
          sqlite3_bind_text (version, 2, gen->versions[p][i].version, -1, SQLITE_STATIC);
          sqlite3_bind_text (version, 3, released, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (version, 4, eos, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int (version, 5, i == approved);
          step_done (gen->db, version);
          gen->versions[p][i].id = sqlite3_last_insert_rowid (gen->db);
        }
    }

  sqlite3_finalize (product);
  sqlite3_finalize (version);
}

static void
make_rules_and_paths (Generator *gen)
{
  sqlite3_stmt *rule = prepare (gen->db,
                                "INSERT INTO compat_rules (product_id, manufacturer, class, "
                                "model_pattern, version_field) VALUES (?, ?, ?, ?, ?)");
  sqlite3_stmt *path = prepare (gen->db,
                                "INSERT INTO compat_paths (product_id, from_min, from_max, to_version) "
                                "VALUES (?, ?, ?, ?)");
  static const guint hops[][3] = { { 40, 69, 70 }, { 70, 79, 80 }, { 70, 84, 85 }, { 80, 89, 90 } };

  for (guint m = 0; m < N_MODELS; m++)
    {
      g_autofree char *pattern = g_strdup_printf ("Series %u*", m + 1);

      for (guint f = 0; f < 2; f++)
        {
          sqlite3_bind_int64 (rule, 1, (gint64) (2 * m + f + 1));
          sqlite3_bind_text (rule, 2, manufacturers[m % G_N_ELEMENTS (manufacturers)], -1, SQLITE_STATIC);
          sqlite3_bind_text (rule, 3, classes[m % G_N_ELEMENTS (classes)], -1, SQLITE_STATIC);
          sqlite3_bind_text (rule, 4, pattern, -1, SQLITE_STATIC);
          sqlite3_bind_text (rule, 5, f == 0 ? "firmware_version" : "os_version", -1, SQLITE_STATIC);
          step_done (gen->db, rule);
        }
    }

  for (guint p = 0; p < N_PRODUCTS; p++)
    {
      for (guint h = 0; h < G_N_ELEMENTS (hops); h++)
        {
          sqlite3_bind_int64 (path, 1, (gint64) p + 1);
          sqlite3_bind_text (path, 2, gen->versions[p][hops[h][0]].version, -1, SQLITE_STATIC);
          sqlite3_bind_text (path, 3, gen->versions[p][hops[h][1]].version, -1, SQLITE_STATIC);
          sqlite3_bind_text (path, 4, gen->versions[p][hops[h][2]].version, -1, SQLITE_STATIC);
          step_done (gen->db, path);
        }
    }

  sqlite3_finalize (rule);
  sqlite3_finalize (path);
}

static void
add_cell (Generator    *gen,
          sqlite3_stmt *stmt,
          gint64        a,
          gint64        b,
          guint         roll)
{
  const char *verdict = roll < 80 ? "compatible" : roll < 92 ? "caveat" : "incompatible";

  sqlite3_bind_int64 (stmt, 1, MIN (a, b));
  sqlite3_bind_int64 (stmt, 2, MAX (a, b));
  sqlite3_bind_text (stmt, 3, verdict, -1, SQLITE_STATIC);
  if (roll >= 80 && roll < 92)
    sqlite3_bind_text (stmt, 4, "Apply the vendor's field notice before the upgrade", -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    cw_bench_fail ("insert failed: %s", sqlite3_errmsg (gen->db));
  gen->n_cells += sqlite3_changes (gen->db);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

static void
make_matrix (Generator *gen)
{
  sqlite3_stmt *cell = prepare (gen->db,
                                "INSERT OR IGNORE INTO compat_verdicts (version_a, version_b, verdict, note) "
                                "VALUES (?, ?, ?, ?)");
  gint64 target = gen->versions[PLANNED_PRODUCT][TARGET_INDEX].id;

  /* The target against everything: old releases mostly incompatible, one
   * cell in ten left untested. */
  for (guint p = 0; p < N_PRODUCTS; p++)
    for (guint i = 0; i < N_VERSIONS; i++)
      {
        guint roll = (guint) g_rand_int_range (gen->rand, 0, 100);

        if (p == PLANNED_PRODUCT && i >= 85)
          add_cell (gen, cell, target, gen->versions[p][i].id, 0);
        else if (p == PLANNED_PRODUCT && i < 75 && i % 10 < 3)
          add_cell (gen, cell, target, gen->versions[p][i].id, 99);
        else if (roll >= 90)
          continue;
        else
          add_cell (gen, cell, target, gen->versions[p][i].id, i < 25 && roll < 60 ? 99 : roll);
      }

  /* Background: a third of the pairs between the planned product's recent
   * releases and every product, and between each model's firmware and OS. */
  for (guint i = 50; i < N_VERSIONS; i++)
    for (guint p = 0; p < N_PRODUCTS; p++)
      for (guint j = 0; j < N_VERSIONS; j++)
        if (g_rand_int_range (gen->rand, 0, 3) == 0)
          add_cell (gen, cell, gen->versions[PLANNED_PRODUCT][i].id, gen->versions[p][j].id,
                    (guint) g_rand_int_range (gen->rand, 0, 100));
  for (guint m = 0; m < N_MODELS; m++)
    for (guint i = 0; i < N_VERSIONS; i++)
      for (guint j = 0; j < N_VERSIONS; j++)
        if (g_rand_int_range (gen->rand, 0, 3) == 0)
          add_cell (gen, cell, gen->versions[2 * m][i].id, gen->versions[2 * m + 1][j].id,
                    (guint) g_rand_int_range (gen->rand, 0, 100));

  sqlite3_finalize (cell);
}

/* The OS version index of a planned CI; -1 for none. */
static int
planned_os_index (Generator *gen)
{
  guint roll = (guint) g_rand_int_range (gen->rand, 0, 100);

  if (roll < 2)
    return TARGET_INDEX;
  if (roll < 3)
    return 95;                                  /* a downgrade */
  if (roll < 4)
    return -1;                                  /* unknown */
  if (roll < 6)
    return g_rand_int_range (gen->rand, 20, 40);   /* no path */
  return g_rand_int_range (gen->rand, 55, 90);
}

/* The id of a CI outside the plan. */
static gint64
random_other (Generator *gen)
{
  return gen->n_plan + 1 + g_rand_int_range (gen->rand, 0, (gint32) (gen->n_cis - gen->n_plan));
}

static void
make_cis (Generator *gen)
{
  sqlite3_stmt *site = prepare (gen->db, "INSERT INTO sites (code, name, time_zone) VALUES (?, ?, 'UTC')");
  sqlite3_stmt *ci = prepare (gen->db,
                              "INSERT INTO cis (id, class, name, manufacturer, model, serial, site_id, "
                              "firmware_version, os_version, updated_at) "
                              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '2026-01-01T00:00:00Z')");
  sqlite3_stmt *relation = prepare (gen->db,
                                    "INSERT OR IGNORE INTO ci_relations (source_id, target_id, kind) "
                                    "VALUES (?, ?, ?)");

  for (guint s = 0; s < N_SITES; s++)
    {
      sqlite3_bind_text (site, 1, site_codes[s], -1, SQLITE_STATIC);
      sqlite3_bind_text (site, 2, site_codes[s], -1, SQLITE_STATIC);
      step_done (gen->db, site);
    }

  for (guint n = 0; n < gen->n_cis; n++)
    {
      /* Model 0 for the plan, the others in turn after it. */
      guint m = n < gen->n_plan ? 0 : 1 + (n - gen->n_plan) % (N_MODELS - 1);
      int fw = g_rand_int_range (gen->rand, 20, N_VERSIONS);
      int os = n < gen->n_plan ? planned_os_index (gen) : g_rand_int_range (gen->rand, 20, N_VERSIONS);
      g_autofree char *name = g_strdup_printf ("%s-%s-%05u", site_codes[n % N_SITES],
                                               classes[m % G_N_ELEMENTS (classes)], n + 1);
      g_autofree char *model = g_strdup_printf ("Series %u%c-%u", m + 1, 'A' + (char) (n % 3), 48 + n % 4);
      g_autofree char *serial = g_strdup_printf ("SN%08X", (guint) (n * 2654435761u));

      sqlite3_bind_int64 (ci, 1, (gint64) n + 1);
      sqlite3_bind_text (ci, 2, classes[m % G_N_ELEMENTS (classes)], -1, SQLITE_STATIC);
      sqlite3_bind_text (ci, 3, name, -1, SQLITE_STATIC);
      sqlite3_bind_text (ci, 4, manufacturers[m % G_N_ELEMENTS (manufacturers)], -1, SQLITE_STATIC);
      sqlite3_bind_text (ci, 5, model, -1, SQLITE_STATIC);
      sqlite3_bind_text (ci, 6, serial, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (ci, 7, (gint64) (n % N_SITES) + 1);
      sqlite3_bind_text (ci, 8, gen->versions[2 * m][fw].version, -1, SQLITE_STATIC);
      if (os >= 0)
        sqlite3_bind_text (ci, 9, gen->versions[2 * m + 1][os].version, -1, SQLITE_STATIC);
      step_done (gen->db, ci);
    }

  for (guint n = 0; n < gen->n_cis; n++)
    {
      gint64 id = (gint64) n + 1;
      Link links[3];
      guint n_links = 0;

      if (n < gen->n_plan)
        {
          /* Cluster pairs, a dependency and a host among the others. */
          if (n % 2 == 0 && n + 1 < gen->n_plan)
            links[n_links++] = (Link) { id + 1, "connected_to" };
          links[n_links++] = (Link) { random_other (gen), "depends_on" };
          links[n_links++] = (Link) { random_other (gen), "runs_on" };
        }
      else if (n % 3 == 0)
        {
          links[n_links++] = (Link) { random_other (gen), "part_of" };
        }

      for (guint l = 0; l < n_links; l++)
        {
          if (links[l].target == id)
            continue;
          sqlite3_bind_int64 (relation, 1, id);
          sqlite3_bind_int64 (relation, 2, links[l].target);
          sqlite3_bind_text (relation, 3, links[l].kind, -1, SQLITE_STATIC);
          step_done (gen->db, relation);
          gen->n_relations += sqlite3_changes (gen->db);
        }
    }

  sqlite3_finalize (site);
  sqlite3_finalize (ci);
  sqlite3_finalize (relation);
}

static void
generate (Generator  *gen,
          const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwStore) store = cw_store_open (path, CW_STORE_OPEN_CREATE_NEW, &error);

  if (store == NULL)
    cw_bench_fail ("%s", error->message);
  gen->db = cw_store_get_handle (store);

  exec_sql (gen->db, "BEGIN");
  make_products (gen);
  make_rules_and_paths (gen);
  make_matrix (gen);
  make_cis (gen);
  exec_sql (gen->db, "COMMIT");
  exec_sql (gen->db, "PRAGMA wal_checkpoint(TRUNCATE)");
  gen->db = NULL;
}

/* ---- timing ----------------------------------------------------------------- */

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CwStore) store = NULL;
  g_autoptr(CwCompatReport) report = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) drift_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *workspace = NULL;
  g_autofree gint64 *plan = NULL;
  guint kinds[CW_COMPAT_FINDING_UNTESTED + 1] = { 0, };
  guint n_mixed = 0;
  guint n_at_target = 0;
  guint n_drift_rows = 0;
  int n_cis = 20000;
  int n_plan = -1;
  int runs = 21;
  int target_ms = 200;
  Generator gen = { 0, };
  const GOptionEntry entries[] = {
    { "workspace", 0, 0, G_OPTION_ARG_FILENAME, &workspace, "The workspace to make (must not exist)", "PATH" },
    { "cis", 0, 0, G_OPTION_ARG_INT, &n_cis, "CIs in the workspace (default 20000)", "N" },
    { "plan", 0, 0, G_OPTION_ARG_INT, &n_plan, "CIs in the plan (default a quarter of --cis)", "N" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Timed runs of the check (default 21)", "N" },
    { "target-ms", 0, 0, G_OPTION_ARG_INT, &target_ms, "The median's target in ms (default 200)", "MS" },
    { NULL }
  };
  gint64 t0;
  double gen_ms;
  double med;
  double drift_med;
  double load[1];
  char target[64];
  const char *product;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  context = g_option_context_new ("- time the compatibility check");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    cw_bench_fail ("%s", error->message);
  if (workspace == NULL)
    cw_bench_fail ("--workspace is required");
  if (n_plan < 0)
    n_plan = n_cis / 4;
  if (n_cis < 4 || n_plan < 2 || n_plan >= n_cis || runs < 1)
    cw_bench_fail ("needs --cis >= 4, 2 <= --plan < --cis and --runs >= 1");

  /* Other work on the machine skews every figure: the load average says
   * how much there was. */
  if (getloadavg (load, 1) != 1)
    load[0] = -1;

  /* The workspace. */
  gen.rand = g_rand_new_with_seed (4);
  gen.n_cis = (guint) n_cis;
  gen.n_plan = (guint) n_plan;
  t0 = g_get_monotonic_time ();
  generate (&gen, workspace);
  gen_ms = (g_get_monotonic_time () - t0) / 1000.0;
  product = gen.names[PLANNED_PRODUCT];
  g_strlcpy (target, gen.versions[PLANNED_PRODUCT][TARGET_INDEX].version, sizeof target);

  printf ("compat (%u CPUs, load average %.2f at the start)\n", g_get_num_processors (), load[0]);
  printf ("  workspace: %u CIs over %u sites, %u relations; %u products x %u versions, %u verdicts,\n"
          "    %u rules; made in %.1f s\n",
          gen.n_cis, N_SITES, gen.n_relations, N_PRODUCTS, N_VERSIONS, gen.n_cells, N_MODELS * 2,
          gen_ms / 1000);
  printf ("  plan: %u CIs, %s to %s\n", gen.n_plan, product, target);
  fflush (stdout);

  plan = g_new (gint64, gen.n_plan);
  for (guint i = 0; i < gen.n_plan; i++)
    plan[i] = (gint64) i + 1;

  store = cw_store_open (workspace, CW_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL)
    cw_bench_fail ("%s", error->message);

  /* A warm-up run, then the timed ones. */
  for (int run = 0; run <= runs; run++)
    {
      double ms;

      g_clear_pointer (&report, cw_compat_report_free);
      t0 = g_get_monotonic_time ();
      report = cw_compat_check (store, plan, gen.n_plan, product, target, "2026-06-01", NULL, &error);
      ms = (g_get_monotonic_time () - t0) / 1000.0;
      if (report == NULL)
        cw_bench_fail ("the check failed: %s", error->message);
      if (run > 0)
        g_array_append_val (times, ms);
    }

  for (guint i = 0; i < report->results->len; i++)
    {
      CwCompatCiResult *result = g_ptr_array_index (report->results, i);

      n_at_target += result->at_target;
      for (guint f = 0; f < result->findings->len; f++)
        {
          CwCompatFinding *finding = g_ptr_array_index (result->findings, f);

          kinds[finding->kind]++;
          n_mixed += finding->state == CW_COMPAT_STATE_MIXED;
        }
    }

  for (guint run = 0; run < DRIFT_RUNS; run++)
    {
      g_autoptr(GPtrArray) rows = NULL;
      double ms;

      t0 = g_get_monotonic_time ();
      rows = cw_compat_drift (store, NULL, &error);
      ms = (g_get_monotonic_time () - t0) / 1000.0;
      if (rows == NULL)
        cw_bench_fail ("the drift report failed: %s", error->message);
      n_drift_rows = rows->len;
      g_array_append_val (drift_times, ms);
    }

  med = cw_bench_median (times);
  printf ("  compat check: median %.1f ms (min %.1f, max %.1f), %u CIs, %u blockers, %u warnings\n",
          med, g_array_index (times, double, 0), g_array_index (times, double, times->len - 1),
          report->results->len, report->n_blockers, report->n_warnings);
  printf ("    target median <= %d ms: %s (%u timed runs after a warm-up, on a read-only connection)\n",
          target_ms, med <= target_ms ? "PASS" : "FAIL", times->len);
  printf ("    findings: %u incompatible, %u caveat, %u untested, %u no path, %u downgrade,\n"
          "      %u unknown version, %u not running, %u end of support; %u of them in the mixed state;\n"
          "      %u CIs at the target\n",
          kinds[CW_COMPAT_FINDING_INCOMPATIBLE], kinds[CW_COMPAT_FINDING_CAVEAT],
          kinds[CW_COMPAT_FINDING_UNTESTED], kinds[CW_COMPAT_FINDING_NO_PATH],
          kinds[CW_COMPAT_FINDING_DOWNGRADE], kinds[CW_COMPAT_FINDING_UNKNOWN_VERSION],
          kinds[CW_COMPAT_FINDING_NOT_RUNNING], kinds[CW_COMPAT_FINDING_END_OF_SUPPORT],
          n_mixed, n_at_target);
  drift_med = cw_bench_median (drift_times);
  printf ("  compat drift: median %.1f ms (min %.1f, max %.1f), all %u CIs, %u rows  for information\n",
          drift_med, g_array_index (drift_times, double, 0),
          g_array_index (drift_times, double, drift_times->len - 1), gen.n_cis, n_drift_rows);

  for (guint p = 0; p < N_PRODUCTS; p++)
    {
      g_free (gen.names[p]);
      for (guint i = 0; i < N_VERSIONS; i++)
        g_free (gen.versions[p][i].version);
    }
  g_rand_free (gen.rand);

  return med <= target_ms ? EXIT_SUCCESS : EXIT_FAILURE;
}
