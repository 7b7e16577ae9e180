/* cw-inventory-query.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-inventory-query"

#include "config.h"

#include "cw-inventory-query.h"

struct _CwInventoryQuery
{
  char      *text;
  GStrv      filters[CW_CI_N_FIELDS];
  char      *version;
  CwCiField  sort;
  gboolean   descending;
};

G_DEFINE_BOXED_TYPE (CwInventoryQuery, cw_inventory_query,
                     cw_inventory_query_copy, cw_inventory_query_free)

CwInventoryQuery *
cw_inventory_query_new (void)
{
  CwInventoryQuery *query = g_new0 (CwInventoryQuery, 1);

  query->sort = CW_CI_FIELD_NAME;

  return query;
}

CwInventoryQuery *
cw_inventory_query_copy (const CwInventoryQuery *query)
{
  CwInventoryQuery *copy;

  g_return_val_if_fail (query != NULL, NULL);

  copy = cw_inventory_query_new ();
  copy->text = g_strdup (query->text);
  for (guint i = 0; i < CW_CI_N_FIELDS; i++)
    copy->filters[i] = g_strdupv (query->filters[i]);
  copy->version = g_strdup (query->version);
  copy->sort = query->sort;
  copy->descending = query->descending;

  return copy;
}

void
cw_inventory_query_free (CwInventoryQuery *query)
{
  if (query == NULL)
    return;

  g_free (query->text);
  for (guint i = 0; i < CW_CI_N_FIELDS; i++)
    g_strfreev (query->filters[i]);
  g_free (query->version);
  g_free (query);
}

static gboolean
strv_equal0 (const char * const *a,
             const char * const *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return g_strv_equal (a, b);
}

gboolean
cw_inventory_query_equal (const CwInventoryQuery *a,
                          const CwInventoryQuery *b)
{
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  if (g_strcmp0 (a->text, b->text) != 0 ||
      g_strcmp0 (a->version, b->version) != 0 ||
      a->sort != b->sort ||
      a->descending != b->descending)
    return FALSE;

  for (guint i = 0; i < CW_CI_N_FIELDS; i++)
    {
      if (!strv_equal0 ((const char * const *) a->filters[i],
                        (const char * const *) b->filters[i]))
        return FALSE;
    }

  return TRUE;
}

void
cw_inventory_query_set_text (CwInventoryQuery *query,
                             const char       *text)
{
  g_return_if_fail (query != NULL);

  g_free (query->text);
  query->text = (text != NULL && text[0] != '\0') ? g_strdup (text) : NULL;
}

const char *
cw_inventory_query_get_text (const CwInventoryQuery *query)
{
  g_return_val_if_fail (query != NULL, NULL);

  return query->text;
}

void
cw_inventory_query_set_filter (CwInventoryQuery   *query,
                               CwCiField           field,
                               const char * const *values)
{
  g_return_if_fail (query != NULL);
  g_return_if_fail (field < CW_CI_N_FIELDS);

  g_clear_pointer (&query->filters[field], g_strfreev);
  if (values != NULL && values[0] != NULL)
    query->filters[field] = g_strdupv ((GStrv) values);
}

const char * const *
cw_inventory_query_get_filter (const CwInventoryQuery *query,
                               CwCiField               field)
{
  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (field < CW_CI_N_FIELDS, NULL);

  return (const char * const *) query->filters[field];
}

void
cw_inventory_query_set_version (CwInventoryQuery *query,
                                const char       *version)
{
  g_return_if_fail (query != NULL);

  g_free (query->version);
  query->version = (version != NULL && version[0] != '\0') ? g_strdup (version) : NULL;
}

const char *
cw_inventory_query_get_version (const CwInventoryQuery *query)
{
  g_return_val_if_fail (query != NULL, NULL);

  return query->version;
}

void
cw_inventory_query_set_sort (CwInventoryQuery *query,
                             CwCiField         field,
                             gboolean          descending)
{
  g_return_if_fail (query != NULL);
  g_return_if_fail (field < CW_CI_N_FIELDS);

  query->sort = field;
  query->descending = !!descending;
}

CwCiField
cw_inventory_query_get_sort (const CwInventoryQuery *query,
                             gboolean               *descending)
{
  g_return_val_if_fail (query != NULL, CW_CI_FIELD_NAME);

  if (descending != NULL)
    *descending = query->descending;

  return query->sort;
}

gboolean
cw_inventory_query_has_filters (const CwInventoryQuery *query)
{
  g_return_val_if_fail (query != NULL, FALSE);

  if (query->text != NULL || query->version != NULL)
    return TRUE;

  for (guint i = 0; i < CW_CI_N_FIELDS; i++)
    {
      if (query->filters[i] != NULL)
        return TRUE;
    }

  return FALSE;
}
