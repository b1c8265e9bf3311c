#!/usr/bin/env bash
# The scale benchmark (issue 15): the embedded store as its own process, the public API as its own
# process following the publication log, and generated items brought in through the core services
# (create, submit, approve by another editor, publish: every write committed and synced).
# At each size it prints the load rate, publish latency p50/p99, how long the API takes to catch up,
# idle CPU of the store and of the API over 30 s, their RSS, and the API's start-up time with its kept
# index and with a rebuild; the store's GC pauses go to DIR/store-gc.log. The import path (`./knead import` of generated items) is measured beside it by
# bench/import.sh.
#
#   bench/scale.sh [SIZE...]          default: 10000 100000
#
# Environment: KNEAD_STORE_PORT (default 28110), KNEAD_STORE_JAVA_OPTS (the store's JVM options, as ./knead), KNEAD_API_PORT (28111), BENCH_THREADS (load threads, 4),
# BENCH_IDLE_SECONDS (30), BENCH_SETTLE_SECONDS (wait after the load before idle is measured, 60), BENCH_DIR (a folder for data and logs; default a new /tmp/knead-scale-*, kept).
# Builds with ./mvnw package (never install); runs from a copy of the API jar.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
SIZES=("$@"); [ ${#SIZES[@]} -gt 0 ] || SIZES=(10000 100000)
STORE_PORT=${KNEAD_STORE_PORT:-28110}
API_PORT=${KNEAD_API_PORT:-28111}
THREADS=${BENCH_THREADS:-4}
IDLE=${BENCH_IDLE_SECONDS:-30}
SETTLE=${BENCH_SETTLE_SECONDS:-60}
DIR=${BENCH_DIR:-$(mktemp -d /tmp/knead-scale-XXXXXX)}
mkdir -p "$DIR"
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
HZ=$(getconf CLK_TCK)
say() { printf '%s\n' "$*"; }

say "scale bench: data and logs in $DIR; store port $STORE_PORT, API port $API_PORT, $THREADS load threads"
say "building (./mvnw package, no install)..."
./mvnw -B -q -pl public-api -am package -DskipTests </dev/null
./mvnw -B -q -pl core test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/scale-classpath.txt </dev/null
cp public-api/target/knead-public-api-0.1.0-SNAPSHOT.jar "$DIR/api.jar"
# the load runs from copies too, so that a build during the run changes nothing under it
rm -rf "$DIR/load-classes" && mkdir -p "$DIR/load-classes"
cp -r core/target/classes "$DIR/load-classes/main" && cp -r core/target/test-classes "$DIR/load-classes/test"
LOAD_CP="$DIR/load-classes/test:$DIR/load-classes/main:$(cat core/target/scale-classpath.txt)"
cp bench/logback.xml "$DIR/logback.xml"

STORE_PID=""; API_PID=""
cleanup() {
  for p in $API_PID $STORE_PID; do kill -TERM "$p" 2>/dev/null || true; done
  for p in $API_PID $STORE_PID; do wait "$p" 2>/dev/null || true; done
}
trap cleanup EXIT

now_ms() { date +%s%3N; }
answers() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# CPU ticks of each thread of process $1, one "tid|ticks|name" line each
thread_ticks() {
  local t
  for t in /proc/"$1"/task/*; do
    printf '%s|%s|%s\n' "${t##*/}" "$(awk '{print $14 + $15}' "$t/stat" 2>/dev/null)" "$(cat "$t/comm" 2>/dev/null)"
  done | sort
}
# the five threads of process $1 that used the most CPU between two thread_ticks files: "name share-of-a-core, ..."
busiest_threads() {
  join -t'|' "$2" "$3" | awk -F'|' -v hz="$HZ" -v s="$IDLE" '{d = $4 - $2; if (d > 0) printf "%d|%s %.2f%%\n", d, $3, 100 * d / hz / s}' \
    | sort -t'|' -k1,1nr | head -n 5 | cut -d'|' -f2 | paste -sd, - | sed 's/,/, /g'
}
rss_mb() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }
published_total() {
  curl -s --max-time 5 "http://127.0.0.1:$API_PORT/api/v1/symptoms?size=1" 2>/dev/null \
    | sed -n 's/.*"total":\([0-9]*\).*/\1/p'
}

start_store() {
  # shellcheck disable=SC2086
  "$JAVA" -Xmx1g ${KNEAD_STORE_JAVA_OPTS:--XX:MaxGCPauseMillis=20} -Xlog:gc:file="$DIR/store-gc.log" \
    -Dlogback.configurationFile="$DIR/logback.xml" \
    -Dloader.main=org.knead.store.EmbeddedStoreMain \
    -cp "$DIR/api.jar" org.springframework.boot.loader.launch.PropertiesLauncher "$DIR/store" "$STORE_PORT" \
    127.0.0.1 >>"$DIR/store.log" 2>&1 &
  STORE_PID=$!
  for _ in $(seq 600); do answers "$STORE_PORT" && return 0; sleep 0.1; done
  say "the store did not start: see $DIR/store.log"; exit 1
}

