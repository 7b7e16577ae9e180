/* cw-inventory-columns.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-inventory-columns"

#include "config.h"

#include <string.h>

#include "cw-ci.h"
#include "cw-inventory-columns.h"

/* The inventory's columns: one per field, with cells that read the CI only
 * when they are bound, so a million rows cost what the visible ones cost.
 *
 * Sorting happens in SQLite, never in a GTK sort model. Each column still
 * gets a sorter, so that its header can be clicked and shows the arrow; the
 * column view's sorter then tells which column and order the user chose. GTK
 * 4.8 has no public getter for that (GtkColumnViewSorter's are 4.10), so
 * cw_inventory_columns_get_sort() asks the sorter to compare two objects: the
 * primary column's sorter answers first, and the column view inverts its
 * answer when the order is descending. */

typedef struct
{
  CwCiField   field;
  int         width;
  gboolean    visible;
  gboolean    numeric;
} ColumnInfo;

static const ColumnInfo column_infos[] = {
  { CW_CI_FIELD_NAME,               170, TRUE,  FALSE },
  { CW_CI_FIELD_CLASS,              110, TRUE,  FALSE },
  { CW_CI_FIELD_SITE,                64, TRUE,  FALSE },
  { CW_CI_FIELD_MANUFACTURER,       120, TRUE,  FALSE },
  { CW_CI_FIELD_MODEL,              170, TRUE,  FALSE },
  { CW_CI_FIELD_FIRMWARE_VERSION,   110, TRUE,  TRUE  },
  { CW_CI_FIELD_OS_VERSION,         140, TRUE,  TRUE  },
  { CW_CI_FIELD_IP_ADDRESS,         110, TRUE,  TRUE  },
  { CW_CI_FIELD_LIFECYCLE_STATUS,   120, FALSE, FALSE },
  { CW_CI_FIELD_OPERATIONAL_STATUS, 150, FALSE, FALSE },
  { CW_CI_FIELD_SERIAL,             130, FALSE, TRUE  },
  { CW_CI_FIELD_ASSET_TAG,          110, FALSE, TRUE  },
};

#define FIELD_KEY "cw-inventory-field"

/* Set and read by cw_inventory_columns_get_sort() around the comparison,
 * on the main thread. */
static int probed_field = -1;
static gconstpointer probe_first;

/* Says "first is larger", whichever way round it is asked: the column view
 * inverts a descending column by swapping the items (GTK 4.8) or negating
 * the answer (later), and both show as "smaller". */
static int
probe_sort_cb (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  probed_field = GPOINTER_TO_INT (user_data);

  return a == probe_first ? GTK_ORDERING_LARGER : GTK_ORDERING_SMALLER;
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  const ColumnInfo *info = user_data;
  GtkWidget *cell = gtk_inscription_new (NULL);

  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (cell),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_xalign (GTK_INSCRIPTION (cell), 0.0);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (cell), 3);
  if (info->numeric)
    gtk_widget_add_css_class (cell, "numeric");

  gtk_list_item_set_child (list_item, cell);
}

/* No "unbind": a row is bound again (its text replaced) or destroyed. */
static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  const ColumnInfo *info = user_data;
  GtkInscription *cell = GTK_INSCRIPTION (gtk_list_item_get_child (list_item));
  CwCi *ci = gtk_list_item_get_item (list_item);
  g_autofree char *text = NULL;

  if (ci != NULL)
    text = cw_ci_dup_display (ci, info->field);

  gtk_inscription_set_text (cell, text);
}

/**
 * cw_inventory_columns_setup:
 *
 * Appends a column per field to @view, the less used ones hidden.
 */
void
cw_inventory_columns_setup (GtkColumnView *view)
{
  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));

  for (guint i = 0; i < G_N_ELEMENTS (column_infos); i++)
    {
      const ColumnInfo *info = &column_infos[i];
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;
      g_autoptr(GtkSorter) sorter = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), (gpointer) info);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), (gpointer) info);

      column = gtk_column_view_column_new (cw_ci_field_get_label (info->field),
                                           g_steal_pointer (&factory));
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_fixed_width (column, info->width);
      gtk_column_view_column_set_visible (column, info->visible);
      gtk_column_view_column_set_expand (column, info->field == CW_CI_FIELD_NAME);

      sorter = GTK_SORTER (gtk_custom_sorter_new (probe_sort_cb,
                                                  GINT_TO_POINTER (info->field), NULL));
      gtk_column_view_column_set_sorter (column, sorter);

      g_object_set_data (G_OBJECT (column), FIELD_KEY, GINT_TO_POINTER (info->field + 1));
      gtk_column_view_append_column (view, column);
    }
}

