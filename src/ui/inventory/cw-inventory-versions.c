/* cw-inventory-versions.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-inventory-versions"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cw-inventory-versions.h"
#include "cw-inventory.h"

/* The Versions view: for each model (or class), the firmware and software
 * versions in use and how many CIs run each at every site, so that drift
 * between sites shows at a glance. Counts on a version other than the most
 * common one of its model are marked. Core computes the report on its own
 * connection on a worker thread; the view asks for it the first time it is
 * shown and again after the inventory changed. Activating a row searches
 * the inventory for that version ("version-activated"). */

/* One row of the table: a copy of a CwDriftRow, plus where it sits. */
#define CW_TYPE_DRIFT_ITEM (cw_drift_item_get_type ())

G_DECLARE_FINAL_TYPE (CwDriftItem, cw_drift_item, CW, DRIFT_ITEM, GObject)

struct _CwDriftItem
{
  GObject    parent_instance;

  char      *group;
  char      *version;
  guint     *counts;
  guint      n_counts;
  guint      total;
  CwCiField  field;
  gboolean   first_of_group;
  gboolean   first_of_field;
  gboolean   common;          /* the most used version of its group and field */
};

G_DEFINE_FINAL_TYPE (CwDriftItem, cw_drift_item, G_TYPE_OBJECT)

static void
cw_drift_item_finalize (GObject *object)
{
  CwDriftItem *self = (CwDriftItem *)object;

  g_free (self->group);
  g_free (self->version);
  g_free (self->counts);

  G_OBJECT_CLASS (cw_drift_item_parent_class)->finalize (object);
}

static void
cw_drift_item_class_init (CwDriftItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cw_drift_item_finalize;
}

static void
cw_drift_item_init (CwDriftItem *self)
{
}

typedef enum
{
  COLUMN_GROUP,
  COLUMN_FIELD,
  COLUMN_VERSION,
  COLUMN_TOTAL,
  COLUMN_SITE,
} ColumnKind;

struct _CwInventoryVersions
{
  GtkWidget        parent_instance;

  /* Template widgets */
  GtkSpinner      *big_spinner;
  GtkBox          *box;
  GtkToggleButton *by_class_button;
  GtkToggleButton *by_model_button;
  GtkColumnView   *column_view;
  AdwStatusPage   *error_page;
  GtkSpinner      *spinner;
  GtkStack        *stack;
  GtkLabel        *summary_label;

  /* Owned */
  char            *workspace_path;
  GCancellable    *cancellable;
  GListStore      *items;
  GPtrArray       *site_columns;      /* GtkColumnViewColumn */
  GtkColumnViewColumn *group_column;

  gboolean         dirty;
  gboolean         busy;
};

G_DEFINE_FINAL_TYPE (CwInventoryVersions, cw_inventory_versions, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_BUSY,
  PROP_BY_CLASS,
  N_PROPS
};

enum {
  VERSION_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void reload (CwInventoryVersions *self);

static void
set_busy (CwInventoryVersions *self,
          gboolean             busy)
{
  if (self->busy == busy)
    return;

  self->busy = busy;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  GtkWidget *cell = gtk_inscription_new (NULL);

  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (cell),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (cell), 2);
  gtk_list_item_set_child (list_item, cell);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  GtkColumnViewColumn *column = user_data;
  ColumnKind kind = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (column), "cw-kind"));
  guint site = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (column), "cw-site"));
  GtkWidget *cell = gtk_list_item_get_child (list_item);
  CwDriftItem *item = gtk_list_item_get_item (list_item);
  g_autofree char *text = NULL;
  float xalign = 0.0f;

  gtk_widget_remove_css_class (cell, "heading");
  gtk_widget_remove_css_class (cell, "dim-label");
  gtk_widget_remove_css_class (cell, "warning");
  gtk_widget_remove_css_class (cell, "numeric");

  if (item == NULL)
    {
      gtk_inscription_set_text (GTK_INSCRIPTION (cell), NULL);
      return;
    }

  switch (kind)
    {
    case COLUMN_GROUP:
      if (item->first_of_group)
        {
          text = g_strdup (item->group);
          gtk_widget_add_css_class (cell, "heading");
        }
      break;

    case COLUMN_FIELD:
      if (item->first_of_field)
        text = g_strdup (cw_ci_field_get_label (item->field));
      gtk_widget_add_css_class (cell, "dim-label");
      break;

    case COLUMN_VERSION:
      text = g_strdup (item->version);
      gtk_widget_add_css_class (cell, "numeric");
      break;

    case COLUMN_TOTAL:
      text = g_strdup_printf ("%'u", item->total);
      gtk_widget_add_css_class (cell, "numeric");
      xalign = 1.0f;
      break;

    case COLUMN_SITE:
      xalign = 1.0f;
      gtk_widget_add_css_class (cell, "numeric");
      if (site >= item->n_counts || item->counts[site] == 0)
        {
          text = g_strdup ("–");
          gtk_widget_add_css_class (cell, "dim-label");
        }
      else
        {
          text = g_strdup_printf ("%'u", item->counts[site]);
          if (!item->common)
            gtk_widget_add_css_class (cell, "warning");
        }
      break;

    default:
      g_assert_not_reached ();
    }

  gtk_inscription_set_xalign (GTK_INSCRIPTION (cell), xalign);
  gtk_inscription_set_text (GTK_INSCRIPTION (cell), text);
}

