/* test-inventory-page.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-inventory-page"

#include "config.h"

#include <dlfcn.h>
#include <gdk/x11/gdkx.h>
#include <sqlite3.h>
#include <string.h>

#include "cw-application.h"
#include "cw-demo.h"
#include "cw-inventory-columns.h"
#include "cw-inventory-import-dialog.h"
#include "cw-inventory-index.h"
#include "cw-inventory-page-private.h"
#include "cw-inventory.h"
#include "cw-test-display.h"
#include "cw-test-fixture.h"
#include "cw-window.h"

/* The Inventory pane on a demo workspace of a few thousand CIs: what it
 * shows is checked against SQL on the same file. */

#define N_CIS 3000

static CwApplication *app;
static char *tmpdir;
static char *demo_path;

/* Helpers */

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

static gboolean
is_settled (gpointer data)
{
  CwInventoryPage *page = data;

  return !cw_inventory_page_get_busy (page) && cw_inventory_page_get_n_total (page) >= 0;
}

static void
wait_for_results (CwInventoryPage *page)
{
  cw_test_iterate_until (is_settled, page, 20000);
}

static CwInventoryPage *
show_inventory (CwWindow *window)
{
  CwInventoryPage *page;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-pane", "s",
                                             "inventory"));
  page = CW_INVENTORY_PAGE (cw_window_get_pane (window, "inventory"));
  g_assert_nonnull (page);
  wait_for_results (page);

  return page;
}

static GListModel *
get_rows (CwInventoryPage *page)
{
  GtkSelectionModel *selection = gtk_column_view_get_model (cw_inventory_page_get_column_view (page));

  return gtk_single_selection_get_model (GTK_SINGLE_SELECTION (selection));
}

static guint
n_rows (CwInventoryPage *page)
{
  return g_list_model_get_n_items (get_rows (page));
}

static CwCi *
get_ci (CwInventoryPage *page,
        guint            position)
{
  CwCi *ci = g_list_model_get_item (get_rows (page), position);

  g_assert_nonnull (ci);
  return ci;
}

static void
type_text (CwInventoryPage *page,
           const char      *text,
           gboolean         wait_each)
{
  GtkEditable *entry = GTK_EDITABLE (cw_inventory_page_get_search_entry (page));

  for (const char *p = text; *p != '\0'; p++)
    {
      int position = -1;

      gtk_editable_insert_text (entry, p, 1, &position);
      gtk_editable_set_position (entry, -1);
      /* Each keystroke starts a query at once: no waiting for a delay. */
      g_assert_true (cw_inventory_page_get_busy (page));
      if (wait_each)
        wait_for_results (page);
    }
  wait_for_results (page);
}

static void
clear_search (CwInventoryPage *page)
{
  gtk_editable_set_text (GTK_EDITABLE (cw_inventory_page_get_search_entry (page)), "");
  wait_for_results (page);
}

static gint64
sql_count (const char *path,
           const char *format,
           ...)
{
  va_list args;
  char *sql;
  gint64 n;

  va_start (args, format);
  sql = sqlite3_vmprintf (format, args);
  va_end (args);

  n = cw_test_sql_int (path, sql);
  sqlite3_free (sql);
  return n;
}

/* What the search index says for @text, as the pane should. */
static gint64
index_count (const char *text)
{
  g_autofree char *match = cw_inventory_index_build_match (text);

  g_assert_nonnull (match);
  return sql_count (demo_path, "SELECT count(*) FROM cis_fts WHERE cis_fts MATCH %Q", match);
}

static char *
expected_count_label (guint  shown,
                      gint64 total)
{
  if (total < 0)
    return g_strdup_printf ("%'u configuration items", shown);

  return g_strdup_printf ("%'u of %'" G_GINT64_FORMAT, shown, total);
}

static void
assert_count_label (CwInventoryPage *page,
                    gint64           total)
{
  g_autofree char *expected = expected_count_label (n_rows (page), total);

  g_assert_cmpstr (gtk_label_get_label (cw_inventory_page_get_count_label (page)), ==, expected);
}

static void
set_chip (CwInventoryPage *page,
          CwCiField        field,
          const char      *value)
{
  const char *values[] = { value, NULL };

  cw_inventory_filter_chip_set_values (cw_inventory_page_get_filter_chip (page, field),
                                       value != NULL ? values : NULL);
  g_assert_true (cw_inventory_page_get_busy (page));
  wait_for_results (page);
}

static guint
count_list_rows (GtkListBox *list)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) && gtk_widget_get_visible (child))
      n++;

  return n;
}

static GtkListBoxRow *
first_list_row (GtkListBox *list)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child))
      return GTK_LIST_BOX_ROW (child);

  return NULL;
}

/* Tests */

