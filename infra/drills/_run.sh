#!/usr/bin/env bash
# Shared runner of the drill scripts: one drill, bounded by DRILL_MAX_SECONDS (plus a margin for
# `timeout`), on the drill cluster (never the shared one on 5432). Results: target/drills/summary.txt.
set -euo pipefail
cd "$(dirname "$0")/../.."
drill=$1
: "${DRILL_MAX_SECONDS:=3600}"
export DRILL_MAX_SECONDS
if [ "${DRILL_PG_PORT:-5440}" = 5432 ]; then
  echo "refusing: the drills stop, restart and slow their database; 5432 is the shared cluster" >&2; exit 2
fi
exec timeout --kill-after=30 "$((DRILL_MAX_SECONDS + 60))" python3 infra/drills/drill.py "$drill"
