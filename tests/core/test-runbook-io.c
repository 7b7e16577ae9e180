/* test-runbook-io.c: runbooks as JSON, CSV and Markdown.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-runbook-io"

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cw-csv.h"
#include "cw-runbook-io-private.h"
#include "test-runbook-io.h"
#include "test-runbook-io-cases.h"

/****************************************************************************
 * JSON
 ****************************************************************************/

static void
test_json_round_trip (void)
{
  g_autoptr(CwRunbook) runbook = full_runbook ();
  g_autoptr(CwRunbook) back = NULL;
  g_autoptr(GPtrArray) problems = cw_runbook_validate (runbook);
  g_autoptr(GError) error = NULL;
  g_autofree char *json = cw_runbook_to_json (runbook);
  g_autofree char *again = NULL;

  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_true (g_str_has_prefix (json, "{\n  \"format\": \"changeward-runbook/1\",\n  \"name\": \"Switch stack"));
  g_assert_true (g_str_has_suffix (json, "\n  ]\n}\n"));
  g_assert_nonnull (strstr (json, "\n  \"approved_at\": \"2026-11-02T10:00:00Z\",\n"));
  g_assert_nonnull (strstr (json, "\"argv\": [\"ssh\", \"sw1\", \"show version | include \\\"IOS\\\"\""));
  g_assert_nonnull (strstr (json, "\\ttab\\u0001ctl\\r\\nend ✓"));
  g_assert_null (strstr (json, "created_at"));

  back = cw_runbook_from_json (json, -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (cw_runbook_content_equal (runbook, back));
  g_assert_cmpuint (back->version, ==, 3);
  g_assert_cmpint (back->state, ==, CW_RUNBOOK_APPROVED);
  g_assert_cmpstr (back->author, ==, "Zoë");
  g_assert_cmpstr (back->approver, ==, "Mårten");
  g_assert_cmpint (back->approved_at, ==, runbook->approved_at);

  again = cw_runbook_to_json (back);
  g_assert_cmpstr (again, ==, json);
}


static void
test_json_minimal (void)
{
  g_autoptr(CwRunbook) runbook = cw_runbook_new ("Empty");
  g_autoptr(CwRunbook) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = cw_runbook_to_json (runbook);
  g_autofree char *step_json = NULL;

  /* A draft never saved: no version, no state, nothing empty. */
  g_assert_cmpstr (json, ==, "{\n  \"format\": \"changeward-runbook/1\",\n  \"name\": \"Empty\",\n  \"steps\": []\n}\n");

  add_step (runbook, "a", CW_PHASE_VALIDATION, CW_STEP_MANUAL, "A", 0, NULL);
  step_json = cw_runbook_to_json (runbook);
  g_assert_nonnull (strstr (step_json, "\n    {\n      \"id\": \"a\",\n      \"phase\": \"validation\",\n"
                                       "      \"title\": \"A\",\n      \"type\": \"manual\",\n"
                                       "      \"duration_min\": 0\n    }\n  ]\n}\n"));

  back = cw_runbook_from_json (step_json, -1, "Renamed", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->name, ==, "Renamed");
  g_assert_cmpuint (back->version, ==, 0);
  g_assert_cmpint (back->state, ==, CW_RUNBOOK_DRAFT);
  g_assert_cmpuint (back->steps->len, ==, 1);
}

/* A file written by hand in the documented layout reads and writes back to
 * the same bytes. */
static void
test_json_sample (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "core", "samples", "runbooks",
                                                 "switch-upgrade.json", NULL);
  g_autofree char *data = NULL;
  g_autofree char *again = NULL;
  g_autoptr(CwRunbook) runbook = NULL;
  g_autoptr(GError) error = NULL;
  CwRunbookStep *step;

  g_assert_true (g_file_get_contents (path, &data, NULL, &error));
  runbook = cw_runbook_from_json (data, -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (runbook->name, ==, "Switch stack OS upgrade");
  g_assert_cmpstr (runbook->ci_class, ==, "network");
  g_assert_cmpuint (runbook->steps->len, ==, 6);
  step = cw_runbook_find_step (runbook, "pre-1");
  g_assert_nonnull (step);
  g_assert_cmpint (step->type, ==, CW_STEP_COMMAND);
  g_assert_cmpstr (step->argv[2], ==, "show version");
  g_assert_cmpuint (step->timeout_s, ==, 300);
  g_assert_cmpint (step->evidence, ==, CW_EVIDENCE_NOTE | CW_EVIDENCE_OUTPUT);

  again = cw_runbook_to_json (runbook);
  g_assert_cmpstr (again, ==, data);
}


static void
test_json_errors (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (json_errors); i++)
    {
      g_autofree char *json = sq (json_errors[i].json);
      g_autoptr(CwRunbook) runbook = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("JSON case %u", i);
      runbook = cw_runbook_from_json (json, -1, NULL, &error);
      g_assert_null (runbook);
      g_assert_error (error, CW_RUNBOOK_ERROR, CW_RUNBOOK_ERROR_PARSE);
      g_assert_true (g_str_has_prefix (error->message, json_errors[i].expected));
      /* A newer format is reported alone, not with its unknown members. */
      if (json_errors[i].alone)
        g_assert_cmpuint (count_lines (error->message), ==, 1);
    }
}