static void
test_count (void)
{
  CwWindow *window = new_window_for (demo_path);
  CwInventoryPage *page = show_inventory (window);
  gint64 total = sql_count (demo_path, "SELECT count(*) FROM cis");
  g_autofree char *label = NULL;

  g_assert_cmpint (total, ==, N_CIS);
  g_assert_cmpuint (n_rows (page), ==, total);
  g_assert_cmpint (cw_inventory_page_get_n_total (page), ==, total);
  g_assert_cmpstr (cw_inventory_page_get_state (page), ==, "list");

  label = g_strdup_printf ("%'d configuration items", N_CIS);
  g_assert_cmpstr (gtk_label_get_label (cw_inventory_page_get_count_label (page)), ==, label);

  /* The column chooser shows and hides columns. */
  {
    GtkColumnViewColumn *serial = cw_inventory_columns_find (cw_inventory_page_get_column_view (page),
                                                             CW_CI_FIELD_SERIAL);

    g_assert_false (gtk_column_view_column_get_visible (serial));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "columns.serial", NULL));
    g_assert_true (gtk_column_view_column_get_visible (serial));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "columns.serial", NULL));
    g_assert_false (gtk_column_view_column_get_visible (serial));
  }

  /* Default order: by name. */
  for (guint i = 1; i < 50; i++)
    {
      g_autoptr(CwCi) a = get_ci (page, i - 1);
      g_autoptr(CwCi) b = get_ci (page, i);

      g_assert_cmpint (strcmp (cw_ci_get_value (a, CW_CI_FIELD_NAME),
                               cw_ci_get_value (b, CW_CI_FIELD_NAME)), <=, 0);
    }

  close_window (window);
}

static void
assert_names_contain (CwInventoryPage *page,
                      const char      *text)
{
  for (guint i = 0; i < n_rows (page); i++)
    {
      g_autoptr(CwCi) ci = get_ci (page, i);
      g_autofree char *name = g_ascii_strdown (cw_ci_get_value (ci, CW_CI_FIELD_NAME), -1);

      g_assert_nonnull (strstr (name, text));
    }
}

/* The rows the column view shows, top to bottom, against the list: each
 * row's name cell shows the name of the CI at its position, counted from
 * the top of the list (new results start there). The rows are reused from
 * one result to the next, so this catches a row left bound to an old CI. */
static void
assert_rows_shown (CwInventoryPage *page)
{
  GtkColumnView *view = cw_inventory_page_get_column_view (page);
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (graphene_point_t));
  g_autoptr(GPtrArray) widgets = g_ptr_array_new ();
  GtkWidget *list = NULL;
  guint name_at = 0;
  int height;

  cw_test_wait_for_draw (GTK_WIDGET (view));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      list = child;
  g_assert_nonnull (list);
  height = gtk_widget_get_height (list);
  g_assert_cmpint (height, >, 0);

  /* Each row on screen, by its top; rows kept off screen do not count. */
  for (GtkWidget *row = gtk_widget_get_first_child (list);
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      graphene_point_t top;

      if (!gtk_widget_get_child_visible (row) || !gtk_widget_get_mapped (row) ||
          !gtk_widget_compute_point (row, list, &GRAPHENE_POINT_INIT (0, 0), &top) ||
          top.y < 0 || top.y >= height)
        continue;

      /* Insertion sort by top: a screenful of rows. */
      {
        guint at = rows->len;

        while (at > 0 && g_array_index (rows, graphene_point_t, at - 1).y > top.y)
          at--;
        g_array_insert_val (rows, at, top);
        g_ptr_array_insert (widgets, at, row);
      }
    }

  g_assert_cmpuint (widgets->len, ==, MIN (n_rows (page), widgets->len));
  if (n_rows (page) > 0)
    g_assert_cmpuint (widgets->len, >, 0);

  /* A row has a cell per column, in the columns' order. */
  for (;; name_at++)
    {
      g_autoptr(GtkColumnViewColumn) column =
        g_list_model_get_item (gtk_column_view_get_columns (view), name_at);

      g_assert_nonnull (column);
      if (cw_inventory_columns_get_field (column) == CW_CI_FIELD_NAME)
        break;
    }

  for (guint i = 0; i < widgets->len; i++)
    {
      g_autoptr(CwCi) ci = get_ci (page, i);
      GtkWidget *cell = gtk_widget_get_first_child (g_ptr_array_index (widgets, i));
      GtkWidget *label;

      for (guint c = 0; c < name_at && cell != NULL; c++)
        cell = gtk_widget_get_next_sibling (cell);
      label = cell != NULL ? gtk_widget_get_first_child (cell) : NULL;

      g_assert_true (GTK_IS_INSCRIPTION (label));
      g_assert_cmpstr (gtk_inscription_get_text (GTK_INSCRIPTION (label)), ==,
                       cw_ci_get_value (ci, CW_CI_FIELD_NAME));
    }
}

