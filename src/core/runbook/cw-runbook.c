/* cw-runbook.c: the runbook model: enums as text, steps and versions.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-runbook"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cw-runbook.h"

G_DEFINE_QUARK (cw-runbook-error-quark, cw_runbook_error)

static const struct {
  const char *key;
  const char *label;
} phases[] = {
  [CW_PHASE_PREPARATION] = { "preparation", N_("Preparation") },
  [CW_PHASE_PRECHECKS]   = { "pre-checks",  N_("Pre-checks") },
  [CW_PHASE_BACKUP]      = { "backup",      N_("Backup") },
  [CW_PHASE_EXECUTION]   = { "execution",   N_("Execution") },
  [CW_PHASE_VALIDATION]  = { "validation",  N_("Validation") },
  [CW_PHASE_ROLLBACK]    = { "rollback",    N_("Rollback") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (phases) == CW_N_PHASES);

static const struct {
  const char *key;
  const char *label;
} step_types[] = {
  [CW_STEP_MANUAL]   = { "manual",   N_("Manual") },
  [CW_STEP_COMMAND]  = { "command",  N_("Command") },
  [CW_STEP_GATE]     = { "gate",     N_("Go/No-Go Gate") },
  [CW_STEP_APPROVAL] = { "approval", N_("Two-Person Approval") },
  [CW_STEP_COMMS]    = { "comms",    N_("Stakeholder Message") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (step_types) == CW_N_STEP_TYPES);

static const struct {
  CwEvidence  flag;
  const char *key;
} evidences[] = {
  { CW_EVIDENCE_NOTE,   "note" },
  { CW_EVIDENCE_OUTPUT, "output" },
  { CW_EVIDENCE_FILE,   "file" },
};

/* ---- enums ----------------------------------------------------------------- */

const char *
cw_phase_to_string (CwPhase phase)
{
  g_return_val_if_fail ((guint) phase < CW_N_PHASES, NULL);

  return phases[phase].key;
}

