/* test-cli-runbook.h
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The helpers of test-cli-runbook.c: a small runbook with two parallel
 * streams whose timing is worked out here, independently of the CLI.
 * Included by test-cli-runbook.c only. */

#pragma once

#include <gio/gio.h>
#include <string.h>

#include "cw-test-fixture.h"

#define AUTHOR "alice.adams"
#define NAME   "Small change"

/* The names test-runbook-demo.h, included after this file, uses for the
 * helpers of cw-test-fixture.h. */
typedef CwTestRun Run;
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, cw_test_run_clear)
#define run_cli  cw_test_cli_run
#define tmp_path cw_test_tmp_path

/* ---- the small runbook ----------------------------------------------------- */

/* Two parallel streams in execution, joined by a gate; validation has two
 * branches too. Predecessors are ";"-separated. No two paths of a section
 * have the same length, so the critical path is unique. */
static const struct {
  const char *id;
  const char *phase;
  const char *stream;
  const char *type;
  guint       duration;
  const char *predecessors;
} small[] = {
  { "prep",  "preparation", NULL,       "comms",   10, "" },
  { "check", "pre-checks",  NULL,       "manual",   5, "prep" },
  { "save",  "backup",      NULL,       "manual",   4, "check" },
  { "a1",    "execution",   "switches", "manual",  20, "save" },
  { "a2",    "execution",   "switches", "manual",  15, "a1" },
  { "b1",    "execution",   "servers",  "manual",  30, "save" },
  { "b2",    "execution",   "servers",  "manual",  12, "b1" },
  { "join",  "execution",   NULL,       "gate",     5, "a2;b2" },
  { "v1",    "validation",  NULL,       "manual",  10, "" },
  { "v2",    "validation",  NULL,       "manual",   6, "v1" },
  { "v3",    "validation",  NULL,       "manual",   9, "" },
  { "r1",    "rollback",    NULL,       "gate",     3, "" },
  { "r2",    "rollback",    NULL,       "manual",  25, "r1" },
};

#define SMALL_BUFFER 15

static const char *
section_of (const char *phase)
{
  if (g_str_equal (phase, "validation") || g_str_equal (phase, "rollback"))
    return phase;
  return "forward";
}

/* The longest path through the steps of @section, with its ids in order. */
static guint
longest_path (const char *section,
              GPtrArray  *ids)
{
  guint end[G_N_ELEMENTS (small)] = { 0 };
  int via[G_N_ELEMENTS (small)];
  guint best = 0;
  int last = -1;

  /* The table lists every step after its predecessors. */
  for (guint i = 0; i < G_N_ELEMENTS (small); i++)
    {
      g_auto(GStrv) preds = g_strsplit (small[i].predecessors, ";", -1);
      guint start = 0;

      via[i] = -1;
      if (!g_str_equal (section_of (small[i].phase), section))
        continue;

      for (guint p = 0; preds[p] != NULL; p++)
        for (guint j = 0; j < i; j++)
          if (g_str_equal (small[j].id, preds[p]) && end[j] > start &&
              g_str_equal (section_of (small[j].phase), section))
            {
              start = end[j];
              via[i] = (int) j;
            }

      end[i] = start + small[i].duration;
      if (end[i] > best)
        {
          best = end[i];
          last = (int) i;
        }
    }

  for (int i = last; i >= 0 && ids != NULL; i = via[i])
    g_ptr_array_insert (ids, 0, (gpointer) small[i].id);

  return best;
}

static char *
small_json (const char *name)
{
  g_autoptr(GString) json = g_string_new (NULL);

  g_string_append_printf (json, "{\n  \"format\": \"changeward-runbook/1\",\n  \"name\": \"%s\",\n"
                          "  \"author\": \"%s\",\n  \"buffer_min\": %u,\n  \"steps\": [\n",
                          name, AUTHOR, SMALL_BUFFER);
  for (guint i = 0; i < G_N_ELEMENTS (small); i++)
    {
      g_auto(GStrv) preds = g_strsplit (small[i].predecessors, ";", -1);

      g_string_append_printf (json, "    {\"id\": \"%s\", \"phase\": \"%s\", \"title\": \"Step %s\", "
                              "\"type\": \"%s\", \"duration_min\": %u",
                              small[i].id, small[i].phase, small[i].id, small[i].type,
                              small[i].duration);
      if (small[i].stream != NULL)
        g_string_append_printf (json, ", \"stream\": \"%s\"", small[i].stream);
      g_string_append (json, ", \"predecessors\": [");
      for (guint p = 0; preds[p] != NULL; p++)
        g_string_append_printf (json, "%s\"%s\"", p > 0 ? ", " : "", preds[p]);
      g_string_append_printf (json, "]}%s\n", i + 1 < G_N_ELEMENTS (small) ? "," : "");
    }
  g_string_append (json, "  ]\n}\n");

  return g_string_free (g_steal_pointer (&json), FALSE);
}

/* A workspace holding "Small change" version 1, a draft by AUTHOR. */
static char *
workspace_with_small (const char *name)
{
  g_autofree char *json = small_json (NAME);
  g_autofree char *file = NULL;
  g_autofree char *file_name = g_strdup_printf ("%s.json", name);
  g_autofree char *db_name = g_strdup_printf ("%s.db", name);
  g_auto(CwTestRun) run = { 0 };
  char *workspace = cw_test_make_workspace (db_name, NULL);

  file = cw_test_write_tmp_file (file_name, json);
  cw_test_cli_run (&run, "runbook", "import", "--workspace", workspace, file);
  g_assert_cmpint (run.status, ==, 0);

  return workspace;
}
