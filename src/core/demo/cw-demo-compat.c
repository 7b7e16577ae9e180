/* cw-demo-compat.c
 *
 * Copyright 2026 The Changeward developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cw-demo-compat"

#include "config.h"

#include <glib/gi18n.h>

#include "cw-compat.h"
#include "cw-demo-private.h"

/* The compatibility matrix of the demo: the products its CIs run (see the
 * models of cw-demo-cis.c), with real version names, older and newer than
 * what the CIs run; rules that link the CIs without hand work; upgrade paths
 * with the hops vendors require; and verdicts that the CIs meet through their
 * relations (cw-demo-links.c): a database on a host, an application on its
 * database, a hypervisor on its server and licence, a BMC in its server.
 *
 * Dates are days relative to the demo's clock, so that what is past its end
 * of support stays so whenever the demo is made. The matrix is small and the
 * same for any number of CIs. Notes and sources are demo data. */

#define IOS_XE  "Cisco IOS XE"
#define JUNOS   "Juniper Junos OS"
#define PANOS   "Palo Alto PAN-OS"
#define GAIA    "Check Point Gaia"
#define FORTIOS "Fortinet FortiOS"
#define ONTAP   "NetApp ONTAP"
#define ESXI    "VMware ESXi"
#define VSPHERE "VMware vSphere licence"
#define VAAI    "NetApp NFS Plug-in for VMware VAAI"
#define IDRAC   "Dell iDRAC9"
#define R650    "Dell PowerEdge R650 BIOS"
#define HPE_ROM "HPE ProLiant Gen10 System ROM"
#define RHEL    "Red Hat Enterprise Linux"
#define PGSQL   "PostgreSQL"
#define JIRA    "Jira Software"

/* No end of support announced. */
#define OPEN G_MININT

/* How many VMware hosts get the NFS plug-in listed by hand. */
#define N_PLUGIN_HOSTS 24

static const struct {
  const char *name;
  const char *vendor;
} products[] = {
  { IOS_XE,  "Cisco" },
  { JUNOS,   "Juniper Networks" },
  { PANOS,   "Palo Alto Networks" },
  { GAIA,    "Check Point" },
  { FORTIOS, "Fortinet" },
  { ONTAP,   "NetApp" },
  { ESXI,    "VMware by Broadcom" },
  { VSPHERE, "VMware by Broadcom" },
  { VAAI,    "NetApp" },
  { IDRAC,   "Dell" },
  { R650,    "Dell" },
  { HPE_ROM, "HPE" },
  { RHEL,    "Red Hat" },
  { PGSQL,   "PostgreSQL Global Development Group" },
  { JIRA,    "Atlassian" },
};

/* Released and end of support in days from the demo's clock; one approved
 * (golden) version per product. */
