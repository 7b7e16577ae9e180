/* cw-calendar-cis.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-calendar-cis"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "cw-calendar-cis.h"
#include "cw-ci-field.h"
#include "cw-inventory-query.h"
#include "cw-inventory.h"
#include "cw-schedule.h"

/* The inventory's full-text search finds candidates for a name; the CI
 * whose name is the one typed (ignoring case) is the one meant. A handful
 * of names, so the search runs on the main thread. */

static gint64
find_by_name (CwStore              *store,
              CwInventorySearcher  *searcher,
              const char           *name,
              GError              **error)
{
  g_autoptr(CwInventoryQuery) query = cw_inventory_query_new ();
  g_autoptr(GArray) ids = NULL;

  cw_inventory_query_set_text (query, name);
  ids = cw_inventory_searcher_run (searcher, query, NULL, error);
  if (ids == NULL)
    return -1;

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, guint32, i);
      g_autoptr(CwCi) ci = cw_inventory_get_ci (store, id, NULL);

      if (ci != NULL && g_ascii_strcasecmp (cw_ci_get_value (ci, CW_CI_FIELD_NAME), name) == 0)
        return id;
    }

  return 0;
}

GArray *
cw_calendar_resolve_cis (CwStore     *store,
                         const char  *text,
                         GError     **error)
{
  g_autoptr(GArray) result = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(CwInventorySearcher) searcher = NULL;
  g_auto(GStrv) names = NULL;

  g_return_val_if_fail (CW_IS_STORE (store), NULL);

  names = g_strsplit (text != NULL ? text : "", ",", -1);
  for (guint i = 0; names[i] != NULL; i++)
    {
      char *name = g_strstrip (names[i]);
      gint64 id;

      if (name[0] == '\0')
        continue;

      if (name[0] == '#' && g_ascii_isdigit (name[1]))
        {
          g_autoptr(CwCi) ci = NULL;

          id = g_ascii_strtoll (name + 1, NULL, 10);
          ci = cw_inventory_get_ci (store, id, NULL);
          if (ci == NULL)
            id = 0;
        }
      else
        {
          if (searcher == NULL)
            searcher = cw_inventory_searcher_new (cw_store_get_path (store));
          id = find_by_name (store, searcher, name, error);
          if (id < 0)
            return NULL;
        }

      if (id == 0)
        {
          /* Translators: %s is a CI name the user typed */
          g_set_error (error, CW_SCHEDULE_ERROR, CW_SCHEDULE_ERROR_UNKNOWN_CI, _("No CI is named “%s”."), name);
          return NULL;
        }
      g_array_append_val (result, id);
    }

  return g_steal_pointer (&result);
}

char *
cw_calendar_dup_ci_names (CwStore      *store,
                          const GArray *ids)
{
  GString *names = g_string_new (NULL);

  g_return_val_if_fail (CW_IS_STORE (store), NULL);

  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(CwCi) ci = cw_inventory_get_ci (store, id, NULL);

      if (names->len > 0)
        g_string_append (names, ", ");
      if (ci != NULL)
        g_string_append (names, cw_ci_get_value (ci, CW_CI_FIELD_NAME));
      else
        g_string_append_printf (names, "#%" G_GINT64_FORMAT, id);
    }

  return g_string_free (names, FALSE);
}
