-- Coverage shows, for every customer team, how many open pain points (new, accepted or planned;
-- not in the Trash, not merged) name it or quote its live interviews. Counting that on each
-- read gathered about 100,000 customer–pain point pairs at a heavy user's size. Two tables
-- derived from the others now keep the answer, kept in step by the triggers below on every
-- write, whichever path makes it:
--   customer_pain_points: each customer and pain point linked, with how many links join them
--     (the pain point naming the customer, and each quote from one of its live interviews);
--   customer_open_pain_points: per customer, how many of its linked pain points are open; a
--     customer with none has no row.
-- Neither is exported; importing a bundle rebuilds both (`coverage::rebuild_counts`).
CREATE TABLE customer_pain_points (
    customer_id   TEXT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    pain_point_id TEXT NOT NULL REFERENCES pain_points (id) ON DELETE CASCADE,
    links         INTEGER NOT NULL,
    PRIMARY KEY (customer_id, pain_point_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX customer_pain_points_by_pain_point ON customer_pain_points (pain_point_id);

CREATE TABLE customer_open_pain_points (
    customer_id      TEXT PRIMARY KEY NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    open_pain_points INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

INSERT INTO customer_pain_points (customer_id, pain_point_id, links)
SELECT customer_id, pain_point_id, count(*) FROM (
    SELECT customer_id, pain_point_id FROM pain_point_customers
    UNION ALL
    SELECT i.customer_id, h.pain_point_id
    FROM highlights h JOIN interviews i INDEXED BY interviews_live ON i.id = h.interview_id
    WHERE i.deleted_at IS NULL
) GROUP BY customer_id, pain_point_id;

INSERT INTO customer_open_pain_points (customer_id, open_pain_points)
SELECT x.customer_id, count(*)
FROM customer_pain_points x JOIN pain_points p ON p.id = x.pain_point_id
WHERE p.deleted_at IS NULL AND p.merged_into IS NULL AND p.status IN ('new', 'accepted', 'planned')
GROUP BY x.customer_id;

-- A pair appears or goes: its customer's count follows if the pain point is open.
CREATE TRIGGER customer_pain_points_insert AFTER INSERT ON customer_pain_points
WHEN EXISTS (SELECT 1 FROM pain_points WHERE id = new.pain_point_id AND deleted_at IS NULL
             AND merged_into IS NULL AND status IN ('new', 'accepted', 'planned'))
BEGIN
    INSERT INTO customer_open_pain_points (customer_id, open_pain_points)
    VALUES (new.customer_id, 1)
    ON CONFLICT (customer_id) DO UPDATE SET open_pain_points = open_pain_points + 1;
END;

CREATE TRIGGER customer_pain_points_delete AFTER DELETE ON customer_pain_points
WHEN EXISTS (SELECT 1 FROM pain_points WHERE id = old.pain_point_id AND deleted_at IS NULL
             AND merged_into IS NULL AND status IN ('new', 'accepted', 'planned'))
BEGIN
    UPDATE customer_open_pain_points SET open_pain_points = open_pain_points - 1
    WHERE customer_id = old.customer_id;
    DELETE FROM customer_open_pain_points
    WHERE customer_id = old.customer_id AND open_pain_points <= 0;
END;

-- A pain point opens or closes (status, Trash, merge): every customer linked to it follows.
CREATE TRIGGER pain_points_open_count_update AFTER UPDATE OF status, deleted_at, merged_into ON pain_points
WHEN (old.deleted_at IS NULL AND old.merged_into IS NULL AND old.status IN ('new', 'accepted', 'planned'))
  <> (new.deleted_at IS NULL AND new.merged_into IS NULL AND new.status IN ('new', 'accepted', 'planned'))
BEGIN
    UPDATE customer_open_pain_points SET open_pain_points = open_pain_points - 1
    WHERE NOT (new.deleted_at IS NULL AND new.merged_into IS NULL
               AND new.status IN ('new', 'accepted', 'planned'))
      AND customer_id IN (SELECT customer_id FROM customer_pain_points WHERE pain_point_id = new.id);
    DELETE FROM customer_open_pain_points WHERE open_pain_points <= 0;
    INSERT INTO customer_open_pain_points (customer_id, open_pain_points)
    SELECT customer_id, 1 FROM customer_pain_points
    WHERE new.deleted_at IS NULL AND new.merged_into IS NULL
      AND new.status IN ('new', 'accepted', 'planned') AND pain_point_id = new.id
    ON CONFLICT (customer_id) DO UPDATE SET open_pain_points = open_pain_points + 1;
END;

CREATE TRIGGER pain_points_open_count_insert AFTER INSERT ON pain_points
WHEN new.deleted_at IS NULL AND new.merged_into IS NULL AND new.status IN ('new', 'accepted', 'planned')
BEGIN
    INSERT INTO customer_open_pain_points (customer_id, open_pain_points)
    SELECT customer_id, 1 FROM customer_pain_points WHERE pain_point_id = new.id
    ON CONFLICT (customer_id) DO UPDATE SET open_pain_points = open_pain_points + 1;
END;

-- Before a row goes, while it can still be read; the links its going cascades to then find
-- it gone and change nothing.
CREATE TRIGGER pain_points_open_count_delete BEFORE DELETE ON pain_points
WHEN old.deleted_at IS NULL AND old.merged_into IS NULL AND old.status IN ('new', 'accepted', 'planned')
BEGIN
    UPDATE customer_open_pain_points SET open_pain_points = open_pain_points - 1
    WHERE customer_id IN (SELECT customer_id FROM customer_pain_points WHERE pain_point_id = old.id);
    DELETE FROM customer_open_pain_points WHERE open_pain_points <= 0;
END;

-- A pain point names a customer, or stops naming it.
CREATE TRIGGER pain_point_customers_links_insert AFTER INSERT ON pain_point_customers
BEGIN
    INSERT INTO customer_pain_points (customer_id, pain_point_id, links)
    VALUES (new.customer_id, new.pain_point_id, 1)
    ON CONFLICT (customer_id, pain_point_id) DO UPDATE SET links = links + 1;
END;

CREATE TRIGGER pain_point_customers_links_delete AFTER DELETE ON pain_point_customers
BEGIN
    UPDATE customer_pain_points SET links = links - 1
    WHERE customer_id = old.customer_id AND pain_point_id = old.pain_point_id;
    DELETE FROM customer_pain_points
    WHERE customer_id = old.customer_id AND pain_point_id = old.pain_point_id AND links <= 0;
END;

CREATE TRIGGER pain_point_customers_links_update AFTER UPDATE ON pain_point_customers
BEGIN
    UPDATE customer_pain_points SET links = links - 1
    WHERE customer_id = old.customer_id AND pain_point_id = old.pain_point_id;
    DELETE FROM customer_pain_points
    WHERE customer_id = old.customer_id AND pain_point_id = old.pain_point_id AND links <= 0;
    INSERT INTO customer_pain_points (customer_id, pain_point_id, links)
    VALUES (new.customer_id, new.pain_point_id, 1)
    ON CONFLICT (customer_id, pain_point_id) DO UPDATE SET links = links + 1;
END;

-- A quote from a live interview links its customer to the pain point. Whether the interview
-- is live is read from the covering index, not the row: its Trash mark sits after the notes.
CREATE TRIGGER highlights_links_insert AFTER INSERT ON highlights
BEGIN
    INSERT INTO customer_pain_points (customer_id, pain_point_id, links)
    SELECT i.customer_id, new.pain_point_id, 1 FROM interviews i INDEXED BY interviews_live
    WHERE i.id = new.interview_id AND i.deleted_at IS NULL
    ON CONFLICT (customer_id, pain_point_id) DO UPDATE SET links = links + 1;
END;

CREATE TRIGGER highlights_links_delete AFTER DELETE ON highlights
BEGIN
    UPDATE customer_pain_points SET links = links - 1
    WHERE pain_point_id = old.pain_point_id AND customer_id =
        (SELECT i.customer_id FROM interviews i INDEXED BY interviews_live
         WHERE i.id = old.interview_id AND i.deleted_at IS NULL);
    DELETE FROM customer_pain_points
    WHERE pain_point_id = old.pain_point_id AND links <= 0 AND customer_id =
        (SELECT i.customer_id FROM interviews i INDEXED BY interviews_live
         WHERE i.id = old.interview_id AND i.deleted_at IS NULL);
END;

CREATE TRIGGER highlights_links_update AFTER UPDATE OF interview_id, pain_point_id ON highlights
BEGIN
    UPDATE customer_pain_points SET links = links - 1
    WHERE pain_point_id = old.pain_point_id AND customer_id =
        (SELECT i.customer_id FROM interviews i INDEXED BY interviews_live
         WHERE i.id = old.interview_id AND i.deleted_at IS NULL);
    DELETE FROM customer_pain_points
    WHERE pain_point_id = old.pain_point_id AND links <= 0 AND customer_id =
        (SELECT i.customer_id FROM interviews i INDEXED BY interviews_live
         WHERE i.id = old.interview_id AND i.deleted_at IS NULL);
    INSERT INTO customer_pain_points (customer_id, pain_point_id, links)
    SELECT i.customer_id, new.pain_point_id, 1 FROM interviews i INDEXED BY interviews_live
    WHERE i.id = new.interview_id AND i.deleted_at IS NULL
    ON CONFLICT (customer_id, pain_point_id) DO UPDATE SET links = links + 1;
END;

-- An interview goes to the Trash, comes back, or moves to another customer: its quotes' links
-- follow.
CREATE TRIGGER interviews_links_update AFTER UPDATE OF customer_id, deleted_at ON interviews
WHEN old.customer_id IS NOT new.customer_id OR (old.deleted_at IS NULL) <> (new.deleted_at IS NULL)
BEGIN
    UPDATE customer_pain_points
    SET links = links - (SELECT count(*) FROM highlights h
                         WHERE h.interview_id = old.id AND h.pain_point_id = customer_pain_points.pain_point_id)
    WHERE old.deleted_at IS NULL AND customer_id = old.customer_id
      AND pain_point_id IN (SELECT pain_point_id FROM highlights WHERE interview_id = old.id);
    DELETE FROM customer_pain_points
    WHERE old.deleted_at IS NULL AND customer_id = old.customer_id AND links <= 0;
    INSERT INTO customer_pain_points (customer_id, pain_point_id, links)
    SELECT new.customer_id, pain_point_id, count(*) FROM highlights
    WHERE new.deleted_at IS NULL AND interview_id = new.id
    GROUP BY pain_point_id
    ON CONFLICT (customer_id, pain_point_id) DO UPDATE SET links = links + excluded.links;
END;

CREATE TRIGGER interviews_links_insert AFTER INSERT ON interviews
WHEN new.deleted_at IS NULL
BEGIN
    INSERT INTO customer_pain_points (customer_id, pain_point_id, links)
    SELECT new.customer_id, pain_point_id, count(*) FROM highlights
    WHERE interview_id = new.id
    GROUP BY pain_point_id
    ON CONFLICT (customer_id, pain_point_id) DO UPDATE SET links = links + excluded.links;
END;

CREATE TRIGGER interviews_links_delete BEFORE DELETE ON interviews
WHEN old.deleted_at IS NULL
BEGIN
    UPDATE customer_pain_points
    SET links = links - (SELECT count(*) FROM highlights h
                         WHERE h.interview_id = old.id AND h.pain_point_id = customer_pain_points.pain_point_id)
    WHERE customer_id = old.customer_id
      AND pain_point_id IN (SELECT pain_point_id FROM highlights WHERE interview_id = old.id);
    DELETE FROM customer_pain_points WHERE customer_id = old.customer_id AND links <= 0;
END;

-- The Trash lists what is in it, newest first. An interview's Trash mark sits after its notes,
-- so finding the trashed ones walked every interview's notes; these small indexes hold only
-- trashed rows, with every column the Trash reads of them.
CREATE INDEX interviews_trashed ON interviews (deleted_at, id, customer_id, held_on)
    WHERE deleted_at IS NOT NULL;
CREATE INDEX pain_points_trashed ON pain_points (deleted_at, id, title, merged_into)
    WHERE deleted_at IS NOT NULL;
