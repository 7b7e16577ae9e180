/* cw-runbook-markdown.c: a runbook as Markdown, for reading and printing.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-runbook-markdown"

#include "config.h"

#include <cmark.h>
#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "cw-runbook-io-private.h"

/* The layout: the name as the title, the description, a list of facts, a
 * timing table, then one section per phase that has steps, in the order
 * they run, rollback last; each step a third-level heading "id — Title",
 * a line of facts, its instructions (Markdown, as written), acceptance,
 * evidence, and for a command its quoted argument list in a code block.
 * Text that is not Markdown (names, titles, labels) is escaped; ids and
 * commands go in code spans and blocks; Markdown written by the user keeps
 * to its step (append_block). Export only: it is not read back. */

/* Backslash-escapes what Markdown would take as markup; a line break
 * becomes a space, so the text stays in its heading or list item. */
static void
append_text (GString    *out,
             const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p++)
    {
      if (*p == '\n' || *p == '\r')
        {
          g_string_append_c (out, ' ');
          continue;
        }
      if (strchr ("\\`*_[]<>#|~&!", *p) != NULL)
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
}

static guint
longest_backtick_run (const char *text)
{
  guint longest = 0;
  guint run = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      run = *p == '`' ? run + 1 : 0;
      longest = MAX (longest, run);
    }

  return longest;
}

/* A code span that holds @text whatever backticks it has. */
static void
append_code (GString    *out,
             const char *text)
{
  guint fence = longest_backtick_run (text) + 1;
  gboolean pad = text[0] == '`' || (text[0] != '\0' && text[strlen (text) - 1] == '`');

  for (guint i = 0; i < fence; i++)
    g_string_append_c (out, '`');
  if (pad)
    g_string_append_c (out, ' ');
  for (const char *p = text; *p != '\0'; p++)
    g_string_append_c (out, *p == '\n' || *p == '\r' ? ' ' : *p);
  if (pad)
    g_string_append_c (out, ' ');
  for (guint i = 0; i < fence; i++)
    g_string_append_c (out, '`');
}

/* Markdown written by the user, as a block of its own that cannot break the
 * document around it: a heading in it would otherwise read as a phase or a
 * step of its own, and a code fence left open would swallow every step
 * after it. When it has either, it is written again through cmark, its
 * headings moved below the step's (level 4 and deeper), its fences closed.
 * Anything else is kept as written. */
static void
append_block (GString    *out,
              const char *markdown)
{
  gsize len = strlen (markdown);
  cmark_node *document;
  cmark_iter *iter;
  cmark_event_type event;
  gboolean rewrite = FALSE;

  while (len > 0 && g_ascii_isspace (markdown[len - 1]))
    len--;
  if (len == 0)
    return;

  document = cmark_parse_document (markdown, len, CMARK_OPT_DEFAULT);
  iter = cmark_iter_new (document);
  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);
      cmark_node_type type = cmark_node_get_type (node);

      if (event != CMARK_EVENT_ENTER)
        continue;

      if (type == CMARK_NODE_HEADING)
        {
          cmark_node_set_heading_level (node, MIN (cmark_node_get_heading_level (node) + 3, 6));
          rewrite = TRUE;
        }
      else if (type == CMARK_NODE_CODE_BLOCK)
        {
          rewrite = TRUE;
        }
    }
  cmark_iter_free (iter);

  if (rewrite)
    {
      char *text = cmark_render_commonmark (document, CMARK_OPT_DEFAULT, 0);
      gsize text_len = strlen (text);

      while (text_len > 0 && g_ascii_isspace (text[text_len - 1]))
        text_len--;
      g_string_append_len (out, text, text_len);
      free (text);
    }
  else
    {
      g_string_append_len (out, markdown, len);
    }
  g_string_append (out, "\n\n");

  cmark_node_free (document);
}

static char *
format_time (gint64 unix_time)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (unix_time);

  if (when == NULL)
    return g_strdup ("?");

  return g_date_time_format (when, "%Y-%m-%d %H:%M UTC");
}

