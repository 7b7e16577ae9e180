/* cw-compat-csv-read.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-compat-csv"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cw-compat-csv-private.h"
#include "cw-compat.h"
#include "cw-csv.h"
#include "cw-store-private.h"
#include "cw-version.h"

/* Reads an import file and checks every line: its own fields, then against
 * the lines before it (a repeated key with other values, a second approved
 * version). Nothing is written here (see cw-compat-csv-import.c). Every
 * field is trimmed; an empty field is NULL. Product names match
 * case-insensitively (as the schema does), versions exactly.
 *
 * from_min of an upgrade path must not come after from_max: in the
 * product's manual order when it has one and both are listed, otherwise by
 * cw_version_compare(). */

#define CHECK_EVERY 1024

static void
row_free (CwCompatCsvRow *row)
{
  for (guint i = 0; i < CW_COMPAT_CSV_MAX_COLUMNS; i++)
    g_free (row->f[i]);
  g_free (row);
}

static void
product_free (CwCompatCsvProduct *product)
{
  g_free (product->name);
  g_clear_pointer (&product->existing, g_ptr_array_unref);
  g_clear_pointer (&product->positions, g_hash_table_unref);
  g_clear_pointer (&product->listed, g_ptr_array_unref);
  g_clear_pointer (&product->listed_set, g_hash_table_unref);
  g_clear_pointer (&product->added, g_ptr_array_unref);
  g_clear_pointer (&product->ids, g_hash_table_unref);
  g_free (product);
}

static void add_problem (CwCompatCsvImport *self,
                         guint              line,
                         const char        *format,
                         ...) G_GNUC_PRINTF (3, 4);

static void
add_problem (CwCompatCsvImport *self,
             guint              line,
             const char        *format,
             ...)
{
  CwCompatProblem *problem = g_new0 (CwCompatProblem, 1);
  va_list args;

  va_start (args, format);
  problem->line = line;
  problem->reason = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (self->result->problems, problem);
}

static char *
dup_trimmed (const char *text)
{
  char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (*copy == '\0')
    g_clear_pointer (&copy, g_free);

  return copy;
}

void
_cw_compat_csv_import_init (CwCompatCsvImport *self,
                            CwStore           *store,
                            CwCompatTable      table)
{
  *self = (CwCompatCsvImport) {
    .store = store,
    .table = table,
    .rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free),
    .products = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) product_free),
    .keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
    .approved = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
    .result = g_new0 (CwCompatImportResult, 1),
  };
  self->result->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) cw_compat_problem_free);
}

/* Frees all but the result, which the caller steals or frees. */
void
_cw_compat_csv_import_clear (CwCompatCsvImport *self)
{
  g_clear_pointer (&self->keys, g_hash_table_unref);
  g_clear_pointer (&self->approved, g_hash_table_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->products, g_hash_table_unref);
}

/* Loads what the workspace has of the product named @name, once. */
CwCompatCsvProduct *
_cw_compat_csv_lookup_product (CwCompatCsvImport  *self,
                               const char         *name,
                               GError            **error)
{
  g_autofree char *folded = g_ascii_strdown (name, -1);
  sqlite3 *db = cw_store_get_handle (self->store);
  sqlite3_stmt *stmt = NULL;
  CwCompatCsvProduct *product;
  int rc;

  product = g_hash_table_lookup (self->products, folded);
  if (product != NULL)
    return product;

  product = g_new0 (CwCompatCsvProduct, 1);
  product->name = g_strdup (name);
  product->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  product->existing = g_ptr_array_new ();
  product->listed = g_ptr_array_new ();
  product->listed_set = g_hash_table_new (g_str_hash, g_str_equal);
  product->added = g_ptr_array_new ();
  g_hash_table_insert (self->products, g_steal_pointer (&folded), product);

  rc = sqlite3_prepare_v2 (db, "SELECT id, manual_order FROM compat_products WHERE name = ?",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          product->id = sqlite3_column_int64 (stmt, 0);
          product->manual = sqlite3_column_int (stmt, 1) != 0;
          rc = SQLITE_DONE;
        }
    }
  sqlite3_finalize (stmt);
  stmt = NULL;

  if (rc == SQLITE_DONE && product->id != 0)
    {
      rc = sqlite3_prepare_v2 (db, "SELECT id, version FROM compat_versions WHERE product_id = ? "
                                   "ORDER BY position, id", -1, &stmt, NULL);
      if (rc == SQLITE_OK)
        {
          sqlite3_bind_int64 (stmt, 1, product->id);
          while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
            {
              char *version = g_strdup ((const char *) sqlite3_column_text (stmt, 1));

              g_hash_table_insert (product->ids, version,
                                   g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 0) },
                                              sizeof (gint64)));
              g_ptr_array_add (product->existing, version);
            }
        }
      sqlite3_finalize (stmt);
    }

  if (rc != SQLITE_DONE)
    {
      cw_store_set_sql_error (error, db, rc, _("Could not read the compatibility matrix"));
      return NULL;
    }

  if (!product->manual)
    {
      g_ptr_array_sort (product->existing, cw_version_compare_ptr);
    }
  else
    {
      product->positions = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < product->existing->len; i++)
        g_hash_table_insert (product->positions, product->existing->pdata[i],
                             GUINT_TO_POINTER (i + 1));
    }

  return product;
}

