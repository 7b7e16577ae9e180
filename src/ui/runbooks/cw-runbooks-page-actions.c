/* cw-runbooks-page-actions.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-runbooks-page-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "cw-compat.h"
#include "cw-runbook-properties-dialog.h"
#include "cw-runbooks-page-private.h"

/* The actions of the Runbooks pane ("runbooks.*") and their keys: Ctrl+F
 * focuses the search, Ctrl+S saves and Alt+Enter shows the runbook's
 * properties, from anywhere in the window while the pane is shown.
 * Approving asks who approves (the author may not); deleting a draft asks
 * first; a new runbook asks for a name no other runbook has; the properties
 * go to the editor as one edit. Import and export are in
 * cw-runbooks-page-files.c. */

/* Helpers */

static GtkWindow *
get_parent_window (CwRunbooksPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static gboolean
same_name (const char *a,
           const char *b)
{
  g_autofree char *fa = NULL;
  g_autofree char *fb = NULL;

  if (a == NULL || b == NULL)
    return FALSE;

  fa = g_utf8_casefold (a, -1);
  fb = g_utf8_casefold (b, -1);
  return g_str_equal (fa, fb);
}

void
_cw_runbooks_page_show_error (CwRunbooksPage *self,
                              const char     *heading,
                              const char     *body,
                              const char     *details)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (get_parent_window (self), heading, body));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));

  if (details != NULL)
    {
      GtkWidget *scroller = gtk_scrolled_window_new ();
      GtkWidget *label = gtk_label_new (details);

      /* Every line, however many: the user fixes them all at once. */
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_yalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "runbook-error-list");
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), label);
      gtk_widget_add_css_class (scroller, "card");
      adw_message_dialog_set_extra_child (dialog, scroller);
    }

  _cw_runbooks_page_set_dialog (self, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A dialog that asks for one line of text, with a line under it that says
 * what is wrong with it. */
static AdwMessageDialog *
entry_dialog_new (CwRunbooksPage *self,
                  const char     *heading,
                  const char     *body,
                  const char     *entry_title,
                  const char     *text,
                  const char     *response,
                  const char     *response_label)
{
  AdwMessageDialog *dialog;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *error = gtk_label_new (NULL);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (get_parent_window (self), heading, body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    response, response_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, response, ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, response);
  adw_message_dialog_set_close_response (dialog, "cancel");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), entry_title);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  gtk_box_append (GTK_BOX (box), list);

  gtk_label_set_xalign (GTK_LABEL (error), 0);
  gtk_label_set_wrap (GTK_LABEL (error), TRUE);
  gtk_widget_add_css_class (error, "caption");
  gtk_widget_add_css_class (error, "error");
  gtk_widget_set_visible (error, FALSE);
  gtk_box_append (GTK_BOX (box), error);
  adw_message_dialog_set_extra_child (dialog, box);

  g_object_set_data (G_OBJECT (dialog), "cw-entry", row);
  g_object_set_data (G_OBJECT (dialog), "cw-error", error);

  return dialog;
}

static const char *
get_dialog_text (AdwMessageDialog *dialog)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "cw-entry");
  const char *text = gtk_editable_get_text (entry);

  while (text != NULL && g_ascii_isspace (*text))
    text++;

  return text;
}

