/* cw-inventory-import-dialog-result.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-inventory-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cw-inventory-import-dialog-private.h"

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

void
cw_inventory_import_dialog_show_failure (CwInventoryImportDialog *self,
                                         const char              *title,
                                         const char              *description)
{
  adw_status_page_set_icon_name (self->result_page, "dialog-warning-symbolic");
  adw_status_page_set_title (self->result_page, title);
  adw_status_page_set_description (self->result_page, description);
  clear_list (self->counts_list);
  clear_list (self->problems_list);
  gtk_widget_set_visible (GTK_WIDGET (self->counts_list), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->problems_box), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->rejects_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->valid_only_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->other_file_button), TRUE);
  cw_inventory_import_dialog_show_step (self, "result");
}

static void
add_count_row (CwInventoryImportDialog *self,
               const char              *title,
               guint                    count)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *text = g_strdup_printf ("%'u", count);
  GtkWidget *label = gtk_label_new (text);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_add_css_class (label, "numeric");
  if (count == 0)
    gtk_widget_add_css_class (label, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  gtk_list_box_append (self->counts_list, row);
}

static void
fill_problems (CwInventoryImportDialog       *self,
               const CwInventoryImportResult *result)
{
  g_autofree char *heading = NULL;

  clear_list (self->problems_list);

  for (guint i = 0; result->problems != NULL && i < result->problems->len; i++)
    {
      const CwInventoryProblem *problem = g_ptr_array_index (result->problems, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = NULL;

      /* Translators: where a problem of a CSV file is */
      title = g_strdup_printf (_("Line %u"), problem->line);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   problem->reason != NULL ? problem->reason : problem->message);
      gtk_list_box_append (self->problems_list, row);
    }

  if (result->problems != NULL && result->n_problems > result->problems->len)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = NULL;
      guint more = result->n_problems - result->problems->len;

      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "And %'u more problem",
                                            "And %'u more problems", more), more);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->problems_list, row);
    }

  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u Problem", "%'u Problems",
                                          result->n_problems),
                             result->n_problems);
  gtk_label_set_label (self->problems_heading, heading);
  gtk_widget_set_visible (GTK_WIDGET (self->problems_box), result->n_problems > 0);
}

void
cw_inventory_import_dialog_show_result (CwInventoryImportDialog       *self,
                                        const CwInventoryImportResult *result)
{
  g_autofree char *name = g_file_get_basename (self->file);
  g_autofree char *description = NULL;

  clear_list (self->counts_list);
  fill_problems (self, result);
  gtk_widget_set_visible (GTK_WIDGET (self->other_file_button), FALSE);

  if (result->committed)
    {
      adw_status_page_set_icon_name (self->result_page, "emblem-ok-symbolic");
      adw_status_page_set_title (self->result_page, _("Import Complete"));
      /* Translators: the result of an import: how many lines of which file */
      description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "%'u line read from “%s”.",
                                                  "%'u lines read from “%s”.",
                                                  result->n_records),
                                     result->n_records, name);

      add_count_row (self, _("Added"), result->n_inserted);
      add_count_row (self, _("Updated"), result->n_updated);
      add_count_row (self, _("Unchanged"), result->n_unchanged);
      add_count_row (self, _("Version changes recorded"), result->n_version_changes);
      if (result->n_rejected > 0)
        add_count_row (self, _("Lines rejected"), result->n_rejected);
      gtk_widget_set_visible (GTK_WIDGET (self->counts_list), TRUE);
      gtk_widget_set_visible (GTK_WIDGET (self->valid_only_button), FALSE);

      if (self->rejects != NULL && result->n_rejected > 0)
        {
          g_autofree char *path = g_file_get_parse_name (self->rejects);
          g_autofree char *text = NULL;

          text = g_strdup_printf (_("The rejected lines and their reasons were written to “%s”."),
                                  path);
          gtk_label_set_label (self->rejects_label, text);
          gtk_widget_set_visible (GTK_WIDGET (self->rejects_label), TRUE);
        }
      else
        gtk_widget_set_visible (GTK_WIDGET (self->rejects_label), FALSE);
    }
  else
    {
      adw_status_page_set_icon_name (self->result_page, "dialog-warning-symbolic");
      adw_status_page_set_title (self->result_page, _("Nothing Was Imported"));
      description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "%'u line of “%s” has a problem, so nothing "
                                                  "was imported. Correct the file and import it "
                                                  "again, or import only the valid lines.",
                                                  "%'u lines of “%s” have a problem, so nothing "
                                                  "was imported. Correct the file and import it "
                                                  "again, or import only the valid lines.",
                                                  result->n_problems),
                                     result->n_problems, name);
      gtk_widget_set_visible (GTK_WIDGET (self->counts_list), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->rejects_label), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->valid_only_button), TRUE);
    }

  adw_status_page_set_description (self->result_page, description);
  cw_inventory_import_dialog_show_step (self, "result");
}
