#!/bin/sh
# Runs once, when the postgres container initialises an empty data volume: creates the cchc roles
# and database with deploy/postgres/setup-roles.sql (mounted at /opt/cchc/setup-roles.sql), and the
# first administrator's login with create-login.sql, granted cchc_admin.
set -eu

: "${CCHC_MIGRATOR_PASSWORD:?CCHC_MIGRATOR_PASSWORD is not set (see deploy/container/.env.example)}"
: "${CCHC_BACKUP_PASSWORD:?CCHC_BACKUP_PASSWORD is not set}"
: "${CCHC_LOGIN:?CCHC_LOGIN is not set}"
: "${CCHC_LOGIN_PASSWORD:?CCHC_LOGIN_PASSWORD is not set}"

psql -X -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -f /opt/cchc/setup-roles.sql \
    -v dbname="${CCHC_DB:-cchc}" \
    -v migrator_password="$CCHC_MIGRATOR_PASSWORD" \
    -v backup_password="$CCHC_BACKUP_PASSWORD"
psql -X -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -f /opt/cchc/create-login.sql -v login="$CCHC_LOGIN" -v password="$CCHC_LOGIN_PASSWORD"
psql -X -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "${CCHC_DB:-cchc}" \
    -v login="$CCHC_LOGIN" -c 'GRANT cchc_admin TO :"login"'
