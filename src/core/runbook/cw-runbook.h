/* cw-runbook.h: a runbook version in memory, its validation, its timing and
 * the difference between two versions.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CW_RUNBOOK_ERROR (cw_runbook_error_quark ())

/**
 * CwRunbookError:
 * @CW_RUNBOOK_ERROR_INVALID: the runbook has problems (the message lists
 *   every one, one per line); nothing was saved
 * @CW_RUNBOOK_ERROR_PARSE: a file could not be read (the message lists every
 *   error, one per line, each with its line number or JSON path); nothing was
 *   saved
 * @CW_RUNBOOK_ERROR_NOT_FOUND: no runbook, or no version, of that name or number
 * @CW_RUNBOOK_ERROR_IMMUTABLE: the version is approved and cannot change
 * @CW_RUNBOOK_ERROR_SELF_APPROVAL: the approver is the version's author
 * @CW_RUNBOOK_ERROR_EXISTS: a runbook of that name already exists
 */
typedef enum
{
  CW_RUNBOOK_ERROR_INVALID,
  CW_RUNBOOK_ERROR_PARSE,
  CW_RUNBOOK_ERROR_NOT_FOUND,
  CW_RUNBOOK_ERROR_IMMUTABLE,
  CW_RUNBOOK_ERROR_SELF_APPROVAL,
  CW_RUNBOOK_ERROR_EXISTS,
} CwRunbookError;

/* In the order they run. Rollback is a separate section, run only on a
 * rollback decision. */
typedef enum
{
  CW_PHASE_PREPARATION,
  CW_PHASE_PRECHECKS,
  CW_PHASE_BACKUP,
  CW_PHASE_EXECUTION,
  CW_PHASE_VALIDATION,
  CW_PHASE_ROLLBACK,
  CW_N_PHASES,
} CwPhase;

typedef enum
{
  CW_STEP_MANUAL,
  CW_STEP_COMMAND,
  CW_STEP_GATE,      /* a go/no-go decision */
  CW_STEP_APPROVAL,  /* a two-person sign-off */
  CW_STEP_COMMS,     /* a message to stakeholders */
  CW_N_STEP_TYPES,
} CwStepType;

/* The evidence a step requires before it may pass. */
typedef enum
{
  CW_EVIDENCE_NONE   = 0,
  CW_EVIDENCE_NOTE   = 1 << 0,
  CW_EVIDENCE_OUTPUT = 1 << 1,
  CW_EVIDENCE_FILE   = 1 << 2,
} CwEvidence;

typedef enum
{
  CW_RUNBOOK_DRAFT,
  CW_RUNBOOK_APPROVED,
} CwRunbookState;

typedef struct
{
  char        *id;            /* unique in the version; [A-Za-z0-9._-]+ */
  CwPhase      phase;
  char        *stream;        /* a parallel stream's name, or NULL */
  char        *title;
  CwStepType   type;
  char        *instructions;  /* Markdown, or NULL */
  guint        duration_min;  /* expected duration in minutes */
  GStrv        predecessors;  /* step ids; NULL when none */
  char        *acceptance;    /* acceptance criteria, or NULL */
  CwEvidence   evidence;
  /* Command steps only; NULL/0 otherwise. */
  GStrv        argv;          /* run directly, never through a shell */
  char        *workdir;
  guint        timeout_s;     /* 0: no timeout */
  int          expected_exit;
  char        *output_regex;  /* the output must match it, or NULL */
} CwRunbookStep;

/* One version of a runbook, with the runbook's own fields. */
typedef struct
{
  char           *name;         /* unique in a workspace */
  char           *description;  /* or NULL */
  char           *product;      /* what it applies to: a compat product name, or NULL */
  char           *ci_class;     /* ... and a CI class (cw_ci_class_to_string), or NULL */
  guint           version;      /* 1, 2, ...; 0 when not saved yet */
  CwRunbookState  state;
  char           *author;       /* who made this version, or NULL */
  gint64          created_at;   /* Unix seconds, or 0 */
  char           *approver;     /* or NULL while a draft */
  gint64          approved_at;  /* Unix seconds, or 0 */
  guint           buffer_min;   /* added to the window needed */
  GPtrArray      *steps;        /* (element-type CwRunbookStep), in order; owns them */
} CwRunbook;

GQuark         cw_runbook_error_quark      (void);

const char    *cw_phase_to_string          (CwPhase          phase);   /* "preparation", "pre-checks", "backup", "execution", "validation", "rollback" */
gboolean       cw_phase_from_string        (const char      *text,     /* also "prechecks", "pre_checks"; any case */
                                            CwPhase         *phase);
const char    *cw_phase_get_label          (CwPhase          phase);   /* translated: "Pre-checks" */
const char    *cw_step_type_to_string      (CwStepType       type);    /* "manual", "command", "gate", "approval", "comms" */
gboolean       cw_step_type_from_string    (const char      *text,
                                            CwStepType      *type);
const char    *cw_step_type_get_label      (CwStepType       type);    /* translated: "Go/No-Go Gate" */
char          *cw_evidence_to_string       (CwEvidence       evidence); /* "note;output", "" for none */
gboolean       cw_evidence_from_string     (const char      *text,     /* ";" or "," separated */
                                            CwEvidence      *evidence);
const char    *cw_runbook_state_to_string  (CwRunbookState   state);   /* "draft", "approved" */

CwRunbookStep *cw_runbook_step_new         (const char      *id,
                                            CwPhase          phase,
                                            CwStepType       type,
                                            const char      *title);
