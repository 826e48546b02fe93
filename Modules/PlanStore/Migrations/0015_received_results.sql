-- 0015: results that reached the Văn phòng on paper before they were typed in (nhập bù). A unit reports
-- on time when its result reached the Văn phòng by the period's deadline (docs/domain.md §5): normally
-- the day it was recorded in cchc; for a result backfilled from a paper report or official letter, the
-- day of that document, named with it ("Báo cáo số 12/BC-PHC ngày 10/6/2024"). Only an admin states it,
-- the audit keeps who did and when, and recorded_at still says when it was typed.
ALTER TABLE progress_entries
    ADD COLUMN received_on date,
    ADD COLUMN received_in text CHECK (received_in IS NULL OR length(received_in) BETWEEN 1 AND 500),
    ADD CONSTRAINT progress_entries_received_together CHECK ((received_on IS NULL) = (received_in IS NULL));

-- The paper's day lies between the result's own day and the day it is typed in; only an admin gives it,
-- except that a correction (by anyone allowed to correct) keeps the corrected entry's, unchanged.
CREATE FUNCTION cchc_vet_received() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF NEW.received_on IS NULL THEN
        RETURN NEW;
    END IF;
    IF NEW.received_on < NEW.entry_date OR NEW.received_on > (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date THEN
        RAISE EXCEPTION 'cchc: received_on % lies outside % .. today', NEW.received_on, NEW.entry_date
            USING ERRCODE = '23514', HINT = 'received-on-range';
    END IF;
    IF coalesce(cchc_actor_role(), '') <> 'cchc_admin' AND NOT EXISTS (
        SELECT 1 FROM progress_entries prior
         WHERE prior.id = NEW.supersedes_id AND prior.received_on = NEW.received_on AND prior.received_in = NEW.received_in
    ) THEN
        RAISE EXCEPTION 'cchc: only an admin records a result received on paper'
            USING ERRCODE = '42501', HINT = 'received-admin-only';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER vet_received BEFORE INSERT ON progress_entries
    FOR EACH ROW EXECUTE FUNCTION cchc_vet_received();
