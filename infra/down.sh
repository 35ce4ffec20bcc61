#!/usr/bin/env bash
# down.sh [kafka] [ferretdb] [postgres] [ferretdb-pg] — stops the named services (default: all four;
# one not running is skipped) that infra/up.sh started, each by its pid file; ferretdb-pg before
# the PostgreSQL it writes to. Data stays in infra/.cache/<service>/ for the next
# start; `rm -rf infra/.cache/<service>/data` (while stopped) gives an empty one.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

all=(ferretdb-pg postgres ferretdb kafka)
services=("$@")
((${#services[@]})) || services=("${all[@]}")
for s in "${services[@]}"; do
  [[ " ${all[*]} " == *" $s "* ]] || die "unknown service '$s' (usage: infra/down.sh [kafka] [ferretdb] [postgres] [ferretdb-pg])"
done
for s in "${services[@]}"; do
  "$INFRA_DIR/$s/stop.sh"
done
