/* cw-ics-import-check.c: what libical finds wrong in a file the importer
 * read without a problem.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-ics"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cw-ics-import-private.h"

/* The property a libical error is about, or NULL. */
static CwIcsProperty *
find_error_property (CwIcsComponent *event,
                     const char     *message)
{
  for (guint i = 0; i < event->properties->len; i++)
    {
      CwIcsProperty *property = g_ptr_array_index (event->properties, i);
      g_autofree char *named = g_strdup_printf (" %s ", property->name);

      if (strstr (message, named) != NULL &&
          (property->value[0] == '\0' || g_str_has_suffix (message, property->value)))
        return property;
    }
  for (guint i = 0; i < event->properties->len; i++)
    {
      CwIcsProperty *property = g_ptr_array_index (event->properties, i);

      if (property->value[0] != '\0' && g_str_has_suffix (message, property->value))
        return property;
    }

  return NULL;
}

static gboolean
has_problem_on (CwIcsImport *import,
                guint        line)
{
  for (guint i = 0; i < import->problems->len; i++)
    if (((CwIcsProblem *) g_ptr_array_index (import->problems, i))->line == line)
      return TRUE;

  return FALSE;
}

static void
collect_libical_events (icalcomponent *component,
                        GPtrArray     *out)
{
  if (icalcomponent_isa (component) == ICAL_VEVENT_COMPONENT)
    {
      g_ptr_array_add (out, component);
      return;
    }
  if (icalcomponent_isa (component) != ICAL_XROOT_COMPONENT &&
      icalcomponent_isa (component) != ICAL_VCALENDAR_COMPONENT)
    return;

  for (icalcomponent *child = icalcomponent_get_first_component (component, ICAL_ANY_COMPONENT);
       child != NULL;
       child = icalcomponent_get_next_component (component, ICAL_ANY_COMPONENT))
    collect_libical_events (child, out);
}

/* libical marks what it cannot read with X-LIC-ERROR properties: values of
 * properties this importer does not read itself. */
void
_cw_ics_check_with_libical (CwIcsImport *import)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new ();
  icalcomponent *root = icalparser_parse_string (import->text);

  if (root == NULL)
    return;

  collect_libical_events (root, events);
  for (guint i = 0; i < events->len && i < import->events->len; i++)
    {
      icalcomponent *event = g_ptr_array_index (events, i);
      CwIcsComponent *ours = g_ptr_array_index (import->events, i);

      for (icalproperty *error = icalcomponent_get_first_property (event, ICAL_XLICERROR_PROPERTY);
           error != NULL;
           error = icalcomponent_get_next_property (event, ICAL_XLICERROR_PROPERTY))
        {
          const char *message = icalproperty_get_xlicerror (error);
          CwIcsProperty *property;
          guint line;

          if (message == NULL)
            continue;
          /* An empty value (Google's "LOCATION:") is allowed: libical
           * only drops it. */
          property = find_error_property (ours, message);
          if (property != NULL && property->value[0] == '\0')
            continue;
          line = property != NULL ? property->line : ours->line;
          if (!has_problem_on (import, line))
            _cw_ics_problems_add (import->problems, line, ours,
                                  _("this line cannot be read: %s"), message);
        }
    }

  icalcomponent_free (root);
}
