-- cchc schema, part 8: signing in to the web application, decided by the database.
--
-- 1. Passwords (bcrypt, cost 12 or more, of the base64 SHA-256 of the password, so long Vietnamese
--    passphrases are not cut at bcrypt's 72 bytes) and TOTP secrets live in `user_credentials`, which
--    no application role may read; the audit records their changes without their values.
-- 2. The database checks a password (pgcrypto's crypt) and mints the session: the web application's
--    login never reads a hash and cannot make a session for anyone. Five failed sign-ins for one login
--    or one address within 15 minutes make the next attempts wait, longer each time.
-- 3. A session is a random token whose SHA-256 is stored; the person of every web transaction is taken
--    from `cchc.web_token` by `cchc_actor()`, and a web service login (member of `cchc_web_service`) has
--    no person without a valid token. Sessions end at sign-out, after their idle time, at their absolute
--    lifetime, when an administrator ends them, and when the person is disabled.
-- 4. Every write statement checks that the group role in effect is the acting person's (a session that
--    may switch roles cannot write as an administrator for a unit member).

CREATE EXTENSION IF NOT EXISTS pgcrypto;

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'cchc_web_service') THEN
        BEGIN
            CREATE ROLE cchc_web_service NOLOGIN;
        EXCEPTION WHEN duplicate_object OR unique_violation THEN
            NULL;
        END;
    END IF;
END
$$;

CREATE TABLE user_credentials (
    user_id        bigint PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    password_hash  text CHECK (password_hash ~ '^\$2[aby]\$(1[2-9]|2[0-9]|3[01])\$[./A-Za-z0-9]{53}$'),
    must_change    boolean NOT NULL DEFAULT false,
    changed_at     timestamptz,
    totp_secret    text,
    totp_enabled   boolean NOT NULL DEFAULT false,
    CHECK (NOT totp_enabled OR totp_secret IS NOT NULL)
);
REVOKE ALL ON user_credentials FROM PUBLIC, cchc_admin, cchc_unit, cchc_viewer;
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON user_credentials
    FOR EACH ROW EXECUTE FUNCTION cchc_audit('password_hash', 'totp_secret');

CREATE TABLE web_sessions (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    token_sha256   text        NOT NULL UNIQUE CHECK (token_sha256 ~ '^[0-9a-f]{64}$'),
    user_id        bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    csrf_token     text        NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    last_seen_at   timestamptz NOT NULL DEFAULT now(),
    expires_at     timestamptz NOT NULL,
    idle_seconds   integer     NOT NULL CHECK (idle_seconds > 0),
    second_factor  boolean     NOT NULL,
    address        text,
    user_agent     text,
    ended_at       timestamptz,
    ended_reason   text,
    CHECK ((ended_at IS NULL) = (ended_reason IS NULL))
);
CREATE INDEX web_sessions_user ON web_sessions (user_id) WHERE ended_at IS NULL;
-- The table is its own record of sign-ins (who, when, from where, how it ended); not in audit_log.
REVOKE ALL ON web_sessions FROM PUBLIC, cchc_admin, cchc_unit, cchc_viewer;

CREATE TABLE web_sign_in_failures (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    login_key  text        NOT NULL,
    address    text,
    at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX web_sign_in_failures_login ON web_sign_in_failures (login_key, at);
CREATE INDEX web_sign_in_failures_address ON web_sign_in_failures (address, at);
REVOKE ALL ON web_sign_in_failures FROM PUBLIC, cchc_admin, cchc_unit, cchc_viewer;

-- Settings an administrator changes (e.g. whether administrators must use a second factor).
CREATE TABLE settings (
    key    text PRIMARY KEY CHECK (key IN ('web.require_totp_for_admin')),
    value  text NOT NULL
);
SELECT cchc_track('settings');

-- The SHA-256 of a session token, as stored.
CREATE FUNCTION cchc_token_digest(token text) RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT encode(sha256(convert_to(token, 'UTF8')), 'hex')
$$;

-- Whether the session's login is a web service login proper: a member of `cchc_web_service` that is not a
-- superuser (pg_has_role answers true for superusers whatever they are members of).
CREATE FUNCTION cchc_session_is_web_login() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT EXISTS (SELECT 1 FROM pg_roles r, pg_roles s
                    WHERE r.rolname = 'cchc_web_service' AND s.rolname = session_user AND NOT s.rolsuper
                      AND pg_has_role(session_user, r.oid, 'MEMBER'))
$$;

-- Whether the session's login is a web service (or a superuser or the database owner, as in the
-- embedded cluster), which may sign people in.
CREATE FUNCTION cchc_session_is_web_service() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT cchc_session_is_web_login()
        OR EXISTS (SELECT 1 FROM pg_roles WHERE rolname = session_user AND rolsuper)
        OR pg_has_role(session_user, (SELECT datdba FROM pg_database WHERE datname = current_database()), 'MEMBER')
