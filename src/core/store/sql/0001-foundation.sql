-- 0001-foundation.sql
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- The ground every pane stands on: workspace facts, sites, people, groups and
-- configuration items. Later migrations add their own tables.

CREATE TABLE workspace_meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE sites (
  id        INTEGER PRIMARY KEY,
  code      TEXT NOT NULL UNIQUE,
  name      TEXT NOT NULL,
  city      TEXT,
  country   TEXT,
  time_zone TEXT NOT NULL,          -- IANA name, e.g. Europe/Berlin
  sys_id    TEXT UNIQUE
);

CREATE TABLE users (
  id        INTEGER PRIMARY KEY,
  username  TEXT NOT NULL UNIQUE,
  full_name TEXT NOT NULL,
  email     TEXT,
  role      TEXT NOT NULL CHECK (role IN ('lead', 'technician', 'coordinator')),
  site_id   INTEGER REFERENCES sites (id) ON DELETE SET NULL,
  sys_id    TEXT UNIQUE
);
CREATE INDEX users_site ON users (site_id);

CREATE TABLE user_groups (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  description TEXT,
  sys_id      TEXT UNIQUE
);

CREATE TABLE group_members (
  group_id INTEGER NOT NULL REFERENCES user_groups (id) ON DELETE CASCADE,
  user_id  INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  PRIMARY KEY (group_id, user_id)
) WITHOUT ROWID;
CREATE INDEX group_members_user ON group_members (user_id);

CREATE TABLE cis (
  id                 INTEGER PRIMARY KEY,
  class              TEXT NOT NULL,
  name               TEXT NOT NULL,
  manufacturer       TEXT,
  model              TEXT,
  serial             TEXT,
  asset_tag          TEXT,
  site_id            INTEGER REFERENCES sites (id) ON DELETE SET NULL,
  ip_address         TEXT,
  firmware_version   TEXT,
  os_version         TEXT,
  lifecycle_status   TEXT NOT NULL DEFAULT 'installed',
  operational_status TEXT NOT NULL DEFAULT 'operational',
  sys_id             TEXT UNIQUE,
  notes              TEXT,
  updated_at         TEXT NOT NULL        -- ISO 8601, UTC
);
CREATE INDEX cis_site ON cis (site_id);
CREATE INDEX cis_name ON cis (name);
