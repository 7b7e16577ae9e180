/* test-runbook-store.c: runbooks and their versions in a workspace.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-runbook-store"

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "cw-runbook-io.h"
#include "cw-runbook-store.h"
#include "cw-store-private.h"
#include "cw-test-fixture.h"

typedef CwTestStore Fixture;

static CwRunbookStep *
add_step (CwRunbook  *runbook,
          const char *id,
          CwPhase     phase,
          guint       duration_min,
          const char *predecessors)
{
  g_autofree char *title = g_strdup_printf ("Do %s", id);
  CwRunbookStep *step = cw_runbook_step_new (id, phase, CW_STEP_MANUAL, title);

  step->duration_min = duration_min;
  if (predecessors != NULL)
    step->predecessors = g_strsplit (predecessors, ";", -1);
  g_ptr_array_add (runbook->steps, step);

  return step;
}

/* A valid runbook where every field is set somewhere. */
static CwRunbook *
make_runbook (const char *name,
              const char *author)
{
  CwRunbook *runbook = cw_runbook_new (name);
  CwRunbookStep *step;

  runbook->description = g_strdup ("Upgrade the core switches, one member at a time");
  runbook->product = g_strdup ("NX-OS");
  runbook->ci_class = g_strdup ("switch");
  runbook->buffer_min = 25;
  runbook->author = g_strdup (author);

  step = add_step (runbook, "notify", CW_PHASE_PREPARATION, 5, NULL);
  step->type = CW_STEP_COMMS;
  step->stream = g_strdup ("comms");
  step->instructions = g_strdup ("Tell the **service desk**.\n\n- when\n- what");
  step->acceptance = g_strdup ("The desk acknowledged");
  step->evidence = CW_EVIDENCE_NOTE;
  step = add_step (runbook, "save-config", CW_PHASE_BACKUP, 10, "notify");
  step->type = CW_STEP_COMMAND;
  step->stream = g_strdup ("net");
  step->argv = g_new0 (char *, 4);
  step->argv[0] = g_strdup ("copy");
  step->argv[1] = g_strdup ("running-config");
  step->argv[2] = g_strdup ("tftp://10.0.0.1/sw 1 \"quoted\".cfg");
  step->workdir = g_strdup ("/var/tmp");
  step->timeout_s = 600;
  step->expected_exit = 3;
  step->output_regex = g_strdup ("^Copy complete\\.$");
  step->evidence = CW_EVIDENCE_OUTPUT | CW_EVIDENCE_FILE;
  step = add_step (runbook, "go", CW_PHASE_EXECUTION, 0, "save-config;notify");
  step->type = CW_STEP_GATE;
  add_step (runbook, "upgrade", CW_PHASE_EXECUTION, 45, "go");
  step = add_step (runbook, "verify", CW_PHASE_VALIDATION, 10, "upgrade");
  step->type = CW_STEP_APPROVAL;
  add_step (runbook, "restore", CW_PHASE_ROLLBACK, 30, NULL);

  return runbook;
}

static CwRunbook *
load (Fixture    *fixture,
      const char *name,
      guint       version)
{
  g_autoptr(GError) error = NULL;
  CwRunbook *runbook = cw_runbooks_load (fixture->store, name, version, &error);

  g_assert_no_error (error);
  g_assert_nonnull (runbook);

  return runbook;
}

static void
save (Fixture   *fixture,
      CwRunbook *runbook)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cw_runbooks_save_draft (fixture->store, runbook, &error));
  g_assert_no_error (error);
}

static void
approve (Fixture    *fixture,
         const char *name,
         guint       version,
         const char *approver)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cw_runbooks_approve (fixture->store, name, version, approver, &error));
  g_assert_no_error (error);
}

