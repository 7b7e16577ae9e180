/* cw-runbook-store.c: reading runbooks and their versions from a workspace,
 * and what the store's files share.
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-runbook-store"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "cw-runbook-private.h"
#include "cw-store-private.h"

void
cw_runbook_info_free (CwRunbookInfo *info)
{
  if (info == NULL)
    return;

  g_free (info->name);
  g_free (info->description);
  g_free (info->product);
  g_free (info->ci_class);
  g_free (info);
}

void
cw_runbook_version_info_free (CwRunbookVersionInfo *info)
{
  if (info == NULL)
    return;

  g_free (info->author);
  g_free (info->approver);
  g_free (info);
}

/* ---- shared helpers (cw-runbook-private.h) --------------------------------- */

void
_cw_runbook_version_row_clear (CwRunbookVersionRow *row)
{
  g_clear_pointer (&row->name, g_free);
  g_clear_pointer (&row->author, g_free);
}

sqlite3_stmt *
_cw_runbook_prepare (CwStore     *store,
                     const char  *sql,
                     GError     **error)
{
  sqlite3 *db = cw_store_get_handle (store);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      cw_store_set_sql_error (error, db, rc, _("Could not read the runbooks"));
      return NULL;
    }

  return stmt;
}

gboolean
_cw_runbook_finish (CwStore       *store,
                    sqlite3_stmt  *stmt,
                    int            rc,
                    GError       **error)
{
  sqlite3 *db = cw_store_get_handle (store);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW && rc != SQLITE_OK)
    {
      cw_store_set_sql_error (error, db, rc, _("Could not read or write the runbooks"));
      sqlite3_finalize (stmt);
      return FALSE;
    }

  sqlite3_finalize (stmt);
  return TRUE;
}

void
_cw_runbook_bind_text (sqlite3_stmt *stmt,
                       int           column,
                       const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, column);
  else
    sqlite3_bind_text (stmt, column, text, -1, SQLITE_TRANSIENT);
}

char *
_cw_runbook_column_dup (sqlite3_stmt *stmt,
                        int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static CwRunbookState
state_from_text (const char *text)
{
  return g_strcmp0 (text, "approved") == 0 ? CW_RUNBOOK_APPROVED : CW_RUNBOOK_DRAFT;
}

gint64
_cw_runbook_find_id (CwStore     *store,
                     const char  *name,
                     GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  stmt = _cw_runbook_prepare (store, "SELECT id FROM runbooks WHERE name = ?", error);
  if (stmt == NULL)
    return -1;

  _cw_runbook_bind_text (stmt, 1, name);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);

  if (!_cw_runbook_finish (store, stmt, rc, error))
    return -1;

  return id;
}

/* "1, 2, 3": the version numbers of @runbook_id, or NULL when it has none
 * (or they cannot be read: the message then goes without them). */
static char *
list_numbers (CwStore *store,
              gint64   runbook_id)
{
  g_autoptr(GString) numbers = g_string_new (NULL);
  sqlite3_stmt *stmt;

  stmt = _cw_runbook_prepare (store,
                              "SELECT number FROM runbook_versions WHERE runbook_id = ? ORDER BY number",
                              NULL);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, runbook_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      if (numbers->len > 0)
        g_string_append (numbers, ", ");
      g_string_append_printf (numbers, "%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, 0));
    }
  sqlite3_finalize (stmt);

  return numbers->len > 0 ? g_string_free (g_steal_pointer (&numbers), FALSE) : NULL;
}

