/* cw-inventory-index.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-inventory-index"

#include "config.h"

#include <string.h>

#include "cw-inventory-index.h"
#include "cw-store-private.h"

struct _CwInventoryIndex
{
  sqlite3      *db;
  sqlite3_stmt *add;
  sqlite3_stmt *remove;
};

/* The same text as the INSERT ... SELECT of migration 0002 and of
 * cw_inventory_index_add_from(): a difference would make 'delete' fail. */
#define SELECT_TEXT \
  "SELECT c.id, c.name, ifnull (c.model, ''), ifnull (c.serial, ''), " \
  "ifnull (s.code || ' ' || s.name, ''), ifnull (c.ip_address, ''), " \
  "trim (ifnull (c.firmware_version, '') || ' ' || ifnull (c.os_version, '')) " \
  "FROM cis c LEFT JOIN sites s ON s.id = c.site_id "

CwInventoryIndex *
cw_inventory_index_new (sqlite3  *db,
                        GError  **error)
{
  g_autoptr(CwInventoryIndex) index = g_new0 (CwInventoryIndex, 1);
  int rc;

  g_return_val_if_fail (db != NULL, NULL);

  index->db = db;
  rc = sqlite3_prepare_v2 (db,
                           "INSERT INTO cis_fts (rowid, name, model, serial, site, ip, versions) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, trim (?7 || ' ' || ?8))",
                           -1, &index->add, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db,
                             "INSERT INTO cis_fts (cis_fts, rowid, name, model, serial, site, ip, "
                             "versions) VALUES ('delete', ?1, ?2, ?3, ?4, ?5, ?6, "
                             "trim (?7 || ' ' || ?8))",
                             -1, &index->remove, NULL);
  if (rc != SQLITE_OK)
    {
      cw_store_set_sql_error (error, db, rc, "search index");
      return NULL;
    }

  return g_steal_pointer (&index);
}

void
cw_inventory_index_free (CwInventoryIndex *index)
{
  if (index == NULL)
    return;

  sqlite3_finalize (index->add);
  sqlite3_finalize (index->remove);
  g_free (index);
}

static gboolean
run (CwInventoryIndex      *index,
     sqlite3_stmt          *stmt,
     gint64                 id,
     const CwCiSearchText  *text,
     GError               **error)
{
  const char *values[] = {
    text->name, text->model, text->serial, text->site, text->ip_address,
    text->firmware_version, text->os_version,
  };
  int rc;

  sqlite3_bind_int64 (stmt, 1, id);
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    sqlite3_bind_text (stmt, (int) i + 2, values[i] != NULL ? values[i] : "", -1, SQLITE_STATIC);

  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  if (rc != SQLITE_DONE)
    return cw_store_set_sql_error (error, index->db, rc, "search index");

  return TRUE;
}

gboolean
cw_inventory_index_add (CwInventoryIndex      *index,
                        gint64                 id,
                        const CwCiSearchText  *text,
                        GError               **error)
{
  g_return_val_if_fail (index != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  return run (index, index->add, id, text, error);
}

gboolean
cw_inventory_index_remove (CwInventoryIndex      *index,
                           gint64                 id,
                           const CwCiSearchText  *text,
                           GError               **error)
{
  g_return_val_if_fail (index != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  return run (index, index->remove, id, text, error);
}

gboolean
cw_inventory_index_add_from (sqlite3  *db,
                             gint64    after_id,
                             GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (db != NULL, FALSE);

  rc = sqlite3_prepare_v2 (db,
                           "INSERT INTO cis_fts (rowid, name, model, serial, site, ip, versions) "
                           SELECT_TEXT "WHERE c.id > ?1",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, after_id);
      rc = sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    return cw_store_set_sql_error (error, db, rc, "search index");

  return TRUE;
}

/**
 * cw_inventory_index_split_words:
 *
 * The words of what a user types, as the tokenizer would keep them:
 * letters, digits and '.' ('.' is a token character, see migration 0002);
 * anything else splits.
 *
 * Returns: (transfer full): the words, possibly none
 */
GStrv
cw_inventory_index_split_words (const char *text)
{
  GPtrArray *words = g_ptr_array_new ();
  const char *p = text != NULL ? text : "";

  while (*p != '\0')
    {
      const char *start;

      while (*p != '\0' && !g_unichar_isalnum (g_utf8_get_char (p)) && *p != '.')
        p = g_utf8_next_char (p);

      start = p;
      while (*p != '\0' && (g_unichar_isalnum (g_utf8_get_char (p)) || *p == '.'))
        p = g_utf8_next_char (p);

      if (p > start)
        g_ptr_array_add (words, g_strndup (start, p - start));
    }

  g_ptr_array_add (words, NULL);
  return (GStrv) g_ptr_array_free (words, FALSE);
}

char *
cw_inventory_index_build_match (const char *text)
{
  g_autoptr(GString) match = g_string_new (NULL);
  g_auto(GStrv) words = NULL;

  if (text == NULL)
    return NULL;

  words = cw_inventory_index_split_words (text);
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (match->len > 0)
        g_string_append_c (match, ' ');
      g_string_append_c (match, '"');
      g_string_append (match, words[i]);
      g_string_append (match, "\"*");
    }

  if (match->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&match), FALSE);
}
