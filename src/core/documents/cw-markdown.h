/* cw-markdown.h: Markdown (CommonMark, through cmark) turned into Pango
 * markup for previews in the app.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Pango markup for a GtkLabel: headings, emphasis, code, lists, block
 * quotes, links and rules. Raw HTML is shown as text; never fails. */
char *cw_markdown_to_pango (const char *markdown);
/* HTML for export; raw HTML in the source is escaped. */
char *cw_markdown_to_html  (const char *markdown);

G_END_DECLS