$$;

-- The user a live web session belongs to (not ended, within its lifetime and idle time, the person
-- active), or NULL. The second factor is the web application's to ask before it serves a page.
CREATE FUNCTION cchc_web_session_user(token text) RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT s.user_id FROM web_sessions s JOIN users u ON u.id = s.user_id
     WHERE s.token_sha256 = cchc_token_digest(token) AND s.ended_at IS NULL AND now() < s.expires_at
       AND now() < s.last_seen_at + make_interval(secs => s.idle_seconds) AND u.active
$$;

-- Who is acting (0007), and for web transactions the person of the session token.
CREATE OR REPLACE FUNCTION cchc_actor() RETURNS text
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    token text := nullif(current_setting('cchc.web_token', true), '');
    requested text := nullif(current_setting('cchc.user', true), '');
    own text;
BEGIN
    IF token IS NOT NULL THEN
        SELECT u.login INTO own FROM users u WHERE u.id = cchc_web_session_user(token);
        IF own IS NULL THEN
            RAISE EXCEPTION 'cchc: the web session is not valid'
                USING ERRCODE = '42501', HINT = 'web-session-invalid';
        END IF;
        RETURN own;
    END IF;
    IF cchc_session_is_web_login() THEN
        RAISE EXCEPTION 'cchc: a web service login acts only for a signed-in person'
            USING ERRCODE = '42501', HINT = 'web-session-invalid';
    END IF;
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

CREATE OR REPLACE FUNCTION cchc_operator() RETURNS text
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    requested text := nullif(current_setting('cchc.user', true), '');
    own text;
BEGIN
    IF nullif(current_setting('cchc.web_token', true), '') IS NOT NULL THEN
        RETURN NULL;
    END IF;
    SELECT login INTO own FROM users WHERE db_login = session_user::text;
    IF requested IS NULL OR requested = own THEN
        RETURN NULL;
    END IF;
    RETURN coalesce(own, session_user::text);
END
$$;

-- The acting person's group role ('cchc_admin', …), or NULL for a login that is nobody.
CREATE FUNCTION cchc_actor_role() RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT 'cchc_' || role FROM users WHERE login = cchc_actor() AND active
$$;

-- Writes under a group role must be the acting person's role, and a web service login writes only under
-- one (it is a member of all three, to take the role of each signed-in person).
CREATE FUNCTION cchc_guard_role() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF current_user::text IN ('cchc_admin', 'cchc_unit', 'cchc_viewer') THEN
        IF current_user::text IS DISTINCT FROM cchc_actor_role() THEN
            RAISE EXCEPTION 'cchc: role % is not the role of the person acting', current_user
                USING ERRCODE = '42501', HINT = 'role-mismatch';
        END IF;
    ELSIF cchc_session_is_web_login() THEN
        RAISE EXCEPTION 'cchc: a web service login writes only under the signed-in person''s role'
            USING ERRCODE = '42501', HINT = 'role-mismatch';
    END IF;
    RETURN NULL;
END
$$;

DO $$
DECLARE
    t regclass;
