/* cw-runbook-json-read.c: reading a runbook from JSON.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-runbook-json"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "cw-runbook-io-private.h"
#include "cw-runbook-json-private.h"

/* The reader walks the whole document and collects every error with its
 * JSON path before giving up, so that one round of fixes is enough: unknown
 * members (typos), wrong types, missing members, unknown words. Only when
 * the structure is right does it validate the runbook, each problem tied to
 * the path of the first step it names. A null member is taken as absent
 * unless the member is required. Numbers must be whole (5.0 is 5). */

/* Large enough for any real value, small enough that sums of a few
 * thousand of them do not overflow. */
#define MAX_NUMBER 1000000u

#define JSON_FORMAT_PREFIX "changeward-runbook/"

typedef struct
{
  GPtrArray  *errors;
  GHashTable *duplicates;  /* JsonObject → (GPtrArray of names given more than once) */
} Reader;

G_GNUC_PRINTF (3, 4)
static void
add_error (Reader     *r,
           const char *path,
           const char *format,
           ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (r->errors, g_strdup_printf ("%s: %s", path, message));
}

static char *
member_path (const char *base,
             const char *name)
{
  return g_strconcat (base, ".", name, NULL);
}

/* Sorts the members of @object into @nodes, in the order of @names; an
 * unknown member is an error, and so is a required one that is missing.
 * @required is a bit mask over @names. */
static void
collect_members (Reader             *r,
                 JsonObject         *object,
                 const char         *base,
                 const char * const *names,
                 guint               n_names,
                 guint               required,
                 JsonNode          **nodes)
{
  g_autoptr(GList) members = json_object_get_members (object);
  GPtrArray *duplicates = g_hash_table_lookup (r->duplicates, object);

  memset (nodes, 0, n_names * sizeof (JsonNode *));

  for (guint i = 0; duplicates != NULL && i < duplicates->len; i++)
    {
      g_autofree char *path = member_path (base, g_ptr_array_index (duplicates, i));

      add_error (r, path, _("the member is given more than once; give it once"));
    }

  for (const GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      guint i;

      for (i = 0; i < n_names; i++)
        {
          if (strcmp (names[i], name) == 0)
            break;
        }

      if (i == n_names)
        {
          g_autofree char *path = member_path (base, name);
          g_autofree char *known = g_strjoinv (", ", (char **) names);

          add_error (r, path, _("unknown member; the members here are: %s"), known);
          continue;
        }

      nodes[i] = json_object_get_member (object, name);
      if (JSON_NODE_HOLDS_NULL (nodes[i]) && (required & (1u << i)) == 0)
        nodes[i] = NULL;
    }

  for (guint i = 0; i < n_names; i++)
    {
      if ((required & (1u << i)) != 0 && nodes[i] == NULL)
        add_error (r, base, _("the required member “%s” is missing"), names[i]);
    }
}

static void
type_error (Reader     *r,
            const char *base,
            const char *name,
            const char *expected)
{
  g_autofree char *path = member_path (base, name);

  add_error (r, path, "%s", expected);
}

static gboolean
is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

/* An absent member leaves @out alone. An empty string is NULL unless
 * @keep_empty. */
static gboolean
read_string (Reader      *r,
             JsonNode    *node,
             const char  *base,
             const char  *name,
             gboolean     keep_empty,
             char       **out)
{
  const char *text;

  if (node == NULL)
    return TRUE;

  if (!is_string (node))
    {
      type_error (r, base, name, _("expected a string"));
      return FALSE;
    }

  text = json_node_get_string (node);
  g_free (*out);
  *out = keep_empty || (text != NULL && text[0] != '\0') ? g_strdup (text) : NULL;

  return TRUE;
}

static gboolean
is_blank (const char *text)
{
  for (; *text != '\0'; text++)
    {
      if (!g_ascii_isspace (*text))
        return FALSE;
    }

  return TRUE;
}

