/* cw-demo-cis.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-demo-cis"

#include "config.h"

#include <glib/gi18n.h>

#include "cw-demo-private.h"

static const char * const class_names[CW_DEMO_N_CLASSES] = {
  [CW_DEMO_CLASS_SERVER] = "server",
  [CW_DEMO_CLASS_SWITCH] = "switch",
  [CW_DEMO_CLASS_ROUTER] = "router",
  [CW_DEMO_CLASS_FIREWALL] = "firewall",
  [CW_DEMO_CLASS_STORAGE] = "storage",
  [CW_DEMO_CLASS_CONTROLLER] = "controller",
  [CW_DEMO_CLASS_IOT] = "iot",
  [CW_DEMO_CLASS_HYPERVISOR] = "hypervisor",
  [CW_DEMO_CLASS_DATABASE] = "database",
  [CW_DEMO_CLASS_APPLICATION] = "application",
  [CW_DEMO_CLASS_CERTIFICATE] = "certificate",
  [CW_DEMO_CLASS_LICENCE] = "licence",
};

/* Real vendor version formats, several per model, so that the inventory shows
 * drift between sites from the first day. */
static const CwDemoModel models[] = {
  { CW_DEMO_CLASS_SERVER, "srv", 12, "Dell", "PowerEdge R650",
    { "1.10.2", "1.11.2", "1.12.1" }, { "RHEL 8.8", "RHEL 9.2", "Ubuntu 22.04.3" }, TRUE },
  { CW_DEMO_CLASS_SERVER, "srv", 10, "HPE", "ProLiant DL380 Gen10",
    { "U30 2.90", "U30 3.00", "U30 3.10" }, { "RHEL 8.8", "Windows Server 2022" }, TRUE },
  { CW_DEMO_CLASS_SERVER, "srv", 8, "Lenovo", "ThinkSystem SR650 V2",
    { "4.20", "4.30" }, { "SLES 15 SP5", "Ubuntu 22.04.3" }, TRUE },
  { CW_DEMO_CLASS_SWITCH, "sw", 8, "Cisco", "Catalyst 9300-48P",
    { "17.9.1r" }, { "17.9.4a", "17.6.5", "17.3.4c" }, TRUE },
  { CW_DEMO_CLASS_SWITCH, "sw", 5, "Arista", "7050SX3-48YC8",
    { "Aboot 9.0.3" }, { "4.28.3M", "4.30.1F" }, TRUE },
  { CW_DEMO_CLASS_SWITCH, "sw", 3, "Juniper", "EX4300-48T",
    { NULL }, { "21.4R3-S5", "20.4R3-S7" }, TRUE },
  { CW_DEMO_CLASS_ROUTER, "rtr", 3, "Cisco", "ISR 4451-X",
    { "16.12(2r)" }, { "17.6.5", "17.9.4a", "15.2(7)E8" }, TRUE },
  { CW_DEMO_CLASS_ROUTER, "rtr", 2, "Juniper", "MX204",
    { NULL }, { "21.4R3-S5", "22.2R3" }, TRUE },
  { CW_DEMO_CLASS_FIREWALL, "fw", 2, "Palo Alto Networks", "PA-3220",
    { NULL }, { "10.2.7", "10.1.11", "11.0.3" }, TRUE },
  { CW_DEMO_CLASS_FIREWALL, "fw", 1, "Check Point", "6600 Appliance",
    { NULL }, { "R81.20", "R81.10" }, TRUE },
  { CW_DEMO_CLASS_FIREWALL, "fw", 1, "Fortinet", "FortiGate 100F",
    { NULL }, { "7.2.5", "7.0.12" }, TRUE },
  { CW_DEMO_CLASS_STORAGE, "sto", 2, "NetApp", "AFF A250",
    { "SP 5.11" }, { "9.12.1P3", "9.11.1P8", "9.13.1" }, TRUE },
  { CW_DEMO_CLASS_STORAGE, "sto", 2, "Dell", "PowerStore 1000T",
    { NULL }, { "3.5.0.1", "3.2.0.0" }, TRUE },
  { CW_DEMO_CLASS_STORAGE, "sto", 1, "Pure Storage", "FlashArray//X20",
    { NULL }, { "6.3.10", "6.5.1" }, TRUE },
  { CW_DEMO_CLASS_CONTROLLER, "wlc", 2, "Cisco", "Catalyst 9800-40",
    { NULL }, { "17.9.4a", "17.6.5" }, TRUE },
  { CW_DEMO_CLASS_CONTROLLER, "ctl", 1, "Dell", "iDRAC9 Enterprise",
    { "6.10.30.00", "7.00.00.00" }, { NULL }, TRUE },
  { CW_DEMO_CLASS_IOT, "iot", 4, "Axis", "P3265-LVE",
    { "10.12.206", "11.5.64" }, { NULL }, TRUE },
  { CW_DEMO_CLASS_IOT, "iot", 3, "APC", "Smart-UPS SRT 5000 NMC3",
    { "2.4.0.3", "2.5.0.8" }, { NULL }, TRUE },
  { CW_DEMO_CLASS_IOT, "iot", 1, "Schneider Electric", "NetBotz 750",
    { "5.2.1", "5.3.0" }, { NULL }, TRUE },
  { CW_DEMO_CLASS_HYPERVISOR, "esx", 7, "VMware", "ESXi",
    { NULL }, { "7.0U3", "8.0U2", "7.0.3" }, TRUE },
  { CW_DEMO_CLASS_HYPERVISOR, "pve", 2, "Proxmox", "Virtual Environment",
    { NULL }, { "8.1.4", "7.4-17" }, TRUE },
  { CW_DEMO_CLASS_DATABASE, "db", 4, "PostgreSQL Global Development Group", "PostgreSQL",
    { NULL }, { "15.5", "15.4", "14.10" }, TRUE },
  { CW_DEMO_CLASS_DATABASE, "db", 3, "Oracle", "Database 19c",
    { NULL }, { "19.21", "19.20" }, TRUE },
  { CW_DEMO_CLASS_DATABASE, "db", 1, "Microsoft", "SQL Server 2019",
    { NULL }, { "15.0.4345.5", "15.0.4335.1" }, TRUE },
  { CW_DEMO_CLASS_APPLICATION, "app", 3, "Atlassian", "Jira Software",
    { NULL }, { "9.12.1", "9.4.14" }, TRUE },
  { CW_DEMO_CLASS_APPLICATION, "app", 3, "GitLab", "GitLab EE",
    { NULL }, { "16.7.2", "16.5.6" }, TRUE },
  { CW_DEMO_CLASS_APPLICATION, "app", 2, "SAP", "S/4HANA",
    { NULL }, { "2022 FPS01", "2021 FPS02" }, TRUE },
  { CW_DEMO_CLASS_CERTIFICATE, "crt", 3, "DigiCert", "TLS RSA SHA256 2020 CA1",
    { NULL }, { NULL }, FALSE },
  { CW_DEMO_CLASS_LICENCE, "lic", 1, "VMware", "vSphere Enterprise Plus",
    { NULL }, { "8" }, FALSE },
};

