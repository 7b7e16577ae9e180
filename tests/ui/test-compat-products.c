/* test-compat-products.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-compat-products"

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "cw-compat-edit-dialog.h"
#include "cw-compat-products.h"
#include "cw-compat.h"
#include "cw-demo.h"
#include "cw-test-display.h"
#include "cw-test-fixture.h"
#include "cw-ui-resources.h"

/* The Products view of the Compatibility pane on a small workspace: what it
 * shows is checked against core's lists, and every edit made through the
 * view's actions and dialogs against the store. The fake clock stands at
 * 2026-03-29, so 16.12.4 (support ended 2025-07-31) is past its end. */

static char *tmpdir;
static guint n_workspaces;

typedef struct
{
  CwStore          *store;
  CwContext        *context;
  GtkWindow        *window;
  CwCompatProducts *products;
  guint             n_changed;
  gint64            ios;          /* Cisco IOS XE */
  gint64            esxi;         /* VMware ESXi */
} Fixture;

typedef enum
{
  WORKSPACE_SMALL,
  WORKSPACE_EMPTY,
  WORKSPACE_DEMO,
} Workspace;

/* Helpers */

#define ACTIVATE(fixture, ...) \
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET ((fixture)->products), __VA_ARGS__))

static gint64
add_version (CwStore    *store,
             gint64      product,
             const char *version,
             const char *released,
             const char *end)
{
  g_autoptr(GError) error = NULL;
  gint64 id = cw_compat_add_version (store, product, version, released, end, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
fill_workspace (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  CwStore *store = fixture->store;
  CwCompatRule rule = {
    .manufacturer = (char *) "Cisco", .ci_class = (char *) "switch",
    .model_pattern = (char *) "Catalyst 9*", .field = CW_CI_FIELD_FIRMWARE_VERSION,
    .version_prefix = (char *) "",
  };
  gint64 idrac;
  gint64 approved;

  fixture->ios = cw_compat_add_product (store, "Cisco IOS XE", "Cisco", &error);
  g_assert_no_error (error);
  /* Added out of order: the view shows the comparator's order. */
  add_version (store, fixture->ios, "17.9.4a", "2023-07-20", "2027-07-31");
  add_version (store, fixture->ios, "16.12.4", "2020-07-31", "2025-07-31");
  add_version (store, fixture->ios, "17.3.1", "2020-08-10", "2026-08-10");
  approved = add_version (store, fixture->ios, "17.6.5", "2023-01-27", "2027-01-31");
  add_version (store, fixture->ios, "17.12.1", "2023-12-01", NULL);
  g_assert_true (cw_compat_set_approved (store, fixture->ios, approved, &error));
  g_assert_no_error (error);

  cw_compat_add_path (store, fixture->ios, "16.12.4", "16.12.4", "17.3.1", NULL, &error);
  g_assert_no_error (error);
  cw_compat_add_path (store, fixture->ios, "17.3.1", "17.6.5", "17.9.4a",
                      "Install mode only; convert bundle mode first", &error);
  g_assert_no_error (error);

  rule.product_id = fixture->ios;
  cw_compat_add_rule (store, &rule, &error);
  g_assert_no_error (error);

  fixture->esxi = cw_compat_add_product (store, "VMware ESXi", "VMware", &error);
  g_assert_no_error (error);
  add_version (store, fixture->esxi, "8.0", "2022-10-11", "2027-10-11");
  add_version (store, fixture->esxi, "7.0U3", "2021-10-05", "2025-10-02");

  idrac = cw_compat_add_product (store, "Dell iDRAC9", NULL, &error);
  g_assert_no_error (error);
  add_version (store, idrac, "6.10.30.00", "2023-02-01", NULL);
}

static void
on_changed_cb (Fixture *fixture)
{
  fixture->n_changed++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwClock) clock = cw_test_fake_clock ();
  g_autofree char *name = g_strdup_printf ("compat-%u.db", ++n_workspaces);
  g_autofree char *path = g_build_filename (tmpdir, name, NULL);
  Workspace workspace = GPOINTER_TO_INT (data);
  CwDemoOptions demo = { .seed = 1, .n_cis = 300 };

  fixture->store = cw_store_open (path, CW_STORE_OPEN_CREATE_NEW, &error);
  g_assert_no_error (error);
  if (workspace == WORKSPACE_SMALL)
    fill_workspace (fixture);
  else if (workspace == WORKSPACE_DEMO)
    g_assert_true (cw_demo_populate (fixture->store, clock, &demo, NULL, &error));
  g_assert_no_error (error);
  fixture->context = cw_context_new (fixture->store, clock);

  fixture->window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (fixture->window, 980, 1000);

  fixture->products = g_object_new (CW_TYPE_COMPAT_PRODUCTS, NULL);
  g_signal_connect_swapped (fixture->products, "changed", G_CALLBACK (on_changed_cb), fixture);
  adw_window_set_content (ADW_WINDOW (fixture->window), GTK_WIDGET (fixture->products));
  cw_compat_products_set_context (fixture->products, fixture->context);

  gtk_window_present (fixture->window);
  cw_test_wait_for_draw (GTK_WIDGET (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWindow *window = fixture->window;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (window);
  cw_test_iterate_until (NULL, NULL, 50);
  g_assert_null (window);

  g_clear_object (&fixture->context);
  g_clear_object (&fixture->store);
}

static GPtrArray *
list_versions (Fixture *fixture,
               gint64   product)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *versions = cw_compat_list_versions (fixture->store, product, &error);

  g_assert_no_error (error);
  g_assert_nonnull (versions);
  return versions;
}

#define version_at(versions, position) ((const CwCompatVersion *) g_ptr_array_index ((versions), (position)))

static guint
count_rows (Fixture    *fixture,
            const char *group)
{
  guint n = 0;

  while (cw_compat_products_get_row (fixture->products, group, n) != NULL)
    n++;
  return n;
}

static const char *
row_title (Fixture    *fixture,
           const char *group,
           guint       position)
{
  GtkWidget *row = cw_compat_products_get_row (fixture->products, group, position);

  g_assert_nonnull (row);
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
}

/* The rows show the versions as core orders them, one for one. */
static void
assert_rows_match_store (Fixture *fixture)
{
  g_autoptr(GPtrArray) versions = list_versions (fixture, cw_compat_products_get_product_id (fixture->products));

  g_assert_cmpuint (count_rows (fixture, "versions"), ==, versions->len);
  for (guint i = 0; i < versions->len; i++)
    g_assert_cmpstr (row_title (fixture, "versions", i), ==, version_at (versions, i)->version);
}

/* The first widget under @widget (or itself) of @type whose text is @text:
 * a label's label, a button's label or a row's title; any text if NULL. */
static GtkWidget *
find_widget (GtkWidget  *widget,
             GType       type,
             const char *text)
{
  const char *own = NULL;

  if (GTK_IS_LABEL (widget))
    own = gtk_label_get_label (GTK_LABEL (widget));
  else if (GTK_IS_BUTTON (widget))
    own = gtk_button_get_label (GTK_BUTTON (widget));
  else if (ADW_IS_PREFERENCES_ROW (widget))
    own = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));

  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && (text == NULL || g_strcmp0 (own, text) == 0))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  return find_widget (widget, GTK_TYPE_LABEL, text) != NULL;
}

