/* cw-runbook-json-parse.c: JSON text to a tree, with every member given
 * twice and where the text stops being UTF-8 or JSON.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-runbook-json"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cw-runbook-json-private.h"

/* json-glib keeps the last of members with the same name and says nothing,
 * so a file with two "steps" would lose the first without a word. The
 * names are watched as they are parsed. The objects are referenced: an
 * object replaced by a later member of the same name is freed, and its
 * address could come back for another object. */
typedef struct
{
  GHashTable *seen;        /* JsonObject → (GHashTable of its member names) */
  GHashTable *duplicates;  /* JsonObject → (GPtrArray of names given more than once) */
} Watch;

static void
on_object_member (JsonParser *parser,
                  JsonObject *object,
                  const char *name,
                  gpointer    user_data)
{
  Watch *watch = user_data;
  GHashTable *names = g_hash_table_lookup (watch->seen, object);
  GPtrArray *duplicates;

  if (names == NULL)
    {
      names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_insert (watch->seen, json_object_ref (object), names);
    }

  if (g_hash_table_add (names, g_strdup (name)))
    return;

  duplicates = g_hash_table_lookup (watch->duplicates, object);
  if (duplicates == NULL)
    {
      duplicates = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (watch->duplicates, json_object_ref (object), duplicates);
    }
  if (!g_ptr_array_find_with_equal_func (duplicates, name, g_str_equal, NULL))
    g_ptr_array_add (duplicates, g_strdup (name));
}

/* "line L, column C" of @offset in @data, the column counted in characters. */
static char *
position_of (const char *data,
             gsize       offset)
{
  const char *line_start = data;
  guint line = 1;

  for (const char *p = data; p < data + offset; p++)
    {
      if (*p == '\n')
        {
          line++;
          line_start = p + 1;
        }
    }

  return g_strdup_printf (_("line %u, column %ld"), line,
                          g_utf8_pointer_to_offset (line_start, data + offset) + 1);
}

/* json-glib says "<data>:LINE:COLUMN: Parse error: what"; made "line LINE,
 * column COLUMN: what" like the other errors. */
static char *
describe_syntax_error (const GError *parse_error)
{
  const char *message = parse_error->message;
  const char *p;
  char *end;
  guint64 line, column;

  p = strstr (message, ">:");
  if (p == NULL)
    return g_strdup (message);

  line = g_ascii_strtoull (p + 2, &end, 10);
  if (end == p + 2 || *end != ':')
    return g_strdup (message);
  p = end + 1;
  column = g_ascii_strtoull (p, &end, 10);
  if (end == p || *end != ':')
    return g_strdup (message);

  p = end + 1;
  while (*p == ' ')
    p++;
  if (g_str_has_prefix (p, "Parse error: "))
    p += strlen ("Parse error: ");

  return g_strdup_printf (_("line %u, column %u: %s"), (guint) line, (guint) column, p);
}

JsonNode *
_cw_runbook_json_parse (JsonParser  *parser,
                        const char  *data,
                        gssize       length,
                        GHashTable **duplicates,
                        GPtrArray   *errors)
{
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GHashTable) found = NULL;
  g_autoptr(GError) parse_error = NULL;
  Watch watch;
  const char *invalid;
  JsonNode *root;
  gulong handler;
  gboolean parsed;

  if (data == NULL)
    data = "";
  if (length < 0)
    length = strlen (data);

  /* A byte-order mark is not JSON, but editors write it. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  if (!g_utf8_validate (data, length, &invalid))
    {
      g_autofree char *where = position_of (data, invalid - data);

      g_ptr_array_add (errors, g_strdup_printf (_("%s: the file is not valid UTF-8 text"), where));
      return NULL;
    }

  seen = g_hash_table_new_full (NULL, NULL, (GDestroyNotify) json_object_unref,
                                (GDestroyNotify) g_hash_table_unref);
  found = g_hash_table_new_full (NULL, NULL, (GDestroyNotify) json_object_unref,
                                 (GDestroyNotify) g_ptr_array_unref);
  watch.seen = seen;
  watch.duplicates = found;

  handler = g_signal_connect (parser, "object-member", G_CALLBACK (on_object_member), &watch);
  parsed = json_parser_load_from_data (parser, data, length, &parse_error);
  g_signal_handler_disconnect (parser, handler);

  if (!parsed)
    {
      g_ptr_array_add (errors, describe_syntax_error (parse_error));
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      g_ptr_array_add (errors, g_strdup (_("the file is empty; a runbook file is a JSON object")));
      return NULL;
    }

  if (duplicates != NULL)
    *duplicates = g_steal_pointer (&found);

  return root;
}
