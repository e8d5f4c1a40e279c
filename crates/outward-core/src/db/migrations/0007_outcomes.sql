-- What a workshop keeps: kudos, action items with their status updates, the outcomes a
-- workshop decided (each linked to the record it made), workshop cards as evidence for pain
-- points, and workshop cards in search.
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

-- The workshop an action item or kudos came from, if any.
ALTER TABLE action_items ADD COLUMN workshop_id TEXT REFERENCES workshops (id) ON DELETE SET NULL;
ALTER TABLE kudos ADD COLUMN workshop_id TEXT REFERENCES workshops (id) ON DELETE SET NULL;

-- A workshop card kept as evidence for a pain point: its text as it read when the room decided.
CREATE TABLE card_evidence (
    id            TEXT PRIMARY KEY NOT NULL,
    card_id       TEXT NOT NULL REFERENCES workshop_cards (id) ON DELETE CASCADE,
    pain_point_id TEXT NOT NULL REFERENCES pain_points (id) ON DELETE CASCADE,
    quote         TEXT NOT NULL,
    created_at    TEXT NOT NULL
) STRICT;
CREATE INDEX card_evidence_by_pain_point ON card_evidence (pain_point_id);
CREATE INDEX card_evidence_by_card ON card_evidence (card_id);

-- What a workshop decided: from which card or group, what was made of it, and the record made.
CREATE TABLE workshop_outcomes (
    id             TEXT PRIMARY KEY NOT NULL,
    workshop_id    TEXT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
    card_id        TEXT REFERENCES workshop_cards (id) ON DELETE SET NULL,
    group_id       TEXT REFERENCES workshop_groups (id) ON DELETE SET NULL,
    -- The card's text or the group's name when it was decided.
    source_text    TEXT NOT NULL,
    kind           TEXT NOT NULL CHECK (kind IN ('painPoint', 'actionItem', 'kudos')),
    pain_point_id  TEXT REFERENCES pain_points (id) ON DELETE SET NULL,
    action_item_id TEXT REFERENCES action_items (id) ON DELETE SET NULL,
    kudos_id       TEXT REFERENCES kudos (id) ON DELETE SET NULL,
    -- What was decided, in words: the title or message of the record made.
    decided        TEXT NOT NULL,
    decided_at     TEXT NOT NULL
) STRICT;
CREATE INDEX workshop_outcomes_by_workshop ON workshop_outcomes (workshop_id, decided_at);

-- Evidence, defined once (see migration 4), now from interviews and from workshop cards. A card
-- counts while it and its workshop are out of the Trash, on the day of the workshop, and names
-- no customer: the room's words add evidence, not reach. So the customers a pain point reaches
-- are those named on it and those heard from in its interview evidence; `pain_point_reach`
-- reads that half directly, because SQLite cannot push a customer into a compound view that is
-- joined, and would scan every card's evidence to find none.
DROP VIEW pain_point_reach;
DROP VIEW evidence;
CREATE VIEW interview_evidence AS
SELECT h.id AS id, h.pain_point_id, 'interview' AS source, h.interview_id AS source_id,
       i.customer_id, i.held_on AS heard_on, h.quote, h.start_offset, h.end_offset, h.detached
FROM highlights h
JOIN interviews i ON i.id = h.interview_id
WHERE i.deleted_at IS NULL;

CREATE VIEW evidence AS
SELECT id, pain_point_id, source, source_id, customer_id, heard_on, quote, start_offset,
       end_offset, detached
FROM interview_evidence
UNION ALL
SELECT e.id, e.pain_point_id, 'card', e.card_id, NULL, w.held_on, e.quote, NULL, NULL, 0
FROM card_evidence e
JOIN workshop_cards c ON c.id = e.card_id
JOIN workshops w ON w.id = c.workshop_id
WHERE c.deleted_at IS NULL AND w.deleted_at IS NULL;

CREATE VIEW pain_point_reach AS
SELECT pc.pain_point_id, pc.customer_id
FROM pain_point_customers pc
JOIN customers c ON c.id = pc.customer_id
WHERE c.deleted_at IS NULL
UNION ALL
SELECT e.pain_point_id, e.customer_id
FROM interview_evidence e
JOIN customers c ON c.id = e.customer_id
WHERE c.deleted_at IS NULL;

-- Workshop cards in search: an external-content index kept in step by triggers, like the
-- others (migration 2). Search shows a card only once the room has seen it.
CREATE VIRTUAL TABLE workshop_cards_fts USING fts5 (
    text, content = 'workshop_cards', content_rowid = 'rowid',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER workshop_cards_fts_insert AFTER INSERT ON workshop_cards BEGIN
    INSERT INTO workshop_cards_fts (rowid, text) VALUES (new.rowid, new.text);
END;
CREATE TRIGGER workshop_cards_fts_delete AFTER DELETE ON workshop_cards BEGIN
    INSERT INTO workshop_cards_fts (workshop_cards_fts, rowid, text)
    VALUES ('delete', old.rowid, old.text);
END;
CREATE TRIGGER workshop_cards_fts_update AFTER UPDATE OF text ON workshop_cards BEGIN
    INSERT INTO workshop_cards_fts (workshop_cards_fts, rowid, text)
    VALUES ('delete', old.rowid, old.text);
    INSERT INTO workshop_cards_fts (rowid, text) VALUES (new.rowid, new.text);
END;
INSERT INTO workshop_cards_fts (workshop_cards_fts) VALUES ('rebuild');
