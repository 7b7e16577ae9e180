/* cw-csv.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-csv"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cw-csv.h"

/* The reader reads the stream in chunks of this size (more when one record is
 * larger) into one buffer, and copies the fields of the current record into a
 * second one, unquoted and NUL-terminated. A record cut by the end of the
 * buffer is parsed again from its start once more data is in: parsing never
 * writes to the input buffer, so that is always possible. */
#define CHUNK_SIZE (64 * 1024)

/* Never valid in UTF-8: stands for a byte that Windows-1252 leaves undefined,
 * so that the record holding it fails validation. */
#define UNDEFINED_BYTE 0xFF

static const guint8 utf8_bom[3] = { 0xEF, 0xBB, 0xBF };

typedef enum
{
  PARSE_RECORD,
  PARSE_NEED_MORE,
  PARSE_END,
  PARSE_UNTERMINATED,
} ParseResult;

struct _CwCsvReader
{
  GInputStream   *stream;
  CwCsvEncoding   encoding;

  guint8         *buf;          /* UTF-8 text; Windows-1252 is converted on reading */
  gsize           buf_size;
  gsize           buf_len;
  gsize           pos;          /* where the next record starts */

  guint8         *raw;          /* Windows-1252: one chunk before conversion */
  gsize           raw_size;

  guint8         *rec;          /* the fields of the current record */
  gsize           rec_size;
  const char    **fields;       /* pointers into rec, NULL-terminated */
  guint           fields_size;

  guint8          special[256]; /* bytes that end an unquoted field */
  goffset         bytes_read;
  guint           line;         /* the line at pos, 1-based */
  guint           n_columns;    /* fixed by the header; 0 before it */
  char            delimiter;
  guint           have_delimiter : 1;
  guint           eof : 1;
  guint           done : 1;     /* the end, or a fatal error */
};

G_DEFINE_QUARK (cw-csv-error-quark, cw_csv_error)

/* Windows-1252 to UTF-8, one entry per byte. 0x00–0x7F and 0xA0–0xFF are the
 * Unicode code points of the same value; 0x80–0x9F come from the code page. */
typedef struct
{
  guint8 len;
  guint8 bytes[3];
} Utf8Char;

static const gunichar cp1252_80_9f[32] = {
  0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
  0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
};

static Utf8Char cp1252_table[256];

static void
init_cp1252_table (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      for (guint b = 0; b < 256; b++)
        {
          gunichar c = b;
          char utf8[6];

          if (b >= 0x80 && b <= 0x9F)
            c = cp1252_80_9f[b - 0x80];

          if (c == 0 && b != 0)
            {
              cp1252_table[b].len = 1;
              cp1252_table[b].bytes[0] = UNDEFINED_BYTE;
              continue;
            }

          cp1252_table[b].len = g_unichar_to_utf8 (c, utf8);
          memcpy (cp1252_table[b].bytes, utf8, cp1252_table[b].len);
        }

      g_once_init_leave (&initialized, 1);
    }
}

/* Converts @len bytes to UTF-8 at @out, which has room for 3 * @len bytes.
 * Returns the number of bytes written. */
static gsize
convert_cp1252 (const guint8 *in,
                gsize         len,
                guint8       *out)
{
  guint8 *start = out;

  for (gsize i = 0; i < len; i++)
    {
      guint8 b = in[i];

      if (b < 0x80)
        {
          *out++ = b;
        }
      else
        {
          const Utf8Char *c = &cp1252_table[b];

          memcpy (out, c->bytes, 3);
          out += c->len;
        }
    }

  return out - start;
}

