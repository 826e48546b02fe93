-- Corrections are looked up from the entry they correct ("is this entry superseded?") by every listing
-- and status query; without an index each lookup scans every progress entry of the database, so
-- listings grew with the whole province's data instead of with the plan's.
CREATE INDEX progress_entries_supersedes ON progress_entries (supersedes_id) WHERE supersedes_id IS NOT NULL;