static void
set_dialog_error (AdwMessageDialog *dialog,
                  const char       *response,
                  const char       *message)
{
  GtkWidget *error = g_object_get_data (G_OBJECT (dialog), "cw-error");
  GtkWidget *entry = g_object_get_data (G_OBJECT (dialog), "cw-entry");
  const char *text = get_dialog_text (dialog);

  gtk_label_set_label (GTK_LABEL (error), message != NULL ? message : "");
  gtk_widget_set_visible (error, message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (entry, "error");
  else
    gtk_widget_remove_css_class (entry, "error");

  adw_message_dialog_set_response_enabled (dialog, response,
                                           message == NULL && text != NULL && text[0] != '\0');
}

/* Saving */

gboolean
_cw_runbooks_page_save_if_modified (CwRunbooksPage *self,
                                    gboolean        toast)
{
  CwStore *store = _cw_runbooks_page_get_store (self);
  g_autoptr(GError) error = NULL;

  if (store == NULL || cw_runbook_editor_get_runbook (self->editor) == NULL ||
      !cw_runbook_editor_get_modified (self->editor) || cw_runbook_editor_get_read_only (self->editor))
    return TRUE;

  if (!cw_runbook_editor_save (self->editor, store, _cw_runbooks_page_get_user (), &error))
    {
      _cw_runbooks_page_show_error (self, _("Could Not Save the Draft"), error->message, NULL);
      return FALSE;
    }

  if (toast)
    _cw_runbooks_page_add_toast (self, _("Draft saved"));

  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  CwRunbooksPage *self = CW_RUNBOOKS_PAGE (widget);
  const CwRunbook *runbook = cw_runbook_editor_get_runbook (self->editor);
  guint before = runbook != NULL ? runbook->version : 0;

  if (runbook == NULL || !_cw_runbooks_page_save_if_modified (self, FALSE))
    return;

  if (runbook->version != before)
    {
      g_autofree char *message = NULL;

      /* Translators: a toast after saving a new draft version */
      message = g_strdup_printf (_("Saved as version %u"), runbook->version);
      _cw_runbooks_page_add_toast (self, message);
    }

  _cw_runbooks_page_update (self);
  _cw_runbooks_page_reload_list (self);
}

/* Approving */

static void
on_approver_changed_cb (AdwMessageDialog *dialog)
{
  const char *author = g_object_get_data (G_OBJECT (dialog), "cw-author");

  if (same_name (get_dialog_text (dialog), author))
    set_dialog_error (dialog, "approve",
                      _("The author of a version cannot approve it: someone else must."));
  else
    set_dialog_error (dialog, "approve", NULL);
}

static void
on_approve_response_cb (CwRunbooksPage   *self,
                        const char       *response,
                        AdwMessageDialog *dialog)
{
  CwStore *store = _cw_runbooks_page_get_store (self);
  const guint *version = g_object_get_data (G_OBJECT (dialog), "cw-version");
  const char *name = g_object_get_data (G_OBJECT (dialog), "cw-name");
  g_autofree char *approver = g_strdup (get_dialog_text (dialog));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!g_str_equal (response, "approve") || store == NULL || version == NULL)
    return;

  g_strchomp (approver);
  if (!cw_runbooks_approve (store, name, *version, approver, &error))
    {
      if (g_error_matches (error, CW_RUNBOOK_ERROR, CW_RUNBOOK_ERROR_INVALID))
        _cw_runbooks_page_show_error (self, _("Not Approved"),
                           _("The version has problems; fix them in a new draft and approve that."),
                           error->message);
      else
        {
          /* Translators: a toast; the reason follows */
          message = g_strdup_printf (_("Not approved: %s"), error->message);
          _cw_runbooks_page_add_toast (self, message);
        }
      return;
    }

  /* Translators: a toast; a version number and who approved it */
  message = g_strdup_printf (_("Version %u approved by %s"), *version, approver);
  _cw_runbooks_page_add_toast (self, message);
  _cw_runbooks_page_reload (self, name, *version);
}

static void
approve_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  CwRunbooksPage *self = CW_RUNBOOKS_PAGE (widget);
  const CwRunbook *runbook;
  AdwMessageDialog *dialog;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;

  /* What is approved is what is saved: save the edits first. */
  if (!_cw_runbooks_page_save_if_modified (self, TRUE))
    return;
  _cw_runbooks_page_update (self);

  runbook = cw_runbook_editor_get_runbook (self->editor);
  if (runbook == NULL || runbook->version == 0 || runbook->state != CW_RUNBOOK_DRAFT)
    return;

  /* Translators: %u is a version number */
  heading = g_strdup_printf (_("Approve Version %u?"), runbook->version);
  if (runbook->author != NULL && runbook->author[0] != '\0')
    /* Translators: %s is the person who wrote the version */
    body = g_strdup_printf (_("An approved version cannot change: later edits make a new draft. "
                              "It was written by %s, who cannot approve it."), runbook->author);
  else
    body = g_strdup (_("An approved version cannot change: later edits make a new draft."));

  dialog = entry_dialog_new (self, heading, body, _("Approve As"), _cw_runbooks_page_get_user (),
                             "approve", _("_Approve"));
  g_object_set_data_full (G_OBJECT (dialog), "cw-author", g_strdup (runbook->author), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "cw-name", g_strdup (runbook->name), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "cw-version", g_memdup2 (&runbook->version, sizeof (guint)),
                          g_free);
  g_signal_connect_object (g_object_get_data (G_OBJECT (dialog), "cw-entry"), "changed",
                           G_CALLBACK (on_approver_changed_cb), dialog, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_approve_response_cb), self, G_CONNECT_SWAPPED);
  on_approver_changed_cb (dialog);

  _cw_runbooks_page_set_dialog (self, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Deleting a draft */

static void
on_delete_response_cb (CwRunbooksPage   *self,
                       const char       *response,
                       AdwMessageDialog *dialog)
{
  CwStore *store = _cw_runbooks_page_get_store (self);
  const guint *version = g_object_get_data (G_OBJECT (dialog), "cw-version");
  g_autofree char *name = g_strdup (g_object_get_data (G_OBJECT (dialog), "cw-name"));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GPtrArray) left = NULL;

  if (!g_str_equal (response, "delete") || store == NULL || version == NULL)
    return;

  if (!cw_runbooks_delete_draft (store, name, *version, &error))
    {
      _cw_runbooks_page_show_error (self, _("Could Not Delete the Draft"), error->message, NULL);
      return;
    }

  /* Translators: a toast; %u is a version number */
  message = g_strdup_printf (_("Deleted the draft of version %u"), *version);
  _cw_runbooks_page_add_toast (self, message);

  /* The runbook goes with its last version. */
  left = cw_runbooks_list_versions (store, name, NULL);
  cw_runbook_editor_set_runbook (self->editor, NULL);
  g_clear_pointer (&self->name, g_free);
  _cw_runbooks_page_reload (self, left != NULL && left->len > 0 ? name : NULL, 0);
}

