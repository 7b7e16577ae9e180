/* cw-runbooks-page.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-runbooks-page"

#include "config.h"

#include <glib/gi18n.h>

#include "cw-ci-field.h"
#include "cw-runbooks-page-private.h"
#include "cw-window.h"

/* The Runbooks pane: a sidebar of runbooks with a search, and for the one
 * selected a header (its name, the version shown and its state, Save,
 * Approve, Delete Draft) over three views: the editor, the timeline and the
 * changes between two versions. Everything goes through core
 * (cw-runbook-store.h); a runbook is read on the main thread, which takes a
 * few milliseconds even for thousands of steps. Edits are never lost: before
 * another runbook or version is shown, a changed draft is saved. */

G_DEFINE_FINAL_TYPE (CwRunbooksPage, cw_runbooks_page, CW_TYPE_PAGE)

/* Helpers */

static GtkWidget *
create_runbook_row (const CwRunbookInfo *info)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (info->name);
  GtkWidget *subtitle;
  GtkWidget *badge;
  g_autofree char *applies = NULL;
  g_autofree char *version = NULL;
  g_autofree char *tooltip = NULL;
  const char *ci_class = info->ci_class;
  gboolean approved = info->approved_version != 0 && info->approved_version == info->latest_version;

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_tooltip_text (name, info->name);   /* the sidebar is narrow: names get cut */
  gtk_box_append (GTK_BOX (text), name);

  if (info->ci_class != NULL && cw_ci_class_is_valid (info->ci_class))
    ci_class = cw_ci_class_get_label (info->ci_class);
  if (info->product != NULL && ci_class != NULL)
    /* Translators: what a runbook applies to: a product, then a CI class */
    applies = g_strdup_printf (_("%s · %s"), info->product, ci_class);
  else if (info->product != NULL || ci_class != NULL)
    applies = g_strdup (info->product != NULL ? info->product : ci_class);
  else
    applies = g_strdup (_("Applies to anything"));
  subtitle = gtk_label_new (applies);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_box_append (GTK_BOX (text), subtitle);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (box), text);

  /* Translators: a badge: the latest version's number, short */
  version = g_strdup_printf (_("v%u"), info->latest_version);
  badge = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (badge, "runbook-badge");
  gtk_widget_add_css_class (badge, approved ? "approved" : "draft");
  gtk_box_append (GTK_BOX (badge), gtk_image_new_from_icon_name (approved ? "emblem-ok-symbolic"
                                                                          : "document-edit-symbolic"));
  gtk_box_append (GTK_BOX (badge), gtk_label_new (version));
  gtk_box_append (GTK_BOX (box), badge);

  if (approved)
    tooltip = g_strdup_printf (_("Version %u is approved"), info->latest_version);
  else if (info->approved_version != 0)
    tooltip = g_strdup_printf (_("Version %u is a draft; version %u is approved"),
                               info->latest_version, info->approved_version);
  else
    tooltip = g_strdup_printf (_("Version %u is a draft; no version is approved yet"), info->latest_version);
  gtk_widget_set_tooltip_text (badge, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tooltip, -1);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_name (row, info->name);

  return row;
}

static GtkListBoxRow *
find_row (CwRunbooksPage *self,
          const char     *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->runbook_list));
       child != NULL && name != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) && g_strcmp0 (gtk_widget_get_name (child), name) == 0)
      return GTK_LIST_BOX_ROW (child);

  return NULL;
}

/* The sidebar from the store, the shown runbook's row selected. */
void
_cw_runbooks_page_reload_list (CwRunbooksPage *self)
{
  CwStore *store = _cw_runbooks_page_get_store (self);
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) infos = NULL;
  GtkWidget *child;

  if (store == NULL)
    return;

  infos = cw_runbooks_list (store, search != NULL && search[0] != '\0' ? search : NULL, &error);
  if (infos == NULL)
    {
      _cw_runbooks_page_add_toast (self, error->message);
      return;
    }

  if (search == NULL || search[0] == '\0')
    self->n_runbooks = infos->len;
  else
    {
      g_autoptr(GPtrArray) all = cw_runbooks_list (store, NULL, NULL);

      self->n_runbooks = all != NULL ? all->len : infos->len;
    }

  self->filling = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->runbook_list))) != NULL)
    gtk_list_box_remove (self->runbook_list, child);
  for (guint i = 0; i < infos->len; i++)
    gtk_list_box_append (self->runbook_list, create_runbook_row (g_ptr_array_index (infos, i)));
  gtk_list_box_select_row (self->runbook_list, find_row (self, self->name));
  self->filling = FALSE;

  g_clear_pointer (&self->infos, g_ptr_array_unref);
  self->infos = g_steal_pointer (&infos);

  gtk_stack_set_visible_child_name (self->main_stack, self->n_runbooks > 0 || self->name != NULL
                                                      ? "runbooks" : "empty");
}

