/* cw-runbook-timing.c: the critical path, the sections' lengths and the
 * window a runbook version needs.
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

/* The forward plan (preparation to execution), validation, rollback. */
typedef enum
{
  SECTION_FORWARD,
  SECTION_VALIDATION,
  SECTION_ROLLBACK,
  N_SECTIONS,
} Section;

typedef struct
{
  guint  n;
  guint *pred_start;  /* n + 1 offsets into preds */
  guint *preds;       /* predecessor positions, known ids only */
  guint *succ_start;
  guint *succs;
} Graph;

static Section
section_of (CwPhase phase)
{
  switch (phase)
    {
    case CW_PHASE_PREPARATION:
    case CW_PHASE_PRECHECKS:
    case CW_PHASE_BACKUP:
    case CW_PHASE_EXECUTION:
      return SECTION_FORWARD;
    case CW_PHASE_VALIDATION:
      return SECTION_VALIDATION;
    case CW_PHASE_ROLLBACK:
      return SECTION_ROLLBACK;
    case CW_N_PHASES:
    default:
      return SECTION_FORWARD;
    }
}

static inline const CwRunbookStep *
step_at (const CwRunbook *runbook,
         guint            position)
{
  return g_ptr_array_index (runbook->steps, position);
}

void
cw_runbook_timing_free (CwRunbookTiming *timing)
{
  if (timing == NULL)
    return;

  g_strfreev (timing->critical_ids);
  g_strfreev (timing->streams);
  g_free (timing->slots);
  g_free (timing);
}

/* Edges between known steps, both ways, in compressed rows. A step's id is
 * its first use when ids repeat. */
