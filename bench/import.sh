#!/usr/bin/env bash
# The import benchmark (issue 15): the embedded store as its own process, and generated items that were
# published where they came from brought in the way `./knead import` does (ContentTransfer.importFrom, what
# TransferCommand calls) from an export file written for the run. At each size it prints the import rate,
# the publish latency p50/p99 of 1,000 of the imported items published through the workflow at that size
# (submit, another editor approves and publishes), idle CPU of the store over 30 s, its RSS and the data
# file's size.
#
#   bench/import.sh [SIZE...]          default: 10000 100000
#
# Environment: KNEAD_STORE_PORT (default 28112), KNEAD_STORE_JAVA_OPTS (the store's JVM options, as ./knead), BENCH_PUBLISH (items published per size, 1000),
# BENCH_IDLE_SECONDS (30), BENCH_SETTLE_SECONDS (wait before idle is measured, 30), BENCH_DIR (a folder for
# data, files and logs; default a new /tmp/knead-import-*, kept). Builds with ./mvnw (never install) and
# runs from copies of the classes.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
SIZES=("$@"); [ ${#SIZES[@]} -gt 0 ] || SIZES=(10000 100000)
STORE_PORT=${KNEAD_STORE_PORT:-28112}
PUBLISH=${BENCH_PUBLISH:-1000}
IDLE=${BENCH_IDLE_SECONDS:-30}
SETTLE=${BENCH_SETTLE_SECONDS:-30}
DIR=${BENCH_DIR:-$(mktemp -d /tmp/knead-import-XXXXXX)}
mkdir -p "$DIR"
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
HZ=$(getconf CLK_TCK)
say() { printf '%s\n' "$*"; }

say "import bench: data, files and logs in $DIR; store port $STORE_PORT"
./mvnw -B -q -pl core test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/scale-classpath.txt </dev/null
rm -rf "$DIR/classes" && mkdir -p "$DIR/classes"
cp -r core/target/classes "$DIR/classes/main" && cp -r core/target/test-classes "$DIR/classes/test"
CP="$DIR/classes/test:$DIR/classes/main:$(cat core/target/scale-classpath.txt)"

STORE_PID=""
cleanup() { [ -z "$STORE_PID" ] || { kill -TERM "$STORE_PID" 2>/dev/null || true; wait "$STORE_PID" 2>/dev/null || true; }; }
trap cleanup EXIT
answers() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
rss_mb() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }

# shellcheck disable=SC2086
"$JAVA" -Xmx1g ${KNEAD_STORE_JAVA_OPTS:--XX:MaxGCPauseMillis=20} -cp "$CP" org.knead.store.EmbeddedStoreMain "$DIR/store" "$STORE_PORT" 127.0.0.1 >>"$DIR/store.log" 2>&1 &
STORE_PID=$!
for _ in $(seq 600); do answers "$STORE_PORT" && break; sleep 0.1; done
answers "$STORE_PORT" || { say "the store did not start: see $DIR/store.log"; exit 1; }
say "store pid $STORE_PID"

loaded=0
SUMMARY=()
for size in "${SIZES[@]}"; do
  say ""
  say "== importing items $loaded..$size (load average $(cut -d' ' -f1-3 /proc/loadavg)) =="
  c0=$(cpu_ticks "$STORE_PID")
  "$JAVA" -Xmx3g -cp "$CP" org.knead.store.bench.ImportBench "mongodb://127.0.0.1:$STORE_PORT/knead" \
    "$loaded" "$size" "$DIR/export-$size.json" "$PUBLISH" | while IFS= read -r l; do
      # the store's CPU during the import alone (the publishes come after the IMPORTED line)
      case "$l" in IMPORTED*) cpu_ticks "$STORE_PID" >"$DIR/store-ticks-$size" ;; *) printf '%s\n' "$l" ;; esac
    done | tee "$DIR/import-$size.log"
  store_ms=$(awk -v d=$(( $(cat "$DIR/store-ticks-$size") - c0 )) -v hz="$HZ" -v n=$((size - loaded)) \
    'BEGIN {printf "%.2f", 1000 * d / hz / n}')
  say "store CPU during the import: $store_ms ms per item"
  rm -f "$DIR/export-$size.json"
  sleep "$SETTLE"
  s0=$(cpu_ticks "$STORE_PID"); sleep "$IDLE"; s1=$(cpu_ticks "$STORE_PID")
  store_cpu=$(awk -v d=$((s1 - s0)) -v hz="$HZ" -v s="$IDLE" 'BEGIN {printf "%.2f", 100 * d / hz / s}')
  size_mb=$(du -m "$DIR/store/knead-store.mv.db" | cut -f1)
  line="$size items in the store: $(sed -n 's/^RESULT //p' "$DIR/import-$size.log"), store CPU $store_ms ms per item | idle store $store_cpu% of a core over $IDLE s | RSS store $(rss_mb "$STORE_PID") MB, data file $size_mb MB | load average $(cut -d' ' -f1-3 /proc/loadavg)"
  say "$line"
  SUMMARY+=("$line")
  loaded=$size
done
say ""
say "== summary =="
for line in "${SUMMARY[@]}"; do say "$line"; done
