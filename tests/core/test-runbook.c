/* test-runbook.c: the runbook model, its validation, timing and diff.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-runbook"

#include "config.h"

#include <string.h>

#include "cw-runbook.h"

/* Adds a manual step; @predecessors is "a;b" or NULL. */
static CwRunbookStep *
add_step (CwRunbook  *runbook,
          const char *id,
          CwPhase     phase,
          const char *stream,
          guint       duration_min,
          const char *predecessors)
{
  g_autofree char *title = g_strdup_printf ("Do %s", id != NULL ? id : "it");
  CwRunbookStep *step = cw_runbook_step_new (id, phase, CW_STEP_MANUAL, title);

  step->stream = g_strdup (stream);
  step->duration_min = duration_min;
  if (predecessors != NULL)
    step->predecessors = g_strsplit (predecessors, ";", -1);
  g_ptr_array_add (runbook->steps, step);

  return step;
}

static CwRunbook *
make_full_runbook (void)
{
  CwRunbook *runbook = cw_runbook_new ("Switch stack upgrade");
  CwRunbookStep *step;

  runbook->description = g_strdup ("Upgrade the core switch stack");
  runbook->product = g_strdup ("NX-OS");
  runbook->ci_class = g_strdup ("switch");
  runbook->buffer_min = 15;

  add_step (runbook, "announce", CW_PHASE_PREPARATION, "comms", 5, NULL);
  step = add_step (runbook, "backup-config", CW_PHASE_BACKUP, "net", 10, "announce");
  step->type = CW_STEP_COMMAND;
  step->argv = g_strsplit ("scp switch:running-config /backups/sw1 config", " ", -1);
  step->workdir = g_strdup ("/srv");
  step->timeout_s = 300;
  step->expected_exit = 0;
  step->output_regex = g_strdup ("^copied [0-9]+ bytes$");
  step->evidence = CW_EVIDENCE_OUTPUT | CW_EVIDENCE_FILE;
  step->acceptance = g_strdup ("The file is not empty");
  step->instructions = g_strdup ("Copy the **running** config.");
  step = add_step (runbook, "upgrade", CW_PHASE_EXECUTION, "net", 40, "backup-config");
  step->type = CW_STEP_GATE;
  add_step (runbook, "ping", CW_PHASE_VALIDATION, "net", 10, "upgrade");
  add_step (runbook, "restore", CW_PHASE_ROLLBACK, "net", 20, NULL);

  return runbook;
}

/* ---- model ------------------------------------------------------------------ */

static void
test_enums (void)
{
  CwPhase phase;
  CwStepType type;
  CwEvidence evidence;

  for (guint i = 0; i < CW_N_PHASES; i++)
    {
      g_assert_true (cw_phase_from_string (cw_phase_to_string (i), &phase));
      g_assert_cmpint (phase, ==, i);
      g_assert_nonnull (cw_phase_get_label (i));
    }
  g_assert_cmpstr (cw_phase_to_string (CW_PHASE_PRECHECKS), ==, "pre-checks");
  g_assert_cmpstr (cw_phase_get_label (CW_PHASE_PRECHECKS), ==, "Pre-checks");
  g_assert_true (cw_phase_from_string ("PreChecks", &phase));
  g_assert_cmpint (phase, ==, CW_PHASE_PRECHECKS);
  g_assert_true (cw_phase_from_string ("pre_checks", &phase));
  g_assert_true (cw_phase_from_string ("ROLLBACK", &phase));
  g_assert_cmpint (phase, ==, CW_PHASE_ROLLBACK);
  g_assert_false (cw_phase_from_string ("cleanup", &phase));
  g_assert_false (cw_phase_from_string (NULL, &phase));

  for (guint i = 0; i < CW_N_STEP_TYPES; i++)
    {
      g_assert_true (cw_step_type_from_string (cw_step_type_to_string (i), &type));
      g_assert_cmpint (type, ==, i);
    }
  g_assert_cmpstr (cw_step_type_get_label (CW_STEP_GATE), ==, "Go/No-Go Gate");
  g_assert_cmpstr (cw_step_type_get_label (CW_STEP_APPROVAL), ==, "Two-Person Approval");
  g_assert_false (cw_step_type_from_string ("script", &type));

  for (guint e = 0; e < 8; e++)
    {
      g_autofree char *text = cw_evidence_to_string (e);

      g_assert_true (cw_evidence_from_string (text, &evidence));
      g_assert_cmpint (evidence, ==, e);
    }
  {
    g_autofree char *all = cw_evidence_to_string (CW_EVIDENCE_FILE | CW_EVIDENCE_NOTE | CW_EVIDENCE_OUTPUT);
    g_autofree char *none = cw_evidence_to_string (CW_EVIDENCE_NONE);

    g_assert_cmpstr (all, ==, "note;output;file");
    g_assert_cmpstr (none, ==, "");
  }
  g_assert_true (cw_evidence_from_string (" file , note ", &evidence));
  g_assert_cmpint (evidence, ==, CW_EVIDENCE_FILE | CW_EVIDENCE_NOTE);
  g_assert_true (cw_evidence_from_string ("", &evidence));
  g_assert_cmpint (evidence, ==, CW_EVIDENCE_NONE);
  g_assert_false (cw_evidence_from_string ("note;photo", &evidence));

  g_assert_cmpstr (cw_runbook_state_to_string (CW_RUNBOOK_DRAFT), ==, "draft");
  g_assert_cmpstr (cw_runbook_state_to_string (CW_RUNBOOK_APPROVED), ==, "approved");
}

