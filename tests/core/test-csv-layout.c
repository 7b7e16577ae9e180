/* test-csv-layout.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-csv-layout"

#include "config.h"

#include <string.h>

#include "cw-csv-layout.h"

#define STRV(...) ((const char * const[]) { __VA_ARGS__, NULL })

static CwCsvMapping *
detect (const char * const *header,
        CwCsvLayout         wanted)
{
  g_autoptr(GError) error = NULL;
  CwCsvMapping *mapping;

  mapping = cw_csv_mapping_detect (header, g_strv_length ((char **) header), wanted, &error);
  g_assert_no_error (error);
  g_assert_nonnull (mapping);
  return mapping;
}

static char *
detect_error (const char * const *header,
              CwCsvLayout         wanted)
{
  g_autoptr(GError) error = NULL;
  CwCsvMapping *mapping;

  mapping = cw_csv_mapping_detect (header, g_strv_length ((char **) header), wanted, &error);
  g_assert_null (mapping);
  g_assert_error (error, CW_CSV_ERROR, CW_CSV_ERROR_UNKNOWN_HEADER);
  g_assert_true (cw_csv_error_is_fatal (error));
  return g_strdup (error->message);
}

static void
apply_ok (CwCsvMapping       *mapping,
          const char * const *fields,
          CwCiRecord         *record)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cw_csv_mapping_apply (mapping, fields, g_strv_length ((char **) fields),
                                       record, &error));
  g_assert_no_error (error);
}

static char *
apply_error (CwCsvMapping       *mapping,
             const char * const *fields)
{
  g_autoptr(GError) error = NULL;
  CwCiRecord record = { 0 };

  g_assert_false (cw_csv_mapping_apply (mapping, fields, g_strv_length ((char **) fields),
                                        &record, &error));
  g_assert_error (error, CW_CSV_ERROR, CW_CSV_ERROR_INVALID_VALUE);
  g_assert_false (cw_csv_error_is_fatal (error));
  for (guint f = 0; f < CW_CI_N_FIELDS; f++)
    g_assert_null (record.values[f]);
  return g_strdup (error->message);
}

static void
test_layout_names (void)
{
  CwCsvLayout layout = CW_CSV_LAYOUT_CUSTOM;

  g_assert_true (cw_csv_layout_from_string ("auto", &layout));
  g_assert_cmpint (layout, ==, CW_CSV_LAYOUT_AUTO);
  g_assert_true (cw_csv_layout_from_string ("native", &layout));
  g_assert_cmpint (layout, ==, CW_CSV_LAYOUT_NATIVE);
  g_assert_true (cw_csv_layout_from_string ("ServiceNow", &layout));
  g_assert_cmpint (layout, ==, CW_CSV_LAYOUT_SERVICENOW);
  g_assert_true (cw_csv_layout_from_string ("netbox", &layout));
  g_assert_true (layout == CW_CSV_LAYOUT_NETBOX_EXPORT || layout == CW_CSV_LAYOUT_NETBOX_IMPORT);
  g_assert_false (cw_csv_layout_from_string ("excel", &layout));

  g_assert_cmpstr (cw_csv_layout_get_label (CW_CSV_LAYOUT_SERVICENOW), ==, "ServiceNow CMDB export");
  for (CwCsvLayout l = CW_CSV_LAYOUT_AUTO; l <= CW_CSV_LAYOUT_CUSTOM; l++)
    {
      CwCsvLayout back;

      g_assert_nonnull (cw_csv_layout_get_label (l));
      if (l != CW_CSV_LAYOUT_CUSTOM)
        {
          g_assert_true (cw_csv_layout_from_string (cw_csv_layout_to_string (l), &back));
          g_assert_cmpint (back, ==, l);
        }
    }
}

static void
test_detect_native (void)
{
  const char *header[CW_CI_N_FIELDS + 1] = { NULL };
  g_autoptr(CwCsvMapping) full = NULL;
  g_autoptr(CwCsvMapping) subset = NULL;
  g_autoptr(CwCsvMapping) forced = NULL;

  for (guint f = 0; f < CW_CI_N_FIELDS; f++)
    header[f] = cw_ci_field_get_key (f);

  full = detect (header, CW_CSV_LAYOUT_AUTO);
  g_assert_cmpint (cw_csv_mapping_get_layout (full), ==, CW_CSV_LAYOUT_NATIVE);
  g_assert_cmpuint (cw_csv_mapping_get_n_columns (full), ==, CW_CI_N_FIELDS);
  for (guint f = 0; f < CW_CI_N_FIELDS; f++)
    {
      g_assert_cmpint (cw_csv_mapping_get_field (full, f), ==, (int) f);
      g_assert_true (cw_csv_mapping_has_field (full, f));
    }

  /* Any order, any case, spaces around; only class and name are needed. */
  subset = detect (STRV (" NAME", "notes ", "Class"), CW_CSV_LAYOUT_AUTO);
  g_assert_cmpint (cw_csv_mapping_get_layout (subset), ==, CW_CSV_LAYOUT_NATIVE);
  g_assert_cmpint (cw_csv_mapping_get_field (subset, 0), ==, CW_CI_FIELD_NAME);
  g_assert_cmpint (cw_csv_mapping_get_field (subset, 1), ==, CW_CI_FIELD_NOTES);
  g_assert_cmpint (cw_csv_mapping_get_field (subset, 2), ==, CW_CI_FIELD_CLASS);
  g_assert_cmpint (cw_csv_mapping_get_field (subset, 3), ==, -1);
  g_assert_false (cw_csv_mapping_has_field (subset, CW_CI_FIELD_LIFECYCLE_STATUS));

  forced = detect (STRV ("class", "name", "serial"), CW_CSV_LAYOUT_NATIVE);
  g_assert_cmpint (cw_csv_mapping_get_layout (forced), ==, CW_CSV_LAYOUT_NATIVE);
}

