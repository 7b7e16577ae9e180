/* test-window.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-window"

#include "config.h"

#include "cw-application.h"
#include "cw-demo.h"
#include "cw-inventory-page.h"
#include "cw-page.h"
#include "cw-preferences-window.h"
#include "cw-test-display.h"
#include "cw-test-fixture.h"
#include "cw-window.h"

static CwApplication *app;
static char *tmpdir;
static char *demo_path;

static CwContext *
open_demo (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwStore) store = cw_store_open (demo_path, CW_STORE_OPEN_NO_CREATE, &error);

  g_assert_no_error (error);
  return cw_context_new (store, NULL);
}

static CwWindow *
new_window (void)
{
  g_autoptr(CwContext) context = open_demo ();
  CwWindow *window = cw_window_new (GTK_APPLICATION (app), context);

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
inventory_loaded (gpointer data)
{
  CwInventoryPage *page = data;

  return !cw_inventory_page_get_busy (page) && cw_inventory_page_get_n_total (page) == 1500;
}

static AdwStatusPage *
find_status_page (GtkWidget *widget)
{
  if (ADW_IS_STATUS_PAGE (widget))
    return ADW_STATUS_PAGE (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwStatusPage *found = find_status_page (child);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_every_pane (void)
{
  CwWindow *window = new_window ();
  const char * const *panes = cw_window_list_panes ();
  g_autofree char *title = NULL;
  guint n = 0;

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "demo-ws — Changeward");

  for (; panes[n] != NULL; n++)
    {
      GtkWidget *pane;
      AdwStatusPage *status;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-pane", "s",
                                                 panes[n]));
      cw_test_iterate_until (NULL, NULL, 30);
      g_assert_cmpstr (cw_window_get_visible_pane (window), ==, panes[n]);

      pane = cw_window_get_pane (window, panes[n]);
      g_assert_true (CW_IS_PAGE (pane));
      g_assert_true (gtk_widget_get_mapped (pane));
      g_assert_true (cw_page_get_context (CW_PAGE (pane)) == cw_window_get_context (window));

      /* Each pane says honestly what it can do yet. The inventory,
       * compatibility, runbooks and calendar panes are there; their own
       * tests test them. */
      if (g_str_equal (panes[n], "inventory") || g_str_equal (panes[n], "compat") ||
          g_str_equal (panes[n], "runbooks") || g_str_equal (panes[n], "calendar"))
        continue;
      status = find_status_page (pane);
      g_assert_nonnull (status);
      g_assert_nonnull (strstr (adw_status_page_get_description (status), "not available"));
    }
  g_assert_cmpuint (n, ==, 7);

  /* Unknown panes are refused. */
  g_assert_false (cw_window_show_pane (window, "nonsense"));
  g_assert_cmpstr (cw_window_get_visible_pane (window), ==, panes[n - 1]);

  close_window (window);
}

static void
test_inventory_counts (void)
{
  CwWindow *window = new_window ();
  g_autofree char *shot = NULL;
  CwInventoryPage *page;

  g_assert_true (cw_window_show_pane (window, "inventory"));
  page = CW_INVENTORY_PAGE (cw_window_get_pane (window, "inventory"));
  cw_test_iterate_until (inventory_loaded, page, 5000);
  g_assert_true (inventory_loaded (page));

  shot = cw_test_save_screenshot (GTK_WIDGET (window), "window-light.png");
  g_assert_true (g_file_test (shot, G_FILE_TEST_IS_REGULAR));
  close_window (window);
}

static void
test_dark_style (void)
{
  GSettings *settings = cw_application_get_settings (app);
  CwWindow *window;
  g_autofree char *shot = NULL;

  g_settings_set_string (settings, "color-scheme", "dark");
  cw_test_iterate_until (cw_test_style_is_dark, NULL, 2000);

  window = new_window ();
  cw_window_show_pane (window, "inventory");
  shot = cw_test_save_screenshot (GTK_WIDGET (window), "window-dark.png");
  close_window (window);

  g_settings_set_string (settings, "color-scheme", "light");
  cw_test_iterate_until (cw_test_style_is_light, NULL, 2000);
  g_settings_reset (settings, "color-scheme");
}

