/* cw-inventory-details.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-inventory-details"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cw-inventory-components.h"
#include "cw-inventory-details.h"
#include "cw-inventory.h"

/* The side panel of the inventory: everything about one CI. Its relations
 * are shown both ways ("Runs on srv01", "Hosts db01"); activating one emits
 * "ci-activated" so that the pane moves to that CI. Point lookups only, so
 * it reads on the main thread. */
struct _CwInventoryDetails
{
  GtkWidget          parent_instance;

  /* Template widgets */
  GtkListBox        *backups_list;
  GtkListBox        *components_list;
  GtkMenuButton     *add_component_button;
  GtkImage          *class_image;
  GtkListBox        *history_list;
  GtkLabel          *name_label;
  AdwStatusPage     *none_page;
  GtkListBox        *properties_list;
  GtkListBox        *relations_list;
  GtkScrolledWindow *scroller;
  GtkStack          *stack;
  GtkLabel          *subtitle_label;

  /* Owned */
  CwStore           *store;

  gint64             ci_id;
};

G_DEFINE_FINAL_TYPE (CwInventoryDetails, cw_inventory_details, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CI_ID,
  N_PROPS
};

enum {
  CI_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const struct {
  const char *klass;
  const char *icon_name;
} class_icons[] = {
  { "server",      "network-server-symbolic" },
  { "switch",      "network-wired-symbolic" },
  { "router",      "network-workgroup-symbolic" },
  { "firewall",    "security-high-symbolic" },
  { "storage",     "drive-multidisk-symbolic" },
  { "controller",  "applications-system-symbolic" },
  { "iot",         "camera-web-symbolic" },
  { "hypervisor",  "computer-symbolic" },
  { "database",    "drive-harddisk-symbolic" },
  { "application", "application-x-executable-symbolic" },
  { "certificate", "channel-secure-symbolic" },
  { "licence",     "emblem-documents-symbolic" },
};

/**
 * cw_inventory_class_get_icon_name:
 *
 * Returns: a symbolic icon for a CI class
 */
const char *
cw_inventory_class_get_icon_name (const char *klass)
{
  for (guint i = 0; i < G_N_ELEMENTS (class_icons); i++)
    if (g_strcmp0 (class_icons[i].klass, klass) == 0)
      return class_icons[i].icon_name;

  return "text-x-generic-symbolic";
}

static char *
format_timestamp (const char *iso)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (iso == NULL)
    return g_strdup ("");

  utc = g_date_time_new_from_iso8601 (iso, NULL);
  if (utc == NULL)
    return g_strdup (iso);

  local = g_date_time_to_local (utc);
  /* Translators: a date and time, in g_date_time_format() notation */
  return g_date_time_format (local, _("%Y-%m-%d %H:%M"));
}

static const char *
get_source_label (const char *source)
{
  if (g_strcmp0 (source, "import") == 0)
    return _("Import");
  if (g_strcmp0 (source, "sync") == 0)
    return _("ServiceNow sync");
  if (g_strcmp0 (source, "execution") == 0)
    return _("Change execution");
  if (g_strcmp0 (source, "manual") == 0)
    return _("Manual edit");

  return source != NULL ? source : "";
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list));

  /* The placeholder is a child too: only rows go. */
  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      if (GTK_IS_LIST_BOX_ROW (child))
        gtk_list_box_remove (list, child);
      child = next;
    }
}

static void
set_placeholder (GtkListBox *list,
                 const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_list_box_set_placeholder (list, label);
}

static GtkWidget *
create_row (const char *title,
            const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  /* Values come from imports: never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL && subtitle[0] != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  return row;
}

static void
add_property (CwInventoryDetails *self,
              const char         *title,
              const char         *value)
{
  GtkWidget *row;
  GtkWidget *label;

  if (value == NULL || value[0] == '\0')
    return;

  row = create_row (title, NULL);
  label = gtk_label_new (value);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_RIGHT);
  /* Short values on one line; long ones wrap, but never to a sliver. */
  if (g_utf8_strlen (value, -1) > 24)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_width_chars (GTK_LABEL (label), 18);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
    }
  gtk_widget_add_css_class (label, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);

  gtk_list_box_append (self->properties_list, row);
}

static void
add_field (CwInventoryDetails *self,
           CwCi               *ci,
           CwCiField           field)
{
  g_autofree char *value = cw_ci_dup_display (ci, field);

  add_property (self, cw_ci_field_get_label (field), value);
}

