/* cw-compat-matrix.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-compat-matrix"

#include "config.h"

#include <glib/gi18n.h>

#include "cw-compat-matrix-private.h"
#include "cw-compat.h"
#include "cw-window.h"

/* The matrix editor: the versions of one product down the side, those of
 * another across the top, and a cell per pair that shows its verdict by
 * icon, colour and tooltip. A click selects a cell, Shift+click a range from
 * the last cell, Ctrl+click adds or removes one (Shift or Ctrl with Space
 * from the keyboard). The panel at the side sets the verdict, note and
 * source of every selected cell at once; a toast offers to undo. */


G_DEFINE_FINAL_TYPE (CwCompatMatrix, cw_compat_matrix, ADW_TYPE_BIN)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Auxiliary methods */

static guint64
pair_key (gint64 a,
          gint64 b)
{
  if (a > b)
    {
      gint64 t = a;
      a = b;
      b = t;
    }

  return ((guint64) a << 32) | (guint64) (b & 0xffffffff);
}

static guint
key_hash (gconstpointer key)
{
  return g_int64_hash (key);
}

static gboolean
key_equal (gconstpointer a,
           gconstpointer b)
{
  return g_int64_equal (a, b);
}

static guint
n_columns (CwCompatMatrix *self)
{
  return self->column_versions != NULL ? self->column_versions->len : 0;
}

void
_cw_compat_matrix_index_to_versions (CwCompatMatrix          *self,
                   guint                    index,
                   const CwCompatVersion  **row,
                   const CwCompatVersion  **column)
{
  *row = g_ptr_array_index (self->row_versions, index / n_columns (self));
  *column = g_ptr_array_index (self->column_versions, index % n_columns (self));
}

const CwCompatCell *
_cw_compat_matrix_lookup_cell (CwCompatMatrix *self,
             gint64          a,
             gint64          b)
{
  guint64 key = pair_key (a, b);

  return g_hash_table_lookup (self->cells, &key);
}

gboolean
_cw_compat_matrix_is_selected (CwCompatMatrix *self,
             guint           index)
{
  return g_array_index (self->selected, gboolean, index);
}

static void
set_selected (CwCompatMatrix *self,
              guint           index,
              gboolean        selected)
{
  GtkWidget *button = g_ptr_array_index (self->buttons, index);

  g_array_index (self->selected, gboolean, index) = selected;
  if (selected)
    gtk_widget_add_css_class (button, "selected");
  else
    gtk_widget_remove_css_class (button, "selected");
}