static void
test_detect_servicenow (void)
{
  /* A list exported with field names, and one with column labels. */
  g_autoptr(CwCsvMapping) names = detect (
    STRV ("sys_id", "name", "sys_class_name", "manufacturer", "model_id", "serial_number",
          "asset_tag", "location", "ip_address", "firmware_version", "os_version",
          "install_status", "operational_status", "comments", "sys_updated_on"),
    CW_CSV_LAYOUT_AUTO);
  g_autoptr(CwCsvMapping) labels = detect (
    STRV ("Name", "Class", "Manufacturer", "Model ID", "Serial number", "Asset tag",
          "Location", "IP Address", "OS Version", "Status", "Operational status", "Sys ID",
          "Description", "Updated"),
    CW_CSV_LAYOUT_AUTO);
  static const int names_fields[] = {
    CW_CI_FIELD_SYS_ID, CW_CI_FIELD_NAME, CW_CI_FIELD_CLASS, CW_CI_FIELD_MANUFACTURER,
    CW_CI_FIELD_MODEL, CW_CI_FIELD_SERIAL, CW_CI_FIELD_ASSET_TAG, CW_CI_FIELD_SITE,
    CW_CI_FIELD_IP_ADDRESS, CW_CI_FIELD_FIRMWARE_VERSION, CW_CI_FIELD_OS_VERSION,
    CW_CI_FIELD_LIFECYCLE_STATUS, CW_CI_FIELD_OPERATIONAL_STATUS, CW_CI_FIELD_NOTES, -1,
  };
  static const int labels_fields[] = {
    CW_CI_FIELD_NAME, CW_CI_FIELD_CLASS, CW_CI_FIELD_MANUFACTURER, CW_CI_FIELD_MODEL,
    CW_CI_FIELD_SERIAL, CW_CI_FIELD_ASSET_TAG, CW_CI_FIELD_SITE, CW_CI_FIELD_IP_ADDRESS,
    CW_CI_FIELD_OS_VERSION, CW_CI_FIELD_LIFECYCLE_STATUS, CW_CI_FIELD_OPERATIONAL_STATUS,
    CW_CI_FIELD_SYS_ID, CW_CI_FIELD_NOTES, -1,
  };
  g_autoptr(CwCsvMapping) both_notes = NULL;

  g_assert_cmpint (cw_csv_mapping_get_layout (names), ==, CW_CSV_LAYOUT_SERVICENOW);
  for (guint i = 0; i < G_N_ELEMENTS (names_fields); i++)
    g_assert_cmpint (cw_csv_mapping_get_field (names, i), ==, names_fields[i]);

  g_assert_cmpint (cw_csv_mapping_get_layout (labels), ==, CW_CSV_LAYOUT_SERVICENOW);
  for (guint i = 0; i < G_N_ELEMENTS (labels_fields); i++)
    g_assert_cmpint (cw_csv_mapping_get_field (labels, i), ==, labels_fields[i]);
  g_assert_false (cw_csv_mapping_has_field (labels, CW_CI_FIELD_FIRMWARE_VERSION));

  /* Comments win over the short description, wherever they are. */
  both_notes = detect (STRV ("short_description", "name", "sys_class_name", "comments"),
                       CW_CSV_LAYOUT_SERVICENOW);
  g_assert_cmpint (cw_csv_mapping_get_field (both_notes, 0), ==, -1);
  g_assert_cmpint (cw_csv_mapping_get_field (both_notes, 3), ==, CW_CI_FIELD_NOTES);
  g_assert_cmpint (cw_csv_mapping_get_column (both_notes, CW_CI_FIELD_NOTES), ==, 3);
}

