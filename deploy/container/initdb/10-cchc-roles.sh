#!/bin/sh
# Runs once, when the postgres container initialises an empty data volume: creates the cchc roles
# and database with deploy/postgres/setup-roles.sql (mounted at /opt/cchc/setup-roles.sql).
set -eu

: "${CCHC_APP_PASSWORD:?CCHC_APP_PASSWORD is not set (see deploy/container/.env.example)}"
: "${CCHC_MIGRATOR_PASSWORD:?CCHC_MIGRATOR_PASSWORD is not set}"
: "${CCHC_BACKUP_PASSWORD:?CCHC_BACKUP_PASSWORD is not set}"

psql -X -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -f /opt/cchc/setup-roles.sql \
    -v dbname="${CCHC_DB:-cchc}" \
    -v app_password="$CCHC_APP_PASSWORD" \
    -v migrator_password="$CCHC_MIGRATOR_PASSWORD" \
    -v backup_password="$CCHC_BACKUP_PASSWORD"