gboolean
_cw_runbook_find_version (CwStore              *store,
                          const char           *name,
                          guint                 number,
                          CwRunbookVersionRow  *row,
                          GError              **error)
{
  sqlite3_stmt *stmt;
  gint64 runbook_id;
  int rc;

  memset (row, 0, sizeof *row);

  runbook_id = _cw_runbook_find_id (store, name, error);
  if (runbook_id < 0)
    return FALSE;
  if (runbook_id == 0)
    {
      g_set_error (error, CW_RUNBOOK_ERROR, CW_RUNBOOK_ERROR_NOT_FOUND,
                   _("There is no runbook named “%s” in this workspace. Check the name, or list the runbooks to find it."),
                   name != NULL ? name : "");
      return FALSE;
    }

  if (number == 0)
    stmt = _cw_runbook_prepare (store,
                                "SELECT r.id, v.id, r.name, v.number, v.state, v.author "
                                "FROM runbooks r JOIN runbook_versions v ON v.runbook_id = r.id "
                                "WHERE r.id = ?1 ORDER BY v.number DESC LIMIT 1",
                                error);
  else
    stmt = _cw_runbook_prepare (store,
                                "SELECT r.id, v.id, r.name, v.number, v.state, v.author "
                                "FROM runbooks r JOIN runbook_versions v ON v.runbook_id = r.id "
                                "WHERE r.id = ?1 AND v.number = ?2",
                                error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, runbook_id);
  if (number != 0)
    sqlite3_bind_int64 (stmt, 2, number);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      row->runbook_id = sqlite3_column_int64 (stmt, 0);
      row->version_id = sqlite3_column_int64 (stmt, 1);
      row->name = _cw_runbook_column_dup (stmt, 2);
      row->number = (guint) sqlite3_column_int64 (stmt, 3);
      row->state = state_from_text ((const char *) sqlite3_column_text (stmt, 4));
      row->author = _cw_runbook_column_dup (stmt, 5);
      sqlite3_finalize (stmt);
      return TRUE;
    }

  if (!_cw_runbook_finish (store, stmt, rc, error))
    return FALSE;

  if (number == 0)
    {
      g_set_error (error, CW_RUNBOOK_ERROR, CW_RUNBOOK_ERROR_NOT_FOUND,
                   _("The runbook “%s” has no versions."), name);
    }
  else
    {
      g_autofree char *numbers = list_numbers (store, runbook_id);

      if (numbers != NULL)
        /* Translators: the last %s is a list of version numbers, "1, 2, 3" */
        g_set_error (error, CW_RUNBOOK_ERROR, CW_RUNBOOK_ERROR_NOT_FOUND,
                     _("The runbook “%s” has no version %u; its versions are %s."),
                     name, number, numbers);
      else
        g_set_error (error, CW_RUNBOOK_ERROR, CW_RUNBOOK_ERROR_NOT_FOUND,
                     _("The runbook “%s” has no versions."), name);
    }
  return FALSE;
}

/* ---- listing --------------------------------------------------------------- */