static guint
n_paths (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) paths = cw_compat_list_paths (fixture->store, fixture->ios, &error);

  g_assert_no_error (error);
  return paths->len;
}

/* Answers the question the view asks. */
static void
answer (Fixture    *fixture,
        const char *response)
{
  GtkWindow *dialog = cw_compat_products_get_dialog (fixture->products);

  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  gtk_window_destroy (dialog);
}

/* Runs what the view binds to Alt+@keyval, as a key press would. */
static void
press_alt (Fixture *fixture,
           guint    keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (fixture->products));
  guint n_run = 0;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      for (guint j = 0; GTK_IS_SHORTCUT_CONTROLLER (controller) &&
                        j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == GDK_ALT_MASK)
            n_run += gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                   GTK_WIDGET (fixture->products),
                                                   gtk_shortcut_get_arguments (shortcut));
        }
    }
  g_assert_cmpuint (n_run, ==, 1);
}

static CwCompatEditDialog *
open_edit_dialog (Fixture    *fixture,
                  const char *action)
{
  GtkWindow *dialog;

  ACTIVATE (fixture, action, NULL);
  dialog = cw_compat_products_get_dialog (fixture->products);
  g_assert_true (CW_IS_COMPAT_EDIT_DIALOG (dialog));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));

  return CW_COMPAT_EDIT_DIALOG (dialog);
}

