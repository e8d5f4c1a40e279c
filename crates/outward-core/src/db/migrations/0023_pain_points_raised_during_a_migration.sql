-- A migration's page counts the pain points raised since it started about its product or by
-- its consumer teams, and lists the newest fifty: thousands of live pain points at a heavy
-- user's size, each found by id and read from its row for the day it was recorded. The index
-- of live pain points by id (migration 8) now holds that day too, so the count and the choice
-- of the fifty read the index alone, and only the rows of the fifty shown are read.
DROP INDEX pain_points_live_status;
CREATE INDEX pain_points_live_status
    ON pain_points (id, status, deleted_at, merged_into, created_at)
    WHERE deleted_at IS NULL AND merged_into IS NULL;

-- Statistics for the rebuilt index at once, as migration 8 takes them for its own.
ANALYZE pain_points;
DELETE FROM sqlite_stat1 WHERE tbl = 'pain_points' AND NOT EXISTS (SELECT 1 FROM pain_points);
ANALYZE sqlite_schema;