static const struct {
  const char *product;
  const char *version;
  int         released;
  int         end_of_support;
  gboolean    approved;
} versions[] = {
  { IOS_XE, "17.3.4c",     -1520,  -130, FALSE },
  { IOS_XE, "17.3.8a",      -720,  -130, FALSE },
  { IOS_XE, "17.6.5",      -1060,   240, FALSE },
  { IOS_XE, "17.6.6a",      -560,   240, FALSE },
  { IOS_XE, "17.9.4a",      -640,   820, TRUE },
  { IOS_XE, "17.9.5",       -410,   820, FALSE },
  { IOS_XE, "17.12.3",      -300,  1450, FALSE },
  { IOS_XE, "17.15.1",       -90,  1900, FALSE },

  { JUNOS, "20.4R3-S7",    -1010,  -210, FALSE },
  { JUNOS, "21.2R3-S6",     -820,   -40, FALSE },
  { JUNOS, "21.4R3-S5",     -660,   210, TRUE },
  { JUNOS, "22.2R3",        -610,   480, FALSE },
  { JUNOS, "22.4R3",        -420,   730, FALSE },
  { JUNOS, "23.2R2",        -210,  1000, FALSE },

  { PANOS, "10.1.11",       -800,   -60, FALSE },
  { PANOS, "10.1.14",       -420,   -60, FALSE },
  { PANOS, "10.2.7",        -760,   480, FALSE },
  { PANOS, "10.2.10",       -330,   480, TRUE },
  { PANOS, "11.0.3",        -600,    60, FALSE },
  { PANOS, "11.1.4",        -200,   900, FALSE },

  { GAIA, "R80.40",        -2000,  -600, FALSE },
  { GAIA, "R81",           -1450,  -150, FALSE },
  { GAIA, "R81.10",        -1100,    70, FALSE },
  { GAIA, "R81.20",         -750,   820, TRUE },
  { GAIA, "R82",            -120,  1400, FALSE },

  { FORTIOS, "7.0.12",      -700,   -20, FALSE },
  { FORTIOS, "7.0.15",      -330,   -20, FALSE },
  { FORTIOS, "7.2.5",       -640,   400, FALSE },
  { FORTIOS, "7.2.8",       -280,   400, TRUE },
  { FORTIOS, "7.4.3",       -300,   950, FALSE },
  { FORTIOS, "7.4.4",       -230,   950, FALSE },

  { ONTAP, "9.10.1P16",     -980,   -60, FALSE },
  { ONTAP, "9.11.1P8",      -820,   300, FALSE },
  { ONTAP, "9.12.1P3",      -700,   700, FALSE },
  { ONTAP, "9.12.1P10",     -310,   700, FALSE },
  { ONTAP, "9.13.1",        -600,   900, FALSE },
  { ONTAP, "9.13.1P6",      -250,   900, TRUE },
  { ONTAP, "9.14.1P2",      -150,  1100, FALSE },

  { ESXI, "6.7U3",         -2500, -1130, FALSE },
  { ESXI, "7.0U2",         -2050,   -50, FALSE },
  { ESXI, "7.0U3",         -1830,   -50, FALSE },
  { ESXI, "8.0U1",         -1300,   690, FALSE },
  { ESXI, "8.0U2",         -1030,   690, TRUE },
  { ESXI, "8.0U3",          -520,   690, FALSE },

  { VSPHERE, "7",          -2200,   -50, FALSE },
  { VSPHERE, "8",          -1500,   690, TRUE },

  { VAAI, "2.0",           -1400,   300, FALSE },
  { VAAI, "2.0.1",         -1000,  OPEN, TRUE },

  { IDRAC, "5.10.50.00",   -1130,  -300, FALSE },
  { IDRAC, "6.00.30.00",    -980,   200, FALSE },
  { IDRAC, "6.10.30.00",    -760,   500, FALSE },
  { IDRAC, "6.10.80.00",    -560,   500, FALSE },
  { IDRAC, "7.00.00.00",    -420,   900, FALSE },
  { IDRAC, "7.00.30.00",    -300,   900, TRUE },
  { IDRAC, "7.10.30.00",    -100,  1200, FALSE },

  { R650, "1.8.2",          -900,  OPEN, FALSE },
  { R650, "1.10.2",         -640,  OPEN, FALSE },
  { R650, "1.11.2",         -450,  OPEN, FALSE },
  { R650, "1.12.1",         -290,  OPEN, TRUE },
  { R650, "1.13.2",          -80,  OPEN, FALSE },

  { HPE_ROM, "2.76",        -820,  OPEN, FALSE },
  { HPE_ROM, "2.90",        -580,  OPEN, FALSE },
  { HPE_ROM, "3.00",        -400,  OPEN, TRUE },
  { HPE_ROM, "3.10",        -190,  OPEN, FALSE },

  { RHEL, "8.6",           -1650,  -300, FALSE },
  { RHEL, "8.8",           -1290,   160, FALSE },
  { RHEL, "8.10",           -910,   950, FALSE },
  { RHEL, "9.2",           -1290,   160, FALSE },
  { RHEL, "9.4",            -930,   550, TRUE },
  { RHEL, "9.6",            -190,  1100, FALSE },

  { PGSQL, "13.13",        -1100,   -20, FALSE },
  { PGSQL, "14.10",        -1100,   350, FALSE },
  { PGSQL, "14.15",         -730,   350, FALSE },
  { PGSQL, "15.4",         -1190,   710, FALSE },
  { PGSQL, "15.5",         -1100,   710, FALSE },
  { PGSQL, "15.10",         -370,   710, FALSE },
  { PGSQL, "16.6",          -370,  1080, TRUE },
  { PGSQL, "17.2",          -370,  1450, FALSE },

  { JIRA, "8.20.30",        -780,  -260, FALSE },
  { JIRA, "9.4.14",         -680,   -90, FALSE },
  { JIRA, "9.12.1",         -690,   400, FALSE },
  { JIRA, "9.12.15",        -200,   400, TRUE },
  { JIRA, "10.3.3",          -90,  1000, FALSE },
};

