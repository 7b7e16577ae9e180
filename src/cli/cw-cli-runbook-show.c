/* cw-cli-runbook-show.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-cli-runbook"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>

#include "cw-cli.h"
#include "cw-cli-runbook-private.h"
#include "cw-runbook-io.h"
#include "cw-runbook-store.h"

/* `changeward-cli runbook show`: a version's steps, its critical path and
 * the window it needs, as text or as a JSON document. */

/* The predecessors column wraps at this many characters. */
#define AFTER_WIDTH 28

enum {
  COLUMN_ID,
  COLUMN_PHASE,
  COLUMN_TYPE,
  COLUMN_DURATION,
  COLUMN_STREAM,
  COLUMN_AFTER,
  COLUMN_TITLE,
  N_COLUMNS
};

static char *
format_hours (guint minutes)
{
  return g_strdup_printf ("%u:%02u", minutes / 60, minutes % 60);
}

static const char *
or_none (const char *text)
{
  return text != NULL && text[0] != '\0' ? text : "—";
}

static void
print_header (const CwRunbook *runbook)
{
  printf (_("Name: %s\n"), runbook->name);
  if (runbook->description != NULL && runbook->description[0] != '\0')
    printf (_("Description: %s\n"), runbook->description);
  if (runbook->product != NULL || runbook->ci_class != NULL)
    {
      g_autofree char *applies_to = cw_cli_runbook_format_applies_to (runbook->product,
                                                                      runbook->ci_class);

      printf (_("Applies to: %s\n"), applies_to);
    }
  printf (_("Version: %u (%s)\n"), runbook->version,
          cw_cli_runbook_state_label (runbook->state));
  printf (_("Author: %s\n"), or_none (runbook->author));
  printf (_("Approver: %s\n"), or_none (runbook->approver));
}

/* Predecessors, one line or more: a step that waits for many does not widen
 * the column for every row. An id longer than the width gets its own line. */
