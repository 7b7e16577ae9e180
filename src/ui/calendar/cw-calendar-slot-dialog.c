/* cw-calendar-slot-dialog.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-calendar-slot-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cw-calendar-cis.h"
#include "cw-calendar-slot-dialog.h"
#include "cw-runbook-store.h"

/* CIs, a runbook and a start: core's free-slot search lists the first five
 * times inside maintenance windows with no error-level conflict; choosing
 * one opens New Planned Work filled in with it. The form is small, so it is
 * built here rather than in a template. */

struct _CwCalendarSlotDialog
{
  AdwWindow     parent_instance;

  /* Borrowed widgets */
  GtkEditable  *cis_row;
  AdwComboRow  *runbook_row;
  GtkEditable  *after_row;
  GtkListBox   *results;
  GtkLabel     *status_label;

  /* Owned */
  CwStore      *store;
  GTimeZone    *zone;
  GStrv         runbooks;       /* the combo's items; [0] is "" (none) */
  GArray       *slots;          /* (element-type CwFreeSlot) */
  char         *error;
  char         *query_cis;
  char         *query_runbook;
};

G_DEFINE_FINAL_TYPE (CwCalendarSlotDialog, cw_calendar_slot_dialog, ADW_TYPE_WINDOW)

enum {
  SLOT_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
format_instant (CwCalendarSlotDialog *self,
                gint64                instant,
                const char           *format)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (instant);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, self->zone);

  return g_date_time_format (local, format);
}

static void
set_status (CwCalendarSlotDialog *self,
            const char           *message,
            gboolean              error)
{
  g_free (self->error);
  self->error = error ? g_strdup (message) : NULL;
  gtk_label_set_label (self->status_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), message != NULL);
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
}

static const char *
selected_runbook (CwCalendarSlotDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->runbook_row);

  if (self->runbooks == NULL || selected >= g_strv_length (self->runbooks))
    return "";
  return self->runbooks[selected];
}

static void
on_row_activated_cb (CwCalendarSlotDialog *self,
                     GtkListBoxRow        *row)
{
  cw_calendar_slot_dialog_choose (self, (guint) gtk_list_box_row_get_index (row));
}

static void
on_find_clicked_cb (CwCalendarSlotDialog *self)
{
  cw_calendar_slot_dialog_search (self);
}

static GtkWidget *
add_entry (GtkListBox *list,
           const char *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  gtk_list_box_append (list, row);

  return row;
}

static void
build (CwCalendarSlotDialog *self)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *form = gtk_list_box_new ();
  GtkWidget *find = gtk_button_new_with_mnemonic (_("_Find"));
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *intro = gtk_label_new (_("The first five times the work fits in a maintenance window that "
                                      "covers its CIs, with no blackout and no other work in the way."));
  GtkWidget *row;

  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new (_("Find a Slot"), NULL));
  gtk_widget_add_css_class (find, "suggested-action");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), find);
  g_signal_connect_swapped (find, "clicked", G_CALLBACK (on_find_clicked_cb), self);
  gtk_window_set_default_widget (GTK_WINDOW (self), find);
  gtk_box_append (GTK_BOX (content), header);

  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
  gtk_label_set_xalign (GTK_LABEL (intro), 0);
  gtk_label_set_max_width_chars (GTK_LABEL (intro), 50);
  gtk_widget_add_css_class (intro, "dim-label");
  gtk_box_append (GTK_BOX (box), intro);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (form), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (form, "boxed-list");
  self->cis_row = GTK_EDITABLE (add_entry (GTK_LIST_BOX (form), _("_CIs (Names, Comma-Separated)")));
  row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("_Runbook"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  gtk_list_box_append (GTK_LIST_BOX (form), row);
  self->runbook_row = ADW_COMBO_ROW (row);
  self->after_row = GTK_EDITABLE (add_entry (GTK_LIST_BOX (form), _("_After (YYYY-MM-DD HH:MM)")));
  gtk_box_append (GTK_BOX (box), form);

  self->status_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->status_label, TRUE);
  gtk_label_set_xalign (self->status_label, 0);
  gtk_label_set_selectable (self->status_label, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->status_label));

  self->results = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->results, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->results), "boxed-list");
  gtk_widget_set_visible (GTK_WIDGET (self->results), FALSE);
  g_signal_connect_swapped (self->results, "row-activated", G_CALLBACK (on_row_activated_cb), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->results));

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 600);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), box);
  gtk_box_append (GTK_BOX (content), scroller);

  adw_window_set_content (ADW_WINDOW (self), content);
}