BEGIN
    FOREACH t IN ARRAY ARRAY[
        'units', 'unit_aliases', 'unit_lineage', 'unit_group_members', 'users', 'documents', 'plans',
        'plan_revisions', 'sections', 'activities', 'activity_assignments', 'products', 'progress_entries',
        'evidence', 'evidence_files', 'period_locks', 'reports', 'report_snapshots', 'settings'
    ]::regclass[] LOOP
        EXECUTE format('CREATE TRIGGER guard_role BEFORE INSERT OR UPDATE OR DELETE ON %s
                        FOR EACH STATEMENT EXECUTE FUNCTION cchc_guard_role()', t);
    END LOOP;
END
$$;

-- Passwords ----------------------------------------------------------------------------------------

-- Sets a person's password hash (computed by the client: bcrypt of the base64 SHA-256 of the password):
-- an administrator for anyone (the person must change it at the next sign-in unless `must_change` is
-- false), a person for themselves.
CREATE FUNCTION cchc_set_password(p_person text, p_hash text, p_must_change boolean) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v_actor text := cchc_actor();
    v_target bigint;
BEGIN
    SELECT u.id INTO v_target FROM users u WHERE lower(u.login) = lower(p_person);
    IF v_target IS NULL THEN
        RAISE EXCEPTION 'cchc: no user %', p_person USING ERRCODE = 'P0001', HINT = 'user-missing';
    END IF;
    IF NOT (lower(v_actor) = lower(p_person)
            OR EXISTS (SELECT 1 FROM users u WHERE u.login = v_actor AND u.role = 'admin' AND u.active)) THEN
        RAISE EXCEPTION 'cchc: % may not set the password of %', v_actor, p_person USING ERRCODE = '42501';
    END IF;
    INSERT INTO user_credentials AS c (user_id, password_hash, must_change, changed_at)
    VALUES (v_target, p_hash, p_must_change AND lower(v_actor) <> lower(p_person), now())
    ON CONFLICT (user_id) DO UPDATE
       SET password_hash = EXCLUDED.password_hash, must_change = EXCLUDED.must_change, changed_at = now();
END
$$;

-- Sign-in ---------------------------------------------------------------------------------------------

-- Checks a password and, when right, opens a session. Returns one row: outcome 'ok' (token, csrf, the
-- user, whether a second factor must still be given or enrolled, whether the password must be changed),
-- 'failed' (unknown login, wrong password, disabled person or no password: one answer for all),
-- 'throttled' (wait_seconds before the next attempt). Failures are recorded whatever the outcome.
CREATE FUNCTION cchc_web_sign_in(
    p_login text, p_secret text, p_address text, p_user_agent text, p_idle_seconds integer, p_lifetime_seconds integer
) RETURNS TABLE (outcome text, token text, csrf text, user_id bigint, second_factor text, must_change boolean,
                 wait_seconds integer)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
#variable_conflict use_column
DECLARE
    v_key text := lower(btrim(p_login));
    v_person record;
    v_credentials record;
    v_failures integer;
    v_last_failure timestamptz;
    v_wait interval;
    v_stored text;
    v_factor text := 'none';
    v_token text;
    v_csrf text;
    v_require_totp boolean;
BEGIN
    IF NOT cchc_session_is_web_service() THEN
        RAISE EXCEPTION 'cchc: only the web application signs people in' USING ERRCODE = '42501';
    END IF;
    SELECT count(*), max(f.at) INTO v_failures, v_last_failure FROM web_sign_in_failures f
     WHERE (f.login_key = v_key OR (p_address IS NOT NULL AND f.address = p_address)) AND f.at > now() - interval '15 minutes';
    IF v_failures >= 5 THEN
        v_wait := make_interval(secs => least(30 * power(2, v_failures - 5), 900));
        IF now() < v_last_failure + v_wait THEN
            RETURN QUERY SELECT 'throttled'::text, NULL::text, NULL::text, NULL::bigint, NULL::text, NULL::boolean,
                                ceil(extract(epoch FROM v_last_failure + v_wait - now()))::integer;
            RETURN;
        END IF;
    END IF;
    SELECT u.id, u.active, u.role INTO v_person FROM users u WHERE lower(u.login) = v_key;
    SELECT c.password_hash, c.must_change, c.totp_enabled INTO v_credentials
      FROM user_credentials c WHERE c.user_id = v_person.id;
    -- pgcrypto knows bcrypt as $2a$, the same algorithm as $2b$ for inputs under 255 bytes (these are 44).
    v_stored := '$2a$' || substr(coalesce(v_credentials.password_hash, '$2b$12$' || repeat('.', 53)), 5);
    IF v_person.id IS NULL OR NOT v_person.active OR v_credentials.password_hash IS NULL
       OR crypt(p_secret, v_stored) IS DISTINCT FROM v_stored THEN
        INSERT INTO web_sign_in_failures (login_key, address) VALUES (v_key, p_address);
        DELETE FROM web_sign_in_failures f WHERE f.at < now() - interval '1 day';
        RETURN QUERY SELECT 'failed'::text, NULL::text, NULL::text, NULL::bigint, NULL::text, NULL::boolean, NULL::integer;
        RETURN;
    END IF;
    DELETE FROM web_sign_in_failures f WHERE f.login_key = v_key;
    v_require_totp := v_person.role = 'admin'
        AND coalesce((SELECT s.value FROM settings s WHERE s.key = 'web.require_totp_for_admin'), 'false') = 'true';
    IF v_credentials.totp_enabled THEN
        v_factor := 'code';
    ELSIF v_require_totp THEN
        v_factor := 'enrol';
    END IF;
    v_token := encode(gen_random_bytes(32), 'hex');
    v_csrf := encode(gen_random_bytes(24), 'hex');
    INSERT INTO web_sessions (token_sha256, user_id, csrf_token, expires_at, idle_seconds, second_factor, address, user_agent)
    VALUES (cchc_token_digest(v_token), v_person.id, v_csrf, now() + make_interval(secs => p_lifetime_seconds),
            p_idle_seconds, v_factor = 'none', p_address, left(p_user_agent, 300));
    RETURN QUERY SELECT 'ok'::text, v_token, v_csrf, v_person.id, v_factor, v_credentials.must_change, NULL::integer;
END
$$;

-- The live session of a token, touched (at most every 30 seconds): the person and what the page needs.
-- `second_factor_pending` sessions can only give their second factor.
CREATE FUNCTION cchc_web_session(p_token text)
RETURNS TABLE (session_id bigint, user_id bigint, login text, display_name text, role text, unit_id bigint,
               csrf text, second_factor_pending boolean, totp_enabled boolean, must_change boolean)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
#variable_conflict use_column
DECLARE
    v_found record;
BEGIN
    IF NOT cchc_session_is_web_service() THEN
        RAISE EXCEPTION 'cchc: only the web application reads sessions' USING ERRCODE = '42501';
    END IF;
    SELECT s.id AS id, s.user_id AS person, u.login AS login, u.display_name AS name, u.role AS role,
           u.unit_id AS unit, s.csrf_token AS csrf, NOT s.second_factor AS pending,
           coalesce(c.totp_enabled, false) AS totp, coalesce(c.must_change, false) AS change, s.last_seen_at AS seen
      INTO v_found
      FROM web_sessions s JOIN users u ON u.id = s.user_id LEFT JOIN user_credentials c ON c.user_id = s.user_id
     WHERE s.token_sha256 = cchc_token_digest(p_token) AND s.ended_at IS NULL AND now() < s.expires_at
       AND now() < s.last_seen_at + make_interval(secs => s.idle_seconds) AND u.active;
    IF v_found.id IS NULL THEN
        RETURN;
    END IF;
    IF v_found.seen < now() - interval '30 seconds' THEN
        UPDATE web_sessions s SET last_seen_at = now() WHERE s.id = v_found.id;
    END IF;
    RETURN QUERY SELECT v_found.id, v_found.person, v_found.login, v_found.name, v_found.role, v_found.unit,
                        v_found.csrf, v_found.pending, v_found.totp, v_found.change;
END
$$;

-- Ends the session of a token (sign-out).
CREATE FUNCTION cchc_web_sign_out(token text) RETURNS void
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    UPDATE web_sessions SET ended_at = now(), ended_reason = 'sign-out'
     WHERE token_sha256 = cchc_token_digest(token) AND ended_at IS NULL AND cchc_session_is_web_service()
$$;

-- The TOTP secret of a session still waiting for its second factor, or of a signed-in person (to enrol).
CREATE FUNCTION cchc_web_totp_secret(token text) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT c.totp_secret FROM web_sessions s JOIN user_credentials c ON c.user_id = s.user_id
     WHERE s.token_sha256 = cchc_token_digest(token) AND s.ended_at IS NULL AND now() < s.expires_at
       AND cchc_session_is_web_service()
$$;

-- The second factor was given (the web application checked the code): the session becomes live.
CREATE FUNCTION cchc_web_second_factor_done(token text) RETURNS void
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    UPDATE web_sessions SET second_factor = true
     WHERE token_sha256 = cchc_token_digest(token) AND ended_at IS NULL AND now() < expires_at
       AND cchc_session_is_web_service()
$$;

-- Enrolment: stores a new TOTP secret for the session's person (not yet enabled), then enables it once
-- the web application checked a code made with it. Called inside a web transaction (`cchc.web_token`
-- set), so the audit names the person.
CREATE FUNCTION cchc_web_totp_enrol(token text, secret text) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    person bigint;
BEGIN
    SELECT s.user_id INTO person FROM web_sessions s
     WHERE s.token_sha256 = cchc_token_digest(token) AND s.ended_at IS NULL AND now() < s.expires_at;
    IF person IS NULL OR NOT cchc_session_is_web_service() THEN
        RAISE EXCEPTION 'cchc: the web session is not valid' USING ERRCODE = '42501', HINT = 'web-session-invalid';
    END IF;
    INSERT INTO user_credentials (user_id, totp_secret, totp_enabled) VALUES (person, secret, false)
    ON CONFLICT (user_id) DO UPDATE SET totp_secret = EXCLUDED.totp_secret, totp_enabled = false;
END
$$;

CREATE FUNCTION cchc_web_totp_enable(token text) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    person bigint;
BEGIN
    SELECT s.user_id INTO person FROM web_sessions s
     WHERE s.token_sha256 = cchc_token_digest(token) AND s.ended_at IS NULL AND now() < s.expires_at;
    IF person IS NULL OR NOT cchc_session_is_web_service() THEN
        RAISE EXCEPTION 'cchc: the web session is not valid' USING ERRCODE = '42501', HINT = 'web-session-invalid';
    END IF;
    UPDATE user_credentials SET totp_enabled = true WHERE user_id = person AND totp_secret IS NOT NULL;
    UPDATE web_sessions SET second_factor = true WHERE token_sha256 = cchc_token_digest(token);
END
$$;

-- Ends every live session of a person: an administrator for anyone, a person for themselves.
CREATE FUNCTION cchc_end_sessions(person text, reason text) RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    actor text := cchc_actor();
    ended integer;
BEGIN
    IF NOT (lower(actor) = lower(person)
            OR EXISTS (SELECT 1 FROM users WHERE login = actor AND role = 'admin' AND active)) THEN
        RAISE EXCEPTION 'cchc: % may not end the sessions of %', actor, person USING ERRCODE = '42501';
    END IF;
    UPDATE web_sessions SET ended_at = now(), ended_reason = reason
     WHERE ended_at IS NULL AND user_id = (SELECT id FROM users WHERE lower(login) = lower(person));
    GET DIAGNOSTICS ended = ROW_COUNT;
    RETURN ended;
END
$$;

-- A disabled person's sessions end at once.
CREATE FUNCTION cchc_end_sessions_of_disabled() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF OLD.active AND NOT NEW.active THEN
        UPDATE web_sessions SET ended_at = now(), ended_reason = 'disabled'
         WHERE user_id = NEW.id AND ended_at IS NULL;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER end_sessions AFTER UPDATE OF active ON users
    FOR EACH ROW EXECUTE FUNCTION cchc_end_sessions_of_disabled();

REVOKE EXECUTE ON FUNCTION cchc_web_sign_in(text, text, text, text, integer, integer), cchc_web_session(text),
    cchc_web_sign_out(text), cchc_web_totp_secret(text), cchc_web_second_factor_done(text),
    cchc_web_totp_enrol(text, text), cchc_web_totp_enable(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION cchc_web_sign_in(text, text, text, text, integer, integer), cchc_web_session(text),
    cchc_web_sign_out(text), cchc_web_totp_secret(text), cchc_web_second_factor_done(text),
    cchc_web_totp_enrol(text, text), cchc_web_totp_enable(text) TO cchc_web_service;
-- Enrolment runs inside the signed-in person's transaction, under their role (the functions still
-- require the web application's session and a live token).
GRANT EXECUTE ON FUNCTION cchc_web_totp_enrol(text, text), cchc_web_totp_enable(text) TO cchc_admin, cchc_unit, cchc_viewer;
