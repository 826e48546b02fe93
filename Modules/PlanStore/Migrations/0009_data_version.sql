-- cchc schema, part 9: a version number every committed change of the plan data moves.
--
-- The web server keeps costly read models (a board reads 100,000 entries) and rendered pages while the
-- data they come from is unchanged. "Unchanged" must be exact and must not be fooled by writes that are
-- not plan data (a session's last-seen time, a failed sign-in), so the database keeps the count:
--
-- 1. Every table except the sign-in bookkeeping and the audit log carries a statement trigger that, at
--    the first write of a transaction, inserts the transaction's id into `data_write_marks`.
-- 2. That table has a deferred constraint trigger: at commit, once per writing transaction, it adds one
--    to `data_version.version` and removes the mark. The version row is locked only for the commit
--    itself, so writers never wait on each other for it in the middle of their work.
-- 3. A reader that reads `version` and computes in the same REPEATABLE READ snapshot has computed
--    exactly the data of that version; while `version` reads the same, no data write has committed.
--
-- Raw SQL cannot dodge it: the triggers fire for every role, and no application role may write the two
-- tables (the trigger functions run as their owner).

CREATE TABLE data_version (
    singleton  boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    version    bigint NOT NULL CHECK (version >= 0)
);
INSERT INTO data_version (version) VALUES (0);
REVOKE ALL ON data_version FROM PUBLIC, cchc_admin, cchc_unit, cchc_viewer, cchc_web_service;
GRANT SELECT ON data_version TO cchc_admin, cchc_unit, cchc_viewer, cchc_web_service;

CREATE TABLE data_write_marks (
    xid  xid8 PRIMARY KEY DEFAULT pg_current_xact_id()
);
REVOKE ALL ON data_write_marks FROM PUBLIC, cchc_admin, cchc_unit, cchc_viewer, cchc_web_service;

CREATE FUNCTION cchc_mark_data_write() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    INSERT INTO data_write_marks DEFAULT VALUES ON CONFLICT (xid) DO NOTHING;
    RETURN NULL;
END
$$;

CREATE FUNCTION cchc_bump_data_version() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    UPDATE data_version SET version = version + 1;
    DELETE FROM data_write_marks WHERE xid = NEW.xid;
    RETURN NULL;
END
$$;
REVOKE EXECUTE ON FUNCTION cchc_mark_data_write(), cchc_bump_data_version() FROM PUBLIC;

CREATE CONSTRAINT TRIGGER bump_version AFTER INSERT ON data_write_marks
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cchc_bump_data_version();

-- Every table of the schema but these; a later migration's new table gets the trigger there (a test
-- checks that none is missing).
DO $$
DECLARE
    t regclass;
BEGIN
    FOR t IN
        SELECT c.oid::regclass FROM pg_class c
         WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')
           AND c.relname NOT IN ('data_version', 'data_write_marks', 'schema_migrations', 'audit_log',
                                 'web_sessions', 'web_sign_in_failures', 'user_credentials')
         ORDER BY c.relname
    LOOP
        EXECUTE format('CREATE TRIGGER mark_data_write AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %s
                        FOR EACH STATEMENT EXECUTE FUNCTION cchc_mark_data_write()', t);
    END LOOP;
END
$$;