static void
set_field (CwCompatEditDialog *dialog,
           const char         *key,
           const char         *value)
{
  g_assert_true (cw_compat_edit_dialog_set_field (dialog, key, value));
}

/* Tests */

static void
test_list (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) products = cw_compat_list_products (fixture->store, &error);
  g_autoptr(GPtrArray) versions = NULL;
  GtkListBox *list = cw_compat_products_get_product_list (fixture->products);
  GtkWidget *row;

  g_assert_no_error (error);
  g_assert_cmpuint (products->len, ==, 3);

  /* One sidebar row per product, by name; the first is open. */
  for (guint i = 0; i < products->len; i++)
    {
      const CwCompatProduct *product = g_ptr_array_index (products, i);
      GtkListBoxRow *list_row = gtk_list_box_get_row_at_index (list, (int) i);

      g_assert_nonnull (list_row);
      g_assert_true (has_label (GTK_WIDGET (list_row), product->name));
    }
  g_assert_null (gtk_list_box_get_row_at_index (list, (int) products->len));
  g_assert_cmpstr (cw_compat_products_get_state (fixture->products), ==, "product");
  g_assert_cmpint (cw_compat_products_get_product_id (fixture->products), ==, fixture->ios);
  g_assert_true (gtk_list_box_get_selected_row (list) == gtk_list_box_get_row_at_index (list, 0));

  /* Versions in the comparator's order, not in the order they were added. */
  versions = list_versions (fixture, fixture->ios);
  g_assert_cmpuint (versions->len, ==, 5);
  g_assert_cmpstr (version_at (versions, 0)->version, ==, "16.12.4");
  g_assert_cmpstr (version_at (versions, 4)->version, ==, "17.12.1");
  assert_rows_match_store (fixture);

  /* Dates, the approved version and the end of support, in words. */
  row = cw_compat_products_get_row (fixture->products, "versions", 0);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "Released 2020-07-31 · Support ended 2025-07-31");
  g_assert_true (gtk_widget_has_css_class (row, "end-of-support"));
  g_assert_true (has_label (row, "End of support"));
  g_assert_false (gtk_widget_has_css_class (row, "approved-version"));

  row = cw_compat_products_get_row (fixture->products, "versions", 2);
  g_assert_cmpstr (row_title (fixture, "versions", 2), ==, "17.6.5");
  g_assert_true (gtk_widget_has_css_class (row, "approved-version"));
  g_assert_true (has_label (row, "Approved"));
  g_assert_false (gtk_widget_has_css_class (row, "end-of-support"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "Released 2023-01-27 · Support ends 2027-01-31");

  row = cw_compat_products_get_row (fixture->products, "versions", 4);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Released 2023-12-01");

  /* Hops and rules. */
  g_assert_cmpuint (count_rows (fixture, "paths"), ==, 2);
  g_assert_cmpstr (row_title (fixture, "paths", 0), ==, "16.12.4 → 17.3.1");
  g_assert_cmpstr (row_title (fixture, "paths", 1), ==, "17.3.1 – 17.6.5 → 17.9.4a");
  g_assert_cmpuint (count_rows (fixture, "rules"), ==, 1);
  g_assert_cmpstr (row_title (fixture, "rules", 0), ==, "Cisco · Switch · model “Catalyst 9*”");

  /* The filter matches names and vendors. */
  gtk_editable_set_text (GTK_EDITABLE (find_widget (GTK_WIDGET (fixture->products),
                                                        GTK_TYPE_SEARCH_ENTRY, NULL)), "VMW");
  cw_test_iterate_until (NULL, NULL, 300);
  for (guint i = 0; i < products->len; i++)
    g_assert_cmpint (gtk_widget_get_child_visible (GTK_WIDGET (gtk_list_box_get_row_at_index (list, (int) i))),
                     ==, i == 2);

  /* Another product. */
  cw_compat_products_select_product (fixture->products, fixture->esxi);
  g_assert_cmpint (cw_compat_products_get_product_id (fixture->products), ==, fixture->esxi);
  assert_rows_match_store (fixture);
  g_assert_cmpstr (row_title (fixture, "versions", 0), ==, "7.0U3");
  g_assert_cmpuint (count_rows (fixture, "paths"), ==, 0);
  g_assert_cmpuint (count_rows (fixture, "rules"), ==, 0);

  /* Reading is not an edit. */
  g_assert_cmpuint (fixture->n_changed, ==, 0);
}

