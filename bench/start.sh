#!/usr/bin/env bash
# Start-up times at scale (issue 15): how long the embedded store takes to open a data folder and listen, and
# how long the public API takes to answer health UP with a kept index (and its kept published graph), each
# against the same start on an empty data folder in the same run (the reference: the ratio is what carries
# over from a loaded machine to a quiet one). Starts are interleaved, REPEAT times each.
#
#   bench/start.sh STORE_DIR [INDEX_DIR]
#
# STORE_DIR: a store data folder (holding knead-store.mv.db), e.g. one that bench/import.sh or the side-by-side
# benchmark left; it is copied, never opened in place. INDEX_DIR: the API's kept search index for that data (its
# graph `INDEX_DIR.graph.json.gz` beside it), copied afresh before each start; without it only the store is
# measured.
#
# Environment: KNEAD_STORE_PORT (default 28160; the reference store uses the next port), KNEAD_API_PORT (28162),
# BENCH_REPEAT (3), BENCH_DIR (work folder; default a new /tmp/knead-start-*, kept), BENCH_JFR (a folder: each
# process of the first repetition is recorded there with JFR's profile settings), BENCH_BUILD=0 (use the jar
# already built), BENCH_JAR (measure that jar instead: another build, e.g. main's, for a before/after),
# BENCH_CDS=1 (run the API as Spring Boot's extracted layout with a class data sharing archive made by a training
# run on an empty store: `java -Djarmode=tools -jar api.jar extract`, `-XX:ArchiveClassesAtExit`,
# `-Dspring.context.exit=onRefresh`, then `-XX:SharedArchiveFile`).
# Builds with ./mvnw package (never install) and runs from a copy of the API's jar.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
[ $# -ge 1 ] || { echo "usage: bench/start.sh STORE_DIR [INDEX_DIR]" >&2; exit 2; }
SRC_STORE=$(cd "$1" && pwd)
SRC_INDEX=${2:+$(cd "$2" && pwd)}
STORE_PORT=${KNEAD_STORE_PORT:-28160}
EMPTY_PORT=$((STORE_PORT + 1))
API_PORT=${KNEAD_API_PORT:-28162}
REPEAT=${BENCH_REPEAT:-3}
DIR=${BENCH_DIR:-$(mktemp -d /tmp/knead-start-XXXXXX)}
JFR_DIR=${BENCH_JFR:-}
mkdir -p "$DIR"
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
say() { printf '%s\n' "$*"; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

say "start bench: work folder $DIR; store ports $STORE_PORT (data) and $EMPTY_PORT (empty), API port $API_PORT"
if [ -n "${BENCH_JAR:-}" ]; then
  cp "$BENCH_JAR" "$DIR/api.jar"
else
  [ "${BENCH_BUILD:-1}" = 0 ] || ./mvnw -B -q -pl public-api -am package -DskipTests </dev/null
  cp public-api/target/knead-public-api-0.1.0-SNAPSHOT.jar "$DIR/api.jar"
fi
cp bench/logback.xml "$DIR/logback.xml"

PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
}
trap cleanup EXIT
now_ms() { date +%s%3N; }
answers() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
jfr() { [ -n "$JFR_DIR" ] && [ "$2" = 1 ] && echo "-XX:StartFlightRecording=filename=$JFR_DIR/$1.jfr,settings=profile" || true; }
[ -z "$JFR_DIR" ] || mkdir -p "$JFR_DIR"

STORE_PID=""
# start_store NAME DATA PORT REP: starts the store on DATA; sets STORE_PID, and MS to the ms until it listens
start_store() {
  local t0
  ! answers "$3" || { say "port $3 is in use" >&2; exit 1; }
  t0=$(now_ms)
  # shellcheck disable=SC2046
  "$JAVA" -Xmx2g $(jfr "store-$1" "$4") -Dlogback.configurationFile="$DIR/logback.xml" \
    -Dloader.main=org.knead.store.EmbeddedStoreMain -cp "$DIR/api.jar" \
    org.springframework.boot.loader.launch.PropertiesLauncher "$2" "$3" 127.0.0.1 >>"$DIR/store-$1.log" 2>&1 &
  STORE_PID=$!
  PIDS+=("$STORE_PID")
  for _ in $(seq 6000); do
    answers "$3" && { MS=$(( $(now_ms) - t0 )); return 0; }
    kill -0 "$STORE_PID" 2>/dev/null || break
    sleep 0.05
  done
  say "the store did not start: see $DIR/store-$1.log" >&2; exit 1
}
stop() { kill -TERM "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }

API_PID=""
# start_api NAME STORE_PORT INDEX REP: sets API_PID, and MS to the ms until health answers UP
start_api() {
  local t0
  ! answers "$API_PORT" || { say "port $API_PORT is in use" >&2; exit 1; }
  t0=$(now_ms)
  # shellcheck disable=SC2046
  "$JAVA" -Xmx1g $(jfr "api-$1" "$4") "${API_JAVA[@]}" --server.port="$API_PORT" \
    --knead.store.uri="mongodb://127.0.0.1:$2/knead" --knead.search.index-dir="$3" \
    --knead.api.rate-limit.enabled=false --logging.level.org.mongodb.driver=WARN >>"$DIR/api-$1.log" 2>&1 &
  API_PID=$!
  PIDS+=("$API_PID")
  for _ in $(seq 6000); do
    kill -0 "$API_PID" 2>/dev/null || { say "the API exited: see $DIR/api-$1.log" >&2; exit 1; }
    if curl -s --max-time 2 "http://127.0.0.1:$API_PORT/actuator/health" | grep -q '"status":"UP"'; then
      MS=$(( $(now_ms) - t0 )); return 0
    fi
    sleep 0.05
  done
  say "the API was not UP: see $DIR/api-$1.log" >&2; exit 1
}

API_JAVA=(-jar "$DIR/api.jar")
if [ -n "${BENCH_CDS:-}" ]; then
  rm -rf "$DIR/app" "$DIR/train" && "$JAVA" -Djarmode=tools -jar "$DIR/api.jar" extract --destination "$DIR/app" >/dev/null
  start_store train "$DIR/train" "$EMPTY_PORT" 0; TRAIN_PID=$STORE_PID
  "$JAVA" -Xmx1g -XX:ArchiveClassesAtExit="$DIR/app.jsa" -Dspring.context.exit=onRefresh -jar "$DIR/app/api.jar" \
    --server.port="$API_PORT" --knead.store.uri="mongodb://127.0.0.1:$EMPTY_PORT/knead" \
    --knead.search.index-dir="$DIR/train-index" >"$DIR/cds-training.log" 2>&1 || true
  stop "$TRAIN_PID"
  [ -s "$DIR/app.jsa" ] || { say "no class data sharing archive: see $DIR/cds-training.log"; exit 1; }
  say "class data sharing archive: $(du -m "$DIR/app.jsa" | cut -f1) MB"
  API_JAVA=(-XX:SharedArchiveFile="$DIR/app.jsa" -jar "$DIR/app/api.jar")
fi

median() { sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }

STORE_TIMES=(); EMPTY_STORE_TIMES=(); API_TIMES=(); EMPTY_API_TIMES=()
for rep in $(seq "$REPEAT"); do
  say ""
  say "== repetition $rep (load average $(load)) =="
  rm -rf "$DIR/data" "$DIR/empty"
  cp -r "$SRC_STORE" "$DIR/data"
  start_store data "$DIR/data" "$STORE_PORT" "$rep"; ms=$MS; DATA_PID=$STORE_PID
  say "store on $(du -m "$DIR/data/knead-store.mv.db" | cut -f1) MB of data: listening after $ms ms (load $(load))"
  STORE_TIMES+=("$ms")
  start_store empty "$DIR/empty" "$EMPTY_PORT" "$rep"; ms=$MS; EMPTY_PID=$STORE_PID
  say "store on an empty folder: listening after $ms ms (load $(load))"
  EMPTY_STORE_TIMES+=("$ms")
  if [ -n "$SRC_INDEX" ]; then
    rm -rf "$DIR/index" "$DIR/index.graph.json.gz" "$DIR/empty-index" "$DIR/empty-index.graph.json.gz"
    cp -r "$SRC_INDEX" "$DIR/index"
    [ ! -f "$SRC_INDEX.graph.json.gz" ] || cp "$SRC_INDEX.graph.json.gz" "$DIR/index.graph.json.gz"
    # the reference first: its index and graph are then kept for its own restarts below
    start_api empty "$EMPTY_PORT" "$DIR/empty-index" 0; stop "$API_PID"
    start_api empty "$EMPTY_PORT" "$DIR/empty-index" "$rep"; ms=$MS; stop "$API_PID"
    say "API on the empty store, kept (empty) index: health UP after $ms ms (load $(load))"
    EMPTY_API_TIMES+=("$ms")
    start_api kept "$STORE_PORT" "$DIR/index" "$rep"; ms=$MS; stop "$API_PID"
    say "API on the data, kept index: health UP after $ms ms (load $(load))"
    grep -h "Published graph\|Search index opened\|Started PublicApi" "$DIR/api-kept.log" | tail -3 | cut -c1-220
    API_TIMES+=("$ms")
  fi
  stop "$DATA_PID"; stop "$EMPTY_PID"
done
say ""
say "== summary ($REPEAT repetitions; medians; load average now $(load)) =="
s=$(printf '%s\n' "${STORE_TIMES[@]}" | median); e=$(printf '%s\n' "${EMPTY_STORE_TIMES[@]}" | median)
say "store listening: data $s ms (${STORE_TIMES[*]}), empty $e ms (${EMPTY_STORE_TIMES[*]}), ratio $(awk -v a="$s" -v b="$e" 'BEGIN {printf "%.2f", a / b}')"
if [ -n "$SRC_INDEX" ]; then
  a=$(printf '%s\n' "${API_TIMES[@]}" | median); b=$(printf '%s\n' "${EMPTY_API_TIMES[@]}" | median)
  say "API health UP with a kept index: data $a ms (${API_TIMES[*]}), empty store $b ms (${EMPTY_API_TIMES[*]}), ratio $(awk -v x="$a" -v y="$b" 'BEGIN {printf "%.2f", x / y}')"
fi
