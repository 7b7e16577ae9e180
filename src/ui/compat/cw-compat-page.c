/* cw-compat-page.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-compat-page"

#include "config.h"

#include <glib/gi18n.h>

#include "cw-compat-check-view.h"
#include "cw-compat-csv.h"
#include "cw-compat-matrix.h"
#include "cw-compat-page.h"
#include "cw-compat-products.h"
#include "cw-window.h"

/* The Compatibility pane: three views of one matrix. Products holds the
 * products, their versions, upgrade hops and the rules that link CIs;
 * Matrix edits the verdicts between the versions of two products; Check
 * evaluates a planned upgrade against the inventory. An edit in one view
 * reloads the others. The matrix is small (thousands of rows), so the views
 * read it on the main thread; the check of a plan runs on a worker. */

#define MAX_PROBLEMS_SHOWN 12

struct _CwCompatPage
{
  CwPage                parent_instance;

  GtkToggleButton      *products_button;
  GtkToggleButton      *matrix_button;
  GtkToggleButton      *check_button;
  GtkStack             *view_stack;
  CwCompatProducts     *products;
  CwCompatMatrix       *matrix;
  CwCompatCheckView    *check_view;

  GtkFileChooserNative *chooser;
  CwCompatTable         chooser_table;
};

G_DEFINE_FINAL_TYPE (CwCompatPage, cw_compat_page, CW_TYPE_PAGE)

static const char *
table_title (CwCompatTable table,
             gboolean      import)
{
  switch (table)
    {
    case CW_COMPAT_TABLE_MATRIX:
      return import ? _("Import Matrix") : _("Export Matrix");
    case CW_COMPAT_TABLE_PATHS:
      return import ? _("Import Upgrade Paths") : _("Export Upgrade Paths");
    case CW_COMPAT_TABLE_PRODUCTS:
    default:
      return import ? _("Import Products") : _("Export Products");
    }
}

static void
add_toast (CwCompatPage *self,
           const char   *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (CW_IS_WINDOW (root))
    cw_window_add_toast (CW_WINDOW (root), message);
}

static void
reload_all (CwCompatPage *self)
{
  cw_compat_products_reload (self->products);
  cw_compat_matrix_reload (self->matrix);
  cw_compat_check_view_reload (self->check_view);
}

/* Lists the bad lines: nothing was imported, so the user fixes the file and
 * tries again. */
static void
show_problems (CwCompatPage *self,
               GFile        *file,
               GPtrArray    *problems)
{
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *name = g_file_get_basename (file);
  AdwMessageDialog *dialog;

  for (guint i = 0; i < problems->len && i < MAX_PROBLEMS_SHOWN; i++)
    {
      CwCompatProblem *problem = g_ptr_array_index (problems, i);

      if (body->len > 0)
        g_string_append_c (body, '\n');
      /* Translators: a bad line of an imported file: its number, then the reason */
      g_string_append_printf (body, _("Line %u: %s"), problem->line, problem->reason);
    }

  if (problems->len > MAX_PROBLEMS_SHOWN)
    {
      guint more = problems->len - MAX_PROBLEMS_SHOWN;

      g_string_append_c (body, '\n');
      g_string_append_printf (body,
                              g_dngettext (GETTEXT_PACKAGE, "and %u more line", "and %u more lines", more),
                              more);
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                       NULL, body->str));
  /* Translators: %s is a file name */
  adw_message_dialog_format_heading (dialog, _("Nothing Imported From “%s”"), name);
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_file (CwCompatPage  *self,
             CwCompatTable  table,
             GFile         *file)
{
  CwContext *context = cw_page_get_context (CW_PAGE (self));
  g_autoptr(GFileInputStream) input = NULL;
  g_autoptr(CwCompatImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (context == NULL)
    return;

  input = g_file_read (file, NULL, &error);
  if (input != NULL)
    result = cw_compat_import (cw_context_get_store (context), table,
                               G_INPUT_STREAM (input), NULL, &error);

  if (result != NULL && result->problems != NULL && result->problems->len > 0)
    {
      show_problems (self, file, result->problems);
      return;
    }

  if (error != NULL)
    {
      /* Translators: a toast; the reason follows */
      message = g_strdup_printf (_("Could not import: %s"), error->message);
      add_toast (self, message);
      return;
    }

  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %'u row", "Imported %'u rows",
                                          result->n_rows),
                             result->n_rows);
  add_toast (self, message);
  reload_all (self);
}

