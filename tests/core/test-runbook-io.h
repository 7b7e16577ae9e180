/* test-runbook-io.h
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cw-runbook-io.h"

/* What the runbook interchange tests build on: a runbook with every field
 * set, and helpers for steps and text. */

static inline CwRunbookStep *
add_step (CwRunbook  *runbook,
          const char *id,
          CwPhase     phase,
          CwStepType  type,
          const char *title,
          guint       duration_min,
          const char *predecessors)
{
  CwRunbookStep *step = cw_runbook_step_new (id, phase, type, title);

  step->duration_min = duration_min;
  if (predecessors != NULL)
    step->predecessors = g_strsplit (predecessors, ";", -1);
  g_ptr_array_add (runbook->steps, step);

  return step;
}

G_GNUC_NULL_TERMINATED
static inline GStrv
strv_of (const char *first,
         ...)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  va_list args;

  va_start (args, first);
  for (const char *s = first; s != NULL; s = va_arg (args, const char *))
    g_strv_builder_add (builder, s);
  va_end (args);

  return g_strv_builder_end (builder);
}

/* Every field set, with unicode, Markdown, quotes and control characters. */
static inline CwRunbook *
full_runbook (void)
{
  CwRunbook *runbook = cw_runbook_new ("Switch stack “Kern-1” — Überprüfung ✓");
  CwRunbookStep *step;

  runbook->description = g_strdup ("Upgrade the *core* stack.\n\n> Say \"go\" first.\n");
  runbook->product = g_strdup ("Cisco IOS XE");
  runbook->ci_class = g_strdup ("network");
  runbook->version = 3;
  runbook->state = CW_RUNBOOK_APPROVED;
  runbook->author = g_strdup ("Zoë");
  runbook->approver = g_strdup ("Mårten");
  runbook->approved_at = 1793613600;  /* 2026-11-02T10:00:00Z */
  runbook->buffer_min = 15;

  step = add_step (runbook, "prep-1", CW_PHASE_PREPARATION, CW_STEP_COMMS, "Tell the NOC “now”", 5, NULL);
  step->stream = g_strdup ("network");
  step->instructions = g_strdup ("## Before\n\nSay \"go\" to the *NOC*:\n\n- a \\ backslash\n\ttab\x01" "ctl\r\nend ✓");
  step->acceptance = g_strdup ("NOC acknowledged");
  step->evidence = CW_EVIDENCE_NOTE | CW_EVIDENCE_FILE;

  step = add_step (runbook, "pre-1", CW_PHASE_PRECHECKS, CW_STEP_COMMAND, "Check the version", 10, "prep-1");
  step->stream = g_strdup ("network");
  step->argv = strv_of ("ssh", "sw1", "show version | include \"IOS\"", "it's", "$HOME",
                                       "a\\b", "", "naïve", NULL);
  step->workdir = g_strdup ("/tmp/wörk dir");
  step->timeout_s = 300;
  step->output_regex = g_strdup ("IOS XE.*17\\.9");
  step->evidence = CW_EVIDENCE_OUTPUT;

  step = add_step (runbook, "bk-1", CW_PHASE_BACKUP, CW_STEP_COMMAND, "Back up the configuration", 15, "prep-1");
  step->stream = g_strdup ("storage");
  step->argv = strv_of ("scp", "running-config", "backup:", NULL);
  step->expected_exit = 3;

  add_step (runbook, "go-1", CW_PHASE_EXECUTION, CW_STEP_GATE, "Go or no-go", 1, "pre-1;bk-1");
  step = add_step (runbook, "ex-1", CW_PHASE_EXECUTION, CW_STEP_COMMAND, "Upgrade", 40, "go-1");
  step->argv = strv_of ("upgrade", "--to=17.9.4a", NULL);
  add_step (runbook, "val-1", CW_PHASE_VALIDATION, CW_STEP_MANUAL, "Check the ports", 10, "ex-1");
  step = add_step (runbook, "rb-1", CW_PHASE_ROLLBACK, CW_STEP_APPROVAL, "Decide to roll back", 5, "ex-1");
  step->instructions = g_strdup ("Two people sign.");
  add_step (runbook, "rb-2", CW_PHASE_ROLLBACK, CW_STEP_MANUAL, "Boot the old image", 20, "rb-1");

  return runbook;
}

/* JSON written with ' for " so that the cases stay readable. */
static inline char *
sq (const char *text)
{
  char *json = g_strdup (text);

  for (char *p = json; *p != '\0'; p++)
    {
      if (*p == '\'')
        *p = '"';
    }

  return json;
}

static inline guint
count_lines (const char *text)
{
  guint n = 1;

  for (const char *p = text; *p != '\0'; p++)
    n += *p == '\n';

  return n;
}
