/* cw-csv-layout.h
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "cw-ci-field.h"
#include "cw-csv.h"

G_BEGIN_DECLS

/**
 * CwCsvLayout:
 * @CW_CSV_LAYOUT_AUTO: decide from the header row
 * @CW_CSV_LAYOUT_NATIVE: Changeward's own columns, the cw_ci_field_get_key() names
 * @CW_CSV_LAYOUT_SERVICENOW: a ServiceNow CMDB list exported as CSV (field
 *   names or column labels)
 * @CW_CSV_LAYOUT_NETBOX_EXPORT: NetBox's device list exported as CSV (column titles)
 * @CW_CSV_LAYOUT_NETBOX_IMPORT: NetBox's device bulk-import columns (field names)
 * @CW_CSV_LAYOUT_CUSTOM: a mapping made by the user
 */
typedef enum
{
  CW_CSV_LAYOUT_AUTO,
  CW_CSV_LAYOUT_NATIVE,
  CW_CSV_LAYOUT_SERVICENOW,
  CW_CSV_LAYOUT_NETBOX_EXPORT,
  CW_CSV_LAYOUT_NETBOX_IMPORT,
  CW_CSV_LAYOUT_CUSTOM,
} CwCsvLayout;

gboolean      cw_csv_layout_from_string   (const char          *name,
                                           CwCsvLayout         *layout);
const char   *cw_csv_layout_to_string     (CwCsvLayout          layout);
const char   *cw_csv_layout_get_label     (CwCsvLayout          layout);

/**
 * CwCiRecord:
 * @values: one value per #CwCiField; %NULL when the column is absent or empty
 *
 * The normalised fields of one CSV record. Initialise with `{ 0 }`; release
 * with cw_ci_record_clear() (or declare it with g_auto()).
 */
typedef struct
{
  char *values[CW_CI_N_FIELDS];
} CwCiRecord;

void          cw_ci_record_clear          (CwCiRecord          *record);

/**
 * CwCsvMapping:
 *
 * Which column of a CSV file holds which #CwCiField, and how its values are
 * read. Reference counted.
 */
typedef struct _CwCsvMapping CwCsvMapping;

CwCsvMapping *cw_csv_mapping_detect       (const char * const  *header,
                                           guint                n_columns,
                                           CwCsvLayout          wanted,
                                           GError             **error);
CwCsvMapping *cw_csv_mapping_new_custom   (guint                n_columns,
                                           const int           *columns);
CwCsvMapping *cw_csv_mapping_ref          (CwCsvMapping        *mapping);
void          cw_csv_mapping_unref        (CwCsvMapping        *mapping);

int           cw_csv_mapping_guess_column (const char          *header);
CwCsvLayout   cw_csv_mapping_get_layout   (CwCsvMapping        *mapping);
guint         cw_csv_mapping_get_n_columns (CwCsvMapping       *mapping);
int           cw_csv_mapping_get_field    (CwCsvMapping        *mapping,
                                           guint                column);
int           cw_csv_mapping_get_column   (CwCsvMapping        *mapping,
                                           CwCiField            field);
gboolean      cw_csv_mapping_has_field    (CwCsvMapping        *mapping,
                                           CwCiField            field);
gboolean      cw_csv_mapping_apply        (CwCsvMapping        *mapping,
                                           const char * const  *fields,
                                           guint                n_fields,
                                           CwCiRecord          *record,
                                           GError             **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CwCiRecord, cw_ci_record_clear)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwCsvMapping, cw_csv_mapping_unref)

G_END_DECLS
