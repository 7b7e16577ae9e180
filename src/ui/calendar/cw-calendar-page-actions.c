/* cw-calendar-page-actions.c: the Calendar pane's menu and item actions.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-calendar-page-actions"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cw-calendar-editor.h"
#include "cw-calendar-page-private.h"
#include "cw-calendar-slot-dialog.h"
#include "cw-ics.h"

/* New, edit and delete open dialogs that write the store themselves; the
 * page reloads when they say they saved. Import and export go through
 * core's ICS reader and writer: an import first asks what the events are
 * (windows or blackouts, for a site, in which mode), then for the file. */

static GtkWindow *
parent_window (CwCalendarPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
on_editor_saved_cb (CwCalendarPage   *self,
                    gint64            id,
                    CwCalendarEditor *editor)
{
  cw_calendar_page_reload (self);
}

static CwCalendarEditor *
open_editor (CwCalendarPage     *self,
             CwCalendarItemKind  kind,
             gint64              id)
{
  CwStore *store = _cw_calendar_page_get_store (self);
  g_autofree char *zone_id = _cw_calendar_page_dup_zone_id (self);
  CwCalendarEditor *editor;

  if (store == NULL)
    return NULL;

  editor = cw_calendar_editor_new (parent_window (self), store, kind, id, zone_id);
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_editor_saved_cb), self, G_CONNECT_SWAPPED);
  _cw_calendar_page_set_dialog (self, GTK_WINDOW (editor));
  gtk_window_present (GTK_WINDOW (editor));

  return editor;
}

/* A new window, blackout or work starts on the selected day. */
static void
new_item_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  CwCalendarPage *self = CW_CALENDAR_PAGE (widget);
  g_autofree char *day = cw_calendar_format_day (self->date, "%Y-%m-%d");
  g_autofree char *start = NULL;
  CwCalendarEditor *editor;
  CwCalendarItemKind kind;

  if (g_str_equal (action_name, "calendar.new-blackout"))
    kind = CW_CALENDAR_ITEM_BLACKOUT;
  else if (g_str_equal (action_name, "calendar.new-work"))
    kind = CW_CALENDAR_ITEM_WORK;
  else
    kind = CW_CALENDAR_ITEM_WINDOW;

  editor = open_editor (self, kind, 0);
  if (editor == NULL)
    return;

  start = g_strdup_printf ("%s %s", day, kind == CW_CALENDAR_ITEM_BLACKOUT ? "00:00" : "22:00");
  cw_calendar_editor_set_field (editor, "start", start);
  if (kind == CW_CALENDAR_ITEM_BLACKOUT)
    {
      g_autofree char *end = cw_calendar_format_day (self->date + 1, "%Y-%m-%d 00:00");

      cw_calendar_editor_set_field (editor, "end", end);
    }
}

static void
edit_item_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  CwCalendarPage *self = CW_CALENDAR_PAGE (widget);
  gint32 kind;
  gint64 id;

  g_variant_get (param, "(ix)", &kind, &id);
  if (self->details != NULL)
    gtk_popover_popdown (self->details);
  if (kind < CW_CALENDAR_ITEM_WINDOW || kind > CW_CALENDAR_ITEM_WORK)
    return;

  open_editor (self, (CwCalendarItemKind) kind, id);
}

typedef struct
{
  CwCalendarItemKind kind;
  gint64             id;
} DeleteRequest;

static void
on_delete_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       CwCalendarPage   *self)
{
  DeleteRequest *request = g_object_get_data (G_OBJECT (dialog), "cw-delete");
  CwStore *store = _cw_calendar_page_get_store (self);
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;

  if (!g_str_equal (response, "delete") || store == NULL || request == NULL)
    return;

  switch (request->kind)
    {
    case CW_CALENDAR_ITEM_WINDOW:
      ok = cw_schedule_delete_window (store, request->id, &error);
      break;
    case CW_CALENDAR_ITEM_BLACKOUT:
      ok = cw_schedule_delete_blackout (store, request->id, &error);
      break;
    case CW_CALENDAR_ITEM_WORK:
    default:
      ok = cw_schedule_delete_work (store, request->id, &error);
      break;
    }

  if (!ok)
    _cw_calendar_page_show_error (self, error);
  cw_calendar_page_reload (self);
}

