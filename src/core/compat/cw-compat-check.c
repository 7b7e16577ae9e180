/* cw-compat-check.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-compat-check"

#include "config.h"

#include <glib/gi18n.h>

#include "cw-compat-check-private.h"
#include "cw-inventory-private.h"
#include "cw-store-private.h"

/* Reads what a check needs in bulk and runs it; cw-compat-check-eval.c
 * evaluates each planned CI. */

/* Planned CIs evaluated between two looks at the cancellable. */
#define CANCEL_EVERY 64

/* ---- what one check knows ------------------------------------------------- */

static void
check_ci_free (CwCompatCheckCi *ci)
{
  g_clear_pointer (&ci->runs, g_array_unref);
  g_clear_pointer (&ci->related, g_array_unref);
  g_free (ci);
}

static void
check_clear (CwCompatChecker *check)
{
  g_clear_pointer (&check->graph, cw_compat_path_graph_free);
  g_clear_pointer (&check->linker, cw_compat_linker_free);
  g_clear_pointer (&check->product, cw_compat_product_free);
  g_clear_pointer (&check->products, g_ptr_array_unref);
  g_clear_pointer (&check->names, g_hash_table_unref);
  g_clear_pointer (&check->ranks, g_hash_table_unref);
  g_clear_pointer (&check->orders, g_hash_table_unref);
  g_clear_pointer (&check->cis, g_hash_table_unref);
  g_clear_pointer (&check->cells, g_hash_table_unref);
  g_clear_pointer (&check->paths, g_hash_table_unref);
  g_clear_pointer (&check->upgrades, g_hash_table_unref);
  g_clear_pointer (&check->strings, g_string_chunk_free);
}

const char *
cw_compat_checker_product_name (CwCompatChecker *check,
                                gint64           product_id)
{
  const char *name = g_hash_table_lookup (check->names, &product_id);

  return name != NULL ? name : "";
}

/* The versions of a product in its order, read once. */
CwCompatVersionOrder *
cw_compat_checker_get_order (CwCompatChecker  *check,
                             gint64            product_id,
                             GError          **error)
{
  CwCompatVersionOrder *order = g_hash_table_lookup (check->orders, &product_id);
  g_autoptr(GPtrArray) versions = NULL;
  gint64 *key;

  if (order != NULL)
    return order;

  versions = cw_compat_list_versions (check->store, product_id, error);
  if (versions == NULL)
    return NULL;

  key = g_new (gint64, 1);
  *key = product_id;
  order = cw_compat_version_order_new (versions);
  g_hash_table_insert (check->orders, key, order);

  return order;
}

static char *
chunk_column (CwCompatChecker *check,
              sqlite3_stmt    *stmt,
              int              column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL ? g_string_chunk_insert (check->strings, text) : NULL;
}

/* Columns: id, name, site code, class, manufacturer, model, firmware, OS. */
#define SELECT_CIS \
  "SELECT c.id, c.name, s.code, c.class, c.manufacturer, c.model, c.firmware_version, " \
  "c.os_version FROM cis c LEFT JOIN sites s ON s.id = c.site_id WHERE c.id IN (%s)"

static gboolean
read_ci_cb (sqlite3_stmt *stmt,
            gpointer      user_data)
{
  CwCompatChecker *check = user_data;
  CwCompatCheckCi *ci = g_new0 (CwCompatCheckCi, 1);

  ci->id = sqlite3_column_int64 (stmt, 0);
  ci->name = chunk_column (check, stmt, 1);
  ci->site_code = chunk_column (check, stmt, 2);
  ci->values[CW_CI_FIELD_NAME] = ci->name;
  ci->values[CW_CI_FIELD_CLASS] = chunk_column (check, stmt, 3);
  ci->values[CW_CI_FIELD_MANUFACTURER] = chunk_column (check, stmt, 4);
  ci->values[CW_CI_FIELD_MODEL] = chunk_column (check, stmt, 5);
  ci->values[CW_CI_FIELD_FIRMWARE_VERSION] = chunk_column (check, stmt, 6);
  ci->values[CW_CI_FIELD_OS_VERSION] = chunk_column (check, stmt, 7);
  g_hash_table_insert (check->cis, &ci->id, ci);

  return TRUE;
}

typedef struct
{
  CwCompatChecker *check;
  GArray          *missing;   /* related ids not read yet */
} RelationData;

static gboolean
read_relation_cb (sqlite3_stmt *stmt,
                  gpointer      user_data)
{
  RelationData *data = user_data;
  gint64 planned_id = sqlite3_column_int64 (stmt, 0);
  gint64 other_id = sqlite3_column_int64 (stmt, 1);
  CwCompatCheckCi *planned = g_hash_table_lookup (data->check->cis, &planned_id);

  if (planned == NULL || !planned->planned)
    return TRUE;
  if (planned->related == NULL)
    planned->related = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_val (planned->related, other_id);
  if (!g_hash_table_contains (data->check->cis, &other_id))
    g_array_append_val (data->missing, other_id);

  return TRUE;
}