static void
style_cell (CwCompatMatrix *self,
            guint           index)
{
  static const char *classes[] = { "untested", "compatible", "caveat", "incompatible" };
  GtkWidget *button = g_ptr_array_index (self->buttons, index);
  const CwCompatVersion *row;
  const CwCompatVersion *column;
  const CwCompatCell *cell;
  CwCompatVerdict verdict;
  g_autofree char *tooltip = NULL;
  g_autofree char *label = NULL;

  _cw_compat_matrix_index_to_versions (self, index, &row, &column);
  cell = _cw_compat_matrix_lookup_cell (self, row->id, column->id);
  verdict = cell != NULL ? cell->verdict : CW_COMPAT_VERDICT_UNTESTED;

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (button, classes[i]);
  gtk_widget_add_css_class (button, classes[verdict]);
  if (cell == NULL)
    gtk_widget_add_css_class (button, "unrecorded");
  else
    gtk_widget_remove_css_class (button, "unrecorded");

  gtk_button_set_icon_name (GTK_BUTTON (button), cw_compat_verdict_get_icon (verdict));

  /* Translators: a matrix cell: two versions, then the verdict */
  label = g_strdup_printf (_("%s and %s: %s"), row->version, column->version,
                           cw_compat_verdict_get_label (verdict));
  if (cell != NULL && cell->note != NULL && cell->note[0] != '\0')
    tooltip = g_strdup_printf ("%s\n%s", label, cell->note);
  gtk_widget_set_tooltip_text (button, tooltip != NULL ? tooltip : label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
select_only (CwCompatMatrix *self,
             guint           index)
{
  for (guint i = 0; i < self->selected->len; i++)
    if (_cw_compat_matrix_is_selected (self, i) != (i == index))
      set_selected (self, i, i == index);
  self->anchor = index;
  _cw_compat_matrix_update_editor (self);
}

static void
select_range (CwCompatMatrix *self,
              guint           index)
{
  guint columns = n_columns (self);
  guint row0 = MIN (self->anchor / columns, index / columns);
  guint row1 = MAX (self->anchor / columns, index / columns);
  guint column0 = MIN (self->anchor % columns, index % columns);
  guint column1 = MAX (self->anchor % columns, index % columns);

  for (guint i = 0; i < self->selected->len; i++)
    {
      guint row = i / columns;
      guint column = i % columns;
      gboolean inside = row >= row0 && row <= row1 && column >= column0 && column <= column1;

      if (_cw_compat_matrix_is_selected (self, i) != inside)
        set_selected (self, i, inside);
    }
  _cw_compat_matrix_update_editor (self);
}

static void
toggle_one (CwCompatMatrix *self,
            guint           index)
{
  set_selected (self, index, !_cw_compat_matrix_is_selected (self, index));
  self->anchor = index;
  _cw_compat_matrix_update_editor (self);
}

static void
select_with_state (CwCompatMatrix  *self,
                   guint            index,
                   GdkModifierType  state)
{
  if ((state & GDK_SHIFT_MASK) != 0 && self->anchor < self->selected->len)
    select_range (self, index);
  else if ((state & GDK_CONTROL_MASK) != 0)
    toggle_one (self, index);
  else
    select_only (self, index);
}

static int
find_button_index (CwCompatMatrix *self,
                   GtkWidget      *widget)
{
  for (; widget != NULL && widget != GTK_WIDGET (self->grid); widget = gtk_widget_get_parent (widget))
    {
      gpointer data = g_object_get_data (G_OBJECT (widget), "cw-cell-index");

      if (data != NULL)
        return GPOINTER_TO_INT (data) - 1;
    }

  return -1;
}

static void
on_cell_clicked_cb (CwCompatMatrix *self,
                    GtkButton      *button)
{
  int index = find_button_index (self, GTK_WIDGET (button));

  if (index >= 0)
    select_only (self, index);
}

static void
clear_grid (CwCompatMatrix *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);

  g_clear_pointer (&self->buttons, g_ptr_array_unref);
  g_clear_pointer (&self->selected, g_array_unref);
}

static GtkWidget *
create_header (const char *text,
               gboolean    row)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), row ? 1.0 : 0.5);
  gtk_widget_add_css_class (label, "matrix-header");
  if (row)
    gtk_widget_set_margin_end (label, 6);

  return label;
}

static void
read_cells (CwCompatMatrix        *self,
            const CwCompatProduct *rows,
            const CwCompatProduct *columns)
{
  g_autoptr(GPtrArray) cells = NULL;
  g_autoptr(GError) error = NULL;

  g_hash_table_remove_all (self->cells);

  cells = cw_compat_list_cells (cw_context_get_store (self->context), rows->id, columns->id, &error);
  if (cells == NULL)
    {
      g_warning ("Cannot read the matrix: %s", error->message);
      return;
    }

  for (guint i = 0; i < cells->len; i++)
    {
      CwCompatCell *cell = g_ptr_array_index (cells, i);
      gint64 *key = g_new (gint64, 1);

      *key = (gint64) pair_key (cell->version_a, cell->version_b);
      g_ptr_array_index (cells, i) = NULL;
      g_hash_table_replace (self->cells, key, cell);
    }
}

/* Builds the grid for the two chosen products; keeps the selection of the
 * same pairs when @keep is TRUE (after an edit). */