static void
fill_runbooks (CwCalendarSlotDialog *self)
{
  g_autoptr(GPtrArray) runbooks = cw_runbooks_list (self->store, NULL, NULL);
  g_autoptr(GStrvBuilder) keys = g_strv_builder_new ();
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  g_strv_builder_add (keys, "");
  gtk_string_list_append (labels, _("None (Two Hours)"));
  for (guint i = 0; runbooks != NULL && i < runbooks->len; i++)
    {
      CwRunbookInfo *info = g_ptr_array_index (runbooks, i);

      g_strv_builder_add (keys, info->name);
      gtk_string_list_append (labels, info->name);
    }

  g_strfreev (self->runbooks);
  self->runbooks = g_strv_builder_end (keys);
  adw_combo_row_set_model (self->runbook_row, G_LIST_MODEL (labels));
}

/* GObject */

static void
cw_calendar_slot_dialog_finalize (GObject *object)
{
  CwCalendarSlotDialog *self = (CwCalendarSlotDialog *)object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->zone, g_time_zone_unref);
  g_clear_pointer (&self->runbooks, g_strfreev);
  g_clear_pointer (&self->slots, g_array_unref);
  g_free (self->error);
  g_free (self->query_cis);
  g_free (self->query_runbook);

  G_OBJECT_CLASS (cw_calendar_slot_dialog_parent_class)->finalize (object);
}

static void
cw_calendar_slot_dialog_class_init (CwCalendarSlotDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = cw_calendar_slot_dialog_finalize;

  signals[SLOT_CHOSEN] = g_signal_new ("slot-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 4,
                                       G_TYPE_STRING, G_TYPE_STRING, G_TYPE_INT64, G_TYPE_INT64);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cw_calendar_slot_dialog_init (CwCalendarSlotDialog *self)
{
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 480, -1);
  build (self);
}

/* Public API */

