/* cw-preferences-window.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-preferences-window"

#include "config.h"

#include "cw-paths.h"
#include "cw-preferences-window.h"

/* Every row is bound to a GSettings key: a change applies at once, and
 * there is nothing to save. */
struct _CwPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Template widgets */
  AdwActionRow         *default_row;
  GtkSwitch            *reopen_switch;
  AdwComboRow          *style_row;

  /* Owned */
  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (CwPreferencesWindow, cw_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The combo row's positions, in the order of its model. */
static const char * const color_schemes[] = { "default", "light", "dark" };

static gboolean
style_get_mapping (GValue   *value,
                   GVariant *variant,
                   gpointer  user_data)
{
  const char *scheme = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (color_schemes); i++)
    if (g_str_equal (scheme, color_schemes[i]))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }

  g_value_set_uint (value, 0);
  return TRUE;
}

static GVariant *
style_set_mapping (const GValue       *value,
                   const GVariantType *expected_type,
                   gpointer            user_data)
{
  guint position = g_value_get_uint (value);

  if (position >= G_N_ELEMENTS (color_schemes))
    position = 0;

  return g_variant_new_string (color_schemes[position]);
}

static void
cw_preferences_window_constructed (GObject *object)
{
  CwPreferencesWindow *self = (CwPreferencesWindow *)object;
  g_autofree char *default_path = cw_paths_default_workspace ();

  G_OBJECT_CLASS (cw_preferences_window_parent_class)->constructed (object);

  g_settings_bind_with_mapping (self->settings, "color-scheme",
                                self->style_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                style_get_mapping, style_set_mapping, NULL, NULL);
  g_settings_bind (self->settings, "reopen-last-workspace",
                   self->reopen_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  adw_action_row_set_subtitle (self->default_row, default_path);
}

static void
cw_preferences_window_dispose (GObject *object)
{
  CwPreferencesWindow *self = (CwPreferencesWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), CW_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (cw_preferences_window_parent_class)->dispose (object);
}

static void
cw_preferences_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  CwPreferencesWindow *self = CW_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cw_preferences_window_class_init (CwPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cw_preferences_window_constructed;
  object_class->dispose = cw_preferences_window_dispose;
  object_class->set_property = cw_preferences_window_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/changeward/Changeward/ui/preferences/cw-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CwPreferencesWindow, default_row);
  gtk_widget_class_bind_template_child (widget_class, CwPreferencesWindow, reopen_switch);
  gtk_widget_class_bind_template_child (widget_class, CwPreferencesWindow, style_row);
}

static void
cw_preferences_window_init (CwPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

CwPreferencesWindow *
cw_preferences_window_new (GSettings *settings)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (CW_TYPE_PREFERENCES_WINDOW,
                       "settings", settings,
                       NULL);
}
