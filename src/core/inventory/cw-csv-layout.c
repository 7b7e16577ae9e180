/* cw-csv-layout.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-csv-layout"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cw-csv-layout.h"
#include "cw-csv-layout-private.h"

gboolean
cw_csv_layout_from_string (const char  *name,
                           CwCsvLayout *layout)
{
  static const struct
  {
    const char  *name;
    CwCsvLayout  layout;
  } names[] = {
    { "auto",          CW_CSV_LAYOUT_AUTO },
    { "native",        CW_CSV_LAYOUT_NATIVE },
    { "changeward",    CW_CSV_LAYOUT_NATIVE },
    { "servicenow",    CW_CSV_LAYOUT_SERVICENOW },
    /* Either NetBox layout: cw_csv_mapping_detect() tries both. */
    { "netbox",        CW_CSV_LAYOUT_NETBOX_EXPORT },
    { "netbox-export", CW_CSV_LAYOUT_NETBOX_EXPORT },
    { "netbox-import", CW_CSV_LAYOUT_NETBOX_IMPORT },
  };

  g_return_val_if_fail (name != NULL, FALSE);

  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    {
      if (g_ascii_strcasecmp (name, names[i].name) == 0)
        {
          if (layout != NULL)
            *layout = names[i].layout;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
cw_csv_layout_to_string (CwCsvLayout layout)
{
  switch (layout)
    {
    case CW_CSV_LAYOUT_AUTO:
      return "auto";
    case CW_CSV_LAYOUT_NATIVE:
      return "native";
    case CW_CSV_LAYOUT_SERVICENOW:
      return "servicenow";
    case CW_CSV_LAYOUT_NETBOX_EXPORT:
      return "netbox-export";
    case CW_CSV_LAYOUT_NETBOX_IMPORT:
      return "netbox-import";
    case CW_CSV_LAYOUT_CUSTOM:
      return "custom";
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
cw_csv_layout_get_label (CwCsvLayout layout)
{
  switch (layout)
    {
    case CW_CSV_LAYOUT_AUTO:
      return _("Detect from the header");
    case CW_CSV_LAYOUT_NATIVE:
      return _("Changeward CSV");
    case CW_CSV_LAYOUT_SERVICENOW:
      return _("ServiceNow CMDB export");
    case CW_CSV_LAYOUT_NETBOX_EXPORT:
      return _("NetBox device list export");
    case CW_CSV_LAYOUT_NETBOX_IMPORT:
      return _("NetBox bulk import");
    case CW_CSV_LAYOUT_CUSTOM:
      return _("Custom column mapping");
    default:
      g_return_val_if_reached (NULL);
    }
}

void
cw_ci_record_clear (CwCiRecord *record)
{
  g_return_if_fail (record != NULL);

  for (guint i = 0; i < CW_CI_N_FIELDS; i++)
    g_clear_pointer (&record->values[i], g_free);
}

/* Leading and trailing white space (and a byte-order mark) do not count. */
const char *
cw_csv_layout_trim (const char *text,
                    gsize      *len)
{
  const char *end;

  if (text == NULL)
    {
      *len = 0;
      return "";
    }

  if ((guint8) text[0] == 0xEF && (guint8) text[1] == 0xBB && (guint8) text[2] == 0xBF)
    text += 3;
  while (g_ascii_isspace (*text))
    text++;
  end = text + strlen (text);
  while (end > text && g_ascii_isspace (end[-1]))
    end--;

  *len = end - text;
  return text;
}

static gboolean
header_is (const char *header,
           gsize       len,
           const char *name,
           gboolean   *exact)
{
  if (g_ascii_strncasecmp (header, name, len) != 0 || name[len] != '\0')
    return FALSE;

  *exact = strncmp (header, name, len) == 0;
  return TRUE;
}

/* "Non-Operational", "non operational" and "NON_OPERATIONAL" are all
 * "non_operational": ASCII letters lower-cased, every run of other ASCII
 * characters one '_', none at either end. Fails when @text is longer than @size. */
gboolean
cw_csv_layout_keyify (const char *text,
                      gsize       len,
                      char       *key,
                      gsize       size)
{
  gsize n = 0;
  gboolean gap = FALSE;

  for (gsize i = 0; i < len; i++)
    {
      guint8 c = text[i];

      if (c < 0x80 && !g_ascii_isalnum (c))
        {
          gap = n > 0;
          continue;
        }
      if (n + 3 > size)
        return FALSE;
      if (gap)
        key[n++] = '_';
      gap = FALSE;
      key[n++] = g_ascii_tolower (c);
    }

  key[n] = '\0';
  return TRUE;
}

gboolean
cw_csv_layout_is_netbox (CwCsvLayout layout)
{
  return layout == CW_CSV_LAYOUT_NETBOX_EXPORT || layout == CW_CSV_LAYOUT_NETBOX_IMPORT;
}

/* The field a header names in @layout, or -1. */
static int
match_header (CwCsvLayout  layout,
              const char  *header,
              guint       *rank,
              gboolean    *exact)
{
  const CwCsvAlias *aliases;
  gsize n_aliases;
  gsize len;

  header = cw_csv_layout_trim (header, &len);
  if (len == 0)
    return -1;

  *rank = 0;
  if (layout == CW_CSV_LAYOUT_NATIVE)
    {
      for (guint f = 0; f < CW_CI_N_FIELDS; f++)
        {
          if (header_is (header, len, cw_ci_field_get_key (f), exact))
            return f;
        }
      return -1;
    }

  aliases = cw_csv_layout_get_aliases (layout, &n_aliases);
  for (gsize i = 0; i < n_aliases; i++)
    {
      if (header_is (header, len, aliases[i].header, exact))
        {
          *rank = aliases[i].rank;
          return aliases[i].field;
        }
    }

  return -1;
}

static CwCsvMapping *
mapping_new (CwCsvLayout layout,
             guint       n_columns)
{
  CwCsvMapping *mapping = g_rc_box_new0 (CwCsvMapping);

  mapping->layout = layout;
  mapping->n_columns = n_columns;
  mapping->columns = g_new (int, MAX (n_columns, 1));
  for (guint i = 0; i < n_columns; i++)
    mapping->columns[i] = -1;
  for (guint f = 0; f < CW_CI_N_FIELDS; f++)
    mapping->field_columns[f] = -1;

  return mapping;
}

static void
mapping_clear (gpointer data)
{
  CwCsvMapping *mapping = data;

  g_free (mapping->columns);
}

CwCsvMapping *
cw_csv_mapping_ref (CwCsvMapping *mapping)
{
  g_return_val_if_fail (mapping != NULL, NULL);

  return g_rc_box_acquire (mapping);
}

void
cw_csv_mapping_unref (CwCsvMapping *mapping)
{
  g_return_if_fail (mapping != NULL);

  g_rc_box_release_full (mapping, mapping_clear);
}

/* Maps the header in @layout. @matched counts the recognised columns, @exact
 * those spelt with the layout's own case. Returns NULL unless the class and
 * the name are there. */
static CwCsvMapping *
map_header (CwCsvLayout         layout,
            const char * const *header,
            guint               n_columns,
            guint              *matched,
            guint              *exact)
{
  g_autoptr(CwCsvMapping) mapping = mapping_new (layout, n_columns);
  guint ranks[CW_CI_N_FIELDS] = { 0 };

  *matched = 0;
  *exact = 0;

  for (guint i = 0; i < n_columns; i++)
    {
      gboolean is_exact = FALSE;
      guint rank = 0;
      int field = match_header (layout, header[i], &rank, &is_exact);
      int previous;

      if (field < 0)
        continue;

      (*matched)++;
      if (is_exact)
        (*exact)++;

      previous = mapping->field_columns[field];
      if (previous >= 0 && ranks[field] <= rank)
        continue;
      if (previous >= 0)
        mapping->columns[previous] = -1;
      mapping->columns[i] = field;
      mapping->field_columns[field] = i;
      ranks[field] = rank;
    }

  /* NetBox has one status; it gives both of ours. */
  if (cw_csv_layout_is_netbox (layout))
    mapping->field_columns[CW_CI_FIELD_OPERATIONAL_STATUS] =
      mapping->field_columns[CW_CI_FIELD_LIFECYCLE_STATUS];

  if (mapping->field_columns[CW_CI_FIELD_CLASS] < 0 || mapping->field_columns[CW_CI_FIELD_NAME] < 0)
    return NULL;

  return g_steal_pointer (&mapping);
}

/* "name/Name, sys_class_name/Class" for @required, the other fields otherwise. */
static char *
describe_headers (CwCsvLayout layout,
                  gboolean    required)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint f = 0; f < CW_CI_N_FIELDS; f++)
    {
      gboolean is_required = f == CW_CI_FIELD_CLASS || f == CW_CI_FIELD_NAME;
      const CwCsvAlias *aliases;
      gsize n_aliases;
      gboolean first = TRUE;

      if (is_required != required)
        continue;

      if (layout == CW_CSV_LAYOUT_NATIVE)
        {
          if (text->len > 0)
            g_string_append (text, ", ");
          g_string_append (text, cw_ci_field_get_key (f));
          continue;
        }

      aliases = cw_csv_layout_get_aliases (layout, &n_aliases);
      for (gsize i = 0; i < n_aliases; i++)
        {
          if (aliases[i].field != f)
            continue;
          if (first && text->len > 0)
            g_string_append (text, ", ");
          else if (!first)
            g_string_append_c (text, '/');
          g_string_append (text, aliases[i].header);
          first = FALSE;
        }
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
set_unknown_header_error (GError            **error,
                          const CwCsvLayout  *tried,
                          guint               n_tried)
{
  g_autoptr(GString) message = g_string_new (_("The header row matches none of the known layouts."));

  for (guint i = 0; i < n_tried; i++)
    {
      g_autofree char *required = describe_headers (tried[i], TRUE);
      g_autofree char *optional = describe_headers (tried[i], FALSE);

      g_string_append_c (message, '\n');
      /* Translators: a CSV layout, the columns it needs and those it also reads. */
      g_string_append_printf (message, _("%s: needs %s; also reads %s."),
                              cw_csv_layout_get_label (tried[i]), required, optional);
    }

  g_set_error_literal (error, CW_CSV_ERROR, CW_CSV_ERROR_UNKNOWN_HEADER, message->str);
}

/**
 * cw_csv_mapping_detect:
 * @header: (array length=n_columns): the header row
 * @n_columns: its number of columns
 * @wanted: %CW_CSV_LAYOUT_AUTO, or the only layout to try (either NetBox
 *   layout tries both)
 * @error: return location for a #GError
 *
 * Finds the layout of a CSV file from its header row: the one that needs no
 * missing column and recognises the most columns. Header matching ignores case
 * and surrounding white space. Columns no layout knows are ignored.
 *
 * Returns: (transfer full): the mapping, or %NULL with
 *   %CW_CSV_ERROR_UNKNOWN_HEADER, whose message lists what each layout expects
 */
CwCsvMapping *
cw_csv_mapping_detect (const char * const  *header,
                       guint                n_columns,
                       CwCsvLayout          wanted,
                       GError             **error)
{
  CwCsvLayout tried[4];
  guint n_tried = 0;
  g_autoptr(CwCsvMapping) best = NULL;
  guint best_matched = 0;
  guint best_exact = 0;

  g_return_val_if_fail (header != NULL || n_columns == 0, NULL);
  g_return_val_if_fail (wanted != CW_CSV_LAYOUT_CUSTOM, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  switch (wanted)
    {
    case CW_CSV_LAYOUT_AUTO:
      tried[n_tried++] = CW_CSV_LAYOUT_NATIVE;
      tried[n_tried++] = CW_CSV_LAYOUT_SERVICENOW;
      tried[n_tried++] = CW_CSV_LAYOUT_NETBOX_EXPORT;
      tried[n_tried++] = CW_CSV_LAYOUT_NETBOX_IMPORT;
      break;
    case CW_CSV_LAYOUT_NETBOX_EXPORT:
    case CW_CSV_LAYOUT_NETBOX_IMPORT:
      tried[n_tried++] = CW_CSV_LAYOUT_NETBOX_EXPORT;
      tried[n_tried++] = CW_CSV_LAYOUT_NETBOX_IMPORT;
      break;
    case CW_CSV_LAYOUT_NATIVE:
    case CW_CSV_LAYOUT_SERVICENOW:
      tried[n_tried++] = wanted;
      break;
    case CW_CSV_LAYOUT_CUSTOM:
    default:
      g_return_val_if_reached (NULL);
    }

  for (guint i = 0; i < n_tried; i++)
    {
      guint matched;
      guint exact;
      g_autoptr(CwCsvMapping) mapping = map_header (tried[i], header, n_columns, &matched, &exact);

      if (mapping == NULL)
        continue;

      /* The most recognised columns win, then the most spelt as the layout
       * spells them ("Name" is NetBox's export, "name" its import), then the
       * order above. */
      if (best == NULL || matched > best_matched
          || (matched == best_matched && exact > best_exact))
        {
          g_clear_pointer (&best, cw_csv_mapping_unref);
          best = g_steal_pointer (&mapping);
          best_matched = matched;
          best_exact = exact;
        }
    }

  if (best == NULL)
    {
      set_unknown_header_error (error, tried, n_tried);
      return NULL;
    }

  g_debug ("CSV layout: %s (%u of %u columns)",
           cw_csv_layout_to_string (best->layout), best_matched, n_columns);
  return g_steal_pointer (&best);
}

/**
 * cw_csv_mapping_new_custom:
 * @n_columns: the number of columns
 * @columns: (array length=n_columns): per column a #CwCiField, or -1 to ignore it
 *
 * A mapping made by the user. Its values are read leniently: our keys,
 * ServiceNow labels and values and NetBox values are all accepted. When two
 * columns give the same field, the first one is used.
 *
 * Returns: (transfer full): the mapping
 */
CwCsvMapping *
cw_csv_mapping_new_custom (guint      n_columns,
                           const int *columns)
{
  CwCsvMapping *mapping;

  g_return_val_if_fail (columns != NULL || n_columns == 0, NULL);

  mapping = mapping_new (CW_CSV_LAYOUT_CUSTOM, n_columns);
  for (guint i = 0; i < n_columns; i++)
    {
      int field = columns[i];

      if (field < 0 || field >= CW_CI_N_FIELDS)
        {
          g_warn_if_fail (field == -1);
          continue;
        }
      mapping->columns[i] = field;
      if (mapping->field_columns[field] < 0)
        mapping->field_columns[field] = i;
    }

  return mapping;
}

/**
 * cw_csv_mapping_guess_column:
 * @header: a column header
 *
 * The field a column probably holds, for the mapping page of the import: the
 * headers of every layout are tried, then common other names.
 *
 * Returns: a #CwCiField, or -1
 */
int
cw_csv_mapping_guess_column (const char *header)
{
  static const CwCsvLayout layouts[] = {
    CW_CSV_LAYOUT_NATIVE,
    CW_CSV_LAYOUT_SERVICENOW,
    CW_CSV_LAYOUT_NETBOX_EXPORT,
    CW_CSV_LAYOUT_NETBOX_IMPORT,
  };
  char key[KEY_MAX];
  char alias_key[KEY_MAX];
  const CwCsvAlias *guess_aliases;
  gsize n_guess_aliases;
  const char *text;
  gsize len;

  g_return_val_if_fail (header != NULL, -1);

  text = cw_csv_layout_trim (header, &len);
  if (len == 0 || !cw_csv_layout_keyify (text, len, key, sizeof key))
    return -1;

  for (gsize l = 0; l < G_N_ELEMENTS (layouts); l++)
    {
      const CwCsvAlias *aliases;
      gsize n_aliases;

      if (layouts[l] == CW_CSV_LAYOUT_NATIVE)
        {
          for (guint f = 0; f < CW_CI_N_FIELDS; f++)
            {
              if (strcmp (key, cw_ci_field_get_key (f)) == 0)
                return f;
            }
          continue;
        }

      aliases = cw_csv_layout_get_aliases (layouts[l], &n_aliases);
      for (gsize i = 0; i < n_aliases; i++)
        {
          if (cw_csv_layout_keyify (aliases[i].header, strlen (aliases[i].header),
                                    alias_key, sizeof alias_key)
              && strcmp (key, alias_key) == 0)
            return aliases[i].field;
        }
    }

  guess_aliases = cw_csv_layout_get_guess_aliases (&n_guess_aliases);
  for (gsize i = 0; i < n_guess_aliases; i++)
    {
      if (strcmp (key, guess_aliases[i].header) == 0)
        return guess_aliases[i].field;
    }

  return -1;
}

CwCsvLayout
cw_csv_mapping_get_layout (CwCsvMapping *mapping)
{
  g_return_val_if_fail (mapping != NULL, CW_CSV_LAYOUT_AUTO);

  return mapping->layout;
}

guint
cw_csv_mapping_get_n_columns (CwCsvMapping *mapping)
{
  g_return_val_if_fail (mapping != NULL, 0);

  return mapping->n_columns;
}

/* The field column @column gives, or -1 when it is ignored. A NetBox status
 * column gives both statuses; this returns the lifecycle. */
int
cw_csv_mapping_get_field (CwCsvMapping *mapping,
                          guint         column)
{
  g_return_val_if_fail (mapping != NULL, -1);

  if (column >= mapping->n_columns)
    return -1;

  return mapping->columns[column];
}

/* The column that gives @field, or -1. */
int
cw_csv_mapping_get_column (CwCsvMapping *mapping,
                           CwCiField     field)
{
  g_return_val_if_fail (mapping != NULL, -1);
  g_return_val_if_fail (field < CW_CI_N_FIELDS, -1);

  return mapping->field_columns[field];
}

gboolean
cw_csv_mapping_has_field (CwCsvMapping *mapping,
                          CwCiField     field)
{
  g_return_val_if_fail (mapping != NULL, FALSE);
  g_return_val_if_fail (field < CW_CI_N_FIELDS, FALSE);

  return mapping->field_columns[field] >= 0;
}
