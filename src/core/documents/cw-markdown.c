/* cw-markdown.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-markdown"

#include "config.h"

#include <cmark.h>
#include <stdlib.h>
#include <string.h>

#include "cw-markdown.h"

/* The source is parsed by cmark; the tree is then walked to write Pango
 * markup. Every piece of text goes through g_markup_escape_text(), and raw
 * HTML is written as text, so the result is always well-formed markup
 * whatever the source holds.
 *
 * Layout: blocks are separated by a blank line (a single newline between
 * the items of a tight list); every line inside a list item or a block
 * quote starts with the indentation of its nesting. */

/* Indentation of one level of list or block quote. */
#define INDENT "    "

typedef struct
{
  GString *out;
  GString *indent;      /* written after every newline */
  guint    list_depth;
  gboolean in_link;     /* links never nest */
} Renderer;

static void render_block   (Renderer   *r,
                            cmark_node *node,
                            gboolean    tight);
static void render_inlines (Renderer   *r,
                            cmark_node *node);

/* Auxiliary methods */

static void
newline (Renderer *r)
{
  g_string_append_c (r->out, '\n');
  g_string_append_len (r->out, r->indent->str, r->indent->len);
}

static void
append_escaped (Renderer   *r,
                const char *text,
                gssize      length)
{
  g_autofree char *escaped = NULL;

  if (text == NULL || length == 0)
    return;

  escaped = g_markup_escape_text (text, length);
  g_string_append (r->out, escaped);
}

/* Text over several lines (code, raw HTML): each line after the first
 * starts at the current indentation. A final newline is dropped. */
static void
append_lines (Renderer   *r,
              const char *text)
{
  const char *line = text;

  if (text == NULL)
    return;

  while (*line != '\0')
    {
      const char *end = strchr (line, '\n');

      if (end == NULL)
        {
          append_escaped (r, line, -1);
          break;
        }

      append_escaped (r, line, end - line);
      if (end[1] == '\0')
        break;
      newline (r);
      line = end + 1;
    }
}

static void
render_children_blocks (Renderer   *r,
                        cmark_node *parent,
                        gboolean    tight)
{
  for (cmark_node *child = cmark_node_first_child (parent);
       child != NULL;
       child = cmark_node_next (child))
    {
      if (child != cmark_node_first_child (parent))
        {
          newline (r);
          if (!tight)
            newline (r);
        }
      render_block (r, child, tight);
    }
}

static void
render_list (Renderer   *r,
             cmark_node *list)
{
  gboolean ordered = cmark_node_get_list_type (list) == CMARK_ORDERED_LIST;
  gboolean tight = cmark_node_get_list_tight (list);
  char delim = cmark_node_get_list_delim (list) == CMARK_PAREN_DELIM ? ')' : '.';
  int number = cmark_node_get_list_start (list);
  gsize indent_len = r->indent->len;

  r->list_depth++;

  for (cmark_node *item = cmark_node_first_child (list);
       item != NULL;
       item = cmark_node_next (item), number++)
    {
      if (item != cmark_node_first_child (list))
        {
          newline (r);
          if (!tight)
            newline (r);
        }

      if (ordered)
        g_string_append_printf (r->out, "%d%c ", number, delim);
      else
        g_string_append (r->out, r->list_depth % 2 == 1 ? "• " : "◦ ");

      /* Lines after the marker line up under the item's text. */
      g_string_append (r->indent, INDENT);
      render_children_blocks (r, item, tight);
      g_string_truncate (r->indent, indent_len);
    }

  r->list_depth--;
}

static void
render_block (Renderer   *r,
              cmark_node *node,
              gboolean    tight)
{
  switch (cmark_node_get_type (node))
    {
    case CMARK_NODE_DOCUMENT:
    case CMARK_NODE_ITEM:
      render_children_blocks (r, node, tight);
      break;

    case CMARK_NODE_PARAGRAPH:
      render_inlines (r, node);
      break;

    case CMARK_NODE_HEADING:
      {
        int level = cmark_node_get_heading_level (node);
        const char *size = level == 1 ? "x-large" : level == 2 ? "large" : "medium";

        g_string_append_printf (r->out, "<span weight=\"bold\" size=\"%s\">", size);
        render_inlines (r, node);
        g_string_append (r->out, "</span>");
      }
      break;

    case CMARK_NODE_CODE_BLOCK:
      g_string_append (r->out, "<tt>");
      append_lines (r, cmark_node_get_literal (node));
      g_string_append (r->out, "</tt>");
      break;

    case CMARK_NODE_HTML_BLOCK:
      append_lines (r, cmark_node_get_literal (node));
      break;

    case CMARK_NODE_THEMATIC_BREAK:
      g_string_append (r->out, "——————————");
      break;

    case CMARK_NODE_BLOCK_QUOTE:
      {
        gsize indent_len = r->indent->len;

        g_string_append (r->indent, INDENT);
        g_string_append (r->out, INDENT "<i>");
        render_children_blocks (r, node, FALSE);
        g_string_append (r->out, "</i>");
        g_string_truncate (r->indent, indent_len);
      }
      break;

    case CMARK_NODE_LIST:
      render_list (r, node);
      break;

    case CMARK_NODE_CUSTOM_BLOCK:
      render_children_blocks (r, node, tight);
      break;

    case CMARK_NODE_NONE:
    case CMARK_NODE_TEXT:
    case CMARK_NODE_SOFTBREAK:
    case CMARK_NODE_LINEBREAK:
    case CMARK_NODE_CODE:
    case CMARK_NODE_HTML_INLINE:
    case CMARK_NODE_CUSTOM_INLINE:
    case CMARK_NODE_EMPH:
    case CMARK_NODE_STRONG:
    case CMARK_NODE_LINK:
    case CMARK_NODE_IMAGE:
    default:
      render_inlines (r, node);
      break;
    }
}