static void
append_facts (GString         *out,
              const CwRunbook *runbook)
{
  if (runbook->product != NULL || runbook->ci_class != NULL)
    {
      g_string_append_printf (out, "- **%s** ", _("Applies to:"));
      append_text (out, runbook->product);
      if (runbook->product != NULL && runbook->ci_class != NULL)
        g_string_append (out, " · ");
      append_text (out, runbook->ci_class);
      g_string_append_c (out, '\n');
    }

  g_string_append_printf (out, "- **%s** ", _("Version:"));
  if (runbook->version == 0)
    g_string_append (out, _("not saved yet"));
  else
    g_string_append_printf (out, "%u", runbook->version);
  g_string_append (out, ", ");
  g_string_append (out, runbook->state == CW_RUNBOOK_APPROVED ? _("approved") : _("draft"));
  g_string_append_c (out, '\n');

  if (runbook->author != NULL)
    {
      g_string_append_printf (out, "- **%s** ", _("Author:"));
      append_text (out, runbook->author);
      g_string_append_c (out, '\n');
    }

  if (runbook->approver != NULL)
    {
      g_string_append_printf (out, "- **%s** ", _("Approved by:"));
      append_text (out, runbook->approver);
      if (runbook->approved_at != 0)
        {
          g_autofree char *when = format_time (runbook->approved_at);

          /* Translators: after the approver's name, the date and time of approval */
          g_string_append_printf (out, _(", %s"), when);
        }
      g_string_append_c (out, '\n');
    }

  g_string_append_c (out, '\n');
}

static void
append_timing (GString         *out,
               const CwRunbook *runbook)
{
  g_autoptr(CwRunbookTiming) timing = NULL;
  g_autoptr(GError) error = NULL;

  g_string_append_printf (out, "## %s\n\n", _("Timing"));

  timing = cw_runbook_timing (runbook, &error);
  if (timing == NULL)
    {
      g_string_append (out, _("The runbook has a cycle, so its timing cannot be worked out:"));
      g_string_append_c (out, ' ');
      append_text (out, error->message);
      g_string_append (out, "\n\n");
      return;
    }

  g_string_append_printf (out, "| | %s |\n| --- | ---: |\n", _("Minutes"));
  g_string_append_printf (out, "| %s | %u |\n", _("Critical path"), timing->critical_min);
  g_string_append_printf (out, "| %s | %u |\n", _("Validation"), timing->validation_min);
  g_string_append_printf (out, "| %s | %u |\n", _("Rollback"), timing->rollback_min);
  g_string_append_printf (out, "| %s | %u |\n", _("Buffer"), timing->buffer_min);
  g_string_append_printf (out, "| **%s** | **%u** |\n\n", _("Window needed"), timing->window_min);

  if (timing->critical_ids != NULL && timing->critical_ids[0] != NULL)
    {
      g_string_append_printf (out, "%s ", _("Critical path:"));
      for (guint i = 0; timing->critical_ids[i] != NULL; i++)
        {
          if (i > 0)
            g_string_append (out, " → ");
          append_code (out, timing->critical_ids[i]);
        }
      g_string_append (out, "\n\n");
    }
}

static void
append_command (GString             *out,
                const CwRunbookStep *step)
{
  g_autoptr(GString) command = g_string_new (NULL);
  g_autoptr(GPtrArray) facts = g_ptr_array_new_with_free_func (g_free);
  guint fence;

  _cw_runbook_io_append_argv (command, (const char * const *) step->argv);
  fence = MAX (3, longest_backtick_run (command->str) + 1);

  for (guint i = 0; i < fence; i++)
    g_string_append_c (out, '`');
  g_string_append (out, "sh\n");
  g_string_append (out, command->str);
  g_string_append_c (out, '\n');
  for (guint i = 0; i < fence; i++)
    g_string_append_c (out, '`');
  g_string_append (out, "\n\n");

  if (step->workdir != NULL)
    {
      GString *fact = g_string_new (_("Working directory:"));

      g_string_append_c (fact, ' ');
      append_code (fact, step->workdir);
      g_ptr_array_add (facts, g_string_free (fact, FALSE));
    }
  if (step->timeout_s != 0)
    g_ptr_array_add (facts, g_strdup_printf (_("Timeout: %u s"), step->timeout_s));
  g_ptr_array_add (facts, g_strdup_printf (_("Expected exit code: %d"), step->expected_exit));
  if (step->output_regex != NULL)
    {
      GString *fact = g_string_new (_("Output must match:"));

      g_string_append_c (fact, ' ');
      append_code (fact, step->output_regex);
      g_ptr_array_add (facts, g_string_free (fact, FALSE));
    }

  for (guint i = 0; i < facts->len; i++)
    {
      if (i > 0)
        g_string_append (out, " · ");
      g_string_append (out, g_ptr_array_index (facts, i));
    }
  g_string_append (out, "\n\n");
}

