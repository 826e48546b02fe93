-- cchc: least-privilege roles and the database on a real PostgreSQL server (14 or later; tested on 15).
--
-- Run once per server as a superuser, BEFORE the first `cchc-admin db migrate`, and again after
-- changing a password (it is idempotent: it creates what is missing and re-asserts attributes,
-- grants and settings):
--
--   sudo -u postgres psql -X -v ON_ERROR_STOP=1 -f deploy/postgres/setup-roles.sql \
--       -v dbname=cchc \
--       -v migrator_password="$CCHC_MIGRATOR_PASSWORD" \
--       -v backup_password="$CCHC_BACKUP_PASSWORD" \
--       -v web_password="$CCHC_WEB_PASSWORD"
--
-- Variables (all optional):
--   dbname             database to create/prepare                      default: cchc
--   timezone           the database's default TimeZone                 default: Asia/Ho_Chi_Minh
--   migrator_password  password of cchc_migrator (LOGIN; omit for peer/cert authentication)
--   backup_password    password of cchc_backup   (LOGIN; omit for peer/cert authentication)
--   web_password       password of cchc_web      (LOGIN; omit for peer/cert authentication)
--
-- Passwords are hashed by the server (password_encryption = scram-sha-256) and this session turns
-- statement logging off first, so they do not end up in the server log.
--
-- The layout:
--   cchc_owner     NOLOGIN. Owns the database and every schema object the migrations create. Holds
--                  the three group roles WITH ADMIN OPTION, so that the schema (a trigger on `users`)
--                  grants each person's login exactly the group role of that person.
--   cchc_migrator  LOGIN, member of cchc_owner, and every session of it runs as cchc_owner
--                  (ALTER ROLE … SET role), so `cchc-admin db migrate` creates objects owned by
--                  cchc_owner. The only login that can change the schema.
--   cchc_backup    LOGIN for pg_dump: read-only (pg_read_all_data) with BYPASSRLS, because
--                  pg_dump refuses to dump a table whose rows a policy would hide.
--   cchc_admin, cchc_unit, cchc_viewer
--                  NOLOGIN group roles of the schema. cchc_admin is a member of cchc_unit and
--                  cchc_viewer, so an administrator acting for a unit member (`--as`) can take that
--                  person's role.
--   people         one LOGIN per person (create-login.sql), mapped to the person in `users.db_login`
--                  (`cchc-admin user add … --db-login` / `user login`); the mapping grants the login
--                  its person's group role and nothing else. The person is taken from the login
--                  (session_user): no login can choose who it is.
--   cchc_web       LOGIN of the web application (cchc-web), member of cchc_web_service and of the
--                  three group roles. It cannot choose a person: the database checks passwords and
--                  mints sessions (migration 0008), takes the person of every transaction from the
--                  session token, and refuses its writes outside the signed-in person's role.
--   cchc_app       the shared login of earlier versions: retired (NOLOGIN, no group roles) when found.

\set ON_ERROR_STOP on
\set QUIET on
SET client_min_messages = warning;

\if :{?dbname}
\else
    \set dbname cchc
\endif
\if :{?timezone}
\else
    \set timezone Asia/Ho_Chi_Minh
\endif

-- Refuse early, with a clear message, when not run by a superuser or on a server too old for the
-- predefined role pg_read_all_data.
DO $$
BEGIN
    IF current_setting('server_version_num')::int < 140000 THEN
        RAISE EXCEPTION 'cchc needs PostgreSQL 14 or later (this server: %)', current_setting('server_version');
    END IF;
    IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
        RAISE EXCEPTION 'setup-roles.sql must be run by a superuser (e.g. sudo -u postgres psql -f …), not by %',
            current_user;
    END IF;
END
$$;

-- Keep passwords out of the server log (superuser-only settings, this session only).
SET log_statement = 'none';
SET log_min_duration_statement = -1;
SET log_min_error_statement = 'panic';

-- Roles ------------------------------------------------------------------------------------------

-- Roles are cluster-wide: create the missing ones, tolerating a concurrent creator (a migration
-- creating the group roles at the same moment).
DO $$
DECLARE
    r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['cchc_owner', 'cchc_migrator', 'cchc_backup', 'cchc_web', 'cchc_web_service',
                             'cchc_admin', 'cchc_unit', 'cchc_viewer'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
            BEGIN
                EXECUTE format('CREATE ROLE %I NOLOGIN', r);
            EXCEPTION WHEN duplicate_object OR unique_violation THEN
                NULL;
            END;
        END IF;
    END LOOP;
END
$$;

-- Attributes are re-asserted on every run, so a hand-made change is undone.
ALTER ROLE cchc_owner    NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT;
ALTER ROLE cchc_admin    NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT;
ALTER ROLE cchc_unit     NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT;
ALTER ROLE cchc_viewer   NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT;
ALTER ROLE cchc_migrator LOGIN   NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT;
ALTER ROLE cchc_backup   LOGIN   NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION BYPASSRLS INHERIT
    CONNECTION LIMIT 4;
ALTER ROLE cchc_web_service NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT;
ALTER ROLE cchc_web      LOGIN   NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT
    CONNECTION LIMIT 40;

-- The migrator acts as the owner in every session, so objects never belong to a login role.
GRANT cchc_owner TO cchc_migrator;
ALTER ROLE cchc_migrator SET role = 'cchc_owner';

-- The owner grants each person's login its group role (the schema's `users` trigger does it).
GRANT cchc_admin, cchc_unit, cchc_viewer TO cchc_owner WITH ADMIN OPTION;
-- An administrator acting for a unit member or a viewer switches to their role.
GRANT cchc_unit, cchc_viewer TO cchc_admin;
-- The web application takes the role of each signed-in person, per transaction.
GRANT cchc_web_service, cchc_admin, cchc_unit, cchc_viewer TO cchc_web;
-- A tool stuck inside a transaction must not hold locks for ever (every person's login inherits it
-- through the database setting below).