static void
fill_properties (CwInventoryDetails *self,
                 CwCi               *ci)
{
  g_autofree char *site = NULL;
  g_autofree char *updated = NULL;
  const char *code = cw_ci_get_value (ci, CW_CI_FIELD_SITE);
  const char *site_name = cw_ci_get_site_name (ci);

  clear_list (self->properties_list);

  if (code != NULL && site_name != NULL)
    /* Translators: a site: its code, then its name ("FRA1 · Frankfurt Data Centre") */
    site = g_strdup_printf (_("%s · %s"), code, site_name);
  else
    site = g_strdup (code != NULL ? code : site_name);

  add_field (self, ci, CW_CI_FIELD_CLASS);
  add_property (self, cw_ci_field_get_label (CW_CI_FIELD_SITE), site);
  add_field (self, ci, CW_CI_FIELD_MANUFACTURER);
  add_field (self, ci, CW_CI_FIELD_MODEL);
  add_field (self, ci, CW_CI_FIELD_FIRMWARE_VERSION);
  add_field (self, ci, CW_CI_FIELD_OS_VERSION);
  add_field (self, ci, CW_CI_FIELD_IP_ADDRESS);
  add_field (self, ci, CW_CI_FIELD_SERIAL);
  add_field (self, ci, CW_CI_FIELD_ASSET_TAG);
  add_field (self, ci, CW_CI_FIELD_LIFECYCLE_STATUS);
  add_field (self, ci, CW_CI_FIELD_OPERATIONAL_STATUS);
  add_field (self, ci, CW_CI_FIELD_SYS_ID);
  add_field (self, ci, CW_CI_FIELD_NOTES);

  updated = format_timestamp (cw_ci_get_updated_at (ci));
  add_property (self, _("Last Updated"), updated);
}

static void
fill_relations (CwInventoryDetails *self,
                GPtrArray          *relations)
{
  clear_list (self->relations_list);

  for (guint i = 0; relations != NULL && i < relations->len; i++)
    {
      const CwCiRelation *relation = g_ptr_array_index (relations, i);
      g_autofree char *subtitle = NULL;
      GtkWidget *row;
      GtkWidget *icon;

      /* Translators: a relation seen from the CI shown, then the other CI's class
       * ("Runs on · Hypervisor") */
      subtitle = g_strdup_printf (_("%s · %s"),
                                  cw_ci_relation_kind_get_label (relation->kind, relation->incoming),
                                  cw_ci_class_get_label (relation->other_class));

      row = create_row (relation->other_name, subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

      icon = gtk_image_new_from_icon_name (cw_inventory_class_get_icon_name (relation->other_class));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));

      g_object_set_data_full (G_OBJECT (row), "cw-ci-id",
                              g_memdup2 (&relation->other_id, sizeof relation->other_id),
                              g_free);

      gtk_list_box_append (self->relations_list, row);
    }
}

static void
on_components_changed_cb (CwInventoryDetails *self)
{
  cw_inventory_details_show_ci (self, self->ci_id);
}

/* The popover is built when it opens, for the CI shown then. */
static void
create_add_popover_cb (GtkMenuButton *button,
                       gpointer       user_data)
{
  CwInventoryDetails *self = user_data;

  if (self->store == NULL || self->ci_id <= 0)
    return;

  gtk_menu_button_set_popover (button,
                               _cw_inventory_components_add_popover (self->store, self->ci_id,
                                                                     G_CALLBACK (on_components_changed_cb),
                                                                     self));
}

static void
fill_history (CwInventoryDetails *self,
              GPtrArray          *history)
{
  clear_list (self->history_list);

  /* Newest first. */
  for (guint i = history != NULL ? history->len : 0; i > 0; i--)
    {
      const CwCiVersionChange *change = g_ptr_array_index (history, i - 1);
      g_autofree char *title = NULL;
      g_autofree char *when = format_timestamp (change->changed_at);
      g_autofree char *subtitle = NULL;
      const char *field_label = change->field;
      CwCiField field;

      if (cw_ci_field_from_key (change->field, &field))
        field_label = cw_ci_field_get_label (field);

      /* Translators: a version change: the field, the old and the new version */
      title = g_strdup_printf (_("%s: %s → %s"), field_label,
                               change->old_value != NULL ? change->old_value : "—",
                               change->new_value != NULL ? change->new_value : "—");
      if (change->detail != NULL && change->detail[0] != '\0')
        /* Translators: when a version changed, how, and a detail (a file name, a change) */
        subtitle = g_strdup_printf (_("%s · %s · %s"), when, get_source_label (change->source),
                                    change->detail);
      else
        /* Translators: when a version changed, and how */
        subtitle = g_strdup_printf (_("%s · %s"), when, get_source_label (change->source));

      gtk_list_box_append (self->history_list, create_row (title, subtitle));
    }
}

