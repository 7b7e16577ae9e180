/* cw-ics-lines.c: the structure of an iCalendar file, line by line.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-ics"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cw-ics-private.h"

/* RFC 5545 §3.1: content lines end in CRLF (LF alone is taken too), and a
 * line that begins with a space or a tab continues the one before. Each
 * logical line keeps the number of the physical line it starts on, which is
 * what every message names. */

G_DEFINE_QUARK (cw-ics-error-quark, cw_ics_error)

/* ---- problems -------------------------------------------------------------- */

static void
problem_free (CwIcsProblem *problem)
{
  g_free (problem->text);
  g_free (problem);
}

GPtrArray *
_cw_ics_problems_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);
}

void
_cw_ics_problems_add_text (GPtrArray      *problems,
                           guint           line,
                           CwIcsComponent *component,
                           const char     *text)
{
  CwIcsProblem *problem = g_new0 (CwIcsProblem, 1);

  problem->line = line;
  if (component != NULL)
    {
      g_autofree char *what = _cw_ics_describe (component);

      /* Translators: "line 14 (VEVENT “Sunday window”): DTSTART ... is not a valid date" */
      problem->text = g_strdup_printf (_("line %u (%s): %s"), line, what, text);
    }
  else
    {
      /* Translators: "line 3: ..." */
      problem->text = g_strdup_printf (_("line %u: %s"), line, text);
    }

  g_ptr_array_add (problems, problem);
}

void
_cw_ics_problems_add (GPtrArray      *problems,
                      guint           line,
                      CwIcsComponent *component,
                      const char     *format,
                      ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  _cw_ics_problems_add_text (problems, line, component, text);
}

static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const CwIcsProblem *pa = *(const CwIcsProblem * const *) a;
  const CwIcsProblem *pb = *(const CwIcsProblem * const *) b;

  return (pa->line > pb->line) - (pa->line < pb->line);
}

gboolean
_cw_ics_problems_check (GPtrArray  *problems,
                        GError    **error)
{
  g_autoptr(GString) text = NULL;

  if (problems->len == 0)
    return TRUE;

  /* Stable: problems of one line stay in the order they were found. */
  g_ptr_array_sort (problems, compare_problems);

  text = g_string_new (NULL);
  for (guint i = 0; i < problems->len; i++)
    {
      const CwIcsProblem *problem = g_ptr_array_index (problems, i);

      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, problem->text);
    }

  g_set_error_literal (error, CW_ICS_ERROR, CW_ICS_ERROR_INVALID, text->str);
  return FALSE;
}

/* ---- components ------------------------------------------------------------ */

static void
param_free (CwIcsParam *param)
{
  g_free (param->name);
  g_free (param->value);
  g_free (param);
}

static void
property_free (CwIcsProperty *property)
{
  g_free (property->name);
  g_ptr_array_unref (property->params);
  g_free (property->value);
  g_free (property);
}

static CwIcsComponent *
component_new (const char     *name,
               guint           line,
               CwIcsComponent *parent)
{
  CwIcsComponent *component = g_new0 (CwIcsComponent, 1);

  component->name = g_ascii_strup (name, -1);
  component->line = line;
  component->properties = g_ptr_array_new_with_free_func ((GDestroyNotify) property_free);
  component->children = g_ptr_array_new_with_free_func ((GDestroyNotify) _cw_ics_component_free);
  component->parent = parent;

  return component;
}

void
_cw_ics_component_free (CwIcsComponent *component)
{
  if (component == NULL)
    return;

  g_free (component->name);
  g_ptr_array_unref (component->properties);
  g_ptr_array_unref (component->children);
  g_free (component);
}

CwIcsProperty *
_cw_ics_component_get (CwIcsComponent *component,
                       const char     *name)
{
  for (guint i = 0; i < component->properties->len; i++)
    {
      CwIcsProperty *property = g_ptr_array_index (component->properties, i);

      if (g_str_equal (property->name, name))
        return property;
    }

  return NULL;
}

const char *
_cw_ics_property_get_param (CwIcsProperty *property,
                            const char    *name)
{
  for (guint i = 0; i < property->params->len; i++)
    {
      CwIcsParam *param = g_ptr_array_index (property->params, i);

      if (g_str_equal (param->name, name))
        return param->value;
    }

  return NULL;
}

