#!/usr/bin/env bash
# Knead's search and item reads over HTTP side by side with plain Lucene over HTTP (issue 15), one command:
#   public-api/bench/search-side-by-side.sh [items=10000] [seconds=10] [repetitions=3]
# Starts the embedded store, Knead's public API and a plain Lucene HTTP server (PlainLuceneServer) over the
# same documents, each its own JVM, and runs wrk (Debian package; one thread, pinned to core 1 with taskset),
# interleaved, at 8 and 32 connections, three repetitions (medians). Prints a Markdown table with the ratios Knead / plain.
# Ports KNEAD_BENCH_PORT..+3 (default 28120-28123); KNEAD_BENCH_JFR=FILE records Knead's API with JFR;
# KNEAD_BENCH_BASELINE=CLASSPATH measures another build of the API (say, the previous commit's classes) alike.
# (then it also prints Knead / baseline within each repetition and their median); KNEAD_BENCH_KINDS=search measures searches only.
# Measuring starts once every server has been idle for 30 s after its start; KNEAD_BENCH_WARMUP=SECONDS sets the warm-up per
# server and kind (default: the run length); KNEAD_BENCH_API_ARGS / KNEAD_BENCH_BASELINE_ARGS add arguments to either API.
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }
# built from the reactor (never installed): core's test jar and the search module come from their target folders
./mvnw -B -q -pl public-api -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench-classpath.txt -Dsurefire.skip=true
# the store in its own process holds 100,000 items in about 1 GB of heap (KNEAD_BENCH_STORE_HEAP)
exec java -Xmx2g -Dknead.bench.store-heap="${KNEAD_BENCH_STORE_HEAP:-2g}" \
  -cp "public-api/target/test-classes:public-api/target/classes:$(cat public-api/target/bench-classpath.txt)" \
  org.knead.api.bench.SideBySideBenchmark "$@"
