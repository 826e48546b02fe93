-- 0005 indexed progress_entries(supersedes_id) for the "is this entry corrected?" lookups, but the
-- column's UNIQUE constraint (0001) already has an index that serves them: the second index only cost
-- space and a write on every progress entry. Applied migrations never change, so it goes here.
DROP INDEX IF EXISTS progress_entries_supersedes;
