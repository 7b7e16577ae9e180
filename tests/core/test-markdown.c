/* test-markdown.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-markdown"

#include "config.h"

#include <glib.h>
#include <string.h>

#include "cw-markdown.h"

/* The Pango markup is checked through GMarkup, as Pango itself parses it:
 * it must be well-formed, use only the elements a GtkLabel knows, and its
 * text (the markup without elements) must read as expected. */

static const char * const label_elements[] = { "markup", "span", "b", "i", "u", "tt", "a", NULL };

typedef struct
{
  GString *text;      /* the text, entities resolved */
  GString *elements;  /* "b i tt ..." in document order */
  GString *hrefs;
} Parsed;

static void
start_element (GMarkupParseContext  *context,
               const char           *element_name,
               const char          **attribute_names,
               const char          **attribute_values,
               gpointer              user_data,
               GError              **error)
{
  Parsed *parsed = user_data;

  if (!g_strv_contains (label_elements, element_name))
    {
      g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_UNKNOWN_ELEMENT,
                   "element <%s> is not Pango markup", element_name);
      return;
    }

  if (strcmp (element_name, "markup") != 0)
    g_string_append_printf (parsed->elements, "%s%s", parsed->elements->len > 0 ? " " : "", element_name);

  for (guint i = 0; attribute_names[i] != NULL; i++)
    if (strcmp (element_name, "a") == 0 && strcmp (attribute_names[i], "href") == 0)
      g_string_append_printf (parsed->hrefs, "%s ", attribute_values[i]);
}

static void
text (GMarkupParseContext  *context,
      const char           *content,
      gsize                 length,
      gpointer              user_data,
      GError              **error)
{
  Parsed *parsed = user_data;

  g_string_append_len (parsed->text, content, length);
}

static const GMarkupParser parser = { start_element, NULL, text, NULL, NULL };

/* Converts @markdown, asserts the markup is well-formed, and returns its
 * text; @elements and @hrefs (either may be NULL) get the elements and the
 * links' targets. */
static char *
pango_text (const char  *markdown,
            char       **elements,
            char       **hrefs)
{
  g_autofree char *markup = cw_markdown_to_pango (markdown);
  g_autofree char *wrapped = g_strconcat ("<markup>", markup, "</markup>", NULL);
  Parsed parsed = { g_string_new (NULL), g_string_new (NULL), g_string_new (NULL) };
  GMarkupParseContext *context = g_markup_parse_context_new (&parser, 0, &parsed, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_utf8_validate (markup, -1, NULL));
  if (!g_markup_parse_context_parse (context, wrapped, -1, &error) ||
      !g_markup_parse_context_end_parse (context, &error))
    g_error ("not well-formed markup for %s: %s\n%s", markdown, error->message, markup);
  g_markup_parse_context_free (context);

  if (elements != NULL)
    *elements = g_strdup (parsed.elements->str);
  if (hrefs != NULL)
    *hrefs = g_strdup (parsed.hrefs->str);
  g_string_free (parsed.elements, TRUE);
  g_string_free (parsed.hrefs, TRUE);

  return g_string_free (parsed.text, FALSE);
}

static void
test_empty (void)
{
  g_autofree char *from_null = cw_markdown_to_pango (NULL);
  g_autofree char *from_empty = cw_markdown_to_pango ("");
  g_autofree char *html_null = cw_markdown_to_html (NULL);
  g_autofree char *html_empty = cw_markdown_to_html ("");
  g_autofree char *blank = pango_text ("\n\n   \n", NULL, NULL);

  g_assert_cmpstr (from_null, ==, "");
  g_assert_cmpstr (from_empty, ==, "");
  g_assert_cmpstr (html_null, ==, "");
  g_assert_cmpstr (html_empty, ==, "");
  g_assert_cmpstr (blank, ==, "");
}

static void
test_headings (void)
{
  g_autofree char *markup = cw_markdown_to_pango ("# Upgrade\n\n## Checks\n\n### Notes\n\nBody");
  g_autofree char *elements = NULL;
  g_autofree char *plain = pango_text ("# Upgrade\n\n## Checks\n\n### Notes\n\nBody", &elements, NULL);

  g_assert_cmpstr (plain, ==, "Upgrade\n\nChecks\n\nNotes\n\nBody");
  g_assert_cmpstr (elements, ==, "span span span");
  g_assert_nonnull (strstr (markup, "weight=\"bold\" size=\"x-large\">Upgrade<"));
  g_assert_nonnull (strstr (markup, "size=\"large\">Checks<"));
  g_assert_nonnull (strstr (markup, "weight=\"bold\" size=\"medium\">Notes<"));
}

