/* cw-inventory-page-query.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-inventory-page"

#include "config.h"

#include <glib/gi18n.h>

#include "cw-inventory-page-private.h"

/* The pane's queries: each change of the search, filters or sort runs the
 * page's CwInventoryQuery on core's searcher, on a worker thread; a newer
 * query cancels the older one, and the last result goes into the list.
 * Also the count of every CI, warming the sort orders, and switching the
 * pages of the pane's stacks. */

/* The new rows shown before the old ones go: no more than the rows a GTK
 * 4.8 list view keeps before the last one it shows (200, and 2 more). */
#define LIST_LEAD_ROWS 200
/* From the first results to computing the sort orders in the background
 * (at a lower priority, while searches go on): time for the first frame. */
#define WARM_DELAY_MS 200

static gboolean
query_is_filtered (const CwInventoryQuery *query)
{
  const char *text = cw_inventory_query_get_text (query);

  if (text != NULL)
    {
      for (; *text != '\0'; text = g_utf8_next_char (text))
        if (!g_unichar_isspace (g_utf8_get_char (text)))
          return TRUE;
    }

  return cw_inventory_query_has_filters (query) || cw_inventory_query_get_version (query) != NULL;
}

/* GtkColumnView has no scroll_to before GTK 4.12; its list view has the
 * "list.scroll-to-item" action, which moves the list's anchor. (Setting the
 * adjustment instead fails while new rows are not laid out yet.) */
void
_cw_inventory_page_scroll_to (CwInventoryPage *self,
                              guint            position)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_VIEW (child))
        {
          gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
          return;
        }
    }
}

/* Until a stack of the pane shows a page, the page is a hidden widget, not
 * only a page not shown: GTK styles the pages a stack does not show too, and
 * starts loading the icon of each image it styles (a status page's: 128
 * pixels of SVG, drawn four times for a symbolic icon). Those would compete
 * with the first frame. */
void
_cw_inventory_page_hide_other_pages (GtkStack *stack)
{
  GtkWidget *shown = gtk_stack_get_visible_child (stack);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (child != shown)
      gtk_widget_set_visible (child, FALSE);
}

void
_cw_inventory_page_show_page (GtkStack   *stack,
                              const char *name)
{
  GtkWidget *child = gtk_stack_get_child_by_name (stack, name);

  gtk_widget_set_visible (child, TRUE);
  gtk_stack_set_visible_child (stack, child);
}

/* Queries */

typedef struct
{
  CwInventoryPage  *page;
  GCancellable     *cancellable;
  CwInventoryQuery *query;
} QueryData;

static void
query_data_free (QueryData *data)
{
  g_clear_object (&data->page);
  g_clear_object (&data->cancellable);
  g_clear_pointer (&data->query, cw_inventory_query_free);
  g_free (data);
}

static gboolean
on_warm_timeout_cb (gpointer user_data)
{
  CwInventoryPage *self = user_data;

  self->warm_timeout_id = 0;
  g_clear_object (&self->warm_cancellable);
  self->warm_cancellable = g_cancellable_new ();
  cw_inventory_searcher_warm_async (self->searcher, self->warm_cancellable, NULL, NULL);

  return G_SOURCE_REMOVE;
}

/* Once the first results show, compute the other sort orders in the
 * background, so that a click on any column header is quick. Searches go
 * on meanwhile; the searcher keeps what it computed until the workspace
 * changes, so this happens once per searcher. */
static void
schedule_warm (CwInventoryPage *self)
{
  if (self->searcher != NULL && self->warm_cancellable == NULL && self->warm_timeout_id == 0)
    self->warm_timeout_id = g_timeout_add (WARM_DELAY_MS, on_warm_timeout_cb, self);
}

void
_cw_inventory_page_stop_warm (CwInventoryPage *self)
{
  g_clear_handle_id (&self->warm_timeout_id, g_source_remove);
  g_cancellable_cancel (self->warm_cancellable);
  g_clear_object (&self->warm_cancellable);
}