static gboolean
read_component_cb (sqlite3_stmt *stmt,
                   gpointer      user_data)
{
  CwCompatChecker *check = user_data;
  gint64 ci_id = sqlite3_column_int64 (stmt, 0);
  CwCompatCheckCi *ci = g_hash_table_lookup (check->cis, &ci_id);
  CwCompatRun run;

  if (ci == NULL)
    return TRUE;

  run.product_id = sqlite3_column_int64 (stmt, 1);
  run.version = chunk_column (check, stmt, 2);
  if (run.version == NULL)
    run.version = "";

  /* An explicit component replaces the rule's match of its product. */
  for (guint i = 0; i < ci->runs->len; i++)
    {
      CwCompatRun *ruled = &g_array_index (ci->runs, CwCompatRun, i);

      if (ruled->product_id == run.product_id)
        {
          ruled->version = run.version;
          return TRUE;
        }
    }
  g_array_append_val (ci->runs, run);
  ci->listed = TRUE;

  return TRUE;
}

static gboolean
read_cell_cb (sqlite3_stmt *stmt,
              gpointer      user_data)
{
  CwCompatChecker *check = user_data;
  CwCompatCell *cell = g_new0 (CwCompatCell, 1);
  gint64 *other = g_new (gint64, 1);

  cell->version_a = sqlite3_column_int64 (stmt, 0);
  cell->version_b = sqlite3_column_int64 (stmt, 1);
  if (!cw_compat_verdict_from_key ((const char *) sqlite3_column_text (stmt, 2), &cell->verdict))
    cell->verdict = CW_COMPAT_VERDICT_UNTESTED;
  cell->note = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  cell->source = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  *other = cell->version_a == check->target->id ? cell->version_b : cell->version_a;
  g_hash_table_insert (check->cells, other, cell);

  return TRUE;
}

static int
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 ia = *(const gint64 *) a;
  gint64 ib = *(const gint64 *) b;

  return (ia > ib) - (ia < ib);
}

static void
sort_unique (GArray *ids)
{
  guint kept = 0;

  g_array_sort (ids, compare_int64);
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);

      if (kept == 0 || g_array_index (ids, gint64, kept - 1) != id)
        g_array_index (ids, gint64, kept++) = id;
    }
  g_array_set_size (ids, kept);
}

/* By product name: the products are read in that order. */
static int
compare_runs (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  CwCompatChecker *check = user_data;
  const CwCompatRun *ra = a;
  const CwCompatRun *rb = b;
  guint rank_a = GPOINTER_TO_UINT (g_hash_table_lookup (check->ranks, &ra->product_id));
  guint rank_b = GPOINTER_TO_UINT (g_hash_table_lookup (check->ranks, &rb->product_id));

  return (rank_a > rank_b) - (rank_a < rank_b);
}

static int
compare_related (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  CwCompatChecker *check = user_data;
  gint64 ia = *(const gint64 *) a;
  gint64 ib = *(const gint64 *) b;
  CwCompatCheckCi *ca = g_hash_table_lookup (check->cis, &ia);
  CwCompatCheckCi *cb = g_hash_table_lookup (check->cis, &ib);
  int cmp = cw_inventory_natural_compare (ca->name, cb->name);

  if (cmp != 0)
    return cmp;

  return (ia > ib) - (ia < ib);
}

/* Reads the planned CIs, the CIs related to them, what each of them runs and
 * the verdicts of the target. @plan holds distinct ids. */
