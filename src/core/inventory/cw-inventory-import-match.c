/* cw-inventory-import-match.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-inventory-import"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cw-inventory.h"
#include "cw-inventory-import-private.h"
#include "cw-store-private.h"

/* Which CI a line stands for: the one with its sys_id, else the one with
 * its serial, else the one with its name in its site (the lowest id when
 * several have it). A serial or a name never matches a CI whose sys_id
 * differs from the line's.
 *
 * No index is needed. Every key of every CI, those the workspace held and
 * those the import wrote, is kept as a 32-bit fingerprint next to the CI's
 * id (cw-inventory-import-keys.c). A line whose keys have no entry is new
 * for sure; an entry names a candidate, read by its id and compared in full.
 * A CI whose key changed leaves a stale entry behind, which that comparison
 * rejects. */

const char * const cw_import_field_columns[CW_CI_N_FIELDS] = {
  [CW_CI_FIELD_CLASS] = "class",
  [CW_CI_FIELD_NAME] = "name",
  [CW_CI_FIELD_MANUFACTURER] = "manufacturer",
  [CW_CI_FIELD_MODEL] = "model",
  [CW_CI_FIELD_SERIAL] = "serial",
  [CW_CI_FIELD_ASSET_TAG] = "asset_tag",
  [CW_CI_FIELD_SITE] = "site_id",
  [CW_CI_FIELD_IP_ADDRESS] = "ip_address",
  [CW_CI_FIELD_FIRMWARE_VERSION] = "firmware_version",
  [CW_CI_FIELD_OS_VERSION] = "os_version",
  [CW_CI_FIELD_LIFECYCLE_STATUS] = "lifecycle_status",
  [CW_CI_FIELD_OPERATIONAL_STATUS] = "operational_status",
  [CW_CI_FIELD_SYS_ID] = "sys_id",
  [CW_CI_FIELD_NOTES] = "notes",
};

typedef enum
{
  KEY_SYS_ID = 1,
  KEY_SERIAL,
  KEY_NAME_IN_SITE,
  KEY_NAME,
} KeyKind;

struct _CwImportMatcher
{
  sqlite3       *db;
  sqlite3_stmt  *fetch;
  CwImportKeys   keys;
  gboolean       by_site;   /* the file says where CIs are */
};

void
cw_import_ci_clear (CwImportCi *ci)
{
  for (guint f = 0; f < CW_CI_N_FIELDS; f++)
    g_clear_pointer (&ci->values[f], g_free);
  ci->id = 0;
  ci->site_id = 0;
}

CwImportMatcher *
cw_import_matcher_new (sqlite3   *db,
                       gboolean   by_site,
                       GError   **error)
{
  g_autoptr(CwImportMatcher) self = g_new0 (CwImportMatcher, 1);
  g_autoptr(GString) sql = g_string_new ("SELECT ");
  int rc;

  self->db = db;
  self->by_site = by_site;
  cw_import_keys_init (&self->keys);

  for (guint f = 0; f < CW_CI_N_FIELDS; f++)
    g_string_append_printf (sql, "%s, ", cw_import_field_columns[f]);
  g_string_append (sql, "id FROM cis WHERE id = ?1");

  rc = sqlite3_prepare_v3 (db, sql->str, -1, SQLITE_PREPARE_PERSISTENT, &self->fetch, NULL);
  if (rc != SQLITE_OK)
    {
      cw_store_set_sql_error (error, db, rc, _("Import"));
      return NULL;
    }

  return g_steal_pointer (&self);
}

void
cw_import_matcher_free (CwImportMatcher *self)
{
  if (self == NULL)
    return;

  sqlite3_finalize (self->fetch);
  cw_import_keys_clear (&self->keys);
  g_free (self);
}

/* Within the site when the file says where CIs are, else the name alone. */
static guint32
name_fingerprint (CwImportMatcher *self,
                  const char      *name,
                  gint64           site_id)
{
  if (self->by_site)
    return cw_import_fingerprint (((guint64) site_id << 3) ^ KEY_NAME_IN_SITE, name);

  return cw_import_fingerprint (KEY_NAME, name);
}

void
cw_import_matcher_line (CwImportMatcher    *self,
                        CwImportLine       *line,
                        const char * const *values,
                        gint64              site_id)
{
  line->values = values;
  line->site_id = site_id;
  line->sys_id_fp = values[CW_CI_FIELD_SYS_ID] != NULL
    ? cw_import_fingerprint (KEY_SYS_ID, values[CW_CI_FIELD_SYS_ID]) : 0;
  line->serial_fp = values[CW_CI_FIELD_SERIAL] != NULL
    ? cw_import_fingerprint (KEY_SERIAL, values[CW_CI_FIELD_SERIAL]) : 0;
  line->name_fp = name_fingerprint (self, values[CW_CI_FIELD_NAME], site_id);
}

gboolean
cw_import_matcher_file (CwImportMatcher     *self,
                        const CwImportLine  *line,
                        gint64               id,
                        GError             **error)
{
  if (id <= 0 || id > G_MAXUINT32)
    {
      g_set_error (error, CW_INVENTORY_ERROR, CW_INVENTORY_ERROR_TOO_LARGE,
                   _("The workspace has configuration item ids beyond %u."), G_MAXUINT32);
      return FALSE;
    }

  if (line->values[CW_CI_FIELD_SYS_ID] != NULL)
    cw_import_keys_add (&self->keys, line->sys_id_fp, (guint32) id);
  if (line->values[CW_CI_FIELD_SERIAL] != NULL)
    cw_import_keys_add (&self->keys, line->serial_fp, (guint32) id);
  cw_import_keys_add (&self->keys, line->name_fp, (guint32) id);
  return TRUE;
}

