/* cw-runbook-csv.c: a runbook as a CSV task list.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-runbook-csv"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <string.h>

#include "cw-csv.h"
#include "cw-runbook-io-private.h"

/* One step per record, under the header CW_RUNBOOK_CSV_HEADER (RFC 4180,
 * through CwCsvReader). The columns may come in any order; id, phase, title
 * and type are required. A task list carries only these columns: the
 * runbook's name, description and applies-to, and each step's acceptance
 * criteria, evidence, working directory, timeout and output expression are
 * not in it, so reading a CSV file leaves them empty. Everything the file
 * does carry survives export then import.
 *
 * predecessors are separated by ';'. command is a shell-style quoted
 * argument list read with g_shell_parse_argv(): it is never given to a
 * shell. Every error is collected with the line its record starts on. */

#define MAX_NUMBER 1000000u

typedef enum
{
  COL_ID,
  COL_PHASE,
  COL_STREAM,
  COL_TITLE,
  COL_TYPE,
  COL_DURATION,
  COL_PREDECESSORS,
  COL_COMMAND,
  COL_EXPECTED_EXIT,
  COL_INSTRUCTIONS,
  N_COLUMNS,
} Column;

/* In the order of CW_RUNBOOK_CSV_HEADER. */
static const char * const column_names[N_COLUMNS + 1] = {
  "id", "phase", "stream", "title", "type", "duration_min", "predecessors",
  "command", "expected_exit", "instructions", NULL
};

static const Column required_columns[] = { COL_ID, COL_PHASE, COL_TITLE, COL_TYPE };

/* ---- export ---------------------------------------------------------------- */

char *
cw_runbook_to_csv (const CwRunbook *runbook)
{
  GString *out;
  guint n_steps;

  g_return_val_if_fail (runbook != NULL, NULL);

  n_steps = runbook->steps != NULL ? runbook->steps->len : 0;
  out = g_string_sized_new (128 + 256 * (gsize) n_steps);
  cw_csv_append_record (out, column_names, N_COLUMNS);

  for (guint i = 0; i < n_steps; i++)
    {
      const CwRunbookStep *step = g_ptr_array_index (runbook->steps, i);
      g_autofree char *predecessors = NULL;
      g_autoptr(GString) command = g_string_new (NULL);
      char duration[16];
      char expected_exit[16] = "";
      const char *fields[N_COLUMNS];
      gboolean has_argv = step->argv != NULL && step->argv[0] != NULL;

      g_snprintf (duration, sizeof duration, "%u", step->duration_min);
      if (has_argv || step->expected_exit != 0)
        g_snprintf (expected_exit, sizeof expected_exit, "%d", step->expected_exit);
      if (step->predecessors != NULL)
        predecessors = g_strjoinv (";", step->predecessors);
      _cw_runbook_io_append_argv (command, (const char * const *) step->argv);

      fields[COL_ID] = step->id;
      fields[COL_PHASE] = cw_phase_to_string (step->phase);
      fields[COL_STREAM] = step->stream;
      fields[COL_TITLE] = step->title;
      fields[COL_TYPE] = cw_step_type_to_string (step->type);
      fields[COL_DURATION] = duration;
      fields[COL_PREDECESSORS] = predecessors;
      fields[COL_COMMAND] = command->str;
      fields[COL_EXPECTED_EXIT] = expected_exit;
      fields[COL_INSTRUCTIONS] = step->instructions;

      cw_csv_append_record (out, fields, N_COLUMNS);
    }

  return g_string_free (out, FALSE);
}

/* ---- import ---------------------------------------------------------------- */

typedef struct
{
  GPtrArray *errors;
  int        field_of[N_COLUMNS];  /* the field index of each column, or -1 */
  GArray    *lines;                /* guint: the line of each step */
} Reader;

G_GNUC_PRINTF (3, 4)
static void
add_error (Reader     *r,
           guint       line,
           const char *format,
           ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (r->errors, g_strdup_printf (_("line %u: %s"), line, message));
}

/* The reader does not say where a quoted field that never closes begins:
 * the same walk over the text, counting lines, finds the record. */
