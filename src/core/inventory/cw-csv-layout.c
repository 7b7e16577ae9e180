/* cw-csv-layout.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-csv-layout"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cw-csv-layout.h"

/* Long enough for every name in the tables below; longer values match nothing. */
#define KEY_MAX 96

struct _CwCsvMapping
{
  CwCsvLayout  layout;
  guint        n_columns;
  int         *columns;                        /* column → field, or -1 */
  int          field_columns[CW_CI_N_FIELDS];  /* field → column, or -1 */
};

/* One header a layout knows. When two columns give the same field, the one
 * with the lower rank wins and the other is ignored. */
typedef struct
{
  const char *header;
  CwCiField   field;
  guint       rank;
} Alias;

/* A ServiceNow list exported as CSV has the field names as headers, or the
 * column labels; reference fields hold display values, choice fields labels
 * (or their values). */
static const Alias servicenow_aliases[] = {
  { "name",               CW_CI_FIELD_NAME,               0 },
  { "sys_class_name",     CW_CI_FIELD_CLASS,              0 },
  { "Class",              CW_CI_FIELD_CLASS,              0 },
  { "manufacturer",       CW_CI_FIELD_MANUFACTURER,       0 },
  { "model_id",           CW_CI_FIELD_MODEL,              0 },
  { "Model ID",           CW_CI_FIELD_MODEL,              0 },
  { "Model",              CW_CI_FIELD_MODEL,              1 },
  { "model_number",       CW_CI_FIELD_MODEL,              2 },
  { "Model number",       CW_CI_FIELD_MODEL,              2 },
  { "serial_number",      CW_CI_FIELD_SERIAL,             0 },
  { "Serial number",      CW_CI_FIELD_SERIAL,             0 },
  { "asset_tag",          CW_CI_FIELD_ASSET_TAG,          0 },
  { "Asset tag",          CW_CI_FIELD_ASSET_TAG,          0 },
  { "location",           CW_CI_FIELD_SITE,               0 },
  { "ip_address",         CW_CI_FIELD_IP_ADDRESS,         0 },
  { "IP Address",         CW_CI_FIELD_IP_ADDRESS,         0 },
  { "firmware_version",   CW_CI_FIELD_FIRMWARE_VERSION,   0 },
  { "Firmware version",   CW_CI_FIELD_FIRMWARE_VERSION,   0 },
  { "os_version",         CW_CI_FIELD_OS_VERSION,         0 },
  { "OS Version",         CW_CI_FIELD_OS_VERSION,         0 },
  { "os",                 CW_CI_FIELD_OS_VERSION,         1 },
  { "Operating System",   CW_CI_FIELD_OS_VERSION,         1 },
  { "install_status",     CW_CI_FIELD_LIFECYCLE_STATUS,   0 },
  { "Install Status",     CW_CI_FIELD_LIFECYCLE_STATUS,   0 },
  { "Status",             CW_CI_FIELD_LIFECYCLE_STATUS,   1 },
  { "operational_status", CW_CI_FIELD_OPERATIONAL_STATUS, 0 },
  { "Operational status", CW_CI_FIELD_OPERATIONAL_STATUS, 0 },
  { "sys_id",             CW_CI_FIELD_SYS_ID,             0 },
  { "Sys ID",             CW_CI_FIELD_SYS_ID,             0 },
  { "comments",           CW_CI_FIELD_NOTES,              0 },
  { "short_description",  CW_CI_FIELD_NOTES,              1 },
  { "Description",        CW_CI_FIELD_NOTES,              1 },
};

/* The column titles of NetBox's device list (Export → Current View / All
 * Data). Status fills both statuses; Role gives the class. */
