#!/usr/bin/env bash
# down.sh [kafka] [ferretdb] [postgres] — stops the named services (default: all three) that
# infra/up.sh started, each by its pid file. Data stays in infra/.cache/<service>/ for the next
# start; `rm -rf infra/.cache/<service>/data` (while stopped) gives an empty one.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

all=(postgres ferretdb kafka)
services=("$@")
((${#services[@]})) || services=("${all[@]}")
for s in "${services[@]}"; do
  [[ " ${all[*]} " == *" $s "* ]] || die "unknown service '$s' (usage: infra/down.sh [kafka] [ferretdb] [postgres])"
done
for s in "${services[@]}"; do
  "$INFRA_DIR/$s/stop.sh"
done
