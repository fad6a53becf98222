#!/usr/bin/env bash
# The README's test command: every test and every contract check, in one run. Needs what .ci/run
# installs (PostgreSQL running, Chromium + ChromeDriver, promtool, Node's npx).
set -euo pipefail
cd "$(dirname "$0")/.."

# Alert rules: syntax, then their unit tests (promtool comes with Debian's prometheus package).
promtool check rules infra/monitoring/*.rules.yml
promtool test rules infra/monitoring/*.rules.test.yml

export VAADIN_USAGE_STATS_ENABLED=false
./mvnw -B verify

# The API contract the build just generated, against Redocly's recommended rules (redocly.yaml):
# any error fails. OpenApiContractTest, run by verify above, checks the project's own conventions.
npx --yes @redocly/cli@2.77.0 lint --config redocly.yaml backend/target/classes/META-INF/swagger/kakehashi-0.1.0.yml