static void
test_move (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GPtrArray) before = list_versions (fixture, fixture->ios);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(CwCompatProduct) product = NULL;
  GtkRoot *root = GTK_ROOT (fixture->window);
  gint64 first = version_at (before, 0)->id;
  gint64 third = version_at (before, 2)->id;
  GtkWidget *row;

  /* Move Down on the first version: it swaps with the second. */
  ACTIVATE (fixture, "products.move-down", "x", first);
  after = list_versions (fixture, fixture->ios);
  g_assert_cmpint (version_at (after, 0)->id, ==, version_at (before, 1)->id);
  g_assert_cmpint (version_at (after, 1)->id, ==, first);
  g_assert_cmpuint (fixture->n_changed, ==, 1);
  product = cw_compat_get_product (fixture->store, fixture->ios, NULL);
  g_assert_true (product->manual_order);
  g_clear_pointer (&product, cw_compat_product_free);
  assert_rows_match_store (fixture);

  /* Move Up on the first one does nothing, and says nothing. */
  ACTIVATE (fixture, "products.move-up", "x", version_at (after, 0)->id);
  g_assert_cmpuint (fixture->n_changed, ==, 1);

  /* Alt+Up on the focused row moves it, and the focus follows. */
  row = NULL;
  for (guint i = 0; (row = cw_compat_products_get_row (fixture->products, "versions", i)) != NULL; i++)
    if (g_str_equal (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "17.6.5"))
      break;
  g_assert_nonnull (row);
  gtk_widget_grab_focus (row);
  g_assert_true (gtk_root_get_focus (root) == row);
  press_alt (fixture, GDK_KEY_Up);
  g_clear_pointer (&after, g_ptr_array_unref);
  after = list_versions (fixture, fixture->ios);
  g_assert_cmpint (version_at (after, 1)->id, ==, third);
  g_assert_cmpuint (fixture->n_changed, ==, 2);
  assert_rows_match_store (fixture);
  row = cw_compat_products_get_row (fixture->products, "versions", 1);
  g_assert_true (gtk_root_get_focus (root) == row);

  /* The natural order comes back with its button. */
  cw_test_wait_for_draw (GTK_WIDGET (fixture->window));
  g_free (cw_test_save_screenshot (GTK_WIDGET (fixture->window), "compat-products-manual.png"));
  ACTIVATE (fixture, "products.reset-order", NULL);
  g_clear_pointer (&after, g_ptr_array_unref);
  after = list_versions (fixture, fixture->ios);
  for (guint i = 0; i < before->len; i++)
    g_assert_cmpint (version_at (after, i)->id, ==, version_at (before, i)->id);
  product = cw_compat_get_product (fixture->store, fixture->ios, NULL);
  g_assert_false (product->manual_order);
  g_assert_cmpuint (fixture->n_changed, ==, 3);
  assert_rows_match_store (fixture);
}

static void
test_approved (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) versions = list_versions (fixture, fixture->ios);
  gint64 newest = version_at (versions, 4)->id;

  ACTIVATE (fixture, "products.set-approved", "x", newest);
  g_assert_cmpuint (fixture->n_changed, ==, 1);
  g_clear_pointer (&versions, g_ptr_array_unref);
  versions = list_versions (fixture, fixture->ios);
  for (guint i = 0; i < versions->len; i++)
    {
      GtkWidget *row = cw_compat_products_get_row (fixture->products, "versions", i);

      g_assert_cmpint (version_at (versions, i)->approved, ==, i == 4);
      g_assert_cmpint (gtk_widget_has_css_class (row, "approved-version"), ==, i == 4);
    }

  /* Cleared: no version is approved, and none says so. */
  ACTIVATE (fixture, "products.clear-approved", NULL);
  g_assert_cmpuint (fixture->n_changed, ==, 2);
  g_clear_pointer (&versions, g_ptr_array_unref);
  versions = list_versions (fixture, fixture->ios);
  for (guint i = 0; i < versions->len; i++)
    {
      g_assert_false (version_at (versions, i)->approved);
      g_assert_false (has_label (cw_compat_products_get_row (fixture->products, "versions", i),
                                 "Approved"));
    }
}

