/* cw-demo-links.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-demo-links"

#include "config.h"

#include <string.h>

#include "cw-demo-private.h"

/* What is around the CIs: how they hang together, how their versions got
 * where they are, and the configuration backups taken of them. Everything is
 * drawn from the CIs kept in memory by cw_demo_add_cis(), never read back. */

#define CHECK_EVERY     8192
#define MAX_RELATIONS   3
#define MAX_HISTORY     3
#define MAX_BACKUPS     4
#define DAY             (G_GINT64_CONSTANT (24) * 60 * 60)
#define NO_CLASS        CW_DEMO_N_CLASSES

/* Relations ---------------------------------------------------------------- */

typedef struct
{
  CwDemoClass  source;
  const char  *kind;
  CwDemoClass  target;
  CwDemoClass  or_target;      /* NO_CLASS if only @target */
  guint        percent;        /* chance of a first relation */
  guint        second_percent; /* chance of a second, to another CI */
  gboolean     same_maker;     /* a BMC goes with its vendor's servers */
} Rule;

/* Always within the site of the source. */
static const Rule rules[] = {
  /* Software runs on a host, physical or virtual, and needs its database
   * and its TLS certificate. */
  { CW_DEMO_CLASS_APPLICATION, "runs_on", CW_DEMO_CLASS_SERVER, CW_DEMO_CLASS_HYPERVISOR,
    95, 0, FALSE },
  { CW_DEMO_CLASS_APPLICATION, "depends_on", CW_DEMO_CLASS_DATABASE, NO_CLASS, 60, 0, FALSE },
  { CW_DEMO_CLASS_APPLICATION, "depends_on", CW_DEMO_CLASS_CERTIFICATE, NO_CLASS, 70, 0, FALSE },
  { CW_DEMO_CLASS_DATABASE, "runs_on", CW_DEMO_CLASS_SERVER, CW_DEMO_CLASS_HYPERVISOR,
    95, 0, FALSE },
  { CW_DEMO_CLASS_HYPERVISOR, "runs_on", CW_DEMO_CLASS_SERVER, NO_CLASS, 95, 0, FALSE },
  /* Only VMware hosts need a vSphere licence. */
  { CW_DEMO_CLASS_HYPERVISOR, "depends_on", CW_DEMO_CLASS_LICENCE, NO_CLASS, 90, 0, TRUE },
  /* Access ports, with a second, redundant one for many servers. */
  { CW_DEMO_CLASS_SERVER, "connected_to", CW_DEMO_CLASS_SWITCH, NO_CLASS, 90, 50, FALSE },
  { CW_DEMO_CLASS_SERVER, "depends_on", CW_DEMO_CLASS_STORAGE, NO_CLASS, 35, 0, FALSE },
  { CW_DEMO_CLASS_STORAGE, "connected_to", CW_DEMO_CLASS_SWITCH, NO_CLASS, 80, 0, FALSE },
  { CW_DEMO_CLASS_IOT, "connected_to", CW_DEMO_CLASS_SWITCH, NO_CLASS, 70, 0, FALSE },
  /* Uplinks, often in pairs. */
  { CW_DEMO_CLASS_SWITCH, "connected_to", CW_DEMO_CLASS_ROUTER, CW_DEMO_CLASS_FIREWALL,
    85, 40, FALSE },
  /* Controllers: see controller_host(). */
  { CW_DEMO_CLASS_CONTROLLER, "part_of", CW_DEMO_CLASS_SERVER, NO_CLASS, 85, 0, TRUE },
};

/* A wireless LAN controller belongs to a switch stack; a BMC (iDRAC) is part
 * of its server. */
static CwDemoClass
controller_host (const CwDemoModel *model)
{
  return g_str_equal (model->prefix, "wlc") ? CW_DEMO_CLASS_SWITCH : CW_DEMO_CLASS_SERVER;
}

static GArray *
site_class (CwDemoRun   *run,
            guint        site,
            CwDemoClass  klass)
{
  return run->by_site_class[site * CW_DEMO_N_CLASSES + klass];
}

static const char *
maker_of (CwDemoRun *run,
          guint32    index)
{
  return cw_demo_get_model (g_array_index (run->cis, CwDemoCi, index).model)->manufacturer;
}

