-- Indexes for the reads of a quarter's review and of the black-hole meter at a heavy user's size.
--
-- The review names, for each of the quarter's commitments, the later one carrying it on: that
-- read scanned every commitment, once per commitment of the quarter.
CREATE INDEX commitments_carried_on ON commitments (carried_from, quarter_starts_on, id)
    WHERE carried_from IS NOT NULL AND deleted_at IS NULL;

-- A quarter's review folds every pain point's status changes, in order, into its status when
-- the quarter ended: the index of changes by pain point now holds the statuses too.
DROP INDEX pain_point_status_changes_by_pain_point;
CREATE INDEX pain_point_status_changes_by_pain_point
    ON pain_point_status_changes (pain_point_id, changed_at, id, from_status, to_status);

-- The black-hole meter reads every ticket open at a moment: never resolved (one in twelve over
-- years of imports) or resolved after it. The indexes of those held only when each was opened
-- (and resolved), so each cost a lookup of its row for its id and first response. They now
-- hold every column the meter reads of them (`resolved_at` and `deleted_at` too, so SQLite
-- counts them as covering for a query that names them).
DROP INDEX tickets_never_resolved;
CREATE INDEX tickets_never_resolved ON tickets
    (opened_at, first_response_at, id, resolved_at, deleted_at)
    WHERE resolved_at IS NULL AND deleted_at IS NULL;
DROP INDEX tickets_by_resolved;
CREATE INDEX tickets_by_resolved ON tickets
    (resolved_at, opened_at, first_response_at, id, deleted_at)
    WHERE resolved_at IS NOT NULL AND deleted_at IS NULL;
