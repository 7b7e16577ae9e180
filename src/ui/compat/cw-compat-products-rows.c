/* cw-compat-products-rows.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-compat-products-rows"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cw-compat-products-private.h"

/* The rows of the Products view's groups: one per version (its dates, the
 * approved version and the end of support in words, and a menu of what
 * applies to it), one per upgrade hop and one per matching rule, each
 * with the id of what it shows. Groups without items say so in a dimmed
 * row that has no id. */

gint64
_cw_compat_products_get_row_id (GtkWidget *row)
{
  const gint64 *id = row != NULL ? g_object_get_data (G_OBJECT (row), "cw-id") : NULL;

  return id != NULL ? *id : 0;
}

void
_cw_compat_products_set_row_id (GtkWidget *row,
                                gint64     id)
{
  g_object_set_data_full (G_OBJECT (row), "cw-id", g_memdup2 (&id, sizeof id), g_free);
}

static void
clear_group (AdwPreferencesGroup *group,
             GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

/* Today as YYYY-MM-DD by the context's clock, which tests set. */
static char *
dup_today (CwCompatProducts *self)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (self->context == NULL)
    return g_strdup ("");

  now = cw_clock_get_now (cw_context_get_clock (self->context));
  local = g_date_time_to_local (now);
  return g_date_time_format (local, "%Y-%m-%d");
}

static char *
format_dates (const CwCompatVersion *version,
              gboolean               ended)
{
  const char *released = version->released;
  const char *end = version->end_of_support;

  if (released != NULL && end != NULL)
    return ended ?
      /* Translators: a version's dates, release then end of support (in the past) */
      g_strdup_printf (_("Released %s · Support ended %s"), released, end) :
      /* Translators: a version's dates, release then end of support */
      g_strdup_printf (_("Released %s · Support ends %s"), released, end);

  if (released != NULL)
    return g_strdup_printf (_("Released %s"), released);

  if (end != NULL)
    return ended ? g_strdup_printf (_("Support ended %s"), end)
                 : g_strdup_printf (_("Support ends %s"), end);

  return g_strdup (_("No dates recorded"));
}

/* A word with an icon, so that a state never shows by colour alone. */
static GtkWidget *
create_tag (const char *icon_name,
            const char *text,
            const char *style_class,
            const char *tooltip)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (box, style_class);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_set_tooltip_text (box, tooltip);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);

  return box;
}

static void
append_item (GMenu      *section,
             const char *label,
             const char *action,
             GVariant   *target,
             const char *accel)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target_value (item, action, target);
  /* Shown next to the item: how the keys do the same on a focused row. */
  if (accel != NULL)
    g_menu_item_set_attribute (item, "accel", "s", accel);
  g_menu_append_item (section, item);
}

/* Only what applies: the first version has no Move Up, and so on. */
static GMenuModel *
create_version_menu (const CwCompatVersion *version,
                     guint                  position,
                     guint                  n_versions)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) approval = g_menu_new ();
  g_autoptr(GMenu) order = g_menu_new ();
  g_autoptr(GMenu) edit = g_menu_new ();

  if (version->approved)
    append_item (approval, _("_Clear Approval"), "products.clear-approved", NULL, NULL);
  else
    append_item (approval, _("Set as _Approved"), "products.set-approved",
                 g_variant_new_int64 (version->id), NULL);

  if (position > 0)
    append_item (order, _("Move _Up"), "products.move-up", g_variant_new_int64 (version->id),
                 "<Alt>Up");
  if (position + 1 < n_versions)
    append_item (order, _("Move _Down"), "products.move-down", g_variant_new_int64 (version->id),
                 "<Alt>Down");

  append_item (edit, _("_Edit…"), "products.edit-version", g_variant_new_int64 (version->id),
               NULL);
  append_item (edit, _("_Delete…"), "products.delete-version", g_variant_new_int64 (version->id),
               NULL);

  g_menu_append_section (menu, NULL, G_MENU_MODEL (approval));
  if (g_menu_model_get_n_items (G_MENU_MODEL (order)) > 0)
    g_menu_append_section (menu, NULL, G_MENU_MODEL (order));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (edit));

  return G_MENU_MODEL (menu);
}

