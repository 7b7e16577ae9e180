-- 0004-runbook.sql
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Runbooks: versioned procedures. A version is a draft until approved; an
-- approved version and its steps never change (the triggers below refuse
-- it), so what is executed is exactly what was approved.

CREATE TABLE runbooks (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE COLLATE NOCASE,
  description TEXT,
  product     TEXT,   -- a compat product's name, or NULL
  ci_class    TEXT    -- a CI class, or NULL
);

CREATE TABLE runbook_versions (
  id          INTEGER PRIMARY KEY,
  runbook_id  INTEGER NOT NULL REFERENCES runbooks (id) ON DELETE CASCADE,
  number      INTEGER NOT NULL CHECK (number > 0),
  state       TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'approved')),
  author      TEXT,
  created_at  INTEGER NOT NULL,          -- Unix seconds
  approver    TEXT,
  approved_at INTEGER,
  buffer_min  INTEGER NOT NULL DEFAULT 0 CHECK (buffer_min >= 0),
  UNIQUE (runbook_id, number),
  CHECK (state = 'draft' OR (approver IS NOT NULL AND approved_at IS NOT NULL))
);

CREATE TABLE runbook_steps (
  version_id    INTEGER NOT NULL REFERENCES runbook_versions (id) ON DELETE CASCADE,
  position      INTEGER NOT NULL,
  step_id       TEXT NOT NULL,
  phase         TEXT NOT NULL,
  stream        TEXT,
  title         TEXT NOT NULL DEFAULT '',
  type          TEXT NOT NULL,
  instructions  TEXT,
  duration_min  INTEGER NOT NULL DEFAULT 0 CHECK (duration_min >= 0),
  predecessors  TEXT,                    -- step ids joined by ';'
  acceptance    TEXT,
  evidence      TEXT,                    -- "note;output;file"
  argv          TEXT,                    -- a JSON array of strings
  workdir       TEXT,
  timeout_s     INTEGER NOT NULL DEFAULT 0,
  expected_exit INTEGER NOT NULL DEFAULT 0,
  output_regex  TEXT,
  PRIMARY KEY (version_id, position)
) WITHOUT ROWID;

CREATE TRIGGER runbook_versions_approved_update
BEFORE UPDATE ON runbook_versions
WHEN OLD.state = 'approved'
BEGIN
  SELECT RAISE (ABORT, 'an approved runbook version cannot change');
END;

CREATE TRIGGER runbook_versions_approved_delete
BEFORE DELETE ON runbook_versions
WHEN OLD.state = 'approved'
BEGIN
  SELECT RAISE (ABORT, 'an approved runbook version cannot be removed');
END;

CREATE TRIGGER runbook_steps_approved_insert
BEFORE INSERT ON runbook_steps
WHEN (SELECT state FROM runbook_versions WHERE id = NEW.version_id) = 'approved'
BEGIN
  SELECT RAISE (ABORT, 'an approved runbook version cannot change');
END;

CREATE TRIGGER runbook_steps_approved_update
BEFORE UPDATE ON runbook_steps
WHEN (SELECT state FROM runbook_versions WHERE id = OLD.version_id) = 'approved'
BEGIN
  SELECT RAISE (ABORT, 'an approved runbook version cannot change');
END;

CREATE TRIGGER runbook_steps_approved_delete
BEFORE DELETE ON runbook_steps
WHEN (SELECT state FROM runbook_versions WHERE id = OLD.version_id) = 'approved'
BEGIN
  SELECT RAISE (ABORT, 'an approved runbook version cannot change');
END;