static void
test_search_as_you_type (void)
{
  CwWindow *window = new_window_for (demo_path);
  CwInventoryPage *page = show_inventory (window);
  const char *site = "fra1";
  gint64 at_site = sql_count (demo_path,
                              "SELECT count(*) FROM cis c JOIN sites s ON s.id = c.site_id "
                              "WHERE s.code = 'FRA1'");
  char prefix[8] = "";

  g_assert_cmpint (at_site, >, 0);
  g_assert_cmpint (at_site, <, N_CIS);

  /* Key by key, each result as the index has it. */
  for (guint i = 0; site[i] != '\0'; i++)
    {
      prefix[i] = site[i];
      type_text (page, (char[]) { site[i], '\0' }, TRUE);
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cw_inventory_page_get_search_entry (page))),
                       ==, prefix);
      g_assert_cmpuint (n_rows (page), ==, index_count (prefix));
      assert_count_label (page, N_CIS);
      assert_rows_shown (page);
    }

  /* The whole site code: exactly the CIs of the site, named after it. */
  g_assert_cmpuint (n_rows (page), ==, at_site);
  assert_names_contain (page, site);

  /* Typed fast, older queries are cancelled: the last one wins. */
  clear_search (page);
  g_assert_cmpuint (n_rows (page), ==, N_CIS);
  type_text (page, "lon2-sw", FALSE);
  g_assert_cmpuint (n_rows (page), ==, index_count ("lon2-sw"));
  g_assert_cmpuint (n_rows (page), >, 0);
  assert_names_contain (page, "lon2-sw");
  assert_rows_shown (page);

  /* Back key by key: each result holds the last one, the rows show it. */
  for (guint i = 0; i < strlen ("lon2-sw"); i++)
    {
      GtkEditable *entry = GTK_EDITABLE (cw_inventory_page_get_search_entry (page));
      int end = g_utf8_strlen (gtk_editable_get_text (entry), -1);

      gtk_editable_delete_text (entry, end - 1, end);
      wait_for_results (page);
      assert_rows_shown (page);
    }
  g_assert_cmpuint (n_rows (page), ==, N_CIS);

  /* Nothing matches: the pane says so. */
  clear_search (page);
  type_text (page, "qqqzzz", FALSE);
  g_assert_cmpuint (n_rows (page), ==, 0);
  g_assert_cmpstr (cw_inventory_page_get_state (page), ==, "no-results");
  g_free (cw_test_save_screenshot (GTK_WIDGET (window), "inventory-no-results.png"));

  /* Escape clears the search. */
  g_signal_emit_by_name (cw_inventory_page_get_search_entry (page), "stop-search");
  wait_for_results (page);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cw_inventory_page_get_search_entry (page))),
                   ==, "");
  g_assert_cmpuint (n_rows (page), ==, N_CIS);
  g_assert_cmpstr (cw_inventory_page_get_state (page), ==, "list");

  close_window (window);
}

/* The export is written in place when the file is new: wait until its last
 * line has arrived (a CRLF after the last record). */
typedef struct
{
  const char *path;
  guint       n_lines;
} ExportWait;

static gboolean
export_complete (gpointer data)
{
  ExportWait *wait = data;
  g_autofree char *contents = NULL;
  guint n = 0;

  if (!g_file_get_contents (wait->path, &contents, NULL, NULL))
    return FALSE;
  for (const char *p = contents; *p != '\0'; p++)
    n += (*p == '\n');

  return n >= wait->n_lines;
}