static gboolean
get_whole_number (JsonNode *node,
                  gint64   *out)
{
  GType type;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  type = json_node_get_value_type (node);
  if (type == G_TYPE_INT64)
    {
      *out = json_node_get_int (node);
      return TRUE;
    }
  if (type == G_TYPE_DOUBLE)
    {
      double value = json_node_get_double (node);

      if (value >= -1e15 && value <= 1e15 && value == (double) (gint64) value)
        {
          *out = (gint64) value;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
read_uint (Reader     *r,
           JsonNode   *node,
           const char *base,
           const char *name,
           guint      *out)
{
  gint64 value;

  if (node == NULL)
    return TRUE;

  if (!get_whole_number (node, &value) || value < 0)
    {
      type_error (r, base, name, _("expected a whole number ≥ 0"));
      return FALSE;
    }
  if (value > MAX_NUMBER)
    {
      g_autofree char *path = member_path (base, name);

      add_error (r, path, _("%lld is too large; the largest value is %u"),
                 (long long) value, MAX_NUMBER);
      return FALSE;
    }

  *out = (guint) value;
  return TRUE;
}

static gboolean
read_int (Reader     *r,
          JsonNode   *node,
          const char *base,
          const char *name,
          int        *out)
{
  gint64 value;

  if (node == NULL)
    return TRUE;

  if (!get_whole_number (node, &value) || value < G_MININT || value > G_MAXINT)
    {
      type_error (r, base, name, _("expected a whole number"));
      return FALSE;
    }

  *out = (int) value;
  return TRUE;
}

/* An array of strings; empty gives NULL. */
static gboolean
read_strv (Reader      *r,
           JsonNode    *node,
           const char  *base,
           const char  *name,
           GStrv       *out)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  JsonArray *array;
  guint n;
  gboolean ok = TRUE;

  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      type_error (r, base, name, _("expected an array of strings"));
      return FALSE;
    }

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  builder = g_strv_builder_new ();

  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!is_string (element))
        {
          g_autofree char *path = g_strdup_printf ("%s.%s[%u]", base, name, i);

          add_error (r, path, _("expected a string"));
          ok = FALSE;
          continue;
        }
      g_strv_builder_add (builder, json_node_get_string (element));
    }

  g_strfreev (*out);
  *out = ok && n > 0 ? g_strv_builder_end (builder) : NULL;

  return ok;
}

static void
read_evidence (Reader     *r,
               JsonNode   *node,
               const char *base,
               CwEvidence *out)
{
  g_auto(GStrv) words = NULL;

  if (!read_strv (r, node, base, "evidence", &words) || words == NULL)
    return;

  for (guint i = 0; words[i] != NULL; i++)
    {
      CwEvidence one;

      if (words[i][0] != '\0' && strpbrk (words[i], ";,") == NULL
          && cw_evidence_from_string (words[i], &one))
        {
          *out |= one;
        }
      else
        {
          g_autofree char *path = g_strdup_printf ("%s.evidence[%u]", base, i);

          add_error (r, path, _("unknown evidence “%s”; expected one of: note, output, file"),
                     words[i]);
        }
    }
}

static void
read_command (Reader        *r,
              JsonNode      *node,
              const char    *step_base,
              CwRunbookStep *step)
{
  static const char * const names[] = {
    "argv", "workdir", "timeout_s", "expected_exit", "output_regex", NULL
  };
  enum { ARGV, WORKDIR, TIMEOUT, EXIT, REGEX, N_NAMES };
  g_autofree char *base = NULL;
  JsonNode *nodes[N_NAMES];

  if (node == NULL)
    return;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      type_error (r, step_base, "command", _("expected an object"));
      return;
    }

  base = member_path (step_base, "command");
  collect_members (r, json_node_get_object (node), base, names, N_NAMES, 0, nodes);

  read_strv (r, nodes[ARGV], base, names[ARGV], &step->argv);
  read_string (r, nodes[WORKDIR], base, names[WORKDIR], FALSE, &step->workdir);
  read_uint (r, nodes[TIMEOUT], base, names[TIMEOUT], &step->timeout_s);
  read_int (r, nodes[EXIT], base, names[EXIT], &step->expected_exit);
  read_string (r, nodes[REGEX], base, names[REGEX], FALSE, &step->output_regex);
}