static void
fill_grid (CwCompatMatrix *self)
{
  CwStore *store = cw_context_get_store (self->context);
  const CwCompatProduct *rows = _cw_compat_matrix_selected_product (self, self->rows_dropdown);
  const CwCompatProduct *columns = _cw_compat_matrix_selected_product (self, self->columns_dropdown);
  g_autoptr(GError) error = NULL;
  guint n;

  clear_grid (self);
  g_clear_pointer (&self->row_versions, g_ptr_array_unref);
  g_clear_pointer (&self->column_versions, g_ptr_array_unref);

  if (rows == NULL || columns == NULL)
    return;

  self->row_versions = cw_compat_list_versions (store, rows->id, &error);
  if (self->row_versions != NULL)
    self->column_versions = cw_compat_list_versions (store, columns->id, &error);
  if (self->column_versions == NULL)
    {
      g_warning ("Cannot read the versions: %s", error->message);
      g_clear_pointer (&self->row_versions, g_ptr_array_unref);
      return;
    }

  read_cells (self, rows, columns);

  n = self->row_versions->len * self->column_versions->len;
  self->buttons = g_ptr_array_sized_new (n);
  self->selected = g_array_sized_new (FALSE, TRUE, sizeof (gboolean), n);
  g_array_set_size (self->selected, n);
  self->anchor = G_MAXUINT;

  for (guint c = 0; c < self->column_versions->len; c++)
    {
      const CwCompatVersion *version = g_ptr_array_index (self->column_versions, c);

      gtk_grid_attach (self->grid, create_header (version->version, FALSE), c + 1, 0, 1, 1);
    }

  for (guint r = 0; r < self->row_versions->len; r++)
    {
      const CwCompatVersion *version = g_ptr_array_index (self->row_versions, r);

      gtk_grid_attach (self->grid, create_header (version->version, TRUE), 0, r + 1, 1, 1);

      for (guint c = 0; c < self->column_versions->len; c++)
        {
          GtkWidget *button = gtk_button_new ();
          guint index = r * self->column_versions->len + c;

          gtk_widget_add_css_class (button, "verdict-cell");
          g_object_set_data (G_OBJECT (button), "cw-cell-index", GINT_TO_POINTER (index + 1));
          g_signal_connect_object (button, "clicked", G_CALLBACK (on_cell_clicked_cb), self,
                                   G_CONNECT_SWAPPED);
          gtk_grid_attach (self->grid, button, c + 1, r + 1, 1, 1);
          g_ptr_array_add (self->buttons, button);
          style_cell (self, index);
        }
    }

  _cw_compat_matrix_update_editor (self);
}

void
_cw_compat_matrix_restyle_all (CwCompatMatrix *self)
{
  const CwCompatProduct *rows = _cw_compat_matrix_selected_product (self, self->rows_dropdown);
  const CwCompatProduct *columns = _cw_compat_matrix_selected_product (self, self->columns_dropdown);

  if (rows == NULL || columns == NULL || self->buttons == NULL)
    return;

  read_cells (self, rows, columns);
  for (guint i = 0; i < self->buttons->len; i++)
    style_cell (self, i);
  _cw_compat_matrix_update_editor (self);
}

/* Callbacks */

static void
on_apply_clicked_cb (CwCompatMatrix *self)
{
  _cw_compat_matrix_edit_selection (self, FALSE);
}

static void
on_clear_clicked_cb (CwCompatMatrix *self)
{
  _cw_compat_matrix_edit_selection (self, TRUE);
}

static void
on_products_selected_cb (CwCompatMatrix *self)
{
  if (!self->filling)
    fill_grid (self);
}

static void
on_swap_clicked_cb (CwCompatMatrix *self)
{
  guint rows = gtk_drop_down_get_selected (self->rows_dropdown);
  guint columns = gtk_drop_down_get_selected (self->columns_dropdown);

  self->filling = TRUE;
  gtk_drop_down_set_selected (self->rows_dropdown, columns);
  gtk_drop_down_set_selected (self->columns_dropdown, rows);
  self->filling = FALSE;
  fill_grid (self);
}

