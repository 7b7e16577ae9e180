/* test-compat-csv.h
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <string.h>

#include "cw-compat-csv.h"
#include "cw-compat.h"
#include "cw-test-fixture.h"

/* What test-compat-csv and test-compat-csv-export share: a workspace per
 * test, and importing and exporting text. */

typedef struct
{
  char    *dir;
  CwStore *store;
} Fixture;

static inline CwStore *
open_workspace (const char *dir,
                const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  CwStore *store = cw_store_open (path, CW_STORE_OPEN_CREATE_NEW, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static inline void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = cw_test_make_tmpdir ();
  fixture->store = open_workspace (fixture->dir, "a.db");
}

static inline void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  cw_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static inline CwCompatImportResult *
import_text (CwStore        *store,
             CwCompatTable   table,
             const char     *text,
             GError        **error)
{
  g_autoptr(GInputStream) input =
    g_memory_input_stream_new_from_data (g_strdup (text), strlen (text), g_free);

  return cw_compat_import (store, table, input, NULL, error);
}

/* Imports @text, which must be good. */
static inline CwCompatImportResult *
import_good (CwStore       *store,
             CwCompatTable  table,
             const char    *text)
{
  g_autoptr(GError) error = NULL;
  CwCompatImportResult *result = import_text (store, table, text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  g_assert_cmpuint (result->problems->len, ==, 0);
  return result;
}

/* Imports @text, which must be good; the result does not matter. */
static inline void
import_ok (CwStore       *store,
           CwCompatTable  table,
           const char    *text)
{
  g_autoptr(CwCompatImportResult) result = import_good (store, table, text);
}

static inline char *
export_text (CwStore       *store,
             CwCompatTable  table,
             guint         *n_rows)
{
  g_autoptr(GOutputStream) output = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  gboolean ok = cw_compat_export (store, table, output, n_rows, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_true (g_output_stream_write_all (output, "", 1, NULL, NULL, NULL));
  g_assert_true (g_output_stream_close (output, NULL, NULL));

  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (output));
}

