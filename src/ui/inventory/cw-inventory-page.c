/* cw-inventory-page.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-inventory-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cw-inventory-columns.h"
#include "cw-inventory-page-private.h"

/* The Inventory pane: a search entry, filter chips and a column view over
 * every CI of the workspace, with the selected CI's details at the side, and
 * a Versions view of the drift between sites.
 *
 * The list never holds a million objects and never sorts or filters in GTK:
 * each keystroke, filter or click on a column header changes a
 * CwInventoryQuery, which core's searcher runs on its own connection on a
 * worker thread. The result, an array of CI ids, goes into a lazy
 * CwCiListModel that reads a CI when a row shows it. A newer query cancels
 * the older one; "busy" is TRUE from the change until its result shows
 * (cw-inventory-page-query.c). */

#define SPINNER_DELAY_MS 200
#define SAVE_COLUMNS_DELAY_MS 500

G_DEFINE_FINAL_TYPE (CwInventoryPage, cw_inventory_page, CW_TYPE_PAGE)

enum {
  PROP_0,
  PROP_BUSY,
  PROP_N_RESULTS,
  PROP_N_TOTAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Auxiliary methods */

static gboolean
on_spinner_timeout_cb (gpointer user_data)
{
  CwInventoryPage *self = user_data;

  self->spinner_timeout_id = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), TRUE);
  gtk_spinner_set_spinning (self->spinner, TRUE);

  return G_SOURCE_REMOVE;
}

