-- What the team measures about how its customers feel, and where it wants that to go: metrics,
-- survey rounds with their questions, responses and answers, the import mappings remembered for
-- the next round, measurements entered by hand, goals, and survey comments as evidence.
--
-- A quarter is stored as its name, `2026-Q3`: the fiscal year, then the quarter number (see the
-- `quarter` module; the fiscal year start is a setting).

CREATE TABLE metrics (
    id          TEXT PRIMARY KEY NOT NULL,
    name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    description TEXT NOT NULL DEFAULT '',
    kind        TEXT NOT NULL
        CHECK (kind IN ('csat', 'nps', 'likertMean', 'percentage', 'duration', 'count')),
    direction   TEXT NOT NULL CHECK (direction IN ('higherIsBetter', 'lowerIsBetter')),
    -- What it is measured over: the whole team, one product, or one customer team.
    scope       TEXT NOT NULL CHECK (scope IN ('team', 'product', 'customer')),
    team_id     TEXT REFERENCES teams (id) ON DELETE SET NULL,
    product_id  TEXT REFERENCES products (id) ON DELETE SET NULL,
    customer_id TEXT REFERENCES customers (id) ON DELETE SET NULL,
    -- The unit of a duration or count, as shown ("hours", "requests").
    unit        TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT
) STRICT;
CREATE UNIQUE INDEX metrics_live_name ON metrics (name COLLATE NOCASE) WHERE deleted_at IS NULL;

-- One survey round in a quarter, sent to an audience of a known size (for the response rate).
CREATE TABLE surveys (
    id            TEXT PRIMARY KEY NOT NULL,
    title         TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    quarter       TEXT NOT NULL CHECK (quarter GLOB '[0-9][0-9][0-9][0-9]-Q[1-4]'),
    -- The day the round opened: the day of its comments as evidence when a response has none.
    opened_on     TEXT NOT NULL CHECK (date(opened_on) = opened_on),
    audience_size INTEGER CHECK (audience_size IS NULL OR audience_size > 0),
    team_id       TEXT REFERENCES teams (id) ON DELETE SET NULL,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    deleted_at    TEXT
) STRICT;
CREATE INDEX surveys_by_quarter ON surveys (quarter, opened_on, id) WHERE deleted_at IS NULL;

-- A question of a survey: a score on a scale, tied to the metric it measures, or a free-text
-- comment. A percentage question is answered 0 (no) or 1 (yes).
CREATE TABLE survey_questions (
    id         TEXT PRIMARY KEY NOT NULL,
    survey_id  TEXT NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL CHECK (position >= 0),
    prompt     TEXT NOT NULL CHECK (length(prompt) BETWEEN 1 AND 1000),
    kind       TEXT NOT NULL CHECK (kind IN ('score', 'comment')),
    metric_id  TEXT REFERENCES metrics (id) ON DELETE SET NULL,
    scale_min  INTEGER,
    scale_max  INTEGER,
    CHECK ((kind = 'score') = (scale_min IS NOT NULL AND scale_max IS NOT NULL)),
    CHECK (scale_min IS NULL OR scale_min < scale_max),
    CHECK (kind = 'score' OR metric_id IS NULL),
    UNIQUE (survey_id, position)
) STRICT;
CREATE INDEX survey_questions_by_metric ON survey_questions (metric_id, survey_id)
    WHERE metric_id IS NOT NULL;

-- One respondent's answers to one round. `team_label` is the team as the respondent or the file
-- named it; `customer_id` the customer team it was matched to (NULL while unmatched).
-- `respondent` is what the file identified them by (an email, a response id), for duplicates.
CREATE TABLE survey_responses (
    id           TEXT PRIMARY KEY NOT NULL,
    survey_id    TEXT NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
    customer_id  TEXT REFERENCES customers (id) ON DELETE SET NULL,
    team_label   TEXT NOT NULL DEFAULT '',
    respondent   TEXT NOT NULL DEFAULT '',
    responded_on TEXT CHECK (responded_on IS NULL OR date(responded_on) = responded_on),
    source       TEXT NOT NULL CHECK (source IN ('typed', 'imported')),
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    deleted_at   TEXT
) STRICT;
CREATE INDEX survey_responses_by_survey ON survey_responses (survey_id, id);
CREATE INDEX survey_responses_by_customer ON survey_responses (customer_id)
    WHERE customer_id IS NOT NULL;

-- An answer: a score (`value`) for a score question, text for a comment question.
CREATE TABLE survey_answers (
    response_id TEXT NOT NULL REFERENCES survey_responses (id) ON DELETE CASCADE,
    question_id TEXT NOT NULL REFERENCES survey_questions (id) ON DELETE CASCADE,
    value       INTEGER,
    text        TEXT CHECK (text IS NULL OR length(text) BETWEEN 1 AND 10000),
    CHECK ((value IS NULL) <> (text IS NULL)),
    PRIMARY KEY (response_id, question_id)
) STRICT;
CREATE INDEX survey_answers_by_question ON survey_answers (question_id);

