/* test-demo-runbooks.h
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the demo's runbooks must be: which ones, their versions, and what
 * each must hold to be a real procedure. Included by test-demo.c only. */

#pragma once

#include "cw-runbook.h"

/* The runbooks, by the product they apply to: the latest version, the
 * approved one (0 for none). */
static const struct {
  const char *product;
  const char *ci_class;
  guint       latest;
  guint       approved;
} demo_runbooks[] = {
  { "Cisco IOS XE",             "switch",      2, 1 },
  { "Dell PowerEdge R650 BIOS", "server",      1, 1 },
  { "VMware ESXi",              "hypervisor",  1, 1 },
  { "NetApp ONTAP",             "storage",     1, 1 },
  { "PostgreSQL",               "database",    2, 1 },
  { NULL,                       "certificate", 1, 0 },
};

static guint
count_steps (const CwRunbook *runbook,
             CwPhase          phase,
             int              type)   /* -1: any */
{
  guint n = 0;

  for (guint i = 0; i < runbook->steps->len; i++)
    {
      const CwRunbookStep *step = g_ptr_array_index (runbook->steps, i);

      if (step->phase == phase && (type < 0 || step->type == (CwStepType) type))
        n++;
    }

  return n;
}

static guint
count_type (const CwRunbook *runbook,
            CwStepType       type)
{
  guint n = 0;

  for (guint phase = 0; phase < CW_N_PHASES; phase++)
    n += count_steps (runbook, phase, type);

  return n;
}

/* What each demo runbook must hold to be a real procedure. */
static void
assert_complete (const CwRunbook *runbook)
{
  g_autoptr(CwRunbookTiming) timing = NULL;
  g_autoptr(GError) error = NULL;
  gboolean verified_backup = FALSE;

  g_test_message ("%s, version %u", runbook->name, runbook->version);

  g_assert_true (cw_runbook_check (runbook, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (count_steps (runbook, CW_PHASE_PREPARATION, -1), >, 0);
  g_assert_cmpuint (count_steps (runbook, CW_PHASE_PRECHECKS, CW_STEP_COMMAND), >=, 2);
  g_assert_cmpuint (count_steps (runbook, CW_PHASE_EXECUTION, -1), >, 0);
  g_assert_cmpuint (count_steps (runbook, CW_PHASE_VALIDATION, -1), >=, 2);
  g_assert_cmpuint (count_steps (runbook, CW_PHASE_ROLLBACK, -1), >=, 3);
  g_assert_cmpuint (count_type (runbook, CW_STEP_GATE), >=, 1);
  g_assert_cmpuint (count_type (runbook, CW_STEP_COMMS), >=, 2);

  /* A backup step that keeps evidence, and a command that verifies it. */
  for (guint i = 0; i < runbook->steps->len; i++)
    {
      const CwRunbookStep *step = g_ptr_array_index (runbook->steps, i);

      if (step->phase == CW_PHASE_BACKUP && step->type == CW_STEP_COMMAND &&
          step->predecessors != NULL && step->predecessors[0] != NULL)
        {
          const CwRunbookStep *backup = cw_runbook_find_step (runbook, step->predecessors[0]);

          if (backup != NULL && backup->phase == CW_PHASE_BACKUP &&
              backup->evidence != CW_EVIDENCE_NONE && step->evidence != CW_EVIDENCE_NONE)
            verified_backup = TRUE;
        }

      /* Every command step runs something and says what it expects. */
      if (step->type == CW_STEP_COMMAND)
        {
          g_assert_nonnull (step->argv);
          g_assert_nonnull (step->argv[0]);
          g_assert_cmpuint (step->timeout_s, >, 0);
        }
      g_assert_cmpuint (step->duration_min, >, 0);
    }
  g_assert_true (verified_backup);

  timing = cw_runbook_timing (runbook, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (timing->buffer_min, >=, 15);
  g_assert_cmpuint (timing->buffer_min, <=, 30);
  g_assert_cmpuint (timing->rollback_min, >, 0);
  g_assert_cmpuint (timing->validation_min, >, 0);
  /* Parallel streams: the critical path is shorter than the work. */
  g_assert_cmpuint (g_strv_length (timing->streams), >=, 2);
  g_assert_cmpuint (timing->critical_min, <, timing->effort_min);
}