static void
test_remembers_size_and_pane (void)
{
  GSettings *settings = cw_application_get_settings (app);
  CwWindow *window = new_window ();
  int width = 0, height = 0;

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 640);
  cw_test_iterate_until (NULL, NULL, 100);
  cw_window_show_pane (window, "calendar");
  close_window (window);

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 640);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  window = new_window ();
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 640);
  g_assert_cmpstr (cw_window_get_visible_pane (window), ==, "calendar");
  close_window (window);

  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
  g_settings_reset (settings, "last-pane");
}

static void
test_error_window (void)
{
  CwWindow *window = cw_window_new (GTK_APPLICATION (app), NULL);
  g_autoptr(GError) error = g_error_new (CW_STORE_ERROR, CW_STORE_ERROR_NEWER_VERSION,
                                         "“x.db” was written by a newer version of Changeward");
  g_autofree char *shot = NULL;
  AdwStatusPage *status;

  cw_window_show_error (window, error);
  gtk_window_present (GTK_WINDOW (window));

  g_assert_null (cw_window_get_visible_pane (window));
  g_assert_false (cw_window_show_pane (window, "changes"));
  status = find_status_page (GTK_WIDGET (window));
  g_assert_nonnull (status);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (status)));
  g_assert_cmpstr (adw_status_page_get_description (status), ==, error->message);

  shot = cw_test_save_screenshot (GTK_WIDGET (window), "window-error.png");
  close_window (window);
}

typedef struct
{
  const char *path;
  gboolean    want_context;
} WindowQuery;

static gboolean
find_app_window (gpointer data)
{
  WindowQuery *query = data;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    {
      CwContext *context;

      if (!CW_IS_WINDOW (l->data))
        continue;
      context = cw_window_get_context (l->data);
      if (!query->want_context && context == NULL)
        return TRUE;
      if (query->want_context && context != NULL &&
          g_strcmp0 (cw_store_get_path (cw_context_get_store (context)), query->path) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
close_all_windows (void)
{
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (app)));

  for (GList *l = windows; l; l = l->next)
    gtk_window_destroy (l->data);
  cw_test_iterate_until (NULL, NULL, 50);
}

static void
test_app_opens_workspaces (void)
{
  GSettings *settings = cw_application_get_settings (app);
  g_autofree char *broken = g_build_filename (tmpdir, "broken.db", NULL);
  g_autofree char *fresh = g_build_filename (tmpdir, "fresh.db", NULL);
  g_autofree char *last = NULL;
  WindowQuery error_window = { NULL, FALSE };
  WindowQuery demo_window = { demo_path, TRUE };
  WindowQuery fresh_window = { fresh, TRUE };

  /* A file that is not a workspace: a window explains, and offers ways on. */
  cw_test_write_random (broken, 5000);
  cw_application_open_workspace (app, broken, CW_STORE_OPEN_DEFAULT);
  cw_test_iterate_until (find_app_window, &error_window, 5000);

  /* A good one replaces the error window and becomes the last workspace. */
  cw_application_open_workspace (app, demo_path, CW_STORE_OPEN_NO_CREATE);
  cw_test_iterate_until (find_app_window, &demo_window, 5000);
  cw_test_iterate_until (NULL, NULL, 50);
  g_assert_false (find_app_window (&error_window));
  last = g_settings_get_string (settings, "last-workspace");
  g_assert_cmpstr (last, ==, demo_path);

  /* Opening it again presents the same window instead of a second one. */
  cw_application_open_workspace (app, demo_path, CW_STORE_OPEN_NO_CREATE);
  cw_test_iterate_until (NULL, NULL, 100);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);

  /* New Workspace creates the file and opens it. */
  cw_application_open_workspace (app, fresh, CW_STORE_OPEN_CREATE_NEW);
  cw_test_iterate_until (find_app_window, &fresh_window, 5000);
  g_assert_true (g_file_test (fresh, G_FILE_TEST_IS_REGULAR));

  close_all_windows ();
  g_settings_reset (settings, "last-workspace");
}