/* ---- tests ------------------------------------------------------------------ */

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(CwRunbook) runbook = make_runbook ("Switch stack upgrade", "alice");
  g_autoptr(CwRunbook) loaded = NULL;
  gint64 before = g_get_real_time () / G_USEC_PER_SEC;

  save (fixture, runbook);
  g_assert_cmpuint (runbook->version, ==, 1);
  g_assert_cmpint (runbook->state, ==, CW_RUNBOOK_DRAFT);
  g_assert_cmpint (runbook->created_at, >=, before);

  loaded = load (fixture, "switch STACK upgrade", 0);
  g_assert_true (cw_runbook_content_equal (runbook, loaded));
  g_assert_cmpuint (loaded->version, ==, 1);
  g_assert_cmpint (loaded->state, ==, CW_RUNBOOK_DRAFT);
  g_assert_cmpstr (loaded->author, ==, "alice");
  g_assert_cmpint (loaded->created_at, ==, runbook->created_at);
  g_assert_null (loaded->approver);
  g_assert_cmpint (loaded->approved_at, ==, 0);
  g_assert_cmpstr (cw_runbook_find_step (loaded, "save-config")->argv[2], ==, "tftp://10.0.0.1/sw 1 \"quoted\".cfg");
  g_assert_null (cw_runbook_find_step (loaded, "notify")->predecessors);
  g_assert_null (cw_runbook_find_step (loaded, "notify")->argv);
  g_assert_cmpint (cw_test_store_int (fixture, "SELECT COUNT (*) FROM runbook_steps"), ==, 6);
  g_assert_cmpint (cw_test_store_int (fixture, "SELECT COUNT (*) FROM runbook_steps WHERE argv = "
                                               "'[\"copy\",\"running-config\",\"tftp://10.0.0.1/sw 1 \\\"quoted\\\".cfg\"]'"), ==, 1);
  g_assert_cmpint (cw_test_store_int (fixture, "SELECT COUNT (*) FROM runbook_steps "
                                               "WHERE predecessors = 'save-config;notify'"), ==, 1);
}

static void
test_default_author (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(CwRunbook) runbook = make_runbook ("No author", NULL);

  save (fixture, runbook);
  g_assert_cmpstr (runbook->author, ==, g_get_user_name ());
}

static void
test_draft_in_place (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(CwRunbook) runbook = make_runbook ("Patch", "alice");
  g_autoptr(CwRunbook) loaded = NULL;
  gint64 created_at;

  save (fixture, runbook);
  created_at = runbook->created_at;

  g_ptr_array_remove_index (runbook->steps, 0);
  g_clear_pointer (&cw_runbook_find_step (runbook, "go")->predecessors[1], g_free);
  g_free (runbook->description);
  runbook->description = g_strdup ("Changed");
  runbook->buffer_min = 5;
  g_clear_pointer (&runbook->ci_class, g_free);
  save (fixture, runbook);

  g_assert_cmpuint (runbook->version, ==, 1);
  g_assert_cmpint (runbook->created_at, ==, created_at);
  g_assert_cmpint (cw_test_store_int (fixture, "SELECT COUNT (*) FROM runbook_versions"), ==, 1);
  g_assert_cmpint (cw_test_store_int (fixture, "SELECT COUNT (*) FROM runbook_steps"), ==, 5);

  loaded = load (fixture, "Patch", 1);
  g_assert_true (cw_runbook_content_equal (runbook, loaded));
  g_assert_cmpuint (loaded->buffer_min, ==, 5);
  g_assert_null (loaded->ci_class);
}