char *
_cw_ics_unescape_text (const char *value)
{
  GString *out = g_string_sized_new (strlen (value));

  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p != '\\' || p[1] == '\0')
        {
          g_string_append_c (out, *p);
          continue;
        }

      p++;
      if (*p == 'n' || *p == 'N')
        g_string_append_c (out, '\n');
      else
        g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

char *
_cw_ics_describe (CwIcsComponent *component)
{
  CwIcsProperty *summary = _cw_ics_component_get (component, "SUMMARY");
  CwIcsProperty *uid = _cw_ics_component_get (component, "UID");
  g_autofree char *text = NULL;

  if (summary != NULL && summary->value[0] != '\0')
    text = _cw_ics_unescape_text (summary->value);
  else if (uid != NULL && uid->value[0] != '\0')
    text = _cw_ics_unescape_text (uid->value);
  else
    return g_strdup (component->name);

  return g_strdup_printf ("%s “%s”", component->name, text);
}

static void
append_param_value (GString    *out,
                    const char *value)
{
  if (strpbrk (value, ":;,") != NULL)
    g_string_append_printf (out, "\"%s\"", value);
  else
    g_string_append (out, value);
}

void
_cw_ics_component_append_text (CwIcsComponent *component,
                               GString        *out)
{
  g_string_append_printf (out, "BEGIN:%s\r\n", component->name);
  for (guint i = 0; i < component->properties->len; i++)
    {
      CwIcsProperty *property = g_ptr_array_index (component->properties, i);

      g_string_append (out, property->name);
      for (guint j = 0; j < property->params->len; j++)
        {
          CwIcsParam *param = g_ptr_array_index (property->params, j);

          g_string_append_printf (out, ";%s=", param->name);
          append_param_value (out, param->value);
        }
      g_string_append_printf (out, ":%s\r\n", property->value);
    }
  for (guint i = 0; i < component->children->len; i++)
    _cw_ics_component_append_text (g_ptr_array_index (component->children, i), out);
  g_string_append_printf (out, "END:%s\r\n", component->name);
}

/* ---- content lines --------------------------------------------------------- */

static gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '-';
}

/* NAME *(";" param) ":" value; FALSE when @line is not one. */
static CwIcsProperty *
parse_content_line (const char *line,
                    guint       number)
{
  g_autoptr(GPtrArray) params = g_ptr_array_new_with_free_func ((GDestroyNotify) param_free);
  const char *p = line;
  const char *name_end;
  CwIcsProperty *property;

  while (is_name_char (*p))
    p++;
  if (p == line)
    return NULL;
  name_end = p;

  while (*p == ';')
    {
      const char *start = ++p;
      g_autofree char *param_name = NULL;
      g_autoptr(GString) value = g_string_new (NULL);
      CwIcsParam *param;

      while (is_name_char (*p))
        p++;
      if (p == start || *p != '=')
        return NULL;
      param_name = g_ascii_strup (start, p - start);
      p++;

      /* A list of values, each quoted or not; kept as one, commas and all. */
      for (;;)
        {
          if (*p == '"')
            {
              const char *close = strchr (p + 1, '"');

              if (close == NULL)
                return NULL;
              g_string_append_len (value, p + 1, close - p - 1);
              p = close + 1;
            }
          else
            {
              const char *stop = p + strcspn (p, ";:,\"");

              g_string_append_len (value, p, stop - p);
              p = stop;
            }
          if (*p != ',')
            break;
          g_string_append_c (value, ',');
          p++;
        }

      param = g_new0 (CwIcsParam, 1);
      param->name = g_steal_pointer (&param_name);
      param->value = g_string_free (g_steal_pointer (&value), FALSE);
      g_ptr_array_add (params, param);
    }

  if (*p != ':')
    return NULL;

  property = g_new0 (CwIcsProperty, 1);
  property->name = g_ascii_strup (line, name_end - line);
  property->params = g_steal_pointer (&params);
  property->value = g_strdup (p + 1);
  property->line = number;

  return property;
}

typedef struct
{
  char  *text;
  guint  line;
} LogicalLine;

static void
logical_line_clear (LogicalLine *line)
{
  g_free (line->text);
}

/* Unfolds the text into logical lines, each with its first physical line.
 * Blank lines are dropped. A file without a LF ends its lines in CR alone
 * (as the classic Mac OS wrote). */
