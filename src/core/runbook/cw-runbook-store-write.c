/* cw-runbook-store-write.c: saving drafts, importing, approving and removing
 * runbook versions.
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

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static gboolean
has_text (const char *text)
{
  if (text == NULL)
    return FALSE;

  for (; *text != '\0'; text++)
    {
      if (!g_ascii_isspace (*text))
        return TRUE;
    }

  return FALSE;
}

/* Runs a statement that returns no rows and finalizes it. */
static gboolean
run (CwStore       *store,
     sqlite3_stmt  *stmt,
     GError       **error)
{
  return _cw_runbook_finish (store, stmt, sqlite3_step (stmt), error);
}

/* ---- steps ----------------------------------------------------------------- */

/* @builder and @generator are reused from step to step. */
static char *
argv_to_json (JsonBuilder        *builder,
              JsonGenerator      *generator,
              const char * const *argv)
{
  g_autoptr(JsonNode) root = NULL;

  if (argv == NULL || argv[0] == NULL)
    return NULL;

  json_builder_reset (builder);
  json_builder_begin_array (builder);
  for (guint i = 0; argv[i] != NULL; i++)
    json_builder_add_string_value (builder, argv[i]);
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);

  return json_generator_to_data (generator, NULL);
}

static char *
predecessors_to_text (const char * const *predecessors)
{
  if (predecessors == NULL || predecessors[0] == NULL)
    return NULL;

  return g_strjoinv (";", (GStrv) predecessors);
}

/* One prepared statement for every step, reset between them. */
static gboolean
insert_steps (CwStore          *store,
              gint64            version_id,
              const CwRunbook  *runbook,
              GError          **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  sqlite3 *db = cw_store_get_handle (store);
  sqlite3_stmt *stmt;

  stmt = _cw_runbook_prepare (store,
                              "INSERT INTO runbook_steps (version_id, position, step_id, phase, stream,"
                              "  title, type, instructions, duration_min, predecessors, acceptance,"
                              "  evidence, argv, workdir, timeout_s, expected_exit, output_regex) "
                              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                              error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < runbook->steps->len; i++)
    {
      const CwRunbookStep *step = g_ptr_array_index (runbook->steps, i);
      g_autofree char *predecessors = predecessors_to_text ((const char * const *) step->predecessors);
      g_autofree char *evidence = cw_evidence_to_string (step->evidence);
      g_autofree char *argv = argv_to_json (builder, generator, (const char * const *) step->argv);
      int rc;

      sqlite3_bind_int64 (stmt, 1, version_id);
      sqlite3_bind_int64 (stmt, 2, i);
      _cw_runbook_bind_text (stmt, 3, step->id != NULL ? step->id : "");
      _cw_runbook_bind_text (stmt, 4, cw_phase_to_string (step->phase));
      _cw_runbook_bind_text (stmt, 5, step->stream);
      _cw_runbook_bind_text (stmt, 6, step->title != NULL ? step->title : "");
      _cw_runbook_bind_text (stmt, 7, cw_step_type_to_string (step->type));
      _cw_runbook_bind_text (stmt, 8, step->instructions);
      sqlite3_bind_int64 (stmt, 9, step->duration_min);
      _cw_runbook_bind_text (stmt, 10, predecessors);
      _cw_runbook_bind_text (stmt, 11, step->acceptance);
      _cw_runbook_bind_text (stmt, 12, *evidence != '\0' ? evidence : NULL);
      _cw_runbook_bind_text (stmt, 13, argv);
      _cw_runbook_bind_text (stmt, 14, step->workdir);
      sqlite3_bind_int64 (stmt, 15, step->timeout_s);
      sqlite3_bind_int (stmt, 16, step->expected_exit);
      _cw_runbook_bind_text (stmt, 17, step->output_regex);

      rc = sqlite3_step (stmt);
      if (rc != SQLITE_DONE)
        {
          cw_store_set_sql_error (error, db, rc, _("Could not save the runbook’s steps"));
          sqlite3_finalize (stmt);
          return FALSE;
        }

      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
    }

  sqlite3_finalize (stmt);
  return TRUE;
}

/* ---- drafts ---------------------------------------------------------------- */

typedef struct
{
  guint   number;
  gint64  created_at;
  char   *author;
} NewDraft;

