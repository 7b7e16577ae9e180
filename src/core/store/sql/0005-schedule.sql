-- 0005-schedule.sql
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- The maintenance calendar: maintenance windows, blackouts (freezes) and
-- planned work. Instants are INTEGER Unix seconds, UTC. A window is
-- wall-clock time in its own IANA zone: its start, exdates and overrides are
-- local date-times 'YYYY-MM-DDTHH:MM:SS' in that zone (see cw-schedule.h for
-- the daylight-saving rules).

CREATE TABLE maintenance_windows (
  id             INTEGER PRIMARY KEY,
  uid            TEXT NOT NULL UNIQUE,        -- stable, for ICS
  name           TEXT NOT NULL,
  description    TEXT,
  tzid           TEXT NOT NULL,               -- IANA name
  start_local    TEXT NOT NULL,               -- DTSTART, local in tzid
  duration_min   INTEGER NOT NULL CHECK (duration_min > 0),
  rrule          TEXT,                        -- RFC 5545 RRULE value, NULL: once
  max_concurrent INTEGER CHECK (max_concurrent IS NULL OR max_concurrent > 0),
  scope_all      INTEGER NOT NULL DEFAULT 0 CHECK (scope_all IN (0, 1)),
  -- The span of every occurrence (overrides included), kept so that range
  -- queries skip windows that cannot reach them. last_end NULL: unbounded.
  first_start    INTEGER NOT NULL,
  last_end       INTEGER
);
CREATE INDEX maintenance_windows_name ON maintenance_windows (name);

CREATE TABLE window_exdates (
  window_id   INTEGER NOT NULL REFERENCES maintenance_windows (id) ON DELETE CASCADE,
  start_local TEXT NOT NULL,                  -- an original local start left out
  PRIMARY KEY (window_id, start_local)
) WITHOUT ROWID;

-- RECURRENCE-ID overrides: one occurrence moved or cancelled.
CREATE TABLE window_overrides (
  window_id     INTEGER NOT NULL REFERENCES maintenance_windows (id) ON DELETE CASCADE,
  recurrence_id TEXT NOT NULL,                -- the original local start
  cancelled     INTEGER NOT NULL DEFAULT 0 CHECK (cancelled IN (0, 1)),
  start_local   TEXT,                         -- the new local start
  duration_min  INTEGER CHECK (duration_min IS NULL OR duration_min > 0),
  PRIMARY KEY (window_id, recurrence_id),
  CHECK (cancelled = 1 OR start_local IS NOT NULL)
) WITHOUT ROWID;

-- A scope row names one site, one CI class or one CI; a window covers a CI
-- matched by any of its rows (or every CI with scope_all).
CREATE TABLE window_scope (
  window_id INTEGER NOT NULL REFERENCES maintenance_windows (id) ON DELETE CASCADE,
  site_id   INTEGER REFERENCES sites (id) ON DELETE CASCADE,
  ci_class  TEXT,
  ci_id     INTEGER REFERENCES cis (id) ON DELETE CASCADE,
  CHECK ((site_id IS NOT NULL) + (ci_class IS NOT NULL) + (ci_id IS NOT NULL) = 1)
);
CREATE INDEX window_scope_window ON window_scope (window_id);
CREATE INDEX window_scope_ci ON window_scope (ci_id) WHERE ci_id IS NOT NULL;

CREATE TABLE blackouts (
  id        INTEGER PRIMARY KEY,
  uid       TEXT NOT NULL UNIQUE,
  name      TEXT NOT NULL,
  reason    TEXT,
  mode      TEXT NOT NULL DEFAULT 'block' CHECK (mode IN ('block', 'warn')),
  starts_at INTEGER NOT NULL,
  ends_at   INTEGER NOT NULL,
  tzid      TEXT,                             -- the zone it was defined in, NULL: UTC
  all_day   INTEGER NOT NULL DEFAULT 0 CHECK (all_day IN (0, 1)),
  scope_all INTEGER NOT NULL DEFAULT 0 CHECK (scope_all IN (0, 1)),
  CHECK (ends_at > starts_at)
);
CREATE INDEX blackouts_starts ON blackouts (starts_at);

CREATE TABLE blackout_scope (
  blackout_id INTEGER NOT NULL REFERENCES blackouts (id) ON DELETE CASCADE,
  site_id     INTEGER REFERENCES sites (id) ON DELETE CASCADE,
  ci_class    TEXT,
  ci_id       INTEGER REFERENCES cis (id) ON DELETE CASCADE,
  CHECK ((site_id IS NOT NULL) + (ci_class IS NOT NULL) + (ci_id IS NOT NULL) = 1)
);
CREATE INDEX blackout_scope_blackout ON blackout_scope (blackout_id);
CREATE INDEX blackout_scope_ci ON blackout_scope (ci_id) WHERE ci_id IS NOT NULL;

-- Planned work. The runbook is named, not linked: a version number of 0
-- means the latest version when conflicts are checked.
CREATE TABLE planned_work (
  id              INTEGER PRIMARY KEY,
  uid             TEXT NOT NULL UNIQUE,
  title           TEXT NOT NULL,
  description     TEXT,
  runbook_name    TEXT,
  runbook_version INTEGER NOT NULL DEFAULT 0 CHECK (runbook_version >= 0),
  starts_at       INTEGER NOT NULL,
  ends_at         INTEGER NOT NULL,
  assignee        TEXT,                       -- a users.username or free text
  CHECK (ends_at > starts_at)
);
CREATE INDEX planned_work_starts ON planned_work (starts_at);

CREATE TABLE planned_work_cis (
  work_id INTEGER NOT NULL REFERENCES planned_work (id) ON DELETE CASCADE,
  ci_id   INTEGER NOT NULL REFERENCES cis (id) ON DELETE CASCADE,
  PRIMARY KEY (work_id, ci_id)
) WITHOUT ROWID;
CREATE INDEX planned_work_cis_ci ON planned_work_cis (ci_id);
