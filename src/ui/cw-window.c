/* cw-window.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-window"

#include "config.h"

#include <glib/gi18n.h>

#include "cw-calendar-page.h"
#include "cw-changes-page.h"
#include "cw-compat-page.h"
#include "cw-documents-page.h"
#include "cw-execution-page.h"
#include "cw-inventory-page.h"
#include "cw-runbooks-page.h"
#include "cw-window.h"

struct _CwWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwWindowTitle       *content_title;
  AdwStatusPage        *error_page;
  GtkMenuButton        *error_menu_button;
  AdwLeaflet           *leaflet;
  GtkStack             *main_stack;
  GtkStack             *pane_stack;
  GMenuModel           *primary_menu;
  GtkMenuButton        *sidebar_menu_button;
  GtkListBox           *sidebar_list;
  AdwToastOverlay      *toast_overlay;

  /* Owned */
  CwContext            *context;
  GtkWindow            *shortcuts_window;
  GSettings            *settings;
  char                 *workspace_title;
};

G_DEFINE_FINAL_TYPE (CwWindow, cw_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The panes in sidebar order. Each is created the first time it is shown. */
typedef struct
{
  const char *id;
  const char *title;
  const char *icon_name;
  GType     (*get_type) (void);
} PaneInfo;

static const PaneInfo panes[] = {
  { "changes",   N_("Changes"),       "document-edit-symbolic",        cw_changes_page_get_type },
  { "inventory", N_("Inventory"),     "drive-multidisk-symbolic",      cw_inventory_page_get_type },
  { "compat",    N_("Compatibility"), "emblem-ok-symbolic",            cw_compat_page_get_type },
  { "runbooks",  N_("Runbooks"),      "view-list-ordered-symbolic",    cw_runbooks_page_get_type },
  { "calendar",  N_("Calendar"),      "x-office-calendar-symbolic",    cw_calendar_page_get_type },
  { "execution", N_("Execution"),     "media-playback-start-symbolic", cw_execution_page_get_type },
  { "documents", N_("Documents"),     "x-office-document-symbolic",    cw_documents_page_get_type },
};

static const PaneInfo *
find_pane (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (panes); i++)
    if (g_strcmp0 (panes[i].id, id) == 0)
      return &panes[i];

  return NULL;
}

static GtkWidget *
create_sidebar_row (const PaneInfo *pane)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (_(pane->title));

  gtk_widget_set_name (row, pane->id);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (pane->icon_name));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  return row;
}

static GtkListBoxRow *
find_sidebar_row (CwWindow   *self,
                  const char *id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (gtk_widget_get_name (child), id) == 0)
      return GTK_LIST_BOX_ROW (child);

  return NULL;
}

static void
update_title (CwWindow *self)
{
  g_autofree char *title = NULL;

  if (self->workspace_title != NULL)
    /* Translators: the window title: the workspace's name, then the application */
    title = g_strdup_printf (_("%s — Changeward"), self->workspace_title);
  else
    title = g_strdup ("Changeward");

  gtk_window_set_title (GTK_WINDOW (self), title);
}

/* The menu's popover is built when it is first opened (also by F10), not
 * with the window: that keeps it out of the first frame. */
static void
create_primary_menu_cb (GtkMenuButton *button,
                        gpointer       user_data)
{
  CwWindow *self = CW_WINDOW (user_data);

  if (gtk_menu_button_get_menu_model (button) == NULL)
    gtk_menu_button_set_menu_model (button, self->primary_menu);
}

static void
on_sidebar_row_selected_cb (CwWindow      *self,
                            GtkListBoxRow *row,
                            GtkListBox    *list)
{
  const char *id;

  if (row == NULL)
    return;

  /* cw_window_show_pane() selects the row of the pane it shows: nothing more
   * to do then. */
  id = gtk_widget_get_name (GTK_WIDGET (row));
  if (g_strcmp0 (id, cw_window_get_visible_pane (self)) != 0)
    cw_window_show_pane (self, id);
}

static void
on_sidebar_row_activated_cb (CwWindow      *self,
                             GtkListBoxRow *row,
                             GtkListBox    *list)
{
  /* When folded, choosing a pane moves on to it. */
  adw_leaflet_set_visible_child (self->leaflet, gtk_widget_get_parent (GTK_WIDGET (self->pane_stack)));
}

static void
show_pane_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  CwWindow *self = CW_WINDOW (widget);

  if (cw_window_show_pane (self, g_variant_get_string (param, NULL)) &&
      adw_leaflet_get_folded (self->leaflet))
    on_sidebar_row_activated_cb (self, NULL, self->sidebar_list);
}

static void
show_sidebar_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  CwWindow *self = CW_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* "win.show-ci" (x): a CI in the Inventory pane, from any pane. */
static void
show_ci_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  CwWindow *self = CW_WINDOW (widget);

  if (cw_window_show_pane (self, "inventory"))
    cw_inventory_page_show_ci (CW_INVENTORY_PAGE (cw_window_get_pane (self, "inventory")),
                               g_variant_get_int64 (param));
}

