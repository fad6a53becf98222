#!/usr/bin/env bash
# Builds Kakehashi and starts the whole product with demo data on one machine:
# backend http://localhost:8080 (API, OpenAPI, Swagger UI) and console http://localhost:8081,
# both on 127.0.0.1 only (never reachable from the network).
# Needs PostgreSQL on 127.0.0.1:5432 that the postgres role can reach without a password (the
# database and its roles are created when missing). Ctrl-C stops both processes.
set -euo pipefail
cd "$(dirname "$0")/.."

find_java() {
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/java-25-openjdk-amd64 /usr/lib/jvm/java-21-openjdk-amd64; do
    if [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] \
        && "$candidate/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
      echo "$candidate/bin/java"; return
    fi
  done
  echo "Kakehashi needs Java 21 or newer (set JAVA_HOME)" >&2; exit 1
}
JAVA=$(find_java)

if ! pg_isready -h "${KAKEHASHI_DB_HOST:-127.0.0.1}" -p "${KAKEHASHI_DB_PORT:-5432}" -q 2>/dev/null; then
  echo "PostgreSQL is not reachable on ${KAKEHASHI_DB_HOST:-127.0.0.1}:${KAKEHASHI_DB_PORT:-5432}." >&2
  echo "Start it, e.g.: pg_ctlcluster --skip-systemctl-redirect \$(ls /etc/postgresql) main start" >&2
  exit 1
fi

echo "Building (tests skipped; run ./mvnw verify for those)..."
./mvnw -B -q package -DskipTests

mkdir -p target/demo
# The demo's JWT secret is public and its mailbox lists every survey link: API and console listen
# on this machine's loopback only. The console forwards each browser's address, so login throttling
# counts people, not the console: it is the one trusted proxy.
export KAKEHASHI_DEMO=true VAADIN_USAGE_STATS_ENABLED=false
export MICRONAUT_SERVER_HOST=127.0.0.1 KAKEHASHI_CONSOLE_HOST=127.0.0.1
export KAKEHASHI_TRUSTED_PROXIES=127.0.0.1/32,::1/128
"$JAVA" -jar backend/target/kakehashi-backend-0.1.0-SNAPSHOT.jar > target/demo/backend.log 2>&1 &
BACKEND=$!
trap 'kill $BACKEND ${CONSOLE:-} 2>/dev/null || true' EXIT INT TERM

printf "Starting backend (the first start writes two years of demo history)"
for _ in $(seq 1 240); do
  if curl -fs "http://127.0.0.1:${KAKEHASHI_PORT:-8080}/health" >/dev/null 2>&1; then break; fi
  if ! kill -0 $BACKEND 2>/dev/null; then echo; echo "Backend failed to start:"; tail -n 40 target/demo/backend.log; exit 1; fi
  printf "."; sleep 1
done
echo

"$JAVA" -cp "admin-ui/target/kakehashi-admin-ui-0.1.0-SNAPSHOT.jar:admin-ui/target/lib/*" \
  com.kakehashi.console.ConsoleApplication > target/demo/console.log 2>&1 &
CONSOLE=$!
printf "Starting console"
for _ in $(seq 1 90); do
  if curl -fs -o /dev/null "http://127.0.0.1:${KAKEHASHI_CONSOLE_PORT:-8081}/"; then break; fi
  if ! kill -0 $CONSOLE 2>/dev/null; then echo; echo "Console failed to start:"; tail -n 40 target/demo/console.log; exit 1; fi
  printf "."; sleep 1
done
echo

cat <<INFO

Kakehashi is running with demo data.
  Console      http://localhost:${KAKEHASHI_CONSOLE_PORT:-8081}
  API          http://localhost:${KAKEHASHI_PORT:-8080}/api/v1   (OpenAPI: /openapi, Swagger UI: /swagger-ui)
  Mailbox      http://localhost:${KAKEHASHI_PORT:-8080}/demo/mailbox   (invitation mails of the demo land here)
  Logs         target/demo/backend.log, target/demo/console.log

Demo logins (password: kakehashi-demo)
  operator@kakehashi.example    operator: tenants, users, assignments
  consultant@kakehashi.example  consultant assigned to Northwind and Contoso
  exec@northwind.example        client executive of Northwind Industries
  exec@contoso.example          client executive of Contoso Medical

Press Ctrl-C to stop.
INFO
wait
