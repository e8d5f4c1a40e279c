-- Saving notes keeps the full-text index in step in the same transaction, but no longer tidies
-- the index there. By default FTS5 merges a little of its index after every write
-- ('automerge'); for an interview's notes, whose every save writes a new segment of a few
-- thousand terms, that merging was the slowest part of most slow saves. The app now merges the
-- notes' index when nobody is writing (`search::tidy_index`), and FTS5 still merges at once
-- should 16 segments pile up on one level ('crisismerge', unchanged), so a long burst of writes
-- without a pause (an import) cannot leave searches reading a growing pile of segments.
INSERT INTO interviews_fts (interviews_fts, rank) VALUES ('automerge', 0);