start_api() {
  KNEAD_STORE_PORT=$STORE_PORT KNEAD_API_PORT=$API_PORT KNEAD_DATA_DIR="$DIR/store" KNEAD_INDEX_DIR="$DIR/index" \
    "$JAVA" -Xmx1g -jar "$DIR/api.jar" --knead.api.rate-limit.enabled=false >>"$DIR/api.log" 2>&1 &
  API_PID=$!
}

# Waits until the API serves at least $1 published symptoms; prints the milliseconds since $2.
wait_api_total() {
  local want=$1 since=$2 total
  for _ in $(seq 6000); do
    kill -0 "$API_PID" 2>/dev/null || { say "the API exited: see $DIR/api.log"; exit 1; }
    total=$(published_total); total=${total:-0}
    if [ "$total" -ge "$want" ]; then say $(( $(now_ms) - since )); return 0; fi
    sleep 0.2
  done
  say "the API did not reach $want published symptoms: see $DIR/api.log"; exit 1
}

wait_api_up() { # prints ms since $1 until health answers UP
  local since=$1
  for _ in $(seq 6000); do
    kill -0 "$API_PID" 2>/dev/null || { say "the API exited: see $DIR/api.log"; exit 1; }
    if curl -s --max-time 2 "http://127.0.0.1:$API_PORT/actuator/health" | grep -q '"status":"UP"'; then
      say $(( $(now_ms) - since )); return 0
    fi
    sleep 0.1
  done
  exit 1
}

stop_api() { kill -TERM "$API_PID"; wait "$API_PID" 2>/dev/null || true; API_PID=""; }

start_store
t0=$(now_ms); start_api; up=$(wait_api_up "$t0")
say "store pid $STORE_PID, API pid $API_PID (health UP in $up ms on an empty store: the reference for the restarts below)"
loaded=0
SUMMARY=()
for size in "${SIZES[@]}"; do
  say ""
  say "== loading items $loaded..$size =="
  "$JAVA" -Xmx1g -Dlogging.config="$DIR/logback.xml" -cp "$LOAD_CP" org.knead.store.bench.ScaleLoad \
    "mongodb://127.0.0.1:$STORE_PORT/knead" "$loaded" "$size" "$THREADS" | tee "$DIR/load-$size.log"
  end=$(now_ms)
  lag=$(wait_api_total "$size" "$end")
  say "the API served all $size items $lag ms after the load ended"
  sleep "$SETTLE"
  thread_ticks "$STORE_PID" >"$DIR/store-threads-0"; thread_ticks "$API_PID" >"$DIR/api-threads-0"
  s0=$(cpu_ticks "$STORE_PID"); a0=$(cpu_ticks "$API_PID")
  sleep "$IDLE"
  s1=$(cpu_ticks "$STORE_PID"); a1=$(cpu_ticks "$API_PID")
  thread_ticks "$STORE_PID" >"$DIR/store-threads-1"; thread_ticks "$API_PID" >"$DIR/api-threads-1"
  store_cpu=$(awk -v d=$((s1 - s0)) -v hz="$HZ" -v s="$IDLE" 'BEGIN {printf "%.2f", 100 * d / hz / s}')
  api_cpu=$(awk -v d=$((a1 - a0)) -v hz="$HZ" -v s="$IDLE" 'BEGIN {printf "%.2f", 100 * d / hz / s}')
  store_rss=$(rss_mb "$STORE_PID"); api_rss=$(rss_mb "$API_PID")
  size_mb=$(du -m "$DIR/store/knead-store.mv.db" | cut -f1)
  say "idle over $IDLE s (from $SETTLE s after the load): store $store_cpu% of a core, API $api_cpu% of a core; RSS store $store_rss MB, API $api_rss MB; data file $size_mb MB"
  say "  busiest threads while idle: store $(busiest_threads "$STORE_PID" "$DIR/store-threads-0" "$DIR/store-threads-1"); API $(busiest_threads "$API_PID" "$DIR/api-threads-0" "$DIR/api-threads-1")"
  stop_api
  t0=$(now_ms); start_api; kept_up=$(wait_api_up "$t0"); kept_all=$(wait_api_total "$size" "$t0")
  say "API restart with its kept index: health UP in $kept_up ms, all $size items served in $kept_all ms"
  stop_api
  rm -rf "$DIR/index"
  t0=$(now_ms); start_api; re_up=$(wait_api_up "$t0"); re_all=$(wait_api_total "$size" "$t0")
  say "API restart with a rebuild: health UP in $re_up ms, all $size items served in $re_all ms"
  result=$(sed -n 's/^RESULT //p' "$DIR/load-$size.log")
  SUMMARY+=("$size items: $result | API caught up ${lag} ms after | idle CPU store $store_cpu%, API $api_cpu% | RSS store $store_rss MB, API $api_rss MB, data file $size_mb MB | API start (empty store: $up ms) kept index ${kept_up}/${kept_all} ms, rebuild ${re_up}/${re_all} ms (health UP / all items served)")
  loaded=$size
done
say ""
say "== summary =="
for line in "${SUMMARY[@]}"; do say "$line"; done
