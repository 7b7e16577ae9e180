/* cw-cli.h
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "cw-store.h"

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
/* Like cw_cli_parse(), but one positional argument, argv[1], is required:
 * @missing says so when there is none. */
int  cw_cli_parse_one_argument (GOptionContext  *context,
                                const char      *command,
                                int             *argc,
                                char          ***argv,
                                const char      *missing);
gboolean cw_cli_parse_count (const char       *text,
                             guint64           max,
                             guint64          *out);

/* The workspace --workspace names (else CHANGEWARD_WORKSPACE, else the
 * default): NULL, with the exit status in @status, after saying how to
 * create one when there is none. */
char    *cw_cli_find_workspace (const char       *command,
                                const char       *workspace,
                                int              *status);
/* cw_cli_find_workspace(), opened: NULL, with the exit status in @status,
 * when there is none or it does not open. */
CwStore *cw_cli_open_workspace (const char       *command,
                                const char       *workspace,
                                CwStoreOpenFlags  flags,
                                int              *status);
/* Each line of the message on its own line: problems come one per line. */
int      cw_cli_fail_lines     (const char       *command,
                                const GError     *error);
/* An import refused: the reason (when @error is set) and "Nothing was
 * imported.", on the standard error. */
int      cw_cli_fail_import    (const char       *command,
                                const GError     *error);
/* Each line of @message after "FILE: " on the standard error: the problems a
 * file was refused for. Returns how many. */
guint    cw_cli_print_file_problems (const char  *file_name,
                                     const char  *message);

/* @text whole to @output_path (written beside and renamed into place: never
 * half a file), or to the standard output when @output_path is NULL. */
gboolean cw_cli_write_output   (const char       *output_path,
                                const char       *text,
                                GError          **error);
gboolean cw_cli_write_stdout   (const void       *data,
                                gsize             size,
                                GError          **error);

/* Tables: the width of a cell in characters (not bytes); a cell appended and
 * padded to @width; rows of @n_columns cells, each column as wide as its
 * widest cell, those in the @right_aligned bits to the right, nothing
 * trailing a line. */
guint    cw_cli_text_width     (const char       *text);
void     cw_cli_append_cell    (GString          *line,
                                const char       *text,
                                guint             width,
                                gboolean          align_right);
void     cw_cli_print_table    (GPtrArray        *cells,
                                guint             n_columns,
                                guint             right_aligned);

/* JSON documents: the builder's root, indented, on the standard output; a
 * member that is null when @value is NULL; an integer member. */
void     cw_cli_print_json     (JsonBuilder      *builder);
void     cw_cli_json_add_string (JsonBuilder     *builder,
                                 const char      *name,
                                 const char      *value);
void     cw_cli_json_add_int   (JsonBuilder      *builder,
                                const char       *name,
                                gint64            value);

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
int  cw_cli_runbook        (int                argc,
                            char             **argv);
int  cw_cli_calendar       (int                argc,
                            char             **argv);

G_END_DECLS
