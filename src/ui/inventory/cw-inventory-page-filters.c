/* cw-inventory-page-filters.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-inventory-page-filters"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cw-inventory-page-private.h"
#include "cw-inventory.h"

/* The filter chips of the Inventory pane: site, class, status (operational
 * and lifecycle) and version. Classes and statuses are vocabularies; sites
 * are read when the chip first opens, and versions, a scan, on a worker
 * thread with their own connection. Every change goes into the query. */

static void
fill_class_chip (CwInventoryPage *self)
{
  const char * const *classes = cw_ci_classes ();

  for (guint i = 0; classes[i] != NULL; i++)
    cw_inventory_filter_chip_add_option (self->class_chip, classes[i],
                                         cw_ci_class_get_label (classes[i]), NULL);
}

static void
fill_status_chip (CwInventoryPage *self)
{
  const char * const *lifecycle = cw_ci_lifecycle_statuses ();
  const char * const *operational = cw_ci_operational_statuses ();

  cw_inventory_filter_chip_add_heading (self->status_chip,
                                        cw_ci_field_get_label (CW_CI_FIELD_OPERATIONAL_STATUS));
  for (guint i = 0; operational[i] != NULL; i++)
    {
      g_autofree char *key = g_strconcat ("operational:", operational[i], NULL);

      cw_inventory_filter_chip_add_option (self->status_chip, key,
                                           cw_ci_operational_status_get_label (operational[i]),
                                           NULL);
    }

  cw_inventory_filter_chip_add_heading (self->status_chip,
                                        cw_ci_field_get_label (CW_CI_FIELD_LIFECYCLE_STATUS));
  for (guint i = 0; lifecycle[i] != NULL; i++)
    {
      g_autofree char *key = g_strconcat ("lifecycle:", lifecycle[i], NULL);

      cw_inventory_filter_chip_add_option (self->status_chip, key,
                                           cw_ci_lifecycle_status_get_label (lifecycle[i]), NULL);
    }
}

static void
on_site_chip_prepare_cb (CwInventoryPage       *self,
                         CwInventoryFilterChip *chip)
{
  CwContext *context = cw_page_get_context (CW_PAGE (self));
  g_autoptr(GPtrArray) sites = NULL;
  g_autoptr(GError) error = NULL;

  if (self->sites_loaded || context == NULL)
    return;

  /* A handful of rows: read on the main thread. */
  sites = cw_inventory_list_sites (cw_context_get_store (context), &error);
  if (sites == NULL)
    {
      g_debug ("Cannot list the sites: %s", error->message);
      return;
    }

  cw_inventory_filter_chip_remove_options (chip);
  for (guint i = 0; i < sites->len; i++)
    {
      const CwSite *site = g_ptr_array_index (sites, i);
      g_autofree char *label = NULL;

      /* Translators: a site in the filter: its code, then its name */
      label = g_strdup_printf (_("%s — %s"), site->code, site->name);
      cw_inventory_filter_chip_add_option (chip, site->code, label, site->code);
    }

  self->sites_loaded = TRUE;
}

static int
compare_versions (gconstpointer a,
                  gconstpointer b)
{
  const char * const *keys_a = a;
  const char * const *keys_b = b;

  return strcmp (keys_a[1], keys_b[1]);
}

/* Distinct firmware and software versions: a scan, so on a worker thread
 * with its own connection. Returns them in natural order ("17.6" < "17.10"). */
static void
list_versions_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  const char *path = task_data;
  g_autoptr(CwStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) firmware = NULL;
  g_autoptr(GPtrArray) software = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) pairs = g_array_new (FALSE, FALSE, sizeof (char *[2]));
  GPtrArray *versions;

  store = cw_store_open (path, CW_STORE_OPEN_READ_ONLY, &error);
  if (store != NULL)
    firmware = cw_inventory_list_values (store, CW_CI_FIELD_FIRMWARE_VERSION, cancellable, &error);
  if (firmware != NULL)
    software = cw_inventory_list_values (store, CW_CI_FIELD_OS_VERSION, cancellable, &error);
  if (software == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  for (guint f = 0; f < 2; f++)
    {
      GPtrArray *values = f == 0 ? firmware : software;

      for (guint i = 0; i < values->len; i++)
        {
          char *value = g_ptr_array_index (values, i);
          char *pair[2];

          if (value == NULL || value[0] == '\0' || !g_hash_table_add (seen, value))
            continue;

          pair[0] = value;
          pair[1] = g_utf8_collate_key_for_filename (value, -1);
          g_array_append_val (pairs, pair);
        }
    }

  g_array_sort (pairs, compare_versions);

  versions = g_ptr_array_new_full (pairs->len, g_free);
  for (guint i = 0; i < pairs->len; i++)
    {
      char **pair = &g_array_index (pairs, char *, i * 2);

      g_ptr_array_add (versions, g_strdup (pair[0]));
      g_free (pair[1]);
    }

  g_task_return_pointer (task, versions, (GDestroyNotify) g_ptr_array_unref);
}

