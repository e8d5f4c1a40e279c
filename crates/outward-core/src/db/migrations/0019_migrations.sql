-- Migrations the platform team asks its customers to make (from one version, service or way
-- of working to another), run as part of the product's experience: the consumer teams each
-- one affects, where each stands, what it costs them and what the platform team does to make
-- it cheaper. Named `platform_migrations` so they are never mistaken for the schema's own.
--
-- Days are ISO dates (`YYYY-MM-DD`), so they compare as text.

CREATE TABLE platform_migrations (
    id            TEXT PRIMARY KEY NOT NULL,
    title         TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    from_what     TEXT NOT NULL DEFAULT '' CHECK (length(from_what) <= 200),
    to_what       TEXT NOT NULL DEFAULT '' CHECK (length(to_what) <= 200),
    product_id    TEXT REFERENCES products (id) ON DELETE SET NULL,
    starts_on     TEXT NOT NULL CHECK (date(starts_on) = starts_on),
    deadline      TEXT NOT NULL CHECK (date(deadline) = deadline AND deadline >= starts_on),
    -- The commitment this migration is, if the team committed to it for a quarter.
    commitment_id TEXT REFERENCES commitments (id) ON DELETE SET NULL,
    -- The percentage metric its completion feeds, quarter by quarter.
    metric_id     TEXT REFERENCES metrics (id) ON DELETE SET NULL,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    deleted_at    TEXT
) STRICT;
CREATE INDEX platform_migrations_by_deadline ON platform_migrations (deadline, id)
    WHERE deleted_at IS NULL;
CREATE INDEX platform_migrations_by_product ON platform_migrations (product_id)
    WHERE product_id IS NOT NULL;
CREATE INDEX platform_migrations_by_commitment ON platform_migrations (commitment_id)
    WHERE commitment_id IS NOT NULL;

-- A consumer team a migration affects, where it stands now, and the hours the migration costs
-- it (estimated until the team reports what it spent).
CREATE TABLE migration_teams (
    migration_id   TEXT NOT NULL REFERENCES platform_migrations (id) ON DELETE CASCADE,
    customer_id    TEXT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    state          TEXT NOT NULL
                   CHECK (state IN ('notStarted', 'inProgress', 'blocked', 'done')),
    -- Why it is blocked; empty in every other state.
    reason         TEXT NOT NULL DEFAULT '' CHECK (length(reason) <= 2000),
    changed_on     TEXT NOT NULL CHECK (date(changed_on) = changed_on),
    hours          REAL NOT NULL DEFAULT 0 CHECK (hours >= 0),
    hours_reported INTEGER NOT NULL DEFAULT 0 CHECK (hours_reported IN (0, 1)),
    CHECK ((state = 'blocked') = (reason <> '')),
    PRIMARY KEY (migration_id, customer_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX migration_teams_by_customer ON migration_teams (customer_id);

-- Every state a consumer team has been in and the day it moved there, for the burn-up.
CREATE TABLE migration_team_changes (
    migration_id TEXT NOT NULL REFERENCES platform_migrations (id) ON DELETE CASCADE,
    customer_id  TEXT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    changed_on   TEXT NOT NULL CHECK (date(changed_on) = changed_on),
    -- The order of changes on the same day.
    seq          INTEGER NOT NULL,
    state        TEXT NOT NULL
                 CHECK (state IN ('notStarted', 'inProgress', 'blocked', 'done')),
    PRIMARY KEY (migration_id, changed_on, seq)
) STRICT, WITHOUT ROWID;
CREATE INDEX migration_team_changes_by_customer ON migration_team_changes (customer_id);

-- What the platform team provides to make the migration cheaper for its consumers, and the
-- hours it spends on that.
CREATE TABLE migration_help (
    id           TEXT PRIMARY KEY NOT NULL,
    migration_id TEXT NOT NULL REFERENCES platform_migrations (id) ON DELETE CASCADE,
    kind         TEXT NOT NULL CHECK (kind IN ('automation', 'bridge', 'docs', 'doneForThem')),
    description  TEXT NOT NULL CHECK (length(description) BETWEEN 1 AND 2000),
    hours        REAL NOT NULL DEFAULT 0 CHECK (hours >= 0),
    created_at   TEXT NOT NULL
) STRICT;
CREATE INDEX migration_help_by_migration ON migration_help (migration_id, created_at);