static GtkColumnViewColumn *
create_column (CwInventoryVersions *self,
               const char          *title,
               ColumnKind           kind,
               guint                site,
               int                  width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column = gtk_column_view_column_new (title, factory);

  g_object_set_data (G_OBJECT (column), "cw-kind", GUINT_TO_POINTER (kind));
  g_object_set_data (G_OBJECT (column), "cw-site", GUINT_TO_POINTER (site));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), column);

  gtk_column_view_column_set_resizable (column, TRUE);
  if (width > 0)
    gtk_column_view_column_set_fixed_width (column, width);

  return column;
}

static void
update_group_title (CwInventoryVersions *self)
{
  gtk_column_view_column_set_title (self->group_column,
                                    cw_inventory_versions_get_by_class (self) ?
                                      cw_ci_field_get_label (CW_CI_FIELD_CLASS) :
                                      cw_ci_field_get_label (CW_CI_FIELD_MODEL));
}

static void
set_site_columns (CwInventoryVersions *self,
                  GPtrArray           *sites)
{
  for (guint i = 0; i < self->site_columns->len; i++)
    gtk_column_view_remove_column (self->column_view, g_ptr_array_index (self->site_columns, i));
  g_ptr_array_set_size (self->site_columns, 0);

  for (guint i = 0; i < sites->len; i++)
    {
      const CwSite *site = g_ptr_array_index (sites, i);
      GtkColumnViewColumn *column = create_column (self, site->code, COLUMN_SITE, i, 60);

      gtk_column_view_append_column (self->column_view, column);
      g_ptr_array_add (self->site_columns, column);
    }
}

/* Copies the report into rows, and marks where groups start and which
 * version of each group is the common one. */
static guint
fill_items (CwInventoryVersions *self,
            CwDriftReport       *report,
            guint               *n_drifting)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint block_start = 0;
  guint n_groups = 0;
  gboolean group_drifts = FALSE;

  *n_drifting = 0;

  for (guint i = 0; i < report->rows->len; i++)
    {
      const CwDriftRow *row = g_ptr_array_index (report->rows, i);
      const CwDriftRow *prev = i > 0 ? g_ptr_array_index (report->rows, i - 1) : NULL;
      CwDriftItem *item = g_object_new (CW_TYPE_DRIFT_ITEM, NULL);

      item->group = g_strdup (row->group);
      item->version = g_strdup (row->version);
      item->field = row->field;
      item->total = row->total;
      item->n_counts = report->sites->len;
      item->counts = g_memdup2 (row->counts, sizeof (guint) * report->sites->len);
      item->first_of_group = prev == NULL || g_strcmp0 (prev->group, row->group) != 0;
      item->first_of_field = item->first_of_group || prev->field != row->field;

      if (item->first_of_group)
        {
          n_groups++;
          group_drifts = FALSE;
        }
      if (item->first_of_field)
        block_start = items->len;
      else if (!group_drifts)
        {
          /* A second version of the same field in this group: drift. */
          group_drifts = TRUE;
          (*n_drifting)++;
        }

      g_ptr_array_add (items, item);

      /* At the end of a block, mark its most used version. */
      if (i + 1 == report->rows->len ||
          g_strcmp0 (((CwDriftRow *) g_ptr_array_index (report->rows, i + 1))->group, row->group) != 0 ||
          ((CwDriftRow *) g_ptr_array_index (report->rows, i + 1))->field != row->field)
        {
          CwDriftItem *common = g_ptr_array_index (items, block_start);

          for (guint j = block_start + 1; j < items->len; j++)
            {
              CwDriftItem *other = g_ptr_array_index (items, j);

              if (other->total > common->total)
                common = other;
            }
          common->common = TRUE;
        }
    }

  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       items->pdata, items->len);

  return n_groups;
}