static void
fill_backups (CwInventoryDetails *self,
              GPtrArray          *backups)
{
  clear_list (self->backups_list);

  for (guint i = backups != NULL ? backups->len : 0; i > 0; i--)
    {
      const CwCiBackup *backup = g_ptr_array_index (backups, i - 1);
      g_autofree char *when = format_timestamp (backup->taken_at);
      g_autofree char *size = g_format_size ((guint64) MAX (backup->size_bytes, 0));
      g_autofree char *subtitle = NULL;
      GtkWidget *row;
      GtkWidget *status;

      if (backup->checksum != NULL)
        {
          g_autofree char *checksum = g_strndup (backup->checksum, 19);

          /* Translators: a configuration backup: when, its size and the start of its checksum */
          subtitle = g_strdup_printf (_("%s · %s · %s…"), when, size, checksum);
        }
      else
        /* Translators: a configuration backup: when, and its size */
        subtitle = g_strdup_printf (_("%s · %s"), when, size);

      row = create_row (backup->location, subtitle);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 1);

      if (backup->verified)
        {
          status = gtk_image_new_from_icon_name ("emblem-ok-symbolic");
          gtk_widget_set_tooltip_text (status, _("Verified"));
          gtk_widget_add_css_class (status, "success");
        }
      else
        {
          status = gtk_label_new (_("Not verified"));
          gtk_widget_add_css_class (status, "warning");
          gtk_widget_add_css_class (status, "caption");
        }
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), status);

      gtk_list_box_append (self->backups_list, row);
    }
}

static void
show_none (CwInventoryDetails *self,
           const char         *title,
           const char         *description)
{
  adw_status_page_set_title (self->none_page, title);
  adw_status_page_set_description (self->none_page, description);
  gtk_stack_set_visible_child_name (self->stack, "none");
}

static void
on_relation_activated_cb (CwInventoryDetails *self,
                          GtkListBoxRow      *row,
                          GtkListBox         *list)
{
  const gint64 *id = g_object_get_data (G_OBJECT (row), "cw-ci-id");

  if (id != NULL)
    g_signal_emit (self, signals[CI_ACTIVATED], 0, *id);
}

static void
on_check_clicked_cb (CwInventoryDetails *self)
{
  if (self->ci_id > 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.check-compat", "x", self->ci_id);
}

static void
cw_inventory_details_dispose (GObject *object)
{
  CwInventoryDetails *self = (CwInventoryDetails *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), CW_TYPE_INVENTORY_DETAILS);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (cw_inventory_details_parent_class)->dispose (object);
}

