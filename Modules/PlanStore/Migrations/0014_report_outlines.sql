-- 0014: the đề cương (outline) of periodic reports as templates an admin loads when Sở Nội vụ sends a new
-- one (docs/templates.md). A template applies to the reports of a unit and every unit below it (a province's
-- UBND, or one Sở), for one regime or every regime; NULL unit = every unit. Loading appends a new version:
-- rows are never changed or deleted, so a submitted report (which keeps the outline it was written in)
-- and the stored versions always agree. The database sets version, hash, who and when.
CREATE TABLE report_outlines (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    unit_id    bigint REFERENCES units (id),
    regime     text CHECK (regime IS NULL OR regime ~ '^[a-z0-9]+$'),
    version    integer NOT NULL CHECK (version > 0),
    source     text NOT NULL CHECK (length(source) BETWEEN 1 AND 200000),
    sha256     text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    loaded_by  text NOT NULL,
    loaded_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE NULLS NOT DISTINCT (unit_id, regime, version),
    CHECK (sha256 = encode(sha256(convert_to(source, 'UTF8')), 'hex'))
);

-- Version, hash, author and time come from the database, whatever the INSERT said. Runs after
-- normalize_nfc (triggers fire in name order), so the hash is of the NFC text.
CREATE FUNCTION cchc_stamp_outline() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    -- One loader at a time per scope, so two loads cannot take the same version.
    PERFORM pg_advisory_xact_lock(hashtext('report_outlines'), hashtext(coalesce(NEW.unit_id::text, '') || '/' || coalesce(NEW.regime, '')));
    NEW.version := coalesce(
        (SELECT max(version) FROM report_outlines o
          WHERE o.unit_id IS NOT DISTINCT FROM NEW.unit_id AND o.regime IS NOT DISTINCT FROM NEW.regime), 0) + 1;
    NEW.sha256 := encode(sha256(convert_to(NEW.source, 'UTF8')), 'hex');
    NEW.loaded_by := cchc_actor();
    NEW.loaded_at := now();
    RETURN NEW;
END
$$;

SELECT cchc_track('report_outlines');
CREATE TRIGGER stamp_outline BEFORE INSERT ON report_outlines
    FOR EACH ROW EXECUTE FUNCTION cchc_stamp_outline();
CREATE TRIGGER append_only BEFORE UPDATE OR DELETE ON report_outlines
    FOR EACH ROW EXECUTE FUNCTION cchc_append_only();
CREATE TRIGGER append_only_truncate BEFORE TRUNCATE ON report_outlines
    FOR EACH STATEMENT EXECUTE FUNCTION cchc_append_only();
CREATE TRIGGER guard_role BEFORE INSERT OR UPDATE OR DELETE ON report_outlines
    FOR EACH STATEMENT EXECUTE FUNCTION cchc_guard_role();
CREATE TRIGGER mark_data_write AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON report_outlines
    FOR EACH STATEMENT EXECUTE FUNCTION cchc_mark_data_write();

ALTER TABLE report_outlines ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_all ON report_outlines FOR SELECT USING (true);
CREATE POLICY admin_load ON report_outlines FOR INSERT TO cchc_admin WITH CHECK (true);
-- Admins load (INSERT); nobody changes a loaded version.
REVOKE UPDATE, DELETE, TRUNCATE ON report_outlines FROM PUBLIC, cchc_admin, cchc_unit, cchc_viewer;
