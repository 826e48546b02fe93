-- cchc schema, part 3: what day-to-day administration needs on top of 0001–0002.
--
-- 1. A unit keeps its identity across renames and moves. `unit rename` and `unit move` close the old
--    row the day before the effective date and open a successor linked by 'renamed-to' lineage (the
--    old name stays valid for documents dated before the change). Every row linked that way is the same
--    unit: its assignments, its staff and its locks follow it (`cchc_unit_chain`).
-- 2. Row-level security counts a unit's whole chain (staff of a renamed division keep their activities),
--    and a unit may correct only its own entries.
-- 3. A locked period also refuses a correction of an entry dated inside it, and locks of a renamed unit
--    still hold.
-- 4. Who recorded an entry and who locked or reopened a period is stamped by the database, never taken
--    from the client; a lock can only be reopened (once), never edited or deleted.

-- Every row of the same unit: `unit` and the rows linked to it by 'renamed-to', in either direction.
CREATE FUNCTION cchc_unit_chain(unit bigint) RETURNS SETOF bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    WITH RECURSIVE chain(id) AS (
        SELECT unit WHERE unit IS NOT NULL
        UNION
        SELECT CASE WHEN l.from_unit_id = c.id THEN l.to_unit_id ELSE l.from_unit_id END
          FROM chain c
          JOIN unit_lineage l ON l.kind = 'renamed-to' AND (l.from_unit_id = c.id OR l.to_unit_id = c.id)
    )
    SELECT id FROM chain
$$;

-- The row of the unit's chain valid on `day` (the unit itself when none is).
CREATE FUNCTION cchc_unit_on(unit bigint, day date) RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT coalesce(
        (SELECT u.id FROM units u
          WHERE u.id IN (SELECT cchc_unit_chain(unit))
            AND (u.valid_from IS NULL OR u.valid_from <= day)
            AND (u.valid_to IS NULL OR u.valid_to >= day)
          ORDER BY u.valid_from DESC NULLS LAST, u.id DESC
          LIMIT 1),
        unit)
$$;

-- The unit of a progress entry (read as the owner, so policies on progress_entries may use it).
CREATE FUNCTION cchc_progress_unit(entry bigint) RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT unit_id FROM progress_entries WHERE id = entry
$$;

-- Whether `unit` (any row of its chain) leads or coordinates `activity`, directly or as a member of an
-- assigned group.
CREATE OR REPLACE FUNCTION cchc_unit_takes_part(activity bigint, unit bigint) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT EXISTS (
        SELECT 1
          FROM activity_assignments aa
         WHERE aa.activity_id = activity
           AND (aa.unit_id IN (SELECT cchc_unit_chain(unit))
                OR EXISTS (SELECT 1 FROM unit_group_members m
                            WHERE m.group_id = aa.unit_id
                              AND m.member_id IN (SELECT cchc_unit_chain(unit)))))
$$;

DROP POLICY unit_own ON progress_entries;
CREATE POLICY unit_own ON progress_entries FOR INSERT TO cchc_unit
    WITH CHECK (unit_id IN (SELECT cchc_unit_chain(cchc_current_unit()))
                AND cchc_unit_takes_part(activity_id, unit_id)
                AND (supersedes_id IS NULL
                     OR cchc_progress_unit(supersedes_id) IN (SELECT cchc_unit_chain(cchc_current_unit()))));

DROP POLICY unit_own ON evidence;
CREATE POLICY unit_own ON evidence FOR INSERT TO cchc_unit
    WITH CHECK (cchc_progress_unit(progress_entry_id) IN (SELECT cchc_unit_chain(cchc_current_unit())));

-- Refuses an entry dated inside a locked window, and a correction of an entry dated inside one.
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
     WHERE a.id = NEW.activity_id
       AND l.reopened_at IS NULL
       AND (l.unit_id IS NULL
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

-- Who recorded an entry, and when, is the session's actor and the server's clock.
CREATE FUNCTION cchc_stamp_progress() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.recorded_by := cchc_actor();
    NEW.recorded_at := now();
    RETURN NEW;
END
$$;
CREATE TRIGGER stamp BEFORE INSERT ON progress_entries
    FOR EACH ROW EXECUTE FUNCTION cchc_stamp_progress();

-- A lock is stamped when made; afterwards the only change is one reopening (stamped too), with a reason.
CREATE FUNCTION cchc_guard_period_lock() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        NEW.locked_by := cchc_actor();
        NEW.locked_at := now();
        NEW.reopened_at := NULL;
        NEW.reopened_by := NULL;
        NEW.reopen_reason := NULL;
        RETURN NEW;
    END IF;
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'cchc: a period lock is never deleted; reopen it instead'
            USING ERRCODE = 'P0001', HINT = 'lock-immutable';
    END IF;
    IF OLD.reopened_at IS NOT NULL
       OR NEW.reopened_at IS NULL
       OR (NEW.plan_id, NEW.unit_id, NEW.period_id, NEW.regime, NEW.window_from, NEW.window_to,
           NEW.locked_at, NEW.locked_by)
          IS DISTINCT FROM
          (OLD.plan_id, OLD.unit_id, OLD.period_id, OLD.regime, OLD.window_from, OLD.window_to,
           OLD.locked_at, OLD.locked_by) THEN
        RAISE EXCEPTION 'cchc: a period lock can only be reopened, once'
            USING ERRCODE = 'P0001', HINT = 'lock-immutable';
    END IF;
    NEW.reopened_at := now();
    NEW.reopened_by := cchc_actor();
    RETURN NEW;
END
$$;
CREATE TRIGGER guard BEFORE INSERT OR UPDATE OR DELETE ON period_locks
    FOR EACH ROW EXECUTE FUNCTION cchc_guard_period_lock();

-- Audit queries by activity read progress entries' and assignments' rows.
CREATE INDEX audit_log_activity ON audit_log (((coalesce(after, before) ->> 'activity_id')))
    WHERE table_name IN ('activity_assignments', 'products', 'progress_entries');
