-- SPDX-License-Identifier: GPL-3.0-or-later
-- The first statement works, the second fails: the whole upgrade must roll back.
CREATE TABLE later (x INTEGER);
INSERT INTO no_such_table VALUES (1);