static void
test_detect_netbox (void)
{
  /* Device list, Export → All data (NetBox 4), and an older one. */
  g_autoptr(CwCsvMapping) export = detect (
    STRV ("ID", "Name", "Status", "Tenant", "Site", "Location", "Rack", "Role", "Manufacturer",
          "Type", "Platform", "Serial number", "Asset tag", "IP Address", "IPv4 Address",
          "IPv6 Address", "Comments"),
    CW_CSV_LAYOUT_AUTO);
  g_autoptr(CwCsvMapping) old_export = detect (
    STRV ("Name", "Status", "Tenant", "Site", "Rack", "Device Role", "Manufacturer",
          "Device Type", "Primary IPv4"),
    CW_CSV_LAYOUT_AUTO);
  /* Bulk import, NetBox 4 and 3.x. */
  g_autoptr(CwCsvMapping) import = detect (
    STRV ("name", "role", "manufacturer", "device_type", "status", "site", "location", "rack",
          "position", "face", "serial", "asset_tag", "platform", "comments"),
    CW_CSV_LAYOUT_AUTO);
  g_autoptr(CwCsvMapping) old_import = detect (
    STRV ("name", "device_role", "tenant", "manufacturer", "device_type", "status", "site"),
    CW_CSV_LAYOUT_NETBOX_EXPORT);

  g_assert_cmpint (cw_csv_mapping_get_layout (export), ==, CW_CSV_LAYOUT_NETBOX_EXPORT);
  g_assert_cmpint (cw_csv_mapping_get_field (export, 0), ==, -1);
  g_assert_cmpint (cw_csv_mapping_get_field (export, 1), ==, CW_CI_FIELD_NAME);
  g_assert_cmpint (cw_csv_mapping_get_field (export, 2), ==, CW_CI_FIELD_LIFECYCLE_STATUS);
  g_assert_cmpint (cw_csv_mapping_get_field (export, 4), ==, CW_CI_FIELD_SITE);
  g_assert_cmpint (cw_csv_mapping_get_field (export, 5), ==, -1);
  g_assert_cmpint (cw_csv_mapping_get_field (export, 7), ==, CW_CI_FIELD_CLASS);
  g_assert_cmpint (cw_csv_mapping_get_field (export, 9), ==, CW_CI_FIELD_MODEL);
  g_assert_cmpint (cw_csv_mapping_get_field (export, 10), ==, CW_CI_FIELD_OS_VERSION);
  g_assert_cmpint (cw_csv_mapping_get_field (export, 11), ==, CW_CI_FIELD_SERIAL);
  g_assert_cmpint (cw_csv_mapping_get_field (export, 13), ==, CW_CI_FIELD_IP_ADDRESS);
  g_assert_cmpint (cw_csv_mapping_get_field (export, 14), ==, -1);
  g_assert_cmpint (cw_csv_mapping_get_field (export, 16), ==, CW_CI_FIELD_NOTES);
  /* The one status gives both. */
  g_assert_true (cw_csv_mapping_has_field (export, CW_CI_FIELD_OPERATIONAL_STATUS));
  g_assert_cmpint (cw_csv_mapping_get_column (export, CW_CI_FIELD_OPERATIONAL_STATUS), ==, 2);

  g_assert_cmpint (cw_csv_mapping_get_layout (old_export), ==, CW_CSV_LAYOUT_NETBOX_EXPORT);
  g_assert_cmpint (cw_csv_mapping_get_field (old_export, 5), ==, CW_CI_FIELD_CLASS);
  g_assert_cmpint (cw_csv_mapping_get_field (old_export, 7), ==, CW_CI_FIELD_MODEL);
  g_assert_cmpint (cw_csv_mapping_get_field (old_export, 8), ==, CW_CI_FIELD_IP_ADDRESS);

  g_assert_cmpint (cw_csv_mapping_get_layout (import), ==, CW_CSV_LAYOUT_NETBOX_IMPORT);
  g_assert_cmpint (cw_csv_mapping_get_field (import, 1), ==, CW_CI_FIELD_CLASS);
  g_assert_cmpint (cw_csv_mapping_get_field (import, 3), ==, CW_CI_FIELD_MODEL);
  g_assert_cmpint (cw_csv_mapping_get_field (import, 10), ==, CW_CI_FIELD_SERIAL);
  g_assert_cmpint (cw_csv_mapping_get_field (import, 12), ==, CW_CI_FIELD_OS_VERSION);
  g_assert_true (cw_csv_mapping_has_field (import, CW_CI_FIELD_OPERATIONAL_STATUS));

  /* Only the spelling tells the two NetBox layouts apart here. */
  {
    g_autoptr(CwCsvMapping) lower = detect (STRV ("name", "role", "status", "site"), CW_CSV_LAYOUT_AUTO);
    g_autoptr(CwCsvMapping) titles = detect (STRV ("Name", "Role", "Status", "Site"), CW_CSV_LAYOUT_AUTO);

    g_assert_cmpint (cw_csv_mapping_get_layout (lower), ==, CW_CSV_LAYOUT_NETBOX_IMPORT);
    g_assert_cmpint (cw_csv_mapping_get_layout (titles), ==, CW_CSV_LAYOUT_NETBOX_EXPORT);
  }

  /* Asking for NetBox tries both NetBox layouts. */
  g_assert_cmpint (cw_csv_mapping_get_layout (old_import), ==, CW_CSV_LAYOUT_NETBOX_IMPORT);
  g_assert_cmpint (cw_csv_mapping_get_field (old_import, 1), ==, CW_CI_FIELD_CLASS);
}

