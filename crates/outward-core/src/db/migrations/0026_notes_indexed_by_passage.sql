-- Interview notes are indexed by passage instead of whole. Each save of notes re-tokenised the
-- whole interview (about 3,000 words) to delete it from the index and again to add it back;
-- now a save deletes only the passages that are gone and indexes only the new ones, usually
-- one or two of about thirty in a long interview (search/passages.rs says where one ends).
--
-- `interview_passages` holds, for interview row r: at row id r << 32 the interviewees, and
-- from r << 32 + 1 on each distinct passage of the notes. A new passage takes the next free
-- number in its interview's range. `outward_passages(notes)` and the two below are the app's
-- functions that cut the notes (search/passages.rs); every connection the app opens has them.
DROP TRIGGER interviews_fts_insert;
DROP TRIGGER interviews_fts_delete;
DROP TRIGGER interviews_fts_update;
DROP TABLE interviews_fts;

-- With an index of every word's first three letters: search takes the last word typed as a
-- prefix, and a prefix as common as "the" otherwise merges the lists of every word it begins,
-- which at thirty passages to an interview took ten times as long.
CREATE VIRTUAL TABLE interview_passages USING fts5 (
    interviewees, notes, tokenize = 'unicode61 remove_diacritics 2', prefix = '3'
);
-- Merged when the app is idle, as the whole-notes index was (migration 0009).
INSERT INTO interview_passages (interview_passages, rank) VALUES ('automerge', 0);

-- The interviews already stored are indexed after this, by the migration's hook
-- (`search::passages::index_all`), which gives the migration the function it needs.

CREATE TRIGGER interview_passages_insert AFTER INSERT ON interviews BEGIN
    INSERT INTO interview_passages (rowid, interviewees, notes)
    VALUES (new.rowid << 32, new.interviewees, '');
    INSERT INTO interview_passages (rowid, interviewees, notes)
    SELECT (new.rowid << 32) + 1 + key, '', value FROM json_each(outward_passages(new.notes));
END;

CREATE TRIGGER interview_passages_delete AFTER DELETE ON interviews BEGIN
    DELETE FROM interview_passages
    WHERE rowid >= old.rowid << 32 AND rowid < (old.rowid + 1) << 32;
END;

CREATE TRIGGER interview_passages_interviewees AFTER UPDATE OF interviewees ON interviews
WHEN old.interviewees IS NOT new.interviewees
BEGIN
    UPDATE interview_passages SET interviewees = new.interviewees WHERE rowid = new.rowid << 32;
END;

-- A save trusts that the index holds the passages of the old notes: it deletes those that are
-- gone and indexes those that are new, numbered after the interview's last row (read from the
-- index's own table of row sizes, where that is one seek).
CREATE TRIGGER interview_passages_notes AFTER UPDATE OF notes ON interviews
WHEN old.notes IS NOT new.notes
BEGIN
    DELETE FROM interview_passages
    WHERE rowid > new.rowid << 32 AND rowid < (new.rowid + 1) << 32
      AND notes IN (SELECT value FROM json_each(outward_passages_gone(old.notes, new.notes)));
    INSERT INTO interview_passages (rowid, interviewees, notes)
    SELECT (SELECT max(id) FROM interview_passages_docsize WHERE id < (new.rowid + 1) << 32)
           + row_number() OVER (), '', value
    FROM json_each(outward_passages_added(old.notes, new.notes));
END;
