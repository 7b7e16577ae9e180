/* cw-calendar-editor.c
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
#include "cw-calendar-editor.h"
#include "cw-inventory.h"
#include "cw-runbook-store.h"

/* One form for the three kinds, like the compatibility editor: rows made
 * in code from the kind, read back by key. Times are typed in a zone (the
 * window's or blackout's own, the calendar's for planned work) and turned
 * into instants by core. What core refuses is said under the form, in its
 * words, and the dialog stays open. */

struct _CwCalendarEditor
{
  AdwWindow           parent_instance;

  /* Template widgets */
  GtkLabel           *error_label;
  GtkListBox         *form_list;
  GtkLabel           *intro_label;
  GtkButton          *save_button;
  AdwWindowTitle     *window_title;

  /* Owned */
  CwStore            *store;
  GHashTable         *rows;         /* key → AdwEntryRow or AdwComboRow, borrowed */
  char               *error;
  char               *tzid;         /* the calendar's zone, IANA */
  CwCalendarItemKind  kind;
  gint64              id;
};

G_DEFINE_FINAL_TYPE (CwCalendarEditor, cw_calendar_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Form helpers */

static void
set_error (CwCalendarEditor *self,
           const char       *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static GtkWidget *
add_entry (CwCalendarEditor *self,
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

static void on_repeat_changed_cb (CwCalendarEditor *self);

/* @labels and @keys have the same length. */
static GtkWidget *
add_choice (CwCalendarEditor   *self,
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
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_repeat_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_list_box_append (self->form_list, row);
  g_hash_table_insert (self->rows, g_strdup (key), row);

  return row;
}

static char *
get_field (CwCalendarEditor *self,
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

static gboolean
set_field (CwCalendarEditor *self,
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

static char *
local_text (gint64      instant,
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

static gboolean
parse_local (CwCalendarEditor  *self,
             const char        *key,
             const char        *label,
             const char        *tzid,
             gint64            *instant,
             GError           **error)
{
  g_autofree char *text = get_field (self, key);
  g_autoptr(GError) local_error = NULL;

  if (cw_schedule_local_to_utc (text, tzid, instant, &local_error))
    return TRUE;

  /* Translators: a form field's label, then why its value is refused */
  g_set_error (error, CW_SCHEDULE_ERROR, CW_SCHEDULE_ERROR_INVALID_INPUT, _("%s: %s"), label,
               local_error->message);
  return FALSE;
}

static gboolean
parse_count (CwCalendarEditor  *self,
             const char        *key,
             const char        *label,
             guint             *value,
             GError           **error)
{
  g_autofree char *text = get_field (self, key);
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
static void
add_zone_rows (CwCalendarEditor *self,
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

  row = add_choice (self, "zone-choice", _("_Time Zone"),
                    (const char * const *) labels->pdata, (const char * const *) keys->pdata);
  add_entry (self, "zone-other", _("IANA Time Zone"), NULL);
  if (current != NULL && !set_field (self, "zone-choice", current))
    {
      set_field (self, "zone-choice", "other");
      set_field (self, "zone-other", current);
    }
  (void) row;
}

static char *
get_zone (CwCalendarEditor *self)
{
  g_autofree char *choice = get_field (self, "zone-choice");

  if (g_str_equal (choice, "other"))
    return get_field (self, "zone-other");
  return g_steal_pointer (&choice);
}

static void
add_scope_rows (CwCalendarEditor *self,
                const CwScope    *scope)
{
  static const char * const labels[] = { N_("Everything"), N_("Sites"), N_("CI Classes"), N_("CIs"), NULL };
  static const char * const keys[] = { "everything", "sites", "classes", "cis", NULL };
  const char *translated[G_N_ELEMENTS (labels)];
  g_autofree char *text = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    translated[i] = labels[i] != NULL ? _(labels[i]) : NULL;

  add_choice (self, "scope-kind", _("_Applies To"), translated, keys);
  add_entry (self, "scope", _("Sites, Classes or CIs, Comma-Separated"), NULL);

  if (scope == NULL || scope->everything)
    return;

  if (scope->sites != NULL)
    {
      set_field (self, "scope-kind", "sites");
      text = g_strjoinv (", ", scope->sites);
    }
  else if (scope->classes != NULL)
    {
      set_field (self, "scope-kind", "classes");
      text = g_strjoinv (", ", scope->classes);
    }
  else
    {
      set_field (self, "scope-kind", "cis");
      text = cw_calendar_dup_ci_names (self->store, scope->ci_ids);
    }
  set_field (self, "scope", text);
}

static CwScope *
get_scope (CwCalendarEditor  *self,
           GError           **error)
{
  g_autofree char *kind = get_field (self, "scope-kind");
  g_autofree char *text = get_field (self, "scope");
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

/* Saving */

static const char * const weekdays[] = { "MO", "TU", "WE", "TH", "FR", "SA", "SU" };

static char *
build_rrule (CwCalendarEditor  *self,
             const char        *tzid,
             const char        *start_local,
             GError           **error)
{
  g_autofree char *repeat = get_field (self, "repeat");
  g_autofree char *until = get_field (self, "until");
  g_autoptr(GString) rule = g_string_new (NULL);
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (tzid);
  guint count = 0;

  if (g_str_equal (repeat, "none") || repeat[0] == '\0')
    return NULL;

  if (zone == NULL)
    zone = g_time_zone_new_utc ();
  start = g_date_time_new (zone, g_ascii_strtoll (start_local, NULL, 10), atoi (start_local + 5),
                           atoi (start_local + 8), 12, 0, 0);

  if (g_str_equal (repeat, "custom"))
    {
      g_autofree char *text = get_field (self, "rrule");

      if (g_str_has_prefix (text, "RRULE:"))
        memmove (text, text + 6, strlen (text + 6) + 1);
      g_string_append (rule, text);
    }
  else if (start != NULL && g_str_equal (repeat, "weekly"))
    g_string_append_printf (rule, "FREQ=WEEKLY;BYDAY=%s", weekdays[g_date_time_get_day_of_week (start) - 1]);
  else if (start != NULL)
    g_string_append_printf (rule, "FREQ=MONTHLY;BYDAY=%d%s", (g_date_time_get_day_of_month (start) - 1) / 7 + 1,
                            weekdays[g_date_time_get_day_of_week (start) - 1]);

  if (until[0] != '\0')
    {
      g_autofree char *end_local = g_strdup_printf ("%s 23:59:59", until);
      g_autoptr(GDateTime) utc = NULL;
      g_autofree char *stamp = NULL;
      gint64 instant;

      if (!cw_schedule_local_to_utc (end_local, tzid, &instant, error))
        return NULL;
      utc = g_date_time_new_from_unix_utc (instant);
      stamp = g_date_time_format (utc, "%Y%m%dT%H%M%SZ");
      g_string_append_printf (rule, ";UNTIL=%s", stamp);
    }
  if (!parse_count (self, "count", _("Occurrences"), &count, error))
    return NULL;
  if (count > 0)
    g_string_append_printf (rule, ";COUNT=%u", count);

  return g_string_free (g_steal_pointer (&rule), FALSE);
}

static gboolean
save_window (CwCalendarEditor  *self,
             GError           **error)
{
  g_autofree char *name = get_field (self, "name");
  g_autofree char *tzid = get_zone (self);
  g_autofree char *start_text = get_field (self, "start");
  g_autofree char *start_local = NULL;
  g_autoptr(CwMaintWindow) window = NULL;
  g_autoptr(CwScope) scope = NULL;
  guint duration = 0, max_concurrent = 0;

  if (!cw_schedule_time_zone_is_valid (tzid))
    {
      /* Translators: %s is what the user typed as a time zone */
      g_set_error (error, CW_SCHEDULE_ERROR, CW_SCHEDULE_ERROR_BAD_TIME_ZONE,
                   _("“%s” is not a time zone; use an IANA name such as Europe/Berlin."), tzid);
      return FALSE;
    }
  start_local = cw_schedule_normalize_local (start_text, error);
  if (start_local == NULL)
    return FALSE;
  if (!parse_count (self, "duration", _("Duration"), &duration, error) ||
      !parse_count (self, "max-concurrent", _("Changes at Once"), &max_concurrent, error))
    return FALSE;
  scope = get_scope (self, error);
  if (scope == NULL)
    return FALSE;

  if (self->id != 0)
    {
      window = cw_schedule_get_window (self->store, self->id, error);
      if (window == NULL)
        return FALSE;
    }
  else
    window = cw_maint_window_new (name, tzid, NULL, 0);

  g_free (window->name);
  window->name = g_strdup (name);
  g_free (window->tzid);
  window->tzid = g_strdup (tzid);
  g_free (window->start_local);
  window->start_local = g_strdup (start_local);
  window->duration_min = duration;
  window->max_concurrent = max_concurrent;
  cw_scope_free (window->scope);
  window->scope = g_steal_pointer (&scope);
  g_free (window->rrule);
  window->rrule = NULL;
  {
    g_autoptr(GError) rule_error = NULL;

    window->rrule = build_rrule (self, tzid, start_local, &rule_error);
    if (rule_error != NULL)
      {
        g_propagate_error (error, g_steal_pointer (&rule_error));
        return FALSE;
      }
  }

  if (!cw_maint_window_check (window, error))
    return FALSE;
  if (self->id != 0 ? !cw_schedule_update_window (self->store, window, error)
                    : !cw_schedule_add_window (self->store, window, error))
    return FALSE;

  self->id = window->id;
  return TRUE;
}

static gboolean
save_blackout (CwCalendarEditor  *self,
               GError           **error)
{
  g_autofree char *name = get_field (self, "name");
  g_autofree char *tzid = get_zone (self);
  g_autofree char *mode_text = get_field (self, "mode");
  g_autofree char *reason = get_field (self, "reason");
  g_autoptr(CwBlackout) blackout = NULL;
  g_autoptr(CwScope) scope = NULL;
  CwBlackoutMode mode = CW_BLACKOUT_BLOCK;
  gint64 start, end;

  if (!cw_schedule_time_zone_is_valid (tzid))
    {
      g_set_error (error, CW_SCHEDULE_ERROR, CW_SCHEDULE_ERROR_BAD_TIME_ZONE,
                   _("“%s” is not a time zone; use an IANA name such as Europe/Berlin."), tzid);
      return FALSE;
    }
  if (!parse_local (self, "start", _("Start"), tzid, &start, error) ||
      !parse_local (self, "end", _("End"), tzid, &end, error))
    return FALSE;
  cw_blackout_mode_from_string (mode_text, &mode);
  scope = get_scope (self, error);
  if (scope == NULL)
    return FALSE;

  if (self->id != 0)
    {
      blackout = cw_schedule_get_blackout (self->store, self->id, error);
      if (blackout == NULL)
        return FALSE;
    }
  else
    blackout = cw_blackout_new (name, mode, start, end);

  g_free (blackout->name);
  blackout->name = g_strdup (name);
  blackout->mode = mode;
  blackout->start = start;
  blackout->end = end;
  g_free (blackout->tzid);
  blackout->tzid = g_strdup (tzid);
  blackout->all_day = FALSE;
  g_free (blackout->reason);
  blackout->reason = reason[0] != '\0' ? g_strdup (reason) : NULL;
  cw_scope_free (blackout->scope);
  blackout->scope = g_steal_pointer (&scope);

  if (self->id != 0 ? !cw_schedule_update_blackout (self->store, blackout, error)
                    : !cw_schedule_add_blackout (self->store, blackout, error))
    return FALSE;

  self->id = blackout->id;
  return TRUE;
}

static gboolean
save_work (CwCalendarEditor  *self,
           GError           **error)
{
  g_autofree char *title = get_field (self, "title");
  g_autofree char *cis = get_field (self, "cis");
  g_autofree char *runbook = get_field (self, "runbook");
  g_autofree char *end_text = get_field (self, "end");
  g_autofree char *assignee = get_field (self, "assignee");
  g_autoptr(CwPlannedWork) work = NULL;
  g_autoptr(GArray) ids = NULL;
  gint64 start, end;

  if (!parse_local (self, "start", _("Start"), self->tzid, &start, error))
    return FALSE;
  if (end_text[0] == '\0')
    {
      guint minutes = 0;

      if (runbook[0] == '\0')
        {
          g_set_error_literal (error, CW_SCHEDULE_ERROR, CW_SCHEDULE_ERROR_INVALID_INPUT,
                               _("End: give an end, or a runbook whose window needed sets it."));
          return FALSE;
        }
      if (!cw_schedule_get_window_needed (self->store, runbook, 0, &minutes, error))
        return FALSE;
      end = start + (gint64) minutes * 60;
    }
  else if (!parse_local (self, "end", _("End"), self->tzid, &end, error))
    return FALSE;

  ids = cw_calendar_resolve_cis (self->store, cis, error);
  if (ids == NULL)
    return FALSE;

  if (self->id != 0)
    {
      work = cw_schedule_get_work (self->store, self->id, error);
      if (work == NULL)
        return FALSE;
    }
  else
    work = cw_planned_work_new (title, start, end);

  g_free (work->title);
  work->title = g_strdup (title);
  work->start = start;
  work->end = end;
  g_array_set_size (work->ci_ids, 0);
  g_array_append_vals (work->ci_ids, ids->data, ids->len);
  if (g_strcmp0 (work->runbook_name, runbook) != 0)
    work->runbook_version = 0;
  g_free (work->runbook_name);
  work->runbook_name = runbook[0] != '\0' ? g_strdup (runbook) : NULL;
  g_free (work->assignee);
  work->assignee = assignee[0] != '\0' ? g_strdup (assignee) : NULL;

  if (self->id != 0 ? !cw_schedule_update_work (self->store, work, error)
                    : !cw_schedule_add_work (self->store, work, error))
    return FALSE;

  self->id = work->id;
  return TRUE;
}

/* Building the form */

static void
build_window_form (CwCalendarEditor *self,
                   const CwMaintWindow   *window)
{
  static const char * const repeat_keys[] = { "none", "weekly", "monthly", "custom", NULL };
  const char *repeat_labels[] = { _("Does Not Repeat"), _("Weekly on This Day"),
                                  _("Monthly on This Weekday"), _("Custom Rule"), NULL };
  g_autofree char *start = NULL;
  g_autofree char *duration = NULL;
  g_autofree char *max = NULL;

  if (window != NULL)
    {
      start = g_strndup (window->start_local, 16);
      if (strlen (start) > 10)
        start[10] = ' ';
      duration = g_strdup_printf ("%u", window->duration_min);
      max = window->max_concurrent > 0 ? g_strdup_printf ("%u", window->max_concurrent) : NULL;
    }

  add_entry (self, "name", _("_Name"), window != NULL ? window->name : NULL);
  add_scope_rows (self, window != NULL ? window->scope : NULL);
  add_entry (self, "start", _("_Start (YYYY-MM-DD HH:MM)"), start);
  add_zone_rows (self, window != NULL ? window->tzid : self->tzid);
  add_entry (self, "duration", _("_Duration (Minutes)"), duration != NULL ? duration : "240");
  add_choice (self, "repeat", _("_Repeats"), repeat_labels, repeat_keys);
  add_entry (self, "rrule", _("Rule (RFC 5545 RRULE)"), window != NULL ? window->rrule : NULL);
  add_entry (self, "until", _("_Until (YYYY-MM-DD, Optional)"), NULL);
  add_entry (self, "count", _("Number of _Occurrences (Optional)"), NULL);
  add_entry (self, "max-concurrent", _("_Changes at Once (Optional)"), max);

  if (window != NULL && window->rrule != NULL)
    set_field (self, "repeat", "custom");
}

static void
build_blackout_form (CwCalendarEditor *self,
                     const CwBlackout *blackout)
{
  static const char * const mode_keys[] = { "block", "warn", NULL };
  const char *mode_labels[] = { cw_blackout_mode_get_label (CW_BLACKOUT_BLOCK),
                                cw_blackout_mode_get_label (CW_BLACKOUT_WARN), NULL };
  const char *tzid = blackout != NULL && blackout->tzid != NULL ? blackout->tzid : self->tzid;
  g_autofree char *start = blackout != NULL ? local_text (blackout->start, tzid) : NULL;
  g_autofree char *end = blackout != NULL ? local_text (blackout->end, tzid) : NULL;

  add_entry (self, "name", _("_Name"), blackout != NULL ? blackout->name : NULL);
  add_scope_rows (self, blackout != NULL ? blackout->scope : NULL);
  add_entry (self, "start", _("_Start (YYYY-MM-DD HH:MM)"), start);
  add_entry (self, "end", _("_End (YYYY-MM-DD HH:MM)"), end);
  add_zone_rows (self, tzid);
  add_choice (self, "mode", _("_Mode"), mode_labels, mode_keys);
  add_entry (self, "reason", _("_Reason"), blackout != NULL ? blackout->reason : NULL);
  if (blackout != NULL)
    set_field (self, "mode", cw_blackout_mode_to_string (blackout->mode));
}

static void
build_work_form (CwCalendarEditor    *self,
                 const CwPlannedWork *work)
{
  g_autoptr(GPtrArray) runbooks = cw_runbooks_list (self->store, NULL, NULL);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *start = work != NULL ? local_text (work->start, self->tzid) : NULL;
  g_autofree char *end = work != NULL ? local_text (work->end, self->tzid) : NULL;
  g_autofree char *cis = work != NULL ? cw_calendar_dup_ci_names (self->store, work->ci_ids) : NULL;

  g_ptr_array_add (labels, g_strdup (_("None")));
  g_ptr_array_add (keys, g_strdup (""));
  for (guint i = 0; runbooks != NULL && i < runbooks->len; i++)
    {
      CwRunbookInfo *info = g_ptr_array_index (runbooks, i);

      g_ptr_array_add (labels, g_strdup (info->name));
      g_ptr_array_add (keys, g_strdup (info->name));
    }
  g_ptr_array_add (labels, NULL);
  g_ptr_array_add (keys, NULL);

  add_entry (self, "title", _("_Title"), work != NULL ? work->title : NULL);
  add_entry (self, "cis", _("_CIs (Names, Comma-Separated)"), cis);
  add_choice (self, "runbook", _("_Runbook"),
              (const char * const *) labels->pdata, (const char * const *) keys->pdata);
  add_entry (self, "start", _("_Start (YYYY-MM-DD HH:MM)"), start);
  add_entry (self, "end", _("_End (Empty: Start + Window Needed)"), end);
  add_entry (self, "assignee", _("_Assignee"), work != NULL ? work->assignee : NULL);
  if (work != NULL && work->runbook_name != NULL)
    set_field (self, "runbook", work->runbook_name);
}

/* Callbacks */

static void
on_repeat_changed_cb (CwCalendarEditor *self)
{
  g_autofree char *repeat = get_field (self, "repeat");
  g_autofree char *zone = get_field (self, "zone-choice");
  g_autofree char *scope = get_field (self, "scope-kind");

  show_row (self, "rrule", g_str_equal (repeat, "custom"));
  show_row (self, "until", repeat[0] != '\0' && !g_str_equal (repeat, "none"));
  show_row (self, "count", repeat[0] != '\0' && !g_str_equal (repeat, "none"));
  show_row (self, "zone-other", g_str_equal (zone, "other"));
  show_row (self, "scope", scope[0] != '\0' && !g_str_equal (scope, "everything"));
}

static void
on_save_clicked_cb (CwCalendarEditor *self)
{
  cw_calendar_editor_save (self);
}

/* GObject */

static void
cw_calendar_editor_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CW_TYPE_CALENDAR_EDITOR);

  G_OBJECT_CLASS (cw_calendar_editor_parent_class)->dispose (object);
}

static void
cw_calendar_editor_finalize (GObject *object)
{
  CwCalendarEditor *self = (CwCalendarEditor *)object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_free (self->error);
  g_free (self->tzid);

  G_OBJECT_CLASS (cw_calendar_editor_parent_class)->finalize (object);
}

static void
cw_calendar_editor_class_init (CwCalendarEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cw_calendar_editor_dispose;
  object_class->finalize = cw_calendar_editor_finalize;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/changeward/Changeward/ui/calendar/cw-calendar-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CwCalendarEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, CwCalendarEditor, form_list);
  gtk_widget_class_bind_template_child (widget_class, CwCalendarEditor, intro_label);
  gtk_widget_class_bind_template_child (widget_class, CwCalendarEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, CwCalendarEditor, window_title);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cw_calendar_editor_init (CwCalendarEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* Public API */

CwCalendarEditor *
cw_calendar_editor_new (GtkWindow          *parent,
                        CwStore            *store,
                        CwCalendarItemKind  kind,
                        gint64              id,
                        const char         *tzid)
{
  CwCalendarEditor *self;
  g_autoptr(GError) error = NULL;
  const char *title = NULL, *intro = NULL;

  g_return_val_if_fail (CW_IS_STORE (store), NULL);

  self = g_object_new (CW_TYPE_CALENDAR_EDITOR, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->kind = kind;
  self->id = id;
  if (tzid == NULL || tzid[0] == '\0')
    {
      g_autoptr(GTimeZone) local = g_time_zone_new_local ();

      self->tzid = g_strdup (g_time_zone_get_identifier (local));
    }
  else
    self->tzid = g_strdup (tzid);
  if (!cw_schedule_time_zone_is_valid (self->tzid))
    {
      g_free (self->tzid);
      self->tzid = g_strdup ("UTC");
    }

  switch (kind)
    {
    case CW_CALENDAR_ITEM_WINDOW:
      {
        g_autoptr(CwMaintWindow) window = id != 0 ? cw_schedule_get_window (store, id, &error) : NULL;

        title = id != 0 ? _("Edit Maintenance Window") : _("New Maintenance Window");
        intro = _("When changes to what it applies to may be made, once or again and again.");
        build_window_form (self, window);
      }
      break;

    case CW_CALENDAR_ITEM_BLACKOUT:
      {
        g_autoptr(CwBlackout) blackout = id != 0 ? cw_schedule_get_blackout (store, id, &error) : NULL;

        title = id != 0 ? _("Edit Blackout") : _("New Blackout");
        intro = _("A freeze: planned work in it is refused (block) or flagged (warn).");
        build_blackout_form (self, blackout);
      }
      break;

    case CW_CALENDAR_ITEM_WORK:
    default:
      {
        g_autoptr(CwPlannedWork) work = id != 0 ? cw_schedule_get_work (store, id, &error) : NULL;
        g_autofree char *text = NULL;

        title = id != 0 ? _("Edit Planned Work") : _("New Planned Work");
        /* Translators: %s is an IANA time zone */
        text = g_strdup_printf (_("A change booked on CIs. Times are in %s."), self->tzid);
        gtk_label_set_label (self->intro_label, text);
        build_work_form (self, work);
      }
      break;
    }

  adw_window_title_set_title (self->window_title, title);
  if (intro != NULL)
    gtk_label_set_label (self->intro_label, intro);
  gtk_button_set_label (self->save_button, id != 0 ? _("_Save") : _("_Create"));
  on_repeat_changed_cb (self);
  if (error != NULL)
    set_error (self, error->message);

  return self;
}

CwCalendarItemKind
cw_calendar_editor_get_kind (CwCalendarEditor *self)
{
  g_return_val_if_fail (CW_IS_CALENDAR_EDITOR (self), CW_CALENDAR_ITEM_WORK);

  return self->kind;
}

gboolean
cw_calendar_editor_set_field (CwCalendarEditor *self,
                              const char       *key,
                              const char       *value)
{
  g_return_val_if_fail (CW_IS_CALENDAR_EDITOR (self), FALSE);

  if (g_strcmp0 (key, "zone") == 0)
    {
      if (!set_field (self, "zone-choice", value))
        {
          set_field (self, "zone-choice", "other");
          set_field (self, "zone-other", value);
        }
      return TRUE;
    }

  return set_field (self, key, value);
}

char *
cw_calendar_editor_dup_field (CwCalendarEditor *self,
                              const char       *key)
{
  g_return_val_if_fail (CW_IS_CALENDAR_EDITOR (self), NULL);

  if (g_strcmp0 (key, "zone") == 0)
    return get_zone (self);
  return get_field (self, key);
}

gboolean
cw_calendar_editor_save (CwCalendarEditor *self)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  g_return_val_if_fail (CW_IS_CALENDAR_EDITOR (self), FALSE);

  switch (self->kind)
    {
    case CW_CALENDAR_ITEM_WINDOW:
      ok = save_window (self, &error);
      break;
    case CW_CALENDAR_ITEM_BLACKOUT:
      ok = save_blackout (self, &error);
      break;
    case CW_CALENDAR_ITEM_WORK:
    default:
      ok = save_work (self, &error);
      break;
    }

  if (!ok)
    {
      set_error (self, error != NULL ? error->message : _("Could not save."));
      return FALSE;
    }

  set_error (self, NULL);
  g_signal_emit (self, signals[SAVED], 0, self->id);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

const char *
cw_calendar_editor_get_error (CwCalendarEditor *self)
{
  g_return_val_if_fail (CW_IS_CALENDAR_EDITOR (self), NULL);

  return self->error;
}