static void
test_unknown_header (void)
{
  g_autofree char *message = detect_error (STRV ("foo", "bar", "baz"), CW_CSV_LAYOUT_AUTO);

  g_test_message ("%s", message);
  /* Every layout is listed, native with its exact keys. */
  for (guint f = 0; f < CW_CI_N_FIELDS; f++)
    g_assert_nonnull (strstr (message, cw_ci_field_get_key (f)));
  g_assert_nonnull (strstr (message, "Changeward CSV"));
  g_assert_nonnull (strstr (message, "ServiceNow CMDB export"));
  g_assert_nonnull (strstr (message, "sys_class_name"));
  g_assert_nonnull (strstr (message, "NetBox device list export"));
  g_assert_nonnull (strstr (message, "Device Role"));
  g_assert_nonnull (strstr (message, "NetBox bulk import"));
  g_assert_nonnull (strstr (message, "device_type"));
}

static void
test_forced_mismatch (void)
{
  g_autofree char *netbox_as_servicenow = NULL;
  g_autofree char *servicenow_as_native = NULL;
  g_autofree char *native_as_netbox = NULL;
  g_autofree char *no_name = NULL;

  netbox_as_servicenow = detect_error (STRV ("Name", "Status", "Site", "Role", "Type"),
                                       CW_CSV_LAYOUT_SERVICENOW);
  g_assert_nonnull (strstr (netbox_as_servicenow, "ServiceNow CMDB export"));
  g_assert_null (strstr (netbox_as_servicenow, "NetBox"));

  servicenow_as_native = detect_error (STRV ("name", "sys_class_name", "serial_number"),
                                       CW_CSV_LAYOUT_NATIVE);
  g_assert_nonnull (strstr (servicenow_as_native, "Changeward CSV"));
  g_assert_null (strstr (servicenow_as_native, "ServiceNow"));

  native_as_netbox = detect_error (STRV ("class", "name", "serial"), CW_CSV_LAYOUT_NETBOX_IMPORT);
  g_assert_nonnull (strstr (native_as_netbox, "NetBox bulk import"));
  g_assert_nonnull (strstr (native_as_netbox, "NetBox device list export"));

  /* The name is needed in every layout. */
  no_name = detect_error (STRV ("class", "serial", "site"), CW_CSV_LAYOUT_AUTO);
  g_assert_nonnull (no_name);
}