/* "win.check-compat" (x): the Compatibility pane's check, for one CI. */
static void
check_compat_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  gint64 id = g_variant_get_int64 (param);

  cw_window_check_compat (CW_WINDOW (widget), &id, 1);
}

static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  CwWindow *self = CW_WINDOW (widget);

  /* Built on first use: parsing it at start-up would delay the first frame. */
  if (self->shortcuts_window == NULL)
    {
      g_autoptr(GtkBuilder) builder = NULL;

      builder = gtk_builder_new_from_resource ("/io/github/changeward/Changeward/ui/"
                                               "cw-shortcuts-window.ui");
      self->shortcuts_window = g_object_ref (GTK_WINDOW (gtk_builder_get_object (builder,
                                                                                "help_overlay")));
      gtk_window_set_transient_for (self->shortcuts_window, GTK_WINDOW (self));
      gtk_window_set_hide_on_close (self->shortcuts_window, TRUE);
    }

  gtk_window_present (self->shortcuts_window);
}

/* A window shows its workspace or why it has none, for good: the other page
 * of the main stack is hidden, so that GTK does not style it (and load its
 * icons) for the first frame. */
static void
show_main_page (CwWindow   *self,
                const char *name,
                const char *hidden)
{
  gtk_stack_set_visible_child_name (self->main_stack, name);
  gtk_widget_set_visible (gtk_stack_get_child_by_name (self->main_stack, hidden), FALSE);
}

static gboolean
cw_window_close_request (GtkWindow *window)
{
  CwWindow *self = CW_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);

  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  if (!gtk_window_is_maximized (window))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_apply (self->settings);

  return GTK_WINDOW_CLASS (cw_window_parent_class)->close_request (window);
}

static void
cw_window_constructed (GObject *object)
{
  CwWindow *self = (CwWindow *)object;
  g_autofree char *last_pane = NULL;

  G_OBJECT_CLASS (cw_window_parent_class)->constructed (object);

  if (self->context != NULL)
    {
      self->workspace_title = cw_context_dup_title (self->context);
      adw_window_title_set_subtitle (self->content_title, self->workspace_title);
      show_main_page (self, "workspace", "error");

      last_pane = g_settings_get_string (self->settings, "last-pane");
      if (!cw_window_show_pane (self, last_pane))
        cw_window_show_pane (self, panes[0].id);
    }
  else
    show_main_page (self, "error", "workspace");

  update_title (self);
}

static void
cw_window_dispose (GObject *object)
{
  CwWindow *self = (CwWindow *)object;

  if (self->shortcuts_window != NULL)
    gtk_window_destroy (self->shortcuts_window);
  g_clear_object (&self->shortcuts_window);

  gtk_widget_dispose_template (GTK_WIDGET (self), CW_TYPE_WINDOW);

  G_OBJECT_CLASS (cw_window_parent_class)->dispose (object);
}

static void
cw_window_finalize (GObject *object)
{
  CwWindow *self = (CwWindow *)object;

  g_clear_object (&self->context);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->workspace_title, g_free);

  G_OBJECT_CLASS (cw_window_parent_class)->finalize (object);
}

static void
cw_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  CwWindow *self = CW_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cw_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  CwWindow *self = CW_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cw_window_class_init (CwWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = cw_window_constructed;
  object_class->dispose = cw_window_dispose;
  object_class->finalize = cw_window_finalize;
  object_class->get_property = cw_window_get_property;
  object_class->set_property = cw_window_set_property;

  window_class->close_request = cw_window_close_request;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         CW_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/changeward/Changeward/ui/cw-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CwWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, CwWindow, error_menu_button);
  gtk_widget_class_bind_template_child (widget_class, CwWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, CwWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CwWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, CwWindow, pane_stack);
  gtk_widget_class_bind_template_child (widget_class, CwWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, CwWindow, sidebar_menu_button);
  gtk_widget_class_bind_template_child (widget_class, CwWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, CwWindow, toast_overlay);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_selected_cb);

  gtk_widget_class_install_action (widget_class, "win.show-pane", "s", show_pane_action);
  gtk_widget_class_install_action (widget_class, "win.show-sidebar", NULL, show_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.show-ci", "x", show_ci_action);
  gtk_widget_class_install_action (widget_class, "win.check-compat", "x", check_compat_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL,
                                   show_help_overlay_action);

  /* Ctrl+1 … Ctrl+7 follow the sidebar's order. */
  for (guint i = 0; i < G_N_ELEMENTS (panes); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_CONTROL_MASK,
                                         "win.show-pane", "s", panes[i].id);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "win.show-sidebar", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
}

static void
cw_window_init (CwWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);

  gtk_menu_button_set_create_popup_func (self->sidebar_menu_button, create_primary_menu_cb,
                                         self, NULL);
  gtk_menu_button_set_create_popup_func (self->error_menu_button, create_primary_menu_cb,
                                         self, NULL);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  for (guint i = 0; i < G_N_ELEMENTS (panes); i++)
    gtk_list_box_append (self->sidebar_list, create_sidebar_row (&panes[i]));

