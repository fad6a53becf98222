#!/usr/bin/env bash
# Init script for the official postgres image (compose.yaml mounts it into
# /docker-entrypoint-initdb.d). Runs once, when the data volume is empty: loads the Kakehashi
# settings and runs the same bootstrap.sql a DBA runs in production.
set -e

# Pick up infra/postgres/postgresql.conf.d/*.conf (mounted at /etc/postgresql/conf.d) from the
# next start on; the image's temporary init server does not need them.
echo "include_dir = '/etc/postgresql/conf.d'" >> "$PGDATA/postgresql.conf"

psql --no-psqlrc --username "$POSTGRES_USER" --dbname postgres \
     -v ON_ERROR_STOP=1 \
     -v db_name="${KAKEHASHI_DB_NAME:-kakehashi}" \
     -v owner_password="$KAKEHASHI_DB_OWNER_PASSWORD" \
     -v app_password="$KAKEHASHI_DB_APP_PASSWORD" \
     -f /kakehashi/bootstrap.sql