static void
test_servicenow_values (void)
{
  g_autoptr(CwCsvMapping) mapping = detect (
    STRV ("Name", "Class", "Manufacturer", "Model ID", "Serial number", "Asset tag", "Location",
          "IP Address", "Firmware version", "OS Version", "Status", "Operational status",
          "Sys ID", "Comments"),
    CW_CSV_LAYOUT_AUTO);
  g_auto(CwCiRecord) record = { 0 };
  struct
  {
    const char *klass;
    const char *install;
    const char *operational;
    const char *want_class;
    const char *want_lifecycle;
    const char *want_operational;
  } cases[] = {
    { "Linux Server",            "Installed",       "Operational",        "server",      "installed",       "operational" },
    { "Windows Server",          "In Maintenance",  "Non-Operational",    "server",      "in_maintenance",  "non_operational" },
    { "cmdb_ci_linux_server",    "1",               "1",                  "server",      "installed",       "operational" },
    { "IP Switch",               "On Order",        "Repair in Progress", "switch",      "on_order",        "repair_in_progress" },
    { "cmdb_ci_ip_switch",       "3",               "4",                  "switch",      "in_maintenance",  "dr_standby" },
    { "IP Router",               "Pending Install", "DR Standby",         "router",      "pending_install", "dr_standby" },
    { "cmdb_ci_ip_firewall",     "Pending Repair",  "Ready",              "firewall",    "pending_repair",  "ready" },
    { "Storage Device",          "In Stock",        "Retired",            "storage",     "in_stock",        "retired" },
    { "ESX Server",              "Retired",         "Pipeline",           "hypervisor",  "retired",         "pipeline" },
    { "cmdb_ci_esx_server",      "Stolen",          "Catalog",            "hypervisor",  "stolen",          "catalog" },
    { "cmdb_ci_db_ora_instance", "100",             "8",                  "database",    "absent",          "catalog" },
    { "MSFT SQL Instance",       "Absent",          "7",                  "database",    "absent",          "pipeline" },
    { "cmdb_ci_appl",            "installed",       "non_operational",    "application", "installed",       "non_operational" },
    { "Tomcat",                  "6",               "5",                  "application", "in_stock",        "ready" },
    { "cmdb_ci_certificate",     "7",               "6",                  "certificate", "retired",         "retired" },
    { "Hyper-V Server",          "",                "",                   "hypervisor",  "installed",       "operational" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      apply_ok (mapping,
                STRV (" web01 ", cases[i].klass, "Dell Inc.", "PowerEdge R740", "CZ123",
                      "P000123", "Frankfurt DC", "10.0.0.5", "2.19.1", "RHEL 9.2",
                      cases[i].install, cases[i].operational,
                      "0a1b2c3d4e5f60718293a4b5c6d7e8f9", "  "),
                &record);
      g_test_message ("%s", cases[i].klass);
      g_assert_cmpstr (record.values[CW_CI_FIELD_NAME], ==, "web01");
      g_assert_cmpstr (record.values[CW_CI_FIELD_CLASS], ==, cases[i].want_class);
      g_assert_cmpstr (record.values[CW_CI_FIELD_LIFECYCLE_STATUS], ==, cases[i].want_lifecycle);
      g_assert_cmpstr (record.values[CW_CI_FIELD_OPERATIONAL_STATUS], ==, cases[i].want_operational);
      g_assert_cmpstr (record.values[CW_CI_FIELD_MANUFACTURER], ==, "Dell Inc.");
      g_assert_cmpstr (record.values[CW_CI_FIELD_MODEL], ==, "PowerEdge R740");
      g_assert_cmpstr (record.values[CW_CI_FIELD_SERIAL], ==, "CZ123");
      g_assert_cmpstr (record.values[CW_CI_FIELD_ASSET_TAG], ==, "P000123");
      g_assert_cmpstr (record.values[CW_CI_FIELD_SITE], ==, "Frankfurt DC");
      g_assert_cmpstr (record.values[CW_CI_FIELD_IP_ADDRESS], ==, "10.0.0.5");
      g_assert_cmpstr (record.values[CW_CI_FIELD_FIRMWARE_VERSION], ==, "2.19.1");
      g_assert_cmpstr (record.values[CW_CI_FIELD_OS_VERSION], ==, "RHEL 9.2");
      g_assert_cmpstr (record.values[CW_CI_FIELD_SYS_ID], ==, "0a1b2c3d4e5f60718293a4b5c6d7e8f9");
      /* Blank is absent. */
      g_assert_null (record.values[CW_CI_FIELD_NOTES]);
    }
}

static void
test_servicenow_errors (void)
{
  g_autoptr(CwCsvMapping) mapping = detect (
    STRV ("name", "sys_class_name", "install_status", "operational_status"), CW_CSV_LAYOUT_AUTO);
  g_autoptr(CwCsvMapping) no_status = detect (STRV ("name", "sys_class_name"), CW_CSV_LAYOUT_AUTO);
  g_auto(CwCiRecord) record = { 0 };
  g_autofree char *klass = NULL;
  g_autofree char *table = NULL;
  g_autofree char *lifecycle = NULL;
  g_autofree char *operational = NULL;
  g_autofree char *number = NULL;
  g_autofree char *name = NULL;
  g_autofree char *no_class = NULL;

  klass = apply_error (mapping, STRV ("web01", " Toaster ", "1", "1"));
  g_assert_cmpstr (klass, ==, "Unknown class “Toaster”.");
  table = apply_error (mapping, STRV ("web01", "cmdb_ci_toaster", "1", "1"));
  g_assert_cmpstr (table, ==, "Unknown class “cmdb_ci_toaster”.");
  lifecycle = apply_error (mapping, STRV ("web01", "Linux Server", "Sleeping", "1"));
  g_assert_cmpstr (lifecycle, ==, "Unknown lifecycle status “Sleeping”.");
  operational = apply_error (mapping, STRV ("web01", "Linux Server", "1", "Dancing"));
  g_assert_cmpstr (operational, ==, "Unknown operational status “Dancing”.");
  number = apply_error (mapping, STRV ("web01", "Linux Server", "1", "100"));
  g_assert_cmpstr (number, ==, "Unknown operational status “100”.");
  name = apply_error (mapping, STRV ("   ", "Linux Server", "1", "1"));
  g_assert_cmpstr (name, ==, "The name is empty.");
  no_class = apply_error (mapping, STRV ("web01", "", "1", "1"));
  g_assert_cmpstr (no_class, ==, "The class is empty.");

  /* Without status columns, the defaults. */
  apply_ok (no_status, STRV ("web01", "Linux Server"), &record);
  g_assert_cmpstr (record.values[CW_CI_FIELD_LIFECYCLE_STATUS], ==, "installed");
  g_assert_cmpstr (record.values[CW_CI_FIELD_OPERATIONAL_STATUS], ==, "operational");
  g_assert_null (record.values[CW_CI_FIELD_SERIAL]);

  /* A record reused: what it held goes. */
  apply_ok (mapping, STRV ("web02", "IP Switch", "2", "7"), &record);
  g_assert_cmpstr (record.values[CW_CI_FIELD_NAME], ==, "web02");
  g_assert_cmpstr (record.values[CW_CI_FIELD_LIFECYCLE_STATUS], ==, "on_order");
}

static void
test_netbox_values (void)
{
  g_autoptr(CwCsvMapping) mapping = detect (
    STRV ("Name", "Status", "Site", "Role", "Manufacturer", "Type", "Platform", "IP Address"),
    CW_CSV_LAYOUT_AUTO);
  g_auto(CwCiRecord) record = { 0 };
  struct
  {
    const char *status;
    const char *lifecycle;
    const char *operational;
  } statuses[] = {
    { "active",          "installed",       "operational" },
    { "Active",          "installed",       "operational" },
    { "planned",         "on_order",        "pipeline" },
    { "Staged",          "pending_install", "ready" },
    { "failed",          "installed",       "non_operational" },
    { "Offline",         "installed",       "non_operational" },
    { "inventory",       "in_stock",        "ready" },
    { "Decommissioning", "retired",         "retired" },
  };
  struct
  {
    const char *role;
    const char *klass;
  } roles[] = {
    { "Core Switch",             "switch" },
    { "Access switches",         "switch" },
    { "Leaf",                    "switch" },
    { "Edge Router",             "router" },
    { "Firewall",                "firewall" },
    { "Compute",                 "server" },
    { "Application Server",      "server" },
    { "Storage",                 "storage" },
    { "SAN Switch",              "switch" },
    { "Hypervisor Host",         "hypervisor" },
    { "ESXi",                    "hypervisor" },
    { "Wireless LAN Controller", "controller" },
    { "WLC",                     "controller" },
    { "PDU",                     "iot" },
    { "Access Point",            "iot" },
    { "Console Server",          "iot" },
    { "IP Camera",               "iot" },
    { "storage",                 "storage" },
  };
  g_autofree char *bad_role = NULL;
  g_autofree char *bad_status = NULL;

  g_assert_cmpint (cw_csv_mapping_get_layout (mapping), ==, CW_CSV_LAYOUT_NETBOX_EXPORT);

  for (gsize i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      apply_ok (mapping,
                STRV ("sw-fra-01", statuses[i].status, "FRA1", "Core Switch", "Cisco",
                      "C9300-48P", "Cisco IOS-XE", "192.0.2.10/24"),
                &record);
      g_assert_cmpstr (record.values[CW_CI_FIELD_LIFECYCLE_STATUS], ==, statuses[i].lifecycle);
      g_assert_cmpstr (record.values[CW_CI_FIELD_OPERATIONAL_STATUS], ==, statuses[i].operational);
      g_assert_cmpstr (record.values[CW_CI_FIELD_NAME], ==, "sw-fra-01");
      g_assert_cmpstr (record.values[CW_CI_FIELD_CLASS], ==, "switch");
      g_assert_cmpstr (record.values[CW_CI_FIELD_SITE], ==, "FRA1");
      g_assert_cmpstr (record.values[CW_CI_FIELD_MANUFACTURER], ==, "Cisco");
      g_assert_cmpstr (record.values[CW_CI_FIELD_MODEL], ==, "C9300-48P");
      g_assert_cmpstr (record.values[CW_CI_FIELD_OS_VERSION], ==, "Cisco IOS-XE");
      /* The prefix length goes. */
      g_assert_cmpstr (record.values[CW_CI_FIELD_IP_ADDRESS], ==, "192.0.2.10");
    }

  for (gsize i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      apply_ok (mapping, STRV ("dev", "active", "FRA1", roles[i].role, "", "", "", "2001:db8::1/64"),
                &record);
      g_test_message ("%s", roles[i].role);
      g_assert_cmpstr (record.values[CW_CI_FIELD_CLASS], ==, roles[i].klass);
      g_assert_null (record.values[CW_CI_FIELD_MANUFACTURER]);
      g_assert_cmpstr (record.values[CW_CI_FIELD_IP_ADDRESS], ==, "2001:db8::1");
    }

  bad_role = apply_error (mapping, STRV ("dev", "active", "FRA1", "Toaster", "", "", "", ""));
  g_assert_cmpstr (bad_role, ==, "Unknown class “Toaster”.");
  bad_status = apply_error (mapping, STRV ("dev", "broken", "FRA1", "Leaf", "", "", "", ""));
  g_assert_cmpstr (bad_status, ==, "Unknown status “broken”.");
}

static void
test_native_values (void)
{
  g_autoptr(CwCsvMapping) mapping = detect (
    STRV ("class", "name", "lifecycle_status", "operational_status", "notes"), CW_CSV_LAYOUT_AUTO);
  g_auto(CwCiRecord) record = { 0 };
  g_autofree char *klass = NULL;
  g_autofree char *status = NULL;

  apply_ok (mapping, STRV ("server", "web01", "in_maintenance", "dr_standby", "a, \"b\""), &record);
  g_assert_cmpstr (record.values[CW_CI_FIELD_CLASS], ==, "server");
  g_assert_cmpstr (record.values[CW_CI_FIELD_LIFECYCLE_STATUS], ==, "in_maintenance");
  g_assert_cmpstr (record.values[CW_CI_FIELD_OPERATIONAL_STATUS], ==, "dr_standby");
  g_assert_cmpstr (record.values[CW_CI_FIELD_NOTES], ==, "a, \"b\"");

  for (const char * const *k = cw_ci_classes (); *k != NULL; k++)
    {
      apply_ok (mapping, STRV (*k, "x", "", "", ""), &record);
      g_assert_cmpstr (record.values[CW_CI_FIELD_CLASS], ==, *k);
    }

  klass = apply_error (mapping, STRV ("toaster", "web01", "installed", "operational", ""));
  g_assert_cmpstr (klass, ==, "Unknown class “toaster”.");
  status = apply_error (mapping, STRV ("server", "web01", "operational", "operational", ""));
  g_assert_cmpstr (status, ==, "Unknown lifecycle status “operational”.");
}

static void
test_custom (void)
{
  const int columns[] = {
    CW_CI_FIELD_NAME, CW_CI_FIELD_CLASS, CW_CI_FIELD_MANUFACTURER, CW_CI_FIELD_LIFECYCLE_STATUS, -1,
  };
  g_autoptr(CwCsvMapping) mapping = cw_csv_mapping_new_custom (G_N_ELEMENTS (columns), columns);
  g_autoptr(CwCsvMapping) ref = cw_csv_mapping_ref (mapping);
  g_auto(CwCiRecord) record = { 0 };
  struct
  {
    const char *klass;
    const char *status;
    const char *want_class;
    const char *want_lifecycle;
    const char *want_operational;
  } cases[] = {
    { "server",               "installed", "server",     "installed", "operational" },
    { "cmdb_ci_linux_server", "In Stock",  "server",     "in_stock",  "operational" },
    { "IP Router",            "6",         "router",     "in_stock",  "operational" },
    { "Core Switch",          "active",    "switch",     "installed", "operational" },
    { "Hypervisor host",      "planned",   "hypervisor", "on_order",  "pipeline" },
    { "Storage Array",        "offline",   "storage",    "installed", "non_operational" },
  };
  g_autofree char *klass = NULL;
  g_autofree char *status = NULL;

  g_assert_true (ref == mapping);
  g_assert_cmpint (cw_csv_mapping_get_layout (mapping), ==, CW_CSV_LAYOUT_CUSTOM);
  g_assert_cmpint (cw_csv_mapping_get_field (mapping, 0), ==, CW_CI_FIELD_NAME);
  g_assert_cmpint (cw_csv_mapping_get_field (mapping, 4), ==, -1);
  g_assert_cmpint (cw_csv_mapping_get_field (mapping, 99), ==, -1);
  g_assert_true (cw_csv_mapping_has_field (mapping, CW_CI_FIELD_LIFECYCLE_STATUS));
  g_assert_false (cw_csv_mapping_has_field (mapping, CW_CI_FIELD_OPERATIONAL_STATUS));

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      apply_ok (mapping, STRV ("db01", cases[i].klass, " Acme ", cases[i].status, "ignored"), &record);
      g_test_message ("%s", cases[i].klass);
      g_assert_cmpstr (record.values[CW_CI_FIELD_NAME], ==, "db01");
      g_assert_cmpstr (record.values[CW_CI_FIELD_CLASS], ==, cases[i].want_class);
      g_assert_cmpstr (record.values[CW_CI_FIELD_MANUFACTURER], ==, "Acme");
      g_assert_cmpstr (record.values[CW_CI_FIELD_LIFECYCLE_STATUS], ==, cases[i].want_lifecycle);
      g_assert_cmpstr (record.values[CW_CI_FIELD_OPERATIONAL_STATUS], ==, cases[i].want_operational);
      g_assert_null (record.values[CW_CI_FIELD_NOTES]);
    }

  klass = apply_error (mapping, STRV ("db01", "toaster", "", "", ""));
  g_assert_cmpstr (klass, ==, "Unknown class “toaster”.");
  status = apply_error (mapping, STRV ("db01", "server", "", "broken", ""));
  g_assert_cmpstr (status, ==, "Unknown lifecycle status “broken”.");

  /* Fewer fields than columns: the missing ones are empty. */
  apply_ok (mapping, STRV ("db02", "server"), &record);
  g_assert_null (record.values[CW_CI_FIELD_MANUFACTURER]);
  g_assert_cmpstr (record.values[CW_CI_FIELD_LIFECYCLE_STATUS], ==, "installed");
}