static void
update_state (CwRunbooksPage *self)
{
  const CwRunbook *runbook = cw_runbook_editor_get_runbook (self->editor);
  gboolean modified = cw_runbook_editor_get_modified (self->editor);
  g_autofree char *text = NULL;
  g_autofree char *date = NULL;
  const char *icon;

  gtk_widget_remove_css_class (GTK_WIDGET (self->state_box), "approved");
  gtk_widget_remove_css_class (GTK_WIDGET (self->state_box), "draft");

  if (runbook == NULL)
    {
      gtk_label_set_label (self->state_label, "");
      return;
    }

  if (runbook->state == CW_RUNBOOK_APPROVED)
    {
      date = _cw_runbooks_page_format_date (runbook->approved_at);
      icon = "security-high-symbolic";
      /* Translators: a version's state: approver, date */
      text = g_strdup_printf (_("Approved by %s on %s · cannot change"),
                              runbook->approver != NULL ? runbook->approver : "", date);
      gtk_widget_add_css_class (GTK_WIDGET (self->state_box), "approved");
    }
  else if (runbook->version == 0)
    {
      icon = "document-new-symbolic";
      text = g_strdup (_("New draft, not saved yet"));
      gtk_widget_add_css_class (GTK_WIDGET (self->state_box), "draft");
    }
  else
    {
      icon = "document-edit-symbolic";
      if (runbook->author != NULL && runbook->author[0] != '\0')
        /* Translators: a version's state: its number and author */
        text = g_strdup_printf (modified ? _("Draft of version %u by %s · unsaved changes")
                                         : _("Draft of version %u by %s · not approved yet"),
                                runbook->version, runbook->author);
      else
        text = g_strdup_printf (modified ? _("Draft of version %u · unsaved changes")
                                         : _("Draft of version %u · not approved yet"),
                                runbook->version);
      gtk_widget_add_css_class (GTK_WIDGET (self->state_box), "draft");
    }

  gtk_image_set_from_icon_name (self->state_icon, icon);
  gtk_label_set_label (self->state_label, text);
}

static void
update_header (CwRunbooksPage *self)
{
  const CwRunbook *runbook = cw_runbook_editor_get_runbook (self->editor);
  const char *description = runbook != NULL ? runbook->description : NULL;

  gtk_label_set_label (self->name_label, runbook != NULL ? runbook->name : "");
  gtk_label_set_label (self->description_label, description != NULL ? description : "");
  gtk_widget_set_visible (GTK_WIDGET (self->description_label), description != NULL && description[0] != '\0');
  update_state (self);
}

/* Shows @version (0: the latest) of @name in the editor. */
static void
show_runbook (CwRunbooksPage *self,
              const char     *name,
              guint           version)
{
  CwStore *store = _cw_runbooks_page_get_store (self);
  g_autoptr(GError) error = NULL;
  CwRunbook *runbook = NULL;

  if (store != NULL && name != NULL)
    {
      runbook = cw_runbooks_load (store, name, version, &error);
      if (runbook == NULL)
        _cw_runbooks_page_add_toast (self, error->message);
    }

  g_free (self->name);
  self->name = runbook != NULL ? g_strdup (runbook->name) : NULL;

  cw_runbook_editor_set_runbook (self->editor, runbook);
  _cw_runbooks_page_load_versions (self);
  _cw_runbooks_page_update_versions (self);
  update_header (self);
  _cw_runbooks_page_update_views (self);

  gtk_stack_set_visible_child_name (self->content_stack, runbook != NULL ? "runbook" : "none");
  _cw_runbooks_page_actions_update (self);
}

