/* cw-compat-check-view.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-compat-check-view"

#include "config.h"

#include <glib/gi18n.h>

#include "cw-compat-check-view.h"
#include "cw-compat-check.h"
#include "cw-inventory-query.h"
#include "cw-inventory.h"

/* The Check view: a product, a target version and the CIs to upgrade (a
 * search as in the inventory, or CIs handed over by another pane). The
 * search and the check run on worker threads; Cancel stops them. The result
 * lists every CI, those with blockers first, each with its path and its
 * findings; a finding links to the CI it names and to the matrix cell
 * behind it. */

/* Rows beyond this are left out of the list (the CLI gives all of them). */
#define MAX_ROWS 300

struct _CwCompatCheckView
{
  AdwBin               parent_instance;

  GtkDropDown         *product_dropdown;
  GtkDropDown         *target_dropdown;
  GtkStack            *cis_stack;
  GtkSearchEntry      *search_entry;
  GtkLabel            *ids_label;
  GtkButton           *check_button;
  GtkStack            *stack;
  AdwStatusPage       *start_page;
  GtkSpinner          *spinner;
  GtkImage            *summary_image;
  GtkLabel            *summary_title;
  GtkLabel            *summary_label;
  GtkListBox          *results_list;

  CwContext           *context;
  CwInventorySearcher *searcher;
  GCancellable        *cancellable;
  GPtrArray           *products;   /* CwCompatProduct */
  GPtrArray           *versions;   /* CwCompatVersion of the chosen product */
  GArray              *ci_ids;     /* gint64, or NULL to use the search */
  CwCompatReport      *report;
};

G_DEFINE_FINAL_TYPE (CwCompatCheckView, cw_compat_check_view, ADW_TYPE_BIN)

enum {
  SHOW_CELL,
  SHOW_CI,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Auxiliary methods */

static const CwCompatProduct *
chosen_product (CwCompatCheckView *self)
{
  guint position = gtk_drop_down_get_selected (self->product_dropdown);

  if (self->products == NULL || position >= self->products->len)
    return NULL;

  return g_ptr_array_index (self->products, position);
}

static const CwCompatVersion *
chosen_target (CwCompatCheckView *self)
{
  guint position = gtk_drop_down_get_selected (self->target_dropdown);

  if (self->versions == NULL || position >= self->versions->len)
    return NULL;

  return g_ptr_array_index (self->versions, position);
}

static void
show_start (CwCompatCheckView *self,
            const char        *title,
            const char        *description)
{
  adw_status_page_set_title (self->start_page, title);
  adw_status_page_set_description (self->start_page, description);
  gtk_stack_set_visible_child_name (self->stack, "start");
}

static void
set_running (CwCompatCheckView *self,
             gboolean           running)
{
  gtk_spinner_set_spinning (self->spinner, running);
  gtk_widget_set_sensitive (GTK_WIDGET (self->check_button), !running);
  if (running)
    gtk_stack_set_visible_child_name (self->stack, "running");
}

static void
fill_targets (CwCompatCheckView *self)
{
  const CwCompatProduct *product = chosen_product (self);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = GTK_INVALID_LIST_POSITION;

  g_clear_pointer (&self->versions, g_ptr_array_unref);
  if (product != NULL)
    self->versions = cw_compat_list_versions (cw_context_get_store (self->context), product->id, NULL);

  for (guint i = 0; self->versions != NULL && i < self->versions->len; i++)
    {
      const CwCompatVersion *version = g_ptr_array_index (self->versions, i);

      if (version->approved)
        {
          /* Translators: a version in a list, marked as the approved one */
          g_autofree char *label = g_strdup_printf (_("%s (approved)"), version->version);

          gtk_string_list_append (names, label);
          selected = i;
        }
      else
        gtk_string_list_append (names, version->version);
    }

  /* The approved version is the usual target; else the newest. */
  if (selected == GTK_INVALID_LIST_POSITION && self->versions != NULL && self->versions->len > 0)
    selected = self->versions->len - 1;

  gtk_drop_down_set_model (self->target_dropdown, G_LIST_MODEL (names));
  if (selected != GTK_INVALID_LIST_POSITION)
    gtk_drop_down_set_selected (self->target_dropdown, selected);
}

static GtkWidget *
create_button (const char *icon_name,
               const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");

  return button;
}

static void
on_show_ci_clicked_cb (GtkButton         *button,
                       CwCompatCheckView *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "cw-ci-id"));

  g_signal_emit (self, signals[SHOW_CI], 0, id);
}

