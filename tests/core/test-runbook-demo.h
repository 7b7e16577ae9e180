/* test-runbook-demo.h
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The demo's runbooks through the real binary: their timing, worked out by
 * hand from the JSON files, and the commands' expected output checked
 * against what the real tools print. Included by test-cli-runbook.c only,
 * after test-cli-runbook.h. */

#pragma once

#include <json-glib/json-glib.h>

#include "cw-runbook-io.h"

#define CATALYST  "Catalyst 9300 stack IOS XE upgrade"
#define POWEREDGE "PowerEdge R650 BIOS and iDRAC update"

static char *
demo_workspace (const char *name)
{
  g_auto(Run) run = { 0 };
  char *workspace = tmp_path (name);

  run_cli (&run, "demo", "--cis", "0", "--workspace", workspace);
  g_assert_cmpint (run.status, ==, 0);

  return workspace;
}

/* `runbook show --json`, parsed: the caller owns the parser. */
static JsonObject *
show_json (JsonParser *parser,
           const char *workspace,
           const char *name,
           const char *version)
{
  g_auto(Run) run = { 0 };
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  run_cli (&run, "runbook", "show", "--workspace", workspace, name, "--version", version, "--json");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, run.out, -1, &error));
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));

  return json_node_get_object (root);
}

static char *
critical_path_of (JsonObject *show)
{
  JsonArray *ids = json_object_get_array_member (show, "critical_path");
  g_autoptr(GString) path = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (ids); i++)
    g_string_append_printf (path, "%s%s", i > 0 ? " " : "", json_array_get_string_element (ids, i));

  return g_string_free (g_steal_pointer (&path), FALSE);
}

/* Worked out by hand from catalyst-9300-ios-xe.json, version 1. The forward
 * plan: prep-image 20, prep-checksum 2 (22), pre-version 2 (24), pre-stack 2
 * (26), pre-ports 3 (29), the longest branch into pre-go (pre-install-summary
 * ends at 26, pre-flash and pre-saved at 27, comms-start at 10); pre-go 5
 * (34), bkp-config 3 (37), bkp-verify 1 (38), exe-add 20 (58), exe-check-add
 * 1 (59), exe-gate 3 (62), exe-activate 15 (77), exe-members 2 (79; exe-watch,
 * beside them, ends at 77), exe-commit-gate 5 (84), exe-commit 1: 85
 * minutes. Validation:
 * val-version 2, val-ports 5 (7); val-endpoints 10; comms-finish after the
 * longest, 10 + 5: 15. Rollback, one chain: 5 + 20 + 2 + 10 + 5 = 42. The
 * buffer is 20: a window of 85 + 15 + 42 + 20 = 162 minutes. Version 2 adds
 * pre-licence (1 minute after pre-stack: off the critical path) and makes
 * exe-add 30 minutes: 95, and a window of 172. */
static void
test_demo_timing (void)
{
  g_autofree char *workspace = demo_workspace ("demo-timing.db");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonParser) parser2 = json_parser_new ();
  g_autofree char *path = NULL;
  JsonObject *show;

  show = show_json (parser, workspace, CATALYST, "1");
  path = critical_path_of (show);
  g_assert_cmpstr (path, ==, "prep-image prep-checksum pre-version pre-stack pre-ports pre-go "
                             "bkp-config bkp-verify exe-add exe-check-add exe-gate exe-activate "
                             "exe-members exe-commit-gate exe-commit");
  g_assert_cmpint (json_object_get_int_member (show, "critical_path_min"), ==, 85);
  g_assert_cmpint (json_object_get_int_member (show, "validation_min"), ==, 15);
  g_assert_cmpint (json_object_get_int_member (show, "rollback_min"), ==, 42);
  g_assert_cmpint (json_object_get_int_member (show, "buffer_min"), ==, 20);
  g_assert_cmpint (json_object_get_int_member (show, "window_min"), ==, 162);
  g_assert_true (json_object_get_boolean_member (show, "valid"));
  g_assert_cmpstr (json_object_get_string_member (show, "state"), ==, "approved");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (show, "steps")), ==, 32);

  show = show_json (parser2, workspace, CATALYST, "2");
  g_assert_cmpint (json_object_get_int_member (show, "critical_path_min"), ==, 95);
  g_assert_cmpint (json_object_get_int_member (show, "window_min"), ==, 172);
  g_assert_cmpstr (json_object_get_string_member (show, "state"), ==, "draft");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (show, "steps")), ==, 33);
}

/* For every demo runbook: the critical path is a chain of predecessors
 * from a step that waits for nothing before it, its durations add up to the
 * critical minutes, and the window adds up. */