static gboolean
update_runbook_fields (CwStore          *store,
                       gint64            runbook_id,
                       const CwRunbook  *runbook,
                       GError          **error)
{
  sqlite3_stmt *stmt;

  stmt = _cw_runbook_prepare (store,
                              "UPDATE runbooks SET description = ?, product = ?, ci_class = ? WHERE id = ?",
                              error);
  if (stmt == NULL)
    return FALSE;

  _cw_runbook_bind_text (stmt, 1, runbook->description);
  _cw_runbook_bind_text (stmt, 2, runbook->product);
  _cw_runbook_bind_text (stmt, 3, runbook->ci_class);
  sqlite3_bind_int64 (stmt, 4, runbook_id);

  return run (store, stmt, error);
}

static gint64
insert_runbook (CwStore          *store,
                const CwRunbook  *runbook,
                GError          **error)
{
  sqlite3_stmt *stmt;

  stmt = _cw_runbook_prepare (store,
                              "INSERT INTO runbooks (name, description, product, ci_class) VALUES (?, ?, ?, ?)",
                              error);
  if (stmt == NULL)
    return -1;

  _cw_runbook_bind_text (stmt, 1, runbook->name);
  _cw_runbook_bind_text (stmt, 2, runbook->description);
  _cw_runbook_bind_text (stmt, 3, runbook->product);
  _cw_runbook_bind_text (stmt, 4, runbook->ci_class);

  if (!run (store, stmt, error))
    return -1;

  return sqlite3_last_insert_rowid (cw_store_get_handle (store));
}