static void
test_emphasis_and_code (void)
{
  g_autofree char *elements = NULL;
  g_autofree char *plain = pango_text ("Run *carefully*, **twice**, then `show version`.", &elements, NULL);
  g_autofree char *markup = cw_markdown_to_pango ("a *b **c** d*");

  g_assert_cmpstr (plain, ==, "Run carefully, twice, then show version.");
  g_assert_cmpstr (elements, ==, "i b tt");
  g_assert_cmpstr (markup, ==, "a <i>b <b>c</b> d</i>");
}

static void
test_code_block (void)
{
  g_autofree char *elements = NULL;
  g_autofree char *plain = pango_text ("Before\n\n```sh\nshow version\nif [ $a < 3 ]; then\n```\n\nAfter",
                                       &elements, NULL);
  g_autofree char *indented = pango_text ("    one\n    two\n", NULL, NULL);

  g_assert_cmpstr (plain, ==, "Before\n\nshow version\nif [ $a < 3 ]; then\n\nAfter");
  g_assert_cmpstr (elements, ==, "tt");
  g_assert_cmpstr (indented, ==, "one\ntwo");
}

static void
test_lists (void)
{
  g_autofree char *bullets = pango_text ("- one\n- two\n  - nested\n  - again\n- three", NULL, NULL);
  g_autofree char *ordered = pango_text ("3. third\n4. fourth\n\n   more\n", NULL, NULL);
  g_autofree char *paren = pango_text ("1) a\n2) b", NULL, NULL);
  g_autofree char *loose = pango_text ("- a\n\n- b", NULL, NULL);

  g_assert_cmpstr (bullets, ==, "• one\n• two\n    ◦ nested\n    ◦ again\n• three");
  /* A loose list: blank lines between items and between an item's paragraphs,
   * its second paragraph indented under the first. */
  g_assert_cmpstr (ordered, ==, "3. third\n\n4. fourth\n    \n    more");
  g_assert_cmpstr (paren, ==, "1) a\n2) b");
  g_assert_cmpstr (loose, ==, "• a\n\n• b");
}

static void
test_block_quote (void)
{
  g_autofree char *elements = NULL;
  g_autofree char *plain = pango_text ("Said:\n\n> Do not reboot\n> both nodes.\n\nDone", &elements, NULL);

  g_assert_cmpstr (plain, ==, "Said:\n\n    Do not reboot both nodes.\n\nDone");
  g_assert_cmpstr (elements, ==, "i");
}

static void
test_links (void)
{
  g_autofree char *elements = NULL;
  g_autofree char *hrefs = NULL;
  g_autofree char *plain = pango_text ("See [the notes](https://example.com/a?b=1&c=\"2\") and <https://x.org>.",
                                       &elements, &hrefs);
  g_autofree char *empty = NULL;
  g_autofree char *empty_text = pango_text ("[no target]()", &empty, NULL);
  g_autofree char *nested = NULL;
  g_autofree char *nested_text = pango_text ("[![logo](a.png)](https://b.org)", &nested, NULL);

  g_assert_cmpstr (plain, ==, "See the notes and https://x.org.");
  g_assert_cmpstr (elements, ==, "a a");
  g_assert_cmpstr (hrefs, ==, "https://example.com/a?b=1&c=\"2\" https://x.org ");
  g_assert_cmpstr (empty_text, ==, "no target");
  g_assert_cmpstr (empty, ==, "u");
  /* Links never nest: an image inside a link is its description. */
  g_assert_cmpstr (nested_text, ==, "logo");
  g_assert_cmpstr (nested, ==, "a");
}

static void
test_breaks (void)
{
  g_autofree char *soft = pango_text ("one\ntwo", NULL, NULL);
  g_autofree char *hard = pango_text ("one  \ntwo\\\nthree", NULL, NULL);
  g_autofree char *rule = pango_text ("above\n\n---\n\nbelow", NULL, NULL);
  g_autofree char *in_list = pango_text ("- one  \n  two", NULL, NULL);

  g_assert_cmpstr (soft, ==, "one two");
  g_assert_cmpstr (hard, ==, "one\ntwo\nthree");
  g_assert_cmpstr (rule, ==, "above\n\n——————————\n\nbelow");
  g_assert_cmpstr (in_list, ==, "• one\n    two");
}