static void
on_versions_listed_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(CwInventoryPage) self = user_data;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GError) error = NULL;

  versions = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->versions_cancellable);
  if (versions == NULL)
    g_debug ("Cannot list the versions: %s", error->message);

  cw_inventory_filter_chip_remove_options (self->version_chip);
  for (guint i = 0; versions != NULL && i < versions->len; i++)
    {
      const char *version = g_ptr_array_index (versions, i);

      cw_inventory_filter_chip_add_option (self->version_chip, version, version, NULL);
    }

  cw_inventory_filter_chip_set_loading (self->version_chip, FALSE);
  self->versions_loaded = versions != NULL;
}

static void
on_version_chip_prepare_cb (CwInventoryPage       *self,
                            CwInventoryFilterChip *chip)
{
  g_autoptr(GTask) task = NULL;

  /* Loaded, or loading: a second popup meanwhile shows the spinner. */
  if (self->versions_loaded || self->workspace_path == NULL || self->versions_cancellable != NULL)
    return;

  self->versions_cancellable = g_cancellable_new ();
  cw_inventory_filter_chip_set_loading (chip, TRUE);

  task = g_task_new (NULL, self->versions_cancellable, on_versions_listed_cb, g_object_ref (self));
  g_task_set_source_tag (task, on_version_chip_prepare_cb);
  g_task_set_task_data (task, g_strdup (self->workspace_path), g_free);
  g_task_run_in_thread (task, list_versions_thread);
}

static char **
split_status (const char * const *values,
              const char         *prefix)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  gsize len = strlen (prefix);

  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    if (g_str_has_prefix (values[i], prefix))
      g_strv_builder_add (builder, values[i] + len);

  return g_strv_builder_end (builder);
}

static void
on_filter_changed_cb (CwInventoryPage       *self,
                      GParamSpec            *pspec,
                      CwInventoryFilterChip *chip)
{
  const char * const *status = cw_inventory_filter_chip_get_values (self->status_chip);
  const char * const *version = cw_inventory_filter_chip_get_values (self->version_chip);
  g_auto(GStrv) lifecycle = split_status (status, "lifecycle:");
  g_auto(GStrv) operational = split_status (status, "operational:");
  gboolean active;

  cw_inventory_query_set_filter (self->query, CW_CI_FIELD_SITE,
                                 cw_inventory_filter_chip_get_values (self->site_chip));
  cw_inventory_query_set_filter (self->query, CW_CI_FIELD_CLASS,
                                 cw_inventory_filter_chip_get_values (self->class_chip));
  cw_inventory_query_set_filter (self->query, CW_CI_FIELD_LIFECYCLE_STATUS,
                                 (const char * const *) lifecycle);
  cw_inventory_query_set_filter (self->query, CW_CI_FIELD_OPERATIONAL_STATUS,
                                 (const char * const *) operational);
  cw_inventory_query_set_version (self->query, version != NULL ? version[0] : NULL);

  active = cw_inventory_filter_chip_is_active (self->site_chip) ||
           cw_inventory_filter_chip_is_active (self->class_chip) ||
           cw_inventory_filter_chip_is_active (self->status_chip) ||
           cw_inventory_filter_chip_is_active (self->version_chip);
  gtk_widget_set_visible (GTK_WIDGET (self->clear_filters_button), active);

  _cw_inventory_page_schedule_query (self);
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  CwInventoryPage *self = CW_INVENTORY_PAGE (widget);

  cw_inventory_filter_chip_set_values (self->site_chip, NULL);
  cw_inventory_filter_chip_set_values (self->class_chip, NULL);
  cw_inventory_filter_chip_set_values (self->status_chip, NULL);
  cw_inventory_filter_chip_set_values (self->version_chip, NULL);
}

void
_cw_inventory_page_filters_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_site_chip_prepare_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_version_chip_prepare_cb);

  gtk_widget_class_install_action (widget_class, "inventory.clear-filters", NULL,
                                   clear_filters_action);
}

/* Vocabularies, filled when first opened: nothing to build for the first
 * frame. */
static void
on_vocabulary_chip_prepare_cb (CwInventoryPage       *self,
                               CwInventoryFilterChip *chip)
{
  if (g_object_get_data (G_OBJECT (chip), "cw-filled") != NULL)
    return;

  if (chip == self->class_chip)
    fill_class_chip (self);
  else
    fill_status_chip (self);
  g_object_set_data (G_OBJECT (chip), "cw-filled", GINT_TO_POINTER (TRUE));
}

void
_cw_inventory_page_filters_init (CwInventoryPage *self)
{
  g_signal_connect_object (self->class_chip, "prepare",
                           G_CALLBACK (on_vocabulary_chip_prepare_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->status_chip, "prepare",
                           G_CALLBACK (on_vocabulary_chip_prepare_cb), self, G_CONNECT_SWAPPED);
}

/* Sites and versions may have changed: read them again on the next popup. */
void
_cw_inventory_page_filters_invalidate (CwInventoryPage *self)
{
  self->sites_loaded = FALSE;
  self->versions_loaded = FALSE;
}

void
_cw_inventory_page_filters_dispose (CwInventoryPage *self)
{
  g_cancellable_cancel (self->versions_cancellable);
  g_clear_object (&self->versions_cancellable);
}
