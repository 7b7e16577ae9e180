/* cw-runbook-validate.c: every problem of a runbook version, in step order.
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

/* A problem with where it goes: problems are sorted by the position of the
 * step they belong to, then by the order they were found. */
typedef struct
{
  guint             position;
  guint             sequence;
  CwRunbookProblem *problem;
} Found;

typedef struct
{
  const CwRunbook *runbook;
  guint            n_steps;
  GHashTable      *index;     /* id → first position + 1 */
  GArray          *found;     /* Found */
} Validator;

void
cw_runbook_problem_free (CwRunbookProblem *problem)
{
  if (problem == NULL)
    return;

  g_strfreev (problem->step_ids);
  g_free (problem->message);
  g_free (problem);
}

static inline const CwRunbookStep *
step_at (const Validator *self,
         guint            position)
{
  return g_ptr_array_index (self->runbook->steps, position);
}

static gboolean
has_text (const char *text)
{
  if (text == NULL)
    return FALSE;

  for (; *text != '\0'; text++)
    {
      if (!g_ascii_isspace (*text))
        return TRUE;
    }

  return FALSE;
}

static gboolean
id_is_valid (const char *id)
{
  for (const char *p = id; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p) && *p != '.' && *p != '_' && *p != '-')
        return FALSE;
    }

  return TRUE;
}

/* How a message names a step: its quoted id, or its number when it has none. */
static char *
step_name (const Validator *self,
           guint            position)
{
  const CwRunbookStep *step = step_at (self, position);

  if (has_text (step->id))
    return g_strdup_printf (_("“%s”"), step->id);

  return g_strdup_printf (_("number %u"), position + 1);
}

static int
index_of (const Validator *self,
          const char      *id)
{
  gpointer value;

  if (id == NULL || !g_hash_table_lookup_extended (self->index, id, NULL, &value))
    return -1;

  return GPOINTER_TO_INT (value) - 1;
}

G_GNUC_PRINTF (5, 6)
static void
add_problem (Validator            *self,
             guint                 position,
             CwRunbookProblemKind  kind,
             GStrv                 step_ids,
             const char           *format,
             ...)
{
  CwRunbookProblem *problem = g_new0 (CwRunbookProblem, 1);
  Found found;
  va_list args;

  problem->kind = kind;
  problem->step_ids = step_ids != NULL ? step_ids : g_new0 (char *, 1);

  va_start (args, format);
  problem->message = g_strdup_vprintf (format, args);
  va_end (args);

  found.position = position;
  found.sequence = self->found->len;
  found.problem = problem;
  g_array_append_val (self->found, found);
}

static GStrv
ids_of (const char *first,
        const char *second)
{
  GStrv ids = g_new0 (char *, 3);
  guint n = 0;

  if (first != NULL)
    ids[n++] = g_strdup (first);
  if (second != NULL)
    ids[n++] = g_strdup (second);

  return ids;
}

/* ---- one step at a time ---------------------------------------------------- */

static void
check_id (Validator *self,
          guint      position)
{
  const CwRunbookStep *step = step_at (self, position);

  if (!has_text (step->id))
    {
      add_problem (self, position, CW_PROBLEM_MISSING_ID, NULL,
                   _("Step %u has no id. Give it an id made of letters, digits, dots, dashes or underscores."),
                   position + 1);
      return;
    }

  if (!id_is_valid (step->id))
    add_problem (self, position, CW_PROBLEM_BAD_ID, ids_of (step->id, NULL),
                 _("The id “%s” of step %u has characters an id cannot have. Use only letters, digits, dots, dashes and underscores."),
                 step->id, position + 1);
}

/* Reports each duplicated id once, at its second use, with every position. */
static void
check_duplicate (Validator *self,
                 guint      position)
{
  const CwRunbookStep *step = step_at (self, position);
  g_autoptr(GString) positions = NULL;
  int first;
  guint n = 0;

  if (!has_text (step->id))
    return;

  first = index_of (self, step->id);
  if (first < 0 || (guint) first == position)
    return;

  /* Only the second use reports it. */
  for (guint i = (guint) first + 1; i < position; i++)
    {
      if (g_strcmp0 (step_at (self, i)->id, step->id) == 0)
        return;
    }

  positions = g_string_new (NULL);
  for (guint i = (guint) first; i < self->n_steps; i++)
    {
      if (g_strcmp0 (step_at (self, i)->id, step->id) != 0)
        continue;
      if (positions->len > 0)
        g_string_append (positions, ", ");
      g_string_append_printf (positions, "%u", i + 1);
      n++;
    }

  add_problem (self, position, CW_PROBLEM_DUPLICATE_ID, ids_of (step->id, NULL),
               g_dngettext (GETTEXT_PACKAGE,
                            "The id “%s” is used by %u step (%s). Give each step its own id.",
                            "The id “%s” is used by %u steps (steps %s). Give each step its own id.",
                            n),
               step->id, n, positions->str);
}