/* Callbacks */

static void
on_search_changed_cb (CwRunbooksPage *self)
{
  _cw_runbooks_page_reload_list (self);
}

static void
on_stop_search_cb (CwRunbooksPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* Enter in the search shows the first runbook found. */
static void
on_search_activate_cb (CwRunbooksPage *self)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->runbook_list, 0);

  if (row != NULL)
    gtk_list_box_select_row (self->runbook_list, row);
}

/* Down goes from the search to the runbooks found. */
static gboolean
on_search_key_pressed_cb (CwRunbooksPage  *self,
                          guint            keyval,
                          guint            keycode,
                          GdkModifierType  state)
{
  GtkListBoxRow *row;

  if ((keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down) ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return FALSE;

  row = gtk_list_box_get_selected_row (self->runbook_list);
  if (row == NULL || !gtk_widget_get_child_visible (GTK_WIDGET (row)))
    row = gtk_list_box_get_row_at_index (self->runbook_list, 0);
  if (row == NULL)
    return FALSE;

  gtk_widget_grab_focus (GTK_WIDGET (row));
  return TRUE;
}

static gboolean
reload_list_idle_cb (gpointer user_data)
{
  CwRunbooksPage *self = user_data;

  _cw_runbooks_page_reload_list (self);
  g_object_unref (self);

  return G_SOURCE_REMOVE;
}

static void
on_runbook_selected_cb (CwRunbooksPage *self,
                        GtkListBoxRow  *row)
{
  const char *name;
  gboolean modified;

  if (self->filling || row == NULL)
    return;

  name = gtk_widget_get_name (GTK_WIDGET (row));
  if (g_strcmp0 (name, self->name) == 0)
    return;

  modified = cw_runbook_editor_get_modified (self->editor);
  if (!_cw_runbooks_page_save_if_modified (self, TRUE))
    {
      /* Stay on the runbook whose draft could not be saved. */
      self->filling = TRUE;
      gtk_list_box_select_row (self->runbook_list, find_row (self, self->name));
      self->filling = FALSE;
      return;
    }

  show_runbook (self, name, 0);

  /* The badges follow the save, once the list is done with this signal. */
  if (modified)
    g_idle_add (reload_list_idle_cb, g_object_ref (self));
}

static void
on_version_selected_cb (CwRunbooksPage *self)
{
  const CwRunbook *runbook = cw_runbook_editor_get_runbook (self->editor);
  guint selected = gtk_drop_down_get_selected (self->version_dropdown);
  const CwRunbookVersionInfo *info;
  guint version;

  if (self->filling || self->versions == NULL || selected >= self->versions->len || self->name == NULL)
    return;

  info = g_ptr_array_index (self->versions, selected);
  version = info->version;
  if (runbook != NULL && runbook->version == version)
    return;

  if (!_cw_runbooks_page_save_if_modified (self, TRUE))
    {
      _cw_runbooks_page_update_versions (self);
      return;
    }

  show_runbook (self, self->name, version);
  _cw_runbooks_page_reload_list (self);
}

static void
on_editor_changed_cb (CwRunbooksPage *self)
{
  update_header (self);
  _cw_runbooks_page_actions_update (self);

  _cw_runbooks_page_schedule_views (self);
}

static void
on_editor_state_cb (CwRunbooksPage *self)
{
  update_state (self);
  _cw_runbooks_page_actions_update (self);
}

static void
on_view_changed_cb (CwRunbooksPage *self)
{
  _cw_runbooks_page_update_views (self);
}

static void
on_compare_selected_cb (CwRunbooksPage *self)
{
  if (!self->filling)
    _cw_runbooks_page_update_views (self);
}

static void
on_step_activated_cb (CwRunbooksPage *self,
                      const char     *step_id)
{
  const CwRunbook *runbook = cw_runbook_editor_get_runbook (self->editor);

  if (runbook == NULL || cw_runbook_find_step (runbook, step_id) == NULL)
    return;

  adw_view_stack_set_visible_child_name (self->view_stack, "editor");
  cw_runbook_editor_select_step (self->editor, step_id);

  /* The key that activated it was on a view now hidden. */
  cw_runbook_editor_focus_list (self->editor);
}

/* Internal API */

CwStore *
_cw_runbooks_page_get_store (CwRunbooksPage *self)
{
  CwContext *context = cw_page_get_context (CW_PAGE (self));

  return context != NULL ? cw_context_get_store (context) : NULL;
}

void
_cw_runbooks_page_reload (CwRunbooksPage *self,
                          const char     *name,
                          guint           version)
{
  g_autofree char *target = g_strdup (name != NULL ? name : self->name);

  show_runbook (self, target, version);
  _cw_runbooks_page_reload_list (self);
}

void
_cw_runbooks_page_update (CwRunbooksPage *self)
{
  _cw_runbooks_page_load_versions (self);
  _cw_runbooks_page_update_versions (self);
  update_header (self);
  _cw_runbooks_page_actions_update (self);
}

void
_cw_runbooks_page_add_toast (CwRunbooksPage *self,
                             const char     *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (CW_IS_WINDOW (root))
    cw_window_add_toast (CW_WINDOW (root), message);
  else
    g_debug ("%s", message);
}

void
_cw_runbooks_page_set_dialog (CwRunbooksPage *self,
                              GtkWindow      *dialog)
{
  g_set_weak_pointer (&self->dialog, dialog);
}

const char *
_cw_runbooks_page_get_user (void)
{
  const char *name = g_get_real_name ();

  /* GLib says "Unknown" when the account has no real name. */
  if (name == NULL || name[0] == '\0' || g_str_equal (name, "Unknown"))
    name = g_get_user_name ();

  return name;
}

/* GObject */

static void
cw_runbooks_page_constructed (GObject *object)
{
  CwRunbooksPage *self = (CwRunbooksPage *)object;

  G_OBJECT_CLASS (cw_runbooks_page_parent_class)->constructed (object);

  _cw_runbooks_page_reload_list (self);
  _cw_runbooks_page_actions_update (self);
}

static void
cw_runbooks_page_dispose (GObject *object)
{
  CwRunbooksPage *self = (CwRunbooksPage *)object;

  g_clear_handle_id (&self->views_timeout_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);

  /* Closing the window keeps the edits too: a draft may have problems. */
  if (self->editor != NULL && cw_runbook_editor_get_modified (self->editor) &&
      !cw_runbook_editor_get_read_only (self->editor) && _cw_runbooks_page_get_store (self) != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!cw_runbook_editor_save (self->editor, _cw_runbooks_page_get_store (self),
                                   _cw_runbooks_page_get_user (), &error))
        g_debug ("The draft was not saved: %s", error->message);
    }

  _cw_runbooks_page_actions_dispose (self);
  g_clear_weak_pointer (&self->dialog);

  gtk_widget_dispose_template (GTK_WIDGET (object), CW_TYPE_RUNBOOKS_PAGE);

  G_OBJECT_CLASS (cw_runbooks_page_parent_class)->dispose (object);
}

