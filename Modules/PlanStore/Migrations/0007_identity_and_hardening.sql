-- cchc schema, part 7: people are who their PostgreSQL login says, and raw SQL cannot dodge the rules.
--
-- 1. Identity. A person (`users`) may be mapped to a PostgreSQL login (`db_login`); a session is that
--    person. `cchc.user` no longer names the actor by itself: it is honoured only when it names the
--    session's own person, or when the session is an operator (a superuser, a member of the database's
--    owner, or an active admin person) acting for someone else, which the audit records as
--    "operator acting as actor". Anyone else setting it is refused. The group role of a mapped login
--    follows the person's role and active flag (granted and revoked by a trigger).
-- 2. Logins differing only by case are one login.
-- 3. Every function of the schema resolves names in pg_catalog, then public, then pg_temp (last), and
--    the application roles cannot create temporary objects: a temporary `audit_log` or `users` table
--    can no longer swallow audit rows or change who a unit is.
-- 4. Locks cover everything dated inside a locked window: entries and corrections of the locked unit
--    and of every unit below it, evidence added to such entries, and activity state changes dated
--    inside it.
-- 5. Submitted snapshots are immutable (one change allowed: submitted → superseded by a newer version);
--    only the owner's maintenance removes one. schema_migrations is the migrator's alone.
-- 6. An evidence file's sha256 is the digest of its content, checked by the database; control
--    characters other than tab and line breaks are stripped from every text value written.

-- 1. Identity -------------------------------------------------------------------------------------

ALTER TABLE users ADD COLUMN db_login text UNIQUE CHECK (db_login <> '');
CREATE UNIQUE INDEX users_login_folded ON users (lower(login));

ALTER TABLE audit_log ADD COLUMN operator text;

-- Whether this session may act for other people: a superuser, a member of the role that owns the
-- database (the schema's owner and its migrator), or an active administrator.
CREATE FUNCTION cchc_session_is_operator() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = session_user AND rolsuper)
        OR pg_has_role(session_user, (SELECT datdba FROM pg_database WHERE datname = current_database()), 'MEMBER')
        OR EXISTS (SELECT 1 FROM users WHERE db_login = session_user::text AND role = 'admin' AND active)
$$;

-- Who is acting: the person `cchc.user` names when the session may act as them, else the session's own
-- person, else (direct SQL by an unmapped login) the login itself.
CREATE OR REPLACE FUNCTION cchc_actor() RETURNS text
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    requested text := nullif(current_setting('cchc.user', true), '');
    own text;
BEGIN
    SELECT login INTO own FROM users WHERE db_login = session_user::text;
    IF requested IS NULL OR requested = own THEN
        RETURN coalesce(own, session_user::text);
    END IF;
    IF cchc_session_is_operator() THEN
        RETURN requested;
    END IF;
    RAISE EXCEPTION 'cchc: login % may not act as %', session_user, requested
        USING ERRCODE = '42501', HINT = 'act-as-forbidden', DETAIL = coalesce(own, session_user::text);
END
$$;

-- Who made the session act as someone else (the operator), or NULL when people act as themselves.
CREATE FUNCTION cchc_operator() RETURNS text
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    requested text := nullif(current_setting('cchc.user', true), '');
    own text;
BEGIN
    SELECT login INTO own FROM users WHERE db_login = session_user::text;
    IF requested IS NULL OR requested = own THEN
        RETURN NULL;
    END IF;
    RETURN coalesce(own, session_user::text);
END
$$;

CREATE OR REPLACE FUNCTION cchc_audit() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    old_row jsonb := CASE WHEN TG_OP IN ('UPDATE', 'DELETE') THEN to_jsonb(OLD) END;
    new_row jsonb := CASE WHEN TG_OP IN ('INSERT', 'UPDATE') THEN to_jsonb(NEW) END;
    any_row jsonb;
BEGIN
    IF TG_NARGS > 0 THEN
        old_row := old_row - TG_ARGV;
        new_row := new_row - TG_ARGV;
    END IF;
    IF TG_OP = 'UPDATE' AND old_row = new_row THEN
        RETURN NULL;
    END IF;
    any_row := coalesce(new_row, old_row);
    INSERT INTO public.audit_log (actor, operator, db_login, table_name, row_id, action, before, after)
    VALUES (cchc_actor(), cchc_operator(), session_user, TG_TABLE_NAME,
            coalesce(any_row ->> 'id', any_row ->> 'activity_id', any_row ->> 'group_id', any_row ->> 'sha256'),
            lower(TG_OP), old_row, new_row);
    RETURN NULL;