static void
test_dialogs (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwCompatVersion) added = NULL;
  g_autoptr(GPtrArray) rules = NULL;
  g_autoptr(CwCompatProduct) product = NULL;
  CwCompatEditDialog *dialog;
  AdwEntryRow *name_row;

  /* A version: a bad date is refused with a reason, in the dialog. */
  dialog = open_edit_dialog (fixture, "products.add-version");
  set_field (dialog, "version", "17.15.1");
  set_field (dialog, "released", "2025-13-01");
  g_assert_nonnull (cw_compat_edit_dialog_get_error (dialog));
  g_assert_nonnull (strstr (cw_compat_edit_dialog_get_error (dialog), "YYYY-MM-DD"));
  g_free (cw_test_save_screenshot (GTK_WIDGET (dialog), "compat-products-version-dialog.png"));
  g_assert_false (cw_compat_edit_dialog_save (dialog));
  g_assert_true (cw_compat_products_get_dialog (fixture->products) == GTK_WINDOW (dialog));
  set_field (dialog, "released", "2025-04-01");
  set_field (dialog, "end-of-support", "2024-04-01");
  g_assert_nonnull (cw_compat_edit_dialog_get_error (dialog));
  g_assert_false (cw_compat_edit_dialog_save (dialog));
  set_field (dialog, "end-of-support", "2030-04-01");
  g_assert_null (cw_compat_edit_dialog_get_error (dialog));
  g_assert_true (cw_compat_edit_dialog_save (dialog));
  cw_test_iterate_until (NULL, NULL, 50);
  g_assert_null (cw_compat_products_get_dialog (fixture->products));
  g_assert_cmpuint (fixture->n_changed, ==, 1);

  added = cw_compat_find_version (fixture->store, fixture->ios, "17.15.1", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (added->released, ==, "2025-04-01");
  g_assert_cmpstr (added->end_of_support, ==, "2030-04-01");
  g_assert_cmpuint (count_rows (fixture, "versions"), ==, 6);
  assert_rows_match_store (fixture);

  /* A version that exists: core's reason shows in the dialog, which stays. */
  dialog = open_edit_dialog (fixture, "products.add-version");
  set_field (dialog, "version", "17.3.1");
  g_assert_false (cw_compat_edit_dialog_save (dialog));
  g_assert_nonnull (cw_compat_edit_dialog_get_error (dialog));
  g_assert_true (cw_compat_products_get_dialog (fixture->products) == GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpuint (fixture->n_changed, ==, 1);

  /* Edit: a row's activation opens the version in the dialog. */
  ACTIVATE (fixture, "products.edit-version", "x", added->id);
  dialog = CW_COMPAT_EDIT_DIALOG (cw_compat_products_get_dialog (fixture->products));
  set_field (dialog, "version", "17.15.1a");
  g_assert_true (cw_compat_edit_dialog_save (dialog));
  g_clear_pointer (&added, cw_compat_version_free);
  added = cw_compat_find_version (fixture->store, fixture->ios, "17.15.1a", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (added->released, ==, "2025-04-01");
  g_assert_cmpuint (fixture->n_changed, ==, 2);

  /* A hop: a range that runs backwards is refused. */
  dialog = open_edit_dialog (fixture, "products.add-path");
  set_field (dialog, "from-min", "17.6.5");
  set_field (dialog, "from-max", "17.3.1");
  set_field (dialog, "to", "17.12.1");
  g_assert_nonnull (cw_compat_edit_dialog_get_error (dialog));
  g_assert_false (cw_compat_edit_dialog_save (dialog));
  set_field (dialog, "from-max", "17.9.4a");
  set_field (dialog, "note", "Needs 16 GB of flash");
  g_assert_null (cw_compat_edit_dialog_get_error (dialog));
  g_assert_true (cw_compat_edit_dialog_save (dialog));
  g_assert_cmpuint (n_paths (fixture), ==, 3);
  g_assert_cmpuint (count_rows (fixture, "paths"), ==, 3);
  g_assert_cmpuint (fixture->n_changed, ==, 3);

  /* A rule. */
  dialog = open_edit_dialog (fixture, "products.add-rule");
  set_field (dialog, "class", "router");
  set_field (dialog, "field", "os_version");
  set_field (dialog, "version-prefix", "IOS-XE ");
  g_assert_true (cw_compat_edit_dialog_save (dialog));
  rules = cw_compat_list_rules (fixture->store, fixture->ios, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rules->len, ==, 2);
  g_assert_cmpuint (count_rows (fixture, "rules"), ==, 2);
  g_assert_cmpuint (fixture->n_changed, ==, 4);

  /* Rename the product in place. */
  name_row = ADW_ENTRY_ROW (find_widget (GTK_WIDGET (fixture->products), ADW_TYPE_ENTRY_ROW, "_Name"));
  g_assert_nonnull (name_row);
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Cisco IOS-XE");
  g_signal_emit_by_name (name_row, "apply");
  product = cw_compat_get_product (fixture->store, fixture->ios, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (product->name, ==, "Cisco IOS-XE");
  g_assert_cmpstr (product->vendor, ==, "Cisco");
  g_assert_cmpuint (fixture->n_changed, ==, 5);
  g_assert_true (has_label (GTK_WIDGET (cw_compat_products_get_product_list (fixture->products)),
                            "Cisco IOS-XE"));

  /* A name taken: refused, and the row shows the stored name again. */
  gtk_editable_set_text (GTK_EDITABLE (name_row), "vmware esxi");
  g_signal_emit_by_name (name_row, "apply");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "Cisco IOS-XE");
  g_assert_cmpuint (fixture->n_changed, ==, 5);
}

static void
test_delete (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(GPtrArray) versions = list_versions (fixture, fixture->ios);
  g_autoptr(GPtrArray) products = NULL;
  g_autoptr(CwCompatProduct) gone = NULL;
  GtkWindow *dialog;
  GtkWidget *undo;

  /* A hop goes at once... */
  paths = cw_compat_list_paths (fixture->store, fixture->ios, &error);
  g_assert_no_error (error);
  ACTIVATE (fixture, "products.delete-path", "x", ((CwCompatPath *) g_ptr_array_index (paths, 0))->id);
  g_assert_cmpuint (n_paths (fixture), ==, 1);
  g_assert_cmpuint (count_rows (fixture, "paths"), ==, 1);
  g_assert_cmpuint (fixture->n_changed, ==, 1);

  /* ... and comes back with the toast's Undo. */
  undo = find_widget (GTK_WIDGET (fixture->products), GTK_TYPE_BUTTON, "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  g_assert_cmpuint (n_paths (fixture), ==, 2);
  g_assert_cmpuint (count_rows (fixture, "paths"), ==, 2);
  g_assert_cmpuint (fixture->n_changed, ==, 2);

  /* A version asks first; Cancel keeps it. */
  ACTIVATE (fixture, "products.delete-version", "x", version_at (versions, 4)->id);
  answer (fixture, "cancel");
  g_assert_cmpuint (count_rows (fixture, "versions"), ==, 5);

  ACTIVATE (fixture, "products.delete-version", "x", version_at (versions, 4)->id);
  answer (fixture, "delete");
  g_clear_pointer (&versions, g_ptr_array_unref);
  versions = list_versions (fixture, fixture->ios);
  g_assert_cmpuint (versions->len, ==, 4);
  assert_rows_match_store (fixture);
  g_assert_cmpuint (fixture->n_changed, ==, 3);

  /* The product, after its own question. */
  ACTIVATE (fixture, "products.delete-product", NULL);
  dialog = cw_compat_products_get_dialog (fixture->products);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), "Cisco IOS XE"));
  g_free (cw_test_save_screenshot (GTK_WIDGET (dialog), "compat-products-delete.png"));
  answer (fixture, "delete");

  gone = cw_compat_get_product (fixture->store, fixture->ios, &error);
  g_assert_null (gone);
  g_assert_error (error, CW_COMPAT_ERROR, CW_COMPAT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  products = cw_compat_list_products (fixture->store, &error);
  g_assert_cmpuint (products->len, ==, 2);
  g_assert_null (gtk_list_box_get_row_at_index (cw_compat_products_get_product_list (fixture->products), 2));
  g_assert_cmpstr (cw_compat_products_get_state (fixture->products), ==, "none");
  g_assert_cmpuint (fixture->n_changed, ==, 4);
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwCompatProduct) product = NULL;
  CwCompatEditDialog *dialog;

  g_assert_cmpstr (cw_compat_products_get_state (fixture->products), ==, "empty");
  g_free (cw_test_save_screenshot (GTK_WIDGET (fixture->window), "compat-products-empty.png"));

  /* An empty name is not enough. */
  dialog = open_edit_dialog (fixture, "products.add-product");
  g_assert_false (cw_compat_edit_dialog_save (dialog));
  set_field (dialog, "name", "Juniper Junos");
  set_field (dialog, "vendor", "Juniper Networks");
  g_assert_true (cw_compat_edit_dialog_save (dialog));

  product = cw_compat_find_product (fixture->store, "Juniper Junos", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (product->vendor, ==, "Juniper Networks");
  g_assert_cmpstr (cw_compat_products_get_state (fixture->products), ==, "product");
  g_assert_cmpint (cw_compat_products_get_product_id (fixture->products), ==, product->id);
  g_assert_cmpuint (count_rows (fixture, "versions"), ==, 0);
  /* No versions yet: no hop can be added. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->products), "products.add-path", NULL);
  g_assert_null (cw_compat_products_get_dialog (fixture->products));
  g_assert_cmpuint (fixture->n_changed, ==, 1);
}

/* The demo's products, as core lists them, each shown whole. */
static void
test_demo (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) products = cw_compat_list_products (fixture->store, &error);
  gint64 shown = 0;
  guint most = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (products->len, >=, 8);
  for (guint i = 0; i < products->len; i++)
    {
      const CwCompatProduct *product = g_ptr_array_index (products, i);
      g_autoptr(GPtrArray) paths = cw_compat_list_paths (fixture->store, product->id, &error);
      g_autoptr(GPtrArray) rules = cw_compat_list_rules (fixture->store, product->id, &error);

      g_assert_no_error (error);
      cw_compat_products_select_product (fixture->products, product->id);
      g_assert_cmpint (cw_compat_products_get_product_id (fixture->products), ==, product->id);
      assert_rows_match_store (fixture);
      g_assert_cmpuint (count_rows (fixture, "paths"), ==, paths->len);
      g_assert_cmpuint (count_rows (fixture, "rules"), ==, rules->len);
      if (paths->len > most)
        {
          most = paths->len;
          shown = product->id;
        }
    }

  g_assert_cmpuint (most, >, 0);
  cw_compat_products_select_product (fixture->products, shown);
  g_free (cw_test_save_screenshot (GTK_WIDGET (fixture->window), "compat-products-demo.png"));
  g_assert_cmpuint (fixture->n_changed, ==, 0);
}

static void
test_screenshots (Fixture       *fixture,
                  gconstpointer  data)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  GtkWidget *button = find_widget (cw_compat_products_get_row (fixture->products, "versions", 1),
                                   GTK_TYPE_MENU_BUTTON, NULL);

  g_free (cw_test_save_screenshot (GTK_WIDGET (fixture->window), "compat-products-light.png"));

  /* A version's menu, with its keys. */
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  g_free (cw_test_save_screenshot (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button))),
                                   "compat-products-menu.png"));
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  cw_test_iterate_until (cw_test_style_is_dark, NULL, 2000);
  g_free (cw_test_save_screenshot (GTK_WIDGET (fixture->window), "compat-products-dark.png"));
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  cw_test_iterate_until (cw_test_style_is_light, NULL, 2000);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (!cw_test_display_init (&argc, &argv))
    return 0;
  adw_init ();
  /* Without the application, nothing else pulls the resources in. */
  (void) cw_ui_get_resource ();

  tmpdir = cw_test_make_tmpdir ();

#define ADD(path, func, workspace) \
  g_test_add ("/display/compat-products/" path, Fixture, GINT_TO_POINTER (workspace), \
              fixture_set_up, func, fixture_tear_down)

  ADD ("list", test_list, WORKSPACE_SMALL);
  ADD ("move", test_move, WORKSPACE_SMALL);
  ADD ("approved", test_approved, WORKSPACE_SMALL);
  ADD ("dialogs", test_dialogs, WORKSPACE_SMALL);
  ADD ("delete", test_delete, WORKSPACE_SMALL);
  ADD ("empty", test_empty, WORKSPACE_EMPTY);
  ADD ("demo", test_demo, WORKSPACE_DEMO);
  ADD ("screenshots", test_screenshots, WORKSPACE_SMALL);

#undef ADD

  status = g_test_run ();

  cw_test_remove_tree (tmpdir);
  g_free (tmpdir);
  return status;
}
