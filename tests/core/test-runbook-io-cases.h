/* test-runbook-io-cases.h
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The malformed files of test-runbook-io.c, JSON and CSV, each with the
 * error it must give. Included by test-runbook-io.c only. */

#pragma once

#include "cw-runbook-io.h"

#define STEPS_OK "'steps': [{'id': 'a', 'phase': 'execution', 'title': 'A', 'type': 'manual', 'duration_min': 5}," \
                 "{'id': 'b', 'phase': 'rollback', 'title': 'B', 'type': 'manual', 'predecessors': ['a']}]"
#define HEAD "{'format': 'changeward-runbook/1', 'name': 'T', "

static const struct
{
  const char *json;
  const char *expected;  /* the start of the message */
  gboolean    alone;     /* the only error reported */
} json_errors[] = {
  { "{\n  'format': 'changeward-runbook/1',\n  'name': ,\n}", "line 3, column ", TRUE },
  { "", "the file is empty" },
  { "[1, 2]", "$: expected an object" },
  { "{'name': 'T', " STEPS_OK "}", "$: the member “format” is missing" },
  { "{'format': 'changeward-runbook/2', 'name': 'T', 'extra': 1, 'steps': 5}",
    "$.format: the file is in format “changeward-runbook/2”; this version of Changeward reads “changeward-runbook/1”", TRUE },
  { "{'format': 'my-runbook', 'name': 'T', " STEPS_OK "}", "$.format: “my-runbook” is not a runbook format" },
  { "{'format': 7, 'name': 'T', " STEPS_OK "}", "$.format: expected the string" },
  { HEAD "'nmae': 'x', " STEPS_OK "}", "$.nmae: unknown member; the members here are: format, name," },
  { HEAD "'steps': [{'id': 'a', 'phase': 'execution', 'title': 'A', 'type': 'manual', 'duration_min': '5'}]}",
    "$.steps[0].duration_min: expected a whole number ≥ 0" },
  { HEAD "'steps': [{'id': 'a', 'phase': 'execution', 'title': 'A', 'type': 'manual', 'duration_min': -1}]}",
    "$.steps[0].duration_min: expected a whole number ≥ 0" },
  { HEAD "'steps': [{'id': 'a', 'phase': 'execution', 'title': 'A', 'type': 'manual', 'duration_min': 2.5}]}",
    "$.steps[0].duration_min: expected a whole number ≥ 0" },
  { HEAD "'buffer_min': 99999999, " STEPS_OK "}", "$.buffer_min: 99999999 is too large" },
  { HEAD "'steps': [{'id': 'a', 'phase': 'execution', 'title': 5, 'type': 'manual'}]}", "$.steps[0].title: expected a string" },
  { HEAD "'steps': [{'id': 'a', 'phase': 'execution', 'title': null, 'type': 'manual'}]}", "$.steps[0].title: expected a string" },
  { HEAD "'steps': {}}", "$.steps: expected an array of steps" },
  { HEAD "'steps': [7]}", "$.steps[0]: expected an object" },
  { HEAD "'applies_to': {'product': 'X', 'class': 'server'}, " STEPS_OK "}", "$.applies_to.class: unknown member" },
  { HEAD "'steps': [{'id': 'a', 'phase': 'execution', 'title': 'A', 'type': 'command', "
    "'command': {'argv': ['x', 3]}}]}", "$.steps[0].command.argv[1]: expected a string" },
  { HEAD "'steps': [{'id': 'a', 'phase': 'execution', 'title': 'A', 'type': 'command', "
    "'command': {'argv': ['x'], 'expected_exit': 'zero'}}]}", "$.steps[0].command.expected_exit: expected a whole number" },
  { HEAD "'steps': [{'id': 'a', 'phase': 'execution', 'type': 'manual'}]}", "$.steps[0]: the required member “title” is missing" },
  { "{'format': 'changeward-runbook/1', 'steps': []}", "$: the required member “name” is missing" },
  { HEAD "'description': 'x'}", "$: the required member “steps” is missing" },
  { HEAD "'steps': [{'id': 'a', 'phase': 'later', 'title': 'A', 'type': 'manual'}]}",
    "$.steps[0].phase: unknown phase “later”; expected one of: preparation, pre-checks, backup, execution, validation, rollback" },
  { HEAD "'steps': [{'id': 'a', 'phase': 'execution', 'title': 'A', 'type': 'robot'}]}",
    "$.steps[0].type: unknown step type “robot”; expected one of: manual, command, gate, approval, comms" },
  { HEAD "'steps': [{'id': 'a', 'phase': 'execution', 'title': 'A', 'type': 'manual', 'evidence': ['note', 'photo']}]}",
    "$.steps[0].evidence[1]: unknown evidence “photo”" },
  { HEAD "'state': 'final', " STEPS_OK "}", "$.state: unknown state “final”" },
  { HEAD "'approved_at': 'yesterday', " STEPS_OK "}", "$.approved_at: “yesterday” is not a date and time" },
  { HEAD "'steps': [{'id': 'a', 'phase': 'execution', 'title': 'A', 'type': 'manual'},"
    "{'id': 'b', 'phase': 'rollback', 'title': 'B', 'type': 'manual', 'predecessors': ['zz']}]}",
    "$.steps[1] (“b”): " },
  { HEAD "'steps': [{'id': 'a', 'phase': 'execution', 'title': 'A', 'type': 'manual'},"
    "{'id': 'b', 'phase': 'rollback', 'title': 'B', 'type': 'manual'},"
    "{'id': 'a', 'phase': 'rollback', 'title': 'A2', 'type': 'manual'}]}",
    "$.steps[2] (“a”): " },
  { HEAD "'steps': [{'id': 'x', 'phase': 'rollback', 'title': 'X', 'type': 'manual'},"
    "{'id': 'a', 'phase': 'execution', 'title': 'A', 'type': 'command'}]}",
    "$.steps[1] (“a”): " },
  /* json-glib keeps the last of two members of the same name: the first
   * "steps" would be lost without a word. */
  { HEAD STEPS_OK ", 'steps': []}", "$.steps: the member is given more than once; give it once" },
  { HEAD "'name': 'U', " STEPS_OK "}", "$.name: the member is given more than once; give it once" },
  { HEAD "'steps': [{'id': 'a', 'phase': 'execution', 'title': 'A', 'title': 'B', 'type': 'manual'}]}",
    "$.steps[0].title: the member is given more than once; give it once", TRUE },
  { HEAD "'steps': []}", "$.steps: the runbook has no steps; a runbook file holds at least one", TRUE },
};

