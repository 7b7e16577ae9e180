/* cw-csv-layout-private.h
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "cw-csv-layout.h"

G_BEGIN_DECLS

/* Long enough for every name in the layout tables; longer values match nothing. */
#define KEY_MAX 96

struct _CwCsvMapping
{
  CwCsvLayout  layout;
  guint        n_columns;
  int         *columns;                        /* column → field, or -1 */
  int          field_columns[CW_CI_N_FIELDS];  /* field → column, or -1 */
};

/* One header a layout knows. When two columns give the same field, the one
 * with the lower rank wins and the other is ignored. */
typedef struct
{
  const char *header;
  CwCiField   field;
  guint       rank;
} CwCsvAlias;

/* cw-csv-layout-headers.c: the header vocabularies of the layouts. */
const CwCsvAlias *cw_csv_layout_get_aliases       (CwCsvLayout  layout,
                                                   gsize       *n_aliases);
const CwCsvAlias *cw_csv_layout_get_guess_aliases (gsize       *n_aliases);

/* cw-csv-layout.c: reading header and value text. */
const char       *cw_csv_layout_trim              (const char  *text,
                                                   gsize       *len);
gboolean          cw_csv_layout_keyify            (const char  *text,
                                                   gsize        len,
                                                   char        *key,
                                                   gsize        size);
gboolean          cw_csv_layout_is_netbox         (CwCsvLayout  layout);

G_END_DECLS