/**
 * cw_inventory_columns_get_field:
 *
 * Returns: the field @column shows, or %CW_CI_N_FIELDS for a column that is
 *   not one of ours
 */
CwCiField
cw_inventory_columns_get_field (GtkColumnViewColumn *column)
{
  int stored;

  g_return_val_if_fail (GTK_IS_COLUMN_VIEW_COLUMN (column), CW_CI_N_FIELDS);

  stored = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (column), FIELD_KEY));
  if (stored <= 0)
    return CW_CI_N_FIELDS;

  return (CwCiField) (stored - 1);
}

/**
 * cw_inventory_columns_find:
 *
 * Returns: (transfer none) (nullable): the column that shows @field
 */
GtkColumnViewColumn *
cw_inventory_columns_find (GtkColumnView *view,
                           CwCiField      field)
{
  GListModel *columns;

  g_return_val_if_fail (GTK_IS_COLUMN_VIEW (view), NULL);

  columns = gtk_column_view_get_columns (view);
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (cw_inventory_columns_get_field (column) == field)
        return column;
    }

  return NULL;
}

/**
 * cw_inventory_columns_get_sort:
 * @field: (out): the field the user sorts by
 * @descending: (out): whether in descending order
 *
 * Returns: %FALSE when no column is sorted
 */
gboolean
cw_inventory_columns_get_sort (GtkColumnView *view,
                               CwCiField     *field,
                               gboolean      *descending)
{
  GtkSorter *sorter;
  GtkOrdering order;

  g_return_val_if_fail (GTK_IS_COLUMN_VIEW (view), FALSE);
  g_return_val_if_fail (field != NULL, FALSE);
  g_return_val_if_fail (descending != NULL, FALSE);

  sorter = gtk_column_view_get_sorter (view);
  if (sorter == NULL)
    return FALSE;

  probed_field = -1;
  probe_first = view;
  order = gtk_sorter_compare (sorter, view, sorter);
  probe_first = NULL;
  if (order == GTK_ORDERING_EQUAL || probed_field < 0 || probed_field >= CW_CI_N_FIELDS)
    return FALSE;

  *field = (CwCiField) probed_field;
  *descending = order == GTK_ORDERING_SMALLER;
  return TRUE;
}

/**
 * cw_inventory_columns_create_menu:
 * @actions: (out) (transfer full): the actions the menu's items name, to
 *   insert as the "columns" group
 *
 * A menu with a check item per column that can be hidden (all but the name).
 *
 * Returns: (transfer full): the menu
 */
GMenuModel *
cw_inventory_columns_create_menu (GtkColumnView       *view,
                                  GSimpleActionGroup **actions)
{
  g_autoptr(GSimpleActionGroup) group = NULL;
  g_autoptr(GMenu) menu = NULL;
  GListModel *columns;

  g_return_val_if_fail (GTK_IS_COLUMN_VIEW (view), NULL);
  g_return_val_if_fail (actions != NULL, NULL);

  group = g_simple_action_group_new ();
  menu = g_menu_new ();
  columns = gtk_column_view_get_columns (view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      CwCiField field = cw_inventory_columns_get_field (column);
      g_autoptr(GPropertyAction) action = NULL;
      g_autofree char *detailed = NULL;
      const char *key;

      if (field == CW_CI_FIELD_NAME || field == CW_CI_N_FIELDS)
        continue;

      key = cw_ci_field_get_key (field);
      action = g_property_action_new (key, column, "visible");
      g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (action));

      detailed = g_strconcat ("columns.", key, NULL);
      g_menu_append (menu, gtk_column_view_column_get_title (column), detailed);
    }

  *actions = g_steal_pointer (&group);
  return G_MENU_MODEL (g_steal_pointer (&menu));
}

/**
 * cw_inventory_columns_save_state:
 *
 * The columns as the user left them: each in order, as its field's key,
 * with a "-" in front when hidden and its width after a ":"
 * ("name:170,class:110,-serial:130"); then the sort after a ";", as the
 * key, with a "-" in front when descending (";-site"), or nothing.
 *
 * Returns: (transfer full): the state, for
 *   cw_inventory_columns_restore_state()
 */