static guint
find_unterminated_record (const char *data,
                          gsize       length,
                          char        delimiter)
{
  const char *p = data;
  const char *end = data + length;
  guint line = 1;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    p += 3;

  for (;;)
    {
      guint start;

      /* Blank lines between records. */
      while (p < end && (*p == '\n' || *p == '\r'))
        {
          if (*p == '\r' && p + 1 < end && p[1] == '\n')
            p++;
          p++;
          line++;
        }
      if (p == end)
        return 0;

      start = line;
      for (;;)
        {
          if (*p == '"')
            {
              for (p++; ; p++)
                {
                  if (p == end)
                    return start;
                  if (*p == '"')
                    {
                      if (p + 1 < end && p[1] == '"')
                        {
                          p++;
                          continue;
                        }
                      p++;
                      break;
                    }
                  if (*p == '\n' || (*p == '\r' && (p + 1 == end || p[1] != '\n')))
                    line++;
                }
            }

          while (p < end && *p != delimiter && *p != '\n' && *p != '\r')
            p++;
          if (p == end)
            return 0;
          if (*p == delimiter)
            {
              p++;
              if (p == end)
                return 0;
              continue;
            }
          if (*p == '\r' && p + 1 < end && p[1] == '\n')
            p++;
          p++;
          line++;
          break;
        }
    }
}

/* Maps the header's fields to columns. FALSE when the rows cannot be read:
 * not a header at all, or a required column missing. */
static gboolean
read_header (Reader             *r,
             const char * const *fields,
             guint               n_fields,
             guint               line)
{
  g_autoptr(GPtrArray) unknown = g_ptr_array_new ();
  guint n_known = 0;
  gboolean ok = TRUE;

  for (guint c = 0; c < N_COLUMNS; c++)
    r->field_of[c] = -1;

  for (guint f = 0; f < n_fields; f++)
    {
      g_autofree char *name = g_strstrip (g_ascii_strdown (fields[f], -1));
      guint c;

      for (c = 0; c < N_COLUMNS; c++)
        {
          if (strcmp (name, column_names[c]) == 0)
            break;
        }

      if (c == N_COLUMNS)
        {
          g_ptr_array_add (unknown, (gpointer) fields[f]);
          continue;
        }

      n_known++;
      if (r->field_of[c] >= 0)
        add_error (r, line, _("the column “%s” appears twice"), column_names[c]);
      else
        r->field_of[c] = (int) f;
    }

  if (n_known == 0)
    {
      add_error (r, line, _("the first line is not a header; a task list starts with the columns %s"),
                 CW_RUNBOOK_CSV_HEADER);
      return FALSE;
    }

  for (guint i = 0; i < unknown->len; i++)
    add_error (r, line, _("unknown column “%s”; the columns are %s"),
               (const char *) g_ptr_array_index (unknown, i), CW_RUNBOOK_CSV_HEADER);

  for (guint i = 0; i < G_N_ELEMENTS (required_columns); i++)
    {
      if (r->field_of[required_columns[i]] < 0)
        {
          add_error (r, line, _("the required column “%s” is missing"),
                     column_names[required_columns[i]]);
          ok = FALSE;
        }
    }

  return ok;
}

static const char *
field (Reader             *r,
       const char * const *fields,
       Column              column)
{
  return r->field_of[column] >= 0 ? fields[r->field_of[column]] : "";
}

/* A copy with white space trimmed; NULL when nothing is left. */
static char *
trimmed (const char *text)
{
  char *copy = g_strstrip (g_strdup (text));

  if (copy[0] == '\0')
    g_clear_pointer (&copy, g_free);

  return copy;
}

static GStrv
split_predecessors (const char *text)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) parts = g_strsplit (text, ";", -1);
  guint n = 0;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *id = g_strstrip (parts[i]);

      if (id[0] == '\0')
        continue;
      g_strv_builder_add (builder, id);
      n++;
    }

  return n > 0 ? g_strv_builder_end (builder) : NULL;
}

/* What g_shell_parse_argv() would take as plain text but a shell would not:
 * an operator or an expansion outside quotes (or "$" and "`" inside double
 * quotes), or a "#" that starts a word and so cuts the rest of the line off
 * as a comment. The command is never given to a shell, so a pipe written in
 * the file would reach the program as an argument, and everything after a
 * comment would be lost: both are mistakes to report, not to run. NULL when
 * the command is clean; else the character, "#" for a comment. */
