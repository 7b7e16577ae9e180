/* cw-compat-matrix-edit.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-compat-matrix"

#include "config.h"

#include <glib/gi18n.h>

#include "cw-compat-matrix-private.h"
#include "cw-window.h"

/* The side panel of the matrix editor: what the selection holds, and its
 * edits: one store call for the whole selection, and a toast whose Undo
 * puts every cell back as it was. */

const CwCompatProduct *
_cw_compat_matrix_selected_product (CwCompatMatrix *self,
                  GtkDropDown    *dropdown)
{
  guint position = gtk_drop_down_get_selected (dropdown);

  if (self->products == NULL || position >= self->products->len)
    return NULL;

  return g_ptr_array_index (self->products, position);
}

guint
_cw_compat_matrix_count_selected (CwCompatMatrix *self)
{
  guint n = 0;

  for (guint i = 0; self->selected != NULL && i < self->selected->len; i++)
    n += _cw_compat_matrix_is_selected (self, i) ? 1 : 0;

  return n;
}

void
_cw_compat_matrix_set_verdict_choice (CwCompatMatrix  *self,
                    CwCompatVerdict  verdict)
{
  gtk_toggle_button_set_active (self->verdict_buttons[verdict], TRUE);
}

CwCompatVerdict
_cw_compat_matrix_get_verdict_choice (CwCompatMatrix *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->verdict_buttons); i++)
    if (gtk_toggle_button_get_active (self->verdict_buttons[i]))
      return i;

  return CW_COMPAT_VERDICT_UNTESTED;
}

/* The side panel follows the selection: one cell shows what is recorded. */
void
_cw_compat_matrix_update_editor (CwCompatMatrix *self)
{
  guint n = _cw_compat_matrix_count_selected (self);
  const CwCompatCell *cell = NULL;
  g_autofree char *title = NULL;
  g_autofree char *current = NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (self->verdict_box), n > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->note_entry), n > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->source_entry), n > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->apply_button), n > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->clear_button), n > 0);

  if (n == 0)
    {
      gtk_label_set_label (self->selection_label, _("No Cell Selected"));
      gtk_label_set_label (self->current_label, _("Select a cell to see or set the verdict of two versions."));
      return;
    }

  if (n == 1)
    {
      const CwCompatProduct *row_product = _cw_compat_matrix_selected_product (self, self->rows_dropdown);
      const CwCompatProduct *column_product = _cw_compat_matrix_selected_product (self, self->columns_dropdown);

      for (guint i = 0; i < self->selected->len; i++)
        if (_cw_compat_matrix_is_selected (self, i))
          {
            const CwCompatVersion *row;
            const CwCompatVersion *column;

            _cw_compat_matrix_index_to_versions (self, i, &row, &column);
            cell = _cw_compat_matrix_lookup_cell (self, row->id, column->id);
            /* Translators: a matrix cell: product and version, "and", product and version */
            title = g_strdup_printf (_("%s %s and %s %s"),
                                     row_product->name, row->version,
                                     column_product->name, column->version);
            break;
          }
    }
  else
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Cell Selected", "%u Cells Selected", n), n);

  gtk_label_set_label (self->selection_label, title);

  if (n == 1 && cell != NULL)
    {
      g_autoptr(GString) text = g_string_new (cw_compat_verdict_get_label (cell->verdict));

      if (cell->source != NULL && cell->source[0] != '\0')
        /* Translators: where a verdict comes from: a URL or a document */
        g_string_append_printf (text, "\n%s", cell->source);
      current = g_string_free (g_steal_pointer (&text), FALSE);
      _cw_compat_matrix_set_verdict_choice (self, cell->verdict);
      gtk_editable_set_text (GTK_EDITABLE (self->note_entry), cell->note != NULL ? cell->note : "");
      gtk_editable_set_text (GTK_EDITABLE (self->source_entry), cell->source != NULL ? cell->source : "");
    }
  else if (n == 1)
    {
      current = g_strdup (_("Untested: nothing is recorded."));
      _cw_compat_matrix_set_verdict_choice (self, CW_COMPAT_VERDICT_COMPATIBLE);
      gtk_editable_set_text (GTK_EDITABLE (self->note_entry), "");
      gtk_editable_set_text (GTK_EDITABLE (self->source_entry), "");
    }
  else
    current = g_strdup (_("The verdict, note and source apply to every selected cell."));

  gtk_label_set_label (self->current_label, current);
}