static void
test_escaping (void)
{
  g_autofree char *elements = NULL;
  g_autofree char *plain = pango_text ("if a < b && c > d then 'x' \"y\"", &elements, NULL);
  g_autofree char *markup = cw_markdown_to_pango ("a < b & c > d");
  g_autofree char *code = pango_text ("`<b>&amp;</b>`", NULL, NULL);

  g_assert_cmpstr (plain, ==, "if a < b && c > d then 'x' \"y\"");
  g_assert_cmpstr (elements, ==, "");
  g_assert_cmpstr (markup, ==, "a &lt; b &amp; c &gt; d");
  g_assert_cmpstr (code, ==, "<b>&amp;</b>");
}

static void
test_raw_html (void)
{
  g_autofree char *block_elements = NULL;
  g_autofree char *block = pango_text ("<script>alert(1)</script>\n\ntext", &block_elements, NULL);
  g_autofree char *inline_elements = NULL;
  g_autofree char *inline_text = pango_text ("a <b>bold</b> <span foreground=\"red\">x</span>",
                                             &inline_elements, NULL);
  g_autofree char *html = cw_markdown_to_html ("<script>alert(1)</script>\n\na <b>bold</b> *em*");

  /* Raw HTML is shown as it was typed, never as markup. */
  g_assert_cmpstr (block, ==, "<script>alert(1)</script>\n\ntext");
  g_assert_cmpstr (block_elements, ==, "");
  g_assert_cmpstr (inline_text, ==, "a <b>bold</b> <span foreground=\"red\">x</span>");
  g_assert_cmpstr (inline_elements, ==, "");

  g_assert_null (strstr (html, "<script>"));
  g_assert_null (strstr (html, "<b>"));
  g_assert_nonnull (strstr (html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
  g_assert_nonnull (strstr (html, "a &lt;b&gt;bold&lt;/b&gt; <em>em</em>"));
}

static void
test_html (void)
{
  g_autofree char *html = cw_markdown_to_html ("# Title\n\n- a\n- b\n\n```\nx < y\n```\n\n[l](javascript:alert(1))");

  g_assert_nonnull (strstr (html, "<h1>Title</h1>"));
  g_assert_nonnull (strstr (html, "<ul>\n<li>a</li>\n<li>b</li>\n</ul>"));
  g_assert_nonnull (strstr (html, "<pre><code>x &lt; y\n</code></pre>"));
  /* Unsafe link targets are dropped. */
  g_assert_null (strstr (html, "javascript:"));
}

/* Whatever the input, the markup is well-formed and holds only label
 * elements: odd input, invalid UTF-8, control characters, deep nesting. */
static void
test_always_well_formed (void)
{
  static const char * const inputs[] = {
    "*unclosed **strong _and `code",
    "> > > deep\n> > - list in quote\n> > 1. ordered\n>\n> ```\n> code in quote\n> ```",
    "- a\n  > quote\n  > ```\n  > code\n  > ```\n- # heading in item",
    "<div>\n<p>open\n\n*still* markdown</p>",
    "a\x01" "b\x1f" "c\x7f",
    "bad \xff\xfe utf-8 \xc3",
    "nul byte follows",
    "&amp; &lt; &#x3c; &unknown; &",
    "[a](<b>) [c][d]\n\n[d]: http://e.org \"t<i>\"",
    "| table | not | supported |\n|---|---|---|\n| a | b | c |",
    "1. 2. 3. - * + nested markers",
    "***\n___\n- - -",
    "![image only](x.png \"title\")",
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autofree char *plain = pango_text (inputs[i], NULL, NULL);
      g_autofree char *html = cw_markdown_to_html (inputs[i]);

      g_assert_true (g_utf8_validate (html, -1, NULL));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/markdown/empty", test_empty);
  g_test_add_func ("/markdown/headings", test_headings);
  g_test_add_func ("/markdown/emphasis-and-code", test_emphasis_and_code);
  g_test_add_func ("/markdown/code-block", test_code_block);
  g_test_add_func ("/markdown/lists", test_lists);
  g_test_add_func ("/markdown/block-quote", test_block_quote);
  g_test_add_func ("/markdown/links", test_links);
  g_test_add_func ("/markdown/breaks", test_breaks);
  g_test_add_func ("/markdown/escaping", test_escaping);
  g_test_add_func ("/markdown/raw-html", test_raw_html);
  g_test_add_func ("/markdown/html", test_html);
  g_test_add_func ("/markdown/always-well-formed", test_always_well_formed);

  return g_test_run ();
}