static void
show_results (CwInventoryPage        *self,
              const CwInventoryQuery *query,
              GArray                 *ids)
{
  gint64 selected_id = _cw_inventory_page_get_selected_id (self);
  guint position = GTK_INVALID_LIST_POSITION;

  if (selected_id == 0 && gtk_widget_get_visible (GTK_WIDGET (self->details)))
    selected_id = cw_inventory_details_get_ci_id (self->details);

  /* Unselect first: GtkSingleSelection would otherwise look for the
   * selected item among every new item, reading all of them. */
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);

  /* The first new rows go in after the old ones; scrolled to the last of
   * them, the view moves its row widgets there, bound to the new CIs, and
   * builds none (see cw-ci-list-model.c). Then the old rows go, and the
   * view goes back to the top. */
  if (cw_ci_list_model_begin_set_ids (self->model, ids, LIST_LEAD_ROWS))
    _cw_inventory_page_scroll_to (self, g_list_model_get_n_items (G_LIST_MODEL (self->model)) - 1);
  cw_ci_list_model_end_set_ids (self->model);
  _cw_inventory_page_scroll_to (self, 0);

  /* New results start at the top, unless the selected CI is among them. */
  if (selected_id > 0)
    position = cw_ci_list_model_find (self->model, selected_id);
  gtk_single_selection_set_selected (self->selection, position);
  if (position != GTK_INVALID_LIST_POSITION)
    _cw_inventory_page_scroll_to (self, position);

  self->results_filtered = query_is_filtered (query);
  _cw_inventory_page_set_n_results (self, ids->len);

  /* Nothing filtered: this is the whole workspace. Otherwise count it, if
   * that was not done yet: the pane does not count at start-up, where a
   * million rows would compete with the first frame for the CPU. */
  if (!self->results_filtered)
    _cw_inventory_page_set_n_total (self, ids->len);
  else if (self->n_total < 0 && !self->counting)
    _cw_inventory_page_count_total (self);

  _cw_inventory_page_update_count_label (self);
  _cw_inventory_page_update_state (self);

  schedule_warm (self);
}

static void
on_query_done_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  QueryData *data = user_data;
  CwInventoryPage *self = data->page;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  ids = cw_inventory_searcher_run_finish (CW_INVENTORY_SEARCHER (object), result, &error);

  /* A newer query replaced this one, or the page is gone. */
  if (data->cancellable != self->query_cancellable)
    {
      query_data_free (data);
      return;
    }

  if (ids == NULL)
    {
      g_debug ("Inventory search failed: %s", error->message);
      adw_status_page_set_title (self->no_results_page, _("Search Failed"));
      adw_status_page_set_description (self->no_results_page, error->message);
      _cw_inventory_page_show_page (self->items_stack, "no-results");
    }
  else
    {
      adw_status_page_set_title (self->no_results_page, _("No Results"));
      adw_status_page_set_description (self->no_results_page,
                                       _("No configuration item matches. Search for the start of "
                                         "a name, a model, a serial number, a site code, an IP "
                                         "address or a version, or clear the filters."));
      show_results (self, data->query, ids);
    }

  if (self->query_idle_id == 0)
    _cw_inventory_page_set_busy (self, FALSE);

  query_data_free (data);
}

static gboolean
run_query_cb (gpointer user_data)
{
  CwInventoryPage *self = user_data;
  QueryData *data;

  self->query_idle_id = 0;

  g_cancellable_cancel (self->query_cancellable);
  g_clear_object (&self->query_cancellable);
  self->query_cancellable = g_cancellable_new ();

  data = g_new0 (QueryData, 1);
  data->page = g_object_ref (self);
  data->cancellable = g_object_ref (self->query_cancellable);
  data->query = cw_inventory_query_copy (self->query);

  cw_inventory_searcher_run_async (self->searcher, data->query, data->cancellable,
                                   on_query_done_cb, data);

  return G_SOURCE_REMOVE;
}

/* Keystrokes that arrive together make one query. */
void
_cw_inventory_page_schedule_query (CwInventoryPage *self)
{
  if (self->searcher == NULL)
    return;

  _cw_inventory_page_set_busy (self, TRUE);
  if (self->query_idle_id == 0)
    self->query_idle_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, run_query_cb, self, NULL);
}

static void
count_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  const char *path = task_data;
  g_autoptr(CwStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint64 n;

  store = cw_store_open (path, CW_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  n = cw_store_count_table (store, "cis", &error);
  if (n < 0)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_int (task, n);
}

static void
on_counted_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(CwInventoryPage) self = user_data;
  g_autoptr(GError) error = NULL;
  gssize n;

  self->counting = FALSE;
  n = g_task_propagate_int (G_TASK (result), &error);
  if (error != NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Cannot count the inventory: %s", error->message);
      return;
    }

  _cw_inventory_page_set_n_total (self, n);
}

void
_cw_inventory_page_count_total (CwInventoryPage *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->workspace_path == NULL)
    return;

  self->counting = TRUE;
  task = g_task_new (NULL, self->cancellable, on_counted_cb, g_object_ref (self));
  g_task_set_source_tag (task, _cw_inventory_page_count_total);
  g_task_set_task_data (task, g_strdup (self->workspace_path), g_free);
  g_task_run_in_thread (task, count_thread);
}
