/* cw-calendar-editor-fields.c: the editor's form: rows made from the kind,
 * read back by key, times and numbers parsed, zones and scopes.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-calendar-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#include <stdlib.h>

#include "cw-calendar-cis.h"
#include "cw-calendar-editor-private.h"
#include "cw-inventory.h"
#include "cw-runbook-store.h"

void
_cw_calendar_editor_set_error (CwCalendarEditor *self,
                               const char       *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

GtkWidget *
_cw_calendar_editor_add_entry (CwCalendarEditor *self,
                               const char       *key,
                               const char       *title,
                               const char       *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  gtk_list_box_append (self->form_list, row);
  g_hash_table_insert (self->rows, g_strdup (key), row);

  return row;
}

/* @labels and @keys have the same length. */
GtkWidget *
_cw_calendar_editor_add_choice (CwCalendarEditor   *self,
                                const char         *key,
                                const char         *title,
                                const char * const *labels,
                                const char * const *keys)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (labels);
  GtkWidget *row = adw_combo_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  g_object_set_data_full (G_OBJECT (row), "cw-keys", g_strdupv ((char **) keys), (GDestroyNotify) g_strfreev);
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (_cw_calendar_editor_update_rows), self, G_CONNECT_SWAPPED);
  gtk_list_box_append (self->form_list, row);
  g_hash_table_insert (self->rows, g_strdup (key), row);

  return row;
}

char *
_cw_calendar_editor_get_field (CwCalendarEditor *self,
                               const char       *key)
{
  GtkWidget *row = g_hash_table_lookup (self->rows, key);

  if (row == NULL)
    return g_strdup ("");

  if (ADW_IS_COMBO_ROW (row))
    {
      const char * const *keys = g_object_get_data (G_OBJECT (row), "cw-keys");
      guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (row));

      if (keys == NULL || selected >= g_strv_length ((char **) keys))
        return g_strdup ("");
      return g_strdup (keys[selected]);
    }

  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

gboolean
_cw_calendar_editor_set_field (CwCalendarEditor *self,
                               const char       *key,
                               const char       *value)
{
  GtkWidget *row = g_hash_table_lookup (self->rows, key);

  if (row == NULL)
    return FALSE;

  if (ADW_IS_COMBO_ROW (row))
    {
      const char * const *keys = g_object_get_data (G_OBJECT (row), "cw-keys");
      GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (row));

      for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
        {
          const char *label = gtk_string_list_get_string (GTK_STRING_LIST (model), i);

          if (g_strcmp0 (keys[i], value) == 0 || g_strcmp0 (label, value) == 0)
            {
              adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
              return TRUE;
            }
        }
      return FALSE;
    }

  gtk_editable_set_text (GTK_EDITABLE (row), value != NULL ? value : "");
  return TRUE;
}

static void
show_row (CwCalendarEditor *self,
          const char       *key,
          gboolean          visible)
{
  GtkWidget *row = g_hash_table_lookup (self->rows, key);

  if (row != NULL)
    gtk_widget_set_visible (row, visible);
}

char *
_cw_calendar_editor_local_text (gint64      instant,
                                const char *tzid)
{
  g_autofree char *local = cw_schedule_utc_to_local (instant, tzid);

  /* "YYYY-MM-DDTHH:MM:SS" shown as "YYYY-MM-DD HH:MM". */
  if (local != NULL && strlen (local) >= 16)
    {
      local[10] = ' ';
      local[16] = '\0';
    }
  return g_steal_pointer (&local);
}

gboolean
_cw_calendar_editor_parse_local (CwCalendarEditor  *self,
                                 const char        *key,
                                 const char        *label,
                                 const char        *tzid,
                                 gint64            *instant,
                                 GError           **error)
{
  g_autofree char *text = _cw_calendar_editor_get_field (self, key);
  g_autoptr(GError) local_error = NULL;

  if (cw_schedule_local_to_utc (text, tzid, instant, &local_error))
    return TRUE;

  /* Translators: a form field's label, then why its value is refused */
  g_set_error (error, CW_SCHEDULE_ERROR, CW_SCHEDULE_ERROR_INVALID_INPUT, _("%s: %s"), label,
               local_error->message);
  return FALSE;
}

gboolean
_cw_calendar_editor_parse_count (CwCalendarEditor  *self,
                                 const char        *key,
                                 const char        *label,
                                 guint             *value,
                                 GError           **error)
{
  g_autofree char *text = _cw_calendar_editor_get_field (self, key);
  char *end = NULL;
  guint64 n;

  *value = 0;
  if (text[0] == '\0')
    return TRUE;

  n = g_ascii_strtoull (text, &end, 10);
  if (end == NULL || *end != '\0' || n > G_MAXUINT)
    {
      /* Translators: %s is a form field's label */
      g_set_error (error, CW_SCHEDULE_ERROR, CW_SCHEDULE_ERROR_INVALID_INPUT, _("%s: not a whole number"), label);
      return FALSE;
    }

  *value = (guint) n;
  return TRUE;
}

/* Zones offered: the calendar's, UTC, then the sites'; anything else is
 * typed in as an IANA name. */