/* The spinner only shows when a query takes long enough to be noticed. */
void
_cw_inventory_page_set_busy (CwInventoryPage *self,
                             gboolean         busy)
{
  if (self->busy == busy)
    return;

  self->busy = busy;

  g_clear_handle_id (&self->spinner_timeout_id, g_source_remove);
  if (busy)
    self->spinner_timeout_id = g_timeout_add (SPINNER_DELAY_MS, on_spinner_timeout_cb, self);
  else
    {
      gtk_spinner_set_spinning (self->spinner, FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

void
_cw_inventory_page_update_count_label (CwInventoryPage *self)
{
  g_autofree char *text = NULL;

  if (self->results_filtered && self->n_total >= 0)
    {
      g_autofree char *shown = g_strdup_printf ("%'u", self->n_results);
      g_autofree char *total = g_strdup_printf ("%'" G_GINT64_FORMAT, self->n_total);

      /* Translators: how many CIs match, of how many in the workspace ("37 of 1,000,000") */
      text = g_strdup_printf (_("%s of %s"), shown, total);
    }
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%'u configuration item",
                                         "%'u configuration items",
                                         self->n_results),
                            self->n_results);

  gtk_label_set_label (self->count_label, text);
}

void
_cw_inventory_page_update_state (CwInventoryPage *self)
{
  const char *state = "list";

  if (self->n_results == 0)
    state = self->results_filtered ? "no-results" : "empty";

  _cw_inventory_page_show_page (self->items_stack, state);

  /* An empty workspace has nothing to search or filter yet. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->search_entry), strcmp (state, "empty") != 0);
  gtk_widget_set_visible (GTK_WIDGET (self->filter_bar),
                          strcmp (state, "empty") != 0 &&
                          gtk_toggle_button_get_active (self->items_button));

  _cw_inventory_page_actions_update (self);
}

void
_cw_inventory_page_set_n_results (CwInventoryPage *self,
                                  guint            n_results)
{
  if (self->n_results == n_results)
    return;

  self->n_results = n_results;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_RESULTS]);
}

void
_cw_inventory_page_set_n_total (CwInventoryPage *self,
                                gint64           n_total)
{
  if (self->n_total == n_total)
    return;

  self->n_total = n_total;
  _cw_inventory_page_update_count_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_TOTAL]);
}

gint64
_cw_inventory_page_get_selected_id (CwInventoryPage *self)
{
  guint position = gtk_single_selection_get_selected (self->selection);

  if (position == GTK_INVALID_LIST_POSITION)
    return 0;

  return cw_ci_list_model_get_id (self->model, position);
}

/* Callbacks */

static void
on_search_changed_cb (CwInventoryPage *self,
                      GtkSearchEntry  *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  /* A search shows its results, also when typed over the Versions view. */
  if (text[0] != '\0')
    gtk_toggle_button_set_active (self->items_button, TRUE);

  cw_inventory_query_set_text (self->query, text);
  _cw_inventory_page_schedule_query (self);
}

static void
on_search_stop_cb (CwInventoryPage *self,
                   GtkSearchEntry  *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

/* Typing in the list started a search: go on typing in the entry. */
static void
on_search_started_cb (CwInventoryPage *self,
                      GtkSearchEntry  *entry)
{
  GtkEditable *text = gtk_editable_get_delegate (GTK_EDITABLE (entry));

  if (GTK_IS_TEXT (text) && !gtk_widget_has_focus (GTK_WIDGET (text)))
    {
      gtk_text_grab_focus_without_selecting (GTK_TEXT (text));
      gtk_editable_set_position (GTK_EDITABLE (entry), -1);
    }
}

/* Down in the search moves into the list. */
static gboolean
on_search_key_pressed_cb (CwInventoryPage       *self,
                          guint                  keyval,
                          guint                  keycode,
                          GdkModifierType        state,
                          GtkEventControllerKey *controller)
{
  if ((keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down) || self->n_results == 0 ||
      (state & gtk_accelerator_get_default_mod_mask ()) != 0)
    return FALSE;

  if (gtk_single_selection_get_selected (self->selection) == GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (self->selection, 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));

  return TRUE;
}

static void
on_sort_changed_cb (CwInventoryPage *self,
                    GtkSorterChange  change,
                    GtkSorter       *sorter)
{
  CwCiField field = CW_CI_FIELD_NAME;
  gboolean descending = FALSE;

  if (!cw_inventory_columns_get_sort (self->column_view, &field, &descending))
    {
      field = CW_CI_FIELD_NAME;
      descending = FALSE;
    }

  cw_inventory_query_set_sort (self->query, field, descending);
  _cw_inventory_page_schedule_query (self);
}

/* What the user made of the columns is kept in GSettings, a moment after
 * the last change (resizing changes the width at every step). */
static void
save_columns (CwInventoryPage *self)
{
  g_autofree char *state = NULL;
  g_autofree char *saved = NULL;

  g_clear_handle_id (&self->save_columns_id, g_source_remove);
  state = cw_inventory_columns_save_state (self->column_view);
  saved = g_settings_get_string (self->settings, "inventory-columns");
  if (!g_str_equal (state, saved))
    g_settings_set_string (self->settings, "inventory-columns", state);
}

static gboolean
on_save_columns_cb (gpointer user_data)
{
  CwInventoryPage *self = user_data;

  self->save_columns_id = 0;
  save_columns (self);

  return G_SOURCE_REMOVE;
}

static void
on_columns_changed_cb (CwInventoryPage *self)
{
  if (self->save_columns_id == 0)
    self->save_columns_id = g_timeout_add (SAVE_COLUMNS_DELAY_MS, on_save_columns_cb, self);
}

static void
on_selection_changed_cb (CwInventoryPage    *self,
                         GParamSpec         *pspec,
                         GtkSingleSelection *selection)
{
  gint64 id = _cw_inventory_page_get_selected_id (self);

  if (id > 0 && gtk_widget_get_visible (GTK_WIDGET (self->details)) &&
      id != cw_inventory_details_get_ci_id (self->details))
    cw_inventory_details_show_ci (self->details, id);
}

static void
on_row_activated_cb (CwInventoryPage *self,
                     guint            position,
                     GtkColumnView   *view)
{
  gtk_single_selection_set_selected (self->selection, position);
  _cw_inventory_page_show_details (self, cw_ci_list_model_get_id (self->model, position));
}

static void
on_related_ci_activated_cb (CwInventoryPage    *self,
                            gint64              id,
                            CwInventoryDetails *details)
{
  guint position = cw_ci_list_model_find (self->model, id);

  /* A CI outside the current search is still shown, just not selected. */
  gtk_single_selection_set_selected (self->selection, position);
  if (position != GTK_INVALID_LIST_POSITION)
    _cw_inventory_page_scroll_to (self, position);

  cw_inventory_details_show_ci (self->details, id);
}

static void
on_details_toggled_cb (CwInventoryPage *self,
                       GtkToggleButton *button)
{
  gboolean active = gtk_toggle_button_get_active (button);
  int width;

  if (active == gtk_widget_get_visible (GTK_WIDGET (self->details)))
    return;

  if (active)
    {
      gint64 id = _cw_inventory_page_get_selected_id (self);

      cw_inventory_details_show_ci (self->details,
                                    id > 0 ? id : cw_inventory_details_get_ci_id (self->details));

      width = gtk_widget_get_width (GTK_WIDGET (self->paned));
      if (width > 0)
        gtk_paned_set_position (self->paned, width > 760 ? width - 380 : width / 2);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->details), active);
  gtk_widget_set_tooltip_text (GTK_WIDGET (button), active ? _("Hide Details") : _("Show Details"));

  if (!active && gtk_widget_get_mapped (GTK_WIDGET (self->column_view)))
    gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
on_view_toggled_cb (CwInventoryPage *self,
                    GtkToggleButton *button)
{
  gboolean items = gtk_toggle_button_get_active (self->items_button);

  _cw_inventory_page_show_page (self->view_stack, items ? "items" : "versions");
  gtk_widget_set_visible (GTK_WIDGET (self->filter_bar),
                          items && g_strcmp0 (cw_inventory_page_get_state (self), "empty") != 0);
}

static void
on_version_activated_cb (CwInventoryPage     *self,
                         const char          *version,
                         CwInventoryVersions *versions)
{
  const char *values[] = { version, NULL };

  cw_inventory_filter_chip_set_values (self->version_chip, values);
  gtk_toggle_button_set_active (self->items_button, TRUE);
}

/* The workspace changed (an import): read and compute everything again. */
void
_cw_inventory_page_reload (CwInventoryPage *self)
{
  /* New CIs and versions: forget what was read and computed. */
  _cw_inventory_page_stop_warm (self);
  g_clear_object (&self->searcher);
  if (self->workspace_path != NULL)
    self->searcher = cw_inventory_searcher_new (self->workspace_path);

  if (self->model != NULL)
    cw_ci_list_model_invalidate (self->model);
  _cw_inventory_page_filters_invalidate (self);
  cw_inventory_versions_invalidate (self->versions);

  _cw_inventory_page_count_total (self);
  _cw_inventory_page_schedule_query (self);

  if (gtk_widget_get_visible (GTK_WIDGET (self->details)))
    cw_inventory_details_show_ci (self->details, cw_inventory_details_get_ci_id (self->details));
}

void
_cw_inventory_page_show_details (CwInventoryPage *self,
                                 gint64           id)
{
  if (id > 0)
    cw_inventory_details_show_ci (self->details, id);
  gtk_toggle_button_set_active (self->details_button, TRUE);
}

/* Shows a CI from another pane: selected when the current search holds it,
 * in the details either way. */
void
cw_inventory_page_show_ci (CwInventoryPage *self,
                           gint64           id)
{
  g_return_if_fail (CW_IS_INVENTORY_PAGE (self));

  gtk_toggle_button_set_active (self->items_button, TRUE);
  on_related_ci_activated_cb (self, id, self->details);
  _cw_inventory_page_show_details (self, id);
}

/* The column chooser's popover is built when it is first opened: not in the
 * first frame. */
static void
create_columns_menu_cb (GtkMenuButton *button,
                        gpointer       user_data)
{
  if (gtk_menu_button_get_menu_model (button) == NULL)
    gtk_menu_button_set_menu_model (button, G_MENU_MODEL (user_data));
}

/* GObject overrides */

static void
cw_inventory_page_constructed (GObject *object)
{
  CwInventoryPage *self = (CwInventoryPage *)object;
  CwContext *context;
  CwStore *store;

  G_OBJECT_CLASS (cw_inventory_page_parent_class)->constructed (object);

  context = cw_page_get_context (CW_PAGE (self));
  if (context == NULL)
    return;

  store = cw_context_get_store (context);
  self->workspace_path = g_strdup (cw_store_get_path (store));
  self->searcher = cw_inventory_searcher_new (self->workspace_path);
  self->model = cw_ci_list_model_new (store);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->model));

  cw_inventory_details_set_store (self->details, store);
  cw_inventory_versions_set_workspace_path (self->versions, self->workspace_path);

  /* Not counted here: see show_results() in cw-inventory-page-query.c. */
  _cw_inventory_page_schedule_query (self);
}

static void
cw_inventory_page_dispose (GObject *object)
{
  CwInventoryPage *self = (CwInventoryPage *)object;

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->query_cancellable);
  g_clear_object (&self->query_cancellable);
  _cw_inventory_page_stop_warm (self);
  g_clear_handle_id (&self->query_idle_id, g_source_remove);
  g_clear_handle_id (&self->spinner_timeout_id, g_source_remove);

  _cw_inventory_page_filters_dispose (self);
  _cw_inventory_page_actions_dispose (self);

  /* Removing the columns changes them and the sorter: nothing to query or
   * keep any more, once what changed last is kept. */
  if (self->column_view != NULL)
    {
      GListModel *columns = gtk_column_view_get_columns (self->column_view);

      if (self->save_columns_id != 0)
        save_columns (self);
      for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
        {
          g_autoptr(GObject) column = g_list_model_get_item (columns, i);

          g_signal_handlers_disconnect_by_data (column, self);
        }
      g_signal_handlers_disconnect_by_data (columns, self);
      g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (self->column_view), self);
      gtk_column_view_set_model (self->column_view, NULL);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), CW_TYPE_INVENTORY_PAGE);

  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->searcher);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (cw_inventory_page_parent_class)->dispose (object);
}