static void
on_grid_pressed_cb (CwCompatMatrix  *self,
                    int              n_press,
                    double           x,
                    double           y,
                    GtkGestureClick *gesture)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self->grid), x, y, GTK_PICK_DEFAULT);
  int index = find_button_index (self, picked);
  GdkModifierType state;

  if (index < 0)
    return;

  state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  if ((state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK)) == 0)
    return; /* A plain click: the button's "clicked" selects it. */

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_widget_grab_focus (g_ptr_array_index (self->buttons, index));
  select_with_state (self, index, state);
}

static gboolean
on_grid_key_pressed_cb (CwCompatMatrix        *self,
                        guint                  keyval,
                        guint                  keycode,
                        GdkModifierType        state,
                        GtkEventControllerKey *controller)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  int index;

  if (keyval != GDK_KEY_space && keyval != GDK_KEY_KP_Space)
    return FALSE;
  if ((state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK)) == 0 || root == NULL)
    return FALSE;

  index = find_button_index (self, gtk_root_get_focus (root));
  if (index < 0)
    return FALSE;

  select_with_state (self, index, state);
  return TRUE;
}

/* The first time, the two products with the most recorded verdicts. */
static void
find_busiest_pair (CwCompatMatrix *self,
                   guint          *rows,
                   guint          *columns)
{
  CwStore *store = cw_context_get_store (self->context);
  guint best = 0;

  for (guint i = 0; i < self->products->len; i++)
    for (guint j = i + 1; j < self->products->len; j++)
      {
        const CwCompatProduct *a = g_ptr_array_index (self->products, i);
        const CwCompatProduct *b = g_ptr_array_index (self->products, j);
        g_autoptr(GPtrArray) cells = cw_compat_list_cells (store, a->id, b->id, NULL);

        if (cells != NULL && cells->len > best)
          {
            best = cells->len;
            *rows = i;
            *columns = j;
          }
      }
}

