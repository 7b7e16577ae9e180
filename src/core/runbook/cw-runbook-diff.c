/* cw-runbook-diff.c: what changed between two versions of a runbook.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-runbook"

#include "config.h"

#include <string.h>

#include "cw-runbook.h"

void
cw_runbook_change_free (CwRunbookChange *change)
{
  if (change == NULL)
    return;

  g_free (change->step_id);
  g_free (change->field);
  g_free (change->old_value);
  g_free (change->new_value);
  g_free (change);
}

static void
add_change (GPtrArray           *changes,
            CwRunbookChangeKind  kind,
            const char          *step_id,
            const char          *field,
            char                *old_value,   /* (transfer full) */
            char                *new_value)   /* (transfer full) */
{
  CwRunbookChange *change = g_new0 (CwRunbookChange, 1);

  change->kind = kind;
  change->step_id = g_strdup (step_id);
  change->field = g_strdup (field);
  change->old_value = old_value;
  change->new_value = new_value;
  g_ptr_array_add (changes, change);
}

static void
compare_text (GPtrArray  *changes,
              const char *step_id,
              const char *field,
              const char *old_value,
              const char *new_value)
{
  if (g_strcmp0 (old_value, new_value) != 0)
    add_change (changes, CW_RUNBOOK_CHANGE_CHANGED, step_id, field,
                g_strdup (old_value), g_strdup (new_value));
}

static void
compare_owned (GPtrArray  *changes,
               const char *step_id,
               const char *field,
               char       *old_value,   /* (transfer full) */
               char       *new_value)   /* (transfer full) */
{
  if (g_strcmp0 (old_value, new_value) != 0)
    {
      add_change (changes, CW_RUNBOOK_CHANGE_CHANGED, step_id, field, old_value, new_value);
      return;
    }

  g_free (old_value);
  g_free (new_value);
}

static void
compare_number (GPtrArray  *changes,
                const char *step_id,
                const char *field,
                gint64      old_value,
                gint64      new_value)
{
  if (old_value != new_value)
    add_change (changes, CW_RUNBOOK_CHANGE_CHANGED, step_id, field,
                g_strdup_printf ("%" G_GINT64_FORMAT, old_value),
                g_strdup_printf ("%" G_GINT64_FORMAT, new_value));
}

static char *
join_list (const char * const *items)
{
  if (items == NULL)
    return g_strdup ("");

  return g_strjoinv (", ", (GStrv) items);
}

static gboolean
needs_quotes (const char *arg)
{
  if (*arg == '\0')
    return TRUE;

  for (const char *p = arg; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p) || strchr ("'\"\\$`;&|<>()*?[]#~", *p) != NULL)
        return TRUE;
    }

  return FALSE;
}

static char *
command_text (const char * const *argv)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; argv != NULL && argv[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (text, ' ');

      if (needs_quotes (argv[i]))
        {
          g_autofree char *quoted = g_shell_quote (argv[i]);
          g_string_append (text, quoted);
        }
      else
        {
          g_string_append (text, argv[i]);
        }
    }

  return g_string_free (text, FALSE);
}

static void
compare_steps (GPtrArray           *changes,
               const CwRunbookStep *a,
               const CwRunbookStep *b)
{
  const char *id = b->id;

  compare_text (changes, id, "title", a->title, b->title);
  if (a->phase != b->phase)
    compare_text (changes, id, "phase", cw_phase_to_string (a->phase), cw_phase_to_string (b->phase));
  compare_text (changes, id, "stream", a->stream, b->stream);
  if (a->type != b->type)
    compare_text (changes, id, "type", cw_step_type_to_string (a->type), cw_step_type_to_string (b->type));
  compare_text (changes, id, "instructions", a->instructions, b->instructions);
  compare_number (changes, id, "duration_min", a->duration_min, b->duration_min);
  compare_owned (changes, id, "predecessors",
                 join_list ((const char * const *) a->predecessors),
                 join_list ((const char * const *) b->predecessors));
  compare_text (changes, id, "acceptance", a->acceptance, b->acceptance);
  compare_owned (changes, id, "evidence",
                 cw_evidence_to_string (a->evidence),
                 cw_evidence_to_string (b->evidence));
  compare_owned (changes, id, "command",
                 command_text ((const char * const *) a->argv),
                 command_text ((const char * const *) b->argv));
  compare_text (changes, id, "workdir", a->workdir, b->workdir);
  compare_number (changes, id, "timeout_s", a->timeout_s, b->timeout_s);
  compare_number (changes, id, "expected_exit", a->expected_exit, b->expected_exit);
  compare_text (changes, id, "output_regex", a->output_regex, b->output_regex);
}

/* Marks in @kept the entries of @sequence on one longest increasing
 * subsequence (patience sorting, O(n log n)). */
