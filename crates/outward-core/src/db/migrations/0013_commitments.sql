-- Commitments: what a team commits to for a quarter, with an owner on the team, the pain points
-- it addresses and the goal it should move; check-ins of progress and confidence; and every
-- decision about it (done, dropped with a reason, carried over when its quarter closed).
--
-- A commitment's quarter is kept as its first and last day, so changing the fiscal-year start
-- later moves no commitment between quarters silently: a quarter's board lists those whose
-- quarter began inside it.

CREATE TABLE commitments (
    id                TEXT PRIMARY KEY NOT NULL,
    title             TEXT NOT NULL,
    team_id           TEXT REFERENCES teams (id) ON DELETE SET NULL,
    -- Required when created; a person destroyed from the Trash leaves the commitment unowned.
    owner_id          TEXT REFERENCES people (id) ON DELETE SET NULL,
    goal_id           TEXT REFERENCES goals (id) ON DELETE SET NULL,
    quarter_starts_on TEXT NOT NULL CHECK (date(quarter_starts_on) = quarter_starts_on),
    quarter_ends_on   TEXT NOT NULL CHECK (date(quarter_ends_on) = quarter_ends_on
                                           AND quarter_ends_on >= quarter_starts_on),
    -- Only what is decided explicitly; on track, at risk and off track are derived.
    state             TEXT NOT NULL CHECK (state IN ('open', 'done', 'dropped', 'carriedOver')),
    -- The commitment of an earlier quarter this one carries on, if any.
    carried_from      TEXT REFERENCES commitments (id) ON DELETE SET NULL,
    -- The action item (of a workshop, often) this commitment grew from, if any.
    action_item_id    TEXT REFERENCES action_items (id) ON DELETE SET NULL,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    deleted_at        TEXT
) STRICT;
-- A quarter's board, and one owner's load.
CREATE INDEX commitments_by_quarter ON commitments (quarter_starts_on, id) WHERE deleted_at IS NULL;
CREATE INDEX commitments_by_owner ON commitments (owner_id, quarter_starts_on) WHERE deleted_at IS NULL;
CREATE INDEX commitments_by_goal ON commitments (goal_id) WHERE deleted_at IS NULL;

CREATE TABLE commitment_pain_points (
    commitment_id TEXT NOT NULL REFERENCES commitments (id) ON DELETE CASCADE,
    pain_point_id TEXT NOT NULL REFERENCES pain_points (id) ON DELETE CASCADE,
    PRIMARY KEY (commitment_id, pain_point_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX commitment_pain_points_by_pain_point ON commitment_pain_points (pain_point_id);

-- Where a commitment stood on a day: progress 0 to 100 and confidence 1 to 10, with a note.
CREATE TABLE check_ins (
    id            TEXT PRIMARY KEY NOT NULL,
    commitment_id TEXT NOT NULL REFERENCES commitments (id) ON DELETE CASCADE,
    checked_on    TEXT NOT NULL CHECK (date(checked_on) = checked_on),
    progress      INTEGER NOT NULL CHECK (progress BETWEEN 0 AND 100),
    confidence    INTEGER NOT NULL CHECK (confidence BETWEEN 1 AND 10),
    note          TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,
    created_by    TEXT REFERENCES people (id) ON DELETE SET NULL
) STRICT;
CREATE INDEX check_ins_by_commitment ON check_ins (commitment_id, checked_on, created_at);

-- Every state a commitment was given after it was created, with a note (the reason a
-- commitment was dropped, the quarter it was carried into), who and when.
CREATE TABLE commitment_decisions (
    id            TEXT PRIMARY KEY NOT NULL,
    commitment_id TEXT NOT NULL REFERENCES commitments (id) ON DELETE CASCADE,
    from_state    TEXT NOT NULL,
    to_state      TEXT NOT NULL CHECK (to_state IN ('open', 'done', 'dropped', 'carriedOver')),
    note          TEXT NOT NULL DEFAULT '',
    decided_at    TEXT NOT NULL,
    decided_by    TEXT REFERENCES people (id) ON DELETE SET NULL
) STRICT;
CREATE INDEX commitment_decisions_by_commitment ON commitment_decisions (commitment_id, decided_at);

-- A pain point's status history says why a change was made: a note, and the commitment whose
-- completion addressed it.
ALTER TABLE pain_point_status_changes ADD COLUMN note TEXT NOT NULL DEFAULT '';
ALTER TABLE pain_point_status_changes
    ADD COLUMN commitment_id TEXT REFERENCES commitments (id) ON DELETE SET NULL;