static void
delete_item_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  CwCalendarPage *self = CW_CALENDAR_PAGE (widget);
  DeleteRequest *request = g_new0 (DeleteRequest, 1);
  CwCalendarItem *item;
  AdwMessageDialog *dialog;
  gint32 kind;

  g_variant_get (param, "(ix)", &kind, &request->id);
  request->kind = (CwCalendarItemKind) CLAMP (kind, CW_CALENDAR_ITEM_WINDOW, CW_CALENDAR_ITEM_WORK);
  item = cw_calendar_page_find_item (self, request->kind, request->id);
  if (self->details != NULL)
    gtk_popover_popdown (self->details);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent_window (self), NULL, NULL));
  /* Translators: %s is a maintenance window, blackout or planned work */
  adw_message_dialog_format_heading (dialog, _("Delete “%s”?"), item != NULL ? item->title : "");
  adw_message_dialog_set_body (dialog, request->kind == CW_CALENDAR_ITEM_WINDOW
                                       ? _("Every occurrence of the window goes.")
                                       : _("It cannot be undone."));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "cw-delete", request, g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response_cb), self, 0);
  _cw_calendar_page_set_dialog (self, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Find a slot */

static void
on_slot_chosen_cb (CwCalendarPage     *self,
                   const char         *cis,
                   const char         *runbook,
                   gint64              start,
                   gint64              end,
                   CwCalendarSlotDialog *dialog)
{
  g_autofree char *zone_id = _cw_calendar_page_dup_zone_id (self);
  g_autofree char *tzid = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  CwCalendarEditor *editor;

  if (zone_id[0] == '\0')
    {
      g_autoptr(GTimeZone) local = g_time_zone_new_local ();

      tzid = g_strdup (g_time_zone_get_identifier (local));
    }
  else
    tzid = g_strdup (zone_id);

  gtk_window_close (GTK_WINDOW (dialog));
  editor = open_editor (self, CW_CALENDAR_ITEM_WORK, 0);
  if (editor == NULL)
    return;

  from = cw_schedule_format_instant (start, cw_schedule_time_zone_is_valid (tzid) ? tzid : NULL, "%Y-%m-%d %H:%M");
  to = cw_schedule_format_instant (end, cw_schedule_time_zone_is_valid (tzid) ? tzid : NULL, "%Y-%m-%d %H:%M");
  cw_calendar_editor_set_field (editor, "cis", cis);
  cw_calendar_editor_set_field (editor, "runbook", runbook != NULL ? runbook : "");
  cw_calendar_editor_set_field (editor, "start", from);
  cw_calendar_editor_set_field (editor, "end", to);
}

static void
find_slot_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  CwCalendarPage *self = CW_CALENDAR_PAGE (widget);
  CwStore *store = _cw_calendar_page_get_store (self);
  CwCalendarSlotDialog *dialog;

  if (store == NULL)
    return;

  dialog = cw_calendar_slot_dialog_new (parent_window (self), store, self->zone);
  g_signal_connect_object (dialog, "slot-chosen", G_CALLBACK (on_slot_chosen_cb), self, G_CONNECT_SWAPPED);
  _cw_calendar_page_set_dialog (self, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ICS */

static void
import_file (CwCalendarPage *self,
             GFile          *file)
{
  CwStore *store = _cw_calendar_page_get_store (self);
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;
  CwIcsImportOptions options;
  CwIcsImportResult result = { 0 };

  cw_ics_import_options_init (&options);
  options.kind = self->import_as_blackouts ? CW_ICS_IMPORT_BLACKOUTS : CW_ICS_IMPORT_WINDOWS;
  options.site = self->import_site != NULL && self->import_site[0] != '\0' ? self->import_site : NULL;
  options.has_mode = self->import_as_blackouts;
  options.mode = self->import_warn ? CW_BLACKOUT_WARN : CW_BLACKOUT_BLOCK;

  if (path == NULL || !cw_ics_import_file (store, path, &options, &result, &error))
    {
      AdwMessageDialog *dialog;
      g_autofree char *name = g_file_get_basename (file);

      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent_window (self), NULL,
                                                           error != NULL ? error->message : NULL));
      /* Translators: %s is a file name */
      adw_message_dialog_format_heading (dialog, _("Nothing Imported From “%s”"), name);
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  if (self->import_as_blackouts)
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u blackout", "Imported %u blackouts",
                                            result.n_blackouts_added + result.n_blackouts_updated),
                               result.n_blackouts_added + result.n_blackouts_updated);
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u maintenance window",
                                            "Imported %u maintenance windows",
                                            result.n_windows_added + result.n_windows_updated),
                               result.n_windows_added + result.n_windows_updated);
  _cw_calendar_page_toast (self, message);
  cw_calendar_page_reload (self);
}

static void
export_file (CwCalendarPage *self,
             GFile          *file)
{
  CwStore *store = _cw_calendar_page_get_store (self);
  g_autofree char *text = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;
  CwIcsExportOptions options;
  CwIcsExportResult result = { 0 };

  cw_ics_export_options_init (&options);
  text = cw_ics_export (store, &options, &result, &error);
  if (text == NULL ||
      !g_file_replace_contents (file, text, strlen (text), NULL, FALSE,
                                G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, &error))
    {
      /* Translators: a toast; the reason follows */
      message = g_strdup_printf (_("Could not export: %s"), error->message);
      _cw_calendar_page_toast (self, message);
      return;
    }

  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %u event", "Exported %u events",
                                          result.n_windows + result.n_blackouts + result.n_works),
                             result.n_windows + result.n_blackouts + result.n_works);
  _cw_calendar_page_toast (self, message);
}