END
$$;

-- Revokes the group roles `login` holds directly, but `keep`.
CREATE FUNCTION cchc_revoke_group_roles(login text, keep text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    group_role text;
BEGIN
    FOR group_role IN
        SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles l ON l.oid = m.member
         WHERE l.rolname = login AND g.rolname IN ('cchc_admin', 'cchc_unit', 'cchc_viewer')
           AND g.rolname IS DISTINCT FROM keep
    LOOP
        EXECUTE format('REVOKE %I FROM %I', group_role, login);
    END LOOP;
END
$$;

-- A mapped login holds exactly the group role of its person while the person is active, and none when
-- disabled or unmapped. Superusers and members of the database owner need no group role and are left
-- alone; a unit or viewer person cannot be mapped to such a login (its SQL would bypass every rule).
CREATE FUNCTION cchc_sync_login_roles() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.db_login IS NOT NULL AND OLD.db_login IS DISTINCT FROM NEW.db_login
       AND EXISTS (SELECT 1 FROM pg_roles WHERE rolname = OLD.db_login) THEN
        PERFORM cchc_revoke_group_roles(OLD.db_login, NULL);
    END IF;
    IF NEW.db_login IS NULL THEN
        RETURN NULL;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = NEW.db_login) THEN
        RAISE EXCEPTION 'cchc: PostgreSQL login % does not exist', NEW.db_login
            USING ERRCODE = 'P0001', HINT = 'login-missing', DETAIL = NEW.db_login;
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = NEW.db_login AND rolsuper)
       OR pg_has_role(NEW.db_login, (SELECT datdba FROM pg_database WHERE datname = current_database()), 'MEMBER') THEN
        IF NEW.role <> 'admin' THEN
            RAISE EXCEPTION 'cchc: login % is privileged and cannot belong to a % person', NEW.db_login, NEW.role
                USING ERRCODE = 'P0001', HINT = 'login-privileged', DETAIL = NEW.db_login;
        END IF;
        RETURN NULL;
    END IF;
    PERFORM cchc_revoke_group_roles(NEW.db_login, CASE WHEN NEW.active THEN 'cchc_' || NEW.role END);
    IF NEW.active AND NOT EXISTS (
        SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles l ON l.oid = m.member
         WHERE l.rolname = NEW.db_login AND g.rolname = 'cchc_' || NEW.role) THEN
        EXECUTE format('GRANT %I TO %I', 'cchc_' || NEW.role, NEW.db_login);
    END IF;
    RETURN NULL;
EXCEPTION WHEN insufficient_privilege THEN
    RAISE EXCEPTION 'cchc: the schema owner may not grant the group roles: %', SQLERRM
        USING ERRCODE = '42501', HINT = 'grant-roles-missing';
END
$$;
CREATE TRIGGER sync_login_roles AFTER INSERT OR UPDATE OF db_login, role, active ON users
    FOR EACH ROW EXECUTE FUNCTION cchc_sync_login_roles();

-- An administrator acting for a unit or a viewer switches to that person's group role.
DO $$
BEGIN
    GRANT cchc_unit, cchc_viewer TO cchc_admin;
EXCEPTION WHEN insufficient_privilege THEN
    RAISE EXCEPTION 'cchc: cannot grant cchc_unit and cchc_viewer to cchc_admin (%): run deploy/postgres/setup-roles.sql as a superuser first',
        SQLERRM;
END
$$;

-- 3. Names resolve in pg_catalog, public, pg_temp; no temporary objects for the application ----------

DO $$
DECLARE
    f regprocedure;
