/* cw-csv-layout-values.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-csv-layout"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cw-csv-layout-private.h"

/* ServiceNow classes, by table name without "cmdb_ci_" and by label, both as
 * keys: "cmdb_ci_linux_server" and "Linux Server" are both "linux_server". */
static const struct
{
  const char *name;
  const char *klass;
} servicenow_classes[] = {
  /* Our own keys and labels. */
  { "server",                            "server" },
  { "switch",                            "switch" },
  { "router",                            "router" },
  { "firewall",                          "firewall" },
  { "storage",                           "storage" },
  { "storage_array",                     "storage" },
  { "controller",                        "controller" },
  { "iot",                               "iot" },
  { "iot_network_device",                "iot" },
  { "hypervisor",                        "hypervisor" },
  { "database",                          "database" },
  { "application",                       "application" },
  { "certificate",                       "certificate" },
  { "licence",                           "licence" },
  { "license",                           "licence" },
  /* Servers. */
  { "linux_server",                      "server" },
  { "win_server",                        "server" },
  { "windows_server",                    "server" },
  { "unix_server",                       "server" },
  { "solaris_server",                    "server" },
  { "aix_server",                        "server" },
  { "hpux_server",                       "server" },
  { "hp_ux_server",                      "server" },
  { "osx_server",                        "server" },
  { "ip_server",                         "server" },
  { "chassis_server",                    "server" },
  { "mainframe",                         "server" },
  { "computer",                          "server" },
  { "ad_controller",                     "server" },
  { "active_directory_domain_controller", "server" },
  { "vm_instance",                       "server" },
  { "virtual_machine_instance",          "server" },
  { "vmware_instance",                   "server" },
  { "vmware_virtual_machine_instance",   "server" },
  /* Hypervisors. */
  { "esx_server",                        "hypervisor" },
  { "hyper_v_server",                    "hypervisor" },
  { "hyperv_server",                     "hypervisor" },
  /* Network gear. */
  { "ip_switch",                         "switch" },
  { "storage_switch",                    "switch" },
  { "ip_router",                         "router" },
  { "ip_firewall",                       "firewall" },
  { "netgear",                           "iot" },
  { "network_gear",                      "iot" },
  { "lb",                                "iot" },
  { "load_balancer",                     "iot" },
  { "wap_network",                       "iot" },
  { "wireless_access_point",             "iot" },
  { "iot_device",                        "iot" },
  { "ip_camera",                         "iot" },
  { "ip_phone",                          "iot" },
  { "printer",                           "iot" },
  { "ups",                               "iot" },
  { "pdu",                               "iot" },
  /* Storage. */
  { "storage_device",                    "storage" },
  { "storage_server",                    "storage" },
  { "san",                               "storage" },
  { "nas",                               "storage" },
  /* Databases. */
  { "db_instance",                       "database" },
  { "database_instance",                 "database" },
  { "msft_sql_instance",                 "database" },
  { "oracle_instance",                   "database" },
  { "mysql_instance",                    "database" },
  { "postgresql_instance",               "database" },
  { "db2_instance",                      "database" },
  /* Applications. */
  { "appl",                              "application" },
  { "app_server",                        "application" },
  { "application_server",                "application" },
  { "web_server",                        "application" },
  { "tomcat",                            "application" },
  /* Licences are assets in ServiceNow, not CIs. */
  { "alm_license",                       "licence" },
  { "software_license",                  "licence" },
};

/* NetBox device roles are free text: the first rule whose word (or phrase)
 * is in the role wins. A prefix rule also matches longer words ("switches"). */
