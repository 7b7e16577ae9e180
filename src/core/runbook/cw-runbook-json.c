/* cw-runbook-json.c: writing a runbook as JSON.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-runbook-json"

#include "config.h"

#include <string.h>

#include "cw-runbook-io-private.h"

/* The layout is fixed so that reading a file and writing it again gives the
 * same bytes: members in the order below, two spaces of indentation per
 * level, "name": value, arrays of strings on one line, a final newline.
 * Members that hold nothing (NULL, an empty string or array, zero) are left
 * out, except those that are always written: "format", "name", "steps",
 * and in each step "id", "phase", "title", "type" and "duration_min"; and in
 * "command", "argv" and "expected_exit". "created_at" belongs to the
 * workspace and is not written. The reader (cw-runbook-json-read.c) reads
 * what is left out as NULL or zero. */

typedef struct
{
  GString *out;
  guint    depth;
  gboolean first;   /* no member written yet in the current object */
} Writer;

static void
append_string (GString    *out,
               const char *text)
{
  const char *run = text;
  const char *p;

  g_string_append_c (out, '"');
  for (p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c >= 0x20 && c != '"' && c != '\\')
        continue;

      g_string_append_len (out, run, p - run);
      run = p + 1;

      switch (c)
        {
        case '"':  g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        default:   g_string_append_printf (out, "\\u%04x", c); break;
        }
    }
  g_string_append_len (out, run, p - run);
  g_string_append_c (out, '"');
}

static void
indent (Writer *w)
{
  for (guint i = 0; i < w->depth; i++)
    g_string_append (w->out, "  ");
}

static void
begin_object (Writer *w)
{
  g_string_append_c (w->out, '{');
  w->depth++;
  w->first = TRUE;
}

static void
end_object (Writer *w)
{
  w->depth--;
  g_string_append_c (w->out, '\n');
  indent (w);
  g_string_append_c (w->out, '}');
  w->first = FALSE;
}

static void
member (Writer     *w,
        const char *name)
{
  g_string_append (w->out, w->first ? "\n" : ",\n");
  w->first = FALSE;
  indent (w);
  g_string_append_c (w->out, '"');
  g_string_append (w->out, name);
  g_string_append (w->out, "\": ");
}

static gboolean
has_text (const char *text)
{
  return text != NULL && text[0] != '\0';
}

static void
string_member (Writer     *w,
               const char *name,
               const char *value,
               gboolean    always)
{
  if (!always && !has_text (value))
    return;

  member (w, name);
  append_string (w->out, value != NULL ? value : "");
}

static void
uint_member (Writer     *w,
             const char *name,
             guint       value,
             gboolean    always)
{
  if (!always && value == 0)
    return;

  member (w, name);
  g_string_append_printf (w->out, "%u", value);
}

static void
strv_member (Writer             *w,
             const char         *name,
             const char * const *values,
             gboolean            always)
{
  if (!always && (values == NULL || values[0] == NULL))
    return;

  member (w, name);
  g_string_append_c (w->out, '[');
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (w->out, ", ");
      append_string (w->out, values[i]);
    }
  g_string_append_c (w->out, ']');
}

static gboolean
has_command (const CwRunbookStep *step)
{
  return (step->argv != NULL && step->argv[0] != NULL)
      || has_text (step->workdir)
      || step->timeout_s != 0
      || step->expected_exit != 0
      || has_text (step->output_regex);
}

static void
write_step (Writer              *w,
            const CwRunbookStep *step)
{
  begin_object (w);
  string_member (w, "id", step->id, TRUE);
  string_member (w, "phase", cw_phase_to_string (step->phase), TRUE);
  string_member (w, "stream", step->stream, FALSE);
  string_member (w, "title", step->title, TRUE);
  string_member (w, "type", cw_step_type_to_string (step->type), TRUE);
  uint_member (w, "duration_min", step->duration_min, TRUE);
  strv_member (w, "predecessors", (const char * const *) step->predecessors, FALSE);
  string_member (w, "instructions", step->instructions, FALSE);
  string_member (w, "acceptance", step->acceptance, FALSE);

  if (step->evidence != CW_EVIDENCE_NONE)
    {
      g_autofree char *text = cw_evidence_to_string (step->evidence);
      g_auto(GStrv) words = g_strsplit (text, ";", -1);

      strv_member (w, "evidence", (const char * const *) words, TRUE);
    }

  if (has_command (step))
    {
      member (w, "command");
      begin_object (w);
      strv_member (w, "argv", (const char * const *) step->argv, TRUE);
      string_member (w, "workdir", step->workdir, FALSE);
      uint_member (w, "timeout_s", step->timeout_s, FALSE);
      member (w, "expected_exit");
      g_string_append_printf (w->out, "%d", step->expected_exit);
      string_member (w, "output_regex", step->output_regex, FALSE);
      end_object (w);
    }

  end_object (w);
}

char *
cw_runbook_to_json (const CwRunbook *runbook)
{
  Writer w = { NULL, 0, TRUE };
  guint n_steps;

  g_return_val_if_fail (runbook != NULL, NULL);

  n_steps = runbook->steps != NULL ? runbook->steps->len : 0;
  w.out = g_string_sized_new (256 + 512 * (gsize) n_steps);

  begin_object (&w);
  string_member (&w, "format", CW_RUNBOOK_JSON_FORMAT, TRUE);
  string_member (&w, "name", runbook->name, TRUE);
  string_member (&w, "description", runbook->description, FALSE);

  if (has_text (runbook->product) || has_text (runbook->ci_class))
    {
      member (&w, "applies_to");
      begin_object (&w);
      string_member (&w, "product", runbook->product, FALSE);
      string_member (&w, "ci_class", runbook->ci_class, FALSE);
      end_object (&w);
    }

  uint_member (&w, "version", runbook->version, FALSE);
  if (runbook->version != 0 || runbook->state != CW_RUNBOOK_DRAFT)
    string_member (&w, "state", cw_runbook_state_to_string (runbook->state), TRUE);
  string_member (&w, "author", runbook->author, FALSE);
  string_member (&w, "approver", runbook->approver, FALSE);

  if (runbook->approved_at != 0)
    {
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (runbook->approved_at);

      if (when != NULL)
        {
          g_autofree char *text = g_date_time_format (when, "%Y-%m-%dT%H:%M:%SZ");

          string_member (&w, "approved_at", text, TRUE);
        }
    }

  uint_member (&w, "buffer_min", runbook->buffer_min, FALSE);

  member (&w, "steps");
  if (n_steps == 0)
    {
      g_string_append (w.out, "[]");
    }
  else
    {
      g_string_append (w.out, "[\n");
      w.depth++;
      for (guint i = 0; i < n_steps; i++)
        {
          if (i > 0)
            g_string_append (w.out, ",\n");
          indent (&w);
          write_step (&w, g_ptr_array_index (runbook->steps, i));
        }
      w.depth--;
      g_string_append_c (w.out, '\n');
      indent (&w);
      g_string_append_c (w.out, ']');
    }

  end_object (&w);
  g_string_append_c (w.out, '\n');

  return g_string_free (w.out, FALSE);
}
