-- 0003-compat.sql
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- The compatibility matrix: products and their versions, the rules that link
-- CIs to products, verdicts between two versions, and supported upgrade hops.

CREATE TABLE compat_products (
  id           INTEGER PRIMARY KEY,
  name         TEXT NOT NULL UNIQUE COLLATE NOCASE,
  vendor       TEXT,
  -- 1 when a user ordered the versions by hand: compat_versions.position
  -- then decides; 0 orders them with the version comparator.
  manual_order INTEGER NOT NULL DEFAULT 0 CHECK (manual_order IN (0, 1))
);

CREATE TABLE compat_versions (
  id             INTEGER PRIMARY KEY,
  product_id     INTEGER NOT NULL REFERENCES compat_products (id) ON DELETE CASCADE,
  version        TEXT NOT NULL,
  position       INTEGER NOT NULL DEFAULT 0,  -- used when manual_order = 1
  released       TEXT,                        -- YYYY-MM-DD
  end_of_support TEXT,                        -- YYYY-MM-DD
  approved       INTEGER NOT NULL DEFAULT 0 CHECK (approved IN (0, 1)),
  UNIQUE (product_id, version)
);
-- At most one approved (golden) version per product.
CREATE UNIQUE INDEX compat_versions_approved ON compat_versions (product_id)
  WHERE approved = 1;

-- How imported CIs are linked to a product without hand work. NULL matches
-- anything; model_pattern is a case-insensitive glob ("Catalyst 9*").
-- version_prefix is stripped from the field ("RHEL " in "RHEL 9.2"), and a
-- value without it does not match.
CREATE TABLE compat_rules (
  id             INTEGER PRIMARY KEY,
  product_id     INTEGER NOT NULL REFERENCES compat_products (id) ON DELETE CASCADE,
  manufacturer   TEXT,
  class          TEXT,
  model_pattern  TEXT,
  version_field  TEXT NOT NULL
                 CHECK (version_field IN ('firmware_version', 'os_version')),
  version_prefix TEXT NOT NULL DEFAULT ''
);
CREATE INDEX compat_rules_product ON compat_rules (product_id);

-- Further products a CI runs, listed by hand. They take precedence over a
-- rule for the same product.
CREATE TABLE compat_ci_components (
  ci_id      INTEGER NOT NULL REFERENCES cis (id) ON DELETE CASCADE,
  product_id INTEGER NOT NULL REFERENCES compat_products (id) ON DELETE CASCADE,
  version    TEXT NOT NULL,
  PRIMARY KEY (ci_id, product_id)
) WITHOUT ROWID;
CREATE INDEX compat_ci_components_product ON compat_ci_components (product_id);

-- A verdict between two versions, stored once with version_a <= version_b.
-- No row means untested.
CREATE TABLE compat_verdicts (
  version_a INTEGER NOT NULL REFERENCES compat_versions (id) ON DELETE CASCADE,
  version_b INTEGER NOT NULL REFERENCES compat_versions (id) ON DELETE CASCADE,
  verdict   TEXT NOT NULL
            CHECK (verdict IN ('compatible', 'caveat', 'incompatible', 'untested')),
  note      TEXT,
  source    TEXT,                             -- a URL or a document
  PRIMARY KEY (version_a, version_b),
  CHECK (version_a <= version_b)
) WITHOUT ROWID;
CREATE INDEX compat_verdicts_b ON compat_verdicts (version_b);

-- A supported direct upgrade: from any version in [from_min, from_max] (in
-- the product's order) straight to to_version.
CREATE TABLE compat_paths (
  id         INTEGER PRIMARY KEY,
  product_id INTEGER NOT NULL REFERENCES compat_products (id) ON DELETE CASCADE,
  from_min   TEXT NOT NULL,
  from_max   TEXT NOT NULL,
  to_version TEXT NOT NULL,
  note       TEXT,
  UNIQUE (product_id, from_min, from_max, to_version)
);