static void
on_drift_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(CwInventoryVersions) self = user_data;
  g_autoptr(CwDriftReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  guint n_groups, n_drifting;
  gboolean by_class;

  report = cw_inventory_drift_finish (result, &error);
  if (report == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      g_debug ("Cannot compute the version drift: %s", error->message);
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      gtk_label_set_label (self->summary_label, "");
      set_busy (self, FALSE);
      return;
    }

  by_class = cw_inventory_versions_get_by_class (self);
  set_site_columns (self, report->sites);
  update_group_title (self);
  n_groups = fill_items (self, report, &n_drifting);

  if (report->rows->len == 0)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else
    gtk_stack_set_visible_child_name (self->stack, "table");

  if (by_class)
    /* Translators: the summary of the Versions view, by class */
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u of %u class runs more than one version",
                                            "%u of %u classes run more than one version",
                                            n_drifting),
                               n_drifting, n_groups);
  else
    /* Translators: the summary of the Versions view, by model */
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u of %u model runs more than one version",
                                            "%u of %u models run more than one version",
                                            n_drifting),
                               n_drifting, n_groups);
  gtk_label_set_label (self->summary_label, summary);

  set_busy (self, FALSE);
}

static void
reload (CwInventoryVersions *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->workspace_path == NULL)
    return;

  self->dirty = FALSE;
  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);

  if (g_list_model_get_n_items (G_LIST_MODEL (self->items)) == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "loading");
      gtk_spinner_set_spinning (self->big_spinner, TRUE);
    }

  cw_inventory_drift_async (self->workspace_path,
                            cw_inventory_versions_get_by_class (self),
                            self->cancellable,
                            on_drift_cb,
                            g_object_ref (self));
}

static void
on_grouping_toggled_cb (CwInventoryVersions *self,
                        GtkToggleButton     *button)
{
  /* Both buttons toggle; the one that turned off has nothing to say. */
  self->dirty = TRUE;
  g_list_store_remove_all (self->items);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    reload (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BY_CLASS]);
}

static void
on_row_activated_cb (CwInventoryVersions *self,
                     guint                position,
                     GtkColumnView       *view)
{
  g_autoptr(CwDriftItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), position);

  if (item != NULL && item->version != NULL)
    g_signal_emit (self, signals[VERSION_ACTIVATED], 0, item->version);
}

static void
cw_inventory_versions_map (GtkWidget *widget)
{
  CwInventoryVersions *self = CW_INVENTORY_VERSIONS (widget);

  GTK_WIDGET_CLASS (cw_inventory_versions_parent_class)->map (widget);

  if (self->dirty)
    reload (self);
}

static void
cw_inventory_versions_dispose (GObject *object)
{
  CwInventoryVersions *self = (CwInventoryVersions *)object;
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), CW_TYPE_INVENTORY_VERSIONS);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->items);
  g_clear_object (&self->group_column);
  g_clear_pointer (&self->site_columns, g_ptr_array_unref);

  G_OBJECT_CLASS (cw_inventory_versions_parent_class)->dispose (object);
}

static void
cw_inventory_versions_finalize (GObject *object)
{
  CwInventoryVersions *self = (CwInventoryVersions *)object;

  g_clear_pointer (&self->workspace_path, g_free);

  G_OBJECT_CLASS (cw_inventory_versions_parent_class)->finalize (object);
}