static void
cw_runbooks_page_finalize (GObject *object)
{
  CwRunbooksPage *self = (CwRunbooksPage *)object;

  g_clear_pointer (&self->infos, g_ptr_array_unref);
  g_clear_pointer (&self->versions, g_ptr_array_unref);
  g_clear_pointer (&self->compare, g_array_unref);
  g_clear_pointer (&self->name, g_free);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (cw_runbooks_page_parent_class)->finalize (object);
}

static void
cw_runbooks_page_class_init (CwRunbooksPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cw_runbooks_page_constructed;
  object_class->dispose = cw_runbooks_page_dispose;
  object_class->finalize = cw_runbooks_page_finalize;

  g_type_ensure (CW_TYPE_RUNBOOK_EDITOR);
  g_type_ensure (CW_TYPE_RUNBOOK_TIMELINE);
  g_type_ensure (CW_TYPE_RUNBOOK_DIFF_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/changeward/Changeward/ui/runbooks/cw-runbooks-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CwRunbooksPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CwRunbooksPage, menu_button);
  gtk_widget_class_bind_template_child (widget_class, CwRunbooksPage, runbook_list);
  gtk_widget_class_bind_template_child (widget_class, CwRunbooksPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, CwRunbooksPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, CwRunbooksPage, description_label);
  gtk_widget_class_bind_template_child (widget_class, CwRunbooksPage, state_box);
  gtk_widget_class_bind_template_child (widget_class, CwRunbooksPage, state_icon);
  gtk_widget_class_bind_template_child (widget_class, CwRunbooksPage, state_label);
  gtk_widget_class_bind_template_child (widget_class, CwRunbooksPage, draft_buttons);
  gtk_widget_class_bind_template_child (widget_class, CwRunbooksPage, version_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CwRunbooksPage, version_model);
  gtk_widget_class_bind_template_child (widget_class, CwRunbooksPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, CwRunbooksPage, editor);
  gtk_widget_class_bind_template_child (widget_class, CwRunbooksPage, timeline);
  gtk_widget_class_bind_template_child (widget_class, CwRunbooksPage, from_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CwRunbooksPage, from_model);
  gtk_widget_class_bind_template_child (widget_class, CwRunbooksPage, to_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CwRunbooksPage, to_model);
  gtk_widget_class_bind_template_child (widget_class, CwRunbooksPage, diff_view);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_runbook_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_version_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_editor_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_editor_state_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_view_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_compare_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_step_activated_cb);

  _cw_runbooks_page_class_actions_init (widget_class);
}