gboolean
cw_import_matcher_load (CwImportMatcher  *self,
                        GError          **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, "SELECT id, sys_id, serial, name, site_id FROM cis", -1,
                           &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *values[CW_CI_N_FIELDS] = { NULL };
      CwImportLine line;

      values[CW_CI_FIELD_SYS_ID] = (const char *) sqlite3_column_text (stmt, 1);
      values[CW_CI_FIELD_SERIAL] = (const char *) sqlite3_column_text (stmt, 2);
      values[CW_CI_FIELD_NAME] = (const char *) sqlite3_column_text (stmt, 3);
      cw_import_matcher_line (self, &line, values, sqlite3_column_int64 (stmt, 4));
      if (!cw_import_matcher_file (self, &line, sqlite3_column_int64 (stmt, 0), error))
        {
          sqlite3_finalize (stmt);
          return FALSE;
        }
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    return cw_store_set_sql_error (error, self->db, rc, _("Import"));

  return TRUE;
}

static gboolean
fetch_ci (CwImportMatcher  *self,
          guint32           id,
          CwImportCi       *ci,
          GError          **error)
{
  int rc;

  cw_import_ci_clear (ci);
  sqlite3_bind_int64 (self->fetch, 1, id);
  rc = sqlite3_step (self->fetch);
  if (rc == SQLITE_ROW)
    {
      for (guint f = 0; f < CW_CI_N_FIELDS; f++)
        {
          if (f == CW_CI_FIELD_SITE)
            ci->site_id = sqlite3_column_int64 (self->fetch, f);
          else
            ci->values[f] = g_strdup ((const char *) sqlite3_column_text (self->fetch, f));
        }
      ci->id = sqlite3_column_int64 (self->fetch, CW_CI_N_FIELDS);
      rc = SQLITE_DONE;
    }
  sqlite3_reset (self->fetch);

  if (rc != SQLITE_DONE)
    return cw_store_set_sql_error (error, self->db, rc, _("Import"));

  return TRUE;
}

/* Whether @ci has the key of @kind that @line has. */
static gboolean
ci_has_key (CwImportMatcher    *self,
            const CwImportCi   *ci,
            const CwImportLine *line,
            KeyKind             kind)
{
  const char * const *values = line->values;

  switch (kind)
    {
    case KEY_SYS_ID:
      return g_strcmp0 (ci->values[CW_CI_FIELD_SYS_ID], values[CW_CI_FIELD_SYS_ID]) == 0;

    case KEY_SERIAL:
      if (g_strcmp0 (ci->values[CW_CI_FIELD_SERIAL], values[CW_CI_FIELD_SERIAL]) != 0)
        return FALSE;
      break;

    case KEY_NAME_IN_SITE:
    case KEY_NAME:
      if (g_strcmp0 (ci->values[CW_CI_FIELD_NAME], values[CW_CI_FIELD_NAME]) != 0)
        return FALSE;
      if (self->by_site && ci->site_id != line->site_id)
        return FALSE;
      break;

    default:
      g_assert_not_reached ();
    }

  return values[CW_CI_FIELD_SYS_ID] == NULL || ci->values[CW_CI_FIELD_SYS_ID] == NULL;
}

/* The CI with the lowest id among those filed under @fp that have the key. */
static gboolean
find_by_key (CwImportMatcher     *self,
             const CwImportLine  *line,
             KeyKind              kind,
             guint32              fp,
             CwImportCi          *best,
             GError             **error)
{
  g_auto(CwImportCi) candidate = { 0 };
  gssize cursor = -1;
  guint32 id;

  while ((id = cw_import_keys_next (&self->keys, fp, &cursor)) != 0)
    {
      if (best->id != 0 && id >= best->id)
        continue;
      if (!fetch_ci (self, id, &candidate, error))
        return FALSE;
      if (candidate.id != 0 && ci_has_key (self, &candidate, line, kind))
        {
          cw_import_ci_clear (best);
          *best = candidate;
          memset (&candidate, 0, sizeof candidate);
        }
    }

  return TRUE;
}

gboolean
cw_import_matcher_find (CwImportMatcher     *self,
                        const CwImportLine  *line,
                        CwImportCi          *ci,
                        GError             **error)
{
  if (line->values[CW_CI_FIELD_SYS_ID] != NULL)
    {
      if (!find_by_key (self, line, KEY_SYS_ID, line->sys_id_fp, ci, error))
        return FALSE;
      if (ci->id != 0)
        return TRUE;
    }

  if (line->values[CW_CI_FIELD_SERIAL] != NULL)
    {
      if (!find_by_key (self, line, KEY_SERIAL, line->serial_fp, ci, error))
        return FALSE;
      if (ci->id != 0)
        return TRUE;
    }

  return find_by_key (self, line, self->by_site ? KEY_NAME_IN_SITE : KEY_NAME, line->name_fp,
                      ci, error);
}