static void
on_show_cell_clicked_cb (GtkButton         *button,
                         CwCompatCheckView *self)
{
  const CwCompatFinding *finding = g_object_get_data (G_OBJECT (button), "cw-finding");

  g_signal_emit (self, signals[SHOW_CELL], 0, finding->cell_version_a, finding->cell_version_b);
}

static GtkWidget *
create_finding_row (CwCompatCheckView     *self,
                    const CwCompatCiResult *result,
                    const CwCompatFinding  *finding)
{
  gboolean blocker = finding->severity == CW_COMPAT_SEVERITY_BLOCKER;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *image;
  g_autoptr(GString) subtitle = g_string_new (NULL);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), finding->reason);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);

  image = gtk_image_new_from_icon_name (blocker ? "dialog-error-symbolic" : "dialog-warning-symbolic");
  gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  blocker ? _("Blocker") : _("Warning"), -1);
  gtk_widget_add_css_class (image, blocker ? "error" : "warning");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), image);

  g_string_append (subtitle, blocker ? _("Blocker") : _("Warning"));
  if (finding->state == CW_COMPAT_STATE_MIXED)
    g_string_append_printf (subtitle, " · %s", _("during the rolling upgrade"));
  if (finding->note != NULL && finding->note[0] != '\0')
    g_string_append_printf (subtitle, " · %s", finding->note);
  if (finding->source != NULL && finding->source[0] != '\0')
    g_string_append_printf (subtitle, " · %s", finding->source);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);

  if (finding->other_ci_id > 0 && finding->other_ci_id != result->ci_id)
    {
      g_autofree char *tooltip = g_strdup_printf (_("Show %s in the Inventory"), finding->other_ci_name);
      GtkWidget *button = create_button ("drive-multidisk-symbolic", tooltip);

      g_object_set_data (G_OBJECT (button), "cw-ci-id", GSIZE_TO_POINTER (finding->other_ci_id));
      g_signal_connect (button, "clicked", G_CALLBACK (on_show_ci_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }

  if (finding->cell_version_a > 0 && finding->cell_version_b > 0)
    {
      GtkWidget *button = create_button ("view-grid-symbolic", _("Show the Matrix Cell"));

      g_object_set_data (G_OBJECT (button), "cw-finding", (gpointer) finding);
      g_signal_connect (button, "clicked", G_CALLBACK (on_show_cell_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }

  return row;
}

static char *
describe_path (const CwCompatCiResult *result)
{
  g_autoptr(GString) text = NULL;

  if (result->current_version == NULL)
    return g_strdup (_("Does not run the product"));
  if (result->at_target)
    /* Translators: %s is a version */
    return g_strdup_printf (_("Already on %s"), result->current_version);
  if (result->path == NULL)
    return g_strdup (result->current_version[0] != '\0' ? result->current_version : _("Version unknown"));

  text = g_string_new (result->current_version);
  for (guint i = 0; result->path[i] != NULL; i++)
    g_string_append_printf (text, " → %s", result->path[i]);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GtkWidget *
create_result_row (CwCompatCheckView     *self,
                   const CwCompatCiResult *result)
{
  GtkWidget *row = adw_expander_row_new ();
  g_autofree char *path = describe_path (result);
  g_autofree char *tooltip = NULL;
  GtkWidget *image;
  GtkWidget *button;
  const char *icon;
  const char *style;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), result->ci_name);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), path);

  if (result->n_blockers > 0)
    {
      icon = "dialog-error-symbolic";
      style = "error";
    }
  else if (result->n_warnings > 0)
    {
      icon = "dialog-warning-symbolic";
      style = "warning";
    }
  else
    {
      icon = "emblem-ok-symbolic";
      style = "success";
    }

  image = gtk_image_new_from_icon_name (icon);
  gtk_widget_add_css_class (image, style);
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), image);

  if (result->n_blockers > 0 || result->n_warnings > 0)
    {
      g_autofree char *blockers = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u blocker", "%u blockers",
                                                                result->n_blockers),
                                                   result->n_blockers);
      g_autofree char *warnings = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings",
                                                                result->n_warnings),
                                                   result->n_warnings);
      /* Translators: "2 blockers, 1 warning" */
      g_autofree char *counts = g_strdup_printf (_("%s, %s"), blockers, warnings);
      GtkWidget *label = gtk_label_new (counts);

      gtk_widget_add_css_class (label, "dim-label");
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), label);
    }
  else
    adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (row), FALSE);

  tooltip = g_strdup_printf (_("Show %s in the Inventory"), result->ci_name);
  button = create_button ("drive-multidisk-symbolic", tooltip);
  g_object_set_data (G_OBJECT (button), "cw-ci-id", GSIZE_TO_POINTER (result->ci_id));
  g_signal_connect (button, "clicked", G_CALLBACK (on_show_ci_clicked_cb), self);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), button);

  for (guint i = 0; i < result->findings->len; i++)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                              create_finding_row (self, result, g_ptr_array_index (result->findings, i)));

  if (result->n_blockers > 0)
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);

  return row;
}