char *
cw_inventory_columns_save_state (GtkColumnView *view)
{
  GString *state = g_string_new (NULL);
  GListModel *columns;
  CwCiField sorted_by;
  gboolean descending;

  g_return_val_if_fail (GTK_IS_COLUMN_VIEW (view), NULL);

  columns = gtk_column_view_get_columns (view);
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      CwCiField field = cw_inventory_columns_get_field (column);

      if (field == CW_CI_N_FIELDS)
        continue;

      g_string_append_printf (state, "%s%s%s:%d", state->len > 0 ? "," : "",
                              gtk_column_view_column_get_visible (column) ? "" : "-",
                              cw_ci_field_get_key (field),
                              gtk_column_view_column_get_fixed_width (column));
    }

  g_string_append_c (state, ';');
  if (cw_inventory_columns_get_sort (view, &sorted_by, &descending))
    g_string_append_printf (state, "%s%s", descending ? "-" : "", cw_ci_field_get_key (sorted_by));

  return g_string_free (state, FALSE);
}

/**
 * cw_inventory_columns_restore_state:
 * @state: what cw_inventory_columns_save_state() returned, or ""
 *
 * Puts the columns in @state in its order, with its widths and visibility,
 * and sorts as it says. Columns @state does not name keep their place
 * after the others; what it says wrong is passed over. The name column is
 * never hidden.
 */
void
cw_inventory_columns_restore_state (GtkColumnView *view,
                                    const char    *state)
{
  g_auto(GStrv) parts = NULL;
  g_auto(GStrv) entries = NULL;
  guint position = 0;

  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));

  if (state == NULL || state[0] == '\0')
    return;

  parts = g_strsplit (state, ";", 2);
  entries = g_strsplit (parts[0], ",", -1);
  for (guint i = 0; entries[i] != NULL; i++)
    {
      const char *entry = entries[i];
      gboolean hidden = entry[0] == '-';
      g_autofree char *key = NULL;
      const char *colon;
      GtkColumnViewColumn *column;
      CwCiField field;
      gint64 width = -1;

      if (hidden)
        entry++;
      colon = strchr (entry, ':');
      key = colon != NULL ? g_strndup (entry, colon - entry) : g_strdup (entry);
      if (!cw_ci_field_from_key (key, &field))
        continue;
      column = cw_inventory_columns_find (view, field);
      if (column == NULL)
        continue;

      if (colon != NULL &&
          !g_ascii_string_to_signed (colon + 1, 10, 16, 4096, &width, NULL))
        width = -1;

      g_object_ref (column);
      gtk_column_view_insert_column (view, position++, column);
      gtk_column_view_column_set_visible (column, !hidden || field == CW_CI_FIELD_NAME);
      if (width > 0)
        gtk_column_view_column_set_fixed_width (column, (int) width);
      g_object_unref (column);
    }

  if (parts[1] != NULL && parts[1][0] != '\0')
    {
      gboolean descending = parts[1][0] == '-';
      CwCiField field;
      GtkColumnViewColumn *column;

      if (cw_ci_field_from_key (parts[1] + (descending ? 1 : 0), &field) &&
          (column = cw_inventory_columns_find (view, field)) != NULL)
        gtk_column_view_sort_by_column (view, column,
                                        descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
    }
}

/**
 * cw_inventory_columns_connect_changed:
 * @callback: called as `callback (@instance)`
 *
 * Calls @callback whenever what cw_inventory_columns_save_state() says
 * changes: a column shown, hidden, resized or moved, or another sort; for
 * as long as @instance lives.
 */
void
cw_inventory_columns_connect_changed (GtkColumnView *view,
                                      GCallback      callback,
                                      gpointer       instance)
{
  GListModel *columns;

  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));
  g_return_if_fail (G_IS_OBJECT (instance));

  columns = gtk_column_view_get_columns (view);
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      g_signal_connect_object (column, "notify::visible", callback, instance, G_CONNECT_SWAPPED);
      g_signal_connect_object (column, "notify::fixed-width", callback, instance,
                               G_CONNECT_SWAPPED);
    }
  g_signal_connect_object (columns, "items-changed", callback, instance, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_column_view_get_sorter (view), "changed", callback, instance,
                           G_CONNECT_SWAPPED);
}
