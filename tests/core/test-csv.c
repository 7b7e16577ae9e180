/* test-csv.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-csv"

#include "config.h"

#include <string.h>

#include "cw-csv.h"

#define CHUNK (64 * 1024)

static CwCsvReader *
reader_for_len (const char    *data,
                gsize          len,
                CwCsvEncoding  encoding)
{
  g_autoptr(GInputStream) stream =
    g_memory_input_stream_new_from_data (g_memdup2 (data, len), len, g_free);

  return cw_csv_reader_new (stream, encoding);
}

static CwCsvReader *
reader_for (const char *data)
{
  return reader_for_len (data, strlen (data), CW_CSV_ENCODING_UTF8);
}

/* Reads the next record and checks it field by field, and its line. */
static void
assert_record (CwCsvReader        *reader,
               guint               expected_line,
               const char * const *expected)
{
  g_autoptr(GError) error = NULL;
  const char * const *fields = NULL;
  guint n_fields = 0;
  guint line = 0;
  gboolean ok;

  ok = cw_csv_reader_next (reader, &fields, &n_fields, &line, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpuint (n_fields, ==, g_strv_length ((char **) expected));
  for (guint i = 0; i < n_fields; i++)
    g_assert_cmpstr (fields[i], ==, expected[i]);
  g_assert_null (fields[n_fields]);
  g_assert_cmpuint (line, ==, expected_line);
}

#define ASSERT_RECORD(reader, line, ...) \
  assert_record ((reader), (line), (const char * const[]) { __VA_ARGS__, NULL })

static void
assert_end (CwCsvReader *reader)
{
  g_autoptr(GError) error = NULL;
  const char * const *fields = NULL;
  guint n_fields = 0;

  g_assert_false (cw_csv_reader_next (reader, &fields, &n_fields, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (fields);
  g_assert_cmpuint (n_fields, ==, 0);
}

/* Reads the next record, which must fail with @code; returns the message. */
static char *
next_error (CwCsvReader *reader,
            int          code)
{
  g_autoptr(GError) error = NULL;
  const char * const *fields = NULL;
  guint n_fields = 0;

  g_assert_false (cw_csv_reader_next (reader, &fields, &n_fields, NULL, NULL, &error));
  g_assert_error (error, CW_CSV_ERROR, code);
  return g_strdup (error->message);
}

static void
test_quoted (void)
{
  g_autoptr(CwCsvReader) reader = reader_for (
    "name,notes\r\n"
    "\"a,b\",\"say \"\"hi\"\"\"\r\n"
    "\"multi\nline\",\"crlf\r\ninside\"\r\n"
    "\"\",\"\"\"\"\r\n"
    "last,\"lone\rcr\"\r\n"
    "after,\"x\"\r\n");

  ASSERT_RECORD (reader, 1, "name", "notes");
  ASSERT_RECORD (reader, 2, "a,b", "say \"hi\"");
  ASSERT_RECORD (reader, 3, "multi\nline", "crlf\r\ninside");
  /* The record above spans lines 3 to 5. */
  ASSERT_RECORD (reader, 6, "", "\"");
  ASSERT_RECORD (reader, 7, "last", "lone\rcr");
  ASSERT_RECORD (reader, 9, "after", "x");
  assert_end (reader);
  /* And it stays at the end. */
  assert_end (reader);
}

static void
test_line_ends (void)
{
  const char *files[] = {
    "a,b\n1,2\n3,4\n",
    "a,b\r\n1,2\r\n3,4\r\n",
    "a,b\r1,2\r3,4\r",
    "a,b\r\n1,2\n3,4\r",
    "a,b\n1,2\n3,4",
    "a,b\r\n1,2\r\n3,4",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(CwCsvReader) reader = reader_for (files[i]);

      g_test_message ("file %" G_GSIZE_FORMAT, i);
      ASSERT_RECORD (reader, 1, "a", "b");
      ASSERT_RECORD (reader, 2, "1", "2");
      ASSERT_RECORD (reader, 3, "3", "4");
      assert_end (reader);
      g_assert_cmpint (cw_csv_reader_get_bytes_read (reader), ==, strlen (files[i]));
    }
}

static void
test_last_field_empty (void)
{
  g_autoptr(CwCsvReader) reader = reader_for ("a,b,c\n1,,\n,,");

  ASSERT_RECORD (reader, 1, "a", "b", "c");
  ASSERT_RECORD (reader, 2, "1", "", "");
  ASSERT_RECORD (reader, 3, "", "", "");
  assert_end (reader);
}

static void
test_bom (void)
{
  g_autoptr(CwCsvReader) reader = reader_for ("\xEF\xBB\xBF" "class,name\nserver,web01\n");

  ASSERT_RECORD (reader, 1, "class", "name");
  ASSERT_RECORD (reader, 2, "server", "web01");
  assert_end (reader);
  g_assert_cmpint (cw_csv_reader_get_bytes_read (reader), ==, 3 + 11 + 13);
}

static void
test_semicolon (void)
{
  g_autoptr(CwCsvReader) reader = reader_for ("class;name;notes\nserver;web,01;\"x;y\"\n");
  g_autoptr(CwCsvReader) quoted = reader_for ("\"a;b;c\",d\n1,2\n");
  g_autoptr(CwCsvReader) mixed = reader_for ("a;b;c,d\n1;2;3,4\n");

  ASSERT_RECORD (reader, 1, "class", "name", "notes");
  g_assert_cmpint (cw_csv_reader_get_delimiter (reader), ==, ';');
  ASSERT_RECORD (reader, 2, "server", "web,01", "x;y");
  assert_end (reader);

  /* Semicolons inside quotes do not count. */
  ASSERT_RECORD (quoted, 1, "a;b;c", "d");
  g_assert_cmpint (cw_csv_reader_get_delimiter (quoted), ==, ',');
  ASSERT_RECORD (quoted, 2, "1", "2");

  ASSERT_RECORD (mixed, 1, "a", "b", "c,d");
  ASSERT_RECORD (mixed, 2, "1", "2", "3,4");
}

static void
test_blank_lines (void)
{
  g_autoptr(CwCsvReader) reader = reader_for ("\n\r\nh1,h2\n\n1,2\r\n\r\n\r\n3,4\n\n\n");

  ASSERT_RECORD (reader, 3, "h1", "h2");
  ASSERT_RECORD (reader, 5, "1", "2");
  ASSERT_RECORD (reader, 8, "3", "4");
  assert_end (reader);
}

static void
test_empty (void)
{
  const char *files[] = { "", "\n", "\r\n\r\n\n", "\xEF\xBB\xBF", "\xEF\xBB\xBF\r\n" };

  for (gsize i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(CwCsvReader) reader = reader_for (files[i]);
      g_autoptr(GError) error = NULL;
      const char * const *fields;
      guint n_fields;

      g_assert_false (cw_csv_reader_next (reader, &fields, &n_fields, NULL, NULL, &error));
      g_assert_error (error, CW_CSV_ERROR, CW_CSV_ERROR_EMPTY);
      g_assert_true (cw_csv_error_is_fatal (error));
      assert_end (reader);
    }
}

static void
test_field_count (void)
{
  g_autoptr(CwCsvReader) reader = reader_for ("a,b,c\n1,2,3\n4,5\n6,7,8,9\n10,11,12\n");
  g_autofree char *fewer = NULL;
  g_autofree char *more = NULL;
  g_autoptr(GError) error = NULL;

  ASSERT_RECORD (reader, 1, "a", "b", "c");
  ASSERT_RECORD (reader, 2, "1", "2", "3");
  fewer = next_error (reader, CW_CSV_ERROR_FIELD_COUNT);
  g_assert_cmpstr (fewer, ==, "Line 3 has 2 fields; the header has 3.");
  more = next_error (reader, CW_CSV_ERROR_FIELD_COUNT);
  g_assert_cmpstr (more, ==, "Line 4 has 4 fields; the header has 3.");
  /* Recoverable: the next record comes. */
  ASSERT_RECORD (reader, 5, "10", "11", "12");
  assert_end (reader);

  g_set_error_literal (&error, CW_CSV_ERROR, CW_CSV_ERROR_FIELD_COUNT, "x");
  g_assert_false (cw_csv_error_is_fatal (error));
}

static void
test_unterminated (void)
{
  g_autoptr(CwCsvReader) reader = reader_for ("a,b\n1,2\n\"open,3\n4,5\n6,7\n");
  g_autoptr(GError) error = NULL;
  const char * const *fields;
  guint n_fields;

  ASSERT_RECORD (reader, 1, "a", "b");
  ASSERT_RECORD (reader, 2, "1", "2");
  g_assert_false (cw_csv_reader_next (reader, &fields, &n_fields, NULL, NULL, &error));
  g_assert_error (error, CW_CSV_ERROR, CW_CSV_ERROR_UNTERMINATED_QUOTE);
  g_assert_cmpstr (error->message, ==, "Line 3: a quoted field is never closed.");
  g_assert_true (cw_csv_error_is_fatal (error));
  /* Fatal: nothing more. */
  assert_end (reader);
}

static void
test_invalid_utf8 (void)
{
  g_autoptr(CwCsvReader) reader = reader_for ("a,b\n1,2\n\"multi\nline\",caf\xe9\n3,\xc3\xa9t\xc3\xa9\n");
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  ASSERT_RECORD (reader, 1, "a", "b");
  ASSERT_RECORD (reader, 2, "1", "2");
  message = next_error (reader, CW_CSV_ERROR_ENCODING);
  g_assert_cmpstr (message, ==,
                   "Line 3 is not valid UTF-8. If the file came from ServiceNow, import it "
                   "with the Windows-1252 encoding (--encoding windows-1252).");
  /* Recoverable, and the line count is still right. */
  ASSERT_RECORD (reader, 5, "3", "été");
  assert_end (reader);

  g_set_error_literal (&error, CW_CSV_ERROR, CW_CSV_ERROR_ENCODING, "x");
  g_assert_false (cw_csv_error_is_fatal (error));
}

static void
test_windows_1252 (void)
{
  static const char data[] =
    "name,notes\r\n"
    "\x80,caf\xe9 \x93quoted\x94\r\n"
    "\x8a\x9f\xa0\xff,\x85\x99\r\n"
    "bad,\x81\r\n"
    "\x8d,ok\r\n"
    "last,\x96\r\n";
  g_autoptr(CwCsvReader) reader = reader_for_len (data, sizeof data - 1, CW_CSV_ENCODING_WINDOWS_1252);
  g_autofree char *undefined = NULL;
  g_autofree char *undefined2 = NULL;

  ASSERT_RECORD (reader, 1, "name", "notes");
  ASSERT_RECORD (reader, 2, "€", "café “quoted”");
  ASSERT_RECORD (reader, 3, "ŠŸ\u00a0ÿ", "…™");
  undefined = next_error (reader, CW_CSV_ERROR_ENCODING);
  g_assert_nonnull (strstr (undefined, "Line 4"));
  g_assert_nonnull (strstr (undefined, "Windows-1252"));
  undefined2 = next_error (reader, CW_CSV_ERROR_ENCODING);
  g_assert_nonnull (strstr (undefined2, "Line 5"));
  ASSERT_RECORD (reader, 6, "last", "–");
  assert_end (reader);
  g_assert_cmpint (cw_csv_reader_get_bytes_read (reader), ==, sizeof data - 1);
}

static void
test_encoding_names (void)
{
  CwCsvEncoding encoding = CW_CSV_ENCODING_WINDOWS_1252;

  g_assert_true (cw_csv_encoding_from_string ("utf-8", &encoding));
  g_assert_cmpint (encoding, ==, CW_CSV_ENCODING_UTF8);
  g_assert_true (cw_csv_encoding_from_string ("cp1252", &encoding));
  g_assert_cmpint (encoding, ==, CW_CSV_ENCODING_WINDOWS_1252);
  g_assert_true (cw_csv_encoding_from_string ("UTF8", &encoding));
  g_assert_cmpint (encoding, ==, CW_CSV_ENCODING_UTF8);
  g_assert_true (cw_csv_encoding_from_string ("Windows-1252", &encoding));
  g_assert_cmpint (encoding, ==, CW_CSV_ENCODING_WINDOWS_1252);
  g_assert_false (cw_csv_encoding_from_string ("ebcdic", &encoding));
  g_assert_cmpint (encoding, ==, CW_CSV_ENCODING_WINDOWS_1252);
  g_assert_cmpstr (cw_csv_encoding_to_string (CW_CSV_ENCODING_UTF8), ==, "utf-8");
}

/* A file of @n_records records with long quoted fields full of delimiters,
 * quotes and line ends, written with the writer. @lines gets the line where
 * each record starts. */
static GString *
make_big_file (guint      n_records,
               GPtrArray *records,
               GArray    *lines)
{
  static const char *const header[] = { "id", "text", "tail" };
  GString *out = g_string_new (NULL);
  guint line = 1;

  cw_csv_append_record (out, header, 3);
  g_array_append_val (lines, line);
  line++;

  for (guint i = 0; i < n_records; i++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      guint len = 200 + (i * 7919) % 3000;
      char **record = g_new0 (char *, 4);

      while (text->len < len)
        {
          switch ((text->len + i) % 9)
            {
            case 0:
              g_string_append (text, "\"quoted\"");
              break;
            case 1:
              g_string_append (text, ", comma");
              break;
            case 2:
              g_string_append (text, "\r\n");
              break;
            case 3:
              g_string_append (text, "\n");
              break;
            case 4:
              g_string_append (text, "ünï€");
              break;
            default:
              g_string_append (text, "abcdefghij");
              break;
            }
        }

      record[0] = g_strdup_printf ("%u", i);
      record[1] = g_strdup (text->str);
      record[2] = g_strdup (i % 2 ? "" : "end");
      cw_csv_append_record (out, (const char * const *) record, 3);
      g_array_append_val (lines, line);

      /* Lines: one per LF, and per CR not before an LF, plus the record's end. */
      for (const char *p = text->str; *p != '\0'; p++)
        {
          if (*p == '\n' || (*p == '\r' && p[1] != '\n'))
            line++;
        }
      line++;
      g_ptr_array_add (records, record);
    }

  return out;
}

static void
test_chunk_boundaries (void)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GString) data = make_big_file (300, records, lines);
  g_autoptr(CwCsvReader) reader = NULL;

  g_assert_cmpuint (data->len, >, 200 * 1024);
  reader = reader_for_len (data->str, data->len, CW_CSV_ENCODING_UTF8);

  ASSERT_RECORD (reader, 1, "id", "text", "tail");
  for (guint i = 0; i < records->len; i++)
    {
      char **record = g_ptr_array_index (records, i);

      assert_record (reader, g_array_index (lines, guint, i + 1), (const char * const *) record);
    }
  assert_end (reader);
  g_assert_cmpint (cw_csv_reader_get_bytes_read (reader), ==, data->len);
}

/* A file whose byte CHUNK - 1 is the first byte of @tricky (the first chunk
 * ends after it), followed by a normal record. */
static void
check_split_at_chunk_end (const char *tricky,
                          const char *first_value,
                          guint       next_line)
{
  g_autoptr(GString) data = g_string_new ("a,b\n");
  g_autoptr(CwCsvReader) reader = NULL;
  g_autofree char *padding = NULL;
  gsize pad;

  /* "x,<padding><tricky>" */
  g_string_append (data, "x,");
  pad = CHUNK - 1 - data->len;
  g_string_append_len (data, padding = g_strnfill (pad, 'p'), pad);
  g_assert_cmpuint (data->len, ==, CHUNK - 1);
  g_string_append (data, tricky);
  g_string_append (data, "y,z\n");

  reader = reader_for_len (data->str, data->len, CW_CSV_ENCODING_UTF8);
  ASSERT_RECORD (reader, 1, "a", "b");
  {
    g_autofree char *expected = g_strconcat (padding, first_value, NULL);

    ASSERT_RECORD (reader, 2, "x", expected);
  }
  ASSERT_RECORD (reader, next_line, "y", "z");
  assert_end (reader);
}

static void
test_split_at_chunk_end (void)
{
  /* CR | LF */
  check_split_at_chunk_end ("\r\n", "", 3);
  /* lone CR | next record */
  check_split_at_chunk_end ("\r", "", 3);
  /* a multi-byte character cut in two */
  check_split_at_chunk_end ("\xc3\xa9\n", "é", 3);
}

static void
test_split_in_quotes (void)
{
  /* The padding field is quoted: "" | ", and " | LF and CR | LF inside. */
  const char *cases[][2] = {
    { "\"\"tail\"\n",    "\"tail" },
    { "\"\n",            "" },
    { "\r\nmore\"\n",    "\r\nmore" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) data = g_string_new ("a,b\nx,\"");
      g_autoptr(CwCsvReader) reader = NULL;
      g_autofree char *padding = NULL;
      g_autofree char *expected = NULL;
      gsize pad = CHUNK - 1 - data->len;
      guint lines = 0;

      padding = g_strnfill (pad, 'q');
      g_string_append (data, padding);
      g_string_append (data, cases[i][0]);
      g_string_append (data, "y,z\n");
      expected = g_strconcat (padding, cases[i][1], NULL);
      lines = strchr (cases[i][1], '\n') != NULL ? 1 : 0;

      reader = reader_for_len (data->str, data->len, CW_CSV_ENCODING_UTF8);
      ASSERT_RECORD (reader, 1, "a", "b");
      ASSERT_RECORD (reader, 2, "x", expected);
      ASSERT_RECORD (reader, 3 + lines, "y", "z");
      assert_end (reader);
    }
}

static void
test_huge_field (void)
{
  g_autofree char *big = g_strnfill (5 * CHUNK + 123, 'h');
  g_autoptr(GString) data = g_string_new ("a,b\n");
  g_autoptr(CwCsvReader) reader = NULL;

  g_string_append_printf (data, "\"%s\",%s\nlast,1\n", big, big);
  reader = reader_for_len (data->str, data->len, CW_CSV_ENCODING_UTF8);
  ASSERT_RECORD (reader, 1, "a", "b");
  ASSERT_RECORD (reader, 2, big, big);
  ASSERT_RECORD (reader, 3, "last", "1");
  assert_end (reader);
}

static void
test_writer (void)
{
  const char *simple[] = { "a", "b,c", "d\"e", NULL, " f", "g " };
  const char *single_empty[] = { "" };
  g_autoptr(GString) out = g_string_new (NULL);

  cw_csv_append_record (out, simple, G_N_ELEMENTS (simple));
  g_assert_cmpstr (out->str, ==, "a,\"b,c\",\"d\"\"e\",,\" f\",\"g \"\r\n");

  /* A lone empty field must not look like a blank line. */
  g_string_truncate (out, 0);
  cw_csv_append_record (out, single_empty, 1);
  g_assert_cmpstr (out->str, ==, "\"\"\r\n");
}

static void
test_round_trip (void)
{
  const char *header[] = { "plain", "special" };
  const char *values[] = {
    "", "plain", "a,b", "semi;colon", "quote\"inside", "\"", "\"\"", "\"start",
    "end\"", "line\nfeed", "cr\rreturn", "crlf\r\nx", " leading", "trailing ",
    "\ttab", "ünïcödé € “”", ",", "\n", "\r", "a\"\",\r\n;b",
  };
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(CwCsvReader) reader = NULL;
  guint line = 2;

  cw_csv_append_record (out, header, 2);
  for (gsize i = 0; i < G_N_ELEMENTS (values); i++)
    {
      const char *record[] = { values[i], values[G_N_ELEMENTS (values) - 1 - i] };

      cw_csv_append_record (out, record, 2);
    }
  {
    const char *record[] = { NULL, NULL };

    cw_csv_append_record (out, record, 2);
  }

  reader = reader_for_len (out->str, out->len, CW_CSV_ENCODING_UTF8);
  ASSERT_RECORD (reader, 1, "plain", "special");
  g_assert_cmpint (cw_csv_reader_get_delimiter (reader), ==, ',');
  for (gsize i = 0; i < G_N_ELEMENTS (values); i++)
    {
      const char *a = values[i];
      const char *b = values[G_N_ELEMENTS (values) - 1 - i];

      ASSERT_RECORD (reader, line, a, b);
      for (const char *s = a; *s != '\0'; s++)
        line += *s == '\n' || (*s == '\r' && s[1] != '\n');
      for (const char *s = b; *s != '\0'; s++)
        line += *s == '\n' || (*s == '\r' && s[1] != '\n');
      line++;
    }
  ASSERT_RECORD (reader, line, "", "");
  assert_end (reader);

  /* A one-column file with an empty value, and a ';' in the header. */
  {
    const char *one[] = { "a;b;c" };
    const char *empty[] = { NULL };
    g_autoptr(CwCsvReader) single = NULL;

    g_string_truncate (out, 0);
    cw_csv_append_record (out, one, 1);
    cw_csv_append_record (out, empty, 1);
    cw_csv_append_record (out, one, 1);
    single = reader_for_len (out->str, out->len, CW_CSV_ENCODING_UTF8);
    ASSERT_RECORD (single, 1, "a;b;c");
    ASSERT_RECORD (single, 2, "");
    ASSERT_RECORD (single, 3, "a;b;c");
    assert_end (single);
  }
}

static void
test_cancel (void)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GString) data = make_big_file (300, records, lines);
  g_autoptr(CwCsvReader) reader = reader_for_len (data->str, data->len, CW_CSV_ENCODING_UTF8);
  g_autoptr(CwCsvReader) early = reader_for_len (data->str, data->len, CW_CSV_ENCODING_UTF8);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  const char * const *fields;
  guint n_fields;
  guint n_records = 0;

  g_assert_true (cw_csv_reader_next (reader, &fields, &n_fields, NULL, cancellable, &error));
  g_assert_no_error (error);
  g_cancellable_cancel (cancellable);

  /* What is in the buffer may still come; the next chunk is not read. */
  while (cw_csv_reader_next (reader, &fields, &n_fields, NULL, cancellable, &error))
    n_records++;
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (cw_csv_error_is_fatal (error));
  g_assert_cmpuint (n_records, <, records->len);
  g_assert_cmpint (cw_csv_reader_get_bytes_read (reader), <, data->len);
  g_clear_error (&error);
  assert_end (reader);

  /* Cancelled before anything is read. */
  g_assert_false (cw_csv_reader_next (early, &fields, &n_fields, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (cw_csv_reader_get_bytes_read (early), ==, 0);
}

static void
test_nul_byte (void)
{
  static const char data[] = "a,b\n1,x\0y\n2,3\n";
  g_autoptr(CwCsvReader) reader = reader_for_len (data, sizeof data - 1, CW_CSV_ENCODING_UTF8);
  g_autofree char *message = NULL;

  ASSERT_RECORD (reader, 1, "a", "b");
  message = next_error (reader, CW_CSV_ERROR_ENCODING);
  g_assert_nonnull (strstr (message, "Line 2"));
  ASSERT_RECORD (reader, 3, "2", "3");
  assert_end (reader);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/quoted", test_quoted);
  g_test_add_func ("/csv/line-ends", test_line_ends);
  g_test_add_func ("/csv/last-field-empty", test_last_field_empty);
  g_test_add_func ("/csv/bom", test_bom);
  g_test_add_func ("/csv/semicolon", test_semicolon);
  g_test_add_func ("/csv/blank-lines", test_blank_lines);
  g_test_add_func ("/csv/empty", test_empty);
  g_test_add_func ("/csv/field-count", test_field_count);
  g_test_add_func ("/csv/unterminated", test_unterminated);
  g_test_add_func ("/csv/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/csv/nul-byte", test_nul_byte);
  g_test_add_func ("/csv/windows-1252", test_windows_1252);
  g_test_add_func ("/csv/encoding-names", test_encoding_names);
  g_test_add_func ("/csv/chunk-boundaries", test_chunk_boundaries);
  g_test_add_func ("/csv/split-at-chunk-end", test_split_at_chunk_end);
  g_test_add_func ("/csv/split-in-quotes", test_split_in_quotes);
  g_test_add_func ("/csv/huge-field", test_huge_field);
  g_test_add_func ("/csv/writer", test_writer);
  g_test_add_func ("/csv/round-trip", test_round_trip);
  g_test_add_func ("/csv/cancel", test_cancel);

  return g_test_run ();
}