#define CSV_HEAD CW_RUNBOOK_CSV_HEADER "\n"
#define ROW_A "a,execution,,A,manual,5,,,,\n"
#define ROW_B "b,rollback,,B,manual,5,a,,,\n"

static const struct
{
  const char *csv;
  const char *expected;  /* the whole message */
} csv_errors[] = {
  { "", "The file is empty; a task list starts with the header " CW_RUNBOOK_CSV_HEADER },
  { ROW_A ROW_B, "line 1: the first line is not a header; a task list starts with the columns " CW_RUNBOOK_CSV_HEADER },
  { CW_RUNBOOK_CSV_HEADER ",owner\n" "a,execution,,A,manual,5,,,,,me\n" ROW_B,
    "line 1: unknown column “owner”; the columns are " CW_RUNBOOK_CSV_HEADER "\n"
    "line 3: the number of fields differs from the header’s" },
  { "id,phase,title\n" "a,execution,A\n", "line 1: the required column “type” is missing" },
  { "id,phase,title,type,phase\n" "a,execution,A,manual,execution\n", "line 1: the column “phase” appears twice" },
  { CSV_HEAD ROW_A "b,rollback,B\n", "line 3: the number of fields differs from the header’s" },
  { CSV_HEAD "a,execution,,A,manual,5,,,,\"two\nlines\"\n" "b,rollback,,\"B,manual,5,a,,,\n",
    "line 4: a quoted field is never closed" },
  { CSV_HEAD ROW_A "b,rollback,,B\xFF,manual,5,a,,,\n", "line 3: the line is not valid UTF-8 text" },
  { CSV_HEAD "a,later,,A,manual,5,,,,\n" ROW_B,
    "line 2: unknown phase “later”; expected one of: preparation, pre-checks, backup, execution, validation, rollback" },
  { CSV_HEAD "a,execution,,A,robot,5,,,,\n" ROW_B,
    "line 2: unknown step type “robot”; expected one of: manual, command, gate, approval, comms" },
  { CSV_HEAD "a,execution,,A,manual,5m,,,,\n" ROW_B "c,rollback,,C,manual,-1,,,,\n",
    "line 2: duration_min “5m” is not a whole number from 0 to 1000000\n"
    "line 4: duration_min “-1” is not a whole number from 0 to 1000000" },
  { CSV_HEAD "a,execution,,A,command,5,,ls,zero,\n" ROW_B, "line 2: expected_exit “zero” is not a whole number" },
  /* A header alone, whatever its line ends: no runbook to import. */
  { CSV_HEAD, "line 1: the task list has no steps; add a row for each step under the header" },
  { "\xEF\xBB\xBF\r\n" CW_RUNBOOK_CSV_HEADER "\r\n\r\n",
    "line 2: the task list has no steps; add a row for each step under the header" },
  /* What a shell would read differently: the command is never run through
   * one, so these would reach the program as they are, or be cut off. */
  { CSV_HEAD "a,execution,,A,command,5,,grep -c #include main.c,0,\n" ROW_B,
    "line 2: in the command, “#” starts a word outside quotes, so the rest of the line would be "
    "dropped as a comment. Put that argument in single quotes." },
  { CSV_HEAD "a,execution,,A,command,5,,dmesg | tail,0,\n"
    "b,rollback,,B,command,5,a,make; make install,0,\n"
    "c,rollback,,C,command,5,a,pg_dump -f $FILE db,0,\n"
    "d,rollback,,D,command,5,a,\"echo \"\"`id`\"\"\",0,\n"
    "e,rollback,,E,command,5,a,ls > out.txt,0,\n",
    "line 2: the command has “|” outside single quotes. The command is never run through a shell, "
    "so it would reach the program as it is; put it in single quotes, or run a shell explicitly (sh -c '…').\n"
    "line 3: the command has “;” outside single quotes. The command is never run through a shell, "
    "so it would reach the program as it is; put it in single quotes, or run a shell explicitly (sh -c '…').\n"
    "line 4: the command has “$” outside single quotes. The command is never run through a shell, "
    "so it would reach the program as it is; put it in single quotes, or run a shell explicitly (sh -c '…').\n"
    "line 5: the command has “`” outside single quotes. The command is never run through a shell, "
    "so it would reach the program as it is; put it in single quotes, or run a shell explicitly (sh -c '…').\n"
    "line 6: the command has “>” outside single quotes. The command is never run through a shell, "
    "so it would reach the program as it is; put it in single quotes, or run a shell explicitly (sh -c '…')." },
};