/* A new draft version of @runbook_id (0: a new runbook) with @runbook's steps. */
static gboolean
save_new_version (CwStore          *store,
                  gint64            runbook_id,
                  const CwRunbook  *runbook,
                  NewDraft         *draft,
                  GError          **error)
{
  sqlite3_stmt *stmt;
  gint64 version_id;
  int rc;

  if (runbook_id == 0)
    runbook_id = insert_runbook (store, runbook, error);
  else if (!update_runbook_fields (store, runbook_id, runbook, error))
    return FALSE;
  if (runbook_id < 0)
    return FALSE;

  stmt = _cw_runbook_prepare (store,
                              "SELECT IFNULL (MAX (number), 0) + 1 FROM runbook_versions WHERE runbook_id = ?",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, runbook_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    draft->number = (guint) sqlite3_column_int64 (stmt, 0);
  if (!_cw_runbook_finish (store, stmt, rc, error))
    return FALSE;

  draft->created_at = now_seconds ();
  draft->author = g_strdup (has_text (runbook->author) ? runbook->author : g_get_user_name ());

  stmt = _cw_runbook_prepare (store,
                              "INSERT INTO runbook_versions (runbook_id, number, state, author, created_at, buffer_min) "
                              "VALUES (?, ?, 'draft', ?, ?, ?)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, runbook_id);
  sqlite3_bind_int64 (stmt, 2, draft->number);
  _cw_runbook_bind_text (stmt, 3, draft->author);
  sqlite3_bind_int64 (stmt, 4, draft->created_at);
  sqlite3_bind_int64 (stmt, 5, runbook->buffer_min);
  if (!run (store, stmt, error))
    return FALSE;

  version_id = sqlite3_last_insert_rowid (cw_store_get_handle (store));

  return insert_steps (store, version_id, runbook, error);
}

/* Replaces an existing draft's fields and steps. */
static gboolean
replace_draft (CwStore                    *store,
               const CwRunbookVersionRow  *row,
               const CwRunbook            *runbook,
               GError                    **error)
{
  sqlite3_stmt *stmt;

  if (!update_runbook_fields (store, row->runbook_id, runbook, error))
    return FALSE;

  stmt = _cw_runbook_prepare (store, "UPDATE runbook_versions SET buffer_min = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, runbook->buffer_min);
  sqlite3_bind_int64 (stmt, 2, row->version_id);
  if (!run (store, stmt, error))
    return FALSE;

  stmt = _cw_runbook_prepare (store, "DELETE FROM runbook_steps WHERE version_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, row->version_id);
  if (!run (store, stmt, error))
    return FALSE;

  return insert_steps (store, row->version_id, runbook, error);
}

static gboolean
save_in_transaction (CwStore    *store,
                     CwRunbook  *runbook,
                     GError    **error)
{
  CwRunbookVersionRow row = { 0, };
  NewDraft draft = { 0, };
  gint64 runbook_id;
  gboolean in_place = FALSE;
  gboolean ok;

  runbook_id = _cw_runbook_find_id (store, runbook->name, error);
  if (runbook_id < 0)
    return FALSE;

  /* The draft being edited is replaced; an approved version, or a version
   * that no longer exists, gets a new draft. */
  if (runbook_id > 0 && runbook->version > 0)
    {
      g_autoptr(GError) local_error = NULL;

      if (_cw_runbook_find_version (store, runbook->name, runbook->version, &row, &local_error))
        in_place = row.state == CW_RUNBOOK_DRAFT;
      else if (!g_error_matches (local_error, CW_RUNBOOK_ERROR, CW_RUNBOOK_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }

  if (in_place)
    ok = replace_draft (store, &row, runbook, error);
  else
    ok = save_new_version (store, runbook_id, runbook, &draft, error);

  _cw_runbook_version_row_clear (&row);

  if (ok && !cw_store_commit (store, error))
    ok = FALSE;

  if (ok && !in_place)
    {
      runbook->version = draft.number;
      runbook->state = CW_RUNBOOK_DRAFT;
      runbook->created_at = draft.created_at;
      g_free (runbook->author);
      runbook->author = g_steal_pointer (&draft.author);
      g_clear_pointer (&runbook->approver, g_free);
      runbook->approved_at = 0;
    }

  g_free (draft.author);

  return ok;
}

gboolean
cw_runbooks_save_draft (CwStore    *store,
                        CwRunbook  *runbook,
                        GError    **error)
{
  g_return_val_if_fail (CW_IS_STORE (store), FALSE);
  g_return_val_if_fail (runbook != NULL, FALSE);

  if (!has_text (runbook->name))
    {
      g_set_error_literal (error, CW_RUNBOOK_ERROR, CW_RUNBOOK_ERROR_INVALID,
                           _("The runbook has no name. Give it a name before saving it."));
      return FALSE;
    }

  if (!cw_store_begin (store, error))
    return FALSE;

  if (!save_in_transaction (store, runbook, error))
    {
      cw_store_rollback (store);
      return FALSE;
    }

  return TRUE;
}

gboolean
cw_runbooks_import (CwStore    *store,
                    CwRunbook  *runbook,
                    GError    **error)
{
  g_return_val_if_fail (CW_IS_STORE (store), FALSE);
  g_return_val_if_fail (runbook != NULL, FALSE);

  if (runbook->steps == NULL || runbook->steps->len == 0)
    {
      g_set_error (error, CW_RUNBOOK_ERROR, CW_RUNBOOK_ERROR_INVALID,
                   _("The runbook “%s” has no steps, so there is nothing to import."),
                   runbook->name != NULL ? runbook->name : "");
      return FALSE;
    }

  if (!cw_runbook_check (runbook, error))
    return FALSE;

  runbook->version = 0;
  runbook->state = CW_RUNBOOK_DRAFT;

  return cw_runbooks_save_draft (store, runbook, error);
}

/* ---- approval -------------------------------------------------------------- */

static gboolean
same_person (const char *a,
             const char *b)
{
  g_autofree char *ta = NULL;
  g_autofree char *tb = NULL;
  g_autofree char *fa = NULL;
  g_autofree char *fb = NULL;

  if (a == NULL || b == NULL)
    return FALSE;

  /* Composed or decomposed letters, full-width forms: the same name. */
  ta = g_utf8_normalize (a, -1, G_NORMALIZE_ALL);
  tb = g_utf8_normalize (b, -1, G_NORMALIZE_ALL);
  if (ta == NULL || tb == NULL)
    return g_strcmp0 (a, b) == 0;

  fa = g_utf8_casefold (g_strstrip (ta), -1);
  fb = g_utf8_casefold (g_strstrip (tb), -1);

  return *fa != '\0' && strcmp (fa, fb) == 0;
}

static gboolean
approve_in_transaction (CwStore     *store,
                        const char  *name,
                        guint        version,
                        const char  *approver,
                        GError     **error)
{
  g_autoptr(CwRunbook) runbook = NULL;
  g_autoptr(GError) invalid = NULL;
  CwRunbookVersionRow row = { 0, };
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;

  if (version == 0)
    {
      g_set_error (error, CW_RUNBOOK_ERROR, CW_RUNBOOK_ERROR_NOT_FOUND,
                   _("Say which version of “%s” to approve."), name);
      return FALSE;
    }

  if (!_cw_runbook_find_version (store, name, version, &row, error))
    return FALSE;

  if (row.state == CW_RUNBOOK_APPROVED)
    {
      g_set_error (error, CW_RUNBOOK_ERROR, CW_RUNBOOK_ERROR_IMMUTABLE,
                   _("Version %u of “%s” is already approved and cannot change. Edit it to make a new draft."),
                   row.number, row.name);
      goto out;
    }

  runbook = _cw_runbook_load_row (store, &row, error);
  if (runbook == NULL)
    goto out;

  if (runbook->steps->len == 0)
    {
      g_set_error (error, CW_RUNBOOK_ERROR, CW_RUNBOOK_ERROR_INVALID,
                   _("Version %u of “%s” has no steps and cannot be approved. Add its steps in a draft first."),
                   row.number, row.name);
      goto out;
    }

  if (!cw_runbook_check (runbook, &invalid))
    {
      g_set_error (error, CW_RUNBOOK_ERROR, CW_RUNBOOK_ERROR_INVALID,
                   _("Version %u of “%s” has problems and cannot be approved. Correct them in a draft first:\n%s"),
                   row.number, row.name, invalid->message);
      goto out;
    }

  if (same_person (approver, row.author))
    {
      g_set_error (error, CW_RUNBOOK_ERROR, CW_RUNBOOK_ERROR_SELF_APPROVAL,
                   _("“%s” wrote version %u and cannot approve it too. Someone else must approve it."),
                   row.author, row.number);
      goto out;
    }

  stmt = _cw_runbook_prepare (store,
                              "UPDATE runbook_versions SET state = 'approved', approver = ?, approved_at = ? "
                              "WHERE id = ? AND state = 'draft'",
                              error);
  if (stmt == NULL)
    goto out;

  _cw_runbook_bind_text (stmt, 1, approver);
  sqlite3_bind_int64 (stmt, 2, now_seconds ());
  sqlite3_bind_int64 (stmt, 3, row.version_id);
  ok = run (store, stmt, error) && cw_store_commit (store, error);

out:
  _cw_runbook_version_row_clear (&row);
  return ok;
}

gboolean
cw_runbooks_approve (CwStore     *store,
                     const char  *name,
                     guint        version,
                     const char  *approver,
                     GError     **error)
{
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (CW_IS_STORE (store), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (approver != NULL)
    trimmed = g_strstrip (g_strdup (approver));

  if (trimmed == NULL || *trimmed == '\0')
    {
      g_set_error_literal (error, CW_RUNBOOK_ERROR, CW_RUNBOOK_ERROR_INVALID,
                           _("Approval needs the approver’s name. Enter who approves this version."));
      return FALSE;
    }

  if (!cw_store_begin (store, error))
    return FALSE;

  if (!approve_in_transaction (store, name, version, trimmed, error))
    {
      cw_store_rollback (store);
      return FALSE;
    }

  return TRUE;
}

/* ---- removal --------------------------------------------------------------- */

static gboolean
delete_in_transaction (CwStore     *store,
                       const char  *name,
                       guint        version,
                       GError     **error)
{
  CwRunbookVersionRow row = { 0, };
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;

  if (version == 0)
    {
      g_set_error (error, CW_RUNBOOK_ERROR, CW_RUNBOOK_ERROR_NOT_FOUND,
                   _("Say which draft of “%s” to remove."), name);
      return FALSE;
    }

  if (!_cw_runbook_find_version (store, name, version, &row, error))
    return FALSE;

  if (row.state == CW_RUNBOOK_APPROVED)
    {
      g_set_error (error, CW_RUNBOOK_ERROR, CW_RUNBOOK_ERROR_IMMUTABLE,
                   _("Version %u of “%s” is approved and cannot be removed. Only drafts can be removed."),
                   row.number, row.name);
      goto out;
    }

  stmt = _cw_runbook_prepare (store, "DELETE FROM runbook_versions WHERE id = ?", error);
  if (stmt == NULL)
    goto out;
  sqlite3_bind_int64 (stmt, 1, row.version_id);
  if (!run (store, stmt, error))
    goto out;

  stmt = _cw_runbook_prepare (store,
                              "DELETE FROM runbooks WHERE id = ?1 AND NOT EXISTS "
                              "(SELECT 1 FROM runbook_versions WHERE runbook_id = ?1)",
                              error);
  if (stmt == NULL)
    goto out;
  sqlite3_bind_int64 (stmt, 1, row.runbook_id);

  ok = run (store, stmt, error) && cw_store_commit (store, error);

out:
  _cw_runbook_version_row_clear (&row);
  return ok;
}

gboolean
cw_runbooks_delete_draft (CwStore     *store,
                          const char  *name,
                          guint        version,
                          GError     **error)
{
  g_return_val_if_fail (CW_IS_STORE (store), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (!cw_store_begin (store, error))
    return FALSE;

  if (!delete_in_transaction (store, name, version, error))
    {
      cw_store_rollback (store);
      return FALSE;
    }

  return TRUE;
}
