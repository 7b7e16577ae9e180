-- SPDX-License-Identifier: GPL-3.0-or-later
CREATE TABLE workspace_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL);