static const char *
find_shell_syntax (const char *command,
                   gboolean   *comment)
{
  enum { PLAIN, SINGLE, DOUBLE } state = PLAIN;
  gboolean word_start = TRUE;

  *comment = FALSE;

  for (const char *p = command; *p != '\0'; p++)
    {
      switch (state)
        {
        case SINGLE:
          if (*p == '\'')
            state = PLAIN;
          continue;

        case DOUBLE:
          if (*p == '\\' && p[1] != '\0')
            p++;
          else if (*p == '"')
            state = PLAIN;
          else if (*p == '$' || *p == '`')
            return p;
          continue;

        case PLAIN:
        default:
          break;
        }

      if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
        {
          word_start = TRUE;
          continue;
        }

      if (*p == '#' && word_start)
        {
          *comment = TRUE;
          return p;
        }
      word_start = FALSE;

      if (*p == '\\' && p[1] != '\0')
        p++;
      else if (*p == '\'')
        state = SINGLE;
      else if (*p == '"')
        state = DOUBLE;
      else if (strchr ("|&;<>()$`", *p) != NULL)
        return p;
    }

  return NULL;
}

static void
read_command (Reader        *r,
              const char    *command,
              guint          line,
              CwRunbookStep *step)
{
  g_autoptr(GError) shell_error = NULL;
  const char *syntax;
  gboolean comment;

  if (!g_shell_parse_argv (command, NULL, &step->argv, &shell_error))
    {
      add_error (r, line, _("the command cannot be read as a quoted argument list: %s"),
                 shell_error->message);
      return;
    }

  syntax = find_shell_syntax (command, &comment);
  if (syntax == NULL)
    return;

  if (comment)
    {
      add_error (r, line, _("in the command, “#” starts a word outside quotes, so the rest of "
                            "the line would be dropped as a comment. Put that argument in "
                            "single quotes."));
    }
  else
    {
      char what[2] = { *syntax, '\0' };

      add_error (r, line, _("the command has “%s” outside single quotes. The command is never "
                            "run through a shell, so it would reach the program as it is; put "
                            "it in single quotes, or run a shell explicitly (sh -c '…')."),
                 what);
    }
  g_clear_pointer (&step->argv, g_strfreev);
}

static CwRunbookStep *
read_row (Reader             *r,
          const char * const *fields,
          guint               line)
{
  g_autoptr(CwRunbookStep) step = NULL;
  g_autofree char *id = trimmed (field (r, fields, COL_ID));
  g_autofree char *phase = trimmed (field (r, fields, COL_PHASE));
  g_autofree char *type = trimmed (field (r, fields, COL_TYPE));
  g_autofree char *duration = trimmed (field (r, fields, COL_DURATION));
  g_autofree char *command = trimmed (field (r, fields, COL_COMMAND));
  g_autofree char *expected_exit = trimmed (field (r, fields, COL_EXPECTED_EXIT));
  const char *instructions = field (r, fields, COL_INSTRUCTIONS);

  step = cw_runbook_step_new (id != NULL ? id : "", CW_PHASE_PREPARATION, CW_STEP_MANUAL,
                              field (r, fields, COL_TITLE));

  if (!cw_phase_from_string (phase != NULL ? phase : "", &step->phase))
    {
      g_autofree char *known = _cw_runbook_io_phase_list ();

      add_error (r, line, _("unknown phase “%s”; expected one of: %s"),
                 phase != NULL ? phase : "", known);
    }

  if (!cw_step_type_from_string (type != NULL ? type : "", &step->type))
    {
      g_autofree char *known = _cw_runbook_io_type_list ();

      add_error (r, line, _("unknown step type “%s”; expected one of: %s"),
                 type != NULL ? type : "", known);
    }

  step->stream = trimmed (field (r, fields, COL_STREAM));

  if (duration != NULL)
    {
      guint64 value;

      if (g_ascii_string_to_unsigned (duration, 10, 0, MAX_NUMBER, &value, NULL))
        step->duration_min = (guint) value;
      else
        add_error (r, line, _("duration_min “%s” is not a whole number from 0 to %u"),
                   duration, MAX_NUMBER);
    }

  step->predecessors = split_predecessors (field (r, fields, COL_PREDECESSORS));

  if (command != NULL)
    read_command (r, command, line, step);

  if (expected_exit != NULL)
    {
      gint64 value;

      if (g_ascii_string_to_signed (expected_exit, 10, G_MININT, G_MAXINT, &value, NULL))
        step->expected_exit = (int) value;
      else
        add_error (r, line, _("expected_exit “%s” is not a whole number"), expected_exit);
    }

  if (instructions[0] != '\0')
    step->instructions = g_strdup (instructions);

  return g_steal_pointer (&step);
}