static void
test_demo_critical_paths (void)
{
  g_autofree char *workspace = demo_workspace ("demo-paths.db");
  const char *names[] = {
    CATALYST, POWEREDGE, "ESXi host patch to 8.0 U2", "ONTAP upgrade 9.11.1 to 9.13.1",
    "PostgreSQL minor upgrade to 15.10", "TLS certificate renewal",
  };

  for (guint n = 0; n < G_N_ELEMENTS (names); n++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_auto(Run) exported = { 0 };
      g_autoptr(CwRunbook) runbook = NULL;
      g_autoptr(GError) error = NULL;
      JsonObject *show = show_json (parser, workspace, names[n], "1");
      JsonArray *ids = json_object_get_array_member (show, "critical_path");
      guint sum = 0;

      run_cli (&exported, "runbook", "export", "--workspace", workspace, names[n], "--version",
               "1", "--format", "json");
      g_assert_cmpint (exported.status, ==, 0);
      runbook = cw_runbook_from_json (exported.out, -1, NULL, &error);
      g_assert_no_error (error);

      g_assert_cmpuint (json_array_get_length (ids), >, 2);
      for (guint i = 0; i < json_array_get_length (ids); i++)
        {
          const CwRunbookStep *step = cw_runbook_find_step (runbook, json_array_get_string_element (ids, i));

          g_assert_nonnull (step);
          g_assert_cmpint (step->phase, <, CW_PHASE_VALIDATION);
          sum += step->duration_min;
          if (i > 0)
            g_assert_true (g_strv_contains ((const char * const *) step->predecessors,
                                            json_array_get_string_element (ids, i - 1)));
        }
      g_assert_cmpint (sum, ==, json_object_get_int_member (show, "critical_path_min"));
      g_assert_cmpint (json_object_get_int_member (show, "window_min"), ==,
                       json_object_get_int_member (show, "critical_path_min") +
                       json_object_get_int_member (show, "validation_min") +
                       json_object_get_int_member (show, "rollback_min") +
                       json_object_get_int_member (show, "buffer_min"));
    }
}

/* What iDRAC9's racadm prints, and what each step of the PowerEdge runbook
 * must (or must not) accept. racadm pads the names in getversion, answers
 * an update or a rollback with a message id and no job id, and writes a
 * job's status without brackets. */
static const struct {
  const char *step;
  const char *output;
  gboolean    matches;
} racadm_outputs[] = {
  { "pre-versions", " Bios Version                     = 1.11.2\n"
                    " iDRAC Version                    = 6.10.80.00\n"
                    " Lifecycle Controller Version     = 6.10.80.00\n", TRUE },
  { "pre-versions", " Bios Version                     = 1.11.2\n"
                    " iDRAC Version                    = 7.00.00.00\n", TRUE },
  /* Too old for a 7.x image in one update. */
  { "pre-versions", " Bios Version                     = 1.10.2\n"
                    " iDRAC Version                    = 6.00.30.00\n", FALSE },
  { "pre-lc", "Server Status: Server is out of POST\nLC Status: Ready\nReal-time Status: Ready\n"
              "Overall Status: Ready\nTelemetry Status: Available\n", TRUE },
  { "exe-idrac", "RAC987: Firmware update job for iDRAC-with-Lifecycle-Controller_Firmware_7.00.30.00_A00.EXE "
                 "is initiated.\nThis firmware update job may take several minutes to complete depending "
                 "on the component or firmware being updated. To view the progress of the job, use the "
                 "\"racadm jobqueue view\" command.\n", TRUE },
  { "exe-idrac-check", " Bios Version                     = 1.11.2\n"
                       " iDRAC Version                    = 7.00.30.00\n", TRUE },
  { "exe-idrac-check", " Bios Version                     = 1.11.2\n"
                       " iDRAC Version                    = 6.10.80.00\n", FALSE },
  { "exe-bios-stage", "RAC987: Firmware update job for BIOS_R650_1.12.1_A00.EXE is initiated.\n", TRUE },
  { "exe-power-on", "Server power operation successful\n", TRUE },
  { "exe-jobs", "---------------------------- JOB QUEUE ----------------------------\n"
                "[Job ID=JID_912345678901]\nJob Name=Firmware Update: BIOS\nStatus=Completed\n"
                "Start Time=[Not Applicable]\nExpiration Time=[Not Applicable]\n"
                "Message=[PR19: Job completed successfully.]\nPercent Complete=[100]\n", TRUE },
  { "exe-jobs", "[Job ID=JID_912345678901]\nJob Name=Firmware Update: BIOS\nStatus=Scheduled\n"
                "Message=[JCP001: Task successfully scheduled.]\nPercent Complete=[0]\n", FALSE },
  { "val-versions", " Bios Version                     = 1.12.1\n"
                    " iDRAC Version                    = 7.00.30.00\n", TRUE },
  { "rb-bios", "RAC1056: Rollback operation initiated successfully.\n", TRUE },
  { "rb-idrac", "RAC1056: Rollback operation initiated successfully.\n", TRUE },
};

static void
test_demo_commands (void)
{
  g_autofree char *workspace = demo_workspace ("demo-commands.db");
  g_autoptr(CwRunbook) runbook = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Run) exported = { 0 };
  const CwRunbookStep *step;

  run_cli (&exported, "runbook", "export", "--workspace", workspace, POWEREDGE, "--format", "json");
  g_assert_cmpint (exported.status, ==, 0);
  runbook = cw_runbook_from_json (exported.out, -1, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (racadm_outputs); i++)
    {
      step = cw_runbook_find_step (runbook, racadm_outputs[i].step);
      g_test_message ("%s: %s", racadm_outputs[i].step, step != NULL ? step->output_regex : "(none)");
      g_assert_nonnull (step);
      g_assert_nonnull (step->output_regex);
      g_assert_cmpint (g_regex_match_simple (step->output_regex, racadm_outputs[i].output, 0, 0), ==,
                       racadm_outputs[i].matches);
    }

  /* The BIOS is rolled back first, then the iDRAC: never an iDRAC restart
   * while the Lifecycle Controller applies a BIOS. */
  step = cw_runbook_find_step (runbook, "rb-idrac");
  g_assert_true (g_strv_contains ((const char * const *) step->predecessors, "rb-bios"));
}