/* NULL matches anything. Prefixes are stripped from the CI's value. */
static const struct {
  const char *product;
  const char *manufacturer;
  const char *klass;
  const char *model_pattern;
  CwCiField   field;
  const char *prefix;
} rules[] = {
  { IOS_XE,  "Cisco", "switch", "Catalyst 9*", CW_CI_FIELD_OS_VERSION, "" },
  { IOS_XE,  "Cisco", "controller", "Catalyst 9800*", CW_CI_FIELD_OS_VERSION, "" },
  { IOS_XE,  "Cisco", "router", "ISR 4*", CW_CI_FIELD_OS_VERSION, "" },
  { JUNOS,   "Juniper", NULL, NULL, CW_CI_FIELD_OS_VERSION, "" },
  { PANOS,   "Palo Alto Networks", "firewall", "PA-*", CW_CI_FIELD_OS_VERSION, "" },
  { GAIA,    "Check Point", "firewall", NULL, CW_CI_FIELD_OS_VERSION, "" },
  { FORTIOS, "Fortinet", "firewall", "FortiGate*", CW_CI_FIELD_OS_VERSION, "" },
  { ONTAP,   "NetApp", "storage", "AFF *", CW_CI_FIELD_OS_VERSION, "" },
  { ESXI,    "VMware", "hypervisor", "ESXi", CW_CI_FIELD_OS_VERSION, "" },
  { VSPHERE, "VMware", "licence", "vSphere*", CW_CI_FIELD_OS_VERSION, "" },
  { IDRAC,   "Dell", "controller", "iDRAC9*", CW_CI_FIELD_FIRMWARE_VERSION, "" },
  { R650,    "Dell", "server", "PowerEdge R650", CW_CI_FIELD_FIRMWARE_VERSION, "" },
  { HPE_ROM, "HPE", "server", "ProLiant * Gen10", CW_CI_FIELD_FIRMWARE_VERSION, "U30 " },
  { RHEL,    NULL, "server", NULL, CW_CI_FIELD_OS_VERSION, "RHEL " },
  { PGSQL,   NULL, "database", "PostgreSQL*", CW_CI_FIELD_OS_VERSION, "" },
  { JIRA,    "Atlassian", "application", "Jira*", CW_CI_FIELD_OS_VERSION, "" },
};

/* Supported direct upgrades: from any version in [from_min, from_max] to
 * each of the space-separated versions of @to. */
