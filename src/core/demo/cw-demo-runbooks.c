/* cw-demo-runbooks.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-demo-runbooks"

#include "config.h"

#include <glib/gi18n.h>

#include "cw-core-resources.h"
#include "cw-demo-private.h"
#include "cw-runbook-io.h"
#include "cw-runbook-store.h"

/* The runbooks of the demo: six real procedures for the products of the
 * compatibility matrix (cw-demo-compat.c), kept as JSON files in the
 * resources (demo/runbooks/) in the format users import. Each is written by
 * a technician of the team that owns the product and approved by a lead of
 * the change advisory board; two have a second version left as a draft, so
 * the diff view has something to show, and one is still a first draft.
 * People are read back from the users the demo made, by their order. */

#define RUNBOOKS_PATH "/io/github/changeward/Changeward/core/demo/runbooks/"

#define TEAM_NETWORK  "Network Engineering"
#define TEAM_COMPUTE  "Compute and Virtualisation"
#define TEAM_STORAGE  "Storage and Backup"
#define TEAM_DATABASE "Database Operations"
#define TEAM_CAB      "Change Advisory Board"

/* When a team has no one (a demo without people), these sign. */
#define FALLBACK_AUTHOR   "demo.author"
#define FALLBACK_APPROVER "demo.approver"

/* FALSE when a step it changes is missing: the JSON file and the code
 * disagree. */
typedef gboolean (*ReviseFunc) (CwRunbook *runbook);

static gboolean revise_catalyst   (CwRunbook *runbook);
static gboolean revise_postgresql (CwRunbook *runbook);

static const struct {
  const char *file;
  const char *team;      /* the author's */
  gboolean    approved;  /* version 1 */
  ReviseFunc  revise;    /* makes version 2, a draft, or NULL */
} runbooks[] = {
  { "catalyst-9300-ios-xe.json",     TEAM_NETWORK,  TRUE,  revise_catalyst },
  { "poweredge-r650-firmware.json",  TEAM_COMPUTE,  TRUE,  NULL },
  { "esxi-host-patch.json",          TEAM_COMPUTE,  TRUE,  NULL },
  { "ontap-upgrade.json",            TEAM_STORAGE,  TRUE,  NULL },
  { "postgresql-minor-upgrade.json", TEAM_DATABASE, TRUE,  revise_postgresql },
  { "tls-certificate-renewal.json",  TEAM_NETWORK,  FALSE, NULL },
};

/* ---- the second versions --------------------------------------------------- */

static void
add_predecessor (CwRunbookStep *step,
                 const char    *id)
{
  guint n = step->predecessors != NULL ? g_strv_length (step->predecessors) : 0;

  step->predecessors = g_renew (char *, step->predecessors, n + 2);
  step->predecessors[n] = g_strdup (id);
  step->predecessors[n + 1] = NULL;
}

static void
set_text (char       **field,
          const char  *text)
{
  g_free (*field);
  *field = g_strdup (text);
}

/* A review after a first window: the licence level is checked before the
 * upgrade, and adding the image to a five-member stack took longer than
 * planned. */
static gboolean
revise_catalyst (CwRunbook *runbook)
{
  CwRunbookStep *go = cw_runbook_find_step (runbook, "pre-go");
  CwRunbookStep *add = cw_runbook_find_step (runbook, "exe-add");
  int flash = cw_runbook_find_step_index (runbook, "pre-flash");
  CwRunbookStep *step;
  const char * const argv[] = {
    "ssh", "-o", "BatchMode=yes", "-o", "ConnectTimeout=15", "{{ci}}", "show license summary", NULL
  };
  const char * const after[] = { "pre-stack", NULL };

  if (go == NULL || add == NULL || flash < 0)
    return FALSE;

  step = cw_runbook_step_new ("pre-licence", CW_PHASE_PRECHECKS, CW_STEP_COMMAND,
                              "Check the licence level");
  step->stream = g_strdup ("network");
  step->duration_min = 1;
  step->predecessors = g_strdupv ((char **) after);
  step->instructions = g_strdup ("17.9 uses *Smart Licensing Using Policy*. The stack must keep "
                                 "its **network-advantage** or **network-essentials** licence "
                                 "and **DNA** add-on after the reload; note them here.");
  step->acceptance = g_strdup ("The licence level and add-on are recorded, and in use.");
  step->evidence = CW_EVIDENCE_OUTPUT;
  step->argv = g_strdupv ((char **) argv);
  step->timeout_s = 60;
  step->output_regex = g_strdup ("network-(advantage|essentials)");
  g_ptr_array_insert (runbook->steps, flash, step);

  add_predecessor (go, "pre-licence");
  add->duration_min = 30;
  return TRUE;
}

/* The base backup of a grown database takes longer, and the switchover's
 * instructions say what to check in Patroni's history. */
