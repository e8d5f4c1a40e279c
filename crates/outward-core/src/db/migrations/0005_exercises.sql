-- A team's own exercises: copies of the built-in library (which is compiled into the app and
-- never stored) that a team edits. `based_on` keeps the slug of the built-in a copy came from.
-- Copies go to the Trash like every record (`deleted_at`).
CREATE TABLE exercises (
    id         TEXT PRIMARY KEY NOT NULL,
    name       TEXT NOT NULL,
    purpose    TEXT NOT NULL DEFAULT '',
    idea       TEXT NOT NULL DEFAULT '',
    based_on   TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
) STRICT;
CREATE INDEX exercises_live ON exercises (name COLLATE NOCASE, id) WHERE deleted_at IS NULL;

-- An exercise's steps by position; saving an exercise rewrites them all in one transaction.
-- `dimensions` is a JSON array of the names a rating step rates.
CREATE TABLE exercise_steps (
    exercise_id        TEXT NOT NULL REFERENCES exercises (id) ON DELETE CASCADE,
    position           INTEGER NOT NULL CHECK (position >= 0),
    title              TEXT NOT NULL,
    kind               TEXT NOT NULL CHECK (kind IN ('brief', 'silentWriting', 'reveal',
                           'grouping', 'dotVoting', 'discussion', 'rating', 'decision')),
    timebox_seconds    INTEGER NOT NULL CHECK (timebox_seconds BETWEEN 1 AND 14400),
    prompt             TEXT NOT NULL DEFAULT '',
    script             TEXT NOT NULL DEFAULT '',
    dimensions         TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(dimensions)),
    votes_per_person   INTEGER NOT NULL DEFAULT 3 CHECK (votes_per_person >= 1),
    max_votes_per_item INTEGER NOT NULL DEFAULT 2 CHECK (max_votes_per_item >= 1),
    PRIMARY KEY (exercise_id, position)
) STRICT, WITHOUT ROWID;
