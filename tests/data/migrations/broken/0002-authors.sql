-- SPDX-License-Identifier: GPL-3.0-or-later
ALTER TABLE notes ADD COLUMN author TEXT;
CREATE TABLE tags (note_id INTEGER NOT NULL REFERENCES notes (id), tag TEXT NOT NULL);