static const struct {
  const char *lifecycle;
  const char *operational;
  guint       weight;
} statuses[] = {
  { "installed",      "operational",        88 },
  { "installed",      "dr_standby",          3 },
  { "in_maintenance", "repair_in_progress",  3 },
  { "installed",      "non_operational",     2 },
  { "in_stock",       "ready",               2 },
  { "on_order",       "ready",               1 },
  { "retired",        "retired",             1 },
};

static guint
pick_weighted_model (CwDemoRng *rng,
                     guint      total)
{
  guint roll = cw_demo_rng_below (rng, total);

  for (guint i = 0; i < G_N_ELEMENTS (models); i++)
    {
      if (roll < models[i].weight)
        return i;
      roll -= models[i].weight;
    }

  return 0;
}

static guint
pick_status (CwDemoRng *rng)
{
  guint roll = cw_demo_rng_below (rng, 100);

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      if (roll < statuses[i].weight)
        return i;
      roll -= statuses[i].weight;
    }

  return 0;
}

/* Returns the index of the version in @versions, or -1 when there is none. */
static gint8
pick_version (CwDemoRng         *rng,
              const char * const versions[CW_DEMO_MAX_VERSIONS],
              guint              site)
{
  guint n = 0;

  while (n < CW_DEMO_MAX_VERSIONS && versions[n] != NULL)
    n++;
  if (n == 0)
    return -1;

  /* Each site mostly runs "its" version, with stragglers: drift by site. */
  if (cw_demo_rng_chance (rng, 70))
    return (gint8) (site % n);

  return (gint8) cw_demo_rng_below (rng, n);
}

static void
format_serial (CwDemoRng *rng,
               guint      index,
               char      *out,
               guint      length)
{
  static const char alphabet[] = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";
  const guint base = sizeof alphabet - 1;
  /* 34^5: the last five characters number the CI, scrambled by a factor
   * prime to 34, so that no two CIs share a serial (the import matches on
   * it) and neighbours do not look alike. */
  const guint64 span = 45435424;
  guint64 code = ((guint64) index + 1) * 12345679 % span;

  for (guint i = 0; i < length; i++)
    out[i] = alphabet[cw_demo_rng_below (rng, base)];
  for (guint i = 0; i < 5; i++, code /= base)
    out[length - 1 - i] = alphabet[code % base];
  out[length] = '\0';
}

const CwDemoModel *
cw_demo_get_model (guint index)
{
  g_assert (index < G_N_ELEMENTS (models));

  return &models[index];
}

void
cw_demo_format_ci_name (CwDemoRun      *run,
                        const CwDemoCi *ci,
                        char           *out,
                        gsize           size)
{
  /* The model index keeps names unique when two models share a prefix. */
  g_snprintf (out, size, "%s-%s%02u-%04u",
              (const char *) g_ptr_array_index (run->site_codes, ci->site),
              models[ci->model].prefix, ci->model, ci->number);
}