void
_cw_calendar_editor_add_zone_rows (CwCalendarEditor *self,
                                   const char       *current)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) sites = cw_inventory_list_sites (self->store, NULL);
  GtkWidget *row;

  g_ptr_array_add (labels, g_strdup (self->tzid));
  g_ptr_array_add (keys, g_strdup (self->tzid));
  if (g_strcmp0 (self->tzid, "UTC") != 0)
    {
      g_ptr_array_add (labels, g_strdup ("UTC"));
      g_ptr_array_add (keys, g_strdup ("UTC"));
    }
  for (guint i = 0; sites != NULL && i < sites->len; i++)
    {
      CwSite *site = g_ptr_array_index (sites, i);
      gboolean seen = FALSE;

      for (guint j = 0; j < keys->len; j++)
        seen |= g_strcmp0 (g_ptr_array_index (keys, j), site->time_zone) == 0;
      if (seen || site->time_zone == NULL)
        continue;
      g_ptr_array_add (labels, g_strdup_printf ("%s (%s)", site->time_zone, site->code));
      g_ptr_array_add (keys, g_strdup (site->time_zone));
    }
  g_ptr_array_add (labels, g_strdup (_("Other…")));
  g_ptr_array_add (keys, g_strdup ("other"));
  g_ptr_array_add (labels, NULL);
  g_ptr_array_add (keys, NULL);

  row = _cw_calendar_editor_add_choice (self, "zone-choice", _("_Time Zone"),
                    (const char * const *) labels->pdata, (const char * const *) keys->pdata);
  _cw_calendar_editor_add_entry (self, "zone-other", _("IANA Time Zone"), NULL);
  if (current != NULL && !_cw_calendar_editor_set_field (self, "zone-choice", current))
    {
      _cw_calendar_editor_set_field (self, "zone-choice", "other");
      _cw_calendar_editor_set_field (self, "zone-other", current);
    }
  (void) row;
}

char *
_cw_calendar_editor_get_zone (CwCalendarEditor *self)
{
  g_autofree char *choice = _cw_calendar_editor_get_field (self, "zone-choice");

  if (g_str_equal (choice, "other"))
    return _cw_calendar_editor_get_field (self, "zone-other");
  return g_steal_pointer (&choice);
}

void
_cw_calendar_editor_add_scope_rows (CwCalendarEditor *self,
                                    const CwScope    *scope)
{
  static const char * const labels[] = { N_("Everything"), N_("Sites"), N_("CI Classes"), N_("CIs"), NULL };
  static const char * const keys[] = { "everything", "sites", "classes", "cis", NULL };
  const char *translated[G_N_ELEMENTS (labels)];
  g_autofree char *text = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    translated[i] = labels[i] != NULL ? _(labels[i]) : NULL;

  _cw_calendar_editor_add_choice (self, "scope-kind", _("_Applies To"), translated, keys);
  _cw_calendar_editor_add_entry (self, "scope", _("Sites, Classes or CIs, Comma-Separated"), NULL);

  if (scope == NULL || scope->everything)
    return;

  if (scope->sites != NULL)
    {
      _cw_calendar_editor_set_field (self, "scope-kind", "sites");
      text = g_strjoinv (", ", scope->sites);
    }
  else if (scope->classes != NULL)
    {
      _cw_calendar_editor_set_field (self, "scope-kind", "classes");
      text = g_strjoinv (", ", scope->classes);
    }
  else
    {
      _cw_calendar_editor_set_field (self, "scope-kind", "cis");
      text = cw_calendar_dup_ci_names (self->store, scope->ci_ids);
    }
  _cw_calendar_editor_set_field (self, "scope", text);
}

CwScope *
_cw_calendar_editor_get_scope (CwCalendarEditor  *self,
                               GError           **error)
{
  g_autofree char *kind = _cw_calendar_editor_get_field (self, "scope-kind");
  g_autofree char *text = _cw_calendar_editor_get_field (self, "scope");
  g_autoptr(CwScope) scope = NULL;
  g_auto(GStrv) parts = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (g_str_equal (kind, "everything"))
    return cw_scope_new_everything ();

  scope = cw_scope_new ();
  if (g_str_equal (kind, "cis"))
    {
      g_autoptr(GArray) ids = cw_calendar_resolve_cis (self->store, text, error);

      if (ids == NULL)
        return NULL;
      g_array_append_vals (scope->ci_ids, ids->data, ids->len);
      return g_steal_pointer (&scope);
    }

  parts = g_strsplit (text, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (g_strstrip (parts[i])[0] != '\0')
      g_strv_builder_add (builder, parts[i]);
  if (g_str_equal (kind, "sites"))
    scope->sites = g_strv_builder_end (builder);
  else
    scope->classes = g_strv_builder_end (builder);

  return g_steal_pointer (&scope);
}

/* Rows shown by the choices made */

void
_cw_calendar_editor_update_rows (CwCalendarEditor *self)
{
  g_autofree char *repeat = _cw_calendar_editor_get_field (self, "repeat");
  g_autofree char *zone = _cw_calendar_editor_get_field (self, "zone-choice");
  g_autofree char *scope = _cw_calendar_editor_get_field (self, "scope-kind");

  show_row (self, "rrule", g_str_equal (repeat, "custom"));
  show_row (self, "until", repeat[0] != '\0' && !g_str_equal (repeat, "none"));
  show_row (self, "count", repeat[0] != '\0' && !g_str_equal (repeat, "none"));
  show_row (self, "zone-other", g_str_equal (zone, "other"));
  show_row (self, "scope", scope[0] != '\0' && !g_str_equal (scope, "everything"));
}