static const struct {
  const char *product;
  const char *from_min;
  const char *from_max;
  const char *to;
  const char *note;
} paths[] = {
  { IOS_XE, "17.3.4c", "17.3.4c", "17.3.8a", "Rebuild within the 17.3 train, install mode." },
  { IOS_XE, "17.3.4c", "17.3.8a", "17.6.5 17.6.6a",
    "From 17.3 only to 17.6: the 17.9 images need the 17.6 ROMMON first." },
  { IOS_XE, "17.6.5", "17.6.5", "17.6.6a", "Rebuild within the 17.6 train." },
  { IOS_XE, "17.6.5", "17.6.6a", "17.9.4a 17.9.5",
    "Install mode; ROMMON 17.9.1r is loaded with it." },
  { IOS_XE, "17.9.4a", "17.9.4a", "17.9.5", "Rebuild within the 17.9 train." },
  { IOS_XE, "17.9.4a", "17.9.5", "17.12.3", "Extended maintenance to extended maintenance." },
  { IOS_XE, "17.12.3", "17.12.3", "17.15.1", "Extended maintenance to extended maintenance." },

  { JUNOS, "20.4R3-S7", "20.4R3-S7", "21.2R3-S6 21.4R3-S5",
    "EEOL release: up to the next two EEOL releases directly." },
  { JUNOS, "21.2R3-S6", "21.2R3-S6", "21.4R3-S5 22.2R3", "Up to three releases ahead." },
  { JUNOS, "21.4R3-S5", "21.4R3-S5", "22.2R3 22.4R3",
    "EEOL release: up to the next two EEOL releases directly." },
  { JUNOS, "22.2R3", "22.4R3", "23.2R2", "Up to three releases ahead." },

  { PANOS, "10.1.11", "10.1.11", "10.1.14", "Maintenance release." },
  { PANOS, "10.1.11", "10.1.14", "10.2.7 10.2.10",
    "Each feature release in turn: download the base image of the next one first." },
  { PANOS, "10.2.7", "10.2.7", "10.2.10", "Maintenance release." },
  { PANOS, "10.2.7", "10.2.10", "11.0.3",
    "Each feature release in turn: download the base image of the next one first." },
  { PANOS, "11.0.3", "11.0.3", "11.1.4",
    "Each feature release in turn: download the base image of the next one first." },

  { GAIA, "R80.40", "R80.40", "R81 R81.10 R81.20", "CPUSE upgrade, clean install not needed." },
  { GAIA, "R81", "R81.10", "R81.20", "CPUSE upgrade." },
  { GAIA, "R81", "R81", "R81.10", "CPUSE upgrade." },
  { GAIA, "R81.10", "R81.20", "R82", "CPUSE upgrade; Management Server first." },

  { FORTIOS, "7.0.12", "7.0.12", "7.0.15", "Maintenance release." },
  { FORTIOS, "7.0.15", "7.0.15", "7.2.8",
    "The Fortinet upgrade path leaves 7.0 only from 7.0.15." },
  { FORTIOS, "7.2.5", "7.2.5", "7.2.8", "Maintenance release." },
  { FORTIOS, "7.2.8", "7.2.8", "7.4.3 7.4.4",
    "The Fortinet upgrade path leaves 7.2 only from 7.2.8." },
  { FORTIOS, "7.4.3", "7.4.3", "7.4.4", "Maintenance release." },

  { ONTAP, "9.10.1P16", "9.10.1P16", "9.11.1P8", "Automated non-disruptive upgrade." },
  { ONTAP, "9.11.1P8", "9.11.1P8", "9.12.1P3 9.12.1P10", "Automated non-disruptive upgrade." },
  { ONTAP, "9.12.1P3", "9.12.1P3", "9.12.1P10", "Patch release." },
  { ONTAP, "9.12.1P3", "9.12.1P10", "9.13.1 9.13.1P6", "Automated non-disruptive upgrade." },
  { ONTAP, "9.13.1", "9.13.1", "9.13.1P6", "Patch release." },
  { ONTAP, "9.13.1", "9.13.1P6", "9.14.1P2", "Automated non-disruptive upgrade." },

  { ESXI, "6.7U3", "6.7U3", "7.0U3", "vSphere Lifecycle Manager baseline." },
  { ESXI, "7.0U2", "7.0U2", "7.0U3", "Update release." },
  { ESXI, "7.0U2", "7.0U3", "8.0U1 8.0U2 8.0U3",
    "vCenter Server 8.0 first; then remediate each host from an image." },
  { ESXI, "8.0U1", "8.0U1", "8.0U2", "Update release." },
  { ESXI, "8.0U1", "8.0U2", "8.0U3", "Update release." },

  { VSPHERE, "7", "7", "8", "A new key from the Broadcom support portal." },
  { VAAI, "2.0", "2.0", "2.0.1", "Install the new VIB; the host needs a reboot." },

  { IDRAC, "5.10.50.00", "6.00.30.00", "6.10.30.00 6.10.80.00",
    "Firmware before 6.10 cannot take a 7.x image directly." },
  { IDRAC, "6.10.30.00", "6.10.30.00", "6.10.80.00", "Update package." },
  { IDRAC, "6.10.30.00", "6.10.80.00", "7.00.00.00 7.00.30.00", "Update package." },
  { IDRAC, "7.00.00.00", "7.00.00.00", "7.00.30.00", "Update package." },
  { IDRAC, "7.00.00.00", "7.00.30.00", "7.10.30.00", "Update package." },

  { R650, "1.8.2", "1.8.2", "1.10.2", "Update package." },
  { R650, "1.8.2", "1.10.2", "1.11.2", "Update package." },
  { R650, "1.8.2", "1.11.2", "1.12.1", "Update package." },
  { R650, "1.8.2", "1.12.1", "1.13.2", "Update package." },

  { HPE_ROM, "2.76", "2.76", "2.90", "Online ROM flash component." },
  { HPE_ROM, "2.76", "2.90", "3.00", "Online ROM flash component." },
  { HPE_ROM, "2.76", "3.00", "3.10", "Online ROM flash component." },

  { RHEL, "8.6", "8.6", "8.8", "Minor release: dnf update." },
  { RHEL, "8.6", "8.8", "8.10", "Minor release: dnf update." },
  { RHEL, "8.8", "8.8", "9.2", "In-place upgrade with Leapp." },
  { RHEL, "8.10", "8.10", "9.4 9.6", "In-place upgrade with Leapp." },
  { RHEL, "9.2", "9.2", "9.4", "Minor release: dnf update." },
  { RHEL, "9.2", "9.4", "9.6", "Minor release: dnf update." },

  { PGSQL, "14.10", "14.10", "14.15", "Minor release: replace the binaries." },
  { PGSQL, "15.4", "15.4", "15.5", "Minor release: replace the binaries." },
  { PGSQL, "15.4", "15.5", "15.10", "Minor release: replace the binaries." },
  { PGSQL, "13.13", "13.13", "14.15 15.10 16.6", "Major release: pg_upgrade." },
  { PGSQL, "14.10", "14.15", "15.10 16.6 17.2", "Major release: pg_upgrade." },
  { PGSQL, "15.4", "15.10", "16.6 17.2", "Major release: pg_upgrade." },
  { PGSQL, "16.6", "16.6", "17.2", "Major release: pg_upgrade." },

  { JIRA, "8.20.30", "8.20.30", "9.4.14", "Long Term Support release to the next one." },
  { JIRA, "9.4.14", "9.4.14", "9.12.1 9.12.15", "Long Term Support release to the next one." },
  { JIRA, "9.12.1", "9.12.1", "9.12.15", "Bug-fix release." },
  { JIRA, "9.12.1", "9.12.15", "10.3.3", "Long Term Support release to the next one." },
};