void
cw_demo_clear_cis (CwDemoRun *run)
{
  if (run->by_site_class != NULL)
    {
      for (guint i = 0; i < run->site_ids->len * CW_DEMO_N_CLASSES; i++)
        g_array_unref (run->by_site_class[i]);
      g_clear_pointer (&run->by_site_class, g_free);
    }
  g_clear_pointer (&run->cis, g_array_unref);
}

gboolean
cw_demo_add_cis (CwDemoRun  *run,
                 guint       n_cis,
                 GError    **error)
{
  g_autofree guint *counters = NULL;
  sqlite3_stmt *stmt;
  guint total_weight = 0;
  guint n_sites = run->site_ids->len;

  G_STATIC_ASSERT (G_N_ELEMENTS (models) <= G_MAXUINT8);
  g_assert (n_sites <= G_MAXUINT8);

  for (guint i = 0; i < G_N_ELEMENTS (models); i++)
    total_weight += models[i].weight;

  counters = g_new0 (guint, n_sites * G_N_ELEMENTS (models));

  run->cis = g_array_sized_new (FALSE, FALSE, sizeof (CwDemoCi), n_cis);
  run->by_site_class = g_new (GArray *, n_sites * CW_DEMO_N_CLASSES);
  for (guint i = 0; i < n_sites * CW_DEMO_N_CLASSES; i++)
    run->by_site_class[i] = g_array_new (FALSE, FALSE, sizeof (guint32));

  stmt = cw_demo_prepare (run,
                          "INSERT INTO cis (class, name, manufacturer, model, serial, asset_tag, "
                          "site_id, ip_address, firmware_version, os_version, lifecycle_status, "
                          "operational_status, notes, updated_at) "
                          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < n_cis; i++)
    {
      guint site = cw_demo_rng_below (&run->rng, n_sites);
      guint m = pick_weighted_model (&run->rng, total_weight);
      const CwDemoModel *model = &models[m];
      guint status = pick_status (&run->rng);
      CwDemoCi ci = { 0 };
      guint32 index = i;
      char name[64];
      char updated_at[CW_DEMO_TIME_SIZE];
      char serial[17];
      char asset_tag[16];
      char ip[32] = "";

      if (i % 8192 == 0 && g_cancellable_set_error_if_cancelled (run->cancellable, error))
        {
          sqlite3_finalize (stmt);
          return FALSE;
        }

      ci.site = site;
      ci.model = m;
      ci.number = ++counters[site * G_N_ELEMENTS (models) + m];

      cw_demo_format_ci_name (run, &ci, name, sizeof name);
      format_serial (&run->rng, i, serial, g_str_equal (model->manufacturer, "Dell") ? 7 : 12);
      g_snprintf (asset_tag, sizeof asset_tag, "AT-%07u", i + 1);
      if (model->has_ip)
        g_snprintf (ip, sizeof ip, "10.%u.%u.%u", site * 16 + (m % 16),
                    (ci.number / 250) % 256, ci.number % 250 + 1);

      ci.age_minutes = cw_demo_rng_below (&run->rng, 60 * 24 * 365);
      cw_demo_format_time (run->now_unix - (gint64) ci.age_minutes * 60, updated_at);
      ci.firmware = pick_version (&run->rng, model->firmware, site);
      ci.os = pick_version (&run->rng, model->os, site);

      sqlite3_bind_text (stmt, 1, class_names[model->klass], -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, model->manufacturer, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, model->model, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, serial, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, asset_tag, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 7, g_array_index (run->site_ids, gint64, site));
      if (ip[0] != '\0')
        sqlite3_bind_text (stmt, 8, ip, -1, SQLITE_STATIC);
      if (ci.firmware >= 0)
        sqlite3_bind_text (stmt, 9, model->firmware[ci.firmware], -1, SQLITE_STATIC);
      if (ci.os >= 0)
        sqlite3_bind_text (stmt, 10, model->os[ci.os], -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 11, statuses[status].lifecycle, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 12, statuses[status].operational, -1, SQLITE_STATIC);
      if (cw_demo_rng_chance (&run->rng, 5))
        sqlite3_bind_text (stmt, 13, "Spare parts kept on site.", -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 14, updated_at, -1, SQLITE_STATIC);

      if (!cw_demo_step (run, stmt, error))
        {
          sqlite3_finalize (stmt);
          return FALSE;
        }

      /* A fresh table numbers rows one after the other. */
      if (i == 0)
        run->first_ci_id = sqlite3_last_insert_rowid (run->db);
      g_assert (sqlite3_last_insert_rowid (run->db) == run->first_ci_id + i);

      g_array_append_val (run->cis, ci);
      g_array_append_val (run->by_site_class[site * CW_DEMO_N_CLASSES + model->klass], index);
    }

  sqlite3_finalize (stmt);
  return TRUE;
}