static void
set_style (GtkWidget  *widget,
           const char *style)
{
  gtk_widget_remove_css_class (widget, "error");
  gtk_widget_remove_css_class (widget, "warning");
  gtk_widget_remove_css_class (widget, "success");
  gtk_widget_add_css_class (widget, style);
}

static int
compare_results (gconstpointer a,
                 gconstpointer b)
{
  const CwCompatCiResult *ra = *(const CwCompatCiResult * const *) a;
  const CwCompatCiResult *rb = *(const CwCompatCiResult * const *) b;
  int ka = ra->n_blockers > 0 ? 0 : ra->n_warnings > 0 ? 1 : 2;
  int kb = rb->n_blockers > 0 ? 0 : rb->n_warnings > 0 ? 1 : 2;

  return ka - kb;
}

static void
clear_results (CwCompatCheckView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results_list))) != NULL)
    gtk_list_box_remove (self->results_list, child);
}

static void
show_report (CwCompatCheckView *self)
{
  const CwCompatReport *report = self->report;
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  g_autofree char *title = NULL;
  g_autoptr(GString) summary = g_string_new (NULL);
  guint n = report->results->len;

  clear_results (self);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (order, g_ptr_array_index (report->results, i));
  /* g_ptr_array_sort is a stable merge sort: the plan's order stays within a kind. */
  g_ptr_array_sort (order, compare_results);

  for (guint i = 0; i < order->len && i < MAX_ROWS; i++)
    gtk_list_box_append (self->results_list, create_result_row (self, g_ptr_array_index (order, i)));

  if (report->n_blockers > 0)
    {
      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Blocker", "%u Blockers", report->n_blockers),
                               report->n_blockers);
      gtk_image_set_from_icon_name (self->summary_image, "dialog-error-symbolic");
      set_style (GTK_WIDGET (self->summary_image), "error");
    }
  else if (report->n_warnings > 0)
    {
      title = g_strdup (_("Nothing Blocks, With Warnings"));
      gtk_image_set_from_icon_name (self->summary_image, "dialog-warning-symbolic");
      set_style (GTK_WIDGET (self->summary_image), "warning");
    }
  else
    {
      title = g_strdup (_("Nothing Blocks"));
      gtk_image_set_from_icon_name (self->summary_image, "emblem-ok-symbolic");
      set_style (GTK_WIDGET (self->summary_image), "success");
    }
  gtk_label_set_label (self->summary_title, title);

  /* Translators: "Upgrading 12 CIs to Cisco IOS XE 17.9.4a"; %u is the number of CIs */
  g_string_append_printf (summary,
                          g_dngettext (GETTEXT_PACKAGE, "Upgrading %u CI to %s %s", "Upgrading %u CIs to %s %s", n),
                          n, report->product_name, report->target);
  g_string_append (summary, " · ");
  g_string_append_printf (summary,
                          g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings", report->n_warnings),
                          report->n_warnings);
  if (n > MAX_ROWS)
    {
      g_string_append (summary, " · ");
      g_string_append_printf (summary, _("The first %u are listed; changeward-cli compat check lists all."),
                              MAX_ROWS);
    }
  gtk_label_set_label (self->summary_label, summary->str);

  gtk_stack_set_visible_child_name (self->stack, "results");
}

static void
on_checked_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(CwCompatCheckView) self = user_data;
  g_autoptr(GError) error = NULL;
  CwCompatReport *report;

  report = cw_compat_check_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_running (self, FALSE);
  g_clear_pointer (&self->report, cw_compat_report_free);

  if (report == NULL)
    {
      show_start (self, _("The Check Failed"), error->message);
      return;
    }

  self->report = report;
  show_report (self);
}

static void
run_check (CwCompatCheckView *self,
           const gint64      *ids,
           guint              n_ids)
{
  const CwCompatProduct *product = chosen_product (self);
  const CwCompatVersion *target = chosen_target (self);
  g_autoptr(GDateTime) now = cw_clock_get_now (cw_context_get_clock (self->context));
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  if (n_ids == 0)
    {
      set_running (self, FALSE);
      show_start (self, _("No Configuration Items"),
                  _("The search selects no CI. Change it, or pick CIs in the inventory and choose Check Upgrade."));
      return;
    }

  cw_compat_check_async (cw_store_get_path (cw_context_get_store (self->context)),
                         ids, n_ids, product->name, target->version, today,
                         self->cancellable, on_checked_cb, g_object_ref (self));
}