BEGIN
    FOR f IN
        SELECT p.oid::regprocedure
          FROM pg_proc p
         WHERE p.pronamespace = 'public'::regnamespace
           AND NOT EXISTS (SELECT 1 FROM pg_depend d
                            WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
    LOOP
        EXECUTE format('ALTER FUNCTION %s SET search_path = pg_catalog, public, pg_temp', f);
    END LOOP;
    EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
    REVOKE CREATE ON SCHEMA public FROM PUBLIC;
END
$$;

-- 2 (cont.), 4. Locks ----------------------------------------------------------------------------------

-- The unit (every row of its chain) and every unit above it, following renames at each level.
CREATE FUNCTION cchc_unit_and_ancestors(unit bigint) RETURNS SETOF bigint
LANGUAGE sql STABLE SET search_path = pg_catalog, public, pg_temp AS $$
    WITH RECURSIVE up(id) AS (
        SELECT c FROM cchc_unit_chain(unit) AS c
        UNION
        SELECT c FROM up JOIN units u ON u.id = up.id CROSS JOIN LATERAL cchc_unit_chain(u.parent_id) AS c
         WHERE u.parent_id IS NOT NULL
    )
    SELECT id FROM up
$$;

-- The first open lock of the activity's plan covering one of `days` for `unit` (the plan as a whole,
-- its owner, or the unit or a unit above it); NULL `unit` means any unit taking part in the activity.
CREATE FUNCTION cchc_covering_lock(activity bigint, unit bigint, days date[])
RETURNS TABLE (period_id text, window_from date, window_to date)
LANGUAGE sql STABLE SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT l.period_id, l.window_from, l.window_to
      FROM period_locks l
      JOIN activities a ON a.plan_id = l.plan_id
      JOIN plans p ON p.id = a.plan_id
     WHERE a.id = activity
       AND l.reopened_at IS NULL
       AND EXISTS (SELECT 1 FROM unnest(days) AS d(day) WHERE d.day BETWEEN l.window_from AND l.window_to)
       AND (l.unit_id IS NULL
            OR l.unit_id IN (SELECT cchc_unit_chain(p.owner_unit_id))
            OR (unit IS NOT NULL AND l.unit_id IN (SELECT cchc_unit_and_ancestors(unit)))
            OR (unit IS NULL AND l.unit_id IN (SELECT cchc_unit_and_ancestors(aa.unit_id)
                                                 FROM activity_assignments aa WHERE aa.activity_id = activity)))
     ORDER BY l.window_from
     LIMIT 1
$$;

CREATE FUNCTION cchc_raise_locked(period_id text, window_from date, window_to date) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    RAISE EXCEPTION 'cchc: period % (% – %) is locked', period_id, window_from, window_to
        USING ERRCODE = 'P0001', HINT = 'period-locked', DETAIL = period_id;
END
$$;

-- An entry dated inside a locked window, or a correction of one, for the locked unit or any unit below.
CREATE OR REPLACE FUNCTION cchc_refuse_locked_progress() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    lock record;
    old_entry record;
BEGIN
    SELECT * INTO lock FROM cchc_covering_lock(NEW.activity_id, NEW.unit_id, ARRAY[NEW.entry_date]);
    IF NOT FOUND AND NEW.supersedes_id IS NOT NULL THEN
        SELECT p.activity_id, p.unit_id, p.entry_date INTO old_entry FROM progress_entries p WHERE p.id = NEW.supersedes_id;
        IF FOUND THEN
            SELECT * INTO lock FROM cchc_covering_lock(old_entry.activity_id, old_entry.unit_id, ARRAY[old_entry.entry_date]);
        END IF;
    END IF;
    IF lock.period_id IS NOT NULL THEN
        PERFORM cchc_raise_locked(lock.period_id, lock.window_from, lock.window_to);
    END IF;
    RETURN NEW;
END
$$;

-- Evidence added to an entry dated inside a locked window.
CREATE FUNCTION cchc_refuse_locked_evidence() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    lock record;
BEGIN
    SELECT l.* INTO lock
      FROM progress_entries p CROSS JOIN LATERAL cchc_covering_lock(p.activity_id, p.unit_id, ARRAY[p.entry_date]) AS l
     WHERE p.id = NEW.progress_entry_id;
    IF FOUND THEN
        PERFORM cchc_raise_locked(lock.period_id, lock.window_from, lock.window_to);
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER refuse_locked BEFORE INSERT ON evidence
    FOR EACH ROW EXECUTE FUNCTION cchc_refuse_locked_evidence();