-- The shared login of earlier versions could be anyone: it keeps nothing.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'cchc_app') THEN
        REVOKE cchc_admin, cchc_unit, cchc_viewer FROM cchc_app;
        ALTER ROLE cchc_app NOLOGIN;
        RAISE WARNING 'cchc_app is retired (NOLOGIN, no group roles): give each person a login (create-login.sql), then DROP ROLE cchc_app';
    END IF;
END
$$;

-- Backups: read every table, bypassing the row-level policies (and nothing else).
GRANT pg_read_all_data TO cchc_backup;

-- The group roles must never reach the owner's or the migrator's rights.
DO $$
DECLARE
    r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['cchc_admin', 'cchc_unit', 'cchc_viewer'] LOOP
        IF pg_has_role(r, 'cchc_owner', 'MEMBER') OR pg_has_role(r, 'cchc_migrator', 'MEMBER')
           OR pg_has_role(r, 'cchc_backup', 'MEMBER') THEN
            RAISE EXCEPTION '% is a member of cchc_owner, cchc_migrator or cchc_backup: revoke it', r;
        END IF;
    END LOOP;
END
$$;

\if :{?migrator_password}
ALTER ROLE cchc_migrator PASSWORD :'migrator_password';
\endif
\if :{?backup_password}
ALTER ROLE cchc_backup PASSWORD :'backup_password';
\endif
\if :{?web_password}
ALTER ROLE cchc_web PASSWORD :'web_password';
\endif

-- The database -----------------------------------------------------------------------------------

-- UTF8 with the byte-order C.UTF-8 collation: Vietnamese text is stored NFC and compared as bytes
-- (docs/domain.md §7); names are matched through folded keys, never through the collation.
SELECT format('CREATE DATABASE %I OWNER cchc_owner ENCODING %L LC_COLLATE %L LC_CTYPE %L TEMPLATE template0',
              :'dbname', 'UTF8', 'C.UTF-8', 'C.UTF-8')
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'dbname')
\gexec

-- An existing database must have the right encoding and belong to cchc_owner.
SELECT pg_encoding_to_char(encoding) <> 'UTF8' AS bad_encoding,
       datcollate AS collate, datctype AS ctype
  FROM pg_database WHERE datname = :'dbname'
\gset
\if :bad_encoding
    \echo 'setup-roles.sql: database' :dbname 'is not UTF8; create a new one (dump, recreate, restore).'
    SELECT 1 / 0 AS database_is_not_utf8;
\endif
SELECT format('ALTER DATABASE %I OWNER TO cchc_owner', :'dbname')
\gexec

-- Only the migrator, the backup and people's logins (through their group role) may connect;
-- nobody may create temporary tables.
SELECT format('REVOKE ALL ON DATABASE %I FROM PUBLIC', :'dbname')
\gexec
SELECT format('GRANT CONNECT ON DATABASE %I TO cchc_migrator, cchc_backup, cchc_web, cchc_admin, cchc_unit, cchc_viewer', :'dbname')
\gexec
SELECT format('ALTER DATABASE %I SET TimeZone = %L', :'dbname', :'timezone')
\gexec
SELECT format('ALTER DATABASE %I SET idle_in_transaction_session_timeout = %L', :'dbname', '10min')
\gexec

\connect :dbname
SET log_statement = 'none';
SET client_min_messages = warning;

-- Installed here by a superuser, so migration 0001's CREATE EXTENSION IF NOT EXISTS is a no-op.
CREATE EXTENSION IF NOT EXISTS btree_gist WITH SCHEMA public;
CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA public;

-- Nobody but the owner creates objects in public: the default since PostgreSQL 15, where public
-- belongs to pg_database_owner (here: cchc_owner); explicit for a database made from a modified
-- template. On PostgreSQL 14 public belongs to the bootstrap superuser, so hand it to cchc_owner.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
SELECT current_setting('server_version_num')::int < 150000 AS public_needs_owner
\gset
\if :public_needs_owner
    ALTER SCHEMA public OWNER TO cchc_owner;
\endif

\set QUIET off
SELECT r.rolname AS role,
       r.rolcanlogin AS login,
       r.rolbypassrls AS bypassrls,
       coalesce((SELECT string_agg(g.rolname, ', ' ORDER BY g.rolname)
                   FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
                  WHERE m.member = r.oid), '') AS member_of,
       coalesce(array_to_string(s.setconfig, ', '), '') AS settings
  FROM pg_roles r
  LEFT JOIN pg_db_role_setting s ON s.setrole = r.oid AND s.setdatabase = 0
 WHERE r.rolname LIKE 'cchc\_%'
 ORDER BY r.rolname;
\echo 'setup-roles.sql: database' :dbname 'is ready. Next: cchc-admin db migrate, connected as cchc_migrator; then a login per person (create-login.sql).'
