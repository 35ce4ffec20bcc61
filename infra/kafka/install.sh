#!/usr/bin/env bash
# Copies the Apache Kafka broker and tools jars (and all their runtime dependencies) from Maven
# Central into infra/.cache/kafka/libs, using the versions in infra/kafka/pom.xml. Installs
# Java 17 and Maven with apt-get when they are missing. Does nothing when the jars for this
# exact pom.xml are already there.
set -euo pipefail
SERVICE=kafka
# shellcheck source=../lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

pom="$INFRA_DIR/kafka/pom.xml"
libs="$INFRA_CACHE/kafka/libs"
stamp="$libs/.pom-$(sha256sum "$pom" | cut -c1-16)"
[[ -f $stamp ]] && exit 0

need_cmd java openjdk-17-jre-headless
java_major=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
[[ ${java_major%%.*} -ge 17 ]] || die "Kafka 4.x needs Java 17 or newer; java on PATH is $java_major"
need_cmd mvn maven

version=$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$pom")
log "fetching the Kafka $version jars with Maven into $libs"
started=$SECONDS
rm -rf "$libs.tmp"
mkdir -p "$INFRA_CACHE/kafka"
mvnlog="$INFRA_CACHE/kafka/mvn.log"
if ! mvn -B -f "$pom" dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$libs.tmp" >"$mvnlog" 2>&1; then
  tail -n 30 "$mvnlog" >&2
  die "mvn dependency:copy-dependencies failed (log: $mvnlog)"
fi
rm -rf "$libs"
mv "$libs.tmp" "$libs"
touch "$libs/.pom-$(sha256sum "$pom" | cut -c1-16)"
log "$(find "$libs" -name '*.jar' | wc -l) jars ($(du -sh "$libs" | cut -f1)) in $((SECONDS - started))s"
