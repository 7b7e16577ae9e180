/* cw-runbook-io.c: formats by name and extension, reading a file, and what
 * the readers and writers share.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-runbook-io"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <string.h>

#include "cw-runbook-io-private.h"

gboolean
cw_runbook_format_from_string (const char      *text,
                               CwRunbookFormat *format)
{
  static const struct
  {
    const char      *name;
    CwRunbookFormat  format;
  } names[] = {
    { "json",     CW_RUNBOOK_FORMAT_JSON },
    { "csv",      CW_RUNBOOK_FORMAT_CSV },
    { "markdown", CW_RUNBOOK_FORMAT_MARKDOWN },
    { "md",       CW_RUNBOOK_FORMAT_MARKDOWN },
  };

  if (text == NULL)
    return FALSE;

  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    {
      if (g_ascii_strcasecmp (text, names[i].name) == 0)
        {
          if (format != NULL)
            *format = names[i].format;
          return TRUE;
        }
    }

  return FALSE;
}

gboolean
cw_runbook_format_guess (const char      *filename,
                         CwRunbookFormat *format)
{
  const char *dot;
  const char *slash;

  if (filename == NULL)
    return FALSE;

  dot = strrchr (filename, '.');
  slash = strrchr (filename, G_DIR_SEPARATOR);
  if (dot == NULL || (slash != NULL && dot < slash))
    return FALSE;

  /* Only real extensions: not "md" alone from "README", not a hidden file. */
  if (dot == filename || (slash != NULL && dot == slash + 1))
    return FALSE;

  return cw_runbook_format_from_string (dot + 1, format);
}

/* The base name of @path without its last extension. */
static char *
name_from_path (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';

  return g_steal_pointer (&base);
}

CwRunbook *
cw_runbook_read_file (const char             *path,
                      const CwRunbookFormat  *format,
                      const char             *name,
                      GError                **error)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *data = NULL;
  g_autofree char *base_name = NULL;
  CwRunbookFormat chosen;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (format != NULL)
    {
      chosen = *format;
    }
  else if (!cw_runbook_format_guess (path, &chosen))
    {
      g_set_error (error, CW_RUNBOOK_ERROR, CW_RUNBOOK_ERROR_PARSE,
                   _("%s: the file name does not tell the format. Name it .json or .csv, or give the format."),
                   path);
      return NULL;
    }

  if (chosen == CW_RUNBOOK_FORMAT_MARKDOWN)
    {
      g_set_error (error, CW_RUNBOOK_ERROR, CW_RUNBOOK_ERROR_PARSE,
                   _("%s: Markdown is only written, for reading and printing. Import a JSON or CSV file."),
                   path);
      return NULL;
    }

  file = g_file_new_for_path (path);
  if (!g_file_load_contents (file, NULL, &data, &length, NULL, error))
    {
      g_prefix_error (error, "%s: ", path);
      return NULL;
    }

  switch (chosen)
    {
    case CW_RUNBOOK_FORMAT_JSON:
      return cw_runbook_from_json (data, length, name, error);

    case CW_RUNBOOK_FORMAT_CSV:
      if (name == NULL)
        name = base_name = name_from_path (path);
      return cw_runbook_from_csv (data, length, name, error);

    case CW_RUNBOOK_FORMAT_MARKDOWN:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* ---- errors ---------------------------------------------------------------- */

gboolean
_cw_runbook_io_fail (GPtrArray  *errors,
                     GError    **error)
{
  g_autoptr(GString) message = g_string_new (NULL);

  for (guint i = 0; i < errors->len; i++)
    {
      if (i > 0)
        g_string_append_c (message, '\n');
      g_string_append (message, g_ptr_array_index (errors, i));
    }

  g_set_error_literal (error, CW_RUNBOOK_ERROR, CW_RUNBOOK_ERROR_PARSE, message->str);

  return FALSE;
}

/* The first of the ascending @indices that is at least @from, or the last
 * one when none is. */
static guint
pick_index (GArray *indices,
            guint   from)
{
  guint low = 0;
  guint high = indices->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (g_array_index (indices, guint, middle) < from)
        low = middle + 1;
      else
        high = middle;
    }

  return g_array_index (indices, guint, MIN (low, indices->len - 1));
}