static void
test_filters (void)
{
  CwWindow *window = new_window_for (demo_path);
  CwInventoryPage *page = show_inventory (window);
  gint64 switches = sql_count (demo_path, "SELECT count(*) FROM cis WHERE class = 'switch'");
  gint64 switches_at_site = sql_count (demo_path,
                                       "SELECT count(*) FROM cis c JOIN sites s ON s.id = c.site_id "
                                       "WHERE c.class = 'switch' AND s.code = 'FRA1'");
  gint64 standby = sql_count (demo_path,
                              "SELECT count(*) FROM cis WHERE operational_status = 'dr_standby'");
  gint64 with_version = sql_count (demo_path,
                                   "SELECT count(*) FROM cis WHERE firmware_version = '17.9.1r' "
                                   "OR os_version = '17.9.1r'");

  g_assert_cmpint (switches, >, 0);

  /* Class */
  set_chip (page, CW_CI_FIELD_CLASS, "switch");
  g_assert_cmpuint (n_rows (page), ==, switches);
  assert_count_label (page, N_CIS);
  for (guint i = 0; i < n_rows (page); i += 7)
    {
      g_autoptr(CwCi) ci = get_ci (page, i);

      g_assert_cmpstr (cw_ci_get_value (ci, CW_CI_FIELD_CLASS), ==, "switch");
    }

  /* Class and a search */
  type_text (page, "fra1", FALSE);
  g_assert_cmpuint (n_rows (page), ==, switches_at_site);
  assert_names_contain (page, "fra1");
  clear_search (page);

  /* Class and site */
  set_chip (page, CW_CI_FIELD_SITE, "FRA1");
  g_assert_cmpuint (n_rows (page), ==, switches_at_site);
  g_free (cw_test_save_screenshot (GTK_WIDGET (window), "inventory-filtered.png"));
  set_chip (page, CW_CI_FIELD_SITE, NULL);
  set_chip (page, CW_CI_FIELD_CLASS, NULL);
  g_assert_cmpuint (n_rows (page), ==, N_CIS);

  /* Status */
  set_chip (page, CW_CI_FIELD_OPERATIONAL_STATUS, "operational:dr_standby");
  g_assert_cmpuint (n_rows (page), ==, standby);
  set_chip (page, CW_CI_FIELD_OPERATIONAL_STATUS, NULL);

  /* Version: firmware or software */
  set_chip (page, CW_CI_FIELD_FIRMWARE_VERSION, "17.9.1r");
  g_assert_cmpuint (n_rows (page), ==, with_version);

  /* Export writes what is shown, in its order. */
  {
    g_autofree char *path = g_build_filename (tmpdir, "switches.csv", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autofree char *contents = NULL;
    g_auto(GStrv) lines = NULL;

    set_chip (page, CW_CI_FIELD_FIRMWARE_VERSION, NULL);
    set_chip (page, CW_CI_FIELD_CLASS, "switch");
    ExportWait wait = { path, switches + 1 };

    _cw_inventory_page_export (page, file);
    cw_test_iterate_until (export_complete, &wait, 10000);
    g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
    lines = g_strsplit (g_strstrip (contents), "\n", -1);
    /* The header, then a line per CI. */
    g_assert_cmpuint (g_strv_length (lines), ==, switches + 1);
    g_assert_true (g_str_has_prefix (lines[0], "class,"));
    g_assert_true (g_str_has_prefix (lines[1], "switch,"));
  }

  /* One action clears them all. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "inventory.clear-filters", NULL));
  wait_for_results (page);
  g_assert_cmpuint (n_rows (page), ==, N_CIS);

  close_window (window);
}

static void
test_sort (void)
{
  CwWindow *window = new_window_for (demo_path);
  CwInventoryPage *page = show_inventory (window);
  GtkColumnView *view = cw_inventory_page_get_column_view (page);
  g_autofree char *first_site = NULL;

  /* By name, descending: a click on the header the list is sorted by. */
  gtk_column_view_sort_by_column (view, cw_inventory_columns_find (view, CW_CI_FIELD_NAME),
                                  GTK_SORT_DESCENDING);
  g_assert_true (cw_inventory_page_get_busy (page));
  wait_for_results (page);
  g_assert_cmpuint (n_rows (page), ==, N_CIS);
  assert_rows_shown (page);
  for (guint i = 1; i < 100; i++)
    {
      g_autoptr(CwCi) a = get_ci (page, i - 1);
      g_autoptr(CwCi) b = get_ci (page, i);

      g_assert_cmpint (strcmp (cw_ci_get_value (a, CW_CI_FIELD_NAME),
                               cw_ci_get_value (b, CW_CI_FIELD_NAME)), >=, 0);
    }

  /* By site: the first site's CIs come first, by name. */
  gtk_column_view_sort_by_column (view, cw_inventory_columns_find (view, CW_CI_FIELD_SITE),
                                  GTK_SORT_ASCENDING);
  wait_for_results (page);
  {
    g_autoptr(CwCi) first = get_ci (page, 0);

    first_site = g_strdup (cw_ci_get_value (first, CW_CI_FIELD_SITE));
  }
  g_assert_cmpstr (first_site, ==, "DFW1");
  assert_rows_shown (page);
  for (guint i = 1; i < 100; i++)
    {
      g_autoptr(CwCi) a = get_ci (page, i - 1);
      g_autoptr(CwCi) b = get_ci (page, i);
      int by_site = strcmp (cw_ci_get_value (a, CW_CI_FIELD_SITE),
                            cw_ci_get_value (b, CW_CI_FIELD_SITE));

      g_assert_cmpint (by_site, <=, 0);
      if (by_site == 0)
        g_assert_cmpint (strcmp (cw_ci_get_value (a, CW_CI_FIELD_NAME),
                                 cw_ci_get_value (b, CW_CI_FIELD_NAME)), <=, 0);
    }

  /* The sort holds while searching. */
  type_text (page, "srv", FALSE);
  g_assert_cmpuint (n_rows (page), ==, index_count ("srv"));
  {
    g_autoptr(CwCi) first = get_ci (page, 0);

    g_assert_cmpstr (cw_ci_get_value (first, CW_CI_FIELD_SITE), ==, "DFW1");
  }

  close_window (window);
}

static GtkColumnViewColumn *
column_of (GtkColumnView *view,
           CwCiField      field)
{
  GtkColumnViewColumn *column = cw_inventory_columns_find (view, field);

  g_assert_nonnull (column);
  return column;
}

/* What the user made of the columns comes back in the next window: order,
 * widths, which are shown, the sort. */
static void
test_columns_kept (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *state = NULL;
  CwWindow *window = new_window_for (demo_path);
  CwInventoryPage *page = show_inventory (window);
  GtkColumnView *view = cw_inventory_page_get_column_view (page);
  GtkColumnViewColumn *site = column_of (view, CW_CI_FIELD_SITE);
  CwCiField field;
  gboolean descending;

  gtk_column_view_column_set_visible (column_of (view, CW_CI_FIELD_CLASS), FALSE);
  gtk_column_view_column_set_visible (column_of (view, CW_CI_FIELD_SERIAL), TRUE);
  gtk_column_view_column_set_fixed_width (column_of (view, CW_CI_FIELD_NAME), 260);
  g_object_ref (site);
  gtk_column_view_insert_column (view, 0, site);
  g_object_unref (site);
  gtk_column_view_sort_by_column (view, site, GTK_SORT_DESCENDING);
  wait_for_results (page);
  close_window (window);

  state = g_settings_get_string (settings, "inventory-columns");
  g_assert_true (g_str_has_prefix (state, "site:64,"));
  g_assert_nonnull (strstr (state, ",name:260,"));
  g_assert_nonnull (strstr (state, ",-class:110,"));
  g_assert_nonnull (strstr (state, ",serial:130,"));
  g_assert_nonnull (strstr (state, ",-asset_tag:110"));
  g_assert_true (g_str_has_suffix (state, ";-site"));

  /* A new window: as it was left, and sorted so. */
  window = new_window_for (demo_path);
  page = show_inventory (window);
  view = cw_inventory_page_get_column_view (page);
  {
    g_autoptr(GtkColumnViewColumn) first = g_list_model_get_item (gtk_column_view_get_columns (view), 0);

    g_assert_cmpint (cw_inventory_columns_get_field (first), ==, CW_CI_FIELD_SITE);
  }
  g_assert_false (gtk_column_view_column_get_visible (column_of (view, CW_CI_FIELD_CLASS)));
  g_assert_true (gtk_column_view_column_get_visible (column_of (view, CW_CI_FIELD_SERIAL)));
  g_assert_cmpint (gtk_column_view_column_get_fixed_width (column_of (view, CW_CI_FIELD_NAME)), ==, 260);
  g_assert_true (cw_inventory_columns_get_sort (view, &field, &descending));
  g_assert_cmpint (field, ==, CW_CI_FIELD_SITE);
  g_assert_true (descending);
  {
    g_autoptr(CwCi) first = get_ci (page, 0);
    g_autoptr(CwCi) last = get_ci (page, n_rows (page) - 1);
    const char *code = cw_ci_get_value (first, CW_CI_FIELD_SITE);

    /* The first rows are at the site that sorts last. */
    g_assert_nonnull (code);
    g_assert_cmpint (sql_count (demo_path, "SELECT count(*) FROM sites WHERE code > %Q", code), ==, 0);
    g_assert_cmpint (g_strcmp0 (code, cw_ci_get_value (last, CW_CI_FIELD_SITE)), >, 0);
  }
  assert_rows_shown (page);

  /* What makes no sense in a saved state is passed over; the name is
   * never hidden. */
  cw_inventory_columns_restore_state (view, "bogus:12,-name:abc,ip_address:99999;zzz");
  g_assert_true (gtk_column_view_column_get_visible (column_of (view, CW_CI_FIELD_NAME)));
  g_assert_cmpint (gtk_column_view_column_get_fixed_width (column_of (view, CW_CI_FIELD_NAME)), ==, 260);
  g_assert_cmpint (gtk_column_view_column_get_fixed_width (column_of (view, CW_CI_FIELD_IP_ADDRESS)), ==, 110);
  close_window (window);

  g_settings_reset (settings, "inventory-columns");
}

static gint64
find_ci_with_relations (guint *n_relations)
{
  gint64 id = sql_count (demo_path,
                         "SELECT id FROM cis c WHERE "
                         "(SELECT count(*) FROM ci_relations r WHERE r.source_id = c.id) > 0 AND "
                         "(SELECT count(*) FROM ci_relations r WHERE r.target_id = c.id) > 0 "
                         "ORDER BY id LIMIT 1");

  g_assert_cmpint (id, >, 0);
  *n_relations = sql_count (demo_path,
                            "SELECT count(*) FROM ci_relations WHERE source_id = %lld "
                            "OR target_id = %lld", (long long) id, (long long) id);
  return id;
}

static void
open_details_of (CwInventoryPage *page,
                 gint64           id)
{
  g_autoptr(GError) error = NULL;
  CwStore *store = cw_context_get_store (cw_page_get_context (CW_PAGE (page)));
  g_autoptr(CwCi) ci = cw_inventory_get_ci (store, id, &error);
  GtkColumnView *view = cw_inventory_page_get_column_view (page);
  guint position;

  g_assert_no_error (error);
  type_text (page, cw_ci_get_value (ci, CW_CI_FIELD_NAME), FALSE);

  position = cw_ci_list_model_find (CW_CI_LIST_MODEL (get_rows (page)), id);
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);

  /* Enter on the row. */
  g_signal_emit_by_name (view, "activate", position);
  cw_test_iterate_until (NULL, NULL, 50);
}