static void
test_guess (void)
{
  struct
  {
    const char *header;
    int         field;
  } cases[] = {
    { "class",             CW_CI_FIELD_CLASS },
    { "sys_class_name",    CW_CI_FIELD_CLASS },
    { "Device Role",       CW_CI_FIELD_CLASS },
    { "role",              CW_CI_FIELD_CLASS },
    { "Hostname",          CW_CI_FIELD_NAME },
    { " Name ",            CW_CI_FIELD_NAME },
    { "Vendor",            CW_CI_FIELD_MANUFACTURER },
    { "Model ID",          CW_CI_FIELD_MODEL },
    { "device_type",       CW_CI_FIELD_MODEL },
    { "Serial number",     CW_CI_FIELD_SERIAL },
    { "Serial-No",         CW_CI_FIELD_SERIAL },
    { "Asset Tag",         CW_CI_FIELD_ASSET_TAG },
    { "Location",          CW_CI_FIELD_SITE },
    { "IP Address",        CW_CI_FIELD_IP_ADDRESS },
    { "Mgmt IP",           CW_CI_FIELD_IP_ADDRESS },
    { "Firmware",          CW_CI_FIELD_FIRMWARE_VERSION },
    { "OS Version",        CW_CI_FIELD_OS_VERSION },
    { "Install Status",    CW_CI_FIELD_LIFECYCLE_STATUS },
    { "Operational status", CW_CI_FIELD_OPERATIONAL_STATUS },
    { "sys_id",            CW_CI_FIELD_SYS_ID },
    { "Comments",          CW_CI_FIELD_NOTES },
    { "Rack",              -1 },
    { "",                  -1 },
    { "xyzzy",             -1 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].header);
      g_assert_cmpint (cw_csv_mapping_guess_column (cases[i].header), ==, cases[i].field);
    }
}