-- A state change (done, cancelled, reopened) dated inside a locked window, either the old or the new day.
CREATE FUNCTION cchc_refuse_locked_state() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    lock record;
    days date[];
BEGIN
    IF (NEW.state, NEW.state_on) IS NOT DISTINCT FROM (OLD.state, OLD.state_on) THEN
        RETURN NEW;
    END IF;
    days := array_remove(ARRAY[OLD.state_on, NEW.state_on], NULL);
    IF cardinality(days) = 0 THEN
        RETURN NEW;
    END IF;
    SELECT * INTO lock FROM cchc_covering_lock(NEW.id, NULL, days);
    IF FOUND THEN
        PERFORM cchc_raise_locked(lock.period_id, lock.window_from, lock.window_to);
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER refuse_locked_state BEFORE UPDATE OF state, state_on ON activities
    FOR EACH ROW EXECUTE FUNCTION cchc_refuse_locked_state();

-- 5. Snapshots and the migration record --------------------------------------------------------------

CREATE FUNCTION cchc_guard_snapshot() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    owner oid := (SELECT relowner FROM pg_class WHERE oid = TG_RELID);
BEGIN
    -- The owner's maintenance (superuser, or the owner role itself, not an application role).
    IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
       OR (SELECT oid FROM pg_roles WHERE rolname = current_user) = owner THEN
        RETURN coalesce(NEW, OLD);
    END IF;
    IF TG_OP = 'UPDATE' AND OLD.status = 'submitted' AND NEW.status = 'superseded'
       AND (to_jsonb(NEW) - 'status') = (to_jsonb(OLD) - 'status') THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'cchc: a submitted report snapshot is never changed or deleted'
        USING ERRCODE = 'P0001', HINT = 'snapshot-immutable';
END
$$;
CREATE TRIGGER guard BEFORE UPDATE OR DELETE ON report_snapshots
    FOR EACH ROW EXECUTE FUNCTION cchc_guard_snapshot();

-- NOT VALID: snapshots stored before 0004 kept jsonb's rewriting of their text, not the hashed bytes.
ALTER TABLE report_snapshots ADD CONSTRAINT report_snapshots_sha256_matches
    CHECK (sha256 = encode(sha256(convert_to(content_text, 'UTF8')), 'hex')) NOT VALID;

REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON schema_migrations FROM PUBLIC, cchc_admin, cchc_unit, cchc_viewer;

-- 6. File digests and control characters ---------------------------------------------------------

ALTER TABLE evidence_files ADD CONSTRAINT evidence_files_sha256_matches
    CHECK (sha256 = encode(sha256(content), 'hex'));
ALTER TABLE evidence_files ADD CONSTRAINT evidence_files_name_clean
    CHECK (file_name <> '' AND file_name !~ '[\x01-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F/]');

-- NFC, and no control characters but tab and line breaks, for every text value of a row.
CREATE OR REPLACE FUNCTION cchc_normalize_row() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    row_text text := to_jsonb(NEW)::text;
    normalized jsonb;
BEGIN
    -- jsonb text writes C0 controls as \uXXXX (\b and \f as such) and C1 controls and DEL as they are.
    IF row_text IS NFC NORMALIZED AND row_text !~ '\\u00[01][0-9a-fA-F]|\\[bf]|[\x7F-\x9F]' THEN
        RETURN NEW;
    END IF;
    SELECT jsonb_object_agg(
               key,
               CASE
                   WHEN jsonb_typeof(value) = 'string' THEN to_jsonb(cchc_clean_text(value #>> '{}'))
                   WHEN jsonb_typeof(value) = 'array' THEN (
                       SELECT coalesce(jsonb_agg(
                                  CASE WHEN jsonb_typeof(e) = 'string' THEN to_jsonb(cchc_clean_text(e #>> '{}'))
                                       ELSE e END ORDER BY i), '[]'::jsonb)
                       FROM jsonb_array_elements(value) WITH ORDINALITY AS a(e, i))
                   ELSE value
               END)
      INTO normalized
      FROM jsonb_each(to_jsonb(NEW));
    NEW := jsonb_populate_record(NEW, normalized);
    RETURN NEW;
END
$$;

CREATE FUNCTION cchc_clean_text(value text) RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT normalize(regexp_replace(value, '[\x01-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]', '', 'g'), NFC)
$$;
