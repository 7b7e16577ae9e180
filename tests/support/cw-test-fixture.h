/* cw-test-fixture.h
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "cw-clock.h"
#include "cw-store.h"

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
JsonNode *cw_test_parse_json     (const char  *text);

/* One temporary folder for the whole test program, made on first use and
 * removed by cw_test_run_and_clean(), which runs the tests. */
const char *cw_test_tmpdir          (void);
char       *cw_test_tmp_path        (const char  *name);
int         cw_test_run_and_clean   (void);
char       *cw_test_write_tmp_file  (const char  *name,
                                     const char  *text);
char       *cw_test_read_file       (const char  *path);
/* A new workspace in that folder, with @sql (NULL: nothing) run in it. */
char       *cw_test_make_workspace  (const char  *name,
                                     const char  *sql);

/* A fixture for g_test_add(): a new workspace, open, in a folder of its
 * own. */
typedef struct
{
  char    *dir;
  char    *path;
  CwStore *store;
} CwTestStore;

void        cw_test_store_set_up    (CwTestStore   *fixture,
                                     gconstpointer  data);
void        cw_test_store_tear_down (CwTestStore   *fixture,
                                     gconstpointer  data);
/* The first column of the first row, through the store's own connection. */
gint64      cw_test_store_int       (CwTestStore   *fixture,
                                     const char    *sql);
void        cw_test_store_exec      (CwTestStore   *fixture,
                                     const char    *sql);

/* A run of the real changeward-cli, $CHANGEWARD_CLI: its exit status and
 * what it wrote. CHANGEWARD_WORKSPACE is @env_workspace (NULL: unset), and
 * G_MESSAGES_DEBUG is unset. */
typedef struct
{
  int   status;
  char *out;
  char *err;
} CwTestRun;

void         cw_test_run_clear      (CwTestRun          *run);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CwTestRun, cw_test_run_clear)

GSubprocess *cw_test_cli_spawn      (const char         *env_workspace,
                                     const char * const *args);
void         cw_test_cli_finish     (GSubprocess        *process,
                                     CwTestRun          *run);
void         cw_test_cli_run_v      (CwTestRun          *run,
                                     const char         *env_workspace,
                                     const char * const *args);
/* A demo workspace in the temporary folder, made by `changeward-cli demo`. */
char        *cw_test_cli_demo       (const char         *name,
                                     const char         *n_cis);
/* The top-level --help lists @group, and `@group --help` each of @commands,
 * whose own --help shows their usage and --workspace. */
void         cw_test_cli_assert_help (const char         *group,
                                      const char * const *commands);

#define cw_test_cli_run(run, ...) \
  cw_test_cli_run_v ((run), NULL, (const char * const[]) { __VA_ARGS__, NULL })
#define cw_test_cli_run_env(run, env_workspace, ...) \
  cw_test_cli_run_v ((run), (env_workspace), (const char * const[]) { __VA_ARGS__, NULL })

G_END_DECLS