static void
test_preferences (void)
{
  GSettings *settings = cw_application_get_settings (app);
  CwWindow *window = new_window ();
  CwPreferencesWindow *preferences = cw_preferences_window_new (settings);
  g_autoptr(GList) rows = NULL;
  g_autofree char *shot = NULL;
  g_autofree char *scheme = NULL;
  GtkWidget *combo = NULL;
  GtkWidget *toggle = NULL;
  GtkWidget *widget;

  gtk_window_set_transient_for (GTK_WINDOW (preferences), GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (preferences));
  shot = cw_test_save_screenshot (GTK_WIDGET (preferences), "preferences.png");

  /* Find the style row and the switch by walking the widget tree. */
  widget = GTK_WIDGET (preferences);
  while (widget != NULL)
    {
      if (ADW_IS_COMBO_ROW (widget) && combo == NULL)
        combo = widget;
      if (GTK_IS_SWITCH (widget) && toggle == NULL)
        toggle = widget;

      if (gtk_widget_get_first_child (widget) != NULL)
        widget = gtk_widget_get_first_child (widget);
      else
        {
          while (widget != NULL && gtk_widget_get_next_sibling (widget) == NULL)
            widget = widget == GTK_WIDGET (preferences) ? NULL : gtk_widget_get_parent (widget);
          if (widget != NULL)
            widget = widget == GTK_WIDGET (preferences) ? NULL : gtk_widget_get_next_sibling (widget);
        }
    }
  g_assert_nonnull (combo);
  g_assert_nonnull (toggle);

  adw_combo_row_set_selected (ADW_COMBO_ROW (combo), 2);
  scheme = g_settings_get_string (settings, "color-scheme");
  g_assert_cmpstr (scheme, ==, "dark");
  g_settings_set_string (settings, "color-scheme", "light");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (combo)), ==, 1);

  g_assert_true (g_settings_get_boolean (settings, "reopen-last-workspace"));
  gtk_switch_set_active (GTK_SWITCH (toggle), FALSE);
  g_assert_false (g_settings_get_boolean (settings, "reopen-last-workspace"));

  gtk_window_destroy (GTK_WINDOW (preferences));
  g_settings_reset (settings, "color-scheme");
  g_settings_reset (settings, "reopen-last-workspace");
  close_window (window);
}

static gboolean
has_window_of_type (gpointer data)
{
  GType type = GPOINTER_TO_SIZE (data);
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (item, type) && gtk_widget_get_visible (GTK_WIDGET (item)))
        return TRUE;
    }

  return FALSE;
}

static void
test_menu_windows (void)
{
  CwWindow *window = new_window ();

  /* The shortcuts window is built from the resources on first use. */
  g_assert_false (has_window_of_type (GSIZE_TO_POINTER (GTK_TYPE_SHORTCUTS_WINDOW)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  cw_test_iterate_until (has_window_of_type, GSIZE_TO_POINTER (GTK_TYPE_SHORTCUTS_WINDOW), 2000);

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  cw_test_iterate_until (has_window_of_type, GSIZE_TO_POINTER (ADW_TYPE_ABOUT_WINDOW), 2000);

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  cw_test_iterate_until (has_window_of_type, GSIZE_TO_POINTER (CW_TYPE_PREFERENCES_WINDOW), 2000);

  for (const char *const *name = (const char *[]) { "new-workspace", "open-workspace", "open-demo",
                                                    "quit", NULL }; *name; name++)
    g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), *name));

  close_all_windows ();
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  CwDemoOptions options = { .seed = 5, .n_cis = 1500 };
  g_autoptr(CwClock) clock = NULL;
  int status;

  if (!cw_test_display_init (&argc, &argv))
    return 0;

  tmpdir = cw_test_make_tmpdir ();
  demo_path = g_build_filename (tmpdir, "demo-ws.db", NULL);
  clock = cw_clock_new ();
  g_assert_true (cw_demo_create (demo_path, &options, clock, NULL, &error));
  g_assert_no_error (error);

  app = cw_application_new (G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  /* The tests open windows themselves; keep the application alive. */
  g_application_hold (G_APPLICATION (app));

  g_test_add_func ("/display/window/every-pane", test_every_pane);
  g_test_add_func ("/display/window/inventory-counts", test_inventory_counts);
  g_test_add_func ("/display/window/dark-style", test_dark_style);
  g_test_add_func ("/display/window/remembers-size-and-pane", test_remembers_size_and_pane);
  g_test_add_func ("/display/window/error", test_error_window);
  g_test_add_func ("/display/window/menu-windows", test_menu_windows);
  g_test_add_func ("/display/app/opens-workspaces", test_app_opens_workspaces);
  g_test_add_func ("/display/preferences", test_preferences);

  status = g_test_run ();

  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  cw_test_remove_tree (tmpdir);
  g_free (tmpdir);
  g_free (demo_path);
  return status;
}