/* "%text%" with LIKE's wildcards escaped by '\'. */
static char *
like_pattern (const char *search)
{
  GString *pattern = g_string_new ("%");

  for (const char *p = search; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');

  return g_string_free (pattern, FALSE);
}

GPtrArray *
cw_runbooks_list (CwStore     *store,
                  const char  *search,
                  GError     **error)
{
  g_autoptr(GPtrArray) infos = g_ptr_array_new_with_free_func ((GDestroyNotify) cw_runbook_info_free);
  g_autofree char *trimmed = NULL;
  g_autofree char *pattern = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CW_IS_STORE (store), NULL);

  if (search != NULL)
    trimmed = g_strstrip (g_strdup (search));
  if (trimmed != NULL && *trimmed != '\0')
    pattern = like_pattern (trimmed);

  stmt = _cw_runbook_prepare (store,
                              "WITH latest AS ("
                              "  SELECT runbook_id, MAX (number) AS number,"
                              "         MAX (CASE WHEN state = 'approved' THEN number ELSE 0 END) AS approved"
                              "  FROM runbook_versions GROUP BY runbook_id) "
                              "SELECT r.name, r.description, r.product, r.ci_class,"
                              "       IFNULL (l.number, 0), IFNULL (l.approved, 0),"
                              "       (SELECT COUNT (*) FROM runbook_steps s JOIN runbook_versions v ON v.id = s.version_id"
                              "        WHERE v.runbook_id = r.id AND v.number = l.number) "
                              "FROM runbooks r LEFT JOIN latest l ON l.runbook_id = r.id "
                              "WHERE ?1 IS NULL"
                              "   OR r.name LIKE ?1 ESCAPE '\\'"
                              "   OR r.description LIKE ?1 ESCAPE '\\'"
                              "   OR r.product LIKE ?1 ESCAPE '\\'"
                              "   OR r.ci_class LIKE ?1 ESCAPE '\\' "
                              "ORDER BY r.name COLLATE NOCASE, r.id",
                              error);
  if (stmt == NULL)
    return NULL;

  _cw_runbook_bind_text (stmt, 1, pattern);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CwRunbookInfo *info = g_new0 (CwRunbookInfo, 1);

      info->name = _cw_runbook_column_dup (stmt, 0);
      info->description = _cw_runbook_column_dup (stmt, 1);
      info->product = _cw_runbook_column_dup (stmt, 2);
      info->ci_class = _cw_runbook_column_dup (stmt, 3);
      info->latest_version = (guint) sqlite3_column_int64 (stmt, 4);
      info->approved_version = (guint) sqlite3_column_int64 (stmt, 5);
      info->n_steps = (guint) sqlite3_column_int64 (stmt, 6);
      g_ptr_array_add (infos, info);
    }

  if (!_cw_runbook_finish (store, stmt, rc, error))
    return NULL;

  return g_steal_pointer (&infos);
}

GPtrArray *
cw_runbooks_list_versions (CwStore     *store,
                           const char  *name,
                           GError     **error)
{
  g_autoptr(GPtrArray) infos = g_ptr_array_new_with_free_func ((GDestroyNotify) cw_runbook_version_info_free);
  sqlite3_stmt *stmt;
  gint64 runbook_id;
  int rc;

  g_return_val_if_fail (CW_IS_STORE (store), NULL);

  runbook_id = _cw_runbook_find_id (store, name, error);
  if (runbook_id < 0)
    return NULL;
  if (runbook_id == 0)
    {
      g_set_error (error, CW_RUNBOOK_ERROR, CW_RUNBOOK_ERROR_NOT_FOUND,
                   _("There is no runbook named “%s” in this workspace. Check the name, or list the runbooks to find it."),
                   name != NULL ? name : "");
      return NULL;
    }

  stmt = _cw_runbook_prepare (store,
                              "SELECT v.number, v.state, v.author, v.created_at, v.approver,"
                              "       IFNULL (v.approved_at, 0),"
                              "       (SELECT COUNT (*) FROM runbook_steps s WHERE s.version_id = v.id) "
                              "FROM runbook_versions v WHERE v.runbook_id = ? "
                              "ORDER BY v.number DESC",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, runbook_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CwRunbookVersionInfo *info = g_new0 (CwRunbookVersionInfo, 1);

      info->version = (guint) sqlite3_column_int64 (stmt, 0);
      info->state = state_from_text ((const char *) sqlite3_column_text (stmt, 1));
      info->author = _cw_runbook_column_dup (stmt, 2);
      info->created_at = sqlite3_column_int64 (stmt, 3);
      info->approver = _cw_runbook_column_dup (stmt, 4);
      info->approved_at = sqlite3_column_int64 (stmt, 5);
      info->n_steps = (guint) sqlite3_column_int64 (stmt, 6);
      g_ptr_array_add (infos, info);
    }

  if (!_cw_runbook_finish (store, stmt, rc, error))
    return NULL;

  return g_steal_pointer (&infos);
}

/* ---- loading --------------------------------------------------------------- */

