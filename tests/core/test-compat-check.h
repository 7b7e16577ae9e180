/* test-compat-check.h
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The fixture of test-compat-check.c and its helpers: data set up through
 * the cw-compat.h functions (CIs and relations through SQL), and checks of
 * what every report must hold. Included by test-compat-check.c only. */

#pragma once

#include <sqlite3.h>
#include <string.h>

#include "cw-compat-check.h"
#include "cw-store-private.h"
#include "cw-test-fixture.h"

#define TODAY "2026-06-01"

typedef struct
{
  char    *dir;
  char    *path;
  CwStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = cw_test_make_tmpdir ();
  fixture->path = g_build_filename (fixture->dir, "compat.cw", NULL);
  fixture->store = cw_store_open (fixture->path, CW_STORE_OPEN_CREATE_NEW, &error);
  g_assert_no_error (error);

  g_assert_true (cw_store_exec (fixture->store,
                                "INSERT INTO sites (code, name, time_zone) "
                                "VALUES ('FRA', 'Frankfurt', 'Europe/Berlin'), "
                                "('LON', 'London', 'Europe/London')",
                                &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  cw_test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

/* ---- setting data up ------------------------------------------------------ */

/* A product with its versions, NULL-terminated, in any order. */
static gint64
add_product (Fixture    *fixture,
             const char *name,
             ...)
{
  g_autoptr(GError) error = NULL;
  gint64 id = cw_compat_add_product (fixture->store, name, NULL, &error);
  const char *version;
  va_list args;

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  va_start (args, name);
  while ((version = va_arg (args, const char *)) != NULL)
    {
      cw_compat_add_version (fixture->store, id, version, NULL, NULL, &error);
      g_assert_no_error (error);
    }
  va_end (args);

  return id;
}

static gint64
version_id (Fixture    *fixture,
            gint64      product,
            const char *version)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwCompatVersion) found = cw_compat_find_version (fixture->store, product, version, &error);

  g_assert_no_error (error);
  g_assert_nonnull (found);

  return found->id;
}

static void
add_rule (Fixture    *fixture,
          gint64      product,
          const char *manufacturer,
          const char *ci_class,
          const char *model_pattern,
          CwCiField   field,
          const char *prefix)
{
  g_autoptr(GError) error = NULL;
  CwCompatRule rule = {
    .product_id = product,
    .manufacturer = (char *) manufacturer,
    .ci_class = (char *) ci_class,
    .model_pattern = (char *) model_pattern,
    .field = field,
    .version_prefix = (char *) (prefix != NULL ? prefix : ""),
  };

  g_assert_cmpint (cw_compat_add_rule (fixture->store, &rule, &error), >, 0);
  g_assert_no_error (error);
}

static void
add_path (Fixture    *fixture,
          gint64      product,
          const char *from_min,
          const char *from_max,
          const char *to)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (cw_compat_add_path (fixture->store, product, from_min, from_max, to, NULL, &error), >, 0);
  g_assert_no_error (error);
}

static void
set_cell (Fixture         *fixture,
          gint64           a,
          gint64           b,
          CwCompatVerdict  verdict,
          const char      *note,
          const char      *source)
{
  g_autoptr(GError) error = NULL;
  gint64 pair[2] = { a, b };

  g_assert_true (cw_compat_set_cells (fixture->store, pair, 1, verdict, note, source, &error));
  g_assert_no_error (error);
}

/* A CI in site 1 (FRA) or 2 (LON); NULL values stay NULL. */
static gint64
add_ci (Fixture    *fixture,
        const char *name,
        const char *klass,
        const char *manufacturer,
        const char *model,
        const char *firmware,
        const char *os,
        gint64      site)
{
  sqlite3 *db = cw_store_get_handle (fixture->store);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "INSERT INTO cis (class, name, manufacturer, model, "
                                       "firmware_version, os_version, site_id, updated_at) "
                                       "VALUES (?, ?, ?, ?, ?, ?, ?, '2026-01-01T00:00:00Z')",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, klass, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, manufacturer, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, model, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, firmware, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, os, -1, SQLITE_STATIC);
  if (site > 0)
    sqlite3_bind_int64 (stmt, 7, site);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);

  return sqlite3_last_insert_rowid (db);
}

