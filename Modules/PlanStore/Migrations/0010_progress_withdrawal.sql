-- A result recorded by mistake (a junk entry) is withdrawn, not deleted: entries stay append-only. The
-- withdrawal is an entry of its own that supersedes the withdrawn one, carries the reason and is marked
-- `withdrawn`; neither counts in any figure, both stay in the history and the audit. Because it is an
-- entry superseding another, every rule for corrections holds for it as written: row-level security (a
-- unit withdraws only its own results), the locks (nothing dated inside a locked window is withdrawn), one
-- successor per entry (an entry is withdrawn once, and a withdrawn entry can no longer be corrected).

ALTER TABLE progress_entries ADD COLUMN withdrawn boolean NOT NULL DEFAULT false;

ALTER TABLE progress_entries ADD CONSTRAINT progress_entries_withdrawal_shape
    CHECK (NOT withdrawn OR (supersedes_id IS NOT NULL AND reason IS NOT NULL AND quantity IS NULL));

-- A withdrawal is final: it is neither corrected nor withdrawn (record a new result instead), and it
-- carries no evidence.
CREATE FUNCTION cchc_refuse_superseding_withdrawal() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF NEW.supersedes_id IS NOT NULL
       AND EXISTS (SELECT 1 FROM progress_entries p WHERE p.id = NEW.supersedes_id AND p.withdrawn) THEN
        RAISE EXCEPTION 'Mục tiến độ #% là mục rút kết quả; không sửa hay rút lại được (hãy ghi một kết quả mới).',
            NEW.supersedes_id USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER refuse_superseding_withdrawal BEFORE INSERT ON progress_entries
    FOR EACH ROW EXECUTE FUNCTION cchc_refuse_superseding_withdrawal();

CREATE FUNCTION cchc_refuse_evidence_on_withdrawal() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM progress_entries p WHERE p.id = NEW.progress_entry_id AND p.withdrawn) THEN
        RAISE EXCEPTION 'Mục tiến độ #% là mục rút kết quả; không kèm tài liệu kiểm chứng.', NEW.progress_entry_id
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER refuse_evidence_on_withdrawal BEFORE INSERT ON evidence
    FOR EACH ROW EXECUTE FUNCTION cchc_refuse_evidence_on_withdrawal();