static void
cw_runbooks_page_init (CwRunbooksPage *self)
{
  GtkWidget *placeholder;
  GtkEventController *key;

  self->compare = g_array_new (FALSE, FALSE, sizeof (guint));
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The bin's own child: bound, gtk_widget_dispose_template() would unparent
   * it behind AdwBin's back. */
  self->main_stack = GTK_STACK (adw_bin_get_child (ADW_BIN (self)));

  _cw_runbooks_page_setup_drop_downs (self);

  placeholder = gtk_label_new (_("No Matching Runbooks"));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 24);
  gtk_widget_set_margin_bottom (placeholder, 24);
  gtk_list_box_set_placeholder (self->runbook_list, placeholder);

  key = gtk_event_controller_key_new ();
  g_signal_connect_object (key, "key-pressed", G_CALLBACK (on_search_key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), key);

  _cw_runbooks_page_actions_init (self);
}

/* For tests */

CwRunbookEditor *
cw_runbooks_page_get_editor (CwRunbooksPage *self)
{
  g_return_val_if_fail (CW_IS_RUNBOOKS_PAGE (self), NULL);

  return self->editor;
}

GtkListBox *
cw_runbooks_page_get_list (CwRunbooksPage *self)
{
  g_return_val_if_fail (CW_IS_RUNBOOKS_PAGE (self), NULL);

  return self->runbook_list;
}

GtkSearchEntry *
cw_runbooks_page_get_search (CwRunbooksPage *self)
{
  g_return_val_if_fail (CW_IS_RUNBOOKS_PAGE (self), NULL);

  return self->search_entry;
}

GtkDropDown *
cw_runbooks_page_get_versions (CwRunbooksPage *self)
{
  g_return_val_if_fail (CW_IS_RUNBOOKS_PAGE (self), NULL);

  return self->version_dropdown;
}

const char *
cw_runbooks_page_get_shown (CwRunbooksPage *self)
{
  g_return_val_if_fail (CW_IS_RUNBOOKS_PAGE (self), NULL);

  return self->name;
}

gboolean
cw_runbooks_page_select (CwRunbooksPage *self,
                         const char     *name)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (CW_IS_RUNBOOKS_PAGE (self), FALSE);

  row = find_row (self, name);
  if (row == NULL)
    return FALSE;

  gtk_list_box_select_row (self->runbook_list, row);
  return g_strcmp0 (self->name, name) == 0;
}

const char *
cw_runbooks_page_get_state (CwRunbooksPage *self)
{
  g_return_val_if_fail (CW_IS_RUNBOOKS_PAGE (self), NULL);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "empty") == 0)
    return "empty";

  return gtk_stack_get_visible_child_name (self->content_stack);
}

GtkWindow *
cw_runbooks_page_get_dialog (CwRunbooksPage *self)
{
  g_return_val_if_fail (CW_IS_RUNBOOKS_PAGE (self), NULL);

  return self->dialog;
}
