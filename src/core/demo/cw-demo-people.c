/* cw-demo-people.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-demo-people"

#include "config.h"

#include "cw-demo-private.h"

/* Sites in eight time zones on four continents, so that windows, deadlines
 * and calendars meet real offsets and daylight-saving rules. */
static const struct {
  const char *code;
  const char *name;
  const char *city;
  const char *country;
  const char *time_zone;
} sites[] = {
  { "FRA1", "Frankfurt Data Centre",  "Frankfurt am Main", "DE", "Europe/Berlin" },
  { "LON2", "London Docklands",       "London",            "GB", "Europe/London" },
  { "NYC1", "New York Metro",         "Secaucus",          "US", "America/New_York" },
  { "DFW1", "Dallas–Fort Worth",      "Richardson",        "US", "America/Chicago" },
  { "SAO1", "São Paulo Campus",       "Barueri",           "BR", "America/Sao_Paulo" },
  { "SIN1", "Singapore Jurong",       "Singapore",         "SG", "Asia/Singapore" },
  { "SYD1", "Sydney Alexandria",      "Sydney",            "AU", "Australia/Sydney" },
  { "TYO1", "Tokyo Otemachi",         "Tokyo",             "JP", "Asia/Tokyo" },
};

static const char * const first_names[] = {
  "Amara", "Ben", "Carla", "Dmitri", "Elif", "Felipe", "Grace", "Hiro", "Ines", "Jonas",
  "Kavya", "Liam", "Mei", "Nadia", "Olu", "Priya", "Quentin", "Rosa", "Sven", "Tomás",
  "Uma", "Victor", "Wen", "Xavier", "Yara", "Zoltán", "Aisha", "Björn", "Chloé", "Diego",
};

static const char * const last_names[] = {
  "Adeyemi", "Bauer", "Castillo", "Dubois", "Eriksen", "Fischer", "García", "Haddad",
  "Ivanova", "Jensen", "Kowalski", "Lindqvist", "Moreau", "Nakamura", "O'Neill", "Patel",
  "Quispe", "Rossi", "Schmidt", "Tanaka", "Usman", "Varga", "Wójcik", "Xu", "Yilmaz",
  "Zhang", "Almeida", "Brennan", "Chen", "Novak",
};

typedef enum {
  GROUP_NETWORK,
  GROUP_COMPUTE,
  GROUP_STORAGE,
  GROUP_DATABASE,
  GROUP_CAB,
  GROUP_COMMS,
  N_GROUPS
} DemoGroup;

static const struct {
  const char *name;
  const char *description;
} groups[N_GROUPS] = {
  { "Network Engineering",        "Switches, routers, firewalls and wireless controllers" },
  { "Compute and Virtualisation", "Servers, BMC firmware and hypervisor hosts" },
  { "Storage and Backup",         "Storage arrays, backup targets and their controllers" },
  { "Database Operations",        "Database engines and the applications on them" },
  { "Change Advisory Board",      "Reviews and authorises normal and emergency changes" },
  { "Customer Communications",    "Notices before and after changes, audit records" },
};

/* Per site: one lead, three technicians, one coordinator. */
static const char * const site_roles[] = {
  "lead", "technician", "technician", "technician", "coordinator",
};

static char *
make_username (const char *first,
               const char *last)
{
  g_autofree char *joined = g_strdup_printf ("%s.%s", first, last);
  g_autofree char *ascii = g_str_to_ascii (joined, "C");
  GString *out = g_string_new (NULL);

  for (const char *p = ascii; *p; p++)
    if (g_ascii_isalnum (*p) || *p == '.')
      g_string_append_c (out, g_ascii_tolower (*p));

  return g_string_free (out, FALSE);
}