static void
fill_products (CwCompatMatrix *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *rows_name = NULL;
  g_autofree char *columns_name = NULL;
  guint rows = 0;
  guint columns = 1;

  if (self->products != NULL)
    {
      const CwCompatProduct *product;

      if ((product = _cw_compat_matrix_selected_product (self, self->rows_dropdown)) != NULL)
        rows_name = g_strdup (product->name);
      if ((product = _cw_compat_matrix_selected_product (self, self->columns_dropdown)) != NULL)
        columns_name = g_strdup (product->name);
    }

  g_clear_pointer (&self->products, g_ptr_array_unref);
  self->products = cw_compat_list_products (cw_context_get_store (self->context), &error);
  if (self->products == NULL)
    {
      g_warning ("Cannot read the products: %s", error->message);
      self->products = g_ptr_array_new_with_free_func ((GDestroyNotify) cw_compat_product_free);
    }

  for (guint i = 0; i < self->products->len; i++)
    {
      const CwCompatProduct *product = g_ptr_array_index (self->products, i);

      gtk_string_list_append (names, product->name);
      if (g_strcmp0 (product->name, rows_name) == 0)
        rows = i;
      if (g_strcmp0 (product->name, columns_name) == 0)
        columns = i;
    }
  if (rows_name == NULL)
    find_busiest_pair (self, &rows, &columns);
  if (columns >= self->products->len)
    columns = 0;

  self->filling = TRUE;
  gtk_drop_down_set_model (self->rows_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_model (self->columns_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->rows_dropdown, rows);
  gtk_drop_down_set_selected (self->columns_dropdown, columns);
  self->filling = FALSE;

  gtk_stack_set_visible_child_name (self->stack, self->products->len > 0 ? "grid" : "empty");
}

/* GObject */

static void
cw_compat_matrix_dispose (GObject *object)
{
  CwCompatMatrix *self = (CwCompatMatrix *)object;

  clear_grid (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CW_TYPE_COMPAT_MATRIX);

  g_clear_object (&self->context);
  g_clear_pointer (&self->products, g_ptr_array_unref);
  g_clear_pointer (&self->row_versions, g_ptr_array_unref);
  g_clear_pointer (&self->column_versions, g_ptr_array_unref);
  g_clear_pointer (&self->cells, g_hash_table_unref);

  G_OBJECT_CLASS (cw_compat_matrix_parent_class)->dispose (object);
}

static void
cw_compat_matrix_class_init (CwCompatMatrixClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cw_compat_matrix_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/changeward/Changeward/ui/compat/cw-compat-matrix.ui");
  gtk_widget_class_bind_template_child (widget_class, CwCompatMatrix, rows_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CwCompatMatrix, columns_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CwCompatMatrix, grid);
  gtk_widget_class_bind_template_child (widget_class, CwCompatMatrix, editor);
  gtk_widget_class_bind_template_child (widget_class, CwCompatMatrix, selection_label);
  gtk_widget_class_bind_template_child (widget_class, CwCompatMatrix, current_label);
  gtk_widget_class_bind_template_child (widget_class, CwCompatMatrix, verdict_box);
  gtk_widget_class_bind_template_child (widget_class, CwCompatMatrix, note_entry);
  gtk_widget_class_bind_template_child (widget_class, CwCompatMatrix, source_entry);
  gtk_widget_class_bind_template_child (widget_class, CwCompatMatrix, apply_button);
  gtk_widget_class_bind_template_child (widget_class, CwCompatMatrix, clear_button);
  gtk_widget_class_bind_template_callback (widget_class, on_apply_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_products_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_swap_clicked_cb);
}

static void
cw_compat_matrix_init (CwCompatMatrix *self)
{
  static const CwCompatVerdict order[] = {
    CW_COMPAT_VERDICT_COMPATIBLE,
    CW_COMPAT_VERDICT_CAVEAT,
    CW_COMPAT_VERDICT_INCOMPATIBLE,
    CW_COMPAT_VERDICT_UNTESTED,
  };
  GtkGesture *click;
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Not bound: a bound direct child is unparented twice on dispose. */
  self->stack = GTK_STACK (adw_bin_get_child (ADW_BIN (self)));
  self->cells = g_hash_table_new_full (key_hash, key_equal, g_free, (GDestroyNotify) cw_compat_cell_free);
  self->anchor = G_MAXUINT;

  /* One toggle per verdict, with its icon and name: never colour alone. */
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      CwCompatVerdict verdict = order[i];
      GtkWidget *button = gtk_toggle_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      GtkWidget *image = gtk_image_new_from_icon_name (cw_compat_verdict_get_icon (verdict));
      GtkWidget *label = gtk_label_new (cw_compat_verdict_get_label (verdict));

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_box_append (GTK_BOX (box), image);
      gtk_box_append (GTK_BOX (box), label);
      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_widget_add_css_class (button, "verdict-choice");
      gtk_widget_add_css_class (button, cw_compat_verdict_get_key (verdict));
      if (i > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), self->verdict_buttons[order[0]]);
      self->verdict_buttons[verdict] = GTK_TOGGLE_BUTTON (button);
      gtk_box_append (self->verdict_box, button);
    }
  gtk_toggle_button_set_active (self->verdict_buttons[CW_COMPAT_VERDICT_COMPATIBLE], TRUE);

  click = gtk_gesture_click_new ();
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect_object (click, "pressed", G_CALLBACK (on_grid_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->grid), GTK_EVENT_CONTROLLER (click));

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_grid_key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->grid), keys);

  _cw_compat_matrix_update_editor (self);
}

/* Public API */

void
cw_compat_matrix_set_context (CwCompatMatrix *self,
                              CwContext      *context)
{
  g_return_if_fail (CW_IS_COMPAT_MATRIX (self));
  g_return_if_fail (CW_IS_CONTEXT (context));

  g_set_object (&self->context, context);
  cw_compat_matrix_reload (self);
}

