-- The search index re-indexes a record only when its indexed text changed. Editing an
-- interview's details (its customer, date or kind) writes its interviewees and notes back as
-- they were, and a pain point's form writes back its title and description with its status;
-- the triggers fired on the columns being named, so each such save re-tokenised the whole
-- notes (about 3,000 words) and wrote a new index segment for text that had not changed. They
-- now compare the old and new text first. Saves that change the text index it as before, in
-- the same transaction.
DROP TRIGGER interviews_fts_update;
CREATE TRIGGER interviews_fts_update AFTER UPDATE OF interviewees, notes ON interviews
WHEN old.interviewees IS NOT new.interviewees OR old.notes IS NOT new.notes
BEGIN
    INSERT INTO interviews_fts (interviews_fts, rowid, interviewees, notes)
    VALUES ('delete', old.rowid, old.interviewees, old.notes);
    INSERT INTO interviews_fts (rowid, interviewees, notes)
    VALUES (new.rowid, new.interviewees, new.notes);
END;

DROP TRIGGER pain_points_fts_update;
CREATE TRIGGER pain_points_fts_update AFTER UPDATE OF title, description ON pain_points
WHEN old.title IS NOT new.title OR old.description IS NOT new.description
BEGIN
    INSERT INTO pain_points_fts (pain_points_fts, rowid, title, description)
    VALUES ('delete', old.rowid, old.title, old.description);
    INSERT INTO pain_points_fts (rowid, title, description)
    VALUES (new.rowid, new.title, new.description);
END;
