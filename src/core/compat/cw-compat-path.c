/* cw-compat-path.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-compat-path"

#include "config.h"

#include <string.h>

#include "cw-compat-check-private.h"
#include "cw-version.h"

/* ---- a product's version order ------------------------------------------- */

struct _CwCompatVersionOrder
{
  GPtrArray  *versions;   /* CwCompatVersion, the product's order */
  GHashTable *exact;      /* version string (borrowed) -> index + 1 */
  GHashTable *other;      /* unlisted spelling (owned) -> index + 1, or 0 */
};

CwCompatVersionOrder *
cw_compat_version_order_new (GPtrArray *versions)
{
  CwCompatVersionOrder *order = g_new0 (CwCompatVersionOrder, 1);

  g_return_val_if_fail (versions != NULL, NULL);

  order->versions = g_ptr_array_ref (versions);
  order->exact = g_hash_table_new (g_str_hash, g_str_equal);
  order->other = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < versions->len; i++)
    {
      CwCompatVersion *version = g_ptr_array_index (versions, i);

      if (!g_hash_table_contains (order->exact, version->version))
        g_hash_table_insert (order->exact, version->version, GUINT_TO_POINTER (i + 1));
    }

  return order;
}

void
cw_compat_version_order_free (CwCompatVersionOrder *order)
{
  if (order == NULL)
    return;

  g_hash_table_unref (order->exact);
  g_hash_table_unref (order->other);
  g_ptr_array_unref (order->versions);
  g_free (order);
}

guint
cw_compat_version_order_get_n (CwCompatVersionOrder *order)
{
  return order->versions->len;
}

CwCompatVersion *
cw_compat_version_order_get (CwCompatVersionOrder *order,
                             guint                 index)
{
  g_return_val_if_fail (index < order->versions->len, NULL);

  return g_ptr_array_index (order->versions, index);
}

int
cw_compat_version_order_lookup (CwCompatVersionOrder *order,
                                const char           *version)
{
  gpointer found;
  guint index = 0;

  if (version == NULL || version[0] == '\0')
    return -1;

  found = g_hash_table_lookup (order->exact, version);
  if (found != NULL)
    return (int) GPOINTER_TO_UINT (found) - 1;

  /* Another spelling of a listed version ("7.0.3" for "7.0U3"): a scan,
   * remembered. */
  if (g_hash_table_lookup_extended (order->other, version, NULL, &found))
    return (int) GPOINTER_TO_UINT (found) - 1;

  for (guint i = 0; i < order->versions->len; i++)
    {
      CwCompatVersion *listed = g_ptr_array_index (order->versions, i);

      if (cw_version_equivalent (listed->version, version))
        {
          index = i + 1;
          break;
        }
    }
  g_hash_table_insert (order->other, g_strdup (version), GUINT_TO_POINTER (index));

  return (int) index - 1;
}

int
cw_compat_version_order_compare (CwCompatVersionOrder *order,
                                 const char           *a,
                                 const char           *b)
{
  int ia;
  int ib;

  if (g_strcmp0 (a, b) == 0)
    return 0;

  ia = cw_compat_version_order_lookup (order, a);
  ib = cw_compat_version_order_lookup (order, b);
  if (ia >= 0 && ib >= 0)
    return (ia > ib) - (ia < ib);

  if (a != NULL && b != NULL && cw_version_equivalent (a, b))
    return 0;

  return cw_version_compare (a, b);
}

/* ---- upgrade paths -------------------------------------------------------- */

/* The nodes are the product's listed versions (node i is version i), then
 * every path's to-version and the target when they are not listed. A path
 * (from_min, from_max, to) gives an edge from every node v with
 * from_min <= v <= from_max and v < to, in the product's order, to the node
 * of `to`: only upgrades. A from-version that is no node gets its edges when
 * it is asked for.
 *
 * Of several shortest chains the one that reaches the higher version at the
 * first hop where they differ wins: vendors ask to go through the latest
 * release of an intermediate train. The distance of every node to the target
 * is known first (a breadth-first search backwards from the target), and the
 * chain then takes, hop by hop, the highest next node one hop nearer. */
struct _CwCompatPathGraph
{
  CwCompatVersionOrder *order;   /* borrowed */
  GPtrArray            *paths;   /* CwCompatPath */
  GPtrArray            *nodes;   /* const char *, borrowed from order and paths */
  GPtrArray            *next;    /* GArray of guint per node */
  int                  *dist;    /* hops to the target; -1 when it is out of reach */
  guint                 target;
};