static void
append_evidence (GString    *out,
                 CwEvidence  evidence)
{
  static const struct
  {
    CwEvidence  flag;
    const char *label;
  } labels[] = {
    { CW_EVIDENCE_NOTE,   N_("a note") },
    { CW_EVIDENCE_OUTPUT, N_("the command output") },
    { CW_EVIDENCE_FILE,   N_("a file") },
  };
  guint n = 0;

  g_string_append_printf (out, "**%s** ", _("Evidence:"));
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      if ((evidence & labels[i].flag) == 0)
        continue;
      if (n++ > 0)
        g_string_append (out, ", ");
      g_string_append (out, _(labels[i].label));
    }
  g_string_append (out, "\n\n");
}

static void
append_step (GString             *out,
             const CwRunbookStep *step)
{
  g_string_append (out, "### ");
  append_text (out, step->id);
  g_string_append (out, " — ");
  append_text (out, step->title);
  g_string_append (out, "\n\n");

  g_string_append_c (out, '*');
  append_text (out, cw_step_type_get_label (step->type));
  g_string_append (out, "* · ");
  g_string_append_printf (out, _("%u min"), step->duration_min);
  if (step->stream != NULL)
    {
      g_string_append (out, " · ");
      g_string_append (out, _("stream"));
      g_string_append_c (out, ' ');
      append_code (out, step->stream);
    }
  if (step->predecessors != NULL && step->predecessors[0] != NULL)
    {
      g_string_append (out, " · ");
      g_string_append (out, _("after"));
      for (guint i = 0; step->predecessors[i] != NULL; i++)
        {
          g_string_append (out, i > 0 ? ", " : " ");
          append_code (out, step->predecessors[i]);
        }
    }
  g_string_append (out, "\n\n");

  if (step->instructions != NULL)
    append_block (out, step->instructions);

  if (step->acceptance != NULL)
    {
      g_autofree char *acceptance = g_strdup_printf ("**%s** %s", _("Acceptance:"), step->acceptance);

      append_block (out, acceptance);
    }

  if (step->evidence != CW_EVIDENCE_NONE)
    append_evidence (out, step->evidence);

  if (step->type == CW_STEP_COMMAND || (step->argv != NULL && step->argv[0] != NULL))
    append_command (out, step);
}

char *
cw_runbook_to_markdown (const CwRunbook *runbook)
{
  GString *out;
  guint n_steps;

  g_return_val_if_fail (runbook != NULL, NULL);

  n_steps = runbook->steps != NULL ? runbook->steps->len : 0;
  out = g_string_sized_new (1024 + 512 * (gsize) n_steps);

  g_string_append (out, "# ");
  append_text (out, runbook->name != NULL ? runbook->name : _("Untitled runbook"));
  g_string_append (out, "\n\n");

  if (runbook->description != NULL)
    append_block (out, runbook->description);

  append_facts (out, runbook);
  append_timing (out, runbook);

  if (n_steps == 0)
    {
      g_string_append (out, _("The runbook has no steps yet."));
      g_string_append_c (out, '\n');
    }

  for (guint phase = 0; phase < CW_N_PHASES; phase++)
    {
      gboolean started = FALSE;

      for (guint i = 0; i < n_steps; i++)
        {
          const CwRunbookStep *step = g_ptr_array_index (runbook->steps, i);

          if (step->phase != phase)
            continue;

          if (!started)
            {
              g_string_append (out, "## ");
              append_text (out, cw_phase_get_label ((CwPhase) phase));
              g_string_append (out, "\n\n");
              started = TRUE;
            }
          append_step (out, step);
        }
    }

  /* One final newline. */
  while (out->len > 0 && out->str[out->len - 1] == '\n')
    g_string_truncate (out, out->len - 1);
  g_string_append_c (out, '\n');

  return g_string_free (out, FALSE);
}