static const Alias netbox_export_aliases[] = {
  { "Name",          CW_CI_FIELD_NAME,             0 },
  { "Role",          CW_CI_FIELD_CLASS,            0 },
  { "Device Role",   CW_CI_FIELD_CLASS,            0 },
  { "Status",        CW_CI_FIELD_LIFECYCLE_STATUS, 0 },
  { "Manufacturer",  CW_CI_FIELD_MANUFACTURER,     0 },
  { "Type",          CW_CI_FIELD_MODEL,            0 },
  { "Device Type",   CW_CI_FIELD_MODEL,            0 },
  { "Platform",      CW_CI_FIELD_OS_VERSION,       0 },
  { "Serial number", CW_CI_FIELD_SERIAL,           0 },
  { "Asset tag",     CW_CI_FIELD_ASSET_TAG,        0 },
  { "Site",          CW_CI_FIELD_SITE,             0 },
  { "Location",      CW_CI_FIELD_SITE,             1 },
  { "IP Address",    CW_CI_FIELD_IP_ADDRESS,       0 },
  { "Primary IP",    CW_CI_FIELD_IP_ADDRESS,       0 },
  { "IPv4 Address",  CW_CI_FIELD_IP_ADDRESS,       1 },
  { "Primary IPv4",  CW_CI_FIELD_IP_ADDRESS,       1 },
  { "IPv6 Address",  CW_CI_FIELD_IP_ADDRESS,       2 },
  { "Primary IPv6",  CW_CI_FIELD_IP_ADDRESS,       2 },
  { "Comments",      CW_CI_FIELD_NOTES,            0 },
  { "Description",   CW_CI_FIELD_NOTES,            1 },
};

/* The field names of NetBox's device bulk import (device_role before 3.6). */
static const Alias netbox_import_aliases[] = {
  { "name",          CW_CI_FIELD_NAME,             0 },
  { "role",          CW_CI_FIELD_CLASS,            0 },
  { "device_role",   CW_CI_FIELD_CLASS,            0 },
  { "status",        CW_CI_FIELD_LIFECYCLE_STATUS, 0 },
  { "manufacturer",  CW_CI_FIELD_MANUFACTURER,     0 },
  { "device_type",   CW_CI_FIELD_MODEL,            0 },
  { "platform",      CW_CI_FIELD_OS_VERSION,       0 },
  { "serial",        CW_CI_FIELD_SERIAL,           0 },
  { "asset_tag",     CW_CI_FIELD_ASSET_TAG,        0 },
  { "site",          CW_CI_FIELD_SITE,             0 },
  { "location",      CW_CI_FIELD_SITE,             1 },
  { "primary_ip",    CW_CI_FIELD_IP_ADDRESS,       0 },
  { "primary_ip4",   CW_CI_FIELD_IP_ADDRESS,       1 },
  { "primary_ip6",   CW_CI_FIELD_IP_ADDRESS,       2 },
  { "comments",      CW_CI_FIELD_NOTES,            0 },
  { "description",   CW_CI_FIELD_NOTES,            1 },
};