/* Picks a CI of class @a or @b at @site; with @maker, a few tries for one
 * of the same manufacturer. Returns FALSE if there is none. */
static gboolean
pick_target (CwDemoRun         *run,
             guint              site,
             CwDemoClass        a,
             CwDemoClass        b,
             const CwDemoModel *maker,
             guint32           *out)
{
  GArray *first = site_class (run, site, a);
  GArray *second = b != NO_CLASS ? site_class (run, site, b) : NULL;
  guint n = first->len + (second != NULL ? second->len : 0);

  if (n == 0)
    return FALSE;

  for (guint tries = 0; tries < 4; tries++)
    {
      guint roll = cw_demo_rng_below (&run->rng, n);
      guint32 index;

      if (roll < first->len)
        index = g_array_index (first, guint32, roll);
      else
        index = g_array_index (second, guint32, roll - first->len);

      if (maker == NULL || g_str_equal (maker_of (run, index), maker->manufacturer))
        {
          *out = index;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
insert_relation (CwDemoRun     *run,
                 sqlite3_stmt  *stmt,
                 guint32        source,
                 guint32        target,
                 const char    *kind,
                 GError       **error)
{
  /* No rule relates a class to itself, but a self-relation would break the
   * table's CHECK: never write one. */
  if (source == target)
    return TRUE;

  sqlite3_bind_int64 (stmt, 1, run->first_ci_id + source);
  sqlite3_bind_int64 (stmt, 2, run->first_ci_id + target);
  sqlite3_bind_text (stmt, 3, kind, -1, SQLITE_STATIC);
  return cw_demo_step (run, stmt, error);
}

gboolean
cw_demo_add_relations (CwDemoRun  *run,
                       GError    **error)
{
  guint8 class_rules[CW_DEMO_N_CLASSES][G_N_ELEMENTS (rules)];
  guint n_class_rules[CW_DEMO_N_CLASSES] = { 0 };
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;

  for (guint r = 0; r < G_N_ELEMENTS (rules); r++)
    {
      CwDemoClass source = rules[r].source;
      class_rules[source][n_class_rules[source]++] = r;
    }

  /* OR IGNORE: a duplicate is skipped, should two picks ever meet. */
  stmt = cw_demo_prepare (run,
                          "INSERT OR IGNORE INTO ci_relations (source_id, target_id, kind) "
                          "VALUES (?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;

  for (guint32 i = 0; i < run->cis->len; i++)
    {
      const CwDemoCi *ci = &g_array_index (run->cis, CwDemoCi, i);
      const CwDemoModel *model = cw_demo_get_model (ci->model);
      guint n_added = 0;

      if (i % CHECK_EVERY == 0 && g_cancellable_set_error_if_cancelled (run->cancellable, error))
        goto out;

      for (guint k = 0; k < n_class_rules[model->klass] && n_added < MAX_RELATIONS; k++)
        {
          const Rule *rule = &rules[class_rules[model->klass][k]];
          CwDemoClass target_class = rule->target;
          guint32 first;
          guint32 second;

          if (model->klass == CW_DEMO_CLASS_CONTROLLER)
            target_class = controller_host (model);

          if (!cw_demo_rng_chance (&run->rng, rule->percent) ||
              !pick_target (run, ci->site, target_class, rule->or_target,
                            rule->same_maker ? model : NULL, &first))
            continue;

          if (!insert_relation (run, stmt, i, first, rule->kind, error))
            goto out;
          n_added++;

          if (n_added < MAX_RELATIONS &&
              rule->second_percent > 0 &&
              cw_demo_rng_chance (&run->rng, rule->second_percent) &&
              pick_target (run, ci->site, target_class, rule->or_target,
                           rule->same_maker ? model : NULL, &second) &&
              second != first)
            {
              if (!insert_relation (run, stmt, i, second, rule->kind, error))
                goto out;
              n_added++;
            }
        }
    }

  ok = TRUE;

out:
  sqlite3_finalize (stmt);
  return ok;
}

/* Version history ---------------------------------------------------------- */

/* A plausible version before @version: the last non-zero number in it, one
 * lower ("17.9.1r" → "17.9.0r", "7.00.00.00" → "6.00.00.00", "SP5" → "SP4").
 * Returns NULL when there is no such number of up to three digits. */
static const char *
previous_version (const char *version,
                  char       *out,
                  gsize       size)
{
  gsize length = strlen (version);
  gssize end = (gssize) length;

  while (end > 0)
    {
      gssize start;
      guint64 value = 0;
      gsize width;

      while (end > 0 && !g_ascii_isdigit (version[end - 1]))
        end--;
      start = end;
      while (start > 0 && g_ascii_isdigit (version[start - 1]))
        start--;
      if (start == end)
        break;

      width = (gsize) (end - start);
      for (gssize p = start; p < end; p++)
        value = value * 10 + (guint64) (version[p] - '0');

      /* Not a year: there was no "Windows Server 2021". */
      if (width <= 3 && value > 0)
        {
          /* Keep "05" two digits wide; "10" becomes "9". */
          int pad = version[start] == '0' ? (int) width : 0;

          g_snprintf (out, size, "%.*s%0*" G_GUINT64_FORMAT "%s",
                      (int) start, version, pad, value - 1, version + end);
          return out;
        }

      end = start;
    }

  return NULL;
}

static const char *
pick_source (CwDemoRun  *run,
             const char *changed_at,
             char       *detail,
             gsize       size)
{
  static const char * const manual_details[] = {
    "Corrected after a site audit",
    "Read from the console after a board swap",
    "Entered from the vendor's support case",
  };
  guint roll = cw_demo_rng_below (&run->rng, 100);

  if (roll < 40)
    {
      /* The monthly export of the inventory, named by its month. */
      g_snprintf (detail, size, "inventory-%.7s.csv", changed_at);
      return "import";
    }
  if (roll < 86)
    {
      g_snprintf (detail, size, "CHG%07u", 1000 + cw_demo_rng_below (&run->rng, 90000));
      return "execution";
    }
  if (roll < 93)
    {
      g_strlcpy (detail, "Nightly discovery sync", size);
      return "sync";
    }

  g_strlcpy (detail, manual_details[cw_demo_rng_below (&run->rng, G_N_ELEMENTS (manual_details))],
             size);
  return "manual";
}

static guint
count_versions (const char * const versions[CW_DEMO_MAX_VERSIONS])
{
  guint n = 0;

  while (n < CW_DEMO_MAX_VERSIONS && versions[n] != NULL)
    n++;

  return n;
}

/* Compares versions as people read them: numbers by value ("9.4.14" comes
 * before "9.12.1"), everything else character by character. */
static int
compare_versions (const char *a,
                  const char *b)
{
  while (*a != '\0' && *b != '\0')
    {
      if (g_ascii_isdigit (*a) && g_ascii_isdigit (*b))
        {
          guint64 x = 0;
          guint64 y = 0;

          while (g_ascii_isdigit (*a))
            x = x * 10 + (guint64) (*a++ - '0');
          while (g_ascii_isdigit (*b))
            y = y * 10 + (guint64) (*b++ - '0');
          if (x != y)
            return x < y ? -1 : 1;
        }
      else if (*a != *b)
        {
          return (guchar) *a < (guchar) *b ? -1 : 1;
        }
      else
        {
          a++;
          b++;
        }
    }

  return (*a != '\0') - (*b != '\0');
}

/* "RHEL 8.8" and "RHEL 9.2" are one family, "Ubuntu 22.04.3" another. */
static gboolean
same_family (const char *a,
             const char *b)
{
  gsize length = strcspn (a, "0123456789");

  return strcspn (b, "0123456789") == length && strncmp (a, b, length) == 0;
}

/* 1–3 changes of one field, oldest first, the last one to @current. */
static gboolean
add_field_history (CwDemoRun          *run,
                   sqlite3_stmt       *stmt,
                   guint32             index,
                   const CwDemoCi     *ci,
                   const char         *field,
                   const char * const  versions[CW_DEMO_MAX_VERSIONS],
                   gint8               current,
                   GError            **error)
{
  static const guint row_weights[MAX_HISTORY] = { 50, 35, 15 };
  const char *values[MAX_HISTORY + 1] = { NULL };
  char made_up[MAX_HISTORY][64];
  guint n_versions = count_versions (versions);
  guint n_rows = 1;
  guint first = 0;
  guint roll = cw_demo_rng_below (&run->rng, 100);
  gint64 updated = run->now_unix - (gint64) ci->age_minutes * 60;
  gint64 start = run->now_unix - 730 * DAY;
  gint64 slice;

  for (guint r = 0; r < MAX_HISTORY - 1 && roll >= row_weights[r]; r++)
    {
      roll -= row_weights[r];
      n_rows++;
    }

  /* Upgrades through the model's versions, the nearest older one first,
   * then made-up earlier ones. values[j] → values[j + 1] is row j. */
  values[n_rows] = versions[current];
  for (guint j = n_rows; j-- > 0;)
    {
      const char *next = values[j + 1];
      const char *older = NULL;

      for (guint v = 0; v < n_versions; v++)
        if (same_family (versions[v], next) &&
            compare_versions (versions[v], next) < 0 &&
            (older == NULL || compare_versions (versions[v], older) > 0))
          older = versions[v];

      values[j] = older != NULL ? older : previous_version (next, made_up[j], sizeof made_up[j]);

      /* Nothing earlier: this row is where the value came in. */
      if (values[j] == NULL)
        {
          first = j;
          break;
        }
    }

  /* Some longer histories start with the import that brought the value in. */
  if (first == 0 && n_rows > 1 && cw_demo_rng_chance (&run->rng, 15))
    values[0] = NULL;

  /* Spread over the last two years, before the CI was last updated. */
  slice = MAX ((updated - start) / (gint64) n_rows, 1);
  for (guint j = first; j < n_rows; j++)
    {
      gint64 at = start + (gint64) j * slice +
                  (gint64) cw_demo_rng_below (&run->rng, (guint) slice);
      char changed_at[CW_DEMO_TIME_SIZE];
      char detail[64];
      const char *source;

      cw_demo_format_time (MIN (at, updated), changed_at);
      if (values[j] == NULL)
        {
          g_snprintf (detail, sizeof detail, "inventory-%.7s.csv", changed_at);
          source = "import";
        }
      else
        {
          source = pick_source (run, changed_at, detail, sizeof detail);
        }

      sqlite3_bind_int64 (stmt, 1, run->first_ci_id + index);
      sqlite3_bind_text (stmt, 2, field, -1, SQLITE_STATIC);
      if (values[j] != NULL)
        sqlite3_bind_text (stmt, 3, values[j], -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, values[j + 1], -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, changed_at, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, source, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 7, detail, -1, SQLITE_STATIC);
      if (!cw_demo_step (run, stmt, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
cw_demo_add_history (CwDemoRun  *run,
                     GError    **error)
{
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;

  stmt = cw_demo_prepare (run,
                          "INSERT INTO ci_version_history (ci_id, field, old_value, new_value, "
                          "changed_at, source, detail) VALUES (?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;

  for (guint32 i = 0; i < run->cis->len; i++)
    {
      const CwDemoCi *ci = &g_array_index (run->cis, CwDemoCi, i);
      const CwDemoModel *model = cw_demo_get_model (ci->model);
      gboolean firmware = ci->firmware >= 0;
      gboolean os = ci->os >= 0;

      if (i % CHECK_EVERY == 0 && g_cancellable_set_error_if_cancelled (run->cancellable, error))
        goto out;

      if ((!firmware && !os) || !cw_demo_rng_chance (&run->rng, 30))
        continue;

      /* With both, the OS changes more often than the firmware. */
      if (firmware && os)
        {
          guint roll = cw_demo_rng_below (&run->rng, 100);

          firmware = roll >= 45;
          os = roll < 45 || roll >= 70;
        }

      if (firmware &&
          !add_field_history (run, stmt, i, ci, "firmware_version", model->firmware,
                              ci->firmware, error))
        goto out;
      if (os &&
          !add_field_history (run, stmt, i, ci, "os_version", model->os, ci->os, error))
        goto out;
    }

  ok = TRUE;

out:
  sqlite3_finalize (stmt);
  return ok;
}

/* Backups ------------------------------------------------------------------ */

static gboolean
takes_backups (CwDemoRun         *run,
               const CwDemoModel *model)
{
  switch (model->klass)
    {
    case CW_DEMO_CLASS_SWITCH:
    case CW_DEMO_CLASS_ROUTER:
    case CW_DEMO_CLASS_FIREWALL:
    case CW_DEMO_CLASS_STORAGE:
    case CW_DEMO_CLASS_CONTROLLER:
      return TRUE;

    /* Some servers have their BIOS and RAID settings saved. */
    case CW_DEMO_CLASS_SERVER:
      return cw_demo_rng_chance (&run->rng, 25);

    case CW_DEMO_CLASS_IOT:
    case CW_DEMO_CLASS_HYPERVISOR:
    case CW_DEMO_CLASS_DATABASE:
    case CW_DEMO_CLASS_APPLICATION:
    case CW_DEMO_CLASS_CERTIFICATE:
    case CW_DEMO_CLASS_LICENCE:
    case CW_DEMO_N_CLASSES:
    default:
      return FALSE;
    }
}

gboolean
cw_demo_add_backups (CwDemoRun  *run,
                     GError    **error)
{
  static const guint count_weights[MAX_BACKUPS] = { 30, 30, 25, 15 };
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;
  gint64 today = run->now_unix - run->now_unix % DAY;

  stmt = cw_demo_prepare (run,
                          "INSERT INTO ci_backups (ci_id, taken_at, location, checksum, "
                          "size_bytes, verified) VALUES (?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;

  for (guint32 i = 0; i < run->cis->len; i++)
    {
      const CwDemoCi *ci = &g_array_index (run->cis, CwDemoCi, i);
      const CwDemoModel *model = cw_demo_get_model (ci->model);
      const char *site_code = g_ptr_array_index (run->site_codes, ci->site);
      guint roll;
      guint n_backups = 1;
      guint slice;
      guint base_size;
      char name[64];

      if (i % CHECK_EVERY == 0 && g_cancellable_set_error_if_cancelled (run->cancellable, error))
        goto out;

      if (!takes_backups (run, model))
        continue;

      roll = cw_demo_rng_below (&run->rng, 100);
      for (guint r = 0; r < MAX_BACKUPS - 1 && roll >= count_weights[r]; r++)
        {
          roll -= count_weights[r];
          n_backups++;
        }

      cw_demo_format_ci_name (run, ci, name, sizeof name);
      /* A configuration grows slowly: the sizes of one CI stay close. */
      base_size = 8 * 1024 + cw_demo_rng_below (&run->rng, 392 * 1024 + 1);
      slice = 90 / n_backups;

      /* Oldest first, each on its own night of the last 90 days. */
      for (guint b = 0; b < n_backups; b++)
        {
          guint days_ago = 90 - b * slice - cw_demo_rng_below (&run->rng, slice);
          gint64 taken = today - (gint64) days_ago * DAY + 3600 +
                         cw_demo_rng_below (&run->rng, 4 * 3600);
          guint size = base_size - base_size / 20 + cw_demo_rng_below (&run->rng, base_size / 10);
          char taken_at[CW_DEMO_TIME_SIZE];
          char location[256];
          char checksum[7 + 64 + 1];

          cw_demo_format_time (taken, taken_at);
          g_snprintf (location, sizeof location,
                      "sftp://backup.%s.example.net/configs/%s/%.10s.cfg",
                      site_code, name, taken_at);

          memcpy (checksum, "sha256:", 7);
          for (guint w = 0; w < 4; w++)
            g_snprintf (checksum + 7 + w * 16, 17, "%016" G_GINT64_MODIFIER "x",
                        cw_demo_rng_next (&run->rng));

          sqlite3_bind_int64 (stmt, 1, run->first_ci_id + i);
          sqlite3_bind_text (stmt, 2, taken_at, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 3, location, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 4, checksum, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (stmt, 5, CLAMP (size, 8 * 1024, 400 * 1024));
          sqlite3_bind_int (stmt, 6, cw_demo_rng_chance (&run->rng, 85));
          if (!cw_demo_step (run, stmt, error))
            goto out;
        }
    }

  ok = TRUE;

out:
  sqlite3_finalize (stmt);
  return ok;
}