gboolean
cw_phase_from_string (const char *text,
                      CwPhase    *phase)
{
  g_autofree char *trimmed = NULL;

  if (text == NULL)
    return FALSE;

  trimmed = g_strstrip (g_ascii_strdown (text, -1));

  if (strcmp (trimmed, "prechecks") == 0 || strcmp (trimmed, "pre_checks") == 0)
    {
      if (phase != NULL)
        *phase = CW_PHASE_PRECHECKS;
      return TRUE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (phases); i++)
    {
      if (strcmp (phases[i].key, trimmed) == 0)
        {
          if (phase != NULL)
            *phase = (CwPhase) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
cw_phase_get_label (CwPhase phase)
{
  g_return_val_if_fail ((guint) phase < CW_N_PHASES, NULL);

  return _(phases[phase].label);
}

const char *
cw_step_type_to_string (CwStepType type)
{
  g_return_val_if_fail ((guint) type < CW_N_STEP_TYPES, NULL);

  return step_types[type].key;
}

gboolean
cw_step_type_from_string (const char *text,
                          CwStepType *type)
{
  g_autofree char *trimmed = NULL;

  if (text == NULL)
    return FALSE;

  trimmed = g_strstrip (g_ascii_strdown (text, -1));

  for (guint i = 0; i < G_N_ELEMENTS (step_types); i++)
    {
      if (strcmp (step_types[i].key, trimmed) == 0)
        {
          if (type != NULL)
            *type = (CwStepType) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
cw_step_type_get_label (CwStepType type)
{
  g_return_val_if_fail ((guint) type < CW_N_STEP_TYPES, NULL);

  return _(step_types[type].label);
}

char *
cw_evidence_to_string (CwEvidence evidence)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (evidences); i++)
    {
      if ((evidence & evidences[i].flag) == 0)
        continue;
      if (text->len > 0)
        g_string_append_c (text, ';');
      g_string_append (text, evidences[i].key);
    }

  return g_string_free (text, FALSE);
}

gboolean
cw_evidence_from_string (const char *text,
                         CwEvidence *evidence)
{
  g_auto(GStrv) words = NULL;
  CwEvidence result = CW_EVIDENCE_NONE;

  if (text == NULL)
    {
      if (evidence != NULL)
        *evidence = CW_EVIDENCE_NONE;
      return TRUE;
    }

  words = g_strsplit_set (text, ";,", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *word = g_strstrip (words[i]);
      gboolean known = FALSE;

      if (*word == '\0')
        continue;

      for (guint j = 0; j < G_N_ELEMENTS (evidences); j++)
        {
          if (g_ascii_strcasecmp (evidences[j].key, word) == 0)
            {
              result |= evidences[j].flag;
              known = TRUE;
              break;
            }
        }

      if (!known)
        return FALSE;
    }

  if (evidence != NULL)
    *evidence = result;

  return TRUE;
}

const char *
cw_runbook_state_to_string (CwRunbookState state)
{
  switch (state)
    {
    case CW_RUNBOOK_DRAFT:
      return "draft";
    case CW_RUNBOOK_APPROVED:
      return "approved";
    default:
      g_return_val_if_reached (NULL);
    }
}

/* ---- steps ----------------------------------------------------------------- */

CwRunbookStep *
cw_runbook_step_new (const char *id,
                     CwPhase     phase,
                     CwStepType  type,
                     const char *title)
{
  CwRunbookStep *step = g_new0 (CwRunbookStep, 1);

  step->id = g_strdup (id);
  step->phase = phase;
  step->type = type;
  step->title = g_strdup (title);

  return step;
}

CwRunbookStep *
cw_runbook_step_copy (const CwRunbookStep *step)
{
  CwRunbookStep *copy;

  g_return_val_if_fail (step != NULL, NULL);

  copy = g_new0 (CwRunbookStep, 1);
  copy->id = g_strdup (step->id);
  copy->phase = step->phase;
  copy->stream = g_strdup (step->stream);
  copy->title = g_strdup (step->title);
  copy->type = step->type;
  copy->instructions = g_strdup (step->instructions);
  copy->duration_min = step->duration_min;
  copy->predecessors = g_strdupv (step->predecessors);
  copy->acceptance = g_strdup (step->acceptance);
  copy->evidence = step->evidence;
  copy->argv = g_strdupv (step->argv);
  copy->workdir = g_strdup (step->workdir);
  copy->timeout_s = step->timeout_s;
  copy->expected_exit = step->expected_exit;
  copy->output_regex = g_strdup (step->output_regex);

  return copy;
}

void
cw_runbook_step_free (CwRunbookStep *step)
{
  if (step == NULL)
    return;

  g_free (step->id);
  g_free (step->stream);
  g_free (step->title);
  g_free (step->instructions);
  g_strfreev (step->predecessors);
  g_free (step->acceptance);
  g_strfreev (step->argv);
  g_free (step->workdir);
  g_free (step->output_regex);
  g_free (step);
}

/* NULL and an empty vector are the same: no predecessors, no command. */
static gboolean
strv_equal (const char * const *a,
            const char * const *b)
{
  guint na = a != NULL ? g_strv_length ((GStrv) a) : 0;
  guint nb = b != NULL ? g_strv_length ((GStrv) b) : 0;

  if (na != nb)
    return FALSE;

  for (guint i = 0; i < na; i++)
    {
      if (g_strcmp0 (a[i], b[i]) != 0)
        return FALSE;
    }

  return TRUE;
}

gboolean
cw_runbook_step_equal (const CwRunbookStep *a,
                       const CwRunbookStep *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;

  return g_strcmp0 (a->id, b->id) == 0
      && a->phase == b->phase
      && g_strcmp0 (a->stream, b->stream) == 0
      && g_strcmp0 (a->title, b->title) == 0
      && a->type == b->type
      && g_strcmp0 (a->instructions, b->instructions) == 0
      && a->duration_min == b->duration_min
      && strv_equal ((const char * const *) a->predecessors, (const char * const *) b->predecessors)
      && g_strcmp0 (a->acceptance, b->acceptance) == 0
      && a->evidence == b->evidence
      && strv_equal ((const char * const *) a->argv, (const char * const *) b->argv)
      && g_strcmp0 (a->workdir, b->workdir) == 0
      && a->timeout_s == b->timeout_s
      && a->expected_exit == b->expected_exit
      && g_strcmp0 (a->output_regex, b->output_regex) == 0;
}

/* ---- runbooks -------------------------------------------------------------- */

CwRunbook *
cw_runbook_new (const char *name)
{
  CwRunbook *runbook = g_new0 (CwRunbook, 1);

  runbook->name = g_strdup (name);
  runbook->state = CW_RUNBOOK_DRAFT;
  runbook->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) cw_runbook_step_free);

  return runbook;
}

CwRunbook *
cw_runbook_copy (const CwRunbook *runbook)
{
  CwRunbook *copy;

  g_return_val_if_fail (runbook != NULL, NULL);

  copy = cw_runbook_new (runbook->name);
  copy->description = g_strdup (runbook->description);
  copy->product = g_strdup (runbook->product);
  copy->ci_class = g_strdup (runbook->ci_class);
  copy->version = runbook->version;
  copy->state = runbook->state;
  copy->author = g_strdup (runbook->author);
  copy->created_at = runbook->created_at;
  copy->approver = g_strdup (runbook->approver);
  copy->approved_at = runbook->approved_at;
  copy->buffer_min = runbook->buffer_min;

  for (guint i = 0; runbook->steps != NULL && i < runbook->steps->len; i++)
    g_ptr_array_add (copy->steps, cw_runbook_step_copy (g_ptr_array_index (runbook->steps, i)));

  return copy;
}

void
cw_runbook_free (CwRunbook *runbook)
{
  if (runbook == NULL)
    return;

  g_free (runbook->name);
  g_free (runbook->description);
  g_free (runbook->product);
  g_free (runbook->ci_class);
  g_free (runbook->author);
  g_free (runbook->approver);
  g_clear_pointer (&runbook->steps, g_ptr_array_unref);
  g_free (runbook);
}

gboolean
cw_runbook_content_equal (const CwRunbook *a,
                          const CwRunbook *b)
{
  guint na, nb;

  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;

  if (g_strcmp0 (a->name, b->name) != 0
      || g_strcmp0 (a->description, b->description) != 0
      || g_strcmp0 (a->product, b->product) != 0
      || g_strcmp0 (a->ci_class, b->ci_class) != 0
      || a->buffer_min != b->buffer_min)
    return FALSE;

  na = a->steps != NULL ? a->steps->len : 0;
  nb = b->steps != NULL ? b->steps->len : 0;
  if (na != nb)
    return FALSE;

  for (guint i = 0; i < na; i++)
    {
      if (!cw_runbook_step_equal (g_ptr_array_index (a->steps, i),
                                  g_ptr_array_index (b->steps, i)))
        return FALSE;
    }

  return TRUE;
}

int
cw_runbook_find_step_index (const CwRunbook *runbook,
                            const char      *id)
{
  g_return_val_if_fail (runbook != NULL, -1);

  if (id == NULL || runbook->steps == NULL)
    return -1;

  for (guint i = 0; i < runbook->steps->len; i++)
    {
      const CwRunbookStep *step = g_ptr_array_index (runbook->steps, i);

      if (g_strcmp0 (step->id, id) == 0)
        return (int) i;
    }

  return -1;
}

CwRunbookStep *
cw_runbook_find_step (const CwRunbook *runbook,
                      const char      *id)
{
  int index = cw_runbook_find_step_index (runbook, id);

  if (index < 0)
    return NULL;

  return g_ptr_array_index (runbook->steps, index);
}

char *
cw_runbook_make_step_id (const CwRunbook *runbook)
{
  g_autoptr(GHashTable) used = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_steps;
  guint n;

  g_return_val_if_fail (runbook != NULL, NULL);

  n_steps = runbook->steps != NULL ? runbook->steps->len : 0;
  for (guint i = 0; i < n_steps; i++)
    {
      const CwRunbookStep *step = g_ptr_array_index (runbook->steps, i);

      if (step->id != NULL)
        g_hash_table_add (used, step->id);
    }

  for (n = n_steps + 1; ; n++)
    {
      g_autofree char *id = g_strdup_printf ("step-%u", n);

      if (!g_hash_table_contains (used, id))
        return g_steal_pointer (&id);
    }
}