/* In the product's manual order when both are listed in it. */
static int
compare_in_product (CwCompatCsvProduct *product,
                    const char         *a,
                    const char         *b)
{
  if (product->positions != NULL)
    {
      guint pa = GPOINTER_TO_UINT (g_hash_table_lookup (product->positions, a));
      guint pb = GPOINTER_TO_UINT (g_hash_table_lookup (product->positions, b));

      if (pa != 0 && pb != 0)
        return pa < pb ? -1 : pa > pb ? 1 : 0;
    }

  return cw_version_compare (a, b);
}

static gboolean
date_is_valid (const char *date)
{
  guint year, month, day;

  if (strlen (date) != 10 || date[4] != '-' || date[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (date[i]))
      return FALSE;

  year = (guint) g_ascii_strtoull (date, NULL, 10);
  month = (guint) g_ascii_strtoull (date + 5, NULL, 10);
  day = (guint) g_ascii_strtoull (date + 8, NULL, 10);

  return year >= 1 && month >= 1 && month <= 12 && day >= 1 &&
         g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

static char *
side_key (const char *product,
          const char *version)
{
  g_autofree char *folded = g_ascii_strdown (product, -1);

  return g_strconcat (folded, "\x1f", version, NULL);
}

/* The fields of a line, checked on their own. */
static gboolean
check_fields (CwCompatCsvImport *self,
              CwCompatCsvRow    *row)
{
  guint n_problems = self->result->problems->len;
  const char * const *columns = _cw_compat_table_get_spec (self->table)->columns;
  char **f = row->f;

  for (guint i = 0; i < _cw_compat_table_get_spec (self->table)->n_required; i++)
    if (f[i] == NULL)
      add_problem (self, row->line, _("The field “%s” is empty."), columns[i]);

  switch (self->table)
    {
    case CW_COMPAT_TABLE_MATRIX:
      if (f[CW_M_VERDICT] != NULL)
        {
          char *lower = g_ascii_strdown (f[CW_M_VERDICT], -1);

          if (!cw_compat_verdict_from_key (lower, NULL))
            add_problem (self, row->line,
                         _("“%s” is not a verdict; write compatible, caveat, incompatible or untested."),
                         f[CW_M_VERDICT]);
          g_free (f[CW_M_VERDICT]);
          f[CW_M_VERDICT] = lower;
        }
      break;

    case CW_COMPAT_TABLE_PATHS:
      break;

    case CW_COMPAT_TABLE_PRODUCTS:
      for (guint i = CW_V_RELEASED; i <= CW_V_END; i++)
        if (f[i] != NULL && !date_is_valid (f[i]))
          add_problem (self, row->line,
                       _("“%s” in “%s” is not a date; write it as YYYY-MM-DD, such as 2026-03-31."),
                       f[i], columns[i]);
      if (f[CW_V_RELEASED] != NULL && f[CW_V_END] != NULL &&
          date_is_valid (f[CW_V_RELEASED]) && date_is_valid (f[CW_V_END]) &&
          strcmp (f[CW_V_END], f[CW_V_RELEASED]) < 0)
        add_problem (self, row->line, _("The end of support (%s) is before the release (%s)."),
                     f[CW_V_END], f[CW_V_RELEASED]);
      if (f[CW_V_APPROVED] != NULL && g_ascii_strcasecmp (f[CW_V_APPROVED], "yes") != 0)
        add_problem (self, row->line,
                     _("“%s” in “approved” is not allowed; write yes or leave it empty."),
                     f[CW_V_APPROVED]);
      break;

    default:
      g_assert_not_reached ();
    }

  return self->result->problems->len == n_problems;
}

/* The line against the lines before it and the workspace; a good line is
 * remembered for the lines after it. */
static gboolean
check_against_others (CwCompatCsvImport  *self,
                      CwCompatCsvRow     *row,
                      GError            **error)
{
  guint n_problems = self->result->problems->len;
  g_autofree char *key = NULL;
  g_autofree char *product = NULL;
  gboolean approves = FALSE;
  char **f = row->f;
  CwCompatCsvRow *first = NULL;

  switch (self->table)
    {
    case CW_COMPAT_TABLE_MATRIX:
      {
        g_autofree char *a = side_key (f[CW_M_PRODUCT_A], f[CW_M_VERSION_A]);
        g_autofree char *b = side_key (f[CW_M_PRODUCT_B], f[CW_M_VERSION_B]);

        key = strcmp (a, b) <= 0 ? g_strconcat (a, "\x1e", b, NULL)
                                 : g_strconcat (b, "\x1e", a, NULL);
        first = g_hash_table_lookup (self->keys, key);
        if (first != NULL &&
            (g_strcmp0 (first->f[CW_M_VERDICT], f[CW_M_VERDICT]) != 0 ||
             g_strcmp0 (first->f[CW_M_NOTE], f[CW_M_NOTE]) != 0 ||
             g_strcmp0 (first->f[CW_M_SOURCE], f[CW_M_SOURCE]) != 0))
          add_problem (self, row->line,
                       _("Line %u already gives this pair with another verdict, note or source."),
                       first->line);
      }
      break;

    case CW_COMPAT_TABLE_PATHS:
      {
        CwCompatCsvProduct *known = _cw_compat_csv_lookup_product (self, f[CW_P_PRODUCT], error);

        if (known == NULL)
          return FALSE;
        if (compare_in_product (known, f[CW_P_FROM_MIN], f[CW_P_FROM_MAX]) > 0)
          add_problem (self, row->line, _("from_min “%s” comes after from_max “%s”."),
                       f[CW_P_FROM_MIN], f[CW_P_FROM_MAX]);

        product = g_ascii_strdown (f[CW_P_PRODUCT], -1);
        key = g_strjoin ("\x1f", product, f[CW_P_FROM_MIN], f[CW_P_FROM_MAX], f[CW_P_TO], NULL);
        first = g_hash_table_lookup (self->keys, key);
        if (first != NULL && g_strcmp0 (first->f[CW_P_NOTE], f[CW_P_NOTE]) != 0)
          add_problem (self, row->line,
                       _("Line %u already gives this upgrade path with another note."),
                       first->line);
      }
      break;

    case CW_COMPAT_TABLE_PRODUCTS:
      {
        CwCompatCsvRow *approved;

        key = side_key (f[CW_V_PRODUCT], f[CW_V_VERSION]);
        first = g_hash_table_lookup (self->keys, key);
        if (first != NULL &&
            (g_strcmp0 (first->f[CW_V_RELEASED], f[CW_V_RELEASED]) != 0 ||
             g_strcmp0 (first->f[CW_V_END], f[CW_V_END]) != 0 ||
             (first->f[CW_V_APPROVED] == NULL) != (f[CW_V_APPROVED] == NULL)))
          add_problem (self, row->line,
                       _("Line %u already gives this version with other dates or approval."),
                       first->line);

        product = g_ascii_strdown (f[CW_V_PRODUCT], -1);
        approved = g_hash_table_lookup (self->approved, product);
        if (f[CW_V_APPROVED] != NULL && approved != NULL &&
            strcmp (approved->f[CW_V_VERSION], f[CW_V_VERSION]) != 0)
          add_problem (self, row->line,
                       _("Line %u already approves version “%s” of %s; a product has one approved version."),
                       approved->line, approved->f[CW_V_VERSION], f[CW_V_PRODUCT]);
        approves = f[CW_V_APPROVED] != NULL && approved == NULL;
      }
      break;

    default:
      g_assert_not_reached ();
    }

  if (self->result->problems->len != n_problems)
    return TRUE;

  if (first != NULL)
    row->repeated = TRUE;
  else
    g_hash_table_insert (self->keys, g_steal_pointer (&key), row);
  if (approves)
    g_hash_table_insert (self->approved, g_steal_pointer (&product), row);

  return TRUE;
}

/* Keeps @fields as a row when they are good. FALSE only on an SQL error. */
static gboolean
check_line (CwCompatCsvImport   *self,
            guint                line,
            const char * const  *fields,
            GError             **error)
{
  CwCompatCsvRow *row = g_new0 (CwCompatCsvRow, 1);
  guint n_problems = self->result->problems->len;

  row->line = line;
  for (guint i = 0; i < _cw_compat_table_get_spec (self->table)->n_columns; i++)
    row->f[i] = dup_trimmed (fields[i]);

  if (check_fields (self, row) && !check_against_others (self, row, error))
    {
      row_free (row);
      return FALSE;
    }

  if (self->result->problems->len != n_problems)
    row_free (row);
  else
    g_ptr_array_add (self->rows, row);

  return TRUE;
}

static gboolean
header_matches (CwCompatTable       table,
                const char * const *fields,
                guint               n_fields)
{
  if (n_fields != _cw_compat_table_get_spec (table)->n_columns)
    return FALSE;

  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *name = NULL;
      const char *field = fields[i];

      if (i == 0 && g_str_has_prefix (field, "\xef\xbb\xbf"))
        field += 3;
      name = g_strstrip (g_strdup (field));
      if (g_ascii_strcasecmp (name, _cw_compat_table_get_spec (table)->columns[i]) != 0)
        return FALSE;
    }

  return TRUE;
}

static guint
count_lines (const char * const *fields,
             guint               n_fields)
{
  guint n = 1;

  for (guint i = 0; i < n_fields; i++)
    for (const char *p = fields[i]; *p != '\0'; p++)
      if (*p == '\n' || (*p == '\r' && p[1] != '\n'))
        n++;

  return n;
}

/* The reader names the line where an unclosed quote starts only in its
 * message, as the one number there. */
static guint
line_in_message (const char *message,
                 guint       fallback)
{
  const char *p = message;

  while (*p != '\0' && !g_ascii_isdigit (*p))
    p++;

  return *p != '\0' ? (guint) g_ascii_strtoull (p, NULL, 10) : fallback;
}

gboolean
_cw_compat_csv_import_read (CwCompatCsvImport  *self,
                            GInputStream       *input,
                            GCancellable       *cancellable,
                            GError            **error)
{
  const CwCompatTableSpec *spec = _cw_compat_table_get_spec (self->table);
  g_autoptr(CwCsvReader) reader = cw_csv_reader_new (input, CW_CSV_ENCODING_UTF8);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *expected = g_strjoinv (",", (char **) spec->columns);
  const char * const *fields = NULL;
  guint n_fields = 0;
  guint line = 0;
  guint next_line;

  if (!cw_csv_reader_next (reader, &fields, &n_fields, &line, cancellable, &local_error))
    {
      if (local_error != NULL &&
          (local_error->domain == G_IO_ERROR ||
           g_error_matches (local_error, CW_CSV_ERROR, CW_CSV_ERROR_IO)))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, CW_COMPAT_ERROR, CW_COMPAT_ERROR_INVALID_INPUT,
                     _("The file has no readable header row; it must start with “%s”."), expected);
      return FALSE;
    }

  if (!header_matches (self->table, fields, n_fields))
    {
      g_set_error (error, CW_COMPAT_ERROR, CW_COMPAT_ERROR_INVALID_INPUT,
                   _("The header row must be “%s”, in that order."), expected);
      return FALSE;
    }
  next_line = line + count_lines (fields, n_fields);

  for (;;)
    {
      if (self->result->n_rows % CHECK_EVERY == 0 &&
          g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      if (cw_csv_reader_next (reader, &fields, &n_fields, &line, cancellable, &local_error))
        {
          self->result->n_rows++;
          next_line = line + count_lines (fields, n_fields);
          if (!check_line (self, line, fields, error))
            return FALSE;
          continue;
        }

      if (local_error == NULL)
        break;

      if (g_error_matches (local_error, CW_CSV_ERROR, CW_CSV_ERROR_FIELD_COUNT))
        add_problem (self, line,
                     ngettext ("The line does not have the %u field of the header.",
                               "The line does not have the %u fields of the header.",
                               spec->n_columns),
                     spec->n_columns);
      else if (g_error_matches (local_error, CW_CSV_ERROR, CW_CSV_ERROR_ENCODING))
        add_problem (self, line, _("The line is not valid UTF-8 text."));
      else if (g_error_matches (local_error, CW_CSV_ERROR, CW_CSV_ERROR_UNTERMINATED_QUOTE))
        {
          add_problem (self, line_in_message (local_error->message, next_line),
                       _("A quoted field is never closed."));
          break;
        }
      else
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      self->result->n_rows++;
      next_line = line + 1;
      g_clear_error (&local_error);
    }

  return TRUE;
}