static CwRunbookStep *
read_step (Reader     *r,
           JsonNode   *node,
           guint       index)
{
  static const char * const names[] = {
    "id", "phase", "stream", "title", "type", "duration_min", "predecessors",
    "instructions", "acceptance", "evidence", "command", NULL
  };
  enum { ID, PHASE, STREAM, TITLE, TYPE, DURATION, PREDECESSORS, INSTRUCTIONS,
         ACCEPTANCE, EVIDENCE, COMMAND, N_NAMES };
  const guint required = 1u << ID | 1u << PHASE | 1u << TITLE | 1u << TYPE;
  g_autoptr(CwRunbookStep) step = NULL;
  g_autofree char *phase = NULL;
  g_autofree char *type = NULL;
  JsonNode *nodes[N_NAMES];
  char base[48];

  g_snprintf (base, sizeof base, "$.steps[%u]", index);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      add_error (r, base, _("expected an object"));
      return NULL;
    }

  collect_members (r, json_node_get_object (node), base, names, N_NAMES, required, nodes);

  step = cw_runbook_step_new (NULL, CW_PHASE_PREPARATION, CW_STEP_MANUAL, NULL);
  read_string (r, nodes[ID], base, names[ID], TRUE, &step->id);
  read_string (r, nodes[TITLE], base, names[TITLE], TRUE, &step->title);
  read_string (r, nodes[STREAM], base, names[STREAM], FALSE, &step->stream);

  if (read_string (r, nodes[PHASE], base, names[PHASE], TRUE, &phase)
      && phase != NULL && !cw_phase_from_string (phase, &step->phase))
    {
      g_autofree char *path = member_path (base, names[PHASE]);
      g_autofree char *known = _cw_runbook_io_phase_list ();

      add_error (r, path, _("unknown phase “%s”; expected one of: %s"), phase, known);
    }

  if (read_string (r, nodes[TYPE], base, names[TYPE], TRUE, &type)
      && type != NULL && !cw_step_type_from_string (type, &step->type))
    {
      g_autofree char *path = member_path (base, names[TYPE]);
      g_autofree char *known = _cw_runbook_io_type_list ();

      add_error (r, path, _("unknown step type “%s”; expected one of: %s"), type, known);
    }

  read_uint (r, nodes[DURATION], base, names[DURATION], &step->duration_min);
  read_strv (r, nodes[PREDECESSORS], base, names[PREDECESSORS], &step->predecessors);
  read_string (r, nodes[INSTRUCTIONS], base, names[INSTRUCTIONS], FALSE, &step->instructions);
  read_string (r, nodes[ACCEPTANCE], base, names[ACCEPTANCE], FALSE, &step->acceptance);
  read_evidence (r, nodes[EVIDENCE], base, &step->evidence);
  read_command (r, nodes[COMMAND], base, step);

  return g_steal_pointer (&step);
}

static void
read_applies_to (Reader    *r,
                 JsonNode  *node,
                 CwRunbook *runbook)
{
  static const char * const names[] = { "product", "ci_class", NULL };
  JsonNode *nodes[2];

  if (node == NULL)
    return;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      type_error (r, "$", "applies_to", _("expected an object"));
      return;
    }

  collect_members (r, json_node_get_object (node), "$.applies_to", names, 2, 0, nodes);
  read_string (r, nodes[0], "$.applies_to", names[0], FALSE, &runbook->product);
  read_string (r, nodes[1], "$.applies_to", names[1], FALSE, &runbook->ci_class);
}

static void
read_approved_at (Reader    *r,
                  JsonNode  *node,
                  CwRunbook *runbook)
{
  g_autofree char *text = NULL;
  g_autoptr(GTimeZone) utc = NULL;
  g_autoptr(GDateTime) when = NULL;

  if (!read_string (r, node, "$", "approved_at", FALSE, &text) || text == NULL)
    return;

  utc = g_time_zone_new_utc ();
  when = g_date_time_new_from_iso8601 (text, utc);
  if (when == NULL)
    {
      add_error (r, "$.approved_at",
                 _("“%s” is not a date and time; expected one such as “2026-11-02T10:00:00Z”"),
                 text);
      return;
    }

  runbook->approved_at = g_date_time_to_unix (when);
}

/* FALSE when the file is in another version of the format: nothing else
 * in it is worth reporting then. */
static gboolean
check_format (Reader   *r,
              JsonNode *node)
{
  const char *format;

  if (node == NULL)
    {
      add_error (r, "$", _("the member “format” is missing; a runbook file starts with \"format\": \"%s\""),
                 CW_RUNBOOK_JSON_FORMAT);
      return TRUE;
    }

  if (!is_string (node))
    {
      add_error (r, "$.format", _("expected the string “%s”"), CW_RUNBOOK_JSON_FORMAT);
      return TRUE;
    }

  format = json_node_get_string (node);
  if (strcmp (format, CW_RUNBOOK_JSON_FORMAT) == 0)
    return TRUE;

  if (g_str_has_prefix (format, JSON_FORMAT_PREFIX))
    {
      add_error (r, "$.format",
                 _("the file is in format “%s”; this version of Changeward reads “%s”"),
                 format, CW_RUNBOOK_JSON_FORMAT);
      return FALSE;
    }

  add_error (r, "$.format", _("“%s” is not a runbook format; expected “%s”"),
             format, CW_RUNBOOK_JSON_FORMAT);
  return TRUE;
}

