/* cw-csv.h
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CW_CSV_ERROR (cw_csv_error_quark ())

/**
 * CwCsvError:
 * @CW_CSV_ERROR_ENCODING: a record is not valid text in the chosen encoding;
 *   recoverable, the reader goes on with the next record
 * @CW_CSV_ERROR_FIELD_COUNT: a record has a different number of fields than
 *   the header; recoverable
 * @CW_CSV_ERROR_UNTERMINATED_QUOTE: a quoted field never closes before the end
 *   of the input; fatal
 * @CW_CSV_ERROR_EMPTY: there is no header row at all; fatal
 * @CW_CSV_ERROR_UNKNOWN_HEADER: no layout matches the header (cw-csv-layout)
 * @CW_CSV_ERROR_INVALID_VALUE: a value cannot be used: unknown class or
 *   status, missing name, … (cw-csv-layout); recoverable
 * @CW_CSV_ERROR_IO: the stream failed; fatal
 */
typedef enum
{
  CW_CSV_ERROR_ENCODING,
  CW_CSV_ERROR_FIELD_COUNT,
  CW_CSV_ERROR_UNTERMINATED_QUOTE,
  CW_CSV_ERROR_EMPTY,
  CW_CSV_ERROR_UNKNOWN_HEADER,
  CW_CSV_ERROR_INVALID_VALUE,
  CW_CSV_ERROR_IO,
} CwCsvError;

typedef enum
{
  CW_CSV_ENCODING_UTF8,
  CW_CSV_ENCODING_WINDOWS_1252,
} CwCsvEncoding;

GQuark      cw_csv_error_quark          (void);
gboolean    cw_csv_error_is_fatal       (const GError   *error);

gboolean    cw_csv_encoding_from_string (const char     *name,
                                         CwCsvEncoding  *encoding);
const char *cw_csv_encoding_to_string   (CwCsvEncoding   encoding);

/**
 * CwCsvReader:
 *
 * An RFC 4180 reader that parses a stream record by record, in place, without
 * an allocation per field. The first record is the header; it fixes the
 * delimiter (`;` when the header has more of them than commas) and the number
 * of fields every later record must have.
 */
typedef struct _CwCsvReader CwCsvReader;

CwCsvReader *cw_csv_reader_new            (GInputStream         *stream,
                                           CwCsvEncoding         encoding);
void         cw_csv_reader_free           (CwCsvReader          *reader);

gboolean     cw_csv_reader_next           (CwCsvReader          *reader,
                                           const char * const  **fields,
                                           guint                *n_fields,
                                           guint                *line,
                                           GCancellable         *cancellable,
                                           GError              **error);
char         cw_csv_reader_get_delimiter  (CwCsvReader          *reader);
goffset      cw_csv_reader_get_bytes_read (CwCsvReader          *reader);

void         cw_csv_append_record         (GString              *out,
                                           const char * const   *fields,
                                           guint                 n_fields);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwCsvReader, cw_csv_reader_free)

G_END_DECLS