static void
test_json_error_details (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwRunbook) runbook = NULL;
  g_autofree char *json = NULL;
  g_auto(GStrv) lines = NULL;

  /* Every error at once: a typo, a wrong type and an unknown phase. */
  json = sq (HEAD "'steps': [{'id': 'a', 'phase': 'execution', 'titel': 'A', 'title': 'A', 'type': 'manual'},"
             "{'id': 'b', 'phase': 'rollback', 'title': 'B', 'type': 'manual', 'duration_min': true},"
             "{'id': 'c', 'phase': 'after', 'title': 'C', 'type': 'manual', 'predecessors': ['zz']}]}");
  runbook = cw_runbook_from_json (json, -1, NULL, &error);
  g_assert_null (runbook);
  g_assert_error (error, CW_RUNBOOK_ERROR, CW_RUNBOOK_ERROR_PARSE);
  lines = g_strsplit (error->message, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_true (g_str_has_prefix (lines[0], "$.steps[0].titel: unknown member"));
  g_assert_true (g_str_has_prefix (lines[1], "$.steps[1].duration_min: expected a whole number ≥ 0"));
  g_assert_true (g_str_has_prefix (lines[2], "$.steps[2].phase: unknown phase “after”"));
  g_clear_error (&error);
  g_clear_pointer (&json, g_free);

  /* A cycle: the message names it at the path of its first step. */
  json = sq (HEAD "'steps': [{'id': 'x', 'phase': 'rollback', 'title': 'X', 'type': 'manual'},"
             "{'id': 'a', 'phase': 'execution', 'title': 'A', 'type': 'manual', 'predecessors': ['c']},"
             "{'id': 'c', 'phase': 'execution', 'title': 'C', 'type': 'manual', 'predecessors': ['a']}]}");
  runbook = cw_runbook_from_json (json, -1, NULL, &error);
  g_assert_null (runbook);
  g_assert_error (error, CW_RUNBOOK_ERROR, CW_RUNBOOK_ERROR_PARSE);
  g_assert_cmpuint (count_lines (error->message), ==, 1);
  g_assert_true (g_str_has_prefix (error->message, "$.steps[1] (“a”): ")
                 || g_str_has_prefix (error->message, "$.steps[2] (“c”): "));
  g_clear_error (&error);

  /* Problems of the second step with an id are at its own path. */
  g_clear_pointer (&json, g_free);
  g_clear_pointer (&lines, g_strfreev);
  json = sq (HEAD "'steps': [{'id': 'a', 'phase': 'execution', 'title': 'A', 'type': 'manual'},"
             "{'id': 'a', 'phase': 'rollback', 'title': '', 'type': 'manual'}]}");
  runbook = cw_runbook_from_json (json, -1, NULL, &error);
  g_assert_null (runbook);
  g_assert_error (error, CW_RUNBOOK_ERROR, CW_RUNBOOK_ERROR_PARSE);
  lines = g_strsplit (error->message, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  g_assert_true (g_str_has_prefix (lines[0], "$.steps[1] (“a”): "));
  g_assert_true (g_str_has_prefix (lines[1], "$.steps[1] (“a”): "));
  g_clear_error (&error);

  /* Invalid UTF-8, with where it is. */
  runbook = cw_runbook_from_json ("{\n  \"name\": \"caf\xE9\"\n}", -1, NULL, &error);
  g_assert_null (runbook);
  g_assert_error (error, CW_RUNBOOK_ERROR, CW_RUNBOOK_ERROR_PARSE);
  g_assert_cmpstr (error->message, ==, "line 2, column 15: the file is not valid UTF-8 text");
  g_clear_error (&error);

  /* A whole number written as a float is a whole number; null is absent. */
  g_clear_pointer (&json, g_free);
  json = sq (HEAD "'description': null, 'steps': [{'id': 'a', 'phase': 'validation', 'title': 'A', 'type': 'manual', "
             "'duration_min': 5.0, 'stream': null}]}");
  runbook = cw_runbook_from_json (json, -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (runbook->description);
  g_assert_cmpuint (((CwRunbookStep *) g_ptr_array_index (runbook->steps, 0))->duration_min, ==, 5);
}

/****************************************************************************
 * CSV
 ****************************************************************************/

static void
test_csv_round_trip (void)
{
  g_autoptr(CwRunbook) runbook = full_runbook ();
  g_autoptr(CwRunbook) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = cw_runbook_to_csv (runbook);
  g_autofree char *again = NULL;

  g_assert_true (g_str_has_prefix (csv, CW_RUNBOOK_CSV_HEADER "\r\n"));
  g_assert_nonnull (strstr (csv, "\r\npre-1,pre-checks,network,Check the version,command,10,prep-1,"
                                 "\"ssh sw1 'show version | include \"\"IOS\"\"' 'it'\\''s' '$HOME' 'a\\b' '' naïve\",0,\r\n"));
  g_assert_nonnull (strstr (csv, "\r\ngo-1,execution,,Go or no-go,gate,1,\"pre-1;bk-1\",,,\r\n"));

  g_assert_null (cw_runbook_from_csv (csv, -1, NULL, &error));
  g_assert_error (error, CW_RUNBOOK_ERROR, CW_RUNBOOK_ERROR_PARSE);
  g_clear_error (&error);

  back = cw_runbook_from_csv (csv, -1, "Imported", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->name, ==, "Imported");
  g_assert_cmpuint (back->steps->len, ==, runbook->steps->len);
  for (guint i = 0; i < runbook->steps->len; i++)
    {
      const CwRunbookStep *a = g_ptr_array_index (runbook->steps, i);
      const CwRunbookStep *b = g_ptr_array_index (back->steps, i);

      g_assert_cmpstr (a->id, ==, b->id);
      g_assert_cmpint (a->phase, ==, b->phase);
      g_assert_cmpstr (a->stream, ==, b->stream);
      g_assert_cmpstr (a->title, ==, b->title);
      g_assert_cmpint (a->type, ==, b->type);
      g_assert_cmpuint (a->duration_min, ==, b->duration_min);
      g_assert_true ((a->predecessors == NULL) == (b->predecessors == NULL));
      if (a->predecessors != NULL)
        g_assert_true (g_strv_equal ((const char * const *) a->predecessors, (const char * const *) b->predecessors));
      g_assert_true ((a->argv == NULL) == (b->argv == NULL));
      if (a->argv != NULL)
        g_assert_true (g_strv_equal ((const char * const *) a->argv, (const char * const *) b->argv));
      g_assert_cmpint (a->expected_exit, ==, b->expected_exit);
      g_assert_cmpstr (a->instructions, ==, b->instructions);
      /* Not carried by a task list. */
      g_assert_null (b->acceptance);
      g_assert_cmpint (b->evidence, ==, CW_EVIDENCE_NONE);
      g_assert_null (b->workdir);
      g_assert_cmpuint (b->timeout_s, ==, 0);
      g_assert_null (b->output_regex);
    }

  again = cw_runbook_to_csv (back);
  g_assert_cmpstr (again, ==, csv);
}

static void
test_csv_columns (void)
{
  g_autoptr(CwRunbook) runbook = NULL;
  g_autoptr(GError) error = NULL;
  const CwRunbookStep *step;

  /* Any order, optional columns left out, names in any case; a byte-order
   * mark; predecessors with spaces and empty parts; a multi-line field. */
  runbook = cw_runbook_from_csv ("\xEF\xBB\xBF" "Type, title ,PHASE,id,predecessors,command,instructions\n"
                                 "manual,A,execution,a,,,\"line one\nline two\"\n"
                                 "command,B,rollback,b, a ;; ,ssh 'host one' \"x y\",\n",
                                 -1, "Ordered", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (runbook->steps->len, ==, 2);
  step = g_ptr_array_index (runbook->steps, 0);
  g_assert_cmpstr (step->instructions, ==, "line one\nline two");
  g_assert_null (step->stream);
  g_assert_cmpuint (step->duration_min, ==, 0);
  step = g_ptr_array_index (runbook->steps, 1);
  g_assert_cmpint (step->type, ==, CW_STEP_COMMAND);
  g_assert_cmpint (step->phase, ==, CW_PHASE_ROLLBACK);
  g_assert_cmpuint (g_strv_length (step->predecessors), ==, 1);
  g_assert_cmpstr (step->predecessors[0], ==, "a");
  g_assert_cmpuint (g_strv_length (step->argv), ==, 3);
  g_assert_cmpstr (step->argv[1], ==, "host one");
  g_assert_cmpstr (step->argv[2], ==, "x y");
  g_assert_null (step->instructions);
}


static void
test_csv_errors (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (csv_errors); i++)
    {
      g_autoptr(CwRunbook) runbook = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("CSV case %u", i);
      runbook = cw_runbook_from_csv (csv_errors[i].csv, -1, "T", &error);
      g_assert_null (runbook);
      g_assert_error (error, CW_RUNBOOK_ERROR, CW_RUNBOOK_ERROR_PARSE);
      g_assert_cmpstr (error->message, ==, csv_errors[i].expected);
    }
}

static void
test_csv_error_lines (void)
{
  g_autoptr(CwRunbook) runbook = NULL;
  g_autoptr(GError) error = NULL;

  /* A command that does not parse as a quoted argument list. */
  runbook = cw_runbook_from_csv (CSV_HEAD "a,execution,,A,command,5,,ssh 'sw1,,\n" ROW_B, -1, "T", &error);
  g_assert_null (runbook);
  g_assert_error (error, CW_RUNBOOK_ERROR, CW_RUNBOOK_ERROR_PARSE);
  g_assert_true (g_str_has_prefix (error->message, "line 2: the command cannot be read as a quoted argument list: "));
  g_assert_cmpuint (count_lines (error->message), ==, 1);
  g_clear_error (&error);

  /* Validation problems at the line their step starts on, after a record
   * that spans two lines. */
  runbook = cw_runbook_from_csv (CSV_HEAD "a,execution,,A,manual,5,,,,\"two\nlines\"\n"
                                 "b,rollback,,B,manual,5,zz,,,\n", -1, "T", &error);
  g_assert_null (runbook);
  g_assert_error (error, CW_RUNBOOK_ERROR, CW_RUNBOOK_ERROR_PARSE);
  g_assert_true (g_str_has_prefix (error->message, "line 4: "));
  g_assert_nonnull (strstr (error->message, "“zz”"));
  g_assert_cmpuint (count_lines (error->message), ==, 1);
  g_clear_error (&error);

  runbook = cw_runbook_from_csv (CSV_HEAD ROW_B "\n"
                                 "c,execution,,C,manual,5,a,,,\n"
                                 "a,execution,,A,manual,5,c,,,\n", -1, "T", &error);
  g_assert_null (runbook);
  g_assert_error (error, CW_RUNBOOK_ERROR, CW_RUNBOOK_ERROR_PARSE);
  g_assert_cmpuint (count_lines (error->message), ==, 1);
  g_assert_true (g_str_has_prefix (error->message, "line 4: ") || g_str_has_prefix (error->message, "line 5: "));
}

static void
test_command_quoting (void)
{
  const char *argvs[][9] = {
    { "ssh", "sw1", "show version", NULL },
    { "echo", "it's", "\"quoted\"", "$HOME", "`id`", "a\\b", "", NULL },
    { "x", "--opt=a,b", "/tmp/x.y_z@host:1%", "naïve", "#not-a-comment", "~", "a;b", "line\nbreak", NULL },
    { "''", "'", "\\", "*", "a b\tc", NULL },
  };
  const char *expected[] = {
    "ssh sw1 'show version'",
    "echo 'it'\\''s' '\"quoted\"' '$HOME' '`id`' 'a\\b' ''",
    "x --opt=a,b /tmp/x.y_z@host:1% naïve '#not-a-comment' '~' 'a;b' 'line\nbreak'",
    "''\\'''\\''' ''\\''' '\\' '*' 'a b\tc'",
  };

  for (guint i = 0; i < G_N_ELEMENTS (argvs); i++)
    {
      g_autoptr(GString) line = g_string_new (NULL);
      g_auto(GStrv) back = NULL;
      g_autoptr(GError) error = NULL;

      _cw_runbook_io_append_argv (line, argvs[i]);
      g_assert_cmpstr (line->str, ==, expected[i]);
      g_assert_true (g_shell_parse_argv (line->str, NULL, &back, &error));
      g_assert_no_error (error);
      g_assert_true (g_strv_equal ((const char * const *) back, argvs[i]));
    }

  /* What the export writes, and shell-free commands written by hand, pass
   * the check for what a shell would read differently (a "#" inside a word
   * is no comment, an escaped ";" is text). */
  {
    g_autoptr(GString) csv = g_string_new (CW_RUNBOOK_CSV_HEADER "\n");
    g_autoptr(CwRunbook) runbook = NULL;
    g_autoptr(GError) error = NULL;
    const CwRunbookStep *step;

    for (guint i = 0; i < G_N_ELEMENTS (argvs); i++)
      {
        const char *fields[10] = { NULL, "execution", NULL, "T", "command", "1", NULL, NULL, "0", NULL };
        g_autofree char *id = g_strdup_printf ("s%u", i);
        g_autoptr(GString) command = g_string_new (NULL);

        _cw_runbook_io_append_argv (command, argvs[i]);
        fields[0] = id;
        fields[7] = command->str;
        cw_csv_append_record (csv, fields, G_N_ELEMENTS (fields));
      }
    g_string_append (csv, "hand,execution,,T,command,1,,echo 'a|b' a\\;b ok#fine \"x y\" --opt=1,0,\n"
                          "r,rollback,,R,manual,1,,,,\n");

    runbook = cw_runbook_from_csv (csv->str, -1, "Quoting", &error);
    g_assert_no_error (error);
    for (guint i = 0; i < G_N_ELEMENTS (argvs); i++)
      {
        step = g_ptr_array_index (runbook->steps, i);
        g_assert_true (g_strv_equal ((const char * const *) step->argv, argvs[i]));
      }
    step = cw_runbook_find_step (runbook, "hand");
    g_assert_cmpuint (g_strv_length (step->argv), ==, 6);
    g_assert_cmpstr (step->argv[1], ==, "a|b");
    g_assert_cmpstr (step->argv[2], ==, "a;b");
    g_assert_cmpstr (step->argv[3], ==, "ok#fine");
    g_assert_cmpstr (step->argv[4], ==, "x y");
  }
}

/****************************************************************************
 * Markdown
 ****************************************************************************/

/* The number in the row "| @label | N |" of the timing table. */
static guint
table_figure (const char *markdown,
              const char *label)
{
  g_autofree char *row = g_strdup_printf ("\n| %s | ", label);
  const char *found = strstr (markdown, row);

  g_assert_nonnull (found);
  found += strlen (row);
  if (g_str_has_prefix (found, "**"))
    found += 2;

  return (guint) g_ascii_strtoull (found, NULL, 10);
}

static void
test_markdown (void)
{
  g_autoptr(CwRunbook) runbook = full_runbook ();
  g_autoptr(CwRunbookTiming) timing = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *markdown = NULL;
  g_autofree char *path = NULL;
  const char *last = NULL;
  CwRunbookStep *step;

  step = cw_runbook_find_step (runbook, "val-1");
  g_free (step->title);
  step->title = g_strdup ("Use *stars*, _under_ [links] <b> #1");
  markdown = cw_runbook_to_markdown (runbook);
  timing = cw_runbook_timing (runbook, &error);
  g_assert_no_error (error);

  g_assert_true (g_str_has_prefix (markdown, "# Switch stack “Kern-1” — Überprüfung ✓\n\nUpgrade the *core* stack."));
  g_assert_true (g_str_has_suffix (markdown, "\n") && !g_str_has_suffix (markdown, "\n\n"));
  g_assert_nonnull (strstr (markdown, "\n## Timing\n"));
  g_assert_cmpuint (table_figure (markdown, "Critical path"), ==, timing->critical_min);
  g_assert_cmpuint (table_figure (markdown, "Validation"), ==, timing->validation_min);
  g_assert_cmpuint (table_figure (markdown, "Rollback"), ==, timing->rollback_min);
  g_assert_cmpuint (table_figure (markdown, "Buffer"), ==, 15);
  g_assert_cmpuint (table_figure (markdown, "**Window needed**"), ==, timing->window_min);
  g_assert_cmpuint (timing->window_min, >, 0);
  path = g_strjoinv ("` → `", timing->critical_ids);
  g_assert_nonnull (strstr (markdown, path));

  /* One section per phase, in the order they run, rollback last. */
  for (guint phase = 0; phase < CW_N_PHASES; phase++)
    {
      g_autofree char *heading = g_strdup_printf ("\n## %s\n", cw_phase_get_label ((CwPhase) phase));
      const char *found = strstr (markdown, heading);

      g_assert_nonnull (found);
      g_assert_true (last == NULL || found > last);
      last = found;
    }
  g_assert_cmpstr (cw_phase_get_label (CW_PHASE_ROLLBACK), ==, "Rollback");
  g_assert_true (strstr (markdown, "\n### rb-2 — Boot the old image\n") > last);

  g_assert_nonnull (strstr (markdown, "\n### val-1 — Use \\*stars\\*, \\_under\\_ \\[links\\] \\<b\\> \\#1\n"));
  g_assert_nonnull (strstr (markdown, "\n```sh\nssh sw1 'show version | include \"IOS\"' 'it'\\''s' '$HOME' 'a\\b' '' naïve\n```\n"));
  g_assert_nonnull (strstr (markdown, "Working directory: `/tmp/wörk dir` · Timeout: 300 s · Expected exit code: 0 · "
                                      "Output must match: `IOS XE.*17\\.9`"));
  g_assert_nonnull (strstr (markdown, "\n*Command* · 10 min · stream `network` · after `prep-1`\n"));
  g_assert_nonnull (strstr (markdown, "**Acceptance:** NOC acknowledged\n"));
  g_assert_nonnull (strstr (markdown, "**Evidence:** a note, a file\n"));
  g_assert_nonnull (strstr (markdown, "- **Approved by:** Mårten, 2026-11-02 10:00 UTC\n"));

  /* Empty phases are left out; a cycle is said instead of the timing. */
  for (guint i = runbook->steps->len; i-- > 0;)
    {
      step = g_ptr_array_index (runbook->steps, i);
      if (step->phase == CW_PHASE_BACKUP)
        g_ptr_array_remove_index (runbook->steps, i);
    }
  step = cw_runbook_find_step (runbook, "prep-1");
  step->predecessors = g_strsplit ("ex-1", ";", -1);
  g_free (markdown);
  markdown = cw_runbook_to_markdown (runbook);
  g_assert_null (strstr (markdown, "\n## Backup\n"));
  g_assert_nonnull (strstr (markdown, "\n## Execution\n"));
  g_assert_null (strstr (markdown, "| Critical path |"));
  g_assert_nonnull (strstr (markdown, "The runbook has a cycle"));
}

/* Markdown the user wrote keeps to its step: its headings go below the
 * step's, and a code fence left open is closed before the next step. */
static void
test_markdown_user_blocks (void)
{
  g_autoptr(CwRunbook) runbook = full_runbook ();
  g_autofree char *markdown = NULL;
  const char *fence;
  CwRunbookStep *step;
  guint n_fences = 0;

  step = cw_runbook_find_step (runbook, "ex-1");
  step->instructions = g_strdup ("# Steps\n\nRun it:\n\n```\nupgrade --now\n");
  g_free (runbook->description);
  runbook->description = g_strdup ("Plain *text*, kept as written.\n\n### Scope\n");
  markdown = cw_runbook_to_markdown (runbook);
  g_test_message ("%s", markdown);

  /* "## Before" of prep-1 and "# Steps" of ex-1 are sub-headings of their
   * step; the description's "### Scope" goes below the document's title. */
  g_assert_null (strstr (markdown, "\n## Before\n"));
  g_assert_nonnull (strstr (markdown, "\n##### Before\n"));
  g_assert_null (strstr (markdown, "\n# Steps\n"));
  g_assert_nonnull (strstr (markdown, "\n#### Steps\n"));
  g_assert_nonnull (strstr (markdown, "\n###### Scope\n"));
  g_assert_nonnull (strstr (markdown, "Plain *text*, kept as written."));

  /* Markdown without headings or code blocks is kept byte for byte. */
  g_assert_nonnull (strstr (markdown, "\nTwo people sign.\n"));

  /* Every fence is closed: the phases after ex-1 are still headings. */
  for (fence = strstr (markdown, "\n```"); fence != NULL; fence = strstr (fence + 4, "\n```"))
    n_fences++;
  g_assert_cmpuint (n_fences % 2, ==, 0);
  g_assert_nonnull (strstr (strstr (markdown, "upgrade --now"), "\n```\n"));
  g_assert_true (strstr (markdown, "\n## Validation\n") > strstr (markdown, "upgrade --now"));
  g_assert_true (strstr (strstr (markdown, "upgrade --now"), "\n```\n") < strstr (markdown, "\n## Validation\n"));
}

/****************************************************************************
 * Formats and files
 ****************************************************************************/

static void
test_formats (void)
{
  CwRunbookFormat format = CW_RUNBOOK_FORMAT_MARKDOWN;

  g_assert_true (cw_runbook_format_from_string ("json", &format));
  g_assert_cmpint (format, ==, CW_RUNBOOK_FORMAT_JSON);
  g_assert_true (cw_runbook_format_from_string ("CSV", &format));
  g_assert_cmpint (format, ==, CW_RUNBOOK_FORMAT_CSV);
  g_assert_true (cw_runbook_format_from_string ("markdown", &format));
  g_assert_cmpint (format, ==, CW_RUNBOOK_FORMAT_MARKDOWN);
  g_assert_false (cw_runbook_format_from_string ("xml", &format));
  g_assert_false (cw_runbook_format_from_string (NULL, &format));

  g_assert_true (cw_runbook_format_guess ("/tmp/a.b/Runbook.JSON", &format));
  g_assert_cmpint (format, ==, CW_RUNBOOK_FORMAT_JSON);
  g_assert_true (cw_runbook_format_guess ("tasks.csv", &format));
  g_assert_cmpint (format, ==, CW_RUNBOOK_FORMAT_CSV);
  g_assert_true (cw_runbook_format_guess ("print.md", &format));
  g_assert_cmpint (format, ==, CW_RUNBOOK_FORMAT_MARKDOWN);
  g_assert_true (cw_runbook_format_guess ("print.markdown", &format));
  g_assert_false (cw_runbook_format_guess ("/tmp/x.json/runbook", &format));
  g_assert_false (cw_runbook_format_guess ("runbook.txt", &format));
  g_assert_false (cw_runbook_format_guess (".csv", &format));
  g_assert_false (cw_runbook_format_guess ("csv", &format));
}

static void
test_read_file (void)
{
  g_autoptr(CwRunbook) runbook = full_runbook ();
  g_autoptr(CwRunbook) read = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("runbook-io-XXXXXX", &error);
  g_autofree char *json_path = g_build_filename (dir, "exported.json", NULL);
  g_autofree char *csv_path = g_build_filename (dir, "Switch upgrade.v2.csv", NULL);
  g_autofree char *txt_path = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *md_path = g_build_filename (dir, "print.md", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.json", NULL);
  g_autofree char *json = cw_runbook_to_json (runbook);
  g_autofree char *csv = cw_runbook_to_csv (runbook);
  g_autofree char *markdown = cw_runbook_to_markdown (runbook);
  CwRunbookFormat format = CW_RUNBOOK_FORMAT_JSON;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (json_path, json, -1, &error));
  g_assert_true (g_file_set_contents (csv_path, csv, -1, &error));
  g_assert_true (g_file_set_contents (txt_path, json, -1, &error));
  g_assert_true (g_file_set_contents (md_path, markdown, -1, &error));

  read = cw_runbook_read_file (json_path, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (cw_runbook_content_equal (read, runbook));
  g_clear_pointer (&read, cw_runbook_free);

  /* CSV: the base name without its extension, unless a name is given. */
  read = cw_runbook_read_file (csv_path, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read->name, ==, "Switch upgrade.v2");
  g_assert_cmpuint (read->steps->len, ==, runbook->steps->len);
  g_clear_pointer (&read, cw_runbook_free);
  read = cw_runbook_read_file (csv_path, NULL, "Given", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read->name, ==, "Given");
  g_clear_pointer (&read, cw_runbook_free);

  /* An extension that says nothing needs the format. */
  g_assert_null (cw_runbook_read_file (txt_path, NULL, NULL, &error));
  g_assert_error (error, CW_RUNBOOK_ERROR, CW_RUNBOOK_ERROR_PARSE);
  g_clear_error (&error);
  read = cw_runbook_read_file (txt_path, &format, "From text", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read->name, ==, "From text");

  /* Markdown is only written. */
  g_assert_null (cw_runbook_read_file (md_path, NULL, NULL, &error));
  g_assert_error (error, CW_RUNBOOK_ERROR, CW_RUNBOOK_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "Markdown"));
  g_clear_error (&error);

  g_assert_null (cw_runbook_read_file (missing, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_true (g_str_has_prefix (error->message, missing));

  g_unlink (json_path);
  g_unlink (csv_path);
  g_unlink (txt_path);
  g_unlink (md_path);
  g_rmdir (dir);
}

/* 2,000 steps in 20 streams: reading and writing stay linear. The
 * benchmark measures it; here it must only round-trip. */
static void
test_large (void)
{
  g_autoptr(CwRunbook) runbook = cw_runbook_new ("Large");
  g_autoptr(CwRunbook) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *again = NULL;
  g_autofree char *csv = NULL;
  gint64 start;

  for (guint i = 0; i < 2000; i++)
    {
      g_autofree char *id = g_strdup_printf ("s%u", i);
      g_autofree char *pred = i >= 20 ? g_strdup_printf ("s%u", i - 20) : NULL;
      CwRunbookStep *step = add_step (runbook, id, i < 1900 ? CW_PHASE_EXECUTION : CW_PHASE_ROLLBACK,
                                      CW_STEP_COMMAND, "Do the thing", 1 + i % 7, pred);

      step->stream = g_strdup_printf ("stream-%u", i % 20);
      step->argv = strv_of ("ssh", "host", "run it", NULL);
      step->instructions = g_strdup ("Check **this**,\nthen \"that\".");
    }

  json = cw_runbook_to_json (runbook);
  start = g_get_monotonic_time ();
  back = cw_runbook_from_json (json, -1, NULL, &error);
  g_assert_no_error (error);
  again = cw_runbook_to_json (back);
  g_test_message ("2,000 steps: JSON read and written in %.1f ms",
                  (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpstr (again, ==, json);

  csv = cw_runbook_to_csv (runbook);
  g_clear_pointer (&back, cw_runbook_free);
  back = cw_runbook_from_csv (csv, -1, "Large", &error);
  g_assert_no_error (error);
  g_assert_true (cw_runbook_content_equal (back, runbook));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/runbook-io/json/round-trip", test_json_round_trip);
  g_test_add_func ("/runbook-io/json/minimal", test_json_minimal);
  g_test_add_func ("/runbook-io/json/sample", test_json_sample);
  g_test_add_func ("/runbook-io/json/errors", test_json_errors);
  g_test_add_func ("/runbook-io/json/error-details", test_json_error_details);
  g_test_add_func ("/runbook-io/csv/round-trip", test_csv_round_trip);
  g_test_add_func ("/runbook-io/csv/columns", test_csv_columns);
  g_test_add_func ("/runbook-io/csv/errors", test_csv_errors);
  g_test_add_func ("/runbook-io/csv/error-lines", test_csv_error_lines);
  g_test_add_func ("/runbook-io/command-quoting", test_command_quoting);
  g_test_add_func ("/runbook-io/markdown", test_markdown);
  g_test_add_func ("/runbook-io/markdown/user-blocks", test_markdown_user_blocks);
  g_test_add_func ("/runbook-io/formats", test_formats);
  g_test_add_func ("/runbook-io/read-file", test_read_file);
  g_test_add_func ("/runbook-io/large", test_large);

  return g_test_run ();
}
