#!/usr/bin/env bash
# Starts a single-node Apache Kafka 4.x (KRaft: broker and controller in one JVM) on
# 127.0.0.1:19092, controller on 127.0.0.1:19093. Installs the jars and kcat first when missing,
# formats the storage once, and reuses an instance it started before (pid file + probe).
# Prints one line with the address when the broker answers a metadata request (kcat -L).
#   KAFKA_HEAP_OPTS   JVM heap flags (default -Xms256m -Xmx512m)
#   KAFKA_START_TIMEOUT  seconds to wait for the broker (default 120)
set -euo pipefail
SERVICE=kafka
# shellcheck source=../lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

home="$INFRA_CACHE/kafka"
data="$home/data"
conf="$home/server.properties"
logfile="$home/kafka.log"
marker="kafka.Kafka $conf"
timeout_s=${KAFKA_START_TIMEOUT:-120}
started=$SECONDS

with_lock kafka
need_cmd kcat kcat
"$INFRA_DIR/kafka/install.sh"

probe() {
  local metadata
  metadata=$(timeout 15 kcat -b "127.0.0.1:$KAFKA_PORT" -L -m 10 2>/dev/null) || return 1
  grep -q "broker 1 at 127.0.0.1:$KAFKA_PORT" <<<"$metadata"
}

if pid=$(pid_of kafka "$marker"); then
  wait_ready kafka "$pid" "$timeout_s" "$logfile" probe
  echo "kafka ready at 127.0.0.1:$KAFKA_PORT (pid $pid, already running)"
  exit 0
fi
rm -f "$INFRA_RUN/kafka.pid"
for port in "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT"; do
  port_open "$port" && die "127.0.0.1:$port is taken by a process this script did not start"
done

mkdir -p "$data"
fresh_log "$logfile"
sed -e "s#@DATA_DIR@#$data#" -e "s#@PORT@#$KAFKA_PORT#g" -e "s#@CONTROLLER_PORT@#$KAFKA_CONTROLLER_PORT#g" \
  "$INFRA_DIR/kafka/server.properties" >"$conf"

if [[ ! -f $data/meta.properties ]]; then
  tool=(java -Djava.awt.headless=true "-Dlog4j2.configurationFile=$INFRA_DIR/kafka/tools-log4j2.properties"
    -cp "$home/libs/*" kafka.tools.StorageTool)
  cluster_id=$("${tool[@]}" random-uuid)
  log "formatting KRaft storage in $data (cluster id $cluster_id)"
  "${tool[@]}" format -t "$cluster_id" -c "$conf" >>"$logfile" 2>&1 ||
    { tail -n 20 "$logfile" >&2; die "kafka-storage format failed"; }
fi

# shellcheck disable=SC2086 # KAFKA_HEAP_OPTS is a list of flags
setsid java ${KAFKA_HEAP_OPTS:--Xms256m -Xmx512m} -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -Djava.awt.headless=true \
  "-Dlog4j2.configurationFile=$INFRA_DIR/kafka/log4j2.properties" -cp "$home/libs/*" kafka.Kafka "$conf" >>"$logfile" 2>&1 </dev/null 9>&- &
pid=$!
echo "$pid" >"$INFRA_RUN/kafka.pid"
log "started pid $pid, log $logfile; waiting for the broker"
wait_ready kafka "$pid" "$timeout_s" "$logfile" probe
echo "kafka ready at 127.0.0.1:$KAFKA_PORT (pid $pid, up in $((SECONDS - started))s)"