/* Only for guessing a column in the UI, compared as keys (see keyify()). */
static const Alias guess_aliases[] = {
  { "hostname",          CW_CI_FIELD_NAME,               0 },
  { "host_name",         CW_CI_FIELD_NAME,               0 },
  { "host",              CW_CI_FIELD_NAME,               0 },
  { "device",            CW_CI_FIELD_NAME,               0 },
  { "device_name",       CW_CI_FIELD_NAME,               0 },
  { "ci",                CW_CI_FIELD_NAME,               0 },
  { "ci_name",           CW_CI_FIELD_NAME,               0 },
  { "ci_class",          CW_CI_FIELD_CLASS,              0 },
  { "ci_type",           CW_CI_FIELD_CLASS,              0 },
  { "category",          CW_CI_FIELD_CLASS,              0 },
  { "kind",              CW_CI_FIELD_CLASS,              0 },
  { "vendor",            CW_CI_FIELD_MANUFACTURER,       0 },
  { "make",              CW_CI_FIELD_MANUFACTURER,       0 },
  { "brand",             CW_CI_FIELD_MANUFACTURER,       0 },
  { "model_name",        CW_CI_FIELD_MODEL,              0 },
  { "product",           CW_CI_FIELD_MODEL,              0 },
  { "sn",                CW_CI_FIELD_SERIAL,             0 },
  { "s_n",               CW_CI_FIELD_SERIAL,             0 },
  { "serial_no",         CW_CI_FIELD_SERIAL,             0 },
  { "serial_nr",         CW_CI_FIELD_SERIAL,             0 },
  { "serialnumber",      CW_CI_FIELD_SERIAL,             0 },
  { "asset",             CW_CI_FIELD_ASSET_TAG,          0 },
  { "tag",               CW_CI_FIELD_ASSET_TAG,          0 },
  { "asset_number",      CW_CI_FIELD_ASSET_TAG,          0 },
  { "inventory_number",  CW_CI_FIELD_ASSET_TAG,          0 },
  { "datacenter",        CW_CI_FIELD_SITE,               0 },
  { "data_center",       CW_CI_FIELD_SITE,               0 },
  { "ip",                CW_CI_FIELD_IP_ADDRESS,         0 },
  { "ipv4",              CW_CI_FIELD_IP_ADDRESS,         0 },
  { "ip_addr",           CW_CI_FIELD_IP_ADDRESS,         0 },
  { "mgmt_ip",           CW_CI_FIELD_IP_ADDRESS,         0 },
  { "management_ip",     CW_CI_FIELD_IP_ADDRESS,         0 },
  { "firmware",          CW_CI_FIELD_FIRMWARE_VERSION,   0 },
  { "fw_version",        CW_CI_FIELD_FIRMWARE_VERSION,   0 },
  { "bios_version",      CW_CI_FIELD_FIRMWARE_VERSION,   0 },
  { "software_version",  CW_CI_FIELD_OS_VERSION,         0 },
  { "sw_version",        CW_CI_FIELD_OS_VERSION,         0 },
  { "version",           CW_CI_FIELD_OS_VERSION,         0 },
  { "lifecycle",         CW_CI_FIELD_LIFECYCLE_STATUS,   0 },
  { "lifecycle_state",   CW_CI_FIELD_LIFECYCLE_STATUS,   0 },
  { "operational",       CW_CI_FIELD_OPERATIONAL_STATUS, 0 },
  { "operational_state", CW_CI_FIELD_OPERATIONAL_STATUS, 0 },
  { "state",             CW_CI_FIELD_OPERATIONAL_STATUS, 0 },
  { "note",              CW_CI_FIELD_NOTES,              0 },
  { "comment",           CW_CI_FIELD_NOTES,              0 },
  { "remarks",           CW_CI_FIELD_NOTES,              0 },
  { "sysid",             CW_CI_FIELD_SYS_ID,             0 },
};

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