#define VMWARE_HCL "https://www.vmware.com/resources/compatibility"
#define NETAPP_IMT "https://imt.netapp.com/matrix/"
#define PGDG_YUM   "https://yum.postgresql.org"

/* Every version of @a_versions against every one of @b_versions. */
static const struct {
  const char      *a;
  const char      *a_versions;
  const char      *b;
  const char      *b_versions;
  CwCompatVerdict  verdict;
  const char      *note;
  const char      *source;
} cells[] = {
  /* A database on its host. */
  { PGSQL, "17.2", RHEL, "8.6 8.8 9.2", CW_COMPAT_VERDICT_INCOMPATIBLE,
    "The PGDG packages of PostgreSQL 17 are built for RHEL 8.10 and 9.4 and need their "
    "libraries; update the host first.", PGDG_YUM },
  { PGSQL, "17.2", RHEL, "8.10 9.4 9.6", CW_COMPAT_VERDICT_COMPATIBLE, NULL, PGDG_YUM },
  { PGSQL, "16.6", RHEL, "8.6", CW_COMPAT_VERDICT_INCOMPATIBLE,
    "No PGDG packages of PostgreSQL 16 for RHEL 8.6.", PGDG_YUM },
  { PGSQL, "16.6", RHEL, "8.8 9.2", CW_COMPAT_VERDICT_CAVEAT,
    "Needs libicu from the latest minor release: enable the AppStream repository of the "
    "current release, or update the host first.", PGDG_YUM },
  { PGSQL, "16.6", RHEL, "8.10 9.4 9.6", CW_COMPAT_VERDICT_COMPATIBLE, NULL, PGDG_YUM },
  { PGSQL, "13.13 14.10 14.15 15.4 15.5 15.10", RHEL, "8.6 8.8 8.10 9.2 9.4",
    CW_COMPAT_VERDICT_COMPATIBLE, NULL, PGDG_YUM },

  /* An application on its database. */
  { JIRA, "8.20.30 9.4.14", PGSQL, "13.13 14.10 14.15", CW_COMPAT_VERDICT_COMPATIBLE, NULL,
    "Atlassian: Jira Software 9.4 supported platforms" },
  { JIRA, "8.20.30 9.4.14", PGSQL, "15.4 15.5 15.10 16.6 17.2",
    CW_COMPAT_VERDICT_INCOMPATIBLE, "Jira 9.4 supports PostgreSQL 10 to 14.",
    "Atlassian: Jira Software 9.4 supported platforms" },
  { JIRA, "9.12.1 9.12.15", PGSQL, "13.13 14.10 14.15 15.4 15.5 15.10",
    CW_COMPAT_VERDICT_COMPATIBLE, NULL, "Atlassian: Jira Software 9.12 supported platforms" },
  { JIRA, "9.12.1 9.12.15", PGSQL, "16.6 17.2", CW_COMPAT_VERDICT_INCOMPATIBLE,
    "Jira 9.12 supports PostgreSQL 12 to 15.",
    "Atlassian: Jira Software 9.12 supported platforms" },
  { JIRA, "10.3.3", PGSQL, "14.10 14.15 15.4 15.5 15.10 16.6", CW_COMPAT_VERDICT_COMPATIBLE,
    NULL, "Atlassian: Jira Software 10.3 supported platforms" },
  { JIRA, "10.3.3", PGSQL, "17.2", CW_COMPAT_VERDICT_CAVEAT,
    "Supported from Jira 10.3.3 with the bundled JDBC driver only.",
    "Atlassian: Jira Software 10.3 supported platforms" },

  /* A hypervisor on its licence, its own plug-in and its server. */
  { ESXI, "8.0U1 8.0U2 8.0U3", VSPHERE, "7", CW_COMPAT_VERDICT_INCOMPATIBLE,
    "A vSphere 7 key does not licence ESXi 8 hosts.", "VMware vSphere 8 licensing FAQ" },
  { ESXI, "8.0U1 8.0U2 8.0U3", VSPHERE, "8", CW_COMPAT_VERDICT_COMPATIBLE, NULL,
    "VMware vSphere 8 licensing FAQ" },
  { ESXI, "6.7U3 7.0U2 7.0U3", VSPHERE, "7", CW_COMPAT_VERDICT_COMPATIBLE, NULL,
    "VMware vSphere 8 licensing FAQ" },
  { ESXI, "7.0U2 7.0U3", VSPHERE, "8", CW_COMPAT_VERDICT_CAVEAT,
    "Downgrade the vSphere 8 key to 7 in the Broadcom support portal before assigning it.",
    "Broadcom KB: Downgrading vSphere license keys" },
  { ESXI, "8.0U1 8.0U2 8.0U3", VAAI, "2.0", CW_COMPAT_VERDICT_INCOMPATIBLE,
    "Version 2.0 of the plug-in does not load on ESXi 8.0; install 2.0.1 first.", NETAPP_IMT },
  { ESXI, "8.0U1 8.0U2 8.0U3", VAAI, "2.0.1", CW_COMPAT_VERDICT_COMPATIBLE, NULL, NETAPP_IMT },
  { ESXI, "7.0U2 7.0U3", VAAI, "2.0 2.0.1", CW_COMPAT_VERDICT_COMPATIBLE, NULL, NETAPP_IMT },
  { ESXI, "8.0U2 8.0U3", R650, "1.8.2 1.10.2", CW_COMPAT_VERDICT_INCOMPATIBLE,
    "Certified for ESXi 8.0 U2 from BIOS 1.11.2: older BIOS releases lose the NVMe boot "
    "device after the upgrade.", VMWARE_HCL " (PowerEdge R650)" },
  { ESXI, "8.0U2 8.0U3", R650, "1.11.2 1.12.1 1.13.2", CW_COMPAT_VERDICT_COMPATIBLE, NULL,
    VMWARE_HCL " (PowerEdge R650)" },
  { ESXI, "7.0U2 7.0U3 8.0U1", R650, "1.8.2 1.10.2 1.11.2 1.12.1 1.13.2",
    CW_COMPAT_VERDICT_COMPATIBLE, NULL, VMWARE_HCL " (PowerEdge R650)" },
  { ESXI, "8.0U2 8.0U3", HPE_ROM, "2.76 2.90", CW_COMPAT_VERDICT_CAVEAT,
    "Certified with System ROM 3.00 (SPP 2023.09) or later; update the ROM in the same "
    "window.", VMWARE_HCL " (ProLiant DL380 Gen10)" },
  { ESXI, "7.0U3 8.0U1 8.0U2 8.0U3", HPE_ROM, "3.00 3.10", CW_COMPAT_VERDICT_COMPATIBLE, NULL,
    VMWARE_HCL " (ProLiant DL380 Gen10)" },

  /* Storage and its hosts (NFS and iSCSI datastores). */
  { ESXI, "8.0U2 8.0U3", ONTAP, "9.10.1P16 9.11.1P8", CW_COMPAT_VERDICT_INCOMPATIBLE,
    "NFS 4.1 datastores on ESXi 8.0 U2 need ONTAP 9.12.1 or later.", NETAPP_IMT },
  { ESXI, "8.0U2 8.0U3", ONTAP, "9.12.1P3 9.12.1P10 9.13.1 9.13.1P6 9.14.1P2",
    CW_COMPAT_VERDICT_COMPATIBLE, NULL, NETAPP_IMT },
  { ONTAP, "9.11.1P8", RHEL, "9.2 9.4", CW_COMPAT_VERDICT_CAVEAT,
    "NFS and iSCSI are supported; NVMe/TCP hosts on RHEL 9 need ONTAP 9.12.1.", NETAPP_IMT },
  { ONTAP, "9.12.1P3 9.12.1P10 9.13.1 9.13.1P6", RHEL, "8.8 8.10 9.2 9.4",
    CW_COMPAT_VERDICT_COMPATIBLE, NULL, NETAPP_IMT },
  { ONTAP, "9.14.1P2", RHEL, "8.8", CW_COMPAT_VERDICT_CAVEAT,
    "Supported for NFS; set nconnect only from RHEL 8.10.", NETAPP_IMT },

  /* A BMC in its server. */
  { IDRAC, "7.10.30.00", R650, "1.8.2 1.10.2", CW_COMPAT_VERDICT_INCOMPATIBLE,
    "iDRAC9 7.10 needs BIOS 1.11.2 or later on 15th-generation PowerEdge servers.",
    "Dell iDRAC9 7.10.30.00 release notes" },
  { IDRAC, "7.00.00.00 7.00.30.00", R650, "1.8.2 1.10.2", CW_COMPAT_VERDICT_CAVEAT,
    "Telemetry streaming stays off until the BIOS is 1.11.2 or later.",
    "Dell iDRAC9 7.00.30.00 release notes" },
  { IDRAC, "6.10.30.00 6.10.80.00 7.00.00.00 7.00.30.00 7.10.30.00", R650,
    "1.11.2 1.12.1 1.13.2", CW_COMPAT_VERDICT_COMPATIBLE, NULL,
    "Dell iDRAC9 release notes" },
  { IDRAC, "6.10.30.00 6.10.80.00", R650, "1.8.2 1.10.2", CW_COMPAT_VERDICT_COMPATIBLE, NULL,
    "Dell iDRAC9 release notes" },

  /* Switches, routers and wireless controllers of one fabric. Later rows
   * override earlier ones. */
  { IOS_XE, "17.3.4c 17.3.8a 17.6.5 17.6.6a 17.9.4a 17.9.5", IOS_XE,
    "17.3.4c 17.3.8a 17.6.5 17.6.6a 17.9.4a 17.9.5", CW_COMPAT_VERDICT_COMPATIBLE, NULL,
    "Cisco SD-Access Compatibility Matrix" },
  { IOS_XE, "17.6.5 17.6.6a", IOS_XE, "17.9.4a 17.9.5", CW_COMPAT_VERDICT_CAVEAT,
    "17.6 and 17.9 in one fabric are supported during a rolling upgrade only.",
    "Cisco SD-Access Compatibility Matrix" },
  { IOS_XE, "17.3.4c 17.3.8a", IOS_XE, "17.9.4a 17.9.5 17.12.3 17.15.1",
    CW_COMPAT_VERDICT_INCOMPATIBLE,
    "Fabric nodes on 17.3 and on 17.9 or later cannot share an SD-Access fabric: keep them "
    "within one train of each other.", "Cisco SD-Access Compatibility Matrix" },

  /* Uplinks. */
  { JUNOS, "20.4R3-S7 21.2R3-S6 21.4R3-S5 22.2R3", JUNOS, "20.4R3-S7 21.2R3-S6 21.4R3-S5 22.2R3",
    CW_COMPAT_VERDICT_COMPATIBLE, NULL, "Juniper Junos OS release notes" },
  { JUNOS, "23.2R2", JUNOS, "20.4R3-S7", CW_COMPAT_VERDICT_CAVEAT,
    "EVPN type-5 routes from 20.4 peers need the legacy encoding knob.",
    "Juniper Junos OS 23.2R2 release notes" },
};