gboolean
cw_csv_encoding_from_string (const char    *name,
                             CwCsvEncoding *encoding)
{
  static const struct
  {
    const char    *name;
    CwCsvEncoding  encoding;
  } names[] = {
    { "utf-8",        CW_CSV_ENCODING_UTF8 },
    { "utf8",         CW_CSV_ENCODING_UTF8 },
    { "windows-1252", CW_CSV_ENCODING_WINDOWS_1252 },
    { "windows1252",  CW_CSV_ENCODING_WINDOWS_1252 },
    { "cp1252",       CW_CSV_ENCODING_WINDOWS_1252 },
    { "cp-1252",      CW_CSV_ENCODING_WINDOWS_1252 },
  };

  g_return_val_if_fail (name != NULL, FALSE);

  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    {
      if (g_ascii_strcasecmp (name, names[i].name) == 0)
        {
          if (encoding != NULL)
            *encoding = names[i].encoding;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
cw_csv_encoding_to_string (CwCsvEncoding encoding)
{
  switch (encoding)
    {
    case CW_CSV_ENCODING_UTF8:
      return "utf-8";
    case CW_CSV_ENCODING_WINDOWS_1252:
      return "windows-1252";
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
cw_csv_error_is_fatal (const GError *error)
{
  if (error == NULL)
    return FALSE;

  if (error->domain != CW_CSV_ERROR)
    return TRUE;

  switch ((CwCsvError) error->code)
    {
    case CW_CSV_ERROR_ENCODING:
    case CW_CSV_ERROR_FIELD_COUNT:
    case CW_CSV_ERROR_INVALID_VALUE:
      return FALSE;
    case CW_CSV_ERROR_UNTERMINATED_QUOTE:
    case CW_CSV_ERROR_EMPTY:
    case CW_CSV_ERROR_UNKNOWN_HEADER:
    case CW_CSV_ERROR_IO:
      return TRUE;
    default:
      return TRUE;
    }
}

CwCsvReader *
cw_csv_reader_new (GInputStream  *stream,
                   CwCsvEncoding  encoding)
{
  CwCsvReader *self;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);
  g_return_val_if_fail (encoding == CW_CSV_ENCODING_UTF8
                        || encoding == CW_CSV_ENCODING_WINDOWS_1252, NULL);

  if (encoding == CW_CSV_ENCODING_WINDOWS_1252)
    init_cp1252_table ();

  self = g_new0 (CwCsvReader, 1);
  self->stream = g_object_ref (stream);
  self->encoding = encoding;
  self->line = 1;
  self->delimiter = ',';
  self->fields_size = 32;
  self->fields = g_new (const char *, self->fields_size);

  return self;
}

void
cw_csv_reader_free (CwCsvReader *reader)
{
  if (reader == NULL)
    return;

  g_clear_object (&reader->stream);
  g_free (reader->buf);
  g_free (reader->raw);
  g_free (reader->rec);
  g_free (reader->fields);
  g_free (reader);
}

char
cw_csv_reader_get_delimiter (CwCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, ',');

  return reader->delimiter;
}

goffset
cw_csv_reader_get_bytes_read (CwCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, 0);

  return reader->bytes_read;
}

static void
ensure_size (guint8 **buf,
             gsize   *size,
             gsize    needed)
{
  if (needed <= *size)
    return;

  *size = MAX (needed, *size * 2);
  *buf = g_realloc (*buf, *size);
}

/* Reads into @dest, up to @size bytes; at the very start, until the first
 * three bytes are in (or the end), so that a byte-order mark is seen whole and
 * dropped. Returns the bytes stored in @dest, or -1 with @error set. */
static gssize
read_chunk (CwCsvReader   *self,
            guint8        *dest,
            gsize          size,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean at_start = self->bytes_read == 0;
  gsize got = 0;

  do
    {
      gssize n = g_input_stream_read (self->stream, dest + got, size - got,
                                      cancellable, &local_error);

      if (n < 0)
        {
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            g_propagate_error (error, g_steal_pointer (&local_error));
          else
            g_set_error (error, CW_CSV_ERROR, CW_CSV_ERROR_IO,
                         _("Could not read the file: %s"), local_error->message);
          return -1;
        }
      if (n == 0)
        {
          self->eof = TRUE;
          break;
        }
      got += n;
    }
  while (at_start && got < sizeof utf8_bom);

  self->bytes_read += got;

  if (at_start && got >= sizeof utf8_bom && memcmp (dest, utf8_bom, sizeof utf8_bom) == 0)
    {
      got -= sizeof utf8_bom;
      memmove (dest, dest + sizeof utf8_bom, got);
    }

  return got;
}

/* Moves the unparsed rest to the start of the buffer and appends the next
 * chunk of the stream, converted to UTF-8. */
static gboolean
fill (CwCsvReader   *self,
      GCancellable  *cancellable,
      GError       **error)
{
  gsize pending = self->buf_len - self->pos;
  /* A record larger than a chunk reads ever larger chunks, so that it is
   * parsed again only a few times. */
  gsize want = MAX (CHUNK_SIZE, pending);
  gssize n;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if (self->pos > 0)
    {
      memmove (self->buf, self->buf + self->pos, pending);
      self->buf_len = pending;
      self->pos = 0;
    }

  if (self->encoding == CW_CSV_ENCODING_WINDOWS_1252)
    {
      ensure_size (&self->raw, &self->raw_size, want);
      ensure_size (&self->buf, &self->buf_size, self->buf_len + 3 * want + 1);
      n = read_chunk (self, self->raw, want, cancellable, error);
      if (n < 0)
        return FALSE;
      self->buf_len += convert_cp1252 (self->raw, n, self->buf + self->buf_len);
    }
  else
    {
      ensure_size (&self->buf, &self->buf_size, self->buf_len + want + 1);
      n = read_chunk (self, self->buf + self->buf_len, want, cancellable, error);
      if (n < 0)
        return FALSE;
      self->buf_len += n;
    }
  self->buf[self->buf_len] = '\0';

  return TRUE;
}

/* Skips completely empty lines before a record. */
static ParseResult
skip_blank_lines (CwCsvReader *self)
{
  const guint8 *p = self->buf + self->pos;
  const guint8 *end = self->buf + self->buf_len;
  ParseResult result = PARSE_RECORD;

  for (;;)
    {
      if (p == end)
        {
          result = self->eof ? PARSE_END : PARSE_NEED_MORE;
          break;
        }
      if (*p == '\n')
        {
          p++;
        }
      else if (*p == '\r')
        {
          if (p + 1 == end && !self->eof)
            {
              result = PARSE_NEED_MORE;
              break;
            }
          p++;
          if (p < end && *p == '\n')
            p++;
        }
      else
        {
          break;
        }
      self->line++;
      self->pos = p - self->buf;
    }

  return result;
}

static void
set_delimiter (CwCsvReader *self,
               char         delimiter)
{
  self->delimiter = delimiter;
  self->have_delimiter = TRUE;

  memset (self->special, 0, sizeof self->special);
  self->special[(guint8) delimiter] = 1;
  self->special['\r'] = 1;
  self->special['\n'] = 1;
  self->special['\0'] = 1;
}

/* The header row decides: `;` when it has more of them than commas, outside
 * quotes. Needs the whole header row in the buffer. */
static ParseResult
detect_delimiter (CwCsvReader *self)
{
  const guint8 *end = self->buf + self->buf_len;
  gboolean quoted = FALSE;
  guint commas = 0;
  guint semicolons = 0;

  for (const guint8 *p = self->buf + self->pos; p < end; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (quoted)
        continue;
      else if (*p == ',')
        commas++;
      else if (*p == ';')
        semicolons++;
      else if (*p == '\n' || *p == '\r')
        {
          set_delimiter (self, semicolons > commas ? ';' : ',');
          return PARSE_RECORD;
        }
    }

  if (!self->eof)
    return PARSE_NEED_MORE;

  set_delimiter (self, semicolons > commas ? ';' : ',');
  return PARSE_RECORD;
}

/* Parses the record at pos into rec and fields. Commits pos and line only for
 * a whole record. @high gets the OR of every byte of the record (bit 7 set
 * means non-ASCII text to validate), @nul whether a NUL byte was seen. */
static ParseResult
parse_record (CwCsvReader *self,
              guint       *n_fields_out,
              guint       *start_line,
              guint8      *high,
              gboolean    *nul)
{
  const guint8 *p = self->buf + self->pos;
  const guint8 *end = self->buf + self->buf_len;
  const guint8 *special = self->special;
  const guint8 delimiter = self->delimiter;
  guint line = self->line;
  guint8 acc = 0;
  gboolean saw_nul = FALSE;
  guint n = 0;
  char *out;

  /* Each input byte gives at most one output byte, each field one NUL. */
  ensure_size (&self->rec, &self->rec_size, 2 * (gsize) (end - p) + 2);
  out = (char *) self->rec;

  for (;;)
    {
      if (n + 1 >= self->fields_size)
        {
          self->fields_size *= 2;
          self->fields = g_renew (const char *, self->fields, self->fields_size);
        }
      self->fields[n++] = out;

      if (p < end && *p == '"')
        {
          p++;
          for (;;)
            {
              const guint8 *quote = memchr (p, '"', end - p);
              const guint8 *stop = quote != NULL ? quote : end;

              for (const guint8 *s = p; s < stop; s++)
                {
                  acc |= *s;
                  if (*s == '\n')
                    line++;
                  else if (*s == '\r' && (s + 1 == stop || s[1] != '\n'))
                    line++;
                  else if (*s == '\0')
                    saw_nul = TRUE;
                }
              memcpy (out, p, stop - p);
              out += stop - p;

              if (quote == NULL)
                return self->eof ? PARSE_UNTERMINATED : PARSE_NEED_MORE;

              /* A quote at the end of the buffer is checked below. */
              p = quote + 1;
              if (p < end && *p == '"')
                {
                  *out++ = '"';
                  p++;
                  continue;
                }
              break;
            }
        }

      /* An unquoted field, or what follows a closing quote (kept as it is). */
      {
        const guint8 *s = p;

        for (;;)
          {
            /* No end check: the NUL after the buffer stops the loop. */
            while (!special[*s])
              acc |= *s++;
            if (s < end && *s == '\0')
              {
                saw_nul = TRUE;
                s++;
                continue;
              }
            break;
          }
        memcpy (out, p, s - p);
        out += s - p;
        p = s;
      }
      *out++ = '\0';

      if (p == end)
        {
          if (!self->eof)
            return PARSE_NEED_MORE;
          break;
        }
      if (*p == delimiter)
        {
          p++;
          continue;
        }
      if (*p == '\n')
        {
          p++;
          line++;
          break;
        }
      /* '\r', alone or before '\n' */
      if (p + 1 == end && !self->eof)
        return PARSE_NEED_MORE;
      p++;
      if (p < end && *p == '\n')
        p++;
      line++;
      break;
    }

  self->fields[n] = NULL;
  *n_fields_out = n;
  *start_line = self->line;
  *high = acc;
  *nul = saw_nul;
  self->line = line;
  self->pos = p - self->buf;

  return PARSE_RECORD;
}

static gboolean
fields_are_utf8 (CwCsvReader *self,
                 guint        n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    {
      if (!g_utf8_validate (self->fields[i], -1, NULL))
        return FALSE;
    }

  return TRUE;
}

/**
 * cw_csv_reader_next:
 * @reader: a #CwCsvReader
 * @fields: (out) (transfer none): the fields, valid until the next call
 * @n_fields: (out): the number of fields
 * @line: (out) (optional): the 1-based line where the record starts
 * @cancellable: (nullable): a #GCancellable, checked before each chunk
 * @error: return location for a #GError
 *
 * Returns the next record. The first one is the header. Returns %FALSE
 * without an error at the end of the input, and %FALSE with an error
 * otherwise; after a recoverable error (see cw_csv_error_is_fatal()) the next
 * call returns the next record.
 */
gboolean
cw_csv_reader_next (CwCsvReader          *reader,
                    const char * const  **fields,
                    guint                *n_fields,
                    guint                *line,
                    GCancellable         *cancellable,
                    GError              **error)
{
  CwCsvReader *self = reader;
  guint start_line = 0;
  guint count = 0;
  guint8 high = 0;
  gboolean nul = FALSE;

  g_return_val_if_fail (reader != NULL, FALSE);
  g_return_val_if_fail (fields != NULL, FALSE);
  g_return_val_if_fail (n_fields != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *fields = NULL;
  *n_fields = 0;
  if (line != NULL)
    *line = 0;

  if (self->done)
    return FALSE;

  for (;;)
    {
      ParseResult result = skip_blank_lines (self);

      if (result == PARSE_RECORD && !self->have_delimiter)
        result = detect_delimiter (self);
      if (result == PARSE_RECORD)
        result = parse_record (self, &count, &start_line, &high, &nul);

      switch (result)
        {
        case PARSE_RECORD:
          break;

        case PARSE_NEED_MORE:
          if (!fill (self, cancellable, error))
            {
              self->done = TRUE;
              return FALSE;
            }
          continue;

        case PARSE_END:
          self->done = TRUE;
          if (self->n_columns == 0)
            {
              g_set_error_literal (error, CW_CSV_ERROR, CW_CSV_ERROR_EMPTY,
                                   _("The file is empty: it has no header row."));
            }
          return FALSE;

        case PARSE_UNTERMINATED:
          self->done = TRUE;
          g_set_error (error, CW_CSV_ERROR, CW_CSV_ERROR_UNTERMINATED_QUOTE,
                       _("Line %u: a quoted field is never closed."), self->line);
          return FALSE;

        default:
          g_assert_not_reached ();
        }
      break;
    }

  if (line != NULL)
    *line = start_line;

  if (self->n_columns == 0)
    self->n_columns = count;

  if (nul)
    {
      g_set_error (error, CW_CSV_ERROR, CW_CSV_ERROR_ENCODING,
                   _("Line %u contains a NUL byte; the file does not look like text."),
                   start_line);
      return FALSE;
    }

  if ((high & 0x80) != 0 && !fields_are_utf8 (self, count))
    {
      if (self->encoding == CW_CSV_ENCODING_WINDOWS_1252)
        g_set_error (error, CW_CSV_ERROR, CW_CSV_ERROR_ENCODING,
                     _("Line %u contains a byte that Windows-1252 does not define. "
                       "Check the file’s encoding."), start_line);
      else
        g_set_error (error, CW_CSV_ERROR, CW_CSV_ERROR_ENCODING,
                     _("Line %u is not valid UTF-8. If the file came from ServiceNow, "
                       "import it with the Windows-1252 encoding (--encoding windows-1252)."),
                     start_line);
      return FALSE;
    }

  if (count != self->n_columns)
    {
      g_set_error (error, CW_CSV_ERROR, CW_CSV_ERROR_FIELD_COUNT,
                   ngettext ("Line %u has %u field; the header has %u.",
                             "Line %u has %u fields; the header has %u.", count),
                   start_line, count, self->n_columns);
      return FALSE;
    }

  *fields = (const char * const *) self->fields;
  *n_fields = count;
  return TRUE;
}

static gboolean
needs_quotes (const char *field,
              gsize       len)
{
  if (len == 0)
    return FALSE;

  if (field[0] == ' ' || field[0] == '\t' || field[len - 1] == ' ' || field[len - 1] == '\t')
    return TRUE;

  /* ';' too, so that a file we write is never taken for a ';' file. */
  return strpbrk (field, ",;\"\r\n") != NULL;
}

/**
 * cw_csv_append_record:
 * @out: the string to append to
 * @fields: (array length=n_fields) (nullable): the fields; a %NULL field is empty
 * @n_fields: the number of fields
 *
 * Appends one record with RFC 4180 quoting and a CRLF line end. A field is
 * quoted when it has a delimiter, a quote, CR or LF, or leading or trailing
 * white space; quotes in it are doubled.
 */
void
cw_csv_append_record (GString            *out,
                      const char * const *fields,
                      guint               n_fields)
{
  g_return_if_fail (out != NULL);
  g_return_if_fail (fields != NULL || n_fields == 0);

  for (guint i = 0; i < n_fields; i++)
    {
      const char *field = fields[i] != NULL ? fields[i] : "";
      gsize len = strlen (field);

      if (i > 0)
        g_string_append_c (out, ',');

      if (!needs_quotes (field, len))
        {
          g_string_append_len (out, field, len);
          continue;
        }

      g_string_append_c (out, '"');
      for (const char *quote; (quote = strchr (field, '"')) != NULL; field = quote + 1)
        {
          g_string_append_len (out, field, quote - field + 1);
          g_string_append_c (out, '"');
        }
      g_string_append (out, field);
      g_string_append_c (out, '"');
    }

  /* A lone empty field would make a blank line, which readers skip. */
  if (n_fields == 1 && (fields[0] == NULL || fields[0][0] == '\0'))
    g_string_append (out, "\"\"");

  g_string_append (out, "\r\n");
}