static void
render_inline (Renderer   *r,
               cmark_node *node)
{
  switch (cmark_node_get_type (node))
    {
    case CMARK_NODE_TEXT:
    case CMARK_NODE_HTML_INLINE:
      append_escaped (r, cmark_node_get_literal (node), -1);
      break;

    case CMARK_NODE_SOFTBREAK:
      g_string_append_c (r->out, ' ');
      break;

    case CMARK_NODE_LINEBREAK:
      newline (r);
      break;

    case CMARK_NODE_CODE:
      g_string_append (r->out, "<tt>");
      append_escaped (r, cmark_node_get_literal (node), -1);
      g_string_append (r->out, "</tt>");
      break;

    case CMARK_NODE_EMPH:
      g_string_append (r->out, "<i>");
      render_inlines (r, node);
      g_string_append (r->out, "</i>");
      break;

    case CMARK_NODE_STRONG:
      g_string_append (r->out, "<b>");
      render_inlines (r, node);
      g_string_append (r->out, "</b>");
      break;

    case CMARK_NODE_LINK:
    case CMARK_NODE_IMAGE:
      {
        const char *url = cmark_node_get_url (node);

        /* An image cannot be shown in a label: its description is linked
         * to it instead. A link without a target is only underlined. */
        if (r->in_link)
          render_inlines (r, node);
        else if (url != NULL && *url != '\0')
          {
            g_autofree char *href = g_markup_escape_text (url, -1);

            g_string_append_printf (r->out, "<a href=\"%s\" title=\"%s\">", href, href);
            r->in_link = TRUE;
            render_inlines (r, node);
            r->in_link = FALSE;
            if (cmark_node_first_child (node) == NULL)
              g_string_append (r->out, href);
            g_string_append (r->out, "</a>");
          }
        else
          {
            g_string_append (r->out, "<u>");
            r->in_link = TRUE;
            render_inlines (r, node);
            r->in_link = FALSE;
            g_string_append (r->out, "</u>");
          }
      }
      break;

    case CMARK_NODE_CUSTOM_INLINE:
      render_inlines (r, node);
      break;

    case CMARK_NODE_NONE:
    case CMARK_NODE_DOCUMENT:
    case CMARK_NODE_BLOCK_QUOTE:
    case CMARK_NODE_LIST:
    case CMARK_NODE_ITEM:
    case CMARK_NODE_CODE_BLOCK:
    case CMARK_NODE_HTML_BLOCK:
    case CMARK_NODE_CUSTOM_BLOCK:
    case CMARK_NODE_PARAGRAPH:
    case CMARK_NODE_HEADING:
    case CMARK_NODE_THEMATIC_BREAK:
    default:
      /* Blocks never sit inside inlines. */
      break;
    }
}

static void
render_inlines (Renderer   *r,
                cmark_node *node)
{
  for (cmark_node *child = cmark_node_first_child (node);
       child != NULL;
       child = cmark_node_next (child))
    render_inline (r, child);
}

static cmark_node *
parse (const char *markdown)
{
  g_autofree char *valid = g_utf8_make_valid (markdown, -1);

  return cmark_parse_document (valid, strlen (valid), CMARK_OPT_DEFAULT);
}

/* Turns raw HTML into text, so the HTML renderer escapes it instead of
 * leaving it out. */
static void
html_to_text (cmark_node *document)
{
  g_autoptr(GPtrArray) raw = g_ptr_array_new ();
  cmark_iter *iter = cmark_iter_new (document);
  cmark_event_type event;

  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);
      cmark_node_type type = cmark_node_get_type (node);

      if (event == CMARK_EVENT_ENTER && (type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE))
        g_ptr_array_add (raw, node);
    }
  cmark_iter_free (iter);

  for (guint i = 0; i < raw->len; i++)
    {
      cmark_node *node = g_ptr_array_index (raw, i);
      g_autofree char *literal = g_strdup (cmark_node_get_literal (node));
      cmark_node *text = cmark_node_new (CMARK_NODE_TEXT);

      if (cmark_node_get_type (node) == CMARK_NODE_HTML_BLOCK)
        {
          cmark_node *paragraph = cmark_node_new (CMARK_NODE_PARAGRAPH);

          g_strchomp (literal);
          cmark_node_append_child (paragraph, text);
          cmark_node_replace (node, paragraph);
        }
      else
        cmark_node_replace (node, text);

      cmark_node_set_literal (text, literal != NULL ? literal : "");
      cmark_node_free (node);
    }
}

/* Public API */

char *
cw_markdown_to_pango (const char *markdown)
{
  Renderer r = { 0, };
  cmark_node *document;

  if (markdown == NULL || *markdown == '\0')
    return g_strdup ("");

  document = parse (markdown);
  if (document == NULL)
    return g_strdup ("");

  r.out = g_string_new (NULL);
  r.indent = g_string_new (NULL);
  render_block (&r, document, FALSE);
  cmark_node_free (document);
  g_string_free (r.indent, TRUE);

  return g_string_free (r.out, FALSE);
}

char *
cw_markdown_to_html (const char *markdown)
{
  cmark_node *document;
  char *html;
  char *result;

  if (markdown == NULL || *markdown == '\0')
    return g_strdup ("");

  document = parse (markdown);
  if (document == NULL)
    return g_strdup ("");

  html_to_text (document);
  html = cmark_render_html (document, CMARK_OPT_DEFAULT);
  cmark_node_free (document);
  result = g_strdup (html != NULL ? html : "");
  free (html);

  return result;
}