/* @parser is reused from step to step. */
static GStrv
argv_from_json (JsonParser *parser,
                const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) args = NULL;
  JsonNode *root;
  JsonArray *array;

  if (text == NULL || *text == '\0')
    return NULL;

  if (!json_parser_load_from_data (parser, text, -1, &error))
    {
      g_warning ("A stored command is not JSON: %s", error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    {
      g_warning ("A stored command is not a JSON array");
      return NULL;
    }

  array = json_node_get_array (root);
  if (json_array_get_length (array) == 0)
    return NULL;

  args = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      const char *arg = json_array_get_string_element (array, i);

      g_ptr_array_add (args, g_strdup (arg != NULL ? arg : ""));
    }
  g_ptr_array_add (args, NULL);

  return (GStrv) g_ptr_array_steal (args, NULL);
}

static GStrv
predecessors_from_text (const char *text)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GPtrArray) ids = NULL;

  if (text == NULL || *text == '\0')
    return NULL;

  parts = g_strsplit (text, ";", -1);
  ids = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (*parts[i] != '\0')
        g_ptr_array_add (ids, g_steal_pointer (&parts[i]));
    }

  if (ids->len == 0)
    return NULL;

  g_ptr_array_add (ids, NULL);
  return (GStrv) g_ptr_array_steal (ids, NULL);
}

static CwRunbookStep *
step_from_row (sqlite3_stmt *stmt,
               JsonParser   *parser)
{
  CwRunbookStep *step = g_new0 (CwRunbookStep, 1);

  step->id = _cw_runbook_column_dup (stmt, 0);
  if (!cw_phase_from_string ((const char *) sqlite3_column_text (stmt, 1), &step->phase))
    step->phase = CW_PHASE_EXECUTION;
  step->stream = _cw_runbook_column_dup (stmt, 2);
  step->title = _cw_runbook_column_dup (stmt, 3);
  if (!cw_step_type_from_string ((const char *) sqlite3_column_text (stmt, 4), &step->type))
    step->type = CW_STEP_MANUAL;
  step->instructions = _cw_runbook_column_dup (stmt, 5);
  step->duration_min = (guint) sqlite3_column_int64 (stmt, 6);
  step->predecessors = predecessors_from_text ((const char *) sqlite3_column_text (stmt, 7));
  step->acceptance = _cw_runbook_column_dup (stmt, 8);
  if (!cw_evidence_from_string ((const char *) sqlite3_column_text (stmt, 9), &step->evidence))
    step->evidence = CW_EVIDENCE_NONE;
  step->argv = argv_from_json (parser, (const char *) sqlite3_column_text (stmt, 10));
  step->workdir = _cw_runbook_column_dup (stmt, 11);
  step->timeout_s = (guint) sqlite3_column_int64 (stmt, 12);
  step->expected_exit = sqlite3_column_int (stmt, 13);
  step->output_regex = _cw_runbook_column_dup (stmt, 14);

  return step;
}

