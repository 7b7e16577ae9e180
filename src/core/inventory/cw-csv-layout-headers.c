/* cw-csv-layout-headers.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-csv-layout"

#include "config.h"

#include "cw-csv-layout-private.h"

/* A ServiceNow list exported as CSV has the field names as headers, or the
 * column labels; reference fields hold display values, choice fields labels
 * (or their values). */
static const CwCsvAlias servicenow_aliases[] = {
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
static const CwCsvAlias netbox_export_aliases[] = {
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
static const CwCsvAlias netbox_import_aliases[] = {
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

/* Only for guessing a column in the UI, compared as keys (see cw_csv_layout_keyify()). */
static const CwCsvAlias guess_aliases[] = {
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

const CwCsvAlias *
cw_csv_layout_get_aliases (CwCsvLayout  layout,
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

/* Common other names, only for guessing a column in the UI. */
const CwCsvAlias *
cw_csv_layout_get_guess_aliases (gsize *n_aliases)
{
  *n_aliases = G_N_ELEMENTS (guess_aliases);
  return guess_aliases;
}
