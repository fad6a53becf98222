#!/usr/bin/env bash
# Restores ONE tenant's rows from a copy of the database (a backup restored into a scratch database)
# into the live database, leaving every other tenant untouched. See docs/operations.md, "Restoring
# one tenant".
#
#   restore-tenant.sh [--commit] TENANT_ID SOURCE_CONNINFO TARGET_CONNINFO
#
#   SOURCE_CONNINFO  the scratch copy, e.g. "host=db user=kakehashi_owner dbname=kakehashi_restore"
#   TARGET_CONNINFO  the live database, e.g. "host=db user=kakehashi_owner dbname=kakehashi"
#   Passwords come from ~/.pgpass or PGPASSWORD. Connect as kakehashi_owner (or a superuser).
#
# Without --commit the whole import runs in a transaction that is rolled back at the end: you see
# the row counts and nothing changes. With --commit it is committed.
#
# How: every tenant table leads its primary key with tenant_id, so "the tenant's rows" is one
# indexed predicate per table. Tables are found, not listed: every table in schema public with a
# tenant_id column, ordered so that referenced tables come first. In the target, in one
# transaction: the tenant row is inserted if it is missing (an existing one is kept as is), the
# tenant's current rows are deleted (children first), and the copied rows are inserted (parents
# first). Both sessions also set app.tenant_id, so Row Level Security confines them to this tenant
# even if a predicate were wrong. Global tables (app_user, login_throttle) are not touched: rows
# that reference a user deleted since the backup make the import fail, and nothing is changed.
set -euo pipefail

COMMIT=false
if [ "${1:-}" = "--commit" ]; then COMMIT=true; shift; fi
if [ $# -ne 3 ]; then
  sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 64
fi
TENANT=$1 SOURCE=$2 TARGET=$3
if ! [[ $TENANT =~ ^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$ ]]; then
  echo "TENANT_ID must be a lower-case UUID, got: $TENANT" >&2
  exit 64
fi

# The exported files hold personal data: private directory, removed on exit.
WORK=$(mktemp -d)
chmod 700 "$WORK"
trap 'rm -rf "$WORK"' EXIT

psql_source() { psql -X -q -v ON_ERROR_STOP=1 "$SOURCE" "$@"; }

# Tenant tables in dependency order (a table comes after every tenant table it references).
TABLES=$(psql_source -At <<'SQL'
WITH RECURSIVE tenant_table AS (
    SELECT c.oid, c.relname
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
       AND EXISTS (SELECT 1 FROM pg_attribute a
                    WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped)
), dependency AS (
    SELECT con.conrelid AS child, con.confrelid AS parent
      FROM pg_constraint con
     WHERE con.contype = 'f' AND con.conrelid <> con.confrelid
       AND con.conrelid IN (SELECT oid FROM tenant_table)
       AND con.confrelid IN (SELECT oid FROM tenant_table)
), level (oid, depth) AS (
    SELECT oid, 0 FROM tenant_table
    UNION ALL
    SELECT d.child, l.depth + 1 FROM dependency d JOIN level l ON d.parent = l.oid
)
SELECT t.relname
  FROM tenant_table t JOIN (SELECT oid, max(depth) AS depth FROM level GROUP BY oid) m USING (oid)
 ORDER BY m.depth, t.relname;
SQL
)
if [ -z "$TABLES" ]; then echo "No tenant tables found in the source database." >&2; exit 1; fi

FOUND=$(psql_source -At -c "SELECT count(*) FROM tenant WHERE id = '$TENANT'")
if [ "$FOUND" != "1" ]; then echo "Tenant $TENANT is not in the source database." >&2; exit 1; fi

columns() {
  psql_source -At -c "SELECT string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position)
                        FROM information_schema.columns
                       WHERE table_schema = 'public' AND table_name = '$1'"
}

# Export: the tenant row, then each tenant table's rows of this tenant, with their column lists.
echo "Exporting tenant $TENANT from the source"
TENANT_COLUMNS=$(columns tenant)
psql_source -c "COPY (SELECT $TENANT_COLUMNS FROM tenant WHERE id = '$TENANT') TO STDOUT (FORMAT csv)" > "$WORK/tenant.csv"
for table in $TABLES; do
  cols=$(columns "$table")
  echo "$cols" > "$WORK/$table.columns"
  psql_source <<SQL > "$WORK/$table.csv"
SELECT set_config('app.tenant_id', '$TENANT', false) \\g /dev/null
COPY (SELECT $cols FROM $table WHERE tenant_id = '$TENANT') TO STDOUT (FORMAT csv);
SQL
  printf '  %-28s %8d rows\n' "$table" "$(wc -l < "$WORK/$table.csv")"
done

# Import script: one transaction; staging tables have no Row Level Security, so \copy works as
# kakehashi_owner; INSERT ... SELECT then passes the policies' WITH CHECK for this tenant.
{
  echo "BEGIN;"
  echo "SELECT set_config('app.tenant_id', '$TENANT', true) \\g /dev/null"
  echo "CREATE TEMP TABLE staging_tenant (LIKE tenant) ON COMMIT DROP;"
  echo "\\copy staging_tenant ($TENANT_COLUMNS) FROM '$WORK/tenant.csv' WITH (FORMAT csv)"
  echo "INSERT INTO tenant ($TENANT_COLUMNS) SELECT $TENANT_COLUMNS FROM staging_tenant ON CONFLICT (id) DO NOTHING;"
  for table in $(echo "$TABLES" | tac); do
    echo "DELETE FROM $table WHERE tenant_id = '$TENANT';"
  done
  for table in $TABLES; do
    cols=$(cat "$WORK/$table.columns")
    echo "CREATE TEMP TABLE staging_$table (LIKE $table) ON COMMIT DROP;"
    echo "\\copy staging_$table ($cols) FROM '$WORK/$table.csv' WITH (FORMAT csv)"
    echo "INSERT INTO $table ($cols) SELECT $cols FROM staging_$table;"
  done
  if $COMMIT; then echo "COMMIT;"; else echo "ROLLBACK;"; fi
} > "$WORK/import.sql"

echo "Importing into the target ($($COMMIT && echo committing || echo 'dry run: rolled back at the end, pass --commit to keep'))"
# With ON_ERROR_STOP psql stops at the first error; the open transaction is then rolled back.
status=0
psql -X -v ON_ERROR_STOP=1 "$TARGET" -f "$WORK/import.sql" > "$WORK/import.log" 2>&1 || status=$?
grep -E '^(INSERT|DELETE|COMMIT|ROLLBACK)|ERROR|DETAIL' "$WORK/import.log" || true
if [ "$status" -ne 0 ]; then echo "Import failed: nothing was changed in the target." >&2; fi
exit "$status"