static void
on_chooser_response_cb (CwCalendarPage  *self,
                        int              response,
                        GtkNativeDialog *chooser)
{
  g_autoptr(GFile) file = NULL;
  gboolean import = gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)) == GTK_FILE_CHOOSER_ACTION_OPEN;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);

  if (file == NULL || _cw_calendar_page_get_store (self) == NULL)
    return;

  if (import)
    import_file (self, file);
  else
    export_file (self, file);
}

static void
choose_file (CwCalendarPage *self,
             gboolean        import)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  self->chooser = gtk_file_chooser_native_new (import ? _("Import Calendar") : _("Export Calendar"),
                                               parent_window (self),
                                               import ? GTK_FILE_CHOOSER_ACTION_OPEN : GTK_FILE_CHOOSER_ACTION_SAVE,
                                               import ? _("_Import") : _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  if (!import)
    /* Translators: the file name an ICS export suggests */
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), _("maintenance-calendar.ics"));

  gtk_file_filter_set_name (filter, _("Calendar Files"));
  gtk_file_filter_add_mime_type (filter, "text/calendar");
  gtk_file_filter_add_suffix (filter, "ics");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);

  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_import_options_response_cb (AdwMessageDialog *dialog,
                               const char       *response,
                               CwCalendarPage   *self)
{
  GtkDropDown *as = g_object_get_data (G_OBJECT (dialog), "cw-as");
  GtkDropDown *mode = g_object_get_data (G_OBJECT (dialog), "cw-mode");
  GtkEditable *site = g_object_get_data (G_OBJECT (dialog), "cw-site");

  if (!g_str_equal (response, "choose"))
    return;

  self->import_as_blackouts = gtk_drop_down_get_selected (as) == 1;
  self->import_warn = gtk_drop_down_get_selected (mode) == 1;
  g_free (self->import_site);
  self->import_site = g_strstrip (g_strdup (gtk_editable_get_text (site)));
  choose_file (self, TRUE);
}

static void
import_ics_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  CwCalendarPage *self = CW_CALENDAR_PAGE (widget);
  const char *as_labels[] = { _("As Maintenance Windows"), _("As Blackouts"), NULL };
  const char *mode_labels[] = { cw_blackout_mode_get_label (CW_BLACKOUT_BLOCK),
                                cw_blackout_mode_get_label (CW_BLACKOUT_WARN), NULL };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *as = gtk_drop_down_new_from_strings (as_labels);
  GtkWidget *mode = gtk_drop_down_new_from_strings (mode_labels);
  GtkWidget *site = gtk_entry_new ();
  AdwMessageDialog *dialog;

  gtk_entry_set_placeholder_text (GTK_ENTRY (site), _("For One Site (Code or Name, Optional)"));
  gtk_box_append (GTK_BOX (box), as);
  gtk_box_append (GTK_BOX (box), site);
  gtk_box_append (GTK_BOX (box), mode);
  g_object_bind_property (as, "selected", mode, "sensitive", G_BINDING_SYNC_CREATE);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (as), self->import_as_blackouts ? 1 : 0);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent_window (self), _("Import ICS"),
                                                       _("Events from Outlook, Google Calendar or Evolution "
                                                         "become maintenance windows or blackouts. Nothing is "
                                                         "saved when the file has an error.")));
  adw_message_dialog_set_extra_child (dialog, box);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "choose", _("_Choose File…"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "choose", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "choose");
  g_object_set_data (G_OBJECT (dialog), "cw-as", as);
  g_object_set_data (G_OBJECT (dialog), "cw-mode", mode);
  g_object_set_data (G_OBJECT (dialog), "cw-site", site);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_import_options_response_cb), self, 0);
  _cw_calendar_page_set_dialog (self, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_ics_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  choose_file (CW_CALENDAR_PAGE (widget), FALSE);
}

void
_cw_calendar_page_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "calendar.new-window", NULL, new_item_action);
  gtk_widget_class_install_action (widget_class, "calendar.new-blackout", NULL, new_item_action);
  gtk_widget_class_install_action (widget_class, "calendar.new-work", NULL, new_item_action);
  gtk_widget_class_install_action (widget_class, "calendar.edit-item", "(ix)", edit_item_action);
  gtk_widget_class_install_action (widget_class, "calendar.delete-item", "(ix)", delete_item_action);
  gtk_widget_class_install_action (widget_class, "calendar.find-slot", NULL, find_slot_action);
  gtk_widget_class_install_action (widget_class, "calendar.import-ics", NULL, import_ics_action);
  gtk_widget_class_install_action (widget_class, "calendar.export-ics", NULL, export_ics_action);
}