static void
test_copy_equal (void)
{
  g_autoptr(CwRunbook) runbook = make_full_runbook ();
  g_autoptr(CwRunbook) copy = cw_runbook_copy (runbook);
  CwRunbookStep *step;

  g_assert_true (cw_runbook_content_equal (runbook, copy));
  g_assert_true (g_ptr_array_index (copy->steps, 1) != g_ptr_array_index (runbook->steps, 1));

  /* People and versions do not count. */
  copy->version = 4;
  copy->author = g_strdup ("bob");
  g_assert_true (cw_runbook_content_equal (runbook, copy));

  step = cw_runbook_find_step (copy, "backup-config");
  g_assert_nonnull (step);
  g_free (step->argv[1]);
  step->argv[1] = g_strdup ("other:config");
  g_assert_false (cw_runbook_content_equal (runbook, copy));
  g_assert_false (cw_runbook_step_equal (step, cw_runbook_find_step (runbook, "backup-config")));

  g_clear_pointer (&copy, cw_runbook_free);
  copy = cw_runbook_copy (runbook);
  copy->buffer_min = 0;
  g_assert_false (cw_runbook_content_equal (runbook, copy));

  g_clear_pointer (&copy, cw_runbook_free);
  copy = cw_runbook_copy (runbook);
  cw_runbook_find_step (copy, "upgrade")->evidence = CW_EVIDENCE_NOTE;
  g_assert_false (cw_runbook_content_equal (runbook, copy));

  g_assert_cmpint (cw_runbook_find_step_index (runbook, "upgrade"), ==, 2);
  g_assert_cmpint (cw_runbook_find_step_index (runbook, "nope"), ==, -1);
  g_assert_null (cw_runbook_find_step (runbook, "nope"));
}

static void
test_make_step_id (void)
{
  g_autoptr(CwRunbook) runbook = cw_runbook_new ("ids");
  g_autofree char *first = cw_runbook_make_step_id (runbook);
  g_autofree char *after_clash = NULL;
  g_autofree char *third = NULL;

  g_assert_cmpstr (first, ==, "step-1");

  add_step (runbook, "step-2", CW_PHASE_EXECUTION, NULL, 1, NULL);
  add_step (runbook, "step-3", CW_PHASE_EXECUTION, NULL, 1, NULL);
  after_clash = cw_runbook_make_step_id (runbook);
  g_assert_cmpstr (after_clash, ==, "step-4");

  g_ptr_array_remove_index (runbook->steps, 1);
  third = cw_runbook_make_step_id (runbook);
  g_assert_cmpstr (third, ==, "step-3");
}

/* ---- validation ------------------------------------------------------------- */

static void
assert_ids (GStrv       ids,
            const char *expected)   /* "a,b,c" */
{
  g_autofree char *joined = g_strjoinv (",", ids);

  g_assert_cmpstr (joined, ==, expected);
}

static const CwRunbookProblem *
only_problem (GPtrArray            *problems,
              CwRunbookProblemKind  kind)
{
  const CwRunbookProblem *found = NULL;

  for (guint i = 0; i < problems->len; i++)
    {
      const CwRunbookProblem *problem = g_ptr_array_index (problems, i);

      if (problem->kind != kind)
        continue;
      g_assert_null (found);
      found = problem;
    }

  g_assert_nonnull (found);
  return found;
}