static const struct
{
  const char *words;
  const char *klass;
  gboolean    prefix;
} role_rules[] = {
  { "console server",  "iot",         FALSE },
  { "terminal server", "iot",         FALSE },
  { "access point",    "iot",         FALSE },
  { "load balancer",   "iot",         FALSE },
  { "patch panel",     "iot",         FALSE },
  { "firewall",        "firewall",    TRUE },
  { "fw",              "firewall",    FALSE },
  { "ngfw",            "firewall",    FALSE },
  { "utm",             "firewall",    FALSE },
  { "router",          "router",      TRUE },
  { "switch",          "switch",      TRUE },
  { "hypervisor",      "hypervisor",  TRUE },
  { "esx",             "hypervisor",  FALSE },
  { "esxi",            "hypervisor",  FALSE },
  { "vmware",          "hypervisor",  FALSE },
  { "proxmox",         "hypervisor",  FALSE },
  { "hyperv",          "hypervisor",  FALSE },
  { "hyper v",         "hypervisor",  FALSE },
  { "virtualization",  "hypervisor",  FALSE },
  { "virtualisation",  "hypervisor",  FALSE },
  { "xen",             "hypervisor",  FALSE },
  { "nutanix",         "hypervisor",  FALSE },
  { "storage",         "storage",     FALSE },
  { "san",             "storage",     FALSE },
  { "nas",             "storage",     FALSE },
  { "disk array",      "storage",     FALSE },
  { "controller",      "controller",  TRUE },
  { "wlc",             "controller",  FALSE },
  { "server",          "server",      TRUE },
  { "compute",         "server",      FALSE },
  { "host",            "server",      TRUE },
  { "baremetal",       "server",      FALSE },
  { "bare metal",      "server",      FALSE },
  { "blade",           "server",      TRUE },
  { "vm",              "server",      FALSE },
  { "virtual machine", "server",      FALSE },
  { "database",        "database",    TRUE },
  { "db",              "database",    FALSE },
  { "application",     "application", TRUE },
  { "app",             "application", FALSE },
  { "apps",            "application", FALSE },
  { "certificate",     "certificate", TRUE },
  { "licence",         "licence",     TRUE },
  { "license",         "licence",     TRUE },
  { "leaf",            "switch",      FALSE },
  { "spine",           "switch",      FALSE },
  { "tor",             "switch",      FALSE },
  { "access",          "switch",      FALSE },
  { "distribution",    "switch",      FALSE },
  { "aggregation",     "switch",      FALSE },
  { "core",            "switch",      FALSE },
  { "edge",            "router",      FALSE },
  { "wan",             "router",      FALSE },
  { "border",          "router",      FALSE },
  { "gateway",         "router",      TRUE },
  { "bgp",             "router",      FALSE },
  { "iot",             "iot",         FALSE },
  { "pdu",             "iot",         TRUE },
  { "ups",             "iot",         FALSE },
  { "camera",          "iot",         TRUE },
  { "cctv",            "iot",         FALSE },
  { "sensor",          "iot",         TRUE },
  { "console",         "iot",         TRUE },
  { "printer",         "iot",         TRUE },
  { "phone",           "iot",         TRUE },
  { "voip",            "iot",         FALSE },
  { "ap",              "iot",         FALSE },
  { "aps",             "iot",         FALSE },
  { "wap",             "iot",         FALSE },
  { "wireless",        "iot",         FALSE },
  { "wifi",            "iot",         FALSE },
  { "oob",             "iot",         FALSE },
  { "terminal",        "iot",         FALSE },
  { "kvm",             "iot",         FALSE },
  { "modem",           "iot",         TRUE },
  { "patch",           "iot",         FALSE },
};

/* NetBox's device status fills both of our statuses. */
static const struct
{
  const char *status;
  const char *lifecycle;
  const char *operational;
} netbox_statuses[] = {
  { "active",          "installed",       "operational" },
  { "planned",         "on_order",        "pipeline" },
  { "staged",          "pending_install", "ready" },
  { "failed",          "installed",       "non_operational" },
  { "offline",         "installed",       "non_operational" },
  { "inventory",       "in_stock",        "ready" },
  { "decommissioning", "retired",         "retired" },
};

/* ServiceNow's install_status values, in the order of cw_ci_lifecycle_statuses(). */
static const char * const lifecycle_numbers[] = {
  "1", "2", "3", "4", "5", "6", "7", "8", "100",
};

static GHashTable *
servicenow_class_table (void)
{
  static GHashTable *table = NULL;

  if (g_once_init_enter (&table))
    {
      GHashTable *t = g_hash_table_new (g_str_hash, g_str_equal);

      for (gsize i = 0; i < G_N_ELEMENTS (servicenow_classes); i++)
        g_hash_table_insert (t, (gpointer) servicenow_classes[i].name,
                             (gpointer) servicenow_classes[i].klass);
      g_once_init_leave (&table, t);
    }

  return table;
}

