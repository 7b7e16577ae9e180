/* cw-inventory-import-sites.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-inventory-import"

#include "config.h"

#include <glib/gi18n.h>

#include "cw-inventory-import-private.h"
#include "cw-store-private.h"

/* The sites of the workspace, as an import names them: by code or name,
 * ignoring case. A name no site has makes a new site. */

typedef struct
{
  gint64  id;
  char   *text;   /* "<code> <name>": what the search index holds */
} Site;

struct _CwImportSites
{
  sqlite3      *db;
  sqlite3_stmt *insert;
  GPtrArray    *sites;       /* Site */
  GHashTable   *by_id;       /* gint64 * -> Site */
  GHashTable   *by_value;    /* as written in the file -> Site */
  GHashTable   *by_folded;   /* case-folded code or name -> Site */
};

static void
site_free (Site *site)
{
  g_free (site->text);
  g_free (site);
}

static Site *
add_site (CwImportSites *self,
          gint64         id,
          const char    *code,
          const char    *name)
{
  Site *site = g_new0 (Site, 1);

  site->id = id;
  site->text = g_strdup_printf ("%s %s", code, name);
  g_ptr_array_add (self->sites, site);
  g_hash_table_insert (self->by_id, &site->id, site);

  return site;
}

CwImportSites *
cw_import_sites_new (sqlite3  *db,
                     GError  **error)
{
  g_autoptr(CwImportSites) self = g_new0 (CwImportSites, 1);
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();
  sqlite3_stmt *stmt = NULL;
  int rc;

  self->db = db;
  self->sites = g_ptr_array_new_with_free_func ((GDestroyNotify) site_free);
  self->by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->by_value = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->by_folded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  rc = sqlite3_prepare_v2 (db, "INSERT INTO sites (code, name, time_zone) VALUES (?1, ?2, 'UTC')",
                           -1, &self->insert, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, "SELECT id, code, name FROM sites ORDER BY id", -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *code = (const char *) sqlite3_column_text (stmt, 1);
      const char *name = (const char *) sqlite3_column_text (stmt, 2);
      Site *site = add_site (self, sqlite3_column_int64 (stmt, 0), code, name);

      g_hash_table_insert (self->by_folded, g_utf8_casefold (name, -1), site);
      g_ptr_array_add (codes, g_utf8_casefold (code, -1));
      g_ptr_array_add (codes, site);
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);

  /* A code wins over another site's name. */
  for (guint i = 0; i < codes->len; i += 2)
    g_hash_table_insert (self->by_folded, codes->pdata[i], codes->pdata[i + 1]);

  if (rc != SQLITE_DONE)
    {
      cw_store_set_sql_error (error, db, rc, _("Sites"));
      return NULL;
    }

  return g_steal_pointer (&self);
}

gint64
cw_import_sites_resolve (CwImportSites  *self,
                         const char     *value,
                         GError        **error)
{
  g_autofree char *folded = NULL;
  Site *site;
  int rc;

  site = g_hash_table_lookup (self->by_value, value);
  if (site != NULL)
    return site->id;

  folded = g_utf8_casefold (value, -1);
  site = g_hash_table_lookup (self->by_folded, folded);
  if (site == NULL)
    {
      sqlite3_bind_text (self->insert, 1, value, -1, SQLITE_STATIC);
      sqlite3_bind_text (self->insert, 2, value, -1, SQLITE_STATIC);
      rc = sqlite3_step (self->insert);
      sqlite3_reset (self->insert);
      if (rc != SQLITE_DONE)
        {
          cw_store_set_sql_error (error, self->db, rc, _("Sites"));
          return 0;
        }

      site = add_site (self, sqlite3_last_insert_rowid (self->db), value, value);
      g_hash_table_insert (self->by_folded, g_steal_pointer (&folded), site);
      g_debug ("Import: new site “%s”", value);
    }

  g_hash_table_insert (self->by_value, g_strdup (value), site);
  return site->id;
}

const char *
cw_import_sites_get_text (CwImportSites *self,
                          gint64         site_id)
{
  Site *site;

  if (site_id == 0)
    return NULL;

  site = g_hash_table_lookup (self->by_id, &site_id);
  return site != NULL ? site->text : NULL;
}

void
cw_import_sites_free (CwImportSites *self)
{
  if (self == NULL)
    return;

  sqlite3_finalize (self->insert);
  g_clear_pointer (&self->by_value, g_hash_table_unref);
  g_clear_pointer (&self->by_folded, g_hash_table_unref);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->sites, g_ptr_array_unref);
  g_free (self);
}