#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
}

/**
 * cw_window_new:
 * @context: (nullable): the open workspace, or %NULL for a window that shows
 *   why none could be opened (see cw_window_show_error())
 */
CwWindow *
cw_window_new (GtkApplication *application,
               CwContext      *context)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (context == NULL || CW_IS_CONTEXT (context), NULL);

  return g_object_new (CW_TYPE_WINDOW,
                       "application", application,
                       "context", context,
                       NULL);
}

/**
 * cw_window_get_context:
 *
 * Returns: (transfer none) (nullable): the workspace shown
 */
CwContext *
cw_window_get_context (CwWindow *self)
{
  g_return_val_if_fail (CW_IS_WINDOW (self), NULL);

  return self->context;
}

/**
 * cw_window_show_error:
 *
 * Shows why a workspace could not be opened, with ways on: open another,
 * create one, or open the demo workspace. Only for windows without a context.
 */
void
cw_window_show_error (CwWindow     *self,
                      const GError *error)
{
  g_return_if_fail (CW_IS_WINDOW (self));
  g_return_if_fail (self->context == NULL);
  g_return_if_fail (error != NULL);

  /* Set here, not in the template: a hidden page's icon would still be
   * loaded at start-up. */
  adw_status_page_set_icon_name (self->error_page, "dialog-warning-symbolic");
  adw_status_page_set_description (self->error_page, error->message);
  gtk_stack_set_visible_child_name (self->main_stack, "error");
}

/**
 * cw_window_show_pane:
 * @pane_id: one of cw_window_list_panes()
 *
 * Returns: %TRUE if the pane is now shown
 */
gboolean
cw_window_show_pane (CwWindow   *self,
                     const char *pane_id)
{
  g_autofree char *saved = NULL;
  const PaneInfo *pane;
  GtkListBoxRow *row;
  GtkWidget *child;

  g_return_val_if_fail (CW_IS_WINDOW (self), FALSE);

  pane = find_pane (pane_id);
  if (pane == NULL || self->context == NULL)
    return FALSE;

  child = gtk_stack_get_child_by_name (self->pane_stack, pane->id);
  if (child == NULL)
    {
      child = g_object_new (pane->get_type (), "context", self->context, NULL);
      gtk_stack_add_named (self->pane_stack, child, pane->id);
    }

  gtk_stack_set_visible_child (self->pane_stack, child);
  adw_window_title_set_title (self->content_title, _(pane->title));

  row = find_sidebar_row (self, pane->id);
  if (row != NULL && gtk_list_box_get_selected_row (self->sidebar_list) != row)
    gtk_list_box_select_row (self->sidebar_list, row);

  /* Unchanged, as when a window opens on the pane it remembered, it is not
   * written again: some settings backends write their file each time. */
  saved = g_settings_get_string (self->settings, "last-pane");
  if (!g_str_equal (saved, pane->id))
    g_settings_set_string (self->settings, "last-pane", pane->id);

  return TRUE;
}

/**
 * cw_window_get_visible_pane:
 *
 * Returns: (nullable): the id of the pane shown
 */
const char *
cw_window_get_visible_pane (CwWindow *self)
{
  g_return_val_if_fail (CW_IS_WINDOW (self), NULL);

  if (self->context == NULL)
    return NULL;

  return gtk_stack_get_visible_child_name (self->pane_stack);
}

/**
 * cw_window_get_pane:
 *
 * Returns: (transfer none) (nullable): the pane's widget, once it was shown
 */
GtkWidget *
cw_window_get_pane (CwWindow   *self,
                    const char *pane_id)
{
  g_return_val_if_fail (CW_IS_WINDOW (self), NULL);

  return gtk_stack_get_child_by_name (self->pane_stack, pane_id);
}

/**
 * cw_window_list_panes:
 *
 * Returns: (transfer none): the pane ids in sidebar order
 */
const char * const *
cw_window_list_panes (void)
{
  static const char *ids[G_N_ELEMENTS (panes) + 1];

  if (ids[0] == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (panes); i++)
      ids[i] = panes[i].id;

  return ids;
}

void
cw_window_add_toast (CwWindow   *self,
                     const char *message)
{
  g_return_if_fail (CW_IS_WINDOW (self));
  g_return_if_fail (message != NULL);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/**
 * cw_window_present_toast:
 * @toast: (transfer full): a toast, with a button or not
 *
 * Shows a toast built by a pane, such as one that offers to undo.
 */
void
cw_window_present_toast (CwWindow *self,
                         AdwToast *toast)
{
  g_return_if_fail (CW_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * cw_window_check_compat:
 *
 * Opens the Compatibility pane's check on these CIs.
 */
void
cw_window_check_compat (CwWindow     *self,
                        const gint64 *ids,
                        guint         n_ids)
{
  g_return_if_fail (CW_IS_WINDOW (self));

  if (cw_window_show_pane (self, "compat"))
    cw_compat_page_check_cis (CW_COMPAT_PAGE (cw_window_get_pane (self, "compat")), ids, n_ids);
}
