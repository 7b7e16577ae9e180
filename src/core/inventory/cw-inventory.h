/* cw-inventory.h
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cw-ci.h"
#include "cw-store.h"

G_BEGIN_DECLS

#define CW_INVENTORY_ERROR (cw_inventory_error_quark ())

/**
 * CwInventoryError:
 * @CW_INVENTORY_ERROR_NOT_FOUND: no CI with that id
 * @CW_INVENTORY_ERROR_INVALID_INPUT: the input has bad lines; nothing was imported
 * @CW_INVENTORY_ERROR_TOO_LARGE: ids beyond what the inventory list can hold
 */
typedef enum
{
  CW_INVENTORY_ERROR_NOT_FOUND,
  CW_INVENTORY_ERROR_INVALID_INPUT,
  CW_INVENTORY_ERROR_TOO_LARGE,
} CwInventoryError;

typedef enum
{
  CW_CI_RELATION_RUNS_ON,
  CW_CI_RELATION_DEPENDS_ON,
  CW_CI_RELATION_CONNECTED_TO,
  CW_CI_RELATION_PART_OF,
} CwCiRelationKind;

/* One relation as seen from a CI: @incoming is TRUE when the other CI is the
 * source ("db01 runs on srv01" seen from srv01). */
typedef struct
{
  gint64            other_id;
  CwCiRelationKind  kind;
  gboolean          incoming;
  char             *other_name;
  char             *other_class;
} CwCiRelation;

typedef struct
{
  char *field;         /* "firmware_version" or "os_version" */
  char *old_value;
  char *new_value;
  char *changed_at;    /* ISO 8601, UTC */
  char *source;        /* "import", "sync", "execution" or "manual" */
  char *detail;
} CwCiVersionChange;

typedef struct
{
  char     *taken_at;  /* ISO 8601, UTC */
  char     *location;
  char     *checksum;
  gint64    size_bytes;
  gboolean  verified;
} CwCiBackup;

typedef struct
{
  gint64  id;
  char   *code;
  char   *name;
  char   *time_zone;
} CwSite;

/* Version drift: how many CIs run each version of a model (or class), per
 * site. counts[i] belongs to sites[i] of the report. */
typedef struct
{
  char      *group;         /* "Cisco Catalyst 9300-48P", or a class label */
  CwCiField  field;         /* CW_CI_FIELD_FIRMWARE_VERSION or CW_CI_FIELD_OS_VERSION */
  char      *version;
  guint      total;
  guint     *counts;
} CwDriftRow;

typedef struct
{
  GPtrArray *sites;         /* CwSite, in code order */
  GPtrArray *rows;          /* CwDriftRow, by group, field, then version */
  guint      n_groups;
} CwDriftReport;

GQuark            cw_inventory_error_quark          (void);

const char       *cw_ci_relation_kind_get_key       (CwCiRelationKind   kind);
gboolean          cw_ci_relation_kind_from_key      (const char        *key,
                                                     CwCiRelationKind  *kind);
/* "Runs on" / "Hosts", "Depends on" / "Needed by", ... */
const char       *cw_ci_relation_kind_get_label     (CwCiRelationKind   kind,
                                                     gboolean           incoming);

void              cw_ci_relation_free               (CwCiRelation      *relation);
void              cw_ci_version_change_free         (CwCiVersionChange *change);
void              cw_ci_backup_free                 (CwCiBackup        *backup);
void              cw_site_free                      (CwSite            *site);
void              cw_drift_report_free              (CwDriftReport     *report);

/* Reads; cheap enough for the main thread (indexed point lookups). */
CwCi             *cw_inventory_get_ci               (CwStore           *store,
                                                     gint64             id,
                                                     GError           **error);
GPtrArray        *cw_inventory_list_relations       (CwStore           *store,
                                                     gint64             id,
                                                     GError           **error);
GPtrArray        *cw_inventory_list_history         (CwStore           *store,
                                                     gint64             id,
                                                     GError           **error);
GPtrArray        *cw_inventory_list_backups         (CwStore           *store,
                                                     gint64             id,
                                                     GError           **error);
GPtrArray        *cw_inventory_list_sites           (CwStore           *store,
                                                     GError           **error);

/* Scans: call them from a worker thread (or use the async variants). */
GPtrArray        *cw_inventory_list_values          (CwStore           *store,
                                                     CwCiField          field,
                                                     GCancellable      *cancellable,
                                                     GError           **error);
CwDriftReport    *cw_inventory_drift                (CwStore           *store,
                                                     gboolean           by_class,
                                                     GCancellable      *cancellable,
                                                     GError           **error);
/* Opens its own read-only connection to @workspace_path on a worker thread. */
void              cw_inventory_drift_async          (const char        *workspace_path,
                                                     gboolean           by_class,
                                                     GCancellable      *cancellable,
                                                     GAsyncReadyCallback callback,
                                                     gpointer           user_data);
CwDriftReport    *cw_inventory_drift_finish         (GAsyncResult      *result,
                                                     GError           **error);

/* Writes. A version change is recorded in the history with @source
 * ("import", "sync", "execution" or "manual") and @detail. */
gboolean          cw_inventory_set_versions         (CwStore           *store,
                                                     gint64             id,
                                                     const char        *firmware_version,
                                                     const char        *os_version,
                                                     const char        *source,
                                                     const char        *detail,
                                                     GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwDriftReport, cw_drift_report_free)

G_END_DECLS
