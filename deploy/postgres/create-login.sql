-- cchc: a PostgreSQL login for one person (or for one scheduled job), run by a superuser or a role
-- with CREATEROLE. The login gets no rights of its own: `cchc-admin user add NAME … --db-login LOGIN`
-- (or `cchc-admin user login NAME --db-login LOGIN`) maps it to the person, and the schema then grants
-- it exactly that person's group role (cchc_admin, cchc_unit or cchc_viewer), revoked again when the
-- person is disabled or unmapped. Idempotent: run again to change the password.
--
--   sudo -u postgres psql -X -v ON_ERROR_STOP=1 -f deploy/postgres/create-login.sql \
--       -v login=nv_hanhchinh -v password="$(openssl rand -hex 16)"
--
-- Variables:
--   login      the login name (lower-case letters, digits, '_' and '.'; required)
--   password   its password (omit for peer, certificate or other password-less authentication)

\set ON_ERROR_STOP on
\set QUIET on
SET client_min_messages = warning;
SET log_statement = 'none';

\if :{?login}
\else
    \echo 'create-login.sql: give the login name: -v login=NAME'
    SELECT 1 / 0 AS login_is_required;
\endif

SELECT :'login' !~ '^[a-z_][a-z0-9_.]{0,62}$' AS bad_name,
       :'login' LIKE 'cchc\_%' OR :'login' LIKE 'pg\_%' AS reserved,
       EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'login') AS present
\gset
\if :bad_name
    \echo 'create-login.sql: a login is lower-case letters, digits, _ and . (at most 63), starting with a letter or _'
    SELECT 1 / 0 AS bad_login_name;
\endif
\if :reserved
    \echo 'create-login.sql: names starting with cchc_ or pg_ are reserved for the schema roles'
    SELECT 1 / 0 AS reserved_login_name;
\endif
\if :present
\else
    SELECT format('CREATE ROLE %I LOGIN', :'login')
    \gexec
\endif
SELECT format('ALTER ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT CONNECTION LIMIT 8',
              :'login')
\gexec
\if :{?password}
ALTER ROLE :"login" PASSWORD :'password';
\endif
\echo 'create-login.sql: login' :login 'is ready; map it with: cchc-admin user add NAME --role … --db-login' :login