static void
cw_inventory_versions_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  CwInventoryVersions *self = CW_INVENTORY_VERSIONS (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    case PROP_BY_CLASS:
      g_value_set_boolean (value, cw_inventory_versions_get_by_class (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cw_inventory_versions_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  CwInventoryVersions *self = CW_INVENTORY_VERSIONS (object);

  switch (prop_id)
    {
    case PROP_BY_CLASS:
      cw_inventory_versions_set_by_class (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cw_inventory_versions_class_init (CwInventoryVersionsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cw_inventory_versions_dispose;
  object_class->finalize = cw_inventory_versions_finalize;
  object_class->get_property = cw_inventory_versions_get_property;
  object_class->set_property = cw_inventory_versions_set_property;

  widget_class->map = cw_inventory_versions_map;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_BY_CLASS] =
    g_param_spec_boolean ("by-class", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CwInventoryVersions::version-activated:
   * @version: a firmware or software version
   */
  signals[VERSION_ACTIVATED] =
    g_signal_new ("version-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/changeward/Changeward/ui/inventory/cw-inventory-versions.ui");
  gtk_widget_class_bind_template_child (widget_class, CwInventoryVersions, big_spinner);
  gtk_widget_class_bind_template_child (widget_class, CwInventoryVersions, box);
  gtk_widget_class_bind_template_child (widget_class, CwInventoryVersions, by_class_button);
  gtk_widget_class_bind_template_child (widget_class, CwInventoryVersions, by_model_button);
  gtk_widget_class_bind_template_child (widget_class, CwInventoryVersions, column_view);
  gtk_widget_class_bind_template_child (widget_class, CwInventoryVersions, error_page);
  gtk_widget_class_bind_template_child (widget_class, CwInventoryVersions, spinner);
  gtk_widget_class_bind_template_child (widget_class, CwInventoryVersions, stack);
  gtk_widget_class_bind_template_child (widget_class, CwInventoryVersions, summary_label);
  gtk_widget_class_bind_template_callback (widget_class, on_grouping_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
cw_inventory_versions_init (CwInventoryVersions *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;
  GtkColumnViewColumn *column;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->dirty = TRUE;
  self->items = g_list_store_new (CW_TYPE_DRIFT_ITEM);
  self->site_columns = g_ptr_array_new_with_free_func (g_object_unref);

  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->items)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));

  self->group_column = create_column (self, cw_ci_field_get_label (CW_CI_FIELD_MODEL),
                                      COLUMN_GROUP, 0, 200);
  gtk_column_view_append_column (self->column_view, self->group_column);

  column = create_column (self, _("Field"), COLUMN_FIELD, 0, 110);
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (column);

  column = create_column (self, _("Version"), COLUMN_VERSION, 0, 120);
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (column);

  column = create_column (self, _("Total"), COLUMN_TOTAL, 0, 64);
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (column);
}

void
cw_inventory_versions_set_workspace_path (CwInventoryVersions *self,
                                          const char          *path)
{
  g_return_if_fail (CW_IS_INVENTORY_VERSIONS (self));

  if (g_strcmp0 (self->workspace_path, path) == 0)
    return;

  g_free (self->workspace_path);
  self->workspace_path = g_strdup (path);
  cw_inventory_versions_invalidate (self);
}

/**
 * cw_inventory_versions_invalidate:
 *
 * The inventory changed: compute the report again, now if it is shown,
 * otherwise when it is shown next.
 */
void
cw_inventory_versions_invalidate (CwInventoryVersions *self)
{
  g_return_if_fail (CW_IS_INVENTORY_VERSIONS (self));

  self->dirty = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    reload (self);
}

gboolean
cw_inventory_versions_get_busy (CwInventoryVersions *self)
{
  g_return_val_if_fail (CW_IS_INVENTORY_VERSIONS (self), FALSE);

  return self->busy;
}

gboolean
cw_inventory_versions_get_by_class (CwInventoryVersions *self)
{
  g_return_val_if_fail (CW_IS_INVENTORY_VERSIONS (self), FALSE);

  return gtk_toggle_button_get_active (self->by_class_button);
}

void
cw_inventory_versions_set_by_class (CwInventoryVersions *self,
                                    gboolean             by_class)
{
  g_return_if_fail (CW_IS_INVENTORY_VERSIONS (self));

  gtk_toggle_button_set_active (by_class ? self->by_class_button : self->by_model_button, TRUE);
}

/**
 * cw_inventory_versions_get_column_view:
 *
 * Returns: (transfer none): the table
 */
GtkColumnView *
cw_inventory_versions_get_column_view (CwInventoryVersions *self)
{
  g_return_val_if_fail (CW_IS_INVENTORY_VERSIONS (self), NULL);

  return self->column_view;
}
