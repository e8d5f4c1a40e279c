-- Indexes that let the reads skipping the Trash find live interviews and pain points without
-- reading their rows. An interview's `deleted_at` comes after its notes, so checking it on the
-- row walks the notes' overflow pages (tens of kilobytes each): every quote of a pain point's
-- evidence, every interview counted for a theme or a customer's coverage paid that. Each index
-- holds the columns those reads use, the filter column included, so SQLite reads the index only.

CREATE INDEX interviews_live ON interviews (id, customer_id, held_on, deleted_at)
    WHERE deleted_at IS NULL;
CREATE INDEX interviews_live_by_customer ON interviews (customer_id, held_on DESC, id DESC, deleted_at)
    WHERE deleted_at IS NULL;
CREATE INDEX pain_points_live_status ON pain_points (id, status, deleted_at, merged_into)
    WHERE deleted_at IS NULL AND merged_into IS NULL;

-- Statistics for the new indexes at once: without them the planner looks a live interview up by
-- its primary key and reads the row after all (`PRAGMA optimize` keeps them fresh later). A
-- table with no rows yet gets none: statistics of an empty table mislead the planner.
ANALYZE interviews;
ANALYZE pain_points;
DELETE FROM sqlite_stat1 WHERE tbl = 'interviews' AND NOT EXISTS (SELECT 1 FROM interviews);
DELETE FROM sqlite_stat1 WHERE tbl = 'pain_points' AND NOT EXISTS (SELECT 1 FROM pain_points);
ANALYZE sqlite_schema;
