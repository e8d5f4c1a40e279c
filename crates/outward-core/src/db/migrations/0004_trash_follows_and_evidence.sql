-- Records that hang on another go to the Trash with it: a customer's interviews, and the pain
-- points and themes merged into one. Until now trashing a customer left its interviews live,
-- and emptying the Trash then destroyed them without listing them. Put every such record in
-- the Trash with the one it hangs on, stamped with the same time, so it is listed under it,
-- counted, and restored with it.
UPDATE interviews
SET deleted_at = (SELECT c.deleted_at FROM customers c WHERE c.id = interviews.customer_id)
WHERE deleted_at IS NULL
  AND customer_id IN (SELECT id FROM customers WHERE deleted_at IS NOT NULL);

WITH RECURSIVE followers (id, deleted_at) AS (
    SELECT id, deleted_at FROM pain_points WHERE deleted_at IS NOT NULL
    UNION
    SELECT p.id, f.deleted_at FROM pain_points p JOIN followers f ON p.merged_into = f.id
    WHERE p.deleted_at IS NULL
)
UPDATE pain_points SET deleted_at = (SELECT f.deleted_at FROM followers f WHERE f.id = pain_points.id)
WHERE deleted_at IS NULL AND id IN (SELECT id FROM followers);

WITH RECURSIVE followers (id, deleted_at) AS (
    SELECT id, deleted_at FROM themes WHERE deleted_at IS NOT NULL
    UNION
    SELECT t.id, f.deleted_at FROM themes t JOIN followers f ON t.merged_into = f.id
    WHERE t.deleted_at IS NULL
)
UPDATE themes SET deleted_at = (SELECT f.deleted_at FROM followers f WHERE f.id = themes.id)
WHERE deleted_at IS NULL AND id IN (SELECT id FROM followers);

-- The evidence a pain point rests on, defined once: weights, reach, counts and lists all read
-- it, so they cannot disagree. Today a quote marked in an interview that is not in the Trash;
-- other sources of evidence join this view when they arrive.
CREATE VIEW evidence AS
SELECT h.id AS id, h.pain_point_id, 'interview' AS source, h.interview_id AS source_id,
       i.customer_id, i.held_on AS heard_on, h.quote, h.start_offset, h.end_offset, h.detached
FROM highlights h
JOIN interviews i ON i.id = h.interview_id
WHERE i.deleted_at IS NULL;

-- The customers a pain point reaches: those named on it and those heard from in its evidence,
-- neither in the Trash. A customer can appear more than once: count distinct customers. (UNION
-- ALL lets SQLite push a filter on either column into both halves; UNION would build the
-- whole list first.)
CREATE VIEW pain_point_reach AS
SELECT pc.pain_point_id, pc.customer_id
FROM pain_point_customers pc
JOIN customers c ON c.id = pc.customer_id
WHERE c.deleted_at IS NULL
UNION ALL
SELECT e.pain_point_id, e.customer_id
FROM evidence e
JOIN customers c ON c.id = e.customer_id
WHERE c.deleted_at IS NULL;

-- Migration 3 was edited once after it first shipped, so a database that reached schema 3
-- before the edit lacks these two indexes in their final form. Build them as 3 defines them.
DROP INDEX IF EXISTS highlights_by_interview;
CREATE INDEX highlights_by_interview ON highlights (interview_id, start_offset, pain_point_id);
CREATE INDEX IF NOT EXISTS pain_points_live ON pain_points (id, weight)
    WHERE deleted_at IS NULL AND merged_into IS NULL;