static gboolean
add_sites (CwDemoRun  *run,
           GError    **error)
{
  sqlite3_stmt *stmt;

  stmt = cw_demo_prepare (run,
                          "INSERT INTO sites (code, name, city, country, time_zone) "
                          "VALUES (?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (sites); i++)
    {
      gint64 id;

      sqlite3_bind_text (stmt, 1, sites[i].code, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, sites[i].name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, sites[i].city, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, sites[i].country, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, sites[i].time_zone, -1, SQLITE_STATIC);
      if (!cw_demo_step (run, stmt, error))
        {
          sqlite3_finalize (stmt);
          return FALSE;
        }

      id = sqlite3_last_insert_rowid (run->db);
      g_array_append_val (run->site_ids, id);
      g_ptr_array_add (run->site_codes, g_ascii_strdown (sites[i].code, -1));
    }

  sqlite3_finalize (stmt);
  return TRUE;
}

static gboolean
add_groups (CwDemoRun  *run,
            gint64      group_ids[N_GROUPS],
            GError    **error)
{
  sqlite3_stmt *stmt;

  stmt = cw_demo_prepare (run, "INSERT INTO user_groups (name, description) VALUES (?, ?)", error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < N_GROUPS; i++)
    {
      sqlite3_bind_text (stmt, 1, groups[i].name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, groups[i].description, -1, SQLITE_STATIC);
      if (!cw_demo_step (run, stmt, error))
        {
          sqlite3_finalize (stmt);
          return FALSE;
        }
      group_ids[i] = sqlite3_last_insert_rowid (run->db);
    }

  sqlite3_finalize (stmt);
  return TRUE;
}

static gboolean
add_member (CwDemoRun     *run,
            sqlite3_stmt  *stmt,
            gint64         group_id,
            gint64         user_id,
            GError       **error)
{
  sqlite3_bind_int64 (stmt, 1, group_id);
  sqlite3_bind_int64 (stmt, 2, user_id);
  return cw_demo_step (run, stmt, error);
}

gboolean
cw_demo_add_people (CwDemoRun  *run,
                    GError    **error)
{
  g_autoptr(GHashTable) usernames = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gint64 group_ids[N_GROUPS];
  sqlite3_stmt *users = NULL;
  sqlite3_stmt *members = NULL;
  gboolean ok = FALSE;
  guint technician = 0;

  if (!add_sites (run, error) || !add_groups (run, group_ids, error))
    return FALSE;

  users = cw_demo_prepare (run,
                           "INSERT INTO users (username, full_name, email, role, site_id) "
                           "VALUES (?, ?, ?, ?, ?)", error);
  members = cw_demo_prepare (run,
                             "INSERT OR IGNORE INTO group_members (group_id, user_id) VALUES (?, ?)",
                             error);
  if (users == NULL || members == NULL)
    goto out;

  for (guint s = 0; s < run->site_ids->len; s++)
    {
      for (guint r = 0; r < G_N_ELEMENTS (site_roles); r++)
        {
          const char *role = site_roles[r];
          const char *first = first_names[cw_demo_rng_below (&run->rng, G_N_ELEMENTS (first_names))];
          const char *last = last_names[cw_demo_rng_below (&run->rng, G_N_ELEMENTS (last_names))];
          g_autofree char *full_name = g_strdup_printf ("%s %s", first, last);
          g_autofree char *username = make_username (first, last);
          g_autofree char *email = NULL;
          gint64 user_id;

          /* Namesakes get a number, as directories do. */
          for (guint n = 2; g_hash_table_contains (usernames, username); n++)
            {
              g_autofree char *base = make_username (first, last);
              g_free (username);
              username = g_strdup_printf ("%s%u", base, n);
            }
          g_hash_table_add (usernames, g_strdup (username));
          email = g_strdup_printf ("%s@example.com", username);

          sqlite3_bind_text (users, 1, username, -1, SQLITE_STATIC);
          sqlite3_bind_text (users, 2, full_name, -1, SQLITE_STATIC);
          sqlite3_bind_text (users, 3, email, -1, SQLITE_STATIC);
          sqlite3_bind_text (users, 4, role, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (users, 5, g_array_index (run->site_ids, gint64, s));
          if (!cw_demo_step (run, users, error))
            goto out;
          user_id = sqlite3_last_insert_rowid (run->db);

          if (g_str_equal (role, "lead"))
            {
              if (!add_member (run, members, group_ids[GROUP_CAB], user_id, error))
                goto out;
            }
          else if (g_str_equal (role, "coordinator"))
            {
              if (!add_member (run, members, group_ids[GROUP_COMMS], user_id, error))
                goto out;
              /* Some coordinators sit on the CAB as its secretary. */
              if (cw_demo_rng_chance (&run->rng, 25) &&
                  !add_member (run, members, group_ids[GROUP_CAB], user_id, error))
                goto out;
            }
          else
            {
              /* Every technical team gets people; many know a second area. */
              guint team = technician++ % GROUP_CAB;
              if (!add_member (run, members, group_ids[team], user_id, error))
                goto out;
              if (cw_demo_rng_chance (&run->rng, 40) &&
                  !add_member (run, members,
                               group_ids[cw_demo_rng_below (&run->rng, GROUP_CAB)],
                               user_id, error))
                goto out;
            }
        }
    }

  ok = TRUE;

out:
  sqlite3_finalize (users);
  sqlite3_finalize (members);
  return ok;
}
