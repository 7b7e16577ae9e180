/* test-compat-page.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-compat-page"

#include "config.h"

#include <string.h>

#include "cw-application.h"
#include "cw-compat-check-view.h"
#include "cw-compat-matrix.h"
#include "cw-compat-page.h"
#include "cw-compat.h"
#include "cw-demo.h"
#include "cw-inventory-index.h"
#include "cw-inventory-details.h"
#include "cw-inventory-page-private.h"
#include "cw-store-private.h"
#include "cw-test-display.h"
#include "cw-test-fixture.h"
#include "cw-window.h"

/* The Compatibility pane: the matrix grid and the check, on a small
 * workspace whose every cell the test knows, and screenshots on the demo. */

static CwApplication *app;
static char *tmpdir;
static char *small_path;
static char *demo_path;

/* Product "Acme OS" 1.0, 2.0, 3.0 and "Bolt FW" 7.0, 8.0; one cell recorded. */
static gint64 acme[3];
static gint64 bolt[2];

static void
make_small_workspace (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwStore) store = cw_store_open (small_path, CW_STORE_OPEN_DEFAULT, &error);
  const char *acme_versions[] = { "1.0", "2.0", "3.0" };
  const char *bolt_versions[] = { "7.0", "8.0" };
  CwCompatRule rule = { 0 };
  gint64 product;
  gint64 pair[2];

  g_assert_no_error (error);

  product = cw_compat_add_product (store, "Acme OS", "Acme", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (acme); i++)
    {
      acme[i] = cw_compat_add_version (store, product, acme_versions[i], NULL, NULL, &error);
      g_assert_no_error (error);
    }
  g_assert_cmpint (cw_compat_add_path (store, product, "1.0", "2.0", "3.0", NULL, &error), >, 0);
  g_assert_no_error (error);

  rule.product_id = product;
  rule.manufacturer = (char *) "Acme";
  rule.field = CW_CI_FIELD_OS_VERSION;
  rule.version_prefix = (char *) "";
  g_assert_cmpint (cw_compat_add_rule (store, &rule, &error), >, 0);
  g_assert_no_error (error);

  product = cw_compat_add_product (store, "Bolt FW", "Bolt", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (bolt); i++)
    {
      bolt[i] = cw_compat_add_version (store, product, bolt_versions[i], NULL, NULL, &error);
      g_assert_no_error (error);
    }

  rule.product_id = product;
  rule.manufacturer = (char *) "Bolt";
  rule.field = CW_CI_FIELD_FIRMWARE_VERSION;
  g_assert_cmpint (cw_compat_add_rule (store, &rule, &error), >, 0);
  g_assert_no_error (error);

  pair[0] = acme[2];
  pair[1] = bolt[0];
  g_assert_true (cw_compat_set_cells (store, pair, 1, CW_COMPAT_VERDICT_INCOMPATIBLE,
                                      "Bolt 7.0 drops links", "KB-1", &error));
  g_assert_no_error (error);

  /* app-1 runs Acme OS 1.0 on hw-1 (Bolt FW 7.0); app-2 is already on 3.0. */
  cw_test_sql (small_path,
               "INSERT INTO cis (id, class, name, manufacturer, os_version, firmware_version, updated_at) VALUES "
               "(1, 'application', 'app-1', 'Acme', '1.0', NULL, '2026-01-01T00:00:00Z'),"
               "(2, 'application', 'app-2', 'Acme', '3.0', NULL, '2026-01-01T00:00:00Z'),"
               "(3, 'server', 'hw-1', 'Bolt', NULL, '7.0', '2026-01-01T00:00:00Z');"
               "INSERT INTO ci_relations (source_id, target_id, kind) VALUES (1, 3, 'runs_on');");

  /* The check's search goes through the inventory's search index. */
  g_assert_true (cw_inventory_index_add_from (cw_store_get_handle (store), 0, &error));
  g_assert_no_error (error);
}

static CwWindow *
new_window_for (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwStore) store = cw_store_open (path, CW_STORE_OPEN_NO_CREATE, &error);
  g_autoptr(CwContext) context = NULL;
  CwWindow *window;

  g_assert_no_error (error);
  context = cw_context_new (store, NULL);
  window = cw_window_new (GTK_APPLICATION (app), context);
  gtk_window_set_default_size (GTK_WINDOW (window), 1180, 760);
  gtk_window_present (GTK_WINDOW (window));
  cw_test_wait_for_draw (GTK_WIDGET (window));

  return window;
}

