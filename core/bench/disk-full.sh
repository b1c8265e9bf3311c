#!/usr/bin/env bash
# A real full disk for the embedded store (needs root, for mount): a small tmpfs as the data folder,
# filled up, then freed. Runs org.knead.store.bench.DiskFullCheck; prints "acknowledged N, lost M".
#   core/bench/disk-full.sh        (from the repository root)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
[ "$(id -u)" = 0 ] || { echo "disk-full.sh: needs root (it mounts a tmpfs)" >&2; exit 2; }
MNT=$(mktemp -d /tmp/knead-diskfull.XXXXXX)
WORK=$(mktemp -d /tmp/knead-diskfull-work.XXXXXX)
mount -t tmpfs -o size=16m tmpfs "$MNT"
trap 'umount "$MNT" 2>/dev/null; rmdir "$MNT"; rm -rf "$WORK"' EXIT
./mvnw -B -q -pl core test-compile
./mvnw -B -q -pl core dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/cp" >/dev/null
CP="core/target/test-classes:core/target/classes:$(cat "$WORK/cp")"
rm -f "$WORK/cp"
cat >"$WORK/logback.xml" <<'XML'
<configuration>
  <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender"><encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{0} %msg%n</pattern></encoder></appender>
  <root level="WARN"><appender-ref ref="OUT"/></root>
  <logger name="org.knead" level="INFO"/>
</configuration>
XML
mkdir -p "$MNT/data"
# leave about 1 MB for the store
dd if=/dev/zero of="$MNT/filler" bs=1M count=15 status=none || true
df -h "$MNT"
java -cp "$CP" -Dlogback.configurationFile="$WORK/logback.xml" org.knead.store.bench.DiskFullCheck "$MNT/data" "$MNT/filler"