static char *
locate_line (const CwRunbook *runbook,
             guint            index,
             gpointer         user_data)
{
  Reader *r = user_data;

  return g_strdup_printf (_("line %u"), g_array_index (r->lines, guint, index));
}

/* FALSE after a fatal error. */
static gboolean
report_reader_error (Reader       *r,
                     CwCsvReader  *reader,
                     const GError *csv_error,
                     guint         line,
                     const char   *data,
                     gsize         length)
{
  guint start;

  if (csv_error->domain != CW_CSV_ERROR)
    {
      g_ptr_array_add (r->errors, g_strdup (csv_error->message));
      return FALSE;
    }

  switch ((CwCsvError) csv_error->code)
    {
    case CW_CSV_ERROR_ENCODING:
      add_error (r, line, _("the line is not valid UTF-8 text"));
      return TRUE;

    case CW_CSV_ERROR_FIELD_COUNT:
      add_error (r, line, _("the number of fields differs from the header’s"));
      return TRUE;

    case CW_CSV_ERROR_UNTERMINATED_QUOTE:
      start = find_unterminated_record (data, length, cw_csv_reader_get_delimiter (reader));
      if (start > 0)
        add_error (r, start, _("a quoted field is never closed"));
      else
        g_ptr_array_add (r->errors, g_strdup (csv_error->message));
      return FALSE;

    case CW_CSV_ERROR_EMPTY:
      g_ptr_array_add (r->errors,
                       g_strdup_printf (_("The file is empty; a task list starts with the header %s"),
                                        CW_RUNBOOK_CSV_HEADER));
      return FALSE;

    case CW_CSV_ERROR_UNKNOWN_HEADER:
    case CW_CSV_ERROR_INVALID_VALUE:
    case CW_CSV_ERROR_IO:
    default:
      g_ptr_array_add (r->errors, g_strdup (csv_error->message));
      return !cw_csv_error_is_fatal (csv_error);
    }
}

CwRunbook *
cw_runbook_from_csv (const char  *data,
                     gssize       length,
                     const char  *name,
                     GError     **error)
{
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(CwCsvReader) reader = NULL;
  g_autoptr(CwRunbook) runbook = NULL;
  Reader r = { errors, { 0, }, lines };
  const char * const *fields;
  gboolean header_ok = FALSE;
  guint header_line = 1;
  guint n_fields;
  guint line;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (name == NULL || name[0] == '\0')
    {
      g_set_error_literal (error, CW_RUNBOOK_ERROR, CW_RUNBOOK_ERROR_PARSE,
                           _("A CSV task list does not carry the runbook’s name: give one."));
      return NULL;
    }

  if (data == NULL)
    data = "";
  if (length < 0)
    length = strlen (data);

  stream = g_memory_input_stream_new_from_data (data, length, NULL);
  reader = cw_csv_reader_new (stream, CW_CSV_ENCODING_UTF8);
  runbook = cw_runbook_new (name);

  /* The header: when it cannot be read, neither can the rest. */
  {
    g_autoptr(GError) csv_error = NULL;

    if (cw_csv_reader_next (reader, &fields, &n_fields, &line, NULL, &csv_error))
      {
        header_line = line;
        header_ok = read_header (&r, fields, n_fields, line);
      }
    else if (csv_error != NULL)
      report_reader_error (&r, reader, csv_error, line, data, length);
  }

  while (header_ok)
    {
      g_autoptr(GError) csv_error = NULL;

      if (!cw_csv_reader_next (reader, &fields, &n_fields, &line, NULL, &csv_error))
        {
          if (csv_error == NULL || !report_reader_error (&r, reader, csv_error, line, data, length))
            break;
          continue;
        }

      g_ptr_array_add (runbook->steps, read_row (&r, fields, line));
      g_array_append_val (lines, line);
    }

  /* A header alone: nothing to import. */
  if (header_ok && errors->len == 0 && runbook->steps->len == 0)
    g_ptr_array_add (errors, g_strdup_printf (_("line %u: the task list has no steps; add a row "
                                                "for each step under the header"), header_line));

  if (errors->len == 0)
    _cw_runbook_io_add_problems (runbook, errors, locate_line, &r, NULL);

  if (errors->len > 0)
    {
      _cw_runbook_io_fail (errors, error);
      return NULL;
    }

  return g_steal_pointer (&runbook);
}
