-- Proposals can be searched: the folded title and text (see search/search_fold.h), kept on each
-- row like the members' and value cases' keys. Existing rows get theirs when the search keys are
-- refreshed after the migrations (the key version changes with this migration).
ALTER TABLE proposals ADD COLUMN search_key TEXT NOT NULL DEFAULT '';
