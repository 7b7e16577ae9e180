/* cw-runbook-history.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-runbook-history"

#include "config.h"

#include "cw-runbook-history.h"

/* Two stacks of entries, the newest at the end. A runbook of 2,000 steps
 * copies in about a millisecond, so whole snapshots are simpler and safer
 * than inverse operations; typing is coalesced by key, so a word typed is one
 * copy, not one per key. The oldest entries go past the limit. */

typedef struct
{
  CwRunbook *runbook;
  char      *selected;
} Entry;

struct _CwRunbookHistory
{
  GPtrArray *undo;      /* Entry */
  GPtrArray *redo;      /* Entry */
  char      *last_key;  /* the key of the last record, or NULL when sealed */
  guint      limit;
};

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  cw_runbook_free (entry->runbook);
  g_free (entry->selected);
  g_free (entry);
}

static Entry *
entry_new (const CwRunbook *runbook,
           const char      *selected)
{
  Entry *entry = g_new0 (Entry, 1);

  entry->runbook = cw_runbook_copy (runbook);
  entry->selected = g_strdup (selected);

  return entry;
}

static void
push (CwRunbookHistory *self,
      GPtrArray        *stack,
      Entry            *entry)
{
  g_ptr_array_add (stack, entry);
  if (stack->len > self->limit)
    g_ptr_array_remove_range (stack, 0, stack->len - self->limit);
}

static CwRunbook *
trade (CwRunbookHistory  *self,
       GPtrArray         *from,
       GPtrArray         *to,
       const CwRunbook   *current,
       const char        *current_selected,
       char             **selected)
{
  Entry *entry;
  CwRunbook *runbook;

  g_assert (self != NULL);

  if (from->len == 0)
    return NULL;

  entry = g_ptr_array_steal_index (from, from->len - 1);
  push (self, to, entry_new (current, current_selected));
  g_clear_pointer (&self->last_key, g_free);

  runbook = g_steal_pointer (&entry->runbook);
  if (selected != NULL)
    *selected = g_steal_pointer (&entry->selected);
  entry_free (entry);

  return runbook;
}

CwRunbookHistory *
cw_runbook_history_new (guint limit)
{
  CwRunbookHistory *self = g_new0 (CwRunbookHistory, 1);

  self->undo = g_ptr_array_new_with_free_func (entry_free);
  self->redo = g_ptr_array_new_with_free_func (entry_free);
  self->limit = MAX (limit, 1);

  return self;
}

void
cw_runbook_history_free (CwRunbookHistory *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->undo);
  g_ptr_array_unref (self->redo);
  g_free (self->last_key);
  g_free (self);
}

void
cw_runbook_history_clear (CwRunbookHistory *self)
{
  g_return_if_fail (self != NULL);

  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  g_clear_pointer (&self->last_key, g_free);
}

void
cw_runbook_history_record (CwRunbookHistory *self,
                           const CwRunbook  *before,
                           const char       *selected,
                           const char       *key)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (before != NULL);

  if (key != NULL && self->last_key != NULL && g_str_equal (key, self->last_key) &&
      self->undo->len > 0 && self->redo->len == 0)
    return;

  push (self, self->undo, entry_new (before, selected));
  g_ptr_array_set_size (self->redo, 0);
  g_free (self->last_key);
  self->last_key = g_strdup (key);
}

void
cw_runbook_history_seal (CwRunbookHistory *self)
{
  g_return_if_fail (self != NULL);

  g_clear_pointer (&self->last_key, g_free);
}

gboolean
cw_runbook_history_can_undo (CwRunbookHistory *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->undo->len > 0;
}

gboolean
cw_runbook_history_can_redo (CwRunbookHistory *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->redo->len > 0;
}

CwRunbook *
cw_runbook_history_undo (CwRunbookHistory  *self,
                         const CwRunbook   *current,
                         const char        *current_selected,
                         char             **selected)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (current != NULL, NULL);

  return trade (self, self->undo, self->redo, current, current_selected, selected);
}

CwRunbook *
cw_runbook_history_redo (CwRunbookHistory  *self,
                         const CwRunbook   *current,
                         const char        *current_selected,
                         char             **selected)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (current != NULL, NULL);

  return trade (self, self->redo, self->undo, current, current_selected, selected);
}