/* A ServiceNow class (table name or label) or one of ours, as a key. */
static const char *
class_from_servicenow (const char *key)
{
  const char *klass;

  if (g_str_has_prefix (key, "cmdb_ci_"))
    key += strlen ("cmdb_ci_");

  klass = g_hash_table_lookup (servicenow_class_table (), key);
  if (klass != NULL)
    return klass;

  /* Families of tables. */
  if (g_str_has_prefix (key, "db_") && g_str_has_suffix (key, "_instance"))
    return "database";
  if (g_str_has_prefix (key, "appl_") || g_str_has_prefix (key, "app_server_"))
    return "application";
  if (g_str_has_prefix (key, "storage_"))
    return "storage";
  if (g_str_has_prefix (key, "firewall_"))
    return "firewall";

  return NULL;
}

/* A NetBox device role, by the words in it. */
static const char *
class_from_role (const char *key)
{
  char words[KEY_MAX + 2];
  gsize len = strlen (key);

  for (const char * const *k = cw_ci_classes (); *k != NULL; k++)
    {
      if (strcmp (key, *k) == 0)
        return *k;
    }

  /* " core switch " */
  words[0] = ' ';
  for (gsize i = 0; i < len; i++)
    words[i + 1] = key[i] == '_' ? ' ' : key[i];
  words[len + 1] = ' ';
  words[len + 2] = '\0';

  for (gsize i = 0; i < G_N_ELEMENTS (role_rules); i++)
    {
      const char *rule = role_rules[i].words;
      gsize rule_len = strlen (rule);

      for (const char *at = strstr (words, rule); at != NULL; at = strstr (at + 1, rule))
        {
          if (at[-1] == ' ' && (role_rules[i].prefix || at[rule_len] == ' '))
            return role_rules[i].klass;
        }
    }

  return NULL;
}

static const char *
resolve_class (CwCsvLayout  layout,
               const char  *key)
{
  const char *klass = NULL;

  switch (layout)
    {
    case CW_CSV_LAYOUT_NETBOX_EXPORT:
    case CW_CSV_LAYOUT_NETBOX_IMPORT:
      klass = class_from_role (key);
      break;
    case CW_CSV_LAYOUT_NATIVE:
    case CW_CSV_LAYOUT_SERVICENOW:
      klass = class_from_servicenow (key);
      break;
    case CW_CSV_LAYOUT_CUSTOM:
      klass = class_from_servicenow (key);
      if (klass == NULL)
        klass = class_from_role (key);
      break;
    case CW_CSV_LAYOUT_AUTO:
    default:
      g_assert_not_reached ();
    }

  return klass;
}

/* One of our statuses from its key, its label ("Non-Operational") or
 * ServiceNow's number. */
static const char *
resolve_status (const char * const *keys,
                const char * const *numbers,
                guint               n_numbers,
                const char         *key)
{
  for (guint i = 0; keys[i] != NULL; i++)
    {
      if (strcmp (key, keys[i]) == 0)
        return keys[i];
    }

  for (guint i = 0; i < n_numbers && keys[i] != NULL; i++)
    {
      if (strcmp (key, numbers[i]) == 0)
        return keys[i];
    }

  return NULL;
}

static const char *
resolve_lifecycle (const char *key)
{
  return resolve_status (cw_ci_lifecycle_statuses (), lifecycle_numbers,
                         G_N_ELEMENTS (lifecycle_numbers), key);
}

static const char *
resolve_operational (const char *key)
{
  /* Operational status values are 1 to 8, as the lifecycle's first eight. */
  return resolve_status (cw_ci_operational_statuses (), lifecycle_numbers, 8, key);
}

static gboolean
resolve_netbox_status (const char  *key,
                       const char **lifecycle,
                       const char **operational)
{
  for (gsize i = 0; i < G_N_ELEMENTS (netbox_statuses); i++)
    {
      if (strcmp (key, netbox_statuses[i].status) == 0)
        {
          *lifecycle = netbox_statuses[i].lifecycle;
          *operational = netbox_statuses[i].operational;
          return TRUE;
        }
    }

  return FALSE;
}

typedef enum
{
  UNKNOWN_CLASS,
  UNKNOWN_STATUS,
  UNKNOWN_LIFECYCLE_STATUS,
  UNKNOWN_OPERATIONAL_STATUS,
} ValueProblem;

