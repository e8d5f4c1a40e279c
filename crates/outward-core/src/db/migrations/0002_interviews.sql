-- Customer conversations, the evidence marked in their notes, the pain points that evidence
-- supports, the themes that tag them, and the full-text index over all of it.

CREATE TABLE themes (
    id          TEXT PRIMARY KEY NOT NULL,
    name        TEXT NOT NULL,
    -- Set when this theme was merged into another; its links moved there.
    merged_into TEXT REFERENCES themes (id) ON DELETE CASCADE,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT
) STRICT;
CREATE UNIQUE INDEX themes_live_name ON themes (name COLLATE NOCASE)
    WHERE deleted_at IS NULL AND merged_into IS NULL;

CREATE TABLE interviews (
    id               TEXT PRIMARY KEY NOT NULL,
    customer_id      TEXT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    held_on          TEXT NOT NULL CHECK (date(held_on) = held_on),
    kind             TEXT NOT NULL
                     CHECK (kind IN ('interview', 'shadowing', 'supportConversation', 'officeHours')),
    -- Who was spoken to: free text names and roles.
    interviewees     TEXT NOT NULL DEFAULT '',
    duration_minutes INTEGER CHECK (duration_minutes IS NULL OR duration_minutes BETWEEN 0 AND 1440),
    notes            TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    deleted_at       TEXT
) STRICT;
CREATE INDEX interviews_by_date ON interviews (held_on DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX interviews_by_customer ON interviews (customer_id, held_on DESC);

CREATE TABLE interview_interviewers (
    interview_id TEXT NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
    person_id    TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    PRIMARY KEY (interview_id, person_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX interview_interviewers_by_person ON interview_interviewers (person_id);

CREATE TABLE interview_themes (
    interview_id TEXT NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
    theme_id     TEXT NOT NULL REFERENCES themes (id) ON DELETE CASCADE,
    PRIMARY KEY (interview_id, theme_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX interview_themes_by_theme ON interview_themes (theme_id);

CREATE TABLE pain_points (
    id          TEXT PRIMARY KEY NOT NULL,
    title       TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    severity    INTEGER NOT NULL CHECK (severity BETWEEN 1 AND 4),
    frequency   TEXT NOT NULL CHECK (frequency IN ('rarely', 'monthly', 'weekly', 'daily')),
    status      TEXT NOT NULL
                CHECK (status IN ('new', 'accepted', 'planned', 'addressed', 'wontFix')),
    -- Derived, never typed: maintained by the core whenever evidence, reach or severity change.
    -- Stored on an absolute time scale so the order stays right as days pass (see pain_points).
    weight      REAL NOT NULL DEFAULT 0,
    merged_into TEXT REFERENCES pain_points (id) ON DELETE CASCADE,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT
) STRICT;
CREATE INDEX pain_points_by_weight ON pain_points (weight DESC, id)
    WHERE deleted_at IS NULL AND merged_into IS NULL;
CREATE INDEX pain_points_by_status ON pain_points (status, weight DESC)
    WHERE deleted_at IS NULL AND merged_into IS NULL;
CREATE INDEX pain_points_merged ON pain_points (merged_into) WHERE merged_into IS NOT NULL;

CREATE TABLE pain_point_products (
    pain_point_id TEXT NOT NULL REFERENCES pain_points (id) ON DELETE CASCADE,
    product_id    TEXT NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    PRIMARY KEY (pain_point_id, product_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX pain_point_products_by_product ON pain_point_products (product_id);

CREATE TABLE pain_point_customers (
    pain_point_id TEXT NOT NULL REFERENCES pain_points (id) ON DELETE CASCADE,
    customer_id   TEXT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    PRIMARY KEY (pain_point_id, customer_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX pain_point_customers_by_customer ON pain_point_customers (customer_id);

CREATE TABLE pain_point_themes (
    pain_point_id TEXT NOT NULL REFERENCES pain_points (id) ON DELETE CASCADE,
    theme_id      TEXT NOT NULL REFERENCES themes (id) ON DELETE CASCADE,
    PRIMARY KEY (pain_point_id, theme_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX pain_point_themes_by_theme ON pain_point_themes (theme_id);

CREATE TABLE pain_point_status_changes (
    id            TEXT PRIMARY KEY NOT NULL,
    pain_point_id TEXT NOT NULL REFERENCES pain_points (id) ON DELETE CASCADE,
    from_status   TEXT,
    to_status     TEXT NOT NULL,
    changed_at    TEXT NOT NULL,
    changed_by    TEXT REFERENCES people (id) ON DELETE SET NULL
) STRICT;
CREATE INDEX pain_point_status_changes_by_pain_point
    ON pain_point_status_changes (pain_point_id, changed_at);

-- A passage of an interview's notes marked as evidence for a pain point. Offsets count UTF-16
-- code units, as the editor does. A highlight whose quote is no longer in the notes is kept,
-- `detached`, never dropped.
CREATE TABLE highlights (
    id            TEXT PRIMARY KEY NOT NULL,
    interview_id  TEXT NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
    pain_point_id TEXT NOT NULL REFERENCES pain_points (id) ON DELETE CASCADE,
    start_offset  INTEGER NOT NULL CHECK (start_offset >= 0),
    end_offset    INTEGER NOT NULL CHECK (end_offset > start_offset),
    quote         TEXT NOT NULL,
    detached      INTEGER NOT NULL DEFAULT 0 CHECK (detached IN (0, 1)),
    created_at    TEXT NOT NULL
) STRICT;
CREATE INDEX highlights_by_interview ON highlights (interview_id, start_offset);
CREATE INDEX highlights_by_pain_point ON highlights (pain_point_id);

-- Full-text search. External-content tables over the rows above, kept in step by triggers so
-- no write path can forget them. Queries read only these tables, capped, then join.
CREATE VIRTUAL TABLE interviews_fts USING fts5 (
    interviewees, notes,
    content = 'interviews', content_rowid = 'rowid', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER interviews_fts_insert AFTER INSERT ON interviews BEGIN
    INSERT INTO interviews_fts (rowid, interviewees, notes)
    VALUES (new.rowid, new.interviewees, new.notes);
END;
CREATE TRIGGER interviews_fts_delete AFTER DELETE ON interviews BEGIN
    INSERT INTO interviews_fts (interviews_fts, rowid, interviewees, notes)
    VALUES ('delete', old.rowid, old.interviewees, old.notes);
END;
CREATE TRIGGER interviews_fts_update AFTER UPDATE OF interviewees, notes ON interviews BEGIN
    INSERT INTO interviews_fts (interviews_fts, rowid, interviewees, notes)
    VALUES ('delete', old.rowid, old.interviewees, old.notes);
    INSERT INTO interviews_fts (rowid, interviewees, notes)
    VALUES (new.rowid, new.interviewees, new.notes);
END;

CREATE VIRTUAL TABLE pain_points_fts USING fts5 (
    title, description,
    content = 'pain_points', content_rowid = 'rowid', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER pain_points_fts_insert AFTER INSERT ON pain_points BEGIN
    INSERT INTO pain_points_fts (rowid, title, description)
    VALUES (new.rowid, new.title, new.description);
END;
CREATE TRIGGER pain_points_fts_delete AFTER DELETE ON pain_points BEGIN
    INSERT INTO pain_points_fts (pain_points_fts, rowid, title, description)
    VALUES ('delete', old.rowid, old.title, old.description);
END;
CREATE TRIGGER pain_points_fts_update AFTER UPDATE OF title, description ON pain_points BEGIN
    INSERT INTO pain_points_fts (pain_points_fts, rowid, title, description)
    VALUES ('delete', old.rowid, old.title, old.description);
    INSERT INTO pain_points_fts (rowid, title, description)
    VALUES (new.rowid, new.title, new.description);
END;

CREATE VIRTUAL TABLE themes_fts USING fts5 (
    name, content = 'themes', content_rowid = 'rowid', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER themes_fts_insert AFTER INSERT ON themes BEGIN
    INSERT INTO themes_fts (rowid, name) VALUES (new.rowid, new.name);
END;
CREATE TRIGGER themes_fts_delete AFTER DELETE ON themes BEGIN
    INSERT INTO themes_fts (themes_fts, rowid, name) VALUES ('delete', old.rowid, old.name);
END;
CREATE TRIGGER themes_fts_update AFTER UPDATE OF name ON themes BEGIN
    INSERT INTO themes_fts (themes_fts, rowid, name) VALUES ('delete', old.rowid, old.name);
    INSERT INTO themes_fts (rowid, name) VALUES (new.rowid, new.name);
END;

-- Settings a workspace keeps, such as after how many weeks a customer counts as unheard.
CREATE TABLE settings (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) STRICT, WITHOUT ROWID;
