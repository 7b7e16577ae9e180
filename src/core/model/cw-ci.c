/* cw-ci.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-ci"

#include "config.h"

#include "cw-ci.h"

/* An immutable snapshot of one configuration item, as the inventory list
 * model builds them on demand. Writes go through the inventory functions. */
struct _CwCi
{
  GObject  parent_instance;

  gint64   id;
  gint64   site_id;
  char    *values[CW_CI_N_FIELDS];
  char    *site_name;
  char    *updated_at;
};

G_DEFINE_FINAL_TYPE (CwCi, cw_ci, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cw_ci_finalize (GObject *object)
{
  CwCi *self = (CwCi *) object;

  for (guint i = 0; i < CW_CI_N_FIELDS; i++)
    g_free (self->values[i]);
  g_free (self->site_name);
  g_free (self->updated_at);

  G_OBJECT_CLASS (cw_ci_parent_class)->finalize (object);
}

static void
cw_ci_get_property (GObject    *object,
                    guint       prop_id,
                    GValue     *value,
                    GParamSpec *pspec)
{
  CwCi *self = CW_CI (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->values[CW_CI_FIELD_NAME]);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cw_ci_class_init (CwCiClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cw_ci_finalize;
  object_class->get_property = cw_ci_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cw_ci_init (CwCi *self)
{
}

CwCi *
cw_ci_new (gint64              id,
           const char * const *values,
           gint64              site_id,
           const char         *site_name,
           const char         *updated_at)
{
  CwCi *self;

  g_return_val_if_fail (values != NULL, NULL);

  self = g_object_new (CW_TYPE_CI, NULL);
  self->id = id;
  self->site_id = site_id;
  for (guint i = 0; i < CW_CI_N_FIELDS; i++)
    self->values[i] = g_strdup (values[i]);
  self->site_name = g_strdup (site_name);
  self->updated_at = g_strdup (updated_at);

  return self;
}

gint64
cw_ci_get_id (CwCi *self)
{
  g_return_val_if_fail (CW_IS_CI (self), 0);

  return self->id;
}

const char *
cw_ci_get_value (CwCi      *self,
                 CwCiField  field)
{
  g_return_val_if_fail (CW_IS_CI (self), NULL);
  g_return_val_if_fail (field < CW_CI_N_FIELDS, NULL);

  return self->values[field];
}

/* The value as a person reads it: labels for class and statuses. */
char *
cw_ci_dup_display (CwCi      *self,
                   CwCiField  field)
{
  const char *value;

  g_return_val_if_fail (CW_IS_CI (self), NULL);
  g_return_val_if_fail (field < CW_CI_N_FIELDS, NULL);

  value = self->values[field];
  if (value == NULL)
    return g_strdup ("");

  switch (field)
    {
    case CW_CI_FIELD_CLASS:
      return g_strdup (cw_ci_class_get_label (value));

    case CW_CI_FIELD_LIFECYCLE_STATUS:
      return g_strdup (cw_ci_lifecycle_status_get_label (value));

    case CW_CI_FIELD_OPERATIONAL_STATUS:
      return g_strdup (cw_ci_operational_status_get_label (value));

    case CW_CI_FIELD_NAME:
    case CW_CI_FIELD_MANUFACTURER:
    case CW_CI_FIELD_MODEL:
    case CW_CI_FIELD_SERIAL:
    case CW_CI_FIELD_ASSET_TAG:
    case CW_CI_FIELD_SITE:
    case CW_CI_FIELD_IP_ADDRESS:
    case CW_CI_FIELD_FIRMWARE_VERSION:
    case CW_CI_FIELD_OS_VERSION:
    case CW_CI_FIELD_SYS_ID:
    case CW_CI_FIELD_NOTES:
    case CW_CI_N_FIELDS:
    default:
      return g_strdup (value);
    }
}

gint64
cw_ci_get_site_id (CwCi *self)
{
  g_return_val_if_fail (CW_IS_CI (self), 0);

  return self->site_id;
}

const char *
cw_ci_get_site_name (CwCi *self)
{
  g_return_val_if_fail (CW_IS_CI (self), NULL);

  return self->site_name;
}

const char *
cw_ci_get_updated_at (CwCi *self)
{
  g_return_val_if_fail (CW_IS_CI (self), NULL);

  return self->updated_at;
}
