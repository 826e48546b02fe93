-- Snapshots keep the exact bytes that were hashed (jsonb would reorder keys), and a lock taken for the
-- unit that owns a plan (its report was submitted) freezes every entry of that plan in the window.

ALTER TABLE report_snapshots ADD COLUMN content_text text;
UPDATE report_snapshots SET content_text = content::text;
ALTER TABLE report_snapshots ALTER COLUMN content_text SET NOT NULL;

-- As in 0003 (entries and corrections dated inside a locked window, units followed across renames),
-- plus locks held by the plan's owner.
CREATE OR REPLACE FUNCTION cchc_refuse_locked_progress() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    lock record;
    days date[] := ARRAY[NEW.entry_date];
BEGIN
    IF NEW.supersedes_id IS NOT NULL THEN
        days := days || (SELECT p.entry_date FROM progress_entries p WHERE p.id = NEW.supersedes_id);
    END IF;
    SELECT l.period_id, l.window_from, l.window_to INTO lock
      FROM period_locks l
      JOIN activities a ON a.plan_id = l.plan_id
      JOIN plans p ON p.id = a.plan_id
     WHERE a.id = NEW.activity_id
       AND l.reopened_at IS NULL
       AND (l.unit_id IS NULL
            OR l.unit_id IN (SELECT cchc_unit_chain(p.owner_unit_id))
            OR l.unit_id IN (SELECT cchc_unit_chain(NEW.unit_id))
            OR l.unit_id IN (SELECT cchc_unit_chain(u.parent_id) FROM units u WHERE u.id = NEW.unit_id))
       AND EXISTS (SELECT 1 FROM unnest(days) AS d(day) WHERE d.day BETWEEN l.window_from AND l.window_to)
     ORDER BY l.window_from
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'cchc: period % (% – %) is locked', lock.period_id, lock.window_from, lock.window_to
            USING ERRCODE = 'P0001', HINT = 'period-locked', DETAIL = lock.period_id;
    END IF;
    RETURN NEW;
END
$$;