/* A small cache of product ids by name. */
typedef struct
{
  CwStore    *store;
  GHashTable *products;   /* name → gint64 id (in a pointer) */
} Matrix;

static gint64
product_id (Matrix     *matrix,
            const char *name)
{
  gpointer id = g_hash_table_lookup (matrix->products, name);

  g_assert (id != NULL);
  return GPOINTER_TO_SIZE (id);
}

static gint64
version_id (Matrix      *matrix,
            const char  *product,
            const char  *version,
            GError     **error)
{
  g_autoptr(CwCompatVersion) found = cw_compat_find_version (matrix->store,
                                                             product_id (matrix, product),
                                                             version, error);

  return found != NULL ? found->id : 0;
}

static char *
format_day (CwDemoRun *run,
            int        days)
{
  g_autoptr(GDateTime) day = NULL;

  if (days == OPEN)
    return NULL;

  day = g_date_time_add_days (run->now, days);
  return g_date_time_format (day, "%Y-%m-%d");
}

static gboolean
add_products (CwDemoRun  *run,
              Matrix     *matrix,
              GError    **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (products); i++)
    {
      gint64 id = cw_compat_add_product (matrix->store, products[i].name, products[i].vendor,
                                         error);

      if (id <= 0)
        return FALSE;
      g_hash_table_insert (matrix->products, (gpointer) products[i].name,
                           GSIZE_TO_POINTER ((gsize) id));
    }

  for (guint i = 0; i < G_N_ELEMENTS (versions); i++)
    {
      g_autofree char *released = format_day (run, versions[i].released);
      g_autofree char *end_of_support = format_day (run, versions[i].end_of_support);
      gint64 product = product_id (matrix, versions[i].product);
      gint64 id;

      id = cw_compat_add_version (matrix->store, product, versions[i].version, released,
                                  end_of_support, error);
      if (id <= 0)
        return FALSE;
      if (versions[i].approved && !cw_compat_set_approved (matrix->store, product, id, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
add_rules (Matrix  *matrix,
           GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      CwCompatRule rule = {
        .product_id = product_id (matrix, rules[i].product),
        .manufacturer = (char *) rules[i].manufacturer,
        .ci_class = (char *) rules[i].klass,
        .model_pattern = (char *) rules[i].model_pattern,
        .field = rules[i].field,
        .version_prefix = (char *) rules[i].prefix,
      };

      if (cw_compat_add_rule (matrix->store, &rule, error) <= 0)
        return FALSE;
    }

  return TRUE;
}

static gboolean
add_paths (Matrix  *matrix,
           GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_auto(GStrv) targets = g_strsplit (paths[i].to, " ", -1);
      gint64 product = product_id (matrix, paths[i].product);

      for (guint t = 0; targets[t] != NULL; t++)
        if (cw_compat_add_path (matrix->store, product, paths[i].from_min, paths[i].from_max,
                                targets[t], paths[i].note, error) <= 0)
          return FALSE;
    }

  return TRUE;
}

static gboolean
add_cells (Matrix  *matrix,
           GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    {
      g_auto(GStrv) a_versions = g_strsplit (cells[i].a_versions, " ", -1);
      g_auto(GStrv) b_versions = g_strsplit (cells[i].b_versions, " ", -1);
      g_autoptr(GArray) pairs = g_array_new (FALSE, FALSE, sizeof (gint64));

      for (guint a = 0; a_versions[a] != NULL; a++)
        {
          gint64 a_id = version_id (matrix, cells[i].a, a_versions[a], error);

          if (a_id == 0)
            return FALSE;

          for (guint b = 0; b_versions[b] != NULL; b++)
            {
              gint64 b_id = version_id (matrix, cells[i].b, b_versions[b], error);

              if (b_id == 0)
                return FALSE;
              g_array_append_val (pairs, a_id);
              g_array_append_val (pairs, b_id);
            }
        }

      if (!cw_compat_set_cells (matrix->store, (const gint64 *) (gpointer) pairs->data,
                                pairs->len / 2, cells[i].verdict, cells[i].note,
                                cells[i].source, error))
        return FALSE;
    }

  return TRUE;
}

/* The NFS plug-in is installed on ESXi hosts by hand and no CI field holds
 * its version: the first VMware hosts list it explicitly, 2.0 on ESXi 7 and
 * 2.0.1 on ESXi 8. Read back in the order of the ids, which stops after a few
 * hundred rows whatever the number of CIs. */
static gboolean
add_components (CwDemoRun  *run,
                Matrix     *matrix,
                GError    **error)
{
  g_autoptr(GArray) hosts = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) host_versions = g_ptr_array_new_with_free_func (g_free);
  gint64 plugin = product_id (matrix, VAAI);
  sqlite3_stmt *stmt;
  int rc;

  stmt = cw_demo_prepare (run,
                          "SELECT id, os_version FROM cis WHERE class = 'hypervisor' "
                          "AND manufacturer = 'VMware' AND os_version IS NOT NULL "
                          "ORDER BY id LIMIT ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int (stmt, 1, N_PLUGIN_HOSTS);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (hosts, id);
      g_ptr_array_add (host_versions, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return cw_store_set_sql_error (error, run->db, rc, _("Could not write the demo workspace"));

  for (guint i = 0; i < hosts->len; i++)
    {
      const char *host_version = g_ptr_array_index (host_versions, i);
      const char *version = g_str_has_prefix (host_version, "8.") ? "2.0.1" : "2.0";

      if (!cw_compat_set_component (matrix->store, g_array_index (hosts, gint64, i), plugin,
                                    version, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * cw_demo_add_compat:
 * @store: the workspace being filled, in the demo's transaction
 *
 * Adds the compatibility matrix, after the CIs and their relations.
 */
gboolean
cw_demo_add_compat (CwDemoRun  *run,
                    CwStore    *store,
                    GError    **error)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  Matrix matrix = { store, ids };

  if (g_cancellable_set_error_if_cancelled (run->cancellable, error))
    return FALSE;

  return add_products (run, &matrix, error) &&
         add_rules (&matrix, error) &&
         add_paths (&matrix, error) &&
         add_cells (&matrix, error) &&
         add_components (run, &matrix, error);
}