static char *
wrap_predecessors (const CwRunbookStep *step)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint line_width = 0;

  if (step->predecessors == NULL || step->predecessors[0] == NULL)
    return g_strdup ("—");

  for (guint i = 0; step->predecessors[i] != NULL; i++)
    {
      const char *id = step->predecessors[i];
      guint width = cw_cli_text_width (id);
      gboolean last = step->predecessors[i + 1] == NULL;

      if (line_width > 0 && line_width + width + (last ? 0 : 1) > AFTER_WIDTH)
        {
          g_string_append_c (text, '\n');
          line_width = 0;
        }
      else if (line_width > 0)
        {
          g_string_append_c (text, ' ');
          line_width++;
        }

      g_string_append (text, id);
      line_width += width;
      if (!last)
        {
          g_string_append_c (text, ',');
          line_width++;
        }
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The steps in order, in aligned columns; the title, last, is not padded.
 * A cell may hold lines: the row's other cells are blank on the lines after
 * its first. */
static void
print_steps (const CwRunbook *runbook)
{
  const char *headers[N_COLUMNS] = {
    [COLUMN_ID] = _("ID"),
    [COLUMN_PHASE] = _("Phase"),
    [COLUMN_TYPE] = _("Type"),
    [COLUMN_DURATION] = _("Min"),
    [COLUMN_STREAM] = _("Stream"),
    [COLUMN_AFTER] = C_("steps it waits for", "After"),
    [COLUMN_TITLE] = _("Title"),
  };
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  guint widths[N_COLUMNS] = { 0 };

  for (guint c = 0; c < N_COLUMNS; c++)
    g_ptr_array_add (cells, g_strsplit (headers[c], "\n", -1));

  for (guint i = 0; i < runbook->steps->len; i++)
    {
      const CwRunbookStep *step = g_ptr_array_index (runbook->steps, i);
      g_autofree char *duration = g_strdup_printf ("%u", step->duration_min);
      g_autofree char *after = wrap_predecessors (step);

      g_ptr_array_add (cells, g_strsplit (or_none (step->id), "\n", -1));
      g_ptr_array_add (cells, g_strsplit (cw_phase_to_string (step->phase), "\n", -1));
      g_ptr_array_add (cells, g_strsplit (cw_step_type_to_string (step->type), "\n", -1));
      g_ptr_array_add (cells, g_strsplit (duration, "\n", -1));
      g_ptr_array_add (cells, g_strsplit (or_none (step->stream), "\n", -1));
      g_ptr_array_add (cells, g_strsplit (after, "\n", -1));
      g_ptr_array_add (cells, g_strsplit (or_none (step->title), "\n", -1));
    }

  for (guint i = 0; i < cells->len; i++)
    {
      char **lines = g_ptr_array_index (cells, i);

      for (guint l = 0; lines[l] != NULL; l++)
        widths[i % N_COLUMNS] = MAX (widths[i % N_COLUMNS], cw_cli_text_width (lines[l]));
    }

  for (guint row = 0; row * N_COLUMNS < cells->len; row++)
    {
      char ***row_cells = (char ***) &cells->pdata[row * N_COLUMNS];
      guint n_lines = 1;

      for (guint c = 0; c < N_COLUMNS; c++)
        n_lines = MAX (n_lines, g_strv_length (row_cells[c]));

      for (guint l = 0; l < n_lines; l++)
        {
          g_autoptr(GString) line = g_string_new (NULL);

          for (guint c = 0; c < N_COLUMNS; c++)
            {
              const char *text = l < g_strv_length (row_cells[c]) ? row_cells[c][l] : "";

              if (c > 0)
                g_string_append (line, "  ");
              cw_cli_append_cell (line, text, c == COLUMN_TITLE ? 0 : widths[c],
                                          c == COLUMN_DURATION);
            }

          /* Nothing trails a line whose last cells are blank. */
          while (line->len > 0 && line->str[line->len - 1] == ' ')
            g_string_truncate (line, line->len - 1);
          printf ("%s\n", line->str);
        }
    }
}

static void
print_timing (const CwRunbookTiming *timing)
{
  g_autofree char *hours = format_hours (timing->window_min);

  if (timing->critical_ids != NULL && timing->critical_ids[0] != NULL)
    {
      g_autofree char *path = g_strjoinv (" → ", timing->critical_ids);

      printf (_("Critical path: %s (%u min)\n"), path, timing->critical_min);
    }
  else
    {
      printf (_("Critical path: none (%u min)\n"), timing->critical_min);
    }

  printf (_("Validation: %u min\n"), timing->validation_min);
  printf (_("Rollback: %u min\n"), timing->rollback_min);
  printf (_("Buffer: %u min\n"), timing->buffer_min);
  printf (_("Window needed: %u min (%s)\n"), timing->window_min, hours);
}

static void
print_problems (GPtrArray *problems)
{
  printf (ngettext ("%u problem:\n", "%u problems:\n", problems->len), problems->len);
  for (guint i = 0; i < problems->len; i++)
    {
      const CwRunbookProblem *problem = g_ptr_array_index (problems, i);

      printf ("  - %s\n", problem->message);
    }
}

static void
print_text (const CwRunbook       *runbook,
            const CwRunbookTiming *timing,
            GPtrArray             *problems)
{
  print_header (runbook);
  printf ("\n");
  print_steps (runbook);
  printf ("\n");
  if (timing != NULL)
    print_timing (timing);
  if (problems->len > 0)
    {
      if (timing != NULL)
        printf ("\n");
      print_problems (problems);
    }
}

/* ---- JSON ------------------------------------------------------------------ */

static void
add_strv (JsonBuilder        *builder,
          const char * const *values)
{
  json_builder_begin_array (builder);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    json_builder_add_string_value (builder, values[i]);
  json_builder_end_array (builder);
}

/* Minutes, or null when a cycle leaves no timing. */
static void
add_minutes (JsonBuilder *builder,
             const char  *name,
             gboolean     known,
             guint        minutes)
{
  json_builder_set_member_name (builder, name);
  if (known)
    json_builder_add_int_value (builder, minutes);
  else
    json_builder_add_null_value (builder);
}

/* The step objects exactly as the JSON export writes them. */
static void
add_steps (JsonBuilder     *builder,
           const CwRunbook *runbook)
{
  g_autofree char *json = cw_runbook_to_json (runbook);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  json_builder_set_member_name (builder, "steps");

  if (!json_parser_load_from_data (parser, json, -1, &error) ||
      (root = json_parser_get_root (parser)) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (root) ||
      !json_object_has_member (json_node_get_object (root), "steps"))
    {
      g_critical ("The JSON export of “%s” does not parse: %s", runbook->name,
                  error != NULL ? error->message : "no steps");
      json_builder_begin_array (builder);
      json_builder_end_array (builder);
      return;
    }

  json_builder_add_value (builder,
                          json_node_copy (json_object_get_member (json_node_get_object (root),
                                                                  "steps")));
}

static void
add_problems (JsonBuilder *builder,
              GPtrArray   *problems)
{
  json_builder_set_member_name (builder, "problems");
  json_builder_begin_array (builder);
  for (guint i = 0; i < problems->len; i++)
    {
      const CwRunbookProblem *problem = g_ptr_array_index (problems, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "steps");
      add_strv (builder, (const char * const *) problem->step_ids);
      cw_cli_json_add_string (builder, "message", problem->message);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
print_json (const CwRunbook       *runbook,
            const CwRunbookTiming *timing,
            GPtrArray             *problems)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  gboolean known = timing != NULL;

  json_builder_begin_object (builder);
  cw_cli_json_add_string (builder, "name", runbook->name);
  cw_cli_json_add_string (builder, "description", runbook->description);
  cw_cli_json_add_string (builder, "product", runbook->product);
  cw_cli_json_add_string (builder, "ci_class", runbook->ci_class);
  cw_cli_json_add_int (builder, "version", runbook->version);
  cw_cli_json_add_string (builder, "state", cw_runbook_state_to_string (runbook->state));
  cw_cli_json_add_string (builder, "author", runbook->author);
  cw_cli_json_add_string (builder, "approver", runbook->approver);
  add_steps (builder, runbook);

  json_builder_set_member_name (builder, "critical_path");
  if (known)
    add_strv (builder, (const char * const *) timing->critical_ids);
  else
    json_builder_add_null_value (builder);
  add_minutes (builder, "critical_path_min", known, known ? timing->critical_min : 0);
  add_minutes (builder, "validation_min", known, known ? timing->validation_min : 0);
  add_minutes (builder, "rollback_min", known, known ? timing->rollback_min : 0);
  add_minutes (builder, "buffer_min", TRUE, runbook->buffer_min);
  add_minutes (builder, "window_min", known, known ? timing->window_min : 0);

  json_builder_set_member_name (builder, "valid");
  json_builder_add_boolean_value (builder, problems->len == 0);
  add_problems (builder, problems);
  json_builder_end_object (builder);

  cw_cli_print_json (builder);
}

/* ---- the command ----------------------------------------------------------- */

int
cw_cli_runbook_show (int    argc,
                     char **argv)
{
  static const char *command = "runbook show";
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *workspace = NULL;
  g_autofree char *version_text = NULL;
  g_autoptr(CwStore) store = NULL;
  g_autoptr(CwRunbook) runbook = NULL;
  g_autoptr(CwRunbookTiming) timing = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  gboolean json = FALSE;
  guint version = 0;
  int status;
  const GOptionEntry entries[] = {
    { "workspace", 'w', 0, G_OPTION_ARG_FILENAME, &workspace,
      N_("The workspace file"), N_("PATH") },
    { "version", 'v', 0, G_OPTION_ARG_STRING, &version_text,
      N_("The version to show (default: the latest)"), "N" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print the version as a JSON document"), NULL },
    { NULL }
  };

  context = cw_cli_option_context (command, _("NAME"),
                                   _("Shows one version of a runbook: its steps in order, the "
                                     "critical path through them, the validation and rollback "
                                     "durations, and the window a change needs (critical path, "
                                     "validation, rollback and buffer). The workspace is opened "
                                     "read-only."));
  g_option_context_set_description (context,
                                    _("Exit status: 0 when the version is valid, 1 when it has "
                                      "problems (they are listed) or on failure, 2 on a usage "
                                      "error."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((status = cw_cli_parse_one_argument (context, command, &argc, &argv,
                                           _("no runbook NAME to show"))) != CW_CLI_OK)
    return status;
  if (version_text != NULL &&
      (status = cw_cli_runbook_parse_version (command, version_text, &version)) != CW_CLI_OK)
    return status;

  store = cw_cli_open_workspace (command, workspace, CW_STORE_OPEN_READ_ONLY, &status);
  if (store == NULL)
    return status;

  runbook = cw_runbooks_load (store, argv[1], version, &error);
  if (runbook == NULL)
    return cw_cli_fail_lines (command, error);

  /* A cycle leaves no timing: the steps and the problems still show. */
  problems = cw_runbook_validate (runbook);
  timing = cw_runbook_timing (runbook, NULL);

  if (json)
    print_json (runbook, timing, problems);
  else
    print_text (runbook, timing, problems);

  return problems->len == 0 && timing != NULL ? CW_CLI_OK : CW_CLI_FAILURE;
}