static GArray *
unfold (const char *text,
        gsize       length)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (LogicalLine));
  GString *current = NULL;
  guint current_line = 0;
  guint number = 0;
  const char *p = text;
  const char *end = text + length;
  char line_end = memchr (text, '\n', length) == NULL ? '\r' : '\n';

  g_array_set_clear_func (lines, (GDestroyNotify) logical_line_clear);

  while (p < end)
    {
      const char *eol = memchr (p, line_end, end - p);
      const char *next = eol != NULL ? eol + 1 : end;
      gsize size = (eol != NULL ? eol : end) - p;

      number++;
      if (size > 0 && p[size - 1] == '\r')
        size--;

      if ((p[0] == ' ' || p[0] == '\t') && size > 0 && current != NULL)
        {
          g_string_append_len (current, p + 1, size - 1);
        }
      else
        {
          if (current != NULL)
            {
              LogicalLine line = { g_string_free (current, FALSE), current_line };

              g_array_append_val (lines, line);
              current = NULL;
            }
          if (size > 0 && strspn (p, " \t") < size)
            {
              current = g_string_new_len (p, size);
              current_line = number;
            }
        }
      p = next;
    }

  if (current != NULL)
    {
      LogicalLine line = { g_string_free (current, FALSE), current_line };

      g_array_append_val (lines, line);
    }

  return lines;
}

static char *
shorten (const char *text)
{
  g_autofree char *start = NULL;

  if (g_utf8_strlen (text, -1) <= 40)
    return g_strdup (text);

  start = g_utf8_substring (text, 0, 40);
  return g_strconcat (start, "…", NULL);
}

static gboolean
set_not_calendar (GError     **error,
                  const char  *message)
{
  g_set_error_literal (error, CW_ICS_ERROR, CW_ICS_ERROR_NOT_CALENDAR, message);
  return FALSE;
}

GPtrArray *
_cw_ics_scan (const char  *text,
              gsize        length,
              GError     **error)
{
  g_autoptr(GPtrArray) calendars = g_ptr_array_new_with_free_func ((GDestroyNotify) _cw_ics_component_free);
  g_autoptr(GPtrArray) problems = _cw_ics_problems_new ();
  g_autoptr(GArray) lines = NULL;
  CwIcsComponent *current = NULL;

  if (length >= 3 && memcmp (text, "\xef\xbb\xbf", 3) == 0)
    {
      text += 3;
      length -= 3;
    }

  /* UTF-8 is checked once unfolded: a simple writer may fold in the middle
   * of a character (RFC 5545 §3.1). */
  lines = unfold (text, length);
  if (lines->len == 0)
    {
      set_not_calendar (error, _("The file is empty: an iCalendar file begins with "
                                 "BEGIN:VCALENDAR."));
      return NULL;
    }

  {
    const LogicalLine *first = &g_array_index (lines, LogicalLine, 0);

    if (!g_utf8_validate (first->text, -1, NULL))
      {
        set_not_calendar (error, _("This is not an iCalendar file: it is not UTF-8 text."));
        return NULL;
      }
    if (g_ascii_strcasecmp (g_strstrip (first->text), "BEGIN:VCALENDAR") != 0)
      {
        set_not_calendar (error, _("This is not an iCalendar file: it does not begin with "
                                   "BEGIN:VCALENDAR."));
        return NULL;
      }
  }

  for (guint i = 0; i < lines->len; i++)
    {
      const LogicalLine *line = &g_array_index (lines, LogicalLine, i);
      CwIcsProperty *property = NULL;
      g_autofree char *short_text = NULL;

      /* A calendar program saving in Windows-1252 or Latin-1: the line,
       * and its event, are named. */
      if (!g_utf8_validate (line->text, -1, NULL))
        {
          _cw_ics_problems_add (problems, line->line, current,
                                _("the line is not UTF-8 text; save the file as UTF-8 "
                                  "(Unicode) and import it again"));
          continue;
        }

      property = parse_content_line (line->text, line->line);
      if (property == NULL)
        {
          short_text = shorten (line->text);
          _cw_ics_problems_add (problems, line->line, current,
                                _("“%s” is not a content line of the form NAME:value"),
                                short_text);
          continue;
        }

      if (g_str_equal (property->name, "BEGIN"))
        {
          g_autofree char *kind = g_ascii_strup (g_strstrip (property->value), -1);
          CwIcsComponent *component;

          if (current == NULL && !g_str_equal (kind, "VCALENDAR"))
            _cw_ics_problems_add (problems, line->line, NULL,
                                  _("BEGIN:%s is outside the calendar (BEGIN:VCALENDAR)"), kind);
          else if (kind[0] == '\0')
            _cw_ics_problems_add (problems, line->line, current,
                                  _("BEGIN has no component name"));

          component = component_new (kind, line->line, current);
          if (current != NULL)
            g_ptr_array_add (current->children, component);
          else
            g_ptr_array_add (calendars, component);
          current = component;
          g_clear_pointer (&property, property_free);
          continue;
        }

      if (g_str_equal (property->name, "END"))
        {
          g_autofree char *kind = g_ascii_strup (g_strstrip (property->value), -1);

          if (current == NULL)
            _cw_ics_problems_add (problems, line->line, NULL,
                                  _("END:%s ends nothing: no component is open"), kind);
          else if (!g_str_equal (kind, current->name))
            {
              /* Translators: END:VCALENDAR where END:VEVENT was due */
              _cw_ics_problems_add (problems, line->line, current,
                                    _("END:%s where END:%s of the BEGIN on line %u was due"),
                                    kind, current->name, current->line);
              /* An END of an outer component closes the inner ones too:
               * one problem, not one per line after it. */
              for (CwIcsComponent *outer = current->parent; outer != NULL; outer = outer->parent)
                if (g_str_equal (outer->name, kind))
                  {
                    current = outer->parent;
                    break;
                  }
            }
          else
            current = current->parent;
          g_clear_pointer (&property, property_free);
          continue;
        }

      if (current == NULL)
        {
          short_text = shorten (line->text);
          _cw_ics_problems_add (problems, line->line, NULL,
                                _("“%s” is outside the calendar (after END:VCALENDAR)"),
                                short_text);
          property_free (property);
          continue;
        }

      g_ptr_array_add (current->properties, property);
    }

  for (; current != NULL; current = current->parent)
    _cw_ics_problems_add (problems, current->line, current,
                          _("the component never ends: END:%s is missing"), current->name);

  if (!_cw_ics_problems_check (problems, error))
    return NULL;

  return g_steal_pointer (&calendars);
}