static void
test_details (void)
{
  CwWindow *window = new_window_for (demo_path);
  CwInventoryPage *page = show_inventory (window);
  CwInventoryDetails *details = cw_inventory_page_get_details (page);
  GtkListBox *relations = cw_inventory_details_get_relations (details);
  GtkListBoxRow *row;
  guint n_relations = 0;
  gint64 id = find_ci_with_relations (&n_relations);
  gint64 other;

  open_details_of (page, id);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (details)));
  g_assert_cmpint (cw_inventory_details_get_ci_id (details), ==, id);
  /* Relations both ways. */
  g_assert_cmpuint (count_list_rows (relations), ==, n_relations);

  /* A related CI, outside the search, is shown when activated. */
  row = first_list_row (relations);
  g_assert_nonnull (row);
  g_signal_emit_by_name (relations, "row-activated", row);
  other = cw_inventory_details_get_ci_id (details);
  g_assert_cmpint (other, !=, id);
  g_assert_cmpint (sql_count (demo_path,
                              "SELECT count(*) FROM ci_relations WHERE "
                              "(source_id = %lld AND target_id = %lld) OR "
                              "(source_id = %lld AND target_id = %lld)",
                              (long long) id, (long long) other,
                              (long long) other, (long long) id), ==, 1);

  /* Escape hides the details again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "inventory.hide-details", NULL));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (details)));

  close_window (window);
}

static gboolean
search_has_focus (gpointer data)
{
  CwInventoryPage *page = data;
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (page)));

  return focus != NULL &&
         gtk_widget_is_ancestor (focus, GTK_WIDGET (cw_inventory_page_get_search_entry (page)));
}

/* Real key presses, through the X server (XTest), so that the pane's
 * bindings and the window-managed Ctrl+F are what answers. Looked up at run
 * time: the test links no X library of its own. */