static void
test_approval_and_new_draft (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(CwRunbook) runbook = make_runbook ("Firmware", "alice");
  g_autoptr(CwRunbook) approved = NULL;
  g_autoptr(CwRunbook) again = NULL;
  g_autoptr(GError) error = NULL;

  save (fixture, runbook);
  approve (fixture, "firmware", 1, "  Bob ");

  approved = load (fixture, "Firmware", 1);
  g_assert_cmpint (approved->state, ==, CW_RUNBOOK_APPROVED);
  g_assert_cmpstr (approved->approver, ==, "Bob");
  g_assert_cmpint (approved->approved_at, >, 0);

  /* Approved twice: refused. */
  g_assert_false (cw_runbooks_approve (fixture->store, "Firmware", 1, "carol", &error));
  g_assert_error (error, CW_RUNBOOK_ERROR, CW_RUNBOOK_ERROR_IMMUTABLE);
  g_clear_error (&error);

  /* Saving the approved version makes version 2, leaving 1 as it was. */
  add_step (approved, "extra", CW_PHASE_PRECHECKS, 3, NULL);
  g_free (approved->author);
  approved->author = g_strdup ("dave");
  save (fixture, approved);
  g_assert_cmpuint (approved->version, ==, 2);
  g_assert_cmpint (approved->state, ==, CW_RUNBOOK_DRAFT);
  g_assert_null (approved->approver);
  g_assert_cmpint (approved->approved_at, ==, 0);
  g_assert_cmpstr (approved->author, ==, "dave");

  again = load (fixture, "Firmware", 1);
  g_assert_true (cw_runbook_content_equal (again, runbook));
  g_assert_cmpint (again->state, ==, CW_RUNBOOK_APPROVED);
  g_clear_pointer (&again, cw_runbook_free);

  again = load (fixture, "Firmware", 0);
  g_assert_cmpuint (again->version, ==, 2);
  g_assert_cmpuint (again->steps->len, ==, 7);

  /* The approved version cannot be removed. */
  g_assert_false (cw_runbooks_delete_draft (fixture->store, "Firmware", 1, &error));
  g_assert_error (error, CW_RUNBOOK_ERROR, CW_RUNBOOK_ERROR_IMMUTABLE);
  g_assert_cmpint (cw_test_store_int (fixture, "SELECT COUNT (*) FROM runbook_versions"), ==, 2);
}