-- How many live responses gave each score to each question, per customer team ('' for none):
-- the roll-up every metric value, interval, trend and breakdown is computed from, so a quarter's
-- numbers never scan the answers. Kept in step by the triggers below; derived, so a bundle
-- carries the answers and the triggers rebuild it on import.
CREATE TABLE survey_answer_tallies (
    question_id  TEXT NOT NULL REFERENCES survey_questions (id) ON DELETE CASCADE,
    customer_key TEXT NOT NULL,
    value        INTEGER NOT NULL,
    n            INTEGER NOT NULL,
    PRIMARY KEY (question_id, customer_key, value)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER survey_answers_tally_insert AFTER INSERT ON survey_answers
WHEN new.value IS NOT NULL BEGIN
    INSERT INTO survey_answer_tallies (question_id, customer_key, value, n)
    SELECT new.question_id, coalesce(r.customer_id, ''), new.value, 1
    FROM survey_responses r WHERE r.id = new.response_id AND r.deleted_at IS NULL
    ON CONFLICT DO UPDATE SET n = n + 1;
END;
-- A response deleted outright takes its answers out first (below); when they then go by
-- cascade, their response is gone and this finds nothing to take.
CREATE TRIGGER survey_answers_tally_delete AFTER DELETE ON survey_answers
WHEN old.value IS NOT NULL BEGIN
    UPDATE survey_answer_tallies SET n = n - 1
    WHERE question_id = old.question_id AND value = old.value
      AND customer_key = (SELECT coalesce(r.customer_id, '') FROM survey_responses r
                          WHERE r.id = old.response_id AND r.deleted_at IS NULL);
END;
CREATE TRIGGER survey_answers_tally_update AFTER UPDATE OF value ON survey_answers BEGIN
    UPDATE survey_answer_tallies SET n = n - 1
    WHERE old.value IS NOT NULL AND question_id = old.question_id AND value = old.value
      AND customer_key = (SELECT coalesce(r.customer_id, '') FROM survey_responses r
                          WHERE r.id = old.response_id AND r.deleted_at IS NULL);
    INSERT INTO survey_answer_tallies (question_id, customer_key, value, n)
    SELECT new.question_id, coalesce(r.customer_id, ''), new.value, 1
    FROM survey_responses r
    WHERE new.value IS NOT NULL AND r.id = new.response_id AND r.deleted_at IS NULL
    ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER survey_responses_tally_delete BEFORE DELETE ON survey_responses
WHEN old.deleted_at IS NULL BEGIN
    INSERT INTO survey_answer_tallies (question_id, customer_key, value, n)
    SELECT question_id, coalesce(old.customer_id, ''), value, -count(*)
    FROM survey_answers WHERE response_id = old.id AND value IS NOT NULL
    GROUP BY question_id, value
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;
-- A response written after its answers (a bundle is read table by table, answers first)
-- brings them in; written before them, as the app does, it finds none.
CREATE TRIGGER survey_responses_tally_insert AFTER INSERT ON survey_responses
WHEN new.deleted_at IS NULL BEGIN
    INSERT INTO survey_answer_tallies (question_id, customer_key, value, n)
    SELECT question_id, coalesce(new.customer_id, ''), value, count(*)
    FROM survey_answers WHERE response_id = new.id AND value IS NOT NULL
    GROUP BY question_id, value
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;
-- Moved to or from the Trash, or matched to another customer team: out of the old tally, into
-- the new one.
CREATE TRIGGER survey_responses_tally_update AFTER UPDATE OF customer_id, deleted_at
ON survey_responses BEGIN
    INSERT INTO survey_answer_tallies (question_id, customer_key, value, n)
    SELECT question_id, coalesce(old.customer_id, ''), value, -count(*)
    FROM survey_answers WHERE old.deleted_at IS NULL AND response_id = old.id
      AND value IS NOT NULL
    GROUP BY question_id, value
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
    INSERT INTO survey_answer_tallies (question_id, customer_key, value, n)
    SELECT question_id, coalesce(new.customer_id, ''), value, count(*)
    FROM survey_answers WHERE new.deleted_at IS NULL AND response_id = new.id
      AND value IS NOT NULL
    GROUP BY question_id, value
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

-- Comments in search: an external-content index over the answers that carry text, read
-- through a view of just those, so the index (and its integrity check) holds comments only.
CREATE VIEW survey_comment_texts AS
SELECT rowid AS answer_rowid, text FROM survey_answers WHERE text IS NOT NULL;
CREATE VIRTUAL TABLE survey_comments_fts USING fts5 (
    text, content = 'survey_comment_texts', content_rowid = 'answer_rowid',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER survey_comments_fts_insert AFTER INSERT ON survey_answers
WHEN new.text IS NOT NULL BEGIN
    INSERT INTO survey_comments_fts (rowid, text) VALUES (new.rowid, new.text);
END;
CREATE TRIGGER survey_comments_fts_delete AFTER DELETE ON survey_answers
WHEN old.text IS NOT NULL BEGIN
    INSERT INTO survey_comments_fts (survey_comments_fts, rowid, text)
    VALUES ('delete', old.rowid, old.text);
END;
CREATE TRIGGER survey_comments_fts_update AFTER UPDATE OF text ON survey_answers BEGIN
    INSERT INTO survey_comments_fts (survey_comments_fts, rowid, text)
    SELECT 'delete', old.rowid, old.text WHERE old.text IS NOT NULL;
    INSERT INTO survey_comments_fts (rowid, text)
    SELECT new.rowid, new.text WHERE new.text IS NOT NULL;
END;

-- How the columns of a form tool's export map to a survey's questions, remembered by the file's
-- header row so the next round's export of the same form maps itself.
CREATE TABLE survey_import_mappings (
    id         TEXT PRIMARY KEY NOT NULL,
    -- The header row, its cells joined by a line feed.
    headers    TEXT NOT NULL,
    mapping    TEXT NOT NULL CHECK (json_valid(mapping)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX survey_import_mappings_by_headers ON survey_import_mappings (headers);

-- A metric's value for a quarter entered by hand (adoption, hours to first response), with where
-- the number came from. One live measurement per metric and quarter.
CREATE TABLE measurements (
    id         TEXT PRIMARY KEY NOT NULL,
    metric_id  TEXT NOT NULL REFERENCES metrics (id) ON DELETE CASCADE,
    quarter    TEXT NOT NULL CHECK (quarter GLOB '[0-9][0-9][0-9][0-9]-Q[1-4]'),
    value      REAL NOT NULL,
    -- How many it was measured over, when known.
    n          INTEGER CHECK (n IS NULL OR n >= 0),
    source     TEXT NOT NULL CHECK (length(source) BETWEEN 1 AND 2000),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
) STRICT;
CREATE UNIQUE INDEX measurements_live ON measurements (metric_id, quarter)
    WHERE deleted_at IS NULL;

-- Where the team wants a metric to be by a quarter: from a baseline (the latest value when the
-- goal was set, and the quarter it was from) to a target in the metric's better direction.
CREATE TABLE goals (
    id               TEXT PRIMARY KEY NOT NULL,
    title            TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    metric_id        TEXT NOT NULL REFERENCES metrics (id) ON DELETE CASCADE,
    baseline         REAL,
    baseline_quarter TEXT CHECK (baseline_quarter GLOB '[0-9][0-9][0-9][0-9]-Q[1-4]'),
    target           REAL NOT NULL,
    due_quarter      TEXT NOT NULL CHECK (due_quarter GLOB '[0-9][0-9][0-9][0-9]-Q[1-4]'),
    team_id          TEXT REFERENCES teams (id) ON DELETE SET NULL,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    deleted_at       TEXT,
    CHECK ((baseline IS NULL) = (baseline_quarter IS NULL))
) STRICT;
CREATE INDEX goals_by_due ON goals (due_quarter, id) WHERE deleted_at IS NULL;
CREATE INDEX goals_by_metric ON goals (metric_id, due_quarter) WHERE deleted_at IS NULL;

-- A survey comment kept as evidence for a pain point, like an interview highlight.
CREATE TABLE survey_comment_evidence (
    id            TEXT PRIMARY KEY NOT NULL,
    response_id   TEXT NOT NULL,
    question_id   TEXT NOT NULL,
    pain_point_id TEXT NOT NULL REFERENCES pain_points (id) ON DELETE CASCADE,
    quote         TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    FOREIGN KEY (response_id, question_id)
        REFERENCES survey_answers (response_id, question_id) ON DELETE CASCADE
) STRICT;
CREATE INDEX survey_comment_evidence_by_pain_point ON survey_comment_evidence (pain_point_id);
CREATE INDEX survey_comment_evidence_by_answer
    ON survey_comment_evidence (response_id, question_id);

-- Evidence, defined once (see migrations 4 and 7), now also from survey comments. A comment
-- counts while its response and survey are out of the Trash, on the day it was given (or the
-- day the round opened), and names its respondent's customer team; like a card it adds to
-- evidence, not to reach (`pain_point_reach` reads interview evidence only).
DROP VIEW evidence;
CREATE VIEW evidence AS
SELECT id, pain_point_id, source, source_id, customer_id, heard_on, quote, start_offset,
       end_offset, detached
FROM interview_evidence
UNION ALL
SELECT e.id, e.pain_point_id, 'card', e.card_id, NULL, w.held_on, e.quote, NULL, NULL, 0
FROM card_evidence e
JOIN workshop_cards c ON c.id = e.card_id
JOIN workshops w ON w.id = c.workshop_id
WHERE c.deleted_at IS NULL AND w.deleted_at IS NULL
UNION ALL
SELECT e.id, e.pain_point_id, 'survey', e.response_id, r.customer_id,
       coalesce(r.responded_on, s.opened_on), e.quote, NULL, NULL, 0
FROM survey_comment_evidence e
JOIN survey_responses r ON r.id = e.response_id
JOIN surveys s ON s.id = r.survey_id
WHERE r.deleted_at IS NULL AND s.deleted_at IS NULL;