CwRunbookStep *cw_runbook_step_copy        (const CwRunbookStep *step);
void           cw_runbook_step_free        (CwRunbookStep   *step);
gboolean       cw_runbook_step_equal       (const CwRunbookStep *a,
                                            const CwRunbookStep *b);

CwRunbook     *cw_runbook_new              (const char      *name);
CwRunbook     *cw_runbook_copy             (const CwRunbook *runbook);  /* deep */
void           cw_runbook_free             (CwRunbook       *runbook);
/* Same name, fields and steps; version numbers, state and people ignored. */
gboolean       cw_runbook_content_equal    (const CwRunbook *a,
                                            const CwRunbook *b);
CwRunbookStep *cw_runbook_find_step        (const CwRunbook *runbook,
                                            const char      *id);
int            cw_runbook_find_step_index  (const CwRunbook *runbook,   /* -1 when absent */
                                            const char      *id);
/* A fresh id like "step-12" that no step uses. */
char          *cw_runbook_make_step_id     (const CwRunbook *runbook);

/* Validation ------------------------------------------------------------ */

typedef enum
{
  CW_PROBLEM_MISSING_ID,            /* a step has no id */
  CW_PROBLEM_BAD_ID,                /* characters outside [A-Za-z0-9._-] */
  CW_PROBLEM_DUPLICATE_ID,
  CW_PROBLEM_MISSING_TITLE,
  CW_PROBLEM_UNKNOWN_PREDECESSOR,
  CW_PROBLEM_SELF_PREDECESSOR,
  CW_PROBLEM_CYCLE,                 /* step_ids lists the cycle in order */
  CW_PROBLEM_WRONG_PHASE_ORDER,     /* a step waits for a step of a later phase,
                                       or outside rollback for a rollback step */
  CW_PROBLEM_NO_COMMAND,            /* a command step with no argument vector */
  CW_PROBLEM_BAD_REGEX,
  CW_PROBLEM_NO_ROLLBACK,           /* execution steps but no rollback section */
} CwRunbookProblemKind;

typedef struct
{
  CwRunbookProblemKind  kind;
  GStrv                 step_ids;  /* the steps involved, in order; may be empty */
  char                 *message;   /* a sentence that names the steps, translated */
} CwRunbookProblem;

void       cw_runbook_problem_free   (CwRunbookProblem *problem);
/* Every problem, in step order; an empty array when the runbook is valid. */
GPtrArray *cw_runbook_validate       (const CwRunbook  *runbook);   /* (element-type CwRunbookProblem) */
/* FALSE with CW_RUNBOOK_ERROR_INVALID listing every problem, one per line. */
gboolean   cw_runbook_check          (const CwRunbook  *runbook,
                                      GError          **error);

/* Timing -----------------------------------------------------------------
 *
 * Only predecessors order steps; steps with no path between them run in
 * parallel. The forward plan (preparation, pre-checks, backup, execution)
 * gives the critical path; validation follows it, and rollback follows
 * validation in the window: window = critical + validation + rollback +
 * buffer, where validation and rollback are each the longest path through
 * their own phase (edges from other phases count as satisfied).
 */

typedef struct
{
  guint     start_min;   /* from the start of the window */
  guint     end_min;
  guint     lane;        /* index into streams */
  gboolean  critical;    /* on the critical path of its section */
} CwStepSlot;

typedef struct
{
  guint       critical_min;
  GStrv       critical_ids;     /* the forward critical path, in order */
  guint       validation_min;
  guint       rollback_min;
  guint       buffer_min;
  guint       window_min;       /* critical + validation + rollback + buffer */
  guint       effort_min;       /* the sum of every non-rollback duration */
  GStrv       streams;          /* lane names, first-seen order; "" for steps with no stream */
  CwStepSlot *slots;            /* one per step, in runbook->steps order */
  guint       n_slots;
} CwRunbookTiming;

/* NULL with CW_RUNBOOK_ERROR_INVALID when there is a cycle; unknown
 * predecessors are ignored. */
CwRunbookTiming *cw_runbook_timing       (const CwRunbook  *runbook,
                                          GError          **error);
void             cw_runbook_timing_free  (CwRunbookTiming  *timing);

/* Differences ------------------------------------------------------------ */

typedef enum
{
  CW_RUNBOOK_CHANGE_ADDED,     /* step_id added; field NULL */
  CW_RUNBOOK_CHANGE_REMOVED,   /* step_id removed; field NULL */
  CW_RUNBOOK_CHANGE_CHANGED,   /* field changed; step_id NULL for the runbook's own fields */
} CwRunbookChangeKind;

typedef struct
{
  CwRunbookChangeKind  kind;
  char                *step_id;
  char                *field;      /* "title", "phase", "stream", "type", "instructions",
                                      "duration_min", "predecessors", "acceptance", "evidence",
                                      "command", "workdir", "timeout_s", "expected_exit",
                                      "output_regex", "position"; or "description",
                                      "product", "ci_class", "buffer_min" */
  char                *old_value;  /* as text; NULL for added */
  char                *new_value;  /* as text; NULL for removed */
} CwRunbookChange;

void       cw_runbook_change_free  (CwRunbookChange *change);
/* From @old_version to @new_version: the runbook's fields first, then steps
 * in @new_version's order, with removed steps where they stood. */
GPtrArray *cw_runbook_diff         (const CwRunbook *old_version,
                                    const CwRunbook *new_version);  /* (element-type CwRunbookChange) */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwRunbookStep, cw_runbook_step_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwRunbook, cw_runbook_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwRunbookProblem, cw_runbook_problem_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwRunbookTiming, cw_runbook_timing_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwRunbookChange, cw_runbook_change_free)

G_END_DECLS