static void
on_searched_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(CwCompatCheckView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) found = NULL;
  g_autoptr(GArray) ids = NULL;

  found = cw_inventory_searcher_run_finish (CW_INVENTORY_SEARCHER (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (found == NULL)
    {
      set_running (self, FALSE);
      show_start (self, _("The Search Failed"), error->message);
      return;
    }

  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), found->len);
  for (guint i = 0; i < found->len; i++)
    {
      gint64 id = g_array_index (found, guint32, i);

      g_array_append_val (ids, id);
    }

  run_check (self, (const gint64 *) ids->data, ids->len);
}

static void
start_check (CwCompatCheckView *self)
{
  const char *text;

  if (self->context == NULL)
    return;

  if (chosen_product (self) == NULL || chosen_target (self) == NULL)
    {
      show_start (self, _("No Target Version"),
                  _("Choose a product and the version to upgrade to. Add versions in the Products view."));
      return;
    }

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_clear_pointer (&self->report, cw_compat_report_free);

  if (self->ci_ids != NULL)
    {
      set_running (self, TRUE);
      run_check (self, (const gint64 *) self->ci_ids->data, self->ci_ids->len);
      return;
    }

  text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  while (g_ascii_isspace (*text))
    text++;
  if (*text == '\0')
    {
      show_start (self, _("Which CIs?"),
                  _("Type a search that selects the CIs to upgrade, such as a model, a site or a name."));
      gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
      return;
    }

  {
    g_autoptr(CwInventoryQuery) query = cw_inventory_query_new ();

    if (self->searcher == NULL)
      self->searcher = cw_inventory_searcher_new (cw_store_get_path (cw_context_get_store (self->context)));

    cw_inventory_query_set_text (query, text);
    set_running (self, TRUE);
    cw_inventory_searcher_run_async (self->searcher, query, self->cancellable,
                                     on_searched_cb, g_object_ref (self));
  }
}

/* Callbacks */

static void
on_check_clicked_cb (CwCompatCheckView *self)
{
  start_check (self);
}

static void
on_cancel_clicked_cb (CwCompatCheckView *self)
{
  g_cancellable_cancel (self->cancellable);
  set_running (self, FALSE);
  show_start (self, _("Check Cancelled"), _("Nothing was changed. Choose Check to start again."));
}

static void
on_product_selected_cb (CwCompatCheckView *self)
{
  if (self->context != NULL)
    fill_targets (self);
}

static void
on_clear_ids_clicked_cb (CwCompatCheckView *self)
{
  g_clear_pointer (&self->ci_ids, g_array_unref);
  gtk_stack_set_visible_child_name (self->cis_stack, "search");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* GObject */

static void
cw_compat_check_view_dispose (GObject *object)
{
  CwCompatCheckView *self = (CwCompatCheckView *)object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), CW_TYPE_COMPAT_CHECK_VIEW);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->searcher);
  g_clear_object (&self->context);
  g_clear_pointer (&self->products, g_ptr_array_unref);
  g_clear_pointer (&self->versions, g_ptr_array_unref);
  g_clear_pointer (&self->ci_ids, g_array_unref);
  g_clear_pointer (&self->report, cw_compat_report_free);

  G_OBJECT_CLASS (cw_compat_check_view_parent_class)->dispose (object);
}

static void
cw_compat_check_view_class_init (CwCompatCheckViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cw_compat_check_view_dispose;

  signals[SHOW_CELL] = g_signal_new ("show-cell", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);
  signals[SHOW_CI] = g_signal_new ("show-ci", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/changeward/Changeward/ui/compat/cw-compat-check-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CwCompatCheckView, product_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CwCompatCheckView, target_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CwCompatCheckView, cis_stack);
  gtk_widget_class_bind_template_child (widget_class, CwCompatCheckView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CwCompatCheckView, ids_label);
  gtk_widget_class_bind_template_child (widget_class, CwCompatCheckView, check_button);
  gtk_widget_class_bind_template_child (widget_class, CwCompatCheckView, stack);
  gtk_widget_class_bind_template_child (widget_class, CwCompatCheckView, start_page);
  gtk_widget_class_bind_template_child (widget_class, CwCompatCheckView, spinner);
  gtk_widget_class_bind_template_child (widget_class, CwCompatCheckView, summary_image);
  gtk_widget_class_bind_template_child (widget_class, CwCompatCheckView, summary_title);
  gtk_widget_class_bind_template_child (widget_class, CwCompatCheckView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CwCompatCheckView, results_list);
  gtk_widget_class_bind_template_callback (widget_class, on_check_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_product_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_ids_clicked_cb);
}

