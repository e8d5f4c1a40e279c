-- Tickets: requests customer teams filed in a tracker (Jira, ServiceNow, GitHub, any CSV),
-- imported from its exports, so the team can see how long requests wait for a first answer.
--
-- A ticket is named by its tracker and its key there; importing an overlapping export again
-- updates the tickets it already holds. Times are UTC, written the one way the core writes
-- them, so they compare as text. `response_seconds` is the time to first response, kept with
-- the row so a quarter's statistics read one covering index and never parse a date.

CREATE TABLE tickets (
    id                TEXT PRIMARY KEY NOT NULL,
    source            TEXT NOT NULL CHECK (length(source) BETWEEN 1 AND 100),
    key               TEXT NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
    title             TEXT NOT NULL DEFAULT '' CHECK (length(title) <= 1000),
    status            TEXT NOT NULL DEFAULT '' CHECK (length(status) <= 100),
    opened_at         TEXT NOT NULL,
    first_response_at TEXT CHECK (first_response_at IS NULL OR first_response_at >= opened_at),
    resolved_at       TEXT CHECK (resolved_at IS NULL OR resolved_at >= opened_at),
    response_seconds  INTEGER CHECK (response_seconds IS NULL OR response_seconds >= 0),
    -- The product or component as the export named it, and the product it was matched to.
    product_label     TEXT NOT NULL DEFAULT '' CHECK (length(product_label) <= 200),
    product_id        TEXT REFERENCES products (id) ON DELETE SET NULL,
    -- The requesting team as the export named it, and the customer team it was matched to.
    team_label        TEXT NOT NULL DEFAULT '' CHECK (length(team_label) <= 200),
    customer_id       TEXT REFERENCES customers (id) ON DELETE SET NULL,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    deleted_at        TEXT,
    CHECK ((first_response_at IS NULL) = (response_seconds IS NULL))
) STRICT;
CREATE UNIQUE INDEX tickets_by_key ON tickets (source, key);
-- A quarter's tickets with everything its statistics read (`deleted_at` too, always NULL
-- here, so the query that names it needs no row of the table).
CREATE INDEX tickets_by_opened ON tickets
    (opened_at, response_seconds, product_id, customer_id, deleted_at)
    WHERE deleted_at IS NULL;
-- What was still open, or still unanswered, at a moment: never closed, or closed after it.
CREATE INDEX tickets_never_resolved ON tickets (opened_at)
    WHERE resolved_at IS NULL AND deleted_at IS NULL;
CREATE INDEX tickets_by_resolved ON tickets (resolved_at, opened_at)
    WHERE resolved_at IS NOT NULL AND deleted_at IS NULL;
CREATE INDEX tickets_by_product ON tickets (product_id) WHERE product_id IS NOT NULL;
CREATE INDEX tickets_by_customer ON tickets (customer_id) WHERE customer_id IS NOT NULL;

-- A column mapping that worked, remembered by the export's header row for the next import.
CREATE TABLE ticket_import_mappings (
    id         TEXT PRIMARY KEY NOT NULL,
    -- The header row, its cells joined by a line feed.
    headers    TEXT NOT NULL,
    mapping    TEXT NOT NULL CHECK (json_valid(mapping)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX ticket_import_mappings_by_headers ON ticket_import_mappings (headers);

-- The duration metric each import keeps up to date with the quarters' median time to first
-- response (one row at most), so a goal can target it.
CREATE TABLE ticket_response_metric (
    one       INTEGER PRIMARY KEY NOT NULL CHECK (one = 1),
    metric_id TEXT REFERENCES metrics (id) ON DELETE SET NULL
) STRICT;