CwCalendarSlotDialog *
cw_calendar_slot_dialog_new (GtkWindow *parent,
                             CwStore   *store,
                             GTimeZone *zone)
{
  CwCalendarSlotDialog *self;
  g_autofree char *now = NULL;

  g_return_val_if_fail (CW_IS_STORE (store), NULL);
  g_return_val_if_fail (zone != NULL, NULL);

  self = g_object_new (CW_TYPE_CALENDAR_SLOT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->zone = g_time_zone_ref (zone);
  fill_runbooks (self);
  now = format_instant (self, g_get_real_time () / G_USEC_PER_SEC, "%Y-%m-%d %H:%M");
  gtk_editable_set_text (self->after_row, now);

  return self;
}

void
cw_calendar_slot_dialog_set_query (CwCalendarSlotDialog *self,
                                   const char           *cis,
                                   const char           *runbook,
                                   const char           *after)
{
  g_return_if_fail (CW_IS_CALENDAR_SLOT_DIALOG (self));

  if (cis != NULL)
    gtk_editable_set_text (self->cis_row, cis);
  if (after != NULL)
    gtk_editable_set_text (self->after_row, after);
  for (guint i = 0; runbook != NULL && self->runbooks != NULL && self->runbooks[i] != NULL; i++)
    if (g_str_equal (self->runbooks[i], runbook))
      adw_combo_row_set_selected (self->runbook_row, i);
}

int
cw_calendar_slot_dialog_search (CwCalendarSlotDialog *self)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) slots = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) after_dt = NULL;
  g_autofree char *after_iso = NULL;
  const char *runbook;
  CwSlotQuery query = { 0 };
  GtkWidget *child;

  g_return_val_if_fail (CW_IS_CALENDAR_SLOT_DIALOG (self), -1);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results))) != NULL)
    gtk_list_box_remove (self->results, child);
  gtk_widget_set_visible (GTK_WIDGET (self->results), FALSE);
  g_clear_pointer (&self->slots, g_array_unref);

  ids = cw_calendar_resolve_cis (self->store, gtk_editable_get_text (self->cis_row), &error);
  if (ids != NULL && ids->len == 0)
    g_set_error_literal (&error, CW_SCHEDULE_ERROR, CW_SCHEDULE_ERROR_INVALID_INPUT,
                         _("Name at least one CI."));
  if (error == NULL)
    {
      after_iso = g_strdup (gtk_editable_get_text (self->after_row));
      g_strstrip (after_iso);
      if (strlen (after_iso) > 10)
        after_iso[10] = 'T';
      if (strlen (after_iso) == 16)
        {
          char *full = g_strconcat (after_iso, ":00", NULL);

          g_free (after_iso);
          after_iso = full;
        }
      after_dt = g_date_time_new_from_iso8601 (after_iso, self->zone);
      if (after_dt == NULL)
        g_set_error_literal (&error, CW_SCHEDULE_ERROR, CW_SCHEDULE_ERROR_INVALID_INPUT,
                             _("After: give a date and time as YYYY-MM-DD HH:MM."));
    }
  if (error != NULL)
    {
      set_status (self, error->message, TRUE);
      return -1;
    }

  runbook = selected_runbook (self);
  query.ci_ids = (const gint64 *) (gpointer) ids->data;
  query.n_ci_ids = ids->len;
  query.runbook_name = runbook[0] != '\0' ? runbook : NULL;
  query.duration_min = 120;
  query.after = g_date_time_to_unix (after_dt);
  query.n_slots = 5;

  slots = cw_schedule_free_slots (self->store, &query, &error);
  if (slots == NULL)
    {
      set_status (self, error->message, TRUE);
      return -1;
    }

  g_free (self->query_cis);
  self->query_cis = g_strdup (gtk_editable_get_text (self->cis_row));
  g_free (self->query_runbook);
  self->query_runbook = g_strdup (runbook);

  for (guint i = 0; i < slots->len; i++)
    {
      const CwFreeSlot *slot = &g_array_index (slots, CwFreeSlot, i);
      g_autoptr(CwMaintWindow) window = cw_schedule_get_window (self->store, slot->window_id, NULL);
      g_autofree char *from = format_instant (self, slot->start, _("%a %-e %b %Y, %H:%M"));
      g_autofree char *to = format_instant (self, slot->end, _("%H:%M %Z"));
      g_autofree char *title = g_strdup_printf (_("%s – %s"), g_strstrip (from), to);
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

      /* Translators: a free slot's maintenance window; %s is its name */
      subtitle = g_strdup_printf (_("In window “%s”"), window != NULL ? window->name : "");
      if (slot->has_warnings)
        {
          char *more = g_strconcat (subtitle, " · ", _("a warn-mode blackout covers it"), NULL);

          g_free (subtitle);
          subtitle = more;
        }
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
      gtk_list_box_append (self->results, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->results), slots->len > 0);
  if (slots->len == 0)
    set_status (self, _("No free slot in the next year: no maintenance window covers these CIs, "
                        "or every one is taken."), FALSE);
  else
    set_status (self, NULL, FALSE);

  self->slots = g_steal_pointer (&slots);
  return (int) self->slots->len;
}

const CwFreeSlot *
cw_calendar_slot_dialog_get_slot (CwCalendarSlotDialog *self,
                                  guint                 index)
{
  g_return_val_if_fail (CW_IS_CALENDAR_SLOT_DIALOG (self), NULL);

  if (self->slots == NULL || index >= self->slots->len)
    return NULL;
  return &g_array_index (self->slots, CwFreeSlot, index);
}

const char *
cw_calendar_slot_dialog_get_error (CwCalendarSlotDialog *self)
{
  g_return_val_if_fail (CW_IS_CALENDAR_SLOT_DIALOG (self), NULL);

  return self->error;
}

void
cw_calendar_slot_dialog_choose (CwCalendarSlotDialog *self,
                                guint                 index)
{
  const CwFreeSlot *slot;

  g_return_if_fail (CW_IS_CALENDAR_SLOT_DIALOG (self));

  slot = cw_calendar_slot_dialog_get_slot (self, index);
  if (slot == NULL)
    return;

  g_signal_emit (self, signals[SLOT_CHOSEN], 0, self->query_cis, self->query_runbook, slot->start, slot->end);
}