static int
graph_node_of (CwCompatPathGraph *graph,
               const char        *version)
{
  guint n_listed = cw_compat_version_order_get_n (graph->order);
  int index = cw_compat_version_order_lookup (graph->order, version);

  if (index >= 0)
    return index;

  for (guint i = n_listed; i < graph->nodes->len; i++)
    {
      const char *node = g_ptr_array_index (graph->nodes, i);

      if (strcmp (node, version) == 0 || cw_version_equivalent (node, version))
        return (int) i;
    }

  return -1;
}

static guint
graph_add_node (CwCompatPathGraph *graph,
                const char        *version)
{
  int index = graph_node_of (graph, version);

  if (index >= 0)
    return (guint) index;

  g_ptr_array_add (graph->nodes, (gpointer) version);
  g_ptr_array_add (graph->next, g_array_new (FALSE, FALSE, sizeof (guint)));

  return graph->nodes->len - 1;
}

/* TRUE when @path leads up from @version. */
static gboolean
path_leads_from (CwCompatPathGraph  *graph,
                 const CwCompatPath *path,
                 const char         *version)
{
  return cw_compat_version_order_compare (graph->order, path->from_min, version) <= 0 &&
         cw_compat_version_order_compare (graph->order, version, path->from_max) <= 0 &&
         cw_compat_version_order_compare (graph->order, version, path->to) < 0;
}

CwCompatPathGraph *
cw_compat_path_graph_new (CwCompatVersionOrder *order,
                          GPtrArray            *paths,
                          const char           *target)
{
  CwCompatPathGraph *graph;
  g_autofree guint *to_nodes = NULL;
  g_autoptr(GPtrArray) previous = NULL;
  g_autoptr(GArray) queue = NULL;
  guint n_nodes;

  g_return_val_if_fail (order != NULL, NULL);
  g_return_val_if_fail (paths != NULL, NULL);
  g_return_val_if_fail (target != NULL, NULL);

  graph = g_new0 (CwCompatPathGraph, 1);
  graph->order = order;
  graph->paths = g_ptr_array_ref (paths);
  graph->nodes = g_ptr_array_new ();
  graph->next = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  for (guint i = 0; i < cw_compat_version_order_get_n (order); i++)
    {
      g_ptr_array_add (graph->nodes, cw_compat_version_order_get (order, i)->version);
      g_ptr_array_add (graph->next, g_array_new (FALSE, FALSE, sizeof (guint)));
    }
  to_nodes = g_new (guint, MAX (paths->len, 1));
  for (guint p = 0; p < paths->len; p++)
    to_nodes[p] = graph_add_node (graph, ((CwCompatPath *) g_ptr_array_index (paths, p))->to);
  graph->target = graph_add_node (graph, target);

  n_nodes = graph->nodes->len;
  previous = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  for (guint v = 0; v < n_nodes; v++)
    g_ptr_array_add (previous, g_array_new (FALSE, FALSE, sizeof (guint)));

  for (guint p = 0; p < paths->len; p++)
    {
      const CwCompatPath *path = g_ptr_array_index (paths, p);

      for (guint v = 0; v < n_nodes; v++)
        {
          if (v == to_nodes[p] || !path_leads_from (graph, path, g_ptr_array_index (graph->nodes, v)))
            continue;
          g_array_append_val (g_ptr_array_index (graph->next, v), to_nodes[p]);
          g_array_append_val (g_ptr_array_index (previous, to_nodes[p]), v);
        }
    }

  /* Hops to the target, breadth first along the edges backwards. */
  graph->dist = g_new (int, n_nodes);
  for (guint v = 0; v < n_nodes; v++)
    graph->dist[v] = -1;
  graph->dist[graph->target] = 0;
  queue = g_array_new (FALSE, FALSE, sizeof (guint));
  g_array_append_val (queue, graph->target);
  for (guint head = 0; head < queue->len; head++)
    {
      guint node = g_array_index (queue, guint, head);
      GArray *from = g_ptr_array_index (previous, node);

      for (guint i = 0; i < from->len; i++)
        {
          guint v = g_array_index (from, guint, i);

          if (graph->dist[v] >= 0)
            continue;
          graph->dist[v] = graph->dist[node] + 1;
          g_array_append_val (queue, v);
        }
    }

  return graph;
}

