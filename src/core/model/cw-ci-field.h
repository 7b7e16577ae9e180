/* cw-ci-field.h
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * CwCiField:
 *
 * The fields of a configuration item that import, export, search and the
 * inventory pane know about. The order is the column order of the native CSV
 * layout.
 */
typedef enum
{
  CW_CI_FIELD_CLASS,
  CW_CI_FIELD_NAME,
  CW_CI_FIELD_MANUFACTURER,
  CW_CI_FIELD_MODEL,
  CW_CI_FIELD_SERIAL,
  CW_CI_FIELD_ASSET_TAG,
  CW_CI_FIELD_SITE,
  CW_CI_FIELD_IP_ADDRESS,
  CW_CI_FIELD_FIRMWARE_VERSION,
  CW_CI_FIELD_OS_VERSION,
  CW_CI_FIELD_LIFECYCLE_STATUS,
  CW_CI_FIELD_OPERATIONAL_STATUS,
  CW_CI_FIELD_SYS_ID,
  CW_CI_FIELD_NOTES,
  CW_CI_N_FIELDS,
} CwCiField;

const char         *cw_ci_field_get_key              (CwCiField    field);
const char         *cw_ci_field_get_label            (CwCiField    field);
gboolean            cw_ci_field_from_key             (const char  *key,
                                                      CwCiField   *field);

/* Vocabularies: stored values are the keys ("in_maintenance"); labels are
 * translated for display. */
const char * const *cw_ci_classes                    (void);
const char         *cw_ci_class_get_label            (const char  *klass);
gboolean            cw_ci_class_is_valid             (const char  *klass);

const char * const *cw_ci_lifecycle_statuses         (void);
const char         *cw_ci_lifecycle_status_get_label (const char  *status);
gboolean            cw_ci_lifecycle_status_is_valid  (const char  *status);

const char * const *cw_ci_operational_statuses         (void);
const char         *cw_ci_operational_status_get_label (const char  *status);
gboolean            cw_ci_operational_status_is_valid  (const char  *status);

G_END_DECLS
