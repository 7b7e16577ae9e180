/* cw-test-fixture.h
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cw-clock.h"

G_BEGIN_DECLS

char    *cw_test_make_tmpdir     (void);
void     cw_test_remove_tree     (const char  *path);
char    *cw_test_file_checksum   (const char  *path);
void     cw_test_write_bytes     (const char  *path,
                                  const void  *data,
                                  gsize        length);
void     cw_test_write_random    (const char  *path,
                                  gsize        length);
void     cw_test_sql             (const char  *path,
                                  const char  *sql);
gint64   cw_test_sql_int         (const char  *path,
                                  const char  *sql);
GDateTime *cw_test_fixed_time    (void);
CwClock  *cw_test_fake_clock     (void);

G_END_DECLS
