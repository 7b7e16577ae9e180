/* cw-ci-field.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-ci-field"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cw-ci-field.h"

typedef struct
{
  const char *key;
  const char *label;
} Term;

static const Term fields[CW_CI_N_FIELDS] = {
  [CW_CI_FIELD_CLASS]              = { "class",              N_("Class") },
  [CW_CI_FIELD_NAME]               = { "name",               N_("Name") },
  [CW_CI_FIELD_MANUFACTURER]       = { "manufacturer",       N_("Manufacturer") },
  [CW_CI_FIELD_MODEL]              = { "model",              N_("Model") },
  [CW_CI_FIELD_SERIAL]             = { "serial",             N_("Serial Number") },
  [CW_CI_FIELD_ASSET_TAG]          = { "asset_tag",          N_("Asset Tag") },
  [CW_CI_FIELD_SITE]               = { "site",               N_("Site") },
  [CW_CI_FIELD_IP_ADDRESS]         = { "ip_address",         N_("IP Address") },
  [CW_CI_FIELD_FIRMWARE_VERSION]   = { "firmware_version",   N_("Firmware") },
  [CW_CI_FIELD_OS_VERSION]         = { "os_version",         N_("OS / Software") },
  [CW_CI_FIELD_LIFECYCLE_STATUS]   = { "lifecycle_status",   N_("Lifecycle") },
  [CW_CI_FIELD_OPERATIONAL_STATUS] = { "operational_status", N_("Operational Status") },
  [CW_CI_FIELD_SYS_ID]             = { "sys_id",             N_("ServiceNow sys_id") },
  [CW_CI_FIELD_NOTES]              = { "notes",              N_("Notes") },
};

/* The same order as the keys lists below. */
static const Term classes[] = {
  { "server",      N_("Server") },
  { "switch",      N_("Switch") },
  { "router",      N_("Router") },
  { "firewall",    N_("Firewall") },
  { "storage",     N_("Storage Array") },
  { "controller",  N_("Controller") },
  { "iot",         N_("IoT / Network Device") },
  { "hypervisor",  N_("Hypervisor") },
  { "database",    N_("Database") },
  { "application", N_("Application") },
  { "certificate", N_("Certificate") },
  { "licence",     N_("Licence") },
};
static const char * const class_keys[] = {
  "server", "switch", "router", "firewall", "storage", "controller", "iot",
  "hypervisor", "database", "application", "certificate", "licence", NULL
};

/* ServiceNow's install_status choices, in their value order. */
static const Term lifecycle_statuses[] = {
  { "installed",       N_("Installed") },
  { "on_order",        N_("On Order") },
  { "in_maintenance",  N_("In Maintenance") },
  { "pending_install", N_("Pending Install") },
  { "pending_repair",  N_("Pending Repair") },
  { "in_stock",        N_("In Stock") },
  { "retired",         N_("Retired") },
  { "stolen",          N_("Stolen") },
  { "absent",          N_("Absent") },
};
static const char * const lifecycle_keys[] = {
  "installed", "on_order", "in_maintenance", "pending_install", "pending_repair",
  "in_stock", "retired", "stolen", "absent", NULL
};

/* ServiceNow's operational_status choices, in their value order. */
static const Term operational_statuses[] = {
  { "operational",        N_("Operational") },
  { "non_operational",    N_("Non-Operational") },
  { "repair_in_progress", N_("Repair in Progress") },
  { "dr_standby",         N_("DR Standby") },
  { "ready",              N_("Ready") },
  { "retired",            N_("Retired") },
  { "pipeline",           N_("Pipeline") },
  { "catalog",            N_("Catalog") },
};
static const char * const operational_keys[] = {
  "operational", "non_operational", "repair_in_progress", "dr_standby", "ready",
  "retired", "pipeline", "catalog", NULL
};

static const Term *
find_term (const Term *terms,
           gsize       n_terms,
           const char *key)
{
  if (key == NULL)
    return NULL;

  for (gsize i = 0; i < n_terms; i++)
    {
      if (strcmp (terms[i].key, key) == 0)
        return &terms[i];
    }

  return NULL;
}

const char *
cw_ci_field_get_key (CwCiField field)
{
  g_return_val_if_fail (field < CW_CI_N_FIELDS, NULL);

  return fields[field].key;
}

const char *
cw_ci_field_get_label (CwCiField field)
{
  g_return_val_if_fail (field < CW_CI_N_FIELDS, NULL);

  return _(fields[field].label);
}

gboolean
cw_ci_field_from_key (const char *key,
                      CwCiField  *field)
{
  const Term *term = find_term (fields, G_N_ELEMENTS (fields), key);

  if (term == NULL)
    return FALSE;

  if (field != NULL)
    *field = (CwCiField) (term - fields);

  return TRUE;
}

const char * const *
cw_ci_classes (void)
{
  return class_keys;
}

/* An unknown key is returned as it is, so that the caller always has text. */
const char *
cw_ci_class_get_label (const char *klass)
{
  const Term *term = find_term (classes, G_N_ELEMENTS (classes), klass);

  return term != NULL ? _(term->label) : klass;
}

gboolean
cw_ci_class_is_valid (const char *klass)
{
  return find_term (classes, G_N_ELEMENTS (classes), klass) != NULL;
}

const char * const *
cw_ci_lifecycle_statuses (void)
{
  return lifecycle_keys;
}

const char *
cw_ci_lifecycle_status_get_label (const char *status)
{
  const Term *term = find_term (lifecycle_statuses, G_N_ELEMENTS (lifecycle_statuses), status);

  return term != NULL ? _(term->label) : status;
}

gboolean
cw_ci_lifecycle_status_is_valid (const char *status)
{
  return find_term (lifecycle_statuses, G_N_ELEMENTS (lifecycle_statuses), status) != NULL;
}

const char * const *
cw_ci_operational_statuses (void)
{
  return operational_keys;
}

const char *
cw_ci_operational_status_get_label (const char *status)
{
  const Term *term = find_term (operational_statuses, G_N_ELEMENTS (operational_statuses), status);

  return term != NULL ? _(term->label) : status;
}

gboolean
cw_ci_operational_status_is_valid (const char *status)
{
  return find_term (operational_statuses, G_N_ELEMENTS (operational_statuses), status) != NULL;
}