static gboolean
check_load (CwCompatChecker  *check,
            GArray           *plan,
            GError          **error)
{
  g_autoptr(GArray) missing = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (gint64));
  RelationData relation_data = { check, missing };
  sqlite3_stmt *stmt = NULL;
  GHashTableIter iter;
  CwCompatCheckCi *ci;
  int rc;

  if (!cw_compat_check_read_ids (check->db, SELECT_CIS, (const gint64 *) plan->data, plan->len,
                                 read_ci_cb, check, error))
    return FALSE;
  g_hash_table_iter_init (&iter, check->cis);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &ci))
    ci->planned = TRUE;

  if (g_cancellable_set_error_if_cancelled (check->cancellable, error))
    return FALSE;

  /* Relations of every kind, in both directions. */
  if (!cw_compat_check_read_ids (check->db,
                                 "SELECT source_id, target_id FROM ci_relations "
                                 "WHERE source_id IN (%s) "
                                 "UNION ALL "
                                 "SELECT target_id, source_id FROM ci_relations "
                                 "WHERE target_id IN (%s)",
                                 (const gint64 *) plan->data, plan->len,
                                 read_relation_cb, &relation_data, error))
    return FALSE;
  if (missing->len > 0)
    {
      sort_unique (missing);
      if (!cw_compat_check_read_ids (check->db, SELECT_CIS, (const gint64 *) missing->data,
                                     missing->len, read_ci_cb, check, error))
        return FALSE;
    }

  if (g_cancellable_set_error_if_cancelled (check->cancellable, error))
    return FALSE;

  /* What each of them runs: the rules' matches, then the explicit list. */
  g_hash_table_iter_init (&iter, check->cis);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &ci))
    {
      ci->runs = g_array_sized_new (FALSE, FALSE, sizeof (CwCompatRun), 4);
      cw_compat_linker_match (check->linker, ci->values, ci->runs);
      g_array_append_val (all, ci->id);
    }
  if (!cw_compat_check_read_ids (check->db,
                                 "SELECT ci_id, product_id, version FROM compat_ci_components "
                                 "WHERE ci_id IN (%s)",
                                 (const gint64 *) all->data, all->len,
                                 read_component_cb, check, error))
    return FALSE;

  g_hash_table_iter_init (&iter, check->cis);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &ci))
    {
      /* The rules give products by name already. */
      if (ci->listed)
        g_array_sort_with_data (ci->runs, compare_runs, check);
      if (ci->related != NULL)
        {
          guint kept = 0;

          g_array_sort_with_data (ci->related, compare_related, check);
          for (guint i = 0; i < ci->related->len; i++)
            {
              gint64 id = g_array_index (ci->related, gint64, i);

              if (kept == 0 || g_array_index (ci->related, gint64, kept - 1) != id)
                g_array_index (ci->related, gint64, kept++) = id;
            }
          g_array_set_size (ci->related, kept);
        }
    }

  /* Every verdict with the target on one side: the end state pairs the
   * target with the versions around it, and the mixed state pairs it with
   * the planned peers' current versions of the same product. */
  rc = sqlite3_prepare_v2 (check->db,
                           "SELECT version_a, version_b, verdict, note, source FROM compat_verdicts "
                           "WHERE version_a = ?1 OR version_b = ?1",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, check->target->id);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        read_cell_cb (stmt, check);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return cw_store_set_sql_error (error, check->db, rc,
                                   _("Could not read the compatibility matrix"));

  return TRUE;
}
/* ---- the check ---------------------------------------------------------------- */

static gboolean
check_prepare (CwCompatChecker  *check,
               const char       *product,
               const char       *target,
               GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(GPtrArray) rules = NULL;
  int index;

  check->product = cw_compat_find_product (check->store, product, &local_error);
  if (check->product == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, CW_COMPAT_ERROR, CW_COMPAT_ERROR_NOT_FOUND,
                     _("There is no product named “%s”."), product);
      return FALSE;
    }

  check->order = cw_compat_checker_get_order (check, check->product->id, error);
  if (check->order == NULL)
    return FALSE;
  index = cw_compat_version_order_lookup (check->order, target);
  if (index < 0)
    {
      g_set_error (error, CW_COMPAT_ERROR, CW_COMPAT_ERROR_NOT_FOUND,
                   _("“%1$s” is not a version of %2$s."), target, check->product->name);
      return FALSE;
    }
  check->target = cw_compat_version_order_get (check->order, (guint) index);

  paths = cw_compat_list_paths (check->store, check->product->id, error);
  if (paths == NULL)
    return FALSE;
  check->graph = cw_compat_path_graph_new (check->order, paths, check->target->version);

  rules = cw_compat_list_all_rules (check->store, error);
  if (rules == NULL)
    return FALSE;
  check->linker = cw_compat_linker_new (rules);

  check->products = cw_compat_list_products (check->store, error);
  if (check->products == NULL)
    return FALSE;
  for (guint i = 0; i < check->products->len; i++)
    {
      CwCompatProduct *known = g_ptr_array_index (check->products, i);

      g_hash_table_insert (check->names, &known->id, known->name);
      g_hash_table_insert (check->ranks, &known->id, GUINT_TO_POINTER (i + 1));
    }

  return TRUE;
}

