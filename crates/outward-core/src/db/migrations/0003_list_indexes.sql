-- Indexes that serve a filtered page in its full order (date then id, weight then id), so
-- SQLite reads one page of rows instead of sorting every match.

DROP INDEX interviews_by_customer;
CREATE INDEX interviews_by_customer ON interviews (customer_id, held_on DESC, id DESC);

DROP INDEX pain_points_by_status;
CREATE INDEX pain_points_by_status ON pain_points (status, weight DESC, id)
    WHERE deleted_at IS NULL AND merged_into IS NULL;

-- Pain points reached by one customer: the evidence in that customer's interviews, read from
-- the index alone, and the live pain points' weights, to sort them without reading each row.
DROP INDEX highlights_by_interview;
CREATE INDEX highlights_by_interview ON highlights (interview_id, start_offset, pain_point_id);
CREATE INDEX pain_points_live ON pain_points (id, weight)
    WHERE deleted_at IS NULL AND merged_into IS NULL;