static void
cw_compat_check_view_init (CwCompatCheckView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

void
cw_compat_check_view_set_context (CwCompatCheckView *self,
                                  CwContext         *context)
{
  g_return_if_fail (CW_IS_COMPAT_CHECK_VIEW (self));
  g_return_if_fail (CW_IS_CONTEXT (context));

  g_set_object (&self->context, context);
  cw_compat_check_view_reload (self);
}

void
cw_compat_check_view_reload (CwCompatCheckView *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *product_name = NULL;
  guint selected = 0;

  g_return_if_fail (CW_IS_COMPAT_CHECK_VIEW (self));

  if (self->context == NULL)
    return;

  if (chosen_product (self) != NULL)
    product_name = g_strdup (chosen_product (self)->name);

  g_clear_pointer (&self->products, g_ptr_array_unref);
  self->products = cw_compat_list_products (cw_context_get_store (self->context), NULL);
  if (self->products == NULL)
    self->products = g_ptr_array_new_with_free_func ((GDestroyNotify) cw_compat_product_free);

  for (guint i = 0; i < self->products->len; i++)
    {
      const CwCompatProduct *product = g_ptr_array_index (self->products, i);

      gtk_string_list_append (names, product->name);
      if (g_strcmp0 (product->name, product_name) == 0)
        selected = i;
    }

  gtk_drop_down_set_model (self->product_dropdown, G_LIST_MODEL (names));
  if (self->products->len > 0)
    gtk_drop_down_set_selected (self->product_dropdown, selected);
  fill_targets (self);
}

void
cw_compat_check_view_set_ci_ids (CwCompatCheckView *self,
                                 const gint64      *ids,
                                 guint              n_ids)
{
  g_autofree char *label = NULL;

  g_return_if_fail (CW_IS_COMPAT_CHECK_VIEW (self));
  g_return_if_fail (ids != NULL || n_ids == 0);

  g_clear_pointer (&self->ci_ids, g_array_unref);
  self->ci_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_ids);
  g_array_append_vals (self->ci_ids, ids, n_ids);

  if (n_ids == 1 && self->context != NULL)
    {
      g_autoptr(CwCi) ci = cw_inventory_get_ci (cw_context_get_store (self->context), ids[0], NULL);

      /* Translators: the CI a check is about; %s is its name */
      label = g_strdup_printf (_("%s, from the inventory"), ci != NULL ? cw_ci_get_value (ci, CW_CI_FIELD_NAME) : "?");
    }
  else
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u CI from the inventory",
                                          "%u CIs from the inventory", n_ids),
                             n_ids);

  gtk_label_set_label (self->ids_label, label);
  gtk_stack_set_visible_child_name (self->cis_stack, "ids");
  show_start (self, _("Check a Planned Upgrade"),
              _("Choose the product and the target version, then Check."));
}

/* For tests. */
void
cw_compat_check_view_run (CwCompatCheckView *self,
                          const char        *product,
                          const char        *target)
{
  g_return_if_fail (CW_IS_COMPAT_CHECK_VIEW (self));

  for (guint i = 0; self->products != NULL && i < self->products->len; i++)
    if (g_strcmp0 (((CwCompatProduct *) g_ptr_array_index (self->products, i))->name, product) == 0)
      gtk_drop_down_set_selected (self->product_dropdown, i);

  for (guint i = 0; self->versions != NULL && i < self->versions->len; i++)
    if (g_strcmp0 (((CwCompatVersion *) g_ptr_array_index (self->versions, i))->version, target) == 0)
      gtk_drop_down_set_selected (self->target_dropdown, i);

  start_check (self);
}

const CwCompatReport *
cw_compat_check_view_get_report (CwCompatCheckView *self)
{
  g_return_val_if_fail (CW_IS_COMPAT_CHECK_VIEW (self), NULL);

  return self->report;
}

GtkListBox *
cw_compat_check_view_get_results_list (CwCompatCheckView *self)
{
  g_return_val_if_fail (CW_IS_COMPAT_CHECK_VIEW (self), NULL);

  return self->results_list;
}

void
cw_compat_check_view_set_search (CwCompatCheckView *self,
                                 const char        *text)
{
  g_return_if_fail (CW_IS_COMPAT_CHECK_VIEW (self));

  on_clear_ids_clicked_cb (self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
}
