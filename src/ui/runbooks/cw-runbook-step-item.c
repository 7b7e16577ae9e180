/* cw-runbook-step-item.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-runbook-step-item"

#include "config.h"

#include "cw-runbook-step-item.h"

/* A plain item with a "changed" signal rather than properties: a row binds
 * to it once and reads everything again when it changes, which keeps a list
 * of thousands of items cheap to build. */

struct _CwRunbookStepItem
{
  GObject        parent_instance;

  CwRunbookStep *step;      /* borrowed; NULL for a heading */
  char          *problem;
  char          *summary;
  CwPhase        phase;
};

G_DEFINE_FINAL_TYPE (CwRunbookStepItem, cw_runbook_step_item, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
cw_runbook_step_item_finalize (GObject *object)
{
  CwRunbookStepItem *self = (CwRunbookStepItem *)object;

  g_clear_pointer (&self->problem, g_free);
  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (cw_runbook_step_item_parent_class)->finalize (object);
}

static void
cw_runbook_step_item_class_init (CwRunbookStepItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cw_runbook_step_item_finalize;

  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
}

static void
cw_runbook_step_item_init (CwRunbookStepItem *self)
{
}

CwRunbookStepItem *
cw_runbook_step_item_new_heading (CwPhase phase)
{
  CwRunbookStepItem *self = g_object_new (CW_TYPE_RUNBOOK_STEP_ITEM, NULL);

  self->phase = phase;

  return self;
}

CwRunbookStepItem *
cw_runbook_step_item_new_step (CwRunbookStep *step)
{
  CwRunbookStepItem *self;

  g_return_val_if_fail (step != NULL, NULL);

  self = g_object_new (CW_TYPE_RUNBOOK_STEP_ITEM, NULL);
  self->step = step;
  self->phase = step->phase;

  return self;
}

gboolean
cw_runbook_step_item_is_heading (CwRunbookStepItem *self)
{
  g_return_val_if_fail (CW_IS_RUNBOOK_STEP_ITEM (self), FALSE);

  return self->step == NULL;
}

CwPhase
cw_runbook_step_item_get_phase (CwRunbookStepItem *self)
{
  g_return_val_if_fail (CW_IS_RUNBOOK_STEP_ITEM (self), CW_PHASE_PREPARATION);

  return self->step != NULL ? self->step->phase : self->phase;
}

CwRunbookStep *
cw_runbook_step_item_get_step (CwRunbookStepItem *self)
{
  g_return_val_if_fail (CW_IS_RUNBOOK_STEP_ITEM (self), NULL);

  return self->step;
}

const char *
cw_runbook_step_item_get_problem (CwRunbookStepItem *self)
{
  g_return_val_if_fail (CW_IS_RUNBOOK_STEP_ITEM (self), NULL);

  return self->problem;
}

const char *
cw_runbook_step_item_get_summary (CwRunbookStepItem *self)
{
  g_return_val_if_fail (CW_IS_RUNBOOK_STEP_ITEM (self), NULL);

  return self->summary;
}

void
cw_runbook_step_item_set_problem (CwRunbookStepItem *self,
                                  const char        *problem)
{
  g_return_if_fail (CW_IS_RUNBOOK_STEP_ITEM (self));

  if (g_strcmp0 (self->problem, problem) == 0)
    return;

  g_free (self->problem);
  self->problem = g_strdup (problem);
  g_signal_emit (self, signals[CHANGED], 0);
}

void
cw_runbook_step_item_set_summary (CwRunbookStepItem *self,
                                  const char        *summary)
{
  g_return_if_fail (CW_IS_RUNBOOK_STEP_ITEM (self));

  if (g_strcmp0 (self->summary, summary) == 0)
    return;

  g_free (self->summary);
  self->summary = g_strdup (summary);
  g_signal_emit (self, signals[CHANGED], 0);
}

void
cw_runbook_step_item_changed (CwRunbookStepItem *self)
{
  g_return_if_fail (CW_IS_RUNBOOK_STEP_ITEM (self));

  g_signal_emit (self, signals[CHANGED], 0);
}
