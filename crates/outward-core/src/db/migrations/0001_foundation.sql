-- Teams, their people and products (the portfolio), and internal customer teams.
-- Rows are never deleted by the app directly: `deleted_at` moves them to the Trash.

CREATE TABLE teams (
    id          TEXT PRIMARY KEY NOT NULL,
    name        TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT
) STRICT;
CREATE UNIQUE INDEX teams_live_name ON teams (name COLLATE NOCASE) WHERE deleted_at IS NULL;

CREATE TABLE people (
    id         TEXT PRIMARY KEY NOT NULL,
    team_id    TEXT NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    role       TEXT NOT NULL DEFAULT '',
    level      TEXT NOT NULL CHECK (level IN ('junior', 'mid', 'senior', 'staff', 'principal')),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
) STRICT;
CREATE INDEX people_team ON people (team_id, name);

CREATE TABLE products (
    id          TEXT PRIMARY KEY NOT NULL,
    team_id     TEXT NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    stage       TEXT NOT NULL CHECK (stage IN ('incubating', 'generallyAvailable', 'deprecated')),
    description TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT
) STRICT;
CREATE UNIQUE INDEX products_live_name ON products (team_id, name COLLATE NOCASE) WHERE deleted_at IS NULL;

CREATE TABLE customers (
    id         TEXT PRIMARY KEY NOT NULL,
    name       TEXT NOT NULL,
    department TEXT NOT NULL DEFAULT '',
    size       INTEGER CHECK (size IS NULL OR size >= 0),
    contacts   TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
) STRICT;
CREATE UNIQUE INDEX customers_live_name ON customers (name COLLATE NOCASE) WHERE deleted_at IS NULL;

CREATE TABLE customer_products (
    customer_id TEXT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    product_id  TEXT NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    PRIMARY KEY (customer_id, product_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX customer_products_product ON customer_products (product_id);
