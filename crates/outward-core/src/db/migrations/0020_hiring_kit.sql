-- The customer-empathy kit for hiring: a question bank and the interview guides assembled from
-- it. No table here holds anything about a candidate (no names, no notes, no scores): a guide is
-- what the interviewers ask, never what anyone answered.

-- A team's own questions (`built_in` NULL) and its edits of the built-in bank (`built_in` the
-- built-in's slug, at most one row each; deleting that row restores the original). The
-- built-in bank itself is compiled into the app and never stored.
CREATE TABLE hiring_questions (
    id          TEXT PRIMARY KEY,
    built_in    TEXT UNIQUE,
    topic       TEXT NOT NULL
        CHECK (topic IN ('users', 'support', 'usability', 'migrations', 'listening', 'tradeoffs')),
    text        TEXT NOT NULL CHECK (length(trim(text)) > 0),
    good_answer TEXT NOT NULL,
    weak_answer TEXT NOT NULL,
    retired_at  TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT
) STRICT;

-- A named guide for one hiring loop.
CREATE TABLE interview_guides (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    purpose    TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
) STRICT;
CREATE INDEX interview_guides_by_name ON interview_guides (name COLLATE NOCASE)
    WHERE deleted_at IS NULL;

-- A guide's questions in order: a built-in's slug or a team question's id, the minutes planned
-- for it and a note for the interviewer. Saving a guide replaces all of its rows.
CREATE TABLE interview_guide_questions (
    guide_id TEXT NOT NULL REFERENCES interview_guides (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    question TEXT NOT NULL,
    minutes  INTEGER CHECK (minutes BETWEEN 1 AND 120),
    note     TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (guide_id, position)
) STRICT, WITHOUT ROWID;
