/* cw-runbook-json-private.h: what the JSON reader's files share.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Parses @data with @parser: a byte-order mark is skipped, the text must be
 * UTF-8 and JSON. Returns the root node (owned by @parser), or NULL after
 * adding one line to @errors: where the text stops being UTF-8 or JSON, or
 * that it is empty. @duplicates (or NULL) gets, for each object given a
 * member more than once, the names of those members: JsonObject → GPtrArray
 * of utf8, the objects referenced. */
JsonNode *_cw_runbook_json_parse  (JsonParser  *parser,
                                   const char  *data,
                                   gssize       length,
                                   GHashTable **duplicates,
                                   GPtrArray   *errors);

G_END_DECLS
