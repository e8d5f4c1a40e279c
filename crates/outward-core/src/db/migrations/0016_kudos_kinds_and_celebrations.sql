-- Kudos say what kind of work they thank (so a lead can see whether usability and support
-- work is recognised as much as hard technical problems) and may name the commitment they are
-- for. Kudos given before this migration become 'other'.
ALTER TABLE kudos ADD COLUMN kind TEXT NOT NULL DEFAULT 'other'
    CHECK (kind IN ('usability', 'support', 'migrationHelp', 'documentation', 'hardProblem', 'other'));
ALTER TABLE kudos ADD COLUMN commitment_id TEXT REFERENCES commitments (id) ON DELETE SET NULL;

-- The wall narrowed to one kind, newest first; and a quarter's kudos counted by kind from the
-- index alone.
CREATE INDEX kudos_by_kind ON kudos (kind, given_on DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX kudos_kinds_by_date ON kudos (given_on, kind) WHERE deleted_at IS NULL;
CREATE INDEX kudos_by_commitment ON kudos (commitment_id) WHERE commitment_id IS NOT NULL;

-- A celebration on Home (a goal that reached its target or whose metric improved beyond the
-- noise) that someone put away for one quarter; it comes back in the next quarter if it still
-- holds.
CREATE TABLE celebration_dismissals (
    goal_id      TEXT NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
    -- `2026-Q3`.
    quarter      TEXT NOT NULL,
    dismissed_at TEXT NOT NULL,
    PRIMARY KEY (goal_id, quarter)
) STRICT, WITHOUT ROWID;
