-- A quarter's review: the notes and decisions the team writes for it, and, once the quarter is
-- closed, the review as it stood then, kept as JSON so the report of a closed quarter does not
-- change when later data is edited. `regenerated_at` is set when the snapshot was replaced on
-- purpose after it was first taken.
CREATE TABLE quarter_reviews (
    quarter           TEXT PRIMARY KEY NOT NULL
                      CHECK (quarter GLOB '[0-9][0-9][0-9][0-9]-Q[1-4]'),
    notes             TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 20000),
    decisions         TEXT NOT NULL DEFAULT '' CHECK (length(decisions) <= 20000),
    snapshot          TEXT CHECK (snapshot IS NULL OR json_valid(snapshot)),
    closed_at         TEXT,
    snapshot_taken_at TEXT,
    regenerated_at    TEXT,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    CHECK ((snapshot IS NULL) = (snapshot_taken_at IS NULL))
) STRICT;