/* The sample files, read by the reader and mapped: the whole way. */
static void
test_samples (void)
{
  struct
  {
    const char    *file;
    CwCsvEncoding  encoding;
    CwCsvLayout    layout;
    guint          n_ok;
    guint          n_errors;
  } samples[] = {
    { "servicenow-cmdb-ci.csv", CW_CSV_ENCODING_WINDOWS_1252, CW_CSV_LAYOUT_SERVICENOW,    4, 1 },
    { "netbox-devices.csv",     CW_CSV_ENCODING_UTF8,         CW_CSV_LAYOUT_NETBOX_EXPORT, 4, 1 },
  };

  for (gsize s = 0; s < G_N_ELEMENTS (samples); s++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "core", "samples", samples[s].file, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(GInputStream) stream = G_INPUT_STREAM (g_file_read (file, NULL, &error));
      g_autoptr(CwCsvReader) reader = NULL;
      g_autoptr(CwCsvMapping) mapping = NULL;
      g_auto(CwCiRecord) record = { 0 };
      const char * const *fields;
      guint n_fields;
      guint line;
      guint n_ok = 0;
      guint n_errors = 0;

      g_assert_no_error (error);
      reader = cw_csv_reader_new (stream, samples[s].encoding);
      g_assert_true (cw_csv_reader_next (reader, &fields, &n_fields, &line, NULL, &error));
      g_assert_no_error (error);
      mapping = cw_csv_mapping_detect (fields, n_fields, CW_CSV_LAYOUT_AUTO, &error);
      g_assert_no_error (error);
      g_assert_cmpint (cw_csv_mapping_get_layout (mapping), ==, samples[s].layout);

      for (;;)
        {
          if (!cw_csv_reader_next (reader, &fields, &n_fields, &line, NULL, &error))
            {
              g_assert_no_error (error);
              break;
            }
          if (cw_csv_mapping_apply (mapping, fields, n_fields, &record, &error))
            {
              n_ok++;
              g_assert_true (cw_ci_class_is_valid (record.values[CW_CI_FIELD_CLASS]));
              g_assert_true (cw_ci_lifecycle_status_is_valid (record.values[CW_CI_FIELD_LIFECYCLE_STATUS]));
              g_assert_true (cw_ci_operational_status_is_valid (record.values[CW_CI_FIELD_OPERATIONAL_STATUS]));
              if (g_strcmp0 (record.values[CW_CI_FIELD_NAME], "fra-db-01") == 0)
                g_assert_cmpstr (record.values[CW_CI_FIELD_NOTES], ==, "Café “primary”\r\nsecond line");
            }
          else
            {
              g_test_message ("line %u: %s", line, error->message);
              n_errors++;
              g_clear_error (&error);
            }
        }

      g_assert_cmpuint (n_ok, ==, samples[s].n_ok);
      g_assert_cmpuint (n_errors, ==, samples[s].n_errors);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv-layout/names", test_layout_names);
  g_test_add_func ("/csv-layout/detect-native", test_detect_native);
  g_test_add_func ("/csv-layout/detect-servicenow", test_detect_servicenow);
  g_test_add_func ("/csv-layout/detect-netbox", test_detect_netbox);
  g_test_add_func ("/csv-layout/unknown-header", test_unknown_header);
  g_test_add_func ("/csv-layout/forced-mismatch", test_forced_mismatch);
  g_test_add_func ("/csv-layout/servicenow-values", test_servicenow_values);
  g_test_add_func ("/csv-layout/servicenow-errors", test_servicenow_errors);
  g_test_add_func ("/csv-layout/netbox-values", test_netbox_values);
  g_test_add_func ("/csv-layout/native-values", test_native_values);
  g_test_add_func ("/csv-layout/custom", test_custom);
  g_test_add_func ("/csv-layout/guess", test_guess);
  g_test_add_func ("/csv-layout/samples", test_samples);

  return g_test_run ();
}