static void
check_title (Validator *self,
             guint      position)
{
  const CwRunbookStep *step = step_at (self, position);
  g_autofree char *name = NULL;

  if (has_text (step->title))
    return;

  name = step_name (self, position);
  add_problem (self, position, CW_PROBLEM_MISSING_TITLE, ids_of (step->id, NULL),
               _("Step %s has no title. Give it a short title that says what it does."),
               name);
}

static gboolean
phase_order_is_wrong (CwPhase waiting,
                      CwPhase awaited)
{
  if (waiting == CW_PHASE_ROLLBACK)
    return FALSE;

  return awaited == CW_PHASE_ROLLBACK || awaited > waiting;
}

static void
check_predecessors (Validator *self,
                    guint      position)
{
  const CwRunbookStep *step = step_at (self, position);
  g_autofree char *name = NULL;

  if (step->predecessors == NULL)
    return;

  name = step_name (self, position);

  for (guint i = 0; step->predecessors[i] != NULL; i++)
    {
      const char *id = step->predecessors[i];
      const CwRunbookStep *other;
      int found;

      if (has_text (step->id) && strcmp (id, step->id) == 0)
        {
          add_problem (self, position, CW_PROBLEM_SELF_PREDECESSOR, ids_of (step->id, NULL),
                       _("Step %s waits for itself. Remove it from its own predecessors."),
                       name);
          continue;
        }

      found = index_of (self, id);
      if (found < 0)
        {
          add_problem (self, position, CW_PROBLEM_UNKNOWN_PREDECESSOR, ids_of (step->id, NULL),
                       _("Step %s waits for “%s”, which is not a step of this runbook. Correct or remove the predecessor."),
                       name, id);
          continue;
        }

      other = step_at (self, (guint) found);
      if (phase_order_is_wrong (step->phase, other->phase))
        {
          if (other->phase == CW_PHASE_ROLLBACK)
            add_problem (self, position, CW_PROBLEM_WRONG_PHASE_ORDER, ids_of (step->id, id),
                         _("Step %s (%s) waits for the rollback step “%s”. Only rollback steps may wait for rollback steps."),
                         name, cw_phase_get_label (step->phase), id);
          else
            add_problem (self, position, CW_PROBLEM_WRONG_PHASE_ORDER, ids_of (step->id, id),
                         _("Step %s (%s) waits for “%s”, which comes later, in %s. Move one of the steps or remove the predecessor."),
                         name, cw_phase_get_label (step->phase), id,
                         cw_phase_get_label (other->phase));
        }
    }
}

static void
check_command (Validator *self,
               guint      position)
{
  const CwRunbookStep *step = step_at (self, position);
  g_autofree char *name = NULL;

  if (step->type == CW_STEP_COMMAND
      && (step->argv == NULL || step->argv[0] == NULL || step->argv[0][0] == '\0'))
    {
      name = step_name (self, position);
      add_problem (self, position, CW_PROBLEM_NO_COMMAND, ids_of (step->id, NULL),
                   _("Step %s is a command step but has no command. Enter the command to run, or change the step’s type."),
                   name);
    }

  if (step->output_regex != NULL)
    {
      g_autoptr(GRegex) regex = NULL;
      g_autoptr(GError) error = NULL;

      regex = g_regex_new (step->output_regex, G_REGEX_DEFAULT, G_REGEX_MATCH_DEFAULT, &error);
      if (regex == NULL)
        {
          if (name == NULL)
            name = step_name (self, position);
          add_problem (self, position, CW_PROBLEM_BAD_REGEX, ids_of (step->id, NULL),
                       _("The expected output of step %s is not a valid regular expression: %s. Correct the pattern."),
                       name, error->message);
        }
    }
}

/* ---- cycles ---------------------------------------------------------------- */

typedef struct
{
  guint  n;
  guint *edge_start;  /* n + 1 offsets into edges */
  guint *edges;       /* predecessor positions */
} Graph;