static gboolean
set_invalid (GError       **error,
             ValueProblem   problem,
             const char    *text,
             gsize          len)
{
  g_autofree char *value = g_strndup (text, len);

  switch (problem)
    {
    case UNKNOWN_CLASS:
      g_set_error (error, CW_CSV_ERROR, CW_CSV_ERROR_INVALID_VALUE,
                   _("Unknown class “%s”."), value);
      break;
    case UNKNOWN_STATUS:
      g_set_error (error, CW_CSV_ERROR, CW_CSV_ERROR_INVALID_VALUE,
                   _("Unknown status “%s”."), value);
      break;
    case UNKNOWN_LIFECYCLE_STATUS:
      g_set_error (error, CW_CSV_ERROR, CW_CSV_ERROR_INVALID_VALUE,
                   _("Unknown lifecycle status “%s”."), value);
      break;
    case UNKNOWN_OPERATIONAL_STATUS:
      g_set_error (error, CW_CSV_ERROR, CW_CSV_ERROR_INVALID_VALUE,
                   _("Unknown operational status “%s”."), value);
      break;
    default:
      g_assert_not_reached ();
    }

  return FALSE;
}

/* NetBox writes the primary IP with its prefix length: "192.0.2.10/24". */
static gsize
strip_prefix_length (const char *text,
                     gsize       len)
{
  gsize i = len;

  while (i > 0 && g_ascii_isdigit (text[i - 1]))
    i--;

  if (i > 0 && i < len && text[i - 1] == '/' && len - i <= 3)
    return i - 1;

  return len;
}

/* Sets both statuses from a status column. Returns FALSE with @error when the
 * value is none we know. */
static gboolean
apply_status (CwCsvMapping  *mapping,
              CwCiField      field,
              const char    *text,
              gsize          len,
              CwCiRecord    *record,
              GError       **error)
{
  char key[KEY_MAX];
  const char *lifecycle = NULL;
  const char *operational = NULL;
  gboolean both;

  if (!cw_csv_layout_keyify (text, len, key, sizeof key))
    key[0] = '\0';

  /* A NetBox status column gives both statuses. */
  both = mapping->field_columns[CW_CI_FIELD_LIFECYCLE_STATUS]
         == mapping->field_columns[CW_CI_FIELD_OPERATIONAL_STATUS];

  if (both)
    {
      if (resolve_netbox_status (key, &lifecycle, &operational))
        ;
      else if ((lifecycle = resolve_lifecycle (key)) != NULL)
        ;
      else if ((operational = resolve_operational (key)) != NULL)
        ;
      else
        return set_invalid (error, UNKNOWN_STATUS, text, len);
    }
  else if (field == CW_CI_FIELD_LIFECYCLE_STATUS)
    {
      const char *other = NULL;

      lifecycle = resolve_lifecycle (key);
      if (lifecycle == NULL && !resolve_netbox_status (key, &lifecycle, &other))
        return set_invalid (error, UNKNOWN_LIFECYCLE_STATUS, text, len);
      /* A NetBox status in a lone lifecycle column also says how it runs. */
      if (mapping->field_columns[CW_CI_FIELD_OPERATIONAL_STATUS] < 0)
        operational = other;
    }
  else
    {
      const char *other = NULL;

      operational = resolve_operational (key);
      if (operational == NULL && !resolve_netbox_status (key, &other, &operational))
        return set_invalid (error, UNKNOWN_OPERATIONAL_STATUS, text, len);
      if (mapping->field_columns[CW_CI_FIELD_LIFECYCLE_STATUS] < 0)
        lifecycle = other;
    }

  if (lifecycle != NULL)
    {
      g_free (record->values[CW_CI_FIELD_LIFECYCLE_STATUS]);
      record->values[CW_CI_FIELD_LIFECYCLE_STATUS] = g_strdup (lifecycle);
    }
  if (operational != NULL)
    {
      g_free (record->values[CW_CI_FIELD_OPERATIONAL_STATUS]);
      record->values[CW_CI_FIELD_OPERATIONAL_STATUS] = g_strdup (operational);
    }

  return TRUE;
}