void
cw_compat_path_graph_free (CwCompatPathGraph *graph)
{
  if (graph == NULL)
    return;

  g_ptr_array_unref (graph->paths);
  g_ptr_array_unref (graph->nodes);
  g_ptr_array_unref (graph->next);
  g_free (graph->dist);
  g_free (graph);
}

/* Of @candidates (node indices), the highest one at @dist hops from the
 * target; -1 when none is. */
static int
graph_best_next (CwCompatPathGraph *graph,
                 const guint       *candidates,
                 guint              n_candidates,
                 int                dist)
{
  int best = -1;

  for (guint i = 0; i < n_candidates; i++)
    {
      guint node = candidates[i];

      if (graph->dist[node] != dist)
        continue;
      if (best < 0 ||
          cw_compat_version_order_compare (graph->order,
                                           g_ptr_array_index (graph->nodes, node),
                                           g_ptr_array_index (graph->nodes, best)) > 0)
        best = (int) node;
    }

  return best;
}

static GStrv
graph_walk (CwCompatPathGraph *graph,
            guint              first)
{
  g_autoptr(GStrvBuilder) hops = g_strv_builder_new ();
  guint node = first;

  g_strv_builder_add (hops, g_ptr_array_index (graph->nodes, node));
  while (node != graph->target)
    {
      GArray *next = g_ptr_array_index (graph->next, node);
      int best = graph_best_next (graph, (const guint *) next->data, next->len,
                                  graph->dist[node] - 1);

      g_assert (best >= 0);
      node = (guint) best;
      g_strv_builder_add (hops, g_ptr_array_index (graph->nodes, node));
    }

  return g_strv_builder_end (hops);
}

GStrv
cw_compat_path_graph_find (CwCompatPathGraph *graph,
                           const char        *from)
{
  g_autoptr(GArray) firsts = NULL;
  const char *target;
  int node;
  int best_dist = -1;
  int best;

  g_return_val_if_fail (graph != NULL, NULL);
  g_return_val_if_fail (from != NULL, NULL);

  target = g_ptr_array_index (graph->nodes, graph->target);
  if (strcmp (from, target) == 0 || cw_version_equivalent (from, target))
    return g_new0 (char *, 1);

  /* A known node: its first hop is among its edges. */
  node = graph_node_of (graph, from);
  if (node >= 0)
    {
      GArray *next;

      if (graph->dist[node] < 0)
        return NULL;
      next = g_ptr_array_index (graph->next, node);
      best = graph_best_next (graph, (const guint *) next->data, next->len,
                              graph->dist[node] - 1);
      return graph_walk (graph, (guint) best);
    }

  /* A version nobody lists: its edges now. */
  firsts = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint p = 0; p < graph->paths->len; p++)
    {
      const CwCompatPath *path = g_ptr_array_index (graph->paths, p);
      guint to;

      if (!path_leads_from (graph, path, from))
        continue;
      to = (guint) graph_node_of (graph, path->to);
      if (graph->dist[to] < 0)
        continue;
      if (best_dist < 0 || graph->dist[to] < best_dist)
        best_dist = graph->dist[to];
      g_array_append_val (firsts, to);
    }
  if (best_dist < 0)
    return NULL;

  best = graph_best_next (graph, (const guint *) firsts->data, firsts->len, best_dist);
  return graph_walk (graph, (guint) best);
}

GStrv
cw_compat_find_path (CwStore     *store,
                     gint64       product_id,
                     const char  *from,
                     const char  *to,
                     GError     **error)
{
  g_autoptr(CwCompatProduct) product = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(CwCompatVersionOrder) order = NULL;
  g_autoptr(CwCompatPathGraph) graph = NULL;

  g_return_val_if_fail (CW_IS_STORE (store), NULL);
  g_return_val_if_fail (from != NULL, NULL);
  g_return_val_if_fail (to != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  product = cw_compat_get_product (store, product_id, error);
  if (product == NULL)
    return NULL;
  versions = cw_compat_list_versions (store, product_id, error);
  if (versions == NULL)
    return NULL;
  paths = cw_compat_list_paths (store, product_id, error);
  if (paths == NULL)
    return NULL;

  order = cw_compat_version_order_new (versions);
  graph = cw_compat_path_graph_new (order, paths, to);

  return cw_compat_path_graph_find (graph, from);
}
