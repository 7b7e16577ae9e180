/* test-ics.h
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What test-ics.c and test-ics-export.c share: a workspace with sites and
 * CIs, the sample files, and instants worked out by GLib alone. Included by
 * those two files only. */

#pragma once

#include <sqlite3.h>
#include <string.h>

#include "cw-ics.h"
#include "cw-runbook-store.h"
#include "cw-schedule.h"
#include "cw-store-private.h"
#include "cw-test-fixture.h"

typedef struct
{
  char    *dir;
  char    *path;
  CwStore *store;
} Fixture;

G_GNUC_UNUSED static void
add_sites_and_cis (CwStore *store)
{
  char *message = NULL;

  g_assert_cmpint (sqlite3_exec (cw_store_get_handle (store),
                                 "INSERT INTO sites (code, name, time_zone) VALUES "
                                 "  ('FRA1', 'Frankfurt Data Centre', 'Europe/Berlin'),"
                                 "  ('LON2', 'London Docklands', 'Europe/London'),"
                                 "  ('SYD1', 'Sydney Alexandria', 'Australia/Sydney');"
                                 "INSERT INTO cis (class, name, site_id, updated_at) VALUES "
                                 "  ('switch', 'sw-fra1-0001', 1, '2026-01-01T00:00:00Z'),"
                                 "  ('switch', 'sw-fra1-0002', 1, '2026-01-01T00:00:00Z'),"
                                 "  ('router', 'rtr-syd1-0001', 3, '2026-01-01T00:00:00Z');",
                                 NULL, NULL, &message), ==, SQLITE_OK);
}

G_GNUC_UNUSED static CwStore *
open_store (Fixture    *fixture,
            const char *name)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GError) error = NULL;
  CwStore *store = cw_store_open (path, CW_STORE_OPEN_CREATE_NEW, &error);

  g_assert_no_error (error);
  add_sites_and_cis (store);

  return store;
}

G_GNUC_UNUSED static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = cw_test_make_tmpdir ();
  fixture->store = open_store (fixture, "ics.db");
  fixture->path = g_strdup (cw_store_get_path (fixture->store));
}

G_GNUC_UNUSED static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  cw_test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

/* An instant from ISO 8601 with its offset, by GLib alone. */
G_GNUC_UNUSED static gint64
at (const char *iso)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (dt);
  return g_date_time_to_unix (dt);
}

G_GNUC_UNUSED static char *
sample_path (const char *name)
{
  if (strchr (name, '/') != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (name, "/", 2);

      return g_test_build_filename (G_TEST_DIST, "core", "samples", "ics", parts[0], parts[1],
                                    NULL);
    }

  return g_test_build_filename (G_TEST_DIST, "core", "samples", "ics", name, NULL);
}

G_GNUC_UNUSED static char *
read_sample (const char *name)
{
  g_autofree char *path = sample_path (name);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

/* The number of the first line of @text that begins with @prefix, found
 * here by counting newlines, independently of the importer. */
G_GNUC_UNUSED static guint
line_of (const char *text,
         const char *prefix)
{
  guint line = 1;

  for (const char *p = text; *p != '\0'; p++)
    {
      if ((p == text || p[-1] == '\n') && g_str_has_prefix (p, prefix))
        return line;
      if (*p == '\n')
        line++;
    }

  g_error ("no line begins with “%s”", prefix);
}

G_GNUC_UNUSED static CwIcsImportResult
import_text (CwStore                  *store,
             const char               *text,
             const CwIcsImportOptions *options)
{
  g_autoptr(GError) error = NULL;
  CwIcsImportResult result;

  gboolean ok = cw_ics_import (store, text, -1, options, &result, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
  return result;
}

G_GNUC_UNUSED static CwMaintWindow *
window_named (CwStore    *store,
              const char *name)
{
  g_autoptr(GPtrArray) windows = NULL;
  g_autoptr(GError) error = NULL;

  windows = cw_schedule_list_windows (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < windows->len; i++)
    {
      CwMaintWindow *window = g_ptr_array_index (windows, i);

      if (g_str_equal (window->name, name))
        return cw_maint_window_copy (window);
    }

  g_error ("no window “%s”", name);
}

G_GNUC_UNUSED static gint64
count_rows (CwStore    *store,
            const char *table)
{
  g_autoptr(GError) error = NULL;
  gint64 n = cw_store_count_table (store, table, &error);

  g_assert_no_error (error);
  return n;
}

G_GNUC_UNUSED static GArray *
expand (const CwMaintWindow *window,
        const char     *from,
        const char     *to)
{
  g_autoptr(GError) error = NULL;
  GArray *occurrences = cw_maint_window_expand (window, at (from), at (to), &error);

  g_assert_no_error (error);
  return occurrences;
}

G_GNUC_UNUSED static gboolean
strv_equal (GStrv a,
            GStrv b)
{
  if (a == NULL || b == NULL)
    return (a == NULL || a[0] == NULL) && (b == NULL || b[0] == NULL);

  return g_strv_equal ((const char * const *) a, (const char * const *) b);
}
