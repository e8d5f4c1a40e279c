-- What a workshop keeps: kudos, action items with their status updates, and the outcomes a
-- workshop decided, each linked to the record it made.
--
-- A person or team that is destroyed when the Trash is emptied leaves the kudos and action
-- items that named it in place, without the name (SET NULL): they are records of what
-- happened, not parts of the person.

CREATE TABLE kudos (
    id             TEXT PRIMARY KEY NOT NULL,
    from_person_id TEXT REFERENCES people (id) ON DELETE SET NULL,
    -- To a person or to a whole team: exactly one is set when the kudos is given.
    to_person_id   TEXT REFERENCES people (id) ON DELETE SET NULL,
    to_team_id     TEXT REFERENCES teams (id) ON DELETE SET NULL,
    message        TEXT NOT NULL,
    given_on       TEXT NOT NULL CHECK (date(given_on) = given_on),
    pain_point_id  TEXT REFERENCES pain_points (id) ON DELETE SET NULL,
    customer_id    TEXT REFERENCES customers (id) ON DELETE SET NULL,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    deleted_at     TEXT
) STRICT;
CREATE INDEX kudos_by_date ON kudos (given_on DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX kudos_to_person ON kudos (to_person_id, given_on DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX kudos_to_team ON kudos (to_team_id, given_on DESC, id DESC) WHERE deleted_at IS NULL;

CREATE TABLE action_items (
    id         TEXT PRIMARY KEY NOT NULL,
    title      TEXT NOT NULL,
    team_id    TEXT REFERENCES teams (id) ON DELETE SET NULL,
    owner_id   TEXT REFERENCES people (id) ON DELETE SET NULL,
    due_on     TEXT NOT NULL CHECK (date(due_on) = due_on),
    status     TEXT NOT NULL CHECK (status IN ('open', 'done', 'dropped')),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
) STRICT;
-- A team's open action items by due date: the carry-over a workshop opens with.
CREATE INDEX action_items_open_by_team ON action_items (team_id, due_on, id)
    WHERE deleted_at IS NULL AND status = 'open';
CREATE INDEX action_items_by_due ON action_items (due_on, id) WHERE deleted_at IS NULL;

-- Every status an action item was given after it was created, with who, when and a note.
CREATE TABLE action_item_updates (
    id             TEXT PRIMARY KEY NOT NULL,
    action_item_id TEXT NOT NULL REFERENCES action_items (id) ON DELETE CASCADE,
    from_status    TEXT NOT NULL,
    to_status      TEXT NOT NULL CHECK (to_status IN ('open', 'done', 'dropped')),
    note           TEXT NOT NULL DEFAULT '',
    changed_at     TEXT NOT NULL,
    changed_by     TEXT REFERENCES people (id) ON DELETE SET NULL
) STRICT;
CREATE INDEX action_item_updates_by_item ON action_item_updates (action_item_id, changed_at);