/* ---- dates ----------------------------------------------------------------- */

static gboolean
digits (const char *p,
        guint       n,
        int        *value)
{
  int v = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (p[i]))
        return FALSE;
      v = v * 10 + (p[i] - '0');
    }
  *value = v;

  return TRUE;
}

static gboolean
date_exists (int year,
             int month,
             int day)
{
  return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 &&
         day <= g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year);
}

gboolean
_cw_ics_parse_time (const char  *name,
                    const char  *value,
                    int          want_date,
                    CwIcsTime   *time,
                    char       **message)
{
  gsize length = strlen (value);
  int year, month, day, hour = 0, minute = 0, second = 0;
  gboolean ok = FALSE;

  memset (time, 0, sizeof *time);
  if (want_date != 0 && length == 8)
    {
      ok = digits (value, 4, &year) && digits (value + 4, 2, &month) &&
           digits (value + 6, 2, &day) && date_exists (year, month, day);
      time->is_date = TRUE;
    }
  else if (want_date != 1 && (length == 15 || (length == 16 && value[15] == 'Z')) &&
           value[8] == 'T')
    {
      /* A leap second (60) is read as the second before. */
      ok = digits (value, 4, &year) && digits (value + 4, 2, &month) &&
           digits (value + 6, 2, &day) && date_exists (year, month, day) &&
           digits (value + 9, 2, &hour) && digits (value + 11, 2, &minute) &&
           digits (value + 13, 2, &second) && hour <= 23 && minute <= 59 && second <= 60;
      second = MIN (second, 59);
      time->utc = length == 16;
    }

  if (!ok)
    {
      if (want_date == 1 || (want_date == -1 && strchr (value, 'T') == NULL))
        /* Translators: DTSTART “20261301” is not a valid date */
        *message = g_strdup_printf (_("%s “%s” is not a valid date"), name, value);
      else
        /* Translators: DTSTART “20260101T250000” is not a valid date and time */
        *message = g_strdup_printf (_("%s “%s” is not a valid date and time"), name, value);
      return FALSE;
    }

  time->local = _cw_local_from_fields (year, month, day, hour, minute, second);
  return TRUE;
}