/**
 * cw_csv_mapping_apply:
 * @mapping: a #CwCsvMapping
 * @fields: (array length=n_fields): one record
 * @n_fields: its number of fields
 * @record: the record to fill; what it held is released first
 * @error: return location for a #GError
 *
 * Turns one record into normalised values: class and status keys, trimmed
 * strings, %NULL for empty ones. The statuses default to "installed" and
 * "operational" when the file does not give them. Errors are
 * %CW_CSV_ERROR_INVALID_VALUE, naming the field and the value; the caller adds
 * the line.
 *
 * Returns: %TRUE when @record holds a usable configuration item
 */
gboolean
cw_csv_mapping_apply (CwCsvMapping        *mapping,
                      const char * const  *fields,
                      guint                n_fields,
                      CwCiRecord          *record,
                      GError             **error)
{
  gboolean netbox;

  g_return_val_if_fail (mapping != NULL, FALSE);
  g_return_val_if_fail (fields != NULL || n_fields == 0, FALSE);
  g_return_val_if_fail (record != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  cw_ci_record_clear (record);
  netbox = cw_csv_layout_is_netbox (mapping->layout);

  for (guint f = 0; f < CW_CI_N_FIELDS; f++)
    {
      int column = mapping->field_columns[f];
      const char *text;
      gsize len;

      if (column < 0 || (guint) column >= n_fields)
        continue;
      /* One NetBox status column, already read for the lifecycle. */
      if (f == CW_CI_FIELD_OPERATIONAL_STATUS
          && column == mapping->field_columns[CW_CI_FIELD_LIFECYCLE_STATUS])
        continue;

      text = cw_csv_layout_trim (fields[column], &len);
      /* NetBox shows an empty value as a dash. */
      if (netbox && len == 3 && memcmp (text, "—", 3) == 0)
        len = 0;
      if (len == 0)
        continue;

      switch ((CwCiField) f)
        {
        case CW_CI_FIELD_CLASS:
          {
            char key[KEY_MAX];
            const char *klass = NULL;

            if (cw_csv_layout_keyify (text, len, key, sizeof key))
              klass = resolve_class (mapping->layout, key);
            if (klass == NULL)
              {
                cw_ci_record_clear (record);
                return set_invalid (error, UNKNOWN_CLASS, text, len);
              }
            record->values[f] = g_strdup (klass);
          }
          break;

        case CW_CI_FIELD_LIFECYCLE_STATUS:
        case CW_CI_FIELD_OPERATIONAL_STATUS:
          if (!apply_status (mapping, f, text, len, record, error))
            {
              cw_ci_record_clear (record);
              return FALSE;
            }
          break;

        case CW_CI_FIELD_IP_ADDRESS:
          record->values[f] = g_strndup (text, strip_prefix_length (text, len));
          break;

        case CW_CI_FIELD_NAME:
        case CW_CI_FIELD_MANUFACTURER:
        case CW_CI_FIELD_MODEL:
        case CW_CI_FIELD_SERIAL:
        case CW_CI_FIELD_ASSET_TAG:
        case CW_CI_FIELD_SITE:
        case CW_CI_FIELD_FIRMWARE_VERSION:
        case CW_CI_FIELD_OS_VERSION:
        case CW_CI_FIELD_SYS_ID:
        case CW_CI_FIELD_NOTES:
          record->values[f] = g_strndup (text, len);
          break;

        case CW_CI_N_FIELDS:
        default:
          g_assert_not_reached ();
        }
    }

  if (record->values[CW_CI_FIELD_NAME] == NULL)
    {
      cw_ci_record_clear (record);
      g_set_error_literal (error, CW_CSV_ERROR, CW_CSV_ERROR_INVALID_VALUE,
                           _("The name is empty."));
      return FALSE;
    }
  if (record->values[CW_CI_FIELD_CLASS] == NULL)
    {
      cw_ci_record_clear (record);
      g_set_error_literal (error, CW_CSV_ERROR, CW_CSV_ERROR_INVALID_VALUE,
                           _("The class is empty."));
      return FALSE;
    }

  /* The columns say nothing (or are empty): what the workspace assumes too. */
  if (record->values[CW_CI_FIELD_LIFECYCLE_STATUS] == NULL)
    record->values[CW_CI_FIELD_LIFECYCLE_STATUS] = g_strdup ("installed");
  if (record->values[CW_CI_FIELD_OPERATIONAL_STATUS] == NULL)
    record->values[CW_CI_FIELD_OPERATIONAL_STATUS] = g_strdup ("operational");

  return TRUE;
}