static void
close_window (CwWindow *window)
{
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_close (GTK_WINDOW (window));
  cw_test_iterate_until (NULL, NULL, 50);
  g_assert_null (window);
}

static CwCompatPage *
show_compat (CwWindow   *window,
             const char *view)
{
  CwCompatPage *page;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-pane", "s", "compat"));
  page = CW_COMPAT_PAGE (cw_window_get_pane (window, "compat"));
  g_assert_nonnull (page);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "compat.show-view", "s", view));
  cw_test_iterate_until (NULL, NULL, 50);

  return page;
}

static CwCompatVerdict
recorded_verdict (gint64  a,
                  gint64  b,
                  char  **note)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwStore) store = cw_store_open (small_path, CW_STORE_OPEN_NO_CREATE, &error);
  CwCompatCell cell = { 0 };

  g_assert_no_error (error);
  if (!cw_compat_get_cell (store, a, b, &cell, &error))
    {
      g_assert_no_error (error);
      return CW_COMPAT_VERDICT_UNTESTED;
    }

  if (note != NULL)
    *note = g_steal_pointer (&cell.note);
  g_free (cell.note);
  g_free (cell.source);
  return cell.verdict;
}

/* Tests */

static void
test_grid (void)
{
  CwWindow *window = new_window_for (small_path);
  CwCompatPage *page = show_compat (window, "matrix");
  CwCompatMatrix *matrix = CW_COMPAT_MATRIX (cw_compat_page_get_view (page, "matrix"));
  g_autofree char *note = NULL;
  GtkWidget *cell;

  /* Rows: Acme OS (3 versions), columns: Bolt FW (2 versions). */
  g_assert_nonnull (cw_compat_matrix_get_cell (matrix, 2, 1));
  g_assert_null (cw_compat_matrix_get_cell (matrix, 3, 0));
  g_assert_null (cw_compat_matrix_get_cell (matrix, 0, 2));

  /* The recorded cell shows its verdict by class, icon and words. */
  cell = cw_compat_matrix_get_cell (matrix, 2, 0);
  g_assert_true (gtk_widget_has_css_class (cell, "incompatible"));
  g_assert_cmpstr (gtk_button_get_icon_name (GTK_BUTTON (cell)), ==,
                   cw_compat_verdict_get_icon (CW_COMPAT_VERDICT_INCOMPATIBLE));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (cell), "Bolt 7.0 drops links"));
  cell = cw_compat_matrix_get_cell (matrix, 0, 0);
  g_assert_true (gtk_widget_has_css_class (cell, "untested"));

  /* A click, then Shift+click selects the rectangle between them. */
  cw_compat_matrix_click_cell (matrix, 0, 0, 0);
  g_assert_cmpuint (cw_compat_matrix_get_n_selected (matrix), ==, 1);
  cw_compat_matrix_click_cell (matrix, 1, 1, GDK_SHIFT_MASK);
  g_assert_cmpuint (cw_compat_matrix_get_n_selected (matrix), ==, 4);
  g_assert_true (gtk_widget_has_css_class (cw_compat_matrix_get_cell (matrix, 1, 0), "selected"));
  g_assert_false (gtk_widget_has_css_class (cw_compat_matrix_get_cell (matrix, 2, 0), "selected"));

  /* Ctrl+click takes one out and puts another in. */
  cw_compat_matrix_click_cell (matrix, 1, 1, GDK_CONTROL_MASK);
  g_assert_cmpuint (cw_compat_matrix_get_n_selected (matrix), ==, 3);

  /* One edit sets every selected cell, and only those. */
  cw_compat_matrix_apply (matrix, CW_COMPAT_VERDICT_CAVEAT, "Needs a reboot", "https://example.com/kb");
  g_assert_cmpint (recorded_verdict (acme[0], bolt[0], &note), ==, CW_COMPAT_VERDICT_CAVEAT);
  g_assert_cmpstr (note, ==, "Needs a reboot");
  g_assert_cmpint (recorded_verdict (acme[0], bolt[1], NULL), ==, CW_COMPAT_VERDICT_CAVEAT);
  g_assert_cmpint (recorded_verdict (acme[1], bolt[0], NULL), ==, CW_COMPAT_VERDICT_CAVEAT);
  g_assert_cmpint (recorded_verdict (acme[1], bolt[1], NULL), ==, CW_COMPAT_VERDICT_UNTESTED);
  g_assert_cmpint (recorded_verdict (acme[2], bolt[0], NULL), ==, CW_COMPAT_VERDICT_INCOMPATIBLE);
  g_assert_true (gtk_widget_has_css_class (cw_compat_matrix_get_cell (matrix, 0, 1), "caveat"));
  g_assert_false (gtk_widget_has_css_class (cw_compat_matrix_get_cell (matrix, 0, 1), "untested"));

  /* Untested is a verdict like the others: the cell shows it again. */
  cw_compat_matrix_click_cell (matrix, 0, 1, 0);
  cw_compat_matrix_apply (matrix, CW_COMPAT_VERDICT_UNTESTED, NULL, NULL);
  g_assert_cmpint (recorded_verdict (acme[0], bolt[1], NULL), ==, CW_COMPAT_VERDICT_UNTESTED);
  g_assert_true (gtk_widget_has_css_class (cw_compat_matrix_get_cell (matrix, 0, 1), "untested"));

  close_window (window);
}

