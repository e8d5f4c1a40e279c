-- Room mode: the room joins a running workshop from its own devices over the local network.
-- Nothing here ties an unsigned card to who wrote it: a card's edit key, a participant's key
-- and a voter's key are three unrelated random values kept by the browser, stored only as
-- SHA-256 hashes, and no table holds an address, a browser or a time of writing next to them.

-- A workshop whose room is open: its join token (rotated each time the room opens) and where
-- the server listens, so the app can open it again on the same address after a restart.
CREATE TABLE workshop_rooms (
    workshop_id TEXT PRIMARY KEY NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
    token       TEXT NOT NULL UNIQUE CHECK (length(token) >= 32),
    -- The address to listen on: '127.0.0.1' for this machine only, or an interface's address.
    address     TEXT NOT NULL,
    port        INTEGER NOT NULL CHECK (port BETWEEN 0 AND 65535),
    opened_at   TEXT NOT NULL
) STRICT;

-- Who has joined, as the hash of a key only their browser knows.
CREATE TABLE room_participants (
    workshop_id TEXT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
    key_hash    TEXT NOT NULL,
    PRIMARY KEY (workshop_id, key_hash)
) STRICT, WITHOUT ROWID;

-- How many cards a participant has written in a step: a count, never which cards.
CREATE TABLE room_card_counts (
    workshop_id   TEXT NOT NULL,
    key_hash      TEXT NOT NULL,
    step_position INTEGER NOT NULL,
    cards         INTEGER NOT NULL CHECK (cards >= 0),
    PRIMARY KEY (workshop_id, key_hash, step_position),
    FOREIGN KEY (workshop_id, key_hash)
        REFERENCES room_participants (workshop_id, key_hash) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;

-- A card written from the room: the hash of the key that lets its writer edit or delete it
-- before the reveal.
CREATE TABLE room_cards (
    card_id       TEXT PRIMARY KEY NOT NULL REFERENCES workshop_cards (id) ON DELETE CASCADE,
    edit_key_hash TEXT NOT NULL
) STRICT;

-- The name a participant typed when signing a card written from the room.
ALTER TABLE workshop_cards ADD COLUMN signed_name TEXT
    CHECK (signed_name IS NULL OR length(signed_name) BETWEEN 1 AND 80);

-- Dot votes from the room, per voter key (unrelated to the participant key).
CREATE TABLE room_ballots (
    workshop_id   TEXT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
    step_position INTEGER NOT NULL,
    voter_hash    TEXT NOT NULL,
    PRIMARY KEY (workshop_id, step_position, voter_hash)
) STRICT, WITHOUT ROWID;

CREATE TABLE room_votes (
    workshop_id   TEXT NOT NULL,
    step_position INTEGER NOT NULL,
    voter_hash    TEXT NOT NULL,
    card_id       TEXT REFERENCES workshop_cards (id) ON DELETE CASCADE,
    group_id      TEXT REFERENCES workshop_groups (id) ON DELETE CASCADE,
    count         INTEGER NOT NULL CHECK (count > 0),
    CHECK ((card_id IS NULL) <> (group_id IS NULL)),
    FOREIGN KEY (workshop_id, step_position, voter_hash)
        REFERENCES room_ballots (workshop_id, step_position, voter_hash) ON DELETE CASCADE
) STRICT;
CREATE UNIQUE INDEX room_votes_once
    ON room_votes (workshop_id, step_position, voter_hash, ifnull(card_id, group_id));
CREATE INDEX room_votes_by_card ON room_votes (card_id) WHERE card_id IS NOT NULL;
CREATE INDEX room_votes_by_group ON room_votes (group_id) WHERE group_id IS NOT NULL;

-- A 1–5 rating from the room, per voter key.
CREATE TABLE room_ratings (
    workshop_id   TEXT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
    step_position INTEGER NOT NULL,
    dimension     TEXT NOT NULL,
    voter_hash    TEXT NOT NULL,
    score         INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
    PRIMARY KEY (workshop_id, step_position, dimension, voter_hash)
) STRICT, WITHOUT ROWID;

-- Submissions already answered, by the id the browser gave them, with the answer: a
-- submission sent again (a retry after a lost reply, a page reconnecting) gets the same answer
-- and changes nothing.
CREATE TABLE room_submissions (
    workshop_id   TEXT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
    submission_id TEXT NOT NULL,
    reply         TEXT NOT NULL,
    PRIMARY KEY (workshop_id, submission_id)
) STRICT, WITHOUT ROWID;

-- Every vote and every rating, from the laptop and from the room: what counts and means read.
CREATE VIEW all_workshop_votes AS
SELECT workshop_id, step_position, card_id, group_id, count FROM workshop_votes
UNION ALL
SELECT workshop_id, step_position, card_id, group_id, count FROM room_votes;

CREATE VIEW all_workshop_ratings AS
SELECT workshop_id, step_position, dimension, score FROM workshop_ratings
UNION ALL
SELECT workshop_id, step_position, dimension, score FROM room_ratings;