static void
cw_inventory_page_finalize (GObject *object)
{
  CwInventoryPage *self = (CwInventoryPage *)object;

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->query, cw_inventory_query_free);
  g_clear_pointer (&self->workspace_path, g_free);

  G_OBJECT_CLASS (cw_inventory_page_parent_class)->finalize (object);
}

static void
cw_inventory_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CwInventoryPage *self = CW_INVENTORY_PAGE (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    case PROP_N_RESULTS:
      g_value_set_uint (value, self->n_results);
      break;

    case PROP_N_TOTAL:
      g_value_set_int64 (value, self->n_total);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cw_inventory_page_class_init (CwInventoryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cw_inventory_page_constructed;
  object_class->dispose = cw_inventory_page_dispose;
  object_class->finalize = cw_inventory_page_finalize;
  object_class->get_property = cw_inventory_page_get_property;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_N_RESULTS] =
    g_param_spec_uint ("n-results", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_N_TOTAL] =
    g_param_spec_int64 ("n-total", NULL, NULL,
                        -1, G_MAXINT64, -1,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/changeward/Changeward/ui/inventory/cw-inventory-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CwInventoryPage, class_chip);
  gtk_widget_class_bind_template_child (widget_class, CwInventoryPage, clear_filters_button);
  gtk_widget_class_bind_template_child (widget_class, CwInventoryPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, CwInventoryPage, columns_button);
  gtk_widget_class_bind_template_child (widget_class, CwInventoryPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, CwInventoryPage, details);
  gtk_widget_class_bind_template_child (widget_class, CwInventoryPage, details_button);
  gtk_widget_class_bind_template_child (widget_class, CwInventoryPage, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, CwInventoryPage, items_button);
  gtk_widget_class_bind_template_child (widget_class, CwInventoryPage, items_stack);
  gtk_widget_class_bind_template_child (widget_class, CwInventoryPage, list_scroller);
  gtk_widget_class_bind_template_child (widget_class, CwInventoryPage, no_results_page);
  gtk_widget_class_bind_template_child (widget_class, CwInventoryPage, paned);
  gtk_widget_class_bind_template_child (widget_class, CwInventoryPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CwInventoryPage, site_chip);
  gtk_widget_class_bind_template_child (widget_class, CwInventoryPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, CwInventoryPage, status_chip);
  gtk_widget_class_bind_template_child (widget_class, CwInventoryPage, version_chip);
  gtk_widget_class_bind_template_child (widget_class, CwInventoryPage, versions);
  gtk_widget_class_bind_template_child (widget_class, CwInventoryPage, versions_button);
  gtk_widget_class_bind_template_child (widget_class, CwInventoryPage, view_stack);
  gtk_widget_class_bind_template_callback (widget_class, on_details_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_related_ci_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_started_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_version_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_view_toggled_cb);

  _cw_inventory_page_filters_class_init (widget_class);
  _cw_inventory_page_actions_class_init (widget_class);

  g_type_ensure (CW_TYPE_INVENTORY_DETAILS);
  g_type_ensure (CW_TYPE_INVENTORY_FILTER_CHIP);
  g_type_ensure (CW_TYPE_INVENTORY_VERSIONS);
}