static void
test_self_approval (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(CwRunbook) runbook = make_runbook ("Certificates", "Ålice");
  g_autoptr(CwRunbook) loaded = NULL;
  g_autoptr(GError) error = NULL;

  save (fixture, runbook);

  g_assert_false (cw_runbooks_approve (fixture->store, "Certificates", 1, " åLICE ", &error));
  g_assert_error (error, CW_RUNBOOK_ERROR, CW_RUNBOOK_ERROR_SELF_APPROVAL);
  g_assert_nonnull (strstr (error->message, "Ålice"));
  g_clear_error (&error);

  g_assert_false (cw_runbooks_approve (fixture->store, "Certificates", 1, "  ", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* The same name written with a combining ring, a full-width
   * letter, or between no-break spaces. */
  g_assert_false (cw_runbooks_approve (fixture->store, "Certificates", 1, "A\xCC\x8A" "L\xEF\xBD\x89" "ce", &error));
  g_assert_error (error, CW_RUNBOOK_ERROR, CW_RUNBOOK_ERROR_SELF_APPROVAL);
  g_clear_error (&error);
  g_assert_false (cw_runbooks_approve (fixture->store, "Certificates", 1, "\xC2\xA0\xC3\x85lice\xC2\xA0", &error));
  g_assert_error (error, CW_RUNBOOK_ERROR, CW_RUNBOOK_ERROR_SELF_APPROVAL);
  g_clear_error (&error);

  /* A version that does not exist: the message says which do. */
  g_assert_false (cw_runbooks_approve (fixture->store, "Certificates", 9, "bob", &error));
  g_assert_error (error, CW_RUNBOOK_ERROR, CW_RUNBOOK_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "The runbook “Certificates” has no version 9; its versions are 1.");
  g_clear_error (&error);
  g_assert_false (cw_runbooks_approve (fixture->store, "Nothing", 1, "bob", &error));
  g_assert_error (error, CW_RUNBOOK_ERROR, CW_RUNBOOK_ERROR_NOT_FOUND);

  loaded = load (fixture, "Certificates", 1);
  g_assert_cmpint (loaded->state, ==, CW_RUNBOOK_DRAFT);
  g_assert_null (loaded->approver);
}

static void
test_approve_invalid (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(CwRunbook) runbook = make_runbook ("Database", "alice");
  g_autoptr(GError) error = NULL;

  /* Drafts may have problems; approval may not. */
  add_step (runbook, "loop-a", CW_PHASE_EXECUTION, 1, "loop-b");
  add_step (runbook, "loop-b", CW_PHASE_EXECUTION, 1, "loop-a");
  save (fixture, runbook);

  g_assert_false (cw_runbooks_approve (fixture->store, "Database", 1, "bob", &error));
  g_assert_error (error, CW_RUNBOOK_ERROR, CW_RUNBOOK_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“loop-a” → “loop-b” → “loop-a”"));
  g_assert_cmpint (cw_test_store_int (fixture, "SELECT COUNT (*) FROM runbook_versions "
                                               "WHERE state = 'approved'"), ==, 0);
}

static void
expect_sql_refused (Fixture    *fixture,
                    const char *sql)
{
  char *message = NULL;
  int rc;

  rc = sqlite3_exec (cw_store_get_handle (fixture->store), sql, NULL, NULL, &message);
  g_assert_cmpint (rc, !=, SQLITE_OK);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "approved runbook version"));
  sqlite3_free (message);
}

static void
test_immutable_sql (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(CwRunbook) runbook = make_runbook ("Storage", "alice");
  g_autoptr(CwRunbook) loaded = NULL;

  save (fixture, runbook);
  approve (fixture, "Storage", 1, "bob");

  expect_sql_refused (fixture, "UPDATE runbook_steps SET title = 'sneaky'");
  expect_sql_refused (fixture, "DELETE FROM runbook_steps");
  expect_sql_refused (fixture, "INSERT INTO runbook_steps (version_id, position, step_id, phase, type) "
                               "SELECT id, 99, 'late', 'execution', 'manual' FROM runbook_versions");
  expect_sql_refused (fixture, "UPDATE runbook_versions SET buffer_min = 0");
  expect_sql_refused (fixture, "UPDATE runbook_versions SET state = 'draft'");
  expect_sql_refused (fixture, "DELETE FROM runbook_versions");

  loaded = load (fixture, "Storage", 1);
  g_assert_true (cw_runbook_content_equal (runbook, loaded));
  g_assert_cmpint (loaded->state, ==, CW_RUNBOOK_APPROVED);

  /* A draft, though, can change. */
  save (fixture, loaded);
  g_assert_cmpint (sqlite3_exec (cw_store_get_handle (fixture->store),
                                 "UPDATE runbook_steps SET title = 'fine' WHERE version_id = "
                                 "(SELECT id FROM runbook_versions WHERE number = 2)",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
}

static void
test_import (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(CwRunbook) invalid = make_runbook ("Hypervisor", "alice");
  g_autoptr(CwRunbook) valid = make_runbook ("Hypervisor", "carol");
  g_autoptr(CwRunbook) loaded = NULL;
  g_autoptr(GError) error = NULL;

  add_step (invalid, "orphan", CW_PHASE_EXECUTION, 1, "ghost");
  g_assert_false (cw_runbooks_import (fixture->store, invalid, &error));
  g_assert_error (error, CW_RUNBOOK_ERROR, CW_RUNBOOK_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“ghost”"));
  g_assert_cmpint (cw_test_store_int (fixture, "SELECT COUNT (*) FROM runbooks"), ==, 0);
  g_assert_cmpint (cw_test_store_int (fixture, "SELECT COUNT (*) FROM runbook_versions"), ==, 0);
  g_clear_error (&error);

  valid->version = 7;
  g_assert_true (cw_runbooks_import (fixture->store, valid, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (valid->version, ==, 1);
  g_assert_true (cw_runbooks_import (fixture->store, valid, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (valid->version, ==, 2);

  loaded = load (fixture, "Hypervisor", 2);
  g_assert_true (cw_runbook_content_equal (valid, loaded));
  g_assert_cmpstr (loaded->author, ==, "carol");
}

/* A runbook with no steps may be a draft being written, but it is nothing
 * to import and nothing to approve. */
static void
test_no_steps (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(CwRunbook) empty = cw_runbook_new ("Empty");
  g_autoptr(GError) error = NULL;

  empty->author = g_strdup ("alice");
  g_assert_false (cw_runbooks_import (fixture->store, empty, &error));
  g_assert_error (error, CW_RUNBOOK_ERROR, CW_RUNBOOK_ERROR_INVALID);
  g_assert_cmpint (cw_test_store_int (fixture, "SELECT COUNT (*) FROM runbooks"), ==, 0);
  g_clear_error (&error);

  save (fixture, empty);
  g_assert_false (cw_runbooks_approve (fixture->store, "Empty", 1, "bob", &error));
  g_assert_error (error, CW_RUNBOOK_ERROR, CW_RUNBOOK_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "no steps"));
  g_assert_cmpint (cw_test_store_int (fixture, "SELECT COUNT (*) FROM runbook_versions "
                                               "WHERE state = 'approved'"), ==, 0);
}

/* A task list edited in a spreadsheet and imported again changes only what
 * it holds: what its columns cannot say comes from the latest version. */
static void
test_task_list (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(CwRunbook) runbook = make_runbook ("Core switches", "alice");
  g_autoptr(CwRunbook) from_csv = NULL;
  g_autoptr(CwRunbook) fresh = NULL;
  g_autoptr(CwRunbook) loaded = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  const CwRunbookChange *change;
  CwRunbookStep *step;
  guint kept_from = 99;

  save (fixture, runbook);
  approve (fixture, "Core switches", 1, "bob");

  /* Exported, one duration changed, read back under the name in another case. */
  cw_runbook_find_step (runbook, "upgrade")->duration_min = 60;
  csv = cw_runbook_to_csv (runbook);
  from_csv = cw_runbook_from_csv (csv, -1, "CORE SWITCHES", &error);
  g_assert_no_error (error);
  g_assert_null (from_csv->description);
  g_assert_null (cw_runbook_find_step (from_csv, "save-config")->workdir);

  g_assert_true (cw_runbooks_complete_task_list (fixture->store, from_csv, &kept_from, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (kept_from, ==, 1);
  g_assert_cmpstr (from_csv->description, ==, runbook->description);
  g_assert_cmpstr (from_csv->product, ==, "NX-OS");
  g_assert_cmpstr (from_csv->ci_class, ==, "switch");
  g_assert_cmpuint (from_csv->buffer_min, ==, 25);
  step = cw_runbook_find_step (from_csv, "save-config");
  g_assert_cmpstr (step->workdir, ==, "/var/tmp");
  g_assert_cmpuint (step->timeout_s, ==, 600);
  g_assert_cmpstr (step->output_regex, ==, "^Copy complete\\.$");
  g_assert_cmpint (step->evidence, ==, CW_EVIDENCE_OUTPUT | CW_EVIDENCE_FILE);
  g_assert_cmpstr (cw_runbook_find_step (from_csv, "notify")->acceptance, ==, "The desk acknowledged");

  g_assert_true (cw_runbooks_import (fixture->store, from_csv, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (from_csv->version, ==, 2);

  /* Version 2 differs from version 1 by the duration alone. */
  {
    g_autoptr(CwRunbook) first = load (fixture, "Core switches", 1);

    loaded = load (fixture, "Core switches", 2);
    changes = cw_runbook_diff (first, loaded);
  }
  g_assert_cmpuint (changes->len, ==, 1);
  change = g_ptr_array_index (changes, 0);
  g_assert_cmpstr (change->step_id, ==, "upgrade");
  g_assert_cmpstr (change->field, ==, "duration_min");
  g_assert_cmpstr (change->new_value, ==, "60");

  /* A step that is no longer a command keeps its acceptance and evidence,
   * not what only commands have. */
  g_clear_pointer (&csv, g_free);
  g_clear_pointer (&from_csv, cw_runbook_free);
  step = cw_runbook_find_step (runbook, "save-config");
  step->type = CW_STEP_MANUAL;
  g_clear_pointer (&step->argv, g_strfreev);
  step->acceptance = g_strdup ("Copied");
  csv = cw_runbook_to_csv (runbook);
  from_csv = cw_runbook_from_csv (csv, -1, "Core switches", &error);
  g_assert_no_error (error);
  g_assert_true (cw_runbooks_complete_task_list (fixture->store, from_csv, &kept_from, &error));
  g_assert_cmpuint (kept_from, ==, 2);
  step = cw_runbook_find_step (from_csv, "save-config");
  g_assert_null (step->workdir);
  g_assert_cmpuint (step->timeout_s, ==, 0);
  g_assert_null (step->output_regex);
  g_assert_cmpint (step->evidence, ==, CW_EVIDENCE_OUTPUT | CW_EVIDENCE_FILE);

  /* A runbook not in the workspace yet: nothing to keep. */
  fresh = cw_runbook_from_csv (csv, -1, "Other switches", &error);
  g_assert_no_error (error);
  g_assert_true (cw_runbooks_complete_task_list (fixture->store, fresh, &kept_from, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (kept_from, ==, 0);
  g_assert_null (fresh->description);
  g_assert_cmpuint (fresh->buffer_min, ==, 0);
}

static void
test_list (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(CwRunbook) zeta = make_runbook ("zeta rollout", "alice");
  g_autoptr(CwRunbook) alpha = make_runbook ("Alpha", "alice");
  g_autoptr(CwRunbook) beta = make_runbook ("beta_100%", "alice");
  g_autoptr(GPtrArray) infos = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GError) error = NULL;
  const CwRunbookInfo *info;
  const CwRunbookVersionInfo *version;

  g_free (beta->product);
  beta->product = g_strdup ("PowerEdge BIOS");
  g_free (beta->description);
  beta->description = NULL;
  save (fixture, zeta);
  save (fixture, alpha);
  save (fixture, beta);
  approve (fixture, "Alpha", 1, "bob");
  add_step (alpha, "one-more", CW_PHASE_PRECHECKS, 1, NULL);
  save (fixture, alpha);

  infos = cw_runbooks_list (fixture->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (infos->len, ==, 3);
  info = g_ptr_array_index (infos, 0);
  g_assert_cmpstr (info->name, ==, "Alpha");
  g_assert_cmpuint (info->latest_version, ==, 2);
  g_assert_cmpuint (info->approved_version, ==, 1);
  g_assert_cmpuint (info->n_steps, ==, 7);
  g_assert_cmpstr (info->product, ==, "NX-OS");
  g_assert_cmpstr (info->ci_class, ==, "switch");
  info = g_ptr_array_index (infos, 1);
  g_assert_cmpstr (info->name, ==, "beta_100%");
  g_assert_cmpuint (info->approved_version, ==, 0);
  g_assert_null (info->description);
  g_assert_cmpstr (((CwRunbookInfo *) g_ptr_array_index (infos, 2))->name, ==, "zeta rollout");
  g_clear_pointer (&infos, g_ptr_array_unref);

  /* By product, any case; wildcards are taken literally. */
  infos = cw_runbooks_list (fixture->store, "poweredge", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (infos->len, ==, 1);
  g_clear_pointer (&infos, g_ptr_array_unref);
  infos = cw_runbooks_list (fixture->store, "0%", &error);
  g_assert_cmpuint (infos->len, ==, 1);
  g_clear_pointer (&infos, g_ptr_array_unref);
  infos = cw_runbooks_list (fixture->store, "a%0", &error);
  g_assert_cmpuint (infos->len, ==, 0);
  g_clear_pointer (&infos, g_ptr_array_unref);
  infos = cw_runbooks_list (fixture->store, "_1", &error);
  g_assert_cmpuint (infos->len, ==, 1);
  g_clear_pointer (&infos, g_ptr_array_unref);
  infos = cw_runbooks_list (fixture->store, "MEMBER AT A TIME", &error);
  g_assert_cmpuint (infos->len, ==, 2);
  g_clear_pointer (&infos, g_ptr_array_unref);

  versions = cw_runbooks_list_versions (fixture->store, "alpha", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (versions->len, ==, 2);
  version = g_ptr_array_index (versions, 0);
  g_assert_cmpuint (version->version, ==, 2);
  g_assert_cmpint (version->state, ==, CW_RUNBOOK_DRAFT);
  g_assert_cmpuint (version->n_steps, ==, 7);
  g_assert_null (version->approver);
  version = g_ptr_array_index (versions, 1);
  g_assert_cmpuint (version->version, ==, 1);
  g_assert_cmpint (version->state, ==, CW_RUNBOOK_APPROVED);
  g_assert_cmpstr (version->author, ==, "alice");
  g_assert_cmpstr (version->approver, ==, "bob");
  g_assert_cmpint (version->approved_at, >, 0);
  g_assert_cmpint (version->created_at, >, 0);
  g_assert_cmpuint (version->n_steps, ==, 6);
  g_clear_pointer (&versions, g_ptr_array_unref);

  versions = cw_runbooks_list_versions (fixture->store, "missing", &error);
  g_assert_null (versions);
  g_assert_error (error, CW_RUNBOOK_ERROR, CW_RUNBOOK_ERROR_NOT_FOUND);
}

static void
test_delete_draft (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(CwRunbook) runbook = make_runbook ("BMC", "alice");
  g_autoptr(CwRunbook) other = make_runbook ("Lonely", "alice");
  g_autoptr(GError) error = NULL;

  save (fixture, runbook);
  approve (fixture, "BMC", 1, "bob");
  save (fixture, runbook);
  g_assert_cmpuint (runbook->version, ==, 2);

  g_assert_false (cw_runbooks_delete_draft (fixture->store, "BMC", 5, &error));
  g_assert_error (error, CW_RUNBOOK_ERROR, CW_RUNBOOK_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (cw_runbooks_delete_draft (fixture->store, "bmc", 2, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cw_test_store_int (fixture, "SELECT COUNT (*) FROM runbook_versions"), ==, 1);
  g_assert_cmpint (cw_test_store_int (fixture, "SELECT COUNT (*) FROM runbook_steps"), ==, 6);
  g_assert_cmpint (cw_test_store_int (fixture, "SELECT COUNT (*) FROM runbooks"), ==, 1);

  /* The last version takes the runbook with it. */
  save (fixture, other);
  g_assert_true (cw_runbooks_delete_draft (fixture->store, "Lonely", 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cw_test_store_int (fixture, "SELECT COUNT (*) FROM runbooks "
                                               "WHERE name = 'Lonely'"), ==, 0);
  g_assert_cmpint (cw_test_store_int (fixture, "SELECT COUNT (*) FROM runbook_steps"), ==, 6);

  g_assert_null (cw_runbooks_load (fixture->store, "Lonely", 0, &error));
  g_assert_error (error, CW_RUNBOOK_ERROR, CW_RUNBOOK_ERROR_NOT_FOUND);
}

static void
test_save_large (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(CwRunbook) runbook = cw_runbook_new ("Large");
  g_autoptr(CwRunbook) loaded = NULL;
  gint64 started;

  for (guint i = 0; i < 2000; i++)
    {
      g_autofree char *id = g_strdup_printf ("s%u", i);
      g_autofree char *previous = i >= 20 ? g_strdup_printf ("s%u", i - 20) : NULL;
      CwRunbookStep *step = add_step (runbook, id, CW_PHASE_EXECUTION, 1, previous);

      step->stream = g_strdup_printf ("stream-%u", i % 20);
      step->type = CW_STEP_COMMAND;
      step->argv = g_strsplit ("systemctl restart unit", " ", -1);
    }

  started = g_get_monotonic_time ();
  save (fixture, runbook);
  g_test_message ("2,000 steps saved in %" G_GINT64_FORMAT " µs", g_get_monotonic_time () - started);

  loaded = load (fixture, "Large", 0);
  g_assert_true (cw_runbook_content_equal (runbook, loaded));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/runbook-store/" path, Fixture, NULL, cw_test_store_set_up, func, \
              cw_test_store_tear_down)

  ADD ("round-trip", test_round_trip);
  ADD ("default-author", test_default_author);
  ADD ("draft-in-place", test_draft_in_place);
  ADD ("approval-and-new-draft", test_approval_and_new_draft);
  ADD ("self-approval", test_self_approval);
  ADD ("approve-invalid", test_approve_invalid);
  ADD ("immutable-sql", test_immutable_sql);
  ADD ("import", test_import);
  ADD ("no-steps", test_no_steps);
  ADD ("task-list", test_task_list);
  ADD ("list", test_list);
  ADD ("delete-draft", test_delete_draft);
  ADD ("save-large", test_save_large);

#undef ADD

  return g_test_run ();
}