static gboolean
revise_postgresql (CwRunbook *runbook)
{
  CwRunbookStep *backup = cw_runbook_find_step (runbook, "bkp-base");
  CwRunbookStep *switchover = cw_runbook_find_step (runbook, "exe-switchover");

  if (backup == NULL || switchover == NULL)
    return FALSE;

  backup->duration_min = 45;
  set_text (&switchover->instructions,
            "Patroni stops the leader cleanly, promotes `{{ci}}-b` and makes `{{ci}}-a` follow "
            "it; clients reconnect through the proxy.\n\n"
            "Afterwards, `patronictl -c /etc/patroni/patroni.yml history` shows the new "
            "**timeline** with the time of the switchover: attach it to the change.");
  return TRUE;
}

/* ---- people ---------------------------------------------------------------- */

/* The users of @team with @role, in the order they were made. */
static GPtrArray *
list_people (CwDemoRun   *run,
             const char  *team,
             const char  *role,
             GError     **error)
{
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = cw_demo_prepare (run,
                          "SELECT u.username FROM users u "
                          "JOIN group_members m ON m.user_id = u.id "
                          "JOIN user_groups g ON g.id = m.group_id "
                          "WHERE g.name = ? AND u.role = ? ORDER BY u.id", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, team, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, role, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (people, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      cw_store_set_sql_error (error, run->db, rc, _("Could not write the demo workspace"));
      return NULL;
    }

  return g_steal_pointer (&people);
}

static const char *
pick (GPtrArray  *people,
      guint       index,
      const char *fallback)
{
  if (people->len == 0)
    return fallback;

  return g_ptr_array_index (people, index % people->len);
}

/* ---- import ---------------------------------------------------------------- */

static CwRunbook *
read_runbook (const char  *file,
              GError     **error)
{
  g_autofree char *path = g_strconcat (RUNBOOKS_PATH, file, NULL);
  g_autoptr(GBytes) bytes = NULL;
  gsize size;
  const char *data;

  bytes = g_resource_lookup_data (cw_core_get_resource (), path, G_RESOURCE_LOOKUP_FLAGS_NONE,
                                  error);
  if (bytes == NULL)
    return NULL;

  data = g_bytes_get_data (bytes, &size);
  return cw_runbook_from_json (data, (gssize) size, NULL, error);
}

static gboolean
add_runbook (CwDemoRun   *run,
             CwStore     *store,
             guint        index,
             GPtrArray   *approvers,
             GError     **error)
{
  g_autoptr(CwRunbook) runbook = NULL;
  g_autoptr(CwRunbook) revision = NULL;
  g_autoptr(GPtrArray) authors = NULL;

  authors = list_people (run, runbooks[index].team, "technician", error);
  if (authors == NULL)
    return FALSE;

  runbook = read_runbook (runbooks[index].file, error);
  if (runbook == NULL)
    return FALSE;

  /* Copied before the import sets the original's version and author. The
   * import checks the revision as it checks any file: a revision with a
   * problem fails the demo, and its test. */
  if (runbooks[index].revise != NULL)
    {
      revision = cw_runbook_copy (runbook);
      if (!runbooks[index].revise (revision))
        {
          g_set_error (error, CW_RUNBOOK_ERROR, CW_RUNBOOK_ERROR_NOT_FOUND,
                       _("The demo runbook “%s” lacks a step its second version changes."),
                       runbooks[index].file);
          return FALSE;
        }
      /* A colleague in the same team proposes the change. */
      set_text (&revision->author, pick (authors, index + 1, FALLBACK_AUTHOR));
    }

  set_text (&runbook->author, pick (authors, index, FALLBACK_AUTHOR));

  if (!cw_runbooks_import (store, runbook, error))
    return FALSE;

  if (runbooks[index].approved &&
      !cw_runbooks_approve (store, runbook->name, runbook->version,
                            pick (approvers, index, FALLBACK_APPROVER), error))
    return FALSE;

  return revision == NULL || cw_runbooks_import (store, revision, error);
}

/**
 * cw_demo_add_runbooks:
 * @store: the workspace being filled, with its people
 *
 * Adds the demo's runbooks and their versions. The runbook store makes its
 * own transactions, so this runs after the demo's.
 */
gboolean
cw_demo_add_runbooks (CwDemoRun  *run,
                      CwStore    *store,
                      GError    **error)
{
  g_autoptr(GPtrArray) approvers = NULL;

  if (g_cancellable_set_error_if_cancelled (run->cancellable, error))
    return FALSE;

  approvers = list_people (run, TEAM_CAB, "lead", error);
  if (approvers == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (runbooks); i++)
    if (!add_runbook (run, store, i, approvers, error))
      return FALSE;

  return TRUE;
}