CwRunbook *
_cw_runbook_load_row (CwStore                    *store,
                      const CwRunbookVersionRow  *row,
                      GError                    **error)
{
  g_autoptr(CwRunbook) runbook = cw_runbook_new (row->name);
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  sqlite3_stmt *stmt;
  int rc;

  stmt = _cw_runbook_prepare (store,
                              "SELECT r.description, r.product, r.ci_class, v.number, v.state,"
                              "       v.author, v.created_at, v.approver, IFNULL (v.approved_at, 0),"
                              "       v.buffer_min "
                              "FROM runbook_versions v JOIN runbooks r ON r.id = v.runbook_id "
                              "WHERE v.id = ?",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, row->version_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      runbook->description = _cw_runbook_column_dup (stmt, 0);
      runbook->product = _cw_runbook_column_dup (stmt, 1);
      runbook->ci_class = _cw_runbook_column_dup (stmt, 2);
      runbook->version = (guint) sqlite3_column_int64 (stmt, 3);
      runbook->state = state_from_text ((const char *) sqlite3_column_text (stmt, 4));
      runbook->author = _cw_runbook_column_dup (stmt, 5);
      runbook->created_at = sqlite3_column_int64 (stmt, 6);
      runbook->approver = _cw_runbook_column_dup (stmt, 7);
      runbook->approved_at = sqlite3_column_int64 (stmt, 8);
      runbook->buffer_min = (guint) sqlite3_column_int64 (stmt, 9);
      rc = SQLITE_DONE;
    }
  else if (rc == SQLITE_DONE)
    {
      sqlite3_finalize (stmt);
      g_set_error (error, CW_RUNBOOK_ERROR, CW_RUNBOOK_ERROR_NOT_FOUND,
                   _("The runbook “%s” has no version %u. List its versions to see which exist."),
                   row->name, row->number);
      return NULL;
    }

  if (!_cw_runbook_finish (store, stmt, rc, error))
    return NULL;

  stmt = _cw_runbook_prepare (store,
                              "SELECT step_id, phase, stream, title, type, instructions, duration_min,"
                              "       predecessors, acceptance, evidence, argv, workdir, timeout_s,"
                              "       expected_exit, output_regex "
                              "FROM runbook_steps WHERE version_id = ? ORDER BY position",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, row->version_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (runbook->steps, step_from_row (stmt, parser));

  if (!_cw_runbook_finish (store, stmt, rc, error))
    return NULL;

  return g_steal_pointer (&runbook);
}

CwRunbook *
cw_runbooks_load (CwStore     *store,
                  const char  *name,
                  guint        version,
                  GError     **error)
{
  CwRunbookVersionRow row;
  CwRunbook *runbook;

  g_return_val_if_fail (CW_IS_STORE (store), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (!_cw_runbook_find_version (store, name, version, &row, error))
    return NULL;

  runbook = _cw_runbook_load_row (store, &row, error);
  _cw_runbook_version_row_clear (&row);

  return runbook;
}

/* ---- task lists ------------------------------------------------------------ */

static void
keep_text (char       **field,
           const char  *previous)
{
  if ((*field == NULL || **field == '\0') && previous != NULL)
    {
      g_free (*field);
      *field = g_strdup (previous);
    }
}

gboolean
cw_runbooks_complete_task_list (CwStore    *store,
                                CwRunbook  *runbook,
                                guint      *kept_from,
                                GError    **error)
{
  g_autoptr(CwRunbook) previous = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (CW_IS_STORE (store), FALSE);
  g_return_val_if_fail (runbook != NULL, FALSE);

  if (kept_from != NULL)
    *kept_from = 0;

  if (runbook->name == NULL)
    return TRUE;

  previous = cw_runbooks_load (store, runbook->name, 0, &local_error);
  if (previous == NULL)
    {
      if (g_error_matches (local_error, CW_RUNBOOK_ERROR, CW_RUNBOOK_ERROR_NOT_FOUND))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  keep_text (&runbook->description, previous->description);
  keep_text (&runbook->product, previous->product);
  keep_text (&runbook->ci_class, previous->ci_class);
  if (runbook->buffer_min == 0)
    runbook->buffer_min = previous->buffer_min;

  for (guint i = 0; i < runbook->steps->len; i++)
    {
      CwRunbookStep *step = g_ptr_array_index (runbook->steps, i);
      const CwRunbookStep *old = cw_runbook_find_step (previous, step->id);

      if (old == NULL)
        continue;

      keep_text (&step->acceptance, old->acceptance);
      if (step->evidence == CW_EVIDENCE_NONE)
        step->evidence = old->evidence;

      /* What only a command has, for a step that still is one. */
      if (step->type != CW_STEP_COMMAND || step->argv == NULL || step->argv[0] == NULL)
        continue;

      keep_text (&step->workdir, old->workdir);
      keep_text (&step->output_regex, old->output_regex);
      if (step->timeout_s == 0)
        step->timeout_s = old->timeout_s;
    }

  if (kept_from != NULL)
    *kept_from = previous->version;

  return TRUE;
}
