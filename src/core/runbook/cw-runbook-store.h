/* cw-runbook-store.h: runbooks and their versions in a workspace.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cw-runbook.h"
#include "cw-store.h"

G_BEGIN_DECLS

typedef struct
{
  char  *name;
  char  *description;        /* or NULL */
  char  *product;            /* or NULL */
  char  *ci_class;           /* or NULL */
  guint  latest_version;     /* the highest version number */
  guint  approved_version;   /* the highest approved one, 0 when none */
  guint  n_steps;            /* in the latest version */
} CwRunbookInfo;

typedef struct
{
  guint           version;
  CwRunbookState  state;
  char           *author;
  gint64          created_at;
  char           *approver;
  gint64          approved_at;
  guint           n_steps;
} CwRunbookVersionInfo;

void       cw_runbook_info_free          (CwRunbookInfo        *info);
void       cw_runbook_version_info_free  (CwRunbookVersionInfo *info);

/* Runbooks by name; @search (or NULL) matches name, description, product and
 * class, case-insensitively. */
GPtrArray *cw_runbooks_list              (CwStore     *store,
                                          const char  *search,
                                          GError     **error);   /* (element-type CwRunbookInfo) */
/* Newest first. */
GPtrArray *cw_runbooks_list_versions     (CwStore     *store,
                                          const char  *name,
                                          GError     **error);   /* (element-type CwRunbookVersionInfo) */
/* @version 0 loads the latest. */
CwRunbook *cw_runbooks_load              (CwStore     *store,
                                          const char  *name,
                                          guint        version,
                                          GError     **error);
/* Saves @runbook's steps and fields. When @runbook->version is 0 or an
 * approved version, a new draft is made (the runbook too, if new) and
 * @runbook->version, ->state and ->created_at are set; a draft is replaced in
 * place. Drafts may have problems; nothing else is checked. One transaction. */
gboolean   cw_runbooks_save_draft        (CwStore     *store,
                                          CwRunbook   *runbook,
                                          GError     **error);
/* Checks @runbook (CW_RUNBOOK_ERROR_INVALID) and saves it as a new version of
 * the runbook named @runbook->name, made if new. */
gboolean   cw_runbooks_import            (CwStore     *store,
                                          CwRunbook   *runbook,
                                          GError     **error);
/* A CSV task list carries only its columns. For @runbook read from one,
 * fills in what the file cannot say from the latest version of the runbook
 * of that name, when there is one: its description, applies-to and buffer,
 * and, for each step whose id that version has, the acceptance criteria,
 * the evidence, and for a command step the working directory, timeout and
 * output expression. Then importing a task list exported from a version and
 * edited in a spreadsheet changes only what was edited. Sets @kept_from (or
 * NULL) to the version used, 0 when there is none. */
gboolean   cw_runbooks_complete_task_list (CwStore    *store,
                                           CwRunbook  *runbook,
                                           guint      *kept_from,
                                           GError    **error);
/* Refuses an invalid version, an approved one (IMMUTABLE), and @approver when
 * it is the author (SELF_APPROVAL, case-insensitive). */
gboolean   cw_runbooks_approve           (CwStore     *store,
                                          const char  *name,
                                          guint        version,
                                          const char  *approver,
                                          GError     **error);
/* Removes a draft version; an approved one is refused (IMMUTABLE). The
 * runbook goes too when it has no versions left. */
gboolean   cw_runbooks_delete_draft      (CwStore     *store,
                                          const char  *name,
                                          guint        version,
                                          GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwRunbookInfo, cw_runbook_info_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwRunbookVersionInfo, cw_runbook_version_info_free)

G_END_DECLS
