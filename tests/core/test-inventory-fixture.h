/* test-inventory-fixture.h: a demo workspace of N_CIS configuration items
 * and a searcher on it, for the inventory tests. Define N_CIS and
 * FIXTURE_SEED before including it.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cw-demo.h"
#include "cw-inventory-query.h"
#include "cw-test-fixture.h"

typedef struct
{
  char                *dir;
  char                *path;
  CwStore             *store;
  CwInventorySearcher *searcher;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(CwClock) clock = cw_test_fake_clock ();
  g_autoptr(GError) error = NULL;
  CwDemoOptions options = { .seed = FIXTURE_SEED, .n_cis = N_CIS };

  fixture->dir = cw_test_make_tmpdir ();
  fixture->path = g_build_filename (fixture->dir, "inventory.db", NULL);
  g_assert_true (cw_demo_create (fixture->path, &options, clock, NULL, &error));
  g_assert_no_error (error);

  fixture->store = cw_store_open (fixture->path, CW_STORE_OPEN_NO_CREATE, &error);
  g_assert_no_error (error);
  fixture->searcher = cw_inventory_searcher_new (fixture->path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->searcher);
  g_clear_object (&fixture->store);
  cw_test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}
