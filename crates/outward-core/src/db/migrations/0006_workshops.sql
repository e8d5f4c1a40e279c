-- Workshops: one session of an exercise with a team. The exercise's steps are copied in when the
-- workshop is planned, so editing the exercise later changes no planned or past workshop. Cards,
-- groups, votes and ratings belong to their workshop and go to the Trash with it.

CREATE TABLE workshops (
    id             TEXT PRIMARY KEY NOT NULL,
    team_id        TEXT NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    -- The exercise it runs: a built-in exercise's slug or a user copy's id. Not a reference: the
    -- workshop keeps its own copy of the steps, and outlives the exercise.
    exercise_key   TEXT NOT NULL,
    -- The exercise's title when the workshop was planned.
    title          TEXT NOT NULL,
    held_on        TEXT NOT NULL CHECK (date(held_on) = held_on),
    -- The planned start time of day, 'HH:MM', from which the agenda is laid out.
    starts_at      TEXT NOT NULL CHECK (time(starts_at || ':00') IS NOT NULL AND length(starts_at) = 5),
    -- Required when planned; emptying the Trash of the person leaves the workshop without one.
    facilitator_id TEXT REFERENCES people (id) ON DELETE SET NULL,
    state          TEXT NOT NULL CHECK (state IN ('planned', 'running', 'finished')),
    -- The step the room is on while running (0-based position); the furthest step ever reached,
    -- which decides what the room may see (cards and vote counts of the steps before it).
    current_step   INTEGER CHECK (current_step IS NULL OR current_step >= 0),
    furthest_step  INTEGER CHECK (furthest_step IS NULL OR furthest_step >= 0),
    started_at     TEXT,
    finished_at    TEXT,
    -- The last moment the app is known to have been running this workshop: each write to it and
    -- a regular note from facilitation mode. A timer left running when the app stopped resumes
    -- paused at what remained then.
    seen_at        TEXT,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    deleted_at     TEXT
) STRICT;
-- Only one workshop runs at a time.
CREATE UNIQUE INDEX workshops_one_running ON workshops (state)
    WHERE state = 'running' AND deleted_at IS NULL;
CREATE INDEX workshops_by_date ON workshops (held_on DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX workshops_by_team ON workshops (team_id, exercise_key, held_on);
CREATE INDEX workshops_by_facilitator ON workshops (facilitator_id, held_on DESC, id DESC);

CREATE TABLE workshop_participants (
    workshop_id TEXT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
    person_id   TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    PRIMARY KEY (workshop_id, person_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX workshop_participants_by_person ON workshop_participants (person_id);

-- The exercise's steps as they were when the workshop was planned, each with its own timer.
CREATE TABLE workshop_steps (
    workshop_id        TEXT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
    position           INTEGER NOT NULL CHECK (position >= 0),
    title              TEXT NOT NULL,
    kind               TEXT NOT NULL,
    timebox_seconds    INTEGER NOT NULL CHECK (timebox_seconds > 0),
    prompt             TEXT NOT NULL DEFAULT '',
    script             TEXT NOT NULL DEFAULT '',
    -- A JSON array of the dimensions a rating step rates.
    dimensions         TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(dimensions)),
    votes_per_person   INTEGER CHECK (votes_per_person IS NULL OR votes_per_person >= 0),
    max_votes_per_item INTEGER CHECK (max_votes_per_item IS NULL OR max_votes_per_item >= 0),
    -- The timer: what remained when it was last paused (or started), and since when it runs
    -- (NULL: paused).
    timer_remaining_ms  INTEGER NOT NULL CHECK (timer_remaining_ms >= 0),
    timer_running_since TEXT,
    PRIMARY KEY (workshop_id, position)
) STRICT, WITHOUT ROWID;

-- Each time the room entered a step and left it: the time spent per step against the plan.
CREATE TABLE workshop_step_visits (
    workshop_id TEXT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    entered_at  TEXT NOT NULL,
    left_at     TEXT,
    PRIMARY KEY (workshop_id, entered_at, position)
) STRICT, WITHOUT ROWID;

CREATE TABLE workshop_groups (
    id             TEXT PRIMARY KEY NOT NULL,
    workshop_id    TEXT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
    name           TEXT NOT NULL,
    -- Set on the groups one accepted grouping suggestion made, so undoing it removes exactly them.
    accepted_batch TEXT,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
) STRICT;
CREATE INDEX workshop_groups_by_workshop ON workshop_groups (workshop_id, id);

CREATE TABLE workshop_cards (
    id            TEXT PRIMARY KEY NOT NULL,
    workshop_id   TEXT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
    -- The silent-writing step it was written in.
    step_position INTEGER NOT NULL,
    text          TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
    -- A participant who signed it; NULL when anonymous, the default.
    author_id     TEXT REFERENCES people (id) ON DELETE SET NULL,
    group_id      TEXT REFERENCES workshop_groups (id) ON DELETE SET NULL,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    deleted_at    TEXT
) STRICT;
CREATE INDEX workshop_cards_by_workshop ON workshop_cards (workshop_id, id);
CREATE INDEX workshop_cards_by_group ON workshop_cards (group_id) WHERE group_id IS NOT NULL;

-- A participant's dot votes in one voting step: a ballot once entered (the room sees who has
-- voted), and how many dots each card or group got.
CREATE TABLE workshop_ballots (
    workshop_id   TEXT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
    step_position INTEGER NOT NULL,
    person_id     TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    entered_at    TEXT NOT NULL,
    PRIMARY KEY (workshop_id, step_position, person_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE workshop_votes (
    workshop_id   TEXT NOT NULL,
    step_position INTEGER NOT NULL,
    person_id     TEXT NOT NULL,
    card_id       TEXT REFERENCES workshop_cards (id) ON DELETE CASCADE,
    group_id      TEXT REFERENCES workshop_groups (id) ON DELETE CASCADE,
    count         INTEGER NOT NULL CHECK (count > 0),
    CHECK ((card_id IS NULL) <> (group_id IS NULL)),
    FOREIGN KEY (workshop_id, step_position, person_id)
        REFERENCES workshop_ballots (workshop_id, step_position, person_id) ON DELETE CASCADE
) STRICT;
CREATE UNIQUE INDEX workshop_votes_once
    ON workshop_votes (workshop_id, step_position, person_id, ifnull(card_id, group_id));

-- A 1–5 rating of one dimension, by a participant or (person NULL) by the room together.
CREATE TABLE workshop_ratings (
    workshop_id   TEXT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
    step_position INTEGER NOT NULL,
    dimension     TEXT NOT NULL,
    person_id     TEXT REFERENCES people (id) ON DELETE CASCADE,
    score         INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
    rated_at      TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX workshop_ratings_once
    ON workshop_ratings (workshop_id, step_position, dimension, ifnull(person_id, ''));