static void
cw_inventory_page_init (CwInventoryPage *self)
{
  g_autoptr(GSimpleActionGroup) column_actions = NULL;
  g_autoptr(GMenuModel) column_menu = NULL;
  g_autofree char *column_state = NULL;
  GtkEventController *controller;
  CwCiField sorted_by;
  gboolean descending;

  gtk_widget_init_template (GTK_WIDGET (self));
  _cw_inventory_page_hide_other_pages (self->view_stack);
  _cw_inventory_page_hide_other_pages (self->items_stack);

  self->n_total = -1;
  self->cancellable = g_cancellable_new ();
  self->query = cw_inventory_query_new ();

  /* Columns, their chooser and the sort shown in the headers, as the user
   * left them. */
  cw_inventory_columns_setup (self->column_view);
  column_menu = cw_inventory_columns_create_menu (self->column_view, &column_actions);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "columns", G_ACTION_GROUP (column_actions));
  gtk_menu_button_set_create_popup_func (self->columns_button, create_columns_menu_cb,
                                         g_steal_pointer (&column_menu), g_object_unref);
  gtk_column_view_sort_by_column (self->column_view,
                                  cw_inventory_columns_find (self->column_view, CW_CI_FIELD_NAME),
                                  GTK_SORT_ASCENDING);
  self->settings = g_settings_new (APP_ID);
  column_state = g_settings_get_string (self->settings, "inventory-columns");
  cw_inventory_columns_restore_state (self->column_view, column_state);
  if (cw_inventory_columns_get_sort (self->column_view, &sorted_by, &descending))
    cw_inventory_query_set_sort (self->query, sorted_by, descending);
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (on_sort_changed_cb), self, G_CONNECT_SWAPPED);
  cw_inventory_columns_connect_changed (self->column_view, G_CALLBACK (on_columns_changed_cb),
                                        self);

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (on_selection_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  /* Typing in the list searches; Down in the search goes to the list. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->column_view));
  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (on_search_key_pressed_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), controller);

  _cw_inventory_page_filters_init (self);
  _cw_inventory_page_actions_init (self);
  _cw_inventory_page_update_count_label (self);
}

/* Public API */

gboolean
cw_inventory_page_get_busy (CwInventoryPage *self)
{
  g_return_val_if_fail (CW_IS_INVENTORY_PAGE (self), FALSE);

  return self->busy;
}

guint
cw_inventory_page_get_n_results (CwInventoryPage *self)
{
  g_return_val_if_fail (CW_IS_INVENTORY_PAGE (self), 0);

  return self->n_results;
}

/**
 * cw_inventory_page_get_n_total:
 *
 * Returns: how many CIs the workspace holds, or -1 before they were counted
 */
gint64
cw_inventory_page_get_n_total (CwInventoryPage *self)
{
  g_return_val_if_fail (CW_IS_INVENTORY_PAGE (self), -1);

  return self->n_total;
}

GtkSearchEntry *
cw_inventory_page_get_search_entry (CwInventoryPage *self)
{
  g_return_val_if_fail (CW_IS_INVENTORY_PAGE (self), NULL);

  return self->search_entry;
}

GtkColumnView *
cw_inventory_page_get_column_view (CwInventoryPage *self)
{
  g_return_val_if_fail (CW_IS_INVENTORY_PAGE (self), NULL);

  return self->column_view;
}

GtkLabel *
cw_inventory_page_get_count_label (CwInventoryPage *self)
{
  g_return_val_if_fail (CW_IS_INVENTORY_PAGE (self), NULL);

  return self->count_label;
}

CwInventoryDetails *
cw_inventory_page_get_details (CwInventoryPage *self)
{
  g_return_val_if_fail (CW_IS_INVENTORY_PAGE (self), NULL);

  return self->details;
}

CwInventoryVersions *
cw_inventory_page_get_versions (CwInventoryPage *self)
{
  g_return_val_if_fail (CW_IS_INVENTORY_PAGE (self), NULL);

  return self->versions;
}

CwInventoryFilterChip *
cw_inventory_page_get_filter_chip (CwInventoryPage *self,
                                   CwCiField        field)
{
  g_return_val_if_fail (CW_IS_INVENTORY_PAGE (self), NULL);

  switch (field)
    {
    case CW_CI_FIELD_SITE:
      return self->site_chip;

    case CW_CI_FIELD_CLASS:
      return self->class_chip;

    case CW_CI_FIELD_LIFECYCLE_STATUS:
    case CW_CI_FIELD_OPERATIONAL_STATUS:
      return self->status_chip;

    case CW_CI_FIELD_FIRMWARE_VERSION:
    case CW_CI_FIELD_OS_VERSION:
      return self->version_chip;

    case CW_CI_FIELD_NAME:
    case CW_CI_FIELD_MANUFACTURER:
    case CW_CI_FIELD_MODEL:
    case CW_CI_FIELD_SERIAL:
    case CW_CI_FIELD_ASSET_TAG:
    case CW_CI_FIELD_IP_ADDRESS:
    case CW_CI_FIELD_SYS_ID:
    case CW_CI_FIELD_NOTES:
    case CW_CI_N_FIELDS:
    default:
      return NULL;
    }
}

const char *
cw_inventory_page_get_state (CwInventoryPage *self)
{
  g_return_val_if_fail (CW_IS_INVENTORY_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->items_stack);
}

void
cw_inventory_page_show_versions (CwInventoryPage *self,
                                 gboolean         versions)
{
  g_return_if_fail (CW_IS_INVENTORY_PAGE (self));

  gtk_toggle_button_set_active (versions ? self->versions_button : self->items_button, TRUE);
}