static void
read_runbook (Reader     *r,
              JsonObject *object,
              const char *name,
              CwRunbook  *runbook)
{
  static const char * const names[] = {
    "format", "name", "description", "applies_to", "version", "state", "author",
    "approver", "approved_at", "buffer_min", "steps", NULL
  };
  enum { FORMAT, NAME, DESCRIPTION, APPLIES_TO, VERSION, STATE, AUTHOR, APPROVER,
         APPROVED_AT, BUFFER, STEPS, N_NAMES };
  guint required = 1u << STEPS;
  g_autofree char *state = NULL;
  JsonNode *nodes[N_NAMES];

  if (!check_format (r, json_object_get_member (object, "format")))
    return;

  if (name == NULL)
    required |= 1u << NAME;
  collect_members (r, object, "$", names, N_NAMES, required, nodes);

  if (read_string (r, nodes[NAME], "$", names[NAME], TRUE, &runbook->name)
      && name == NULL && runbook->name != NULL && is_blank (runbook->name))
    add_error (r, "$.name", _("the name is empty"));
  if (name != NULL)
    {
      g_free (runbook->name);
      runbook->name = g_strdup (name);
    }

  read_string (r, nodes[DESCRIPTION], "$", names[DESCRIPTION], FALSE, &runbook->description);
  read_applies_to (r, nodes[APPLIES_TO], runbook);
  read_uint (r, nodes[VERSION], "$", names[VERSION], &runbook->version);

  if (read_string (r, nodes[STATE], "$", names[STATE], FALSE, &state) && state != NULL)
    {
      if (strcmp (state, cw_runbook_state_to_string (CW_RUNBOOK_APPROVED)) == 0)
        runbook->state = CW_RUNBOOK_APPROVED;
      else if (strcmp (state, cw_runbook_state_to_string (CW_RUNBOOK_DRAFT)) == 0)
        runbook->state = CW_RUNBOOK_DRAFT;
      else
        add_error (r, "$.state", _("unknown state “%s”; expected one of: draft, approved"), state);
    }

  read_string (r, nodes[AUTHOR], "$", names[AUTHOR], FALSE, &runbook->author);
  read_string (r, nodes[APPROVER], "$", names[APPROVER], FALSE, &runbook->approver);
  read_approved_at (r, nodes[APPROVED_AT], runbook);
  read_uint (r, nodes[BUFFER], "$", names[BUFFER], &runbook->buffer_min);

  if (nodes[STEPS] != NULL && !JSON_NODE_HOLDS_ARRAY (nodes[STEPS]))
    {
      type_error (r, "$", names[STEPS], _("expected an array of steps"));
    }
  else if (nodes[STEPS] != NULL)
    {
      JsonArray *steps = json_node_get_array (nodes[STEPS]);
      guint n = json_array_get_length (steps);

      g_ptr_array_set_size (runbook->steps, 0);
      for (guint i = 0; i < n; i++)
        {
          CwRunbookStep *step = read_step (r, json_array_get_element (steps, i), i);

          if (step != NULL)
            g_ptr_array_add (runbook->steps, step);
        }

      if (n == 0)
        add_error (r, "$.steps", _("the runbook has no steps; a runbook file holds at least one"));
    }
}

static char *
locate_step (const CwRunbook *runbook,
             guint            index,
             gpointer         user_data)
{
  const CwRunbookStep *step = g_ptr_array_index (runbook->steps, index);

  if (step->id != NULL && step->id[0] != '\0')
    /* Translators: a JSON path and the id of the step it stands for */
    return g_strdup_printf (_("$.steps[%u] (“%s”)"), index, step->id);

  return g_strdup_printf ("$.steps[%u]", index);
}

CwRunbook *
cw_runbook_from_json (const char  *data,
                      gssize       length,
                      const char  *name,
                      GError     **error)
{
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(CwRunbook) runbook = NULL;
  g_autoptr(GHashTable) duplicates = NULL;
  Reader r = { errors, NULL };
  JsonNode *root;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  parser = json_parser_new_immutable ();
  root = _cw_runbook_json_parse (parser, data, length, &duplicates, errors);
  if (root == NULL)
    {
      _cw_runbook_io_fail (errors, error);
      return NULL;
    }
  r.duplicates = duplicates;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      add_error (&r, "$", _("expected an object"));
      _cw_runbook_io_fail (errors, error);
      return NULL;
    }

  runbook = cw_runbook_new (NULL);
  read_runbook (&r, json_node_get_object (root), name, runbook);

  if (errors->len == 0)
    _cw_runbook_io_add_problems (runbook, errors, locate_step, NULL, "$.steps");

  if (errors->len > 0)
    {
      _cw_runbook_io_fail (errors, error);
      return NULL;
    }

  return g_steal_pointer (&runbook);
}