void
_cw_runbook_io_add_problems (const CwRunbook     *runbook,
                             GPtrArray           *errors,
                             CwRunbookLocateFunc  locate,
                             gpointer             user_data,
                             const char          *whole)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GHashTable) first = NULL;
  g_autoptr(GHashTable) uses = NULL;
  g_autoptr(GArray) no_id = NULL;
  guint cursor = 0;

  problems = cw_runbook_validate (runbook);
  if (problems->len == 0)
    return;

  /* A problem names its step by id, but an id may be used twice, or not
   * at all: problems come in step order, so the step is the first one at
   * or after the previous problem's with that id (or with no id). A
   * duplicate is reported at its second use. */
  first = g_hash_table_new (g_str_hash, g_str_equal);
  uses = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_array_unref);
  no_id = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < runbook->steps->len; i++)
    {
      const CwRunbookStep *step = g_ptr_array_index (runbook->steps, i);
      gpointer found;

      if (step->id == NULL || step->id[0] == '\0')
        {
          g_array_append_val (no_id, i);
        }
      else if (!g_hash_table_lookup_extended (first, step->id, NULL, &found))
        {
          g_hash_table_insert (first, step->id, GUINT_TO_POINTER (i));
        }
      else
        {
          GArray *indices = g_hash_table_lookup (uses, step->id);

          if (indices == NULL)
            {
              guint earlier = GPOINTER_TO_UINT (found);

              indices = g_array_new (FALSE, FALSE, sizeof (guint));
              g_array_append_val (indices, earlier);
              g_hash_table_insert (uses, step->id, indices);
            }
          g_array_append_val (indices, i);
        }
    }

  for (guint i = 0; i < problems->len; i++)
    {
      const CwRunbookProblem *problem = g_ptr_array_index (problems, i);
      const char *id = problem->step_ids != NULL ? problem->step_ids[0] : NULL;
      g_autofree char *where = NULL;
      gboolean found = TRUE;
      guint index = 0;

      if (problem->kind == CW_PROBLEM_NO_ROLLBACK)
        {
          found = FALSE;
        }
      else if (id == NULL || id[0] == '\0')
        {
          if (no_id->len > 0)
            index = pick_index (no_id, cursor);
          else
            found = FALSE;
        }
      else
        {
          GArray *indices = g_hash_table_lookup (uses, id);
          gpointer value;

          if (indices != NULL && problem->kind == CW_PROBLEM_DUPLICATE_ID)
            index = pick_index (indices, MAX (cursor, g_array_index (indices, guint, 1)));
          else if (indices != NULL)
            index = pick_index (indices, cursor);
          else if (g_hash_table_lookup_extended (first, id, NULL, &value))
            index = GPOINTER_TO_UINT (value);
          else
            found = FALSE;
        }

      if (found)
        {
          where = locate (runbook, index, user_data);
          cursor = index;
        }
      else if (whole != NULL)
        {
          where = g_strdup (whole);
        }

      if (where != NULL)
        g_ptr_array_add (errors, g_strdup_printf ("%s: %s", where, problem->message));
      else
        g_ptr_array_add (errors, g_strdup (problem->message));
    }
}

/* ---- words ----------------------------------------------------------------- */

char *
_cw_runbook_io_phase_list (void)
{
  GString *list = g_string_new (NULL);

  for (guint i = 0; i < CW_N_PHASES; i++)
    {
      if (i > 0)
        g_string_append (list, ", ");
      g_string_append (list, cw_phase_to_string ((CwPhase) i));
    }

  return g_string_free (list, FALSE);
}

char *
_cw_runbook_io_type_list (void)
{
  GString *list = g_string_new (NULL);

  for (guint i = 0; i < CW_N_STEP_TYPES; i++)
    {
      if (i > 0)
        g_string_append (list, ", ");
      g_string_append (list, cw_step_type_to_string ((CwStepType) i));
    }

  return g_string_free (list, FALSE);
}

/* ---- commands -------------------------------------------------------------- */

/* Characters that never need quotes. Bytes of non-ASCII UTF-8 are plain
 * text to g_shell_parse_argv() too. */
static gboolean
is_plain_byte (guchar c)
{
  return g_ascii_isalnum (c) || c >= 0x80 || strchr ("_@%+=:,./-", c) != NULL;
}

void
_cw_runbook_io_append_argv (GString            *out,
                            const char * const *argv)
{
  for (guint i = 0; argv != NULL && argv[i] != NULL; i++)
    {
      const char *arg = argv[i];
      gboolean plain = arg[0] != '\0';

      if (i > 0)
        g_string_append_c (out, ' ');

      for (const char *p = arg; plain && *p != '\0'; p++)
        plain = is_plain_byte ((guchar) *p);

      if (plain)
        {
          g_string_append (out, arg);
          continue;
        }

      /* Single quotes keep everything as it is; a quote inside ends them,
       * is escaped and opens them again. */
      g_string_append_c (out, '\'');
      for (const char *p = arg; *p != '\0'; p++)
        {
          if (*p == '\'')
            g_string_append (out, "'\\''");
          else
            g_string_append_c (out, *p);
        }
      g_string_append_c (out, '\'');
    }
}