void
cw_compat_matrix_reload (CwCompatMatrix *self)
{
  g_return_if_fail (CW_IS_COMPAT_MATRIX (self));

  if (self->context == NULL)
    return;

  fill_products (self);
  fill_grid (self);
}

static gboolean
find_version (CwCompatMatrix *self,
              gint64          version_id,
              guint          *product_position)
{
  CwStore *store = cw_context_get_store (self->context);

  for (guint i = 0; i < self->products->len; i++)
    {
      const CwCompatProduct *product = g_ptr_array_index (self->products, i);
      g_autoptr(GPtrArray) versions = cw_compat_list_versions (store, product->id, NULL);

      for (guint j = 0; versions != NULL && j < versions->len; j++)
        if (((CwCompatVersion *) g_ptr_array_index (versions, j))->id == version_id)
          {
            *product_position = i;
            return TRUE;
          }
    }

  return FALSE;
}

void
cw_compat_matrix_show_cell (CwCompatMatrix *self,
                            gint64          version_a,
                            gint64          version_b)
{
  guint rows;
  guint columns;

  g_return_if_fail (CW_IS_COMPAT_MATRIX (self));

  if (self->context == NULL || self->products == NULL ||
      !find_version (self, version_a, &rows) || !find_version (self, version_b, &columns))
    return;

  self->filling = TRUE;
  gtk_drop_down_set_selected (self->rows_dropdown, rows);
  gtk_drop_down_set_selected (self->columns_dropdown, columns);
  self->filling = FALSE;
  fill_grid (self);

  for (guint i = 0; self->buttons != NULL && i < self->buttons->len; i++)
    {
      const CwCompatVersion *row;
      const CwCompatVersion *column;

      _cw_compat_matrix_index_to_versions (self, i, &row, &column);
      if ((row->id == version_a && column->id == version_b) ||
          (row->id == version_b && column->id == version_a))
        {
          select_only (self, i);
          gtk_widget_grab_focus (g_ptr_array_index (self->buttons, i));
          break;
        }
    }
}

/* For tests: the cell button of row @row and column @column (0-based). */
GtkWidget *
cw_compat_matrix_get_cell (CwCompatMatrix *self,
                           guint           row,
                           guint           column)
{
  g_return_val_if_fail (CW_IS_COMPAT_MATRIX (self), NULL);

  if (self->buttons == NULL || column >= n_columns (self) ||
      row * n_columns (self) + column >= self->buttons->len)
    return NULL;

  return g_ptr_array_index (self->buttons, row * n_columns (self) + column);
}

/* For tests: selects like a click with @state (Shift, Ctrl or none). */
void
cw_compat_matrix_click_cell (CwCompatMatrix  *self,
                             guint            row,
                             guint            column,
                             GdkModifierType  state)
{
  g_return_if_fail (cw_compat_matrix_get_cell (self, row, column) != NULL);

  select_with_state (self, row * n_columns (self) + column, state);
}

/* For tests: applies @verdict, @note and @source to the selection. */
void
cw_compat_matrix_apply (CwCompatMatrix  *self,
                        CwCompatVerdict  verdict,
                        const char      *note,
                        const char      *source)
{
  g_return_if_fail (CW_IS_COMPAT_MATRIX (self));

  _cw_compat_matrix_set_verdict_choice (self, verdict);
  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), note != NULL ? note : "");
  gtk_editable_set_text (GTK_EDITABLE (self->source_entry), source != NULL ? source : "");
  _cw_compat_matrix_edit_selection (self, FALSE);
}

guint
cw_compat_matrix_get_n_selected (CwCompatMatrix *self)
{
  g_return_val_if_fail (CW_IS_COMPAT_MATRIX (self), 0);

  return _cw_compat_matrix_count_selected (self);
}
