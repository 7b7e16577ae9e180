/* cw-cli.h
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Exit codes of every sub-command. */
typedef enum
{
  CW_CLI_OK      = 0,
  CW_CLI_FAILURE = 1,
  CW_CLI_USAGE   = 2,
  CW_CLI_BLOCKED = 3,   /* compat check: a blocker exists */
} CwCliStatus;

typedef struct
{
  const char *name;
  const char *summary;
  int       (*run) (int argc, char **argv);
} CwCliCommand;

int  cw_cli_main           (int                argc,
                            char             **argv);

GOptionContext *cw_cli_option_context (const char *command,
                                       const char *parameters,
                                       const char *summary);
int  cw_cli_parse          (GOptionContext    *context,
                            const char        *command,
                            int               *argc,
                            char            ***argv);
int  cw_cli_usage_error    (const char        *command,
                            const char        *format,
                            ...) G_GNUC_PRINTF (2, 3);
int  cw_cli_run_group      (const char        *group,
                            const CwCliCommand *sub_commands,
                            guint              n_commands,
                            int                argc,
                            char             **argv);
int  cw_cli_fail           (const char        *command,
                            const GError      *error);
int  cw_cli_fail_with      (const char        *command,
                            const char        *format,
                            ...) G_GNUC_PRINTF (2, 3);
/* Like cw_cli_parse(), but positional arguments stay in argv[1..argc-1]. */
int  cw_cli_parse_with_args (GOptionContext   *context,
                             const char       *command,
                             int              *argc,
                             char           ***argv);
gboolean cw_cli_parse_count (const char       *text,
                             guint64           max,
                             guint64          *out);

/* One asynchronous operation run to its end, with Ctrl+C cancelling it
 * instead of ending the process: init, start the operation with
 * run.cancellable and cw_cli_async_done, wait, then finish with run.result. */
typedef struct
{
  GMainLoop    *loop;
  GCancellable *cancellable;
  GAsyncResult *result;
  guint         sigint_id;
} CwCliAsync;

void cw_cli_async_init     (CwCliAsync        *run);
void cw_cli_async_done     (GObject           *object,
                            GAsyncResult      *result,
                            gpointer           data);
void cw_cli_async_wait     (CwCliAsync        *run);
void cw_cli_async_clear    (CwCliAsync        *run);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CwCliAsync, cw_cli_async_clear)

int  cw_cli_demo           (int                argc,
                            char             **argv);
int  cw_cli_info           (int                argc,
                            char             **argv);
int  cw_cli_check          (int                argc,
                            char             **argv);
int  cw_cli_inventory      (int                argc,
                            char             **argv);
int  cw_cli_compat         (int                argc,
                            char             **argv);

G_END_DECLS
