-- Snapshots keep the exact bytes that were hashed (jsonb would reorder keys), and a lock taken by the
-- unit that owns a plan (its report was submitted) freezes every entry of that plan in the window.

ALTER TABLE report_snapshots ADD COLUMN content_text text;
UPDATE report_snapshots SET content_text = content::text;
ALTER TABLE report_snapshots ALTER COLUMN content_text SET NOT NULL;

CREATE OR REPLACE FUNCTION cchc_refuse_locked_progress() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    lock record;
BEGIN
    SELECT l.period_id, l.window_from, l.window_to INTO lock
      FROM period_locks l
      JOIN activities a ON a.plan_id = l.plan_id
      JOIN plans p ON p.id = a.plan_id
     WHERE a.id = NEW.activity_id
       AND l.reopened_at IS NULL
       AND (l.unit_id IS NULL OR l.unit_id = p.owner_unit_id OR l.unit_id = NEW.unit_id
            OR l.unit_id = (SELECT parent_id FROM units WHERE id = NEW.unit_id))
       AND NEW.entry_date BETWEEN l.window_from AND l.window_to
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'cchc: period % (% – %) is locked', lock.period_id, lock.window_from, lock.window_to
            USING ERRCODE = 'P0001', HINT = 'period-locked', DETAIL = lock.period_id;
    END IF;
    RETURN NEW;
END
$$;