static void
cw_inventory_details_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  CwInventoryDetails *self = CW_INVENTORY_DETAILS (object);

  switch (prop_id)
    {
    case PROP_CI_ID:
      g_value_set_int64 (value, self->ci_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cw_inventory_details_class_init (CwInventoryDetailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cw_inventory_details_dispose;
  object_class->get_property = cw_inventory_details_get_property;

  properties[PROP_CI_ID] =
    g_param_spec_int64 ("ci-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CwInventoryDetails::ci-activated:
   * @id: the CI
   *
   * A related CI was activated.
   */
  signals[CI_ACTIVATED] =
    g_signal_new ("ci-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/changeward/Changeward/ui/inventory/cw-inventory-details.ui");
  gtk_widget_class_bind_template_child (widget_class, CwInventoryDetails, backups_list);
  gtk_widget_class_bind_template_child (widget_class, CwInventoryDetails, components_list);
  gtk_widget_class_bind_template_child (widget_class, CwInventoryDetails, add_component_button);
  gtk_widget_class_bind_template_callback (widget_class, on_check_clicked_cb);
  gtk_widget_class_bind_template_child (widget_class, CwInventoryDetails, class_image);
  gtk_widget_class_bind_template_child (widget_class, CwInventoryDetails, history_list);
  gtk_widget_class_bind_template_child (widget_class, CwInventoryDetails, name_label);
  gtk_widget_class_bind_template_child (widget_class, CwInventoryDetails, none_page);
  gtk_widget_class_bind_template_child (widget_class, CwInventoryDetails, properties_list);
  gtk_widget_class_bind_template_child (widget_class, CwInventoryDetails, relations_list);
  gtk_widget_class_bind_template_child (widget_class, CwInventoryDetails, scroller);
  gtk_widget_class_bind_template_child (widget_class, CwInventoryDetails, stack);
  gtk_widget_class_bind_template_child (widget_class, CwInventoryDetails, subtitle_label);
  gtk_widget_class_bind_template_callback (widget_class, on_relation_activated_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "inventorydetails");
}

static void
cw_inventory_details_init (CwInventoryDetails *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  set_placeholder (self->relations_list, _("No relations to other configuration items"));
  set_placeholder (self->history_list, _("No version changes recorded"));
  set_placeholder (self->backups_list, _("No configuration backups recorded"));
  set_placeholder (self->components_list, _("No product of the compatibility matrix"));
  gtk_menu_button_set_create_popup_func (self->add_component_button, create_add_popover_cb, self, NULL);
}

void
cw_inventory_details_set_store (CwInventoryDetails *self,
                                CwStore            *store)
{
  g_return_if_fail (CW_IS_INVENTORY_DETAILS (self));
  g_return_if_fail (store == NULL || CW_IS_STORE (store));

  g_set_object (&self->store, store);
}

/**
 * cw_inventory_details_show_ci:
 * @id: a CI, or 0 for none
 *
 * Reads the CI again, also when it is the one shown.
 *
 * Returns: %TRUE if the CI was found
 */
gboolean
cw_inventory_details_show_ci (CwInventoryDetails *self,
                              gint64              id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwCi) ci = NULL;
  g_autoptr(GPtrArray) relations = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autofree char *klass = NULL;
  g_autofree char *subtitle = NULL;
  const char *site;

  g_return_val_if_fail (CW_IS_INVENTORY_DETAILS (self), FALSE);

  if (self->ci_id != id)
    {
      self->ci_id = id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CI_ID]);
    }

  if (id <= 0 || self->store == NULL)
    {
      show_none (self, _("No Item Selected"),
                 _("Select a configuration item to see its properties, relations, "
                   "version history and backups."));
      return FALSE;
    }

  ci = cw_inventory_get_ci (self->store, id, &error);
  if (ci == NULL)
    {
      g_debug ("Cannot read CI %" G_GINT64_FORMAT ": %s", id, error->message);
      show_none (self, _("Configuration Item Not Found"), error->message);
      return FALSE;
    }

  relations = cw_inventory_list_relations (self->store, id, &error);
  if (relations == NULL)
    {
      g_debug ("Cannot read the relations of CI %" G_GINT64_FORMAT ": %s", id, error->message);
      g_clear_error (&error);
    }
  history = cw_inventory_list_history (self->store, id, &error);
  if (history == NULL)
    {
      g_debug ("Cannot read the history of CI %" G_GINT64_FORMAT ": %s", id, error->message);
      g_clear_error (&error);
    }
  backups = cw_inventory_list_backups (self->store, id, &error);
  if (backups == NULL)
    {
      g_debug ("Cannot read the backups of CI %" G_GINT64_FORMAT ": %s", id, error->message);
      g_clear_error (&error);
    }

  klass = cw_ci_dup_display (ci, CW_CI_FIELD_CLASS);
  site = cw_ci_get_site_name (ci);
  if (site == NULL)
    site = cw_ci_get_value (ci, CW_CI_FIELD_SITE);
  if (site != NULL)
    /* Translators: under a CI's name: its class and its site ("Switch · London Docklands") */
    subtitle = g_strdup_printf (_("%s · %s"), klass, site);
  else
    subtitle = g_strdup (klass);

  gtk_image_set_from_icon_name (self->class_image,
                                cw_inventory_class_get_icon_name (cw_ci_get_value (ci, CW_CI_FIELD_CLASS)));
  gtk_label_set_label (self->name_label, cw_ci_get_value (ci, CW_CI_FIELD_NAME));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->name_label), cw_ci_get_value (ci, CW_CI_FIELD_NAME));
  gtk_label_set_label (self->subtitle_label, subtitle);

  fill_properties (self, ci);
  /* A new popover for this CI when it opens next. */
  gtk_menu_button_set_popover (self->add_component_button, NULL);
  _cw_inventory_components_fill (self->components_list, self->store, ci,
                                 G_CALLBACK (on_components_changed_cb), self);
  fill_relations (self, relations);
  fill_history (self, history);
  fill_backups (self, backups);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  gtk_stack_set_visible_child_name (self->stack, "ci");

  return TRUE;
}

gint64
cw_inventory_details_get_ci_id (CwInventoryDetails *self)
{
  g_return_val_if_fail (CW_IS_INVENTORY_DETAILS (self), 0);

  return self->ci_id;
}

/**
 * cw_inventory_details_get_relations:
 *
 * Returns: (transfer none): the list of relations, one row each
 */
GtkListBox *
cw_inventory_details_get_relations (CwInventoryDetails *self)
{
  g_return_val_if_fail (CW_IS_INVENTORY_DETAILS (self), NULL);

  return self->relations_list;
}

GtkListBox *
cw_inventory_details_get_components (CwInventoryDetails *self)
{
  g_return_val_if_fail (CW_IS_INVENTORY_DETAILS (self), NULL);

  return self->components_list;
}

GtkMenuButton *
cw_inventory_details_get_add_component_button (CwInventoryDetails *self)
{
  g_return_val_if_fail (CW_IS_INVENTORY_DETAILS (self), NULL);

  return self->add_component_button;
}