static void
test_validate_valid (void)
{
  g_autoptr(CwRunbook) empty = cw_runbook_new ("empty");
  g_autoptr(CwRunbook) runbook = make_full_runbook ();
  g_autoptr(GPtrArray) problems = cw_runbook_validate (empty);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* Two parallel streams joining; rollback waiting for an execution step. */
  add_step (runbook, "drain-a", CW_PHASE_PRECHECKS, "a", 5, "announce");
  add_step (runbook, "drain-b", CW_PHASE_PRECHECKS, "b", 7, "announce");
  add_step (runbook, "joined", CW_PHASE_EXECUTION, NULL, 1, "drain-a;drain-b;upgrade");
  add_step (runbook, "undo", CW_PHASE_ROLLBACK, NULL, 1, "upgrade;restore");

  problems = cw_runbook_validate (runbook);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_true (cw_runbook_check (runbook, &error));
  g_assert_no_error (error);
}

static void
test_validate_problems (void)
{
  g_autoptr(CwRunbook) runbook = cw_runbook_new ("broken");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  const CwRunbookProblem *problem;
  CwRunbookStep *step;

  add_step (runbook, NULL, CW_PHASE_PREPARATION, NULL, 1, NULL);               /* 1 missing id */
  add_step (runbook, "bad id!", CW_PHASE_PREPARATION, NULL, 1, NULL);          /* 2 bad id */
  add_step (runbook, "twin", CW_PHASE_PREPARATION, NULL, 1, NULL);             /* 3 */
  add_step (runbook, "twin", CW_PHASE_PREPARATION, NULL, 1, NULL);             /* 4 duplicate */
  step = add_step (runbook, "untitled", CW_PHASE_PREPARATION, NULL, 1, NULL);  /* 5 */
  g_clear_pointer (&step->title, g_free);
  step->title = g_strdup ("  ");
  add_step (runbook, "orphan", CW_PHASE_BACKUP, NULL, 1, "ghost");             /* 6 */
  add_step (runbook, "narcissus", CW_PHASE_BACKUP, NULL, 1, "narcissus");      /* 7 */
  add_step (runbook, "early", CW_PHASE_PRECHECKS, NULL, 1, "late");            /* 8 wrong order */
  add_step (runbook, "late", CW_PHASE_EXECUTION, NULL, 1, NULL);               /* 9 */
  step = add_step (runbook, "cmd", CW_PHASE_EXECUTION, NULL, 1, NULL);         /* 10 no command */
  step->type = CW_STEP_COMMAND;
  step->argv = g_new0 (char *, 2);
  step->argv[0] = g_strdup ("");
  step = add_step (runbook, "regex", CW_PHASE_EXECUTION, NULL, 1, NULL);       /* 11 bad regex */
  step->output_regex = g_strdup ("ok(");
  add_step (runbook, "on-undo", CW_PHASE_VALIDATION, NULL, 1, "late");         /* 12 fine */
  add_step (runbook, "x", CW_PHASE_EXECUTION, NULL, 1, "z");                   /* 13 cycle x→y→z */
  add_step (runbook, "y", CW_PHASE_EXECUTION, NULL, 1, "x");
  add_step (runbook, "z", CW_PHASE_EXECUTION, NULL, 1, "y");

  problems = cw_runbook_validate (runbook);

  g_assert_cmpint (((CwRunbookProblem *) g_ptr_array_index (problems, 0))->kind, ==, CW_PROBLEM_MISSING_ID);
  problem = only_problem (problems, CW_PROBLEM_MISSING_ID);
  g_assert_nonnull (strstr (problem->message, "Step 1 "));

  problem = only_problem (problems, CW_PROBLEM_BAD_ID);
  assert_ids (problem->step_ids, "bad id!");
  g_assert_nonnull (strstr (problem->message, "“bad id!”"));

  problem = only_problem (problems, CW_PROBLEM_DUPLICATE_ID);
  assert_ids (problem->step_ids, "twin");
  g_assert_nonnull (strstr (problem->message, "3, 4"));

  problem = only_problem (problems, CW_PROBLEM_MISSING_TITLE);
  assert_ids (problem->step_ids, "untitled");
  g_assert_nonnull (strstr (problem->message, "“untitled”"));

  problem = only_problem (problems, CW_PROBLEM_UNKNOWN_PREDECESSOR);
  assert_ids (problem->step_ids, "orphan");
  g_assert_nonnull (strstr (problem->message, "“orphan”"));
  g_assert_nonnull (strstr (problem->message, "“ghost”"));

  problem = only_problem (problems, CW_PROBLEM_SELF_PREDECESSOR);
  assert_ids (problem->step_ids, "narcissus");

  problem = only_problem (problems, CW_PROBLEM_WRONG_PHASE_ORDER);
  assert_ids (problem->step_ids, "early,late");

  problem = only_problem (problems, CW_PROBLEM_NO_COMMAND);
  assert_ids (problem->step_ids, "cmd");

  problem = only_problem (problems, CW_PROBLEM_BAD_REGEX);
  assert_ids (problem->step_ids, "regex");
  g_assert_nonnull (strstr (problem->message, "“regex”"));

  problem = only_problem (problems, CW_PROBLEM_CYCLE);
  assert_ids (problem->step_ids, "x,y,z");
  g_assert_cmpstr (problem->message, ==,
                   "Steps “x” → “y” → “z” → “x” form a cycle, so none of them can start. "
                   "Remove one of these predecessors.");

  problem = only_problem (problems, CW_PROBLEM_NO_ROLLBACK);
  g_assert_cmpuint (g_strv_length (problem->step_ids), ==, 0);
  g_assert_cmpint (((CwRunbookProblem *) g_ptr_array_index (problems, problems->len - 1))->kind,
                   ==, CW_PROBLEM_NO_ROLLBACK);

  g_assert_cmpuint (problems->len, ==, 11);

  /* In step order. */
  {
    const CwRunbookProblemKind order[] = {
      CW_PROBLEM_MISSING_ID, CW_PROBLEM_BAD_ID, CW_PROBLEM_DUPLICATE_ID, CW_PROBLEM_MISSING_TITLE,
      CW_PROBLEM_UNKNOWN_PREDECESSOR, CW_PROBLEM_SELF_PREDECESSOR, CW_PROBLEM_WRONG_PHASE_ORDER,
      CW_PROBLEM_NO_COMMAND, CW_PROBLEM_BAD_REGEX, CW_PROBLEM_CYCLE, CW_PROBLEM_NO_ROLLBACK,
    };

    for (guint i = 0; i < G_N_ELEMENTS (order); i++)
      g_assert_cmpint (((CwRunbookProblem *) g_ptr_array_index (problems, i))->kind, ==, order[i]);
  }

  g_assert_false (cw_runbook_check (runbook, &error));
  g_assert_error (error, CW_RUNBOOK_ERROR, CW_RUNBOOK_ERROR_INVALID);
  {
    g_auto(GStrv) lines = g_strsplit (error->message, "\n", -1);

    g_assert_cmpuint (g_strv_length (lines), ==, problems->len);
    for (guint i = 0; i < problems->len; i++)
      g_assert_cmpstr (lines[i], ==, ((CwRunbookProblem *) g_ptr_array_index (problems, i))->message);
  }
}

