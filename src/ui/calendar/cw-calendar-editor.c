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
#include "cw-calendar-editor-private.h"
#include "cw-inventory.h"
#include "cw-runbook-store.h"

/* One form for the three kinds, like the compatibility editor: rows made
 * in code from the kind, read back by key. Times are typed in a zone (the
 * window's or blackout's own, the calendar's for planned work) and turned
 * into instants by core. What core refuses is said under the form, in its
 * words, and the dialog stays open. */

G_DEFINE_FINAL_TYPE (CwCalendarEditor, cw_calendar_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

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

  _cw_calendar_editor_add_entry (self, "name", _("_Name"), window != NULL ? window->name : NULL);
  _cw_calendar_editor_add_scope_rows (self, window != NULL ? window->scope : NULL);
  _cw_calendar_editor_add_entry (self, "start", _("_Start (YYYY-MM-DD HH:MM)"), start);
  _cw_calendar_editor_add_zone_rows (self, window != NULL ? window->tzid : self->tzid);
  _cw_calendar_editor_add_entry (self, "duration", _("_Duration (Minutes)"), duration != NULL ? duration : "240");
  _cw_calendar_editor_add_choice (self, "repeat", _("_Repeats"), repeat_labels, repeat_keys);
  _cw_calendar_editor_add_entry (self, "rrule", _("Rule (RFC 5545 RRULE)"), window != NULL ? window->rrule : NULL);
  _cw_calendar_editor_add_entry (self, "until", _("_Until (YYYY-MM-DD, Optional)"), NULL);
  _cw_calendar_editor_add_entry (self, "count", _("Number of _Occurrences (Optional)"), NULL);
  _cw_calendar_editor_add_entry (self, "max-concurrent", _("_Changes at Once (Optional)"), max);

  if (window != NULL && window->rrule != NULL)
    _cw_calendar_editor_set_field (self, "repeat", "custom");
}

static void
build_blackout_form (CwCalendarEditor *self,
                     const CwBlackout *blackout)
{
  static const char * const mode_keys[] = { "block", "warn", NULL };
  const char *mode_labels[] = { cw_blackout_mode_get_label (CW_BLACKOUT_BLOCK),
                                cw_blackout_mode_get_label (CW_BLACKOUT_WARN), NULL };
  const char *tzid = blackout != NULL && blackout->tzid != NULL ? blackout->tzid : self->tzid;
  g_autofree char *start = blackout != NULL ? _cw_calendar_editor_local_text (blackout->start, tzid) : NULL;
  g_autofree char *end = blackout != NULL ? _cw_calendar_editor_local_text (blackout->end, tzid) : NULL;

  _cw_calendar_editor_add_entry (self, "name", _("_Name"), blackout != NULL ? blackout->name : NULL);
  _cw_calendar_editor_add_scope_rows (self, blackout != NULL ? blackout->scope : NULL);
  _cw_calendar_editor_add_entry (self, "start", _("_Start (YYYY-MM-DD HH:MM)"), start);
  _cw_calendar_editor_add_entry (self, "end", _("_End (YYYY-MM-DD HH:MM)"), end);
  _cw_calendar_editor_add_zone_rows (self, tzid);
  _cw_calendar_editor_add_choice (self, "mode", _("_Mode"), mode_labels, mode_keys);
  _cw_calendar_editor_add_entry (self, "reason", _("_Reason"), blackout != NULL ? blackout->reason : NULL);
  if (blackout != NULL)
    _cw_calendar_editor_set_field (self, "mode", cw_blackout_mode_to_string (blackout->mode));
}

static void
build_work_form (CwCalendarEditor    *self,
                 const CwPlannedWork *work)
{
  g_autoptr(GPtrArray) runbooks = cw_runbooks_list (self->store, NULL, NULL);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *start = work != NULL ? _cw_calendar_editor_local_text (work->start, self->tzid) : NULL;
  g_autofree char *end = work != NULL ? _cw_calendar_editor_local_text (work->end, self->tzid) : NULL;
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

  _cw_calendar_editor_add_entry (self, "title", _("_Title"), work != NULL ? work->title : NULL);
  _cw_calendar_editor_add_entry (self, "cis", _("_CIs (Names, Comma-Separated)"), cis);
  _cw_calendar_editor_add_choice (self, "runbook", _("_Runbook"),
              (const char * const *) labels->pdata, (const char * const *) keys->pdata);
  _cw_calendar_editor_add_entry (self, "start", _("_Start (YYYY-MM-DD HH:MM)"), start);
  _cw_calendar_editor_add_entry (self, "end", _("_End (Empty: Start + Window Needed)"), end);
  _cw_calendar_editor_add_entry (self, "assignee", _("_Assignee"), work != NULL ? work->assignee : NULL);
  if (work != NULL && work->runbook_name != NULL)
    _cw_calendar_editor_set_field (self, "runbook", work->runbook_name);
}

/* Callbacks */

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
  _cw_calendar_editor_update_rows (self);
  if (error != NULL)
    _cw_calendar_editor_set_error (self, error->message);

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
      if (!_cw_calendar_editor_set_field (self, "zone-choice", value))
        {
          _cw_calendar_editor_set_field (self, "zone-choice", "other");
          _cw_calendar_editor_set_field (self, "zone-other", value);
        }
      return TRUE;
    }

  return _cw_calendar_editor_set_field (self, key, value);
}

char *
cw_calendar_editor_dup_field (CwCalendarEditor *self,
                              const char       *key)
{
  g_return_val_if_fail (CW_IS_CALENDAR_EDITOR (self), NULL);

  if (g_strcmp0 (key, "zone") == 0)
    return _cw_calendar_editor_get_zone (self);
  return _cw_calendar_editor_get_field (self, key);
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
      ok = _cw_calendar_editor_save_window (self, &error);
      break;
    case CW_CALENDAR_ITEM_BLACKOUT:
      ok = _cw_calendar_editor_save_blackout (self, &error);
      break;
    case CW_CALENDAR_ITEM_WORK:
    default:
      ok = _cw_calendar_editor_save_work (self, &error);
      break;
    }

  if (!ok)
    {
      _cw_calendar_editor_set_error (self, error != NULL ? error->message : _("Could not save."));
      return FALSE;
    }

  _cw_calendar_editor_set_error (self, NULL);
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