static GtkWidget *
create_row (const char *title,
            const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  /* Names come from imports: never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL && subtitle[0] != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  return row;
}

static void
add_placeholder (AdwPreferencesGroup *group,
                 GPtrArray           *rows,
                 const char          *text)
{
  GtkWidget *row = create_row (text, NULL);

  gtk_widget_add_css_class (row, "dim-label");
  gtk_widget_set_focusable (row, FALSE);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (rows, row);
}

static GtkWidget *
create_delete_button (const char *tooltip,
                      const char *action,
                      gint64      id)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (id));

  return button;
}

void
_cw_compat_products_fill_versions (CwCompatProducts *self)
{
  g_autofree char *today = dup_today (self);

  clear_group (self->versions_group, self->version_rows);

  if (self->product->manual_order)
    adw_preferences_group_set_description (self->versions_group,
                                           _("In your order."));
  else
    adw_preferences_group_set_description (self->versions_group,
                                           _("Oldest first, by version number."));
  gtk_widget_set_visible (GTK_WIDGET (self->reset_order_button), self->product->manual_order);

  if (self->versions->len == 0)
    {
      add_placeholder (self->versions_group, self->version_rows, _("No versions yet"));
      return;
    }

  for (guint i = 0; i < self->versions->len; i++)
    {
      const CwCompatVersion *version = g_ptr_array_index (self->versions, i);
      gboolean ended = version->end_of_support != NULL && today[0] != '\0' &&
                       strcmp (version->end_of_support, today) < 0;
      g_autofree char *subtitle = format_dates (version, ended);
      g_autofree char *menu_label = NULL;
      g_autoptr(GMenuModel) menu = create_version_menu (version, i, self->versions->len);
      GtkWidget *row = create_row (version->version, subtitle);
      GtkWidget *button;

      _cw_compat_products_set_row_id (row, version->id);
      /* Enter on a row edits it; Alt+Up and Alt+Down move it. */
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "products.edit-version");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), g_variant_new_int64 (version->id));

      if (version->approved)
        {
          gtk_widget_add_css_class (row, "approved-version");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     create_tag ("starred-symbolic", _("Approved"), "accent",
                                                 _("The organisation's approved version")));
        }

      if (ended)
        {
          g_autofree char *tooltip = g_strdup_printf (_("Support ended on %s"), version->end_of_support);

          gtk_widget_add_css_class (row, "end-of-support");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     create_tag ("dialog-warning-symbolic", _("End of support"),
                                                 "warning", tooltip));
        }

      button = gtk_menu_button_new ();
      gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
      gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), menu);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      /* Translators: the tooltip of a version's menu button; %s is the version */
      menu_label = g_strdup_printf (_("Actions for %s"), version->version);
      gtk_widget_set_tooltip_text (button, menu_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, menu_label, -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

      adw_preferences_group_add (self->versions_group, row);
      g_ptr_array_add (self->version_rows, row);
    }
}

void
_cw_compat_products_fill_paths (CwCompatProducts *self)
{
  gboolean enough = self->versions->len >= 2;

  clear_group (self->paths_group, self->path_rows);

  gtk_widget_set_sensitive (GTK_WIDGET (self->add_path_button), enough);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->add_path_button),
                               enough ? _("Add a supported direct upgrade")
                                      : _("Add at least two versions first"));

  if (self->paths->len == 0)
    {
      add_placeholder (self->paths_group, self->path_rows, _("No upgrade hops recorded"));
      return;
    }

  for (guint i = 0; i < self->paths->len; i++)
    {
      const CwCompatPath *path = g_ptr_array_index (self->paths, i);
      g_autofree char *title = NULL;
      GtkWidget *row;

      if (g_strcmp0 (path->from_min, path->from_max) == 0)
        /* Translators: an upgrade hop from one version to another */
        title = g_strdup_printf (_("%s → %s"), path->from_min, path->to);
      else
        /* Translators: an upgrade hop from any version of a range to another version */
        title = g_strdup_printf (_("%s – %s → %s"), path->from_min, path->from_max, path->to);

      row = create_row (title, path->note);
      _cw_compat_products_set_row_id (row, path->id);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 create_delete_button (_("Remove Hop"), "products.delete-path", path->id));
      adw_preferences_group_add (self->paths_group, row);
      g_ptr_array_add (self->path_rows, row);
    }
}

static char *
describe_rule (const CwCompatRule *rule)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (rule->manufacturer != NULL)
    g_ptr_array_add (parts, g_strdup (rule->manufacturer));
  if (rule->ci_class != NULL)
    g_ptr_array_add (parts, g_strdup (cw_ci_class_get_label (rule->ci_class)));
  if (rule->model_pattern != NULL)
    /* Translators: a model pattern of a matching rule, "Catalyst 9*" */
    g_ptr_array_add (parts, g_strdup_printf (_("model “%s”"), rule->model_pattern));

  if (parts->len == 0)
    return g_strdup (_("Any configuration item"));

  g_ptr_array_add (parts, NULL);
  /* Translators: the separator between the criteria of a matching rule */
  return g_strjoinv (_(" · "), (char **) parts->pdata);
}

void
_cw_compat_products_fill_rules (CwCompatProducts *self)
{
  clear_group (self->rules_group, self->rule_rows);

  if (self->rules->len == 0)
    {
      add_placeholder (self->rules_group, self->rule_rows,
                       _("No rules: configuration items are linked to this product by hand only"));
      return;
    }

  for (guint i = 0; i < self->rules->len; i++)
    {
      const CwCompatRule *rule = g_ptr_array_index (self->rules, i);
      g_autofree char *title = describe_rule (rule);
      g_autofree char *subtitle = NULL;
      const char *field = cw_ci_field_get_label (rule->field);
      GtkWidget *row;

      if (rule->version_prefix != NULL && rule->version_prefix[0] != '\0')
        /* Translators: where a rule reads the version: a field, and a prefix stripped from it */
        subtitle = g_strdup_printf (_("Version from %s, after “%s”"), field, rule->version_prefix);
      else
        /* Translators: where a rule reads the version: a field */
        subtitle = g_strdup_printf (_("Version from %s"), field);

      row = create_row (title, subtitle);
      _cw_compat_products_set_row_id (row, rule->id);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 create_delete_button (_("Remove Rule"), "products.delete-rule", rule->id));
      adw_preferences_group_add (self->rules_group, row);
      g_ptr_array_add (self->rule_rows, row);
    }
}