static void
test_validate_phase_order (void)
{
  g_autoptr(CwRunbook) runbook = cw_runbook_new ("phases");
  g_autoptr(GPtrArray) problems = NULL;
  const CwRunbookProblem *problem;

  add_step (runbook, "undo", CW_PHASE_ROLLBACK, NULL, 1, "check");
  add_step (runbook, "check", CW_PHASE_VALIDATION, NULL, 1, "undo");
  add_step (runbook, "prep", CW_PHASE_PREPARATION, NULL, 1, "backup");
  add_step (runbook, "backup", CW_PHASE_BACKUP, NULL, 1, NULL);

  problems = cw_runbook_validate (runbook);

  /* check → undo (a rollback step) and prep → backup (later), plus the
   * undo ↔ check cycle. */
  g_assert_cmpuint (problems->len, ==, 3);
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpint (problem->kind, ==, CW_PROBLEM_CYCLE);
  assert_ids (problem->step_ids, "undo,check");
  problem = g_ptr_array_index (problems, 1);
  g_assert_cmpint (problem->kind, ==, CW_PROBLEM_WRONG_PHASE_ORDER);
  assert_ids (problem->step_ids, "check,undo");
  problem = g_ptr_array_index (problems, 2);
  g_assert_cmpint (problem->kind, ==, CW_PROBLEM_WRONG_PHASE_ORDER);
  assert_ids (problem->step_ids, "prep,backup");
}