static void
export_file (CwCompatPage  *self,
             CwCompatTable  table,
             GFile         *file)
{
  CwContext *context = cw_page_get_context (CW_PAGE (self));
  g_autoptr(GFileOutputStream) output = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint n_rows = 0;

  if (context == NULL)
    return;

  /* g_file_replace() writes a temporary file: a failure leaves the old one. */
  output = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, &error);
  if (output != NULL &&
      cw_compat_export (cw_context_get_store (context), table, G_OUTPUT_STREAM (output),
                        &n_rows, NULL, &error))
    g_output_stream_close (G_OUTPUT_STREAM (output), NULL, &error);
  else if (output != NULL)
    {
      g_autoptr(GCancellable) abandon = g_cancellable_new ();

      /* Closing with a cancelled cancellable drops the temporary file. */
      g_cancellable_cancel (abandon);
      g_output_stream_close (G_OUTPUT_STREAM (output), abandon, NULL);
    }

  if (error != NULL)
    /* Translators: a toast; the reason follows */
    message = g_strdup_printf (_("Could not export: %s"), error->message);
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %'u row", "Exported %'u rows",
                                            n_rows),
                               n_rows);
  add_toast (self, message);
}

static void
on_chooser_response_cb (CwCompatPage    *self,
                        int              response,
                        GtkNativeDialog *chooser)
{
  g_autoptr(GFile) file = NULL;
  gboolean import;

  import = gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)) == GTK_FILE_CHOOSER_ACTION_OPEN;
  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  g_clear_object (&self->chooser);

  if (file == NULL)
    return;

  if (import)
    import_file (self, self->chooser_table, file);
  else
    export_file (self, self->chooser_table, file);
}