typedef struct
{
  Display *display;
  int    (*fake_key) (Display *, unsigned int, int, unsigned long);
  guchar (*keysym_to_keycode) (Display *, unsigned long);
  int    (*flush) (Display *);
} Keyboard;

static gboolean
keyboard_init (Keyboard *keyboard)
{
  GdkDisplay *display = gdk_display_get_default ();
  void *xtst;
  void *x11;

  if (!GDK_IS_X11_DISPLAY (display))
    return FALSE;

  xtst = dlopen ("libXtst.so.6", RTLD_NOW);
  x11 = dlopen ("libX11.so.6", RTLD_NOW);
  if (xtst == NULL || x11 == NULL)
    return FALSE;

  keyboard->display = gdk_x11_display_get_xdisplay (display);
  keyboard->fake_key = dlsym (xtst, "XTestFakeKeyEvent");
  keyboard->keysym_to_keycode = dlsym (x11, "XKeysymToKeycode");
  keyboard->flush = dlsym (x11, "XFlush");

  return keyboard->fake_key != NULL && keyboard->keysym_to_keycode != NULL &&
         keyboard->flush != NULL;
}

/* GDK key values are X keysyms. */
static void
press_key (Keyboard *keyboard,
           guint     keyval,
           gboolean  control)
{
  unsigned int control_code = keyboard->keysym_to_keycode (keyboard->display, GDK_KEY_Control_L);
  unsigned int code = keyboard->keysym_to_keycode (keyboard->display, keyval);

  if (control)
    keyboard->fake_key (keyboard->display, control_code, TRUE, 0);
  keyboard->fake_key (keyboard->display, code, TRUE, 0);
  keyboard->fake_key (keyboard->display, code, FALSE, 0);
  if (control)
    keyboard->fake_key (keyboard->display, control_code, FALSE, 0);
  keyboard->flush (keyboard->display);

  cw_test_iterate_until (NULL, NULL, 200);
}

static guint
selected_row (GtkColumnView *view)
{
  return gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (gtk_column_view_get_model (view)));
}

static void
test_keyboard (void)
{
  Keyboard keyboard = { NULL, };
  CwWindow *window;
  CwInventoryPage *page;
  CwInventoryDetails *details;
  GtkColumnView *view;
  GtkEditable *search;

  if (!keyboard_init (&keyboard))
    {
      g_test_skip ("Needs X11 and libXtst to press keys");
      return;
    }

  window = new_window_for (demo_path);
  page = show_inventory (window);
  details = cw_inventory_page_get_details (page);
  view = cw_inventory_page_get_column_view (page);
  search = GTK_EDITABLE (cw_inventory_page_get_search_entry (page));

  /* Ctrl+F from the list focuses the search; typing searches. */
  gtk_widget_grab_focus (GTK_WIDGET (view));
  cw_test_iterate_until (NULL, NULL, 100);
  g_assert_false (search_has_focus (page));
  press_key (&keyboard, GDK_KEY_f, TRUE);
  g_assert_true (search_has_focus (page));
  press_key (&keyboard, GDK_KEY_s, FALSE);
  press_key (&keyboard, GDK_KEY_r, FALSE);
  press_key (&keyboard, GDK_KEY_v, FALSE);
  wait_for_results (page);
  g_assert_cmpstr (gtk_editable_get_text (search), ==, "srv");
  g_assert_cmpuint (n_rows (page), ==, index_count ("srv"));

  /* Down goes into the list, arrows move, Enter opens the details. */
  press_key (&keyboard, GDK_KEY_Down, FALSE);
  g_assert_false (search_has_focus (page));
  g_assert_cmpuint (selected_row (view), ==, 0);
  press_key (&keyboard, GDK_KEY_Down, FALSE);
  g_assert_cmpuint (selected_row (view), ==, 1);
  press_key (&keyboard, GDK_KEY_Return, FALSE);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (details)));
  {
    g_autoptr(CwCi) ci = get_ci (page, 1);

    g_assert_cmpint (cw_inventory_details_get_ci_id (details), ==, cw_ci_get_id (ci));
  }

  /* Moving on follows in the details; Escape closes them. */
  press_key (&keyboard, GDK_KEY_Down, FALSE);
  {
    g_autoptr(CwCi) ci = get_ci (page, 2);

    g_assert_cmpint (cw_inventory_details_get_ci_id (details), ==, cw_ci_get_id (ci));
  }
  press_key (&keyboard, GDK_KEY_Escape, FALSE);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (details)));

  /* Escape in the search clears it. */
  press_key (&keyboard, GDK_KEY_f, TRUE);
  press_key (&keyboard, GDK_KEY_Escape, FALSE);
  wait_for_results (page);
  g_assert_cmpstr (gtk_editable_get_text (search), ==, "");
  g_assert_cmpuint (n_rows (page), ==, N_CIS);

  /* Typing in the list goes to the search. */
  gtk_widget_grab_focus (GTK_WIDGET (view));
  press_key (&keyboard, GDK_KEY_l, FALSE);
  press_key (&keyboard, GDK_KEY_o, FALSE);
  wait_for_results (page);
  g_assert_cmpstr (gtk_editable_get_text (search), ==, "lo");
  g_assert_true (search_has_focus (page));

  /* F9 shows the details of the selected row. */
  gtk_widget_grab_focus (GTK_WIDGET (view));
  gtk_selection_model_select_item (gtk_column_view_get_model (view), 0, TRUE);
  press_key (&keyboard, GDK_KEY_F9, FALSE);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (details)));

  /* In another pane, Ctrl+F is not the inventory's. */
  g_assert_true (cw_window_show_pane (window, "changes"));
  cw_test_iterate_until (NULL, NULL, 300);
  press_key (&keyboard, GDK_KEY_f, TRUE);
  g_assert_cmpstr (cw_window_get_visible_pane (window), ==, "changes");
  g_assert_false (search_has_focus (page));

  close_window (window);
}