static void
test_validate_two_cycles (void)
{
  g_autoptr(CwRunbook) runbook = cw_runbook_new ("cycles");
  g_autoptr(GPtrArray) problems = NULL;

  /* A four-step component with a chord, and a separate pair. */
  add_step (runbook, "a", CW_PHASE_EXECUTION, NULL, 1, "d");
  add_step (runbook, "b", CW_PHASE_EXECUTION, NULL, 1, "a");
  add_step (runbook, "c", CW_PHASE_EXECUTION, NULL, 1, "b");
  add_step (runbook, "d", CW_PHASE_EXECUTION, NULL, 1, "c;b");
  add_step (runbook, "p", CW_PHASE_EXECUTION, NULL, 1, "q");
  add_step (runbook, "q", CW_PHASE_EXECUTION, NULL, 1, "p");
  add_step (runbook, "r", CW_PHASE_ROLLBACK, NULL, 1, NULL);

  problems = cw_runbook_validate (runbook);
  g_assert_cmpuint (problems->len, ==, 2);
  g_assert_cmpint (((CwRunbookProblem *) g_ptr_array_index (problems, 0))->kind, ==, CW_PROBLEM_CYCLE);
  /* The shortest cycle through "a": a → b → d → a. */
  assert_ids (((CwRunbookProblem *) g_ptr_array_index (problems, 0))->step_ids, "a,b,d");
  assert_ids (((CwRunbookProblem *) g_ptr_array_index (problems, 1))->step_ids, "p,q");
}

/* ---- timing ----------------------------------------------------------------- */

static void
assert_slot (const CwRunbookTiming *timing,
             guint                  index,
             guint                  start,
             guint                  end,
             gboolean               critical)
{
  g_assert_cmpuint (index, <, timing->n_slots);
  g_assert_cmpuint (timing->slots[index].start_min, ==, start);
  g_assert_cmpuint (timing->slots[index].end_min, ==, end);
  g_assert_cmpint (timing->slots[index].critical, ==, critical);
}

static void
test_timing_streams (void)
{
  g_autoptr(CwRunbook) runbook = cw_runbook_new ("streams");
  g_autoptr(CwRunbookTiming) timing = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  /* Stream "db" (5 + 30) is longer than stream "web" (10 + 10): it is the path. */
  add_step (runbook, "start", CW_PHASE_PREPARATION, NULL, 5, NULL);        /* 0 */
  add_step (runbook, "web-1", CW_PHASE_PRECHECKS, "web", 10, "start");     /* 1 */
  add_step (runbook, "db-1", CW_PHASE_PRECHECKS, "db", 5, "start");        /* 2 */
  add_step (runbook, "web-2", CW_PHASE_EXECUTION, "web", 10, "web-1");     /* 3 */
  add_step (runbook, "db-2", CW_PHASE_EXECUTION, "db", 30, "db-1");        /* 4 */
  add_step (runbook, "join", CW_PHASE_EXECUTION, NULL, 5, "web-2;db-2;nobody");  /* 5 */
  add_step (runbook, "check-a", CW_PHASE_VALIDATION, "web", 4, "join");    /* 6 */
  add_step (runbook, "check-b", CW_PHASE_VALIDATION, "db", 6, "join");     /* 7 */
  add_step (runbook, "undo-1", CW_PHASE_ROLLBACK, "", 8, "join");          /* 8 */
  add_step (runbook, "undo-2", CW_PHASE_ROLLBACK, "db", 12, "undo-1");     /* 9 */
  runbook->buffer_min = 30;

  timing = cw_runbook_timing (runbook, &error);
  g_assert_no_error (error);
  g_assert_nonnull (timing);

  g_assert_cmpuint (timing->critical_min, ==, 5 + 5 + 30 + 5);
  path = g_strjoinv (",", timing->critical_ids);
  g_assert_cmpstr (path, ==, "start,db-1,db-2,join");
  g_assert_cmpuint (timing->validation_min, ==, 6);
  g_assert_cmpuint (timing->rollback_min, ==, 20);
  g_assert_cmpuint (timing->buffer_min, ==, 30);
  g_assert_cmpuint (timing->window_min, ==, 45 + 6 + 20 + 30);
  g_assert_cmpuint (timing->effort_min, ==, 5 + 10 + 5 + 10 + 30 + 5 + 4 + 6);

  g_assert_cmpuint (timing->n_slots, ==, 10);
  assert_slot (timing, 0, 0, 5, TRUE);
  assert_slot (timing, 1, 5, 15, FALSE);
  assert_slot (timing, 2, 5, 10, TRUE);
  assert_slot (timing, 3, 15, 25, FALSE);
  assert_slot (timing, 4, 10, 40, TRUE);
  assert_slot (timing, 5, 40, 45, TRUE);
  /* Validation after the critical path, rollback after validation. */
  assert_slot (timing, 6, 45, 49, FALSE);
  assert_slot (timing, 7, 45, 51, TRUE);
  assert_slot (timing, 8, 51, 59, TRUE);
  assert_slot (timing, 9, 59, 71, TRUE);

  /* Lanes in first-seen order; no stream and "" share a lane. */
  g_assert_cmpuint (g_strv_length (timing->streams), ==, 3);
  g_assert_cmpstr (timing->streams[0], ==, "");
  g_assert_cmpstr (timing->streams[1], ==, "web");
  g_assert_cmpstr (timing->streams[2], ==, "db");
  g_assert_cmpuint (timing->slots[0].lane, ==, 0);
  g_assert_cmpuint (timing->slots[1].lane, ==, 1);
  g_assert_cmpuint (timing->slots[2].lane, ==, 2);
  g_assert_cmpuint (timing->slots[8].lane, ==, 0);
}