static void
graph_build (Validator *self,
             Graph     *graph)
{
  guint n_edges = 0;
  guint k = 0;

  graph->n = self->n_steps;
  graph->edge_start = g_new0 (guint, self->n_steps + 1);

  for (guint pass = 0; pass < 2; pass++)
    {
      for (guint i = 0; i < self->n_steps; i++)
        {
          const CwRunbookStep *step = step_at (self, i);

          if (pass == 1)
            graph->edge_start[i] = k;

          for (guint j = 0; step->predecessors != NULL && step->predecessors[j] != NULL; j++)
            {
              int other = index_of (self, step->predecessors[j]);

              if (other < 0 || (guint) other == i)
                continue;
              if (pass == 0)
                n_edges++;
              else
                graph->edges[k++] = (guint) other;
            }
        }

      if (pass == 0)
        graph->edges = g_new (guint, MAX (n_edges, 1));
    }

  graph->edge_start[self->n_steps] = k;
}

static void
graph_clear (Graph *graph)
{
  g_clear_pointer (&graph->edge_start, g_free);
  g_clear_pointer (&graph->edges, g_free);
}

/* The shortest cycle through @start inside one component (@component[v] ==
 * @id), in the order the steps run: a → b means b waits for a. */
static GPtrArray *
find_cycle (Validator   *self,
            const Graph *graph,
            const guint *component,
            guint        id,
            guint        start)
{
  g_autofree guint *came_from = g_new (guint, graph->n);
  g_autoptr(GArray) queue = g_array_new (FALSE, FALSE, sizeof (guint));
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  guint head = 0;
  gboolean closed = FALSE;
  guint last = start;

  memset (came_from, 0xff, graph->n * sizeof (guint));
  g_array_append_val (queue, start);

  /* Breadth-first along predecessor edges until one leads back to @start. */
  while (head < queue->len && !closed)
    {
      guint v = g_array_index (queue, guint, head++);

      for (guint e = graph->edge_start[v]; e < graph->edge_start[v + 1]; e++)
        {
          guint w = graph->edges[e];

          if (component[w] != id)
            continue;
          if (w == start)
            {
              last = v;
              closed = TRUE;
              break;
            }
          if (came_from[w] != G_MAXUINT)
            continue;
          came_from[w] = v;
          g_array_append_val (queue, w);
        }
    }

  /* start ← p1 ← … ← last ← start: reading back from last gives run order. */
  g_ptr_array_add (ids, g_strdup (step_at (self, start)->id));
  for (guint v = last; v != start; v = came_from[v])
    g_ptr_array_add (ids, g_strdup (step_at (self, v)->id));

  return ids;
}

typedef struct
{
  guint v;
  guint edge;
} Frame;

/* Tarjan's strongly connected components, without recursion. */
static void
check_cycles (Validator *self)
{
  Graph graph = { 0, };
  guint n = self->n_steps;
  g_autofree guint *order = g_new (guint, n);
  g_autofree guint *low = g_new (guint, n);
  g_autofree guint *component = g_new (guint, n);
  g_autofree gboolean *on_stack = g_new0 (gboolean, n);
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) frames = g_array_new (FALSE, FALSE, sizeof (Frame));
  guint counter = 0;
  guint n_components = 0;

  if (n == 0)
    return;

  graph_build (self, &graph);
  memset (order, 0xff, n * sizeof (guint));

  for (guint root = 0; root < n; root++)
    {
      Frame frame = { root, 0 };

      if (order[root] != G_MAXUINT)
        continue;

      order[root] = low[root] = counter++;
      frame.edge = graph.edge_start[root];
      g_array_append_val (frames, frame);
      g_array_append_val (stack, root);
      on_stack[root] = TRUE;

      while (frames->len > 0)
        {
          Frame *top = &g_array_index (frames, Frame, frames->len - 1);
          guint v = top->v;

          if (top->edge < graph.edge_start[v + 1])
            {
              guint w = graph.edges[top->edge++];

              if (order[w] == G_MAXUINT)
                {
                  Frame next = { w, graph.edge_start[w] };

                  order[w] = low[w] = counter++;
                  g_array_append_val (stack, w);
                  on_stack[w] = TRUE;
                  g_array_append_val (frames, next);
                }
              else if (on_stack[w])
                {
                  low[v] = MIN (low[v], order[w]);
                }
              continue;
            }

          g_array_set_size (frames, frames->len - 1);
          if (frames->len > 0)
            {
              guint parent = g_array_index (frames, Frame, frames->len - 1).v;
              low[parent] = MIN (low[parent], low[v]);
            }

          if (low[v] == order[v])
            {
              guint w;

              do
                {
                  w = g_array_index (stack, guint, stack->len - 1);
                  g_array_set_size (stack, stack->len - 1);
                  on_stack[w] = FALSE;
                  component[w] = n_components;
                }
              while (w != v);
              n_components++;
            }
        }
    }

  /* Each component of more than one step is reported once, at its first step. */
  {
    g_autofree guint *first = g_new (guint, n_components);
    g_autofree guint *size = g_new0 (guint, n_components);

    memset (first, 0xff, n_components * sizeof (guint));
    for (guint v = 0; v < n; v++)
      {
        if (first[component[v]] == G_MAXUINT)
          first[component[v]] = v;
        size[component[v]]++;
      }

    for (guint v = 0; v < n; v++)
      {
        guint c = component[v];
        g_autoptr(GPtrArray) ids = NULL;
        g_autoptr(GString) chain = NULL;

        if (first[c] != v || size[c] < 2)
          continue;

        ids = find_cycle (self, &graph, component, c, v);
        chain = g_string_new (NULL);
        for (guint i = 0; i <= ids->len; i++)
          {
            const char *id = g_ptr_array_index (ids, i % ids->len);

            if (i > 0)
              g_string_append (chain, " → ");
            g_string_append_printf (chain, _("“%s”"), id);
          }
        g_ptr_array_add (ids, NULL);

        add_problem (self, v, CW_PROBLEM_CYCLE,
                     (GStrv) g_ptr_array_steal (ids, NULL),
                     _("Steps %s form a cycle, so none of them can start. Remove one of these predecessors."),
                     chain->str);
      }
  }

  graph_clear (&graph);
}

