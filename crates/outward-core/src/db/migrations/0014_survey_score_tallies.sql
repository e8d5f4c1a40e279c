-- How many live responses gave each score to each question, over every customer team: the
-- roll-up a quarter's metric values and a metric's trend read, a few rows per question, where
-- the per-customer tallies (kept for the breakdown) hold nearly a row per answer once many
-- customer teams answer. Kept in step from those tallies by the triggers below, so every write
-- the tallies follow (answers written, changed or deleted; responses trashed, restored,
-- rematched or deleted) reaches it too; derived, so a bundle's import rebuilds it.
CREATE TABLE survey_score_tallies (
    question_id TEXT NOT NULL REFERENCES survey_questions (id) ON DELETE CASCADE,
    value       INTEGER NOT NULL,
    n           INTEGER NOT NULL,
    PRIMARY KEY (question_id, value)
) STRICT, WITHOUT ROWID;

INSERT INTO survey_score_tallies (question_id, value, n)
SELECT question_id, value, sum(n) FROM survey_answer_tallies GROUP BY question_id, value;

CREATE TRIGGER survey_answer_tallies_roll_up_insert AFTER INSERT ON survey_answer_tallies
BEGIN
    INSERT INTO survey_score_tallies (question_id, value, n)
    VALUES (new.question_id, new.value, new.n)
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;
CREATE TRIGGER survey_answer_tallies_roll_up_update AFTER UPDATE OF n ON survey_answer_tallies
BEGIN
    UPDATE survey_score_tallies SET n = n + new.n - old.n
    WHERE question_id = new.question_id AND value = new.value;
END;
CREATE TRIGGER survey_answer_tallies_roll_up_delete AFTER DELETE ON survey_answer_tallies
BEGIN
    UPDATE survey_score_tallies SET n = n - old.n
    WHERE question_id = old.question_id AND value = old.value;
END;