static void
test_timing_diamond (void)
{
  g_autoptr(CwRunbook) runbook = cw_runbook_new ("diamond");
  g_autoptr(CwRunbookTiming) timing = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  /* Listed out of order on purpose: only predecessors order steps. */
  add_step (runbook, "end", CW_PHASE_EXECUTION, NULL, 1, "left;right");
  add_step (runbook, "left", CW_PHASE_EXECUTION, "l", 7, "top");
  add_step (runbook, "right", CW_PHASE_EXECUTION, "r", 9, "top");
  add_step (runbook, "top", CW_PHASE_EXECUTION, NULL, 2, NULL);

  timing = cw_runbook_timing (runbook, &error);
  g_assert_no_error (error);
  path = g_strjoinv (",", timing->critical_ids);
  g_assert_cmpstr (path, ==, "top,right,end");
  g_assert_cmpuint (timing->critical_min, ==, 12);
  assert_slot (timing, 1, 2, 9, FALSE);
  assert_slot (timing, 0, 11, 12, TRUE);
  g_assert_cmpuint (timing->validation_min, ==, 0);
  g_assert_cmpuint (timing->rollback_min, ==, 0);
  g_assert_cmpuint (timing->window_min, ==, 12);
}

static void
test_timing_zero_minute_gates (void)
{
  g_autoptr(CwRunbook) runbook = cw_runbook_new ("gates");
  g_autoptr(CwRunbookTiming) timing = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  /* A zero-minute gate ends at the same minute as the step it waits for;
     both a closing gate and one in the middle belong to the path. */
  add_step (runbook, "a", CW_PHASE_PRECHECKS, NULL, 30, NULL);
  add_step (runbook, "go", CW_PHASE_PRECHECKS, NULL, 0, "a");
  add_step (runbook, "b", CW_PHASE_EXECUTION, NULL, 60, "a;go");
  add_step (runbook, "commit", CW_PHASE_EXECUTION, NULL, 0, "b");

  timing = cw_runbook_timing (runbook, &error);
  g_assert_no_error (error);
  path = g_strjoinv (",", timing->critical_ids);
  g_assert_cmpstr (path, ==, "a,go,b,commit");
  g_assert_cmpuint (timing->critical_min, ==, 90);
  assert_slot (timing, 1, 30, 30, TRUE);
  assert_slot (timing, 3, 90, 90, TRUE);
}