static gboolean
has_report (gpointer data)
{
  return cw_compat_check_view_get_report (data) != NULL;
}

static gboolean
inventory_shows_all (gpointer data)
{
  CwInventoryPage *page = data;

  return !cw_inventory_page_get_busy (page) && cw_inventory_page_get_n_results (page) == 3;
}

static GtkWidget *
find_child_of_type (GtkWidget *widget,
                    GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_child_of_type (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static guint
count_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;

  return n;
}

static void
test_check (void)
{
  CwWindow *window = new_window_for (small_path);
  CwCompatPage *page = show_compat (window, "check");
  CwCompatCheckView *view = CW_COMPAT_CHECK_VIEW (cw_compat_page_get_view (page, "check"));
  const CwCompatReport *report;
  const CwCompatCiResult *result = NULL;
  gboolean found_incompatible = FALSE;

  cw_compat_check_view_set_search (view, "app");
  cw_compat_check_view_run (view, "Acme OS", "3.0");
  cw_test_iterate_until (has_report, view, 10000);

  report = cw_compat_check_view_get_report (view);
  g_assert_cmpstr (report->target, ==, "3.0");
  g_assert_cmpuint (report->results->len, ==, 2);
  g_assert_cmpuint (count_children (GTK_WIDGET (cw_compat_check_view_get_results_list (view))), ==, 2);

  for (guint i = 0; i < report->results->len; i++)
    {
      const CwCompatCiResult *r = g_ptr_array_index (report->results, i);

      if (g_str_equal (r->ci_name, "app-1"))
        result = r;
      else
        {
          g_test_message ("%s: %s", r->ci_name, r->current_version);
          g_assert_true (r->at_target);
        }
    }
  g_assert_nonnull (result);
  g_assert_cmpstr (result->path[0], ==, "3.0");

  /* app-1 runs on hw-1, whose Bolt FW 7.0 is incompatible with Acme OS 3.0. */
  for (guint i = 0; i < result->findings->len; i++)
    {
      const CwCompatFinding *finding = g_ptr_array_index (result->findings, i);

      if (finding->kind == CW_COMPAT_FINDING_INCOMPATIBLE)
        {
          found_incompatible = TRUE;
          g_assert_cmpint (finding->other_ci_id, ==, 3);

          /* The finding leads to its matrix cell. */
          g_signal_emit_by_name (view, "show-cell", finding->cell_version_a, finding->cell_version_b);
          g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (gtk_widget_get_parent (
                             cw_compat_page_get_view (page, "matrix")))), ==, "matrix");
          g_assert_cmpuint (cw_compat_matrix_get_n_selected (CW_COMPAT_MATRIX (cw_compat_page_get_view (page, "matrix"))),
                            ==, 1);
        }
    }
  g_assert_true (found_incompatible);
  g_assert_cmpuint (report->n_blockers, >=, 1);

  /* "Show CI" opens the Inventory pane on it. */
  g_signal_emit_by_name (view, "show-ci", (gint64) 3);
  g_assert_cmpstr (cw_window_get_visible_pane (window), ==, "inventory");

  /* Its details list what it runs: Bolt FW by a rule; one more by hand. */
  {
    CwInventoryDetails *details =
      cw_inventory_page_get_details (CW_INVENTORY_PAGE (cw_window_get_pane (window, "inventory")));
    GtkListBox *components = cw_inventory_details_get_components (details);
    GtkMenuButton *add = cw_inventory_details_get_add_component_button (details);
    GtkWidget *popover;
    GtkWidget *entry;

    g_assert_cmpint (cw_inventory_details_get_ci_id (details), ==, 3);
    g_assert_cmpuint (count_children (GTK_WIDGET (components)), ==, 1);
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (components, 0))),
                     ==, "Bolt FW");

    gtk_menu_button_popup (add);
    popover = GTK_WIDGET (gtk_menu_button_get_popover (add));
    g_assert_nonnull (popover);
    entry = find_child_of_type (popover, GTK_TYPE_ENTRY);
    gtk_editable_set_text (GTK_EDITABLE (entry), "2.0");
    g_signal_emit_by_name (entry, "activate");   /* the first product, Acme OS */
    cw_test_iterate_until (NULL, NULL, 50);
    g_assert_cmpuint (count_children (GTK_WIDGET (components)), ==, 2);
    g_assert_cmpint (cw_test_sql_int (small_path, "SELECT count(*) FROM compat_ci_components "
                                                  "WHERE ci_id = 3 AND version = '2.0'"), ==, 1);
  }

  /* The inventory hands what its search selects (all three CIs) to the check. */
  cw_test_iterate_until (inventory_shows_all, cw_window_get_pane (window, "inventory"), 10000);
  g_assert_true (gtk_widget_activate_action (cw_window_get_pane (window, "inventory"),
                                             "inventory.check-compat", NULL));
  g_assert_cmpstr (cw_window_get_visible_pane (window), ==, "compat");
  cw_compat_check_view_run (view, "Acme OS", "3.0");
  cw_test_iterate_until (has_report, view, 10000);
  g_assert_cmpuint (cw_compat_check_view_get_report (view)->results->len, ==, 3);

  /* The inventory's "Check Upgrade" hands one CI to the check. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.check-compat", "x", (gint64) 1));
  g_assert_cmpstr (cw_window_get_visible_pane (window), ==, "compat");
  cw_compat_check_view_run (view, "Acme OS", "3.0");
  cw_test_iterate_until (has_report, view, 10000);
  g_assert_cmpuint (cw_compat_check_view_get_report (view)->results->len, ==, 1);

  close_window (window);
}

static void
take_screenshots (const char *suffix)
{
  CwWindow *window = new_window_for (demo_path);
  CwCompatPage *page = show_compat (window, "matrix");
  g_autofree char *matrix_name = g_strdup_printf ("compat-matrix-%s.png", suffix);
  g_autofree char *check_name = g_strdup_printf ("compat-check-%s.png", suffix);
  g_autofree char *products_name = g_strdup_printf ("compat-products-%s.png", suffix);
  CwCompatCheckView *view;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 860);
  cw_test_iterate_until (NULL, NULL, 100);
  g_free (cw_test_save_screenshot (GTK_WIDGET (window), matrix_name));

  show_compat (window, "products");
  g_free (cw_test_save_screenshot (GTK_WIDGET (window), products_name));

  show_compat (window, "check");
  view = CW_COMPAT_CHECK_VIEW (cw_compat_page_get_view (page, "check"));
  cw_compat_check_view_set_search (view, "esx");
  cw_compat_check_view_run (view, "VMware ESXi", "8.0U2");
  cw_test_iterate_until (has_report, view, 20000);
  cw_test_iterate_until (NULL, NULL, 100);
  g_free (cw_test_save_screenshot (GTK_WIDGET (window), check_name));

  close_window (window);
}

static void
test_screenshots (void)
{
  GSettings *settings = cw_application_get_settings (app);

  take_screenshots ("light");

  g_settings_set_string (settings, "color-scheme", "dark");
  cw_test_iterate_until (cw_test_style_is_dark, NULL, 2000);
  take_screenshots ("dark");

  g_settings_set_string (settings, "color-scheme", "light");
  cw_test_iterate_until (cw_test_style_is_light, NULL, 2000);
  g_settings_reset (settings, "color-scheme");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  CwDemoOptions options = { .seed = 1, .n_cis = 2000 };
  g_autoptr(CwClock) clock = NULL;
  int status;

  if (!cw_test_display_init (&argc, &argv))
    return 0;

  tmpdir = cw_test_make_tmpdir ();
  small_path = g_build_filename (tmpdir, "small.db", NULL);
  demo_path = g_build_filename (tmpdir, "demo.db", NULL);
  make_small_workspace ();
  clock = cw_test_fake_clock ();
  g_assert_true (cw_demo_create (demo_path, &options, clock, NULL, &error));
  g_assert_no_error (error);

  app = cw_application_new (G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_hold (G_APPLICATION (app));

  g_test_add_func ("/display/compat/grid", test_grid);
  g_test_add_func ("/display/compat/check", test_check);
  g_test_add_func ("/display/compat/screenshots", test_screenshots);

  status = g_test_run ();

  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  cw_test_remove_tree (tmpdir);
  g_free (tmpdir);
  g_free (small_path);
  g_free (demo_path);
  return status;
}