/* The pairs of the selection: 2n ids. */
static GArray *
selected_pairs (CwCompatMatrix *self)
{
  GArray *pairs = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; self->selected != NULL && i < self->selected->len; i++)
    if (_cw_compat_matrix_is_selected (self, i))
      {
        const CwCompatVersion *row;
        const CwCompatVersion *column;

        _cw_compat_matrix_index_to_versions (self, i, &row, &column);
        g_array_append_val (pairs, row->id);
        g_array_append_val (pairs, column->id);
      }

  return pairs;
}

/* What undo puts back: the cells as they were before an edit. */
typedef struct
{
  CwCompatMatrix *self;
  GArray         *pairs;
  GPtrArray      *before;   /* CwCompatCell, or NULL where nothing was recorded */
} Undo;

static void
undo_free (gpointer data)
{
  Undo *undo = data;

  g_clear_weak_pointer (&undo->self);
  g_array_unref (undo->pairs);
  g_ptr_array_unref (undo->before);
  g_free (undo);
}

static void
on_undo_clicked_cb (AdwToast *toast,
                    Undo     *undo)
{
  CwStore *store;
  g_autoptr(GError) error = NULL;

  if (undo->self == NULL || undo->self->context == NULL)
    return;

  store = cw_context_get_store (undo->self->context);
  for (guint i = 0; i < undo->before->len; i++)
    {
      const gint64 *pair = &g_array_index (undo->pairs, gint64, 2 * i);
      const CwCompatCell *cell = g_ptr_array_index (undo->before, i);
      gboolean ok;

      if (cell != NULL)
        ok = cw_compat_set_cells (store, pair, 1, cell->verdict, cell->note, cell->source, &error);
      else
        ok = cw_compat_clear_cells (store, pair, 1, &error);

      if (!ok)
        {
          g_warning ("Cannot undo a matrix edit: %s", error->message);
          break;
        }
    }

  _cw_compat_matrix_restyle_all (undo->self);
  g_signal_emit_by_name (undo->self, "changed");
}

static Undo *
remember (CwCompatMatrix *self,
          GArray         *pairs)
{
  Undo *undo = g_new0 (Undo, 1);

  g_set_weak_pointer (&undo->self, self);
  undo->pairs = g_array_ref (pairs);
  undo->before = g_ptr_array_new_with_free_func ((GDestroyNotify) cw_compat_cell_free);

  for (guint i = 0; i < pairs->len / 2; i++)
    {
      const CwCompatCell *cell = _cw_compat_matrix_lookup_cell (self, g_array_index (pairs, gint64, 2 * i),
                                              g_array_index (pairs, gint64, 2 * i + 1));
      CwCompatCell *copy = NULL;

      if (cell != NULL)
        {
          copy = g_new0 (CwCompatCell, 1);
          *copy = *cell;
          copy->note = g_strdup (cell->note);
          copy->source = g_strdup (cell->source);
        }
      g_ptr_array_add (undo->before, copy);
    }

  return undo;
}

static void
announce (CwCompatMatrix *self,
          const char     *message,
          Undo           *undo)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwToast *toast;

  if (!CW_IS_WINDOW (root))
    {
      undo_free (undo);
      return;
    }

  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_clicked_cb), undo,
                         (GClosureNotify) (void (*) (void)) undo_free, 0);
  cw_window_present_toast (CW_WINDOW (root), toast);
}

void
_cw_compat_matrix_edit_selection (CwCompatMatrix *self,
                gboolean        clear)
{
  g_autoptr(GArray) pairs = selected_pairs (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  CwStore *store = cw_context_get_store (self->context);
  guint n = pairs->len / 2;
  Undo *undo;
  gboolean ok;

  if (n == 0)
    return;

  undo = remember (self, pairs);

  if (clear)
    ok = cw_compat_clear_cells (store, (const gint64 *) pairs->data, n, &error);
  else
    ok = cw_compat_set_cells (store, (const gint64 *) pairs->data, n, _cw_compat_matrix_get_verdict_choice (self),
                              gtk_editable_get_text (GTK_EDITABLE (self->note_entry)),
                              gtk_editable_get_text (GTK_EDITABLE (self->source_entry)),
                              &error);
  if (!ok)
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

      undo_free (undo);
      if (CW_IS_WINDOW (root))
        cw_window_show_error (CW_WINDOW (root), error);
      return;
    }

  _cw_compat_matrix_restyle_all (self);
  g_signal_emit_by_name (self, "changed");

  if (clear)
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Forgot %u verdict", "Forgot %u verdicts", n), n);
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Set %u verdict", "Set %u verdicts", n), n);
  announce (self, message, undo);
}