static gboolean
versions_ready (gpointer data)
{
  CwInventoryVersions *versions = data;

  return !cw_inventory_versions_get_busy (versions) &&
         g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (
           cw_inventory_versions_get_column_view (versions)))) > 0;
}

static void
test_versions (void)
{
  CwWindow *window = new_window_for (demo_path);
  CwInventoryPage *page = show_inventory (window);
  CwInventoryVersions *versions = cw_inventory_page_get_versions (page);
  GtkColumnView *view = cw_inventory_versions_get_column_view (versions);
  gint64 n_sites = sql_count (demo_path, "SELECT count(*) FROM sites");

  cw_inventory_page_show_versions (page, TRUE);
  cw_test_iterate_until (versions_ready, versions, 20000);

  /* Model, field, version, total, then a column per site. */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (view)), ==, 4 + n_sites);
  g_free (cw_test_save_screenshot (GTK_WIDGET (window), "inventory-versions.png"));

  /* By class. */
  cw_inventory_versions_set_by_class (versions, TRUE);
  g_assert_true (cw_inventory_versions_get_busy (versions));
  cw_test_iterate_until (versions_ready, versions, 20000);

  /* A version row searches the inventory for it. */
  g_signal_emit_by_name (view, "activate", 0);
  wait_for_results (page);
  g_assert_nonnull (cw_inventory_filter_chip_get_values (
    cw_inventory_page_get_filter_chip (page, CW_CI_FIELD_FIRMWARE_VERSION)));
  g_assert_cmpuint (n_rows (page), >, 0);

  close_window (window);
}

static void
take_screenshots (const char *name)
{
  CwWindow *window = new_window_for (demo_path);
  CwInventoryPage *page = show_inventory (window);
  guint n_relations;

  /* Tall enough for the details to show the relations. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1180, 1000);
  gint64 id = find_ci_with_relations (&n_relations);
  g_autofree char *shot = NULL;

  /* The list with the details of a CI beside it. */
  open_details_of (page, id);
  clear_search (page);
  cw_test_iterate_until (NULL, NULL, 100);

  shot = cw_test_save_screenshot (GTK_WIDGET (window), name);
  g_assert_true (g_file_test (shot, G_FILE_TEST_IS_REGULAR));

  close_window (window);
}

static void
test_screenshots (void)
{
  GSettings *settings = cw_application_get_settings (app);

  take_screenshots ("inventory-light.png");

  g_settings_set_string (settings, "color-scheme", "dark");
  cw_test_iterate_until (cw_test_style_is_dark, NULL, 2000);
  take_screenshots ("inventory-dark.png");

  g_settings_set_string (settings, "color-scheme", "light");
  cw_test_iterate_until (cw_test_style_is_light, NULL, 2000);
  g_settings_reset (settings, "color-scheme");
}

typedef struct
{
  CwInventoryImportDialog *dialog;
  const char              *step;
} StepWait;

static gboolean
at_step (gpointer data)
{
  StepWait *wait = data;

  return g_strcmp0 (cw_inventory_import_dialog_get_step (wait->dialog), wait->step) == 0;
}

static void
wait_for_step (CwInventoryImportDialog *dialog,
               const char              *step)
{
  StepWait wait = { dialog, step };

  cw_test_iterate_until (at_step, &wait, 20000);
}