static void
relate (Fixture    *fixture,
        gint64      source,
        const char *kind,
        gint64      target)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = g_strdup_printf ("INSERT INTO ci_relations (source_id, target_id, kind) "
                                          "VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", '%s')",
                                          source, target, kind);

  g_assert_true (cw_store_exec (fixture->store, sql, &error));
  g_assert_no_error (error);
}

/* A switch running NX-OS (OS field) and a BMC firmware (firmware field). */
static gint64
add_switch (Fixture    *fixture,
            const char *name,
            const char *os)
{
  return add_ci (fixture, name, "switch", "Cisco", "Nexus 93180YC-FX", "4.1", os, 1);
}

/* ---- reading results ------------------------------------------------------- */

static CwCompatReport *
check (Fixture      *fixture,
       const gint64 *ids,
       guint         n_ids,
       const char   *product,
       const char   *target)
{
  g_autoptr(GError) error = NULL;
  CwCompatReport *report = cw_compat_check (fixture->store, ids, n_ids, product, target, TODAY,
                                            NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_cmpuint (report->results->len, <=, n_ids);

  /* What holds for every report: blockers first, and the counts add up. */
  {
    guint n_blockers = 0;
    guint n_warnings = 0;

    for (guint i = 0; i < report->results->len; i++)
      {
        CwCompatCiResult *result = g_ptr_array_index (report->results, i);
        guint blockers = 0;

        for (guint f = 0; f < result->findings->len; f++)
          {
            CwCompatFinding *finding = g_ptr_array_index (result->findings, f);

            g_assert_cmpint (finding->ci_id, ==, result->ci_id);
            g_assert_nonnull (finding->reason);
            g_assert_cmpstr (finding->reason, !=, "");
            if (finding->severity == CW_COMPAT_SEVERITY_BLOCKER)
              {
                g_assert_cmpuint (f, ==, blockers);
                blockers++;
              }
          }
        g_assert_cmpuint (result->n_blockers, ==, blockers);
        g_assert_cmpuint (result->n_warnings, ==, result->findings->len - blockers);
        n_blockers += result->n_blockers;
        n_warnings += result->n_warnings;
      }
    g_assert_cmpuint (report->n_blockers, ==, n_blockers);
    g_assert_cmpuint (report->n_warnings, ==, n_warnings);
  }

  return report;
}

static CwCompatCiResult *
result_of (CwCompatReport *report,
           gint64          ci_id)
{
  for (guint i = 0; i < report->results->len; i++)
    {
      CwCompatCiResult *result = g_ptr_array_index (report->results, i);

      if (result->ci_id == ci_id)
        return result;
    }

  g_assert_not_reached ();
}

/* The one finding of @kind and @state about @other_ci's @other_product (0:
 * any), or NULL. Fails when there are several. */
static CwCompatFinding *
find_finding (CwCompatCiResult    *result,
              CwCompatFindingKind  kind,
              CwCompatState        state,
              gint64               other_ci,
              gint64               other_product)
{
  CwCompatFinding *found = NULL;

  for (guint f = 0; f < result->findings->len; f++)
    {
      CwCompatFinding *finding = g_ptr_array_index (result->findings, f);

      if (finding->kind != kind || finding->state != state)
        continue;
      if (other_ci != 0 && finding->other_ci_id != other_ci)
        continue;
      if (other_product != 0 && finding->other_product_id != other_product)
        continue;
      g_assert_null (found);
      found = finding;
    }

  return found;
}

static void
assert_strv (GStrv       strv,
             const char *first,
             ...)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) expected = NULL;
  va_list args;

  va_start (args, first);
  for (const char *s = first; s != NULL; s = va_arg (args, const char *))
    g_strv_builder_add (builder, s);
  va_end (args);
  expected = g_strv_builder_end (builder);

  g_assert_nonnull (strv);
  g_assert_cmpstrv (strv, expected);
}

static GStrv
find_path (Fixture    *fixture,
           gint64      product,
           const char *from,
           const char *to)
{
  g_autoptr(GError) error = NULL;
  GStrv path = cw_compat_find_path (fixture->store, product, from, to, &error);

  g_assert_no_error (error);
  return path;
}