gboolean
cw_csv_layout_from_string (const char  *name,
                           CwCsvLayout *layout)
{
  static const struct
  {
    const char  *name;
    CwCsvLayout  layout;
  } names[] = {
    { "auto",          CW_CSV_LAYOUT_AUTO },
    { "native",        CW_CSV_LAYOUT_NATIVE },
    { "changeward",    CW_CSV_LAYOUT_NATIVE },
    { "servicenow",    CW_CSV_LAYOUT_SERVICENOW },
    /* Either NetBox layout: cw_csv_mapping_detect() tries both. */
    { "netbox",        CW_CSV_LAYOUT_NETBOX_EXPORT },
    { "netbox-export", CW_CSV_LAYOUT_NETBOX_EXPORT },
    { "netbox-import", CW_CSV_LAYOUT_NETBOX_IMPORT },
  };

  g_return_val_if_fail (name != NULL, FALSE);

  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    {
      if (g_ascii_strcasecmp (name, names[i].name) == 0)
        {
          if (layout != NULL)
            *layout = names[i].layout;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
cw_csv_layout_to_string (CwCsvLayout layout)
{
  switch (layout)
    {
    case CW_CSV_LAYOUT_AUTO:
      return "auto";
    case CW_CSV_LAYOUT_NATIVE:
      return "native";
    case CW_CSV_LAYOUT_SERVICENOW:
      return "servicenow";
    case CW_CSV_LAYOUT_NETBOX_EXPORT:
      return "netbox-export";
    case CW_CSV_LAYOUT_NETBOX_IMPORT:
      return "netbox-import";
    case CW_CSV_LAYOUT_CUSTOM:
      return "custom";
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
cw_csv_layout_get_label (CwCsvLayout layout)
{
  switch (layout)
    {
    case CW_CSV_LAYOUT_AUTO:
      return _("Detect from the header");
    case CW_CSV_LAYOUT_NATIVE:
      return _("Changeward CSV");
    case CW_CSV_LAYOUT_SERVICENOW:
      return _("ServiceNow CMDB export");
    case CW_CSV_LAYOUT_NETBOX_EXPORT:
      return _("NetBox device list export");
    case CW_CSV_LAYOUT_NETBOX_IMPORT:
      return _("NetBox bulk import");
    case CW_CSV_LAYOUT_CUSTOM:
      return _("Custom column mapping");
    default:
      g_return_val_if_reached (NULL);
    }
}

void
cw_ci_record_clear (CwCiRecord *record)
{
  g_return_if_fail (record != NULL);

  for (guint i = 0; i < CW_CI_N_FIELDS; i++)
    g_clear_pointer (&record->values[i], g_free);
}

/* Leading and trailing white space (and a byte-order mark) do not count. */
static const char *
trim (const char *text,
      gsize      *len)
{
  const char *end;

  if (text == NULL)
    {
      *len = 0;
      return "";
    }

  if ((guint8) text[0] == 0xEF && (guint8) text[1] == 0xBB && (guint8) text[2] == 0xBF)
    text += 3;
  while (g_ascii_isspace (*text))
    text++;
  end = text + strlen (text);
  while (end > text && g_ascii_isspace (end[-1]))
    end--;

  *len = end - text;
  return text;
}

static gboolean
header_is (const char *header,
           gsize       len,
           const char *name,
           gboolean   *exact)
{
  if (g_ascii_strncasecmp (header, name, len) != 0 || name[len] != '\0')
    return FALSE;

  *exact = strncmp (header, name, len) == 0;
  return TRUE;
}

/* "Non-Operational", "non operational" and "NON_OPERATIONAL" are all
 * "non_operational": ASCII letters lower-cased, every run of other ASCII
 * characters one '_', none at either end. Fails when @text is longer than @size. */
static gboolean
keyify (const char *text,
        gsize       len,
        char       *key,
        gsize       size)
{
  gsize n = 0;
  gboolean gap = FALSE;

  for (gsize i = 0; i < len; i++)
    {
      guint8 c = text[i];

      if (c < 0x80 && !g_ascii_isalnum (c))
        {
          gap = n > 0;
          continue;
        }
      if (n + 3 > size)
        return FALSE;
      if (gap)
        key[n++] = '_';
      gap = FALSE;
      key[n++] = g_ascii_tolower (c);
    }

  key[n] = '\0';
  return TRUE;
}

static const Alias *
layout_aliases (CwCsvLayout  layout,
                gsize       *n_aliases)
{
  switch (layout)
    {
    case CW_CSV_LAYOUT_SERVICENOW:
      *n_aliases = G_N_ELEMENTS (servicenow_aliases);
      return servicenow_aliases;
    case CW_CSV_LAYOUT_NETBOX_EXPORT:
      *n_aliases = G_N_ELEMENTS (netbox_export_aliases);
      return netbox_export_aliases;
    case CW_CSV_LAYOUT_NETBOX_IMPORT:
      *n_aliases = G_N_ELEMENTS (netbox_import_aliases);
      return netbox_import_aliases;
    case CW_CSV_LAYOUT_AUTO:
    case CW_CSV_LAYOUT_NATIVE:
    case CW_CSV_LAYOUT_CUSTOM:
    default:
      *n_aliases = 0;
      return NULL;
    }
}

static gboolean
is_netbox (CwCsvLayout layout)
{
  return layout == CW_CSV_LAYOUT_NETBOX_EXPORT || layout == CW_CSV_LAYOUT_NETBOX_IMPORT;
}

/* The field a header names in @layout, or -1. */
static int
match_header (CwCsvLayout  layout,
              const char  *header,
              guint       *rank,
              gboolean    *exact)
{
  const Alias *aliases;
  gsize n_aliases;
  gsize len;

  header = trim (header, &len);
  if (len == 0)
    return -1;

  *rank = 0;
  if (layout == CW_CSV_LAYOUT_NATIVE)
    {
      for (guint f = 0; f < CW_CI_N_FIELDS; f++)
        {
          if (header_is (header, len, cw_ci_field_get_key (f), exact))
            return f;
        }
      return -1;
    }

  aliases = layout_aliases (layout, &n_aliases);
  for (gsize i = 0; i < n_aliases; i++)
    {
      if (header_is (header, len, aliases[i].header, exact))
        {
          *rank = aliases[i].rank;
          return aliases[i].field;
        }
    }

  return -1;
}

static CwCsvMapping *
mapping_new (CwCsvLayout layout,
             guint       n_columns)
{
  CwCsvMapping *mapping = g_rc_box_new0 (CwCsvMapping);

  mapping->layout = layout;
  mapping->n_columns = n_columns;
  mapping->columns = g_new (int, MAX (n_columns, 1));
  for (guint i = 0; i < n_columns; i++)
    mapping->columns[i] = -1;
  for (guint f = 0; f < CW_CI_N_FIELDS; f++)
    mapping->field_columns[f] = -1;

  return mapping;
}

static void
mapping_clear (gpointer data)
{
  CwCsvMapping *mapping = data;

  g_free (mapping->columns);
}

CwCsvMapping *
cw_csv_mapping_ref (CwCsvMapping *mapping)
{
  g_return_val_if_fail (mapping != NULL, NULL);

  return g_rc_box_acquire (mapping);
}

void
cw_csv_mapping_unref (CwCsvMapping *mapping)
{
  g_return_if_fail (mapping != NULL);

  g_rc_box_release_full (mapping, mapping_clear);
}

/* Maps the header in @layout. @matched counts the recognised columns, @exact
 * those spelt with the layout's own case. Returns NULL unless the class and
 * the name are there. */
static CwCsvMapping *
map_header (CwCsvLayout         layout,
            const char * const *header,
            guint               n_columns,
            guint              *matched,
            guint              *exact)
{
  g_autoptr(CwCsvMapping) mapping = mapping_new (layout, n_columns);
  guint ranks[CW_CI_N_FIELDS] = { 0 };

  *matched = 0;
  *exact = 0;

  for (guint i = 0; i < n_columns; i++)
    {
      gboolean is_exact = FALSE;
      guint rank = 0;
      int field = match_header (layout, header[i], &rank, &is_exact);
      int previous;

      if (field < 0)
        continue;

      (*matched)++;
      if (is_exact)
        (*exact)++;

      previous = mapping->field_columns[field];
      if (previous >= 0 && ranks[field] <= rank)
        continue;
      if (previous >= 0)
        mapping->columns[previous] = -1;
      mapping->columns[i] = field;
      mapping->field_columns[field] = i;
      ranks[field] = rank;
    }

  /* NetBox has one status; it gives both of ours. */
  if (is_netbox (layout))
    mapping->field_columns[CW_CI_FIELD_OPERATIONAL_STATUS] =
      mapping->field_columns[CW_CI_FIELD_LIFECYCLE_STATUS];

  if (mapping->field_columns[CW_CI_FIELD_CLASS] < 0 || mapping->field_columns[CW_CI_FIELD_NAME] < 0)
    return NULL;

  return g_steal_pointer (&mapping);
}

/* "name/Name, sys_class_name/Class" for @required, the other fields otherwise. */
static char *
describe_headers (CwCsvLayout layout,
                  gboolean    required)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint f = 0; f < CW_CI_N_FIELDS; f++)
    {
      gboolean is_required = f == CW_CI_FIELD_CLASS || f == CW_CI_FIELD_NAME;
      const Alias *aliases;
      gsize n_aliases;
      gboolean first = TRUE;

      if (is_required != required)
        continue;

      if (layout == CW_CSV_LAYOUT_NATIVE)
        {
          if (text->len > 0)
            g_string_append (text, ", ");
          g_string_append (text, cw_ci_field_get_key (f));
          continue;
        }

      aliases = layout_aliases (layout, &n_aliases);
      for (gsize i = 0; i < n_aliases; i++)
        {
          if (aliases[i].field != f)
            continue;
          if (first && text->len > 0)
            g_string_append (text, ", ");
          else if (!first)
            g_string_append_c (text, '/');
          g_string_append (text, aliases[i].header);
          first = FALSE;
        }
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
set_unknown_header_error (GError            **error,
                          const CwCsvLayout  *tried,
                          guint               n_tried)
{
  g_autoptr(GString) message = g_string_new (_("The header row matches none of the known layouts."));

  for (guint i = 0; i < n_tried; i++)
    {
      g_autofree char *required = describe_headers (tried[i], TRUE);
      g_autofree char *optional = describe_headers (tried[i], FALSE);

      g_string_append_c (message, '\n');
      /* Translators: a CSV layout, the columns it needs and those it also reads. */
      g_string_append_printf (message, _("%s: needs %s; also reads %s."),
                              cw_csv_layout_get_label (tried[i]), required, optional);
    }

  g_set_error_literal (error, CW_CSV_ERROR, CW_CSV_ERROR_UNKNOWN_HEADER, message->str);
}

/**
 * cw_csv_mapping_detect:
 * @header: (array length=n_columns): the header row
 * @n_columns: its number of columns
 * @wanted: %CW_CSV_LAYOUT_AUTO, or the only layout to try (either NetBox
 *   layout tries both)
 * @error: return location for a #GError
 *
 * Finds the layout of a CSV file from its header row: the one that needs no
 * missing column and recognises the most columns. Header matching ignores case
 * and surrounding white space. Columns no layout knows are ignored.
 *
 * Returns: (transfer full): the mapping, or %NULL with
 *   %CW_CSV_ERROR_UNKNOWN_HEADER, whose message lists what each layout expects
 */
CwCsvMapping *
cw_csv_mapping_detect (const char * const  *header,
                       guint                n_columns,
                       CwCsvLayout          wanted,
                       GError             **error)
{
  CwCsvLayout tried[4];
  guint n_tried = 0;
  g_autoptr(CwCsvMapping) best = NULL;
  guint best_matched = 0;
  guint best_exact = 0;

  g_return_val_if_fail (header != NULL || n_columns == 0, NULL);
  g_return_val_if_fail (wanted != CW_CSV_LAYOUT_CUSTOM, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  switch (wanted)
    {
    case CW_CSV_LAYOUT_AUTO:
      tried[n_tried++] = CW_CSV_LAYOUT_NATIVE;
      tried[n_tried++] = CW_CSV_LAYOUT_SERVICENOW;
      tried[n_tried++] = CW_CSV_LAYOUT_NETBOX_EXPORT;
      tried[n_tried++] = CW_CSV_LAYOUT_NETBOX_IMPORT;
      break;
    case CW_CSV_LAYOUT_NETBOX_EXPORT:
    case CW_CSV_LAYOUT_NETBOX_IMPORT:
      tried[n_tried++] = CW_CSV_LAYOUT_NETBOX_EXPORT;
      tried[n_tried++] = CW_CSV_LAYOUT_NETBOX_IMPORT;
      break;
    case CW_CSV_LAYOUT_NATIVE:
    case CW_CSV_LAYOUT_SERVICENOW:
      tried[n_tried++] = wanted;
      break;
    case CW_CSV_LAYOUT_CUSTOM:
    default:
      g_return_val_if_reached (NULL);
    }

  for (guint i = 0; i < n_tried; i++)
    {
      guint matched;
      guint exact;
      g_autoptr(CwCsvMapping) mapping = map_header (tried[i], header, n_columns, &matched, &exact);

      if (mapping == NULL)
        continue;

      /* The most recognised columns win, then the most spelt as the layout
       * spells them ("Name" is NetBox's export, "name" its import), then the
       * order above. */
      if (best == NULL || matched > best_matched
          || (matched == best_matched && exact > best_exact))
        {
          g_clear_pointer (&best, cw_csv_mapping_unref);
          best = g_steal_pointer (&mapping);
          best_matched = matched;
          best_exact = exact;
        }
    }

  if (best == NULL)
    {
      set_unknown_header_error (error, tried, n_tried);
      return NULL;
    }

  g_debug ("CSV layout: %s (%u of %u columns)",
           cw_csv_layout_to_string (best->layout), best_matched, n_columns);
  return g_steal_pointer (&best);
}

/**
 * cw_csv_mapping_new_custom:
 * @n_columns: the number of columns
 * @columns: (array length=n_columns): per column a #CwCiField, or -1 to ignore it
 *
 * A mapping made by the user. Its values are read leniently: our keys,
 * ServiceNow labels and values and NetBox values are all accepted. When two
 * columns give the same field, the first one is used.
 *
 * Returns: (transfer full): the mapping
 */
CwCsvMapping *
cw_csv_mapping_new_custom (guint      n_columns,
                           const int *columns)
{
  CwCsvMapping *mapping;

  g_return_val_if_fail (columns != NULL || n_columns == 0, NULL);

  mapping = mapping_new (CW_CSV_LAYOUT_CUSTOM, n_columns);
  for (guint i = 0; i < n_columns; i++)
    {
      int field = columns[i];

      if (field < 0 || field >= CW_CI_N_FIELDS)
        {
          g_warn_if_fail (field == -1);
          continue;
        }
      mapping->columns[i] = field;
      if (mapping->field_columns[field] < 0)
        mapping->field_columns[field] = i;
    }

  return mapping;
}

/**
 * cw_csv_mapping_guess_column:
 * @header: a column header
 *
 * The field a column probably holds, for the mapping page of the import: the
 * headers of every layout are tried, then common other names.
 *
 * Returns: a #CwCiField, or -1
 */
int
cw_csv_mapping_guess_column (const char *header)
{
  static const CwCsvLayout layouts[] = {
    CW_CSV_LAYOUT_NATIVE,
    CW_CSV_LAYOUT_SERVICENOW,
    CW_CSV_LAYOUT_NETBOX_EXPORT,
    CW_CSV_LAYOUT_NETBOX_IMPORT,
  };
  char key[KEY_MAX];
  char alias_key[KEY_MAX];
  const char *text;
  gsize len;

  g_return_val_if_fail (header != NULL, -1);

  text = trim (header, &len);
  if (len == 0 || !keyify (text, len, key, sizeof key))
    return -1;

  for (gsize l = 0; l < G_N_ELEMENTS (layouts); l++)
    {
      const Alias *aliases;
      gsize n_aliases;

      if (layouts[l] == CW_CSV_LAYOUT_NATIVE)
        {
          for (guint f = 0; f < CW_CI_N_FIELDS; f++)
            {
              if (strcmp (key, cw_ci_field_get_key (f)) == 0)
                return f;
            }
          continue;
        }

      aliases = layout_aliases (layouts[l], &n_aliases);
      for (gsize i = 0; i < n_aliases; i++)
        {
          if (keyify (aliases[i].header, strlen (aliases[i].header), alias_key, sizeof alias_key)
              && strcmp (key, alias_key) == 0)
            return aliases[i].field;
        }
    }

  for (gsize i = 0; i < G_N_ELEMENTS (guess_aliases); i++)
    {
      if (strcmp (key, guess_aliases[i].header) == 0)
        return guess_aliases[i].field;
    }

  return -1;
}

CwCsvLayout
cw_csv_mapping_get_layout (CwCsvMapping *mapping)
{
  g_return_val_if_fail (mapping != NULL, CW_CSV_LAYOUT_AUTO);

  return mapping->layout;
}

guint
cw_csv_mapping_get_n_columns (CwCsvMapping *mapping)
{
  g_return_val_if_fail (mapping != NULL, 0);

  return mapping->n_columns;
}

/* The field column @column gives, or -1 when it is ignored. A NetBox status
 * column gives both statuses; this returns the lifecycle. */
int
cw_csv_mapping_get_field (CwCsvMapping *mapping,
                          guint         column)
{
  g_return_val_if_fail (mapping != NULL, -1);

  if (column >= mapping->n_columns)
    return -1;

  return mapping->columns[column];
}

/* The column that gives @field, or -1. */
int
cw_csv_mapping_get_column (CwCsvMapping *mapping,
                           CwCiField     field)
{
  g_return_val_if_fail (mapping != NULL, -1);
  g_return_val_if_fail (field < CW_CI_N_FIELDS, -1);

  return mapping->field_columns[field];
}

gboolean
cw_csv_mapping_has_field (CwCsvMapping *mapping,
                          CwCiField     field)
{
  g_return_val_if_fail (mapping != NULL, FALSE);
  g_return_val_if_fail (field < CW_CI_N_FIELDS, FALSE);

  return mapping->field_columns[field] >= 0;
}

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

  if (!keyify (text, len, key, sizeof key))
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
  netbox = is_netbox (mapping->layout);

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

      text = trim (fields[column], &len);
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

            if (keyify (text, len, key, sizeof key))
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