/* ---- the whole runbook ----------------------------------------------------- */

static int
compare_found (gconstpointer a,
               gconstpointer b)
{
  const Found *fa = a;
  const Found *fb = b;

  if (fa->position != fb->position)
    return fa->position < fb->position ? -1 : 1;

  return fa->sequence < fb->sequence ? -1 : (fa->sequence > fb->sequence);
}

GPtrArray *
cw_runbook_validate (const CwRunbook *runbook)
{
  g_autoptr(GHashTable) index = NULL;
  g_autoptr(GArray) found = NULL;
  GPtrArray *problems;
  Validator self;
  gboolean has_execution = FALSE;
  gboolean has_rollback = FALSE;

  g_return_val_if_fail (runbook != NULL, NULL);

  index = g_hash_table_new (g_str_hash, g_str_equal);
  found = g_array_new (FALSE, FALSE, sizeof (Found));

  self.runbook = runbook;
  self.n_steps = runbook->steps != NULL ? runbook->steps->len : 0;
  self.index = index;
  self.found = found;

  for (guint i = 0; i < self.n_steps; i++)
    {
      const CwRunbookStep *step = step_at (&self, i);

      if (has_text (step->id) && !g_hash_table_contains (index, step->id))
        g_hash_table_insert (index, step->id, GINT_TO_POINTER (i + 1));

      if (step->phase == CW_PHASE_EXECUTION)
        has_execution = TRUE;
      else if (step->phase == CW_PHASE_ROLLBACK)
        has_rollback = TRUE;
    }

  for (guint i = 0; i < self.n_steps; i++)
    {
      check_id (&self, i);
      check_duplicate (&self, i);
      check_title (&self, i);
      check_predecessors (&self, i);
      check_command (&self, i);
    }

  check_cycles (&self);

  if (has_execution && !has_rollback)
    add_problem (&self, G_MAXUINT, CW_PROBLEM_NO_ROLLBACK, NULL, "%s",
                 _("The runbook has execution steps but no rollback section. Add the steps that undo the change."));

  g_array_sort (found, compare_found);

  problems = g_ptr_array_new_full (found->len, (GDestroyNotify) cw_runbook_problem_free);
  for (guint i = 0; i < found->len; i++)
    g_ptr_array_add (problems, g_array_index (found, Found, i).problem);

  return problems;
}

gboolean
cw_runbook_check (const CwRunbook  *runbook,
                  GError          **error)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GString) message = NULL;

  g_return_val_if_fail (runbook != NULL, FALSE);

  problems = cw_runbook_validate (runbook);
  if (problems->len == 0)
    return TRUE;

  message = g_string_new (NULL);
  for (guint i = 0; i < problems->len; i++)
    {
      const CwRunbookProblem *problem = g_ptr_array_index (problems, i);

      if (i > 0)
        g_string_append_c (message, '\n');
      g_string_append (message, problem->message);
    }

  g_set_error_literal (error, CW_RUNBOOK_ERROR, CW_RUNBOOK_ERROR_INVALID, message->str);
  return FALSE;
}