static void
test_timing_parallel (void)
{
  g_autoptr(CwRunbook) runbook = cw_runbook_new ("parallel");
  g_autoptr(CwRunbook) empty = cw_runbook_new ("empty");
  g_autoptr(CwRunbookTiming) timing = NULL;
  g_autoptr(GError) error = NULL;

  /* No predecessors: all at once; the tie goes to the first listed. */
  add_step (runbook, "a", CW_PHASE_PRECHECKS, "1", 10, NULL);
  add_step (runbook, "b", CW_PHASE_EXECUTION, "2", 20, NULL);
  add_step (runbook, "c", CW_PHASE_BACKUP, "3", 20, NULL);

  timing = cw_runbook_timing (runbook, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (timing->critical_min, ==, 20);
  g_assert_cmpuint (g_strv_length (timing->critical_ids), ==, 1);
  g_assert_cmpstr (timing->critical_ids[0], ==, "b");
  for (guint i = 0; i < 3; i++)
    g_assert_cmpuint (timing->slots[i].start_min, ==, 0);
  g_assert_cmpuint (timing->effort_min, ==, 50);
  g_clear_pointer (&timing, cw_runbook_timing_free);

  timing = cw_runbook_timing (empty, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (timing->window_min, ==, 0);
  g_assert_cmpuint (timing->n_slots, ==, 0);
  g_assert_cmpuint (g_strv_length (timing->critical_ids), ==, 0);
  g_assert_cmpuint (g_strv_length (timing->streams), ==, 0);
}

static void
test_timing_cycle (void)
{
  g_autoptr(CwRunbook) runbook = cw_runbook_new ("cycle");
  g_autoptr(CwRunbookTiming) timing = NULL;
  g_autoptr(GError) error = NULL;

  add_step (runbook, "a", CW_PHASE_EXECUTION, NULL, 1, NULL);
  add_step (runbook, "b", CW_PHASE_EXECUTION, NULL, 1, "a;c");
  add_step (runbook, "c", CW_PHASE_EXECUTION, NULL, 1, "b");

  timing = cw_runbook_timing (runbook, &error);
  g_assert_null (timing);
  g_assert_error (error, CW_RUNBOOK_ERROR, CW_RUNBOOK_ERROR_INVALID);
}

static void
test_timing_large (void)
{
  g_autoptr(CwRunbook) runbook = cw_runbook_new ("large");
  g_autoptr(CwRunbookTiming) timing = NULL;
  g_autoptr(GError) error = NULL;
  gint64 started;

  /* 20 streams of 100 chained steps; stream k's steps last k + 1 minutes. */
  for (guint k = 0; k < 20; k++)
    {
      g_autofree char *stream = g_strdup_printf ("stream-%u", k);

      for (guint i = 0; i < 100; i++)
        {
          g_autofree char *id = g_strdup_printf ("s%u-%u", k, i);
          g_autofree char *previous = i > 0 ? g_strdup_printf ("s%u-%u", k, i - 1) : NULL;

          add_step (runbook, id, CW_PHASE_EXECUTION, stream, k + 1, previous);
        }
    }

  started = g_get_monotonic_time ();
  timing = cw_runbook_timing (runbook, &error);
  g_assert_no_error (error);
  g_test_message ("2,000 steps timed in %" G_GINT64_FORMAT " µs", g_get_monotonic_time () - started);

  g_assert_cmpuint (timing->critical_min, ==, 2000);
  g_assert_cmpuint (g_strv_length (timing->critical_ids), ==, 100);
  g_assert_cmpstr (timing->critical_ids[0], ==, "s19-0");
  g_assert_cmpstr (timing->critical_ids[99], ==, "s19-99");
  g_assert_cmpuint (g_strv_length (timing->streams), ==, 20);
}

/* ---- diff ------------------------------------------------------------------- */

static const CwRunbookChange *
change_at (GPtrArray *changes,
           guint      index)
{
  g_assert_cmpuint (index, <, changes->len);
  return g_ptr_array_index (changes, index);
}

static void
assert_change (GPtrArray           *changes,
               guint                index,
               CwRunbookChangeKind  kind,
               const char          *step_id,
               const char          *field,
               const char          *old_value,
               const char          *new_value)
{
  const CwRunbookChange *change = change_at (changes, index);

  g_assert_cmpint (change->kind, ==, kind);
  g_assert_cmpstr (change->step_id, ==, step_id);
  g_assert_cmpstr (change->field, ==, field);
  g_assert_cmpstr (change->old_value, ==, old_value);
  g_assert_cmpstr (change->new_value, ==, new_value);
}

static void
test_diff (void)
{
  g_autoptr(CwRunbook) old_version = make_full_runbook ();
  g_autoptr(CwRunbook) new_version = cw_runbook_copy (old_version);
  g_autoptr(GPtrArray) changes = cw_runbook_diff (old_version, new_version);
  CwRunbookStep *step;

  g_assert_cmpuint (changes->len, ==, 0);
  g_clear_pointer (&changes, g_ptr_array_unref);

  g_clear_pointer (&new_version->product, g_free);
  new_version->buffer_min = 20;
  /* announce, backup-config, upgrade, ping, restore →
   * announce, check, backup-config, upgrade, restore (ping removed). */
  g_ptr_array_remove_index (new_version->steps, 3);
  step = cw_runbook_step_new ("check", CW_PHASE_PRECHECKS, CW_STEP_MANUAL, "Check");
  g_ptr_array_insert (new_version->steps, 1, step);
  step = cw_runbook_find_step (new_version, "backup-config");
  g_free (step->argv[3]);
  step->argv[3] = g_strdup ("my config");
  step->evidence = CW_EVIDENCE_NOTE;
  g_strfreev (step->predecessors);
  step->predecessors = g_strsplit ("announce;check", ";", -1);
  step = cw_runbook_find_step (new_version, "upgrade");
  step->duration_min = 45;
  step->phase = CW_PHASE_BACKUP;

  changes = cw_runbook_diff (old_version, new_version);
  assert_change (changes, 0, CW_RUNBOOK_CHANGE_CHANGED, NULL, "product", "NX-OS", NULL);
  assert_change (changes, 1, CW_RUNBOOK_CHANGE_CHANGED, NULL, "buffer_min", "15", "20");
  assert_change (changes, 2, CW_RUNBOOK_CHANGE_ADDED, "check", NULL, NULL, NULL);
  assert_change (changes, 3, CW_RUNBOOK_CHANGE_CHANGED, "backup-config", "predecessors",
                 "announce", "announce, check");
  assert_change (changes, 4, CW_RUNBOOK_CHANGE_CHANGED, "backup-config", "evidence",
                 "output;file", "note");
  assert_change (changes, 5, CW_RUNBOOK_CHANGE_CHANGED, "backup-config", "command",
                 "scp switch:running-config /backups/sw1 config",
                 "scp switch:running-config /backups/sw1 'my config'");
  assert_change (changes, 6, CW_RUNBOOK_CHANGE_CHANGED, "upgrade", "phase", "execution", "backup");
  assert_change (changes, 7, CW_RUNBOOK_CHANGE_CHANGED, "upgrade", "duration_min", "40", "45");
  assert_change (changes, 8, CW_RUNBOOK_CHANGE_REMOVED, "ping", NULL, NULL, NULL);
  /* The insertion moved later steps, but their relative order is the same. */
  g_assert_cmpuint (changes->len, ==, 9);
}

static void
test_diff_moves (void)
{
  g_autoptr(CwRunbook) old_version = cw_runbook_new ("moves");
  g_autoptr(CwRunbook) new_version = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  const char *ids[] = { "a", "b", "c", "d", "e" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    add_step (old_version, ids[i], CW_PHASE_EXECUTION, NULL, 1, NULL);

  /* a b c d e → a c d e b: only "b" moved. */
  new_version = cw_runbook_copy (old_version);
  g_ptr_array_add (new_version->steps, g_ptr_array_steal_index (new_version->steps, 1));
  changes = cw_runbook_diff (old_version, new_version);
  g_assert_cmpuint (changes->len, ==, 1);
  assert_change (changes, 0, CW_RUNBOOK_CHANGE_CHANGED, "b", "position", "2", "5");
  g_clear_pointer (&changes, g_ptr_array_unref);

  /* Removing "a" shifts every step; only "b" is out of order. */
  g_ptr_array_remove_index (new_version->steps, 0);
  changes = cw_runbook_diff (old_version, new_version);
  g_assert_cmpuint (changes->len, ==, 2);
  assert_change (changes, 0, CW_RUNBOOK_CHANGE_REMOVED, "a", NULL, NULL, NULL);
  assert_change (changes, 1, CW_RUNBOOK_CHANGE_CHANGED, "b", "position", "2", "4");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/runbook/enums", test_enums);
  g_test_add_func ("/runbook/copy-equal", test_copy_equal);
  g_test_add_func ("/runbook/make-step-id", test_make_step_id);
  g_test_add_func ("/runbook/validate/valid", test_validate_valid);
  g_test_add_func ("/runbook/validate/problems", test_validate_problems);
  g_test_add_func ("/runbook/validate/phase-order", test_validate_phase_order);
  g_test_add_func ("/runbook/validate/two-cycles", test_validate_two_cycles);
  g_test_add_func ("/runbook/timing/streams", test_timing_streams);
  g_test_add_func ("/runbook/timing/diamond", test_timing_diamond);
  g_test_add_func ("/runbook/timing/parallel", test_timing_parallel);
  g_test_add_func ("/runbook/timing/zero-minute-gates", test_timing_zero_minute_gates);
  g_test_add_func ("/runbook/timing/cycle", test_timing_cycle);
  g_test_add_func ("/runbook/timing/large", test_timing_large);
  g_test_add_func ("/runbook/diff/fields", test_diff);
  g_test_add_func ("/runbook/diff/moves", test_diff_moves);

  return g_test_run ();
}