static void
delete_draft_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  CwRunbooksPage *self = CW_RUNBOOKS_PAGE (widget);
  const CwRunbook *runbook = cw_runbook_editor_get_runbook (self->editor);
  AdwMessageDialog *dialog;
  g_autofree char *heading = NULL;
  const char *body;

  if (runbook == NULL || runbook->version == 0 || runbook->state != CW_RUNBOOK_DRAFT)
    return;

  /* Translators: %u is a version number */
  heading = g_strdup_printf (_("Delete the Draft of Version %u?"), runbook->version);
  if (self->versions != NULL && self->versions->len <= 1)
    body = _("It is the runbook’s only version: the runbook is deleted too. This cannot be undone.");
  else
    body = _("Its steps are deleted with it. Approved versions stay. This cannot be undone.");

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (get_parent_window (self), heading, body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "cw-name", g_strdup (runbook->name), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "cw-version", g_memdup2 (&runbook->version, sizeof (guint)),
                          g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response_cb), self, G_CONNECT_SWAPPED);

  _cw_runbooks_page_set_dialog (self, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A new runbook */

static void
on_new_name_changed_cb (AdwMessageDialog *dialog)
{
  GPtrArray *names = g_object_get_data (G_OBJECT (dialog), "cw-names");
  const char *text = get_dialog_text (dialog);

  for (guint i = 0; names != NULL && i < names->len; i++)
    if (same_name (text, g_ptr_array_index (names, i)))
      {
        set_dialog_error (dialog, "create", _("A runbook of that name exists already."));
        return;
      }

  set_dialog_error (dialog, "create", NULL);
}

static void
on_new_response_cb (CwRunbooksPage   *self,
                    const char       *response,
                    AdwMessageDialog *dialog)
{
  CwStore *store = _cw_runbooks_page_get_store (self);
  g_autofree char *name = g_strdup (get_dialog_text (dialog));
  g_autoptr(CwRunbook) runbook = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "create") || store == NULL)
    return;

  g_strchomp (name);
  if (name[0] == '\0' || !_cw_runbooks_page_save_if_modified (self, TRUE))
    return;

  runbook = cw_runbook_new (name);
  runbook->author = g_strdup (_cw_runbooks_page_get_user ());
  if (!cw_runbooks_save_draft (store, runbook, &error))
    {
      _cw_runbooks_page_show_error (self, _("Could Not Make the Runbook"), error->message, NULL);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  _cw_runbooks_page_reload (self, runbook->name, 0);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  CwRunbooksPage *self = CW_RUNBOOKS_PAGE (widget);
  CwStore *store = _cw_runbooks_page_get_store (self);
  g_autoptr(GPtrArray) infos = NULL;
  GPtrArray *names;
  AdwMessageDialog *dialog;

  if (store == NULL)
    return;

  infos = cw_runbooks_list (store, NULL, NULL);
  names = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; infos != NULL && i < infos->len; i++)
    g_ptr_array_add (names, g_strdup (((CwRunbookInfo *) g_ptr_array_index (infos, i))->name));

  dialog = entry_dialog_new (self, _("New Runbook"),
                             _("Name the procedure after what it changes, such as “Core switch OS upgrade”."),
                             _("Name"), NULL, "create", _("C_reate"));
  g_object_set_data_full (G_OBJECT (dialog), "cw-names", names, (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_object (g_object_get_data (G_OBJECT (dialog), "cw-entry"), "changed",
                           G_CALLBACK (on_new_name_changed_cb), dialog, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_new_response_cb), self, G_CONNECT_SWAPPED);
  on_new_name_changed_cb (dialog);

  _cw_runbooks_page_set_dialog (self, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The runbook's properties */

static void
on_properties_applied_cb (CwRunbooksPage            *self,
                          CwRunbookPropertiesDialog *dialog)
{
  g_autofree char *description = cw_runbook_properties_dialog_dup_description (dialog);
  g_autofree char *product = cw_runbook_properties_dialog_dup_product (dialog);

  cw_runbook_editor_set_properties (self->editor, description, product,
                                    cw_runbook_properties_dialog_get_ci_class (dialog),
                                    cw_runbook_properties_dialog_get_buffer_min (dialog));
}

static void
properties_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  CwRunbooksPage *self = CW_RUNBOOKS_PAGE (widget);
  const CwRunbook *runbook = cw_runbook_editor_get_runbook (self->editor);
  CwStore *store = _cw_runbooks_page_get_store (self);
  g_autoptr(GPtrArray) products = NULL;
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;
  CwRunbookPropertiesDialog *dialog;

  if (runbook == NULL)
    return;

  /* Without the Compatibility pane's products, the product is free text. */
  if (store != NULL && (products = cw_compat_list_products (store, NULL)) != NULL)
    for (guint i = 0; i < products->len; i++)
      g_strv_builder_add (names, ((CwCompatProduct *) g_ptr_array_index (products, i))->name);
  strv = g_strv_builder_end (names);

  dialog = cw_runbook_properties_dialog_new (get_parent_window (self), runbook, (const char * const *) strv,
                                             !cw_runbook_editor_get_read_only (self->editor));
  g_signal_connect_object (dialog, "applied", G_CALLBACK (on_properties_applied_cb), self, G_CONNECT_SWAPPED);

  _cw_runbooks_page_set_dialog (self, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Keys */

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  CwRunbooksPage *self = CW_RUNBOOKS_PAGE (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "runbooks") != 0)
    return;

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

static gboolean
page_shortcut_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  /* The window's shortcut while the pane is shown, no one's otherwise. */
  if (!gtk_widget_get_mapped (widget))
    return FALSE;

  return gtk_widget_activate_action (widget, g_variant_get_string (args, NULL), NULL);
}

/* Internal API */

void
_cw_runbooks_page_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "runbooks.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "runbooks.approve", NULL, approve_action);
  gtk_widget_class_install_action (widget_class, "runbooks.delete-draft", NULL, delete_draft_action);
  gtk_widget_class_install_action (widget_class, "runbooks.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "runbooks.focus-search", NULL, focus_search_action);
  gtk_widget_class_install_action (widget_class, "runbooks.properties", NULL, properties_action);

  _cw_runbooks_page_class_files_init (widget_class);
}

void
_cw_runbooks_page_actions_init (CwRunbooksPage *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcutController *shortcuts = GTK_SHORTCUT_CONTROLLER (controller);

  /* Managed by the window, so that they work wherever the focus is. */
  gtk_shortcut_controller_set_scope (shortcuts, GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (shortcuts,
                                        gtk_shortcut_new_with_arguments (
                                          gtk_keyval_trigger_new (GDK_KEY_f, GDK_CONTROL_MASK),
                                          gtk_callback_action_new (page_shortcut_cb, NULL, NULL),
                                          "s", "runbooks.focus-search"));
  gtk_shortcut_controller_add_shortcut (shortcuts,
                                        gtk_shortcut_new_with_arguments (
                                          gtk_keyval_trigger_new (GDK_KEY_s, GDK_CONTROL_MASK),
                                          gtk_callback_action_new (page_shortcut_cb, NULL, NULL),
                                          "s", "runbooks.save"));
  gtk_shortcut_controller_add_shortcut (shortcuts,
                                        gtk_shortcut_new_with_arguments (
                                          gtk_keyval_trigger_new (GDK_KEY_Return, GDK_ALT_MASK),
                                          gtk_callback_action_new (page_shortcut_cb, NULL, NULL),
                                          "s", "runbooks.properties"));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

void
_cw_runbooks_page_actions_update (CwRunbooksPage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  const CwRunbook *runbook = cw_runbook_editor_get_runbook (self->editor);
  gboolean has_store = _cw_runbooks_page_get_store (self) != NULL;
  gboolean draft = runbook != NULL && !cw_runbook_editor_get_read_only (self->editor);

  gtk_widget_action_set_enabled (widget, "runbooks.save",
                                 draft && cw_runbook_editor_get_modified (self->editor));
  gtk_widget_action_set_enabled (widget, "runbooks.approve", draft);
  gtk_widget_action_set_enabled (widget, "runbooks.delete-draft", draft && runbook->version > 0);
  gtk_widget_action_set_enabled (widget, "runbooks.new", has_store);
  gtk_widget_action_set_enabled (widget, "runbooks.import", has_store && !self->importing);
  gtk_widget_action_set_enabled (widget, "runbooks.export", runbook != NULL);
  gtk_widget_action_set_enabled (widget, "runbooks.properties", runbook != NULL);

  /* An approved version has one way on, the banner's Edit as New Draft. */
  gtk_widget_set_visible (GTK_WIDGET (self->draft_buttons), runbook == NULL || draft);
}

void
_cw_runbooks_page_actions_dispose (CwRunbooksPage *self)
{
  _cw_runbooks_page_files_dispose (self);

  if (self->dialog != NULL)
    gtk_window_destroy (self->dialog);
}