static CwCompatReport *
check_run (CwCompatChecker  *check,
           const gint64     *ci_ids,
           guint             n_ci_ids,
           const char       *product,
           const char       *target,
           GError          **error)
{
  g_autoptr(CwCompatReport) report = NULL;
  g_autoptr(GArray) plan = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_ci_ids);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);

  if (!check_prepare (check, product, target, error))
    return NULL;

  /* The plan's order, each CI once. */
  for (guint i = 0; i < n_ci_ids; i++)
    {
      if (g_hash_table_add (seen, (gpointer) &ci_ids[i]))
        g_array_append_val (plan, ci_ids[i]);
    }

  if (!check_load (check, plan, error))
    return NULL;

  report = g_new0 (CwCompatReport, 1);
  report->product_id = check->product->id;
  report->product_name = g_strdup (check->product->name);
  report->target = g_strdup (check->target->version);
  report->results = g_ptr_array_new_with_free_func ((GDestroyNotify) cw_compat_ci_result_free);

  for (guint i = 0; i < plan->len; i++)
    {
      gint64 id = g_array_index (plan, gint64, i);
      CwCompatCheckCi *ci = g_hash_table_lookup (check->cis, &id);
      CwCompatCiResult *result;

      if (i % CANCEL_EVERY == 0 &&
          g_cancellable_set_error_if_cancelled (check->cancellable, error))
        return NULL;

      /* A CI deleted since it was chosen has nothing to check. */
      if (ci == NULL || !ci->planned)
        continue;

      result = cw_compat_checker_check_ci (check, ci, error);
      if (result == NULL)
        return NULL;
      report->n_blockers += result->n_blockers;
      report->n_warnings += result->n_warnings;
      g_ptr_array_add (report->results, result);
    }

  return g_steal_pointer (&report);
}

CwCompatReport *
cw_compat_check (CwStore       *store,
                 const gint64  *ci_ids,
                 guint          n_ci_ids,
                 const char    *product,
                 const char    *target,
                 const char    *today,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autofree char *now = NULL;
  CwCompatReport *report;
  CwCompatChecker check = { 0, };
  int rc;

  g_return_val_if_fail (CW_IS_STORE (store), NULL);
  g_return_val_if_fail (ci_ids != NULL || n_ci_ids == 0, NULL);
  g_return_val_if_fail (product != NULL, NULL);
  g_return_val_if_fail (target != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (today == NULL)
    {
      g_autoptr(GDateTime) date = g_date_time_new_now_local ();

      today = now = g_date_time_format (date, "%Y-%m-%d");
    }

  check.store = store;
  check.db = cw_store_get_handle (store);
  check.cancellable = cancellable;
  check.today = today;
  check.names = g_hash_table_new (g_int64_hash, g_int64_equal);
  check.ranks = g_hash_table_new (g_int64_hash, g_int64_equal);
  check.orders = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                        (GDestroyNotify) cw_compat_version_order_free);
  check.cis = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                     (GDestroyNotify) check_ci_free);
  check.cells = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                       (GDestroyNotify) cw_compat_cell_free);
  check.paths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) g_strfreev);
  check.upgrades = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) g_strfreev);
  check.strings = g_string_chunk_new (16384);

  /* One snapshot of the workspace for every read. */
  rc = sqlite3_exec (check.db, "SAVEPOINT cw_compat_check", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      cw_store_set_sql_error (error, check.db, rc, _("Could not read the compatibility matrix"));
      check_clear (&check);
      return NULL;
    }

  report = check_run (&check, ci_ids, n_ci_ids, product, target, error);

  sqlite3_exec (check.db, "RELEASE cw_compat_check", NULL, NULL, NULL);
  check_clear (&check);

  return report;
}

typedef struct
{
  char   *path;
  GArray *ci_ids;
  char   *product;
  char   *target;
  char   *today;
} CheckData;

static void
check_data_free (CheckData *data)
{
  g_free (data->path);
  g_array_unref (data->ci_ids);
  g_free (data->product);
  g_free (data->target);
  g_free (data->today);
  g_free (data);
}

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  CheckData *data = task_data;
  g_autoptr(CwStore) store = NULL;
  GError *error = NULL;
  CwCompatReport *report;

  store = cw_store_open (data->path, CW_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  report = cw_compat_check (store, (const gint64 *) data->ci_ids->data, data->ci_ids->len,
                            data->product, data->target, data->today, cancellable, &error);
  if (report == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, report, (GDestroyNotify) cw_compat_report_free);
}

void
cw_compat_check_async (const char          *workspace_path,
                       const gint64        *ci_ids,
                       guint                n_ci_ids,
                       const char          *product,
                       const char          *target,
                       const char          *today,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  CheckData *data;

  g_return_if_fail (workspace_path != NULL);
  g_return_if_fail (ci_ids != NULL || n_ci_ids == 0);
  g_return_if_fail (product != NULL);
  g_return_if_fail (target != NULL);

  data = g_new0 (CheckData, 1);
  data->path = g_strdup (workspace_path);
  data->ci_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_ci_ids);
  if (n_ci_ids > 0)
    g_array_append_vals (data->ci_ids, ci_ids, n_ci_ids);
  data->product = g_strdup (product);
  data->target = g_strdup (target);
  data->today = g_strdup (today);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, cw_compat_check_async);
  g_task_set_task_data (task, data, (GDestroyNotify) check_data_free);
  g_task_run_in_thread (task, check_thread);
}

CwCompatReport *
cw_compat_check_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == cw_compat_check_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
