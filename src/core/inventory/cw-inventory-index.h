/* cw-inventory-index.h
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>
#include <glib.h>

G_BEGIN_DECLS

/* The search index (cis_fts, migration 0002) is contentless: the text of a CI
 * is written here, and must be given again, identical, to remove it. Every
 * write of a CI's name, model, serial, site, IP or versions goes through
 * these functions, inside the writer's transaction. */

typedef struct
{
  const char *name;
  const char *model;
  const char *serial;
  const char *site;          /* "<code> <name>" of the site, or NULL */
  const char *ip_address;
  const char *firmware_version;
  const char *os_version;
} CwCiSearchText;

/* Prepared statements for one connection; free with cw_inventory_index_free(). */
typedef struct _CwInventoryIndex CwInventoryIndex;

CwInventoryIndex *cw_inventory_index_new      (sqlite3                *db,
                                               GError                **error);
void              cw_inventory_index_free     (CwInventoryIndex       *index);
gboolean          cw_inventory_index_add      (CwInventoryIndex       *index,
                                               gint64                  id,
                                               const CwCiSearchText   *text,
                                               GError                **error);
gboolean          cw_inventory_index_remove   (CwInventoryIndex       *index,
                                               gint64                  id,
                                               const CwCiSearchText   *text,
                                               GError                **error);

/* Indexes every CI whose id is greater than @after_id from what is stored,
 * in one statement: the fast path after a bulk insert. */
gboolean          cw_inventory_index_add_from (sqlite3                *db,
                                               gint64                  after_id,
                                               GError                **error);

/* Turns what a user types into an FTS5 query: every word becomes a quoted
 * prefix term, all of them required. Returns NULL when nothing searchable
 * is left (only punctuation, say). */
char             *cw_inventory_index_build_match (const char          *text);
/* The words of @text that build_match() turns into terms, in order. */
GStrv             cw_inventory_index_split_words (const char          *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwInventoryIndex, cw_inventory_index_free)

G_END_DECLS