static void
graph_build (const CwRunbook *runbook,
             Graph           *graph)
{
  g_autoptr(GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree guint *fill = NULL;
  guint n = runbook->steps->len;
  guint n_edges = 0;

  graph->n = n;
  graph->pred_start = g_new0 (guint, n + 1);
  graph->succ_start = g_new0 (guint, n + 1);

  for (guint i = 0; i < n; i++)
    {
      const CwRunbookStep *step = step_at (runbook, i);

      if (step->id != NULL && !g_hash_table_contains (index, step->id))
        g_hash_table_insert (index, step->id, GUINT_TO_POINTER (i + 1));
    }

  /* Count, then fill. */
  for (guint i = 0; i < n; i++)
    {
      const CwRunbookStep *step = step_at (runbook, i);

      graph->pred_start[i] = n_edges;
      for (guint j = 0; step->predecessors != NULL && step->predecessors[j] != NULL; j++)
        {
          guint other = GPOINTER_TO_UINT (g_hash_table_lookup (index, step->predecessors[j]));

          if (other != 0)
            {
              graph->succ_start[other - 1]++;
              n_edges++;
            }
        }
    }
  graph->pred_start[n] = n_edges;

  graph->preds = g_new (guint, MAX (n_edges, 1));
  graph->succs = g_new (guint, MAX (n_edges, 1));

  /* succ_start holds counts: make them offsets. */
  {
    guint sum = 0;

    for (guint i = 0; i <= n; i++)
      {
        guint count = i < n ? graph->succ_start[i] : 0;

        graph->succ_start[i] = sum;
        sum += count;
      }
  }

  fill = g_memdup2 (graph->succ_start, (n + 1) * sizeof (guint));

  for (guint i = 0, k = 0; i < n; i++)
    {
      const CwRunbookStep *step = step_at (runbook, i);

      for (guint j = 0; step->predecessors != NULL && step->predecessors[j] != NULL; j++)
        {
          guint other = GPOINTER_TO_UINT (g_hash_table_lookup (index, step->predecessors[j]));

          if (other == 0)
            continue;
          graph->preds[k++] = other - 1;
          graph->succs[fill[other - 1]++] = i;
        }
    }
}

static void
graph_clear (Graph *graph)
{
  g_clear_pointer (&graph->pred_start, g_free);
  g_clear_pointer (&graph->preds, g_free);
  g_clear_pointer (&graph->succ_start, g_free);
  g_clear_pointer (&graph->succs, g_free);
}

/* Kahn's algorithm; FALSE when some steps are on a cycle. */
static gboolean
topological_order (const Graph *graph,
                   guint       *order)
{
  g_autofree guint *waiting = g_new (guint, MAX (graph->n, 1));
  guint head = 0;
  guint tail = 0;

  for (guint i = 0; i < graph->n; i++)
    {
      waiting[i] = graph->pred_start[i + 1] - graph->pred_start[i];
      if (waiting[i] == 0)
        order[tail++] = i;
    }

  while (head < tail)
    {
      guint v = order[head++];

      for (guint e = graph->succ_start[v]; e < graph->succ_start[v + 1]; e++)
        {
          guint w = graph->succs[e];

          if (--waiting[w] == 0)
            order[tail++] = w;
        }
    }

  return tail == graph->n;
}

/* Marks the critical chain of @section, walking back from its latest end. */
static void
mark_critical (const CwRunbook *runbook,
               const Graph     *graph,
               const guint     *end,
               const Section   *sections,
               Section          section,
               CwStepSlot      *slots,
               GPtrArray       *chain)
{
  guint last = G_MAXUINT;

  for (guint i = 0; i < graph->n; i++)
    {
      if (sections[i] != section)
        continue;
      /* On a tie, the later start: a zero-minute gate that closes the
         chain belongs to it. */
      if (last == G_MAXUINT || end[i] > end[last] ||
          (end[i] == end[last] && slots[i].start_min > slots[last].start_min))
        last = i;
    }

  while (last != G_MAXUINT)
    {
      guint next = G_MAXUINT;

      slots[last].critical = TRUE;
      if (chain != NULL)
        g_ptr_array_add (chain, g_strdup (step_at (runbook, last)->id != NULL ? step_at (runbook, last)->id : ""));

      for (guint e = graph->pred_start[last]; e < graph->pred_start[last + 1]; e++)
        {
          guint p = graph->preds[e];

          if (sections[p] != section || p == last)
            continue;
          if (next == G_MAXUINT || end[p] > end[next] ||
              (end[p] == end[next] && slots[p].start_min > slots[next].start_min) ||
              (end[p] == end[next] && slots[p].start_min == slots[next].start_min && p < next))
            next = p;
        }

      last = next;
    }

  if (chain != NULL)
    {
      /* Walked backwards: reverse into run order. */
      for (guint i = 0, j = chain->len > 0 ? chain->len - 1 : 0; i < j; i++, j--)
        {
          gpointer tmp = chain->pdata[i];

          chain->pdata[i] = chain->pdata[j];
          chain->pdata[j] = tmp;
        }
      g_ptr_array_add (chain, NULL);
    }
}

CwRunbookTiming *
cw_runbook_timing (const CwRunbook  *runbook,
                   GError          **error)
{
  g_autoptr(CwRunbookTiming) timing = NULL;
  g_autoptr(GHashTable) lanes = NULL;
  g_autoptr(GPtrArray) streams = NULL;
  g_autoptr(GPtrArray) chain = NULL;
  g_autofree guint *order = NULL;
  g_autofree guint *start = NULL;
  g_autofree guint *end = NULL;
  g_autofree Section *sections = NULL;
  guint length[N_SECTIONS] = { 0, };
  guint offset[N_SECTIONS];
  Graph graph = { 0, };
  guint n;

  g_return_val_if_fail (runbook != NULL, NULL);
  g_return_val_if_fail (runbook->steps != NULL, NULL);

  n = runbook->steps->len;
  graph_build (runbook, &graph);

  order = g_new (guint, MAX (n, 1));
  if (!topological_order (&graph, order))
    {
      graph_clear (&graph);
      g_set_error_literal (error, CW_RUNBOOK_ERROR, CW_RUNBOOK_ERROR_INVALID,
                           _("The steps wait for each other in a cycle, so the runbook’s duration cannot be worked out. Remove the cycle first."));
      return NULL;
    }

  start = g_new0 (guint, MAX (n, 1));
  end = g_new0 (guint, MAX (n, 1));
  sections = g_new (Section, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    sections[i] = section_of (step_at (runbook, i)->phase);

  /* Earliest start: the latest end among predecessors of the same section. */
  for (guint k = 0; k < n; k++)
    {
      guint v = order[k];

      for (guint e = graph.pred_start[v]; e < graph.pred_start[v + 1]; e++)
        {
          guint p = graph.preds[e];

          if (sections[p] == sections[v])
            start[v] = MAX (start[v], end[p]);
        }

      end[v] = start[v] + step_at (runbook, v)->duration_min;
      length[sections[v]] = MAX (length[sections[v]], end[v]);
    }

  timing = g_new0 (CwRunbookTiming, 1);
  timing->critical_min = length[SECTION_FORWARD];
  timing->validation_min = length[SECTION_VALIDATION];
  timing->rollback_min = length[SECTION_ROLLBACK];
  timing->buffer_min = runbook->buffer_min;
  timing->window_min = timing->critical_min + timing->validation_min
                     + timing->rollback_min + timing->buffer_min;

  offset[SECTION_FORWARD] = 0;
  offset[SECTION_VALIDATION] = timing->critical_min;
  offset[SECTION_ROLLBACK] = timing->critical_min + timing->validation_min;

  lanes = g_hash_table_new (g_str_hash, g_str_equal);
  streams = g_ptr_array_new_with_free_func (g_free);
  timing->slots = g_new0 (CwStepSlot, MAX (n, 1));
  timing->n_slots = n;

  for (guint i = 0; i < n; i++)
    {
      const CwRunbookStep *step = step_at (runbook, i);
      const char *stream = step->stream != NULL ? step->stream : "";
      gpointer lane;

      if (!g_hash_table_lookup_extended (lanes, stream, NULL, &lane))
        {
          lane = GUINT_TO_POINTER (streams->len);
          g_hash_table_insert (lanes, (gpointer) stream, lane);
          g_ptr_array_add (streams, g_strdup (stream));
        }

      timing->slots[i].start_min = offset[sections[i]] + start[i];
      timing->slots[i].end_min = offset[sections[i]] + end[i];
      timing->slots[i].lane = GPOINTER_TO_UINT (lane);

      if (sections[i] != SECTION_ROLLBACK)
        timing->effort_min += step->duration_min;
    }

  g_ptr_array_add (streams, NULL);
  timing->streams = (GStrv) g_ptr_array_steal (streams, NULL);

  chain = g_ptr_array_new_with_free_func (g_free);
  mark_critical (runbook, &graph, end, sections, SECTION_FORWARD, timing->slots, chain);
  mark_critical (runbook, &graph, end, sections, SECTION_VALIDATION, timing->slots, NULL);
  mark_critical (runbook, &graph, end, sections, SECTION_ROLLBACK, timing->slots, NULL);
  timing->critical_ids = (GStrv) g_ptr_array_steal (chain, NULL);

  graph_clear (&graph);

  return g_steal_pointer (&timing);
}
