#!/usr/bin/env bash
# Fault drill "smtp-outage" (see README.md here and docs/reliability.md, "Fault drills"). Loopback only;
# stops by itself after DRILL_MAX_SECONDS.
exec "$(dirname "$0")/_run.sh" smtp-outage
