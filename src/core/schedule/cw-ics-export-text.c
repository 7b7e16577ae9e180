/* cw-ics-export-text.c: the DESCRIPTION of each exported event, for the
 * people who read it in their calendar program.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-ics"

#include "config.h"

#include <glib/gi18n.h>

#include "cw-ics-private.h"
#include "cw-store-private.h"

GStrv
_cw_ics_ci_names (CwStore  *store,
                  GArray   *ci_ids,
                  GError  **error)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  sqlite3_stmt *stmt;

  stmt = _cw_schedule_prepare (store, "SELECT name FROM cis WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;

  for (guint i = 0; i < ci_ids->len; i++)
    {
      gint64 id = g_array_index (ci_ids, gint64, i);
      int rc;

      sqlite3_bind_int64 (stmt, 1, id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        g_strv_builder_add (names, (const char *) sqlite3_column_text (stmt, 0));
      else if (rc == SQLITE_DONE)
        {
          /* Translators: a CI that was deleted, by its id */
          g_autofree char *gone = g_strdup_printf (_("CI #%lld"), (long long) id);

          g_strv_builder_add (names, gone);
        }
      else
        {
          cw_store_set_sql_error (error, cw_store_get_handle (store), rc,
                                  _("Could not read the CIs"));
          sqlite3_finalize (stmt);
          return NULL;
        }
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);

  return g_strv_builder_end (names);
}

static char *
join (const char * const *strv)
{
  return g_strjoinv (", ", (char **) strv);
}

/* "Scope: Sites: FRA1, LON2 · Classes: switch · CIs: sw-fra1-0001" */
static gboolean
append_scope (GString        *out,
              CwStore        *store,
              const CwScope  *scope,
              GError        **error)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (scope->everything)
    g_ptr_array_add (parts, g_strdup (_("everything")));
  if (scope->sites != NULL && scope->sites[0] != NULL)
    {
      g_autofree char *sites = join ((const char * const *) scope->sites);

      g_ptr_array_add (parts, g_strdup_printf (_("Sites: %s"), sites));
    }
  if (scope->classes != NULL && scope->classes[0] != NULL)
    {
      g_autofree char *classes = join ((const char * const *) scope->classes);

      g_ptr_array_add (parts, g_strdup_printf (_("Classes: %s"), classes));
    }
  if (scope->ci_ids->len > 0)
    {
      g_auto(GStrv) names = _cw_ics_ci_names (store, scope->ci_ids, error);
      g_autofree char *list = NULL;

      if (names == NULL)
        return FALSE;
      list = join ((const char * const *) names);
      g_ptr_array_add (parts, g_strdup_printf (_("CIs: %s"), list));
    }
  g_ptr_array_add (parts, NULL);

  {
    g_autofree char *text = g_strjoinv (" · ", (char **) parts->pdata);

    g_string_append_printf (out, _("Scope: %s"), text);
    g_string_append_c (out, '\n');
  }

  return TRUE;
}

static char *
finish (GString    *out,
        const char *notes)
{
  if (notes != NULL && notes[0] != '\0')
    g_string_append_printf (out, "\n%s", notes);
  else if (out->len > 0 && out->str[out->len - 1] == '\n')
    g_string_truncate (out, out->len - 1);

  return g_string_free (out, FALSE);
}

char *
_cw_ics_describe_window (CwStore         *store,
                         const CwMaintWindow  *window,
                         GError         **error)
{
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, ngettext ("Maintenance window of %u minute",
                                         "Maintenance window of %u minutes",
                                         window->duration_min),
                          window->duration_min);
  g_string_append_c (out, '\n');
  if (!append_scope (out, store, window->scope, error))
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  g_string_append_printf (out, _("Time zone: %s"), window->tzid);
  g_string_append_c (out, '\n');
  if (window->max_concurrent > 0)
    {
      g_string_append_printf (out, ngettext ("At most %u planned work at once",
                                             "At most %u planned works at once",
                                             window->max_concurrent),
                              window->max_concurrent);
      g_string_append_c (out, '\n');
    }

  return finish (out, window->description);
}

char *
_cw_ics_describe_blackout (CwStore           *store,
                           const CwBlackout  *blackout,
                           GError           **error)
{
  GString *out = g_string_new (NULL);

  switch (blackout->mode)
    {
    case CW_BLACKOUT_BLOCK:
      g_string_append (out, _("Mode: block (planned work inside it is an error)"));
      break;
    case CW_BLACKOUT_WARN:
      g_string_append (out, _("Mode: warn (planned work inside it is a warning)"));
      break;
    default:
      g_assert_not_reached ();
    }
  g_string_append_c (out, '\n');
  if (!append_scope (out, store, blackout->scope, error))
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  if (blackout->reason != NULL && blackout->reason[0] != '\0')
    {
      g_string_append_printf (out, _("Reason: %s"), blackout->reason);
      g_string_append_c (out, '\n');
    }

  return finish (out, NULL);
}

char *
_cw_ics_describe_work (CwStore              *store,
                       const CwPlannedWork  *work,
                       GError              **error)
{
  GString *out = g_string_new (NULL);
  g_auto(GStrv) names = _cw_ics_ci_names (store, work->ci_ids, error);

  if (names == NULL)
    {
      g_string_free (out, TRUE);
      return NULL;
    }

  {
    g_autofree char *list = join ((const char * const *) names);

    g_string_append_printf (out, _("CIs: %s"), list);
    g_string_append_c (out, '\n');
  }

  if (work->runbook_name != NULL && work->runbook_version > 0)
    g_string_append_printf (out, _("Runbook: %s, version %u"), work->runbook_name,
                            work->runbook_version);
  else if (work->runbook_name != NULL)
    g_string_append_printf (out, _("Runbook: %s, latest version"), work->runbook_name);
  else
    g_string_append (out, _("Runbook: none"));
  g_string_append_c (out, '\n');

  if (work->assignee != NULL && work->assignee[0] != '\0')
    {
      g_string_append_printf (out, _("Assignee: %s"), work->assignee);
      g_string_append_c (out, '\n');
    }

  return finish (out, work->description);
}