static void
longest_increasing (const guint *sequence,
                    guint        n,
                    gboolean    *kept)
{
  g_autofree guint *tails = g_new (guint, MAX (n, 1));     /* index of the smallest tail per length */
  g_autofree guint *previous = g_new (guint, MAX (n, 1));
  guint length = 0;

  for (guint i = 0; i < n; i++)
    {
      guint low = 0;
      guint high = length;

      while (low < high)
        {
          guint mid = (low + high) / 2;

          if (sequence[tails[mid]] < sequence[i])
            low = mid + 1;
          else
            high = mid;
        }

      previous[i] = low > 0 ? tails[low - 1] : G_MAXUINT;
      tails[low] = i;
      if (low == length)
        length++;
    }

  memset (kept, 0, n * sizeof (gboolean));
  for (guint i = length > 0 ? tails[length - 1] : G_MAXUINT; i != G_MAXUINT; i = previous[i])
    kept[i] = TRUE;
}

static void
add_removed (GPtrArray           *changes,
             const CwRunbookStep *step)
{
  add_change (changes, CW_RUNBOOK_CHANGE_REMOVED, step->id, NULL, NULL, NULL);
}

GPtrArray *
cw_runbook_diff (const CwRunbook *old_version,
                 const CwRunbook *new_version)
{
  g_autoptr(GHashTable) old_index = NULL;
  g_autofree int *match = NULL;          /* new position → old position, or -1 */
  g_autofree gboolean *matched = NULL;   /* old position → matched */
  g_autofree guint *sequence = NULL;
  g_autofree guint *common = NULL;
  g_autofree gboolean *kept = NULL;
  g_autofree gboolean *moved = NULL;
  GPtrArray *changes;
  guint n_old, n_new, n_common = 0;
  guint next_old = 0;

  g_return_val_if_fail (old_version != NULL, NULL);
  g_return_val_if_fail (new_version != NULL, NULL);

  changes = g_ptr_array_new_with_free_func ((GDestroyNotify) cw_runbook_change_free);

  compare_text (changes, NULL, "description", old_version->description, new_version->description);
  compare_text (changes, NULL, "product", old_version->product, new_version->product);
  compare_text (changes, NULL, "ci_class", old_version->ci_class, new_version->ci_class);
  compare_number (changes, NULL, "buffer_min", old_version->buffer_min, new_version->buffer_min);

  n_old = old_version->steps != NULL ? old_version->steps->len : 0;
  n_new = new_version->steps != NULL ? new_version->steps->len : 0;

  old_index = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < n_old; i++)
    {
      const CwRunbookStep *step = g_ptr_array_index (old_version->steps, i);

      if (step->id != NULL && !g_hash_table_contains (old_index, step->id))
        g_hash_table_insert (old_index, step->id, GUINT_TO_POINTER (i + 1));
    }

  /* Match steps by id, each old step at most once. */
  match = g_new (int, MAX (n_new, 1));
  matched = g_new0 (gboolean, MAX (n_old, 1));
  sequence = g_new (guint, MAX (n_new, 1));
  common = g_new (guint, MAX (n_new, 1));
  for (guint j = 0; j < n_new; j++)
    {
      const CwRunbookStep *step = g_ptr_array_index (new_version->steps, j);
      guint found = step->id != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (old_index, step->id)) : 0;

      match[j] = -1;
      if (found == 0 || matched[found - 1])
        continue;

      matched[found - 1] = TRUE;
      match[j] = (int) found - 1;
      sequence[n_common] = found - 1;
      common[n_common] = j;
      n_common++;
    }

  /* The steps whose order relative to the others changed: those outside one
   * longest run of common steps that kept their order. */
  kept = g_new (gboolean, MAX (n_common, 1));
  longest_increasing (sequence, n_common, kept);
  moved = g_new0 (gboolean, MAX (n_new, 1));
  for (guint k = 0; k < n_common; k++)
    moved[common[k]] = !kept[k];

  for (guint j = 0; j < n_new; j++)
    {
      const CwRunbookStep *step = g_ptr_array_index (new_version->steps, j);
      const CwRunbookStep *old_step;

      if (match[j] < 0)
        {
          add_change (changes, CW_RUNBOOK_CHANGE_ADDED, step->id, NULL, NULL, NULL);
          continue;
        }

      /* Removed steps go where they stood: before the first common step
       * that came after them. */
      for (; next_old < (guint) match[j]; next_old++)
        {
          if (!matched[next_old])
            add_removed (changes, g_ptr_array_index (old_version->steps, next_old));
        }

      old_step = g_ptr_array_index (old_version->steps, match[j]);
      compare_steps (changes, old_step, step);

      if (moved[j])
        add_change (changes, CW_RUNBOOK_CHANGE_CHANGED, step->id, "position",
                    g_strdup_printf ("%d", match[j] + 1),
                    g_strdup_printf ("%u", j + 1));
    }

  for (; next_old < n_old; next_old++)
    {
      if (!matched[next_old])
        add_removed (changes, g_ptr_array_index (old_version->steps, next_old));
    }

  return changes;
}