static void
choose_file (CwCompatPage  *self,
             CwCompatTable  table,
             gboolean       import)
{
  g_autoptr(GtkFileFilter) filter = NULL;
  g_autofree char *name = NULL;

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  self->chooser_table = table;
  self->chooser = gtk_file_chooser_native_new (table_title (table, import),
                                               GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                               import ? GTK_FILE_CHOOSER_ACTION_OPEN
                                                      : GTK_FILE_CHOOSER_ACTION_SAVE,
                                               import ? _("_Import") : _("_Export"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);

  if (!import)
    {
      /* Translators: the file name an export suggests; the table key (matrix,
       * paths, products) goes in place of %s */
      name = g_strdup_printf (_("compat-%s.csv"), cw_compat_table_get_key (table));
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
    }

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("CSV Files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);

  g_signal_connect_object (self->chooser, "response",
                           G_CALLBACK (on_chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
transfer_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  CwCompatTable table;

  if (!cw_compat_table_from_key (g_variant_get_string (param, NULL), &table))
    return;

  choose_file (CW_COMPAT_PAGE (widget), table, g_str_equal (action_name, "compat.import"));
}

static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  CwCompatPage *self = CW_COMPAT_PAGE (widget);
  const char *name = g_variant_get_string (param, NULL);

  if (g_str_equal (name, "matrix"))
    gtk_toggle_button_set_active (self->matrix_button, TRUE);
  else if (g_str_equal (name, "check"))
    gtk_toggle_button_set_active (self->check_button, TRUE);
  else
    gtk_toggle_button_set_active (self->products_button, TRUE);
}

/* Callbacks */

static void
on_view_toggled_cb (CwCompatPage    *self,
                    GtkToggleButton *button)
{
  if (!gtk_toggle_button_get_active (button))
    return;

  if (button == self->matrix_button)
    gtk_stack_set_visible_child_name (self->view_stack, "matrix");
  else if (button == self->check_button)
    gtk_stack_set_visible_child_name (self->view_stack, "check");
  else
    gtk_stack_set_visible_child_name (self->view_stack, "products");
}

static void
on_products_changed_cb (CwCompatPage *self)
{
  cw_compat_matrix_reload (self->matrix);
  cw_compat_check_view_reload (self->check_view);
}

static void
on_matrix_changed_cb (CwCompatPage *self)
{
  cw_compat_check_view_reload (self->check_view);
}

static void
on_show_cell_cb (CwCompatPage *self,
                 gint64        version_a,
                 gint64        version_b)
{
  gtk_toggle_button_set_active (self->matrix_button, TRUE);
  cw_compat_matrix_show_cell (self->matrix, version_a, version_b);
}

static void
on_show_ci_cb (CwCompatPage *self,
               gint64        ci_id)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-ci", "x", ci_id);
}

/* Public API */

void
cw_compat_page_check_cis (CwCompatPage *self,
                          const gint64 *ids,
                          guint         n_ids)
{
  g_return_if_fail (CW_IS_COMPAT_PAGE (self));

  gtk_toggle_button_set_active (self->check_button, TRUE);
  cw_compat_check_view_set_ci_ids (self->check_view, ids, n_ids);
}

/* GObject */

static void
cw_compat_page_constructed (GObject *object)
{
  CwCompatPage *self = (CwCompatPage *)object;
  CwContext *context;

  G_OBJECT_CLASS (cw_compat_page_parent_class)->constructed (object);

  context = cw_page_get_context (CW_PAGE (self));
  if (context == NULL)
    return;

  cw_compat_products_set_context (self->products, context);
  cw_compat_matrix_set_context (self->matrix, context);
  cw_compat_check_view_set_context (self->check_view, context);
}

static void
cw_compat_page_dispose (GObject *object)
{
  CwCompatPage *self = (CwCompatPage *)object;

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  gtk_widget_dispose_template (GTK_WIDGET (object), CW_TYPE_COMPAT_PAGE);

  G_OBJECT_CLASS (cw_compat_page_parent_class)->dispose (object);
}

static void
cw_compat_page_class_init (CwCompatPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cw_compat_page_constructed;
  object_class->dispose = cw_compat_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/changeward/Changeward/ui/compat/cw-compat-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CwCompatPage, products_button);
  gtk_widget_class_bind_template_child (widget_class, CwCompatPage, matrix_button);
  gtk_widget_class_bind_template_child (widget_class, CwCompatPage, check_button);
  gtk_widget_class_bind_template_child (widget_class, CwCompatPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, CwCompatPage, products);
  gtk_widget_class_bind_template_child (widget_class, CwCompatPage, matrix);
  gtk_widget_class_bind_template_child (widget_class, CwCompatPage, check_view);
  gtk_widget_class_bind_template_callback (widget_class, on_view_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_products_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_matrix_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_show_cell_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_show_ci_cb);

  gtk_widget_class_install_action (widget_class, "compat.import", "s", transfer_action);
  gtk_widget_class_install_action (widget_class, "compat.export", "s", transfer_action);
  gtk_widget_class_install_action (widget_class, "compat.show-view", "s", show_view_action);

  g_type_ensure (CW_TYPE_COMPAT_PRODUCTS);
  g_type_ensure (CW_TYPE_COMPAT_MATRIX);
  g_type_ensure (CW_TYPE_COMPAT_CHECK_VIEW);
}

static void
cw_compat_page_init (CwCompatPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* For tests. */
GtkWidget *
cw_compat_page_get_view (CwCompatPage *self,
                         const char   *name)
{
  g_return_val_if_fail (CW_IS_COMPAT_PAGE (self), NULL);

  return gtk_stack_get_child_by_name (self->view_stack, name);
}
