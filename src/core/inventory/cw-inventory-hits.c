/* cw-inventory-hits.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-inventory-hits"

#include "config.h"

#include <string.h>

#include "cw-inventory-index.h"
#include "cw-inventory-private.h"
#include "cw-inventory-searcher-private.h"

/* The CIs a search finds, as a set of bits over ids.
 *
 * A word is a prefix: FTS5 answers "word"* by merging the lists of every
 * term that starts with it, which costs a lot more than reading the list
 * of one term (about 17 ms against 5 for the 124,000 CIs of "fra1" at a
 * million CIs). So a word of two characters or more looks up its terms in
 * the index's vocabulary first: a few of them are read one by one ("fra1",
 * "frankfurt"); many (a two-letter prefix of serial numbers) are read from
 * the vocabulary's own list of (term, CI). A one-character word has a
 * prefix index of its own (migration 0002). Words that are not plain ASCII
 * go to FTS5 as they are, which folds case and accents as the index did. */

/* More terms than this: read them from the vocabulary's list. */
#define MAX_TERMS 64

static int
step_hits (sqlite3_stmt *stmt,
           guint8       *bits,
           guint32       max_id)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (id > 0 && id <= max_id)
        CW_HITS_ADD (bits, id);
    }

  return rc;
}

/* Runs @sql, with text parameters @params, adding the ids of its first
 * column to @bits. */
static gboolean
add_hits (sqlite3       *db,
          const char    *sql,
          const char   **params,
          guint          n_params,
          guint8        *bits,
          guint32        max_id,
          GCancellable  *cancellable,
          GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      for (guint i = 0; i < n_params; i++)
        sqlite3_bind_text (stmt, (int) i + 1, params[i], -1, SQLITE_STATIC);
      rc = step_hits (stmt, bits, max_id);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    return _cw_inventory_searcher_set_error (error, db, rc, cancellable);

  return TRUE;
}

static gboolean
is_plain_ascii (const char *word)
{
  for (const char *p = word; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p) && *p != '.')
        return FALSE;
    }

  return TRUE;
}

/* The vocabulary of the index, as tables of this connection only. */
static gboolean
ensure_vocabulary (sqlite3       *db,
                   GCancellable  *cancellable,
                   GError       **error)
{
  int rc;

  rc = sqlite3_exec (db,
                     "CREATE VIRTUAL TABLE IF NOT EXISTS temp.cw_search_terms "
                     "  USING fts5vocab (main, cis_fts, row);"
                     "CREATE VIRTUAL TABLE IF NOT EXISTS temp.cw_search_instances "
                     "  USING fts5vocab (main, cis_fts, instance);",
                     NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return _cw_inventory_searcher_set_error (error, db, rc, cancellable);

  return TRUE;
}

guint8 *
_cw_inventory_hits_for_word (sqlite3       *db,
                             const char    *word,
                             guint32        max_id,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_autofree guint8 *bits = g_new0 (guint8, CW_HITS_SIZE (max_id));
  g_autofree char *prefix = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GPtrArray) terms = NULL;
  g_autoptr(GString) match = NULL;
  const char *range[2];
  sqlite3_stmt *stmt = NULL;
  gsize len;
  int rc;

  /* A word of cw_inventory_index_split_words(): no quotes in it. */
  g_return_val_if_fail (word != NULL && word[0] != '\0' && strchr (word, '"') == NULL, NULL);

  if (!is_plain_ascii (word) || word[1] == '\0')
    {
      g_autofree char *quoted = g_strdup_printf ("\"%s\"*", word);
      const char *params[] = { quoted };

      if (!add_hits (db, "SELECT rowid FROM cis_fts WHERE cis_fts MATCH ?", params, 1,
                     bits, max_id, cancellable, error))
        return NULL;

      return g_steal_pointer (&bits);
    }

  if (!ensure_vocabulary (db, cancellable, error))
    return NULL;

  /* Every term from the word on, up to the word with its last character
   * one higher: the terms it is a prefix of (terms are lowercase). */
  prefix = g_ascii_strdown (word, -1);
  len = strlen (prefix);
  after = g_strdup (prefix);
  after[len - 1]++;
  range[0] = prefix;
  range[1] = after;

  terms = g_ptr_array_new_with_free_func (g_free);
  rc = sqlite3_prepare_v2 (db,
                           "SELECT term FROM temp.cw_search_terms "
                           "WHERE term >= ?1 AND term < ?2 LIMIT " G_STRINGIFY (MAX_TERMS) " + 1",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, range[0], -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, range[1], -1, SQLITE_STATIC);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        g_ptr_array_add (terms, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _cw_inventory_searcher_set_error (error, db, rc, cancellable);
      return NULL;
    }

  if (terms->len == 0)
    return g_steal_pointer (&bits);

  if (terms->len > MAX_TERMS)
    {
      if (!add_hits (db,
                     "SELECT doc FROM temp.cw_search_instances WHERE term >= ?1 AND term < ?2",
                     range, 2, bits, max_id, cancellable, error))
        return NULL;

      return g_steal_pointer (&bits);
    }

  /* Terms hold no '"': the tokenizer keeps letters, digits and '.'. */
  match = g_string_new (NULL);
  for (guint i = 0; i < terms->len; i++)
    g_string_append_printf (match, "%s\"%s\"", i > 0 ? " OR " : "",
                            (const char *) g_ptr_array_index (terms, i));
  range[0] = match->str;
  if (!add_hits (db, "SELECT rowid FROM cis_fts WHERE cis_fts MATCH ?", range, 1,
                 bits, max_id, cancellable, error))
    return NULL;

  return g_steal_pointer (&bits);
}