static void
test_import (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "empty.db", NULL);
  g_autofree char *csv = g_build_filename (tmpdir, "lab.csv", NULL);
  g_autofree char *odd = g_build_filename (tmpdir, "odd-header.csv", NULL);
  g_autofree char *rejects = g_build_filename (tmpdir, "lab.rejects.csv", NULL);
  g_autofree char *latin = g_build_filename (tmpdir, "lab-1252.csv", NULL);
  g_autoptr(GFile) latin_file = g_file_new_for_path (latin);
  /* "é" is 0xE9 in Windows-1252, and not UTF-8. */
  const char *latin_lines =
    "class,name,manufacturer\n"
    "server,lab-caf\xe9,Soci\xe9t\xe9 G\xe9n\xe9rale IT\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(CwStore) store = cw_store_open (path, CW_STORE_OPEN_CREATE_NEW, &error);
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  g_autoptr(GFile) odd_file = g_file_new_for_path (odd);
  const char *lines =
    "class,name,manufacturer,model,serial,ip_address,firmware_version,os_version,lifecycle_status,operational_status\n"
    "switch,lab-sw01,Cisco,Catalyst 9300-48P,FOC1234X0AB,10.9.0.1,17.9.1r,17.9.4a,installed,operational\n"
    "server,lab-srv01,Dell,PowerEdge R650,ABC1234,10.9.0.10,1.10.2,RHEL 9.2,installed,operational\n"
    "toaster,lab-x01,Acme,T-1000,,,,,installed,operational\n"
    "router,lab-rtr01,Juniper,MX204,JN11AA22,10.9.0.254,,22.2R3,installed,operational\n";
  const char *odd_lines =
    "Hostname,Kind of Thing,Vendor,Rack\n"
    "lab-sw02,switch,Arista,R12\n";
  CwInventoryImportDialog *dialog;
  CwInventoryPage *page;
  CwWindow *window;

  g_assert_no_error (error);
  g_clear_object (&store);
  cw_test_write_bytes (csv, lines, strlen (lines));
  cw_test_write_bytes (odd, odd_lines, strlen (odd_lines));

  /* An empty workspace says how to fill it. */
  window = new_window_for (path);
  page = show_inventory (window);
  g_assert_cmpuint (n_rows (page), ==, 0);
  g_assert_cmpstr (cw_inventory_page_get_state (page), ==, "empty");
  g_free (cw_test_save_screenshot (GTK_WIDGET (window), "inventory-empty.png"));

  dialog = cw_inventory_import_dialog_new (GTK_WINDOW (window), path);
  g_signal_connect_swapped (dialog, "imported", G_CALLBACK (_cw_inventory_page_reload), page);
  gtk_window_present (GTK_WINDOW (dialog));

  /* A header no layout knows: the columns are mapped by hand. */
  cw_inventory_import_dialog_set_file (dialog, odd_file);
  wait_for_step (dialog, "preview");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.next", NULL));
  wait_for_step (dialog, "mapping");
  g_free (cw_test_save_screenshot (GTK_WIDGET (dialog), "inventory-import-mapping.png"));

  /* The file's layout is detected and its first rows shown. */
  cw_inventory_import_dialog_set_file (dialog, file);
  wait_for_step (dialog, "preview");
  g_free (cw_test_save_screenshot (GTK_WIDGET (dialog), "inventory-import-preview.png"));

  /* A bad line: nothing is imported, and the line is named. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.start", NULL));
  wait_for_step (dialog, "result");
  g_assert_cmpuint (count_list_rows (cw_inventory_import_dialog_get_problems (dialog)), ==, 1);
  g_free (cw_test_save_screenshot (GTK_WIDGET (dialog), "inventory-import-refused.png"));
  g_assert_cmpint (sql_count (path, "SELECT count(*) FROM cis"), ==, 0);

  /* The valid lines only, the bad one written next to the file. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.valid-only", NULL));
  wait_for_step (dialog, "result");
  g_free (cw_test_save_screenshot (GTK_WIDGET (dialog), "inventory-import-done.png"));
  g_assert_cmpint (sql_count (path, "SELECT count(*) FROM cis"), ==, 3);
  g_assert_true (g_file_test (rejects, G_FILE_TEST_IS_REGULAR));

  /* A Windows-1252 file (a ServiceNow export) is read as that. */
  cw_test_write_bytes (latin, latin_lines, strlen (latin_lines));
  cw_inventory_import_dialog_set_file (dialog, latin_file);
  wait_for_step (dialog, "preview");
  g_free (cw_test_save_screenshot (GTK_WIDGET (dialog), "inventory-import-encoding.png"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.start", NULL));
  wait_for_step (dialog, "result");
  g_assert_cmpint (sql_count (path, "SELECT count(*) FROM cis WHERE name = 'lab-caf\xc3\xa9'"), ==, 1);

  /* The pane shows them. */
  gtk_window_destroy (GTK_WINDOW (dialog));
  wait_for_results (page);
  g_assert_cmpuint (n_rows (page), ==, 4);
  g_assert_cmpint (cw_inventory_page_get_n_total (page), ==, 4);
  g_assert_cmpstr (cw_inventory_page_get_state (page), ==, "list");

  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  CwDemoOptions options = { .seed = 1, .n_cis = N_CIS };
  g_autoptr(CwClock) clock = NULL;
  int status;

  if (!cw_test_display_init (&argc, &argv))
    return 0;

  tmpdir = cw_test_make_tmpdir ();
  demo_path = g_build_filename (tmpdir, "demo-inventory.db", NULL);
  clock = cw_test_fake_clock ();
  g_assert_true (cw_demo_create (demo_path, &options, clock, NULL, &error));
  g_assert_no_error (error);

  app = cw_application_new (G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_hold (G_APPLICATION (app));

  g_test_add_func ("/display/inventory/count", test_count);
  g_test_add_func ("/display/inventory/search-as-you-type", test_search_as_you_type);
  g_test_add_func ("/display/inventory/filters", test_filters);
  g_test_add_func ("/display/inventory/sort", test_sort);
  g_test_add_func ("/display/inventory/columns-kept", test_columns_kept);
  g_test_add_func ("/display/inventory/details", test_details);
  g_test_add_func ("/display/inventory/keyboard", test_keyboard);
  g_test_add_func ("/display/inventory/versions", test_versions);
  g_test_add_func ("/display/inventory/screenshots", test_screenshots);
  g_test_add_func ("/display/inventory/import", test_import);

  status = g_test_run ();

  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  cw_test_remove_tree (tmpdir);
  g_free (tmpdir);
  g_free (demo_path);
  return status;
}