static void
append_placeholders (GString *sql,
                     guint    n)
{
  for (guint i = 0; i < n; i++)
    g_string_append (sql, i == 0 ? "?" : ", ?");
}

guint8 *
_cw_inventory_hits_for_query (sqlite3                 *db,
                              const CwInventoryQuery  *query,
                              guint32                  max_id,
                              GCancellable            *cancellable,
                              GError                 **error)
{
  g_autofree char *match = cw_inventory_index_build_match (cw_inventory_query_get_text (query));
  g_autoptr(GString) where = g_string_new (NULL);
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GPtrArray) params = g_ptr_array_new ();
  g_autofree guint8 *bits = g_new0 (guint8, CW_HITS_SIZE (max_id));
  const char *version = cw_inventory_query_get_version (query);

  if (match != NULL)
    g_ptr_array_add (params, match);

  for (guint f = 0; f < CW_CI_N_FIELDS; f++)
    {
      const char * const *values = cw_inventory_query_get_filter (query, f);
      guint n_values = values != NULL ? g_strv_length ((GStrv) values) : 0;

      if (n_values == 0)
        continue;

      if (where->len > 0)
        g_string_append (where, " AND ");

      if (f == CW_CI_FIELD_SITE)
        g_string_append (where, "site_id IN (SELECT id FROM sites WHERE code IN (");
      else
        g_string_append_printf (where, "%s IN (", cw_inventory_field_column (f));
      append_placeholders (where, n_values);
      g_string_append (where, f == CW_CI_FIELD_SITE ? "))" : ")");

      for (guint i = 0; i < n_values; i++)
        g_ptr_array_add (params, (gpointer) values[i]);
    }

  if (version != NULL)
    {
      if (where->len > 0)
        g_string_append (where, " AND ");
      g_string_append (where, "(firmware_version = ? OR os_version = ?)");
      g_ptr_array_add (params, (gpointer) version);
      g_ptr_array_add (params, (gpointer) version);
    }

  if (match != NULL && where->len == 0)
    g_string_append (sql, "SELECT rowid FROM cis_fts WHERE cis_fts MATCH ?");
  else if (match != NULL)
    g_string_append_printf (sql, "SELECT id FROM cis WHERE id IN "
                                 "(SELECT rowid FROM cis_fts WHERE cis_fts MATCH ?) AND %s",
                            where->str);
  else if (where->len > 0)
    g_string_append_printf (sql, "SELECT id FROM cis WHERE %s", where->str);
  else
    return g_steal_pointer (&bits);   /* only punctuation was typed: no hits */

  if (!add_hits (db, sql->str, (const char **) params->pdata, params->len, bits, max_id,
                 cancellable, error))
    return NULL;

  return g_steal_pointer (&bits);
}
